"""Budgets whose unit is printed once, in a header: financial statements and key-figure tables.

'Total expenditure (3,118) (2,874)' under '2019 £000 2018 £000' is £3,118,000 for the year;
'Budget (EUR m): 1.3' is EUR 1.3 million; 'Totale lasten (x € 1.000) 612' is EUR 612,000. The
lines that state a total (``budget.statement_totals`` in ``rules/{nl,en,fr}.yml``) are the
lab's spending; the other lines of a statement (turnover, grants, reserves) are not its budget.
"""

from __future__ import annotations

import re
from functools import cache

from extract.extractors.context import SectionContext
from extract.models import Budget, BudgetPeriod, Candidate, Section
from extract.rules.lexicon import fold_keep, lexicon

NAME = "statements"
VERSION = "18"

UNIT_LOOKBACK_LINES = 30  # a statement of income and expenses runs to some 20 lines under its caption
MAX_NOTE_NUMBER = 40


@cache
def _units() -> list[tuple[re.Pattern[str], float]]:
    """(pattern, multiplier), tried in this order: the currency is the pattern's first group when it
    has one. '£000', 'x € 1.000', '€m' / 'EUR million' (the scale words worth a million of
    scale_words.yml's label_scales, as printed), 'k€', 'M€', '(€)', then a caption's words for thousands and
    millions of euros or of whole euros (budget.statement_thousands, statement_millions, statement_ones);
    built once per rules folder."""
    lex = lexicon(None)
    currency = _currency()
    millions = "|".join(re.escape(w) for w, factor in label_scales().items() if factor == 1e6) or r"(?!x)x"
    captions = [(re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in lex.words("budget", key)) or r"(?!x)x",
                            re.IGNORECASE), multiplier)
                for key, multiplier in (("statement_thousands", 1e3), ("statement_millions", 1e6), ("statement_ones", 1.0))]
    return [
        (re.compile(rf"{currency}\s?['’]?000\b"), 1e3),
        (re.compile(rf"(?<![\w'’])({_letters()})\s?['’]000\b"), 1e3),  # "in Pula (P '000)"
        (re.compile(rf"(?:\bx|×)\s?{currency}\s?1[.,]000\b", re.IGNORECASE), 1e3),  # '(× € 1.000)' as typeset
        (re.compile(rf"{currency}\s?(?:{millions})\b"), 1e6),
        (re.compile(rf"\b(?:k|K){currency}|{currency}\s?k\b"), 1e3),
        (re.compile(rf"\bM{currency}|\bM(?:EUR)\b"), 1e6),
        (re.compile(rf"\(\s*(?:in\s+)?{currency}\s*\)"), 1.0),  # a column head 'Bedrag 2025 (€)': whole units
        *captions,
    ]
_AMOUNT_BEFORE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\s?$)\d[\d.,]*\s?$")  # a year column head ('2019 £000') is not one


@cache
def _letters() -> str:
    from extract.normalize.currencies import letter_signs

    return "|".join(map(re.escape, sorted(letter_signs()))) or r"(?!x)x"


@cache
def _sign_codes() -> dict[str, str]:
    """Sign or code as printed in a unit -> ISO 4217 ('£' -> GBP, 'KShs' -> KES, 'P' -> BWP)."""
    from extract.normalize.currencies import currency_signs, letter_signs

    return {**currency_signs(), **letter_signs()}


@cache
def _currency() -> str:
    """A group matching any currency sign or code the money rules know ('£', 'KShs', 'CHF', 'MGA'),
    longest first, as printed."""
    from extract.normalize.currencies import currency_signs

    return "(" + "|".join(re.escape(sign) for sign in sorted(currency_signs(), key=len, reverse=True)) + ")"
# Columns are set apart by spaces, so a space never groups thousands here ('612 549' is two years).
_NUMBER = re.compile(r"\(?-?\d{1,3}(?:[.,\u202f]\d{3})*(?:[.,]\d+)?\)?|\(?-?\d+(?:[.,]\d+)?\)?")


