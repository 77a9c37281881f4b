"""Segmentation: split a document's lines into one Section per lab.

Evidence, in this order:
  a. a summary table whose header has a name column -> one Section(kind="table_row") per row
     (``tables``; a two-column key-facts table is read as labelled lines instead);
  b. headings followed by field-label lines ('Website:', 'Rol:', 'Budget annuel :') -> one
     Section(kind="heading") per lab heading, running to the next lab heading or the next
     heading at the same or a higher level;
  c. no lab headings but repeated label blocks -> one section per block, titled by the short
     line just before it;
  d. otherwise the whole document is one Section(kind="document") titled by the document title.
Table rows and prose sections about the same lab may both exist; the extractors merge them.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extract.layout.build import page_tables
from extract.layout.headings import strip_numbering
from extract.models import Document, Line, Section, Table
from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import match_label
from extract.segment.document_title import (
    document_title,
    fuller_name,
    is_title_line,
    letterhead_over_title,
    site_of_page_title,
    title_line,
    under_document_title,
)
from extract.segment.fact_rows import scanned_fact_rows
from extract.segment.forms import (
    MIN_QUESTIONS,
    answer_to,
    checked_only,
    form_questions,
    inline_answers,
    key_fact_boxes,
)
from extract.segment.heading_parts import heading_parts
from extract.segment.lab_headings import masthead_lab, salient_lab
from extract.segment.lab_index import LabIndex
from extract.segment.letters import correspondence, letterhead_sender, subject_unit
from extract.segment.notes import footnote_owners
from extract.segment.official_names import formal_name_in
from extract.segment.paragraphs import split_inline_labels
from extract.segment.parts import SALIENT_ASSIGNMENT, TITLE_ASSIGNMENT, Part
from extract.segment.prose_parts import prose_parts, uncovered_prose_parts
from extract.segment.tables import key_value_tables, summary_table_parts
from extract.segment.titled_names import add_titled_name
from extract.segment.titles import only_report_words
from extract.segment.transposed import transposed_tables

log = logging.getLogger(__name__)

# The document's own content, placed in sections by what it says: the running text and captions.
# Page furniture, footnotes and text inside screenshots are placed otherwise; of a section's lines
# the extractors read only the running text (extractors.context.RUNNING_TEXT_ROLES).
CONTENT_ROLES = {"body", "heading", "table", "caption"}


# --------------------------------------------------------------------------- helpers


def _language(text: str | Iterable[str]) -> str | None:
    from extract.normalize.language import detect_language

    try:
        return detect_language(text)
    except Exception as exc:  # language detection must never stop segmentation
        log.debug("language detection failed: %s", exc)
        return None


# --------------------------------------------------------------------------- c. repeated label blocks


MIN_BLOCK_FIELDS = 2
"""A lab's block of label lines gives more than one of its facts."""


def _block_parts(lines: list[Line], body: list[int]) -> list[Part]:
    starts: list[tuple[int, str | None]] = []  # (position in body, title)
    opener: str | None = None
    seen: set[str] = set()
    last_label_pos = -1
    for pos, i in enumerate(body):
        match = match_label(lines[i].text)
        if not match:
            continue
        if opener is None or match.field == opener or match.field in seen:
            if starts and len(seen) < MIN_BLOCK_FIELDS:
                return []  # 'Aantal medewerkers 54' over 'Fte 47,2': one table's two staff rows, not two labs
            start, title = pos, None
            for back in range(pos - 1, max(last_label_pos, pos - 3), -1):
                if is_title_line(lines[body[back]].text):
                    start, title = back, strip_numbering(lines[body[back]].text)
                    break
            starts.append((start, title))
            opener = opener or match.field
            seen = set()
        seen.add(match.field)
        last_label_pos = pos
    if len(starts) < 2:
        return []
    parts = []
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(body)
        members = [lines[i] for i in body[start:end]]
        stop = body[end] if end < len(body) else len(lines)
        parts.append(Part(order=body[start], kind="heading", title=title, lines=members, start=body[start], stop=stop))
    return parts


