"""The client side of a batch on dask.distributed: connect, check the cluster, submit, collect, cancel.

- Connecting: a malformed address or unknown host is a usage error; a scheduler that does not answer
  within ``connect_timeout`` (or has no workers) is a ``ClusterError`` (exit code 7), never a traceback.
- Before the first file, every worker must see the same folders and run the same versions
  (``dask_checks``); our own local cluster shares this machine and is not checked.
- Each result is handed on as it arrives and its future released at once: dask would otherwise keep
  the result on the worker and compute it again if that worker were lost.
- Leaving early (Ctrl-C, an error) cancels the run's futures and kills its files on the workers
  (``dask_tasks.cancel_run``) before the output folder's lock is released.
- Pages finished inside a document come back as ``extract-pages-<token>`` events for live progress.
"""

from __future__ import annotations

import logging
import queue
import secrets
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from extract.batch.dask_tasks import cancel_run, close_pools, dask_task
from extract.batch.tasks import Failed, Outcome, Task, WorkerConfig
from extract.errors import ClusterError, ConfigError

log = logging.getLogger(__name__)

POLL_S = 0.1
"""How often the client looks for page events and results (both arrive on dask's own thread)."""


def check_address(address: str) -> None:
    """``ConfigError`` (usage) for an address dask cannot parse or whose host does not resolve."""
    from distributed.comm import registry
    from distributed.comm.addressing import parse_address, parse_host_port

    hint = "give the address the scheduler printed, e.g. tcp://10.0.0.5:8786"
    try:
        scheme, location = parse_address(address)
        registry.get_backend(scheme)
        host, _port = parse_host_port(location)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"--scheduler {address!r} is not a dask scheduler address ({exc}); {hint}") from exc
    try:
        socket.getaddrinfo(host, None)
    except OSError as exc:
        raise ConfigError(f"--scheduler {address!r}: unknown host {host!r} ({exc.strerror or exc}); {hint}") from exc


def connect(address: str, security: Any, timeout: float) -> Any:
    """A ``Client`` of the scheduler at ``address`` with at least one worker, or a typed error."""
    from distributed import Client

    check_address(address)
    if address.startswith("tls://") and security is None:
        import dask

        if not dask.config.get("distributed.comm.tls.ca-file", None):
            raise ConfigError(f"{address} uses TLS: give --tls-ca-file, --tls-cert and --tls-key "
                              "(or set them in the dask configuration)")
    try:
        client = Client(address, security=security, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the dask scheduler at {address} within {timeout:g} s ({exc}); "
                           "check that `dask scheduler` is running there and the address and TLS options "
                           "match") from exc
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise ClusterError(f"the dask scheduler at {address} has no workers (waited {timeout:g} s); "
                           f"start some with `dask worker {address}`") from exc
    return client


def dashboard_link(client: Any) -> str | None:
    """The dashboard's address when the scheduler serves one: dask names a dashboard port even when
    none runs (bokeh missing, ``--no-dashboard``), so the port must answer."""
    try:
        port = client.scheduler_info().get("services", {}).get("dashboard")
        if not port:
            return None
        from distributed.comm.addressing import get_address_host

        with socket.create_connection((get_address_host(client.scheduler.address), int(port)), timeout=1):
            return str(client.dashboard_link)
    except Exception:  # no dashboard is no reason to stop a batch
        return None


def _quiet_dask() -> None:
    """dask logs a refused or lost connection as tracebacks; the ClusterError we raise says it in one line.
    Its configuration sets levels on sub-loggers (``distributed.client``...), so each is lowered."""
    import distributed  # noqa: F401 (configures its loggers on import)

    for name in ["distributed", *logging.root.manager.loggerDict]:
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _local_security() -> Any:
    """Our own cluster listens on 127.0.0.1 for the run's length: with throw-away TLS certificates,
    other local users cannot connect to it and run code as us (needs ``cryptography``)."""
    try:
        from distributed.security import Security

        return Security.temporary()
    except ImportError:
        return None


