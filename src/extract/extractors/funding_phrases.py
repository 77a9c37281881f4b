"""The phrases of a funding sentence: where a source starts and ends, which words around it are
qualifiers ('grotendeels', 'occasionally'), purposes ('for specific projects') or a new clause, and
how a list of sources splits into items."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.extractors.context import SectionContext
from extract.extractors.phrases import Token, tokens
from extract.normalize.rule_data import alternation as alternation_of
from extract.normalize.rule_data import pattern_alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep, lexicon

MAX_PHRASE_TOKENS = 12
STOP_PUNCT = set(",.;:()[]!?")

MAX_ITEM_WORDS = 8
AMOUNT_TO_SOURCE_CHARS = 60
MONEY_SIGN = re.compile(r"[$€£¥]|\d")
# Between the amount and 'from ...' no new clause may start ('€2m; the city, from 2024, ...').
CLAUSE_BREAK = re.compile(r"[;:.!?](?:\s|$)")
# The sources end at the sentence's next clause: a bracket, a semicolon, a full stop.
SOURCE_END = re.compile(r"[;.](?:\s|$)|\s[—–]\s|[»”\"]")  # a closing quote: the speaker's tag follows


@lru_cache(maxsize=1)
def rest_from() -> re.Pattern[str]:
    """'and the rest from the city', 'en de rest van de stad': the rest of the money has another source."""
    lex = lexicon(None)
    ands, rest, source = (alternation_of(lex.words(group, key), folded=False)
                          for group, key in (("words", "and_words"), ("funding", "rest_words"), ("funding", "rest_from")))
    return re.compile(rf"\s(?:{ands})\s+(?:{rest})\s+(?:{source})\s+", re.IGNORECASE)


@lru_cache(maxsize=16)
def rest_is_regex(lex: Lexicon) -> re.Pattern[str]:
    """'($231.7 million); the rest was own-source income': after a source (and its bracket), the rest
    of the money and a verb that names where it comes from (folded text)."""
    rest, verbs = alternation(lex, "funding", "rest_words"), alternation(lex, "funding", "rest_verbs")
    ands = alternation(lex, "words", "and_words")
    return re.compile(rf"\s*(?:\([^()]{{0,60}}\)\s*)?[;,]\s*(?:(?:{ands})\s+)?(?:{rest})\s+(?:{verbs})\s+")


@lru_cache(maxsize=16)
def rest_lead_regex(lex: Lexicon) -> re.Pattern[str]:
    """'the rest from contracts' opening a labelled source: the rest of the money, then its source (folded)."""
    rest = alternation(lex, "funding", "rest_words")
    verbs = "|".join(filter(None, (alternation(lex, "funding", "rest_from"), alternation(lex, "funding", "rest_verbs"))))
    return re.compile(rf"(?:{rest})\s+(?:{verbs})\s+(?=\w)")


def is_bare_budget(text: str) -> bool:
    """'an annual budget', 'a budget of EUR 2m': how much, not who pays ('le budget départemental',
    "the Scottish Government's digital budget" and 'budget communal' name a payer)."""
    folded = fold_keep(text)
    found = _budget_phrase().match(folded)
    if found is None:
        return False
    rest = folded[found.end():].strip()
    return not rest or bool(_amount_after_budget().match(rest))


@lru_cache(maxsize=1)
def _amount_after_budget() -> re.Pattern[str]:
    """'of about EUR 2m', 'van ongeveer € 2 mln': lead words, then maybe a currency code, then the figure."""
    lead = alternation_of(lexicon(None).words("funding", "budget_amount_lead"))
    return re.compile(rf"(?:{lead}|~|±|\s)*(?:[a-z]{{3}}\s*)?[\d$€£¥]")


def alternation(lex: Lexicon, group: str, key: str) -> str:
    """A regex alternation of the folded words of ``group.key``, longest first (so 'voor een klein deel'
    wins over 'voor'), a space in a phrase matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.folded(group, key), key=len, reverse=True))


@lru_cache(maxsize=16)
def qualifier_regex(lex: Lexicon) -> re.Pattern[str]:
    alternatives = "|".join((alternation(lex, "funding", "qualifiers"), alternation(lex, "funding", "supplements")))
    dets = alternation(lex, "words", "determiners")
    # "l'ANCT" keeps its article (as printed); 'the regional budget' loses it.
    # '60+ partner universities': a count of at least so many says how many, not who.
    return re.compile(rf"(?:[\s,]*(?:(?:{alternatives})(?![\w'’])|(?:{dets})\s+|\d+\+\s+))*[\s,]*")


