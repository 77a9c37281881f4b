"""Names an apposition presents as organisations: 'Valtori, the Government ICT Centre, went live
...', 'Novum, het innovatielab van de SVB', 'InnovaPuglia, la société « in house » de la Région'."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.lab_names import whole_name
from extract.segment.name_affixes import AFTER_ELISION
from extract.segment.presented import subject_entry
from extract.segment.subject_names import DISTINCTIVE, MIN_COINED_USES, subject_name, written_in_lower_case

if TYPE_CHECKING:
    from extract.segment.lab_index import LabIndex


APPOSITION_WORDS = 4
"""'Valtori, the Government ICT Centre,': the kind of organisation within a few words of the article."""


def add_appositive_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'Valtori, the Government ICT Centre, went live ...', 'Novum, het innovatielab van de SVB',
    'InnovaPuglia, la société « in house » de la Région': a name followed by an apposition that says
    what kind of organisation it is is one, head noun or not. The kind word closes its noun phrase
    ('Maria Silva, the team lead' names a person); a list ('Etalab, le Bercy Lab, le pôle ...')
    is no apposition. Ministries and places are not labs; a single plain word must be a name the
    text keeps using, never in lower case."""
    from extract.nlp import stop_words
    from extract.normalize.countries import place_code

    lex = index.lex
    kinds = lex.folded("labs", "strong_heads") | lex.folded("labs", "definition_nouns")
    ends = tuple(lex.folded("labs", "compound_ends"))
    # As printed, not folded: French 'à' links a name, the verb 'a' ("Louis Michel, l'Institut a été") does not.
    followers = {w.lower() for group, key in (("labs", "name_links"), ("words", "relatives"), ("words", "connectors"))
                 for w in lex.words(group, key)}
    and_words = lex.folded("words", "and_words")
    listing = lex.folded("words", "articles") | and_words
    not_heads = lex.folded("labs", "not_heads")
    former = lex.folded("words", "former_words")
    stops = stop_words(lex.lang) | lex.folded("words", "determiners")
    texts, starts, joined = joined_lines(lines, body)
    presented: set[int] = set()  # ids of the entries an apposition has presented once already
    hosts: list[tuple[str, int]] = []  # (name, line) presented after a host's phrase
    for m in _appositive().finditer(joined):
        if _spelled_apposition(index, m, joined, starts, body, texts):
            continue
        after = re.findall(r"[\w'’-]+|[^\w\s]", joined[m.end():m.end() + 200])[:APPOSITION_WORDS + 3]
        kind = next((n for n, w in enumerate(after[:APPOSITION_WORDS]) if w.isalpha()
                     and (fold_keep(w) in kinds or (len(w) > 5 and fold_keep(w).endswith(ends)))), None)
        if kind is None or any(not w[:1].isalnum() for w in after[:kind]):
            continue
        if {fold_keep(w) for w in after[:kind]} & former:
            continue  # 'CERT, the former tourism training body': a predecessor
        rest = [*after[kind + 1:], ".", "."]
        if rest[0][:1].isalpha() and rest[0].lower() not in followers:
            continue  # 'the team lead', 'the agency's director'
        if rest[0] == "," and fold_keep(rest[1]) in listing:
            continue  # 'Etalab, le Bercy Lab, le pôle Innovation ...': a list of names
        if fold_keep(rest[0]) in and_words and after[0][:1].isupper():
            continue  # 'six Groups, seven State Offices, the National Operations Centre and 32 ...': a list
        begin = m.start(1)
        k = bisect_right(starts, begin)
        if k < len(starts) and starts[k] < m.end(1) and lines[body[k - 1]].role == "heading":
            begin = starts[k]  # a heading ends a name: '4. Kela' / 'Kela, the Social Insurance ...'
        words = joined[begin:m.end(1)].split()
        while words and fold_keep(words[0]) in stops:
            words = words[1:]
        name = " ".join(words)
        if not name or any(fold_keep(w) in not_heads for w in words) or index.speakers & {name}:
            continue
        if place_code(name) is not None or (place_code(words[-1]) is not None and len(words) > 1):
            # A place, or a name that ends on one ('Companhia Carris de Ferro de Lisboa', the longer
            # name of the 'Carris' a heading gives); not 'Scottish Canals', nor 'Stadion Amsterdam N.V.'.
            continue
        if len(words) == 1 and not DISTINCTIVE.search(name) and (
                len(whole_name(name).findall(joined)) < MIN_COINED_USES or written_in_lower_case(name, joined)):
            continue
        line = body[bisect_right(starts, begin) - 1]
        if index.hosts.search(fold_keep(joined[max(0, m.start(1) - 30):m.start(1)])):
            # 'the lab sits in MaRS Discovery District, the not-for-profit innovation hub': its host.
            hosts.append((name, line))
            continue
        entry = index.lookup(name)
        if entry is None:
            entry = subject_entry(index, name, line, body, texts, set())
        elif id(entry) not in presented:
            entry.in_heading += 1  # what kind of organisation it is presents it, as a heading would
        presented.add(id(entry))
        entry.strong = True
        entry.as_subject += 1
        kind_name = " ".join(after[:kind + 1])
        other = index.lookup(kind_name)
        if other is not None and other is not entry and not (other.strong or other.defined):
            index.adopt(entry, kind_name, acronym=False)  # 'the Government ICT Centre' is Valtori
    if len(hosts) == 1 and not any(e.strong for e in index.entries):
        # 'Het stadion ... wordt geëxploiteerd door Stadion Amsterdam N.V., een vennootschap die ...' in a
        # text that names no lab: what runs the venue it is about is the body it describes.
        name, line = hosts[0]
        entry = index.lookup(name) or subject_entry(index, name, line, body, texts, set())
        entry.strong = True
        entry.as_subject += 1


