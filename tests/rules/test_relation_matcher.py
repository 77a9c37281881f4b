"""RelationMatcher: relation phrases with an adverb or a date between their words, found as one
big alternation would find them, without compiling it."""

from __future__ import annotations

import re

from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.relations import RelationMatcher

SLOT = r"(?:\s+(?:formally|directly))?(?:\s+(?:in|en)\s+(?:[\w.]+\s+){0,2}?\d{4})?"
PHRASES = ("reports to", "part of", "is part of", "set up by", "lance par", "placed under")


def _alternation(phrases: tuple[str, ...], slot: str) -> re.Pattern[str]:
    bodies = [(slot + r"\s+").join(re.escape(w) for w in p.split())
              for p in sorted(set(phrases), key=lambda p: (-len(p), p))]
    return re.compile(rf"(?<![\w'’])(?:{'|'.join(bodies)})(?![\w])")


TEXTS = [
    "The lab reports directly to the minister and is formally part of the agency.",
    "It was set up in May 2014 by the city; it is part of nothing else.",
    "lance en 2014 par la ville",
    "Nobody reports; deports to X; set up bytes; placed under  the board",
    "reports to reports to",
    "",
]


def test_matches_are_those_of_one_alternation():
    matcher = RelationMatcher(PHRASES, SLOT)
    pattern = _alternation(PHRASES, SLOT)
    for text in TEXTS:
        assert [m.span() for m in matcher.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_the_longer_phrase_wins_at_one_position():
    found = [m.group() for m in RelationMatcher(PHRASES, SLOT).finditer("it is part of the unit")]
    assert found == ["is part of"]


def test_the_lexicon_gives_one_matcher_for_every_language():
    # The three lexicons hold the same words in another order: one matcher, one set of compiled phrases.
    matchers = {id(lexicon(lang).relation_matcher("governance", "parent_triggers")) for lang in ("nl", "en", "fr")}
    assert len(matchers) == 1
    text = fold_keep("Het lab valt formeel onder het ministerie.")
    assert [m.group() for m in lexicon("nl").relation_matcher("governance", "parent_triggers").finditer(text)]
