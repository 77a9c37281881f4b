"""Prose without lab headings, cut into one part per lab: each paragraph goes to the lab it
presents (its subject, a run-in head, a heading that is the lab's name), and the paragraphs after it
stay with that lab until another lab opens one, a comparison or a chapter heading ends it. Used for a
document about several labs without lab headings, and for the prose outside a document's lab
headings and tables; ``sections`` chooses when."""

from __future__ import annotations

import re
from functools import cache

from extract.layout.headings import strip_numbering
from extract.models import Line
from extract.rules.lexicon import Lexicon, fold_keep, phrase_regex
from extract.rules.vocab import match_label
from extract.segment.document_title import title_line
from extract.segment.heading_parts import names_in
from extract.segment.lab_headings import field_heading, heading_lab, salient_lab, signature_line
from extract.segment.lab_index import LabEntry, LabIndex
from extract.segment.lab_names import whole_name
from extract.segment.name_affixes import article_before_name
from extract.segment.paragraphs import (
    COMPARISON,
    anaphoric_opening,
    paragraphs,
    possessive_opening,
    run_in_head,
    subject_of,
)
from extract.segment.parts import PARAGRAPH_ASSIGNMENT, Part
from extract.segment.place_chapters import owned_kind
from extract.segment.spelling import content_words, spells_all
from extract.segment.subject_names import masthead_name


def prose_parts(lines: list[Line], body: list[int], index: LabIndex) -> list[Part]:
    """Prose without lab headings: each paragraph goes to the lab it opens with, and the paragraphs
    after it stay with that lab until another lab opens one. Used when two or more labs are the
    subject of paragraphs; a document about one lab stays whole."""
    owners = _paragraph_owners(lines, body, index)
    lab = salient_lab(index)
    if lab is not None and _own_report(lines, body, lab, index):
        # An annual report under its lab's own name: a project or an agency its paragraphs name in
        # passing ('the National ICT Backbone (NICTIB II)') is what it says of that lab, unless the
        # text presents it as a lab of its own (its founding, a heading).
        owners = [(paragraph, lab if owner is not None and not (owner.as_subject or owner.in_heading) else owner)
                  for paragraph, owner in owners]
    if lab is not None and index.on_own_site(lab):
        # 'Our work is funded by policing and by the Home Office' on a page of the lab's own site: a weak
        # name there (no kind of lab, no acronym defined, never presented) is no second lab.
        owners = [(paragraph, lab if owner is not None and owner is not lab and not (
            owner.strong or owner.defined or owner.in_heading or owner.as_subject) else owner)
                  for paragraph, owner in owners]
    if lab is not None and not lab.as_host:
        # 'Sinds 2023 is de AP de coördinerend toezichthouder ... belegd bij de DCA, een directie binnen de
        # AP': what a paragraph says of the organisation the lab sits in is the lab's setting, not a second lab.
        owners = [(paragraph, lab if owner is not None and owner.as_host and not owner.in_heading else owner)
                  for paragraph, owner in owners]
    if len({id(owner) for _, owner in owners if owner is not None}) < 2:
        return []
    return _owned_parts(owners, lines)


def _own_report(lines: list[Line], body: list[int], lab: LabEntry, index: LabIndex) -> bool:
    """Is the document ``lab``'s own report: its title (the heading lines around it) names the lab
    and says so ('Galaxy Backbone Limited — Annual Report', 'Jaarverslag 2024 — X')?"""
    at = title_line(lines, body)
    if at is None:
        return False
    # The heading lines around the title, and the two lines under it: 'Annual Report and Financial
    # Statements' over 'Kenya X Agency (KX) · For the financial year ended ...' set as body text.
    title = " ".join(lines[i].text for i in body
                     if (lines[i].role == "heading" and abs(i - at) <= 2) or at < i <= at + 2)
    report = phrase_regex(index.lex.words("title", "own_report_words")).search(fold_keep(title))
    return report is not None and any(whole_name(name).search(title) for name in (lab.name, lab.acronym) if name)


