"""One file's task as a worker (or the batch's own process) runs it: process, apply corrections,
check the contract, write the output atomically, and say what was written."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import OutputError
from extract.settings import Settings
from extract.store.files import atomic_write_json, ensure_inside, os_error_message

PROCESS_HOOK_ENV = "EXTRACT_PROCESS_FILE"
"""Testing hook: ``module:function`` used instead of ``extract.pipeline.process_file`` in workers."""
DEFAULT_HANDLER = "extract.batch.file_task:handle_task"


@dataclass(frozen=True)
class FileTask:
    """What a worker needs for one file. Paths are absolute: dask workers may run in another working
    directory (on a shared file system)."""

    path: str
    display_path: str
    """``source.path`` in the output."""
    output: str
    out_root: str
    stem: str
    run: dict[str, Any]
    """The output's ``run`` block: what makes it current (``batch.freshness``)."""
    force: bool = False
    cache_dir: str | None = None
    corrections_dir: str | None = None
    pages: tuple[str, ...] = ()
    """Page images read as one document (``--join-pages``), in order."""
    rules_dir: str | None = None
    """The user rules folder, for the cluster check: workers must see the same rules."""


@dataclass(frozen=True)
class FileDone:
    """A file processed and its output written."""

    records: int
    output_sha256: str
    pages: int | None


def _process_function() -> Callable[..., Any]:
    from extract.batch.worker_process import resolve

    hook = os.environ.get(PROCESS_HOOK_ENV)
    if hook:
        hooked: Callable[..., Any] = resolve(hook)
        return hooked
    from extract.pipeline import process_file

    return process_file


def handle_task(task: FileTask, settings: Settings, page_map: Any) -> FileDone:
    """Process one file and write its output atomically (in a worker)."""
    from extract.store.cache import PageCache

    cache = PageCache(Path(task.cache_dir)) if task.cache_dir else None
    return write_output(task, settings, cache, page_map)


def write_output(task: FileTask, settings: Settings, cache: Any, page_map: Any) -> FileDone:
    """Process ``task``'s file with ``cache`` and write its output atomically."""
    from extract.assemble.corrections import apply_corrections
    from extract.models import OutputFile

    target = Path(task.output)
    ensure_inside(target, Path(task.out_root))
    process = _process_function()
    source: Any = Path(task.path)
    if task.pages:
        from extract.models import PageImages

        source = PageImages(name=task.display_path, paths=task.pages)
    output = process(source, settings, cache=cache, page_map=page_map, display_path=task.display_path)
    if task.corrections_dir:
        output = apply_corrections(output, task.stem, Path(task.corrections_dir))
    records = len(output.records)
    pages = output.source.pages if output.source.pages is not None else len(output.pages)
    data = output.model_dump(mode="json")
    del output  # gone before the contract check builds a second model from the data
    data["run"] = task.run
    OutputFile.model_validate(data)  # the contract holds before anything replaces the old output
    try:
        written = atomic_write_json(target, data)
    except OSError as exc:  # the output folder's fault, not the input's: the run stops (kind 'output')
        raise OutputError(os_error_message(exc, str(target))) from exc
    return FileDone(records=records, output_sha256=written, pages=pages)
