"""The worker boundary: whatever a task or page item raises becomes a typed ``Failed``, and back.

Workers catch ``BaseException`` here, so nothing escapes a worker process; the kinds are those of
``extract.errors`` (a MemoryError under the worker's address-space cap is ``too_large``).
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Callable
from typing import Any

from extract.batch.messages import ItemOutcome
from extract.batch.tasks import Done, Failed, Outcome

log = logging.getLogger(__name__)


def guarded(call: Callable[[], Any], memory_mb: int | None = None) -> Outcome:
    """Run ``call``: ``Done`` with its value, or ``Failed`` with the kind of what it raised."""
    from extract.errors import ExtractError

    started = time.monotonic()
    failed: Failed
    try:
        value = call()
    except ExtractError as exc:
        failed = Failed(exc.kind, exc.message)
    except MemoryError:
        limit = f" (limit {memory_mb} MB per worker)" if memory_mb else ""
        failed = Failed("too_large", f"ran out of memory{limit}; the file is too large or a decompression bomb; "
                                     "raise limits.worker_memory_mb if it is genuine", restart=True)
    except RecursionError as exc:
        failed = Failed("corrupt", f"structure nested too deeply or cyclic ({exc}); "
                                   "repair the file (e.g. qpdf in.pdf out.pdf) and retry")
    except BaseException as exc:  # the boundary: nothing may escape a worker
        log.exception("internal error")
        failed = Failed("internal", f"{type(exc).__name__}: {exc}; this is a bug in extract, please report it",
                        restart=isinstance(exc, (SystemExit, KeyboardInterrupt)))
    else:
        return Done(value, round(time.monotonic() - started, 3))
    return Failed(failed.kind, failed.message, round(time.monotonic() - started, 3), failed.restart)


def run_item(fn_bytes: bytes, item_bytes: bytes, memory_mb: int | None) -> tuple[ItemOutcome, bool]:
    """One pickled page item through the boundary: (pickled result or Failed, whether to restart)."""
    outcome = guarded(lambda: pickle.dumps(pickle.loads(fn_bytes)(pickle.loads(item_bytes))), memory_mb)
    if isinstance(outcome, Done):
        value: bytes = outcome.value
        return value, False
    return outcome, outcome.restart


def exception_for(failed: Failed) -> Exception:
    """The typed error a failed page item stands for, raised again in the map's owner."""
    from extract.errors import ERROR_KINDS, InternalError

    return ERROR_KINDS.get(failed.kind, InternalError)(failed.message)
