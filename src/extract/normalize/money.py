"""Amounts of money: a number with a currency on either side, its period and qualifier.

'340.000 euro', '€ 750.000', '2,5 M€', 'k€ 450', '1,2 million d'euros', 'SEK 40 million
(approx. EUR 3.6 million)'. A currency written before a number belongs to it unless it
already closed the previous amount; a year ('2021', '2021-2024') is never an amount.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import cache

from extract.rules.vocab import fold_keep_length

from .approximate import is_approximate
from .currencies import CurrencyToken, find_currencies
from .digits import read_digits
from .numbers import NumberMention, find_numbers
from .periods import Period, clause_bounds, period_of
from .qualifiers import Qualifier, qualifier_of
from .rule_data import LANGS, alternation, pattern_alternation, patterns, words
from .spans import overlaps

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MoneyMention:
    amount: float
    currency: str | None
    start: int
    end: int
    raw: str
    approximate: bool
    period: Period | None = None
    qualifier: Qualifier | None = None
    alternatives: tuple[MoneyMention, ...] = ()
    """The same amount in another currency ('… of 313 miljoen euro'), main amount first."""


_THOUSANDS_SHAPE = re.compile(r"\d{1,3}[.,]\d{3}")


def _is_year(m: NumberMention) -> bool:
    return not m.is_word and m.scale == 1.0 and re.fullmatch(r"(?:19|20)\d\d", m.raw) is not None


# Between an amount and its currency: spaces (line breaks in OCR'd text too), and the Dutch
# ',-' / ',--' that says 'no cents' ('€ 500.000,-', '2.000,- euro').
_GAP = re.compile(r"(?:[.,]-{1,2})?[\s\u00a0\u202f]{0,4}")
_FRENCH_OF = re.compile(r"[\s\u00a0\u202f]{1,4}(?:de|d['’])[\s\u00a0\u202f]{0,2}")


@cache
def _alternative_gap() -> re.Pattern[str]:
    """What may stand between an amount and the same amount in another currency: brackets, '=',
    'ofwel', 'approx.', and a period ('NOK 25 million per year (approx. EUR 2.2 million)')."""
    joiners = pattern_alternation(patterns("money", "between_figures"))
    periods = pattern_alternation(patterns("money", "period_between_figures"))
    return re.compile(rf"\s*(?:[(\[,/=≈]|{joiners}|[±~]|\s|{periods})*\s*$", re.IGNORECASE)


def _attach(
    text: str, numbers: list[NumberMention], currencies: list[CurrencyToken]
) -> list[tuple[NumberMention, CurrencyToken, int, int]]:
    """Pair numbers with the currency written right after or right before them."""
    used: set[int] = set()
    pairs: list[tuple[NumberMention, CurrencyToken, int, int]] = []
    by_start = {c.start: i for i, c in enumerate(currencies)}
    by_end = {c.end: i for i, c in enumerate(currencies)}
    number_starts = {n.start for n in numbers}
    for n in numbers:
        year = _is_year(n)
        after = _GAP.match(text, n.end)
        gap_end = after.end() if after else n.end
        suffix = by_start.get(gap_end)
        if suffix is None and (link := _FRENCH_OF.match(text, n.end)) is not None:
            suffix = by_start.get(link.end())  # '1 350 millions de DA', '12 milliards d'Ar': a sign after 'de'
            gap_end = link.end() if suffix is not None else gap_end
        if suffix is None and n.scale != 1.0:
            # '2,5 M€': the scale letter read with the number also opens the currency token.
            suffix = next((i for i, c in enumerate(currencies) if n.start < c.start < n.end < c.end), None)
        if suffix is not None and suffix not in used:
            cur = currencies[suffix]
            glued = gap_end == n.end
            accept = True
            if year and not glued:
                # 'in 2020 EUR 3 million': the code opens the next amount; 'sinds 2019 euro' is no amount.
                nxt = _GAP.match(text, cur.end)
                accept = not (nxt and nxt.end() in number_starts) and not _year_context(text, n.start)
            if accept:
                used.add(suffix)
                pairs.append((n, cur, n.start, cur.end))
                continue
        if year:
            continue
        # A currency before the number: 'EUR 1.2m', '€ 750.000', 'k€ 450'.
        head = re.search(r"[\s\u00a0\u202f]{0,4}$", text[max(0, n.start - 4) : n.start])
        prefix = by_end.get(n.start - len(head.group(0))) if head else None
        if prefix is not None and prefix not in used:
            used.add(prefix)
            pairs.append((n, currencies[prefix], currencies[prefix].start, n.end))
    return pairs


@cache
def _year_preposition() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{alternation(words('money', 'year_prepositions'))})\s*$")


def _year_context(text: str, start: int) -> bool:
    """'sinds 2019', 'in 2020', 'depuis 2018': the figure is a date."""
    return _year_preposition().search(fold_keep_length(text[max(0, start - 12) : start])) is not None


def _url_spans(text: str) -> list[tuple[int, int]]:
    from .urls import find_urls

    return [(s, e) for _, s, e in find_urls(text)]


_OCR_EURO = re.compile(r"(?<=\d)(\s?[kKM])E(?![\w€])")


def find_money(text: str, lang: str | None = None) -> list[MoneyMention]:
    """Every amount of money in ``text``, in order; an amount given in two currencies comes
    back once, with the second figure in ``alternatives``."""
    if not text:
        return []
    # OCR reads '€' after a scale letter as 'E': '3,2 ME', '450 kE' (same length, offsets hold; what
    # a mention quotes stays the text as printed).
    printed = text
    text = _OCR_EURO.sub(lambda m: m.group(1) + "€", text)
    lang = lang if lang in LANGS else None
    urls = _url_spans(text)
    numbers = [n for n in find_numbers(text, lang) if not overlaps(urls, n.start, n.start + 1)]
    currencies = [c for c in find_currencies(text) if not overlaps(urls, c.start, c.start + 1)]
    pairs = _attach(text, numbers, currencies)
    pairs, range_scale, ranged = _ranges(text, numbers, pairs)
    mentions: list[MoneyMention] = []
    spans = [(s, e) for _, _, s, e in pairs]
    for index, (number, currency, start, end) in enumerate(pairs):
        value = number.value
        if number.is_word and len(number.raw.split()) == 1 and currency.end <= number.start \
                and not text[currency.end:number.start].strip():
            continue  # '(budget in $ million)', 'en M€': a unit that a table's figures are counted in, no amount
        if number.scale == 1.0 and not number.is_word and _THOUSANDS_SHAPE.fullmatch(number.raw):
            # Money has at most two decimals: '340,000 EUR' in a Dutch text is still 340 000.
            value = read_digits(number.raw, None) or value
        if id(number) in range_scale:
            amount = value * range_scale[id(number)]
        else:
            amount = value * (currency.scale if number.scale == 1.0 else 1.0)
        lo, hi = clause_bounds(text, start, end)
        if index > 0:
            lo = max(lo, spans[index - 1][1])
        if index + 1 < len(spans):
            hi = min(hi, spans[index + 1][0])
        mentions.append(
            MoneyMention(
                amount=round(amount, 2),  # '4.1 billion' is 4100000000, not 4099999999.9999995
                currency=currency.code,
                start=start,
                end=end,
                raw=printed[start:end],
                approximate=number.approximate or id(number) in ranged or is_approximate(text, start, end, lang),
                period=period_of(text, start, end, lo, hi),
                qualifier=qualifier_of(text, start, end, lang),
            )
        )
    return _merge_alternatives(text, mentions)


@cache
def _range_gap() -> re.Pattern[str]:
    """Between the two figures of a range: a dash, 'tot', 'to', 'à' (as printed, any case), maybe a currency symbol."""
    joiners = alternation(words("money", "range_joiners"), folded=False)
    return re.compile(rf"\s*(?:[-–—]|{joiners})\s*(?:[€£$]\s*)?", re.IGNORECASE)


Pair = tuple[NumberMention, CurrencyToken, int, int]


def _ranges(
    text: str, numbers: list[NumberMention], pairs: list[Pair]
) -> tuple[list[Pair], dict[int, float], set[int]]:
    """'EUR 1.5 to 2 million', '1,5 à 2 millions d'euros': the first figure takes the second's
    scale (and currency), and both are marked approximate since the text gives a range.

    Returns the pairs (with any new one), number id -> scale to apply, and the ids in a range.
    """
    paired = {id(p[0]): p for p in pairs}
    scale_of: dict[int, float] = {}
    ranged: set[int] = set()
    extra: list[Pair] = []
    for first, second in zip(numbers, numbers[1:], strict=False):
        if _is_year(first) or _is_year(second):
            continue
        if id(first) not in paired and id(second) not in paired:
            continue
        if _range_gap().fullmatch(text, first.end, second.start) is None:
            continue
        if first.scale != 1.0:
            if id(first) in paired and id(second) in paired:
                ranged.update({id(first), id(second)})  # 'between €3m and €4m'
            continue
        currency = paired[id(second)][1] if id(second) in paired else paired[id(first)][1]
        scale = second.scale if second.scale != 1.0 else currency.scale
        if first.value * scale >= second.value * (currency.scale if second.scale == 1.0 else 1.0):
            continue  # not a rising range ('2.000 à 3 millions' reads as two figures)
        scale_of[id(first)] = scale
        ranged.update({id(first), id(second)})
        for number in (first, second):
            if id(number) not in paired:
                extra.append((number, currency, number.start, number.end))
    merged = sorted(pairs + extra, key=lambda p: p[2])
    return merged, scale_of, ranged


def _merge_alternatives(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    merged: list[MoneyMention] = []
    for mention in mentions:
        if merged:
            main = merged[-1]
            gap = text[main.end : mention.start]
            if (
                mention.currency != main.currency
                and len(gap) <= 40
                and _alternative_gap().fullmatch(gap)
                and not main.alternatives
            ):
                alt = replace(mention, approximate=mention.approximate or main.approximate)
                period = main.period or mention.period
                merged[-1] = replace(main, alternatives=(alt,), period=period)
                continue
        merged.append(mention)
    return merged
