"""Funding sources as people write them (invented names): an adverb between the verb and its
preposition, a bracket that qualifies a source rather than naming it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.extractors.funding_phrases import without_qualifying_bracket
from extract.models import LabRecord


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Kestrel Bureau is funded primarily through departmental appropriations. It has 40 staff.", "en",
     {"departmental appropriations"}),
    ("Kestrel Bureau is funded mainly through a Government subvention.", "en", {"Government subvention"}),
    ("Le Bureau Kestrel est financé à la fois par des crédits parlementaires et par la facturation de "
     "services aux ministères clients.", "fr",
     {"crédits parlementaires", "facturation de services aux ministères clients"}),
    ("Het Kestrelbureau wordt gefinancierd voornamelijk door de provincie.", "nl", {"provincie"}),
])
def test_an_adverb_between_the_funding_verb_and_its_preposition(
        extract_one: Callable[..., LabRecord], text: str, lang: str, expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


def test_an_adverb_does_not_make_a_weak_trigger_strong(extract_one: Callable[..., LabRecord]) -> None:
    # 'comes mainly from' is about money only near a word for money, as 'comes from' is.
    record = extract_one("The Kestrel Bureau's name comes mainly from a river in the north. It has 40 staff.", "Kestrel Bureau",
                         lang="en")
    assert record.funding_sources == []


@pytest.mark.parametrize(("item", "expected"), [
    ("Government of Xland appropriation (Head 50)", "Government of Xland appropriation"),
    ("Budget de la KNIL (programme 308 « Protection des droits »)", "Budget de la KNIL"),
    ("federale begroting (via de FOD Economie)", "federale begroting"),
    ("core reference levels (main source)", "core reference levels"),
    ("Trésor public (crédits du ministère)", "Trésor public"),
    # A bracket that names the source another way stays.
    ("national budget (APBX)", "national budget (APBX)"),
    ("APBX (regional budget)", "APBX (regional budget)"),
    ("nationale begroting (Presupuesto General de la Nación)", "nationale begroting (Presupuesto General de la Nación)"),
])
def test_a_bracket_that_qualifies_a_source_is_no_part_of_it(item: str, expected: str) -> None:
    assert without_qualifying_bracket(item) == expected


def test_a_labelled_source_drops_its_qualifying_bracket(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Kestrel Bureau\nFunding: Government of Xland appropriation (Head 50)\n", "Kestrel Bureau",
                         lang="en")
    assert record.funding_sources == ["Government of Xland appropriation"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A bracket of a word for money right after the amount.
    ("The Kestrel Bureau has 450 employees and an annual budget of ≈ ILS 420 million (state budget).", "en",
     {"state budget"}),
    ("Kestrel Bureau\nBudget 2025 MXN 11.370 mln (federale begroting)\n", "nl", {"federale begroting"}),
    # Shares after the amount.
    ("Kestrel Bureau\nBudget: RWF 7.9 billion in 2024/25 — about 60% government, 40% development partners\n", "en",
     {"government", "development partners"}),
    # The kind of money after 'in'.
    ("The Kestrel Bureau's budget for FY2025 is $142.6 million: $98.1 million in Local funds, $38.4 million in "
     "Intra-District funds from agencies buying shared services from us, and $6.1 million in Special Purpose "
     "Revenue.", "en", {"Local funds", "Intra-District funds", "Special Purpose Revenue"}),
])
def test_sources_beside_the_amount(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                   expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


def test_a_bracket_after_an_amount_that_is_no_source(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau's budget is KES 360 million (2023: KES 291 million).", "Kestrel Bureau",
                         lang="en")
    assert record.funding_sources == []


def test_a_share_of_the_budget_spent_is_no_source(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau's budget is EUR 2 million, of which 60% goes to salaries paid every "
                         "month to the staff of the bureau.", "Kestrel Bureau", lang="en")
    assert record.funding_sources == []


def test_a_pronoun_for_the_money_of_the_sentence_before(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau has a budget of about USD 90 million a year. Almost all of it comes "
                         "from the national treasury.", "Kestrel Bureau", lang="en")
    assert record.funding_sources == ["national treasury"]


def test_a_second_word_for_money_after_a_bare_and_but_not_what_does_not_pay(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau's budget was PKR 31 billion, almost all of it covered by card fees and "
                         "verification charges rather than by the federal budget.", "Kestrel Bureau", lang="en")
    assert set(record.funding_sources) == {"card fees", "verification charges"}


def test_a_bare_and_before_something_else_is_no_source(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau is funded by the province and works with ten cities.", "Kestrel Bureau",
                         lang="en")
    assert record.funding_sources == ["province"]


def test_costs_before_a_covering_verb_are_money(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Bureau's expenditure in 2023 was PKR 31 billion, almost all of it covered by "
                         "card fees.", "Kestrel Bureau", lang="en")
    assert record.funding_sources == ["card fees"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Kestrel Bureau published measures of household spending drawn from bank transaction data. It has 40 "
     "staff.", "en"),
    ("Een belangrijk deel van de stijging van de lasten van het Kestrelbureau komt uit personeelslasten. Het telt "
     "40 medewerkers.", "nl"),
])
def test_costs_explained_are_no_sources(extract_one: Callable[..., LabRecord], text: str, lang: str) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert record.funding_sources == []


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Kestrel Bureau is funded mainly by filing and search fees.", "en", "filing and search fees"),
    ("The Kestrel Bureau is financed from the Royal Government's recurrent and capital budget.", "en",
     "Royal Government's recurrent and capital budget"),
    ("Het Kestrelbureau wordt gefinancierd uit licentie- en dienstverleningsvergoedingen.", "nl",
     "licentie- en dienstverleningsvergoedingen"),
])
def test_words_before_and_share_the_noun_for_money(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                                  expected: str) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert record.funding_sources == [expected]


def test_what_the_money_is_not_is_no_source(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Kestrelbureau\n• Omzet 2023: € 1,31 mrd — volledig uit vergoedingen van de dragers, geen "
                         "winstoogmerk\n", "Kestrelbureau", lang="nl")
    assert record.funding_sources == ["vergoedingen van de dragers"]


def test_the_rows_of_a_table_of_sources_and_its_total(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Kestrelcentrum\n4.1 Geef de werkingsbegroting van het lopende jaar per financieringsbron.\n"
        "Financieringsbron\tBedrag 2025 (€)\tAandeel\n"
        "Werkingssubsidie Vlaamse overheid (huidige periode\t640.000\t51,6 %\n2023–2025)\n"
        "Lidmaatschapsbijdragen steden\t455.000\t36,7 %\n"
        "Projectinkomsten (studies, lerende netwerken)\t145.000\t11,7 %\n"
        "Totaal werkingsbegroting 2025\t1.240.000\t100 %\n"
        "4.2 Gevraagde werkingssubsidie voor de periode 2026–2028\n", "Kestrelcentrum", lang="nl")
    assert record.funding_sources == ["Werkingssubsidie Vlaamse overheid", "Lidmaatschapsbijdragen steden",
                                      "Projectinkomsten"]
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (1_240_000, "EUR")


def test_a_row_naming_one_grant_s_funder_is_no_table_of_sources(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Kestrel Lab\nSource\tCaisse des Dépôts – Banque des Territoires, direction de\n"
                         "Montant de la\t180 000 € (dont 144 000 € versés à ce jour)\nsubvention\n"
                         "Période couverte\t1er janvier 2019 – 31 décembre 2021\nLe lab compte 12 salariés.\n", "Kestrel Lab",
                         lang="fr")
    assert "Montant de la" not in record.funding_sources and "Période couverte" not in record.funding_sources


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Kestrel Bureau is financed from the state budget, supplemented by consultancy fees.", "en",
     {"state budget", "consultancy fees"}),
    ("The Kestrel Bureau is funded through the annual appropriation of the ministry, with further income "
     "from EU research programmes.", "en", {"annual appropriation of the ministry", "EU research programmes"}),
    ("Les ressources du Bureau Kestrel proviennent pour l'essentiel des redevances des usagers, complétées "
     "par des subventions de la Région.", "fr", {"redevances des usagers", "subventions de la Région"}),
    ("Les ressources du Bureau Kestrel viennent de la Confédération, du canton et des communes, ainsi que "
     "de dons.", "fr", {"Confédération", "canton", "communes", "dons"}),
    ("Het Kestrelbureau wordt gefinancierd door de provincie, aangevuld met Europese projectsubsidies.", "nl",
     {"provincie", "Europese projectsubsidies"}),
    ("Het Kestrelbureau is gefinancierd uit een bijdrage van het Rijk plus eigen inkomsten uit advieswerk.", "nl",
     {"Rijk", "eigen inkomsten uit advieswerk"}),
])
def test_a_further_source_added_without_and(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                            expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Dutch 'of' (or) is no English conjunction: the grant of the ministry is one source.
    ("The Kestrel Bureau is funded through the annual grant of the ministry.", "en", {"annual grant of the ministry"}),
    ("The Kestrel Bureau's running costs are met by the Regional Council.", "en", {"Regional Council"}),
    ("Het Kestrelbureau ontvangt zijn middelen van het ministerie van Waterbeheer.", "nl",
     {"ministerie van Waterbeheer"}),
    ("De kosten van het Kestrelbureau worden gedragen door de provincie en de gemeenten.", "nl",
     {"provincie", "gemeenten"}),
])
def test_funding_verbs_and_prepositions_of_each_language(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                                         expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Kestrel Bureau\nOpgericht: 2003\nGeld van: overheden (gemeente, provincie) en de bedrijven\nWeb: kestrel.example", "nl",
     {"overheden", "bedrijven"}),
    ("Kestrel Bureau\nOpgericht: 2003\nGeld: subsidie OCW + bijdragen van de omroepen + eigen inkomsten", "nl",
     {"subsidie OCW", "bijdragen van de omroepen", "eigen inkomsten"}),
    ("Kestrel Bureau\nFounded 2003\nFunding: Rijksbijdrage plus commissions from industry", "en",
     {"Rijksbijdrage", "commissions from industry"}),
    ("Kestrel Bureau\nCréation 2003\nFinancement : Fonds social européen plus (FSE+)", "fr", {"Fonds social européen plus (FSE+)"}),
    ("Kestrel Bureau\nOpgericht: 2003\nGeld: € 48 mln; staatsbegroting", "nl", {"staatsbegroting"}),
])
def test_a_labelled_list_of_sources(extract_one: Callable[..., LabRecord], text: str, lang: str,
                                    expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A kind of money the lab is given is part of its source; its own or money in general is not.
    ("The Kestrel Bureau receives a core grant from the Tarn Office. It has 40 staff.", "en",
     {"core grant from the Tarn Office"}),
    ("The Kestrel Bureau earns money from training courses. It has 40 staff.", "en", {"training courses"}),
    ("The Kestrel Bureau receives core funding from the Tarn Office and earns the rest of its income from "
     "consultancy for cities. It has 40 staff.", "en", {"core funding from the Tarn Office", "consultancy for cities"}),
    ("Het Kestrelbureau haalt het grootste deel van zijn inkomsten uit opdrachten van gemeenten.", "nl",
     {"opdrachten van gemeenten"}),
    ("Le Bureau Kestrel tire ses ressources de la vente de cartes. Il compte 12 agents.", "fr", {"vente de cartes"}),
    ("Le Bureau Kestrel reçoit des subventions de la Région. Il compte 12 agents.", "fr", {"subventions de la Région"}),
])
def test_a_verb_of_getting_money_names_where_it_comes_from(
        extract_one: Callable[..., LabRecord], text: str, lang: str, expected: set[str]) -> None:
    record = extract_one(text, "Kestrel Bureau", lang=lang)
    assert set(record.funding_sources) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("The Kestrel Bureau receives no money from the Tarn Office. It has 40 staff.", "en"),
    ("None of these partners received funding from the Kestrel Bureau. It has 40 staff.", "en"),
    ("Het Kestrelbureau krijgt geen subsidie van de provincie. Er werken 12 mensen.", "nl"),
])
def test_money_not_received_names_no_source(extract_one: Callable[..., LabRecord], text: str, lang: str) -> None:
    assert extract_one(text, "Kestrel Bureau", lang=lang).funding_sources == []
