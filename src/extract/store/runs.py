"""Run manifests (``OUT/.runs/<run_id>.json``) and the ``--report`` summary.

A manifest records what one ``extract batch`` or ``extract ingest`` did: when, with which
settings (``Settings.result_hash()``) and tool versions, and per input its hash, status,
error kind, output path and output hash. Run ids are UTC timestamps plus a short random
suffix, so they sort in time order. The manifest is written when the run starts
(``state: "running"``), refreshed while it runs, and finished at the end
(``state: "complete"``); a run killed with kill -9 leaves a readable "running" manifest.

Stable API for other commands (diff, review): ``list_runs(out_dir)``, ``load_run(out_dir, run_id)``,
``latest_runs(out_dir, n)`` and the ``RunManifest`` / ``RunItem`` models below.

Status of an input (the same words in manifests and reports):
- ``ok``: the output is current. ``message`` is ``"unchanged"`` when it was already current and
  was not reprocessed (same input hash, settings hash, extractor versions and corrections).
- ``error``: it could not be processed; ``error_kind`` is a stable kind from ``extract.errors``.
- ``skipped``: deliberately not processed (a symbolic link leaving the input folder, not a regular
  file); ``error_kind`` is ``"skipped"``. Skipped inputs do not make a run fail.
"""

from __future__ import annotations

import importlib.metadata
import logging
import platform
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from extract import __version__
from extract.store.files import atomic_write_json

log = logging.getLogger(__name__)

RUNS_DIR = ".runs"
Status = Literal["ok", "error", "skipped"]
UNCHANGED = "unchanged"


class RunItem(BaseModel):
    """One input of a run."""

    model_config = ConfigDict(extra="allow")
    path: str
    """Path relative to the input folder (batch) or as given on the command line (ingest)."""
    input_sha256: str | None = None
    status: Status
    error_kind: str | None = None
    message: str | None = None
    output: str | None = None
    """Output file path (as the run saw it: relative to the working directory when --out was relative)."""
    output_rel: str | None = None
    """Output path relative to the output folder (stable when the folder moves)."""
    output_sha256: str | None = None
    records: int = 0
    pages: int | None = None
    seconds: float = 0.0


class RunManifest(BaseModel):
    model_config = ConfigDict(extra="allow")
    run_id: str
    command: str = "batch"
    state: Literal["running", "complete", "interrupted", "failed"] = "running"
    started_at: str
    ended_at: str | None = None
    input_dir: str | None = None
    output_dir: str
    settings_hash: str
    settings: dict[str, Any] = Field(default_factory=dict)
    versions: dict[str, Any] = Field(default_factory=dict)
    options: dict[str, Any] = Field(default_factory=dict)
    resumed_from: str | None = None
    failure: str | None = None
    """Why a run in state "failed" stopped (the cluster was lost, ...): the error kind and message."""
    stale: list[str] = Field(default_factory=list)
    """Output stems in the folder that no input of this batch writes (removed or renamed inputs)."""
    files: list[RunItem] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        result = {"ok": 0, "unchanged": 0, "error": 0, "skipped": 0}
        for item in self.files:
            result[item.status] += 1
            if item.status == "ok" and item.message == UNCHANGED:
                result["unchanged"] += 1
        return result


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_run_id() -> str:
    """``20261128T201829.123456Z-3fa1``: sortable by time, unique across parallel starts."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ") + "-" + secrets.token_hex(2)


def _dist_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def tesseract_version() -> str | None:
    """Tesseract's version for the manifest; None when it is not installed (text-only runs still work)."""
    from extract.errors import MissingDependencyError
    from extract.read.tools import tesseract_version as probe

    try:
        return probe()
    except MissingDependencyError:
        return None


def collect_versions(extractors: dict[str, str]) -> dict[str, Any]:
    """Versions recorded in a run manifest; ``extractors`` maps extractor name -> version."""
    return {
        "extract": __version__,
        "extractors": extractors,
        "tesseract": tesseract_version(),
        "pdfplumber": _dist_version("pdfplumber"),
        "pypdfium2": _dist_version("pypdfium2"),
        "spacy": _dist_version("spacy"),
        "python": platform.python_version(),
    }


# --------------------------------------------------------------------------- reading and writing


def runs_dir(out_dir: Path) -> Path:
    return Path(out_dir) / RUNS_DIR


