"""On the generated report PDFs (text layer): invariants that hold for any report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.layout.build import build_lines
from extract.segment.sections import split_sections

ROOT = Path(__file__).resolve().parents[2]
PDFS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.pdf")) + sorted((ROOT / "raw").glob("*.pdf"))
TEXT_PDFS = [p for p in PDFS if "scan" not in p.stem and "rotated" not in p.stem]


def _gold(pdf: Path) -> Path | None:
    for candidate in (pdf.parent / "gold" / f"{pdf.stem}.json", ROOT / "tests" / "fixtures" / "gold" / f"{pdf.stem}.json"):
        if candidate.is_file():
            return candidate
    return None


@pytest.mark.parametrize("pdf", TEXT_PDFS, ids=[p.stem for p in TEXT_PDFS])
def test_sections_of_a_real_report(pdf: Path):
    from extract.read.reader import read_document
    from extract.settings import Settings

    document = read_document(pdf, Settings())
    if any(page.method != "text" for page in document.pages):
        pytest.skip("not a text-layer PDF")
    lines = build_lines(document)
    sections = split_sections(document, lines)
    assert sections
    for section in sections:
        assert {line.role for line in section.lines} <= {"body", "heading", "table", "caption"}
        assert all(line.role == "footnote" for line in section.footnotes)
        assert all(line.role == "url_footer" for line in section.urls)
        if section.kind == "heading":
            assert section.title and not re.match(r"^\d+(\.\d+)*[.)]?\s", section.title)
    gold = _gold(pdf)
    if gold:
        records = json.loads(gold.read_text(encoding="utf-8"))["records"]
        assert len(sections) >= len(records)
