"""Start-up cost of small jobs (issue 17, item 7): a script, not a test; see benchmarks/README.md.

    PYTHONPATH=src .venv/bin/python benchmarks/startup.py [--repeat 3] [--only warm|single] [--keep]

Two ratios, each from whole `extract` commands (interpreter, imports and workers included):

- warm: two image-only scans (4 + 5 pages at 300 DPI) in one folder. Cold: `extract batch` with an
  empty output folder and cache. Warm: `extract batch --force` again on the same folder (the cache
  and outputs are there; every file is reprocessed from the cache). Ratio cold / warm (target >= 20x);
  the records of both runs are compared.
- single: one 6-page scan ingested alone (`extract ingest --workers 2 --no-cache`) against plain
  `tesseract IMG out -l nld+eng+fra tsv` (OMP_THREAD_LIMIT=1) on the same page images (the scan's
  pages rendered back at the OCR DPI), 2 at a time. Ratio ours / tesseract (target <= 1.2x).

Each side runs ``--repeat`` times, alternated; medians are reported, with min and max.
``--other-src DIR`` (single only) also runs another checkout's ``src`` (e.g. a worktree of main) in
the same rounds, so a change is compared with the code before it under the same load: on a shared
machine two separate runs of this script differ more than most changes do.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import LANGS, extract_cmd, scan_pdf, seed_lines, tesseract_baseline, text_pdf

PARTS = ("warm", "single")


def outputs_of(out_dir: Path) -> dict[str, bytes]:
    """Every output file's bytes (the cache, names index and run records left out)."""
    return {p.name: p.read_bytes() for p in sorted(out_dir.glob("*.json")) if not p.name.startswith(".")}


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side, alternated (default 3)")
    parser.add_argument("--only", action="append", choices=PARTS, metavar="PART")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--other-src", type=Path, help="single: also time this src folder, in the same rounds")
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    # As an installed package runs: with its bytecode cache (compiling every module at each start
    # would add about half a second to every command and worker here).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # The commands run in a temporary folder: a relative PYTHONPATH (`PYTHONPATH=src`) would not be
    # found there, and they would time whatever extract is installed (an editable install's checkout).
    if os.environ.get("PYTHONPATH"):
        os.environ["PYTHONPATH"] = os.pathsep.join(
            str(Path(entry).resolve()) for entry in os.environ["PYTHONPATH"].split(os.pathsep) if entry)
    dpi, workers = 300, 2
    rng = random.Random(20261203)
    work = Path(tempfile.mkdtemp(prefix="extract-startup-"))
    common = ["--dpi", str(dpi), "--languages", LANGS, "--workers", str(workers)]
    try:
        lines = seed_lines()
        print(f"building corpus in {work} ...", file=sys.stderr)
        scans, images_dir = work / "scans", work / "images"
        single, single_images = work / "single", work / "single-images"
        for folder in (scans, images_dir, single, single_images, work / "tess"):
            folder.mkdir()
        for i, pages in enumerate((4, 5)):
            source = work / f"source-{i}.pdf"
            text_pdf(source, lines, pages, offset=300 + i * 41)
            scan_pdf(source, scans / f"scan-{i}.pdf", images_dir, dpi, rng)
        source = work / "source-single.pdf"
        text_pdf(source, lines, 6, offset=900)
        images = scan_pdf(source, single / "report.pdf", single_images, dpi, rng)

        if "warm" in parts:
            colds: list[float] = []
            warms: list[float] = []
            same = True
            for run in range(args.repeat):
                out = work / f"o-warm-{run}"
                base = ["batch", str(scans), "--out", str(out), *common]
                colds.append(extract_cmd(base, work)[0])
                cold_records = outputs_of(out)
                warms.append(extract_cmd([*base, "--force"], work)[0])
                same = same and outputs_of(out) == cold_records
                print(f"  cold {colds[-1]:.2f} s, warm --force {warms[-1]:.2f} s", file=sys.stderr)
            ratio = statistics.median(colds) / statistics.median(warms)
            print(f"warm: cold / warm --force, 2 scans (9 pages): {ratio:.1f}x (target >= 20x); "
                  f"outputs byte-identical: {same}")
            print(f"  cold {_median(colds)}")
            print(f"  warm {_median(warms)}")

        if "single" in parts:
            ours: list[float] = []
            other: list[float] = []
            tess: list[float] = []

            def ingest(run: int, src: Path | None = None) -> float:
                env_before = os.environ.get("PYTHONPATH")
                if src is not None:
                    os.environ["PYTHONPATH"] = str(src.resolve())
                try:
                    return extract_cmd(["ingest", str(single / "report.pdf"), "--out",
                                        str(work / f"o-one-{'other-' if src else ''}{run}"), "--no-cache", *common],
                                       work)[0]
                finally:
                    if env_before is None:
                        os.environ.pop("PYTHONPATH", None)
                    else:
                        os.environ["PYTHONPATH"] = env_before

            for run in range(args.repeat):
                ours.append(ingest(run))
                if args.other_src:
                    other.append(ingest(run, args.other_src))
                tess.append(tesseract_baseline(images, workers, work / "tess"))
                print(f"  ours {ours[-1]:.2f} s, {f'other {other[-1]:.2f} s, ' if other else ''}"
                      f"tesseract {tess[-1]:.2f} s", file=sys.stderr)
            ratio = statistics.median(ours) / statistics.median(tess)
            print(f"single: one 6-page scan, ours / tesseract CLI, {workers} processes: {ratio:.2f}x (target <= 1.2x)")
            print(f"  ours      {_median(ours)}")
            if other:
                same = outputs_of(work / "o-one-0") == outputs_of(work / "o-one-other-0")
                print(f"  other     {_median(other)}: {statistics.median(other) / statistics.median(tess):.2f}x; "
                      f"outputs byte-identical: {same}")
            print(f"  tesseract {_median(tess)}")
        print(f"({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the end)")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
