"""The short path for characters gives exactly pdfplumber's page objects, on every PDF we have."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from reader_docs import LINES, make_text_pdf

from extract.read.pdf_objects import lean_objects, use_lean_objects

ROOT = Path(__file__).resolve().parents[2]
MAX_PAGES = 6


def _pdfs() -> list[Path]:
    # The fixtures hold the malformed PDFs of tests/fixtures/fuzz-pdfs too.
    return sorted((ROOT / "tests" / "fixtures").rglob("*.pdf")) + sorted((ROOT / "raw").glob("*.pdf"))


def _pages(path: Path, **open_options: object) -> Iterator[object]:
    try:
        pdf = pdfplumber.open(path, **open_options)
    except Exception:
        return
    try:
        pages = pdf.pages[:MAX_PAGES]
    except Exception:
        with contextlib.suppress(Exception):  # close() walks the broken page tree again
            pdf.close()
        return
    with pdf:
        for page in pages:
            try:
                page.layout  # noqa: B018 (parsing the page is the point)
            except Exception:
                continue
            yield page


def _outcome(parse: Callable[[], object]) -> object:
    try:
        return parse()
    except Exception as exc:
        return ("raised", type(exc).__name__)


def _assert_same(path: Path, **open_options: object) -> int:
    compared = 0
    for page in _pages(path, **open_options):
        lean = _outcome(lambda: lean_objects(page))  # noqa: B023 (called here)
        assert lean == _outcome(page.parse_objects), f"{path.name} page {page.page_number}"
        compared += 1
    return compared


def test_every_pdf_we_have_gives_pdfplumbers_objects() -> None:
    pdfs = _pdfs()
    assert len(pdfs) >= 10
    compared = sum(_assert_same(path) for path in pdfs)
    assert compared >= 30


def test_shifted_media_box_and_unicode_normalisation(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "plain.pdf", [["Caf\u00e9 cr\u00e8me: \u00bd mln euro", *LINES]])
    shifted = tmp_path / "shifted.pdf"
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            page.MediaBox = pikepdf.Array([40, 30, 640, 880])
        pdf.save(shifted)
    assert _assert_same(shifted) == 1
    assert _assert_same(shifted, unicode_norm="NFKC") == 1
    with pdfplumber.open(shifted, unicode_norm="NFKC") as pdf:
        page = pdf.pages[0]
        use_lean_objects(page)
        words = [w["text"] for w in page.extract_words()]
    assert "Caf\u00e9" in words and "1\u20442" in words  # NFKC folds the one-half sign


def test_installed_objects_serve_pdfplumbers_own_functions(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "doc.pdf", [LINES])
    with pdfplumber.open(path) as plain, pdfplumber.open(path) as lean:
        expected = plain.pages[0].extract_words(extra_attrs=["size", "fontname"])
        page = lean.pages[0]
        use_lean_objects(page)
        assert page.extract_words(extra_attrs=["size", "fontname"]) == expected
        assert page.extract_text() == plain.pages[0].extract_text()


@pytest.mark.parametrize("name", ["nl-tabel.pdf", "en-two-column.pdf"])
def test_tables_found_on_lean_objects_equal_pdfplumbers(name: str) -> None:
    path = ROOT / "tests" / "fixtures" / "corpus" / name
    with pdfplumber.open(path) as plain, pdfplumber.open(path) as lean:
        for plain_page, lean_page in zip(plain.pages, lean.pages, strict=True):
            use_lean_objects(lean_page)
            assert [t.extract() for t in lean_page.find_tables()] == [t.extract() for t in plain_page.find_tables()]
