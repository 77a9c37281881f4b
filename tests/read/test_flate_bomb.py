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
