"""Names that look like a lab's, found by spaCy Matcher patterns built from the rule words.

A lab's name is an organisation-like noun phrase around a head noun (``labs.heads`` in
``rules/{nl,en,fr}.yml``): capitalised modifiers before it ('Public Policy Lab', 'Behavioural
Insights Team'), a complement after it ('Laboratoire d'innovation publique', 'Centre for Public
Impact'), or one word ending in a head ('MindLab', 'Kafkabrigade'). An acronym defined next to a
name ('Name (ACR)', 'ACR (Name)') is kept with it. Hosts and funders ('Ministry of X', 'City of
Y') are not labs: their head is in ``labs.not_heads``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from extract.normalize.rule_data import alternation
from extract.rules.lexicon import LANGUAGES, Lexicon, fold_keep, lexicon

_CAPITAL = r"^[A-ZÀ-ÝŒ0-9]"
_ACRONYM_TEXT = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&\-]{0,10}(?:/[A-Z]{1,6})?[A-Z0-9]$")
_WORD = re.compile(r"[\w'’-]+")
_HYPHENATED_START = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-Ý][\w'’]*\s+){0,3}[A-ZÀ-Ý][\w'’]*$")


@dataclass(frozen=True)
class NameMention:
    """One printed name of a lab-like organisation in a text."""

    start: int
    end: int
    """Character offsets of the name (without its acronym) in the text searched."""
    name: str
    acronym: str | None
    head: str
    """The folded head noun ('lab', 'team', 'laboratoire'); the compound's end for 'MindLab'."""
    strong: bool
    """The head alone says 'lab' (a lab, unit, team, brigade), or an acronym is defined with it."""
    generic: bool = False
    """A kind of lab written with capitals ('Policy Lab', 'Innovation Lab'): a name only where a
    document keeps using it as one (see ``segment.lab_index.LabIndex``)."""


@lru_cache(maxsize=4096)
def whole_name(name: str) -> re.Pattern[str]:
    """``name`` as a whole: 'CSS' not inside 'CSS-2' or 'ACSS'."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def is_acronym(token: str) -> bool:
    if _TWO_PART_ACRONYM.match(token):  # 'BC BIG': a region's letters, then the body's
        token = token.replace(" ", "")
    return bool(_ACRONYM_TEXT.match(token)) and token.upper() == token


_TWO_PART_ACRONYM = re.compile(r"^[A-Z]{2,6} [A-Z]{2,6}$")


MAX_COMPLEMENTS = 5
"""Complements after a Romance head's adjectives: 'Empresa de Tecnologia da Informação e Comunicação do Município'."""


