"""The README's three jobs, run as written (issue 17): every `extract` command in their shell blocks,
in order, on a copy of the sample report, plus the user-rules example; so the manual cannot rot."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
JOBS = README[README.index("## Job 1"):README.index("## Command reference")]


def _blocks(lang: str) -> list[str]:
    return [re.sub(r"(?m)^ {3}", "", block) for block in re.findall(rf"```{lang}\n(.*?)```", JOBS, flags=re.DOTALL)]


def _commands() -> list[str]:
    lines = [line.split("  #")[0].strip() for block in _blocks("sh") for line in block.splitlines()]
    return [line for line in lines if line]


def _rule_files() -> dict[str, str]:
    """The yaml block's files: each starts with a '# my-rules/<name>.yml: ...' comment."""
    files: dict[str, str] = {}
    name = None
    for line in _blocks("yaml")[0].splitlines():
        header = re.match(r"# my-rules/(\S+\.yml):", line)
        if header:
            name = header.group(1)
            files[name] = ""
        elif name:
            files[name] += line + "\n"
    return files


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command)
    assert argv[0] == "extract", command
    target = None
    if ">" in argv:
        at = argv.index(">")
        argv, target = argv[:at], cwd / argv[at + 1]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run([sys.executable, "-m", "extract", *argv[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    if target is not None:
        target.write_text(done.stdout, encoding="utf-8")
    return done


def test_the_jobs_commands_run_as_written(tmp_path: Path, raw_dir: Path) -> None:
    commands = _commands()
    assert commands[0] == "extract batch raw/" and any(c.startswith("extract correct") for c in commands)
    (tmp_path / "raw").mkdir()
    shutil.copy(raw_dir / "nido-benchmark.pdf", tmp_path / "raw" / "nido-benchmark.pdf")
    for command in commands:
        done = _run(command, tmp_path)
        allowed = {0, 6} if "--fail-on-change" in command else {0}
        assert done.returncode in allowed, f"{command}: exit {done.returncode}\n{done.stderr}"
        if command.startswith("extract batch"):
            assert "output: 9 record(s)" in done.stderr, done.stderr
    assert "<html" in (tmp_path / "diff.html").read_text(encoding="utf-8").lower()
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"]
    # What the correct block says it does: a website corrected, staff confirmed, the budget taken back.
    record = json.loads((tmp_path / "output" / "nido-benchmark.json").read_text(encoding="utf-8"))["records"][0]
    assert record["website"] == "https://www.ric.nl" and record["budget"]["amount"] == 340000
    assert set(record["corrections"]) == {"website", "staff.count"}
    kept = yaml.safe_load((tmp_path / "corrections" / "nido-benchmark.yml").read_text(encoding="utf-8"))
    assert set(next(iter(kept["records"].values()))["fields"]) == {"website", "staff.count"}

    # The user-rules example is a valid rules folder: a batch with it runs, and reprocesses the report.
    rules = tmp_path / "my-rules"
    rules.mkdir()
    files = _rule_files()
    assert set(files) == {"nl.yml", "labels.yml"}
    for name, text in files.items():
        (rules / name).write_text(text, encoding="utf-8")
    done = _run("extract batch raw/ --rules my-rules", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 ok (0 unchanged)" in done.stderr, done.stderr
