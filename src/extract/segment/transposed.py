"""Key-facts tables with one column per lab: a row per field, the labs across the top.

    Table 1 Key facts    MindLab   DesignGov   Policy Lab   Lab. de Gobierno
    Founded              2002      2012        2014         2015
    Staff (FTE)          15        9           c. 20        28

Papers and comparisons print them; read row by row they would give the first lab's section
every lab's figures. Each column becomes a table row of its own lab, named after the lab of the
document its header cell names ('Lab. de Gobierno' -> 'Laboratorio de Gobierno'). A value cell
that runs over several lines cannot be told apart from its neighbours' without their positions,
so such a row is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extract.models import Line
from extract.rules.lexicon import fold_keep
from extract.segment.forms import label_in
from extract.segment.labs import LabIndex

MIN_FIELD_ROWS = 2
MIN_COLUMNS = 2
HEADER_MATCH = 80.0
_EMPTY = frozenset({"", "—", "–", "-", "n/a", "n.a.", "n.c.", "n.v.t."})


@dataclass
class LabColumn:
    """One lab's column: its name and its field cells ({row label: cell})."""

    title: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class TransposedTable:
    lines: list[int]
    """Indices of the table's lines (they leave the section they sat in)."""
    columns: list[LabColumn]


def transposed_tables(lines: Sequence[Line], body: Sequence[int], index: LabIndex) -> list[TransposedTable]:
    """The key-facts tables of ``body`` laid out with labs as columns."""
    found = []
    for run in _table_runs(lines, body):
        table = _read(run, lines, index)
        if table is not None:
            found.append(table)
    return found


def _table_runs(lines: Sequence[Line], body: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in body:
        if lines[i].role == "table":
            if runs and runs[-1][-1] == _previous(body, i):
                runs[-1].append(i)
            else:
                runs.append([i])
    return [r for r in runs if len(r) >= MIN_FIELD_ROWS + 1 and "\t" in lines[r[0]].text]


def _previous(body: Sequence[int], i: int) -> int | None:
    at = body.index(i)
    return body[at - 1] if at > 0 else None


def _read(run: list[int], lines: Sequence[Line], index: LabIndex) -> TransposedTable | None:
    rows = [[c.strip() for c in lines[i].text.split("\t")] for i in run]
    header = rows[0]
    width = len(header)
    if width < MIN_COLUMNS:
        return None
    labelled: list[tuple[str, list[str]]] = []  # (row label, value cells)
    started = False
    for cells in rows[1:]:
        if len(cells) == width + 1 and label_in(cells[0]) is not None:
            labelled.append((cells[0], cells[1:]))
            started = True
        elif not started:
            _continue_header(header, cells)  # 'MindLab  DesignGo  Policy  Lab. de' / 'v  Lab  Gobiern'
        elif len(cells) == 1 and labelled:
            labelled[-1] = (f"{labelled[-1][0]} {cells[0]}", labelled[-1][1])  # 'Staff' / '(FTE)'
        elif labelled:
            labelled.pop()  # the cells of that row run over several lines: not to be guessed
    if len(labelled) < MIN_FIELD_ROWS:
        return None
    columns = [LabColumn(_column_title(cell, index)) for cell in header]
    for row_label, values in labelled:
        for column, value in zip(columns, values):
            if fold_keep(value).strip() not in _EMPTY:
                column.fields[row_label] = value
    return TransposedTable(lines=run, columns=[c for c in columns if c.fields])


def _continue_header(header: list[str], cells: list[str]) -> None:
    """A header cell wrapped onto the next line, aligned to the right (where the long names are)."""
    offset = len(header) - len(cells)
    if offset < 0:
        return
    for k, cell in enumerate(cells):
        before = header[offset + k]
        glued = before[-1:].islower() and cell[:1].islower()  # 'DesignGo' + 'v', a word cut in two
        header[offset + k] = f"{before}{cell}" if glued else f"{before} {cell}".strip()


def _column_title(cell: str, index: LabIndex) -> str:
    """The document's lab a header cell names: itself, its acronym, or the name it abbreviates."""
    entry = index.lookup(cell)
    if entry is not None:
        return entry.title
    folded = fold_keep(cell).replace(".", "")
    best, score = None, 0.0
    for candidate in index.entries:
        ratio = fuzz.partial_ratio(folded, fold_keep(candidate.name)) if len(folded) >= 4 else 0.0
        words = folded.split()
        # 'Lab. de Gobierno' abbreviates 'Laboratorio de Gobierno': every word opens one of the name's.
        name_words = fold_keep(candidate.name).split()
        if len(words) == len(name_words) and all(n.startswith(w) for w, n in zip(words, name_words)):
            ratio = 100.0
        if ratio > score:
            best, score = candidate, ratio
    return best.title if best is not None and score >= HEADER_MATCH else cell
