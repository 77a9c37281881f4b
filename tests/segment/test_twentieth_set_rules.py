"""Labs as the twentieth genre set writes them (invented names unless a fixture is named): a
newsletter's column of prose beside a sidebar's key-facts table, a question heading ('Wat is
KLAVOR?'), a cooperative defined by its text, a legal form its acronym spells, a short name a
naming clause gives ('known as Nardata'), an acronym heading with its name in apposition ('KSL –
the Narnian Institute for Health and Welfare'), and slides that set out the presenter's own context."""

from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import records_of
from layout_boxes import FlowBuilder

from extract.pipeline import sections_of
from extract.read.reader import read_document
from extract.rules.lexicon import lexicon
from extract.segment.acronyms import defined_acronyms
from extract.segment.titles import parse_title
from extract.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_a_column_of_prose_beside_a_sidebar_table_is_read_column_by_column() -> None:
    """The right column holds a key-facts table and an agenda: the page is still two columns, so
    each lab's paragraph is read whole (it came out interleaved with the sidebar line by line)."""
    from extract.pipeline import process_file

    path = FIXTURES / "genres-heldout20" / "en-newsletter-nordic-health-data.pdf"
    records = process_file(path, Settings()).records
    assert [(r.name, r.acronym) for r in records] == [
        ("Finnish Institute for Health and Welfare", "THL"),
        ("Finnish Social and Health Data Permit Authority", "Findata"),
        ("Folkhälsomyndigheten", None)]
    assert [r.founded_year for r in records] == [2009, 2019, 2014]


@pytest.mark.parametrize(("lang", "heading", "name"), [
    ("nl", "Wat is KLAVOR?", "KLAVOR"),
    ("en", "What is the Quayside Insights Team?", "Quayside Insights Team"),
    ("fr", "Qu’est-ce qu’Elsalab ?", "Elsalab"),
    ("nl", "Wat is innovatie?", "Wat is innovatie?"),  # no name asked about: the heading as it is
])
def test_a_question_heading_names_what_it_asks_about(lang: str, heading: str, name: str) -> None:
    assert parse_title(heading, lexicon(lang)).name == name


def test_a_letter_that_asks_what_its_cooperative_is() -> None:
    """A letter whose subject names the cooperative only at the end of a phrase: the text's
    'SIVON is een coöperatie van schoolbesturen' makes it the lab (the record was named after the
    question heading 'Wat is SIVON?')."""
    path = FIXTURES / "genres-heldout20" / "nl-letter-sivon.pdf"
    assert [s.title for s in sections_of(read_document(path, Settings()))] == ["SIVON"]


def test_slides_that_open_on_the_presenter_s_own_context_then_a_key_facts_slide() -> None:
    from extract.pipeline import process_file

    path = FIXTURES / "genres-heldout20" / "nl-slides-waterinnovatie.pdf"
    records = process_file(path, Settings()).records
    assert [(r.name, r.acronym) for r in records] == [
        ("Stichting Toegepast Onderzoek Waterbeheer", "STOWA"), ("Deltares", None), ("Waternet", None)]


def test_a_legal_form_the_acronym_spells_stays_in_the_name() -> None:
    nl = lexicon("nl")
    assert parse_title("Stichting Kade Onderzoek Waterbeheer (SKOWA)", nl).name == "Stichting Kade Onderzoek Waterbeheer"
    assert parse_title("Stichting Kade Onderzoek Waterbeheer", nl, known_acronym="SKOWA").name == \
        "Stichting Kade Onderzoek Waterbeheer"
    # An acronym without the form's letter: the form is the register's, not the name's.
    assert parse_title("Stichting Kade Onderzoek Waterbeheer (KOW)", nl).name == "Kade Onderzoek Waterbeheer"


