"""Prose: paragraphs, and the lab each is about.

- ``paragraphs``, ``subject_of``, ``run_in_head``: in prose without lab headings, each paragraph
  goes to the lab that is its subject, and following paragraphs stay with it until another lab
  takes over;
- ``split_inline_labels``: labels run on inside a paragraph ('... Staff: about 20. Budget: n/a.')
  set one per line, as a fact sheet prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep
from extract.segment.index_acronyms import head_mentions
from extract.segment.lab_headings import is_page_title
from extract.segment.lab_index import LabEntry, LabIndex, index_key
from extract.segment.lab_names import whole_name
from extract.segment.platforms import URL
from extract.segment.subject_names import DISTINCTIVE

# A name opening a paragraph, closed by a full stop, a dash or a colon (an explanation in brackets may follow).
_RUN_IN = re.compile(rf"^\s*([{CAPITALS}0-9a-z][\w@&'’.-]*(?:\s+[{CAPITALS}0-9][\w@&'’-]*){{0,4}}?)"
                     r"(?:\s*\([^)]{2,80}\))?(?:\.\s|\s+[—–]\s|:\s)")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}[a-z]?|[a-z])[.)]\s+")
FIRST_SENTENCE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?]\s")
SHORT_LINE = 0.15
"""A line ending this share of the column's width before its edge, on a full stop, ends a paragraph."""
_PARAGRAPH_END = frozenset(".!?:\"”»)")
SUBJECT_WORDS = 6
"""A lab named within the first words of a paragraph is what the paragraph is about."""


COMPARISON = LabEntry(name="")
"""The subject of a paragraph that compares labs: it belongs to none of them."""


def paragraphs(lines: Sequence[Line], body: Sequence[int]) -> list[list[int]]:
    """Body lines grouped into paragraphs: same page and column, no wide gap, no heading between,
    and the line before did not stop short of the column's edge at the end of a sentence (prose
    set without space between paragraphs)."""
    right: dict[tuple[int, int | None], float] = {}
    left: dict[tuple[int, int | None], float] = {}
    for i in body:
        key = (lines[i].page, lines[i].column)
        right[key] = max(right.get(key, 0.0), lines[i].bbox[2])
        left[key] = min(left.get(key, lines[i].bbox[0]), lines[i].bbox[0])
    groups: list[list[int]] = []
    previous: Line | None = None
    for i in body:
        line = lines[i]
        # A heading is a paragraph of its own; one set on two lines ('... closed last year. Does' /
        # 'that worry you?') is one heading.
        new = previous is None or (line.role == "heading") != (previous.role == "heading") or (
            line.role == "heading" and (abs((line.size or 0.0) - (previous.size or 0.0)) > 0.5
                                        or line.text[:1].isupper()))
        if not new and previous is not None:
            height = max(previous.bbox[3] - previous.bbox[1], 1.0)
            gap = line.bbox[1] - previous.bbox[3]
            key = (previous.page, previous.column)
            width = max(right[key] - left[key], 1.0)
            short = (previous.bbox[2] < right[key] - SHORT_LINE * width
                     and previous.text.rstrip()[-1:] in _PARAGRAPH_END and line.text[:1].isupper())
            new = (line.page != previous.page or line.column != previous.column or gap > 0.75 * height
                   or gap < -height or line.role != previous.role or short)
        if new:
            groups.append([i])
        else:
            groups[-1].append(i)
        previous = line
    return groups


