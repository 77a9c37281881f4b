"""Tables rebuilt from word boxes (scanned pages, or text pages without ruling lines).

A table is a run of consecutive text rows whose words fall into the same column bands (split
by gaps wider than a word space) over several rows; row 0 is the header. A row with nothing
in the first column continues the cells of the row above (a wrapped cell).
"""

from __future__ import annotations

import logging
import re
import statistics

from extract.layout.columns import find_gutter
from extract.layout.lines import group_rows, in_box, median_word_height, screenshot_boxes, split_at_gaps, union_bbox
from extract.models import BBox, Page, Table, TableCell, Word

log = logging.getLogger(__name__)

_RULING = re.compile(r"^(?:[|¦│┃]+|_{2,})$")
_MIN_ROWS = 3
"""Header plus at least two rows with cells in two or more columns."""


def _bands(chunks: list[list[Word]]) -> list[tuple[float, float]]:
    """Merge the x-extents of all chunks into disjoint column bands, left to right."""
    spans = sorted((min(w.bbox[0] for w in c), max(w.bbox[2] for w in c)) for c in chunks)
    bands: list[list[float]] = []
    for x0, x1 in spans:
        if bands and x0 <= bands[-1][1] + 1:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return [(a, b) for a, b in bands]


def _column_starts(multi: list[list[list[Word]]]) -> list[float]:
    """Left edges shared by cells of several rows (columns are left-aligned), left to right."""
    xs = sorted(min(w.bbox[0] for w in chunk) for row in multi for chunk in row)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= 8:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _start_bands(starts: list[float], right: float) -> list[tuple[float, float]]:
    edges = starts[1:] + [right + 1]
    return [(a - 3, b - 3) for a, b in zip(starts, edges)]


def _band_of(chunk: list[Word], bands: list[tuple[float, float]]) -> int:
    x0 = min(w.bbox[0] for w in chunk)
    x1 = max(w.bbox[2] for w in chunk)
    best, best_overlap = 0, -1.0
    for i, (a, b) in enumerate(bands):
        overlap = min(x1, b) - max(x0, a)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _text(words: list[Word]) -> str:
    return re.sub(r"\s+", " ", " ".join(w.text for w in words)).strip()


_LIST_MARKER = re.compile(r"^(?:[^\w\s]{1,2}|[a-z0-9]{1,2}[.)]|[ivx]{1,4}[.)]|o)$", re.IGNORECASE)


def _is_list_marker(text: str) -> bool:
    return bool(_LIST_MARKER.match(text.strip()))


def _prose_columns(multi: list[list[list[Word]]], bands: list[tuple[float, float]]) -> bool:
    """Two or more bands filled with long lines of several words: columns of prose, not a table."""
    by_band: dict[int, list[list[Word]]] = {}
    for row in multi:
        # Rejoin the words of one row that fall in one band (a justified line splits at its wide spaces).
        cells: dict[int, list[Word]] = {}
        for chunk in row:
            cells.setdefault(_band_of(chunk, bands), []).extend(chunk)
        for index, words in cells.items():
            by_band.setdefault(index, []).append(words)
    prose = 0
    for index, chunks in by_band.items():
        a, b = bands[index]
        full = sum(max(w.bbox[2] for w in c) - min(w.bbox[0] for w in c) >= 0.7 * (b - a) for c in chunks)
        if statistics.median(len(c) for c in chunks) >= 4 and full >= 0.5 * len(chunks):
            prose += 1
    return prose >= 2


def _build(rows: list[list[list[Word]]], page: Page) -> Table | None:
    multi = [row for row in rows if len(row) >= 2]
    if len(multi) < _MIN_ROWS:
        return None
    bands = _bands([chunk for row in multi for chunk in row])
    starts = _column_starts(multi)
    if len(starts) > len(bands):
        # Cells that run into each other merged two columns' bands: place words by column starts.
        right = max(w.bbox[2] for row in multi for chunk in row for w in chunk)
        bands = _start_bands(starts, right)
        rows = [[[w] for chunk in row for w in chunk] for row in rows]
        multi = [row for row in rows if len(row) >= 2]
    if len(bands) < 2:
        return None
    if _prose_columns(multi, bands):
        return None
    # Rows of the table: a row with text in the first band opens a new row; others continue it,
    # and so does a first-column line set closer under the row above than rows are to each other
    # (a name wrapping inside its cell).
    tops = [min(w.bbox[1] for chunk in row for w in chunk) for row in rows]
    pitches = [b - a for a, b, row in zip(tops, tops[1:], rows[1:]) if len(row) >= 2]
    pitch = statistics.median(pitches) if pitches else 0.0
    table_rows: list[dict[int, list[Word]]] = []
    for n, row in enumerate(rows):
        placed: dict[int, list[Word]] = {}
        for chunk in row:
            placed.setdefault(_band_of(chunk, bands), []).extend(chunk)
        wrapped = n > 0 and len(placed) * 2 < len(bands) and tops[n] - tops[n - 1] < 0.75 * pitch
        if not table_rows or (0 in placed and not wrapped):
            table_rows.append(placed)
        else:
            for col, words in placed.items():
                table_rows[-1].setdefault(col, []).extend(words)
    if len(table_rows) < 2:
        return None
    # Bullets or list numbers hanging left of their text are a list, not a table column.
    if all(_is_list_marker(_text(placed[0])) for placed in table_rows if 0 in placed):
        return None
    # 'Label:   value' lines laid out with tabs are a key-value list, not a table with a header.
    first_cells = [_text(placed[0]) for placed in table_rows if 0 in placed]
    if sum(text.endswith(":") for text in first_cells) * 2 >= len(first_cells):
        return None
    header = table_rows[0]
    if len(header) < 2:
        return None
    cells = [
        TableCell(row=r, col=c, text=_text(words), bbox=union_bbox([w.bbox for w in words]))
        for r, placed in enumerate(table_rows)
        for c, words in sorted(placed.items())
    ]
    bbox = union_bbox([cell.bbox for cell in cells])
    return Table(page=page.number, bbox=bbox, cells=cells, method="word_boxes")


