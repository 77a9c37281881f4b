"""The Excel workbook: a filter on every column, the header and the lab's name frozen, marked cells
with a comment saying why, and a second sheet explaining the colours and what was left out."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from extract.review.export.cells import neutral, text_cell
from extract.review.export.columns import LOW_CONFIDENCE, Row

FILLS = {"corrected": "C6EFCE", "review": "FFC7CE", "conflict": "FFEB9C"}
"""Excel's own 'good', 'bad' and 'neutral' colours."""
PRIORITY = ("review", "corrected", "conflict")
"""A cell with several marks takes the colour of the first kind here: a person's correction settles
what reports disagree on (its comment still lists them)."""
WIDTHS = {"name": 36, "role": 50, "governance_text": 50, "conflicts": 60, "reports": 40}


def workbook_bytes(rows: Sequence[Row], columns: Sequence[str], about: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "labs"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fills = {kind: PatternFill("solid", start_color=color, end_color=color) for kind, color in FILLS.items()}
    for row in rows:
        sheet.append([text_cell(row.cells.get(c)) for c in columns])
        for index, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            marks = row.marks.get(columns[index])
            if not marks:
                continue
            kind = next(k for k in PRIORITY if any(m.kind == k for m in marks))
            cell.fill = fills[kind]
            note = "\n".join(dict.fromkeys(neutral(m.note) for m in marks))
            cell.comment = Comment(note[:2000], "extract", width=360, height=140)
    sheet.freeze_panes = "B2"  # the header and the lab's name stay in view
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 2)}"
    for index, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, max(10, min(len(name) + 2, 24)))
    legend = book.create_sheet("about")
    for line in _legend(about):
        legend.append(line)
    for kind, color in FILLS.items():
        for row_cells in legend.iter_rows():
            if row_cells[0].value == kind:
                row_cells[0].fill = PatternFill("solid", start_color=color, end_color=color)
    legend.column_dimensions["A"].width = 14
    legend.column_dimensions["B"].width = 110
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _legend(about: Sequence[str]) -> list[list[Any]]:
    return [
        ["colour", "meaning (the cell's comment says more)"],
        ["review", f"to review: confidence below {LOW_CONFIDENCE}, or a corrected field whose machine value has moved since"],
        ["conflict", "reports disagree on this value; the comment lists each value and the reports giving it"],
        ["corrected", "a person corrected or confirmed this value (`extract correct`); the comment says who and the machine's value"],
        [],
        *[["", neutral(line)] for line in about],
    ]


__all__ = ["workbook_bytes"]
