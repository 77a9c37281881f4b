"""The review report in a real headless browser: loads cleanly, shows every record, boxes sit on the words."""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from extract.models import LabRecord, OutputFile, PageInfo, SourceInfo
from extract.review.html import build_review

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]


def make_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "1. Kestrel Werkplaats (KW) in Nederland")
    c.setFont("Helvetica", 11)
    c.drawString(72, 730, "Website: www.kestrelwerkplaats.example")
    c.drawString(72, 712, "Rol: een proeftuin voor publieke dienstverlening.")
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 600, "Middelen: het jaarbudget bedraagt")
    c.drawString(260, 420, "Zebrafinch 340.000 euro per jaar")
    c.drawString(72, 300, "2. Otter Lab in Belgie")
    c.showPage()
    c.save()


def word_box(pdf: Path, page: int, text: str) -> tuple[float, float, float, float]:
    with pdfplumber.open(pdf) as doc:
        for word in doc.pages[page - 1].extract_words():
            if word["text"] == text:
                return (word["x0"], word["top"], word["x1"], word["bottom"])
    raise AssertionError(f"{text} not on page {page}")


def test_review_in_headless_chromium(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    out.mkdir()
    pdf = raw / "labs.pdf"
    make_pdf(pdf)
    zebra = word_box(pdf, 2, "Zebrafinch")
    site = word_box(pdf, 1, "www.kestrelwerkplaats.example")
    records = [
        LabRecord.model_validate({
            "name": "Kestrel Werkplaats", "acronym": "KW", "country": "NL", "website": "https://www.kestrelwerkplaats.example",
            "budget": {"amount": 340000, "currency": "EUR", "period": "year", "amount_eur": 340000},
            "provenance": {
                "website": {"page": 1, "bbox": list(site), "text": "Website: www.kestrelwerkplaats.example",
                            "method": "rule:identity.v1", "confidence": 0.97},
                "budget": {"page": 2, "bbox": list(zebra), "text": "Zebrafinch 340.000 euro per jaar",
                           "method": "rule:budget.v1", "confidence": 0.41},
            },
        }),
        LabRecord.model_validate({"name": "Otter Lab <script>alert(1)</script>", "country": "BE"}),
    ]
    pages = [PageInfo(number=n, method="text", reason="text layer", width=595.2756, height=841.8898) for n in (1, 2)]
    output = OutputFile(source=SourceInfo(path="elsewhere/labs.pdf"), records=records, pages=pages)
    (out / "labs.json").write_text(output.model_dump_json(indent=2))
    index = build_review(out, tmp_path / "review", raw_dir=raw)
    html = index.read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    errors: list[str] = []
    shot = tmp_path / "review.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
            page.goto(index.as_uri(), wait_until="load")
            page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
            assert page.locator("section.record").count() == 2
            assert "Kestrel Werkplaats" in page.inner_text("body") and "Otter Lab <script>" in page.inner_text("body")
            # Low-confidence field first in its record.
            assert page.locator("section.record").first.locator("tr.field").first.get_attribute("data-field").startswith("budget")
            row = page.locator('tr.field[data-field="budget.amount"]')
            row.scroll_into_view_if_needed()
            box = row.locator(".box").bounding_box()
            img = row.locator("img").bounding_box()
            assert box is not None and img is not None
            width_pt = float(row.locator("img").get_attribute("data-page-width-pt") or 0)
            scale = img["width"] / width_pt
            expected = (img["x"] + zebra[0] * scale, img["y"] + zebra[1] * scale,
                        (zebra[2] - zebra[0]) * scale, (zebra[3] - zebra[1]) * scale)
            got = (box["x"], box["y"], box["width"], box["height"])
            assert all(abs(a - b) < 1.5 for a, b in zip(got, expected)), (got, expected)
            # The box really covers ink: the word is drawn there on the rendered page.
            clip = tmp_path / "box.png"
            page.screenshot(path=str(clip), clip={"x": box["x"] + 3, "y": box["y"] + 3,
                                                  "width": box["width"] - 6, "height": box["height"] - 6})
            grey = Image.open(clip).convert("L")
            dark = sum(grey.histogram()[:128])
            assert dark > 0.05 * grey.width * grey.height
            # The attention filter works without errors.
            page.check("#attention")
            assert row.is_visible()
            page.uncheck("#attention")
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert shot.stat().st_size > 10_000
    if os.environ.get("EXTRACT_KEEP_SCREENSHOT"):
        Image.open(shot).save(os.environ["EXTRACT_KEEP_SCREENSHOT"])
