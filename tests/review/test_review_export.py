"""Export: one flat row per lab, corrections applied, CSV / XLSX / JSON lines."""

from __future__ import annotations

import csv
import datetime as dt
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
            "provenance": {"budget": {"page": 3, "text": "1,7 miljoen euro", "method": "rule:money.v1", "confidence": 0.4}},
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
    text = capsys.readouterr().out
    assert not text.startswith("\ufeff")  # a pipe goes to a program: no byte order mark
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == ["Gamma Hub", "Alpha Innovatie Lab", "Beta Lab"]
    alpha = rows[1]
    assert alpha["budget_amount"] == "1700000" and alpha["budget_currency"] == "EUR" and alpha["budget_period"] == "year"
    assert alpha["governance_bodies"] == "Programmaraad; Bestuur (9)"
    assert alpha["funding_sources"] == "ministeries; EU"
    assert alpha["budget_confidence"] == "0.4" and alpha["budget_page"] == "3" and alpha["budget_report"] == "sub/report"
    assert alpha["low_confidence_fields"] == "budget" and alpha["reports"] == "sub/report"
    assert alpha["record_key"] == "alpha innovatie lab" and alpha["staff_count"] == "7"
    beta = rows[2]
    assert beta["staff_count"] == "3" and beta["corrected_fields"] == "staff.count" and beta["budget_amount"] == ""
    assert beta["staff_confidence"] == "1.0"  # a person's value
    # A file for Excel: UTF-8 with a byte order mark, so accents read right on Windows.
    target = tmp_path / "labs.csv"
    assert main(["export", "--out", str(out), "--to", str(target)]) == ExitCode.ok
    assert capsys.readouterr().out == f"{target}\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(csv.DictReader(target.open(encoding="utf-8-sig"))) == rows


def test_per_file_rows(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = make_project(tmp_path)
    assert main(["export", "--out", str(out), "--per-file"]) == ExitCode.ok
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["name"], r["stem"], r["source_path"]) for r in rows] == [
        ("Gamma Hub", "single", "raw/single.pdf"), ("Alpha Innovatie Lab", "sub/report", "raw/sub/report.pdf"),
        ("Beta Lab", "sub/report", "raw/sub/report.pdf")]
    assert rows[1]["budget_confidence"] == "0.4" and rows[1]["budget_page"] == "3" and rows[1]["stale"] == "False"


def test_xlsx_without_to_marks_cells_and_says_where_it_went(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = make_project(tmp_path)
    capsys.readouterr()
    assert main(["export", "--format", "xlsx", "--out", str(out)]) == ExitCode.ok
    target = Path(capsys.readouterr().out.strip())
    assert target == tmp_path / f"labs-{dt.date.today().isoformat()}.xlsx" and target.is_file()
    # A second export never replaces the first (nor a file someone else gave that name).
    assert main(["export", "--format", "xlsx", "--out", str(out)]) == ExitCode.ok
    assert capsys.readouterr().out.strip() == str(tmp_path / f"labs-{dt.date.today().isoformat()}-2.xlsx")
    book = load_workbook(target)
    sheet = book["labs"]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}4"
    header = [c.value for c in sheet[1]]
    rows = {row[0].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)}
    alpha, beta = rows["Alpha Innovatie Lab"], rows["Beta Lab"]
    assert alpha["budget_amount"].value == 1_700_000 and alpha["founded_year"].value == 2018
    assert alpha["governance_bodies"].value == "Programmaraad; Bestuur (9)"
    # to review: low confidence, red, with the reason
    assert alpha["budget_amount"].fill.start_color.rgb.endswith("FFC7CE")
    assert "confidence 0.40" in alpha["budget_amount"].comment.text and "page 3" in alpha["budget_amount"].comment.text
    # corrected: green, who and the machine's value
    assert beta["staff_count"].value == 3 and beta["staff_count"].fill.start_color.rgb.endswith("C6EFCE")
    assert "corrected by alice" in beta["staff_count"].comment.text and "machine: None" in beta["staff_count"].comment.text
    assert alpha["name"].comment is None and alpha["name"].fill.fill_type is None
    assert "about" in book.sheetnames


def test_jsonl_keeps_lists(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = make_project(tmp_path)
    assert main(["export", "--format", "jsonl", "--out", str(out)]) == ExitCode.ok
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3
    assert rows[1]["governance_bodies"] == [{"name": "Programmaraad", "members": None}, {"name": "Bestuur", "members": 9}]
    assert rows[1]["funding_sources"] == ["ministeries", "EU"] and rows[1]["budget_amount"] == 1_700_000
    assert rows[2]["staff_count"] == 3 and rows[2]["corrected_fields"] == ["staff.count"]
    assert rows[1]["reports"] == ["sub/report"] and rows[1]["conflicts"] == []


def test_a_reports_year_comes_from_its_path() -> None:
    from extract.review.export.sources import year_of

    assert year_of("raw/2021/labs.pdf") == 2021 and year_of("raw/2019/oecd-labs-2023.pdf") == 2023
    assert year_of("raw/nido-benchmark.pdf") is None and year_of("raw/report-12345.pdf") is None


def test_a_report_without_a_budget_does_not_disagree_with_one_that_has_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "output"
    out.mkdir()
    with_budget = LabRecord.model_validate({"name": "Alpha Innovatie Lab", "acronym": "AIL", "staff": {"count": 7},
                                            "budget": {"amount": 1_700_000, "currency": "EUR", "period": "year"}})
    without = LabRecord.model_validate({"name": "Alpha Innovatie Lab", "acronym": "AIL", "staff": {"count": 9}})
    for stem, record in (("a", with_budget), ("b", without)):
        (out / f"{stem}.json").write_text(OutputFile(source=SourceInfo(path=f"raw/{stem}.pdf"),
                                                     records=[record]).model_dump_json())
    capsys.readouterr()
    assert main(["export", "--format", "jsonl", "--out", str(out)]) == ExitCode.ok
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # Only the staff counts differ: no budget in one report is no second budget.
    assert [c.split(":")[0] for c in row["conflicts"]] == ["staff"]
