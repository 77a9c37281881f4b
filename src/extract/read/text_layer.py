"""Words, ruled tables and image regions of one PDF page's text layer, and the one OCR predicate.

Works on a single ``pdfplumber.page.Page``; opening, repairing and releasing the document
is the reader's job (``extract.read.reader``).
"""

from __future__ import annotations

import logging
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from extract.models import BBox, Table, TableCell, Word
from extract.settings import Settings

log = logging.getLogger(__name__)

MIN_FIGURE_SIDE_PT = 28.35
"""1 cm: smaller images are bullets, icons or rules, not figures whose text should be dropped."""
MAX_FIGURE_AREA_SHARE = 0.85
"""An image covering (nearly) the whole page is a scanned page or a background, not a figure."""
MAX_SIDEWAYS_SHARE = 0.5
"""More sideways characters than this: the page's text is turned, not a rotated margin note."""
SCAN_STAMP_WORDS = 40
"""Fewer text-layer words than this over a page-sized scan are a stamp or label, not the page's text
(an OCR'd PDF's invisible text layer holds the whole page)."""

_BOLD_MARKERS = ("bold", "black", "heavy")
_INTERN_MAX = 12
"""Short words repeat across pages (articles, prepositions, figures); long ones rarely do."""
_BAD_CATEGORIES = {"Co", "Cc", "Cs", "Cn"}  # private use, control, surrogate, unassigned


def page_words(page: Any) -> list[Word]:
    """Words of a pdfplumber page with boxes in points (origin top-left), font size and boldness."""
    raw = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=False)
    words: list[Word] = []
    # A long document holds every word until layout is done: share the equal values (the words of a
    # line have the same top, bottom and size; 'de', 'the' and 'la' recur) instead of one object each.
    shared: dict[float, float] = {}
    for w in raw:
        text = w["text"].strip()
        if not text:
            continue
        font = str(w.get("fontname") or "").lower()
        top, bottom = round(float(w["top"]), 2), round(float(w["bottom"]), 2)
        size = round(float(w["size"]), 2) if w.get("size") is not None else None
        words.append(Word(
            text=sys.intern(text) if len(text) <= _INTERN_MAX else text,
            bbox=(round(float(w["x0"]), 2), shared.setdefault(top, top), round(float(w["x1"]), 2),
                  shared.setdefault(bottom, bottom)),
            size=shared.setdefault(size, size) if size is not None else None,
            bold=any(marker in font for marker in _BOLD_MARKERS),
        ))
    return words


def ruled_tables(page: Any, number: int) -> list[Table]:
    """Ruled tables (drawn cell borders) of a pdfplumber page; single-row or single-column boxes are not tables."""
    if not page.edges:  # no lines or rectangles: nothing can be a ruled table (saves find_tables' cost)
        return []
    tables: list[Table] = []
    for found in page.find_tables():
        texts = found.extract()
        cells: list[TableCell] = []
        for r, row in enumerate(found.rows):
            for c, cell_box in enumerate(row.cells):
                if cell_box is None:
                    continue  # covered by a merged cell
                text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
                cells.append(TableCell(row=r, col=c, text=(text or "").strip(), bbox=_box(cell_box)))
        n_rows = len(found.rows)
        n_cols = max((len(row.cells) for row in found.rows), default=0)
        if n_rows < 2 or n_cols < 2:
            continue
        tables.append(Table(page=number, bbox=_box(found.bbox), cells=cells, method="ruled"))
    return tables


def page_figures(page: Any) -> list[BBox]:
    """Boxes of embedded images at least 1 cm on each side (screenshots, photos, logos), except full-page scans."""
    figures: list[BBox] = []
    page_area = float(page.width) * float(page.height)
    for image in page.images:
        x0, top, x1, bottom = (float(image[k]) for k in ("x0", "top", "x1", "bottom"))
        # Clip to the page: images are often placed partly outside the visible area.
        x0, x1 = max(x0, 0.0), min(x1, float(page.width))
        top, bottom = max(top, 0.0), min(bottom, float(page.height))
        if x1 - x0 < MIN_FIGURE_SIDE_PT or bottom - top < MIN_FIGURE_SIDE_PT:
            continue
        if (x1 - x0) * (bottom - top) > MAX_FIGURE_AREA_SHARE * page_area:
            continue
        figures.append(_box((x0, top, x1, bottom)))
    return figures


def sideways_share(page: Any) -> float:
    """Share of the page's characters that are not upright on the displayed page."""
    chars = page.chars
    if not chars:
        return 0.0
    return sum(1 for c in chars if not c.get("upright", True)) / len(chars)


def scan_cover(page: Any) -> float:
    """Share of the page covered by its largest image (1.0 for a scanned page)."""
    page_area = float(page.width) * float(page.height)
    if page_area <= 0:
        return 0.0
    largest = 0.0
    for image in page.images:
        x0, x1 = max(float(image["x0"]), 0.0), min(float(image["x1"]), float(page.width))
        top, bottom = max(float(image["top"]), 0.0), min(float(image["bottom"]), float(page.height))
        largest = max(largest, max(x1 - x0, 0.0) * max(bottom - top, 0.0))
    return largest / page_area


def image_pixels(page: Any) -> int:
    """Pixels of the largest image embedded on the page (as stored, before scaling)."""
    largest = 0
    for image in page.images:
        size = image.get("srcsize") or (0, 0)
        try:
            largest = max(largest, int(size[0]) * int(size[1]))
        except (TypeError, ValueError):
            continue
    return largest


def is_garbage(text: str) -> bool:
    """A word that a text layer without a proper Unicode mapping produces: '(cid:12)', U+FFFD, private-use
    or control characters, or no letter or digit at all."""
    if "(cid:" in text or "\ufffd" in text:
        return True
    if any(unicodedata.category(ch) in _BAD_CATEGORIES for ch in text):
        return True
    return not any(ch.isalnum() for ch in text)


def needs_ocr(words: Sequence[Word], page: int, settings: Settings, *,
              scan_cover: float = 0.0, sideways: float = 0.0) -> tuple[bool, str]:
    """Whether page number ``page`` must be OCR'd instead of using its text layer, and why (logged).

    ``scan_cover`` is the share of the page under its largest image: a page-sized scan whose text
    layer holds only a few words (a stamp, a page number, a filing label) is read by OCR too.
    ``sideways`` is the share of characters that run up or down the displayed page (a page turned
    with /Rotate): their words come out letter by letter, while OCR turns the page upright.
    """
    if settings.force_ocr:
        decision = (True, f"ocr: forced (force_ocr; the text layer's {len(words)} words not used)")
    elif not words:
        decision = (True, "ocr: no text layer")
    else:
        garbage = sum(1 for w in words if is_garbage(w.text))
        real = len(words) - garbage
        ratio = garbage / len(words)
        if ratio > settings.max_garbage_ratio:
            decision = (True, f"ocr: {ratio:.0%} garbage glyphs")
        elif real < settings.min_words_text_layer:
            decision = (True, f"ocr: only {real} words in text layer")
        elif sideways > MAX_SIDEWAYS_SHARE:
            decision = (True, f"ocr: {sideways:.0%} of the text runs sideways")
        elif scan_cover >= MAX_FIGURE_AREA_SHARE and real < SCAN_STAMP_WORDS:
            decision = (True, f"ocr: scanned page with only {real} words in text layer")
        else:
            decision = (False, f"text layer: {real} words")
    log.info("page %d: %s", page, decision[1])
    return decision


def _box(box: Sequence[float]) -> BBox:
    return (round(float(box[0]), 2), round(float(box[1]), 2), round(float(box[2]), 2), round(float(box[3]), 2))
