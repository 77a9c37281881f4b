"""A normal PDF, a 2,000-blank-page PDF and a flate bomb on a real `dask scheduler` + one default
`dask worker` (nanny, loopback), with --timeout 60: wall time and each file's outcome.

    PYTHONPATH=src .venv/bin/python benchmarks/dask_hostile.py [--timeout 60] [--keep DIR]

The run must end by itself with the normal file ok and both hostile files typed (timeout or too_large).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from generator.hostile import blank_pages_pdf, flate_bomb_pdf  # noqa: E402

DASK = str(Path(sys.executable).with_name("dask"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", default="60")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dask-hostile-"))
    raw = work / "raw"
    shutil.rmtree(work / "output", ignore_errors=True)
    raw.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "raw" / "nido-benchmark.pdf", raw / "normal.pdf")
    blank_pages_pdf(raw / "blank-2000.pdf", 2000)
    flate_bomb_pdf(raw / "flate-bomb.pdf", 2048)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    scheduler_file = work / "scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file",
                               str(scheduler_file)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)]
    try:
        while not scheduler_file.exists():
            time.sleep(0.2)
        time.sleep(0.5)
        address = json.loads(scheduler_file.read_text())["address"]
        procs.append(subprocess.Popen([DASK, "worker", address, "--host", "127.0.0.1"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--executor", "dask", "--scheduler",
                               address, "--timeout", args.timeout, "--report", "report.json", "--quiet"],
                              cwd=work, env=env, capture_output=True, text=True, timeout=600)
        wall = time.monotonic() - started
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    print(f"exit code {done.returncode}, wall time {wall:.1f} s (scheduler and worker already running)")
    for item in json.loads((work / "report.json").read_text())["files"]:
        print(f"  {item['path']}: {item['status']} {item['error_kind'] or ''} {(item['message'] or '')[:90]}")
    if done.stderr.strip():
        print("stderr:", done.stderr.strip()[-2000:])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
