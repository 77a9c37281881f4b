"""`extract correct STEM RECORD FIELD VALUE`: correct or confirm one field, kept across runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.errors import ExitCode

LOCK_WAIT_S = 30.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "correct",
        help="correct or confirm a field of a record (kept in corrections/, applied on every run)",
        description=(
            "Store a correction in corrections/<STEM>.yml (a file you may also edit by hand) and apply it to "
            "output/<STEM>.json at once. VALUE is read as JSON when it is valid JSON ('340000', 'null', "
            "'[\"a\", \"b\"]', '{\"name\": \"Board\", \"members\": 3}'), else as text."),
    )
    parser.add_argument("stem", metavar="STEM", help="output file stem: 'x' for output/x.json, 'a/x' for output/a/x.json")
    parser.add_argument("record", metavar="RECORD", help="the lab: name, acronym or 0-based index in the output file")
    parser.add_argument("field", metavar="FIELD", help="field path: website, budget.amount, staff.count, governance.bodies, ...")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="the right value (optional with --confirm)")
    parser.add_argument("--confirm", action="store_true", help="the machine's value is right: record it as confirmed")
    parser.add_argument("--by", help="who made the correction (default: $USER)")
    parser.add_argument("--out", default="output", type=Path, help="output folder (default: output/)")
    parser.add_argument("--corrections", type=Path, help="corrections folder (default: corrections/ beside the output folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.corrections import (
        _MISSING,
        add_correction,
        default_corrections_dir,
        normalise_stem,
        parse_value,
    )
    from extract.review.diff import display
    from extract.store.locking import OutputLock

    value = parse_value(args.value) if args.value is not None else _MISSING
    normalise_stem(args.stem, args.out)  # a stem leaving its folder is refused before anything is touched
    corrections = args.corrections or default_corrections_dir(args.out)
    # A batch writing the same output folder would race the rewrite of the output file, and another
    # `extract correct` (on this or another output folder) the read-modify-write of corrections/.
    # Corrections are quick, so a second one waits its turn (output folder first, then corrections/).
    with OutputLock(args.out, wait_s=LOCK_WAIT_S), OutputLock(corrections, wait_s=LOCK_WAIT_S):
        result = add_correction(args.out, args.stem, args.record, args.field, value, confirm=args.confirm,
                                by=args.by, corrections_dir=args.corrections)
    sys.stdout.write(
        f"{result.status}: {result.record} {result.field} = {json.dumps(display(result.value), ensure_ascii=False)} "
        f"(machine: {json.dumps(display(result.machine_value), ensure_ascii=False)}); saved in {result.path}, applied to {result.output}\n")
    return ExitCode.ok
