"""Letters, e-mails and notes: furniture around the message names no lab; run-in heads do."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import sections_of
from extract.read.reader import read_document
from extract.rules.lexicon import lexicon
from extract.segment.letters import correspondence
from extract.settings import Settings

LETTER = """Department of Coastal Affairs
Service Transformation Branch
12 Harbour Street, Port Elsa
Observatory of Civic Innovation
Public Governance Directorate
Port Elsa, 9 August 2021
Re: Your request for information on the Harbour Service Lab
Dear colleagues,
Thank you for your letter asking for a short description of the lab.
The Lab was set up in February 2019 as a five-month experiment. The Lab has a core team of twelve.
For 2020 the Lab operated with a budget of 1.9 million euros.
Yours sincerely,
Jane Doe
Deputy Chief Executive, Service Transformation Branch
"""

EMAIL = """Gmail · Rachel <r@example.org>
From: Daniel <d@example.org>
To: Rachel <r@example.org>
Date: Tue, 14 May 2019, 16:47
Subject: Background on the two teams
Hi Rachel,
Here are the notes you asked for.

K9X. Digital services consultancy inside the Office of Supplies, launched in 2014. Roughly 200 staff.

Lab@Port. Innovation lab of the Office of Personnel, opened 2012. Small team of 6 staff.

Best,
Daniel
"""


def _sections(tmp_path: Path, name: str, text: str) -> list[str | None]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return [s.title for s in sections_of(read_document(source, Settings()))]


def test_letter_furniture_and_subject_line() -> None:
    texts = LETTER.strip().splitlines()
    found = correspondence(texts, lexicon("en"))
    assert found is not None
    kept = [t for n, t in enumerate(texts) if n not in found.furniture]
    assert kept[0].startswith("Thank you")  # letterhead, addresses, date and greeting are furniture
    assert not any("Jane Doe" in t or "Deputy Chief" in t for t in kept)  # and the signature
    assert [texts[n] for n in found.subjects] == ["Re: Your request for information on the Harbour Service Lab"]


def test_letter_is_about_the_lab_its_subject_names(tmp_path: Path) -> None:
    assert _sections(tmp_path, "letter.txt", LETTER) == ["Harbour Service Lab"]


def test_notes_in_an_email_open_with_their_labs(tmp_path: Path) -> None:
    assert _sections(tmp_path, "mail.txt", EMAIL) == ["K9X", "Lab@Port"]


def test_prose_is_not_correspondence() -> None:
    texts = ["The lab was founded in 2015.", "Best practice travels slowly.", "It has 12 staff."]
    assert correspondence(texts, lexicon("en")) is None


def test_a_formal_french_letter_without_a_short_closing() -> None:
    texts = ["GIRONDE — LE DÉPARTEMENT", "Direction générale des services", "Madame Hélène Marty",
             "Bordeaux, le 17 octobre 2022", "Objet : votre enquête sur les laboratoires", "Madame,",
             "Le Labo'M21 a été créé en 2013.", "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.",
             "Jean Dupont", "Directeur général des services"]
    found = correspondence(texts, lexicon("fr"))
    assert found is not None
    assert [t for n, t in enumerate(texts) if n not in found.furniture] == ["Le Labo'M21 a été créé en 2013."]
