"""Names that a line break or a law cuts or lengthens (invented names): 'the Kestrel Bureau of' /
'Statistics Act 1975' is the Kestrel Bureau of Statistics; a report's title with a year span names
its lab."""

from __future__ import annotations

from index_helpers import index_of, records_of
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

    flow = FlowBuilder()
    flow.paragraph(["In Veldstad I visited the head office of the Kestrel Bureau of",
                    "Statistics, which employs about five hundred people. The Kestrel Bureau of",
                    "Statistics Act of 1998 made it a semi-autonomous body."])
    index = index_of(flow, "en")
    assert [e.name for e in index.entries] == ["Kestrel Bureau of Statistics"]


def test_a_romance_name_puts_its_head_before_its_adjectives_in_any_report_language() -> None:
    cases = [("home of the Instituto Nacional de Estadística y Censos, and I went", "en",
              "Instituto Nacional de Estadística y Censos"),
             ("Voluit Instituto Veldense de Geografia e Estatística", "nl", "Instituto Veldense de Geografia e Estatística"),
             ("la Empresa de Tecnologia da Informação e Comunicação do Município de Vila Nova — EMTI", "fr",
              "Empresa de Tecnologia da Informação e Comunicação do Município de Vila Nova"),
             ("Agencia Nacional Digital is", "en", "Agencia Nacional Digital")]
    for text, lang, name in cases:
        assert [m.name for m in find_lab_names(text, lang)] == [name], text


def test_a_name_cut_by_a_line_break_reads_on_as_its_heading_gave_it() -> None:

    flow = FlowBuilder()
    flow.line("2.3 Laboratorio de Innovación Social en Gobierno Digital (Veldland)", 12, bold=True)
    flow.paragraph(["Veldland's e-government agency opened its Laboratorio de Innovación Social en Gobierno",
                    "Digital in 2015 to co-design services with citizens."])
    index = index_of(flow, "en")
    assert [e.name for e in index.entries] == ["Laboratorio de Innovación Social en Gobierno Digital"]


def test_the_defined_name_wins_over_the_fragment_a_line_break_left() -> None:

    flow = FlowBuilder()
    flow.paragraph(["In Veldstad vond ik de Veldland Statistical Service (VSS) in een nieuw gebouw. Volgens de Veldland",
                    "Statistical Service Act van 2019 valt de VSS onder het kantoor van de president."])
    index = index_of(flow, "nl")
    entry = index.lookup("VSS")
    assert entry is not None and entry.name == "Veldland Statistical Service"


def test_a_report_chapter_over_a_comparison_table_gives_no_record() -> None:
    flow = FlowBuilder()
    flow.line("1. Kestrel Registry Agency (KRA)", 14, bold=True)
    flow.paragraph(["The Kestrel Registry Agency (KRA) was founded in 2001 in Veldland and employs 300 people."])
    flow.line("2. Comparison", 14, bold=True)
    flow.paragraph(["Both agencies in Rwanda and Veldland charge fees for their services."])
    records = records_of(flow)
    assert [r.name for r in records] == ["Kestrel Registry Agency"]


def test_capitalised_words_on_the_next_line_end_a_name_mid_sentence() -> None:

    flow = FlowBuilder()
    flow.paragraph(["The office in charge of fixing that is the Secretaría de Gobierno",
                    "Digital, which until 2024 sat in another ministry. Its site is digital.gob.vl."])
    flow.paragraph(["Voluit Instituto Veldense de Estadística y Geografía", "Opgericht: 25 januari 1983"])
    index = index_of(flow, "en")
    names = {e.name for e in index.entries}
    assert "Secretaría de Gobierno Digital" in names and "Instituto Veldense de Estadística y Geografía" in names


def test_statistics_offices_named_after_their_country() -> None:
    for text, lang, name in [("Statistique Veldland : plus d'un siècle", "fr", "Statistique Veldland"),
                             ("Statistics Veldland says", "en", "Statistics Veldland"),
                             ("bij Statistik Veldland werken", "nl", "Statistik Veldland")]:
        assert [m.name for m in find_lab_names(text, lang)] == [name], text
    assert find_lab_names("the Statistics Act of 2019", "en") == []


def test_a_short_name_a_naming_clause_gives_is_the_lab_s() -> None:
    from extract.segment.acronyms import defined_acronyms

    assert [(n, a) for n, a, _ in defined_acronyms(
        "Pretoria is different. Statistics Veldland, which everyone shortens to Stats VL, employs")] == [
        ("Statistics Veldland", "Stats VL")]


def test_two_slides_about_one_lab_give_one_record() -> None:
    flow = FlowBuilder()
    flow.line("Kestrel Innovation Hub der Marine (KIHMa)", 20, bold=True)
    flow.paragraph(["Opgericht in 2017 als dochter van de Marine-IT.", "Ongeveer 40 medewerkers in Kiel."])
    flow.new_page()
    flow.line("KIHMa: wat valt op", 20, bold=True)
    flow.paragraph(["Snelle pilots met start-ups; budget circa € 9 miljoen per jaar."])
    records = records_of(flow)
    assert [r.name for r in records] == ["Kestrel Innovation Hub der Marine"]
    record = records[0]
    assert record.founded_year == 2017 and record.budget is not None and record.budget.amount == 9e6


def test_agencies_named_by_one_compound_or_a_commissariat() -> None:
    assert [m.name for m in find_lab_names("three operators: Kestrelregistrene, Companies House and", "en")][:1] == [
        "Kestrelregistrene"]
    assert [m.name for m in find_lab_names("het Veldlandsdirektoratet en de rest", "nl")] == ["Veldlandsdirektoratet"]
    assert [m.name for m in find_lab_names("Le Haut-Commissariat au Plan, à Veldstad, en fait partie", "fr")] == [
        "Haut-Commissariat au Plan"]
