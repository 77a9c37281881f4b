"""The review report's content without a browser: crops from image sources, run diff, correction states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from extract.assemble.corrections import apply_corrections, corrections_path
from extract.cli import main
from extract.errors import ExitCode
from extract.models import LabRecord, OcrInfo, OutputFile, PageInfo, SourceInfo
from extract.review.html import build_review
from extract.store.snapshots import snapshot_outputs


def lab(amount: float, conf: float = 0.5, bbox: list[float] | None = None) -> LabRecord:
    return LabRecord.model_validate({
        "name": "Heron Studio", "acronym": "HS", "country": "FR",
        "budget": {"amount": amount, "currency": "EUR", "period": "year", "amount_eur": amount},
        "provenance": {"budget": {"page": 1, "bbox": bbox or [90.0, 144.0, 198.0, 162.0], "text": "Budget annuel : 1,2 M€",
                                  "method": "rule:budget.v1", "confidence": conf}},
    })


def write(out: Path, output: OutputFile, stem: str = "scan") -> Path:
    path = out / f"{stem}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output.model_dump_json(indent=2))
    return path


def styles(html: str, cls: str) -> list[dict[str, float]]:
    found = []
    for match in re.finditer(rf'<(?:div|img)[^>]*class="{cls}"[^>]*style="([^"]+)"|<img[^>]*style="([^"]+)"', html):
        if cls == "img" and match.group(2):
            style = match.group(2)
        elif cls != "img" and match.group(1):
            style = match.group(1)
        else:
            continue
        found.append({k.strip(): float(v.strip().removesuffix("px")) for k, v in (p.split(":") for p in style.split(";") if p)})
    return found


def test_image_source_crop_geometry(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    # A 200 DPI page image: 1000 x 800 px = 360 x 288 pt. A dark block where the value is.
    image = Image.new("L", (1000, 800), 255)
    ImageDraw.Draw(image).rectangle((250, 400, 550, 450), fill=0)  # px = pt * 200 / 72
    image.save(raw / "scan.png", dpi=(200, 200))
    bbox = [250 * 72 / 200, 400 * 72 / 200, 550 * 72 / 200, 450 * 72 / 200]
    page = PageInfo(number=1, method="ocr", reason="ocr: no text layer", width=360, height=288,
                    ocr=OcrInfo(languages="fra", dpi=200, tesseract_version="5.3"))
    write(out, OutputFile(source=SourceInfo(path="raw/scan.png"), records=[lab(1_200_000, bbox=bbox)], pages=[page]))
    index = build_review(out, tmp_path / "review", raw_dir=raw, dpi=100)
    html = index.read_text()
    rendered = Image.open(tmp_path / "review" / "pages" / "scan" / "p1.png").convert("L")
    assert rendered.size == (500, 400)  # 200 DPI image shown at 100 DPI
    box = styles(html, "box")[0]
    img = styles(html, "img")[0]
    scale = img["width"] / 360
    assert abs(img["height"] - 288 * scale) < 0.2
    assert abs(box["left"] - bbox[0] * scale) < 0.2 and abs(box["top"] - bbox[1] * scale) < 0.2
    assert abs(box["width"] - (bbox[2] - bbox[0]) * scale) < 0.2
    # The box covers the dark block in the rendered page image.
    px = rendered.width / 360
    inside = rendered.crop((round(bbox[0] * px) + 2, round(bbox[1] * px) + 2, round(bbox[2] * px) - 2, round(bbox[3] * px) - 2))
    assert max(inside.getextrema()) < 60
    assert 'data-bbox="90.00,144.00,198.00,162.00"' in html


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_scan_page_is_turned_like_the_ocr(tmp_path: Path, rotation: int) -> None:
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    upright = Image.new("L", (300, 600), 255)
    ImageDraw.Draw(upright).rectangle((20, 30, 120, 60), fill=0)  # near the top-left when upright
    # It arrives turned; the OCR turned it `rotation` degrees clockwise to read it (extract.read.ocr).
    upright.rotate(rotation, expand=True).save(raw / "flipped.png", dpi=(72, 72))
    page = PageInfo(number=1, method="ocr", reason="ocr", width=300, height=600,
                    ocr=OcrInfo(languages="nld", dpi=72, tesseract_version="5.3", rotation=rotation))
    write(out, OutputFile(source=SourceInfo(path="raw/flipped.png"), records=[lab(5, bbox=[20, 30, 120, 60])], pages=[page]),
          stem="flipped")
    build_review(out, tmp_path / "review", raw_dir=raw, dpi=72)
    rendered = Image.open(tmp_path / "review" / "pages" / "flipped" / "p1.png").convert("L")
    assert rendered.size == (300, 600)
    assert max(rendered.crop((25, 35, 115, 55)).getextrema()) < 60


def test_previous_run_diff_and_correction_states_on_the_page(tmp_path: Path) -> None:
    out, corr = tmp_path / "output", tmp_path / "corrections"
    first = write(out, OutputFile(source=SourceInfo(path="raw/missing.pdf"), records=[lab(1_200_000, conf=0.9)]))
    snapshot_outputs(out, "20260101T000000.000000Z-aaaa", [first])
    assert main(["correct", "scan", "HS", "budget.amount", "1250000", "--out", str(out), "--by", "zoe"]) == ExitCode.ok
    assert corrections_path(corr, "scan").is_file()
    # The next run: the machine's budget moved (under the correction) and its confidence dropped.
    second = apply_corrections(OutputFile(source=SourceInfo(path="raw/missing.pdf"), records=[lab(1_300_000, conf=0.3)]),
                               "scan", corr)
    path = write(out, second)
    snapshot_outputs(out, "20260102T000000.000000Z-bbbb", [path])
    assert main(["review", "--out", str(out), "--to", str(tmp_path / "review")]) == ExitCode.ok
    html = (tmp_path / "review" / "index.html").read_text()
    assert "changed since the previous run" in html
    assert "against run 20260101T000000.000000Z-aaaa" in html
    assert 'data-field="budget.amount"' in html and 'data-state="needs-review"' in html
    assert "machine at correction: 1200000" in html and "machine: 1300000" in html
    assert "source file not found" in html
    assert "extract correct scan '#0' FIELD VALUE" in html  # how to name the record in a correction
    # Fields that need a look come first.
    fields = re.findall(r'data-field="([^"]+)"', html)
    assert fields[0] == "budget.amount"


def test_against_an_output_folder_and_escaping(tmp_path: Path) -> None:
    old, out = tmp_path / "old", tmp_path / "output"
    write(old, OutputFile(source=SourceInfo(path="raw/x.pdf"), records=[lab(1_000)]))
    evil = lab(2_000).model_copy(update={"name": 'Heron "Studio" <b>&</b>'})
    write(out, OutputFile(source=SourceInfo(path="raw/x.pdf"), records=[evil], warnings=["<i>odd</i>"]))
    index = build_review(out, tmp_path / "review", against=str(old))
    html = index.read_text()
    assert f"against {old}" in html and "changed since the previous run" in html
    assert "<b>&</b>" not in html and "Heron &quot;Studio&quot; &lt;b&gt;&amp;&lt;/b&gt;" in html
    assert "<i>odd</i>" not in html and "&lt;i&gt;odd&lt;/i&gt;" in html
