"""Names as the seventeenth genre set writes them (invented names): a head noun with two coordinated
complements, a short form that the full name runs on from, a short name given in brackets, a chapter
'About the X', a signature line naming the signer's employer, and a meeting's 'Divers'
item."""

from __future__ import annotations

from index_helpers import index_of, records_of
from layout_boxes import FlowBuilder


def _names(title: str, *paragraphs: list[str], headed: dict[int, str] | None = None) -> list[str | None]:
    flow = FlowBuilder()
    flow.line(title, 14, bold=True)
    for k, lines in enumerate(paragraphs):
        flow.paragraph(lines, heading=(headed or {}).get(k))
    return [r.name for r in records_of(flow)]


def test_a_head_with_two_coordinated_complements_keeps_both() -> None:
    flow = FlowBuilder()
    flow.paragraph(["The Centre for Harbour and Lighthouse Renewal was set up in 2011 by the port authority.",
                    "The Office for Quays and Docks joined it later."])
    names = [e.name for e in index_of(flow, "en").entries]
    assert "Centre for Harbour and Lighthouse Renewal" in names
    assert "Office for Quays and Docks" in names


def test_a_short_form_runs_on_into_the_full_name() -> None:
    names = _names("Letter of support: a shared front door for council services",
                   ["I write on behalf of the Data Office for Northern Harbour Councils to support the bid.",
                    "The Data Office was formed in 2016, after the councils agreed a joint strategy.",
                    "The Data Office is paid for by the councils through annual subscriptions."])
    assert names == ["Data Office for Northern Harbour Councils"]


def test_a_short_name_in_brackets_and_an_about_chapter_are_the_same_lab() -> None:
    names = _names(
        "Centre for Harbour and Lighthouse Renewal (Harbour Renewal Centre) · Report to the Council",
        ["This report covers two years in which the Renewal Centre continued its work on the quays."],
        ["Director, Centre for Harbour and Lighthouse Renewal", "Deputy Head, Port Authority of Zorvex (PAZ)"],
        ["The Centre for Harbour and Lighthouse Renewal was set up in 2011. The Centre is part of the",
         "Port Authority of Zorvex (PAZ). It has 24 staff."],
        ["The PAZ granted the Harbour Renewal Centre EUR 3 million a year for its programme."],
        headed={2: "1. About the Harbour Renewal Centre", 3: "2. Funding"})
    assert names == ["Centre for Harbour and Lighthouse Renewal"]


def test_a_meeting_s_other_business_is_no_lab() -> None:
    names = _names("Procès-verbal de la commission",
                   ["Le Zorvex Lab, créé en 2019, compte douze agents et un budget de 300 000 euros."],
                   ["La Zorvex Agence, créée en 2015, compte trente agents."],
                   ["Aucun point n'est soulevé. La séance est levée à 19 h."],
                   headed={0: "2. Présentation du Zorvex Lab", 1: "3. Présentation de la Zorvex Agence",
                           2: "4. Divers"})
    assert "Divers" not in names


def test_a_slide_titled_by_a_host_shaped_name_opens_its_section() -> None:
    flow = FlowBuilder()
    flow.line("L'État — la SGZ", 26, bold=True)
    flow.paragraph(["• Secretaría General de Zorvex Digital (SGZ) : la direction du numérique de l'État",
                    "• Relève du ministère de la Transformation numérique", "• Portail : zorvex.gob.es"])
    flow.new_page()
    flow.line("Zorvex.es", 26, bold=True)
    flow.paragraph(["Nature : entité publique à caractère d'entreprise", "Ressources : recettes du registre .es ; "
                    "fonds européens (FEDER, plan de relance)", "Site : zorvex.es"])
    records = records_of(flow)
    assert [r.name for r in records] == ["Secretaría General de Zorvex Digital", "Zorvex.es"]
    assert records[1].funding_sources == ["recettes du registre .es", "fonds européens (FEDER, plan de relance)"]


def test_who_created_a_series_of_units_is_not_one_of_them() -> None:
    flow = FlowBuilder()
    flow.paragraph(["Abstract — Since 2015 the Zorvex Department of Harbours has created a series of small units",
                    "meant to bring commercial software practices into the navy."])
    entry = index_of(flow, "en").lookup("Zorvex Department of Harbours")
    assert entry is None or not entry.as_subject  # the agent of the founding, not what was founded


def test_a_place_then_a_lower_case_name_is_a_lab_heading_like_its_siblings() -> None:
    flow = FlowBuilder()
    for title, lines in (("Australië — Zorvex Health Agency", ["• Opgericht in 2016 als agentschap van de federale",
                                                                "overheid", "• Circa 300 medewerkers"]),
                         ("Engeland — ZHX", ["• Opgericht in juli 2019 als eenheid van het ministerie",
                                             "• Archiefsite: zhx.nhs.uk"]),
                         ("Duitsland — zorvetik", ["• zorvetik GmbH: opgericht in 2005 door de koepels van artsen",
                                                  "• Sinds 2019 is het Bundesministerium für Zorvex (BMZ) eigenaar",
                                                  "• zorvetik.de"])):
        flow.line(title, 26, bold=True)
        flow.paragraph(lines)
        flow.new_page()
    records = records_of(flow)
    assert [r.name for r in records] == ["Zorvex Health Agency", "ZHX", "zorvetik"]
    assert records[2].founded_year == 2005


def test_a_name_and_its_city_is_the_lab_the_bare_name_stands_for() -> None:
    names = _names("Stedelijke diensten — nieuwsbrief",
                   ["De Zorvexagentur Wien is het economisch agentschap van de stad Wenen. Het werd in 1982",
                    "opgericht en telt ongeveer 200 medewerkers. De Zorvexagentur financiert start-ups."],
                   ["Helsinki Zorvex Partners werd in 2021 opgericht door de stad Helsinki. Het telt 60 mensen."],
                   headed={0: "Wenen: de Zorvexagentur", 1: "Helsinki: Helsinki Zorvex Partners"})
    assert names[0] == "Zorvexagentur Wien"


def test_a_report_titled_by_its_kind_and_year_is_the_lab_s_named_under_it() -> None:
    flow = FlowBuilder()
    flow.line("Activiteitenverslag 2024", 16, bold=True)
    flow.paragraph(["zorvex.brussels Brussels Zorvexbureau · Kennis en planning voor het Gewest"])
    flow.paragraph(["Een jaar met verkiezingen is voor zorvex.brussels een jaar van balans. Het Zorvex Instituut",
                    "voor Statistiek (ZIS) publiceerde de cijfers. zorvex.brussels telt 140 medewerkers en",
                    "werd opgericht in 2015. Meer op zorvex.brussels."])
    assert [r.name for r in records_of(flow)] == ["zorvex.brussels"]