def test_a_full_name_label_under_an_acronym_slide_title() -> None:
    flow = FlowBuilder()
    flow.line("SKOWA", 18, bold=True)
    for line in ("Voluit: Stichting Kade Onderzoek Waterbeheer", "Sinds: 1971", "Web: skowa.example.nl"):
        flow.line(line)
    [record] = records_of(flow)
    assert (record.name, record.acronym) == ("Stichting Kade Onderzoek Waterbeheer", "SKOWA")


def test_a_short_name_a_naming_clause_gives_is_its_acronym() -> None:
    text = "The Narnian Social and Health Data Permit Authority, known as Nardata, started work in 2019."
    assert defined_acronyms(text) == [("Narnian Social and Health Data Permit Authority", "Nardata", 4)]
    # A name its letters do not come from is no short form of it.
    assert defined_acronyms("We met the Narnian Design Centre, known as Dorte, in 2019.") == []


@pytest.mark.parametrize(("lang", "heading", "name", "acronym"), [
    ("en", "KSL – the Narnian Institute for Health and Welfare", "Narnian Institute for Health and Welfare", "KSL"),
    ("en", "KSL — Limburg", "KSL", None),  # a short name and the region it serves
    ("en", "UK — the Quayside Insights Team", "Quayside Insights Team", None),  # a country, then the lab
])
def test_an_acronym_heading_with_its_name_in_apposition(lang: str, heading: str, name: str,
                                                        acronym: str | None) -> None:
    parts = parse_title(heading, lexicon(lang))
    assert (parts.name, parts.acronym) == (name, acronym)


def test_a_page_titled_with_a_name_its_text_keeps_using_is_about_it() -> None:
    """A programme's page on its host's site (the twenty-first set): 'Connect by CNES' has no lab's
    head noun, but the page is titled with it and its text keeps using it (the host, which the page
    names thirty times, took the record)."""
    from extract.pipeline import process_file

    path = FIXTURES / "genres-heldout21" / "fr-web-page-connect-by-cnes.pdf"
    [record] = process_file(path, Settings()).records
    assert (record.name, record.founded_year) == ("Connect by CNES", 2018)


def test_a_french_name_in_lower_case_founded_in_the_passive_is_a_lab(tmp_path: Path) -> None:
    source = tmp_path / "essai.txt"
    source.write_text("""Des start-up sur les quais
Deux institutions publiques que j'ai pu observer de près montrent que la conservation est devenue
un terrain d'expérimentation.
La première est un dispositif modeste. L'Incubateur du littoral a été lancé en avril 2018 par le
Conservatoire des quais, l'établissement public qui ouvre à la visite une centaine de quais. Le
principe est simple : chaque année, une petite promotion de jeunes entreprises vient tester sur les
quais une application de visite, accompagnée par les équipes du Conservatoire. L'incubateur n'a ni
statut ni conseil propres ; c'est un service du Conservatoire, qui le finance.
La seconde est d'une tout autre ampleur. L'Institut national des phares (INPH) est né le 1er janvier
1975, avec pour mission de conserver les phares. L'INPH emploie un millier de salariés. L'INPH vit
d'une dotation publique, et son site inph.example.fr est consulté par tous.
""", encoding="utf-8")
    titles = [s.title for s in sections_of(read_document(source, Settings()))]
    assert titles == ["Incubateur du littoral", "Institut national des phares (INPH)"]


def test_an_elided_article_before_a_bracketed_acronym_s_name_is_the_sentence_s() -> None:
    text = "Fondé en 1913, l'Institut royal des marées de Narnie (IRMN) est un établissement scientifique."
    assert defined_acronyms(text) == [("Institut royal des marées de Narnie", "IRMN", 17)]


