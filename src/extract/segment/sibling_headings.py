"""Headings set like the lab headings already found, or under the same kicker or place, name labs
too: in a directory or a slide deck, 'GovTech Polska' sits where 'Public Policy Lab' does."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from extract.layout.headings import parse_numbering, strip_numbering
from extract.models import Line
from extract.rules.lexicon import Lexicon, fold_keep
from extract.rules.vocab import fold
from extract.segment.announced import between as _between
from extract.segment.announced import has_body as _has_body
from extract.segment.lab_headings import looks_like_name
from extract.segment.lab_index import LabIndex
from extract.segment.parts import all_labels
from extract.segment.titles import kicker_of, place_led, place_led_name, place_shaped

MIN_SERIES = 2


def sibling_headings(lines: list[Line], body: list[int], headings: list[int], labs: set[int],
                     index: LabIndex) -> set[int]:
    """Headings set like most of the lab headings (same size, same numbering depth) name labs too:
    in a directory or a slide deck, 'GovTech Polska' sits where 'Public Policy Lab' does."""
    def style(i: int) -> tuple[float, int | None]:
        numbering = parse_numbering(lines[i].text)
        return (round((lines[i].size or 0.0) * 2) / 2, numbering.depth if numbering and numbering.explicit else None)

    groups: dict[tuple[float, int | None], list[int]] = {}
    for h in headings:
        groups.setdefault(style(h), []).append(h)
    # Headings under the same kicker as two lab headings ('Lab portrait: ...') name labs too.
    kickers: dict[str, list[int]] = {}
    for h in headings:
        if (kicker := kicker_of(strip_numbering(lines[h].text), index.lex)) is not None:
            kickers.setdefault(kicker, []).append(h)
    extra: set[int] = set()
    kicked: set[int] = set()
    # Headings that open with a place and a dash, as two lab headings do ('Duitsland — gematik' after
    # 'Australië — Australian Digital Health Agency' and 'Engeland — NHSX'), name labs too.
    kickers["<place>"] = [h for h in headings if place_led(strip_numbering(lines[h].text), index.lex)]
    # A series of them may hold a place the gazetteer does not know ('Saint-Maurice : Santé publique
    # France' beside 'Namur : l'AViQ' and 'Lausanne : Unisanté'): set the same, it belongs to it.
    if len(kickers["<place>"]) >= MIN_SERIES:
        sizes = {round(lines[h].size or 0.0) for h in kickers["<place>"]}
        kickers["<place>"] += [h for h in headings if h not in kickers["<place>"] and round(lines[h].size or 0.0) in sizes
                               and place_shaped(strip_numbering(lines[h].text), index.lex)]
    for members in kickers.values():
        if sum(h in labs for h in members) >= 2:
            extra |= {h for h in members if h not in labs and _has_body(lines, body, headings, h)}
            kicked |= set(members)
    # 'Finlande : le Comité pour l'avenir', 'Écosse : Scotland's Futures Forum': a series of chapters
    # titled by a place and a name their text takes up are the labs' (two lab headings among them: above).
    taken_up = [h for h in kickers["<place>"] if _has_body(lines, body, headings, h)
                and _tail_taken_up(lines, body, headings, h, index.lex)]
    if len(taken_up) >= 2 and sum(h in labs for h in kickers["<place>"]) < 2:
        extra |= set(taken_up)
        kicked |= set(kickers["<place>"])
    for members in groups.values():
        named = [h for h in members if h in labs]
        if named and all(h in kicked for h in named):
            continue  # the kicker, not the type size, tells the labs apart
        if len(named) >= 2 and 3 * len(named) < len(members):
            # Fewer of them labs ('Pourquoi ?', 'Côte à côte', 'Merci'): a heading whose chapter prints
            # the site that spells its name names a lab as well ('Casinò di Campione d'Italia' over
            # www.casinocampione.it).
            extra |= {h for h in members if h not in labs and _has_body(lines, body, headings, h)
                      and _own_site_under(lines, body, headings, h)}
        if len(named) >= 2 and 3 * len(named) >= len(members):
            # Not the report's own chapters set like them ('5 Comparison', '6 Discussion').
            chapters = index.lex.folded("title", "report_chapters")
            extra |= {h for h in members if h not in labs and looks_like_name(lines[h].text, index.lex)
                      and not _rubric(lines[h].text, index.lex)
                      and fold(strip_numbering(lines[h].text)).strip(" :") not in all_labels()
                      and fold_keep(strip_numbering(lines[h].text)).strip(" :.") not in chapters
                      and _has_body(lines, body, headings, h)}
    return extra


def _own_site_under(lines: list[Line], body: list[int], headings: list[int], h: int) -> bool:
    """Does the chapter under heading ``h`` print an address whose domain spells the heading's name?"""
    from extract.normalize.urls import find_urls
    from extract.segment.spelling import domain_matches

    name = strip_numbering(lines[h].text).strip()
    nxt = next((g for g in headings if g > h), len(lines))
    hosts = {urlsplit(url).hostname or "" for i in _between(body, h + 1, nxt) for url, _, _ in find_urls(lines[i].text)}
    return any(host and domain_matches(name, host) for host in hosts)


def _tail_taken_up(lines: list[Line], body: list[int], headings: list[int], h: int, lex: Lexicon) -> bool:
    """Does the chapter under a place-led heading use a word of the name after the place ('le Forum')?"""
    name = place_led_name(strip_numbering(lines[h].text), lex)
    words = [w for n, w in enumerate(re.findall(r"[\w'’-]+", name)) if len(w) > 2 and (n == 0 or w[:1].isupper())]
    nxt = next((g for g in headings if g > h), len(lines))
    chapter = " ".join(lines[i].text for i in _between(body, h + 1, nxt))
    return any(re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", chapter) for w in words)


def _rubric(text: str, lex: Lexicon) -> bool:
    """"Agenda de l'ACFM", 'News of the Society': a page's or a newsletter's rubric (``labs.page_titles``)
    and the name of whose it is, not a lab."""
    words = fold_keep(strip_numbering(text)).replace("’", "'").replace("'", "' ").split()
    titles, links = lex.folded("labs", "page_titles"), lex.folded("labs", "name_links")
    return any(" ".join(words[:cut]) in titles and words[cut] in links for cut in range(1, min(3, len(words))))
