"""Names that a line break or a law cuts or lengthens (invented names): 'the Kestrel Bureau of' /
'Statistics Act 1975' is the Kestrel Bureau of Statistics; a report's title with a year span names
its lab."""

from __future__ import annotations

from layout_boxes import FlowBuilder

from extract.rules.lexicon import lexicon
from extract.segment.lab_names import find_lab_names
from extract.segment.titles import parse_title


def test_a_law_or_a_report_named_after_a_lab_is_not_part_of_its_name() -> None:
    assert [m.name for m in find_lab_names("under the Kestrel Bureau of Statistics Act 1975.", "en")] == [
        "Kestrel Bureau of Statistics"]
    assert [m.name for m in find_lab_names("Kestrel Bureau of Statistics Annual Report", "en")] == [
        "Kestrel Bureau of Statistics"]


def test_a_report_title_with_a_year_span_names_its_lab() -> None:
    title = parse_title("Kestrel Bureau of Statistics Annual Report 2024–25", lexicon("en"), document=True)
    assert title.name == "Kestrel Bureau of Statistics"


def test_a_name_the_line_break_cut_after_a_link_word_reads_on() -> None:
    from extract.layout.build import build_lines
    from extract.segment.lab_index import LabIndex

    flow = FlowBuilder()
    flow.paragraph(["In Veldstad I visited the head office of the Kestrel Bureau of",
                    "Statistics, which employs about five hundred people. The Kestrel Bureau of",
                    "Statistics Act of 1998 made it a semi-autonomous body."])
    lines = build_lines(flow.build())
    index = LabIndex(lines, list(range(len(lines))), "en")
    assert [e.name for e in index.entries] == ["Kestrel Bureau of Statistics"]