def test_a_plain_name_founded_after_a_paragraph_on_another_lab(tmp_path: Path) -> None:
    """'Railor, de Narnische tegenhanger, ontstond op 1 januari 2005': a plain word the text keeps
    using as a name, founded within a few lines of another lab, is a second lab (it was read as the
    first lab's other name); 'Il', 'the Division' are no such names."""
    source = tmp_path / "essay.txt"
    source.write_text("""Twee beheerders van het spoor
Ik verdiepte me het afgelopen jaar in de twee beheerders van het spoornet in de Lage Landen.

KadeRail ontstond in 2003, toen drie bedrijven werden samengevoegd tot één beheerder van het spoor.
Het bedrijf is eigendom van de Staat en staat onder toezicht van een raad van commissarissen. Met
ruim vijfduizend medewerkers is KadeRail een grote organisatie. Meer informatie op kaderail.example.nl.

Railor, de Narnische tegenhanger, ontstond op 1 januari 2005 bij de opsplitsing van de spoorwegen.
Het is een naamloze vennootschap van publiek recht, bestuurd door een raad van bestuur. Railor wordt
gefinancierd met dotaties van de overheid. Het innovatielab van de vervoerder is geen onderdeel van Railor.
""", encoding="utf-8")
    assert [s.title for s in sections_of(read_document(source, Settings()))] == ["KadeRail", "Railor"]


@pytest.mark.parametrize(("lang", "text", "body", "members"), [
    ("nl", "Het Kwartier Lab is in 2016 opgericht. Een raad van commissarissen van drie deskundigen houdt toezicht "
           "op de directie.\n", "raad van commissarissen", 3),
    # Without a count only the verb of governing says the body is the lab's (the one above passed on
    # the code before this rule through its count).
    ("nl", "Het Kwartier Lab is in 2016 opgericht. Een raad van commissarissen houdt toezicht op de directie.\n",
     "raad van commissarissen", None),
    ("nl", "Het Kwartier Lab is in 2016 opgericht als stichting met een raad van toezicht.\n", "raad van toezicht", None),
    ("en", "The Widget Lab was set up in 2012. A board of trustees oversees the foundation's work.\n",
     "board of trustees", None),
    ("en", "The Widget Lab was set up in 2012 and answers to a seven-member board that meets monthly.\n", "board", 7),
    ("fr", "Le Quorvex Lab a été créé en 1971. Un conseil d'administration fixe la stratégie du laboratoire.\n",
     "conseil d'administration", None),
])
def test_a_body_in_lower_case_that_runs_the_lab(lang: str, text: str, body: str, members: int | None) -> None:
    from extract.pipeline import process_text

    [record] = process_text(text, name=f"{lang}.txt").records
    assert record.governance is not None
    assert [(b.name.casefold(), b.members) for b in record.governance.bodies] == [(body, members)]


def test_a_compound_s_inner_letter_gives_way_to_a_name_spelled_by_its_initials() -> None:
    text = "The Narnia Northern Foundation (NNF) was founded in 2011 by the Quay Trust."
    assert defined_acronyms(text) == [("Narnia Northern Foundation", "NNF", 4)]
    assert defined_acronyms("Het Planbureau voor de Kades (PBK) is") == [("Planbureau voor de Kades", "PBK", 4)]


def test_a_french_name_founded_with_its_acronym_between() -> None:
    """"La Direction des achats de l'État (DAE) a été créée par un décret du 3 mars 2016" in the
    twenty-second set's essay: its name is in lower case and its acronym stands before the verb."""
    path = FIXTURES / "genres-heldout22" / "fr-prose-plain-achats-innovants.pdf"
    assert [s.title for s in sections_of(read_document(path, Settings()))] == ["Direction des achats de l'État (DAE)"]


@pytest.mark.parametrize(("lang", "text", "year"), [
    ("en", "The Quay Lab was set up by the Narnian Ministry of Harbours in April 2013 and has run since.", 2013),
    ("nl", "Het Kadelab werd opgericht door het Narnische ministerie van Havens op 1 april 2016.", 2016),
])
def test_a_founding_s_day_and_month_do_not_push_its_year_away(lang: str, text: str, year: int) -> None:
    from extract.pipeline import process_text

    [record] = process_text(text + "\n", name=f"{lang}.txt").records
    assert record.founded_year == year
