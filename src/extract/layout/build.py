"""Layout: a Document's words -> reading-order Lines with roles, in two steps.

    lay_out_page(page)   one page: rows, columns, tables, draft lines in reading order; needs no
                         other page, so the pipeline runs it as each page is read and lets the
                         page's words go (a draft keeps a summary of its words, not the words;
                         the pipeline keeps each page's layout packed: ``PackedLayout``)
    lines_of(pages)      the whole document: body size, furniture, headings, wrapped headings,
                         hyphens; frozen Lines (the drafts are let go as Lines are made)
    build_lines(doc)     both, for a Document held whole (tests, plain text)

Passes, each in its own module:
    lines             words -> rows -> draft lines, glyph size (em) of a line
    columns           two-column pages: gutter, column of each line, reading order
    tables            tables rebuilt from word boxes (ruled ones come from the reader)
    furniture         running headers/footers, page numbers, footer URLs, footnotes
    headings          numbered or larger/bold headings, wrapped headings merged
    hyphen            de-hyphenation across line breaks (last, on frozen Lines)

``Line.column`` is 0 on single-column pages and for lines across the gutter, else 1 or 2.
``Line.size`` is the median text-layer font size of the line's words, or for OCR the font size
estimated from glyph heights (in points either way), so extractors can compare sizes.
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict

from extract.layout.columns import assign_columns, find_gutter, reading_order, split_rows_at_gutter
from extract.layout.furniture import BOTTOM_ZONE, TOP_ZONE, mark_furniture
from extract.layout.headings import document_is_styled, mark_headings, merge_wrapped
from extract.layout.hyphen import dehyphenate
from extract.layout.lines import (
    Draft,
    PageLayout,
    clear_row_cache,
    group_rows,
    in_box,
    median_word_height,
    screenshot_boxes,
    split_at_gaps,
    uses_letter_shapes,
    word_em,
)
from extract.layout.tables import tables_from_words
from extract.models import Document, Line, LineRole, Page, Table, Word

log = logging.getLogger(__name__)


def page_tables(page: Page) -> list[Table]:
    """The page's ruled tables (from the reader), else tables rebuilt from its word boxes."""
    if page.tables:
        return list(page.tables)
    return tables_from_words(page)


def _draft(page: Page, words: list[Word], role: LineRole = "body") -> Draft:
    shapes = uses_letter_shapes(page)
    # Not a word of marks alone: OCR reads a table rule or a scanner's edge as '|' as tall as the table.
    ems = [word_em(w, letter_shapes=shapes) for w in words if any(c.isalnum() for c in w.text)]
    return Draft.of_words(page.number, words, role, em=statistics.median(ems) if ems else 0.0)


def _cells_text(row: list[Word], tables: list[Table]) -> str:
    """A table line's text with its cells separated by tabs ('Country\tSlovenia'), as labels expect."""
    parts: list[tuple[int, list[str]]] = []
    for word in row:
        cell = next(
            (id(c) for t in tables for c in t.cells if in_box(word, c.bbox, margin=1.0)),
            None,
        )
        key = cell if cell is not None else -1
        if parts and parts[-1][0] == key:
            parts[-1][1].append(word.text)
        else:
            parts.append((key, [word.text]))
    return "\t".join(" ".join(words) for _, words in parts)


def _split_margin_rows(rows: list[list[Word]], page: Page, gap: float) -> list[list[Word]]:
    """Running headers/footers print separate items far apart ('Report title ... 3'): split them."""
    out: list[list[Word]] = []
    for row in rows:
        top, bottom = min(w.bbox[1] for w in row), max(w.bbox[3] for w in row)
        if top < page.height * TOP_ZONE or bottom > page.height * BOTTOM_ZONE:
            out.extend(split_at_gaps(row, gap))
        else:
            out.append(row)
    return out


def _title_banner(page: Page, words: list[Word], box: tuple[float, float, float, float]) -> bool:
    """A shaded box whose text is set larger than the page's text is a title banner, not a screenshot."""
    shapes = uses_letter_shapes(page)
    inside = [word_em(w, letter_shapes=shapes) for w in words if in_box(w, box)]
    outside = [word_em(w, letter_shapes=shapes) for w in words if not in_box(w, box)]
    if not inside or not outside:
        return False
    return max(inside) >= 1.6 * statistics.median(outside)


