"""Numbers written in words ('vijftien', 'twenty-two', 'une vingtaine'), through text2num, and
'anderhalf' ('one and a half', 'un et demi') read as the digits 1,5."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from extract.rules.vocab import fold_keep_length

from .rule_data import alternation, file_words, load_rule_file, own_first, text_langs


class WordNumber(NamedTuple):
    """A number written in words: its value, its span and whether the word says it is approximate."""

    value: float
    start: int
    end: int
    raw: str
    approximate: bool


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
    for code in own_first(lang):
        for noun, (value, approx) in rules[code].items():
            table[fold_keep_length(noun)] = (float(value), bool(approx))
    return table


@cache
def _not_numbers(lang: str | None) -> frozenset[str]:
    rules = load_rule_file("scale_words")["not_numbers"]
    return frozenset(fold_keep_length(w) for code in text_langs(lang) for w in rules[code])


@lru_cache(maxsize=1)
def _not_alone() -> frozenset[str]:
    return frozenset(str(w) for w in load_rule_file("scale_words")["not_alone"])


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    """'and', 'et', 'en' between two number words of one number ('vingt et un')."""
    return frozenset(file_words("scale_words", "connectors"))


@lru_cache(maxsize=1)
def _count_articles() -> frozenset[str]:
    """Articles that belong to a count noun after them ('une vingtaine', 'the dozen')."""
    return _not_numbers(None) | frozenset(fold_keep_length(w) for w in file_words("scale_words", "count_articles"))


@lru_cache(maxsize=65536)
def _phrase_value(phrase: str, lang: str | None) -> float | None:
    # text2num knows 'tweeëntwintig' with its diaeresis, and OCR sometimes drops accents.
    for candidate in dict.fromkeys((phrase, phrase.replace("-", " "), fold_keep_length(phrase))):
        for code in text_langs(lang):
            value = _text2num(candidate, code)
            if value is not None:
                return value
    return None


def word_numbers(text: str, lang: str | None) -> list[WordNumber]:
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    found: list[WordNumber] = []
    nouns = _count_nouns(lang)
    articles = _not_numbers(lang)
    connectors = _connectors()
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if fold_keep_length(word) in nouns:
            # 'une vingtaine', 'a dozen', 'een dozijn': the article belongs to the phrase.
            value, approx = nouns[fold_keep_length(word)]
            begin = start
            if i > 0 and fold_keep_length(tokens[i - 1][2]) in _count_articles():
                begin = tokens[i - 1][0]
            found.append(WordNumber(value, begin, end, text[begin:end], approx))
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
                # A line break may fall inside the number: 'Quelque sept' / 'cents personnes'.
                if not gap or not re.fullmatch(r"[ \u00a0-]*\n?[ \u00a0-]*", gap):
                    break
                token = tokens[j][2]
                if token in connectors:
                    if j + 1 >= len(tokens) or _phrase_value(tokens[j + 1][2], lang) is None:
                        break
                elif (token in articles and tokens[j - 1][2] not in connectors) or _phrase_value(token, lang) is None:
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
        found.append(WordNumber(value, start, last, text[start:last], False))
        i = j + 1
    return found


@lru_cache(maxsize=1)
def _one_and_a_half() -> re.Pattern[str]:
    """'anderhalf miljoen', 'one and a half million', 'un et demi million': one and a half, written out."""
    forms = alternation(file_words("scale_words", "one_and_a_half"), folded=False, any_space=False)
    return re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)


# A quick test before the regex: every form of rules/scale_words.yml's one_and_a_half holds one of these.
_HALF_HINTS = ("half", "demi", "HALF")


def halves_as_digits(text: str, lang: str | None) -> str:
    """The text with 'anderhalf' as '1,5' ('1.5' in English), padded in front to the same length so
    offsets stay the same and a scale word still follows the digits."""
    if not any(hint in text for hint in _HALF_HINTS):
        return text
    digits = "1.5" if lang == "en" else "1,5"
    return _one_and_a_half().sub(lambda m: digits.rjust(len(m.group(0))), text)


def word_start(text: str, start: int) -> int:
    """Where the word holding ``start`` begins ('anderhalf' for its padded '1,5')."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start
