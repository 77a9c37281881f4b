"""Field-level differences between two sets of outputs (two runs, or two output folders).

A *side* is a mapping ``stem -> OutputFile`` (``stem`` is the output path relative to
the output folder without ``.json``, e.g. ``"x"`` or ``"a/x"``). Sides come from a plain
folder (:func:`outputs_in_folder`) or from a run manifest plus the content-addressed
snapshots under ``output/.runs/objects/`` (:func:`outputs_of_run`). Records are paired with
``extract.assemble.matching.match_records`` (name, acronym, website; never position) and compared per
contract field path (``budget.amount``, ``staff.count``, ``governance.bodies`` ...), not on
provenance or confidence alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from extract.assemble.matching import match_records, record_key
from extract.errors import ConfigError
from extract.models import Budget, Governance, LabRecord, OutputFile, Staff
from extract.store.files import atomic_write_bytes

log = logging.getLogger(__name__)

RUNS_DIR = ".runs"
OBJECTS_DIR = "objects"
SNAPSHOTS_DIR = "snapshots"

NESTED: dict[str, type[BaseModel]] = {"budget": Budget, "staff": Staff, "governance": Governance}
"""Contract objects compared per sub-field; a missing object compares as its defaults."""
NOT_COMPARED = frozenset({"provenance", "corrections", "section"})
"""Record keys that describe a value rather than being one."""
TOP_FIELDS = ("name", "acronym", "country", "website", "founded_year", "role")


# --------------------------------------------------------------------------- field paths


def _plain(value: Any) -> Any:
    """JSON-like plain data (models dumped, tuples as lists)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record_dict(record: LabRecord | Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = _plain(record) if not isinstance(record, dict) else json.loads(json.dumps(record, default=str))
    return data


def contract_paths() -> list[str]:
    """Every field path of the contract, in display order."""
    paths = list(TOP_FIELDS)
    for name, model in NESTED.items():
        paths += [f"{name}.{sub}" for sub in model.model_fields]
    paths.append("funding_sources")
    return paths


def flatten(record: LabRecord | Mapping[str, Any]) -> dict[str, Any]:
    """Field path -> plain value for every compared field of a record (extra fields included)."""
    data = record_dict(record)
    flat: dict[str, Any] = {}
    for path in contract_paths():
        flat[path] = get_path(data, path)
    for key, value in data.items():
        if key in NOT_COMPARED or key in NESTED or key in flat:
            continue
        flat[key] = value
    for name in NESTED:
        extra = data.get(name)
        if isinstance(extra, dict):
            for sub, value in extra.items():
                flat.setdefault(f"{name}.{sub}", value)
    return flat


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path; a missing nested object reads as its model's defaults."""
    head, _, sub = path.partition(".")
    value = data.get(head)
    if not sub:
        return value
    if value is None:
        model = NESTED.get(head)
        if model is None:
            return None
        value = model().model_dump(mode="json")
    if not isinstance(value, Mapping):
        return None
    return value.get(sub)


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted path in plain record data, creating the nested object when it is null."""
    head, _, sub = path.partition(".")
    if not sub:
        data[head] = value
        return
    current = data.get(head)
    if not isinstance(current, dict):
        model = NESTED.get(head)
        current = model().model_dump(mode="json") if model else {}
        data[head] = current
    current[sub] = value


def is_known_path(path: str, record: LabRecord | Mapping[str, Any] | None = None) -> bool:
    if path in contract_paths():
        return True
    head = path.partition(".")[0]
    if head in NOT_COMPARED:
        return False
    if record is not None:
        return path in flatten(record)
    return False


def same_value(a: Any, b: Any) -> bool:
    """Equality of plain values where 340000 == 340000.0 and key order does not matter."""
    return canonical(a) == canonical(b)


def canonical(value: Any) -> str:
    def norm(v: Any) -> Any:
        if isinstance(v, bool) or v is None or isinstance(v, str):
            return v
        if isinstance(v, (int, float)):
            return float(v)
        if isinstance(v, Mapping):
            return {str(k): norm(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [norm(x) for x in v]
        return str(v)

    return json.dumps(norm(_plain(value)), sort_keys=True, ensure_ascii=False)


def provenance_for(record: Mapping[str, Any], path: str) -> dict[str, Any]:
    """The provenance of a field path (exact path first, then its top-level field)."""
    prov = record.get("provenance") or {}
    found = prov.get(path) or prov.get(path.partition(".")[0]) or {}
    return dict(found)


# --------------------------------------------------------------------------- diff objects


@dataclass
class FieldChange:
    path: str
    old: Any
    new: Any
    old_text: str = ""
    new_text: str = ""
    old_method: str = ""
    new_method: str = ""
    kind: str = "value"
    """'value' (the output value changed) or 'machine' (only the machine value under a correction moved)."""
    needs_review: bool = False
    page: int | None = None
    bbox: list[float] | None = None
    """Where the new value sits (for the review page)."""


@dataclass
class RecordDiff:
    key: str
    name: str | None
    status: str
    """'added', 'removed' or 'matched'."""
    old_index: int | None = None
    new_index: int | None = None
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class FileDiff:
    stem: str
    status: str
    """'added', 'removed', 'changed', 'unchanged' or 'unavailable'."""
    source: str | None = None
    records: list[RecordDiff] = field(default_factory=list)
    extractors: dict[str, list[str | None]] = field(default_factory=dict)
    """Extractor name -> [old version, new version] for the extractors whose version changed."""
    note: str = ""

    @property
    def counts(self) -> dict[str, int]:
        added = sum(r.status == "added" for r in self.records)
        removed = sum(r.status == "removed" for r in self.records)
        matched = sum(r.status == "matched" for r in self.records)
        changed = sum(r.status == "matched" and bool(r.changes) for r in self.records)
        fields = sum(len(r.changes) for r in self.records)
        review = sum(c.needs_review for r in self.records for c in r.changes)
        return {"records_matched": matched, "records_added": added, "records_removed": removed, "records_changed": changed,
                "fields_changed": fields, "needs_review": review}

    @property
    def changed(self) -> bool:
        return self.status in {"added", "removed", "changed"}

    def summary(self) -> str:
        c = self.counts
        if self.status in {"added", "removed", "unavailable"}:
            extra = f" ({self.note})" if self.note else ""
            return f"{self.stem}: file {self.status}{extra}"
        text = (f"{self.stem}: {c['records_matched']} matched ({c['records_changed']} changed), "
                f"{c['records_added']} added, {c['records_removed']} removed; {c['fields_changed']} changed fields")
        if c["needs_review"]:
            text += f", {c['needs_review']} corrections to review"
        return text


@dataclass
class RunDiff:
    old_label: str
    new_label: str
    files: list[FileDiff] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(f.changed for f in self.files)

    def totals(self) -> dict[str, int]:
        total = {"files_added": 0, "files_removed": 0, "files_changed": 0, "files_unchanged": 0, "files_unavailable": 0}
        for f in self.files:
            key = f"files_{f.status}"
            if key in total:
                total[key] += 1
            for k, v in f.counts.items():
                total[k] = total.get(k, 0) + v
        for k in ("records_matched", "records_added", "records_removed", "records_changed", "fields_changed", "needs_review"):
            total.setdefault(k, 0)
        return total

    def summary(self) -> str:
        t = self.totals()
        return (f"total: {t['files_changed']} files changed, {t['files_added']} added, {t['files_removed']} removed, "
                f"{t['files_unchanged']} unchanged; records {t['records_added']} added, {t['records_removed']} removed, "
                f"{t['records_changed']} changed; {t['fields_changed']} fields changed"
                + (f"; {t['files_unavailable']} files not comparable (no snapshot)" if t["files_unavailable"] else "")
                + (f"; {t['needs_review']} corrections to review" if t["needs_review"] else ""))

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_label,
            "new": self.new_label,
            "changed": self.changed,
            "totals": self.totals(),
            "files": [{**asdict(f), "counts": f.counts, "summary": f.summary()} for f in self.files],
        }


# --------------------------------------------------------------------------- comparing


def diff_records(old: Mapping[str, Any], new: Mapping[str, Any], fields: Iterable[str] | None = None) -> list[FieldChange]:
    """Changed field paths between two versions of one record (value changes, and machine values moved under a correction)."""
    wanted = set(fields) if fields else None
    old_flat, new_flat = flatten(old), flatten(new)
    old_corr: Mapping[str, Any] = old.get("corrections") or {}
    new_corr: Mapping[str, Any] = new.get("corrections") or {}
    changes: list[FieldChange] = []
    for path in list(dict.fromkeys([*new_flat, *old_flat])):
        if wanted is not None and path not in wanted and path.partition(".")[0] not in wanted:
            continue
        a, b = old_flat.get(path), new_flat.get(path)
        op, np_ = provenance_for(old, path), provenance_for(new, path)
        corr_new = new_corr.get(path) or {}
        corr_old = old_corr.get(path) or {}
        kind = "value"
        if same_value(a, b):
            # The shown value is the same; did the machine's own value move under a correction?
            if not (corr_new or corr_old):
                continue
            ma = corr_old.get("machine_value", a) if corr_old else a
            mb = corr_new.get("machine_value", b) if corr_new else b
            if same_value(ma, mb):
                continue
            a, b, kind = ma, mb, "machine"
            op = dict(corr_old.get("machine_provenance") or op)
            np_ = dict(corr_new.get("machine_provenance") or np_)
        changes.append(FieldChange(
            path=path, old=a, new=b,
            old_text=str(op.get("text") or ""), new_text=str(np_.get("text") or ""),
            old_method=str(op.get("method") or ""), new_method=str(np_.get("method") or ""),
            kind=kind, needs_review=bool(corr_new.get("needs_review")) or kind == "machine",
            page=np_.get("page") or op.get("page"), bbox=list(np_.get("bbox") or op.get("bbox") or []) or None,
        ))
    return changes


def diff_files(stem: str, old: OutputFile | None, new: OutputFile | None, fields: Iterable[str] | None = None) -> FileDiff:
    if old is None and new is None:
        return FileDiff(stem=stem, status="unavailable", note="no snapshot of either side")
    if old is None:
        assert new is not None
        recs = [RecordDiff(key=record_key(r), name=r.name, status="added", new_index=j) for j, r in enumerate(new.records)]
        return FileDiff(stem=stem, status="added", source=new.source.path, records=recs)
    if new is None:
        recs = [RecordDiff(key=record_key(r), name=r.name, status="removed", old_index=i) for i, r in enumerate(old.records)]
        return FileDiff(stem=stem, status="removed", source=old.source.path, records=recs)
    old_recs = [record_dict(r) for r in old.records]
    new_recs = [record_dict(r) for r in new.records]
    records: list[RecordDiff] = []
    for i, j in match_records(old_recs, new_recs):
        if i is None and j is not None:
            records.append(RecordDiff(key=record_key(new_recs[j]), name=new_recs[j].get("name"), status="added", new_index=j))
        elif j is None and i is not None:
            records.append(RecordDiff(key=record_key(old_recs[i]), name=old_recs[i].get("name"), status="removed", old_index=i))
        elif i is not None and j is not None:
            records.append(RecordDiff(key=record_key(new_recs[j]), name=new_recs[j].get("name"), status="matched",
                                      old_index=i, new_index=j, changes=diff_records(old_recs[i], new_recs[j], fields)))
    extractors = {
        name: [old.extractors.get(name), new.extractors.get(name)]
        for name in sorted(set(old.extractors) | set(new.extractors))
        if old.extractors.get(name) != new.extractors.get(name)
    }
    changed = any(r.status != "matched" or r.changes for r in records)
    return FileDiff(stem=stem, status="changed" if changed else "unchanged", source=new.source.path,
                    records=records, extractors=extractors)


def diff_sides(old: Mapping[str, OutputFile | None], new: Mapping[str, OutputFile | None], *,
               old_label: str = "old", new_label: str = "new", fields: Iterable[str] | None = None) -> RunDiff:
    fields = list(fields) if fields else None
    result = RunDiff(old_label=old_label, new_label=new_label)
    for stem in sorted(set(old) | set(new)):
        lost = [label for label, side in ((old_label, old), (new_label, new)) if stem in side and side[stem] is None]
        if lost:
            # The run wrote this file but no copy of that version was kept: say so, do not call it added/removed.
            note = f"no snapshot of the version written by {' and '.join(lost)}"
            log.warning("%s: %s; cannot compare it", stem, note)
            result.files.append(FileDiff(stem=stem, status="unavailable", note=note))
            continue
        result.files.append(diff_files(stem, old.get(stem), new.get(stem), fields))
    return result


# --------------------------------------------------------------------------- reading sides


def load_output(path: Path) -> OutputFile:
    try:
        return OutputFile.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError) as exc:
        raise ConfigError(f"cannot read output file {path}: {exc}; re-run `extract batch` to rewrite it") from exc


def stem_of(path: Path, out_dir: Path) -> str:
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
        index[stem_of(path, out_dir)] = keep_object(out_dir, path.read_bytes())
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
    out_dir = Path(out_dir)
    objects = out_dir / RUNS_DIR / OBJECTS_DIR
    current = output_paths(out_dir)
    result: dict[str, OutputFile | None] = {}
    for stem, sha in run_shas(out_dir, manifest).items():
        obj = objects / f"{sha}.json" if sha else None
        if obj is not None and obj.is_file():
            result[stem] = load_output(obj)
        elif stem in current and sha and hashlib.sha256(current[stem].read_bytes()).hexdigest() == sha:
            result[stem] = load_output(current[stem])
        else:
            log.warning("run %s: no snapshot of %s (sha256 %s)", manifest.get("run_id"), stem, sha)
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


def resolve_side(spec: str, out_dir: Path) -> tuple[str, dict[str, OutputFile | None]]:
    """A run id (of ``out_dir``) or an output folder -> (label, outputs)."""
    path = Path(spec)
    if path.is_dir():
        return str(path), outputs_in_folder(path)
    manifests = load_manifests(out_dir)
    exact = [m for m in manifests if str(m["run_id"]) == spec]
    # A unique prefix is enough ('20261128T2204'), as for `git` commits.
    matches = exact or [m for m in manifests if str(m["run_id"]).startswith(spec)]
    if len(matches) == 1:
        return f"run {matches[0]['run_id']}", outputs_of_run(out_dir, matches[0])
    if len(matches) > 1:
        raise ConfigError(f"{spec!r} matches {len(matches)} runs in {out_dir / RUNS_DIR}; give more of the run id")
    known = ", ".join(str(m["run_id"]) for m in load_manifests(out_dir)[-5:]) or "none"
    raise ConfigError(f"{spec!r} is neither an output folder nor a run id in {out_dir / RUNS_DIR} (latest runs: {known})")


def default_sides(out_dir: Path) -> tuple[tuple[str, dict[str, OutputFile | None]], tuple[str, dict[str, OutputFile | None]]]:
    """The last two runs of ``out_dir``."""
    manifests = load_manifests(out_dir)
    if len(manifests) < 2:
        raise ConfigError(
            f"{out_dir} has {len(manifests)} recorded run(s); diff needs two: run `extract batch` again, "
            "or pass OLD and NEW (run ids or output folders)")
    old, new = manifests[-2], manifests[-1]
    return ((f"run {old['run_id']}", outputs_of_run(out_dir, old)), (f"run {new['run_id']}", outputs_of_run(out_dir, new)))


# --------------------------------------------------------------------------- text output


def display(value: Any) -> Any:
    """Whole floats as ints for people (340000.0 -> 340000); the JSON output keeps the values as they are."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [display(v) for v in value]
    if isinstance(value, dict):
        return {k: display(v) for k, v in value.items()}
    return value


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(display(value), ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_text(result: RunDiff) -> str:
    lines = [f"diff {result.old_label} -> {result.new_label}"]
    for f in result.files:
        if f.status == "unchanged":
            continue
        lines.append("")
        lines.append(f.summary())
        for name, (a, b) in f.extractors.items():
            lines.append(f"  extractor {name}: {a} -> {b}")
        for r in f.records:
            if r.status == "added":
                lines.append(f"  + record {r.name or r.key!r}")
            elif r.status == "removed":
                lines.append(f"  - record {r.name or r.key!r}")
            elif r.changes:
                lines.append(f"  ~ record {r.name or r.key!r}")
                for c in r.changes:
                    flag = "  [needs review]" if c.needs_review else ""
                    what = "machine value under correction" if c.kind == "machine" else c.path
                    lines.append(f"      {c.path}: {_short(c.old)} -> {_short(c.new)}{flag}"
                                 if c.kind == "value" else
                                 f"      {c.path} ({what}): {_short(c.old)} -> {_short(c.new)}{flag}")
                    if c.old_text == c.new_text and c.new_text:
                        lines.append(f"        source: {_short(c.new_text, 140)}")
                    elif c.old_text or c.new_text:
                        lines.append(f"        source: {_short(c.old_text, 70)} -> {_short(c.new_text, 70)}")
                    if c.old_method != c.new_method:
                        lines.append(f"        method: {c.old_method or '-'} -> {c.new_method or '-'}")
    lines.append("")
    lines.append(result.summary())
    return "\n".join(lines)