@lru_cache(maxsize=8)
def _matcher(lang: str) -> tuple[Any, Lexicon]:
    from spacy.matcher import Matcher

    from extract.nlp import get_pipeline

    lex = lexicon(lang)
    nlp = get_pipeline(lang)
    heads = sorted({w.lower() for w in lex.words("labs", "heads") if " " not in w})
    connectors = sorted({w.lower() for w in lex.words("labs", "connectors")})
    compound = "|".join(re.escape(e) for e in sorted(lex.folded("labs", "compound_ends"), key=len, reverse=True))
    cap: dict[str, Any] = {"TEXT": {"REGEX": _CAPITAL}, "IS_DIGIT": False}  # 'Team of 14' names no team
    head = {"LOWER": {"IN": heads}, "TEXT": {"REGEX": _CAPITAL}}
    # A Romance head takes no modifier before it: 'Voluit Instituto Nacional ...' is a label and a name.
    last = {"LOWER": {"IN": sorted(set(heads) - lex.folded("labs", "head_first"))}, "TEXT": {"REGEX": _CAPITAL}}
    matcher = Matcher(nlp.vocab)
    matcher.add("MOD_HEAD", [[{**cap, "OP": "+"}, {"LOWER": {"IN": connectors}, "OP": "?"}, {**cap, "OP": "*"}, last]],
                greedy="LONGEST")
    matcher.add("HEAD_COMP", [[head, {"LOWER": {"IN": connectors}, "OP": "+"}, {**cap, "OP": "+"}],
                              # French names keep their complement in lower case: 'Laboratoire d'innovation publique'
                              [head, {"LOWER": {"IN": ["d'", "d’", "de", "du", "des", "pour"]}},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}, "OP": "?"}],
                              # ... and its place: 'Laboratoire d'innovation urbaine de Montréal'
                              [head, {"LOWER": {"IN": ["d'", "d’", "de", "du", "des", "pour"]}},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}, "OP": "?"},
                               {"LOWER": {"IN": ["de", "du", "des", "d'", "d’"]}}, {**cap, "OP": "+"}],
                              # ... with an article: "Agence de l'innovation de défense"
                              [head, {"LOWER": {"IN": ["de", "du", "des", "d'", "d’"]}},
                               {"LOWER": {"IN": ["l'", "l’", "la", "le", "les"]}},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}},
                               {"LOWER": {"IN": ["de", "du", "des", "d'", "d’"]}, "OP": "?"},
                               {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {">=": 4}, "OP": "?"}],
                              ],
                greedy="LONGEST")
    # 'Instituto Nacional de Estadística y Censos': a Romance head, its adjectives, then complements.
    first = {"LOWER": {"IN": sorted(lex.folded("labs", "head_first") | lex.folded("labs", "head_either_side"))},
             "TEXT": {"REGEX": _CAPITAL}}
    link = {"LOWER": {"IN": sorted(lex.folded("labs", "head_first_links"))}, "OP": "+"}
    caps = {**cap, "OP": "+"}
    matcher.add("HEAD_COMP", [[first, caps, *[link, caps] * groups] for groups in range(MAX_COMPLEMENTS + 1)]
                + [[first, *[link, caps] * groups] for groups in range(2, MAX_COMPLEMENTS + 1)], greedy="LONGEST")
    if lang == "fr":
        # French writes the head in lower case before a capitalised name: 'pôle Innovation de la DITP'.
        matcher.add("HEAD_COMP", [[{"LOWER": {"IN": heads}, "IS_LOWER": True}, {**cap, "OP": "+"},
                                   {"LOWER": {"IN": connectors}, "OP": "*"}, {**cap, "OP": "+"}],
                                  [{"LOWER": {"IN": heads}, "IS_LOWER": True}, {**cap, "OP": "+"}]], greedy="LONGEST")
    # 'Lab IA', 'Lab-AH', 'Unit X': a strong head named by letters after it.
    strong = sorted({w.lower() for w in lex.words("labs", "strong_heads") if " " not in w})
    letters = {"TEXT": {"REGEX": r"^[A-Z][A-Z0-9]{0,5}$"}}
    titled = {"LOWER": {"IN": strong}, "TEXT": {"REGEX": r"^[A-ZÀ-Ý][a-zà-ÿ]"}}  # not 'LAB LIFE' in capitals
    matcher.add("HEAD_LETTERS", [[titled, letters], [titled, {"TEXT": "-"}, letters],
                                 # "Labo'M21", "Lab'OH": the elided head is a token of its own
                                 [{"TEXT": {"REGEX": rf"^(?i:{'|'.join(map(re.escape, strong))})['’]$"}},
                                  {"TEXT": {"REGEX": r"^[A-Z0-9]\w*$"}}]])
    hyphened = "|".join(re.escape(h) for h in heads)
    matcher.add("COMPOUND", [[{"TEXT": {"REGEX": rf"^[A-ZÀ-Ý][\w-]*[a-zà-ÿ0-9-](?i:{compound})$"}}],
                             [{"TEXT": {"REGEX": rf"^[A-ZÀ-Ý](?:[a-z]+[A-Z]\w*)(?i:{compound})$"}}],
                             # 'eHealth-platform', 'GovTech-agentschap': a coined name, a hyphen, its kind
                             [{"TEXT": {"REGEX": rf"^[a-z]{{1,2}}[A-Z][\w]*-(?i:{hyphened})$"}}]])
    return matcher, lex


