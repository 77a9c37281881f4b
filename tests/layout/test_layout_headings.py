"""Headings (numbered, larger, bold, wrapped) and de-hyphenation."""

from __future__ import annotations

from layout_boxes import PageBuilder, document

from extract.layout.build import build_lines
from extract.layout.headings import parse_numbering, strip_numbering
from extract.layout.hyphen import dehyphenate
from extract.models import Line

PARA = [
    "The unit works with local authorities on digital services and",
    "publishes its methods so that other teams can reuse them freely.",
]


def test_numbering_forms():
    assert parse_numbering("1. Digital Lab in Finland").rest == "Digital Lab in Finland"
    assert parse_numbering("2) Policy Lab").label == "2"
    assert parse_numbering("3 - GovTech Unit (GTU) in Austria").rest == "GovTech Unit (GTU) in Austria"
    assert parse_numbering("III. Laboratoire d'innovation").label == "III"
    assert parse_numbering("2.1 Funding").depth == 2
    assert parse_numbering("340.000 euro per jaar") is None
    assert parse_numbering("3,5 miljard SEK") is None
    assert parse_numbering("7 full time medewerkers") is None  # lower case after the number
    assert strip_numbering("4. Lab Nord (LN) in Norway") == "Lab Nord (LN) in Norway"


def test_numbered_and_larger_lines_are_headings_and_wrapped_headings_merge():
    page = PageBuilder()
    page.line("Annual Report of the Design Lab", 72, 60, 20, bold=True)
    top = page.lines(PARA, 72, 100)
    page.line("1. Centre for Digital Public Services and Open Data (CDPS) in", 72, top + 10, 14, bold=True)
    page.line("Estonia", 72, top + 28, 14, bold=True)
    page.lines(["Website: www.cdps.example.ee"] + PARA, 72, top + 50)
    lines = build_lines(document([page.build()]))
    headings = [line.text for line in lines if line.role == "heading"]
    assert headings == [
        "Annual Report of the Design Lab",
        "1. Centre for Digital Public Services and Open Data (CDPS) in Estonia",
    ]
    merged = next(line for line in lines if line.text.endswith("Estonia"))
    assert merged.bbox[3] > merged.bbox[1] + 28  # the box covers both printed lines


def test_numbered_list_items_in_body_print_are_not_headings_when_headings_are_styled():
    page = PageBuilder()
    page.line("1. Lab One", 72, 60, 14, bold=True)
    page.lines(["Role: the lab helps teams to:"], 72, 90)
    page.lines(["1. Map the needs of users", "2. Test small prototypes", "3. Share results"], 90, 110)
    page.line("2. Lab Two", 72, 170, 14, bold=True)
    lines = build_lines(document([page.build()]))
    assert [line.text for line in lines if line.role == "heading"] == ["1. Lab One", "2. Lab Two"]


def test_plain_numbered_lines_are_headings_when_nothing_is_styled():
    page = PageBuilder()
    page.lines(["1. Lab One in Spain", "Website: www.one.example.es", "2. Lab Two in Italy", "Website: www.two.example.it"],
               72, 100)
    lines = build_lines(document([page.build()]))
    assert [line.role for line in lines] == ["heading", "body", "heading", "body"]


def test_ocr_heading_is_found_by_glyph_height():
    page = PageBuilder(ocr=True)
    page.line("Open Government Lab Vienna", 72, 60, 15)
    page.lines(PARA * 3, 72, 90)
    lines = build_lines(document([page.build()]))
    assert lines[0].role == "heading" and {line.role for line in lines[1:]} == {"body"}


def _lines(*texts: str, page: int = 1, role: str = "body") -> list[Line]:
    return [Line(page=page, text=t, bbox=(72, 100 + 14 * i, 400, 110 + 14 * i), role=role) for i, t in enumerate(texts)]


def test_dehyphenation_joins_split_words_and_keeps_shared_compounds():
    lines = _lines(
        "Het team steunt onderzoeks-",
        "en onderwijsbeleid en bouwt aan gemeenschaps-",
        "huizen voor proef-",
        "tuinen. The short-",
        "and long-term plans, court-",
        "ou long terme.",
    )
    out = [line.text for line in dehyphenate(lines)]
    assert out == [
        "Het team steunt onderzoeks-",
        "en onderwijsbeleid en bouwt aan gemeenschapshuizen",
        "voor proeftuinen.",
        "The short-",
        "and long-term plans, court-",
        "ou long terme.",
    ]


def test_dehyphenation_across_a_page_break_skips_the_furniture_and_never_loses_text():
    lines = _lines("Het plan wordt verder uit-", page=1) + _lines("12", page=1, role="footer") + _lines(
        "Report header", page=2, role="header") + _lines("gewerkt.", "Tweede zin met Capital-", "Start hier.", page=2)
    out = dehyphenate(lines)
    assert [line.text for line in out] == ["Het plan wordt verder uitgewerkt.", "12", "Report header",
                                           "Tweede zin met Capital-", "Start hier."]
    assert out[0].page == 1


def test_a_speck_inside_a_scanned_paragraph_is_no_text():
    # OCR reads a speck as a lone '5' between two lines of a sentence; a short value under a
    # short label stays.
    page = PageBuilder(ocr=True)
    page.line("Geachte voorzitter,", 72, 80)
    page.line("Ik informeer de Kamer over de positie en de financiering van de Rijksacademie Kestrel, kortweg", 72, 100)
    page.line("5", 72, 114)
    page.line("RAK. Met deze brief doe ik die toezegging gestand en geef ik de cijfers over 2025.", 72, 128)
    page.line("Raad", 72, 160)
    page.line("7", 72, 174)
    page.line("Medewerkers van de academie werken in Den Haag en in Utrecht aan de leergangen.", 72, 188)
    lines = build_lines(document([page.build()]))
    body = [line.text for line in lines if line.role in ("body", "heading")]
    assert "5" not in body and "7" in body


def test_a_lede_set_larger_than_the_body_is_no_heading():
    # A web page's standfirst runs over two lines in a larger type and ends its sentence there.
    page = PageBuilder()
    page.line("Kestrel Library, the national library of the north", 72, 60, 19, bold=True)
    page.line("The scientific library of the nation, keeper of the printed heritage of", 72, 90, 11)
    page.line("the northern provinces.", 72, 104, 11)
    page.lines(PARA + PARA + PARA, 72, 130, 9.5)
    lines = build_lines(document([page.build()]))
    assert [line.text for line in lines if line.role == "heading"] == ["Kestrel Library, the national library of the north"]
