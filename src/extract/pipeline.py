"""The order of stages for one file. No I/O besides reading the source.

    read_document (text layer or OCR per page)
      -> build_lines (reading order; headers, footers, footnotes, image text marked)
      -> split_sections (one per lab)
      -> extract_records (rules + spaCy, candidates -> validated records)
      -> OutputFile (the contract)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extract.models import Document, EntityStore, LabRecord, OutputFile, PageInfo, PageStore, Section, SectionStore, SourceInfo
from extract.settings import Settings

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
"""An ``executor.map``-like callable used to OCR the pages of one document in parallel."""


SECTION_STAGE = ("extract.layout", "extract.segment")
"""The modules (and all they import) that turn pages into sections; their code is part of the sections' cache key."""
SECTION_STAGE_DATA = ("rules/labels.yml",)
SECTION_STAGE_PACKAGES = ("lingua-language-detector",)


def records_from_document(document: Document, settings: Settings) -> list[LabRecord]:
    """Everything after text extraction: layout, segmentation and field extraction."""
    from extract.extractors import extract_records

    return extract_records(sections_of(document), settings)


def sections_of(document: Document, cache: PageStore | None = None) -> list[Section]:
    """Layout and segmentation of ``document``; from ``cache`` when the same pages went through the same code.

    About a third of the time after text extraction: a reprocess after an extractor change skips it.
    """
    if not isinstance(cache, SectionStore):
        return _sections(document)
    key = sections_key(document)
    cached = cache.get_sections(key)
    if cached is not None:
        return cached
    sections = _sections(document)
    cache.put_sections(key, sections)
    return sections


def _sections(document: Document) -> list[Section]:
    from extract.layout import build_lines, document_tables
    from extract.segment import split_sections

    with document_tables():
        return split_sections(document, build_lines(document))


def sections_key(document: Document) -> str:
    """Hash of the pages (words, tables, figures) and of the code and rules that make sections from them."""
    from extract.fingerprint import code_fingerprint

    digest = hashlib.sha256(code_fingerprint(SECTION_STAGE, SECTION_STAGE_DATA, SECTION_STAGE_PACKAGES).encode())
    for page in document.pages:
        digest.update(page.model_dump_json(exclude={"warnings"}).encode())
    return "sections-" + digest.hexdigest()


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

    from extract.extractors import extract_records

    document = read_document(path, settings, cache=cache, page_map=page_map)
    entity_store = cache if isinstance(cache, EntityStore) else None
    sections = sections_of(document, cache)
    # The sections' lines carry the text now: let the words go (about 100 KB a page) before the
    # extractors and spaCy allocate, so a long report does not hold both.
    document = without_words(document)
    records = extract_records(sections, settings, entity_store=entity_store)
    return output_for(document, records, display_path or str(path))


def without_words(document: Document) -> Document:
    """``document`` with its pages' words and tables dropped (what ``output_for`` still needs stays)."""
    pages = [page.model_copy(update={"words": [], "tables": []}) for page in document.pages]
    return document.model_copy(update={"pages": pages})


def process_text(text: str, settings: Settings | None = None, *, name: str = "text.txt") -> OutputFile:
    """Run the pipeline on plain text (pages separated by form feeds); for tests and quick checks."""
    from extract.reader import document_from_text

    settings = settings or Settings()
    document = document_from_text(text, name=name)
    return output_for(document, records_from_document(document, settings), name)
