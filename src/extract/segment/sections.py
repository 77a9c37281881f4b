"""Segmentation: split a document's lines into one Section per lab.

Evidence, in this order:
  a. a summary table whose header has a name column -> one Section(kind="table_row") per row;
  b. headings followed by field-label lines ('Website:', 'Rol:', 'Budget annuel :') -> one
     Section(kind="heading") per lab heading, running to the next lab heading or the next
     heading at the same or a higher level;
  c. no lab headings but repeated label blocks -> one section per block, titled by the short
     line just before it;
  d. otherwise the whole document is one Section(kind="document") titled by the document title.
Table rows and prose sections about the same lab may both exist; the extractors merge them.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.layout.build import page_tables
from extract.layout.headings import parse_numbering, strip_numbering
from extract.layout.tables import clean_cell, row_bbox, table_rows
from extract.models import Document, Line, Section, Table
from extract.rules.lexicon import lexicon
from extract.rules.vocab import fold, load_labels, match_label
from extract.segment.announced import announced_labs
from extract.segment.announced import between as _between
from extract.segment.announced import has_body as _has_body
from extract.segment.forms import answer_to, checked_only, form_questions, key_fact_boxes
from extract.segment.labs import (
    COMPARISON,
    LabEntry,
    LabIndex,
    heading_lab,
    is_page_title,
    looks_like_name,
    paragraphs,
    run_in_head,
    salient_lab,
    split_inline_labels,
    subject_of,
)
from extract.segment.letters import correspondence
from extract.segment.notes import footnote_owners
from extract.segment.titles import is_report_title, kicker_of, parse_title
from extract.segment.transposed import transposed_tables

log = logging.getLogger(__name__)

BODY_ROLES = {"body", "heading", "table", "caption"}
_EXTRA_NAME_HEADERS = {"organisation", "organization", "organisatie", "organisme", "labo", "laboratorium"}


@dataclass
class _Part:
    """A section in the making: where it starts in the line list (for ordering) and its lines."""

    order: float
    kind: str
    title: str | None
    lines: list[Line]
    start: int = 0
    stop: int = 0
    table_fields: dict[str, str] = field(default_factory=dict)
    assignment: float = 1.0


# How sure each way of giving text to a lab is (Section.assignment).
PARAGRAPH_ASSIGNMENT = 0.8
"""Paragraphs given to the lab they open with or name most."""
SALIENT_ASSIGNMENT = 0.85
"""A whole document given to the lab it names most."""
TITLE_ASSIGNMENT = 0.7
"""A whole document named after its title: no lab name was found in it."""


# --------------------------------------------------------------------------- helpers


def _language(text: str | Iterable[str]) -> str | None:
    from extract.normalize.language import detect_language

    try:
        return detect_language(text)
    except Exception as exc:  # language detection must never stop segmentation
        log.debug("language detection failed: %s", exc)
        return None


def _all_labels() -> set[str]:
    return {fold(label) for by_lang in load_labels().values() for labels in by_lang.values() for label in labels}


def _is_name_header(text: str) -> bool:
    folded = fold(clean_cell(text)).strip(" :*")
    names = {fold(label) for labels in load_labels().get("name", {}).values() for label in labels}
    if folded in names | _EXTRA_NAME_HEADERS:
        return True
    first = folded.split(" ", 1)[0]
    return first in {"naam", "name", "nom"}


# --------------------------------------------------------------------------- a. summary tables


def _table_parts(tables: list[Table], lines: list[Line]) -> tuple[list[_Part], set[int]]:
    parts: list[_Part] = []
    consumed: set[int] = set()
    previous: tuple[dict[int, str], int, int] | None = None  # header texts, name column, column count
    page_of_line = [line.page for line in lines]  # in page order: a page's lines are one run
    for table in tables:
        rows = table_rows(table)
        if not rows:
            continue
        ncols = max(len(r) for r in rows)
        header = {c: clean_cell(cell.text) for c, cell in rows[0].items()}
        name_col = next((c for c, text in sorted(header.items()) if _is_name_header(text)), None)
        data = rows[1:]
        if name_col is None and previous and previous[2] == ncols:
            # A table continued from the previous page without repeating its header.
            header, name_col, _ = previous
            data = rows
        if name_col is None:
            continue
        previous = (header, name_col, ncols)
        first, end = bisect_left(page_of_line, table.page), bisect_right(page_of_line, table.page)
        inside = [i for i in range(first, end) if _inside(lines[i], table)]
        consumed.update(inside)
        anchor = inside[0] if inside else first  # else the page's first line
        for n, row in enumerate(data):
            name = clean_cell(row[name_col].text) if name_col in row else ""
            if not name:
                continue
            fields = {
                header.get(c) or f"column {c + 1}": clean_cell(cell.text)
                for c, cell in sorted(row.items())
                if clean_cell(cell.text)
            }
            row_line = Line(
                page=table.page,
                text=" | ".join(clean_cell(cell.text) for _, cell in sorted(row.items())),
                bbox=row_bbox(row),
                role="table",
            )
            parts.append(
                _Part(order=anchor + (n + 1) / 1000, kind="table_row", title=name, lines=[row_line],
                      start=anchor, stop=anchor, table_fields=fields)
            )
    return parts, consumed


def _inside(line: Line, table: Table) -> bool:
    cx, cy = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
    x0, y0, x1, y1 = table.bbox
    return x0 - 2 <= cx <= x1 + 2 and y0 - 2 <= cy <= y1 + 2


# --------------------------------------------------------------------------- b. lab headings


@dataclass(frozen=True)
class _Heading:
    index: int
    depth: int | None
    """Numbering depth, None when unnumbered."""
    size: float | None


def _heading(lines: list[Line], index: int) -> _Heading:
    numbering = parse_numbering(lines[index].text)
    depth = numbering.depth if numbering and numbering.explicit else None
    return _Heading(index=index, depth=depth, size=lines[index].size)


def _ends(lab: _Heading, other: _Heading) -> bool:
    """``other`` is at the same or a higher level than the lab heading, so it closes the lab's section."""
    if lab.depth is not None and other.depth is not None:
        return other.depth <= lab.depth
    if lab.size is None or other.size is None:
        return lab.depth is None or other.depth is not None
    if lab.depth is not None:  # an unnumbered heading closes a numbered lab only when clearly larger
        return other.size >= 1.05 * lab.size
    return other.size >= 0.93 * lab.size


