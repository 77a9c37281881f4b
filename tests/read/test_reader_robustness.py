"""Bad PDFs give a Document or a typed InputFileError, never another exception, a hang or a memory blow-up."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf
import pytest
from reader_docs import LINES, make_text_pdf, page_image, pdf_bytes_of_image

from extract.errors import ERROR_KINDS, CorruptFileError, EncryptedFileError
from extract.read.reader import read_document
from extract.settings import Settings

FUZZ = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz-pdfs"  # see its SOURCES.md
WORKER = Path(__file__).with_name("fuzz_worker.py")


def _encrypt(src: Path, out: Path, *, user: str, restrict: bool = False) -> Path:
    with pikepdf.open(src) as pdf:
        allow = pikepdf.Permissions(extract=False, modify_other=False) if restrict else pikepdf.Permissions()
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret", R=6, allow=allow))
    return out


def test_user_password_is_encrypted_with_advice(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    path = _encrypt(text_pdf, tmp_path / "locked.pdf", user="secret")
    with pytest.raises(EncryptedFileError) as info:
        read_document(path, settings)
    assert info.value.kind == "encrypted" and "qpdf --decrypt" in str(info.value)


def test_owner_only_restrictions_are_read_normally(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    path = _encrypt(text_pdf, tmp_path / "restricted.pdf", user="", restrict=True)
    doc = read_document(path, settings)
    assert [p.method for p in doc.pages] == ["text", "text"]
    assert doc.pages[0].words[0].text == LINES[0].split()[0]


def test_truncated_pdf_is_repaired_or_corrupt(tmp_path: Path, settings: Settings) -> None:
    src = make_text_pdf(tmp_path / "full.pdf", [LINES, LINES, LINES])
    data = src.read_bytes()
    for keep in (0.97, 0.6, 0.1):
        path = tmp_path / f"cut{keep}.pdf"
        path.write_bytes(data[: int(len(data) * keep)])
        try:
            doc = read_document(path, Settings(dpi=100, orient=False, min_words_text_layer=1))
        except CorruptFileError as exc:
            assert "re-export" in exc.message
        else:
            assert doc.pages, keep


def test_broken_xref_is_repaired(tmp_path: Path, settings: Settings) -> None:
    src = make_text_pdf(tmp_path / "ok.pdf", [LINES])
    data = src.read_bytes()
    start = data.rindex(b"startxref")
    path = tmp_path / "badxref.pdf"
    path.write_bytes(data[:start] + b"startxref\n999999\n%%EOF\n")
    doc = read_document(path, settings)
    assert doc.pages[0].method == "text"
    assert [w.text for w in doc.pages[0].words[:3]] == LINES[0].split()[:3]


@pytest.mark.slow
@pytest.mark.skipif(not FUZZ.is_dir(), reason="shared/fuzz-pdfs not present")
def test_every_public_malformed_pdf_gives_a_typed_result() -> None:
    files = sorted(str(p) for p in FUZZ.glob("*.pdf"))
    assert len(files) >= 20
    results: dict[str, dict] = {}
    pending = list(files)
    while pending:
        # One process for all files (imports once); if it dies, the file it was on is a failure and we go on.
        proc = subprocess.run([sys.executable, str(WORKER), *pending], capture_output=True, text=True, timeout=600)
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            results[record["path"]] = record
        done = [f for f in pending if f in results]
        if len(done) < len(pending):
            crashed = pending[len(done)]
            results[crashed] = {"status": "crash", "kind": f"exit {proc.returncode}", "message": proc.stderr[-300:]}
            pending = pending[len(done) + 1:]
        else:
            pending = []
    failures = {Path(p).name: r for p, r in results.items() if r["status"] not in ("ok", "error")}
    assert not failures
    kinds = {r["kind"] for r in results.values() if r["status"] == "error"}
    assert kinds <= set(ERROR_KINDS) - {"internal"}
    # Messages tell the user something, and repairs rescue a fair share of these files.
    assert all(r["message"] for r in results.values() if r["status"] == "error")
    assert sum(r["status"] == "ok" for r in results.values()) >= 15
    assert max(r.get("seconds", 0) for r in results.values()) < 60


@pytest.mark.slow
def test_page_pdfium_cannot_open_is_rendered_from_the_repaired_copy(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.read.pdf_reader as pdf_reader
    import extract.read.pdf_repair as pdf_repair

    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes_of_image(page_image(LINES[:3], dpi=150, repeat=1), 150))
    # As if pdfium rejected the original file: OCR must render from qpdf's repaired copy,
    # here through a temporary file, as a big copy would.
    monkeypatch.setattr(pdf_reader, "pdfium_page_count", lambda p: None if p == path else 1)
    monkeypatch.setattr(pdf_repair, "INLINE_PDF_BYTES", 10)
    doc = read_document(path, Settings(dpi=150))
    assert doc.pages[0].method == "ocr" and "2015" in {w.text for w in doc.pages[0].words}
    assert not list(Path(tempfile.gettempdir()).glob("extract-repaired-*"))
