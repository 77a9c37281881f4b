"""Approximation markers around a number: 'ongeveer', 'c.', '±', 'environ', '200+' (``rules/scale_words.yml``)."""

from __future__ import annotations

import re
from functools import cache

from extract.rules.vocab import fold_keep_length

from .rule_data import load_rule_file, own_first


@cache
def approx_patterns(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = load_rule_file("scale_words")
    before: set[str] = set()
    after: set[str] = set()
    for code in own_first(lang):
        before.update(fold_keep_length(str(w)) for w in rules["approximate_before"][code])
        after.update(fold_keep_length(str(w)) for w in rules["approximate_after"][code])

    def alt(words: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    # A marker ends right before the number (or its currency), after a word boundary.
    currency = r"(?:[€£$]|(?:eur|gbp|usd|sek|dkk|nok|chf)\s)"
    pre = re.compile(rf"(?:^|(?<=[\s(\[:;,'’]))(?:{alt(before)})\s*{currency}?\s*$")
    post = re.compile(rf"^\s*(?:{alt(after)})(?!\w)")
    return pre, post


def is_approximate(text: str, start: int, end: int, lang: str | None = None) -> bool:
    """Whether a marker such as 'ongeveer', 'c.', '±' or 'environ' qualifies text[start:end]."""
    pre, post = approx_patterns(lang)
    window = fold_keep_length(text[max(0, start - 30) : start])
    if pre.search(window):
        return True
    return bool(post.match(fold_keep_length(text[end : end + 20])))
