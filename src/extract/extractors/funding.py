"""Funding sources: who or what pays for the lab, as printed ('12 overheidsdepartementen',
'belastinggeld', 'Recovery and Resilience Plans')."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from extract.extractors.context import SectionContext
from extract.extractors.funding_amounts import sources_beside_amounts, sources_in_tables
from extract.extractors.funding_phrases import (
    AMOUNT_TO_SOURCE_CHARS,
    CLAUSE_BREAK,
    MAX_COMMA_ITEM_WORDS,
    MAX_ITEM_WORDS,
    MONEY_SIGN,
    SHARE,
    SOURCE_END,
    Chunk,
    clean_span,
    conjunction_after,
    conjunction_before,
    continuation,
    coordinated_complement,
    first_item_lines,
    grant_lead,
    inside_name,
    is_bare_budget,
    is_clause,
    item_splitter,
    item_splitter_for,
    item_words,
    leading_preposition,
    money_before,
    money_received_regex,
    negated_receipt,
    noun_phrase,
    purpose_regex,
    purpose_start,
    qualifier_regex,
    received_source_start,
    rest_from,
    rest_is_regex,
    rest_lead_regex,
    share_marker,
    shared_complement,
    shared_head_end,
    source_noun,
    split_commas,
    supplement_regex,
    supplement_start,
    without_qualifying_bracket,
)
from extract.extractors.parents import without_place_after
from extract.extractors.portfolio_names import mask_portfolio_commas, portfolio_list_end
from extract.models import Candidate, Section
from extract.normalize.rule_data import alternation, pattern_alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep
from extract.rules.vocab import match_label

NAME = "funding"
VERSION = "37"

_BRACKET_COMMA = "\u2063"  # invisible separator: a comma held inside brackets while a list is split
_HELD_SPACE = "\u2064"  # invisible plus: the space before a portfolio list's 'and', not split there
_BULLET_SPLIT = re.compile(r"\s*(?:;|\s\+\s|\n\s*[•\-–*]\s*)\s*")  # 'subsidie OCW + eigen inkomsten' too
_EXPLAINED = re.compile(rf"(?<=\w)\s+:\s+|(?<=\w):\s+(?=[{LOWERCASE}])")


class Trigger(NamedTuple):
    """A phrase saying where money comes from, in the folded text; its source is read from ``source``."""

    start: int
    end: int
    text: str
    source: int
    names_money: bool = False
    """The phrase holds a word for money itself ('tire ses ressources de'): never a weak one."""


def _about_other_things(ctx: SectionContext, at: int, others: re.Pattern[str]) -> bool:
    """'Those are handled by the colleges themselves and funded through the Scottish Funding
    Council': the sentence of the trigger at ``at`` opens on plural things (``funding.other_subjects``),
    not the lab."""
    s0, _ = ctx.sentence_span(at)
    return others.match(ctx.folded[s0:at].lstrip()) is not None


def _bare_nouns_listed(lex: Lexicon, text: str) -> bool:
    """Does each comma of ``text`` list a bare noun ('concerten, beurzen en congressen'), not a new
    phrase opened by a determiner, a preposition or a conjunction ('..., la province', 'et, pour une part')?"""
    closed = lex.folded("words", "determiners") | lex.folded("funding", "source_prepositions") \
        | lex.folded("words", "conjunctions") | lex.folded("funding", "purpose_words")
    # ... and the list ends on a conjunction: 'budget and, occasionally,' lists nothing.
    last = text[text.rindex(",") + 1:].split() if "," in text else []
    return bool(set(last) & lex.folded("words", "conjunctions")) and all(
        (after := text[comma.end():].split()[:1]) and after[0].isalpha() and after[0] not in closed
        for comma in re.finditer(",", text))


@lru_cache(maxsize=8)
def _enumerating_noun(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{alternation(lex.words('funding', 'enumerating_nouns'))})$")


@lru_cache(maxsize=8)
def _list_joints(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An announced list's joints (folded text): a conjunction opening a piece (', and rents'); one
    inside it ('hotels and rents'); one before a determiner ('le mécénat et les locations') — like
    ``item_splitter``'s, without its commas and elided articles."""
    conj = "|".join(map(re.escape, lex.folded("words", "conjunctions")))
    dets = "|".join(map(re.escape, lex.folded("words", "determiners")))
    return (re.compile(rf"\s*(?:{conj})\s+"), re.compile(rf"\s(?:{conj})\s"),
            re.compile(rf"\s(?:{conj})\s+(?=(?:{dets})\s)"))


