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
