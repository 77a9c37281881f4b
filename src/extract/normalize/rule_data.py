"""The normalisers' access to the rule files and the languages they are written in.

Word lists are turned into regular expressions here, one way for all: escaped, a space matching
any run of whitespace, folded like the text they are matched on (``fold_keep_length``) unless
that text is matched as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from extract.rules.lexicon import lexicon
from extract.rules.loader import language_rules, rule_data
from extract.rules.schema import LANGUAGE_GROUPS, LANGUAGES, WORDS
from extract.rules.vocab import fold_keep_length

LANGS = LANGUAGES
NOTHING = r"(?!x)x"
"""A regular expression that matches nothing: the alternation of an empty word list."""


def load_rule_file(name: str) -> Any:
    """``rules/<name>.yml`` (and the user rules folder's), checked against its schema; parsed once."""
    return rule_data(name)


def text_langs(lang: str | None) -> tuple[str, ...]:
    """The text's language alone when it is known, else every language."""
    return (lang,) if lang in LANGS else LANGS


def own_first(lang: str | None) -> tuple[str, ...]:
    """Every language, the text's own first: reports quote each other ('1,7 miljoen' in English)."""
    return ((lang,) if lang in LANGS else ()) + tuple(code for code in LANGS if code != lang)


def words(group: str, key: str) -> tuple[str, ...]:
    """The words of ``group.key`` in every language file (nl, en, fr), each once."""
    return lexicon(None).words(group, key)


def own_words(lang: str | None, group: str, key: str) -> tuple[str, ...]:
    """The words of ``group.key`` in the text's own language file only (none without a language)."""
    if LANGUAGE_GROUPS.get(group, {}).get(key) is not WORDS:
        raise KeyError(f"rule key {group}.{key} is not declared as {WORDS.value} in extract/rules/schema.py")
    if lang not in LANGS:
        return ()
    return language_rules(lang).words.get(group, {}).get(key, ())


def patterns(group: str, key: str) -> tuple[str, ...]:
    """The regular expressions of ``group.key`` in every language file (nl, en, fr), as written."""
    return tuple(pattern.pattern for pattern in lexicon(None).patterns(group, key))


def file_words(name: str, key: str) -> tuple[str, ...]:
    """Every language's words under ``key`` of the data file ``rules/<name>.yml`` (nl, en, fr), each once."""
    by_lang = load_rule_file(name).get(key, {})
    return tuple(dict.fromkeys(str(word) for code in LANGS for word in by_lang.get(code, ())))


def alternation(items: Iterable[str], *, folded: bool = True, any_space: bool = True,
                longest_first: bool = False) -> str:
    """``items`` (words) as one alternation of escaped words; ``NOTHING`` for none.

    ``folded``: the words are folded as the text they are matched on is; ``any_space``: a space
    matches any run of whitespace ('tot en met' over a line break); ``longest_first``: longer words
    are tried first ('del' before 'de': a regex takes the first alternative that matches).
    """
    words = [str(item) for item in items]
    if longest_first:
        words = sorted(dict.fromkeys(words), key=len, reverse=True)
    escaped = (re.escape(fold_keep_length(item) if folded else item) for item in words)
    if any_space:
        escaped = (item.replace(r"\ ", r"\s+") for item in escaped)
    return "|".join(dict.fromkeys(escaped)) or NOTHING


def pattern_alternation(items: Iterable[str]) -> str:
    """Regular expressions as one alternation; ``NOTHING`` for none."""
    return "|".join(dict.fromkeys(items)) or NOTHING
