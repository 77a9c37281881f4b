"""Manual corrections kept outside the generated output (implemented by the review work; see issue 5)."""

from __future__ import annotations

from pathlib import Path

from extract.models import OutputFile


def apply_corrections(output: OutputFile, stem: str, corrections_dir: Path) -> OutputFile:
    """Return ``output`` with the corrections stored for ``stem`` applied (none are stored yet)."""
    return output
