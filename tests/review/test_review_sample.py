"""The review of the sample benchmark (text PDF) in headless Chromium: every crop's box sits on ink."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from extract.models import OutputFile
from extract.review.html import build_review

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]


def test_sample_benchmark_review_boxes_sit_on_words(tmp_path: Path, raw_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    from extract.pipeline import process_file
    from extract.settings import Settings

    pdf = raw_dir / "nido-benchmark.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} not generated yet (tests/generator/make_all.py)")
    out = tmp_path / "output"
    out.mkdir()
    output: OutputFile = process_file(pdf, Settings(workers=1), display_path=str(pdf))
    assert output.records
    (out / "nido-benchmark.json").write_text(output.model_dump_json())
    to = tmp_path / "review"
    index = build_review(out, to)

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1200})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(index.as_uri(), wait_until="load")
            assert page.locator("section.record").count() == len(output.records)
            crops = page.evaluate("""() => Array.from(document.querySelectorAll('.crop')).map(c => {
                const img = c.querySelector('img'), box = c.querySelector('.box');
                const i = img.getBoundingClientRect(), b = box.getBoundingClientRect();
                return {src: img.getAttribute('src'), widthPt: +img.dataset.pageWidthPt, bbox: box.dataset.bbox,
                        img: [i.x, i.y, i.width], box: [b.x, b.y, b.width, b.height]};
            })""")
            page.locator(".crop").first.scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / "sample.png"))
            shot_bytes = (tmp_path / "sample.png").stat().st_size
        finally:
            browser.close()
    assert errors == []
    assert shot_bytes > 10_000
    assert len(crops) >= len(output.records)
    for crop in crops:
        x0, top, x1, bottom = (float(v) for v in crop["bbox"].split(","))
        scale = crop["img"][2] / crop["widthPt"]
        # The box is drawn where the bbox says, on the shown page image ...
        expected = [crop["img"][0] + x0 * scale, crop["img"][1] + top * scale, (x1 - x0) * scale, (bottom - top) * scale]
        assert all(abs(a - b) < 1.5 for a, b in zip(crop["box"], expected)), crop
        # ... and the page image has words there.
        image = Image.open(to / crop["src"]).convert("L")
        px = image.width / crop["widthPt"]
        region = image.crop((round(x0 * px), round(top * px), round(x1 * px), round(bottom * px)))
        dark = sum(region.histogram()[:140])
        assert dark > 0.02 * region.width * region.height, crop
