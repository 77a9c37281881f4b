"""Questionnaires: questions name their field anywhere in the line, answers sit on the next line,
tick boxes read as the choices ticked; prose under headings is not a form."""

from __future__ import annotations

import pytest

from extract.pipeline import records_from_document
from extract.read.reader import read_document
from extract.segment.forms import checked_only, form_questions, label_in
from extract.settings import Settings

EN_FORM = """Survey of innovation units 2024
Please answer for your own unit only.
1. Name of the unit
Civic Design Lab
2. Country
Portugal
3. Year the lab was established
2019
4. Number of staff (headcount)
about 7
5. Budget period
☐ multi-year ☒ annual
6. Main sources of funding
City operating budget
7. May we publish your answers?
☒ yes ☐ no"""

NL_FORM = """Vragenlijst innovatielabs
Naam van het lab
Stadslab Noord
Jaar van oprichting
sinds 2020
Website
stadslabnoord.example
Aantal medewerkers (fte)
3,5 fte
Financieringsbronnen
gemeentebegroting"""

REPORT = """2. Lab One
Budget
The lab spends about two million euros a year on its programmes.
Staff
Twelve people work in the lab, most of them designers and researchers.
3. Lab Two
Budget
Its budget is smaller, some 400,000 euros from the regional government.
Staff
Four people run the lab with help from volunteers and interns."""


def test_numbered_questions_name_their_fields():
    texts = EN_FORM.splitlines()
    questions = form_questions(texts)
    fields = {texts[i]: q.field for i, q in questions.items()}
    assert fields["1. Name of the unit"] == "name"
    assert fields["3. Year the lab was established"] == "founded"
    assert fields["4. Number of staff (headcount)"] == "staff"
    assert fields["6. Main sources of funding"] == "funding"
    assert fields["7. May we publish your answers?"] is None  # ends the answer above, fills nothing


def test_questions_numbered_under_roman_sections():
    texts = ["Questionnaire : dispositifs d'innovation des régulateurs des ports", "I. Identification",
             "I.1 Dénomination complète", "Commission de Régulation des Quais", "I.2 Sigle", "CRQ",
             "I.4 Site internet", "www.crq.example", "II. Moyens", "II.1 Effectif", "inconnu",
             "II.3 Origine des ressources", "prélèvement sur les droits de quai"]
    fields = {texts[i]: q.field for i, q in form_questions(texts).items()}
    assert fields["I.1 Dénomination complète"] == "name"
    assert fields["II.1 Effectif"] == "staff"


def test_unnumbered_dutch_questions():
    texts = NL_FORM.splitlines()
    fields = {texts[i]: q.field for i, q in form_questions(texts).items()}
    assert fields == {"Naam van het lab": "name", "Jaar van oprichting": "founded", "Website": "website",
                      "Aantal medewerkers (fte)": "staff", "Financieringsbronnen": "funding"}


def test_labs_under_repeated_sub_headings_are_not_a_form():
    assert form_questions(REPORT.splitlines()) == {}


def test_wrapped_prose_lines_are_not_questions():
    prose = ["Ruta N is the city's innovation agency, created in", "2009 by the city and its utilities.",
             "Funded by the city budget; international", "foundations fund specific projects.",
             "The team numbers around 90; an annual budget of about COP", "60,000 million is spent."]
    assert form_questions(prose) == {}


@pytest.mark.parametrize(("text", "field"), [
    ("Name of any board or steering body, and number of members", "governance"),
    ("Budget amount and currency", "budget"),
    ("Type lab", None),  # 'Lab' is a name label, but a question about a name says 'name'
])
def test_label_in_question(text, field):
    found = label_in(text)
    assert (found[0] if found else None) == field


@pytest.mark.parametrize(("text", "expected"), [
    ("☒ annual ☐ multi-year ☐ project-based", "annual"),
    ("Budget period ☐ multi-year ☒ annual", "Budget period annual"),
    ("☐ yes ☐ no", ""),
    ("No boxes here", "No boxes here"),
])
def test_checked_only(text, expected):
    assert checked_only(text) == expected


def test_form_becomes_one_record_named_by_its_answer(tmp_path):
    source = tmp_path / "survey.txt"
    source.write_text(EN_FORM, encoding="utf-8")
    settings = Settings()
    records = records_from_document(read_document(source, settings), settings)
    assert len(records) == 1
    record = records[0]
    assert record.name == "Civic Design Lab"
    assert record.founded_year == 2019
    assert record.staff is not None and (record.staff.count, record.staff.approximate) == (7, True)
    assert record.budget is None or record.budget.period in (None, "year")


