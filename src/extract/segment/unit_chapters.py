"""A chapter on a unit of the lab a page presents is that lab's chapter.

'About the Danish Nature Agency' ... 'The Coastal Authority' over 'The Danish Coastal Authority
(Kystdirektoratet) in Lemvig is part of the Danish Nature Agency.': the second heading names a part
of the first heading's lab, told in its first sentence; its text (and whatever follows it up to the
next lab's heading: 'Our organisation', 'The agency in figures') is the first lab's.
"""

from __future__ import annotations

from extract.rules.lexicon import fold_keep
from extract.segment.lab_index import LabEntry, LabIndex
from extract.segment.parts import Part

OPENING_LINES = 3
"""How many of a chapter's first lines may say whose part its lab is."""
PARENT_NAMED_WITHIN = 80
"""How far after 'is part of' the lab it belongs to is named."""
MAX_UNIT_SCORE = 2.0
"""A unit the page names once or twice: not a lab it presents on its own."""


def fold_unit_chapters(parts: list[Part], index: LabIndex) -> list[Part]:
    """``parts`` (heading parts in order) with each chapter on a unit of the lab an earlier chapter
    presents merged into that chapter."""
    out: list[Part] = []
    for part in parts:
        owner = _owner_chapter(part, out, index)
        if owner is None:
            out.append(part)
            continue
        owner.lines = owner.lines + part.lines
        owner.stop = max(owner.stop, part.stop)
    return out


def _owner_chapter(part: Part, earlier: list[Part], index: LabIndex) -> Part | None:
    """The earlier chapter whose lab ``part``'s lab is said to be part of in ``part``'s first lines
    (its first relation told), for a lab the page names once or twice; None otherwise."""
    if not earlier or not part.title:
        return None
    own = index.lookup(part.title)
    if own is not None and own.score > MAX_UNIT_SCORE:
        return None
    chapters: dict[int, Part] = {}
    for chapter in earlier:
        entry = index.lookup(chapter.title) if chapter.title else None
        if entry is not None and entry is not own:
            chapters[id(entry)] = chapter
    if not chapters:
        return None
    opening = " ".join(line.text for line in part.lines[1:1 + OPENING_LINES])  # the heading is lines[0]
    relations = index.lex.relation_matcher("governance", "parent_triggers").finditer(fold_keep(opening))
    trigger = next(relations, None)
    if trigger is None:
        return None
    named: list[LabEntry] = index.in_text(opening[trigger.end():trigger.end() + PARENT_NAMED_WITHIN])
    return chapters.get(id(named[0])) if named else None
