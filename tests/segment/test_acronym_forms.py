"""Acronyms as the fifteenth genre set writes them (invented names): two joined by a slash, one
followed by its form in another language after a semicolon, one followed by the name the text
then uses ('the Authority'), and the article a name loses when its acronym does not spell it."""

from __future__ import annotations

from index_helpers import index_of, records_of
from layout_boxes import FlowBuilder

from extract.rules.lexicon import lexicon
from extract.segment.lab_headings import is_page_title


def _records(lang_text: list[str]) -> list[tuple[str | None, str | None]]:
    flow = FlowBuilder()
    flow.line(lang_text[0], 14, bold=True)
    flow.paragraph(lang_text[1:])
    return [(r.name, r.acronym) for r in records_of(flow)]


def test_an_acronym_joined_by_a_slash() -> None:
    assert _records(["Présentation", "La Délégation générale à l'Entrepreneuriat rapide des Femmes et des Zorvex "
                     "(DER/FZ) est le dispositif de l'État créé en 2018. Elle compte 120 agents."]) == [
        ("Délégation générale à l'Entrepreneuriat rapide des Femmes et des Zorvex", "DER/FZ")]


def test_an_acronym_before_its_form_in_another_language() -> None:
    assert _records(["2. North Macedonia", "The Fund for Innovation and Zorvex Development (FIZD; FIZR in its Macedonian "
                     "form) was set up in 2014. It has 30 staff."]) == [
        ("Fund for Innovation and Zorvex Development", "FIZD")]


def test_an_article_the_acronym_spells_stays() -> None:
    assert _records(["About us", "The Southern Zorvex Initiative (TSZI) was set up in 2012. It has 40 staff."]) == [
        ("The Southern Zorvex Initiative", "TSZI")]


def test_an_acronym_with_the_name_the_text_then_uses() -> None:
    flow = FlowBuilder()
    flow.line("Record of the visit", 14, bold=True)
    flow.paragraph(["The Zorvex Valley Development Authority (ZoVDA, 'the Authority') sets out the matters raised.",
                    "The Authority confirmed that it was established in 2012. The Authority has 96 staff."])
    index = index_of(flow, "en")
    assert [(e.name, e.acronym) for e in index.entries] == [("Zorvex Valley Development Authority", "ZoVDA")]


def test_a_letter_field_label_is_no_lab_heading() -> None:
    lex = lexicon("en")
    assert is_page_title("RE: RECORD OF THE COMMITTEE'S VISIT", lex) and is_page_title("RE", lex)
    assert not is_page_title("Zorvex Valley Development Authority", lex)


def test_a_coined_name_after_a_place_and_a_name_holding_a_country() -> None:
    from extract.segment.titles import parse_title

    parts = parse_title("Colombie — iNNzorvex Colombia", lexicon("fr"))
    assert (parts.name, parts.country) == ("iNNzorvex Colombia", "CO")


def test_a_key_facts_label_opens_no_place_chapter() -> None:
    flow = FlowBuilder()
    flow.line("Uruguay — ZAII", 14, bold=True)
    flow.paragraph(["Zorvex Agencia de Investigación e Innovación (ZAII): l'agence unique de l'Uruguay."])
    flow.paragraph(["Indicateur: ZAII", "Création: 2005", "Effectif: 80 personnes"])
    flow.new_page()
    flow.line("Colombie — iNNzorvex Colombia", 14, bold=True)
    flow.paragraph(["Indicateur: iNNzorvex Colombia", "Création: 2012", "Effectif: 120 personnes"])
    names = [r.name for r in records_of(flow)]
    assert "Indicateur" not in names and "iNNzorvex Colombia" in names
