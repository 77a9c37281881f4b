"""Blank and near-blank pages, told from a small render before any OCR.

A scanned archive is full of empty backs of pages; each cost a full render, orientation checks and
a Tesseract run (about a second a page here), so a 2,000-page PDF of blank pages held a worker for
half an hour. A page whose render at ``CHECK_DPI`` has almost no ink (pixels darker than
``INK_LEVEL``) is kept as a page without words and not OCR'd: a page number or a few specks of
scanner dust are not worth reading.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

CHECK_DPI = 72.0
INK_LEVEL = 192
"""Grey level (0 black .. 255 white) below which a pixel counts as ink; anti-aliased small print
at 72 DPI is mid-grey, scanner paper is lighter than this."""


def ink_coverage(gray: Image.Image | np.ndarray) -> float:
    """Share of the image's pixels that are ink (0.0 for an empty page)."""
    pixels = np.asarray(gray)
    if pixels.size == 0:
        return 0.0
    return float(np.count_nonzero(pixels < INK_LEVEL)) / pixels.size


def thumbnail(img: Image.Image, dpi: float) -> Image.Image:
    """``img`` (at ``dpi``) brought down to about ``CHECK_DPI``; dark specks survive as grey."""
    factor = int(dpi // CHECK_DPI)
    return img.reduce(factor) if factor > 1 else img


def is_blank(coverage: float, max_ink: float) -> bool:
    return coverage <= max_ink


def blank_reason(reason: str, coverage: float) -> str:
    return f"{reason}; blank page (ink {coverage:.3%}), not OCR'd"