@lru_cache(maxsize=16)
def money_received_regex(lex: Lexicon) -> re.Pattern[str]:
    """A verb of getting, a word for money as its object a few words on, and where it comes from:
    'receives core grant funding from', 'earns the rest of its income from', 'haalt het grootste
    deel van zijn inkomsten uit', 'tire ses ressources de'. Ends before the source."""
    verbs, money = alternation(lex, "funding", "receive_verbs"), alternation(lex, "funding", "money_words")
    prepositions = alternation(lex, "funding", "receive_prepositions")
    return re.compile(rf"(?<![\w'’])(?:{verbs})(?P<lead>(?:\s+[^\s.;:,()]+){{0,5}}?)\s+(?P<money>{money})\s+"
                      rf"(?:{prepositions})(?=\s|(?<=['’]))")


def received_source_start(lex: Lexicon, found: re.Match[str]) -> int:
    """Where the source of a ``money_received_regex`` match starts. A kind of money that the lab is
    given is part of it ('receives a core grant from X' -> 'core grant from X', 'funding from partners');
    the lab's own money ('earns the rest of its income from X'), or money in general ('earns money
    from X'), is not: the source is what follows."""
    lead = found.group("lead").split()
    indefinite = lex.folded("words", "indefinite_articles")
    # 'a core grant', 'des subventions', 'du budget de l'État': an article or a partitive opens it.
    opening = 1 if lead and (lead[0] in indefinite or lead[0] in lex.folded("funding", "source_prepositions")) else 0
    own = (lex.folded("words", "determiners") - indefinite) | lex.folded("words", "first_person_possessives") \
        | lex.folded("funding", "complement_prepositions")
    if found.group("money") in lex.folded("funding", "generic_money") or any(word in own for word in lead[opening:]):
        return found.end()
    if opening == len(lead):
        return found.start("money")
    return found.string.index(lead[opening], found.start("lead") + sum(len(w) + 1 for w in lead[:opening]))


def negated_receipt(lex: Lexicon, found: re.Match[str]) -> bool:
    """'receives no money from the federal budget', 'None of these organisations received funds',
    'ne reçoit pas de subvention de l'État': says who does not pay."""
    before = found.string[max(0, found.start() - 60):found.start()].split()[-5:]
    negations = lex.folded("words", "negations")
    return any(word.strip(",") in negations for word in [*before, *found.group("lead").split()])


@lru_cache(maxsize=16)
def purpose_regex(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(lex, 'funding', 'purpose_words')})\s+\w")


def inside_name(text: str, purpose: re.Match[str]) -> bool:
    """Is the purpose word ``purpose`` found in ``text`` a link inside a capitalised name ('een
    subsidie van de Raad voor Rechtsbijstand'), not what the money is for?"""
    before = text[:purpose.start()].split()
    return bool(before) and before[-1][:1].isupper() and text[purpose.end() - 1:purpose.end()].isupper()


@lru_cache(maxsize=16)
def continuation_regex(lex: Lexicon) -> re.Pattern[str]:
    conj, qualifiers = alternation(lex, "words", "conjunctions"), alternation(lex, "funding", "qualifiers")
    # 'and, occasionally, from', 'et, pour certains projets, par', 'en uit'
    sequence = alternation(lex, "funding", "sequence_words")
    # ... and any short aside between commas: 'et, pour une part croissante, par la facturation'.
    # ... or an aside before it: 'par la Confédération, via l'OFSP, et par les cantons'.
    prepositions = alternation(lex, "funding", "source_prepositions")
    # ... or a phrase that adds a source by itself: ', supplemented by', ', complétées par des'.
    supplements = alternation(lex, "funding", "supplements")
    # ... or a comma and an agent's preposition said again: 'funded by grant-in-aid from Defra, by income
    # from visitors' (not ', de ...', ', from ...': a phrase's own complement as often as a new source).
    agents = alternation(lex, "words", "agent_markers")
    return re.compile(rf"(?:\s*,\s*[^,.;:()]{{1,60}}(?=,))?"
                      rf"\s*,?\s*(?:(?i:{conj}|{sequence})\s*(?:,\s*(?i:{qualifiers})\s*,\s*|,\s*[^,.;:()]{{1,40}},\s*|(?i:{qualifiers})\s+)?"
                      rf"(?i:{prepositions})|(?i:{supplements})(?:\s+(?i:{prepositions}))?|(?<=,)\s*(?i:{agents}))(?:\s+|(?<=['’]))")


