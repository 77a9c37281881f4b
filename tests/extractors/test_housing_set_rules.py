"""Rules written on held-out set 43 (housing, planning, land registries, youth and sport bodies): a
founding told with a merger, bodies whose members are listed, a staff table, a trading name, a
letterhead's coined acronym, two acronyms in one bracket, a form that says there is no parent, and
prose that names another body's acronym next to the lab."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.segment.acronyms import defined_acronyms


def test_a_merger_dates_the_lab_and_a_staff_table_counts_its_people(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'De stichting ontstond op 23 juni 2006 door een fusie van ...' and 'Het Centrum ... was in 1989
    # opgericht'; 'Tabel 1. Personeel' with 'personen fte' over 'Bureaupersoneel 19 15,9' against
    # '13,6 naar 11,8 fte' of 2011; 'een driehoofdig bestuur'; 'telde ultimo 2016 zeven leden';
    # 'gefinancierd door NOC*NSF en het ministerie van VWS'.
    (record,) = fixture_records("genres-heldout43/nl-annual-report-dopingautoriteit.pdf")
    assert record.founded_year == 2006
    assert record.staff is not None and (record.staff.count, record.staff.unit) == (19, "headcount")
    assert record.governance is not None
    members = {body.name: body.members for body in record.governance.bodies}
    assert members["bestuur"] == 3 and members["statutaire Raad van Advies"] == 7
    assert record.funding_sources[:2] == ["NOC*NSF", "ministerie van VWS"]


def test_listed_members_are_summed_and_a_trading_name_is_the_name(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Sport Wales · Chwaraeon Cymru – the trading name of the Sports Council for Wales'; 'Our Board
    # consists of a Chair, a Vice-Chair and nine other members, drawn from ...'; 'established by
    # Royal Charter' names no parent; the 'Our Board' heading is no lab.
    (record,) = fixture_records("genres-heldout43/en-annual-report-sport-wales.pdf")
    assert record.name == "Sport Wales"
    assert record.governance is not None and record.governance.parent is None
    assert [(b.name, b.members) for b in record.governance.bodies] == [("Board", 11)]
    (cmhc,) = fixture_records("genres-heldout43/en-web-page-cmhc.pdf")
    # 'made up of the Chairperson, the President, the Minister's Deputy Minister, the Deputy
    # Minister of Finance and eight other directors appointed by ... the Governor in Council'.
    assert cmhc.governance is not None
    assert [(b.name, b.members) for b in cmhc.governance.bodies] == [("Board of Directors", 12)]


def test_a_letterhead_site_spelling_a_coined_acronym_and_an_origin_year(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Meadowbank House, ... · www.ros.gov.uk' over a letter from Registers of Scotland (RoS), which
    # 'traces its formal origins to 1617'; 'our Accountable Officer answers to the Scottish
    # Parliament' is a person's superior, not the body's parent.
    (record,) = fixture_records("genres-heldout43/en-letter-ros.pdf")
    assert (record.website, record.founded_year) == ("https://www.ros.gov.uk", 1617)
    assert record.governance is None or record.governance.parent is None


def test_a_foreign_name_after_an_elided_article_and_an_apposed_acronym_after_a_full_stop() -> None:
    # "qui fonde l'Österreichisches Institut für Bautechnik (OIB), créé en 1993. À la différence de son
    # homologue allemand, l'OIB est ...": the elided article's name is spelled with its umlaut, and the
    # apposed acronym after the full stop names nothing.
    text = ("qui fonde l'Österreichisches Institut für Bautechnik (OIB), créé en 1993. À la différence de "
            "son homologue allemand, l'OIB est une association.")
    assert defined_acronyms(text) == [("Österreichisches Institut für Bautechnik", "OIB", 12)]


def test_a_form_that_says_there_is_no_parent_and_an_organ_question(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # '1.7 Ministère de tutelle ou organisme de rattachement' / 's.o. – ...' over '3.2 ... l'OFQJ fait
    # partie depuis 2007 de LOJIQ'; '2.1 Organe de direction (nom, nombre de membres)' / 'Conseil
    # d'administration paritaire de seize membres'.
    (record,) = fixture_records("genres-heldout43/fr-form-ofqj.pdf")
    assert record.governance is not None and record.governance.parent is None
    assert [b.members for b in record.governance.bodies] == [16]
    # '3.1 Governing body (name and number of members)' answers with the Board; '3.2 Are athletes
    # represented on the governing body?' names no body.
    (cces,) = fixture_records("genres-heldout43/en-form-cces.pdf")
    assert cces.governance is not None and [b.name for b in cces.governance.bodies] == ["Board of Directors"]


def test_prose_funding_a_portfolio_and_a_budget_given_as_a_floor(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'fait partie du portefeuille du ministère du Travail'; 'financées en grande partie par les droits
    # et tarifs qu'elle perçoit'.
    (rbq,) = fixture_records("genres-heldout43/fr-letter-rbq.pdf")
    assert rbq.governance is not None and rbq.governance.parent == "ministère du Travail"
    assert rbq.funding_sources == ["droits et tarifs"]
    # 'Elle vit de crédits votés par le Parlement, complétés par les revenus de son portefeuille locatif'.
    (ccn,) = fixture_records("genres-heldout43/fr-prose-plain-ccn.pdf")
    assert ccn.funding_sources == ["crédits votés par le Parlement", "revenus de son portefeuille locatif"]
    # 'a budget of over £740m'; 'constituted under the Housing (Northern Ireland) Order 1981' is a law.
    nihe = fixture_records("genres-heldout43/en-paper-irish-housing-planning.pdf")[0]
    assert nihe.budget is not None and (nihe.budget.amount, nihe.budget.approximate) == (740_000_000, True)
    assert nihe.governance is not None and nihe.governance.parent == "Department for Communities"


def test_a_sentence_about_something_else_opens_on_since_and_a_comparison_names_the_acronym(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Sinds 2022 valt de dienst onder het' / 'Socialdepartementet, ...' is no founding; 'Sinds: naam
    # sinds 2014' dates a name; 350 to 600 million kronen handed out, 'geld dat dus niet voor de eigen
    # werking is bedoeld', is no budget.
    mucf = fixture_records("genres-heldout43/nl-newsletter-jeugdagentschappen.pdf")[0]
    assert (mucf.acronym, mucf.founded_year, mucf.budget) == ("MUCF", None, None)
    # A comparison's column 'BEV (AT)' is the BEV, not the 'Bundesvermessungsamt' its letters also spell.
    records = fixture_records("genres-heldout43/nl-slides-kadaster-oostenrijk-estland.pdf")
    assert [r.name for r in records] == ["Bundesamt für Eich- und Vermessungswesen", "Maa-amet"]
    # A web page's own site, found at its foot, gives its country.
    (wsw,) = fixture_records("genres-heldout43/nl-web-page-wsw.pdf")
    assert (wsw.website, wsw.country) == ("https://www.wsw.nl", "NL")
