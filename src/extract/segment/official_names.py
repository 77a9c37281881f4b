"""A lab the text calls by its official name and its short name in brackets after an
official-name phrase: 'la Loterie Romande, de son nom officiel Société de la Loterie de la Suisse
Romande (LoRo)'. The official name is the lab's name, the bracket its short name, as with an
acronym's definition, though the bracket does not spell the name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep
from extract.segment.name_affixes import article_before_name

if TYPE_CHECKING:
    from extract.segment.lab_index import LabIndex

MAX_SHORT_WORDS = 2
"""A common name is short: 'Loto-Québec', 'LoRo', 'CPP Investments'."""

@cache
def _official(lex: Lexicon) -> re.Pattern[str]:
    """The official name: a capitalised run to the clause's end (punctuation or a relative pronoun,
    ``words.relatives``), with its French lower-case words ('Société des loteries du Québec'), then
    perhaps its short name in brackets."""
    relatives = alternation(lex.words("words", "relatives"), folded=False, any_space=False)
    return re.compile(
        rf"\s*(?:{article_before_name(lex)}|L['’])?([{CAPITALS}][\w'’-]*(?:\s+[\w'’-]+){{1,9}}?)"
        rf"(?=\s*(?:\(|[,.;:«»–—]|\s(?:{relatives})\s|$))(?:\s*\(([^()\s]{{2,20}})\))?")


@dataclass(frozen=True)
class OfficialName:
    name: str
    short: str
    """The short name in brackets after it ('(LoRo)')."""


def official_names(text: str, lex: Lexicon, folded: str | None = None) -> list[OfficialName]:
    """The official names ``text`` gives, with a short name in brackets, after an official-name
    phrase (``labs.official_name``). Without the brackets, which of the two names a lab goes by is
    the author's choice: 'Statistik Austria heet voluit Bundesanstalt Statistik Österreich' keeps
    its common name. ``folded``: ``text`` folded, when the caller has it."""
    out = []
    for phrase in lex.regex("labs", "official_name").finditer(fold_keep(text) if folded is None else folded):
        found = _official(lex).match(text, phrase.end())
        if found is not None and found.group(2):
            out.append(OfficialName(re.sub(r"\s+", " ", found.group(1)), found.group(2)))
        elif found is not None and (before := _NAME_BEFORE.search(text, max(0, phrase.start() - NAME_BEFORE_CHARS),
                                                                  phrase.start())) is not None:
            # 'Eurotransplant – voluit Eurotransplant International Foundation –': the name said in
            # full opens with the name just said; it is the same name, spelled out.
            name = re.sub(r"\s+", " ", found.group(1))
            if name.startswith(f"{before.group(1)} "):
                out.append(OfficialName(name, before.group(1)))
    return out


NAME_BEFORE_CHARS = 40
"""How far before 'voluit' the one-word name it spells out stands, with its dash."""
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])([{CAPITALS}][\w'’-]+)\s*[–—,(-]\s*$")


def official_name_of(short: str, text: str, lex: Lexicon) -> str | None:
    """The official name ``text`` gives the lab it calls ``short``."""
    return next((found.name for found in official_names(text, lex) if found.short == short), None)


def add_official_names(index: LabIndex, text: str, folded: str) -> None:
    """Rename the labs of ``index`` (built from the body's ``text``, ``folded`` its folded form) that
    ``text`` gives an official name."""
    for found in official_names(text, index.lex, folded):
        target = index.lookup(found.short)
        if target is None or len(target.name.split()) > MAX_SHORT_WORDS or fold_keep(found.name) == fold_keep(target.name):
            continue
        if len(found.name.split()) <= len(target.name.split()):
            continue
        other = index.lookup(found.name)
        if other is not None and other is not target:
            index.absorb(target, other)
        target.name = found.name
        target.acronym = target.acronym or found.short
        index.add_alias(target, found.name)
        index.add_alias(target, found.short)


def formal_name_in(text: str, title: str, lex: Lexicon) -> str | None:
    """'The watchdog that nearly wasn't: a personal history of the Consumer Council' over 'Its formal
    name is the General Consumer Council for Northern Ireland': the name a document whose title names
    its subject loosely gives it in full, after a possessive, an official-name phrase and a
    presenting verb, sharing a capitalised word with the title."""
    folded = fold_keep(text)
    titled = {fold_keep(w) for w in re.findall(r"[\w'’-]+", title) if w[:1].isupper() and len(w) >= MIN_SHARED_WORD}
    for phrase in lex.regex("labs", "official_name").finditer(folded):
        if not _owner_before(lex).search(folded, max(0, phrase.start() - 12), phrase.start()):
            continue
        verb = _presenting_verb(lex).match(folded, phrase.end())
        found = _official(lex).match(text, verb.end()) if verb else None
        if found is None:
            continue
        name = re.sub(r"\s+", " ", found.group(1))
        if {fold_keep(w) for w in name.split()} & titled:
            return name
    return None


MIN_SHARED_WORD = 4


@cache
def _owner_before(lex: Lexicon) -> re.Pattern[str]:
    """'its ', 'son ' right before an official-name phrase (labs.official_name_owners; folded text)."""
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('labs', 'official_name_owners'))})\s+$")


@cache
def _presenting_verb(lex: Lexicon) -> re.Pattern[str]:
    """' is', ' est' after an official-name phrase (labs.presenting_verbs; folded text)."""
    return re.compile(rf"\s+(?:{alternation(lex.words('labs', 'presenting_verbs'))})(?!\w)")
