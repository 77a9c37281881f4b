"""Which section a footnote belongs to: the one whose text carries the note's reference mark.

A note printed at a page foot may belong to a lab whose text ended higher on that page, or on
the page before (the mark '... the steering group 1 .' in one lab, the note under the next lab's text).
Notes whose mark is not found stay with the section where they are printed (see segment).
"""

from __future__ import annotations

import re

from extract.models import Line
from extract.rules.letter_classes import CAPITALS

_NOTE_START = re.compile(rf"^(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{{1,2}}|\*{{1,3}}|[†‡])(?=[\s.)]|[{CAPITALS}])")
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def footnote_owners(lines: list[Line], parts: list[list[Line]]) -> dict[int, int]:
    """Footnote line index -> index of the part (a section's lines) whose text carries the note's mark.

    A note printed at a page foot may belong to a lab whose text ended higher on the page, or on
    the page before (the mark in one section, the note under the next one).
    """
    part_of = {id(line): n for n, part in enumerate(parts) for line in part}
    owners: dict[int, int] = {}
    current: int | None = None
    for i, line in enumerate(lines):
        if line.role != "footnote":
            current = None  # a note's lines follow each other; anything else ends it
            continue
        match = _NOTE_START.match(line.text.strip())
        if match:
            current = _owner_of_mark(lines, i, match.group("mark").translate(_SUPERSCRIPTS), part_of)
        if current is not None:
            owners[i] = current
    return owners


def _owner_of_mark(lines: list[Line], note: int, mark: str, part_of: dict[int, int]) -> int | None:
    page = lines[note].page
    for i in range(note - 1, -1, -1):
        line = lines[i]
        if line.page < page - 1:
            break
        if id(line) not in part_of:
            continue
        raw = line.text.split()
        tokens = [token.translate(_SUPERSCRIPTS) for token in raw]
        if "".join(tokens) == mark:  # the mark on a line of its own (raised above its line)
            return part_of[id(line)]
        for n, token in enumerate(tokens):
            before = tokens[n - 1] if n else ""
            after = tokens[n + 1] if n + 1 < len(tokens) else ""
            # The mark set apart after a word ('group 1 .') or written in superscript ('group¹').
            word_before = before.rstrip(".,;:)\"'”’")[-1:].isalpha()
            if token == mark and word_before and not any(c.isalnum() for c in after):
                return part_of[id(line)]
            if raw[n] != token and token.rstrip(".,;:").endswith(mark) and raw[n][:1].isalpha():
                return part_of[id(line)]
    return None
