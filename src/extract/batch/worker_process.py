"""Inside a worker process: set up, then answer the parent's messages until it says stop.

Each worker is a fresh interpreter (``spawn``: never ``fork`` after threads) that sets
``OMP_THREAD_LIMIT=1`` (Tesseract's threads are 4x slower on small shared machines), caps its
address space with ``RLIMIT_AS``, builds the rule tables once (``warm_up``; spaCy is built on first
use and kept; a helper started for a lone document's pages imports the OCR stack instead) and then
handles many files, each through the boundary (``batch.boundary``). It ends with ``os._exit`` when
told to stop: every result has been sent by then.

This module is imported by every worker at start-up: keep its imports light.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import Any, NoReturn

from extract.batch.boundary import exception_for, guarded, run_item
from extract.batch.messages import (
    ComputeItem,
    ItemComputed,
    ItemResult,
    ItemTask,
    ItemTaskDone,
    MapEnd,
    MapStart,
    Ready,
    RunTask,
    Stop,
    TaskDone,
)
from extract.batch.tasks import Failed, Handler, WorkerConfig

log = logging.getLogger(__name__)

GC_THRESHOLDS = (50_000, 20, 100)
"""Collect the young generation every 50,000 new containers instead of 700: pdfplumber makes a
dict per character, and each default collection pass cost time for objects that die anyway."""


def resolve(dotted: str) -> Any:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def _die_with_parent(parent_pid: int) -> None:
    """Exit soon after the parent dies, so a killed batch leaves no orphan still writing.

    A polling thread rather than prctl(PR_SET_PDEATHSIG): that signal follows the parent
    *thread*, and pools started from dask's worker threads would die with those threads.
    """

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent_pid:
                os._exit(70)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    import resource

    limit = int(memory_mb) * 1024 * 1024
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError) as exc:
        log.warning("cannot cap worker memory at %d MB: %s", memory_mb, exc)


class WorkerPageMap:
    """The ``page_map`` a handler gets: shares the items of one map with idle workers via the parent."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.seq = 0

    def __call__(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        """``fn`` of each item, in the items' order, each as soon as it and those before it are done.

        A generator: the caller takes each page while later ones are still being read elsewhere, so
        a long document's pages need not all be held at once.
        """
        items = list(items)
        if len(items) < 2:
            yield from (fn(item) for item in items)
            return
        try:
            fn_bytes = pickle.dumps(fn)
            item_bytes = [pickle.dumps(item) for item in items]
        except Exception as exc:  # a closure or lambda: map here, in this worker
            log.debug("page_map runs serially (%s does not pickle: %s)", fn, exc)
            yield from (fn(item) for item in items)
            return
        self.seq += 1
        seq = self.seq
        results: dict[int, Any] = {}
        following = 0
        self.conn.send(MapStart(seq, fn_bytes, item_bytes))
        try:
            while following < len(items):
                while following in results:
                    yield results.pop(following)
                    following += 1
                if following == len(items):
                    break
                message = self.conn.recv()
                if isinstance(message, Stop):
                    # The pool is closing (Ctrl-C, or the caller left the loop) while this file waits
                    # for its pages: nothing of it is wanted, and its output is only ever written whole.
                    os._exit(0)
                if isinstance(message, ComputeItem) and message.seq == seq:
                    index = message.index
                    try:
                        if index >= following and index not in results:  # else a helper was first
                            results[index] = fn(items[index])
                    finally:
                        self.conn.send(ItemComputed(seq, index))
                elif isinstance(message, ItemResult) and message.seq == seq:
                    if isinstance(message.outcome, Failed):
                        raise exception_for(message.outcome)
                    if message.index >= following and message.index not in results:
                        results[message.index] = pickle.loads(message.outcome)
                # anything else is left over from an earlier map
        finally:
            self.conn.send(MapEnd(seq))


def settle_heap() -> None:
    """Move everything start-up built (modules, rule tables, babel and lingua data) out of the
    collector's sight and collect less often.

    Full collections otherwise walk that heap again and again while pdfplumber allocates:
    measured here, text pages ran 22% faster in a warmed-up worker with both changes. (spaCy,
    built later in the first file, is not frozen: freezing again after it measured no difference.)
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _warm_up(settings: Any) -> None:
    started = time.monotonic()
    try:
        from extract.extractors import warm_up

        warm_up(settings)
    except Exception as exc:  # each file will then fail or build lazily, with its own typed error
        log.warning("worker warm-up failed: %s", exc)
    log.debug("warm-up took %.1f s", time.monotonic() - started)


def _leave() -> NoReturn:
    """End the process now that the parent has every result: its logs flushed, without tearing the
    interpreter down (spaCy's and OpenCV's modules, the frozen start-up heap). The teardown took
    0.1-0.3 s, and a batch waits for its workers to end before it ends itself."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _preload_ocr(settings: Any) -> None:
    """What a helper's first page would start with: OpenCV, numpy, pytesseract (about 0.3 s), the
    language packs Tesseract has (kept for the process) and an engine with the models loaded
    (libtesseract, about 0.27 s; the page borrows it as it would have made it: each page starts
    from the same state, ``read.tesseract_lib``)."""
    started = time.monotonic()
    try:
        importlib.import_module("extract.read.ocr")
        from extract.read import tesseract_lib, tools

        tools.check_languages(settings.languages, osd=settings.orient)
        with tesseract_lib.borrowed("+".join(settings.languages), tools.tesseract_version()):
            pass  # made and put back for the first page
    except Exception as exc:  # the first page says what is wrong, with its own typed error
        log.debug("OCR preload failed: %s", exc)
    log.debug("OCR preload took %.1f s", time.monotonic() - started)


def worker_main(conn: Connection, config: WorkerConfig, parent_pid: int) -> None:
    """Entry point of a worker process."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked only while it started (WorkerHandle)
    for name in ("OMP_THREAD_LIMIT", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    from extract.logs import configure

    configure(verbose=config.log_verbose, as_json=config.log_json)
    _limit_memory(config.memory_mb)
    from extract.settings import Settings

    settings = Settings.model_validate_json(config.settings_json)
    handler: Handler = resolve(config.handler)
    # Build the rule tables in the background: page OCR for other workers needs none of them, and
    # a document waits for them only before its first task. A helper (started for a lone document's
    # pages) imports the OCR stack instead.
    warming = threading.Thread(target=_preload_ocr if config.preload_ocr and not config.warm_up else _warm_up,
                               args=(settings,), name="warm-up", daemon=True)
    if config.warm_up or config.preload_ocr:
        warming.start()
    page_map = WorkerPageMap(conn)
    settled = False
    conn.send(Ready())
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if isinstance(message, Stop):
            _leave()
        if isinstance(message, RunTask):
            if warming.is_alive():
                warming.join()
            if not settled:
                settle_heap()
                settled = True
            payload = message.payload
            outcome = guarded(lambda: handler(payload, settings, page_map), config.memory_mb)  # noqa: B023 (called here)
            conn.send(TaskDone(message.task_id, outcome))
        elif isinstance(message, ItemTask):
            if warming.is_alive():  # one thread imports at a time
                warming.join()
            if not settled:  # a helper reading another file's text pages gains as much as an owner
                settle_heap()
                settled = True
            result, restart = run_item(message.fn_bytes, message.item_bytes, config.memory_mb)
            conn.send(ItemTaskDone(message.seq, message.index, result, restart))
        # anything else is a left-over of a finished map: ignore it
