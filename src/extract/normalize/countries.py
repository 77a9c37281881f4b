"""Countries named in text, in Dutch, English and French, as ISO 3166-1 alpha-2 codes.

Names come from babel's territory names (nl/en/fr) for the territories listed in
``rules/countries.yml``; that file adds aliases, adjectives, regions and cities. OCR damage
is forgiven by accent folding ('Belgié' == 'België') and, for long capitalised words, by a
rapidfuzz match. Two-letter codes count in running text only on a short allow-list.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal
from urllib.parse import urlsplit

from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.vocab import fold_keep_length

from .rule_data import LANGS, load_rule_file
from .spans import overlaps

log = logging.getLogger(__name__)

CountryKind = Literal["name", "adjective", "region", "city", "code"]
_FUZZY_MIN_LEN = 5


@dataclass(frozen=True)
class CountryMention:
    code: str
    start: int
    end: int
    raw: str
    kind: CountryKind


def place_key(text: str) -> str:
    """Folded, hyphens and runs of spaces as one space, curly apostrophes straight."""
    return re.sub(r"[\s\-‐]+", " ", fold_keep_length(text).replace("’", "'")).strip()


@cache
def _table(lang: str | None) -> dict[str, tuple[str, CountryKind]]:
    """folded name -> (code, kind), for one language or all three."""
    from babel import Locale

    rules = load_rule_file("countries")
    # Adjectives of every language, the text's own first: a Dutch report quotes 'British' too.
    langs = ((lang,) if lang in LANGS else ()) + tuple(code for code in LANGS if code != lang)
    table: dict[str, tuple[str, CountryKind]] = {}

    def add(name: str, code: str, kind: CountryKind) -> None:
        key = place_key(name)
        if key and key not in table:
            table[key] = (code, kind)

    # Curated aliases first so they win over babel spellings of the same string.
    for code, names in rules["names"].items():
        for name in names:
            add(str(name), code, "name")
    # Babel names in every language: a Dutch report names French places in French too.
    for code in rules["territories"]:
        for locale in LANGS:
            name = Locale(locale).territories.get(code)
            if name:
                add(name, code, "name")
    places: tuple[tuple[str, CountryKind], ...] = (("regions", "region"), ("cities", "city"))
    for kind_key, kind in places:
        for code, names in rules[kind_key].items():
            for name in names:
                add(str(name), code, kind)
    for code_lang in langs:
        for code, names in rules["adjectives"].get(code_lang, {}).items():
            for name in names:
                add(str(name), code, "adjective")
    return table


@cache
def _pattern(lang: str | None) -> re.Pattern[str]:
    names = sorted(_table(lang), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"[\s\-‐]+") for n in names)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


@cache
def _fuzzy_choices(lang: str | None) -> dict[str, tuple[str, CountryKind]]:
    # Only names and regions of 5+ letters: adjectives and cities are too close to ordinary words.
    choices = {k: v for k, v in _table(lang).items() if len(k) >= _FUZZY_MIN_LEN and v[1] in ("name", "region")}
    if lang not in LANGS:
        return choices
    # OCR damages the names of the text's own language (and English): 'Creative' in an English page
    # is two edits from French 'Croatie', which that page would not write.
    from babel import Locale

    foreign = {place_key(name) for other in LANGS if other not in (lang, "en")
               for name in Locale(other).territories.values()}
    own = {place_key(name) for other in (lang, "en") for name in Locale(other).territories.values()}
    return {k: v for k, v in choices.items() if k not in foreign or k in own}


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(load_rule_file("countries")["territories"])


@cache
def _codes_before_names() -> dict[str, str]:
    return {str(k): v for k, v in load_rule_file("countries")["codes_before_names"].items()}


@cache
def _standalone_codes() -> dict[str, str]:
    return {str(k): v for k, v in load_rule_file("countries")["standalone_codes"].items()}


_CODE = re.compile(r"(?<![\w.])(U\.S\.A\.|U\.K\.|U\.S\.|[A-Z]{2,3})(?![\w])")
# A code before a capitalised word of a name, not among words in capitals: 'the US Coast Guard'.
_CODE_BEFORE_NAME = re.compile(r"(?<![A-Z]\s)(?<![\w.])([A-Z]{2})\s(?=[A-Z][a-z])")
_CAPITALISED = re.compile(rf"(?<![\w])[{CAPITALS}][^\W\d_]{{4,}}(?:-[{CAPITALS}][^\W\d_]+)?(?![\w])")


_OCR_CONFUSABLE = frozenset(frozenset(pair) for pair in (
    "1l", "1i", "li", "0o", "ce", "eo", "un", "hb", "ao", "5s", "8b", "ft", "tl", "vy", "ij", "rn", "ae", "ci"))
"""Letters OCR reads one for the other (folded: accents are gone already)."""


@lru_cache(maxsize=8192)
def _fuzzy(word: str, lang: str | None) -> tuple[str, CountryKind] | None:
    """A name or region within OCR-like damage of ``word``: one substitution for short words
    (same length), two edits for words of 8+ letters (length within one), the first letter
    intact. Ties give None."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    key = place_key(word)
    if len(key) < _FUZZY_MIN_LEN:
        return None
    long_word = len(key) >= 8
    max_edits = 2 if long_word else 1
    choices = _fuzzy_choices(lang)
    hits = process.extract(key, list(choices), scorer=Levenshtein.distance, score_cutoff=max_edits, limit=5)
    allowed = [
        (name, distance)
        for name, distance, _ in hits
        # The first letter always matches: 'Trentina' (a company's name) is two edits from 'Argentina'.
        if (abs(len(name) - len(key)) <= 1 if long_word else len(name) == len(key)) and name[0] == key[0]
        # A short word differs by a letter OCR confuses ('Be1gium'), not by any ('Steden' is no 'Sweden').
        and (long_word or all(a == b or frozenset((a, b)) in _OCR_CONFUSABLE for a, b in zip(name, key)))
    ]
    if not allowed:
        return None
    best = min(distance for _, distance in allowed)
    codes = {choices[name][0] for name, distance in allowed if distance == best}
    if len(codes) != 1:
        return None
    name = next(name for name, distance in allowed if distance == best)
    return choices[name]


