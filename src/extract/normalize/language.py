"""Which of Dutch, English or French a text is written in.

lingua decides for text of a few words and more (one detector, built once, low-accuracy
mode: it loads fast in every batch worker); a count of
stop words decides for short text and backs lingua up. None when neither is sure.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal, get_args

from .rule_data import own_words

log = logging.getLogger(__name__)

Lang = Literal["nl", "en", "fr"]
"""``extract.rules.schema.LANGUAGES`` as a type (a Literal cannot be built from the tuple; a test keeps them equal)."""

_LANGS: tuple[Lang, ...] = get_args(Lang)


@lru_cache(maxsize=1)
def _stop_words() -> dict[Lang, frozenset[str]]:
    """Each language's stop words (``language.stop_words`` of ``rules/{nl,en,fr}.yml``), lower case as written."""
    return {lang: frozenset(own_words(lang, "language", "stop_words")) for lang in _LANGS}


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_LINGUA_WORDS = 4
_ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_MIN_CONFIDENCE = 0.6
_MAX_LINGUA_WORDS = 400
"""A section's first 400 words settle its language; lingua's time grows with the text."""


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # Low-accuracy mode (trigrams only) loads in 0.2 s and 20 MB instead of 4 s and 110 MB, and
    # tells these three languages apart on a sentence; shorter text goes to the stop words.
    builder = LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH, Language.FRENCH)
    return builder.with_low_accuracy_mode().build()


_LINGUA_CODES: dict[str, Lang] = {"DUTCH": "nl", "ENGLISH": "en", "FRENCH": "fr"}


def _by_stop_words(counts: dict[Lang, int]) -> Lang | None:
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top == 0 or top == second:
        return None
    return best


def _by_lingua(text: str) -> tuple[Lang | None, float]:
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    top = values[0]
    return _LINGUA_CODES.get(top.language.name), float(top.value)


def detect_language(text: str | Iterable[str]) -> Lang | None:
    """'nl', 'en' or 'fr' for the language of ``text``; None when it cannot tell.

    ``text`` may also be given in pieces (a document's lines): the words are counted as they come
    and only the first 400 kept, so a 500-page report's text is never split into words at once.
    """
    pieces = [text] if isinstance(text, str) else text
    stop_words = _stop_words()
    counts: dict[Lang, int] = dict.fromkeys(stop_words, 0)
    head: list[str] = []
    total = 0
    for piece in pieces:
        if not isinstance(piece, str):
            return None
        # Addresses and e-mail say nothing about the language of the prose around them.
        for match in _WORD.finditer(_ADDRESS.sub(" ", piece)):
            word = match.group().lower().replace("’", "'")
            total += 1
            if len(head) < _MAX_LINGUA_WORDS:
                head.append(word)
            for lang, stops in stop_words.items():
                if word in stops:
                    counts[lang] += 1
    if not total:
        return None
    by_stops = _by_stop_words(counts)
    if total < _MIN_LINGUA_WORDS:
        return by_stops
    try:
        found, confidence = _by_lingua(" ".join(head))
    except Exception:  # detection is advice; never fail a document over it
        log.debug("lingua failed", exc_info=True)
        return by_stops
    if found is not None and (confidence >= _MIN_CONFIDENCE or found == by_stops):
        return found
    return by_stops
