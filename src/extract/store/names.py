"""One input, one output name, for good.

Output names used to be worked out from the inputs of each run alone: ``x.pdf`` wrote ``x.json``,
until an ``x.tiff`` appeared beside it and both became ``x.<ext>.json`` (and ``extract ingest x.pdf``
still wrote ``x.json``), so corrections filed under the old name stopped applying and the old output
was exported twice. Now each output folder keeps ``.names`` (input name -> output name): an
input seen before keeps its name whatever else is in the folder and whichever command runs; a new
input gets the name ``store.files.output_names`` gives it, unless that name belongs to another input,
when it gets ``<stem>.<ext>.json`` (then a counter).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from extract.store.files import atomic_write_json, output_names

log = logging.getLogger(__name__)

INDEX = ".names"
"""JSON, without the .json ending: it is not an output."""


def input_key(name_path: PurePosixPath) -> str:
    return unicodedata.normalize("NFC", name_path.as_posix())


def load_index(out_dir: Path) -> dict[str, str]:
    path = Path(out_dir) / INDEX
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("output names index %s unreadable (%s); names are worked out afresh", path, exc)
        return {}
    names = data.get("names") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {}


def save_index(out_dir: Path, index: dict[str, str]) -> None:
    atomic_write_json(Path(out_dir) / INDEX, {"names": dict(sorted(index.items()))})


def assign_names(out_dir: Path, inputs: Sequence[PurePosixPath]) -> tuple[list[PurePosixPath], dict[str, str]]:
    """The output name (relative to ``out_dir``) of each input, and the updated index to save."""
    index = load_index(out_dir)
    keys = [input_key(p) for p in inputs]
    result: list[PurePosixPath | None] = [None] * len(inputs)
    used: set[str] = set()
    for i, key in enumerate(keys):
        name = index.get(key)
        if name is not None and key not in used:  # the same input named twice (ingest): the second is new
            result[i] = PurePosixPath(name)
            used.add(key)
    taken = {name.casefold() for name in index.values()}
    fresh = [i for i in range(len(inputs)) if result[i] is None]
    for i, proposed in zip(fresh, output_names([inputs[i] for i in fresh]), strict=True):
        chosen = _free(proposed, inputs[i], taken)
        taken.add(chosen.as_posix().casefold())
        result[i] = chosen
        index.setdefault(keys[i], chosen.as_posix())
    return [name for name in result if name is not None], index


def _free(proposed: PurePosixPath, source: PurePosixPath, taken: set[str]) -> PurePosixPath:
    if proposed.as_posix().casefold() not in taken:
        return proposed
    stem = proposed.name[: -len(".json")]
    ext = source.suffix.lower().lstrip(".") or "noext"
    if not stem.casefold().endswith(f".{ext}"):
        candidate = proposed.with_name(f"{stem}.{ext}.json")
        if candidate.as_posix().casefold() not in taken:
            return candidate
        stem = f"{stem}.{ext}"
    counter = 2
    while True:
        candidate = proposed.with_name(f"{stem}-{counter}.json")
        if candidate.as_posix().casefold() not in taken:
            return candidate
        counter += 1
