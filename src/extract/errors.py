"""Typed errors and the exit-code contract.

The library raises ``ExtractError`` subclasses; only ``cli.py`` turns them into
exit codes and messages. Each error carries a stable ``kind`` (written into run
manifests and ``--report`` summaries) and a message that says what to do.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (a documented, stable contract; see README)."""

    ok = 0
    partial_failure = 1
    """A batch finished but at least one input failed (each failure is in the report)."""
    usage = 2
    """Bad command-line arguments or configuration."""
    all_failed = 3
    """Every input failed (or the single input of `extract ingest` failed)."""
    missing_dependency = 4
    """Tesseract, a language pack or another external tool is missing."""
    locked = 5
    """Another batch holds the lock on the output folder."""
    changed = 6
    """`extract diff --fail-on-change` found changes."""
    cluster = 7
    """The dask cluster cannot run the batch: scheduler not reachable or lost, or workers that do not
    share the folders or versions this machine has (the run is marked failed)."""
    cannot_write = 8
    """An output could not be written (the output folder is a file, read-only or full, a name is too
    long, --to is a folder); the run is marked failed and its --report is still written."""
    interrupted = 130


class ExtractError(Exception):
    """Base class; ``kind`` is the stable name used in reports."""

    kind: str = "error"
    exit_code: ExitCode = ExitCode.all_failed

    def __init__(self, message: str, *, path: str | None = None, page: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.page = page

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}: "
        if self.page is not None:
            where += f"page {self.page}: "
        return f"{where}{self.message}"


class InputFileError(ExtractError):
    """The input cannot be processed; the batch goes on."""


class NotADocumentError(InputFileError):
    kind = "not_a_document"


class CorruptFileError(InputFileError):
    kind = "corrupt"


class EncryptedFileError(InputFileError):
    kind = "encrypted"


class TooLargeError(InputFileError):
    kind = "too_large"


class FileTimeoutError(InputFileError):
    kind = "timeout"


class OcrFailedError(InputFileError):
    kind = "ocr_failed"


class SkippedInputError(InputFileError):
    """A file deliberately not processed (symlink out of the input folder, ...)."""

    kind = "skipped"


class OutputError(ExtractError):
    """An output, manifest or export cannot be written where it was asked for (not a folder,
    read-only, disk full, name too long): not the input's fault, and it stops the run."""

    kind = "output"
    exit_code = ExitCode.cannot_write


class InternalError(ExtractError):
    """A bug or crash in extract or a library it uses (the traceback is logged)."""

    kind = "internal"


class MissingDependencyError(ExtractError):
    kind = "missing_dependency"
    exit_code = ExitCode.missing_dependency


class ConfigError(ExtractError):
    kind = "config"
    exit_code = ExitCode.usage


class RecordNotFoundError(ConfigError):
    """`extract correct` names a lab the output file does not hold (or several it does)."""

    kind = "no_such_record"


class OutputLockedError(ExtractError):
    kind = "locked"
    exit_code = ExitCode.locked


class ClusterError(ExtractError):
    """The dask scheduler cannot be reached or was lost, or its workers cannot run this batch."""

    kind = "cluster"
    exit_code = ExitCode.cluster


class RecordInvalidError(ExtractError):
    """Assembled data failed validation against the output contract."""

    kind = "invalid_record"


ERROR_KINDS: dict[str, type[ExtractError]] = {
    cls.kind: cls
    for cls in (
        NotADocumentError,
        CorruptFileError,
        EncryptedFileError,
        TooLargeError,
        FileTimeoutError,
        OcrFailedError,
        SkippedInputError,
        InternalError,
        MissingDependencyError,
        RecordInvalidError,
        OutputError,
    )
}
