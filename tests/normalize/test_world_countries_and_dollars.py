"""Countries outside Europe and their dollars (from the twelfth genre set): every UN member is found
in running text, a capital holding another country's name is its own country's, and the Caribbean
and Pacific dollars are read by their signs or by the lab's country."""

from __future__ import annotations

import pytest

from extract.normalize import find_countries, find_money
from extract.normalize.currencies import national_currency


@pytest.mark.parametrize(("text", "code"), [
    ("Level 4, Government Campus Plaza, Port of Spain, Trinidad and Tobago, W.I.", "TT"),
    ("eGov is the Government of Jamaica's information and communications agency.", "JM"),
    ("The bureau in Suva serves the Republic of Fiji.", "FJ"),
    ("Het bureau in Kampala is het statistiekbureau van Oeganda.", "UG"),
    ("L'agence de Lomé est au service du Togo.", "TG"),
])
def test_a_country_outside_europe_is_found_in_running_text(text: str, code: str) -> None:
    assert {m.code for m in find_countries(text, "en")} == {code}


@pytest.mark.parametrize("text", ["Digital Services Georgia runs the state's portal.", "Chad Miller wrote the report.",
                                  "New Jersey's office", "Jordan Smith, editor"])
def test_a_us_state_or_a_first_name_is_no_country(text: str) -> None:
    assert [m.code for m in find_countries(text, "en") if m.kind == "name"] in ([], ["US"])


def test_caribbean_and_pacific_dollars() -> None:
    assert [(m.amount, m.currency) for m in find_money("J$ 4.6 billion and TT$ 96.4 million", "en")] == [
        (4.6e9, "JMD"), (96.4e6, "TTD")]
    assert national_currency("$ 12 million", "FJ") == "FJD"
    assert national_currency("12 million dollars", "TT") == "TTD"


def test_a_french_thousands_group_the_line_break_split_is_one_number() -> None:
    from extract.normalize import find_numbers

    assert [n.value for n in find_numbers("et compte environ 7\n200 employés, sans les", "fr")] == [7200]
    assert [n.value for n in find_numbers("en 2019\n200 personnes", "fr")] == [2019, 200]
    assert [(m.amount, m.currency) for m in find_money("autour de 2,9 G$ par année", "fr")] == [(2.9e9, "USD")]


def test_trillions_rupiah_ringgit_and_a_scale_letter_after_a_leading_currency() -> None:
    assert [(m.amount, m.currency) for m in find_money("around Rp 1.3 trillion, after cuts", "en")] == [(1.3e12, "IDR")]
    assert [(m.amount, m.currency) for m in find_money("RM 1,2 miljard", "nl")] == [(1.2e9, "MYR")]
    assert [(m.amount, m.currency) for m in find_money("Budget RM 250 m", "en")] == [(250e6, "MYR")]
    assert [(m.amount, m.currency) for m in find_money("2 billions d'euros", "fr")] == [(2e12, "EUR")]
    assert find_money("the 250 m race", "en") == []


@pytest.mark.parametrize(("text", "codes"), [
    ("the Hong Kong Centre opened in 2019", ["HK"]),  # babel says 'Hong Kong SAR China'
    ("the US Coast Guard Research and Development Center", ["US"]),
    ("US Department of Energy", ["US"]),
    ("ABOUT US Contact", []),  # a menu in capitals
    ("let us Go further", []),
])
def test_places_texts_write_shorter_than_babel(text: str, codes: list[str]) -> None:
    assert [m.code for m in find_countries(text, "en")] == codes
