"""Layouts met on real reports: scanned tables, key-value cards, sidebars, justified text, screenshots."""

from __future__ import annotations

from layout_boxes import FlowBuilder, PageBuilder, document, word_boxes

from extract.layout.build import build_lines
from extract.layout.tables import table_rows, tables_from_words
from extract.models import Table, TableCell
from extract.segment.sections import split_sections

PROSE = ("The office helps departments to test new services with residents and publishes what it "
         "learns so that other public bodies can reuse its methods and results").split()


def test_scanned_table_with_ruling_bars_and_cells_running_together():
    page = PageBuilder(ocr=True)
    starts = [70, 215, 280, 345, 460]
    rows = [["Name", "Country", "Founded", "Budget", "Staff"],
            ["Lab One", "Austria", "|", "2017", "€ 750.000", "4"],
            ["Lab Two", "Portugal", "2019", "EUR 1.2m", "9"],
            ["Lab Three", "Greece", "unknown", "EUR 4m", "12"]]
    top = 100.0
    for cells in rows:
        texts = [c for c in cells if c != "|"]
        for x, text in zip(starts, texts):
            page.line(text, x, top, 10)
        if "|" in cells:
            page.line("|", 268, top, 10)
        top += 22
    # 'Portugal' and '2019' printed close together: one chunk by gaps, two cells by column starts.
    page.words = [w for w in page.words if w.text != "2019"] + word_boxes("2019", 258, 144, 10, ocr=True)
    (table,) = tables_from_words(page.build())
    cells = [[c.text for _, c in sorted(r.items())] for r in table_rows(table)]
    assert cells[0] == ["Name", "Country", "Founded", "Budget", "Staff"]
    assert cells[1] == ["Lab One", "Austria", "2017", "€ 750.000", "4"]
    assert cells[3] == ["Lab Three", "Greece", "unknown", "EUR 4m", "12"]


def test_key_value_cards_keep_cells_apart_and_make_their_headings_labs():
    flow = FlowBuilder()
    tables = []
    for _, (name, country, site) in enumerate([("Harbour Lab", "Malta", "www.harbour.example.mt"),
                                               ("Valley Lab", "Austria", "www.valley.example.at")]):
        flow.line(name, 13, bold=True, space_before=10)
        flow.line("A short description of what the lab does for its city and region.")
        top = flow.y
        cells = []
        for r, (key, value) in enumerate([("Country", country), ("Web", site), ("Headcount", "7")]):
            y = top + 16 * r
            flow.page.line(key, 72, y, 9.5)
            flow.page.line(value, 200, y, 9.5)
            cells += [TableCell(row=r, col=0, text=key, bbox=(70, y - 2, 190, y + 12)),
                      TableCell(row=r, col=1, text=value, bbox=(190, y - 2, 520, y + 12))]
        tables.append(Table(page=1, bbox=(70, top - 2, 520, top + 46), cells=cells, method="ruled"))
        flow.y = top + 56
    doc = flow.build()
    page = doc.pages[0].model_copy(update={"tables": tables})
    doc = doc.model_copy(update={"pages": [page]})
    lines = build_lines(doc)
    assert "Country\tMalta" in [line.text for line in lines if line.role == "table"]
    sections = split_sections(doc, lines)
    assert [s.title for s in sections] == ["Harbour Lab", "Valley Lab"]
    assert "Web: www.valley.example.at" in sections[1].text  # a key-facts block is read as labelled lines


def test_justified_single_column_text_is_not_split_into_columns():
    page = PageBuilder(ocr=True)
    for i in range(40):
        words = PROSE[i % 5 : i % 5 + 9]
        x, top = 72.0, 80 + 14.0 * i
        # Justified: spaces stretched so that every line ends at the right margin.
        widths = [len(w) * 5.0 for w in words]
        space = (523 - 72 - sum(widths)) / (len(words) - 1)
        for word, width in zip(words, widths):
            page.words.extend(word_boxes(word, x, top, 10, ocr=True))
            x += width + space
    lines = build_lines(document([page.build()]))
    assert len(lines) == 40 and {line.column for line in lines} == {0}


def test_sidebar_of_short_label_lines_is_a_second_column():
    page = PageBuilder()
    prose = [" ".join(PROSE[i % 6 : i % 6 + 7]) for i in range(30)]
    page.lines(prose, 60, 100, 10)
    facts = ["Key facts", "Founded: 2019", "Country: Italy", "Team: 14 people", "Budget: EUR 2.1m",
             "Website:", "www.studio.example.it"] * 3
    page.lines(facts, 400, 100, 10)
    lines = build_lines(document([page.build()]))
    assert [line.text for line in lines if line.column == 2] == facts
    assert [line.text for line in lines if line.column == 1] == prose


def test_large_screenshot_text_inside_numbered_labs_is_neither_a_lab_nor_an_end():
    flow = FlowBuilder(ocr=True)
    for n, name in enumerate(["Lab North", "Lab South", "Lab East"], start=1):
        flow.line(f"{n}. {name}", 14, space_before=10)
        flow.line(f"Website: www.{name.split()[1].lower()}.example.org")
        if n == 2:
            flow.line("Join our open lab day", 18)  # big words of a pasted web page the reader did not box
        flow.line("Role: the lab runs experiments with public services and trains staff.")
        flow.line("Resources: a budget of EUR 800,000 and 6 people.")
    doc = flow.build()
    sections = split_sections(doc, build_lines(doc))
    assert [s.title for s in sections] == ["Lab North", "Lab South", "Lab East"]
    assert sections[1].text.count("Resources:") == 1 and "Role:" in sections[1].text


def test_a_url_line_is_never_a_heading():
    page = PageBuilder(ocr=True)
    page.line("www.example-lab.org/about", 72, 80, 15)
    page.lines([" ".join(PROSE[:9])] * 4, 72, 110, 10)
    lines = build_lines(document([page.build()]))
    assert lines[0].role == "body"


def test_a_large_title_wrapped_over_a_cover_s_two_columns_is_no_table():
    # 'Who pays the   appraiser?' / 'independence   in three' / 'assessment   agencies': set at
    # twice the body size, a title's halves line up like cells.
    page = PageBuilder(ocr=True)
    top = 60.0
    for left, right in (("Who pays the", "appraiser?"), ("independence", "in three"), ("assessment", "agencies")):
        page.line(left, 62, top, 22)
        page.line(right, 250, top, 22)
        top += 26
    page.lines([" ".join(PROSE[i:i + 9]) for i in range(0, 36, 9)], 62, top + 20, 10)
    assert tables_from_words(page.build()) == []
