"""Plain prose about several labs: each paragraph goes to the lab it is about; hosts, labs named
in passing and paragraphs that compare labs open no record."""

from __future__ import annotations

from pathlib import Path

import pytest
from flows import text_titles

PROSE = """Governments learned to build software in house during the last decade.

That team, the Civic Software Service, was set up in 2012 inside the Treasury Office. Its first
task was to replace dozens of websites with one. At its peak CSS employed some 400 people.

The second answer came from the interior ministry, where a group of fellows founded Q42 in 2015.
Unlike CSS, Q42 was never given a mandate. It works as an in-house consultancy and its guides are
at q42.gov.example.

The two units were often spoken of in one breath. CSS had the purse; Q42 had the freedom of a
contractor. Both drew on the Harbour Design Lab in their early years, and CSS and Q42 still share staff.
"""


def test_each_paragraph_goes_to_its_lab(tmp_path: Path) -> None:
    titles = text_titles(tmp_path, PROSE)
    assert len(titles) == 2
    assert titles[0] is not None and titles[0].startswith("Civic Software Service")
    assert titles[1] == "Q42"  # a name only its own web address shows to be one


def test_acronym_used_without_definition_joins_its_name(tmp_path: Path) -> None:
    from extract.models import Line
    from extract.segment.lab_index import LabIndex

    lines = [Line(page=1, text=t, bbox=(0.0, 12.0 * i, 400.0, 12.0 * i + 10)) for i, t in enumerate(
        ["That team, the Civic Software Service, was set up in 2012.", "CSS employed some 400 people."])]
    index = LabIndex(lines, [0, 1], "en")
    entry = index.lookup("CSS")
    assert entry is not None and entry.name == "Civic Software Service"


NEIGHBOURS = """I spent the winter visiting two energy agencies.

Kestrel Energy in Tromsø was set up in 2001 to speed up the energy transition. It has its own board,
and the grants it awards go to other people's projects. More at kestrelenergy.example.
The Harbour Energy Agency, known as hea, was founded in 2000 in Bergen as a limited company. The state
is its main shareholder. Its website is hea.example.

What I took home: agencies with their own fund move faster than ministries.
"""


def test_a_lab_of_the_sentences_before_is_not_the_founded_subjects_other_name(tmp_path: Path) -> None:
    # Kestrel Energy, named just before, is another lab: the Harbour Energy Agency gets its own section.
    titles = text_titles(tmp_path, NEIGHBOURS)
    assert len(titles) == 2
    assert titles[0] is not None and titles[0].startswith("Kestrel Energy")
    assert titles[1] is not None and titles[1].startswith("Harbour Energy Agency")


ADDRESSES = """Our farmhouse is a listed building, and you notice it as soon as you want to replace a window.

On the northern side you end up, sooner or later, at the Office for Coastal Heritage in Tarnby. Its
register of listed buildings and its grants for repairs are what owners deal with. The guidance I
needed was at coastalheritage.example.

Across the border things are arranged differently. The Inland Heritage Agency was set up in 2011 when
two older services merged. It protects monuments and landscapes; its inventory is at inlandheritage.example.
"""


def test_a_paragraph_that_names_a_lab_and_gives_its_address_is_about_it(tmp_path: Path) -> None:
    # The first lab is never a sentence's subject, but the paragraph names it and prints its site.
    titles = text_titles(tmp_path, ADDRESSES)
    assert len(titles) == 2
    assert titles[0] is not None and "Coastal Heritage" in titles[0]
    assert titles[1] is not None and titles[1].startswith("Inland Heritage Agency")


def test_a_founded_name_spelling_out_a_known_acronym_keeps_it_as_its_acronym() -> None:
    from extract.models import Line
    from extract.segment.lab_index import LabIndex

    texts = ["Before the merger there were two surveys, and both kept their archives.",
             "The Coastal Survey of Tarn and Fell (KTFS) was formed in 1995 by merging the two.",
             "KTFS is an independent research institution with a staff of about 350.",
             "Its maps and data are published at ktfs.example."]
    lines = [Line(page=1, text=t, bbox=(0.0, 12.0 * i, 400.0, 12.0 * i + 10)) for i, t in enumerate(texts)]
    index = LabIndex(lines, list(range(len(lines))), "en")
    entry = index.lookup("KTFS")
    assert entry is not None
    assert (entry.name, entry.acronym) == ("Coastal Survey of Tarn and Fell", "KTFS")


RANKED = {
    "nl": """Wie de overheid controleert, moet zelf kunnen rekenen. Ik vergeleek twee controleurs.

De Kestrelse Rekenkamer is de oudste van de twee: zij bestaat sinds 1814 en telt 300 medewerkers.
Haar verslagen staan op kestrelrekenkamer.example.

Het Tarnse Rekenhof werd in 1831 ingesteld en telt 500 medewerkers.
""",
    "fr": """Qui contrôle l'argent public ? J'ai comparé deux juridictions.

La Cour des comptes tarnaise est la plus ancienne des deux : elle a été créée en 1807 et compte 1 700 agents.

La Chambre régionale de Kestrel a été créée en 1982. Elle compte 90 agents.
""",
}


@pytest.mark.parametrize(("lang", "first"), [("nl", "Kestrelse Rekenkamer"), ("fr", "Cour des comptes tarnaise")])
def test_a_name_ranked_among_the_cases_is_one_of_them(tmp_path: Path, lang: str, first: str) -> None:
    # 'X is de oudste van de twee', 'X est la plus ancienne des deux': a case of the comparison.
    titles = text_titles(tmp_path, RANKED[lang])
    assert len(titles) == 2 and titles[0] == first, titles


def test_a_founded_subjects_fuller_name_renames_the_entry_it_was_known_by() -> None:
    # A generated annual report: 'Toitū Te Whenua Land Information New Zealand (LINZ) was established
    # on 1 July 1996', where the index first knew the lab as 'Land Information New Zealand' (LINZ).
    from extract.pipeline import sections_of
    from extract.read.reader import read_document
    from extract.settings import Settings

    report = Path(__file__).parents[1] / "fixtures" / "genres-heldout25" / "en-annual-report-linz.pdf"
    titles = [s.title for s in sections_of(read_document(report, Settings()))]
    assert titles[0] == "Toitū Te Whenua Land Information New Zealand (LINZ)"
