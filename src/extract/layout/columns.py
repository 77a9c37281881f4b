"""Two-column pages: find the gutter between the columns and put lines in reading order.

A gutter is a vertical band in the middle of the text block that no word crosses over most of
the body height, with text on both sides. Lines that cross it (a title over both columns)
stay in place; between two such lines the left column is read before the right one.
"""

from __future__ import annotations

import logging
import math

from extract.layout.lines import Draft, group_rows
from extract.models import Word

log = logging.getLogger(__name__)

_MARGIN_ZONE = 0.08
"""Top and bottom share of the page left out when looking for a gutter (running headers, footers)."""


def _vertical_cover(spans: list[tuple[float, float]]) -> float:
    """Total length of the union of vertical intervals."""
    total, end = 0.0, float("-inf")
    for top, bottom in sorted(spans):
        if top > end:
            total += bottom - top
            end = bottom
        elif bottom > end:
            total += bottom - end
            end = bottom
    return total


def find_gutter(words: list[Word], page_height: float, median_height: float) -> tuple[float, float] | None:
    """The (x0, x1) of the gutter of a two-column page, or None for a single column.

    ``words`` are the page's body words (figure and table words already left out). Full-width
    lines (an introduction above the columns, a title between them) may cross the gutter as long
    as the columns themselves carry most of the text.
    """
    body = [w for w in words if w.bbox[1] > page_height * _MARGIN_ZONE and w.bbox[3] < page_height * (1 - _MARGIN_ZONE)]
    if len(body) < 30:
        return None
    left_edge = min(w.bbox[0] for w in body)
    right_edge = max(w.bbox[2] for w in body)
    span = right_edge - left_edge
    if span <= 0:
        return None
    lo, hi = int(left_edge + 0.3 * span), int(right_edge - 0.3 * span)
    if hi <= lo:
        return None
    import numpy as np  # here, not at the top: a warm run reads cached sections and never lays out

    rows = group_rows(body)
    # Height of the text rows that have a word over each x in the middle of the text block.
    heights = np.array([max(w.bbox[3] for w in r) - min(w.bbox[1] for w in r) for r in rows])
    text_cover = float(heights.sum())
    limit = 0.45 * text_cover
    min_width = max(8.0, 1.0 * median_height)
    xs = np.arange(lo, hi + 1, dtype=float)
    covered = np.zeros((len(rows), len(xs)), dtype=bool)
    for n, row in enumerate(rows):
        for w in row:
            # x in (x0 - 1, x1 + 1) for x = lo, lo + 1, ...
            first = max(0, math.floor(w.bbox[0] - 1 - lo) + 1)
            last = min(len(xs), math.ceil(w.bbox[2] + 1 - lo))
            if first < last:
                covered[n, first:last] = True
    blocked = list((covered * heights[:, None]).sum(axis=0))
    candidates: list[tuple[float, float]] = []
    start = None
    for i, cover in enumerate(blocked + [float("inf")]):
        if cover <= limit and start is None:
            start = i
        elif cover > limit and start is not None:
            if i - 1 - start >= min_width:
                candidates.append((float(lo + start), float(lo + i - 1)))
            start = None
    # The least blocked candidate that has real columns on both sides wins.
    candidates.sort(key=lambda ab: min(blocked[int(ab[0]) - lo : int(ab[1]) - lo + 1]))
    for a, b in candidates:
        # Split at the emptiest x of the band (its middle run of least cover), not at its centre.
        values = blocked[int(a) - lo : int(b) - lo + 1]
        least = min(values)
        emptiest = [int(a) + i for i, v in enumerate(values) if v <= least + 0.5]
        mid = float(emptiest[len(emptiest) // 2])
        gutter = _columns_beside(rows, a, b, left_edge, right_edge, text_cover, mid)
        if gutter:
            log.debug("two columns: gutter at x=%.0f..%.0f", *gutter)
            return gutter
    return None


def _columns_beside(rows: list[list[Word]], a: float, b: float, left_edge: float, right_edge: float,
                    text_cover: float, mid: float) -> tuple[float, float] | None:
    """Check that rows not crossing x=``mid`` in the band (a, b) form two columns of text, left and right."""
    split = [r for r in rows if not _crosses(r, mid)]
    left = [w for r in split for w in r if w.bbox[2] <= mid]
    right = [w for r in split for w in r if w.bbox[0] >= mid]
    if len(left) < 10 or len(right) < 10:
        return None
    # Column text runs on with word spaces; the two halves of a table still hold several cells each.
    celled = both = 0
    for row in split:
        halves = ([w for w in row if (w.bbox[0] + w.bbox[2]) / 2 < mid], [w for w in row if (w.bbox[0] + w.bbox[2]) / 2 >= mid])
        if halves[0] and halves[1]:
            both += 1
            # A column of prose beside a sidebar's table is no table split in two.
            celled += any(_has_cells(half) for half in halves) and not any(_prose(half) for half in halves)
    if both and celled >= 0.4 * both:
        return None
    # The gutter proper: where most rows of each column end and start (a stray OCR box may poke in).
    left_ends = sorted(max(w.bbox[2] for w in r if w.bbox[2] <= mid) for r in split if any(w.bbox[2] <= mid for w in r))
    right_starts = sorted(min(w.bbox[0] for w in r if w.bbox[0] >= mid) for r in split if any(w.bbox[0] >= mid for w in r))
    narrow_a = left_ends[int(0.9 * (len(left_ends) - 1))]
    narrow_b = right_starts[int(0.1 * (len(right_starts) - 1))]
    if narrow_b - narrow_a >= 4:
        a, b = narrow_a, narrow_b
    for side, is_left in ((left, True), (right, False)):
        cover = _vertical_cover([(w.bbox[1], w.bbox[3]) for w in side])
        if cover < MIN_COLUMN_COVER * text_cover and not (
                cover >= MIN_SHORT_COLUMN_COVER * text_cover and _prose_rows(split, mid, left=is_left) >= MIN_SHORT_COLUMN_ROWS):
            # A column that ends early (an annual report's last short chapter) still runs as prose.
            return None
    span = right_edge - left_edge
    if a - left_edge < 0.18 * span or right_edge - b < 0.18 * span:
        return None
    # Column text runs up to the gutter; a list of short labels with values far to the right does not.
    ends = [max(w.bbox[2] for w in r if w.bbox[2] <= mid) for r in split if any(w.bbox[2] <= mid for w in r)]
    if sum(end >= a - 0.25 * (a - left_edge) for end in ends) < 0.4 * len(ends):
        return None
    return (a, b)


MIN_COLUMN_COVER = 0.2
"""Share of the text's height a column covers, at least."""
MIN_SHORT_COLUMN_COVER = 0.1
MIN_SHORT_COLUMN_ROWS = 5
"""A column covering less (down to MIN_SHORT_COLUMN_COVER) must hold this many rows of prose."""


def _prose_rows(rows: list[list[Word]], mid: float, *, left: bool) -> int:
    """Rows whose words on one side of x=``mid`` run on as prose."""
    return sum(_prose([w for w in row if (w.bbox[2] <= mid if left else w.bbox[0] >= mid)]) for row in rows)


def _has_cells(words: list[Word]) -> bool:
    """Words of one row split by a gap far wider than their word spaces (table cells)."""
    gaps = sorted(b.bbox[0] - a.bbox[2] for a, b in zip(words, words[1:]))
    if not gaps:
        return False
    ordinary = gaps[len(gaps) // 4] if len(gaps) >= 3 else min(gaps[0], 4.0)
    return gaps[-1] >= max(3 * max(ordinary, 1.0), 12.0)


_PROSE_WORDS = 5


def _prose(words: list[Word]) -> bool:
    """Several words of a row, run on with word spaces only: a column's line, not a table's cells."""
    return len(words) >= _PROSE_WORDS and not _has_cells(words)


def _crosses(row: list[Word], mid: float) -> bool:
    """A word spans x=mid, or the row's words on either side of mid are only a word space apart."""
    if any(w.bbox[0] < mid - 2 and w.bbox[2] > mid + 2 for w in row):
        return True
    left = [w.bbox[2] for w in row if (w.bbox[0] + w.bbox[2]) / 2 < mid]
    right = [w.bbox[0] for w in row if (w.bbox[0] + w.bbox[2]) / 2 >= mid]
    if not (left and right):
        return False
    gap = min(right) - max(left)
    if gap < _word_space(row):
        return True
    # A justified line stretches every space alike: a gap like the others is no gutter.
    ordered = sorted(row, key=lambda w: w.bbox[0])
    others = sorted(
        b.bbox[0] - a.bbox[2] for a, b in zip(ordered, ordered[1:]) if not (a.bbox[2] <= mid <= b.bbox[0])
    )
    return len(others) >= 3 and gap < 1.8 * others[len(others) // 2]


def _word_space(row: list[Word]) -> float:
    """Widest gap that is still a plain word space for this row's font size."""
    heights = sorted(w.bbox[3] - w.bbox[1] for w in row)
    return max(6.0, 0.9 * heights[len(heights) // 2])


def assign_columns(drafts: list[Draft], gutter: tuple[float, float] | None, page_height: float) -> None:
    """Set ``column``: 0 on single-column pages and for lines across the gutter, else 1 or 2."""
    if gutter is None:
        return
    a, b = gutter
    mid = (a + b) / 2
    for draft in drafts:
        x0, _, x1, _ = draft.bbox
        if x0 < a - 2 and x1 > b + 2:
            draft.column = 0
        else:
            draft.column = 1 if (x0 + x1) / 2 < mid else 2


def split_rows_at_gutter(rows: list[list[Word]], gutter: tuple[float, float] | None) -> list[list[Word]]:
    """Cut rows that have words on both sides of the gutter (and none across it) into two lines."""
    if gutter is None:
        return rows
    a, b = gutter
    mid = (a + b) / 2
    out: list[list[Word]] = []
    for row in rows:
        crosses = any(w.bbox[0] < a - 2 and w.bbox[2] > b + 2 for w in row)
        left = [w for w in row if (w.bbox[0] + w.bbox[2]) / 2 < mid]
        right = [w for w in row if (w.bbox[0] + w.bbox[2]) / 2 >= mid]
        # A title over both columns may have a plain word space right at the gutter: keep it whole.
        narrow = bool(left and right) and right[0].bbox[0] - max(w.bbox[2] for w in left) < max(
            min(0.5 * (b - a), 10.0), _word_space(row)
        )
        if crosses or narrow or not left or not right:
            out.append(row)
        else:
            out.extend([left, right])
    return out


def reading_order(drafts: list[Draft]) -> list[Draft]:
    """Top to bottom; on two-column pages column 1 then column 2 between full-width lines."""
    by_top = sorted(drafts, key=lambda d: (d.top, d.bbox[0]))
    if not any(d.column for d in drafts):
        return by_top
    ordered: list[Draft] = []
    block: list[Draft] = []

    def flush() -> None:
        right = [d.top for d in block if d.column == 2]
        for d in block:
            # Short lines of a full-width passage (above where the right column starts) are not column text.
            if not right or (d.column == 1 and d.bottom < min(right) - 1):
                d.column = 0
        ordered.extend(sorted(block, key=lambda d: (d.column != 0, d.column, d.top, d.bbox[0])))
        block.clear()

    for draft in by_top:
        if draft.column == 0:
            flush()
            ordered.append(draft)
        else:
            block.append(draft)
    flush()
    return ordered
