"""Any input file -> ``Document`` (pages of words with boxes in points), or a typed InputFileError.

Entry points used by the pipeline:
    read_document(path, settings, cache=..., page_map=...)   PDF, PNG, JPEG, TIFF or .txt/.md
    document_from_text(text, name=...)                       plain text (tests, quick checks)
    ocr_page_job(job)                                        one page's OCR (run by workers)
    page_cache_key(...)                                      key of a finished page in the PageStore

PDF pages use their text layer when ``needs_ocr`` says it is good, else OCR (mixed documents
are normal). With a warm cache no text extraction or OCR runs at all: pypdfium2 counts the
pages (~1 ms) and every page comes from the store.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import io
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.errors import CorruptFileError, EncryptedFileError, ExtractError, InputFileError, TooLargeError
from extract.models import Document, Page, PageImages, PageStore, Source, Word
from extract.read.sniff import file_sha256, sniff_file
from extract.settings import Settings

if TYPE_CHECKING:
    # extract.read.ocr loads OpenCV (about 30 MB per process): imported only when a page needs OCR.
    from extract.read.ocr import OcrJob

log = logging.getLogger(__name__)

__all__ = ["document_from_text", "page_cache_key", "read_document"]

READER_VERSION = "1"
"""Part of every cache key: bump when this module's output for the same input changes."""
INLINE_PDF_BYTES = 8 * 1024 * 1024
"""A repaired PDF up to this size travels inside each OCR job; larger ones go through a temporary file."""
REOPEN_EVERY = 50
"""pdfplumber keeps ~2.5 MB per processed page alive until the document is closed."""
SHARED_CHUNK = 12
"""Pages per text-layer job offered to idle workers (about a second of work, worth a re-open of the
file); a long document is then read on all cores, and a worker busy with its own file reads it itself."""
_ENCRYPTED_HINT = ("the PDF is protected with a password; remove it with "
                   "`qpdf --decrypt --password=PW in.pdf out.pdf` and process the decrypted copy")

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
PageHook = Callable[[Page], Page]
"""Called with each final page; returns what the Document keeps of it (see ``read_document``)."""


def page_cache_key(sha256: str, page: int, kind: str, settings_part: dict[str, Any], tool_version: str) -> str:
    """Content address of one finished page: sha256 hex of a canonical JSON of everything that shapes it."""
    payload = {"sha256": sha256, "page": page, "kind": kind, "settings": settings_part, "tool": tool_version,
               "reader": READER_VERSION}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


# --------------------------------------------------------------------------- plain text

A4 = (595.28, 841.89)
_TEXT_MARGIN = 72.0
_TEXT_SIZE = 11.0
_TEXT_LINE = 13.2
_CHAR_WIDTH = 0.5 * _TEXT_SIZE


def document_from_text(text: str, *, name: str = "text.txt") -> Document:
    """A Document from plain text: pages split on form feeds, synthetic boxes (A4, 11 pt lines, fixed pitch)."""
    data = text.encode("utf-8")
    return _text_document(text, name, hashlib.sha256(data).hexdigest(), len(data))


def _text_document(text: str, path: str, sha256: str, size: int) -> Document:
    pages = [_text_page(number, chunk) for number, chunk in enumerate(text.split("\f"), start=1)]
    source = Source(path=path, sha256=sha256, media_type="text/plain", size=size, pages=len(pages))
    return Document(source=source, pages=pages)


def _text_page(number: int, text: str) -> Page:
    words: list[Word] = []
    lines = text.splitlines()
    for row, line in enumerate(lines):
        top = _TEXT_MARGIN + row * _TEXT_LINE
        col = 0
        for token in line.expandtabs(4).split(" "):
            if token:
                x0 = _TEXT_MARGIN + col * _CHAR_WIDTH
                words.append(Word(text=token, bbox=(round(x0, 2), round(top, 2),
                                                    round(x0 + len(token) * _CHAR_WIDTH, 2),
                                                    round(top + _TEXT_SIZE, 2)), size=_TEXT_SIZE))
            col += len(token) + 1
    longest = max((len(line.expandtabs(4)) for line in lines), default=0)
    width = max(A4[0], 2 * _TEXT_MARGIN + longest * _CHAR_WIDTH)
    height = max(A4[1], 2 * _TEXT_MARGIN + len(lines) * _TEXT_LINE)
    return Page(number=number, width=round(width, 2), height=round(height, 2), method="text",
                reason=f"text: {len(words)} words of plain text", words=words)


# --------------------------------------------------------------------------- entry point


