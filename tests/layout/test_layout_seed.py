"""The seed benchmark typeset over pages (header, page numbers, footer URLs, screenshots) -> one section per lab."""

from __future__ import annotations

import pytest
from layout_boxes import seed_document

from extract.layout.build import build_lines
from extract.layout.headings import strip_numbering
from extract.segment.sections import split_sections


@pytest.fixture(scope="module", params=[False, True], ids=["text_layer", "ocr_boxes"])
def seed(request):
    document, labs = seed_document(ocr=request.param)
    lines = build_lines(document)
    return document, labs, lines, split_sections(document, lines)


def test_one_section_per_numbered_lab_heading(seed):
    _, labs, _, sections = seed
    assert [s.kind for s in sections] == ["heading"] * len(labs)
    assert [s.title for s in sections] == [strip_numbering(" ".join(lab.heading)) for lab in labs]


def test_every_label_line_of_a_lab_lands_in_its_section(seed):
    _, labs, _, sections = seed
    for lab, section in zip(labs, sections):
        starts = [line.text[:25] for line in section.lines]
        for label_line in lab.label_lines:
            assert label_line[:25] in starts, (section.title, label_line)


def test_furniture_and_screenshots_stay_out_of_sections(seed):
    _, labs, lines, sections = seed
    body = {line.text for s in sections for line in s.lines}
    assert "Benchmark innovatielabs" not in body
    assert not any(text.startswith(("http://", "https://")) for text in body)
    shots = {text for lab in labs for text in lab.screenshot}
    assert not body & shots
    assert {line.role for line in lines if line.text in shots} == {"image_text"}
    assert all(line.role in {"body", "heading"} for s in sections for line in s.lines)


def test_sections_continue_over_page_breaks_and_keep_their_footer_urls(seed):
    _, _, _, sections = seed
    assert sum(len(s.pages) > 1 for s in sections) >= 3
    for section in sections:
        assert section.urls, section.title
        assert section.urls[0].page >= section.pages[0]
        assert section.language == "nl"


def test_introduction_and_chapter_heading_are_not_labs(seed):
    _, _, lines, sections = seed
    first_page = [line for line in lines if line.page == 1]
    assert first_page and all(line.page != 1 for s in sections for line in s.lines)
    chapter = [line for line in lines if line.role == "heading" and (line.size or 0) > 15]
    assert len(chapter) == 1 and chapter[0].text.count(" ") >= 5  # merged over its three printed lines