def _has_labels(lines: list[Line], indices: list[int]) -> bool:
    fields = []
    for pos, i in enumerate(indices):
        match = match_label(lines[i].text)
        if match:
            if pos < 4:
                return True
            fields.append(match.field)
    return len(set(fields)) >= 2


def _heading_parts(lines: list[Line], body: list[int], index: LabIndex) -> list[_Part]:
    headings = [i for i in body if lines[i].role == "heading"]
    if not headings:
        return []
    field_words = _all_labels()
    labs: set[int] = set()
    named: list[object] = []
    for n, h in enumerate(headings):
        nxt = headings[n + 1] if n + 1 < len(headings) else len(lines)
        following = _between(body, h + 1, nxt)
        title = fold(strip_numbering(lines[h].text)).strip(" :")
        if title in field_words:
            continue
        if _has_labels(lines, following) and not is_page_title(lines[h].text, index.lex):
            labs.add(h)
        elif (following and (entry := heading_lab(lines[h].text, index, [lines[i].text for i in following[:3]]))
              and entry not in named):  # a second heading naming the same lab is one of its sub-headings
            named.append(entry)
            labs.add(h)  # a heading that names a lab opens its section, labels or not
    labs |= _sibling_headings(lines, body, headings, labs, index)
    labs |= announced_labs(lines, body, headings, index, labs)
    # Labs of one report share a numbering style: when most lab headings are numbered, an
    # unnumbered 'heading' among them (large text in a screenshot, a sub-heading) is not a lab.
    numbered = {h for h in labs if _heading(lines, h).depth is not None}
    if len(numbered) >= 2 and len(numbered) * 2 > len(labs):
        labs = _in_sequence(lines, sorted(numbered))
    parts: list[_Part] = []
    info = {h: _heading(lines, h) for h in headings}
    for h in sorted(labs):
        stop = len(lines)
        for other in headings:
            if other > h and (other in labs or _closes(lines, body, labs, info, h, other)):
                stop = other
                break
        start = _title_above(lines, body, headings, h) if len(labs) == 1 else h
        members = [lines[i] for i in _between(body, start, stop)]
        parts.append(_Part(order=start, kind="heading", title=strip_numbering(lines[start].text), lines=members,
                           start=start, stop=stop))
    return parts


