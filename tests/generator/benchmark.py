"""Typeset the Nido benchmark report (data/nido_benchmark.yml) and make its scans.

Outputs (see ``build_all``):
- ``raw/nido-benchmark.pdf``: the report as a text PDF (A4, DejaVu Sans), with a
  running header, footers carrying the page number and the URLs linked on that
  page, screenshots as images (no text layer for them) and a footnote that lands
  in the middle of another lab's section.
- ``raw/nido-benchmark-scan.pdf``: the same pages as 300 DPI grayscale JPEG scans
  (skew, speckle, grey paper, one page upside down), no text layer.
- ``raw/nido-benchmark-scan.tiff``: the same damaged pages as one multi-page TIFF.
- ``tests/fixtures/benchmark/nido-benchmark-page2.png`` / ``.jpg``: the page with the
  first lab, as a damaged scan (PNG) and as a phone photo (JPEG).
- ``tests/fixtures/benchmark/nido-benchmark-scan.json``: what was done to each page
  (skew angle, rotation), for tests of orientation and deskew.

Everything is seeded: the same seed gives the same bytes.
"""

from __future__ import annotations

import io
import json
import logging
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import yaml
from PIL import Image, ImageDraw, ImageFont
from reportlab.platypus import Paragraph

from . import scan

log = logging.getLogger(__name__)

SEED = 0x6AB50B9A  # fixed (from the seed file name): regeneration reproduces the files
DATA = Path(__file__).with_name("data") / "nido_benchmark.yml"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
STEM = "nido-benchmark"
SCAN_DPI = 300
TIFF_DPI = 200  # 300 DPI grayscale noise does not compress below the 25 MB budget
SCAN_JPEG_QUALITY = 60
# A good office flatbed: mild sensor noise. scan.damage's default (6) is heavier and
# would put the scan PDF over 8 MB and the TIFF over 25 MB.
SCAN_NOISE = 3.0
SCAN_BLUR = 0.7

# Page geometry (points). A4 with Word-like margins.
PAGE_W, PAGE_H = 595.2756, 841.8898
MARGIN_X = 62.0
MARGIN_TOP = 72.0
MARGIN_BOTTOM = 62.0  # room for the page number line
FOOT_Y0 = 46.0  # footer URLs stack up from here, above the page number
FOOTER_FONT = 6.5
FOOTNOTE_FONT = 7.5

# Screenshot raster: pixels per point of the drawn image (~250 DPI).
SHOT_PX_PER_PT = 250 / 72


@dataclass
class PageNotes:
    """What the flowables drawn on one page asked for at the page bottom."""

    links: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # footnote keys


# --------------------------------------------------------------------------- fonts


