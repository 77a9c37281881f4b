"""Page furniture: running headers and footers, page numbers, footer URLs and footnotes.

Works on text layers (font size) and on OCR (position, footnote markers, smaller glyphs).
Furniture keeps its text but leaves the body, so it never pollutes a lab's section.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache

from rapidfuzz import fuzz

from extract.layout.lines import Draft, PageLayout
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import lexicon
from extract.rules.vocab import fold

log = logging.getLogger(__name__)

TOP_ZONE = 0.08
BOTTOM_ZONE = 0.92
_SMALL = 0.86
"""A line whose font is below this share of the body size is small print (footnote, footer)."""

_URL_START = re.compile(r"^[(<\[]?(?:https?[:;]?/{1,2}|hltps?:/{1,2}|w{2,3}[a-z]?[.,]\s?)\S", re.IGNORECASE)
_BARE_HOST = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)
# A journal's running head, printed once on a short paper's page: 'ESPA · Vol. 9, No. 2 (2021) · doi.org/...'.
_JOURNAL_LINE = re.compile(r"(?i)\b(?:vol\.|volume)\s*\d+\s*[,(·]\s*(?:no\.|nr\.|issue|n°)\s*\d+|doi\.org/10\.|\bdoi:\s*10\.")
_RULE = re.compile(r"^[_\-–—=.·]{3,}$")
_MARKER = re.compile(rf"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*|[*†‡]{{1,3}}\s*|\d{{1,2}}[).]?\s+|\d{{1,2}}(?=[{CAPITALS}]))(?P<rest>\S.*)$")


@cache
def _page_number() -> re.Pattern[str]:
    """'4', '- 4 -', 'blz. 4', 'Page 3 of 12', 'iv': the words are rule data (pages.number_words,
    pages.number_of), built once per rules folder."""
    lex = lexicon(None)
    page, of = ("|".join(re.escape(w) for w in lex.words("pages", key)) or r"(?!x)x" for key in ("number_words", "number_of"))
    return re.compile(rf"^[-–—\s]*(?:(?:{page})\.?\s*)?(?:\d{{1,4}}|[ivxlc]{{1,6}})(?:\s*(?:/|{of}|-)\s*\d{{1,4}})?[-–—\s]*$")


def is_page_number(text: str) -> bool:
    return bool(_page_number().match(fold(text).strip())) and any(c.isalnum() for c in text)


def _looks_like_url_token(token: str) -> bool:
    token = token.strip("()<>[].,;'\"")
    if not token:
        return False
    if _URL_START.match(token) or _BARE_HOST.match(token):
        return True
    # The tail of a long URL wrapped onto its own line: no spaces, URL punctuation.
    return len(token) >= 15 and any(c in token for c in "/%=&?")


def is_url_only(text: str) -> bool:
    """The line is one or more URLs and nothing else (as footers print the page's links)."""
    tokens = text.split()
    return bool(tokens) and len(tokens) <= 4 and all(_looks_like_url_token(t) for t in tokens)


def _signature(text: str) -> str:
    """Text of a running header/footer with its digits masked (page numbers change)."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", fold(text))).strip()


def _in_top_zone(draft: Draft, page: PageLayout) -> bool:
    return draft.top < page.height * TOP_ZONE and draft.bottom < page.height * (TOP_ZONE + 0.04)


def _in_bottom_zone(draft: Draft, page: PageLayout) -> bool:
    return draft.bottom > page.height * BOTTOM_ZONE and draft.top > page.height * (BOTTOM_ZONE - 0.04)


def _repeated(pages: list[PageLayout], zone: Callable[[Draft, PageLayout], bool]) -> set[int]:
    """ids of drafts in ``zone`` whose text (digits ignored) recurs in that zone on several pages."""
    # Running headers repeat the same few texts: compare each distinct text once, not every pair of lines.
    by_signature: dict[str, list[tuple[int, int]]] = {}
    for page in pages:
        for draft in page.drafts:
            if draft.role == "body" and zone(draft, page):
                sig = _signature(draft.text)
                if len(sig) >= 3:
                    by_signature.setdefault(sig, []).append((page.number, id(draft)))
    needed = 2 if len(pages) <= 6 else 3
    repeated: set[int] = set()
    signatures = list(by_signature)
    for sig in signatures:
        pages_with = {number for other in signatures if fuzz.ratio(sig, other) >= 88
                      for number, _ in by_signature[other]}
        if len(pages_with) >= needed:
            repeated.update(ident for _, ident in by_signature[sig])
    return repeated


def _is_small(draft: Draft, body_em: float) -> bool:
    if not draft.em or not body_em:
        return False
    limit = _SMALL if draft.word_count >= 3 else _SMALL - 0.06
    return draft.em < limit * body_em


def _is_noise(text: str) -> bool:
    """Scanner specks and stray marks: a line with almost no letters."""
    return sum(c.isalnum() for c in text) <= 3 and len(text.strip()) <= 5


def mark_furniture(pages: list[PageLayout], body_em: dict[int, float]) -> None:
    """Set roles header/footer/url_footer/footnote on the drafts of every page (in place).

    ``pages`` hold their drafts in reading order; ``body_em`` maps a page number
    to the body font size to compare glyph sizes against.
    """
    multi = len(pages) > 1
    headers = _repeated(pages, _in_top_zone) if multi else set()
    footers = _repeated(pages, _in_bottom_zone) if multi else set()
    for page in pages:
        body = [d for d in page.drafts if d.role == "body"]
        for draft in body:
            if _in_top_zone(draft, page) and (id(draft) in headers or is_page_number(draft.text)
                                               or _JOURNAL_LINE.search(draft.text)):
                draft.role = "header"
            elif is_url_only(draft.text) and _in_bottom_zone(draft, page):
                draft.role = "url_footer"  # even when repeated: the page footer prints the lab's link
            elif _in_bottom_zone(draft, page) and (id(draft) in footers or (
                    is_page_number(draft.text) and not _text_below(draft, page, footers))):
                draft.role = "footer"
        for group in _column_groups([d for d in body if d.role == "body"]):
            _mark_bottom(group, page, body_em.get(page.number, 0.0))
            if page.method == "ocr":
                _mark_specks(group)


def _text_below(draft: Draft, page: PageLayout, footers: set[int]) -> bool:
    """Is there text under ``draft`` besides a page's furniture? A form's answer '31' with the next
    question under it is no page number."""
    return any(other.top > draft.bottom and other.role == "body" and id(other) not in footers
               and not is_page_number(other.text) and not is_url_only(other.text) and not _is_noise(other.text)
               for other in page.drafts)


def _column_groups(drafts: list[Draft]) -> list[list[Draft]]:
    """One group per column, each with the full-width lines below that column's text."""
    columns = sorted({d.column for d in drafts if d.column})
    if not columns:
        return [drafts]
    groups = []
    for column in columns:
        members = [d for d in drafts if d.column == column]
        lowest = max(d.bottom for d in members)
        groups.append(members + [d for d in drafts if d.column == 0 and d.top >= lowest - 1])
    return groups


def _mark_bottom(group: list[Draft], page: PageLayout, body_em: float) -> None:
    """Walk up from the page bottom through footer URLs, small print and footnotes."""
    ordered = sorted(group, key=lambda d: d.top)
    # Everything under a short rule in the lower half is footnote text.
    for i, draft in enumerate(ordered):
        if draft.top > page.height * 0.5 and _RULE.match(draft.text.replace(" ", "")):
            draft.role = "footer"
            for below in ordered[i + 1 :]:
                if below.role == "body" and not is_url_only(below.text):
                    below.role = "footnote"
    lowest_body = len(ordered)
    marked: list[Draft] = []
    for i in range(len(ordered) - 1, -1, -1):
        draft = ordered[i]
        if draft.role != "body":
            continue
        text = draft.text.strip()
        if is_url_only(text) and draft.top > page.height * 0.55:
            draft.role = "url_footer"
        elif _SUBSECTION_NUMBER.match(text) and _is_small(draft, body_em):
            # '2.4 Aantal medewerkers (fte)' over '27,6': a form's numbered question (in smaller print
            # than its answers) and its answer, not a footnote and a speck.
            for below in marked:
                below.role = "body"
            lowest_body = i
            break
        elif _is_small(draft, body_em) and draft.top > page.height * 0.5:
            draft.role = "footnote"
            marked.append(draft)
        elif _is_noise(text) and draft.top > page.height * 0.7 and (page.method == "ocr" or not any(c.isalpha() for c in text)):
            # A text layer's short word is printed, not a speck: a form's answer 'n/a' at the page's foot.
            draft.role = "footer"
            marked.append(draft)
        else:
            lowest_body = i
            break
    else:
        return
    _mark_marker_footnote(ordered[: lowest_body + 1], page, body_em)


PROSE_LINE_CHARS = 40
_SUBSECTION_NUMBER = re.compile(rf"\d{{1,2}}(?:\.\d{{1,2}})+\.?\s+[{CAPITALS}]")


def _mark_specks(group: list[Draft]) -> None:
    """A speck OCR read as a lone digit or mark inside a paragraph ('... kortweg' / '5' / 'RADIO.'):
    not text, and it would cut the sentence it sits in. A short value under a short label
    ('Raad' / '5') is not inside prose and stays."""
    ordered = sorted((d for d in group if d.role == "body"), key=lambda d: d.top)
    for above, draft, below in zip(ordered, ordered[1:], ordered[2:]):
        text = draft.text.strip()
        lone = (len(text) == 1 and text.isalnum()) or (0 < len(text) <= 2 and not any(c.isalnum() for c in text))
        if lone and len(above.text) >= PROSE_LINE_CHARS and above.text.rstrip()[-1:].isalpha() and below.text.strip():
            draft.role = "footer"


def _mark_marker_footnote(ordered: list[Draft], page: PageLayout, body_em: float) -> None:
    """A footnote in body-size print: a marker line under a wide gap at the page bottom."""
    body = [d for d in ordered if d.role == "body"]
    if len(body) < 3:
        return
    pitches = [b.top - a.top for a, b in zip(body, body[1:]) if b.top > a.top]
    if not pitches:
        return
    pitch = sorted(pitches)[len(pitches) // 2]
    for i in range(max(1, len(body) - 6), len(body)):
        draft, above = body[i], body[i - 1]
        match = _MARKER.match(draft.text)
        if not match or draft.top < page.height * 0.6:
            continue
        superscript = draft.first_word[:1] in "¹²³⁴⁵⁶⁷⁸⁹⁰*†‡"
        smaller_marker = (
            draft.word_count > 1 and draft.first_word.isdigit()
            and draft.first_height < 0.8 * draft.second_height
        )
        gap = draft.top - above.top > 1.5 * pitch
        sentence_like = match.group("rest")[:1].isupper() and above.text.rstrip()[-1:] in ".!?:)\"'”"
        # '2. L'Académie du numérique' in bold over its chapter: a numbered heading, not a note.
        heading_like = draft.letters > 0 and draft.bold_letters >= 0.6 * draft.letters and draft.text.rstrip()[-1:] not in ".!?"
        if superscript or smaller_marker or (gap and sentence_like and not heading_like):
            for below in body[i:]:
                below.role = "footnote"
            log.debug("page %d: footnote from marker line %r", page.number, draft.text[:40])
            return
