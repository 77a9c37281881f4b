"""A scanned page's stored image is decoded instead of rendered only when it is the same picture."""

from __future__ import annotations

import io
import random
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from pikepdf import Array, Dictionary, Name
from PIL import Image
from reader_docs import LINES, page_image

from extract.read import ocr
from extract.read.ocr import OcrJob, ocr_page_job, render_pdf_page
from extract.read.scan_image import examine_page, stored_page_image
from extract.settings import Settings
from tests.generator.scan import damage, images_to_pdf

SETTINGS = Settings(decode_stored_scans=True)  # 300 DPI
NO_LIMIT = {"max_pixels": 10**10, "max_side": 10**6}
W, H = 600, 750
"""Small test images: at 300 DPI the page is 144 x 180 pt, a whole number of pixels, where pdfium's
render copies an upright image pixel for pixel (no stretch to a rounded-up bitmap size)."""


# --------------------------------------------------------------------------- builders


def _image_pdf(path: Path, pixels: np.ndarray, *, dpi: float = 300, colour: Any = "/DeviceGray", bits: int = 8,
               image_keys: dict[str, Any] | None = None, page_keys: dict[str, Any] | None = None,
               content: bytes | None = None, page_size: tuple[float, float] | None = None,
               extra_resources: dict[str, Any] | None = None) -> Path:
    """A one-page PDF drawing ``pixels`` (Flate) over the whole page at ``dpi``, built with pikepdf."""
    pdf = pikepdf.new()
    height, width = pixels.shape[:2]
    data = np.packbits(pixels.astype(bool), axis=1).tobytes() if bits == 1 else pixels.astype(np.uint8).tobytes()
    image = pikepdf.Stream(pdf, zlib.compress(data))
    image.Type, image.Subtype, image.Width, image.Height = Name.XObject, Name.Image, width, height
    image.BitsPerComponent, image.Filter = bits, Name.FlateDecode
    if colour is not None:
        image.ColorSpace = Name(colour) if isinstance(colour, str) else colour(pdf)
    for key, value in (image_keys or {}).items():
        image[key] = value(pdf) if callable(value) else value
    w_pt, h_pt = width * 72 / dpi, height * 72 / dpi
    page = pdf.add_blank_page(page_size=page_size or (w_pt, h_pt))
    page.obj.Resources = Dictionary(XObject=Dictionary(Im0=image))
    for key, value in (extra_resources or {}).items():
        page.obj.Resources[key] = value
    draw = f"q {w_pt:.4f} 0 0 {h_pt:.4f} 0 0 cm /Im0 Do Q".encode()
    page.obj.Contents = pdf.make_stream(content.replace(b"DRAW", draw) if content else draw)
    for key, value in (page_keys or {}).items():
        page.obj[key] = value(pdf) if callable(value) else value
    pdf.save(path)
    return path


def _text_pixels(width: int = W, height: int = H) -> np.ndarray:
    """Grey text on a noisy grey paper: every pixel differs from its neighbours, so a shift shows."""
    img = page_image(LINES[:3], dpi=300, repeat=1).crop((200, 300, 200 + width, 300 + height))
    noise = np.random.default_rng(7).normal(0, 12, (height, width))
    return np.clip(np.asarray(img, dtype=np.float64) * 0.9 + noise, 0, 255).astype(np.uint8)


def _examine(path: Path, dpi: float = 300, **limits: int) -> tuple[Image.Image, float] | str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return examine_page(pdf[0], dpi, source=str(path), index=0, **{**NO_LIMIT, **limits})
    finally:
        pdf.close()


