"""Development corpus: varied lab reports (nl/en/fr) with gold records (issue 3).

Each document is described by one data file in ``data/corpus/<stem>.yml``: its layout,
running header/footer, a list of content blocks and the gold records. This module
typesets them with reportlab (DejaVu Sans, ``invariant=1``), writes the plain text in
reading order and the gold JSON, and makes the scanned variants with ``scan.py``.

Output, under ``<root>/tests/fixtures/corpus/``:
- ``<stem>.pdf`` text PDFs; scans (``*-scan*.pdf``, ``*-rotated.pdf``, ``*.tiff``, ``*.jpg``);
- ``gold/<stem>.json`` for every document and every scan (the scan's own stem);
- ``text/<stem>.txt`` for every text PDF (pages separated by form feed);
- ``scans/<stem>.json`` for every scan: seed, DPI, per-page skew and rotation (ground truth).

Run ``python tests/generator/corpus.py [root]`` (root defaults to the repository).

Block types in the data files (a list of one-key mappings):
``title``, ``subtitle``, ``h1``, ``h2``, ``hb`` (bold heading without a number), ``p`` (reportlab
paragraph markup), ``fnp`` + ``footnote`` (a short paragraph whose footnote is printed at the
bottom of the page it lands on), ``bullets``, ``table`` (ruled, header row), ``kv`` (two-cell
key/value table), ``caption``, ``space``, ``pagebreak``, ``framebreak``. ``{-}`` inside a text marks a
soft hyphen (documents with ``hyphenate: true`` break words there at line ends).
"""

from __future__ import annotations

import copy
import json
import logging
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
if __package__:
    from . import scan
else:  # run as a script: make `tests.generator` importable
    sys.path.insert(0, str(REPO))
    from tests.generator import scan

log = logging.getLogger(__name__)

DATA_DIR = HERE / "data" / "corpus"
CORPUS_REL = Path("tests/fixtures/corpus")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# Page geometry (points, reportlab origin bottom-left). A4 = 595.28 x 841.89.
MARGIN_X = 62.0
HEADER_Y = 808.0  # baseline of the running header
FRAME_TOP = 790.0
FOOTER_Y = 34.0  # baseline of the page footer
FOOTNOTE_TOP = 78.0  # footnotes are drawn below this line
FRAME_BOTTOM = 84.0
GUTTER = 20.0
FIRST_TOP_HEIGHT = 230.0  # full-width band on the first page of two-column documents
SIDEBAR_W = 160.0  # fact-sheet sidebar width
TITLE_BAND = 118.0  # fact-sheet title band height

RECORD_KEYS = ("name", "acronym", "country", "website", "founded_year", "budget", "staff", "governance", "funding_sources")


# --------------------------------------------------------------------------- fonts and styles


def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        ("DejaVuSans", "DejaVuSans.ttf"),
        ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
        ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    # So that <b> and <i> in paragraph markup pick the DejaVu faces.
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-BoldOblique")


