"""Staff counts tied to staff nouns in nl/en/fr; never board sizes or counts of other things."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "lang", "count", "approximate", "unit"),
    [
        ("Middelen: Het lab telt 6 medewerkers.", "nl", 6, False, "headcount"),
        ("Middelen: Er werken 14 gedreven vaste medewerkers.", "nl", 14, False, "headcount"),
        ("Middelen: Het centrum heeft 35 werknemers in dienst.", "nl", 35, False, "headcount"),
        ("Middelen: Het kernteam bestaat uit 5 personeelsleden.", "nl", 5, False, "headcount"),
        ("Personeel: 12 VTE", "nl", 12, False, "fte"),
        ("Middelen: We werken met een team van twaalf mensen.", "nl", 12, False, "headcount"),
        ("Middelen: De subsidie dekt de loonkosten van 3 medewerkers.", "nl", 3, False, "headcount"),
        ("Middelen: De dienst heeft ongeveer 180 werknemers.", "nl", 180, True, "headcount"),
        ("Staff: c. 25 FTE", "en", 25, True, "fte"),
        ("Resources: The lab employs 9 full-time staff.", "en", 9, False, "headcount"),
        ("Resources: It runs on a dozen staff and a small budget.", "en", 12, False, "headcount"),
        ("Resources: The team is made up of 7 people.", "en", 7, False, "headcount"),
        ("Moyens : l'équipe compte huit personnes.", "fr", 8, False, "headcount"),
        ("Équipe : 15 collaborateurs", "fr", 15, False, "headcount"),
        ("Moyens : le laboratoire emploie environ 40 salariés.", "fr", 40, True, "headcount"),
        ("Effectif : 6 ETP", "fr", 6, False, "fte"),
        ("Our people: the average number of employees during the year was 43 (2018: 39).", "en", 43, False,
         "headcount"),
        ("Within a year it had grown from 15 people to some 140.", "en", 140, True, "headcount"),
        ("By early 2020 the team numbered around 80.", "en", 80, True, "headcount"),
        ("At its peak the service employed some 850 people.", "en", 850, True, "headcount"),
        ("Environ 100 personnes y travaillent.", "fr", 100, True, "headcount"),
        ("Het team telt een zeventigtal mensen.", "nl", 70, True, "headcount"),
    ],
)
def test_staff_phrasings(extract_one, text, lang, count, approximate, unit):
    staff = extract_one(text, "Testlab", lang=lang).staff
    assert staff is not None
    assert (staff.count, staff.approximate, staff.unit) == (count, approximate, unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Governance: De stuurgroep bestaat uit 9 leden.", "nl"),
        ("Governance: The board has 11 members.", "en"),
        ("Gouvernance : un comité de pilotage composé de sept membres.", "fr"),
        ("Rol: Het lab voerde 40 projecten uit met 12 departementen.", "nl"),
        ("Role: The lab reached 5000 people with its campaigns.", "en"),
        ("Rôle : le réseau fédère 18 laboratoires et forme 300 agents par an.", "fr"),
    ],
)
def test_not_staff(extract_one, text, lang):
    assert extract_one(text, "Testlab", lang=lang).staff is None


def test_staff_next_to_board_size(extract_one):
    text = ("Middelen: Het lab heeft 8 medewerkers.\n"
            "Governance: De raad van bestuur telt 11 leden en vergadert vier keer per jaar.")
    record = extract_one(text, "Testlab", lang="nl")
    assert record.staff.count == 8
    assert record.governance.bodies[0].members == 11


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [("Role: Eight people work at the lab.", "en", 8), ("Rol: Er zijn 11 mensen werkzaam in het lab.", "nl", 11),
     ("Rôle : 6 personnes travaillent au laboratoire.", "fr", 6)],
)
def test_people_who_work_there(extract_one, text, lang, count):
    assert extract_one(text, "Lab", lang=lang).staff.count == count


def test_people_in_the_resources_block(extract_one):
    staff = extract_one("Moyens : budget non communiqué ; une douzaine de personnes.", "Atelier", lang="fr").staff
    assert (staff.count, staff.approximate) == (12, True)


def test_board_experts_are_not_staff(extract_one):
    text = ("Middelen: Het personeel bestaat uit 8 vaste krachten.\n"
            "Governance: Een Raad van Advies met 5 externe experts geeft advies.")
    record = extract_one(text, "Lab", lang="nl")
    assert record.staff.count == 8
    assert [(b.name, b.members) for b in record.governance.bodies] == [("Raad van Advies", 5)]


def test_headcount_of(extract_one):
    assert extract_one("Resources: The unit has a headcount of 15.", "Unit", lang="en").staff.count == 15


def test_civil_servants_count_as_staff() -> None:
    from extract.pipeline import process_text

    text = ("1. Example Policy Lab, Estonia\nWebsite: www.example.ee\n"
            "Resources: budget not disclosed; five civil servants work for the lab full time.\n")
    (record,) = process_text(text).records
    assert record.staff is not None and record.staff.count == 5


@pytest.mark.parametrize(("line", "count"), [
    ("Staff: Employees at 31 December 372 (2022: 351)", 372),
    ("Medewerkers per 31 december: 96 (2022: 88)", 96),
])
def test_a_staff_count_on_a_date_is_the_count_not_the_day(line: str, count: int) -> None:
    from extract.pipeline import process_text

    (record,) = process_text(f"1. Example Digital Office\nWebsite: www.example.gov\n{line}\n").records
    assert record.staff is not None and record.staff.count == count
