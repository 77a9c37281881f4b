"""What the segmentation tests read off a built flow of lines."""

from __future__ import annotations

from layout_boxes import FlowBuilder

from extract.layout.build import build_lines
from extract.segment.sections import split_sections


def section_titles(flow: FlowBuilder) -> list[str | None]:
    doc = flow.build()
    return [s.title for s in split_sections(doc, build_lines(doc))]
