"""Numbered lab headings in sequence: the numbers of a report's lab headings go up through it, and a
numbered list inside a lab ('1. Map the needs', '2. Test ...') breaks that run."""

from __future__ import annotations

from extract.layout.headings import parse_numbering
from extract.models import Line


def _number_key(label: str) -> tuple[int, ...] | None:
    """'2' -> (2,), '1.3' -> (1, 3), 'IV' -> (4,), 'C' -> (3,)."""
    if label.replace(".", "").isdigit():
        return tuple(int(part) for part in label.split(".") if part)
    romans = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if (all(c in romans for c in label) and len(label) > 1) or label in {"I", "V", "X"}:
        total = 0
        for n, c in enumerate(label):
            value = romans[c]
            total += -value if n + 1 < len(label) and romans[label[n + 1]] > value else value
        return (total,)
    if len(label) == 1 and label.isalpha():
        return (ord(label.upper()) - ord("A") + 1,)
    return None


def in_sequence(lines: list[Line], numbered: list[int]) -> set[int]:
    """Lab headings whose numbers go up through the report; a numbered list inside a lab
    ('1. Map the needs', '2. Test ...') breaks the sequence and is left out."""
    keys = [_number_key(parse_numbering(lines[h].text).label) for h in numbered]  # type: ignore[union-attr]
    if any(k is None for k in keys) or len(numbered) < 3:
        return set(numbered)
    # Longest strictly increasing run of numbers (patience sorting with back-links).
    best_end: list[int] = []
    back: list[int | None] = [None] * len(keys)
    for i, key in enumerate(keys):
        lo, hi = 0, len(best_end)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[best_end[mid]] < key:  # type: ignore[operator]
                lo = mid + 1
            else:
                hi = mid
        back[i] = best_end[lo - 1] if lo else None
        if lo == len(best_end):
            best_end.append(i)
        else:
            best_end[lo] = i
    chain: list[int] = []
    cursor: int | None = best_end[-1]
    while cursor is not None:
        chain.append(cursor)
        cursor = back[cursor]
    chain.reverse()
    if len(chain) < 3:
        return set(numbered)
    # Leave out only candidates between two consecutive numbers of the run (lab 5 ... lab 6) with no
    # larger heading between them: numbering that restarts under a new chapter is kept.
    keep = set(numbered)
    for a, b in zip(chain, chain[1:]):
        ka, kb = keys[a], keys[b]
        if kb[:-1] != ka[:-1] or kb[-1] != ka[-1] + 1:  # type: ignore[index]
            continue
        if any(_larger(lines[numbered[a]], lines[i]) for i in range(numbered[a] + 1, numbered[b])
               if lines[i].role == "heading"):
            continue
        keep -= {numbered[i] for i in range(a + 1, b)}
    return keep


def _larger(lab: Line, other: Line) -> bool:
    """``other`` is a heading above the lab's level: set larger, or numbered one level up."""
    if lab.size and other.size and other.size > 1.1 * lab.size:
        return True
    lab_numbering, other_numbering = parse_numbering(lab.text), parse_numbering(other.text)
    return bool(lab_numbering and other_numbering and other_numbering.depth < lab_numbering.depth)
