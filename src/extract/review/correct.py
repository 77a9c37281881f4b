"""`extract correct`: store, confirm or take back one field's correction, and apply it to the output at once.

The correction goes into ``corrections/<stem>.yml`` (``extract.review.corrections`` keeps that file
tidy) and the output is rewritten with every stored correction applied, its run block recording
the new state of that file, so the next batch finds the output current and reads nothing again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extract.assemble.corrections import (
    apply_corrections,
    corrected_records,
    corrections_path,
    corrections_state,
    load_corrections,
    match_entries,
    normalise_value,
    strip_corrections,
)
from extract.assemble.fields import (
    LIST_PATHS,
    NESTED,
    contract_paths,
    get_path,
    is_known_path,
    record_dict,
    same_value,
    set_path,
)
from extract.assemble.matching import RecordIdentity, record_key
from extract.errors import ConfigError
from extract.models import LabRecord, OutputFile
from extract.review.corrections import default_corrections_dir, inside, normalise_stem, save_corrections
from extract.review.diff import display
from extract.review.naming import Names, find_record
from extract.store.files import atomic_write_json
from extract.store.snapshots import keep_object, load_output, output_paths

log = logging.getLogger(__name__)


def parse_value(text: str) -> Any:
    """JSON when it is valid JSON ('340000', 'null', '{"name": "X"}'), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
"""Sentinel: no VALUE given on the command line."""


@dataclass
class CorrectionResult:
    path: Path
    """The corrections file written."""
    record: str
    field: str
    value: Any
    status: str
    """'corrected', 'confirmed' or 'removed' (then ``value`` is the machine's, shown again)."""
    machine_value: Any
    output: Path | None


@dataclass
class _Target:
    """The output, the record and the corrections file one `extract correct` is about."""

    out_dir: Path
    stem: str
    out_path: Path
    corrections_dir: Path
    current: OutputFile
    machine: OutputFile
    records: list[dict[str, Any]]
    """The machine's records as plain data (what corrections are set on)."""
    index: int
    stored: dict[str, Any]
    """The corrections file's content."""
    key: str | None
    """The record's key in the corrections file, when it has one."""
    label: str

    @property
    def record(self) -> dict[str, Any]:
        return self.records[self.index]

    @property
    def lab(self) -> LabRecord:
        """The machine's record, typed (``record`` is the same as plain data)."""
        return self.machine.records[self.index]

    @property
    def path(self) -> Path:
        return corrections_path(self.corrections_dir, self.stem)


def _locate(out_dir: Path, stem: str, record_ref: str, corrections_dir: Path | None) -> _Target:
    out_dir = Path(out_dir)
    folder = Path(corrections_dir) if corrections_dir else default_corrections_dir(out_dir)
    stem = normalise_stem(stem, out_dir)
    out_path = inside(out_dir, f"{stem}.json", stem)
    inside(folder, f"{stem}.yml", stem)
    if not out_path.is_file():
        known = ", ".join(list(output_paths(out_dir))[:10]) or "none"
        raise ConfigError(f"no output {out_path}: run `extract batch` first, or pick one of: {known}")
    current = load_output(out_path)
    machine = strip_corrections(current)
    records = [record_dict(r) for r in machine.records]
    stored = load_corrections(corrections_path(folder, stem))
    filed = {i: k for k, i in match_entries(corrected_records(stored["records"]), records).items() if i is not None}
    names = [Names(machine=m, shown=s, filed_under=filed.get(i))
             for i, (m, s) in enumerate(zip(machine.records, current.records, strict=True))]
    index = find_record(names, record_ref, stem)
    return _Target(out_dir=out_dir, stem=stem, out_path=out_path, corrections_dir=folder, current=current,
                   machine=machine, records=records, index=index, stored=stored, key=filed.get(index),
                   label=names[index].label())


