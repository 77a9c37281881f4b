"""Objects passed between the pipeline's stages, and the output contract.

Coordinates everywhere are PDF points (1/72 inch) with the origin at the page's
top-left corner, as pdfplumber gives them: ``(x0, top, x1, bottom)``. OCR pages
convert pixel boxes to points (``px * 72 / dpi``) so that every consumer (layout,
provenance, the review crops) works in one unit whatever produced the text.

Stage flow (see DESIGN.md):
    Source -> Document(pages: Page(words)) -> Lines -> Sections -> Candidates -> LabRecord -> OutputFile
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NamedTuple, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidatorFunctionWrapHandler, WrapValidator

SCHEMA_VERSION = "1"

BBox = tuple[float, float, float, float]
"""(x0, top, x1, bottom) in PDF points, origin top-left."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- ingestion


MediaType = Literal["application/pdf", "image/png", "image/tiff", "image/jpeg", "text/plain"]
TextMethod = Literal["text", "ocr"]


class Source(_Frozen):
    """A file as it arrived: what it is (sniffed from its bytes) and its content hash."""

    path: str
    sha256: str
    media_type: MediaType
    size: int
    pages: int


class PageImages(_Frozen):
    """Page images of one report, read as one document in this order (``--join-pages``:
    ``report-p1.png``, ``report-p2.png``, ...)."""

    name: str
    """How the document is named in its output's ``source.path`` and in reports."""
    paths: tuple[str, ...]


class Word(NamedTuple):
    """One word and its box. A NamedTuple, not a model: a page holds hundreds of them and a
    500-page document hundreds of thousands (about 250 bytes each instead of 650)."""

    text: str
    bbox: BBox
    conf: float | None = None
    """OCR word confidence in 0..1; None for a text layer (treated as certain)."""
    size: float | None = None
    """Font size in points when the text layer gives it (headings and footnotes use it)."""
    bold: bool = False


class TableCell(_Frozen):
    row: int
    col: int
    text: str
    bbox: BBox


class Table(_Frozen):
    """A ruled or rebuilt table on one page: cells by row and column, row 0 usually the header."""

    page: int
    bbox: BBox
    cells: list[TableCell]
    method: Literal["ruled", "word_boxes"]


class OcrInfo(_Frozen):
    languages: str
    dpi: int
    tesseract_version: str
    rotation: int = 0
    """Degrees the page image was turned to make it upright (OSD)."""
    skew: float = 0.0
    """Degrees of skew corrected before OCR."""
    mean_conf: float | None = None


class Page(_Frozen):
    number: int
    """1-based page (or image frame) number."""
    width: float
    height: float
    method: TextMethod
    reason: str
    """Why this method was used, e.g. 'text layer: 412 words' or 'ocr: no text layer'."""
    words: list[Word] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    ocr: OcrInfo | None = None
    figures: list[BBox] = Field(default_factory=list)
    """Image regions (screenshots, logos): words inside them are not body text."""
    warnings: list[str] = Field(default_factory=list)


class PageStore(Protocol):
    """Content-addressed store of finished pages (implemented by ``extract.store.cache``)."""

    def get(self, key: str) -> Page | None: ...

    def put(self, key: str, page: Page) -> None: ...


class Document(_Frozen):
    source: Source
    pages: list[Page]
    warnings: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- layout and segmentation

LineRole = Literal["body", "heading", "header", "footer", "footnote", "url_footer", "caption", "table", "image_text"]


class Line(NamedTuple):
    """One line of a page in reading order, with its role. A NamedTuple, not a model, like ``Word``:
    a long report has tens of thousands (about 280 bytes each instead of 1.25 KB). Sections
    validate the fields of lines read back from JSON (the cache) and keep layout's own as they are."""

    page: int
    text: str
    bbox: BBox
    role: LineRole = "body"
    conf: float | None = None
    """Mean OCR confidence of the line's words (None for a text layer)."""
    size: float | None = None
    column: int = 0


def _keep_line(value: Any, handler: ValidatorFunctionWrapHandler) -> Line:
    # A Line made by layout is kept, not rebuilt: copying each of a 500-page report's 20,000 lines
    # held them twice at the end of segmentation. Anything else (JSON from the cache) is validated.
    if type(value) is Line:
        return value
    return handler(value)  # type: ignore[no-any-return]


SectionLine = Annotated[Line, WrapValidator(_keep_line)]

SectionKind = Literal["heading", "table_row", "document"]


class Section(_Frozen):
    """The part of a document about one lab."""

    kind: SectionKind
    title: str | None
    """The heading text as printed (numbering stripped), or the document title."""
    lines: list[SectionLine]
    """Body lines in reading order; headers, footers and footnotes are left out."""
    footnotes: list[SectionLine] = Field(default_factory=list)
    urls: list[SectionLine] = Field(default_factory=list)
    """URL lines printed in the page footers of the section's pages (a fallback for the website)."""
    letterhead: list[SectionLine] = Field(default_factory=list)
    """A letter's letterhead, when the section is about its sender: its address says the country
    (a fallback; its site may be a parent's, so it gives no website)."""
    table_fields: dict[str, str] = Field(default_factory=dict)
    """For a table row: column header -> cell text."""
    language: str | None = None
    """ISO 639-1 code of the section's language ('nl', 'en', 'fr')."""
    assignment: float = 1.0
    """How sure the segmenter is that this text is about this lab: 1.0 under the lab's heading, in
    its table row or form; lower for paragraphs given to the lab they name, and for a document
    named after its most frequent lab or after its title. Every value's confidence is scaled by it."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


Entity = tuple[int, int, str]
"""A spaCy entity as (start_char, end_char, label)."""


@runtime_checkable
class EntityStore(Protocol):
    """Content-addressed store of spaCy entities per text (``extract.store.cache.PageCache`` is one)."""

    def get_entities(self, key: str) -> list[Entity] | None: ...

    def put_entities(self, key: str, entities: list[Entity]) -> None: ...


class StoredSections(_Frozen):
    """A document's sections as cached, with the digest of the pages they were made from."""

    pages_digest: str
    sections: list[Section]


