"""Rules written on held-out set 41 (competition, energy, food-safety and fisheries regulators): an
acronym whose letters come from the name in another language, a comparison table whose header is
cut mid-word, a ministry's portfolio list among funders, a form's numbered questions and wrapped
tick boxes, and a page on another organisation's site."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.segment.acronyms import defined_acronyms
from extract.segment.forms import checked_lines


def test_a_bracketed_native_name_gives_its_acronym_to_the_name_before_it(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'German Federal Institute for Risk Assessment (Bundesinstitut für Risikobewertung, BfR)': the
    # lower-case letter of 'BfR' is the link word's.
    (record,) = fixture_records("genres-heldout41/en-annual-report-bfr.pdf")
    assert record.name == "German Federal Institute for Risk Assessment"
    assert record.acronym == "BfR"


def test_a_name_keeps_the_articles_after_its_link_words(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'de Internationale Raad voor het Onderzoek van de Zee, beter bekend onder zijn Engelse afkorting ICES'
    assert ("Internationale Raad voor het Onderzoek van de Zee", "ICES") in [
        (name, acronym) for name, acronym, _ in defined_acronyms(
            "Die raad is de Internationale Raad voor het Onderzoek van de Zee, beter bekend onder zijn "
            "Engelse afkorting ICES. Hij werd op 22 juli 1902 opgericht.")]
    (record,) = fixture_records("genres-heldout41/nl-prose-plain-ices.pdf")
    assert (record.name, record.acronym) == ("Internationale Raad voor het Onderzoek van de Zee", "ICES")


def test_a_camel_case_acronym_in_brackets_names_the_organisation_before_it(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'La Commission fédérale de l'électricité (ElCom)': the letters are the German name's.
    assert ("Commission fédérale de l'électricité", "ElCom") in [
        (name, acronym) for name, acronym, _ in defined_acronyms("La Commission fédérale de l'électricité (ElCom) ")]
    records = fixture_records("genres-heldout41/fr-slides-regulation-suisse.pdf")
    elcom = next(r for r in records if r.name == "Commission fédérale de l'électricité")
    assert elcom.acronym == "ElCom"


def test_a_comparison_table_naming_every_lab_in_its_header_is_no_one_labs(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Bundeskartellam / t', 'Bundesnetzage / ntur', 'Monopolkommi / ssion' over 'Sinds 1958 2005 1973'
    # and 'Omvang ca. 400 – 5 leden': under the last portrait, yet about all three.
    records = {r.name: r for r in fixture_records("genres-heldout41/nl-newsletter-toezicht-bonn.pdf")}
    assert records["Monopolkommission"].founded_year == 1973
    assert records["Monopolkommission"].staff is None
    assert records["Bundeskartellamt"].founded_year == 1958


def test_a_ministrys_portfolio_list_stays_one_funder(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'funded by the Exchequer through the Department of Agriculture, Food and the Marine'
    records = fixture_records("genres-heldout41/en-newsletter-fish-food-control.pdf")
    sfpa = next(r for r in records if r.acronym == "SFPA")
    assert sfpa.funding_sources == ["Exchequer through the Department of Agriculture, Food and the Marine"]


def test_a_form_reads_its_numbered_questions_and_wrapped_tick_boxes(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    (record,) = fixture_records("genres-heldout41/en-form-acer.pdf")
    assert record.staff is None  # '3.2 Staff (statutory staff ..., head count)' / 'n/a': 3.2 is the question's number
    assert record.founded_year == 2009  # '1.5 Founding act and year', not 'Since 2021 the Agency levies fees'
    assert record.funding_sources == ["EU contribution from the general budget", "fees and charges"]
    assert record.governance is not None
    assert record.governance.parent is None  # 'under the REMIT wholesale energy market regulation': a law
    # '(2 appointed by the European Parliament, 5 by the Council, 2 by the Commission)': who appoints.
    assert [b.name for b in record.governance.bodies] == ["Administrative Board"]


def test_tick_box_choices_wrap_onto_the_next_line_of_boxes() -> None:
    assert checked_lines(["☒ EU budget ☒ fees and charges ☐ contributions from", "non-EU countries ☐ other"]) == [
        "EU budget; fees and charges", ""]
    assert checked_lines(["☐ EU budget ☒ fees and", "charges ☐ other"]) == ["fees and charges", ""]
    # A line's own question before its boxes is no wrapped choice.
    assert checked_lines(["Type ☒ agency ☐ unit", "Period ☐ annual ☒ multi-year"]) == ["Type agency", "Period multi-year"]


def test_an_acronym_spelled_out_in_the_sentence_before_names_its_organisation(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # "L'Office est devenu en 2003 l'Organisation mondiale de la santé animale, ... il se fait appeler
    # OMSA en français"; 'fao.org/eufmd' is the EuFMD's page, not the FAO's site.
    records = fixture_records("genres-heldout41/fr-prose-plain-sante-animale.pdf")
    assert [(r.name, r.acronym) for r in records] == [("Organisation mondiale de la santé animale", "OMSA")]