@lru_cache(maxsize=16)
def share_regex(lex: Lexicon) -> re.Pattern[str]:
    # A qualifier of share right after the amount, before a word for money: 'voor het grootste deel
    # een bijdrage van', 'for the most part grants from'.
    shares, nouns = alternation(lex, "funding", "share_words"), alternation(lex, "funding", "source_nouns")
    dets = alternation(lex, "words", "determiners")
    return re.compile(rf"\b(?:{shares})(?=\s+(?:(?:{dets})\s+)?\w*(?:{nouns})\b)")


def share_marker(ctx: SectionContext) -> re.Pattern[str]:
    return share_regex(ctx.lex)


@lru_cache(maxsize=16)
def supplement_regex(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(lex, 'funding', 'supplements')})\s")


def supplement_start(ctx: SectionContext) -> re.Pattern[str]:
    """A phrase that adds a further source, on folded text ('supplemented by', 'ainsi que de')."""
    return supplement_regex(ctx.lex)


def continuation(ctx: SectionContext) -> re.Pattern[str]:
    return continuation_regex(ctx.lex)


@lru_cache(maxsize=16)
def source_noun_regex(lex: Lexicon) -> re.Pattern[str]:
    nouns = alternation(lex, "funding", "source_nouns")
    # Dutch compounds end in the noun: 'gemeentebegroting', 'projectsubsidies'.
    return re.compile(rf"\b\w*(?:{nouns})\b")


@lru_cache(maxsize=16)
def purpose_start_regex(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(lex, 'funding', 'purpose_words')})\s")


def purpose_start(ctx: SectionContext) -> re.Pattern[str]:
    return purpose_start_regex(ctx.lex)


_NAME_START = re.compile(rf"(?<![^\s(\"'’«])[{CAPITALS}]")


def is_clause(ctx: SectionContext, start: int, end: int) -> bool:
    """'legde verantwoording af aan de commissaris', 'reports to a steering committee': five words or
    more with no name and no word for money are the sentence going on, not a source."""
    words = ctx.text[start:end].split()
    # A name may start after an elided article or a bracket: "de l'Énergie", '(MEIE)'.
    named = _NAME_START.search(ctx.text, start, end) is not None
    return len(words) >= 5 and not named and source_noun(ctx).search(ctx.folded, start, end) is None


def source_noun(ctx: SectionContext) -> re.Pattern[str]:
    return source_noun_regex(ctx.lex)


def clean_span(ctx: SectionContext, start: int, end: int) -> tuple[int, int] | None:
    """``start``..``end`` without leading qualifiers and determiners ('voor een klein deel uit',
    'occasionally, from') and without the purpose after a source of two words or more ('federal
    transfers for connectivity'; 'fonds pour la transformation' keeps its name)."""
    for _ in range(3):
        lead = qualifier_regex(ctx.lex).match(ctx.folded, start, end)
        if lead is not None:
            start = lead.end()
        # A source never opens with a preposition ('par des mécènes', 'occasionally, from IDB funds').
        again = leading_preposition(ctx.lex).match(ctx.folded, start, end)
        if again is None:
            break
        start = again.end()
    if start >= end:
        return None
    contribution = contribution_of(ctx).match(ctx.folded, start, end)
    if contribution is not None and (ctx.text[contribution.end():contribution.end() + 1].isupper()
                                     or org_head(ctx).match(ctx.folded, contribution.end())):
        start = contribution.end()  # 'une contribution du ministère de X', 'een bijdrage van het Bundesministerium'
    form_line = re.search(r"\n\s*\d", ctx.text[start:end])
    if form_line is not None:
        end = start + form_line.start()  # a form's next numbered question
    purpose = purpose_regex(ctx.lex).search(ctx.folded, start, end)
    if purpose is not None and len(ctx.text[start:purpose.start()].split()) >= 2 and not inside_name(ctx.text, purpose):
        before = ctx.folded[start:purpose.start()].split()
        if not source_noun(ctx).fullmatch(before[-1]):
            end = purpose.start()  # 'fees for training courses' keeps what the fees are for
    clause = clause_after_and(ctx.lex).search(ctx.folded, start, end)
    if clause is not None:
        end = clause.start()  # 'de begroting van het ministerie van Justitie en Veiligheid en bedraagt ...'
    bracket = ctx.text.find(")", start, end)
    if bracket >= 0 and ctx.text[start:bracket].count("(") == 1 and ctx.text[bracket + 1:end].strip():
        end = bracket + 1  # 'Herstel- en veerkrachtfaciliteit (RRF) voor de uitbouw': the name ends at its acronym
    while True:
        while end > start and ctx.text[end - 1] in " ,.;:":
            end -= 1
        # 'le SGAR et', 'uit de gemeentebegroting naartoe': a conjunction or a verb's particle ends no name.
        tail = TAIL_WORD.search(ctx.text, start, end)
        if tail is None or fold_keep(tail.group(1)) not in tail_words(ctx.lex):
            break
        end = tail.start()
    return (start, end) if end > start else None


