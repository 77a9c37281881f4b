"""Which lab a person means in `extract correct STEM RECORD ...`.

People name a lab the way they last saw it: the machine's name or acronym, the name they
corrected it to (the review page and the export show corrected values), the record's number on the
review page ('#3', or its anchor 'STEM-r3'), a plain 0-based index, its website, or the key under
which its corrections are filed. Each record is known by all of these at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.assemble.matching import RecordIdentity, norm_name, norm_website, similarity
from extract.errors import RecordNotFoundError
from extract.models import LabRecord

_NUMBER = re.compile(r"#?(\d+)")


@dataclass(frozen=True)
class Names:
    """What one record answers to."""

    machine: LabRecord
    """The machine's own record (corrections taken off)."""
    shown: LabRecord
    """The record as people see it (corrections applied)."""
    filed_under: str | None = None
    """Its key in the corrections file, when it has corrections."""

    def exact(self) -> set[str]:
        names = {norm_name(r.name) for r in (self.machine, self.shown)} | {norm_name(r.acronym) for r in (self.machine, self.shown)}
        names |= {norm_website(r.website) for r in (self.machine, self.shown)}
        if self.filed_under:
            names.add(norm_name(self.filed_under))
        return names - {""}

    def label(self) -> str:
        name = self.shown.name or self.machine.name or "(no name)"
        acronym = self.shown.acronym or self.machine.acronym
        return f"{name} ({acronym})" if acronym else name

    def score(self, ref: str) -> float:
        probe = RecordIdentity(name=ref, acronym=ref, website=ref)
        return max(similarity(probe, self.machine), similarity(probe, self.shown))


def _number(ref: str, stem: str) -> int | None:
    text = ref.strip()
    if text.startswith(f"{stem}-r"):  # the review page's anchor for the record
        text = text[len(stem) + 2:]
    match = _NUMBER.fullmatch(text)
    return int(match.group(1)) if match else None


def find_record(records: Sequence[Names], ref: str, stem: str = "") -> int:
    """The index of the record ``ref`` names; RecordNotFoundError listing the records when none or several do."""
    listing = "; ".join(f"#{i}: {r.label()}" for i, r in enumerate(records)) or "none"
    number = _number(ref, stem)
    if number is not None:
        if number < len(records):
            return number
        raise RecordNotFoundError(f"record #{number} is out of range: the output has {len(records)} records "
                          f"(numbered from 0): {listing}")
    want = {norm_name(ref), norm_website(ref)} - {""}
    exact = [i for i, r in enumerate(records) if want & r.exact()]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise RecordNotFoundError(f"{ref!r} names several records ({listing}): give its number instead, e.g. '#{exact[0]}'")
    scored = sorted(((r.score(ref), i) for i, r in enumerate(records)), reverse=True)
    if scored and scored[0][0] >= 88 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    raise RecordNotFoundError(f"no record matches {ref!r}; records: {listing}")


__all__ = ["Names", "find_record"]
