"""Regenerate every generated fixture: ``python tests/generator/make_all.py [--only benchmark|corpus|genres]``.

The outputs are committed; tests use them as they are. Rerunning with the same
code gives the same files (everything is seeded).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Run as a script, Python puts tests/generator itself first on sys.path, where
# scan.py/benchmark.py would shadow any top-level module of the same name; import
# them as the package `tests.generator` from the repository root instead.
_HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != _HERE]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

log = logging.getLogger("make_all")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["benchmark", "corpus", "genres"], help="build one family only")
    parser.add_argument("--root", type=Path, default=ROOT, help="write under this directory")
    parser.add_argument("--specs", type=Path, help="genres only: read the specs from this folder (default data/genres)")
    parser.add_argument("--out", type=Path,
                        help="genres only: write into this folder, relative to --root (default tests/fixtures/genres)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    if args.only in (None, "benchmark"):
        from tests.generator import benchmark

        t0 = time.monotonic()
        for path in benchmark.build_all(args.root):
            log.info("wrote %s (%.1f MB)", path, path.stat().st_size / 1e6)
        log.info("benchmark done in %.0f s", time.monotonic() - t0)

    if args.only in (None, "corpus"):
        # The development corpus (tests/generator/corpus.py) is written by another helper.
        if importlib.util.find_spec("tests.generator.corpus") is None:
            if args.only == "corpus":
                log.error("tests/generator/corpus.py does not exist yet")
                return 1
            log.info("no tests/generator/corpus.py: skipping the development corpus")
        else:
            from tests.generator import corpus

            t0 = time.monotonic()
            corpus.build_all(args.root)
            log.info("corpus done in %.0f s", time.monotonic() - t0)

    if args.only in (None, "genres"):
        # The genre corpus: data/genres/*.yml typeset by tests/generator/genres.py.
        from tests.generator import genres

        if args.specs is not None:
            genres.DATA_DIR = args.specs.resolve()
        if args.out is not None:
            if args.out.is_absolute():
                parser.error("--out must be relative to --root")
            genres.GENRES_REL = args.out
        t0 = time.monotonic()
        failed = genres.build_all(args.root)
        log.info("genres done in %.0f s", time.monotonic() - t0)
        if failed:
            log.error("genre specs that failed: %s", ", ".join(failed))
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
