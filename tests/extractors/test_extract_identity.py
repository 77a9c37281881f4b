"""Name, acronym, country, website and founding year, from titles and text in nl/en/fr."""

from __future__ import annotations

import pytest

from extract.rules.lexicon import lexicon
from extract.segment.titles import parse_title


@pytest.mark.parametrize(
    ("title", "lang", "name", "acronym", "country"),
    [
        ("Stedelijk Innovatie Atelier (SIA) in België", "nl", "Stedelijk Innovatie Atelier", "SIA", "BE"),
        ("Policy Lab in UK", "en", "Policy Lab", None, "GB"),
        ("GovLab Oost - Proeftuin voor digitale dienstverlening in Oostenrijk", "nl", "GovLab Oost", None, "AT"),
        ("Laboratoire d'innovation territoriale en France", "fr", "Laboratoire d'innovation territoriale", None, "FR"),
        ("Digital Transformation Office (DTO-2) in Finland", "en", "Digital Transformation Office", "DTO-2", "FI"),
        ("Innovatiehuis Gent", "nl", "Innovatiehuis Gent", None, None),
        ("Publieke Proeftuin (PPT) in Belgié", "nl", "Publieke Proeftuin", "PPT", "BE"),
    ],
)
def test_parse_title(title, lang, name, acronym, country):
    parts = parse_title(title, lexicon(lang))
    assert (parts.name, parts.acronym, parts.country) == (name, acronym, country)


@pytest.mark.parametrize(
    ("title", "name"),
    [("Jaarverslag 2023 – Stadslab Brugge", "Stadslab Brugge"),
     ("Annual Report 2022: Civic Design Studio", "Civic Design Studio"),
     ("Rapport annuel 2021 du Laboratoire citoyen", "Laboratoire citoyen")],
)
def test_single_lab_report_title(title, name):
    assert parse_title(title, lexicon("nl"), document=True).name == name


def test_acronym_defined_in_role_text(extract_one):
    text = ("Rol: De Federale Dienst voor Publieke Vernieuwing (FDPV) bundelt een netwerk van labs in steden.\n"
            "Governance: Het netwerk rapporteert aan de Sociaal Overlegcomité (SOC).")
    assert extract_one(text, "Netwerk van vernieuwingslabs in Belgié", lang="nl").acronym == "FDPV"


def test_no_acronym_from_unrelated_parentheses(extract_one):
    text = "Rol: Het lab werkt samen met gemeenten (zie bijlage) en de Vlaamse Overheid (VO)."
    assert extract_one(text, "Stadslab Noord", lang="nl").acronym is None


def test_company_abbreviation_in_name_is_not_acronym(extract_one):
    text = "Rol: Binnen de KLM (KLM) werkt het lab aan nieuwe diensten."
    assert extract_one(text, "KLM Digital Studio in Nederland", lang="nl").acronym is None


@pytest.mark.parametrize(
    ("text", "title", "lang", "country"),
    [
        ("Rol: Het lab ondersteunt Vlaamse gemeenten bij hun digitalisering.", "Digitaal Atelier", "nl", "BE"),
        ("Rol: Het Deense agentschap ondersteunt ministeries.", "Agentschap X", "nl", "DK"),
        ("Role: The unit serves the Irish civil service.", "Public Service Lab", "en", "IE"),
        ("Website: www.innolab.fi\nRole: It helps ministries.", "InnoLab", "en", "FI"),
    ],
)
def test_country_from_text_or_tld(extract_one, text, title, lang, country):
    assert extract_one(text, title, lang=lang).country == country


def test_country_tld_fallback_is_least_confident(extract_one):
    tld = extract_one("Website: www.innolab.fi", "InnoLab", lang="en")
    title = extract_one("Website: www.innolab.fi", "InnoLab in Finland", lang="en")
    assert tld.provenance["country"].confidence < title.provenance["country"].confidence


