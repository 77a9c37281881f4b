"""The name an acronym stands for where no bracket defines it: the one name in a text whose words
spell it ('the ICO' and the Information Commissioner's Office; 'SVB' and the Sociale
Verzekeringsbank; 'CRE' and la Commission de régulation de l'énergie)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.acronyms import MAX_ACRONYM_NAME_WORDS, defined_names, initials_are
from extract.segment.spelling import (
    ELIDED_ARTICLE,
    WORD,
    acronym_letters,
    content_words,
    function_words,
    is_acronym,
    spells_with_compounds,
)


@lru_cache(maxsize=8)
def full_name(acronym: str, text: str) -> str | None:
    """The name ``text`` gives ``acronym``: the one a bracket or a naming clause defines, else the one
    its words spell. Cached: a section's identity asks for it twice (its name, then its acronym)."""
    return defined_names(text).get(acronym) or spelled_name(acronym, text) or opening_name(acronym, text)


@lru_cache(maxsize=8)
def defined_name(word: str, text: str) -> str | None:
    """The name a bracket or a naming clause in ``text`` defines for ``word`` ('..., known as Findata').
    Cached as ``full_name``: identity asks for a one-word title's name, then for its acronym."""
    return defined_names(text).get(word)


_CAPITALISED_RUN = re.compile(rf"[{CAPITALS}][\w'’-]*(?:\s+(?:[{LOWERCASE}]{{1,4}}\s+){{0,2}}[{CAPITALS}][\w'’-]*)+")


def spelled_name(acronym: str, text: str) -> str | None:
    """The one capitalised name in ``text`` that spells ``acronym`` without brackets: its words'
    initials ('ICO' and the Information Commissioner's Office), a compound giving one more letter
    ('SVB' and the Sociale Verzekeringsbank)."""
    lex = lexicon(None)
    openers = _openers()
    found = set()
    for m in _CAPITALISED_RUN.finditer(text):
        run = re.sub(r"['’]s$", "", m.group(0)).split()
        # A run may start before the name: 'the TGA' / 'The Therapeutic Goods Administration' read
        # across a heading's line end; the name starts at a later word, after its sentence's article.
        for first in range(len(run) - 1):
            if not run[first][:1].isupper():
                continue  # 'Dat is De Nederlandsche Bank': no name starts at the verb
            words = run[first:]
            while words and fold_keep(words[0]) in openers:
                words = words[1:]  # 'De Sociale Verzekeringsbank begon ...': the sentence's article
            # ... unless the article gives the acronym its first letter: 'De Nederlandsche Bank' (DNB).
            spelled = next((option[:end] for option in (words, run[first:]) for end in range(len(option), 1, -1)
                            if initials_are(acronym, option[:end]) or spells_with_compounds(acronym, option[:end])), None)
            if spelled is not None:  # 'Sociale Verzekeringsbank Amstelveen'
                found.add(" ".join(spelled))
                break
    if not found:
        found = _lower_case_spelled(acronym, text, openers)
    # 'the Therapeutic Goods Act 1989' spells the TGA too: a law is named after the body, not it.
    laws = lex.folded("governance", "law_words")
    bodies = {name for name in found if fold_keep(name.split()[-1]) not in laws}
    found = bodies or found
    return found.pop() if len(found) == 1 else None


def lower_case_spelled(acronym: str, text: str) -> str | None:
    """The one name of lower-case words after the first that spells ``acronym`` ('la Commission de
    régulation de l'énergie' for CRE), or None."""
    found = _lower_case_spelled(acronym, text, _openers())
    return found.pop() if len(found) == 1 else None


@cache
def _openers() -> frozenset[str]:
    """Words that open a sentence's noun phrase, not a name: every language's articles and determiners."""
    lex = lexicon(None)
    return lex.folded("words", "articles") | lex.folded("words", "determiners")


_OPENING_WORD = re.compile(rf"(?<![\w'’-])(?:[lLdD]['’])?[{CAPITALS}][\w'’-]*")


