"""Extraction work grows with a section's size, not with its square or cube (issue 15, item 3).

A section of 2,000 'Project i budget EUR n' lines is one long sentence with 2,000 amounts and
2,000 budget words: measuring the words between every amount and every budget word of its
sentence took minutes. Timings are in ``benchmarks/long_section.py``; here the work is counted.
"""

from __future__ import annotations

import pytest

from extract.extractors import extract_records
from extract.extractors.context import SectionContext
from extract.settings import Settings


def _budget_lines(n: int) -> str:
    return "\n".join(f"Project {i} budget EUR {1000 + 7 * i}" for i in range(n))


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Characters each ``token_distance`` call had to look at."""
    spans: list[int] = []
    original = SectionContext.token_distance

    def counting(self: SectionContext, a: int, b: int) -> int:
        spans.append(abs(b - a))
        return original(self, a, b)

    monkeypatch.setattr(SectionContext, "token_distance", counting)
    return spans


def test_words_measured_grow_linearly_with_the_section(measured: list[int], make_section) -> None:
    section = make_section(_budget_lines(2000), "Innovation Lab", lang="en")
    records = extract_records([section], Settings())
    text_size = len(section.text)
    # Each amount looks at the few budget words near it, not at every one in its sentence.
    assert sum(measured) < 20 * text_size, (sum(measured), text_size)
    assert len(measured) < 20 * 2000
    assert records and records[0].budget is not None


def test_amounts_far_apart_in_one_sentence_keep_their_nearest_budget_word(make_section) -> None:
    """The bounded search still finds the same anchor: the closest one, before or after."""
    text = "Resources: " + " ".join(["filler"] * 50) + " the annual budget is EUR 2 million and " + " ".join(
        ["more"] * 50) + " EUR 9 million"
    record = extract_records([make_section(text, "Testlab", lang="en")], Settings())[0]
    assert record.budget is not None and record.budget.amount == 2_000_000
