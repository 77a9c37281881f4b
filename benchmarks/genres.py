"""Field F1 per document and per genre on a folder of documents with gold records.

    .venv/bin/python benchmarks/genres.py [FOLDER ...] [--scans] [--only STEM_PREFIX]

Each FOLDER holds the documents and ``gold/<stem>.json`` (its top-level ``genre`` and ``language``
keys group the table; without them the genre is 'other'). Text PDFs by default; ``--scans``
adds scans and page images (OCR, cached under ``--cache``). Prints, per document, field F1 and
labs found (gold records paired with an output record / gold records, and / output records),
then the same per genre and overall. Scores with ``extract.review.evaluate`` (the ``extract eval`` rules).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from extract.assemble.matching import RecordIdentity, match_records
from extract.pipeline import process_file
from extract.review.evaluate import Evaluation, format_table, score_records
from extract.settings import Settings

SCAN_SUFFIXES = {".png", ".tif", ".tiff", ".jpg", ".jpeg"}


def _inputs(folder: Path, scans: bool) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted((folder / "gold").glob("*.json")):
        for source in sorted(folder.glob(gold.stem + ".*")):
            if source.suffix == ".pdf" or (scans and source.suffix.lower() in SCAN_SUFFIXES):
                if source.suffix == ".pdf" and not scans and ("scan" in source.stem):
                    continue
                pairs.append((source, gold))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("tests/fixtures/genres")])
    parser.add_argument("--scans", action="store_true", help="also OCR the scans and page images")
    parser.add_argument("--only", default="", help="documents whose stem starts with this")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/extract-genres-cache"))
    parser.add_argument("--mismatches", action="store_true", help="print each wrong field")
    parser.add_argument("--fields", action="store_true", help="print precision, recall and F1 per field")
    args = parser.parse_args(argv)

    settings = Settings()
    cache = None
    if args.scans:
        from extract.store.cache import PageCache

        cache = PageCache(args.cache)
    by_genre: dict[str, Evaluation] = defaultdict(Evaluation)
    labs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # paired, gold, output
    total = Evaluation()
    print(f"{'document':52} {'genre':16} {'F1':>5} {'labs':>9}")
    for folder in args.folders:
        for source, gold_path in _inputs(folder, args.scans):
            if not source.stem.startswith(args.only):
                continue
            gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
            genre = gold_doc.get("genre", "other")
            t0 = time.monotonic()
            try:
                output = process_file(source, settings, cache=cache)
                predicted = [r.model_dump(mode="json") for r in output.records]
            except Exception as exc:  # a failing document scores zero; the table goes on
                print(f"{source.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                predicted = []
            gold = gold_doc.get("records", [])
            evaluation = score_records(gold, predicted, where=source.name)
            pairs = match_records([RecordIdentity.of(g) for g in gold], [RecordIdentity.of(p) for p in predicted])
            paired = sum(1 for g, p in pairs if g is not None and p is not None)
            for key in (genre, "overall"):
                labs[key][0] += paired
                labs[key][1] += len(gold)
                labs[key][2] += len(predicted)
            by_genre[genre].add(evaluation)
            total.add(evaluation)
            print(f"{source.name:52} {genre:16} {evaluation.overall.f1:5.2f} {paired:>3}/{len(gold)}/{len(predicted):<3}"
                  f" {time.monotonic() - t0:5.1f}s")
            if args.mismatches:
                for m in evaluation.mismatches:
                    print("    ", json.dumps(m.as_dict(), ensure_ascii=False))
    print()
    print(f"{'genre':18} {'F1':>5} {'lab recall':>10} {'lab precision':>13}")
    for genre in sorted(by_genre) + ["overall"]:
        evaluation = total if genre == "overall" else by_genre[genre]
        paired, gold_n, pred_n = labs[genre]
        recall = paired / gold_n if gold_n else 1.0
        precision = paired / pred_n if pred_n else 1.0
        print(f"{genre:18} {evaluation.overall.f1:5.2f} {recall:10.2f} {precision:13.2f}")
    if args.fields:
        print()
        print(format_table(total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
