"""Read PDFs one after another in this process and print one JSON line per file (used by test_robustness).

Run as a script: ``python fuzz_worker.py FILE...``. Each file gets a wall-clock alarm; the
process's address space is capped so that a decompression bomb fails here, not the machine.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
import time
from pathlib import Path

MEMORY_CAP = 2 * 1024**3
PER_FILE_S = 60


def _alarm(signum: int, frame: object) -> None:
    raise TimeoutError("file took too long")


def main(paths: list[str]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    from extract.errors import InputFileError
    from extract.read.reader import read_document
    from extract.settings import Settings

    # Low DPI and OCR only for pages without any text: this run is about typed outcomes, not quality.
    settings = Settings(dpi=100, orient=False, min_words_text_layer=1)
    signal.signal(signal.SIGALRM, _alarm)
    for path in paths:
        start = time.monotonic()
        signal.alarm(PER_FILE_S)
        try:
            doc = read_document(Path(path), settings)
            result = {"status": "ok", "pages": len(doc.pages), "words": sum(len(p.words) for p in doc.pages)}
        except InputFileError as exc:
            result = {"status": "error", "kind": exc.kind, "message": str(exc)}
        except BaseException as exc:
            result = {"status": "crash", "kind": type(exc).__name__, "message": str(exc)[:300]}
        finally:
            signal.alarm(0)
        result.update(path=path, seconds=round(time.monotonic() - start, 2))
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
