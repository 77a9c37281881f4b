"""Rule words per language (``rules/{nl,en,fr}.yml``) and whole-word matchers over folded text.

Reports mix languages (a Dutch report quotes an English board name, a French title sits over
Dutch prose), so a section is read with the union of the three languages' words, its own
language first. Numbers are the exception: they are parsed in the section's locale by
``extract.normalize``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.rules.loader import language_rules
from extract.rules.relations import RelationMatcher
from extract.rules.schema import LANGUAGE_GROUPS, LANGUAGES, MAPPING, REGEXES, WORDS, Shape
from extract.rules.vocab import fold_keep_length

__all__ = ["LANGUAGES", "Lexicon", "fold_keep", "lexicon", "phrase_regex"]


def fold_keep(text: str) -> str:
    """Lower-case and strip accents without changing the length (offsets stay valid)."""
    return fold_keep_length(text)


def _declared(group: str, key: str, shape: Shape) -> None:
    """A key the code asks for must be declared with that shape: a typo in the code fails loudly too."""
    declared = LANGUAGE_GROUPS.get(group, {}).get(key)
    if declared is not shape:
        raise KeyError(f"rule key {group}.{key} is not declared as {shape.value} in extract/rules/schema.py"
                       + (f" (it is {declared.value})" if declared else ""))


def phrase_regex(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A whole-word regex for folded text; longest phrase first, spaces match any whitespace."""
    # Longest first; ties in a fixed order, so the three languages' lexicons (the same words in
    # another order) build the same pattern and ``re`` compiles it once.
    folded = sorted({fold_keep(p) for p in phrases if p}, key=lambda p: (-len(p), p))
    if not folded:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])")


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The merged rule words for one section language (identity-hashed: one per language, cached)."""

    lang: str
    data: dict[str, dict[str, tuple[str, ...]]]
    patterns_data: dict[str, dict[str, tuple[re.Pattern[str], ...]]] = field(default_factory=dict)
    mappings_data: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def words(self, group: str, key: str) -> tuple[str, ...]:
        _declared(group, key, WORDS)
        return self.data.get(group, {}).get(key, ())

    def folded(self, group: str, key: str) -> frozenset[str]:
        return _folded(self, group, key)

    def regex(self, group: str, key: str) -> re.Pattern[str]:
        """A whole-word regex over folded text for the words of ``group.key``."""
        return _regex(self, group, key)

    def relation_matcher(self, group: str, key: str,
                         adverbs: tuple[str, str] = ("governance", "relation_adverbs")) -> RelationMatcher:
        """Like ``regex``, with room between a phrase's words for an adverb (of the word list
        ``adverbs``) or a date ('reports directly to', 'valt formeel onder', 'lancé en 2014 par',
        'funded primarily through'): people put them there, and a list of every such variant would
        never be complete."""
        return _relation_matcher(self, group, key, adverbs)

    def patterns(self, group: str, key: str) -> tuple[re.Pattern[str], ...]:
        """The regular expressions of a ``REGEXES`` key (compiled when the file was loaded)."""
        _declared(group, key, REGEXES)
        return self.patterns_data.get(group, {}).get(key, ())

    def mapping(self, group: str, key: str) -> dict[str, str]:
        """The entries of a ``MAPPING`` key, the section language's winning."""
        _declared(group, key, MAPPING)
        return self.mappings_data.get(group, {}).get(key, {})


@lru_cache(maxsize=1024)
def _folded(lexicon: Lexicon, group: str, key: str) -> frozenset[str]:
    # Asked for thousands of times a document (a word list per line read): folded once per list.
    return frozenset(fold_keep(w) for w in lexicon.words(group, key))


@lru_cache(maxsize=256)
def _regex(lexicon: Lexicon, group: str, key: str) -> re.Pattern[str]:
    return phrase_regex(lexicon.words(group, key))


@lru_cache(maxsize=64)
def _relation_matcher(lexicon: Lexicon, group: str, key: str, adverb_key: tuple[str, str]) -> RelationMatcher:
    adverbs = "|".join(re.escape(fold_keep(w)).replace(r"\ ", r"\s+")
                       for w in sorted(lexicon.words(*adverb_key), key=lambda w: (-len(w), w)))
    prepositions = "|".join(re.escape(fold_keep(w))
                            for w in sorted(lexicon.words("governance", "time_prepositions")))
    slot = ""
    if adverbs:
        slot += rf"(?:\s+(?:{adverbs}))?"
    if prepositions:
        slot += rf"(?:\s+(?:{prepositions})\s+(?:[\w.]+\s+){{0,2}}?\d{{4}})?"
    phrases = tuple(sorted({fold_keep(p) for p in lexicon.words(group, key) if p.strip()}))
    return _matcher(phrases, slot)


@lru_cache(maxsize=64)
def _matcher(phrases: tuple[str, ...], slot: str) -> RelationMatcher:
    """One matcher per word list, whatever the section's language (the lists are the same union)."""
    return RelationMatcher(phrases, slot)


@lru_cache(maxsize=8)
def lexicon(lang: str | None) -> Lexicon:
    """Rule words of ``lang`` followed by those of the other languages (duplicates dropped)."""
    order = [lang] if lang in LANGUAGES else []
    order += [code for code in LANGUAGES if code not in order]
    words: dict[str, dict[str, list[str]]] = {}
    patterns: dict[str, dict[str, list[re.Pattern[str]]]] = {}
    mappings: dict[str, dict[str, dict[str, str]]] = {}
    for code in order:
        rules = language_rules(code)
        for group, entries in rules.words.items():
            for key, values in entries.items():
                bucket = words.setdefault(group, {}).setdefault(key, [])
                bucket.extend(w for w in values if w not in bucket)
        for group, compiled in rules.patterns.items():
            for key, regexes in compiled.items():
                found = patterns.setdefault(group, {}).setdefault(key, [])
                found.extend(r for r in regexes if r not in found)
        for group, maps in rules.mappings.items():
            for key, entries_map in maps.items():
                merged = mappings.setdefault(group, {}).setdefault(key, {})
                for name, value in entries_map.items():
                    merged.setdefault(name, value)  # the section's own language first
    if lang in LANGUAGES:
        # Another language's conjunction may be a preposition here (Dutch 'of' in 'the grant of the ministry').
        false = set(language_rules(lang).words.get("words", {}).get("not_conjunctions", ()))
        words.get("words", {})["conjunctions"] = [w for w in words.get("words", {}).get("conjunctions", []) if w not in false]
    return Lexicon(lang=order[0], data={g: {k: tuple(v) for k, v in e.items()} for g, e in words.items()},
                   patterns_data={g: {k: tuple(v) for k, v in e.items()} for g, e in patterns.items()},
                   mappings_data=mappings)
