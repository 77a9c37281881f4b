"""``extract show FILE``: what the extractors saw, as text for a terminal or as JSON.

Per page, how its text was obtained (text layer or OCR, and why) and its lines in reading order
with their roles (heading, header, footer, footnote, ...); then the sections, one per lab, with
how sure the lab assignment is and the text the extractors read for it.

The text comes from the document, so it is hostile: an escape sequence in a PDF's text layer
would act on the terminal (retitle it, hide lines, fake a prompt), and a bidi override would
show text in another order than it is read. Every string printed is escaped first
(``extract.logs.terminal_safe``); the JSON escapes the same characters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extract.logs import json_terminal_safe, terminal_safe
from extract.models import Document, Line, Section

ROLE_WIDTH = 10


@dataclass(frozen=True)
class DocumentView:
    """A document as the extractors see it (``extract.pipeline.read_for_show``)."""

    document: Document
    lines: list[Line]
    sections: list[Section]


def _page_heading(view: DocumentView, number: int) -> str:
    page = next(p for p in view.document.pages if p.number == number)
    source = "OCR" if page.method == "ocr" else "text layer"
    conf = f", mean confidence {page.ocr.mean_conf:.2f}" if page.ocr and page.ocr.mean_conf is not None else ""
    return f"── page {number} · {source} · {page.reason}{conf}"


def _pages(sections: list[Section]) -> str:
    pages = sorted({line.page for section in sections for line in section.lines})
    if not pages:
        return "no lines"
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"


def render_text(view: DocumentView) -> Iterator[str]:
    """The lines to print, each already safe for a terminal."""
    source = view.document.source
    yield terminal_safe(f"{source.path}: {source.media_type}, {source.pages} page(s), sha256 {source.sha256[:12]}")
    for warning in view.document.warnings:
        yield terminal_safe(f"warning: {warning}")
    by_page: dict[int, list[Line]] = {}
    for line in view.lines:
        by_page.setdefault(line.page, []).append(line)
    for page in view.document.pages:
        yield ""
        yield terminal_safe(_page_heading(view, page.number))
        for warning in page.warnings:
            yield terminal_safe(f"   warning: {warning}")
        for line in by_page.get(page.number, []):
            yield terminal_safe(f"   {line.role:<{ROLE_WIDTH}} {line.text}")
    yield ""
    yield f"══ {len(view.sections)} section(s)"
    for number, section in enumerate(view.sections, start=1):
        yield ""
        language = section.language or "language unknown"
        yield terminal_safe(f"── section {number}: {section.title or '(no title)'}  [{section.kind}, {language}, "
                            f"assignment {section.assignment:.2f}, {_pages([section])}]")
        for field, value in section.table_fields.items():
            yield terminal_safe(f"   {field}: {value}")
        for line in section.lines:
            yield terminal_safe(f"   p{line.page:<3} {line.text}")
        for line in section.footnotes:
            yield terminal_safe(f"   note {line.text}")


def as_json(view: DocumentView) -> str:
    """The same as one line of JSON, with every control and bidi character escaped (pipe it to `jq`)."""
    by_page: dict[int, list[dict[str, Any]]] = {}
    for line in view.lines:
        by_page.setdefault(line.page, []).append(
            {"text": line.text, "role": line.role, "bbox": list(line.bbox), "conf": line.conf})
    data = {
        "source": view.document.source.model_dump(mode="json"),
        "warnings": list(view.document.warnings),
        "pages": [{"number": page.number, "method": page.method, "reason": page.reason,
                   "ocr_mean_conf": page.ocr.mean_conf if page.ocr else None, "warnings": list(page.warnings),
                   "lines": by_page.get(page.number, [])} for page in view.document.pages],
        "sections": [{"title": section.title, "kind": section.kind, "language": section.language,
                      "assignment": section.assignment, "pages": section.pages, "text": section.text,
                      "table_fields": dict(section.table_fields),
                      "footnotes": [line.text for line in section.footnotes]} for section in view.sections],
    }
    return json_terminal_safe(json.dumps(data, ensure_ascii=False))  # one line: structural newlines would be escaped
