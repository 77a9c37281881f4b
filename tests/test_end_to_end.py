"""End to end on the generated sample reports: every form of the benchmark reaches its gold.

One batch over ``raw/`` (text PDF, scanned PDF, multi-page TIFF) runs through the real
command line once per session; the tests read its outputs and score them with ``extract eval``'s
scorer against ``tests/fixtures/gold/nido-benchmark.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.models import OutputFile
from extract.review.evaluate import score_records

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold" / "nido-benchmark.json"
EXACT_FIELDS = (
    "country", "website", "founded_year", "budget.amount", "budget.currency", "budget.period",
    "budget.amount_eur", "staff.count", "acronym",
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def batch_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("output")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "extract", "batch", str(ROOT / "raw"), "--out", str(out),
         "--cache-dir", str(tmp_path_factory.mktemp("cache")), "--workers", "2", "--quiet",
         "--report", str(out / "report.json")],
        capture_output=True, text=True, env=env, timeout=1800, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def _score(output_file: Path):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["records"]
    output = OutputFile.model_validate_json(output_file.read_text(encoding="utf-8"))
    return score_records(gold, [r.model_dump() for r in output.records])


def test_report_lists_every_input_ok(batch_output: Path) -> None:
    report = json.loads((batch_output / "report.json").read_text())
    statuses = {f["path"]: f["status"] for f in report["files"]}
    assert {"nido-benchmark.pdf", "nido-benchmark-scan.pdf", "nido-benchmark-scan.tiff"} <= set(statuses)
    assert set(statuses.values()) == {"ok"}


def test_text_pdf_exact_fields(batch_output: Path) -> None:
    evaluation = _score(batch_output / "nido-benchmark.json")
    wrong = {f: (s.tp, s.fp, s.fn) for f, s in evaluation.scores.items() if f in EXACT_FIELDS and s.f1 < 1.0}
    assert not wrong, evaluation.mismatches
    assert evaluation.overall.f1 >= 0.95


def test_text_pdf_pages_used_text_layer(batch_output: Path) -> None:
    output = OutputFile.model_validate_json((batch_output / "nido-benchmark.json").read_text())
    assert output.pages and all(p.method == "text" for p in output.pages)
    assert all(r.provenance for r in output.records)


@pytest.mark.parametrize("name", ["nido-benchmark-scan.pdf", "nido-benchmark-scan.tiff"])
def test_scans_reach_gold(batch_output: Path, name: str) -> None:
    candidates = list(batch_output.glob("nido-benchmark-scan*.json"))
    output_file = next(p for p in candidates if json.loads(p.read_text())["source"]["path"].endswith(name))
    output = OutputFile.model_validate_json(output_file.read_text())
    assert all(p.method == "ocr" for p in output.pages)
    evaluation = _score(output_file)
    assert evaluation.overall.f1 >= 0.95, evaluation.mismatches
