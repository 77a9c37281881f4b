"""Issue 15's check, locally: one `extract batch` over hostile files, with wall time, the peak memory
of the whole process tree (summed RSS) and of its largest process, and each file's outcome.

    PYTHONPATH=src .venv/bin/python benchmarks/hostile_batch.py [--workers 2] [--keep DIR]

The folder holds the malformed PDFs of ../shared/fuzz-pdfs (when present), a normal report, and the
generators of tests/generator/hostile.py: 2,000 blank pages, a 2 GiB flate bomb, a bomb on page 2, a
page of 200,000 words, a 14,000 pt page, and a file whose name holds terminal escapes. A script, not
a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from generator.hostile import (  # noqa: E402
    blank_pages_pdf,
    bomb_on_page_two_pdf,
    flate_bomb_pdf,
    huge_page_pdf,
    huge_text_page_pdf,
)

FUZZ = ROOT.parent / "shared" / "fuzz-pdfs"


def build(raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    if (ROOT / "raw" / "nido-benchmark.pdf").exists():
        shutil.copy(ROOT / "raw" / "nido-benchmark.pdf", raw / "normal.pdf")
    for pdf in sorted(FUZZ.glob("*.pdf")) if FUZZ.is_dir() else []:
        shutil.copy(pdf, raw / pdf.name)
    blank_pages_pdf(raw / "blank-2000.pdf", 2000)
    flate_bomb_pdf(raw / "flate-bomb.pdf", 2048)
    bomb_on_page_two_pdf(raw / "bomb-page-2.pdf", 2048)
    huge_text_page_pdf(raw / "200k-words.pdf", 200_000)
    huge_page_pdf(raw / "poster-14000pt.pdf", 14_000)
    shutil.copy(raw / "bomb-page-2.pdf", raw / "\x1b]0;pwned\x07[reverse]name.pdf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="2")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    shutil.rmtree(work / "output", ignore_errors=True)
    build(work / "raw")
    files = len(list((work / "raw").iterdir()))
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "extract", "batch", "raw", "--out", "output", "--workers",
                             args.workers, "--no-cache", "--report", "report.json", "--quiet"], cwd=work,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak_total = peak_one = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            rss = []
            for p in tree:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            peak_total, peak_one = max(peak_total, sum(rss)), max(peak_one, max(rss, default=0))
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.monotonic() - started
    print(f"{files} files, exit code {proc.returncode}, wall {wall:.1f} s, peak RSS of the process tree "
          f"{peak_total / 2**20:.0f} MB, of one process {peak_one / 2**20:.0f} MB")
    for item in json.loads((work / "report.json").read_text())["files"]:
        print(f"  {item['path']!r}: {item['status']} {item['error_kind'] or ''} {(item['message'] or '')[:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
