"""The labelled blocks of a section's text: where a field label ('Website:', 'Budget 2023 950 000
euros', a form's question) opens the value of one field and where the next label or a numbered
heading closes it. ``SectionContext`` finds them once per section; the extractors read a field's
block before the prose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import LabelMatch, match_label
from extract.segment.forms import QUESTION_CODE, form_questions

# '2.4 Name', '3. Name': a numbered heading the segmenter left inside a section.
_NUMBERED_HEADING = re.compile(rf"^\s*(?:\d{{1,2}}(?:\.\d{{1,2}})+\.?|\d{{1,2}}\.)\s+[{CAPITALS}]")


# A form's part by its letter alone: 'C. Activité' after the answers of part B.
_LETTER_PART = re.compile(rf"^\s*[A-Z]\.\s+[{CAPITALS}][\w'’-]+(?:\s+[\w'’-]+){{0,3}}\s*$")


@cache
def _part_title() -> re.Pattern[str]:
    """A form's part: 'Section 2 — Ressources humaines', 'Part B: Resources' (``words.part_titles``)."""
    parts = alternation(lexicon(None).words("words", "part_titles"), folded=False, any_space=False)
    return re.compile(rf"^\s*(?:{parts})\s+(?:\d{{1,2}}|[A-Z]|[IVX]{{1,4}})\s*[—–:.-]\s")
MAX_LABEL_WORDS = 4
MAX_KEY_FACT_WORDS = 12
# Fields whose value is a name: 'Rattachement Métropole de Lyon', 'Parent departments Ministry of X'.
NAME_VALUED_FIELDS = frozenset({"parent", "country"})
# What a value looks like right after a label without a colon: a number (with its approximation
# or currency), an address, or a 'not known' mark.
@cache
def _key_fact_value() -> re.Pattern[str]:
    """The approximation words before a figure are rule data (words.value_approximations)."""
    about = alternation(lexicon(None).words("words", "value_approximations"), folded=False, any_space=False)
    return re.compile(
        rf"(?:[~≈±<>]\s*|(?:{about})\s+)?(?:\d|[$€£¥]|[A-Z]{{3}}\s?\d|[A-Z]{{1,2}}\$)"
        r"|www\.|https?://|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?(?:\s|$)|n/?a\b|n\.c\.|n\.v\.t\.|[—–-]\s*$",
        re.IGNORECASE)
SINGLE_LINE_FIELDS = frozenset({"website", "founded", "country", "name", "acronym"})
SHORT_VALUED_FIELDS = NAME_VALUED_FIELDS | {"funding", "staff", "budget"}
"""Fields whose value a heading ends; a role or governance text goes on under its sub-headings."""
COUNT_DATE_LEAD = 12
"""Characters before the date a figure is counted on: 'at ', 'au ', 'per ', 'on the '."""


def _without_count_date(rest: str) -> str:
    """'at year end 46', 'au 31 décembre 2023 96': the value after the date it is counted on."""
    from extract.normalize.dates import date_spans

    year_end = lexicon(None).regex("staff", "at_year_end").match(fold_keep(rest))
    if year_end is not None:
        return rest[year_end.end():].lstrip(" :")
    first = next(iter(date_spans(rest)), None)
    if first is not None and first[0] <= COUNT_DATE_LEAD and not any(c.isdigit() for c in rest[:first[0]]):
        return rest[first[1]:].lstrip(" :")
    return rest


