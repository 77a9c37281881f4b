"""The messages between the pool (parent) and its worker processes, one class per message.

A worker asks the parent to share the items of a page map (``MapStart``); the parent then tells it
which items to compute itself (``ComputeItem``), gives items of other workers' maps to idle
workers (``ItemTask``), and forwards their results to the map's owner (``ItemResult``).
Pickled items and results travel as bytes, so the parent never imports what they hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.batch.tasks import Failed, Outcome

ItemOutcome = bytes | Failed
"""A page item's result: its pickled value, or why it failed."""

# --------------------------------------------------------------------------- parent -> worker


@dataclass(frozen=True)
class RunTask:
    task_id: int
    payload: Any


@dataclass(frozen=True)
class Stop:
    pass


@dataclass(frozen=True)
class ComputeItem:
    """Compute item ``index`` of your own map ``seq`` yourself."""

    seq: int
    index: int


@dataclass(frozen=True)
class ItemTask:
    """Compute one item of another worker's map (or of a dask helper's request, ``seq`` 0)."""

    seq: int
    index: int
    fn_bytes: bytes
    item_bytes: bytes


@dataclass(frozen=True)
class ItemResult:
    """An item of your map ``seq``, computed elsewhere."""

    seq: int
    index: int
    outcome: ItemOutcome


ToWorker = RunTask | Stop | ComputeItem | ItemTask | ItemResult

# --------------------------------------------------------------------------- worker -> parent


@dataclass(frozen=True)
class Ready:
    pass


@dataclass(frozen=True)
class TaskDone:
    task_id: int
    outcome: Outcome


@dataclass(frozen=True)
class MapStart:
    """Share the items of this map with idle workers."""

    seq: int
    fn_bytes: bytes
    items: list[bytes]


@dataclass(frozen=True)
class ItemComputed:
    """The requester finished an item it was told to compute itself (``ComputeItem``)."""

    seq: int
    index: int


@dataclass(frozen=True)
class ItemTaskDone:
    """The answer to an ``ItemTask``."""

    seq: int
    index: int
    outcome: ItemOutcome
    restart: bool = False


@dataclass(frozen=True)
class MapEnd:
    seq: int


ToParent = Ready | TaskDone | MapStart | ItemComputed | ItemTaskDone | MapEnd
