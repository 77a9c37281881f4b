"""Staff: how many people work for the lab ('4 medewerkers', 'c. 25 FTE', 'huit personnes').

A count must be tied to a staff noun (optionally with adjectives between: '22 toegewijde
medewerkers', '7 full time medewerkers') or follow 'team of' / the staff label. Generic nouns
('mensen', 'people', 'personnes', 'agents') count only next to a team/staff word, so '5000 mensen
bereikt' is not a team. Board sizes ('11 leden', 'members') and counts of other things
(projects, labs, departments) are never staff: their nouns are not staff nouns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.extractors.context import SectionContext
from extract.models import Candidate, Section, Staff, StaffUnit
from extract.normalize import NumberMention
from extract.normalize.dates import date_spans
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep

NAME = "staff"
VERSION = "25"

MAX_ADJECTIVES = 3
GENERIC_ANCHOR_MAX = 6
MAX_COUNT = 100_000
MAX_QUALIFIER_WORDS = 3
COUNT_AFTER_CHARS = 60
YEAR = re.compile(r"^(?:18|19|20)\d\d$")


@lru_cache(maxsize=8)
def _noun_pattern(lex: Lexicon) -> re.Pattern[str]:
    nouns = sorted({fold_keep(n) for key in ("nouns", "generic_nouns", "role_nouns") for n in lex.words("staff", key)},
                   key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    # "une centaine d'agents": French elides 'de' before a vowel.
    return re.compile(rf"\s*((?:[\w'’-]+\s+){{0,{MAX_ADJECTIVES}}}?)(?:d['’])?({body})(?![\w])")


@lru_cache(maxsize=8)
def _grew(lex: Lexicon) -> re.Pattern[str]:
    """A word that says a team grew ('grown', 'gegroeid', 'passée'): staff.grew_stems at a word's start."""
    return re.compile(rf"\b(?:{alternation(lex.words('staff', 'grew_stems'))})")


@lru_cache(maxsize=8)
def _function_words(lex: Lexicon) -> frozenset[str]:
    words: set[str] = set()
    for key in ("determiners", "connectors", "clause_verbs", "relatives", "conjunctions", "agent_markers"):
        words |= lex.folded("words", key)
    return frozenset(words)


class StaffExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        from extract.normalize import find_numbers

        lex = ctx.lex
        nouns = _noun_pattern(lex)
        roles = lex.folded("staff", "role_nouns")
        generic = lex.folded("staff", "generic_nouns") | roles
        fte = lex.folded("staff", "fte_nouns")
        blockers = _function_words(lex)
        anchors = lex.regex("staff", "anchors")
        team_of = lex.regex("staff", "team_of")
        staff_block = ctx.block("staff")
        out = []
        dates = date_spans(ctx.text)
        year_end = lex.regex("staff", "at_year_end")
        # A day of the month is no count: 'Employees at 31 December 372 (2022: 351)'.
        numbers = [n for n in find_numbers(ctx.text, ctx.lang) if not YEAR.match(n.raw) and 0 < n.value <= MAX_COUNT
                   and not ctx.is_heading_number(n.start) and not any(a <= n.start < b for a, b in dates)]
        out += _count_after_noun(ctx, numbers)
        out += _table_row_counts(ctx)
        out += _total_count(ctx, numbers)
        out += _posts_filled(ctx, numbers)
        dated: list[tuple[int | None, Candidate]] = []
        grown, earlier = _grown_to(ctx, numbers, nouns)
        at_start = [m.start() for m in lex.relation_matcher("staff", "at_start").finditer(ctx.folded)]
        out += grown
        unit: StaffUnit
        for index, n in enumerate(numbers):
            if n.start in earlier:
                continue
            s0, e0 = ctx.sentence_span(n.start)
            match = nouns.match(ctx.folded, n.end)
            label_value = staff_block is not None and _opens_value(ctx.text, staff_block.value_start, n, dates,
                                                                   year_end, ctx.folded)
            if label_value and ctx.lines and ctx.lines[row := ctx.line_indexes(n.start, n.end)[0]].role == "table" \
                    and _money_fraction(ctx, row, n.value):
                label_value = False  # 'Personnel  7,9' under '(en millions d'euros)': staff costs
            team_before = _ends_with(team_of, ctx.folded, ctx.words_back(s0, n.start, 3), n.start)
            if match and re.search(rf"\n\s*[{CAPITALS}]", ctx.text[n.end:match.start(2)]):
                match = None  # 'of whom in horticulture 200' / 'Affiliated researchers ... 500': the next row's noun
            if match and match.end() <= e0:
                between = match.group(1).split()
                if len(between) >= 2 and between[0] in lex.words("staff", "count_links") \
                        and fold_keep(between[1]) in lex.folded("words", "determiners") | lex.folded("labs", "determiners"):
                    continue  # 'three of our colleagues', 'trois de nos collègues': some of the staff, not its count
                if n.is_word and between and between[0] in lex.words("staff", "count_links"):
                    between = between[1:]  # 'une dizaine de personnes', 'a dozen of'
                if any(w in blockers or w[:1].isdigit() for w in between):
                    match = None  # 'équipe de 8 coachs et chargés de mission': the noun is not the count's
            if match and match.end() <= e0:
                between = match.group(1).split()
                if n.is_word and between and between[0] in lex.words("staff", "count_links"):
                    between = between[1:]
                noun = re.sub(r"\s+", " ", match.group(2))
                if lex.regex("staff", "wanted").match(ctx.folded, match.end() + 1):
                    continue  # 'the 65 staff it needed three months before launch'
                if _others_staff(ctx, match.end()):
                    continue  # '22 personeelsleden van WBT kwamen toen over': another body's people
                works = lex.regex("staff", "work_verbs").match(ctx.folded, match.end() + 1)
                if works is None and (adjective := _ONE_WORD.match(ctx.folded, match.end() + 1)) is not None:
                    # '250 agents permanents y travaillent': an adjective between the noun and its verb.
                    works = lex.regex("staff", "work_verbs").match(ctx.folded, adjective.end())
                resources = ctx.field_at(n.start) in ("staff", "resources")
                if noun in generic and not (team_before or label_value or works or resources or
                                            _anchor_before(ctx, anchors, s0, n.start) or _fronted(ctx, s0, n.start)):
                    continue  # '5000 mensen bereikt'; but '8 people work at the lab' counts
                in_block = (ctx.field_at(n.start) in ("staff", "resources")
                            or _anchor_before(ctx, anchors, s0, n.start))
                # '5000 medewerkers' of the city elsewhere in the text is weaker than the resources block;
                # 'two service designers' is a part of 'a team of five: ...'.
                prior = ("block" if noun in roles else "label" if label_value else "anchored" if in_block
                         else "block")
                unit = "fte" if noun in fte else "headcount"
                end = match.end()
                distance = len(between)
            elif team_before or label_value:
                # 'een team van 10.', 'Staff: 25' (the label or 'team of' is the anchor)
                prior, unit, end, distance = ("label" if label_value else "block"), "headcount", n.end, 0
                if staff_block is not None and lex.regex("staff", "fte_nouns").search(
                        ctx.folded, staff_block.start, staff_block.value_start):
                    unit = "fte"
            else:
                continue
            if _disclaimed(ctx, n.end, e0):
                continue  # '43 mensen ... Die cijfers zijn achterhaald': not the lab's count now
            if any(s0 <= at < n.start for at in at_start):
                # "À ses débuts, l'Office comptait 24 employés", 'began in 1997 with a team of about 30':
                # not what it has now.
                prior = "mention"
            if lex.regex("staff", "part_places").search(ctx.folded, max(s0, ctx.text.rfind("\n", 0, n.start) + 1), n.start):
                prior = "mention"  # 'Personnel au siège ≈ 500': the people in one place, a part of the staff
            count = int(n.value) if n.value == int(n.value) else n.value
            approximate = bool(n.approximate) or (index > 0 and _approximate_range(ctx, numbers[index - 1], n))
            value = Staff(count=count, approximate=approximate, unit=unit,
                          raw=re.sub(r"\s+", " ", ctx.text[n.start:end]))
            candidate = ctx.candidate("staff", value, n.start, end, family=NAME, version=VERSION,
                                      prior=prior, distance=distance, ner=("CARDINAL",))
            dated.append((_year_told(ctx, n.start), candidate))
            out.append(candidate)
        return _older_counts_weaker(out, dated)


