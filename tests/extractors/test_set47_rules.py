"""Rules written on held-out set 47 (intellectual-property offices, national museums, transport-accident
investigators): plural founded subjects ('Les Musées royaux ... ont été fondés'); a key-facts row
glossing the lab in another language or naming what it was founded as; an English name the acronym
spells before the body's own name ('... Board Norway – Statens havarikommisjon for transport
(AIBN)'); Nordic link words in names ('Patent- och registreringsverket (PRV)'); museums, archives and
libraries as heads; 'V&A'; two names joined by 'and' are no place; a letterhead's one site; a slide
title that sums its lab up; a staff table's total; 'subordinate to' and 'a branch of' as parents."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.normalize.countries import find_countries
from extract.segment.acronyms import defined_acronyms


def _defined(text: str) -> list[tuple[str, str]]:
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


def test_an_english_name_before_the_bodys_own_and_nordic_link_words() -> None:
    assert _defined("Accident Investigation Board Norway – Statens havarikommisjon for transport (AIBN) began as") == [
        ("Statens havarikommisjon for transport", "AIBN"), ("Accident Investigation Board Norway", "AIBN")]
    assert _defined("Het Zweedse Patent- och registreringsverket (PRV) draagt die naam sinds 1895") == [
        ("Patent- och registreringsverket", "PRV")]
    # The native name first when the text says the next one is its English name.
    assert _defined("In Denemarken is het Patent- og Varemærkestyrelsen, in het Engels Danish Patent and "
                    "Trademark Office (DKPTO), bevoegd")[0] == ("Patent- og Varemærkestyrelsen", "DKPTO")


def test_two_names_joined_by_and_are_no_place() -> None:
    assert find_countries("the Victoria and Albert Museum", "en") == []
    assert [m.code for m in find_countries("offices in Paris and London", "en")] == ["FR", "GB"]


def test_a_letter_from_a_museum_founded_in_the_plural(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    (mrbab,) = fixture_records("genres-heldout47/fr-letter-mrbab.pdf")
    assert (mrbab.name, mrbab.founded_year) == ("Musées royaux des Beaux-Arts de Belgique", 1801)
    assert mrbab.website == "https://www.fine-arts-museum.be"  # the letterhead's one address
    assert mrbab.governance is not None and mrbab.governance.parent == "Politique scientifique fédérale"
    assert [b.name for b in mrbab.governance.bodies] == ["Conseil scientifique"]  # 'nous disposons d'un ...'


def test_slides_whose_key_facts_gloss_the_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Engels  European Patent Office (EPO)' and 'Opgericht in 1994 als ... (BHIM)' name no other lab;
    # 'Het Europees Octrooibureau in een notendop' heads the EOB's key facts.
    records = {r.acronym: r for r in fixture_records("genres-heldout47/nl-slides-octrooien-merken.pdf")}
    assert set(records) == {"EOB", "EUIPO"}
    eob = records["EOB"]
    assert (eob.website, eob.founded_year) == ("https://www.epo.org", 1977)
    assert eob.budget is not None and eob.budget.amount == 2_400_000_000
    # 'volledig uit de taksen ...; geen bijdragen van de lidstaten': the taxes, not the contributions it has not.
    assert eob.funding_sources == ["taksen van aanvragers en octrooihouders"]


def test_a_paper_names_the_nordic_boards_in_their_own_language(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    records = {r.acronym: r for r in fixture_records("genres-heldout47/en-paper-nordic-accident-boards.pdf")}
    assert {a: r.name for a, r in records.items()} == {
        "SHK": "Statens haverikommission", "AIBN": "Statens havarikommisjon for transport",
        "HCLJ": "Havarikommissionen for Civil Luftfart og Jernbane"}
    aibn = records["AIBN"]
    assert aibn.governance is not None and aibn.governance.parent == "Ministry of Transport and Communications"


def test_a_museum_called_by_its_initials_and_a_staff_tables_total(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    (va,) = fixture_records("genres-heldout47/en-prose-plain-va.pdf")
    assert (va.name, va.acronym, va.country) == ("Victoria and Albert Museum", "V&A", "GB")
    (raib,) = fixture_records("genres-heldout47/en-annual-report-raib.pdf")
    assert raib.staff is not None and raib.staff.count == 54  # 'Table 1. Staff in post' ... 'Total 54'
    (aaib,) = fixture_records("genres-heldout47/en-web-page-aaib.pdf")
    assert aaib.governance is not None and aaib.governance.parent == "Department for Transport"  # 'a branch of'


def test_a_paper_whose_chapters_open_on_a_place_and_whose_author_has_a_lab(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Claire ..., Laboratoire d'histoire ..., Université libre de Bruxelles' is the byline, not a lab
    # heading that would take the first chapter; '2. En Belgique : l'IRPA, ...' is the IRPA's chapter.
    records = {r.acronym: r for r in fixture_records("genres-heldout47/fr-paper-laboratoires-musees.pdf")}
    assert set(records) == {"C2RMF", "IRPA"}
    assert records["C2RMF"].website == "https://c2rmf.fr"
    assert records["IRPA"].name == "Institut royal du Patrimoine artistique"