def register_fonts() -> None:
    """Register DejaVu Sans (regular/bold/italic) so é, ë, €, ’ render and are
    extractable; reportlab's base-14 fonts lack several of them."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    faces = {
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-BoldOblique")


def load_spec(path: Path = DATA) -> dict[str, Any]:
    """The report structure (blocks, footnotes, header) from the YAML data file."""
    with open(path, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    if not isinstance(spec, dict) or "blocks" not in spec:
        raise ValueError(f"{path}: expected a mapping with 'blocks'")
    return spec


# --------------------------------------------------------------------- screenshots


def _pil_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    file = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / file), size)


def render_screenshot(url: str, lines: list[str], rng: random.Random) -> Image.Image:
    """A fake website screenshot: browser bar with the address, a coloured site
    strip with a logo block, then the page text on a light background, framed.
    Lines starting with "# " are drawn as large bold titles. An empty ``lines``
    gives a picture-only page (hero blocks)."""
    pad, body_size, title_size = 36, 26, 42
    texts = [(ln[2:], True) if ln.startswith("# ") else (ln, False) for ln in lines]

    def widths(scale: float) -> int:
        best = 0
        for text, is_title in texts:
            f = _pil_font(round((title_size if is_title else body_size) * scale), is_title)
            best = max(best, int(f.getlength(text)))
        return best

    max_w = 1560
    scale = 1.0
    if widths(1.0) + 2 * pad > max_w:  # long lines: smaller text, full frame width
        scale = (max_w - 2 * pad) / widths(1.0)
    width = max(900, min(max_w, widths(scale) + 2 * pad))
    body_f = _pil_font(round(body_size * scale))
    title_f = _pil_font(round(title_size * scale), bold=True)
    line_h = {False: round(body_size * scale * 1.45), True: round(title_size * scale * 1.25)}

    bar_h, strip_h = 64, 70
    text_h = sum(line_h[is_title] if text else line_h[False] // 2 for text, is_title in texts)
    if not texts:
        text_h = 420  # picture-only page
    height = bar_h + strip_h + pad + text_h + pad

    bg = (rng.randint(244, 252), rng.randint(244, 252), rng.randint(244, 252))
    brand = (rng.randint(20, 90), rng.randint(60, 120), rng.randint(110, 170))
    im = Image.new("RGB", (width, height), bg)
    d = ImageDraw.Draw(im)
    # Browser bar: window buttons and an address field with the URL.
    d.rectangle([0, 0, width, bar_h], fill=(222, 225, 230))
    for i, col in enumerate([(237, 106, 94), (245, 191, 79), (98, 197, 84)]):
        cx = 26 + i * 30
        d.ellipse([cx - 9, bar_h // 2 - 9, cx + 9, bar_h // 2 + 9], fill=col)
    d.rounded_rectangle([130, 12, width - 30, bar_h - 12], radius=18, fill=(255, 255, 255))
    d.text((150, bar_h // 2), url, font=_pil_font(20), fill=(95, 99, 104), anchor="lm")
    # Site strip with a logo block and menu placeholders (no text: like icons).
    d.rectangle([0, bar_h, width, bar_h + strip_h], fill=brand)
    d.rectangle([pad, bar_h + 16, pad + 110, bar_h + strip_h - 16], fill=(250, 250, 250))
    for i in range(4):
        x = width - pad - (i + 1) * 120
        if x > pad + 160:
            d.rounded_rectangle([x, bar_h + 30, x + 90, bar_h + 40], radius=4, fill=(210, 220, 235))
    y = bar_h + strip_h + pad
    if not texts:
        cols = [brand, (230, 160, 60), (120, 170, 90), (200, 90, 110)]
        d.rectangle([pad, y, width - pad, y + 220], fill=cols[1])
        for i in range(3):
            x0 = pad + i * (width - 2 * pad) // 3
            d.rectangle([x0 + 10, y + 240, x0 + (width - 2 * pad) // 3 - 10, y + 400], fill=cols[(i + 2) % 4])
    for text, is_title in texts:
        if not text:
            y += line_h[False] // 2
            continue
        d.text((pad, y), text, font=title_f if is_title else body_f,
               fill=brand if is_title else (40, 40, 40))
        y += line_h[is_title]
    d.rectangle([0, 0, width - 1, height - 1], outline=(160, 160, 160), width=3)
    return im


# -------------------------------------------------------------------- typesetting


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=14.2,
                          alignment=TA_JUSTIFY, spaceAfter=7)
    blue = HexColor("#1F3864")
    return {
        "body": body,
        "left": ParagraphStyle("left", parent=body, alignment=TA_LEFT),
        "subheading": ParagraphStyle("subheading", parent=body, fontName="DejaVuSans-Bold",
                                     spaceBefore=4, spaceAfter=4, alignment=TA_LEFT),
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=2),
        "title": ParagraphStyle("title", fontName="DejaVuSans-Bold", fontSize=26, leading=32,
                                textColor=blue, spaceBefore=40, spaceAfter=8),
        "subtitle": ParagraphStyle("subtitle", fontName="DejaVuSans", fontSize=15, leading=20,
                                   textColor=HexColor("#555555"), spaceAfter=40),
        "chapter": ParagraphStyle("chapter", fontName="DejaVuSans-Bold", fontSize=17,
                                  leading=22, textColor=blue, spaceAfter=16),
        "heading": ParagraphStyle("heading", fontName="DejaVuSans-Bold", fontSize=12.5,
                                  leading=16, textColor=blue, spaceBefore=12, spaceAfter=8),
        "footer": ParagraphStyle("footer", fontName="DejaVuSans", fontSize=FOOTER_FONT,
                                 leading=FOOTER_FONT * 1.3, textColor=HexColor("#666666")),
        "footnote": ParagraphStyle("footnote", fontName="DejaVuSans", fontSize=FOOTNOTE_FONT,
                                   leading=FOOTNOTE_FONT * 1.3, alignment=TA_LEFT),
    }


def _markup(text: str, footnotes: dict[str, str]) -> tuple[str, list[str]]:
    """Escape text for reportlab and turn ``[^k]`` markers into superscripts."""
    out, keys = escape(text), []
    for key in footnotes:
        marker = f"[^{key}]"
        if marker in out:
            out = out.replace(marker, f'<super rise="4" size="7">{key}</super>')
            keys.append(key)
    return out, keys


def _make_flowables(spec: dict[str, Any], rng: random.Random) -> list[Any]:
    """Turn YAML blocks into platypus flowables; ``NoteParagraph`` carries the
    links and footnote keys that the page footer must print."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import ListFlowable, ListItem, PageBreak, Spacer

    st = _styles()
    notes = {str(k): v for k, v in (spec.get("footnotes") or {}).items()}
    frame_w = PAGE_W - 2 * MARGIN_X
    flow: list[Any] = []

    def para(text: str, style: Any, links: list[str] | None = None, label: str | None = None,
             href: str | None = None) -> Any:
        body, keys = _markup(text, notes)
        if href:
            body = f'<a href="{escape(href)}" color="#1155CC"><u>{body}</u></a>'
        if label:
            body = f"<b>{escape(label)}</b> {body}".rstrip()
        return NoteParagraph(body, style, links=list(links or []), footnotes=keys)

    for block in spec["blocks"]:
        kind = block["type"]
        links = block.get("links") or []
        if kind == "page_break":
            flow.append(PageBreak())
        elif kind == "title":
            flow.append(para(block["text"], st["title"]))
            if block.get("subtitle"):
                flow.append(para(block["subtitle"], st["subtitle"]))
        elif kind == "chapter":
            flow.append(para(block["text"], st["chapter"]))
        elif kind == "heading":
            p = para(block["text"], st["heading"])
            p.keepWithNext = 1
            flow.append(p)
        elif kind == "website":
            flow.append(para(block["text"], st["left"], links, label="Website:",
                             href=links[0] if links else None))
        elif kind == "labeled":
            flow.append(para(block.get("text") or "", st["body"], links, label=block["label"]))
        elif kind == "paragraph":
            flow.append(para(block["text"], st[block.get("style", "body")], links))
        elif kind == "bullets":
            items = [ListItem(para(t, st["bullet"]), leftIndent=16, value="•")
                     for t in block["items"]]
            flow.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=16,
                                     bulletFontName="DejaVuSans", bulletFontSize=9,
                                     spaceAfter=6))
        elif kind == "screenshot":
            shot = render_screenshot(block["url"], block.get("lines") or [], rng)
            w = min(shot.width / SHOT_PX_PER_PT, frame_w)
            h = w * shot.height / shot.width
            flow.append(Spacer(1, 2 * mm))
            png = io.BytesIO()
            shot.save(png, format="PNG")
            png.seek(0)
            flow.append(RLImage(png, width=w, height=h, hAlign="CENTER"))
            flow.append(Spacer(1, 4 * mm))
        else:
            raise ValueError(f"unknown block type {kind!r} in {DATA.name}")
    return flow


