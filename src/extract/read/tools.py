"""The one seam to Tesseract (its command, or its library in-process), with timeouts and typed errors.

Everything that starts a subprocess or calls the library (``read.tesseract_lib``) goes through
here so that missing tools, missing language packs, crashes and timeouts are mapped to
``extract.errors`` in one place.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import string
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.errors import FileTimeoutError, MissingDependencyError, OcrFailedError
from extract.read import tesseract_lib
from extract.read.waits import while_waiting

if TYPE_CHECKING:  # numpy is not imported by the batch's own process, which only asks for the version
    import numpy as np

log = logging.getLogger(__name__)

# One Tesseract thread per process: its OpenMP threads are ~4x slower on 2 shared cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_INSTALL_HINT = "install it with `apt-get install tesseract-ocr` (Debian/Ubuntu) and make sure `tesseract` is on PATH"


def _pytesseract() -> Any:
    import pytesseract

    return pytesseract


@functools.lru_cache(maxsize=1)
def tesseract_version() -> str:
    """Tesseract's version string, e.g. '5.3.0'; MissingDependencyError when it is not installed.

    Read as pytesseract's ``get_tesseract_version`` reads it (the same string: it is in cache keys
    and outputs), but without importing pytesseract: with numpy and PIL that cost the batch's own
    process, which needs the version only for its run manifest, a quarter of a second at start-up.
    """
    from packaging.version import InvalidVersion, Version

    try:
        output = subprocess.run(["tesseract", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, timeout=60, check=False).stdout
    except FileNotFoundError as exc:
        raise MissingDependencyError(f"Tesseract is not installed: {_INSTALL_HINT}") from exc
    except (OSError, subprocess.SubprocessError) as exc:
        raise MissingDependencyError(f"cannot run Tesseract ({exc}): {_INSTALL_HINT}") from exc
    raw = output.decode("utf-8", errors="replace")
    # 'tesseract 5.3.0\n leptonica-1.82.0 ...' or 'tesseract v5.0.0-alpha...': the first word from a digit on
    word = raw.lstrip(string.printable[10:]).partition(" ")[0].partition("-")[0]
    try:
        return str(Version(word)).strip()
    except InvalidVersion as exc:
        raise MissingDependencyError(f"cannot read Tesseract's version from {raw[:80]!r}: {_INSTALL_HINT}") from exc


@functools.lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    """Language packs Tesseract can load."""
    tesseract_version()  # raises a clear error first when tesseract itself is missing
    try:
        return frozenset(_pytesseract().get_languages(config=""))
    except Exception as exc:  # pytesseract raises its own TesseractError or OSError
        raise MissingDependencyError(f"cannot list Tesseract language packs ({exc}): {_INSTALL_HINT}") from exc


def check_languages(languages: Sequence[str], *, osd: bool = False) -> None:
    """Raise MissingDependencyError naming the Debian package of each missing language pack."""
    wanted = list(languages) + (["osd"] if osd else [])
    missing = [lang for lang in wanted if lang not in installed_languages()]
    if missing:
        packages = " ".join(f"tesseract-ocr-{lang.lower().replace('_', '-')}" for lang in missing)
        raise MissingDependencyError(
            f"Tesseract language pack(s) missing: {', '.join(missing)}; install with `apt-get install {packages}` "
            f"or choose other languages with --languages"
        )


def _run(func: Any, *, page: int | None, timeout: float, **kwargs: Any) -> Any:
    pt = _pytesseract()
    try:
        return func(timeout=timeout, **kwargs)
    except pt.TesseractNotFoundError as exc:
        raise MissingDependencyError(f"Tesseract is not installed: {_INSTALL_HINT}") from exc
    except RuntimeError as exc:
        # pytesseract kills the process and raises RuntimeError('Tesseract process timeout').
        if "timeout" in str(exc).lower():
            raise FileTimeoutError(
                f"OCR took longer than {timeout:.0f} s (limits.page_timeout_s); raise the limit or lower the DPI",
                page=page,
            ) from exc
        raise OcrFailedError(f"Tesseract failed: {exc}", page=page) from exc
    except pt.TesseractError as exc:
        raise OcrFailedError(f"Tesseract failed (status {exc.status}): {exc.message.strip()[:300]}", page=page) from exc
    except OSError as exc:
        raise OcrFailedError(f"cannot run Tesseract: {exc}", page=page) from exc


def tesseract_data(image: Path | np.ndarray, *, languages: str, psm: int = 3, timeout: float = 120.0,
                   page: int | None = None, scratch: Path | None = None) -> dict[str, list[Any]]:
    """Word table (``pytesseract.Output.DICT``) of a page image: an 8-bit grey array or an image file.

    An array is read in-process by libtesseract (``read.tesseract_lib``: the same library and
    results as the command, without loading the language models for each page) when it can be
    loaded; otherwise it is written to ``scratch`` as an uncompressed PGM for the command (handing
    pytesseract a PIL image makes it write a compressed PNG first, which costs more than it saves).
    Work queued with ``read.waits.meanwhile`` runs while Tesseract does.
    """
    if not isinstance(image, Path):
        import numpy as np

        gray = image
        if gray.ndim == 2 and gray.size <= tesseract_lib.MAX_PIXELS:
            with tesseract_lib.borrowed(languages, tesseract_version()) as lib_engine:
                if lib_engine is not None:
                    # Everything imported and converted here: the waiting thread imports nothing (read.waits).
                    engine, pixels = lib_engine, np.ascontiguousarray(gray, dtype=np.uint8)
                    parse = _pytesseract().pytesseract.file_to_dict
                    return while_waiting(lambda: _run_lib(engine, pixels, parse, psm=psm, timeout=timeout,
                                                          page=page))
        if scratch is None:
            raise ValueError("an image array needs a scratch folder when Tesseract runs as a command")
        image = write_pgm(gray, scratch / "page.pgm")
    pt = _pytesseract()
    image_path = image
    data: dict[str, list[Any]] = while_waiting(lambda: _run(
        pt.image_to_data, page=page, timeout=timeout, image=str(image_path), lang=languages, config=f"--psm {psm}",
        output_type=pt.Output.DICT))
    return data


def _run_lib(lib_engine: tesseract_lib.Engine, image: np.ndarray, parse: Callable[[str, str, int], Any], *,
             psm: int, timeout: float, page: int | None) -> dict[str, list[Any]]:
    try:
        tsv = lib_engine.tsv(image, psm=psm, timeout=timeout)
    except tesseract_lib.LibraryTimeoutError as exc:
        raise FileTimeoutError(
            f"OCR took longer than {timeout:.0f} s (limits.page_timeout_s); raise the limit or lower the DPI",
            page=page,
        ) from exc
    except tesseract_lib.LibraryFailedError as exc:
        raise OcrFailedError(f"Tesseract failed: {exc}", page=page) from exc
    # pytesseract's own parser, as for the command's TSV file: the same table, value for value.
    data: dict[str, list[Any]] = parse(tsv, "\t", -1)
    return data


def write_pgm(gray: np.ndarray, path: Path) -> Path:
    """Uncompressed grey image for Tesseract: writing it costs milliseconds, a PNG of a noisy scan seconds."""
    import cv2

    ok = cv2.imwrite(str(path), gray)
    if not ok:
        raise OSError(f"cannot write {path}")
    return path


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def tesseract_osd(image_path: Path, *, timeout: float = 60.0, page: int | None = None,
                  min_characters: int = 5) -> tuple[int, float] | None:
    """(degrees to turn the page clockwise to make it upright, confidence), or None when OSD finds too little text.

    Few characters (5) make OSD fast but its confidence low (~1.5 where 50 characters give ~15);
    callers re-ask with more characters before acting on a doubtful answer. Always the command: it
    runs only for pages read poorly (a second reading's fallback), where one start-up more is noise,
    and an in-process OSD engine (the osd model, ``TessBaseAPIDetectOrientationScript``) would be
    one more engine in each worker's memory for it.
    """
    pt = _pytesseract()
    try:
        out = _run(pt.image_to_osd, page=page, timeout=timeout, image=str(image_path),
                   config=f"--psm 0 -c min_characters_to_try={min_characters}")
    except OcrFailedError as exc:
        # OSD fails on near-empty pages ("Too few characters"): that is a result, not an error.
        log.debug("page %s: no orientation: %s", page, exc.message)
        return None
    rotate, conf = _ROTATE.search(out), _CONF.search(out)
    if not rotate:
        return None
    return int(rotate.group(1)) % 360, float(conf.group(1)) if conf else 0.0
