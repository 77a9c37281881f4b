"""Word-level helpers shared by the governance and funding rules: tokens with offsets and
organisation phrases ('het Ministerie van Klimaat en Onderneming.' -> the name)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep, lexicon

# Elided articles and prepositions ("l'Agence", "d'État") are tokens of their own.
# A star inside a name is one of its letters: 'NOC*NSF'.
_TOKEN = re.compile(r"(?:[lLdDjJnNsScC]|[qQ]u)['’](?=\w)|[\w][\w'’.\-*]*[\w]|[\w]|[“”\"«»„‘’']|[^\w\s]")
MAX_ORG_TOKENS = 24
"""A safety stop: 'Secrétariat général du Département fédéral de l'environnement, des transports, de
l'énergie et de la communication' is 21 tokens."""
# After a comma, more capitalised words closed by 'and/en/et X': the comma is inside the name.
_CAP_WORDS = rf"[{CAPITALS}][\w'’-]*(?:\s+[{CAPITALS}][\w'’-]*)*"


@cache
def _comma_in_name() -> re.Pattern[str]:
    ands = alternation(lexicon(None).words("words", "and_words"), folded=False)
    foreign = alternation(lexicon(None).words("words", "foreign_and_words"), folded=False)
    return re.compile(rf"\s*{_CAP_WORDS}(?:\s*,\s*{_CAP_WORDS})*,?\s+(?:{ands}|{foreign}|&)\s+[{CAPITALS}]")


_DOTTED_SUFFIX = re.compile(r"\s+((?:[A-Za-z]\.){2,3})(?=\s|$|[,;)])")
# '(GSA)', '(Smart Nation and Digital Government Group)': an acronym or a qualifier the name carries.
_NAME_PARENS = re.compile(rf"\s*\(([{CAPITALS}][^()]{{0,60}})\)")
MAX_PAREN_WORDS = 8


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_elision(self) -> bool:
        return len(self.text) >= 2 and self.text[-1] in "'’"

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper() or (self.text[:1].isdigit() and any(c.isupper() for c in self.text))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0)
        if word.endswith(".") and len(word) > 1 and not re.search(r"\.\w", word):
            word = word[:-1]  # a sentence-final period is not part of the word
        out.append(Token(word, m.start(), m.start() + len(word)))
    return out


_SUSPENSION_HYPHENS = ("-", "‐")


MIN_PROSE_LINE_CHARS = 40
"""A line shorter than this is a cell, a box's value or a slide's bullet, not wrapped prose."""


@lru_cache(maxsize=8)
def _sentence_openers(lex: Lexicon) -> frozenset[str]:
    """Function words that, capitalised at a line's start, open a sentence ('The', 'Most', 'Le')."""
    from extract.nlp import stop_words

    return frozenset(stop_words(lex.lang) | lex.folded("words", "determiners"))


def _ends_at_line_break(text: str, prev: Token, tok: Token, nxt: Token | None, lex: Lexicon) -> bool:
    """Does a name end at the line break between ``prev`` and ``tok``? When the next line opens a
    sentence with a capitalised function word ('The', 'Most', 'Le'); or when the name's line is
    short, ends on a capitalised word, and the next line goes on in lower case after its first word
    (a value in a box or a table: 'Le Havre Seine Métropole' over 'Montant total'), where a name
    wrapped in a narrow column goes on in name words ('Autonomous' over 'Province of Trento')."""
    if tok.is_capitalised and fold_keep(tok.text) in _sentence_openers(lex):
        return True
    next_end = text.find("\n", tok.start)
    next_line = text[text.rfind("\n", 0, tok.start) + 1:next_end if next_end >= 0 else len(text)]
    if re.match(r"[^\t]*\S[^\t]*\t", next_line) or re.match(rf"[{CAPITALS}][\w'’-]*(?: [\w'’-]+){{0,3}}:\s", next_line):
        # 'ministerie van Justitie en Veiligheid' / 'Omvang<tab>...', 'ministre fédéral compétent' /
        # 'Direction: pas de conseil ...': the next row's label.
        return True
    line_start = text.rfind("\n", 0, prev.end) + 1
    if prev.end - line_start >= MIN_PROSE_LINE_CHARS or not prev.is_capitalised or nxt is None:
        return False
    return (nxt.is_word and not nxt.is_capitalised and "\n" not in text[tok.end:nxt.start]
            and fold_keep(nxt.text) not in lex.folded("words", "connectors"))


