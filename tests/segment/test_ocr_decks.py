"""Scanned slide decks (issue 14: on 128 scans of held-out documents, decks came out as one record
where their text PDFs gave one per lab). OCR loses what a text layer keeps: bullets and a line's
true size."""

from __future__ import annotations

import pytest
from flows import section_titles
from layout_boxes import FlowBuilder


def _slide(flow: FlowBuilder, title: str, lines: list[str], *, size: float = 17.0) -> None:
    flow.new_page()
    flow.line(title, 26, space_before=4)
    flow.gap(10)
    for text in lines:
        flow.line(text, size)


LONG = "and a long last line that reaches the slide's right edge, as the slides' long lines do here"


def _deck(first_title: str, *, title_lines: int = 1) -> FlowBuilder:
    # Bullets OCR did not read: short lines that name a staff, a parent, a website or a budget in
    # passing, each over a short line, read like a questionnaire's questions and answers.
    flow = FlowBuilder(ocr=True, page_numbers=False)
    title = ["Technologists in the inspection room", "of two small regulators", "Mira Tallqvist, Kestrel"]
    for text, size in list(zip(title, (30, 24, 21)))[:title_lines]:
        flow.line(text, size)  # a title slide may set its title on two lines and its presenter large
    flow.line("How three regulators of Kestrel and Tern built in-house tech teams", 18)
    _slide(flow, "Why this matters", ["Case teams need people who can read both", "Three models in this deck", LONG])
    _slide(flow, first_title, ["Team of more than 50 specialists", "Created in 2019", LONG])
    _slide(flow, "TTC — Office of Technology (OTT)", ["Part of the Tern Trade Commission", "Launched in 2023",
                                                       "Website of the office", "ott.tern.example", LONG])
    _slide(flow, "Side by side", ["Own budget line", "none for either unit", LONG])
    return flow


@pytest.mark.parametrize("title_lines", [1, 3])
def test_label_lines_on_one_slide_of_a_deck_are_no_questionnaire(title_lines: int) -> None:
    titles = section_titles(_deck("KCA — Data, Technology and Analytics (DaTA) unit", title_lines=title_lines))
    assert "KCA — Data, Technology and Analytics (DaTA) unit" in titles and "TTC — Office of Technology (OTT)" in titles


def test_a_wrapped_line_ocr_read_large_is_no_heading() -> None:
    from extract.layout.build import build_lines

    flow = FlowBuilder(ocr=True, page_numbers=False)
    flow.line("Lottery money and digital culture", 30)
    _slide(flow, "Today", ["Three organisations: the Kestrel Community Fund, the Tern Heritage Fund and"])
    flow.line("The Loft", 24)  # the item's last words, their box enlarged by a speck
    flow.line("What this means for a small trust like ours", 17)
    _slide(flow, "The Loft", ["Digital arts commissioning body, set up in 2012 by two funders"])
    roles = [(line.page, line.text, line.role) for line in build_lines(flow.build())]
    assert (2, "The Loft", "body") in roles and (3, "The Loft", "heading") in roles
    # From a text layer the size is the font's: there a line set larger is a heading.
    text = FlowBuilder(page_numbers=False)
    text.line("Three organisations: the Kestrel Community Fund, the Tern Heritage Fund and", 17)
    text.line("The Loft", 24)
    text.line("Digital arts commissioning body, set up in 2012 by two funders", 17)
    assert [line.role for line in build_lines(text.build()) if line.text == "The Loft"] == ["heading"]
