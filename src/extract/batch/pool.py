"""Long-lived worker processes with hard per-task limits, in the parent.

The parent gives every task a deadline and KILLS the worker when it passes (kind ``timeout``),
then starts a fresh one; a worker that dies (segfault, ``os._exit``, the OOM killer) costs only its
current file (kind ``internal``). The pool starts its workers with its first tasks: files all in
the cache never get here (``batch.cached_files``), and the pages of a lone document are work for
every worker (``page_jobs``).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from multiprocessing.connection import wait
from typing import Any

from extract.batch.helper_pages import HelperOutbox
from extract.batch.messages import (
    ComputeItem,
    ItemComputed,
    ItemOutcome,
    ItemResult,
    ItemTask,
    ItemTaskDone,
    MapEnd,
    MapStart,
    Ready,
    RunTask,
    Stop,
    TaskDone,
    ToParent,
)
from extract.batch.page_jobs import PageHelpers, PageJob
from extract.batch.tasks import Failed, Outcome, Task, WorkerConfig
from extract.batch.worker_handle import WorkerHandle

log = logging.getLogger(__name__)

Finished = list[tuple[Task, Outcome]]


class WorkerPool:
    """``with WorkerPool(n, config) as pool: for task, outcome in pool.run(tasks): ...``"""

    def __init__(self, workers: int, config: WorkerConfig, *, start_method: str = "spawn",
                 helpers: PageHelpers | None = None) -> None:
        self.size = max(1, int(workers))
        self.helpers = helpers
        self._outbox: HelperOutbox | None = None
        self._job_keys = 0
        self.config = config
        self.ctx = multiprocessing.get_context(start_method)
        self.workers: list[WorkerHandle] = []
        self._spawned = 0
        self._early_deaths = 0
        self._on_page: Callable[[int], None] | None = None

    # ---------------------------------------------------------------- lifecycle

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, documents: int | None = None) -> None:
        """Start the workers: one per document (up to the pool's size), the rest to help with the
        pages of those documents.

        With as many documents as workers, each builds the rule tables while it waits for its first.
        With fewer (a lone scan), a document's worker starts on it at once: its first task is
        rarely far behind, a scan's rule tables are built while Tesseract reads its pages
        (``pipeline.extraction_steps``) and a text document's on first use; the helpers import the
        OCR stack while they wait for pages instead.
        """
        owners = self.size if documents is None else min(self.size, documents)
        while len(self.workers) < self.size:
            helper = len(self.workers) >= owners
            if helper:  # (not with a test's fake handler, which needs neither)
                config = replace(self.config, warm_up=False, preload_ocr=self.config.warm_up)
            else:
                config = self.config if owners == self.size else replace(self.config, warm_up=False)
            self.workers.append(self._spawn(config))

    def _spawn(self, config: WorkerConfig | None = None) -> WorkerHandle:
        self._spawned += 1
        return WorkerHandle(self._spawned, self.ctx, config or self.config)

    def _replace(self, worker: WorkerHandle) -> None:
        worker.kill()
        if not worker.ready:
            self._early_deaths += 1
            if self._early_deaths > 3 * self.size:
                from extract.errors import InternalError

                raise InternalError("worker processes die while starting (see the log above); "
                                    "check the installation with `extract ingest` on one file")
        index = self.workers.index(worker)
        self.workers[index] = self._spawn(worker.config)  # in the same role

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.send(Stop())
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(2)
            worker.kill()
        self.workers = []
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None

    def run_page(self, fn_bytes: bytes, item_bytes: bytes) -> bytes | None:
        """One item of another pool's map (a helper's work), under the page deadline: the pickled
        result, or None when it failed."""
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
                    worker.send(ItemTask(0, 0, fn_bytes, item_bytes))
                except OSError:  # it died since
                    self._replace(worker)
                    return None
                deadline = time.monotonic() + self.config.page_timeout_s
                sent = True
            ready = wait([worker.conn, worker.process.sentinel], max(0.0, deadline - time.monotonic()))
            if not ready:
                self._replace(worker)
                return None
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                return None
            if isinstance(message, Ready):
                worker.ready = True
            elif isinstance(message, ItemTaskDone):
                if message.restart:
                    self._replace(worker)
                return message.outcome if isinstance(message.outcome, bytes) else None

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
            ) -> Iterator[tuple[Task, Outcome]]:
        """Run every task; yields ``(task, outcome)`` in completion order. Never raises for a task's failure.

        ``on_page(task_id)`` is called each time a page of a task's ``page_map`` is done (live progress).
        """
        self._on_page = on_page
        queue: deque[Task] = deque(tasks)
        jobs: list[PageJob] = []
        if not queue:
            return
        if not self.workers:
            self.start(documents=len(queue))
        if self.helpers is not None and self._outbox is None:
            self._outbox = HelperOutbox(self.helpers, self.ctx)
        while queue or any(w.task or w.page for w in self.workers):
            finished: Finished = []
            for worker in list(self.workers):  # killed while idle (kill_processes): replace before use
                # (the sentinel, not is_alive(): it is ready at exit, a moment before the process can be reaped)
                if worker.task is None and worker.page is None and wait([worker.process.sentinel], 0):
                    self._died(worker, jobs, finished)
            self._dispatch(queue, jobs)
            now = time.monotonic()
            deadlines = [w.deadline for w in self.workers if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            handles: dict[Any, WorkerHandle] = {}
            for worker in self.workers:
                handles[worker.conn] = worker
                handles[worker.process.sentinel] = worker
            outbox = self._outbox
            inbox = outbox.inbox if outbox is not None else None
            for ready in wait([*handles, *([inbox] if inbox is not None else [])], timeout):
                if outbox is not None and ready is inbox:
                    for key, index, result in outbox.received():
                        self._helper_done(jobs, key, index, result)
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

    def _dispatch(self, queue: deque[Task], jobs: list[PageJob]) -> None:
        # A requester takes pages of its own map first: nothing to ship.
        for job in jobs:
            requester = job.requester
            if requester.local_busy:
                continue
            index = job.next_for_requester()
            if index is None:
                continue
            requester.send(ComputeItem(job.seq, index))
            requester.local_busy = True
        # A document goes to a worker started for documents; to a helper (started with the OCR stack,
        # for pages) only when none of those is still starting.
        owner_starting = any(not w.ready and not w.config.preload_ocr for w in self.workers)
        for worker in sorted(self.workers, key=lambda w: w.config.preload_ocr):
            if not worker.idle:
                continue
            if queue and not (worker.config.preload_ocr and owner_starting):
                # documents first: pages only help when a worker would otherwise wait
                task = queue.popleft()
                worker.task = task
                worker.deadline = time.monotonic() + task.timeout_s
                worker.send(RunTask(task.id, task.payload))
                continue
            waiting = next((j for j in jobs if j.pending), None)
            if waiting is None:
                continue
            index = waiting.pending.popleft()
            worker.page = (waiting, index)
            worker.deadline = time.monotonic() + self.config.page_timeout_s
            worker.send(ItemTask(waiting.seq, index, waiting.fn_bytes, waiting.items[index]))
        if self._outbox is not None:
            self._outbox.send_out(jobs)

    def _helper_done(self, jobs: list[PageJob], key: int, index: int, result: bytes | None) -> None:
        job = next((j for j in jobs if j.key == key), None)
        if job is None or job.remote.pop(index, None) is None or index in job.done:
            return  # the map ended, or the item was done here first
        if result is None:  # lost, refused or failed elsewhere: this pool does it, and its own error counts
            job.pending.appendleft(index)
            return
        job.done.add(index)
        self._forward(job, jobs, index, result)
        self._page_done(job.requester)

    def _handle(self, worker: WorkerHandle, message: ToParent, jobs: list[PageJob], finished: Finished) -> None:
        if isinstance(message, Ready):
            worker.ready = True
            self._early_deaths = 0
        elif isinstance(message, TaskDone):
            task = worker.task
            self._end_job(worker, jobs)
            worker.task = None
            worker.deadline = None
            if task is not None:
                finished.append((task, message.outcome))
            if isinstance(message.outcome, Failed) and message.outcome.restart:
                self._replace(worker)
        elif isinstance(message, MapStart):
            self._job_keys += 1
            job = PageJob(worker, message.seq, message.fn_bytes, message.items, deque(range(len(message.items))),
                          key=self._job_keys)
            worker.job = job
            worker.local_busy = False
            jobs.append(job)
        elif isinstance(message, ItemComputed):
            worker.local_busy = False
            own = worker.job
            if own is not None and message.index not in own.done:
                own.done.add(message.index)
                self._page_done(worker)
                handle = own.remote.pop(message.index, None)
                if handle is not None and self.helpers is not None:
                    self.helpers.cancel([handle])
        elif isinstance(message, MapEnd):
            self._end_job(worker, jobs)
        elif isinstance(message, ItemTaskDone):
            page = worker.page
            worker.page = None
            worker.deadline = None
            if page is not None and message.index not in page[0].done:
                ok = not isinstance(message.outcome, Failed)
                if ok:
                    page[0].done.add(message.index)
                self._forward(page[0], jobs, message.index, message.outcome)
                if ok and page[0] in jobs:
                    self._page_done(page[0].requester)
            if message.restart:
                self._replace(worker)

    def _page_done(self, requester: WorkerHandle) -> None:
        if self._on_page is not None and requester.task is not None:
            try:
                self._on_page(requester.task.id)
            except Exception:  # progress must never stop the batch
                log.debug("page progress callback failed", exc_info=True)

    def _forward(self, job: PageJob, jobs: list[PageJob], index: int, outcome: ItemOutcome) -> None:
        if job in jobs:
            try:
                job.requester.send(ItemResult(job.seq, index, outcome))
            except (OSError, ValueError):
                pass  # the requester died; its own death is handled on its sentinel

    def _end_job(self, worker: WorkerHandle, jobs: list[PageJob]) -> None:
        if worker.job is not None and worker.job in jobs:
            jobs.remove(worker.job)
            if worker.job.remote and self.helpers is not None:
                self.helpers.cancel(list(worker.job.remote.values()))
                worker.job.remote.clear()
        worker.job = None
        worker.local_busy = False

    def _died(self, worker: WorkerHandle, jobs: list[PageJob], finished: Finished) -> None:
        worker.process.join(1)
        code = worker.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        if code == -signal.SIGKILL:
            how += " (killed from outside: possibly the system ran out of memory)"
        if worker.task is not None:
            log.warning("worker %s died (%s) while processing task %s", worker.process.name, how, worker.task.id)
            finished.append((worker.task, Failed(
                "internal", f"the worker process died ({how}) while processing this file; "
                            "the file probably crashes a library: check it, or report it")))
        if worker.page is not None:
            job, index = worker.page
            self._forward(job, jobs, index, Failed("internal", f"the worker OCR-ing page item {index} died ({how})"))
        self._end_job(worker, jobs)
        worker.task = None
        worker.page = None
        self._replace(worker)

    def _enforce_deadlines(self, jobs: list[PageJob], finished: Finished) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.deadline is None or worker.deadline > now:
                continue
            if worker.task is not None:
                task = worker.task
                log.warning("task %s passed its %.0f s limit: killing its worker", task.id, task.timeout_s)
                finished.append((task, Failed(
                    "timeout", f"processing took longer than {task.timeout_s:g} s and was stopped; "
                               "raise --timeout (limits.file_timeout_s) if the file is genuine",
                    seconds=task.timeout_s)))
            elif worker.page is not None:
                job, index = worker.page
                self._forward(job, jobs, index, Failed(
                    "timeout", f"a page took longer than {self.config.page_timeout_s:g} s "
                               "(limits.page_timeout_s) and was stopped"))
            self._end_job(worker, jobs)
            worker.task = None
            worker.page = None
            self._replace(worker)