# --------------------------------------------------------------------------- d. prose about several labs
# In ``prose_parts``: each paragraph goes to the lab it presents.


# --------------------------------------------------------------------------- e. whole document


def _message(lines: list[Line], body: list[int], language: str | None) -> tuple[list[int], list[int], bool]:
    """A letter's or an e-mail's body without its furniture (letterhead, headers, greeting,
    signature), its subject lines (kept: they name what the message is about), and whether it is one."""
    found = correspondence([lines[i].text for i in body], lexicon(language))
    if found is None:
        return body, [], False
    subjects = [body[n] for n in found.subjects]
    return [i for n, i in enumerate(body) if n not in found.furniture or n in found.subjects], subjects, True


def _sending_unit(lines: list[Line], letterhead: list[int], index: LabIndex) -> None:
    """'Autoriteit Persoonsgegevens' over 'Directie Coördinatie Algoritmes' in a letterhead: the last of
    the organisations it names line by line is the unit that writes, as prominent as a subject line."""
    named = [entry for i in letterhead
             if (entry := index.lookup(TRAILING_BRACKETS.sub("", lines[i].text.strip()))) is not None]
    if len(named) >= 2 and named[-1] is not named[0]:
        named[-1].in_heading += 1


def _column_parts(lines: list[Line], body: list[int], index: LabIndex,
                  headings: list[tuple[str, str]]) -> tuple[list[Part], list[int]]:
    """Key-facts tables with a column per lab become a table row per lab; their lines leave the body."""
    parts: list[Part] = []
    taken: set[int] = set()
    for table in transposed_tables(lines, body, index, headings):
        taken.update(table.lines)
        anchor = table.lines[0]
        row_lines = [lines[i] for i in table.lines]
        for n, column in enumerate(table.columns):
            fields = {"Name": column.title, **({"Acronym": column.short} if column.short else {}), **column.fields}
            parts.append(Part(order=anchor + (n + 1) / 1000, kind="table_row", title=column.title, lines=row_lines,
                               start=anchor, stop=anchor, table_fields=fields))
    return parts, [i for i in body if i not in taken]


FULL_LINE_SHARE = 0.85


def _slide_titles(lines: list[Line], body: list[int]) -> bool:
    """One heading a page after the first (a title slide may set its title and presenter large), on
    three pages or more: a deck's slide titles (a questionnaire's questions are headings too, several
    a page)."""
    first = min((lines[i].page for i in body), default=1)
    per_page = Counter(lines[i].page for i in body if lines[i].role == "heading" and lines[i].page != first)
    return len(per_page) >= MIN_SLIDES and max(per_page.values()) == 1


MIN_SLIDES = 3


def _form_part(lines: list[Line], body: list[int]) -> Part | None:
    """A questionnaire is about the lab its 'Name of the lab' question names, whatever its title."""
    texts = [checked_only(lines[i].text) for i in body]
    questions = form_questions(texts)
    if not questions:
        return None
    # Lines of prose in a narrow column are short too: a question stops well before the column's edge.
    widths: dict[tuple[int, int | None], float] = {}
    for i in body:
        key = (lines[i].page, lines[i].column)
        widths[key] = max(widths.get(key, 0.0), lines[i].bbox[2] - lines[i].bbox[0])
    asked = [q for q in questions.values() if q.field is not None and (
        lines[body[q.line]].bbox[2] - lines[body[q.line]].bbox[0]
        < FULL_LINE_SHARE * widths[(lines[body[q.line]].page, lines[body[q.line]].column)])]
    if len(asked) < MIN_QUESTIONS:
        return None
    members = inline_answers([lines[i] for i in body])
    inline_name = next((match.value for line in members if (match := match_label(line.text)) is not None
                        and match.field == "name"), None)
    title = (inline_name or answer_to(texts, questions, "name")
             or document_title(lines, body, _language(texts)))
    return Part(order=0, kind="document", title=title, lines=members, start=0, stop=len(lines))



