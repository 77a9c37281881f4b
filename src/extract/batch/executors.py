"""Where the per-file tasks run: the local worker pool, or a dask.distributed cluster.

Both run the same handler on the same payloads, so their outputs are identical. On dask,
each dask worker keeps one extract worker process of its own (``WorkerPool`` of size 1,
built on first use and reused), so the hard time and memory limits and the once-per-process
rule tables and spaCy pipeline hold there too. Where a dask worker may not start processes (a daemonic
worker), the task runs inside the dask worker instead, still behind the typed-result boundary,
but without the hard limits (logged once).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from extract.batch.workers import Result, Task, WorkerConfig, WorkerPool, guarded, resolve

log = logging.getLogger(__name__)


class Executor(Protocol):
    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Result]]: ...

    def close(self) -> None: ...


class LocalExecutor:
    """Long-lived worker processes on this machine (see ``extract.batch.workers``)."""

    def __init__(self, workers: int, config: WorkerConfig) -> None:
        self.pool = WorkerPool(workers, config)  # started by run(), which knows how many documents there are

    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Result]]:
        return self.pool.run(tasks, on_page)

    def close(self) -> None:
        self.pool.close()


# --------------------------------------------------------------------------- dask

_POOLS: dict[tuple[int, WorkerConfig], WorkerPool] = {}
_IN_PROCESS: dict[WorkerConfig, Any] = {}
_LOCK = threading.Lock()


def _in_process(config: WorkerConfig, task: Task) -> Result:
    with _LOCK:
        settings = _IN_PROCESS.get(config)
        if settings is None:
            from extract.settings import Settings

            settings = Settings.model_validate_json(config.settings_json)
            if config.warm_up:
                try:
                    from extract.extractors import warm_up

                    warm_up(settings)
                except Exception as exc:
                    log.warning("warm-up failed in dask worker: %s", exc)
            _IN_PROCESS[config] = settings
    handler = resolve(config.handler)
    return guarded(lambda: handler(task.payload, settings, None), config.memory_mb)


def dask_task(config: WorkerConfig, task: Task) -> Result:
    """What a dask worker runs for one file."""
    key = (threading.get_ident(), config)
    try:
        with _LOCK:
            pool = _POOLS.get(key)
        if pool is None:
            pool = WorkerPool(1, config)
            pool.start()
            with _LOCK:
                _POOLS[key] = pool
    except AssertionError as exc:  # "daemonic processes are not allowed to have children"
        if config not in _IN_PROCESS:
            log.warning("dask worker cannot start processes (%s): running files in the dask worker, "
                        "without hard time and memory limits", exc)
        return _in_process(config, task)
    for _task, result in pool.run([task]):
        return result
    return {"status": "error", "error_kind": "internal", "message": "no result from the worker"}


def close_pools() -> int:
    """Stop the extract workers this (dask worker) process started; returns how many pools were closed."""
    with _LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()
    return len(pools)


class DaskExecutor:
    """Submit each file to a dask.distributed cluster (``scheduler`` address, or a LocalCluster on 127.0.0.1)."""

    def __init__(self, workers: int, config: WorkerConfig, scheduler: str | None = None,
                 *, processes: bool = True) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.config = config
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            # Our own extract worker runs under each dask worker: they must be allowed children.
            with dask.config.set({"distributed.worker.daemon": False}):
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=processes,
                                            protocol="tcp://",
                                            host="127.0.0.1", dashboard_address=None)
            self.client = Client(self.cluster)
        log.info("dask: %s", self.client)

    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Result]]:
        """``on_page`` is not called: pages are counted when each file is done."""
        from distributed import as_completed

        by_key = {}
        futures = []
        for task in tasks:
            future = self.client.submit(dask_task, self.config, task, pure=False, key=f"extract-file-{task.id}-"
                                        f"{id(self):x}")
            by_key[future.key] = task
            futures.append(future)
        for future in as_completed(futures):
            task = by_key[future.key]
            try:
                result = future.result()
            except Exception as exc:  # the dask worker itself failed (lost, killed)
                result = {"status": "error", "error_kind": "internal",
                          "message": f"the dask task failed: {type(exc).__name__}: {exc}"}
            yield task, result

    def close(self) -> None:
        try:
            self.client.run(close_pools)
        except Exception as exc:  # a worker already gone has nothing left to stop
            log.debug("closing extract workers on dask: %s", exc)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(kind: str, workers: int, config: WorkerConfig, scheduler: str | None = None,
                  *, dask_processes: bool = True) -> Executor:
    if kind == "dask":
        return DaskExecutor(workers, config, scheduler, processes=dask_processes)
    return LocalExecutor(workers, config)
