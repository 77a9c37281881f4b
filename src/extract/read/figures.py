"""Image regions on scanned pages: framed or shaded rectangles (pasted screenshots, photos).

Layout drops the words inside them, so OCR noise from a screenshot does not become body text.
Ruled tables are framed too; a frame with inner grid lines is a table, not a figure.
Works on a downscaled copy (~100 DPI): regions are large, but thin frame lines must survive.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from extract.models import BBox

log = logging.getLogger(__name__)

# Pages run in parallel processes; OpenCV's own thread pool only adds contention on small machines.
cv2.setNumThreads(1)

WORK_DPI = 100.0
MIN_WIDTH_SHARE = 0.10
"""A figure is wider than a tenth of the page."""
MIN_SIDE_IN = 0.4
"""...and at least 1 cm high."""
MAX_AREA_SHARE = 0.85
"""A box covering (nearly) the whole page is the scan's edge or a page border, not a figure."""
SHADE_DELTA = 28
FRAME_DELTA = 40
"""Grey levels below the paper for a pixel to count as part of a drawn line."""
"""Grey levels below the paper for a region to count as shaded."""


def find_figures(gray: np.ndarray, dpi: float) -> list[BBox]:
    """Boxes (points, origin top-left) of framed or shaded rectangular regions on an 8-bit grey page image."""
    if gray.ndim != 2 or gray.size == 0:
        return []
    scale = min(1.0, WORK_DPI / dpi)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1.0 else gray
    h, w = small.shape
    px_per_in = dpi * scale
    min_w, min_h = MIN_WIDTH_SHARE * w, MIN_SIDE_IN * px_per_in
    boxes = _framed(small, min_w, min_h) + _shaded(small, min_w, min_h)
    kept = [b for b in boxes if (b[2] - b[0]) * (b[3] - b[1]) <= MAX_AREA_SHARE * w * h]
    kept = _drop_contained(kept)
    to_pt = 72.0 / px_per_in
    return [tuple(round(v * to_pt, 2) for v in b) for b in kept]  # type: ignore[misc]


def _framed(small: np.ndarray, min_w: float, min_h: float) -> list[tuple[int, int, int, int]]:
    """Rectangles drawn with long straight lines on all four sides and no inner grid."""
    # Relative to the paper, not Otsu: a thin grey frame is lighter than text and Otsu would drop it.
    paper = float(np.percentile(small[::4, ::4], 90))
    ink = ((small < paper - FRAME_DELTA) * 255).astype(np.uint8)
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(int(min_w), 3), 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(int(min_h), 3))))
    lines = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = []
    for contour in contours:
        x, y, bw, bh = cv2.boundingRect(contour)
        if bw < min_w or bh < min_h:
            continue
        if not _has_four_sides(horiz[y:y + bh, x:x + bw], vert[y:y + bh, x:x + bw]):
            continue
        if _has_grid(horiz[y:y + bh, x:x + bw], vert[y:y + bh, x:x + bw]):
            continue  # a ruled table: its text is content
        boxes.append((x, y, x + bw, y + bh))
    return boxes


def _has_four_sides(horiz: np.ndarray, vert: np.ndarray) -> bool:
    h, w = horiz.shape
    band = max(3, int(0.08 * min(h, w)))
    rows = (horiz > 0).mean(axis=1)
    cols = (vert > 0).mean(axis=0)
    return bool(rows[:band].max(initial=0) > 0.6 and rows[-band:].max(initial=0) > 0.6
                and cols[:band].max(initial=0) > 0.6 and cols[-band:].max(initial=0) > 0.6)


def _has_grid(horiz: np.ndarray, vert: np.ndarray) -> bool:
    """Inner column rules spanning the box, with at least one row rule, make a table.

    Horizontal bars alone do not: screenshots have toolbars and menu bands across their width.
    """
    h, w = horiz.shape
    mh, mw = max(3, int(0.08 * h)), max(3, int(0.08 * w))
    inner_rows = (horiz[mh:h - mh] > 0).mean(axis=1) > 0.8
    inner_cols = (vert[:, mw:w - mw] > 0).mean(axis=0) > 0.8
    return _runs(inner_cols) >= 1 and _runs(inner_rows) >= 1


def _runs(mask: np.ndarray) -> int:
    """Number of separate True runs (one drawn line is a few pixels thick)."""
    if mask.size == 0:
        return 0
    m = mask.astype(np.int8)
    return int(m[0] + np.count_nonzero(np.diff(m) == 1))


def _shaded(small: np.ndarray, min_w: float, min_h: float) -> list[tuple[int, int, int, int]]:
    """Solid regions clearly darker than the paper (photos, screenshots, grey boxes); text alone is too sparse."""
    h, w = small.shape
    k = max(3, int(min(h, w) * 0.02) | 1)
    smooth = cv2.medianBlur(small, k)  # wipes out text strokes, keeps filled areas
    paper = float(np.percentile(smooth[::4, ::4], 90))
    mask: np.ndarray = (smooth < paper - SHADE_DELTA).astype(np.uint8) * 255
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = []
    for contour in contours:
        x, y, bw, bh = cv2.boundingRect(contour)
        if bw < min_w or bh < min_h:
            continue
        fill = float((mask[y:y + bh, x:x + bw] > 0).mean())
        if fill < 0.6:
            continue
        boxes.append((x, y, x + bw, y + bh))
    return boxes


def _drop_contained(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    def inside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
        return a[0] >= b[0] - 2 and a[1] >= b[1] - 2 and a[2] <= b[2] + 2 and a[3] <= b[3] + 2

    kept: list[tuple[int, int, int, int]] = []
    for box in sorted(set(boxes), key=lambda b: -(b[2] - b[0]) * (b[3] - b[1])):
        if not any(inside(box, k) for k in kept):
            kept.append(box)
    return sorted(kept, key=lambda b: (b[1], b[0]))
