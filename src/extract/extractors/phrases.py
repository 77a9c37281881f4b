"""Word-level helpers shared by the governance and funding rules: tokens with offsets and
capitalised organisation phrases ('het Ministerie van Klimaat en Onderneming.' -> the name)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.extractors.lexicon import Lexicon, fold_keep

_TOKEN = re.compile(r"[\w][\w'’.\-]*[\w]|[\w]|[“”\"«»„‘’']|[^\w\s]")
MAX_ORG_TOKENS = 10


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

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


def org_phrase(text: str, start: int, lex: Lexicon, *, allow_lowercase: bool = False) -> tuple[int, int] | None:
    """The capitalised organisation name starting at ``start`` (after an optional determiner).

    Continues over capitalised words and connectors ('van', 'of', 'de', 'en', 'and') followed by a
    capitalised word; stops at punctuation or a lower-case word (``allow_lowercase`` lets French
    names such as 'Direction interministérielle de la transformation publique' through).
    """
    determiners = lex.folded("words", "determiners")
    connectors = lex.folded("words", "connectors") | lex.folded("words", "conjunctions")
    stops = (lex.folded("words", "clause_verbs") | lex.folded("words", "relatives")
             | lex.folded("words", "agent_markers"))
    toks = tokens(text, start, min(len(text), start + 200))
    i = 0
    while i < len(toks) and toks[i].is_word and fold_keep(toks[i].text) in determiners and not toks[i].is_capitalised:
        i += 1
    if i >= len(toks) or not toks[i].is_word or not toks[i].is_capitalised:
        return None
    first, last = i, i
    j = i + 1
    while j < len(toks) and j - first < MAX_ORG_TOKENS:
        tok = toks[j]
        if "\n\n" in text[toks[j - 1].end:tok.start] or not tok.is_word:
            break
        folded = fold_keep(tok.text)
        if tok.is_capitalised:
            last = j
        elif folded in connectors or folded in determiners:
            pass  # kept only if a name word follows
        elif allow_lowercase and folded not in stops and not tok.text[:1].isdigit():
            last = j
        else:
            break
        j += 1
    return toks[first].start, toks[last].end
