"""Numbers as people write them in Dutch, English and French.

Digits are read in the document's locale ('1.200' is 1200 in Dutch, '1,200' in English,
'1 200' in French), or from their shape when the language is unknown (``digits``); scale words
and suffixes multiply ('1,7 miljoen', '1.2m', '2,5 M': ``scales``); number words go through
text2num ('vijftien', 'huit': ``number_words``); approximation markers ('ongeveer', 'c.',
'environ') set a flag (``approximate``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from extract.rules.vocab import fold_keep_length

from .approximate import approx_patterns, is_approximate
from .digits import DIGITS, SPACES, read_digits
from .number_words import halves_as_digits, word_numbers, word_start
from .rule_data import LANGS
from .scales import read_scale
from .spans import overlaps

log = logging.getLogger(__name__)


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


def find_numbers(text: str, lang: str | None = None) -> list[NumberMention]:
    """Every number in ``text``, written in digits (with scale words) or in words, in order.

    Years come back like any other number; callers decide what they mean.
    """
    if not text:
        return []
    lang = lang if lang in LANGS else None
    original, text = text, halves_as_digits(text, lang)
    if lang == "fr":
        # A line break where the thousands space was: 'environ 7' / '200 employés' (same length: offsets hold).
        text = _BROKEN_GROUP.sub("\\1\u00a0\\2", text)
    mentions: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    for match in DIGITS.finditer(text):
        start, digits_end = match.span(1)
        raw_digits = match.group(1).rstrip(SPACES + "'")
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
                raw=original[word_start(original, start):end],
                approximate=is_approximate(text, start, end, lang),
                is_word=False,
                scale=scale,
            )
        )
        taken.append((start, end))
    for mention in word_numbers(text, lang):
        if overlaps(taken, mention.start, mention.end):
            continue
        approx = mention.approximate or is_approximate(text, mention.start, mention.end, lang)
        mentions.append(NumberMention(mention.value, mention.start, mention.end, mention.raw, approx, True))
    mentions.sort(key=lambda m: m.start)
    return mentions


_FILLER = re.compile(r"[\s\W]*")
_BROKEN_GROUP = re.compile(r"(?<![\d.,])(\d{1,3})\n(\d{3})(?=[\s\u00a0]+[^\W\d_])")


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
    pre, _ = approx_patterns(lang if lang in LANGS else None)
    head = text[: m.start]
    if not _FILLER.fullmatch(head) and not pre.search(fold_keep_length(head)):
        return None
    tail = text[m.end :]
    if not _FILLER.fullmatch(tail) and not approx_patterns(lang if lang in LANGS else None)[1].match(
        fold_keep_length(tail)
    ):
        return None
    return m.value
