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


PIECES = [
    ["Het lab beschikt over een jaarlijks budget", "van 800.000 euro (www.lab.nl/over-ons).",
     "Contact: info@lab.nl", "The English summary follows."],
    ["The lab has an annual budget", "of EUR 1.2m", "", "and twelve people", "https://lab.example.org/team"],
    ["Le laboratoire", "dispose d'un budget", "annuel de 2 M€."],
    ["Budget", "Nesta"],
    [""],
]


@pytest.mark.parametrize("pieces", PIECES)
def test_text_in_pieces_gives_what_the_joined_text_gives(pieces):
    # Segmentation hands a document's lines one by one rather than joining a 500-page text.
    assert detect_language(iter(pieces)) == detect_language("\n".join(pieces))


def test_a_long_text_in_lines_matches_the_joined_text():
    lines = [f"regel {i}: het lab en de medewerkers van het team werken aan de begroting" for i in range(3000)]
    lines[5] = "The board of the lab meets twice a year and the staff reports to it."
    assert detect_language(lines) == detect_language("\n".join(lines)) == "nl"


def test_no_pieces_or_a_piece_that_is_not_text_is_undecided():
    assert detect_language([]) is None
    assert detect_language(["Het lab beschikt over een budget", None]) is None  # type: ignore[list-item]
