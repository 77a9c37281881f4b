"""Rules written on held-out set 66 (state wine estates, state breweries, porcelain and tapestry
manufactories, public pharmacies) after its first look: a numbered heading whose name's own word the
chapter opens on; a French name in full after a fronted apposition; an apposition of succession is no
founded name; a name the text says something goes by ('sous le nom de')."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord


def _records(text: str) -> list[LabRecord]:
    from extract.pipeline import process_text

    return process_text(text).records


def test_numbered_headings_whose_word_the_chapter_opens_on(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '2. Staatliches Hofbräuhaus in München' over 'The Hofbräuhaus was founded in 1589', '3. Bayerische
    # Staatsbrauerei Weihenstephan' over 'Weihenstephan claims to be the oldest brewery ...'.
    records = {r.name: r for r in fixture_records("genres-heldout66/en-paper-state-breweries.pdf")}
    assert {"Bayerische Staatsbrauerei Weihenstephan", "Badische Staatsbrauerei Rothaus AG"} <= set(records)
    assert len(records) == 3
    weihenstephan = records["Bayerische Staatsbrauerei Weihenstephan"]
    assert weihenstephan.staff is not None and weihenstephan.staff.count == 170


def test_a_french_name_after_a_fronted_apposition_of_succession(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '2. Le Mobilier national' over 'Héritier du Garde-Meuble de la Couronne créé par Colbert en 1663, le
    # Mobilier national conserve ...': the chapter's lab, not the heir's predecessor.
    records = {r.name: r for r in fixture_records("genres-heldout66/fr-paper-manufactures-tapisserie.pdf")}
    assert not any(name.startswith("Héritier") for name in records)
    mobilier = records["Mobilier national"]
    assert (mobilier.founded_year, mobilier.budget and mobilier.budget.amount) == (1663, 16_000_000)


def test_a_name_the_text_says_something_goes_by() -> None:
    text = ("Les vignes de la Ville\nLa Ville possède aujourd'hui, sous le nom de Domaines de la Ville de Lausanne, "
            "un peu plus de 33 hectares de vignes. Les Domaines ne sont pas une société : ils dépendent du Service "
            "des parcs et domaines. Le budget des Domaines, un peu plus de quatre millions de francs par an, est "
            "couvert par la vente des vins.\n")
    (record,) = _records(text)
    assert (record.name, record.budget and record.budget.amount) == ("Domaines de la Ville de Lausanne", 4_000_000)
