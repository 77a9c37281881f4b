"""What runs inside a dask worker: one file per task, in an extract worker process with hard limits.

Each dask worker thread keeps one extract worker process (a ``WorkerPool`` of size 1, built on first
use and reused), so the per-file deadline (the process is killed), the address-space cap
(``RLIMIT_AS`` in that process) and the once-per-process rule tables hold on a cluster exactly as
they do locally.

A ``dask worker`` started the usual way runs under a nanny, which starts it as a *daemonic*
process, and ``multiprocessing`` refuses children to daemonic processes (so that a daemon ended
abruptly cannot leave orphans). Ours cannot be orphans for long: each extract worker polls its
parent and exits within a second when it goes (``workers._die_with_parent``), and a dask worker
that exits normally terminates its daemonic children. So the flag is lifted while our workers
start (``_allow_children``), and default ``dask worker`` processes get the same limits as any.

A run can be cancelled (Ctrl-C on the client): ``cancel_run`` kills the extract workers busy with
that run's files, so nothing goes on writing into the output folder once the client lets go of its
lock, and tasks of that run that start later return at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from pathlib import Path
from typing import Any

from extract.batch.workers import Result, Task, WorkerConfig, WorkerPool, error_result

log = logging.getLogger(__name__)

_POOLS: dict[tuple[int, WorkerConfig], WorkerPool] = {}
_BUSY: dict[str, set[WorkerPool]] = {}
"""run token -> the pools running one of that run's files right now."""
_CANCELLED: set[str] = set()
_LOCK = threading.Lock()

CANNOT_START = ("this dask worker cannot start the extract worker process that enforces --timeout and "
                "limits.worker_memory_mb ({error}); start the dask workers with `--no-nanny` or with "
                "DASK_DISTRIBUTED__WORKER__DAEMON=False in their environment")


def _allow_children() -> None:
    """Let a daemonic dask worker (the nanny's default) start our worker processes (see the module text).

    Lifted for good, not around one start: the pool also starts a fresh process after each timeout kill.
    """
    multiprocessing.current_process()._config["daemon"] = False  # type: ignore[attr-defined]


def _take_pool(config: WorkerConfig, token: str) -> WorkerPool | None:
    """This thread's pool, marked busy for ``token``; None when the run was cancelled meanwhile."""
    key = (threading.get_ident(), config)
    with _LOCK:
        if token in _CANCELLED:
            return None
        pool = _POOLS.get(key)
        if pool is None:
            pool = WorkerPool(1, config)
            _allow_children()
            pool.start()
            _POOLS[key] = pool
        _BUSY.setdefault(token, set()).add(pool)
        return pool


def finished_output(payload: dict[str, Any]) -> Result | None:
    """The result of a file whose output this very run already wrote (a task dask runs again after a
    worker was lost): it is not processed twice. ``--force`` runs rely on released futures instead."""
    if payload.get("force") or "output" not in payload or "run" not in payload:
        return None
    from extract.batch.run import current_output

    current = current_output(Path(payload["output"]), payload["run"])
    if current is None:
        return None
    records, sha = current
    return {"status": "ok", "records": records, "output_sha256": sha, "pages": current_pages(Path(payload["output"]))}


def current_pages(path: Path) -> int | None:
    import json

    try:
        pages = json.loads(path.read_bytes()).get("source", {}).get("pages")
    except (OSError, ValueError, AttributeError):
        return None
    return pages if isinstance(pages, int) else None


def _page_reporter(token: str, task_id: int) -> Any:
    """Send each finished page of a document to the client (``extract-pages-<token>`` events)."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # not inside a dask worker (tests calling dask_task directly)
        return None
    topic = f"extract-pages-{token}"

    def on_page(_task_id: int) -> None:
        worker.log_event(topic, task_id)

    return on_page


def dask_task(config: WorkerConfig, task: Task, token: str = "") -> Result:
    """What a dask worker runs for one file: a typed result dict, never an exception."""
    done = finished_output(task.payload)
    if done is not None:
        return done
    try:
        pool = _take_pool(config, token)
    except Exception as exc:  # refused or failed to start a process: the file cannot run under limits
        log.error("cannot start an extract worker process: %s", exc)
        return error_result("internal", CANNOT_START.format(error=f"{type(exc).__name__}: {exc}"))
    if pool is None:
        return error_result("interrupted", "the run was cancelled before this file started")
    try:
        for _task, result in pool.run([task], _page_reporter(token, task.id)):
            return result
        return error_result("internal", "no result from the extract worker")
    finally:
        with _LOCK:
            _BUSY.get(token, set()).discard(pool)


def cancel_run(token: str) -> int:
    """Stop this run's files on this dask worker now (run on every worker by the client); returns how many."""
    with _LOCK:
        _CANCELLED.add(token)
        pools = list(_BUSY.pop(token, set()))
    for pool in pools:
        for worker in pool.workers:
            worker.kill()  # killed, not asked: a file half-way must not go on to replace its output
    return len(pools)


def close_pools() -> int:
    """Stop the extract workers of this dask worker that no run is using; returns how many pools were closed."""
    with _LOCK:
        busy = set().union(*_BUSY.values()) if _BUSY else set()
        idle = [key for key, pool in _POOLS.items() if pool not in busy]
        pools = [_POOLS.pop(key) for key in idle]
    for pool in pools:
        pool.close()
    return len(pools)
