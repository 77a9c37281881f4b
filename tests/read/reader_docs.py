"""Builders of small test documents for the reader tests, made at test time (reportlab, PIL)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

A4 = (595.28, 841.89)
LINES = [
    "Het programma werd opgericht in 2015 en heeft een jaarlijks budget.",
    "The team works with ministries on public services and digital tools.",
    "Le laboratoire accompagne les administrations dans leurs projets.",
    "Governance is shared between a steering board and an advisory group.",
    "Each year the unit publishes a report on its experiments and results.",
    "De medewerkers ontwikkelen prototypes samen met burgers en ambtenaren.",
]


def make_text_pdf(path: Path, pages: list[list[str]], *, font_size: float = 11, x: float = 72,
                  top: float = 100, leading: float = 16) -> Path:
    """A text PDF: each string drawn at (x, top + i * leading) from the top of the page, Helvetica."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        c.setFont("Helvetica", font_size)
        for i, line in enumerate(lines):
            c.drawString(x, A4[1] - (top + i * leading), line)
        c.showPage()
    c.save()
    return path


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def page_image(lines: list[str] = LINES, *, dpi: int = 200, size_pt: float = 12, repeat: int = 3) -> Image.Image:
    """A white A4 page image with the lines typeset in DejaVu Sans (grey 'L')."""
    w, h = int(A4[0] / 72 * dpi), int(A4[1] / 72 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = _font(int(size_pt / 72 * dpi))
    y = int(1.2 * dpi)
    for _ in range(repeat):
        for line in lines:
            draw.text((int(1.0 * dpi), y), line, fill=0, font=font)
            y += int(size_pt * 1.6 / 72 * dpi)
    return img


def pdf_bytes_of_image(img: Image.Image, dpi: int) -> bytes:
    out = io.BytesIO()
    img.save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def make_mixed_pdf(path: Path) -> Path:
    """Two A4 pages: page 1 a text layer of LINES, page 2 a scanned image of four of them (150 DPI)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scan = path.with_suffix(".scan.png")
    page_image(LINES[:4], dpi=150, repeat=1).save(scan)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(LINES):
        c.drawString(72, 700 - 16 * i, line)
    c.showPage()
    c.drawImage(ImageReader(str(scan)), 0, 0, width=A4[0], height=A4[1])  # a scanned page
    c.showPage()
    c.save()
    return path