@lru_cache(maxsize=8)
def _complement_chain(lang: str) -> re.Pattern[str] | None:
    """A capitalised head and the lower-case complements a French name strings after it ('Agence
    nationale de promotion des technologies de l'information et de la communication'), or its
    capitalised name with no link ('Agence Togo Digital'); None for a language whose names do not
    (``labs.complement_links`` in the rule files)."""
    from extract.rules.loader import language_rules

    # The document language's own rules: an English 'Service Innovation Lab' strings no French complements.
    own = language_rules(lang).words.get("labs", {})
    links: list[str] = list(own.get("complement_links", ()))
    if not links:
        return None
    link = alternation(links, folded=False, any_space=True)
    capital_links = alternation([w for w in links if w.split()[0] in own.get("name_links", [])
                                 or (w[:1] == "d" and w[-1:] in "'’")], folded=False, any_space=True)
    joined = alternation(own.get("complement_and", []), folded=False, any_space=False)
    ending = alternation(own.get("adjective_endings", []), folded=False, any_space=False)
    adjective = rf"[a-zà-ÿ][a-zà-ÿ-]+(?:{ending})(?![\w'’])"
    lower = r"[a-zà-ÿ][\w-]{2,}(?![\w'’])"
    capital = r"[A-ZÀ-Ý][\w-]+(?![\w'’])"
    complement = (rf"(?:\s+(?:{joined})\s+|\s+)(?:(?:{capital_links})\s*(?:{capital}|{lower})|(?:{link})\s*{lower})"
                  rf"(?:\s+{adjective})?")
    return re.compile(rf"(?<![\w-])(?P<head>[A-ZÀ-Ý][a-zà-ÿ]+)(?:\s+{adjective}){{0,2}}(?:{complement}){{1,8}}"
                      rf"|(?<![\w-])(?P<named>[A-ZÀ-Ý][a-zà-ÿ]+)(?:\s+{capital}){{1,3}}")


_CAPITALISED_WORD = re.compile(r"(?<![\w-])[A-ZÀ-Ý][a-zà-ÿ]+")


def _chained_names(text: str, lang: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Spans of the names ``_complement_chain`` finds whose first word is a lab's head noun."""
    chain = _complement_chain(lang)
    if chain is None:
        return []
    heads, stops = lex.folded("labs", "heads"), lex.folded("labs", "determiners")
    # A menu line ('L'Agence Services Actualités') is no name: its words are page titles and kinds.
    not_named = heads | {h + "s" for h in heads} | lex.folded("labs", "page_titles")
    spans: list[tuple[int, int, str]] = []
    for word in _CAPITALISED_WORD.finditer(text):
        if fold_keep(word.group()) not in heads or (spans and word.start() < spans[-1][1]):
            continue  # only at a head ('Le Centre régional ...' is matched at 'Centre')
        m = chain.match(text, word.start())
        if m is None:
            continue
        end = m.end()
        if m.group("named"):
            if any(fold_keep(w) in not_named for w in text[m.start():end].split()[1:]):
                continue
            # 'Agence La Poste' is not cut, 'Service Le lendemain' is: a capitalised article opens a sentence.
            cut = next((w for w in re.finditer(r"\S+", text[m.start():end]) if fold_keep(w.group()) in stops), None)
            end = m.start() + cut.start() if cut is not None else end
            if " " not in text[m.start():end].strip():
                continue
        spans.append((m.start(), end, "HEAD_COMP"))
    return spans


def find_lab_names(text: str, lang: str, *, generic: bool = False) -> list[NameMention]:
    """Lab-like names in ``text`` in order, overlapping matches merged into the longest; kinds of
    lab written like names ('Policy Lab') only with ``generic``."""
    from extract.nlp import get_pipeline

    matcher, lex = _matcher(lang if lang in LANGUAGES else "en")
    nlp = get_pipeline(lang if lang in LANGUAGES else "en")
    spans: list[tuple[int, int, str]] = []
    with nlp.memory_zone():
        doc = nlp.make_doc(text)
        for match_id, start, end in matcher(doc):
            kind = nlp.vocab.strings[match_id]
            spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), kind))
    spans += _chained_names(text, lang if lang in LANGUAGES else "en", lex)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] if last[2] != "COMPOUND" else kind)
            continue
        merged.append((start, end, kind))
    out = []
    for start, end, kind in merged:
        # 'Auckland Co-Design Lab': the tokenizer splits 'Co-Design', and the match began after the hyphen.
        if start > 0 and text[start - 1] == "-" and (before := _HYPHENATED_START.search(text, 0, start - 1)):
            start = before.start()
        mention = _mention(text, start, end, kind, lex)
        if mention is not None and (generic or not mention.generic):
            out.append(mention)
    return out