@pytest.mark.parametrize(
    ("text", "urls", "website"),
    [
        ("Website: wwwi.proeftuin.be/nl/", (), "https://www.proeftuin.be/nl"),
        ("Site web : https://LABO.gouv.fr/innovation/", (), "https://labo.gouv.fr/innovation"),
        ("Rol: Meer op www.stadslab.nl of bel ons.", (), "https://www.stadslab.nl"),
        ("Rol: Een lab zonder adres in de tekst.", ("https://www.voettekst.be/",), "https://www.voettekst.be"),
    ],
)
def test_website(extract_one, text, urls, website):
    assert extract_one(text, "Lab", lang="nl", urls=urls).website == website


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Rol: Het lab werd opgericht in 2015 door drie steden.", "nl", 2015),
        ("Rol: Het team werd al in 2009 opgericht als proefproject.", "nl", 2009),
        ("Rol: Sinds de oprichting begin 2020 begeleidt het lab projecten.", "nl", 2020),
        ("Rol: Het platform is ontstaan in 2012 uit een burgerinitiatief.", "nl", 2012),
        ("Role: The unit was established in 2014 to test new services.", "en", 2014),
        ("Role: Since its founding in 2011 the lab has run 80 projects.", "en", 2011),
        ("Role: It was set up in 2017 within the Cabinet Office.", "en", 2017),
        ("Rôle : le laboratoire, créé en 2016, accompagne les ministères.", "fr", 2016),
        ("Rôle : depuis sa création en 2013, la structure forme des agents.", "fr", 2013),
        ("Opgericht: 2008", "nl", 2008),
        ("Role: The lab, which was established in 2011, tests new services.", "en", 2011),
    ],
)
def test_founded_year(extract_one, text, lang, year):
    assert extract_one(text, "Testlab", lang=lang).founded_year == year


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rol: Deze labs zijn opgericht naar aanleiding van een oproep tot projecten die in maart 2017 door het "
         "ministerie werd uitgeschreven.", "nl"),
        ("Rol: Het lab organiseerde in 2019 een hackathon en werd later uitgebreid.", "nl"),
        ("Role: The labs were created following a call for projects that the ministry launched in spring 2018.", "en"),
        ("Rôle : depuis leur création, les laboratoires ont mené 80 projets en 2022.", "fr"),
        ("Rol: Het lab werkt samen met Digipolis, dat in 2010 werd opgericht.", "nl"),
        ("Role: It partners with the Open Data Institute, which was founded in 2012.", "en"),
    ],
)
def test_unrelated_year_is_not_founding(extract_one, text, lang):
    assert extract_one(text, "Testlab", lang=lang).founded_year is None


def test_dash_lost_to_ocr_brand_name(extract_one):
    text = "Rol: GovLab is een proeftuin van de stad. GovLab werkt met ambtenaren."
    record = extract_one(text, "GovLab Proeftuin voor digitale dienstverlening in Nederland", lang="nl")
    assert record.name == "GovLab"


def test_url_title_is_not_a_name(extract_one):
    text = "Website: www.lab.it\nBudget: € 1 million\nStaff: 8\nFounded: 2012"
    record = extract_one(text, "www.lab.it", lang="en")
    assert record.name is None
    assert record.website == "https://www.lab.it"


def test_ocr_specks_in_title():
    assert parse_title("Laboratorio de Experimentacao .Administrativa (LEA), Portugal", lexicon("en")).name == (
        "Laboratorio de Experimentacao Administrativa")


def test_brand_name_with_heading_line_in_section(make_section):
    from extract.extractors import extract_records
    from extract.models import Line
    from extract.settings import Settings

    title = "GovLab Proeftuin voor digitale dienstverlening in Nederland"
    section = make_section("Rol: GovLab is een proeftuin. GovLab werkt met ambtenaren.", title, lang="nl")
    heading = Line(page=1, text="3. " + title, bbox=(72.0, 50.0, 400.0, 64.0), role="heading")
    section = section.model_copy(update={"lines": [heading, *section.lines]})
    record = extract_records([section], Settings())[0]
    assert record.name == "GovLab"
    assert record.provenance["name"].bbox == heading.bbox


def test_footer_url_that_names_the_lab(extract_one):
    urls = ("https://www.otherlab.be/", "https://www.vlaanderen.be/proeftuin-vlaanderen")
    record = extract_one("Rol: Een proeftuin voor nieuwe diensten.", "Proeftuin Vlaanderen", lang="nl", urls=urls)
    assert record.website == "https://www.vlaanderen.be/proeftuin-vlaanderen"
    assert record.provenance["website"].confidence < 0.5


def test_title_with_dangling_preposition():
    parts = parse_title("Centrum voor Publieke Innovatie (CPI) in", lexicon("nl"))
    assert (parts.name, parts.acronym) == ("Centrum voor Publieke Innovatie", "CPI")


def test_acronym_defined_after_a_fact_sheet_heading(make_section):
    from extract.extractors import extract_records
    from extract.models import Line
    from extract.settings import Settings

    lines = [Line(page=1, text=t, bbox=(72.0, 60.0 + 14 * i, 400.0, 72.0 + 14 * i), role=r) for i, (t, r) in enumerate([
        ("FACT SHEET 2023", "body"), ("About us", "heading"),
        ("The Bergen Service Design Unit (BSDU) is the in-house team of the city.", "body")])]
    section = make_section("x", "Bergen Service Design Unit", lang="en", kind="document")
    record = extract_records([section.model_copy(update={"lines": lines})], Settings())[0]
    assert record.acronym == "BSDU"


@pytest.mark.parametrize(
    ("text", "website"),
    [("Website:\nhttps://www.designstudio.scot/\nFounded: 2019", "https://www.designstudio.scot"),
     ("Website: www.x.be (Nederlandstalig)", "https://www.x.be"),
     ("Website: not available\nRole: see https://www.other.org/page", None)],
)
def test_website_label_forms(extract_one, text, website):
    assert extract_one(text, "Lab", lang="en").website == website


def test_country_after_acronym_without_its_dash() -> None:
    from extract.pipeline import process_text

    text = "1. Laboratoire d'innovation de la Région (LIR) France\nSite web : www.lir.fr\nMission : un labo.\n"
    (record,) = process_text(text).records
    assert (record.name, record.acronym, record.country) == ("Laboratoire d'innovation de la Région", "LIR", "FR")
