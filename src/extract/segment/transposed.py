"""Key-facts tables with one column per lab: a row per field, the labs across the top.

    Table 1 Key facts    MindLab   DesignGov   Policy Lab   Lab. de Gobierno
    Founded              2002      2012        2014         2015
    Staff (FTE)          15        9           c. 20        28

Papers and comparisons print them; read row by row they would give the first lab's section
every lab's figures. Each column becomes a table row of its own lab, named after the lab of the
document its header cell names ('Lab. de Gobierno' -> 'Laboratorio de Gobierno'). A value cell
that runs over several lines cannot be told apart from its neighbours' without their positions,
so such a row is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from extract.layout.headings import strip_numbering
from extract.models import Line
from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.segment.forms import label_in
from extract.segment.lab_index import LabEntry, LabIndex
from extract.segment.name_affixes import article_before_name
from extract.segment.spelling import abbreviates, initials_cover, is_acronym

MIN_FIELD_ROWS = 2
MIN_COLUMNS = 2
MIN_CELL_CHARS = 3
MIN_PROSE_USES = 2
_DASHES = frozenset({"", "—", "–", "-"})


@cache
def _empty() -> frozenset[str]:
    """What an empty cell holds: nothing, a dash, or 'not applicable' (words.not_applicable)."""
    return _DASHES | frozenset(lexicon(None).words("words", "not_applicable"))


@dataclass
class LabColumn:
    """One lab's column: its name and its field cells ({row label: cell})."""

    title: str
    fields: dict[str, str] = field(default_factory=dict)
    short: str | None = None
    """The coined short form the header cell gives the lab ('RWS', 'FabMob'), when it is one."""


@dataclass
class TransposedTable:
    lines: list[int]
    """Indices of the table's lines (they leave the section they sat in)."""
    columns: list[LabColumn]


@dataclass
class _Names:
    """The document's labs as a header cell may name them: the index, and the qualifiers in brackets
    of each lab's heading ('2.3 Laboratorio de ... (Uruguay)' -> 'uruguay')."""

    index: LabIndex
    qualifiers: dict[str, list[LabEntry]]
    headings: Sequence[tuple[str, str]] = ()
    """The document's lab headings, as (title, printed heading): a slide's title names a lab the index
    may not have, and a printed heading may say more than its title ("Le pôle X de l'ACPR")."""
    prose: str = ""
    """The body lines' text (a name the prose keeps using is one its reader knows)."""

    @classmethod
    def of(cls, lines: Sequence[Line], index: LabIndex, headings: Sequence[tuple[str, str]] = ()) -> _Names:
        qualifiers: dict[str, list[LabEntry]] = {}
        for entry in index.entries:
            if 0 <= entry.first < len(lines) and lines[entry.first].role == "heading":
                # A heading wrapped onto a second line keeps its qualifier there: '... Social en' / 'Gobierno Digital (Uruguay)'.
                wrapped = entry.first + 1 < len(lines) and lines[entry.first + 1].role == "heading"
                heading = " ".join(line.text for line in lines[entry.first:entry.first + 1 + wrapped])
                for inner in re.findall(r"\(([^()]{1,30})\)", heading):
                    qualifiers.setdefault(fold_keep(inner).strip(), []).append(entry)
        prose = "\n".join(line.text for line in lines if line.role == "body")
        return cls(index, qualifiers, headings, prose)


def transposed_tables(lines: Sequence[Line], body: Sequence[int], index: LabIndex,
                      headings: Sequence[tuple[str, str]] = ()) -> list[TransposedTable]:
    """The key-facts tables of ``body`` laid out with labs as columns; ``headings`` are the document's
    lab headings, as (title, printed heading)."""
    found = []
    names = _Names.of(lines, index, headings)
    for run in _table_runs(lines, body):
        table = _read(run, lines, names, _caption_unit(lines, body, run))
        if table is not None:
            found.append(table)
    return found


