"""OCR of one page: render (PDF, in memory) or decode (image file), turn upright, deskew, Tesseract.

``ocr_page_job`` is what a worker runs per page: it gets a small picklable ``OcrJob`` (file
path and page index, not pixels) and renders the page itself, so no big images cross processes.
Word boxes come back in PDF points (``px * 72 / dpi``), like a text layer's.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

# Before anything can start Tesseract: its OpenMP threads are ~4x slower on 2 shared cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2
import numpy as np
from PIL import Image

from extract.errors import CorruptFileError, TooLargeError
from extract.models import OcrInfo, Page, Word
from extract.read import tools
from extract.read.blank import CHECK_DPI, blank_reason, ink_coverage, is_blank, thumbnail
from extract.read.checkboxes import erase_tick_boxes, find_tick_boxes
from extract.read.figures import find_figures
from extract.read.scan_image import stored_page_image
from extract.read.skew import (
    UPSIDE_DOWN_RATIO,
    downscale,
    measure_skew,
    rotate_quarter,
    rotate_small,
    upside_down_ratio,
)
from extract.settings import Settings

log = logging.getLogger(__name__)

# Pages run in parallel processes; OpenCV's own thread pool only adds contention on small machines.
cv2.setNumThreads(1)

OSD_DPI = 150.0
"""The fallback OSD runs on a copy at ~150 DPI: as reliable as 300 DPI here at half the time
(at ~100 DPI OSD starts to guess)."""
OSD_RECHECK_CONF = 2.0
MIN_ROTATION_VOTES = 3
"""Word pairs running the same non-upright way before a page is called turned."""
LOW_MEAN_CONF = 0.55
"""A page read this badly without rotation may be turned after all: ask OSD again, thoroughly."""
MIN_SKEW = 0.1
"""Smaller angles are not worth a resampling pass."""
MIN_RENDER_DPI = 36
"""Below this a page is refused as too large. PDF pages are at most 14,400 pt (200 in): at the
8,000 px render side that is 40 DPI, enough for the large print such pages carry."""
TICK_CONF = 0.9
"""Confidence given a tick box read from the image ('☒', '☐')."""
RENDER_FAILED = "render failed"
"""Suffix of Page.reason when pdfium could not draw the page (the reader falls back to the text layer)."""


@dataclass(frozen=True)
class OcrJob:
    """One page to OCR. Small and picklable: workers open the file themselves."""

    path: str
    index: int
    """0-based page (PDF) or frame (image file)."""
    kind: Literal["pdf", "image"]
    reason: str
    languages: tuple[str, ...]
    dpi: int
    orient: bool
    deskew: bool
    timeout_s: float
    max_image_pixels: int
    max_render_side_px: int
    pdf_bytes: bytes | None = None
    """A repaired copy of a damaged PDF (pdfium could not open the original); small files only."""
    decode_stored: bool = False
    """``Settings.decode_stored_scans``."""
    blank_max_ink: float = 0.0
    """``Settings.blank_page_max_ink``: a page with no more ink than this share is not OCR'd (< 0: always OCR)."""

    @classmethod
    def create(cls, path: Path | str, index: int, kind: Literal["pdf", "image"], settings: Settings,
               reason: str, pdf_bytes: bytes | None = None) -> OcrJob:
        return cls(path=str(path), index=index, kind=kind, reason=reason, languages=tuple(settings.languages),
                   dpi=settings.dpi, orient=settings.orient, deskew=settings.deskew,
                   timeout_s=settings.limits.page_timeout_s, max_image_pixels=settings.limits.max_image_pixels,
                   max_render_side_px=settings.limits.max_render_side_px, pdf_bytes=pdf_bytes,
                   decode_stored=settings.decode_stored_scans, blank_max_ink=settings.blank_page_max_ink)

    @property
    def number(self) -> int:
        return self.index + 1


def ocr_page_job(job: OcrJob) -> Page:
    """OCR one page or frame; a blank page gives a Page without words, not an error."""
    tools.check_languages(job.languages, osd=job.orient)
    warnings: list[str] = []
    if job.kind == "pdf":
        try:
            with _pdf_page(job) as page:  # opened once for the blank check and the render
                full_dpi = _full_dpi(job, page)
                stored = _stored_image(job, page, full_dpi)
                if stored is not None:
                    # The blank check reads the decoded image, as for an image file: a 72 DPI render
                    # would decode the page's image once more (a third of the decode's cost).
                    img, dpi = stored
                    blank = _blank_image(job, img, dpi)
                else:
                    blank = _blank_pdf_page(job, page)
                    if blank is None:  # (a stored image at a DPI the limits lowered is still tried)
                        img, dpi, warnings = _render_page(job, page, stored_tried=full_dpi is not None)
                if blank is not None:
                    return blank
        except CorruptFileError as exc:
            message = f"page {job.number} could not be rendered for OCR: {exc.message}"
            log.warning("%s: %s", job.path, message)
            return Page(number=job.number, width=0.0, height=0.0, method="ocr", reason=f"{job.reason}; {RENDER_FAILED}",
                        warnings=[message])
    else:
        img, dpi = _load_image_frame(job)
        img, dpi = _within_side(img, dpi, job.max_render_side_px)
        blank = _blank_image(job, img, dpi)
        if blank is not None:
            return blank
    return ocr_image(img, dpi, job, warnings)


