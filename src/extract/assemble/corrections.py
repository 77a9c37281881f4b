"""Corrections people made, kept outside the generated output and applied on every run (by the batch).

One YAML file per source stem, ``corrections/<stem>.yml`` (``corrections/a/x.yml`` for
``output/a/x.json``), readable and editable by hand::

    source: raw/x.pdf
    records:
      rijks innovatie community:          # record key: the normalised name (extract.assemble.matching.record_key)
        name: Rijks Innovatie Community   # display name, acronym and website help to find the lab again
        acronym: RIC
        fields:
          budget.amount:                  # a field path of the contract
            value: 340000
            status: corrected             # or: confirmed
            by: alice
            at: '2026-11-28T20:15:00Z'
            machine_value: 34000          # what the machine said when the correction was made

A run never writes this file; only ``extract correct`` does (atomically, keeping every other
entry and the comment block at the top). :func:`apply_corrections` puts the values into a
fresh output, keeps the machine's own value and provenance beside each one, and flags a
field ``needs_review`` when the machine's value has moved since the correction was made.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from extract.assemble.fields import NESTED, get_path, is_known_path, provenance_for, record_dict, same_value, set_path
from extract.assemble.matching import match_records, record_key
from extract.errors import ConfigError
from extract.models import LabRecord, OutputFile, Provenance

log = logging.getLogger(__name__)

STATUSES = ("corrected", "confirmed")


# --------------------------------------------------------------------------- the YAML file


def corrections_path(corrections_dir: Path, stem: str) -> Path:
    return Path(corrections_dir) / f"{stem}.yml"


def _stamp(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat().replace("+00:00", "Z")
    return value


def load_corrections(path: Path) -> dict[str, Any]:
    """The corrections file as ``{"source", "records": {key: {"name", "acronym", "website", "fields": {path: entry}}}}``.

    A missing file is empty; a file that is not valid YAML raises ConfigError (it is never overwritten).
    """
    if not path.is_file():
        return {"records": {}}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read corrections file {path}: {exc}; fix the YAML by hand (it is never overwritten)") from exc
    if not isinstance(data, dict) or not isinstance(data.get("records") or {}, dict):
        raise ConfigError(f"corrections file {path} must be a mapping with a 'records' mapping; see the comment at its top")
    records: dict[str, Any] = {}
    for key, entry in (data.get("records") or {}).items():
        entry = dict(entry or {})
        fields = {}
        for fpath, item in (entry.get("fields") or {}).items():
            if not isinstance(item, dict):
                item = {"value": item}  # a bare value is a correction
            item = {k: _stamp(v) for k, v in item.items()}
            item.setdefault("status", "corrected")
            fields[str(fpath)] = item
        entry["fields"] = fields
        records[str(key)] = entry
    return {**data, "records": records}


# --------------------------------------------------------------------------- applying


def strip_corrections(output: OutputFile) -> OutputFile:
    """The machine's own output: corrected values and provenance put back as the machine had them."""
    records = []
    for record in output.records:
        data = record_dict(record)
        prov = data.setdefault("provenance", {})
        for fpath, entry in (data.get("corrections") or {}).items():
            if not isinstance(entry, Mapping) or "machine_value" not in entry:
                continue
            set_path(data, fpath, entry["machine_value"])
            if entry.get("machine_provenance_field") == fpath and entry.get("machine_provenance"):
                prov[fpath] = entry["machine_provenance"]
            elif str((prov.get(fpath) or {}).get("method", "")).startswith("correction:"):
                prov.pop(fpath, None)
        data["corrections"] = {}
        records.append(LabRecord.model_validate(data))
    return output.model_copy(update={"records": records})


