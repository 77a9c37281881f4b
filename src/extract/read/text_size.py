"""How many characters a PDF page's text operators draw, counted in its content streams before
pdfminer and pdfplumber parse the page.

Parsing costs about 2 KB of worker memory per character (an ``LTChar`` and pdfplumber's dict of
it): a page of a million characters needs gigabytes. Left to the worker's address-space cap, such a
page ended where the allocation failed (a ``MemoryError``, a C library's abort or a segfault, or an
error taken for an unreadable text layer and sent to OCR), which varied with the machine's load.
This count is the same every time: the page is skipped before it is parsed
(``text_pages.text_layer_page``; ``limits.max_page_chars``).

What is counted: the bytes of every string operand (literal strings with their escapes decoded,
hex strings) in the page's content streams and in the form XObjects they draw, each form once
(a form drawn many times, or text drawn by a Type 3 font's glyphs, is left to the memory cap).
A character is one byte in a simple font and two in most CID fonts. Inline image data and
comments are skipped.
"""

from __future__ import annotations

import re
from typing import Any

_START = re.compile(rb"[%(<I]")  # what may start a comment, a string, a dictionary or inline image data
_LINE_END = re.compile(rb"[\r\n]")
_HEX_STRING = re.compile(rb"<[0-9A-Fa-f\s]*+>")
_FLAT_STRING = re.compile(rb"\((?:[^()\\]++|\\.)*+\)", re.S)  # possessive: no backtracking
_STRING_SPECIAL = re.compile(rb"[()\\]")
_ESCAPE = re.compile(rb"\\(?:[0-7]{1,3}|\r\n|.)", re.S)
_END_OF_IMAGE = re.compile(rb"\sEI(?=[\s\[\]()<>/%]|$)")
_HEX_DIGIT = re.compile(rb"[0-9A-Fa-f]")
_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s\[\]()<>{}/%])")  # an XObject drawn: its name
_DELIMITERS = frozenset(b" \t\r\n\f\0[]()<>/%")


def string_bytes(content: bytes) -> int:
    """Bytes of the string operands in one content stream (in time linear in its length)."""
    total = 0
    position = 0
    search = _START.search
    while True:
        match = search(content, position)
        if match is None:
            return total
        at = match.start()
        first = content[at]
        if first == 0x28:  # (
            length, position = _literal(content, at)
            total += length
        elif first == 0x25:  # %
            line_end = _LINE_END.search(content, at)
            position = line_end.end() if line_end is not None else len(content)
        elif first == 0x3C:  # <
            hex_string = None if content[at + 1:at + 2] == b"<" else _HEX_STRING.match(content, at)
            if hex_string is not None:
                total += (len(_HEX_DIGIT.findall(hex_string.group())) + 1) // 2
                position = hex_string.end()
            else:
                position = at + 2 if content[at + 1:at + 2] == b"<" else at + 1
        elif (content[at + 1:at + 2] == b"D" and (at == 0 or content[at - 1] in _DELIMITERS)
              and content[at + 2:at + 3].isspace()):  # ID: an inline image's data follows
            end = _END_OF_IMAGE.search(content, at + 2)
            if end is None:
                return total
            position = end.end()
        else:
            position = at + 1


def _literal(content: bytes, start: int) -> tuple[int, int]:
    """(decoded length, end) of the literal string at ``start`` (an unclosed one runs to the end)."""
    flat = _FLAT_STRING.match(content, start)  # most strings: no parentheses inside
    if flat is not None:
        body = flat.group()[1:-1]
        return (len(_ESCAPE.sub(b"_", body)) if b"\\" in body else len(body)), flat.end()
    depth, position, length = 1, start + 1, 0
    while depth:
        special = _STRING_SPECIAL.search(content, position)
        if special is None:
            return length + len(content) - position, len(content)
        length += special.start() - position
        if content[special.start()] == 0x5C:  # a backslash: one byte, whatever its escape's length
            escape = _ESCAPE.match(content, special.start())
            position = escape.end() if escape is not None else special.start() + 1
            length += 1
            continue
        depth += 1 if content[special.start()] == 0x28 else -1
        position = special.start() + 1
        length += 1 if depth else 0
    return length, position


def page_text_bytes(page: Any) -> int:
    """``string_bytes`` of a pdfminer ``PDFPage``: its content streams and the forms they draw.

    Only forms a stream draws (``/Name Do``) count, each once: a resource dictionary shared by
    every page may name the forms of the whole document. Streams are inflated as the parser will
    inflate them (and kept: it does not inflate them again), through ``inflate.BoundedZlib`` when
    that is installed; its ``StreamTooLarge`` passes.
    """
    from pdfminer.pdftypes import PDFStream, resolve1

    total = 0
    seen: set[int] = set()
    page_resources = resolve1(page.resources)
    todo: list[tuple[Any, Any]] = [(resolve1(ref), page_resources) for ref in page.contents or ()]
    while todo:
        stream, resources = todo.pop()
        if not isinstance(stream, PDFStream) or id(stream) in seen:
            continue
        seen.add(id(stream))
        data = stream.get_data()
        total += string_bytes(data)
        drawn = set(_DRAW.findall(data))
        xobjects = resolve1(resources.get("XObject")) if drawn and isinstance(resources, dict) else None
        if not isinstance(xobjects, dict):
            continue
        for name in drawn:
            form = resolve1(xobjects.get(name.decode("latin-1")))
            if isinstance(form, PDFStream) and getattr(resolve1(form.get("Subtype")), "name", None) == "Form":
                own = resolve1(form.get("Resources"))
                todo.append((form, own if isinstance(own, dict) else resources))
    return total