def shared_complement(ctx: SectionContext, spans: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """'opdrachten van ministeries, gemeenten, provincies en waterschappen': bare nouns after
    'money word + of' complete it; they are one source, not four."""
    if len(spans) < 2:
        return spans
    first_start, first = spans[0]
    head = source_noun(ctx).match(fold_keep(first))
    rest = spans[1:]
    complement = alternation(ctx.lex, "funding", "complement_prepositions")
    if (head is None or not re.match(rf"\s+(?:{complement})\s+\w+$", fold_keep(first)[head.end():])
            or not all(len(item.split()) <= 2 and item.islower() for _, item in rest)):
        return spans
    last_start, last = rest[-1]
    joined = re.sub(r"\s+", " ", ctx.text[first_start:last_start + len(last)])
    return [(first_start, joined)]


@lru_cache(maxsize=16)
def clause_after_and(lex: Lexicon) -> re.Pattern[str]:
    """'and' then a verb (``funding.clause_verbs``): a new clause begins, the source ends before it."""
    ands = alternation(lex, "words", "and_words")
    return re.compile(rf"\s+(?:{ands})\s+(?:{alternation(lex, 'funding', 'clause_verbs')})(?!\w)")


TAIL_WORD = re.compile(r"\s+(\w+)\W*$")


@lru_cache(maxsize=16)
def tail_words(lex: Lexicon) -> frozenset[str]:
    # 'travel fellowship of' (its amount cut off): a preposition ends no name either.
    return (lex.folded("words", "conjunctions") | lex.folded("funding", "trailing_particles")
            | lex.folded("funding", "complement_prepositions") | lex.folded("funding", "source_prepositions"))


@lru_cache(maxsize=16)
def leading_preposition(lex: Lexicon) -> re.Pattern[str]:
    # An elided one runs into its noun: "d'une dotation de l'État".
    return re.compile(rf"(?:{alternation(lex, 'funding', 'source_prepositions')})(?:\s+|(?<=['’]))")


@lru_cache(maxsize=16)
def contribution_regex(lex: Lexicon) -> re.Pattern[str]:
    nouns, dets = alternation(lex, "funding", "contribution_nouns"), alternation(lex, "words", "determiners")
    complement, elided = alternation(lex, "funding", "complement_prepositions"), alternation(lex, "words", "elided_articles")
    return re.compile(rf"(?:(?:{dets})\s+)?(?:{nouns})\s+(?:{complement})\s*(?:(?:{dets})\s+|{elided})?")


@lru_cache(maxsize=16)
def grant_lead(lex: Lexicon) -> re.Pattern[str]:
    """'subsidie van het ', "subvention de l'", 'grant from the ' opening a source (folded)."""
    nouns, dets = alternation(lex, "funding", "grant_nouns"), alternation(lex, "words", "determiners")
    complement, elided = alternation(lex, "funding", "complement_prepositions"), alternation(lex, "words", "elided_articles")
    return re.compile(rf"(?:{nouns})\s+(?:{complement})\s*(?:(?:{dets})\s+|{elided})?")


def contribution_of(ctx: SectionContext) -> re.Pattern[str]:
    return contribution_regex(ctx.lex)


def org_head(ctx: SectionContext) -> re.Pattern[str]:
    return ctx.lex.regex("governance", "org_heads")


def item_splitter(conj: str, determiners: str) -> re.Pattern[str]:
    # Items split at commas and at 'and the' / 'en de' / "et l'" (not inside 'Affairs and Communications').
    return re.compile(rf"[,;]|\s(?:{conj})\s+(?=(?:{determiners})\s|[ld]['’]\w)", re.IGNORECASE)


def item_splitter_for(ctx: SectionContext) -> re.Pattern[str]:
    conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
    determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
    return item_splitter(conj, determiners)


@dataclass(frozen=True)
class Chunk:
    text: str
    start: int


# 'Métropole de Lyon (90 %)', 'subsidie gemeente (circa 30%)': a share in brackets, a qualifier before it.
SHARE = re.compile(r"\s*\(\s*(?:[^\W\d][\w.]{0,12}\s*|[±~≈]\s*)?\d+(?:[.,]\d+)?\s*%\s*\)")
MAX_COMMA_ITEM_WORDS = 6


@lru_cache(maxsize=1)
def _budget_phrase() -> re.Pattern[str]:
    """'het jaarlijkse budget', 'an annual budget', 'une enveloppe': a determiner, an
    adjective and a budget noun (funding.budget_determiners, budget_adjectives, budget_nouns)."""
    lex = lexicon(None)
    dets, nouns = (alternation_of(lex.words("funding", key)) for key in ("budget_determiners", "budget_nouns"))
    adjectives = pattern_alternation(p.pattern for p in lex.patterns("funding", "budget_adjectives"))
    return re.compile(rf"(?:{dets})?\s*(?:{adjectives})?\s*(?:{nouns})\b")


def split_commas(chunk: str) -> list[str]:
    """'Métropole de Lyon (90 %), Banque des Territoires (10 %)': short capitalised names between
    commas (outside brackets) are separate sources; anything else stays one item."""
    parts, depth, current = [], 0, ""
    for char in chunk:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    parts = [p.strip() for p in parts]
    if len(parts) > 1 and all(p[:1].isupper() and len(p.split()) <= MAX_COMMA_ITEM_WORDS for p in parts):
        return parts
    # 'Income: ticket sales, ski passes, restaurants on the summit': short phrases without a capital
    # (so no name of a funder whose commas these could be) are the list's items too; not when the
    # first one's complement runs on into the list ('émoluments pour étalonnages, essais et ...').
    if len(parts) > 1 and not set(fold_keep(parts[0]).split()) & _list_links() and all(
            p and p == p.lower() and not any(c.isdigit() for c in p) and len(p.split()) <= MAX_COMMA_ITEM_WORDS
            for p in parts):
        return parts
    # 'subvention du Land de Berlin (≈ 60 %), entrées et abonnements, cours de natation': phrases in
    # lower case whose capitals are the name a complement ends on. A name closes that complement, so
    # what follows the comma is a new source, unless it opens with a preposition ('..., de la Région');
    # nor when the first opens with one of time ('in the long term, fees on the firms it licenses').
    bare = [_unbracketed(p) for p in parts]
    if len(parts) > 1 and all(p[:1].islower() and not any(c.isdigit() for c in b) and len(b.split()) <= MAX_ITEM_WORDS
                              for p, b in zip(parts, bare)) \
            and not any(fold_keep(p).split()[0] in _list_links() for p in parts[1:]) \
            and fold_keep(parts[0]).split()[0] not in _time_prepositions() and _complement_closed(bare[0]):
        return parts
    return [chunk]


def _unbracketed(part: str) -> str:
    """``part`` without what it says in brackets ('(≈ 60 %)')."""
    return re.sub(r"\([^()]*\)", " ", part)


def _complement_closed(first: str) -> bool:
    """Whether the first item's last complement, if it has one, is a name ('du Land de Berlin') or
    opens with a determiner, which no later item can go on ('émoluments pour étalonnages, essais et
    ...' goes on)."""
    words = first.split()
    links = [i for i, w in enumerate(words) if fold_keep(w) in _complement_links()]
    # 'approved by the regulator, connection fees': a complement with its determiner is not shared
    # by the bare nouns after it.
    return not links or links[-1] + 1 >= len(words) or words[links[-1] + 1][:1].isupper() \
        or fold_keep(words[links[-1] + 1]) in lexicon(None).folded("words", "determiners")


@cache
def _time_prepositions() -> frozenset[str]:
    """'in the long term, fees on ...': a time adverbial opening the list is no source (governance.time_prepositions)."""
    return lexicon(None).folded("governance", "time_prepositions")


@cache
def _complement_links() -> frozenset[str]:
    """The prepositions and purpose words of ``_list_links``, without the connectors ('and', 'et')."""
    lex = lexicon(None)
    return (lex.folded("funding", "purpose_words") | lex.folded("funding", "source_prepositions")
            | lex.folded("funding", "complement_prepositions"))


@cache
def _list_links() -> frozenset[str]:
    """Words that carry a list item's complement on into the items after it ('pour', 'of', 'uit')."""
    lex = lexicon(None)
    return (lex.folded("labs", "connectors") | lex.folded("funding", "purpose_words")
            | lex.folded("funding", "source_prepositions") | lex.folded("funding", "complement_prepositions"))


MAX_WRAPPED_ITEM_WORDS = 15
"""A labelled source whose next line goes on in lower case may run this long (its purpose is cut later)."""


def first_item_lines(part: str) -> str:
    """A label's list item runs over a line break ('Business\nFinland project grants') but not
    into the paragraph after it ('deelnemende gemeenten\nVoor 2025 wil ...')."""
    part = re.split(r"(?<=[a-z\)])\.\s+(?=[A-Z])", part.strip(), maxsplit=1)[0]
    kept: list[str] = []
    for line in part.splitlines():
        words = len(" ".join(kept + [line]).split())
        # A line in lower case goes on with the phrase ('dons' / 'collectés par le Bleuet de France pour ...').
        if kept and words > MAX_ITEM_WORDS and not (line.lstrip()[:1].islower() and words <= MAX_WRAPPED_ITEM_WORDS):
            break
        kept.append(line)
    return "\n".join(kept)


def _negated_adjective(toks: list[Token], at: int, lex: Lexicon) -> bool:
    """"l'assurance-accidents non professionnels": a negation (``words.adjective_negations``) glued to
    the adjective after it (a word in lower case, no article, no preposition) qualifies the noun; it
    names nothing that does not pay."""
    if at + 1 >= len(toks) or fold_keep(toks[at].text) not in lex.folded("words", "adjective_negations"):
        return False
    nxt = toks[at + 1]
    closed = lex.folded("words", "determiners") | lex.folded("words", "articles") | lex.folded("funding", "source_prepositions")
    return nxt.is_word and nxt.text[:1].islower() and fold_keep(nxt.text) not in closed and len(nxt.text) > 3


def noun_phrase(ctx: SectionContext, start: int) -> tuple[int, int] | None:
    """The noun phrase after a trigger: up to punctuation, a relative pronoun, or a conjunction
    that opens a new clause ('draait op belastinggeld en wordt bestuurd door ...')."""
    lex = ctx.lex
    determiners = lex.folded("words", "determiners")
    conjunctions = lex.folded("words", "conjunctions")
    verbs = lex.folded("words", "clause_verbs")
    relatives = lex.folded("words", "relatives")
    participles = lex.folded("funding", "reduced_relatives")
    printed_verbs = {w.lower() for w in lex.words("words", "clause_verbs")}
    toks = tokens(ctx.text, start, min(len(ctx.text), start + 300))
    i = 0
    while i < len(toks) and fold_keep(toks[i].text) in determiners and not toks[i].text[:1].isupper():
        i += 1  # 'gefinancierd door de Vlaamse overheid' -> 'Vlaamse overheid'
    if i >= len(toks) or not toks[i].is_word:
        return None
    first = i
    last = None
    j = i
    while j < len(toks) and j - first < MAX_PHRASE_TOKENS:
        tok = toks[j]
        folded = fold_keep(tok.text)
        if tok.text in STOP_PUNCT or (not tok.is_word and tok.text not in "&-'’"):
            break
        # Not a word whose accent makes it another ('à' folds to the verb 'a': 'un fonds alimenté à parts égales').
        verb = folded in verbs and (tok.text.lower() in printed_verbs or tok.text.lower() == folded)
        if j > first and folded in relatives and (paid := _paying_clause_end(toks, j, lex)) is not None:
            last = paid  # 'la huur die ministeries en andere rijksdiensten ... betalen': what the money is
            break
        if j > first and (folded in relatives or verb or folded in lex.folded("funding", "sequence_words")):
            break  # 'le PIA puis par le Fonds ...': a second source
        if j > first + 1 and folded in participles and not tok.text[:1].isupper() \
                and fold_keep(toks[j - 1].text) not in determiners:  # not 'according to an agreed formula
            break  # 'a government appropriation set each year in ...': how the source is fixed
        if j > first and tok.text[:1].islower() and lex.regex("funding", "contrast_words").match(ctx.folded, tok.start) \
                and not _negated_adjective(toks, j, lex):
            break  # 'card fees rather than the federal budget': what does not pay
        if j > first and tok.text[:1].islower() and supplement_regex(lex).match(ctx.folded, tok.start):
            break  # 'een bijdrage van het Rijk plus eigen inkomsten': a second source
        if folded in conjunctions and j + 1 < len(toks):
            nxt = toks[j + 1]
            nxt_folded = fold_keep(nxt.text)
            # 'partenaires techniques et financiers,': one word that closes the phrase is coordinated
            # with the one before, not a new clause ('... en wordt bestuurd door').
            closing = j + 2 >= len(toks) or toks[j + 2].text in STOP_PUNCT
            # 'aux hôpitaux et aux cliniques': the preposition said again continues the same complement.
            repeated = nxt_folded in lex.folded("funding", "repeated_prepositions") and any(
                fold_keep(t.text) == nxt_folded for t in toks[first:j])
            # 'recettes de billetterie et de fret': the complement's preposition again, no money of its own.
            repeated = repeated or coordinated_complement(
                ctx, ctx.text[toks[first].start:toks[j - 1].end], ctx.text[nxt.start:_conjunct_end(ctx, toks, j + 1)])
            if not (nxt.is_capitalised or nxt.text[:1].isdigit() or nxt_folded in determiners or closing
                    or repeated) or nxt_folded in verbs:
                break
        last = j
        j += 1
    if last is None:
        return None
    while last > first and fold_keep(toks[last].text) in conjunctions | determiners:
        last -= 1
    return toks[first].start, toks[last].end


def coordinated_complement(ctx: SectionContext, before: str, after: str) -> bool:
    """'recettes de billetterie et de fret', 'indemnités des cantons et de la Confédération': after
    a conjunction, ``after`` opens with a form of the preposition that ``before`` (a source opening
    on a noun for money) puts its complement after (``funding.preposition_forms``); it goes on with
    that complement unless it names money of its own ('... et des cotisations des membres') or
    follows a name with a plain noun ('subventions du MeitY et des projets qu'elle conduit').
    ``after`` runs to the conjunct's end."""
    lex = ctx.lex
    words = before.split()
    determiners = lex.folded("words", "determiners")
    while words and fold_keep(words[0]) in determiners:
        words = words[1:]
    rest = after.split()
    if len(words) < 3 or not rest or not source_noun(ctx).fullmatch(fold_keep(words[0])):
        return False
    said = fold_keep(rest[0])
    group = next((g.split() for g in lex.words("funding", "preposition_forms") if said in g.split()), None)
    if group is None:
        return _bare_noun_goes_on(ctx, words, rest)
    at = next((k for k in range(len(words) - 2, 0, -1) if fold_keep(words[k]) in group), None)  # the nearest
    if at is None or source_noun(ctx).search(fold_keep(after)) is not None:
        return False
    return not (_object_word(words[at + 1:], lex)[:1].isupper() and not _object_word(rest[1:], lex)[:1].isupper())


MAX_BARE_CONJUNCT = 3


def _bare_noun_goes_on(ctx: SectionContext, words: list[str], rest: list[str]) -> bool:
    """'sales of beer and mineral water': a short lower-case noun after the conjunction, with no
    article and no money of its own, is a second object of the complement before it (a preposition
    after the source noun, its object in lower case), not a source of its own."""
    lex = ctx.lex
    bare = [w.strip(".,;:") for w in rest]
    if not bare or len(bare) > MAX_BARE_CONJUNCT or not all(w.isalpha() and w.islower() for w in bare):
        return False
    if fold_keep(bare[0]) in lex.folded("words", "articles") | lex.folded("words", "determiners"):
        return False
    if source_noun(ctx).search(fold_keep(" ".join(bare))) is not None:
        return False
    prepositions = lex.folded("funding", "complement_prepositions")
    object_word = _object_word(words[2:], lex) if fold_keep(words[1]) in prepositions else ""
    return bool(object_word) and object_word.islower()


def _object_word(words: list[str], lex: Lexicon) -> str:
    """The first word after a preposition that is not an article ("de la Confédération", "de l'État")."""
    articles = lex.folded("words", "articles") | lex.folded("words", "determiners")
    for word in words:
        bare = re.sub(r"^[dl]['’]", "", word, flags=re.IGNORECASE)
        if bare and fold_keep(bare) not in articles:
            return bare
    return ""


def _conjunct_end(ctx: SectionContext, toks: list[Token], start: int) -> int:
    """Where the conjunct from token ``start`` ends: at punctuation or the next conjunction."""
    conjunctions = ctx.lex.folded("words", "conjunctions")
    end = start
    while end < len(toks) and toks[end].text not in STOP_PUNCT and fold_keep(toks[end].text) not in conjunctions:
        end += 1
    return toks[end - 1].end if end > start else toks[min(start, len(toks) - 1)].end


MAX_PAYING_CLAUSE_TOKENS = 16


def _paying_clause_end(toks: list[Token], relative: int, lex: Lexicon) -> int | None:
    """The last word of an object relative clause at ``relative`` whose verb pays ('contributions that
    clients pay towards their case', 'loyers que lui versent les locataires de ses immeubles'), up to
    its punctuation; None for any other clause, or one whose subject is the relative ('companies that
    pay ...' name the payers)."""
    paying = lex.folded("funding", "paying_relatives")
    purposes = lex.folded("funding", "purpose_words")
    if relative + 1 >= len(toks) or fold_keep(toks[relative + 1].text) in paying:
        return None
    end, paid = None, False
    for k in range(relative + 1, min(len(toks), relative + 1 + MAX_PAYING_CLAUSE_TOKENS)):
        tok = toks[k]
        if tok.text in STOP_PUNCT or not (tok.is_word or tok.is_elision or tok.text in "&-'’"):
            break
        if paid and fold_keep(tok.text) in purposes:
            break  # 'taksen die gebruikers betalen voor depots, vernieuwingen, ...': what they pay for
        paid = paid or fold_keep(tok.text) in paying
        end = k
    return end if paid else None


_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)?\s*$")
_ACRONYM = re.compile(rf"[{CAPITALS}][{CAPITALS}0-9&+]+")


