"""Rules written on held-out sets 54 and 55 (polar institutes, lighthouse authorities, natural history
museums, airports, zoos; accreditation bodies, opera houses, waterways, pawn offices) after their
first looks: a letterhead whose site is the sender's initials; a letterhead in capitals for the name
the letter defines; the lab's own board is no parent; 'Survey' ends a body's name; a labelled source
whose dash explains it, and the rest of the money from a source; a preposition said again opens each
source of a list; a pronoun whose money the sentence before names; the rest from, earned from. Then
on set 56: a plural scale word alone is no amount; the first of two countries in a name; laws in the
plural name no parent. And an acronym never defined that spells every word of a name (set 55)."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord


def _only(text: str) -> LabRecord:
    from extract.pipeline import process_text

    (record,) = process_text(text).records
    return record


def _parent(record: LabRecord) -> str | None:
    return record.governance.parent if record.governance else None


def test_a_letterhead_in_capitals_names_the_lab_its_initials_and_site_define(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'NORTHERN LIGHTHOUSE BOARD' over 'www.nlb.org.uk'; the body founded under an older name is the same lab.
    (record,) = fixture_records("genres-heldout54/en-letter-northern-lighthouse-board.pdf")
    assert (record.name, record.acronym) == ("Northern Lighthouse Board", "NLB")
    assert record.website == "https://www.nlb.org.uk"


def test_the_labs_own_board_is_no_parent() -> None:
    record = _only("Naturmuseum Velden\n\nNaturmuseum Velden is een stichting. De algemeen directeur leidt de organisatie "
                   "en legt verantwoording af aan de\nRaad van Toezicht, die uit vijf leden bestaat. Website www.velden.nl\n")
    assert _parent(record) is None
    bodies = [(b.name, b.members) for b in record.governance.bodies] if record.governance else []
    assert ("Raad van Toezicht", 5) in bodies


def test_survey_ends_a_bodys_name_in_a_title() -> None:
    text = ("Working for the Arctic Marine Survey\nCareers evening, 3 March 2021\n\n"
            "The Arctic Marine Survey (AMS) was established in 1971. Around 200 staff work for the survey.\n"
            "Web www.ams.ac.uk\n")
    record = _only(text)
    assert record.name == "Arctic Marine Survey"
    assert record.acronym == "AMS"


def test_a_labelled_source_with_a_dash_that_explains_it_and_the_rest_of_the_money() -> None:
    text = ("Harbour Science Office\n\nFounded 1950\nStaff 40\n"
            "Funding mainly the ministry's science budget; the rest from contracts – surveys for the Port of "
            "Leith and the Forth Ports, charts for other countries' navies\nWeb www.hso.ac.uk\n")
    record = _only(text)
    assert "contracts" in record.funding_sources
    assert not any("Forth" in s or "charts" in s for s in record.funding_sources)


def test_a_preposition_said_again_opens_each_source_of_a_list() -> None:
    english = _only("Civic Loan Office\n\nThe Civic Loan Office was founded in 1702. It takes no money from the city; "
                    "it lives on the interest on its loans, on its auction sales and on the storage of valuables "
                    "for private clients.\n")
    assert english.funding_sources == ["interest on its loans", "auction sales", "storage of valuables"]
    dutch = _only("Normeninstituut Zuid\n\nHet Normeninstituut Zuid werd in 1930 opgericht. Het ontvangt geen subsidie "
                  "en moet zelf voor zijn inkomsten zorgen. Die komen uit de verkoop van normen, uit de bijdragen die "
                  "leden betalen, en uit cursussen.\n")
    assert dutch.funding_sources == ["verkoop van normen", "bijdragen die leden betalen", "cursussen"]
    french = _only("Théâtre du Nord\n\nLe Théâtre du Nord a été fondé en 1920. Le Théâtre du Nord vit de la dotation "
                   "que la Région verse aux scènes nationales, et de sa billetterie.\n")
    assert french.funding_sources == ["dotation que la Région verse aux scènes nationales", "billetterie"]


def test_a_participle_or_a_supplement_ends_a_source_of_such_a_list() -> None:
    record = _only("Rock Survey Agency\n\nThe Rock Survey Agency was founded in 1890. It is financed by a government "
                   "appropriation set each year in its directions, by fees for its maps, and by contracts from "
                   "other agencies.\n")
    assert record.funding_sources == ["government appropriation", "fees for its maps", "contracts from other agencies"]


def test_the_rest_from_and_earned_from_name_sources() -> None:
    record = _only("Nordic Stage\n\nNordic Stage was founded in 1957.\nMoney budget NOK 600 m, of which state "
                   "grant NOK 480 m; the rest from ticket sales, sponsorship and hire of the building\n")
    assert record.funding_sources[-3:] == ["ticket sales", "sponsorship", "hire of the building"]
    earned = _only("Lowland Canals\n\nLowland Canals was founded in 2012. It spends around £20 million a year; most "
                   "of it is earned from licences and moorings.\n")
    assert "licences and moorings" in earned.funding_sources


def test_a_plural_scale_word_alone_is_no_amount() -> None:
    from extract.normalize import find_money

    assert find_money("Compte de résultats simplifié (en millions d'euros)", "fr") == []
    assert [m.amount for m in find_money("un budget de 3 millions d'euros", "fr")] == [3_000_000]


def test_the_first_of_two_countries_in_a_name_is_the_labs() -> None:
    record = _only("Radio-Télévision belge de la Communauté française\n\nLa Radio-Télévision belge de la "
                   "Communauté française a été créée en 1977. Elle emploie environ 2 000 personnes.\n")
    assert record.country == "BE"


def test_laws_in_the_plural_are_no_parent() -> None:
    record = _only("Federal Print Works\n\nThe Federal Print Works was founded in 1951. Authorities order passports "
                   "from it under the Passport and Identity Card Acts.\n")
    assert _parent(record) is None


def test_an_acronym_never_defined_that_spells_every_word_of_a_name(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # Set 55: 'De RvA is een stichting' beside 'De Raad voor Accreditatie is in 1995 ontstaan ...'.
    (record,) = fixture_records("genres-heldout55/nl-letter-raad-voor-accreditatie.pdf")
    assert (record.name, record.acronym) == ("Raad voor Accreditatie", "RvA")
    text = ("Raad voor Keuring\n\nDe Raad voor Keuring is in 1999 ontstaan uit een fusie van twee stichtingen. "
            "De RvK is een stichting zonder winstoogmerk en telt 40 medewerkers. De RvK ontvangt geen subsidie.\n")
    invented = _only(text)
    assert (invented.name, invented.acronym) == ("Raad voor Keuring", "RvK")
