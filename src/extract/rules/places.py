"""Country names as written in nl, en and fr, from the small generated ``patterns/places.jsonl``.

One list for every stage that asks whether a line is exactly a country's name (layout's kicker line
over a directory entry, a heading's leading place). Read once when this module loads: not babel,
and never while a page exhausts a worker's capped memory.
"""

from __future__ import annotations

import json
from importlib.resources import files

from extract.rules.vocab import fold


def _country_names() -> frozenset[str]:
    rows = files("extract.rules").joinpath("patterns/places.jsonl").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(json.loads(row)["pattern"]) for row in rows if row.strip())


_COUNTRY_NAMES = _country_names()


def is_country_name(text: str) -> bool:
    """Is ``text`` exactly a country's name ('Tsjechië', 'Estonia', 'Bénin'), with no other word and
    no OCR forgiveness?"""
    return fold(text.strip(" .,:;()[]\"'")) in _COUNTRY_NAMES
