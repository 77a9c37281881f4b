"""Field labels per language (``rules/labels.yml``) and a matcher for them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def fold(text: str) -> str:
    """Lower-case and strip accents, for matching labels in OCR'd text ('Équipe' == 'equipe')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """One character lower-cased without its accent; always one character."""
    decomposed = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return base if len(base) == 1 else c.lower()[:1] or c


def fold_keep_length(text: str) -> str:
    """Like ``fold`` but keeps the length, so offsets in the folded text are offsets in ``text``."""
    if text.isascii():
        return text.lower()
    table = _FOLD_TABLE
    for c in set(text):
        if ord(c) not in table:
            table[ord(c)] = fold_char(c)
    return text.translate(table)


_FOLD_TABLE: dict[int, str] = {}
"""Code point -> its folded character, grown as texts bring new characters: one ``str.translate``
folds a page (or the 1 MB city table) many times faster than a call per character."""


@lru_cache(maxsize=1)
def load_labels() -> dict[str, dict[str, list[str]]]:
    """field -> language -> labels, from ``rules/labels.yml`` (and the user rules folder's)."""
    from extract.rules.loader import rule_data

    data = rule_data("labels")
    return {field: {lang: list(labels) for lang, labels in by_lang.items()} for field, by_lang in data.items()}


@dataclass(frozen=True)
class LabelMatch:
    field: str
    label: str
    """The label as printed."""
    value: str
    """The text after the label and its separator (may be empty)."""


@lru_cache(maxsize=1)
def _label_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    by_folded: dict[str, str] = {}
    for field, by_lang in load_labels().items():
        for labels in by_lang.values():
            for label in labels:
                by_folded.setdefault(fold(label), field)
    alternatives = sorted(by_folded, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    # A label opens the line and is followed by ':' (or a dash/tab in tables), e.g. "Budget annuel : 2 M€";
    # a unit or a note in brackets may sit between them: "Budget (EUR m): 1.3".
    pattern = re.compile(rf"^\W{{0,3}}({body})(?:\s*(?:[:：]|\s[-–]\s|\t)|\s*\([^()\n]{{1,30}}\)\s*[:：])\s*(.*)$",
                         re.DOTALL)
    return pattern, by_folded


def match_label(line: str) -> LabelMatch | None:
    """The field label opening ``line`` ('Middelen: ...' -> resources), or None."""
    pattern, by_folded = _label_pattern()
    match = pattern.match(fold_keep_length(line))
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group(1))
    start, end = match.span(1)
    return LabelMatch(field=by_folded[key], label=line[start:end], value=line[match.start(2):].strip())
