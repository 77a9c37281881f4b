"""Names a line break cut before their head: '... l'Agence du numérique de défense et la Red' /
'Team Défense.' The line holds 'Team Défense'; the name began on the line before."""

from __future__ import annotations

from dataclasses import replace

from extract.segment.lab_names import NameMention, find_lab_names

MIN_WRAPPED_LINE_CHARS = 40
"""A line this long that ends without punctuation is running prose the break cut (not a heading)."""
TAIL_CHARS = 60


def started_on_previous_line(mentions: list[NameMention], text: str, previous: str, lang: str) -> list[NameMention]:
    """``mentions`` of ``text``, the first one (at the line's start) given the capitalised words
    that end ``previous`` when together they make a longer name."""
    if not mentions or text[:mentions[0].start].strip() or text[mentions[0].end:].startswith(("'s", "’s")):
        return mentions  # 'Lab for the Observatory's case study': the complement is someone else's
    tail = previous.rstrip()
    last_word = tail.split()[-1] if tail.split() else ""
    if len(tail) < MIN_WRAPPED_LINE_CHARS or not last_word[:1].isupper() or not last_word[-1:].isalnum():
        return mentions
    tail = tail[-TAIL_CHARS:]
    first, offset = mentions[0], len(tail) + 1
    joined = find_lab_names(f"{tail} {text}", lang, generic=True)
    longer = next((m for m in joined if m.start < offset and m.end == first.end + offset), None)
    if longer is None or not all(w[:1].isupper() for w in tail[longer.start:].split()):
        return mentions
    return [replace(first, name=longer.name, acronym=first.acronym or longer.acronym,
                    strong=first.strong or longer.strong, generic=longer.generic), *mentions[1:]]
