"""Corrections re-applied to an output whose extraction is current, without reading its file again.

Corrections are applied after extraction (``extract.assemble.corrections``), so a changed
corrections file needs no re-extraction: the output is put back to the machine's values and the
stored corrections are applied again, in the planning process (no worker, no spaCy). Each output's
run block holds the state of its own corrections file, so a correction to one report touches that
report alone; before, the whole folder's hash was in every run block and one correction made the
next batch reprocess every file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from extract.assemble.corrections import apply_corrections, strip_corrections
from extract.errors import OutputError
from extract.models import OutputFile
from extract.store.files import atomic_write_json, os_error_message

CORRECTIONS_KEY = "corrections"
REAPPLIED = "corrections re-applied"
"""The message of an input whose output only had its corrections re-applied."""


def _without_corrections(block: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in block.items() if k != CORRECTIONS_KEY}


def reapply_corrections(target: Path, run_block: Mapping[str, Any], corrections_dir: Path | None,
                        stem: str) -> tuple[int, str] | None:
    """(records, sha256) of ``target`` after re-applying its corrections, when everything but its
    corrections is current (same input, settings, extractors, rules); else None (extract it again)."""
    try:
        output = OutputFile.model_validate_json(target.read_bytes())
    except Exception:  # missing, unreadable or not an output: the worker makes it again
        return None
    run = (output.model_extra or {}).get("run")
    if not isinstance(run, Mapping) or _without_corrections(run) != _without_corrections(run_block):
        return None
    # Without a corrections folder, what earlier runs applied comes off too.
    updated = apply_corrections(output, stem, corrections_dir) if corrections_dir is not None else strip_corrections(output)
    data = updated.model_dump(mode="json")
    data["run"] = dict(run_block)
    OutputFile.model_validate(data)  # the contract holds before the old output is replaced
    try:
        written = atomic_write_json(target, data)
    except OSError as exc:
        raise OutputError(os_error_message(exc, str(target))) from exc
    return len(updated.records), written


__all__ = ["REAPPLIED", "reapply_corrections"]
