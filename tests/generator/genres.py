"""Genre corpus: documents of many genres (slides, letters, web pages, e-mails, forms, ...)
about real public-sector innovation labs, with gold records.

Each document is one data file ``data/genres/<stem>.yml`` (format below). This module typesets
it with reportlab (DejaVu fonts, ``invariant=1``), writes the text in reading order and the gold
JSON, and makes the scanned variants listed under ``scans:`` with ``scan.py``.

Output, under ``<root>/tests/fixtures/genres/``:
- ``<stem>.pdf`` (text PDF) and the scans (``*.pdf`` image-only, ``*.tiff``, ``*-p<N>.png``);
- ``text/<stem>.txt``: the text of the text PDF in reading order, pages separated by form feed;
- ``gold/<stem>.json`` for every document and every scan (named after the scan's stem), in the
  corpus gold shape plus top-level ``genre`` and ``language``;
- ``scans/<stem>.json`` for every scan: seed, DPI, per-page skew (ground truth).

Run ``python tests/generator/genres.py [root]`` or ``make_all.py --only genres``.

Spec keys (required: stem, genre, language, blocks, gold):
``page`` a4 | a4-landscape | slide | phone | web; ``columns`` 1 | 2; ``running_header``;
``running_footer`` (``{page}`` and ``{pages}`` are filled in); ``letterhead`` (list of lines,
top of page 1). Optional keys added by this renderer: ``font`` (sans | serif; papers, letters
and minutes default to serif), ``url`` (web: the URL printed in the browser footer; phone: the
address bar; default: the first gold website), ``printed`` (web: the date and time the browser
printed in its header), ``app`` (phone: app-bar title when there is no ``url``), ``clock`` and
``battery`` (phone status bar), ``full_width_head`` (two columns: how many leading blocks go full
width; default the leading title/subtitle blocks), ``pdf_title``.

Blocks: title, subtitle, h1, h2, h3, hb, p, small, caption, bullets, numbered, table, kv, form,
checkbox, footnote, quote, nav, banner, button (+ ``url``), social, email_header, signature,
screenshot, slide, space, pagebreak, framebreak. See ``tests/fixtures/genres/README.md``.

Scans (``scans:`` list): ``kind`` pdf | tiff | png, ``file``, ``dpi``, ``seed``; optional
``pages`` (1-based list, default all; at most 3 pages are scanned), ``quality`` (JPEG, 60),
``noise``, ``skew`` ([low, high] degrees), ``grey_bits`` (TIFF/PNG scans are stored with 16 grey
levels by default, 8 = full greyscale), ``tiff_dpi`` (stored DPI, default min(dpi, 250)), ``records`` (names of the gold records visible on the
scanned pages; default all), ``damage`` (png: false for a clean screenshot; phone pages default
to false). PNG scans write one file per page (``<file stem>-p<N>.png``); the gold goes with the
first page file only when the scan covers a single page or ``records`` is given.
"""

from __future__ import annotations

import copy
import io
import json
import logging
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from PIL import ImageOps

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
if __package__:
    from . import scan
else:  # run as a script: make `tests.generator` importable
    sys.path.insert(0, str(REPO))
    from tests.generator import scan

log = logging.getLogger(__name__)

DATA_DIR = HERE / "data" / "genres"
GENRES_REL = Path("tests/fixtures/genres")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

GENRES = {
    "annual-report", "paper", "slides", "web-page", "letter", "newsletter", "email", "phone-screenshot", "form",
    "fact-sheet", "grant-report", "policy-brief", "press-release", "minutes", "directory", "interview",
    "wiki-article", "prose-headings", "prose-plain",
}
LANGUAGES = {"en", "nl", "fr"}
RECORD_KEYS = ("name", "acronym", "country", "website", "founded_year", "budget", "staff", "governance", "funding_sources")
SERIF_GENRES = {"paper", "letter", "minutes"}
MAX_SCAN_PAGES = 3
MAX_TIFF_DPI = 250

INK = "#1d3557"
GREY = "#666666"


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Geometry:
    """Page size and bands (points, reportlab origin bottom-left)."""

    width: float
    height: float
    margin_x: float
    header_y: float  # baseline of the running header
    frame_top: float
    frame_bottom: float
    footnote_top: float
    footer_y: float
    body_size: float
    gutter: float = 18.0


def geometry(page: str, columns: int) -> Geometry:
    if page in ("a4", "web"):
        w, h = 595.28, 841.89
        if page == "web":
            return Geometry(w, h, 48, h - 24, h - 48, 64, 58, 18, 9.5)
        return Geometry(w, h, 62, h - 34, h - 52, 100, 94, 34, 9.0 if columns == 2 else 10.0)
    if page == "a4-landscape":
        w, h = 841.89, 595.28
        return Geometry(w, h, 56, h - 30, h - 48, 90, 84, 28, 9.5)
    if page == "slide":
        w, h = 960.0, 540.0
        return Geometry(w, h, 54, h - 22, h - 36, 56, 50, 22, 17.0, gutter=30)
    if page == "phone":
        w, h = 360.0, 780.0
        return Geometry(w, h, 18, h - 16, h - 78, 58, 56, 20, 10.5, gutter=10)
    raise ValueError(f"unknown page kind {page!r}")


