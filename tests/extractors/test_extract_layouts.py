"""Forms other than the seed's: fact-sheet tables without colons, one-line labels before prose,
negated bodies, parent labels, 'since' founding, fiscal years, enumerated funders."""

from __future__ import annotations


def test_fact_sheet_table_lines_without_colons(make_section):
    from extract.extractors import extract_records
    from extract.models import Line
    from extract.settings import Settings

    rows = ["Acronyme QLAB", "Pays Belgique", "Site web www.qlab.be", "Année de création 2016",
            "Budget 2022 480 000 euros", "Effectif neuf agents", "Gouvernance Comité stratégique (6 membres)",
            "Financement Ville de Liège ; Région wallonne"]
    section = make_section("", "Quartier Lab", lang="fr", kind="document")
    lines = [Line(page=1, text=t, bbox=(72.0, 100.0 + 14 * i, 400.0, 112.0 + 14 * i), role="table")
             for i, t in enumerate(rows)]
    record = extract_records([section.model_copy(update={"lines": lines})], Settings())[0]
    assert (record.acronym, record.country, record.website, record.founded_year) == (
        "QLAB", "BE", "https://www.qlab.be", 2016)
    assert (record.budget.amount, record.budget.period, record.staff.count) == (480000, "year", 9)
    assert [(b.name, b.members) for b in record.governance.bodies] == [("Comité stratégique", 6)]
    assert record.funding_sources == ["Ville de Liège", "Région wallonne"]


def test_since_founding_with_lab_subject(extract_one):
    text = "Website: www.werkbank.nl\nDe Werkbank begeleidt sinds 2013 gemeenten bij digitale projecten."
    assert extract_one(text, "Werkbank Digitale Gemeente", lang="nl").founded_year == 2013


def test_since_with_other_subject_is_not_founding(extract_one):
    text = "Website: www.werkbank.nl\nDe minister wil sinds 2013 meer digitale projecten."
    assert extract_one(text, "Werkbank Digitale Gemeente", lang="nl").founded_year is None


def test_existence_since(extract_one):
    assert extract_one("Role: The network has existed since 2010.", "Civic Network", lang="en").founded_year == 2010


def test_negated_body(extract_one):
    record = extract_one("Board: none of its own; the lab answers to the Ministry of Health.", "Care Lab", lang="en")
    assert record.governance.bodies == []
    assert record.governance.parent == "Ministry of Health"
    record = extract_one("Bestuur: geen eigen raad; het lab rapporteert aan de provincie Antwerpen.", "Lab", lang="nl")
    assert record.governance.bodies == []
    assert record.governance.parent == "provincie Antwerpen"


def test_parent_label(extract_one):
    record = extract_one("Parent body: Regional Government of Navarre\nStaff: 8", "Navarre Lab", lang="en")
    assert record.governance.parent == "Regional Government of Navarre"


def test_french_parent_with_lower_case_words(extract_one):
    text = "Gouvernance : le laboratoire dépend de la Direction régionale des finances publiques et rend compte."
    assert extract_one(text, "Labo", lang="fr").governance.parent == "Direction régionale des finances publiques"


def test_fiscal_year_budget_is_yearly(extract_one):
    record = extract_one("Annual budget: £2.1 million (2022/23)", "Design Unit", lang="en")
    assert (record.budget.amount, record.budget.period) == (2100000, "year")


def test_enumerated_funders(extract_one):
    text = ("Resources: Money comes from three sources: the City of Ghent, which pays the team, the "
            "Flemish Government and the European Regional Development Fund.")
    assert extract_one(text, "Ghent Lab", lang="en").funding_sources == [
        "City of Ghent", "Flemish Government", "European Regional Development Fund"]


def test_label_item_does_not_run_into_next_paragraph(extract_one):
    text = ("Financiering: provincie Utrecht; deelnemende gemeenten\n"
            "Vanaf volgend jaar wil het lab ook met waterschappen werken aan nieuwe diensten.")
    assert extract_one(text, "Lab", lang="nl").funding_sources == ["provincie Utrecht", "deelnemende gemeenten"]


def test_title_prefix_and_description():
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title("Case study: Civic Lab Tallinn", lexicon("en")).name == "Civic Lab Tallinn"
    assert parse_title("Nesta-achtig fonds – een onafhankelijke stichting", lexicon("nl")).name == "Nesta-achtig fonds"


def test_multi_year_span_beats_header_period(make_section):
    from extract.extractors import extract_records
    from extract.settings import Settings

    row = make_section("", None, kind="table_row", lang="nl", table_fields={
        "Naam": "Meerjarenlab", "Budget (per jaar)": "EUR 4 miljoen over 2022-2025"})
    record = extract_records([row], Settings())[0]
    assert (record.budget.amount, record.budget.period) == (4000000, "total")
