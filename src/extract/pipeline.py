"""The order of stages for one file. No I/O besides reading the source (and the cache).

    read_document (text layer or OCR per page)
      -> lay_out_page, as each page arrives (draft lines, tables; the words are then let go)
      -> lines_of (whole document: headers, footers, footnotes, headings, hyphens)
      -> sections_from (one per lab)
      -> extract_records (rules + spaCy, candidates -> validated records)
      -> OutputFile (the contract)
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from extract.models import (
    Document,
    EntityStore,
    LabRecord,
    Line,
    OutputFile,
    Page,
    PageImages,
    PageInfo,
    PageStore,
    RecordStore,
    Section,
    SectionStore,
    SourceInfo,
    StoredSections,
)
from extract.settings import Settings

if TYPE_CHECKING:
    from extract.layout.lines import PackedLayout

log = logging.getLogger(__name__)

PageMap = Callable[[Callable[[Any], Any], Iterable[Any]], Iterable[Any]]
"""An ``executor.map``-like callable used to OCR the pages of one document in parallel."""


SECTION_STAGE = ("extract.layout.build", "extract.segment.sections")
"""The modules (and all they import) that turn pages into sections; their code is part of the sections' cache key."""
SECTION_STAGE_DATA = ("rules/labels.yml", "rules/en.yml", "rules/nl.yml", "rules/fr.yml", "rules/scale_words.yml",
                      "rules/countries.yml", "rules/cities.tsv", "rules/places.tsv", "rules/patterns/places.jsonl")
"""The rule files segmentation reads: labels, language words, and through ``extract.normalize`` numbers
('anderhalf', number words: announced lab counts), countries, cities and regions (lab names, titles:
'Gdynia: ...', 'Landwirtschaftskammer Niedersachsen'),
and the country names of ``rules.places`` (a country's name over a directory entry)."""
SECTION_STAGE_PACKAGES = ("lingua-language-detector",)


EXTRACTION_STAGE = ("extract.extractors", "extract.assemble.record")
"""The modules (and all they import) that turn sections into records: the records cache's key."""
EXTRACTION_STAGE_DATA = ("rules/cities.tsv", "rules/places.tsv", "rules/currency_names.tsv")
"""Rule tables the extractors read that the rule files' fingerprint (``.yml``, ``.jsonl``) leaves out."""
EXTRACTION_STAGE_PACKAGES = ("spacy", "babel", "pycountry", "rapidfuzz", "text2num", "lingua-language-detector",
                             "pydantic", "PyYAML")
"""The packages the extractors and normalisers call: a new version may read a number or a name otherwise."""


def use_rules(settings: Settings) -> None:
    """The rules of this run: the packaged ones, extended by ``settings.rules_dir`` (checked on first use)."""
    from extract.rules.loader import use_rules_dir

    use_rules_dir(settings.rules_dir)


def records_from_document(document: Document, settings: Settings) -> list[LabRecord]:
    """Everything after text extraction: layout, segmentation and field extraction."""
    from extract.extractors import extract_records

    use_rules(settings)

    return extract_records(sections_of(document), settings)


def sections_of(document: Document) -> list[Section]:
    """Layout and segmentation of a whole ``document`` (``process_file`` does the same page by page)."""
    sink = PageSink(lay_out=True, digest=False)
    for page in document.pages:
        sink(page)
    return sink.sections(document)


class PageSink:
    """Takes each final page from the reader (``read_document(on_page=...)``) and keeps it without its words.

    With ``lay_out`` it lays the page out first (its draft lines and tables: ``layout.lay_out_page``)
    and keeps the layout packed, so neither the words nor the live drafts of a 500-page report are
    all held while later pages are parsed; with ``digest`` it hashes the page for the sections
    cache. ``sections`` then runs the document-level passes and segmentation, once: it lets the
    packed layouts go.
    """

    def __init__(self, *, lay_out: bool, digest: bool) -> None:
        self.lay_out = lay_out
        self.digest = digest
        self.layouts: dict[int, PackedLayout] = {}
        self.digests: dict[int, str] = {}
        self.first_words: list[str] | None = None
        """The first words of the first page with words (its language is the document's likely one)."""

    def __call__(self, page: Page) -> Page:
        from extract.layout.build import lay_out_page
        from extract.layout.lines import PackedLayout

        if self.first_words is None and page.words:
            self.first_words = [word.text for word in page.words[:FIRST_WORDS]]
        if self.digest:
            self.digests[page.number] = page_digest(page)
        if self.lay_out:
            self.layouts[page.number] = PackedLayout.of(lay_out_page(page))
        return page.model_copy(update={"words": [], "tables": []})

    def pages_digest(self, document: Document) -> str:
        """Digest of the document's pages as read (their order and content), and of the section-stage code."""
        return _combine(self.digests[page.number] for page in document.pages)

    def sections(self, document: Document) -> list[Section]:
        return self.lines_and_sections(document)[1]

    def lines_and_sections(self, document: Document) -> tuple[list[Line], list[Section]]:
        """The document's lines with their roles (furniture, footnotes, headings: what ``extract show``
        prints) and the sections made from them."""
        from extract.layout.build import lines_of
        from extract.segment.sections import sections_from

        # The reader may have handed over a page number twice (a repaired file read again), or
        # pages it then dropped: the document's own pages decide.
        layouts = [self.layouts[page.number].unpack() for page in document.pages]
        self.layouts.clear()
        tables = [table for layout in layouts for table in layout.tables]
        lines = lines_of(layouts)
        return lines, sections_from(lines, tables, name=document.source.path)


