"""Where the per-file tasks run: the local worker pool, or a dask.distributed cluster.

Both run the same handler on the same payloads, so their outputs are identical. The dask side
lives in ``dask_client`` (the client: connect, check, submit, cancel) and ``dask_tasks`` (what
each dask worker runs: the file in an extract worker process with the same hard limits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from extract.batch.pool import WorkerPool
from extract.batch.tasks import Outcome, Task, WorkerConfig


class Executor(Protocol):
    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Outcome]]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """Long-lived worker processes on this machine (see ``extract.batch.pool``)."""

    dashboard: str | None = None

    def __init__(self, workers: int, config: WorkerConfig) -> None:
        self.pool = WorkerPool(workers, config)  # started by run(), which knows how many documents there are

    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Outcome]]:
        return self.pool.run(tasks, on_page)

    def close(self) -> None:
        self.pool.close()


def make_executor(kind: str, workers: int, config: WorkerConfig, scheduler: str | None = None,
                  *, dask_processes: bool = True, security: Any = None, connect_timeout: float = 10.0) -> Executor:
    if kind == "dask":
        from extract.batch.dask_client import DaskExecutor

        return DaskExecutor(workers, config, scheduler, processes=dask_processes, security=security,
                            connect_timeout=connect_timeout)
    return LocalExecutor(workers, config)