def unit_in(text: str) -> tuple[str, float] | None:
    """(currency, multiplier) a header or label states ('£000' -> ('GBP', 1000.0)), else None.

    A figure right before it makes it an amount ('12 M€ de FEDER'), not a unit; a year does not."""
    for pattern, multiplier in _units():
        match = next((m for m in pattern.finditer(text) if not _AMOUNT_BEFORE.search(text, 0, m.start())), None)
        if match:
            token = next((g for g in match.groups() if g), None)
            if token is None:
                # A caption's words ('en milliers de dollars canadiens'): its currency is named after them.
                from extract.normalize.currencies import find_currencies

                named = next((c.code for c in find_currencies(text[match.start():])), "EUR")
                return named, multiplier
            return _sign_codes().get(token, token.upper()), multiplier
    return None


class StatementExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        return self._totals(ctx) + self._labelled(ctx)

    def _totals(self, ctx: SectionContext) -> list[Candidate]:
        """'Total expenditure (3,118) (2,874)' with the unit in a header line above it."""
        totals = ctx.lex.regex("budget", "statement_totals")
        out = []
        stated_budgets: list[float] | None = None
        for n, (line, start) in enumerate(zip(ctx.lines, ctx.line_starts)):
            match = totals.match(fold_keep(line.text).lstrip())
            if match is None:
                continue
            rest_at = len(line.text) - len(line.text.lstrip()) + match.end()
            year = re.match(r"\s*(?:19|20)\d\d(?:[/–-]\d{2,4})?(?=\s)", line.text[rest_at:])
            if year is not None:
                rest_at += year.end()  # 'Totaal werkingsbegroting 2025  1.240.000': the year is the label's
            unit, unit_line = unit_in(line.text), line.text.strip()
            for k in range(n - 1, max(-1, n - UNIT_LOOKBACK_LINES), -1):
                if unit is not None:
                    break
                unit, unit_line = unit_in(ctx.lines[k].text), ctx.lines[k].text.strip()
            if unit is None:
                continue
            figures = _space_grouped(line.text, _figures(line.text, rest_at, ctx.lang), _year_columns(ctx, n))
            if not figures:
                continue
            value, s, e = figures[_spent_column(ctx, n, len(figures))]
            currency, multiplier = unit
            amount = value * multiplier
            if stated_budgets is None:
                stated_budgets = _stated_budgets(ctx)  # once a section, when it has a statement total
            if any(_elsewhere_in_statement(ctx, n, stated / multiplier) for stated in stated_budgets
                   if abs(stated - amount) > AMOUNT_TOLERANCE * amount):
                # "the Commission's budget was £66.5 million" over a statement whose 'Total income' is
                # 66.5 and 'Total expenditure' 65.8: the text says which total it calls the budget.
                continue
            # The header's unit goes with the figure: its '$' is read as the lab's country spends it.
            raw = line.text.strip() if unit_line == line.text.strip() else f"{unit_line} … {line.text.strip()}"
            budget = Budget(amount=amount, currency=currency, period="year",
                            amount_eur=amount if currency == "EUR" else None, approximate=False, raw=raw)
            out.append(ctx.candidate("budget", budget, start + s, start + e, family=NAME, version=VERSION,
                                     prior="label"))
        return out

    def _labelled(self, ctx: SectionContext) -> list[Candidate]:
        """'Budget (EUR m): 1.3', a table cell under 'Jaarbudget (x € 1.000)': a bare figure, the unit in the label."""
        from extract.normalize import find_money
        from extract.normalize.approximate import is_approximate

        out = []
        for block in ctx.blocks:
            if block.field != "budget":
                continue
            line_end = ctx.text.find("\n", block.value_start)
            line_end = line_end if line_end >= 0 else len(ctx.text)
            unit = unit_in(ctx.text[block.start:line_end])
            money = find_money(ctx.text[block.value_start:line_end], ctx.lang)
            scale = scale_only().search(ctx.text[block.start:block.value_start])
            if unit is None and scale is not None and len(money) == 1 and money[0].currency:
                # 'Budget (m, local currency): PLN 9.2': the label gives the scale, the cell the currency.
                found = money[0]
                if re.fullmatch(r"\D*[\d.,\s]+\D*", found.raw) and found.amount < MAX_UNSCALED:
                    amount = found.amount * label_scales()[scale.group(1).lower()]
                    budget = Budget(amount=amount, currency=found.currency, period=_label_period(ctx, block.start, line_end),
                                    amount_eur=amount if found.currency == "EUR" else None, approximate=False,
                                    raw=ctx.text[block.start:line_end].strip())
                    start = block.value_start + found.start
                    out.append(ctx.candidate("budget", budget, start, block.value_start + found.end, family=NAME,
                                             version=VERSION, prior="label"))
                continue
            if unit is None or money:
                continue
            figures = _figures(ctx.text[:line_end], block.value_start, ctx.lang)
            if not figures:
                continue
            value, s, e = figures[0]
            currency, multiplier = unit
            amount = value * multiplier
            budget = Budget(amount=amount, currency=currency, period=_label_period(ctx, block.start, line_end),
                            amount_eur=amount if currency == "EUR" else None,
                            # 'Budget: ≈ 4,100', on its own line (the line above may be another's 'Staff: ≈ 220')
                            approximate=is_approximate(ctx.text[block.start:line_end], s - block.start, e - block.start,
                                                       ctx.lang),
                            raw=ctx.text[block.start:line_end].strip())
            out.append(ctx.candidate("budget", budget, s, e, family=NAME, version=VERSION, prior="label"))
        return out


