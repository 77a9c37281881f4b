"""The static review report: ``build_review(out_dir, to_dir)`` writes index.html, assets and page images.

One folder that opens in any browser, no server: per record every field with its value,
confidence, correction state, source text and a crop of the source page with the value's
box overlaid; low-confidence and needs-review fields first; the diff against the previous
run of the same file on the same page.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from extract.assemble.corrections import apply_corrections
from extract.errors import ConfigError
from extract.models import LabRecord
from extract.review.corrections import default_corrections_dir
from extract.review.diff import diff_files
from extract.review.sides import previous_version, resolve_side
from extract.store.files import atomic_write_bytes
from extract.store.snapshots import load_output, output_paths

log = logging.getLogger(__name__)

ASSETS = ("review.css", "review.js")


def _safe(stem: str) -> str:
    """A folder name for a stem's page images ('a/x' -> 'a_x-<hash>', so 'a/x' and 'a_x' stay apart)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "file"
    return safe if safe == stem else f"{safe}-{hashlib.sha256(stem.encode()).hexdigest()[:8]}"


def build_review(
    out_dir: Path,
    to_dir: Path,
    *,
    stems: Iterable[str] | None = None,
    raw_dir: Path | None = None,
    against: str | None = None,
    corrections_dir: Path | None = None,
    dpi: int = 110,
) -> Path:
    """Write the review report for ``stems`` (default: every output) into ``to_dir``; returns index.html's path."""
    from extract.review.images import find_source, render_pages
    from extract.review.render import FileView, review_page

    out_dir, to_dir = Path(out_dir), Path(to_dir)
    corrections_dir = Path(corrections_dir) if corrections_dir else default_corrections_dir(out_dir)
    available = output_paths(out_dir)
    if stems:
        wanted = [s.removesuffix(".json") for s in stems]
        missing = [s for s in wanted if s not in available]
        if missing:
            raise ConfigError(f"no output for {', '.join(missing)} in {out_dir}; known: {', '.join(list(available)[:10]) or 'none'}")
    else:
        wanted = list(available)
    against_side = resolve_side(against, out_dir) if against else None
    to_dir.mkdir(parents=True, exist_ok=True)
    assets = to_dir / "assets"
    assets.mkdir(exist_ok=True)
    for name in ASSETS:
        atomic_write_bytes(assets / name, resources.files("extract.review").joinpath(name).read_bytes())
    pages_root = to_dir / "pages"
    views = []
    for stem in wanted:
        output = apply_corrections(load_output(available[stem]), stem, corrections_dir)
        if against_side is not None:
            old = against_side.outputs.get(stem)
            previous = (against_side.label, old) if old is not None else None
        else:
            previous = previous_version(out_dir, stem, available[stem])
        diff = diff_files(stem, previous[1], output) if previous else None
        source = find_source(output, raw_dir, out_dir, stem)
        pages = {int(p["page"]) for r in output.records for p in _provenances(r) if p.get("page") and p.get("bbox")}
        images = {}
        if source is not None:
            folder = pages_root / _safe(stem)
            if folder.exists():
                shutil.rmtree(folder)
            images = render_pages(source, output, pages, folder, dpi=dpi)
        else:
            log.warning("review: source %s of %s not found; crops left out (use --raw DIR)", output.source.path, stem)
        views.append(FileView(stem=stem, output=output, images=images, image_base=to_dir, source=source, diff=diff,
                              previous=previous[0] if previous else None))
    index = to_dir / "index.html"
    # Atomic: a full disk must leave the previous complete page, not a truncated one.
    atomic_write_bytes(index, review_page(views).encode("utf-8"))
    return index


def _provenances(record: LabRecord) -> list[dict[str, Any]]:
    found = [p.model_dump() for p in record.provenance.values()]
    found += [corr.machine_provenance.model_dump() for corr in record.corrections.values() if corr.machine_provenance]
    return found


__all__ = ["build_review", "previous_version"]
