"""Confidence, provenance, table rows, and merging a table row with the prose about the same lab."""

from __future__ import annotations

import pytest

from extract.assemble.record import confidence, merge_same_names
from extract.assemble.table_rows import merge_table_rows
from extract.errors import ConfigError
from extract.extractors import EXTRACTOR_VERSIONS, extract_records
from extract.settings import Settings


def test_confidence_formula_orders_evidence():
    assert confidence("label") > confidence("anchored") > confidence("block") > confidence("mention") > confidence("fallback")
    assert confidence("anchored", ocr=0.5) == pytest.approx(confidence("anchored") * 0.5, abs=0.002)
    assert confidence("anchored", distance=5) < confidence("anchored", distance=1) < confidence("anchored")
    assert confidence("anchored", ner_agrees=True) > confidence("anchored")
    assert 0.0 < confidence("label", ner_agrees=True) <= 0.99


def test_versions_name_every_extractor():
    assert set(EXTRACTOR_VERSIONS) == {"identity", "money", "statements", "staff", "governance", "funding", "role"}


def test_provenance_box_is_union_of_value_lines(make_section):
    section = make_section("Middelen: Het lab heeft een jaarlijks budget van\n1,5 miljoen euro en 6 medewerkers.",
                           "Proeflab in Nederland", lang="nl")
    record = extract_records([section], Settings())[0]
    prov = record.provenance["budget"]
    assert prov.page == 1
    # '1,5 miljoen euro' sits on the second line only
    assert prov.bbox == section.lines[1].bbox
    assert prov.method == f"ner+rule:money.v{EXTRACTOR_VERSIONS['money']}"
    assert "jaarlijks budget" in prov.text


def test_role_text_is_dehyphenated_on_single_spaces(extract_one):
    text = "Rol: Het lab onder-\nsteunt kennis- en\nervaringsdeling   tussen   diensten.\nMiddelen: onbekend"
    assert extract_one(text, "Lab", lang="nl").role == "Het lab ondersteunt kennis- en ervaringsdeling tussen diensten."


def test_unknown_stays_null(extract_one):
    record = extract_one("Rol: Een netwerk van ambtenaren.", "Netwerk Publieke Innovatie", lang="nl")
    assert (record.budget, record.staff, record.founded_year, record.acronym) == (None, None, None, None)
    assert record.funding_sources == []


def test_table_row_fields_by_header(make_section):
    row = make_section("", None, kind="table_row", lang="nl", table_fields={
        "Naam": "Stadslab Oost (SLO)", "Land": "Denemarken", "Opgericht": "2014",
        "Budget (per jaar)": "€ 410.000", "Personeel": "ca. 7 VTE"})
    record = extract_records([row], Settings())[0]
    assert (record.name, record.acronym, record.country, record.founded_year) == ("Stadslab Oost", "SLO", "DK", 2014)
    assert (record.budget.amount, record.budget.period, record.staff.count, record.staff.approximate) == (
        410000, "year", 7, True)
    assert record.staff.unit == "fte"


def test_table_row_merges_with_prose(make_section):
    row = make_section("", None, kind="table_row", lang="nl", table_fields={
        "Naam": "Stadslab Oost (SLO)", "Land": "Denemarken", "Opgericht": "2014", "Personeel": "7"})
    prose = make_section("Website: www.stadslab-oost.dk\nMiddelen: Het lab heeft een jaarlijks budget van 410.000 euro "
                         "en 8 medewerkers.", "Stadslab Oost (SLO)", lang="nl")
    records = extract_records([row, prose], Settings())
    assert len(records) == 1
    record = records[0]
    assert record.website == "https://www.stadslab-oost.dk"  # from the prose
    assert record.founded_year == 2014  # only in the table
    assert record.budget.amount == 410000
    assert record.section["kind"] == "heading"
    assert record.section["merged"][0]["kind"] == "table_row"
    assert record.provenance["founded_year"].method.startswith(("rule:identity", "ner+rule:identity"))


def test_unmatched_table_rows_stay_records(make_section):
    a = make_section("", None, kind="table_row", table_fields={"Name": "Alpha Lab", "Country": "Norway"}, lang="en")
    b = make_section("Role: Something else entirely.", "Beta Studio in Ireland", lang="en")
    names = sorted(r.name for r in merge_table_rows(extract_records([a, b], Settings())))
    assert names == ["Alpha Lab", "Beta Studio"]


