"""Names the index learns from acronyms and addresses rather than from the name patterns: a
capitalised name whose letters are a website's domain ('18F' over 18f.gsa.gov), an acronym spelled
out after 'stands for', an acronym the text uses but never defines ('GDS' after 'the Government
Digital Service'), and a letterhead, or the lines before its first use, that spells out an
acronym the text keeps using."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep
from extract.segment.acronyms import defined_acronyms, initials_are, organisation_nouns
from extract.segment.spelling import (
    address_spelling,
    domain_label,
    domain_spellings,
    function_words,
    initials_cover,
    is_acronym,
    spelled_out_in,
    spells_with_compounds,
    transliterated,
)
from extract.segment.subject_names import coined_words

if TYPE_CHECKING:
    from extract.segment.lab_index import LabEntry, LabIndex

MIN_LETTERHEAD_ACRONYM_USES = 2
"""An acronym no name spells, used this often, may be spelled out by the letterhead."""
BARE_ACRONYM = re.compile(r"(?<![\w&-])[A-Z](?:[A-Z0-9]{0,4}|&)[A-Z][A-Z0-9]{0,4}(?![\w&-])")  # two letters at least: not 'D08'; 'V&A'
# A capitalised name with its lower-case link words: 'Rijksdienst voor het Wegverkeer', 'the Tern Service Centre'.
_SPELLED_NAME = re.compile(rf"(?:(?:the|het|de|la|le|les|l['’])\s+)?[{CAPITALS}][\w'’-]*(?:\s+(?:[{LOWERCASE}]{{1,4}}\s+){{0,2}}[{CAPITALS}][\w'’-]*)*")
LETTERHEAD_LINES = 6
"""A letter's sender is spelled out in its first lines."""


# A word shaped as an address, written bare: 'Techleap.nl', 'hub.brussels' (not 'www.x.nl', 'info@x', 'x.nl/y').
_DOMAIN_WORD = re.compile(r"(?<![\w@/.:-])([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.[a-z]{2,12})(?![\w/@-]|\.\w)")
_OPENS = re.compile(r"(?:^|[.!?:;]\s+|[•·–—]\s*)$")
MIN_DOMAIN_NAME_USES = 2


def add_domain_shaped_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
    """'Techleap.nl is in 2019 opgericht', 'hub.brussels is op 1 januari 2018 ontstaan': an
    organisation whose name is its address. A bare address the text uses at least twice, once at
    least opening a sentence (as its subject, not as 'meer informatie op techleap.nl'), and that is
    one of the document's addresses, names an organisation with its own site."""
    if not domains:
        return
    uses: dict[str, list[int]] = {}
    opening: set[str] = set()
    previous: int | None = None
    for i in body:
        text = lines[i].text
        for m in _DOMAIN_WORD.finditer(text):
            word = m.group(1)
            if word.lower().startswith("www.") or word.lower() not in domains:
                continue
            uses.setdefault(word, []).append(i)
            if _OPENS.search(text[:m.start()]) and (m.start() > 0 or _line_opens_sentence(lines, previous, i)):
                opening.add(word)
        previous = i
    for word, at in uses.items():
        if word in opening and len(at) >= MIN_DOMAIN_NAME_USES:
            entry = index.entry_for(word, None, at[0])
            entry.strong = entry.domain = True
            entry.mentions += len(at)


def _line_opens_sentence(lines: Sequence[Line], previous: int | None, i: int) -> bool:
    """Does line ``i`` open a sentence: a heading, the body's first line, or after a heading or a
    line that ends one (``previous``: the body line before it)?"""
    if lines[i].role == "heading" or previous is None:
        return True
    return lines[previous].role == "heading" or lines[previous].text.rstrip()[-1:] in ".!?:"


