"""A flate bomb costs its page, not the worker (issue 15, item 2)."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from extract.read.inflate import BoundedZlib, StreamTooLarge
from extract.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from generator.hostile import bomb_on_page_two_pdf, flate_bomb_pdf  # noqa: E402


def test_bombs_are_too_large_and_a_bombed_page_keeps_the_rest(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    flate_bomb_pdf(raw / "bomb.pdf", 2048)
    bomb_on_page_two_pdf(raw / "page2.pdf", 2048)
    done = subprocess.run([sys.executable, "-m", "extract", "batch", str(raw), "--out", str(tmp_path / "out"),
                           "--workers", "2", "--no-cache", "--report", str(tmp_path / "r.json")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr  # one file failed (typed), one ok
    report = {f["path"]: f for f in json.loads((tmp_path / "r.json").read_text())["files"]}
    assert report["bomb.pdf"]["error_kind"] == "too_large" and "max_stream_mb" in report["bomb.pdf"]["message"]
    assert report["page2.pdf"]["status"] == "ok"
    output = json.loads((tmp_path / "out" / "page2.json").read_text())
    assert [p["number"] for p in output["pages"]] == [1]
    assert output["records"][0]["name"] == "Testlab Innovation Hub"
    assert any("page 2" in w and "max_stream_mb" in w for w in output["warnings"])


def test_workers_stay_under_two_gib() -> None:
    limits = Settings().limits
    assert limits.worker_memory_mb < 2048 and limits.max_stream_mb * 3 < limits.worker_memory_mb


def test_bounded_zlib_is_zlib_below_its_ceiling() -> None:
    bounded = BoundedZlib(1 << 20)
    data = zlib.compress(b"BT (hello) Tj ET\n" * 1000)
    assert bounded.decompress(data) == zlib.decompress(data)
    assert bounded.decompress(data + b"junk") == zlib.decompress(data + b"junk")
    for broken in (data[:-3], b"", b"not zlib"):
        with pytest.raises(zlib.error):
            zlib.decompress(broken)
        with pytest.raises(zlib.error):
            bounded.decompress(broken)
    with pytest.raises(StreamTooLarge):
        bounded.decompress(zlib.compress(bytes(2 << 20)))
    stream, bomb = bounded.decompressobj(), zlib.compress(bytes(2 << 20))
    with pytest.raises(StreamTooLarge):
        for i in range(len(bomb)):  # pdfminer's decompress_corrupted feeds one byte at a time
            stream.decompress(bomb[i:i + 1])


def test_a_page_of_200000_words_is_reported_as_too_large_not_as_an_ocr_timeout(tmp_path: Path) -> None:
    """Issue 15, item 4: the text layer ran out of memory, the page went to OCR and timed out."""
    from generator.hostile import huge_text_page_pdf

    raw = tmp_path / "raw"
    raw.mkdir()
    huge_text_page_pdf(raw / "huge.pdf", 200_000)
    done = subprocess.run([sys.executable, "-m", "extract", "batch", str(raw), "--out", str(tmp_path / "out"),
                           "--workers", "1", "--no-cache", "--report", str(tmp_path / "r.json")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 3, done.stderr
    item = json.loads((tmp_path / "r.json").read_text())["files"][0]
    assert item["error_kind"] == "too_large", item
    assert "text layer needs more memory than limits.worker_memory_mb" in item["message"]
    assert "OCR" not in item["message"] and "DPI" not in item["message"]


def test_a_14000_pt_page_is_read_within_the_worker_cap(tmp_path: Path) -> None:
    """At a 12,000 px render side its OCR took a worker past 2 GiB; under the 1.5 GiB cap it failed."""
    from generator.hostile import huge_page_pdf

    pdf = huge_page_pdf(tmp_path / "poster.pdf", 14_000)
    done = subprocess.run([sys.executable, "-m", "extract", "ingest", str(pdf), "--out", str(tmp_path / "out"),
                           "--workers", "1", "--no-cache"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    output = json.loads((tmp_path / "out" / "poster.json").read_text())
    assert output["records"][0]["name"] == "Testlab Innovation Hub"
    assert "rendered at 41 DPI" in output["pages"][0]["warnings"][0]


def test_a_scan_larger_than_a_render_is_shrunk_for_ocr() -> None:
    from PIL import Image

    from extract.read.ocr import _within_side

    img, dpi = _within_side(Image.new("L", (16_000, 10_000), 255), 600.0, 8000)
    assert img.size == (8000, 5000) and dpi == 300.0
