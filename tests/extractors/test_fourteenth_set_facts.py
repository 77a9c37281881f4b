"""Facts as the fourteenth genre set writes them (invented names): a statement in any currency's
thousands ('all amounts in KShs '000'), a staff total after its parts, the year of the law a lab is
established under, a budget in a currency outside the curated list."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.models import LabRecord


def test_a_statement_in_thousands_of_any_currency(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Statement of financial performance\nFor the year ended 30 June 2024 (all amounts in KShs '000)\n"
        "Note 2023/24 2022/23\nTransfers from the Exchequer 6 238,400 211,600\nEmployee costs 9 176,310 154,882\n"
        "Total expenses 352,585 291,714\n", "Kestrel Innovation Agency", lang="en")
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (352585000, "KES")


@pytest.mark.parametrize(("text", "lang"), [
    ("As at 30 June the Agency had 41 permanent employees and 12 staff on fixed-term contracts, a total of 53 "
     "(2023: 47).", "en"),
    ("Au 31 décembre, l'agence comptait 41 salariés permanents et 12 salariés sous contrat, soit au total 53.", "fr"),
    ("Eind 2024 had het bureau 41 vaste medewerkers en 12 medewerkers op tijdelijke basis, in totaal 53.", "nl"),
    ("At year end the bureau had 41 employees on permanent terms and 12 on fixed-term contracts, a total "
     "workforce of 53.", "en"),
])
def test_a_staff_total_after_its_parts(extract_one: Callable[..., LabRecord], text: str, lang: str) -> None:
    record = extract_one(text, "Kestrel Innovation Agency", lang=lang)
    assert record.staff is not None and record.staff.count == 53


def test_a_total_of_something_else_is_no_staff_count(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The innovation week drew a total of 12,000 visitors. The agency has 40 employees.",
                         "Kestrel Innovation Agency", lang="en")
    assert record.staff is not None and record.staff.count == 40


def test_the_year_of_the_law_a_lab_is_established_under(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "The Kestrel Innovation Agency is a State Corporation established under section 28 of the Science, "
        "Technology and Innovation Act, No. 28 of 2013. It became operational in 2015.",
        "Kestrel Innovation Agency", lang="en")
    assert record.founded_year == 2013


def test_a_budget_in_a_currency_outside_the_curated_list(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "La loi de finances 2025 ouvre au profit de l'Unité Kestrel une dotation de fonctionnement de "
        "4,8 milliards d'ariary.", "Unité Kestrel", lang="fr")
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (4.8e9, "MGA")


@pytest.mark.parametrize(("text", "lang"), [
    # A key-figures table: label and value in cells.
    ("Chiffres clés 2025\nCollaboratrices et collaborateurs\tquelque 70 (62 EPT)\n"
     "Charges de fonctionnement\tCHF 43,2 millions\n", "fr"),
    ("Key figures 2025\nStaff\tsome 70\nOperating costs\tCHF 43.2 million\n", "en"),
    ("Kerncijfers 2025\nMedewerkers\tcirca 70\nWerkingskosten\tCHF 43,2 miljoen\n", "nl"),
])
def test_operating_costs_are_a_year_s_and_an_inclusive_staff_label(
        extract_one: Callable[..., LabRecord], text: str, lang: str) -> None:
    record = extract_one(text, "Secteur Kestrel", lang=lang)
    assert record.budget is not None and (record.budget.amount, record.budget.period) == (43.2e6, "year")
    assert record.staff is not None and record.staff.count == 70


def test_funding_sources_under_an_origin_of_resources_label(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Origine des ressources : Subvention de l'État ; recettes propres : loyers des espaces "
                         "et des incubateurs", "Agence Kestrel", lang="fr")
    assert record.funding_sources[:2] == ["Subvention de l'État", "recettes propres"]
    record = extract_one("Financieringsbronnen: Partnerbijdragen (circa 70%); subsidie gemeente Kestrel (circa 30%)",
                         "Stichting Kestrel", lang="nl")
    assert record.funding_sources == ["Partnerbijdragen", "subsidie gemeente Kestrel"]


def test_income_split_into_its_parts_and_a_reserve_for_a_programme(extract_one: Callable[..., LabRecord]) -> None:
    # What a self-funding agency takes in is its budget when the page gives nothing else; the parts
    # under it ('waarvan bijdrage ministerie') do not make it a contribution, and money set aside from
    # reserves for a programme's whole life is not a year's budget.
    record = extract_one(
        "Feiten en cijfers\n2024\nBaten\t€ 338 miljoen\nwaarvan tarieven\t€ 297 miljoen\n"
        "waarvan bijdrage ministerie\t€ 41 miljoen\nBron: jaarverslag 2024.\n"
        "Voor het programma Digitale Registratie is € 54 miljoen gereserveerd voor de hele looptijd. Dat bedrag "
        "komt uit onze eigen reserves en staat los van de jaarlijkse begroting.", "Dienst Kestrel", lang="nl")
    assert record.budget is not None and record.budget.amount == 338e6


def test_an_article_the_acronym_spells_is_part_of_the_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Initiative (TKI) is the council's place-based innovation unit. It has 40 staff.",
                         "The Kestrel Initiative", lang="en")
    assert record.name == "The Kestrel Initiative"
    record = extract_one("The Kestrel Lab (KL) is the council's innovation unit.", "The Kestrel Lab", lang="en")
    assert record.name == "Kestrel Lab"


def test_a_statement_in_thousands_of_a_one_letter_local_sign(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Statement of comprehensive income (summary), in Pula (P '000)\n2024/25 2023/24\n"
        "Government subvention 152,400 148,100\nTotal expenditure 165,205 226,230\n", "Kestrel Statistics", lang="en")
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (165205000, "BWP")
    # In running text one letter before a figure is no currency.
    record = extract_one("The bureau has three units: P 12 staff work on prices and R 30 on registers.",
                         "Kestrel Statistics", lang="en")
    assert record.budget is None


def test_a_predecessor_itself_founded_earlier(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Kestrel Statistics is a parastatal established under the Statistics Act of 2009 and operational since "
        "1 April 2012, when it took over the functions of the former Central Kestrel Office, itself founded in 1967.",
        "Kestrel Statistics", lang="en")
    assert record.founded_year == 2009
