"""The content address of a finished page in the page store (text layer or OCR)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

READER_VERSION = "1"
"""Part of every cache key: bump when this module's output for the same input changes."""


def page_cache_key(sha256: str, page: int, kind: str, settings_part: dict[str, Any], tool_version: str) -> str:
    """Content address of one finished page: sha256 hex of a canonical JSON of everything that shapes it."""
    payload = {"sha256": sha256, "page": page, "kind": kind, "settings": settings_part, "tool": tool_version,
               "reader": READER_VERSION}
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()
