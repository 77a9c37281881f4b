"""Letters and e-mails: what surrounds the message is not about a lab.

A letterhead, the addresses, mail headers ('From:', 'Aan:', 'Objet :'), the mail client's banner,
the greeting, the closing and the signature name the sender's and the recipient's organisations
('Department of Internal Affairs', 'Observatory of Public Sector Innovation'), not the labs the
message describes. The subject line ('Re: ... the Service Innovation Lab') names what it is about.
Words per language: ``letters`` in ``rules/{nl,en,fr}.yml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.lexicon import Lexicon, fold_keep

MAX_GREETING_WORDS = 8
MAX_CLOSING_WORDS = 6
MAX_SIGNATURE_LINES = 4
MAX_LETTERHEAD_LINES = 25
"""A greeting further down than this is not the opening of a letter."""
MIN_HEADER_BLOCK = 2
_FIELD = re.compile(r"^\s*([\w/’'.\- ]{1,20}?)\s*:\s*(\S.*)?$")
_RULE_LINE = re.compile(r"^\s*[-–—_=]{3,}")


@dataclass(frozen=True)
class Correspondence:
    """Which lines of a body are a letter's or an e-mail's furniture (positions in the list given)."""

    furniture: frozenset[int]
    subjects: tuple[int, ...]
    """Subject lines: part of the furniture, but they name what the message is about."""


def correspondence(texts: list[str], lex: Lexicon) -> Correspondence | None:
    """The furniture of a letter or an e-mail among ``texts``, or None when it reads as neither."""
    headers = _fields(texts, lex.folded("letters", "header_labels") | lex.folded("letters", "subject_labels"))
    subjects = tuple(i for i in _fields(texts, lex.folded("letters", "subject_labels"))
                     if _in_block(i, headers) or i < MAX_LETTERHEAD_LINES)
    blocks = {i for i in headers if _in_block(i, headers)}
    greetings = [i for i, t in enumerate(texts) if _opens_with(t, lex.folded("letters", "salutations"),
                                                               MAX_GREETING_WORDS, ending=",:!")]
    subjects = _with_wrapped_ends(subjects, texts, set(headers) | set(greetings))
    closings = [i for i, t in enumerate(texts) if _is_closing(t, lex)]
    # 'Bijlage: folder ...' over 'cc: hoofdredactie' under the signature: the letter's trailer, not an
    # e-mail's header block (whose lines above would all be furniture).
    trailer = {i for i in blocks if closings and i > closings[0]}
    blocks -= trailer
    if not (blocks or (greetings and (closings or subjects))):
        return None
    furniture: set[int] = set(blocks) | set(subjects) | set(greetings) | trailer
    clients = lex.folded("letters", "mail_clients")
    furniture |= {i for i, t in enumerate(texts) if _RULE_LINE.match(t)
                  or (i < 3 and any(c in fold_keep(t) for c in clients))}
    if blocks:
        # An e-mail: the client's banner and the thread's title above the first header block.
        furniture |= set(range(min(blocks)))
    elif greetings and greetings[0] < MAX_LETTERHEAD_LINES:
        # A letter: letterhead, addresses and date above the greeting.
        furniture |= set(range(greetings[0]))
    for c in closings:
        furniture.add(c)
        for j in range(c + 1, min(len(texts), c + 1 + MAX_SIGNATURE_LINES)):
            if j in blocks or j in greetings:
                break
            furniture.add(j)  # the signature: name, position, organisation, address
    return Correspondence(frozenset(furniture), subjects)


MAX_SUBJECT_WRAPS = 2
MIN_WRAPPED_SUBJECT_CHARS = 50
"""A subject line shorter than this ended where its writer ended it, not where the page did."""


def _with_wrapped_ends(subjects: tuple[int, ...], texts: list[str], stops: set[int]) -> tuple[int, ...]:
    """A subject line the page cut ('Objet : votre projet ... au moulin de la' / 'Scierie-Basse et
    votre demande de présentation de l'agence'): the lines it runs on to, up to the next header
    field or the greeting."""
    out: list[int] = []
    for i in subjects:
        out.append(i)
        j = i
        while (j + 1 < len(texts) and j + 1 not in stops and j + 1 - i <= MAX_SUBJECT_WRAPS
               and len(texts[j].strip()) >= MIN_WRAPPED_SUBJECT_CHARS and texts[j].rstrip()[-1:].isalnum()
               and texts[j + 1].strip()[:1].isalnum()
               and _FIELD.match(texts[j + 1]) is None):
            j += 1
            out.append(j)
    return tuple(sorted(set(out)))


def _fields(texts: list[str], labels: frozenset[str]) -> list[int]:
    out = []
    for i, text in enumerate(texts):
        match = _FIELD.match(text)
        if match and fold_keep(match.group(1)).strip() in labels:
            out.append(i)
    return out


def _in_block(i: int, fields: list[int]) -> bool:
    """A header line next to another one: 'From:' over 'To:' over 'Date:'."""
    return any(j != i and abs(j - i) < MIN_HEADER_BLOCK for j in fields)


def _opens_with(text: str, words: frozenset[str], limit: int, ending: str) -> bool:
    folded = fold_keep(text).strip()
    if not folded or len(folded.split()) > limit or folded[-1] not in ending:
        return False
    return any(folded == w or folded.startswith(w + " ") or folded.startswith(w + ",") for w in words)


def _is_closing(text: str, lex: Lexicon) -> bool:
    folded = fold_keep(text).strip().rstrip(",.!")
    if not folded:
        return False
    formulas = [w for w in lex.folded("letters", "closings") if len(w.split()) >= 3]
    if any(folded.startswith(w) or f", {w}" in folded for w in formulas):
        return True  # 'Je vous prie d'agréer, Madame, ...', '..., un travail fructueux, je vous prie d'agréer,'
    if any(folded.endswith(f" {w}") for w in lex.folded("letters", "closings") if len(w.split()) >= 2):
        return True  # 'Monsieur le Professeur, l'expression de mes salutations distinguées.'
    if len(folded.split()) > MAX_CLOSING_WORDS:
        return False
    # 'Best,', 'Met vriendelijke groet': the phrase alone, or opening a line that ends on a comma.
    return any(folded == w or (folded.startswith(w + " ") and text.rstrip().endswith(","))
               for w in lex.folded("letters", "closings"))


MAX_SENDER_WORDS = 8
_NOT_A_NAME = re.compile(r"\d|[·|@:/]|\bwww\b", re.IGNORECASE)


def letterhead_sender(letterhead: list[str], body: list[str], subjects: list[str], title: str | None,
                      lex: Lexicon) -> str | None:
    """A letter written in the first person ('onze inkomsten', 'our board') by the organisation its
    letterhead names first: that name, when it reads as one (capitalised, no address, few words),
    the subject line, if any, names it too ('... bij Delfland') and the line taken as the letter's
    title is not what the letter goes on to speak of ('Request for a case study on DWP Digital':
    a letter about another body). For letters in which no lab-like name was found: the sender
    describes itself."""
    if not letterhead:
        return None
    name = _fuller_in_address(TRAILING_BRACKETS.sub("", letterhead[0].strip()), letterhead[1:2])
    words = name.split()
    if (unit := _writing_unit(letterhead, body, lex)) is not None:
        name, words = unit, unit.split()
    elif not 2 <= len(words) <= MAX_SENDER_WORDS or not name[:1].isupper() or _NOT_A_NAME.search(name):
        return None
    own = {fold_keep(w) for w in re.findall(r"\w+", name) if w[:1].isupper() and len(w) >= 4}
    if title and _spoken_of(title, body, own):
        return None  # not 'Your society's visit to The Royal Mint Experience' under The Royal Mint's letterhead
    # The subject line names it, the letter spells out the whole name ('Wie zijn wij? Het Vast
    # Comité van Toezicht op de politiediensten, kortweg Comité P, is ...') or calls it by a word of
    # its name again and again ('de Plantentuin' in a letter from the Agentschap Plantentuin Meise).
    if subjects and not any(fold_keep(w) in own for text in subjects for w in re.findall(r"\w+", text)) \
            and fold_keep(name) not in fold_keep(" ".join(" ".join(body).split())) \
            and not _called_by_own_word(body, [w for w in words if fold_keep(w) in own]):
        return None
    ours = lex.folded("words", "first_person_possessives")
    if not any(fold_keep(word) in ours for text in body for word in re.findall(r"\w+", text)):
        return None
    return name


MIN_NAME_WORD = 4
MAX_UNIT_WORDS = 14


def _writing_unit(letterhead: list[str], body: list[str], lex: Lexicon) -> str | None:
    """'Ministère de la Culture et de la Communication' over 'Délégation générale à la langue
    française et aux langues de France': a letterhead that names a ministry or another host
    (labs.not_heads), then one of its units the letter speaks of ('La délégation générale ... a été
    créée'): the unit writes."""
    if len(letterhead) < 2 or not letterhead[0].split():
        return None
    unit = letterhead[1].strip()
    words = unit.split()
    if fold_keep(letterhead[0].split()[0]) not in lex.folded("labs", "not_heads") \
            or not 2 <= len(words) <= MAX_UNIT_WORDS or not unit[:1].isupper() or _NOT_A_NAME.search(unit):
        return None
    said = Counter(fold_keep(w) for text in body for w in re.findall(r"\w+", text))
    return unit if said[fold_keep(words[0])] >= MIN_OWN_WORD_MENTIONS else None


MIN_OWN_WORD_MENTIONS = 2


def _called_by_own_word(body: list[str], own_words: list[str]) -> bool:
    """Does the letter write one of its sender's own name words, capitalised, twice at least?"""
    said = Counter(w for text in body for w in re.findall(r"\w+", text) if w in own_words)
    return any(count >= MIN_OWN_WORD_MENTIONS for count in said.values())


def _fuller_in_address(name: str, next_lines: list[str]) -> str:
    """'Plantentuin Meise' over 'Agentschap Plantentuin Meise · Nieuwelaan 38 · 1860 Meise': a logo's
    short name, spelled in full where the address line opens."""
    for line in next_lines:
        first = re.split(r"\s[·|•]\s|,\s", line.strip(), maxsplit=1)[0].strip()
        if (first != name and fold_keep(name) in fold_keep(first) and first[:1].isupper()
                and len(first.split()) <= MAX_SENDER_WORDS and not _NOT_A_NAME.search(first)):
            return first
    return name


def _spoken_of(title: str, body: list[str], sender: set[str]) -> bool:
    """Whether a capitalised word of ``title`` (not its first, nor one of the ``sender``'s name)
    comes back twice in other lines."""
    words = {fold_keep(w) for w in re.findall(r"\w+", title)[1:]
             if w[:1].isupper() and len(w) >= MIN_NAME_WORD} - sender
    others = Counter(fold_keep(w) for text in body if text.strip() != title.strip() for w in re.findall(r"\w+", text))
    return any(others[w] >= 2 for w in words)


MAX_UNIT_CHARS = 60


def subject_unit(subjects: list[str], body: list[str], lex: Lexicon) -> str | None:
    """'Objet : Demande d'informations sur le service de l'économie numérique': a letter answering
    questions about a unit its subject line names with a head noun in lower case, as French and
    Dutch write a ministry's units, and its text names again: that unit ('Service de l'économie
    numérique'), capitalised as a name."""
    from extract.normalize.rule_data import alternation

    heads = alternation(lex.folded("labs", "heads"), longest_first=True)
    links = alternation(lex.folded("labs", "connectors") | lex.folded("words", "connectors"), longest_first=True)
    articles = alternation(lex.folded("words", "articles"), any_space=False, longest_first=True)
    unit = re.compile(rf"(?<![\w'’])(?:{articles})\s*((?:{heads})\s+(?:{links})\b[^,.;:()]{{3,{MAX_UNIT_CHARS}}}?)\s*(?=[,.;:()]|$)")
    text = fold_keep(" ".join(body))
    for subject in subjects:
        field = _FIELD.match(subject)
        topic = field.group(2) if field is not None and field.group(2) else subject
        for found in unit.finditer(fold_keep(topic)):
            phrase = topic[found.start(1):found.end(1)].strip()
            if fold_keep(phrase) in text:
                return phrase[:1].upper() + phrase[1:]
    return None
