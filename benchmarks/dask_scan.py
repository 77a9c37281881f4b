"""One long scan on 2 local workers vs 2 dask workers (a script, not a test; see benchmarks/README.md).

    PYTHONPATH=src .venv/bin/python benchmarks/dask_scan.py [--pages 34] [--dpi 300] [--repeat 1]

The scan is built like bench.py's (reportlab text, rendered, damaged, image-only PDF). Measured as
whole `extract batch` commands with no cache, alternated:
- local:  `--workers 2` (the local pool shares the document's OCR pages over both processes)
- dask:   a `dask scheduler` and two default `dask worker --nthreads 1` processes on loopback, started
          before timing (a cluster is long-lived); the batch connects, checks and runs
Prints wall time and the run's own span (manifest) for each, the ratio dask / local, and whether
the records are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import manifest_span, records_of, scan_pdf, seed_lines, text_pdf

DASK = str(Path(sys.executable).with_name("dask"))


def batch(work: Path, out: str, extra: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--out", out, "--no-cache", "--force",
                           "--quiet", *extra], cwd=work, env=env, capture_output=True, text=True)
    wall = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit(f"extract batch {' '.join(extra)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    run = sorted((work / out / ".runs").glob("*.json"))[-1]
    return wall, manifest_span(work / out, run.stem)


def start_cluster(work: Path, env: dict[str, str], workers: int) -> tuple[str, list[subprocess.Popen]]:
    scheduler_file = work / "scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True, "env": env}
    procs = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(scheduler_file)], **quiet)]  # type: ignore[call-overload]
    while True:
        try:
            address = json.loads(scheduler_file.read_text())["address"]
            break
        except (OSError, ValueError, KeyError):
            time.sleep(0.2)
    for _ in range(workers):
        procs.append(subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                       "--no-dashboard"], **quiet))  # type: ignore[call-overload]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, procs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=34)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1, help="alternated pairs; the fastest of each counts")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dask-scan-"))
    (work / "raw").mkdir()
    (work / "img").mkdir()
    text_pdf(work / "source.pdf", seed_lines(), args.pages, offset=11)
    scan_pdf(work / "source.pdf", work / "raw" / "long-scan.pdf", work / "img", args.dpi, random.Random(16))
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    address, procs = start_cluster(work, env, 2)
    local: list[tuple[float, float]] = []
    dask: list[tuple[float, float]] = []
    try:
        for _ in range(args.repeat):
            local.append(batch(work, "out-local", ["--workers", "2"], env))
            dask.append(batch(work, "out-dask", ["--executor", "dask", "--scheduler", address], env))
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    best_local, best_dask = min(local), min(dask)
    same = records_of(work / "out-local") == records_of(work / "out-dask")
    print(f"one scan of {args.pages} pages at {args.dpi} DPI, no cache, best of {args.repeat}")
    print(f"  2 local workers : {best_local[0]:6.1f} s whole command, {best_local[1]:6.1f} s run span")
    print(f"  2 dask workers  : {best_dask[0]:6.1f} s whole command, {best_dask[1]:6.1f} s run span")
    print(f"  dask / local    : {best_dask[0] / best_local[0]:.2f}x whole command, "
          f"{best_dask[1] / best_local[1]:.2f}x run span; records identical: {same}")
    print(f"  load average    : {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
