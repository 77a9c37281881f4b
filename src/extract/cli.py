"""The ``extract`` command.

The only place that maps errors to exit codes and configures logging. Each
subcommand lives in ``extract.commands.<name>`` with ``register(subparsers)``
and ``run(args) -> int``; those modules import heavy machinery (spaCy, OCR,
pdfplumber) inside ``run`` so that ``extract --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from extract import __version__
from extract.errors import ExitCode, ExtractError

COMMANDS = ("ingest", "batch", "show", "eval", "schema", "cache", "diff", "correct", "review", "export")

log = logging.getLogger("extract")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Turn reports about innovation labs (PDFs, scans, page images) into validated JSON records.",
    )
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    parser.add_argument("--log-json", action="store_true", help="log as JSON lines on stderr (unattended runs)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"extract.commands.{name}").register(sub)
    return parser


def configure_logging(verbose: int, as_json: bool) -> None:
    from extract.logs import configure

    configure(verbose=verbose, as_json=as_json)


INTERRUPTED = ("extract: interrupted; outputs finished before are kept and nothing is half-written "
               "(run the command again to finish: batch skips what is done)")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl-C anywhere, even while a command starts (imports) or cleans up after the first Ctrl-C:
        # one line, no traceback. Outputs are written atomically, so none is left half-written.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while the message is written
        print(INTERRUPTED, file=sys.stderr, flush=True)
        return ExitCode.interrupted


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return ExitCode.usage
    configure_logging(args.verbose, args.log_json)
    try:
        return int(args.run(args))
    except ExtractError as exc:
        log.error("%s: %s", exc.kind, exc)
        if args.verbose:
            log.exception("details")
        return int(exc.exit_code)
    except BrokenPipeError:
        return ExitCode.ok
    except OSError as exc:  # a file or folder the command had to write (or read) refused: say which and why
        from extract.store.files import os_error_message

        log.error("output: %s", os_error_message(exc, "a file"))
        if args.verbose:
            log.exception("details")
        return ExitCode.cannot_write