# --------------------------------------------------------------------------- entry point


def split_sections(document: Document, lines: list[Line]) -> list[Section]:
    """One Section per lab, in document order, from a document and its lines (``layout.build_lines``)."""
    return sections_from(lines, [table for page in document.pages for table in page_tables(page)],
                         name=document.source.path)


def sections_from(lines: list[Line], tables: list[Table], *, name: str = "") -> list[Section]:
    """One Section per lab, in document order (see the module docstring for the evidence used).

    ``tables`` are the document's tables in page order (``PageLayout.tables``).
    """
    lines = scanned_fact_rows(key_fact_boxes(lines))
    lines, tables = key_value_tables(tables, lines)
    table_parts, consumed = summary_table_parts(tables, lines)
    body = [i for i, line in enumerate(lines) if line.role in CONTENT_ROLES and i not in consumed]
    # Line by line: the words of a 500-page report's text are never all held at once.
    doc_language = _language(lines[i].text for i in body)
    whole_body = body
    body, subjects, message = _message(lines, body, doc_language)
    letterhead = [i for i in whole_body if body and i < body[0] and i not in subjects] if message else []
    index = LabIndex(lines, body, doc_language, in_first_person=message, letterhead=letterhead)
    title_at = title_line(lines, body)
    add_titled_name(index, lines, body, title_at)
    index.prominent(subjects + ([title_at] if title_at is not None else []))  # a letter's subject, the title
    _sending_unit(lines, letterhead, index)
    form = _form_part(lines, body)
    lab_headed = heading_parts(lines, body, index) if form is None or _slide_titles(lines, body) else []
    if form is not None and sum(1 for part in lab_headed if part.title) >= 2:
        # Lines that name a staff or a parent in passing, their bullets lost to OCR ('Team launch doubled
        # ...', 'Part of the Department ...'), on the slides of a deck whose titles name two labs or
        # more: no questionnaire.
        form = None
    if form:
        table_parts, parts = [], [form]  # a questionnaire answers for one lab, tables included
    else:
        parts = lab_headed
        # After the lab headings (they name the labs a table's columns abbreviate), before the rest.
        headed = [(part.title, strip_numbering(lines[part.start].text)) for part in parts if part.title]
        columns, kept_body = _column_parts(lines, body, index, headed)
        table_parts += columns
        if len(kept_body) < len(body):
            # A comparison whose header names the document's labs leaves their sections even when it
            # gives no column fields the rules read ('Uitgekeerde steun ca. € 260 mln.' is no one lab's).
            body = kept_body
            kept = set(map(id, (lines[i] for i in body)))
            for part in parts:
                part.lines = [line for line in part.lines if id(line) in kept or line.role not in CONTENT_ROLES]
    if form:
        pass
    elif len(parts) == 1 and not table_parts and under_document_title(lines, body, parts[0]):
        parts = []  # a fact sheet: one boxed 'Key facts' block under the lab's own title
    elif parts and not table_parts and letterhead_over_title(lines, body, parts[0], index):
        parts = parts[1:]  # a press release: the sender's name over a headline about its lab
    elif not parts:
        parts = _block_parts(lines, body)
    if len(parts) == 1 and not table_parts and not form:
        # The only lab heading of the document: the whole document is about that lab (a grant
        # report's or a letter's chapters are its chapters).
        only = parts[0]
        parts = [Part(order=0, kind=only.kind, title=only.title, lines=[lines[i] for i in body], start=0,
                       stop=len(lines))]
    if not parts and not table_parts:
        parts = prose_parts(lines, body, index)
    elif not form:
        parts += uncovered_prose_parts(lines, body, parts + table_parts, index)
    parts = sorted(table_parts + parts, key=lambda p: p.order)
    if not parts:
        lab = salient_lab(index)
        title = document_title(lines, body, doc_language)
        if lab is None and title is not None and only_report_words(title, lexicon(doc_language)):
            # 'Activiteitenverslag 2024' over 'perspective.brussels Brussels Planningsbureau ...': the
            # report's kind and year; the lab named under it, ahead of the rest, is whose report it is.
            lab = masthead_lab(index, body)
        if title is not None and (lab is None or lab.mentions < MIN_SALIENT_MENTIONS) \
                and fold_keep(lab.name if lab else "") not in fold_keep(title) and _own_site_near(lines, body, title):
            # 'British Business Bank plc · for the year ended ...' over 'www.british-business-bank.co.uk'
            # heading an annual report that names a scheme of it once: the title's organisation.
            lab = None
        if lab is not None and not fuller_name(title, lab.name, index):
            title = lab.title
        elif lab is None and title is not None:
            title = (formal_name_in("\n".join(lines[i].text for i in body), title, lexicon(doc_language))
                     or site_of_page_title(lines, title, doc_language) or title)
        if lab is None and message:
            # A letter in the first person that names no lab: its sender describes itself.
            texts = [lines[i].text for i in body]
            title = (subject_unit([lines[i].text for i in subjects], texts, lexicon(doc_language))
                     or letterhead_sender([lines[i].text for i in letterhead], texts,
                                          [lines[i].text for i in subjects], title, lexicon(doc_language)) or title)
            if title is not None and (named := index.lookup(title)) is not None and named.strong:
                title = named.title  # 'NORTHERN LIGHTHOUSE BOARD' over a letter defining 'the Northern Lighthouse Board (NLB)'
        parts = [Part(order=0, kind="document", title=title, lines=[lines[i] for i in body],
                       start=0, stop=len(lines), assignment=SALIENT_ASSIGNMENT if lab else TITLE_ASSIGNMENT)]
    owners = footnote_owners(lines, [part.lines for part in parts])
    marginal = _Marginal.of(lines)
    # The sender's name may be set as the page's running header ('Competition and Consumer Protection
    # Commission' over its letterhead and the next page): every line above the letterhead's end names it.
    sender = _sender_part(parts, lines[:letterhead[-1] + 1] if letterhead else [])
    # A running footer is printed on every page: each text is read once.
    first_of_text: dict[str, Line] = {}
    for line in lines:
        if line.role == "footer":
            first_of_text.setdefault(line.text, line)
    footers = list(first_of_text.values())
    strays = _stray_sites(parts, [lines[i] for i in body], footers)
    sections = [_section(part, lines, doc_language, owners, marginal, n,
                         letterhead=[lines[i] for i in letterhead] if part is sender else [], sites=strays.get(n, []))
                for n, part in enumerate(parts)]
    log.debug("%s: %d sections (%s)", name, len(sections), ", ".join(s.kind for s in sections[:3]))
    return sections


