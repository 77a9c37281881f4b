"""Headings: numbered ('1. X', '2) X', '3 - X', 'III. X') or set larger/bold than the body.

A heading that wraps over two or three lines is merged into one line.
``parse_numbering`` is shared with ``segment`` (levels and titles without their numbers).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from extract.layout.furniture import is_url_only
from extract.layout.lines import Draft, wraps_line_above
from extract.rules.letter_classes import CAPITALS
from extract.rules.places import is_country_name
from extract.rules.vocab import match_label

log = logging.getLogger(__name__)

_NUMBERED = re.compile(
    r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}|[A-H])"
    r"(?P<sep>\s*[.)]\s*|\s+[-–—:·]\s+|\s+)(?P<rest>\S.*)$"
)
_MAX_WORDS = 16
_LARGER = 1.12
"""A line this much larger than the body font (text layer) is set as a heading."""
_LARGER_OCR = 1.18
# A title line ending in one of these words continues on the next line.
_CONNECTORS = {
    "in", "en", "and", "of", "et", "de", "du", "des", "la", "le", "les", "voor", "for", "the", "van", "der",
    "het", "een", "a", "an", "à", "au", "aux", "pour", "met", "with", "on", "op", "to", "sur", "dans", "-", "–",
    "&", "(", "und", "für",
}


@dataclass(frozen=True)
class Numbering:
    label: str
    """The number as printed without its punctuation: '2', '1.3', 'III'."""
    depth: int
    """1 for '2.', 2 for '1.3'; roman numerals and letters count as depth 1."""
    explicit: bool
    """Followed by '.', ')' or a dash (not just a space)."""
    rest: str


def parse_numbering(text: str) -> Numbering | None:
    """The leading section number of a heading line, or None."""
    match = _NUMBERED.match(text)
    if not match:
        return None
    num, sep, rest = match.group("num"), match.group("sep"), match.group("rest")
    explicit = bool(sep.strip()) or "." in num
    if num.isalpha() and not explicit:
        return None
    if num.isalpha() and len(num) == 1 and sep.strip() not in {".", ")"}:
        return None
    label = num.rstrip(".")
    if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"'“‘«("):
        return None
    depth = label.count(".") + 1 if label[:1].isdigit() else 1
    return Numbering(label=label, depth=depth, explicit=explicit, rest=rest.strip())


def strip_numbering(text: str) -> str:
    numbering = parse_numbering(text)
    return numbering.rest if numbering else text.strip()


def is_styled(draft: Draft, body_em: float, *, ocr: bool) -> bool:
    """Set apart from the body: a clearly larger font, or bold (text layer)."""
    larger = bool(draft.em and body_em and draft.em >= (_LARGER_OCR if ocr else _LARGER) * body_em)
    return larger or draft.bold


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


_RUN_IN = re.compile(r"^(?:[^\W\d][\w'’-]*\s+){0,7}[^\W\d][\w'’-]{2,}\.\s+(?:\S+\s+){4}"
                     rf"|^(?:[^\W\d][\w'’-]*\s+){{0,7}}[^\W\d][\w'’-]{{2,}}\.\s+[{CAPITALS}]\S*(?:\s+\S+){{2,}}\s*$")
"""'Effectifs. Au 30 juin 2025, l'Unité comptait ...', 'Data centre and smart city facilities.
Members sought ...': a paragraph that opens with a run-in label, then a sentence."""


# A name's last word, a legal form with its dots and a capital ('S.A.', 'e.V.'), not an answer ('n.c.').
_DOTTED_ABBREVIATION = re.compile(r"\S\s+(?=[^\s]*[A-ZÀ-Ý])(?:[^\W\d]{1,3}\.){2,}\s*$")


def _plausible_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_WORDS or len(text) > 160:
        return False
    numbering = parse_numbering(text)
    if numbering is not None and _RUN_IN.match(numbering.rest):
        return False  # '3. Effectifs. Au 30 juin 2025, l'Unité comptait ...' is body text
    if text.rstrip()[-1:] in ".;:" and not text.rstrip().endswith("...") and not _DOTTED_ABBREVIATION.search(text):
        return False  # a sentence; not a name ending on its legal form ('Creos Luxembourg S.A.')
    # A name shaped like a host and written as one ('Red.es', 'Canada.ca') is a title; a printed link is not.
    named_host = len(words) == 1 and text[:1].isupper() and not re.search(r"[/:@]|^www", text, re.IGNORECASE)
    if sum(c.isalpha() for c in text) < 3 or (is_url_only(text) and not named_host) or _EMAIL.search(text):
        return False  # an e-mail address, not 'The Lab @ DC' or 'Lab@OPM'

    # OCR debris (from a screenshot or a logo) is no title: bars, or mostly single letters.
    if "|" in text or sum(len(w.strip(".,;:()-")) <= 1 for w in words) * 2 > len(words):
        return False
    return match_label(text) is None


def _unsure(draft: Draft) -> bool:
    """OCR read the line with low confidence (debris, a picture): do not build structure on it."""
    mean = draft.mean_conf
    return mean is not None and mean < 0.55


