"""Tables in the flow of sections: a summary table with a row per lab becomes a table row per lab
('Nom', 'N°', 'Name' name its rows); a two-column key-facts table ('Name', 'Reports to', 'Staff')
is one lab's facts and is read as 'Label: value' lines of the text around it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from extract.layout.lines import union_bbox
from extract.layout.tables import clean_cell, row_bbox, table_rows
from extract.models import Line, Table
from extract.rules.lexicon import lexicon
from extract.rules.vocab import fold, load_labels
from extract.segment.forms import label_words
from extract.segment.parts import Part


def _is_name_header(text: str) -> bool:
    folded = fold(clean_cell(text)).strip(" :*")
    names = {fold(label) for labels in load_labels().get("name", {}).values() for label in labels}
    lex = lexicon(None)
    if folded in names | set(lex.words("labs", "name_headers")):
        return True
    first = folded.split(" ", 1)[0]
    return first in lex.words("labs", "name_header_words")


MAX_NAME_COLUMN = 1


def summary_table_parts(tables: list[Table], lines: list[Line]) -> tuple[list[Part], set[int]]:
    parts: list[Part] = []
    consumed: set[int] = set()
    previous: tuple[dict[int, str], int, int] | None = None  # header texts, name column, column count
    page_of_line = [line.page for line in lines]  # in page order: a page's lines are one run
    for table in tables:
        rows = table_rows(table)
        if not rows:
            continue
        ncols = max(len(r) for r in rows)
        header = {c: clean_cell(cell.text) for c, cell in rows[0].items()}
        # A table names its rows in one of its first columns ('N°', 'Nom'); a header further right that
        # reads like one is a column's own name ('InnovationQuarter  LIOF  NOM' side by side).
        name_col = next((c for c, text in sorted(header.items()) if c <= MAX_NAME_COLUMN and _is_name_header(text)), None)
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
                Part(order=anchor + (n + 1) / 1000, kind="table_row", title=name, lines=[row_line],
                      start=anchor, stop=anchor, table_fields=fields)
            )
    return parts, consumed


MIN_KEY_VALUE_ROWS = 3
MIN_LABEL_SHARE = 0.5


def key_value_tables(tables: list[Table], lines: list[Line]) -> tuple[list[Line], list[Table]]:
    """A two-column table whose first column holds field labels ('Name', 'Reports to', 'Staff',
    'Budget 2023') is one lab's key facts, not a table of labs: each row becomes one 'Label: value'
    line of the text around it (a value the cell wraps over several lines is one line again), and
    the table is not read row by row. Judged table by table, on its rows: a box of facts beside a
    table of dates is not one run, and a wrapped value is no extra row."""
    page_of_line = [line.page for line in lines]  # in page order: a page's lines are one run
    merged: dict[int, Line] = {}
    dropped: set[int] = set()
    kept: list[Table] = []
    for table in tables:
        first, end = bisect_left(page_of_line, table.page), bisect_right(page_of_line, table.page)
        inside = [k for k in range(first, end) if lines[k].role == "table" and _inside(lines[k], table)]
        if not _is_key_value(table):
            kept.append(table)
            continue
        start: int | None = None
        for k in inside:
            text = lines[k].text
            if text.count("\t") == 1:
                label, _, value = text.partition("\t")
                merged[k] = lines[k]._replace(text=f"{label.strip()}: {value.strip()}")
                start = k
            elif "\t" not in text and start is not None:
                # The rest of the value the cell wrapped.
                row = merged[start]
                merged[start] = row._replace(text=f"{row.text} {text.strip()}", bbox=union_bbox([row.bbox, lines[k].bbox]))
                dropped.add(k)
            else:
                start = None
    out = [merged.get(k, line) for k, line in enumerate(lines) if k not in dropped]
    return out, kept


def _is_key_value(table: Table) -> bool:
    rows = [[clean_cell(cell.text) for _, cell in sorted(row.items()) if clean_cell(cell.text)] for row in table_rows(table)]
    rows = [row for row in rows if row]
    pairs = [row for row in rows if len(row) == 2]
    keys = [row[0] for row in pairs]
    return (len(pairs) >= MIN_KEY_VALUE_ROWS and len(pairs) * 2 >= len(rows)
            and (sum(map(_is_label, keys)) >= MIN_LABEL_SHARE * len(pairs) or _named_box(keys)))


MIN_BOX_LABELS = 2
MAX_KEY_WORDS = 3


def _named_box(keys: list[str]) -> bool:
    """'Name | DRIVE – ...', 'Where | ...', 'Opened | ...', 'Partners | ...', 'Web | ...': a box that
    opens on the lab's name and goes on with short keys of the author's own, some of them field
    labels, is one lab's facts. A table of labs under 'Name' lists names there ('Policy Lab'), not
    keys; the head nouns of names ('lab', 'agency') tell them apart."""
    if not keys or not _is_name_header(keys[0]):
        return False
    heads = lexicon(None).folded("labs", "heads")
    rest = keys[1:]
    return (sum(map(_is_label, rest)) >= MIN_BOX_LABELS
            and all(len(k.split()) <= MAX_KEY_WORDS and not set(fold(k).split()) & heads for k in rest))


def _is_label(cell: str) -> bool:
    """A field label, alone or before a qualifier ('Budget 2023', 'Staff (FTE)')."""
    return label_words(cell.split()) > 0


def _inside(line: Line, table: Table) -> bool:
    cx, cy = (line.bbox[0] + line.bbox[2]) / 2, (line.bbox[1] + line.bbox[3]) / 2
    x0, y0, x1, y1 = table.bbox
    return x0 - 2 <= cx <= x1 + 2 and y0 - 2 <= cy <= y1 + 2
