"""`extract diff [OLD] [NEW]`: field-level changes between two runs or two output folders."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.errors import ExitCode


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show which records and fields changed between two runs",
        description="Compare two runs (run ids from OUT/.runs) or two output folders; by default the last two runs of --out. "
                    "A run stands for the whole archive after it (every file's latest output, so an ingest of one "
                    "report changes one file), unless --scope common; the output says which comparison it made.",
    )
    parser.add_argument("old", nargs="?", metavar="OLD", help="run id or output folder (default: the run before the last)")
    parser.add_argument("new", nargs="?", metavar="NEW", help="run id or output folder (default: the last run; with only OLD: the current --out folder)")
    parser.add_argument("--out", default="output", type=Path, help="output folder whose runs are compared (default: output/)")
    parser.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format on stdout (default: text)")
    parser.add_argument("--field", action="append", metavar="F", help="only this field path (e.g. budget.amount or budget); repeatable")
    parser.add_argument("--scope", choices=("archive", "common"), default="archive",
                        help="archive (default): each side is the whole archive after that run, every file's latest "
                             "output; common: only the files both runs processed")
    parser.add_argument("--fail-on-change", action="store_true", help=f"exit {int(ExitCode.changed)} when anything changed (for CI of the rules)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.diff import diff_sides, format_text
    from extract.review.sides import compare

    pair = compare(args.old, args.new, args.out, args.scope)
    result = diff_sides(pair.old.outputs, pair.new.outputs, old_label=pair.old.label, new_label=pair.new.label,
                        fields=args.field, comparison=pair.note, same=pair.same)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n")
    elif args.format == "html":
        from extract.review.render import diff_page

        sys.stdout.write(diff_page(result))
    else:
        sys.stdout.write(format_text(result) + "\n")
    if args.fail_on_change and result.changed:
        return ExitCode.changed
    return ExitCode.ok
