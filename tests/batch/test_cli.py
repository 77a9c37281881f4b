"""The commands as users run them: lock, kill -9 and --resume, ingest, cache, start-up imports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import cli_env, run_cli, write_inputs

from extract.errors import ExitCode
from extract.models import OutputFile
from extract.store.locking import OutputLock
from extract.store.runs import list_runs

HEAVY = ("spacy", "pdfplumber", "pytesseract", "cv2", "dask", "distributed", "rich", "pypdfium2", "numpy")


@pytest.mark.parametrize("argv", [["--help"], ["batch", "--help"], ["ingest", "--help"], ["cache", "--help"]])
def test_help_imports_no_heavy_modules(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from extract.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_second_batch_on_locked_output_exits_locked(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    with OutputLock(tmp_path / "output"):
        done = run_cli(["batch", "raw", "--quiet", "--workers", "1"], tmp_path)
    assert done.returncode == ExitCode.locked
    assert f"pid {os.getpid()}" in done.stderr
    assert not (tmp_path / "output" / "a.json").exists()
    again = run_cli(["batch", "raw", "--quiet", "--workers", "1"], tmp_path)
    assert again.returncode == ExitCode.ok, again.stderr


def test_missing_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cli(["batch", "nowhere", "--quiet"], tmp_path)
    assert done.returncode == ExitCode.usage
    assert "does not exist" in done.stderr


def test_ingest_prints_output_paths_and_cache_commands(tmp_path: Path) -> None:
    write_inputs(tmp_path, {"one.pdf": "ok One", "two.pdf": "corrupt"})
    done = run_cli(["ingest", "one.pdf", "two.pdf", "--out", "out", "--workers", "1",
                    "--cache-dir", "c", "--report", "r.json"], tmp_path)
    assert done.returncode == ExitCode.partial_failure, done.stderr
    assert done.stdout.splitlines() == [str(Path("out") / "one.json")]
    assert "[corrupt] two.pdf" in done.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert [f["status"] for f in report["files"]] == ["ok", "error"]
    info = run_cli(["cache", "info", "--cache-dir", "c"], tmp_path)
    assert "1 entries" in info.stdout
    assert run_cli(["cache", "prune", "--cache-dir", "c"], tmp_path).returncode == ExitCode.usage
    kept = run_cli(["cache", "prune", "--cache-dir", "c", "--older-than", "30", "--max-size", "100"], tmp_path)
    assert kept.returncode == 0 and "removed 0 cache entries" in kept.stdout and "1 left" in kept.stdout
    cleared = run_cli(["cache", "clear", "--cache-dir", "c"], tmp_path)
    assert cleared.returncode == 0 and "removed 1" in cleared.stdout
    assert "0 entries" in run_cli(["cache", "info", "--cache-dir", "c"], tmp_path).stdout


def test_ingest_of_a_file_in_the_input_folder_writes_the_output_the_batch_writes(tmp_path: Path) -> None:
    """A report added in a sub-folder of raw/ and ingested (job 1) has one output, the batch's,
    not a second one named after the bare file name that the next batch would call stale."""
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "2026/new.pdf": "ok New"})
    first = run_cli(["ingest", "raw/2026/new.pdf", "--workers", "1", "--quiet"], tmp_path)  # before any batch
    assert first.returncode == ExitCode.ok, first.stderr
    assert first.stdout.splitlines() == [str(Path("output") / "2026" / "new.json")]
    assert run_cli(["batch", "raw", "--workers", "1", "--quiet"], tmp_path).returncode == ExitCode.ok
    again = run_cli(["ingest", "raw/2026/new.pdf", "--workers", "1", "--quiet"], tmp_path)
    assert again.stdout.splitlines() == [str(Path("output") / "2026" / "new.json")]
    outputs = sorted(p.relative_to(tmp_path / "output").as_posix() for p in (tmp_path / "output").rglob("*.json")
                     if not any(part.startswith(".") for part in p.relative_to(tmp_path / "output").parts))
    assert outputs == ["2026/new.json", "a.json"]
    last = list_runs(tmp_path / "output")[-1]
    assert last.command == "ingest"
    batch = run_cli(["batch", "raw", "--workers", "1"], tmp_path)
    assert "stale" not in batch.stderr and "2 ok (2 unchanged)" in batch.stderr, batch.stderr
    # A batch over another folder: its files are named as that batch names them.
    write_inputs(tmp_path / "archive", {"old/b.pdf": "ok Beta"})
    assert run_cli(["batch", "archive", "--out", "out2", "--workers", "1", "--quiet"], tmp_path).returncode == 0
    write_inputs(tmp_path / "archive", {"old/c.pdf": "ok Gamma"})
    elsewhere = run_cli(["ingest", "archive/old/c.pdf", "--out", "out2", "--workers", "1", "--quiet"], tmp_path)
    assert elsewhere.stdout.splitlines() == [str(Path("out2") / "old" / "c.json")]
    # Outside every input folder: the file name, as before.
    write_inputs(tmp_path / "inbox", {"d.pdf": "ok Delta"})
    loose = run_cli(["ingest", "inbox/d.pdf", "--workers", "1", "--quiet"], tmp_path)
    assert loose.stdout.splitlines() == [str(Path("output") / "d.json")]


def _all_outputs_valid(out: Path) -> list[str]:
    names = []
    for path in out.rglob("*.json"):
        if ".runs" in path.parts or ".cache" in path.parts:  # manifests, snapshots, cache entries
            json.loads(path.read_bytes())
            continue
        OutputFile.model_validate_json(path.read_bytes())  # never partial
        names.append(path.name)
    return sorted(names)


@pytest.mark.slow
def test_kill_9_mid_run_then_resume(tmp_path: Path) -> None:
    files = {f"f{i:02d}.pdf": "sleep 0.4" for i in range(16)}
    write_inputs(tmp_path / "raw", files)
    proc = subprocess.Popen([sys.executable, "-m", "extract", "batch", "raw", "--workers", "2", "--quiet"],
                            cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    out = tmp_path / "output"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_all_outputs_valid(out) if out.exists() else []) < 3:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, as a crash or an OOM kill would
    proc.wait(10)
    done_before = _all_outputs_valid(out)
    assert 3 <= len(done_before) < 16
    assert [run.state for run in list_runs(out)] == ["running"]
    resumed = run_cli(["batch", "raw", "--resume", "--workers", "2", "--report", "r.json"], tmp_path)
    assert resumed.returncode == ExitCode.ok, resumed.stderr
    assert _all_outputs_valid(out) == sorted(f"f{i:02d}.json" for i in range(16))
    assert not list(out.rglob("*.tmp"))
    report = json.loads((tmp_path / "r.json").read_text())
    unchanged = [f for f in report["files"] if f["message"] == "unchanged"]
    assert len(unchanged) >= len(done_before)
    runs = list_runs(out)
    assert runs[-1].state == "complete" and runs[-1].resumed_from == runs[0].run_id


def test_log_json_mode_writes_json_lines_and_keeps_stdout_clean(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "corrupt"})
    done = run_cli(["--log-json", "batch", "raw", "--workers", "1"], tmp_path)
    assert done.returncode == ExitCode.partial_failure, done.stderr
    assert done.stdout == ""
    entries = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    per_file = [e for e in entries if e.get("event") == "file_done"]
    assert {e["path"] for e in per_file} == {"a.pdf", "b.pdf"}
    assert any(e.get("kind") == "corrupt" for e in per_file)
    assert any(e.get("event") == "summary" and "[corrupt] b.pdf" in e["message"] for e in entries)
