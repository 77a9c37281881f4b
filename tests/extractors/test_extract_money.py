"""Budget: anchored totals in nl/en/fr; never a per-member share, a threshold, or a guess."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "lang", "amount", "currency", "period", "amount_eur", "approximate"),
    [
        ("Middelen: Het lab krijgt een jaarlijks budget van 250.000 euro en telt 5 medewerkers.", "nl",
         250000, "EUR", "year", 250000, False),
        ("Middelen: De werking kost 1,2 miljoen euro per jaar.", "nl", 1200000, "EUR", "year", 1200000, False),
        ("Budget: € 750.000", "nl", 750000, "EUR", None, 750000, False),
        ("Jaarbudget: 2,5 M€", "nl", 2500000, "EUR", "year", 2500000, False),
        ("Resources: The unit has an annual budget of EUR 1.2m and a team of eight.", "en",
         1200000, "EUR", "year", 1200000, False),
        ("Resources: The agency spends £3.4 million a year.", "en", 3400000, "GBP", "year", None, False),
        ("Budget: SEK 40 million (approx. EUR 3.6 million)", "en", 40000000, "SEK", None, 3600000, True),
        ("Funding: The programme received EUR 6 million over 2021-2024.", "en", 6000000, "EUR", "total", 6000000, False),
        ("Budget annuel : 1,2 million d'euros", "fr", 1200000, "EUR", "year", 1200000, False),
        ("Moyens : le laboratoire dispose d'une enveloppe de 900 000 euros sur trois ans.", "fr",
         900000, "EUR", "total", 900000, False),
        ("Middelen: De organisatie heeft ongeveer 90 werknemers en een jaarlijks budget van circa 2 miljard NOK of "
         "180 miljoen euro.", "nl", 2000000000, "NOK", "year", 180000000, True),
    ],
)
def test_budget_phrasings(extract_one, text, lang, amount, currency, period, amount_eur, approximate):
    record = extract_one(text, "Testlab", lang=lang)
    assert record.budget is not None
    got = record.budget
    assert (got.amount, got.currency, got.period, got.amount_eur, got.approximate) == (
        amount, currency, period, amount_eur, approximate)


def test_total_wins_over_per_member_contributions(extract_one):
    text = ("Middelen: Het netwerk wordt betaald door 8 ministeries, die elk 25.000 euro bijdragen, terwijl de "
            "provincie 5.000 euro bijdraagt. Samen geeft dat een jaarlijks budget van 205.000 euro.")
    record = extract_one(text, "Netwerklab", lang="nl")
    assert record.budget.amount == 205000
    assert record.budget.period == "year"


def test_threshold_is_not_the_budget(extract_one):
    text = ("Middelen: Het lab beschikt over een budget van 600.000 euro.\n"
            "Governance: De raad moet alle projecten >€75k goedkeuren.")
    assert extract_one(text, "Drempellab", lang="nl").budget.amount == 600000


def test_only_a_threshold_gives_no_budget(extract_one):
    text = "Governance: The board approves every project above €100k."
    assert extract_one(text, "Thresholdlab", lang="en").budget is None


def test_per_member_share_alone_gives_no_budget(extract_one):
    text = "Resources: Each of the ten partner cities contributes EUR 20,000."
    assert extract_one(text, "Citylab", lang="en").budget is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Middelen: onbekend", "nl"), ("Resources: unknown", "en"), ("Moyens : non communiqué", "fr"),
     ("Middelen: De financiering betreft enkel de loonkost van 3 medewerkers.", "nl")],
)
def test_unknown_budget_is_null(extract_one, text, lang):
    assert extract_one(text, "Onbekendlab", lang=lang).budget is None


def test_amount_without_budget_word_or_label_is_no_budget(extract_one):
    anchored = extract_one("Middelen: Het lab heeft een budget van 100.000 euro.", "A", lang="nl")
    in_block = extract_one("Middelen: Het lab krijgt 100.000 euro van de stad.", "A", lang="nl")
    loose = extract_one("Rol: Het lab organiseerde een hackathon die 100.000 euro opbracht.", "B", lang="nl")
    assert anchored.provenance["budget"].confidence > in_block.provenance["budget"].confidence
    assert loose.budget is None


def test_spending_is_a_budget_word(extract_one):
    record = extract_one("Policy Lab spent £1.9 million in 2022/23.", "Policy Lab", lang="en")
    assert (record.budget.amount, record.budget.period) == (1900000, "year")


def test_ocr_confidence_lowers_budget_confidence(extract_one):
    text = "Middelen: Het lab heeft een jaarlijks budget van 300.000 euro."
    clean = extract_one(text, "Lab", lang="nl")
    noisy = extract_one(text, "Lab", lang="nl", conf=0.6)
    assert noisy.provenance["budget"].confidence < clean.provenance["budget"].confidence


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [("Role: It receives €500,000 a year from the ministry.", "en", 500000),
     ("Rol: Het lab ontvangt jaarlijks 1 miljoen euro van de provincie.", "nl", 1000000),
     ("Rôle : Le laboratoire reçoit 2 M€ par an de la Région.", "fr", 2000000)],
)
def test_yearly_amount_is_a_budget(extract_one, text, lang, amount):
    budget = extract_one(text, "Lab", lang=lang).budget
    assert (budget.amount, budget.period) == (amount, "year")


def test_budget_in_resources_block_beats_start_up_grant_in_role(extract_one):
    text = ("Rol: Het lab kreeg bij de start in 2016 een budget van 1 miljoen euro voor drie jaar.\n"
            "Middelen: Vandaag heeft het lab een structureel budget van 450.000 euro per jaar.")
    record = extract_one(text, "Lab", lang="nl")
    assert (record.budget.amount, record.budget.period) == (450000, "year")
    assert record.founded_year == 2016
