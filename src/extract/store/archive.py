"""The archive as it stood after each run: every file's latest output, not only what that run wrote.

A batch writes (or finds up to date) every file of the input folder; an ``ingest`` writes only the
files it was given. Comparing what two runs *wrote* therefore makes an ingest after a batch look
as if it removed the rest of the archive. The archive's state after a run is what a person sees
in the output folder at that moment: each stem's latest output, as recorded by the runs up to and
including that one, without the outputs a batch found no input for (stale: removed or renamed
inputs). ``extract diff`` and the review page both compare these states, so they agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.store.snapshots import load_manifests, run_shas


@dataclass(frozen=True)
class ArchiveState:
    """The output folder as it stood when one run finished."""

    run_id: str
    command: str
    """'batch' or 'ingest' (or '' for a run known only from its snapshot index)."""
    shas: Mapping[str, str | None]
    """stem -> sha256 of its latest output (None: a run wrote it but recorded no hash)."""
    processed: frozenset[str]
    """The stems this run itself wrote or found up to date."""

    @property
    def label(self) -> str:
        return f"run {self.run_id}"


def _is_final_batch(manifest: Mapping[str, Any]) -> bool:
    # Only a batch that went through the whole folder knows which outputs lost their input.
    return manifest.get("command") == "batch" and manifest.get("state") in ("complete", "failed")


def archive_states(out_dir: Path) -> list[ArchiveState]:
    """The archive after each recorded run of ``out_dir``, oldest first."""
    states: list[ArchiveState] = []
    current: dict[str, str | None] = {}
    for manifest in load_manifests(Path(out_dir)):
        written = run_shas(Path(out_dir), manifest)
        if _is_final_batch(manifest):
            for stem in manifest.get("stale") or []:
                current.pop(str(stem), None)
        current.update(written)
        states.append(ArchiveState(run_id=str(manifest["run_id"]), command=str(manifest.get("command") or ""),
                                   shas=dict(current), processed=frozenset(written)))
    return states


__all__ = ["ArchiveState", "archive_states"]
