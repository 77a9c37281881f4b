"""A page image file (PNG, JPEG, TIFF; one page per frame) -> Document, each frame OCR'd or from the cache."""

from __future__ import annotations

import logging
from pathlib import Path

from extract.errors import CorruptFileError, TooLargeError
from extract.models import Document, Page, PageStore, Source
from extract.read.page_flow import PageHook, PageMap, keep, run_ocr_jobs
from extract.read.page_keys import page_cache_key
from extract.settings import Settings

log = logging.getLogger(__name__)


def read_image_file(path: Path, media: str, sha256: str, size: int, settings: Settings,
                     cache: PageStore | None, page_map: PageMap | None, on_page: PageHook = keep) -> Document:
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
