"""Company names the text prints with their legal form, whose own site it gives.

'... bezocht een groep de Südwestdeutsche Salzwerke AG in Heilbronn ... Meer op www.salzwerke.de',
'Kopalnia Soli „Wieliczka” S.A.' with 'Website: www.kopalnia.pl': a name with a legal form is a
company's, whatever its head noun ('Salzwerke', 'Kopalnia' are no lab words), and a site that spells
one of its words says the text is about it, not naming it in passing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from extract.models import Line
from extract.rules.letter_classes import CAPITALS
from extract.segment.index_merges import legal_forms
from extract.segment.lab_names import whole_name
from extract.segment.spelling import address_spelling, domain_spellings, transliterated
from extract.segment.subject_names import subject_words

if TYPE_CHECKING:
    from extract.segment.lab_index import LabIndex

MIN_SPELLED_CHARS = 4
"""A site's label that spells one word of the name: 'salzwerke', 'kopalnia' (not 'ag', 'sa')."""
MAX_NAME_WORDS = 5


def add_company_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
    """Each company name of the body (capitalised words, a quoted word among them, then a legal form
    in capitals or with its dots) that a site of the document spells a word of, as a strong entry."""
    from extract.normalize.countries import place_code

    # Not a site the index has a lab of already ('Luchthaven Schiphol' over schiphol.nl).
    free = {d for d in domains if not any(e.strong and e.domain and e.names_site(d) for e in index.entries)}
    labels = {spelling for d in free for spelling in _spellings(d) if len(spelling) >= MIN_SPELLED_CHARS}
    if not labels or not body:
        return
    joined = "\n".join(" ".join(lines[i].text.split()) for i in body)
    leading = index.lex.folded("words", "articles") | index.lex.folded("words", "determiners")
    found = []
    # Line by line: a run of capitals across lines joins a heading's words to the next line's name.
    for line, text in zip(body, joined.split("\n")):
        found += [(line, m) for m in _company_name().finditer(text)]
    for line, m in found:
        form = m.group("form")
        if not (form[:1].isupper() or "." in form):
            continue  # 'sa' or 'ag' as a word of the sentence, not a legal form
        words = subject_words(m.group("name"), leading)  # 'De Südwestdeutsche Salzwerke AG' opening a sentence
        if not words:
            continue
        spelled = [w for w in words if {address_spelling(w), address_spelling(transliterated(w))} & labels]
        if not spelled or any(place_code(w.strip("„“”\"")) is not None for w in spelled):
            continue  # 'Heilbronn' over heilbronn.de is the city's site, not the company's
        short = " ".join(words)
        name = m.string[m.end("name") - len(short):m.end()]
        if index.lookup(name) is not None or index.lookup(short) is not None:
            continue
        entry = index.entry_for(name, None, line)
        entry.strong = entry.domain = True
        entry.mentions += max(1, len(whole_name(short).findall(joined)))


def _spellings(domain: str) -> set[str]:
    """A site's spellings of a name, and the first part of a hyphenated label ('creos-net.lu' spells Creos)."""
    first = domain.lower().removeprefix("www.").split(".")[0].split("-")[0]
    return domain_spellings(domain) | {first}


@cache
def _company_name() -> re.Pattern[str]:
    word = rf"(?:[{CAPITALS}][\w'’.&-]*|[„“\"][^”\"\s]{{2,30}}[”\"])"
    return re.compile(rf"(?<![\w-])(?P<name>{word}(?:\s+{word}){{0,{MAX_NAME_WORDS - 1}}}),?\s+"
                      rf"(?P<form>{legal_forms()})(?![\w-])")
