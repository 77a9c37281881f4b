"""`extract export`: every current record as one table, one row per lab across the archive (or per report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import ExitCode


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the archive's labs as CSV, XLSX or JSON lines (one row per lab, corrections applied)",
        description=(
            "One row per lab across the archive: the same lab found in several reports (matched by name, acronym "
            "and website) is one row, each value with its confidence, page and the report it came from, and the "
            "reports' disagreements in 'conflicts'. --per-file gives one row per lab per report instead. "
            "Corrections are applied; outputs whose report is gone from the input folder are left out. XLSX marks "
            "corrected, to-review (low confidence) and conflicting cells, with a comment saying why."),
    )
    parser.add_argument("--format", choices=("csv", "xlsx", "jsonl"), default="csv", help="default: csv")
    parser.add_argument("--out", default="output", type=Path, help="output folder to read (default: output/)")
    parser.add_argument("--to", type=Path, metavar="FILE",
                        help="file to write (default: stdout for csv/jsonl; for xlsx labs-<date>.xlsx beside the "
                             "output folder, its path printed)")
    parser.add_argument("--per-file", action="store_true", help="one row per lab per report, not one per lab")
    parser.add_argument("--include-stale", action="store_true",
                        help="also export outputs whose report is gone from the input folder (marked stale)")
    parser.add_argument("--corrections", type=Path, help="corrections folder (default: corrections/ beside the output folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.export import default_target, export
    from extract.store.files import prepare_output_file

    to = args.to
    if args.format == "xlsx" and to is None:
        to = default_target(args.out, "xlsx", per_file=args.per_file)
    if to is not None:
        prepare_output_file(to)  # a folder, or a folder that cannot take files: said before the work
    result = export(args.out, args.format, to, corrections_dir=args.corrections, per_file=args.per_file,
                    include_stale=args.include_stale)
    if result.to is not None:
        sys.stdout.write(f"{result.to}\n")  # where it went: data, like `ingest`'s output paths
    return ExitCode.ok
