"""Rules found on the sixth unseen genre set, written for the language rather than for its
documents: relations with an adverb or a date inside, labs defined as a part of an organisation,
labs presented by their founding however the sentence runs, letters, mastheads, key-facts
blocks without colons, amounts compared with, a place before a colon."""

from __future__ import annotations

import pytest

from extract.extractors.parents import trim_parent
from extract.models import Line, Table, TableCell
from extract.pipeline import process_text
from extract.rules.lexicon import lexicon
from extract.segment.tables import key_value_tables
from extract.segment.titles import parse_title


def _parent(text: str) -> str | None:
    (record,) = process_text(text).records
    return record.governance.parent if record.governance else None


@pytest.mark.parametrize(("sentence", "parent"), [
    ("Het lab valt formeel onder het ministerie van Volksgezondheid.", "ministerie van Volksgezondheid"),
    ("Le laboratoire dépend directement du ministère de la Santé.", "ministère de la Santé"),
    ("The lab reports formally to the Department of Health.", "Department of Health"),
])
def test_an_adverb_inside_a_relation_phrase_still_names_the_parent(sentence: str, parent: str) -> None:
    text = f"1. Voorbeeldlab\nWebsite: www.voorbeeldlab.example\n{sentence}\n"
    assert _parent(text) == parent


def test_a_lab_defined_as_a_part_of_an_organisation_has_that_parent() -> None:
    text = ("1. Voorbeeldlab\nWebsite: www.voorbeeldlab.example\n"
            "Voorbeeldlab, het innovatielab van het Deense Ministerie van Onderwijs, werkt met scholen.\n")
    assert _parent(text) == "Ministerie van Onderwijs"


def test_joint_founders_are_no_parent() -> None:
    text = ("1. Example Lab\nWebsite: www.examplelab.example\n"
            "Example Lab was founded in 2019 by the City of Exampleton and the University of Exampleton.\n")
    assert _parent(text) is None


@pytest.mark.parametrize(("name", "kept"), [
    ("Danish Ministry of Culture", "Ministry of Culture"),
    ("Swedish Agency for Digital Government", "Swedish Agency for Digital Government"),  # an agency's name
    ("Scottish Government", "Scottish Government"),  # no complement: a name
])
def test_a_nationality_before_a_ministry_is_description(name: str, kept: str) -> None:
    assert trim_parent(name, lexicon("en")) == kept


def test_a_budget_compared_with_last_year_is_this_years_and_a_total_for_one_year_is_yearly() -> None:
    text = ("1. Voorbeeldlab\nWebsite: www.voorbeeldlab.example\n"
            "De ontwerpbegroting 2026 sluit op een totaal van € 4,2 miljoen, tegen € 3,9 miljoen in 2025.\n")
    (record,) = process_text(text).records
    assert record.budget is not None
    assert (record.budget.amount, record.budget.period) == (4_200_000, "year")


@pytest.mark.parametrize(("text", "name", "founded"), [
    # A founded lab the letter also calls 'our Design Team', under a ministry's letterhead.
    ("MINISTRY OF EXAMPLES\nExample Street 1, Exampleton\nDear colleagues,\n"
     "Thank you for your questions about our Design Team.\n"
     "The Design Team of the Ministry of Examples was set up in 2020 and is part of the Strategy Unit.\n"
     "We are a team of seven. Our Design Team works with every directorate.\n"
     "Yours sincerely,\nA. Person\nHead of the Design Team\n",
     "Design Team of the Ministry of Examples", 2020),
    # A one-word name whose article the letter capitalises mid-sentence; 'Geacht college' opens it.
    ("Gemeente Voorbeeldstad\nPostbus 1, Voorbeeldstad\nGeacht college,\n"
     "Wij ontvingen de jaarrekening van Het Gegevenshuis. Het Gegevenshuis is sinds de oprichting in 2012 "
     "uitgegroeid tot de datadienst van alle gemeenten in de regio.\n"
     "Met vriendelijke groet,\nhet college van Voorbeeldstad\n",
     "Het Gegevenshuis", 2012),
])
def test_a_letter_is_about_the_lab_its_founding_presents_not_its_letterhead(text: str, name: str, founded: int) -> None:
    (record,) = process_text(text).records
    assert (record.name, record.founded_year) == (name, founded)


def test_labs_presented_by_an_apposition_and_by_an_acronym_are_found_a_masthead_is_not() -> None:
    text = ("CITYNOTES — Issue 12\nTwo labs this month.\n"
            "LAB.Norte, the participation lab of the City Hall of Norteville, was created in March 2016. "
            "The team of nine runs open consultations for the city.\n\n"
            "Sureland's Agency for Digital Services and Information Society (ADSIS) was created by law in 2008. "
            "ADSIS reports to the Presidency and has some 200 staff.\n\n"
            "CITYNOTES is an independent newsletter.\n")
    names = {r.name for r in process_text(text).records}
    assert names == {"LAB.Norte", "Agency for Digital Services and Information Society"}


