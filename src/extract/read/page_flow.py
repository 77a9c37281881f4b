"""How the reader hands pages out and gets them back: the page map (workers' or none) and the hook
that takes each final page."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from extract.models import Page

if TYPE_CHECKING:
    # extract.read.ocr loads OpenCV (about 30 MB per process): imported only when a page needs OCR.
    from extract.read.ocr import OcrJob

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
PageHook = Callable[[Page], Page]
"""Called with each final page; returns what the Document keeps of it (see ``read_document``)."""


def keep(page: Page) -> Page:
    return page


@contextlib.contextmanager
def mapped(page_map: PageMap | None, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Iterator[Any]]:
    """``fn`` over ``items`` (through ``page_map`` when given), as an iterator closed on leaving the block.

    A worker's page_map is a generator that tells the parent when the map ends: closing it right
    away, even on an error, frees the other workers before this one maps anything else.
    """
    results = page_map(fn, items) if page_map is not None else (fn(item) for item in items)
    try:
        yield iter(results)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()


def run_ocr_jobs(jobs: list[OcrJob], page_map: PageMap | None) -> contextlib.AbstractContextManager[Iterator[Page]]:
    from extract.read.ocr import ocr_page_job

    return mapped(page_map if jobs else None, ocr_page_job, jobs)
