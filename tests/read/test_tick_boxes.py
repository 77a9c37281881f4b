"""Tick boxes read from a scanned form's image (issue 14, item 3: '☒ annual'): OCR alone reads
'☒ state budget ☐ lottery' as 'state budget [lottery (1 ...', and the form's answers are lost."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

from extract.read.checkboxes import erase_tick_boxes, find_tick_boxes
from extract.read.ocr import OcrJob, ocr_image
from extract.settings import Settings

FORM = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout29" / "en-form-sport-ireland.pdf"


def test_boxes_ticked_or_not_and_no_letter_or_bullet() -> None:
    page = _two_boxes(np.full((300, 900), 250, dtype=np.uint8))
    cv2.rectangle(page, (220, 100), (255, 135), 0, -1)  # a filled square: a bullet
    cv2.circle(page, (340, 118), 18, 0, 3)  # an 'O'
    cv2.putText(page, "D0", (420, 135), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3)
    cv2.rectangle(page, (600, 20), (880, 280), 0, 2)  # a table cell: far larger than a box
    found = find_tick_boxes(page, 300)
    assert [(round(b.x0, -1), b.ticked) for b in sorted(found, key=lambda b: b.x0)] == [(20, False), (120, True)]


def test_boxes_are_painted_over_before_ocr() -> None:
    page = _two_boxes(np.full((250, 600), 250, dtype=np.uint8))
    boxes = find_tick_boxes(page, 300)
    erased = erase_tick_boxes(page, boxes)
    assert len(boxes) == 2 and erased.min() == 250 and page.min() == 0  # the page itself is left as it was


def _two_boxes(page: np.ndarray) -> np.ndarray:
    """An empty box at x 20 and a box with a cross at x 120, drawn on ``page``."""
    cv2.rectangle(page, (20, 100), (55, 135), 0, 3)
    cv2.rectangle(page, (120, 100), (155, 135), 0, 3)
    cv2.line(page, (126, 106), (149, 129), 0, 3)
    cv2.line(page, (149, 106), (126, 129), 0, 3)
    return page


def test_a_scanned_form_reads_its_ticks_as_its_pdf_prints_them() -> None:
    pdf = pdfium.PdfDocument(FORM)
    image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    pdf.close()
    job = OcrJob.create(FORM, 0, "pdf", Settings(), "ocr: test")
    from extract.layout.lines import group_rows

    rows = group_rows(ocr_image(image, 300, job).words)  # in reading order, as layout reads them
    text = " ".join(word.text for row in rows for word in row)
    assert "☒ state budget ☐ lottery ☒ own income ☐ EU funds ☒ other" in text
