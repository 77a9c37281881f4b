"""Corrections: kept outside the output, applied on every run, flagged when the machine value moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from extract.assemble.corrections import apply_corrections, load_corrections, strip_corrections
from extract.cli import main
from extract.errors import ConfigError, ExitCode
from extract.models import LabRecord, OutputFile, SourceInfo
from extract.review.correct import add_correction
from extract.review.corrections import score_corrections
from extract.review.diff import diff_files

NOW = dt.datetime(2026, 11, 28, 20, 15, tzinfo=dt.UTC)


def lab(name: str, acronym: str | None, amount: float | None, *, country: str = "NL", staff: int | None = 4) -> LabRecord:
    return LabRecord.model_validate({
        "name": name, "acronym": acronym, "country": country, "website": f"https://www.{name.split()[0].lower()}.example",
        "budget": None if amount is None else {"amount": amount, "currency": "EUR", "period": "year", "amount_eur": amount},
        "staff": None if staff is None else {"count": staff},
        "provenance": {"budget": {"page": 2, "bbox": [72, 300, 300, 312], "text": f"Budget: {amount} euro",
                                  "method": "rule:budget.v1", "confidence": 0.7}},
    })


def machine_output(amount: float = 34_000, staff: int = 4, *, reorder: bool = False) -> OutputFile:
    records = [lab("Alpha Innovatie Lab", "AIL", amount, staff=staff), lab("Beta Lab", None, 1_700_000, country="PT")]
    if reorder:
        records.reverse()
    return OutputFile(source=SourceInfo(path="raw/report.pdf"), records=records)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    out.mkdir()
    (out / "report.json").write_text(machine_output().model_dump_json(indent=2))
    return tmp_path


def record_named(output: OutputFile, name: str) -> LabRecord:
    return next(r for r in output.records if r.name == name)


def test_correction_survives_reprocessing_and_is_flagged_when_the_machine_moves(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    result = add_correction(out, "report", "AIL", "budget.amount", 340_000, by="alice", now=NOW)
    assert result.path == corr / "report.yml" and result.machine_value == 34_000 and result.status == "corrected"
    # Applied at once to the current output.
    current = OutputFile.model_validate_json((out / "report.json").read_text())
    alpha = record_named(current, "Alpha Innovatie Lab")
    assert alpha.budget is not None and alpha.budget.amount == 340_000
    entry = alpha.corrections["budget.amount"]
    assert entry.machine_value == 34_000 and entry.by == "alice" and entry.needs_review is False
    assert entry.at == "2026-11-28T20:15:00Z" and entry.status == "corrected"
    assert entry.machine_provenance is not None and entry.machine_provenance.method == "rule:budget.v1"
    assert alpha.provenance["budget.amount"].method == "correction:alice"
    assert alpha.provenance["budget.amount"].confidence == 1.0

    # A new run with the same machine value (records reordered, another field changed): kept, not flagged.
    rerun = apply_corrections(machine_output(staff=5, reorder=True), "report", corr)
    alpha = record_named(rerun, "Alpha Innovatie Lab")
    assert alpha.budget is not None and alpha.budget.amount == 340_000 and alpha.staff is not None and alpha.staff.count == 5
    assert alpha.corrections["budget.amount"].needs_review is False

    # A rule change moves the machine value under the correction: value kept, machine value beside it, flagged.
    moved = apply_corrections(machine_output(amount=35_000), "report", corr)
    alpha = record_named(moved, "Alpha Innovatie Lab")
    assert alpha.budget is not None and alpha.budget.amount == 340_000
    entry = alpha.corrections["budget.amount"]
    assert (entry.machine_value, entry.machine_value_at_correction, entry.needs_review) == (35_000, 34_000, True)
    # diff flags it: the shown value is the same, the machine's own value moved.
    change = diff_files("report", apply_corrections(machine_output(), "report", corr), moved)
    flagged = [(c.path, c.kind, c.needs_review, c.old, c.new) for r in change.records for c in r.changes]
    # (The euro amount follows the corrected amount: its own machine value moved too, and is shown as such.)
    assert flagged == [("budget.amount", "machine", True, 34_000, 35_000),
                       ("budget.amount_eur", "machine", False, 34_000, 35_000)]
    # The YAML file was never touched by the runs.
    assert load_corrections(corr / "report.yml")["records"]["alpha innovatie lab"]["fields"]["budget.amount"]["machine_value"] == 34_000


def test_apply_is_idempotent_and_strippable(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    add_correction(out, "report", "Beta Lab", "website", "https://beta.example/lab", by="bob", now=NOW)
    machine = machine_output()
    once = apply_corrections(machine, "report", corr)
    twice = apply_corrections(once, "report", corr)
    assert once.model_dump() == twice.model_dump()
    assert strip_corrections(once).model_dump() == machine.model_dump()


def test_hand_edited_file_is_applied_and_its_comments_and_entries_kept(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    corr.mkdir()
    (corr / "report.yml").write_text(
        "# Checked against the printed report, p. 3.\n"
        "records:\n"
        "  AIL:               # keyed by the acronym, typed by hand\n"
        "    fields:\n"
        "      staff.count: 6\n"
        "      founded_year: {value: 2018, status: confirmed}\n")
    applied = apply_corrections(machine_output(), "report", corr)
    alpha = record_named(applied, "Alpha Innovatie Lab")
    assert alpha.staff is not None and alpha.staff.count == 6 and alpha.founded_year == 2018
    assert alpha.corrections["founded_year"].status == "confirmed"
    assert alpha.corrections["staff.count"].needs_review is False  # no machine value recorded by hand
    # `extract correct` on the same file keeps the comment block and the hand-written entries.
    assert main(["correct", "report", "Beta Lab", "country", "ES", "--out", str(out), "--by", "carol"]) == ExitCode.ok
    text = (corr / "report.yml").read_text()
    assert text.startswith("# Checked against the printed report, p. 3.\n")
    data = yaml.safe_load(text)
    assert data["records"]["AIL"]["fields"]["staff.count"] == {"value": 6, "status": "corrected"}
    assert data["records"]["beta lab"]["fields"]["country"]["value"] == "ES"
    assert data["records"]["beta lab"]["fields"]["country"]["machine_value"] == "PT"
    current = OutputFile.model_validate_json((out / "report.json").read_text())
    assert record_named(current, "Beta Lab").country == "ES"
    assert record_named(current, "Alpha Innovatie Lab").staff.count == 6  # type: ignore[union-attr]


def test_orphaned_correction_is_kept_and_reported(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    add_correction(out, "report", "Beta Lab", "staff.count", 9, by="dan", now=NOW)
    before = (corr / "report.yml").read_text()
    # The next run no longer finds that lab.
    gone = OutputFile(source=SourceInfo(path="raw/report.pdf"), records=[lab("Alpha Innovatie Lab", "AIL", 34_000)])
    applied = apply_corrections(gone, "report", corr)
    assert any("Beta Lab" in w and "orphaned" in w for w in applied.warnings)
    assert (corr / "report.yml").read_text() == before


def test_values_are_validated_and_parsed_as_json(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, corr = project / "output", project / "corrections"
    with pytest.raises(ConfigError, match="country"):
        add_correction(out, "report", "AIL", "country", "Atlantis", by="x")
    assert not (corr / "report.yml").exists()
    assert main(["correct", "report", "0", "country", "Atlantis", "--out", str(out)]) == ExitCode.usage
    assert main(["correct", "report", "AIL", "no_such_field", "1", "--out", str(out)]) == ExitCode.usage
    assert main(["correct", "report", "Nobody", "country", "NL", "--out", str(out)]) == ExitCode.usage
    assert main(["correct", "report", "1", "budget", "null", "--out", str(out)]) == ExitCode.ok
    assert main(["correct", "report", "AIL", "governance.bodies", '{"name": "Raad van Toezicht", "members": 5}',
                 "--out", str(out)]) == ExitCode.ok
    assert main(["correct", "report", "AIL", "staff.count", "--confirm", "--out", str(out), "--by", "eve"]) == ExitCode.ok
    current = OutputFile.model_validate_json((out / "report.json").read_text())
    alpha, beta = record_named(current, "Alpha Innovatie Lab"), record_named(current, "Beta Lab")
    assert beta.budget is None and beta.corrections["budget"].machine_value["amount"] == 1_700_000
    assert alpha.governance is not None and alpha.governance.bodies[0].name == "Raad van Toezicht"
    assert alpha.governance.bodies[0].members == 5
    assert alpha.corrections["staff.count"].status == "confirmed" and alpha.staff.count == 4  # type: ignore[union-attr]
    printed = capsys.readouterr()
    assert "confirmed: Alpha Innovatie Lab staff.count = 4;" in printed.out
    assert "(machine:" not in printed.out.split("confirmed:")[-1]  # a confirmed value is said once
    # A lab the file does not hold is named as such, not as a configuration problem.
    assert "no_such_record: no record matches 'Nobody'" in printed.err


def test_broken_yaml_is_never_overwritten(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    corr.mkdir()
    (corr / "report.yml").write_text("records: [unclosed\n")
    applied = apply_corrections(machine_output(), "report", corr)
    assert any("corrections not applied" in w for w in applied.warnings)
    with pytest.raises(ConfigError, match="fix the YAML"):
        add_correction(out, "report", "AIL", "staff.count", 5)
    assert (corr / "report.yml").read_text() == "records: [unclosed\n"


def test_corrections_score_the_machine_values(project: Path) -> None:
    out, corr = project / "output", project / "corrections"
    add_correction(out, "report", "AIL", "budget.amount", 340_000, now=NOW)   # machine wrong: fp + fn
    add_correction(out, "report", "AIL", "staff.count", None, confirm=True, now=NOW)  # placeholder, replaced below
    add_correction(out, "report", "AIL", "staff.count", 4, confirm=True, now=NOW)  # machine right: tp
    add_correction(out, "report", "Beta Lab", "founded_year", 2020, now=NOW)  # machine null: fn
    add_correction(out, "report", "Beta Lab", "website", None, now=NOW)  # machine has one, person says none: fp
    evaluation = score_corrections(out, corr)
    rows = evaluation.scores
    assert (rows["budget.amount"].tp, rows["budget.amount"].fp, rows["budget.amount"].fn) == (0, 1, 1)
    assert (rows["staff.count"].tp, rows["staff.count"].fp, rows["staff.count"].fn) == (1, 0, 0)
    assert (rows["founded_year"].tp, rows["founded_year"].fn) == (0, 1)
    assert rows["website"].fp == 1
    assert all(rows[f].tp + rows[f].fp + rows[f].fn == 0 for f in ("country", "name", "budget.currency"))
    overall = evaluation.overall
    assert (overall.tp, overall.fp, overall.fn) == (1, 2, 2)
    assert overall.precision == pytest.approx(1 / 3) and overall.recall == pytest.approx(1 / 3)
    assert {m.field for m in evaluation.mismatches} == {"budget.amount", "founded_year", "website"}


def test_eval_command_scores_corrections(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = project / "output"
    add_correction(out, "report", "AIL", "staff.count", 4, confirm=True, now=NOW)
    add_correction(out, "report", "Beta Lab", "governance.parent", "Ministerie", now=NOW)  # outside eval's field list
    assert main(["eval", "--corrections", "--out", str(out)]) == ExitCode.ok
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("overall field F1: 0.6667")
    assert any(line.startswith("staff.count") for line in lines)


def test_correct_waits_for_no_batch_and_keeps_the_runs_version(project: Path) -> None:
    from extract.store.files import sha256_file
    from extract.store.locking import OutputLock
    from extract.store.snapshots import load_output, outputs_of_run

    out = project / "output"
    run_sha = sha256_file(out / "report.json")
    with OutputLock(out):
        assert main(["correct", "report", "AIL", "staff.count", "5", "--out", str(out)]) == ExitCode.locked
    assert not (project / "corrections").exists()
    assert main(["correct", "report", "AIL", "staff.count", "5", "--out", str(out)]) == ExitCode.ok
    # The run's own version is still readable for diffs although the output file was rewritten.
    manifest = {"run_id": "r1", "files": [{"path": "report.pdf", "status": "ok", "output_rel": "report.json",
                                           "output_sha256": run_sha}]}
    kept = outputs_of_run(out, manifest)["report"]
    assert kept is not None and kept.records[0].staff is not None and kept.records[0].staff.count == 4
    assert load_output(out / "report.json").records[0].staff.count == 5  # type: ignore[union-attr]


def test_a_corrected_amount_or_currency_carries_the_euro_amount_with_it(project: Path) -> None:
    out = project / "output"
    add_correction(out, "report", "AIL", "budget.amount", 350_000, by="alice", now=NOW)
    alpha = record_named(OutputFile.model_validate_json((out / "report.json").read_text()), "Alpha Innovatie Lab")
    assert alpha.budget is not None and (alpha.budget.amount, alpha.budget.amount_eur) == (350_000, 350_000)
    # Another currency: the machine's conversion was of the old figure, so none is given ...
    add_correction(out, "report", "AIL", "budget.currency", "SEK", by="alice", now=NOW)
    alpha = record_named(OutputFile.model_validate_json((out / "report.json").read_text()), "Alpha Innovatie Lab")
    assert alpha.budget is not None and (alpha.budget.currency, alpha.budget.amount_eur) == ("SEK", None)
    # ... unless the user gives it, whatever the order the corrections are applied in.
    add_correction(out, "report", "AIL", "budget.amount_eur", 31_000, by="alice", now=NOW)
    add_correction(out, "report", "AIL", "budget.amount", 360_000, by="alice", now=NOW)
    alpha = record_named(OutputFile.model_validate_json((out / "report.json").read_text()), "Alpha Innovatie Lab")
    assert alpha.budget is not None and (alpha.budget.amount, alpha.budget.amount_eur) == (360_000, 31_000)
