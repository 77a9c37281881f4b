"""Scan and photo damage shared by every fixture generator.

All randomness comes from the ``random.Random`` passed in (a numpy Generator is
seeded from it), so the same seed gives the same pixels.

Public functions (signatures are kept stable; other generators import them):

- ``damage(img, rng, *, skew_deg=None, rotate=0, paper=235, noise_sigma=6.0,
  speckle=0.0004, blur=0.6) -> Image`` : a flatbed-scan look, grayscale.
- ``photo(img, rng) -> Image`` : a phone-photo look (perspective, blur, uneven light), RGB.
- ``render_pdf_pages(pdf_path, dpi) -> list[Image]`` : PDF pages rendered in memory.
- ``images_to_pdf(images, path, dpi, jpeg_quality)`` : image-only PDF, one JPEG per page.
- ``images_to_tiff(images, path, dpi)`` : multi-page grayscale TIFF, deflate compressed.
"""

from __future__ import annotations

import logging
import random
import time
from pathlib import Path
from typing import Sequence

import numpy as np
from PIL import Image, ImageFilter

log = logging.getLogger(__name__)

__all__ = ["damage", "photo", "render_pdf_pages", "images_to_pdf", "images_to_tiff"]


def _np_rng(rng: random.Random) -> np.random.Generator:
    """A numpy generator derived from (and advancing) the stdlib rng."""
    return np.random.default_rng(rng.getrandbits(64))


def _dpi_of(img: Image.Image, default: int = 300) -> tuple[int, int]:
    dpi = img.info.get("dpi")
    if not dpi:
        return (default, default)
    return (int(round(dpi[0])), int(round(dpi[1])))


def damage(
    img: Image.Image,
    rng: random.Random,
    *,
    skew_deg: float | None = None,
    rotate: int = 0,
    paper: int = 235,
    noise_sigma: float = 6.0,
    speckle: float = 0.0004,
    blur: float = 0.6,
) -> Image.Image:
    """Make a clean page image look like a flatbed scan; returns mode "L".

    - ``skew_deg``: rotation in degrees (counter-clockwise positive); ``None`` draws
      0.5 to 2.0 degrees with a random sign. Pass 0 for no skew.
    - ``rotate``: extra right-angle rotation (0, 90, 180, 270; counter-clockwise),
      e.g. 180 for a page fed upside down.
    - ``paper``: grey level of the paper (255 = white); ink keeps its darkness.
    - ``noise_sigma``: standard deviation of the sensor noise, in grey levels.
    - ``speckle``: fraction of pixels hit by dust (dark dots and small blobs).
    - ``blur``: Gaussian blur radius in pixels (optics of the scanner).

    The image's ``dpi`` info is kept (300 when absent).
    """
    if rotate % 90:
        raise ValueError(f"rotate must be a multiple of 90 degrees, got {rotate}")
    dpi = _dpi_of(img)
    nrng = _np_rng(rng)
    if skew_deg is None:
        skew_deg = rng.uniform(0.5, 2.0) * rng.choice((-1.0, 1.0))

    gray = np.asarray(img.convert("L"), dtype=np.float32)
    h, w = gray.shape
    # Paper tone: white becomes `paper`, with a gentle uneven shading across the
    # sheet (lid pressure, lamp fall-off) so the background is not one flat value.
    yy = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
    xx = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
    gx, gy = nrng.uniform(-4.0, 4.0, size=2)
    shade = gx * xx + gy * yy - 3.0 * (xx**2 + yy**2) / 2.0
    arr = gray * (paper / 255.0) + shade
    # Sensor noise and dust go in before skew and blur: the resampling and the
    # optics blur spread them like a real scan, and such correlated noise
    # compresses far better (JPEG/deflate) than independent per-pixel noise.
    if noise_sigma > 0:
        arr = arr + nrng.normal(0.0, noise_sigma, size=arr.shape).astype(np.float32)
    if speckle > 0:
        arr = _add_speckle(arr, nrng, speckle)
    page = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L")

    # Skew around the centre, keeping the page size; uncovered corners get paper.
    if skew_deg:
        page = page.rotate(skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    if rotate % 360:
        page = page.rotate(rotate % 360, expand=True)
    if blur > 0:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    out = page
    out.info["dpi"] = dpi
    log.debug("damaged page %dx%d skew=%.2f rotate=%d", w, h, skew_deg, rotate)
    return out


def _add_speckle(arr: np.ndarray, nrng: np.random.Generator, fraction: float) -> np.ndarray:
    """Dark dust dots (1 px) plus a few larger blobs, and rare white drop-outs."""
    h, w = arr.shape
    n = int(fraction * h * w)
    ys = nrng.integers(0, h, n)
    xs = nrng.integers(0, w, n)
    arr[ys, xs] = nrng.uniform(20, 120, n)
    # Larger dust: 2-4 px blobs, one for every ~20 dots.
    for _ in range(max(1, n // 20)):
        y, x = int(nrng.integers(0, h - 4)), int(nrng.integers(0, w - 4))
        s = int(nrng.integers(2, 5))
        arr[y : y + s, x : x + s] = np.minimum(arr[y : y + s, x : x + s], nrng.uniform(30, 110))
    # Drop-outs: single bright pixels, which also break up ink strokes a little.
    m = n // 4
    arr[nrng.integers(0, h, m), nrng.integers(0, w, m)] = 250
    return arr


def photo(img: Image.Image, rng: random.Random) -> Image.Image:
    """Make a page look like a phone photo of paper on a desk; returns mode "RGB".

    Slight perspective (corners moved by up to ~3% of the page), the page on a
    darker desk border, uneven lighting (brighter on one side), a warm tint, a
    little defocus blur and noise. The output has the same pixel size as the input.
    """
    import cv2  # heavy import, only needed here

    nrng = _np_rng(rng)
    src = np.asarray(img.convert("RGB"), dtype=np.uint8)
    h, w = src.shape[:2]
    # Shrink the page inside the frame so the desk shows around it, then warp.
    margin = 0.04
    base = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = nrng.uniform(-0.03, 0.03, size=(4, 2)).astype(np.float32) * np.float32([w, h])
    inner = np.float32(
        [[margin * w, margin * h], [(1 - margin) * w, margin * h],
         [(1 - margin) * w, (1 - margin) * h], [margin * w, (1 - margin) * h]]
    )
    dst = inner + jitter
    matrix = cv2.getPerspectiveTransform(base, dst)
    desk = tuple(int(v) for v in nrng.integers(60, 100, 3))
    warped = cv2.warpPerspective(
        src, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
        borderValue=desk,
    ).astype(np.float32)

    # Uneven light: a linear ramp in a random direction plus a vignette.
    yy = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
    xx = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * xx + np.sin(angle) * yy
    light = 0.88 + 0.10 * ramp - 0.08 * (xx**2 + yy**2)
    warped *= light[:, :, None]
    warped *= np.float32([1.0, 0.97, 0.90])  # warm indoor light
    warped += nrng.normal(0.0, 3.0, size=warped.shape).astype(np.float32)
    out = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), mode="RGB")
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.3)))
    out.info["dpi"] = _dpi_of(img)
    return out


