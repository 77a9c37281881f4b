"""The README is the research team's manual: what it shows must be what the product does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from extract.cli import COMMANDS
from extract.models import LabRecord

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.DOTALL)


def test_the_two_fresh_machine_commands_come_first_and_ci_runs_the_second() -> None:
    first, second = _blocks("sh")[:2]
    assert first.strip() == "bash scripts/setup.sh && .venv/bin/extract batch raw/"
    assert second.strip() == "bash scripts/setup.sh --test && .venv/bin/python -m pytest -q"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/setup.sh --test" in ci and ".venv/bin/python -m pytest -q" in ci
    assert README.index("## Two commands") < README.index("## What goes in") < README.index("## Command reference")


def test_every_command_is_in_the_reference() -> None:
    reference = README[README.index("## Command reference"):]
    missing = [name for name in COMMANDS if f"`extract {name}" not in reference]
    assert not missing, f"document these commands in the README's command reference: {missing}"


def test_internals_live_in_the_contributors_page() -> None:
    contributing = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    for internal in ("memory zone", "packed", "fingerprint", "test_layers.py"):
        assert internal in contributing
    assert "memory zone" not in README and "docs/contributing.md" in README


def test_the_record_shown_is_the_one_the_sample_gives(raw_dir: Path) -> None:
    """The README's record is the first lab of raw/nido-benchmark.pdf: same values, and for each
    provenance entry shown, the same page and source text (versions and confidences may move)."""
    from extract.pipeline import process_file
    from extract.settings import load_settings

    shown: dict[str, Any] = json.loads(_blocks("json")[0])
    LabRecord.model_validate(shown)
    output = process_file(raw_dir / "nido-benchmark.pdf", load_settings(), display_path="raw/nido-benchmark.pdf")
    actual = output.records[0].model_dump(mode="json")
    for field, value in shown.items():
        if field == "provenance":
            continue
        assert actual[field] == value, f"README's record, {field}: update it from `extract batch raw/`"
    for field, prov in shown["provenance"].items():
        real = actual["provenance"][field]
        assert (real["page"], real["text"]) == (prov["page"], prov["text"]), field
        assert real["bbox"] == prov["bbox"], field
