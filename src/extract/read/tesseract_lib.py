"""Tesseract in-process: the system libtesseract through its C API (``capi.h``), with ``ctypes``.

The ``tesseract`` command loads its language models each time it starts (about 0.27 s for
nld+eng+fra, 8% of a 300 DPI page). Here each process initialises one engine per language set and
reads every page it OCRs with it. ``read.tools`` is the only caller: it falls back to the command
when ``engine`` gives None (no library, another version than the command's, a failed init).

Same results as the command (``tesseract IMG OUT -l LANGS -c tessedit_create_tsv=1 --psm N``, as
pytesseract runs it), so records and cache keys do not depend on the route:

- the same library (Debian's ``tesseract`` is linked against it) and only when its version equals
  the command's, which is in the cache keys; the same tessdata (the library's default, or
  ``TESSDATA_PREFIX`` as for the command), default engine mode, ``tessedit_create_tsv=1`` set at
  init as ``-c`` does;
- no source resolution: the command reads an uncompressed PGM, which has none, so Tesseract takes
  70 DPI and estimates the scale from the text; telling it the render DPI changes words and boxes;
- the adaptive classifier and the document dictionary are cleared before each page: they learn
  from the pages an engine has read, and each command started with them empty;
- the same TSV (``TessBaseAPIGetTsvText`` of page 0, as the command's TSV renderer asks, behind its
  header line), parsed by pytesseract's own parser;
- one OpenMP thread: ``OMP_THREAD_LIMIT=1`` is set before the library (and with it libgomp) loads.

Time limit: the command is killed after ``limits.page_timeout_s``. In-process, recognition gets a
deadline monitor (``TessMonitorSetDeadlineMSecs``): Tesseract stops at its next word after it,
and the page fails with the same FileTimeoutError. Layout analysis before recognition is not
covered by the monitor (it takes a small share of a page).

Memory: the engine lives in the worker, under its ``RLIMIT_AS`` cap: about 100 MB of address space
for nld+eng+fra once loaded, 190 MB after A4 pages at 300 DPI (``--psm 1`` adds the osd model). A
page whose image is larger than ``MAX_PIXELS`` goes to the command, as an allocation failure inside
the library would end the worker rather than fail the page.

Threads: a process may read pages in several threads at once (API users); each borrows an engine of
its own (``borrowed``), so they do not wait for one another as they did not with the command.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# Before libgomp loads with the library: it reads its limits once, at load.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

log = logging.getLogger(__name__)

LIBRARY_ENV = "EXTRACT_TESSERACT_LIB"
"""Environment variable: the library to load (a file name or path); ``cli`` or empty: always the command."""
DEFAULT_LIBRARY = "libtesseract.so.5"
MAX_PIXELS = 20_000_000
"""Larger page images go to the command (an A3 page at 300 DPI is 17.4 Mpx; renders may have 64)."""

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
"""The first line of the command's TSV file (its renderer writes it; the API's text lacks it)."""


class LibraryTimeoutError(Exception):
    """Recognition passed its deadline."""


class LibraryFailedError(Exception):
    """The library reported a failure for a page (the command would have exited non-zero)."""


def _bind(lib: ctypes.CDLL) -> None:
    vp, cp, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
    signatures: dict[str, tuple[Any, list[Any]]] = {
        "TessVersion": (cp, []),
        "TessBaseAPICreate": (vp, []),
        "TessBaseAPIDelete": (None, [vp]),
        "TessBaseAPIEnd": (None, [vp]),
        "TessBaseAPIInit4": (i, [vp, cp, cp, i, ctypes.POINTER(cp), i, ctypes.POINTER(cp), ctypes.POINTER(cp),
                                 ctypes.c_size_t, i]),
        "TessBaseAPISetVariable": (i, [vp, cp, cp]),
        "TessBaseAPISetPageSegMode": (None, [vp, i]),
        "TessBaseAPISetImage": (None, [vp, vp, i, i, i, i]),
        "TessBaseAPIRecognize": (i, [vp, vp]),
        "TessBaseAPIGetTsvText": (vp, [vp, i]),
        "TessBaseAPIClearAdaptiveClassifier": (None, [vp]),
        "TessBaseAPIClear": (None, [vp]),
        "TessDeleteText": (None, [vp]),
        "TessMonitorCreate": (vp, []),
        "TessMonitorDelete": (None, [vp]),
        "TessMonitorSetDeadlineMSecs": (None, [vp, i]),
    }
    for name, (restype, argtypes) in signatures.items():
        func = getattr(lib, name)
        func.restype, func.argtypes = restype, argtypes


@dataclass
class Engine:
    """One initialised TessBaseAPI for one language set; used by one thread at a time (``borrowed``)."""

    lib: ctypes.CDLL
    handle: int
    languages: str

    def tsv(self, gray: np.ndarray, *, psm: int, timeout: float) -> str:
        """The command's TSV output (header line included) for an 8-bit grey image (C-contiguous: the
        caller converts it, as this runs in a thread that must not import anything)."""
        if gray.ndim != 2 or gray.dtype.itemsize != 1 or not gray.flags["C_CONTIGUOUS"]:
            raise ValueError("an 8-bit grey C-contiguous image is needed")
        image = gray
        height, width = image.shape
        lib = self.lib
        lib.TessBaseAPIClearAdaptiveClassifier(self.handle)
        lib.TessBaseAPISetPageSegMode(self.handle, psm)
        lib.TessBaseAPISetImage(self.handle, image.ctypes.data, width, height, 1, image.strides[0])
        monitor = lib.TessMonitorCreate()
        try:
            lib.TessMonitorSetDeadlineMSecs(monitor, max(1, min(int(timeout * 1000), 2**31 - 1)))
            start = time.monotonic()
            status = lib.TessBaseAPIRecognize(self.handle, monitor)
            elapsed = time.monotonic() - start
        finally:
            lib.TessMonitorDelete(monitor)
        try:
            if elapsed >= timeout:  # stopped at the deadline (status -1), or just done: too late either way
                raise LibraryTimeoutError(f"recognition passed its {timeout:g} s deadline")
            if status != 0:
                raise LibraryFailedError(f"recognition failed (status {status})")
            text = lib.TessBaseAPIGetTsvText(self.handle, 0)
            if not text:
                raise LibraryFailedError("no TSV text")
            try:
                tsv = ctypes.string_at(text).decode("utf-8")
            finally:
                lib.TessDeleteText(text)
        finally:
            lib.TessBaseAPIClear(self.handle)  # drop the page's image and results now
        return TSV_HEADER + tsv


_lock = threading.Lock()
_library: ctypes.CDLL | None = None
_library_tried = False
_free: dict[str, list[Engine]] = {}
"""Initialised engines not in use, by language set: one per process as pages are read one at a time;
a second thread reading at the same time gets (and then keeps) one of its own."""
_failed: set[str] = set()


def library(version: str) -> ctypes.CDLL | None:
    """The loaded library when it can be used (its version is ``version``, the command's); else None."""
    global _library, _library_tried
    with _lock:
        if _library_tried:
            return _library
        _library_tried = True
        name = os.environ.get(LIBRARY_ENV, DEFAULT_LIBRARY).strip()
        if not name or name.lower() == "cli":
            return None
        try:
            lib = ctypes.CDLL(name)
            _bind(lib)
        except (OSError, AttributeError) as exc:
            log.debug("Tesseract's library %s not usable (%s): running the tesseract command", name, exc)
            return None
        found = (lib.TessVersion() or b"").decode("ascii", errors="replace")
        if found.partition("-")[0] != version:
            log.info("Tesseract's library is %s, the command %s: running the command", found, version)
            return None
        _library = lib
        return lib


@contextlib.contextmanager
def borrowed(languages: str, version: str) -> Iterator[Engine | None]:
    """An engine for ``languages`` for this thread's use (initialised at first need), or None: use the command."""
    lib = library(version)
    if lib is None:
        yield None
        return
    with _lock:
        if languages in _failed:
            made = None
        elif _free.get(languages):
            made = _free[languages].pop()
        else:
            made = _init(lib, languages)  # under the lock: two threads do not load the models at once
            if made is None:
                _failed.add(languages)
    if made is None:
        yield None
        return
    try:
        yield made
    finally:
        with _lock:
            _free.setdefault(languages, []).append(made)


def _init(lib: ctypes.CDLL, languages: str) -> Engine | None:
    handle = lib.TessBaseAPICreate()
    if not handle:
        return None
    names = (ctypes.c_char_p * 1)(b"tessedit_create_tsv")
    values = (ctypes.c_char_p * 1)(b"1")
    # As the command does: no config files, `-c` variables at init, the default engine mode (3).
    status = lib.TessBaseAPIInit4(handle, None, languages.encode(), 3, None, 0, names, values, 1, 0)
    if status != 0:
        log.info("Tesseract's library could not load %s: running the command", languages)
        lib.TessBaseAPIDelete(handle)
        return None
    # The command's diagnostics went to a pipe nobody read; in-process they would reach the terminal.
    lib.TessBaseAPISetVariable(handle, b"debug_file", os.devnull.encode())
    return Engine(lib=lib, handle=handle, languages=languages)


def reset() -> None:
    """Forget the library and engines (tests; a changed ``EXTRACT_TESSERACT_LIB``). Engines are not freed."""
    global _library, _library_tried
    with _lock:
        _library, _library_tried = None, False
        _free.clear()
        _failed.clear()
