"""What a word next to an amount of money says of it: above, below, up to, or each ('elk 30.000 euro').

Matched on folded text (lower case, no accents).
"""

from __future__ import annotations

import re
from typing import Literal

from extract.rules.vocab import fold_keep_length

Qualifier = Literal["above", "below", "up_to", "each"]

_QUALIFIERS_BEFORE: tuple[tuple[Qualifier, str], ...] = (
    (
        "up_to",
        r"tot\s+maximaal|tot\s+een\s+maximum\s+van|maximaal|max\.?|hooguit|tot|up\s+to|as\s+much\s+as"
        r"|a\s+maximum\s+of|no\s+more\s+than|jusqu['’]\s?a|au\s+maximum|au\s+plus|≤",
    ),
    (
        "above",
        r"meer\s+dan|ruim\s+meer\s+dan|boven\s+de|boven|minstens|minimaal|ten\s+minste|more\s+than|in\s+excess\s+of"
        r"|exceeding|above|at\s+least|plus\s+de|au-dela\s+de|superieur\w*\s+a|au\s+moins|>|≥",
    ),
    ("below", r"minder\s+dan|onder\s+de|onder|less\s+than|under|below|moins\s+de|inferieur\w*\s+a|<"),
    ("each", r"elk|elke|ieder|iedere|each|chacun|chacune"),
)
_QUALIFIER_BEFORE = tuple(
    (q, re.compile(rf"(?:^|(?<=[\s(\[:;,]))(?:{body})\s*(?:een\s+bedrag\s+van\s+)?$")) for q, body in _QUALIFIERS_BEFORE
)
_EACH_AFTER = re.compile(
    r"^\s*(?:elk|elke|ieder|each|apiece|chacun|chacune|per\s+stuk|pro\s+rata"
    r"|(?:per|par|a|an)\s+(?:lid|leden|partner|deelnemer|departement|member|participant|membre|partenaire"
    r"|ministere|ministerie|inwoner|capita|hoofd|persoon|person|head|habitant|resident|project|projet"
    r"|aanvraag|application|organisatie|organisation|gemeente|municipality|commune))(?![\w])"
)
_OVER_ABOVE = re.compile(r"(?:^|(?<=\s))over\s*$")


def qualifier_of(text: str, start: int, end: int, lang: str | None) -> Qualifier | None:
    before = fold_keep_length(text[max(0, start - 30) : start])
    for qualifier, pattern in _QUALIFIER_BEFORE:
        if pattern.search(before):
            return qualifier
    if lang == "en" and _OVER_ABOVE.search(before):
        return "above"
    if _EACH_AFTER.match(fold_keep_length(text[end : end + 40])):
        return "each"
    return None