def read_document(path: Path | PageImages, settings: Settings, *, cache: PageStore | None = None,
                  page_map: PageMap | None = None, on_page: PageHook | None = None,
                  sha256: str | None = None) -> Document:
    """Read a PDF, page image (PNG/JPEG/TIFF) or .txt/.md file into a Document; or page images of
    one report (``PageImages``: ``extract.read.page_images``).

    ``on_page`` is called once with each final page as soon as it is known (in any order: text
    layers come before OCR); the page it returns takes its place in the Document. The pipeline
    lays each page out there and keeps it without its words, so a long report is never held whole.
    If the reader has to start over (a damaged file repaired), a page number can come again: the
    later page replaces the earlier.
    ``sha256`` is the file's hash when the caller already has it (the pipeline's cache key needs it
    before reading), so the file is not read twice for it.

    Raises InputFileError subclasses (not_a_document, corrupt, encrypted, too_large, timeout,
    ocr_failed) with a message that says what to do; MissingDependencyError when Tesseract or a
    language pack is missing.
    """
    from extract.read.images import set_pixel_limit

    set_pixel_limit(settings.limits.max_image_pixels)
    if isinstance(path, PageImages):
        from extract.read.page_images import read_page_images

        return read_page_images(path, settings, cache, page_map, on_page or _keep, sha256)
    path = Path(path)
    media, size = sniff_file(path, settings)
    try:
        if media == "text/plain":
            data = path.read_bytes()
            document = _text_document(data.decode("utf-8", errors="replace"), str(path),
                                      sha256 or hashlib.sha256(data).hexdigest(), size)
            if on_page is not None:
                document = document.model_copy(update={"pages": [on_page(page) for page in document.pages]})
            return document
        sha256 = sha256 or file_sha256(path)
        hook = on_page or _keep
        if media == "application/pdf":
            return _PdfReader(path, sha256, size, settings, cache, page_map, hook).read()
        return _read_image_file(path, media, sha256, size, settings, cache, page_map, hook)
    except ExtractError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise
    except MemoryError as exc:
        raise TooLargeError("ran out of memory reading the file; it is too large for this machine "
                            "(see limits in the settings)", path=str(path)) from exc


def _keep(page: Page) -> Page:
    return page


@contextlib.contextmanager
def _mapped(page_map: PageMap | None, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Iterator[Any]]:
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
    """The OCR'd page of each job, in the jobs' order (through ``page_map``: on idle workers too)."""
    from extract.read.ocr import ocr_page_job

    return _mapped(page_map if jobs else None, ocr_page_job, jobs)


# --------------------------------------------------------------------------- PDFs


