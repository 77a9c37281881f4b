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
        description="Compare two runs (run ids from OUT/.runs) or two output folders; by default the last two runs of --out.",
    )
    parser.add_argument("old", nargs="?", metavar="OLD", help="run id or output folder (default: the run before the last)")
    parser.add_argument("new", nargs="?", metavar="NEW", help="run id or output folder (default: the last run; with only OLD: the current --out folder)")
    parser.add_argument("--out", default="output", type=Path, help="output folder whose runs are compared (default: output/)")
    parser.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format on stdout (default: text)")
    parser.add_argument("--field", action="append", metavar="F", help="only this field path (e.g. budget.amount or budget); repeatable")
    parser.add_argument("--fail-on-change", action="store_true", help=f"exit {int(ExitCode.changed)} when anything changed (for CI of the rules)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.diff import default_sides, diff_sides, format_text, resolve_side
    from extract.store.snapshots import outputs_in_folder

    out_dir: Path = args.out
    if args.old and args.new:
        old, new = resolve_side(args.old, out_dir), resolve_side(args.new, out_dir)
    elif args.old:
        old, new = resolve_side(args.old, out_dir), (str(out_dir), outputs_in_folder(out_dir))
    else:
        old, new = default_sides(out_dir)
    result = diff_sides(old[1], new[1], old_label=old[0], new_label=new[0], fields=args.field)
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