def uncovered_prose_parts(lines: list[Line], body: list[int], parts: list[Part], index: LabIndex) -> list[Part]:
    """Prose outside the lab headings and tables: 'Praag: een instituut dat van Europees geld leeft'
    over 'Het Pražský inovační institut (Pii) werd in 2020 opgericht ...' is a chapter about a lab
    whose heading does not name it. Its paragraphs go to the lab they present, as in prose without
    headings; a lab that has a heading of its own keeps only that (what a conclusion says of it
    compares, it does not describe)."""
    covered = {id(line) for part in parts if part.kind != "table_row" for line in part.lines}
    rest = [i for i in body if id(lines[i]) not in covered]
    if not rest:
        return []
    headed = [fold_keep(part.title or "") for part in parts if part.kind != "table_row"]
    owners: list[tuple[list[int], LabEntry | None]] = []
    chapter: LabEntry | None = None
    after_heading = False
    heading_name = ""
    spelled: dict[int, str] = {}  # id of a lab named by its acronym -> the chapter heading that spells it
    first_heading = next((i for i in body if lines[i].role == "heading"), None)
    report_chapters = index.lex.folded("title", "non_lab_headings") | index.lex.folded("title", "report_chapters")
    for paragraph, owner in _paragraph_owners(lines, rest, index):
        if all(lines[i].role == "heading" for i in paragraph):
            # The document's title opens no chapter: under it, a deck's or a report's own presenter;
            # nor does a report's own chapter ('1 Introduction': the labs it names are compared).
            heading_name = strip_numbering(" ".join(lines[i].text for i in paragraph)).strip(" .:")
            heading = fold_keep(heading_name)
            chapter = None
            after_heading = first_heading not in paragraph and heading not in report_chapters
            continue
        # Only a chapter that opens by presenting its lab (first named here, with its acronym defined
        # or its founding told) is about it; an introduction or a conclusion naming labs is not.
        if (after_heading and owner is not None and owner.first in paragraph and (owner.defined or owner.strong)
                and not any(names_in(owner, title) for title in headed)):
            chapter = owner
            if (full := _spelled_heading(heading_name, owner, index)) is not None:
                spelled[id(owner)] = full  # '1. La Direction générale des Finances publiques' over 'La DGFiP est née ...'
        after_heading = False
        owners.append((paragraph, chapter if owner is chapter else None))
    return _owned_parts(owners, lines, spelled)


def _spelled_heading(heading: str, owner: LabEntry, index: LabIndex) -> str | None:
    """'Direction générale des Finances publiques (DGFiP)': the chapter's heading, when it spells the
    acronym its lab goes by in the text (the text never brackets it), with that acronym."""
    # One word with two capitals at least: 'DGFiP', 'MRV' (not 'Sitra').
    if owner.acronym or " " in owner.name or sum(c.isupper() for c in owner.name) < 2:
        return None
    words = heading.split()
    if words and fold_keep(words[0]) in index.lex.folded("words", "articles"):
        words = words[1:]  # 'La Direction ...'
    if len(words) < 2 or not words[0][:1].isupper() or not spells_all(owner.name, content_words(words)):
        return None
    return f"{' '.join(words)} ({owner.name})"


