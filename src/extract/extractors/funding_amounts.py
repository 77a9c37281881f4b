"""Funding sources written beside an amount rather than after a verb: 'ILS 420 million (state
budget)', 'RWF 7.9 billion in 2024/25 — about 60% government, 40% development partners', '$98.1
million in Local funds, $38.4 million in Intra-District funds', and the rows of a table of sources
('Financieringsbron | Bedrag 2025 (€)' over 'Werkingssubsidie Vlaamse overheid | 640.000')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.extractors.context import SectionContext
from extract.extractors.funding_phrases import MAX_ITEM_WORDS, alternation, clean_span, source_noun
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep

SHARE_WINDOW_CHARS = 120
"""How far after an amount a list of shares may start ('— about 60% government, 40% ...')."""
MAX_SHARE_WORDS = 5


@dataclass(frozen=True)
class SourceSpan:
    """A source's text span and the amount it was read beside (for the distance)."""

    start: int
    end: int
    anchor: int


@lru_cache(maxsize=16)
def _bracket_after(lex: Lexicon) -> re.Pattern[str]:
    # The bracket may follow the amount's period ('≈ ILS 420 million a year (state budget)').
    period = lex.regex("budget", "period_year").pattern
    return re.compile(rf"\s*(?:{period})?\s*\(\s*(?:(?:fy\s*)?\d{{4}}(?:[/–-]\d{{2,4}})?\s+)?([^()\d]{{2,60}}?)\s*\)")


@lru_cache(maxsize=16)
def _amount_in(lex: Lexicon) -> re.Pattern[str]:
    # '$98.1 million in Local funds', '2 M€ en crédits budgétaires', '€ 2 mln aan subsidies':
    # a phrase of a few words ending in a word for money.
    nouns = alternation(lex, "funding", "source_nouns")
    return re.compile(rf"\s+(?:{alternation(lex, 'funding', 'amount_in')})\s+((?:[\w'’&-]+\s+){{0,4}}?\w*(?:{nouns}))\b")


@lru_cache(maxsize=16)
def _share_item(lex: Lexicon) -> re.Pattern[str]:
    # '60% government, 40% development partners': a share, then the source up to the next comma,
    # the line's end, or a conjunction before the next share. Not '5 % van de omzet': a share of
    # something is no source.
    conj = alternation(lex, "words", "conjunctions")
    return re.compile(rf"(?<![\w.,])\d{{1,3}}(?:[.,]\d+)?\s?%\s+([^\W\d][^,;:\n()%]{{1,60}}?)"
                      rf"(?=\s*(?:,|;|\n|$|\.\s)|\s(?:{conj})\s+(?:[^\W\d]+\s+){{0,2}}\d)")


def sources_beside_amounts(ctx: SectionContext) -> list[SourceSpan]:
    """Sources beside the lab's amounts: a bracket of a word for money right after the amount, a
    list of shares after it, or the money's kind after 'in' / 'en' / 'aan'."""

    anchors = ctx.lex.regex("budget", "anchors")
    out: list[SourceSpan] = []
    for money in ctx.money:
        s0, e0 = ctx.sentence_span(money.start)
        block = ctx.block_at(money.start)
        about_budget = (block is not None and block.field in ("budget", "resources")) \
            or anchors.search(ctx.folded, s0, e0) is not None
        bracket = _bracket_after(ctx.lex).match(ctx.folded, money.end)
        if bracket is not None and not ctx.lex.regex("funding", "contrast_words").search(bracket.group(1)):
            out += _bracket_items(ctx, bracket.start(1), bracket.end(1), money.end)
        within = _amount_in(ctx.lex).match(ctx.folded, money.end)
        # A name of a kind of money ('in Local funds'), not a place in a text ('in de begroting 2024')
        # nor the lab's own giving ('SEK 3.8 billion in grants').
        if within is not None and about_budget and ctx.text[within.start(1)].isupper():
            out += _cleaned(ctx, within.start(1), within.end(1), money.end)
        if about_budget:
            out += _shares(ctx, money.end, e0)
    return out