@contextlib.contextmanager
def _pdf_page(job: OcrJob) -> Iterator[Any]:
    """The job's page of its PDF (or of the repaired copy it carries), open; pdfium's errors become
    CorruptFileError, after which the reader keeps the page's text layer."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(job.pdf_bytes if job.pdf_bytes is not None else job.path)
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"cannot render the page: {exc}", path=job.path, page=job.number) from exc
    try:
        page = pdf[job.index]
        try:
            yield page
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"cannot render the page: {exc}", path=job.path, page=job.number) from exc
    finally:
        pdf.close()


def _within_side(img: Image.Image, dpi: float, max_side: int) -> tuple[Image.Image, float]:
    """A scan image larger than renders may be, shrunk to ``max_side`` (its DPI lowered to match):
    OCR's copies of a 150 Mpx frame would take a worker past its memory cap."""
    longest = max(img.width, img.height)
    if longest <= max_side:
        return img, dpi
    factor = max_side / longest
    size = (max(1, round(img.width * factor)), max(1, round(img.height * factor)))
    return img.resize(size, Image.Resampling.LANCZOS), dpi * factor


def _blank_pdf_page(job: OcrJob, page: Any) -> Page | None:
    """A page without words when a small render of it has (almost) no ink; None otherwise.
    Costs a few milliseconds against about a second of OCR."""
    if job.blank_max_ink < 0:
        return None
    width_pt, height_pt = page.get_size()
    dpi = min(CHECK_DPI, fit_dpi(width_pt, height_pt, CHECK_DPI, job.max_image_pixels, job.max_render_side_px))
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
    coverage = ink_coverage(bitmap.to_numpy())
    bitmap.close()
    return _blank_page(job, width_pt, height_pt, coverage) if is_blank(coverage, job.blank_max_ink) else None


def _blank_image(job: OcrJob, img: Image.Image, dpi: float) -> Page | None:
    """A page without words when ``img`` (at ``dpi``), brought down to about 72 DPI, has (almost) no ink."""
    if job.blank_max_ink < 0:
        return None
    coverage = ink_coverage(thumbnail(img, dpi))
    if not is_blank(coverage, job.blank_max_ink):
        return None
    return _blank_page(job, img.width * 72.0 / dpi, img.height * 72.0 / dpi, coverage)


def _blank_page(job: OcrJob, width_pt: float, height_pt: float, coverage: float) -> Page:
    log.debug("page %d: blank (ink %.4f%%), not OCR'd", job.number, coverage * 100)
    return Page(number=job.number, width=round(width_pt, 2), height=round(height_pt, 2), method="ocr",
                reason=blank_reason(job.reason, coverage))


