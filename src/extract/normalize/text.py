"""Text values as they may be stored and exported: no control characters.

A text layer can hold U+0000 (a tab some PDF producers write as a NUL glyph), other C0/C1
controls or lone surrogates. They break XML (so XLSX), terminals and some JSON readers, and mean
nothing in a lab's name or role. NUL, vertical tab and form feed become a space (they stood
between words); the other controls go. Tabs and line breaks are ordinary text and stay.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

TRAILING_BRACKETS = re.compile(r"(?<=\w)\s*\(([^()]{2,})\)$")
"""What a name's last brackets hold ('Department of Finance (Northern Ireland Civil Service)')."""
_AS_SPACE = re.compile(r"[\x00\x0b\x0c]+")
_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """``value`` without control characters (NUL, VT and FF become one space)."""
    if _AS_SPACE.search(value):
        value = _AS_SPACE.sub(" ", value)
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("", value)
    return value


def clean_value(value: Any) -> Any:
    """``clean_text`` applied to every string inside ``value`` (dicts, lists, tuples, models: a
    model comes back as itself when nothing in it changed)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, BaseModel):
        changed = {key: cleaned for key, item in value if (cleaned := clean_value(item)) != item}
        return value.model_copy(update=changed) if changed else value
    if isinstance(value, dict):
        return {clean_value(key): clean_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(item) for item in value)
    return value