_ONE_WORD = re.compile(rf"[{LOWERCASE}]+\s+")

OLDER_COUNT_FACTOR = 0.9
"""A count the text dates before another count's year keeps this share of its confidence."""


def _disclaimed(ctx: SectionContext, end: int, sentence_end: int) -> bool:
    """Does the rest of the count's sentence, or the next sentence, say the figure is not the lab's
    count now ('Ce chiffre ne vaut que pour le site de Bruxelles', 'Die cijfers zijn achterhaald')?"""
    disclaimers = ctx.lex.regex("words", "figure_disclaimers")
    if disclaimers.search(ctx.folded, end, sentence_end):
        return True
    if sentence_end >= len(ctx.text):
        return False
    s1, e1 = ctx.sentence_span(min(len(ctx.text) - 1, sentence_end + 1))
    return s1 >= sentence_end and disclaimers.search(ctx.folded, s1, e1) is not None


def _year_told(ctx: SectionContext, at: int) -> int | None:
    """The latest year the text gives before the count at ``at``, in its sentence or the one before
    ('In 2007 verhuisde de dienst ... het personeel daalde tot 104 medewerkers'; not the prior year
    after it: 'Employees at 31 December 372 (2022: 351)')."""
    s0, _ = ctx.sentence_span(at)
    before, _ = ctx.sentence_span(max(0, s0 - 2)) if s0 > 1 else (s0, at)
    years = [int(m.group(0)) for m in re.finditer(r"(?<![\d.,])(?:1[6-9]|20)\d\d(?![\d.,]\d)", ctx.text[before:at])]
    return max(years) if years else None


def _older_counts_weaker(out: list[Candidate], dated: list[tuple[int | None, Candidate]]) -> list[Candidate]:
    """'daalde tot een dieptepunt van 104 medewerkers' (2007) beside 'begin 2017 werkten er weer 170
    mensen': the count the text dates latest is the lab's now; an older one is weaker."""
    years = [year for year, _ in dated if year is not None]
    if len(set(years)) < 2:
        return out
    latest = max(years)
    weaker = {id(c) for year, c in dated if year is not None and year < latest}
    return [c.model_copy(update={"provenance": c.provenance.model_copy(
        update={"confidence": round(c.provenance.confidence * OLDER_COUNT_FACTOR, 3)})}) if id(c) in weaker else c
            for c in out]


@lru_cache(maxsize=8)
def _number_of(lex: Lexicon) -> re.Pattern[str]:
    """'the number of', 'het aantal', 'le nombre d'': what opens a count that follows its noun (folded text)."""
    nouns = alternation(lex.words("staff", "number_nouns"), any_space=False)
    links = alternation(lex.words("staff", "count_links"), any_space=False)
    return re.compile(rf"(?:{nouns})\s+(?:\w+\s+){{0,2}}?(?:{links})?\s*$")


