"""Properties: amounts formatted by babel in each locale parse back; nothing raises on any text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.normalize import (
    country_code,
    country_from_url,
    currency_code,
    detect_language,
    find_countries,
    find_money,
    find_numbers,
    find_urls,
    normalize_url,
    parse_number,
)

SCALE_WORDS = {
    "nl": [("", 1), ("duizend", 1e3), ("miljoen", 1e6), ("mln", 1e6), ("miljard", 1e9)],
    "en": [("", 1), ("thousand", 1e3), ("million", 1e6), ("m", 1e6), ("bn", 1e9), ("billion", 1e9)],
    "fr": [("", 1), ("mille", 1e3), ("millions", 1e6), ("milliards", 1e9)],
}
CURRENCY = {"nl": "euro", "en": "EUR", "fr": "€"}

# Whole numbers up to a billion, or amounts with two decimals (as reports print them).
amounts = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(Decimal),
    st.integers(min_value=0, max_value=10**8).map(lambda n: Decimal(n) / 100),
)


@settings(max_examples=150, deadline=None)
@given(amount=amounts, lang=st.sampled_from(["nl", "en", "fr"]))
def test_babel_formatted_amounts_parse_back(amount, lang):
    text = format_decimal(amount, locale=lang, decimal_quantization=False)
    assert parse_number(text, lang) == pytest.approx(float(amount))


@settings(max_examples=150, deadline=None)
@given(
    amount=st.integers(min_value=1, max_value=999_999).map(lambda n: Decimal(n) / 100),
    lang=st.sampled_from(["nl", "en", "fr"]),
    data=st.data(),
)
def test_amounts_with_scale_words_and_currency_parse_back(amount, lang, data):
    word, scale = data.draw(st.sampled_from(SCALE_WORDS[lang]))
    number = format_decimal(amount, locale=lang, decimal_quantization=False)
    spaced = f"{number} {word}".strip() if word != "m" else f"{number}{word}"
    assert parse_number(spaced, lang) == pytest.approx(float(amount) * scale)
    currency = CURRENCY[lang]
    text = f"{currency} {spaced}" if lang == "en" else f"{spaced} {currency}"
    (money,) = find_money(f"Het budget: {text}." if lang == "nl" else f"Budget: {text}.", lang)
    assert money.amount == pytest.approx(float(amount) * scale)
    assert money.currency == "EUR"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=200))
def test_parsers_never_raise(text):
    for lang in (None, "nl", "en", "fr"):
        parse_number(text, lang)
        for number in find_numbers(text, lang):
            assert text[number.start : number.end] == number.raw
        for money in find_money(text, lang):
            assert text[money.start : money.end] == money.raw
        for country in find_countries(text, lang):
            assert text[country.start : country.end] == country.raw
        country_code(text, lang)
    currency_code(text)
    country_from_url(text)
    find_urls(text)
    detect_language(text)


url_like = st.builds(
    lambda pre, host, tld, path, tail: f"{pre}{host}.{tld}{path}{tail}",
    st.sampled_from(["", "www.", "wwwi.", "www,", "http://", "https;//", "hltps://www.", "http//", " ", "("]),
    st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9-]{0,10}(\.[a-z]{2,6}){0,2}", fullmatch=True),
    st.sampled_from(["nl", "be", "com", "org", "uk", "co.uk", "gov.pt", "xyz", "e"]),
    st.from_regex(r"(/[\w.%-]{0,8}){0,3}", fullmatch=True),
    st.sampled_from(["", "/", ".", ")", ",", "/#top", "?a=1", "/).", ";"]),
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(url_like, st.text(max_size=80)))
def test_normalize_url_is_idempotent_and_total(text):
    once = normalize_url(text)
    if once is not None:
        assert once.startswith("https://")
        assert not once.endswith("/")
        assert "#" not in once
        assert normalize_url(once) == once


# Text made of the pieces the parsers react to, so that odd combinations get tried.
PIECES = [
    "1",
    "12",
    "340",
    "2021",
    "1.200",
    "1,7",
    "45,67",
    "1 200",
    "1\u202f200",
    "0.5",
    ".",
    ",",
    "-",
    "–",
    "/",
    " ",
    "\n",
    "k",
    "m",
    "mn",
    "bn",
    "M",
    "Md",
    "K",
    "b",
    "miljoen",
    "mln",
    "miljard",
    "million",
    "millions",
    "mille",
    "duizend",
    "€",
    "£",
    "$",
    "EUR",
    "SEK",
    "euro",
    "euros",
    "d'euros",
    "kr",
    "kronor",
    "k€",
    "M€",
    "MEUR",
    "ongeveer",
    "c.",
    "ca.",
    "±",
    "~",
    "environ",
    "about",
    "per jaar",
    "par an",
    "annual",
    "over",
    "tot",
    "up to",
    "elk",
    "each",
    ">",
    "(",
    ")",
    "of",
    "or",
    "ou",
    "approx.",
    "vijftien",
    "een",
    "une",
    "vingtaine",
    "dozen",
    "et",
    "and",
    "un",
    "www.",
    "http://",
    "x.be",
    "/",
    "Nederland",
    "Belgié",
    "UK",
    "IT",
    "Deense",
    "sinds",
    "in",
    "2021-2024",
    ",-",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=14), lang=st.sampled_from([None, "nl", "en", "fr"]))
def test_parsers_on_tricky_pieces(pieces, lang):
    text = "".join(pieces)
    for number in find_numbers(text, lang):
        assert text[number.start : number.end] == number.raw
    for money in find_money(text, lang):
        assert text[money.start : money.end] == money.raw
        assert money.amount >= 0
        for alt in money.alternatives:
            assert text[alt.start : alt.end] == alt.raw
    parse_number(text, lang)
    for url, start, end in find_urls(text):
        assert normalize_url(url) == url
        assert 0 <= start < end <= len(text)
    find_countries(text, lang)


@given(
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=20, unique=True),
    start=st.integers(min_value=0, max_value=200),
    length=st.integers(min_value=1, max_value=30),
)
def test_overlaps_matches_a_plain_scan(cuts, start, length):
    from extract.normalize.spans import overlaps

    points = sorted(cuts)
    spans = [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if a < b]
    end = start + length
    assert overlaps(spans, start, end) == any(s < end and start < e for s, e in spans)
