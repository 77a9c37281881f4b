"""Hostile values and failing disks in exports and the review page (issue 15, items 6, 7, 9)."""

from __future__ import annotations

import csv
import io
import resource
import signal
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from extract.assemble.record import assemble_record
from extract.cli import main
from extract.errors import ExitCode
from extract.models import Candidate, LabRecord, OutputFile, Provenance, SourceInfo

HOSTILE = {
    "name": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "acronym": "+SUM(A1)",
    "role": "-2+3 and more",
    "funding_sources": ["@cmd|'/C calc'!A0", "ministeries"],
}


def _project(tmp_path: Path, copies: int = 1, **values: object) -> Path:
    out = tmp_path / "output"
    out.mkdir()
    records = [LabRecord.model_validate({**HOSTILE, **values})] * copies
    (out / "evil.json").write_text(OutputFile(source=SourceInfo(path="raw/evil.pdf"), records=records).model_dump_json())
    return out


def test_csv_cells_never_start_a_formula(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = _project(tmp_path)
    assert main(["export", "--out", str(out)]) == ExitCode.ok
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["name"] == "'" + HOSTILE["name"]
    assert row["acronym"] == "'+SUM(A1)" and row["role"] == "'-2+3 and more"
    assert row["funding_sources"] == "'@cmd|'/C calc'!A0; ministeries"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_xlsx_has_no_formula_cells(tmp_path: Path) -> None:
    out = _project(tmp_path)
    target = tmp_path / "labs.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    sheet = load_workbook(target).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    row = dict(zip(header, [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))], strict=True))
    assert row["name"] == "'" + HOSTILE["name"]


def test_a_control_character_neither_reaches_a_record_nor_stops_an_export(tmp_path: Path) -> None:
    prov = Provenance(page=1, bbox=(0, 0, 1, 1), text="Naam:\x00Delta\x07 Lab", method="rule:identity.v1", confidence=0.9)
    record = assemble_record([Candidate(field="name", value="Delta\x00Lab\x1b[2J", provenance=prov)])
    assert record.name == "Delta Lab[2J" and record.provenance["name"].text == "Naam: Delta Lab"
    # An output written before the fix still exports, with the character dropped.
    out = _project(tmp_path, name="Old\x00Lab\x0b", role="tab\there")
    target = tmp_path / "labs.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    sheet = load_workbook(target).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    row = dict(zip(header, [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))], strict=True))
    assert row["name"] == "Old Lab " and row["role"] == "tab\there"


def _full_disk(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_review_index_survives_a_full_disk(tmp_path: Path) -> None:
    out = _project(tmp_path, copies=200)
    review = tmp_path / "review"
    assert main(["review", "--out", str(out), "--to", str(review)]) == ExitCode.ok
    complete = (review / "index.html").read_bytes()
    assert complete.rstrip().endswith(b"</html>")
    largest_asset = max(p.stat().st_size for p in (review / "assets").iterdir())
    assert largest_asset < len(complete) // 2
    # A second run on a 'disk' that takes the assets but no file as large as half the page.
    proc = subprocess.run([sys.executable, "-m", "extract", "review", "--out", str(out), "--to", str(review)],
                          preexec_fn=lambda: _full_disk(len(complete) // 2), capture_output=True, text=True)
    assert proc.returncode != 0
    assert (review / "index.html").read_bytes() == complete
    assert not [p for p in review.rglob("*") if p.name.endswith(".tmp")]
