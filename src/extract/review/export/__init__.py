"""`extract export`: the archive's records as one table for analysts (CSV, XLSX, JSON lines).

    sources.collect     every current output, corrections applied, stale ones left out (or kept, marked)
    rows                one row per lab across the archive (default) or one per lab per report
    columns             the columns, groups of fields, and the marks of cells (corrected, to review, conflict)
    cells, xlsx         text made safe for spreadsheets; the Excel workbook

CSV files start with a UTF-8 byte order mark, so Excel reads accents right; on stdout there is
none (a pipe goes to a program, which would take it for part of the first column's name).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract.review.export.cells import text_cell
from extract.review.export.columns import PER_FILE_COLUMNS, PER_LAB_COLUMNS, Row
from extract.review.export.rows import file_row, group_labs, lab_row
from extract.review.export.sources import collect
from extract.store.files import atomic_write_bytes

log = logging.getLogger(__name__)

Format = Literal["csv", "xlsx", "jsonl"]
COLUMNS = PER_FILE_COLUMNS
"""The per-file columns (every contract field among them)."""


@dataclass(frozen=True)
class ExportResult:
    rows: int
    records: int
    reports: int
    stale_left_out: int
    to: Path | None


def default_target(out_dir: Path, fmt: Format, *, per_file: bool = False, today: dt.date | None = None) -> Path:
    """``labs-<date>.<fmt>`` beside the output folder (where review/ and corrections/ are); a name
    already taken gets '-2', '-3', ...: a default never replaces a file someone else made."""
    base = f"labs{'-per-file' if per_file else ''}-{(today or dt.date.today()).isoformat()}"
    folder = Path(out_dir).resolve().parent
    target = folder / f"{base}.{fmt}"
    number = 2
    while target.exists():
        target = folder / f"{base}-{number}.{fmt}"
        number += 1
    return target


def export(out_dir: Path, fmt: Format, to: Path | None = None, *, corrections_dir: Path | None = None,
           per_file: bool = False, include_stale: bool = False) -> ExportResult:
    """Write the table in ``fmt`` to ``to`` (stdout when None, not for xlsx)."""
    archive = collect(out_dir, corrections_dir, include_stale=include_stale)
    if per_file:
        rows, columns = [file_row(s) for s in archive.sightings], PER_FILE_COLUMNS
    else:
        rows, columns = [lab_row(lab) for lab in group_labs(archive.sightings)], PER_LAB_COLUMNS
    about = [f"{len(rows)} {'rows, one per lab per report' if per_file else 'labs'} from {len(archive.sightings)} "
             f"records in {archive.reports} reports of {out_dir}, corrections applied",
             f"left out: {len(archive.stale_left_out)} stale outputs (their report is gone from the input folder; "
             "`extract export --include-stale` adds them)",
             f"written {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} by `extract export`"]
    if fmt == "xlsx":
        from extract.review.export.xlsx import workbook_bytes

        if to is None:
            raise ValueError("xlsx export needs a file path")
        atomic_write_bytes(Path(to), workbook_bytes(rows, columns, about))
    elif fmt == "csv":
        _emit(_csv_text(rows, columns), to, bom=True)
    elif fmt == "jsonl":
        _emit("".join(json.dumps({c: r.cells.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in rows), to)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    log.info("export: %s", about[0])
    return ExportResult(rows=len(rows), records=len(archive.sightings), reports=archive.reports,
                        stale_left_out=len(archive.stale_left_out), to=to)


def _csv_text(rows: list[Row], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: text_cell(row.cells.get(c)) for c in columns})
    return buf.getvalue()


def _emit(text: str, to: Path | None, *, bom: bool = False) -> None:
    if to is None:
        sys.stdout.write(text)
    else:
        atomic_write_bytes(Path(to), text.encode("utf-8-sig" if bom else "utf-8"))


__all__ = ["COLUMNS", "ExportResult", "default_target", "export"]
