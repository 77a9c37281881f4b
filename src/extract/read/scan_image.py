"""A scanned PDF page's own image, decoded instead of rendered when that is the same picture.

A scanner's PDF page is one image filling the page at the scan's resolution. Rendering that page
at the same resolution costs ~0.15 s for an A4 page at 300 DPI; decoding the stored image
(``FPDFImageObj_GetBitmap``) costs ~0.02 s for a grey JPEG, ~0.05 s for an RGB one (with the grey
conversion), and gives the pixels the render draws: pdfium draws the page through the same decoder,
at 1:1 an upright opaque image is copied pixel for pixel, and colour becomes grey by the same
formula (``tests/read/test_scan_image.py`` checks equality on pages whose size is a whole number
of pixels). Where the page's size in points is not (595.2 pt is 2480.00005 px at 300 DPI in
pdfium's float32), pdfium renders onto the next whole pixel (2481) and resamples the image by a
fraction of a pixel; the decoded image is the original that render was resampled from, at its
exact DPI (the page comes out 595.2 pt wide, where the render made it 595.44).

``stored_page_image`` returns None, and the caller renders, unless all of these hold:

- the page has no /Rotate and no annotations (pdfium draws their appearances over the page);
- its content is one active image object, plus nothing but invisible text (an OCR text layer):
  no paths, shadings, forms, visible text or inline images;
- the image is drawn upright (a positive scale and a translation, no rotation, shear or flip),
  without transparency (alpha, blend mode, soft mask of the graphics state), clipped by nothing
  smaller than the page, and covers the box pdfium renders (crop box within media box) within 1 pt;
- it is 1-bit or 8-bit grey, or RGB (device or ICC-based colour, as pdfium converts it), with no
  /SMask, /Mask, /Decode, /ImageMask, /OC or /SMaskInData, and no transfer function in force;
- its own resolution is the DPI the render would use within 1% on both axes (within 0.5% of each
  other), and its pixels stay within the limits the render has.

The image dictionary (masks, decode array, optional content) is not visible through pdfium's API,
so the page's content stream and resources are read with pikepdf: ~0.2 ms for a one-page file,
~6 ms for page 250 of a 300-page one (qpdf walks the page tree).
Any failure on this path means "render instead", never an error.
"""

from __future__ import annotations

import ctypes
import io
import logging
from typing import Any

import cv2
import numpy as np
from PIL import Image

log = logging.getLogger(__name__)

BOX_TOLERANCE_PT = 1.0
"""How far the image's edges may lie from the rendered page box."""
DPI_TOLERANCE = 0.01
"""How far the image's own resolution may lie from the render's, relatively, on each axis."""
AXIS_TOLERANCE = 0.005
"""How far apart the horizontal and vertical resolutions may be (the picture has one DPI)."""
SHEAR_TOLERANCE_PT = 0.01
"""Largest rotation/shear term of the image's matrix taken for zero."""

_GREY_WEIGHTS = np.array([[0.11, 0.59, 0.30, -0.495]], dtype=np.float32)
"""pdfium's grey of a BGR pixel, ``(30 R + 59 G + 11 B) // 100``, as one affine transform: the
-0.495 turns cv2's rounding into the integer division (the fraction is never within 0.005 of .5)."""
_PLAIN_GREY, _PLAIN_RGB, _ICC = 1, 2, 7
"""pdfium's FPDF_COLORSPACE_* values: DeviceGray, DeviceRGB, ICCBased."""
_BITS_BY_SPACE = {_PLAIN_GREY: (1, 8), _PLAIN_RGB: (24,), _ICC: (8, 24)}
"""Bits per pixel accepted for each colour space (ICC-based: N=1 or N=3)."""
_IMAGE_KEYS_REJECTED = ("/SMask", "/Mask", "/Decode", "/ImageMask", "/OC")
_TRANSFER_KEYS = ("/TR", "/TR2")
_MAX_PARENTS = 32


def stored_page_image(page: Any, dpi: float, *, source: str | bytes, index: int, max_pixels: int,
                      max_side: int) -> tuple[Image.Image, float] | None:
    """(8-bit grey image, its own DPI) of a scanned page's single full-page image, or None to render.

    ``page`` is the open pypdfium2 page, ``dpi`` the resolution the render would use (after the
    limits), ``source`` and ``index`` the PDF (path or bytes) and 0-based page pdfium opened.
    """
    try:
        found = examine_page(page, dpi, source=source, index=index, max_pixels=max_pixels, max_side=max_side)
    except Exception as exc:
        found = f"{type(exc).__name__}: {exc}"
    if isinstance(found, str):
        log.debug("page %d: rendering, the stored image is not used: %s", index + 1, found)
        return None
    return found


