"""Which country a section's place mentions point to: each mention weighs by its kind (a country's
name more than a city), more when a seat phrase says the lab is there ('based in Brussels', 'under
Belgian law', 'gevestigd in Utrecht', 'de droit belge'), not at all when it is a model the lab
followed ('modelled on the Dutch CPB') or a language ('disponible en néerlandais', 'in English'), nor when a city is
one site in a list of several ('Sites à Ispra, Geel, Karlsruhe, Petten et Séville')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.extractors.context import SectionContext
from extract.models import Candidate, Provenance, Section
from extract.normalize.countries import CountryMention
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, lexicon

KIND_WEIGHTS = {"name": 1.0, "region": 0.9, "adjective": 0.8, "city": 0.6, "code": 0.5}
SEAT_WEIGHT = 5.0
"""A seat phrase says where the lab is: it outweighs several passing mentions (a recipient's address,
the partners it works with)."""
MODEL_WINDOW = 120
"""How far back in its sentence a comparison ('modelled on', 'à l'instar de') reaches a country."""
SEAT_WINDOW = 40


PLACE_LIST_CHARS = 80


@cache
def _place_list() -> re.Pattern[str]:
    """Three capitalised words or more in a list ending with the city: 'Ispra, Geel, Karlsruhe, Petten et Séville'."""
    ands = alternation(lexicon(None).words("words", "and_words"), folded=False, any_space=False)
    return re.compile(rf"[{CAPITALS}][\w-]+(?:,\s+[{CAPITALS}][\w-]+){{2,}}(?:,?\s+(?:{ands})\s+[{CAPITALS}][\w-]+)?$")


@dataclass(frozen=True)
class CountryScore:
    code: str
    score: float
    share: float
    """Its score over all countries' scores (how clearly the text points to it)."""
    start: int
    end: int


def country_score(ctx: SectionContext) -> CountryScore | None:
    """The country the section's mentions point to most, or None when it names none."""
    from extract.normalize import find_countries
    from extract.normalize.countries import postcode_countries

    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    compared = ctx.lex.regex("words", "modelled_on")
    seat = ctx.lex.regex("words", "seat_markers")
    languages = ctx.lex.regex("words", "language_prepositions")
    mentions = find_countries(ctx.text, ctx.lang)
    for m in mentions:
        if _bracketed_pair(ctx.text, m.start, m.end):
            continue  # 'Naam van de instantie (Nederlands / Frans)': the languages a question asks in
        sentence = ctx.folded[max(0, m.start - MODEL_WINDOW):m.start]
        sentence = re.split(r"[.;:!?]\s", sentence)[-1]
        if compared.search(sentence):
            continue  # 'modelled on the UK Treasury and the Dutch CPB': the models' countries
        if m.kind == "adjective" and _language_use(ctx, m.start, m.end, languages):
            continue  # 'le rapport est disponible en néerlandais': a language, not a country
        if m.kind == "city" and _place_list().search(ctx.text, max(0, m.start - PLACE_LIST_CHARS), m.end) is not None:
            continue  # 'Sites à Ispra, Geel, Karlsruhe, Petten et Séville': one site among several
        weight = KIND_WEIGHTS.get(m.kind, 0.5)
        before = sentence[-SEAT_WINDOW:]
        if (found := seat.search(before)) is not None and not re.search(r"[,(]", before[found.end():]):
            weight *= SEAT_WEIGHT  # 'based in Brussels', 'sous le régime du droit belge'
        scores[m.code] = scores.get(m.code, 0.0) + weight
        first.setdefault(m.code, (m.start, m.end))
    # A postal address says where its body sits: 'Maidenhead, Berkshire SL6 7DX' under the report's title.
    postcodes = [(m.code, m.start, m.end) for m in postcode_countries(ctx.text)]
    for code, start, end in [*_seat_cities(ctx, seat, mentions), *postcodes]:
        scores[code] = scores.get(code, 0.0) + KIND_WEIGHTS["city"] * SEAT_WEIGHT
        first.setdefault(code, (start, end))
    if not scores:
        return None
    code = max(scores, key=lambda c: (scores[c], -first[c][0]))
    start, end = first[code]
    return CountryScore(code, scores[code], scores[code] / sum(scores.values()), start, end)


PAIR_BRACKET_CHARS = 40


def _bracketed_pair(text: str, start: int, end: int) -> bool:
    """Is the mention at ``start``-``end`` one of two words a slash pairs in a short bracket ('(Nederlands / Frans)')?"""
    opening, closing = text.rfind("(", max(0, start - PAIR_BRACKET_CHARS), start), text.find(")", end, end + PAIR_BRACKET_CHARS)
    if opening < 0 or closing < 0:
        return False
    inside = text[opening + 1:closing]
    return ")" not in text[opening:start] and "(" not in text[end:closing] \
        and re.fullmatch(r"\s*[\w'’-]+\s*/\s*[\w'’-]+\s*", inside) is not None


# A capitalised place right after a seat phrase: 'de zetel is in Bonn-Lengsdorf', 'based in Bonn'.
_SEAT_PLACE = re.compile(rf"\s+([{CAPITALS}][\w'’]+)(?:-[{CAPITALS}][\w'’]+)*(?![\w'’-])")


def _seat_cities(ctx: SectionContext, seat: re.Pattern[str], mentions: Sequence[CountryMention]) -> list[tuple[str, int, int]]:
    """Cities the running text's country list does not hold (``mentions``: what it found), named
    right after a seat phrase: the seat phrase says the word is a place, so the table of the world's
    cities may be asked."""
    from extract.normalize.countries import city_country

    named = {(m.start, m.end) for m in mentions}
    out = []
    for found in seat.finditer(ctx.folded):
        place = _SEAT_PLACE.match(ctx.text, found.end())
        if place is None or any(s <= place.start(1) < e for s, e in named):
            continue
        code = city_country(place.group(1))
        if code is not None:
            out.append((code, place.start(1), place.end(1)))
    return out


def _language_use(ctx: SectionContext, start: int, end: int, languages: re.Pattern[str]) -> bool:
    return language_use(ctx.folded, start, end, ctx.lex, languages)


def language_use(folded: str, start: int, end: int, lex: Lexicon, languages: re.Pattern[str] | None = None) -> bool:
    """'en néerlandais', 'in het Nederlands', 'in English': a language's adjective after the
    preposition that names a language, with nothing after it that it qualifies (in ``folded`` text)."""
    languages = languages or lex.regex("words", "language_prepositions")
    before = folded[max(0, start - 12):start]
    preposition = re.search(rf"(?:^|[\s(])(?:{languages.pattern})\s+$", before)
    # 'en néerlandais : Instituut voor ...': a colon then the name in that language ends it too.
    return preposition is not None and (_language_end(lex).match(folded, end) is not None
                                        or re.match(r"\s*:", folded[end:]) is not None)


@lru_cache(maxsize=8)
def _language_end(lex: Lexicon) -> re.Pattern[str]:
    """What follows a language's name: the end of the clause, a bracket or a conjunction ('en
    néerlandais)', 'in English and French'); not a noun it qualifies ('in Dutch hands' is rare and
    stays a mention)."""
    return re.compile(rf"\s*(?:$|[).,;:!?]|{lex.regex('words', 'conjunctions').pattern})")


def address_country(ctx: SectionContext, version: str) -> list[Candidate]:
    """The country of the addresses in the text ('7500 Security Boulevard, Baltimore, MD 21244'),
    when the text names no country and they agree."""
    from extract.normalize.countries import address_countries

    found = address_countries(ctx.text)
    if len({m.code for m in found}) != 1:
        return []
    return [ctx.candidate("country", found[0].code, found[0].start, found[0].end, family="identity", version=version,
                          prior="fallback")]


def letterhead_country(section: Section, ctx: SectionContext, version: str) -> list[Candidate]:
    """The country of a letter's sender's address ('Thimphu 11001, Bhutan'), or of its site's
    country code ('www.tech.gov.bt'): the sender's seat, for a letter about its sender, as sure as a
    value its text anchors."""
    from extract.assemble.record import confidence
    from extract.normalize import country_code, country_from_url, find_countries, find_urls

    for line in section.letterhead:
        codes = {m.code for m in find_countries(line.text, ctx.lang) if m.kind in ("name", "city", "region")}
        # An address ends on its country, asked directly: 'Post Box 482, Thimphu 11001, Bhutan'.
        pieces = [p.strip(" .") for p in re.split(r"[,·|\n]", line.text)]
        codes |= {code for p in pieces if p and not any(c.isdigit() for c in p) and (code := country_code(p, ctx.lang))
                  and len(p.split()) <= MAX_COUNTRY_WORDS}
        codes |= {code for url, _, _ in find_urls(line.text) if (code := country_from_url(url))}
        if len(codes) == 1:
            return [Candidate(field="country", value=codes.pop(), provenance=Provenance(
                page=line.page, bbox=line.bbox, text=line.text, method=f"rule:identity.letterhead.v{version}",
                confidence=confidence("anchored", ocr=line.conf)))]
    return []


MAX_COUNTRY_WORDS = 4
"""'Verenigd Koninkrijk', 'République démocratique du Congo': an address's country is a few words."""