_LIST_OPENER = re.compile(r"\s*(?::|[–—]|\s-)\s+")
_LIST_CLOSER = re.compile(r"\s(?:[–—]|-)\s")
_LIST_PIECE = re.compile(r"[^,;]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=8)
def _money_compound(lex: Lexicon) -> re.Pattern[str]:
    """A word for money, alone or ending a compound: 'De programmamiddelen komen van de Europese Commissie'."""
    return re.compile(rf"(?<![\w'’])\w*(?:{alternation(lex.words('funding', 'money_words'))})(?![\w'’])")


NEGATION_WORDS = 2
"""A negation this many words before a funding verb denies it: 'were not funded from award money'."""


def _negated(ctx: SectionContext, at: int) -> bool:
    """'The anniversary events were not funded from award money': says what does not pay (not 'is
    not only funded by', which adds)."""
    before = ctx.folded[max(0, at - 40):at].split()[-NEGATION_WORDS:]
    negations = ctx.lex.folded("words", "negations")
    hits = [k for k, word in enumerate(before) if word.strip(",") in negations]
    restrictive = ctx.lex.folded("words", "restrictive_adverbs")
    return bool(hits) and not any(w in restrictive for w in before[hits[-1] + 1:])


def _paid_out(ctx: SectionContext, at: int) -> bool:
    """'the grants we pay to schools come from the Erasmus+ budget': the clause of the trigger at
    ``at`` is about money the lab pays out (``funding.payout_clauses``), not where its own comes from."""
    s0, _ = ctx.sentence_span(at)
    clause = max(s0, ctx.folded.rfind(";", s0, at) + 1)
    return ctx.lex.regex("funding", "payout_clauses").search(ctx.folded, clause, at) is not None


def _row_break(ctx: SectionContext, start: int, end: int) -> int:
    """Where a source running over a line break stops at the next key-facts row: 'funded / from the
    ITE&C Department's grants' over 'Governance no board of its own' (a capitalised field label
    opens the line), or a key-value table's next row ('Also runs<TAB>EducationUSA ...')."""
    text = ctx.text
    row = next((r for r in ctx.row_starts if start < r <= end), None)
    end = row - 1 if row is not None else end  # the line break before the row
    for br in re.finditer(r"\n", text[start:end]):
        first = re.match(rf"[{CAPITALS}][\w-]*", text[start + br.end():end])
        if first is not None and (found := match_label(f"{first.group()}: x")) is not None \
                and fold_keep(found.label) == fold_keep(first.group()):
            return start + br.start()
    return end


def _outside_brackets(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """``pattern``'s matches in ``text`` replaced, those inside brackets left as they are."""
    def replace(m: re.Match[str]) -> str:
        before = text[:m.start()]
        return m.group(0) if before.count("(") > before.count(")") else replacement

    return pattern.sub(replace, text)


def _unbracketed(candidate: Candidate) -> Candidate:
    value = candidate.value
    if not isinstance(value, str) or not value.endswith(")"):
        return candidate
    kept = without_qualifying_bracket(value)
    return candidate if kept == value else candidate.model_copy(update={"value": kept})


def _without_lead(item: str, ctx: SectionContext) -> str:
    """A labelled source without its qualifier and preposition ('volledig uit de taksen' -> 'taksen');
    none at all when it opens with a negation ('geen bijdragen van de lidstaten')."""
    folded = fold_keep(item)
    if (first := folded.split()[:1]) and first[0] in ctx.lex.folded("words", "negations"):
        return ""
    start = 0
    for _ in range(2):  # as ``clean_span`` reads a written source's lead
        lead = qualifier_regex(ctx.lex).match(folded, start)
        start = lead.end() if lead is not None and lead.end() < len(folded) else start
        again = leading_preposition(ctx.lex).match(folded, start)
        if again is None or again.end() >= len(folded):
            break
        start = again.end()
    rest = item[start:].lstrip()
    determiners = ctx.lex.folded("words", "determiners")
    words = rest.split()
    if start and words and fold_keep(words[0]) in determiners and len(words) > 1:
        rest = rest[len(words[0]):].lstrip()  # 'uit de taksen': the article after the preposition
    return rest


def _is_weak(trigger: str, weak_phrases: set[tuple[str, ...]]) -> bool:
    """Whether ``trigger`` is one of ``weak_phrases``, maybe with an adverb in a gap ('comes mainly
    from' is the weak 'comes from')."""
    words = trigger.split()
    return any(words[0] == p[0] and words[-1] == p[-1] and all(w in words for w in p) for p in weak_phrases)


@lru_cache(maxsize=8)
def _leading_determiner(lex: Lexicon) -> re.Pattern[str]:
    """'the regional budget' -> 'regional budget', "l'État" -> 'État': a source's determiner (articles included)."""
    determiners = alternation(lex.words("words", "determiners"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return re.compile(rf"(?i:(?:{determiners})\s+(?=\w)|(?:{elided})(?=\w))")


def _copula_then_no_noun(ctx: SectionContext, m: Trigger) -> bool:
    """A trigger ending on a copula ('Most of the money is') names a source only when a determiner
    opens a noun phrase after it ('is a grant from the ministry'), not a participle or an adjective."""
    words = m.text.split()
    if not words or words[-1] not in ctx.lex.folded("governance", "copulas"):
        return False
    after = _NEXT_WORD.match(ctx.folded, m.source)  # not a copy of the rest of the text per trigger
    determiners = ctx.lex.folded("words", "determiners") | ctx.lex.folded("words", "articles")
    return after is None or after.group(1) not in determiners


@lru_cache(maxsize=8)
def _participle_clause(lex: Lexicon) -> re.Pattern[str]:
    """A participle clause after a source, up to the comma that ends it (folded text)."""
    return re.compile(rf"\s+(?:{alternation(lex.words('funding', 'reduced_relatives'))})\s[^,;.:]{{0,80}}?(?=\s*(?:\([^()]*\)\s*)?,)")


@lru_cache(maxsize=8)
def _money_word(lex: Lexicon) -> re.Pattern[str]:
    """A word for money on its own (folded text): what a pronoun subject ('Die komen uit ...') may stand for."""
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('funding', 'money_words'), any_space=False)})(?!\w)")


@lru_cache(maxsize=8)
def _auxiliary_words(lex: Lexicon) -> frozenset[str]:
    """The words of the passive's auxiliaries, singular and plural ('sont', 'worden', 'are'), folded."""
    return frozenset(word for key in (("founded", "passive_auxiliaries"), ("governance", "plural_auxiliaries"))
                     for phrase in lex.folded(*key) for word in phrase.split())


@lru_cache(maxsize=8)
def _place_aside(lex: Lexicon) -> re.Pattern[str]:
    """A comma and a preposition of place: 'verkoop van zijn wijn aan handel en horeca, in Oostenrijk
    en in het buitenland': where the source is earned, set off inside it (folded text)."""
    return re.compile(rf",\s*(?:{alternation(lex.words('governance', 'place_prepositions'))})\s+[^,]*?(?=,|$)")


@lru_cache(maxsize=16)
def _said_again(lex: Lexicon, forms: tuple[str, ...]) -> re.Pattern[str]:
    """A list's next item opening with one of the preposition's ``forms`` (folded text): ', on', 'and on', ', et de'."""
    ands = alternation(lex.words("words", "and_words"))
    said = alternation(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:,\s*(?:(?:{ands})\s+)?|\s+(?:{ands})\s+)(?:{said})(?:\s+|(?<=['’]))")


@lru_cache(maxsize=8)
def _participle_after(lex: Lexicon) -> re.Pattern[str]:
    """A participle after a source's first word, opening what fixes it ('set each year', 'prélevée sur')."""
    return re.compile(rf",?\s+(?:{alternation(lex.words('funding', 'reduced_relatives'))})(?!\w)")


@lru_cache(maxsize=8)
def _set_off_relative(lex: Lexicon) -> re.Pattern[str]:
    """A relative clause after a comma: it comments on the source, which ends before it (folded text)."""
    return re.compile(rf",\s+(?:{alternation(lex.words('words', 'relatives'))})(?!\w)")


_SITE_BRACKET = re.compile(r"\s*\((?:https?://|www\.)[^()]*\)")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_BRACKET_NOTE = re.compile(r"[ \t]*\([^()\n]{1,40}\)(?=\s*,)")
"""A short bracket before a comma after a source: its gloss ('(regleringsbrev)')."""
_COLON_THEN_BULLETS = re.compile(r"[ \t]*:[ \t]*\n(?=[ \t]*[•▪*\-–][ \t])")
# A bullet's line and the lines it wraps onto (in lower case), up to the next line.
_BULLET_ITEM = re.compile(rf"[ \t]*[•▪*\-–][ \t]+(?P<item>[^\n]+(?:\n(?![ \t]*[•▪*\-–][ \t])[{LOWERCASE}][^\n]*)*)\n?")
_DASHED_ASIDE = re.compile(r"\s[–—]\s")
"""A dash set off by spaces: what follows comments on the source before it."""
MAX_LISTED_ITEM_WORDS = 2 * MAX_ITEM_WORDS
"""A source a repeated preposition bounds may run longer: its relative clause stays ('bijdragen die ... betalen')."""
_DASHED_PAIR = re.compile(r"\s[–—]\s[^–—]*$|\s[–—]\s[^–—]*\s[–—]\s")
_DASHED_EXPLANATION = re.compile(rf"\s[–—]\s+[{LOWERCASE}][^;•]*")
"""Such a dash before a word in lower case, to the next item: what the source pays for or is made of."""


class FundingExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        out = self._label(ctx)
        out += self._after_trigger(ctx)
        out += self._after_amount(ctx)
        out += self._subject_funds_lab(ctx)
        out += self._resources_line(ctx)
        out += [ctx.candidate("funding_sources", re.sub(r"\s+", " ", ctx.text[s.start:s.end]), s.start, s.end,
                              family=NAME, version=VERSION, prior="anchored",
                              distance=ctx.token_distance(s.anchor, s.start), ner=("ORG",))
                for s in [*sources_beside_amounts(ctx), *sources_in_tables(ctx)]]
        pronouns = ctx.lex.folded("funding", "object_pronouns")
        # 'financés par lui': a pronoun names no funder; 'lives from those fees', 'lives from what
        # departments pay it' point to money named elsewhere, they name none.
        no_source = ctx.lex.regex("funding", "no_source_openers")
        return [_unbracketed(c) for c in out if not (isinstance(c.value, str) and (
            fold_keep(c.value) in pronouns or no_source.match(fold_keep(c.value))))]

    def _label(self, ctx: SectionContext) -> list[Candidate]:
        block = ctx.block("funding")
        if block is None:
            return []
        out = []
        value = ctx.text[block.value_start:block.end]
        offset = block.value_start
        unknown = ctx.lex.regex("budget", "unknown")
        negations = ctx.lex.folded("words", "negations")
        triggers = ctx.lex.regex("funding", "after")
        if triggers.search(fold_keep(value)):
            return []  # 'Financement : financé par la Région' is read by the trigger rule
        from extract.normalize import find_money

        if find_money(value, ctx.lang) and ctx.lex.regex("funding", "after_amount").search(fold_keep(value)):
            return []  # 'Funding: ~€700k per year from the ministry' is read after the amount
        # 'contracts – fisheries science for ... and the ..., logistics for ...': a source, then what it pays for.
        value = _DASHED_EXPLANATION.sub("", value)
        conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        # 'X and the national budget': two sources (not 'Recovery and Resilience Plans').
        elided = alternation(ctx.lex.words("words", "elided_articles"), folded=False, any_space=False)
        value = _outside_brackets(re.compile(rf"\s(?:{conj})\s+(?:(?:{determiners})\s+|(?=(?:{elided})\w))", re.IGNORECASE),
                                  "; ", value)  # not 'taxe affectée (droit annuel de francisation et de navigation)'
        # 'KNAW en NWO': two acronyms are two funders.
        value = re.sub(rf"(?<![\w-])([A-Z][A-Z0-9&]{{1,9}})\s+(?:{conj})\s+(?=[A-Z][A-Z0-9&]{{1,9}}(?![\w-]))", r"\1; ", value)
        # 'Rijksbijdrage plus opdrachten', 'subsidie van OCW, aangevuld met eigen inkomsten': two sources.
        supplements = alternation(ctx.lex.words("funding", "supplements"), folded=False)
        value = re.sub(rf",?\s+(?:{supplements})\s+(?=[^\W\d])", "; ", value, flags=re.IGNORECASE)  # not 'FSE plus (FSE+)'
        # 'recettes propres : loyers des espaces, prestations': a source, then what it is made of.
        chunks = [_EXPLAINED.split(chunk, maxsplit=1)[0] for chunk in _BULLET_SPLIT.split(value)]
        chunks = [mask_portfolio_commas(chunk, ctx.lex, _BRACKET_COMMA) for chunk in chunks]
        for part in (p.replace(_BRACKET_COMMA, ",") for chunk in chunks for p in split_commas(chunk)):
            part = first_item_lines(part)
            part = SHARE.sub("", part)  # 'Métropole de Lyon (90 %)': the share is not the source
            # OCR specks after the item ('FEDER) ©') are not part of it.
            item = re.sub(r"(?:\s+[^\w\s()’'\-]{1,2})+$", "", re.sub(r"\s+", " ", part)).strip(" .,")
            if (rest := rest_lead_regex(ctx.lex).match(fold_keep(item))) is not None:
                item = item[rest.end():]  # 'the rest from contracts': the contracts
            # 'the regional budget' -> 'regional budget', "l'État" -> 'État'
            item = item[lead.end():] if (lead := _leading_determiner(ctx.lex).match(item)) else item
            item = _without_lead(item, ctx)  # 'volledig uit de taksen van ...': the taxes
            if unknown.match(fold_keep(item)):
                continue  # 'Financement : non communiqué'
            aside = _DASHED_ASIDE.search(item)
            if aside is not None and set(re.findall(r"\w+", fold_keep(item[aside.end():]))) & negations:
                item = item[:aside.start()]  # 'an annual appropriation from X – no fees for investigations'
            if set(re.findall(r"\w+", fold_keep(re.sub(r"\([^()]*\)", " ", item)))) & negations:
                continue  # "l'Office n'en assure pas la gestion": a sentence after the answer, saying what is not
            if not item[:1].isalpha() or MONEY_SIGN.search(re.sub(r"\([^()]*\)", "", item)):
                continue  # '€ 48 mln', 'ruim 800 medewerkers': figures, read by other fields
            if (address := _ADDRESS.match(item)) is not None and not item[address.end():address.end() + 1].strip():
                continue  # 'www.zugspitze.de', the slide's next bullet: the site, read by the website field
            if (how := _participle_after(ctx.lex).search(fold_keep(item))) is not None and how.start() > 0 \
                    and item[how.end():].strip():
                item = item[:how.start()]  # 'network tariffs set by the regulator': how the source is fixed
            if item and len(item.split()) <= 15:
                start = ctx.text.find(part.strip()[:20], offset) if part.strip() else offset
                start = start if start >= 0 else block.value_start
                end = start + len(part.strip())
                # A labelled source drops what it pays for as a written one does ('chargebacks to
                # agencies for pa.gov website services').
                purpose = purpose_regex(ctx.lex).search(fold_keep(item))
                if purpose is not None and len(item[:purpose.start()].split()) >= 2 and not inside_name(item, purpose) \
                        and not source_noun(ctx).fullmatch(fold_keep(item[:purpose.start()].split()[-1])):
                    item = item[:purpose.start()].strip(" ,.;:")
                out.append(ctx.candidate("funding_sources", item, start, end, family=NAME,
                                         version=VERSION, prior="label"))
        return out

    def _after_trigger(self, ctx: SectionContext) -> list[Candidate]:
        out = []
        weak_phrases = {tuple(p.split()) for p in ctx.lex.folded("funding", "weak_after")}
        cost_triggers = {tuple(p.split()) for p in ctx.lex.folded("funding", "cost_triggers")}
        triggers = self._triggers(ctx)
        others = ctx.lex.regex("funding", "other_subjects")
        read_to = 0
        for m, following in zip(triggers, [*triggers[1:], None]):
            if (colon := _COLON_THEN_BULLETS.match(ctx.text, m.source)) is not None and not _paid_out(ctx, m.start) \
                    and not _negated(ctx, m.start) and m.start >= read_to:
                # 'Wij worden gefinancierd uit:' over '• de bijdrage van het Rijk' / '• ...': one source a bullet.
                items, read_to = self._bullets(ctx, colon.end(), m.end)
                out += items
                continue
            if _copula_then_no_noun(ctx, m):
                continue  # 'Most of its money is voted by Parliament', 'the rest of its income is self-generated'
            span = noun_phrase(ctx, m.source)
            if span is None or _about_other_things(ctx, m.start, others) or m.start < read_to \
                    or _paid_out(ctx, m.start) or _negated(ctx, m.start):
                continue  # 'financé par une dotation inscrite au budget de la Défense': one source
            start, end = span
            stop = following.start if following is not None else None
            if ctx.text[end:end + 1] == "," and (listed_end := portfolio_list_end(ctx.text, end, ctx.lex)) is not None:
                # 'een jaarlijkse bijdrage van het ministerie van Onderwijs, Cultuur en Wetenschap': one
                # source, and what the verb goes on to name ('... and by licence fees').
                out += self._cleaned(ctx, start, listed_end, m.end)
                joined_to = item_splitter_for(ctx).match(ctx.text, listed_end)
                if joined_to is not None and joined_to.group().strip() not in ",;" \
                        and (after := noun_phrase(ctx, joined_to.end())) is not None:
                    # '... Research, Innovation and Science and the Department of Education': the next funder.
                    out += self._cleaned(ctx, after[0], after[1], m.end)
                    listed_end = after[1]
                out += self._continuations(ctx, listed_end, m.end, stop)
                continue
            joined = conjunction_before(ctx.lex).search(ctx.text, start, stop) if stop is not None and start < stop < end else None
            if joined is not None:
                # 'receives a core grant from X and earns the rest of its income from Y': the next
                # trigger, in a clause of its own, reads Y (and what follows it).
                end = joined.start()
            end = _row_break(ctx, start, end)
            text = re.sub(r"\s+", " ", ctx.text[start:end])
            if ctx.refers_to_lab(text) or is_bare_budget(text):
                continue  # 'runs on an annual budget of EUR 2m' says how much, not who pays
            if not m.names_money and _is_weak(m.text, weak_phrases):
                # 'komt van' / 'comes from' is about money only near a money word ('het budget komt
                # van X', 'draait op belastinggeld'), not in 'de naam komt van ...' nor
                # 'De groei kwam vooral uit Latijns-Amerika en het Caribisch gebied'.
                s0, _ = ctx.sentence_span(m.start)
                # 'came from the Australian Government appropriation': a source named by a kind of money.
                money_word = _money_compound(ctx.lex).search(ctx.folded, s0, m.start) or any(
                    fold_keep(w) in fold_keep(text) for w in ctx.lex.words("funding", "money_words")) or bool(
                    text.split() and source_noun(ctx).fullmatch(fold_keep(text.split()[-1])))
                covers_costs = _is_weak(m.text, cost_triggers) and ctx.lex.regex(
                    "funding", "cost_words").search(ctx.folded, s0, m.start) is not None
                amount = any(s0 <= found.start < m.start for found in ctx.money)  # '≈ 350 k€/an, couvert par ...'
                # 'Ils sont couverts par ...': the pronoun and its auxiliary.
                subject = [w for w in ctx.folded[s0:m.start].split() if w not in _auxiliary_words(ctx.lex)]
                if not money_word and subject and set(subject) <= ctx.lex.folded("governance", "pronouns") and s0 > 1:
                    # '... voor zijn inkomsten zorgen. Die komen uit de verkoop van normen': the money the
                    # sentence before named.
                    p0, _ = ctx.sentence_span(s0 - 2)
                    # 'Ses frais d'exploitation ont atteint 3,4 millions de francs. Ils sont couverts par ...'
                    money_word = _money_word(ctx.lex).search(ctx.folded, p0, s0) is not None or (
                        _is_weak(m.text, cost_triggers)
                        and ctx.lex.regex("funding", "cost_words").search(ctx.folded, p0, s0) is not None) or any(
                        p0 <= found.start < s0 for found in ctx.money)
                if not money_word and not covers_costs and not amount and not money_before(ctx, s0, m.start):
                    continue
            said_again, list_end = self._preposition_items(ctx, m, start, stop)
            if said_again:
                # 'Die komen uit de verkoop van normen, uit de bijdragen ..., en uit projecten ...': the
                # preposition said again opens each source, which runs whole to the next one.
                out += said_again
                read_to = list_end
                continue
            if announced := self._announced_list(ctx, start, end, m.end):
                out += announced
                read_to = end
                continue
            if item_splitter_for(ctx).search(ctx.text, start, end):
                # 'gefinancierd door de Stad X en de Vlaamse overheid': two funders, each its own item.
                out += self._split_phrase(ctx, start, end, m.end)
                continue
            if ctx.text[end:end + 2].strip().startswith(":"):
                # 'Funding comes from two sources: the Province of X, ..., and the Y Fund': the items.
                out += self._enumeration(ctx, end + ctx.text[end:].index(":") + 1)
                continue
            listed = self._comma_list(ctx, start, end, m.end)
            if listed:
                out += listed
                continue
            end = shared_head_end(ctx, start, end)
            out += self._cleaned(ctx, start, end, m.end)
            out += self._continuations(ctx, end, m.end, stop)
            read_to = end
        return out

    def _preposition_items(self, ctx: SectionContext, m: Trigger, start: int,
                           stop: int | None) -> tuple[list[Candidate], int]:
        """The sources of a list whose items each open with the trigger's preposition said again
        ('lives on X, on Y and on Z', 'vit de X, et de Y'): none when it is not said again, or when a
        name goes on after it ('ministère de l'Économie, de l'Innovation et de l'Énergie')."""
        last = m.text.split()[-1:]
        if not last or not last[0].isalpha():
            return [], start
        forms = next((tuple(group.split()) for group in ctx.lex.words("funding", "preposition_forms")
                      if last[0] in group.split()), (last[0],))
        _, e0 = ctx.sentence_span(start)
        end = min(e0, stop) if stop is not None else e0
        if (closed := SOURCE_END.search(ctx.text, start, end)) is not None:
            end = closed.start()  # '... de l'État ; les bourses qu'elle verse ...': the next clause
        bounds: list[tuple[int, int]] = []
        at = start
        for sep in _said_again(ctx.lex, forms).finditer(ctx.folded, start, end):
            first_item = _place_aside(ctx.lex).sub("", ctx.folded[start:sep.start()])
            if not bounds and "," in first_item and not ("," in sep.group() and _bare_nouns_listed(ctx.lex, first_item)):
                # 'la Fondation X, la province et ...': a list without the preposition; not 'uit de verhuur
                # aan organisatoren van concerten, beurzen en congressen, uit horeca ...', whose
                # preposition comes again after a comma.
                return [], start
            if "," not in sep.group() and _complement_goes_on(ctx, at, sep, end, forms):
                continue  # 'proviennent des recettes de billetterie et de fret': one source
            opening = _leading_determiner(ctx.lex).match(ctx.text, sep.end())
            if not ctx.text[opening.end() if opening else sep.end():][:1].islower():
                return [], start  # 'de l'Innovation': a name's words, not another source
            bounds.append((at, sep.start()))
            at = sep.end()
        if not bounds:
            return [], start
        bounds.append((at, end))
        supplements = supplement_regex(ctx.lex)
        # 'the federal budget through the ministry, supplemented by project funding ...': two sources.
        split: list[tuple[int, int]] = []
        for lo, hi in bounds:
            sup = supplements.search(ctx.folded, lo + 1, hi)
            split += [(lo, sup.start()), (sup.end(), hi)] if sup is not None else [(lo, hi)]
        bounds = split
        lo, hi = bounds[-1]
        if (comma := ctx.text.find(",", lo, hi)) >= 0:
            bounds[-1] = (lo, comma)  # 'et de la vente de produits, communique ...': a comma closes the list
        out = []
        for lo, hi in bounds:
            aside = _DASHED_PAIR.search(ctx.text, lo, hi)  # '... de ses trois salles – A, B et C – et du mécénat'
            hi = aside.start() if aside is not None else hi
            # 'appropriation set each year in ...', 'budget through the ministry, supplemented by ...': how
            # the source is fixed, or a second one, ends it; a relative clause stays ('bijdragen die ... betalen').
            first = re.match(r"\s*\S+", ctx.text[lo:hi])
            cut = _participle_after(ctx.lex).search(ctx.folded, lo + (first.end() if first else 0), hi)
            hi = cut.start() if cut is not None else hi
            aside_clause = _set_off_relative(ctx.lex).search(ctx.folded, lo, hi)
            hi = aside_clause.start() if aside_clause is not None else hi  # '..., die ook de kwijtscheldingen dekt'
            place = _place_aside(ctx.lex).search(ctx.folded, lo, hi)  # '... aan handel en horeca, in Oostenrijk en ...'
            hi = place.start() if place is not None else hi
            site = _SITE_BRACKET.search(ctx.text, lo, hi)  # '... German Research Foundation (www.bgr.bund.de)'
            span = clean_span(ctx, lo, site.start() if site is not None else hi)
            if span is None:
                continue
            item = re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip(" .,;:")
            item = item[lead.end():] if (lead := _leading_determiner(ctx.lex).match(item)) else item
            if item.count("(") > item.count(")"):
                item = item[:item.rindex("(")].rstrip()  # 'ventes de prestations (enquêtes réalisées': an aside cut short
            if item[:1].isalpha() and not MONEY_SIGN.search(item) and item_words(item) <= MAX_LISTED_ITEM_WORDS:
                out.append(ctx.candidate("funding_sources", item, span[1] - len(item), span[1], family=NAME,
                                         version=VERSION, prior="anchored", distance=ctx.token_distance(m.end, start)))
        return (out, end) if len(out) >= 2 else ([], start)

    def _announced_list(self, ctx: SectionContext, start: int, end: int, anchor: int) -> list[Candidate]:
        """'comes from three sources – gaming, hotel and restaurant activity, and rents –': the items of
        the list a noun (``funding.enumerating_nouns``) announces after a colon or a dash, up to the
        dash that closes it or the sentence's end."""
        phrase = fold_keep(ctx.text[start:end]).split()
        if not phrase or len(phrase) > 4 or not _enumerating_noun(ctx.lex).search(" ".join(phrase)):
            return []
        opener = _LIST_OPENER.match(ctx.text, end)
        if opener is None:
            return []
        _, e0 = ctx.sentence_span(opener.end())
        closing = _LIST_CLOSER.search(ctx.text, opener.end(), e0)
        list_end = closing.start() if closing is not None else e0
        if (paragraph := _PARAGRAPH_BREAK.search(ctx.text, opener.end(), list_end)) is not None:
            list_end = paragraph.start()
        opening_conj, bare_joint, determiner_joint = _list_joints(ctx.lex)
        asides = ctx.lex.folded("words", "relatives") | ctx.lex.folded("funding", "source_prepositions")
        determiners = ctx.lex.folded("words", "determiners")
        pieces: list[tuple[int, int, str]] = []  # start, end, first word
        last_joined = False
        for piece in _LIST_PIECE.finditer(ctx.text, opener.end(), list_end):
            head = opening_conj.match(ctx.folded, piece.start(), piece.end())
            lo = head.end() if head else piece.start()
            opening = fold_keep(ctx.text[lo:piece.end()]).split()[:1]
            last_joined = head is not None and head.end() > piece.start()
            if opening and opening[0] not in asides:  # not '..., which covers the core team,', ', through the ministry,'
                pieces.append((lo, piece.end(), opening[0]))
        if any(word in determiners for _, _, word in pieces[1:]):
            # 'une dotation ..., les contributions ..., et les rétributions pour les contrôles, inspections
            # et certificats': the items open with a determiner; the other commas list what one covers.
            merged: list[tuple[int, int, str]] = []
            for lo, hi, word in pieces:
                if merged and word not in determiners:
                    merged[-1] = (merged[-1][0], hi, merged[-1][2])
                else:
                    merged.append((lo, hi, word))
            pieces = merged
            if not last_joined and (joint := determiner_joint.search(ctx.folded, pieces[-1][0], pieces[-1][1])) is not None:
                lo, hi, word = pieces.pop()  # '..., le mécénat et les locations de salles': the last two
                pieces += [(lo, joint.start(), word), (joint.end(), hi, word)]
        elif pieces and not last_joined:
            # 'gaming, hotels and rents': the last piece holds the last two items; not '..., and rents'.
            lo, hi, word = pieces.pop()
            if (joint := bare_joint.search(ctx.folded, lo, hi)) is not None:
                pieces.append((lo, joint.start(), word))
                lo = joint.end()
            pieces.append((lo, hi, word))
        out = []
        for lo, hi, _ in pieces:
            out += self._cleaned(ctx, lo, hi, anchor)
        return out if len(out) >= 2 else []

    @staticmethod
    def _triggers(ctx: SectionContext) -> list[Trigger]:
        """The trigger phrases ('funded by'), and a verb of getting money where none of them stands
        ('receives core funding from', 'tire ses ressources de'), in the order of the text."""
        phrases = [Trigger(m.start(), m.end(), m.group(0), m.end()) for m in
                   ctx.lex.relation_matcher("funding", "after", adverbs=("funding", "verb_adverbs")).finditer(ctx.folded)]
        received = [Trigger(m.start(), m.end(), m.group(0), received_source_start(ctx.lex, m), names_money=True)
                    for m in money_received_regex(ctx.lex).finditer(ctx.folded) if not negated_receipt(ctx.lex, m)
                    # 'perçoivent une allocation de 2 000 €': how much, not from whom.
                    and not ctx.folded[m.end():m.end() + 2].strip()[:1].isdigit()]
        received = [r for r in received if not any(p.start < r.end and r.start < p.end for p in phrases)]
        return sorted(phrases + received, key=lambda t: t.start)

    def _cleaned(self, ctx: SectionContext, start: int, end: int, anchor: int, prior: str = "anchored") -> list[Candidate]:
        """One source from ``start`` to ``end``, without its qualifiers ('occasionally', 'grotendeels')
        or the purpose it pays for ('international foundations for specific projects')."""
        cleaned = clean_span(ctx, start, end)
        if cleaned is None:
            return []
        start, end = cleaned
        text = re.sub(r"\s+", " ", ctx.text[start:end])
        if ctx.refers_to_lab(text) or is_bare_budget(text) or not text[:1].isalnum():
            return []
        return [ctx.candidate("funding_sources", text, start, end, family=NAME, version=VERSION,
                              prior=prior, distance=ctx.token_distance(anchor, start), ner=("ORG",))]

    def _continuations(self, ctx: SectionContext, end: int, anchor: int, stop: int | None = None) -> list[Candidate]:
        """'paid for from X's general budget and, occasionally, from Y funds'; 'abondé par le SGAR et,
        pour certains projets, par le fonds ...'; 'Financé par la Fondation X, la province et des
        mandats': the same verb's further sources."""
        out: list[Candidate] = []
        if (rest := rest_is_regex(ctx.lex).match(ctx.folded, end)) is not None \
                and (span := noun_phrase(ctx, rest.end())) is not None and source_noun(ctx).search(ctx.folded, *span):
            # '... appropriation ($231.7 million); the rest was own-source income, largely from ...'
            return self._cleaned(ctx, span[0], span[1], anchor)
        for _ in range(3):
            if (clause := _participle_clause(ctx.lex).match(ctx.folded, end)) is not None:
                end = clause.end()  # '... appropriation set each year in its directions, by fees': past how it is set
            if (bracket := _BRACKET_NOTE.match(ctx.text, end)) is not None:
                end = bracket.end()  # '... directions (regleringsbrev), by fees and charges': past the gloss
            more = continuation(ctx).match(ctx.folded, end)  # folded: 'complétées par' as listed
            bare = more is None
            # 'covered by card fees and verification charges': a second word for money after a bare 'and'.
            more = more or conjunction_after(ctx.lex, hyphen=False).match(ctx.text, end)
            if more is None:
                break
            span = noun_phrase(ctx, more.end())
            if span is None or (bare and source_noun(ctx).search(ctx.folded, *span) is None):
                break
            if stop is not None and span[1] > stop:
                break  # the next trigger's sources ('and earns the rest of its income from ...')
            if item_splitter_for(ctx).search(ctx.text, *span):
                out += self._split_phrase(ctx, span[0], span[1], anchor)  # 'from X and the Y'
            else:
                out += self._cleaned(ctx, span[0], span[1], anchor)
            end = span[1]
        return out

    def _comma_list(self, ctx: SectionContext, start: int, end: int, anchor: int) -> list[Candidate]:
        """'Financé par la Fondation X, la province et des mandats de projets': after the first source
        (``start``..``end``), short items up to the sentence's end, the last after a conjunction."""
        if not re.match(r"\s*,\s*\w", ctx.text[end:end + 4]):
            return []
        _, e0 = ctx.sentence_span(end)
        e0 = _row_break(ctx, end, e0)
        stop = SOURCE_END.search(ctx.text, end, e0)
        e0 = stop.start() if stop is not None else e0
        rest = ctx.text[end:e0]
        pieces = [p for p in re.split(r"[,;]", rest) if p.strip()]
        conj = ctx.lex.folded("words", "conjunctions") | ctx.lex.folded("funding", "item_joiners")
        last_words = fold_keep(pieces[-1]).split() if pieces else []
        # The last item after 'and' ('X, Y and Z'), or after a phrase that adds one (', ainsi que de dons').
        joined = bool(pieces) and (any(w in conj for w in last_words[:-1])
                                   or supplement_start(ctx).match(fold_keep(pieces[-1]).strip()) is not None)
        # The last piece holds the last two items: '60+ partner universities and several British and
        # American non-profits' is two of four words and five.
        # Only a piece that opens like a source: a determiner, a figure or a name (not 'dans le
        # programme ...', 'qui prend en charge ...').
        determiners = ctx.lex.folded("words", "determiners")
        source_like = all((opening := piece.split()[:1]) and (opening[0][:1].isupper() or opening[0][:1].isdigit()
                                                              or fold_keep(opening[0]) in determiners)
                          for piece in pieces)
        last_items = (re.split(rf"\s(?:{'|'.join(map(re.escape, conj))})\s", fold_keep(pieces[-1]), maxsplit=1)
                      if source_like and pieces else pieces[-1:])
        if (not pieces or len(pieces) > 6 or any(len(p.split()) > MAX_COMMA_ITEM_WORDS + 1 for p in pieces[:-1])
                or any(len(p.split()) > MAX_COMMA_ITEM_WORDS + 1 for p in last_items) or not joined):
            return []
        return self._items(ctx, ctx.text[start:e0], start, anchor)

    def _after_amount(self, ctx: SectionContext) -> list[Candidate]:
        """'Annual budget ~US$1.4M, from government contracts and philanthropic grants', 'an annual
        budget of around €1.5 million, most of it from EU structural funds and the rest from the
        Ministry of X': where the lab's money comes from, said right after how much it is."""

        sources = ctx.lex.regex("funding", "after_amount")
        anchors = ctx.lex.regex("budget", "anchors")
        out = []
        for m in ctx.money:
            s0, e0 = ctx.sentence_span(m.start)
            block = ctx.block_at(m.start)
            in_block = block is not None and block.field in ("budget", "resources")
            if in_block:
                out += self._after_block_amount(ctx, m.end, block.end if block else e0)
            window = min(e0, m.end + AMOUNT_TO_SOURCE_CHARS)
            found = sources.search(ctx.folded, m.end, window)
            share = share_marker(ctx).search(ctx.folded, m.end, window)
            if share is not None and (found is None or share.start() < found.start()):
                found = share  # '12 miljoen euro, voor het grootste deel een bijdrage van X'
            if found is None or CLAUSE_BREAK.search(ctx.text, m.end, found.start()):
                continue
            # An amount that is not the lab's budget says nothing of its funders, unless a verb says
            # who pays ('betaald door', 'paid by') or what follows names money ('uit de gemeentebegroting').
            if not (anchors.search(ctx.folded, s0, e0) or in_block or " " in found.group(0).strip()
                    or source_noun(ctx).search(ctx.folded, found.end(), min(e0, found.end() + 60))):
                continue
            end = e0
            stop = SOURCE_END.search(ctx.text, found.end(), e0)
            if stop is not None:
                end = stop.start()
            # Brackets qualify a source ('la Wallonie (environ deux tiers)'): blanked, offsets kept.
            text = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), ctx.text[found.end():end])
            text = rest_from().sub(lambda r: ";" + " " * (len(r.group(0)) - 1), text)
            if re.match(r"\s*(?:\d|[$€£¥~≈])", text):
                continue  # 'from 2016 to 2020', 'from €2m to €3m': dates and amounts, not sources
            if ctx.lex.regex("funding", "purpose_words").match(fold_keep(text).lstrip()):
                continue  # '34 miljoen kronen uit voor drie jaar': a verb's particle, then what it is for
            out += self._items(ctx, text, found.end(), m.end)
        return out

    def _resources_line(self, ctx: SectionContext) -> list[Candidate]:
        """'Ressources : dotation de l'État + prestations facturées aux administrations': a resources
        line that opens with a word for money lists where the money comes from."""
        found = ctx.label_value("resources")
        if found is None:
            return []
        _value, start, end = found
        at = start + len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
        if not source_noun(ctx).match(ctx.folded, at):
            return []
        return self._items(ctx, ctx.text[at:end], at, at)

    def _after_block_amount(self, ctx: SectionContext, start: int, end: int) -> list[Candidate]:
        """'Budget : 3,5 M€ par an, crédits ministériels + FAST': in a budget line, what the amount is
        made of, when it opens with a word for money (crédits, subsidie, grants)."""
        line_end = ctx.text.find("\n", start)
        end = min(end, line_end) if line_end >= 0 else end
        rest = ctx.folded[start:end]
        period = ctx.lex.regex("budget", "period_year")
        lead = re.match(r"[\s,]*", rest)
        at = start + (lead.end() if lead else 0)
        found = period.match(ctx.folded, at)
        if found is not None:
            at = found.end()
        comma = re.match(r"\s*[,;:–—-]\s*", ctx.text[at:end])
        if comma is None:
            return []
        at += comma.end()
        if not (source_noun(ctx).match(ctx.folded, at) or ctx.text[at:at + 1].isupper()):
            return []  # 'from a state grant' is read by the 'from' rule
        return self._items(ctx, ctx.text[at:end], at, start)

    def _items(self, ctx: SectionContext, text: str, offset: int, anchor: int) -> list[Candidate]:
        """'government contracts and philanthropic grants' -> two items; names keep their inner 'and'
        ('Ministry of the Economy and Innovation')."""
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        joiners = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in ctx.lex.words("funding", "item_joiners"))
        again = "|".join(re.escape(w) for w in ctx.lex.words("funding", "after_amount") if " " not in w)
        joined = alternation(ctx.lex.words("funding", "joined_prepositions"), folded=False, any_space=False)
        articles = pattern_alternation(p.pattern for p in ctx.lex.patterns("funding", "not_joined_articles"))
        # Split at ';', ',' and at 'and' (+ 'from') not followed by a capitalised word: 'Ministry of the
        # Economy and Innovation' stays one name, 'a state grant and project funding' is two.
        # Not after a hyphen: 'Herstel- en veerkrachtfaciliteit' is one word.
        # A comma inside brackets lists what the source is made of: 'fonds européens (FEDER, plan de relance)'.
        masked = re.sub(r"\([^()]*\)", lambda b: b.group(0).replace(",", _BRACKET_COMMA), text)
        # 'Department of Jobs, Skills and Regions', 'Department of Agriculture, Food and the Marine'.
        masked = mask_portfolio_commas(masked, ctx.lex, _BRACKET_COMMA, and_mark=_HELD_SPACE)
        splitter = re.compile(rf"[;,]|\s\+\s|(?<!-)\s(?i:{joiners})\s+(?:(?i:{again})\s+)?(?![{CAPITALS}])(?!(?i:{determiners})\s+[{CAPITALS}])"
                              rf"(?!(?i:{joined})\s*\w)"
                              rf"|(?<!-)\s(?i:{joiners})\s+(?:(?i:{again})\s+)?(?=(?i:{determiners})\s)"
                              rf"(?!{articles})")  # French 'et de l'Innovation' is no Dutch 'en de'
        bounds, at = [], 0
        for sep in splitter.finditer(masked):
            bounds.append((at, sep.start()))
            at = sep.end()
        bounds.append((at, len(masked)))
        spans: list[tuple[int, str]] = []
        for piece_at, piece_end in bounds:
            piece = text[piece_at:piece_end]  # the masks keep offsets: the piece as printed
            piece_start = offset + piece_at + len(piece) - len(piece.lstrip())
            qualified = qualifier_regex(ctx.lex).match(ctx.folded, piece_start)
            after_qualifier = qualified.end() if qualified else piece_start
            if spans and purpose_start(ctx).match(ctx.folded, after_qualifier):
                break  # '..., vooral voor begeleiding en vergunningen': what the money pays for
            cleaned = clean_span(ctx, piece_start, piece_start + len(piece.strip()))
            if cleaned is None or is_clause(ctx, *cleaned) \
                    or ctx.lex.regex("funding", "contrast_words").match(ctx.folded, cleaned[0]):
                continue  # 'geen winstoogmerk', 'not the federal budget': what does not pay
            start, end = cleaned
            # From ``text``, where brackets that qualify a source are blanked ('Wallonie (deux tiers)').
            raw = text[start - offset:end - offset]
            start += len(raw) - len(raw.lstrip())
            item = re.sub(r"\s+", " ", raw).strip(" .;:")
            # 'subsidie van het ministerie van Onderwijs, Cultuur en Wetenschap': the grant's words come on top.
            lead = grant_lead(ctx.lex).match(fold_keep(item))
            limit = MAX_ITEM_WORDS + (len(lead.group(0).split()) if lead else 0)
            # A name's portfolios count as one word: 'Department of Agriculture, Food and the Marine'.
            counted = item.split(",")[0] if _HELD_SPACE in masked[piece_at:piece_end] else item
            if not item or item_words(counted) > limit or not item[:1].isalpha() or MONEY_SIGN.search(item):
                continue
            spans.append((start, item))
        spans = shared_complement(ctx, spans)
        return [ctx.candidate("funding_sources", item, start, start + len(item), family=NAME, version=VERSION,
                              prior="anchored", distance=ctx.token_distance(anchor, start), ner=("ORG",))
                for start, item in spans]

    def _bullets(self, ctx: SectionContext, start: int, anchor: int) -> tuple[list[Candidate], int]:
        """The bulleted lines from ``start`` (a line's start), each one source up to its first comma
        ('inkomsten uit dienstverlening, onder meer aan ...': the source, then an example), and where
        the list ends (no trigger inside it is read again)."""
        out: list[Candidate] = []
        for item in _BULLET_ITEM.finditer(ctx.text, start):
            if item.start() != start:
                break  # the list ends at the first line that is no bullet
            text_end = item.end("item")
            comma = ctx.text.find(",", item.start("item"), text_end)
            lead = _leading_determiner(ctx.lex).match(ctx.text, item.start("item"))
            begin, end = lead.end() if lead else item.start("item"), comma if comma > 0 else text_end
            text = re.sub(r"\s+", " ", ctx.text[begin:end]).strip(" .;")
            if text and len(text.split()) <= MAX_ITEM_WORDS:
                out.append(ctx.candidate("funding_sources", text, begin, end, family=NAME, version=VERSION,
                                         prior="block", distance=ctx.token_distance(anchor, begin)))
            start = item.end()
        return out, start

    def _enumeration(self, ctx: SectionContext, start: int, end: int | None = None) -> list[Candidate]:
        """Items of a list of funders from ``start`` to ``end`` (default: the sentence's end)."""
        from extract.extractors.phrases import org_phrase

        e0 = end if end is not None else ctx.sentence_span(start)[1]
        conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
        out = []
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        # Items split at commas and at 'and the' / 'en de' / 'et la' (not inside 'Affairs and Communications').
        splitter = item_splitter(conj, determiners)
        segments, at = [], start
        # 'the Department of Transport, Tourism and Sport': a portfolio list's commas split no items.
        masked = mask_portfolio_commas(ctx.text, ctx.lex, _BRACKET_COMMA, and_mark=_HELD_SPACE)
        for sep in splitter.finditer(masked, start, e0):
            segments.append((at, sep.start()))
            at = sep.end()
        segments.append((at, e0))
        for seg_start, seg_end in segments:
            chunk = Chunk(ctx.text[seg_start:seg_end], seg_start)
            head = re.match(rf"\s*(?:(?:{conj})\s+)?", chunk.text, flags=re.IGNORECASE)
            span = org_phrase(ctx.text, chunk.start + (head.end() if head else 0), ctx.lex,
                              end=chunk.start + len(chunk.text))
            if span is None:
                continue
            text = without_place_after(re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]), ctx.lex)
            out.append(ctx.candidate("funding_sources", text, span[0], span[1], family=NAME, version=VERSION,
                                     prior="block", ner=("ORG",)))
        return out

    def _split_phrase(self, ctx: SectionContext, start: int, end: int, anchor: int) -> list[Candidate]:
        """The parts of one noun phrase joined by 'en de' / 'and the' / "et l'", determiners dropped."""
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        lead = re.compile(rf"\s*(?:(?:{determiners})\s+)?", re.IGNORECASE)
        out, at = [], start
        bounds = [(sep.start(), sep.end()) for sep in item_splitter_for(ctx).finditer(ctx.text, start, end)
                  if not _same_complement(ctx, start, sep, end)]
        if not bounds:
            return self._cleaned(ctx, start, end, anchor)
        for seg_start, seg_end in [(at, bounds[0][0])] + [(b[1], (bounds[i + 1][0] if i + 1 < len(bounds) else end))
                                                          for i, b in enumerate(bounds)]:
            head = lead.match(ctx.text, seg_start, seg_end)
            item_start = head.end() if head else seg_start
            text = re.sub(r"\s+", " ", ctx.text[item_start:seg_end]).strip(" ,;.")
            if not text or len(text.split()) > MAX_ITEM_WORDS:
                continue
            out.append(ctx.candidate("funding_sources", text, item_start, item_start + len(text), family=NAME,
                                     version=VERSION, prior="anchored", distance=ctx.token_distance(anchor, item_start),
                                     ner=("ORG",)))
        return out

    def _subject_funds_lab(self, ctx: SectionContext) -> list[Candidate]:
        """'Veertien entiteiten uit ... financieren Sandbox Vlaanderen': the subject pays for the lab."""
        out = []
        for m in ctx.lex.regex("funding", "verbs_before").finditer(ctx.folded):
            if ctx.text[m.start():m.start() + 1].isupper():
                continue  # 'UK Export Finance': a word of a name, not the verb
            s0, e0 = ctx.sentence_span(m.start())
            obj = ctx.text[m.end():e0]
            if (funder := _relative_funder(ctx, s0, m.start(), m.end())) is not None:
                out.append(ctx.candidate("funding_sources", funder[0], funder[1], funder[1] + len(funder[0]),
                                         family=NAME, version=VERSION, prior="anchored", ner=("ORG",)))
                continue
            if not ctx.refers_to_lab(obj):
                continue
            s0 = ctx.label_free_start(s0)
            subject = ctx.text[s0:m.start()].strip()
            words = subject.split()
            if not words or len(words) > 20 or fold_keep(words[0]) in ctx.lex.folded("governance", "pronouns"):
                continue
            if ctx.refers_to_lab(subject):
                continue  # "L'ESRF compte 20 pays partenaires ..., qui financent l'installation": not the lab itself
            start = s0 + ctx.text[s0:m.start()].find(words[0])
            out.append(ctx.candidate("funding_sources", re.sub(r"\s+", " ", subject), start, m.start(),
                                     family=NAME, version=VERSION, prior="anchored", ner=("ORG",)))
        return out


