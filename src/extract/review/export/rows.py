"""Rows of the export: one per lab across the archive (the default), or one per lab per report.

Per lab: the same lab found in several reports is one row. Reports are taken one at a time and
their records matched to the labs found so far by name, acronym and website
(``extract.assemble.matching``: the same rules as diff and corrections), one-to-one, so two labs
of one report never merge. For each group of fields the row shows one report's value: a person's
correction first, then the most confident value, then the newest report; the report it came from
is in ``<group>_report``. Where reports disagree (``columns.COMPARED``) the alternatives are in
``conflicts`` and the cells are marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.assemble.matching import NAME_THRESHOLD, Identified, RecordIdentity, match_records, record_key, similarity
from extract.review.export.columns import (
    COMPARED,
    GROUPS,
    Group,
    GroupValue,
    Mark,
    Row,
    compared_key,
    compared_values,
    correction_lists,
    group_values,
    row_marks,
)
from extract.review.export.sources import Sighting


def file_row(sighting: Sighting) -> Row:
    row = Row()
    low: list[str] = []
    for group in GROUPS:
        value = group_values(sighting.data, group)
        row.cells.update(value.values)
        row.cells[f"{group.name}_confidence"] = None if value.empty else value.confidence
        row.cells[f"{group.name}_page"] = None if value.empty else value.page
        low += row_marks(row, group, value)
    corrected, review = correction_lists(sighting.data)
    row.cells.update({"source_path": sighting.source_path, "stem": sighting.stem, "year": sighting.year,
                      "record_key": record_key(RecordIdentity.of(sighting.data)), "corrected_fields": corrected,
                      "needs_review_fields": review, "low_confidence_fields": low, "stale": sighting.stale})
    return row


@dataclass
class Lab:
    """One lab across the archive: every report's sighting of it."""

    sightings: list[Sighting] = field(default_factory=list)


def _lab_score(lab: Lab, record: Identified) -> float:
    return max(similarity(RecordIdentity.of(s.data), record) for s in lab.sightings)


def group_labs(sightings: list[Sighting]) -> list[Lab]:
    """The labs of the archive, in the order they first appear (reports in stem order)."""
    labs: list[Lab] = []
    by_report: dict[str, list[Sighting]] = {}
    for sighting in sightings:
        by_report.setdefault(sighting.stem, []).append(sighting)
    for stem in sorted(by_report):
        found = by_report[stem]
        pairs = match_records(labs, [RecordIdentity.of(s.data) for s in found], NAME_THRESHOLD, score=_lab_score)
        new: list[Lab] = []
        for i, j in pairs:
            if j is None:
                continue
            if i is None:
                new.append(Lab([found[j]]))
            else:
                labs[i].sightings.append(found[j])
        labs += new
    return labs


def _choice_key(item: tuple[Sighting, GroupValue]) -> tuple[bool, float, int]:
    sighting, value = item
    return (bool(value.corrections), value.confidence or 0.0, sighting.year or 0)


def _conflict(group: Group, told: list[tuple[Sighting, GroupValue]]) -> list[str]:
    """The distinct values the reports give for ``group`` (empty when they agree)."""
    seen: dict[tuple[object, ...], list[str]] = {}
    for sighting, value in told:
        where = sighting.report + (f" p.{value.page}" if value.page else "")
        seen.setdefault(compared_key(group, value), []).append(where)
    if len(seen) < 2:
        return []
    shown = []
    for _, value in told:
        key = compared_key(group, value)
        if key in seen:
            parts = " ".join(str(v) for v in compared_values(group, value) if v not in (None, "", []))
            shown.append(f"{parts} ({'; '.join(seen.pop(key))})")
    return shown


def lab_row(lab: Lab) -> Row:
    row = Row()
    low: list[str] = []
    conflicts: list[str] = []
    corrected: set[str] = set()
    review: set[str] = set()
    for group in GROUPS:
        told = [(s, v) for s in lab.sightings if not (v := group_values(s.data, group)).empty]
        if not told:
            row.cells.update(dict.fromkeys(group_values(lab.sightings[0].data, group).values))
            continue
        sighting, value = max(told, key=_choice_key)  # max keeps the first (earliest report) of equals
        row.cells.update(value.values)
        row.cells[f"{group.name}_confidence"] = value.confidence
        row.cells[f"{group.name}_page"] = value.page
        row.cells[f"{group.name}_report"] = sighting.report
        low += row_marks(row, group, value)
        corrected.update(value.corrections)
        review.update(p for p, c in value.corrections.items() if c.needs_review)
        alternatives = _conflict(group, told) if group.name in COMPARED else []
        if alternatives:
            conflicts.append(f"{group.name}: " + " | ".join(alternatives))
            row.mark(list(value.values), Mark("conflict", "reports disagree:\n" + "\n".join(alternatives)))
    first = lab.sightings[0].data
    row.cells.update({"reports": [s.report for s in lab.sightings], "conflicts": conflicts,
                      "record_key": record_key(RecordIdentity.of(row.cells)) or record_key(RecordIdentity.of(first)),
                      "corrected_fields": sorted(corrected), "needs_review_fields": sorted(review),
                      "low_confidence_fields": low})
    return row


__all__ = ["Lab", "file_row", "group_labs", "lab_row"]
