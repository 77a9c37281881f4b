"""A strong name the text always writes with the same capitalised word after it goes by both words
('Kestrellab Prado', never 'Kestrellab' alone); an Italian 'Dipartimento' heads a name as the other
Romance heads do; a newsletter's name in its closing masthead ('X · Issue 14') is no lab."""

from __future__ import annotations

from flows import section_titles
from index_helpers import index_of
from layout_boxes import FlowBuilder

from extract.segment.lab_index import LabIndex


def _index(text: str, lang: str = "fr") -> LabIndex:
    flow = FlowBuilder()
    for line in text.splitlines():
        flow.line(line)
    return index_of(flow, lang)


def test_a_name_always_written_with_the_same_word_after_it() -> None:
    index = _index("Kestrellab Prado a longtemps été le symbole de l'innovation ouverte.\n"
                   "Une quarantaine de personnes travaillaient à Kestrellab Prado, qui a fermé en 2021.\n"
                   "Tout ce que Kestrellab Prado n'était pas, le ministère l'est devenu.")
    entry = index.lookup("Kestrellab Prado")
    assert entry is not None and entry.name == "Kestrellab Prado"
    assert index.lookup("Kestrellab") is entry


def test_a_name_written_alone_as_often_keeps_its_one_word() -> None:
    index = _index("Kestrellab a longtemps été le symbole de l'innovation ouverte.\n"
                   "Une quarantaine de personnes travaillaient à Kestrellab Prado.\n"
                   "Kestrellab a fermé en 2021 ; Kestrellab Prado n'existe plus.")
    entry = index.lookup("Kestrellab")
    assert entry is not None and entry.name == "Kestrellab"


def test_an_italian_department_heads_a_name() -> None:
    index = _index("À Rome, le Dipartimento per la semplificazione normativa (DSN) a été créé en 2019.\n"
                   "Le Dipartimento per la semplificazione normativa compte environ 90 agents.")
    entry = index.lookup("DSN")
    assert entry is not None and entry.strong


def test_a_newsletter_named_in_its_closing_masthead_is_no_lab() -> None:
    flow = FlowBuilder()
    flow.line("Harbourline Digital", 20, bold=True)
    flow.paragraph(heading="Portrait: Kestrel Data Agency (KDA), Norway", lines=[
        "The Kestrel Data Agency (KDA) was set up in 2019 and employs 120 people. Its budget is",
        "NOK 140 million a year."])
    flow.paragraph(heading="Portrait: Tern Registry Office (TRO), Finland", lines=[
        "The Tern Registry Office (TRO) was founded in 2020 and has 300 staff. It spends",
        "EUR 61 million a year."])
    flow.paragraph(["Harbourline Digital is published by the network secretariat.",
                    "Harbourline Digital · Issue 14 · Spring 2024 · page 1 of 1"])
    assert section_titles(flow) == ["Portrait: Kestrel Data Agency (KDA), Norway",
                                    "Portrait: Tern Registry Office (TRO), Finland"]


def test_a_name_an_acronym_stands_for() -> None:
    # A real page of the thirteenth set: 'Onze naam staat van oudsher voor Rijksdienst voor het
    # Wegverkeer; tegenwoordig gebruiken we vooral de afkorting.' The record was named 'RDW' before.
    from pathlib import Path

    from extract.pipeline import process_file
    from extract.settings import Settings

    page = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout13" / "nl-web-page-rdw.pdf"
    records = process_file(page, Settings()).records
    assert [(r.name, r.acronym) for r in records] == [("Rijksdienst voor het Wegverkeer", "RDW")]


def test_a_real_newsletter_named_in_its_closing_masthead_is_no_lab() -> None:
    # A real newsletter of the fifth set: 'NordGov Digital' over its portraits and again in
    # 'NordGov Digital · Issue 14 · Spring 2024' at its end; the longer name made it a record.
    from pathlib import Path

    from extract.pipeline import process_file
    from extract.settings import Settings

    page = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout5" / "en-newsletter-nordic-digital-agencies.pdf"
    assert "NordGov Digital" not in [r.name for r in process_file(page, Settings()).records]
