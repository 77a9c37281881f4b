"""Questionnaires: a question on one line, its answer on the next, tick boxes for choices.

'4. Year the lab was established' / '2015', 'Aantal medewerkers (fte)' / '9,5 fte',
'Période ☐ annuelle ☒ pluriannuelle'. A question names its field with a label word somewhere in
it ('Number of *staff* (headcount)'), not at its start and without a colon, so the label rules
of a fact sheet do not see it. A document reads as a form only when several such questions, each
followed by an answer, name several fields: a heading 'Budget' over a paragraph is not a form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import match_label
from extract.segment.spelling import function_words

# '4.', '4)', 'Q4.', 'B2.', 'A1', '1.1', '2.3.', 'II.3' before a question.
NUMBERING = re.compile(r"^\s*(?:[A-Za-z]?\d{1,2}(?:\.\d{1,2})+\.?|[A-Za-z]?\d{1,2}[.)]|Q\d{1,2}[.:]?|[A-Z]\d{1,2}"
                       r"|\d{1,2}[a-z][.)]?|[IVX]{1,4}\.\d{1,2}\.?)\s+")
# 'A2.', 'B1.4', 'Q7', '2b': a questionnaire's own codes, which no report numbers its headings with.
QUESTION_CODE = re.compile(r"^\s*(?:[A-Z]\d{1,2}(?:\.\d{1,2})*[.):]?|Q\d{1,2}[.:]?|\d{1,2}[a-z][.):]?)\s+")
CHECKED = "☒☑■✓✔✗✘"
UNCHECKED = "☐□"
_BOX = re.compile(rf"\s*([{CHECKED}{UNCHECKED}])\s*")
MIN_QUESTIONS = 4
MIN_FIELDS = 3
MAX_QUESTION_WORDS = 12
MAX_NAME_QUESTION_WORDS = 5
MAX_LABEL_WORDS = 4
MAX_REPEATED_SHARE = 3  # at most a third of a form's fields are asked twice
_WORDS = re.compile(r"[\w'’-]+\.?")
_SENTENCE_END = re.compile(r"[.!]\s+\S")
_VALUE_INSIDE = re.compile(r"\d|www\.|https?:|@|[$€£¥]|\w\.[a-z]{2,}\b")
MAX_ANSWER_WORDS = 20
# 'Number of employees on 31/12/2023': the date a question asks about is not its answer.
_ASKED_YEAR = re.compile(r"\s+\(?(?:19|20)\d\d\)?$")
# '31/12/2023', '31 March 2025', or a day and month in brackets: '(personen, 31/12)'.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}(?:[/.-]\d{1,2}[/.-]|(?:er)?\s+[^\W\d_]{3,10}\s+)(?:19|20)?\d\d\b"
                           r"|(?<=[(,\s])\d{1,2}/\d{1,2}(?=\))")
# Answers on a form are short; a line of a paragraph under a heading is not.
MAX_SHORT_ANSWER_WORDS = 10


@cache
def _name_words() -> re.Pattern[str]:
    """A word that asks a name ('Naam van de eenheid', 'Full name of ...'): labs.name_question_words, any case."""
    words = alternation(lexicon(None).words("labs", "name_question_words"), folded=False, any_space=False)
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def _open_ends() -> frozenset[str]:
    """Words a line of wrapped prose stops on; a question does not end on them (words.open_ends)."""
    return frozenset(lexicon(None).words("words", "open_ends"))


@dataclass(frozen=True)
class Question:
    """A question line of a form and the field its answer fills (None: a field we do not read)."""

    line: int
    field: str | None
    label: str
    short_answer: bool = True


_COUNT_FIELDS = frozenset({"staff", "governance", "budget", "funding", "resources"})


@cache
def _count_question() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(lexicon(None).words('words', 'count_questions'))})\b")


def label_in(text: str, *, spending: bool = False) -> tuple[str, str] | None:
    """(field, label as printed) of the longest field label among the words of ``text``.

    ``spending``: a question (not a table's row label) asking what the lab spends asks its budget
    ('Totale lasten van uw organisatie in het laatst afgesloten boekjaar').

    'Jaarlijks budget (EUR)' -> budget; 'Main sources of funding' -> funding. When a question
    names a thing and its name ('Name of any board ...'), the thing wins; 'name' counts only in
    short questions ('Name of the lab', 'Nom du laboratoire').
    """
    words = _WORDS.findall(text)
    if words and fold_keep(words[0]) in lexicon(None).folded("words", "remark_questions"):
        return None  # 'Remarques sur le financement' asks for remarks, not for the funding
    found: list[tuple[int, int, str, str]] = []  # (-size, position, field, label)
    for size in range(min(MAX_LABEL_WORDS, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if _opens_a_name(words[i:], size):
                continue
            candidate = " ".join(words[i:i + size])
            match = match_label(f"{candidate}: x")
            if match is not None and len(match.label) >= len(candidate.rstrip(".")):
                found.append((-size, i, match.field, candidate))
    if spending:
        # It opens the question: 'Totale lasten van uw organisatie', not '... organisatie' (governance).
        asked = lexicon(None).regex("budget", "spending_questions").match(fold_keep(text.strip()))
        if asked is not None:
            return "budget", text.strip()[asked.start():asked.end()]
    if found and _count_question().match(fold_keep(text.strip())):
        found = [f for f in found if f[2] in _COUNT_FIELDS]  # 'Number of established posts' asks no founding date
    if not found:
        return None
    fields = {f for _, _, f, _ in found}
    if "name" in fields and _asks_the_lab_name(text):
        return "name", next(label for _, _, f, label in sorted(found) if f == "name")
    # 'A1 Dénomination officielle et sigle': a name label longer than any other field's asks the name.
    longest_other = max((-size for size, _, f, _ in found if f != "name"), default=0)
    named = 0 < longest_other < max((-size for size, _, f, _ in found if f == "name"), default=0)
    if "name" in fields and not named and (len(fields) > 1 or len(words) > MAX_NAME_QUESTION_WORDS
                                           or not _name_words().search(text)):
        found = [f for f in found if f[2] != "name"]
        if not found:
            return None
    _, _, field, label = min(found)
    return field, label


def _asks_the_lab_name(text: str) -> bool:
    """'Full name of the lab or team', 'Naam van de eenheid': the name asked is the lab's own, so
    'team' (a staff label) in it does not make it a staff question."""
    body = NUMBERING.sub("", text, count=1)
    name = _name_words().search(body)
    # The question opens on the name ('Full name of ...'); 'May we publish ... the name of the lab?' does not ask it.
    if name is None or len(body[: name.start()].split()) > 1 or "?" in body:
        return False
    text = body
    lex = lexicon(None)
    # 'Official name of the organisation', 'Naam van de dienst': any word a text calls a lab by.
    heads = lex.folded("labs", "heads") | lex.folded("labs", "definition_nouns")
    after = [w.strip(".").casefold() for w in _WORDS.findall(text[name.end():])][:MAX_NAME_QUESTION_WORDS]
    return any(w in heads for w in after)


def checked_only(text: str) -> str:
    """A line of tick boxes as its ticked choices: '☒ annual ☐ multi-year' -> 'annual'.

    A line without boxes comes back as it is; one with no box ticked comes back empty.
    """
    if not any(c in text for c in CHECKED + UNCHECKED):
        return text
    return _ticked(_BOX.split(text))


def _ticked(pieces: list[str]) -> str:
    """A line split at its boxes ([head, box, label, box, label, ...]) as its head and ticked labels."""
    head, chosen = pieces[0].strip(), []
    for box, label in zip(pieces[1::2], pieces[2::2]):
        if box in CHECKED and label.strip():
            chosen.append(label.strip())
    return " ".join(p for p in [head, "; ".join(chosen)] if p)


def checked_lines(texts: Sequence[str]) -> list[str]:
    """Lines of tick boxes as their ticked choices (``checked_only``), a choice that wraps onto the
    next line of boxes kept whole: '☒ fees and charges ☐ contributions from' / 'non-EU countries ☐
    other' -> 'fees and charges' / '' (the wrapped words are the unticked choice's)."""
    out: list[str] = []
    last: tuple[bool, str] | None = None  # the line before: its last box ticked?, and that box's words
    ticked_before = False  # the line before gave ticked choices and nothing else
    for text in texts:
        if not any(c in text for c in CHECKED + UNCHECKED):
            out.append(text)
            last, ticked_before = None, False
            continue
        pieces = _BOX.split(text)
        head = pieces[0].strip()
        # Words before the first box go on the choice above when they open in lower case or that
        # choice stopped on a link word; otherwise they are the line's own question ('Period ☐ ...').
        if last is not None and head and (head[:1].islower() or last[1].split()[-1].lower() in function_words()):
            if last[0]:
                out[-1] = f"{out[-1]} {head}"  # the ticked choice goes on here
            pieces[0] = ""
        ticked = _ticked(pieces)
        if ticked and ticked_before and out[-1].strip() and not out[-1].rstrip().endswith(";"):
            # 'taxe affectée (... et de' / 'navigation) ☒ contributions des collectivités': the lines'
            # choices are items of one list, not one choice running on.
            out[-1] = f"{out[-1]};"
        out.append(ticked)
        ticked_before = bool(ticked) and not pieces[0].strip()
        last = (pieces[-2] in CHECKED, pieces[-1]) if len(pieces) >= 3 and pieces[-1].strip() else None
    return out


@cache
def _office_of() -> re.Pattern[str]:
    """'Chair of the', 'voorzitter van de', 'présidente du': a person's title and its link (folded)."""
    lex = lexicon(None)
    titles = alternation(lex.words("labs", "person_titles"))
    links = alternation(lex.words("labs", "name_links"))
    return re.compile(rf"(?<![\w-])(?:{titles})\s+(?:{links})(?![\w-])")


