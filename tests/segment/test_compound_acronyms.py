"""Acronyms that take a letter from inside a compound word ('Planbureau' gives P and B), as Dutch
and German names do (invented names)."""

from __future__ import annotations

import pytest

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