def _lower_case_spelled(acronym: str, text: str, openers: frozenset[str]) -> set[str]:
    """'la Commission de régulation de l'énergie ... la CRE': a name whose words after the first are
    in lower case, as French and Dutch write them, and whose content words' initials are the acronym.
    Where two names spell it, the one the text renames the body to ('En 1963, l'Office devient
    l'Office national d'études et de recherches aérospatiales, sans changer de sigle')."""
    letters = fold_keep(acronym_letters(acronym)).upper()  # 'Énap' is spelled by 'École nationale ...'
    found: dict[str, int] = {}
    for m in _OPENING_WORD.finditer(text):
        if fold_keep(m.group(0)) in openers:
            continue
        first = content_words([m.group(0)])
        if first and fold_keep(first[0])[:1].upper() != letters[:1]:
            continue  # its first content word gives the acronym's first letter: no need to read on
        words = re.split(r"\s+", text[m.start():m.start() + 160])[:MAX_ACRONYM_NAME_WORDS]
        for end in range(2, len(words) + 1):
            # The last word may close its clause: '... recherches aérospatiales, sans changer de sigle'.
            name = [*words[:end - 1], words[end - 1].rstrip(",.;:")]
            if re.search(r"[,.;:()]", " ".join(name)):
                break
            content = content_words(name)
            if (len(content) == len(letters) and "".join(fold_keep(w)[:1].upper() for w in content) == letters) \
                    or _links_give_letters(letters, name):
                elided = ELIDED_ARTICLE.match(name[0])
                name[0] = name[0][elided.end():] if elided is not None else name[0]
                found.setdefault(" ".join(name), m.start())
                break
    if len(found) > 1:
        renamed = lexicon(None).regex("labs", "renamed_as")
        later = {n for n, at in found.items() if renamed.search(fold_keep(text[max(0, at - RENAMED_CHARS):at]))}
        return later if len(later) == 1 else set(found)
    return set(found)


def _links_give_letters(letters: str, words: list[str]) -> bool:
    """"l'Agence de l'environnement et de la maîtrise de l'énergie" for ADEME: every content word gives
    its initial and some link words ('de') theirs, in order; the name ends on a content word."""
    small = function_words()
    items = [(fold_keep(re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE))[:1].upper(), w.lower() in small)
             for w in words]
    items = [(initial, link) for initial, link in items if initial]
    if not items or items[-1][1] or not any(link for _, link in items):
        return False

    @cache
    def spell(at: int, k: int) -> bool:
        if k == len(items):
            return at == len(letters)
        initial, link = items[k]
        taken = at < len(letters) and letters[at] == initial and spell(at + 1, k + 1)
        return taken or (link and spell(at, k + 1))

    return spell(0, 0)


RENAMED_CHARS = 30
"""How far before a name a renaming phrase may end ("l'Office devient l'Office ...")."""


@lru_cache(maxsize=8)
def name_with_head(head: str, text: str, lang: str) -> str | None:
    """The one name ``text`` writes with ``head`` first ('Agence Parisienne du Climat' for 'agence'),
    or None. Cached as ``full_name``: identity asks for a title's name, then for its acronym, and each
    time the names are read with spaCy's matcher."""
    from extract.segment.lab_names import find_lab_names

    # A name defined with its acronym is read whole ('Agence Parisienne du Climat (APC)').
    for found in (defined_names(text).values(), (m.name for m in find_lab_names(text, lang))):
        names = {re.sub(r"^[lL]['’]", "", n) for n in found}
        names = {n for n in names if fold_keep(n.split()[0]) == head and len(n.split()) > 1}
        if names:
            return names.pop() if len(names) == 1 else None
    return None


MAX_OPENING_NAME_WORDS = 10
_CLAUSE_START = re.compile(r"(?:^|[.!?:;,]\s+|\n\s*\n)")


def opening_name(acronym: str, text: str) -> str | None:
    """'The Geological Survey of Denmark and Greenland (GEUS) was formed ...': a name defined by a
    bracketed acronym whose letters come from the name in another language (GEUS is Danish). The
    first such bracket whose name follows an article (or opens its clause), starts with the
    acronym's letter and is written as a name is: capitalised words and the small words between
    them, or, right after the article that opens the clause, lower-case words too ('La Centrale
    nationale d'alarme (CENAL) a été fondée')."""
    for found in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        name = _name_opening(acronym, text, found.start())
        if name is not None:
            return name
    return None


