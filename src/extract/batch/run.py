"""Planning and running a batch: which inputs, which outputs, what to skip, and the run record.

    discover_inputs(raw_dir)        every regular file under the folder, sorted (hidden and *.tmp left out,
                                    symbolic links leaving the folder reported as skipped)
    run_batch(options)              lock the output folder; name each output (store.names: the name it had); skip
                                    inputs whose output is current; run the rest on an executor; write the
                                    manifest (OUT/.runs/<run_id>.json) and the --report file
    handle_task(payload, ...)       what a worker does for one file: process, apply corrections,
                                    validate, write the output atomically, return a small result

An output is current when its top-level ``run`` block (input sha256, settings hash, extractor
versions, rule data fingerprint, corrections state) matches this run; the input is then reported ``ok`` with message
``unchanged`` and not reprocessed. ``--force`` reprocesses anyway (the page cache still applies).
The corrections state is the hash of the output's own corrections file: when only it changed,
the corrections are applied again to the existing output (``reapply``), without extraction. ``--resume`` removes stale temporaries (always
done under the lock) and records which interrupted run it finishes; what is current is skipped as
above, so it processes exactly what the killed run did not finish. A file that fails keeps its
previous output, if any (the manifest and report say it failed).

Calling ``run_batch`` from a script: workers are spawned, so guard the call with
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from extract.errors import ConfigError, ExitCode, ExtractError, OutputError
from extract.settings import Settings
from extract.store.files import (
    atomic_write_json,
    ensure_inside,
    os_error_message,
    prepare_output_file,
    prepare_output_folder,
    remove_stale_tmp,
    sha256_bytes,
    sha256_file,
    stem_of,
)
from extract.store.runs import UNCHANGED, ManifestWriter, RunItem, RunManifest, list_runs, new_run_id, utc_now

log = logging.getLogger(__name__)

PROCESS_HOOK_ENV = "EXTRACT_PROCESS_FILE"
"""Testing hook: ``module:function`` used instead of ``extract.pipeline.process_file`` in workers."""
DEFAULT_HANDLER = "extract.batch.run:handle_task"


# --------------------------------------------------------------------------- inputs


@dataclass
class InputItem:
    path: Path
    """Where to read the file."""
    display: str
    """Path shown in reports and manifests: relative to the input folder, or as given to ingest."""
    name_path: PurePosixPath
    """Path the output name is derived from (relative to the input folder; the bare name for ingest)."""
    skip_kind: str | None = None
    skip_message: str | None = None
    pages: tuple[Path, ...] = ()
    """Page images read as one document in this order (``--join-pages``; ``path`` is the first)."""


def input_sha256(item: InputItem) -> str:
    """The input's content hash: the file's, or that of its page images in order."""
    if not item.pages:
        return sha256_file(item.path)
    from extract.models import PageImages
    from extract.read.page_images import page_images_sha256

    return page_images_sha256(PageImages(name=item.display, paths=tuple(str(p) for p in item.pages)))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def discover_inputs(raw_dir: Path, *, follow_symlinks: bool = False,
                    exclude: Sequence[Path] = ()) -> list[InputItem]:
    """Every regular file under ``raw_dir``, sorted by relative path."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise ConfigError(f"input folder {raw_dir} does not exist or is not a folder; "
                          "give the folder of reports to process (default raw/)")
    root = raw_dir.resolve()
    excluded = [p.resolve() for p in exclude]
    items: list[InputItem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: Path, rel: PurePosixPath, kind: str | None = None, message: str | None = None) -> None:
        items.append(InputItem(path, rel.as_posix(), rel, kind, message))

    def walk(folder: Path, rel_folder: PurePosixPath) -> None:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return  # a symbolic link loop
            seen_dirs.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            add(folder, rel_folder, "skipped", f"cannot read folder: {exc.strerror or exc}")
            return
        for entry in entries:
            name = entry.name
            if name.endswith(".tmp"):
                continue  # our own unfinished writes
            path = Path(entry.path)
            rel = rel_folder / name
            if name.startswith(".") and not name.startswith(".."):
                # Hidden ('.git', '.DS_Store'): folders are not entered; files are reported, not read.
                # Names starting with '..' are odd but real inputs: they are processed (output names are sanitised).
                if not entry.is_dir(follow_symlinks=False):
                    add(path, rel, "skipped", "hidden file; rename it without the leading '.' to process it")
                continue
            if any(_inside(path.resolve(), ex) for ex in excluded):
                continue
            is_link = entry.is_symlink()
            if is_link:
                target = path.resolve()
                if not target.exists():
                    add(path, rel, "skipped", "broken symbolic link: its target does not exist")
                    continue
                if not _inside(target, root) and not follow_symlinks:
                    add(path, rel, "skipped", f"symbolic link to {target}, outside the input folder; "
                                              "use --follow-symlinks to process it")
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                add(path, rel, "skipped", f"cannot read: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(mode):
                if is_link and not follow_symlinks:
                    continue  # a link to a folder inside the input folder: its files are listed anyway
                walk(path, rel)
            elif stat.S_ISREG(mode):
                add(path, rel)
            else:
                add(path, rel, "skipped", "not a regular file (a device, pipe or socket)")

    walk(raw_dir, PurePosixPath())
    return sorted(items, key=lambda item: item.display)


def inputs_from_files(files: Sequence[Path]) -> list[InputItem]:
    """Inputs named on the command line (``extract ingest``): outputs are named after the file name."""
    items = []
    for file in files:
        path = Path(file)
        item = InputItem(path, str(file), PurePosixPath(path.name or "input"))
        if not path.exists():
            item.skip_kind, item.skip_message = "not_a_document", f"{file} does not exist; check the path"
        elif not path.is_file():
            item.skip_kind, item.skip_message = "not_a_document", f"{file} is not a regular file"
        items.append(item)
    return items


# --------------------------------------------------------------------------- options and plan


@dataclass
class BatchOptions:
    inputs: list[InputItem]
    out_dir: Path
    settings: Settings
    input_dir: Path | None = None
    command: str = "batch"
    workers: int = 1
    cache_dir: Path | None = None
    """None: no page cache."""
    corrections_dir: Path | None = None
    force: bool = False
    resume: bool = False
    report: Path | None = None
    executor: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    dask_processes: bool = True
    dask_security: Any = None
    """A ``distributed.Security`` (TLS) for --scheduler; None: dask's configuration decides."""
    connect_timeout: float = 10.0
    progress: str = "lines"
    handler: str = DEFAULT_HANDLER
    log_verbose: int = 0
    log_json: bool = False
    options_record: dict[str, Any] = field(default_factory=dict)


def current_output(path: Path, run_block: dict[str, Any]) -> tuple[int, str] | None:
    """(records, sha256) of an existing output that is complete and was made from the same inputs, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        from extract.models import OutputFile

        output = OutputFile.model_validate_json(data)
    except Exception:
        return None
    if (output.model_extra or {}).get("run") != run_block:
        return None
    return len(output.records), sha256_bytes(data)


# --------------------------------------------------------------------------- the worker side


def _process_function() -> Callable[..., Any]:
    from extract.batch.workers import resolve

    hook = os.environ.get(PROCESS_HOOK_ENV)
    if hook:
        hooked: Callable[..., Any] = resolve(hook)
        return hooked
    from extract.pipeline import process_file

    return process_file


def handle_task(payload: dict[str, Any], settings: Settings, page_map: Any) -> dict[str, Any]:
    """Process one file and write its output atomically (runs inside a worker)."""
    from extract.assemble.corrections import apply_corrections
    from extract.models import OutputFile
    from extract.store.cache import PageCache

    target = Path(payload["output"])
    ensure_inside(target, Path(payload["out_root"]))
    cache = PageCache(Path(payload["cache_dir"])) if payload.get("cache_dir") else None
    process = _process_function()
    source: Any = Path(payload["path"])
    if payload.get("pages"):
        from extract.models import PageImages

        source = PageImages(name=payload["display_path"], paths=tuple(payload["pages"]))
    output = process(source, settings, cache=cache, page_map=page_map, display_path=payload["display_path"])
    if payload.get("corrections_dir"):
        output = apply_corrections(output, payload["stem"], Path(payload["corrections_dir"]))
    records = len(output.records)
    pages = output.source.pages if output.source.pages is not None else len(output.pages)
    data = output.model_dump(mode="json")
    del output  # gone before the contract check builds a second model from the data
    data["run"] = payload["run"]
    OutputFile.model_validate(data)  # the contract holds before anything replaces the old output
    try:
        written = atomic_write_json(target, data)
    except OSError as exc:  # the output folder's fault, not the input's: the run stops (kind 'output')
        raise OutputError(os_error_message(exc, str(target))) from exc
    return {"status": "ok", "records": records, "output_sha256": written, "pages": pages}


# --------------------------------------------------------------------------- running


def exit_code_for(manifest: RunManifest) -> ExitCode:
    counts = manifest.counts()
    if counts["error"] == 0:
        return ExitCode.ok
    if counts["ok"] == 0:
        return ExitCode.all_failed
    return ExitCode.partial_failure


def _worker_config(options: BatchOptions) -> Any:
    from extract.batch.workers import WorkerConfig

    limits = options.settings.limits
    return WorkerConfig(
        settings_json=options.settings.model_dump_json(),
        handler=options.handler,
        memory_mb=limits.worker_memory_mb,
        page_timeout_s=limits.page_timeout_s,
        warm_up=not os.environ.get(PROCESS_HOOK_ENV),  # a test fake needs no spaCy
        log_verbose=options.log_verbose,
        log_json=options.log_json,
    )


def run_batch(options: BatchOptions) -> RunManifest:
    """Run a whole batch under the output folder's lock; returns the finished manifest."""
    from extract.store.locking import OutputLock

    out_dir = Path(options.out_dir)
    if options.report:
        prepare_output_file(options.report, "--report")
    try:
        prepare_output_folder(out_dir)  # a file, a read-only or full folder: said now, before any work
    except OutputError as exc:
        _report_unstarted(options, exc)
        raise
    with OutputLock(out_dir):
        return _run_locked(options, out_dir)


def source_display_path(path: Path) -> str:
    """``source.path`` in the output (the contract's 'raw/x.pdf'): relative to the working
    directory when the file is below it, else absolute. Reports keep paths relative to the input folder."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _snapshot(out_dir: Path, manifest: RunManifest) -> None:
    """Keep this run's version of every output so `extract diff` can compare runs later."""
    from extract.store.snapshots import snapshot_outputs

    try:
        snapshot_outputs(out_dir, manifest.run_id, manifest.files)
    except OSError as exc:  # the outputs themselves are written; only later diffs lose this run
        log.warning("could not keep a snapshot of run %s for later diffs: %s", manifest.run_id, exc)


def _run_locked(options: BatchOptions, out_dir: Path) -> RunManifest:
    started = time.monotonic()
    removed = remove_stale_tmp(out_dir)  # we hold the lock: no one else is writing here
    previous = list_runs(out_dir)
    resumed_from = None
    if options.resume:
        resumed_from = previous[-1].run_id if previous and previous[-1].state != "complete" else None
        log.info("resuming%s; removed %d stale temporary file(s)",
                 f" run {resumed_from}" if resumed_from else "", removed)

    from extract.store.names import assign_names, save_index

    # Each input keeps the output name it had (OUT/.names.json), whatever else is in the folder.
    names, index = assign_names(out_dir, [item.name_path for item in options.inputs])
    try:
        save_index(out_dir, index)
    except OSError as exc:
        raise OutputError(os_error_message(exc, str(out_dir))) from exc
    executor = _early_executor(options, out_dir, names)
    try:
        return _plan_and_run(options, out_dir, names, executor, started, resumed_from)
    finally:
        if executor is not None:
            executor.close()


def _early_executor(options: BatchOptions, out_dir: Path, names: list[PurePosixPath]) -> Any:
    """Start local workers now when work is certain, so their start-up and spaCy warm-up overlap planning."""
    candidates = [rel for item, rel in zip(options.inputs, names) if not item.skip_kind]
    if options.executor != "local" or not candidates:
        return None
    if not options.force and all((out_dir / rel).exists() for rel in candidates):
        return None  # perhaps everything is current: start workers only if a task turns up
    from extract.batch.executors import LocalExecutor

    executor = LocalExecutor(options.workers, _worker_config(options))
    executor.pool.start(documents=len(candidates))
    return executor


def _plan_and_run(options: BatchOptions, out_dir: Path, names: list[PurePosixPath], executor: Any,
                  started: float, resumed_from: str | None) -> RunManifest:
    from extract.assemble.corrections import corrections_state
    from extract.batch.progress import BatchProgress
    from extract.batch.reapply import REAPPLIED, reapply_corrections
    from extract.batch.workers import Task
    from extract.extractors import EXTRACTOR_VERSIONS
    from extract.store.fingerprint import rules_fingerprint
    from extract.store.runs import collect_versions, summary_lines, write_report

    settings = options.settings
    extractors = dict(EXTRACTOR_VERSIONS)
    rules_hash = rules_fingerprint(settings.rules_dir)  # an edited rule file (or user rule file) makes outputs stale
    manifest = RunManifest(
        run_id=new_run_id(), command=options.command, started_at=utc_now(),
        input_dir=str(options.input_dir) if options.input_dir else None, output_dir=str(out_dir),
        settings_hash=settings.result_hash(), settings=settings.model_dump(mode="json"),
        versions=collect_versions(extractors), options=options.options_record, resumed_from=resumed_from,
    )
    if options.command == "batch":
        manifest.stale = _stale_outputs(out_dir, names)
    writer = ManifestWriter(out_dir, manifest)
    try:
        writer.flush()
    except OSError as exc:
        raise OutputError(os_error_message(exc, str(out_dir / ".runs"))) from exc

    tasks: list[Task] = []
    task_items: dict[int, RunItem] = {}
    progress = BatchProgress(len(options.inputs), options.progress)  # type: ignore[arg-type]
    with progress:
        for number, (item, rel_out) in enumerate(zip(options.inputs, names)):
            target = out_dir / rel_out
            record = RunItem(path=item.display, status="ok", output=str(target), output_rel=rel_out.as_posix())
            if item.skip_kind:
                record.status = "error" if item.skip_kind != "skipped" else "skipped"
                record.error_kind, record.message, record.output, record.output_rel = (
                    item.skip_kind, item.skip_message, None, None)
                writer.add(record)
                progress.file_done(item.display, record.status, kind=record.error_kind, message=record.message)
                continue
            failure: tuple[str, str] | None = None
            try:
                ensure_inside(target, out_dir)
                record.input_sha256 = input_sha256(item)
            except ExtractError as exc:  # an output path outside the folder: skipped
                failure = exc.kind, exc.message or f"cannot read the file: {exc}"
            except Exception as exc:  # the input cannot be read (OSError)
                failure = "not_a_document", f"cannot read the file: {exc}"
            if failure is not None:
                kind, record.message = failure
                record.status, record.error_kind, record.output, record.output_rel = "error", kind, None, None
                writer.add(record)
                progress.file_done(item.display, "error", kind=kind, message=record.message)
                continue
            run_block = {"input_sha256": record.input_sha256, "settings_hash": manifest.settings_hash,
                         "extractors": extractors, "rules": rules_hash,
                         "corrections": corrections_state(options.corrections_dir, stem_of(rel_out))}
            if not options.force:
                current = current_output(target, run_block)
                if current is not None:
                    record.records, record.output_sha256 = current
                    record.message = UNCHANGED
                    writer.add(record)
                    progress.file_done(item.display, "ok", message=UNCHANGED)
                    continue
                # Only its corrections changed: apply them again, nothing is read or extracted.
                reapplied = reapply_corrections(target, run_block, options.corrections_dir, stem_of(rel_out))
                if reapplied is not None:
                    record.records, record.output_sha256 = reapplied
                    record.message = REAPPLIED
                    writer.add(record)
                    progress.file_done(item.display, "ok", message=REAPPLIED)
                    continue
            # Absolute paths: dask workers may run in another working directory (on a shared file system).
            payload = {
                "path": str(item.path.absolute()), "display_path": source_display_path(item.path),
                "output": str(target.absolute()), "out_root": str(out_dir.absolute()),
                "stem": stem_of(rel_out), "run": run_block, "force": options.force,
                "cache_dir": str(Path(options.cache_dir).absolute()) if options.cache_dir else None,
                "corrections_dir": str(Path(options.corrections_dir).absolute()) if options.corrections_dir else None,
            }
            if settings.rules_dir:  # for the cluster check: workers must see the same user rules
                payload["rules_dir"] = settings.rules_dir
            if item.pages:
                payload["pages"] = [str(page.absolute()) for page in item.pages]
                payload["display_path"] = source_display_path(item.path.parent / item.name_path.name)
            tasks.append(Task(id=number, payload=payload, timeout_s=settings.limits.file_timeout_s))
            task_items[number] = record

        if tasks:
            try:
                _run_tasks(options, tasks, task_items, executor, writer, progress)
            except KeyboardInterrupt:
                writer.finish("interrupted")
                raise
            except BaseException as exc:  # the cluster failed, an output could not be written, or the run could not start
                if isinstance(exc, OSError):  # the manifest, on a full or read-only disk
                    exc = OutputError(os_error_message(exc, str(out_dir)))
                kind = getattr(exc, "kind", "internal")
                writer.manifest.failure = f"{kind}: {exc}"
                reported = {id(record) for record in writer.manifest.files}
                for record in task_items.values():  # the report lists every input, finished or not
                    if id(record) not in reported:
                        record.status, record.error_kind, record.output, record.output_rel = "error", kind, None, None
                        record.message = f"not processed: the run stopped ({exc})"
                        writer.add(record)
                _finish_failed(writer, options.report)
                raise exc from None

    try:
        manifest = writer.finish("complete")
    except OSError as exc:
        error = OutputError(os_error_message(exc, str(out_dir / ".runs")))
        writer.manifest.failure = f"{error.kind}: {error}"
        _finish_failed(writer, options.report)
        raise error from exc
    _snapshot(out_dir, manifest)
    if options.report:
        try:
            write_report(options.report, manifest)
        except OSError as exc:
            raise OutputError(os_error_message(exc, str(options.report))) from exc
    elapsed = time.monotonic() - started
    lines = summary_lines(manifest, elapsed, options.report)
    if options.log_json or options.progress == "quiet":
        if options.progress != "quiet" or manifest.counts()["error"]:
            for line in lines:
                log.warning(line.strip(), extra={"event": "summary"})
    else:
        for line in lines:
            _stderr(line)
    return manifest


def _run_tasks(options: BatchOptions, tasks: list[Any], task_items: dict[int, RunItem], executor: Any,
               writer: ManifestWriter, progress: Any) -> None:
    """Run the planned tasks, recording each result in the manifest as it arrives."""
    from extract.batch.executors import make_executor

    try:
        if executor is None:
            # every worker, even for one file: the pages of a document are shared (locally and on dask)
            executor = make_executor(options.executor, max(1, options.workers), _worker_config(options), options.scheduler,
                                     dask_processes=options.dask_processes, security=options.dask_security,
                                     connect_timeout=options.connect_timeout)
        if executor.dashboard and options.progress != "quiet":
            if options.log_json:
                log.warning("dask dashboard: %s", executor.dashboard, extra={"event": "dashboard"})
            else:
                _stderr(f"dask dashboard: {executor.dashboard}")
        live_pages: dict[int, int] = {}

        def on_page(task_id: int) -> None:
            live_pages[task_id] = live_pages.get(task_id, 0) + 1
            progress.pages_advanced(1)

        for task, result in executor.run(tasks, on_page):
            record = task_items[task.id]
            record.seconds = float(result.get("seconds") or 0.0)
            if result.get("status") == "ok":
                record.records = int(result.get("records") or 0)
                record.output_sha256 = result.get("output_sha256")
                record.pages = result.get("pages")
            else:
                record.status = "error"
                record.error_kind = result.get("error_kind") or "internal"
                record.message = result.get("message")
                record.output = record.output_rel = None
            writer.add(record)
            progress.file_done(record.path, record.status, pages=record.pages or 0,
                               kind=record.error_kind, message=record.message, seconds=record.seconds,
                               counted=live_pages.pop(task.id, 0))
            if record.error_kind == OutputError.kind:  # every later output would fail the same way
                raise OutputError(record.message or "an output could not be written")
    finally:
        if executor is not None:
            executor.close()


def _report_unstarted(options: BatchOptions, exc: OutputError) -> None:
    """--report for a run that could not start (its output folder refuses files): every input
    listed as not processed, with the reason. No manifest: it would live in that folder."""
    from extract.store.runs import write_report

    if not options.report:
        return
    manifest = RunManifest(
        run_id=new_run_id(), command=options.command, started_at=utc_now(), ended_at=utc_now(), state="failed",
        output_dir=str(options.out_dir), settings_hash=options.settings.result_hash(), failure=f"{exc.kind}: {exc}",
        files=[RunItem(path=item.display, status="error", error_kind=exc.kind, message=f"not processed: {exc}")
               for item in options.inputs])
    try:
        write_report(options.report, manifest)
    except OSError as inner:
        log.error("%s", os_error_message(inner, str(options.report)))


def _stale_outputs(out_dir: Path, names: list[PurePosixPath]) -> list[str]:
    """Outputs in the folder that no input of this batch writes (the input was removed or renamed):
    kept, reported, and left out of exports (``store.snapshots.stale_outputs``)."""
    from extract.store.snapshots import output_paths

    current = {stem_of(name) for name in names}
    stale = sorted(stem for stem in output_paths(out_dir) if stem not in current)
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        log.warning("%d output(s) have no input in this batch any more (stale: kept, not exported): %s",
                    len(stale), shown)
    return stale


def _finish_failed(writer: ManifestWriter, report: Path | None) -> None:
    """Mark the run failed and write --report, each as far as its disk allows (a full output disk
    may leave the report's disk fine)."""
    from extract.store.runs import write_report

    try:
        writer.finish("failed")
    except OSError as exc:
        log.error("the run's manifest could not be marked failed: %s", exc)
    if report:
        try:
            write_report(report, writer.manifest)
        except OSError as exc:
            log.error("%s", os_error_message(exc, str(report)))


def _stderr(line: str) -> None:
    import sys

    from extract.logs import terminal_safe

    print(terminal_safe(line), file=sys.stderr)
