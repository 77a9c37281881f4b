"""A chapter or slide whose first line is a lab's name, standing alone: 'Model 1 · a design centre in
a clinic' over 'Mayo Clinic Center for Innovation (Rochester, Minnesota, USA)', 'Spotlight' over
'Radboudumc REshape Center · Nijmegen, the Netherlands'. Decks, newsletters and fact sheets title a
part by what it argues and print the name it is about as its first line; that part is the lab's,
whatever its heading says."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.models import Line
from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.lexicon import fold_keep
from extract.segment.lab_headings import LIST_ITEM, heading_lab, is_page_title
from extract.segment.lab_index import LabEntry, LabIndex

# What may follow the name on its line: its place after a middle dot or a bar ('· Nijmegen, the
# Netherlands', '| Oslo'), or in a bracket ('(Rochester, Minnesota, USA)'). Not a dash: 'X (XI) —
# Shared X in English — was set up ...' opens a sentence. Not an address: digits or an e-mail.
_PLACE_AFTER = re.compile(r"\s+[·|]\s+([^\d@]*)$")
MAX_NAME_WORDS = 12


def name_line_lab(heading: str, following: Sequence[Line], index: LabIndex) -> LabEntry | None:
    """The lab the first line under ``heading`` names and does nothing else with, or None. Not a
    list item, not a sentence (a line that goes on after the name says something of it, and other
    rules read that), and only a name the document's index holds as a lab. A heading that names a
    lab itself, or a signer's title ('Le directeur général' over the office's name), keeps its own."""
    if not following or LIST_ITEM.match(following[0].text) or heading_lab(heading, index) is not None:
        return None
    words = fold_keep(heading).split()
    articles = index.lex.folded("words", "articles")
    if " ".join(words[1:] if words and words[0] in articles else words) in index.lex.folded("labs", "person_titles"):
        return None
    if len(following) > 1 and following[1].role == "table":
        return None  # a table's caption: 'Activité du Centre' over its key figures
    line = " ".join(following[0].text.split())
    name = TRAILING_BRACKETS.sub("", _PLACE_AFTER.sub("", line)).strip(" ,:")
    if not name or len(name.split()) > MAX_NAME_WORDS or name.endswith(".") or is_page_title(name, index.lex):
        return None
    if line.endswith(":") or re.search(r"\d|@", line[len(name):]):
        return None  # 'X :' opens a heading's second line or a list; 'X · 125, route d'Esch' is an address
    return index.lookup(name)