FIRST_WORDS = 400
"""Words of the first page kept to guess the document's language (as many as language detection reads)."""


def extraction_steps(settings: Settings, sink: PageSink) -> list[Callable[[], bool]]:
    """What extraction needs after the last page, for a process to build while Tesseract reads its
    pages (``read.waits``): the rule tables, spaCy's import, then the spaCy pipelines of the first
    page's language. Each is built on first use anyway, and kept: nothing here changes a result.
    Done after the last page instead, they held a lone scan's end for about a second while the
    other workers had nothing left to do."""

    def rule_tables() -> bool:
        from extract.extractors import warm_up

        warm_up(settings)
        return True

    def spacy_import() -> bool:
        import spacy.matcher  # noqa: F401 (segmentation's lab names and the entity pipelines)

        return True

    def pipelines() -> bool:
        if sink.first_words is None:
            return False  # no page read yet: at a later wait
        from extract.nlp import get_pipeline
        from extract.normalize.language import detect_language

        lang = detect_language(sink.first_words)
        if lang is not None:
            get_pipeline(lang)  # as segmentation's lab names ask for it
            get_pipeline(lang, settings.spacy_model)  # as the extractors' entities do
        return True

    return [rule_tables, spacy_import, pipelines]


def page_digest(page: Page) -> str:
    """sha256 of what layout reads of a page (all but its warnings)."""
    return hashlib.sha256(page.model_dump_json(exclude={"warnings"}).encode()).hexdigest()


def _combine(digests: Iterable[str]) -> str:
    from extract.store.fingerprint import code_fingerprint

    combined = hashlib.sha256(code_fingerprint(SECTION_STAGE, SECTION_STAGE_DATA, SECTION_STAGE_PACKAGES).encode())
    for digest in digests:
        combined.update(digest.encode())
    return combined.hexdigest()


def sections_key(document: Document) -> str:
    """Digest of a whole document's pages and of the code and rules that make sections from them."""
    return _combine(page_digest(page) for page in document.pages)


def sections_input_key(sha256: str, settings: Settings) -> str:
    """Where a file's sections are cached: its content, the reading settings and the section-stage code.

    The entry also holds the digest of the pages it was made from; it is used only when the pages
    read this time have the same digest (a new Tesseract or a page that timed out last time differ).
    """
    from extract.rules.loader import user_rules_digest
    from extract.store.fingerprint import code_fingerprint

    key: dict[str, Any] = {"sha256": sha256, "text": settings.text_key(), "ocr": settings.ocr_key(),
                           "code": code_fingerprint(SECTION_STAGE, SECTION_STAGE_DATA, SECTION_STAGE_PACKAGES)}
    if settings.rules_dir:  # only then, so that the entries made without a rules folder stay valid
        key["user_rules"] = user_rules_digest(settings.rules_dir)
    payload = json.dumps(key, sort_keys=True, default=str)
    return "sections-" + hashlib.sha256(payload.encode()).hexdigest()


