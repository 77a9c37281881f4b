"""The cache commands delete only what the cache wrote (issue 15, item 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import ConfigError, ExitCode
from extract.models import Page
from extract.store.cache import MARKER, PageCache

PAGE = Page(number=1, width=10, height=10, method="text", reason="test")


def _documents(folder: Path) -> list[Path]:
    (folder / "2024").mkdir(parents=True)
    files = [folder / "report.pdf", folder / "2024" / "notes.json", folder / "ab" / "abcdef.json"]
    files[2].parent.mkdir()
    for path in files:
        path.write_bytes(b"precious")
    return files


@pytest.mark.parametrize("action", [["clear"], ["prune", "--max-size", "0"], ["prune", "--older-than", "0"]])
def test_a_folder_that_is_not_a_cache_is_refused(tmp_path: Path, action: list[str]) -> None:
    docs = tmp_path / "docs"
    files = _documents(docs)
    assert main(["cache", *action, "--cache-dir", str(docs)]) == ExitCode.usage
    assert all(p.read_bytes() == b"precious" for p in files)
    with pytest.raises(ConfigError, match="not an extract cache"):
        PageCache(docs).clear()


def test_clear_and_prune_leave_other_files_in_a_cache_alone(tmp_path: Path) -> None:
    root = tmp_path / "c"
    cache = PageCache(root)
    for i in range(3):
        cache.put(f"key{i:04d}", PAGE)
    cache.put_sections("some key", PAGE)  # type: ignore[arg-type]  # any JSON will do for the layout
    assert (root / MARKER).is_file()
    stray = root / "README.json"
    stray.write_text("{}")
    kept = root / "ke" / "notes.txt"
    kept.write_text("mine")
    assert cache.prune(max_bytes=0).entries == 4
    cache.put("key0009", PAGE)
    assert cache.clear() == 1
    assert stray.read_text() == "{}" and kept.read_text() == "mine" and (root / MARKER).is_file()


def test_a_batch_does_not_turn_a_folder_of_documents_into_its_cache(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    files = _documents(docs)
    cache = PageCache(docs)
    cache.put("key0001", PAGE)  # refused quietly (logged): the batch runs on without a cache
    assert not (docs / MARKER).exists() and cache.get("key0001") is None
    assert all(p.read_bytes() == b"precious" for p in files)


def test_an_old_cache_without_marker_is_still_recognised(tmp_path: Path) -> None:
    root = tmp_path / "c"
    cache = PageCache(root)
    cache.put("key0001", PAGE)
    (root / MARKER).unlink()
    assert PageCache(root).clear() == 1


def test_stale_temporaries_are_only_our_own(tmp_path: Path) -> None:
    from extract.store.files import remove_stale_tmp

    (tmp_path / "notes.tmp").write_text("mine")
    (tmp_path / ".x.json.0123abcd.tmp").write_text("half")
    assert remove_stale_tmp(tmp_path) == 1
    assert (tmp_path / "notes.tmp").read_text() == "mine"
