"""Lay out text lines as word boxes (a text layer or OCR-like boxes) to test layout without PDFs.

``PageBuilder`` places lines where you say; ``FlowBuilder`` flows lines over A4 pages with a
running header, page numbers, footer URLs and footnotes, as a typeset report would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.models import BBox, Document, Line, Page, Source, Table, TableCell, Word

CHAR = 0.5
"""Width of a character as a share of the font size."""
SPACE = 0.28

_ASC = set("bdfhklt0123456789")
_DESC = set("gjpqy,;")


def word_boxes(text: str, x: float, top: float, size: float, *, bold: bool = False, ocr: bool = False,
               conf: float = 0.93) -> list[Word]:
    """Words of one line starting at (x, top). OCR boxes hug the glyphs and carry no font size."""
    words = []
    for token in text.split():
        width = len(token) * CHAR * size
        if ocr:
            baseline = top + 0.8 * size
            tall = any(c.isupper() or c in _ASC for c in token)
            deep = any(c in _DESC for c in token)
            word_top = baseline - (0.72 if tall else 0.52) * size
            word_bottom = baseline + (0.22 if deep else 0.0) * size
            words.append(Word(text=token, bbox=(x, word_top, x + width, word_bottom), conf=conf))
        else:
            words.append(Word(text=token, bbox=(x, top, x + width, top + size), size=size, bold=bold))
        x += width + SPACE * size
    return words


def text_width(text: str, size: float) -> float:
    return len(text) * CHAR * size + max(0, len(text.split()) - 1) * (SPACE - CHAR) * size


@dataclass
class PageBuilder:
    number: int = 1
    width: float = 595.0
    height: float = 842.0
    ocr: bool = False
    words: list[Word] = field(default_factory=list)
    figures: list[BBox] = field(default_factory=list)

    def line(self, text: str, x: float, top: float, size: float = 10.5, *, bold: bool = False,
             conf: float = 0.93) -> None:
        self.words.extend(word_boxes(text, x, top, size, bold=bold, ocr=self.ocr, conf=conf))

    def lines(self, texts: list[str], x: float, top: float, size: float = 10.5, leading: float = 1.3,
              **kw) -> float:
        """Stack lines from ``top``; returns the top of the next line."""
        for text in texts:
            if text:
                self.line(text, x, top, size, **kw)
            top += size * leading
        return top

    def build(self, tables=None) -> Page:
        return Page(number=self.number, width=self.width, height=self.height,
                    method="ocr" if self.ocr else "text", reason="test", words=self.words,
                    figures=self.figures, tables=tables or [])


def document(pages: list[Page], name: str = "report.pdf") -> Document:
    source = Source(path=name, sha256="0" * 64, media_type="application/pdf", size=1, pages=len(pages))
    return Document(source=source, pages=pages)


@dataclass
class FlowBuilder:
    """Flows lines down A4 pages (body 10.5 pt) with furniture printed on every page."""

    ocr: bool = False
    header: str | None = None
    page_numbers: bool = True
    width: float = 595.0
    height: float = 842.0
    left: float = 72.0
    body_top: float = 90.0
    body_bottom: float = 740.0
    pages: list[PageBuilder] = field(default_factory=list)
    _urls: dict[int, list[str]] = field(default_factory=dict)
    _notes: dict[int, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.new_page()

    @property
    def page(self) -> PageBuilder:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageBuilder(number=len(self.pages) + 1, width=self.width, height=self.height, ocr=self.ocr))
        self.y = self.body_top

    def line(self, text: str, size: float = 10.5, *, bold: bool = False, space_before: float = 0.0) -> None:
        if self.y + space_before + size > self.body_bottom:
            self.new_page()
        else:
            self.y += space_before
        if text.strip():
            self.page.line(text, self.left, self.y, size, bold=bold)
        self.y += size * 1.3

    def gap(self, points: float = 6.0) -> None:
        self.y += points

    def paragraph(self, lines: list[str], heading: str | None = None) -> None:
        """A paragraph of body lines, under a bold heading when given, and the space after it."""
        if heading is not None:
            self.line(heading, 13, bold=True, space_before=10)
        for text in lines:
            self.line(text)
        self.gap(8)

    def figure(self, texts: list[str], size: float = 9.0) -> None:
        """A screenshot: its text lies inside an image region (Page.figures)."""
        needed = len(texts) * size * 1.3 + 16
        if self.y + needed > self.body_bottom:
            self.new_page()
        top = self.y
        self.page.lines(texts, self.left + 10, top + 8, size)
        self.page.figures.append((self.left, top, self.width - self.left, top + needed))
        self.y = top + needed + 6

    def footer_url(self, url: str) -> None:
        self._urls.setdefault(len(self.pages), []).append(url)

    def footnote(self, texts: list[str]) -> None:
        self._notes.setdefault(len(self.pages), []).extend(texts)

    def build(self, name: str = "report.pdf") -> Document:
        for builder in self.pages:
            n = builder.number
            if self.header and n > 1:
                builder.line(self.header, self.left, 36, 8)
            bottom = self.height - 40
            if self.page_numbers:
                builder.line(str(n), self.width / 2, bottom, 8)
                bottom -= 12
            for url in reversed(self._urls.get(n, [])):
                builder.line(url, self.left, bottom, 7.5)
                bottom -= 10
            notes = self._notes.get(n, [])
            if notes:
                builder.lines(notes, self.left, bottom - 10 - len(notes) * 8.5 * 1.25, 8, leading=1.25)
        return document([b.build() for b in self.pages], name)


# --------------------------------------------------------------------------- the seed benchmark, typeset

SEED = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "000_6ab50b9a4722492e.txt"


@dataclass
class SeedLab:
    heading: list[str]
    """The heading as printed, over one or more lines."""
    label_lines: list[str] = field(default_factory=list)
    screenshot: list[str] = field(default_factory=list)


def _is_url(line: str) -> bool:
    return line.startswith(("http://", "https://"))


def seed_document(*, ocr: bool = False) -> tuple[Document, list[SeedLab]]:
    """The seed's OCR text laid out page by page as the report printed it.

    Structure is read from the text's form, never from its content: a line starting with a space
    opens a page, URL lines ending a page are its footer, a numbered line (with the lines up to the
    next blank line) is a heading, the lines between a 'Website:' label line and the next label line
    are a screenshot (an image region), and the largest heading is the chapter title.
    """
    from extract.rules.vocab import match_label

    raw_pages: list[list[str]] = []
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        if line[:1].isspace() or not raw_pages:
            raw_pages.append([])
        raw_pages[-1].append(line.strip())
    import re

    numbered = re.compile(r"^\d{1,2}\. [A-Z]")
    flow = FlowBuilder(ocr=ocr, header="Benchmark innovatielabs", height=1000.0, body_bottom=900.0)
    labs: list[SeedLab] = []
    in_screenshot = False
    for number, page_lines in enumerate(raw_pages):
        if number:
            flow.new_page()
        urls = []
        while page_lines and (not page_lines[-1] or _is_url(page_lines[-1])):
            if page_lines[-1]:
                urls.insert(0, page_lines[-1])
            page_lines.pop()
        for url in urls:
            flow.footer_url(url)
        i = 0
        shot: list[str] = []
        while i < len(page_lines):
            text = page_lines[i]
            label = match_label(text) if text else None
            if in_screenshot and (label or i == len(page_lines)):
                in_screenshot = False
            if in_screenshot:
                if text:
                    shot.append(text)
                i += 1
                if i == len(page_lines) and shot:
                    flow.figure(shot)
                    labs[-1].screenshot += shot
                    shot = []
                continue
            if shot:
                flow.figure(shot)
                labs[-1].screenshot += shot
                shot = []
            if numbered.match(text):
                heading = [text]
                while i + 1 < len(page_lines) and page_lines[i + 1]:
                    i += 1
                    heading.append(page_lines[i])
                chapter = len(heading) > 2
                for n, part in enumerate(heading):
                    flow.line(part, 16 if chapter else 14, bold=True, space_before=0 if n else 8)
                if not chapter:
                    labs.append(SeedLab(heading=heading))
            elif not text:
                flow.gap(4)
            else:
                flow.line(text)
                if label and labs:
                    labs[-1].label_lines.append(text)
                    in_screenshot = label.field == "website"
            i += 1
    return flow.build("benchmark.pdf"), labs


def table_of(lines: list[Line]) -> Table:
    """The table whose rows are ``lines`` ('Name\tHeron Health Lab'), one cell per tab-separated text,
    as the layout stage finds it around its table lines."""
    cells = [TableCell(row=r, col=c, text=text, bbox=line.bbox)
             for r, line in enumerate(lines) for c, text in enumerate(line.text.split("\t"))]
    x0 = min(line.bbox[0] for line in lines)
    y0 = min(line.bbox[1] for line in lines)
    x1 = max(line.bbox[2] for line in lines)
    y1 = max(line.bbox[3] for line in lines)
    return Table(page=lines[0].page, bbox=(x0, y0, x1, y1), cells=cells, method="word_boxes")
