"""An author's or a letter's place and date ('Élise Dupont, Metz, janvier 2026') is never taken as
a document's title (invented names)."""

from __future__ import annotations

import pytest

from extract.segment.document_title import dateline


@pytest.mark.parametrize("text", ["Élise Kestrel-Dupont, Metz, janvier 2026", "Oslo, 3 March 2026",
                                  "Jan de Vries, Zwolle, 12 maart 2026", "Kestrel, 2025"])
def test_a_place_and_date_line(text: str) -> None:
    assert dateline(text)


@pytest.mark.parametrize("text", ["Kestrel Lab annual report 2025", "Rapport annuel 2024 du Kestrel Lab",
                                  "Kestrel, Lab and Partners", "2025, a year of data"])
def test_a_title_with_a_year_is_no_dateline(text: str) -> None:
    assert not dateline(text)


def test_a_signed_essay_is_not_titled_by_its_signature(tmp_path: object) -> None:
    from pathlib import Path

    from extract.pipeline import sections_of
    from extract.read.reader import read_document
    from extract.settings import Settings

    assert isinstance(tmp_path, Path)
    source = tmp_path / "essay.txt"
    source.write_text("Il y a, entre deux villes, quelques heures de train. J'ai passé l'automne à aller de l'une "
                      "à l'autre pour comprendre comment deux juridictions se saisissent des données.\n"
                      "Reste une impression : l'âge d'une institution compte moins que la manière dont elle recrute.\n"
                      "Élise Kestrel-Dupont, Metz, janvier 2026\n", encoding="utf-8")
    titles = [s.title for s in sections_of(read_document(source, Settings()))]
    assert not any(t and "Metz" in t for t in titles)
