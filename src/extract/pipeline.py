"""The order of stages for one file. No I/O besides reading the source.

    read_document (text layer or OCR per page)
      -> build_lines (reading order; headers, footers, footnotes, image text marked)
      -> split_sections (one per lab)
      -> extract_records (rules + spaCy, candidates -> validated records)
      -> OutputFile (the contract)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extract.models import Document, LabRecord, OutputFile, PageInfo, PageStore, SourceInfo
from extract.settings import Settings

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
"""An ``executor.map``-like callable used to OCR the pages of one document in parallel."""


def records_from_document(document: Document, settings: Settings) -> list[LabRecord]:
    """Everything after text extraction: layout, segmentation and field extraction."""
    from extract.extractors import extract_records
    from extract.layout import build_lines
    from extract.segment import split_sections

    lines = build_lines(document)
    sections = split_sections(document, lines)
    return extract_records(sections, settings)


def output_for(document: Document, records: list[LabRecord], display_path: str) -> OutputFile:
    from extract.extractors import EXTRACTOR_VERSIONS

    source = document.source
    return OutputFile(
        source=SourceInfo(path=display_path, sha256=source.sha256, pages=source.pages, media_type=source.media_type),
        records=records,
        pages=[
            PageInfo(number=p.number, method=p.method, reason=p.reason, width=p.width, height=p.height,
                     ocr=p.ocr, warnings=list(p.warnings))
            for p in document.pages
        ],
        extractors=dict(EXTRACTOR_VERSIONS),
        warnings=list(document.warnings),
    )


def process_file(
    path: Path,
    settings: Settings,
    *,
    cache: PageStore | None = None,
    page_map: PageMap | None = None,
    display_path: str | None = None,
) -> OutputFile:
    """Read one source file and return its validated output (corrections not yet applied).

    Raises ``extract.errors.InputFileError`` subclasses for inputs that cannot be processed.
    """
    from extract.reader import read_document

    document = read_document(path, settings, cache=cache, page_map=page_map)
    records = records_from_document(document, settings)
    return output_for(document, records, display_path or str(path))


def process_text(text: str, settings: Settings | None = None, *, name: str = "text.txt") -> OutputFile:
    """Run the pipeline on plain text (pages separated by form feeds); for tests and quick checks."""
    from extract.reader import document_from_text

    settings = settings or Settings()
    document = document_from_text(text, name=name)
    return output_for(document, records_from_document(document, settings), name)