@runtime_checkable
class SectionStore(Protocol):
    """Store of a document's sections by input (``extract.store.cache.PageCache`` is one)."""

    def get_sections(self, key: str) -> StoredSections | None: ...

    def put_sections(self, key: str, stored: StoredSections) -> None: ...


@runtime_checkable
class RecordStore(Protocol):
    """Store of a document's records by its sections and the extraction code (``PageCache`` is one)."""

    def get_records(self, key: str) -> list[LabRecord] | None: ...

    def put_records(self, key: str, records: list[LabRecord]) -> None: ...


# --------------------------------------------------------------------------- extraction


class Provenance(_Frozen):
    page: int | None = None
    bbox: BBox | None = None
    text: str = ""
    """The source text the value was read from."""
    method: str = ""
    """Extractor name and version, e.g. 'rule:budget.v1' or 'correction:alice'."""
    confidence: float = 0.0


# --------------------------------------------------------------------------- output contract


BudgetPeriod = Literal["year", "total", "month"]
StaffUnit = Literal["headcount", "fte"]


class Budget(BaseModel):
    model_config = ConfigDict(extra="allow")
    amount: float | None = None
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    period: BudgetPeriod | None = None
    amount_eur: float | None = None
    approximate: bool = False
    raw: str | None = None


class Staff(BaseModel):
    model_config = ConfigDict(extra="allow")
    count: float | None = None
    approximate: bool = False
    unit: StaffUnit | None = None
    raw: str | None = None


class GovernanceBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    members: int | None = None


class Governance(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str | None = None
    bodies: list[GovernanceBody] = Field(default_factory=list)
    parent: str | None = None


class BodyMention(_Frozen):
    """A governance body as an extractor read it: the contract's ``GovernanceBody`` and whether its
    name was read whole (assembly keeps an exact spelling over a variant of the same body)."""

    name: str
    members: int | None = None
    exact: bool = False


CandidateValue = str | int | Budget | Staff | BodyMention | None
"""What an extractor proposes: a string or a year for the plain fields, the contract's ``Budget``
and ``Staff``, a ``BodyMention`` per governance body, a string per funding source."""


class Candidate(_Frozen):
    """One extractor's proposal for one field of one section."""

    field: str
    value: CandidateValue
    provenance: Provenance


class FieldCorrection(BaseModel):
    """A field set by a person, as a run applied it (``LabRecord.corrections[path]``, written by
    ``extract.assemble.corrections``; the keys in the order the output has always written them)."""

    model_config = ConfigDict(extra="allow")
    value: Any = None
    status: str = "corrected"
    by: str = "unknown"
    at: Any = None
    machine_value: Any = None
    """What the machine read in this run (shown again when the correction is taken off)."""
    machine_value_at_correction: Any = None
    """What the machine read when the person made the correction (None: not known)."""
    needs_review: bool = False
    """The machine reads something else now than when the correction was made."""
    machine_provenance: Provenance | None = None
    machine_provenance_field: str | None = None
    """The path whose own provenance ``machine_provenance`` was (None: it was its top-level field's)."""


class LabRecord(BaseModel):
    """One lab described in a report (the output contract, schema_version 1)."""

    model_config = ConfigDict(extra="allow")
    name: str | None = None
    acronym: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    website: str | None = None
    founded_year: int | None = Field(default=None, ge=1500, le=2100)  # archives, libraries, land surveys
    role: str | None = None
    budget: Budget | None = None
    staff: Staff | None = None
    governance: Governance | None = None
    funding_sources: list[str] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    section: dict[str, Any] = Field(default_factory=dict)
    """Where the record sits: {'kind', 'title', 'pages', 'language'}."""
    corrections: dict[str, FieldCorrection] = Field(default_factory=dict)
    """Fields set by a person, by field path."""


class SourceInfo(BaseModel):
    model_config = ConfigDict(extra="allow")
    path: str
    sha256: str | None = None
    pages: int | None = None
    media_type: str | None = None


class PageInfo(BaseModel):
    """How the text of one page was obtained (kept in the output for review and diffs)."""

    model_config = ConfigDict(extra="allow")
    number: int
    method: TextMethod
    reason: str
    width: float
    height: float
    ocr: OcrInfo | None = None
    warnings: list[str] = Field(default_factory=list)


class OutputFile(BaseModel):
    """The content of ``output/<stem>.json``."""

    model_config = ConfigDict(extra="allow")
    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    records: list[LabRecord] = Field(default_factory=list)
    pages: list[PageInfo] = Field(default_factory=list)
    extractors: dict[str, str] = Field(default_factory=dict)
    """Extractor name -> version that produced this file."""
    warnings: list[str] = Field(default_factory=list)
