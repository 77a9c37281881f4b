"""The development corpus (issue 3): every form scored against its gold records.

Text PDFs must reach overall field F1 0.95 and scans/images 0.90, through the real
`extract batch` and `extract eval` commands.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.review.evaluate import evaluate_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SCAN_MARKERS = ("scan", "photo", "rotated")

pytestmark = pytest.mark.slow


def _is_scan(path: Path) -> bool:
    return path.suffix.lower() in {".jpg", ".jpeg", ".png", ".tif", ".tiff"} or any(m in path.stem for m in SCAN_MARKERS)


@pytest.fixture(scope="module")
def corpus_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    raw = tmp_path_factory.mktemp("raw")
    documents = [p for p in CORPUS.iterdir() if p.is_file() and p.suffix.lower() != ".md"]
    assert documents, "the development corpus is missing: run python tests/generator/make_all.py"
    for doc in documents:
        kind = "scans" if _is_scan(doc) else "text"
        (raw / kind).mkdir(exist_ok=True)
        shutil.copy2(doc, raw / kind / doc.name)
    out = tmp_path_factory.mktemp("out")
    result = subprocess.run(
        [sys.executable, "-m", "extract", "batch", str(raw), "--out", str(out), "--workers", "2", "--quiet",
         "--cache-dir", str(tmp_path_factory.mktemp("cache"))],
        capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return {"text": out / "text", "scans": out / "scans"}


@pytest.mark.parametrize(("kind", "threshold"), [("text", 0.95), ("scans", 0.90)])
def test_corpus_reaches_target(corpus_output: dict[str, Path], kind: str, threshold: float) -> None:
    total, per_file = evaluate_paths(CORPUS / "gold", corpus_output[kind])
    assert per_file, f"no {kind} output paired with gold"
    details = {out.name: round(e.overall.f1, 3) for _, out, e in per_file}
    assert total.overall.f1 >= threshold, (details, total.mismatches)


def test_every_corpus_document_has_gold(corpus_output: dict[str, Path]) -> None:
    outputs = {p.name for kind in corpus_output.values() for p in kind.glob("*.json")}
    golds = {p.name for p in (CORPUS / "gold").glob("*.json")}
    assert outputs <= golds
