"""Corrections from people's side: the file kept tidy, its paths checked, and the corrections read back as gold.

The file format and how a run applies them: ``extract.assemble.corrections``; `extract correct`
itself: ``extract.review.correct``. This module keeps the file tidy when it is rewritten (records
and fields sorted, the comment block at the top kept), keeps stems inside their folders, and
reads the corrections back as gold for ``extract eval --corrections``.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from extract.assemble.corrections import (
    STATUSES,
    CorrectedField,
    apply_corrections,
    corrected_records,
    load_corrections,
    match_entries,
    strip_corrections,
)
from extract.assemble.fields import (
    get_path,
    record_dict,
)
from extract.errors import ConfigError
from extract.models import OutputFile
from extract.store.files import MAX_NAME_BYTES, atomic_write_bytes
from extract.store.snapshots import load_output, output_paths

if TYPE_CHECKING:
    from extract.review.evaluate import Evaluation

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


# --------------------------------------------------------------------------- paths


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


def _gold_from(fields: Sequence[CorrectedField]) -> dict[str, Any]:
    """A partial gold record holding only the fields people corrected or confirmed (the rest is 'not annotated')."""
    gold: dict[str, Any] = {}
    for item in fields:
        if not item.given or item.status not in STATUSES:
            continue
        head, _, sub = item.path.partition(".")
        if not sub:
            gold[head] = item.value
        elif isinstance(gold.get(head, {}), dict):
            gold.setdefault(head, {})[sub] = item.value
    return gold


def score_corrections(out_dir: Path, corrections_dir: Path) -> Evaluation:
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
        entries = corrected_records(load_corrections(path)["records"])
        out_path = out_dir / f"{stem}.json"
        records: list[dict[str, Any]] = []
        if out_path.is_file():
            records = [record_dict(r) for r in strip_corrections(load_output(out_path)).records]
        else:
            log.warning("corrections %s: no output %s; its corrections count as misses", path, out_path)
        matched = match_entries(entries, records)
        for corrected in entries:
            gold = _gold_from(corrected.fields)
            if not gold:
                continue
            index = matched.get(corrected.key)
            pred = records[index] if index is not None else None
            result = evaluate.score_pair(gold, pred, where=stem)
            result.mismatches[:] = [replace(mismatch, record=corrected.label) for mismatch in result.mismatches]
            for item in corrected.fields:
                if item.path in evaluate.FIELDS or not item.given:
                    continue
                score = result.scores.setdefault(item.path, evaluate.FieldScore(item.path))
                machine = get_path(pred, item.path) if pred is not None else None
                if item.value is None and machine is None:
                    continue
                if evaluate.values_equal(item.value, machine):
                    score.tp += 1
                    continue
                score.fn += item.value is not None
                score.fp += machine is not None
                result.mismatches.append(evaluate.ValueMismatch(stem, corrected.label, item.path, item.value, machine))
            total.add(result)
    return total
