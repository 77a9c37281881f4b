"""A budget figure is not a funding source ('runs on an annual budget of ...')."""

from __future__ import annotations

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
