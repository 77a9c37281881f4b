"""Plain text (.txt/.md, tests) as a Document: pages split on form feeds, synthetic word boxes."""

from __future__ import annotations

import hashlib

from extract.models import Document, Page, Source, Word

A4 = (595.28, 841.89)
_TEXT_MARGIN = 72.0
_TEXT_SIZE = 11.0
_TEXT_LINE = 13.2
_CHAR_WIDTH = 0.5 * _TEXT_SIZE


def document_from_text(text: str, *, name: str = "text.txt") -> Document:
    """A Document from plain text: pages split on form feeds, synthetic boxes (A4, 11 pt lines, fixed pitch)."""
    data = text.encode("utf-8")
    return text_document(text, name, hashlib.sha256(data).hexdigest(), len(data))


def text_document(text: str, path: str, sha256: str, size: int) -> Document:
    pages = [_text_page(number, chunk) for number, chunk in enumerate(text.split("\f"), start=1)]
    source = Source(path=path, sha256=sha256, media_type="text/plain", size=size, pages=len(pages))
    return Document(source=source, pages=pages)


def _text_page(number: int, text: str) -> Page:
    words: list[Word] = []
    lines = text.splitlines()
    for row, line in enumerate(lines):
        top = _TEXT_MARGIN + row * _TEXT_LINE
        col = 0
        for token in line.expandtabs(4).split(" "):
            if token:
                x0 = _TEXT_MARGIN + col * _CHAR_WIDTH
                words.append(Word(text=token, bbox=(round(x0, 2), round(top, 2),
                                                    round(x0 + len(token) * _CHAR_WIDTH, 2),
                                                    round(top + _TEXT_SIZE, 2)), size=_TEXT_SIZE))
            col += len(token) + 1
    longest = max((len(line.expandtabs(4)) for line in lines), default=0)
    width = max(A4[0], 2 * _TEXT_MARGIN + longest * _CHAR_WIDTH)
    height = max(A4[1], 2 * _TEXT_MARGIN + len(lines) * _TEXT_LINE)
    return Page(number=number, width=round(width, 2), height=round(height, 2), method="text",
                reason=f"text: {len(words)} words of plain text", words=words)
