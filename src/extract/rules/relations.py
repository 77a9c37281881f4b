"""Relation phrases with room for an adverb or a date between their words ('reports directly to',
'valt formeel onder', 'lancé en 2014 par').

One alternation holding every phrase with that room written into each gap is some 150,000
characters and takes a third of a second to compile per process, which a warm reprocess of a few
cached files pays in full. The matcher finds where a phrase's first word stands, checks the phrase
with any few words in each gap, and only then compiles (once) the phrase with its real slot; the
matches are those of the single alternation
(leftmost first, the longer phrase first at one position, none overlapping).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class RelationMatcher:
    """``finditer`` over folded text for ``phrases`` (folded), each gap between two words open to
    ``slot`` (a regex, possibly empty) before the whitespace."""

    phrases: tuple[str, ...]
    slot: str
    _by_first_word: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _first_words: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = sorted(set(self.phrases), key=lambda p: (-len(p), p))
        by_first: dict[str, list[str]] = {}
        for phrase in ordered:
            by_first.setdefault(phrase.split()[0], []).append(phrase)
        object.__setattr__(self, "_by_first_word", {w: tuple(ps) for w, ps in by_first.items()})
        words = "|".join(re.escape(w) for w in sorted(by_first, key=lambda w: (-len(w), w)))
        object.__setattr__(self, "_first_words", re.compile(rf"(?<![\w'’])(?:{words})" if words else r"(?!x)x"))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (start := self._first_words.search(text, pos)) is not None:
            found = self._match_at(text, start.start())
            if found is None:
                pos = start.start() + 1
                continue
            yield found
            pos = max(found.end(), found.start() + 1)

    def _match_at(self, text: str, at: int) -> re.Match[str] | None:
        candidates = [p for w, ps in self._by_first_word.items() if text.startswith(w, at) for p in ps]
        for phrase in sorted(candidates, key=lambda p: (-len(p), p)):
            if _phrase_pattern(phrase, _ANY_FEW_WORDS).match(text, at) is None:
                continue  # cheap to compile; most first words ('in', 'by') start no phrase
            found = _phrase_pattern(phrase, self.slot).match(text, at)
            if found is not None:
                return found
        return None


_ANY_FEW_WORDS = r"(?:\s+\S+){0,8}?"
"""A gap any slot fits in (an adverb of two words, a preposition, two words and a year)."""


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str, slot: str) -> re.Pattern[str]:
    body = (slot + r"\s+").join(re.escape(word) for word in phrase.split())
    # A phrase ending on an elided word ("proviennent d'") runs into the next word ("d'une dotation").
    return re.compile(rf"(?<![\w'’])(?:{body})(?:(?<=['’])|(?![\w]))")
