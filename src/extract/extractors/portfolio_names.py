"""Names that end in a list of portfolios: 'Department of Jobs, Skills, Industry and Regions',
'ministerie van Onderwijs, Cultuur en Wetenschap', "ministère de l'Économie, de l'Innovation et de
l'Énergie". Their commas are inside one name, not between two funders, so a list of sources is not
split there. Words in ``words.portfolio_prepositions`` and ``words.and_words`` of ``rules/{nl,en,fr}.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon

_CAPITALISED = rf"[{CAPITALS}][\w'’.\-]*"


@lru_cache(maxsize=8)
def _portfolio_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(what precedes the first comma: a preposition and one capitalised word; what follows it:
    more portfolios, the last after 'and')."""
    prepositions = alternation(lex.words("words", "portfolio_prepositions"), folded=False, any_space=False,
                               longest_first=True)
    ands = alternation(lex.words("words", "and_words"), folded=False, any_space=False)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    lead = rf"(?:(?:{prepositions})\s*)?"  # "de l'Innovation": the elided article is glued on
    # One portfolio: a capitalised word, perhaps with a lower-case one ('Classes moyennes').
    item = rf"{lead}{_CAPITALISED}(?:\s+[{LOWERCASE}]{{3,}})?"
    # ... or a ministry's acronym and its first portfolio: 'SPF Affaires étrangères, Commerce extérieur et ...'.
    # The first portfolio may be two joined: 'Department of Further and Higher Education, Research, ...'.
    first = rf"{_CAPITALISED}(?:\s+(?:(?:{ands})\s+)?{_CAPITALISED}){{0,3}}"
    before = re.compile(rf"(?<![\w'’])(?:(?:{prepositions})\s*{first}|[A-Z]{{2,4}}\s+{_CAPITALISED}(?:\s+[{LOWERCASE}]{{3,}})?)$")
    after = re.compile(rf"\s*{item}(?:\s*,\s*{item})*,?\s+(?P<and>{ands}|&)\s+(?:(?:{articles})\s+)?{lead}[{CAPITALS}]")
    return before, after


def mask_portfolio_commas(text: str, lex: Lexicon, mark: str, *, and_mark: str | None = None) -> str:
    """``text`` with the commas inside portfolio lists replaced by ``mark`` (one character: offsets
    kept); with ``and_mark``, the space before the list's last 'and' too ('Agriculture, Food and the
    Marine' is not split at 'and the')."""
    if "," not in text:
        return text
    before, after = _portfolio_patterns(lex)
    masked: set[int] = set()
    spaces: set[int] = set()
    for comma in re.finditer(",", text):
        if comma.start() in masked or before.search(text, max(0, comma.start() - 60), comma.start()) is None:
            continue
        listed = after.match(text, comma.end())
        if listed is not None:
            masked.update(i for i in range(comma.start(), listed.end()) if text[i] == ",")
            if and_mark is not None:
                spaces.add(listed.start("and") - 1)
    if not masked:
        return text
    return "".join(mark if i in masked else and_mark if and_mark and i in spaces else char for i, char in enumerate(text))


def portfolio_list_end(text: str, comma: int, lex: Lexicon) -> int | None:
    """Where the portfolio list that the comma at ``comma`` opens ends, its last portfolio's word
    included ('ministerie van Onderwijs|, Cultuur en Wetenschap|'); None when the comma opens none."""
    before, after = _portfolio_patterns(lex)
    if before.search(text, max(0, comma - 60), comma) is None:
        return None
    listed = after.match(text, comma + 1)
    if listed is None:
        return None
    words = _last_portfolio_words(lex).match(text, listed.end())
    return words.end() if words else listed.end()


@lru_cache(maxsize=8)
def _last_portfolio_words(lex: Lexicon) -> re.Pattern[str]:
    """The rest of a list's last portfolio ('Food and Rural| Affairs', 'Coopération| au développement',
    ``words.portfolio_links``) and its acronym in brackets ("de l'Énergie| (MEQI)")."""
    links = alternation(lex.words("words", "portfolio_links"), folded=False, any_space=True, longest_first=True)
    word = r"(?:[\w'’\-]|\.(?=\w))+"
    capitalised = rf"[{CAPITALS}](?:[\w'’\-]|\.(?=\w))*"
    return re.compile(rf"(?:[\w'’\-]|\.(?=\w))*(?:\s+(?:{capitalised}|(?:{links})\s+{word}))*"
                      r"(?:\s*\([A-Z][\w&.\-]{1,11}\))?")