def table_of(lines: list[Line]) -> Table:
    """The table the layout stage finds around ``lines``: one cell per tab-separated text."""
    cells = [TableCell(row=r, col=c, text=text, bbox=line.bbox)
             for r, line in enumerate(lines) for c, text in enumerate(line.text.split("\t"))]
    return Table(page=1, bbox=lines[0].bbox, cells=cells, method="word_boxes")


def test_a_key_facts_block_without_colons_is_read_as_labelled_lines() -> None:
    box = (0.0, 0.0, 100.0, 10.0)
    rows = ["Name\tExample Computing Centre", "Short name\tECC", "Established\t1999", "Legal form\tcompany",
            "Staff\t420"]
    lines = [Line(page=1, text=t, bbox=box, role="table") for t in rows]
    rewritten, _ = key_value_tables([table_of(lines)], lines)
    assert [line.text for line in rewritten] == [
        "Name: Example Computing Centre", "Short name: ECC", "Established: 1999", "Legal form: company", "Staff: 420"]
    # A table of labs (names in the first column) is left as it is.
    labs = [Line(page=1, text=t, bbox=box, role="table") for t in ["Alpha Lab\t12", "Beta Unit\t7", "Gamma Team\t3"]]
    assert [line.text for line in key_value_tables([table_of(labs)], labs)[0]] == [line.text for line in labs]


@pytest.mark.parametrize(("lang", "title", "name", "acronym", "country"), [
    ("en", "Korea: National Example Agency (NEA)", "National Example Agency", "NEA", "KR"),
    ("en", "NEA (KR)", "NEA", None, "KR"),  # an ISO code in brackets is the country
    # A place, then the name with its article and a description.
    ("fr", "Mali : l'AGEX, établissement public", "AGEX", None, "ML"),
    ("fr", "Côte d'Ivoire : l'ANEX, une agence", "ANEX", None, "CI"),
    ("fr", "Tunisie : le CNEX, un demi-siècle", "CNEX", None, "TN"),
])
def test_a_place_before_a_colon_and_an_iso_code_in_brackets_give_the_country(
        lang: str, title: str, name: str, acronym: str | None, country: str) -> None:
    parts = parse_title(title, lexicon(lang))
    assert (parts.name, parts.acronym, parts.country) == (name, acronym, country)


def test_french_names_with_elided_words_founded_with_their_acronym_are_labs() -> None:
    text = ("2. Mali : l'ATEX, un établissement public\nL'Agence des Technologies de l'Information et de la Communication (ATEX) a été créée "
            "en 2005. L'ATEX gère l'intranet de l'administration et compte 130 agents.\n"
            "3. Niger : l'ONTEX, une agence\nL'Office National des Télécommunications/TIC (ONTEX) a été créé en 2012. "
            "L'ONTEX emploie 250 personnes.\n")
    acronyms = {r.acronym for r in process_text(text).records}
    assert acronyms == {"ATEX", "ONTEX"}


def test_a_middle_dot_numbers_a_title() -> None:
    from extract.layout.headings import strip_numbering

    assert strip_numbering("2 · VNG Realisatie") == "VNG Realisatie"
    assert strip_numbering("3. Dimpact") == "Dimpact"


def test_a_questionnaire_answering_on_the_question_line_gives_labelled_lines() -> None:
    from extract.segment.forms import inline_answers

    box = (0.0, 0.0, 100.0, 10.0)
    texts = ["1.1 Dénomination\tAgence Exemple du Numérique", "1.2 Sigle\tAEN", "1.3 Pays\tNiger",
             "2.1 Effectif total au 31 décembre 2022", "94 agents", "2.2 Autre question"]
    lines = [Line(page=1, text=t, bbox=box, role="table") for t in texts]
    assert [line.text for line in inline_answers(lines)] == [
        "Dénomination: Agence Exemple du Numérique", "Sigle: AEN", "Pays: Niger",
        "2.1 Effectif total au 31 décembre 2022", "94 agents", "2.2 Autre question"]


def test_a_founding_told_of_this_unit_is_the_founding_of_the_one_named_before() -> None:
    text = ("Drie voorbeelden uit Australië.\n"
            "Het eerste is klein. Heel anders is Digitaal Voorbeeldbureau, in Melbourne. Deze eenheid werd in 2019 "
            "opgericht binnen het premiersdepartement en telde 150 mensen.\n\n"
            "Het tweede voorbeeld is het Voorbeeld Innovation Lab, dat in 2015 werd opgericht binnen de "
            "gemeente Sydney en een team van 12 mensen heeft.\n")
    names = {r.name for r in process_text(text).records}
    assert "Digitaal Voorbeeldbureau" in names