# --------------------------------------------------------------------------- fonts and styles


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "GSerif" in pdfmetrics.getRegisteredFontNames():
        return
    for family, files in (
        ("GSans", ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")),
        ("GSerif", ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic")),
    ):
        names = [family, family + "-Bold", family + "-Italic", family + "-BoldItalic"]
        for name, file in zip(names, files):
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{file}.ttf")))
        addMapping(family, 0, 0, names[0])
        addMapping(family, 1, 0, names[1])
        addMapping(family, 0, 1, names[2])
        addMapping(family, 1, 1, names[3])


def _styles(size: float, family: str, page: str) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    bold, italic = family + "-Bold", family + "-Italic"
    sans, sans_bold = "GSans", "GSans-Bold"
    justify = TA_JUSTIFY if page in ("a4", "a4-landscape") else TA_LEFT
    big = page == "slide"
    base = ParagraphStyle("body", fontName=family, fontSize=size, leading=size * 1.35, spaceAfter=size * 0.6,
                          alignment=justify)
    ink = colors.HexColor(INK)
    title_size = 30 if big else (17 if page == "phone" else 19)
    return {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "small": ParagraphStyle("small", parent=base, fontSize=size - 2, leading=(size - 2) * 1.3, alignment=TA_LEFT,
                                textColor=colors.HexColor("#444444")),
        "title": ParagraphStyle("title", parent=base, fontName=sans_bold, fontSize=title_size,
                                leading=title_size * 1.22, alignment=TA_LEFT, spaceAfter=8, textColor=ink),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName=sans if family == "GSans" else italic,
                                   fontSize=size + 1.5, leading=(size + 1.5) * 1.3, alignment=TA_LEFT, spaceAfter=12,
                                   textColor=colors.HexColor("#444444")),
        "slidetitle": ParagraphStyle("slidetitle", parent=base, fontName=sans_bold, fontSize=26, leading=31,
                                     alignment=TA_LEFT, spaceAfter=16, textColor=ink),
        "h1": ParagraphStyle("h1", parent=base, fontName=sans_bold, fontSize=size + 4, leading=(size + 4) * 1.25,
                             spaceBefore=size * 0.8, spaceAfter=size * 0.5, alignment=TA_LEFT, textColor=ink),
        "h2": ParagraphStyle("h2", parent=base, fontName=sans_bold, fontSize=size + 2, leading=(size + 2) * 1.25,
                             spaceBefore=size * 0.6, spaceAfter=size * 0.4, alignment=TA_LEFT),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=size + 0.5, leading=(size + 0.5) * 1.3,
                             spaceBefore=size * 0.4, spaceAfter=size * 0.3, alignment=TA_LEFT),
        "hb": ParagraphStyle("hb", parent=base, fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.3,
                             spaceBefore=4, spaceAfter=6, alignment=TA_LEFT),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=size * 1.5, bulletIndent=size * 0.3,
                                 bulletFontName=family, spaceAfter=size * (0.5 if big else 0.25), alignment=TA_LEFT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=0,
                               alignment=TA_LEFT),
        "cellnum": ParagraphStyle("cellnum", parent=base, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=0,
                                  alignment=2),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName=bold, fontSize=size - 1,
                                   leading=(size - 1) * 1.25, spaceAfter=0, alignment=TA_LEFT),
        "caption": ParagraphStyle("caption", parent=base, fontName=italic, fontSize=size - 1.5,
                                  leading=(size - 1.5) * 1.3, alignment=TA_LEFT, spaceBefore=2, spaceAfter=4),
        "footnote": ParagraphStyle("footnote", parent=base, fontSize=7.5 if not big else 10, leading=9.3 if not big else 12,
                                   alignment=TA_LEFT, spaceAfter=0),
        "quote": ParagraphStyle("quote", parent=base, fontName=italic, fontSize=size + 1.5, leading=(size + 1.5) * 1.35,
                                alignment=TA_LEFT, textColor=ink, spaceAfter=0),
        "q": ParagraphStyle("q", parent=base, fontName=sans_bold, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
                            alignment=TA_LEFT, spaceAfter=2, spaceBefore=4),
        "answer": ParagraphStyle("answer", parent=base, fontName="GSans", fontSize=size, leading=size * 1.3,
                                 alignment=TA_LEFT, spaceAfter=0),
        "nav": ParagraphStyle("nav", parent=base, fontName=sans_bold, fontSize=size - 0.5, leading=(size - 0.5) * 1.3,
                              alignment=TA_LEFT, textColor=colors.white, spaceAfter=0),
        "banner": ParagraphStyle("banner", parent=base, fontName=sans, fontSize=size - 1.5, leading=(size - 1.5) * 1.3,
                                 alignment=TA_LEFT, spaceAfter=0),
        "social": ParagraphStyle("social", parent=base, fontName=sans, fontSize=size - 1.5, leading=(size - 1.5) * 1.4,
                                 alignment=TA_LEFT, textColor=colors.HexColor("#335c99")),
        "mailsubject": ParagraphStyle("mailsubject", parent=base, fontName=sans_bold, fontSize=size + 3,
                                      leading=(size + 3) * 1.25, alignment=TA_LEFT, spaceAfter=6),
        "maillabel": ParagraphStyle("maillabel", parent=base, fontName=sans, fontSize=size - 1, leading=(size - 1) * 1.3,
                                    alignment=TA_LEFT, spaceAfter=0, textColor=colors.HexColor("#777777")),
        "mailvalue": ParagraphStyle("mailvalue", parent=base, fontName=sans, fontSize=size - 1, leading=(size - 1) * 1.3,
                                    alignment=TA_LEFT, spaceAfter=0),
        "sig": ParagraphStyle("sig", parent=base, alignment=TA_LEFT, spaceAfter=0),
    }


# --------------------------------------------------------------------------- custom flowables


