"""Blank pages are told from a small render and not OCR'd; chunks of a long PDF open only their
own pages (issue 15, item 1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from pdfminer.pdfpage import PDFPage
from PIL import Image, ImageDraw, ImageFont

from extract.read.blank import CHECK_DPI, INK_LEVEL, ink_coverage
from extract.read.page_tree import select_pages
from extract.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from generator.hostile import blank_pages_pdf  # noqa: E402


def test_two_thousand_blank_pages_are_not_ocrd(tmp_path: Path) -> None:
    pdf = blank_pages_pdf(tmp_path / "blank.pdf", 2000)
    done = subprocess.run([sys.executable, "-m", "extract", "ingest", str(pdf), "--out", str(tmp_path / "out"),
                           "--workers", "2", "--timeout", "600"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    output = json.loads((tmp_path / "out" / "blank.json").read_text())
    assert output["source"]["pages"] == 2000 and output["records"] == []
    assert len(output["pages"]) == 2000
    assert all("blank page" in page["reason"] and page["ocr"] is None for page in output["pages"])


def _line_of_text(text: str, dpi: float = CHECK_DPI) -> Image.Image:
    """An A4 page at ``dpi`` with one line of 10 pt text."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    img = Image.new("L", (width, height), 255)
    font = ImageFont.load_default(size=max(1, round(10 * dpi / 72)))
    ImageDraw.Draw(img).text((round(dpi), round(2 * dpi)), text, fill=0, font=font)
    return img


def test_a_page_with_one_line_of_text_is_not_blank() -> None:
    limit = Settings().blank_page_max_ink
    assert ink_coverage(_line_of_text("Budget: EUR 1.2 million")) > limit
    assert ink_coverage(Image.new("L", (595, 842), 255)) == 0.0
    noisy = np.full((842, 595), 235, dtype=np.uint8)  # grey scanner paper with a few specks of dust
    noisy[::150, ::150] = 40
    assert ink_coverage(noisy) <= limit
    assert INK_LEVEL < 235


def test_a_scan_image_of_a_blank_page_is_not_ocrd(tmp_path: Path) -> None:
    from extract.read.ocr import OcrJob, ocr_page_job

    Image.new("L", (2480, 3508), 250).save(tmp_path / "blank.png", dpi=(300, 300))
    page = ocr_page_job(OcrJob.create(tmp_path / "blank.png", 0, "image", Settings(), "ocr: image"))
    assert page.words == [] and "blank page" in page.reason and round(page.width) == 595


@pytest.mark.parametrize("name", ["corpus/fr-rapport.pdf", "corpus/en-two-column.pdf"])
def test_chunks_open_the_same_pages_as_pdfminer(fixtures_dir: Path, name: str) -> None:
    path = fixtures_dir / name
    with pdfplumber.open(path) as pdf:
        total = len(pdf.pages)
        expected = {p.page_number: (p.page_obj.pageid, repr(p.page_obj.attrs), p.height) for p in pdf.pages}
    wanted = [n for n in range(1, total + 1) if n % 2 == 0] or [1]
    with pdfplumber.open(path) as pdf:
        select_pages(pdf, wanted, total)
        got = {p.page_number: (p.page_obj.pageid, repr(p.page_obj.attrs), p.height) for p in pdf.pages}
    assert got == {n: expected[n] for n in wanted}


def test_a_page_tree_with_a_wrong_count_falls_back_to_the_walk(tmp_path: Path) -> None:
    pdf_path = blank_pages_pdf(tmp_path / "blank.pdf", 30)
    data = pdf_path.read_bytes().replace(b"/Count 30", b"/Count 31")  # a lying /Count (same length)
    pdf_path.write_bytes(data)
    with pdfplumber.open(pdf_path) as pdf:
        ids = [page.pageid for page in PDFPage.create_pages(pdf.doc)]
        select_pages(pdf, [3, 30], 30)
        assert [p.page_obj.pageid for p in pdf.pages] == [ids[2], ids[29]]