def _without_dates(text: str) -> str:
    """``text`` without the dates it asks about ('Staff (headcount at 31 December)')."""
    from extract.normalize.dates import date_spans

    for start, end in reversed(date_spans(text)):
        text = text[:start] + text[end:]
    return _NUMERIC_DATE.sub("", text)


def is_question(text: str) -> bool:
    """A short line that asks rather than tells: numbered, or ending in '?', or a bare phrase.

    A line of wrapped prose is not one: it opens in lower case, holds a ';' or a sentence end, or
    stops on a word that needs the next line ('... created in', '... budget of about COP').
    """
    stripped = text.strip()
    if not stripped or stripped[-1] in ".;,":
        return False
    body = NUMBERING.sub("", stripped, count=1)
    words = body.split()
    if not 0 < len(words) <= MAX_QUESTION_WORDS or ":" in body.rstrip(":") or ";" in body:
        return False
    asked = _without_dates(body)
    if body != stripped:  # '3.4 Totale werkingskosten 2023': a numbered question's year says which year it asks about
        asked = _ASKED_YEAR.sub("", asked)
    if not body[:1].isupper() or _SENTENCE_END.search(body) or (_VALUE_INSIDE.search(body) and _VALUE_INSIDE.search(asked)):
        return False  # 'Équipe 12,5 ETP', 'Web www.x.org': a label with its value, not a question
    last = words[-1].strip("()?").casefold()
    return last not in _open_ends() and not (last.isupper() and len(last) == 3)