def _paragraph_owners(lines: list[Line], body: list[int], index: LabIndex) -> list[tuple[list[int], LabEntry | None]]:
    """Each paragraph of ``body`` with the lab it is about (None: no lab)."""
    owners: list[tuple[list[int], LabEntry | None]] = []
    current: LabEntry | None = None
    bodies: set[int] = set()  # ids of the entries the text names as a lab's governing body
    predecessors = _predecessors(index, " ".join(lines[i].text for i in body))
    title = title_line(lines, body)
    salient = salient_lab(index)
    found = paragraphs(lines, body)
    heading = False
    for n, paragraph in enumerate(found):
        under_heading, heading = heading, all(lines[i].role == "heading" for i in paragraph)
        if title is not None and paragraph[-1] < title:
            continue  # a masthead or letterhead above the document's title describes no lab
        text = " ".join(lines[i].text for i in paragraph)
        # A heading is about a lab when it is (mostly) the lab's name, not when it mentions one.
        # A bold run-in head may be set as a heading line: 'eWBS (eWallonie-Bruxelles ...) — Créé en 2013'.
        if masthead_name(text, index.lex) is not None:
            continue  # 'LABNOTES — Issue 31': the publication, not a lab it describes
        if len(paragraph) <= 2 and signature_line(text, index.lex):
            continue  # 'Deputy Administrator, Centers for Medicare & Medicaid Services': who signs, not a lab described
        copy = index.lex.regex("letters", "copy_labels").match(fold_keep(text))
        if copy is not None and fold_keep(text)[copy.end():].lstrip().startswith(":"):
            continue  # 'Copie : ... Service X (SX)': who gets the letter, not a lab it describes
        if current is not None and not heading and (_key_facts(paragraph, lines, current, index)
                                                    or anaphoric_opening(index.lex).match(text)
                                                    or (index.in_first_person and possessive_opening(index.lex).match(text))):
            owners.append((paragraph, current))  # 'The agency is bigger than RISA but ...': the lab before
            continue
        subject = ((heading_lab(text, index) or run_in_head(text, index, paragraph[0], create=False)) if heading
                   else subject_of(paragraph, lines, index))
        if subject is None and under_heading and not heading:
            subject = _introduced_with_site(paragraph, text, index)
        if subject is None and len(paragraph) == 1 and n + 1 < len(found):
            # 'Tokyo: NHK's research laboratories' set as a line of its own over the lab's paragraph
            subject = owned_kind(text, " ".join(lines[i].text for i in found[n + 1]), index)
        if subject is not None and subject is not COMPARISON and not heading and _passing(subject):
            subject = None  # 'we swap methods with the Lab van Troje': named once, in passing
        if isinstance(subject, LabEntry) and not heading and _named_as_publisher(subject, text, index.lex):
            owners.append((paragraph, None))  # a colophon: who publishes the newsletter, not a lab it describes
            continue
        if isinstance(subject, LabEntry) and current is not None and not heading and _governing_body(subject, text, index):
            bodies.add(id(subject))  # 'We are led by the Budget Responsibility Committee (BRC), whose ...'
        if isinstance(subject, LabEntry) and id(subject) in bodies | predecessors:
            subject = None  # the lab's own body or its predecessor, wherever the text names it again
        if subject is COMPARISON:
            current = None  # a paragraph comparing labs describes none of them
        elif subject is not None:
            current = subject
        elif heading and not _is_question(text) and not (current is not None and current is salient
                                                         and field_heading(text)):
            # A chapter heading that names no lab ends the lab before it; a field's heading
            # ('Gouvernance', 'Nos moyens') goes on with the facts of the lab the page is about.
            current = None
        owners.append((paragraph, current))
    return owners


PUBLISHED_GAP_WORDS = 6
"""Words between 'published' and its 'by': 'is published three times a year by the Centre'."""


def _named_as_publisher(entry: LabEntry, text: str, lex: Lexicon) -> bool:
    """Does ``text`` first name ``entry`` as the publisher of a publication ('... is published three
    times a year by the Centre for X', ``labs.published_by``)?"""
    names = [name for name in (entry.name, entry.acronym) if name]
    first = min((m.start() for name in names if (m := whole_name(name).search(text)) is not None), default=None)
    return first is not None and _publisher_before(lex).search(fold_keep(text[:first])) is not None


@cache
def _publisher_before(lex: Lexicon) -> re.Pattern[str]:
    """A 'published ... by (the)' phrase ending a text, a few words allowed inside it (folded)."""
    phrases = []
    for phrase in lex.folded("labs", "published_by"):
        verb, _, by = phrase.rpartition(" ")
        phrases.append(rf"\b{re.escape(verb)}(?:\s+[^\s.;:]+){{0,{PUBLISHED_GAP_WORDS}}}?\s+{re.escape(by)}")
    return re.compile(rf"(?:{'|'.join(phrases)})\s+(?:{article_before_name(lex)})?$")


def _introduced_with_site(paragraph: list[int], text: str, index: LabIndex) -> LabEntry | None:
    """'Op bezoek in Heilbronn' over '... bezocht een groep van vijftien leden de Südwestdeutsche
    Salzwerke AG in Heilbronn ...': the one lab a chapter's first paragraph names, first named there,
    with a site of its own, is what the chapter is about, subject of its sentences or not."""
    named = [entry for entry in index.entries
             if any(whole_name(name).search(text) for name in (entry.name, entry.acronym) if name)]
    if len(named) != 1:
        return None
    entry = named[0]
    return entry if entry.domain and entry.strong and entry.first in paragraph else None


