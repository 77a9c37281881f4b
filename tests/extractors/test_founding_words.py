"""Founding years as the genre sets write them (invented labs): a body 'ingesteld' (set up by law), a
service that 'began in' a year under another name, an organisation that 'a commencé ses activités';
starting work is weaker than being founded. A body that 'dates from' or 'traces itself back to' a
year, 'institué par la loi du ...', a library that 'opende in juni 2015' or whose history 'gaat terug
tot' a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import process_file, process_text
from extract.settings import Settings


@pytest.mark.parametrize(("text", "year"), [
    ("Kiesbureau\n\nHet Kiesbureau werd in 1917 ingesteld en is het landelijke adviesorgaan.\n\n"
     "Web kiesbureau.example\n", 1917),
    ("Quayside Research Service\n\nThe Quayside Research Service (QRS) works for members. It began in 1914 as "
     "the Legislative Reference Office and took its present name in 1970.\n\nWeb qrs.example\n", 1914),
    ("Carto Éire\n\nLe nouvel organisme, Carto Éire, a commencé ses activités en 2023. Il relève du ministère "
     "du Logement.\n\nWeb carto.example\n", 2023),
    # Created by a decree, then at work the next January: the creation dates it.
    ("Harbour Archive\n\nThe Harbour Archive dates from 1851 and is part of the port authority.\n\n"
     "Web harbourarchive.example\n", 1851),
    ("Kestrel Research\n\nKestrel Research traces itself back to 1932, when the company created a small "
     "laboratory.\n\nWeb kestrel.example\n", 1932),
    ("Commission quayside\n\nLa Commission quayside, que tout le monde appelle la CQS, a été instituée par le "
     "décret du 12 avril 2001 relatif aux ports.\n\nWeb cqs.example\n", 2001),
    ("Bibliotheek Kade\n\nBibliotheek Kade opende in juni 2015 en huisvest ook het stadsarchief.\n\n"
     "Web bibliotheekkade.example\n", 2015),
    ("Kaartdienst Noord\n\nDe Kaartdienst Noord gaat terug tot 1773, toen de eerste landmeters werden "
     "aangesteld.\n\nWeb kaartdienstnoord.example\n", 1773),
    ("Institut quayside\n\nL'Institut quayside (IQS) est un organisme public. Il a été créé par le décret du "
     "4 décembre 2003 et a commencé ses activités le 1er janvier 2004.\n\nWeb iqs.example\n", 2003),
])
def test_a_founding_written_with_these_words_dates_the_lab(text: str, year: int) -> None:
    (record,) = process_text(text).records
    assert record.founded_year == year


def test_a_heading_over_its_name_after_an_article_is_not_one_longer_name() -> None:
    # 'Kiesbureau' over 'Het Kiesbureau werd ...' in plain text, where a heading has no size.
    (record,) = process_text("Kiesbureau\n\nHet Kiesbureau werd in 1917 ingesteld en is het landelijke "
                             "adviesorgaan.\n\nWeb kiesbureau.example\n").records
    assert record.name == "Kiesbureau"


def test_a_founding_before_1800_is_written() -> None:
    (record,) = process_text("Landmeetkundige Dienst\n\nDe Landmeetkundige Dienst werd in 1628 opgericht, toen de "
                             "eerste landmeters in dienst van de Kroon kwamen. Hij telt 2000 medewerkers.\n\n"
                             "Web landmeetdienst.example\n").records
    assert record.founded_year == 1628


def test_a_french_name_with_a_country_adjective_founded_in_prose() -> None:
    # 'Le Parc national suisse a été fondé le 1er août 1914': 'suisse' is an adjective of the name.
    path = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout30" / "fr-prose-plain-foret-et-parc-suisses.pdf"
    founded = {r.name: r.founded_year for r in process_file(path, Settings()).records}
    assert founded.get("Parc national suisse") == 1914
