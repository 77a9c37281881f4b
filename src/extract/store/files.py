"""Atomic writes, output naming and path safety.

Every file extract writes (outputs, manifests, reports, cache entries) goes through
``atomic_write_bytes``: a temporary file in the same folder, fsync, then ``os.replace``,
so a reader (or a run killed with kill -9) only ever sees the old complete file or the
new complete one. Stale temporaries end in ``.tmp`` and are removed by ``remove_stale_tmp``.

Output names mirror the input's path relative to the input folder (``raw/a/x.pdf`` ->
``output/a/x.json``). Each path component is sanitised (reliability study section 3.7):
path separators, NUL and control characters become ``_``, leading dots become ``_``, and
no NFKC folding is done first (U+FF0F would turn into ``/``). Inputs that would share an
output name all get ``<stem>.<ext>.json`` instead.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import secrets
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from extract.errors import OutputError, SkippedInputError

log = logging.getLogger(__name__)

TMP_SUFFIX = ".tmp"
TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")
"""What ``atomic_write_chunks`` names its temporaries: '.<name>.<8 hex>.tmp'."""
MAX_NAME_BYTES = 200
"""Room under the usual 255-byte name limit for the ``.<ext>.json`` and temp suffixes."""


# --------------------------------------------------------------------------- atomic writes


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on directories; the rename is still atomic
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    atomic_write_chunks(path, [data])


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> str:
    """``atomic_write_bytes`` for content made piece by piece; returns the sha256 of what was written.

    If making a chunk fails, the temporary file is removed and the old file stays.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")
    digest = hashlib.sha256()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                digest.update(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)
    return digest.hexdigest()


def _json_chunks(data: Any, size: int = 1 << 16) -> Iterator[bytes]:
    """The one JSON layout extract writes (indented, UTF-8, stable key order, trailing newline), in
    pieces of about ``size`` bytes: with an indent, ``json.dumps`` gathers every token of the document
    in a list first (writing a 4.5 MB output peaked 13 MB higher)."""
    pending: list[str] = []
    length = 0
    for token in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(data):
        pending.append(token)
        length += len(token)
        if length >= size:
            yield "".join(pending).encode("utf-8")
            pending.clear()
            length = 0
    pending.append("\n")
    yield "".join(pending).encode("utf-8")


def atomic_write_json(path: Path, data: Any) -> str:
    """Write ``data`` as JSON atomically (the layout of ``json.dumps(data, indent=2, ensure_ascii=False)``
    and a newline); returns the sha256 of the bytes written."""
    return atomic_write_chunks(path, _json_chunks(data))


_OS_REASONS = {
    errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up", errno.EFBIG: "the file is too large "
    "for this disk or limit", errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
    errno.EPERM: "permission denied", errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.EISDIR: "it is a folder", errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file of that name is in the way",
}


def os_error_message(exc: OSError, what: str) -> str:
    """'cannot write output/x.json: the disk is full ([Errno 28] ...)': the path, the reason in
    words, and the system's own message."""
    reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    where = exc.filename if exc.filename not in (None, "") else what
    return f"cannot write {where}: {reason} ({exc})"


def prepare_output_folder(folder: Path, option: str = "--out") -> None:
    """Make ``folder`` (and its parents) and prove it takes files; OutputError with the reason
    otherwise, before any work is done."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{option} {folder} is a file, not a folder; give a folder (it is created when missing)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test.{secrets.token_hex(4)}{TMP_SUFFIX}"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(os_error_message(exc, str(folder)) + f"; choose another {option} folder") from exc


def prepare_output_file(path: Path, option: str = "--to") -> None:
    """A file to be written must not be a folder, and its folder must exist or be creatable."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{option} {path} is a folder; give a file name, e.g. {path / 'labs.csv'}")
    prepare_output_folder(path.parent if str(path.parent) else Path("."), f"the folder of {option}")


def remove_stale_tmp(folder: Path) -> int:
    """Delete temporaries left by a killed run under ``folder``; returns how many were removed."""
    removed = 0
    if not folder.is_dir():
        return 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            if TEMP_NAME.match(name):  # only our own temporaries, never a user's notes.tmp
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError as exc:
                    log.warning("cannot remove stale temporary %s: %s", name, exc)
    if removed:
        log.info("removed %d stale temporary file(s) under %s", removed, folder)
    return removed


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- naming and path safety


def sanitize_component(name: str) -> str:
    """One safe path component: no separators, NUL, control characters, leading dots or '..'."""
    cleaned = []
    for char in name:
        if char in "/\\\x00" or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            cleaned.append("_")
        else:
            cleaned.append(char)
    text = "".join(cleaned).strip()
    stripped = text.lstrip(".")
    text = "_" * (len(text) - len(stripped)) + stripped  # '.hidden' -> '_hidden', '..' -> '__'
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        short = hashlib.sha256(encoded).hexdigest()[:8]
        text = encoded[: MAX_NAME_BYTES - 9].decode("utf-8", "ignore") + "-" + short
    return text or "_"


def ensure_inside(target: Path, root: Path) -> Path:
    """``target`` resolved, or ``SkippedInputError`` when it would land outside ``root``."""
    resolved_root = root.resolve()
    resolved = target.resolve()
    if resolved != resolved_root and resolved_root not in resolved.parents:
        raise SkippedInputError(
            f"output {target} would be written outside {root} (a symbolic link in the output folder?); "
            "remove the link or choose another --out folder"
        )
    return resolved


def output_names(relative_inputs: Iterable[PurePosixPath]) -> list[PurePosixPath]:
    """Output path (relative to the output folder) of each input path, in the same order.

    ``a/x.pdf`` -> ``a/x.json``; when several inputs would share a name (``x.pdf`` and ``x.tiff``)
    each gets ``<stem>.<ext>.json`` (extension in lower case), with a counter if even that collides
    (the same name given twice to ``extract ingest``). Names compare case-insensitively.
    """
    # NFC first: 'café' typed on Linux and 'café' copied from macOS (NFD) are one name, one output.
    inputs = [PurePosixPath(unicodedata.normalize("NFC", p.as_posix())) for p in relative_inputs]
    groups: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
    parts: list[tuple[tuple[str, ...], str, str]] = []
    for index, rel in enumerate(inputs):
        folders = tuple(sanitize_component(p) for p in rel.parts[:-1])
        stem, dot, ext = rel.name.rpartition(".")
        if not dot or not stem:
            stem, ext = rel.name, ""
        clean_stem = sanitize_component(stem)
        parts.append((folders, clean_stem, sanitize_component(ext.lower()) if ext else ""))
        groups[(folders, clean_stem.casefold())].append(index)

    result: list[PurePosixPath | None] = [None] * len(inputs)
    taken: set[tuple[tuple[str, ...], str]] = set()
    for members in groups.values():
        for index in sorted(members, key=lambda i: (str(inputs[i]), i)):
            folders, clean_stem, ext = parts[index]
            name = f"{clean_stem}.json" if len(members) == 1 else f"{clean_stem}.{ext or 'noext'}.json"
            counter = 2
            candidate = name
            while (folders, candidate.casefold()) in taken:
                candidate = f"{name[:-5]}-{counter}.json"
                counter += 1
            taken.add((folders, candidate.casefold()))
            result[index] = PurePosixPath(*folders, candidate)
    return [path for path in result if path is not None]


def stem_of(output_rel: PurePosixPath) -> str:
    """The stem that names an output (and its corrections): its relative path without ``.json``."""
    text = output_rel.as_posix()
    return text[:-5] if text.endswith(".json") else text
