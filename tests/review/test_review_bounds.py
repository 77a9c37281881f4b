"""`extract review` renders pages within the same kind of bounds as the batch (issue 15, item 5)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

from extract.models import LabRecord, OutputFile, PageInfo, SourceInfo
from extract.review.html import build_review
from extract.review.images import REVIEW_MAX_PIXELS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from generator.hostile import huge_page_pdf  # noqa: E402


def test_a_huge_page_is_rendered_small_enough(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "output"
    raw.mkdir()
    out.mkdir()
    huge_page_pdf(raw / "poster.pdf", 14_000)
    record = LabRecord.model_validate({
        "name": "Testlab Innovation Hub",
        "provenance": {"name": {"page": 1, "bbox": [500.0, 400.0, 3500.0, 600.0], "text": "Testlab Innovation Hub",
                                "method": "rule:identity.v1", "confidence": 0.9}}})
    page = PageInfo(number=1, method="text", reason="text layer: 3 words", width=14000, height=14000)
    (out / "poster.json").write_text(OutputFile(source=SourceInfo(path=str(raw / "poster.pdf")), records=[record],
                                                pages=[page]).model_dump_json())
    index = build_review(out, tmp_path / "review", raw_dir=raw)
    image_path = tmp_path / "review" / "pages" / "poster" / "p1.png"
    assert image_path.is_file(), index.read_text()[:500]
    with Image.open(image_path) as img:
        assert img.width * img.height <= REVIEW_MAX_PIXELS and max(img.size) <= 8000
        assert min(img.size) > 1000  # still a usable picture
