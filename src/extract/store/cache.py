"""Content-addressed page cache (implements ``extract.models.PageStore``).

The reader computes the keys (file hash, page number and every setting that changes the
page: languages, DPI, Tesseract version, preprocessing); this module only stores pages
under them: one JSON file per key at ``root/ab/<key>.json``, written atomically. An entry
that cannot be read or does not validate as a ``Page`` is deleted and treated as a miss:
the cache is never trusted over recomputing.

It also keeps a document's sections (layout and segmentation done) under
``root/sections/ab/<key>.json``, with the digest of the pages they came from, the spaCy
entities of a section's text under ``root/entities/``, and the records extracted from a
document's sections under ``root/records/``. Their keys (``extract.pipeline``, ``extract.nlp``)
hash the input and the fingerprint of the code and rules that made them, so a reprocess after an
extractor change starts at the extractors' own rules, and one with nothing changed upstream
(``--force``) does not run them at all.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter

from extract.errors import ConfigError
from extract.models import Entity, LabRecord, Page, StoredSections
from extract.store.files import atomic_write_bytes

log = logging.getLogger(__name__)

_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{3,150}$")
_HEX_NAME = re.compile(r"^[0-9a-f]{64}$")
_TEMP_NAME = re.compile(r"^\..+\.json\.[0-9a-f]{8}\.tmp$")
DERIVED = ("sections", "entities", "records")
MARKER = "CACHEDIR.TAG"
"""Written into every cache folder (the Cache Directory Tagging convention, which backup tools honour):
clear and prune refuse a folder without it, so `--cache-dir docs` cannot empty a folder of documents."""
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# A page/OCR cache made by extract (`extract cache clear|prune` manage it). Safe to delete.\n"
)


T = TypeVar("T")


@lru_cache(maxsize=1)
def _entities_adapter() -> TypeAdapter[list[Entity]]:
    return TypeAdapter(list[Entity])


@lru_cache(maxsize=1)
def _records_adapter() -> TypeAdapter[list[LabRecord]]:
    return TypeAdapter(list[LabRecord])


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
        self._marked = False

    def _mark(self) -> None:
        """Say that this folder is a cache extract made (before its first entry is written)."""
        marker = self.root / MARKER
        if not marker.is_file():
            if self.root.is_dir() and any(self.root.iterdir()) and not self._only_entries():
                raise OSError(f"{self.root} holds files that are not cache entries; not using it as a cache")
            atomic_write_bytes(marker, MARKER_TEXT.encode("ascii"))
        self._marked = True

    # ------------------------------------------------------------------ what the cache wrote

    def _known(self, path: Path) -> bool:
        """Is ``path`` (under root) a file this cache writes: an entry in its known layout, a
        temporary of one, or the marker?"""
        parts = path.relative_to(self.root).parts
        if parts == (MARKER,):
            return True
        if len(parts) == 3 and parts[0] in DERIVED:
            folder, name = parts[1], parts[2]
            stem_ok = _HEX_NAME.match(name.removesuffix(".json")) is not None
        elif len(parts) == 2:
            folder, name = parts
            stem = name.removesuffix(".json")
            stem_ok = _SAFE_KEY.match(stem) is not None and ".." not in stem
        else:
            return False
        if _TEMP_NAME.match(name):
            return True
        return name.endswith(".json") and stem_ok and name[:2] == folder

    def _files(self) -> list[Path]:
        found: list[Path] = []
        if self.root.is_dir():
            for dirpath, _dirs, files in os.walk(self.root):
                found += [Path(dirpath) / name for name in files]
        return found

    def _only_entries(self) -> bool:
        return all(self._known(path) for path in self._files())

    def _entries(self) -> list[Path]:
        """The entries to count or delete: only files in the cache's own layout."""
        self._check_ours()
        return [p for p in self._files() if self._known(p) and p.name != MARKER and not _TEMP_NAME.match(p.name)]

    def _check_ours(self) -> None:
        """Refuse to manage a folder extract did not make: no marker, and files of other kinds in it."""
        if not self.root.is_dir() or (self.root / MARKER).is_file():
            return
        strangers = [p for p in self._files() if not self._known(p)]
        if strangers:
            raise ConfigError(
                f"{self.root} is not an extract cache (no {MARKER}, and it holds other files such as "
                f"{strangers[0].relative_to(self.root)}); nothing was deleted. Check --cache-dir."
            )

    def _path(self, key: str) -> Path:
        # Keys come from the reader; anything that is not a plain token is hashed so it can't escape root.
        name = key if _SAFE_KEY.match(key) and ".." not in key else hashlib.sha256(key.encode()).hexdigest()
        return self.root / name[:2] / f"{name}.json"

    def get(self, key: str) -> Page | None:
        return self._load(self._path(key), Page.model_validate_json)

    def put(self, key: str, page: Page) -> None:
        self._store(self._path(key), page.model_dump_json().encode("utf-8"))

    def get_sections(self, key: str) -> StoredSections | None:
        """A document's sections stored under ``key``, or None (a corrupt entry is deleted)."""
        return self._load(self._derived_path("sections", key), StoredSections.model_validate_json)

    def put_sections(self, key: str, stored: StoredSections) -> None:
        self._store(self._derived_path("sections", key), stored.model_dump_json().encode("utf-8"))

    def get_entities(self, key: str) -> list[Entity] | None:
        """spaCy entities stored under ``key``, or None (a corrupt entry is deleted)."""
        return self._load(self._derived_path("entities", key), _entities_adapter().validate_json)

    def put_entities(self, key: str, entities: list[Entity]) -> None:
        self._store(self._derived_path("entities", key), _entities_adapter().dump_json(entities))

    def get_records(self, key: str) -> list[LabRecord] | None:
        """A document's records stored under ``key``, or None (a corrupt entry is deleted)."""
        return self._load(self._derived_path("records", key), _records_adapter().validate_json)

    def put_records(self, key: str, records: list[LabRecord]) -> None:
        self._store(self._derived_path("records", key), _records_adapter().dump_json(records))

    def _derived_path(self, kind: str, key: str) -> Path:
        name = hashlib.sha256(key.encode()).hexdigest()
        return self.root / kind / name[:2] / f"{name}.json"

    def _load(self, path: Path, parse: Callable[[bytes], T]) -> T | None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            log.warning("cache entry %s unreadable (%s); recomputing", path, exc)
            self.misses += 1
            return None
        try:
            value = parse(data)
        except Exception as exc:  # pydantic.ValidationError, or bytes that are not JSON
            log.warning("cache entry %s is corrupt (%s); deleting it and recomputing",
                        path, str(exc).splitlines()[0])
            try:
                path.unlink()
            except OSError:
                pass
            self.misses += 1
            return None
        self.hits += 1
        _touch(path)
        return value

    def _store(self, path: Path, data: bytes) -> None:
        try:
            if not self._marked:
                self._mark()
            atomic_write_bytes(path, data)
        except OSError as exc:  # a full or read-only disk must not fail the document
            log.warning("cannot write cache entry under %s: %s", self.root, exc)

    def info(self) -> CacheInfo:
        entries = 0
        size = 0
        for path in self._entries():
            entries += 1
            try:
                size += path.stat().st_size
            except OSError:
                pass
        return CacheInfo(root=self.root, entries=entries, bytes=size)

    def prune(self, *, older_than_s: float | None = None, max_bytes: int | None = None,
              now: float | None = None) -> CacheInfo:
        """Delete entries unused for ``older_than_s`` seconds, then the least recently used until the
        cache holds at most ``max_bytes``; returns what was removed.

        An entry's modification time is its last use (``get`` touches it). Entries of code or settings
        no longer in use (an older layout, other OCR languages) are never read again: this is how they go.
        A batch running meanwhile only recomputes what it finds missing. Only files in the cache's own
        layout count; a folder that is not a cache is refused (ConfigError).
        """
        now = time.time() if now is None else now
        entries: list[tuple[float, int, str]] = []
        for entry in self._entries():
            try:
                stat = entry.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, str(entry)))
        entries.sort()  # least recently used first
        total = sum(size for _, size, _ in entries)
        removed = removed_bytes = 0
        for used, size, path in entries:
            stale = older_than_s is not None and now - used > older_than_s
            over = max_bytes is not None and total > max_bytes
            if not (stale or over):
                break  # sorted by last use: every later entry is newer and, size-wise, no longer needed
            try:
                os.unlink(path)
            except OSError:
                continue
            total -= size
            removed += 1
            removed_bytes += size
        return CacheInfo(root=self.root, entries=removed, bytes=removed_bytes)

    def clear(self) -> int:
        """Delete every entry (and its emptied folders); returns how many there were. Files the cache
        did not write stay, and a folder that is not a cache is refused (ConfigError)."""
        entries = self._entries()
        for path in [*entries, *(p for p in self._files() if _TEMP_NAME.match(p.name) and self._known(p))]:
            try:
                path.unlink()
            except OSError:
                pass
        for folder in sorted({p.parent for p in entries}, key=lambda p: len(p.parts), reverse=True):
            for empty in (folder, folder.parent):
                if empty != self.root:
                    try:
                        empty.rmdir()  # only when empty
                    except OSError:
                        pass
        return len(entries)


def _touch(path: Path) -> None:
    """Mark an entry as used now (its mtime), for ``PageCache.prune``; a read-only cache stays usable."""
    try:
        os.utime(path)
    except OSError:
        pass