def _styles(body_size: float, hyphenate: bool = False) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    # hyphenate: break words at the soft hyphens (U+00AD) written in the data, as typeset reports do.
    extra = {"embeddedHyphenation": 1, "hyphenationLang": ""} if hyphenate else {}
    base = ParagraphStyle("body", fontName="DejaVuSans", fontSize=body_size, leading=body_size * 1.35,
                          spaceAfter=body_size * 0.55, alignment=TA_JUSTIFY, **extra)
    return {
        "body": base,
        "label": ParagraphStyle("label", parent=base, alignment=TA_LEFT),
        "title": ParagraphStyle("title", parent=base, fontName="DejaVuSans-Bold", fontSize=20, leading=25,
                                alignment=TA_LEFT, spaceAfter=8, textColor=colors.HexColor("#1d3557")),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName="DejaVuSans-Oblique", fontSize=11.5,
                                   leading=15, alignment=TA_LEFT, spaceAfter=14, textColor=colors.HexColor("#444444")),
        "h1": ParagraphStyle("h1", parent=base, fontName="DejaVuSans-Bold", fontSize=body_size + 4,
                             leading=(body_size + 4) * 1.3, spaceBefore=10, spaceAfter=6, alignment=TA_LEFT,
                             textColor=colors.HexColor("#1d3557")),
        "h2": ParagraphStyle("h2", parent=base, fontName="DejaVuSans-Bold", fontSize=body_size + 1.5,
                             leading=(body_size + 1.5) * 1.3, spaceBefore=8, spaceAfter=4, alignment=TA_LEFT),
        "hb": ParagraphStyle("hb", parent=base, fontName="DejaVuSans-Bold", fontSize=body_size + 3,
                             leading=(body_size + 3) * 1.3, spaceBefore=4, spaceAfter=8, alignment=TA_LEFT),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=14, bulletIndent=3, bulletFontName="DejaVuSans", spaceAfter=2, alignment=TA_LEFT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=body_size - 1, leading=(body_size - 1) * 1.25,
                               spaceAfter=0, alignment=TA_LEFT),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontName="DejaVuSans-Bold", fontSize=body_size - 1,
                                   leading=(body_size - 1) * 1.25, spaceAfter=0, alignment=TA_LEFT),
        "caption": ParagraphStyle("caption", parent=base, fontName="DejaVuSans-Oblique", fontSize=body_size - 1.5,
                                  leading=(body_size - 1.5) * 1.3, alignment=TA_LEFT, spaceBefore=2, spaceAfter=6),
        "footnote": ParagraphStyle("footnote", parent=base, fontSize=7.5, leading=9.5, alignment=TA_LEFT, spaceAfter=0),
        "side": ParagraphStyle("side", parent=base, fontSize=body_size - 0.5, leading=(body_size - 0.5) * 1.3,
                               alignment=TA_LEFT, spaceAfter=5),
        "sidehead": ParagraphStyle("sidehead", parent=base, fontName="DejaVuSans-Bold", fontSize=body_size + 1,
                                   leading=(body_size + 1) * 1.3, alignment=TA_LEFT, spaceAfter=6,
                                   textColor=colors.HexColor("#1d3557")),
    }


# --------------------------------------------------------------------------- layout


@dataclass
class Rendered:
    """What typesetting produced: page count and, per page, the text regions in reading order."""

    path: Path
    pages: int
    regions: list[list[tuple[float, float, float, float]]] = field(default_factory=list)
    """Per page: (x0, top, x1, bottom) in pdfplumber coordinates (origin top-left)."""


