"""Labs first: lab-like names, lab headings and paragraph subjects, on text in nl/en/fr and on
the genre corpus (documents written without reading the rules, tests/fixtures/genres)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.assemble.matching import RecordIdentity, match_records
from extract.pipeline import process_file
from extract.review.evaluate import Evaluation, score_records
from extract.segment.acronyms import defined_acronyms
from extract.segment.lab_names import find_lab_names
from extract.segment.spelling import domain_matches
from extract.settings import Settings

GENRES = Path(__file__).resolve().parents[1] / "fixtures" / "genres"


def names(text: str, lang: str) -> list[str]:
    return [m.name for m in find_lab_names(text, lang)]


def test_names_around_a_head_noun_in_three_languages() -> None:
    assert names("Since 2011 the Public Policy Lab has worked with the Behavioural Insights Team (BIT).", "en") == [
        "Public Policy Lab", "Behavioural Insights Team"]
    assert names("Het Lab van Troje werkt samen met de Kafkabrigade.", "nl") == ["Lab van Troje", "Kafkabrigade"]
    assert names("Le Laboratoire d'innovation urbaine de Montréal (LIUM) a été créé en 2015.", "fr") == [
        "Laboratoire d'innovation urbaine de Montréal"]


def test_a_strong_head_named_by_letters() -> None:
    assert names("Le Lab IA accompagne les administrations ; le Lab-AH aussi.", "fr") == ["Lab IA", "Lab-AH"]
    assert names("LAB LIFE", "en") == []  # a kicker in capitals, not a lab


@pytest.mark.parametrize(("title", "name"), [
    ("Lab portrait: Accelerate Estonia", "Accelerate Estonia"),
    ("In de kijker: Digitaal Vlaanderen", "Digitaal Vlaanderen"),
    ("Case study: Policy Lab", "Policy Lab"),
    ("MindLab: the Danish cross-ministerial unit", "MindLab"),
])
def test_kickers_before_a_name(title: str, name: str) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    lang = "nl" if "kijker" in title else "en"
    assert parse_title(title, lexicon(lang)).name == name


def test_kinds_hosts_and_sentence_openers_are_not_names() -> None:
    assert names("Innovation labs such as an Innovation Lab report to the Ministry of Finance.", "en") == []
    assert names("From 2016 the Lab will focus on two systems. GovTech Labs are spreading.", "en") == []
    assert names("Het Ministerie van Binnenlandse Zaken en de Gemeente Gent betalen.", "nl") == []


def test_acronym_definitions_and_domains() -> None:
    assert defined_acronyms("The Rijks Innovatie Community (RIC) meets monthly.") == [
        ("Rijks Innovatie Community", "RIC", 4)]
    assert domain_matches("Public Policy Lab", "publicpolicylab.org")
    assert domain_matches("GovTech Polska", "www.govtech.gov.pl")
    assert not domain_matches("Behavioural Insights Team", "twitter.com")


def _score(paths: list[Path]) -> tuple[Evaluation, int, int, int]:
    total, paired, gold_n, pred_n = Evaluation(), 0, 0, 0
    for path in paths:
        gold = json.loads((path.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))["records"]
        predicted = [r.model_dump(mode="json") for r in process_file(path, Settings()).records]
        total.add(score_records(gold, predicted, where=path.name))
        paired += sum(1 for g, p in match_records([RecordIdentity.of(g) for g in gold],
                                                      [RecordIdentity.of(p) for p in predicted]) if g is not None and p is not None)
        gold_n, pred_n = gold_n + len(gold), pred_n + len(predicted)
    return total, paired, gold_n, pred_n


# Floors a few points below the figures in benchmarks/README.md (2026-12-04, eleventh session): they catch a change
# that loses labs across genres, not a one-field slip. The second and third sets were written after
# the rules and scored first unseen (0.41, labs 0.60 / 0.71; 0.49, labs 0.82 / 0.78) before rules
# were fixed from them.
@pytest.mark.slow
@pytest.mark.parametrize(("folder", "recall", "precision", "f1"), [
    ("genres", 0.93, 0.93, 0.80),  # 0.85, labs 0.98 / 0.99
    ("genres-heldout", 0.90, 0.90, 0.70),  # 0.78, labs 1.00 / 0.95
    ("genres-heldout3", 0.95, 0.95, 0.78),  # 0.86, labs 1.00 / 1.00
    ("genres-heldout4", 0.93, 0.85, 0.66),  # 0.77, labs 0.97 / 0.93
    ("genres-heldout5", 0.88, 0.88, 0.60),  # 0.76, labs 1.00 / 0.94
    ("genres-heldout6", 0.88, 0.95, 0.66),  # 0.74, labs 0.94 / 1.00 (first look 0.46, labs 0.78 / 0.68)
    ("genres-heldout7", 0.88, 0.75, 0.58),  # 0.67, labs 0.97 / 0.86 (first look 0.40, labs 0.68 / 0.72)
    ("genres-heldout8", 0.85, 0.75, 0.58),  # 0.71, labs 0.96 / 0.86 (first look 0.44, labs 0.62 / 0.57)
    ("genres-heldout9", 0.93, 0.83, 0.70),  # 0.79, labs 1.00 / 0.90 (first look 0.61, labs 0.88 / 0.72)
    ("genres-heldout10", 0.95, 0.92, 0.74),  # 0.80, labs 1.00 / 0.97 (first look 0.64, labs 0.82 / 0.92)
    ("genres-heldout11", 0.95, 0.88, 0.70),  # 0.79, labs 1.00 / 0.97 (first look 0.62, labs 0.96 / 0.53)
    ("genres-heldout12", 0.90, 0.85, 0.66),  # 0.76, labs 0.97 / 0.94 (first look 0.57, labs 0.90 / 0.77)
    ("genres-heldout13", 0.90, 0.80, 0.66),  # 0.75, labs 0.97 / 0.90 (first look 0.59, labs 0.90 / 0.76)
    ("genres-heldout14", 0.93, 0.88, 0.70),  # 0.81, labs 1.00 / 1.00 (first look 0.63, labs 0.93 / 0.82)
    ("genres-heldout15", 0.93, 0.93, 0.72),  # 0.79, labs 1.00 / 1.00 (first look 0.69, labs 0.96 / 0.82)
    ("genres-heldout16", 0.93, 0.85, 0.68),  # 0.76, labs 1.00 / 0.97 (first look 0.57, labs 0.90 / 0.77)
    ("genres-heldout17", 0.95, 0.95, 0.72),  # 0.78, labs 1.00 / 1.00 (first look 0.68, labs 0.97 / 0.94)
    ("genres-heldout18", 0.95, 0.95, 0.65),  # 0.71, labs 1.00 / 1.00 (first look 0.62, labs 0.97 / 0.83)
    ("genres-heldout19", 0.95, 0.95, 0.64),  # 0.70, labs 1.00 / 1.00 (first look 0.52, labs 0.80 / 0.75)
    ("genres-heldout20", 0.90, 0.90, 0.55),  # 0.61, labs 0.93 / 0.93 (first look 0.42, labs 0.73 / 0.81)
    ("genres-heldout21", 0.95, 0.93, 0.64),  # 0.70, labs 1.00 / 0.97 (first look 0.64, labs 0.90 / 0.93)
    ("genres-heldout22", 0.82, 0.93, 0.62),  # 0.68, labs 0.86 / 0.96 (first look 0.64, labs 0.86 / 0.96)
    ("genres-heldout23", 0.58, 0.60, 0.38),  # 0.43, labs 0.62 / 0.64 (first look 0.37, labs 0.55 / 0.59)
    ("genres-heldout24", 0.82, 0.93, 0.55),  # 0.60, labs 0.86 / 0.96 (first look 0.58, labs 0.86 / 0.96)
    ("genres-heldout25", 0.93, 0.85, 0.62),  # 0.68, labs 0.97 / 0.88 (first look 0.66, labs 0.97 / 0.88)
    ("genres-heldout26", 0.85, 0.88, 0.58),  # 0.63, labs 0.89 / 0.93 (first look 0.62, labs 0.89 / 0.93)
    ("genres-heldout27", 0.93, 0.85, 0.65),  # 0.71, labs 0.97 / 0.88 (first look 0.70, labs 0.93 / 0.88)
    ("genres-heldout28", 0.82, 0.76, 0.58),  # 0.64, labs 0.86 / 0.80 (first look 0.62, labs 0.86 / 0.80)
    ("genres-heldout29", 0.82, 0.95, 0.61),  # 0.67, labs 0.87 / 1.00 (first look 0.67, labs 0.87 / 1.00)
    ("genres-heldout30", 0.85, 0.88, 0.59),  # 0.65, labs 0.89 / 0.93 (first look 0.65, labs 0.89 / 0.93)
])
def test_genre_corpora_find_the_labs_and_their_facts(folder: str, recall: float, precision: float, f1: float) -> None:
    root = GENRES.parent / folder
    paths = sorted(p for p in root.glob("*.pdf") if (root / "gold" / f"{p.stem}.json").exists() and "scan" not in p.stem)
    if not paths:
        pytest.skip(f"no {folder} corpus")
    evaluation, paired, gold_n, pred_n = _score(paths)
    assert paired / gold_n >= recall, f"lab recall {paired}/{gold_n}"
    assert paired / pred_n >= precision, f"lab precision {paired}/{pred_n}"
    assert evaluation.overall.f1 >= f1


@pytest.mark.parametrize(("title", "name", "acronym"), [
    ("eWBS — e-Wallonie-Bruxelles Simplification", "e-Wallonie-Bruxelles Simplification", "eWBS"),
    ("Le Bercy Lab", "Bercy Lab", None),
    ("La 27e Région", "La 27e Région", None),
    ("Policy Lab — Université libre de Bruxelles", "Policy Lab", None),
    ("LIOF — Limburg", "LIOF", None),  # a short name, then the region it serves
    ("Incubator for Artificial Intelligence (i.AI)", "Incubator for Artificial Intelligence", "i.AI"),
    ("NYC Service Design Studio (NYC Opportunity)", "NYC Service Design Studio", None),  # where it sits
])
def test_titles_name_the_lab(title: str, name: str, acronym: str | None) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    parts = parse_title(title, lexicon("fr"))
    assert (parts.name, parts.acronym) == (name, acronym)


def test_generic_country_code_domains_name_no_country() -> None:
    from extract.normalize import country_from_url

    assert country_from_url("https://serviceinnovationlab.github.io") is None
    assert country_from_url("https://labcapital.veeduriadistrital.gov.co") == "CO"


def test_french_names_with_articles_and_lower_case_heads() -> None:
    assert names("L'Agence de l'innovation de défense (AID) est créée en 2018.", "fr") == [
        "Agence de l'innovation de défense"]
    assert names("Le pôle Innovation de la DITP a été créé en 2017.", "fr") == ["pôle Innovation de la DITP"]
    assert names("the team Leader said so", "en") == []


def test_headings_that_say_what_they_name() -> None:
    from extract.models import Line
    from extract.rules.lexicon import lexicon
    from extract.segment.lab_headings import heading_lab, looks_like_name
    from extract.segment.lab_index import LabIndex

    lines = [Line(page=1, text="Installée à Bordeaux, La Base accompagne les services de l'État.", bbox=(0, 0, 400, 10))]
    index = LabIndex(lines, [0], "fr")
    entry = heading_lab("La Base, le lab de l'État en Nouvelle-Aquitaine", index)
    assert entry is not None and entry.name == "La Base"
    fresh = LabIndex(lines, [0], "fr")
    assert heading_lab("La Base, pionnière de la région", fresh) is None  # says nothing of what it is
    assert not looks_like_name("Enquête 2021 : les chiffres clés", lexicon("fr"))


def test_an_elided_head_with_a_code() -> None:
    assert names("Le Labo'M21 a été créé en 2013.", "fr") == ["Labo'M21"]
