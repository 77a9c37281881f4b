"""A page of too many characters is skipped before it is parsed: the same answer on every machine,
whatever memory is left (issue 15, item 4: under load it died by a signal or went to OCR)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.read.text_chunks import read_chunk
from extract.read.text_size import page_text_bytes, string_bytes
from extract.settings import Limits, Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from generator.hostile import _pdf, _stream, huge_text_page_pdf  # noqa: E402


@pytest.mark.parametrize(("content", "expected"), [
    (b"BT /F1 9 Tf (abc) Tj ET", 3),
    (b"[(ab) -20 (cd)] TJ", 4),
    (b"(a(b)c) Tj (a(b(c)d)e) Tj", 5 + 9),  # balanced parentheses belong to the string
    (b"(a\\(b) Tj (\\000\\003\\101) Tj", 3 + 3),  # an escape is one byte
    (b"<00410042> Tj <4> Tj", 4 + 1),  # two digits a byte; a lone last digit is one
    (b"<< /MCID 0 >> BDC (x) Tj EMC /Im1 Do", 1),
    (b"BI /W 4 /H 1 /BPC 8 /CS /G ID ((((<<( EI (ok) Tj", 2),  # inline image data is not text
    (b"% a (comment\n(z) Tj", 1),
    (b"(never closed", 12),
    (b"0 0 m 10 10 l S 1 0 0 1 5 5 cm", 0),
])
def test_the_string_operands_bytes_are_counted(content: bytes, expected: int) -> None:
    assert string_bytes(content) == expected


def test_a_page_over_max_page_chars_is_skipped_without_parsing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    def never(page: object) -> None:
        raise AssertionError("the page was parsed")

    pdf = huge_text_page_pdf(tmp_path / "huge.pdf", 200_000)
    monkeypatch.setattr("extract.read.pdf_objects.use_lean_objects", never)
    [page] = read_chunk(pdf, Settings(), str(pdf), (1,))
    assert page.reason.startswith("skipped: ") and not page.words
    assert "draw 998,000 characters, over limits.max_page_chars (200,000)" in page.reason
    assert "text layer needs more memory than limits.worker_memory_mb" in page.reason


def test_a_page_under_the_limit_is_read_as_before(tmp_path: Path) -> None:
    pdf = huge_text_page_pdf(tmp_path / "small.pdf", 1_000)  # 10 lines of 499 bytes
    [page] = read_chunk(pdf, Settings(), str(pdf), (1,))
    assert page.method == "text" and page.words and not page.reason.startswith("skipped")
    tight = Settings(limits=Limits(max_page_chars=4_990))
    assert not read_chunk(pdf, tight, str(pdf), (1,))[0].reason.startswith("skipped")
    over = Settings(limits=Limits(max_page_chars=4_989))
    assert "draw 4,990 characters, over limits.max_page_chars (4,989)" in read_chunk(pdf, over, str(pdf), (1,))[0].reason


def test_forms_count_when_drawn(tmp_path: Path) -> None:
    """A resource dictionary shared by every page may name the forms of the whole document: only
    those the page draws count (each once)."""
    import pdfplumber

    form = _stream(b"BT /F1 9 Tf (" + b"x" * 1000 + b") Tj ET", b"/Type /XObject /Subtype /Form /BBox [0 0 99 99] ")
    pdf = tmp_path / "forms.pdf"
    pdf.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _stream(b"q /Fm1 Do Q BT /F1 9 Tf 10 10 Td (abc) Tj ET"),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R /Fm2 7 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        form,
        form,
    ]))
    with pdfplumber.open(pdf) as opened:
        assert page_text_bytes(opened.pages[0].page_obj) == 1003


def test_running_out_of_memory_in_pdfminer_is_too_large_not_unreadable(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The memory cap stays the backstop (a form drawn a thousand times is counted once): pdfminer's
    wrapped MemoryError skips the page as too large instead of sending it to OCR as unreadable."""
    from pdfplumber.utils.exceptions import PdfminerException

    def out_of_memory(page: object) -> None:
        raise PdfminerException(MemoryError())

    pdf = huge_text_page_pdf(tmp_path / "small.pdf", 1_000)
    monkeypatch.setattr("extract.read.pdf_objects.use_lean_objects", out_of_memory)
    [page] = read_chunk(pdf, Settings(), str(pdf), (1,))
    assert page.reason.startswith("skipped: ") and "needs more memory than limits.worker_memory_mb" in page.reason
