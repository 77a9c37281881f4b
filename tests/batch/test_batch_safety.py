"""Issue 15 in a batch (fake pipeline): what decides that an output is current, and how output
problems are reported."""

from __future__ import annotations

import csv
import io
import json
import resource
import shutil
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import cli_env, run_cli, write_inputs

from extract.batch.run import BatchOptions, discover_inputs, run_batch
from extract.errors import ExitCode
from extract.settings import Settings
from extract.store import fingerprint

pytestmark = pytest.mark.usefixtures("fake_pipeline")


def options(tmp_path: Path, **extra) -> BatchOptions:  # type: ignore[no-untyped-def]
    raw = tmp_path / "raw"
    return BatchOptions(inputs=discover_inputs(raw), out_dir=tmp_path / "output", settings=Settings(workers=1),
                        input_dir=raw, workers=1, cache_dir=None, corrections_dir=tmp_path / "corrections",
                        progress="quiet", **extra)


@pytest.mark.parametrize("edited", ["en.yml", "patterns/orgs.jsonl", "labels.yml"])
def test_an_edited_rule_file_makes_outputs_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: str) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(Path(fingerprint.__file__).parents[1] / "rules", rules)
    monkeypatch.setattr(fingerprint, "_rules_dir", lambda: rules)
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    assert run_batch(options(tmp_path)).files[0].message is None
    assert run_batch(options(tmp_path)).files[0].message == "unchanged"
    with (rules / edited).open("a", encoding="utf-8") as handle:
        handle.write("\n# a rule edited by hand\n" if not edited.endswith(".jsonl") else "\n")
    assert run_batch(options(tmp_path)).files[0].message is None  # reprocessed
    assert run_batch(options(tmp_path)).files[0].message == "unchanged"


# --------------------------------------------------------------------------- item 15: output problems


def _full_disk(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _no_traceback(done: subprocess.CompletedProcess) -> None:  # type: ignore[type-arg]
    assert "Traceback" not in done.stderr, done.stderr


def test_out_that_is_a_file_is_a_clear_error_with_a_report(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "ok Beta"})
    (tmp_path / "output").write_text("not a folder")
    done = run_cli(["batch", "raw", "--out", "output", "--workers", "1", "--report", "r.json"], tmp_path)
    assert done.returncode == ExitCode.cannot_write, done.stderr
    _no_traceback(done)
    assert "--out output is a file, not a folder" in done.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert [(f["path"], f["status"], f["error_kind"]) for f in report["files"]] == [
        ("a.pdf", "error", "output"), ("b.pdf", "error", "output")]


def test_a_disk_that_fills_during_the_run_fails_the_run_cleanly(tmp_path: Path) -> None:
    big = "ok " + "Z" * 20_000  # an output of about 20 KB; the manifest and report stay far smaller
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": big, "c.pdf": "ok Gamma"})
    done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--out", "output", "--workers", "1",
                           "--report", "r.json"], cwd=tmp_path, env=cli_env(), capture_output=True, text=True,
                          preexec_fn=lambda: _full_disk(12_000), timeout=300)
    assert done.returncode == ExitCode.cannot_write, done.stderr
    _no_traceback(done)
    assert "the file is too large" in done.stderr or "disk is full" in done.stderr
    report = {f["path"]: f for f in json.loads((tmp_path / "r.json").read_text())["files"]}
    assert report["b.pdf"]["error_kind"] == "output" and report["a.pdf"]["status"] == "ok"
    manifest = sorted((tmp_path / "output" / ".runs").glob("*.json"))
    state = json.loads(manifest[0].read_text())
    assert state["state"] == "failed" and state["failure"].startswith("output: ")
    out = tmp_path / "output"
    assert not (out / "b.json").exists() and not list(out.rglob("*.tmp"))


