"""What a file is, from its bytes (never its name), plus its size check and content hash."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from extract.errors import NotADocumentError, TooLargeError
from extract.models import MediaType
from extract.settings import Settings

log = logging.getLogger(__name__)

HEAD_BYTES = 4096
PDF_HEADER_WINDOW = 1024
"""Readers accept junk before ``%PDF-`` within the first KiB (as Acrobat does)."""
TEXT_SUFFIXES = (".txt", ".md")
_PDF_BODY = re.compile(rb"(?:^|[\r\n])\s*\d{1,10}\s+\d{1,5}\s+obj\b")
"""A PDF whose header is missing or mangled still starts with numbered objects; readers accept it."""

# Magic numbers of things people put in report folders that we cannot read, with advice.
_OTHER_KINDS: tuple[tuple[bytes, str, str], ...] = (
    (b"PK\x03\x04", "zip archive or Office document (docx/xlsx/odt)", "export it as PDF first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (doc/xls/ppt)", "export it as PDF first"),
    (b"GIF8", "GIF image", "convert it to PNG or TIFF"),
    (b"\x1f\x8b", "gzip archive", "unpack it first"),
    (b"{\\rtf", "RTF document", "export it as PDF first"),
    (b"%!PS", "PostScript document", "convert it with `ps2pdf`"),
)


def sniff_bytes(head: bytes, name: str) -> MediaType:
    """Media type of a file from its first bytes; NotADocumentError (naming the detected kind) otherwise."""
    if not head:
        raise NotADocumentError("the file is empty (0 bytes); nothing to read")
    window = head[: PDF_HEADER_WINDOW + 5]
    if b"%PDF-" in window or window.startswith(b"%PDF") or _PDF_BODY.search(window[:PDF_HEADER_WINDOW]):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        raise NotADocumentError("not a PDF or page image (detected: BMP image); convert it to PNG or TIFF")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise NotADocumentError("not a PDF or page image (detected: WebP image); convert it to PNG or TIFF")
    for magic, kind, advice in _OTHER_KINDS:
        if head.startswith(magic):
            raise NotADocumentError(f"not a PDF or page image (detected: {kind}); {advice}")
    text = _as_text(head)
    if text is None:
        raise NotADocumentError("not a PDF or page image (detected: unknown binary data); "
                                "supported inputs are PDF, PNG, TIFF, JPEG and .txt/.md text")
    stripped = text.lstrip("\ufeff \t\r\n").lower()
    if stripped.startswith(("<!doctype html", "<html")) or "<html" in stripped[:1024] or "<body" in stripped[:1024]:
        raise NotADocumentError("not a PDF or page image (detected: HTML page); print or save it as PDF first")
    if stripped.startswith("<?xml") or stripped.startswith("<svg"):
        raise NotADocumentError("not a PDF or page image (detected: XML/SVG); export it as PDF first")
    if name.lower().endswith(TEXT_SUFFIXES):
        return "text/plain"
    raise NotADocumentError(f"not a PDF or page image (detected: plain text named {name!r}); "
                            "rename it to .txt to read it as text, or supply the original PDF")


def _as_text(head: bytes) -> str | None:
    """The bytes as UTF-8 text (a cut multi-byte sequence at the end is allowed), or None for binary."""
    if b"\x00" in head:
        return None
    for cut in range(4):
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sniff_file(path: Path, settings: Settings) -> tuple[MediaType, int]:
    """(media type, size in bytes) of ``path``; TooLargeError over ``limits.max_file_bytes``."""
    size = path.stat().st_size
    limit = settings.limits.max_file_bytes
    if size > limit:
        raise TooLargeError(f"the file is {size / 1e6:.1f} MB, over limits.max_file_bytes ({limit / 1e6:.1f} MB); "
                            "split it or raise the limit", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    try:
        media = sniff_bytes(head, path.name)
    except NotADocumentError as exc:
        exc.path = str(path)
        raise
    log.debug("%s: %s, %d bytes", path, media, size)
    return media, size
