"""A section titled by an acronym whose letters come from the name in another language ('GEUS' for
the Geological Survey of Denmark and Greenland): the name the text defines with a bracket goes by
the full name, its acronym stays the acronym (invented names)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.models import LabRecord
from extract.segment.spelled_names import opening_name


@pytest.mark.parametrize(("text", "acronym", "expected"), [
    ("2. KVS\nThe Kestrel Survey of Valleys and\nLakes (KVS) was formed in 1995 by a merger.", "KVS",
     "Kestrel Survey of Valleys and Lakes"),
    ("Kestrelske vandløbsdirektorat (KWD)\nDear Sir,\nThank you for including the Kestrel Waters "
     "Directorate (KWD) in your survey.", "KWD", "Kestrel Waters Directorate"),
    ("3. La KNA : l'alerte\nLa Kestrel nationale d'alerte (KNA) a été fondée en 1984.", "KNA",
     "Kestrel nationale d'alerte"),
])
def test_the_name_a_bracket_defines(text: str, acronym: str, expected: str) -> None:
    assert opening_name(acronym, text) == expected


@pytest.mark.parametrize(("text", "acronym"), [
    ("It works with the Danish Ministry (KVS) on maps.", "KVS"),          # another letter first
    ("The survey (KVS) began in 1995.", "KVS"),                            # not written as a name
    ("Since 2010 the Kestrel Survey of (KVS) has mapped lakes.", "KVS"),   # a name does not end on 'of'
])
def test_no_name_where_none_is_defined(text: str, acronym: str) -> None:
    assert opening_name(acronym, text) is None


def test_a_section_titled_by_a_foreign_acronym_goes_by_its_full_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Survey of Valleys and Lakes (KVS) was formed in 1995 by a merger. "
                         "KVS has a staff of about 350.", "KVS", lang="en")
    assert (record.name, record.acronym) == ("Kestrel Survey of Valleys and Lakes", "KVS")


def test_an_acronym_title_with_its_article(extract_one: Callable[..., LabRecord]) -> None:
    # French writes 'la KNA': the title's article does not hide the acronym.
    record = extract_one("La Kestrel nationale d'alerte (KNA) a été fondée à Zurich en 1984. Elle fait partie "
                         "de l'Office fédéral.", "La KNA : l'alerte fédérale", lang="fr")
    assert (record.name, record.acronym) == ("Kestrel nationale d'alerte", "KNA")


def test_an_acronym_spelled_by_a_body_and_by_its_law_goes_by_the_body() -> None:
    # The heading's line runs into the first sentence ('the KMA' / 'The Kestrel Medicines ...'), and
    # the law the body works under spells the same letters.
    from extract.segment.spelled_names import spelled_name

    text = ("Quayport: the KMA\nThe Kestrel Medicines Administration is part of the health ministry. It regulates "
            "medicines under the Kestrel Medicines Act 1989 and keeps the national register.")
    assert spelled_name("KMA", text) == "Kestrel Medicines Administration"


def test_a_one_word_title_the_text_glosses_goes_by_the_text_s_name(extract_one: Callable[..., LabRecord]) -> None:
    # The title's word is the lab's name in another language; the text's own name comes first.
    record = extract_one("Havverket\nThe Kestrel Coastal Agency (Havverket, KCA) dates from 1990, when "
                         "coastal work moved out of the ministry. It has 900 employees.", "Havverket", lang="en")
    assert (record.name, record.acronym) == ("Kestrel Coastal Agency", "KCA")
    # A short form that starts as its name does stays the acronym.
    record = extract_one("Harbpro\nThe Harbour Processing Service (Harbpro) runs the state's data centres. It has 900 employees.",
                         "Harbpro", lang="en")
    assert (record.name, record.acronym) == ("Harbour Processing Service", "Harbpro")
