"""What a word next to an amount of money says of it: above, below, up to, or each ('elk 30.000 euro').

Words (the ``money`` group of ``rules/{nl,en,fr}.yml``) are matched on folded text (lower case, no
accents).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from extract.rules.vocab import fold_keep_length

from .rule_data import alternation, own_words, pattern_alternation, patterns, words

Qualifier = Literal["above", "below", "up_to", "each"]

# Symbols say the same in every language; the words are the ``money`` group's of the language files.
_SYMBOLS: dict[Qualifier, tuple[str, ...]] = {"up_to": ("≤",), "above": (">", "≥"), "below": ("<",)}


@cache
def _before() -> tuple[tuple[Qualifier, re.Pattern[str]], ...]:
    """A qualifier right before the amount ('tot maximaal', 'more than', 'au moins'), maybe with
    'een bedrag van' between them."""
    amount_of = alternation(words("money", "amount_of"))
    bodies: tuple[tuple[Qualifier, str], ...] = (
        ("up_to", pattern_alternation((*patterns("money", "up_to"), *_SYMBOLS["up_to"]))),
        ("above", pattern_alternation((*patterns("money", "above"), *_SYMBOLS["above"]))),
        ("below", pattern_alternation((*patterns("money", "below"), *_SYMBOLS["below"]))),
        ("each", alternation(words("money", "each_before"))),
    )
    return tuple((q, re.compile(rf"(?:^|(?<=[\s(\[:;,]))(?:{body})\s*(?:(?:{amount_of})\s+)?$"))
                 for q, body in bodies)


@cache
def _each_after() -> re.Pattern[str]:
    """'30.000 euro elk', '€ 500 per member', '1 000 € par habitant'."""
    each = alternation(words("money", "each_after"))
    per = alternation(words("money", "each_per"))
    nouns = alternation(words("money", "each_per_nouns"))
    return re.compile(rf"^\s*(?:{each}|(?:{per})\s+(?:{nouns}))(?![\w])")


@cache
def _above_in(lang: str | None) -> re.Pattern[str] | None:
    """Words that say 'above' only in the text's own language: English 'over 2 million'."""
    own = own_words(lang, "money", "above_own_language")
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation(own)})\s*$") if own else None


def qualifier_of(text: str, start: int, end: int, lang: str | None) -> Qualifier | None:
    before = fold_keep_length(text[max(0, start - 30) : start])
    for qualifier, pattern in _before():
        if pattern.search(before):
            return qualifier
    above = _above_in(lang)
    if above is not None and above.search(before):
        return "above"
    if _each_after().match(fold_keep_length(text[end : end + 40])):
        return "each"
    return None
