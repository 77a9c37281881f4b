"""A comparison that titles its chapters by place ('2. Norway: a register town') is about the lab each
chapter's first sentence opens with, named before or not, with or without a head noun; a chapter
that opens with something else, or whose heading is no place, is left to the other rules."""

from __future__ import annotations

from flows import section_titles
from layout_boxes import FlowBuilder


def _comparison(chapters: list[tuple[str, list[str]]]) -> FlowBuilder:
    flow = FlowBuilder()
    flow.line("Who pays for the land register? Three models compared", 18, bold=True)
    flow.paragraph(heading="1. Introduction", lines=[
        "Land registers are paid for in different ways. We compare three operators that are rarely",
        "compared: Kartverkstad, Deedhall and the register of Singapore."])
    for heading, lines in chapters:
        flow.paragraph(heading=heading, lines=lines)
    flow.paragraph(heading="5. Discussion", lines=[
        "Fee funding makes it easier to invest, but checks on filings sit uneasily with it."])
    return flow


def test_place_chapters_take_the_name_their_first_sentence_opens_with() -> None:
    flow = _comparison([
        ("2. Norway: a register town", [
            "Kartverkstad has run the land register from a small coastal town since 1987. It is a",
            "directorate under the ministry and employs roughly 410 people."]),
        ("3. The United Kingdom: from ledger to gatekeeper", [
            "Deedhall is the oldest of the three. It was set up in 1862 and employs 1,120 people;",
            "Deedhall spent GBP 84 million in 2023."]),
        ("4. Singapore: a register that pays for itself", [
            "The Lowland Survey Authority came into being on 1 April 2006 by a merger. It employs",
            "about 220 officers and spent SGD 61 million in 2023."]),
    ])
    titles = section_titles(flow)
    assert titles[:3] == ["Kartverkstad, Norway", "Deedhall, United Kingdom", "Lowland Survey Authority, Singapore"]


def test_a_place_chapter_that_opens_with_something_else_is_not_renamed() -> None:
    flow = _comparison([
        ("2. Norway: a register town", [
            "In the north, the ministry asked Kartverkstad to keep the register from 1987 on. It",
            "employs roughly 410 people."]),
        ("3. Chile: a register town", [
            "Kartverkstad is the model others copy. Its staff of 410 run the register."]),
    ])
    assert "Kartverkstad, Norway" not in section_titles(flow)


def test_a_name_the_heading_already_gives_keeps_the_heading() -> None:
    flow = _comparison([
        ("2. Norway: Kartverkstad, the register town", [
            "Kartverkstad has run the land register from a small coastal town since 1987. It is a",
            "directorate under the ministry and employs roughly 410 people."]),
    ])
    assert "Kartverkstad, Norway" not in section_titles(flow)
