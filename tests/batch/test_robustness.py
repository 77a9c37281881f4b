"""`extract batch` over bad and malformed files with the real pipeline: it ends by itself, every file
gets records or a typed error, no output is partial, nothing is written outside the output folder."""

from __future__ import annotations

import importlib.util
import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from conftest import run_cli

from extract.errors import ERROR_KINDS, ExitCode
from extract.models import OutputFile

FUZZ = Path(__file__).resolve().parents[1] / "fixtures" / "fuzz-pdfs"  # see its SOURCES.md
SAMPLE = Path(__file__).resolve().parents[2] / "raw"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("extract.read.reader") is None, reason="the reader has not landed"),
]


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 16 * 17))
            + chunk(b"IEND", b""))


def bad_files(raw: Path) -> None:
    raw.mkdir()
    (raw / "empty.pdf").write_bytes(b"")
    (raw / "page.pdf").write_text("<!DOCTYPE html><html><body><p>not a report</p></body></html>")
    (raw / "notes.pdf").write_text("just some text named like a PDF\n")
    (raw / "image.pdf").write_bytes(png_bytes())
    pdfs = sorted(SAMPLE.glob("*.pdf"))
    if pdfs:
        data = pdfs[0].read_bytes()
        (raw / "truncated.pdf").write_bytes(data[: len(data) // 3])
    if FUZZ.is_dir():
        fuzz = sorted(FUZZ.glob("*.pdf"))
        for path in fuzz[::12]:  # a spread of the public malformed PDFs, to keep the test short
            shutil.copy(path, raw / path.name)


def test_bad_inputs_end_with_a_typed_result_each(tmp_path: Path) -> None:
    bad_files(tmp_path / "raw")
    before = set(tmp_path.rglob("*"))
    done = run_cli(["batch", "raw", "--workers", "2", "--timeout", "120", "--report", "report.json", "--quiet"],
                   tmp_path, fake=False, timeout=900)
    assert done.returncode in (ExitCode.ok, ExitCode.partial_failure, ExitCode.all_failed), done.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    files = {f["path"]: f for f in report["files"]}
    assert set(files) == {p.name for p in (tmp_path / "raw").iterdir()}
    for name in ("empty.pdf", "page.pdf", "notes.pdf"):
        assert (files[name]["status"], files[name]["error_kind"]) == ("error", "not_a_document"), files[name]
    for entry in files.values():
        assert entry["status"] in ("ok", "error")
        if entry["status"] == "error":
            assert entry["error_kind"] in ERROR_KINDS and entry["message"], entry
            assert entry["output"] is None
        else:
            OutputFile.model_validate_json(Path(tmp_path / entry["output"]).read_bytes())
    out = tmp_path / "output"
    assert not list(out.rglob("*.tmp"))
    written = set(tmp_path.rglob("*")) - before
    allowed = (out, tmp_path / "report.json")  # the page cache lives in out/.cache
    assert all(any(p == a or a in p.parents for a in allowed) for p in written), sorted(map(str, written))
