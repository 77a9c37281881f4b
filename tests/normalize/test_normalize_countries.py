"""country_code, find_countries and country_from_url in Dutch, English and French."""

from __future__ import annotations

import pytest

from extract.normalize import country_code, country_from_url, find_countries

CODES = [
    ("Nederland", "NL"),
    ("Denemarken", "DK"),
    ("UK", "GB"),
    ("Belgié", "BE"),
    ("België", "BE"),
    ("Frankrijk", "FR"),
    ("Zweden", "SE"),
    ("Schotland", "GB"),
    ("Vlaanderen", "BE"),
    ("Portugal", "PT"),
    ("Verenigd Koninkrijk", "GB"),
    ("Groot-Brittannië", "GB"),
    ("VK", "GB"),
    ("Engeland", "GB"),
    ("Wales", "GB"),
    ("Duitsland", "DE"),
    ("Oostenrijk", "AT"),
    ("Finland", "FI"),
    ("Estland", "EE"),
    ("Spanje", "ES"),
    ("Ierland", "IE"),
    ("Italië", "IT"),
    ("Noorwegen", "NO"),
    ("Zwitserland", "CH"),
    ("Luxemburg", "LU"),
    ("Polen", "PL"),
    ("Tsjechië", "CZ"),
    ("Denmark", "DK"),
    ("United Kingdom", "GB"),
    ("Sweden", "SE"),
    ("Belgium", "BE"),
    ("the Netherlands", "NL"),
    ("Scotland", "GB"),
    ("Flanders", "BE"),
    ("Wallonia", "BE"),
    ("France", "FR"),
    ("Germany", "DE"),
    ("Danemark", "DK"),
    ("Royaume-Uni", "GB"),
    ("Suède", "SE"),
    ("Belgique", "BE"),
    ("Pays-Bas", "NL"),
    ("Flandre", "BE"),
    ("Wallonie", "BE"),
    ("Écosse", "GB"),
    ("Allemagne", "DE"),
    ("Espagne", "ES"),
    ("Brussel", "BE"),
    ("Bruxelles", "BE"),
    ("Kopenhagen", "DK"),
    ("Londen", "GB"),
    ("Stockholm", "SE"),
    ("Deense", "DK"),
    ("Britse", "GB"),
    ("Nederlandse", "NL"),
    ("Belgische", "BE"),
    ("Vlaamse", "BE"),
    ("Franse", "FR"),
    ("Portugese", "PT"),
    ("Zweedse", "SE"),
    ("Finse", "FI"),
    ("Estse", "EE"),
    ("Spaanse", "ES"),
    ("Duitse", "DE"),
    ("Oostenrijkse", "AT"),
    ("Ierse", "IE"),
    ("Italiaanse", "IT"),
    ("Danish", "DK"),
    ("British", "GB"),
    ("Dutch", "NL"),
    ("Flemish", "BE"),
    ("Swedish", "SE"),
    ("French", "FR"),
    ("française", "FR"),
    ("français", "FR"),
    ("belge", "BE"),
    ("danois", "DK"),
    ("suédois", "SE"),
    # OCR damage, asked directly: codes
    ("Denernarken", "DK"),
    ("Frankrijlk", "FR"),
    ("Nederiand", "NL"),
    ("Vlaandcren", "BE"),
    ("DK", "DK"),
    ("SE", "SE"),
    ("PT", "PT"),
    ("DEU", "DE"),
    ("GBR", "GB"),
    ("in Nederland", "NL"),
    ("Lab d'innovation in Frankrijk", "FR"),
]


@pytest.mark.parametrize("name, code", CODES)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name",
    [
        "",
        "Innovatie",
        "Europa",
        "budget",
        "Lab",
        "XX",
        "the",
        "Finance",
        "Service",
        "Portland",
        "Indian",
        "Island",
        "de",
        "in",
        "be",
        "no",
        "RIC",
        "INO",
    ],
)
def test_country_code_unknown(name):
    assert country_code(name) is None


def test_find_countries_in_running_text():
    text = (
        "Het lab in Nederland werkt samen met de Deense overheid en met partners in Vlaanderen. "
        "We are the UK's innovation agency; Kopenhagen and la Flandre."
    )
    found = [(m.code, m.raw, m.kind) for m in find_countries(text)]
    assert found == [
        ("NL", "Nederland", "name"),
        ("DK", "Deense", "adjective"),
        ("BE", "Vlaanderen", "region"),
        ("GB", "UK", "code"),
        ("DK", "Kopenhagen", "city"),
        ("BE", "Flandre", "region"),
    ]
    for m in find_countries(text):
        assert text[m.start : m.end] == m.raw


@pytest.mark.parametrize(
    "text",
    [
        "IT and DE teams met; EN version follows.",  # codes that are also words are not read in text
        "see www.nesta.org.uk and wales.example.com",  # lower-case inside addresses
        "Finance and Innovation in Europe",
        "Het Engels is een taal.",
    ],
)
def test_find_countries_precision(text):
    assert [m.code for m in find_countries(text) if m.kind != "adjective"] == []


def test_fuzzy_match_forgives_ocr_damage_in_long_words_only():
    assert [m.code for m in find_countries("samenwerking met Denernarken")] == ["DK"]
    assert find_countries("Service Portland Frances Indian Germain Nederlanders") == []


URLS = [
    ("https://labx.gov.pt/", "PT"),
    ("www.co-pi.dk", "DK"),
    ("www.nesta.org.uk", "GB"),
    ("https://www.gov.uk/x", "GB"),
    ("www.vinnova.se/en", "SE"),
    ("www.modernisation.gouv.fr", "FR"),
    ("www.vlaanderen.be", "BE"),
    ("https://www.rijksinnovatiecommunity.nl/", "NL"),
    ("wwwi.example.nl", "NL"),
    ("https://x.co.uk", "GB"),
    ("https://example.com", None),
    ("https://example.org", None),
    ("https://europa.eu", None),
    ("https://www.oecd.int", None),
    ("not a url", None),
    ("", None),
]


@pytest.mark.parametrize("url, code", URLS)
def test_country_from_url(url, code):
    assert country_from_url(url) == code


@pytest.mark.parametrize("name, code", [("Gdynia", "PL"), ("Praag", "CZ"), ("A Coruña", "ES"), ("a coruna", "ES"),
                                        ("Nowhereville", None), ("", None)])
def test_city_country_asks_the_city_table(name, code):
    from extract.normalize.countries import city_country

    assert city_country(name) == code


def test_city_table_is_written_as_looked_up():
    # The loader only splits rows: a row whose name is not its own key would never be found.
    from importlib.resources import files

    from extract.normalize.countries import place_key

    rows = files("extract.rules").joinpath("cities.tsv").read_text(encoding="utf-8").splitlines()
    names = [row.split("\t", 1)[0] for row in rows if not row.startswith("#")]
    assert len(names) > 30_000
    assert [n for n in names if place_key(n) != n] == []
    assert len(set(names)) == len(names)


def test_a_word_one_letter_from_a_country_is_no_country_unless_ocr_confuses_the_letters() -> None:
    from extract.normalize.countries import find_countries

    assert [m.code for m in find_countries("Kenniscentrum Vlaamse Steden", "nl")] == ["BE"]  # Steden, not Sweden