def lay_out_page(page: Page) -> PageLayout:
    """One page's draft lines in reading order (image text and table rows marked) and its tables.

    Needs nothing from other pages, so a long document is laid out page by page as it is read,
    and each page's words can go once this returns.
    """
    tables = page_tables(page)
    try:
        drafts = _page_drafts(page, tables)
    finally:
        clear_row_cache()  # the cache holds this page's words
    return PageLayout(number=page.number, width=page.width, height=page.height, method=page.method,
                      drafts=drafts, tables=tables)


def _page_drafts(page: Page, tables: list[Table]) -> list[Draft]:
    words = [w for w in page.words if w.text.strip()]
    if not words:
        return []
    # Scanner dust read as tiny punctuation ('|', '©', ':') is not text; it would split lines and headings.
    typical = median_word_height(words)
    words = [w for w in words if any(c.isalnum() for c in w.text) or w.bbox[3] - w.bbox[1] >= 0.4 * typical]
    figures = [f for f in screenshot_boxes(page) if not _title_banner(page, words, f)]
    figure_words = [w for w in words if any(in_box(w, f) for f in figures)]
    rest = [w for w in words if not any(in_box(w, f) for f in figures)]
    body_words = [w for w in rest if not any(in_box(w, t.bbox) for t in tables)]
    height = typical

    drafts = [_draft(page, row, "image_text") for row in group_rows(figure_words)]
    # Row by row within each table: two tables side by side (one per column) share no rows.
    claimed: set[int] = set()
    for table in tables:
        table_words = [w for w in rest if id(w) not in claimed and in_box(w, table.bbox)]
        claimed.update(id(w) for w in table_words)
        for row in group_rows(table_words):
            draft = _draft(page, row, "table")
            draft.text = _cells_text(row, tables)
            drafts.append(draft)
    gutter = find_gutter(body_words, page.height, height)
    rows = split_rows_at_gutter(group_rows(body_words), gutter)
    rows = _split_margin_rows(rows, page, max(3 * height, 0.08 * page.width))
    drafts += [_draft(page, row) for row in rows]
    assign_columns(drafts, gutter, page.height)
    return reading_order(drafts)


def _body_em(pages: list[PageLayout]) -> dict[int, float]:
    """Body font size per page: the character-weighted median over pages read the same way."""
    samples: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for page in pages:
        for d in page.drafts:
            if d.role == "body" and d.em > 0:
                samples[page.method].append((d.em, len(d.text)))
    medians: dict[str, float] = {}
    for method, pairs in samples.items():
        pairs.sort()
        half, seen = sum(n for _, n in pairs) / 2, 0
        for em, n in pairs:
            seen += n
            if seen >= half:
                medians[method] = em
                break
    return {page.number: medians.get(page.method, 0.0) for page in pages}


def build_lines(document: Document) -> list[Line]:
    """All pages' lines in reading order with roles (body, heading, header, footer, ...) set."""
    lines = lines_of([lay_out_page(page) for page in document.pages])
    log.debug("%s: %d lines, %d headings", document.source.path, len(lines), sum(line.role == "heading" for line in lines))
    return lines


def lines_of(pages: list[PageLayout]) -> list[Line]:
    """The document-level passes over laid-out pages (in page order): furniture, headings, hyphens.

    The pages' drafts are consumed: their roles are set in place, then each page lets its drafts go,
    and each draft goes as its Line is made (a long report never holds both whole).
    """
    body_em = _body_em(pages)
    mark_furniture(pages, body_em)
    drafts = [d for page in pages for d in page.drafts]
    for page in pages:
        page.drafts = []
    ocr_pages = {page.number for page in pages if page.method == "ocr"}
    styled = document_is_styled(drafts, body_em, ocr_pages)
    mark_headings(drafts, body_em, ocr_pages, styled_doc=styled)
    drafts = merge_wrapped(drafts, body_em, ocr_pages)
    drafts.reverse()
    lines: list[Line] = []
    while drafts:
        lines.append(drafts.pop().to_line())
    return dehyphenate(lines)
