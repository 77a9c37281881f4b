"""Table rows folded into the prose record of the same lab: a comparison's column or row is what
the text says of a lab it describes elsewhere (matched by name, acronym, website; or a column named
as the lab's heading prints it; or an acronym its name spells)."""

from __future__ import annotations

import logging
import re

from extract.assemble.record import merge_records
from extract.models import LabRecord

log = logging.getLogger(__name__)


def merge_table_rows(records: list[LabRecord]) -> list[LabRecord]:
    """Fold each table-row record into the prose record of the same lab (``extract.assemble.matching``)."""
    from extract.assemble.matching import match_records

    prose = [r for r in records if r.section.get("kind") != "table_row"]
    rows = [r for r in records if r.section.get("kind") == "table_row"]
    if not prose or not rows:
        return records
    merged = list(prose)
    leftovers: list[LabRecord] = []
    pairs = match_records(prose, rows)
    taken = {i for i, j in pairs if i is not None and j is not None}
    for i, j in pairs:
        if j is None:
            continue
        row = rows[j]
        if i is None:
            i = _headed_by(row, prose, taken)
            i = _spelled_out_by(row, prose, taken) if i is None else i
            if i is not None:
                taken.add(i)
                if not _named_by_heading(merged[i], row):
                    row = row.model_copy(update={"name": None})  # the text names the lab more fully than a column header
        if i is None:
            leftovers.append(row)
        else:
            merged[i] = merge_records(merged[i], row)
            log.debug("merged table row %r into %r", rows[j].name, merged[i].name)
    return merged + leftovers


def _headed_by(row: LabRecord, prose: list[LabRecord], taken: set[int]) -> int | None:
    """The one prose record whose heading prints the row's name as whole words: a comparison's
    column 'GOSH DRIVE' is the lab of the slide 'London: GOSH DRIVE', named 'Data Research,
    Innovation and Virtual Environments' by its key facts."""
    from extract.assemble.matching import norm_name

    key = norm_name(row.section.get("title"))
    if len(key) < MIN_HEADED_KEY:
        return None
    found = [i for i, record in enumerate(prose) if i not in taken
             and re.search(rf"(?<!\S){re.escape(key)}(?!\S)", norm_name(record.section.get("title")))]
    return found[0] if len(found) == 1 else None


MIN_HEADED_KEY = 3


def _spelled_out_by(row: LabRecord, prose: list[LabRecord], taken: set[int]) -> int | None:
    """The one prose record whose name a column header's acronym spells ('TNA' over the slides of
    'The National Archives (Kew)')."""
    from extract.assemble.matching import spells

    found = [i for i, record in enumerate(prose) if i not in taken and not record.acronym
             and any(spells(row.name, name) for name in (record.name, record.section.get("title")))]
    return found[0] if len(found) == 1 else None


def _named_by_heading(record: LabRecord, row: LabRecord) -> bool:
    """Did the record's name come from another part of its heading than the column's ('FTC — Office
    of Technology' read as the FTC, the column saying 'Office of Technology')? Then the column reads
    the heading as well as the record. Not when the column repeats the heading's one name
    ('Riksrevisionen' over 'The Swedish National Audit Office (Riksrevisionen) ...')."""
    from extract.assemble.matching import norm_name

    found = record.provenance.get("name")
    if found is None or ".title." not in found.method:
        return False
    rest = norm_name(record.section.get("title")).replace(norm_name(row.section.get("title")), " ").split()
    return bool(record.acronym and norm_name(record.acronym) in rest)
