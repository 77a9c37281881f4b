"""Page images from image files (PNG, JPEG, TIFF frames) and their normalisation to 8-bit grey.

Pillow's decompression-bomb check is set to ``limits.max_image_pixels`` and every size is
checked before decoding, so a pixel bomb fails with TooLargeError instead of eating memory.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from extract.errors import CorruptFileError, TooLargeError
from extract.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_DPI = 300.0
"""Scans without a resolution tag are assumed to be 300 DPI (the common scanner setting)."""
_PLAUSIBLE_PAGE_IN = (2.0, 60.0)
"""Longest page side in inches a scanner resolution may imply (posters included)."""
_LOW_TAG_DPI, _LOW_TAG_MAX_IN = 150.0, 17.5
"""Cameras and screenshots write 72 or 96 DPI: such a tag is only believed for pages up to A3."""
A4_LONG_IN = 841.89 / 72


def set_pixel_limit(max_pixels: int) -> None:
    """Pillow warns above ``MAX_IMAGE_PIXELS`` and raises above twice that; we also check sizes ourselves."""
    Image.MAX_IMAGE_PIXELS = max_pixels


def check_pixels(width: int, height: int, max_pixels: int, what: str = "the image") -> None:
    if width * height > max_pixels:
        raise TooLargeError(
            f"{what} is {width}x{height} pixels ({width * height / 1e6:.0f} Mpx), over limits.max_image_pixels "
            f"({max_pixels / 1e6:.0f} Mpx); scale it down or raise the limit if the file is trusted"
        )


def open_image(path: Path, settings: Settings) -> Image.Image:
    """Open (lazily) an image file; bombs -> TooLargeError, unreadable -> CorruptFileError."""
    set_pixel_limit(settings.limits.max_image_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise TooLargeError(f"{exc}; raise limits.max_image_pixels if the file is trusted", path=str(path)) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptFileError(f"cannot read the image: {exc}", path=str(path)) from exc
    check_pixels(img.width, img.height, settings.limits.max_image_pixels)
    return img


def frame_count(img: Image.Image) -> int:
    return int(getattr(img, "n_frames", 1) or 1)


def load_frame(img: Image.Image, index: int, settings: Settings) -> tuple[Image.Image, float]:
    """Decode frame ``index`` (0-based) upright and in 8-bit grey, with its resolution in DPI.

    Raises CorruptFileError when the frame's data cannot be decoded.
    """
    try:
        img.seek(index)
        check_pixels(img.width, img.height, settings.limits.max_image_pixels, f"frame {index + 1}")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img.load()
            frame = ImageOps.exif_transpose(img) if index == 0 else img.copy()
    except TooLargeError:
        raise
    except Image.DecompressionBombError as exc:
        raise TooLargeError(f"{exc}; raise limits.max_image_pixels if the file is trusted") from exc
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise CorruptFileError(f"frame {index + 1} cannot be decoded: {exc}", page=index + 1) from exc
    dpi = image_dpi(frame)
    return to_gray(frame), dpi


def image_dpi(img: Image.Image) -> float:
    """Resolution from the file's tag when it gives a plausible page size, else 300, else fit to A4."""
    longest = max(img.width, img.height)
    tag = img.info.get("dpi")
    candidates: list[float] = []
    if tag:
        try:
            candidates.append(float(tag[0]))
        except (TypeError, ValueError, IndexError):
            pass
    candidates.append(DEFAULT_DPI)
    for dpi in candidates:
        if dpi <= 0:
            continue
        inches = longest / dpi
        upper = _PLAUSIBLE_PAGE_IN[1] if dpi >= _LOW_TAG_DPI else _LOW_TAG_MAX_IN
        if _PLAUSIBLE_PAGE_IN[0] <= inches <= upper:
            return dpi
    return max(longest / A4_LONG_IN, 1.0)


def to_gray(img: Image.Image) -> Image.Image:
    """8-bit grey ('L') from any mode: CMYK, 16-bit, 1-bit, palette and alpha (composited on white paper)."""
    mode = img.mode
    if mode == "L":
        return img
    if mode == "1":
        return img.convert("L")
    if mode.startswith("I") or mode == "F":
        # 16/32-bit and float scans: stretch to 8 bits (convert('L') would clip everything above 255).
        import numpy as np  # here: a warm run reads every page from the cache and needs no numpy (0.15 s)

        arr = np.asarray(img).astype(np.float64)
        hi = float(arr.max()) if arr.size else 0.0
        if hi > 255.0:
            arr = arr * (255.0 / hi)
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")
    if mode in ("P", "PA") or mode == "LA":
        img = img.convert("RGBA")
    elif mode == "CMYK":
        img = img.convert("RGB")
    if img.mode == "RGBA":
        paper = Image.new("RGB", img.size, (255, 255, 255))
        paper.paste(img, mask=img.getchannel("A"))
        img = paper
    return img.convert("L")
