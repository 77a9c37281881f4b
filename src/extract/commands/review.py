"""`extract review [STEM...]`: a static HTML report of records, sources and changes (no server needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import ExitCode


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "review",
        help="build a static HTML review (fields, confidence, corrections, source crops, diff to the previous run)",
        description="Write a folder with index.html, assets and page images that opens in any browser.",
    )
    parser.add_argument("stems", nargs="*", metavar="STEM", help="output stems to include (default: all)")
    parser.add_argument("--out", default="output", type=Path, help="output folder (default: output/)")
    parser.add_argument("--to", type=Path, help="folder to write (default: review/ beside the output folder)")
    parser.add_argument("--raw", type=Path, help="folder holding the source files, when their recorded paths do not resolve")
    parser.add_argument("--against", metavar="RUN|DIR", help="diff against this run id or output folder (default: the previous run)")
    parser.add_argument("--dpi", type=int, default=110, help="resolution of page images (default: 110)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.review.html import build_review
    from extract.store.files import prepare_output_folder

    to = args.to or args.out.resolve().parent / "review"
    prepare_output_folder(to, "--to")
    index = build_review(args.out, to, stems=args.stems or None, raw_dir=args.raw, against=args.against, dpi=args.dpi)
    sys.stdout.write(f"{index}\n")
    return ExitCode.ok
