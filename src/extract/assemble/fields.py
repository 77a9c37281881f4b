"""Field paths of the output contract: ``budget.amount``, ``staff.count``, ``governance.bodies`` ...

Every list here is derived from ``LabRecord`` and its nested models, in their declaration order,
so a field added to the contract is diffed, corrected, exported and offered for scoring without
another list to update. Plain record data (``record_dict``) is read and written by dotted path;
``flatten`` lists a record's values by path, ``contract_paths`` every path in display order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from extract.models import LabRecord

NOT_COMPARED = frozenset({"provenance", "corrections", "section"})
"""Record keys that describe a value rather than being one."""


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model in ``Budget | None`` (None for plain values and lists)."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _is_list(annotation: Any) -> bool:
    return get_origin(annotation) is list


NESTED: dict[str, type[BaseModel]] = {
    name: model for name, info in LabRecord.model_fields.items()
    if name not in NOT_COMPARED and (model := _model_of(info.annotation)) is not None
}
"""Contract objects compared per sub-field (budget, staff, governance); a missing object compares as its defaults."""
TOP_FIELDS = tuple(name for name, info in LabRecord.model_fields.items()
                   if name not in NOT_COMPARED and name not in NESTED and not _is_list(info.annotation))
"""The record's own plain values (name, acronym, country, website, founded_year, role)."""
TOP_LISTS = tuple(name for name, info in LabRecord.model_fields.items()
                  if name not in NOT_COMPARED and _is_list(info.annotation))
"""The record's own lists (funding_sources)."""


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
    paths += TOP_LISTS
    return paths


LIST_PATHS = tuple(
    [f"{name}.{sub}" for name, model in NESTED.items() for sub, info in model.model_fields.items() if _is_list(info.annotation)]
    + list(TOP_LISTS)
)
"""Paths whose value is a list (governance.bodies, funding_sources): compared and scored item by item."""


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