def _label_of(line: Line) -> LabelMatch | None:
    """The field label opening a line. In a table line the label may stand without a colon
    ('Sigle LAVIP', 'Budget 2023 950 000 euros'); so may it on a short key-facts line of a slide
    or an infobox when a value follows ('Employees c. 15', 'Web www.vinnova.se', 'Est. 2014')."""
    match = match_label(line.text)
    if match is not None and line.text[:1].islower() and line.role == "body":
        return None  # 'The rest is toll' / 'income: TII owns ...': a sentence going on, not a label
    if match is not None:
        return match
    words = line.text.split()
    key_facts = line.role != "table"
    if key_facts and (len(words) > MAX_KEY_FACT_WORDS or not line.text[:1].isupper()):
        return None
    for size in range(min(MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        match = match_label(f"{head}: x")
        if match is not None and fold_keep(match.label) == fold_keep(head):
            rest = line.text.split(None, size)[-1]
            # 'Nom Fonds national suisse de la ...' in a fact box: a plain name label (not 'Lab Zéro', a
            # name that opens on a head noun, nor 'Nom officiel', which gives the official name).
            plain_name = match.field == "name" and " " not in head and fold_keep(head) not in _kind_words()
            named = (match.field in NAME_VALUED_FIELDS or plain_name) and rest[:1].isupper()
            if key_facts and not (_key_fact_value().match(_without_count_date(rest)) or named):
                return None  # 'Team members met weekly': prose that opens with a label word
            if key_facts and not named and runs_on(rest):
                return None  # 'Sinds 2022 valt de dienst onder het' / '...': a sentence going on to the next line
            return LabelMatch(field=match.field, label=head, value=rest)
    if len(words) >= 2 and fold_keep(words[0]) in lexicon(None).folded("governance", "body_list_labels") \
            and words[1][:1].isupper():
        # 'Organes Conseil de fondation · Conseil national ...': the bodies a key-facts line lists. Not
        # a form's label: 'Other bodies in your state' asks for other organisations.
        return LabelMatch(field="governance", label=words[0], value=line.text.split(None, 1)[1])
    return None


_KEYED_ROW = re.compile(r"^[^:\s][^:]{0,40}:\s")


@cache
def _kind_words() -> frozenset[str]:
    lex = lexicon(None)
    return lex.folded("labs", "heads") | lex.folded("labs", "definition_nouns") | lex.folded("governance", "org_heads")


def runs_on(value: str) -> bool:
    """Does a one-line value stop on a word that needs the next line ('... suisse de la', '... of the')?"""
    words = value.split()
    return bool(words) and fold_keep(words[-1]) in lexicon(None).folded("labs", "function_words")


def keyed_row(line: Line) -> bool:
    """A key-facts table's row, read as 'Key: value' (``segment.tables.key_value_tables``)."""
    return line.role == "table" and _KEYED_ROW.match(line.text) is not None


@dataclass(frozen=True)
class Block:
    """A labelled part of the section: from a label line to the next label line."""

    field: str
    label: str
    start: int
    """Offset of the label."""
    value_start: int
    """Offset of the text after the label and its separator."""
    end: int


def find_blocks(lines: list[Line], line_starts: list[int], text: str) -> list[Block]:
    """The labelled blocks of a section's text (its ``lines`` joined, each starting at its
    ``line_starts`` offset): a label line, a form's question or a key-facts line opens one, the next
    such line or a numbered heading closes it."""
    found: list[tuple[str | None, str, int, int]] = []
    questions = form_questions([line.text for line in lines])
    value_line = len(lines)  # no label yet: no heading closes anything
    for n, (line, start) in enumerate(zip(lines, line_starts)):
        if n in questions:
            # A form's question: its answer is the next line ('8. Number of staff' / 'about 12').
            found.append((questions[n].field, line.text, start, start + len(line.text)))
            continue
        match = _label_of(line)
        if match is None:
            # A questionnaire's coded part title ('A3. Activity') closes the answer above it too.
            if (_NUMBERED_HEADING.match(line.text) or _part_title().match(line.text) or keyed_row(line)
                    or (questions and QUESTION_CODE.match(line.text) is not None)
                    or (line.role == "heading" and (_LETTER_PART.match(line.text) or (
                        not questions and n > value_line and found and found[-1][0] in SHORT_VALUED_FIELDS)))):
                # A heading closes the block of a short value above it ('Reports to Ministry for Foreign
                # Affairs' over 'Scrutiny'; a governance text goes on under its sub-headings); so does a
                # key-facts row of a key the rules do not know ('Local boards we work with: ...' after
                # 'Funding: ...').
                found.append((None, "", start, start))
            continue
        label, value = match.label, match.value
        value_at = line.text.find(value, len(label)) if value else len(line.text)
        found.append((match.field, label, start, start + max(value_at, 0)))
        # A label alone on its line has its value on the next, whatever that line looks like.
        value_line = n if value.strip() else n + 1
    question_starts = {line_starts[n] for n in questions}
    blocks = []
    for i, (field, label, start, value_start) in enumerate(found):
        if field is None:
            continue
        end = found[i + 1][2] - 1 if i + 1 < len(found) else len(text)
        # A form's question holds its whole answer up to the next question ('Legal basis and date of
        # establishment' / 'Provided for by ... set up and started work in' / 'January 2004, ...').
        answered = start in question_starts and i + 1 < len(found)
        if field in SINGLE_LINE_FIELDS and not answered:
            # 'Website: x' holds one line (two when the value sits under the label); the prose
            # after it belongs to no label.
            line_end = text.find("\n", value_start)
            if line_end >= 0 and not text[value_start:line_end].strip():
                line_end = text.find("\n", line_end + 1)
            if line_end >= 0 and runs_on(text[value_start:line_end]):
                line_end = text.find("\n", line_end + 1)  # 'Nom Fonds national suisse de la' / 'recherche scientifique (FNS)'
            end = min(end, line_end if line_end >= 0 else len(text))
        blocks.append(Block(field, label, start, value_start, max(end, value_start)))
    return blocks
