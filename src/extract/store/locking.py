"""One writer per output folder: an exclusive ``flock`` on ``OUT/.lock``.

The lock belongs to the open file, so the kernel releases it when the process dies
(even with kill -9): no stale lock to clean up. The holder's pid is written into the
file so a second batch can say who holds it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path
from types import TracebackType

from extract.errors import OutputLockedError

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"


class OutputLock:
    """``with OutputLock(out_dir): ...``; raises ``OutputLockedError`` when another process holds it."""

    def __init__(self, out_dir: Path, *, wait_s: float = 0.0) -> None:
        self.path = Path(out_dir) / LOCK_NAME
        self.wait_s = wait_s
        """How long to wait for another holder (a short edit such as `extract correct`) before giving up."""
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise OutputLockedError(
                    f"another extract run (pid {holder}) is writing to {self.path.parent}; "
                    "wait for it to finish, or use another --out folder"
                ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        log.debug("locked %s", self.path)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