def add_domain_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
    """'18F' over 18f.gsa.gov, 'Staatslabor' over staatslabor.ch: a capitalised name the text uses
    whose letters are a domain's first label names an organisation with its own site."""
    # 't-hub.co' is T-Hub's, 'arpa-h.gov' ARPA-H's: the label's hyphens go as the name's do.
    labels = {spelling for d in domains for spelling in domain_spellings(d)}
    labels = {label for label in labels if len(label) >= 3}
    if not labels:
        return
    hosts = index.lex.folded("labs", "not_heads")
    articles = index.lex.folded("words", "articles")
    coined = coined_words(lines, body, labels)
    for i in body:
        # Capitalised, or coined with a capital second ('iMio' over imio.be).
        for m in re.finditer(r"(?<![\w-])(?:[A-Z0-9]|[a-z](?=[A-Z]))[\w-]*(?:\s+[A-Z][\w-]*){0,3}", lines[i].text):
            if re.match(r"\.[a-z]{2,}", lines[i].text[m.end():m.end() + 4], re.IGNORECASE):
                continue  # 'HealthCare.gov', 'GOV.UK': the address itself, not a name the text uses
            words = m.group(0).split()
            for k in range(len(words), 0, -1):
                candidate = " ".join(words[:k])
                # A plain word ('Canada', 'Digital') is a place or a topic, not a name.
                distinctive = (k > 1 or any(c.isdigit() for c in candidate) or any(c.isupper() for c in candidate[1:])
                               or candidate in coined)
                if fold_keep(words[k - 1]) in hosts:
                    continue  # 'Dublin City' over dublincity.ie: a council's site, not a lab's
                if distinctive and ({address_spelling(spelling)
                                     for spelling in (candidate, transliterated(candidate))} & labels):
                    if k == 2 and fold_keep(words[0]) in articles and is_acronym(words[1]):
                        candidate = " ".join(words[1:k])  # 'Le CESE' over lecese.fr: the CESE's site, its article in the address
                    longer = _named_longer(index, candidate) if k == 1 else None
                    if longer is not None:  # 'Konza' over konza.go.ke: the Konza Technopolis Development Authority's
                        longer.domain = True
                        break
                    candidate += _place_complement(lines[i].text[m.start() + len(candidate):], index)
                    entry = index.entry_for(candidate, None, i)
                    entry.strong = entry.domain = True
                    entry.mentions += 1
                    entry.as_host += bool(index.hosts.search(fold_keep(lines[i].text[max(0, m.start() - 30):m.start()])))
                    break


def add_linked_domain_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
    """'The Court of the Lord Lyon ... publishes its fees at courtofthelordlyon.scot': a capitalised
    name with link words inside ('of the') whose letters, link words included, are a domain's first
    label names the organisation of that site (``add_domain_names`` reads runs of capitals only)."""
    labels = {label for label in map(domain_label, domains) if len(label) >= MIN_LINKED_LABEL_CHARS}
    if not labels:
        return
    links = alternation([*index.lex.words("labs", "name_links"), *index.lex.words("words", "articles")],
                        folded=False, any_space=False)
    run = re.compile(rf"(?<![\w-])[{CAPITALS}][\w'’-]*(?:\s+(?:(?:{links})\s+)*[{CAPITALS}][\w'’-]*){{1,5}}")
    hosts = index.lex.folded("labs", "not_heads")
    articles = index.lex.folded("words", "articles")
    for i in body:
        for m in run.finditer(lines[i].text):
            words = m.group(0).split()
            # 'The Court of the Lord Lyon': a sentence's article opens the run, not the name; 'Mayo Clinic
            # Center for Innovation' over centerforinnovation.mayo.edu is the longer name, read elsewhere.
            while words and fold_keep(words[0]) in articles:
                words = words[1:]
            found = next((" ".join(words[:k]) for k in range(len(words), 1, -1)
                          if any(w[:1].islower() for w in words[:k]) and fold_keep(words[k - 1]) not in hosts
                          and address_spelling(" ".join(words[:k])) in labels), None)
            if found is not None:  # not a host's name ('... of Dublin City'); one without a link word is read before
                entry = index.entry_for(found, None, i)
                entry.strong = entry.domain = True
                entry.mentions += 1
                _add_head_mentions(index, entry, lines, body)


