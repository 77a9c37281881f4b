"""Tables rebuilt from word boxes, and summary tables as one section per row."""

from __future__ import annotations

import pytest
from layout_boxes import PageBuilder, document

from extract.layout.build import build_lines
from extract.layout.tables import table_rows, tables_from_words
from extract.models import Table, TableCell
from extract.segment.sections import split_sections

COLUMNS = [72, 220, 300, 370, 460]
HEADER = ["Naam", "Land", "Opgericht", "Budget", "Personeel"]
ROWS = [
    ["Digitaal Lab Noord", "Finland", "2016", "€ 750.000", "12 VTE"],
    ["Beleidslab Zuid", "Oostenrijk", "2019", "1.200.000 euro", "ca. 30 VTE"],
    ["Open Data Team", "Ierland", "2021", "onbekend", "8"],
]


def _table_page(ocr: bool) -> PageBuilder:
    page = PageBuilder(ocr=ocr)
    page.lines(["Overzicht van de labs in deze studie.", "De tabel vat de kerncijfers samen."], 72, 80)
    top = 130.0
    for cells in [HEADER] + ROWS:
        for x, text in zip(COLUMNS, cells):
            page.line(text, x, top, 9.5)
        top += 22
    # A name that wraps inside its cell: the second line has text only in the first column.
    page.line("Publieke Innovatie", 72, top, 9.5)
    for x, text in zip(COLUMNS[1:], ["Spanje", "2018", "2,5 miljoen euro", "15"]):
        page.line(text, x, top, 9.5)
    page.line("Agentschap (PIA)", 72, top + 12, 9.5)
    page.lines(["Na de tabel volgt de beschrijving van elk lab in lopende tekst."], 72, top + 50)
    return page


@pytest.mark.parametrize("ocr", [False, True], ids=["text_layer", "ocr_boxes"])
def test_table_rebuilt_from_word_boxes_with_header_and_wrapped_cell(ocr):
    (table,) = tables_from_words(_table_page(ocr).build())
    assert table.method == "word_boxes"
    rows = [[cell.text for _, cell in sorted(row.items())] for row in table_rows(table)]
    assert rows[0] == HEADER
    assert rows[1:4] == ROWS
    assert rows[4][0] == "Publieke Innovatie Agentschap (PIA)" and rows[4][3] == "2,5 miljoen euro"


def test_two_columns_of_prose_are_not_a_table():
    page = PageBuilder()
    text = "The lab brings together civil servants and researchers to test ideas quickly"
    for i in range(20):
        page.line(text[: 40 + i % 5], 72, 100 + 13 * i, 10)
        page.line(text[i % 7 : 45], 320, 100 + 13 * i, 10)
    assert tables_from_words(page.build()) == []


def test_label_value_lines_laid_out_with_tabs_are_not_a_table():
    page = PageBuilder()
    for i, (label, value) in enumerate([("Website:", "www.lab.example.org"), ("Founded:", "2015"),
                                        ("Staff:", "12 people"), ("Budget:", "EUR 2 million")]):
        page.line(label, 72, 100 + 14 * i, 10)
        page.line(value, 200, 100 + 14 * i, 10)
    assert tables_from_words(page.build()) == []


def test_summary_table_gives_one_section_per_row_and_its_lines_are_table_lines():
    page = _table_page(ocr=False).build()
    doc = document([page])
    lines = build_lines(doc)
    assert {line.role for line in lines if line.text.startswith("Digitaal Lab Noord")} == {"table"}
    sections = split_sections(doc, lines)
    assert [s.kind for s in sections] == ["table_row"] * 4
    assert [s.title for s in sections] == [r[0] for r in ROWS] + ["Publieke Innovatie Agentschap (PIA)"]
    assert sections[1].table_fields == dict(zip(HEADER, ROWS[1]))
    assert len(sections[0].lines) == 1 and sections[0].lines[0].page == 1


def _cell(row: int, col: int, text: str) -> TableCell:
    return TableCell(row=row, col=col, text=text, bbox=(72 + 100 * col, 100 + 20 * row, 160 + 100 * col, 112 + 20 * row))


