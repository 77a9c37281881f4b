"""What says a body named outside a governance block runs the lab: a verb of governing before it
('bestuurd door een raad van bestuur') or after it ('een raad van commissarissen houdt toezicht'),
or a legal form it belongs to ('Stichting met een raad van toezicht')."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.extractors.context import SectionContext
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep


def runs_the_lab(ctx: SectionContext, start: int, end: int, last_end: int) -> bool:
    """Does something around the body at ``start``..``end`` say it runs the lab (one of the cues
    below)? ``last_end``: where the last body taken ends, -1 for none."""
    return (governs(ctx, start) or governing(ctx, start, end) or formed_with(ctx, start) or owns(ctx, start)
            or joined_to(ctx, last_end, start) or ours(ctx, start) or had_by_lab(ctx, start)
            or made_up(ctx, start) or sat_on(ctx, start, end) or supreme(ctx, start))


def governs(ctx: SectionContext, start: int) -> bool:
    """'is governed by a board of directors', 'est dirigée par un conseil d'administration': the body
    at ``start`` runs the lab (``governance.governed_by`` then an article, right before it)."""
    return _governed_by(ctx.lex).search(ctx.folded, max(0, start - 60), start) is not None


GOVERNING_VERB_CHARS = 80
ARTICLE_CHARS = 24
"""How far before a body its article (and one adjective) may stand."""


def governing(ctx: SectionContext, start: int, end: int) -> bool:
    """'een raad van commissarissen (van drie tot vijf deskundigen) houdt toezicht op de directie',
    'Een raad van bestuur bepaalt de strategie': a body in lower case an article introduces (not a
    named organisation: 'the Scottish Funding Council oversees ...') is the subject of a verb of governing
    (``governance.governing_verbs``) in its clause."""
    written_as_noun = ctx.text[start:start + 1].islower()  # 'raad van bestuur', not 'Narnian Funding Council'
    # 'A Board governs the authority': one capitalised word that is only a body's noun names no organisation,
    # unless it is the lab's own name's ('Het Comité houdt toezicht' in the Vast Comité van Toezicht's letter).
    word = fold_keep(ctx.text[start:end])
    own = {fold_keep(w) for name in ctx.subject_names for w in name.split()}
    written_as_noun = written_as_noun or (word in ctx.lex.folded("governance", "body_nouns") and word not in own)
    if not written_as_noun or _article_before(ctx.lex).search(ctx.folded, max(0, start - ARTICLE_CHARS), start) is None:
        return False
    clause = re.split(r"[.;:!?\n]\s", ctx.folded[end:end + GOVERNING_VERB_CHARS])[0]
    return _governing_verbs(ctx.lex).search(clause) is not None


@lru_cache(maxsize=8)
def _article_before(lex: Lexicon) -> re.Pattern[str]:
    articles = alternation((*lex.words("words", "articles"), *lex.words("words", "indefinite_articles")))
    # One adjective may stand between: 'un nouveau conseil d'administration, présidé par ...'.
    return re.compile(rf"(?<!\w)(?:{articles})\s+(?:[\w'’-]+\s+)?$")


@lru_cache(maxsize=8)
def _governing_verbs(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'governing_verbs'))})(?!\w)")


def formed_with(ctx: SectionContext, start: int) -> bool:
    """'Stichting met een raad van toezicht', 'vzw met een raad van bestuur': a legal form or a kind
    of organisation, then its body (``governance.formed_with``)."""
    return _formed_with_pattern(ctx.lex).search(ctx.folded, max(0, start - 60), start) is not None


@lru_cache(maxsize=8)
def _formed_with_pattern(lex: Lexicon) -> re.Pattern[str]:
    kinds = alternation((*lex.words("labs", "definition_nouns"), *lex.words("title", "legal_prefixes"),
                         *lex.words("labs", "legal_suffixes")))
    return re.compile(rf"(?<!\w)(?:{kinds})\s+(?:{alternation(lex.words('governance', 'formed_with'))})\s+$")


@lru_cache(maxsize=8)
def _governed_by(lex: Lexicon) -> re.Pattern[str]:
    verbs = alternation(lex.words("governance", "governed_by"))
    articles = alternation(lex.words("words", "articles"))
    return re.compile(rf"(?<!\w)(?:{verbs})\s+(?:(?:{articles})\s+)?(?:[\w'’-]+\s+)?$")


def owns(ctx: SectionContext, start: int) -> bool:
    """'The Catapult has its own board of directors', 'Enova heeft een eigen raad van bestuur', 'il est
    doté d'un conseil d'orientation': the lab's own body (``governance.own_body_verbs`` right before)."""
    if _own_body(ctx.lex).search(ctx.folded, max(0, start - 40), start) is not None:
        return True
    # ... with an adverb between the verb's words: 'le parc dispose en outre d'un conseil scientifique'.
    before = ctx.folded[max(0, start - OWN_VERB_CHARS):start]
    return any(not before[m.end():].strip()
               for m in ctx.lex.relation_matcher("governance", "own_body_verbs").finditer(before))


OWN_VERB_CHARS = 60


def had_by_lab(ctx: SectionContext, start: int) -> bool:
    """'De bank heeft een raad van bestuur', 'The Centre has a Management Board': a body after 'has
    a' whose clause opens on the lab (``governance.has_verbs``)."""
    found = _has_a(ctx.lex).search(ctx.folded, max(0, start - OWN_VERB_CHARS), start)
    return found is not None and ctx.refers_to_lab(ctx.text[found.start(1):found.end(1)])


