"""A letter answering questions in numbered points ('3. Effectifs. Au 30 juin 2025, ...') is about
the lab it describes, not titled by one of its points; the service in its distribution line
('Copie : ... Service X (SX)') is who gets the letter, not a second lab; a letter whose sender reports
on itself ('the Authority') is about the sender, its points with long run-in labels are body text and
its subject line's 'RE:' is no lab. On real letters of the
held-out sets (each failed before its rule)."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import process_file
from extract.settings import Settings

HELDOUT14 = Path(__file__).resolve().parents[1] / "fixtures" / "genres-heldout14"
HELDOUT7 = HELDOUT14.parent / "genres-heldout7"
HELDOUT15 = HELDOUT14.parent / "genres-heldout15"


def test_a_letter_in_numbered_points_is_about_its_lab() -> None:
    # A real letter of the fourteenth set: its points were read as chapter headings before.
    output = process_file(HELDOUT14 / "fr-letter-ugd-madagascar.pdf", Settings())
    assert [record.name for record in output.records] == ["Unité de Gouvernance Digitale"]


def test_a_distribution_line_names_no_lab() -> None:
    # A real letter of the seventh set: its copy line's service came out as a second record.
    output = process_file(HELDOUT7 / "fr-letter-dgnsi-vaud.pdf", Settings())
    assert [record.acronym for record in output.records] == ["DGNSI"]


def test_a_letter_about_its_sender_in_long_run_in_points() -> None:
    # A real letter of the fifteenth set: no record of its lab came out before (its points '6. Data
    # centre and smart city facilities.' were chapters, 'the Authority' and 'RE' were labs).
    output = process_file(HELDOUT15 / "en-letter-konza-technopolis.pdf", Settings())
    assert [(record.name, record.acronym) for record in output.records] == [
        ("Konza Technopolis Development Authority", "KoTDA")]
    record = output.records[0]
    assert record.staff is not None and record.staff.count == 96
    assert record.budget is not None and (record.budget.amount, record.budget.currency) == (4.1e9, "KES")