def _predecessors(index: LabIndex, text: str) -> set[int]:
    """Ids of the entries ``text`` names as what a lab replaced ('We replaced the Independent Police
    Complaints Commission (IPCC)', 'took over from the Committee of European Banking Supervisors').
    Read from each such phrase forward: most texts have none, and a long report many entries."""
    folded = fold_keep(text)
    # The name starts after the article, or at it ('replaced The Southern Initiative').
    starts = [at for m in _replaced_then(index.lex).finditer(folded) for at in {m.end("phrase"), m.end()}]
    if not starts:
        return set()
    names = [(fold_keep(name), entry) for entry in index.entries for name in (entry.name, entry.acronym) if name]
    return {id(entry) for at in starts for key, entry in names
            if folded.startswith(key, at) and not re.match(r"[\w-]", folded[at + len(key):at + len(key) + 1])}


@cache
def _replaced_then(lex: Lexicon) -> re.Pattern[str]:
    """A 'replaced' phrase and the article after it, in the folded text (``labs.replaced``)."""
    return re.compile(rf"(?P<phrase>(?:{lex.regex('labs', 'replaced').pattern})\s+)(?:{article_before_name(lex)})?")


def _governing_body(entry: LabEntry, text: str, index: LabIndex) -> bool:
    """Is ``entry`` a body ('Committee', 'Board', 'raad') that ``text`` first names right after a
    phrase saying it runs the lab ('led by', 'geleid door', 'dirigé par')?"""
    words = entry.name.split()
    if not words or fold_keep(words[-1]) not in _body_words(index.lex):
        return False
    found = whole_name(entry.name).search(text)
    if found is None:
        return False
    return _led_by(index.lex).search(fold_keep(text[max(0, found.start() - 40):found.start()])) is not None


@cache
def _led_by(lex: Lexicon) -> re.Pattern[str]:
    """'led by the ', 'geleid door de ' ending a text (``governance.governed_by``, folded)."""
    return re.compile(rf"(?:{lex.regex('governance', 'governed_by').pattern})\s+(?:\w+\s+)?$")


@cache
def _body_words(lex: Lexicon) -> frozenset[str]:
    """The one-word names of bodies: 'board', 'committee', 'conseil', 'raad'."""
    return frozenset(w for w in lex.folded("governance", "body_nouns") if " " not in w)


def _owned_parts(owners: list[tuple[list[int], LabEntry | None]], lines: list[Line],
                 titles: dict[int, str] | None = None) -> list[Part]:
    """A part per lab, its paragraphs in order; ``titles``: a lab's title other than its own (by id)."""
    titles = titles or {}
    labs: list[LabEntry] = []
    for _, owner in owners:
        if owner is not None and all(owner is not lab for lab in labs):
            labs.append(owner)
    parts = []
    for lab in labs:
        members = [i for paragraph, owner in owners if owner is lab for i in paragraph]
        parts.append(Part(order=members[0], kind="heading", title=titles.get(id(lab), lab.title),
                          lines=[lines[i] for i in members], start=members[0], stop=members[-1] + 1,
                          assignment=PARAGRAPH_ASSIGNMENT))
    return parts


def _key_facts(paragraph: list[int], lines: list[Line], current: LabEntry, index: LabIndex) -> bool:
    """A key-facts block goes on with the lab it sits under; its 'Name' and 'Short name' are that
    lab's names ('Federal Computing Centre' over 'Name: Bundesrechenzentrum', 'Short name: BRZ')."""
    labels = [match_label(lines[i].text) for i in paragraph]
    if not all(labels):
        return False
    for label in labels:
        if label is not None and label.field in ("name", "acronym"):
            index.adopt(current, label.value.strip(), acronym=label.field == "acronym")
    return True


def _passing(entry: LabEntry) -> bool:
    """A lab the document names once, with no acronym of its own (a programme's acronym defined in
    passing is not one), address or heading."""
    return entry.mentions <= 1 and not ((entry.acronym and entry.strong) or entry.domain or entry.in_heading)


def _is_question(text: str) -> bool:
    """An interviewer's question set as a heading: the answer after it goes on with the same lab."""
    return "?" in text
