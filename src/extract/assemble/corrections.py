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
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from extract.assemble.fields import NESTED, get_path, is_known_path, provenance_for, record_dict, same_value, set_path
from extract.assemble.matching import RecordIdentity, match_records, record_key
from extract.errors import ConfigError
from extract.models import LabRecord, OutputFile, Provenance

log = logging.getLogger(__name__)

STATUSES = ("corrected", "confirmed")


# --------------------------------------------------------------------------- the YAML file


def corrections_path(corrections_dir: Path, stem: str) -> Path:
    return Path(corrections_dir) / f"{stem}.yml"


def corrections_state(corrections_dir: Path | None, stem: str) -> str:
    """The state of one output's corrections ('' without a file): recorded in the output's run block,
    so a correction to one report marks that report alone as needing its corrections re-applied."""
    if corrections_dir is None:
        return ""
    try:
        data = corrections_path(corrections_dir, stem).read_bytes()
    except FileNotFoundError:
        return ""
    except OSError:
        return "unreadable"
    return hashlib.sha256(data).hexdigest()[:16]


def _stamp(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat().replace("+00:00", "Z")
    return value


class DuplicateKeyError(yaml.constructor.ConstructorError):
    pass


class _UniqueKeyLoader(yaml.SafeLoader):
    """``yaml.safe_load`` that refuses a key given twice in one mapping: YAML keeps only the last,
    and the next `extract correct` would then drop the first entry (and its comments) for good."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise DuplicateKeyError(
                    None, None, f"{key!r} is given twice (lines {first} and {key_node.start_mark.line + 1})")
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def normalise_value(fpath: str, value: Any) -> Any:
    """A corrected value as the extractors would have written it: the same normalisers and
    checks (a website gets its scheme, a `javascript:` address is refused). ValueError says why."""
    from extract.normalize import country_code, currency_code, normalize_url
    from extract.normalize.text import clean_value

    value = clean_value(value)
    if value is None or not isinstance(value, str):
        return value
    if fpath == "website":
        url = normalize_url(value) or _plain_web_address(value)
        if url is None:
            raise ValueError(f"{value!r} is not a web address (http or https)")
        return url
    if fpath == "country":
        code = country_code(value)
        if code is None:
            raise ValueError(f"{value!r} is not a country (use ISO 3166 codes such as NL, GB)")
        return code
    if fpath == "budget.currency":
        code = currency_code(value)
        if code is None:
            raise ValueError(f"{value!r} is not a currency (use ISO 4217 codes such as EUR)")
        return code
    return value


_WEB_ADDRESS = re.compile(r"(?:https?://)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(:\d{1,5})?(/\S*)?", re.IGNORECASE)


def _plain_web_address(value: str) -> str | None:
    """A host the URL normaliser does not know (a new or private top-level domain) written by a
    person: kept in the contract's shape (https, lower-case host, no trailing slash); any other
    scheme ('javascript:', 'data:') is refused."""
    match = _WEB_ADDRESS.fullmatch(value.strip())
    if match is None:
        return None
    host, port, path = match.group(1).lower(), match.group(2) or "", (match.group(3) or "").rstrip("/")
    return f"https://{host}{port}{path}"


def load_corrections(path: Path) -> dict[str, Any]:
    """The corrections file as ``{"source", "records": {key: {"name", "acronym", "website", "fields": {path: entry}}}}``.

    A missing file is empty; a file that is not valid YAML raises ConfigError (it is never overwritten).
    """
    if not path.is_file():
        return {"records": {}}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    except DuplicateKeyError as exc:
        raise ConfigError(f"corrections file {path}: {exc}; merge the two entries by hand (nothing was changed)") from exc
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


@dataclass(frozen=True)
class CorrectedField:
    """One field of a record in a corrections file, as a person filed it."""

    path: str
    value: Any
    given: bool
    """The file gives a value (``value:``; a bare value is one too); without it nothing applies or scores."""
    status: str
    by: str
    at: Any
    machine_value: Any
    """What the machine said when the correction was made (``machine_value:``)."""
    machine_value_given: bool
    """The file says what the machine said (without it, whether the machine has moved is not known)."""


@dataclass(frozen=True)
class CorrectedRecord:
    """One record of a corrections file: its key, the names it was filed with, its fields."""

    key: str
    name: Any
    acronym: Any
    website: Any
    fields: tuple[CorrectedField, ...]

    @property
    def label(self) -> str:
        """Its name as filed, else its key (an orphaned record has no other name)."""
        return str(self.name or self.key)

    def identity(self) -> RecordIdentity:
        """What finds its record in an output again: the name filed (else the key), acronym, website."""
        return RecordIdentity(name=self.name or self.key, acronym=self.acronym, website=self.website)


def corrected_records(entries: Mapping[str, Mapping[str, Any]]) -> list[CorrectedRecord]:
    """The records of a loaded corrections file (``load_corrections(...)["records"]``), typed: the one
    place the file's plain data is read for applying and scoring."""
    return [CorrectedRecord(key=key, name=entry.get("name"), acronym=entry.get("acronym"), website=entry.get("website"),
                            fields=tuple(_corrected_field(fpath, item) for fpath, item in entry["fields"].items()))
            for key, entry in entries.items()]


def _corrected_field(fpath: str, item: Mapping[str, Any]) -> CorrectedField:
    return CorrectedField(path=fpath, value=item.get("value"), given="value" in item,
                          status=str(item.get("status") or "corrected"), by=str(item.get("by") or "unknown"),
                          at=item.get("at"), machine_value=item.get("machine_value"),
                          machine_value_given="machine_value" in item)


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


def match_entries(entries: Sequence[CorrectedRecord], records: Sequence[Mapping[str, Any]]) -> dict[str, int | None]:
    """Stored record key -> index of the record it belongs to (None: orphaned)."""
    by_entry = {entry.key: entry for entry in entries}
    keys = list(by_entry)
    result: dict[str, int | None] = dict.fromkeys(keys)
    taken: set[int] = set()
    identities = [RecordIdentity.of(r) for r in records]
    by_key = {record_key(r): i for i, r in enumerate(identities)}
    rest = []
    for k in keys:
        i = by_key.get(k)
        if i is None:
            i = by_key.get(record_key(by_entry[k].identity()))
        if i is not None and i not in taken:
            result[k] = i
            taken.add(i)
        else:
            rest.append(k)
    if rest:
        free = [i for i in range(len(records)) if i not in taken]
        pairs = match_records([by_entry[k].identity() for k in rest], [identities[i] for i in free])
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
        # No file (never made, or deleted by hand): nothing applies, not even what an earlier run applied.
        if not any(r.corrections for r in output.records):
            return output
        return strip_corrections(output).model_copy(update={"warnings": _without_correction_warnings(output.warnings)})
    try:
        stored = load_corrections(path)
    except ConfigError as exc:
        log.error("%s", exc)
        return output.model_copy(update={"warnings": [*output.warnings, f"corrections not applied: {exc}"]})
    machine = strip_corrections(output)
    records = [record_dict(r) for r in machine.records]
    warnings = _without_correction_warnings(output.warnings)
    entries = {entry.key: entry for entry in corrected_records(stored["records"])}
    matched = match_entries(list(entries.values()), records)
    for key, index in matched.items():
        entry = entries[key]
        label = entry.name or key
        if index is None:
            msg = f"correction kept but not applied: {path} record {label!r} matches no record in this output (orphaned)"
            log.warning("%s", msg)
            warnings.append(msg)
            continue
        for item in entry.fields:
            problem = _apply_one(records[index], item)
            if problem:
                msg = f"correction kept but not applied: {path} record {label!r} field {item.path!r}: {problem}"
                log.warning("%s", msg)
                warnings.append(msg)
    return machine.model_copy(update={"records": [LabRecord.model_validate(r) for r in records], "warnings": warnings})


def _without_correction_warnings(warnings: Sequence[str]) -> list[str]:
    """The output's warnings without those the last application of corrections added (made again if still true)."""
    return [w for w in warnings if not w.startswith(("correction kept but not applied", "corrections not applied"))]


def _apply_one(record: dict[str, Any], item: CorrectedField) -> str | None:
    """Set one corrected field in plain record data; a reason when it cannot be applied."""
    fpath, status = item.path, item.status
    if not (is_known_path(fpath, record) or fpath in NESTED):
        return "not a field of the output contract"
    if status not in STATUSES:
        return f"status {status!r} is not one of {', '.join(STATUSES)}"
    if not item.given:
        return "no 'value' given"
    try:
        value = normalise_value(fpath, item.value)
    except ValueError as exc:
        return str(exc)
    machine_value = get_path(record, fpath)
    derived = (record.get("corrections") or {}).get(fpath)
    if isinstance(derived, Mapping) and derived.get("derived_from"):
        machine_value = derived.get("machine_value")  # the machine's, not the value derived from another correction
    trial = json.loads(json.dumps(record, default=str))
    set_path(trial, fpath, value)
    try:
        LabRecord.model_validate(trial)
    except ValidationError as exc:
        return f"value {value!r} is invalid: {exc.errors()[0].get('msg')}"
    prov = record.setdefault("provenance", {})
    own = fpath in prov
    machine_prov = provenance_for(record, fpath)
    by = item.by
    set_path(record, fpath, value)
    record.setdefault("corrections", {})[fpath] = {
        "value": value,
        "status": status,
        "by": by,
        "at": item.at,
        "machine_value": machine_value,
        "machine_value_at_correction": item.machine_value,
        "needs_review": item.machine_value_given and not same_value(machine_value, item.machine_value),
        "machine_provenance": machine_prov or None,
        "machine_provenance_field": fpath if own else None,
    }
    prov[fpath] = _correction_provenance(machine_prov, by).model_dump(mode="json")
    own_eur = record["corrections"].get(_EUR_PATH)
    if fpath in _EUR_INPUTS and (own_eur is None or own_eur.get("derived_from")):
        _rederive_amount_eur(record, item, fpath)
    return None


# What the euro amount is derived from: a corrected amount or currency makes the machine's stale.
_EUR_INPUTS = ("budget.amount", "budget.currency")
_EUR_PATH = "budget.amount_eur"


def _rederive_amount_eur(record: dict[str, Any], item: CorrectedField, source: str) -> None:
    """'budget.amount' corrected to 350000 (EUR): the euro amount is the amount; in another currency
    the machine's conversion was of the old amount, so none is given (a user may correct it too).
    Written as a correction derived from ``source``, so that the machine's value can be put back."""
    budget = record.get("budget")
    if not isinstance(budget, dict):
        return
    derived = budget.get("amount") if budget.get("currency") == "EUR" else None
    earlier = record["corrections"].get(_EUR_PATH)
    machine_value = earlier["machine_value"] if earlier else budget.get("amount_eur")
    if same_value(derived, machine_value) and not earlier:
        return
    budget["amount_eur"] = derived
    record["corrections"][_EUR_PATH] = {
        "value": derived, "status": "corrected", "by": item.by, "at": item.at, "machine_value": machine_value,
        "machine_value_at_correction": None, "needs_review": False, "machine_provenance": None,
        "machine_provenance_field": None, "derived_from": source,
    }