def run_in_head(text: str, index: LabIndex, line: int, *, create: bool = True) -> LabEntry | None:
    """'18F. Digital services consultancy ...', 'eWBS (eWallonie-Bruxelles Simplification) — Créé
    en 2013 ...': a paragraph of notes or a directory entry opens with the name of its lab.

    A known lab's name or acronym counts; so does an unknown name that cannot be a plain word
    ('Lab@OPM', '18F', 'USDS'), which then joins the index, and, with ``create``, a new name
    around a lab's head noun ('Living Lab Stratumseind.'); a heading line is read without it.
    """
    match = _RUN_IN.match(_ITEM_NUMBER.sub("", text, count=1))
    if match is None or "?" in text[match.end():]:
        return None  # 'PSDQ: Where do you sit in government?', 'OGR: Let's start. What is X?': an interviewer
    name = match.group(1)
    if not any(c.isalpha() for c in name):
        return None  # '48 – Abfallwirtschaft, ...': a name's number carried over a column break, no name
    if name in index.speakers or is_page_title(name, index.lex):  # 'PERSBERICHT — voor directe publicatie'
        return None
    if name in index.speakers:
        return None
    entry = index.lookup(name)
    strong_heads = index.lex.folded("labs", "strong_heads")
    distinctive = len(name.split()) == 1 and DISTINCTIVE.search(name) is not None
    named = distinctive or (create and len(name.split()) >= 2 and any(fold_keep(w) in strong_heads for w in name.split()))
    if entry is None and named:  # 'Lab@OPM.', 'Living Lab Stratumseind (Eindhoven).'
        entry = index.entry_for(name, None, line)
        entry.strong = True
    if entry is not None:
        entry.in_heading += 1  # a run-in head is the entry's heading
    return entry


@cache
def anaphoric_opening(lex: Lexicon) -> re.Pattern[str]:
    """'The agency ...', 'Dit lab ...', 'Cette agence ...' opening a paragraph: the organisation named before."""
    determiners = alternation((*lex.words("words", "articles"), *lex.words("labs", "demonstratives")),
                              folded=False, any_space=False)
    kinds = alternation((*lex.words("labs", "strong_heads"), *lex.words("labs", "definition_nouns")),
                        folded=False, any_space=False)
    links = alternation(lex.words("labs", "name_links"), folded=False, any_space=False)
    # Not 'That team, the Government Digital Service, was set up ...' (the apposition names it), nor
    # 'Le Lab Pôle emploi voulait ...' (a name).
    return re.compile(rf"^\W*(?i:{determiners})\s+(?i:{kinds})(?![\w-])(?!\s+(?i:{links})\s)(?!\s*,)(?!\s+[{CAPITALS}\d])")


@cache
def possessive_opening(lex: Lexicon) -> re.Pattern[str]:
    """'Notre budget ...', 'Our team ...', 'Onze begroting ...' opening a paragraph of a letter: the
    sender goes on, whatever the paragraph names in passing ('nos collègues du CRDI'). Not in a
    travel report, where 'notre dernière visite' is the author's."""
    return re.compile(rf"^\W*(?i:{alternation(lex.words('words', 'first_person_possessives'), folded=False)})\s")


def _sits_in_or_pays(text: str, at: int, index: LabIndex) -> bool:
    """Is the name at ``at`` the organisation a lab sits in ('part of the', 'fait partie de l'') or
    the one that pays for it ('funded by', 'financé par')?"""
    before = fold_keep(text[max(0, at - 40):at])
    return index.hosts.search(before) is not None or _paid_by(index.lex).search(before) is not None


def _compared_with(text: str, at: int, lex: Lexicon) -> bool:
    """Is the name at ``at`` the one a paragraph sets its lab against ('Contrairement au BOPE, le banc
    de Ferlach ...', 'Unlike the BOPE'; ``words.contrasts``)?"""
    return _compared(lex).search(fold_keep(text[max(0, at - 40):at])) is not None


@cache
def _compared(lex: Lexicon) -> re.Pattern[str]:
    articles = alternation(lex.words("words", "articles"))
    contrasts = alternation(lex.words("words", "contrasts"), longest_first=True)
    return re.compile(rf"(?<![\w-])(?:{contrasts})\s+(?:(?:{articles})\s+|[ld]['’])?$")


@cache
def _paid_by(lex: Lexicon) -> re.Pattern[str]:
    """A funding trigger, then at most an article, ending the text: 'financés par l'', 'funded by the'."""
    return re.compile(rf"(?:{lex.regex('funding', 'after').pattern})\s*(?:\w{{1,3}}\s+|[ld]['’])?$")


@lru_cache(maxsize=1024)
def _alias_pattern(alias: str) -> re.Pattern[str]:
    """An index key ('cms innovation center') in folded text, spaces or hyphens between its words (not
    a URL's dots: 'canada.ca/en')."""
    return re.compile(r"(?<![\w.-])" + r"[\s-]+".join(map(re.escape, alias.split())) + r"(?![\w.-])")


