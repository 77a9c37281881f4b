"""Sections: lab headings, repeated label blocks, a single-lab document, two columns, footnotes."""

from __future__ import annotations

from layout_boxes import FlowBuilder, PageBuilder, document, word_boxes

from extract.layout.build import build_lines
from extract.segment.sections import split_sections

ROLE_EN = ["Role: The lab helps public bodies to redesign services with the people who use",
           "them, and trains civil servants in user research and rapid prototyping."]
MEANS_EN = ["Resources: an annual budget of EUR 1.2 million and a team of 9 people."]
BOARD_EN = ["Governance: a steering board of five members from the ministries meets",
            "four times a year and approves the work plan."]


def _lab(flow: FlowBuilder, heading: str | None, site: str, *, size: float = 14, bold: bool = True) -> None:
    if heading:
        flow.line(heading, size, bold=bold, space_before=10)
    flow.line(f"Website: {site}")
    for text in ROLE_EN + MEANS_EN + BOARD_EN:
        flow.line(text)
    flow.gap(6)


def _sections(flow: FlowBuilder):
    doc = flow.build()
    return split_sections(doc, build_lines(doc))


def test_chapters_numbered_like_labs_and_a_closing_chapter_are_not_labs():
    flow = FlowBuilder()
    flow.line("1. Introduction", 16, bold=True)
    flow.line("This study compares public innovation labs in several countries of Europe.")
    flow.line("2. Labs in Northern Europe", 16, bold=True, space_before=10)
    _lab(flow, "1. Lab North (LN) in Finland", "www.north.example.fi")
    _lab(flow, "2. Lab Baltic in Estonia", "www.baltic.example.ee")
    flow.line("3. Lessons learned", 16, bold=True, space_before=10)
    flow.line("Labs with a stable budget and a clear mandate from the centre of government grow faster.")
    sections = _sections(flow)
    assert [s.title for s in sections] == ["Lab North (LN) in Finland", "Lab Baltic in Estonia"]
    assert not any("stable budget" in s.text for s in sections)
    assert all(s.language == "en" for s in sections)


def test_unnumbered_bold_headings_with_a_bold_sub_heading_inside_a_lab():
    flow = FlowBuilder()
    flow.line("Public innovation labs: a review", 20, bold=True)
    flow.line("Two labs are described below, each with its resources and governance.")
    _lab(flow, "Lab Danube", "www.danube.example.at")
    flow.line("Board of the lab", 11, bold=True)
    flow.line("The board has seven members, two of them from universities.")
    _lab(flow, "Lab Tagus", "www.tagus.example.pt")
    sections = _sections(flow)
    assert [s.title for s in sections] == ["Lab Danube", "Lab Tagus"]
    assert "seven members" in sections[0].text


def test_a_lab_continues_over_a_page_break_and_keeps_the_footnote_of_its_page():
    flow = FlowBuilder(header="Review of labs")
    _lab(flow, "1. Lab Alpha", "www.alpha.example.org")
    flow.footer_url("https://www.alpha.example.org")
    flow.footnote(["1 The festival moved online in 2021."])
    while len(flow.pages) == 1:
        flow.line("The lab also runs a yearly festival of public innovation for all civil servants.")
    for text in BOARD_EN:
        flow.line(text)
    _lab(flow, "2. Lab Beta", "www.beta.example.org")
    while len(flow.pages) < 3:  # the running header repeats on pages 2 and 3
        flow.line("The lab publishes its results in an open repository for other public bodies.")
    sections = _sections(flow)
    assert [s.title for s in sections] == ["Lab Alpha", "Lab Beta"]
    alpha = sections[0]
    assert alpha.pages == [1, 2]
    assert [line.text for line in alpha.footnotes] == ["1 The festival moved online in 2021."]
    assert "Review of labs" not in alpha.text and "festival moved online" not in alpha.text
    assert "steering board" in alpha.lines[-len(BOARD_EN) - 1].text or "steering board" in alpha.text
    assert alpha.urls and alpha.urls[0].text == "https://www.alpha.example.org"


def test_repeated_label_blocks_without_headings():
    flow = FlowBuilder()
    flow.line("Overview of the labs we visited during the study.")
    for name, site in [("Lab Rhine", "www.rhine.example.de"), ("Lab Loire", "www.loire.example.fr"),
                       ("Lab Thames", "www.thames.example.uk")]:
        flow.line(name, space_before=6)
        _lab(flow, None, site, bold=False)
    sections = _sections(flow)
    assert [s.title for s in sections] == ["Lab Rhine", "Lab Loire", "Lab Thames"]
    assert all(s.lines[1].text.startswith("Website:") for s in sections)


def test_single_lab_fact_sheet_is_one_document_section_titled_by_its_title():
    flow = FlowBuilder()
    flow.line("Laboratoire d'innovation territoriale de Bretagne", 20, bold=True)
    flow.line("Fiche descriptive 2024", 12)
    flow.line("Site web : www.lab-bretagne.example.fr", space_before=10)
    flow.line("Mission : le laboratoire accompagne les collectivités dans la conception de")
    flow.line("services publics avec les usagers et forme les agents aux méthodes de design.")
    flow.line("Équipe : huit personnes, dont deux designers et un chargé d'évaluation.")
    flow.line("Gouvernance : un comité de pilotage de sept membres se réunit chaque trimestre.")
    (section,) = _sections(flow)
    assert section.kind == "heading" or section.kind == "document"
    assert section.title == "Laboratoire d'innovation territoriale de Bretagne"
    assert section.language == "fr"


