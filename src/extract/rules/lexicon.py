"""Rule words per language (``rules/{nl,en,fr}.yml``) and whole-word matchers over folded text.

Reports mix languages (a Dutch report quotes an English board name, a French title sits over
Dutch prose), so a section is read with the union of the three languages' words, its own
language first. Numbers are the exception: they are parsed in the section's locale by
``extract.normalize``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from extract.rules.vocab import fold_keep_length

LANGUAGES = ("nl", "en", "fr")


def fold_keep(text: str) -> str:
    """Lower-case and strip accents without changing the length (offsets stay valid)."""
    return fold_keep_length(text)


@cache
def _load(lang: str) -> dict[str, Any]:
    text = resources.files("extract").joinpath(f"rules/{lang}.yml").read_text(encoding="utf-8")
    # BaseLoader keeps every word a string (YAML 1.1 would read "on", "no" or "yes" as booleans).
    return yaml.load(text, Loader=yaml.BaseLoader) or {}


def phrase_regex(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A whole-word regex for folded text; longest phrase first, spaces match any whitespace."""
    folded = sorted({fold_keep(p) for p in phrases if p}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])")


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The merged rule words for one section language (identity-hashed: one per language, cached)."""

    lang: str
    data: dict[str, dict[str, tuple[str, ...]]]

    def words(self, group: str, key: str) -> tuple[str, ...]:
        return self.data.get(group, {}).get(key, ())

    def folded(self, group: str, key: str) -> frozenset[str]:
        return frozenset(fold_keep(w) for w in self.words(group, key))

    def regex(self, group: str, key: str) -> re.Pattern[str]:
        return _regex(self, group, key)


@lru_cache(maxsize=256)
def _regex(lexicon: Lexicon, group: str, key: str) -> re.Pattern[str]:
    return phrase_regex(lexicon.words(group, key))


@lru_cache(maxsize=8)
def lexicon(lang: str | None) -> Lexicon:
    """Rule words of ``lang`` followed by those of the other languages (duplicates dropped)."""
    order = [lang] if lang in LANGUAGES else []
    order += [code for code in LANGUAGES if code not in order]
    merged: dict[str, dict[str, list[str]]] = {}
    for code in order:
        for group, entries in _load(code).items():
            for key, words in (entries or {}).items():
                bucket = merged.setdefault(group, {}).setdefault(key, [])
                bucket.extend(w for w in words or [] if w not in bucket)
    frozen = {g: {k: tuple(v) for k, v in entries.items()} for g, entries in merged.items()}
    return Lexicon(lang=order[0], data=frozen)

