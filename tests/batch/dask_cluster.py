"""A real dask cluster on loopback for tests: `dask scheduler` and `dask worker` processes started the usual
way (workers under their default nanny), with the worktree's code and the batch fakes on PYTHONPATH."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from conftest import cli_env

DASK = str(Path(sys.executable).with_name("dask"))


@dataclass
class Cluster:
    address: str
    folder: Path
    env: dict[str, str]
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)
    tls: list[str] = field(default_factory=list)

    def add_worker(self, *extra: str, nthreads: int = 1, prefix: tuple[str, ...] = ()) -> subprocess.Popen:
        number = len(self.workers)
        log = open(self.folder / f"worker-{number}.log", "w")  # noqa: SIM115 (closed with the process)
        proc = subprocess.Popen([*prefix, DASK, "worker", self.address, "--nthreads", str(nthreads),
                                 "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{number}", *self.tls, *extra],
                                env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.workers.append(proc)
        return proc

    def wait_for_workers(self, n: int, timeout: float = 60) -> None:
        from distributed import Client

        with Client(self.address, security=self.security(), timeout=timeout) as client:
            client.wait_for_workers(n, timeout=timeout)

    def security(self) -> object:
        if not self.tls:
            return None
        from distributed.security import Security

        files = dict(zip(self.tls[::2], self.tls[1::2]))
        return Security(tls_ca_file=files["--tls-ca-file"], tls_client_cert=files["--tls-cert"],
                        tls_client_key=files["--tls-key"], require_encryption=True)

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)  # the worker's nanny and our extract workers with it
                except ProcessLookupError:
                    pass
            proc.wait(10)


@contextmanager
def real_cluster(folder: Path, workers: int = 1, *, nthreads: int = 1, fake: bool = True,
                 tls: list[str] | None = None, env: dict[str, str] | None = None) -> Iterator[Cluster]:
    folder.mkdir(parents=True, exist_ok=True)
    env = {**cli_env(fake), **(env or {})}
    scheduler_file = folder / "scheduler.json"
    log = open(folder / "scheduler.log", "w")  # noqa: SIM115
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(scheduler_file), *(tls or [])],
                                 env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    address = None
    while address is None and time.monotonic() < deadline:
        try:
            address = json.loads(scheduler_file.read_text())["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.2)
    assert address, (folder / "scheduler.log").read_text()
    cluster = Cluster(address, folder, env, scheduler, tls=list(tls or []))
    try:
        for _ in range(workers):
            cluster.add_worker(nthreads=nthreads)
        if workers:
            cluster.wait_for_workers(workers)
        yield cluster
    finally:
        cluster.stop()
        log.close()
