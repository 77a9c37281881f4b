"""A batch over a fake pipeline: typed failures, limits, skipping, report, symlinks, pages on idle workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_inputs

from extract.batch.run import BatchOptions, discover_inputs, exit_code_for, run_batch
from extract.errors import ExitCode
from extract.models import OutputFile
from extract.settings import Settings
from extract.store.runs import list_runs, load_run

pytestmark = pytest.mark.usefixtures("fake_pipeline")


def options(tmp_path: Path, **extra) -> BatchOptions:
    raw = tmp_path / "raw"
    settings = Settings(workers=2, cache_dir=str(tmp_path / "cache"))
    if "timeout" in extra:
        settings = settings.model_copy(update={"limits": settings.limits.model_copy(
            update={"file_timeout_s": extra.pop("timeout")})})
    return BatchOptions(inputs=discover_inputs(raw, follow_symlinks=extra.pop("follow", False)),
                        out_dir=tmp_path / "output", settings=settings, input_dir=raw, workers=2,
                        cache_dir=tmp_path / "cache", corrections_dir=tmp_path / "corrections", progress="quiet",
                        **extra)


def by_path(manifest) -> dict:
    return {item.path: item for item in manifest.files}


def test_failures_are_typed_and_the_batch_goes_on(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {
        "a.pdf": "ok Alpha", "sub/b.pdf": "ok Beta", "c.pdf": "corrupt", "d.pdf": "exit",
        "e.pdf": "memory", "f.pdf": "sleep 60", "g.pdf": "ok Gamma",
    })
    report = tmp_path / "report.json"
    manifest = run_batch(options(tmp_path, timeout=2.0, report=report))
    items = by_path(manifest)
    assert {p: (i.status, i.error_kind) for p, i in items.items()} == {
        "a.pdf": ("ok", None), "sub/b.pdf": ("ok", None), "g.pdf": ("ok", None),
        "c.pdf": ("error", "corrupt"), "d.pdf": ("error", "internal"),
        "e.pdf": ("error", "too_large"), "f.pdf": ("error", "timeout"),
    }
    assert exit_code_for(manifest) == ExitCode.partial_failure
    # Outputs mirror the input folder; failures leave no output.
    out = tmp_path / "output"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if ".runs" not in p.parts) == [
        "a.json", "g.json", "sub/b.json"]
    assert OutputFile.model_validate_json((out / "sub" / "b.json").read_bytes()).records[0].name == "Beta"
    # The --report file has exactly the agreed shape.
    data = json.loads(report.read_text())
    assert set(data) == {"run_id", "files"} and data["run_id"] == manifest.run_id
    assert all(set(f) == {"path", "status", "error_kind", "message", "output", "records"} for f in data["files"])
    row = next(f for f in data["files"] if f["path"] == "sub/b.pdf")
    assert row == {"path": "sub/b.pdf", "status": "ok", "error_kind": None, "message": None,
                   "output": str(out / "sub" / "b.json"), "records": 1}
    # The manifest is on disk, complete, with hashes.
    saved = load_run(out, manifest.run_id)
    assert saved.state == "complete" and saved.settings_hash == Settings().result_hash()
    assert by_path(saved)["a.pdf"].output_sha256 and by_path(saved)["a.pdf"].input_sha256


def test_unchanged_inputs_are_skipped_and_force_reprocesses(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "ok Beta"})
    first = run_batch(options(tmp_path))
    assert [i.message for i in first.files] == [None, None]
    second = run_batch(options(tmp_path))
    assert [(i.status, i.message, i.records) for i in second.files] == [("ok", "unchanged", 1)] * 2
    assert exit_code_for(second) == ExitCode.ok
    write_inputs(tmp_path / "raw", {"b.pdf": "ok Beta changed"})
    third = by_path(run_batch(options(tmp_path)))
    assert third["a.pdf"].message == "unchanged" and third["b.pdf"].message is None
    (tmp_path / "corrections").mkdir()
    (tmp_path / "corrections" / "a.yml").write_text("x: 1\n")
    fourth = run_batch(options(tmp_path))
    # a's corrections changed: applied again without extraction; b's did not: untouched
    assert [i.message for i in fourth.files] == ["corrections re-applied", "unchanged"]
    forced = run_batch(options(tmp_path, force=True))
    assert [i.message for i in forced.files] == [None, None]
    runs = [r.run_id for r in list_runs(tmp_path / "output")]
    assert runs[0] == first.run_id and runs[-1] == forced.run_id and len(runs) == 5


def test_all_failed_exit_code(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "corrupt"})
    assert exit_code_for(run_batch(options(tmp_path))) == ExitCode.all_failed


def test_symlink_out_of_input_folder_is_skipped(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    write_inputs(tmp_path / "secret", {"s.pdf": "ok Secret"})
    (tmp_path / "raw" / "link.pdf").symlink_to(tmp_path / "secret" / "s.pdf")
    (tmp_path / "raw" / "inside.pdf").symlink_to(tmp_path / "raw" / "a.pdf")
    (tmp_path / "raw" / "dirlink").symlink_to(tmp_path / "secret")
    (tmp_path / "raw" / ".hidden.pdf").write_text("ok Hidden")
    (tmp_path / "raw" / "part.pdf.tmp").write_text("ok Temp")
    items = by_path(run_batch(options(tmp_path)))
    assert set(items) == {"a.pdf", "dirlink", "inside.pdf", "link.pdf", ".hidden.pdf"}
    assert (items[".hidden.pdf"].status, items[".hidden.pdf"].error_kind) == ("skipped", "skipped")
    assert (items["link.pdf"].status, items["link.pdf"].error_kind) == ("skipped", "skipped")
    assert items["dirlink"].status == "skipped"
    assert items["inside.pdf"].status == "ok"
    assert not (tmp_path / "output" / "link.json").exists()
    followed = by_path(run_batch(options(tmp_path, follow=True, force=True)))
    assert followed["link.pdf"].status == "ok" and followed["dirlink/s.pdf"].status == "ok"


def test_names_with_spaces_accents_dots_and_collisions(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"rapport été 2023.pdf": "ok A", "x.pdf": "ok X", "x.tiff": "ok Y",
                                    "..odd.pdf": "ok Z"})
    manifest = run_batch(options(tmp_path))
    outputs = {i.path: i.output_rel for i in manifest.files}
    assert outputs == {"rapport été 2023.pdf": "rapport été 2023.json", "x.pdf": "x.pdf.json",
                       "x.tiff": "x.tiff.json", "..odd.pdf": "__odd.json"}  # '..' names are read, sanitised
    assert all((tmp_path / "output" / rel).is_file() for rel in outputs.values())


def test_pages_of_a_lone_document_use_idle_workers(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"scan.pdf": "pages 12"})
    manifest = run_batch(options(tmp_path))
    assert manifest.files[0].pages == 12
    name = OutputFile.model_validate_json((tmp_path / "output" / "scan.json").read_bytes()).records[0].name
    assert len(name.split()) == 3, name  # "pids A B": both workers computed pages


def test_cache_is_filled_and_no_cache_works(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    run_batch(options(tmp_path))
    assert list((tmp_path / "cache").rglob("*.json"))
    opts = options(tmp_path, force=True)
    opts.cache_dir = None
    assert run_batch(opts).files[0].status == "ok"


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    (tmp_path / "output").mkdir()
    stale = tmp_path / "output" / ".a.json.1234abcd.tmp"
    stale.write_text("{partial")
    run_batch(options(tmp_path, resume=True))
    assert not stale.exists()


def test_a_forced_reprocess_of_files_all_in_the_cache_runs_without_workers(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17, item 7: nothing changed upstream, so no worker starts; a new file still goes to one."""
    import os

    calls = tmp_path / "calls.log"
    monkeypatch.setenv("EXTRACT_FAKE_LOG", str(calls))
    for name, text in (("a.pdf", "ok Alpha"), ("b.pdf", "ok Beta")):  # one at a time: each its cache entry
        write_inputs(tmp_path / "raw", {name: text})
        run_batch(options(tmp_path))
    first = {p.name: p.read_bytes() for p in (tmp_path / "output").glob("*.json")}
    assert {line.split()[1] for line in calls.read_text().splitlines()} != {str(os.getpid())}
    calls.write_text("")
    write_inputs(tmp_path / "raw", {"c.pdf": "ok Gamma"})
    manifest = run_batch(options(tmp_path, force=True))
    assert [(i.path, i.status) for i in manifest.files] == [("a.pdf", "ok"), ("b.pdf", "ok"), ("c.pdf", "ok")]
    where = dict(line.split() for line in calls.read_text().splitlines())
    assert where["a.pdf"] == where["b.pdf"] == str(os.getpid()) and where["c.pdf"] != str(os.getpid())
    assert {p.name: p.read_bytes() for p in (tmp_path / "output").glob("*.json") if p.name in first} == first
