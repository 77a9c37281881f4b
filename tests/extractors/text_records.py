"""The records the whole pipeline gives for a plain text, for the rule tests that write their example as text."""

from __future__ import annotations

from extract.models import LabRecord


def text_records(text: str) -> list[LabRecord]:
    """``process_text(text).records`` (the pipeline is imported on first use, not when tests are collected)."""
    from extract.pipeline import process_text

    return process_text(text).records