def test_fact_sheet_with_sub_headings_named_like_fields_is_one_document():
    flow = FlowBuilder()
    flow.line("GovLab Lisboa annual report", 20, bold=True)
    flow.line("The lab had a busy year with many new projects across the city administration.")
    flow.line("Budget", 14, bold=True, space_before=8)
    flow.line("Budget: EUR 2 million for the year, mostly from the city.")
    flow.line("Staff", 14, bold=True, space_before=8)
    flow.line("Staff: 14 people, of whom 3 part time.")
    (section,) = _sections(flow)
    # The lab the title names, its place included ('GovLab Lisboa'), without the report's kind.
    assert section.kind == "document" and section.title == "GovLab Lisboa"
    assert "Staff: 14 people" in section.text


def test_plain_document_without_structure_is_one_section():
    page = PageBuilder()
    page.lines(["City Data Lab", "Notes from the meeting with the lab team.",
                "They plan to hire two more people next year."], 72, 100)
    doc = document([page.build()])
    (section,) = split_sections(doc, build_lines(doc))
    assert section.kind == "document" and section.title == "City Data Lab" and len(section.lines) == 3


def test_document_of_sentences_only_has_no_title():
    page = PageBuilder()
    page.lines(["Notes from the meeting with the lab team.", "They plan to hire two more people next year."], 72, 100)
    doc = document([page.build()])
    (section,) = split_sections(doc, build_lines(doc))
    assert section.kind == "document" and section.title is None


def test_two_column_report_sections_follow_the_columns():
    page = PageBuilder()
    words = "the lab works with cities on digital services and open data for all residents".split()
    filler = [" ".join(words[i % 5 : i % 5 + 7]) for i in range(12)]

    def column(x: float, top: float, heading: str, site: str) -> float:
        page.line(heading, x, top, 13, bold=True)
        top = page.lines([f"Website: {site}", "Role: a small team that tests new ideas.", *filler,
                          "Staff: 6 people."], x, top + 20, 10)
        return top

    page.line("Labs in two columns", 72, 50, 18, bold=True)
    top = column(72, 90, "1. Lab West", "www.west.example.ie")
    column(72, top + 10, "2. Lab East", "www.east.example.pl")
    column(320, 90, "3. Lab Centre", "www.centre.example.cz")
    doc = document([page.build()])
    sections = split_sections(doc, build_lines(doc))
    assert [s.title for s in sections] == ["Lab West", "Lab East", "Lab Centre"]
    assert [s.lines[1].text for s in sections] == ["Website: www.west.example.ie", "Website: www.east.example.pl",
                                                   "Website: www.centre.example.cz"]


def test_a_footnote_goes_to_the_lab_whose_text_carries_its_mark():
    flow = FlowBuilder()
    flow.line("1. Lab Alpha", 14, bold=True)
    flow.line("Website: www.alpha.example.org")
    flow.line("Governance: the members form the steering group together.")
    page = flow.page
    page.words.extend(word_boxes("1", 72 + 58 * 5.25 + 4, flow.y - 13.65 - 2, 6))  # superscript mark
    _lab(flow, "2. Lab Beta", "www.beta.example.org")
    flow.footnote(["1 The steering group was set up after a study trip in 2015."])
    sections = _sections(flow)
    assert [line.text for line in sections[0].footnotes] == ["1 The steering group was set up after a study trip in 2015."]
    assert sections[1].footnotes == []


def test_numbered_list_inside_a_lab_of_a_plain_text_report_neither_splits_nor_ends_it():
    page = PageBuilder()
    texts = []
    for n, name in enumerate(["Lab One", "Lab Two", "Lab Three"], start=1):
        texts += [f"{n}. {name}", f"Website: www.lab{n}.example.org", "Role: the lab helps services change."]
        if n == 2:
            texts += ["The lab works in three steps:", "1. Map the needs of users", "2. Test small prototypes",
                      "3. Share what worked"]
        texts += ["Governance: a board of five members."]
    page.lines(texts, 72, 80, 10)
    doc = document([page.build()])
    sections = split_sections(doc, build_lines(doc))
    assert [s.title for s in sections] == ["Lab One", "Lab Two", "Lab Three"]
    assert "2. Test small prototypes" in sections[1].text and "Governance:" in sections[1].text


def test_lab_numbering_that_restarts_under_each_chapter_keeps_every_lab():
    flow = FlowBuilder()
    for region in ["Northern", "Southern"]:
        flow.line(f"{region} Europe", 18, bold=True, space_before=12)
        for n in range(1, 4):
            _lab(flow, f"{n}. Lab {region} {n}", f"www.{n}.example.org")
    sections = _sections(flow)
    assert [s.title for s in sections] == [f"Lab {r} {n}" for r in ["Northern", "Southern"] for n in range(1, 4)]
