"""The period of an amount of money, said around it: per year, per month or in total.

'340.000 euro per jaar', 'un budget annuel de 2 M€', 'EUR 3 million over four years', '(2022–2025)'.
Words are matched on folded text (lower case, no accents), within the amount's clause.
"""

from __future__ import annotations

import re
from typing import Literal

from extract.rules.vocab import fold_keep_length

Period = Literal["year", "total", "month"]

_YEAR_RANGE = (
    r"(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)(?!\d)"
    r"|(?:19|20)\d\d\s+(?:tot|tot\s+en\s+met|t/m|to|until|till|through|a|au|jusqu'en)\s+(?:19|20)\d\d"
)
_FEW = (
    r"(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|tien|two|three|four|five|six|seven|eight|ten"
    r"|deux|trois|quatre|cinq|six|sept|huit|dix)"
)
_PERIODS: tuple[tuple[Period, str], ...] = (
    (
        "year",
        r"per\s+jaar|jaarlijks\w*|op\s+jaarbasis|jaarbudget\w*|jaarbegroting|per\s+annum|p\.\s?a\."
        r"|per\s+year|a\s+year|each\s+year|every\s+year|annual\w*|yearly|par\s+an\b|par\s+annee|annuel\w*"
        r"|chaque\s+annee|/\s?(?:jaar|year|an|yr)\b",
    ),
    (
        "month",
        r"per\s+maand|maandelijks\w*|per\s+month|a\s+month|monthly|par\s+mois|mensuel\w*|/\s?(?:maand|month|mois)\b",
    ),
    (
        "total",
        rf"in\s+totaal|totaal\w*|in\s+total|total\w*|au\s+total|meerjarig\w*|multi-?annual|multi-?year"
        rf"|pluriannuel\w*|(?:over|voor|sur|pour|for|during|tijdens|gedurende|across)\s+(?:de\s+|la\s+|the\s+)?"
        rf"(?:periode\s+|period\s+)?{_FEW}\s+(?:jaar|jaren|years|ans|annees)\b",
    ),
)
# A span of years says 'total' only when no period word is there ('het jaarlijks budget voor
# 2021-2024' is still per year): first 'over 2021-2024', then a bare '(2022–2025)'.
_YEAR_SPANS = (
    re.compile(
        r"(?<![\w])(?:over|voor|sur|pour|for|during|tijdens|gedurende|van|from|de|between|tussen|entre|period|periode)"
        rf"\s+(?:de\s+|la\s+|the\s+)?(?:periode\s+|period\s+)?(?:{_YEAR_RANGE})"
    ),
    re.compile(rf"(?<![\w])(?:{_YEAR_RANGE})"),
)
# 'annual report', 'jaarverslag', 'rapport annuel' name a document, not the amount's period.
_NOT_A_PERIOD = r"(?!\s+(?:report|review|conference|meeting|plan|verslag|rapport|conferentie|bijeenkomst|congres))"
_PERIOD_PATTERNS = tuple(
    (period, re.compile(rf"(?<![\w])(?:{body})(?![\w]){_NOT_A_PERIOD}")) for period, body in _PERIODS
)

_ABBREVIATIONS = frozenset(
    {"ca", "c", "approx", "env", "mln", "mld", "bijv", "resp", "nr", "vs", "incl", "excl", "p.a", "o.a", "max", "min"}
)


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: stops at '. X', '; ', but not after 'ca.' or 'approx.'.

    Looks at most 300 characters each way: periods and qualifiers sit close to the amount.
    """
    lo = max(0, start - 300)
    left = lo
    for match in re.finditer(r"[.!?;](?=\s+\S)", text[lo:start]):
        dot = lo + match.start()
        if match.group(0) == "." and _abbreviation_before(text, dot):
            continue
        left = lo + match.end()
    right = min(len(text), end + 300)
    for match in re.finditer(r"[.!?;](?=\s|$)", text[end:right]):
        dot = end + match.start()
        if match.group(0) == "." and _abbreviation_before(text, dot):
            continue
        right = dot
        break
    return left, right


def period_of(text: str, start: int, end: int, lo: int, hi: int) -> Period | None:
    """The period said closest to the amount, within [lo, hi) (its clause, between neighbours);
    a span of years counts only when no period word is there."""
    best: tuple[int, Period] | None = None
    before = fold_keep_length(text[max(lo, start - 60) : start])
    after = fold_keep_length(text[end : min(hi, end + 70)])
    for period, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, period)
        for match in pattern.finditer(after):
            distance = match.start()
            if best is None or distance < best[0]:
                best = (distance, period)
    if best is None and any(p.search(before) or p.search(after) for p in _YEAR_SPANS):
        return "total"
    return best[1] if best else None
