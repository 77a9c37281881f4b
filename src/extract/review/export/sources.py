"""The records an export is made of: every current output with its corrections applied, as sightings.

A *sighting* is one lab as one report describes it. Outputs whose report the last batch did not
find in its input folder (removed or renamed: *stale*) are left out unless asked for, and counted,
so a spreadsheet never mixes in reports that are no longer part of the archive.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from extract.assemble.fields import record_dict
from extract.review.corrections import apply_all, default_corrections_dir
from extract.store.snapshots import stale_now

log = logging.getLogger(__name__)

_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")


def year_of(source_path: str) -> int | None:
    """The report's year when its path gives one ('raw/2021/labs.pdf', 'oecd-labs-2023.pdf'); the
    file name before its folders. Reports carry no publication date in the output contract."""
    path = PurePosixPath(source_path.replace("\\", "/"))
    for part in [path.stem, *reversed(path.parent.parts)]:
        found = _YEAR.findall(part)
        if found:
            return int(found[-1])
    return None


@dataclass(frozen=True)
class Sighting:
    stem: str
    source_path: str
    year: int | None
    data: dict[str, Any]
    """The record as plain data, corrections applied."""
    stale: bool = False

    @property
    def report(self) -> str:
        label = f"{self.stem} ({self.year})" if self.year else self.stem
        return label + (" [stale]" if self.stale else "")


@dataclass
class Archive:
    sightings: list[Sighting] = field(default_factory=list)
    reports: int = 0
    stale_left_out: list[str] = field(default_factory=list)


def collect(out_dir: Path, corrections_dir: Path | None = None, *, include_stale: bool = False) -> Archive:
    """Every record of every current output in ``out_dir``, in output order (stem, then record)."""
    out_dir = Path(out_dir)
    stale = stale_now(out_dir)  # what is in the input folder now, not only at the last batch
    archive = Archive()
    for stem, output in apply_all(out_dir, Path(corrections_dir or default_corrections_dir(out_dir))).items():
        if stem in stale and not include_stale:
            archive.stale_left_out.append(stem)
            continue
        archive.reports += 1
        year = year_of(output.source.path)
        archive.sightings += [Sighting(stem, output.source.path, year, record_dict(r), stem in stale) for r in output.records]
    if archive.stale_left_out:
        log.warning("export: %d stale output(s) left out, their report is gone from the input folder "
                    "(--include-stale adds them): %s", len(archive.stale_left_out), ", ".join(archive.stale_left_out[:5]))
    return archive


__all__ = ["Archive", "Sighting", "collect", "year_of"]
