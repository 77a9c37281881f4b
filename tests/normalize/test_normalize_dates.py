"""Calendar dates in nl/en/fr text: a day of the month is never a count."""

from __future__ import annotations

import pytest

from extract.normalize.dates import date_spans


@pytest.mark.parametrize(("text", "dates"), [
    ("Employees at 31 December 372 (2022: 351)", ["31 December"]),
    ("Medewerkers in loondienst (31-12) 96 88", ["31-12"]),
    ("née le 1er juillet 2019 de la fusion", ["1er juillet 2019"]),
    ("March 3, 2021: 45 people", ["March 3, 2021"]),
    ("op 31.12.2023 telde het team", ["31.12.2023"]),
    # not dates: a decimal, a range, a year alone
    ("3.5 FTE and 10-12 staff in May 2014", []),
])
def test_dates_as_written(text: str, dates: list[str]) -> None:
    assert [text[a:b] for a, b in date_spans(text)] == dates
