"""What a heading names (invented and held-out documents): an acronym after an elided article is
the lab's acronym ("L'OCVV" over its full name, 'Le GEVES' over a name label); a heading that says
whose the lab is names the lab ("The SEC's FinHub")."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import process_file
from extract.rules.lexicon import lexicon
from extract.segment.titles import parse_title
from extract.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_an_acronym_after_an_elided_article_is_the_acronym() -> None:
    records = process_file(FIXTURES / "genres-heldout37" / "fr-slides-ocvv-et-geves.pdf", Settings()).records
    assert {(r.name, r.acronym) for r in records} == {
        ("Office communautaire des variétés végétales", "OCVV"),
        ("Groupe d'étude et de contrôle des variétés et des semences", "GEVES")}


def test_a_heading_that_says_whose_the_lab_is_names_the_lab() -> None:
    lex = lexicon("en")
    assert parse_title("The SEC's FinHub", lex).name == "FinHub"
    assert parse_title("Australia's ASCA", lex).name == "ASCA"
    # A possessive that is part of the name stays: not an acronym or a country.
    assert parse_title("Queen's University Belfast", lex).name == "Queen's University Belfast"
    assert parse_title("Scotland's Futures Forum", lex).name == "Scotland's Futures Forum"


def test_a_name_running_on_past_a_french_preposition_is_no_place() -> None:
    # 'en' is French for 'in': 'Milieu- en Natuurraad van Vlaanderen' is a name, not 'Milieu' in Belgium.
    parts = parse_title("Milieu- en Natuurraad van Vlaanderen", lexicon("nl"))
    assert (parts.name, parts.country) == ("Milieu- en Natuurraad van Vlaanderen", None)
    assert parse_title("Innovatielab in de Verenigde Staten", lexicon("nl")).country == "US"


def test_a_page_titled_by_the_first_word_of_its_site_is_about_the_site() -> None:
    # 'Over de Unie' under the browser's 'Over de Unie - Unie van Waterschappen'.
    (record,) = process_file(FIXTURES / "genres-heldout37" / "nl-web-page-unie-van-waterschappen.pdf", Settings()).records
    assert (record.name, record.acronym) == ("Unie van Waterschappen", None)


def test_an_article_the_text_writes_in_lower_case_is_the_sentence_s() -> None:
    # '2. La Commission des jeux de hasard (Belgique)' over 'En Belgique, la Commission des jeux de hasard ...'.
    names = {r.name for r in process_file(FIXTURES / "genres-heldout29" / "fr-paper-regulateurs-jeux.pdf",
                                          Settings()).records}
    assert "Commission des jeux de hasard" in names and "La Commission des jeux de hasard" not in names


def test_a_pronoun_defined_as_a_body_is_not_a_lab_called_it() -> None:
    # 'Screen Ireland (Fís Éireann) is the national ... agency. It was first set up in 1981 ... It is a
    # statutory body under the aegis of this Department'.
    (record,) = process_file(FIXTURES / "genres-heldout29" / "en-letter-screen-ireland.pdf", Settings()).records
    assert record.name == "Screen Ireland"