def _render(path: Path, dpi: float = 300) -> np.ndarray:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return np.asarray(pdf[0].render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")).copy()
    finally:
        pdf.close()


def _job(path: Path, settings: Settings = SETTINGS, pdf_bytes: bytes | None = None) -> OcrJob:
    return OcrJob.create(path, 0, "pdf", settings, "ocr: no text layer", pdf_bytes=pdf_bytes)


def _mad(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated A4 flatbed scan at 300 DPI, stored as one grey JPEG per page (Pillow), like a scanner's."""
    clean = page_image(dpi=300)
    clean.info["dpi"] = (300, 300)
    scanned = damage(clean, random.Random(11), skew_deg=0.8)
    path = tmp_path_factory.mktemp("scan") / "scan300.pdf"
    images_to_pdf([scanned], path, dpi=300, jpeg_quality=60)
    return path


# --------------------------------------------------------------------------- same picture


def test_a_300_dpi_grey_scan_decodes_to_the_render_s_picture(scan_pdf: Path) -> None:
    found = _examine(scan_pdf)
    assert not isinstance(found, str), found
    img, dpi = found
    rendered = _render(scan_pdf)
    assert img.mode == "L" and dpi == pytest.approx(300, abs=0.01)
    # The page is 595.2 pt wide (a float32 in pdfium): the render rounds 2480.00005 px up to 2481 and
    # stretches the image over it; the stored image is the 2480 px it was stretched from.
    assert img.size == (2480, 3507)
    assert abs(rendered.shape[1] - img.width) <= 1 and abs(rendered.shape[0] - img.height) <= 1
    decoded = np.asarray(img)
    h, w = min(decoded.shape[0], rendered.shape[0]), min(decoded.shape[1], rendered.shape[1])
    # Measured 2.18 grey levels: the render's 1/2480 stretch resamples this noisy scan by up to a pixel.
    assert _mad(decoded[:h, :w], rendered[:h, :w]) < 3.0
    # Where the stretch has not moved anything yet (the left edge), the pixels agree almost exactly.
    assert _mad(decoded[:, :200], rendered[:, :200]) < 0.5


def _grey(pdf: pikepdf.Pdf) -> Any:
    return _icc(pdf, 1)


def _icc(pdf: pikepdf.Pdf, n: int) -> Array:
    profile = _srgb_profile() if n == 3 else _grey_profile(gamma=1.0)
    stream = pikepdf.Stream(pdf, profile)
    stream.N = n
    return Array([Name.ICCBased, stream])


def _srgb_profile() -> bytes:
    return (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").read_bytes()


def _grey_profile(gamma: float) -> bytes:
    """A minimal ICC v2 grey display profile (white point and one gamma curve)."""
    import struct

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    d50 = s15(0.9642) + s15(1.0) + s15(0.8249)
    desc = b"desc" + bytes(4) + struct.pack(">I", 5) + b"grey\0" + bytes(4 + 4 + 2 + 1 + 67)
    desc += bytes(-len(desc) % 4)
    tags = [(b"desc", desc), (b"wtpt", b"XYZ " + bytes(4) + d50),
            (b"kTRC", b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256)) + bytes(2))]
    offset, table, body = 128 + 4 + 12 * len(tags), b"", b""
    for sig, data in tags:
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    size = offset + len(body)
    header = (struct.pack(">I", size) + bytes(4) + struct.pack(">I", 0x02100000) + b"mntrGRAYXYZ " + bytes(12)
              + b"acsp" + bytes(28) + d50 + bytes(48))
    return header + struct.pack(">I", len(tags)) + table + body


@pytest.mark.parametrize(("kind", "colour", "bits"), [
    ("8-bit grey", "/DeviceGray", 8),
    ("1-bit", "/DeviceGray", 1),
    ("RGB", "/DeviceRGB", 8),
    ("ICC grey (N=1)", _grey, 8),
    ("ICC RGB (N=3)", lambda pdf: _icc(pdf, 3), 8),
])
def test_decoded_pixels_equal_the_render_where_no_stretch_is_needed(tmp_path: Path, kind: str, colour: Any,
                                                                    bits: int) -> None:
    rng = np.random.default_rng(1)
    if bits == 1:
        pixels = rng.integers(0, 2, (H, W), dtype=np.uint8)
    elif colour == "/DeviceGray" or colour is _grey:
        pixels = rng.integers(0, 256, (H, W), dtype=np.uint8)
    else:  # every pixel a random colour: pdfium's grey is (30 R + 59 G + 11 B) // 100
        pixels = rng.integers(0, 256, (H, W, 3), dtype=np.uint8)
    path = _image_pdf(tmp_path / "exact.pdf", pixels, colour=colour, bits=bits)
    found = _examine(path)
    assert not isinstance(found, str), f"{kind}: {found}"
    img, dpi = found
    assert dpi == 300 and img.mode == "L"
    assert np.array_equal(np.asarray(img), _render(path)), kind


@pytest.mark.parametrize("mode", ["1", "L", "RGB"])
def test_scanner_style_codecs_decode_to_the_render_exactly(tmp_path: Path, mode: str) -> None:
    """Pillow's PDF writer stores 1-bit pages as CCITT G4 (/BlackIs1) and grey/RGB pages as JPEG."""
    rng = np.random.default_rng(3)
    if mode == "RGB":
        img = Image.fromarray(rng.integers(0, 256, (H, W, 3), dtype=np.uint8))
    else:
        img = Image.fromarray(_text_pixels()).convert(mode)
    path = tmp_path / "pillow.pdf"
    img.save(path, format="PDF", resolution=300)
    found = _examine(path)
    assert not isinstance(found, str), found
    assert np.array_equal(np.asarray(found[0]), _render(path))


# --------------------------------------------------------------------------- the OCR path


@pytest.mark.slow
def test_ocr_reads_the_same_words_from_the_decoded_image(scan_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[bool] = []

    def spy(*args: Any, **kwargs: Any) -> tuple[Image.Image, float] | None:
        found = stored_page_image(*args, **kwargs)
        used.append(found is not None)
        return found

    monkeypatch.setattr(ocr, "stored_page_image", spy)
    decoded = ocr_page_job(_job(scan_pdf))
    monkeypatch.setattr(ocr, "stored_page_image", lambda *args, **kwargs: None)
    rendered = ocr_page_job(_job(scan_pdf))
    assert used == [True]
    assert decoded.ocr is not None and rendered.ocr is not None and decoded.ocr.dpi == rendered.ocr.dpi == 300
    assert decoded.ocr.skew == pytest.approx(rendered.ocr.skew, abs=0.05)
    # Same text; the render is 1 px wider (see above), so the page is 0.24 pt narrower decoded: 595.2 pt
    # as the PDF says, where the render made it 595.44.
    assert [w.text for w in decoded.words] == [w.text for w in rendered.words]
    assert len(decoded.words) > 150
    assert decoded.width == pytest.approx(595.2, abs=0.01) and rendered.width == pytest.approx(595.44, abs=0.01)
    assert decoded.height == rendered.height
    # Boxes agree to a pixel or so (the render's stretch); measured: 184 of 186 within 0.24 pt, two
    # words whose box took in a speck of dust on one reading and not the other, off by 2 and 4 pt.
    moved = [float(np.abs(np.subtract(a.bbox, b.bbox)).max()) for a, b in zip(decoded.words, rendered.words)]
    assert float(np.median(moved)) <= 0.5 and sum(m > 1.0 for m in moved) <= 0.05 * len(moved)


def test_render_pdf_page_decodes_a_scan_and_renders_anything_else(scan_pdf: Path, tmp_path: Path) -> None:
    img, dpi, warnings = render_pdf_page(_job(scan_pdf))
    assert img.size == (2480, 3507) and dpi == pytest.approx(300, abs=0.01) and warnings == []
    # The repaired copy of a damaged PDF arrives as bytes: the same decode.
    img, dpi, _ = render_pdf_page(_job(scan_pdf, pdf_bytes=scan_pdf.read_bytes()))
    assert img.size == (2480, 3507)
    # Limits lower the DPI to ~212: the 300 DPI image is no longer the render's picture.
    small = Settings(decode_stored_scans=True, limits={"max_image_pixels": 4_400_000})  # type: ignore[arg-type]
    img, dpi, warnings = render_pdf_page(_job(scan_pdf, small))
    assert dpi < 250 and img.width == pytest.approx(595.2 * dpi / 72, abs=1) and warnings
    # A rotated page is rendered (landscape).
    rotated = _image_pdf(tmp_path / "rotated.pdf", _text_pixels(), page_keys={"/Rotate": 90})
    img, dpi, _ = render_pdf_page(_job(rotated))
    assert img.size == (H, W) and dpi == 300


def test_the_stored_image_is_the_default_and_the_render_a_setting(scan_pdf: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    img, dpi, _ = render_pdf_page(_job(scan_pdf, Settings()))
    assert img.size == (2480, 3507) and dpi == 300  # the stored image, at its own size
    monkeypatch.setattr(ocr, "stored_page_image", lambda *args, **kwargs: pytest.fail("decoded when off"))
    img, dpi, _ = render_pdf_page(_job(scan_pdf, Settings(decode_stored_scans=False)))
    assert img.size == (2481, 3507) and dpi == 300  # pdfium's render rounds 2480.00005 px up
    # Renders made before the stored image became the default keep their OCR cache key.
    assert "decode_stored_scans" not in Settings(decode_stored_scans=False).ocr_key()
    assert Settings(decode_stored_scans=False).ocr_key() != Settings().ocr_key()


def test_a_blank_stored_page_is_told_from_its_decoded_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Scanner paper with a few specks: blank, without a second (72 DPI) render of the page.
    rng = np.random.default_rng(3)
    pixels = np.full((H, W), 245, dtype=np.uint8)
    pixels[rng.integers(0, H, 5), rng.integers(0, W, 5)] = 20
    path = _image_pdf(tmp_path / "blank.pdf", pixels)
    monkeypatch.setattr(ocr, "_blank_pdf_page", lambda *args, **kwargs: pytest.fail("rendered for the blank check"))
    page = ocr_page_job(_job(path))
    assert page.words == [] and "blank page" in page.reason
    assert (page.width, page.height) == (144.0, 180.0)


# --------------------------------------------------------------------------- guards


def _refused(path: Path, why: str, dpi: float = 300, **limits: int) -> None:
    """The guard refuses the page for the reason ``why``, and ``stored_page_image`` says None (render)."""
    found = _examine(path, dpi, **limits)
    assert isinstance(found, str), "decoded where the render must be used"
    assert why in found
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert stored_page_image(pdf[0], dpi, source=str(path), index=0, **{**NO_LIMIT, **limits}) is None
    finally:
        pdf.close()


def test_rotated_page_is_rendered(tmp_path: Path) -> None:
    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(), page_keys={"/Rotate": 90}), "/Rotate")


def test_image_not_covering_the_page_is_rendered(tmp_path: Path) -> None:
    path = _image_pdf(tmp_path / "p.pdf", _text_pixels(), page_size=(W * 72 / 300 + 36, H * 72 / 300))
    _refused(path, "does not cover the page box")
    inset = b"q 130 0 0 170 7 5 cm /Im0 Do Q"
    _refused(_image_pdf(tmp_path / "inset.pdf", _text_pixels(), content=inset), "does not cover the page box")


def test_crop_box_smaller_than_the_image_is_rendered(tmp_path: Path) -> None:
    path = _image_pdf(tmp_path / "p.pdf", _text_pixels(), page_keys={"/CropBox": Array([10, 10, 134, 170])})
    _refused(path, "does not cover the page box")


def test_150_dpi_image_is_rendered_at_300(tmp_path: Path) -> None:
    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(300, 375), dpi=150), "DPI")
    # ... and decoded when 150 DPI is what the render would use.
    found = _examine(tmp_path / "p.pdf", dpi=150)
    assert not isinstance(found, str) and found[1] == 150