def examine_page(page: Any, dpi: float, *, source: str | bytes, index: int, max_pixels: int,
                 max_side: int) -> tuple[Image.Image, float] | str:
    """What ``stored_page_image`` returns, or why the page must be rendered (exceptions pass through)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return "the page has /Rotate"
    if pdfium_c.FPDFPage_GetAnnotCount(page) != 0:
        return "the page has annotations"
    raw = _single_image_object(page)
    if isinstance(raw, str):
        return raw
    image = pdfium.PdfObject(raw, page=page, pdf=page.pdf)
    left, bottom, right, top = page.get_bbox()
    a, b, c, d, e, f = image.get_matrix().get()
    if a <= 0 or d <= 0 or abs(b) > SHEAR_TOLERANCE_PT or abs(c) > SHEAR_TOLERANCE_PT:
        return "the image is not upright (rotated, sheared or flipped)"
    if max(abs(e - left), abs(f - bottom), abs(e + a - right), abs(f + d - top)) > BOX_TOLERANCE_PT:
        return "the image does not cover the page box"
    if pdfium_c.FPDFPageObj_HasTransparency(raw):
        return "the image is drawn with transparency"
    if not _clip_covers(raw, (left, bottom, right, top)):
        return "the image is clipped"
    meta = image.get_metadata()
    width, height = int(meta.width), int(meta.height)
    if int(meta.bits_per_pixel) not in _BITS_BY_SPACE.get(int(meta.colorspace), ()):
        return f"colour space {int(meta.colorspace)} at {int(meta.bits_per_pixel)} bits per pixel"
    dpi_x, dpi_y = width * 72.0 / a, height * 72.0 / d
    if abs(dpi_x / dpi - 1) > DPI_TOLERANCE or abs(dpi_y / dpi - 1) > DPI_TOLERANCE \
            or abs(dpi_x / dpi_y - 1) > AXIS_TOLERANCE:
        return f"the image is {dpi_x:.1f}x{dpi_y:.1f} DPI, the render {dpi:.1f} DPI"
    if width * height > max_pixels or max(width, height) > max_side:
        return "the image is over the pixel limits"
    why = _image_dict_refusal(source, index, (width, height))
    if why:
        return why
    gray = _decode_gray(image, width, height)
    if isinstance(gray, str):
        return gray
    native = round((dpi_x + dpi_y) / 2, 3)  # pdfium's float32 boxes: 299.999998 is 300
    log.debug("page %d: decoded the stored %dx%d image (%.1f DPI) instead of rendering", index + 1, width, height,
              native)
    return Image.fromarray(gray, "L"), native


def _single_image_object(page: Any) -> Any:
    """The page's only drawn object, if it is an active image (invisible text may come along), or why not."""
    import pypdfium2.raw as pdfium_c

    found = None
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if not obj:
            return "a page object cannot be read"
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT \
                and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return "the page draws more than an image"
        if found is not None:
            return "the page draws more than one image"
        active = ctypes.c_int(0)
        if not pdfium_c.FPDFPageObj_GetIsActive(obj, ctypes.byref(active)) or not active.value:
            return "the image is not active"
        found = obj
    return "the page has no image" if found is None else found


def _clip_covers(obj: Any, box: tuple[float, float, float, float]) -> bool:
    """True without a clip, or when every clip path is an upright rectangle containing the page box."""
    import pypdfium2.raw as pdfium_c

    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return True
    paths = pdfium_c.FPDFClipPath_CountPaths(clip)
    if paths == -1:
        return True  # a clip path holder with nothing in it: pdfium's "no clip"
    if paths <= 0:
        return False  # 0 paths may still clip by text; be safe
    left, bottom, right, top = box
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(paths):
        segments = pdfium_c.FPDFClipPath_CountPathSegments(clip, i)
        if not 4 <= segments <= 5:
            return False
        points = []
        for j in range(segments):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, i, j)
            expected = pdfium_c.FPDF_SEGMENT_MOVETO if j == 0 else pdfium_c.FPDF_SEGMENT_LINETO
            if not segment or pdfium_c.FPDFPathSegment_GetType(segment) != expected:
                return False
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                return False
            points.append((x.value, y.value))
        x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
        y0, y1 = min(p[1] for p in points), max(p[1] for p in points)
        tol = BOX_TOLERANCE_PT
        near_x = [abs(px - x0) <= tol or abs(px - x1) <= tol for px, _ in points]
        near_y = [abs(py - y0) <= tol or abs(py - y1) <= tol for _, py in points]
        corners = {(abs(px - x0) <= tol, abs(py - y0) <= tol) for px, py in points}
        sides = zip(points, points[1:] + points[:1])
        upright = all(abs(p[0] - q[0]) <= tol or abs(p[1] - q[1]) <= tol for p, q in sides)
        if not (all(near_x) and all(near_y) and upright) or len(corners) != 4:
            return False  # not a rectangle with upright sides
        if x0 > left + tol or y0 > bottom + tol or x1 < right - tol or y1 < top - tol:
            return False
    return True


