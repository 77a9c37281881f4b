"""Currencies as written ('€', 'EUR', 'euro', 'd'euros', 'kr', 'k€', 'MEUR') as ISO 4217 codes (``rules/currencies.yml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.rules.vocab import fold_keep_length

from .rule_data import load_rule_file
from .scales import read_scale
from .spans import overlaps


@dataclass(frozen=True)
class CurrencyToken:
    code: str
    start: int
    end: int
    scale: float
    written: str = ""
    """The token as matched: a symbol or code as printed, a word folded ('kronen', '$')."""


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
    for sign, code in _cldr_currencies()[0]:
        # Every currency in legal use: 'MGA 4,8 mds', 'DA' in Algeria, 'Afl.' in Aruba; a curated
        # reading decides first ('FCFA' is West Africa's franc in our reports, not Central Africa's).
        if fold_keep_length(sign) not in words:
            exact.setdefault(sign, code)
    prefixes = {str(k): float(v) for k, v in rules["scale_prefixes"].items()}
    return exact, words, prefixes


@lru_cache(maxsize=1)
def _cldr_currencies() -> tuple[list[tuple[str, str]], dict[str, list[tuple[str, str]]], dict[str, str]]:
    """Codes and local signs, names and one-letter signs of every currency in legal use
    (``rules/currency_names.tsv``, from CLDR), read once: the names by their first word, longest
    first, for a lookup at each word of a text (a regular expression of a thousand names made a
    long report's money search ten times slower)."""
    from importlib.resources import files

    codes: list[tuple[str, str]] = []  # (code or local sign as printed, code)
    by_first: dict[str, list[tuple[str, str]]] = {}
    letters: dict[str, str] = {}
    for row in files("extract.rules").joinpath("currency_names.tsv").read_text(encoding="utf-8").splitlines():
        kind, _, rest = row.partition("\t")
        name, _, code = rest.partition("\t")
        if kind == "code":
            codes.append((name, code))
        elif kind == "word":
            by_first.setdefault(name.split()[0], []).append((name, code))
        elif kind == "letter":
            letters[name] = code
    for names in by_first.values():
        names.sort(key=lambda n: -len(n[0]))
    return codes, by_first, letters


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FRENCH_LINK = re.compile(r"(?<![\w])(?:de\s+|d['’])$")


def _cldr_words(folded: str, taken: list[tuple[int, int]]) -> list[CurrencyToken]:
    """Currency names the curated words lack ('ariary', 'gourdes haïtiennes'), in folded text."""
    _, by_first, _ = _cldr_currencies()
    found: list[CurrencyToken] = []
    for word in _WORD.finditer(folded):
        if found and word.start() < found[-1].end:
            continue  # 'tenge' inside 'kazachse tenge'
        for name, code in by_first.get(word.group(0), ()):
            end = word.start() + len(name)
            inside = [(a, b) for a, b in taken if word.start() <= a and b <= end and (a, b) != (word.start(), end)]
            if re.sub(r"\s+", " ", folded[word.start():end]) == name and not folded[end:end + 1].isalnum() \
                    and (inside or not overlaps(taken, word.start(), end)):
                # French 'de gourdes', "d'ariary" as the curated "d'euros": the amount's link is the token's.
                link = _FRENCH_LINK.search(folded, max(0, word.start() - 4), word.start())
                start = link.start() if link else word.start()
                found.append(CurrencyToken(code, start, end, 1.0, name))
                break
    return found


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


def find_currencies(text: str) -> list[CurrencyToken]:
    exact, words, prefixes = _currency_tables()
    folded = fold_keep_length(text)
    tokens: list[CurrencyToken] = []
    pattern = _currency_pattern()
    # Words are matched on folded text (case and accents ignored), symbols and codes as printed.
    for match in pattern.finditer(text):
        if match.group("sym"):
            scale = prefixes.get(match.group("sp") or "", 1.0)
            tokens.append(CurrencyToken(exact[match.group("sym")], match.start(), match.end(), scale,
                                        match.group("sym")))
        elif match.group("code"):
            scale = prefixes.get(match.group("cp") or "", 1.0)
            # A code, or a symbol written in letters ('DH' for dirhams, 'MDH' for millions of them).
            tokens.append(CurrencyToken(exact[match.group("code")], match.start(), match.end(), scale,
                                        match.group("code")))
    taken = [(t.start, t.end) for t in tokens]
    at = 0
    while (found := pattern.search(folded, at)) is not None:
        at = max(found.end(), found.start() + 1)
        # 'de dollars canadiens': the longer name that starts inside this one ('dollars canadiens') wins.
        inner = next((m for k in range(found.start() + 1, found.end()) if folded[k - 1] in " '’"
                      for m in [pattern.match(folded, k)] if m is not None and m.group("word") and m.end() > found.end()),
                     None)
        if inner is not None:
            found, at = inner, inner.end()
        word = found.group("word")
        if not word or overlaps(taken, found.start(), found.end()):
            continue
        key = re.sub(r"\s+", " ", word)
        tokens.append(CurrencyToken(words[key], found.start(), found.end(), 1.0, key))
    named = _cldr_words(folded, [(t.start, t.end) for t in tokens])
    # 'Kazachse tenge' holds the curated 'tenge': the longer name is the token.
    tokens = [t for t in tokens if not any(n.start <= t.start and t.end <= n.end for n in named)] + named
    tokens.sort(key=lambda t: t.start)
    return tokens


def national_currency(raw: str, country: str) -> str | None:
    """The currency of an amount as written (``raw``: '9 miljoen kronen', '12 M$') in ``country``
    when its token is spent in several countries ('kronen' in SE -> SEK, '$' in CA -> CAD); None
    when the token names one currency only or the country has no reading of its own."""
    national = _national_table()
    for token in find_currencies(raw):
        by_country = national.get(token.written)
        return by_country.get(country) if by_country else None
    return None


@lru_cache(maxsize=1)
def _national_table() -> dict[str, dict[str, str]]:
    """Token as matched -> country -> code, from ``currencies.yml``'s ``national`` groups."""
    return {str(token): dict(group["countries"]) for group in load_rule_file("currencies")["national"]
            for token in group["tokens"]}


def letter_signs() -> dict[str, str]:
    """One-letter local signs ('P' -> BWP, 'R' -> ZAR): read only in a statement's unit ("P '000"),
    never in running text, where a letter before a figure is a list item or an initial."""
    return _cldr_currencies()[2]


def currency_signs() -> dict[str, str]:
    """Every sign and code as printed ('€', 'US$', 'KShs', 'CHF', 'MGA') -> its ISO 4217 code."""
    return _currency_tables()[0]


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
    for name, code in _cldr_currencies()[1].get(key.split()[0] if key.split() else "", ()):
        if name == key:
            return code
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
