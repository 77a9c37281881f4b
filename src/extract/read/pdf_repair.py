"""Damaged and protected PDFs: pdfium's page count, password errors, a rebuilt copy with qpdf, and
where OCR jobs render a rebuilt copy from."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from extract.errors import CorruptFileError, EncryptedFileError, InputFileError

log = logging.getLogger(__name__)

INLINE_PDF_BYTES = 8 * 1024 * 1024
"""A repaired PDF up to this size travels inside each OCR job; larger ones go through a temporary file."""
ENCRYPTED_HINT = ("the PDF is protected with a password; remove it with "
                   "`qpdf --decrypt --password=PW in.pdf out.pdf` and process the decrypted copy")


@contextlib.contextmanager
def render_target(path: Path, repaired: bytes | None) -> Iterator[tuple[Path, bytes | None]]:
    """(path, inline bytes) OCR jobs render from: the original, or a repaired copy (inline when small,
    else a temporary file, so a big copy is not pickled once per page)."""
    if repaired is None:
        yield path, None
        return
    if len(repaired) <= INLINE_PDF_BYTES:
        yield path, repaired
        return
    fd, name = tempfile.mkstemp(prefix="extract-repaired-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(repaired)
        yield Path(name), None
    finally:
        Path(name).unlink(missing_ok=True)


def pdfium_page_count(path: Path) -> int | None:
    """Page count by pypdfium2 (about a millisecond), or None when pdfium cannot open the file."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def is_password_error(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        err = stack.pop()
        if id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, PDFPasswordIncorrect):
            return True
        stack.extend(a for a in err.args if isinstance(a, BaseException))
        stack.extend(e for e in (err.__cause__, err.__context__) if e is not None)
    return False


def describe(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip() or type(inner).__name__
    return f"{type(inner).__name__}: {text[:200]}"


def repair(path: Path, reason: str | None) -> bytes:
    """Rebuild the PDF's structure with qpdf (pikepdf) into memory; Corrupt/EncryptedFileError when impossible."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            out = io.BytesIO()
            pdf.save(out)  # also drops an owner-only encryption
    except pikepdf.PasswordError as exc:
        raise EncryptedFileError(ENCRYPTED_HINT, path=str(path)) from exc
    except Exception as exc:
        raise CorruptFileError(f"the PDF is damaged and could not be repaired ({reason or describe(exc)}); "
                               "re-export or re-scan the document", path=str(path)) from exc
    log.info("%s: repaired in memory with qpdf", path)
    return out.getvalue()


def repair_quietly(path: Path) -> bytes | None:
    try:
        return repair(path, None)
    except InputFileError:
        return None
