"""Rules written on held-out set 48 (prison and probation services, national archives, foreign-policy
institutes): a body of a lab is no name of the lab ('University College of Norwegian Correctional
Service'); an English name glossed by the body's own one-word name; a native name and its acronym
set off by dashes; a full name before 'en abrégé'; an acronym in a title that is no country ('(AE)');
'Today' before a subject; a site that spells another lab of the document; a portal page down to the
lab's own segment; a form's question is no body; staff figures a text disclaims; a table's whole-lab
staff row; 'depuis' after a parent; a name's date is no founding; 'In Hoogstraten' is no lab."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.rules.lexicon import lexicon
from extract.segment.acronyms import defined_acronyms
from extract.segment.titles import parse_title


def _defined(text: str) -> list[tuple[str, str]]:
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


def test_a_native_name_and_its_acronym_set_off_by_dashes() -> None:
    assert _defined("The Norwegian Institute of International Affairs – Norsk utenrikspolitisk institutt, "
                    "NUPI – was established by the Storting") == [
        ("Norsk utenrikspolitisk institutt", "NUPI"), ("Norwegian Institute of International Affairs", "NUPI")]
    # Bracketed, the name the text uses comes first, as before.
    assert _defined("Statistics Norway (Statistisk sentralbyrå, SSB) is")[0] == ("Statistics Norway", "SSB")
    assert _defined("Our partners – Sitra, Tekes – agreed") == []


def test_a_titles_two_letters_that_spell_the_name_are_its_acronym() -> None:
    parts = parse_title("Archives générales du Royaume et Archives de l'État dans les Provinces (AE)", lexicon("fr"))
    assert (parts.acronym, parts.country) == ("AE", None)
    assert parse_title("NIA (KR)", lexicon("en")).country == "KR"
    assert parse_title("Directoraat-generaal Penitentiaire Inrichtingen (DG EPI)", lexicon("nl")).acronym == "DG EPI"


def test_an_annual_report_under_the_bodys_own_name(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'The Norwegian Correctional Service (Kriminalomsorgen)'; its directorate and its college (KRUS)
    # are bodies of the service, not the service; 'Employees, whole service  4,481'.
    (service,) = fixture_records("genres-heldout48/en-annual-report-kriminalomsorgen.pdf")
    assert (service.name, service.acronym, service.website) == (
        "Kriminalomsorgen", None, "https://www.kriminalomsorgen.no")
    assert service.staff is not None and service.staff.count == 4481


def test_a_letter_that_shortens_its_senders_name(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '... – en abrégé les Archives de l'État (AE) –'; 'quelque 225 personnes ... Ce chiffre ne vaut
    # que pour le site de Bruxelles'.
    (archives,) = fixture_records("genres-heldout48/fr-letter-archives-etat.pdf")
    assert (archives.name, archives.acronym, archives.country, archives.website) == (
        "Archives générales du Royaume et Archives de l'État dans les Provinces", "AE", "BE", "https://www.arch.be")
    assert archives.staff is None


def test_an_essay_on_one_archive_beside_another(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Today Kansallisarkisto is ...'; 'kansallisarkisto.fi' at the end of the Swedish paragraph is
    # the Finnish archive's site.
    records = {r.name: r for r in fixture_records("genres-heldout48/en-prose-plain-kansallisarkisto.pdf")}
    assert records["Kansallisarkisto"].website == "https://kansallisarkisto.fi"
    assert all(r.website is None for name, r in records.items() if name != "Kansallisarkisto")


def test_a_form_and_a_portal_page(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    (fiia,) = fixture_records("genres-heldout48/en-form-fiia.pdf")
    assert fiia.governance is not None
    # 'A2.1 Governing board (name, number of members, appointed by)' asks; the answer names the Board.
    assert [(b.name, b.members) for b in fiia.governance.bodies][:1] == [("Board", 9)]
    assert all("A2" not in b.name for b in fiia.governance.bodies)
    (hmpps,) = fixture_records("genres-heldout48/en-web-page-hmpps.pdf")
    assert hmpps.website == "https://www.gov.uk/government/organisations/hm-prison-and-probation-service"


def test_a_newsletter_on_two_schools(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    records = {r.acronym: r for r in fixture_records("genres-heldout48/fr-newsletter-maisons-justice-enap.pdf")}
    # 'France : l'Énap' over "L'École nationale d'administration pénitentiaire forme ...".
    enap = records["Énap"]
    assert enap.name == "École nationale d'administration pénitentiaire"
    # '354 millions de francs – une dépense ... qui n'a rien à voir avec son budget annuel'.
    assert enap.budget is not None and (enap.budget.amount, enap.budget.currency) == (32_000_000, "EUR")
    assert enap.staff is not None and enap.staff.count == 251  # '251 personnels'
    assert records["AGMJ"].staff is not None and records["AGMJ"].staff.count == 670  # '670 membres du personnel'


def test_an_annual_report_of_a_directorate_general(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'In Hoogstraten werd de eerste vrouwenafdeling ... geopend' names no lab; 'een van de
    # directoraten-generaal van de FOD Justitie'.
    (dg,) = fixture_records("genres-heldout48/nl-annual-report-dg-epi.pdf")
    assert (dg.acronym, dg.website) == ("DG EPI", "https://justitie.belgium.be")
    assert dg.governance is not None and dg.governance.parent == "FOD Justitie"


def test_facts_of_letters_slides_and_newsletters(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    (clingendael,) = fixture_records("genres-heldout48/nl-letter-clingendael.pdf")
    assert clingendael.staff is None  # '43 mensen ... Die cijfers zijn ... achterhaald'
    assert "onderzoeksopdrachten" in clingendael.funding_sources  # 'verdienen wij ons geld met'
    records = {r.acronym: r for r in fixture_records("genres-heldout48/nl-slides-dji-reclassering.pdf")}
    dji = records["DJI"]
    # 'Status  agentschap van het ministerie van Justitie en Veiligheid' over the next row 'Omvang'.
    assert dji.governance is not None and dji.governance.parent == "ministerie van Justitie en Veiligheid"
    ui = {r.acronym: r for r in fixture_records("genres-heldout48/nl-newsletter-diplomatieke-instituten.pdf")}["UI"]
    assert ui.founded_year == 1938  # 'de huidige naam dateert van 1940'
    (egmont,) = fixture_records("genres-heldout48/fr-web-page-egmont.pdf")  # not 'Louis Michel, l'Institut a été'
    # A ministry named by its acronym and portfolios is one source; 'bénéficie ... de financements des ...'.
    assert egmont.funding_sources[:2] == [
        "SPF Affaires étrangères, Commerce extérieur et Coopération au développement", "institutions de l'Union européenne"]
    papers = {r.acronym: r for r in fixture_records("genres-heldout48/fr-paper-archives-nationales-anlux.pdf")}
    french = next(r for r in papers.values() if r.name == "Archives nationales")
    assert french.governance is not None and french.governance.parent == "ministère de la Culture"
    assert french.website is None  # anlux.public.lu is the Luxembourg archives'


def test_a_date_that_closes_the_founding_clause() -> None:
    from extract.pipeline import process_text

    # After a comma and a time preposition, the year closes the founding's clause, however the place
    # and the period before it run on.
    text = ("Archilab\n\nLes Archives de Archilab ont été créées à Bruxelles pendant la période autrichienne, "
            "en 1773.\n\nWeb archilab.example\n")
    assert [r.founded_year for r in process_text(text).records] == [1773]
    text = ("Harbourlab\n\nHarbourlab was set up by the city council with help from two universities, in 2015."
            "\n\nWeb harbourlab.example\n")
    assert [r.founded_year for r in process_text(text).records] == [2015]