def mark_headings(drafts: list[Draft], body_em: dict[int, float], ocr_pages: set[int], *, styled_doc: bool) -> None:
    """Set role 'heading' on body drafts that open a section (in place).

    ``styled_doc``: the document sets some lines apart by size or weight; then a numbered line
    must be styled too (so numbered list items in the text are not headings).
    """
    for n, draft in enumerate(drafts):
        if draft.role != "body":
            continue
        text = draft.text.strip()
        if not _plausible_title(text) or _unsure(draft):
            continue
        ocr = draft.page in ocr_pages
        if ocr and n and wraps_line_above(drafts[n - 1], draft):
            continue  # '... The National Lottery Heritage Fund and' / 'The Space': a box OCR read large
        reference = body_em.get(draft.page, 0.0)
        styled = is_styled(draft, reference, ocr=ocr)
        numbering = parse_numbering(text)
        if numbering and len(numbering.label) == 1 and numbering.label.isalpha() and not styled and n \
                and wraps_line_above(drafts[n - 1], draft):
            continue  # '... au Centre spatial John' / 'H. Chapman, à Longueuil, ...': an initial, not 'H.'
        # OCR glyph heights are noisy: a numbered line only needs to be a little larger than the body.
        set_apart = styled or (ocr and bool(draft.em and reference and draft.em >= 1.05 * reference))
        if styled and not numbering and _standfirst(drafts, n):
            continue
        if (numbering and numbering.explicit and (set_apart or not styled_doc)) or (styled and (numbering or len(text.split()) <= 12)):
            draft.role = "heading"


STANDFIRST_WORDS = 12
"""A larger sentence this long, over two lines, is a page's lede, not its heading."""


def _standfirst(drafts: list[Draft], n: int) -> bool:
    """A lede set larger than the body: the line runs on into the next one, set the same size in
    lower case, and the sentence they make ends there ('La bibliothèque scientifique nationale,
    gardienne du patrimoine imprimé et manuscrit de' / 'la Belgique.'): a paragraph, not a heading."""
    if n + 1 >= len(drafts):
        return False
    line, following = drafts[n], drafts[n + 1]
    if not line.em or not following.em or abs(following.em - line.em) > 0.05 * line.em:
        return False
    words = f"{line.text} {following.text}".split()
    return (following.text.strip()[:1].islower() and following.text.rstrip().endswith(".")
            and len(words) > STANDFIRST_WORDS and wraps_line_above(line, following))


def document_is_styled(drafts: list[Draft], body_em: dict[int, float], ocr_pages: set[int]) -> bool:
    """Numbered headings stand out by size or weight in this document (so plain numbered lines are list items)."""
    count = 0
    for d in drafts:
        text = d.text.strip()
        numbering = parse_numbering(text) if d.role == "body" else None
        if (numbering and numbering.explicit and _plausible_title(text)
                and is_styled(d, body_em.get(d.page, 0.0), ocr=d.page in ocr_pages)):
            count += 1
    return count >= 2


def _continues(head: Draft, nxt: Draft, body_em: float, ocr: bool, right_edge: float) -> bool:
    if nxt.page != head.page or nxt.column != head.column or nxt.role not in {"body", "heading"}:
        return False
    text = nxt.text.strip()
    if parse_numbering(text) and parse_numbering(text).explicit:  # type: ignore[union-attr]
        return False
    if match_label(text) is not None or not text:
        return False
    line_height = max(head.em or head.height / _line_count(head), 1.0)
    if nxt.top - head.bottom > 0.9 * line_height:
        return False
    if ocr and head.em and nxt.em and body_em and head.em >= 1.05 * body_em:
        # OCR: no weight, noisy sizes; a wrapped heading line is as large as the first and above body size.
        return nxt.em >= 1.05 * body_em and 0.85 <= nxt.em / head.em <= 1.18 and _plausible_title(text)
    head_styled = is_styled(head, body_em, ocr=ocr)
    if head_styled:
        same_size = bool(head.em and nxt.em and 0.85 <= nxt.em / head.em <= 1.18)
        return same_size and nxt.bold == head.bold and _plausible_title(text)
    last_word = head.text.split()[-1].lower() if head.text.split() else ""
    wraps = last_word in _CONNECTORS or head.text.rstrip().endswith("-") or head.bbox[2] > right_edge - 0.1 * (
        right_edge - head.bbox[0]
    )
    return wraps and len(text.split()) <= 6 and text[-1:] not in ".:;,"


def _line_count(draft: Draft) -> int:
    return 1 + len(draft.extra_boxes)


def _is_kicker(text: str) -> bool:
    """A country's name alone on the line above a name ('Estland' over 'Riigi Infosüsteemi Amet')
    labels the entry; it is not the first line of its title."""
    return len(text.split()) <= 3 and is_country_name(text)


def merge_wrapped(drafts: list[Draft], body_em: dict[int, float], ocr_pages: set[int]) -> list[Draft]:
    """Join a heading with the lines it wraps onto (same page and column, same style, close below)."""
    right_edges: dict[tuple[int, int], float] = {}
    for d in drafts:
        key = (d.page, d.column)
        right_edges[key] = max(right_edges.get(key, 0.0), d.bbox[2])
    out: list[Draft] = []
    for draft in drafts:
        head = out[-1] if out else None
        if (
            head is not None
            and head.role == "heading"
            and _line_count(head) < 3
            and not (_line_count(head) == 1 and _is_kicker(head.text))
            and _continues(head, draft, body_em.get(head.page, 0.0), head.page in ocr_pages, right_edges[(head.page, head.column)])
        ):
            merged_text = head.text.rstrip() + " " + draft.text.strip()
            if head.text.rstrip().endswith("-") and draft.text[:1].islower():
                merged_text = head.text.rstrip()[:-1] + draft.text.strip()
            head.absorb(draft, merged_text)
            if not _plausible_title(merged_text) and len(merged_text.split()) > 25:
                head.role = "body"
            continue
        out.append(draft)
    return out
