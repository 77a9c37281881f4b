"""`extract diff` compares like with like: an ingest of one report after a batch changes that report
only, the output says which comparison was made, and the review page agrees (issue 17, item 3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import ExitCode
from extract.review.html import build_review

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, raw_dir: Path) -> Path:
    """A batch over three text reports, then an ingest of one of them (the same bytes)."""
    root = tmp_path_factory.mktemp("archive")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(raw_dir / "nido-benchmark.pdf", raw)
    for name in ("single-lab-factsheet.pdf", "fr-single-lab-annual.pdf"):
        shutil.copy(CORPUS / name, raw)
    out = root / "output"
    assert main(["batch", str(raw), "--out", str(out), "--workers", "1", "--quiet"]) == ExitCode.ok
    assert main(["ingest", str(raw / "single-lab-factsheet.pdf"), "--out", str(out), "--workers", "1", "--quiet"]) == ExitCode.ok
    return out


def test_diff_after_an_ingest_compares_the_archive_not_what_each_run_wrote(archive: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["diff", "--out", str(archive), "--fail-on-change"]) == ExitCode.ok
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[1].startswith("compared the archive after run ") and "processed 1 of 3 files, the other 2 are as before" in lines[1]
    assert "removed" not in text.replace("0 removed", "")
    assert lines[-1].startswith("total: 0 files changed, 0 added, 0 removed, 3 unchanged")
    assert main(["diff", "--out", str(archive), "--format", "json"]) == ExitCode.ok
    data = json.loads(capsys.readouterr().out)
    assert data["comparison"] == lines[1] and data["totals"]["files_unchanged"] == 3


def test_scope_common_compares_only_what_both_runs_processed(archive: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["diff", "--out", str(archive), "--scope", "common", "--fail-on-change"]) == ExitCode.ok
    text = capsys.readouterr().out
    assert "compared only the 1 file both run " in text and "2 files processed by only one of them left out" in text
    assert text.strip().splitlines()[-1].startswith("total: 0 files changed, 0 added, 0 removed, 1 unchanged")


def test_the_review_page_says_the_same(archive: Path, tmp_path: Path) -> None:
    html = build_review(archive, tmp_path / "review").read_text(encoding="utf-8")
    assert "removed since the previous run" not in html
    # the ingested report against its version before the ingest: nothing changed, as diff says
    assert "0 matched (0 changed)" not in html and "(0 changed), 0 added, 0 removed; 0 changed fields" in html


def test_a_removed_input_is_removed_from_the_archive(archive: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    raw = tmp_path / "raw"
    shutil.copytree(archive.parent / "raw", raw)
    out = tmp_path / "output"
    shutil.copytree(archive, out)
    (raw / "fr-single-lab-annual.pdf").unlink()
    assert main(["batch", str(raw), "--out", str(out), "--workers", "1", "--quiet"]) == ExitCode.ok
    capsys.readouterr()
    assert main(["diff", "--out", str(out), "--fail-on-change"]) == ExitCode.changed
    text = capsys.readouterr().out
    assert "fr-single-lab-annual: file removed" in text
    assert text.strip().splitlines()[-1].startswith("total: 0 files changed, 0 added, 1 removed, 2 unchanged")


def test_files_with_the_same_version_on_both_sides_are_not_read(archive: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The same hash on both sides is unchanged without reading a kept copy (an archive of thousands of reports)."""
    out = tmp_path / "output"
    shutil.copytree(archive, out)
    for kept in (out / ".runs" / "objects").iterdir():
        kept.write_text("not json")
    capsys.readouterr()
    assert main(["diff", "--out", str(out), "--fail-on-change"]) == ExitCode.ok
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("total: 0 files changed, 0 added, 0 removed, 3 unchanged")
