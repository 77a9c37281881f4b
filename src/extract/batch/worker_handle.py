"""One worker process as the pool sees it: the process, its pipe, and what it is doing."""

from __future__ import annotations

import os
import signal
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from extract.batch.messages import ToWorker
from extract.batch.tasks import Task, WorkerConfig
from extract.batch.worker_process import worker_main

if TYPE_CHECKING:
    from extract.batch.page_jobs import PageJob


class WorkerHandle:
    """One worker process as the parent sees it: its pipe and what it is doing."""

    def __init__(self, number: int, ctx: Any, config: WorkerConfig) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.config = config
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
        self.task: Task | None = None
        self.page: tuple[PageJob, int] | None = None
        self.job: PageJob | None = None
        self.local_busy = False
        self.deadline: float | None = None

    @property
    def idle(self) -> bool:
        return self.ready and self.task is None and self.page is None

    def send(self, message: ToWorker) -> None:
        self.conn.send(message)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