def _mention(text: str, start: int, end: int, kind: str, lex: Lexicon) -> NameMention | None:
    words = list(_WORD.finditer(text, start, end))
    from extract.nlp import stop_words

    determiners = lex.folded("labs", "determiners") | lex.folded("words", "determiners")
    stops = stop_words(lex.lang) | determiners
    generic = lex.folded("labs", "generic_modifiers")
    # 'The Policy Lab', 'From 2016 the Lab': function words and numbers open the sentence, not the name.
    while words and (fold_keep(words[0].group()) in stops or words[0].group()[:1].isdigit()):
        words = words[1:]
    if not words:
        return None
    start = words[0].start()
    if elided := re.match(r"[LlDd]['’](?=\w)", text[start:end]):
        start += elided.end()  # "L'Agence de l'innovation de défense" is the Agence
    # 'the Australian Bureau of Statistics Act', '... Annual Report': a law or a report named after the lab.
    tails = _not_name_tails()
    while len(words) > 1 and fold_keep(words[-1].group()) in tails:
        words = words[:-1]
        end = words[-1].end()
    if len(words) == 1 and kind == "HEAD_COMP":
        return None  # 'the Statistics Act': a law, no name left
    name = text[start:end].strip(" -–,;:")
    # "L'Agence" is one word here; its head is 'agence'.
    folded_words = [re.sub(r"^[ldjnsmct]['’]", "", fold_keep(w.group())) for w in words]
    heads = lex.folded("labs", "heads")
    not_heads = lex.folded("labs", "not_heads")
    kind_of = False
    if kind == "HEAD_LETTERS":
        head, strong = re.split(r"[-'’]", folded_words[0])[0], True
    elif kind == "COMPOUND":
        head = next((e for e in sorted(lex.folded("labs", "compound_ends"), key=len, reverse=True)
                     if folded_words[-1].endswith(e)), folded_words[-1])
        strong = True
    else:
        head_words = [w for w in folded_words if w in heads]
        if not head_words:
            return None
        head = head_words[-1] if kind == "MOD_HEAD" else head_words[0]
        if kind == "MOD_HEAD" and len(words) == 1:
            return None  # 'Lab' alone: a reference to a lab named elsewhere
        modifiers = [w for w in folded_words if w not in heads]
        plural = head.endswith("s") and head[:-1] in heads
        if plural:
            return None  # 'GovTech Labs': a kind of organisation, not one's name
        # 'Innovation Lab', 'Policy Lab': a kind of organisation, unless the text keeps using it as a name
        kind_of = kind == "MOD_HEAD" and all(w in generic for w in modifiers) and len(modifiers) <= 1
        strong = head in lex.folded("labs", "strong_heads")
    # 'Ministry of Finance' is a host; 'Government Digital Service' is a service whose first word is one.
    if head in not_heads or (kind != "MOD_HEAD" and folded_words[0] in not_heads):
        return None
    if kind == "HEAD_COMP" and not strong and head not in lex.folded("labs", "head_either_side") \
            and _place(name.split(None, 1)[1:], lex):
        return None  # 'Mission à Québec', 'Office in Paris': a weak head and a place is a trip or a site ('Statistics Canada' is a name)
    acronym = _acronym_after(text, end) or _acronym_before(text, start)
    return NameMention(start=start, end=start + len(name), name=name, acronym=acronym, head=head,
                       strong=strong or acronym is not None, generic=kind == "MOD_HEAD" and kind_of)