def render_pdf_pages(pdf_path: str | Path, dpi: int) -> list[Image.Image]:
    """Render every page of a PDF at ``dpi`` in memory (pypdfium2); RGB images
    with ``info["dpi"]`` set."""
    import pypdfium2 as pdfium

    pages: list[Image.Image] = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            bitmap = page.render(scale=dpi / 72.0)
            im = bitmap.to_pil().convert("RGB")
            im.info["dpi"] = (dpi, dpi)
            pages.append(im)
            bitmap.close()
            page.close()
    finally:
        pdf.close()
    return pages


def images_to_pdf(
    images: Sequence[Image.Image], path: str | Path, dpi: int, jpeg_quality: int = 60
) -> None:
    """Write an image-only PDF: each image is one page, JPEG-encoded (grayscale
    images stay grayscale), page size = pixel size at ``dpi``. No text layer and
    no font resources, like a scanner's PDF.

    Pillow's PDF writer with fixed dates, so the same images give the same bytes.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = [im if im.mode in ("L", "RGB") else im.convert("RGB") for im in images]
    if not pages:
        raise ValueError("images_to_pdf needs at least one image")
    epoch = time.gmtime(0)  # fixed dates: reproducible bytes
    pages[0].save(
        path,
        format="PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(dpi),
        quality=jpeg_quality,
        producer="extract test generator",
        creationDate=epoch,
        modDate=epoch,
    )


def images_to_tiff(images: Sequence[Image.Image], path: str | Path, dpi: int) -> None:
    """Write a multi-page grayscale TIFF (deflate) with ``dpi`` resolution tags.

    Images whose own dpi differs from ``dpi`` are resampled to it, so a 300 DPI
    page can be stored at 200 DPI to keep the file small.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frames: list[Image.Image] = []
    for im in images:
        g = im.convert("L")
        src_dpi = _dpi_of(im, default=dpi)[0]
        if src_dpi != dpi:
            scale = dpi / src_dpi
            g = g.resize(
                (round(g.width * scale), round(g.height * scale)), Image.Resampling.LANCZOS
            )
        frames.append(g)
    if not frames:
        raise ValueError("images_to_tiff needs at least one image")
    frames[0].save(
        path,
        format="TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="tiff_adobe_deflate",
        dpi=(dpi, dpi),
    )
