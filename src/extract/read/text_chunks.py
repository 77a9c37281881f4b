"""Reading text layers in chunks of pages: each chunk with a fresh pdfplumber (its caches grow with
every page read), and on a long document as jobs idle workers take (``TextChunkJob``)."""

from __future__ import annotations

import gc
import io
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import ExtractError
from extract.models import Page
from extract.read.pdf_repair import describe
from extract.read.text_pages import text_layer_page
from extract.settings import Settings

log = logging.getLogger(__name__)

REOPEN_EVERY = 50
"""pdfplumber keeps ~2.5 MB per processed page alive until the document is closed."""
SHARED_CHUNK = 12
"""Pages per text-layer job offered to idle workers (about a second of work, worth a re-open of the
file); a long document is then read on all cores, and a worker busy with its own file reads it itself."""


def read_chunk(path: Path | str, settings: Settings, source: str | bytes, numbers: tuple[int, ...],
               total: int | None = None) -> list[Page]:
    """Text-layer pages ``numbers`` of the PDF at ``source`` (its path, or the bytes of a repaired copy)."""
    from extract.read.inflate import install

    install(settings.limits.max_stream_mb << 20)  # a flate bomb costs its page, not the worker
    with open_plumber(source, pages=list(numbers), total=total) as pdf:
        pages = []
        for number, plumber_page in zip(numbers, pdf.pages, strict=True):
            pages.append(text_layer_page(plumber_page, number, settings, path))
            plumber_page.close()
    # A closed pdfplumber document is a reference cycle (pdf <-> pages) holding every decoded
    # content stream; with the workers' rare collections (settle_heap) it would pile up until
    # the end of the file (a 50-page PDF peaked at 211 MB instead of 163).
    gc.collect()
    return pages


@dataclass(frozen=True)
class TextChunkJob:
    """Text layers of some pages of a PDF, read by whichever worker is idle (small and picklable)."""

    path: str
    numbers: tuple[int, ...]
    settings: Settings
    total: int | None = None
    """The PDF's page count (a full walk of its page tree), so a chunk can go straight to its pages."""


@dataclass(frozen=True)
class TextChunkFailure:
    """A chunk whose file pdfplumber could not parse: the requester repairs the file and reads it again."""

    description: str

    def as_exception(self) -> Exception:
        return RuntimeError(self.description)


def read_text_chunk(job: TextChunkJob) -> list[Page] | TextChunkFailure:
    """What a worker runs for a ``TextChunkJob``; typed errors (too large...) travel as themselves."""
    started = time.monotonic()
    try:
        pages = read_chunk(job.path, job.settings, job.path, job.numbers, job.total)
        log.debug("%s: text layers of pages %d-%d read in %.2f s (process %d)", job.path, job.numbers[0],
                  job.numbers[-1], time.monotonic() - started, os.getpid())
        return pages
    except ExtractError:
        raise
    except Exception as exc:
        return TextChunkFailure(describe(exc))


class open_plumber:
    """Context manager opening pdfplumber on a path or in-memory bytes (optionally only some pages)."""

    def __init__(self, source: str | bytes, pages: list[int] | None = None, total: int | None = None) -> None:
        self.source, self.pages, self.total = source, pages, total
        self.pdf: Any = None

    def __enter__(self) -> Any:
        import pdfplumber

        from extract.read.page_tree import select_pages

        stream: Any = io.BytesIO(self.source) if isinstance(self.source, bytes) else self.source
        self.pdf = pdfplumber.open(stream)
        if self.pages is not None:
            select_pages(self.pdf, self.pages, self.total)  # without walking every page before them
        return self.pdf

    def __exit__(self, *exc: object) -> None:
        if self.pdf is not None:
            # Not pdfplumber's close(): it drops its page list, then walks the whole page tree again
            # to close the pages (for each 12-page chunk of a 2,000-page file, all 2,000).
            try:
                for page in getattr(self.pdf, "_pages", ()):
                    page.close()
                self.pdf.flush_cache()
                if not self.pdf.stream_is_external:
                    self.pdf.stream.close()
            except Exception:
                pass