def _flowable_classes() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class Button(Flowable):
        """A rounded button with its label (real text)."""

        def __init__(self, label: str, size: float) -> None:
            super().__init__()
            self.label, self.size = label, size
            self.w = stringWidth(label, "GSans-Bold", size) + 2.4 * size
            self.h = 2.3 * size

        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            self.w = min(self.w, avail_w)
            return self.w, self.h + 4

        def draw(self) -> None:
            c = self.canv
            c.setFillColor(colors.HexColor("#c0392b"))
            c.roundRect(0, 4, self.w, self.h, self.h / 4, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont("GSans-Bold", self.size)
            c.drawCentredString(self.w / 2, 4 + self.h / 2 - self.size * 0.35, self.label)

    class Picture(Flowable):
        """A grey box standing for an embedded picture: shapes, no text."""

        def __init__(self, height: float, seed: int) -> None:
            super().__init__()
            self.h, self.seed = height, seed

        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            self.w = avail_w
            return avail_w, self.h

        def draw(self) -> None:
            c = self.canv
            rng = random.Random(self.seed)
            c.setFillColor(colors.HexColor("#d5d8dc"))
            c.rect(0, 0, self.w, self.h, stroke=0, fill=1)
            for _ in range(5):
                grey = rng.choice(("#b8bec4", "#c7ccd1", "#aab1b8", "#e3e6e8"))
                c.setFillColor(colors.HexColor(grey))
                x, y = rng.uniform(0, self.w * 0.7), rng.uniform(0, self.h * 0.6)
                c.rect(x, y, rng.uniform(0.1, 0.3) * self.w, rng.uniform(0.2, 0.4) * self.h, stroke=0, fill=1)
            c.setFillColor(colors.HexColor("#9aa3ab"))
            c.circle(self.w * 0.82, self.h * 0.72, self.h * 0.1, stroke=0, fill=1)

    class Rule(Flowable):
        def __init__(self, color: str = "#999999", width: float = 0.5, space: float = 6) -> None:
            super().__init__()
            self.color, self.lw, self.space = color, width, space

        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            self.w = avail_w
            return avail_w, self.space

        def draw(self) -> None:
            self.canv.setStrokeColor(colors.HexColor(self.color))
            self.canv.setLineWidth(self.lw)
            self.canv.line(0, self.space / 2, self.w, self.space / 2)

    return {"Button": Button, "Picture": Picture, "Rule": Rule}


# --------------------------------------------------------------------------- blocks


NUMERIC = re.compile(r"^[\s(\-–−+]*[€$£]?\s?[\d][\d\s.,'’]*\s?(%|k|m|M|k€|M€|€)?\)?$")
MAIL_LABELS = {
    "en": ("From", "To", "Cc", "Date", "Subject"),
    "nl": ("Van", "Aan", "Cc", "Datum", "Onderwerp"),
    "fr": ("De", "À", "Cc", "Date", "Objet"),
}


def _sup(text: str, numbers: list[int]) -> str:
    return text + "".join(f"<super>{n}</super>" for n in numbers) if numbers else text


def _footnote_markers(blocks: list[dict[str, Any]]) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Footnote numbers per block index (the block the marker goes after) and the notes' texts."""
    markers: dict[int, list[int]] = {}
    notes: dict[int, str] = {}
    last = None
    n = 0
    for i, block in enumerate(blocks):
        kind = next(iter(block))
        if kind == "footnote":
            n += 1
            notes[n] = block[kind]
            if last is not None:
                markers.setdefault(last, []).append(n)
        else:
            last = i
    return markers, notes


class Builder:
    """Turns a spec's blocks into flowables for one page kind."""

    def __init__(self, spec: dict[str, Any], geo: Geometry, styles: dict[str, Any], body_w: float) -> None:
        self.spec, self.geo, self.styles, self.body_w = spec, geo, styles, body_w
        self.page_kind = spec.get("page", "a4")
        self.lang = spec["language"]
        self.cls = _flowable_classes()
        self.pictures = 0

    def build(self, blocks: list[dict[str, Any]], head: int) -> list[Any]:
        from reportlab.platypus import FrameBreak, PageBreak

        markers, notes = _footnote_markers(blocks)
        out: list[Any] = []
        page_has_content = False
        for i, block in enumerate(blocks):
            kind = next(iter(block))
            value = block[kind]
            nums = markers.get(i, [])
            if kind == "footnote":
                continue
            if kind == "slide":
                if page_has_content:
                    out.append(PageBreak())
                out.extend(self.slide_title(value, nums))
                page_has_content = True
            elif kind == "pagebreak":
                out.append(PageBreak())
                page_has_content = False
                continue
            else:
                parts = self.block(kind, value, block, nums)
                if nums:
                    note_items = [(n, notes[n]) for n in nums]
                    for part in parts[-2:]:
                        part._genre_notes = note_items
                out.extend(parts)
                page_has_content = True
            if head and i == head - 1:
                out.append(FrameBreak())
        if not markers and any(next(iter(b)) == "footnote" for b in blocks):
            log.warning("%s: a footnote with no block before it", self.spec["stem"])
        # Footnotes with no block before them: printed on the first page.
        orphans = [(n, notes[n]) for n in notes if not any(n in v for v in markers.values())]
        if orphans and out:
            out[0]._genre_notes = orphans
        return out

    # ----- individual blocks

    def para(self, text: Any, style: str) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(str(text), self.styles[style])

    def slide_title(self, text: str, nums: list[int]) -> list[Any]:
        return [self.para(_sup(text, nums), "slidetitle"), self.cls["Rule"](INK, 1.2, 10)]

    def block(self, kind: str, value: Any, block: dict[str, Any], nums: list[int]) -> list[Any]:
        from reportlab.platypus import CondPageBreak, FrameBreak, Spacer

        s = self.styles
        size = self.geo.body_size
        if kind == "title":
            lead = [Spacer(1, 120)] if self.page_kind == "slide" else []
            return [*lead, self.para(_sup(value, nums), "title")]
        if kind in ("subtitle", "caption", "small"):
            return [self.para(_sup(value, nums), kind)]
        if kind in ("h1", "h2", "h3", "hb"):
            return [CondPageBreak(size * 6), self.para(_sup(value, nums), kind)]
        if kind == "p":
            return [self.para(_sup(value, nums), "body")]
        if kind in ("bullets", "numbered"):
            items = list(value)
            out = []
            for k, item in enumerate(items):
                text = _sup(item, nums) if k == len(items) - 1 else item
                bullet = "\u2022" if kind == "bullets" else f"{k + 1}."
                from reportlab.platypus import Paragraph

                out.append(Paragraph(str(text), s["bullet"], bulletText=bullet))
            out.append(Spacer(1, size * 0.4))
            return out
        if kind == "table":
            return self.table(value, nums)
        if kind == "kv":
            return self.kv(value, nums)
        if kind == "form":
            return self.form(value, nums)
        if kind == "checkbox":
            return self.checkbox(value, nums)
        if kind == "quote":
            return self.quote(value, nums)
        if kind == "nav":
            return self.nav(value)
        if kind == "banner":
            return self.banner(value, nums)
        if kind == "button":
            out = [Spacer(1, 4), self.cls["Button"](str(value), size)]
            if block.get("url"):
                out.append(self.para(_sup(block["url"], nums), "small"))
            out.append(Spacer(1, size * 0.6))
            return out
        if kind == "social":
            return [self.para(_sup("\u00a0\u00a0·\u00a0\u00a0".join(value), nums), "social")]
        if kind == "email_header":
            return self.email_header(value, nums)
        if kind == "signature":
            lines = list(value)
            out = [Spacer(1, size * 2.2)]
            for k, line in enumerate(lines):
                text = f"<b>{line}</b>" if k == 0 else line
                out.append(self.para(_sup(text, nums) if k == len(lines) - 1 else text, "sig"))
            out.append(Spacer(1, size))
            return out
        if kind == "screenshot":
            self.pictures += 1
            height = {"slide": 190, "phone": 150}.get(self.page_kind, 120)
            seed = sum(map(ord, self.spec["stem"])) + self.pictures
            out = [Spacer(1, 4), self.cls["Picture"](height, seed)]
            if value:
                out.append(self.para(_sup(value, nums), "caption"))
            else:
                out.append(Spacer(1, 6))
            return out
        if kind == "space":
            return [Spacer(1, float(value))]
        if kind == "framebreak":
            return [FrameBreak()]
        raise ValueError(f"{self.spec['stem']}: unknown block type {kind!r}")

    def _cell(self, text: Any, header: bool = False, scale: float = 1.0) -> Any:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Paragraph

        text = "" if text is None else str(text)
        name = "cellhead" if header else ("cellnum" if NUMERIC.match(text) else "cell")
        style = self.styles[name]
        if scale < 1.0:
            style = ParagraphStyle(f"{name}-{scale:.2f}", parent=style, fontSize=style.fontSize * scale,
                                   leading=style.leading * scale)
        return Paragraph(text, style)

    def _words_need(self, rows: list[list[Any]], ncols: int, size: float) -> list[float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        need = [0.0] * ncols
        for row in rows:
            for i, cell in enumerate(row[:ncols]):
                words = re.sub(r"<[^>]+>", "", str(cell or "")).split()
                if words:
                    need[i] = max(need[i], max(stringWidth(w, "GSans-Bold", size) for w in words) + 12)
        return need

    def _scale(self, widths: list[float], rows: list[list[Any]]) -> float:
        """A smaller type size for a table whose longest words do not fit its width (narrow columns)."""
        need = sum(self._words_need(rows, len(widths), self.geo.body_size - 1))
        return 1.0 if need <= sum(widths) else max(0.72, sum(widths) / need)

    def table(self, value: dict[str, Any], nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        header = value.get("header")
        rows = [list(r) for r in value.get("rows", [])]
        ncols = len(header) if header else max(len(r) for r in rows)
        caption = value.get("caption")
        if nums:
            if caption:
                caption = _sup(caption, nums)
            elif rows:
                rows[-1][-1] = _sup(str(rows[-1][-1]), nums)
        widths = value.get("widths") or [1.0 / ncols] * ncols
        total = sum(widths)
        widths = [w / total * self.body_w for w in widths] if total > 1.001 else [w * self.body_w for w in widths]
        scale = self._scale(widths, ([header] if header else []) + rows)
        widths = self._fit_words(widths, ([header] if header else []) + rows, scale)
        data = []
        if header:
            data.append([self._cell(h, True, scale) for h in header])
        for row in rows:
            row = row + [""] * (ncols - len(row))
            data.append([self._cell(c, False, scale) for c in row])
        ruled = value.get("ruled", True)
        pad = 3 if self.page_kind == "phone" else 4
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), pad - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
        ]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")))
            if header:
                commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")))
        elif header:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#333333")))
        table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        parts: list[Any] = [table]
        if caption:
            parts.insert(0, self.para(caption, "caption"))
        gap = Spacer(1, self.geo.body_size * 0.8)
        if len(data) < 25:
            return [KeepTogether(parts), gap]
        return [*parts, gap]  # long tables split over pages (header row repeated)

    def _fit_words(self, widths: list[float], rows: list[list[Any]], scale: float = 1.0) -> list[float]:
        """Widen columns too narrow for their longest word (a year must not break as 201/0),
        taking the room from the column with the most to spare."""
        need = self._words_need(rows, len(widths), (self.geo.body_size - 1) * scale)
        widths = list(widths)
        for i, w in enumerate(widths):
            if need[i] > w:
                spare = [(widths[j] - need[j], j) for j in range(len(widths)) if j != i]
                if not spare:
                    break
                room, j = max(spare)
                take = min(need[i] - w, max(0.0, room))
                widths[i] += take
                widths[j] -= take
        return widths

    def kv(self, value: dict[str, Any], nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        rows = [list(r) for r in value["rows"]]
        if nums and rows:
            rows[-1][1] = _sup(str(rows[-1][1]), nums)
        widths = [w * self.body_w for w in (value.get("widths") or [0.3, 0.7])]
        widths = self._fit_words(widths, rows)
        data = [[self._cell(k, True), self.para(str(v), "cell")] for k, v in rows]
        table = Table(data, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 0.7, colors.HexColor("#556677")),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#b0b8c0")),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f2f5f8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ]))
        parts: list[Any] = [table]
        if value.get("caption"):
            parts.insert(0, self.para(value["caption"], "caption"))
        return [KeepTogether(parts), Spacer(1, self.geo.body_size * 0.8)]

    def form(self, items: list[dict[str, Any]], nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

        out = []
        for k, item in enumerate(items):
            answer = "" if item.get("a") is None else str(item.get("a"))
            if k == len(items) - 1:
                answer = _sup(answer, nums)
            box = Table([[self.para(answer or "\u00a0", "answer")]], colWidths=[self.body_w], hAlign="LEFT")
            box.setStyle(TableStyle([
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#777777")),
                ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]))
            out.append(KeepTogether([self.para(item["q"], "q"), box]))
        out.append(Spacer(1, self.geo.body_size * 0.6))
        return out

    def checkbox(self, value: dict[str, Any], nums: list[int]) -> list[Any]:
        from reportlab.platypus import KeepTogether

        checked = set(value.get("checked") or [])
        boxes = "\u00a0\u00a0\u00a0\u00a0".join(
            ("\u2612" if opt in checked else "\u2610") + "\u00a0" + str(opt) for opt in value["options"])
        return [KeepTogether([self.para(value["q"], "q"), self.para(_sup(boxes, nums), "left")])]

    def quote(self, text: str, nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer, Table, TableStyle

        cell = self.para(_sup(text, nums), "quote")
        table = Table([[cell]], colWidths=[self.body_w * 0.92], hAlign="CENTER")
        table.setStyle(TableStyle([
            ("LINEBEFORE", (0, 0), (0, 0), 3, colors.HexColor("#c0392b")),
            ("LEFTPADDING", (0, 0), (-1, -1), 12), ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return [Spacer(1, 4), table, Spacer(1, self.geo.body_size)]

    def nav(self, items: list[str]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer, Table, TableStyle

        text = "\u00a0\u00a0\u00a0\u00a0\u00a0 ".join(str(i).replace(" ", "\u00a0") for i in items)
        table = Table([[self.para(text, "nav")]], colWidths=[self.body_w], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(INK)),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]))
        return [table, Spacer(1, self.geo.body_size)]

    def banner(self, text: str, nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer, Table, TableStyle

        table = Table([[self.para(_sup(text, nums), "banner")]], colWidths=[self.body_w], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f1e8")),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#8a7f5a")),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ]))
        return [table, Spacer(1, self.geo.body_size)]

    def email_header(self, value: dict[str, Any], nums: list[int]) -> list[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import Spacer, Table, TableStyle

        frm, to, cc, date, subject = MAIL_LABELS.get(self.lang, MAIL_LABELS["en"])
        rows = [(frm, value.get("from")), (to, value.get("to")), (cc, value.get("cc")), (date, value.get("date"))]
        rows = [(k, v) for k, v in rows if v]
        data = [[self.para(k + ":", "maillabel"), self.para(str(v), "mailvalue")] for k, v in rows]
        data.append([self.para(subject + ":", "maillabel"), self.para(_sup(str(value.get("subject", "")), nums), "mailvalue")])
        table = Table(data, colWidths=[self.body_w * 0.16, self.body_w * 0.84], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.HexColor("#999999")),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]))
        out = []
        if value.get("subject"):
            out.append(self.para(str(value["subject"]), "mailsubject"))
        out += [table, Spacer(1, self.geo.body_size)]
        return out