def ocr_image(img: Image.Image, dpi: float, job: OcrJob, warnings: list[str] | None = None) -> Page:
    """Deskew, OCR and turn upright an 8-bit grey page image at ``dpi``.

    Orientation costs nothing on upright pages: a page only gets Tesseract's orientation detection
    (``--psm 1``, inside the recognition run) when its lines run sideways or look upside down.
    Tesseract then reports boxes in the image's frame, so the turn is read from the direction the
    words of each line run, and the boxes are turned with it. A page read poorly all the same gets
    a thorough OSD pass and a second reading.
    """
    gray = np.asarray(img)
    with tempfile.TemporaryDirectory(prefix="extract-ocr-") as tmp:
        tmpdir = Path(tmp)
        skew, sideways = measure_skew(gray, dpi) if (job.deskew or job.orient) else (0.0, False)
        if not job.deskew:
            skew = 0.0
        if abs(skew) >= MIN_SKEW:
            gray = rotate_small(gray, skew)
        ticks = find_tick_boxes(gray, dpi)
        gray = erase_tick_boxes(gray, ticks)
        suspect = job.orient and (sideways or upside_down_ratio(gray, dpi) > UPSIDE_DOWN_RATIO)
        boxes = _tesseract_boxes(gray, job, tmpdir, psm=1 if suspect else 3)
        rotation = reading_rotation(boxes) if suspect else 0
        height, width = gray.shape
        boxes = [_turn_box(b, rotation, width, height) for b in boxes]
        tick_words = [_turn_box(_Box(t.glyph, TICK_CONF, t.x0, t.y0, t.x1, t.y1, (0, 0, 0)), rotation, width, height)
                      for t in ticks]
        gray = rotate_quarter(gray, rotation)
        mean = _mean_conf(boxes)
        if job.orient and rotation == 0 and len(boxes) >= 20 and mean is not None and mean < LOW_MEAN_CONF:
            # The page may be turned after all: ask OSD thoroughly, keep the better reading.
            osd = tools.tesseract_osd(_write_pgm(downscale(gray, OSD_DPI / dpi), tmpdir / "osd.pgm"),
                                      timeout=job.timeout_s, page=job.number, min_characters=50)
            if osd and osd[0] and osd[1] >= OSD_RECHECK_CONF:
                turned = rotate_quarter(gray, osd[0])
                again = _tesseract_boxes(turned, job, tmpdir, psm=3)
                if (_mean_conf(again) or 0.0) > mean:
                    log.info("page %d: turned %d degrees after a poor first reading", job.number, osd[0])
                    gray, boxes, rotation, mean = turned, again, osd[0], _mean_conf(again)
                    tick_words = []  # (placed for the first reading's turn)
        boxes += tick_words
    if rotation:
        log.info("page %d: turned %d degrees upright", job.number, rotation)
    height_px, width_px = gray.shape
    to_pt = 72.0 / dpi
    words = [Word(text=b.text, bbox=(round(b.x0 * to_pt, 2), round(b.y0 * to_pt, 2), round(b.x1 * to_pt, 2),
                                     round(b.y1 * to_pt, 2)), conf=round(b.conf, 4)) for b in boxes]
    info = OcrInfo(languages="+".join(job.languages), dpi=round(dpi), tesseract_version=tools.tesseract_version(),
                   rotation=rotation, skew=round(skew, 2), mean_conf=None if mean is None else round(mean, 4))
    log.debug("page %d: %d words, rotation %d, skew %.2f", job.number, len(words), rotation, skew)
    return Page(number=job.number, width=round(width_px * to_pt, 2), height=round(height_px * to_pt, 2),
                method="ocr", reason=job.reason, words=words, ocr=info, figures=find_figures(gray, dpi),
                warnings=list(warnings or []))


# --------------------------------------------------------------------------- page images


def render_pdf_page(job: OcrJob) -> tuple[Image.Image, float, list[str]]:
    """Render a PDF page in memory (grey, pypdfium2), lowering the DPI if the render would break the limits.

    With ``decode_stored`` a scanned page that is one stored image at that DPI is decoded instead
    (``scan_image``): the same picture, at the image's own DPI.
    """
    with _pdf_page(job) as page:
        return _render_page(job, page)


def _render_page(job: OcrJob, page: Any, *, stored_tried: bool = False) -> tuple[Image.Image, float, list[str]]:
    dpi, warnings = _render_dpi(job, page)
    stored = None if stored_tried else _stored_image(job, page, dpi)
    if stored is not None:
        return stored[0], stored[1], warnings
    return _render_at(page, dpi), dpi, warnings


def _render_dpi(job: OcrJob, page: Any) -> tuple[float, list[str]]:
    """The DPI the page is read at (``job.dpi`` unless the limits need less), with the warning that says so."""
    warnings: list[str] = []
    width_pt, height_pt = page.get_size()
    dpi = fit_dpi(width_pt, height_pt, job.dpi, job.max_image_pixels, job.max_render_side_px)
    if dpi < job.dpi:
        if dpi < MIN_RENDER_DPI:
            raise TooLargeError(
                f"the page is {width_pt:.0f}x{height_pt:.0f} pt; even at {MIN_RENDER_DPI} DPI its image would "
                "exceed limits.max_image_pixels / max_render_side_px", path=job.path, page=job.number)
        warnings.append(f"page {job.number}: rendered at {dpi:.0f} DPI instead of {job.dpi} to stay within "
                        "limits.max_image_pixels")
    return dpi, warnings


def _full_dpi(job: OcrJob, page: Any) -> float | None:
    """``job.dpi`` when the page's image stays within the limits at it, else None (the render lowers it)."""
    width_pt, height_pt = page.get_size()
    return None if fit_dpi(width_pt, height_pt, job.dpi, job.max_image_pixels, job.max_render_side_px) < job.dpi \
        else float(job.dpi)