def _sibling_headings(lines: list[Line], body: list[int], headings: list[int], labs: set[int],
                      index: LabIndex) -> set[int]:
    """Headings set like most of the lab headings (same size, same numbering depth) name labs too:
    in a directory or a slide deck, 'GovTech Polska' sits where 'Public Policy Lab' does."""
    def style(i: int) -> tuple[float, int | None]:
        return (round((lines[i].size or 0.0) * 2) / 2, _heading(lines, i).depth)

    groups: dict[tuple[float, int | None], list[int]] = {}
    for h in headings:
        groups.setdefault(style(h), []).append(h)
    # Headings under the same kicker as two lab headings ('Lab portrait: ...') name labs too.
    kickers: dict[str, list[int]] = {}
    for h in headings:
        if (kicker := kicker_of(strip_numbering(lines[h].text), index.lex)) is not None:
            kickers.setdefault(kicker, []).append(h)
    extra: set[int] = set()
    kicked: set[int] = set()
    for members in kickers.values():
        if sum(h in labs for h in members) >= 2:
            extra |= {h for h in members if h not in labs and _has_body(lines, body, headings, h)}
            kicked |= set(members)
    for members in groups.values():
        named = [h for h in members if h in labs]
        if named and all(h in kicked for h in named):
            continue  # the kicker, not the type size, tells the labs apart
        if len(named) >= 2 and 3 * len(named) >= len(members):
            extra |= {h for h in members if h not in labs and looks_like_name(lines[h].text, index.lex)
                      and fold(strip_numbering(lines[h].text)).strip(" :") not in _all_labels()
                      and _has_body(lines, body, headings, h)}
    return extra


def _closes(lines: list[Line], body: list[int], labs: set[int], info: dict[int, _Heading], lab: int,
            other: int) -> bool:
    """``other`` (not a lab heading) closes the lab section opened at ``lab``.

    It must be at the same or a higher level, and no field labels may follow it before the next
    lab heading: a numbered list item or large screenshot text inside a lab, with the lab's
    'Governance:' still to come, does not end the lab.
    """
    if not _ends(info[lab], info[other]):
        return False
    if info[lab].depth is None:
        return True
    nxt = min((g for g in labs if g > other), default=len(lines))
    return not any(match_label(lines[i].text) for i in _between(body, other + 1, nxt))


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


def _in_sequence(lines: list[Line], numbered: list[int]) -> set[int]:
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


def _title_above(lines: list[Line], body: list[int], headings: list[int], lab: int) -> int:
    """For a document about one lab: its title when the lab's heading is only a subtitle right under it."""
    first = headings[0]
    if first == lab or any(first < i < lab and lines[i].role != "heading" for i in body):
        return lab
    if (lines[first].size or 0.0) < (lines[lab].size or 0.0):
        return lab
    return first


# --------------------------------------------------------------------------- c. repeated label blocks


def _is_title_line(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text.split()) <= 10 and text[-1:] not in ".,;:" and match_label(text) is None


def _block_parts(lines: list[Line], body: list[int]) -> list[_Part]:
    starts: list[tuple[int, str | None]] = []  # (position in body, title)
    opener: str | None = None
    seen: set[str] = set()
    last_label_pos = -1
    for pos, i in enumerate(body):
        match = match_label(lines[i].text)
        if not match:
            continue
        if opener is None or match.field == opener or match.field in seen:
            start, title = pos, None
            for back in range(pos - 1, max(last_label_pos, pos - 3), -1):
                if _is_title_line(lines[body[back]].text):
                    start, title = back, strip_numbering(lines[body[back]].text)
                    break
            starts.append((start, title))
            opener = opener or match.field
            seen = set()
        seen.add(match.field)
        last_label_pos = pos
    if len(starts) < 2:
        return []
    parts = []
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(body)
        members = [lines[i] for i in body[start:end]]
        stop = body[end] if end < len(body) else len(lines)
        parts.append(_Part(order=body[start], kind="heading", title=title, lines=members, start=body[start], stop=stop))
    return parts


