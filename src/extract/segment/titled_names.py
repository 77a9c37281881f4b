"""A document titled with a proper name its text keeps using ('Connect by CNES' over a page that
says 'Lancé en février 2018, Connect by CNES rassemble ...') is about that organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from extract.models import Line
from extract.rules.lexicon import fold_keep
from extract.rules.vocab import match_label
from extract.segment.lab_names import whole_name
from extract.segment.name_affixes import without_about
from extract.segment.presented import subject_entry
from extract.segment.titles import is_report_title

if TYPE_CHECKING:
    from extract.segment.lab_index import LabIndex


MAX_TITLE_NAME_WORDS = 6
MIN_TITLE_NAME_USES = 2


def add_titled_name(index: LabIndex, lines: Sequence[Line], body: Sequence[int], title: int | None) -> None:
    """'Connect by CNES' over a page that says 'Lancé en février 2018, Connect by CNES rassemble ...':
    a document titled with a proper name its text keeps using is about that organisation, head noun
    or not (a topic title is not repeated word for word)."""
    if title is None:
        return
    name = lines[title].text.strip()
    words = name.split()
    headings = index.lex.folded("title", "non_lab_headings") | index.lex.folded("title", "report_chapters")
    report_words = index.lex.folded("title", "report_words") | index.lex.folded("title", "own_report_words")
    if (not 2 <= len(words) <= MAX_TITLE_NAME_WORDS or re.search(r"[.,;:!?()]", name)
            # Capitalised words and short link words between them, of any language ('Connect by CNES').
            or not all(w[:1].isupper() or (len(w) <= 4 and w.isalpha()) for w in words)
            or not (words[0][:1].isupper() and words[-1][:1].isupper())
            or index.lookup(name) is not None or fold_keep(name) in headings
            or is_report_title(name, index.lex) or match_label(name) is not None
            or without_about(name, index.lex) is not None  # 'About Cyberport': the heading rules read it
            or any(fold_keep(w) in report_words for w in words)):  # 'Annual Report and Financial Statements'
        return
    texts = [lines[i].text for i in body]
    uses = sum(len(whole_name(name).findall(text)) for i, text in zip(body, texts) if i != title)
    if uses >= MIN_TITLE_NAME_USES:
        subject_entry(index, name, title, body, texts, set())
