"""Amounts of money: a number with a currency on either side, its period and qualifier.

'340.000 euro', '€ 750.000', '2,5 M€', 'k€ 450', '1,2 million d'euros', 'SEK 40 million
(approx. EUR 3.6 million)'. A currency written before a number belongs to it unless it
already closed the previous amount; a year ('2021', '2021-2024') is never an amount.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from extract.rules.vocab import fold_keep_length

from .numbers import (
    LANGS,
    NumberMention,
    find_numbers,
    is_approximate,
    load_rule_file,
    overlaps,
    read_digits,
)

log = logging.getLogger(__name__)

Period = Literal["year", "total", "month"]
Qualifier = Literal["above", "below", "up_to", "each"]


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


# --------------------------------------------------------------------------- currencies


@dataclass(frozen=True)
class _CurrencyToken:
    code: str
    start: int
    end: int
    scale: float


@lru_cache(maxsize=1)
def _currency_tables() -> tuple[dict[str, str], dict[str, str], dict[str, float]]:
    rules = load_rule_file("currencies")
    exact: dict[str, str] = {str(k): v for k, v in rules["symbols"].items()}
    for code in rules["codes"]:
        exact[code] = code
    words: dict[str, str] = {}
    for code, names in rules["words"].items():
        for name in names:
            words[fold_keep_length(str(name))] = code
    prefixes = {str(k): float(v) for k, v in rules["scale_prefixes"].items()}
    return exact, words, prefixes


@lru_cache(maxsize=1)
def _currency_pattern() -> re.Pattern[str]:
    exact, words, prefixes = _currency_tables()
    symbols = sorted((s for s in exact if not s.isalpha()), key=len, reverse=True)
    codes = sorted((s for s in exact if s.isalpha()), key=len, reverse=True)
    prefix = "|".join(sorted(prefixes, key=len, reverse=True))
    word_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    sym_alt = "|".join(re.escape(s) for s in symbols)
    code_alt = "|".join(codes)
    # Symbols may carry a scale letter ('k€', 'M€'); codes too when glued ('MEUR', 'kEUR').
    return re.compile(
        rf"(?P<sp>{prefix})?(?P<sym>{sym_alt})"
        rf"|(?<![\w])(?P<cp>{prefix})?(?P<code>{code_alt})(?![\w])"
        rf"|(?<![\w])(?P<word>{word_alt})(?![\w])",
    )


def _find_currencies(text: str) -> list[_CurrencyToken]:
    exact, words, prefixes = _currency_tables()
    folded = fold_keep_length(text)
    tokens: list[_CurrencyToken] = []
    pattern = _currency_pattern()
    # Words are matched on folded text (case and accents ignored), symbols and codes as printed.
    for match in pattern.finditer(text):
        if match.group("sym"):
            scale = prefixes.get(match.group("sp") or "", 1.0)
            tokens.append(_CurrencyToken(exact[match.group("sym")], match.start(), match.end(), scale))
        elif match.group("code"):
            scale = prefixes.get(match.group("cp") or "", 1.0)
            # A code, or a symbol written in letters ('DH' for dirhams, 'MDH' for millions of them).
            tokens.append(_CurrencyToken(exact[match.group("code")], match.start(), match.end(), scale))
    taken = [(t.start, t.end) for t in tokens]
    for match in pattern.finditer(folded):
        word = match.group("word")
        if not word or overlaps(taken, match.start(), match.end()):
            continue
        key = re.sub(r"\s+", " ", word)
        tokens.append(_CurrencyToken(words[key], match.start(), match.end(), 1.0))
    tokens.sort(key=lambda t: t.start)
    return tokens


def currency_code(token: str) -> str | None:
    """ISO 4217 code for a currency as written ('€', 'euro', 'livres', 'SEK', 'kr'), else None."""
    if not isinstance(token, str):
        return None
    token = token.strip()
    if not token:
        return None
    exact, words, _ = _currency_tables()
    if token in exact:
        return exact[token]
    upper = token.upper()
    if upper in exact and upper.isalpha():
        return exact[upper]
    key = re.sub(r"\s+", " ", fold_keep_length(token))
    if key in words:
        return words[key]
    # 'euro's' with a typographic apostrophe, 'Euro.' with punctuation
    key = key.replace("’", "'").strip(".,;:()[]")
    if key in words:
        return words[key]
    direct = load_rule_file("currencies")["direct_only"]
    for code, names in direct.items():
        if key in names:
            return str(code)
    # A scaled unit as in a table header: 'k€', 'M€', 'MEUR', '(kEUR)'.
    bare = token.strip(".,;:()[] ")
    match = _currency_pattern().fullmatch(bare)
    if match and match.group("sym"):
        return exact[match.group("sym")]
    if match and match.group("code"):
        return match.group("code")
    return None


def currency_unit(token: str) -> tuple[str, float] | None:
    """(ISO code, multiplier) for a unit as a table header writes it: 'k€' -> ('EUR', 1000.0),
    'M EUR' -> ('EUR', 1e6), 'mln euro' -> ('EUR', 1e6), '€' -> ('EUR', 1.0); None otherwise."""
    if not isinstance(token, str):
        return None
    bare = token.strip(".,;:()[] \t\n")
    code = currency_code(bare)
    if code is None:
        # 'mln euro', 'M EUR', 'millions d'euros': a scale word, then the currency
        from .numbers import read_scale

        scale, end = read_scale(" " + bare, 0)
        if scale != 1.0 and (rest := bare[end - 1 :].strip()):
            inner = currency_code(rest)
            return (inner, scale) if inner else None
        return None
    _, _, prefixes = _currency_tables()
    match = _currency_pattern().fullmatch(bare)
    if match:
        prefix = match.group("sp") or match.group("cp") or ""
        return code, prefixes.get(prefix, 1.0)
    return code, 1.0


# --------------------------------------------------------------------------- period and qualifier

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

_QUALIFIERS_BEFORE: tuple[tuple[Qualifier, str], ...] = (
    (
        "up_to",
        r"tot\s+maximaal|tot\s+een\s+maximum\s+van|maximaal|max\.?|hooguit|tot|up\s+to|as\s+much\s+as"
        r"|a\s+maximum\s+of|no\s+more\s+than|jusqu['’]\s?a|au\s+maximum|au\s+plus|≤",
    ),
    (
        "above",
        r"meer\s+dan|ruim\s+meer\s+dan|boven\s+de|boven|minstens|minimaal|ten\s+minste|more\s+than|in\s+excess\s+of"
        r"|exceeding|above|at\s+least|plus\s+de|au-dela\s+de|superieur\w*\s+a|au\s+moins|>|≥",
    ),
    ("below", r"minder\s+dan|onder\s+de|onder|less\s+than|under|below|moins\s+de|inferieur\w*\s+a|<"),
    ("each", r"elk|elke|ieder|iedere|each|chacun|chacune"),
)
_QUALIFIER_BEFORE = tuple(
    (q, re.compile(rf"(?:^|(?<=[\s(\[:;,]))(?:{body})\s*(?:een\s+bedrag\s+van\s+)?$")) for q, body in _QUALIFIERS_BEFORE
)
_EACH_AFTER = re.compile(
    r"^\s*(?:elk|elke|ieder|each|apiece|chacun|chacune|per\s+stuk|pro\s+rata"
    r"|(?:per|par|a|an)\s+(?:lid|leden|partner|deelnemer|departement|member|participant|membre|partenaire"
    r"|ministere|ministerie|inwoner|capita|hoofd|persoon|person|head|habitant|resident|project|projet"
    r"|aanvraag|application|organisatie|organisation|gemeente|municipality|commune))(?![\w])"
)
_OVER_ABOVE = re.compile(r"(?:^|(?<=\s))over\s*$")
_ABBREVIATIONS = frozenset(
    {"ca", "c", "approx", "env", "mln", "mld", "bijv", "resp", "nr", "vs", "incl", "excl", "p.a", "o.a", "max", "min"}
)


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
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


def _period(text: str, start: int, end: int, lo: int, hi: int) -> Period | None:
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


def _qualifier(text: str, start: int, end: int, lang: str | None) -> Qualifier | None:
    before = fold_keep_length(text[max(0, start - 30) : start])
    for qualifier, pattern in _QUALIFIER_BEFORE:
        if pattern.search(before):
            return qualifier
    if lang == "en" and _OVER_ABOVE.search(before):
        return "above"
    if _EACH_AFTER.match(fold_keep_length(text[end : end + 40])):
        return "each"
    return None


# --------------------------------------------------------------------------- amounts


_THOUSANDS_SHAPE = re.compile(r"\d{1,3}[.,]\d{3}")


def _is_year(m: NumberMention) -> bool:
    return not m.is_word and m.scale == 1.0 and re.fullmatch(r"(?:19|20)\d\d", m.raw) is not None


# Between an amount and its currency: spaces (line breaks in OCR'd text too), and the Dutch
# ',-' / ',--' that says 'no cents' ('€ 500.000,-', '2.000,- euro').
_GAP = re.compile(r"(?:[.,]-{1,2})?[\s\u00a0\u202f]{0,4}")
_ALT_GAP = re.compile(
    r"\s*(?:[(\[,/=≈]|\bof\b|\bor\b|\bou\b|\bsoit\b|\bofwel\b|\boftewel\b|\bdus\b|\bi\.e\.|\bthat\s+is\b"
    r"|\bapprox\.?|\bongeveer\b|\bcirca\b|\bca\.|\bc\.|\benviron\b|\babout\b|\bsome\b|\bd\.w\.z\.|[±~]|\s"
    # A period between the figures: 'NOK 25 million per year (approx. EUR 2.2 million)'.
    r"|\bper\s+(?:year|annum|jaar|an|année)\b|\ba\s+year\b|\bannually\b|\bp\.\s?a\.|\bpar\s+an\b|\bjaarlijks\b"
    r")*\s*$",
    re.IGNORECASE,
)


def _attach(
    text: str, numbers: list[NumberMention], currencies: list[_CurrencyToken]
) -> list[tuple[NumberMention, _CurrencyToken, int, int]]:
    """Pair numbers with the currency written right after or right before them."""
    used: set[int] = set()
    pairs: list[tuple[NumberMention, _CurrencyToken, int, int]] = []
    by_start = {c.start: i for i, c in enumerate(currencies)}
    by_end = {c.end: i for i, c in enumerate(currencies)}
    number_starts = {n.start for n in numbers}
    for n in numbers:
        year = _is_year(n)
        after = _GAP.match(text, n.end)
        gap_end = after.end() if after else n.end
        suffix = by_start.get(gap_end)
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


def _year_context(text: str, start: int) -> bool:
    before = fold_keep_length(text[max(0, start - 12) : start])
    return (
        re.search(r"(?:^|\s)(?:in|sinds|vanaf|since|from|en|depuis|tot|until|jusqu'en|van|de)\s*$", before) is not None
    )


def _url_spans(text: str) -> list[tuple[int, int]]:
    from .urls import find_urls

    return [(s, e) for _, s, e in find_urls(text)]


_OCR_EURO = re.compile(r"(?<=\d)(\s?[kKM])E(?![\w€])")


def find_money(text: str, lang: str | None = None) -> list[MoneyMention]:
    """Every amount of money in ``text``, in order; an amount given in two currencies comes
    back once, with the second figure in ``alternatives``."""
    if not text:
        return []
    # OCR reads '€' after a scale letter as 'E': '3,2 ME', '450 kE' (same length, offsets hold).
    text = _OCR_EURO.sub(lambda m: m.group(1) + "€", text)
    lang = lang if lang in LANGS else None
    urls = _url_spans(text)
    numbers = [n for n in find_numbers(text, lang) if not overlaps(urls, n.start, n.start + 1)]
    currencies = [c for c in _find_currencies(text) if not overlaps(urls, c.start, c.start + 1)]
    pairs = _attach(text, numbers, currencies)
    pairs, range_scale, ranged = _ranges(text, numbers, pairs)
    mentions: list[MoneyMention] = []
    spans = [(s, e) for _, _, s, e in pairs]
    for index, (number, currency, start, end) in enumerate(pairs):
        value = number.value
        if number.scale == 1.0 and not number.is_word and _THOUSANDS_SHAPE.fullmatch(number.raw):
            # Money has at most two decimals: '340,000 EUR' in a Dutch text is still 340 000.
            value = read_digits(number.raw, None) or value
        if id(number) in range_scale:
            amount = value * range_scale[id(number)]
        else:
            amount = value * (currency.scale if number.scale == 1.0 else 1.0)
        lo, hi = _clause_bounds(text, start, end)
        if index > 0:
            lo = max(lo, spans[index - 1][1])
        if index + 1 < len(spans):
            hi = min(hi, spans[index + 1][0])
        mentions.append(
            MoneyMention(
                amount=amount,
                currency=currency.code,
                start=start,
                end=end,
                raw=text[start:end],
                approximate=number.approximate or id(number) in ranged or is_approximate(text, start, end, lang),
                period=_period(text, start, end, lo, hi),
                qualifier=_qualifier(text, start, end, lang),
            )
        )
    return _merge_alternatives(text, mentions)


_RANGE_GAP = re.compile(
    r"\s*(?:[-–—]|to|tot|tot\s+en\s+met|à|a|and|en|et|till|until|through)\s*(?:[€£$]\s*)?", re.IGNORECASE
)
Pair = tuple[NumberMention, _CurrencyToken, int, int]


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
        if _RANGE_GAP.fullmatch(text, first.end, second.start) is None:
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
                and _ALT_GAP.fullmatch(gap)
                and not main.alternatives
            ):
                alt = replace(mention, approximate=mention.approximate or main.approximate)
                period = main.period or mention.period
                merged[-1] = replace(main, alternatives=(alt,), period=period)
                continue
        merged.append(mention)
    return merged
