"""Extraction time of one long section against its size (issue 15, item 3).

    .venv/bin/python benchmarks/long_section.py [--lines 250 500 1000 2000]

Each section is N lines of 'Project i budget EUR n': one sentence with N amounts and N budget
words, the shape that made the budget extractor cubic. Prints seconds per size and the ratio to
the previous size (about 2 for linear work when the sizes double). A script, not a test.
"""

from __future__ import annotations

import argparse
import time

from extract.extractors import extract_records
from extract.models import Line, Section
from extract.settings import Settings


def section(n: int) -> Section:
    lines = [Line(page=1 + i // 50, text=f"Project {i} budget EUR {1000 + 7 * i}",
                  bbox=(72.0, 72.0 + 14 * (i % 50), 300.0, 84.0 + 14 * (i % 50))) for i in range(n)]
    return Section(kind="heading", title="Innovation Lab", lines=lines, language="en")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
    settings = Settings()
    extract_records([section(10)], settings)  # build the rule tables and spaCy first
    previous = None
    print(f"{'lines':>6} {'seconds':>8} {'ratio':>6}")
    for n in args.lines:
        start = time.perf_counter()
        extract_records([section(n)], settings)
        seconds = time.perf_counter() - start
        ratio = f"{seconds / previous:.1f}x" if previous else ""
        print(f"{n:>6} {seconds:>8.2f} {ratio:>6}")
        previous = seconds


if __name__ == "__main__":
    main()
