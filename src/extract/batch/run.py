"""Running a batch: lock the output folder, plan each input, run the tasks, record the run.

    run_batch(options)   lock the output folder; name each output (store.names: the name it had); plan
                         each input (``batch.plan``: skipped, unchanged or a task); run the tasks on an
                         executor; write the manifest (OUT/.runs/<run_id>.json) and the --report file

An output is current when its ``run`` block matches this run (``batch.freshness``); the input is
then reported ``ok`` with message ``unchanged`` and not reprocessed (when only its corrections file
changed, they are applied again without extraction: ``batch.reapply``). ``--force`` reprocesses anyway
(the page cache still applies). ``--resume`` removes stale temporaries (always done under the lock)
and records which interrupted run it finishes; what is current is skipped as above, so it processes
exactly what the killed run did not finish. A file that fails keeps its previous output, if any
(the manifest and report say it failed).

Calling ``run_batch`` from a script: workers are spawned, so guard the call with
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path, PurePosixPath
from typing import Any

from extract.batch.cached_files import run_cached
from extract.batch.file_task import PROCESS_HOOK_ENV, FileDone
from extract.batch.inputs import InputItem, discover_inputs, inputs_from_files
from extract.batch.options import BatchOptions
from extract.batch.plan import RunState, plan_inputs
from extract.batch.progress import BatchProgress
from extract.batch.reporting import (
    exit_code_for,
    finish_failed,
    print_summary,
    report_unstarted,
    snapshot,
    stale_outputs,
    stderr_line,
)
from extract.batch.tasks import Failed, Outcome, Task, WorkerConfig
from extract.errors import ExtractError, OutputError
from extract.store.files import os_error_message, prepare_output_file, prepare_output_folder, remove_stale_tmp
from extract.store.runs import ManifestWriter, RunItem, RunManifest, list_runs, new_run_id, utc_now

__all__ = ["BatchOptions", "InputItem", "discover_inputs", "exit_code_for", "inputs_from_files", "run_batch"]

log = logging.getLogger(__name__)


def run_batch(options: BatchOptions) -> RunManifest:
    """Run a whole batch under the output folder's lock; returns the finished manifest."""
    from extract.store.locking import OutputLock

    out_dir = Path(options.out_dir)
    if options.report:
        prepare_output_file(options.report, "--report")
    try:
        prepare_output_folder(out_dir)  # a file, a read-only or full folder: said now, before any work
    except OutputError as exc:
        report_unstarted(options, exc)
        raise
    with OutputLock(out_dir):
        return _run_locked(options, out_dir)


def worker_config(options: BatchOptions) -> WorkerConfig:
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
        manifest = _plan_and_run(options, out_dir, names, executor, resumed_from)
    finally:
        if executor is not None:
            executor.close()
    print_summary(options, manifest, time.monotonic() - started)
    return manifest


def _early_executor(options: BatchOptions, out_dir: Path, names: list[PurePosixPath]) -> Any:
    """Start local workers now when work is certain, so their start-up and warm-up overlap planning.

    With a cache folder, files may well be all in it (``batch.cached_files``): workers then start
    at the first file that is not."""
    candidates = [rel for item, rel in zip(options.inputs, names) if not item.skip_kind]
    if options.executor != "local" or not candidates:
        return None
    if options.cache_dir is not None and Path(options.cache_dir).is_dir():
        return None
    if not options.force and all((out_dir / rel).exists() for rel in candidates):
        return None  # perhaps everything is current: start workers only if a task turns up
    return _local_executor(options, documents=len(candidates))


def _local_executor(options: BatchOptions, documents: int) -> Any:
    from extract.batch.executors import LocalExecutor

    executor = LocalExecutor(options.workers, worker_config(options))
    executor.pool.start(documents=documents)
    return executor


def _run_state(options: BatchOptions) -> RunState:
    from extract.extractors import EXTRACTOR_VERSIONS
    from extract.store.fingerprint import rules_fingerprint

    return RunState(settings_hash=options.settings.result_hash(), extractors=dict(EXTRACTOR_VERSIONS),
                    # an edited rule file (or user rule file) makes outputs stale
                    rules=rules_fingerprint(options.settings.rules_dir))


def _new_manifest(options: BatchOptions, out_dir: Path, state: RunState, resumed_from: str | None) -> RunManifest:
    from extract.store.runs import collect_versions

    return RunManifest(
        run_id=new_run_id(), command=options.command, started_at=utc_now(),
        input_dir=str(options.input_dir) if options.input_dir else None, output_dir=str(out_dir),
        settings_hash=state.settings_hash, settings=options.settings.model_dump(mode="json"),
        versions=collect_versions(state.extractors), options=options.options_record, resumed_from=resumed_from,
    )


