"""Parents as people write the relation (invented names): 'answering to', 'affiliated with',
'hoort bij', 'opgegaan in het nieuwe ...', a relation noun between the verb and the name ('under
the authority of', 'onder de verantwoordelijkheid van', 'sous la double tutelle des'), a city after
the name, a new clause after 'et'; and an elided French preposition before a funding source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extract.models import LabRecord

_OPENING = {
    "en": "Kestrel Lab is a public innovation lab in England, founded in 2015 with twelve staff.",
    "nl": "Kestrel Lab is een overheidslab in Nederland, opgericht in 2015 met twaalf medewerkers.",
    "fr": "Le Kestrel Lab est un laboratoire public d'innovation en France, créé en 2015 avec douze agents.",
}


@pytest.mark.parametrize(("lang", "sentence", "parent"), [
    ("en", "It is affiliated with the Ministry of Harbours and Lighthouses.", "Ministry of Harbours and Lighthouses"),
    ("en", "Kestrel Lab is answering to the Minister of Harbours.", "Minister of Harbours"),
    ("en", "It operates under the authority of the Ministry of Harbours.", "Ministry of Harbours"),
    ("en", "In 2023 the lab was merged into the new Department of Harbour Services.", "Department of Harbour Services"),
    ("en", "It began in 2014 within the Department of Harbours and Cabinet in Wellington.",
     "Department of Harbours and Cabinet"),
    ("nl", "Het lab hoort sinds 2023 bij het ministerie van Havenzaken.", "ministerie van Havenzaken"),
    ("nl", "In 2023 is het lab opgegaan in het nieuwe Department of Harbour Services.", "Department of Harbour Services"),
    ("nl", "Het lab valt onder de verantwoordelijkheid van het ministerie van Havenzaken.", "ministerie van Havenzaken"),
    ("nl", "Het lab staat onder toezicht van de minister van Havenzaken.", "minister van Havenzaken"),
    ("nl", "Het toezicht ligt sinds 2022 bij het Havenkanzleramt.", "Havenkanzleramt"),
    ("fr", "Le lab est placé sous l'autorité du ministre des Ports et produit la statistique des phares.",
     "ministre des Ports"),
    ("en", "It was set up in 2017 as a small unit within the Narnian ministry for the Civil Service.",
     "ministry for the Civil Service"),
    ("nl", "Het werd in 2017 opgericht als kleine eenheid binnen het Narnische ministerie voor Havenzaken en Sport.",
     "ministerie voor Havenzaken en Sport"),
    ("nl", "Het lab is een directie binnen de Autoriteit Havengegevens.", "Autoriteit Havengegevens"),
])
def test_a_parent_as_the_relation_is_written(extract_one: Callable[..., LabRecord], lang: str, sentence: str,
                                             parent: str) -> None:
    record = extract_one(f"{_OPENING[lang]} {sentence} Le lab / the lab / het lab werkt aan nieuwe diensten.",
                         "Kestrel Lab", lang=lang)
    assert record.governance is not None and record.governance.parent == parent


def test_a_kind_of_organisation_is_no_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['nl']} Het lab is een algemene directie binnen een FOD en meet innovatie "
                         "binnen de Narnische overheid.", "Kestrel Lab", lang="nl")
    assert record.governance is None or record.governance.parent is None


def test_working_for_a_client_is_no_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['nl']} Daarnaast werken we in opdracht van de Havenvereniging en van "
                         "het ministerie van Havenzaken.", "Kestrel Lab", lang="nl")
    assert record.governance is None or record.governance.parent is None


def test_an_elided_preposition_is_not_part_of_a_funding_source(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['fr']} Ses moyens de fonctionnement viennent des crédits d'assistance "
                         "technique des fonds européens et d'une dotation de l'État.", "Kestrel Lab", lang="fr")
    assert "dotation de l'État" in record.funding_sources


def test_under_the_aegis_of_names_the_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['en']} The lab operates under the aegis of the Department of Harbours, which "
                         "provides its annual grant.", "Kestrel Lab", lang="en")
    assert record.governance is not None and record.governance.parent == "Department of Harbours"


def test_the_parent_s_acronym_is_not_the_lab_s(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Centre for Harbour Renewal was set up in 2011 by an act of the council. The Centre is "
                         "part of the Port Authority of Zorvex (PAZ), an agency of the council. It has 24 staff.",
                         "Centre for Harbour Renewal", lang="en")
    assert record.acronym is None


def test_a_later_name_s_own_acronym_beats_the_former_name_s(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Het Centre for Harbour Ethics (CHE) werd in 2017 aangekondigd en begon in 2018. In 2024 "
                         "kreeg het een nieuwe naam: Kestrel Harbour Unit (KHU). Het team telt 40 mensen.",
                         "Kestrel Harbour Unit", lang="nl")
    assert record.acronym == "KHU"


def test_the_lab_is_not_one_of_its_own_bodies(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Development Commission is the state body for the western counties. The "
                         "Kestrel Development Commission is governed by a Board whose members are appointed by the "
                         "Minister. It has 60 staff.", "Kestrel Development Commission", lang="en")
    assert record.governance is not None
    assert [b.name for b in record.governance.bodies] == ["Board"]


def test_the_government_setting_up_the_lab_dates_its_founding(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Development Commission promotes the western counties. The Government set up "
                         "the Commission on a non-statutory basis in 1997, and it became a statutory body in 1999. "
                         "It has 60 staff.", "Kestrel Development Commission", lang="en")
    assert record.founded_year == 1997


def test_an_english_word_is_no_french_country_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Creative Industries · Regional Development\nThe Kestrel Commission promotes development "
                         "in the West of Ireland. It has 60 staff.", "Kestrel Commission", lang="en")
    assert record.country == "IE"


def test_an_address_with_a_postal_code_gives_the_country(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Innovation Center tests new payment models. It has 200 staff.\n"
                         "Kestrel Innovation Center, 7500 Harbour Boulevard, Baltimore, MD 21244",
                         "Kestrel Innovation Center", lang="en")
    assert record.country == "US"


def test_began_life_dates_the_founding(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Office is a unit of the harbour government. It began life in 1992 as the "
                         "Kestrel Unit, a small team at the centre of government. It has 30 staff.",
                         "Kestrel Office", lang="en")
    assert record.founded_year == 1992


@pytest.mark.parametrize(("lang", "text", "parent"), [
    ("nl", "1.5 Naam\nKestrel Inspectie\n1.6 Onder welk ministerie valt de organisatie?\nMinisterie van Havenzaken\n"
           "1.7 Aantal medewerkers\n120\n1.8 Oprichtingsjaar\n2023\n", "Ministerie van Havenzaken"),
    ("en", "The second is Kestrel Digital, a team within what is again called the Ministry of Harbours, Quays and "
           "Docks in England. It was set up in 2018 and has 20 staff.", "Ministry of Harbours, Quays and Docks"),
    ("nl", "Kestrel GmbH werd in 2005 opgericht door de koepels van artsen. Sinds 2019 is het Bundesministerium für "
           "Häfen (BMH) de grootste aandeelhouder.\nValt onder: BMH\nMedewerkers: 500", "Bundesministerium für Häfen"),
])
def test_a_parent_asked_aside_or_by_acronym(extract_one: Callable[..., LabRecord], lang: str, text: str,
                                            parent: str) -> None:
    name = text.split("\n")[1] if text.startswith("1.5") else "Kestrel Digital" if lang == "en" else "Kestrel GmbH"
    record = extract_one(text, name, lang=lang)
    assert record.governance is not None and record.governance.parent == parent


def test_a_key_facts_label_is_not_part_of_a_body_s_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Kestrel Harbour Lab is het landelijke expertisecentrum voor havendata.\nRechtsvorm stichting\n"
                         "Toezicht raad van toezicht\nVestiging Den Haag\nHet lab telt 80 medewerkers.",
                         "Kestrel Harbour Lab", lang="nl")
    assert record.governance is not None and [b.name for b in record.governance.bodies] == ["Raad van toezicht"]


def test_the_addressee_s_and_another_organisation_s_bodies_are_not_the_lab_s(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Destinataire Commission de la santé du Grand Conseil, Canton de Zorvex\nMadame la Présidente,\n"
                         "Le Kestrel Lab, créé en 2008, compte douze agents. Il est piloté par un comité de pilotage.\n"
                         "Le conseil de Zorvex Holding's board n'a pas de rôle. Zorvex Holding's board oversees the group.",
                         "Kestrel Lab", lang="fr")
    assert record.governance is not None
    assert [b.name.casefold() for b in record.governance.bodies] == ["comité de pilotage"]


def test_a_form_s_numbered_question_is_no_staff_count(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Kestrel Inspectie is een agentschap van het ministerie.\n2.1 Aantal medewerkers (fte)\n"
                         "zie jaarverslag 2024\n2.2 Totale begroting 2025\n€ 64 miljoen", "Kestrel Inspectie", lang="nl")
    assert record.staff is None


def test_what_the_lab_first_was_is_not_part_of_its_parent(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['fr']} Il a été créé au sein du bureau du PNUD en Belgique, d'abord comme "
                         "incubateur de projets.", "Kestrel Lab", lang="fr")
    assert record.governance is not None and record.governance.parent == "bureau du PNUD"


@pytest.mark.parametrize(("lang", "sentence", "sources"), [
    ("fr", "Notre secrétariat est financé conjointement par la Confédération, via l'OFSP, et par les cantons, via la "
           "CDS.", ["Confédération", "cantons"]),
    ("en", "We are hosted by the association, but we are paid for by the councils themselves, through annual "
           "subscriptions set in proportion to their size.", ["councils"]),
])
def test_funders_with_an_aside_between_them(extract_one: Callable[..., LabRecord], lang: str, sentence: str,
                                            sources: list[str]) -> None:
    record = extract_one(f"{_OPENING[lang]} {sentence}", "Kestrel Lab", lang=lang)
    assert record.funding_sources[:len(sources)] == sources


def test_a_lab_titled_by_an_acronym_its_text_spells_out_goes_by_its_full_name(
        extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Harbour Regional Agency for Innovation and Zorvex (HRAIZ) was set up in 2019. It has 860 "
                         "staff and a budget of EUR 30 million.", "HRAIZ", lang="en")
    assert (record.name, record.acronym) == ("Harbour Regional Agency for Innovation and Zorvex", "HRAIZ")


def test_a_key_value_row_ends_the_parent_it_gives(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Le Quaylab accueille les chercheurs depuis 2021.\nRattachement\tBibliothèque nationale de "
                         "Narnie\nPartenaire\tHuma-Num (CNRS)\nÉquipe\tcoordination et ingénieurs",
                         "Quaylab", lang="fr")
    assert record.governance is not None and record.governance.parent == "Bibliothèque nationale de Narnie"


def test_a_parent_s_acronym_goes_by_the_name_whose_initials_it_takes(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Harbour Sandbox is a free service run by the Harbour Commissioner's Office for firms "
                         "that test new services. The Sandbox is part of the HCO and is not a separate organisation.",
                         "Harbour Sandbox", lang="en")
    assert record.governance is not None and record.governance.parent == "Harbour Commissioner's Office"


def test_a_regional_government_in_lower_case_is_one_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(f"{_OPENING['nl']} Het lab is een agentschap van de Narnische overheid.", "Kestrel Lab",
                         lang="nl")
    assert record.governance is not None and record.governance.parent == "Narnische overheid"


@pytest.mark.parametrize(("lang", "sentence"), [
    ("fr", "Il est placé sous la double tutelle des ministères chargés des ports et des phares."),
    ("fr", "Il relève des ministères des Ports et des Phares."),
    ("en", "It is part of the ministries of Harbours and of Lighthouses."),
    ("nl", "Het lab valt onder de ministeries van Havenzaken en van Vuurtorens."),
])
def test_a_joint_supervision_names_no_one_parent(extract_one: Callable[..., LabRecord], lang: str,
                                                 sentence: str) -> None:
    record = extract_one(f"{_OPENING[lang]} {sentence} Le lab / the lab / het lab werkt aan nieuwe diensten.",
                         "Kestrel Lab", lang=lang)
    assert record.governance is None or record.governance.parent is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Parent organisation: No – the centre is a partnership of two equal partners.\nStaff: 12", "en"),
    ("Moederorganisatie: Nee. Het centrum is een samenwerking van twee gelijkwaardige partners.\nMedewerkers: 12", "nl"),
    ("Tutelle : aucune, le centre est une association indépendante.\nEffectif : 12 agents", "fr"),
])
def test_a_form_answer_saying_there_is_none_names_no_parent(extract_one, text, lang):
    governance = extract_one(text, "Kestrel Data Centre", lang=lang).governance
    assert governance is None or governance.parent is None


def test_a_form_answer_naming_the_parent_still_does(extract_one):
    record = extract_one("Parent organisation: Ministry of Coastal Affairs\nStaff: 12", "Kestrel Data Centre", lang="en")
    assert record.governance.parent == "Ministry of Coastal Affairs"


@pytest.mark.parametrize(("text", "lang", "parent"), [
    ("Parent organisation: Statutory board under the Ministry of Coastal Affairs\nStaff: 12", "en",
     "Ministry of Coastal Affairs"),
    ("Tutelle : établissement public placé sous la tutelle du ministère de la Mer\nEffectif : 12 agents", "fr",
     "ministère de la Mer"),
])
def test_a_form_answer_saying_what_the_lab_is_then_whose_names_the_parent(extract_one, text, lang, parent):
    assert extract_one(text, "Kestrel Data Centre", lang=lang).governance.parent == parent