def read_sections(path: Path | PageImages, settings: Settings, *, cache: PageStore | None = None,
                  page_map: PageMap | None = None, prepare: bool = False) -> tuple[Document, list[Section]]:
    """Read ``path`` and split it into sections, page by page; the Document comes back without words.

    With ``prepare``, what extraction needs next is built while Tesseract reads pages
    (``extraction_steps``).

    With a section store (the cache), a file read before with the same settings and code first
    only reads (pages come from the page cache) and checks its pages' digest; layout runs when the
    pages differ, or when nothing was stored.
    """
    from extract.read.reader import read_document
    from extract.read.sniff import file_sha256
    from extract.read.waits import meanwhile

    use_rules(settings)
    store = cache if isinstance(cache, SectionStore) else None
    sha256 = key = None
    if store is not None:
        try:
            if isinstance(path, PageImages):
                from extract.read.page_images import page_images_sha256

                sha256 = page_images_sha256(path)
                key = sections_input_key(sha256, settings)
            # Hashed here, before reading, for the key; the reader is given it. A file over the size
            # limit is not hashed: the reader rejects it at once.
            elif Path(path).stat().st_size <= settings.limits.max_file_bytes:
                sha256 = file_sha256(Path(path))
                key = sections_input_key(sha256, settings)
        except OSError:
            pass  # the reader reports an unreadable file in its own words
    if store is not None and key is not None:
        stored = store.get_sections(key)
        if stored is not None:
            sink = PageSink(lay_out=False, digest=True)
            document = read_document(path, settings, cache=cache, page_map=page_map, on_page=sink, sha256=sha256)
            if sink.pages_digest(document) == stored.pages_digest:
                return document, stored.sections
            log.info("%s: pages differ from the cached sections' (new reading); laying them out again", path)
    sink = PageSink(lay_out=True, digest=store is not None)
    with meanwhile(extraction_steps(settings, sink) if prepare else ()):
        document = read_document(path, settings, cache=cache, page_map=page_map, on_page=sink, sha256=sha256)
    sections = sink.sections(document)
    if store is not None and key is not None:
        store.put_sections(key, StoredSections(pages_digest=sink.pages_digest(document), sections=sections))
    return document, sections


def read_for_show(path: Path, settings: Settings, *, cache: PageStore | None = None
                  ) -> tuple[Document, list[Line], list[Section]]:
    """What the extractors of ``path`` see: its pages as read (without words), every line with its
    role, and the sections (``extract show``). Never served from the sections cache: the lines are
    not kept there."""
    from extract.read.reader import read_document

    use_rules(settings)
    sink = PageSink(lay_out=True, digest=False)
    document = read_document(path, settings, cache=cache, on_page=sink)
    lines, sections = sink.lines_and_sections(document)
    return document, lines, sections


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


@lru_cache(maxsize=1)
def _sections_adapter() -> TypeAdapter[list[Section]]:
    return TypeAdapter(list[Section])


def records_key(sections: list[Section], settings: Settings) -> str:
    """Where a document's records are cached: its sections, the extraction code and packages, every
    rule file (the packaged ones and ``settings.rules_dir``'s) and the spaCy model.

    Records are a function of these alone, so a reprocess with nothing changed upstream of them
    (``batch --force`` after a crash, a new corrections file, an output deleted by hand) reads them
    back instead of running the extractors and spaCy.
    """
    from extract.nlp import model_version
    from extract.store.fingerprint import code_fingerprint, rules_fingerprint

    digest = hashlib.sha256()
    for part in (code_fingerprint(EXTRACTION_STAGE, EXTRACTION_STAGE_DATA, EXTRACTION_STAGE_PACKAGES),
                 rules_fingerprint(settings.rules_dir), str(settings.spacy_model),
                 str(model_version(settings.spacy_model) if settings.spacy_model else "blank")):
        digest.update(part.encode() + b"\0")
    digest.update(_sections_adapter().dump_json(sections))
    return "records-" + digest.hexdigest()


def extract_or_recall(sections: list[Section], settings: Settings, cache: PageStore | None) -> list[LabRecord]:
    """The records of ``sections``: from the records cache when this code and these rules made them
    before, else from the extractors (and then stored)."""
    from extract.extractors import extract_records

    store = cache if isinstance(cache, RecordStore) else None
    key = records_key(sections, settings) if store is not None else ""
    if store is not None and (stored := store.get_records(key)) is not None:
        return stored
    entity_store = cache if isinstance(cache, EntityStore) else None
    records = extract_records(sections, settings, entity_store=entity_store)
    if store is not None:
        store.put_records(key, records)
    return records


def process_file(
    path: Path | PageImages,
    settings: Settings,
    *,
    cache: PageStore | None = None,
    page_map: PageMap | None = None,
    display_path: str | None = None,
) -> OutputFile:
    """Read one source file and return its validated output (corrections not yet applied).

    Raises ``extract.errors.InputFileError`` subclasses for inputs that cannot be processed.
    """
    document, sections = read_sections(path, settings, cache=cache, page_map=page_map, prepare=True)
    records = extract_or_recall(sections, settings, cache)
    return output_for(document, records, display_path or document.source.path)


def process_text(text: str, settings: Settings | None = None, *, name: str = "text.txt") -> OutputFile:
    """Run the pipeline on plain text (pages separated by form feeds); for tests and quick checks."""
    from extract.read.reader import document_from_text

    settings = settings or Settings()
    document = document_from_text(text, name=name)
    return output_for(document, records_from_document(document, settings), name)
