"""What runs inside a dask worker: one file per task, in an extract worker process with hard limits.

Each dask worker thread keeps one extract worker process (a ``WorkerPool`` of size 1, built on first
use and reused), so the per-file deadline (the process is killed), the address-space cap
(``RLIMIT_AS`` in that process) and the once-per-process rule tables hold on a cluster exactly as
they do locally.

A ``dask worker`` started the usual way runs under a nanny, which starts it as a *daemonic*
process, and ``multiprocessing`` refuses children to daemonic processes (so that a daemon ended
abruptly cannot leave orphans). Ours cannot be orphans for long: each extract worker polls its
parent and exits within a second when it goes (``worker_process._die_with_parent``), and a dask worker
that exits normally terminates its daemonic children. So the flag is lifted while our workers
start (``_allow_children``), and default ``dask worker`` processes get the same limits as any.

Pages of one document spread over the cluster: the pool of a dask task has the other dask workers as
page helpers (``ClusterPages``): items of its page map (OCR pages, text chunks) go to them as
``dask_page`` tasks, each run in that worker's own extract process. They queue behind documents
still waiting, as pages do locally; whatever a helper does not finish, the document's own process
does (``pool.WorkerPool``), so a busy or lost helper costs nothing but the duplicated item.

A run can be cancelled (Ctrl-C on the client): ``cancel_run`` kills the extract workers busy with
that run's files, so nothing goes on writing into the output folder once the client lets go of its
lock, and tasks of that run that start later return at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extract.batch.pool import WorkerPool
from extract.batch.tasks import Done, Failed, Outcome, Task, WorkerConfig

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


def finished_output(payload: Any) -> Done | None:
    """The outcome of a file whose output this very run already wrote (a task dask runs again after a
    worker was lost): it is not processed twice. ``--force`` runs rely on released futures instead."""
    from extract.batch.file_task import FileDone, FileTask
    from extract.batch.freshness import current_output

    if not isinstance(payload, FileTask) or payload.force:
        return None  # another handler's task (tests), or one to redo whatever is there
    current = current_output(Path(payload.output), payload.run)
    if current is None:
        return None
    records, sha = current
    return Done(FileDone(records=records, output_sha256=sha, pages=current_pages(Path(payload.output))))


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


class ClusterPages:
    """The other threads of the cluster as page helpers of one document (``page_jobs.PageHelpers``)."""

    def __init__(self, client: Any, config: WorkerConfig, token: str) -> None:
        self.client = client
        self.config = config
        self.token = token
        self.capacity = max(0, sum(client.nthreads().values()) - 1)  # every thread but the document's own

    @classmethod
    def here(cls, config: WorkerConfig, token: str) -> ClusterPages | None:
        try:
            from distributed import get_client

            helpers = cls(get_client(), config, token)
        except Exception as exc:  # not in a dask worker, or no scheduler: the document's process maps alone
            log.debug("no page helpers: %s", exc)
            return None
        return helpers if helpers.capacity else None

    def submit(self, fn_bytes: bytes, item_bytes: bytes, done: Callable[[bytes | None], None]) -> Any:
        future = self.client.submit(dask_page, self.config, fn_bytes, item_bytes, self.token, pure=False,
                                    key=f"extract-page-{self.token}-{secrets.token_hex(6)}")

        def finished(future: Any) -> None:
            try:
                result = future.result() if future.status == "finished" else None
            except Exception:  # lost or cancelled: the document's own process does the item
                result = None
            done(result)

        future.add_done_callback(finished)
        return future

    def cancel(self, handles: list[Any]) -> None:
        try:
            self.client.cancel(handles)
        except Exception as exc:  # a helper result nobody waits for is only wasted work
            log.debug("cancelling page helpers: %s", exc)


def dask_page(config: WorkerConfig, fn_bytes: bytes, item_bytes: bytes, token: str) -> bytes | None:
    """One page item of a document running elsewhere, in this worker thread's extract process."""
    try:
        pool = _take_pool(config, token)
    except Exception as exc:
        log.error("cannot start an extract worker process: %s", exc)
        return None
    if pool is None:
        return None
    try:
        return pool.run_page(fn_bytes, item_bytes)
    finally:
        with _LOCK:
            _BUSY.get(token, set()).discard(pool)


def dask_task(config: WorkerConfig, task: Task, token: str = "") -> Outcome:
    """What a dask worker runs for one file: its outcome, never an exception."""
    done = finished_output(task.payload)
    if done is not None:
        return done
    try:
        pool = _take_pool(config, token)
    except Exception as exc:  # refused or failed to start a process: the file cannot run under limits
        log.error("cannot start an extract worker process: %s", exc)
        return Failed("internal", CANNOT_START.format(error=f"{type(exc).__name__}: {exc}"))
    if pool is None:
        return Failed("interrupted", "the run was cancelled before this file started")
    pool.helpers = ClusterPages.here(config, token)
    try:
        for _task, result in pool.run([task], _page_reporter(token, task.id)):
            return result
        return Failed("internal", "no result from the extract worker")
    finally:
        pool.helpers = None
        with _LOCK:
            _BUSY.get(token, set()).discard(pool)


def cancel_run(token: str) -> int:
    """Stop this run's files on this dask worker now (run on every worker by the client); returns how many."""
    with _LOCK:
        _CANCELLED.add(token)
        pools = list(_BUSY.pop(token, set()))
    for pool in pools:
        pool.kill_processes()  # killed, not asked: a file half-way must not go on to replace its output
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
