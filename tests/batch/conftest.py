"""Helpers for the batch tests: a fake pipeline behind the EXTRACT_PROCESS_FILE hook."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FAKE = "batch_fakes:fake_process"


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers use the fake ``process_file`` (spawned workers inherit the environment and sys.path)."""
    monkeypatch.setenv("EXTRACT_PROCESS_FILE", FAKE)
    if str(HERE) not in sys.path:
        monkeypatch.syspath_prepend(str(HERE))


def cli_env(fake: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    if fake:
        env["EXTRACT_PROCESS_FILE"] = FAKE
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH", "")]))
    return env


def default_sigint() -> None:
    """For a child that must take Ctrl-C: a shell without job control starts background commands
    (``cmd &``, as CI scripts and nohup runs do) with SIGINT ignored, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(args: list[str], cwd: Path, *, fake: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=cwd, env=cli_env(fake),
                          capture_output=True, text=True, timeout=timeout)


def write_inputs(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
