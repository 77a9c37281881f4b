"""Export: one flat row per lab, corrections applied, CSV / XLSX / JSON lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from extract.cli import main
from extract.errors import ExitCode
from extract.models import LabRecord, OutputFile, SourceInfo
from extract.review.correct import add_correction


def make_project(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    records = [
        LabRecord.model_validate({
            "name": "Alpha Innovatie Lab", "acronym": "AIL", "country": "NL", "website": "https://www.alpha.example",
            "founded_year": 2018,
            "budget": {"amount": 1_700_000, "currency": "EUR", "period": "year", "amount_eur": 1_700_000, "raw": "1,7 miljoen euro"},
            "staff": {"count": 7, "raw": "7 medewerkers"},
            "governance": {"bodies": [{"name": "Programmaraad", "members": None}, {"name": "Bestuur", "members": 9}]},
            "funding_sources": ["ministeries", "EU"],
        }),
        LabRecord.model_validate({"name": "Beta Lab", "country": "PT"}),
    ]
    (out / "sub").mkdir(parents=True)
    (out / "sub" / "report.json").write_text(OutputFile(source=SourceInfo(path="raw/sub/report.pdf"), records=records).model_dump_json())
    (out / "single.json").write_text(OutputFile(source=SourceInfo(path="raw/single.pdf"),
                                                records=[LabRecord(name="Gamma Hub", country="FR")]).model_dump_json())
    add_correction(out, "sub/report", "Beta Lab", "staff.count", 3, by="alice")
    return out


def test_csv_to_stdout_and_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = make_project(tmp_path)
    assert main(["export", "--out", str(out)]) == ExitCode.ok
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["Gamma Hub", "Alpha Innovatie Lab", "Beta Lab"]
    alpha = rows[1]
    assert alpha["budget_amount"] == "1700000" and alpha["budget_currency"] == "EUR" and alpha["budget_period"] == "year"
    assert alpha["governance_bodies"] == "Programmaraad; Bestuur (9)"
    assert alpha["funding_sources"] == "ministeries; EU"
    assert alpha["source_path"] == "raw/sub/report.pdf" and alpha["stem"] == "sub/report"
    assert alpha["record_key"] == "alpha innovatie lab" and alpha["staff_count"] == "7"
    beta = rows[2]
    assert beta["staff_count"] == "3" and beta["corrected_fields"] == "staff.count" and beta["budget_amount"] == ""
    target = tmp_path / "labs.csv"
    assert main(["export", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    assert list(csv.DictReader(target.open())) == rows


def test_xlsx(tmp_path: Path) -> None:
    out = make_project(tmp_path)
    target = tmp_path / "labs.xlsx"
    assert main(["export", "--format", "xlsx", "--out", str(out)]) == ExitCode.usage  # needs --to
    assert main(["export", "--format", "xlsx", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    sheet = load_workbook(target).active
    values = list(sheet.values)
    header = list(values[0])
    rows = [dict(zip(header, row)) for row in values[1:]]
    assert len(rows) == 3
    alpha = rows[1]
    assert alpha["name"] == "Alpha Innovatie Lab" and alpha["budget_amount"] == 1_700_000 and alpha["founded_year"] == 2018
    assert alpha["governance_bodies"] == "Programmaraad; Bestuur (9)"
    assert rows[2]["staff_count"] == 3


def test_jsonl_keeps_lists(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = make_project(tmp_path)
    assert main(["export", "--format", "jsonl", "--out", str(out)]) == ExitCode.ok
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3
    assert rows[1]["governance_bodies"] == [{"name": "Programmaraad", "members": None}, {"name": "Bestuur", "members": 9}]
    assert rows[1]["funding_sources"] == ["ministeries", "EU"] and rows[1]["budget_amount"] == 1_700_000
    assert rows[2]["staff_count"] == 3 and rows[2]["corrected_fields"] == ["staff.count"]