def test_a_table_column_headed_by_an_acronym_merges_with_its_lab(make_section):
    row = make_section("", None, kind="table_row", lang="en", table_fields={"Name": "PDX", "Since": "2015"})
    prose = make_section("The lab has 12 staff.", "Public Data Exchange (PDX)", lang="en")
    records = extract_records([row, prose], Settings())
    assert [(r.name, r.acronym, r.founded_year) for r in records] == [("Public Data Exchange", "PDX", 2015)]


def test_a_column_headed_by_initials_the_text_never_defines_merges_with_its_lab(make_section):
    # 'TNA' over the slides of 'The National Archives': the article's initial is part of it.
    row = make_section("", None, kind="table_row", lang="en", table_fields={"Name": "TKA", "Set up": "2003"})
    prose = make_section("It keeps the records of the state and has 600 staff.", "The Kestrel Archives (Kew)", lang="en")
    other = make_section("It keeps the records of the north and has 90 staff.", "Northern Records Office", lang="en")
    records = extract_records([row, prose, other], Settings())
    assert sorted((r.name, r.founded_year) for r in records) == [("Kestrel Archives", 2003), ("Northern Records Office", None)]


@pytest.mark.parametrize(("cell", "prose_title"), [
    ("Harbourway", "Narnia Harbour Harbourway"),  # the cell's short form of the full name
    ("Upphamna-myndigheten", "Upphamnamyndigheten"),  # a long word cut to fit the cell
])
def test_a_comparison_s_short_cell_keeps_the_prose_s_full_name(make_section, cell, prose_title):
    row = make_section("", None, kind="table_row", lang="en", table_fields={"Name": cell, "Since": "2015"})
    prose = make_section("It is a public agency with 12 staff, funded by the state budget.", prose_title, lang="en")
    records = extract_records([row, prose], Settings())
    assert [(r.name, r.founded_year) for r in records] == [(prose_title, 2015)]


def test_a_title_in_capitals_over_a_full_name_label_is_the_acronym(extract_one):
    record = extract_one("Full name: Competence Centre for Harbour and Quay Procurement\nStarted: 1 March 2018\n"
                         "Web: harbourquay.fi", "HARQO – Finland", lang="en")
    assert (record.name, record.acronym) == ("Competence Centre for Harbour and Quay Procurement", "HARQO")


def test_missing_trained_model_is_a_config_error():
    from extract.nlp import get_pipeline

    with pytest.raises(ConfigError, match="not installed"):
        get_pipeline("nl", "nl_core_news_does_not_exist")


@pytest.mark.parametrize(
    ("lang", "text", "label", "span"),
    [
        ("nl", "een budget van 1,7 miljoen euro", "MONEY", "1,7 miljoen euro"),
        ("en", "funded by the Ministry of Finance", "ORG", "Ministry of Finance"),
        ("fr", "le laboratoire est en France", "GPE", "France"),
        ("nl", "opgericht in 2018", "DATE", "2018"),
    ],
)
def test_pipeline_patterns(lang, text, label, span):
    from extract.nlp import get_pipeline

    nlp = get_pipeline(lang)
    assert get_pipeline(lang) is nlp  # built once per process
    assert (span, label) in [(e.text, e.label_) for e in nlp(text).ents]


def test_agreement_raises_and_conflict_lowers_confidence(extract_one):
    once = extract_one("Middelen: Het lab telt 5 medewerkers.", "Lab", lang="nl")
    twice = extract_one("Middelen: Het lab telt 5 medewerkers.\nPersoneel: 5 medewerkers", "Lab", lang="nl")
    clash = extract_one("Middelen: Het lab telt 5 medewerkers.\nPersoneel: 9 medewerkers", "Lab", lang="nl")
    assert twice.provenance["staff"].confidence > once.provenance["staff"].confidence
    assert clash.provenance["staff"].confidence < 0.6 < once.provenance["staff"].confidence


def test_table_row_contradicting_prose_is_flagged(make_section):
    row = make_section("", None, kind="table_row", lang="nl", table_fields={"Naam": "Stadslab Zuid", "Personeel": "4"})
    prose = make_section("Middelen: Stadslab Zuid telt 9 medewerkers.", "Stadslab Zuid", lang="nl")
    agree_row = make_section("", None, kind="table_row", lang="nl", table_fields={"Naam": "Stadslab Zuid", "Personeel": "9"})
    clash = extract_records([row, prose], Settings())[0]
    agree = extract_records([agree_row, prose], Settings())[0]
    assert agree.provenance["staff"].confidence > clash.provenance["staff"].confidence


