"""Rules written on held-out set 59 (pilotage, assay offices, proof houses, heraldic authorities) and
set 60 (seismology, notarial chambers, bar associations, bridge and tunnel operators) after their
first looks: two offices of one kind in two places stay two labs; a contributor's byline opens no
chapter; a place chapter is about the lab named after its place; a comparison's column titled by a
place is the lab that place's slide presents; a key-facts label is no name; 'the Administration'
names the lab before; the name the lab's site spells, in full; a summary's title is the report's
kind; a name answer without its address or its nickname; '&' inside a name; a budget that is not
ours; the place that completes a society's name; a governing body's chapter; a lab's facts under a
heading in words; an acronym that spells the name in the lab's other language; a court its own site
spells, and called by its head word. Then set 61: a letterhead's acronym, legal form and full name;
a name with a comma its acronym spells; a site that keeps the article; a street is no lab; a bullet
that spells the acronym a slide's title gives."""

from __future__ import annotations

from collections.abc import Callable

from text_records import text_records

from extract.models import LabRecord


def _bodies(record: LabRecord) -> list[tuple[str, int | None]]:
    return [(b.name.lower(), b.members) for b in record.governance.bodies] if record.governance else []


def test_two_offices_of_one_kind_in_two_places_are_two_labs_not_a_contributors_name(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Birmingham: het anker' over 'Joke schrijft: ... Het Birmingham Assay Office werd in 1773 ...
    # opgericht'; its site is assayoffice.co.uk, which spells the kind both share.
    records = fixture_records("genres-heldout59/nl-newsletter-zilverpost.pdf")
    assert sorted(r.name for r in records) == ["Birmingham Assay Office", "Sheffield Assay Office"]


def test_a_key_facts_label_is_no_name_and_a_place_column_is_the_lab_its_slide_presents(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Nederland: de Hoge Raad van Adel' over 'Opgericht   24 juni 1814, ...'; a comparison's columns
    # 'Nederland' and 'Vlaanderen' are the two councils, not two more records.
    records = fixture_records("genres-heldout59/nl-slides-gemeentewapens.pdf")
    assert sorted(r.name for r in records) == ["Hoge Raad van Adel", "Vlaamse Heraldische Raad"]


def test_the_administration_named_by_its_kind_is_the_lab_named_before() -> None:
    text = ("Annual Report 2020 – Summary in English\nVägverket (Swedish Road Administration) · Borlänge · "
            "www.vagverket.se\n\nAbout the Swedish Road Administration\nVägverket is the government agency "
            "responsible for the state roads. The agency was formed in 1967. The Administration is an agency "
            "under the Ministry of Infrastructure. The Administration is financed by appropriations from the "
            "state budget.\n")
    (record,) = text_records(text)
    assert (record.name, record.founded_year) == ("Vägverket", 1967)


def test_the_bureau_named_by_its_kind_still_counts_for_the_bureau(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # Guard: 'The Bureau is ...' speaks of the Bureau of Meteorology the index has.
    (record,) = fixture_records("genres-heldout53/en-annual-report-bureau-meteorology.pdf")
    assert record.name == "Bureau of Meteorology"


def test_the_name_the_letterheads_site_spells_is_the_labs_full_name() -> None:
    text = ("Glasgow Assay Office\nGoldsmiths Hall · 12 Bell Street · Glasgow\nwww.glasgowassayoffice.co.uk\n\n"
            "Dear Mr Brown,\nThank you for your letter. You asked for a paragraph about us: \"The Glasgow Assay "
            "Office is owned by the Incorporation of Hammermen. The Assay Office was set up in 1819 and employs "
            "a team of eleven.\"\nYours sincerely,\nJane Smith\n")
    (record,) = text_records(text)
    assert record.name == "Glasgow Assay Office"


def test_a_lab_called_by_one_word_goes_by_the_full_name_its_site_spells() -> None:
    text = ("À propos | Banc d'Essai des moteurs de Vernon\nAccueil › Le Banc › À propos\nÀ propos\n"
            "Depuis 1946, aucun moteur ne quitte Vernon sans être passé par le Banc. La loi de 1946 est l'acte "
            "de naissance du Banc d'Essai des moteurs de Vernon. Le Banc est un établissement public placé sous "
            "la tutelle du ministère des Armées. Le Banc emploie une quarantaine de personnes.\nwww.bancdessai.fr\n")
    (record,) = text_records(text)
    assert record.name == "Banc d'Essai des moteurs de Vernon"


def test_a_summarys_title_is_the_reports_kind_not_the_labs_name(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Jaarverslag 2019 – in het kort' over 'Over de NLc'.
    (record,) = fixture_records("genres-heldout59/nl-annual-report-loodsencorporatie.pdf")
    assert (record.name, record.acronym) == ("Nederlandse Loodsencorporatie", "NLc")


def test_a_name_answer_loses_its_address_and_its_quoted_nickname(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Name  The Birmingham Gun Barrel Proof House, Banbury Street'; 'Name  Banco nazionale ... –
    # “the Banco” to the trade'.
    names = sorted(r.name for r in fixture_records("genres-heldout59/en-slides-proof-houses.pdf"))
    assert names == ["Banco nazionale di prova per le armi da fuoco portatili e per le munizioni commerciali",
                     "Birmingham Gun Barrel Proof House"]


def test_a_name_with_an_ampersand_founded_in_a_quotation_and_a_budget_that_is_not_ours() -> None:
    text = ("Dear colleagues,\n\nPlease find below a note on the company.\n\n“Kiel & Lübeck was founded in 1992 "
            "to build and run the ferry link. Under the Act on Kiel & Lübeck Holding A/S of 2004 the company owns "
            "two ports. Its construction budget of DKK 9.5 billion is separate from ours. We employ about 210 "
            "people and our operating costs are around DKK 300 million a year.”\n\nYours sincerely,\nAnna Berg\n"
            "Kiel & Lübeck Holding A/S\n")
    (record,) = text_records(text)
    assert (record.name, record.founded_year) == ("Kiel & Lübeck Holding A/S", 1992)
    assert record.budget is not None and record.budget.amount == 300_000_000


def test_the_place_after_a_name_its_site_spells_keeps_two_societies_apart() -> None:
    text = ("Two dental societies, one island\nby Mary Byrne\n\nThis essay is about two bodies, one on each side "
            "of the border.\n\nThe older of the two is the Dental Society of Ireland. It was founded in 1816 and "
            "has occupied the same house in Dublin since 1900. About 40 people work for it. Its income comes from "
            "members' subscriptions (www.dentalsociety.ie).\n\nNorth of the border the profession went its own way. "
            "The Dental Society of Northern Ireland was incorporated by royal charter in 1924. A staff of about 12 "
            "serves its members (www.dentalsoc-ni.org).\n")
    by_name = {r.name: r for r in text_records(text)}
    assert sorted(by_name) == ["Dental Society of Ireland", "Dental Society of Northern Ireland"]
    assert (by_name["Dental Society of Ireland"].founded_year, by_name["Dental Society of Northern Ireland"].founded_year) \
        == (1816, 1924)


def test_a_chapter_named_after_the_governing_body_is_no_second_lab(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Assemblée générale, bureau et services' over 'Le CNB est administré par une assemblée générale de 80 avocats'.
    (record,) = fixture_records("genres-heldout60/fr-annual-report-cnb.pdf")
    assert record.name == "Conseil national des barreaux"
    assert ("assemblée générale", 80) in _bodies(record)


def test_key_facts_under_a_heading_in_words_are_the_lab_aboves(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Onafhankelijk, binnen het ministerie' over 'SodM is onderdeel van ...' and a 'SodM in cijfers' box.
    (record,) = fixture_records("genres-heldout60/nl-web-page-sodm.pdf")
    assert (record.name, record.acronym, record.founded_year) == ("Staatstoezicht op de Mijnen", "SodM", 1810)


def test_an_acronym_that_spells_the_name_in_the_labs_other_language(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Le Service sismologique suisse (SED, pour Schweizerischer Erdbebendienst)': the comparison's
    # 'SED (Suisse)' column is the service, not a third record.
    records = fixture_records("genres-heldout60/fr-paper-surveillance-sismique.pdf")
    assert sorted((r.name, r.acronym) for r in records) == [
        ("Istituto Nazionale di Geofisica e Vulcanologia", "INGV"), ("Service sismologique suisse", "SED")]


def test_a_newsletters_own_rubric_is_no_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # Guard: "Agenda de l'ACFM", set like the funders' headings, is the association's diary.
    names = {r.name for r in fixture_records("genres-heldout40/fr-newsletter-fonds-recherche.pdf")}
    assert not any(name.startswith("Agenda") for name in names)


def test_a_court_named_by_its_own_site_and_its_head_word_is_a_lab_not_a_college_founded_in_passing() -> None:
    # 'The Court of the Lord Lyon ... courtofthelordlyon.scot', '... the year in which the College of
    # Justice was founded', 'the Court's running costs'; then a second authority, constituted in 1943.
    text = ("Two registrars without a college\nby Jean Doe\n\nPeople assume that every register of arms in these "
            "islands is kept in London. It is not. This essay is about two other authorities.\n\nThe Scottish one "
            "is not an agency at all but a court. The Court of the Chief Registrar sits in Edinburgh and is a "
            "standing court of law. The Court as we know it is usually dated to 1617, the year in which the "
            "College of Notaries was founded.\n\nWhat surprised me most was how few people do the work: the whole "
            "establishment numbers six civil servants. The Court's running costs, about £200,000 a year, are met "
            "by the Scottish Government. The Court publishes its fees at courtofthechiefregistrar.scot.\n\n"
            "Ireland took a different road. On 1 May 1950 the Office of the Irish Registrar was constituted. The "
            "Office is even smaller: three people, the Registrar included. Its costs are carried by the National "
            "Archives.\n")
    by_name = {r.name: r for r in text_records(text)}
    assert sorted(by_name) == ["Court of the Chief Registrar", "Office of the Irish Registrar"]
    court = by_name["Court of the Chief Registrar"]
    assert (court.website, court.staff and court.staff.count) == ("https://courtofthechiefregistrar.scot", 6)
    assert by_name["Office of the Irish Registrar"].founded_year == 1950


# Set 61 (catastrophe insurers, public ferry companies, radioactive-waste agencies, economic and
# social councils), after its first look.


def test_a_letterhead_acronym_and_legal_form_then_the_name_it_spells_after_a_dot() -> None:
    text = ("ZEVRA N.V. · Zeeuwse Exploitatie Voor Radioactieve Afvalstoffen\nKanaalweg 3 · 4455 TW Nieuwdorp\n"
            "www.zevra.nl\n\nBetreft: uw vragen over ZEVRA\n\nGeachte heer Jansen,\n\nDank voor uw brief. ZEVRA is "
            "in 1984 opgericht. Ongeveer 40 mensen werken bij ons.\n\nMet vriendelijke groet,\nP. de Vries\n")
    (record,) = text_records(text)
    assert (record.name, record.acronym) == ("Zeeuwse Exploitatie Voor Radioactieve Afvalstoffen", "ZEVRA")


def test_a_name_with_a_comma_its_acronym_spells_and_a_site_that_keeps_the_article() -> None:
    # 'le Conseil économique, social et environnemental, le CESE' and lecese.fr ('Le CESE ne dépend ...').
    text = ("La quatrième assemblée\npar Jeanne Martin\n\nJ'ai siégé cinq ans au palais. Le Conseil supérieur, "
            "culturel et patrimonial, le CSCP, se présente comme une assemblée consultative. Il a été créé en "
            "1961.\n\nLe CSCP ne dépend d'aucun ministère. Ses crédits, un peu plus de 12 millions d'euros par an, "
            "sont inscrits au budget de l'État. Environ 60 agents l'assistent (www.lecscp.fr).\n")
    (record,) = text_records(text)
    assert (record.name, record.acronym, record.website) == (
        "Conseil supérieur, culturel et patrimonial", "CSCP", "https://www.lecscp.fr")


def test_a_legal_form_before_the_bracket_and_an_address_that_spells_a_letter_in_two() -> None:
    from extract.segment.acronyms import defined_acronyms
    from extract.segment.spelling import domain_matches

    found = defined_acronyms("Eind 2016 werd de Bundesanstalt für Wasserbau mbH (BAW) opgericht, een vennootschap.")
    assert [(name, acronym) for name, acronym, _ in found] == [("Bundesanstalt für Wasserbau mbH", "BAW")]
    assert domain_matches("Naturskaderådet", "www.naturskaderaadet.dk")
    assert not domain_matches("Naturskaderådet", "www.skatteraadet.dk")


def test_a_street_in_a_newsletters_heading_is_no_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Mill Street gates' over 'The two demountable flood gates at the bottom of Mill Street were fitted'.
    assert [r.name for r in fixture_records("genres-heldout61/en-newsletter-flood-re.pdf")] == ["Flood Re"]


def test_a_slide_that_names_a_lab_by_its_acronym_over_a_bullet_that_spells_it(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Italie : le CNEL' over "• Consiglio nazionale dell'economia e del lavoro, prévu par ...".
    names = {r.acronym: r.name for r in fixture_records("genres-heldout61/fr-slides-conseils-economiques-sociaux.pdf")}
    assert names["CNEL"] == "Consiglio nazionale dell'economia e del lavoro"


def test_a_council_named_before_this_council_was_founded_is_the_lab() -> None:
    # "... sur l'avis du Conseil d'héraldique et de vexillologie. Ce Conseil a été créé par un décret ... de 1985".
    text = ("Le Drapeau – mars 2020\nBulletin du Cercle d'histoire de Namur · dans ce numéro : qui choisit nos "
            "drapeaux ?\n\nDes drapeaux pour nos communes\nDepuis les fusions, chaque commune doit avoir son drapeau. "
            "C'est le gouvernement qui les arrête, sur l'avis du Conseil de toponymie et de vexillologie. Ce Conseil "
            "a été créé par un décret de 1992 ; sa première tâche fut de reconnaître les drapeaux des communes. Il "
            "compte sept membres, des experts en héraldique et en droit.\n")
    (record,) = text_records(text)
    assert (record.name, record.founded_year) == ("Conseil de toponymie et de vexillologie", 1992)
