"""Scoring against gold: record pairing, scalar and list fields, the last line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.review.evaluate import pair_files, score_records

GOLD = {
    "name": "Agency for Digital Trials", "acronym": "ADT", "country": "FI",
    "website": "https://adt.fi", "founded_year": 2015,
    "budget": {"amount": 1200000, "currency": "EUR", "period": "year", "amount_eur": 1200000, "approximate": False},
    "staff": {"count": 12, "approximate": True},
    "governance": {"bodies": [{"name": "Steering Board", "members": 7}]},
    "funding_sources": ["Ministry of Finance"],
}


def test_identical_records_score_one() -> None:
    evaluation = score_records([GOLD], [GOLD])
    assert evaluation.overall.f1 == 1.0
    assert evaluation.scores["budget.amount"].tp == 1


def test_wrong_value_is_false_positive_and_false_negative() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred["budget"]["amount"] = 30000
    s = score_records([GOLD], [pred]).scores["budget.amount"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_missing_and_extra_values() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred["founded_year"] = None
    pred["governance"]["parent"] = "Ministry of Finance"  # gold does not state parent: not scored
    evaluation = score_records([GOLD], [pred])
    assert evaluation.scores["founded_year"].fn == 1
    assert evaluation.scores["governance.parent"].fp == 0


def test_records_pair_by_name_not_position() -> None:
    other = {**GOLD, "name": "Open Policy Studio", "acronym": None, "website": "https://ops.ee", "country": "EE"}
    evaluation = score_records([GOLD, other], [other, GOLD])
    assert evaluation.overall.f1 == 1.0


def test_list_items_scored_each() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred["governance"]["bodies"] = [{"name": "Steering board", "members": 7}, {"name": "Advisory Council", "members": None}]
    s = score_records([GOLD], [pred]).scores["governance.bodies"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_unpaired_gold_record_counts_every_stated_field_missing() -> None:
    evaluation = score_records([GOLD], [])
    assert evaluation.overall.tp == 0
    assert evaluation.scores["country"].fn == 1


def test_null_budget_in_gold_expects_null() -> None:
    gold = {**GOLD, "budget": None}
    pred = json.loads(json.dumps(GOLD))
    s = score_records([gold], [pred]).scores["budget.amount"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 0)


def test_folder_pairing_by_stem_prefix(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "out" / ".runs").mkdir(parents=True)
    for name in ("report.json",):
        (tmp_path / "gold" / name).write_text("{}")
    for name in ("report.json", "report-scan.json", "report-scan.tiff.json", "reports.json", ".runs/report.json"):
        (tmp_path / "out" / name).write_text("{}")
    pairs = pair_files(tmp_path / "gold", tmp_path / "out")
    assert sorted(out.name for _, out in pairs) == ["report-scan.json", "report-scan.tiff.json", "report.json"]


def test_eval_command_prints_overall_f1_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = {"schema_version": "1", "source": {"path": "raw/x.pdf"}, "records": [GOLD]}
    (tmp_path / "gold.json").write_text(json.dumps(doc))
    (tmp_path / "out.json").write_text(json.dumps(doc))
    assert main(["eval", str(tmp_path / "gold.json"), str(tmp_path / "out.json")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("overall field F1: 1.0000")
