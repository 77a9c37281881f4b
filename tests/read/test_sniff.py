"""File types come from the bytes, not the name; everything else is a typed not_a_document."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from extract.errors import NotADocumentError, TooLargeError
from extract.read.reader import read_document
from extract.read.sniff import sniff_bytes, sniff_file
from extract.settings import Limits, Settings


def _image_bytes(fmt: str, mode: str = "L") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (20, 20), 255).save(out, format=fmt)
    return out.getvalue()


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "report.pdf", "application/pdf"),
        (b"junk before the header\r\n%PDF-1.4\n", "scan.bin", "application/pdf"),
        (b"%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type /Catalog>>\nendobj\n", "noheader.pdf", "application/pdf"),
        (_image_bytes("PNG"), "page.pdf", "image/png"),
        (_image_bytes("TIFF"), "page", "image/tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "page.tif", "image/tiff"),
        (_image_bytes("JPEG"), "photo.png", "image/jpeg"),
        (b"Een rapport over het lab.\n", "notes.txt", "text/plain"),
        (b"# Labs\n\nsome text", "notes.md", "text/plain"),
    ],
)
def test_supported_types_are_sniffed_from_bytes(head: bytes, name: str, expected: str) -> None:
    assert sniff_bytes(head, name) == expected


@pytest.mark.parametrize(
    ("head", "name", "detected"),
    [
        (b"", "empty.pdf", "empty"),
        (b"<!DOCTYPE html><html><body>Report</body></html>", "report.pdf", "HTML"),
        (b"\n  <html lang='nl'><head></head>", "report.pdf", "HTML"),
        (b"This is a plain text file with a pdf name.\n", "report.pdf", "plain text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "report.pdf", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "report.doc", "Office"),
        (b"\x00\x01\x02\x03binary\xff\xfe", "blob.pdf", "binary"),
        (b"GIF89a\x01\x00", "page.gif", "GIF"),
    ],
)
def test_other_files_are_not_documents(head: bytes, name: str, detected: str) -> None:
    with pytest.raises(NotADocumentError) as info:
        sniff_bytes(head, name)
    assert info.value.kind == "not_a_document"
    assert detected.lower() in info.value.message.lower()


def test_pdf_header_too_far_in_is_not_a_pdf() -> None:
    with pytest.raises(NotADocumentError):
        sniff_bytes(b"x" * 2000 + b"%PDF-1.4", "late.pdf")


def test_oversized_file_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    settings = Settings(limits=Limits(max_file_bytes=1000))
    with pytest.raises(TooLargeError) as info:
        sniff_file(path, settings)
    assert "max_file_bytes" in str(info.value)


def test_read_document_names_the_file_in_errors(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>not a pdf</body></html>")
    with pytest.raises(NotADocumentError) as info:
        read_document(path, settings)
    assert str(path) in str(info.value)


def test_text_file_becomes_pages_split_on_form_feeds(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "labs.txt"
    path.write_text("Eerste pagina met tekst\n\ntweede regel\fTweede pagina", encoding="utf-8")
    doc = read_document(path, settings)
    assert doc.source.media_type == "text/plain"
    assert [p.number for p in doc.pages] == [1, 2]
    first = doc.pages[0]
    assert [w.text for w in first.words] == ["Eerste", "pagina", "met", "tekst", "tweede", "regel"]
    # Boxes: same line -> same top, increasing x; the blank line leaves a gap.
    assert first.words[0].bbox[1] == first.words[3].bbox[1]
    assert first.words[0].bbox[2] < first.words[1].bbox[0]
    assert first.words[4].bbox[1] > first.words[0].bbox[1] + 20