@dataclass(frozen=True)
class _Marginal:
    """Where the footnote and URL-footer lines are, found once: each section then looks only at those
    (a scan of all lines per section made a 500-page report quadratic)."""

    footnotes: list[int]
    url_footers_by_page: dict[int, list[int]]

    @classmethod
    def of(cls, lines: list[Line]) -> _Marginal:
        marginal = cls([], {})
        for i, line in enumerate(lines):
            if line.role == "footnote":
                marginal.footnotes.append(i)
            elif line.role == "url_footer":
                marginal.url_footers_by_page.setdefault(line.page, []).append(i)
        return marginal


SITE_LINES = 5
"""The document's first lines, where a title's own address is printed (a masthead, a web page's bar)."""
MIN_SALIENT_MENTIONS = 2
"""A lab named fewer times than this yields to a title its own address spells."""


def _own_site_near(lines: list[Line], body: list[int], title: str) -> bool:
    """Does an address among the document's first lines spell ``title`` (a name, not a report's kind)?"""
    from urllib.parse import urlsplit

    from extract.normalize import find_urls
    from extract.segment.spelling import domain_matches

    if len(title.split()) < 2 or re.search(r"\d", title):
        return False
    hosts = [urlsplit(url).hostname or "" for i in body[:SITE_LINES] for url, _, _ in find_urls(lines[i].text)]
    return any(domain_matches(title, host) for host in hosts)


