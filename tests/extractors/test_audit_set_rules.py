"""Rules written on held-out set 42 (tax, customs, procurement, audit and business registers): a
native name in brackets, a form whose contact asks a name again, an answer written as a sentence,
an acronym from the name in another language after a dash, a renaming, a founding told mid-paragraph
and foreign compounds that are bodies."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.segment.acronyms import defined_acronyms
from extract.segment.forms import form_questions


def test_a_native_name_in_brackets_without_an_acronym_stays_the_labs_name(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # '2. Sweden: Skatteverket' over 'The Swedish Tax Agency (Skatteverket) came ...': the heading's
    # native name is the lab's; no English acronym says the text names it in English.
    records = fixture_records("genres-heldout42/en-paper-nordic-tax.pdf")
    assert [(r.name, r.acronym) for r in records] == [
        ("Skatteverket", None), ("Verohallinto", None), ("Skatteetaten", None)]


def test_the_site_of_a_name_glossed_in_its_own_language_is_the_labs(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # 'Finnish Customs (Tulli)' in a letter under 'Helsinki, Finland · tulli.fi'; 'steered by the
    # Ministry of Finance'.
    (record,) = fixture_records("genres-heldout42/en-letter-tulli.pdf")
    assert record.website == "https://tulli.fi"
    assert record.governance is not None and record.governance.parent == "Ministry of Finance"


def test_a_forms_contact_asking_a_name_again_keeps_it_a_form() -> None:
    # '1.1 Official name' and the contact's 'Name, function'; '3.2 Staff, whole organisation' and
    # '3.3 Staff working on central purchasing': one lab asked a field twice in other words.
    texts = ["1.1 Official name (original language)", "Kammarkollegiet", "1.3 City and country",
             "Stockholm, Sweden", "1.4 Website", "www.kammarkollegiet.se",
             "3.2 Staff, whole organisation (head count)", "approximately 350 employees",
             "3.3 Staff working on central purchasing", "n/a", "Name, function", "A. Person, Adviser"]
    assert len(form_questions(texts)) == 6
    # Several labs under the same sub-headings, word for word, are no form.
    labs = ["Budget", "EUR 2 million", "Staff", "12", "Website", "a.org",
            "Budget", "EUR 3 million", "Staff", "15", "Website", "b.org"]
    assert form_questions(labs) == {}


def test_a_forms_answers_read_as_sentences_and_declined(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '1.7 Ministry or parent body' / 'The Agency is a state authority under the Ministry of Finance.';
    # '2.1 Board' / 'n/a – Kammarkollegiet is a one-council authority': no board.
    (record,) = fixture_records("genres-heldout42/en-form-kammarkollegiet.pdf")
    assert (record.name, record.founded_year) == ("Kammarkollegiet", 1539)
    assert record.governance is not None and record.governance.parent == "Ministry of Finance"
    assert record.governance.bodies == []


def test_an_acronym_after_a_dash_from_the_name_in_another_language_and_a_renaming(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    assert ("Inter-American Center of Tax Administrators", "CIAT") in [
        (name, acronym) for name, acronym, _ in defined_acronyms(
            "and the Inter-American Center of Tax Administrators – CIAT, after its Spanish name – was born.")]
    # '... the Center became the Inter-American Center of Tax Administrations': one lab, its current
    # name; the IOTA it is compared with and its General Assembly are no records; 'in May 1967.
    # Representatives of ...' gives the Assembly no members; 'The francophone CREDAF dates from 1982'
    # is not its founding.
    (record,) = fixture_records("genres-heldout42/en-prose-plain-ciat.pdf")
    assert (record.name, record.acronym) == ("Inter-American Center of Tax Administrations", "CIAT")
    assert record.founded_year != 1982
    assert record.governance is not None
    assert {(b.name, b.members) for b in record.governance.bodies} >= {("General Assembly", None), ("Executive Council", 9)}


def test_foreign_compound_bodies_and_a_founding_told_mid_paragraph(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    # Plain Dutch prose on 'De Oostenrijkse Rechnungshof' and 'De Bundesrechnungshof'; the German
    # paragraph opens on its predecessors and tells 'De Bundesrechnungshof zelf werd opgericht bij
    # wet van 27 november 1950'.
    records = {r.name: r for r in fixture_records("genres-heldout42/nl-prose-plain-rekenhoven.pdf")}
    assert set(records) == {"Rechnungshof", "Bundesrechnungshof"}
    assert records["Bundesrechnungshof"].founded_year == 1950
    assert records["Bundesrechnungshof"].staff is not None and records["Bundesrechnungshof"].staff.count == 1050
    assert records["Rechnungshof"].country == "AT"