# --------------------------------------------------------------------------- typesetting


@dataclass
class Rendered:
    path: Path
    pages: int
    regions: list[list[tuple[float, float, float, float]]] = field(default_factory=list)


def _head_count(spec: dict[str, Any]) -> int:
    if int(spec.get("columns", 1)) != 2:
        return 0
    if "full_width_head" in spec:
        return int(spec["full_width_head"])
    n = 0
    for block in spec["blocks"]:
        if next(iter(block)) in ("title", "subtitle"):
            n += 1
        else:
            break
    return n


def _letterhead_height(spec: dict[str, Any]) -> float:
    lines = spec.get("letterhead") or []
    return 0.0 if not lines else 30.0 + 11.0 * len(lines)


def typeset(spec: dict[str, Any], out: Any, total_pages: int | None = None) -> tuple[int, dict[int, str], float]:
    """Lay out one document into ``out`` (path or file object). Returns the page count, the template
    of each page and the height of the full-width head band (two columns)."""
    from reportlab.lib import colors
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

    _register_fonts()
    page = spec.get("page", "a4")
    columns = int(spec.get("columns", 1))
    geo = geometry(page, columns)
    W, H, mx = geo.width, geo.height, geo.margin_x
    family = {"serif": "GSerif", "sans": "GSans"}[spec.get("font", "serif" if spec["genre"] in SERIF_GENRES else "sans")]
    styles = _styles(geo.body_size, family, page)
    body_w = W - 2 * mx
    col_w = (body_w - geo.gutter) / 2 if columns == 2 else body_w
    first_top = geo.frame_top - _letterhead_height(spec)

    head = _head_count(spec)
    head_blocks = spec["blocks"][:head]
    builder = Builder(spec, geo, styles, col_w)
    head_h = 0.0
    if head:
        hb = Builder(spec, geo, styles, body_w).build(head_blocks, 0)
        for f in hb:
            _, h = f.wrap(body_w, H)
            head_h += h + f.getSpaceBefore() + f.getSpaceAfter()
        head_h += 6
        story = hb + [_framebreak()] + builder.build(spec["blocks"][head:], 0)
    else:
        story = builder.build(spec["blocks"], 0)

    page_templates: dict[int, str] = {}
    footnotes: dict[int, list[tuple[int, str]]] = {}
    full = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def columns_at(top: float) -> list[Any]:
        if columns == 2:
            return [Frame(mx, geo.frame_bottom, col_w, top - geo.frame_bottom, id="left", **full),
                    Frame(mx + col_w + geo.gutter, geo.frame_bottom, col_w, top - geo.frame_bottom, id="right", **full)]
        return [Frame(mx, geo.frame_bottom, body_w, top - geo.frame_bottom, id="body", **full)]

    first_frames = columns_at(first_top)
    if head:
        first_frames = [Frame(mx, first_top - head_h, body_w, head_h, id="head", **full), *columns_at(first_top - head_h)]

    def on_page(canv: Any, doc: Any) -> None:
        n = canv.getPageNumber()
        page_templates[n] = doc.pageTemplate.id
        canv.saveState()
        if page == "web":
            _draw_browser_print(canv, spec, geo, n, total_pages)
        elif page == "phone":
            _draw_phone_chrome(canv, spec, geo)
        if n == 1 and spec.get("letterhead"):
            _draw_letterhead(canv, spec["letterhead"], geo)
        header = spec.get("running_header")
        if header and n > 1 and page != "web":
            canv.setFont("GSans", 7.5 if page != "slide" else 10)
            canv.setFillColor(colors.HexColor(GREY))
            canv.drawString(mx, geo.header_y, header)
            canv.setStrokeColor(colors.HexColor("#999999"))
            canv.setLineWidth(0.4)
            canv.line(mx, geo.header_y - 5, W - mx, geo.header_y - 5)
        footer = spec.get("running_footer")
        if footer:
            text = footer.replace("{page}", str(n)).replace("{pages}", str(total_pages or n))
            canv.setFont("GSans", 8 if page != "slide" else 10)
            canv.setFillColor(colors.HexColor("#444444"))
            y = geo.footer_y + (14 if page in ("web", "phone") else 0)
            if page == "slide":
                canv.drawRightString(W - mx, y, text)
            else:
                canv.drawCentredString(W / 2, y, text)
        canv.restoreState()

    def on_page_end(canv: Any, doc: Any) -> None:
        notes = footnotes.get(canv.getPageNumber())
        if not notes:
            return
        canv.saveState()
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.5)
        canv.line(mx, geo.footnote_top, mx + 110, geo.footnote_top)
        y = geo.footnote_top - 3
        for number, note in notes:
            para = Paragraph(f"<super>{number}</super>\u00a0{note}", styles["footnote"])
            _, h = para.wrap(body_w, 200)
            para.drawOn(canv, mx, y - h)
            y -= h + 1.5
        canv.restoreState()

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab hook name
            items = getattr(flowable, "_genre_notes", None)
            if not items and hasattr(flowable, "_content"):  # KeepTogether drawn whole
                for inner in flowable._content:
                    items = (items or []) + list(getattr(inner, "_genre_notes", []) or [])
            if items:
                page_notes = footnotes.setdefault(self.page, [])
                for item in items:
                    if all(item[0] != have[0] for pn in footnotes.values() for have in pn):
                        page_notes.append(item)

    doc = Doc(out, pagesize=(W, H), invariant=1, title=spec.get("pdf_title", spec["stem"]),
              author="extract test generator", creator="extract test generator",
              leftMargin=mx, rightMargin=mx, topMargin=H - geo.frame_top, bottomMargin=geo.frame_bottom)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=first_frames, onPage=on_page, onPageEnd=on_page_end, pagesize=(W, H)),
        PageTemplate(id="later", frames=columns_at(geo.frame_top), onPage=on_page, onPageEnd=on_page_end,
                     pagesize=(W, H)),
    ])
    doc.build([NextPageTemplate("later"), *story])
    return max(page_templates), page_templates, head_h


