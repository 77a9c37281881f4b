"""The content-addressed page cache never trusts a damaged entry."""

from __future__ import annotations

import os
import time
from pathlib import Path

from extract.models import Page, Word
from extract.store.cache import PageCache

PAGE = Page(number=2, width=595.0, height=842.0, method="ocr", reason="ocr: no text layer",
            words=[Word(text="Budget", bbox=(10.0, 20.0, 60.0, 32.0), conf=0.93)])


def test_round_trip_and_layout(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c")
    key = "ab" + "0" * 62
    assert cache.get(key) is None
    cache.put(key, PAGE)
    assert (tmp_path / "c" / "ab" / f"{key}.json").is_file()
    assert cache.get(key) == PAGE
    assert (cache.hits, cache.misses) == (1, 1)


def test_corrupt_entry_is_deleted_and_treated_as_miss(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    key = "cd" + "1" * 62
    cache.put(key, PAGE)
    path = tmp_path / "cd" / f"{key}.json"
    path.write_bytes(path.read_bytes()[:40])  # truncated, as after a crash on a non-atomic writer
    assert cache.get(key) is None
    assert not path.exists()
    path.parent.mkdir(exist_ok=True)
    path.write_text('{"number": "two"}')  # valid JSON, invalid Page
    assert cache.get(key) is None
    assert not path.exists()
    cache.put(key, PAGE)
    assert cache.get(key) == PAGE


def test_keys_cannot_escape_the_root(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c")
    cache.put("../../etc/evil", PAGE)
    assert cache.get("../../etc/evil") == PAGE
    assert all(tmp_path / "c" in p.parents for p in tmp_path.rglob("*.json"))


def test_info_and_clear(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c")
    for i in range(3):
        cache.put(f"key{i:04d}", PAGE)
    info = cache.info()
    assert info.entries == 3 and info.bytes > 0
    assert cache.clear() == 3
    assert cache.info().entries == 0


def test_prune_drops_entries_unused_for_long_then_the_least_recently_used(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c")
    now = time.time()
    for i in range(4):
        cache.put(f"key{i:04d}", PAGE)
    paths = sorted((tmp_path / "c").rglob("*.json"))
    assert len(paths) == 4
    for days, key in zip((40, 20, 2, 1), ("key0000", "key0001", "key0002", "key0003"), strict=True):
        os.utime(cache._path(key), (now - days * 86400, now - days * 86400))
    assert cache.get("key0001") == PAGE  # a hit counts as a use: key0001 is now the newest
    removed = cache.prune(older_than_s=30 * 86400, now=now)
    assert removed.entries == 1 and cache.get("key0000") is None
    entry = cache._path("key0002").stat().st_size
    removed = cache.prune(max_bytes=2 * entry, now=now)
    assert removed.entries == 1 and removed.bytes == entry
    assert cache.get("key0002") is None  # least recently used of the three left
    assert cache.get("key0001") == PAGE and cache.get("key0003") == PAGE
    assert cache.prune(older_than_s=30 * 86400, max_bytes=10 * entry, now=now).entries == 0