def test_image_over_the_pixel_limits_is_rendered(tmp_path: Path) -> None:
    path = _image_pdf(tmp_path / "p.pdf", _text_pixels())
    _refused(path, "pixel limits", max_pixels=W * H - 1)
    _refused(path, "pixel limits", max_side=H - 1)


def test_image_with_a_soft_mask_is_rendered(tmp_path: Path) -> None:
    def smask(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        alpha = pikepdf.Stream(pdf, zlib.compress(np.full((H, W), 128, np.uint8).tobytes()))
        alpha.Type, alpha.Subtype, alpha.Width, alpha.Height = Name.XObject, Name.Image, W, H
        alpha.BitsPerComponent, alpha.ColorSpace, alpha.Filter = 8, Name.DeviceGray, Name.FlateDecode
        return alpha

    path = _image_pdf(tmp_path / "p.pdf", _text_pixels(), image_keys={"/SMask": smask})
    _refused(path, "/SMask")
    # pdfium would draw it half transparent on white paper: not the stored pixels.
    found = pdfium.PdfDocument(str(path))[0].get_objects()
    stored = np.asarray(next(found).get_bitmap(render=False).to_pil())
    assert _mad(stored, _render(path)) > 8


def _stencil(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    bits = np.zeros((H, W), dtype=bool)
    bits[:, : W // 2] = True
    mask = pikepdf.Stream(pdf, zlib.compress(np.packbits(bits, axis=1).tobytes()))
    mask.Type, mask.Subtype, mask.Width, mask.Height = Name.XObject, Name.Image, W, H
    mask.BitsPerComponent, mask.ImageMask, mask.Filter = 1, True, Name.FlateDecode
    return mask


@pytest.mark.parametrize(("key", "value", "why"), [
    ("/Mask", Array([0, 100]), "32 bits per pixel"),  # a colour-key mask: pdfium decodes it with alpha
    ("/Mask", _stencil, "/Mask"),
    ("/Decode", Array([1, 0]), "/Decode"),
])
def test_image_with_a_mask_or_decode_array_is_rendered(tmp_path: Path, key: str, value: Any, why: str) -> None:
    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(), image_keys={key: value}), why)


def test_text_drawn_over_the_image_is_rendered_but_invisible_text_is_not(tmp_path: Path) -> None:
    font = {"/Font": Dictionary(F1=Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))}
    stamp = b"DRAW BT /F1 24 Tf 20 20 Td (COPY) Tj ET"
    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(), content=stamp, extra_resources=font),
             "more than an image")
    hidden = b"DRAW BT 3 Tr /F1 24 Tf 20 20 Td (hidden OCR text) Tj ET"
    path = _image_pdf(tmp_path / "ocred.pdf", _text_pixels(), content=hidden, extra_resources=font)
    found = _examine(path)
    assert not isinstance(found, str), found
    assert np.array_equal(np.asarray(found[0]), _render(path))