# --------------------------------------------------------------------------- d. prose about several labs


def _prose_parts(lines: list[Line], body: list[int], index: LabIndex) -> list[_Part]:
    """Prose without lab headings: each paragraph goes to the lab it opens with, and the paragraphs
    after it stay with that lab until another lab opens one. Used when two or more labs are the
    subject of paragraphs; a document about one lab stays whole."""
    owners: list[tuple[list[int], object]] = []
    current = None
    title = _title_line(lines, body)
    for paragraph in paragraphs(lines, body):
        if title is not None and paragraph[-1] < title:
            continue  # a masthead or letterhead above the document's title describes no lab
        heading = all(lines[i].role == "heading" for i in paragraph)
        text = " ".join(lines[i].text for i in paragraph)
        # A heading is about a lab when it is (mostly) the lab's name, not when it mentions one.
        # A bold run-in head may be set as a heading line: 'eWBS (eWallonie-Bruxelles ...) — Créé en 2013'.
        subject = ((heading_lab(text, index) or run_in_head(text, index, paragraph[0], create=False)) if heading
                   else subject_of(paragraph, lines, index))
        if subject is not None and subject is not COMPARISON and not heading and _passing(subject):
            subject = None  # 'we swap methods with the Lab van Troje': named once, in passing
        if subject is COMPARISON:
            current = None  # a paragraph comparing labs describes none of them
        elif subject is not None:
            current = subject
        elif heading and not _is_question(text):
            current = None  # a chapter heading that names no lab ends the lab before it
        owners.append((paragraph, current))
    labs = []
    for _, owner in owners:
        if owner is not None and owner not in labs:
            labs.append(owner)
    if len(labs) < 2:
        return []
    parts = []
    for lab in labs:
        members = [i for paragraph, owner in owners if owner is lab for i in paragraph]
        parts.append(_Part(order=members[0], kind="heading", title=lab.title,  # type: ignore[attr-defined]
                           lines=[lines[i] for i in members], start=members[0], stop=members[-1] + 1,
                           assignment=PARAGRAPH_ASSIGNMENT))
    return parts


# --------------------------------------------------------------------------- e. whole document


def _message(lines: list[Line], body: list[int], language: str | None) -> tuple[list[int], list[int]]:
    """A letter's or an e-mail's body without its furniture (letterhead, headers, greeting,
    signature), and its subject lines (kept: they name what the message is about)."""
    found = correspondence([lines[i].text for i in body], lexicon(language))
    if found is None:
        return body, []
    subjects = [body[n] for n in found.subjects]
    return [i for n, i in enumerate(body) if n not in found.furniture or n in found.subjects], subjects


def _column_parts(lines: list[Line], body: list[int], index: LabIndex) -> tuple[list[_Part], list[int]]:
    """Key-facts tables with a column per lab become a table row per lab; their lines leave the body."""
    parts: list[_Part] = []
    taken: set[int] = set()
    for table in transposed_tables(lines, body, index):
        taken.update(table.lines)
        anchor = table.lines[0]
        row_lines = [lines[i] for i in table.lines]
        for n, column in enumerate(table.columns):
            fields = {"Name": column.title, **column.fields}
            parts.append(_Part(order=anchor + (n + 1) / 1000, kind="table_row", title=column.title, lines=row_lines,
                               start=anchor, stop=anchor, table_fields=fields))
    return parts, [i for i in body if i not in taken]


def _form_part(lines: list[Line], body: list[int]) -> _Part | None:
    """A questionnaire is about the lab its 'Name of the lab' question names, whatever its title."""
    texts = [checked_only(lines[i].text) for i in body]
    questions = form_questions(texts)
    if not questions:
        return None
    title = answer_to(texts, questions, "name") or _document_title(lines, body, _language(texts))
    return _Part(order=0, kind="document", title=title, lines=[lines[i] for i in body], start=0, stop=len(lines))


def _passing(entry: LabEntry) -> bool:
    """A lab the document names once, with no acronym of its own (a programme's acronym defined in
    passing is not one), address or heading."""
    return entry.mentions <= 1 and not ((entry.acronym and entry.strong) or entry.domain or entry.in_heading)


def _is_question(text: str) -> bool:
    """An interviewer's question set as a heading: the answer after it goes on with the same lab."""
    return "?" in text


