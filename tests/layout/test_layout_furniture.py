"""Running headers and footers, page numbers, footer URLs and footnotes leave the body."""

from __future__ import annotations

import pytest
from layout_boxes import FlowBuilder, PageBuilder, document

from extract.layout.build import build_lines

BODY = [
    "The agency was set up to help ministries try new ways of working with",
    "citizens and businesses. It runs experiments, trains civil servants and",
    "shares what works with other public bodies across the country.",
]


def _flowed(ocr: bool, pages: int = 3) -> list:
    flow = FlowBuilder(ocr=ocr, header="Annual review of public labs 2024")
    for n in range(pages):
        if n:
            flow.new_page()
        flow.line(f"Lab number {n + 1} in review", 14, bold=True)
        for _ in range(6):
            for text in BODY:
                flow.line(text)
            flow.gap(6)
        flow.footer_url(f"https://www.lab{n + 1}.example.org/about")
    flow.footnote(["1 The agency changed its name in 2019 after a review of its mandate", "by the ministry."])
    return build_lines(flow.build())


@pytest.mark.parametrize("ocr", [False, True], ids=["text_layer", "ocr_boxes"])
def test_header_page_number_url_and_footnote_roles(ocr):
    lines = _flowed(ocr)
    roles = {}
    for line in lines:
        roles.setdefault(line.text, set()).add(line.role)
    assert roles["Annual review of public labs 2024"] == {"header"}
    assert roles["2"] == {"footer"} and roles["3"] == {"footer"}
    assert roles["https://www.lab2.example.org/about"] == {"url_footer"}
    assert roles["1 The agency changed its name in 2019 after a review of its mandate"] == {"footnote"}
    assert roles["by the ministry."] == {"footnote"}
    assert {line.role for line in lines if line.text in BODY} == {"body"}


def test_header_with_a_changing_page_number_is_still_a_header():
    pages = []
    for n in range(1, 4):
        page = PageBuilder(number=n)
        page.line(f"Innovation benchmark - page {n} of 3", 72, 30, 8)
        page.lines(BODY * 4, 72, 100)
        pages.append(page.build())
    lines = build_lines(document(pages))
    assert {line.role for line in lines if line.text.startswith("Innovation benchmark")} == {"header"}


def test_a_heading_at_the_top_of_one_page_is_not_a_header():
    pages = []
    for n, title in enumerate(["Budget and staff", "Governance and partners", "Funding"], start=1):
        page = PageBuilder(number=n)
        page.line(title, 72, 40, 14, bold=True)
        page.lines(BODY * 3, 72, 100)
        pages.append(page.build())
    lines = build_lines(document(pages))
    assert {line.role for line in lines if line.text == "Governance and partners"} == {"heading"}


def test_superscript_marker_footnote_in_body_size_print():
    page = PageBuilder(ocr=True)
    top = page.lines(BODY * 12, 72, 80, 10.5)
    page.line("¹ Board members serve for four years and can be reappointed once.", 72, top + 30, 10.5)
    lines = build_lines(document([page.build()]))
    note = [line for line in lines if line.text.startswith("¹")]
    assert note and note[0].role == "footnote"
    assert {line.role for line in lines if line.text in BODY} == {"body"}


def test_last_body_line_starting_with_a_number_is_not_a_footnote():
    page = PageBuilder()
    top = page.lines(BODY * 14, 72, 80, 10.5)
    page.line("12 people work in the team, most of them part time.", 72, top, 10.5)
    lines = build_lines(document([page.build()]))
    assert lines[-1].role == "body"


def test_a_bold_numbered_heading_low_on_the_page_is_no_footnote():
    page = PageBuilder()
    top = page.lines(BODY * 14, 72, 80, 10.5)
    page.line("2. The Harbour Data Academy", 72, top + 14, 10.5, bold=True)
    page.lines(["The academy opened in 2018 and trains some 4,000 public servants a year in data skills."],
               72, top + 30, 10.5)
    lines = build_lines(document([page.build()]))
    assert [line.role for line in lines if line.text.startswith(("2. The Harbour", "The academy"))] == ["heading", "body"]


def test_text_under_a_short_rule_is_a_footnote():
    page = PageBuilder()
    top = page.lines(BODY * 14, 72, 80, 10.5)
    page.line("________", 72, top + 10, 10.5)
    page.line("See the annual report for the full list of partners.", 72, top + 26, 10.5)
    lines = build_lines(document([page.build()]))
    assert lines[-1].role == "footnote"


def test_a_title_with_an_at_sign_is_a_heading_an_email_is_not():
    page = PageBuilder()
    page.line("The Lab @ DC — science in city hall", 72, 80, 16, bold=True)
    top = page.lines(BODY * 6, 72, 110, 10.5)
    page.line("contact@kestrel-lab.example", 72, top + 10, 16, bold=True)
    lines = build_lines(document([page.build()]))
    roles = {line.text: line.role for line in lines}
    assert roles["The Lab @ DC — science in city hall"] == "heading"
    assert roles["contact@kestrel-lab.example"] != "heading"
