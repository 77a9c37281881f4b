"""The period of an amount of money, said around it: per year, per month or in total.

'340.000 euro per jaar', 'un budget annuel de 2 M€', 'EUR 3 million over four years', '(2022–2025)'.
Words (the ``money`` group of ``rules/{nl,en,fr}.yml``) are matched on folded text (lower case, no
accents), within the amount's clause.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from extract.rules.vocab import fold_keep_length

from .rule_data import alternation, pattern_alternation, patterns, words

Period = Literal["year", "total", "month"]

# The money group of the language files (``rules/{nl,en,fr}.yml``) gives the words; how they follow
# each other is written here. Built once per rules folder (``use_rules_dir`` clears these caches).


def _year_range() -> str:
    """'2021-2024', '2021–24', '2021 tot 2024', '2021 à 2024'."""
    joiners = alternation(words("money", "year_range_joiners"))
    return (r"(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)(?!\d)"
            rf"|(?:19|20)\d\d\s+(?:{joiners})\s+(?:19|20)\d\d")


def _article_and_noun() -> str:
    """The optional 'de periode ', 'la période ', 'the period ' between a preposition and its years."""
    articles = alternation(words("money", "period_articles"))
    nouns = alternation(words("money", "period_nouns"))
    return rf"(?:(?:{articles})\s+)?(?:(?:{nouns})\s+)?"


@cache
def _period_patterns() -> tuple[tuple[Period, re.Pattern[str]], ...]:
    few = alternation(words("money", "few"))
    years = alternation(words("money", "year_nouns"))
    over = alternation(words("money", "total_prepositions"))
    # 'over vier jaar', 'sur la période de trois ans': a few years said in words or digits is in total.
    few_years = rf"(?:{over})\s+{_article_and_noun()}(?:\d+|{few})\s+(?:{years})\b"
    bodies: tuple[tuple[Period, str], ...] = (
        ("year", pattern_alternation(patterns("money", "period_year"))),
        ("month", pattern_alternation(patterns("money", "period_month"))),
        ("total", pattern_alternation((*patterns("money", "period_total"), few_years))),
    )
    # 'annual report', 'jaarlijkse bijeenkomst', 'rapport annuel' name a document, not the amount's period.
    not_a_period = rf"(?!\s+(?:{alternation(words('money', 'not_period_nouns'))}))"
    return tuple((period, re.compile(rf"(?<![\w])(?:{body})(?![\w]){not_a_period}")) for period, body in bodies)


@cache
def _year_spans() -> tuple[re.Pattern[str], ...]:
    """A span of years says 'total' only when no period word is there ('het jaarlijks budget voor
    2021-2024' is still per year): first 'over 2021-2024', then a bare '(2022–2025)'."""
    before = alternation(words("money", "span_prepositions"))
    return (
        re.compile(rf"(?<![\w])(?:{before})\s+{_article_and_noun()}(?:{_year_range()})"),
        re.compile(rf"(?<![\w])(?:{_year_range()})"),
    )


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word.lower() for word in words("money", "abbreviations"))


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    return word is not None and word.group(1).lower() in _abbreviations()


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
    for period, pattern in _period_patterns():
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, period)
        for match in pattern.finditer(after):
            distance = match.start()
            if best is None or distance < best[0]:
                best = (distance, period)
    if best is None:
        spans = [m for p in _year_spans() for m in (p.search(before), p.search(after)) if m is not None]
        if spans:
            # 'fiscal year 2024-25', 'spent 2023/24': two years in a row are one budget year.
            return "year" if all(one_budget_year(m.group(0)) for m in spans) else "total"
    return best[1] if best else None


def one_budget_year(span: str) -> bool:
    """'2016-17', '2023/24': two years in a row, one budget year."""
    years = re.findall(r"\d+", span)
    if len(years) < 2:
        return False
    first, last = int(years[0]), int(years[-1])
    if last < 100:
        last += first - first % 100
    return last == first + 1