def test_ruled_table_continued_on_the_next_page_keeps_its_header():
    first = Table(page=1, bbox=(72, 100, 360, 152), method="ruled", cells=[
        _cell(0, 0, "Name"), _cell(0, 1, "Country"), _cell(0, 2, "Annual\nbudget"),
        _cell(1, 0, "Lab A"), _cell(1, 1, "Spain"), _cell(1, 2, "EUR 1.2m"),
        _cell(2, 0, "Lab B"), _cell(2, 1, "Italy"), _cell(2, 2, "EUR 3m"),
    ])
    second = Table(page=2, bbox=(72, 100, 360, 132), method="ruled", cells=[
        _cell(0, 0, "Lab C"), _cell(0, 1, "Malta"), _cell(0, 2, "EUR 0.4m"),
        _cell(1, 0, "Lab D"), _cell(1, 1, "Cyprus"), _cell(1, 2, "unknown"),
    ])
    pages = []
    for number, table in ((1, first), (2, second)):
        builder = PageBuilder(number=number)
        for cell in table.cells:
            builder.line(cell.text.replace("\n", " "), cell.bbox[0], cell.bbox[1], 10)
        pages.append(builder.build(tables=[table]))
    doc = document(pages)
    sections = split_sections(doc, build_lines(doc))
    assert [s.title for s in sections] == ["Lab A", "Lab B", "Lab C", "Lab D"]
    assert sections[3].table_fields == {"Name": "Lab D", "Country": "Cyprus", "Annual budget": "unknown"}


def test_paragraph_right_under_a_table_stays_out_of_it():
    page = PageBuilder()
    top = 100.0
    for cells in [HEADER] + ROWS:
        for x, text in zip(COLUMNS, cells):
            page.line(text, x, top, 9.5)
        top += 22
    paragraph = ["Deze labs werken samen in een netwerk dat kennis deelt over methoden en",
                 "resultaten, en dat jaarlijks een gezamenlijk verslag publiceert."]
    page.lines(paragraph, 72, top - 6, 10)
    (table,) = tables_from_words(page.build())
    assert len(table_rows(table)) == 4
    assert not any("netwerk" in cell.text for cell in table.cells)


def _facts_table(x: float, top: float, rows: list[tuple[str, str]]) -> Table:
    cells = []
    for r, (label, value) in enumerate(rows):
        y = top + 18 * r
        cells.append(TableCell(row=r, col=0, text=label, bbox=(x, y, x + 70, y + 14)))
        cells.append(TableCell(row=r, col=1, text=value, bbox=(x + 70, y, x + 230, y + 14)))
    return Table(page=1, bbox=(x, top, x + 230, top + 18 * len(rows)), method="ruled", cells=cells)


def test_key_facts_tables_side_by_side_stay_in_their_own_column():
    # A directory page in two columns: each entry has a country line, a name, and its own facts table;
    # rows at the same height in the two tables belong to different entries.
    page = PageBuilder()
    left = [("Sinds", "2016"), ("Mensen", "circa 40"), ("Web", "www.labnoord.example")]
    right = [("Sinds", "2011"), ("Mensen", "ongeveer 420"), ("Web", "www.dienstzuid.example")]
    tables = []
    for x, country, name, rows in ((60, "Tsjechië", "Digitaal Lab Noord (DLN)", left),
                                    (310, "Estland", "Dienst Zuid voor Innovatie (DZI)", right)):
        page.line(country, x, 100, 13, bold=True)
        page.line(name, x, 116, 13, bold=True)
        table = _facts_table(x, 140, rows)
        for cell in table.cells:
            page.line(cell.text, cell.bbox[0] + 4, cell.bbox[1] + 2, 9.5)
        tables.append(table)
        page.lines(["Het agentschap werkt voor de", "hele overheid en beheert de", "gedeelde basisdiensten van",
                    "het land, van het portaal", "tot het basisregister en de", "elektronische identiteit."] * 2,
                   x, 210, 9.5)
    doc = document([page.build(tables=tables)])
    lines = build_lines(doc)
    table_lines = [line.text for line in lines if line.role == "table"]
    assert "Web\twww.labnoord.example" in table_lines
    assert not any("labnoord" in text and "dienstzuid" in text for text in table_lines)
    headings = [line.text for line in lines if line.role == "heading"]
    # The country names label the entries; they are not the first line of the names.
    assert "Digitaal Lab Noord (DLN)" in headings and "Dienst Zuid voor Innovatie (DZI)" in headings
