"""Rules written on held-out set 39 (justice, police, emergency services, data protection) and on set
38's web page: a letter's sender it spells out, a place that opens a sentence, a compound's acronym,
the lab's own governing body, a text defined by an acronym, a sponsor department."""

from __future__ import annotations

from collections.abc import Callable

from extract.extractors.parents import trim_parent
from extract.models import LabRecord
from extract.rules.lexicon import lexicon


def test_a_letter_whose_text_spells_out_its_letterhead_is_that_sender_s(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Betreft: ontvangstbevestiging ...' names no one; 'Het Vast Comité van Toezicht op de
    # politiediensten, kortweg Comité P, is ...' spells out the letterhead's first line.
    (record,) = fixture_records("genres-heldout39/nl-letter-comite-p.pdf")
    assert record.name == "Vast Comité van Toezicht op de politiediensten"


def test_a_place_after_a_preposition_opening_a_sentence_is_no_lab(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'In Nederland is de Autoriteit Persoonsgegevens onze tegenhanger.'
    (record,) = fixture_records("genres-heldout39/nl-web-page-gba.pdf")
    assert record.name == "Gegevensbeschermingsautoriteit"


def test_a_compound_gives_its_bracketed_acronym_the_letters_of_its_parts(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'De Gegevensbeschermingsautoriteit (GBA) is de Belgische toezichthouder ...'
    (record,) = fixture_records("genres-heldout39/nl-web-page-gba.pdf")
    assert record.acronym == "GBA"


def test_the_body_that_leads_the_lab_is_not_a_second_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'We are led by the Budget Responsibility Committee (BRC), whose three members ...' and a key-facts
    # row 'Leadership | Budget Responsibility Committee (3 members)'.
    (record,) = fixture_records("genres-heldout38/en-web-page-obr.pdf")
    assert record.name == "Office for Budget Responsibility"
    assert record.governance.parent == "HM Treasury"


def test_an_agreement_defined_by_an_acronym_is_no_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Die afspraken worden vastgelegd in een Service Level Agreement (SLA), waarin ...'
    (record,) = fixture_records("genres-heldout39/nl-annual-report-nfi.pdf")
    assert record.name == "Nederlands Forensisch Instituut"


def test_the_sponsor_department_is_the_parent(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'The Commission is a non-departmental public body sponsored by the Ministry of Justice.'
    (record,) = fixture_records("genres-heldout39/en-annual-report-ccrc.pdf")
    assert record.governance.parent == "Ministry of Justice"


def test_a_parent_ends_where_a_new_verb_follows() -> None:
    assert trim_parent("ministère de la Sécurité publique et occupe l'édifice Wilfrid-Derome",
                       lexicon("fr")) == "ministère de la Sécurité publique"
    assert trim_parent("ministerie van Justitie en Veiligheid en wordt geleid door", lexicon("nl")) \
        == "ministerie van Justitie en Veiligheid"


def test_a_label_ending_on_an_organisation_s_head_stops_before_a_name_it_opens() -> None:
    from extract.segment.forms import label_in, label_words

    # 'Sponsor Department for Science, Innovation and Technology': 'Sponsor' then a department's name.
    assert label_words("Sponsor Department for Science, Innovation".split()) == 0
    assert label_words("Sponsor department Home Office".split()) == 2
    assert label_in("Sponsor Department for Science, Innovation") is None


def test_an_origin_row_gives_the_founding_year(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # A comparison table's 'Origine | 1914 | 1987 | 1990' row, each column one lab's.
    years = {r.name: r.founded_year for r in fixture_records("genres-heldout39/fr-paper-police-scientifique.pdf")}
    assert years["Laboratoire de sciences judiciaires et de médecine légale"] == 1914


def test_a_body_jointly_sponsored_by_two_has_no_one_parent(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'a special NHS board, jointly sponsored by the Scottish Government and the Convention of Scottish
    # Local Authorities (COSLA)'.
    (record,) = fixture_records("genres-heldout20/en-annual-report-public-health-scotland.pdf")
    assert record.governance.parent is None


def test_a_date_s_year_is_a_founding_year_but_a_range_s_second_year_is_not() -> None:
    from extract.extractors.founded import FOUNDING_YEAR

    assert [m.group(1) for m in FOUNDING_YEAR.finditer("Ontstaan per 1-1-2009 uit de fusie")] == ["2009"]
    assert [m.group(1) for m in FOUNDING_YEAR.finditer("opgericht op 31.12.2015")] == ["2015"]
    assert [m.group(1) for m in FOUNDING_YEAR.finditer("the 2010-2011 programme")] == []


def test_the_body_a_lab_replaced_is_its_predecessor_not_a_second_lab(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'We replaced the Independent Police Complaints Commission (IPCC) in January 2018.' and, under
    # 'Our history', 'The IPCC began work in 2004. ... Those figures describe our predecessor'.
    (record,) = fixture_records("genres-heldout39/en-web-page-iopc.pdf")
    assert record.name == "Independent Office for Police Conduct"
