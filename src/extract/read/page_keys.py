"""The content address of a finished page in the page store (text layer or OCR)."""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from typing import Any

READER_VERSION = "2"
"""Part of every cache key: bump when this module's output for the same input changes."""


def page_cache_key(sha256: str, page: int, kind: str, settings_part: dict[str, Any], tool_version: str) -> str:
    """Content address of one finished page: sha256 hex of a canonical JSON of everything that shapes it."""
    payload = {"sha256": sha256, "page": page, "kind": kind, "settings": settings_part, "tool": tool_version,
               "reader": READER_VERSION}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


@functools.lru_cache(maxsize=1)
def pdfplumber_version() -> str:
    """pdfplumber's version, part of text-layer page keys, without importing pdfplumber (with
    pdfminer and its cryptography, 0.05-0.08 s) when every page comes from the cache: the installed
    distribution's version, which is ``pdfplumber.__version__`` (``tests/read/test_reader_cache.py``)."""
    module = sys.modules.get("pdfplumber")
    if module is not None:
        return str(module.__version__)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pdfplumber")
    except PackageNotFoundError:  # not installed as a distribution (a vendored copy): ask the module
        import pdfplumber

        return str(pdfplumber.__version__)
