"""find_money and currency_code on the amounts people write, in Dutch, English and French."""

from __future__ import annotations

import pytest

from extract.normalize import currency_code, find_money

# (text, lang, amount, currency, period, approximate, alternative (amount, currency) or None)
AMOUNTS = [
    ("340.000 euro", "nl", 340_000, "EUR", None, False, None),
    ("een budget van 1,7 miljoen euro", "nl", 1_700_000, "EUR", None, False, None),
    ("45,67 miljoen euro per jaar", "nl", 45_670_000, "EUR", "year", False, None),
    ("45,67 miljoen\n\neuro per jaar", None, 45_670_000, "EUR", "year", False, None),
    ("ongeveer 3,5\nmiljard SEK of 313\n\nmiljoen euro", "nl", 3_500_000_000, "SEK", None, True, (313_000_000, "EUR")),
    (
        "een jaarlijks budget van\n\nongeveer 3,5 miljard SEK of 313 miljoen euro.",
        "nl",
        3_500_000_000,
        "SEK",
        "year",
        True,
        (313_000_000, "EUR"),
    ),
    ("een jaarlijks budget van 150.000€ en telt 3 medewerkers", "nl", 150_000, "EUR", "year", False, None),
    ("€ 750.000", "nl", 750_000, "EUR", None, False, None),
    ("EUR 1.2m", "en", 1_200_000, "EUR", None, False, None),
    ("£3.4 million", "en", 3_400_000, "GBP", None, False, None),
    ("2,5 M€", "fr", 2_500_000, "EUR", None, False, None),
    ("2,5 M€", None, 2_500_000, "EUR", None, False, None),
    ("1,2 million d'euros", "fr", 1_200_000, "EUR", None, False, None),
    ("1,2 million d’euros par an", "fr", 1_200_000, "EUR", "year", False, None),
    ("SEK 40 million (approx. EUR 3.6 million)", "en", 40_000_000, "SEK", None, False, (3_600_000, "EUR")),
    ("EUR 6 million over 2021-2024", "en", 6_000_000, "EUR", "total", False, None),
    ("Budget annuel : 2 M€", "fr", 2_000_000, "EUR", "year", False, None),
    ("k€ 450", "fr", 450_000, "EUR", None, False, None),
    ("3 MEUR sur 3 ans", "fr", 3_000_000, "EUR", "total", False, None),
    ("Annual budget: approximately €12 million", "en", 12_000_000, "EUR", "year", True, None),
    ("un budget d'environ 1 200 000 €", "fr", 1_200_000, "EUR", None, True, None),
    ("1\u202f200\u202f000 euros", "fr", 1_200_000, "EUR", None, False, None),
    ("a total budget of USD 2,500,000", "en", 2_500_000, "USD", "total", False, None),
    ("Budget: ca. 800.000 euro", "nl", 800_000, "EUR", None, True, None),
    ("vijf miljoen euro", "nl", 5_000_000, "EUR", None, False, None),
    ("2 millions d'euros environ", "fr", 2_000_000, "EUR", None, True, None),
    ("deux millions d'euros", "fr", 2_000_000, "EUR", None, False, None),
    ("€ 500.000,-", "nl", 500_000, "EUR", None, False, None),
    ("2.000.000,- euro per jaar", "nl", 2_000_000, "EUR", "year", False, None),
    ("EUR 340,000 per year", "nl", 340_000, "EUR", "year", False, None),
    ("1,5 mln. euro", "nl", 1_500_000, "EUR", None, False, None),
    ("3 Mio. €", "fr", 3_000_000, "EUR", None, False, None),
    ("£45.67m a year", "en", 45_670_000, "GBP", "year", False, None),
    ("DKK 150 million annually", "en", 150_000_000, "DKK", "year", False, None),
    ("30 000 euros par an", "fr", 30_000, "EUR", "year", False, None),
    ("€2,5 miljoen per maand", "nl", 2_500_000, "EUR", "month", False, None),
    ("1,250 miljoen euro", "nl", 1_250_000, "EUR", None, False, None),
    ("€ 500.000,00", "nl", 500_000, "EUR", None, False, None),
    ("un budget de 4 millions d'euros pour la période 2020-2023", "fr", 4_000_000, "EUR", "total", False, None),
    ("20 miljoen euro over vier jaar", "nl", 20_000_000, "EUR", "total", False, None),
    ("a budget of 2 million euros in total", "en", 2_000_000, "EUR", "total", False, None),
    ("200.000 Zweedse kronen", "nl", 200_000, "SEK", None, False, None),
    ("1,2 million de livres par an", "fr", 1_200_000, "GBP", "year", False, None),
]


@pytest.mark.parametrize("text, lang, amount, currency, period, approximate, alternative", AMOUNTS)
def test_find_money(text, lang, amount, currency, period, approximate, alternative):
    found = find_money(text, lang)
    assert len(found) == 1, found
    money = found[0]
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency
    assert money.period == period
    assert money.approximate is approximate
    assert text[money.start : money.end] == money.raw
    if alternative is None:
        assert money.alternatives == ()
    else:
        (alt,) = money.alternatives
        assert (alt.amount, alt.currency) == (pytest.approx(alternative[0]), alternative[1])