def _framebreak() -> Any:
    from reportlab.platypus import FrameBreak

    return FrameBreak()


def _draw_letterhead(canv: Any, lines: list[str], geo: Geometry) -> None:
    from reportlab.lib import colors

    top = geo.frame_top + 8
    x = geo.margin_x
    canv.setFillColor(colors.HexColor(INK))
    canv.rect(x, top - 12 - 11 * len(lines), 4, 12 + 11 * len(lines), stroke=0, fill=1)
    canv.setFont("GSans-Bold", 12)
    canv.drawString(x + 12, top - 10, lines[0])
    canv.setFont("GSans", 8.5)
    canv.setFillColor(colors.HexColor("#333333"))
    for k, line in enumerate(lines[1:]):
        canv.drawString(x + 12, top - 24 - 11 * k, line)


def _site_url(spec: dict[str, Any]) -> str:
    if spec.get("url"):
        return str(spec["url"])
    for record in spec.get("gold") or []:
        if record.get("website"):
            return str(record["website"])
    return ""


def _draw_browser_print(canv: Any, spec: dict[str, Any], geo: Geometry, n: int, total: int | None) -> None:
    """What a browser prints around a page: date and title at the top, URL and n/N at the bottom."""
    from reportlab.lib import colors

    canv.setFont("GSans", 7.5)
    canv.setFillColor(colors.HexColor("#222222"))
    y = geo.height - 20
    canv.drawString(22, y, str(spec.get("printed", "14/03/2024, 10:42")))
    title = spec.get("running_header") or _first_text(spec, "title") or ""
    canv.drawString(geo.width * 0.36, y, re.sub(r"<[^>]+>", "", title))
    canv.drawString(22, geo.footer_y - 4, _site_url(spec))
    canv.drawRightString(geo.width - 22, geo.footer_y - 4, f"{n}/{total or n}")


