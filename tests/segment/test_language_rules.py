"""General rules for how reports name labs and state their facts (nl/en/fr), one assertion each.

Written from the failures of the third genre set (tests/fixtures/genres-heldout3); none names a lab
of that set's documents.
"""

from __future__ import annotations

import pytest

from extract.normalize import country_code, find_money
from extract.rules.lexicon import lexicon
from extract.segment.acronyms import defined_acronyms
from extract.segment.forms import form_questions, label_in
from extract.segment.lab_names import find_lab_names
from extract.segment.titles import is_report_title, parse_title


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("De ABC – Agentschap Binnenlandse Coördinatie opent morgen.", "Agentschap Binnenlandse Coördinatie", "ABC"),
    ("she called it the Open Service Team, OST for short.", "Open Service Team", "OST"),
    ("le Centre wallon d'excellence logicielle (CWEL) a vu le jour", "Centre wallon d'excellence logicielle", "CWEL"),
    ("the Harbour Innovation Office (Biuro Innowacji Portowych, BIP) opened", "Biuro Innowacji Portowych", "BIP"),
    ("Presentation: NS Service Design Group (NS SDG)", "NS Service Design Group", "NS SDG"),
])
def test_acronyms_are_defined_after_a_dash_for_short_and_over_lower_case_adjectives(
        text: str, name: str, acronym: str) -> None:
    assert [(n, a) for n, a, _ in defined_acronyms(text)] == [(name, acronym)]


@pytest.mark.parametrize(("text", "lang", "amount", "currency"), [
    ("roughly NT$30 million a year", "en", 30e6, "TWD"),
    ("Budget 2023 : 310 MDH", "fr", 310e6, "MAD"),
    ("environ 14 milliards de FCFA", "fr", 14e9, "XOF"),
    ("zo'n anderhalf miljoen euro per jaar", "nl", 1.5e6, "EUR"),
    ("one and a half million euros", "en", 1.5e6, "EUR"),
    ("een begroting van ongeveer 3,2 miljard taka", "nl", 3.2e9, "BDT"),
    ("ruim 25 miljard roepia per jaar", "nl", 25e9, "IDR"),
    ("un budget d'environ 12 milliards de wons", "fr", 12e9, "KRW"),
])
def test_currencies_and_halves_as_written(text: str, lang: str, amount: float, currency: str) -> None:
    (money,) = find_money(text, lang)
    assert (money.amount, money.currency) == (amount, currency)


def test_any_country_is_read_when_asked_directly() -> None:
    assert (country_code("Bénin", "fr"), country_code("Côte d'Ivoire", "fr")) == ("BJ", "CI")


def test_a_question_asking_the_lab_s_own_name_is_a_name_question() -> None:
    asked = label_in("A1. Full name of the lab or team")
    assert asked is not None and asked[0] == "name"
    published = label_in("May we publish your answers with the name of the lab?")
    assert published is None or published[0] != "name"


def test_a_form_numbered_1_1_that_asks_a_few_fields_twice_is_a_form() -> None:
    texts = ["1.1 Naam van het lab", "Testlab", "1.2 Land", "België", "1.3 Webadres", "testlab.be",
             "2.1 Aantal medewerkers (personen)", "5", "2.2 Idem in fte", "4,5", "2.3 Jaarbudget", "EUR 300.000"]
    assert form_questions(texts)


def test_report_titles_name_the_document_not_the_lab() -> None:
    assert is_report_title("Jaarverslag 2021", lexicon("nl"))
    assert not is_report_title("Jaarverslag 2021 – GovLab", lexicon("nl"))
    parts = parse_title("Stichting Amsterdam Instituut voor Stedelijke Systemen (ASS Instituut)", lexicon("nl"),
                        document=True)
    assert (parts.name, parts.acronym) == ("Amsterdam Instituut voor Stedelijke Systemen", "ASS Instituut")


def test_a_weak_head_before_a_place_is_not_a_lab() -> None:
    assert find_lab_names("Objet : Mission à Québec la semaine prochaine", "fr") == []


# Written from the failures of the fourth genre set (2026-12-03); none names a lab of that set.

@pytest.mark.parametrize(("heading", "lang", "page_title"), [
    ("About the Lab", "en", True),
    ("À propos du labo", "fr", True),
    ("Over het lab", "nl", True),
    ("About Policy Lab", "en", False),
    ("Over de grens: drie Duitstalige labs", "nl", False),
])
def test_a_page_title_over_a_bare_head_noun_names_a_page_not_a_lab(heading: str, lang: str, page_title: bool) -> None:
    from extract.segment.lab_headings import is_page_title

    assert is_page_title(heading, lexicon(lang)) is page_title


