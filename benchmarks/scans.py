"""Scans of labelled text PDFs: how much OCR costs the extractors (a script, not a test; see
benchmarks/README.md, "Scans of the held-out sets").

    PYTHONPATH=src .venv/bin/python benchmarks/scans.py tests/fixtures/genres-heldout2{3..9} [--dpi 300]

Each text PDF with gold in the folders is scanned by the test generator (rendered at ``--dpi``,
damaged: skew, speckle, blur, JPEG at quality 60; seeded by the file's name, so a scan is the same
on every run) into ``--out``, read through the pipeline (OCR cached under ``--cache``: a second run
only re-extracts) and scored against the text PDF's gold. Prints each document's field F1 as a
scan and as a text PDF, and both overall with labs recall and precision.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.assemble.matching import RecordIdentity, match_records  # noqa: E402
from extract.pipeline import process_file  # noqa: E402
from extract.review.evaluate import Evaluation, score_records  # noqa: E402
from extract.settings import Settings  # noqa: E402


def make_scan(source: Path, target: Path, dpi: int) -> None:
    from tests.generator.scan import damage, images_to_pdf, render_pdf_pages

    rng = random.Random(zlib.crc32(source.name.encode()))
    pages = [damage(page, rng, skew_deg=rng.uniform(0.3, 1.2)) for page in render_pdf_pages(source, dpi)]
    images_to_pdf(pages, target, dpi, jpeg_quality=60)


class Score:
    def __init__(self) -> None:
        self.evaluation = Evaluation()
        self.paired = self.gold = self.found = 0

    def add(self, gold: list[dict[str, object]], records: list[dict[str, object]], where: str) -> float:
        evaluation = score_records(gold, records, where=where)
        self.evaluation.add(evaluation)
        pairs = match_records([RecordIdentity.of(g) for g in gold], [RecordIdentity.of(p) for p in records])
        self.paired += sum(1 for g, p in pairs if g is not None and p is not None)
        self.gold += len(gold)
        self.found += len(records)
        return evaluation.overall.f1

    def line(self) -> str:
        return (f"field F1 {self.evaluation.overall.f1:.4f}, labs recall {self.paired / max(self.gold, 1):.3f}, "
                f"precision {self.paired / max(self.found, 1):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path("/tmp/extract-scans"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/extract-scans-cache"))
    args = parser.parse_args(argv)
    from extract.store.cache import PageCache

    settings, cache = Settings(), PageCache(args.cache)
    scans, texts = Score(), Score()
    print(f"{'document':60} {'scan':>5} {'text':>5}")
    for folder in args.folders:
        for gold_path in sorted((folder / "gold").glob("*.json")):
            source = folder / (gold_path.stem + ".pdf")
            if "scan" in gold_path.stem or not source.exists():
                continue
            scan = args.out / folder.name / f"{source.stem}-scan{args.dpi}.pdf"
            if not scan.exists():
                scan.parent.mkdir(parents=True, exist_ok=True)
                make_scan(source, scan, args.dpi)
            gold = json.loads(gold_path.read_text(encoding="utf-8")).get("records", [])
            as_scan = scans.add(gold, [r.model_dump(mode="json") for r in process_file(scan, settings, cache=cache).records],
                                scan.name)
            as_text = texts.add(gold, [r.model_dump(mode="json") for r in process_file(source, settings).records],
                                source.name)
            print(f"{folder.name + '/' + source.name:60.60} {as_scan:5.2f} {as_text:5.2f}", flush=True)
    print(f"scans: {scans.line()}")
    print(f"text PDFs: {texts.line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
