"""The pages of one document's map, as the pool shares them: who asked, what is pending, what is out.

When no other document is waiting, idle workers take items of a map (``fn`` and the items must
pickle); the requesting worker computes items too, so a lone scan uses every worker. A pool may
also have ``helpers`` elsewhere (on dask: the other workers of the cluster,
``dask_tasks.ClusterPages``): pending items go to them as well, a helper's failure only sends its
item back to the pool, and a requester with nothing left to do computes an item still out with a
helper itself (the first result wins), so a map never waits on a helper that is busy elsewhere.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from extract.batch.worker_handle import WorkerHandle


class PageHelpers(Protocol):
    """Somewhere else to compute items of a page map (see the module text)."""

    capacity: int
    """How many items may be out with the helpers at once."""

    def submit(self, fn_bytes: bytes, item_bytes: bytes, done: Callable[[bytes | None], None]) -> Any:
        """Start one item; ``done(pickled result, or None when it failed)`` is called once, from any
        thread. Returns a handle."""

    def cancel(self, handles: list[Any]) -> None: ...


@dataclass(eq=False)
class PageJob:
    """One worker's page map, in the parent."""

    requester: WorkerHandle
    seq: int
    fn_bytes: bytes
    items: list[bytes]
    pending: deque[int] = field(default_factory=deque)
    done: set[int] = field(default_factory=set)
    remote: dict[int, Any] = field(default_factory=dict)
    """item index -> helper handle, for items out with the pool's helpers."""
    key: int = 0

    def next_for_requester(self) -> int | None:
        """The item the requester should compute next: a pending one, else the first still out with a
        helper (the first result wins); None when there is nothing."""
        if self.pending:
            return self.pending.popleft()
        return next((i for i in sorted(self.remote) if i not in self.done), None)