def _draw_phone_chrome(canv: Any, spec: dict[str, Any], geo: Geometry) -> None:
    """Status bar (clock, signal, battery), address or app bar at the top, toolbar at the bottom."""
    from reportlab.lib import colors

    W, H = geo.width, geo.height
    canv.setFillColor(colors.HexColor("#f7f7f7"))
    canv.rect(0, H - 66, W, 66, stroke=0, fill=1)
    canv.setFillColor(colors.black)
    canv.setFont("GSans-Bold", 10)
    canv.drawString(22, H - 17, str(spec.get("clock", "9:41")))
    canv.setFont("GSans", 8.5)
    battery = str(spec.get("battery", "78%"))
    canv.drawRightString(W - 44, H - 17, "4G  " + battery)
    canv.rect(W - 38, H - 19, 18, 8, stroke=1, fill=0)
    canv.rect(W - 37, H - 18, 12, 6, stroke=0, fill=1)
    url = spec.get("url") or ""
    if url or not spec.get("app"):
        url = url or _site_url(spec)
        canv.setFillColor(colors.HexColor("#e4e6e8"))
        canv.roundRect(14, H - 56, W - 28, 26, 13, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor("#333333"))
        canv.setFont("GSans", 9.5)
        canv.drawCentredString(W / 2, H - 46, re.sub(r"^https?://", "", url))
    else:
        canv.setFont("GSans-Bold", 12)
        canv.drawString(18, H - 48, "\u2190")
        canv.drawCentredString(W / 2, H - 48, str(spec["app"]))
    canv.setFillColor(colors.HexColor("#f7f7f7"))
    canv.rect(0, 0, W, 44, stroke=0, fill=1)
    canv.setFillColor(colors.HexColor("#555555"))
    canv.setFont("GSans", 13)
    for k, icon in enumerate(("\u25c0", "\u25b6", "\u2302", "\u2610", "\u2630")):
        canv.drawCentredString(W * (k + 0.5) / 5, 22, icon)
    canv.setFillColor(colors.black)
    canv.roundRect(W / 2 - 55, 5, 110, 4, 2, stroke=0, fill=1)