def manifest_path(out_dir: Path, run_id: str) -> Path:
    return runs_dir(out_dir) / f"{run_id}.json"


def write_manifest(out_dir: Path, manifest: RunManifest) -> None:
    atomic_write_json(manifest_path(out_dir, manifest.run_id), manifest.model_dump(mode="json"))


def list_runs(out_dir: Path) -> list[RunManifest]:
    """Every readable run manifest under ``out_dir/.runs``, oldest first. Unreadable ones are logged and left out."""
    folder = runs_dir(out_dir)
    if not folder.is_dir():
        return []
    runs = []
    for path in sorted(folder.glob("*.json")):
        try:
            runs.append(RunManifest.model_validate_json(path.read_bytes()))
        except Exception as exc:
            log.warning("ignoring unreadable run manifest %s: %s", path, str(exc).splitlines()[0])
    return sorted(runs, key=lambda run: run.run_id)


def load_run(out_dir: Path, run_id: str) -> RunManifest:
    """The manifest of ``run_id`` (an exact id or a unique prefix of one); ``KeyError`` when none matches."""
    exact = manifest_path(out_dir, run_id)
    if exact.is_file():
        return RunManifest.model_validate_json(exact.read_bytes())
    matches = [run for run in list_runs(out_dir) if run.run_id.startswith(run_id)]
    if len(matches) != 1:
        raise KeyError(f"{'no' if not matches else 'more than one'} run matches {run_id!r} in {runs_dir(out_dir)}")
    return matches[0]


def latest_runs(out_dir: Path, n: int = 2) -> list[RunManifest]:
    """The last ``n`` runs, oldest first."""
    return list_runs(out_dir)[-n:]


def report_data(manifest: RunManifest) -> dict[str, Any]:
    """The ``--report`` JSON: exactly run_id and, per input, path/status/error_kind/message/output/records."""
    return {
        "run_id": manifest.run_id,
        "files": [
            {
                "path": item.path,
                "status": item.status,
                "error_kind": item.error_kind,
                "message": item.message,
                "output": item.output,
                "records": item.records,
            }
            for item in manifest.files
        ],
    }


def write_report(path: Path, manifest: RunManifest) -> None:
    atomic_write_json(Path(path), report_data(manifest))


def summary_lines(manifest: RunManifest, seconds: float | None = None, report: Path | None = None) -> list[str]:
    """Human summary for stderr: one line per failure or skip with its kind, the totals, then where
    the results are (people look for the output folder and the report right after a run)."""
    lines = []
    for item in manifest.files:
        if item.status != "ok":
            lines.append(f"  {item.status} [{item.error_kind or '-'}] {item.path}: {item.message or ''}")
    counts = manifest.counts()
    pages = sum(item.pages or 0 for item in manifest.files if item.status == "ok" and item.message != UNCHANGED)
    total = f"{len(manifest.files)} file(s): {counts['ok']} ok ({counts['unchanged']} unchanged), " \
            f"{counts['error']} failed, {counts['skipped']} skipped; {pages} page(s) processed"
    if seconds is not None:
        total += f" in {seconds:.1f} s"
    lines.append(total + f"; run {manifest.run_id}")
    done = [item for item in manifest.files if item.status == "ok"]
    written = sum(1 for item in done if item.message != UNCHANGED)
    where = f"output: {sum(item.records for item in done)} record(s) in {len(done)} file(s) under " \
            f"{manifest.output_dir} ({written} written by this run, {len(done) - written} up to date)"
    if report is not None:
        where += f"; report: {report}"
    lines.append(where)
    return lines


class ManifestWriter:
    """Keeps the running manifest on disk, rewriting it at most every ``interval`` seconds."""

    def __init__(self, out_dir: Path, manifest: RunManifest, interval: float = 5.0) -> None:
        self.out_dir = out_dir
        self.manifest = manifest
        self.interval = interval
        self._last = 0.0

    def add(self, item: RunItem) -> None:
        self.manifest.files.append(item)
        if time.monotonic() - self._last >= self.interval:
            self.flush()

    def flush(self) -> None:
        write_manifest(self.out_dir, self.manifest)
        self._last = time.monotonic()

    def finish(self, state: Literal["complete", "interrupted", "failed"] = "complete") -> RunManifest:
        self.manifest.state = state
        self.manifest.ended_at = utc_now()
        self.manifest.files.sort(key=lambda item: item.path)
        self.flush()
        return self.manifest