def find_countries(text: str, lang: str | None = None) -> list[CountryMention]:
    """Countries, adjectives ('Deense'), regions ('Vlaanderen'), cities and safe codes ('UK')."""
    if not isinstance(text, str) or not text:
        return []
    lang = lang if lang in LANGS else None
    table = _table(lang)
    folded = fold_keep_length(text).replace("’", "'")
    mentions: list[CountryMention] = []
    paired: list[tuple[int, int]] = []  # places read as one of two names: no fuzzy reading either
    for match in _pattern(lang).finditer(folded):
        raw = text[match.start() : match.end()]
        code, kind = table[place_key(match.group(0))]
        if kind == "name" and raw.isupper() and len(raw) <= 3:
            kind = "code"
        if kind in ("name", "region", "city") and not raw[:1].isupper():
            continue  # 'wales' in a URL path or a lower-case common word
        if kind in ("region", "city") and _paired_with_a_name(text, match.end(), lang):
            paired.append((match.start(), match.end()))
            continue  # 'the Victoria and Albert Museum': two people's names, not the Australian state
        mentions.append(CountryMention(code, match.start(), match.end(), raw, kind))
    taken = sorted([(m.start, m.end) for m in mentions] + paired)
    # Codes standing alone ('UK'), then codes that are words too, before a name ('the US Coast Guard').
    for pattern, codes in ((_CODE, _standalone_codes()), (_CODE_BEFORE_NAME, _codes_before_names())):
        for match in pattern.finditer(text):
            raw = match.group(1)
            if raw in codes and not overlaps(taken, match.start(1), match.end(1)):
                mentions.append(CountryMention(codes[raw], match.start(1), match.end(1), raw, "code"))
                bisect.insort(taken, (match.start(1), match.end(1)))
    for match in _CAPITALISED.finditer(text):
        if overlaps(taken, match.start(), match.end()):
            continue
        hit = _fuzzy(match.group(0), lang)
        if hit:
            mentions.append(CountryMention(hit[0], match.start(), match.end(), match.group(0), hit[1]))
    mentions.sort(key=lambda m: m.start)
    return mentions


_PAIRED = re.compile(rf"\s+(?:and|&|et|en|und)\s+([{CAPITALS}][{LOWERCASE}]+)")


def _paired_with_a_name(text: str, end: int, lang: str | None) -> bool:
    """Is the place just before ``end`` joined by 'and' to a capitalised word that is no place?"""
    paired = _PAIRED.match(text, end)
    if paired is None:
        return False
    other = paired.group(1)
    return place_key(other) not in _table(lang) and _fuzzy(other, lang) is None


