"""Long-lived worker processes with hard per-task limits.

Each worker is a fresh interpreter (``spawn``: never ``fork`` after threads) that sets
``OMP_THREAD_LIMIT=1`` (Tesseract's threads are 4x slower on small shared machines), caps
its address space with ``RLIMIT_AS``, builds the rule tables once (``warm_up``; spaCy is built
on first use and kept) and then handles many files. The parent gives every task a deadline and KILLS the worker when it
passes (kind ``timeout``), then starts a fresh one; a worker that dies (segfault,
``os._exit``, the OOM killer) costs only its current file (kind ``internal``). Workers catch
``BaseException`` at their boundary and always answer with a small result dict.

Pages of one document: the handler gets a ``page_map(fn, items)``. When no other document is
waiting, idle workers take items of that map (``fn`` and the items must pickle); the
requesting worker computes items too, so a lone scan uses every worker. Otherwise the
requesting worker maps on its own. A pool may also have ``helpers`` elsewhere (on dask: the other
workers of the cluster, ``dask_tasks.ClusterPages``): pending items go to them as well, a helper's
failure only sends its item back to the pool, and a requester with nothing left to do computes an
item still out with a helper itself (the first result wins), so a map never waits on a helper that
is busy with something else.

This module is imported by every worker at start-up: keep its imports light.
"""

from __future__ import annotations

import gc
import importlib
import logging
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

log = logging.getLogger(__name__)

Result = dict[str, Any]
Handler = Callable[[dict[str, Any], Any, Any], Result]
"""``handler(payload, settings, page_map) -> result`` run inside a worker for each task."""


@dataclass(frozen=True)
class WorkerConfig:
    settings_json: str
    handler: str
    """``module:function`` of the task handler, imported in each worker."""
    memory_mb: int | None = None
    page_timeout_s: float = 120.0
    warm_up: bool = True
    log_verbose: int = 0
    log_json: bool = False


@dataclass
class Task:
    id: int
    payload: dict[str, Any]
    timeout_s: float


class PageHelpers(Protocol):
    """Somewhere else to compute items of a page map (see the module text)."""

    capacity: int
    """How many items may be out with the helpers at once."""

    def submit(self, fn_bytes: bytes, item_bytes: bytes, done: Callable[[bool, Any], None]) -> Any:
        """Start one item; ``done(ok, pickled result or None)`` is called once, from any thread. Returns a handle."""

    def cancel(self, handles: list[Any]) -> None: ...


def error_result(kind: str, message: str, **extra: Any) -> Result:
    return {"status": "error", "error_kind": kind, "message": message, **extra}


# --------------------------------------------------------------------------- inside the worker


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


def resolve(dotted: str) -> Any:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def _error_for(kind: str, message: str) -> Exception:
    from extract.errors import ERROR_KINDS, InternalError

    cls = ERROR_KINDS.get(kind, InternalError)
    return cls(message)


def guarded(call: Callable[[], Result], memory_mb: int | None = None) -> Result:
    """Run ``call`` and turn anything it raises into a typed result (the worker boundary)."""
    from extract.errors import ExtractError

    started = time.monotonic()
    try:
        result = call()
    except ExtractError as exc:
        result = error_result(exc.kind, exc.message)
    except MemoryError:
        limit = f" (limit {memory_mb} MB per worker)" if memory_mb else ""
        result = error_result("too_large", f"ran out of memory{limit}; the file is too large or a "
                                           "decompression bomb; raise limits.worker_memory_mb if it is genuine",
                              restart=True)
    except RecursionError as exc:
        result = error_result("corrupt", f"structure nested too deeply or cyclic ({exc}); "
                                         "repair the file (e.g. qpdf in.pdf out.pdf) and retry")
    except BaseException as exc:  # the boundary: nothing may escape a worker
        log.exception("internal error")
        result = error_result("internal", f"{type(exc).__name__}: {exc}; this is a bug in extract, please report it",
                              restart=isinstance(exc, (SystemExit, KeyboardInterrupt)))
    result.setdefault("seconds", round(time.monotonic() - started, 3))
    return result


