"""The Python API: extract records from files in a script or a notebook.

    from extract import extract_file, extract_files

    output = extract_file("raw/report.pdf")            # one OutputFile, corrections applied
    for result in extract_files(["a.pdf", "b.tiff"]):  # one FileResult per file, in the order given
        ...

``extract_file`` runs in the calling process, like ``pdfplumber.open``. ``extract_files`` runs
the files in worker processes, with the guarantees of ``extract batch``: a deadline per file
(``limits.file_timeout_s``), a memory cap per worker, and a failed file is a result with a typed
error, never an exception that ends the loop. Neither writes anything unless ``cache_dir`` is
given (the page/OCR cache ``extract batch`` keeps in ``output/.cache``).

This module is imported by ``import extract`` only when one of its names is used, and imports
the pipeline (spaCy, pdfplumber) only when a file is processed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from extract.errors import ERROR_KINDS, ExtractError, InternalError, NotADocumentError
from extract.models import OutputFile, PageImages
from extract.settings import Settings

if TYPE_CHECKING:
    from extract.batch.tasks import Outcome

__all__ = ["FileResult", "extract_file", "extract_files"]

StrPath = str | os.PathLike[str]
Report = StrPath | Sequence[StrPath]
"""A report: one file, or the page images of one report in page order (``["p1.png", "p2.png"]``)."""

DEFAULT_CORRECTIONS = Path("corrections")
"""Where ``extract correct`` keeps corrections when ``--out`` is the default ``output/``."""
DEFAULT_OUTPUT = Path("output")
"""The command line's default ``--out``: its names index and run records say what a file is called."""


@dataclass(frozen=True)
class FileResult:
    """What became of one file given to :func:`extract_files`: its output, or why there is none."""

    path: Path
    """The file as it was given (the first page image of a report given as its pages)."""
    output: OutputFile | None
    """The validated output (corrections applied), or None when the file failed."""
    error: ExtractError | None
    """The failure: an ``extract.errors`` class per kind (``EncryptedFileError``, ``FileTimeoutError``, ...)."""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_file(path: Report, *, settings: Settings | None = None, corrections: bool | StrPath = True,
                 name: str | None = None, cache_dir: StrPath | None = None) -> OutputFile:
    """Read one report (PDF, page image, or .txt/.md text) and return its validated records.

    ``path`` may also be a list of page images of one report, read as one document in that
    order (as ``--join-pages`` does); its name is their stem ('report' for 'report-p1.png').

    ``settings``: default ``load_settings()``, i.e. ``[tool.extract]`` of ``pyproject.toml`` or
    ``extract.toml`` in the working directory, as the command line reads them.
    ``corrections``: True applies the corrections ``extract correct`` stored in ``corrections/``
    (the default folder beside ``output/``); a path names another folder; False gives the
    machine's own values. ``name``: the output name the corrections are filed under (default:
    the name ``extract ingest`` and ``extract batch`` give the file's output in ``output/``:
    ``"a/x"`` for ``raw/a/x.pdf``, ``"x"`` for a file ``x.pdf`` outside ``raw/``).
    ``cache_dir``: a page/OCR cache folder to read and fill (e.g. ``"output/.cache"``); None: no cache.

    Raises an ``extract.errors.InputFileError`` subclass when the file cannot be processed
    (``kind``: not_a_document, corrupt, encrypted, too_large, ocr_failed) and
    ``MissingDependencyError`` when Tesseract or a language pack is missing.
    """
    from extract.pipeline import process_file
    from extract.rules.loader import check_rules
    from extract.store.cache import PageCache

    report = _report(path)
    if isinstance(report, ExtractError):
        raise report
    settings = settings if settings is not None else _default_settings()
    check_rules(settings.rules_dir)
    cache = PageCache(Path(cache_dir)) if cache_dir is not None else None
    output = process_file(report.source, settings, cache=cache, display_path=report.display)
    folder = _corrections_folder(corrections)
    if folder is None:
        return output
    from extract.assemble.corrections import apply_corrections

    return apply_corrections(output, name or report.name, folder)


def extract_files(paths: Iterable[Report], *, settings: Settings | None = None, workers: int | None = None,
                  corrections: bool | StrPath = True, cache_dir: StrPath | None = None) -> Iterator[FileResult]:
    """Process many files in worker processes; yield one :class:`FileResult` per file, in the order given.

    A file that fails (unreadable, encrypted, past its deadline, a worker killed by its memory
    cap) yields a result whose ``error`` says why; the iteration goes on with the next file.
    ``workers``: processes (default ``settings.workers``, one per core). Corrections and
    ``cache_dir`` as for :func:`extract_file`; each file's corrections are filed under the name of
    its output in ``output/``, as for :func:`extract_file` by default. Leaving the loop early (``break``, Ctrl-C) stops the workers.

    Workers are started with ``spawn``: in a script (not a notebook), call this under
    ``if __name__ == "__main__":``.
    """
    from extract.batch.pool import WorkerPool
    from extract.batch.tasks import Task, WorkerConfig
    from extract.rules.loader import check_rules

    reports = [_report(p) for p in paths]
    if not reports:
        return
    settings = settings if settings is not None else _default_settings()
    check_rules(settings.rules_dir)  # a bad rule file is the caller's error once, not every file's
    folder = _corrections_folder(corrections)
    config = WorkerConfig(settings_json=settings.model_dump_json(), handler="extract.api:run_in_worker",
                          memory_mb=settings.limits.worker_memory_mb, page_timeout_s=settings.limits.page_timeout_s)
    ready: dict[int, FileResult] = {}
    tasks = []
    for i, report in enumerate(reports):
        if isinstance(report, ExtractError):  # said at once, as `extract ingest` does: no worker needed
            ready[i] = FileResult(Path(report.path or ""), None, report)
            continue
        payload: dict[str, Any] = {
            "path": str(report.given.absolute()), "display_path": report.display, "name": report.name,
            "corrections_dir": str(folder.absolute()) if folder else None,
            "cache_dir": str(Path(cache_dir).absolute()) if cache_dir is not None else None}
        if isinstance(report.source, PageImages):
            payload["pages"] = list(report.source.paths)
        tasks.append(Task(id=i, payload=payload, timeout_s=settings.limits.file_timeout_s))
    following = 0

    def flush() -> Iterator[FileResult]:
        nonlocal following
        while following in ready:  # the order given, so results line up with ``paths``
            yield ready.pop(following)
            following += 1

    yield from flush()
    if not tasks:
        return
    with WorkerPool(min(workers or settings.workers, len(tasks)), config) as pool:
        try:
            for task, result in pool.run(tasks):
                given = reports[task.id]
                assert not isinstance(given, ExtractError)  # errors never became tasks
                ready[task.id] = _file_result(given.given, result)
                yield from flush()
        except InternalError as exc:
            raise _with_main_hint(exc) from exc