def form_questions(texts: list[str]) -> dict[int, Question]:
    """The question lines of a form, by line index; empty unless ``texts`` read as a form.

    A question is a short line (see ``is_question``) whose next line is an answer, not another
    question. Numbered lines and lines ending in '?' are questions even when they name no field:
    they end the answer above them.
    """
    questions: dict[int, Question] = {}
    # A questionnaire that codes its questions ('A1.', 'Q7') codes them all: an uncoded short line is
    # an answer going on ('... Behavioural Insights' / 'Group — exchanges only, no joint budget').
    coded = sum(1 for text in texts if QUESTION_CODE.match(text)) >= MIN_QUESTIONS
    i = 0
    while i < len(texts) - 1:
        text = texts[i]
        i += 1
        if not is_question(text) or match_label(text) is not None:
            continue
        if coded and not QUESTION_CODE.match(text) and not text.rstrip().endswith("?"):
            continue
        if not text.rstrip().endswith("?") and _office_of().search(fold_keep(text)):
            continue  # 'Foreword by the Chair of the Management Board': a person's office, no question
        numbered = NUMBERING.match(text) is not None or text.rstrip().endswith("?")
        # What a question says in brackets qualifies it: '(not part of your budget)' asks no parent.
        found = label_in(re.sub(r"\([^()]*\)", " ", NUMBERING.sub("", text, count=1)), spending=True)
        answer = NUMBERING.sub("", texts[i], count=1)
        if (found is None and not numbered) or not re.search(r"\w", answer) \
                or len(answer.split()) > MAX_ANSWER_WORDS:
            continue
        if NUMBERING.match(texts[i]) and not numbered:
            continue  # the next line is a numbered question itself
        if _opens_subquestions(text, texts[i]):
            continue  # '1. Organisatie' over '1.1 Naam': a part's title, its first question below it
        field, label = found if found else (None, "")
        if field in _YEAR_FIGURES and lexicon(None).regex("words", "prior_year").search(fold_keep(text)):
            field = None  # 'C4 Total operating expenditure (previous year)': last year's figure, not the one asked
        # 'A2.', 'Q7': a questionnaire's own codes, which no report numbers its headings with, so a
        # long answer after one is still an answer.
        short = len(answer.split()) <= MAX_SHORT_ANSWER_WORDS or QUESTION_CODE.match(text) is not None
        questions[i - 1] = Question(i - 1, field, label, short)
        i += 1  # the next line is this question's answer
    named = Counter(q.field for q in questions.values() if q.field is not None and q.short_answer)
    if sum(named.values()) < MIN_QUESTIONS or len(named) < MIN_FIELDS:
        return {}
    # Several labs described one after the other under 'Budget', 'Staff' sub-headings repeat them
    # all, word for word; a form asks about one lab, a field again only in other words ('Budget
    # amount', 'Budget period'; '3.2 Staff, whole organisation' and '3.3 Staff working on
    # purchasing'; '1.1 Official name' and the contact's 'Name, function').
    asked = Counter((q.field, fold_keep(NUMBERING.sub("", texts[q.line], count=1)).strip())
                    for q in questions.values() if q.field is not None and q.short_answer)
    repeated = len({field for (field, _), n in asked.items() if n > 1})
    if repeated > 1 and repeated * MAX_REPEATED_SHARE > len(named):
        return {}
    return questions