def _image_dict_refusal(source: str | bytes, index: int, size: tuple[int, int]) -> str | None:
    """Why the image's dictionary or the content stream changes its picture, or None when it does not.

    Checks that the content draws one image XObject of ``size``, without masks, decode array or
    optional content, and sets no transfer function (pdfium's API shows none of these).
    """
    import pikepdf

    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    with pikepdf.open(stream, attempt_recovery=False, inherit_page_attributes=False) as pdf:
        page = pdf.pages[index]
        resources = _inherited(page.obj, "/Resources")
        if not isinstance(resources, pikepdf.Dictionary):
            return "the page has no resources"
        drawn: list[Any] = []
        for instruction in pikepdf.parse_content_stream(page):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                return "the page has an inline image"
            operator, operands = str(instruction.operator), instruction.operands
            if operator == "Do":
                drawn.append(operands[0] if operands else None)
            elif operator == "gs":
                if not operands or not _plain_graphics_state(resources, operands[0]):
                    return "a graphics state is missing or sets a transfer function"
            elif operator == "BDC" and operands and operands[0] == pikepdf.Name("/OC"):
                return "the content has optional parts"
        if len(drawn) != 1 or not isinstance(drawn[0], pikepdf.Name):
            return "the content does not draw exactly one XObject"
        xobjects = resources.get("/XObject")
        image = xobjects.get(drawn[0]) if isinstance(xobjects, pikepdf.Dictionary) else None
        if not isinstance(image, pikepdf.Stream) or image.get("/Subtype") != pikepdf.Name("/Image"):
            return "the XObject drawn is not an image"
        rejected = [key for key in _IMAGE_KEYS_REJECTED if key in image]
        if rejected or int(image.get("/SMaskInData", 0)) != 0:
            return f"the image has {', '.join(rejected) or '/SMaskInData'}"
        if (int(image.get("/Width", 0)), int(image.get("/Height", 0))) != size:
            return "pikepdf and pdfium see different images"
    return None


def _plain_graphics_state(resources: Any, name: Any) -> bool:
    """False when the named ExtGState sets a transfer function (it would recolour the image)."""
    import pikepdf

    states = resources.get("/ExtGState")
    state = states.get(name) if isinstance(states, pikepdf.Dictionary) else None
    if not isinstance(state, pikepdf.Dictionary):
        return False
    for key in _TRANSFER_KEYS:
        value = state.get(key)
        if value is not None and value not in (pikepdf.Name("/Identity"), pikepdf.Name("/Default")):
            return False
    return True


def _inherited(obj: Any, key: str) -> Any:
    """A page attribute, looked up through the page tree as PDF inheritance does."""
    for _ in range(_MAX_PARENTS):
        if key in obj:
            return obj[key]
        obj = obj.get("/Parent")
        if obj is None:
            return None
    return None


def _decode_gray(image: Any, width: int, height: int) -> np.ndarray | str:
    """The image's pixels as 8-bit grey, converted as pdfium's grey render converts colour, or why not."""
    bitmap = image.get_bitmap(render=False)
    bitmap.warn_on_close = False  # the pixels are copied out before the bitmap is closed
    try:
        if (bitmap.width, bitmap.height) != (width, height):
            return "the decoded bitmap has another size"
        pixels = bitmap.to_numpy()
        if bitmap.format == 1:  # FPDFBitmap_Gray (1-bit images come out as 0/255 grey)
            return np.array(pixels, dtype=np.uint8, copy=True, order="C")
        if bitmap.format == 2:  # FPDFBitmap_BGR (DeviceRGB, ICC-based colour or grey, a /Decode'd grey)
            return cv2.transform(np.ascontiguousarray(pixels), _GREY_WEIGHTS).reshape(height, width)
        return f"the decoded bitmap has pdfium format {bitmap.format}"  # BGRA: a colour-key mask
    finally:
        bitmap.close()
