"""normalize_url and find_urls: OCR repairs, one output form, safelinks, bare hosts."""

from __future__ import annotations

import pytest

from extract.normalize import find_urls, normalize_url

NORMALIZE = [
    ("wwwi.rijksinnovatiecommunity.nl", "https://www.rijksinnovatiecommunity.nl"),
    ("https://www.rijksinnovatiecommunity.nl/", "https://www.rijksinnovatiecommunity.nl"),
    ("https://labx.gov.pt/", "https://labx.gov.pt"),
    ("labx.gov.pt", "https://labx.gov.pt"),
    ("www.co-pi.dk", "https://www.co-pi.dk"),
    ("www,nesta.org.uk", "https://www.nesta.org.uk"),
    ("vww.vinnova.se/en/", "https://www.vinnova.se/en"),
    ("wvw.vinnova.se/en", "https://www.vinnova.se/en"),
    ("ww.vinnova.se", "https://www.vinnova.se"),
    ("www .vinnova.se", "https://www.vinnova.se"),
    ("http//www.belgiantrain.be/nl/about-sncb", "https://www.belgiantrain.be/nl/about-sncb"),
    ("https;//www.vlaanderen.be/innovatienetwerk-overheid", "https://www.vlaanderen.be/innovatienetwerk-overheid"),
    ("hltps://www.vinnova.se/en/", "https://www.vinnova.se/en"),
    (
        "http://www.belgiantrain.be/nl/about-sncb/en-route-vers-mieux/innovation/innovation-lab",
        "https://www.belgiantrain.be/nl/about-sncb/en-route-vers-mieux/innovation/innovation-lab",
    ),
    (
        "www.modernisation.gouv.fr/les-laboratoires-dinnovation-publique",
        "https://www.modernisation.gouv.fr/les-laboratoires-dinnovation-publique",
    ),
    ("(https://www.nesta.org.uk/).", "https://www.nesta.org.uk"),
    ('"https://www.nesta.org.uk",', "https://www.nesta.org.uk"),
    ("https://WWW.Example.COM/Some/Path#section", "https://www.example.com/Some/Path"),
    ("https://www.example.be/a/b?x=1", "https://www.example.be/a/b?x=1"),
    ("vvv.nl", "https://vvv.nl"),
    ("www.co\u2010pi.dk", "https://www.co-pi.dk"),
    ("www.vlaan\u00adderen.be/x", "https://www.vlaanderen.be/x"),
    ("https://www.example.be/abc…", "https://www.example.be/abc"),
    ("WWW.NESTA.ORG.UK/About", "https://www.nesta.org.uk/About"),
    (
        "https://www.vlaanderen.be/digitaal- vlaanderen/onze-oplossingen",
        "https://www.vlaanderen.be/digitaal-vlaanderen/onze-oplossingen",
    ),
    (
        "https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fskr.se%2Fskr%2Fpublikationer%2Frapport.65025.html"
        "&data=05%7C02%7Cx%40y.be&reserved=0",
        "https://skr.se/skr/publikationer/rapport.65025.html",
    ),
]


@pytest.mark.parametrize("text, url", NORMALIZE)
def test_normalize_url(text, url):
    assert normalize_url(text) == url


@pytest.mark.parametrize(
    "text",
    [
        "",
        "e.g.",
        "bv.",
        "i.e.",
        "o.a.",
        "ca.",
        "Nesta",
        "3.5m",
        "hello world",
        "a@b.com",
        "https://",
        "www.",
        "1.200.000",
        "foo.bar",
    ],
)
def test_not_urls(text):
    assert normalize_url(text) is None


def test_find_urls_in_text():
    text = (
        "Website: wwwi.rijksinnovatiecommunity.nl\nZie ook labx.gov.pt, e.g. de pagina (www.nesta.org.uk).\n"
        "bv. het lab.Het budget\nhttps://www.vinnova.se/en/"
    )
    found = find_urls(text)
    assert [u for u, _, _ in found] == [
        "https://www.rijksinnovatiecommunity.nl",
        "https://labx.gov.pt",
        "https://www.nesta.org.uk",
        "https://www.vinnova.se/en",
    ]
    assert [text[s:e] for _, s, e in found] == [
        "wwwi.rijksinnovatiecommunity.nl",
        "labx.gov.pt",
        "www.nesta.org.uk",
        "https://www.vinnova.se/en/",
    ]


def test_find_urls_joins_an_address_broken_over_two_lines():
    text = "Zie http://www.belgiantrain.be/nl/about-sncb/en-route-vers-\nmieux/innovation/innovation-lab\nDit is tekst."
    ((url, _, end),) = find_urls(text)
    assert url == "https://www.belgiantrain.be/nl/about-sncb/en-route-vers-mieux/innovation/innovation-lab"
    assert text[end:].startswith("\nDit")


def test_find_urls_skips_email_addresses_and_sentence_breaks():
    assert find_urls("Mail jan.de@lab.be of frederic@bosa.fgov.be. Het lab.Het budget") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.modernisation.qouv.fr/les-labs", "https://www.modernisation.gouv.fr/les-labs"),
        ("www.example.g0v.uk", "https://www.example.gov.uk"),
        ("www.vlaanderen.be/digitaal-vlaanderén/x", "https://www.vlaanderen.be/digitaal-vlaanderen/x"),
        ("www.qouv.fr", "https://www.qouv.fr"),  # a registrable name itself is left as printed
    ],
)
def test_ocr_damage_in_host_labels_and_accents(text: str, expected: str) -> None:
    assert normalize_url(text) == expected


def test_regional_top_level_domains_are_addresses() -> None:
    assert find_urls("Site web : www.example.bzh") == [("https://www.example.bzh", 11, 26)]
    assert normalize_url("example.eus/eu") == "https://example.eus/eu"