def _addresses(text: str, index: LabIndex) -> list[tuple[int, int, list[LabEntry]]]:
    """The web addresses ``text`` prints, each with the labs of the index it is the site of."""
    return [(m.start(), m.end(), [e for e in index.entries if e.names_site(m.group(1).lower())])
            for m in URL.finditer(text) if "." in m.group(0)]


def subject_of(paragraph: Sequence[int], lines: Sequence[Line], index: LabIndex) -> LabEntry | None:
    """The lab a paragraph is about: the one whose name opens it as a run-in head, else the one it
    names most often (names and acronyms), when it names it at least twice or within its first
    words; else None (the paragraph goes on with the lab before)."""
    text = " ".join(lines[i].text for i in paragraph)
    if paragraph and (head := run_in_head(text, index, paragraph[0])) is not None:
        return head
    counts: dict[int, int] = {}
    first_at: dict[int, int] = {}
    by_id = {id(e): e for e in index.entries}
    found: list[tuple[int, int, LabEntry]] = []
    folded = fold_keep(text)
    addresses: list[tuple[int, int, list[LabEntry]]] | None = None  # read once, when a lab named here has a site
    for entry in index.entries:
        if entry.as_host * 2 >= entry.mentions > 0 and not (entry.acronym or entry.domain or entry.in_heading):
            continue  # 'We're part of the Cabinet Office': the host, not what the paragraph is about
        names = [entry.name] + ([entry.acronym] if entry.acronym else [])
        for name in names:
            found += [(m.start(), m.end(), entry) for m in whole_name(name).finditer(text)]
        # Its other names of two words or more: 'CMS Innovation Center' for the Center for Medicare ...
        own_key = index_key(entry.name)
        found += [(m.start(), m.end(), entry) for alias in entry.aliases if len(alias.split()) >= 2 and alias != own_key
                  for m in _alias_pattern(alias).finditer(folded)]
        if entry.head_alias:  # 'the Court publishes its fees': the lab by its head word alone
            found += [(start, end, entry) for start, end in head_mentions(text, entry.head_alias, index.lex)]
        if entry.domain and any(e is entry for _, _, e in found):
            # '... uit bij de Rijksdienst voor het Cultureel Erfgoed ... stonden op cultureelerfgoed.nl': a
            # paragraph that names a lab gives its own address (one that names no other lab of the index).
            addresses = _addresses(text, index) if addresses is None else addresses
            found += [(start, end, entry) for start, end, owners in addresses if len(owners) == 1 and owners[0] is entry]
    taken: list[tuple[int, int]] = []
    mentions: list[tuple[int, int, LabEntry]] = []
    # The longest first: 'CMS' inside 'CMS Innovation Center' is no mention of the CMS.
    for start, end, entry in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        mentions.append((start, end, entry))
        if _sits_in_or_pays(text, start, index) or _compared_with(text, start, index.lex):
            continue  # 'il fait partie de l'Agence X', 'financé par l'X', 'Contrairement au BOPE': not the lab described
        counts[id(entry)] = counts.get(id(entry), 0) + 1
        first_at[id(entry)] = min(first_at.get(id(entry), start), start)
    if counts:
        best = max(counts, key=lambda k: (counts[k], -first_at[k]))
        opener = min(counts, key=lambda k: first_at[k])
        if len(text[: first_at[opener]].split()) < SUBJECT_WORDS and (
                counts[opener] >= 2 or by_id[opener].score > by_id[best].score):
            # 'GNova, ten slotte, ... binnen de ENAP ... ENAP ...', 'Innoviris est financé par ... le
            # FEDER ... de FEDER': the paragraph opens with its lab; the others are what it says of it.
            best = opener
        opens = len(text[: first_at[best]].split()) < SUBJECT_WORDS or (
            not _SENTENCE_END.search(text, 0, first_at[best])
            and len(text[: first_at[best]].split()) < FIRST_SENTENCE_WORDS)  # 'Het oudste van de drie is het X.'
        # 'Le second est plus jeune et plus régional. ART-ER — ... est née en 2019': a short first
        # sentence that names no lab leads in; the lab opening the next one is the subject.
        lead_in = [m.end() for m in _SENTENCE_END.finditer(text, 0, first_at[best])]
        opens = opens or (len(lead_in) == 1 and first_at[best] == min(first_at.values())
                          and len(text[:lead_in[0]].split()) < FIRST_SENTENCE_WORDS
                          and len(text[lead_in[0]:first_at[best]].split()) < SUBJECT_WORDS)
        affiliation = text[max(0, first_at[best] - 1):first_at[best]] == "("  # 'mw. A. de Wit (Lab van Troje)'
        opens = opens and not affiliation
        # 'In Jakarta zag ik ... Jakarta Smart City werd in 2014 opgericht ...': the paragraph that
        # presents a lab (its founding, its place among the cases) is about it.
        opens = opens or (by_id[best].in_heading > 0 and by_id[best].first in paragraph
                          and lines[by_id[best].first].role != "heading")
        runner_up = max((counts[k] for k in counts if k != best), default=0)
        if runner_up >= 2 and counts[best] < 2 * runner_up and not opens:
            return COMPARISON  # 'GDS had the purse; 18F ... ; USDS ...': about several labs at once
        if counts[best] >= 2 or opens:
            return by_id[best]
        # 'Het Duitse antwoord is jonger ... Na de oorlog kwam er in 1948 eerst een rekenhof ... De
        # Bundesrechnungshof zelf werd opgericht bij wet van 1950': a lab whose founding a sentence
        # of the paragraph tells, as its subject, is what the paragraph comes to be about.
        founded_here = {id(entry): entry for start, end, entry in mentions
                        if _founding_sentence(text, folded, start, end, index.lex)}
        if len(founded_here) == 1:
            return next(iter(founded_here.values()))
        # 'Vienna is the only world capital with ... Weingut Cobenzl, on the slopes ..., has been owned
        # by the City since 1907': the one lab the paragraph names, with a site of its own, opening a
        # sentence as its subject.
        entry = by_id[best]
        if len(counts) == 1 and entry.domain and _opens_sentence(text, folded, first_at[best], index.lex):
            return entry
    return None


