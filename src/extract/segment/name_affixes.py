"""What stands before a name in a heading or a label and is not the name: an article ('the',
"l'"), a chapter's 'About' or a question ('Wat is SIVON?'), a register's legal form ('Stichting')."""

from __future__ import annotations

import re
from functools import cache

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep
from extract.segment.spelling import initials_cover


def strip_legal_prefix(name: str, lex: Lexicon, acronym: str | None = None) -> str:
    """'Stichting Amsterdam Institute for ...' -> 'Amsterdam Institute for ...': the legal form a
    register prints before the name is not part of the name people use, unless the name's acronym
    spells it ('Stichting Toegepast Onderzoek Waterbeheer', STOWA)."""
    for prefix in lex.words("title", "legal_prefixes"):
        if fold_keep(name).startswith(fold_keep(prefix) + " ") and name[len(prefix) + 1:][:1].isupper():
            if (acronym and fold_keep(acronym[:1]) == fold_keep(prefix[:1])
                    and initials_cover(acronym, [w for w in name.split() if w[:1].isupper()])):
                return name
            return name[len(prefix) + 1:]
    return name


AFTER_ELISION = r"(?<=(?<!\w)[ld]['’])"
"""Right after an elided article, where a name or a body's noun may start too ("siègent à
l'assemblée générale", "confié à l'Istat, ...")."""


@cache
def article_before_name(lex: Lexicon) -> str:
    """An article in lower case before a name ('l'AGETIC', 'le CNI', 'the Föderale ...'), as a
    regex alternation (rules: ``words.articles``, ``words.elided_articles``)."""
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return rf"(?:{articles})\s+|{elided}"


def without_about(title: str, lex: Lexicon) -> str | None:
    """'About the Innovation Center', 'Wat is SIVON?' -> 'Innovation Center', 'SIVON': what the
    chapter presents."""
    prefixes = alternation(lex.words("labs", "about_prefixes"), folded=False, any_space=True)
    determiners = alternation(lex.words("words", "determiners"), folded=False, any_space=False)
    found = re.match(rf"(?i:{prefixes})(?:\s+(?i:{determiners})\b|\s*['’]|)\s*(?=[{CAPITALS}])", title)
    return title[found.end():].rstrip(" ?") if found else None


def without_summary(title: str, lex: Lexicon) -> str | None:
    """'BMA in het kort', "L'Agence en bref", 'Quayside Lab at a glance' -> the name before the words
    saying that the chapter sums it up (``title.summary_suffixes``); None when there are none."""
    suffixes = alternation(lex.words("title", "summary_suffixes"), folded=False, any_space=True)
    found = re.search(rf"\s+(?i:{suffixes})\s*$", title)
    rest = title[:found.start()].strip(" ,:–—-") if found else ""
    return rest or None
