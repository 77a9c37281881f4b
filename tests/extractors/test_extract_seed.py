"""End to end over the seed benchmark's nine lab sections: every gold field is reached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.assemble.matching import RecordIdentity, match_records
from extract.extractors import extract_records
from extract.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLD = FIXTURES / "gold" / "nido-benchmark.json"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="seed gold not available")


@pytest.fixture(scope="module")
def pairs(seed):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["records"]
    records = extract_records(seed, Settings())
    assert len(records) == len(gold) == 9
    matched = match_records([RecordIdentity.of(g) for g in gold], records)
    assert all(i is not None and j is not None for i, j in matched)
    return [(gold[i], records[j]) for i, j in matched]


@pytest.mark.parametrize("field", ["name", "acronym", "country", "website", "founded_year", "funding_sources"])
def test_scalar_fields_match_gold(pairs, field):
    for gold, record in pairs:
        assert getattr(record, field) == gold[field], (gold["name"], field)


def test_budget_matches_gold(pairs):
    for gold, record in pairs:
        expected = gold["budget"]
        if expected is None:
            assert record.budget is None, gold["name"]
            continue
        got = record.budget.model_dump()
        for key in ("amount", "currency", "period", "amount_eur", "approximate"):
            assert got[key] == expected[key], (gold["name"], key)


def test_staff_matches_gold(pairs):
    for gold, record in pairs:
        if gold["staff"] is None:
            assert record.staff is None, gold["name"]
        else:
            assert (record.staff.count, record.staff.approximate) == (gold["staff"]["count"], gold["staff"]["approximate"])


def test_governance_matches_gold(pairs):
    for gold, record in pairs:
        bodies = [b.model_dump() for b in record.governance.bodies] if record.governance else []
        assert bodies == gold["governance"]["bodies"], gold["name"]
        parent = record.governance.parent if record.governance else None
        assert parent == gold["governance"].get("parent"), gold["name"]


def test_every_value_has_provenance(pairs):
    for _, record in pairs:
        for field in ("name", "country", "website", "budget", "staff", "role"):
            if getattr(record, field) is not None:
                prov = record.provenance[field]
                assert prov.method.split(":")[0] in ("rule", "ner+rule")
                assert 0.0 < prov.confidence <= 1.0
                assert prov.page == 1 and prov.text
        if record.budget is not None:
            assert record.provenance["budget"].bbox is not None
            assert record.budget.raw in record.provenance["budget"].text


def test_seed_plain_text_through_the_whole_pipeline():
    """process_text on the raw seed (screenshot text not marked) still reaches gold."""
    from extract.pipeline import process_text
    from extract.review.evaluate import score_records

    text = (FIXTURES / "seed" / "000_6ab50b9a4722492e.txt").read_text(encoding="utf-8")
    records = [r.model_dump() for r in process_text(text).records]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["records"]
    assert score_records(gold, records).overall.f1 == 1.0
