"""Form answers as regulators' questionnaires give them (invented body): the name in common use is
the short name, 'N/A.' to the parent question names no parent (nor does what the answer goes on
to say), and a funding question asked with 'funded' reads its ticked box. A short name in
apposition is the acronym of the name before it; a 'Facts and figures (2021)' heading is no lab."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import process_file, process_text
from extract.segment.acronyms import defined_names
from extract.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout37"

FORM = """Questionnaire for regulators of harbour services
A. Identity
A1 Full name of the regulator
 Harbour Services Regulation Authority
A2 Name in common use
 Ofharb
A4 Web address
 www.ofharb.example
A5 Date of establishment
 1 April 2006
A7 Supervising ministry or parent body
 N/A. As a non-ministerial department Ofharb is accountable to Parliament rather than to ministers.
B1 Staff (headcount)
 250
B3 How is the regulator funded?
☐ appropriation voted by Parliament ☒ licence fees paid by the regulated companies ☐ levy on bills
"""


def test_a_regulator_questionnaire_s_answers() -> None:
    (record,) = process_text(FORM).records
    assert record.name == "Harbour Services Regulation Authority"
    assert record.acronym == "Ofharb"
    assert record.governance is None or record.governance.parent is None
    assert record.funding_sources == ["licence fees paid by the regulated companies"]
    assert record.founded_year == 2006


def test_a_short_name_in_apposition_is_the_acronym_of_the_name_it_follows() -> None:
    # ', l'Ineris,' is a coined short name no spelling rule reads; ', la SPGE.' closes its sentence.
    assert defined_names("la Région a institué la Société publique de gestion de la kestrelle, la SPGK. "
                         "C'est une société anonyme") == {"SPGK": "Société publique de gestion de la kestrelle"}
    acronyms = {r.name: r.acronym for r in process_file(FIXTURES / "fr-prose-plain-risques-et-epuration.pdf",
                                                         Settings()).records}
    assert acronyms == {"Institut national de l'environnement industriel et des risques": "Ineris",
                        "Société publique de gestion de l'eau": "SPGE"}


def test_a_facts_heading_with_its_year_is_no_lab() -> None:
    # 'Facts and figures (2021)' over 'Established 2002 / Budget €118.6 million / Staff 542'.
    (record,) = process_file(FIXTURES / "en-web-page-efsa.pdf", Settings()).records
    assert record.name == "European Food Safety Authority"
    assert record.staff is not None and record.staff.count == 542


def test_a_coded_answer_and_an_acronym_after_the_short_name() -> None:
    # '1.2 Nom d'usage et sigle : Conservatoire du littoral (CELRL)'; '1.8 Organisme de rattachement :
    # NA – le Conservatoire est ...' (the form's code for 'not applicable', not an organisation 'NA').
    (record,) = process_file(FIXTURES / "fr-form-conservatoire-du-littoral.pdf", Settings()).records
    assert record.acronym == "CELRL"
    assert record.governance is None or record.governance.parent != "NA"
