"""Field-level differences between two sets of outputs (two runs, or two output folders).

A *side* is a mapping ``stem -> OutputFile`` (``stem`` is the output path relative to
the output folder without ``.json``, e.g. ``"x"`` or ``"a/x"``). Sides come from a plain
folder or from a run manifest plus the content-addressed snapshots under ``output/.runs/objects/``
(both read by ``extract.store.snapshots``). Which sides are compared (the archive after each run, or only the files both runs processed):
``extract.review.sides``. Records are paired with
``extract.assemble.matching.match_records`` (name, acronym, website; never position) and compared per
contract field path (``budget.amount``, ``staff.count``, ``governance.bodies`` ...), not on
provenance or confidence alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from extract.assemble.fields import flatten, same_value
from extract.assemble.matching import match_records, record_key
from extract.models import FieldCorrection, LabRecord, OutputFile, Provenance
from extract.review.counts import counted

log = logging.getLogger(__name__)


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
    comparison: str = ""
    """What was compared with what (``extract.review.sides.Comparison.note``), said in every format."""

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
        return (f"total: {counted(t['files_changed'], 'file')} changed, {t['files_added']} added, "
                f"{t['files_removed']} removed, {t['files_unchanged']} unchanged; records {t['records_added']} added, "
                f"{t['records_removed']} removed, {t['records_changed']} changed; "
                f"{counted(t['fields_changed'], 'field')} changed"
                + (f"; {counted(t['files_unavailable'], 'file')} not comparable (no snapshot)" if t["files_unavailable"] else "")
                + (f"; {counted(t['needs_review'], 'correction')} to review" if t["needs_review"] else ""))

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_label,
            "new": self.new_label,
            "comparison": self.comparison,
            "changed": self.changed,
            "totals": self.totals(),
            "files": [{**asdict(f), "counts": f.counts, "summary": f.summary()} for f in self.files],
        }


# --------------------------------------------------------------------------- comparing


NO_PROVENANCE = Provenance()
"""What a field without provenance shows (no text, no method, no place)."""


def _provenance(record: LabRecord, path: str) -> Provenance:
    """The provenance of a field path (exact path first, then its top-level field)."""
    return record.provenance.get(path) or record.provenance.get(path.partition(".")[0]) or NO_PROVENANCE


def _machine_value(correction: FieldCorrection | None, shown: Any) -> Any:
    """The machine's own value under a correction (an entry written without one: the value shown)."""
    return correction.machine_value if correction and "machine_value" in correction.model_fields_set else shown


def diff_records(old: LabRecord, new: LabRecord, fields: Iterable[str] | None = None) -> list[FieldChange]:
    """Changed field paths between two versions of one record (value changes, and machine values moved under a correction)."""
    wanted = set(fields) if fields else None
    old_flat, new_flat = flatten(old), flatten(new)
    changes: list[FieldChange] = []
    for path in list(dict.fromkeys([*new_flat, *old_flat])):
        if wanted is not None and path not in wanted and path.partition(".")[0] not in wanted:
            continue
        a, b = old_flat.get(path), new_flat.get(path)
        op, np_ = _provenance(old, path), _provenance(new, path)
        corr_old, corr_new = old.corrections.get(path), new.corrections.get(path)
        kind = "value"
        if same_value(a, b):
            # The shown value is the same; did the machine's own value move under a correction?
            if not (corr_new or corr_old):
                continue
            ma, mb = _machine_value(corr_old, a), _machine_value(corr_new, b)
            if same_value(ma, mb):
                continue
            a, b, kind = ma, mb, "machine"
            op = (corr_old.machine_provenance if corr_old else None) or op
            np_ = (corr_new.machine_provenance if corr_new else None) or np_
        changes.append(FieldChange(
            path=path, old=a, new=b, old_text=op.text, new_text=np_.text, old_method=op.method, new_method=np_.method,
            # A value derived from another correction (the euro amount of a corrected amount) is
            # reviewed with that one, not again.
            kind=kind, needs_review=bool(corr_new and corr_new.needs_review) or (
                kind == "machine" and not getattr(corr_new, "derived_from", None)),
            page=np_.page or op.page, bbox=list(np_.bbox or op.bbox or []) or None,
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
    old_recs, new_recs = old.records, new.records
    records: list[RecordDiff] = []
    for i, j in match_records(old_recs, new_recs):
        if i is None and j is not None:
            records.append(RecordDiff(key=record_key(new_recs[j]), name=new_recs[j].name, status="added", new_index=j))
        elif j is None and i is not None:
            records.append(RecordDiff(key=record_key(old_recs[i]), name=old_recs[i].name, status="removed", old_index=i))
        elif i is not None and j is not None:
            records.append(RecordDiff(key=record_key(new_recs[j]), name=new_recs[j].name, status="matched",
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
               old_label: str = "old", new_label: str = "new", fields: Iterable[str] | None = None,
               comparison: str = "", same: Iterable[str] = ()) -> RunDiff:
    """``same``: stems known to hold the same version on both sides (not loaded): unchanged."""
    fields = list(fields) if fields else None
    result = RunDiff(old_label=old_label, new_label=new_label, comparison=comparison)
    same = set(same)
    for stem in sorted(set(old) | set(new) | same):
        if stem in same:
            result.files.append(FileDiff(stem=stem, status="unchanged"))
            continue
        lost = [label for label, side in ((old_label, old), (new_label, new)) if stem in side and side[stem] is None]
        if lost:
            # The run wrote this file but no copy of that version was kept: say so, do not call it added/removed.
            note = f"no snapshot of the version written by {' and '.join(lost)}"
            log.warning("%s: %s; cannot compare it", stem, note)
            result.files.append(FileDiff(stem=stem, status="unavailable", note=note))
            continue
        result.files.append(diff_files(stem, old.get(stem), new.get(stem), fields))
    return result


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
    if result.comparison:
        lines.append(result.comparison)
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