class _WorkerPageMap:
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
        self.conn.send(("map", seq, fn_bytes, item_bytes))
        try:
            while following < len(items):
                while following in results:
                    yield results.pop(following)
                    following += 1
                if following == len(items):
                    break
                message = self.conn.recv()
                if message[0] == "stop":
                    # The pool is closing (Ctrl-C, or the caller left the loop) while this file waits
                    # for its pages: nothing of it is wanted, and its output is only ever written whole.
                    os._exit(0)
                if message[1] != seq:
                    continue  # left over from an earlier map
                if message[0] == "page":
                    index = message[2]
                    try:
                        if index >= following and index not in results:  # else a helper was first
                            results[index] = fn(items[index])
                    finally:
                        self.conn.send(("page_local_done", seq, index))
                elif message[0] == "page_result":
                    _, _, index, ok, payload = message
                    if not ok:
                        raise _error_for(*payload)
                    if index >= following and index not in results:
                        results[index] = pickle.loads(payload)
        finally:
            self.conn.send(("map_end", seq))


def _run_page(fn_bytes: bytes, item_bytes: bytes, memory_mb: int | None) -> tuple[bool, Any, bool]:
    box: dict[str, Any] = {}

    def call() -> Result:
        box["value"] = pickle.dumps(pickle.loads(fn_bytes)(pickle.loads(item_bytes)))
        return {"status": "ok"}

    result = guarded(call, memory_mb)
    if result["status"] == "ok":
        return True, box["value"], False
    return False, (result["error_kind"], result["message"]), bool(result.get("restart"))


GC_THRESHOLDS = (50_000, 20, 100)
"""Collect the young generation every 50,000 new containers instead of 700: pdfplumber makes a
dict per character, and each default collection pass cost time for objects that die anyway."""


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


def worker_main(conn: Connection, config: WorkerConfig, parent_pid: int) -> None:
    """Entry point of a worker process."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked only while it started (_Worker)
    for name in ("OMP_THREAD_LIMIT", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    from extract.logs import configure

    configure(verbose=config.log_verbose, as_json=config.log_json)
    _limit_memory(config.memory_mb)
    from extract.settings import Settings

    settings = Settings.model_validate_json(config.settings_json)
    handler: Handler = resolve(config.handler)
    # Build the rule tables in the background: page OCR for other workers needs none of them, and
    # a document waits for them only before its first task.
    warming = threading.Thread(target=_warm_up, args=(settings,), name="warm-up", daemon=True)
    if config.warm_up:
        warming.start()
    page_map = _WorkerPageMap(conn)
    settled = False
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        kind = message[0]
        if kind == "stop":
            return
        if kind == "task":
            _, task_id, payload = message
            if warming.is_alive():
                warming.join()
            if not settled:
                settle_heap()
                settled = True
            result = guarded(lambda: handler(payload, settings, page_map), config.memory_mb)  # noqa: B023 (called here)
            conn.send(("result", task_id, result))
        elif kind == "page_task":
            _, seq, index, fn_bytes, item_bytes = message
            if not settled:  # a helper reading another file's text pages gains as much as an owner
                settle_heap()
                settled = True
            ok, payload, restart = _run_page(fn_bytes, item_bytes, config.memory_mb)
            conn.send(("page_result", seq, index, ok, payload, restart))
        # anything else is a left-over of a finished map: ignore it


# --------------------------------------------------------------------------- in the parent


@dataclass
class _PageJob:
    requester: _Worker
    seq: int
    fn_bytes: bytes
    items: list[bytes]
    pending: deque[int] = field(default_factory=deque)
    done: set[int] = field(default_factory=set)
    remote: dict[int, Any] = field(default_factory=dict)
    """item index -> helper handle, for items out with the pool's helpers."""
    key: int = 0