@lru_cache(maxsize=8)
def _has_a(lex: Lexicon) -> re.Pattern[str]:
    """A clause's subject, 'has' and an indefinite article, right before a body (folded text)."""
    verbs = alternation(lex.words("governance", "has_verbs"))
    articles = alternation(lex.words("words", "indefinite_articles"))
    return re.compile(rf"(?:^|[.;:!?]\s+|\n)([^.;:!?\n]{{1,50}}?)\s+(?:{verbs})\s+(?:{articles})\s+$")


@lru_cache(maxsize=8)
def _own_body(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'own_body_verbs'))})\s*$")


def ours(ctx: SectionContext, start: int) -> bool:
    """'beslist onze raad van bestuur', 'our board of directors': the body of whoever writes, the lab
    in its own letter or report; 'son premier conseil d'administration': the body of the lab the
    text speaks of. Written as a noun after a possessive (and one adjective)."""
    return ctx.text[start:start + 1].islower() and _ours(ctx.lex).search(ctx.folded, max(0, start - 30), start) is not None


@lru_cache(maxsize=8)
def _ours(lex: Lexicon) -> re.Pattern[str]:
    possessives = alternation((*lex.words("words", "first_person_possessives"),
                               *lex.words("words", "third_person_possessives")))
    return re.compile(rf"(?<![\w'’])(?:{possessives})\s+(?:[\w-]+\s+)?$")


def made_up(ctx: SectionContext, start: int) -> bool:
    """'De leden van het comité vormen samen het bestuur', 'its members together form the board': a
    body in lower case that a verb of forming (``governance.form_verbs``) and an article open."""
    return ctx.text[start:start + 1].islower() and _formed(ctx.lex).search(ctx.folded, max(0, start - 40), start) is not None


@lru_cache(maxsize=8)
def _formed(lex: Lexicon) -> re.Pattern[str]:
    articles = alternation(lex.words("words", "articles"))
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'form_verbs'))})\s+(?:{articles})\s+$")


def sat_on(ctx: SectionContext, start: int, end: int) -> bool:
    """'Die stichtende leden hebben vertegenwoordigers in het bestuursorgaan', 'siègent au conseil
    d'administration', 'zijn samen in het bestuur vertegenwoordigd': a body in lower case that people
    sit on (``governance.seat_phrases`` before it, ``governance.seated_after`` after it)."""
    return ctx.text[start:start + 1].islower() and (
        _seated(ctx.lex).search(ctx.folded, max(0, start - 40), start) is not None
        or _seated_after(ctx.lex).match(ctx.folded, end) is not None)


@lru_cache(maxsize=8)
def _seated_after(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(lex.words('governance', 'seated_after'))})(?!\w)")


@lru_cache(maxsize=8)
def _seated(lex: Lexicon) -> re.Pattern[str]:
    from extract.segment.name_affixes import article_before_name

    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'seat_phrases'))})\s+(?:{article_before_name(lex)})?$")


def supreme(ctx: SectionContext, start: int) -> bool:
    """"L'organe suprême de la fondation est le conseil de fondation", 'the highest body is the Council':
    the body a copula names as the highest (``governance.supreme_phrases``)."""
    return _supreme(ctx.lex).search(ctx.folded, max(0, start - SUPREME_CHARS), start) is not None


SUPREME_CHARS = 80


@lru_cache(maxsize=8)
def _supreme(lex: Lexicon) -> re.Pattern[str]:
    articles = alternation(lex.words("words", "articles"))
    copulas = alternation(lex.words("governance", "copulas"))
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'supreme_phrases'))})(?:\s+[\w'’-]+){{0,4}}?"
                      rf"\s+(?:{copulas})\s+(?:(?:{articles})\s+)?$")


def joined_to(ctx: SectionContext, last_end: int, start: int) -> bool:
    """'governed by a general assembly and a board of directors', 'een algemene vergadering en een raad
    van bestuur': a body joined by 'and' and an article to the body just taken is taken with it."""
    if last_end < 0 or start <= last_end or not ctx.text[start:start + 1].islower():
        return False  # written as a noun ('a board of directors'), not a name ('le Conseil d'analyse ...')
    return _and_article(ctx.lex).fullmatch(ctx.folded, last_end, start) is not None


@lru_cache(maxsize=8)
def _and_article(lex: Lexicon) -> re.Pattern[str]:
    ands = alternation(lex.words("words", "and_words"))
    articles = alternation((*lex.words("words", "articles"), *lex.words("words", "indefinite_articles")))
    # "et d'un conseil ...": the elided preposition, then the article.
    # 'in het bestuursorgaan en in de algemene vergadering': the preposition may be said again.
    return re.compile(rf"\s*,?\s+(?:{ands})\s+(?:[{LOWERCASE}]{{2,3}}\s+)?(?:(?:{articles})\s+|[ld]['’](?:(?:{articles})\s+)?)?")
