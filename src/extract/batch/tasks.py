"""What the worker pool runs and what comes back: a task, and its outcome (done, or failed with a kind).

The pool is generic: a task's ``payload`` is whatever its handler takes (``batch.file_task.FileTask``
for a batch), and ``Done.value`` whatever the handler returns. A task that did not finish is a
``Failed`` with an error kind of ``extract.errors`` (``timeout``, ``internal``...), never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WorkerConfig:
    settings_json: str
    handler: str
    """``module:function`` of the task handler, imported in each worker."""
    memory_mb: int | None = None
    page_timeout_s: float = 120.0
    warm_up: bool = True
    preload_ocr: bool = False
    """Import the OCR stack (OpenCV, numpy, pytesseract) while idle at start: a worker started to
    help with a lone document's pages, waiting for its first page."""
    log_verbose: int = 0
    log_json: bool = False


@dataclass
class Task:
    id: int
    payload: Any
    timeout_s: float


@dataclass(frozen=True)
class Done:
    """A task its handler finished: the handler's return value, and how long it took."""

    value: Any
    seconds: float = 0.0


@dataclass(frozen=True)
class Failed:
    """A task or page item that did not finish, said with an error kind and a message for the user."""

    kind: str
    message: str
    seconds: float = 0.0
    restart: bool = False
    """The worker is no longer trustworthy (out of memory, asked to exit): replace it."""


Outcome = Done | Failed

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
Handler = Callable[[Any, Any, PageMap], Any]
"""``handler(payload, settings, page_map) -> value`` run inside a worker for each task."""
