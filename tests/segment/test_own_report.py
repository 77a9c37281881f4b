"""An annual report whose title names its lab only in the line under it ('Annual Report and
Financial Statements' over 'Kestrel Innovation Agency (KIA) · For the financial year ended ...') is
that lab's own report: a programme it co-ordinates is what the report says of it, not a second lab."""

from __future__ import annotations

from flows import section_titles
from layout_boxes import FlowBuilder


def test_a_programme_in_a_lab_s_own_report_is_no_second_lab() -> None:
    flow = FlowBuilder()
    flow.line("Annual Report and Financial Statements", 20, bold=True)
    flow.line("Kestrel Innovation Agency (KIA) · For the financial year ended 30 June 2024")
    flow.paragraph(heading="1. Key entity information", lines=[
        "Background. The Kestrel Innovation Agency is a State Corporation established in 2013. Its mandate",
        "is to develop the national innovation system."])
    flow.paragraph(heading="2. Chairperson's statement", lines=[
        "It is my privilege to present the Annual Report of the Agency for 2023/24."])
    flow.paragraph(heading="3. Management discussion and analysis", lines=[
        "Programmes. During the year the Agency supported 128 innovators and co-ordinated the national",
        "Innovation Outcomes Programme. The Innovation Outcomes Programme is financed by a KShs 1.02 billion",
        "grant from development partners over 2023-2027, held in a designated project account."])
    titles = section_titles(flow)
    assert len(titles) == 1 and "Kestrel Innovation Agency" in (titles[0] or "")
