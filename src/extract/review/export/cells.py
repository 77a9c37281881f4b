"""Cells as spreadsheets read them: text from documents is hostile (formula injection, control characters)."""

from __future__ import annotations

import json
from typing import Any

from extract.normalize.text import clean_text

MAX_CELL = 32_000
"""Excel's limit is 32,767 characters a cell."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
"""OWASP (CSV injection): a cell starting with one of these is read as a formula by spreadsheets."""


def neutral(text: str) -> str:
    """``text`` as a spreadsheet shows it literally: control characters gone, and a leading
    formula character (also after spaces, which some spreadsheets skip) escaped with a single quote."""
    text = clean_text(text)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"  # a longer cell is refused or cut by Excel anyway
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def bodies_text(bodies: list[Any]) -> str:
    """'Programma Raad; Bestuur (9)': member counts in brackets when known."""
    parts = []
    for body in bodies:
        if isinstance(body, dict):
            name = str(body.get("name") or "")
            parts.append(f"{name} ({body['members']})" if body.get("members") is not None else name)
        else:
            parts.append(str(body))
    return "; ".join(parts)


def text_cell(value: Any) -> Any:
    """A value for CSV or XLSX: lists as '; '-joined text, strings neutralised, numbers kept."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = bodies_text(value) if any(isinstance(v, dict) for v in value) else "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return neutral(value)
    return value


__all__ = ["FORMULA_START", "neutral", "text_cell"]
