"""The lab index of a page built with the layout tests' ``FlowBuilder`` (every line in the body)."""

from __future__ import annotations

from layout_boxes import FlowBuilder

from extract.layout.build import build_lines
from extract.models import LabRecord
from extract.segment.lab_index import LabIndex


def index_of(flow: FlowBuilder, lang: str) -> LabIndex:
    lines = build_lines(flow.build())
    return LabIndex(lines, list(range(len(lines))), lang)


def records_of(flow: FlowBuilder) -> list[LabRecord]:
    """The records the whole pipeline after reading gives for the page."""
    from extract.extractors import extract_records
    from extract.segment.sections import split_sections
    from extract.settings import Settings

    document = flow.build()
    return extract_records(split_sections(document, build_lines(document)), Settings())
