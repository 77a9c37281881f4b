"""A normal PDF, a 2,000-blank-page PDF and a flate bomb on a real `dask scheduler` + one default
`dask worker` (nanny, loopback), with --timeout 60: wall time and each file's outcome.

    PYTHONPATH=src .venv/bin/python benchmarks/dask_hostile.py [--timeout 60] [--memory-mb 1500] [--keep DIR]

It also samples the peak memory (RSS) of the dask worker and every process under it (its nanny
excluded). The run must end by itself with the normal file ok and both hostile files typed (timeout or too_large).
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from generator.hostile import blank_pages_pdf, flate_bomb_pdf  # noqa: E402

DASK = str(Path(sys.executable).with_name("dask"))


def sample(nanny_pid: int, peaks: dict[int, int], stop: threading.Event) -> None:
    """Peak RSS of each process under the nanny (the dask worker and its extract workers)."""
    import psutil

    nanny = psutil.Process(nanny_pid)
    while not stop.wait(0.1):
        try:
            children = nanny.children(recursive=True)
        except psutil.Error:
            return
        for proc in children:
            try:
                peaks[proc.pid] = max(peaks.get(proc.pid, 0), proc.memory_info().rss)
            except psutil.Error:
                pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", default="60")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--memory-mb", type=int, help="limits.worker_memory_mb for the run (default: the setting's)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="dask-hostile-"))
    raw = work / "raw"
    shutil.rmtree(work / "output", ignore_errors=True)
    raw.mkdir(parents=True, exist_ok=True)
    (work / "extract.toml").unlink(missing_ok=True)
    if args.memory_mb:
        (work / "extract.toml").write_text(f"[limits]\nworker_memory_mb = {args.memory_mb}\n")
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
        peaks: dict[int, int] = {}
        stop = threading.Event()
        sampler = threading.Thread(target=sample, args=(procs[1].pid, peaks, stop), daemon=True)
        sampler.start()
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--executor", "dask", "--scheduler",
                               address, "--timeout", args.timeout, "--report", "report.json", "--quiet"],
                              cwd=work, env=env, capture_output=True, text=True, timeout=600)
        wall = time.monotonic() - started
        stop.set()
        sampler.join()
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    print(f"exit code {done.returncode}, wall time {wall:.1f} s (scheduler and worker already running)")
    print(f"peak RSS of one process under the dask worker: {max(peaks.values(), default=0) / 2**20:.0f} MB "
          f"(cap {args.memory_mb or 'default'} MB of address space per extract worker)")
    for item in json.loads((work / "report.json").read_text())["files"]:
        print(f"  {item['path']}: {item['status']} {item['error_kind'] or ''} {(item['message'] or '')[:90]}")
    if done.stderr.strip():
        print("stderr:", done.stderr.strip()[-2000:])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
