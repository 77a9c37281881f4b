"""Numbers written in digits: one run of digits and separators, read in the text's locale.

'1.200' is 1200 in Dutch, '1,200' in English, '1 200' in French; without a language the shape
decides (three digits after one mark are a thousands group).
"""

from __future__ import annotations

import re
from functools import cache

from .rule_data import LANGS

# Group separators people (and OCR) use: '.', ',', space, no-break space, narrow no-break
# space, thin space, apostrophe (Swiss).
_SEP = r"[.,\u0020\u00a0\u202f\u2009']"
DIGITS = re.compile(
    rf"(?<![\w.,/])(?<![\w][.,])(?<![^\W\d_]-)"
    rf"(\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?![.,]\d)(?!\d)(?![.,][^\W\d_])"
)
SPACES = "\u0020\u00a0\u202f\u2009"


@cache
def _decimal_symbol(lang: str | None) -> str | None:
    """The locale's decimal mark from babel (',' for nl and fr, '.' for en); None without a language."""
    if lang not in LANGS:
        return None
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(lang))


def read_digits(raw: str, lang: str | None = None) -> float | None:
    """The value of one run of digits and separators ('1.200', '45,67', '1 200 000')."""
    s = raw.strip()
    if not s or not s[0].isdigit():
        return None
    seps = [(i, c) for i, c in enumerate(s) if not c.isdigit()]
    if not seps:
        return float(s)
    kinds = {c for _, c in seps}
    spaces = {c for c in kinds if c in SPACES or c == "'"}
    marks = kinds - spaces
    if spaces:
        # Space-like separators only ever group thousands; a '.' or ',' after them is decimal.
        if len(marks) > 1:
            return None
        body = "".join(c for c in s if c not in SPACES and c != "'")
        if marks:
            mark = marks.pop()
            head, _, tail = body.rpartition(mark)
            if mark in head:
                return None
            return float(f"{head}.{tail}")
        return float(body)
    if len(marks) == 2:
        # '1.234,56' or '1,234.56': the last mark is the decimal one.
        last = seps[-1][1]
        group = ({".", ","} - {last}).pop()
        head, _, tail = s.rpartition(last)
        if last in head:
            return None
        return float(f"{head.replace(group, '')}.{tail}")
    mark = marks.pop()
    parts = s.split(mark)
    # '0.500' is a fraction in every locale; a group needs a non-zero head.
    grouped = (
        len(parts[-1]) == 3 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and parts[0] != "0"
    )
    if len(parts) > 2:
        # '1.200.000': a repeated mark can only be grouping.
        return float("".join(parts)) if grouped else None
    decimal = _decimal_symbol(lang)
    if decimal is None:
        # Unknown language: exactly three digits after one mark is a thousands group.
        return float("".join(parts)) if grouped else float(f"{parts[0]}.{parts[1]}")
    if mark == decimal:
        return float(f"{parts[0]}.{parts[1]}")
    # The locale's group mark: a thousands group when it is followed by three digits,
    # otherwise the writer used the other convention ('EUR 1.2m' in a Dutch text).
    return float("".join(parts)) if grouped else float(f"{parts[0]}.{parts[1]}")
