"""The generated Nido benchmark files (tests/generator/benchmark.py): layout, text
layer, scans, and that regeneration reproduces them."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from tests.generator import benchmark, scan

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
BENCH = ROOT / "tests" / "fixtures" / "benchmark"
TEXT_PDF = RAW / "nido-benchmark.pdf"
SCAN_PDF = RAW / "nido-benchmark-scan.pdf"
SCAN_TIFF = RAW / "nido-benchmark-scan.tiff"
PAGE2_PNG = BENCH / "nido-benchmark-page2.png"
PAGE2_JPG = BENCH / "nido-benchmark-page2.jpg"
MANIFEST = json.loads((BENCH / "nido-benchmark-scan.json").read_text())
SPEC = benchmark.load_spec()


@pytest.fixture(scope="module")
def text_pages() -> list[str]:
    with pdfplumber.open(str(TEXT_PDF)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _page_of(pages: list[str], needle: str) -> int:
    """1-based page whose text holds ``needle`` (whitespace-insensitive)."""
    hits = [i for i, t in enumerate(pages, start=1) if needle in _flat(t)]
    assert hits, f"{needle!r} not found in the text PDF"
    return hits[0]


# ----------------------------------------------------------------- text PDF


def test_text_pdf_pages_and_headings(text_pages: list[str]) -> None:
    assert len(text_pages) == len(MANIFEST["pages"]) == 12
    headings = [b["text"] for b in SPEC["blocks"] if b["type"] == "heading"]
    assert len(headings) == 9
    pages = [_page_of(text_pages, h) for h in headings]
    assert pages == sorted(pages)  # in reading order
    # Title page, then the chapter heading with the first lab on page 2.
    assert "Benchmark innovatielabs" in text_pages[0]
    assert _page_of(text_pages, "2. Europese en Belgische INnNovatielabs") == 2
    assert _page_of(text_pages, headings[0]) == 2 == MANIFEST["png_page"]


def test_text_keeps_ocr_noise_and_special_characters(text_pages: list[str]) -> None:
    text = _flat("\n".join(text_pages))
    for s in ["Website: wwwi.rijksinnovatiecommunity.nl", "Belgié", "INnNovatielabs",
              "150.000€", "KMOQO’s", "budgetten >€50k", "efficiént", "Ondersteunt het innovatielab & valideert",
              "Rol: RIC werd opgericht in 2018", "Middelen: onbekend",
              "3,5 miljard SEK of 313 miljoen euro"]:
        assert s in text, s


def test_every_block_text_is_in_the_text_layer(text_pages: list[str]) -> None:
    text = _flat("\n".join(text_pages))
    for block in SPEC["blocks"]:
        for t in [block.get("text") or ""] + list(block.get("items") or []):
            if block["type"] in ("screenshot", "page_break") or not t:
                continue
            assert _flat(t.replace("[^1]", "1")) in text, t[:60]


def test_running_header_and_page_numbers(text_pages: list[str]) -> None:
    assert not text_pages[0].startswith("Benchmark innovatielabs Nido")
    for number, text in enumerate(text_pages[1:], start=2):
        lines = text.splitlines()
        assert lines[0] == "Benchmark innovatielabs Nido"
        assert lines[-1] == str(number)


def test_footer_urls_sit_below_the_body() -> None:
    with pdfplumber.open(str(TEXT_PDF)) as pdf:
        page = pdf.pages[1]
        words = page.extract_words()
        url = [w for w in words if w["text"] == "https://www.rijksinnovatiecommunity.nl/"]
        body = [w for w in words if w["text"] == "besluitvormingsproces."]
        assert url and body
        assert url[0]["top"] > body[0]["bottom"] + 100  # in the footer, not after the text
        assert url[0]["top"] > page.height * 0.9


def test_footnote_lands_in_the_middle_of_another_section(text_pages: list[str]) -> None:
    marker_page = _page_of(text_pages, "de VIT stuurgroep1.")
    note_page = _page_of(text_pages, "VIT staat voor Vlaamse Innovation Tour")
    assert marker_page == note_page
    # The footnote's page holds the start of the Vinnova section, and Vinnova
    # continues on the next page: the note interrupts that section.
    assert _page_of(text_pages, "8. Vinnova in Zweden") == note_page
    assert _page_of(text_pages, "Governance: Vinnova heeft een bestuur") == note_page + 1
    lines = text_pages[note_page - 1].splitlines()
    note_line = next(i for i, ln in enumerate(lines) if "VIT staat voor" in ln)
    vinnova_line = next(i for i, ln in enumerate(lines) if "3,5 miljard SEK" in ln)
    assert note_line > vinnova_line  # printed at the bottom, after the body text


def test_a_lab_continues_over_a_page_break(text_pages: list[str]) -> None:
    start = _page_of(text_pages, "3. Centre for Public-Private Sector Innovation")
    assert _page_of(text_pages, "Middelen: Dit centrum beschikt") == start + 1


def test_screenshots_are_images_without_text_layer(text_pages: list[str]) -> None:
    text = _flat("\n".join(text_pages))
    shots = [b for b in SPEC["blocks"] if b["type"] == "screenshot"]
    for block in shots:
        for line in block["lines"]:
            line = line.removeprefix("# ")
            if len(line.split()) >= 3:  # single words also occur in the body text
                assert line not in text, line
    with pdfplumber.open(str(TEXT_PDF)) as pdf:
        images = sum(len(p.images) for p in pdf.pages)
        assert images == len(shots)
        assert pdf.pages[1].images  # the first lab's screenshot


# -------------------------------------------------------------------- scans


def test_scan_pdf_is_image_only_at_300_dpi() -> None:
    with pdfplumber.open(str(SCAN_PDF)) as pdf:
        assert len(pdf.pages) == 12
        for page in pdf.pages:
            assert not page.chars
            assert len(page.images) == 1
            img = page.images[0]
            dpi = img["srcsize"][0] / float(page.width) * 72
            assert 295 < dpi < 305
            assert abs(float(img["width"]) - float(page.width)) < 1
    assert SCAN_PDF.stat().st_size < 8_000_000


def test_skews_in_range_and_one_page_upside_down() -> None:
    pages = MANIFEST["pages"]
    assert all(0.5 <= abs(p["skew_deg"]) <= 2.0 for p in pages)
    assert {p["skew_deg"] > 0 for p in pages} == {True, False}
    assert [p["page"] for p in pages if p["rotate"] == 180] == [MANIFEST["upside_down_page"]]


def _small(img: Image.Image) -> np.ndarray:
    a = np.asarray(img.convert("L").resize((124, 175)), dtype=np.float32)
    return a - a.mean()


def test_upside_down_page_matches_the_rotated_original() -> None:
    """Compare each scan page with the clean page, upright and turned 180 degrees."""
    clean = scan.render_pdf_pages(TEXT_PDF, 30)
    scanned = scan.render_pdf_pages(SCAN_PDF, 30)
    found = []
    for i, (c, s) in enumerate(zip(clean, scanned, strict=True), start=1):
        upright = float((_small(c) * _small(s)).sum())
        turned = float((_small(c.rotate(180)) * _small(s)).sum())
        if turned > upright:
            found.append(i)
    assert found == [MANIFEST["upside_down_page"]]


@pytest.mark.slow
def test_tesseract_osd_sees_the_upside_down_page(tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    pages = scan.render_pdf_pages(SCAN_PDF, 150)

    def osd_rotation(page_no: int) -> int:
        png = tmp_path / f"p{page_no}.png"
        pages[page_no - 1].convert("L").save(png, dpi=(150, 150))
        out = subprocess.run(["tesseract", str(png), "-", "--psm", "0"], capture_output=True,
                             text=True, timeout=120, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
        match = re.search(r"Rotate: (\d+)", out.stdout + out.stderr)
        assert match, out.stderr
        return int(match.group(1))

    assert osd_rotation(MANIFEST["upside_down_page"]) == 180
    assert osd_rotation(2) == 0


def test_tiff_has_every_page() -> None:
    with Image.open(SCAN_TIFF) as tif:
        assert tif.n_frames == 12
        assert tif.mode == "L"
        assert tuple(round(v) for v in tif.info["dpi"]) == (MANIFEST["tiff_dpi"],) * 2
        assert tif.info["compression"] == "tiff_adobe_deflate"
    assert SCAN_TIFF.stat().st_size < 25_000_000


def test_page2_png_and_photo() -> None:
    with Image.open(PAGE2_PNG) as png:
        assert png.mode == "L"
        assert round(png.info["dpi"][0]) == 300
        assert png.size == (2481, 3508)
        clean = scan.render_pdf_pages(TEXT_PDF, 30)[1]
        # The same page as page 2 of the text PDF, upright.
        assert float((_small(clean) * _small(png)).sum()) > 0
    with Image.open(PAGE2_JPG) as jpg:
        assert jpg.format == "JPEG" and jpg.mode == "RGB"
        assert jpg.size == (2481, 3508)


# ---------------------------------------------------------- reproducibility


def test_regeneration_reproduces_the_text_pdf(tmp_path: Path) -> None:
    out = tmp_path / "nido-benchmark.pdf"
    benchmark.build_text_pdf(out)
    with pdfplumber.open(str(out)) as new, pdfplumber.open(str(TEXT_PDF)) as old:
        assert [p.extract_text() for p in new.pages] == [p.extract_text() for p in old.pages]
    assert out.read_bytes() == TEXT_PDF.read_bytes()


def test_damage_is_seeded() -> None:
    page = scan.render_pdf_pages(TEXT_PDF, 40)[1]
    a = scan.damage(page, random.Random(7))
    b = scan.damage(page, random.Random(7))
    c = scan.damage(page, random.Random(8))
    assert a.mode == "L" and a.size == page.size
    assert a.tobytes() == b.tobytes() != c.tobytes()
    turned = scan.damage(page, random.Random(7), rotate=90, skew_deg=0)
    assert turned.size == (page.height, page.width)
    p1, p2 = scan.photo(page, random.Random(3)), scan.photo(page, random.Random(3))
    assert p1.mode == "RGB" and p1.size == page.size and p1.tobytes() == p2.tobytes()


def test_images_to_pdf_and_tiff_round_trip(tmp_path: Path) -> None:
    pages = [Image.new("L", (300, 400), 200), Image.new("L", (300, 400), 100)]
    pages[1].info["dpi"] = (300, 300)  # the other page has no dpi: taken as the target dpi
    scan.images_to_pdf(pages, tmp_path / "x.pdf", dpi=100, jpeg_quality=60)
    with pdfplumber.open(str(tmp_path / "x.pdf")) as pdf:
        assert [(float(p.width), float(p.height)) for p in pdf.pages] == [(216.0, 288.0)] * 2
    scan.images_to_tiff(pages, tmp_path / "x.tiff", dpi=50)
    with Image.open(tmp_path / "x.tiff") as tif:
        assert tif.n_frames == 2 and tif.size == (300, 400)
        tif.seek(1)
        assert tif.size == (50, 67)  # resampled from 300 to 50 DPI
    with Image.open(io.BytesIO((tmp_path / "x.tiff").read_bytes())) as tif:
        assert round(tif.info["dpi"][0]) == 50
