"""The export's columns, and what one record gives each of them.

Values come in *groups*: the fields one statement of a report gives together (a budget's amount,
currency and period; a staff count and its unit) are one group, so a per-lab row never mixes the
amount of one report with the currency of another. Every other field is a group of its own. Each
group has a confidence and a page column; in the per-lab view also the report it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from extract.assemble.fields import contract_paths, get_path, provenance_for
from extract.models import FieldCorrection
from extract.review.diff import display

LOW_CONFIDENCE = 0.6
"""Below this a value is marked 'to review' (as on the review page)."""

_STATEMENTS = ("budget", "staff")
"""Nested fields whose parts one sentence gives together (one provenance for all of them)."""

COMPARED = {"acronym", "country", "website", "founded_year", "budget", "staff", "governance_parent"}
"""Groups whose differing values across reports are shown as conflicts. Names, roles, governance
texts and lists are worded differently from report to report without disagreeing."""

COMPARED_PARTS = {"budget": ("budget.amount", "budget.currency", "budget.period"), "staff": ("staff.count", "staff.unit")}
"""What decides whether two budgets (staff counts) disagree: not how the text wrote them."""


def column(path: str) -> str:
    return path.replace(".", "_")


def group_of(path: str) -> str:
    head = path.partition(".")[0]
    return head if head in _STATEMENTS else column(path)


@dataclass(frozen=True)
class Group:
    name: str
    paths: tuple[str, ...]

    @property
    def provenance_key(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else self.name


def _groups() -> tuple[Group, ...]:
    found: dict[str, list[str]] = {}
    for path in contract_paths():
        found.setdefault(group_of(path), []).append(path)
    return tuple(Group(name, tuple(paths)) for name, paths in found.items())


GROUPS = _groups()
VALUE_COLUMNS = [column(p) for g in GROUPS for p in g.paths]
MARKS = ("corrected_fields", "needs_review_fields", "low_confidence_fields")

PER_FILE_COLUMNS = [
    "name", *[c for c in VALUE_COLUMNS if c != "name"],
    *[f"{g.name}_{what}" for g in GROUPS for what in ("confidence", "page")],
    "source_path", "stem", "year", "record_key", *MARKS, "stale",
]
PER_LAB_COLUMNS = [
    "name", *[c for c in VALUE_COLUMNS if c != "name"],
    *[f"{g.name}_{what}" for g in GROUPS for what in ("confidence", "page", "report")],
    "reports", "conflicts", "record_key", *MARKS,
]


@dataclass(frozen=True)
class Mark:
    """Why a cell deserves a look; the XLSX colours the cell and puts ``note`` in its comment."""

    kind: Literal["corrected", "review", "conflict"]
    note: str


@dataclass
class Row:
    """One row of the export: plain values by column (lists kept; writers make text of them) and marks."""

    cells: dict[str, Any] = field(default_factory=dict)
    marks: dict[str, list[Mark]] = field(default_factory=dict)

    def mark(self, columns: list[str], mark: Mark) -> None:
        for name in columns:
            self.marks.setdefault(name, []).append(mark)


@dataclass(frozen=True)
class GroupValue:
    """What one record says for one group, with where it says it."""

    values: dict[str, Any]
    """column -> value, for the group's columns."""
    confidence: float | None
    page: int | None
    corrections: dict[str, FieldCorrection]
    """field path -> the record's correction entry, for the group's corrected fields."""

    @property
    def empty(self) -> bool:
        return all(v is None or v == [] or v == "" for v in self.values.values())


def group_values(data: Mapping[str, Any], group: Group) -> GroupValue:
    """``data``: a record as plain data (``record_dict``)."""
    prov = provenance_for(data, group.provenance_key)
    corrections = {p: c for p, c in _corrections(data).items() if p in group.paths or group_of(p) == group.name}
    confidence = prov.get("confidence")
    return GroupValue(values={column(p): display(_reported(data, p)) for p in group.paths},
                      confidence=1.0 if corrections else (float(confidence) if confidence is not None else None),
                      page=prov.get("page"), corrections=corrections)


def _reported(data: Mapping[str, Any], path: str) -> Any:
    """The value a report gives at ``path``; none when it gives no budget or staff at all (not the
    model's default 'approximate: false', which would make a report without a budget disagree with
    one that has it)."""
    head, _, sub = path.partition(".")
    if sub and data.get(head) is None:
        return None
    return get_path(data, path)


def compared_values(group: Group, value: GroupValue) -> tuple[Any, ...]:
    """The values that decide whether two reports disagree on ``group``, as shown."""
    return tuple(value.values.get(column(p)) for p in COMPARED_PARTS.get(group.name, group.paths))


def compared_key(group: Group, value: GroupValue) -> tuple[Any, ...]:
    return tuple(_comparable(v) for v in compared_values(group, value))


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip().casefold()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def row_marks(row: Row, group: Group, value: GroupValue) -> list[str]:
    """Mark the group's cells corrected or to review; returns the fields to review (low confidence)."""
    for path, entry in value.corrections.items():
        cols = [column(path)] if column(path) in value.values else list(value.values)
        who = f"{entry.status} by {entry.by or 'unknown'}" + (f" on {entry.at}" if entry.at else "")
        if entry.needs_review:
            row.mark(cols, Mark("review", f"{who}; the machine now reads {display(entry.machine_value)!r}, "
                                          f"{display(entry.machine_value_at_correction)!r} when corrected"))
        else:
            row.mark(cols, Mark("corrected", f"{who}; machine: {display(entry.machine_value)!r}"))
    if value.empty or value.corrections or value.confidence is None or value.confidence >= LOW_CONFIDENCE:
        return []
    where = f" (page {value.page})" if value.page else ""
    row.mark(list(value.values), Mark("review", f"confidence {value.confidence:.2f}: check it in the report{where}"))
    return [group.name]


def correction_lists(data: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(corrected or confirmed fields, fields whose machine value moved since the correction)."""
    corrections = _corrections(data)
    return sorted(corrections), sorted(p for p, c in corrections.items() if c.needs_review)


def _corrections(data: Mapping[str, Any]) -> dict[str, FieldCorrection]:
    """A record's corrections (plain data, ``record_dict``) as the contract's models: read once, here."""
    return {path: FieldCorrection.model_validate(entry) for path, entry in (data.get("corrections") or {}).items()}


__all__ = ["GROUPS", "PER_FILE_COLUMNS", "PER_LAB_COLUMNS", "Group", "GroupValue", "Mark", "Row", "group_values"]