def test_a_scanned_key_facts_box_is_body_text():
    from extract.models import Line
    from extract.segment.forms import key_fact_boxes

    texts = ["Date de création 1998", "Rattachement Métropole de Lyon", "Equipe 12,5 ETP", "Budget annuel 1,1 M€"]
    box = [Line(page=1, text=t, bbox=(68.0, 100.0 + 18 * i, 400.0, 112.0 + 18 * i), role="image_text")
           for i, t in enumerate(texts)]
    screenshot = [Line(page=1, text=t, bbox=(68.0, 400.0 + 18 * i, 400.0, 412.0 + 18 * i), role="image_text")
                  for i, t in enumerate(["File Edit View", "Search the archive", "Sign in"])]
    roles = [line.role for line in key_fact_boxes(box + screenshot)]
    assert roles == ["body"] * 4 + ["image_text"] * 3


CODED_FORM = """Questionnaire for public innovation agencies
A1 Official name of the organisation
Harbourline Digital Agency
A2 Country and seat
Portugal, Porto
A3 Date of establishment
Founded in March 2017 by the city council
B1 Number of employees (headcount) on 31/12/2023
approx. 40
B2 Annual budget (latest year)
EUR 3.1 million
D1 Name, position, e-mail
J. Smith, head of communications, js@example.org"""


def test_question_codes_without_a_dot_and_the_organisation_name():
    texts = CODED_FORM.splitlines()
    fields = {texts[i]: q.field for i, q in form_questions(texts).items()}
    assert fields["A1 Official name of the organisation"] == "name"
    # The date a question asks about is not an answer inside it.
    assert fields["B1 Number of employees (headcount) on 31/12/2023"] == "staff"
    # The respondent's name comes after the organisation's: the first name question names the record.
    assert next(i for i, q in sorted(form_questions(texts).items()) if q.field == "name") == 1


CODED_CENSUS = """Census of Experimentation Units — 2025
Section A — Identification
A1. Full name of the unit
Kestrel Insights Unit (KIU)
A2. Name used in public communication, if different
Kestrel Impact
A3. Country
Ruritania
A4. Website
insights.kestrel.kt
A5. Year in which the unit was created
2017
A7. Parent organisation
Kestrel Council Office
B3. Annual operating budget of the unit (amount and currency)
approx. 6.9 million
B5. Sources of funding (tick or list all)
council reference levels
B6. Funds administered on behalf of others (not part of your budget)
challenge prize pools of partner departments
D2. Units in other countries you work with most
the Policy Lab of Ternville, the Behavioural Insights
Group — exchanges only, no joint budget
Name, position, contact
Ana Kestrel, Director"""


def test_a_coded_questionnaire_reads_uncoded_lines_as_answers_and_bracketed_asides_as_no_question() -> None:
    questions = form_questions(CODED_CENSUS.splitlines())
    fields = sorted(q.field for q in questions.values() if q.field)
    # 'Group — ... no joint budget' continues an answer; '(not part of your budget)' asks no parent.
    assert fields == ["budget", "country", "founded", "funding", "name", "parent", "website"]


def test_a_count_question_asks_no_founding_date_and_a_written_date_is_no_answer() -> None:
    from extract.segment.forms import NUMBERING, is_question, label_in

    assert is_question("B2. Number of staff in post at 31 March 2025")
    assert label_in(NUMBERING.sub("", "B2. Number of staff in post at 31 March 2025", count=1)) == ("staff", "Number of staff")
    assert label_in("Number of established posts") is None
    assert label_in("Nombre de postes créés") is None
    assert label_in("Année de création") == ("founded", "Année de création")


LETTER_CODED_FORM = """Vragenlijst B — Partners van de gemeente
Vul per organisatie één vragenlijst in. Bedragen in euro's.
1 Organisatie
1a Naam van de organisatie (zoals statutair vastgelegd)
Stichting Proefstad Noord
1b Gebruikte afkorting
PSN
1c Website
proefstadnoord.example
1d Sinds wanneer bestaat uw organisatie?
Sinds 2016 als zelfstandige stichting.
2 Mensen en middelen
2a Aantal medewerkers in loondienst (personen)
11 (samen 9,2 fte)
2b Totale lasten van uw organisatie in het laatst afgesloten boekjaar
€ 842.000 (boekjaar 2024)
2c Financieringsbronnen
bijdragen van partners; subsidie van de provincie"""


