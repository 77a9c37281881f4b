"""Work a process does while it waits for Tesseract.

A page's OCR is mostly Tesseract (libtesseract in-process, which releases the GIL, or its command):
the Python thread that started it only waits, for seconds. The pipeline queues what the document
will need after its last page (rule tables, spaCy's import and pipelines: about a second of a lone
scan's end otherwise) with ``meanwhile``;
``while_waiting`` runs a wait in a thread of its own and the queued steps in the calling thread,
until the wait is over. The steps run in the calling thread because two threads importing at once
broke spaCy's import (``KeyError: 'spacy'``); the waiting thread imports nothing.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

Step = Callable[[], bool]
"""One piece of work; returns False when it cannot be done yet (it is tried again at the next wait)."""

_queue: deque[Step] = deque()


@contextlib.contextmanager
def meanwhile(steps: Iterable[Step]) -> Iterator[None]:
    """Queue ``steps`` for the waits inside the block; those not done by its end are dropped
    (whoever needs their result builds it then, as without them)."""
    added = list(steps)
    _queue.extend(added)
    try:
        yield
    finally:
        for step in added:
            with contextlib.suppress(ValueError):
                _queue.remove(step)


def while_waiting(wait: Callable[[], T]) -> T:
    """``wait()`` (a call that mostly waits for a subprocess), with the queued steps run meanwhile.

    Each queued step runs at most once per wait, in the queue's order; a step that fails is
    dropped (its work is done again, with its error, where it is needed).
    """
    if not _queue or threading.current_thread() is not threading.main_thread():
        return wait()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = wait()
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, name="tesseract-wait", daemon=True)
    try:
        thread.start()
    except RuntimeError:  # no thread to be had (a worker at its memory cap): just wait
        return wait()
    for _ in range(len(_queue)):
        if not thread.is_alive() or not _queue:
            break
        step = _queue.popleft()
        try:
            done = step()
        except Exception as exc:
            log.debug("work while waiting for Tesseract failed: %r", exc)
            done = True
        if not done:
            _queue.append(step)
    thread.join()
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value
