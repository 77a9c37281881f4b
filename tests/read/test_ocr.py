"""OCR of scanned pages and page images: orientation, skew, words with confidences, figures."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw
from reader_docs import LINES, page_image, pdf_bytes_of_image

from extract.read.figures import find_figures
from extract.read.ocr import fit_dpi
from extract.read.reader import read_document
from extract.read.skew import estimate_skew, rotate_small
from extract.settings import Settings

SCAN = Settings(dpi=200)
VOCAB = {w.strip(".,").lower() for line in LINES for w in line.split()}


def _found_share(words: list[str]) -> float:
    """Share of the typeset vocabulary found among the OCR words."""
    got = {w.strip(".,").lower() for w in words}
    return len(VOCAB & got) / len(VOCAB)


@pytest.mark.parametrize("angle", [-2.0, 1.2, 3.5])
def test_skew_is_measured(angle: float) -> None:
    img = page_image(dpi=150).rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    # PIL turns counter-clockwise: the text lines then rise to the right.
    assert estimate_skew(np.asarray(img), 150) == pytest.approx(-angle, abs=0.15)
    straight = rotate_small(np.asarray(img), estimate_skew(np.asarray(img), 150))
    assert abs(estimate_skew(straight, 150)) < 0.15


def test_blank_page_has_no_skew() -> None:
    assert estimate_skew(np.full((1000, 800), 255, np.uint8), 100) == 0.0


def test_render_dpi_is_lowered_to_fit_the_pixel_limit() -> None:
    assert fit_dpi(595, 842, 300, 200_000_000, 12000) == 300
    poster = fit_dpi(2384, 3370, 300, 50_000_000, 12000)  # A0
    assert poster < 300 and (2384 / 72 * poster) * (3370 / 72 * poster) <= 50_000_001


def test_figures_framed_and_shaded_but_not_tables() -> None:
    dpi = 100
    img = page_image(dpi=dpi, repeat=1)
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 400, 500, 600), outline=0, width=3)  # a framed screenshot
    draw.text((130, 450), "www.example.org  Home  News", fill=0)
    draw.rectangle((100, 700, 450, 850), fill=150)  # a shaded photo
    for x in (100, 250, 400, 550):  # a ruled table: a grid, not a figure
        draw.line((x, 900, x, 1060), fill=0, width=2)
    for y in (900, 940, 980, 1020, 1060):
        draw.line((100, y, 550, y), fill=0, width=2)
    figures = find_figures(np.asarray(img), dpi)
    to_pt = 72 / dpi
    assert len(figures) == 2
    framed, shaded = figures
    assert framed == pytest.approx((100 * to_pt, 400 * to_pt, 500 * to_pt, 600 * to_pt), abs=4)
    assert shaded == pytest.approx((100 * to_pt, 700 * to_pt, 450 * to_pt, 850 * to_pt), abs=4)


def test_figures_on_a_grey_scan_background() -> None:
    img = Image.eval(page_image(dpi=100, repeat=2), lambda v: int(v * 0.8))  # grey paper, text stays dark
    assert find_figures(np.asarray(img), 100) == []


@pytest.mark.slow
def test_image_only_pdf_is_ocred(tmp_path: Path) -> None:
    img = page_image(dpi=200).rotate(1.0, resample=Image.BILINEAR, fillcolor=255)
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes_of_image(img, 200))
    doc = read_document(path, SCAN)
    page = doc.pages[0]
    assert page.method == "ocr" and page.reason == "ocr: no text layer"
    assert page.ocr is not None and page.ocr.dpi == 200 and page.ocr.languages == "nld+eng+fra"
    assert page.ocr.skew == pytest.approx(-1.0, abs=0.2) and page.ocr.rotation == 0
    assert _found_share([w.text for w in page.words]) > 0.9
    assert all(w.conf is not None and 0 <= w.conf <= 1 for w in page.words)
    assert page.ocr.mean_conf is not None and page.ocr.mean_conf > 0.8
    assert page.width == pytest.approx(595.3, abs=1) and page.height == pytest.approx(841.9, abs=1)
    # The first word sits where it was drawn: 1 inch from the left, 1.2 inch from the top.
    first = next(w for w in page.words if w.text == LINES[0].split()[0])
    assert first.bbox[0] == pytest.approx(72, abs=6) and first.bbox[1] == pytest.approx(86.4, abs=8)


@pytest.mark.slow
@pytest.mark.parametrize(("turn", "expected_rotation"), [(180, 180), (90, 90), (270, 270)])
def test_turned_page_images_are_made_upright(tmp_path: Path, turn: int, expected_rotation: int) -> None:
    path = tmp_path / f"turned{turn}.png"
    page_image(dpi=200).rotate(turn, expand=True, fillcolor=255).save(path, dpi=(200, 200))
    page = read_document(path, SCAN).pages[0]
    assert page.ocr is not None and page.ocr.rotation == expected_rotation
    assert page.height > page.width  # portrait again
    assert _found_share([w.text for w in page.words]) > 0.9
    # Boxes are in the upright page: the first word 1 inch from the left, 1.2 inch from the top.
    first = next(w for w in page.words if w.text == LINES[0].split()[0])
    assert first.bbox[0] == pytest.approx(72, abs=6) and first.bbox[1] == pytest.approx(86.4, abs=8)
    assert page.words[0].text == first.text


@pytest.mark.slow
def test_pages_run_through_a_process_pool(tmp_path: Path) -> None:
    first, second = page_image(LINES[:3], dpi=200), page_image(LINES[3:], dpi=200)
    path = tmp_path / "two.pdf"
    first.save(path, format="PDF", resolution=200, save_all=True, append_images=[second])
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = read_document(path, SCAN, page_map=pool.map)
    assert [p.number for p in parallel.pages] == [1, 2]
    assert all(p.method == "ocr" for p in parallel.pages)
    assert "2015" in {w.text for w in parallel.pages[0].words}
    assert "prototypes" in {w.text for w in parallel.pages[1].words}


@pytest.mark.parametrize("turn", [90, 270])
def test_skew_of_a_sideways_page_is_measured(turn: int) -> None:
    img = page_image(dpi=150).rotate(turn, expand=True, fillcolor=255).rotate(1.5, resample=Image.BILINEAR,
                                                                             fillcolor=255)
    skew = estimate_skew(np.asarray(img), 150)
    assert skew == pytest.approx(-1.5, abs=0.15)


def test_missing_language_pack_names_the_package(tmp_path: Path) -> None:
    from extract.errors import MissingDependencyError

    path = tmp_path / "page.png"
    page_image(LINES[:1], dpi=100, repeat=1).save(path)
    with pytest.raises(MissingDependencyError) as info:
        read_document(path, Settings(languages=("nld", "xyz")))
    assert "tesseract-ocr-xyz" in str(info.value)


def test_tesseract_timeout_is_a_typed_error_with_the_page(tmp_path: Path) -> None:
    from extract.errors import FileTimeoutError
    from extract.settings import Limits

    path = tmp_path / "page.png"
    page_image(dpi=200).save(path)
    with pytest.raises(FileTimeoutError) as info:
        read_document(path, Settings(orient=False, limits=Limits(page_timeout_s=0.05)))
    assert info.value.page == 1 and "page_timeout_s" in str(info.value)


def test_upside_down_pages_stand_out_cheaply() -> None:
    from extract.read.skew import UPSIDE_DOWN_RATIO, upside_down_ratio

    upright = np.asarray(page_image(dpi=200))
    assert upside_down_ratio(upright, 200) < 0.7
    assert upside_down_ratio(np.ascontiguousarray(upright[::-1, ::-1]), 200) > 2 * UPSIDE_DOWN_RATIO
    assert upside_down_ratio(np.full((800, 600), 255, np.uint8), 100) == 0.0


def test_tesseract_version_reads_as_pytesseracts() -> None:
    """The version is in cache keys and outputs: read without pytesseract, it must not change."""
    import pytesseract

    from extract.read import tools

    assert tools.tesseract_version() == str(pytesseract.get_tesseract_version()).strip()


def test_tesseract_missing_is_a_missing_dependency(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.errors import MissingDependencyError
    from extract.read import tools

    tools.tesseract_version.cache_clear()
    monkeypatch.setenv("PATH", "/nonexistent")
    try:
        with pytest.raises(MissingDependencyError, match="not installed"):
            tools.tesseract_version()
    finally:
        tools.tesseract_version.cache_clear()
