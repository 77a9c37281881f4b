"""Scale words and suffixes after a number: '1,7 miljoen', '1.2m', '2,5 M€' (``rules/scale_words.yml``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .digits import SPACES
from .rule_data import alternation, load_rule_file, own_first


@cache
def _scale_table(lang: str | None) -> tuple[dict[str, float], re.Pattern[str]]:
    rules = load_rule_file("scale_words")
    words: dict[str, float] = {}
    for code in own_first(lang):
        for word, mult in rules["words"][code].items():
            words.setdefault(str(word).lower(), float(mult))
    alternatives = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in alternatives)
    # Line breaks too: OCR puts "45,67 miljoen" on two lines as often as on one.
    pattern = re.compile(rf"[{SPACES}\n\r]{{0,4}}({body})(?![\w])", re.IGNORECASE)
    return words, pattern


def _longest_first(items: Iterable[object]) -> str:
    return alternation(map(str, items), folded=False, any_space=False, longest_first=True)


@cache
def _letter_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A letter glued to the number ('1.2m'), a letter a space away ('2,5 M'), and the currency
    that must follow the latter ('€', 'EUR') or stand just before its number ('RM 250 m', a
    three-letter code too): ``letters``, ``spaced_letters``, ``letter_currencies`` and
    ``letter_currencies_before`` of ``rules/scale_words.yml``, built once per rules folder."""
    rules = load_rule_file("scale_words")
    glued = re.compile(rf"({_longest_first(rules['letters'])})(?![\w])")
    spaced = re.compile(rf"[\u0020\u00a0\u202f]({_longest_first(rules['spaced_letters'])})(?![\w])")
    names = _longest_first(rules["letter_currencies"])
    # Any ISO code as printed follows too ('≈ 180 M PEN', '~230 Md COP').
    from .currencies import currency_signs

    codes = "|".join(sorted(k for k in currency_signs() if re.fullmatch(r"[A-Z]{3}", k)))
    currency = re.compile(rf"[\u0020\u00a0\u202f]?(?:(?i:{names})|(?:{codes})(?![A-Za-z]))")
    before = _longest_first([*rules["letter_currencies"], *rules["letter_currencies_before"]])
    behind = re.compile(rf"(?:(?<!\w)(?:{before})|\b[A-Z]{{3}})[\u0020\u00a0\u202f]?\d[\d.,\u0020\u00a0\u202f]*$")
    return glued, spaced, currency, behind


def read_scale(text: str, pos: int, lang: str | None = None) -> tuple[float, int]:
    """A scale word or suffix at ``text[pos:]`` ('miljoen', 'bn', glued 'm'): (multiplier, end)."""
    words, pattern = _scale_table(lang)
    match = pattern.match(text, pos)
    if match:
        return words[match.group(1).lower()], match.end()
    letters = load_rule_file("scale_words")["letters"]
    glued_letter, spaced_letter, currency_ahead, currency_behind = _letter_patterns()
    glued = glued_letter.match(text, pos)
    if glued:
        return float(letters[glued.group(1)]), glued.end()
    spaced = spaced_letter.match(text, pos)
    if spaced and (currency_ahead.match(text, spaced.end()) or currency_behind.search(text, max(0, pos - 24), pos)):
        # '2,5 M€', '450 k EUR', 'RM 250 m': a lone letter counts only next to a currency.
        return float(letters[spaced.group(1)]), spaced.end()
    misread = _WORD_AFTER.match(text, pos)
    if misread and (currency_ahead.match(text, misread.end()) or currency_behind.search(text, max(0, pos - 24), pos)):
        # OCR drops or changes a letter of a long scale word ('20 mijoen euro', '3 milion EUR'): one
        # edit away from one, with its first letter, it counts where a currency says it is money.
        factor = _one_edit_away(misread.group(1).lower(), lang)
        if factor is not None:
            return factor, misread.end()
    return 1.0, pos


_WORD_AFTER = re.compile(rf"[{SPACES}]{{1,4}}([^\W\d_]{{5,12}})(?![\w])")
MISREAD_MIN_LETTERS = 6
"""Scale words this long or longer are recognised one OCR error away ('miljoen', 'million', 'milliard');
shorter ones ('mille', 'mln') are too close to other words."""


def _one_edit_away(word: str, lang: str | None) -> float | None:
    from rapidfuzz.distance import Levenshtein

    words, _ = _scale_table(lang)
    for scale, factor in words.items():
        if len(scale) >= MISREAD_MIN_LETTERS and scale[0] == word[0] and Levenshtein.distance(word, scale) <= 1:
            return factor
    return None