def test_other_drawing_is_rendered(tmp_path: Path) -> None:
    line = b"DRAW 0 0 1 RG 2 w 10 10 m 100 100 l S"
    _refused(_image_pdf(tmp_path / "path.pdf", _text_pixels(), content=line), "more than an image")
    twice = b"DRAW q 50 0 0 50 10 10 cm /Im0 Do Q"
    _refused(_image_pdf(tmp_path / "twice.pdf", _text_pixels(), content=twice), "more than one image")


@pytest.mark.parametrize("matrix", [b"-144 0 0 180 144 0", b"144 0 0 -180 0 180", b"0 180 -144 0 144 0"])
def test_flipped_or_turned_image_is_rendered(tmp_path: Path, matrix: bytes) -> None:
    content = b"q " + matrix + b" cm /Im0 Do Q"
    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(), content=content, page_size=(144, 180)), "not upright")


def test_clip_inside_the_page_is_rendered_and_a_clip_around_it_is_not(tmp_path: Path) -> None:
    inside = b"q 10 10 100 100 re W n DRAW Q"
    _refused(_image_pdf(tmp_path / "clip.pdf", _text_pixels(), content=inside), "clipped")
    around = b"q 0 0 144 180 re W n DRAW Q"
    path = _image_pdf(tmp_path / "page_clip.pdf", _text_pixels(), content=around)
    found = _examine(path)
    assert not isinstance(found, str), found


