"""`extract show FILE`: the pages as read, line roles and sections, with the document's control
characters escaped (a PDF's text must not act on the terminal)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extract.errors import ExitCode

HOSTILE = "Lab \x1b]0;pwned\x07 Title\n\nThe \x1b[2J Nido Lab \u202e was founded in 2019.\u009b31m\n"
RAW_CONTROLS = ("\x1b", "\x07", "\u202e", "\u009b")


def show(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extract", "show", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_control_characters_are_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    done = show(["hostile.txt", "--no-cache"], tmp_path)
    assert done.returncode == ExitCode.ok, done.stderr
    assert not any(c in done.stdout for c in RAW_CONTROLS)
    assert r"Lab \x1b]0;pwned\x07 Title" in done.stdout and r"\u202e" in done.stdout and r"\x9b31m" in done.stdout


def test_json_is_escaped_and_lossless(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    done = show(["hostile.txt", "--no-cache", "--json"], tmp_path)
    assert done.returncode == ExitCode.ok, done.stderr
    assert not any(c in done.stdout for c in RAW_CONTROLS)
    data = json.loads(done.stdout)
    texts = [line["text"] for line in data["pages"][0]["lines"]]
    assert texts == [line for line in HOSTILE.splitlines() if line]  # the escapes decode to the text as read


def test_pages_roles_and_sections_of_the_sample(tmp_path: Path, raw_dir: Path) -> None:
    done = show([str(raw_dir / "nido-benchmark.pdf"), "--no-cache"], tmp_path)
    assert done.returncode == ExitCode.ok, done.stderr
    out = done.stdout
    assert "── page 2 · text layer · text layer: 126 words" in out
    for role_line in ("   header     Benchmark innovatielabs", "   footer     2",
                      "   heading    1. Rijks Innovatie Community (RIC) in Nederland"):
        assert role_line in out
    assert "══ 9 section(s)" in out
    assert "── section 1: Rijks Innovatie Community (RIC) in Nederland  [heading, nl, assignment 1.00, page 2]" in out
    assert "   p2   euro bijdraagt. Dit resulteert in een jaarlijks budget van 340.000 euro." in out
    assert not (tmp_path / "output").exists()  # --no-cache: nothing written


def test_a_missing_file_is_one_line_and_exit_3(tmp_path: Path) -> None:
    done = show(["nope.pdf"], tmp_path)
    assert done.returncode == ExitCode.all_failed
    assert done.stderr.strip() == "ERROR extract: not_a_document: nope.pdf: no such file"


def test_an_ocr_pages_mean_confidence_is_shown_on_the_0_to_1_scale_of_the_output() -> None:
    """It was printed with no decimals: every page said 'mean confidence 1' (or 0)."""
    from extract.models import OcrInfo
    from extract.read.reader import document_from_text
    from extract.review.show import DocumentView, render_text

    document = document_from_text("Nido Lab\n\nNido Lab was founded in 2019.\n", name="scan.pdf")
    ocr = OcrInfo(languages="nld+eng+fra", dpi=300, tesseract_version="5.3.0", mean_conf=0.9137)
    page = document.pages[0].model_copy(update={"method": "ocr", "reason": "ocr: no text layer", "ocr": ocr})
    view = DocumentView(document=document.model_copy(update={"pages": [page]}), lines=[], sections=[])
    assert "── page 1 · OCR · ocr: no text layer, mean confidence 0.91" in "\n".join(render_text(view))