@dataclass
class _PdfReader:
    path: Path
    sha256: str
    size: int
    settings: Settings
    cache: PageStore | None
    page_map: PageMap | None
    on_page: PageHook = _keep
    warnings: list[str] = field(default_factory=list)
    repaired: bytes | None = None
    """The pikepdf-rebuilt PDF, when the original could not be read."""
    original_error: str | None = None
    fium_count: int | None = None
    """Page count by pdfium (None when it cannot open the file): text pages are cached only when
    pdfplumber counts the same."""

    # ----------------------------------------------------------------- cache keys

    def _text_key(self, number: int) -> str:
        import pdfplumber

        return page_cache_key(self.sha256, number, "text", self.settings.text_key(), pdfplumber.__version__)

    def _ocr_key(self, number: int) -> str:
        from extract.read import tools

        return page_cache_key(self.sha256, number, "ocr", self.settings.ocr_key(), tools.tesseract_version())

    # ----------------------------------------------------------------- flow

    def read(self) -> Document:
        fium_count = _pdfium_page_count(self.path)
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
        with _render_target(self.path, self._render_source()) as (path, inline):
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
            if _pdfium_page_count(self.path) is None:
                data = self.repaired if self.repaired is not None else _repair_quietly(self.path)
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
            if _is_password_error(exc):
                raise EncryptedFileError(_ENCRYPTED_HINT, path=str(self.path)) from exc
            self.original_error = _describe(exc)
            log.info("%s: unreadable (%s); trying to repair it", self.path, self.original_error)
        self.repaired = _repair(self.path, self.original_error)
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
        with _open_plumber(source) as pdf:
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
            mapping = _mapped(self.page_map, read_text_chunk, jobs)
        else:
            mapping = _mapped(None, functools.partial(self._read_chunk, source, total=count), chunks)
        with mapping as done:
            for chunk_pages in done:
                if isinstance(chunk_pages, TextChunkFailure):
                    raise chunk_pages.as_exception()
                for page in chunk_pages:
                    pages[page.number] = self._take_text_page(page, fresh=True, count=count)
        return count, pages

    def _read_chunk(self, source: str | bytes, numbers: tuple[int, ...], total: int | None = None) -> list[Page]:
        from extract.read.inflate import install

        install(self.settings.limits.max_stream_mb << 20)  # a flate bomb costs its page, not the worker
        with _open_plumber(source, pages=list(numbers), total=total) as pdf:
            pages = []
            for number, plumber_page in zip(numbers, pdf.pages, strict=True):
                pages.append(self._text_page(plumber_page, number))
                plumber_page.close()
        # A closed pdfplumber document is a reference cycle (pdf <-> pages) holding every decoded
        # content stream; with the workers' rare collections (settle_heap) it would pile up until
        # the end of the file (a 50-page PDF peaked at 211 MB instead of 163).
        gc.collect()
        return pages

    def _text_page(self, plumber_page: Any, number: int) -> Page:
        from extract.read.inflate import too_large_cause
        from extract.read.pdf_objects import use_lean_objects
        from extract.read.text_layer import (
            image_pixels,
            needs_ocr,
            page_figures,
            page_words,
            ruled_tables,
            scan_cover,
            sideways_share,
        )

        width, height = float(plumber_page.width), float(plumber_page.height)
        limit = self.settings.limits.max_page_side_pt
        if width <= 0 or height <= 0:
            return self._skipped(number, width, height, f"page {number} has zero size ({width:g}x{height:g} pt); "
                                 "skipped")
        if max(width, height) > limit:
            return self._skipped(number, min(width, limit), min(height, limit),
                                 f"page {number} is {width:g}x{height:g} pt, over limits.max_page_side_pt "
                                 f"({limit:g}); skipped")
        page_warnings: list[str] = []
        try:
            use_lean_objects(plumber_page)
            words = page_words(plumber_page)
            tables = ruled_tables(plumber_page, number)
            figures = page_figures(plumber_page)
            biggest_image = image_pixels(plumber_page)
            cover = scan_cover(plumber_page)
            sideways = sideways_share(plumber_page)
        except MemoryError:
            # Not 'unreadable, so OCR it': the page is too big for the worker, and OCR of a page of
            # 200,000 words is no better (it ran into the page timeout). Say so and keep the other pages.
            return self._skipped(number, width, height, f"page {number}: its text layer needs more memory than "
                                 f"limits.worker_memory_mb ({self.settings.limits.worker_memory_mb} MB) allows "
                                 "(an enormous number of characters); skipped")
        except Exception as exc:
            bomb = too_large_cause(exc)
            if bomb is not None:  # not rendered for OCR either: pdfium would inflate it all
                return self._skipped(number, width, height, f"page {number}: {bomb.message}; skipped")
            message = f"page {number}: text layer unreadable ({_describe(exc)}); using OCR"
            log.warning("%s: %s", self.path, message)
            page_warnings.append(message)
            words, tables, figures, biggest_image = [], [], [], 0
            ocr, reason = True, "ocr: text layer unreadable"
        else:
            ocr, reason = needs_ocr(words, number, self.settings, scan_cover=cover, sideways=sideways)
        if ocr and biggest_image > self.settings.limits.max_image_pixels:
            raise TooLargeError(
                f"page {number} needs OCR but holds an image of {biggest_image / 1e6:.0f} Mpx, over "
                f"limits.max_image_pixels ({self.settings.limits.max_image_pixels / 1e6:.0f} Mpx); raise the "
                "limit if the file is trusted", path=str(self.path), page=number)
        return Page(number=number, width=round(width, 2), height=round(height, 2), method="text", reason=reason,
                    words=words, tables=tables, figures=figures, warnings=page_warnings)

    def _skipped(self, number: int, width: float, height: float, message: str) -> Page:
        log.warning("%s: %s", self.path, message)
        return Page(number=number, width=max(width, 0.0), height=max(height, 0.0), method="text",
                    reason="skipped: " + message, warnings=[message])


def _merge(ocr_page: Page, text_page: Page) -> Page:
    """An OCR'd PDF page keeps the text layer's image regions (same frame unless OSD turned the page)."""
    figures = list(ocr_page.figures)
    if ocr_page.ocr is None or ocr_page.ocr.rotation == 0:
        figures += [f for f in text_page.figures if f not in figures]
    warnings = [*text_page.warnings, *[w for w in ocr_page.warnings if w not in text_page.warnings]]
    return ocr_page.model_copy(update={"figures": figures, "warnings": warnings})


