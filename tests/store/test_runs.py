"""Run manifests, the stable list/load API, the report and the progress lines."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from extract.batch.progress import BatchProgress, choose_mode
from extract.errors import OutputLockedError
from extract.store.locking import OutputLock
from extract.store.runs import (
    RunItem,
    RunManifest,
    latest_runs,
    list_runs,
    load_run,
    new_run_id,
    report_data,
    summary_lines,
    utc_now,
    write_manifest,
)


def manifest(run_id: str, *items: RunItem) -> RunManifest:
    return RunManifest(run_id=run_id, started_at=utc_now(), output_dir="out", settings_hash="abc", files=list(items))


def test_run_ids_sort_in_time_order() -> None:
    ids = [new_run_id() for _ in range(5)]
    assert ids == sorted(ids) and len(set(ids)) == 5


def test_list_and_load_runs(tmp_path: Path) -> None:
    first, second = manifest("20260101T000000.000000Z-aaaa"), manifest("20260102T000000.000000Z-bbbb")
    write_manifest(tmp_path, second)
    write_manifest(tmp_path, first)
    (tmp_path / ".runs" / "broken.json").write_text("{not json")
    assert [r.run_id for r in list_runs(tmp_path)] == [first.run_id, second.run_id]
    assert [r.run_id for r in latest_runs(tmp_path, 1)] == [second.run_id]
    assert load_run(tmp_path, second.run_id) == second
    assert load_run(tmp_path, "20260101").run_id == first.run_id
    with pytest.raises(KeyError):
        load_run(tmp_path, "2026")
    assert list_runs(tmp_path / "nowhere") == []


def test_report_and_summary_list_each_failure_with_its_kind() -> None:
    run = manifest(
        "r1",
        RunItem(path="a.pdf", status="ok", output="out/a.json", records=2, pages=3),
        RunItem(path="b.pdf", status="ok", message="unchanged", output="out/b.json", records=1),
        RunItem(path="c.pdf", status="error", error_kind="encrypted", message="needs a password"),
        RunItem(path="d.pdf", status="skipped", error_kind="skipped", message="symbolic link"),
    )
    data = report_data(run)
    assert data["files"][2] == {"path": "c.pdf", "status": "error", "error_kind": "encrypted",
                                "message": "needs a password", "output": None, "records": 0}
    lines = summary_lines(run)
    assert "[encrypted] c.pdf: needs a password" in lines[0]
    assert "[skipped] d.pdf" in lines[1]
    assert lines[-2].startswith("4 file(s): 2 ok (1 unchanged), 1 failed, 1 skipped; 3 page(s)")
    # where the results went: the folder, records and files there, and the report when one was asked for
    assert lines[-1] == "output: 3 record(s) in 2 file(s) under out (1 written by this run, 1 up to date)"
    assert summary_lines(run, report=Path("report.json"))[-1].endswith("; report: report.json")


def test_progress_lines_mode_logs_one_line_per_file(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="extract.batch.progress")
    with BatchProgress(2, "lines") as progress:
        progress.file_done("a.pdf", "ok", pages=4, seconds=1.0)
        progress.file_done("b.pdf", "error", kind="corrupt", message="damaged")
    messages = [r.getMessage() for r in caplog.records if r.name == "extract.batch.progress"]
    assert messages == ["[1/2] ok a.pdf (1.0 s)", "[2/2] error b.pdf [corrupt] damaged (0.0 s)"]
    assert progress.pages_done == 4
    assert choose_mode(quiet=True) == "quiet" and choose_mode(quiet=False, log_json=True) == "lines"


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    with OutputLock(tmp_path), pytest.raises(OutputLockedError, match="pid"):
        OutputLock(tmp_path).acquire()
    with OutputLock(tmp_path):
        pass
