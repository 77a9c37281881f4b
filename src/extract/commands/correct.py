"""`extract correct STEM RECORD FIELD VALUE`: correct or confirm one field, kept across runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.errors import ConfigError, ExitCode

LOCK_WAIT_S = 30.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "correct",
        help="correct, confirm or take back a field of a record (kept in corrections/, applied on every run)",
        description=(
            "Store a correction in corrections/<STEM>.yml (a file you may also edit by hand) and apply it to "
            "output/<STEM>.json at once; the next batch re-applies it without reading the report again. "
            "VALUE is read as JSON when it is valid JSON ('340000', 'null', "
            "'[\"a\", \"b\"]', '{\"name\": \"Board\", \"members\": 3}'), else as text. "
            "--remove takes a correction back."),
    )
    parser.add_argument("stem", metavar="STEM", help="output file stem: 'x' for output/x.json, 'a/x' for output/a/x.json")
    parser.add_argument("record", metavar="RECORD",
                        help="the lab: its name or acronym (the machine's or the corrected one), website, or its "
                             "number as the review page shows it ('#3' or '3', counted from 0)")
    parser.add_argument("field", metavar="FIELD", help="field path: website, budget.amount, staff.count, governance.bodies, ...")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="the right value (optional with --confirm)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--confirm", action="store_true", help="the machine's value is right: record it as confirmed")
    action.add_argument("--remove", action="store_true",
                        help="take back the correction or confirmation of FIELD: the machine's value shows again")
    parser.add_argument("--by", help="who made the correction (default: $USER)")
    parser.add_argument("--out", default="output", type=Path, help="output folder (default: output/)")
    parser.add_argument("--corrections", type=Path, help="corrections folder (default: corrections/ beside the output folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.correct import _MISSING, add_correction, parse_value, remove_correction
    from extract.review.corrections import default_corrections_dir, normalise_stem
    from extract.review.diff import display
    from extract.store.locking import OutputLock

    if args.remove and args.value is not None:
        raise ConfigError("--remove takes no VALUE: it puts the machine's value back")
    value = parse_value(args.value) if args.value is not None else _MISSING
    normalise_stem(args.stem, args.out)  # a stem leaving its folder is refused before anything is touched
    corrections = args.corrections or default_corrections_dir(args.out)
    # A batch writing the same output folder would race the rewrite of the output file, and another
    # `extract correct` (on this or another output folder) the read-modify-write of corrections/.
    # Corrections are quick, so a second one waits its turn (output folder first, then corrections/).
    with OutputLock(args.out, wait_s=LOCK_WAIT_S), OutputLock(corrections, wait_s=LOCK_WAIT_S):
        if args.remove:
            result = remove_correction(args.out, args.stem, args.record, args.field, corrections_dir=args.corrections)
        else:
            result = add_correction(args.out, args.stem, args.record, args.field, value, confirm=args.confirm,
                                    by=args.by, corrections_dir=args.corrections)
    shown = json.dumps(display(result.value), ensure_ascii=False)
    if result.status == "removed":
        sys.stdout.write(f"removed: {safe(result.record)} {result.field} is the machine's value again, {safe(shown)}; "
                         f"saved in {result.path}, applied to {result.output}\n")
    elif result.status == "confirmed":  # the machine's value, said once
        sys.stdout.write(f"confirmed: {safe(result.record)} {result.field} = {safe(shown)}; "
                         f"saved in {result.path}, applied to {result.output}\n")
    else:
        sys.stdout.write(
            f"{result.status}: {safe(result.record)} {result.field} = {safe(shown)} "
            f"(machine: {safe(json.dumps(display(result.machine_value), ensure_ascii=False))}); "
            f"saved in {result.path}, applied to {result.output}\n")
    return ExitCode.ok


def safe(text: str) -> str:
    """Text from a document, made harmless on a terminal (no escape sequences or control characters)."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