_YEAR_FIGURES = frozenset({"budget", "staff", "resources"})


def _opens_subquestions(text: str, following: str) -> bool:
    """'1. Organisatie' over '1.1 Naam': the next line is numbered inside this one's number."""
    from extract.layout.headings import parse_numbering

    mine, theirs = parse_numbering(text), parse_numbering(following)
    if mine is not None and theirs is not None:
        return theirs.label.startswith(f"{mine.label.rstrip('.')}.")
    # A questionnaire's codes: 'B1. Identification' over 'B1.1 Full name of the organisation'.
    code, inner = _CODE.match(text), _CODE.match(following)
    return code is not None and inner is not None and inner.group(1).startswith(f"{code.group(1)}.")


_CODE = re.compile(r"^\s*([A-Z]\d{1,2}(?:\.\d{1,2})*)\.?\s")


ANSWER_LINES = 2
_BOX_EDGE = re.compile(r"^[\s|\[\]]+|[\s|\[\]]+$")
_WORD = re.compile(r"[^\W\d_]{3,}")


def answer_to(texts: list[str], questions: dict[int, Question], field: str) -> str | None:
    """The answer line to the first question about ``field``, if any: in a scan, without the
    answer box's edges ('| Kenniscentrum ...'), and past a speck of the box OCR read as a line
    ('pe 5') to the next line that holds a word."""
    asked = {q.line for q in questions.values()}
    for q in sorted(questions.values(), key=lambda q: q.line):
        if q.field != field:
            continue
        for k in range(q.line + 1, min(len(texts), q.line + 1 + ANSWER_LINES)):
            if k in asked:
                break
            answer = _BOX_EDGE.sub("", texts[k])
            if _WORD.search(answer):
                return answer
        return None
    return None


