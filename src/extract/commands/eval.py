"""`extract eval`: per-field precision, recall, F1 and support against gold records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from extract.errors import ConfigError, ExitCode

if TYPE_CHECKING:
    from extract.review.evaluate import Evaluation


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "eval",
        help="score output records against gold records (per-field precision/recall/F1)",
        description="Score output JSON against gold JSON. GOLD and OUTPUT are files or folders; in folders an "
        "output X.json is scored against gold G.json when X is G or starts with 'G-' or 'G.'. "
        "The last line is the overall field F1.",
    )
    parser.add_argument("gold", nargs="?", type=Path, help="gold file or folder")
    parser.add_argument("output", nargs="?", type=Path, help="output file or folder (default output/)")
    parser.add_argument("--by-file", action="store_true", help="also print a table per output file")
    parser.add_argument("--errors", action="store_true", help="list each wrong, missing or extra value")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--corrections", action="store_true",
                        help="score the machine's own values against confirmed and corrected fields")
    parser.add_argument("--out", type=Path, default=Path("output"), help="output folder (with --corrections)")
    parser.add_argument("--corrections-dir", type=Path, default=None,
                        help="corrections folder (default: corrections/ beside the output folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review import evaluate

    if args.corrections:
        from extract.review.corrections import score_corrections

        corrections_dir = args.corrections_dir or args.out.resolve().parent / "corrections"
        evaluation = score_corrections(args.out, corrections_dir)
        _print(evaluation, args)
        return ExitCode.ok
    if args.gold is None:
        raise ConfigError("give GOLD (a gold file or folder), or use --corrections")
    output = args.output or Path("output")
    for path in (args.gold, output):
        if not path.exists():
            raise ConfigError(f"{path} does not exist")
    total, per_file = evaluate.evaluate_paths(args.gold, output)
    if not per_file:
        raise ConfigError(f"no output file in {output} pairs with a gold file in {args.gold} (same stem, or stem + '-...')")
    if not args.json:
        for gold_file, out_file, evaluation in per_file:
            o = evaluation.overall
            print(f"{out_file.name} (gold {gold_file.name}): F1 {o.f1:.4f} P {o.precision:.4f} R {o.recall:.4f}")
            if args.by_file:
                print(evaluate.format_table(evaluation))
            print()
    _print(total, args)
    return ExitCode.ok


def _print(evaluation: Evaluation, args: argparse.Namespace) -> None:
    from extract.review import evaluate

    if args.json:
        payload = {
            "fields": {
                name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support,
                       "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for name, s in evaluation.scores.items() if s.tp + s.fp + s.fn
            },
            "overall": {"precision": evaluation.overall.precision, "recall": evaluation.overall.recall,
                        "f1": evaluation.overall.f1, "support": evaluation.overall.support},
            "mismatches": [m.as_dict() for m in evaluation.mismatches],
        }
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=str)
        print()
        return
    if args.errors:
        for m in evaluation.mismatches:
            print(f"  {m.where}: {m.record}: {m.field}: " +
                  (f"gold {m.gold!r} predicted {m.predicted!r}" if isinstance(m, evaluate.ValueMismatch)
                   else f"missing {m.missing} extra {m.extra}"))
        print()
    # Corrections may cover fields outside the gold set (role, governance.text): print every scored field.
    fields = list(evaluate.FIELDS) + [f for f in evaluation.scores if f not in evaluate.FIELDS]
    print(evaluate.format_table(evaluation, fields))
