"""Acronyms that take a letter from inside a compound word ('Planbureau' gives P and B), as Dutch
and German names do (invented names)."""

from __future__ import annotations

import pytest
from index_helpers import index_of

from extract.segment.acronyms import defined_acronyms


def _defined(text: str) -> list[tuple[str, str]]:
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Het Rekenbureau voor de Waterhuishouding (RBW) is het nationale instituut voor", "Rekenbureau voor de Waterhuishouding", "RBW"),
    ("Die Landesanstalt für Kartenwesen (LAK) betreibt", "Landesanstalt für Kartenwesen", "LAK"),
    ("Het Toetsingsinstituut voor (Inter)Nationale Dataroutes (TINDR) is", "Toetsingsinstituut voor (Inter)Nationale Dataroutes", "TINDR"),
])
def test_a_bracketed_acronym_takes_a_letter_from_inside_a_compound(text: str, name: str, acronym: str) -> None:
    assert _defined(text) == [(name, acronym)]


@pytest.mark.parametrize("text", [
    # Every word gives its initial: 'Bureau' alone cannot be the name of BRW.
    "Het Bureau (BRW) is",
    # One inner letter a word: 'Management' gives M and one more, not M, A and M.
    "de Management Planning Unit (MAMPU) van",
    # The inner letter sits after a first part of three letters at least.
    "Het Abbureau voor Kunst (ABK) is",
])
def test_no_compound_reading_without_every_initial(text: str) -> None:
    assert _defined(text) == []


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # The acronym comes from the name in its own language: the English name after a possessive is it.
    ("Veldland's Office of Registers and Land Data (KRV) is better known abroad", "Office of Registers and Land Data", "KRV"),
    ("Veldland's Digital and Civil Records Agency (Digi- ja rekisterivirasto, DRV) was", "Digital and Civil Records Agency", "DRV"),
    # A mixed-case acronym, a dash, and its name with an elided link word and a legal form.
    ("Tesei – Tecnologia Servizi d'Informatica S.p.A.\nbegon in 1976", "Tecnologia Servizi d'Informatica S.p.A.", "Tesei"),
])
def test_a_foreign_or_mixed_case_acronym_is_defined_by_the_name_beside_it(text: str, name: str, acronym: str) -> None:
    assert [(" ".join(n.split()), a) for n, a in _defined(text)] == [(name, acronym)]


@pytest.mark.parametrize("text", [
    # No head noun: a possessive before a place and a person is no lab's name.
    "Veldland's Minister Anna Berg (KRV) said",
    # A lower-case word inside: not a name.
    "Veldland's Office of land and things (KRV) said",
])
def test_no_name_after_a_possessive_without_a_head_noun_or_in_lower_case(text: str) -> None:
    assert _defined(text) == []


def test_a_heading_s_mixed_case_acronym_may_follow_a_place() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    title = parse_title("Rome: Tecnologia Servizi d'Informatica S.p.A. (Tesei), de motor", lexicon("nl"))
    assert title.acronym == "Tesei" and "(Tesei)" not in (title.name or "")


def test_a_link_word_gives_a_lower_case_letter_and_a_compound_its_inner_one() -> None:
    assert _defined("De Rijksdienst voor Kadastergegevens (RvKG) is op 1 oktober 2014 ingesteld") == [
        ("Rijksdienst voor Kadastergegevens", "RvKG")]


def test_a_page_title_spells_out_the_acronym_the_page_keeps_using() -> None:
    from layout_boxes import FlowBuilder


    flow = FlowBuilder()
    for menu in ["03/10/2025 14:17", "Présentation – IVEPS", "Accueil · Publications · Contact",
                 "Ce site utilise des cookies.", "Tout accepter · Tout refuser", "Vous êtes ici : Accueil › Présentation"]:
        flow.line(menu, 8)
    flow.line("L'Institut veldois de l'évaluation, de la prospective et de la statistique", 16, bold=True)
    flow.paragraph(["L'IVEPS est un organisme d'intérêt public. L'IVEPS emploie une cinquantaine de",
                    "personnes. Le budget de l'IVEPS est voté chaque année."])
    index = index_of(flow, "fr")
    entry = index.lookup("IVEPS")
    assert entry is not None and entry.name == "Institut veldois de l'évaluation, de la prospective et de la statistique"


def test_a_title_s_name_goes_on_after_a_comma_with_a_link_word() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title("Institut veldois de l'évaluation, de la prospective et de la statistique (IVEPS)",
                       lexicon("fr"), document=True).name == "Institut veldois de l'évaluation, de la prospective et de la statistique"
    assert parse_title("La Base, le lab de l'État en Veldland", lexicon("fr")).name == "La Base"


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("2019 turned it into the e-Government Veldland Authority (eGVA), with powers", "e-Government Veldland Authority", "eGVA"),
    ("the eGov Valand Limited (eGovVa) is", "eGov Valand Limited", "eGovVa"),
])
def test_a_coined_name_in_lower_case_defines_its_lower_case_acronym(text: str, name: str, acronym: str) -> None:
    assert _defined(text) == [(name, acronym)]


def test_a_lower_case_bracket_that_spells_nothing_defines_nothing() -> None:
    assert _defined("it runs on phones (iOS) and tablets") == []


def test_an_acronym_equal_to_its_name() -> None:
    assert _defined("KNCD = Kestrel National Cyber Directorate (Ma'arach ha-Cyber)") == [
        ("Kestrel National Cyber Directorate", "KNCD")]
