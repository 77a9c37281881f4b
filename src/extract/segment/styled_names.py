"""Names styled as an acronym and a description: 'SLO, nationaal expertisecentrum
leerplanontwikkeling', 'de KB, nationale bibliotheek, die ...'. The description is lower case, opens
with a word of ``labs.style_openers`` (a Dutch habit; 'BRGM, service géologique national' is a
French apposition), names an organisation, and does not spell the acronym (that is an expansion,
read elsewhere)."""

from __future__ import annotations

import re
from functools import cache

from extract.rules.letter_classes import LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep

MAX_STYLE_WORDS = 5
MIN_NOUN_CHARS = 4
# An acronym, a comma, then up to five lower-case words closed by punctuation or the line's end.
_STYLED_NAME = re.compile(rf"(?<![\w-])([A-Z][A-Z0-9]{{1,7}}), ((?:[{LOWERCASE}][\w'’-]*\s){{1,{MAX_STYLE_WORDS - 1}}}"
                          rf"[{LOWERCASE}][\w'’-]*)(?=\s*(?:[,·–—;:)]|\.(?:\s|$)|$))", re.MULTILINE)


@cache
def _organisation_nouns() -> tuple[str, ...]:
    """Every language's organisation nouns long enough to end a compound ('expertisecentrum')."""
    from extract.segment.acronyms import organisation_nouns

    return tuple(n for n in organisation_nouns() if len(n) >= MIN_NOUN_CHARS)


def styled_names(text: str, lex: Lexicon) -> dict[str, str]:
    """Acronym -> its whole style, the first the text gives for each acronym."""
    openers = lex.folded("labs", "style_openers")
    if not openers:
        return {}
    nouns = _organisation_nouns()
    styled: dict[str, str] = {}
    for match in _STYLED_NAME.finditer(text):
        acronym, words = match.group(1), match.group(2).split()
        if acronym in styled or fold_keep(words[0]) not in openers or "".join(w[0] for w in words).upper() == acronym:
            continue
        if any(fold_keep(w).endswith(noun) for w in words for noun in nouns):
            styled[acronym] = f"{acronym}, {match.group(2)}"
    return styled


def styled_name(text: str, lex: Lexicon) -> str | None:
    """The acronym of a title that is one whole style ('SLO, nationaal expertisecentrum ...')."""
    text = text.strip()
    return next((acronym for acronym, name in styled_names(text, lex).items() if name == text), None)
