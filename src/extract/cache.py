"""Content-addressed page cache (implements ``extract.models.PageStore``).

The reader computes the keys (file hash, page number and every setting that changes the
page: languages, DPI, Tesseract version, preprocessing); this module only stores pages
under them: one JSON file per key at ``root/ab/<key>.json``, written atomically. An entry
that cannot be read or does not validate as a ``Page`` is deleted and treated as a miss:
the cache is never trusted over recomputing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from extract.models import Page
from extract.store import atomic_write_bytes

log = logging.getLogger(__name__)

_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{3,150}$")


@dataclass(frozen=True)
class CacheInfo:
    root: Path
    entries: int
    bytes: int


class PageCache:
    """A folder of finished pages keyed by content; safe to share between worker processes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        # Keys come from the reader; anything that is not a plain token is hashed so it can't escape root.
        name = key if _SAFE_KEY.match(key) and ".." not in key else hashlib.sha256(key.encode()).hexdigest()
        return self.root / name[:2] / f"{name}.json"

    def get(self, key: str) -> Page | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            log.warning("page cache entry %s unreadable (%s); recomputing", path, exc)
            self.misses += 1
            return None
        try:
            page = Page.model_validate_json(data)
        except Exception as exc:  # pydantic.ValidationError, or bytes that are not JSON
            log.warning("page cache entry %s is corrupt (%s); deleting it and recomputing",
                        path, str(exc).splitlines()[0])
            try:
                path.unlink()
            except OSError:
                pass
            self.misses += 1
            return None
        self.hits += 1
        return page

    def put(self, key: str, page: Page) -> None:
        try:
            atomic_write_bytes(self._path(key), page.model_dump_json().encode("utf-8"))
        except OSError as exc:  # a full or read-only disk must not fail the document
            log.warning("cannot write page cache entry under %s: %s", self.root, exc)

    def info(self) -> CacheInfo:
        entries = 0
        size = 0
        if self.root.is_dir():
            for dirpath, _dirs, files in os.walk(self.root):
                for name in files:
                    if name.endswith(".json"):
                        entries += 1
                        try:
                            size += os.path.getsize(os.path.join(dirpath, name))
                        except OSError:
                            pass
        return CacheInfo(root=self.root, entries=entries, bytes=size)

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        count = self.info().entries
        if self.root.is_dir():
            shutil.rmtree(self.root)
        return count