def _count_after_noun(ctx: SectionContext, numbers: list[NumberMention]) -> list[Candidate]:
    """'The average number of employees during the year was 43', 'het aantal medewerkers bedroeg 12':
    the count follows its noun and a verb; a prior year in brackets after it is not the count."""
    lex = ctx.lex
    strict = {fold_keep(w) for w in lex.words("staff", "nouns")}
    verbs = lex.regex("staff", "count_after")
    number_of = _number_of(lex)
    out = []
    for m in _noun_pattern(lex).finditer(ctx.folded):
        noun = re.sub(r"\s+", " ", m.group(2))
        if noun not in strict or not number_of.search(ctx.folded, max(0, m.start(2) - 40), m.start(2)):
            continue
        _, e0 = ctx.sentence_span(m.start(2))
        verb = verbs.search(ctx.folded, m.end(), min(e0, m.end() + COUNT_AFTER_CHARS))
        if verb is None:
            continue
        n = next((n for n in numbers if n.start >= verb.end() and n.start < e0), None)
        if n is None or ctx.token_distance(verb.end(), n.start) > 2:
            continue
        count = int(n.value) if n.value == int(n.value) else n.value
        fte = noun in lex.folded("staff", "fte_nouns")
        value = Staff(count=count, approximate=bool(n.approximate), unit="fte" if fte else "headcount",
                      raw=re.sub(r"\s+", " ", ctx.text[m.start(2):n.end]))
        out.append(ctx.candidate("staff", value, m.start(2), n.end, family=NAME, version=VERSION,
                                 prior="anchored", distance=ctx.token_distance(m.end(), n.start) // 2,
                                 ner=("CARDINAL",)))
    return out


def _others_staff(ctx: SectionContext, end: int) -> bool:
    """Does a link word and another organisation's capitalised name follow the staff noun ending at
    ``end`` ('personeelsleden van WBT', 'staff of the Tourist Board'), not the lab's own?"""
    found = _owner_after(ctx.lex).match(ctx.text, end)
    return found is not None and not ctx.refers_to_lab(found.group(1))


