"""Numbers as people write them in Dutch, English and French.

Digits are read in the document's locale ('1.200' is 1200 in Dutch, '1,200' in English,
'1 200' in French), or from their shape when the language is unknown; scale words and
suffixes multiply ('1,7 miljoen', '1.2m', '2,5 M'); number words go through text2num
('vijftien', 'huit'); approximation markers ('ongeveer', 'c.', 'environ') set a flag.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

# One length-keeping fold for the whole project; re-exported for the other normalisers.
from extract.rules.loader import rule_data
from extract.rules.schema import LANGUAGES
from extract.rules.vocab import fold_keep_length

log = logging.getLogger(__name__)

LANGS = LANGUAGES


@dataclass(frozen=True)
class NumberMention:
    value: float
    start: int
    end: int
    raw: str
    approximate: bool
    is_word: bool
    scale: float = 1.0
    """The multiplier a scale word or suffix applied (1.0 when none)."""


def load_rule_file(name: str) -> Any:
    """``rules/<name>.yml`` (and the user rules folder's), checked against its schema; parsed once."""
    return rule_data(name)


def _langs(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang in LANGS else LANGS


def _own_first(lang: str | None) -> tuple[str, ...]:
    """Every language, the text's own first: reports quote each other ('1,7 miljoen' in English)."""
    return ((lang,) if lang in LANGS else ()) + tuple(code for code in LANGS if code != lang)


# --------------------------------------------------------------------------- digits

# Group separators people (and OCR) use: '.', ',', space, no-break space, narrow no-break
# space, thin space, apostrophe (Swiss).
_SEP = r"[.,\u0020\u00a0\u202f\u2009']"
_DIGITS = re.compile(
    rf"(?<![\w.,/])(?<![\w][.,])(?<![^\W\d_]-)"
    rf"(\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?![.,]\d)(?!\d)(?![.,][^\W\d_])"
)
_SPACES = "\u0020\u00a0\u202f\u2009"


@cache
def _decimal_symbol(lang: str | None) -> str | None:
    """The locale's decimal mark from babel (',' for nl and fr, '.' for en); None without a language."""
    if lang not in LANGS:
        return None
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(lang))


def read_digits(raw: str, lang: str | None = None) -> float | None:
    """The value of one run of digits and separators ('1.200', '45,67', '1 200 000')."""
    s = raw.strip()
    if not s or not s[0].isdigit():
        return None
    seps = [(i, c) for i, c in enumerate(s) if not c.isdigit()]
    if not seps:
        return float(s)
    kinds = {c for _, c in seps}
    spaces = {c for c in kinds if c in _SPACES or c == "'"}
    marks = kinds - spaces
    if spaces:
        # Space-like separators only ever group thousands; a '.' or ',' after them is decimal.
        if len(marks) > 1:
            return None
        body = "".join(c for c in s if c not in _SPACES and c != "'")
        if marks:
            mark = marks.pop()
            head, _, tail = body.rpartition(mark)
            if mark in head:
                return None
            return float(f"{head}.{tail}")
        return float(body)
    if len(marks) == 2:
        # '1.234,56' or '1,234.56': the last mark is the decimal one.
        last = seps[-1][1]
        group = ({".", ","} - {last}).pop()
        head, _, tail = s.rpartition(last)
        if last in head:
            return None
        return float(f"{head.replace(group, '')}.{tail}")
    mark = marks.pop()
    parts = s.split(mark)
    # '0.500' is a fraction in every locale; a group needs a non-zero head.
    grouped = (
        len(parts[-1]) == 3 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and parts[0] != "0"
    )
    if len(parts) > 2:
        # '1.200.000': a repeated mark can only be grouping.
        return float("".join(parts)) if grouped else None
    decimal = _decimal_symbol(lang)
    if decimal is None:
        # Unknown language: exactly three digits after one mark is a thousands group.
        return float("".join(parts)) if grouped else float(f"{parts[0]}.{parts[1]}")
    if mark == decimal:
        return float(f"{parts[0]}.{parts[1]}")
    # The locale's group mark: a thousands group when it is followed by three digits,
    # otherwise the writer used the other convention ('EUR 1.2m' in a Dutch text).
    return float("".join(parts)) if grouped else float(f"{parts[0]}.{parts[1]}")


# --------------------------------------------------------------------------- scale words


@cache
def _scale_table(lang: str | None) -> tuple[dict[str, float], re.Pattern[str]]:
    rules = load_rule_file("scale_words")
    words: dict[str, float] = {}
    for code in _own_first(lang):
        for word, mult in rules["words"][code].items():
            words.setdefault(str(word).lower(), float(mult))
    alternatives = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in alternatives)
    # Line breaks too: OCR puts "45,67 miljoen" on two lines as often as on one.
    pattern = re.compile(rf"[{_SPACES}\n\r]{{0,4}}({body})(?![\w])", re.IGNORECASE)
    return words, pattern