def _stray_sites(parts: list[Part], body: list[Line], footers: list[Line]) -> dict[int, list[Line]]:
    """'Meer informatie is te vinden op www.forbrukertilsynet.no en www.forbrugerombudsmanden.dk' in
    an essay's closing paragraph, which no lab's part holds: each address goes to the part whose lab
    it spells (by part number). A report's running footer prints its own site too ('Rotterdam Ahoy ·
    Ahoyweg 10 · www.ahoy.nl · pagina 1', '... · afp.com · 1'): there the address's label need only
    be the lab's acronym or one of its words that is no place."""
    from urllib.parse import urlsplit

    from extract.normalize import find_urls
    from extract.segment.spelling import domain_matches

    held = {id(line) for part in parts for line in part.lines}
    found: dict[int, list[Line]] = {}
    for line in [*body, *footers]:
        if id(line) in held or "." not in line.text:
            continue
        footer = line.role == "footer"
        for url, _, _ in find_urls(line.text):
            host = urlsplit(url).hostname or ""
            for n, part in enumerate(parts):
                if part.title and (domain_matches(part.title, host) or (footer and _names_in_footer(part.title, host))) \
                        and url not in {s.text for s in found.get(n, [])}:
                    found.setdefault(n, []).append(line._replace(text=url))
    return found


def _names_in_footer(title: str, host: str) -> bool:
    """Is the host's label the title's acronym in brackets ('AFP' of 'Agence France-Presse (AFP)') or a
    word of its name of four letters or more that is no place ('Ahoy' of 'Ahoy Rotterdam N.V.')?"""
    from extract.normalize.countries import place_code
    from extract.segment.spelling import domain_label

    label = domain_label(host)
    acronym = re.search(r"\(([^()]+)\)\s*$", title)
    if acronym is not None and fold_keep(acronym.group(1)) == label:
        return True
    words = {fold_keep(w) for w in re.findall(r"[\w-]{4,}", title)}
    return label in words and place_code(label) is None


def _sender_part(parts: list[Part], letterhead: list[Line]) -> Part | None:
    """The part about a letter's sender: the one its letterhead names, or the letter's only part."""
    if not letterhead:
        return None
    head = fold_keep(" ".join(line.text for line in letterhead))
    # 'Service suisse d'enquête de sécurité SESE' heads the letter of the '... (SESE)' part.
    named = [p for p in parts if p.title and any(fold_keep(t) in head for t in (
        p.title, " ".join(re.sub(r"[()]", " ", p.title).split()), TRAILING_BRACKETS.sub("", p.title).strip()) if t)]
    return named[0] if len(named) == 1 else parts[0] if len(parts) == 1 else None


def _section(part: Part, lines: list[Line], doc_language: str | None, owners: dict[int, int], marginal: _Marginal,
             number: int, *, letterhead: list[Line], sites: list[Line]) -> Section:
    """``letterhead``: a letter's letterhead lines, when this part is about its sender; ``sites``: its
    lab's addresses printed outside every part."""
    span = range(part.start, part.stop)
    footnotes = [lines[i] for i in marginal.footnotes if (owners[i] == number if i in owners else i in span)]
    in_range = [lines[i] for i in span if lines[i].role == "url_footer"]
    # Lines are in page order, so the pages' footers taken page by page stay in document order.
    pages = sorted({line.page for line in part.lines})
    on_pages = [lines[i] for page in pages for i in marginal.url_footers_by_page.get(page, ()) if i not in span]
    text = "\n".join(line.text for line in part.lines)
    language = _language(text) if part.kind != "table_row" and len(text.split()) >= 20 else None
    return Section(
        kind=part.kind,  # type: ignore[arg-type]
        title=part.title,
        lines=split_inline_labels(part.lines),
        footnotes=footnotes,
        urls=in_range + on_pages + sites,
        letterhead=letterhead,
        table_fields=part.table_fields,
        language=language or doc_language,
        assignment=part.assignment,
    )