def country_code(name: str, lang: str | None = None) -> str | None:
    """ISO alpha-2 code for a country, region, adjective or code as written, else None.

    Asked directly, any ISO code is accepted ('DK', 'DEU'); OCR damage is forgiven.
    """
    if not isinstance(name, str):
        return None
    stripped = name.strip().strip(".,;:()[]\"'")
    if not stripped:
        return None
    lang = lang if lang in LANGS else None
    key = place_key(stripped)
    table = _table(lang)
    if key in table:
        return table[key][0]
    codes = _standalone_codes()
    if stripped in codes:
        return codes[stripped]
    if re.fullmatch(r"[A-Z]{2,3}", stripped):
        # A code asked for directly (a heading's 'in DK', '(SE)'): upper case only, because
        # 'de', 'in', 'be' and 'no' are words; three letters only for the territories we name.
        import pycountry

        if len(stripped) == 2:
            country = pycountry.countries.get(alpha_2=stripped)
        else:
            country = pycountry.countries.get(alpha_3=stripped)
            if country is not None and country.alpha_2 not in _territories():
                country = None
        return str(country.alpha_2) if country is not None else None
    if (code := _any_territory().get(key)) is not None:
        return code  # asked directly, a name outside the territories looked for in text: 'Bénin'
    found = find_countries(stripped, lang)
    if found:
        # Prefer a country name over an adjective or city in a phrase like 'Lab in Frankrijk'.
        order = {"name": 0, "code": 1, "region": 2, "adjective": 3, "city": 4}
        return sorted(found, key=lambda m: order[m.kind])[0].code
    hit = _fuzzy(stripped, lang)
    return hit[0] if hit else None


def place_name_code(text: str) -> str | None:
    """The country of ``text`` when it is exactly a country's, region's or city's name as listed
    ('Korea', 'Scotland', 'Montevideo'): no adjective, no code, no OCR forgiveness."""
    found = _table(None).get(place_key(text.strip(" .,:;()[]\"'")))
    return found[0] if found is not None and found[1] in ("name", "region", "city") else None


def place_code(text: str) -> str | None:
    """The country of a place named exactly ``text``: a country ('Denemarken'), a region ('England')
    or a city ('Gdynia'); None for anything else."""
    from extract.rules.places import is_country_name

    return country_code(text) if is_country_name(text) else (place_name_code(text) or city_country(text)
                                                             or own_name_code(text) or subdivision_code(text))


def own_name_code(text: str) -> str | None:
    """The country named exactly ``text`` in one of its own languages ('Österreich', 'Norge',
    'Ísland'), accents and all: for words asked about directly, never searched for in running text
    (folded, 'Ísland' is the English 'island')."""
    return _own_names().get(text.strip(" .,:;()[]\"'").casefold())


@lru_cache(maxsize=1)
def _own_names() -> dict[str, str]:
    """Own-language name -> country, for the territories ``countries.yml`` lists, the first listed
    winning a name two share (``rules/places.tsv``, built by ``scripts/build_places.py``)."""
    by_code: dict[str, list[str]] = {}
    for kind, name, code in _place_rows():
        if kind == "own":
            by_code.setdefault(code, []).append(name)
    names: dict[str, str] = {}
    for code in load_rule_file("countries")["territories"]:
        for name in by_code.get(code, ()):
            names.setdefault(name, code)
    return names


@lru_cache(maxsize=1)
def _place_rows() -> list[tuple[str, str, str]]:
    from importlib.resources import files

    table = files("extract.rules").joinpath("places.tsv").read_text(encoding="utf-8")
    rows = (row.split("\t") for row in table.splitlines() if row and not row.startswith("#"))
    return [(kind, name, value) for kind, name, value in rows]


