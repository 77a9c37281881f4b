"""Ctrl-C: exit code 130, one line on stderr, no traceback (from the command or its workers), and
nothing half-written, whenever the interrupt lands."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import cli_env, default_sigint, write_inputs

from extract.cli import INTERRUPTED
from extract.errors import ExitCode


def _interrupt(args: list[str], cwd: Path, when: Path, settle: float) -> tuple[int, str]:
    """Start ``extract ARGS`` in its own process group, wait until ``when`` exists and ``settle`` seconds
    more, then Ctrl-C the whole group as a terminal does."""
    process = subprocess.Popen([sys.executable, "-m", "extract", *args], cwd=cwd, env=cli_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=default_sigint)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(when.parent.glob(when.name)):
        time.sleep(0.02)
    time.sleep(settle)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    return process.returncode, err


def test_ctrl_c_in_the_middle_of_a_file(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"slow.pdf": "slowpages 40 0.5"})
    code, err = _interrupt(["ingest", "raw/slow.pdf", "--workers", "2", "--quiet"], tmp_path,
                           tmp_path / "output" / ".runs" / "*.json", 1.0)  # busy with the pages by now
    assert code == ExitCode.interrupted, err
    assert err.strip() == INTERRUPTED
    output = tmp_path / "output"
    assert not list(output.glob("*.json")) and not list(output.rglob("*.tmp"))


def test_ctrl_c_while_the_command_starts(tmp_path: Path) -> None:
    """While the workers start up (their interpreters must not print a traceback either): the output
    names are saved just before they are started."""
    write_inputs(tmp_path / "raw", {"slow.pdf": "slowpages 40 0.5"})
    code, err = _interrupt(["batch", "raw", "--workers", "2", "--quiet"], tmp_path, tmp_path / "output" / ".names", 0.0)
    assert code == ExitCode.interrupted, err
    assert "Traceback" not in err and err.strip().endswith(INTERRUPTED)


def _main_interrupted(tmp_path: Path, module: str, before: str, main_body: str) -> subprocess.CompletedProcess[str]:
    """Run ``extract.cli.main`` in a fresh interpreter with its command replaced by ``main_body``
    (``before``: code the module runs first)."""
    (tmp_path / f"{module}.py").write_text(
        f"import extract.cli as cli\n{before}\n"
        f"def _main(argv):\n{main_body}\n"
        "cli._main = _main\n"
        "raise SystemExit(cli.main())\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", module], cwd=tmp_path, env=cli_env(),
                          capture_output=True, text=True, timeout=60, preexec_fn=default_sigint)


def test_ctrl_c_inside_an_exec_of_source_text_still_exits_130(tmp_path: Path) -> None:
    """CPython marks a KeyboardInterrupt that leaves ``exec("...")`` (dataclasses and namedtuple
    build their methods so: any import) as never caught, and then ended the process by SIGINT
    (-2) after main() had caught it; a Ctrl-C during the command's start-up did that under load."""
    done = _main_interrupted(tmp_path, "interrupted_in_exec", "", "    exec('raise KeyboardInterrupt')\n")
    assert done.returncode == ExitCode.interrupted, done.stderr
    assert done.stderr.strip() == INTERRUPTED


def test_ctrl_c_dropped_by_the_interpreter_still_interrupts(tmp_path: Path) -> None:
    """A Ctrl-C that lands in code CPython runs for itself (a weakref callback during an import, a
    ``__del__``) is printed as 'Exception ignored' and dropped; the command must still stop with 130."""
    done = _main_interrupted(
        tmp_path, "interrupted_in_del",
        "import time\n\nclass Collected:\n    def __del__(self):\n        raise KeyboardInterrupt\n",
        "    Collected()\n    time.sleep(30)\n    return 0\n")
    assert done.returncode == ExitCode.interrupted, done.stderr
    assert done.stderr.strip() == INTERRUPTED


def test_ctrl_c_in_a_command_that_writes_nothing_says_so(tmp_path: Path) -> None:
    """'extract show FILE' interrupted: no output to keep, and no batch to run again."""
    from extract.cli import INTERRUPTED_READING

    (tmp_path / "interrupted_show.py").write_text(
        "import extract.cli as cli\n"
        "def _main(argv):\n    raise KeyboardInterrupt\n"
        "cli._main = _main\n"
        "raise SystemExit(cli.main())\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "interrupted_show", "show", "raw/x.pdf"], cwd=tmp_path, env=cli_env(),
                          capture_output=True, text=True, timeout=60, preexec_fn=default_sigint)
    assert done.returncode == ExitCode.interrupted, done.stderr
    assert done.stderr.strip() == INTERRUPTED_READING
