"""Any input file -> ``Document`` (pages of words with boxes in points), or a typed InputFileError.

    read_document(path, settings, cache=..., page_map=...)   PDF, PNG, JPEG, TIFF or .txt/.md
    document_from_text(text, name=...)                       plain text (tests, quick checks)
    page_cache_key(...)                                      key of a finished page in the PageStore

The kinds of input are read by ``pdf_reader`` (text layer or OCR per page, mixed documents are
normal; text layers in chunks: ``text_chunks``, ``text_pages``; damaged files: ``pdf_repair``),
``image_file`` and ``plain_text``; one page's OCR is ``ocr.ocr_page_job``, run by workers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.errors import ExtractError, TooLargeError
from extract.models import Document, PageImages, PageStore
from extract.read.page_flow import PageHook, PageMap, keep
from extract.read.page_keys import page_cache_key
from extract.read.plain_text import document_from_text, text_document
from extract.read.sniff import file_sha256, sniff_file
from extract.settings import Settings

__all__ = ["document_from_text", "page_cache_key", "read_document"]


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

        return read_page_images(path, settings, cache, page_map, on_page or keep, sha256)
    path = Path(path)
    media, size = sniff_file(path, settings)
    try:
        if media == "text/plain":
            data = path.read_bytes()
            document = text_document(data.decode("utf-8", errors="replace"), str(path),
                                      sha256 or hashlib.sha256(data).hexdigest(), size)
            if on_page is not None:
                document = document.model_copy(update={"pages": [on_page(page) for page in document.pages]})
            return document
        sha256 = sha256 or file_sha256(path)
        hook = on_page or keep
        if media == "application/pdf":
            from extract.read.pdf_reader import PdfReader

            return PdfReader(path, sha256, size, settings, cache, page_map, hook).read()
        from extract.read.image_file import read_image_file

        return read_image_file(path, media, sha256, size, settings, cache, page_map, hook)
    except ExtractError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise
    except MemoryError as exc:
        raise TooLargeError("ran out of memory reading the file; it is too large for this machine "
                            "(see limits in the settings)", path=str(path)) from exc