def _stored_image(job: OcrJob, page: Any, dpi: float | None) -> tuple[Image.Image, float] | None:
    """A scan's page is usually its one stored image at the OCR DPI: decoding it is ~5x cheaper than a render."""
    if not job.decode_stored or dpi is None:
        return None
    return stored_page_image(page, dpi, source=job.pdf_bytes if job.pdf_bytes is not None else job.path,
                             index=job.index, max_pixels=job.max_image_pixels, max_side=job.max_render_side_px)


def _render_at(page: Any, dpi: float) -> Image.Image:
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
    img: Image.Image = bitmap.to_pil().convert("L").copy()  # own the pixels before the bitmap is freed
    bitmap.close()
    return img


def fit_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: float, max_side: float) -> float:
    """The highest DPI up to ``dpi`` at which the page image stays within both limits."""
    w_in, h_in = max(width_pt, 1.0) / 72.0, max(height_pt, 1.0) / 72.0
    by_side = max_side / max(w_in, h_in)
    by_pixels = (max_pixels / (w_in * h_in)) ** 0.5
    return float(min(dpi, by_side, by_pixels))


def _load_image_frame(job: OcrJob) -> tuple[Image.Image, float]:
    from extract.read.images import load_frame, open_image

    settings = Settings(limits={"max_image_pixels": job.max_image_pixels})  # type: ignore[arg-type]
    img = open_image(Path(job.path), settings)
    try:
        return load_frame(img, job.index, settings)
    finally:
        img.close()


# --------------------------------------------------------------------------- tesseract


@dataclass(frozen=True)
class _Box:
    """A word as Tesseract reports it, in pixels of the image it was given."""

    text: str
    conf: float
    x0: float
    y0: float
    x1: float
    y1: float
    line: tuple[int, int, int]


def _tesseract_boxes(gray: np.ndarray, job: OcrJob, tmpdir: Path, *, psm: int) -> list[_Box]:
    data = tools.tesseract_data(gray, languages="+".join(job.languages), psm=psm, timeout=job.timeout_s,
                                page=job.number, scratch=tmpdir)
    boxes: list[_Box] = []
    for i, text in enumerate(data["text"]):
        text = str(text).strip()
        try:
            confidence = float(data["conf"][i])
        except (TypeError, ValueError):
            continue
        if not text or confidence < 0:
            continue
        left, top = float(data["left"][i]), float(data["top"][i])
        boxes.append(_Box(text=text, conf=confidence / 100.0, x0=left, y0=top, x1=left + float(data["width"][i]),
                          y1=top + float(data["height"][i]),
                          line=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))))
    return boxes


def reading_rotation(boxes: list[_Box]) -> int:
    """Clockwise degrees that make the page upright, from the way consecutive words of a line run.

    Upright text runs right; upside down it runs left; on a page turned a quarter it runs down
    (turned clockwise: undo with 270) or up (turned counter-clockwise: undo with 90).
    """
    votes = {0: 0, 90: 0, 180: 0, 270: 0}
    for prev, cur in zip(boxes, boxes[1:]):
        if prev.line != cur.line:
            continue
        dx = (cur.x0 + cur.x1 - prev.x0 - prev.x1) / 2
        dy = (cur.y0 + cur.y1 - prev.y0 - prev.y1) / 2
        if abs(dx) >= abs(dy):
            votes[0 if dx > 0 else 180] += 1
        else:
            votes[270 if dy > 0 else 90] += 1
    best = max(votes, key=lambda k: votes[k])
    if best == 0 or votes[best] < MIN_ROTATION_VOTES or votes[best] < 2 * votes[0]:
        return 0
    return best


def _turn_box(box: _Box, rotation: int, width: int, height: int) -> _Box:
    """The box in the frame of the image turned ``rotation`` degrees clockwise (``_rotate_quarter``)."""
    if rotation == 180:
        x0, y0, x1, y1 = width - box.x1, height - box.y1, width - box.x0, height - box.y0
    elif rotation == 90:
        x0, y0, x1, y1 = height - box.y1, box.x0, height - box.y0, box.x1
    elif rotation == 270:
        x0, y0, x1, y1 = box.y0, width - box.x1, box.y1, width - box.x0
    else:
        return box
    return _Box(text=box.text, conf=box.conf, x0=x0, y0=y0, x1=x1, y1=y1, line=box.line)


def _mean_conf(boxes: list[_Box]) -> float | None:
    return sum(b.conf for b in boxes) / len(boxes) if boxes else None


def _write_pgm(gray: np.ndarray, path: Path) -> Path:
    return tools.write_pgm(gray, path)
