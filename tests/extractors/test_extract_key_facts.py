"""Key-facts lines of slides, infoboxes and directories: a label without a colon when a value
follows it, qualifiers between a label and its number, founding years in fact fragments."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "lang", "count", "approximate"), [
    ("Staff: about 20.", "en", 20, True),
    ("Staff: c. 30. Budget: not disclosed.", "en", 30, True),
    ("Employees c. 15 (2013)", "en", 15, True),
    ("People approx. 230", "en", 230, True),
    ("Effectifs env. 40", "fr", 40, True),
    ("Medewerkers ruim 100", "nl", 100, True),
])
def test_staff_after_label_and_qualifier(extract_one, text, lang, count, approximate):
    staff = extract_one(text, "Testlab", lang=lang).staff
    assert staff is not None
    assert (staff.count, staff.approximate) == (count, approximate)


@pytest.mark.parametrize("text", [
    "Team members met weekly to review the pipeline of projects.",
    "People often ask what the lab does all day.",
])
def test_prose_opening_with_a_label_word_is_not_a_label(extract_one, text):
    # The sentence about the year keeps the section a lab's (a heading with nothing of a lab under it is none).
    assert extract_one(f"{text} The lab was founded in 2015.", "Testlab", lang="en").staff is None


@pytest.mark.parametrize(("text", "lang", "year"), [
    ("New York, United States · Est. 2012 ·\nthegovlab.example", "en", 2012),
    ("Boston, United States · since 2010 · city.example", "en", 2010),
    ("Warsaw, Poland · incorporated 2011", "en", 2011),
    ("Since 2001\nUnder the Ministry of Enterprise", "en", 2001),
    ("De brigade begon in 2005 als gezamenlijk initiatief van drie partners.", "nl", 2005),
    ("Le laboratoire a été mis sur pied en 2015 pour tester des services.", "fr", 2015),
    ("Accelerate Estonia has been experimenting since 2018 with new ways of solving problems.", "en", 2018),
    ("Het agentschap bestaat sinds 1 januari 2016, als fusie van twee diensten.", "nl", 2016),
    ("Finnish Innovation Fund, since 1967; reports directly to Parliament", "en", 1967),
])
def test_founding_year_in_fact_fragments(extract_one, text, lang, year):
    assert extract_one(text, "Testlab", lang=lang).founded_year == year


def test_website_after_a_label_without_colon(extract_one):
    record = extract_one("Web www.vinnova.se\nPeople approx. 230", "Vinnova", lang="en")
    assert record.website == "https://www.vinnova.se"


@pytest.mark.parametrize(("text", "lang", "parent"), [
    ("Rattachement Métropole de Lyon\nÉquipe 12,5 ETP\nCréé en 1998 comme laboratoire du Département du Rhône.",
     "fr", "Métropole de Lyon"),  # the label beats a phrase in the prose
    ("Parent departments Ministry of Business and Growth\nEmployees c. 15 (2013)", "en",
     "Ministry of Business and Growth"),
    ("The unit was set up in 2019 inside the Agency for Science, Innovation and Technology (MITA).", "en",
     "Agency for Science, Innovation and Technology"),
    ("DesignGov was a pilot hosted by the Department of Industry, Innovation, Science, Research and Tertiary "
     "Education from July 2012.", "en", "Department of Industry, Innovation, Science, Research and Tertiary Education"),
    ("Le lab est porté par la préfecture de la région Bretagne.", "fr", "préfecture de la région Bretagne"),
])
def test_parent_phrasings(extract_one, text, lang, parent):
    assert extract_one(text, "Testlab", lang=lang).governance.parent == parent


@pytest.mark.parametrize(("text", "lang", "sources"), [
    ("Staff: 12. Annual budget ~US$1.4M (FY2018), from government contracts and philanthropic grants.", "en",
     {"government contracts", "philanthropic grants"}),
    ("The lab runs on an annual budget of around €1.5 million, most of it from EU structural funds and the rest "
     "from the Ministry of the Economy and Innovation.", "en", {"EU structural funds", "Ministry of the Economy and Innovation"}),
    ("Budget de fonctionnement : 6,2 millions d'euros par an, financés par la Wallonie (environ deux tiers) et la "
     "Fédération Wallonie-Bruxelles.", "fr", {"Wallonie", "Fédération Wallonie-Bruxelles"}),
    ("Over the period 2016 to 2020 the lab's budget was £450 million, from 2016 to 2020.", "en", set()),
])
def test_funding_after_the_amount(extract_one, text, lang, sources):
    assert set(extract_one(text, "Testlab", lang=lang).funding_sources) >= sources
    if not sources:
        assert not any(s[:1].isdigit() for s in extract_one(text, "Testlab", lang=lang).funding_sources)


@pytest.mark.parametrize(("text", "lang", "parent"), [
    ("Il est rattaché au Bureau de la ville intelligente et numérique de la Ville de Montréal.", "fr",
     "Bureau de la ville intelligente et numérique de la Ville de Montréal"),
    ("Le Lab-AH a été créé au sein du GHU Paris psychiatrie & neurosciences.", "fr", "GHU Paris psychiatrie & neurosciences"),
    # the unit in brackets is said of the parent, not part of its name (its acronym would stay)
    ("The statutory board sits under the Prime Minister's Office (Smart Nation and\nDigital Government Group).", "en",
     "Prime Minister's Office"),
])
def test_parent_name_extents(extract_one, text, lang, parent):
    found = extract_one(text, "Testlab", lang=lang).governance.parent
    assert found is not None and " ".join(found.split()) == parent


def test_a_lab_without_a_country_shares_its_neighbours(make_section):
    from extract.extractors import extract_records
    from extract.settings import Settings

    sections = [make_section("Le laboratoire est basé à Paris, en France. Créé en 2016.", "Lab Un", lang="fr"),
                make_section("Le Lab Deux, créé en 2017, compte six agents.", "Lab Deux", lang="fr")]
    records = extract_records(sections, Settings())
    assert [r.country for r in records] == ["FR", "FR"]
    assert records[1].provenance["country"].confidence < 0.5


def test_values_are_as_sure_as_their_lab_assignment(make_section):
    from extract.extractors import extract_records
    from extract.settings import Settings

    under_heading = make_section("The lab was founded in 2015 and has 12 staff.", "Harbour Lab", lang="en")
    from_paragraph = under_heading.model_copy(update={"assignment": 0.8})
    [sure] = extract_records([under_heading], Settings())
    [less] = extract_records([from_paragraph], Settings())
    assert (sure.founded_year, less.founded_year) == (2015, 2015)
    for name in ("founded_year", "staff", "name"):
        assert less.provenance[name].confidence < sure.provenance[name].confidence


def test_a_printed_page_address_names_the_site_when_its_host_names_the_lab(make_section):
    from extract.extractors import extract_records
    from extract.settings import Settings

    own = make_section("LabX helps public bodies redesign services.", "LabX", lang="en",
                       urls=("https://labx.gov.pt/about-us/?lang=en",))
    hosted = make_section("The Solutions Lab works on systems change.", "MaRS Solutions Lab", lang="en",
                          urls=("https://marsdd.com/solutions-lab",))
    [labx] = extract_records([own], Settings())
    [mars] = extract_records([hosted], Settings())
    assert (labx.website, mars.website) == ("https://labx.gov.pt", "https://marsdd.com/solutions-lab")
