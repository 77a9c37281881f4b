"""What `extract diff` and the review page compare: two sides, like with like, and a sentence saying which.

A side is the outputs of one moment, ``stem -> OutputFile`` (None where a run wrote a version of
which no copy was kept). Two ways to compare (``Scope``):

- ``archive`` (the default): each side is the whole archive as it stood after that run, every
  file's latest output (``extract.store.archive``). An ``ingest`` of one report after a batch then
  changes one file, not "removes" the rest.
- ``common``: only the files both runs processed, each as that run wrote it; the files only one
  of them processed are left out and counted.

An output folder given as a side is its current content, without stale outputs (whose input a
batch found gone), as `extract export` sees it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract.errors import ConfigError
from extract.models import OutputFile
from extract.review.counts import counted
from extract.store.archive import ArchiveState, archive_states
from extract.store.runs import RUNS_DIR
from extract.store.snapshots import load_output, output_paths, outputs_by_sha, stale_outputs

Scope = Literal["archive", "common"]
SCOPES: tuple[Scope, ...] = ("archive", "common")


@dataclass(frozen=True)
class Side:
    label: str
    """'run <id>' or the folder's path, as people see it in the output."""
    outputs: dict[str, OutputFile | None]
    processed: frozenset[str] | None = None
    """The stems the run itself processed; None for a folder (all of it counts)."""
    kind: Literal["run", "folder"] = "run"
    stems: frozenset[str] = frozenset()
    """Every stem on this side, also those not loaded because both sides hold the same version."""


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    scope: Scope
    note: str
    """One sentence for people: what was compared with what."""
    same: frozenset[str] = frozenset()
    """Stems whose version is the same on both sides (by hash): unchanged, never loaded."""


def folder_side(folder: Path) -> Side:
    """An output folder's current outputs, stale ones left out."""
    stale = stale_outputs(folder)
    outputs: dict[str, OutputFile | None] = {
        stem: load_output(path) for stem, path in output_paths(folder).items() if stem not in stale}
    return Side(label=str(folder), outputs=outputs, kind="folder", stems=frozenset(outputs))


def _shas(state: ArchiveState, scope: Scope) -> dict[str, str | None]:
    return dict(state.shas) if scope == "archive" else {s: state.shas.get(s) for s in state.processed}


def state_side(out_dir: Path, state: ArchiveState, scope: Scope, skip: frozenset[str] = frozenset()) -> Side:
    shas = _shas(state, scope)
    wanted = {stem: sha for stem, sha in shas.items() if stem not in skip}
    return Side(label=state.label, outputs=outputs_by_sha(out_dir, wanted, state.label), processed=state.processed,
                stems=frozenset(shas))


