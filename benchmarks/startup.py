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
``--other-src DIR`` also runs another checkout's ``src`` (e.g. a worktree of main) in the same
rounds (warm: its own cold run, then its warm runs alternating with this checkout's;
``--warm-repeat N`` warm runs after each cold one), so a change is compared with the code before
it under the same load: on a shared machine two separate runs of this script differ more than
most changes do.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
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
    parser.add_argument("--other-src", type=Path, help="also time this src folder, in the same rounds")
    parser.add_argument("--warm-repeat", type=int, default=1, help="warm: forced warm runs after each cold run")
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

        def with_src(src: Path | None, run: Callable[[], float]) -> float:
            """``run`` with PYTHONPATH set to another checkout's src (None: this one)."""
            env_before = os.environ.get("PYTHONPATH")
            if src is not None:
                os.environ["PYTHONPATH"] = str(src.resolve())
            try:
                return run()
            finally:
                if env_before is None:
                    os.environ.pop("PYTHONPATH", None)
                else:
                    os.environ["PYTHONPATH"] = env_before

        def cpu_timed(into: list[float], run: Callable[[], float]) -> float:
            """``run()``'s result (wall seconds); its process tree's CPU seconds appended to ``into``."""
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = run()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            into.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            return wall

        if "warm" in parts:
            # Each checkout: a cold run into its own folder, then ``--warm-repeat`` forced warm runs,
            # the checkouts' warm runs alternating (a warm run is 20-50x shorter than a cold one, so
            # it is the side the load of the moment moves most).
            sides: list[tuple[str, Path | None]] = [("this", None)] + ([("other", args.other_src)]
                                                                      if args.other_src else [])
            colds: dict[str, list[float]] = {name: [] for name, _ in sides}
            warms: dict[str, list[float]] = {name: [] for name, _ in sides}
            cold_cpu: dict[str, list[float]] = {name: [] for name, _ in sides}
            warm_cpu: dict[str, list[float]] = {name: [] for name, _ in sides}
            same = True
            for run in range(args.repeat):
                cold_records: dict[str, dict[str, bytes]] = {}
                for name, src in sides:
                    out = work / f"o-warm-{name}-{run}"
                    base = ["batch", str(scans), "--out", str(out), *common]
                    colds[name].append(cpu_timed(cold_cpu[name], lambda base=base, src=src: with_src(
                        src, lambda: extract_cmd(base, work)[0])))
                    cold_records[name] = outputs_of(out)
                for _ in range(args.warm_repeat):
                    for name, src in sides:
                        out = work / f"o-warm-{name}-{run}"
                        base = ["batch", str(scans), "--out", str(out), *common, "--force"]
                        warms[name].append(cpu_timed(warm_cpu[name], lambda base=base, src=src: with_src(
                            src, lambda: extract_cmd(base, work)[0])))
                        same = same and outputs_of(out) == cold_records[name]
                same = same and len({json.dumps(sorted(r)) for r in cold_records.values()}) == 1
                if len(sides) == 2:  # the two checkouts' records: byte for byte
                    same = same and cold_records["this"] == cold_records["other"]
                print("  " + "; ".join(f"{name}: cold {colds[name][-1]:.2f} s, warm --force "
                                        f"{', '.join(f'{w:.2f}' for w in warms[name][-args.warm_repeat:])} s"
                                        for name, _ in sides), file=sys.stderr)
            for name, _ in sides:
                ratio = statistics.median(colds[name]) / statistics.median(warms[name])
                print(f"warm ({name}): cold / warm --force, 2 scans (9 pages): {ratio:.1f}x (target >= 20x)")
                print(f"  cold {_median(colds[name])}")
                print(f"  warm {_median(warms[name])}")
                print(f"  CPU (user + sys, whole process tree): cold {_median(cold_cpu[name])}, "
                      f"warm {_median(warm_cpu[name])}")
            print(f"  outputs byte-identical (cold and warm{', both checkouts' if len(sides) == 2 else ''}): {same}")

        if "single" in parts:
            # Wall seconds, and CPU seconds (user + sys of the whole process tree: the extract
            # process, its workers and Tesseract, or the tesseract commands): on a shared machine
            # the load of the moment moves wall times by up to 2.5x, CPU time much less.
            walls: dict[str, list[float]] = {"ours": [], "other": [], "tesseract": []}
            cpus: dict[str, list[float]] = {"ours": [], "other": [], "tesseract": []}

            def measured(side: str, run: Callable[[], float]) -> None:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                walls[side].append(run())
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[side].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

            def ingest(run: int, src: Path | None = None) -> float:
                return with_src(src, lambda: extract_cmd(
                    ["ingest", str(single / "report.pdf"), "--out",
                     str(work / f"o-one-{'other-' if src else ''}{run}"), "--no-cache", *common], work)[0])

            for run in range(args.repeat):
                measured("ours", lambda run=run: ingest(run))
                if args.other_src:
                    measured("other", lambda run=run: ingest(run, args.other_src))
                measured("tesseract", lambda: tesseract_baseline(images, workers, work / "tess"))
                print("  " + ", ".join(f"{side} {walls[side][-1]:.2f} s (CPU {cpus[side][-1]:.2f} s)"
                                       for side in walls if walls[side]), file=sys.stderr)
            tess = walls["tesseract"]
            print(f"single: one 6-page scan, ours / tesseract CLI, {workers} processes: "
                  f"{statistics.median(walls['ours']) / statistics.median(tess):.2f}x wall (target <= 1.2x), "
                  f"{statistics.median(cpus['ours']) / statistics.median(cpus['tesseract']):.2f}x CPU")
            rounds = [o / t for o, t in zip(walls["ours"], tess)]
            print(f"  ours      {_median(walls['ours'])}; CPU {_median(cpus['ours'])}; "
                  f"per-round ratio median {statistics.median(rounds):.2f}x")
            if walls["other"]:
                same = outputs_of(work / "o-one-0") == outputs_of(work / "o-one-other-0")
                rounds = [o / t for o, t in zip(walls["other"], tess)]
                print(f"  other     {_median(walls['other'])}: "
                      f"{statistics.median(walls['other']) / statistics.median(tess):.2f}x; "
                      f"CPU {_median(cpus['other'])}; per-round ratio median {statistics.median(rounds):.2f}x; "
                      f"outputs byte-identical: {same}")
            print(f"  tesseract {_median(tess)}; CPU {_median(cpus['tesseract'])}")
        print(f"({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at the end)")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
