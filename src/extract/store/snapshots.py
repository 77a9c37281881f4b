"""Each run's outputs kept for later: content-addressed copies and per-run indexes under ``OUT/.runs``.

A batch ends with ``snapshot_outputs``: every output it wrote is stored once under
``.runs/objects/<sha256>.json`` (sha256 of its bytes, as the manifest records it) and
``.runs/snapshots/<run_id>.json`` maps stem -> sha256. ``load_manifests``, ``run_shas`` and
``outputs_of_run`` read a run's outputs back (for ``extract diff``, ``review`` and corrections);
``output_paths`` and ``outputs_in_folder`` read the current ones. A *stem* is the output path
relative to the output folder without ``.json`` (``"x"``, ``"a/x"``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extract.errors import ConfigError
from extract.models import OutputFile
from extract.store.files import atomic_write_bytes
from extract.store.runs import RUNS_DIR

log = logging.getLogger(__name__)

OBJECTS_DIR = "objects"
SNAPSHOTS_DIR = "snapshots"


def load_output(path: Path) -> OutputFile:
    try:
        return OutputFile.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise ConfigError(f"cannot read output file {path}: {exc}; re-run `extract batch` to rewrite it") from exc


def output_stem(path: Path, out_dir: Path) -> str:
    """'output/a/x.json' -> 'a/x'."""
    return path.resolve().relative_to(out_dir.resolve()).as_posix().removesuffix(".json")


def output_paths(out_dir: Path) -> dict[str, Path]:
    """stem -> path of every output file in a folder (hidden folders such as .runs left out)."""
    found: dict[str, Path] = {}
    for path in sorted(out_dir.rglob("*.json")):
        rel = path.relative_to(out_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        found[rel.as_posix()[: -len(".json")]] = path
    return found


def outputs_in_folder(out_dir: Path) -> dict[str, OutputFile | None]:
    return {stem: load_output(path) for stem, path in output_paths(out_dir).items()}


def keep_object(out_dir: Path, data: bytes) -> str:
    """Store one output file's bytes under ``.runs/objects/<sha256>.json`` (once); returns the sha256."""
    sha = hashlib.sha256(data).hexdigest()
    target = Path(out_dir) / RUNS_DIR / OBJECTS_DIR / f"{sha}.json"
    if not target.exists():
        atomic_write_bytes(target, data)
    return sha


def snapshot_outputs(out_dir: Path, run_id: str, files: Iterable[Any]) -> dict[str, str]:
    """Keep a copy of each output file so later diffs can read this run's version.

    ``files`` are output paths (absolute, relative to the working directory, or relative to
    ``out_dir``) or manifest entries (``extract.store.runs.RunItem`` or dicts with ``output_rel`` or
    ``output``; entries whose status is not ``ok`` are left out). Each file is stored once under
    ``out_dir/.runs/objects/<sha256>.json`` (sha256 of its bytes, as the manifest records it),
    and ``out_dir/.runs/snapshots/<run_id>.json`` maps stem -> sha256. Returns that mapping.
    Call it at the end of a batch, after the outputs are written.
    """
    out_dir = Path(out_dir)
    index: dict[str, str] = {}
    for item in files:
        if hasattr(item, "model_dump"):
            item = item.model_dump()  # an extract.store.runs.RunItem
        if isinstance(item, Mapping):
            if item.get("status", "ok") != "ok":
                continue
            raw = str(out_dir / item["output_rel"]) if item.get("output_rel") else item.get("output")
        else:
            raw = item
        if not raw:
            continue
        path = _resolve_output(out_dir, str(raw))
        if path is None:
            log.warning("snapshot: output %s not found; later diffs cannot show this run's version", raw)
            continue
        index[output_stem(path, out_dir)] = keep_object(out_dir, path.read_bytes())
    atomic_write_bytes(out_dir / RUNS_DIR / SNAPSHOTS_DIR / f"{run_id}.json",
                  json.dumps({"run_id": run_id, "files": index}, indent=1, sort_keys=True).encode())
    return index


def _resolve_output(out_dir: Path, raw: str) -> Path | None:
    path = Path(raw)
    candidates = [path] if path.is_absolute() else [path, out_dir / path]
    if not path.suffix:
        candidates += [out_dir / f"{raw}.json"]
    for cand in candidates:
        if cand.is_file():
            try:
                cand.resolve().relative_to(out_dir.resolve())
            except ValueError:
                continue
            return cand.resolve()
    return None


