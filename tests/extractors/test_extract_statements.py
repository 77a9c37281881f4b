"""Budgets whose unit sits in a header: financial statements and key-figure labels."""

from __future__ import annotations

import pytest

from extract.extractors.statements import unit_in

STATEMENT = """Statement of comprehensive income for the year ended 31 March 2024
Note 2024 £000 2023 £000
Turnover 2 3,176 2,861
Staff costs 5 (1,864) (1,717)
Total expenditure (3,118) (2,874)
Operating surplus 58 (13)"""


def test_total_expenditure_under_a_thousands_header(extract_one):
    budget = extract_one(STATEMENT, "Testlab", lang="en").budget
    assert budget is not None
    assert (budget.amount, budget.currency, budget.period) == (3_118_000, "GBP", "year")


def test_dutch_statement_with_unit_in_the_label(extract_one):
    text = "Staat van baten en lasten 2023\nTotale baten 640 598\nTotale lasten (x € 1.000) 612 549"
    budget = extract_one(text, "Testlab", lang="nl").budget
    assert budget is not None and (budget.amount, budget.currency) == (612_000, "EUR")


def test_unit_in_the_budget_label(extract_one):
    budget = extract_one("Budget (EUR m): 1.3\nStaff: 15", "Testlab", lang="en").budget
    assert budget is not None and (budget.amount, budget.currency) == (1_300_000, "EUR")


@pytest.mark.parametrize(("text", "unit"), [
    ("2019 £000 2018 £000", ("GBP", 1e3)),
    ("(x € 1.000)", ("EUR", 1e3)),
    ("Budget (EUR m / per year)", ("EUR", 1e6)),
    ("en milliers d'euros", ("EUR", 1e3)),
    ("Budget in k€", ("EUR", 1e3)),
    ("No unit here 2019", None),
])
def test_units(text, unit):
    assert unit_in(text) == unit


def test_the_realised_column_beside_the_budgeted_one(extract_one):
    text = ("Staat van baten en lasten (bedragen × € 1.000)\n"
            "Begroting 2023 Realisatie 2023 Realisatie 2022\n"
            "Totaal baten 9.450 9.942 8.621\n"
            "Totaal lasten 9.450 9.555 8.531")
    budget = extract_one(text, "Testlab", lang="nl").budget
    assert budget is not None and (budget.amount, budget.currency, budget.period) == (9_555_000, "EUR", "year")


def test_turnover_is_the_budget_only_when_no_budget_is_given(extract_one):
    budget = extract_one("Kestrel invoices its customers for everything it does; turnover was €398 million in 2024.",
                         "Kestrel", lang="en").budget
    assert budget is not None and (budget.amount, budget.currency) == (398_000_000, "EUR")
    budget = extract_one("Turnover was €398 million in 2024. Its operating budget is €12 million a year.",
                         "Kestrel", lang="en").budget
    assert budget is not None and budget.amount == 12_000_000


@pytest.mark.parametrize(("text", "lang"), [
    ("The agency has a little over 700 employees.", "en"),
    ("L'AOC emploie un peu plus de 200 personnes.", "fr"),
])
def test_a_little_over_and_slightly_under_are_approximate(extract_one, text, lang):
    record = extract_one(text, "Testlab", lang=lang)
    value = record.staff if record.staff is not None else record.budget
    assert value is not None and value.approximate