def _opens_sentence(text: str, folded: str, start: int, lex: Lexicon) -> bool:
    """Does the name at ``start`` open a sentence after the first (after an article perhaps)?"""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    if not ends:
        return False
    lead = folded[ends[-1]:start].split()
    return not lead or (len(lead) == 1 and lead[0] in lex.folded("words", "articles"))


FOUNDED_AFTER_NAME_WORDS = 4
"""Words between a sentence's subject and its founding verb ('De X zelf werd opgericht')."""


def _founding_sentence(text: str, folded: str, start: int, end: int, lex: Lexicon) -> bool:
    """Does the name at ``start:end`` open a sentence (after an article perhaps) whose verb, a few
    words on, tells its founding ('X werd opgericht', 'The X itself was set up')?"""
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    lead = folded[sentence:start].split()
    if len(lead) > 1 or (lead and lead[0] not in lex.folded("words", "articles")):
        return False
    verb = lex.regex("founded", "verbs").search(folded, end, end + 80)
    return verb is not None and not _SENTENCE_END.search(text, end, verb.start()) \
        and len(folded[end:verb.start()].split()) <= FOUNDED_AFTER_NAME_WORDS


# --------------------------------------------------------------------------- inline labels

_SENTENCE_GAP = re.compile(rf"(?<=[.;·|])\s+(?=[{CAPITALS}])")


def split_inline_labels(lines: Sequence[Line]) -> list[Line]:
    """'... Engineering. Staff: about 20. Budget: n/a.' -> a line per label, as a fact sheet prints
    them: directories and profiles run their labels on inside a paragraph. The parts keep the
    line's box (the provenance still points at the printed line)."""
    from extract.rules.vocab import match_label

    out: list[Line] = []
    for line in lines:
        if line.role not in ("body", "table") or ":" not in line.text:
            out.append(line)
            continue
        cuts = [m.end() for m in _SENTENCE_GAP.finditer(line.text) if match_label(line.text[m.end():]) is not None]
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = line.text[a:b].strip()
            if piece:
                out.append(line._replace(text=piece))
    return out
