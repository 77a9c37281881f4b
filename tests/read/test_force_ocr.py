"""--force-ocr (settings: force_ocr): every page OCR'd even with a good text layer; toggling it
reprocesses (it is part of the page-text cache key and of the settings hash in each output)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from extract.models import Word
from extract.read.text_layer import needs_ocr
from extract.settings import Settings

LETTER = "genres/en-letter-nz-service-innovation-lab.pdf"  # one page with a good text layer


def test_forced_pages_go_to_ocr() -> None:
    words = [Word(text=f"word{i}", bbox=(0, 0, 1, 1)) for i in range(50)]
    assert needs_ocr(words, 1, Settings())[0] is False
    ocr, reason = needs_ocr(words, 1, Settings(force_ocr=True))
    assert ocr and reason.startswith("ocr: forced")


def test_force_ocr_keys_the_cache_and_the_settings_hash() -> None:
    plain, forced = Settings(), Settings(force_ocr=True)
    assert "force_ocr" not in plain.text_key()  # existing cache entries stay valid
    assert plain.text_key() != forced.text_key() and plain.result_hash() != forced.result_hash()


def _batch(cwd: Path, *flags: str) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--workers", "1", "--quiet",
                           "--report", "report.json", *flags], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    files: list[dict[str, object]] = json.loads((cwd / "report.json").read_text(encoding="utf-8"))["files"]
    return files


def _methods(cwd: Path) -> list[str]:
    output = json.loads((cwd / "output" / "letter.json").read_text(encoding="utf-8"))
    return [page["method"] for page in output["pages"]]


def test_toggling_force_ocr_reprocesses(tmp_path: Path, fixtures_dir: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(fixtures_dir / LETTER, tmp_path / "raw" / "letter.pdf")
    _batch(tmp_path)
    assert _methods(tmp_path) == ["text"]
    [forced] = _batch(tmp_path, "--force-ocr")
    assert forced["message"] != "unchanged" and _methods(tmp_path) == ["ocr"]
    [again] = _batch(tmp_path, "--force-ocr")
    assert again["message"] == "unchanged"
    [back] = _batch(tmp_path)
    assert back["message"] != "unchanged" and _methods(tmp_path) == ["text"]
