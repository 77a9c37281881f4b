"""Logging set-up for the command line (the library itself never adds handlers)."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import unicodedata

# Controls (C0, DEL, C1), format characters (bidi overrides, zero-width) and line/paragraph separators.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape (``\\x1b``,
    ``\\u202e``): a file name may hold escape sequences that retitle or clear the screen."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    text = _UNSAFE.sub(escape, text)
    if any(unicodedata.category(ch) == "Cf" for ch in text):  # other invisible format characters
        text = "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cf" else ch for ch in text)
    return text


def json_terminal_safe(text: str) -> str:
    """JSON text with the characters ``json.dumps(ensure_ascii=False)`` leaves as they are (C1 controls:
    U+009B is a CSI; bidi overrides) written as ``\\uXXXX`` escapes: the same JSON, safe to print."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class SafeFormatter(logging.Formatter):
    """The plain log format with the message made terminal-safe (tracebacks stay as they are)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        safe = terminal_safe(message)
        if safe == message:
            return super().format(record)
        saved = record.msg, record.args
        record.msg, record.args = safe, None
        try:
            return super().format(record)
        finally:
            record.msg, record.args = saved


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line, for unattended runs and log shippers."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("path", "page", "kind", "event"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        # json escapes C0 controls; C1 controls (U+009B is a CSI) and bidi overrides are escaped too.
        return json_terminal_safe(json.dumps(entry, ensure_ascii=False))


def configure(*, verbose: int = 0, as_json: bool = False) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    if as_json:
        handler.setFormatter(JsonLinesFormatter())
    else:
        handler.setFormatter(SafeFormatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("extract")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