def _plan_and_run(options: BatchOptions, out_dir: Path, names: list[PurePosixPath], executor: Any,
                  resumed_from: str | None) -> RunManifest:
    state = _run_state(options)
    manifest = _new_manifest(options, out_dir, state, resumed_from)
    if options.command == "batch":
        manifest.stale = stale_outputs(out_dir, names)
    writer = ManifestWriter(out_dir, manifest)
    try:
        writer.flush()
    except OSError as exc:
        raise OutputError(os_error_message(exc, str(out_dir / ".runs"))) from exc

    tasks: list[Task] = []
    task_items: dict[int, RunItem] = {}
    progress = BatchProgress(len(options.inputs), options.progress)  # type: ignore[arg-type]
    with progress:
        for number, (record, file_task) in enumerate(plan_inputs(options, out_dir, names, state)):
            if file_task is None:
                writer.add(record)
                progress.file_done(record.path, record.status, kind=record.error_kind, message=record.message)
                continue
            tasks.append(Task(id=number, payload=file_task, timeout_s=options.settings.limits.file_timeout_s))
            task_items[number] = record
        if tasks:
            try:
                _run_tasks(options, tasks, task_items, executor, writer, progress)
            except KeyboardInterrupt:
                writer.finish("interrupted")
                raise
            except BaseException as exc:  # the cluster failed, an output could not be written, or the run could not start
                raise _failed_run(options, out_dir, writer, task_items, exc) from None
    return _finish(options, out_dir, writer)


def _failed_run(options: BatchOptions, out_dir: Path, writer: ManifestWriter, task_items: dict[int, RunItem],
                exc: BaseException) -> BaseException:
    """Record a run stopped by ``exc``: every input it did not finish listed as not processed.
    Returns the error to raise (an OSError of the manifest's own disk becomes an OutputError)."""
    if isinstance(exc, OSError):  # the manifest, on a full or read-only disk
        exc = OutputError(os_error_message(exc, str(out_dir)))
    kind = exc.kind if isinstance(exc, ExtractError) else "internal"
    writer.manifest.failure = f"{kind}: {exc}"
    reported = {id(record) for record in writer.manifest.files}
    for record in task_items.values():  # the report lists every input, finished or not
        if id(record) not in reported:
            record.status, record.error_kind, record.output, record.output_rel = "error", kind, None, None
            record.message = f"not processed: the run stopped ({exc})"
            writer.add(record)
    finish_failed(writer, options.report)
    return exc


def _finish(options: BatchOptions, out_dir: Path, writer: ManifestWriter) -> RunManifest:
    from extract.store.runs import write_report

    try:
        manifest = writer.finish("complete")
    except OSError as exc:
        error = OutputError(os_error_message(exc, str(out_dir / ".runs")))
        writer.manifest.failure = f"{error.kind}: {error}"
        finish_failed(writer, options.report)
        raise error from exc
    snapshot(out_dir, manifest)
    if options.report:
        try:
            write_report(options.report, manifest)
        except OSError as exc:
            raise OutputError(os_error_message(exc, str(options.report))) from exc
    return manifest


def _run_tasks(options: BatchOptions, tasks: list[Task], task_items: dict[int, RunItem], executor: Any,
               writer: ManifestWriter, progress: BatchProgress) -> None:
    """Run the planned tasks, recording each outcome in the manifest as it arrives: first the files
    all in the cache, here; the rest on the executor."""
    from extract.batch.executors import make_executor

    def record(task: Task, outcome: Outcome, counted: int = 0) -> None:
        item = task_items[task.id]
        _record_outcome(item, outcome)
        writer.add(item)
        progress.file_done(item.path, item.status, pages=item.pages or 0, kind=item.error_kind,
                           message=item.message, seconds=item.seconds, counted=counted)
        if item.error_kind == OutputError.kind:  # every later output would fail the same way
            raise OutputError(item.message or "an output could not be written")

    try:
        remote = tasks
        if options.executor == "local" and options.cache_dir is not None:
            remote = []
            for number, task in enumerate(tasks):
                outcome = run_cached(task.payload, options.settings)
                if outcome is not None:
                    record(task, outcome)
                    continue
                remote.append(task)
                if executor is None:  # its workers start while the other files are tried here
                    executor = _local_executor(options, documents=len(tasks) - number)
        if not remote:
            return
        if executor is None:
            # every worker, even for one file: the pages of a document are shared (locally and on dask)
            executor = make_executor(options.executor, max(1, options.workers), worker_config(options),
                                     options.scheduler, dask_processes=options.dask_processes,
                                     security=options.dask_security, connect_timeout=options.connect_timeout)
        if executor.dashboard and options.progress != "quiet":
            if options.log_json:
                log.warning("dask dashboard: %s", executor.dashboard, extra={"event": "dashboard"})
            else:
                stderr_line(f"dask dashboard: {executor.dashboard}")
        live_pages: dict[int, int] = {}

        def on_page(task_id: int) -> None:
            live_pages[task_id] = live_pages.get(task_id, 0) + 1
            progress.pages_advanced(1)

        for task, outcome in executor.run(remote, on_page):
            record(task, outcome, counted=live_pages.pop(task.id, 0))
    finally:
        if executor is not None:
            executor.close()


def _record_outcome(record: RunItem, outcome: Outcome) -> None:
    record.seconds = float(outcome.seconds or 0.0)
    if isinstance(outcome, Failed):
        record.status = "error"
        record.error_kind = outcome.kind
        record.message = outcome.message
        record.output = record.output_rel = None
        return
    done: FileDone = outcome.value
    record.records = done.records
    record.output_sha256 = done.output_sha256
    record.pages = done.pages