def _with_main_hint(exc: InternalError) -> InternalError:
    """Workers that die while starting, called from a script: most likely the call is not under
    ``if __name__ == "__main__":`` (each spawned worker imports the script and calls it again,
    which multiprocessing refuses), the mistake a new user makes first. Say so."""
    import sys

    main = sys.modules.get("__main__")
    if "die while starting" not in exc.message or not getattr(main, "__file__", None):
        return exc
    return InternalError(f"{exc.message}. From a script, call extract_files under `if __name__ == \"__main__\":` "
                         f"(its worker processes start by importing {Path(str(getattr(main, '__file__', ''))).name})")


def run_in_worker(payload: dict[str, Any], settings: Settings, page_map: Any) -> dict[str, Any]:
    """What a worker of :func:`extract_files` does with one file (errors become typed results at the pool's boundary)."""
    from extract.pipeline import process_file
    from extract.store.cache import PageCache

    cache = PageCache(Path(payload["cache_dir"])) if payload.get("cache_dir") else None
    source: Path | PageImages = Path(payload["path"])
    if payload.get("pages"):
        source = PageImages(name=payload["display_path"], paths=tuple(payload["pages"]))
    output = process_file(source, settings, cache=cache, page_map=page_map, display_path=payload["display_path"])
    if payload.get("corrections_dir"):
        from extract.assemble.corrections import apply_corrections

        output = apply_corrections(output, payload["name"], Path(payload["corrections_dir"]))
    return {"status": "ok", "output_json": output.model_dump_json()}


def _file_result(path: Path, outcome: Outcome) -> FileResult:
    from extract.batch.tasks import Failed

    if not isinstance(outcome, Failed):
        return FileResult(path, OutputFile.model_validate_json(outcome.value["output_json"]), None, outcome.seconds)
    error = ERROR_KINDS.get(outcome.kind, InternalError)(outcome.message or outcome.kind, path=str(path))
    return FileResult(path, None, error, outcome.seconds)


@dataclass(frozen=True)
class _Report:
    given: Path
    source: Path | PageImages
    display: str
    """``source.path`` in the output."""
    name: str
    """The output name its corrections are filed under."""


def _report(path: Report) -> _Report | ExtractError:
    """What to read for ``path``, or why it cannot be read (a missing file)."""
    if not isinstance(path, (list, tuple)):
        file = Path(path)  # type: ignore[arg-type]
        return _not_a_file(file) or _Report(file, file, _display_path(file), _default_name(file))
    pages = [Path(p) for p in path]
    if not pages:
        return NotADocumentError("an empty list of page images", path="[]")
    for page in pages:
        missing = _not_a_file(page)
        if missing is not None:
            return missing
    from extract.batch.page_sets import PAGE_IMAGE

    match = PAGE_IMAGE.match(pages[0].name)
    stem = (match.group("stem").rstrip("-_ .") if match else "") or pages[0].parent.name or pages[0].stem
    display = _display_path(pages[0].parent / stem)
    return _Report(pages[0], PageImages(name=display, paths=tuple(str(p.absolute()) for p in pages)), display,
                   stem)


def _not_a_file(path: Path) -> NotADocumentError | None:
    if not path.exists():
        return NotADocumentError("the file does not exist; check the path", path=str(path))
    if not path.is_file():
        return NotADocumentError("not a regular file (a folder, device or pipe)", path=str(path))
    return None


def _default_settings() -> Settings:
    from extract.settings import load_settings

    return load_settings()


def _corrections_folder(corrections: bool | StrPath) -> Path | None:
    if corrections is True:
        return DEFAULT_CORRECTIONS
    if corrections is False:
        return None
    return Path(corrections)


def _default_name(path: Path) -> str:
    """The name ``extract ingest`` gives the file's output (without ``.json``), which its corrections
    are filed under: relative to ``raw/`` or the folder of an earlier batch into ``output/`` when the
    file is in one (``raw/a/x.pdf``: ``a/x``), the output names index's when it has one
    (``x.pdf`` beside an ``x.tiff``), else the file name without its extension."""
    from extract.batch.inputs import input_folders, name_under
    from extract.store.files import output_names, stem_of
    from extract.store.names import input_key, load_index

    name_path = name_under(path, input_folders(DEFAULT_OUTPUT)) or PurePosixPath(path.name)
    known = load_index(DEFAULT_OUTPUT).get(input_key(name_path))
    return stem_of(PurePosixPath(known)) if known else stem_of(output_names([name_path])[0])


def _display_path(path: Path) -> str:
    """``source.path`` as ``extract batch`` writes it: relative to the working directory when below it."""
    from extract.batch.plan import source_display_path

    return source_display_path(path)