@pytest.fixture
def read_only_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder no file can be created in: chmod for a user; for root a read-only tmpfs, else skip."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except OSError:
        yield folder
        folder.chmod(0o755)
        return
    probe.unlink()
    folder.chmod(0o755)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder here (root without mount rights)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_a_read_only_output_folder_is_a_clear_error(tmp_path: Path, read_only_folder: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    done = run_cli(["batch", "raw", "--out", str(read_only_folder), "--workers", "1", "--report", "r.json"], tmp_path)
    assert done.returncode == ExitCode.cannot_write, done.stderr
    _no_traceback(done)
    assert "read-only" in done.stderr or "permission denied" in done.stderr
    assert json.loads((tmp_path / "r.json").read_text())["files"][0]["error_kind"] == "output"


def test_export_to_a_folder_and_a_very_long_stem_are_clear_errors(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    (tmp_path / "labs").mkdir()
    done = run_cli(["export", "--out", "output", "--to", "labs"], tmp_path)
    assert done.returncode == ExitCode.cannot_write and "--to labs is a folder" in done.stderr
    _no_traceback(done)
    done = run_cli(["correct", "--out", "output", "x" * 400, "0", "name", "X"], tmp_path)
    assert done.returncode == ExitCode.usage and "too long" in done.stderr
    _no_traceback(done)


# --------------------------------------------------------------------------- item 16: names on the terminal


HOSTILE_NAME = "\x1b]0;pwned\x07\x1b[2J[reverse]evil\u202etxt.pdf"


def test_file_names_are_escaped_on_the_terminal(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {HOSTILE_NAME: "corrupt", "fine.pdf": "ok Fine"})
    done = run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path)
    assert done.returncode == ExitCode.partial_failure, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\u202e" not in done.stderr
    assert "\\x1b]0;pwned\\x07\\x1b[2J[reverse]evil\\u202etxt.pdf" in done.stderr
    as_json = run_cli(["--log-json", "batch", "raw", "--out", "output", "--workers", "1", "--force"], tmp_path)
    assert "\x1b" not in as_json.stderr and "\u202e" not in as_json.stderr
    assert any(json.loads(line).get("path", "").startswith("\x1b") for line in as_json.stderr.splitlines()
               if line.startswith("{"))  # JSON keeps the name exact, only encoded


def test_the_progress_bar_prints_a_name_as_text_not_markup() -> None:
    from rich.console import Console

    from extract.batch.progress import failure_line

    console = Console(record=True, width=200, force_terminal=False)
    console.print(failure_line(HOSTILE_NAME, "corrupt", "damaged"), highlight=False)
    shown = console.export_text()
    assert "[reverse]evil" in shown and "\x1b" not in shown


def test_nfc_and_nfd_spellings_are_one_output(tmp_path: Path) -> None:
    nfc, nfd = unicodedata.normalize("NFC", "café.pdf"), unicodedata.normalize("NFD", "café.pdf")
    assert nfc != nfd
    write_inputs(tmp_path / "raw", {nfc: "ok Cafe"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    (tmp_path / "raw" / nfc).rename(tmp_path / "raw" / nfd)  # the same file, copied from a Mac
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    names = sorted(p.name for p in (tmp_path / "output").glob("*.json"))
    assert names == [unicodedata.normalize("NFC", "café.json")]


# --------------------------------------------------------------------------- item 8: stable output names


def _outputs(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if not p.relative_to(out).parts[0].startswith("."))


def test_a_sibling_does_not_rename_an_output_and_corrections_keep_applying(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    assert run_cli(["correct", "--out", "output", "a", "0", "founded_year", "2018"], tmp_path).returncode == 0
    write_inputs(tmp_path / "raw", {"a.tiff": "ok Alpha scan"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    out = tmp_path / "output"
    assert _outputs(out) == ["a.json", "a.tiff.json"]
    alpha = json.loads((out / "a.json").read_text())
    assert alpha["source"]["path"].endswith("a.pdf") and alpha["records"][0]["founded_year"] == 2018


def test_ingest_and_batch_give_a_file_the_same_name(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"x.pdf": "ok X", "x.tiff": "ok X scan"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    done = run_cli(["ingest", "raw/x.pdf", "--out", "output", "--workers", "1"], tmp_path)
    assert done.returncode == 0 and done.stdout.strip().endswith("x.pdf.json")
    assert _outputs(tmp_path / "output") == ["x.pdf.json", "x.tiff.json"]


def test_stale_outputs_are_reported_and_not_exported(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "ok Beta"})
    assert run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path).returncode == 0
    (tmp_path / "raw" / "b.pdf").rename(tmp_path / "raw" / "c.pdf")  # renamed
    done = run_cli(["batch", "raw", "--out", "output", "--workers", "1"], tmp_path)
    assert done.returncode == 0 and "stale" in done.stderr and "b" in done.stderr
    manifest = max((tmp_path / "output" / ".runs").glob("*.json"))
    assert json.loads(manifest.read_text())["stale"] == ["b"]
    exported = run_cli(["export", "--out", "output", "--per-file"], tmp_path)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert sorted(r["name"] for r in rows) == ["Alpha", "Beta"]  # a and c (whose record is named Beta); the stale b left out
    assert [r["stem"] for r in rows if r["stem"] == "b"] == []
    assert "1 stale output(s) left out" in exported.stderr
