"""Counts as a sentence says them: '1 file', '3 files', '0 records'."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one ('1 file changed', not '1 files changed')."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