def _title_line(lines: list[Line], body: list[int]) -> int | None:
    """Index of the document title: the largest line on the first page, when clearly larger than the text."""
    first = min((lines[j].page for j in body), default=1)
    sized = [i for i in body if lines[i].page == first and lines[i].size]
    if not sized:
        return None
    sizes = sorted(lines[i].size or 0.0 for i in sized)  # every one is set (``sized``)
    median = sizes[len(sizes) // 2]
    largest = max(sized, key=lambda i: lines[i].size or 0.0)
    return largest if (lines[largest].size or 0.0) >= 1.15 * median else None


def _document_title(lines: list[Line], body: list[int], language: str | None = None) -> str | None:
    top_page = min((lines[j].page for j in body), default=1)
    title = _title_line(lines, body)
    if title is None:
        title = next((i for i in body if lines[i].role == "heading"), None)
    if title is None:
        title = next((i for i in body if lines[i].page == top_page and _is_title_line(lines[i].text)), None)
    if title is None:
        return None
    text = strip_numbering(lines[title].text)
    if is_report_title(text, lexicon(language)):
        return _subtitle(lines, body, title) or text
    return text


MAX_SUBTITLE_WORDS = 16


def _subtitle(lines: list[Line], body: list[int], title: int) -> str | None:
    """'Jaarverslag 2021' over 'Stichting X (AMS': a report's title names the document; the line
    under it names whom it is about (joined with its wrapped end while a bracket is open)."""
    after = [i for i in body if i > title and lines[i].page == lines[title].page][:2]
    if not after:
        return None
    text = lines[after[0]].text.strip()
    if text.count("(") > text.count(")") and len(after) > 1:
        text = f"{text} {lines[after[1]].text.strip()}"
    # A short form in brackets ends the name; an address run into the same line follows it.
    text = re.split(r"(?<=\))\s|\s[·|]\s", text, maxsplit=1)[0]
    words = text.split()
    if not words or len(words) > MAX_SUBTITLE_WORDS or not words[0][:1].isupper() or text.endswith("."):
        return None
    return text


MAX_EXTRA_NAME_WORDS = 2


def _fuller_name(title: str | None, name: str, index: LabIndex) -> bool:
    """The document's title names the lab more fully: 'GovLab Lisboa annual report' for 'GovLab'."""
    if not title:
        return False
    full = parse_title(title, index.lex, document=True).name or ""
    return (_key_of(full).startswith(_key_of(name)) and full != name
            and len(full.split()) <= len(name.split()) + MAX_EXTRA_NAME_WORDS)


def _letterhead_over_title(lines: list[Line], body: list[int], part: _Part, index: LabIndex) -> bool:
    """The only lab heading sits above a larger document title that names another lab: the
    heading is the sender's letterhead ('Logius' over 'Staatssecretaris lanceert Digicampus')."""
    title = _title_line(lines, body)
    if title is None or title <= part.start:
        return False
    lab = salient_lab(index)
    return lab is not None and _key_of(lab.name) != _key_of(part.title or "") and lab.in_heading > 0


def _key_of(name: str) -> str:
    return fold(name).replace(" ", "")


def _under_document_title(lines: list[Line], body: list[int], part: _Part) -> bool:
    """The only lab heading sits below a clearly larger document title: the title names the lab."""
    title = _title_line(lines, body)
    if title is None or title >= part.start:
        return False
    return (lines[title].size or 0.0) > 1.1 * (lines[part.start].size or 0.0)


# --------------------------------------------------------------------------- entry point


def split_sections(document: Document, lines: list[Line]) -> list[Section]:
    """One Section per lab, in document order, from a document and its lines (``layout.build_lines``)."""
    return sections_from(lines, [table for page in document.pages for table in page_tables(page)],
                         name=document.source.path)


def sections_from(lines: list[Line], tables: list[Table], *, name: str = "") -> list[Section]:
    """One Section per lab, in document order (see the module docstring for the evidence used).

    ``tables`` are the document's tables in page order (``PageLayout.tables``).
    """
    lines = key_fact_boxes(lines)
    table_parts, consumed = _table_parts(tables, lines)
    body = [i for i, line in enumerate(lines) if line.role in BODY_ROLES and i not in consumed]
    # Line by line: the words of a 500-page report's text are never all held at once.
    doc_language = _language(lines[i].text for i in body)
    body, subjects = _message(lines, body, doc_language)
    index = LabIndex(lines, body, doc_language)
    title_line = _title_line(lines, body)
    index.prominent(subjects + ([title_line] if title_line is not None else []))  # a letter's subject, the title
    if form := _form_part(lines, body):
        table_parts, parts = [], [form]  # a questionnaire answers for one lab, tables included
    else:
        parts = _heading_parts(lines, body, index)
        # After the lab headings (they name the labs a table's columns abbreviate), before the rest.
        columns, body = _column_parts(lines, body, index)
        if columns:
            table_parts += columns
            kept = set(map(id, (lines[i] for i in body)))
            for part in parts:
                part.lines = [line for line in part.lines if id(line) in kept or line.role not in BODY_ROLES]
    if form:
        pass
    elif len(parts) == 1 and not table_parts and _under_document_title(lines, body, parts[0]):
        parts = []  # a fact sheet: one boxed 'Key facts' block under the lab's own title
    elif len(parts) == 1 and not table_parts and _letterhead_over_title(lines, body, parts[0], index):
        parts = []  # a press release: the sender's name over a headline about its lab
    elif not parts:
        parts = _block_parts(lines, body)
    if len(parts) == 1 and not table_parts:
        # The only lab heading of the document: the whole document is about that lab (a grant
        # report's or a letter's chapters are its chapters).
        only = parts[0]
        parts = [_Part(order=0, kind=only.kind, title=only.title, lines=[lines[i] for i in body], start=0,
                       stop=len(lines))]
    if not parts and not table_parts:
        parts = _prose_parts(lines, body, index)
    parts = sorted(table_parts + parts, key=lambda p: p.order)
    if not parts:
        lab = salient_lab(index)
        title = _document_title(lines, body, doc_language)
        if lab is not None and not _fuller_name(title, lab.name, index):
            title = lab.title
        parts = [_Part(order=0, kind="document", title=title, lines=[lines[i] for i in body],
                       start=0, stop=len(lines), assignment=SALIENT_ASSIGNMENT if lab else TITLE_ASSIGNMENT)]
    owners = footnote_owners(lines, [part.lines for part in parts])
    marginal = _Marginal.of(lines)
    sections = [_section(part, lines, doc_language, owners, marginal, n) for n, part in enumerate(parts)]
    log.debug("%s: %d sections (%s)", name, len(sections), ", ".join(s.kind for s in sections[:3]))
    return sections


@dataclass(frozen=True)
class _Marginal:
    """Where the footnote and URL-footer lines are, found once: each section then looks only at those
    (a scan of all lines per section made a 500-page report quadratic)."""

    footnotes: list[int]
    url_footers_by_page: dict[int, list[int]]

    @classmethod
    def of(cls, lines: list[Line]) -> _Marginal:
        marginal = cls([], {})
        for i, line in enumerate(lines):
            if line.role == "footnote":
                marginal.footnotes.append(i)
            elif line.role == "url_footer":
                marginal.url_footers_by_page.setdefault(line.page, []).append(i)
        return marginal


def _section(part: _Part, lines: list[Line], doc_language: str | None, owners: dict[int, int], marginal: _Marginal,
             number: int) -> Section:
    span = range(part.start, part.stop)
    footnotes = [lines[i] for i in marginal.footnotes if (owners[i] == number if i in owners else i in span)]
    in_range = [lines[i] for i in span if lines[i].role == "url_footer"]
    # Lines are in page order, so the pages' footers taken page by page stay in document order.
    pages = sorted({line.page for line in part.lines})
    on_pages = [lines[i] for page in pages for i in marginal.url_footers_by_page.get(page, ()) if i not in span]
    text = "\n".join(line.text for line in part.lines)
    language = _language(text) if part.kind != "table_row" and len(text.split()) >= 20 else None
    return Section(
        kind=part.kind,  # type: ignore[arg-type]
        title=part.title,
        lines=split_inline_labels(part.lines),
        footnotes=footnotes,
        urls=in_range + on_pages,
        table_fields=part.table_fields,
        language=language or doc_language,
        assignment=part.assignment,
    )