@cache
def label_scales() -> dict[str, float]:
    """Scale word -> factor, for a scale with no currency in a label's brackets (``scale_words.yml``)."""
    from extract.normalize.rule_data import load_rule_file

    return {str(word).lower(): float(factor) for word, factor in load_rule_file("scale_words")["label_scales"].items()}


@cache
def scale_only() -> re.Pattern[str]:
    """A scale with no currency in a label's brackets: 'Budget (m, local currency)', 'Budget (in millions)'."""
    from extract.normalize.rule_data import alternation

    words = alternation(label_scales(), folded=False, any_space=False)
    return re.compile(rf"\((?:[^()]*?\b)?({words})\b(?:[^()]*)\)", re.IGNORECASE)
MAX_UNSCALED = 100_000  # a cell already in units ('PLN 9,200,000') is not scaled again


_YEAR_HEAD = re.compile(r"([^\d\t]*?)\s*((?:19|20)\d\d)\b")


def _year_columns(ctx: SectionContext, line: int) -> int:
    """How many year columns the nearest header above ``line`` sets ('2022 (12 mois) 2021 (7 mois)': 2), else 0."""
    for k in range(line - 1, max(-1, line - UNIT_LOOKBACK_LINES), -1):
        heads = _YEAR_HEAD.findall(ctx.lines[k].text)
        if len(heads) >= 2:
            return len(heads)
    return 0


def _space_grouped(text: str, figures: list[tuple[float, int, int]], columns: int) -> list[tuple[float, int, int]]:
    """'Total des charges 507 269 284 036' under two year columns: a space groups thousands when the
    groups come in equal runs, one per column, each run's later groups of three digits."""
    if columns < 2 or len(figures) <= columns or len(figures) % columns:
        return figures
    size = len(figures) // columns
    runs = [figures[k:k + size] for k in range(0, len(figures), size)]
    # The last group may carry the decimals: '(1 070,8)'.
    if not all(re.fullmatch(r"\d{3}", text[s:e]) for run in runs for _, s, e in run[1:-1]) \
            or not all(_LAST_GROUP.fullmatch(text[run[-1][1]:run[-1][2]]) for run in runs) \
            or not all(re.fullmatch(r"\(?\d{1,3}", text[run[0][1]:run[0][2]]) for run in runs):
        return figures
    return [(float("".join(text[s:e].strip("()") for _, s, e in run).replace(",", ".")), run[0][1], run[-1][2])
            for run in runs]


_LAST_GROUP = re.compile(r"\d{3}(?:[.,]\d{1,2})?\)?")


