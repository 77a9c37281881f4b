"""Every latest record as one flat row per lab, for analysts (CSV, XLSX, JSON lines)."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract.assemble.fields import flatten, record_dict
from extract.assemble.matching import record_key
from extract.models import LabRecord
from extract.normalize.text import clean_text
from extract.review.corrections import apply_all, default_corrections_dir
from extract.review.diff import display
from extract.store.files import atomic_write_bytes
from extract.store.snapshots import stale_outputs

log = logging.getLogger(__name__)

COLUMNS = [
    "source_path", "stem", "record_key", "name", "acronym", "country", "website", "founded_year",
    "budget_amount", "budget_currency", "budget_period", "budget_amount_eur", "budget_approximate", "budget_raw",
    "staff_count", "staff_unit", "staff_approximate", "staff_raw",
    "governance_bodies", "governance_parent", "governance_text", "funding_sources", "role",
    "corrected_fields", "needs_review_fields",
]


def bodies_text(bodies: list[dict[str, Any]] | None) -> str:
    """'Programma Raad; Bestuur (9)': member counts in brackets when known."""
    parts = []
    for body in bodies or []:
        name = str(body.get("name") or "")
        parts.append(f"{name} ({body['members']})" if body.get("members") is not None else name)
    return "; ".join(parts)


def flat_row(record: LabRecord, source_path: str, stem: str, *, for_text: bool = True) -> dict[str, Any]:
    """One lab as a flat dict; ``for_text`` joins lists into text (CSV/XLSX), else keeps them (JSON lines)."""
    data = record_dict(record)
    flat = flatten(data)
    row: dict[str, Any] = {"source_path": source_path, "stem": stem, "record_key": record_key(data)}
    for key, value in flat.items():
        row[key.replace(".", "_")] = display(value)
    corrections = data.get("corrections") or {}
    row["corrected_fields"] = sorted(corrections)
    row["needs_review_fields"] = sorted(k for k, v in corrections.items() if isinstance(v, dict) and v.get("needs_review"))
    if for_text:
        row["governance_bodies"] = bodies_text(row.get("governance_bodies"))
        for key in ("funding_sources", "corrected_fields", "needs_review_fields"):
            row[key] = "; ".join(str(v) for v in row.get(key) or [])
    return row


def rows(out_dir: Path, corrections_dir: Path | None = None, *, for_text: bool = True) -> Iterator[dict[str, Any]]:
    corrections_dir = corrections_dir or default_corrections_dir(out_dir)
    stale = stale_outputs(Path(out_dir))
    if stale:
        log.warning("export: %d stale output(s) left out (their input is gone from the last batch): %s",
                    len(stale), ", ".join(sorted(stale)[:5]))
    for stem, output in apply_all(Path(out_dir), Path(corrections_dir)).items():
        if stem in stale:
            continue
        for record in output.records:
            yield flat_row(record, output.source.path, stem, for_text=for_text)


def _columns(all_rows: list[dict[str, Any]]) -> list[str]:
    extra = sorted({k for r in all_rows for k in r} - set(COLUMNS))
    return COLUMNS + extra


# OWASP (CSV injection): a cell starting with one of these is read as a formula by spreadsheets.
MAX_CELL = 32_000
"""Excel's limit is 32,767 characters a cell."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutral(text: str) -> str:
    """``text`` as a spreadsheet shows it literally: control characters gone, and a leading
    formula character escaped with a single quote (OWASP's advice for CSV injection)."""
    text = clean_text(text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"  # a longer cell is refused or cut by Excel anyway
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return neutral(value)
    return value


def export(out_dir: Path, fmt: str, to: Path | None = None, *, corrections_dir: Path | None = None) -> int:
    """Write all latest records in ``fmt`` (csv, xlsx, jsonl) to ``to`` (stdout when None); returns the row count."""
    all_rows = list(rows(out_dir, corrections_dir, for_text=fmt != "jsonl"))
    columns = _columns(all_rows)
    if fmt == "jsonl":
        text = "".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in all_rows)
        _emit(text, to)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for r in all_rows:
            writer.writerow({c: _cell(r.get(c)) for c in columns})
        _emit(buf.getvalue(), to)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        if to is None:
            raise ValueError("xlsx export needs a file path")
        book = Workbook()
        sheet = book.active
        sheet.title = "labs"
        sheet.append(columns)
        for r in all_rows:
            sheet.append([_cell(r.get(c)) for c in columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula, whatever it starts with
        sheet.freeze_panes = "A2"
        buf_b = io.BytesIO()
        book.save(buf_b)
        atomic_write_bytes(Path(to), buf_b.getvalue())
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return len(all_rows)


def _emit(text: str, to: Path | None) -> None:
    if to is None:
        sys.stdout.write(text)
    else:
        atomic_write_bytes(Path(to), text.encode("utf-8"))
