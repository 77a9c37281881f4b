"""The output contract: the shared gold validates, the schema command prints JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.models import Budget, LabRecord, OutputFile

FIXTURE_GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "nido-benchmark.json"


def test_gold_validates_against_contract() -> None:
    output = OutputFile.model_validate_json(FIXTURE_GOLD.read_text(encoding="utf-8"))
    assert len(output.records) == 9
    assert {r.country for r in output.records} >= {"NL", "BE", "GB"}


def test_record_rejects_bad_country_code() -> None:
    with pytest.raises(ValueError):
        LabRecord(country="Nederland")


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["schema_version"]["default"] == "1"
    assert "LabRecord" in schema["$defs"]


def test_field_lists_follow_the_contract() -> None:
    """The field paths come from the models: every path is exported, and scored unless said otherwise."""
    from extract.assemble.fields import LIST_PATHS, NESTED, contract_paths
    from extract.review.evaluate import FIELDS, NOT_SCORED
    from extract.review.export import COLUMNS

    paths = contract_paths()
    assert set(NESTED) == {"budget", "staff", "governance"}
    assert {f"budget.{name}" for name in Budget.model_fields} <= set(paths)
    assert LIST_PATHS == ("governance.bodies", "funding_sources")
    assert {p.replace(".", "_") for p in paths} <= set(COLUMNS)
    assert set(paths) == set(FIELDS) | NOT_SCORED


def test_a_correction_in_a_record_is_typed_and_written_as_before() -> None:
    """``LabRecord.corrections`` holds ``FieldCorrection``s (read by attribute, not sniffed by key), and
    an entry as ``extract.assemble.corrections`` writes it comes back out with the same keys in the same order."""
    from extract.models import FieldCorrection

    entry = {"value": "Zeta Lab", "status": "corrected", "by": "ann", "at": "2026-01-02", "machine_value": "Zeta",
             "machine_value_at_correction": "Zeta", "needs_review": False,
             "machine_provenance": {"page": 1, "bbox": [1.0, 2.0, 3.0, 4.0], "text": "Zeta", "method": "heading",
                                    "confidence": 0.8},
             "machine_provenance_field": "name"}
    record = LabRecord.model_validate({"name": "Zeta Lab", "corrections": {"name": entry}})
    correction = record.corrections["name"]
    assert isinstance(correction, FieldCorrection) and correction.machine_provenance is not None
    assert correction.machine_provenance.text == "Zeta" and correction.by == "ann"
    assert json.loads(record.model_dump_json())["corrections"]["name"] == entry
    assert list(json.loads(record.model_dump_json())["corrections"]["name"]) == list(entry)
