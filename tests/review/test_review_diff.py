"""Run-to-run diffs: exactly the changed fields, records matched by identity not position."""

from __future__ import annotations

import json
from pathlib import Path

from extract.cli import main
from extract.errors import ExitCode
from extract.models import LabRecord, OutputFile, SourceInfo
from extract.review.diff import diff_sides
from extract.store.files import sha256_file
from extract.store.runs import RunItem, RunManifest, write_manifest
from extract.store.snapshots import load_manifests, outputs_in_folder, snapshot_outputs


def lab(name: str, acronym: str | None, amount: float | None, *, staff: int | None = 4, conf: float = 0.9,
        text: str = "Budget: 340.000 euro", method: str = "rule:budget.v1") -> LabRecord:
    return LabRecord.model_validate({
        "name": name, "acronym": acronym, "country": "NL", "website": f"https://www.{name.split()[0].lower()}.example",
        "budget": None if amount is None else {"amount": amount, "currency": "EUR", "period": "year", "amount_eur": amount},
        "staff": None if staff is None else {"count": staff},
        "funding_sources": ["ministerie"],
        "provenance": {"budget": {"page": 2, "bbox": [72, 300, 300, 312], "text": text, "method": method, "confidence": conf},
                       "name": {"page": 1, "bbox": [72, 100, 200, 112], "text": name, "method": "rule:identity.v1", "confidence": 0.95}},
        "section": {"kind": "heading", "title": name, "pages": [1, 2]},
    })


def write(folder: Path, stem: str, records: list[LabRecord], extractors: dict[str, str] | None = None) -> Path:
    output = OutputFile(source=SourceInfo(path=f"raw/{stem}.pdf"), records=records, extractors=extractors or {"budget": "1"})
    path = folder / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output.model_dump_json(indent=2))
    return path


def three(amount_b: float = 1_700_000, conf: float = 0.9) -> list[LabRecord]:
    return [lab("Alpha Innovatie Lab", "AIL", 340_000), lab("Beta Lab", None, amount_b, conf=conf),
            lab("Gamma Centre", "GC", None)]


def test_only_changed_fields_are_reported_and_reordering_is_not_a_change(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, "report", three())
    # New run: records in another order, one budget changed, confidence of another field moved (not a change).
    changed = three(amount_b=1_750_000)
    changed[1] = lab("Beta Lab", None, 1_750_000, text="Budget: 1,75 miljoen euro", method="rule:budget.v2")
    changed[0] = lab("Alpha Innovatie Lab", "AIL", 340_000, conf=0.5)
    write(new, "report", [changed[2], changed[0], changed[1]], extractors={"budget": "2"})
    write(old, "same", three())
    write(new, "same", list(reversed(three())))

    result = diff_sides(outputs_in_folder(old), outputs_in_folder(new))
    by_stem = {f.stem: f for f in result.files}
    assert by_stem["same"].status == "unchanged"
    report = by_stem["report"]
    assert report.status == "changed"
    assert all(r.status == "matched" for r in report.records)
    changes = [(r.name, c.path) for r in report.records for c in r.changes]
    assert sorted(changes) == [("Beta Lab", "budget.amount"), ("Beta Lab", "budget.amount_eur")]
    change = next(c for r in report.records for c in r.changes if c.path == "budget.amount")
    assert (change.old, change.new) == (1_700_000, 1_750_000)
    assert change.old_text == "Budget: 340.000 euro" and change.new_text == "Budget: 1,75 miljoen euro"
    assert (change.old_method, change.new_method) == ("rule:budget.v1", "rule:budget.v2")
    assert report.extractors == {"budget": ["1", "2"]}
    assert report.summary() == "report: 3 matched (1 changed), 0 added, 0 removed; 2 changed fields"
    assert result.changed


def test_added_and_removed_records_and_files(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, "a/report", three())
    write(new, "a/report", [*three()[:2], lab("Delta Hub", "DH", 5)])
    write(old, "gone", three())
    write(new, "fresh", three())
    result = diff_sides(outputs_in_folder(old), outputs_in_folder(new))
    by_stem = {f.stem: f for f in result.files}
    statuses = sorted((r.status, r.name) for r in by_stem["a/report"].records)
    assert ("added", "Delta Hub") in statuses and ("removed", "Gamma Centre") in statuses
    assert by_stem["gone"].status == "removed" and by_stem["fresh"].status == "added"
    totals = result.totals()
    assert totals["records_added"] == 1 + 3 and totals["records_removed"] == 1 + 3


