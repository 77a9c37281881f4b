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
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import LANGUAGES, Lexicon, fold_keep, lexicon
from extract.segment.spelling import WORD, is_acronym

_CAPITAL = rf"^[{CAPITALS}Œ0-9]"
_HYPHENATED_START = re.compile(rf"(?<![\w'’-])(?:[{CAPITALS}][\w'’]*\s+){{0,3}}[{CAPITALS}][\w'’]*$")


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


MAX_COMPLEMENTS = 5
"""Complements after a Romance head's adjectives: 'Empresa de Tecnologia da Informação e Comunicação do Município'."""


MIN_WHOLE_COMPOUND = 12
"""Letters of a compound end that is a compound word itself ('rechnungshof', 'direktoratet')."""


@lru_cache(maxsize=8)
def _matcher(lang: str) -> tuple[Any, Lexicon]:
    from spacy.matcher import Matcher

    from extract.nlp import get_pipeline

    lex = lexicon(lang)
    nlp = get_pipeline(lang)
    heads = sorted({w.lower() for w in lex.words("labs", "heads") if " " not in w})
    connectors = sorted({w.lower() for w in lex.words("labs", "connectors")})
    # Matched on the text as printed: 'förvaltningen' as well as its folded 'forvaltningen'.
    ends = {e.lower() for e in lex.words("labs", "compound_ends")} | lex.folded("labs", "compound_ends")
    compound = "|".join(re.escape(e) for e in sorted(ends, key=len, reverse=True))
    cap: dict[str, Any] = {"TEXT": {"REGEX": _CAPITAL}, "IS_DIGIT": False}  # 'Team of 14' names no team
    head = {"LOWER": {"IN": heads}, "TEXT": {"REGEX": _CAPITAL}}
    # A Romance head takes no modifier before it: 'Voluit Instituto Nacional ...' is a label and a name.
    last = {"LOWER": {"IN": sorted(set(heads) - lex.folded("labs", "head_first"))}, "TEXT": {"REGEX": _CAPITAL}}
    matcher = Matcher(nlp.vocab)
    matcher.add("MOD_HEAD", [[{**cap, "OP": "+"}, {"LOWER": {"IN": connectors}, "OP": "?"}, {**cap, "OP": "*"}, last]],
                greedy="LONGEST")
    ands = sorted({w.lower() for w in lex.words("words", "and_words")} | {"&"})
    # 'Center for Medicare and Medicaid Innovation', 'Office for Science and Technology' (one or two
    # words after 'and': a longer run is the next line's title)
    coordinated: list[list[dict[str, Any]]] = [
        [head, {"LOWER": {"IN": connectors}, "OP": "+"}, {**cap, "OP": "+"}, {"LOWER": {"IN": ands}}, *[cap] * n]
        for n in (1, 2)]
    matcher.add("HEAD_COMP", [[head, {"LOWER": {"IN": connectors}, "OP": "+"}, {**cap, "OP": "+"}],
                              *coordinated,
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
    titled = {"LOWER": {"IN": strong}, "TEXT": {"REGEX": rf"^[{CAPITALS}][{LOWERCASE}]"}}  # not 'LAB LIFE' in capitals
    matcher.add("HEAD_LETTERS", [[titled, letters], [titled, {"TEXT": "-"}, letters],
                                 # "Labo'M21", "Lab'OH": the elided head is a token of its own
                                 [{"TEXT": {"REGEX": rf"^(?i:{'|'.join(map(re.escape, strong))})['’]$"}},
                                  {"TEXT": {"REGEX": r"^[A-Z0-9]\w*$"}}]])
    hyphened = "|".join(re.escape(h) for h in heads)
    whole = "|".join(re.escape(e[:1].upper() + e[1:]) for e in lex.folded("labs", "compound_ends")
                     if len(e) >= MIN_WHOLE_COMPOUND) or "(?!)"
    # 'Statistisches Bundesamt', 'Deutscher Wetterdienst': a German name's inflected adjectives before the compound.
    german_adjective = {"TEXT": {"REGEX": r"^[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|sch|al)(?:es|er|e|en)$"}, "OP": "+"}
    matcher.add("COMPOUND", [[{"TEXT": {"REGEX": rf"^[{CAPITALS}][\w-]*[{LOWERCASE}0-9-](?i:{compound})$"}}],
                             [german_adjective, {"TEXT": {"REGEX": rf"^[{CAPITALS}][\w-]*[{LOWERCASE}0-9-](?i:{compound})$"}}],
                             [{"TEXT": {"REGEX": rf"^[{CAPITALS}](?:[a-z]+[A-Z]\w*)(?i:{compound})$"}}],
                             # A compound end that is a whole compound itself names a body on its own:
                             # 'de Oostenrijkse Rechnungshof' (not 'Kammer', 'Amt': a bare kind).
                             [{"TEXT": {"REGEX": rf"^(?:{whole})$"}}],
                             # 'eHealth-platform', 'GovTech-agentschap': a coined name, a hyphen, its kind
                             [{"TEXT": {"REGEX": rf"^[a-z]{{1,2}}[A-Z][\w]*-(?i:{hyphened})$"}}]])
    return matcher, lex


def adjective_pattern(own: dict[str, Any]) -> str:
    """An adjective a Romance name strings after its head or a complement, told by its ending
    ('nationale', 'numériques'; ``labs.adjective_endings`` of a language's ``own`` rule words)."""
    ending = alternation(own.get("adjective_endings", []), folded=False, any_space=False)
    return rf"[{LOWERCASE}][{LOWERCASE}-]+(?:{ending})(?![\w'’])"


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
    adjective = adjective_pattern(own)
    lower = rf"[{LOWERCASE}][\w-]{{2,}}(?![\w'’])"
    capital = rf"[{CAPITALS}][\w-]+(?![\w'’])"
    complement = (rf"(?:\s+(?:{joined})\s+|\s+)(?:(?:{capital_links})\s*(?:{capital}|{lower})|(?:{link})\s*{lower})"
                  rf"(?:\s+{adjective})?")
    # ... or adjectives alone, the last two joined: 'Centre national sportif et culturel'.
    return re.compile(rf"(?<![\w-])(?P<head>[{CAPITALS}][{LOWERCASE}]+)(?:\s+{adjective}){{0,2}}"
                      rf"(?:(?:{complement}){{1,8}}|(?<=[{LOWERCASE}])\s+(?:{joined})\s+{adjective}(?:{complement}){{0,8}})"
                      rf"|(?<![\w-])(?P<named>[{CAPITALS}][{LOWERCASE}]+)(?:\s+{capital}){{1,3}}")


_CAPITALISED_WORD = re.compile(rf"(?<![\w-])[{CAPITALS}][{LOWERCASE}]+")


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
    for start, end, kind in _cut_at_cells(text, merged):
        # 'Auckland Co-Design Lab': the tokenizer splits 'Co-Design', and the match began after the hyphen.
        if start > 0 and text[start - 1] == "-" and (before := _HYPHENATED_START.search(text, 0, start - 1)):
            start = before.start()
        # 'un pôle Fintech-Innovation': and the match ended before it.
        if (after := _HYPHENATED_END.match(text, end)) is not None:
            end = after.end()
        mention = _mention(text, start, end, kind, lex)
        if mention is not None and (generic or not mention.generic):
            out.append(mention)
    return out


_HYPHENATED_END = re.compile(rf"-[{CAPITALS}][\w]*")


def _cut_at_cells(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Lab BdF\tPôle ACPR\tDivision AMF': a table's cells are names of their own, never one name."""
    out = []
    for start, end, kind in spans:
        at = start
        for cell in text[start:end].split("\t"):
            if cell.strip():
                out.append((at, at + len(cell), kind))
            at += len(cell) + 1
    return out


MAX_STOP_TAIL_CHARS = 5
"""A stop word this short ends no name ('Nous', 'We'); a longer one may ('... Front')."""


def _mention(text: str, start: int, end: int, kind: str, lex: Lexicon) -> NameMention | None:
    words = list(WORD.finditer(text, start, end))
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
    # "L'Office Nous joindre" (a site's menu): a short stop word such as a pronoun closes no name.
    while len(words) > 1 and (fold_keep(words[-1].group()) in tails or (
            len(words[-1].group()) <= MAX_STOP_TAIL_CHARS and fold_keep(words[-1].group()) in stops)):
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
        if (place := _place_after(text, end)) is not None:
            # 'Landwirtschaftskammer Niedersachsen': the kind, then its region
            end = text.index(place, end) + len(place)
            name = text[start:end]
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


_CAPITALISED_AFTER = re.compile(rf"[ \t]+([{CAPITALS}][\w-]*[{LOWERCASE}](?:[ \t]+[{CAPITALS}][\w-]*[{LOWERCASE}])?)(?![\w-])")


def _place_after(text: str, end: int) -> str | None:
    """'Niedersachsen' after 'Landwirtschaftskammer', 'Österreich' after a kind of body: a place, one
    word or two, printed right after a compound name (German names put the region there)."""
    from extract.normalize.countries import place_code

    found = _CAPITALISED_AFTER.match(text, end)
    if found is None:
        return None
    words = found.group(1).split()
    return next((" ".join(words[:k]) for k in range(len(words), 0, -1) if place_code(" ".join(words[:k])) is not None), None)


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
_AFTER = re.compile(r"\s*[(\[]\s*([A-ZÀ-ÖØ-ÝĀ-žȘȚ][A-ZÀ-ÖØ-ÝĀ-žȘȚa-z0-9&\-]{1,11}(?:/[A-Z]{1,6})?)\s*(?:[)\]]|;\s)")
_BEFORE = re.compile(r"([A-Z][A-Za-z0-9&\-]{1,11}(?:/[A-Z]{1,6})?)\s*[(\[]\s*$")


def _acronym_after(text: str, end: int) -> str | None:
    match = _AFTER.match(text, end)
    return match.group(1) if match and is_acronym(match.group(1)) else None


def _acronym_before(text: str, start: int) -> str | None:
    match = _BEFORE.search(text, max(0, start - 16), start)
    return match.group(1) if match and is_acronym(match.group(1)) else None

@cache
def _not_name_tails() -> frozenset[str]:
    """Every language's words that end a capitalised run without being part of the name before them."""
    return lexicon(None).folded("labs", "not_name_tails")