def _frames(layout: str, width: float, height: float, top_height: float = FIRST_TOP_HEIGHT) -> dict[str, list[Any]]:
    """Frames of each page template, keyed by template id (first page first)."""
    from reportlab.platypus import Frame

    body_w = width - 2 * MARGIN_X
    full = dict(leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    if layout == "two_column":
        col_w = (body_w - GUTTER) / 2
        top_y = FRAME_TOP - top_height

        def columns(top: float) -> list[Any]:
            return [
                Frame(MARGIN_X, FRAME_BOTTOM, col_w, top - FRAME_BOTTOM, id="left", **full),
                Frame(MARGIN_X + col_w + GUTTER, FRAME_BOTTOM, col_w, top - FRAME_BOTTOM, id="right", **full),
            ]

        return {
            "first": [Frame(MARGIN_X, top_y, body_w, top_height, id="top", **full), *columns(top_y - 6)],
            "later": columns(FRAME_TOP),
        }
    if layout == "factsheet":
        main_w = body_w - SIDEBAR_W - GUTTER
        top = height - TITLE_BAND - 24
        return {
            "first": [Frame(MARGIN_X, FRAME_BOTTOM, main_w, top - FRAME_BOTTOM, id="main", **full)],
            "later": [Frame(MARGIN_X, FRAME_BOTTOM, body_w, FRAME_TOP - FRAME_BOTTOM, id="body", **full)],
        }
    return {
        "first": [Frame(MARGIN_X, FRAME_BOTTOM, body_w, FRAME_TOP - FRAME_BOTTOM, id="body", **full)],
        "later": [Frame(MARGIN_X, FRAME_BOTTOM, body_w, FRAME_TOP - FRAME_BOTTOM, id="body", **full)],
    }


def _regions(
    layout: str, template: str, width: float, height: float, top_height: float = FIRST_TOP_HEIGHT
) -> list[tuple[float, float, float, float]]:
    """Reading-order regions of a page (pdfplumber coordinates): header, body parts, footnotes, footer."""
    flip = lambda y: height - y  # noqa: E731 - reportlab y (bottom-up) to pdfplumber top (top-down)
    header = (0.0, 0.0, width, flip(FRAME_TOP) - 1)
    footer = (0.0, flip(FOOTNOTE_TOP), width, height)  # footnotes then the footer line
    body_w = width - 2 * MARGIN_X
    regions: list[tuple[float, float, float, float]] = [header]
    if layout == "two_column":
        col_w = (body_w - GUTTER) / 2
        col_top = flip(FRAME_TOP) - 1
        if template == "first":
            regions.append((0.0, col_top, width, flip(FRAME_TOP - top_height)))
            col_top = flip(FRAME_TOP - top_height)
        bottom = flip(FOOTNOTE_TOP)
        regions.append((0.0, col_top, MARGIN_X + col_w + GUTTER / 2, bottom))
        regions.append((MARGIN_X + col_w + GUTTER / 2, col_top, width, bottom))
    elif layout == "factsheet" and template == "first":
        split = width - MARGIN_X - SIDEBAR_W - GUTTER / 2
        regions = [(0.0, 0.0, width, TITLE_BAND + 12)]
        regions.append((0.0, TITLE_BAND + 12, split, flip(FOOTNOTE_TOP)))
        regions.append((split, TITLE_BAND + 12, width, flip(FOOTNOTE_TOP)))
    else:
        regions.append((0.0, flip(FRAME_TOP) - 1, width, flip(FOOTNOTE_TOP)))
    regions.append(footer)
    return regions


def _shy(value: Any) -> Any:
    """``{-}`` in the data marks a soft hyphen (U+00AD): where a long word may break at a line end."""
    return value.replace("{-}", "\u00ad") if isinstance(value, str) else value


def _flowables(spec: dict[str, Any], styles: dict[str, Any]) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import (CondPageBreak, FrameBreak, KeepTogether, PageBreak, Paragraph, Spacer,
                                    Table, TableStyle)

    out: list[Any] = []
    body_w = 595.28 - 2 * MARGIN_X
    for block in spec["blocks"]:
        kind, value = next(iter(block.items()))
        value = _shy(value)
        if kind in ("title", "subtitle", "h1", "h2", "hb", "caption"):
            para = Paragraph(value, styles[kind])
            if kind in ("h1", "h2", "hb"):
                # A heading never ends a column: keep it with the first lines of its section.
                out.append(CondPageBreak(60))
            out.append(para)
        elif kind == "p":
            # Label lines ("<b>Staff:</b> ...") are set ragged-right, as reports do; prose is justified.
            out.append(Paragraph(value, styles["label" if value.startswith("<b>") else "body"]))
        elif kind == "fnp":
            para = Paragraph(value, styles["body"])
            para.footnote = block["footnote"]  # picked up by the doc template's afterFlowable
            out.append(para)
        elif kind == "bullets":
            for item in value:
                out.append(Paragraph(item, styles["bullet"], bulletText="\u2022"))
        elif kind in ("table", "kv"):
            header = value.get("header")
            rows = value["rows"]
            widths = [w * body_w for w in value["widths"]]
            data = []
            if header:
                data.append([Paragraph(h, styles["cellhead"]) for h in header])
            for row in rows:
                cells = []
                for i, cell in enumerate(row):
                    style = styles["cellhead"] if kind == "kv" and i == 0 else styles["cell"]
                    cells.append(Paragraph(str(cell), style))
                data.append(cells)
            table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
            commands = [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
            if header:
                commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")))
            if kind == "kv":
                commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6")))
            table.setStyle(TableStyle(commands))
            parts = [table]
            if value.get("caption"):
                parts.insert(0, Paragraph(value["caption"], styles["caption"]))
            out.append(KeepTogether(parts))
            out.append(Spacer(1, 10))
        elif kind == "space":
            out.append(Spacer(1, float(value)))
        elif kind == "pagebreak":
            out.append(PageBreak())
        elif kind == "framebreak":
            out.append(FrameBreak())
        elif kind == "footnote":
            continue  # belongs to the preceding fnp block
        else:
            raise ValueError(f"{spec['stem']}: unknown block type {kind!r}")
    return out


def _sidebar(spec: dict[str, Any], styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    side = spec.get("sidebar") or {}
    items = [Paragraph(side.get("title", ""), styles["sidehead"])] if side.get("title") else []
    items += [Paragraph(text, styles["side"]) for text in side.get("items", [])]
    return items


def typeset(spec: dict[str, Any], out_path: Path) -> Rendered:
    """Lay out one document from its spec into ``out_path``; returns pages and reading-order regions."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

    _register_fonts()
    layout = spec.get("layout", "single")
    width, height = A4
    styles = _styles(9.5 if layout == "two_column" else 10.5, bool(spec.get("hyphenate")))
    top_height = float(spec.get("first_top_height", FIRST_TOP_HEIGHT))
    page_templates: dict[int, str] = {}
    footnotes: dict[int, list[str]] = {}

    def on_page(canv: Any, doc: Any) -> None:
        page = canv.getPageNumber()
        template = doc.pageTemplate.id
        page_templates[page] = template
        canv.saveState()
        left, right = spec.get("header", ["", ""])
        header_on_first = spec.get("header_on_first", False)
        if (page > 1 or header_on_first) and (left or right):
            canv.setFont("DejaVuSans", 7.5)
            canv.setFillColor(colors.HexColor("#666666"))
            canv.drawString(MARGIN_X, HEADER_Y, left)
            canv.drawRightString(width - MARGIN_X, HEADER_Y, right)
            canv.setStrokeColor(colors.HexColor("#999999"))
            canv.setLineWidth(0.4)
            canv.line(MARGIN_X, HEADER_Y - 5, width - MARGIN_X, HEADER_Y - 5)
        if layout == "factsheet" and template == "first":
            _draw_factsheet_band(canv, spec, width, height)
            side = Frame(width - MARGIN_X - SIDEBAR_W, FRAME_BOTTOM, SIDEBAR_W, height - TITLE_BAND - 24 - FRAME_BOTTOM,
                         leftPadding=8, rightPadding=8, topPadding=8, bottomPadding=8, showBoundary=0)
            canv.setFillColor(colors.HexColor("#eef2f6"))
            canv.rect(width - MARGIN_X - SIDEBAR_W, height - TITLE_BAND - 24 - 300, SIDEBAR_W, 300, stroke=0, fill=1)
            side.addFromList(_sidebar(spec, styles), canv)
        canv.setFont("DejaVuSans", 8)
        canv.setFillColor(colors.HexColor("#444444"))
        footer = spec.get("footer", "{page}").format(page=page)
        canv.drawCentredString(width / 2, FOOTER_Y, footer)
        if spec.get("footer_left"):
            canv.drawString(MARGIN_X, FOOTER_Y, spec["footer_left"])
        canv.restoreState()

    def on_page_end(canv: Any, doc: Any) -> None:
        notes = footnotes.get(canv.getPageNumber())
        if not notes:
            return
        canv.saveState()
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, FOOTNOTE_TOP, MARGIN_X + 120, FOOTNOTE_TOP)
        y = FOOTNOTE_TOP - 4
        for note in notes:
            para = Paragraph(note, styles["footnote"])
            _, h = para.wrap(width - 2 * MARGIN_X, 100)
            para.drawOn(canv, MARGIN_X, y - h)
            y -= h + 2
        canv.restoreState()

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab hook name
            note = getattr(flowable, "footnote", None)
            if note:
                footnotes.setdefault(self.page, []).append(note)

    frames = _frames(layout, width, height, top_height)
    doc = Doc(str(out_path), pagesize=A4, invariant=1, title=spec.get("pdf_title", spec["stem"]),
              author="extract test generator", creator="extract test generator",
              leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=height - FRAME_TOP, bottomMargin=FRAME_BOTTOM)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=frames["first"], onPage=on_page, onPageEnd=on_page_end),
        PageTemplate(id="later", frames=frames["later"], onPage=on_page, onPageEnd=on_page_end),
    ])
    story = [NextPageTemplate("later"), *_flowables(spec, styles)]
    doc.build(story)
    pages = max(page_templates)
    regions = [_regions(layout, page_templates[p], width, height, top_height) for p in range(1, pages + 1)]
    return Rendered(out_path, pages, regions)


def _draw_factsheet_band(canv: Any, spec: dict[str, Any], width: float, height: float) -> None:
    """The coloured title band of a fact sheet: the lab's name is the title (real text, not an image)."""
    from reportlab.lib import colors

    band = spec["band"]
    canv.setFillColor(colors.HexColor("#1d3557"))
    canv.rect(0, height - TITLE_BAND, width, TITLE_BAND, stroke=0, fill=1)
    canv.setFillColor(colors.white)
    canv.setFont("DejaVuSans", 9)
    canv.drawString(MARGIN_X, height - 30, band.get("kicker", ""))
    canv.setFont("DejaVuSans-Bold", 21)
    canv.drawString(MARGIN_X, height - 62, band["title"])
    canv.setFont("DejaVuSans", 11)
    canv.drawString(MARGIN_X, height - 86, band.get("subtitle", ""))


# --------------------------------------------------------------------------- text, gold


def pdf_text(rendered: Rendered) -> str:
    """The text of a typeset PDF in reading order (regions top to bottom, columns left to right)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(rendered.path)) as pdf:
        for page, regions in zip(pdf.pages, rendered.regions):
            parts = []
            for bbox in regions:
                x0, top, x1, bottom = bbox
                bbox = (max(0.0, x0), max(0.0, top), min(float(page.width), x1), min(float(page.height), bottom))
                text = page.within_bbox(bbox).extract_text() or ""
                if text.strip():
                    parts.append(text.strip())
            pages.append("\n".join(parts))
    return "\f".join(pages) + "\n"


def gold_record(raw: dict[str, Any]) -> dict[str, Any]:
    """A gold record with every contract field stated (null or empty where the text gives nothing)."""
    record: dict[str, Any] = {key: raw.get(key) for key in RECORD_KEYS}
    record["funding_sources"] = list(raw.get("funding_sources") or [])
    governance = raw.get("governance") or {}
    record["governance"] = {"bodies": list(governance.get("bodies") or []), "parent": governance.get("parent")}
    unknown = set(raw) - set(RECORD_KEYS)
    if unknown:
        raise ValueError(f"gold record {raw.get('name')!r}: unknown keys {sorted(unknown)}")
    return record


def write_gold(root: Path, stem: str, file_name: str, pages: int, records: list[dict[str, Any]]) -> Path:
    data = {
        "schema_version": "1",
        "source": {"path": str(CORPUS_REL / file_name), "sha256": None, "pages": pages},
        "records": [gold_record(r) for r in records],
    }
    path = root / CORPUS_REL / "gold" / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- scans


def make_scans(root: Path, spec: dict[str, Any], rendered: Rendered) -> None:
    """The scanned variants listed under ``scans:`` in a spec, each with its gold file."""
    out_dir = root / CORPUS_REL
    for item in spec.get("scans", []):
        rng = random.Random(item["seed"])
        kind, name, dpi = item["kind"], item["file"], int(item["dpi"])
        stem = Path(name).stem
        truth: list[dict[str, Any]] = []
        if stem == spec["stem"]:
            # Outputs and gold files are named by stem: a scan needs its own.
            raise ValueError(f"{name}: a scan must not share the stem of its document")
        images = scan.render_pdf_pages(rendered.path, dpi)
        records = spec["gold"]
        if kind == "pdf":
            rotations = {int(k): int(v) for k, v in (item.get("rotate") or {}).items()}
            damaged = []
            for i, im in enumerate(images):
                skew, turn = _skew(rng, item), rotations.get(i + 1, 0)
                damaged.append(scan.damage(im, rng, rotate=turn, skew_deg=skew, noise_sigma=item.get("noise", 6.0)))
                truth.append({"page": i + 1, "skew_deg": round(skew, 3), "rotate": turn})
            scan.images_to_pdf(damaged, out_dir / name, dpi, jpeg_quality=item.get("quality", 60))
            pages = len(damaged)
        elif kind == "tiff":
            damaged = []
            for i, im in enumerate(images):
                skew = _skew(rng, item)
                damaged.append(scan.damage(im, rng, skew_deg=skew, noise_sigma=item.get("noise", 6.0)))
                truth.append({"page": i + 1, "skew_deg": round(skew, 3), "rotate": 0})
            scan.images_to_tiff(damaged, out_dir / name, int(item.get("tiff_dpi", dpi)))
            pages = len(damaged)
        elif kind == "photo":
            page = int(item["page"])
            shot = scan.photo(images[page - 1], rng)
            shot.save(out_dir / name, format="JPEG", quality=item.get("quality", 82), dpi=(dpi, dpi), optimize=True)
            wanted = set(item["records"])
            records = [r for r in spec["gold"] if r["name"] in wanted]
            if len(records) != len(wanted):
                raise ValueError(f"{name}: photo records {sorted(wanted)} not all in the gold")
            pages = 1
        else:
            raise ValueError(f"{spec['stem']}: unknown scan kind {kind!r}")
        write_gold(root, stem, name, pages, records)
        _write_scan_truth(root, stem, name, item, truth)
        log.info("wrote %s", name)


def _write_scan_truth(root: Path, stem: str, name: str, item: dict[str, Any], truth: list[dict[str, Any]]) -> None:
    """How a scan was damaged (seed, DPI, per-page skew and rotation): ground truth for OSD/deskew tests.

    Skew is counter-clockwise positive; ``rotate`` is the counter-clockwise right-angle turn applied
    to the page, so an upright page needs a clockwise turn of the same angle.
    """
    data = {"file": str(CORPUS_REL / name), "kind": item["kind"], "seed": item["seed"], "render_dpi": item["dpi"],
            "stored_dpi": item.get("tiff_dpi", item["dpi"]), "pages": truth}
    path = root / CORPUS_REL / "scans" / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _skew(rng: random.Random, item: dict[str, Any]) -> float:
    """Skew of one page in degrees: magnitude from the spec's range (default 0.5-2.0, as a
    flatbed scan), random sign."""
    low, high = item.get("skew", (0.5, 2.0))
    return rng.uniform(low, high) * rng.choice((-1.0, 1.0))


# --------------------------------------------------------------------------- entry points


def load_specs() -> list[dict[str, Any]]:
    """Every document spec, sorted by stem."""
    specs = []
    for path in sorted(DATA_DIR.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if spec["stem"] != path.stem:
            raise ValueError(f"{path}: stem {spec['stem']!r} differs from the file name")
        specs.append(spec)
    return specs


def build_document(root: Path, spec: dict[str, Any], *, scans: bool = True) -> Rendered:
    out_dir = root / CORPUS_REL
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = spec["stem"]
    rendered = typeset(copy.deepcopy(spec), out_dir / f"{stem}.pdf")
    text_path = out_dir / "text" / f"{stem}.txt"
    text_path.parent.mkdir(parents=True, exist_ok=True)
    text_path.write_text(pdf_text(rendered), encoding="utf-8")
    write_gold(root, stem, f"{stem}.pdf", rendered.pages, spec["gold"])
    if scans:
        make_scans(root, spec, rendered)
    log.info("wrote %s (%d pages)", rendered.path.name, rendered.pages)
    return rendered


def build_all(root: Path, *, scans: bool = True) -> None:
    """Write the whole development corpus under ``root/tests/fixtures/corpus``."""
    root = Path(root)
    for spec in load_specs():
        build_document(root, spec, scans=scans)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else REPO
    build_all(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
