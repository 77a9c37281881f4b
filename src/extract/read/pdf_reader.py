"""A PDF -> Document: the text layer where it is good, OCR (cached or fresh) elsewhere.

With a warm cache no text extraction or OCR runs at all: pypdfium2 counts the pages (~1 ms) and
every page comes from the store. A file pdfplumber cannot parse is rebuilt with qpdf and read again.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import CorruptFileError, EncryptedFileError, ExtractError, TooLargeError
from extract.models import Document, Page, PageStore, Source
from extract.read.page_flow import PageHook, PageMap, keep, mapped, run_ocr_jobs
from extract.read.page_keys import page_cache_key, pdfplumber_version
from extract.read.pdf_repair import (
    ENCRYPTED_HINT,
    describe,
    is_password_error,
    pdfium_page_count,
    render_target,
    repair,
    repair_quietly,
)
from extract.read.text_chunks import (
    REOPEN_EVERY,
    SHARED_CHUNK,
    TextChunkFailure,
    TextChunkJob,
    open_plumber,
    read_chunk,
    read_text_chunk,
)
from extract.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class PdfReader:
    path: Path
    sha256: str
    size: int
    settings: Settings
    cache: PageStore | None
    page_map: PageMap | None
    on_page: PageHook = keep
    warnings: list[str] = field(default_factory=list)
    repaired: bytes | None = None
    """The pikepdf-rebuilt PDF, when the original could not be read."""
    original_error: str | None = None
    fium_count: int | None = None
    """Page count by pdfium (None when it cannot open the file): text pages are cached only when
    pdfplumber counts the same."""

    # ----------------------------------------------------------------- cache keys

    def _text_key(self, number: int) -> str:
        return page_cache_key(self.sha256, number, "text", self.settings.text_key(), pdfplumber_version())

    def _ocr_key(self, number: int) -> str:
        from extract.read import tools

        return page_cache_key(self.sha256, number, "ocr", self.settings.ocr_key(), tools.tesseract_version())

    # ----------------------------------------------------------------- flow

    def read(self) -> Document:
        fium_count = pdfium_page_count(self.path)
        if fium_count:
            self._check_page_count(fium_count)  # reject early, before pdfplumber parses thousands of pages
        self.fium_count = fium_count
        text_pages: dict[int, Page] = {}
        if self.cache is not None and fium_count:
            text_pages = self._cached_text_pages(fium_count)
        if len(text_pages) == fium_count and fium_count:
            count = fium_count
            log.debug("%s: all %d pages' text layers from cache", self.path, count)
        else:
            count, fresh = self._extract_text_layers(skip=set(text_pages))
            if text_pages and count != fium_count:
                # Page numbering may differ between the two parsers: do not trust cached entries either way.
                text_pages = {}
                count, fresh = self._extract_text_layers(skip=set())
            text_pages.update(fresh)
        pages = self._pages_with_ocr(text_pages)
        if not pages:
            skipped = [p.reason for p in text_pages.values() if p.reason.startswith("skipped")]
            if any("max_page_side_pt" in reason for reason in skipped):
                raise TooLargeError("every page is larger than limits.max_page_side_pt; raise the limit if the "
                                    "file is trusted", path=str(self.path))
            if any("max_stream_mb" in reason or "worker_memory_mb" in reason for reason in skipped):
                raise TooLargeError("every page is too large to read: " + "; ".join(
                    r.removeprefix("skipped: ").removesuffix("; skipped") for r in skipped[:3]), path=str(self.path))
            raise CorruptFileError("no page of the PDF could be read" + self._why(), path=str(self.path))
        source = Source(path=str(self.path), sha256=self.sha256, media_type="application/pdf", size=self.size,
                        pages=count)
        return Document(source=source, pages=[pages[n] for n in sorted(pages)], warnings=self.warnings)

    def _take_text_page(self, page: Page, *, fresh: bool, count: int) -> Page:
        """A text-layer page as it arrives: stored when fresh, handed to ``on_page`` when it is final.

        Pages that wait for OCR or were skipped stay whole: OCR merges with them, or they are dropped.
        """
        if fresh and self.cache is not None and count == self.fium_count:
            self.cache.put(self._text_key(page.number), page)
        if page.reason.startswith(("ocr:", "skipped")):
            return page
        return self.on_page(page)

    def _check_page_count(self, count: int) -> None:
        limit = self.settings.limits.max_pages
        if count > limit:
            raise TooLargeError(f"the PDF has {count} pages, over limits.max_pages ({limit}); split it or raise "
                                "the limit", path=str(self.path))

    def _why(self) -> str:
        return f" ({self.original_error})" if self.original_error else ""

    def _cached_text_pages(self, count: int) -> dict[int, Page]:
        found: dict[int, Page] = {}
        assert self.cache is not None
        for number in range(1, count + 1):
            page = self.cache.get(self._text_key(number))
            if page is not None:
                found[number] = self._take_text_page(page, fresh=False, count=count)
        return found

    def _pages_with_ocr(self, text_pages: dict[int, Page]) -> dict[int, Page]:
        """Final pages: the text layer where it is good, OCR (cached or fresh) elsewhere."""
        final: dict[int, Page] = {}
        todo: list[tuple[int, str]] = []
        for number, page in sorted(text_pages.items()):
            if page.reason.startswith("skipped"):
                self.warnings.extend(page.warnings)
                continue
            if not page.reason.startswith("ocr:"):
                final[number] = page
                continue
            cached = self.cache.get(self._ocr_key(number)) if self.cache is not None else None
            if cached is not None:
                final[number] = self.on_page(_merge(cached, page))
                continue
            todo.append((number, page.reason))
        if not todo:
            return final
        with render_target(self.path, self._render_source()) as (path, inline):
            from extract.read.ocr import OcrJob

            jobs = [OcrJob.create(path, number - 1, "pdf", self.settings, reason, pdf_bytes=inline)
                    for number, reason in todo]
            with run_ocr_jobs(jobs, self.page_map) as done_pages:
                for done in done_pages:
                    self._take_ocr_page(done, text_pages[done.number], final)
        return final

    def _take_ocr_page(self, done: Page, text_page: Page, final: dict[int, Page]) -> None:
        if _render_failed(done):
            # Keep whatever the text layer had rather than lose the page.
            self.warnings.extend(done.warnings)
            final[done.number] = self.on_page(
                text_page.model_copy(update={"warnings": [*text_page.warnings, *done.warnings]}))
            return
        if self.cache is not None:
            self.cache.put(self._ocr_key(done.number), done)
        final[done.number] = self.on_page(_merge(done, text_page))

    def _render_source(self) -> bytes | None:
        """Bytes pdfium should render from: None (the original file) unless only a repaired copy opens."""
        if not hasattr(self, "_render_bytes"):
            data: bytes | None = None
            if pdfium_page_count(self.path) is None:
                data = self.repaired if self.repaired is not None else repair_quietly(self.path)
            self._render_bytes = data
        return self._render_bytes

    # ----------------------------------------------------------------- text layer

    def _extract_text_layers(self, skip: set[int]) -> tuple[int, dict[int, Page]]:
        """(page count, {number: text-layer Page}) for pages not in ``skip``; repairs the file if needed."""
        try:
            return self._extract_from(str(self.path), skip)
        except ExtractError:
            raise
        except Exception as exc:
            if is_password_error(exc):
                raise EncryptedFileError(ENCRYPTED_HINT, path=str(self.path)) from exc
            self.original_error = describe(exc)
            log.info("%s: unreadable (%s); trying to repair it", self.path, self.original_error)
        self.repaired = repair(self.path, self.original_error)
        try:
            return self._extract_from(self.repaired, skip)
        except ExtractError:
            raise
        except Exception as exc:
            raise CorruptFileError(f"the PDF is damaged beyond repair ({self.original_error}); "
                                   "re-export or re-scan the document", path=str(self.path)) from exc

    def _extract_from(self, source: str | bytes, skip: set[int]) -> tuple[int, dict[int, Page]]:
        from extract.read.inflate import install

        install(self.settings.limits.max_stream_mb << 20)
        with open_plumber(source) as pdf:
            count = len(pdf.pages)
        if count == 0:
            raise ValueError("the PDF has no pages")
        self._check_page_count(count)
        todo = [n for n in range(1, count + 1) if n not in skip]
        share = self.page_map is not None and isinstance(source, str) and len(todo) > SHARED_CHUNK
        size = SHARED_CHUNK if share else REOPEN_EVERY
        # A fresh parser per chunk: pdfplumber's caches grow with every page read.
        chunks = [tuple(todo[start:start + size]) for start in range(0, len(todo), size)]
        pages: dict[int, Page] = {}
        if share:
            assert isinstance(source, str)
            jobs = [TextChunkJob(path=str(self.path), numbers=chunk, settings=self.settings, total=count)
                    for chunk in chunks]
            mapping = mapped(self.page_map, read_text_chunk, jobs)
        else:
            mapping = mapped(None, functools.partial(self._read_chunk, source, total=count), chunks)
        with mapping as done:
            for chunk_pages in done:
                if isinstance(chunk_pages, TextChunkFailure):
                    raise chunk_pages.as_exception()
                for page in chunk_pages:
                    pages[page.number] = self._take_text_page(page, fresh=True, count=count)
        return count, pages

    def _read_chunk(self, source: str | bytes, numbers: tuple[int, ...], total: int | None = None) -> list[Page]:
        return read_chunk(self.path, self.settings, source, numbers, total)


def _merge(ocr_page: Page, text_page: Page) -> Page:
    """An OCR'd PDF page keeps the text layer's image regions (same frame unless OSD turned the page)."""
    figures = list(ocr_page.figures)
    if ocr_page.ocr is None or ocr_page.ocr.rotation == 0:
        figures += [f for f in text_page.figures if f not in figures]
    warnings = [*text_page.warnings, *[w for w in ocr_page.warnings if w not in text_page.warnings]]
    return ocr_page.model_copy(update={"figures": figures, "warnings": warnings})


def _render_failed(page: Page) -> bool:
    from extract.read.ocr import RENDER_FAILED

    return page.method == "ocr" and page.ocr is None and page.reason.endswith(RENDER_FAILED)
