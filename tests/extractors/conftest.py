"""Helpers for the extractor tests: Sections built from plain text (one Line per text line)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.models import LabRecord, Line, Section
from extract.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "seed" / "000_6ab50b9a4722492e.txt"
_URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
_HEADING = re.compile(r"^\s*([1-9])\.\s+(\S.*)$")


def section_from_text(text: str, title: str | None = None, *, lang: str | None = None, kind: str = "heading",
                      conf: float | None = None, urls: tuple[str, ...] = (), page: int = 1,
                      table_fields: dict[str, str] | None = None) -> Section:
    lines = []
    for i, raw in enumerate(line for line in text.strip("\n").splitlines() if line.strip()):
        top = 72.0 + 14.0 * i
        lines.append(Line(page=page, text=raw.strip(), bbox=(72.0, top, 72.0 + 6.0 * len(raw), top + 12.0), conf=conf))
    url_lines = [Line(page=page, text=u, bbox=(72.0, 780.0, 300.0, 790.0), role="url_footer") for u in urls]
    return Section(kind=kind, title=title, lines=lines, urls=url_lines, language=lang,
                   table_fields=table_fields or {})


@pytest.fixture(scope="session")
def make_section() -> Callable[..., Section]:
    return section_from_text


@pytest.fixture(scope="session")
def extract_one() -> Callable[..., LabRecord]:
    from extract.extractors import extract_records

    def run(text: str, title: str | None = None, **kwargs: object) -> LabRecord:
        records = extract_records([section_from_text(text, title, **kwargs)], Settings())
        assert len(records) == 1, records
        return records[0]

    return run


@pytest.fixture(scope="session")
def fixture_records() -> Callable[[str], list[LabRecord]]:
    """The records of one file under ``tests/fixtures`` ('genres-heldout41/en-form-acer.pdf')."""
    from extract.pipeline import process_file

    def run(name: str) -> list[LabRecord]:
        return process_file(FIXTURES / name, Settings()).records

    return run


def seed_sections() -> list[Section]:
    """The seed benchmark's nine lab sections, laid out as the layout stage gives them: screenshot
    text (between the Website line and the first role line) marked as image text, the footnote and
    footer URLs taken out of the body."""
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index(" 2. Europese")
    lines = [line.rstrip() for line in raw[start:].splitlines()]
    sections: list[tuple[str, list[str], list[str]]] = []
    current: tuple[str, list[str], list[str]] | None = None
    expect_title_tail = False
    in_footnote = False
    for line in lines:
        heading = _HEADING.match(line)
        if heading and not line.strip().startswith("2. Europese"):
            current = (heading.group(2).strip(), [], [])
            sections.append(current)
            expect_title_tail = True
            continue
        if current is None or not line.strip():
            continue
        if expect_title_tail and not line.strip().startswith("Website"):
            current = (current[0] + " " + line.strip(), current[1], current[2])
            sections[-1] = current
            continue
        expect_title_tail = False
        if _URL_LINE.match(line):
            current[2].append(line.strip())
            continue
        if line.startswith("TVIT staat"):
            in_footnote = True
        if in_footnote:
            in_footnote = not line.rstrip().endswith("Overheid.")
            continue
        current[1].append(line.strip())
    out = []
    for title, body, urls in sections:
        built = []
        screenshot = False
        for text in body:
            if text.startswith("Website:"):
                screenshot = True
                built.append((text, "body"))
                continue
            if re.match(r"^(Rol|Middelen|Governance):", text):
                screenshot = False
            built.append((text, "image_text" if screenshot else "body"))
        lines_out = [Line(page=1 + i // 40, text=t, bbox=(72.0, 72.0 + 14 * (i % 40), 500.0, 84.0 + 14 * (i % 40)),
                          role=role) for i, (t, role) in enumerate(built)]
        url_lines = [Line(page=1, text=u, bbox=(72.0, 780.0, 300.0, 790.0), role="url_footer") for u in urls]
        out.append(Section(kind="heading", title=title, lines=lines_out, urls=url_lines, language="nl"))
    return out


@pytest.fixture(scope="session")
def seed() -> list[Section]:
    return seed_sections()
