"""Files whose reading is all in the cache run in the batch's own process, without a worker.

Reprocessing after an extractor or rule change (or with ``--force``) finds every page, the
document's sections and spaCy's entities in the cache: what is left is the extractors, about 20 ms
a page, while starting a worker process and building its rule tables costs about a second. Such a
file is tried here first against a cache that refuses to miss (``CacheOnly``): the first entry that
is not there (a page to read or OCR, sections to lay out, entities that need spaCy) stops the
attempt before any work is done, and the file goes to a worker as usual.

The workers' hard limits (deadline, address-space cap) guard reading untrusted files; what runs
here read the same file successfully before, under those limits.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, TypeVar

from extract.batch.file_task import FileTask, write_output
from extract.batch.tasks import Done, Failed, Outcome
from extract.errors import ExtractError
from extract.settings import Settings
from extract.store.cache import PageCache

log = logging.getLogger(__name__)

T = TypeVar("T")


class NotInCache(BaseException):
    """An entry the cached run needs is missing. A BaseException, so that no ``except Exception``
    on the way (a reader falling back to a repair, an extractor's guard) mistakes it for a fault
    of the file."""


class CacheOnly(PageCache):
    """The page cache, where a miss stops the run (``NotInCache``) instead of computing the entry."""

    def _hit(self, found: T | None, key: str) -> T:
        if found is None:
            raise NotInCache(key)
        return found

    def get(self, key: str) -> Any:
        return self._hit(super().get(key), key)

    def get_sections(self, key: str) -> Any:
        return self._hit(super().get_sections(key), key)

    def get_entities(self, key: str) -> Any:
        return self._hit(super().get_entities(key), key)


def _no_page_map(fn: Any, items: Any) -> Any:
    """A cached run maps nothing: any page to compute means the file is not all in the cache."""
    raise NotInCache("a page to compute")


def run_cached(task: FileTask, settings: Settings) -> Outcome | None:
    """The task's outcome when its file's reading is all in the cache; None (nothing written) otherwise."""
    if not task.cache_dir or not Path(task.cache_dir).is_dir():
        return None
    cache = CacheOnly(Path(task.cache_dir))
    started = time.monotonic()
    try:
        done = write_output(task, settings, cache, _no_page_map)
    except NotInCache as missing:
        log.debug("%s: not all in the cache (%s); it goes to a worker", task.display_path, missing)
        return None
    except ExtractError as exc:  # its own kind, as a worker would report it (an unwritable output stops the run)
        return Failed(exc.kind, exc.message, round(time.monotonic() - started, 3))
    except Exception:  # a worker tries it under its limits and reports it in its own words
        log.debug("%s: failed in the batch's process; it goes to a worker", task.display_path, exc_info=True)
        return None
    return Done(done, round(time.monotonic() - started, 3))
