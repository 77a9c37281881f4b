"""Facts and records as the twelfth and thirteenth genre sets write them (invented names): a
statement whose '$' unit sits in a header line, read as the lab's country spends it; a law the lab
sits under is not its parent; an acronym label's mixed-case acronym; a form's part title ending an
answer; records named by a question code, a report chapter or the same name twice."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord, Section


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
        "The Kestrel Bureau became a statutory authority under the Kestrel Bureau of Statistics Act 1975.\n"
            "It has 40 staff.\n",
        "Kestrel Bureau", lang="en")
    assert record.governance is None or record.governance.parent is None
    record = extract_one("Le Bureau Kestrel a été créé par la loi du 4 mars 2004.\n", "Bureau Kestrel", lang="fr")
    assert record.governance is None or record.governance.parent is None


def test_a_ministry_the_lab_sits_under_is_still_its_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau operates under the Ministry of Planning.\n", "Kestrel Bureau", lang="en")
    assert record.governance is not None and record.governance.parent == "Ministry of Planning"


def test_an_acronym_label_takes_a_mixed_case_acronym(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Acronym: KBoS\nWebsite: www.kbos.gov.vl\n", "Kestrel Bureau of Statistics", lang="en")
    assert record.acronym == "KBoS"


def test_a_form_s_parent_answer_ends_at_the_next_part_s_title(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "1.1 Nom de l'organisme\nAgence Kestrel du numérique\n1.2 Année de création\n2011\n"
        "1.3 Autorité de tutelle\nPrésidence de la République\nSection 2 — Ressources humaines\n"
        "2.1 Effectif total au 31 décembre 2022\n94\n2.2 Budget annuel\n1,2 milliard de francs CFA\n",
        "Agence Kestrel du numérique", lang="fr")
    assert record.governance is not None and record.governance.parent == "Présidence de la République"


def test_a_section_named_by_a_question_code_goes_to_the_lab_with_its_acronym() -> None:
    from extract.assemble.record import merge_same_names

    coded = LabRecord(name="Q1", acronym="KOD", founded_year=1998, section={"kind": "heading"})
    named = LabRecord(name="Kestrel Office of Data", acronym="KOD", section={"kind": "heading"})
    other = LabRecord(name="Q2", acronym="ZZA", section={"kind": "heading"})  # no lab with its acronym: kept
    merged = merge_same_names([coded, named, other])
    assert [(r.name, r.founded_year) for r in merged] == [("Kestrel Office of Data", 1998), ("Q2", None)]


def test_a_report_chapter_that_gives_only_a_country_is_no_record(make_section: Callable[..., Section]) -> None:
    from extract.extractors import extract_records
    from extract.settings import Settings

    for title, lang in [("Comparison", "en"), ("Vergelijking", "nl"), ("Comparaison", "fr")]:
        section = make_section("Both agencies, in Rwanda and in Veldland, charge fees for their registers.\n",
                                    title, lang=lang)
        assert extract_records([section], Settings()) == [], title


def test_two_prose_records_with_one_name_are_one_record() -> None:
    from extract.assemble.record import merge_same_names

    first = LabRecord(name="Kestrel Hub der Marine", acronym="KHM", founded_year=2017, section={"kind": "heading"})
    second = LabRecord(name="Kestrel  hub der Marine", staff=None, section={"kind": "heading"})
    row = LabRecord(name="Kestrel Hub der Marine", section={"kind": "table_row"})  # rows merge elsewhere
    merged = merge_same_names([first, second, row])
    assert [(r.name, r.founded_year, r.section["kind"]) for r in merged] == [
        ("Kestrel Hub der Marine", 2017, "heading"), ("Kestrel Hub der Marine", None, "table_row")]