class NoteParagraph(Paragraph):
    """A Paragraph that remembers the links and footnote keys its page footer
    must print, also after reportlab splits it over two pages."""

    def __init__(self, text: str, style: Any, *args: Any, links: list[str] | None = None,
                 footnotes: list[str] | None = None, **kw: Any) -> None:
        super().__init__(text, style, *args, **kw)
        self.links = links or []
        self.footnotes = footnotes or []

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            # Links belong to the first lines; footnote markers sit near the end.
            parts[0].links, parts[1].links = self.links, []
            parts[0].footnotes, parts[1].footnotes = [], self.footnotes
        else:
            for part in parts:
                part.links, part.footnotes = self.links, self.footnotes
        return parts


def _footer_height(notes: PageNotes, footnotes: dict[str, str]) -> float:
    """Extra bottom space a page needs for its footnotes and footer URLs."""
    st = _styles()
    width = PAGE_W - 2 * MARGIN_X
    h = 0.0
    for url in notes.links:
        h += Paragraph(escape(url), st["footer"]).wrap(width, PAGE_H)[1]
    if notes.footnotes:
        h += 10  # rule and gap
        for key in notes.footnotes:
            text, _ = _markup(footnotes[key], {})
            h += Paragraph(f"<super>{key}</super>{text}", st["footnote"]).wrap(width, PAGE_H)[1] + 2
    return h + (6 if h else 0)


