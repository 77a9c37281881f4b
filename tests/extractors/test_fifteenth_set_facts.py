"""Money as the fifteenth genre set writes it (invented names): the rupee sign read by the lab's
country, a scale letter before any currency code, and a statement in thousands whose figures are
grouped by a space."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.models import LabRecord
from extract.normalize import find_money


def test_the_rupee_sign_is_read_by_the_lab_s_country(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Country: Mauritius\nThe Kestrel Council is the national research council.\n"
        "Summary statement of financial performance, year ended 30 June (Rs million)\n"
        "2023–2024 2022–2023\nGrants disbursed 71.5 64.0\nTotal expenditure 119.3 108.8\n",
        "Kestrel Council", lang="en")
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (119.3e6, "MUR")


@pytest.mark.parametrize(("text", "expected"), [
    ("Budget 2024 : ≈ 180 M PEN (Trésor public)", (180e6, "PEN")),
    ("Budget / an ~230 Md COP", (230e9, "COP")),
    ("12 M XAF", (12e6, "XAF")),
])
def test_a_scale_letter_before_any_currency_code(text: str, expected: tuple[float, str]) -> None:
    assert [(m.amount, m.currency) for m in find_money(text, "fr")] == [expected]


def test_a_scale_letter_before_a_plain_word_is_no_scale() -> None:
    assert find_money("180 M par an", "fr") == []


def test_a_statement_in_thousands_grouped_by_a_space(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Budget de fonctionnement de l'agence (en k€)\n2024 2023\nSubventions 6 830 6 600\n"
        "Total produits 7 420 7 137\nCharges de personnel 5 120 4 980\nTotal charges 7 420 7 137\n",
        "Agence Kestrel", lang="fr")
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (7_420_000, "EUR")


def test_a_total_line_whose_figures_ocr_lost_gives_no_budget_and_no_error(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Summary statement of financial performance (Rs million)\n2023–2024 2022–2023\nTotal expenditure\n"
        "The Kestrel Council has 38 staff in post.\n", "Kestrel Council", lang="en")
    assert record.budget is None


@pytest.mark.parametrize(("name", "lang", "expected"), [
    ("Présidence de la République, l'AZSC", "fr", "Présidence de la République"),
    ("Premier ministre, la DIZUM", "fr", "Premier ministre"),
    ("Présidence du Conseil des ministres pour prendre la suite du Team Kestrel", "fr",
     "Présidence du Conseil des ministres"),
    # The name goes on: its next item, a 'for' with its object, a lower-case prefix.
    ("Département fédéral de l'économie, de la formation et de la recherche", "fr",
     "Département fédéral de l'économie, de la formation et de la recherche"),
    ("Ministry for the Economy", "en", "Ministry for the Economy"),
    ("Centre for e-Innovation", "en", "Centre for e-Innovation"),
    ("Vlaams Agentschap voor innovatie", "nl", "Vlaams Agentschap voor innovatie"),
])
def test_a_parent_ends_before_an_apposition_or_a_purpose(name: str, lang: str, expected: str) -> None:
    from extract.extractors.parents import trim_parent
    from extract.rules.lexicon import lexicon

    assert trim_parent(name, lexicon(lang)) == expected


@pytest.mark.parametrize(("text", "lang", "count"), [
    ("Our people: about 70 researchers, trainers and programme managers", "en", 70),
    ("Ses équipes — une centaine d'agents — travaillent au siège de la ville.", "fr", 100),
    # A count of one trade is a part of the team's count, which wins.
    ("People. We are a team of five: the team lead, two service designers, one behavioural scientist and two "
     "developers.", "en", 5),
    # A team 'of 8 coachs et chargés de mission': the count is the team's.
    ("Kestrel: ≈ 25 produits incubés ; équipe de 8 coachs et chargés de mission", "fr", 8),
])
def test_staff_counted_by_their_trades(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                       count: int) -> None:
    record = extract_one(text, "Kestrel Centre", lang=lang)
    assert record.staff is not None and record.staff.count == count


def test_a_crowd_of_researchers_is_no_staff(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The conference drew 300 researchers from 40 countries. The centre has 12 staff.",
                         "Kestrel Centre", lang="en")
    assert record.staff is not None and record.staff.count == 12


@pytest.mark.parametrize(("footer", "expected"), [
    # A printed page's own address stands for its site.
    ("https://zorvex.sn/la-zorvex/presentation", "https://zorvex.sn"),
    ("https://www.zorvex.be/qui-sommes-nous", "https://www.zorvex.be"),
    # One path segment that is the lab's name is its site on a bigger one.
    ("https://kestreldd.com/solutions-lab", "https://kestreldd.com/solutions-lab"),
])
def test_a_printed_page_s_address_stands_for_its_site(make_section, footer: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from extract.extractors import extract_records
    from extract.settings import Settings

    section = make_section("The lab has 12 staff.", "Kestrel Solutions Lab", lang="en", urls=(footer,))
    (record,) = extract_records([section], Settings())
    assert record.website == expected


def test_a_lab_opened_by_someone_in_a_year(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Het Kestrelhuis werd in 2016 door de stad Ulm geopend als open werkplaats. Het heeft 3 "
                         "medewerkers.", "Kestrelhuis", lang="nl")
    assert record.founded_year == 2016


def test_something_else_launched_by_someone_in_a_year_is_not_the_lab_s_founding(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("In 2016 werd door de stad het programma Zorg gelanceerd. Het Kestrelhuis heeft 3 "
                         "medewerkers.", "Kestrelhuis", lang="nl")
    assert record.founded_year is None
