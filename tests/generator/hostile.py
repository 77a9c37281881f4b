"""Small deterministic generators of hostile PDFs, written into a test's tmp_path (nothing stored in git).

    blank_pages_pdf(path, pages)      N empty pages sharing one empty content stream (every page needs OCR)
    flate_bomb_pdf(path, inflated_mb) one page whose content stream inflates to ``inflated_mb`` MB of zeros
                                      from about 1 KB per MB on disk (2 GB -> ~2 MB), built in about a second
    bomb_on_page_two_pdf(path, mb)    a text page, then a page whose content stream is such a bomb
    huge_text_page_pdf(path, words)   one page of 200,000 tiny words
    huge_page_pdf(path, side_pt)      one 14,000 x 14,000 pt page

The bomb's deflate data is one compressed 16 MB block of zeros repeated (after a full flush the
compressor's output for the same input is the same bytes), closed with the right Adler-32, so it is
a valid stream a reader inflates to the end.
"""

from __future__ import annotations

import zlib
from pathlib import Path

CHUNK = 16 << 20


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1..n; object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def blank_pages_pdf(path: Path, pages: int) -> Path:
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _stream(b""),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    path.write_bytes(_pdf(objects))
    return path


def zeros_deflated(megabytes: int) -> bytes:
    """zlib data that inflates to ``megabytes`` MB of zero bytes (a multiple of 16 MB, rounded up)."""
    chunks = max(1, -(-megabytes * (1 << 20) // CHUNK))
    zero = bytes(CHUNK)
    compressor = zlib.compressobj(9)
    first = compressor.compress(zero) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(zero) + compressor.flush(zlib.Z_FULL_FLUSH) if chunks > 1 else b""
    end = compressor.flush()  # the final empty block and a checksum for 1 or 2 chunks
    adler = 1
    for _ in range(chunks):
        adler = zlib.adler32(zero, adler)
    data = first + repeated * (chunks - 1) + end
    return data[:-4] + adler.to_bytes(4, "big")


def flate_bomb_pdf(path: Path, inflated_mb: int = 2048) -> Path:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _stream(zeros_deflated(inflated_mb), b"/Filter /FlateDecode "),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


def bomb_on_page_two_pdf(path: Path, inflated_mb: int = 2048, lines: tuple[str, ...] = ()) -> Path:
    """Page 1 a short text page (Helvetica, ``lines``), page 2's content stream a flate bomb."""
    lines = lines or ("Testlab Innovation Hub", "Budget: EUR 1.2 million per year", "Staff: 12 employees",
                      "Website: www.testlab.nl")
    text = b"BT /F1 12 Tf 72 760 Td 16 TL " + b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
        _stream(text),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>",
        _stream(zeros_deflated(inflated_mb), b"/Filter /FlateDecode "),
    ]
    path.write_bytes(_pdf(objects))
    return path


def huge_text_page_pdf(path: Path, words: int = 200_000, per_line: int = 100) -> Path:
    """One page whose text layer holds ``words`` tiny words (a dense table or a dump gone wrong)."""
    rows = -(-words // per_line)
    line = b"(" + b" ".join([b"word"] * per_line) + b") '"
    body = b"BT /F1 0.5 Tf 10 832 Td 0.4 TL " + b" ".join([line] * rows) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _stream(zlib.compress(body), b"/Filter /FlateDecode "),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


def huge_page_pdf(path: Path, side_pt: int = 14_000) -> Path:
    """One ``side_pt`` x ``side_pt`` pt page (PDF's own maximum is 14,400) with a line of text near the top."""
    text = b"BT /F1 200 Tf 500 %d Td (Testlab Innovation Hub) Tj ET" % (side_pt - 600)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _stream(text),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 3 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        % (side_pt, side_pt),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(_pdf(objects))
    return path