def tables_from_words(page: Page) -> list[Table]:
    """Tables on a page rebuilt from its word boxes (method 'word_boxes'); [] when there are none."""
    figures = screenshot_boxes(page)
    # OCR reads the ruling lines of a scanned table as '|' words: they are not cell text.
    words = [
        w for w in page.words
        if w.text.strip() and not _RULING.match(w.text) and not any(in_box(w, f) for f in figures)
    ]
    if len(words) < 6:
        return []
    height = median_word_height(words)
    words = [w for w in words if w.bbox[3] - w.bbox[1] >= 0.35 * height]  # specks
    gutter = find_gutter(words, page.height, height)
    if gutter is None:
        tables = _tables_in(words, page, height)
    else:
        # On a two-column page a table sits inside one column: look in each column on its own.
        mid = sum(gutter) / 2
        tables = _tables_in([w for w in words if (w.bbox[0] + w.bbox[2]) / 2 < mid], page, height)
        tables += _tables_in([w for w in words if (w.bbox[0] + w.bbox[2]) / 2 >= mid], page, height)
    for table in tables:
        log.debug("page %d: table of %d cells rebuilt from word boxes", page.number, len(table.cells))
    return tables


def _tables_in(words: list[Word], page: Page, height: float) -> list[Table]:
    min_gap = max(0.9 * height, 7.0)
    pitch_limit = 2.6 * height
    tables: list[Table] = []
    run: list[list[list[Word]]] = []
    last_bottom = None
    for row in group_rows(words):
        chunks = split_at_gaps(row, _cell_gap(row, min_gap))
        top = min(w.bbox[1] for w in row)
        far = last_bottom is not None and top - last_bottom > pitch_limit
        close = last_bottom is not None and top - last_bottom < 0.6 * height and _fits_first_column(chunks, run)
        if run and (far or (len(chunks) < 2 and not close and not _continues_run(chunks, run))):
            table = _build(run, page) if not _title_type(run, height) else None
            if table:
                tables.append(table)
            run = []
        if len(chunks) >= 2 or run:
            run.append(chunks)
        last_bottom = max(w.bbox[3] for w in row)
    if run:
        table = _build(run, page) if not _title_type(run, height) else None
        if table:
            tables.append(table)
    return tables


TITLE_TYPE = 1.6
"""Words this many times the page's usual height are a title's, whatever their gaps."""


def _title_type(run: list[list[list[Word]]], height: float) -> bool:
    """A title set large and wrapped over two columns of a cover ('Who pays the  appraiser?' /
    'independence  in three') lines up like a table's cells; its type size says it is a title."""
    heights = [w.bbox[3] - w.bbox[1] for row in run for chunk in row for w in chunk]
    return bool(heights) and statistics.median(heights) >= TITLE_TYPE * height


def _cell_gap(row: list[Word], min_gap: float) -> float:
    """The space that separates cells in this row: well above its ordinary word spaces.

    A justified line stretches all its spaces alike, so a wide but ordinary space does not
    split it; a table row has word spaces inside cells and much wider gaps between them.
    """
    gaps = sorted(b.bbox[0] - a.bbox[2] for a, b in zip(row, row[1:]))
    if len(gaps) < 3:
        return min_gap
    ordinary = gaps[len(gaps) // 4]
    if ordinary < min_gap:
        return max(min_gap, 2.5 * ordinary)
    mean = sum(gaps) / len(gaps)
    if len(gaps) >= 4 and statistics.pstdev(gaps) < 0.35 * mean:
        return float("inf")  # evenly stretched spaces: one justified line
    return min_gap


def _fits_first_column(chunks: list[list[Word]], run: list[list[list[Word]]]) -> bool:
    """A short line inside the first column's width, right under the row above (a wrapped cell)."""
    if len(chunks) != 1 or not run or sum(len(row) < 2 for row in run[-2:]) >= 2:
        return False
    second_left = min(min(w.bbox[0] for w in row[1]) for row in run if len(row) >= 2)
    return max(w.bbox[2] for w in chunks[0]) < second_left - 2


def _continues_run(chunks: list[list[Word]], run: list[list[list[Word]]]) -> bool:
    """A one-chunk row inside a table: a wrapped cell that starts right of the first column."""
    if len(chunks) != 1:
        return False
    first_x = statistics.median(min(w.bbox[0] for w in row[0]) for row in run if row)
    return min(w.bbox[0] for w in chunks[0]) > first_x + 20


def table_rows(table: Table) -> list[dict[int, TableCell]]:
    """Cells by row and column."""
    rows: dict[int, dict[int, TableCell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, {})[cell.col] = cell
    return [rows[r] for r in sorted(rows)]


def row_bbox(cells: dict[int, TableCell]) -> BBox:
    return union_bbox([c.bbox for c in cells.values()])


def clean_cell(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()