@contextlib.contextmanager
def _render_target(path: Path, repaired: bytes | None) -> Iterator[tuple[Path, bytes | None]]:
    """(path, inline bytes) OCR jobs render from: the original, or a repaired copy (inline when small,
    else a temporary file, so a big copy is not pickled once per page)."""
    if repaired is None:
        yield path, None
        return
    if len(repaired) <= INLINE_PDF_BYTES:
        yield path, repaired
        return
    fd, name = tempfile.mkstemp(prefix="extract-repaired-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(repaired)
        yield Path(name), None
    finally:
        Path(name).unlink(missing_ok=True)


def _render_failed(page: Page) -> bool:
    from extract.read.ocr import RENDER_FAILED

    return page.method == "ocr" and page.ocr is None and page.reason.endswith(RENDER_FAILED)


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
    reader = _PdfReader(Path(job.path), sha256="", size=0, settings=job.settings, cache=None, page_map=None)
    started = time.monotonic()
    try:
        pages = reader._read_chunk(job.path, job.numbers, job.total)
        log.debug("%s: text layers of pages %d-%d read in %.2f s (process %d)", job.path, job.numbers[0],
                  job.numbers[-1], time.monotonic() - started, os.getpid())
        return pages
    except ExtractError:
        raise
    except Exception as exc:
        return TextChunkFailure(_describe(exc))


class _open_plumber:
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


def _pdfium_page_count(path: Path) -> int | None:
    """Page count by pypdfium2 (about a millisecond), or None when pdfium cannot open the file."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _is_password_error(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        err = stack.pop()
        if id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, PDFPasswordIncorrect):
            return True
        stack.extend(a for a in err.args if isinstance(a, BaseException))
        stack.extend(e for e in (err.__cause__, err.__context__) if e is not None)
    return False


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip() or type(inner).__name__
    return f"{type(inner).__name__}: {text[:200]}"


def _repair(path: Path, reason: str | None) -> bytes:
    """Rebuild the PDF's structure with qpdf (pikepdf) into memory; Corrupt/EncryptedFileError when impossible."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            out = io.BytesIO()
            pdf.save(out)  # also drops an owner-only encryption
    except pikepdf.PasswordError as exc:
        raise EncryptedFileError(_ENCRYPTED_HINT, path=str(path)) from exc
    except Exception as exc:
        raise CorruptFileError(f"the PDF is damaged and could not be repaired ({reason or _describe(exc)}); "
                               "re-export or re-scan the document", path=str(path)) from exc
    log.info("%s: repaired in memory with qpdf", path)
    return out.getvalue()


def _repair_quietly(path: Path) -> bytes | None:
    try:
        return _repair(path, None)
    except InputFileError:
        return None


# --------------------------------------------------------------------------- image files


def _read_image_file(path: Path, media: str, sha256: str, size: int, settings: Settings,
                     cache: PageStore | None, page_map: PageMap | None, on_page: PageHook = _keep) -> Document:
    from extract.read import tools
    from extract.read.images import frame_count, load_frame, open_image
    from extract.read.ocr import OcrJob, ocr_image

    img = open_image(path, settings)
    warnings: list[str] = []
    pages: dict[int, Page] = {}

    def key(number: int) -> str:
        return page_cache_key(sha256, number, "ocr", settings.ocr_key(), tools.tesseract_version())

    def take(page: Page) -> None:
        if cache is not None:
            cache.put(key(page.number), page)
        pages[page.number] = on_page(page)

    bad: list[str] = []
    try:
        count = frame_count(img)
        if count > settings.limits.max_pages:
            raise TooLargeError(f"the image has {count} frames, over limits.max_pages ({settings.limits.max_pages})")
        todo: list[int] = []
        for number in range(1, count + 1):
            hit = cache.get(key(number)) if cache is not None else None
            if hit is not None:
                pages[number] = on_page(hit)
            else:
                todo.append(number)
        if page_map is None:
            for number in todo:
                try:
                    frame, dpi = load_frame(img, number - 1, settings)
                except CorruptFileError as exc:
                    bad.append(exc.message)
                    continue
                job = OcrJob.create(path, number - 1, "image", settings, "ocr: image file")
                tools.check_languages(job.languages, osd=job.orient)
                take(ocr_image(frame, dpi, job))
        else:
            good: list[int] = []
            for number in todo:
                try:
                    if count > 1:  # check each frame decodes; a single frame fails in the worker anyway
                        load_frame(img, number - 1, settings)
                    good.append(number)
                except CorruptFileError as exc:
                    bad.append(exc.message)
            jobs = [OcrJob.create(path, n - 1, "image", settings, "ocr: image file") for n in good]
            with run_ocr_jobs(jobs, page_map) as done:
                for page in done:
                    take(page)
    finally:
        img.close()
    for message in bad:
        log.warning("%s: %s; frame skipped", path, message)
        warnings.append(f"{message}; frame skipped")
    if not pages:
        raise CorruptFileError(f"no frame of the image could be decoded ({bad[0] if bad else 'empty'}); "
                               "re-scan or re-export it", path=str(path))
    source = Source(path=str(path), sha256=sha256, media_type=media, size=size, pages=count)  # type: ignore[arg-type]
    return Document(source=source, pages=[pages[n] for n in sorted(pages)], warnings=warnings)
