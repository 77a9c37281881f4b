"""Rules written on held-out set 40 (science funding, statistics, metrology, meteorology, research
data): an article a heading runs into, a numbered portrait, a name in another language with its
acronym, a body list in a key-facts box, a board whose size depends on its members, and parents
defined by a compound noun or a place."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord


def test_an_article_a_heading_runs_into_is_not_part_of_the_name(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Over het KNMI' over 'Het KNMI werd bij Koninklijk Besluit van 31 januari 1854 opgericht': the
    # text writes 'het KNMI' in lower case too, so 'Het' opens the sentence, it does not name a lab.
    (record,) = fixture_records("genres-heldout40/nl-annual-report-knmi.pdf")
    assert record.name == "Koninklijk Nederlands Meteorologisch Instituut"
    assert record.founded_year == 1854
    # 'Het KNMI is een baten-lastenagentschap van het ministerie van ...': a compound of 'agentschap'.
    assert record.governance is not None
    assert record.governance.parent == "ministerie van Infrastructuur en Waterstaat"


def test_a_numbered_portrait_is_the_lab_it_names(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Portrait 3: CSC – IT Center for Science' over 'CSC is a non-profit limited liability company'.
    records = fixture_records("genres-heldout40/en-newsletter-nordic-data.pdf")
    names = [r.name for r in records]
    assert "IT Center for Science" in names and not any(n and n.startswith("Portrait") for n in names)
    snd = next(r for r in records if r.acronym == "SND")
    assert snd.founded_year == 2008  # 'It goes back to an agreement of November 2008', not 'Since 2018 ...'
    # 'funded mainly by the Swedish Research Council': 'Swedish' opens another name, not the lab's.
    assert "Swedish Research Council" in snd.funding_sources


def test_an_acronym_that_opens_another_name_is_not_where_the_lab_sits(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Since 2015 it has been run by NPL Management Limited': the National Physical Laboratory is still
    # a lab of its own, not the host of the NSAI the essay goes on to.
    records = fixture_records("genres-heldout40/en-prose-plain-metrology.pdf")
    by_acronym = {r.acronym: r for r in records}
    assert set(by_acronym) == {"NPL", "NSAI"}
    assert by_acronym["NPL"].founded_year == 1900
    assert by_acronym["NSAI"].founded_year == 1996


def test_a_letterhead_name_is_not_the_start_of_a_longer_one(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'European Union Agency for Cybersecurity (ENISA)': 'EU' is not spelled by its first two words, and
    # 'Foreword by the Chair of the Management Board' is a person's office, no form's question.
    (record,) = fixture_records("genres-heldout40/en-annual-report-enisa.pdf")
    assert record.acronym == "ENISA" and record.founded_year == 2004
    assert record.governance is not None
    bodies = {(b.name, b.members) for b in record.governance.bodies}
    # 'made up of one representative of each Member State and two ...': no fixed size.
    assert ("Executive Board", 5) in bodies and ("Management Board", None) in bodies


def test_a_name_in_its_own_language_gives_the_acronym_to_the_name_before_it(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Statistics Sweden (Statistiska centralbyrån, SCB)': SCB is Statistics Sweden's, not the
    # 'State Central Statistical Bureau' an Estonian paragraph mentions.
    records = fixture_records("genres-heldout40/en-paper-statistics-offices.pdf")
    acronyms = {r.name: r.acronym for r in records}
    assert acronyms["Statistics Norway"] == "SSB" and acronyms["Statistics Sweden"] == "SCB"
    assert "State Central Statistical Bureau" not in acronyms


def test_a_key_facts_line_of_bodies_lists_them(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Organen Wetenschappelijke Raad · algemeen directeur'
    records = fixture_records("genres-heldout40/nl-slides-ruimte-ukkel.pdf")
    bira = next(r for r in records if r.acronym == "BIRA")
    assert bira.governance is not None
    assert [b.name for b in bira.governance.bodies] == ["Wetenschappelijke Raad"]


def test_parents_defined_by_a_noun(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Het Kestrelcentrum is een staatsbegrotingseenheid onder het ministerie van Digitale "
                         "Zaken.\n", "Kestrelcentrum", lang="nl")
    assert record.governance is not None and record.governance.parent == "ministerie van Digitale Zaken"
    record = extract_one("De Kestrelgroep is het grootste drinkwaterbedrijf van Vlaanderen.\nHet heeft 40 "
                         "medewerkers.\n", "Kestrelgroep", lang="nl")
    assert record.governance is None or record.governance.parent is None


def test_a_letter_s_sender_has_existed_since_and_prints_its_site(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'The Central Statistics Office (CSO) has existed as a separate office since June 1949', under a
    # letterhead printing 'www.cso.ie': a three-letter acronym names the sender's own site.
    (record,) = fixture_records("genres-heldout40/en-letter-cso.pdf")
    assert record.founded_year == 1949
    assert record.website == "https://www.cso.ie"


def test_an_acronym_in_apposition_is_the_name_s_whose_site_the_essay_gives(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'ASTRON, het Nederlands' / 'Instituut voor Radioastronomie.': the letters are not the name's, but the
    # apposition defines it; www.astron.nl is the only lab's site the essay gives, so the essay is about it
    # (not about NWO, whose institute it is), and 'de stichting NWO-Instituten' is its parent by name.
    (record,) = fixture_records("genres-heldout40/nl-prose-plain-astron.pdf")
    assert (record.name, record.acronym) == ("Nederlands Instituut voor Radioastronomie", "ASTRON")
    assert record.governance is not None and record.governance.parent == "NWO-Instituten"


def test_two_acronyms_joined_by_and_are_two_funders(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Het Kestrellab is een instituut.\nFinanciering: KNAW en NWO\n", "Kestrellab", lang="nl")
    assert record.funding_sources == ["KNAW", "NWO"]


def test_a_slide_line_that_says_what_the_lab_is_part_of_gives_its_parent(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # '• Aujourd'hui une direction générale de la Commission européenne' and the key-facts line 'Nature
    # agence exécutive de la Commission européenne, à Bruxelles'. Eurostat's 'Direction générale de la
    # Commission européenne' opens on a capital, as a name would ('Department of the Premier'): none.
    records = fixture_records("genres-heldout40/fr-slides-ue-recherche.pdf")
    parents = [r.governance.parent if r.governance else None for r in records]
    assert parents == ["Commission européenne", None, "Commission européenne"]


def test_a_line_a_sentence_runs_on_to_is_no_fragment(extract_one: Callable[..., LabRecord]) -> None:
    # '... ligt niet bij dit' / 'agentschap maar bij het Kestrel Directoraat': not a line saying what the lab is.
    record = extract_one("Het Kestrelagentschap heeft 40 medewerkers. Het cyberwerk ligt niet bij dit\n"
                         "agentschap maar bij het Kestrel Directoraat, dat we niet bezochten.\n", "Kestrelagentschap",
                         lang="nl")
    assert record.governance is None or record.governance.parent is None


def test_a_key_facts_name_that_wraps_is_read_whole(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Nom Fonds national suisse de la' / 'recherche scientifique (FNS)' in a newsletter's fact box, under
    # the heading 'Suisse : le Fonds national suisse'.
    records = fixture_records("genres-heldout40/fr-newsletter-fonds-recherche.pdf")
    assert ("Fonds national suisse de la recherche scientifique", "FNS") in [(r.name, r.acronym) for r in records]


def test_a_form_s_name_in_two_languages_and_its_two_word_acronym(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'A1 Naam van de instelling' / 'Studiecentrum voor Kernenergie / Centre d'Étude de l'énergie Nucléaire',
    # 'A2 Gebruikte afkorting' / 'SCK CEN (vroeger geschreven als SCK•CEN)'.
    (record,) = fixture_records("genres-heldout40/nl-form-sck-cen.pdf")
    assert (record.name, record.acronym) == ("Studiecentrum voor Kernenergie", "SCK CEN")


def test_a_city_in_a_list_of_sites_gives_no_country(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '• Sites à Ispra, Geel, Karlsruhe, Petten et Séville': the JRC is not Spanish.
    records = fixture_records("genres-heldout40/fr-slides-ue-recherche.pdf")
    assert [r.country for r in records] == [None, "LU", "BE"]