def test_field_filter(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, "r", three())
    write(new, "r", [lab("Alpha Innovatie Lab", "AIL", 340_000, staff=5), *three()[1:]])
    assert not diff_sides(outputs_in_folder(old), outputs_in_folder(new), fields=["budget"]).changed
    result = diff_sides(outputs_in_folder(old), outputs_in_folder(new), fields=["staff.count"])
    assert [c.path for r in result.files[0].records for c in r.changes] == ["staff.count"]


def test_cli_folders_exit_codes_and_formats(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    old, new = tmp_path / "old", tmp_path / "new"
    write(old, "r", three())
    write(new, "r", three(amount_b=2_000_000))
    assert main(["diff", str(old), str(old), "--fail-on-change"]) == ExitCode.ok
    capsys.readouterr()
    assert main(["diff", str(old), str(new), "--fail-on-change"]) == ExitCode.changed
    text = capsys.readouterr().out
    assert "budget.amount: 1700000 -> 2000000" in text
    assert text.strip().splitlines()[-1].startswith("total: 1 file changed")
    assert main(["diff", str(old), str(new), "--format", "json"]) == ExitCode.ok
    data = json.loads(capsys.readouterr().out)
    assert data["changed"] and data["totals"]["fields_changed"] == 2
    assert main(["diff", str(old), str(new), "--format", "html"]) == ExitCode.ok
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>") and "budget.amount" in page and "2000000" in page


def test_default_is_the_last_two_runs_from_snapshots(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "output"
    for run_id, amount in (("20260101T000000Z-a", 1_700_000), ("20260102T000000Z-b", 1_700_000), ("20260103T000000Z-c", 1_900_000)):
        path = write(out, "r", three(amount_b=amount))
        snapshot_outputs(out, run_id, [path])
        # A manifest as the batch writes it.
        write_manifest(out, RunManifest(run_id=run_id, started_at=run_id, output_dir=str(out), settings_hash="x", state="complete",
                                        files=[RunItem(path="r.pdf", status="ok", output=str(path), output_rel="r.json",
                                                       output_sha256=sha256_file(path))]))
    assert [m["run_id"] for m in load_manifests(out)][-1] == "20260103T000000Z-c"
    assert main(["diff", "--out", str(out), "--fail-on-change"]) == ExitCode.changed
    assert "run 20260102T000000Z-b -> run 20260103T000000Z-c" in capsys.readouterr().out
    assert main(["diff", "20260101T000000Z-a", "20260102T000000Z-b", "--out", str(out), "--fail-on-change"]) == ExitCode.ok
    # The output folder itself holds no stray files from the snapshots.
    assert sorted(p.name for p in out.glob("*.json")) == ["r.json"]


def test_a_run_version_without_snapshot_is_unavailable_not_added(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "output"
    path = write(out, "r", three())
    old_sha = sha256_file(path)
    for run_id, sha in (("20260101T000000Z-a", old_sha), ("20260102T000000Z-b", None)):
        if sha is None:
            path = write(out, "r", three(amount_b=5))
            sha = sha256_file(path)
        write_manifest(out, RunManifest(run_id=run_id, started_at=run_id, output_dir=str(out), settings_hash="x",
                                        files=[RunItem(path="r.pdf", status="ok", output_rel="r.json", output_sha256=sha)]))
    assert main(["diff", "--out", str(out), "--fail-on-change"]) == ExitCode.ok
    text = capsys.readouterr().out
    assert "r: file unavailable (no snapshot of the version written by run 20260101T000000Z-a)" in text


def test_snapshot_takes_the_batch_manifest_items(tmp_path: Path) -> None:
    out = tmp_path / "output"
    path = write(out, "a/r", three())
    items = [RunItem(path="a/r.pdf", status="ok", output="elsewhere/a/r.json", output_rel="a/r.json"),
             RunItem(path="bad.pdf", status="error", error_kind="corrupt")]
    index = snapshot_outputs(out, "20260101T000000Z-a", items)
    assert index == {"a/r": sha256_file(path)}
    assert (out / ".runs" / "objects" / f"{index['a/r']}.json").read_bytes() == path.read_bytes()