def _place(rest: list[str], lex: Lexicon) -> bool:
    """Is the complement after the head only a place ('à Québec', 'in Berlin')?"""
    from extract.normalize import country_code

    words = rest[0].split() if rest else []
    while words and fold_keep(words[0]) in lex.folded("labs", "connectors") | {"a", "à", "in", "au", "en"}:
        words = words[1:]
    # A place is a few words: 'Tecnologia da Informação ... do Município de São Paulo' is a complement that ends on one.
    return 0 < len(words) <= MAX_PLACE_WORDS and country_code(" ".join(words), lex.lang) is not None


MAX_PLACE_WORDS = 4


# 'DER/FJ': an acronym may join two with a slash (the body's and its mission's).
_AFTER = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z0-9&\-]{1,11}(?:/[A-Z]{1,6})?)\s*(?:[)\]]|;\s)")
_BEFORE = re.compile(r"([A-Z][A-Za-z0-9&\-]{1,11}(?:/[A-Z]{1,6})?)\s*[(\[]\s*$")


def _acronym_after(text: str, end: int) -> str | None:
    match = _AFTER.match(text, end)
    return match.group(1) if match and is_acronym(match.group(1)) else None


def _acronym_before(text: str, start: int) -> str | None:
    match = _BEFORE.search(text, max(0, start - 16), start)
    return match.group(1) if match and is_acronym(match.group(1)) else None


_ELIDED_ARTICLE = re.compile(r"^[lLdD]['’](?=[A-ZÀ-Ý])")
# An acronym in mixed case ('Pii', 'AgID', 'eWBS'), accepted only where it is defined and every
# one of its letters is an initial of the name before it, in order.
_MIXED_CASE_ACRONYM = re.compile(r"^(?=[^A-Z]*[A-Z])[A-Za-z][A-Za-z0-9]{2,7}$")


def spells_mixed_acronym(acronym: str, name: str) -> bool:
    """'Pii' after 'Pražský inovační institut': a mixed-case acronym whose every letter, in order,
    is the initial of one of the name's content words, or goes on with its next letters ('Sogei'
    after 'Rome: Società Generale d'Informatica': the name may come after a place)."""
    if is_acronym(acronym) or _MIXED_CASE_ACRONYM.match(acronym) is None:
        return False
    content = _content_words(_WORD.findall(name))
    return any(_spells_all(acronym, content[start:]) for start in range(len(content) - 1))


def _letters(acronym: str) -> str:
    """'iGA' -> 'IGA', 'IT.NRW' -> 'ITNRW'."""
    return "".join(c.upper() for c in acronym if c.isalpha())


def _spells_all(acronym: str, words: list[str]) -> bool:
    # Each part of a hyphenated word gives its initial: 'National e-Governance Division' spells NeGD.
    parts = [part for w in words for part in re.split(r"[-‐]|(?<=[a-z])(?=[A-Z])|(?<=^[A-Z])(?=[A-Z][a-z])", w)
             if part[:1].isalpha()]  # 'eGovernment' gives e and G
    letters = [c for c in acronym if c.isalpha()]
    return len(words) >= 2 and bool(letters) and _spelled_by(letters, 0, parts, 0)