_FULL_NAME_AFTER = re.compile(rf"[{CAPITALS}][\w'’-]*(?:\s+[\w'’-]+){{1,6}}?(?=\s*[,.;:()]|\s+[—–-]\s)")
"""The full name an apposition gives, up to the punctuation that closes it."""


def _spelled_apposition(index: LabIndex, m: re.Match[str], joined: str, starts: list[int], body: Sequence[int],
                        texts: list[str]) -> bool:
    """"l'Istat, l'Istituto nazionale di statistica": a short form, then the full name whose word starts
    spell it, set off by a comma and an article; the full name is the lab, the short form its acronym."""
    from extract.segment.spelling import abbreviates

    short = m.group(1).strip()
    if " " in short or not short[:1].isupper():
        return False
    full = _FULL_NAME_AFTER.match(joined, m.end())
    if full is None or not abbreviates(short, full.group(0), said=True) or index.lookup(full.group(0)) is not None:
        return False
    line = body[bisect_right(starts, full.start()) - 1]
    entry = subject_entry(index, full.group(0), line, body, texts, set(), acronym=short)
    entry.as_subject += 1
    return True


@cache
def _appositive() -> re.Pattern[str]:
    """A name, a comma and an article: 'Valtori, the', "L'IMI, l'" (the kind is read after it)."""
    lex = lexicon(None)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    # After an elided article too: "confié à l'Istat, l'Istituto nazionale di statistica".
    return re.compile(rf"(?:(?<![\w'’-])|{AFTER_ELISION}){subject_name()},\s+(?:(?:{articles})\s+|{elided})")


def add_names_under(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """"Elle possède aujourd'hui, sous le nom de Domaines de la Ville de Lausanne, un peu plus de 33
    hectares ... Les Domaines ne sont pas une société": a name the text says something goes by
    (``labs.under_the_name``), two words or more, that a later sentence opens on its first word after
    a definite article, is an organisation the text describes."""
    lex = index.lex
    phrases = lex.words("labs", "under_the_name")
    if not phrases:
        return
    texts, starts, joined = joined_lines(lines, body)
    articles = set(lex.words("words", "articles")) - set(lex.words("words", "indefinite_articles"))
    under = re.compile(rf"(?i:{alternation(phrases, folded=False)})\s+(?:{subject_name()})")
    for m in under.finditer(joined):
        name = m.group(1)
        words = name.split()
        if len(words) < 2 or index.lookup(name) is not None:
            continue
        taken_up = re.search(rf"(?:^|[.!?:;]\s+)(?i:{alternation(sorted(articles), folded=False)})\s+{re.escape(words[0])}"
                             rf"(?![\w'’-])", joined[m.end():])
        if taken_up is None:
            continue
        line = body[bisect_right(starts, m.start(1)) - 1]
        entry = subject_entry(index, name, line, body, texts, set())
        entry.strong = True
        entry.as_subject += 1


def joined_lines(lines: Sequence[Line], body: Sequence[int]) -> tuple[list[str], list[int], str]:
    """The body's lines, where each starts in their text joined by spaces, and that text."""
    texts = [lines[i].text for i in body]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return texts, starts, " ".join(texts)

