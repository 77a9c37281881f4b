"""A budget figure is not a funding source ('runs on an annual budget of ...')."""

from __future__ import annotations

import pytest

from extract.pipeline import process_text


def test_budget_phrase_after_runs_on_is_not_a_funder() -> None:
    text = ("1. Example Experiments Office, Finland\nWebsite: www.example.fi\n"
            "Resources: the office runs on an annual budget of EUR 2.3 million.\n"
            "Governance: it is funded by the city council.\n")
    (record,) = process_text(text).records
    assert record.budget is not None and record.budget.amount == 2_300_000
    assert all("budget" not in source.lower() for source in record.funding_sources)


def test_funders_joined_by_and_the_are_separate_items() -> None:
    text = ("1. Example City Lab\nWebsite: www.example.be\n"
            "Financiering: het lab wordt gefinancierd door de Stad Brugge en de Vlaamse overheid.\n")
    (record,) = process_text(text).records
    assert record.funding_sources == ["Stad Brugge", "Vlaamse overheid"]


def test_french_funding_label_splits_at_et_l() -> None:
    text = "1. Labo Exemple, France\nSite web : www.exemple.fr\nFinancement : la Région Normandie et l'État.\n"
    (record,) = process_text(text).records
    assert record.funding_sources == ["Région Normandie", "État"]


def test_a_programme_name_with_and_stays_whole() -> None:
    text = ("1. Example Lab\nWebsite: www.example.pt\n"
            "Resources: most of the budget comes from Recovery and Resilience Plans.\n")
    (record,) = process_text(text).records
    assert record.funding_sources == ["Recovery and Resilience Plans"]


@pytest.mark.parametrize(("body", "sources"), [
    # a second source after 'and, occasionally, from'
    ("The lab costs about €900,000 a year. Its costs are met from the port authority's innovation budget and, "
     "occasionally, from regional development funds.", ["port authority's innovation budget", "regional development funds"]),
    # 'le budget régional' names who pays; 'un budget annuel de 2 M€' only says how much
    ("Son fonctionnement est entièrement financé sur le budget régional.", ["budget régional"]),
    # qualifiers ('grotendeels', 'voor een klein deel') are not part of the source
    ("Het lab heeft een jaarbudget van ongeveer 800.000 euro, grotendeels uit de provinciebegroting en voor een "
     "klein deel uit Europese projectsubsidies.", ["provinciebegroting", "Europese projectsubsidies"]),
    # a contribution of a named body is that body
    ("In 2022 the lab had about 3 million euro, for the most part a contribution of the Federal Ministry of "
     "Example Affairs and further membership fees.", ["Federal Ministry of Example Affairs", "membership fees"]),
    # nouns sharing one complement are one source
    ("De begroting wordt volledig gedekt door opdrachten van gemeenten, provincies en waterschappen.",
     ["opdrachten van gemeenten, provincies en waterschappen"]),
    # a clause after the source is not another source
    ("Het team had zeven miljoen euro per jaar te besteden, uit de rijksbegroting, en legde verantwoording af "
     "aan de minister.", ["rijksbegroting"]),
])
def test_sources_as_written(body: str, sources: list[str]) -> None:
    (record,) = process_text(f"1. Voorbeeldlab\nWebsite: www.voorbeeldlab.example\n{body}\n").records
    assert record.funding_sources == sources


def test_a_comma_list_after_the_verb_and_a_resources_line() -> None:
    text = ("1. Labo Exemple, Canada\nSite web : www.labo-exemple.ca\n"
            "Financé par la Fondation Exemple, la ville et des mandats de recherche.\n"
            "2. Agence Exemple, Sénégal\nSite web : www.agence-exemple.sn\n"
            "Ressources : dotation de l'État + prestations facturées aux communes\n")
    first, second = process_text(text).records
    assert first.funding_sources == ["Fondation Exemple", "ville", "mandats de recherche"]
    assert second.funding_sources == ["dotation de l'État", "prestations facturées aux communes"]


def test_a_labelled_source_drops_what_it_pays_for() -> None:
    text = ("1. Example Digital Office\nWebsite: www.example.gov\n"
            "Funding: chargebacks to agencies for website services; federal grants\n")
    (record,) = process_text(text).records
    assert record.funding_sources == ["chargebacks to agencies", "federal grants"]