_LETTER_SCALE = re.compile(r"(Md|bn|mn|[kKmMbB])(?![\w])")
_SPACED_LETTER_SCALE = re.compile(r"[\u0020\u00a0\u202f](Md|bn|mn|[kKmM])(?![\w])")
_CURRENCY_AHEAD = re.compile(
    r"[\u0020\u00a0\u202f]?(?:[€£$]|EUR|GBP|USD|SEK|DKK|NOK|CHF|euro|d['’]euro)", re.IGNORECASE
)


def read_scale(text: str, pos: int, lang: str | None = None) -> tuple[float, int]:
    """A scale word or suffix at ``text[pos:]`` ('miljoen', 'bn', glued 'm'): (multiplier, end)."""
    words, pattern = _scale_table(lang)
    match = pattern.match(text, pos)
    if match:
        return words[match.group(1).lower()], match.end()
    letters = load_rule_file("scale_words")["letters"]
    glued = _LETTER_SCALE.match(text, pos)
    if glued:
        return float(letters[glued.group(1)]), glued.end()
    spaced = _SPACED_LETTER_SCALE.match(text, pos)
    if spaced and _CURRENCY_AHEAD.match(text, spaced.end()):
        # '2,5 M€', '450 k EUR': a lone letter counts only next to a currency.
        return float(letters[spaced.group(1)]), spaced.end()
    return 1.0, pos


# --------------------------------------------------------------------------- approximation


