"""Facts as the fifth and tenth genre sets write them (invented names): a budget that is its
sentence's subject, with an apposition before its amount; the CFA franc of the lab's country; key
figures counted at year end; statements in whole euros; funders after 'viennent du', 'couvert par'
and an aside."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.models import LabRecord


def test_a_budget_subject_s_apposition_does_not_part_it_from_its_amount(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "L'Agence nationale des services numériques emploie près de deux cents agents. Son\n"
        "budget, voté chaque année par le conseil d'administration de douze membres puis approuvé\n"
        "par la tutelle, tourne autour de 6 milliards de francs CFA.\n",
        "Agence nationale des services numériques", lang="fr")
    assert record.budget is not None
    assert (record.budget.amount, record.budget.approximate) == (6e9, True)


def test_a_far_amount_after_a_budget_word_inside_the_sentence_is_still_no_budget(
        extract_one: Callable[..., LabRecord]) -> None:
    # Not the sentence's subject: the budget word and the amount are two clauses apart.
    record = extract_one(
        "The agency presented its budget to the committee, which, after a long debate about the\n"
        "merger and several amendments, approved a one-off transfer of EUR 6 million to the city.\n"
        "The agency was founded in 2015.\n",
        "Kestrel Agency", lang="en")
    assert record.budget is None


def test_the_cfa_franc_of_central_africa_is_read_by_the_lab_s_country() -> None:
    from extract.normalize.currencies import national_currency

    assert national_currency("6 milliards de francs CFA", "CM") == "XAF"
    assert national_currency("2 milliards FCFA", "GA") == "XAF"
    assert national_currency("3,2 milliards de francs CFA", "BF") is None  # the West African reading stays


def test_a_key_figure_counted_at_year_end_or_on_a_date(extract_one: Callable[..., LabRecord]) -> None:
    for text, lang in [("Key figures\nStaff at year end 46 (2023: 41)\nSystems certified 19", "en"),
                       ("Chiffres clés\nEffectif au 31 décembre 2023 96\nDossiers traités 1 200", "fr"),
                       ("Kerncijfers\nMedewerkers per jaareinde 46\nDossiers 1.200", "nl")]:
        record = extract_one(text, "Kestrel Authority", lang=lang)
        assert record.staff is not None and record.staff.count == (96 if lang == "fr" else 46), text


def test_prose_that_opens_with_a_label_word_and_a_year_end_is_no_key_figure(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Team members met weekly at year end to review 46 projects. The authority was founded in 2015.",
                         "Kestrel Authority", lang="en")
    assert record.staff is None


def test_a_statement_in_whole_euros_gives_its_total_expenditure(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Statement of comprehensive income (in euro)\nNotes 2024 2023\n"
        "Government subvention 4 6,200,000 5,900,000\nTotal income 6,910,515 6,561,393\n"
        "Staff costs 7 (3,587,240) (3,121,604)\nTotal expenditure (6,347,512) (5,802,116)\n",
        "Kestrel Authority", lang="en")
    assert record.budget is not None
    assert (record.budget.amount, record.budget.currency) == (6347512, "EUR")


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Pour 2025, la loi de finances lui réserve 38 millions d'euros, qui viennent du budget du ministère de la Mer.",
     "fr", "budget du ministère de la Mer"),
    ("Chiffre d'affaires ≈ CHF 9,5 mio, couvert par les mandats des collectivités (pas de but lucratif)",
     "fr", "mandats des collectivités"),
    ("Son budget est financé par le budget fédéral et, pour une part croissante, par la facturation des prestations.",
     "fr", "facturation des prestations"),
])
def test_funders_after_a_verb_of_origin_or_an_aside(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                                      source: str) -> None:
    record = extract_one(text, "Centre Kestrel", lang=lang)
    assert source in record.funding_sources


@pytest.mark.parametrize(("caption", "unit"), [
    ("Exercice clos le 31 mars 2022 (en milliers de dollars canadiens).", ("CAD", 1000.0)),
    ("(en milliers de francs suisses)", ("CHF", 1000.0)),
    ("Statement of income (thousands of euros)", ("EUR", 1000.0)),
])
def test_a_statement_caption_gives_its_currency_by_name(caption: str, unit: tuple[str, float]) -> None:
    from extract.extractors.statements import unit_in

    assert unit_in(caption) == unit


def test_the_longer_currency_name_inside_a_french_one_wins() -> None:
    from extract.normalize.currencies import find_currencies

    assert [t.code for t in find_currencies("en milliers de dollars canadiens")] == ["CAD"]
    assert [t.code for t in find_currencies("12 millions de dollars")] == ["USD"]


def test_statement_figures_grouped_by_spaces_under_two_year_columns(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("États financiers\nExercice clos le 31 mars 2022 (en milliers de dollars canadiens).\n"
                         "2022 (12 mois) 2021 (7 mois)\nTotal des revenus 514 738 282 137\n"
                         "Total des charges 507 269 284 036\n", "Kestrel Infrastructures", lang="fr")
    assert record.budget is not None
    assert (record.budget.amount, record.budget.currency) == (507_269_000, "CAD")
