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
