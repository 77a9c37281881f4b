"""Rules written on held-out set 68 (postal operators, science museums and centres, grid operators,
asylum-reception bodies) after its first look, and on the funding and founding misses of earlier sets:
a labelled list of sources in lower case whose first item ends on a name; a list that a noun
announces ('three sources – ...'); sources whose preposition comes again after a comma; a founding
told in a relative clause beside the lab's own name, or of 'the company'; a comparison of places
with one more column than chapters; a slide title ending on its legal form; a form's question that
dates what it asks in brackets; a statement's figures grouped by spaces with decimals; a parent the
lab had until a year."""

from __future__ import annotations

from collections.abc import Callable

from text_records import text_records

from extract.models import LabRecord


def test_a_labelled_list_of_sources_in_lower_case(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '• Financement : subvention du Land de Berlin (≈ 60 %), entrées et abonnements, cours de' /
    # 'natation, location de bassins aux clubs et aux écoles': the name closes the first item.
    records = {r.name: r for r in fixture_records("genres-heldout67/fr-slides-piscines-allemandes.pdf")}
    assert records["Berliner Bäder-Betriebe"].funding_sources == [
        "subvention du Land de Berlin", "entrées et abonnements", "cours de natation",
        "location de bassins aux clubs et aux écoles"]
    assert records["Bäderland Hamburg GmbH"].funding_sources == [
        "entrées", "saunas", "cours", "compensation versée par la Ville"]


def test_a_list_of_sources_a_noun_announces() -> None:
    text = ("Monte Carlo Casino Company\n\nThe Monte Carlo Casino Company (www.mccasino.mc) was founded in 1863 "
            "and employs 3,800 people.\n\nFinancial review\nOur income comes from three sources – gaming, hotel "
            "and restaurant activity, and rents – and we receive no public subsidy.\n")
    (record,) = text_records(text)
    assert record.funding_sources == ["gaming", "hotel and restaurant activity", "rents"]
    text = ("Théâtre de la Ville\n\nLe Théâtre de la Ville (www.tdlv.fr), fondé en 1968, emploie 120 personnes. "
            "Ses recettes proviennent de trois sources : la billetterie, le mécénat et les locations de salles.\n")
    (record,) = text_records(text)
    assert record.funding_sources == ["billetterie", "mécénat", "locations de salles"]


def test_sources_whose_preposition_comes_again_after_a_comma(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Onze opbrengsten bestaan uit de verhuur van de zalen en hallen aan organisatoren van concerten,
    # beurzen en congressen, uit horeca en catering, uit parkeeropbrengsten en uit de eigen evenementen ...'
    (record,) = fixture_records("genres-heldout65/nl-annual-report-ahoy.pdf")
    assert {"horeca en catering", "parkeeropbrengsten"} <= set(record.funding_sources)


def test_a_founding_told_beside_the_labs_own_name_or_of_the_company(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Since 1998 they have been in the care of Historic Royal Palaces, an independent charity which
    # began life in 1989 as an executive agency ...'
    (record,) = fixture_records("genres-heldout67/en-prose-plain-historic-royal-palaces.pdf")
    assert record.founded_year == 1989
    text = ("Lantis\n\nLantis (www.lantis.be) heeft 80 medewerkers. Het bedrijf werd in 1997 door de Vlaamse "
            "overheid opgericht om de Oosterweelverbinding te bouwen.\n")
    (record,) = text_records(text)
    assert record.founded_year == 1997


def test_a_comparison_of_places_and_a_title_ending_on_its_legal_form(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # Slides titled 'Stromnetz Berlin GmbH', 'Wiener Netze GmbH', 'Creos Luxembourg S.A.', then a
    # comparison headed 'Berlin  Vienna  Luxembourg  Hamburg (for comparison)': no record for a place,
    # and the third slide's title (ending on 'S.A.', not a sentence) starts its lab.
    records = {r.name: r for r in fixture_records("genres-heldout68/en-slides-grid-operators.pdf")}
    assert set(records) == {"Stromnetz Berlin GmbH", "Wiener Netze GmbH", "Creos Luxembourg S.A."}
    creos = records["Creos Luxembourg S.A."]
    assert (creos.founded_year, creos.staff and creos.staff.count) == (2009, 800)
    # '... part of the Vattenfall group until 2021' / 'Since 1 July 2021 owned by the Land Berlin'.
    berlin = records["Stromnetz Berlin GmbH"].governance
    assert berlin is not None and berlin.parent == "Land Berlin"


def test_a_question_dating_what_it_asks_in_brackets(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '2.2 Aantal personeelsleden (personen, 31/12)' / 'ca. 2.100'; '3.1 Totale begroting (dotatie) 2023' /
    # '€ 780 miljoen': one year's total.
    (record,) = fixture_records("genres-heldout68/nl-form-fedasil.pdf")
    assert record.staff is not None and (record.staff.count, record.staff.approximate) == (2100, True)
    assert record.budget is not None and (record.budget.amount, record.budget.period) == (780_000_000, "year")


def test_statement_figures_grouped_by_spaces_with_decimals(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Compte de résultats (en millions d'euros)' over 'Total des charges d'exploitation  (1 070,8)  (1 004,9)'.
    (record,) = fixture_records("genres-heldout68/fr-annual-report-ores.pdf")
    assert record.budget is not None and record.budget.amount == 1_070_800_000


def test_a_body_named_in_a_table_row_of_its_own(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Totale lasten  € 21,6 miljoen' over 'Raad van toezicht  6 leden': the row above names no part of it.
    (record,) = fixture_records("genres-heldout68/nl-web-page-nemo.pdf")
    assert record.governance is not None
    assert [(b.name, b.members) for b in record.governance.bodies] == [("Raad van toezicht", 6)]
