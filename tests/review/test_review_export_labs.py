"""The per-lab view across a real archive: the same lab in two reports is one row, each value with the
report (and year) it came from, the reports' disagreements shown; stale outputs left out (issue 17, item 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extract.cli import main
from extract.errors import ExitCode

GENRES = Path(__file__).resolve().parents[1] / "fixtures" / "genres"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, raw_dir: Path) -> Path:
    """The sample benchmark (nine labs, RIC among them) and a 2023 web page about RIC alone."""
    root = tmp_path_factory.mktemp("labs")
    (root / "raw" / "2023").mkdir(parents=True)
    shutil.copy(raw_dir / "nido-benchmark.pdf", root / "raw")
    shutil.copy(GENRES / "nl-web-page-rijks-innovatie-community.pdf", root / "raw" / "2023")
    assert main(["batch", str(root / "raw"), "--out", str(root / "output"), "--workers", "1", "--quiet"]) == ExitCode.ok
    return root


def export_jsonl(out: Path, capsys, *args: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    capsys.readouterr()
    assert main(["export", "--format", "jsonl", "--out", str(out), *args]) == ExitCode.ok
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_one_row_per_lab_with_its_reports_and_their_disagreements(archive: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    rows = export_jsonl(archive / "output", capsys)
    assert len(rows) == 9  # ten records in two reports
    ric = next(r for r in rows if r["acronym"] == "RIC")
    web = "2023/nl-web-page-rijks-innovatie-community (2023)"
    assert ric["reports"] == [web, "nido-benchmark"]
    conflicts = {c.split(":")[0]: c for c in ric["conflicts"]}
    assert f"2015 ({web} p.1)" in conflicts["founded_year"] and "2018 (nido-benchmark p.2)" in conflicts["founded_year"]
    assert "250000 EUR year" in conflicts["budget"] and "340000 EUR year" in conflicts["budget"]
    # Each value says where it came from; the row's value is the most confident one.
    assert ric["founded_year_report"] in (web, "nido-benchmark") and ric["founded_year_page"] in (1, 2)
    assert 0 < ric["founded_year_confidence"] <= 1
    assert len(export_jsonl(archive / "output", capsys, "--per-file")) == 10


def test_xlsx_highlights_a_conflict_with_the_alternatives(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "labs.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(archive / "output"), "--to", str(target)]) == ExitCode.ok
    sheet = load_workbook(target)["labs"]
    header = [c.value for c in sheet[1]]
    ric = next(dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2) if row[1].value == "RIC")
    cell = ric["founded_year"]
    assert cell.fill.start_color.rgb.endswith("FFEB9C")
    assert "reports disagree" in cell.comment.text and "2015" in cell.comment.text and "2018" in cell.comment.text


def test_a_corrected_conflict_is_green_and_keeps_the_alternatives(archive: Path, tmp_path: Path) -> None:
    shutil.copytree(archive, tmp_path / "a")
    out = tmp_path / "a" / "output"
    assert main(["correct", "nido-benchmark", "RIC", "founded_year", "--confirm", "--out", str(out)]) == ExitCode.ok
    target = tmp_path / "labs.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    sheet = load_workbook(target)["labs"]
    header = [c.value for c in sheet[1]]
    ric = next(dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2) if row[1].value == "RIC")
    cell = ric["founded_year"]
    assert cell.fill.start_color.rgb.endswith("C6EFCE")  # a person settled it
    assert "reports disagree" in cell.comment.text


def test_stale_outputs_are_left_out_unless_asked_for(archive: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(archive, tmp_path, dirs_exist_ok=True)
    shutil.rmtree(tmp_path / "raw" / "2023")
    assert main(["batch", str(tmp_path / "raw"), "--out", str(tmp_path / "output"), "--workers", "1", "--quiet"]) == ExitCode.ok
    assert (tmp_path / "output" / "2023" / "nl-web-page-rijks-innovatie-community.json").is_file()  # kept on disk
    rows = export_jsonl(tmp_path / "output", capsys)
    assert next(r for r in rows if r["acronym"] == "RIC")["reports"] == ["nido-benchmark"]
    rows = export_jsonl(tmp_path / "output", capsys, "--include-stale")
    ric = next(r for r in rows if r["acronym"] == "RIC")
    assert ric["reports"] == ["2023/nl-web-page-rijks-innovatie-community (2023) [stale]", "nido-benchmark"]


def test_export_looks_at_the_input_folder_as_it_is_now(archive: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(archive, tmp_path, dirs_exist_ok=True)
    raw, out = tmp_path / "raw", tmp_path / "output"
    assert main(["batch", str(raw), "--out", str(out), "--workers", "1", "--quiet"]) == ExitCode.ok
    web = raw / "2023" / "nl-web-page-rijks-innovatie-community.pdf"
    kept = tmp_path / "kept.pdf"
    shutil.move(web, kept)
    # Removed since the last batch: left out at once, no batch needed to notice.
    rows = export_jsonl(out, capsys)
    assert next(r for r in rows if r["acronym"] == "RIC")["reports"] == ["nido-benchmark"]
    # A batch marks it stale; put back, it is current again before the next batch.
    assert main(["batch", str(raw), "--out", str(out), "--workers", "1", "--quiet"]) == ExitCode.ok
    shutil.move(kept, web)
    rows = export_jsonl(out, capsys)
    assert next(r for r in rows if r["acronym"] == "RIC")["reports"] == [
        "2023/nl-web-page-rijks-innovatie-community (2023)", "nido-benchmark"]
