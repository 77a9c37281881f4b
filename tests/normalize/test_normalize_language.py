"""detect_language: lingua for sentences, stop words for short text, None when unsure."""

from __future__ import annotations

import pytest

from extract.normalize import detect_language

TEXTS = [
    ("Het lab beschikt over een jaarlijks budget van 800.000 euro en een team van 10 medewerkers.", "nl"),
    ("Middelen: Dit centrum beschikt over een aanzienlijk budget", "nl"),
    ("The lab has an annual budget of EUR 1.2m and a team of twelve people.", "en"),
    ("We are the innovation agency for social good.", "en"),
    ("Le laboratoire dispose d'un budget annuel de 2 M€ et d'une équipe de huit personnes.", "fr"),
    ("Gouvernance : le comité de pilotage se réunit deux fois par an.", "fr"),
    ("de medewerkers van het lab", "nl"),
    ("the staff of the lab", "en"),
    ("les agents du laboratoire", "fr"),
]


@pytest.mark.parametrize("text, lang", TEXTS)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12 345", "https://www.example.com", "Budget", "Nesta", "---"])
def test_undecided_is_none(text):
    assert detect_language(text) is None