def _add_head_mentions(index: LabIndex, entry: LabEntry, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'the Court publishes its fees', "the Court's running costs": the head word alone after an
    article, not going on into another name ('the Court of Session'), is this lab, when no other
    lab's name opens with it."""
    from extract.segment.lab_names import NameMention

    head = entry.name.split()[0]
    if any(e is not entry and e.name.split()[0] == head for e in index.entries) or index.lookup(head) is not None:
        return
    for i in body:
        for start, end in head_mentions(lines[i].text, head, index.lex):
            entry.mentions += 1
            mention = NameMention(start, end, head, None, head="", strong=True)
            index.mentions_by_line.setdefault(i, []).append((mention, entry))
    index.add_alias(entry, head)
    entry.head_alias = head


def head_mentions(text: str, head: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where ``text`` says a lab's capitalised head word alone after an article ('the Court's')."""
    return [(m.start(1), m.end(1)) for m in _head_said(head, lex).finditer(text)]


@lru_cache(maxsize=64)
def _head_said(head: str, lex: Lexicon) -> re.Pattern[str]:
    """``head`` after an article, not going on with a link word; built once per head and language
    (the paragraphs' subjects ask for every paragraph)."""
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    links = alternation(lex.words("labs", "name_links"), folded=False)
    return re.compile(rf"(?i:\b(?:{articles}))\s+({re.escape(head)})(?![\w-])(?!\s+(?:{links})\s)")


MIN_LINKED_LABEL_CHARS = 8
"""A label a name with link words spells is long ('courtofthelordlyon'); short ones match by chance."""


def _place_complement(rest: str, index: LabIndex) -> str:
    """' of Ireland' after 'Law Society' (lawsociety.ie): a link word and a place that complete the
    name the site spells, so that 'the Law Society of Northern Ireland' stays another body."""
    from extract.normalize.countries import place_code

    found = _link_and_place(index.lex).match(rest)
    return found.group(0) if found is not None and place_code(found.group(1)) is not None else ""


@lru_cache(maxsize=8)
def _link_and_place(lex: Lexicon) -> re.Pattern[str]:
    """' of Northern Ireland': a link word and one or two capitalised words after a name."""
    links = alternation(lex.words("labs", "name_links"), folded=False)
    return re.compile(rf"\s+(?:{links})\s+((?:[{CAPITALS}][\w-]+)(?:\s+[{CAPITALS}][\w-]+)?)(?![\w-])")


def _named_longer(index: LabIndex, word: str) -> LabEntry | None:
    """The one lab, defined with its acronym, whose longer name opens with ``word`` ('Konza
    Technopolis Development Authority (KoTDA)')."""
    found = [e for e in index.entries if e.defined and e.acronym and e.name.startswith(word + " ")]
    return found[0] if len(found) == 1 else None


MAX_LINE_NAME_WORDS = 10
"""Words of a name a line opens with before its comma ("Consiglio nazionale dell'economia e del lavoro")."""


def add_line_spelled_names(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'Italie : le CNEL' over '• Consiglio nazionale dell'economia e del lavoro, prévu par ...': a lab
    known by its acronym only goes by the name a line opens with (a bullet perhaps) whose words,
    up to a comma, give exactly its letters, in any language's case ('dell'economia' gives the E)."""
    bare = [e for e in index.entries if e.acronym is None and is_acronym(e.name) and e.name.isalpha() and len(e.name) >= 3]
    if not bare:
        return
    opening = re.compile(rf"^(?:[•·\-–*]\s*)?([{CAPITALS}][\w'’-]*(?:\s+[\w'’-]+){{1,{MAX_LINE_NAME_WORDS - 1}}}?)\s*(?=,)")
    for i in body:
        found = opening.match(lines[i].text.strip())
        if found is None:
            continue
        words = found.group(1).split()
        letters = "".join(w[0] for w in (re.sub(rf"^[{LOWERCASE}]{{1,4}}['’]", "", w) for w in words)
                          if w and w.lower() not in function_words() and not (len(w) == 1 and w.islower()))
        for entry in bare:
            if fold_keep(letters).upper() == entry.name.upper() and entry in index.entries:
                acronym = entry.name
                index.rename(entry, found.group(1))
                entry.acronym = acronym
                bare.remove(entry)
                break


def add_spelled_out_names(index: LabIndex, text: str) -> None:
    """'Onze naam staat van oudsher voor Rijksdienst voor het Wegverkeer', 'TSC stands for the
    Tern Service Centre' in ``text`` (the body's lines): a lab known by its acronym only, whose
    letters the name after a 'stands for' phrase spells, goes by that name."""
    bare = [e for e in index.entries if e.name == e.acronym or (e.acronym is None and is_acronym(e.name))]
    if not bare:
        return
    phrases = [re.escape(p).replace(r"\ ", r"(?:\s+[\w'’]+){0,2}?\s+", 1).replace(r"\ ", r"\s+")
               for p in index.lex.folded("labs", "stands_for")]
    stands = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(phrases, key=len, reverse=True))})\s+", re.IGNORECASE)
    for found in stands.finditer(text):
        run = _SPELLED_NAME.match(text, found.end())
        if run is None:
            continue
        words = run.group(0).split()
        while words and fold_keep(words[0]) in index.lex.folded("words", "articles"):
            words = words[1:]
        for entry in bare:
            acronym = entry.acronym or entry.name
            if len(words) >= 2 and (initials_are(acronym, words) or spells_with_compounds(acronym, words)):
                name = " ".join(words)
                index.entry_for(name, acronym, entry.first)
                break


_REFERENCE = re.compile(r"[A-Za-z0-9.-]+(?:/[A-Za-z0-9.-]+){2,}")
"""A reference or file code: three parts or more between slashes ('ZA/DV/2012/0386')."""


def _in_reference(text: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in _REFERENCE.finditer(text))


def add_undefined_acronyms(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'GDS' after 'the Government Digital Service', never defined as '(GDS)': an acronym the
    text uses whose letters are the initials of exactly one lab's name is that lab's."""
    bare = [e for e in index.entries if not e.acronym and len(e.name.split()) >= 2]
    seen: set[str] = set()
    uses: dict[str, int] = {}
    found = [m for i in body for m in BARE_ACRONYM.finditer(lines[i].text)
             if not _in_reference(lines[i].text, m.start())]  # 'Ons kenmerk: ZA/DV/2012/0386': a file's code
    for m in found:
        uses[m.group(0)] = uses.get(m.group(0), 0) + 1
    for m in found:
        token = m.group(0)
        known = index.by_alias(token.lower())
        if token in seen or (known is not None and known.name != token):
            continue
        seen.add(token)
        owners = [e for e in bare if initials_cover(token, e.name.split())
                  and len(token) >= sum(1 for w in e.name.split() if w[:1].isupper()) - 1]
        if not owners and (known is None or known.name == token) and uses[token] >= MIN_LETTERHEAD_ACRONYM_USES:
            _named_acronym(index, token, uses[token], lines, body)
        if len(owners) > 1:
            # 'MDIA' between the Malta Digital Innovation Authority and Hub: the name it spells exactly.
            owners = [e for e in owners if initials_are(token, e.name.split())]
        if len(owners) != 1:
            continue
        index.take_acronym(owners[0], token, known)


def _named_acronym(index: LabIndex, token: str, used: int, lines: Sequence[Line], body: Sequence[int]) -> None:
    """An acronym the text keeps using as a name, never defined: its name spelled out in the
    letterhead (``_letterhead_name``) or else in the lines up to its first use (``_spelled_before_use``)."""
    from extract.normalize import country_code

    if country_code(token, None) is not None:
        return  # 'US states', 'UK'
    # Named as an organisation at least once ('la DGNSI', 'the GDS'), not only as a modifier ('GC Notify').
    articles = alternation((*index.lex.words("words", "articles"), *index.lex.words("words", "elided_articles")),
                           folded=False, any_space=False)
    called = re.compile(rf"(?i:\b(?:{articles}))\s*{re.escape(token)}(?![\w-])")
    # ... or as a sentence's subject: 'NHSBT sells blood components to hospitals'.
    subject = re.compile(rf"(?:^|[.!?]\s+){re.escape(token)}\s+[{LOWERCASE}]")
    if not any(called.search(lines[i].text) or subject.search(lines[i].text) for i in body):
        return
    known = index.lookup(token)
    if not _letterhead_name(index, token, used, known, lines, body):
        _spelled_before_use(index, token, used, known, lines, body)


def _letterhead_name(index: LabIndex, token: str, used: int, known: LabEntry | None,
                     lines: Sequence[Line], body: Sequence[int]) -> bool:
    """'la DGNSI compte 563 collaborateurs' under a letterhead printing 'Direction générale du
    numérique et des systèmes d'information · Avenue ...': the sender's own name spelled out in its
    letterhead. Whether it made the acronym's entry."""
    # The letterhead, and any heading: a printed page's title under its menu and breadcrumbs.
    top = sorted({*body[:LETTERHEAD_LINES], *(i for i in body if lines[i].role == "heading")})
    # A page title may wrap: "L'Institut wallon de l'évaluation, de la" / 'prospective et de la statistique'.
    texts = [(i, lines[i].text) for i in top] + [(i, f"{lines[i].text} {lines[j].text}") for i, j in zip(top, top[1:])]
    for i, text in texts:
        name = spelled_out_in(token, text)
        if name is None or index.lookup(name) is not None or index.names_a_text(name) \
                or name.split()[0] == token:
            continue  # 'de Algemene verordening gegevensbescherming (AVG)': a law; "l'IEFH et l'égalité ...": the acronym itself
        entry = index.entry_for(name, token, i)  # a bare acronym's entry takes the name it spells
        entry.strong = entry.defined = True
        entry.mentions += used if entry is not known else 0
        return True
    return False


def _spelled_before_use(index: LabIndex, token: str, used: int, known: LabEntry | None,
                        lines: Sequence[Line], body: Sequence[int]) -> None:
    """"L'Office est devenu l'Organisation mondiale de la santé animale, ... il se fait appeler OMSA":
    an organisation's name spelled out in the body lines (headings aside) up to the acronym's first use."""
    first = next(k for k, i in enumerate(body) if re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", lines[i].text))
    window = [i for i in body[max(0, first - SPELLED_BEFORE_LINES):first + 1] if lines[i].role != "heading"]
    name = spelled_out_in(token, " ".join(lines[i].text for i in window))
    if name is None or index.lookup(name) is not None or name.split()[0].lower() not in organisation_nouns() \
            or index.names_a_text(name):
        return
    entry = index.entry_for(name, token, body[first])
    entry.defined = True
    entry.mentions += used if entry is not known else 0


SPELLED_BEFORE_LINES = 4
"""An acronym's name is spelled out in its own sentence or the one before."""


def add_letterhead_names(index: LabIndex, lines: Sequence[Line], letterhead: Sequence[int]) -> None:
    """'BIO – Belgische Investeringsmaatschappij voor Ontwikkelingslanden NV' heading a letter whose
    text says only 'BIO': the letterhead's first line spells out the name the text goes by (not a
    later line: 'Norwegian Water Resources ...' over 'Norges vassdrags- og energidirektorat (NVE)'
    keeps the first)."""
    for i in letterhead[:1]:
        for name, acronym, _ in defined_acronyms(lines[i].text):
            if (known := index.lookup(acronym)) is not None and known.name == acronym:
                index.entry_for(name, acronym, known.first)