def _typeset(spec: dict[str, Any], reserve: dict[int, float], seed: int
             ) -> tuple[bytes, dict[int, PageNotes]]:
    """One layout pass with ``reserve[page]`` points kept free above the footer."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    st = _styles()
    notes_text = {str(k): v for k, v in (spec.get("footnotes") or {}).items()}
    header_left, header_right = spec.get("running_header", ["", ""])
    frame_w = PAGE_W - 2 * MARGIN_X
    base_y, base_h = MARGIN_BOTTOM, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
    pages: dict[int, PageNotes] = {}
    grey = HexColor("#7F7F7F")

    class ReportDoc(BaseDocTemplate):
        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab hook)
            page = pages.setdefault(self.page, PageNotes())
            page.links.extend(getattr(flowable, "links", []) or [])
            page.footnotes.extend(getattr(flowable, "footnotes", []) or [])

    def on_page(canv: Any, doc: Any) -> None:
        # Shrink the frame on pages that need room for footnotes/footer URLs.
        extra = reserve.get(doc.page, 0.0)
        frame._y1, frame._height = base_y + extra, base_h - extra
        frame._geom()
        if doc.page > 1:
            canv.saveState()
            canv.setFont("DejaVuSans", 8)
            canv.setFillColor(grey)
            y = PAGE_H - 42
            canv.drawString(MARGIN_X, y, header_left)
            canv.drawRightString(PAGE_W - MARGIN_X, y, header_right)
            canv.setStrokeColor(HexColor("#BFBFBF"))
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, y - 5, PAGE_W - MARGIN_X, y - 5)
            canv.restoreState()

    def on_page_end(canv: Any, doc: Any) -> None:
        notes = pages.get(doc.page, PageNotes())
        canv.saveState()
        canv.setFont("DejaVuSans", 8)
        canv.setFillColor(grey)
        canv.drawRightString(PAGE_W - MARGIN_X, 34, str(doc.page))
        canv.restoreState()
        y = FOOT_Y0
        # Footer URLs, bottom-up so the last one sits just above the page number.
        for url in reversed(notes.links):
            p = Paragraph(escape(url), st["footer"])
            _, h = p.wrap(frame_w, PAGE_H)
            p.drawOn(canv, MARGIN_X, y)
            y += h
        if notes.footnotes:
            y += 4
            for key in reversed(notes.footnotes):
                text, _ = _markup(notes_text[key], {})
                p = Paragraph(f'<super rise="3" size="6">{key}</super>{text}', st["footnote"])
                _, h = p.wrap(frame_w, PAGE_H)
                p.drawOn(canv, MARGIN_X, y)
                y += h + 2
            canv.saveState()
            canv.setLineWidth(0.6)
            canv.line(MARGIN_X, y + 3, MARGIN_X + 140, y + 3)
            canv.restoreState()

    buf = io.BytesIO()
    doc = ReportDoc(buf, pagesize=(PAGE_W, PAGE_H), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                    topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, invariant=1,
                    title=spec.get("title", ""), author=spec.get("author", ""),
                    creator="extract test generator", subject="", keywords="")
    frame = Frame(MARGIN_X, base_y, frame_w, base_h, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page, onPageEnd=on_page_end)])
    doc.build(_make_flowables(spec, random.Random(seed)))
    return buf.getvalue(), pages


def build_text_pdf(out_path: Path, *, seed: int = SEED, spec: dict[str, Any] | None = None
                   ) -> dict[int, PageNotes]:
    """Typeset the report to ``out_path``; returns what each page's footer holds.

    Layout runs until the room kept for footnotes and footer URLs matches what
    each page ends up holding (a footnote can push text to the next page).
    """
    from reportlab import rl_config

    rl_config.invariant = 1
    register_fonts()
    spec = spec or load_spec()
    notes_text = {str(k): v for k, v in (spec.get("footnotes") or {}).items()}
    reserve: dict[int, float] = {}
    for attempt in range(6):
        data, pages = _typeset(spec, reserve, seed)
        needed = {p: round(_footer_height(n, notes_text), 2) for p, n in pages.items()}
        needed = {p: h for p, h in needed.items() if h}
        if needed == reserve:
            break
        log.debug("layout pass %d: reserve %s", attempt, needed)
        reserve = needed
    else:
        log.warning("footer layout did not settle; using the last pass")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(data)
    return pages


# -------------------------------------------------------------------------- scans


def build_scans(text_pdf: Path, raw_dir: Path, fixtures_dir: Path, *, seed: int = SEED
                ) -> dict[str, Any]:
    """Render ``text_pdf`` at 300 DPI, damage every page, write the scan PDF,
    the TIFF, the page-2 PNG and JPEG photo; returns the per-page manifest."""
    rng = random.Random(seed + 1)
    clean = scan.render_pdf_pages(text_pdf, SCAN_DPI)
    n = len(clean)
    # One page fed upside down: not the title page or the first-lab page (page 2,
    # which also serves as the single-page fixture).
    upside_down = rng.randint(3, n) if n >= 3 else n
    damaged, manifest_pages = [], []
    for i, page in enumerate(clean, start=1):
        skew = round(rng.uniform(0.5, 2.0) * rng.choice((-1, 1)), 3)
        rotate = 180 if i == upside_down else 0
        damaged.append(scan.damage(page, rng, skew_deg=skew, rotate=rotate,
                                   noise_sigma=SCAN_NOISE, blur=SCAN_BLUR))
        manifest_pages.append({"page": i, "skew_deg": skew, "rotate": rotate})
    raw_dir.mkdir(parents=True, exist_ok=True)
    fixtures_dir.mkdir(parents=True, exist_ok=True)
    scan.images_to_pdf(damaged, raw_dir / f"{STEM}-scan.pdf", SCAN_DPI, SCAN_JPEG_QUALITY)
    scan.images_to_tiff(damaged, raw_dir / f"{STEM}-scan.tiff", TIFF_DPI)
    damaged[1].save(fixtures_dir / f"{STEM}-page2.png", dpi=(SCAN_DPI, SCAN_DPI), optimize=True)
    photo = scan.photo(clean[1], rng)
    photo.save(fixtures_dir / f"{STEM}-page2.jpg", quality=85, dpi=(SCAN_DPI, SCAN_DPI))
    manifest = {
        "source": f"raw/{STEM}.pdf",
        "seed": seed,
        "scan_dpi": SCAN_DPI,
        "tiff_dpi": TIFF_DPI,
        "jpeg_quality": SCAN_JPEG_QUALITY,
        "pages": manifest_pages,
        "upside_down_page": upside_down,
        "png_page": 2,
    }
    (fixtures_dir / f"{STEM}-scan.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def build_all(root: Path, *, seed: int = SEED, scans: bool = True) -> list[Path]:
    """Write every benchmark file under ``root`` (the repository root or a tmp
    dir); returns the paths written."""
    raw_dir = root / "raw"
    fixtures_dir = root / "tests" / "fixtures" / "benchmark"
    text_pdf = raw_dir / f"{STEM}.pdf"
    pages = build_text_pdf(text_pdf, seed=seed)
    log.info("%s: %d pages", text_pdf, len(pages))
    written = [text_pdf]
    if scans:
        build_scans(text_pdf, raw_dir, fixtures_dir, seed=seed)
        written += [raw_dir / f"{STEM}-scan.pdf", raw_dir / f"{STEM}-scan.tiff",
                    fixtures_dir / f"{STEM}-page2.png", fixtures_dir / f"{STEM}-page2.jpg",
                    fixtures_dir / f"{STEM}-scan.json"]
    return written