def _clause_start(text: str, end: int, openers: frozenset[str]) -> int:
    """Where the clause that runs up to ``end`` starts: after a stop or a colon, or at a line that
    opens on a capitalised article (a heading line above the sentence)."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, end)]
    starts += [m.start(1) for m in re.finditer(rf"\n\s*([{CAPITALS}]\w*)\b", text[:end]) if fold_keep(m.group(1)) in openers]
    return max(starts, default=0)


def _name_opening(acronym: str, text: str, bracket: int) -> str | None:
    lex = lexicon(None)
    openers = lex.folded("words", "articles") | lex.folded("words", "determiners")
    words = list(WORD.finditer(text, _clause_start(text, bracket, openers), bracket))
    articles = [k for k, w in enumerate(words[:-1]) if fold_keep(w.group()) in openers]
    opens_clause = bool(articles) and articles[0] == 0 and len(articles) == 1
    if articles:
        words = words[articles[-1] + 1:]
    if not words:
        return None
    elided = ELIDED_ARTICLE.match(words[0].group())
    first_start = words[0].start() + (elided.end() if elided is not None else 0)
    small = function_words()
    if not 2 <= len(words) <= MAX_OPENING_NAME_WORDS or text[first_start:first_start + 1] != acronym_letters(acronym)[:1]:
        return None
    if words[-1].group().lower() in small or (not words[-1].group()[:1].isupper() and not opens_clause):
        return None
    if not opens_clause and any(not w.group()[:1].isupper() and w.group().lower() not in small for w in words):
        return None
    return " ".join(text[first_start:words[-1].end()].split())


def bracketed_native_name(name: str, text: str) -> str | None:
    """'Finnish Customs (Tulli)': the one word a name of two words or more is glossed by in brackets,
    the lab's name in its own language, which its site spells ('tulli.fi'); not a place
    ('Barcelona') nor an acronym. The reverse reading of ``glossed_name``."""
    from extract.normalize.countries import place_code

    if len(name.split()) < 2:
        return None
    found = re.search(rf"(?<![\w-]){re.escape(name)}\s*\(\s*([{CAPITALS}][{LOWERCASE}][\w-]+)\s*\)", text)
    if found is None or is_acronym(found.group(1)) or place_code(found.group(1)) is not None:
        return None
    return found.group(1)


SHORT_FORM_LETTERS = 3
"""Letters a short form shares with the start of the name it shortens ('Serpro', 'Justid', 'Findata')."""


def glossed_name(word: str, text: str) -> str | None:
    """'The Swedish Medical Products Agency (Läkemedelsverket, MPA) dates from 1990' under 'Uppsala:
    Läkemedelsverket': a one-word name the text puts in brackets after a longer name glosses it, when
    it is a short form of it or an acronym of the longer name follows it. The longer name opens its
    clause (after an article or not) and is written as a name: capitalised words and the small
    words between them."""
    small = function_words()
    openers = lexicon(None).folded("words", "articles") | lexicon(None).folded("words", "determiners")
    for found in re.finditer(rf"\(\s*{re.escape(word)}\s*(,\s*[A-Z][\w&-]{{1,11}}\s*)?\)", text):
        words = list(WORD.finditer(text, _clause_start(text, found.start(), openers), found.start()))
        if words and fold_keep(words[0].group()) in openers:
            words = words[1:]
        names = [w.group() for w in words]
        # A short form starts as the name does ('Serviço Federal de Processamento de Dados (Serpro)');
        # a name in the lab's own language is its name ('Swedish Tax Agency (Skatteverket)') unless an
        # acronym after it says the text goes by the English one ('(Läkemedelsverket, MPA)').
        short_form = bool(names) and fold_keep(names[0][:SHORT_FORM_LETTERS]) == fold_keep(word[:SHORT_FORM_LETTERS])
        if (2 <= len(names) <= MAX_OPENING_NAME_WORDS and names[0][:1].isupper() and names[-1][:1].isupper()
                and (short_form or found.group(1) is not None)
                and all(n[:1].isupper() or n.lower() in small for n in names)):
            return " ".join(text[words[0].start():words[-1].end()].split())
    return None

