"""`extract show FILE`: print what the extractors saw (pages as read, line roles, sections per lab)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.commands.batch import add_rules_option, cache_folder
from extract.errors import ExitCode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "show", help="print the text and sections of FILE as the extractors see them",
        description="Read FILE as `ingest` would and print, per page, how its text was obtained (text layer or "
                    "OCR, and why) and its lines in reading order with their roles (heading, header, footer, "
                    "footnote, ...); then the sections, one per lab, with how sure the lab assignment is and "
                    "their text. Control characters in the document's text are shown escaped. Writes no output; "
                    "uses the page cache of --out (OCR'd pages are not read again). Exit codes: 0 shown, "
                    "3 the file cannot be read, 4 Tesseract missing.",
    )
    parser.add_argument("file", metavar="FILE", help="a PDF, page image or .txt/.md file")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout instead of text")
    parser.add_argument("--out", metavar="DIR", default="output", help="output folder whose cache is used")
    parser.add_argument("--cache-dir", metavar="DIR", help="page/OCR cache folder (default: OUT/.cache)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the page cache")
    parser.add_argument("--languages", metavar="LANGS", help="Tesseract languages, e.g. nld+eng+fra")
    parser.add_argument("--dpi", type=int, metavar="N", help="rendering resolution for OCR")
    parser.add_argument("--force-ocr", action="store_true", default=None,
                        help="OCR every page, even where the PDF's text layer looks good")
    add_rules_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.errors import NotADocumentError
    from extract.pipeline import read_for_show
    from extract.review.show import DocumentView, as_json, render_text
    from extract.rules.loader import check_rules
    from extract.settings import load_settings
    from extract.store.cache import PageCache

    path = Path(args.file)
    if not path.is_file():
        raise NotADocumentError("no such file" if not path.exists() else "not a regular file", path=str(path))
    settings = load_settings(cache_dir=args.cache_dir, languages=args.languages, dpi=args.dpi,
                             force_ocr=args.force_ocr, rules_dir=args.rules)
    check_rules(settings.rules_dir)
    cache = None if args.no_cache else PageCache(cache_folder(settings, Path(args.out)))
    view = DocumentView(*read_for_show(path, settings, cache=cache))
    if args.json:
        print(as_json(view))
    else:
        sys.stdout.writelines(line + "\n" for line in render_text(view))
    return ExitCode.ok
