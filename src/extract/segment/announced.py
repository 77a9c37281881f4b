"""Headings that a heading above them announces as labs.

'3 The four labs' over '3.1 Forum Virium Helsinki', '3.2 CityLAB Berlin'; a newsletter titled
'Over de grens: drie Duitstalige labs' over three headings. Labs whose names carry no head noun
('Denkfabrik Digitale Arbeitsgesellschaft') are found this way: the document counts them.
"""

from __future__ import annotations

from bisect import bisect_left

from extract.layout.headings import parse_numbering, strip_numbering
from extract.models import Line
from extract.normalize import find_numbers
from extract.rules.vocab import fold
from extract.segment.lab_headings import is_page_title, looks_like_name
from extract.segment.lab_index import LabIndex
from extract.segment.titles import parse_title

MIN_SECTION_WORDS = 15
MIN_COUNTED_LABS, MAX_COUNTED_LABS = 2, 12


def announced_labs(lines: list[Line], body: list[int], headings: list[int], index: LabIndex,
                   known: set[int]) -> set[int]:
    """Headings announced as labs by a numbered chapter or by the document's title (``known``: the
    lab headings found by their names; a title's count only fills in when they fall short)."""
    found = _by_chapter(lines, body, headings, index)
    if len(known | found) < 2:
        found |= _by_title(lines, body, headings, index)
    return found


def _by_chapter(lines: list[Line], body: list[int], headings: list[int], index: LabIndex) -> set[int]:
    """'3 The four labs' over '3.1 Forum Virium Helsinki', '3.2 CityLAB Berlin': a numbered chapter
    that names labs in the plural announces its numbered sub-headings as labs."""
    plural = index.lex.regex("labs", "plural_heads")
    found: set[int] = set()
    for n, h in enumerate(headings):
        numbering = parse_numbering(lines[h].text)
        if numbering is None or not plural.search(fold(numbering.rest)):
            continue
        for child in headings[n + 1:]:
            sub = parse_numbering(lines[child].text)
            if sub is None or not sub.label.startswith(numbering.label + "."):
                break  # the chapter ends at the next heading that is not one of its numbered parts
            if (sub.depth == numbering.depth + 1 and looks_like_name(lines[child].text, index.lex)
                    and has_body(lines, body, headings, child)):
                found.add(child)
                _index_name(lines[child].text, child, index)
    return found


def _by_title(lines: list[Line], body: list[int], headings: list[int], index: LabIndex) -> set[int]:
    """'Over de grens: drie Duitstalige labs', 'Two labs, two continents': a title that counts
    the labs in the plural announces the first that many headings of one size below it that have
    text of their own (not 'Agenda', not 'Introduction')."""
    if not headings:
        return set()
    title = headings[0]
    text = strip_numbering(lines[title].text)
    if parse_numbering(lines[title].text) is not None or not index.lex.regex("labs", "plural_heads").search(fold(text)):
        return set()
    counts = [n.value for n in find_numbers(text, index.lang)
              if n.value == int(n.value) and MIN_COUNTED_LABS <= n.value <= MAX_COUNTED_LABS]
    if len(counts) != 1:
        return set()
    non_labs = index.lex.folded("title", "non_lab_headings")
    below = [h for h in headings[1:] if has_body(lines, body, headings, h) and not is_page_title(lines[h].text, index.lex)
             and fold(strip_numbering(lines[h].text)).strip(" :") not in non_labs and "“" not in lines[h].text[:2]
             and lines[h].text[:1] not in "\"'«"]
    if not below:
        return set()
    size = max({lines[h].size for h in below}, key=lambda s: sum(1 for h in below if lines[h].size == s))
    chosen = [h for h in below if lines[h].size == size][: int(counts[0])]
    if len(chosen) < counts[0]:
        return set()  # fewer headings than labs counted: not this structure
    for h in chosen:
        _index_name(lines[h].text, h, index)
    return set(chosen)


def _index_name(text: str, line: int, index: LabIndex) -> None:
    name = parse_title(strip_numbering(text), index.lex)
    if name.name:
        index.entry_for(name.name, name.acronym, line)


def has_body(lines: list[Line], body: list[int], headings: list[int], h: int) -> bool:
    """Text of its own follows the heading: a chapter title that runs straight into the first lab's
    heading ('2. European labs' / '2.1 Name') describes no lab."""
    nxt = next((g for g in headings if g > h), len(lines))
    return sum(len(lines[i].text.split()) for i in between(body, h + 1, nxt)) >= MIN_SECTION_WORDS


def between(ordered: list[int], start: int, stop: int) -> list[int]:
    """The items of the sorted ``ordered`` within [start, stop), by bisection."""
    return ordered[bisect_left(ordered, start):bisect_left(ordered, stop)]