def test_transparency_and_transfer_functions_are_rendered(tmp_path: Path) -> None:
    alpha = {"/ExtGState": Dictionary(GS0=Dictionary(ca=0.5, CA=0.5))}
    _refused(_image_pdf(tmp_path / "alpha.pdf", _text_pixels(), content=b"/GS0 gs DRAW", extra_resources=alpha),
             "transparency")

    invert = Dictionary(FunctionType=2, Domain=Array([0, 1]), C0=Array([1]), C1=Array([0]), N=1)
    path = _image_pdf(tmp_path / "tr.pdf", _text_pixels(), content=b"/GS0 gs DRAW",
                      extra_resources={"/ExtGState": Dictionary(GS0=Dictionary(TR=invert))})
    _refused(path, "transfer function")
    assert _mad(_render(path), 255 - _text_pixels()) < 2  # pdfium applies it: the page comes out inverted


def test_annotated_page_is_rendered(tmp_path: Path) -> None:
    def annots(pdf: pikepdf.Pdf) -> Array:
        return Array([pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Square,
                                                   Rect=Array([10, 10, 60, 60]), C=Array([1, 0, 0])))])

    _refused(_image_pdf(tmp_path / "p.pdf", _text_pixels(), page_keys={"/Annots": annots}), "annotations")