def subdivision_code(text: str) -> str | None:
    """The country of a first-level subdivision named exactly ``text``, in its own language, as
    ISO 3166-2 lists it ('Niedersachsen' -> 'DE', 'Vorarlberg' -> 'AT', 'Gelderland' -> 'NL'), for
    the countries ``subdivision_countries`` lists. Capitalised as a name; for words asked about
    directly, never searched for in running text ('Marche' is an Italian region and a French word)."""
    name = text.strip(" .,:;()[]\"'")
    return _subdivisions().get(place_key(name)) if name[:1].isupper() else None


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Subdivision key -> its country: a name only first-level subdivisions of one wanted country
    use ('Limburg', a Dutch and a Belgian province, is left out; so is a name a lower level uses too)."""
    wanted = set(load_rule_file("countries")["subdivision_countries"])
    found: dict[str, str] = {}
    for kind, key, places in _place_rows():
        codes = {place.split(":")[0] for place in places.split(",")}
        if kind == "subdivision" and len(codes) == 1 and codes <= wanted \
                and all(place.endswith(":1") for place in places.split(",")):
            found[key] = codes.pop()
    return found


MIN_SUBDIVISION_CHARS = 4


def city_country(text: str) -> str | None:
    """The country of a city named exactly ``text`` ('Gdynia' -> 'PL', 'Praag' -> 'CZ'), None when the
    name is no city of 100,000 people or belongs to cities in several countries. For words asked
    about directly (a heading's 'Gdynia:'), never for running text ('Reading', 'Nice' are words)."""
    key = place_key(text.strip().strip(".,;:()[]\"'"))
    return _cities().get(key) if key else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City key -> its country, for names of one country only. The table is written keyed (see
    ``scripts/build_cities.py``): loading it is a split per row, which a warm run pays."""
    from importlib.resources import files

    table = files("extract.rules").joinpath("cities.tsv").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for row in table.splitlines():
        key, tab, codes = row.partition("\t")
        if tab and "," not in codes and not row.startswith("#"):
            found[key] = codes
    return found


@lru_cache(maxsize=1)
def _any_territory() -> dict[str, str]:
    """Every country's nl, en and fr name (babel) -> code, for names asked about directly."""
    from babel import Locale

    names: dict[str, str] = {}
    for lang in LANGS:
        for code, name in Locale.parse(lang).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(place_key(name), code)
    return names


_CC_ALIASES = {"uk": "GB"}
_NATIONAL_SECOND_LEVELS = frozenset({"gov", "gob", "go", "gouv", "edu", "ac", "org", "com", "net", "mil"})


def country_from_url(url: str) -> str | None:
    """The country a web address's top-level domain stands for; None for .com, .org, .eu, ..."""
    if not isinstance(url, str) or not url.strip():
        return None
    from .urls import normalize_url

    normal = normalize_url(url)
    if normal is None:
        return None
    host = urlsplit(normal).hostname or ""
    tld = host.rsplit(".", 1)[-1]
    if tld in _CC_ALIASES:
        return _CC_ALIASES[tld]
    if len(tld) != 2:
        return None
    labels = host.split(".")
    national = len(labels) >= 3 and labels[-2] in _NATIONAL_SECOND_LEVELS  # 'veeduria.gov.co' is Colombia's
    if tld in load_rule_file("countries").get("generic_cctlds", ()) and not national:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=tld.upper())
    return str(country.alpha_2) if country is not None else None


# A city beside its postal code: 'Baltimore, MD 21244', 'Edinburgh EH12 5BH', '3511 GC Utrecht',
# '75007 Paris', 'B-1000 Brussel'. The code makes the word a place: a city table entry alone could
# be an ordinary word ('Reading').
_CITY = rf"([{CAPITALS}][\w'’-]+(?:[ -][{CAPITALS}][\w'’-]+)?)"
_POSTAL_ADDRESSES = (
    re.compile(_CITY + r",\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"),  # US: city, state, ZIP
    re.compile(_CITY + r"\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"),  # UK postcode after the city
    re.compile(r"(?<![\w.,])(?:[A-Z]{1,2}-)?\d{4,5}(?:\s?[A-Z]{2})?\s+" + _CITY),  # code before the city
)


# A postcode whose shape only one country uses: 'Maidenhead, Berkshire SL6 7DX' is in the UK whatever
# the town. Outward code (area letters, district digits), a space, inward code (a digit, two letters).
_COUNTRY_POSTCODES = ((re.compile(r"(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}(?![\w-])"), "GB"),)


def address_countries(text: str) -> list[CountryMention]:
    """Countries of the cities written with a postal code in ``text``, and of postcodes only one
    country writes."""
    found = []
    for pattern in _POSTAL_ADDRESSES:
        for m in pattern.finditer(text):
            if code := city_country(m.group(1)):
                found.append(CountryMention(code, m.start(1), m.end(1), m.group(1), "city"))
    found += [m for m in postcode_countries(text) if not any(f.start <= m.start <= f.end + 2 for f in found)]
    return sorted(found, key=lambda mention: mention.start)


def postcode_countries(text: str) -> list[CountryMention]:
    """Countries of the postcodes in ``text`` that only one country writes so ('SL6 7DX')."""
    return [CountryMention(code, m.start(), m.end(), m.group(), "code")
            for pattern, code in _COUNTRY_POSTCODES for m in pattern.finditer(text)]
