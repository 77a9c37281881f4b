"""Page images of one report (``report-p1.png``, ``report-p2.png``, ...) read as one document.

Each image's frames become the document's next pages. A page is cached under its own image's
content (the same entry as when that image is read alone), so joining, splitting or reordering
the images never OCRs a page again; the document's hash is that of its images in order, so a
page added, removed or changed makes the report's output stale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from extract.errors import NotADocumentError, TooLargeError
from extract.models import Document, Page, PageImages, PageStore, Source
from extract.read.sniff import file_sha256, sniff_file
from extract.settings import Settings


def page_images_sha256(images: PageImages) -> str:
    """The document's hash: its images' hashes in page order."""
    digest = hashlib.sha256(b"page images\0")
    for path in images.paths:
        digest.update(file_sha256(Path(path)).encode() + b"\0")
    return digest.hexdigest()


def read_page_images(images: PageImages, settings: Settings, cache: PageStore | None, page_map: Any,
                     on_page: Any, sha256: str | None = None) -> Document:
    from extract.read import tools
    from extract.read.images import frame_count, open_image
    from extract.read.ocr import OcrJob
    from extract.read.page_flow import run_ocr_jobs
    from extract.read.page_keys import page_cache_key

    pages: dict[int, Page] = {}
    todo: list[tuple[int, str, OcrJob]] = []
    media_types: list[str] = []
    size = 0
    number = 0
    for member in (Path(p) for p in images.paths):
        media, member_size = sniff_file(member, settings)
        if not media.startswith("image/"):
            raise NotADocumentError(f"{member.name} is not a page image (PNG, TIFF or JPEG); only page images "
                                    "are joined into one document", path=str(member))
        media_types.append(media)
        size += member_size
        member_sha = file_sha256(member)
        img = open_image(member, settings)
        try:
            frames = frame_count(img)
        finally:
            img.close()
        for frame in range(frames):
            number += 1
            if number > settings.limits.max_pages:
                raise TooLargeError(f"the page images hold more than limits.max_pages ({settings.limits.max_pages}) "
                                    "pages", path=images.name)
            key = page_cache_key(member_sha, frame + 1, "ocr", settings.ocr_key(), tools.tesseract_version())
            hit = cache.get(key) if cache is not None else None
            if hit is not None:
                pages[number] = on_page(hit.model_copy(update={"number": number}))
            else:
                todo.append((number, key, OcrJob.create(member, frame, "image", settings, "ocr: image file")))
    # One map over every page still to read: a report of twenty page images is OCR'd on all workers.
    with run_ocr_jobs([job for _, _, job in todo], page_map) as done:
        for (page_number, key, job), page in zip(todo, done, strict=True):  # a map keeps the order of its items
            if page.number != job.number:
                raise RuntimeError(f"OCR results out of order: frame {page.number} for {job.number}")
            if cache is not None:
                cache.put(key, page)
            pages[page_number] = on_page(page.model_copy(update={"number": page_number}))
    source = Source(path=images.name, sha256=sha256 or page_images_sha256(images),
                    media_type=media_types[0] if len(set(media_types)) == 1 else "image/png",  # type: ignore[arg-type]
                    size=size, pages=number)
    return Document(source=source, pages=[pages[n] for n in sorted(pages)])