def _jpeg(pixels: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="JPEG")
    return out.getvalue()


@pytest.mark.parametrize(("kind", "data", "codec", "decodable"), [
    ("flate garbage", b"\x78\x9c this is not a flate stream" * 10, "/FlateDecode", True),
    ("empty flate", b"", "/FlateDecode", False),
    ("JPEG cut short", _jpeg(_text_pixels())[:600], "/DCTDecode", True),
    ("JPEG with a garbage tail", _jpeg(_text_pixels())[:2000] + bytes(range(256)) * 4, "/DCTDecode", True),
    ("not a JPEG", b"not a jpeg at all" * 20, "/DCTDecode", False),
])
def test_corrupt_image_stream_falls_back_cleanly(tmp_path: Path, kind: str, data: bytes, codec: str,
                                                 decodable: bool) -> None:
    path = _image_pdf(tmp_path / "p.pdf", _text_pixels())
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Resources.XObject.Im0.write(data, filter=Name(codec))
        pdf.save(path)
    doc = pdfium.PdfDocument(str(path))
    try:
        found = stored_page_image(doc[0], 300, source=str(path), index=0, **NO_LIMIT)
    finally:
        doc.close()
    # pdfium decodes what it can of a damaged stream, for the render as for the decode: the same
    # picture. A stream it cannot open at all is left to the render (which draws white paper).
    if decodable:
        assert found is not None and np.array_equal(np.asarray(found[0]), _render(path)), kind
    else:
        assert found is None, kind
    img, dpi, _ = render_pdf_page(_job(path))
    assert img.size == (W, H) and dpi == 300


def test_a_pdf_pikepdf_cannot_read_falls_back_to_the_render(tmp_path: Path) -> None:
    path = _image_pdf(tmp_path / "p.pdf", _text_pixels())
    doc = pdfium.PdfDocument(str(path))
    try:
        assert stored_page_image(doc[0], 300, source=b"not a pdf", index=0, **NO_LIMIT) is None
    finally:
        doc.close()