@cache
def _approx_patterns(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_rule_file("scale_words")
    before: set[str] = set()
    after: set[str] = set()
    for code in _own_first(lang):
        before.update(fold_keep_length(str(w)) for w in rules["approximate_before"][code])
        after.update(fold_keep_length(str(w)) for w in rules["approximate_after"][code])

    def alt(words: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    # A marker ends right before the number (or its currency), after a word boundary.
    currency = r"(?:[€£$]|(?:eur|gbp|usd|sek|dkk|nok|chf)\s)"
    pre = re.compile(rf"(?:^|(?<=[\s(\[:;,'’]))(?:{alt(before)})\s*{currency}?\s*$")
    post = re.compile(rf"^\s*(?:{alt(after)})(?!\w)")
    return pre, post


def is_approximate(text: str, start: int, end: int, lang: str | None = None) -> bool:
    """Whether a marker such as 'ongeveer', 'c.', '±' or 'environ' qualifies text[start:end]."""
    pre, post = _approx_patterns(lang)
    window = fold_keep_length(text[max(0, start - 30) : start])
    if pre.search(window):
        return True
    return bool(post.match(fold_keep_length(text[end : end + 20])))


# --------------------------------------------------------------------------- number words

_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_MAX_WORDS = 7


@lru_cache(maxsize=4096)
def _text2num(phrase: str, lang: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(phrase, lang))
    except Exception:  # text2num raises ValueError on anything that is not a number
        return None


@cache
def _count_nouns(lang: str | None) -> dict[str, tuple[float, bool]]:
    rules = load_rule_file("scale_words")["count_nouns"]
    table: dict[str, tuple[float, bool]] = {}
    for code in _own_first(lang):
        for noun, (value, approx) in rules[code].items():
            table[fold_keep_length(noun)] = (float(value), bool(approx))
    return table


@cache
def _not_numbers(lang: str | None) -> frozenset[str]:
    rules = load_rule_file("scale_words")["not_numbers"]
    return frozenset(fold_keep_length(w) for code in _langs(lang) for w in rules[code])


@lru_cache(maxsize=1)
def _not_alone() -> frozenset[str]:
    return frozenset(str(w) for w in load_rule_file("scale_words")["not_alone"])


_CONNECTORS = frozenset({"and", "et", "en"})


@lru_cache(maxsize=65536)
def _phrase_value(phrase: str, lang: str | None) -> float | None:
    # text2num knows 'tweeëntwintig' with its diaeresis, and OCR sometimes drops accents.
    for candidate in dict.fromkeys((phrase, phrase.replace("-", " "), fold_keep_length(phrase))):
        for code in _langs(lang):
            value = _text2num(candidate, code)
            if value is not None:
                return value
    return None


def _word_numbers(text: str, lang: str | None) -> list[NumberMention]:
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    found: list[NumberMention] = []
    nouns = _count_nouns(lang)
    articles = _not_numbers(lang)
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if fold_keep_length(word) in nouns:
            # 'une vingtaine', 'a dozen', 'een dozijn': the article belongs to the phrase.
            value, approx = nouns[fold_keep_length(word)]
            begin = start
            if i > 0 and fold_keep_length(tokens[i - 1][2]) in _not_numbers(None) | {"the", "la", "le"}:
                begin = tokens[i - 1][0]
            found.append(NumberMention(value, begin, end, text[begin:end], approx, True))
            i += 1
            continue
        if word in articles or word in _not_alone() or _phrase_value(word, lang) is None:
            i += 1
            continue
        # Grow the phrase over number words (and 'and'/'et'/'en' between two of them),
        # separated by spaces or hyphens only; keep the longest one text2num accepts.
        best: tuple[int, float] | None = None
        j = i
        while j < len(tokens) and j < i + _MAX_WORDS:
            if j > i:
                gap = text[tokens[j - 1][1] : tokens[j][0]]
                if not re.fullmatch(r"[ \u00a0-]+", gap):
                    break
                token = tokens[j][2]
                if token in _CONNECTORS:
                    if j + 1 >= len(tokens) or _phrase_value(tokens[j + 1][2], lang) is None:
                        break
                elif (token in articles and tokens[j - 1][2] not in _CONNECTORS) or _phrase_value(token, lang) is None:
                    break
            phrase = " ".join(t[2] for t in tokens[i : j + 1])
            phrase_value = _phrase_value(phrase, lang)
            if phrase_value is not None:
                best = (j, phrase_value)
            j += 1
        if best is None:
            i += 1
            continue
        j, value = best
        last = tokens[j][1]
        found.append(NumberMention(value, start, last, text[start:last], False, True))
        i = j + 1
    return found


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping each other)."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


# --------------------------------------------------------------------------- public API


# 'anderhalf miljoen', 'one and a half million', 'un et demi million': one and a half, written out.
_ONE_AND_A_HALF = re.compile(r"\b(?:anderhalf|anderhalve|one and a half|one-and-a-half|un et demi|une et demie)\b",
                             re.IGNORECASE)


def _halves_as_digits(text: str, lang: str | None) -> str:
    """The text with 'anderhalf' as '1,5' ('1.5' in English), padded in front to the same length so
    offsets stay the same and a scale word still follows the digits."""
    if "half" not in text and "demi" not in text and "HALF" not in text:
        return text
    digits = "1.5" if lang == "en" else "1,5"
    return _ONE_AND_A_HALF.sub(lambda m: digits.rjust(len(m.group(0))), text)


def _word_start(text: str, start: int) -> int:
    """Where the word holding ``start`` begins ('anderhalf' for its padded '1,5')."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def find_numbers(text: str, lang: str | None = None) -> list[NumberMention]:
    """Every number in ``text``, written in digits (with scale words) or in words, in order.

    Years come back like any other number; callers decide what they mean.
    """
    if not text:
        return []
    lang = lang if lang in LANGS else None
    original, text = text, _halves_as_digits(text, lang)
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in _DIGITS.finditer(text):
        start, digits_end = match.span(1)
        raw_digits = match.group(1).rstrip(_SPACES + "'")
        digits_end = start + len(raw_digits)
        value = read_digits(raw_digits, lang)
        if value is None:
            continue
        after = text[digits_end : digits_end + 1]
        scale, end = read_scale(text, digits_end, lang)
        if scale != 1.0 and "\n" in text[digits_end:end] and re.fullmatch(r"(?:19|20)\d\d", raw_digits):
            scale, end = 1.0, digits_end  # 'In 2020\nmillions of people': a year ends the line
        if scale == 1.0 and after.isalpha():
            # Glued to a word ('2e', '3D', 'covid19x'): an ordinal or a name, not a quantity.
            continue
        mentions.append(
            NumberMention(
                value=value * scale,
                start=start,
                end=end,
                raw=original[_word_start(original, start):end],
                approximate=is_approximate(text, start, end, lang),
                is_word=False,
                scale=scale,
            )
        )
        taken.append((start, end))
    for mention in _word_numbers(text, lang):
        if overlaps(taken, mention.start, mention.end):
            continue
        approx = mention.approximate or is_approximate(text, mention.start, mention.end, lang)
        mentions.append(
            NumberMention(mention.value, mention.start, mention.end, mention.raw, approx, True, mention.scale)
        )
    mentions.sort(key=lambda m: m.start)
    return mentions


_FILLER = re.compile(r"[\s\W]*")


def parse_number(text: str, lang: str | None = None) -> float | None:
    """The value of ``text`` when it is one number ('1,7 miljoen', '1.200', 'vijftien'), else None.

    Approximation markers and punctuation around the number are allowed; other words are not.
    """
    try:
        mentions = find_numbers(text, lang)
    except Exception:  # a normaliser never takes the pipeline down
        log.debug("parse_number failed on %r", text, exc_info=True)
        return None
    if len(mentions) != 1:
        return None
    m = mentions[0]
    pre, _ = _approx_patterns(lang if lang in LANGS else None)
    head = text[: m.start]
    if not _FILLER.fullmatch(head) and not pre.search(fold_keep_length(head)):
        return None
    tail = text[m.end :]
    if not _FILLER.fullmatch(tail) and not _approx_patterns(lang if lang in LANGS else None)[1].match(
        fold_keep_length(tail)
    ):
        return None
    return m.value
