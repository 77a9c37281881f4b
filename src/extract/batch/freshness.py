"""Whether an output is current: made from the same input bytes, settings, extractor versions, rule
data and corrections as this run would use (its top-level ``run`` block). A current output is not
reprocessed unless ``--force``.

The corrections state is the hash of the output's own corrections file: when only it changed, the
corrections are applied again to the existing output (``batch.reapply``), without extraction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.store.files import sha256_bytes


def run_block(input_sha256: str, settings_hash: str, extractors: dict[str, str], rules: str,
              corrections: str) -> dict[str, Any]:
    """The ``run`` block an output made by this run carries."""
    return {"input_sha256": input_sha256, "settings_hash": settings_hash, "extractors": extractors,
            "rules": rules, "corrections": corrections}


def current_output(path: Path, run_block: dict[str, Any]) -> tuple[int, str] | None:
    """(records, sha256) of an existing output that is complete and was made from the same inputs, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        from extract.models import OutputFile

        output = OutputFile.model_validate_json(data)
    except Exception:
        return None
    if (output.model_extra or {}).get("run") != run_block:
        return None
    return len(output.records), sha256_bytes(data)

