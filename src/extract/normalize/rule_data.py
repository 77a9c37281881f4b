"""The normalisers' access to the rule files and the languages they are written in."""

from __future__ import annotations

from typing import Any

from extract.rules.loader import rule_data
from extract.rules.schema import LANGUAGES

LANGS = LANGUAGES


def load_rule_file(name: str) -> Any:
    """``rules/<name>.yml`` (and the user rules folder's), checked against its schema; parsed once."""
    return rule_data(name)


def text_langs(lang: str | None) -> tuple[str, ...]:
    """The text's language alone when it is known, else every language."""
    return (lang,) if lang in LANGS else LANGS


def own_first(lang: str | None) -> tuple[str, ...]:
    """Every language, the text's own first: reports quote each other ('1,7 miljoen' in English)."""
    return ((lang,) if lang in LANGS else ()) + tuple(code for code in LANGS if code != lang)
