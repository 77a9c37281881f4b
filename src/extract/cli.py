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
from typing import NoReturn

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
INTERRUPTED_READING = "extract: interrupted; nothing was written"
READ_ONLY_COMMANDS = frozenset({"show", "diff", "eval", "schema"})
"""Commands that write no output: their Ctrl-C says so, not that outputs are kept."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv``; without it, the process's own (the ``extract`` script,
    ``python -m extract``): an interrupted run then ends the process here (``_end_interrupted``)."""
    previous_hook, sys.unraisablehook = sys.unraisablehook, _interrupt_again_if_dropped
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl-C anywhere, even while a command starts (imports) or cleans up after the first Ctrl-C:
        # one line, no traceback. Outputs are written atomically, so none is left half-written.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while the message is written or we shut down
        command = next((a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("-")), "")
        print(INTERRUPTED_READING if command in READ_ONLY_COMMANDS else INTERRUPTED, file=sys.stderr, flush=True)
        if argv is None:
            _end_interrupted()
        return ExitCode.interrupted
    finally:
        sys.unraisablehook = previous_hook


def _interrupt_again_if_dropped(unraisable: sys.UnraisableHookArgs) -> None:
    """Deliver again a Ctrl-C that CPython dropped.

    A KeyboardInterrupt raised where nobody can catch it (a weakref callback CPython runs during an
    import, a ``__del__``) is printed as 'Exception ignored' and dropped, and the command ran on to
    exit 0: seen once under load in ``test_ctrl_c_while_the_command_starts``. Raising here would be
    dropped too, and so would an interrupt simulated from here (it lands inside this hook), so a new
    thread simulates it once it gets the interpreter, after this hook has returned; dropped again,
    it comes back here."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        import _thread

        _thread.start_new_thread(_thread.interrupt_main, ())
        return
    sys.__unraisablehook__(unraisable)


def _end_interrupted() -> NoReturn:
    """End the process with exit code 130 after what a normal exit does (threads joined, exit
    handlers run: multiprocessing's, logging's), without the interpreter's own exit.

    That exit would not keep 130: CPython (3.11 here) takes a KeyboardInterrupt that leaves an
    ``exec`` of source text as one nobody caught, even when it is caught further up
    (``_Py_UnhandledKeyboardInterrupt``, set in ``run_eval_code_obj``), and then ends the process
    by SIGINT (status -2) after a clean exit. dataclasses and namedtuple build their methods that
    way, so a Ctrl-C during an import (a run's first second) did that 1 to 4 times in 20 on a busy
    machine (``test_ctrl_c_while_the_command_starts``)."""
    import atexit
    import os
    import threading

    try:
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(int(ExitCode.interrupted))


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
