"""Every currency in legal use is read, by its code or its Dutch, English or French name (CLDR, in
``rules/currency_names.tsv``), not only the curated ones; words that are also common words are not
currencies, and the curated readings still decide first."""

from __future__ import annotations

import pytest

from extract.normalize import find_money
from extract.normalize.currencies import currency_code


@pytest.mark.parametrize(("text", "lang", "amount", "code"), [
    ("une dotation de fonctionnement de 4,8 milliards d'ariary, en hausse", "fr", 4.8e9, "MGA"),
    ("un budget de 214,6 millions de gourdes pour l'exercice", "fr", 214.6e6, "HTG"),
    ("320 millions d'ouguiyas par an", "fr", 320e6, "MRU"),
    ("a budget of 12 million naira a year", "en", 12e6, "NGN"),
    ("het budget bedroeg 1,2 miljard Kazachse tenge", "nl", 1.2e9, "KZT"),
    ("spending of GTQ 45 million in 2024", "en", 45e6, "GTQ"),
])
def test_a_currency_outside_the_curated_list(text: str, lang: str, amount: float, code: str) -> None:
    found = find_money(text, lang)
    assert [(m.amount, m.currency) for m in found] == [(amount, code)]


@pytest.mark.parametrize("text", ["the sums of 12 million were never spent", "TOP 10 services in 2024",
                                  "au sols de 12 millions de logements"])
def test_common_words_and_capitalised_words_are_no_currency(text: str) -> None:
    assert all(m.currency is None for m in find_money(text, "en"))


def test_curated_readings_decide_first() -> None:
    assert currency_code("kr") == "SEK"  # 'kr' alone: Swedish kronor, as the curated list says
    assert currency_code("ariary") == "MGA"
    assert currency_code("Malagasy ariary") == "MGA"


@pytest.mark.parametrize(("text", "lang", "amount", "code"), [
    ("1 350 millions de DA — exercice 2024", "fr", 1350e6, "DZD"),  # a local sign after 'de'
    ("Afl. 6,9 mln per jaar", "nl", 6.9e6, "AWG"),
    ("un budget de FBu 12 milliards", "fr", 12e9, "BIF"),
    ("12 millions de FCFA", "fr", 12e6, "XOF"),  # the curated reading of 'FCFA' decides
])
def test_a_currency_s_local_sign(text: str, lang: str, amount: float, code: str) -> None:
    assert [(m.amount, m.currency) for m in find_money(text, lang)] == [(amount, code)]


def test_an_article_is_no_local_sign() -> None:
    assert find_money("Le 4 mars 2024, Le 12 agents", "fr") == []