def test_report_chapters_are_not_labs(make_section):
    sections = [make_section("We spoke to 12 labs in 2023 and read their annual reports.", "Method", lang="en"),
                make_section("Rol: Het lab helpt steden.\nMiddelen: 4 medewerkers", "Stadslab in Nederland", lang="nl")]
    assert [r.name for r in extract_records(sections, Settings())] == ["Stadslab"]


def test_an_acronym_title_goes_by_the_name_its_text_spells_without_brackets(extract_one):
    record = extract_one("De Sociale Havenbank begon in 1901 en voert vandaag de havenverzekeringen uit. Ook de SHB is "
                         "een zbo onder het ministerie van Havenzaken, met een raad van bestuur.",
                         "SHB: van kade tot sluis", lang="nl")
    assert (record.name, record.acronym) == ("Sociale Havenbank", "SHB")


def test_a_naming_clause_gives_a_mixed_case_acronym_and_a_french_name_spells_its_acronym(extract_one):
    from extract.segment.acronyms import defined_acronyms

    text = ("En Narnie, l'échelle est différente. La Commission narnienne pour les Quais, que tout le monde appelle "
            "la CNaQ, a été instituée en 2001.")
    assert ("Commission narnienne pour les Quais", "CNaQ") in [(n, a) for n, a, _ in defined_acronyms(text)]
    record = extract_one("En Narnie, la Commission de régulation des quais est née en mars 2000 de la loi qui ouvrait "
                         "le port. Autorité indépendante, la CRQ est dirigée par un collège.", "CRQ", lang="fr")
    assert (record.name, record.acronym) == ("Commission de régulation des quais", "CRQ")


def test_a_column_named_as_a_heading_prints_it_joins_that_heading_s_lab(make_section):
    # The slide 'Quayport: KESTREL DRIVE' names its lab in its key facts; the comparison's column
    # says 'KESTREL DRIVE' as the slide's title did, and its founding year is the same lab's.
    prose = make_section("Name: Data Research and Virtual Environments\nWhere: Kestrel Hospital, a unit of the "
                         "hospital\nWeb: kestreldrive.example", "Quayport: KESTREL DRIVE", lang="en")
    row = make_section("", "KESTREL DRIVE", kind="table_row", lang="en",
                       table_fields={"Name": "KESTREL DRIVE", "Since": "2018"})
    records = extract_records([prose, row], Settings())
    assert [(r.name, r.founded_year) for r in records] == [("Data Research and Virtual Environments", 2018)]


def test_a_column_repeating_a_heading_s_one_name_keeps_the_name_the_text_gives(make_section):
    prose = make_section("The Kestrel Coastal Agency (Havverket) opened on 1 July 2003. It has 300 staff.",
                         "Havverket", lang="en")
    row = make_section("", "Havverket", kind="table_row", lang="en", table_fields={"Name": "Havverket", "Staff": "300"})
    records = extract_records([prose, row], Settings())
    # One record; the name in the lab's own language, which the heading gives and no English
    # acronym overrides, stays its name.
    assert [r.name for r in records] == ["Havverket"]


def test_a_chapter_named_by_the_lab_s_short_name_joins_the_lab(make_section):
    full = make_section("The Kestrel Board for Safety was set up in 2005. It has 90 staff.",
                        "Kestrelraad voor Veiligheid", lang="nl")
    short = make_section("De Kestrelraad onderzoekt ongevallen. Hij heeft een raad van drie leden.", "Kestrelraad",
                         lang="nl")
    records = merge_same_names(extract_records([full, short], Settings()))
    assert [r.name for r in records] == ["Kestrelraad voor Veiligheid"]


def test_a_lab_named_after_its_parent_stays_apart(make_section):
    parent = make_section("Kestrelnet runs the region's buses. It has 2,000 staff.", "Kestrelnet", lang="en")
    lab = make_section("Kestrelnet Lab tests new services. It has 12 staff.", "Kestrelnet Lab", lang="en")
    names = sorted(r.name for r in merge_same_names(extract_records([parent, lab], Settings())))
    assert names == ["Kestrelnet", "Kestrelnet Lab"]
