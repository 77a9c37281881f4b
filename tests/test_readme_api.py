"""The README's "Python API" examples run as written, so they cannot rot."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SECTION = re.compile(r"^## Python API\n(.*?)(?=^## )", re.DOTALL | re.MULTILINE)
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def examples() -> list[str]:
    section = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section, "README.md has no '## Python API' section"
    return BLOCK.findall(section.group(1))


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 2


@pytest.mark.parametrize("number", range(len(examples())))
def test_readme_example_runs(number: int, tmp_path: Path, raw_dir: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(raw_dir / "nido-benchmark.pdf", tmp_path / "raw" / "nido-benchmark.pdf")
    (tmp_path / "raw" / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Encrypt 2 0 R >>\nendobj\n%%EOF\n")
    script = tmp_path / f"example_{number}.py"
    script.write_text(examples()[number], encoding="utf-8")
    done = subprocess.run([sys.executable, script.name], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Rijks Innovatie Community" in done.stdout
