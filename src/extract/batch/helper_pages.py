"""The pool's link to its page helpers elsewhere (``page_jobs.PageHelpers``): pending items of its
page maps go out to them, and their results come back on a pipe the pool waits on together with
its workers' (the helpers call back from their own threads, so the pipe is written under a lock)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

from extract.batch.page_jobs import PageHelpers, PageJob

log = logging.getLogger(__name__)


class HelperOutbox:
    """Items out with the ``helpers``; their results arrive as ``(job key, item index, pickled result
    or None)`` on ``inbox``."""

    def __init__(self, helpers: PageHelpers, ctx: BaseContext) -> None:
        self.helpers = helpers
        self._inbox: tuple[Connection, Connection] = ctx.Pipe(duplex=False)
        self._inbox_lock = threading.Lock()

    @property
    def inbox(self) -> Connection:
        return self._inbox[0]

    def received(self) -> Iterator[tuple[int, int, bytes | None]]:
        """The results waiting on ``inbox``, one at a time (each handled before the next is read)."""
        while self._inbox[0].poll():
            yield self._inbox[0].recv()

    def send_out(self, jobs: list[PageJob]) -> None:
        """Hand pending items to the helpers, the last ones first (the requester works from the front)."""
        helpers = self.helpers
        out = sum(len(job.remote) for job in jobs)
        for job in jobs:
            while len(job.pending) > 1 and out < helpers.capacity:
                index = job.pending.pop()
                key, sender = job.key, self._inbox[1]

                def done(result: bytes | None, key: int = key, index: int = index, sender: Connection = sender
                         ) -> None:
                    with self._inbox_lock:  # called from the helpers' threads
                        try:
                            sender.send((key, index, result))
                        except (OSError, ValueError):
                            pass  # the pool is closed

                try:
                    job.remote[index] = helpers.submit(job.fn_bytes, job.items[index], done)
                except Exception as exc:  # no helpers after all: the item stays here
                    log.debug("page helpers refused an item: %s", exc)
                    job.pending.append(index)
                    return
                out += 1

    def close(self) -> None:
        with self._inbox_lock:  # a helper's late result finds the pipe closed, not half-closed
            for conn in self._inbox:
                conn.close()