def load_manifests(out_dir: Path) -> list[dict[str, Any]]:
    """Every run manifest under ``out_dir/.runs`` (oldest first), as plain dicts.

    The one place that reads manifests: shape ``{"run_id", "started_at", "state", "files":
    [{"path", "status", "output", "output_rel", "output_sha256", ...}]}`` (extract.store.runs.RunManifest,
    read as plain JSON so an older or newer manifest still diffs). Snapshot
    indexes (``.runs/snapshots``) stand in for runs that have no manifest.
    """
    runs_dir = Path(out_dir) / RUNS_DIR
    manifests: dict[str, dict[str, Any]] = {}
    for path in sorted(runs_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("skipping unreadable run manifest %s: %s", path, exc)
            continue
        if isinstance(data, dict):
            data.setdefault("run_id", path.stem)
            manifests[str(data["run_id"])] = data
    for path in sorted((runs_dir / SNAPSHOTS_DIR).glob("*.json")):
        try:
            snap = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        run_id = str(snap.get("run_id") or path.stem)
        entry = manifests.setdefault(run_id, {"run_id": run_id, "files": []})
        entry["snapshot"] = snap.get("files") or {}
    # Run ids are UTC timestamps (extract.store.runs), so they sort in time order.
    return sorted(manifests.values(), key=lambda m: str(m["run_id"]))


def run_shas(out_dir: Path, manifest: Mapping[str, Any]) -> dict[str, str | None]:
    """stem -> sha256 of the output this run wrote (from the manifest, or the run's snapshot index)."""
    shas: dict[str, str | None] = {}
    for entry in manifest.get("files") or []:
        output = entry.get("output_rel") or entry.get("output")
        if not output or entry.get("status", "ok") == "error":
            continue
        stem = str(output).removesuffix(".json") if entry.get("output_rel") else _manifest_stem(Path(out_dir), str(output))
        shas[stem] = entry.get("output_sha256")
    for stem, sha in (manifest.get("snapshot") or {}).items():
        shas[stem] = sha
    return shas


def outputs_of_run(out_dir: Path, manifest: Mapping[str, Any]) -> dict[str, OutputFile | None]:
    """stem -> OutputFile as this run wrote it (None where no snapshot of it was kept)."""
    return outputs_by_sha(out_dir, run_shas(out_dir, manifest), f"run {manifest.get('run_id')}")


def outputs_by_sha(out_dir: Path, shas: Mapping[str, str | None], label: str) -> dict[str, OutputFile | None]:
    """stem -> the kept version with that sha256 (None where no copy of it was kept; ``label`` says whose)."""
    out_dir = Path(out_dir)
    objects = out_dir / RUNS_DIR / OBJECTS_DIR
    current = output_paths(out_dir)
    result: dict[str, OutputFile | None] = {}
    for stem, sha in shas.items():
        obj = objects / f"{sha}.json" if sha else None
        if obj is not None and obj.is_file():
            result[stem] = load_output(obj)
        elif stem in current and sha and hashlib.sha256(current[stem].read_bytes()).hexdigest() == sha:
            result[stem] = load_output(current[stem])
        else:
            log.warning("%s: no snapshot of %s (sha256 %s)", label, stem, sha)
            result[stem] = None
    return result


def _manifest_stem(out_dir: Path, output: str) -> str:
    path = Path(output)
    for base in (out_dir.resolve(), out_dir):
        try:
            rel = (path if path.is_absolute() else path.resolve()).relative_to(base.resolve())
            return rel.as_posix().removesuffix(".json")
        except ValueError:
            pass
    parts = path.as_posix().removesuffix(".json")
    prefix = out_dir.as_posix().rstrip("/") + "/"
    return parts[len(prefix):] if parts.startswith(prefix) else parts


def stale_now(out_dir: Path) -> set[str]:
    """``stale_outputs``, then looked at again on disk: an output whose report is gone from where
    it was read is stale already, before any batch says so; one whose report is back is current
    again. The place looked at is the last batch's input folder when that batch came after the run
    that wrote the output, else where that run read it. Paths that cannot be judged here (a
    relative input folder seen from elsewhere, a report joined from page images) keep what the runs
    said."""
    manifests = load_manifests(out_dir)  # read once for both readings
    stale = _stale_in(manifests)
    for stem, source in _sources_by_stem(manifests).items():
        if source.parent.is_dir():
            if source.exists():
                stale.discard(stem)
            else:
                stale.add(stem)
    return stale


def _sources_by_stem(manifests: list[dict[str, Any]]) -> dict[str, Path]:
    """Output stem -> the report file it stands for now (see ``stale_now``), for the paths that name one file."""
    written: dict[str, tuple[int, str | None, str]] = {}  # stem -> (run's order, its batch input folder, path)
    last_batch: tuple[int, str | None] = (-1, None)
    for order, manifest in enumerate(manifests):  # oldest first: the last writer wins
        batch = manifest.get("command") == "batch"
        base = manifest.get("input_dir") if batch and isinstance(manifest.get("input_dir"), str) else None
        if batch:
            last_batch = (order, base)
        for item in manifest.get("files") or []:
            rel, path = item.get("output_rel"), item.get("path")
            if item.get("status") != "ok" or not isinstance(rel, str) or not rel.endswith(".json") \
                    or not isinstance(path, str) or " (" in path:
                continue  # 'rep/rep (p1.png, p2.png)': page images joined, no one file
            written[rel[: -len(".json")]] = (order, base if batch else None, path)
    found = {}
    for stem, (order, base, path) in written.items():
        if last_batch[0] > order and last_batch[1] is not None and base is not None:
            base = last_batch[1]  # the folder as the last batch read it (an archive copied elsewhere)
        found[stem] = Path(base) / path if base is not None else Path(path)
    return found


def stale_outputs(out_dir: Path) -> set[str]:
    """Stems of outputs the last batch over this folder found no input for (removed or renamed),
    unless a later run wrote them again: kept on disk, but not current."""
    return _stale_in(load_manifests(out_dir))


def _stale_in(manifests: list[dict[str, Any]]) -> set[str]:
    stale: set[str] = set()
    for manifest in manifests:  # oldest first
        if manifest.get("command") == "batch" and manifest.get("state") in ("complete", "failed"):
            stale = {str(s) for s in manifest.get("stale") or []}
        for item in manifest.get("files") or []:
            rel = item.get("output_rel")
            if item.get("status") == "ok" and isinstance(rel, str) and rel.endswith(".json"):
                stale.discard(rel[: -len(".json")])
    return stale