class DaskExecutor:
    """Submit each file to a dask.distributed cluster (``scheduler`` address, or a LocalCluster on 127.0.0.1)."""

    def __init__(self, workers: int, config: WorkerConfig, scheduler: str | None = None, *,
                 processes: bool = True, security: Any = None, connect_timeout: float = 10.0,
                 check: bool = True) -> None:
        """``check``: verify the workers' folders and versions before the first file (``dask_checks``)."""
        self.config = config
        self.check = check
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.token = secrets.token_hex(8)
        self.cluster: Any = None
        self._pending: dict[str, tuple[Any, Task]] = {}
        self._topic = f"extract-pages-{self.token}"
        if not config.log_verbose:
            _quiet_dask()
        if scheduler:
            self.client = connect(scheduler, security, connect_timeout)
        else:
            import dask
            from distributed import Client, LocalCluster

            security = security or _local_security()
            with dask.config.set({"distributed.worker.daemon": False}):
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=processes,
                                            protocol="tls://" if security else "tcp://", security=security,
                                            host="127.0.0.1", dashboard_address=None)
            self.client = Client(self.cluster, security=security)
        self.dashboard = dashboard_link(self.client)
        log.info("dask: %s", self.client)

    def run(self, tasks: Iterable[Task], on_page: Callable[[int], None] | None = None
            ) -> Iterator[tuple[Task, Outcome]]:
        from distributed import as_completed

        tasks = list(tasks)
        if not tasks:
            return
        if self.scheduler and self.check:
            from extract.batch.dask_checks import check_cluster
            from extract.settings import Settings

            languages = list(Settings.model_validate_json(self.config.settings_json).languages)
            workers = check_cluster(self.client, tasks, languages)
            log.info("dask: %d worker(s) checked: same folders and versions", workers)
        pages: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.client.subscribe_topic(self._topic, lambda event: pages.put(event[1]))
        for task in tasks:
            future = self.client.submit(dask_task, self.config, task, self.token, pure=False,
                                        key=f"extract-file-{task.id}-{self.token}")
            self._pending[future.key] = (future, task)
        finished = as_completed([future for future, _task in self._pending.values()])
        try:
            while self._pending:
                while on_page is not None and not pages.empty():
                    on_page(pages.get())
                batch = finished.next_batch(block=False)
                if not batch:
                    self._check_scheduler()
                    time.sleep(POLL_S)
                    continue
                for future in batch:
                    yield self._collect(future)
        finally:
            if self._pending:
                self.cancel()

    def _collect(self, future: Any) -> tuple[Task, Outcome]:
        _future, task = self._pending.pop(future.key)
        try:
            result: Outcome = future.result()
        except Exception as exc:  # the dask task failed (its worker lost too often: KilledWorker), or was cancelled
            if type(exc).__name__ in ("FutureCancelledError", "CancelledError"):  # not by us: we stop collecting first
                self._lost(exc)
            self._check_scheduler(exc)
            result = Failed("internal", f"the dask task failed: {type(exc).__name__}: {exc}")
        future.release()  # the result is ours now: the scheduler must not recompute it if its worker goes
        return task, result

    def _check_scheduler(self, cause: BaseException | None = None) -> None:
        """Raise ``ClusterError`` once the client has lost the scheduler for good."""
        if self.client.status in ("running", "connecting", "newly-created"):
            return
        self._lost(cause)

    def _lost(self, cause: BaseException | None) -> None:
        raise ClusterError(f"lost the dask scheduler {self.scheduler or ''} while the batch ran "
                           "; files not reported were not finished: run the same command "
                           "with --resume once the scheduler is back") from cause

    def cancel(self) -> None:
        """Cancel the futures not yet collected and kill their files on the workers (waits for it)."""
        futures = [future for future, _task in self._pending.values()]
        self._pending.clear()
        if self.client.status != "running":
            return
        try:
            self.client.cancel(futures, force=True)
            killed = self.client.run(cancel_run, self.token, on_error="return")
            log.info("dask: cancelled %d file(s); stopped %s running", len(futures),
                     sum(n for n in killed.values() if isinstance(n, int)))
        except Exception as exc:  # the cluster is going or gone: nothing there writes for us any more
            log.warning("could not cancel the run's files on the dask cluster: %s", exc)

    def close(self) -> None:
        if self._pending:
            self.cancel()
        try:
            self.client.unsubscribe_topic(self._topic)
        except Exception:
            pass
        if self.cluster is not None:
            try:
                self.client.run(close_pools, on_error="return")
            except Exception as exc:  # a worker already gone has nothing left to stop
                log.debug("closing extract workers on dask: %s", exc)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