def _rewrite_output(target: _Target) -> None:
    """The output with every stored correction applied, and its run block saying so (so the next
    batch finds it current instead of applying them again)."""
    # Keep the version the last run wrote, so `extract diff` can still compare that run.
    keep_object(target.out_dir, target.out_path.read_bytes())
    updated = apply_corrections(target.machine, target.stem, target.corrections_dir)
    data = updated.model_dump(mode="json")
    if isinstance(data.get("run"), dict):
        data["run"]["corrections"] = corrections_state(target.corrections_dir, target.stem)
    atomic_write_json(target.out_path, data)


def add_correction(out_dir: Path, stem: str, record_ref: str, field: str, value: Any, *,
                   confirm: bool = False, by: str | None = None, corrections_dir: Path | None = None,
                   now: dt.datetime | None = None) -> CorrectionResult:
    """Store a correction (or confirmation) for one field and re-apply corrections to the current output."""
    target = _locate(out_dir, stem, record_ref, corrections_dir)
    record = target.record
    if not (is_known_path(field, record) or field in NESTED):
        raise ConfigError(f"{field!r} is not a field of the output contract; use one of: {', '.join(contract_paths())}")
    machine_value = get_path(record, field)
    if value is _MISSING:
        if not confirm:
            raise ConfigError("give a VALUE, or --confirm to confirm the machine's value")
        value = machine_value
    if field in LIST_PATHS and value is not None and not isinstance(value, list):
        value = [value]  # one governance body or funding source given on its own
    try:
        value = normalise_value(field, value)
    except ValueError as exc:
        raise ConfigError(f"{field}: {exc}") from exc
    status = "confirmed" if confirm and same_value(value, machine_value) else "corrected"
    if confirm and status == "corrected":
        log.info("the value differs from the machine's (%r): stored as a correction", machine_value)
    trial = json.loads(json.dumps(record, default=str))
    set_path(trial, field, value)
    try:
        LabRecord.model_validate(trial)
    except ValidationError as exc:
        raise ConfigError(f"{field} = {value!r} does not fit the output contract: {exc.errors()[0].get('msg')}") from exc
    data = target.stored
    data.setdefault("source", target.current.source.path)
    key = target.key or record_key(RecordIdentity.of(record)) or f"record {target.index}"
    entry = data["records"].setdefault(key, {"fields": {}})
    lab = target.lab
    for ident, known in (("name", lab.name), ("acronym", lab.acronym), ("website", lab.website)):
        if known and not entry.get(ident):
            entry[ident] = known
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry["fields"][field] = {**entry["fields"].get(field, {}), "value": display(value), "status": status,
                              "by": by or os.environ.get("USER") or "unknown", "at": stamp,
                              "machine_value": display(machine_value)}
    save_corrections(target.path, data)
    _rewrite_output(target)
    return CorrectionResult(path=target.path, record=str(lab.name or key), field=field, value=value,
                            status=status, machine_value=machine_value, output=target.out_path)


def remove_correction(out_dir: Path, stem: str, record_ref: str, field: str, *,
                      corrections_dir: Path | None = None) -> CorrectionResult:
    """Take back the correction (or confirmation) of one field: the machine's value shows again.

    The entry leaves the corrections file (the record's entry too when it has no field left); the
    file itself is kept, with its comments, even when empty: people may have written in it.
    """
    target = _locate(out_dir, stem, record_ref, corrections_dir)
    entry = target.stored["records"].get(target.key) if target.key else None
    fields: dict[str, Any] = entry["fields"] if entry else {}
    if field not in fields:
        have = ", ".join(sorted(fields)) or "none"
        raise ConfigError(f"{target.label} has no correction of {field!r} in {target.path} "
                          f"(its corrected or confirmed fields: {have}); nothing was changed")
    del fields[field]
    if not fields:
        del target.stored["records"][target.key]
    save_corrections(target.path, target.stored)
    _rewrite_output(target)
    machine_value = get_path(target.record, field)
    return CorrectionResult(path=target.path, record=target.label, field=field, value=machine_value,
                            status="removed", machine_value=machine_value, output=target.out_path)


__all__ = ["CorrectionResult", "add_correction", "parse_value", "remove_correction"]
