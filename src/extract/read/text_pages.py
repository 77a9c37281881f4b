"""One PDF page's text layer as a Page, or the page skipped with a warning when it is too large."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from extract.errors import TooLargeError
from extract.models import Page
from extract.read.pdf_repair import describe
from extract.settings import Settings

log = logging.getLogger(__name__)


def text_layer_page(plumber_page: Any, number: int, settings: Settings, path: Path | str) -> Page:
    """One page's text layer: words, ruled tables, figures, and whether it needs OCR instead (``needs_ocr``)."""
    from extract.read.inflate import cause_of, too_large_cause
    from extract.read.pdf_objects import use_lean_objects
    from extract.read.text_layer import (
        image_pixels,
        needs_ocr,
        page_figures,
        page_words,
        ruled_tables,
        scan_cover,
        sideways_share,
    )

    width, height = float(plumber_page.width), float(plumber_page.height)
    limit = settings.limits.max_page_side_pt
    if width <= 0 or height <= 0:
        return skipped_page(path, number, width, height, f"page {number} has zero size ({width:g}x{height:g} pt); "
                             "skipped")
    if max(width, height) > limit:
        return skipped_page(path, number, min(width, limit), min(height, limit),
                             f"page {number} is {width:g}x{height:g} pt, over limits.max_page_side_pt "
                             f"({limit:g}); skipped")
    page_warnings: list[str] = []
    try:
        too_many = _too_many_chars(plumber_page, number, settings)
        if too_many is not None:  # counted, not parsed: the same answer whatever the worker's memory
            return skipped_page(path, number, width, height, too_many)
        use_lean_objects(plumber_page)
        words = page_words(plumber_page)
        tables = ruled_tables(plumber_page, number)
        figures = page_figures(plumber_page)
        biggest_image = image_pixels(plumber_page)
        cover = scan_cover(plumber_page)
        sideways = sideways_share(plumber_page)
    except (MemoryError, SystemError):
        # Not 'unreadable, so OCR it': the page is too big for the worker, and OCR of a page of
        # 200,000 words is no better (it ran into the page timeout). Say so and keep the other pages.
        # A C extension that fails an allocation under the worker's address-space cap raises
        # SystemError ('error return without exception set') instead of MemoryError. Pages of too
        # many characters are skipped before this (_too_many_chars); the cap stays the backstop.
        return _out_of_memory(path, number, width, height, settings)
    except Exception as exc:
        bomb = too_large_cause(exc)
        if bomb is not None:  # not rendered for OCR either: pdfium would inflate it all
            return skipped_page(path, number, width, height, f"page {number}: {bomb.message}; skipped")
        if cause_of(exc, MemoryError) is not None:  # pdfminer wraps it (PdfminerException)
            return _out_of_memory(path, number, width, height, settings)
        message = f"page {number}: text layer unreadable ({describe(exc)}); using OCR"
        log.warning("%s: %s", path, message)
        page_warnings.append(message)
        words, tables, figures, biggest_image = [], [], [], 0
        ocr, reason = True, "ocr: text layer unreadable"
    else:
        ocr, reason = needs_ocr(words, number, settings, scan_cover=cover, sideways=sideways)
    if ocr and biggest_image > settings.limits.max_image_pixels:
        raise TooLargeError(
            f"page {number} needs OCR but holds an image of {biggest_image / 1e6:.0f} Mpx, over "
            f"limits.max_image_pixels ({settings.limits.max_image_pixels / 1e6:.0f} Mpx); raise the "
            "limit if the file is trusted", path=str(path), page=number)
    return Page(number=number, width=round(width, 2), height=round(height, 2), method="text", reason=reason,
                words=words, tables=tables, figures=figures, warnings=page_warnings)

def _out_of_memory(path: Path | str, number: int, width: float, height: float, settings: Settings) -> Page:
    return skipped_page(path, number, width, height, f"page {number}: its text layer needs more memory than "
                        f"limits.worker_memory_mb ({settings.limits.worker_memory_mb} MB) allows "
                        "(an enormous number of characters); skipped")


def _too_many_chars(plumber_page: Any, number: int, settings: Settings) -> str | None:
    """Why the page is not parsed, when its content streams draw more than limits.max_page_chars
    characters (``text_size``); a flate bomb's ``StreamTooLarge`` passes."""
    from extract.read.inflate import too_large_cause
    from extract.read.text_size import page_text_bytes

    try:
        drawn = page_text_bytes(plumber_page.page_obj)
    except (MemoryError, SystemError):
        raise
    except Exception as exc:
        if too_large_cause(exc) is not None:
            raise
        log.debug("%s: page %d: characters not counted (%s); the parser decides", plumber_page.pdf, number,
                  describe(exc))
        return None
    limits = settings.limits
    if drawn <= limits.max_page_chars:
        return None
    return (f"page {number}: its text layer needs more memory than limits.worker_memory_mb "
            f"({limits.worker_memory_mb} MB) allows: its text operators draw {drawn:,} characters, over "
            f"limits.max_page_chars ({limits.max_page_chars:,}); skipped")


def skipped_page(path: Path | str, number: int, width: float, height: float, message: str) -> Page:
    log.warning("%s: %s", path, message)
    return Page(number=number, width=max(width, 0.0), height=max(height, 0.0), method="text",
                reason="skipped: " + message, warnings=[message])
