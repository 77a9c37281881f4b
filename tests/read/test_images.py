"""Image files as they arrive: CMYK, 16-bit, 1-bit, palette/alpha, EXIF-rotated photos, multi-frame TIFFs."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reader_docs import LINES, page_image

from extract.errors import CorruptFileError, TooLargeError
from extract.read.images import image_dpi, load_frame, open_image
from extract.read.reader import read_document
from extract.settings import Limits, Settings

SCAN = Settings(dpi=200)


def _page(dpi: int = 100) -> Image.Image:
    return page_image(LINES[:2], dpi=dpi, repeat=1)


def _load(path: Path, settings: Settings = SCAN) -> tuple[Image.Image, float]:
    return load_frame(open_image(path, settings), 0, settings)


def _is_same_page(gray: Image.Image, reference: Image.Image) -> bool:
    a, b = np.asarray(gray, dtype=np.int16), np.asarray(reference, dtype=np.int16)
    return gray.mode == "L" and a.shape == b.shape and float(np.abs(a - b).mean()) < 8


def test_cmyk_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "cmyk.jpg"
    _page().convert("CMYK").save(path, quality=95, dpi=(100, 100))
    gray, dpi = _load(path)
    assert _is_same_page(gray, _page()) and dpi == 100


def test_16_bit_png_is_scaled_not_clipped(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    wide = (np.asarray(_page(), dtype=np.uint16) * 257).astype(np.uint16)
    Image.fromarray(wide).save(path)
    assert Image.open(path).mode.startswith("I")
    gray, _ = _load(path)
    assert _is_same_page(gray, _page())


def test_1_bit_tiff(tmp_path: Path) -> None:
    path = tmp_path / "fax.tif"
    _page().convert("1").save(path, compression="group4", dpi=(100, 100))
    gray, dpi = _load(path)
    assert _is_same_page(gray, _page()) and dpi == 100


def test_palette_with_transparency_lands_on_white(tmp_path: Path) -> None:
    path = tmp_path / "alpha.png"
    rgba = _page().convert("RGBA")
    arr = np.asarray(rgba).copy()
    arr[..., 3] = np.where(arr[..., 0] < 128, 255, 0)  # transparent paper
    arr[..., :3] = np.where(arr[..., :3] < 128, 0, 30)  # dark under the transparency
    Image.fromarray(arr, "RGBA").save(path)
    gray, _ = _load(path)
    assert _is_same_page(gray, _page())


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: display turned 90 degrees clockwise
    _page().rotate(90, expand=True).save(path, exif=exif, quality=95)
    gray, _ = _load(path)
    assert gray.height > gray.width and _is_same_page(gray, _page())


def test_resolution_tag_or_300_or_fit_to_a4() -> None:
    untagged = Image.new("L", (2480, 3508))
    assert image_dpi(untagged) == 300
    tagged = Image.new("L", (1654, 2339))
    tagged.info["dpi"] = (200, 200)
    assert image_dpi(tagged) == 200
    phone = Image.new("L", (3000, 4000))
    phone.info["dpi"] = (72, 72)  # would be a 55-inch page: distrust it
    assert image_dpi(phone) == 300


def test_pixel_bomb_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    # A valid PNG header claiming 100000 x 100000 pixels; nothing is decoded.
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    import zlib

    chunk = b"IHDR" + ihdr
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
                     + struct.pack(">I", zlib.crc32(chunk)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")
    with pytest.raises(TooLargeError) as info:
        read_document(path, Settings(limits=Limits(max_image_pixels=50_000_000)))
    assert "max_image_pixels" in str(info.value)


def test_unreadable_image_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    good = io.BytesIO()
    _page().save(good, format="PNG")
    path.write_bytes(good.getvalue()[:200])
    with pytest.raises(CorruptFileError):
        read_document(path, SCAN)


def _tiff_with_bad_second_frame(path: Path) -> None:
    frames = [page_image([line], dpi=200, repeat=1).crop((0, 150, 1654, 450)) for line in LINES[:3]]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate", dpi=(200, 200))
    # Overwrite the compressed data of frame 2 with junk: its IFD stays valid, decoding fails.
    with Image.open(path) as img:
        img.seek(1)
        offset, length = img.tag_v2[273][0], img.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset:offset + length] = b"\xff" * length
    path.write_bytes(bytes(data))


@pytest.mark.slow
def test_multi_frame_tiff_keeps_good_frames(tmp_path: Path) -> None:
    path = tmp_path / "frames.tif"
    _tiff_with_bad_second_frame(path)
    settings = Settings(dpi=200, orient=False)
    doc = read_document(path, settings)
    assert doc.source.pages == 3 and doc.source.media_type == "image/tiff"
    assert [p.number for p in doc.pages] == [1, 3]
    assert len(doc.warnings) == 1 and "frame 2" in doc.warnings[0]
    assert "opgericht" in {w.text for w in doc.pages[0].words}
    assert "ministries" not in {w.text for p in doc.pages for w in p.words}


def test_tiff_with_every_frame_bad_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "bad.tif"
    page_image(LINES[:1], dpi=100, repeat=1).save(path, compression="tiff_deflate")
    with Image.open(path) as img:
        offset, length = img.tag_v2[273][0], img.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset:offset + length] = b"\xff" * length
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFileError):
        read_document(path, SCAN)
