"""Atomic writes, output naming and path safety."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from extract.errors import SkippedInputError
from extract.store.files import (
    atomic_write_bytes,
    atomic_write_json,
    ensure_inside,
    output_names,
    remove_stale_tmp,
    sanitize_component,
    stem_of,
)


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.json"
    atomic_write_json(target, {"v": 1})
    atomic_write_json(target, {"v": 2})
    assert target.read_text() == '{\n  "v": 2\n}\n'
    assert [p.name for p in target.parent.iterdir()] == ["x.json"]


def test_failed_write_keeps_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.json"
    atomic_write_bytes(target, b"old complete")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new" * 1000)
    assert target.read_bytes() == b"old complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


def test_kill_before_rename_leaves_old_file_and_a_stale_temporary(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_bytes(target, b"old complete")
    # A process killed with SIGKILL between writing the temporary and renaming it.
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import extract.store.files as s\n"
        "os.replace = lambda a, b: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"s.atomic_write_bytes(Path({str(target)!r}), b'new' * 100000)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert done.returncode == -9
    assert target.read_bytes() == b"old complete"
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1
    assert remove_stale_tmp(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rapport 2023", "rapport 2023"),
        ("Équipe été", "Équipe été"),
        ("..", "__"),
        (".hidden", "_hidden"),
        ("a\\b", "a_b"),
        ("a\x00b\x07c", "a_b_c"),
        ("a\u2028b", "a_b"),
        ("", "_"),
    ],
)
def test_sanitize_component(name: str, expected: str) -> None:
    assert sanitize_component(name) == expected


def test_sanitize_keeps_fullwidth_solidus_unfolded() -> None:
    # NFKC would turn U+FF0F into '/', creating a path separator.
    assert "/" not in sanitize_component("a\uff0fb")


def test_long_names_are_shortened_with_a_hash() -> None:
    long = "é" * 300
    short = sanitize_component(long)
    assert len(short.encode()) <= 200
    assert short != sanitize_component("é" * 301)


def test_output_names_mirror_folders_and_resolve_collisions() -> None:
    names = output_names([PurePosixPath(p) for p in
                          ["a/x.pdf", "a/x.TIFF", "b/x.pdf", "y.pdf", "noext", "..evil.pdf", "r ë.pdf"]])
    assert [n.as_posix() for n in names] == [
        "a/x.pdf.json", "a/x.tiff.json", "b/x.json", "y.json", "noext.json", "__evil.json", "r ë.json",
    ]


def test_output_names_same_name_twice_get_a_counter() -> None:
    names = output_names([PurePosixPath("x.pdf"), PurePosixPath("x.pdf"), PurePosixPath("X.pdf")])
    assert len({n.as_posix().casefold() for n in names}) == 3


def test_stem_of() -> None:
    assert stem_of(PurePosixPath("a/x.pdf.json")) == "a/x.pdf"


def test_ensure_inside_rejects_escapes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert ensure_inside(out / "a" / "x.json", out) == (out / "a" / "x.json").resolve()
    with pytest.raises(SkippedInputError):
        ensure_inside(out / ".." / "x.json", out)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (out / "link").symlink_to(outside)
    with pytest.raises(SkippedInputError):
        ensure_inside(out / "link" / "x.json", out)


def _nested(n: int) -> dict:
    return {"records": [{"name": f"Lab {i} — Bélgica", "budget": {"amount": i * 1.5, "currency": "EUR"},
                         "bodies": [{"name": "Raad", "members": None}], "ok": i % 2 == 0} for i in range(n)],
            "source": {"path": "raw/é.pdf", "pages": n}}


def test_streamed_json_is_byte_for_byte_the_json_dumps_layout(tmp_path: Path) -> None:
    # Large enough to be written in many pieces.
    data = _nested(3000)
    expected = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    target = tmp_path / "x.json"
    digest = atomic_write_json(target, data)
    assert target.read_bytes() == expected
    assert digest == hashlib.sha256(expected).hexdigest()


def test_json_that_fails_midway_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_json(target, {"v": 1})
    data = _nested(3000)
    data["records"][-1]["bad"] = object()  # not serialisable: found after the first pieces were written
    with pytest.raises(TypeError):
        atomic_write_json(target, data)
    assert json.loads(target.read_text()) == {"v": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]
