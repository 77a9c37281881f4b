"""One short hash of a folder's files, for the states a run must see unchanged (a user rules
folder, the corrections folder on a cluster)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_digest(root: Path, paths: Iterable[Path]) -> str:
    """Hash of each file's path under ``root`` and its bytes, in the order given; a file that
    cannot be read counts as 'unreadable' rather than stopping the caller."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"unreadable")
        digest.update(b"\0")
    return digest.hexdigest()[:16]
