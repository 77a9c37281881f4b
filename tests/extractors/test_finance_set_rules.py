"""Rules written on held-out set 38 (public finance, tax, customs, pensions, supervision): a key-facts
box whose values wrap, a French name after 'de l'', a place before a lower-case name, an official
name with its short name in brackets, an article that gives an acronym its first letter."""

from __future__ import annotations

from pathlib import Path

from extract.extractors.label_blocks import find_blocks
from extract.extractors.parents import trim_parent
from extract.models import Line
from extract.pipeline import process_file
from extract.rules.lexicon import lexicon
from extract.segment.acronyms import defined_acronyms
from extract.segment.spelled_names import spelled_name
from extract.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout38"


def test_a_key_facts_box_with_wrapped_values_is_one_lab_s_facts() -> None:
    # 'Nom | Fonds de garantie des dépôts / Luxembourg (FGDL)', 'Création | article 154 de la loi du 18 /
    # décembre 2015', 'Statut | ...', 'Organe | ...' beside a table of meeting dates: not a table of
    # labs named 'Création', 'Statut' and 'Organe'.
    records = process_file(FIXTURES / "fr-newsletter-garantie-depots.pdf", Settings()).records
    assert {(r.name, r.acronym) for r in records} == {
        ("Fonds de garantie des dépôts et de résolution", "FGDR"),
        ("Fonds de garantie des dépôts Luxembourg", "FGDL")}


def test_a_key_facts_row_of_an_unknown_key_ends_the_labelled_value_above() -> None:
    lines = [Line(page=1, text=t, bbox=(0.0, 0.0, 1.0, 1.0), role="table") for t in [
        "Funding: council budget, plus project funding", "Local boards we work with: Manurewa, Papakura"]]
    starts = [0, len(lines[0].text) + 1]
    text = "\n".join(line.text for line in lines)
    (block,) = find_blocks(lines, starts, text)
    assert text[block.value_start:block.end].strip() == "council budget, plus project funding"


def test_a_french_name_after_de_l_is_defined_by_its_acronym_unless_it_hosts() -> None:
    assert [(n, a) for n, a, _ in defined_acronyms(
        "C'est l'acte de naissance de l'Administration fédérale des contributions (AFC). Ses tâches")] == [
        ("Administration fédérale des contributions", "AFC")]
    assert defined_acronyms("il fait partie de l'Office de la Transition Verte (OTV).") == []


def test_a_place_then_a_lower_case_name_the_text_defines_heads_that_lab_s_chapter() -> None:
    # '3. France : la direction générale des douanes et droits indirects' over 'La direction générale
    # ... (DGDDI) est ...'; '1. Suisse : l'Administration fédérale des contributions' over '... de
    # l'Administration fédérale des contributions (AFC)'.
    records = process_file(FIXTURES / "fr-paper-administrations-fiscales.pdf", Settings()).records
    assert {r.name for r in records} == {
        "Administration fédérale des contributions", "Administration des contributions directes",
        "direction générale des douanes et droits indirects"}


def test_a_parent_ends_where_a_verb_follows_and_not_at_the_first_and() -> None:
    assert trim_parent("ministère chargé du budget et des comptes publics et a son siège à Montreuil",
                       lexicon("fr")) == "ministère chargé du budget et des comptes publics"


def test_an_official_name_with_the_short_name_in_brackets_names_the_lab() -> None:
    # 'la Loterie Romande, de son nom officiel Société de la Loterie de la Suisse Romande (LoRo)'.
    records = process_file(FIXTURES / "fr-prose-plain-loteries.pdf", Settings()).records
    assert ("Société de la Loterie de la Suisse Romande", "LoRo") in {(r.name, r.acronym) for r in records}


def test_an_article_that_gives_the_acronym_its_first_letter_is_part_of_the_name() -> None:
    text = "Wie let daarop? Dat is De Nederlandsche Bank. DNB werd in 1814 opgericht."
    assert spelled_name("DNB", text) == "De Nederlandsche Bank"


def test_a_plural_acronym_names_several_bodies_not_a_lab() -> None:
    # 'Back to basics: the three ESAs' over 'The European Supervisory Authorities – the ESAs – were set
    # up ...', then one heading per authority.
    records = process_file(FIXTURES / "en-newsletter-european-supervisors.pdf", Settings()).records
    assert {r.acronym for r in records} == {"EBA", "ESMA", "EIOPA"}


def test_a_city_after_sits_in_is_where_a_lab_is_not_its_parent() -> None:
    # '... (EIOPA) was established by Regulation (EU) No 1094/2010 ..., and sits in Frankfurt am Main.'
    records = process_file(FIXTURES / "en-newsletter-european-supervisors.pdf", Settings()).records
    assert all(r.governance is None or r.governance.parent != "Frankfurt" for r in records)


def _budget_of(path: Path, name: str) -> float | None:
    record = next(r for r in process_file(path, Settings()).records if r.name == name)
    return record.budget.amount if record.budget else None


def test_an_amount_the_text_says_is_no_budget_is_not_the_budget() -> None:
    # '... ex ante funding stood at about $4.2 billion, ...; this fund is held to protect depositors
    # and is not an operating budget.'
    assert _budget_of(FIXTURES / "en-form-cdic.pdf", "Canada Deposit Insurance Corporation") is None
    # '... atteignaient 3 131 millions d'euros : ce sont des réserves ..., pas un budget de fonctionnement.'
    assert _budget_of(FIXTURES / "fr-newsletter-garantie-depots.pdf",
                      "Fonds de garantie des dépôts et de résolution") is None


def test_a_disclaimer_about_another_amount_leaves_the_budget_before_it() -> None:
    # 'son budget annuel, d'environ 3,2 milliards de francs CFA, provient ... de l'État. C'est elle qui
    # ... pilote aussi ... le projet e-Burkina, doté d'environ 20 millions de dollars sur cinq ans, qui
    # n'entre pas dans son budget de fonctionnement.'
    path = FIXTURES.parent / "genres-heldout5" / "fr-prose-plain-agences-numeriques-afrique.pdf"
    name = "Agence nationale de promotion des technologies de l'information et de la communication"
    assert _budget_of(path, name) == 3_200_000_000


def test_what_a_lab_pays_out_is_not_its_budget() -> None:
    # '... la totalité de ses profits revient au gouvernement, qui en a reçu 1 202 millions de dollars
    # en dividende pour l'exercice 2015-2016.'
    assert _budget_of(FIXTURES / "fr-prose-plain-loteries.pdf", "Loto-Québec") is None
