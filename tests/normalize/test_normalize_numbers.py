"""parse_number and find_numbers: digits in each locale, scale words, number words, markers."""

from __future__ import annotations

import pytest

from extract.normalize import find_numbers, parse_number

PARSE = [
    # Dutch: '.' groups thousands, ',' is the decimal mark
    ("1.200", "nl", 1200),
    ("1,7", "nl", 1.7),
    ("340.000", "nl", 340_000),
    ("1.234.567,89", "nl", 1_234_567.89),
    ("1,7 miljoen", "nl", 1_700_000),
    ("45,67 mln", "nl", 45_670_000),
    ("3,5 miljard", "nl", 3.5e9),
    ("2 mld", "nl", 2e9),
    ("tien duizend", "nl", 10_000),
    ("1,200", "nl", 1.2),
    # English: ',' groups thousands, '.' is the decimal mark
    ("1,200", "en", 1200),
    ("1.2", "en", 1.2),
    ("1,234,567.89", "en", 1_234_567.89),
    ("1.2m", "en", 1_200_000),
    ("3.4 million", "en", 3_400_000),
    ("2bn", "en", 2e9),
    ("450k", "en", 450_000),
    ("1.5 billion", "en", 1.5e9),
    ("40 mn", "en", 40_000_000),
    # French: spaces (also no-break and narrow no-break) group thousands, ',' is the decimal mark
    ("1 200", "fr", 1200),
    ("1\u00a0200", "fr", 1200),
    ("1\u202f200\u202f000", "fr", 1_200_000),
    ("1,2", "fr", 1.2),
    ("1,2 million", "fr", 1_200_000),
    ("2 milliards", "fr", 2e9),
    ("3 Md", "fr", 3e9),
    ("1.200.000", "fr", 1_200_000),
    # no language: decided from the shape
    ("340.000", None, 340_000),
    ("30.000", None, 30_000),
    ("1,200", None, 1200),
    ("45,67", None, 45.67),
    ("1.2", None, 1.2),
    ("0.500", None, 0.5),
    ("1.234,5", None, 1234.5),
    ("1,234.5", None, 1234.5),
    ("12", None, 12),
    # number words, capitalised too
    ("vijftien", "nl", 15),
    ("Veertien", "nl", 14),
    ("twaalf", "nl", 12),
    ("tweeëntwintig", "nl", 22),
    ("huit", "fr", 8),
    ("sept", "fr", 7),
    ("vingt et un", "fr", 21),
    ("trois cent cinquante", "fr", 350),
    ("twenty-two", "en", 22),
    ("one hundred and twenty", "en", 120),
    ("Vijftien", None, 15),
    ("a dozen", "en", 12),
    ("een dozijn", "nl", 12),
    ("une douzaine", "fr", 12),
    ("une vingtaine", "fr", 20),
    # markers around one number are allowed
    ("ongeveer 240", "nl", 240),
    ("c. 25", "en", 25),
    ("± 30", "nl", 30),
    ("environ 1 200", "fr", 1200),
]


@pytest.mark.parametrize("text, lang, value", PARSE)
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "12 en 14", "1.2.3", "Budget 12 medewerkers", "een", "2e", "3D"])
def test_parse_number_rejects(text):
    assert parse_number(text, "nl") is None


APPROXIMATE = [
    ("Vinnova heeft ongeveer 240 werknemers", "nl", 240, True),
    ("c. 25 FTE", "en", 25, True),
    ("ca. 12 medewerkers", "nl", 12, True),
    ("circa 30 mensen", "nl", 30, True),
    ("ruim 40 medewerkers", "nl", 40, True),
    ("bijna 50 medewerkers", "nl", 50, True),
    ("± 20 VTE", "nl", 20, True),
    ("~15 staff", "en", 15, True),
    ("≈ 420 staff", "en", 420, True),
    ("Effectif : ≈ 90", "fr", 90, True),
    ("approximately 300 employees", "en", 300, True),
    ("approx. 40 people", "en", 40, True),
    ("about 12 staff", "en", 12, True),
    ("around 60 people", "en", 60, True),
    ("some 240 staff", "en", 240, True),
    ("nearly 100 staff", "en", 100, True),
    ("almost 70 staff", "en", 70, True),
    ("environ 45 agents", "fr", 45, True),
    ("près de 30 personnes", "fr", 30, True),
    ("quelque 200 agents", "fr", 200, True),
    ("une vingtaine de personnes", "fr", 20, True),
    ("une centaine d'agents", "fr", 100, True),
    ("een twintigtal medewerkers", "nl", 20, True),
    ("een vijftal mensen", "nl", 5, True),
    ("un millier d'agents", "fr", 1000, True),
    ("meer dan 200 medewerkers", "nl", 200, True),
    ("200+ staff", "en", 200, True),
    ("more than 40 people", "en", 40, True),
    ("plus de 30 agents", "fr", 30, True),
    ("12 VTE", "nl", 12, False),
    ("7 full time medewerkers", "nl", 7, False),
    ("Het team bestaat uit 4 medewerkers.", "nl", 4, False),
    ("personeelskosten van 2 medewerkers", "nl", 2, False),
    ("en 22 toegewijde medewerkers", "nl", 22, False),
    ("een team van vijftien mensen", "nl", 15, False),
    ("huit personnes", "fr", 8, False),
    ("a dozen staff", "en", 12, False),
    ("The team has 4 staff", "en", 4, False),
]


@pytest.mark.parametrize("text, lang, value, approximate", APPROXIMATE)
def test_counts_and_approximation(text, lang, value, approximate):
    (number,) = find_numbers(text, lang)
    assert number.value == value
    assert number.approximate is approximate
    assert text[number.start : number.end] == number.raw


def test_find_numbers_offsets_and_kinds():
    text = "Het team telt vijftien mensen en 1.200 vrijwilligers sinds 2015."
    found = find_numbers(text, "nl")
    assert [(n.value, n.is_word) for n in found] == [(15, True), (1200, False), (2015, False)]
    assert [text[n.start : n.end] for n in found] == ["vijftien", "1.200", "2015"]


def test_year_range_gives_both_years():
    assert [n.value for n in find_numbers("EUR 6 million over 2021-2024", "en")] == [6_000_000, 2021, 2024]


@pytest.mark.parametrize(
    "text",
    ["AtlasLabs_20240223.pdf", "innovationslabb.65025.html", "versie 1.2.3", "de 2e kamer", "een lab", "un projet"],
)
def test_no_numbers_in_names_files_ordinals_and_articles(text):
    assert find_numbers(text, None) == []


def test_scale_letter_with_a_space_needs_a_currency():
    assert [n.value for n in find_numbers("2,5 M€", "fr")] == [2_500_000]
    assert [n.value for n in find_numbers("a 100 m walk", "en")] == [100]