def _bracket_items(ctx: SectionContext, start: int, end: int, anchor: int) -> list[SourceSpan]:
    """'(national budget, plus IDB loans)', '(deelstaatbegroting + verrekening)': each part that
    names money."""
    out: list[SourceSpan] = []
    joiners = alternation(ctx.lex, "funding", "item_joiners")
    at = start
    for part in re.split(rf"[,;+]|\s(?:{joiners})\s", ctx.folded[start:end]):
        part_start = ctx.folded.index(part, at) if part else at
        at = part_start + len(part)
        if part.strip() and source_noun(ctx).search(part) and len(part.split()) <= MAX_SHARE_WORDS:
            out += _cleaned(ctx, part_start, part_start + len(part), anchor)
    return out


def _shares(ctx: SectionContext, start: int, sentence_end: int) -> list[SourceSpan]:
    line_end = ctx.text.find("\n", start)
    end = min(sentence_end, line_end) if line_end >= 0 else sentence_end
    items = list(_share_item(ctx.lex).finditer(ctx.folded, start, min(end, start + SHARE_WINDOW_CHARS + 80)))
    if len(items) < 2 or items[0].start() - start > SHARE_WINDOW_CHARS:
        return []  # a breakdown names two sources or more; one share is a part of something else
    out: list[SourceSpan] = []
    for item in items:
        if len(item.group(1).split()) > MAX_SHARE_WORDS:
            continue  # '30% of the budget goes to ...': a sentence, not a source
        out += _cleaned(ctx, item.start(1), item.end(1), start)
    return out


def _cleaned(ctx: SectionContext, start: int, end: int, anchor: int) -> list[SourceSpan]:
    cleaned = clean_span(ctx, start, end)
    if cleaned is None:
        return []
    start, end = cleaned
    text = ctx.text[start:end]
    if not text[:1].isalpha() or len(text.split()) > MAX_ITEM_WORDS or ctx.refers_to_lab(text):
        return []
    return [SourceSpan(start, end, anchor)]


MAX_SOURCE_ROWS = 12
MAX_HEAD_WORDS = 4
_ROW_FIGURE = re.compile(r"\t\s*[-–(]?\s*[$€£¥]?\s*\d")


def sources_in_tables(ctx: SectionContext) -> list[SourceSpan]:
    """The rows of a table whose first column is headed by a word for the source of money
    ('Financieringsbron', 'Source of funding', 'Origine des ressources'): each row's first cell,
    up to its total."""
    headers = ctx.lex.regex("funding", "table_headers")
    totals = ctx.lex.regex("funding", "total_rows")
    out: list[SourceSpan] = []
    for n, (line, start) in enumerate(zip(ctx.lines, ctx.line_starts)):
        cells = line.text.split("\t")
        if len(cells) < 2 or not headers.fullmatch(fold_keep(cells[0]).strip()) \
                or any(len(cell.split()) > MAX_HEAD_WORDS for cell in cells[1:]):
            continue  # a header row: 'Financieringsbron | Bedrag 2025 (€) | Aandeel', not a line of values
        for row, row_start in list(zip(ctx.lines, ctx.line_starts))[n + 1:n + 1 + MAX_SOURCE_ROWS]:
            if "\t" not in row.text:
                if re.match(rf"\s*(?:\d+(?:\.\d+)*\s|[{CAPITALS}])", row.text):
                    break  # the next question or paragraph, not a row's cell run over
                continue  # 'Werkingssubsidie ... (huidige periode' / '2023–2025)': a cell over two lines
            cell = row.text.split("\t", 1)[0]
            if totals.match(fold_keep(cell).strip()) or not _ROW_FIGURE.search(row.text):
                break
            cell = re.sub(r"\s*\([^()]*$", "", cell)  # a bracket the line break left open
            at = row_start + len(row.text) - len(row.text.lstrip())
            out += _cleaned(ctx, at, at + len(cell.strip()), start)
    return out
