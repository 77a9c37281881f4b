"""Per-section context shared by the extractors.

The section's body lines are joined into one text (one ``\\n`` between lines) so rules can work
on character offsets; the context maps any span back to its lines (page, union of their boxes,
OCR confidence), to its sentence, to the label block it sits in, and to the spaCy entities
that overlap it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from extract.extractors.label_blocks import SINGLE_LINE_FIELDS, Block, find_blocks, keyed_row, runs_on
from extract.models import BBox, Candidate, Entity, EntityStore, Line, Provenance, Section
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.segment.forms import checked_lines
from extract.settings import Settings

if TYPE_CHECKING:
    from extract.normalize.money import MoneyMention

# Lines that are part of the running text the extractors read; captions and text inside screenshots are not
# (segmentation places captions too: segment.sections.CONTENT_ROLES).
RUNNING_TEXT_ROLES = frozenset({"body", "heading", "table"})
# A sentence ends at . ! ? (not inside numbers or URLs) before a capital, digit, quote or bullet.
_SENTENCE_END = re.compile(rf"[.!?](?=[\"'”’)]?\s+[\"'“‘(]?[{CAPITALS}0-9•=>+*\-–])")


@cache
def _abbreviation() -> re.Pattern[str]:
    """'Est. 2012', 'c. 30', 'approx. 40', 'env. 100': a period that shortens a word ends no sentence
    (the words in lower case, their first letter in either case)."""
    words = lexicon(None).words("words", "period_abbreviations")
    body = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words if w) or r"(?!x)x"
    return re.compile(rf"(?<![\w.])(?:{body})\.$")


_BULLET_LINE = re.compile(r"^\s*[•=>+*·▪\-–]\s")
_WORD = re.compile(r"[\w'’-]+")
PRONOUN_LEAD_WORDS = 4
"""Words a sentence told of the lab may open with: a subject pronoun and its auxiliaries ('Elle a été')."""
MIN_HEAD_CHARS = 4
"""A head noun shorter than this ('lab', 'hub') is read by ``funding.lab_words`` instead."""


MAX_NUMBERED_HEADING_WORDS = 6
MAX_NUMBERED_QUESTION_WORDS = 14
_DOTTED_QUESTION = re.compile(rf"\s*\d{{1,2}}(?:\.\d{{1,2}})+[.:]?\s+[{CAPITALS}]")


class SectionContext:
    """One section's text with offset -> line/page/bbox mapping, language, blocks and spaCy doc."""

    def __init__(self, section: Section, settings: Settings | None = None, *,
                 entity_store: EntityStore | None = None) -> None:
        self.section = section
        self.settings = settings or Settings()
        self.entity_store = entity_store
        self.lines: list[Line] = [line for line in section.lines if line.role in RUNNING_TEXT_ROLES]
        parts: list[str] = []
        self.line_starts: list[int] = []
        offset = 0
        # Tick boxes read as the choices ticked: '☒ annual ☐ multi-year' -> 'annual'.
        self.lines = [line._replace(text=text) for line, text in zip(self.lines, checked_lines([ln.text for ln in self.lines]))]
        for line in self.lines:
            self.line_starts.append(offset)
            parts.append(line.text)
            offset += len(line.text) + 1
        self.text = "\n".join(parts)
        self.folded = fold_keep(self.text)
        self.lang = section.language or _detect(self.text) or "nl"
        self.lex: Lexicon = lexicon(self.lang)
        self.blocks = find_blocks(self.lines, self.line_starts, self.text)
        self._entity_ends: tuple[list[Entity], list[int] | None] | None = None
        self._evidence: dict[tuple[int, int], str] = {}
        self.subject_names: list[str] = []
        """Name and acronym of the lab from the title (filled by the identity extractor's helpers)."""

    # ------------------------------------------------------------------ structure

    def block(self, *fields: str) -> Block | None:
        """The first block labelled with one of ``fields`` (in the order given)."""
        for field in fields:
            for block in self.blocks:
                if block.field == field:
                    return block
        return None

    def label_value(self, field: str) -> tuple[str, int, int] | None:
        """(value, start, end) of the first line after ``field``'s label, if it has one."""
        block = self.block(field)
        if block is None:
            return None
        start = block.value_start
        line_end = self.text.find("\n", start)
        if 0 <= line_end < block.end and not self.text[start:line_end].strip():
            start = line_end + 1  # 'Website:' with the address on the next line
            line_end = self.text.find("\n", start)
        end = line_end if 0 <= line_end < block.end else block.end
        if end < block.end and runs_on(self.text[start:end]):
            # 'Nom Fonds national suisse de la' / 'recherche scientifique (FNS)': the value wraps.
            next_end = self.text.find("\n", end + 1)
            end = next_end if 0 <= next_end < block.end else block.end
        value = re.sub(r"\s+", " ", self.text[start:end]).strip()
        return (value, start, end) if value else None

    def block_at(self, offset: int) -> Block | None:
        for block in self.blocks:
            if block.start <= offset < block.end or offset == block.end == len(self.text):
                return block
        return None

    def field_at(self, offset: int) -> str | None:
        block = self.block_at(offset)
        return block.field if block else None

    def block_text(self, block: Block) -> str:
        return self.text[block.value_start : block.end].strip()

    @cached_property
    def row_starts(self) -> list[int]:
        """Where the rows of a key-value table start ('Partenaire\tHuma-Num'): a value ends with its row."""
        return [start for line, start in zip(self.lines, self.line_starts) if "\t" in line.text]

    @cached_property
    def sentence_bounds(self) -> list[int]:
        """Sorted offsets where sentences start: after . ! ?, at label lines, bullets and blank lines."""
        starts = {0}
        starts.update(m.end() for m in _SENTENCE_END.finditer(self.text)
                      if not _abbreviation().search(self.text, max(0, m.start() - 8), m.start() + 1))
        starts.update(b.start for b in self.blocks)
        starts.update(b.end + 1 for b in self.blocks if b.field in SINGLE_LINE_FIELDS and b.end < len(self.text))
        for line, start in zip(self.lines, self.line_starts):
            if _BULLET_LINE.match(line.text) or not line.text.strip():
                starts.add(start)
            if line.role == "heading" or keyed_row(line):  # a heading, a key-facts row: sentences of their own
                starts.update((start, start + len(line.text) + 1))
        return sorted(starts)

    def sentence_span(self, offset: int) -> tuple[int, int]:
        bounds = self.sentence_bounds
        i = bisect_right(bounds, offset) - 1
        start = bounds[max(i, 0)]
        end = bounds[i + 1] if i + 1 < len(bounds) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def label_free_start(self, offset: int) -> int:
        """``offset`` moved past a field label that opens there ('Governance: Veertien ...')."""
        for block in self.blocks:
            if block.start == offset:
                return block.value_start
        return offset

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        """The sentence before the one holding ``offset``."""
        bounds = self.sentence_bounds
        i = bisect_right(bounds, offset) - 1
        j = i - 1
        while j >= 0 and not self.text[bounds[j]:bounds[i]].strip():
            j -= 1
        return self.sentence_span(bounds[j]) if j >= 0 else None

    def sentences(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        end = len(self.text) if end is None else end
        bounds = [b for b in self.sentence_bounds if start <= b < end]
        if not bounds or bounds[0] != start:
            bounds.insert(0, start)
        spans = []
        for i, b in enumerate(bounds):
            e = bounds[i + 1] if i + 1 < len(bounds) else end
            if self.text[b:e].strip():
                spans.append((b, e))
        return spans

    def refers_to_lab(self, text: str) -> bool:
        """Does ``text`` open with the lab itself: its name (or the name's first word), its acronym,
        a lab word ('het lab', 'the centre', 'le laboratoire') or its own head noun in lower case
        after an article ('de bank' for BNG Bank)?"""
        said = _WORD.findall(text)[:8]
        words = [fold_keep(w) for w in said]
        determiners = self.lex.folded("words", "determiners")
        led = bool(words) and words[0] in determiners
        while words and words[0] in determiners:
            words, said = words[1:], said[1:]
        if not words:
            return False
        elided = re.match(r"[ld]['’](?=\w)", words[0])
        if elided is not None:
            words[0], said[0] = words[0][elided.end():], said[0][elided.end():]  # "L'Institut a été créé"
        if words[0] in self.lex.folded("funding", "lab_words"):
            return True
        for name in self.subject_names:
            name_words = [fold_keep(w) for w in _WORD.findall(name)]
            if name_words and (article := re.match(r"[ld]['’](?=\w)", name_words[0])) is not None:
                name_words[0] = name_words[0][article.end():]  # "L'Office", as the text's words are read
            if name_words and words[: len(name_words)] == name_words:
                return True
            # The name's first word alone, unless another capitalised word makes it another name
            # ('the Swedish Research Council' is not the Swedish National Data Service).
            other_name = len(said) > 1 and said[1][:1].isupper() and words[1] not in name_words[1:2]
            if name_words and words[0] == name_words[0] and not other_name:
                return True
            # 'De bank heeft een raad van bestuur' in BNG Bank's text: its head noun after an article.
            if led and name_words and not said[0][:1].isupper() and len(words[0]) >= MIN_HEAD_CHARS \
                    and ((len(name_words) >= 2 and words[0] == name_words[-1])
                         or (len(name_words) == 1 and name_words[0] != words[0] and name_words[0].endswith(words[0]))):
                return True  # ... or its compound's end: 'de bank' for the Waterbank
        return False

    def told_of_lab(self, s0: int, verb_start: int) -> bool:
        """Is the verb at ``verb_start`` (a founding, a parent relation) told of the lab: its sentence,
        starting at ``s0``, opens on it, on the lab, on a subject pronoun ('Elle a été créée en 2012') or on 'we', or names
        it (a name or acronym of three letters or more) before the verb ('het nieuwe Konsumentverket
        ging ... van start'; not 'Constituée en 2019 pour reprendre la plateforme ..., lancée par AgID')?"""
        lead = self.folded[s0:verb_start]
        words = _WORD.findall(lead)
        # A pronoun with its auxiliaries only: 'Het ambt van ... werd ingesteld' opens on an article.
        pronoun = 0 < len(words) <= PRONOUN_LEAD_WORDS and (words[0] in self.lex.folded("governance", "subject_pronouns")
                                                          or words[0] in self.lex.folded("words", "first_person_subjects"))
        # No subject at all: a bullet or a label's answer ('• Relève du ministère ...') is about the lab.
        if not words or pronoun or self.refers_to_lab(self.text[s0:verb_start]):
            return True
        return any(re.search(rf"(?<![\w-]){re.escape(fold_keep(n))}(?![\w-])", lead)
                   for n in self.subject_names if n and len(n) >= 3)

    # ------------------------------------------------------------------ mapping to the page

    def is_heading_number(self, start: int) -> bool:
        """Is the number at ``start`` a heading's section number ('1.3 Medewerkers' is not 1.3 employees)?"""
        # Imported here: the layout package brings rapidfuzz, which a worker that only extracts
        # from cached sections never needs (its address space is capped).
        from extract.layout.headings import parse_numbering

        n = self.line_indexes(start, start + 1)[0]
        line = self.lines[n]
        if self.text[self.line_starts[n]:start].strip():
            return False
        # A body line numbered like a form's question ('2.1 Aantal medewerkers (fte)') counts too.
        if line.role != "heading" and not _DOTTED_QUESTION.match(line.text):
            return False
        numbering = parse_numbering(line.text)
        # A wrapped sentence can start with '8. Budget CHF 600k ...' and be taken for a heading.
        # A question says more than a heading: '3.2 Staff (statutory staff and seconded experts, head count)'.
        limit = MAX_NUMBERED_QUESTION_WORDS if _DOTTED_QUESTION.match(line.text) else MAX_NUMBERED_HEADING_WORDS
        if numbering is None:
            return False
        # A date in brackets is the question's, not a figure: '2.2 Aantal personeelsleden (personen, 31/12)';
        # '8 (6.2 FTE)' is an answer, with nothing outside its brackets.
        outside = re.sub(r"\([^()]*\)", "", numbering.rest)
        return len(numbering.rest.split()) <= limit and bool(outside.strip()) and not any(c.isdigit() for c in outside)

    def line_indexes(self, start: int, end: int) -> list[int]:
        first = max(bisect_right(self.line_starts, start) - 1, 0)
        last = max(bisect_right(self.line_starts, max(end - 1, start)) - 1, first)
        return list(range(first, last + 1)) if self.lines else []

    def ocr_conf(self, start: int, end: int) -> float:
        """Mean OCR confidence of the lines under the span (a text layer counts as 1.0)."""
        confs = [self.lines[i].conf for i in self.line_indexes(start, end)]
        values = [1.0 if c is None else c for c in confs]
        return sum(values) / len(values) if values else 1.0

    def location(self, start: int, end: int) -> tuple[int | None, BBox | None]:
        """Page of the span's first line and the union of the boxes of its lines on that page."""
        indexes = self.line_indexes(start, end)
        if not indexes:
            return None, None
        page = self.lines[indexes[0]].page
        boxes = [self.lines[i].bbox for i in indexes if self.lines[i].page == page]
        return page, (
            min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)
        )

    def words_back(self, lo: int, pos: int, count: int, *, slack: int = 200) -> int:
        """Where to start looking for a phrase that ends within ``count`` words before ``pos``:
        the start of that many words back, less ``slack`` characters for the phrase itself (never
        before ``lo``). Scanning a whole long sentence for every mention made sections quadratic."""
        width = 128
        while True:
            w0 = max(lo, pos - width)
            starts = [m.start() for m in _WORD.finditer(self.text, w0, pos)]
            if len(starts) > count or w0 == lo:
                first = pos if not starts else starts[max(0, len(starts) - count)]
                return max(lo, first - slack)
            width *= 2

    def token_distance(self, a: int, b: int) -> int:
        """Number of words strictly between offsets ``a`` and ``b`` (order-insensitive)."""
        lo, hi = sorted((a, b))
        return len(_WORD.findall(self.text[lo:hi]))

    # ------------------------------------------------------------------ spaCy

    @cached_property
    def money(self) -> tuple[MoneyMention, ...]:
        """Every amount of money in the section text, searched once for all extractors (the money,
        statement and funding rules each read them)."""
        from extract.normalize import find_money

        return tuple(find_money(self.text, self.lang))

    @cached_property
    def entities(self) -> list[Entity]:
        """spaCy's entities of the section text (remembered by ``entity_store`` for the same text and pipeline)."""
        from extract.nlp import find_entities

        return find_entities(self.text, self.lang, self.settings.spacy_model, store=self.entity_store)

    def entity_agrees(self, start: int, end: int, labels: tuple[str, ...]) -> bool:
        """True when a spaCy entity with one of ``labels`` overlaps the span."""
        if not labels or not self.text:
            return False
        try:
            ents = self.entities
        except Exception:  # a broken model must not stop extraction; the rules still hold
            return False
        index = self._entity_index(ents)
        if index is None:
            return any(label in labels and e_start < end and start < e_end for e_start, e_end, label in ents)
        # spaCy's entities do not overlap: those ending after ``start`` begin at one index.
        for e_start, e_end, label in ents[bisect_right(index, start):]:
            if e_start >= end:
                return False
            if label in labels and start < e_end:
                return True
        return False

    def _entity_index(self, ents: list[Entity]) -> list[int] | None:
        """Entity ends, when the entities are in order and apart (else None: scan them all)."""
        if self._entity_ends is None or self._entity_ends[0] is not ents:
            ordered = all(a[1] <= b[0] for a, b in zip(ents, ents[1:], strict=False))
            self._entity_ends = (ents, [e[1] for e in ents] if ordered else None)
        return self._entity_ends[1]

    # ------------------------------------------------------------------ candidates

    def candidate(
        self,
        field: str,
        value: Any,
        start: int,
        end: int,
        *,
        family: str,
        version: str,
        prior: str | float,
        distance: int = 0,
        ner: tuple[str, ...] = (),
        evidence: tuple[int, int] | None = None,
    ) -> Candidate:
        """A candidate with provenance: the value's span ``start:end``; ``evidence`` is the sentence shown."""
        from extract.assemble.record import confidence

        agrees = self.entity_agrees(start, end, ner)
        conf = confidence(prior, ocr=self.ocr_conf(start, end), distance=distance, ner_agrees=agrees)
        conf = round(conf * self.section.assignment, 3)  # a value is as sure as its lab assignment
        s, e = evidence or self.sentence_span(start)
        page, bbox = self.location(start, end)
        method = f"{'ner+rule' if agrees else 'rule'}:{family}.v{version}"
        text = self._evidence.get((s, e))
        if text is None:  # one sentence may back many candidates: clean it (and keep it) once
            text = self._evidence[(s, e)] = re.sub(r"\s+", " ", self.text[s:e]).strip()
        return Candidate(field=field, value=value, provenance=Provenance(
            page=page, bbox=bbox, text=text, method=method, confidence=conf))


def _detect(text: str) -> str | None:
    if not text.strip():
        return None
    from extract.normalize import detect_language

    return detect_language(text)