QUALIFIED = [
    ("waarvan 11 departementen elk 30.000 euro bijdragen", "nl", 30_000, "each"),
    ("projecten en budgetten >€50k valideren", "nl", 50_000, "above"),
    ("subsidies tot 25.000 euro", "nl", 25_000, "up_to"),
    ("meer dan 2 miljoen euro", "nl", 2_000_000, "above"),
    ("grants of up to £500,000", "en", 500_000, "up_to"),
    ("members contribute EUR 10,000 each", "en", 10_000, "each"),
    ("jusqu'à 100 000 €", "fr", 100_000, "up_to"),
    ("moins de 5 000 euros", "fr", 5_000, "below"),
    ("een bijdrage van 2 euro per inwoner", "nl", 2, "each"),
    ("grants of EUR 50,000 per project", "en", 50_000, "each"),
    ("3 euros par habitant", "fr", 3, "each"),
]


@pytest.mark.parametrize("text, lang, amount, qualifier", QUALIFIED)
def test_qualifiers(text, lang, amount, qualifier):
    (money,) = find_money(text, lang)
    assert money.amount == pytest.approx(amount)
    assert money.qualifier == qualifier


NOT_MONEY = [
    ("Opgericht in 2015 met 4 medewerkers", "nl"),
    ("Sinds 2019 euro's", "nl"),
    ("Le lab a publié 3 livres.", "fr"),
    ("The lab has 25 FTE and was founded in 2020.", "en"),
    ("zie https://www.example.be/2024/500-euro-plan", "nl"),
]


@pytest.mark.parametrize("text, lang", NOT_MONEY)
def test_no_money(text, lang):
    assert find_money(text, lang) == []


def test_year_before_a_prefixed_amount_is_not_money():
    (money,) = find_money("In 2020 EUR 3 million was spent.", "en")
    assert money.amount == 3_000_000 and money.raw == "EUR 3 million"


def test_several_amounts_keep_their_own_periods():
    text = "Het jaarlijks budget is 340.000 euro. Voor 2021-2024 kreeg het lab in totaal 1,2 miljoen euro."
    first, second = find_money(text, "nl")
    assert (first.amount, first.period) == (340_000, "year")
    assert (second.amount, second.period) == (1_200_000, "total")


@pytest.mark.parametrize(
    "token, code",
    [
        ("€", "EUR"),
        ("euro", "EUR"),
        ("EUR", "EUR"),
        ("euros", "EUR"),
        ("Euro's", "EUR"),
        ("£", "GBP"),
        ("pond", "GBP"),
        ("livres sterling", "GBP"),
        ("livres", "GBP"),
        ("SEK", "SEK"),
        ("kronor", "SEK"),
        ("kr", "SEK"),
        ("CHF", "CHF"),
        ("$", "USD"),
        ("DKK", "DKK"),
        ("Deense kronen", "DKK"),
        ("francs suisses", "CHF"),
        ("k€", "EUR"),
        ("M€", "EUR"),
        ("MEUR", "EUR"),
        ("(kEUR)", "EUR"),
        ("€.", "EUR"),
        ("kM", None),
        ("", None),
        ("banana", None),
        ("EU", None),
    ],
)
def test_currency_code(token, code):
    assert currency_code(token) == code


def test_annual_report_is_not_a_period():
    (money,) = find_money("Annual report 2023. The lab spends EUR 2m.", "en")
    assert money.period is None


def test_scale_words_of_a_quoted_language_still_count():
    (money,) = find_money("The Dutch report gives a budget of 1,7 miljoen euro.", "en")
    assert money.amount == 1_700_000
    (money,) = find_money("un budget d'environ 3 million pounds", "fr")
    assert (money.amount, money.currency, money.approximate) == (3_000_000, "GBP", True)


@pytest.mark.parametrize(
    "text, lang, amounts",
    [
        ("EUR 1.5 to 2 million", "en", [1_500_000, 2_000_000]),
        ("1,5 à 2 millions d'euros", "fr", [1_500_000, 2_000_000]),
        ("tussen 1 en 2 miljoen euro", "nl", [1_000_000, 2_000_000]),
        ("€ 1-2 mln", "nl", [1_000_000, 2_000_000]),
        ("between €3m and €4m", "en", [3_000_000, 4_000_000]),
    ],
)
def test_ranges_share_scale_and_currency_and_are_approximate(text, lang, amounts):
    found = find_money(text, lang)
    assert [m.amount for m in found] == amounts
    assert all(m.approximate and m.currency == "EUR" for m in found)


@pytest.mark.parametrize(
    "text, period",
    [
        ("Annual budget 2021-2024: EUR 2m", "year"),
        ("Het jaarlijks budget voor 2021-2024 is 2 miljoen euro", "year"),
        ("Budget: EUR 3.2m (2022–2025)", "total"),
        ("In 2019 werd 1,5 miljoen euro vrijgemaakt voor de periode 2019-2022.", "total"),
        (
            "Het lab organiseert jaarlijks tien grote events voor ambtenaren en heeft een budget van 2 miljoen euro.",
            None,
        ),
    ],
)
def test_period_words_beat_spans_of_years(text, period):
    (money,) = find_money(text)
    assert money.period == period