@lru_cache(maxsize=8)
def _owner_after(lex: Lexicon) -> re.Pattern[str]:
    """' van WBT', ' of the Regional Board' right after a staff noun: whose people they are."""
    links = alternation(lex.words("staff", "count_links"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False)
    return re.compile(rf"\s+(?:{links})\s+((?:(?:{articles})\s+)?[{CAPITALS}][\w&'’-]*(?:\s+[{CAPITALS}][\w&'’-]*)*)")


@lru_cache(maxsize=8)
def _fronted_with(lex: Lexicon) -> re.Pattern[str]:
    """A sentence opening on 'With' and at most two words ('With some ', 'Avec quelque ') before a count."""
    return re.compile(rf"\W*(?:{alternation(lex.words('staff', 'fronted_with'))})\s+(?:[\w'’]+\s+){{0,2}}$")


def _fronted(ctx: SectionContext, s0: int, at: int) -> bool:
    """'Avec quelque 2 500 personnes, ..., la DGT est ...'; not 'has worked with more than 6,000 civil servants'."""
    return _fronted_with(ctx.lex).fullmatch(ctx.folded, s0, at) is not None


@lru_cache(maxsize=8)
def _posts_of_which(lex: Lexicon) -> re.Pattern[str]:
    """'posts, of which ' right before a count (folded text)."""
    return re.compile(rf"\b(?:{alternation(lex.words('staff', 'post_nouns'))})\s*,?\s*"
                      rf"(?:{alternation(lex.words('staff', 'posts_of_which'))})\s+$")


FILLED_WORDS = 3
"""Words between a count of posts filled and the word that says so ('176 were occupied')."""


def _posts_filled(ctx: SectionContext, numbers: list[NumberMention]) -> list[Candidate]:
    """'The establishment plan provided for 200 posts, of which 176 were occupied', '200 postes, dont 176
    pourvus': the posts filled, not the posts planned, are the people the lab has."""
    lex = ctx.lex
    out = []
    for n in numbers:
        if not _posts_of_which(lex).search(ctx.folded, max(0, n.start - 40), n.start):
            continue
        after = ctx.folded[n.end:ctx.sentence_span(n.start)[1]].split()[:FILLED_WORDS + 1]
        if not {w.strip(".,;") for w in after} & lex.folded("staff", "posts_filled"):
            continue
        value = Staff(count=int(n.value), approximate=bool(n.approximate), unit="headcount", raw=n.raw)
        out.append(ctx.candidate("staff", value, n.start, n.end, family=NAME, version=VERSION, prior="anchored",
                                 ner=("CARDINAL",)))
    return out


def _table_row_counts(ctx: SectionContext) -> list[Candidate]:
    """'personen  fte' / 'Bureaupersoneel  19  15,9': a table row whose label counts the lab's people
    (staff.table_row_nouns, a compound's end too) gives its first count, the head count's column
    before an FTE column (the header row above says which is which)."""
    from extract.normalize import find_numbers

    row_nouns = tuple(ctx.lex.folded("staff", "table_row_nouns"))
    fte = ctx.lex.folded("staff", "fte_nouns")
    totals = ctx.lex.folded("budget", "bare_total")
    approximations = {w.strip(".") for w in ctx.lex.folded("words", "value_approximations")}  # 'Employees (approx.)'
    whole = ctx.lex.folded("staff", "whole_qualifiers")
    out = []
    for index, (line, start) in enumerate(zip(ctx.lines, ctx.line_starts)):
        cells = line.text.split("\t")
        if line.role != "table" or len(cells) < 2:
            continue
        label_text = re.sub(r"\([^()]*\)", " ", cells[0])
        head, comma, qualifier = label_text.partition(",")
        if comma and set(fold_keep(qualifier).split()) & whole:
            label_text = head  # 'Employees, whole service': the count of all the lab's people
        label = fold_keep(label_text).split()
        # 'Bureaupersoneel', 'Total staff'; not 'Ondersteunende medewerkers', one kind of staff of several.
        if not label or not label[-1].endswith(row_nouns) or (len(label) > 1 and label[0] not in totals):
            continue
        if _money_table(ctx, index):
            continue  # 'Table 2. Grant expenditure by year (C$000)' over 'Staff (lab leads, design)  148': staff costs
        header = _header_cells(ctx, index)
        shift = len(cells) - len(header)  # a header row leaves the labels' column blank or out
        counts = []
        offset = start + len(cells[0]) + 1
        for column, cell in enumerate(cells[1:], start=1):
            found = find_numbers(cell, ctx.lang)
            if len(found) == 1 and not cell[:found[0].start].strip() and not cell[found[0].end:].strip() \
                    and 0 < found[0].value <= MAX_COUNT and not YEAR.match(found[0].raw) \
                    and not _money_fraction(ctx, index, found[0].value):
                name = fold_keep(header[column - shift]).strip() if 0 <= column - shift < len(header) else ""
                unit: StaffUnit = "fte" if name in fte else "headcount"
                counts.append((unit, found[0], offset + found[0].start, int(name) if YEAR.match(name) else 0))
            offset += len(cell) + 1
        if not counts:
            continue
        if any(year for *_, year in counts):
            counts = [max(counts, key=lambda c: c[3])]  # '2020 2022' over 'Employees 2,000 2,300': the latest year
        unit, n, at, _ = next((c for c in counts if c[0] == "headcount"), counts[0])
        count = int(n.value) if n.value == int(n.value) else n.value
        approximate = bool(n.approximate) or bool(set(re.findall(r"\w+", fold_keep(cells[0]))) & approximations)
        value = Staff(count=count, approximate=approximate, unit=unit, raw=f"{cells[0].strip()} {n.raw}")
        out.append(ctx.candidate("staff", value, at, at + len(n.raw), family=NAME, version=VERSION,
                                 prior="anchored", ner=("CARDINAL",)))
    return out


def _money_table(ctx: SectionContext, row: int) -> bool:
    """Does the table holding ``row`` count money: its header rows or the caption above them name a
    currency, thousands or a money word?"""
    above = []
    for line in reversed(ctx.lines[:row]):
        above.append(line.text)
        if line.role != "table":
            break  # the caption
    text = " ".join(above)
    return bool(re.search(r"[$€£¥]|\b000\b", text)) or \
        ctx.lex.regex("funding", "money_words").search(fold_keep(text)) is not None


def _money_fraction(ctx: SectionContext, row: int, value: float) -> bool:
    """Is ``value``, read on table line ``row``, money: a figure with a fraction in a table whose
    caption or header row names a currency ('Personnel  7,9' under "Compte de résultat simplifié (en
    millions d'euros)")? Rows of figures above it do not count: 'Budget  €1.2m' is a row of a fact
    table that counts staff too. Such a table may still count people ('Medewerkers (per 31 december)
    2.346' under '(in miljoenen euro, tenzij anders vermeld)'): a whole number there stays a count."""
    from extract.normalize.currencies import find_currencies

    if value == int(value):
        return False
    for line in reversed(ctx.lines[:row]):
        if (line.role != "table" or not _has_figures(line.text)) and find_currencies(line.text):
            return True
        if line.role != "table":
            return False
    return False


def _has_figures(row: str) -> bool:
    """Does a table row hold a figure in a cell, years aside ('2020  2022' is a header)?"""
    return any(re.search(r"\d", cell) and not YEAR.match(cell.strip()) for cell in row.split("\t"))


def _header_cells(ctx: SectionContext, row: int) -> list[str]:
    """The cells of the table's header: the nearest table line above ``row`` without a figure but
    its years ('2020  2022')."""
    for line in reversed(ctx.lines[:row]):
        if line.role != "table":
            break
        if not _has_figures(line.text):
            return line.text.split("\t")
    return []


def _total_count(ctx: SectionContext, numbers: list[NumberMention]) -> list[Candidate]:
    """'41 permanent and pensionable employees and 12 staff on fixed-term contracts, a total of 53':
    the count after a word for the sum, in a sentence that counts staff before it."""
    nouns = _noun_pattern(ctx.lex)
    strict = {fold_keep(w) for w in ctx.lex.words("staff", "nouns")}
    out = []
    for m in ctx.lex.regex("staff", "total_of").finditer(ctx.folded):
        n = next((n for n in numbers if m.end() <= n.start <= m.end() + 2), None)
        line_end = ctx.text.find("\n", m.end())
        if n is not None and " " not in m.group(0).strip() and re.search(
                r"\d", ctx.text[n.end:line_end if line_end >= 0 else len(ctx.text)]):
            continue  # 'Total 230 256 264 750': a table's row of totals by year, not one count
        s0, _ = ctx.sentence_span(m.start())
        counted = [k for k in nouns.finditer(ctx.folded, s0, m.start()) if re.sub(r"\s+", " ", k.group(2)) in strict]
        if n is None or not counted:
            continue
        count = int(n.value) if n.value == int(n.value) else n.value
        value = Staff(count=count, approximate=bool(n.approximate), unit="headcount",
                      raw=re.sub(r"\s+", " ", ctx.text[m.start():n.end]))
        out.append(ctx.candidate("staff", value, m.start(), n.end, family=NAME, version=VERSION,
                                 prior="anchored", distance=0, ner=("CARDINAL",)))
    return out


def _approximate_range(ctx: SectionContext, previous: NumberMention, n: NumberMention) -> bool:
    """'les effectifs d'environ 700 à 500 personnes': the approximation before a range's first number
    (``previous``) qualifies its second too."""
    if not previous.approximate or previous.end > n.start:
        return False
    between = ctx.folded[previous.end:n.start].split()
    return len(between) == 1 and between[0] in ctx.lex.folded("staff", "range_to")


def _grown_to(ctx: SectionContext, numbers: list[NumberMention],
              nouns: re.Pattern[str]) -> tuple[list[Candidate], set[int]]:
    """'had grown from 15 people to some 140': a team that grew is as large as it grew to. The later
    count takes the earlier one's noun; the earlier count is no candidate (its offset is returned)."""
    out, earlier = [], set()
    generic = ctx.lex.folded("staff", "generic_nouns") | ctx.lex.folded("staff", "role_nouns")
    for a, b in zip(numbers, numbers[1:]):
        noun = nouns.match(ctx.folded, a.end)
        if noun is None or noun.group(1).strip():
            continue
        between = ctx.folded[noun.end():b.start].split()
        if not between or between[0] not in ctx.lex.words("staff", "range_to") or len(between) > 3:
            continue
        word = re.sub(r"\s+", " ", noun.group(2))
        s0, _ = ctx.sentence_span(a.start)
        if word in generic and not _anchor_before(ctx, ctx.lex.regex("staff", "anchors"), s0, a.start + 1) \
                and not _grew(ctx.lex).search(ctx.folded[s0:a.start]):
            continue  # 'from 5000 people to 8000' reached, not employed
        count = int(b.value) if b.value == int(b.value) else b.value
        value = Staff(count=count, approximate=bool(b.approximate),
                      unit="fte" if word in ctx.lex.folded("staff", "fte_nouns") else "headcount",
                      raw=re.sub(r"\s+", " ", ctx.text[a.start:b.end]))
        out.append(ctx.candidate("staff", value, b.start, b.end, family=NAME, version=VERSION,
                                 prior="anchored", ner=("CARDINAL",)))
        earlier.add(a.start)
    return out, earlier


_DAY_AND_MONTH = r"\s+(?:\d{1,2}\.?\s+[^\W\d]+|[^\W\d]+\s+\d{1,2})"
_QUALIFIER = re.compile(rf"\s*\((?:[\d/.\s-]{{1,12}}|[^\W\d]+(?:\s+[^\W\d]+){{0,2}}(?:{_DAY_AND_MONTH})?)\)")


def _opens_value(text: str, value_start: int, n: NumberMention, dates: list[tuple[int, int]],
                 year_end: re.Pattern[str], folded: str) -> bool:
    """Is ``n`` the first thing after the label, but for an approximation ('Staff: c. 30') or the
    date it counts on ('Employees at 31 December 372', 'Staff at year end 46', 'Medewerkers in
    loondienst (31-12) 96')?"""
    if n.start < value_start:
        return False
    lead = re.match(r"\s*", text[value_start:])
    at = value_start + (lead.end() if lead else 0)
    if (on_year_end := year_end.match(folded, at)) is not None and on_year_end.end() <= n.start:
        value_start = on_year_end.end()
    on_date = next((b for a, b in dates if value_start <= a and b <= n.start
                    and len(text[value_start:a].split()) <= MAX_QUALIFIER_WORDS), None)
    if on_date is not None:
        value_start = on_date + (1 if text[on_date:on_date + 1] == ")" else 0)
    # 'Personeelsleden (31/12) 62': a bracketed qualifier of the label (a date, a unit) comes first.
    # '(31/12)', '(headcount)', '(people employed)', '(headcount at 31 December)'
    qualifier = _QUALIFIER.match(text, value_start)
    if qualifier:
        if n.start < qualifier.end():
            return False
        value_start = qualifier.end()
    gap = text[value_start:n.start]
    if len(gap.strip()) < 3:
        return True
    return n.approximate and len(gap.split()) <= MAX_QUALIFIER_WORDS and not any(c.isdigit() for c in gap)


def _ends_with(pattern: re.Pattern[str], folded: str, lo: int, pos: int) -> bool:
    """Does a phrase of ``pattern`` end right before ``pos`` (allowing an approximation word)?"""
    for m in pattern.finditer(folded, lo, pos):
        rest = folded[m.end():pos].split()
        if len(rest) <= 1:
            return True
    return False


def _anchor_before(ctx: SectionContext, anchors: re.Pattern[str], lo: int, pos: int) -> bool:
    lo = ctx.words_back(lo, pos, GENERIC_ANCHOR_MAX + 1)  # farther anchors are out of reach anyway
    return any(ctx.token_distance(a.end(), pos) <= GENERIC_ANCHOR_MAX for a in anchors.finditer(ctx.folded, lo, pos))
