"""De-hyphenation: 'gemeenschaps-' + 'huis' -> 'gemeenschapshuis' across line breaks.

A final pass over reading-order lines that yields new Line objects and never loses text.
The joined word goes to the first line; the second line keeps the rest of its text and its box
(a line left empty by the move is dropped: its only word now lives on the line above).
"""

from __future__ import annotations

import logging
import re
from functools import cache

from extract.models import Line
from extract.rules.lexicon import lexicon

log = logging.getLogger(__name__)

_ENDS_HYPHENATED = re.compile(r"[^\W\d_]-$")
_FLOW_ROLES = {"body", "heading", "table", "footnote", "caption"}


@cache
def _conjunctions() -> frozenset[str]:
    """A word after a hyphenated line break that shows the hyphen belongs to a shared compound
    ('onderzoeks- en onderwijsbeleid', 'short- and long-term', 'court- ou long terme'): rule words."""
    return frozenset(lexicon(None).words("words", "compound_joiners"))


def _next_in_flow(lines: list[Line], start: int, role: str) -> int | None:
    """Index of the next line of the same text flow (skipping furniture between pages/columns)."""
    for j in range(start + 1, len(lines)):
        if lines[j].role == role:
            return j
        if lines[j].role in _FLOW_ROLES:
            return None
    return None


def dehyphenate(lines: list[Line]) -> list[Line]:
    """Join words split by a line-end hyphen when the next line of the same flow starts in lower case."""
    out = list(lines)
    dropped: set[int] = set()
    for i in range(len(out)):
        line = out[i]
        if i in dropped or line.role not in _FLOW_ROLES or not _ENDS_HYPHENATED.search(line.text.rstrip()):
            continue
        j = _next_in_flow(out, i, line.role)
        if j is None:
            continue
        following = out[j]
        words = following.text.split()
        if not words or not words[0][:1].islower() or not words[0][:1].isalpha():
            continue
        if words[0].strip(",.;:").lower() in _conjunctions():
            continue
        joined = line.text.rstrip()[:-1] + words[0]
        out[i] = line._replace(text=joined)
        rest = " ".join(words[1:])
        if rest:
            out[j] = following._replace(text=rest)
        else:
            dropped.add(j)
    return [line for k, line in enumerate(out) if k not in dropped]
