"""Progress of a batch on stderr: a rich bar on a terminal, one log line per file otherwise.

stdout is never written here (it is for data). ``--quiet`` turns both off; with the global
``--log-json`` flag the per-file lines are JSON objects (the logging formatter does that).
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType
from typing import Any, Literal

log = logging.getLogger(__name__)

Mode = Literal["bar", "lines", "quiet"]


def choose_mode(quiet: bool, log_json: bool = False) -> Mode:
    if quiet:
        return "quiet"
    if log_json or not sys.stderr.isatty():
        return "lines"
    return "bar"


def failure_line(path: str, kind: str | None, message: str | None) -> str:
    """The bar's line for a failed file, in rich markup: a name like '[reverse]x.pdf' stays text, and
    escape sequences in it are shown, not run."""
    from rich.markup import escape

    from extract.logs import terminal_safe

    return f"[red]failed[/red] {escape(terminal_safe(f'{path}: {kind}: {message}'))}"


class BatchProgress:
    """Files and pages done, pages per second and time left."""

    def __init__(self, total_files: int, mode: Mode = "lines") -> None:
        self.total = total_files
        self.mode = mode
        self.files_done = 0
        self.pages_done = 0
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        self._start = time.monotonic()
        if self.mode == "bar":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("[bold]extract"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[pages]} pages · {task.fields[rate]} pages/s"),
                TimeElapsedColumn(),
                TextColumn("elapsed ·"),
                TimeRemainingColumn(),
                TextColumn("left"),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("files", total=self.total, pages=0, rate="0.0")
        elif self.mode == "lines":
            # One INFO line per file even when the rest of extract logs only warnings.
            log.setLevel(logging.INFO)
        return self

    def rate(self) -> float:
        elapsed = time.monotonic() - self._start
        return self.pages_done / elapsed if elapsed > 0 else 0.0

    def pages_advanced(self, count: int = 1) -> None:
        """Pages finished inside a document still running (a long scan shows progress before it ends)."""
        self.pages_done += count
        if self._bar is not None:
            self._bar.update(self._task, pages=self.pages_done, rate=f"{self.rate():.2f}")

    def file_done(self, path: str, status: str, *, pages: int = 0, kind: str | None = None,
                  message: str | None = None, seconds: float = 0.0, counted: int = 0) -> None:
        """``counted``: pages of this file already reported through ``pages_advanced``."""
        self.files_done += 1
        if status == "ok" and message != "unchanged":
            self.pages_done += max(0, pages - counted)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, pages=self.pages_done, rate=f"{self.rate():.2f}")
            if status == "error":
                self._bar.console.print(failure_line(path, kind, message), highlight=False)
        elif self.mode == "lines":
            detail = f" [{kind}] {message}" if kind else (f" {message}" if message else "")
            log.info("[%d/%d] %s %s%s (%.1f s)", self.files_done, self.total, status, path, detail, seconds,
                     extra={"path": path, "kind": kind, "event": "file_done"})

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