def _table_runs(lines: Sequence[Line], body: Sequence[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in body:
        if lines[i].role == "table":
            if runs and runs[-1][-1] == _previous(body, i):
                runs[-1].append(i)
            else:
                runs.append([i])
    return [r for r in runs if len(r) >= MIN_FIELD_ROWS + 1 and "\t" in lines[r[0]].text]


def _previous(body: Sequence[int], i: int) -> int | None:
    at = body.index(i)
    return body[at - 1] if at > 0 else None


CAPTION_LINES = 2
"""A table's caption is printed in the lines right above it, wrapped at most once."""


def _caption_unit(lines: Sequence[Line], body: Sequence[int], run: list[int]) -> str | None:
    """'Table 1. The three agencies in 2024 (budget in $ million; n/p = not published)': the unit a
    caption gives the budget row, from a bracket's piece that opens with a budget word and 'in'."""
    at = body.index(run[0])
    text = " ".join(lines[j].text for j in body[max(0, at - CAPTION_LINES):at])
    ins = lexicon(None).folded("money", "caption_in")
    for bracket in re.findall(r"\(([^()]*)\)", text):
        for piece in re.split(r"[;,]", bracket):
            words = piece.split()
            if len(words) >= 3 and _label_field(words[0]) == "budget" and fold_keep(words[1]) in ins:
                return " ".join(words[2:])
    return None


def _label_field(word: str) -> str | None:
    found = label_in(word)
    return found[0] if found is not None else None


def _read(run: list[int], lines: Sequence[Line], names: _Names, unit: str | None = None) -> TransposedTable | None:
    rows = [[c.strip() for c in lines[i].text.split("\t")] for i in run]
    header = rows[0]
    width = len(header)
    if width < MIN_COLUMNS:
        return None
    if sum(bool(_PERIOD_CELL.fullmatch(cell)) for cell in header) * 2 >= width:
        return None  # '2023  2022', 'Realisatie 2023': key figures over the years, not labs side by side
    labelled: list[tuple[str, list[str]]] = []  # (row label, value cells)
    started = after_label = False
    for cells in rows[1:]:
        new_row = len(cells) == width + 1 and cells[0][:1].isupper()
        if new_row and label_in(cells[0]) is not None:
            labelled.append((cells[0], cells[1:]))
            started = after_label = True
        elif new_row or (len(cells) > width and not after_label):
            started, after_label = True, False  # a row of a field the rules do not read ('Legal form')
        elif not started:
            header = _continue_header(header, cells, names)  # 'MindLab  DesignGo' / 'v  ...'
        elif len(cells) == 1 and after_label:
            labelled[-1] = (f"{labelled[-1][0]} {cells[0]}", labelled[-1][1])  # 'Staff' / '(FTE)'
        elif after_label:
            labelled.pop()  # the cells of that row run over several lines: not to be guessed
            after_label = False
    # A comparison whose header cells all name labs of the document is no one lab's, even where it
    # has fewer rows the rules read ('Sinds', 'Soort', 'Omvang'): its lines leave the lab above it.
    entries = [_column_entry(cell, names) for cell in header]
    named = {id(e) for e in entries if e is not None}
    titled = {fold_keep(cell) for cell in header if _names_heading(cell, names)}
    worded = _headings_by_word(header, names)
    if len(labelled) < MIN_FIELD_ROWS and len(named) + len(titled) < width and worded is None:
        return None
    columns = [_column(cell, names) for cell in header]
    if worded is not None:  # a cell no entry names takes its chapter's title ('Rothaus')
        columns = [LabColumn(_bare(title, names.index.lex)) if column.title == cell and entry is None else column
                   for cell, column, title, entry in zip(header, columns, worded, entries)]
    columns = _places_in_chapter_order(header, columns, names)
    if unit is not None:  # the caption's unit goes with the budget row, unless the row gives its own
        labelled = [(f"{label} ({unit})" if _label_field(label.split()[0]) == "budget" and "(" not in label else label, values)
                    for label, values in labelled]
    for row_label, values in labelled:
        for column, value in zip(columns, values):
            if fold_keep(value).strip() not in _empty():
                column.fields[row_label] = value
    return TransposedTable(lines=run, columns=[c for c in columns if c.fields and c.title])


_PERIOD_CELL = re.compile(r"(?:\w+\s+)?(?:FY\s?)?(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?", re.IGNORECASE)


def _continue_header(header: list[str], cells: list[str], names: _Names) -> list[str]:
    """Header cells wrapped onto the next line. Without the cells' positions, the columns they
    continue are the ones that then name the most labs of the document ('Forum' + 'Virium',
    'BIT' + 'Habitat'), the rightmost ones on a tie."""
    if len(cells) > len(header):
        return header
    heads = names.index.lex.folded("labs", "heads")

    def place(columns: Sequence[int]) -> list[str]:
        joined = list(header)
        for column, cell in zip(columns, cells):
            before = joined[column]
            # 'DesignGo' + 'v': a word cut in two; 'LabHacker' + 'lab' is a second word.
            glued = before[-1:].islower() and cell[:1].islower() and fold_keep(cell) not in heads
            joined[column] = f"{before}{cell}" if glued else f"{before} {cell}".strip()
        return joined

    def named(joined: list[str]) -> int:
        # Words of header cells that name a lab: 'BIT Habitat' (two) beats 'BIT' (one); cells that
        # each hold a word of one lab heading ('Weihenstepha' + 'n') count as naming theirs.
        worded = _headings_by_word(joined, names) is not None
        return sum(len(cell.split()) for cell in joined if worded or _column_entry(cell, names) is not None)

    best = place(range(len(header) - len(cells), len(header)))  # right-aligned unless names say otherwise
    best_score = named(best)
    for columns in combinations(range(len(header)), len(cells)):
        joined = place(columns)
        if (score := named(joined)) > best_score:
            best, best_score = joined, score
    return best


def _column(cell: str, names: _Names) -> LabColumn:
    entry = _column_entry(cell, names)
    if entry is not None and fold_keep(entry.name) != fold_keep(cell.strip()):
        return LabColumn(entry.title)
    # 'Lånekassen' over a column, the chapter 'Norway: Lånekassen' titled by the name its text spells
    # out and keeps using (not 'NYC Planning Labs', printed in its heading only, over a chapter read
    # as its host's).
    printed_in = {title for title, printed in names.headings
                  if fold_keep(title) != fold_keep(cell.strip()) and len(cell.strip()) >= MIN_CELL_CHARS
                  and re.search(rf"[:–—]\s*{re.escape(fold_keep(cell.strip()))}$", fold_keep(strip_numbering(printed)))}
    if len(printed_in) == 1 and len(re.findall(rf"(?<![\w-]){re.escape(cell.strip())}(?![\w-])", names.prose)) >= MIN_PROSE_USES:
        return LabColumn(printed_in.pop())
    # 'Nederland', 'Gardone' over a column, the slides 'Nederland: de Hoge Raad van Adel' and 'Gardone Val
    # Trompia: the Banco ...' before it: the one lab heading the place leads.
    led = {title for title, printed in names.headings if fold_keep(title) != fold_keep(cell.strip())
           and fold_keep(title) != fold_keep(strip_numbering(printed))  # the heading named its lab
           and re.match(rf"(?:{article_before_name(names.index.lex)})?{re.escape(fold_keep(cell.strip()))}(?:\s+[^:–—\s]+){{0,2}}\s*[:–—]",
                        fold_keep(strip_numbering(printed)), re.IGNORECASE)}
    if len(led) == 1 and not is_acronym(cell.strip()) and (_is_place(cell.strip()) or names.index.lookup(cell.strip()) is None):
        return LabColumn(led.pop())
    # 'RWS', 'FabMob' over the columns of a comparison: the one lab of the document the cell abbreviates
    # (the index may hold the cell itself, named only there).
    short = cell.strip()
    found = {title for title, printed in names.headings
             if any(abbreviates(short, _bare(text, names.index.lex)) for text in (title, printed))}
    if not found:  # the lab headings first: they are what the comparison sums up
        found = {e.title for e in names.index.entries if abbreviates(short, e.name)}
    if len(found) == 1:
        title = found.pop()
        if not fold_keep(_bare(title, names.index.lex)).startswith(fold_keep(short)):  # 'KOMBIT' over 'KOMBIT: inkopen in ...'
            return LabColumn(title, short=short if len(short.split()) == 1 else None)
    return LabColumn(entry.title if entry is not None else cell)


def _places_in_chapter_order(header: list[str], columns: list[LabColumn], names: _Names) -> list[LabColumn]:
    """'Frankfurt  Cologne  Munich' over a comparison of 'Messe Frankfurt', 'Koelnmesse' and 'Messe
    München', the document's chapters in that order: header cells that are only places, as many as
    the lab chapters, stand for the chapters in order, where those a name ties agree with it. Place
    columns after the last chapter's ('Hamburg (for comparison)') are no lab of the document: they are
    left out (their title empty)."""
    titles = [title for title, _ in names.headings]
    places = [TRAILING_BRACKETS.sub("", cell).strip() for cell in header]
    if not titles or len(titles) > len(header) or len(set(titles)) != len(titles) \
            or not all(_is_place(cell) for cell in places):
        return columns
    if any(names.index.lookup(title) is None for title in titles):
        return columns  # a chapter the index knows no lab of ('Éléments de comparaison'): no lab each
    def tied(k: int) -> set[int]:
        """The chapters whose title is the column's or holds its place as a word ('Messe Frankfurt')."""
        cell, title = fold_keep(places[k]), fold_keep(columns[k].title)
        return {n for n, t in enumerate(titles) if fold_keep(t) == title or cell in fold_keep(t).split()}

    ties = {k: tied(k) for k in range(len(header))}
    if not any(ties.values()) or any(found and found != {k} for k, found in ties.items()):
        return columns  # no column a name ties (the order alone says nothing), or one tied elsewhere
    return [LabColumn(titles[k] if k < len(titles) else "", column.fields, column.short)
            for k, column in enumerate(columns)]


def _is_place(cell: str) -> bool:
    """A country, a region or a city ('Nederland', 'Vlaanderen', 'Oslo')."""
    from extract.normalize.countries import place_code

    return bool(cell) and place_code(cell) is not None


def _bare(title: str, lex: Lexicon) -> str:
    """A heading's name without its article or a closing bracket: "Le pôle X de l'ACPR", 'Y (UK)'."""
    title = TRAILING_BRACKETS.sub("", title.strip())
    return re.sub(rf"^(?i:{article_before_name(lex)})", "", title)


def _column_entry(cell: str, names: _Names) -> LabEntry | None:
    """The document's lab a header cell names: itself or its acronym, the start of its name
    ('Forum Virium' -> 'Forum Virium Helsinki'), its initials ('FIU') or an abbreviation of each
    word ('Lab. de Gobierno' -> 'Laboratorio de Gobierno')."""
    index = names.index
    entry = index.lookup(cell)
    if entry is not None:
        return entry
    # 'BEV (AT)': an acronym with its country in brackets is the acronym's lab.
    bare = re.sub(r"\s*\([A-Z]{2}\)$", "", cell.strip())
    if bare != cell.strip() and (entry := index.lookup(bare)) is not None:
        return entry
    folded = fold_keep(cell).replace(".", "").strip()
    words = folded.split()
    if len(folded) < MIN_CELL_CHARS:
        return None
    for candidate in index.entries:
        name = fold_keep(candidate.name)
        name_words = name.split()
        if (name.startswith(folded + " ")
                or (len(words) == len(name_words) and all(n.startswith(w) for w, n in zip(words, name_words)))
                or (is_acronym(cell) and initials_cover(cell, candidate.name.split()))):
            return candidate
    return _entry_by_qualifier(words, names)


def _names_heading(cell: str, names: _Names) -> bool:
    """Does a header cell name one of the document's lab headings the index has no entry for
    ('Studienbeihilfenbehörde' of '2. Oostenrijk: de Studienbeihilfenbehörde'), or the start of one
    ('Menntasjóður' of 'Menntasjóður námsmanna')?"""
    folded = fold_keep(cell).strip()
    if len(folded) < MIN_CELL_CHARS or names.index.lookup(cell) is not None:
        return False
    return any(fold_keep(title) == folded or fold_keep(title).startswith(folded + " ") for title, _ in names.headings)


def _headings_by_word(header: Sequence[str], names: _Names) -> list[str] | None:
    """'Hofbräuhaus  Weihenstephan  Rothaus' over the chapters 'Staatliches Hofbräuhaus in München',
    'Bayerische Staatsbrauerei Weihenstephan' and 'Badische Staatsbrauerei Rothaus AG': a comparison
    calls each lab by the word of its name that sets it apart. The chapter titles, one per header
    cell, when every cell is a word (or words) found in the title of exactly one lab heading, a
    different one each; None otherwise."""
    titles = list(dict.fromkeys(title for title, _ in names.headings))
    if len(header) < MIN_COLUMNS or len(titles) < len(header):
        return None
    heads = names.index.lex.folded("labs", "heads")
    words_of = [set(fold_keep(_bare(title, names.index.lex)).split()) for title in titles]
    found: list[str] = []
    for cell in header:
        words = fold_keep(cell).replace(".", "").split()
        if not words or any(len(w) < MIN_CELL_CHARS for w in words) or all(w in heads for w in words):
            return None
        holders = [t for t, held in zip(titles, words_of) if all(w in held for w in words)]
        if len(holders) != 1 or holders[0] in found:
            return None
        found.append(holders[0])
    return found


def _entry_by_qualifier(words: list[str], names: _Names) -> LabEntry | None:
    """'Uruguay lab', 'LabHacker lab': without its head noun the cell is one word that names a
    single lab of the document, or sits in the heading of just one ('... (Uruguay)')."""
    heads = names.index.lex.folded("labs", "heads")
    rest = [w for w in words if w not in heads]
    if len(rest) != 1 or len(rest) == len(words):
        return None
    entry = names.index.lookup(rest[0])
    if entry is not None:
        return entry
    holders = names.qualifiers.get(rest[0], [])
    return holders[0] if len(holders) == 1 else None
