"""Corrections from people's side: ``extract correct`` writes them, ``extract eval --corrections`` scores them.

The file format and how a run applies them: ``extract.assemble.corrections``. This module keeps
the file tidy when it is rewritten (records and fields sorted, the comment block at the top
kept), finds the record a person names, and reads the corrections back as gold.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from extract.assemble.corrections import (
    STATUSES,
    apply_corrections,
    corrections_path,
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
from extract.assemble.matching import norm_name, record_key, similarity
from extract.errors import ConfigError
from extract.models import LabRecord, OutputFile
from extract.review.diff import display
from extract.store.files import MAX_NAME_BYTES, atomic_write_bytes
from extract.store.snapshots import keep_object, load_output, output_paths

log = logging.getLogger(__name__)

ENTRY_ORDER = ("value", "status", "by", "at", "machine_value")
HEADER = """\
# Corrections for one source file, kept by people and applied on every run of `extract`.
# Edit freely: one entry per lab under `records` (keyed by its normalised name), one per
# field path under `fields` (name, acronym, country, website, founded_year, role,
# budget.amount, budget.currency, budget.period, budget.amount_eur, staff.count,
# governance.bodies, governance.parent, funding_sources, ...), each with `value` and
# `status: corrected|confirmed`. `machine_value` is what the machine said when the
# correction was made; when a later run says something else the field is flagged for review.
"""


# --------------------------------------------------------------------------- the YAML file


def _ordered_entry(item: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: item[k] for k in ENTRY_ORDER if k in item}
    out.update({k: item[k] for k in sorted(item) if k not in out})
    return out


def dump_corrections(data: Mapping[str, Any], header: str = HEADER) -> str:
    """Stable, tidy YAML: records and fields sorted, entry keys in a fixed order."""
    records = {}
    for key in sorted(data.get("records") or {}):
        entry = data["records"][key]
        ident = {k: entry[k] for k in ("name", "acronym", "website") if entry.get(k) is not None}
        other = {k: entry[k] for k in sorted(entry) if k not in ("name", "acronym", "website", "fields")}
        fields = {p: _ordered_entry(entry["fields"][p]) for p in sorted(entry.get("fields") or {})}
        records[key] = {**ident, **other, "fields": fields}
    body = {k: v for k, v in data.items() if k != "records"}
    body["records"] = records
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return header + text


def _header_of(path: Path) -> str:
    """The comment block at the top of an existing file (kept when the file is rewritten)."""
    if not path.is_file():
        return HEADER
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or (not line.strip() and lines):
            lines.append(line)
        else:
            break
    text = "\n".join(lines).rstrip()
    return text + "\n" if text else HEADER


def save_corrections(path: Path, data: Mapping[str, Any]) -> None:
    atomic_write_bytes(path, dump_corrections(data, _header_of(path)).encode("utf-8"))


# --------------------------------------------------------------------------- `extract correct`


def parse_value(text: str) -> Any:
    """JSON when it is valid JSON ('340000', 'null', '{"name": "X"}'), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def find_record(records: Sequence[Mapping[str, Any]], ref: str) -> int:
    """The index of the record named by ``ref``: 0-based index, name, acronym, record key or website."""
    if ref.strip().isdigit():
        index = int(ref)
        if index < len(records):
            return index
        raise ConfigError(f"record index {index} is out of range: the output has {len(records)} records (0-based)")
    want = norm_name(ref)
    exact = [i for i, r in enumerate(records)
             if want and want in {norm_name(r.get("name")), norm_name(r.get("acronym")), record_key(r)}]
    if len(exact) == 1:
        return exact[0]
    listing = "; ".join(f"{i}: {r.get('name')} ({r.get('acronym') or '-'})" for i, r in enumerate(records))
    if len(exact) > 1:
        raise ConfigError(f"{ref!r} names several records ({listing}): give the index instead")
    scored = sorted(((similarity({"name": ref, "acronym": ref, "website": ref}, r), i) for i, r in enumerate(records)),
                    reverse=True)
    if scored and scored[0][0] >= 88 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    raise ConfigError(f"no record matches {ref!r}; records: {listing or 'none'}")


@dataclass
class CorrectionResult:
    path: Path
    """The corrections file written."""
    record: str
    field: str
    value: Any
    status: str
    machine_value: Any
    output: Path | None


def add_correction(out_dir: Path, stem: str, record_ref: str, field: str, value: Any, *,
                   confirm: bool = False, by: str | None = None, corrections_dir: Path | None = None,
                   now: dt.datetime | None = None) -> CorrectionResult:
    """Store a correction (or confirmation) for one field and re-apply corrections to the current output."""
    out_dir = Path(out_dir)
    corrections_dir = Path(corrections_dir) if corrections_dir else default_corrections_dir(out_dir)
    stem = normalise_stem(stem, out_dir)
    out_path = inside(out_dir, f"{stem}.json", stem)
    inside(corrections_dir, f"{stem}.yml", stem)
    if not out_path.is_file():
        known = ", ".join(list(output_paths(out_dir))[:10]) or "none"
        raise ConfigError(f"no output {out_path}: run `extract batch` first, or pick one of: {known}")
    current = load_output(out_path)
    machine = strip_corrections(current)
    records = [record_dict(r) for r in machine.records]
    index = find_record(records, record_ref)
    record = records[index]
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
    path = corrections_path(corrections_dir, stem)
    data = load_corrections(path)
    data.setdefault("source", current.source.path)
    entries = data["records"]
    key = next((k for k, i in match_entries(entries, records).items() if i == index), None) or record_key(record) or f"record {index}"
    entry = entries.setdefault(key, {"fields": {}})
    for ident in ("name", "acronym", "website"):
        if record.get(ident) and not entry.get(ident):
            entry[ident] = record[ident]
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    entry["fields"][field] = {**entry["fields"].get(field, {}), "value": display(value), "status": status,
                              "by": by or os.environ.get("USER") or "unknown", "at": stamp,
                              "machine_value": display(machine_value)}
    save_corrections(path, data)
    # Keep the version the last run wrote, so `extract diff` can still compare that run.
    keep_object(out_dir, out_path.read_bytes())
    updated = apply_corrections(machine, stem, corrections_dir)
    atomic_write_bytes(out_path, updated.model_dump_json(indent=2).encode("utf-8"))
    return CorrectionResult(path=path, record=str(record.get("name") or key), field=field, value=value,
                            status=status, machine_value=machine_value, output=out_path)


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Any = _Missing()
"""Sentinel: no VALUE given on the command line."""


