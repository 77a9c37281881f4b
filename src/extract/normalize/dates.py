"""Where a text writes a calendar date ('31 December 2023', '31-12', '31/12/2023', '1er juillet'):
a day of the month is never a count or an amount."""

from __future__ import annotations

import re
from functools import cache

from extract.rules.vocab import fold_keep_length

# '31/12/2023', '31.12.2023', '31-12-23'; day and month alone only in brackets ('(31-12)'): '10-12
# staff' is a range and '3.5' a decimal.
_NUMERIC = (r"\b\d{1,2}([/.-])\d{1,2}\1(?:19|20)?\d\d\b"
            r"|(?<=\()\d{1,2}[/-]\d{1,2}(?=\))")


@cache
def month_names() -> str:
    """A regex alternation of the months' names in nl/en/fr, folded (babel's wide and abbreviated)."""
    from babel.dates import get_month_names

    months: set[str] = set()
    for locale in ("nl", "en", "fr"):
        for width in ("wide", "abbreviated"):
            months.update(fold_keep_length(m).rstrip(".") for m in get_month_names(width, locale=locale).values())
    return "|".join(sorted((re.escape(m) for m in months if len(m) >= 3), key=len, reverse=True))


@cache
def _date_pattern() -> re.Pattern[str]:
    names = month_names()
    # '31 December', '1er juillet', 'December 31', each perhaps with its year.
    return re.compile(rf"{_NUMERIC}|\b\d{{1,2}}(?:er|st|nd|rd|th|e)?\s+(?:{names})\.?(?:\s+(?:19|20)\d\d)?\b"
                      rf"|\b(?:{names})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?")


def date_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each calendar date in ``text``."""
    return [m.span() for m in _date_pattern().finditer(fold_keep_length(text))]