def item_words(item: str) -> int:
    """How many words a source has, a trailing bracket not counted ('... et de l'Énergie (MEIE)')."""
    return len(_TRAILING_BRACKET.sub("", item).split())


def without_qualifying_bracket(item: str) -> str:
    """'Budget de la CNIL (programme 308)', 'federale begroting (via de FOD Economie)', 'PCO reference
    levels (main source)': a bracket after a source qualifies it and is no part of its name. It stays
    when it names the source another way, as a name does: its acronym ('national budget (APBN)'),
    its programme ('Europese projectmiddelen (Interreg)'), its name in another language ('nationale
    begroting (Presupuesto General de la Nación)'), or what an acronym stands for ('APBD (regional
    budget)')."""
    found = _TRAILING_BRACKET.search(item)
    if found is None or found.start() == 0:
        return item
    inside, before = found.group(1).strip(), item[:found.start()].split()
    if not inside or not before:
        return item
    if re.search(r"\d", inside):
        return item[:found.start()].rstrip(" ,;:")  # 'Head 50', 'programme 308', '2/3'
    names_it = _ACRONYM.fullmatch(before[-1]) is not None or inside[:1].isupper()
    return item if names_it else item[:found.start()].rstrip(" ,;:")


@lru_cache(maxsize=32)
def conjunction_after(lex: Lexicon, *, hyphen: bool) -> re.Pattern[str]:
    """A bare 'and' / 'en' / 'et' after a phrase: after a comma ('X, and Y'), or, with ``hyphen``,
    after a hyphenated first half ('licentie- en dienstverleningsvergoedingen')."""
    conj = alternation_of(lex.words("words", "conjunctions"), folded=False)
    lead = r"-?\s+" if hyphen else r"\s*,?\s*"
    return re.compile(rf"{lead}(?i:{conj})\s+")