def _portfolio_and_the(toks: list[Token], first: int, at: int, lex: Lexicon) -> bool:
    """'and the Media' after 'Commissioner for Culture': a conjunction, an article and one capitalised
    word that names no kind of organisation, closing a name whose head is followed by a portfolio
    preposition ('for', 'of')."""
    if at + 2 >= len(toks):
        return False
    article, word = toks[at + 1], toks[at + 2]
    after = toks[at + 3] if at + 3 < len(toks) else None
    return (fold_keep(article.text) in lex.folded("words", "articles") and word.is_capitalised
            and (after is None or not after.is_capitalised)
            and portfolio_word(word.text, [t.text for t in toks[first + 1:at]], lex))


def portfolio_word(word: str, before: list[str], lex: Lexicon) -> bool:
    """Is ``word`` (after 'and the') a portfolio's second part, not a second organisation: it names no
    kind of organisation, and the words of the name before it (its head left out) hold a portfolio
    preposition ('Commissioner for Culture and the Media')?"""
    kinds = lex.folded("governance", "org_heads") | lex.folded("labs", "heads")
    return (fold_keep(word) not in kinds
            and any(fold_keep(w) in lex.folded("words", "portfolio_prepositions") for w in before))


def org_phrase(text: str, start: int, lex: Lexicon, *, allow_lowercase: bool = False,
               stops: Collection[int] = (), end: int | None = None) -> tuple[int, int] | None:
    """The organisation name starting at ``start`` (after an optional determiner).

    It opens with a capitalised word or an organisation head noun ('ministerie', 'provincie',
    'ministère'), continues over capitalised words and connectors ('van', 'of', 'de la')
    followed by a name word, and over 'en'/'and'/'et' only when a capitalised word follows.
    It stops at punctuation, a lower-case word (``allow_lowercase`` lets French names such as
    'Direction interministérielle de la transformation publique' through) or an offset in
    ``stops`` (the start of a labelled line).
    """
    determiners = lex.folded("words", "determiners")
    connectors = lex.folded("words", "connectors")
    # 'of' and 'en' are connectors in one language and conjunctions in another: connectors win.
    conjunctions = (lex.folded("words", "conjunctions") | lex.folded("words", "foreign_and_words")) - connectors
    heads = lex.folded("governance", "org_heads")
    relatives = lex.folded("words", "relatives")
    blockers = (lex.folded("words", "clause_verbs") | lex.folded("words", "relatives")
                | lex.folded("words", "agent_markers") | determiners | conjunctions)
    toks = tokens(text, start, min(len(text), start + 240, end if end is not None else len(text)))
    i = 0
    while i < len(toks) and fold_keep(toks[i].text) in determiners and not toks[i].is_capitalised:
        i += 1
    if i >= len(toks) or not toks[i].is_word or not (toks[i].is_capitalised or fold_keep(toks[i].text) in heads):
        return None
    first, last = i, i
    # "ministère de l'Enseignement supérieur et de la Recherche" in a Dutch text: a French name keeps
    # its lower-case adjectives whatever the text's language.
    allow_lowercase = allow_lowercase or fold_keep(toks[i].text) in lex.folded("governance", "lowercase_name_heads")
    j = i + 1
    while j < len(toks) and j - first < MAX_ORG_TOKENS:
        tok, prev = toks[j], toks[j - 1]
        if any(prev.end <= s <= tok.start for s in stops) or "\n\n" in text[prev.end:tok.start]:
            break
        if "\n" in text[prev.end:tok.start] and _ends_at_line_break(
                text, prev, tok, toks[j + 1] if j + 1 < len(toks) else None, lex):
            break  # 'Cabinet Office' / 'The Public Sector Fraud Authority ...': the next line is not the name's
        if tok.text == "," and _comma_in_name().match(text, tok.end):
            j += 1
            continue  # 'Agency for Science, Innovation and Technology'
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if allow_lowercase and tok.text == "," and nxt is not None and fold_keep(nxt.text) in connectors:
            j += 1
            continue  # 'direction régionale de la jeunesse, des sports et de la cohésion sociale'
        if (tok.text in "'’" and prev.end == tok.start and prev.text.endswith("s") and prev.is_capitalised
                and nxt is not None and nxt.is_capitalised):
            j += 1
            continue  # "Department of Veterans' Affairs": a plural possessive inside the name
        if tok.text == "&" and nxt is not None and nxt.is_word:
            j += 1
            continue  # 'GHU Paris psychiatrie & neurosciences'
        if tok.text == "/" and prev.end == tok.start and prev.is_capitalised and nxt is not None \
                and nxt.is_capitalised and tok.end == nxt.start:
            j += 1
            continue  # 'the North/South Language Body'
        after_nxt = toks[j + 2] if j + 2 < len(toks) else None
        if (tok.text in _SUSPENSION_HYPHENS and prev.end == tok.start and nxt is not None and after_nxt is not None
                and nxt.is_word and len(nxt.text) <= 4 and nxt.text.islower() and after_nxt.is_word):
            last = j + 2  # 'Digitaliserings- og forvaltningsdepartementet', 'Onderwijs- en Cultuurraad'
            j += 3
            continue
        if (tok.text in _SUSPENSION_HYPHENS and prev.end == tok.start and nxt is not None and nxt.text == ","
                and after_nxt is not None and after_nxt.is_capitalised):
            j += 2  # 'Klima-, Energi- og Forsyningsministeriet': the first of several suspended words
            continue
        if (tok.text == "(" and j + 3 < len(toks) and toks[j + 2].text == ")" and toks[j + 1].text.isupper()
                and fold_keep(toks[j + 3].text) in connectors and j + 4 < len(toks) and toks[j + 4].is_word):
            j += 3
            continue  # 'Secrétariat général pour les affaires régionales (SGAR) de la préfecture ...'
        if not tok.is_word and not tok.is_elision:
            break
        folded = fold_keep(tok.text)
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if tok.is_capitalised:
            last = j
        elif folded in conjunctions:
            after = toks[j + 2] if j + 2 < len(toks) else None
            if _portfolio_and_the(toks, first, j, lex):
                j += 2  # 'Commissioner for Culture and the Media': the portfolio's second part, not a second body
                last = j
                j += 1
                continue
            continues = allow_lowercase and nxt is not None and nxt.is_word and (
                fold_keep(nxt.text) in connectors
                or (after is not None and fold_keep(after.text) in connectors and fold_keep(nxt.text) not in blockers))
            if nxt is None or not (nxt.is_capitalised or continues):
                break  # 'Chancellerie d'État et travaille ...': a new clause, not a name
        elif folded in relatives and folded not in connectors:
            break  # "... de la Recherche die ook ... geeft": a relative opens a clause (Dutch 'die' is a determiner too)
        elif folded in connectors or folded in determiners or tok.is_elision:
            if nxt is None or not (nxt.is_word or nxt.is_elision):
                break
        elif allow_lowercase and folded not in blockers and not tok.text[:1].isdigit():
            last = j
        elif j == first + 1 and folded in heads and toks[first].is_capitalised:
            last = j  # 'Oostenrijkse ministerie voor ...', 'Austrian ministry for ...': the kind after its adjective
        else:
            break
        j += 1
    # 'Cabinet Office and No 10': a conjunction and a stub at the end belong to what follows.
    if last - first >= 2 and fold_keep(toks[last - 1].text) in conjunctions and len(toks[last].text) <= 3:
        last -= 2
    if last == first and not toks[first].is_capitalised:
        return None  # 'het ministerie': a kind of organisation, not its name
    end_at = toks[last].end
    dotted = _DOTTED_SUFFIX.match(text, end_at)
    if dotted is not None and dotted.group(1).replace(".", "").lower() in {
            w.replace(".", "") for w in lex.folded("labs", "legal_suffixes")}:
        end_at = dotted.end()  # 'IJAB – Fachstelle ... Deutschland e.V.': the legal form's letters end the name
    parens = _NAME_PARENS.match(text, end_at)
    if parens and len(parens.group(1).split()) <= MAX_PAREN_WORDS and not re.search(r"\d", parens.group(1)):
        end_at = parens.end()
    return toks[first].start, end_at