@pytest.mark.parametrize(("name", "domain", "spelled"), [
    ("Harbour Co-Creation Lab", "www.harbourco-lab.example", True),   # one part skipped
    ("Public Policy Lab", "publicpolicylab.org", True),
    ("Harbour City Council", "harbourco-lab.example", False),
    ("Harbour Solutions Lab", "harbourdd.example", False),
])
def test_a_domain_spells_a_name_with_one_part_left_out(name: str, domain: str, spelled: bool) -> None:
    from extract.segment.spelling import domain_matches

    assert domain_matches(name, domain) is spelled


def test_a_hyphenated_word_stays_in_the_name() -> None:
    names = [m.name for m in find_lab_names("The Harbour Co-Creation Lab opened in 2015.", "en")]
    assert names == ["Harbour Co-Creation Lab"]


def test_a_lone_country_name_is_a_country_name() -> None:
    from extract.rules.places import is_country_name

    assert is_country_name("Tsjechië") and is_country_name("Estonia") and is_country_name("Bénin")
    assert not is_country_name("Digitaal") and not is_country_name("Estonia Digital")


def test_key_figures_over_the_years_are_not_labs_side_by_side() -> None:
    from extract.models import Line
    from extract.segment.lab_index import LabIndex
    from extract.segment.transposed import transposed_tables

    texts = ["2023\t2022", "Medewerkers (31-12)\t71\t66", "Fte (31-12)\t62,8\t58,1", "Begroting\t4.100\t3.900",
             "Website\twww.voorbeeld.example\twww.voorbeeld.example"]
    lines = [Line(page=1, text=t, bbox=(60, 100 + 14 * n, 400, 110 + 14 * n), role="table") for n, t in enumerate(texts)]
    body = list(range(len(lines)))
    assert transposed_tables(lines, body, LabIndex(lines, body, "nl")) == []


@pytest.mark.parametrize(("heading", "name", "country"), [
    ("Gdynia: Laboratorium Innowacji Społecznych", "Laboratorium Innowacji Społecznych", "PL"),
    ("Denemarken – Voorbeeldlab", "Voorbeeldlab", "DK"),
    ("Voorbeeldlab – Denmark", "Voorbeeldlab", "DK"),
    ("Case study: Example Lab", "Example Lab", None),
])
def test_a_place_before_a_colon_or_dash_is_where_the_lab_is(heading: str, name: str, country: str | None) -> None:
    parts = parse_title(heading, lexicon("en"))
    assert (parts.name, parts.country) == (name, country)


def test_cities_are_known_only_when_asked_directly_and_unambiguous() -> None:
    from extract.normalize.countries import city_country

    assert city_country("Bratislava") == "SK" and city_country("Praag") == "CZ"
    assert city_country("Digital") is None and city_country("San Antonio") is None  # several countries


@pytest.mark.parametrize(("heading", "name", "acronym"), [
    ("iLab — Northern Ireland Public Sector Innovation Lab", "Northern Ireland Public Sector Innovation Lab", "iLab"),
    ("Digdir — Digitaliseringsdirektoratet", "Digitaliseringsdirektoratet", "Digdir"),
    ("LabX - Experimentatie laboratorium voor de overheid", "LabX", None),   # a description, not a name
    ("Sitra — Finnish Innovation Fund", "Sitra", None),                      # its letters are not in the name
])
def test_a_short_name_before_the_full_name_it_stands_for(heading: str, name: str, acronym: str | None) -> None:
    parts = parse_title(heading, lexicon("en"))
    assert (parts.name, parts.acronym) == (name, acronym)


def test_a_name_whose_founding_is_told_or_that_is_presented_as_a_case_is_a_lab() -> None:
    from extract.models import Line
    from extract.segment.lab_index import LabIndex

    texts = ["Drie organisaties wil ik uitlichten. De eerste is k9x in Voorstad. Het programma begon in",
             "2007 en heeft ruim vierhonderd mensen in dienst.",
             "In Zuidhaven zag ik het tegenovergestelde model. Zuidhaven Slimme Stad werd in 2014 opgericht",
             "als technische uitvoeringseenheid van de provincie."]
    lines = [Line(page=1, text=t, bbox=(60, 100 + 14 * n, 500, 110 + 14 * n), role="body") for n, t in enumerate(texts)]
    index = LabIndex(lines, list(range(len(lines))), "nl")
    names = {e.name for e in index.entries if e.strong and e.in_heading}
    assert {"k9x", "Zuidhaven Slimme Stad"} <= names


def test_a_label_s_scale_applies_to_the_amount_in_its_cell() -> None:
    from extract.pipeline import process_text

    text = "1. Voorbeeldlab\nWebsite: www.voorbeeldlab.example\nBudget (m, local currency): PLN 4.5\nMensen circa 40\n"
    (record,) = process_text(text).records
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (4_500_000, "PLN")
    assert record.staff is not None and record.staff.count == 40


def test_won_as_a_verb_is_no_money() -> None:
    assert find_money("The team won the award in 2019.", "en") == []
