"""Field labels per language (``rules/labels.yml``) and a matcher for them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


def fold(text: str) -> str:
    """Lower-case and strip accents, for matching labels in OCR'd text ('Équipe' == 'equipe')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def load_labels() -> dict[str, dict[str, list[str]]]:
    """field -> language -> labels, from the packaged ``rules/labels.yml``."""
    text = resources.files("extract").joinpath("rules/labels.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
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
    # A label opens the line and is followed by ':' (or a dash/tab in tables), e.g. "Budget annuel : 2 M€".
    pattern = re.compile(rf"^\W{{0,3}}({body})\s*(?:[:：]|\s[-–]\s|\t)\s*(.*)$", re.DOTALL)
    return pattern, by_folded


def match_label(line: str) -> LabelMatch | None:
    """The field label opening ``line`` ('Middelen: ...' -> resources), or None."""
    pattern, by_folded = _label_pattern()
    folded = fold(line)
    match = pattern.match(folded)
    if not match:
        return None
    key = re.sub(r"\s+", " ", match.group(1))
    # fold() keeps string length for Latin text, so offsets map back to the original line.
    start, end = match.span(1)
    value_start = match.start(2)
    if len(folded) != len(line):
        return LabelMatch(field=by_folded[key], label=key, value=line.split(":", 1)[-1].strip())
    return LabelMatch(field=by_folded[key], label=line[start:end], value=line[value_start:].strip())
