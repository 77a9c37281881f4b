"""A ceiling on what one PDF stream may inflate to while pdfminer reads it.

pdfminer inflates a FlateDecode stream in one call, so a content stream of a few megabytes that
inflates to gigabytes (a decompression bomb, nested or not) takes the worker to its address-space
cap, where a C library aborts (SIGABRT) and the file is reported as a crash. With ``install`` the
zlib pdfminer uses stops at ``limit`` bytes and raises ``StreamTooLarge``: the reader then skips
that page with a warning and keeps the others (pypdf's ``zlib_maximum_output_length`` does the same).
"""

from __future__ import annotations

import zlib
from typing import Any, TypeVar

from extract.errors import TooLargeError


class StreamTooLarge(TooLargeError):
    pass


_E = TypeVar("_E", bound=BaseException)


class _BoundedDecompressor:
    """``zlib.decompressobj()`` that refuses to give more than ``limit`` bytes in all."""

    def __init__(self, limit: int, *args: Any) -> None:
        self._inner = zlib.decompressobj(*args)
        self._limit = limit
        self._given = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self._limit - self._given + 1
        out = self._inner.decompress(data, room if not max_length else min(max_length, room))
        self._given += len(out)
        if self._given > self._limit:
            raise _too_large(self._limit)
        return out

    def flush(self, *args: Any) -> bytes:
        out = self._inner.flush(*args)
        self._given += len(out)
        if self._given > self._limit:
            raise _too_large(self._limit)
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _too_large(limit: int) -> StreamTooLarge:
    return StreamTooLarge(f"a stream inflates to more than limits.max_stream_mb ({limit >> 20} MB): a "
                          "decompression bomb, or raise the limit if the file is trusted")


class BoundedZlib:
    """The parts of the ``zlib`` module pdfminer uses, with an output ceiling."""

    error = zlib.error

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        """``zlib.decompress``: the same result and the same errors, up to the ceiling."""
        inner = zlib.decompressobj(wbits)
        out = inner.decompress(data, self.limit + 1)
        if len(out) > self.limit or inner.unconsumed_tail:
            raise _too_large(self.limit)
        if not inner.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def decompressobj(self, *args: Any) -> _BoundedDecompressor:
        return _BoundedDecompressor(self.limit, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def install(limit_bytes: int) -> None:
    """Make pdfminer inflate streams through ``BoundedZlib`` (idempotent; per process)."""
    from pdfminer import pdftypes

    current = getattr(pdftypes, "zlib", None)
    if isinstance(current, BoundedZlib) and current.limit == limit_bytes:
        return
    setattr(pdftypes, "zlib", BoundedZlib(limit_bytes))  # noqa: B010  (pdfminer's module global)


def too_large_cause(exc: BaseException) -> StreamTooLarge | None:
    """The ``StreamTooLarge`` behind ``exc`` (pdfplumber wraps pdfminer's errors), if any."""
    return cause_of(exc, StreamTooLarge)


def cause_of(exc: BaseException, kind: type[_E]) -> _E | None:
    """The ``kind`` exception behind ``exc``: itself, its cause or context, or one of its arguments."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return item
        todo += [item.__cause__, item.__context__, *(a for a in item.args if isinstance(a, BaseException))]
    return None
