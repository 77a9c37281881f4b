"""The document's own title and what it says about the lab: the largest line on the first page,
a report title's subtitle, a title naming the lab more fully, a letterhead above a headline."""

from __future__ import annotations

import re
from functools import cache

from extract.layout.headings import strip_numbering
from extract.layout.lines import wraps_line_above
from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import fold, match_label
from extract.segment.lab_headings import salient_lab
from extract.segment.lab_index import LabIndex
from extract.segment.parts import Part
from extract.segment.titles import is_report_title, parse_title


def is_title_line(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text.split()) <= 10 and text[-1:] not in ".,;:" and match_label(text) is None




def title_line(lines: list[Line], body: list[int]) -> int | None:
    """Index of the document title: the largest line on the first page, when clearly larger than the text.

    On an OCR'd page a line's size is read from its words' boxes, and one word's box says little
    (a speck beside it, a rule read as '|'): there a title is among the first lines, a title of one word
    must be much larger, and a line that wraps the line above it ('... is at' / 'fega.gob.es.') is the
    paragraph's end, not a title.
    """
    first = min((lines[j].page for j in body), default=1)
    sized = [i for i in body if lines[i].page == first and lines[i].size]
    if not sized:
        return None
    sizes = sorted(lines[i].size or 0.0 for i in sized)  # every one is set (``sized``)
    median = sizes[len(sizes) // 2]
    top = set(sized[:OCR_TITLE_WITHIN])
    candidates = [i for i in sized if (lines[i].size or 0.0) >= _larger_by(lines[i]) * median
                  and (lines[i].conf is None or (i in top and not (i and wraps_line_above(lines[i - 1], lines[i]))))]
    return max(candidates, key=lambda i: lines[i].size or 0.0, default=None)


def _larger_by(line: Line) -> float:
    """How much larger than the text a title is: an OCR'd line of one word needs to be clearly so."""
    if line.conf is not None and sum(1 for word in line.text.split() if any(c.isalnum() for c in word)) < 2:
        return ONE_WORD_OCR_TITLE
    return 1.15


ONE_WORD_OCR_TITLE = 1.5
OCR_TITLE_WITHIN = 10
"""An OCR'd title is among the first page's first lines: a signature under the text, its box enlarged
by the ink of a scanned hand, is not ('Wouter Dieleman-Achterberg' under a travel report)."""


def document_title(lines: list[Line], body: list[int], language: str | None = None) -> str | None:
    top_page = min((lines[j].page for j in body), default=1)
    body = [i for i in body if not _reference_line(lines[i].text)]
    title = title_line(lines, body)
    if title is None:
        title = next((i for i in body if lines[i].role == "heading" and not dateline(lines[i].text)
                      and not _signed(lines, body, i, language)), None)
    if title is None:
        title = next((i for i in body if lines[i].page == top_page and is_title_line(lines[i].text)
                      and not dateline(lines[i].text)), None)
    if title is None:
        return None
    text = _without_subject_label(strip_numbering(lines[title].text))
    if is_report_title(text, lexicon(language)):
        return _subtitle(lines, body, title) or text
    return text


@cache
def _letter_label(key: str) -> re.Pattern[str]:
    """A letter's field label of ``letters.<key>`` opening a line, with its colon (folded text)."""
    labels = alternation(lexicon(None).words("letters", key), any_space=False, longest_first=True)
    return re.compile(rf"(?:{labels})\.?\s*:\s*")


def _without_subject_label(text: str) -> str:
    """'Onderwerp: uw brief van 12 februari ...' -> 'uw brief van 12 februari ...': the label is no title."""
    label = _letter_label("subject_labels").match(fold_keep(text))
    return text[label.end():] if label is not None and label.end() < len(text) else text


def _reference_line(text: str) -> bool:
    """'Ons kenmerk: OMG/2024/031', 'N/Réf. : DIR/2024-118': a letter's reference, a code."""
    return _letter_label("reference_labels").match(fold_keep(text.strip())) is not None


@cache
def _dateline() -> re.Pattern[str]:
    from extract.normalize.dates import month_names

    return re.compile(rf",\s*(?:\d{{1,2}}(?:er|st|nd|rd|th|e)?\s+)?(?:(?:{month_names()})\.?\s+)?(?:19|20)\d\d\s*$")


def dateline(text: str) -> bool:
    """'Élise Dupont, Metz, janvier 2026', 'Oslo, 3 March 2026': an author's or a letter's place and
    date, never a document's title."""
    return _dateline().search(fold_keep(text)) is not None


def _signed(lines: list[Line], body: list[int], heading: int, language: str | None) -> bool:
    """'Bertrand Lemaire-Oyono' over 'Rapporteur général adjoint': a signer's name, its title under it."""
    after = next((i for i in body if i > heading), None)
    if after is None:
        return False
    words = fold_keep(lines[after].text).replace(",", " ").split()
    titles = lexicon(language).folded("labs", "person_titles")
    return any(" ".join(words[:k]) in titles for k in (1, 2, 3))


MAX_SUBTITLE_WORDS = 16


def _subtitle(lines: list[Line], body: list[int], title: int) -> str | None:
    """'Jaarverslag 2021' over 'Stichting X (AMS': a report's title names the document; the line
    under it names whom it is about (joined with its wrapped end while a bracket is open)."""
    after = [i for i in body if i > title and lines[i].page == lines[title].page][:2]
    if not after:
        return None
    text = lines[after[0]].text.strip()
    if text.count("(") > text.count(")") and len(after) > 1:
        text = f"{text} {lines[after[1]].text.strip()}"
    # A short form in brackets ends the name; an address run into the same line follows it.
    text = re.split(r"(?<=\))\s|\s[·|]\s", text, maxsplit=1)[0]
    words = text.split()
    if not words or len(words) > MAX_SUBTITLE_WORDS or not words[0][:1].isupper() or text.endswith("."):
        return None
    return text


MAX_EXTRA_NAME_WORDS = 2


def fuller_name(title: str | None, name: str, index: LabIndex) -> bool:
    """The document's title names the lab more fully: 'GovLab Lisboa annual report' for 'GovLab', or
    spells out the short name the text uses."""
    if not title:
        return False
    parts = parse_title(title, index.lex, document=True)
    full = parts.name or ""
    if parts.acronym and full and _key_of(parts.acronym) == _key_of(name):
        return True  # 'Amsterdam Institute for Advanced Metropolitan Solutions (AMS Institute)' for 'AMS Institute'
    return (_key_of(full).startswith(_key_of(name)) and _key_of(full) != _key_of(name)
            and len(full.split()) <= len(name.split()) + MAX_EXTRA_NAME_WORDS)


def letterhead_over_title(lines: list[Line], body: list[int], part: Part, index: LabIndex) -> bool:
    """The only lab heading sits above a larger document title that names another lab: the
    heading is the sender's letterhead ('Logius' over 'Staatssecretaris lanceert Digicampus')."""
    title = title_line(lines, body)
    if title is None or title <= part.start:
        return False
    lab = salient_lab(index)
    return lab is not None and _key_of(lab.name) != _key_of(part.title or "") and lab.in_heading > 0


def _key_of(name: str) -> str:
    return fold(name).replace(" ", "")


def under_document_title(lines: list[Line], body: list[int], part: Part) -> bool:
    """The only lab heading sits below a clearly larger document title: the title names the lab."""
    title = title_line(lines, body)
    if title is None or title >= part.start:
        return False
    return (lines[title].size or 0.0) > 1.1 * (lines[part.start].size or 0.0)


def _browser_title(separators: str) -> re.Pattern[str]:
    """'<page> | <site>': the title line a browser prints over a page, cut at one of ``separators``."""
    return re.compile(rf"^\s*(?P<page>[^|\n]{{2,60}}?)\s+[{re.escape(separators)}]\s+(?P<site>[^|\n]{{2,80}}?)\s*$")


_BROWSER_TITLE = _browser_title("|")
_BROWSER_TITLE_OR_DASH = _browser_title("|–—-")  # 'Over de Unie - Unie van Waterschappen'
BROWSER_TITLE_LINES = 4
_PRINTED_AT = re.compile(r"^\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp][Mm])?\s+")


def site_of_page_title(lines: list[Line], title: str, language: str | None) -> str | None:
    """A printed web page titled by a page of its site ('Over de organisatie') under the browser's
    'Organisatie | Huis voor Klokkenluiders': the site's name is whom the page is about."""
    from extract.segment.lab_headings import is_page_title

    lex = lexicon(language)
    if not is_page_title(title, lex):
        return None
    for line in lines[:BROWSER_TITLE_LINES]:
        # '02-08-2023 09:31 Over ons – Koninklijk Eise Eisinga Planetarium': the date and time a
        # browser prints first, then the page and the site, cut by a bar or a spaced dash.
        printed = _PRINTED_AT.sub("", line.text)
        found = _BROWSER_TITLE.match(printed) or _BROWSER_TITLE_OR_DASH.match(printed)
        page = found.group("page") if found else ""
        # The browser names the page as the page does, or shorter ('Organisatie' for 'Over de organisatie').
        same_page = is_page_title(page, lex) or set(fold(page).split()) <= set(fold(title).split())
        if found and page and same_page and found.group("site")[:1].isupper():
            return found.group("site")
    return None


def site_starting_with(text: str, word: str) -> str | None:
    """'Unie' (of 'Over de Unie') under the browser's 'Over de Unie - Unie van Waterschappen': the
    site's name, which the page shortens to its first word; None when ``text`` opens with no such line."""
    key = fold_keep(word)
    for line in text.split("\n", BROWSER_TITLE_LINES)[:BROWSER_TITLE_LINES]:
        found = _BROWSER_TITLE_OR_DASH.match(line)
        if found is None or not found.group("site")[:1].isupper() or re.search(r"\s[-–—|·]\s", found.group("site")):
            continue  # 'Le BnF DataLab - BnF - Site institutionnel': the site's own title, not its name
        if fold_keep(found.group("site")).startswith(f"{key} ") and key in fold_keep(found.group("page")).split():
            return found.group("site").strip()
    return None
