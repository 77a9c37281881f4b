"""A comparison that titles its chapters by place ('2. Norway: a register town') is about the lab each
chapter's first sentence opens with, named before or not, with or without a head noun; a chapter
that opens with something else, or whose heading is no place, is left to the other rules."""

from __future__ import annotations

from flows import section_titles
from layout_boxes import FlowBuilder


def _comparison(chapters: list[tuple[str, list[str]]]) -> FlowBuilder:
    flow = FlowBuilder()
    flow.line("Who pays for the land register? Three models compared", 18, bold=True)
    flow.paragraph(heading="1. Introduction", lines=[
        "Land registers are paid for in different ways. We compare three operators that are rarely",
        "compared: Kartverkstad, Deedhall and the register of Singapore."])
    for heading, lines in chapters:
        flow.paragraph(heading=heading, lines=lines)
    flow.paragraph(heading="5. Discussion", lines=[
        "Fee funding makes it easier to invest, but checks on filings sit uneasily with it."])
    return flow


def test_place_chapters_take_the_name_their_first_sentence_opens_with() -> None:
    flow = _comparison([
        ("2. Norway: a register town", [
            "Kartverkstad has run the land register from a small coastal town since 1987. It is a",
            "directorate under the ministry and employs roughly 410 people."]),
        ("3. The United Kingdom: from ledger to gatekeeper", [
            "Deedhall is the oldest of the three. It was set up in 1862 and employs 1,120 people;",
            "Deedhall spent GBP 84 million in 2023."]),
        ("4. Singapore: a register that pays for itself", [
            "The Lowland Survey Authority came into being on 1 April 2006 by a merger. It employs",
            "about 220 officers and spent SGD 61 million in 2023."]),
    ])
    titles = section_titles(flow)
    assert titles[:3] == ["Kartverkstad, Norway", "Deedhall, United Kingdom", "Lowland Survey Authority, Singapore"]


def test_a_place_chapter_that_opens_with_something_else_is_not_renamed() -> None:
    flow = _comparison([
        ("2. Norway: a register town", [
            "In the north, the ministry asked Kartverkstad to keep the register from 1987 on. It",
            "employs roughly 410 people."]),
        ("3. Chile: a register town", [
            "Kartverkstad is the model others copy. Its staff of 410 run the register."]),
    ])
    assert "Kartverkstad, Norway" not in section_titles(flow)


def test_a_name_the_heading_already_gives_keeps_the_heading() -> None:
    flow = _comparison([
        ("2. Norway: Kartverkstad, the register town", [
            "Kartverkstad has run the land register from a small coastal town since 1987. It is a",
            "directorate under the ministry and employs roughly 410 people."]),
    ])
    assert "Kartverkstad, Norway" not in section_titles(flow)


def test_a_place_chapter_that_describes_its_lab_then_says_the_name_it_goes_by() -> None:
    flow = _comparison([
        ("2. Germany: a project group at the centre", [
            "The German unit has no acronym and goes by the title of the work programme it was given:",
            "Klar Regieren (roughly, 'governing clearly'). It was set up in 2015 and counts eight staff."]),
        ("3. Chile: an office of its own", [
            "The Kartverkstad Office was set up in 2016 inside the ministry. It employs 30 people."]),
    ])
    assert section_titles(flow)[:2] == ["Klar Regieren, Germany", "Kartverkstad Office, Chile"]


def test_an_introduction_and_a_comparison_are_the_report_s_own_chapters() -> None:
    flow = FlowBuilder()
    flow.line("Small units, big claims", 18, bold=True)
    flow.paragraph(heading="1 Introduction", lines=[
        "Since the Kestrel Insights Team (KIT) left the cabinet office in 2014, units like it have",
        "multiplied. None of our cases is a copy of KIT."])
    flow.paragraph(heading="2 Norway: an office that sends invoices", lines=[
        "The Tern Evaluation Office (TEO) was set up in 2015. It employs about 30 people and spends",
        "about NOK 60 million a year."])
    flow.paragraph(heading="3 Chile: a laboratory in a ministry", lines=[
        "The Harbour Education Lab (HEL) opened in 2014 in the ministry of education. It has 12 staff."])
    flow.paragraph(heading="4 Comparison", lines=[
        "The Tern office spends NOK 60 million a year, the Harbour lab about EUR 0.6 million; both",
        "publish their null results."])
    titles = section_titles(flow)
    assert not any("Kestrel" in (t or "") or "Comparison" in (t or "") for t in titles)
    assert len(titles) == 2


def test_a_place_chapter_opening_with_a_scene_takes_the_lab_it_names_with_its_acronym() -> None:
    flow = FlowBuilder()
    flow.line("Expérimenter dans la rue : trois bureaux urbains", 18, bold=True)
    flow.paragraph(heading="1. Introduction", lines=[
        "Nous comparons trois structures municipales créées vers 2014 : Tern&Co, un bureau disparu",
        "et un petit laboratoire."])
    flow.paragraph(heading="2. Paris : une agence qui héberge la ville", lines=[
        "Tern&Co se présente comme l'agence d'innovation de la capitale. Elle emploie environ 90",
        "salariés et son budget 2023 s'établit à 11,6 M€. Tern&Co n'est pas un service de la Ville."])
    flow.paragraph(heading="3. Montréal : un bureau rattaché à la direction générale", lines=[
        "À Montréal, la stratégie numérique adoptée en 2014 a conduit à la création du Bureau de la",
        "donnée ouverte (BDO). Le BDO a compté une vingtaine d'employés et 4,6 M$ par an."])
    flow.paragraph(heading="4. São Paulo : un laboratoire dans un secrétariat", lines=[
        "Le Laboratoire Kestrel de la mobilité (LKM) a été créé en 2014 au sein du secrétariat",
        "municipal des transports. Il compte douze personnes."])
    titles = section_titles(flow)
    assert titles[:3] == ["Tern&Co, Paris", "Bureau de la donnée ouverte (BDO), Montréal",
                          "Laboratoire Kestrel de la mobilité (LKM), São Paulo"]