class _Worker:
    def __init__(self, number: int, ctx: Any, config: WorkerConfig) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, args=(child_end, config, os.getpid()), daemon=True,
                                   name=f"extract-worker-{number}")
        # Started with SIGINT blocked: a Ctrl-C that lands while the new interpreter starts up would
        # otherwise print a KeyboardInterrupt traceback from it; the worker then ignores SIGINT for good.
        # multiprocessing's resource tracker is started first: starting it unblocks SIGINT again.
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child_end.close()
        self.conn: Connection = parent_end
        self.ready = False
        self.started = time.monotonic()
        self.task: Task | None = None
        self.page: tuple[_PageJob, int] | None = None
        self.job: _PageJob | None = None
        self.local_busy = False
        self.deadline: float | None = None

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None and self.page is None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``with WorkerPool(n, config) as pool: for task, result in pool.run(tasks): ...``"""

    def __init__(self, workers: int, config: WorkerConfig, *, start_method: str = "spawn",
                 helpers: PageHelpers | None = None) -> None:
        self.size = max(1, int(workers))
        self.helpers = helpers
        self._inbox: tuple[Connection, Connection] | None = None
        self._inbox_lock = threading.Lock()
        self._job_keys = 0
        self.config = config
        self.ctx = multiprocessing.get_context(start_method)
        self.workers: list[_Worker] = []
        self._spawned = 0
        self._early_deaths = 0
        self._on_page: Callable[[int], None] | None = None

    # ---------------------------------------------------------------- lifecycle

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, documents: int | None = None) -> None:
        """Start the workers; only as many as there are ``documents`` build spaCy ahead (the rest help with pages)."""
        warm = self.size if documents is None else min(self.size, documents)
        while len(self.workers) < self.size:
            self.workers.append(self._spawn(warm=len(self.workers) < warm))

    def _spawn(self, warm: bool = True) -> _Worker:
        self._spawned += 1
        config = self.config if warm else replace(self.config, warm_up=False)
        return _Worker(self._spawned, self.ctx, config)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        if not worker.ready:
            self._early_deaths += 1
            if self._early_deaths > 3 * self.size:
                from extract.errors import InternalError

                raise InternalError("worker processes die while starting (see the log above); "
                                    "check the installation with `extract ingest` on one file")
        index = self.workers.index(worker)
        self.workers[index] = self._spawn()

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(("stop",))
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(2)
            worker.kill()
        self.workers = []
        if self._inbox is not None:
            with self._inbox_lock:
                for conn in self._inbox:
                    conn.close()
                self._inbox = None

    def run_page(self, fn_bytes: bytes, item_bytes: bytes) -> tuple[bool, Any]:
        """One item of another pool's map (a helper's work), under the page deadline: (ok, pickled result)."""
        if not self.workers:
            self.start(documents=0)
        if wait([self.workers[0].process.sentinel], 0):  # killed while idle (kill_processes)
            self._replace(self.workers[0])
        worker = self.workers[0]
        deadline = time.monotonic() + self.config.page_timeout_s + 60  # + start-up of a fresh worker
        sent = False
        while True:
            if worker.ready and not sent:
                try:
                    worker.conn.send(("page_task", 0, 0, fn_bytes, item_bytes))
                except OSError:  # it died since
                    self._replace(worker)
                    return False, None
                deadline = time.monotonic() + self.config.page_timeout_s
                sent = True
            ready = wait([worker.conn, worker.process.sentinel], max(0.0, deadline - time.monotonic()))
            if not ready:
                self._replace(worker)
                return False, None
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                return False, None
            if message[0] == "ready":
                worker.ready = True
            elif message[0] == "page_result":
                _, _seq, _index, ok, payload, restart = message
                if restart:
                    self._replace(worker)
                return ok, payload if ok else None

    def kill_processes(self) -> None:
        """Kill every worker process now; safe from another thread (the thread running the pool
        sees each death and replaces the worker; its pipes are left to that thread)."""
        workers = list(self.workers)
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()
        # Wait until they are gone (a sentinel is ready at exit) without reaping them: that stays the owner's.
        deadline = time.monotonic() + 5
        for worker in workers:
            wait([worker.process.sentinel], max(0.0, deadline - time.monotonic()))

    # ---------------------------------------------------------------- scheduling

    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Result]]:
        """Run every task; yields ``(task, result)`` in completion order. Never raises for a task's failure.

        ``on_page(task_id)`` is called each time a page of a task's ``page_map`` is done (live progress).
        """
        self._on_page = on_page
        queue: deque[Task] = deque(tasks)
        jobs: list[_PageJob] = []
        if not self.workers:
            self.start(documents=len(queue))
        if self.helpers is not None and self._inbox is None:
            self._inbox = self.ctx.Pipe(duplex=False)
        while queue or any(w.task or w.page for w in self.workers):
            finished: list[tuple[Task, Result]] = []
            for worker in list(self.workers):  # killed while idle (kill_processes): replace before use
                # (the sentinel, not is_alive(): it is ready at exit, a moment before the process can be reaped)
                if worker.task is None and worker.page is None and wait([worker.process.sentinel], 0):
                    self._died(worker, jobs, finished)
            self._dispatch(queue, jobs)
            now = time.monotonic()
            deadlines = [w.deadline for w in self.workers if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            handles: dict[Any, _Worker] = {}
            for worker in self.workers:
                handles[worker.conn] = worker
                handles[worker.process.sentinel] = worker
            inbox = self._inbox[0] if self._inbox is not None else None
            for ready in wait([*handles, *([inbox] if inbox is not None else [])], timeout):
                if ready is inbox:
                    while inbox.poll():
                        self._helper_done(jobs, *inbox.recv())
                    continue
                worker = handles[ready]
                if worker not in self.workers:
                    continue  # replaced earlier in this round
                if ready is worker.conn:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        self._died(worker, jobs, finished)
                        continue
                    self._handle(worker, message, jobs, finished)
                elif not worker.process.is_alive():
                    try:  # read what it sent before it ended (a result, then an exit on restart)
                        while worker in self.workers and worker.conn.poll():
                            self._handle(worker, worker.conn.recv(), jobs, finished)
                    except (EOFError, OSError):
                        pass
                    if worker in self.workers:
                        self._died(worker, jobs, finished)
            self._enforce_deadlines(jobs, finished)
            yield from finished

    def _dispatch(self, queue: deque[Task], jobs: list[_PageJob]) -> None:
        # A requester takes pages of its own map first: nothing to ship.
        for job in jobs:
            requester = job.requester
            if requester.local_busy:
                continue
            if job.pending:
                index = job.pending.popleft()
            else:  # nothing left here: do the first item still out with a helper (the first result wins)
                index = next((i for i in sorted(job.remote) if i not in job.done), -1)
                if index < 0:
                    continue
            requester.conn.send(("page", job.seq, index))
            requester.local_busy = True
        for worker in self.workers:
            if not worker.idle:
                continue
            if queue:  # documents first: pages only help when a worker would otherwise wait
                task = queue.popleft()
                worker.task = task
                worker.deadline = time.monotonic() + task.timeout_s
                worker.conn.send(("task", task.id, task.payload))
                continue
            waiting = next((j for j in jobs if j.pending), None)
            if waiting is None:
                continue
            index = waiting.pending.popleft()
            worker.page = (waiting, index)
            worker.deadline = time.monotonic() + self.config.page_timeout_s
            worker.conn.send(("page_task", waiting.seq, index, waiting.fn_bytes, waiting.items[index]))
        self._to_helpers(jobs)

    def _to_helpers(self, jobs: list[_PageJob]) -> None:
        """Hand pending items to the helpers, the last ones first (the requester works from the front)."""
        helpers = self.helpers
        if helpers is None or self._inbox is None:
            return
        out = sum(len(job.remote) for job in jobs)
        for job in jobs:
            while len(job.pending) > 1 and out < helpers.capacity:
                index = job.pending.pop()
                key, sender = job.key, self._inbox[1]

                def done(ok: bool, payload: Any, key: int = key, index: int = index, sender: Connection = sender
                         ) -> None:
                    with self._inbox_lock:  # called from the helpers' threads
                        try:
                            sender.send((key, index, ok, payload))
                        except (OSError, ValueError):
                            pass  # the pool is closed

                try:
                    job.remote[index] = helpers.submit(job.fn_bytes, job.items[index], done)
                except Exception as exc:  # no helpers after all: the item stays here
                    log.debug("page helpers refused an item: %s", exc)
                    job.pending.append(index)
                    return
                out += 1

    def _helper_done(self, jobs: list[_PageJob], key: int, index: int, ok: bool, payload: Any) -> None:
        job = next((j for j in jobs if j.key == key), None)
        if job is None or job.remote.pop(index, None) is None or index in job.done:
            return  # the map ended, or the item was done here first
        if not ok:  # lost, refused or failed elsewhere: this pool does it, and its own error counts
            job.pending.appendleft(index)
            return
        job.done.add(index)
        self._forward(job, jobs, index, True, payload)
        self._page_done(job.requester)

    def _handle(self, worker: _Worker, message: tuple[Any, ...], jobs: list[_PageJob],
                finished: list[tuple[Task, Result]]) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            self._early_deaths = 0
        elif kind == "result":
            task = worker.task
            result = message[2]
            self._end_job(worker, jobs)
            worker.task = None
            worker.deadline = None
            if task is not None:
                finished.append((task, result))
            if result.get("restart"):
                self._replace(worker)
        elif kind == "map":
            _, seq, fn_bytes, items = message
            self._job_keys += 1
            job = _PageJob(worker, seq, fn_bytes, items, deque(range(len(items))), key=self._job_keys)
            worker.job = job
            worker.local_busy = False
            jobs.append(job)
        elif kind == "page_local_done":
            worker.local_busy = False
            own = worker.job
            index = message[2]
            if own is not None and index not in own.done:
                own.done.add(index)
                self._page_done(worker)
                handle = own.remote.pop(index, None)
                if handle is not None and self.helpers is not None:
                    self.helpers.cancel([handle])
        elif kind == "map_end":
            self._end_job(worker, jobs)
        elif kind == "page_result":
            _, _seq, index, ok, payload, restart = message
            page = worker.page
            worker.page = None
            worker.deadline = None
            if page is not None and index not in page[0].done:
                if ok:
                    page[0].done.add(index)
                self._forward(page[0], jobs, index, ok, payload)
                if ok and page[0] in jobs:
                    self._page_done(page[0].requester)
            if restart:
                self._replace(worker)

    def _page_done(self, requester: _Worker) -> None:
        if self._on_page is not None and requester.task is not None:
            try:
                self._on_page(requester.task.id)
            except Exception:  # progress must never stop the batch
                log.debug("page progress callback failed", exc_info=True)

    def _forward(self, job: _PageJob, jobs: list[_PageJob], index: int, ok: bool, payload: Any) -> None:
        if job in jobs:
            try:
                job.requester.conn.send(("page_result", job.seq, index, ok, payload))
            except (OSError, ValueError):
                pass  # the requester died; its own death is handled on its sentinel

    def _end_job(self, worker: _Worker, jobs: list[_PageJob]) -> None:
        if worker.job is not None and worker.job in jobs:
            jobs.remove(worker.job)
            if worker.job.remote and self.helpers is not None:
                self.helpers.cancel(list(worker.job.remote.values()))
                worker.job.remote.clear()
        worker.job = None
        worker.local_busy = False

    def _died(self, worker: _Worker, jobs: list[_PageJob], finished: list[tuple[Task, Result]]) -> None:
        worker.process.join(1)
        code = worker.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        if code == -signal.SIGKILL:
            how += " (killed from outside: possibly the system ran out of memory)"
        if worker.task is not None:
            log.warning("worker %s died (%s) while processing task %s", worker.process.name, how, worker.task.id)
            finished.append((worker.task, error_result(
                "internal", f"the worker process died ({how}) while processing this file; "
                            "the file probably crashes a library: check it, or report it")))
        if worker.page is not None:
            job, index = worker.page
            self._forward(job, jobs, index, False, ("internal", f"the worker OCR-ing page item {index} died ({how})"))
        self._end_job(worker, jobs)
        worker.task = None
        worker.page = None
        self._replace(worker)

    def _enforce_deadlines(self, jobs: list[_PageJob], finished: list[tuple[Task, Result]]) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.deadline is None or worker.deadline > now:
                continue
            if worker.task is not None:
                task = worker.task
                log.warning("task %s passed its %.0f s limit: killing its worker", task.id, task.timeout_s)
                finished.append((task, error_result(
                    "timeout", f"processing took longer than {task.timeout_s:g} s and was stopped; "
                               "raise --timeout (limits.file_timeout_s) if the file is genuine",
                    seconds=task.timeout_s)))
            elif worker.page is not None:
                job, index = worker.page
                self._forward(job, jobs, index, False, (
                    "timeout", f"a page took longer than {self.config.page_timeout_s:g} s "
                               "(limits.page_timeout_s) and was stopped"))
            self._end_job(worker, jobs)
            worker.task = None
            worker.page = None
            self._replace(worker)