@lru_cache(maxsize=16)
def conjunction_before(lex: Lexicon) -> re.Pattern[str]:
    """A conjunction (with its comma and spaces) ending a phrase, and the words of the clause it
    opens up to the next trigger ('... from X and earns the rest of its income from'): cut off."""
    conj = alternation_of(lex.words("words", "conjunctions"), folded=False)
    return re.compile(rf"\s*,?\s*(?i:{conj})(?:\s+\S+)?\s*$")


def shared_head_end(ctx: SectionContext, start: int, end: int) -> int:
    """'filing and search fees', "the Royal Government's recurrent and capital budget",
    'licentie- en dienstverleningsvergoedingen': words with no noun for money before 'and' share
    the next phrase's noun; the source runs to its end."""
    if source_noun(ctx).search(ctx.folded, start, end) is not None or len(ctx.text[start:end].split()) > 3:
        return end
    joined = conjunction_after(ctx.lex, hyphen=True).match(ctx.text, end)
    if joined is None or leading_preposition(ctx.lex).match(ctx.folded, joined.end()):
        return end  # "the Department's baseline and from contributions by ...": a second source
    span = noun_phrase(ctx, joined.end())
    if span is None or source_noun(ctx).search(ctx.folded, *span) is None:
        return end
    return span[1]


def money_before(ctx: SectionContext, sentence_start: int, trigger: int) -> bool:
    """'Almost all of it comes from the national treasury': the pronoun before the trigger stands
    for money named in the sentence before."""
    before = ctx.folded[sentence_start:trigger].split()
    if not before or before[-1] not in ctx.lex.folded("governance", "subject_pronouns"):
        return False
    previous = ctx.previous_sentence(sentence_start)
    return previous is not None and ctx.lex.regex("funding", "money_words").search(ctx.folded, *previous) is not None
