"""Two-column pages: find the gutter between the columns and put lines in reading order.

A gutter is a vertical band in the middle of the text block that no word crosses over most of
the body height, with text on both sides. Lines that cross it (a title over both columns)
stay in place; between two such lines the left column is read before the right one.
"""

from __future__ import annotations

import logging

from extract.layout_lines import Draft
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

    ``words`` are the page's body words (figure and table words already left out).
    """
    body = [w for w in words if w.bbox[1] > page_height * _MARGIN_ZONE and w.bbox[3] < page_height * (1 - _MARGIN_ZONE)]
    if len(body) < 30:
        return None
    left_edge = min(w.bbox[0] for w in body)
    right_edge = max(w.bbox[2] for w in body)
    span = right_edge - left_edge
    body_top = min(w.bbox[1] for w in body)
    body_height = max(w.bbox[3] for w in body) - body_top
    if span <= 0 or body_height <= 0:
        return None
    lo, hi = int(left_edge + 0.3 * span), int(right_edge - 0.3 * span)
    if hi <= lo:
        return None
    # Vertical extent of the words covering each x in the middle third of the text block.
    blocked = []
    for x in range(lo, hi + 1):
        spans = [(w.bbox[1], w.bbox[3]) for w in body if w.bbox[0] - 1 < x < w.bbox[2] + 1]
        blocked.append(_vertical_cover(spans))
    # Measure against the height the text itself covers, so white space on a short page counts for nothing.
    text_cover = _vertical_cover([(w.bbox[1], w.bbox[3]) for w in body])
    limit = 0.12 * text_cover
    min_width = max(8.0, 1.0 * median_height)
    best: tuple[float, float] | None = None
    start = None
    for i, cover in enumerate(blocked + [float("inf")]):
        if cover <= limit and start is None:
            start = i
        elif cover > limit and start is not None:
            a, b = lo + start, lo + i - 1
            if b - a >= min_width and (best is None or b - a > best[1] - best[0]):
                best = (float(a), float(b))
            start = None
    if best is None:
        return None
    a, b = best
    left = [w for w in body if w.bbox[2] <= a + 1]
    right = [w for w in body if w.bbox[0] >= b - 1]
    # Both sides must carry real text over a good part of the page, not a few labels or a margin note.
    for side in (left, right):
        if len(side) < 10 or _vertical_cover([(w.bbox[1], w.bbox[3]) for w in side]) < 0.25 * text_cover:
            return None
    if a - left_edge < 0.3 * span or right_edge - b < 0.3 * span:
        return None
    log.debug("two columns: gutter at x=%.0f..%.0f", a, b)
    return best


def assign_columns(drafts: list[Draft], gutter: tuple[float, float] | None, page_height: float) -> None:
    """Set ``column``: 0 for single-column pages, running headers/footers and lines across the gutter."""
    if gutter is None:
        return
    a, b = gutter
    mid = (a + b) / 2
    for draft in drafts:
        x0, top, x1, bottom = draft.bbox
        if bottom < page_height * _MARGIN_ZONE or top > page_height * (1 - _MARGIN_ZONE):
            draft.column = 0
        elif x1 <= mid:
            draft.column = 1
        elif x0 >= mid:
            draft.column = 2
        else:
            draft.column = 0


def split_rows_at_gutter(rows: list[list[Word]], gutter: tuple[float, float] | None) -> list[list[Word]]:
    """Cut rows that have words on both sides of the gutter (and none across it) into two lines."""
    if gutter is None:
        return rows
    mid = (gutter[0] + gutter[1]) / 2
    out: list[list[Word]] = []
    for row in rows:
        crosses = any(w.bbox[0] < mid - 2 and w.bbox[2] > mid + 2 for w in row)
        left = [w for w in row if w.bbox[2] <= mid]
        right = [w for w in row if w.bbox[0] >= mid]
        # A title over both columns may have a plain word space right at the gutter: keep it whole.
        narrow = bool(left and right) and right[0].bbox[0] - max(w.bbox[2] for w in left) < min(
            0.7 * (gutter[1] - gutter[0]), 12.0
        )
        if crosses or narrow or not left or not right or len(left) + len(right) != len(row):
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
        ordered.extend(sorted(block, key=lambda d: (d.column, d.top, d.bbox[0])))
        block.clear()

    for draft in by_top:
        if draft.column == 0:
            flush()
            ordered.append(draft)
        else:
            block.append(draft)
    flush()
    return ordered