@pytest.mark.parametrize(
    "header_unit, unit",
    [
        ("k€", ("EUR", 1e3)),
        ("(k€)", ("EUR", 1e3)),
        ("M EUR", ("EUR", 1e6)),
        ("MEUR", ("EUR", 1e6)),
        ("mln euro", ("EUR", 1e6)),
        ("millions d'euros", ("EUR", 1e6)),
        ("£", ("GBP", 1.0)),
        ("SEK", ("SEK", 1.0)),
        ("miljoen", None),
        ("FTE", None),
    ],
)
def test_currency_unit_of_table_headers(header_unit, unit):
    from extract.normalize import currency_unit

    assert currency_unit(header_unit) == unit


def test_euro_alternative_after_a_period_phrase() -> None:
    (mention,) = find_money("NOK 25 million per year (approx. EUR 2.2 million)", "en")
    assert (mention.amount, mention.currency, mention.period) == (25_000_000, "NOK", "year")
    assert [(a.amount, a.currency) for a in mention.alternatives] == [(2_200_000, "EUR")]


def test_ocr_reads_the_euro_after_a_scale_letter_as_e():
    from extract.normalize import find_money

    [money] = find_money("Notre budget 2023 : 3,2 ME, financés par l'ANCT", "fr")
    assert (money.amount, money.currency) == (3_200_000, "EUR")


@pytest.mark.parametrize("text, lang, amount", [
    ("een budget van 20 mijoen euro en 22 medewerkers", "nl", 20_000_000),  # OCR dropped the 'l'
    ("a budget of EUR 3 milion a year", "en", 3_000_000),
    ("un budget de 1,2 milliad d'euros", "fr", 1_200_000_000),
])
def test_a_scale_word_one_ocr_error_away_counts_beside_a_currency(text: str, lang: str, amount: int) -> None:
    [money] = find_money(text, lang)
    assert (money.amount, money.currency) == (amount, "EUR")


def test_a_misread_scale_word_without_a_currency_is_no_scale() -> None:
    # 'mijoen' could be anything without money around it: the 12 stays 12.
    assert [m.amount for m in find_money("12 mijoen bezoekers en een budget van 40.000 euro", "nl")] == [40_000]


def test_dollars_named_by_their_country():
    from extract.normalize import find_money

    [aud] = find_money("rond de 75 miljoen Australische dollar per jaar", "nl")
    [cad] = find_money("a budget of 2 million Canadian dollars", "en")
    assert (aud.currency, aud.amount, cad.currency) == ("AUD", 75_000_000, "CAD")


def test_an_amount_is_rounded_to_cents_and_shillings_are_read() -> None:
    from extract.normalize import find_money

    (mention,) = find_money("KSh 4.1 billion", "en")
    assert (mention.amount, mention.currency) == (4_100_000_000, "KES")


def test_crore_and_the_currencies_of_the_gulf_africa_and_the_balkans() -> None:
    def money(text: str) -> list[tuple[float, str]]:
        return [(m.amount, m.currency) for m in find_money(text, "en")]

    assert money("₹ 412 crore (grants-in-aid)") == [(4_120_000_000, "INR")]
    assert money("its budget was GH₵ 185 million") == [(185_000_000, "GHS")]
    assert money("a budget of some ALL 3.9 billion") == [(3_900_000_000, "ALL")]
    assert money("ALL STAFF 2023 meeting") == []


@pytest.mark.parametrize(("text", "lang", "amount", "currency", "period"), [
    # Two years in a row are one budget year; a longer span is the whole period.
    ("For the fiscal year 2024-25 the approved budget is Nu. 1.38 billion.", "en", 1.38e9, "BTN", "year"),
    ("£12.3 million spent 2023/24", "en", 12.3e6, "GBP", "year"),
    ("over 2021-2026 EUR 5 million", "en", 5e6, "EUR", "total"),
    # Currencies of smaller states, and the lei read by country elsewhere (RON by default).
    ("un budget de 1,2 milliard d'escudos", "fr", 1.2e9, "CVE", None),
    ("environ 12 millions de leones", "fr", 12e6, "SLE", None),
])
def test_budget_years_and_more_currencies(text, lang, amount, currency, period):
    (money,) = find_money(text, lang)
    assert (money.amount, money.currency, money.period) == (amount, currency, period)


@pytest.mark.parametrize("text", ["Table 1 (budget in $ million)", "Budget: 12.5 ($ million)", "montants en € millions"])
def test_a_unit_with_no_figure_is_no_amount(text: str) -> None:
    # '$ million' is what a table's figures are counted in; 'a million dollars' is an amount.
    assert find_money(text, "en") == []
    assert [m.amount for m in find_money("a million dollars and $ 2 million", "en")] == [1e6, 2e6]
