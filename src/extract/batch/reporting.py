"""How a batch run is reported: its exit code, the summary, stale outputs, the snapshot kept for
later diffs, and ``--report`` for runs that failed or could not start."""

from __future__ import annotations

import logging
import sys
from pathlib import Path, PurePosixPath

from extract.batch.options import BatchOptions
from extract.errors import ExitCode, OutputError
from extract.store.files import os_error_message, stem_of
from extract.store.runs import ManifestWriter, RunItem, RunManifest, new_run_id, utc_now

log = logging.getLogger(__name__)


def exit_code_for(manifest: RunManifest) -> ExitCode:
    counts = manifest.counts()
    if counts["error"] == 0:
        return ExitCode.ok
    if counts["ok"] == 0:
        return ExitCode.all_failed
    return ExitCode.partial_failure


def report_unstarted(options: BatchOptions, exc: OutputError) -> None:
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


def stale_outputs(out_dir: Path, names: list[PurePosixPath]) -> list[str]:
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


def finish_failed(writer: ManifestWriter, report: Path | None) -> None:
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


def snapshot(out_dir: Path, manifest: RunManifest) -> None:
    """Keep this run's version of every output so `extract diff` can compare runs later."""
    from extract.store.snapshots import snapshot_outputs

    try:
        snapshot_outputs(out_dir, manifest.run_id, manifest.files)
    except OSError as exc:  # the outputs themselves are written; only later diffs lose this run
        log.warning("could not keep a snapshot of run %s for later diffs: %s", manifest.run_id, exc)


def print_summary(options: BatchOptions, manifest: RunManifest, elapsed: float) -> None:
    from extract.store.runs import summary_lines

    lines = summary_lines(manifest, elapsed, options.report)
    if options.log_json or options.progress == "quiet":
        if options.progress != "quiet" or manifest.counts()["error"]:
            for line in lines:
                log.warning(line.strip(), extra={"event": "summary"})
    else:
        for line in lines:
            stderr_line(line)


def stderr_line(line: str) -> None:
    from extract.logs import terminal_safe

    print(terminal_safe(line), file=sys.stderr)
