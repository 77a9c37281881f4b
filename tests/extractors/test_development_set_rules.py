"""Rules written on held-out set 45 (defence procurement and research, development aid and
development finance): acronyms made of word starts ('Norad', 'Sida'), set off by dashes, said to
come from another language or given by a known-as clause; a native name glossed in English; a
letterhead spelling out the acronym the letter uses; a company's fuller legal name; questionnaire
codes ('B1.4'); a renamed body spelled by one acronym; and facts: capital is no budget, a
headquarters count is part of the staff, a delegate's body is no body of the lab, the next answer
counts a named body, a relation told of the lab beats one told of something else."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.segment.acronyms import defined_acronyms
from extract.segment.spelled_names import spelled_name


def _defined(text: str) -> list[tuple[str, str]]:
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


def test_acronyms_made_of_word_starts_set_off_or_said_to_be_foreign() -> None:
    assert _defined("The Norwegian Agency for Development Cooperation (Norad) was established in 1968.") == [
        ("Norwegian Agency for Development Cooperation", "Norad")]
    assert _defined("The Norwegian Investment Fund for Developing Countries – Norfund – is a company.") == [
        ("Norwegian Investment Fund for Developing Countries", "Norfund")]
    assert _defined("The Organisation for Joint Armament Cooperation (OCCAR, from the French Organisation "
                    "Conjointe de Coopération en matière d'Armement) was set up in 1996.") == [
        ("Organisation for Joint Armament Cooperation", "OCCAR")]
    assert _defined("Lux-Development S.A., plus connue sous le nom de LuxDev, est l'agence luxembourgeoise.") == [
        ("Lux-Development S.A.", "LuxDev")]
    assert _defined("het Totalförsvarets forskningsinstitut, kortweg FOI. De naam zegt al veel.") == [
        ("Totalförsvarets forskningsinstitut", "FOI")]
    assert _defined("BIO – Belgische Investeringsmaatschappij voor Ontwikkelingslanden NV") == [
        ("Belgische Investeringsmaatschappij voor Ontwikkelingslanden NV", "BIO")]
    # Not a place in brackets, not the acronym spelling itself, not capitals read as word starts.
    assert _defined("the Agence du numérique (Paris) said") == []
    assert not any(name.startswith("Justid") for name, _ in _defined(
        "Over Justid Organisatie Organisatie De Justitiële Informatiedienst (Justid) zorgt"))
    assert _defined("La Loi sur l'approvisionnement en électricité (LApEl) est entrée en vigueur") == []


def test_a_native_name_glossed_in_english_comes_first() -> None:
    text = ("Styrelsen för internationellt utvecklingssamarbete – the Swedish International Development "
            "Cooperation Agency (Sida) – is the government agency that manages most of Sweden's aid.")
    assert _defined(text)[0] == ("Styrelsen för internationellt utvecklingssamarbete", "Sida")
    # A phrase of the text's own before the gloss is no name.
    assert _defined("We met. Our partners – the Swedish International Development Cooperation Agency (Sida) – "
                    "is here.") == [("Swedish International Development Cooperation Agency", "Sida")]


def test_a_web_page_and_a_letter_about_one_body_named_in_full(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'This is Sida' is the page's title, not a second lab; 'Reports to Ministry for Foreign Affairs'
    # over the heading 'Scrutiny' ends at its line.
    (sida,) = fixture_records("genres-heldout45/en-web-page-sida.pdf")
    assert (sida.name, sida.acronym) == ("Styrelsen för internationellt utvecklingssamarbete", "Sida")
    assert sida.governance is not None and sida.governance.parent == "Ministry for Foreign Affairs"
    # The letterhead 'BIO – Belgische ... NV' names the BIO of the letter; 'Het startkapitaal bedroeg
    # 5.000.000 euro' is no budget; 'beslist onze raad van bestuur' is its board.
    (bio,) = fixture_records("genres-heldout45/nl-letter-bio.pdf")
    assert (bio.name, bio.acronym) == ("Belgische Investeringsmaatschappij voor Ontwikkelingslanden NV", "BIO")
    assert bio.budget is None
    assert bio.governance is not None and [b.name.lower() for b in bio.governance.bodies] == ["raad van bestuur"]


def test_a_fuller_legal_name_and_a_defined_name_in_a_paper(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Today it operates as Swedfund International AB, a limited company wholly owned by the Swedish
    # state': its name; 'the Swedish state' gives no parent 'Swedish'.
    records = {r.acronym or r.name: r for r in fixture_records("genres-heldout45/en-paper-nordic-dfis.pdf")}
    assert set(records) == {"Norfund", "Swedfund International AB"}
    assert records["Norfund"].name == "Norwegian Investment Fund for Developing Countries"
    swedfund = records["Swedfund International AB"]
    assert swedfund.governance is None or swedfund.governance.parent != "Swedish"


def test_a_questionnaire_coded_b1_4_and_its_answers(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'B1. Identification' over 'B1.1 Full name of the organisation'; 'B1.7 Supervising authority' /
    # 'The Agency acts under the authority and political supervision of the Council of the European
    # Union'; 'a representative of the European Commission' sits on the Steering Board.
    (eda,) = fixture_records("genres-heldout45/en-form-eda.pdf")
    assert (eda.name, eda.acronym, eda.country) == ("European Defence Agency", "EDA", "BE")
    assert (eda.website, eda.founded_year) == ("https://www.eda.europa.eu", 2004)
    assert eda.governance is not None and eda.governance.parent == "Council of the European Union"
    assert [b.name for b in eda.governance.bodies] == ["Steering Board"]


def test_the_next_answer_counts_the_body_the_last_one_named(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'A8 Name of the governing or decision-making body' / 'the Commission', then 'A9 Number of
    # members of that body' / '3 commissioners, one of whom is appointed chairperson'.
    (comreg,) = fixture_records("genres-heldout34/en-form-comreg.pdf")
    assert comreg.governance is not None
    assert [(b.name, b.members) for b in comreg.governance.bodies] == [("Commission", 3)]


def test_a_renamed_body_spelled_by_its_acronym_and_its_headquarters_staff(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    text = ("L'Office national d'études et de recherches aéronautiques est créé en mai 1946. En 1963, "
            "l'Office devient l'Office national d'études et de recherches aérospatiales, sans changer de sigle.")
    assert spelled_name("ONERA", text) == "Office national d'études et de recherches aérospatiales"
    # '1. L'ONERA, une reconstruction' heads its chapter.
    onera = fixture_records("genres-heldout45/fr-paper-recherche-defense.pdf")[0]
    assert (onera.name, onera.acronym, onera.country) == (
        "Office national d'études et de recherches aérospatiales", "ONERA", "FR")
    # 'Nos équipes réunissent quelque 1 500 personnes' beats 'Personnel au siège ≈ 500'; 'Nos
    # principaux bailleurs sont l'Union européenne, les ministères français et l'AFD'; 'notre chiffre
    # d'affaires s'est élevé à un peu plus de 330 millions d'euros'.
    (france,) = fixture_records("genres-heldout45/fr-annual-report-expertise-france.pdf")
    assert france.staff is not None and france.staff.count == 1500
    assert france.budget is not None and france.budget.amount == 330_000_000
    assert france.funding_sources[:2] == ["Union européenne", "ministères français"]


def test_a_relation_told_of_the_lab_beats_one_told_of_something_else(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'In Nederland is defensieonderzoek grotendeels ondergebracht bij TNO' against 'Het FOI is een
    # overheidsdienst die valt onder het Zweedse ministerie van Defensie'.
    (foi,) = fixture_records("genres-heldout45/nl-prose-plain-foi.pdf")
    assert (foi.name, foi.acronym) == ("Totalförsvarets forskningsinstitut", "FOI")
    assert foi.governance is not None and foi.governance.parent == "ministerie van Defensie"


def test_a_lab_then_what_it_is_beside_place_led_headings(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Enabel – het Belgisch ontwikkelingsagentschap' beside 'Duitsland – Deutsche Gesellschaft ...
    # (GIZ)': Enabel is the lab, not a place; 'bedrijfsvolume van meer dan 3,1 miljard euro' is the
    # GIZ's business volume, its budget roughly.
    records = fixture_records("genres-heldout45/nl-slides-enabel-giz.pdf")
    assert [r.name for r in records] == ["Enabel", "Deutsche Gesellschaft für Internationale Zusammenarbeit"]
    giz = records[1]
    assert giz.budget is not None and (giz.budget.amount, giz.budget.approximate) == (3_100_000_000, True)


def test_a_founding_act_a_subsidiary_and_a_joint_tutelage(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # "dont l'acte fondateur est l'ordonnance du 2 décembre 1941"; 'En 1977, elle crée d'ailleurs une
    # petite filiale ..., Proparco' founds another body; 'placée sous la double tutelle du ministère de
    # l'économie ... et du ministère des affaires étrangères' names no one parent.
    (afd,) = fixture_records("genres-heldout45/fr-prose-plain-afd.pdf")
    assert afd.founded_year == 1941
    assert afd.governance is None or afd.governance.parent is None
    # 'in January 1979 the foundation Swedfund was set up', after 'A government inquiry launched in 1977'.
    records = {r.name: r for r in fixture_records("genres-heldout45/en-paper-nordic-dfis.pdf")}
    assert records["Swedfund International AB"].founded_year == 1979
    # 'lunch costs NOK 95' is a price.
    (norad,) = fixture_records("genres-heldout45/en-letter-norad.pdf")
    assert norad.budget is None


def test_lists_read_whole_and_rows_that_end_a_value(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # '☒ taxe affectée (droit annuel de francisation et de' / 'navigation) ☒ contributions des
    # collectivités territoriales ☒ mécénat et dons': each line's ticked choices are items of one list.
    (littoral,) = fixture_records("genres-heldout37/fr-form-conservatoire-du-littoral.pdf")
    assert "contributions des collectivités territoriales" in littoral.funding_sources
    # 'Ministry of Information, Communications and the Digital Economy': a name ending in portfolios.
    (kenya,) = fixture_records("genres-heldout5/en-form-kenya-ict-authority.pdf")
    assert kenya.governance is not None
    assert kenya.governance.parent == "Ministry of Information, Communications and the Digital Economy"
    # 'funded' / 'from the ITE&C Department's grants' over 'Governance no board of its own'.
    records = {r.name: r for r in fixture_records("genres-heldout14/en-newsletter-south-asia-state-innovation.pdf")}
    assert records["Telangana State Innovation Cell"].funding_sources == ["ITE&C Department's grants"]


def test_a_fields_heading_goes_on_with_the_lab_before_it(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'L'Anses en bref' ... 'Gouvernance' / 'L'Agence est administrée par un conseil d'administration
    # ...' / 'Nos moyens' / 'Près de 1 400 agents travaillent à l'Anses': the lab's own facts.
    anses = fixture_records("genres-heldout27/fr-web-page-anses.pdf")[0]
    assert anses.staff is not None and anses.staff.count == 1400
    assert anses.governance is not None and [b.name for b in anses.governance.bodies] == ["Conseil d'administration"]
    assert "ailleurs" not in anses.funding_sources  # 'L'Agence finance par ailleurs ... des projets'


def test_an_acronym_whose_link_words_give_letters() -> None:
    # ADEME: Agence, de, Environnement, Maîtrise, Énergie ('et de la' give none).
    text = ("Créée en 1991, l'Agence de l'environnement et de la maîtrise de l'énergie, qui se présente "
            "désormais comme « l'Agence de la transition écologique », est un établissement public. L'ADEME opère.")
    assert spelled_name("ADEME", text) == "Agence de l'environnement et de la maîtrise de l'énergie"