def _spent_column(ctx: SectionContext, line: int, columns: int) -> int:
    """Which of a total's columns is the year's spending: the latest year's actuals when the header
    sets a budget beside them ('Begroting 2023  Realisatie 2023  Realisatie 2022'), else the first."""
    actuals = ctx.lex.folded("budget", "statement_actuals")
    for k in range(line - 1, max(-1, line - UNIT_LOOKBACK_LINES), -1):
        heads = _YEAR_HEAD.findall(ctx.lines[k].text)
        if len(heads) < 2:
            continue
        if len(heads) != columns:
            return 0
        spent = [(int(year), -n) for n, (words, year) in enumerate(heads)
                 if any(word in actuals for word in fold_keep(words).split())]
        return -max(spent)[1] if spent else 0
    return 0


AMOUNT_TOLERANCE = 1e-6
"""Relative difference under which two amounts are one: a rounded 6,4 miljoen is the 6.400 row, not 6.385."""


def _stated_budgets(ctx: SectionContext) -> list[float]:
    """Amounts a sentence calls a budget ('the Commission's budget was £66.5 million'): a budget noun
    (``funding.budget_nouns``) before the amount in its sentence, outside the statement's lines."""
    nouns = ctx.lex.regex("funding", "budget_nouns")
    out, previous = [], 0
    for found in sorted(ctx.money, key=lambda m: m.start):
        s0, _ = ctx.sentence_span(found.start)
        lead = max(s0, previous)  # '... of which £58.6 million came from': the noun is the first amount's
        noun = max(nouns.finditer(ctx.folded, lead, found.start), key=lambda m: m.start(), default=None)
        if noun is not None and "\t" not in ctx.text[noun.start():found.end]:  # the last budget noun before it
            out.append(found.amount)
        previous = found.end
    return out


def _elsewhere_in_statement(ctx: SectionContext, line: int, figure: float) -> bool:
    """Is ``figure`` (in the statement's unit) on another row of the statement ending at ``line``
    (a line set in columns, not the prose around it)?"""
    for k in range(max(0, line - UNIT_LOOKBACK_LINES), line):
        if "\t" in ctx.lines[k].text and any(abs(value - figure) <= AMOUNT_TOLERANCE * figure for value, _, _ in _figures(ctx.lines[k].text, 0, ctx.lang)):
            return True
    return False


def _figures(text: str, start: int, lang: str) -> list[tuple[float, int, int]]:
    """The figures on a statement line from ``start``: (value, start, end), a leading note number
    ('Staff costs 5 (1,864)') and bracketed units ('(x € 1.000)') left out."""
    from extract.normalize import parse_number

    rest = re.sub(r"\([^()\d]*[^\d\s()][^()]*\)", lambda m: " " * len(m.group(0)), text[start:])
    found = []
    for m in _NUMBER.finditer(rest):
        raw = m.group(0).strip("()")
        value = parse_number(raw, lang)
        if value is None:
            continue
        found.append((abs(value), start + m.start(), start + m.end()))
    # A note reference before the year columns; not the thousands of '7 420  7 137' (k€).
    thousands = (len(found) >= 2 and len(found) % 2 == 0
                 and re.fullmatch(r" \d{3}(?:[.,]\d{1,2})?\)?", text[found[0][2]:found[1][2]]) is not None)
    if len(found) >= 3 and found[0][0] <= MAX_NOTE_NUMBER and float(found[0][0]).is_integer() and not thousands:
        found = found[1:]
    return found


_YEAR_IN_BRACKETS = re.compile(r"\(\s*(?:19|20)\d\d(?:/\d{2}(?:\d{2})?)?\s*\)")


def _label_period(ctx: SectionContext, start: int, end: int) -> BudgetPeriod | None:
    """'Budget (SEK m/year): 520', 'Budget (M€): 296,4 (2010)': the label says a year, or the cell
    dates its figure by one year."""
    window = ctx.folded[start:end].replace("/", " /")  # 'SEK m/year': the unit's '/year' as a word
    if ctx.lex.regex("budget", "period_year").search(window) or _YEAR_IN_BRACKETS.search(ctx.text, start, end):
        return "year"
    return None
