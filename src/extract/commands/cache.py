"""`extract cache clear|info`: manage the page/OCR cache."""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.errors import ExitCode


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("cache", help="clear the page/OCR cache or show its size",
                            description="The page cache holds text-layer and OCR results keyed by content "
                                        "and the settings that change them.")
    parser.add_argument("action", choices=("clear", "info"), help="clear: delete every entry; info: entries and bytes")
    parser.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: settings cache_dir, else OUT/.cache)")
    parser.add_argument("--out", metavar="DIR", default="output", help="output folder whose cache is meant (default: output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.cache import PageCache
    from extract.settings import load_settings

    root = Path(args.cache_dir or load_settings().cache_dir or Path(args.out) / ".cache")
    cache = PageCache(root)
    if args.action == "clear":
        removed = cache.clear()
        print(f"removed {removed} cache entries from {root}")
    else:
        info = cache.info()
        print(f"{info.root}: {info.entries} entries, {info.bytes} bytes ({info.bytes / 1e6:.1f} MB)")
    return ExitCode.ok