def default_corrections_dir(out_dir: Path) -> Path:
    """``corrections/`` beside the output folder (the project root's), outside generated output."""
    return Path(out_dir).resolve().parent / "corrections"


def normalise_stem(stem: str, out_dir: Path) -> str:
    """Accept 'x', 'x.json', 'output/x.json' or a path to the output file; refuse a stem that
    climbs out of the folder ('../victim/v', '/etc/x', 'a/../../b')."""
    text = stem.replace("\\", "/")
    out = Path(out_dir)
    for prefix in (out.as_posix().rstrip("/") + "/", out.resolve().as_posix() + "/"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = unicodedata.normalize("NFC", text.removesuffix(".json"))  # as output names are
    parts = text.split("/")
    if not text or text.startswith("/") or "\x00" in text or any(p in ("", ".", "..") for p in parts):
        raise ConfigError(f"{stem!r} is not an output stem: give the name of a file under {out_dir} ('x' or 'a/x')")
    if any(len(p.encode("utf-8")) > MAX_NAME_BYTES for p in parts):
        raise ConfigError(f"stem {stem[:40]!r}... is too long for an output name (at most {MAX_NAME_BYTES} bytes "
                          "a folder or file name); see the names in the output folder")
    return text


def inside(folder: Path, name: str, stem: str) -> Path:
    """``folder / name``, refused when it resolves outside ``folder`` (through a symbolic link too)."""
    target = Path(folder) / name
    root = Path(folder).resolve()
    if root not in target.resolve().parents:
        raise ConfigError(f"stem {stem!r} leads outside {folder}; nothing was written")
    return target


def apply_all(out_dir: Path, corrections_dir: Path) -> dict[str, OutputFile]:
    """Every output in ``out_dir`` with its corrections applied (nothing is written)."""
    return {stem: apply_corrections(load_output(path), stem, corrections_dir) for stem, path in output_paths(Path(out_dir)).items()}


# --------------------------------------------------------------------------- corrections as gold


def _gold_from(fields: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """A partial gold record holding only the fields people corrected or confirmed (the rest is 'not annotated')."""
    gold: dict[str, Any] = {}
    for fpath, item in fields.items():
        if "value" not in item or str(item.get("status") or "corrected") not in STATUSES:
            continue
        head, _, sub = fpath.partition(".")
        if not sub:
            gold[head] = item["value"]
        elif isinstance(gold.get(head, {}), dict):
            gold.setdefault(head, {})[sub] = item["value"]
    return gold


def score_corrections(out_dir: Path, corrections_dir: Path) -> Any:
    """Score the machine's own values against every corrected or confirmed field: an ``extract.review.evaluate.Evaluation``.

    Gold is each correction's ``value``; the prediction is the current output with the
    corrections taken off (what this run's rules produced), scored with the same rules as
    ``extract eval`` (``evaluate.score_pair``). Corrected fields outside ``evaluate.FIELDS``
    (role, governance.parent, ...) are scored too, after them. A correction whose record or
    output is missing counts as a miss.
    """
    from extract.review import evaluate

    out_dir, corrections_dir = Path(out_dir), Path(corrections_dir)
    total = evaluate.Evaluation()
    files = sorted([*corrections_dir.rglob("*.yml"), *corrections_dir.rglob("*.yaml")]) if corrections_dir.is_dir() else []
    for path in files:
        stem = path.relative_to(corrections_dir).as_posix().rsplit(".", 1)[0]
        entries = load_corrections(path)["records"]
        out_path = out_dir / f"{stem}.json"
        records: list[dict[str, Any]] = []
        if out_path.is_file():
            records = [record_dict(r) for r in strip_corrections(load_output(out_path)).records]
        else:
            log.warning("corrections %s: no output %s; its corrections count as misses", path, out_path)
        matched = match_entries(entries, records)
        for key, entry in entries.items():
            gold = _gold_from(entry["fields"])
            if not gold:
                continue
            index = matched.get(key)
            pred = records[index] if index is not None else None
            result = evaluate.score_pair(gold, pred, where=stem)
            for mismatch in result.mismatches:
                mismatch["record"] = entry.get("name") or key  # the orphaned ones have no other name
            for fpath, item in entry["fields"].items():
                if fpath in evaluate.FIELDS or "value" not in item:
                    continue
                score = result.scores.setdefault(fpath, evaluate.FieldScore(fpath))
                machine = get_path(pred, fpath) if pred is not None else None
                gold_value = item["value"]
                if gold_value is None and machine is None:
                    continue
                if evaluate.values_equal(gold_value, machine):
                    score.tp += 1
                    continue
                score.fn += gold_value is not None
                score.fp += machine is not None
                result.mismatches.append({"where": stem, "record": entry.get("name") or key, "field": fpath,
                                          "gold": gold_value, "predicted": machine})
            total.add(result)
    return total
