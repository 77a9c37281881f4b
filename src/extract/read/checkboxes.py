"""Tick boxes on a scanned page, found in its image: OCR reads '☒ state budget ☐ lottery' as
'state budget [lottery (1 EU funds', losing which answers a form ticked.

A tick box is a small square drawn with a thin border, about a capital letter's height: found as a
four-cornered contour that fills its bounding box, with paper inside its border (a filled square is a
bullet) and, when ticked, a cross or a tick in it. The boxes are painted over before OCR (which
would read them as '[', '(1', 'U' or run them into the next word) and come back as words of their
own, '☒' or '☐', where the text layer of the same form has them: a form reads the same from a scan
as from its PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

MIN_SIDE_IN, MAX_SIDE_IN = 0.05, 0.2
"""A tick box's side, in inches: 3.6-14.4 pt (a box drawn as a 7-12 pt glyph, or on a printed form)."""
SQUARE = (0.8, 1.25)
"""Width / height of a box."""
MIN_FILL = 0.88
"""The contour's area over its bounding box: a square fills it, an 'O' or a '0' does not (pi / 4)."""
TICKED_INK = 0.08
"""Share of ink inside the border above which the box is ticked (a cross covers 15-30%)."""
MAX_INNER_INK = 0.6
"""A square with more ink inside is a filled bullet ('■'), not a box."""


@dataclass(frozen=True)
class TickBox:
    """A box in the image's pixels, ticked or not."""

    x0: int
    y0: int
    x1: int
    y1: int
    ticked: bool

    @property
    def glyph(self) -> str:
        return "☒" if self.ticked else "☐"


def find_tick_boxes(gray: np.ndarray, dpi: float) -> list[TickBox]:
    """The tick boxes of an 8-bit grey page image at ``dpi``."""
    if gray.ndim != 2 or gray.size == 0:
        return []
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(ink, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    low, high = MIN_SIDE_IN * dpi, MAX_SIDE_IN * dpi
    found: list[TickBox] = []
    # Largest first: a box's outer outline, not the inner one of its border.
    for contour in sorted(contours, key=lambda c: cv2.contourArea(c), reverse=True):
        x, y, w, h = cv2.boundingRect(contour)
        if not (low <= w <= high and low <= h <= high and SQUARE[0] <= w / h <= SQUARE[1]):
            continue
        if cv2.contourArea(contour) < MIN_FILL * w * h:
            continue
        if len(cv2.approxPolyDP(contour, 0.08 * cv2.arcLength(contour, True), True)) != 4:
            continue
        border = max(2, min(w, h) // 6)
        inner = ink[y + border:y + h - border, x + border:x + w - border]
        if inner.size == 0:
            continue
        share = float(np.count_nonzero(inner)) / inner.size
        if share > MAX_INNER_INK or not _framed(ink[y:y + h, x:x + w], border):
            continue
        box = TickBox(x, y, x + w, y + h, share > TICKED_INK)
        if not any(_overlaps(box, other) for other in found):  # a box's outer and inner outline
            found.append(box)
    return found


def _framed(patch: np.ndarray, border: int) -> bool:
    """Ink along all four sides (a border), not a letter's strokes."""
    sides = (patch[:border], patch[-border:], patch[:, :border], patch[:, -border:])
    return all(side.size and np.count_nonzero(side.max(axis=0 if i < 2 else 1)) >= 0.8 * (
        side.shape[1] if i < 2 else side.shape[0]) for i, side in enumerate(sides))


def _overlaps(a: TickBox, b: TickBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def erase_tick_boxes(gray: np.ndarray, boxes: list[TickBox]) -> np.ndarray:
    """A copy of ``gray`` with the boxes painted over with paper: OCR then reads the words beside them
    ('lottery', not '[lottery' or 'Downincome'), and the boxes come back as '☒' / '☐' words."""
    if not boxes:
        return gray
    out = gray.copy()
    paper = int(np.percentile(gray[::8, ::8], 90))
    height, width = gray.shape
    for box in boxes:
        out[max(0, box.y0 - 2):min(height, box.y1 + 2), max(0, box.x0 - 2):min(width, box.x1 + 2)] = paper
    return out