def _spelled_by(letters: list[str], at: int, parts: list[str], word: int) -> bool:
    """Do the parts from ``word`` on spell ``letters[at:]``, each part its initial and, for a
    lower-case letter after it, its next letters ('PEReN': Pôle, Expertise, Régulation, Numérique)?"""
    if at == len(letters):
        return True
    if word == len(parts):
        return False
    if fold_keep(parts[word][0]).upper() != fold_keep(letters[at]).upper():
        # The 'e' of 'eGovernment' may give no letter: 'Information & eGovernment Authority' is iGA.
        return len(parts[word]) == 1 and _spelled_by(letters, at, parts, word + 1)
    part, used = fold_keep(parts[word]), 1
    while True:
        if _spelled_by(letters, at + used, parts, word + 1):
            return True
        nxt = at + used
        if nxt < len(letters) and letters[nxt].islower() and used < len(part) and part[used] == letters[nxt]:
            used += 1
            continue
        return False


def spells_with_compounds(acronym: str, words: list[str]) -> bool:
    """Does every content word give its initial, in order, and a compound word perhaps one more
    letter from inside it, spelling all of ``acronym``? 'Planbureau voor de Leefomgeving' spells
    PBL (Plan-bureau). A link word gives a lower-case letter or none: 'Rijksdienst voor
    Identiteitsgegevens' spells RvIG (Identiteits-gegevens)."""
    letters = [c for c in acronym if c.isalpha()]
    items = [(fold_keep(re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE)).upper(), w.lower() in function_words())
             for w in words]
    items = [(text, link) for text, link in items if text]
    return sum(not link for _, link in items) >= 2 and _compounds_spell(letters, 0, items, 0)


# A compound's later part starts after a first part of three letters at least ('Plan-bureau').
_FIRST_PART = 3


def _compounds_spell(letters: list[str], at: int, items: list[tuple[str, bool]], word: int) -> bool:
    if word == len(items):
        return at == len(letters)
    text, link = items[word]
    if link:  # a link word's initial only for a lower-case letter ('v' of 'voor')
        taken = at < len(letters) and letters[at].islower() and text[0] == letters[at].upper()
        return (taken and _compounds_spell(letters, at + 1, items, word + 1)) or _compounds_spell(letters, at, items, word + 1)
    if at == len(letters) or text[0] != letters[at].upper():
        return False
    if _compounds_spell(letters, at + 1, items, word + 1):
        return True
    # One inner letter a word: 'Management' gives M, not M, A and M.
    return at + 1 < len(letters) and any(text[pos] == letters[at + 1].upper() and _compounds_spell(letters, at + 2, items, word + 1)
                                         for pos in range(_FIRST_PART, len(text)))


def spelled_out_in(acronym: str, text: str) -> str | None:
    """The name in ``text`` whose content words' initials are exactly ``acronym``'s letters: 'DGNSI'
    in a letterhead's 'Direction générale du numérique et des systèmes d'information · Avenue ...'
    (the pieces between separators are tried one by one)."""
    letters = _letters(acronym)
    # Pieces between commas first; then whole, a name may hold one ("Institut wallon de l'évaluation, de la prospective ...").
    pieces = [*re.split(r"\s[·|•–—]\s|[,;()]", text), *re.split(r"\s[·|•–—]\s|[;()]", text)]
    for piece in pieces:
        found = list(_WORD.finditer(piece))
        words = [m.group() for m in found]
        for start, word in enumerate(words):
            if not word[:1].isupper() or word.lower() in function_words():
                continue
            for end in range(len(words), start + 1, -1):
                run = words[start:end]
                if run[-1].lower() in function_words():
                    continue
                content = _content_words(run)
                initials = fold_keep("".join(w[0] for w in content)).upper()  # 'évaluation' gives E
                if len(content) >= 2 and initials == letters:
                    begin = found[start].start()
                    if elided := _ELIDED_ARTICLE.match(word):
                        begin += elided.end()  # "L'Institut wallon ...": the Institut
                    return " ".join(piece[begin:found[end - 1].end()].split())
    return None