def _first_text(spec: dict[str, Any], kind: str) -> str | None:
    for block in spec["blocks"]:
        if kind in block:
            return str(block[kind])
    return None


def _regions(spec: dict[str, Any], template: str, head_h: float) -> list[tuple[float, float, float, float]]:
    """Reading-order regions of a page (pdfplumber coordinates, origin top-left)."""
    page = spec.get("page", "a4")
    columns = int(spec.get("columns", 1))
    geo = geometry(page, columns)
    W, H = geo.width, geo.height
    top = geo.frame_top - (_letterhead_height(spec) if template == "first" else 0)
    flip = lambda y: H - y  # noqa: E731
    regions = [(0.0, 0.0, W, flip(top) - 0.5)]
    bottom = flip(geo.footnote_top) - 0.5
    if columns == 2:
        col_top = flip(top) - 0.5
        if template == "first" and head_h:
            regions.append((0.0, col_top, W, flip(top - head_h) + 1))
            col_top = flip(top - head_h) + 1
        split = geo.margin_x + (W - 2 * geo.margin_x) / 2
        regions.append((0.0, col_top, split, bottom))
        regions.append((split, col_top, W, bottom))
    else:
        regions.append((0.0, flip(top) - 0.5, W, bottom))
    regions.append((0.0, bottom, W, H))
    return regions


def render(spec: dict[str, Any], out_path: Path) -> Rendered:
    """Typeset twice (the first pass counts pages for "n/N" footers) and return pages and regions."""
    buf = io.BytesIO()
    total, _, _ = typeset(copy.deepcopy(spec), buf)
    pages, templates, head_h = typeset(copy.deepcopy(spec), str(out_path), total_pages=total)
    regions = [_regions(spec, templates[p], head_h) for p in range(1, pages + 1)]
    return Rendered(out_path, pages, regions)


# --------------------------------------------------------------------------- text, gold


