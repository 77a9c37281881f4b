"""A fake ``process_file`` for batch tests (used through the EXTRACT_PROCESS_FILE hook).

The input file's first line says what to do:
  ``ok NAME``            one record named NAME
  ``sleep SECONDS``      sleep, then one record (for timeouts and kill -9)
  ``exit``               os._exit(3): the worker dies
  ``memory``             raise MemoryError
  ``corrupt``            raise a typed CorruptFileError
  ``pages N [S]``        map N items (each sleeping S s, default 0.05) over page_map; record name lists the
                         worker pids used
  ``slowpages N S``      map N items that sleep S seconds each (live page progress)
  ``alloc MB``           allocate MB megabytes (memory limits)
  ``killparent S``       the first time: sleep S, then SIGKILL the process that started this worker
                         (a dask worker); afterwards like ``ok``. A marker next to the file says it was done.
When ``EXTRACT_FAKE_LOG`` names a file, each call appends "<input name> <pid>" to it (reruns).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from extract.errors import CorruptFileError
from extract.models import LabRecord, OutputFile, Page, SourceInfo
from extract.store.files import sha256_file


def square_with_pid(n: int) -> tuple[int, int]:
    time.sleep(0.05)
    return n * n, os.getpid()


def slow_with_pid(item: tuple[int, float]) -> tuple[int, int]:
    time.sleep(item[1])
    return item[0], os.getpid()


def slow_page(item: tuple[int, float]) -> int:
    time.sleep(item[1])
    return item[0]


def fake_process(path: Path, settings, *, cache=None, page_map=None, display_path=None) -> OutputFile:
    text = Path(path).read_text(encoding="utf-8", errors="replace").strip()
    command, _, arg = text.partition(" ")
    name = arg or Path(path).stem
    pages = 1
    if os.environ.get("EXTRACT_FAKE_LOG"):
        with open(os.environ["EXTRACT_FAKE_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{Path(path).name} {os.getpid()}\n")
    if command == "alloc":
        hog = bytearray(int(arg) * 1024 * 1024)
        hog[::4096] = b"x" * len(hog[::4096])
        del hog
    elif command == "killparent":
        marker = Path(str(path) + ".killed")
        if not marker.exists():
            marker.write_text("", encoding="utf-8")
            time.sleep(float(arg))
            os.kill(os.getppid(), 9)
            time.sleep(60)
        name = "survivor"
    elif command == "slowpages":
        count, _, seconds = arg.partition(" ")
        done = list((page_map or map)(slow_page, [(i, float(seconds)) for i in range(int(count))]))
        pages = len(done)
        name = f"pages {pages}"
    elif command == "sleep":
        time.sleep(float(arg))
    elif command == "exit":
        os._exit(3)
    elif command == "memory":
        raise MemoryError
    elif command == "corrupt":
        raise CorruptFileError("the file is damaged; repair it with qpdf")
    elif command == "pages" and " " in arg:
        count, _, seconds = arg.partition(" ")
        results = list((page_map or map)(slow_with_pid, [(i, float(seconds)) for i in range(int(count))]))
        assert [r[0] for r in results] == list(range(int(count)))
        pages = len(results)
        name = "pids " + " ".join(str(p) for p in sorted({r[1] for r in results}))
    elif command == "pages":
        items = list(range(int(arg)))
        mapper = page_map or map
        results = list(mapper(square_with_pid, items))
        assert [r[0] for r in results] == [i * i for i in items]
        pages = len(items)
        name = "pids " + " ".join(str(p) for p in sorted({r[1] for r in results}))
    if cache is not None:
        key = "fake-" + sha256_file(Path(path))
        if cache.get(key) is None:
            cache.put(key, Page(number=1, width=100, height=100, method="text", reason="fake"))
    return OutputFile(
        source=SourceInfo(path=display_path or str(path), sha256=sha256_file(Path(path)), pages=pages),
        records=[LabRecord(name=name)],
    )


def slow_on_odd(n: int) -> int:
    if n % 2:
        time.sleep(60)
    return n


def map_handler(payload: dict, settings, page_map) -> dict:
    """A task handler that maps ``payload['n']`` items (``slow`` picks a page that hangs on helpers)."""
    fn = slow_on_odd if payload.get("slow") else square_with_pid
    results = list(page_map(fn, range(payload["n"])))
    return {"status": "ok", "records": len(results), "pids": sorted({r[1] for r in results if isinstance(r, tuple)})}


def slow_map_handler(payload: dict, settings, page_map) -> dict:
    """Maps ``payload['n']`` pages of ``payload['seconds']`` each (live page progress on dask)."""
    results = list(page_map(slow_page, [(i, payload["seconds"]) for i in range(payload["n"])]))
    return {"status": "ok", "records": 0, "pages": len(results)}


def whoami_handler(payload: dict, settings, page_map) -> dict:
    """Which worker ran the task, and what it had imported."""
    import sys

    return {"pid": os.getpid(), "records": 0, "cv2": "cv2" in sys.modules}
