"""Which record in one list is the same lab as which record in another.

Used by ``eval`` (gold vs output), ``diff`` (old run vs new run) and corrections
(a stored correction vs a fresh run). Records match by normalised name, acronym
or website host+path, never by position. A ``LabRecord`` is matched as it is; a record
read as plain data (a gold file, an output's JSON, a corrections entry) through
``RecordIdentity.of``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz import fuzz

from extract.rules.vocab import fold

NAME_THRESHOLD = 88.0


class Identified(Protocol):
    """What records are matched by (``LabRecord`` is one)."""

    @property
    def name(self) -> str | None: ...

    @property
    def acronym(self) -> str | None: ...

    @property
    def website(self) -> str | None: ...


@dataclass(frozen=True)
class RecordIdentity:
    """The name, acronym and website of a record that is not a ``LabRecord``."""

    name: str | None = None
    acronym: str | None = None
    website: str | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> RecordIdentity:
        """The identity of a record read as plain data (its keys as the output contract names them)."""
        return cls(name=data.get("name"), acronym=data.get("acronym"), website=data.get("website"))


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    return re.sub(r"[^0-9a-z]+", " ", fold(name)).strip()


def norm_website(url: str | None) -> str:
    if not url:
        return ""
    url = fold(url).strip()
    url = re.sub(r"^[a-z]+://", "", url)
    url = re.sub(r"^www\d?\.", "", url)
    return url.rstrip("/")


def record_key(record: Identified) -> str:
    """A stable, readable key for a record: its normalised name, else acronym, else website."""
    return norm_name(record.name) or norm_name(record.acronym) or norm_website(record.website)


def similarity(a: Identified, b: Identified) -> float:
    """0..100: how sure we are that two records describe the same lab."""
    score = 0.0
    name_a, name_b = norm_name(a.name), norm_name(b.name)
    if name_a and name_b:
        score = max(score, fuzz.ratio(name_a, name_b), 0.95 * fuzz.token_set_ratio(name_a, name_b))
    acr_a, acr_b = norm_name(a.acronym), norm_name(b.acronym)
    if acr_a and acr_b and acr_a == acr_b:
        score = max(score, 96.0)
    if (acr_a and name_b and acr_a == name_b) or (acr_b and name_a and acr_b == name_a):
        score = max(score, 92.0)
    web_a, web_b = norm_website(a.website), norm_website(b.website)
    if web_a and web_b and web_a == web_b:
        score = max(score, 94.0)
    return score


def match_records(old: Sequence[Any], new: Sequence[Identified], threshold: float = NAME_THRESHOLD,
                  score: Callable[[Any, Identified], float] = similarity) -> list[tuple[int | None, int | None]]:
    """Pairs of indexes (old, new); unmatched records are paired with None.

    Greedy on the best similarity first, so two similar labs in one report still
    pair with their own counterpart. The result keeps the order of ``new``. ``score``
    compares an old item with a new record (an old item may be a group of records).
    """
    scored = sorted(
        ((score(a, b), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: dict[int, int] = {}
    for value, i, j in scored:
        if value < threshold:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs[j] = i
    result: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(new))]
    result += [(i, None) for i in range(len(old)) if i not in used_old]
    return result


def spells(acronym: str | None, name: str | None) -> bool:
    """Is ``acronym`` exactly the initials of ``name``'s capitalised words, a leading article's
    included ('TNA' of The National Archives, 'NRS' of National Records of Scotland)? A column
    header a comparison uses for a lab its text names in full."""
    if not acronym or not name or not (2 <= len(acronym) <= 6) or not acronym.isupper() or not acronym.isalpha():
        return False
    initials = "".join(word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper())
    return initials == acronym