_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def _complement_goes_on(ctx: SectionContext, at: int, sep: re.Match[str], end: int, forms: tuple[str, ...]) -> bool:
    """'des recettes de billetterie et de fret': the preposition said again after a bare 'et' goes on
    with the complement of the item before (``coordinated_complement``), not a new source."""
    following = _said_again(ctx.lex, forms).search(ctx.folded, sep.end(), end)
    stop = min(following.start() if following else end, _next_comma(ctx.text, sep.end(), end))
    return coordinated_complement(ctx, ctx.text[at:sep.start()], ctx.text[sep.end() - len(sep.group().split()[-1]) - 1:stop])


def _next_comma(text: str, start: int, end: int) -> int:
    found = text.find(",", start, end)
    return found if found >= 0 else end


def _same_complement(ctx: SectionContext, start: int, sep: re.Match[str], end: int) -> bool:
    """'la vente des normes et des abonnements': a conjunction the complement goes on after
    (``coordinated_complement``) splits no items."""
    if sep.group().strip() in ",;":
        return False
    following = item_splitter_for(ctx).search(ctx.text, sep.end(), end)
    return coordinated_complement(ctx, ctx.text[start:sep.start()], ctx.text[sep.end():following.start() if following else end])


def _relative_funder(ctx: SectionContext, s0: int, verb_start: int, verb_end: int) -> tuple[str, int] | None:
    """'an arm's-length body of the Department of Enterprise, Trade and Investment, which funds it',
    'du ministère de la Culture, qui le finance': the name before a relative clause whose funding verb
    has the lab as its object pronoun (text and where it starts)."""
    lex = ctx.lex
    before_verb, after_verb = _relative_object(lex)
    before = before_verb.search(ctx.folded[s0:verb_start])
    after = after_verb.match(ctx.folded, verb_end)
    if before is None or (before.group("clitic") is None) == (after is None):
        return None  # one object pronoun, before the verb (fr, nl) or after it (en)
    connectors = lex.folded("words", "connectors") | lex.folded("words", "articles")
    tokens = list(re.finditer(r"[\w'’&-]+|,", ctx.text[s0:s0 + before.start()]))
    first = len(tokens)
    while first > 0:
        token = tokens[first - 1].group(0)
        if token == ",":
            if first == len(tokens) or not tokens[first].group(0)[:1].isupper():
                break  # a comma inside a name only before a capitalised word: 'Enterprise, Trade and ...'
        elif not token[:1].isupper() and fold_keep(token) not in connectors:
            break
        first -= 1
    while first < len(tokens) and not tokens[first].group(0)[:1].isupper():
        first += 1  # 'of the Department': the name opens on its first capital
    if first >= len(tokens):
        return None
    start = s0 + tokens[first].start()
    name = re.sub(r"\s+", " ", ctx.text[start:s0 + before.start()]).strip(" ,")
    words = name.split()
    if len(words) < 2 or sum(w[:1].isupper() for w in words) < 2 or ctx.refers_to_lab(name):
        return None
    return name, start


@lru_cache(maxsize=8)
def _relative_object(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(', which ' or ', qui le ' ending the text before a funding verb; ' it' after it): a relative
    clause whose object pronoun is the lab (folded text)."""
    relatives = alternation(lex.words("words", "relatives"))
    pronouns = alternation(lex.words("funding", "relative_objects"))
    return (re.compile(rf",\s*(?:{relatives})\s+(?:(?P<clitic>{pronouns})\s+|(?<=['’]))?$"),
            re.compile(rf"\s+(?:{pronouns})(?!\w)"))
