"""General rules for how reports name labs and state their facts (nl/en/fr), one assertion each.

Written from the failures of the third genre set (tests/fixtures/genres-heldout3); none names a lab
of that set's documents.
"""

from __future__ import annotations

import pytest

from extract.normalize import country_code, find_money
from extract.rules.lexicon import lexicon
from extract.segment.forms import form_questions, label_in
from extract.segment.lab_names import defined_acronyms, find_lab_names
from extract.segment.titles import is_report_title, parse_title


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("De ABC – Agentschap Binnenlandse Coördinatie opent morgen.", "Agentschap Binnenlandse Coördinatie", "ABC"),
    ("she called it the Open Service Team, OST for short.", "Open Service Team", "OST"),
    ("le Centre wallon d'excellence logicielle (CWEL) a vu le jour", "Centre wallon d'excellence logicielle", "CWEL"),
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
])
def test_currencies_and_halves_as_written(text: str, lang: str, amount: float, currency: str) -> None:
    (money,) = find_money(text, lang)
    assert (money.amount, money.currency) == (amount, currency)


def test_any_country_is_read_when_asked_directly() -> None:
    assert (country_code("Bénin", "fr"), country_code("Côte d'Ivoire", "fr")) == ("BJ", "CI")


def test_a_question_asking_the_lab_s_own_name_is_a_name_question() -> None:
    assert label_in("A1. Full name of the lab or team") == ("name", "name")
    assert label_in("May we publish your answers with the name of the lab?") != ("name", "name")


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