def test_question_codes_of_a_number_and_a_letter_and_a_question_about_spending() -> None:
    texts = LETTER_CODED_FORM.splitlines()
    fields = {texts[i]: q.field for i, q in form_questions(texts).items()}
    assert fields["1a Naam van de organisatie (zoals statutair vastgelegd)"] == "name"
    # What the organisation spends is its budget, though 'organisatie' is a word of governance too.
    assert fields["2b Totale lasten van uw organisatie in het laatst afgesloten boekjaar"] == "budget"
    assert label_in("Totale lasten", spending=True) == ("budget", "Totale lasten")
    assert label_in("Total expenditure in the last financial year", spending=True) == ("budget", "Total expenditure")
    assert label_in("Totale lasten") is None  # a table's row label is left to the statements


def test_a_company_s_legal_name_is_the_name_asked() -> None:
    texts = ["Fiche d'identification", "A1. Raison sociale complète", "Agence Kestrel de promotion des parcs",
             "A2. Sigle usuel", "AKPP", "A3. Site Internet", "www.akpp.example", "A4. Année de création", "2004",
             "B1. Effectif permanent (personnes physiques)", "Cent quarante-deux"]
    fields = {texts[i]: q.field for i, q in form_questions(texts).items()}
    assert fields["A1. Raison sociale complète"] == "name"


def test_a_scanned_answer_box_edge_and_speck_are_not_the_answer() -> None:
    from extract.segment.forms import answer_to, form_questions

    texts = ["Deel 1. Identificatie van de aanvrager", "1.1 Volledige naam van de organisatie", "pe 5",
             "| Kestrelcentrum Vlaamse Steden vzw", "1.2 Afkorting", "nvt", "1.3 Rechtsvorm", "vzw",
             "1.4 Datum van oprichting", "12 november 2007", "1.5 Adres en website", "www.kestrelcentrum.be",
             "3.1 Aantal personeelsleden op 30 juni 2025", "7 personeelsleden, samen 6,2 VTE"]
    assert answer_to(texts, form_questions(texts), "name") == "Kestrelcentrum Vlaamse Steden vzw"


def test_a_scanned_fact_box_s_labels_get_the_colon_its_cells_stood_for():
    # OCR reads 'Since | 1990' as one line; the box pads its rows by more than a line's height.
    from extract.models import Line
    from extract.segment.forms import key_fact_boxes

    texts = ["Since 1990", "Seat Quayport", "People just under 900", "Turnover KR 1 bn", "[ Web. kestrelmeds.example"]
    box = [Line(page=1, text=t, bbox=(313.0, 200.0 + 17 * i, 450.0, 206.5 + 17 * i), role="image_text")
           for i, t in enumerate(texts)]
    lines = key_fact_boxes(box)
    assert [line.role for line in lines] == ["body"] * 5
    assert [line.text for line in lines] == ["Since: 1990", "Seat Quayport", "People: just under 900", "Turnover KR 1 bn",
                                             "Web: kestrelmeds.example"]


def test_a_scanned_fact_box_read_as_plain_lines_gets_its_colons_back():
    from extract.models import Line
    from extract.segment.fact_rows import scanned_fact_rows

    def ocr(texts: list[str]) -> list[Line]:
        return [Line(page=1, text=t, bbox=(60.0, 100.0 + 20 * i, 800.0, 112.0 + 20 * i), conf=0.9)
                for i, t in enumerate(texts)]

    box = ocr(["Sinds stichting sinds 1991; regionale voorloper in Tilburg", "Wettelijke taak sinds 1996 aangewezen",
               "Toezicht raad van toezicht; dagelijkse leiding bij de directeur",
               "Geld instellingssubsidie van het ministerie van VWS", "Plaats Den Bosch", "Web kestrel.example"])
    texts = [line.text for line in scanned_fact_rows(box)]
    assert texts[0].startswith("Sinds: ") and texts[2].startswith("Toezicht: ") and texts[5] == "Web: kestrel.example"
    prose = ocr(["laboratoire comparable au coLAB-i du Tribunal de Contas brésilien ou à l'Innovation",
                 "Lab du GAO américain, que l'on cite partout.", "financements politiques, elle relève d'une autre "
                 "logique.", "Budget et moyens ne sont pas publiés."])
    assert [line.text for line in scanned_fact_rows(prose)] == [line.text for line in prose]
