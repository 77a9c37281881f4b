"""Rules written from the failures of the ninth genre set (tests/fixtures/genres-heldout9), with
invented names: acronyms in another language than their names, a lab's own pages as headings."""

from __future__ import annotations

import pytest

from extract.segment.lab_names import defined_acronyms


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # The acronym comes from the name in another language: the head noun tells where the name starts.
    ("En Belgique, le Bureau de la donnée partagée (SDO) a été lancé en 2019.", "Bureau de la donnée partagée", "SDO"),
    ("Het Agentschap voor Gegevensdeling (DSA) begon in 2020.", "Agentschap voor Gegevensdeling", "DSA"),
    # A mixed-case acronym taking two letters from one word.
    ("Le Pôle d'analyse de la régulation fiscale (PAReF) a été institué en 2020.",
     "Pôle d'analyse de la régulation fiscale", "PAReF"),
    # Opening a clause after a comma, with an elided article.
    ("Bras armé de l'État, l'Office de la Transition Verte (OTV) a été créé en 2021.",
     "Office de la Transition Verte", "OTV"),
])
def test_a_bracketed_acronym_after_a_headed_name_defines_it(text: str, name: str, acronym: str) -> None:
    assert [(n, a) for n, a, _ in defined_acronyms(text)] == [(name, acronym)]


@pytest.mark.parametrize("text", [
    "l'Agence du numérique (Paris) est ouverte",  # a place in brackets, one capital
    "the Digital Service (Den) is",
    "il fait partie de l'Office de la Transition Verte (OTV).",  # a host named in passing
    "l'Office de la Transition Verte (OTV).",  # a line that starts there: what came before is unknown
    "We met the Kenya Bureau (ZZ) team",  # no article before the head, letters do not fit
])
def test_no_definition_without_a_head_noun_opening_the_name(text: str) -> None:
    assert defined_acronyms(text) == []
