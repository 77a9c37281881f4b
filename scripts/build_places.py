"""Regenerate ``src/extract/rules/places.tsv``: the places asked about directly beside cities.

Two kinds of rows, read by ``extract.normalize.countries``:
- ``own``: a country's name in each of its official languages (babel: 'Österreich', 'Norge', 'Ísland'),
  as the text writes it (case-folded, accents kept);
- ``subdivision``: an ISO 3166-2 subdivision's name (pycountry), keyed as ``place_key`` looks it up,
  with each country it names a subdivision of and whether it is a first-level one there.

Building the two at run time cost about half a second per process (babel loads a locale per
language); the package reads this file instead, and the rule files still choose which countries count.

    python scripts/build_places.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from extract.normalize.countries import MIN_SUBDIVISION_CHARS, place_key

OUT = Path(__file__).resolve().parents[1] / "src" / "extract" / "rules" / "places.tsv"


def main() -> None:
    rows = []
    for territory in sorted(Locale("en").territories):
        if not re.fullmatch(r"[A-Z]{2}", territory):
            continue
        names: list[str] = []
        for own in get_official_languages(territory):
            try:
                name = Locale.parse(own).territories.get(territory)
            except UnknownLocaleError:
                continue  # a language babel has no names in ('nan_Hant')
            if name and name.casefold() not in names:
                names.append(name.casefold())
        rows += [f"own\t{name}\t{territory}" for name in names]
    subdivisions: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        # 'Uppsala län [SE-03]': the name without its bracketed code; 'Asturias, Principado de' is
        # an inverted form no text writes.
        name = re.sub(r"\s*[\[(].*$", "", sub.name).strip()
        if "," in name or len(name) < MIN_SUBDIVISION_CHARS:
            continue
        level = "1" if sub.parent_code is None else "2"
        subdivisions.setdefault(place_key(name), set()).add(f"{sub.country_code}:{level}")
    rows += [f"subdivision\t{key}\t{','.join(sorted(places))}" for key, places in sorted(subdivisions.items())]
    header = ("# kind\tname as looked up\tcountry (own) or country:level of each subdivision so named"
              " (babel, pycountry; regenerate with scripts/build_places.py)")
    OUT.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
