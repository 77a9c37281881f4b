"""A slide or chapter titled by what it argues ('Model 1 · a design centre in a clinic') whose first
line prints a lab's name alone ('Kestrel Clinic Centre for Innovation (Tern City, USA)') is that
lab's; and a two-column box that opens on 'Name' and goes on with the author's own short keys
('Where', 'Opened', 'Web') is one lab's facts, not a table of labs (invented names)."""

from __future__ import annotations

from index_helpers import index_of, records_of
from layout_boxes import FlowBuilder, table_of

from extract.models import Line


def _deck() -> FlowBuilder:
    flow = FlowBuilder()
    flow.line("Three ways to put an innovation unit inside a hospital", 18, bold=True)
    flow.line("Summit on hospital innovation · April 2026")
    flow.new_page()
    flow.line("Model 1 · a design centre in a clinic", 18, bold=True)
    flow.line("Kestrel Clinic Centre for Innovation (Tern City, Minnesota, USA)")
    flow.line("• Launched 2008, growing out of a design lab that opened in 2004")
    flow.line("• A department of Kestrel Clinic, reporting to clinic leadership")
    flow.line("• centreforinnovation.kestrel.example")
    flow.new_page()
    flow.line("Model 2 · a lab that shapes the hospital", 18, bold=True)
    flow.line("Heron Health Lab · Quayport, the Netherlands")
    flow.line("• Founded in 2010 inside Heron University Hospital")
    flow.line("• Patient as partner: open records, video consultations")
    flow.new_page()
    flow.line("What we take home", 18, bold=True)
    flow.line("• Sit close to clinicians: both do")
    return flow


def test_a_slide_is_about_the_lab_its_first_line_names() -> None:
    records = {r.name: r for r in records_of(_deck())}
    assert {"Kestrel Clinic Centre for Innovation", "Heron Health Lab"} <= set(records)
    assert records["Kestrel Clinic Centre for Innovation"].founded_year == 2008
    assert records["Heron Health Lab"].founded_year == 2010
    assert not any(name and name.startswith("Model") for name in records)


def _lines(texts: list[str], role: str = "body") -> list[Line]:
    return [Line(page=1, text=t, bbox=(72.0, 100.0 + 14 * n, 400.0, 110.0 + 14 * n), role=role)  # type: ignore[arg-type]
            for n, t in enumerate(texts)]


def test_a_first_line_that_does_more_than_name_a_lab_is_not_taken() -> None:
    from extract.segment.name_lines import name_line_lab

    flow = FlowBuilder()
    flow.paragraph(["The Heron Health Lab (HHL) was founded in 2010. Heron Health Lab · Quayport",
                    "Heron Health Lab :", "Heron Health Lab · 12 Dock Road, Quayport"])
    index = index_of(flow, "en")
    assert name_line_lab("Model 2", _lines(["Heron Health Lab · Quayport, the Netherlands"]), index) is not None
    for heading, first in (("Model 2", ["Heron Health Lab :"]),  # the first half of a heading, or a list's lead
                           ("Model 2", ["Heron Health Lab · 12 Dock Road, Quayport"]),  # an address
                           ("Model 2", ["• Heron Health Lab"]),  # a list item
                           ("The director", ["Heron Health Lab"])):  # a signer's title over the office's name
        assert name_line_lab(heading, _lines(first), index) is None, (heading, first)
    caption = _lines(["Heron Health Lab"]) + _lines(["2025\t2024"], role="table")
    assert name_line_lab("Key figures", caption, index) is None  # a table's caption


def test_a_box_opening_on_the_name_with_the_author_s_own_keys_is_one_lab_s_facts() -> None:
    from extract.segment.tables import key_value_tables

    box = _lines(["Name\tHHL – Heron Health Lab", "Where\tHeron University Hospital, a unit of the hospital",
                  "Opened\tOctober 2018", "Partners\tTern University and technology firms",
                  "Start-up money\t£1m from the Tern Fund for fit-out",
                  "Output\t300+ projects in five years", "Web\theronhealth.example"], role="table")
    lines, _ = key_value_tables([table_of(box)], box)
    assert [line.text.split(":")[0] for line in lines] == ["Name", "Where", "Opened", "Partners", "Start-up money",
                                                              "Output", "Web"]


def test_a_table_of_labs_under_name_stays_a_table() -> None:
    from extract.segment.tables import key_value_tables

    table = _lines(["Name\tCountry", "Heron Health Lab\tNetherlands", "Kestrel Data Agency\tUnited States",
                    "Tern Policy Unit\tIreland"], role="table")
    lines, _ = key_value_tables([table_of(table)], table)
    assert all("\t" in line.text for line in lines)
