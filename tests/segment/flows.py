"""What the segmentation tests read off a built flow of lines."""

from __future__ import annotations

from pathlib import Path

from layout_boxes import FlowBuilder

from extract.layout.build import build_lines
from extract.segment.sections import split_sections


def section_titles(flow: FlowBuilder) -> list[str | None]:
    doc = flow.build()
    return [s.title for s in split_sections(doc, build_lines(doc))]


def text_titles(tmp_path: Path, text: str) -> list[str | None]:
    """The section titles of ``text`` read as a plain-text document (paragraphs at blank lines)."""
    from extract.pipeline import sections_of
    from extract.read.reader import read_document
    from extract.settings import Settings

    source = tmp_path / "essay.txt"
    source.write_text(text, encoding="utf-8")
    return [s.title for s in sections_of(read_document(source, Settings()))]