def pdf_text(rendered: Rendered) -> str:
    """The text of a typeset PDF in reading order (regions top to bottom, columns left to right)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(rendered.path)) as pdf:
        for page, regions in zip(pdf.pages, rendered.regions):
            parts = []
            for x0, top, x1, bottom in regions:
                bbox = (max(0.0, x0), max(0.0, top), min(float(page.width), x1), min(float(page.height), bottom))
                text = page.within_bbox(bbox).extract_text() or ""
                if text.strip():
                    parts.append(text.strip())
            pages.append("\n".join(parts))
    return "\f".join(pages) + "\n"


CURRENCY = re.compile(r"^[A-Z]{3}$")
WEBSITE = re.compile(r"^https://[a-z0-9.-]+(/\S*[^/])?$")


def gold_record(raw: dict[str, Any], where: str) -> dict[str, Any]:
    """A gold record with every contract field stated; checks the shape so a typo fails the build."""
    unknown = set(raw) - set(RECORD_KEYS)
    if unknown:
        raise ValueError(f"{where}: gold record {raw.get('name')!r}: unknown keys {sorted(unknown)}")
    record: dict[str, Any] = {key: raw.get(key) for key in RECORD_KEYS}
    record["funding_sources"] = [str(s) for s in (raw.get("funding_sources") or [])]
    governance = raw.get("governance") or {}
    record["governance"] = {"bodies": [{"name": b["name"], "members": b.get("members")} for b in governance.get("bodies") or []],
                            "parent": governance.get("parent")}
    problems = []
    if not record["name"]:
        problems.append("no name")
    if record["country"] is not None and not re.fullmatch(r"[A-Z]{2}", str(record["country"])):
        problems.append(f"country {record['country']!r}")
    if record["website"] is not None and not WEBSITE.match(str(record["website"])):
        problems.append(f"website {record['website']!r}")
    if record["founded_year"] is not None and not isinstance(record["founded_year"], int):
        problems.append(f"founded_year {record['founded_year']!r}")
    budget = record["budget"]
    if budget is not None:
        budget = {k: budget.get(k) for k in ("amount", "currency", "period", "amount_eur", "approximate")}
        budget["approximate"] = bool(budget["approximate"])
        record["budget"] = budget
        if budget["currency"] is not None and not CURRENCY.match(str(budget["currency"])):
            problems.append(f"currency {budget['currency']!r}")
        if budget["period"] not in ("year", "total", None):
            problems.append(f"period {budget['period']!r}")
        if budget["currency"] == "EUR" and budget["amount_eur"] != budget["amount"]:
            problems.append("EUR budget whose amount_eur differs from amount")
    staff = record["staff"]
    if staff is not None:
        record["staff"] = {"count": staff.get("count"), "approximate": bool(staff.get("approximate"))}
    if problems:
        raise ValueError(f"{where}: gold record {record['name']!r}: " + "; ".join(problems))
    return record


def write_gold(root: Path, spec: dict[str, Any], stem: str, file_name: str, pages: int,
               records: list[dict[str, Any]]) -> Path:
    data = {
        "schema_version": "1",
        "genre": spec["genre"],
        "language": spec["language"],
        "source": {"path": str(GENRES_REL / file_name), "sha256": None, "pages": pages},
        "records": [gold_record(r, spec["stem"]) for r in records],
    }
    path = root / GENRES_REL / "gold" / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- scans


def make_scans(root: Path, spec: dict[str, Any], rendered: Rendered) -> None:
    out_dir = root / GENRES_REL
    for item in spec.get("scans") or []:
        rng = random.Random(item["seed"])
        kind, name, dpi = item["kind"], item["file"], int(item.get("dpi", 200))
        stem = Path(name).stem
        if stem == spec["stem"]:
            raise ValueError(f"{name}: a scan must not share the stem of its document")
        wanted = item.get("pages") or list(range(1, rendered.pages + 1))
        wanted = [p for p in wanted if 1 <= p <= rendered.pages][:MAX_SCAN_PAGES]
        images = scan.render_pdf_pages(rendered.path, dpi)
        images = [images[p - 1] for p in wanted]
        records = spec["gold"]
        if item.get("records") is not None:
            names = set(item["records"])
            records = [r for r in spec["gold"] if r["name"] in names]
            if len(records) != len(names):
                raise ValueError(f"{name}: scan records {sorted(names)} not all in the gold")
        noise = item.get("noise", 5.0)
        truth: list[dict[str, Any]] = []

        def damaged_pages() -> list[Any]:
            pages = []
            for p, im in zip(wanted, images):
                low, high = item.get("skew", (0.3, 1.5))
                skew = rng.uniform(low, high) * rng.choice((-1.0, 1.0))
                page = scan.damage(im, rng, skew_deg=skew, noise_sigma=noise)
                if kind in ("tiff", "png") and int(item.get("grey_bits", 4)) < 8:
                    # 16 grey levels, as many office scanners store greyscale: the noise then
                    # compresses (deflate) to a few hundred kB a page instead of 2 MB.
                    dpi_info = page.info.get("dpi")
                    page = ImageOps.posterize(page, int(item.get("grey_bits", 4)))
                    page.info["dpi"] = dpi_info
                pages.append(page)
                truth.append({"page": p, "skew_deg": round(skew, 3), "rotate": 0})
            return pages

        if kind == "pdf":
            scan.images_to_pdf(damaged_pages(), out_dir / name, dpi, jpeg_quality=int(item.get("quality", 60)))
            write_gold(root, spec, stem, name, len(wanted), records)
        elif kind == "tiff":
            # Stored at 250 DPI at most, so that a 300 DPI rendering stays small.
            scan.images_to_tiff(damaged_pages(), out_dir / name, int(item.get("tiff_dpi", min(dpi, MAX_TIFF_DPI))))
            write_gold(root, spec, stem, name, len(wanted), records)
        elif kind == "png":
            clean = not item.get("damage", spec.get("page") != "phone")
            if clean:
                pages = [im.convert("RGB") for im in images]
                truth = [{"page": p, "skew_deg": 0.0, "rotate": 0} for p in wanted]
            else:
                pages = damaged_pages()
            for k, (p, im) in enumerate(zip(wanted, pages)):
                file = f"{stem}-p{p}.png"
                im.save(out_dir / file, format="PNG", optimize=True, dpi=(dpi, dpi))
                if k == 0 and (len(wanted) == 1 or item.get("records") is not None):
                    write_gold(root, spec, Path(file).stem, file, 1, records)
        else:
            raise ValueError(f"{spec['stem']}: unknown scan kind {kind!r}")
        truth_path = root / GENRES_REL / "scans" / f"{stem}.json"
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        truth_path.write_text(json.dumps({"file": str(GENRES_REL / name), "kind": kind, "seed": item["seed"],
                                          "render_dpi": dpi, "pages": truth}, indent=2) + "\n", encoding="utf-8")
        log.info("wrote %s", name)


# --------------------------------------------------------------------------- entry points


def check_spec(spec: dict[str, Any], path: Path) -> None:
    if spec.get("stem") != path.stem:
        raise ValueError(f"{path}: stem {spec.get('stem')!r} differs from the file name")
    if spec.get("genre") not in GENRES:
        raise ValueError(f"{path}: unknown genre {spec.get('genre')!r}")
    if spec.get("language") not in LANGUAGES:
        raise ValueError(f"{path}: unknown language {spec.get('language')!r}")
    if not isinstance(spec.get("blocks"), list) or not spec["blocks"]:
        raise ValueError(f"{path}: no blocks")
    for block in spec["blocks"]:
        if not isinstance(block, dict) or not block:
            raise ValueError(f"{path}: block {block!r} is not a one-key mapping")
    if not isinstance(spec.get("gold"), list):
        raise ValueError(f"{path}: gold must be a list")


def load_specs(only: list[str] | None = None) -> list[dict[str, Any]]:
    specs = []
    for path in sorted(DATA_DIR.glob("*.yml")):
        if only and path.stem not in only:
            continue
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        check_spec(spec, path)
        specs.append(spec)
    return specs


def build_document(root: Path, spec: dict[str, Any], *, scans: bool = True) -> Rendered:
    out_dir = root / GENRES_REL
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = spec["stem"]
    rendered = render(spec, out_dir / f"{stem}.pdf")
    text_path = out_dir / "text" / f"{stem}.txt"
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_text(pdf_text(rendered), encoding="utf-8")
    write_gold(root, spec, stem, f"{stem}.pdf", rendered.pages, spec["gold"])
    if scans:
        make_scans(root, spec, rendered)
    log.info("wrote %s (%d pages)", rendered.path.name, rendered.pages)
    return rendered


def build_all(root: Path, *, scans: bool = True, only: list[str] | None = None) -> list[str]:
    """Build every spec; a spec that fails is logged and skipped. Returns the stems that failed."""
    root = Path(root)
    failed = []
    if not only:
        # A full build starts clean: no output of a renamed or deleted spec survives.
        out_dir = root / GENRES_REL
        for sub in ("", "gold", "text", "scans"):
            for old in (out_dir / sub).glob("*.*") if (out_dir / sub).is_dir() else []:
                if old.is_file() and old.name != "README.md":
                    old.unlink()
    for path in sorted(DATA_DIR.glob("*.yml")):
        if only and path.stem not in only:
            continue
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            check_spec(spec, path)
            build_document(root, spec, scans=scans)
        except Exception:  # noqa: BLE001 - one bad spec must not stop the others
            log.exception("%s: failed", path.name)
            failed.append(path.stem)
    return failed


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else REPO
    only = args[1:] or None
    return 1 if build_all(root, only=only) else 0


if __name__ == "__main__":
    raise SystemExit(main())
