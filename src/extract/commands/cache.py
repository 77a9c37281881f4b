"""`extract cache clear|info|prune`: manage the page/OCR cache."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extract.errors import ExitCode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("cache", help="clear or prune the page/OCR cache, or show its size",
                            description="The page cache holds text-layer and OCR results keyed by content "
                                        "and the settings that change them.")
    parser.add_argument("action", choices=("clear", "info", "prune"),
                        help="clear: delete every entry; info: entries and bytes; prune: delete entries unused for "
                             "--older-than days, then the least recently used beyond --max-size")
    parser.add_argument("--older-than", metavar="DAYS", type=float,
                        help="prune: delete entries not used for this many days")
    parser.add_argument("--max-size", metavar="MB", type=float,
                        help="prune: then keep at most this many megabytes, the most recently used")
    parser.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: settings cache_dir, else OUT/.cache)")
    parser.add_argument("--out", metavar="DIR", default="output", help="output folder whose cache is meant (default: output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.settings import load_settings
    from extract.store.cache import PageCache

    root = Path(args.cache_dir or load_settings().cache_dir or Path(args.out) / ".cache")
    cache = PageCache(root)
    if args.action == "clear":
        removed = cache.clear()
        print(f"removed {removed} cache entries from {root}")
    elif args.action == "prune":
        if args.older_than is None and args.max_size is None:
            print("extract cache prune: give --older-than DAYS and/or --max-size MB", file=sys.stderr)
            return ExitCode.usage
        if (args.older_than is not None and args.older_than < 0) or (args.max_size is not None and args.max_size < 0):
            print("extract cache prune: --older-than and --max-size must not be negative", file=sys.stderr)
            return ExitCode.usage
        pruned = cache.prune(older_than_s=None if args.older_than is None else args.older_than * 86400,
                             max_bytes=None if args.max_size is None else int(args.max_size * 1e6))
        left = cache.info()
        print(f"removed {pruned.entries} cache entries ({pruned.bytes / 1e6:.1f} MB) from {root}; "
              f"{left.entries} left ({left.bytes / 1e6:.1f} MB)")
    else:
        info = cache.info()
        print(f"{info.root}: {info.entries} entries, {info.bytes} bytes ({info.bytes / 1e6:.1f} MB)")
    return ExitCode.ok
