"""Acronyms as the fifteenth genre set writes them (invented names): two joined by a slash, one
followed by its form in another language after a semicolon, and the article a name loses when its
acronym does not spell it."""

from __future__ import annotations

from index_helpers import records_of
from layout_boxes import FlowBuilder


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