def find_state(spec: str, out_dir: Path, states: list[ArchiveState]) -> ArchiveState:
    """The run ``spec`` names: its id, or a unique prefix of one ('20261128T2204'), as for git commits."""
    exact = [s for s in states if s.run_id == spec]
    matches = exact or [s for s in states if s.run_id.startswith(spec)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ConfigError(f"{spec!r} matches {len(matches)} runs in {out_dir / RUNS_DIR}; give more of the run id")
    known = ", ".join(s.run_id for s in states[-5:]) or "none"
    raise ConfigError(f"{spec!r} is neither an output folder nor a run id in {out_dir / RUNS_DIR} (latest runs: {known})")


def resolve_side(spec: str, out_dir: Path, scope: Scope = "archive",
                 states: list[ArchiveState] | None = None) -> Side:
    """A run id (of ``out_dir``) or an output folder -> its side."""
    if Path(spec).is_dir():
        return folder_side(Path(spec))
    states = archive_states(out_dir) if states is None else states
    return state_side(out_dir, find_state(spec, out_dir, states), scope)


def compare(old_spec: str | None, new_spec: str | None, out_dir: Path, scope: Scope = "archive") -> Comparison:
    """The two sides `extract diff [OLD] [NEW]` compares: by default the last two runs of ``out_dir``;
    with only OLD, that run against the folder as it is now."""
    out_dir = Path(out_dir)
    states = archive_states(out_dir)
    if old_spec is None:
        if len(states) < 2:
            raise ConfigError(
                f"{out_dir} has {len(states)} recorded run(s); diff needs two: run `extract batch` again, "
                "or pass OLD and NEW (run ids or output folders)")
        pair: tuple[ArchiveState | Path, ArchiveState | Path] = (states[-2], states[-1])
    else:
        pair = (_state_or_folder(old_spec, out_dir, states),
                _state_or_folder(new_spec, out_dir, states) if new_spec else out_dir)
    same: frozenset[str] = frozenset()
    if isinstance(pair[0], ArchiveState) and isinstance(pair[1], ArchiveState):
        # An archive of thousands of reports, one of them ingested: compare that one, not load them all.
        old_shas, new_shas = _shas(pair[0], scope), _shas(pair[1], scope)
        same = frozenset(s for s, sha in new_shas.items() if sha and old_shas.get(s) == sha)
    old, new = (state_side(out_dir, p, scope, same) if isinstance(p, ArchiveState) else folder_side(p) for p in pair)
    if scope == "common":
        return _common(old, new, same)
    return Comparison(old=old, new=new, scope=scope, note=_archive_note(old, new), same=same)


def _state_or_folder(spec: str, out_dir: Path, states: list[ArchiveState]) -> ArchiveState | Path:
    return Path(spec) if Path(spec).is_dir() else find_state(spec, out_dir, states)


def _archive_note(old: Side, new: Side) -> str:
    def what(side: Side) -> str:
        if side.kind == "folder":
            return f"{side.label} as it is now"
        return f"the archive after {side.label}"

    note = f"compared {what(old)} with {what(new)}: every file's latest output on each side"
    if new.processed is not None:
        carried = len(new.stems - new.processed)
        note += (f"; {new.label} processed {len(new.processed & new.stems)} of {counted(len(new.stems), 'file')}, "
                 f"the other {carried} {'is' if carried == 1 else 'are'} as before")
    return note + ". --scope common compares only the files both runs processed."


def _common(old: Side, new: Side, same: frozenset[str]) -> Comparison:
    mine = old.processed if old.processed is not None else old.stems
    theirs = new.processed if new.processed is not None else new.stems
    both = mine & theirs
    left_out = len((mine | theirs) - both)
    old = Side(old.label, {s: v for s, v in old.outputs.items() if s in both}, old.processed, old.kind, both)
    new = Side(new.label, {s: v for s, v in new.outputs.items() if s in both}, new.processed, new.kind, both)
    note = (f"compared only the {counted(len(both), 'file')} both {old.label} and {new.label} processed, each as it "
            f"was written; {counted(left_out, 'file')} processed by only one of them left out")
    return Comparison(old=old, new=new, scope="common", note=note, same=same & both)


# --------------------------------------------------------------------------- the review page


def previous_version(out_dir: Path, stem: str, current: Path) -> tuple[str, OutputFile] | None:
    """What the review page compares ``stem``'s current output with, the way ``extract diff`` does:
    the file in the archive before the last run. When the file changed after the last run (a
    correction was applied to it), the last run's version instead, so the page shows that change."""
    states = archive_states(out_dir)
    if not states:
        return None
    last = states[-1]
    last_sha = last.shas.get(stem)
    if last_sha and last_sha != hashlib.sha256(current.read_bytes()).hexdigest():
        found = outputs_by_sha(out_dir, {stem: last_sha}, last.label).get(stem)
        return (last.label, found) if found is not None else None
    if len(states) < 2 or not states[-2].shas.get(stem):
        return None
    before = states[-2]
    found = outputs_by_sha(out_dir, {stem: before.shas[stem]}, before.label).get(stem)
    return (before.label, found) if found is not None else None


__all__ = ["SCOPES", "Comparison", "Scope", "Side", "compare", "folder_side", "previous_version", "resolve_side"]
