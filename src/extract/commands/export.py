"""`extract export --format csv|xlsx|jsonl`: every latest record, one flat row per lab, corrections applied."""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.errors import ConfigError, ExitCode


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write all latest records as CSV, XLSX or JSON lines (one row per lab)",
        description="Flatten every record of every output file into one row per lab, with corrections applied.",
    )
    parser.add_argument("--format", choices=("csv", "xlsx", "jsonl"), default="csv", help="default: csv")
    parser.add_argument("--out", default="output", type=Path, help="output folder to read (default: output/)")
    parser.add_argument("--to", type=Path, metavar="FILE", help="file to write (default: stdout for csv/jsonl; required for xlsx)")
    parser.add_argument("--corrections", type=Path, help="corrections folder (default: corrections/ beside the output folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.export import export
    from extract.store.files import prepare_output_file

    if args.format == "xlsx" and args.to is None:
        raise ConfigError("xlsx needs a file: add --to FILE.xlsx")
    if args.to is not None:
        prepare_output_file(args.to)  # a folder, or a folder that cannot take files: said before the work
    count = export(args.out, args.format, args.to, corrections_dir=args.corrections)
    if args.to is not None:
        import logging

        logging.getLogger("extract").info("wrote %d records to %s", count, args.to)
    return ExitCode.ok
