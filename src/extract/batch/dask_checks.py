"""Before a batch runs on a dask cluster: every worker must run the same extract and Tesseract, and see
the same input, output, cache and corrections folders at the same paths.

Otherwise a batch "succeeds" with its outputs on the workers' own disks, or records differ by the
machine they ran on. The client writes a marker file into the output and cache folders; each
worker reads it back (the same folder, not merely a folder of that name), checks it can write
there, checks a few input files by size, and reports its versions. Any difference stops the run
before a file is processed (``ClusterError``, naming the worker and what to fix).
"""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

from extract.batch.file_task import FileTask
from extract.batch.tasks import Task
from extract.digests import files_digest
from extract.errors import ClusterError

INPUT_SAMPLES = 3
"""Input files each worker looks for: enough to catch a missing mount, cheap on a large batch."""


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of extract's own code and rule data: the same version number can hide different code."""
    import extract

    root = Path(extract.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".jsonl", ".toml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def environment(languages: list[str]) -> dict[str, Any]:
    """What must match between the client and every worker (runs on both)."""
    from extract import __version__
    from extract.errors import MissingDependencyError
    from extract.extractors import EXTRACTOR_VERSIONS

    try:
        from extract.read.tools import installed_languages, tesseract_version

        tesseract: str | None = tesseract_version()
        missing = sorted(set(languages) - installed_languages())
    except MissingDependencyError:
        tesseract, missing = None, sorted(languages)
    return {"extract": __version__, "code": code_fingerprint(), "extractors": dict(EXTRACTOR_VERSIONS),
            "tesseract": tesseract, "missing_languages": missing}


def probe(plan: dict[str, Any]) -> dict[str, Any]:
    """Run on each worker (``Client.run``): its environment and what it cannot see or write."""
    problems = []
    for folder, marker, token in plan["markers"]:
        try:
            seen = Path(marker).read_text(encoding="utf-8")
        except OSError:
            seen = None
        if seen != token:
            problems.append(f"does not see the folder {folder} that the client sees (it is not shared at the same path)")
            continue
        test = Path(folder) / f".probe-{secrets.token_hex(4)}.tmp"
        try:
            test.write_bytes(b"")
            test.unlink()
        except OSError as exc:
            problems.append(f"cannot write into {folder}: {exc.strerror or exc}")
    for path, size in plan["inputs"]:
        try:
            seen_size = os.stat(path).st_size
        except OSError:
            problems.append(f"cannot see the input file {path} (the input folder is not shared at the same path)")
            continue
        if seen_size != size:
            problems.append(f"sees {path} with {seen_size} bytes, the client {size}: not the same input folder")
    corrections = plan.get("corrections")
    if corrections and corrections_folder_state(Path(corrections["path"])) != corrections["state"]:
        problems.append(f"sees different corrections in {corrections['path']} (share the corrections folder too)")
    rules = plan.get("rules")
    if rules:
        from extract.store.fingerprint import rules_fingerprint

        if rules_fingerprint(rules["path"]) != rules["state"]:
            problems.append(f"sees other rules in {rules['path']} (share the user rules folder at the same path too)")
    return {"environment": environment(plan["languages"]), "problems": problems}


def corrections_folder_state(corrections_dir: Path) -> str:
    """Hash of every file in the corrections folder: a worker that sees other corrections than the
    client (a local folder of the same name) would write outputs with the wrong ones applied."""
    # Hidden files are not corrections: `extract correct` keeps its lock (.lock) there, temporaries start with a dot.
    return files_digest(corrections_dir, sorted(p for p in corrections_dir.rglob("*") if p.is_file()
                                                and not p.name.startswith(".") and not p.name.endswith(".tmp")))


def _plan(tasks: list[Task], languages: list[str]) -> tuple[dict[str, Any], list[Path]]:
    """What the workers are asked to check; writes the marker files (returned, to be removed)."""
    first: FileTask = tasks[0].payload
    folders = [first.out_root] + ([first.cache_dir] if first.cache_dir else [])
    markers, written = [], []
    for folder in folders:
        token = secrets.token_hex(8)
        Path(folder).mkdir(parents=True, exist_ok=True)
        marker = Path(folder) / f".cluster-check-{token}.tmp"  # *.tmp: removed by the next run if left behind
        marker.write_text(token, encoding="utf-8")
        written.append(marker)
        markers.append((folder, str(marker), token))
    inputs = []
    for task in tasks[:INPUT_SAMPLES]:
        path = task.payload.path
        inputs.append((path, os.stat(path).st_size))
    plan: dict[str, Any] = {"markers": markers, "inputs": inputs, "languages": languages}
    if first.corrections_dir and Path(first.corrections_dir).is_dir():
        plan["corrections"] = {"path": first.corrections_dir, "state": corrections_folder_state(Path(first.corrections_dir))}
    if first.rules_dir:
        plan["rules"] = {"path": first.rules_dir, "state": first.run["rules"]}
    return plan, written


def _differences(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    found = []
    labels = {"extract": "extract version", "code": "extract code (same version, other files)",
              "extractors": "extractor versions", "tesseract": "Tesseract version"}
    for key, label in labels.items():
        if theirs.get(key) != mine.get(key):
            found.append(f"{label} {theirs.get(key)!r}, the client has {mine.get(key)!r}")
    if theirs.get("missing_languages"):
        found.append(f"Tesseract language pack(s) missing: {', '.join(theirs['missing_languages'])}")
    return found


def check_cluster(client: Any, tasks: list[Task], languages: list[str]) -> int:
    """Raise ``ClusterError`` unless every worker can run these tasks as this machine would; returns the workers."""
    plan, markers = _plan(tasks, languages)
    try:
        answers = client.run(probe, plan, on_error="return")
    finally:
        for marker in markers:
            try:
                marker.unlink()
            except OSError:
                pass
    mine = environment(languages)
    if mine["tesseract"] is None:  # a client without Tesseract: the workers must agree among themselves
        found = [a["environment"]["tesseract"] for a in answers.values() if not isinstance(a, BaseException)]
        mine["tesseract"] = max(set(found), key=found.count) if found else None
    lines = []
    for address, answer in sorted(answers.items()):
        if isinstance(answer, BaseException):
            lines.append(f"{address}: the check failed: {type(answer).__name__}: {answer}")
            continue
        lines += [f"{address}: {problem}" for problem in answer["problems"] + _differences(mine, answer["environment"])]
    if lines:
        raise ClusterError(
            "the dask workers cannot run this batch as this machine would:\n  " + "\n  ".join(lines)
            + "\nEvery worker needs the input, output, cache and corrections folders at the same paths (a shared "
              "file system) and the same extract, Tesseract and language packs; see README, 'Running on a cluster'.")
    return len(answers)
