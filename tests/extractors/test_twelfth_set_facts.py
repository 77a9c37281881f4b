"""Facts as the twelfth genre set writes them (invented names): a statement whose '$' unit sits in a
header line, read as the lab's country spends it; a law the lab sits under is not its parent."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord


def test_a_statement_s_dollar_header_is_read_as_the_lab_s_country_spends_it(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "The Kestrel Bureau is based in Canberra, Australia.\n"
        "Statement of comprehensive income · for the period ended 30 June 2025 · $'000\n"
        "2025 2024\nEmployee benefits 412,886 389,140\nTotal expenses 578,037 559,882\n",
        "Kestrel Bureau", lang="en")
    assert record.country == "AU"
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (578037000, "AUD")


def test_a_law_the_lab_sits_under_is_not_its_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "The Kestrel Bureau became a statutory authority under the Kestrel Bureau of Statistics Act 1975.\n",
        "Kestrel Bureau", lang="en")
    assert record.governance is None or record.governance.parent is None
    record = extract_one("Le Bureau Kestrel a été créé par la loi du 4 mars 2004.\n", "Bureau Kestrel", lang="fr")
    assert record.governance is None or record.governance.parent is None


def test_a_ministry_the_lab_sits_under_is_still_its_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau operates under the Ministry of Planning.\n", "Kestrel Bureau", lang="en")
    assert record.governance is not None and record.governance.parent == "Ministry of Planning"


def test_two_slides_about_one_lab_give_one_record() -> None:
    from layout_boxes import FlowBuilder

    from extract.extractors import extract_records
    from extract.layout.build import build_lines
    from extract.segment.sections import split_sections
    from extract.settings import Settings

    flow = FlowBuilder()
    flow.line("Kestrel Innovation Hub der Marine (KIHMa)", 20, bold=True)
    flow.paragraph(["Opgericht in 2017 als dochter van de Marine-IT.", "Ongeveer 40 medewerkers in Kiel."])
    flow.new_page()
    flow.line("KIHMa: wat valt op", 20, bold=True)
    flow.paragraph(["Snelle pilots met start-ups; budget circa € 9 miljoen per jaar."])
    document = flow.build()
    records = extract_records(split_sections(document, build_lines(document)), Settings())
    assert [r.name for r in records] == ["Kestrel Innovation Hub der Marine"]
    record = records[0]
    assert record.founded_year == 2017 and record.budget is not None and record.budget.amount == 9e6