@cache
def _not_name_tails() -> frozenset[str]:
    """Every language's words that end a capitalised run without being part of the name before them."""
    return lexicon(None).folded("labs", "not_name_tails")


@cache
def function_words() -> frozenset[str]:
    """Words that give an acronym no letter and never end a name defined by it ('of', 'van', 'de'): rule words."""
    return frozenset(lexicon(None).words("labs", "function_words"))


def _content_words(words: list[str]) -> list[str]:
    """The words that give an acronym its letters, capitalised: 'd'excellence' -> 'Excellence'."""
    # A one-letter word in lower case gives no letter either: the 'a' of 'plánování a rozvoje'.
    content = [re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE) for w in words
               if w.lower() not in function_words() and not (len(w) == 1 and w.islower())]
    return [w[:1].upper() + w[1:] for w in content if w]


def initials_cover(acronym: str, words: list[str]) -> bool:
    """Do the capitalised words spell the acronym's letters (in order, most of them)?"""
    # A word in capitals gives all its letters: 'US Digital Service' spells USDS; each part of a
    # hyphenated word gives its initial: 'e-Wallonie-Bruxelles' spells eWB.
    initials = [c.upper() for word in words for part in re.split(r"[-‐]", word)
                if part[:1].isupper() or (part[:1].isalpha() and "-" in word)
                for c in (part if part.isupper() and len(part) <= 3 else part[0])]
    letters = [c.upper() for c in acronym if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0] or len(initials) > len(letters) + 1:
        return False
    hits, pos = 0, 0
    for c in letters:
        found = next((i for i in range(pos, len(initials)) if initials[i] == c), None)
        if found is not None:
            hits, pos = hits + 1, found + 1
    return hits / len(letters) >= 0.75


def domain_matches(name: str, domain: str) -> bool:
    """'publicpolicylab.org' names Public Policy Lab; 'bit.ly' does not name the BIT."""
    label = domain.lower().removeprefix("www.").split(".")[0].replace("-", "")
    if len(label) < 4:
        return False
    words = [fold_keep(w) for w in _WORD.findall(name)]
    joined = "".join(words).replace("-", "").replace("'", "")
    if label == joined or (len(label) >= 6 and (label in joined or joined in label)):
        return True
    significant = [w for w in words if len(w) >= 4]
    if len(significant) >= 2 and sum(w in label for w in significant) >= 2:
        return True
    return host_spells(name, domain)


def host_spells(name: str, domain: str) -> bool:
    """The domain's first label is the name itself, its parts in order with one left out at most:
    'aucklandco-lab.nz' spells Auckland Co(-Design) Lab; 'vlaanderen.be' is only part of Proeftuin
    Vlaanderen (a region's site, not the lab's)."""
    label = domain.lower().removeprefix("www.").split(".")[0].replace("-", "")
    words = [fold_keep(w) for w in _WORD.findall(name)]
    parts = [p for w in words for p in w.replace("'", "-").split("-") if p]
    if label == "".join(parts):
        return True
    used = _parts_spelling(label, tuple(parts))
    return used is not None and used >= 3 and used >= 0.6 * len(parts)


def _parts_spelling(label: str, parts: tuple[str, ...]) -> int | None:
    """How many of ``parts`` (in order, the first one always) spell ``label`` exactly, or None."""
    @cache
    def spell(i: int, j: int) -> int | None:
        if i == len(label):
            return 0
        best = None
        for k in range(j, len(parts)):
            if k > j and j == 0:
                break  # the first part opens the label
            if label.startswith(parts[k], i):
                rest = spell(i + len(parts[k]), k + 1)
                if rest is not None and (best is None or rest + 1 > best):
                    best = rest + 1
        return best

    return spell(0, 0) if parts else None