def _probe(key: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    return {"name": entry.get("name") or key, "acronym": entry.get("acronym"), "website": entry.get("website")}


def match_entries(entries: Mapping[str, Mapping[str, Any]], records: Sequence[Mapping[str, Any]]) -> dict[str, int | None]:
    """Stored record key -> index of the record it belongs to (None: orphaned)."""
    keys = list(entries)
    result: dict[str, int | None] = dict.fromkeys(keys)
    taken: set[int] = set()
    by_key = {record_key(r): i for i, r in enumerate(records)}
    rest = []
    for k in keys:
        i = by_key.get(k)
        if i is None:
            i = by_key.get(record_key(_probe(k, entries[k])))
        if i is not None and i not in taken:
            result[k] = i
            taken.add(i)
        else:
            rest.append(k)
    if rest:
        free = [i for i in range(len(records)) if i not in taken]
        pairs = match_records([_probe(k, entries[k]) for k in rest], [records[i] for i in free])
        for a, b in pairs:
            if a is not None and b is not None:
                result[rest[a]] = free[b]
    return result


def _correction_provenance(machine: Mapping[str, Any], by: str) -> Provenance:
    return Provenance(page=machine.get("page"), bbox=machine.get("bbox"), text=str(machine.get("text") or ""),
                      method=f"correction:{by}", confidence=1.0)


def apply_corrections(output: OutputFile, stem: str, corrections_dir: Path) -> OutputFile:
    """Return ``output`` with the corrections stored for ``stem`` applied.

    Idempotent: an output that already carries corrections is first put back to the
    machine's values. Corrections that match no record (or no valid value) stay in the
    YAML file and are reported in ``OutputFile.warnings``.
    """
    path = corrections_path(corrections_dir, stem)
    if not path.is_file():
        return output
    try:
        stored = load_corrections(path)
    except ConfigError as exc:
        log.error("%s", exc)
        return output.model_copy(update={"warnings": [*output.warnings, f"corrections not applied: {exc}"]})
    machine = strip_corrections(output)
    records = [record_dict(r) for r in machine.records]
    warnings = list(output.warnings)
    warnings = [w for w in warnings if not w.startswith(("correction kept but not applied", "corrections not applied"))]
    entries = stored["records"]
    matched = match_entries(entries, records)
    for key, index in matched.items():
        entry = entries[key]
        label = entry.get("name") or key
        if index is None:
            msg = f"correction kept but not applied: {path} record {label!r} matches no record in this output (orphaned)"
            log.warning("%s", msg)
            warnings.append(msg)
            continue
        for fpath, item in entry["fields"].items():
            problem = _apply_one(records[index], fpath, item)
            if problem:
                msg = f"correction kept but not applied: {path} record {label!r} field {fpath!r}: {problem}"
                log.warning("%s", msg)
                warnings.append(msg)
    return machine.model_copy(update={"records": [LabRecord.model_validate(r) for r in records], "warnings": warnings})


def _apply_one(record: dict[str, Any], fpath: str, item: Mapping[str, Any]) -> str | None:
    """Set one corrected field in plain record data; a reason when it cannot be applied."""
    if not (is_known_path(fpath, record) or fpath in NESTED):
        return "not a field of the output contract"
    status = str(item.get("status") or "corrected")
    if status not in STATUSES:
        return f"status {status!r} is not one of {', '.join(STATUSES)}"
    if "value" not in item:
        return "no 'value' given"
    machine_value = get_path(record, fpath)
    trial = json.loads(json.dumps(record, default=str))
    set_path(trial, fpath, item["value"])
    try:
        LabRecord.model_validate(trial)
    except ValidationError as exc:
        return f"value {item['value']!r} is invalid: {exc.errors()[0].get('msg')}"
    prov = record.setdefault("provenance", {})
    own = fpath in prov
    machine_prov = provenance_for(record, fpath)
    by = str(item.get("by") or "unknown")
    baseline_known = "machine_value" in item
    set_path(record, fpath, item["value"])
    record.setdefault("corrections", {})[fpath] = {
        "value": item["value"],
        "status": status,
        "by": by,
        "at": item.get("at"),
        "machine_value": machine_value,
        "machine_value_at_correction": item.get("machine_value"),
        "needs_review": baseline_known and not same_value(machine_value, item.get("machine_value")),
        "machine_provenance": machine_prov or None,
        "machine_provenance_field": fpath if own else None,
    }
    prov[fpath] = _correction_provenance(machine_prov, by).model_dump(mode="json")
    return None
