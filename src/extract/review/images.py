"""Page images for the review report: source pages rendered (PDF) or loaded (PNG/TIFF/JPEG).

Nothing is drawn into the images; the report overlays boxes from provenance bboxes (PDF
points, origin top-left) scaled by ``image width / page width in points``.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from extract.models import OutputFile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageImage:
    page: int
    path: Path
    """Where the PNG was written."""
    width_px: int
    height_px: int
    width_pt: float
    height_pt: float
    """The page size the output's bboxes are measured in."""


def find_source(output: OutputFile, raw_dir: Path | None = None, out_dir: Path | None = None, stem: str | None = None) -> Path | None:
    """The source file of an output, checked against its recorded sha256.

    Looked for at its recorded path (from the working directory), under ``raw_dir``, under the
    input folder of the runs that wrote it (run manifests), and under ``raw/`` beside the output folder.
    """
    recorded = Path(output.source.path)
    folders: list[Path] = []
    if raw_dir is not None:
        folders.append(Path(raw_dir))
    if out_dir is not None:
        folders += _input_dirs(Path(out_dir), stem)
        folders.append(Path(out_dir).resolve().parent / "raw")
    candidates = [recorded]
    for folder in folders:
        candidates += [folder / recorded, folder / recorded.name]
        if len(recorded.parts) > 1:
            candidates.append(folder / Path(*recorded.parts[1:]))
    for cand in dict.fromkeys(candidates):
        if cand.is_file() and _same_file(cand, output.source.sha256):
            return cand
    return None


def _input_dirs(out_dir: Path, stem: str | None) -> list[Path]:
    from extract.store.snapshots import load_manifests, run_shas

    found = []
    for manifest in reversed(load_manifests(out_dir)):
        folder = manifest.get("input_dir")
        if folder and (stem is None or stem in run_shas(out_dir, manifest)):
            found.append(Path(folder))
    return list(dict.fromkeys(found))


def _same_file(path: Path, sha256: str | None) -> bool:
    if not sha256:
        return True
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        log.info("review: %s is not the file that was processed (sha256 differs); looking further", path)
        return False
    return True


def _is_pdf(path: Path) -> bool:
    with path.open("rb") as fh:
        return b"%PDF-" in fh.read(1024)


REVIEW_MAX_PIXELS = 40_000_000
"""Pixels of one page image in the review (an A4 page at 110 DPI is 1.1 Mpx): a 14,000 x 14,000 pt page
rendered at 110 DPI would need 457 Mpx, about 1.8 GB, and the review ran out of memory."""
REVIEW_MAX_SIDE = 8000


def review_dpi(width_pt: float, height_pt: float, dpi: float) -> float:
    """The DPI a page is shown at: ``dpi``, lowered as the batch lowers its renders to stay in bounds."""
    from extract.read.ocr import fit_dpi
    from extract.settings import Settings

    limits = Settings().limits
    # 1% under the bounds: renders round their sides up.
    return fit_dpi(width_pt, height_pt, dpi, 0.99 * min(limits.max_image_pixels, REVIEW_MAX_PIXELS),
                   0.99 * min(limits.max_render_side_px, REVIEW_MAX_SIDE))


def render_pages(source: Path, output: OutputFile, pages: set[int], to_dir: Path, dpi: int = 110) -> dict[int, PageImage]:
    """Write ``p<N>.png`` for each wanted page into ``to_dir``; pages that cannot be rendered are left out (logged).
    Every image stays within ``REVIEW_MAX_PIXELS`` (the DPI is lowered for a huge page)."""
    to_dir.mkdir(parents=True, exist_ok=True)
    info = {p.number: p for p in output.pages}
    result: dict[int, PageImage] = {}
    if not pages:
        return result
    try:
        if _is_pdf(source):
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(source))
            try:
                for number in sorted(pages):
                    if not 1 <= number <= len(pdf):
                        continue
                    page = pdf[number - 1]
                    width_pt, height_pt = page.get_size()
                    bitmap = page.render(scale=review_dpi(width_pt, height_pt, dpi) / 72)
                    image = bitmap.to_pil().copy()
                    bitmap.close()
                    page.close()
                    result[number] = _save(image, number, info.get(number), width_pt, height_pt, to_dir)
            finally:
                pdf.close()
        else:
            with Image.open(source) as frames:
                count = getattr(frames, "n_frames", 1)
                for number in sorted(pages):
                    if not 1 <= number <= count:
                        continue
                    frames.seek(number - 1)
                    src_dpi = float((frames.info.get("dpi") or (300, 300))[0] or 300)
                    width_pt, height_pt = frames.width * 72 / src_dpi, frames.height * 72 / src_dpi
                    factor = review_dpi(width_pt, height_pt, dpi) / src_dpi
                    if factor < 1:  # shrink (in whole steps, cheaply) before any full-size copy is made
                        step = int(1 / factor)
                        image = frames.reduce(step) if step > 1 else frames.copy()
                        size = (max(1, round(frames.width * factor)), max(1, round(frames.height * factor)))
                        image = image.convert("RGB").resize(size)
                    else:
                        image = frames.convert("RGB")
                    result[number] = _save(image, number, info.get(number), width_pt, height_pt, to_dir)
    except Exception as exc:  # a broken source must not stop the report; its crops are left out
        log.warning("cannot render pages of %s for the review: %s", source, exc)
    return result


def _save(image, number: int, info, width_pt: float, height_pt: float, to_dir: Path) -> PageImage:  # type: ignore[no-untyped-def]
    ocr = info.ocr if info is not None else None
    rotation = int(ocr.rotation) % 360 if ocr is not None else 0
    if rotation:
        # OCR turned the page upright (clockwise degrees) before reading it; its boxes refer to the upright page.
        image = image.rotate(-rotation, expand=True)
        if rotation in (90, 270):
            width_pt, height_pt = height_pt, width_pt
    if ocr is not None and ocr.skew:
        # ... and undid the skew about the page centre, keeping the page size (as extract.read.ocr.rotate_small does).
        image = image.convert("RGB").rotate(float(ocr.skew), resample=Image.Resampling.BILINEAR, expand=False, fillcolor="white")
    if info is not None and info.width > 0 and info.height > 0:
        width_pt, height_pt = info.width, info.height
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    path = to_dir / f"p{number}.png"
    image.save(path, optimize=False)
    return PageImage(page=number, path=path, width_px=image.width, height_px=image.height,
                     width_pt=float(width_pt), height_pt=float(height_pt))