def inline_answers(lines: list[Line]) -> list[Line]:
    """'1.1 Dénomination  Agence Nationale ...' over '1.2 Sigle  ANSI': a numbered question whose
    answer is on its own line, the next line being the next question, becomes a 'Label: answer'
    line, read as labels are. A question whose answer is on the next line ('2.1 Effectif total
    au 31 décembre' over '94 agents') is left as it is."""
    out = list(lines)
    for k, line in enumerate(lines):
        numbering = NUMBERING.match(line.text)
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        if numbering is None or "?" in line.text or not NUMBERING.match(nxt):
            continue
        words = line.text[numbering.end():].split()
        if size := label_words(words[:-1]):
            out[k] = line._replace(text=f"{' '.join(words[:size])}: {' '.join(words[size:])}")
    return out


def label_words(words: Sequence[str]) -> int:
    """How many of ``words``' first words are a field label as a whole ('Site internet', 'Budget'
    of 'Budget 2023'), longest first; 0 when they open with none."""
    for size in range(min(MAX_LABEL_WORDS, len(words)), 0, -1):
        if _opens_a_name(words, size):
            continue  # 'Sponsor Department for Science, ...': the label's last word opens the value's name
        if size < len(words) and _joins_topics(words[size]):
            continue  # 'A2. Governance and resources': a part's title of two topics, no label and answer
        label = " ".join(words[:size])
        match = match_label(f"{label}: x")
        if match is not None and len(match.label) >= len(label.rstrip(".")):
            return size
    return 0


def _joins_topics(word: str) -> bool:
    """'and', 'et', 'en', '&' right after a label: the heading goes on to a second topic."""
    return word == "&" or fold_keep(word) in lexicon(None).folded("words", "and_words")


def _opens_a_name(words: Sequence[str], size: int) -> bool:
    """Do the ``size`` words of a label end on an organisation's head ('department', 'ministry') that
    a link word ('for', 'of', 'van') after it makes the start of a name ('Sponsor Department for
    Science')?"""
    lex = lexicon(None)
    return (size < len(words) and fold_keep(words[size - 1]) in lex.folded("governance", "org_heads")
            and fold_keep(words[size]) in lex.folded("labs", "name_links"))


MIN_BOX_LABELS = 3
BOX_ROW_GAP = 2.5


def key_fact_boxes(lines: list[Line]) -> list[Line]:
    """A shaded 'key facts' box on a scanned page is read as text inside a picture; when most of a
    run of such lines open with a field label ('Date de création 1998', 'Équipe 12,5 ETP'), it is
    the document's own fact box, and its lines are body text."""
    out = list(lines)
    i = 0
    while i < len(out):
        if out[i].role != "image_text":
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j].role == "image_text" and out[j].page == out[i].page and not _apart(out[j - 1], out[j]):
            j += 1
        labelled = sum(1 for k in range(i, j) if opens_with_label(out[k].text))
        if labelled >= MIN_BOX_LABELS and 2 * labelled >= j - i:
            for k in range(i, j):
                out[k] = out[k]._replace(role="body", text=with_separator(out[k].text))
        i = j
    return out


_BOX_MARKS = re.compile(r"^[\[\]|(){}«»>\-–—•·*]+\s*")


def with_separator(text: str) -> str:
    """'Since 1990', '[ Web. lakemedelsverket.se': OCR reads a box's label column and its value as
    one line without the gap between them; the colon the cells stood for lets the label readers
    read it ('Since: 1990', 'Web: lakemedelsverket.se'). A line that already has one is kept."""
    if match_label(text) is not None:
        return text
    words = _BOX_MARKS.sub("", text).split()
    # Not ``label_words``: a label with its bracketed unit ('Staff (FTE) 12') stays whole here.
    for k in range(min(MAX_LABEL_WORDS, len(words) - 1), 0, -1):
        label = " ".join(words[:k]).rstrip(".")
        if _joins_topics(words[k]):
            continue  # 'A2. Governance and resources': a part's title of two topics, no label and value
        if match_label(f"{label}: x") is not None:
            return f"{label}: {' '.join(words[k:])}"
    return text


def _apart(above: Line, below: Line) -> bool:
    """Two lines further apart than a box pads its rows (two and a half line heights) are not one box."""
    height = max(above.bbox[3] - above.bbox[1], 1.0)
    return below.bbox[1] - above.bbox[3] > BOX_ROW_GAP * height


def opens_with_label(text: str) -> bool:
    return match_label(text) is not None or with_separator(text) != text

