"""Budget: the lab's total (or yearly) budget, never a per-member share or an approval threshold."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import islice
from typing import Any

from extract.extractors.context import SectionContext
from extract.extractors.statements import MAX_UNSCALED, scale_only
from extract.models import Budget, BudgetPeriod, Candidate, Section
from extract.normalize.periods import one_budget_year
from extract.normalize.rule_data import LANGS, alternation, own_words, words
from extract.rules.lexicon import Lexicon

NAME = "money"
VERSION = "38"

ANCHOR_BEFORE_MAX = 8
ANCHOR_AFTER_MAX = 4
PERIOD_WINDOW = 7
IN_BLOCK_ANCHORED = 0.9
# A seed grant or a start-up phase's money ranks as if its budget word stood this many words
# further off: the lab's recurring budget, said elsewhere in the section, wins.
ONE_OFF_DISTANCE = 4
REVENUE_DISTANCE = 40  # further than any budget word in the same section
COMPARISON_CHARS = 30
EXCLUDED_QUALIFIERS = frozenset({"each", "above", "below"})
_FISCAL_YEAR = re.compile(r"\(?\s*(?:FY\s*)?(?:19|20)\d\d/\d{2}\s*\)?(?!\d)")
_YEAR_AND_NEXT = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–]\s*\d\d(?!\d)")  # '2007–08' (one_budget_year says if it is one)
_SINGLE_YEAR = re.compile(r"(?<![\d\-–/.,])(?:19|20)\d\d(?:/\d{2}(?:\d{2})?)?(?![\d\-–]|\s*[-–]\s*\d)")
_SHARE_AFTER = re.compile(r"\s*\(\s*\d{1,3}(?:[.,]\d+)?\s*%")  # '1,02 M$ (58 %)': part of a whole
_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–]\s")
_NON_SPACE = re.compile(r"\S+")


# Below this, an amount in a major currency is a price, a fee or a prize, not what a lab runs on.
MIN_BUDGET = 5_000
MAJOR_CURRENCIES = frozenset({"EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SGD"})
MIN_ANY_BUDGET = 1_000
"""Below this, an amount in any currency is a price ('lunch costs NOK 95'), whatever a unit buys."""


@cache
def _total_span() -> re.Pattern[str]:
    """'over 2021-2024', 'voor de periode 2020-2023', 'sur trois ans', 'over three years': a total.
    The words are rule data (budget.span_prepositions; each language's money.period_articles and
    period_nouns, as one phrase; money.year_nouns); built once per rules folder."""
    over = alternation(words("budget", "span_prepositions"))
    periods = alternation(f"{article} {noun}" for lang in LANGS
                          for article in own_words(lang, "money", "period_articles")
                          for noun in own_words(lang, "money", "period_nouns"))
    years = alternation(words("money", "year_nouns"))
    return re.compile(rf"(?:{over})\s+(?:(?:{periods})\s+)?(?:\d{{4}}\s*[-–/]\s*\d{{2,4}}|\w+\s+(?:{years}))(?!\w)")


def _spans_years(text: str, lo: int, hi: int, *, at_start: bool = False) -> bool:
    """A total's span in text[lo:hi] (at ``lo`` only with ``at_start``): not a financial year's two
    years in a row ('£17.1 million for 2016-17' is that year's budget)."""
    if at_start:
        first = _total_span().match(text, lo, hi)
        return first is not None and not one_budget_year(first.group(0))
    return any(not one_budget_year(m.group(0)) for m in _total_span().finditer(text, lo, hi))


_SPACES = re.compile(r"\s+")


def _answer_start(text: str, at: int) -> int:
    """Where the answer starting at ``at`` begins past its blank (no copy of the text taken per block)."""
    return found.end() if (found := _SPACES.match(text, at)) is not None else at


class MoneyExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:

        blocks = [b for b in ctx.blocks if b.field in ("budget", "resources")]
        unknown = ctx.lex.regex("budget", "unknown")
        mentions = ctx.money
        # 'Middelen: onbekend', 'C2 Totale begroting: n.b.': the text says the budget is not known, unless
        # another budget answer gives it ('12. Budget in EUR (if known): n/a' under 'SGD 1.2 million').
        declared = [b for b in blocks if unknown.match(ctx.folded, _answer_start(ctx.folded, b.value_start))]
        if declared and not any(b.start <= m.start < b.end for b in blocks for m in mentions):
            return []
        anchors = _SentenceIndex(ctx.lex.regex("budget", "anchors"), ctx.folded)
        revenue = _SentenceIndex(ctx.lex.regex("budget", "revenue"), ctx.folded)
        splits = _SentenceIndex(_CLAUSE_SPLIT, ctx.text)
        contribution = _SentenceIndex(ctx.lex.regex("budget", "contribution"), ctx.folded)
        period_year = _SentenceIndex(ctx.lex.regex("budget", "period_year"), ctx.folded)
        fiscal = _SentenceIndex(_FISCAL_YEAR, ctx.text)
        one_off = _SentenceIndex(ctx.lex.regex("budget", "one_off"), ctx.folded)
        disclaimed = _SentenceIndex(_disclaimer(ctx.lex), ctx.folded)
        paid_out = _SentenceIndex(ctx.lex.regex("budget", "paid_out"), ctx.folded)
        capital = _SentenceIndex(ctx.lex.regex("budget", "capital"), ctx.folded)
        prices = _SentenceIndex(ctx.lex.regex("budget", "prices"), ctx.folded)
        works = _SentenceIndex(ctx.lex.regex("budget", "works"), ctx.folded)
        combined = _SentenceIndex(ctx.lex.regex("budget", "combined"), ctx.folded)
        compared = _compared_with(ctx.lex)
        part_openers = ctx.lex.regex("budget", "part_openers")
        out = []
        for m in mentions:
            if m.qualifier in EXCLUDED_QUALIFIERS and not (_budget_above(ctx, anchors, m) or _budget_above(ctx, revenue, m)
                                                           or _opens_budget_answer(ctx, m)):
                continue  # 'elk 30.000 euro', 'projecten >€50k valideren'
            s0, e0 = ctx.sentence_span(m.start)
            if disclaimed.any(s0, e0) or _disclaimed_next(ctx, disclaimed, e0):
                continue  # '... about $4.2 billion ...; this fund ... is not an operating budget'
            if part_openers.match(ctx.folded, s0):
                continue  # 'Of this, 71.3 per cent came from the appropriation ($231.7 million)': a part of the sum before
            c0, c1 = _clause(splits, s0, e0, m.start, m.end)
            if paid_out.any(c0, c1):
                continue  # '1 202 millions de dollars en dividende', 'to pay €2.1 billion a year to ...'
            if combined.any(c0, m.start):
                continue  # 'their combined budget was €12.287 million': the predecessors' together
            if _spoken_of_first(capital, anchors, c0, m.start):
                continue  # 'Het startkapitaal bedroeg 5.000.000 euro': the capital it was given, not a budget
            if _spoken_of_first(prices, anchors, c0, m.start):
                continue  # "Le prix de location s'élève à 96 400 CHF": what a customer pays, not a budget
            if _spoken_of_first(works, anchors, c0, m.start):
                continue  # 'De renovatie kostte ruim 160 miljoen euro': a building project's cost, spent once
            anchor = _nearest_anchor(ctx, anchors, s0, e0, m.start, m.end)
            clause_anchor = anchor is not None and c0 <= anchor[0] < c1
            block = ctx.block_at(m.start)
            in_block = block is not None and block.field in ("budget", "resources")
            budget_label = in_block and block is not None and block.field == "budget" and m.start - block.value_start < 3
            if contribution.any(c0, c1) and not clause_anchor and not budget_label:
                # 'en het departement X 10.000 euro bijdraagt': a share of the budget; not 'Baten € 338
                # miljoen' over 'waarvan bijdrage ministerie € 41 miljoen' (the label says what it is).
                continue
            if (in_block and block is not None and m.amount < MAX_UNSCALED
                    and scale_only().search(ctx.text[block.start:block.value_start])):
                continue  # 'Budget (m, local currency): PLN 9.2' is read with its label's scale (statements)
            if anchor is not None:
                # A budget word inside the budget/resources block beats one in the role text.
                prior, distance = (IN_BLOCK_ANCHORED if in_block else "anchored"), anchor[2]
                if in_block and block is not None and block.field == "budget" and m.start - block.value_start < 3:
                    prior, distance = "label", 0
            elif in_block and block is not None:
                label_value = m.start - block.value_start < 3
                prior, distance = ("label", 0) if label_value else ("block", 0)
            elif m.period == "year" or period_year.any(c0, c1):
                prior, distance = "block", 0  # 'receives €500,000 a year': a yearly amount is a budget
            elif revenue.any(c0, c1):
                # 'turnover was €398 million': what a lab that invoices its work lives on, when the
                # text gives no budget (any budget word's amount wins).
                prior, distance = "anchored", REVENUE_DISTANCE
            else:
                continue  # an amount with no budget word and no budget label is not the lab's budget
            value = _budget_value(ctx, m, anchor, block if in_block else None, fiscal)
            if value.period != "year" and (one_off.any(c0, c1) or (contribution.any(c0, c1) and not budget_label)
                                              or _SHARE_AFTER.match(ctx.text, m.end)):
                # 'een projectsubsidie van 6,75 miljoen kronen', 'a one-off grant', 'het Gelderse aandeel
                # in de exploitatie was € 7,2 miljoen', '1,02 M$ (58 %)': money given once, or a share
                distance += ONE_OFF_DISTANCE
            if compared.search(ctx.folded, max(0, m.start - COMPARISON_CHARS), m.start):
                distance += ONE_OFF_DISTANCE  # '€ 23,4 miljoen, tegen € 21,9 miljoen in 2024': the year compared with
            if prior != "label" and m.amount < (MIN_BUDGET if m.currency in MAJOR_CURRENCIES else MIN_ANY_BUDGET):
                continue  # 'Annual subscription €65', 'lunch costs NOK 95': a price, not a lab's budget
            out.append(ctx.candidate("budget", value, m.start, m.end, family=NAME, version=VERSION,
                                     prior=prior, distance=distance, ner=("MONEY",)))
        return out


ABOVE_AFTER_ANCHOR_WORDS = 7
"""Words from a budget word to an amount it is 'over': 'a budget of over £740m', "chiffre d'affaires
s'est élevé à un peu plus de 330 millions"."""


def _budget_above(ctx: SectionContext, anchors: _SentenceIndex, m: Any) -> bool:
    """'a budget of over £740m', 'een budget van meer dan € 2 miljoen': a budget given as a floor,
    right after its budget (or revenue) word, is the budget, roughly (not 'projects above €50k')."""
    if m.qualifier != "above":
        return False
    ends = [end for end in anchors.spans(*ctx.sentence_span(m.start))[1] if end <= m.start]
    return bool(ends) and ctx.token_distance(ends[-1], m.start) <= ABOVE_AFTER_ANCHOR_WORDS


def _opens_budget_answer(ctx: SectionContext, m: Any) -> bool:
    """'C2 Budget total du dernier exercice' / 'un peu plus de 106 millions de francs': a floor that
    opens a budget label's answer is the budget, roughly."""
    block = ctx.block_at(m.start)
    return m.qualifier == "above" and block is not None and block.field == "budget" \
        and len(ctx.text[block.value_start:m.start].split()) <= ABOVE_AFTER_ANCHOR_WORDS


def _spoken_of_first(other: _SentenceIndex, anchors: _SentenceIndex, c0: int, start: int) -> bool:
    """Does the clause before an amount speak of something other than a budget first: capital ('Het
    startkapitaal bedroeg', not 'het budget bedroeg ..., waarvan startkapitaal'), a price ('Le prix de
    location s'élève à')?"""
    words, budget = other.spans(c0, start)[0], anchors.spans(c0, start)[0]
    return bool(words) and (not budget or words[0] < budget[0])


def _disclaimed_next(ctx: SectionContext, disclaimed: _SentenceIndex, end: int) -> bool:
    """Does the sentence after the one ending at ``end`` say the amount before is no budget ('...
    an investment vehicle of around €100 million. The fund invests in start-ups; it is not the
    agency's budget.')? Not when it has an amount of its own, which is what it speaks of."""
    if end >= len(ctx.text):
        return False
    s1, e1 = ctx.sentence_span(end + 1)
    return disclaimed.any(s1, e1) and not any(s1 <= m.start < e1 for m in ctx.money)


@cache
def _disclaimer(lex: Lexicon) -> re.Pattern[str]:
    """'is not an operating budget', 'pas un budget de fonctionnement', 'geen begroting': a negation,
    a few words, a budget noun (budget.disclaimers, budget.disclaimed), in the folded text."""
    negations = alternation(lex.words("budget", "disclaimers"))
    nouns = alternation(lex.words("budget", "disclaimed"))
    return re.compile(rf"(?<![\w'’])(?:{negations})\s+(?:[\w'’]+\s+){{0,3}}?(?:{nouns})(?![\w'’])")


class _SentenceIndex:
    """A pattern's matches per sentence, found once: a section with one long sentence and many
    amounts would otherwise rescan that sentence for every amount (issue 15, item 3)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self._spans: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def spans(self, s0: int, e0: int) -> tuple[list[int], list[int]]:
        """(starts, ends) of the matches in text[s0:e0], in order (finditer's own matches)."""
        found = self._spans.get((s0, e0))
        if found is None:
            matches = [(m.start(), m.end()) for m in self.pattern.finditer(self.text, s0, e0)]
            found = ([a for a, _ in matches], [b for _, b in matches])
            self._spans[(s0, e0)] = found
        return found

    def any(self, s0: int, e0: int) -> bool:
        return bool(self.spans(s0, e0)[0])


def _clause(splits: _SentenceIndex, s0: int, e0: int, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence around the mention (split at commas, semicolons, brackets)."""
    starts, ends = splits.spans(s0, e0)
    before = bisect_right(ends, start)  # splits ending at or before the mention
    lo = ends[before - 1] if before else s0
    after = bisect_left(starts, end)  # the first split starting at or after its end
    hi = starts[after] if after < len(starts) else e0
    return lo, hi


def _nearest_anchor(ctx: SectionContext, anchors: _SentenceIndex, s0: int, e0: int, start: int, end: int) -> tuple[int, int, int] | None:
    """(start, end, words between) of the budget word closest to the amount in its sentence.

    Only anchors near the amount are measured: the words between grow as an anchor lies further
    away, so the walk each way stops at the first one out of reach.
    """
    starts, ends = anchors.spans(s0, e0)
    found: list[tuple[int, int, int]] = []
    i = bisect_right(ends, start) - 1
    while i >= 0:
        distance = _subject_distance(ctx, s0, starts[i], ends[i], start)
        if distance > ANCHOR_BEFORE_MAX:
            break
        found.append((starts[i], ends[i], distance))
        i -= 1
    found.reverse()
    j = bisect_left(starts, end)
    while j < len(starts):
        distance = ctx.token_distance(end, starts[j])
        if distance > ANCHOR_AFTER_MAX:
            break
        found.append((starts[j], ends[j], distance))
        j += 1
    best = None
    for anchor in found:  # in text order: the first of equally close anchors wins
        if best is None or anchor[2] < best[2]:
            best = anchor
    return best


SUBJECT_TOKENS = 4
"""A budget word this close to its sentence's start is its subject ('Son budget, voté ..., tourne')."""
SUBJECT_CHARS = 60
"""... and this many characters: words are counted only that far (a long sentence is not recounted)."""


def _subject_distance(ctx: SectionContext, s0: int, anchor_start: int, anchor_end: int, start: int) -> int:
    """Words between a budget word and the amount after it; for the sentence's subject, an
    apposition between commas does not count: 'Son budget, voté chaque année par le conseil puis
    approuvé par la tutelle, tourne autour de 6 milliards'."""
    distance = ctx.token_distance(anchor_end, start)
    if (distance <= ANCHOR_BEFORE_MAX or anchor_start - s0 > SUBJECT_CHARS
            or ctx.token_distance(s0, anchor_start) > SUBJECT_TOKENS):
        return distance
    gap = ctx.text[anchor_end:start]
    if not gap.lstrip().startswith(",") or gap.count(",") < 2:
        return distance
    return min(distance, ctx.token_distance(anchor_end + gap.rindex(",") + 1, start))


def _budget_value(ctx: SectionContext, m: Any, anchor: tuple[int, int, int] | None, block: Any,
                  fiscal: _SentenceIndex) -> Budget:
    amount_eur = m.amount if m.currency == "EUR" else None
    approximate = bool(m.approximate) or m.qualifier == "above"
    for alt in getattr(m, "alternatives", ()) or ():
        if amount_eur is None and alt.currency == "EUR":
            amount_eur = alt.amount
            approximate = approximate or bool(alt.approximate)
    period = m.period or _period(ctx, m, anchor, block)
    if period == "total" and block is not None and not _spans_years(ctx.folded, block.start, m.end) \
            and ctx.lex.regex("budget", "spending_questions").search(ctx.folded, block.start, block.value_start):
        period = "year"  # 'Totale werkingskosten 2023' / '€ 41,7 miljoen': all it spends in a year
    if m.period == "total" and (_one_year_sum(ctx, *_window(ctx, m, anchor))
                                or (block is not None and _one_year_sum(ctx, block.start, m.end))):
        # 'de ontwerpbegroting 2025 sluit op een totaal van € 23,4 miljoen', 'Budget total du dernier
        # exercice' over its answer
        period = "year"
    if _spans_years(ctx.folded, m.end + 1, len(ctx.folded), at_start=True) \
            or _spans_years(ctx.folded, m.end, len(ctx.folded), at_start=True):
        period = "total"  # 'EUR 6 miljoen over 2021-2024' outranks a 'per jaar' further away
    s0, e0 = ctx.sentence_span(m.start)
    if period == "total" and fiscal.any(s0, e0) and _period(ctx, m, anchor, block) != "total":
        period = "year"  # '£3.4 million (2023/24)' is one financial year, not a multi-year total
    return Budget(amount=m.amount, currency=m.currency, period=period, amount_eur=amount_eur,
                  approximate=approximate, raw=re.sub(r"\s+", " ", m.raw))


def _period(ctx: SectionContext, m: Any, anchor: tuple[int, int, int] | None, block: Any) -> BudgetPeriod | None:
    """'jaarlijks budget van X', 'X per jaar', 'Jaarbudget: X' -> year; 'X over 2021-2024' -> total."""
    lo, hi = _window(ctx, m, anchor)
    window = ctx.folded[lo:hi]
    if (_spans_years(ctx.folded, lo, hi) or ctx.lex.regex("budget", "period_total").search(window)) \
            and not _one_year_sum(ctx, lo, hi):
        return "total"
    if ctx.lex.regex("budget", "period_year").search(window):
        return "year"
    if _SINGLE_YEAR.search(ctx.text, lo, hi):
        return "year"  # 'Budget 2024: €2.1 million', '... 950 000 euros en 2023', '£3.4 million (2023/24)'
    if block is not None and ctx.lex.regex("budget", "period_year").search(ctx.folded, block.start, block.value_start):
        return "year"  # the label itself says it: 'Jaarbudget:', 'Annual budget:'
    return None


@cache
def _compared_with(lex: Lexicon) -> re.Pattern[str]:
    """A comparison word right before an amount ('tegen', 'against', 'contre')."""
    return re.compile(rf"(?:{lex.regex('budget', 'comparison').pattern})\s*$")


def _window(ctx: SectionContext, m: Any, anchor: tuple[int, int, int] | None) -> tuple[int, int]:
    """The words around an amount (and its budget word) that say its period."""
    s0, e0 = ctx.sentence_span(m.start)
    lo = min(anchor[0], m.start) if anchor else m.start
    lo = _words_back(ctx.text, s0, lo, PERIOD_WINDOW)
    words_after = list(islice(_NON_SPACE.finditer(ctx.text, m.end, e0), PERIOD_WINDOW))
    return lo, (words_after[-1].end() if words_after else m.end)


def _one_year_sum(ctx: SectionContext, lo: int, hi: int) -> bool:
    """'a total of € 23,4 million' for the 2025 budget: one year's sum. Only bare total words
    ('total', 'in totaal', 'au total'), no span of years, and a single year named."""
    window = ctx.folded[lo:hi]
    if _spans_years(ctx.folded, lo, hi):
        return False
    if not (_SINGLE_YEAR.search(ctx.text, lo, hi) or _FISCAL_YEAR.search(ctx.text, lo, hi)
            or any(one_budget_year(y.group(0)) for y in _YEAR_AND_NEXT.finditer(ctx.text, lo, hi))
            or ctx.lex.regex("budget", "period_year").search(window)):
        # One year named, a financial year ('Summary of the year 2007–08') or one said in words ('Total
        # incoming resources for the year ended 31 March 2008'): one year's sum.
        return False
    bare = ctx.lex.folded("budget", "bare_total")
    # No total word of the budget rules here: the amount's own money rules called it one (the Dutch
    # 'Totale begroting (dotatie) 2023'), which is as bare as 'total'.
    totals = [re.sub(r"\s+", " ", t.group()) for t in ctx.lex.regex("budget", "period_total").finditer(window)]
    return all(t in bare for t in totals)


def _words_back(text: str, s0: int, lo: int, count: int) -> int:
    """Start of the ``count``-th last word of text[s0:lo] (``lo`` when it has none), looking
    back only as far as needed rather than splitting the whole sentence."""
    width = 64
    while True:
        w0 = max(s0, lo - width)
        words = [m.start() for m in re.finditer(r"\S+", text[w0:lo])]
        # One word more than needed: the first may be cut by the window, the last ``count`` are whole.
        if len(words) > count or w0 == s0:
            return w0 + words[max(0, len(words) - count)] if words else lo
        width *= 2
