"""Lab headings: headings followed by field-label lines ('Website:', 'Rol:') or naming a lab, their
siblings, the numbered ones in sequence; each runs to the next lab heading or the next heading at
the same or a higher level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.layout.headings import parse_numbering, strip_numbering
from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.rules.vocab import fold, match_label
from extract.segment.announced import announced_labs
from extract.segment.announced import between as _between
from extract.segment.lab_headings import (
    SERIES_LABEL,
    echoed_name,
    field_heading,
    heading_lab,
    host_after,
    is_page_title,
    name_runs,
)
from extract.segment.lab_index import LabEntry, LabIndex, index_key
from extract.segment.lab_names import whole_name
from extract.segment.name_affixes import article_before_name, without_about
from extract.segment.name_lines import name_line_lab
from extract.segment.numbered_headings import in_sequence
from extract.segment.parts import Part, all_labels
from extract.segment.place_chapters import (
    completed_under,
    defined_and_used,
    defined_early,
    described_opening,
    place_chapter_lab,
    place_chapter_named,
    place_chapter_title,
    presented_under,
)
from extract.segment.sibling_headings import sibling_headings
from extract.segment.spelling import initials_cover, is_acronym, is_plural_acronym
from extract.segment.subject_names import masthead_name, over_issue
from extract.segment.titles import (
    dash_parts,
    heading_place_code,
    only_report_words,
    parse_title,
    place_led,
    place_led_name,
    place_shaped,
    place_word,
)
from extract.segment.unit_chapters import fold_unit_chapters


@dataclass(frozen=True)
class _Heading:
    index: int
    depth: int | None
    """Numbering depth, None when unnumbered."""
    size: float | None


def _heading(lines: list[Line], index: int) -> _Heading:
    numbering = parse_numbering(lines[index].text)
    depth = numbering.depth if numbering and numbering.explicit else None
    return _Heading(index=index, depth=depth, size=lines[index].size)


def _ends(lab: _Heading, other: _Heading) -> bool:
    """``other`` is at the same or a higher level than the lab heading, so it closes the lab's section."""
    if lab.depth is not None and other.depth is not None:
        return other.depth <= lab.depth
    if lab.size is None or other.size is None:
        return lab.depth is None or other.depth is not None
    if lab.depth is not None:  # an unnumbered heading closes a numbered lab only when clearly larger
        return other.size >= 1.05 * lab.size
    return other.size >= 0.93 * lab.size


def has_labels(lines: list[Line], indices: list[int]) -> bool:
    fields = []
    matched = [(pos, i, match) for pos, i in enumerate(indices) if (match := match_label(lines[i].text))]
    if matched and all(_column_header(lines[i].text) for _, i, _ in matched):
        return False  # 'Land | Centrale | Voor wie' over a comparison's rows: its columns, not a lab's labels
    for pos, _, match in matched:
        if pos < 4:
            return True
        fields.append(match.field)
    return len(set(fields)) >= 2


MIN_HEADER_CELLS = 3


def _column_header(text: str) -> bool:
    """A table row of three cells or more, each opening on a capital, without a figure: the heads of
    a table's columns ('Land | Centrale | Voor wie'; not 'Board | none | none')."""
    cells = [c.strip() for c in text.split("\t")]
    return len(cells) >= MIN_HEADER_CELLS and not re.search(r"\d", text) and all(c[:1].isupper() for c in cells)


CHAPTER_LINES = 6
"""The opening lines of a chapter a place chapter's lab is looked for in (its first sentence in the first two)."""
_NUMBERED_TITLE = re.compile(r"^\d{1,2}\s*[·.)–—-]\s*\S")


def _page_titles(lines: list[Line], body: list[int], index: LabIndex) -> set[int]:
    """A page's first line that is a numbered title naming a lab ('1 · Logius' atop a slide) is a
    heading even when it is set in the body's size."""
    firsts: dict[int, int] = {}
    for i in body:
        firsts.setdefault(lines[i].page, i)
    return {i for i in firsts.values() if lines[i].role != "heading" and _NUMBERED_TITLE.match(lines[i].text)
            and heading_lab(lines[i].text, index) is not None}


def _field_labels_only(title: str, field_words: set[str]) -> bool:
    """'Bestuur en financiering', 'Budget & staff': a chapter of a lab's facts, named by their labels."""
    pieces = [p for p in _joins().split(title) if p]
    return len(pieces) >= 2 and all(p in field_words for p in pieces)


@cache
def _joins() -> re.Pattern[str]:
    """What joins two labels in a heading: a comma, '&', '+', '/' or an 'and' word of any language."""
    return re.compile(rf"\s*(?:[,&+/]|\b(?:{alternation(lexicon(None).words('words', 'and_words'))})\b)\s*")


def _names_an_entry(text: str, index: LabIndex) -> bool:
    """Does ``text`` hold the name or the acronym of a lab of the index?"""
    return any(whole_name(name).search(text) for entry in index.entries for name in (entry.name, entry.acronym) if name)


def _opens_with_entry(text: str, entry: LabEntry, lex: Lexicon) -> bool:
    """Does ``text`` open with the lab's name or acronym, after an article perhaps ('SodM is ...')?"""
    words = text.split()
    if words and fold_keep(words[0]) in lex.folded("words", "articles"):
        text = text.split(maxsplit=1)[1] if len(words) > 1 else ""
    return any(re.match(rf"{re.escape(name)}(?![\w-])", text) for name in (entry.name, entry.acronym) if name)


def _in_lower_case(text: str, lex: Lexicon) -> bool:
    """'Onafhankelijk, binnen het ministerie': a heading with words in lower case past its first
    that are no link words, so a phrase rather than a name."""
    words = re.findall(r"[\w'’&-]+", strip_numbering(text))[1:]
    links = lex.folded("labs", "connectors") | lex.folded("words", "connectors") | lex.folded("words", "articles")
    return any(w.islower() and fold_keep(w) not in links for w in words)


def _plain_phrase(text: str, lex: Lexicon) -> bool:
    """A heading in words of running text ('En pratique', 'In the field'): it opens with a stop word,
    has no capital past its first word, no figure, no bracket and no kind of organisation, so it
    names nobody ('Försäkringskassan: één loket ...' opens with a name)."""
    from extract.nlp import stop_words

    words = strip_numbering(text).strip(" :").split()
    heads, ends = lex.folded("labs", "heads"), tuple(lex.folded("labs", "compound_ends"))
    return (len(words) >= 2 and fold_keep(words[0]) in stop_words(lex.lang)
            and not any(c.isupper() for w in words[1:] for c in w)
            and not any(c.isdigit() or c in "()" for c in "".join(words))
            and not any(fold_keep(w) in heads or fold_keep(w).endswith(ends) for w in words))


def heading_parts(lines: list[Line], body: list[int], index: LabIndex) -> list[Part]:
    titled = _page_titles(lines, body, index)
    headings = [i for i in body if lines[i].role == "heading" or i in titled]
    if not headings:
        return []
    field_words = all_labels()
    labs: set[int] = set()
    named: list[LabEntry] = []
    entries: dict[int, LabEntry] = {}
    echoed: dict[int, LabEntry | str] = {}
    placed: set[int] = set()
    lined: set[int] = set()
    defined_under: dict[int, LabEntry] = {}

    @cache
    def document() -> str:
        return " ".join(lines[i].text for i in body)

    for n, h in enumerate(headings):
        nxt = headings[n + 1] if n + 1 < len(headings) else len(lines)
        following = _between(body, h + 1, nxt)
        title = fold(strip_numbering(lines[h].text)).strip(" :")
        if title in field_words or _field_labels_only(title, field_words):
            continue
        if has_labels(lines, following) and not is_page_title(lines[h].text, index.lex):
            if _only_lab_named(lines[h].text, index) in named:
                continue  # "L'ADN en bref" after the ADN's own heading: its key facts, not a second lab
            if named and _in_lower_case(lines[h].text, index.lex) and not _names_an_entry(lines[h].text, index) \
                    and _opens_with_entry(lines[following[0]].text, named[-1], index.lex):
                continue  # 'Onafhankelijk, binnen het ministerie' over 'SodM is onderdeel van ...': the lab above's facts
            labs.add(h)
        elif (following and (entry := heading_lab(lines[h].text, index, [lines[i].text for i in following[:3]]))
              and entry not in named):  # a second heading naming the same lab is one of its sub-headings
            named.append(entry)
            labs.add(h)  # a heading that names a lab opens its section, labels or not
            entries[h] = entry
        elif following and (found := echoed_name(lines[h].text, [lines[i].text for i in following], index)) \
                and not (isinstance(found, str) and fold_keep(found) in index.lex.folded("governance", "body_nouns")):
            echoed[h] = found  # not 'Assemblée générale, bureau et ...' over '... administré par une assemblée générale'
        elif following and (entry := place_chapter_lab(lines[h].text, [lines[i].text for i in following[:CHAPTER_LINES]], index,
                                                        document())) and entry not in named \
                and not _other_than_named(lines[h].text, entry, index):
            named.append(entry)
            labs.add(h)
            entries[h] = entry
            placed.add(h)
        elif following and (entry := name_line_lab(lines[h].text, [lines[i] for i in following[:2]], index)) \
                and entry not in named:
            named.append(entry)  # 'Model 1 · a design centre' over 'Mayo Clinic Center for Innovation (USA)'
            labs.add(h)
            entries[h] = entry
            lined.add(h)
        elif following and (entry := defined_early(lines[h].text, [lines[i].text for i in following[:6]], index)):
            defined_under[h] = entry  # taken after the siblings: how it is set says nothing of them
    labs |= sibling_headings(lines, body, headings, labs, index)
    labs |= announced_labs(lines, body, headings, index, labs)
    # Only in a document whose headings already name labs: a lone labelled heading ('X in cijfers')
    # makes the document one lab's, and a second heading would split it.
    for h, entry in list(defined_under.items()):
        if h in labs or entry in named or not named:
            del defined_under[h]
        else:
            named.append(entry)
            labs.add(h)
    labs = {h for h in labs if masthead_name(lines[h].text, index.lex) is None  # 'LABNOTES, Issue 31'
            and not over_issue(lines, body, h, index.lex)}
    # 'En pratique' over the key facts of the lab headed above: no name of its own.
    labs -= {h for h in labs if h not in entries and _plain_phrase(lines[h].text, index.lex)
             and any(other < h for other in [*labs, *echoed])}
    # Only then: a name the chapter takes up says nothing of how the report sets its lab headings.
    _add_echoed(lines, headings, labs, echoed, entries, named, index)
    # Labs of one report share a numbering style: when most lab headings are numbered, an
    # unnumbered 'heading' among them (large text in a screenshot, a sub-heading) is not a lab.
    numbered = {h for h in labs if _heading(lines, h).depth is not None}
    if len(numbered) >= 2 and len(numbered) * 2 > len(labs):
        labs = in_sequence(lines, sorted(numbered))
    # 'Back to basics: the three ESAs': several bodies under one acronym, no one lab.
    labs = {h for h in labs if not is_plural_acronym((re.findall(r"[\w-]+", lines[h].text) or [""])[-1])}
    parts: list[Part] = []
    info = {h: _heading(lines, h) for h in headings}
    for h in sorted(labs):
        stop = len(lines)
        for other in headings:
            if other > h and (other in labs or _closes(lines, body, labs, info, h, other)):
                stop = other
                break
        start = title_above(lines, body, headings, h) if len(labs) == 1 else h
        if start != h and only_report_words(strip_numbering(lines[start].text), index.lex):
            start = h  # 'Jaarverslag 2019 – in het kort' over 'Over de NLc': the report's kind names no lab
        members = [lines[i] for i in _between(body, start, stop)]
        title = SERIES_LABEL.sub("", strip_numbering(lines[start].text))  # 'Portrait 3: CSC – ...' is CSC's chapter
        title = without_about(title, index.lex) or title  # 'About T-Hub' is T-Hub's chapter
        heading_title = title
        if h in echoed and h in entries:
            # 'Presentation: BC Behavioural Insights Group': the lab, not the kicker; 'GovTech Campus
            # Deutschland: een vereniging ...' keeps the heading's fuller name.
            fuller = next((run for run in name_runs(lines[h].text) if run.startswith(f"{entries[h].name} ")), None)
            title = fuller or entries[h].title
        elif h in lined:
            title = entries[h].title  # the name its first line prints, not what the heading argues
        elif h in placed:
            title = place_chapter_title(lines[h].text, entries[h], index.lex)  # the lab its chapter opens with
        elif h in entries and entries[h].native:
            title = entries[h].title  # 'About the Danish Nature Agency' is Naturstyrelsen's chapter
        elif h in entries:
            title = _spelled_out(title, entries[h], index.lex)
        elif place_word(title, index.lex) is not None and (presented := presented_under(lines, body, h, stop, index)) \
                is not None and _other_than_named(title, presented, index):
            pass  # 'Duitsland — gematik' over 'Sinds 2019 is het Bundesministerium ... eigenaar': gematik's chapter
        elif heading_lab(lines[h].text, index) is None and (
                (opened := completed_under(title, lines, body, h, stop, index)
                 or presented_under(lines, body, h, stop, index)) is not None) \
                and not _placed_name_written(title, opened, [lines[i].text for i in _between(body, h + 1, stop)], index):
            # 'La Vanoise, le premier parc' over 'Le Parc national de la Vanoise a été créé'; 'Vilnius: an
            # institute living on European money' over 'The X (XI) was founded ...'.
            title = opened.title
        elif (opener := place_chapter_lab(lines[h].text, [lines[i].text for i in _between(body, h + 1, stop)[:2]],
                                          index, document())) is not None \
                and not names_in(opener, fold_keep(lines[h].text)) and not _other_than_named(title, opener, index):
            title = place_chapter_title(lines[h].text, opener, index.lex)  # a place chapter with key facts
        elif (only := _only_lab_named(lines[h].text, index)) is not None:
            title = _spelled_out(title, only, index.lex)  # 'Le SICTIAM, pionnier de la donnée'
        elif (scene := place_chapter_named(lines[h].text, [lines[i].text for i in _between(body, h + 1, stop)[:4]],
                                           index)) is not None and not _other_than_named(title, scene, index) \
                and not _placed_name_written(title, scene, [lines[i].text for i in _between(body, h + 1, stop)], index):
            title = place_chapter_title(lines[h].text, scene, index.lex)  # '... a conduit à la création du X (XI)'
        elif (described := described_opening([lines[i].text for i in _between(body, h + 1, stop)[:3]], index)) \
                is not None and not names_in(described, fold_keep(lines[h].text)):
            title = described.title  # 'Ålesund: the coast ...' over 'Kystverket, the Norwegian Coastal Administration, ...'
        elif place_led(title, index.lex):
            title = place_led_name(title, index.lex)  # 'Écosse : Scotland's Futures Forum'
        elif h not in defined_under and (kept := defined_and_used(title, lines, body, h, stop, index)) is not None:
            title = kept.title  # 'Sweden: one ombudsman instead of four' over '... replaced by ... (DO)'
        if h in defined_under and title == heading_title:
            title = defined_under[h].title  # 'Singapore: the group that started a festival'
        elif title == heading_title and not place_led(title, index.lex) and place_shaped(title, index.lex) and any(
                place_led(strip_numbering(lines[o].text), index.lex) for o in labs if o != h) \
                and index.lookup(dash_parts(title)[0]) is None:
            # Not 'Enabel – het Belgisch ontwikkelingsagentschap' beside 'Duitsland – ... (GIZ)': the lab, then what it is.
            title = place_led_name(title, index.lex)  # 'Saint-Maurice : Santé publique France' in a series of them
        parts.append(Part(order=start, kind="heading", title=title, lines=members, start=start, stop=stop))
    return fold_unit_chapters(parts, index)


def _add_echoed(lines: list[Line], headings: list[int], labs: set[int], echoed: dict[int, LabEntry | str],
                entries: dict[int, LabEntry], named: list[LabEntry], index: LabIndex) -> None:
    """Headings whose name the chapter's first words take up (``echoed_name``) open that lab's
    section, unless another lab heading names it ('2. “About MindLab”. mind-lab.dk' among the
    references of the article about MindLab) or it is the document's own title or letterhead."""
    for h, found in echoed.items():
        if h in entries or h == headings[0]:
            continue
        if any(names_in(found, fold_keep(lines[g].text)) for g in labs if g != h):
            continue
        entry = found if isinstance(found, LabEntry) else index.lookup(found) or index.entry_for(found, None, h)
        if entry not in named:
            named.append(entry)
            entries[h] = entry
            labs.add(h)


def _only_lab_named(heading: str, index: LabIndex) -> LabEntry | None:
    """The one lab of the index (presented: strong or defined) whose name or acronym a heading holds."""
    folded = fold_keep(heading)
    found = [e for e in index.entries if (e.strong or e.defined) and names_in(e, folded)]
    return found[0] if len(found) == 1 else None


def names_in(found: LabEntry | str, folded_title: str) -> bool:
    """Does a (folded) heading name this lab, by its name or its acronym?"""
    names = [found.name, found.acronym] if isinstance(found, LabEntry) else [found]
    return any(whole_name(fold_keep(name)).search(folded_title) for name in names if name)


def _spelled_out(title: str, entry: LabEntry, lex: Lexicon) -> str:
    """A heading naming a lab the text names in full and by its acronym says both: its full name
    where the heading has only the acronym ('Mali : Agence des Technologies ... (AGETIC), ...'),
    the acronym after the full name."""
    if _place_then_name(title, entry, lex):
        # 'France : la direction générale des douanes ...' over '... (DGDDI) est ...': the place stays.
        tail = dash_parts(title)[1]
        flat = " ".join(title.split())
        return flat[:len(flat) - len(tail)] + entry.title
    if title.startswith(entry.name) and _described(title[len(entry.name):], lex):
        return entry.title  # 'Kestrel Works, the elder', "Mégalis Bretagne, l'aîné": the name and what the chapter calls it
    host = host_after(lex).search(title)
    if host is not None and is_acronym(host.group(1)) and fold_keep(title[:host.start()]).endswith(fold_keep(entry.name)):
        return entry.title  # "Le pôle Fintech-Innovation de l'ACPR": the lab, then where it sits
    key = index_key(title)
    if key != index_key(entry.name) and key in entry.aliases and len(entry.name.split()) > len(title.split()):
        return entry.title  # 'About the CMS Innovation Center': the short name its full name gave in brackets
    named = parse_title(title, lex).name
    if named and named in title and index_key(named) != index_key(entry.name) and index_key(named) in entry.aliases \
            and entry.name.startswith(named):
        return title.replace(named, entry.name, 1)  # 'Wenen: de Wirtschaftsagentur' is the Wirtschaftsagentur Wien
    if not entry.acronym or fold_keep(entry.acronym) in fold_keep(entry.name):
        return title
    if entry.name in title:
        # 'Germany: the Föderale IT-Kooperation' over a text that defines it with '(FITKO)'.
        return title if whole_name(entry.acronym).search(title) \
            else title.replace(entry.name, entry.title, 1)
    found = re.search(rf"(?i:\b(?:{article_before_name(lex)}))?(?<![\w-]){re.escape(entry.acronym)}(?![\w-])", title)
    if found is None:
        return title
    rest = title[found.end():].strip(" :,–—-")
    if is_page_title(rest, lex) or (not title[:found.start()].strip() and rest[:1].islower()):
        # "L'ADN en bref", 'KOOP in cijfers', 'CIHBw: wat valt op': a page of the lab's own, not another lab
        return entry.title
    return title[:found.start()] + entry.title + title[found.end():]


def _place_then_name(title: str, entry: LabEntry, lex: Lexicon) -> bool:
    """'France : la direction générale des douanes': a place, then the lab's name as the text
    defines it, whatever the case of its article and first word."""
    parts = dash_parts(title)
    if len(parts) != 2 or heading_place_code(parts[0]) is None:
        return False
    article = re.compile(rf"^(?:{article_before_name(lex)})", re.IGNORECASE)
    return fold(article.sub("", parts[1].strip())) == fold(article.sub("", entry.name))


def _described(rest: str, lex: Lexicon) -> bool:
    """', the elder', ", l'aîné", ', de oudste': an apposition after a name, not its country or host."""
    articles = lex.folded("words", "articles") | lex.folded("words", "elided_articles")
    words = fold_keep(rest).replace("’", "'").split()
    return rest.startswith(", ") and bool(words[1:]) and (words[1] in articles or words[1][:2] in articles)


def _placed_name_written(heading: str, entry: LabEntry, chapter: list[str], index: LabIndex) -> bool:
    """'IJsland: Menntasjóður námsmanna' over '... het Lánasjóður íslenskra námsmanna (LÍN) ... Op 1 juli
    2020 nam Menntasjóður námsmanna ... over': the name after the heading's place, written again in
    its chapter, is the chapter's lab; the first one the chapter defines (a predecessor) is not."""
    parts = dash_parts(strip_numbering(heading))
    if len(parts) != 2 or not place_led(strip_numbering(heading), index.lex):
        return False
    name = parts[1].strip()
    key = fold_keep(name)
    if key in {fold_keep(entry.name), fold_keep(entry.acronym or "")} | entry.aliases:
        return False
    text = " ".join(" ".join(chapter).split())
    written = whole_name(name).search(text)
    defined = whole_name(entry.name).search(text)
    if written is None or defined is None:
        return written is not None
    # 'Official names Bundesamt für Cybersicherheit (BACS) · ... · Federal Office for Cyber Security':
    # written in the same sentence as the defined name, it is that lab's other name.
    low, high = sorted((defined.start(), written.start()))
    return _SENTENCE_BREAK.search(text, low, high) is not None


_SENTENCE_BREAK = re.compile(rf"[.!?]\s+(?=[{CAPITALS}])")


def _other_than_named(heading: str, entry: LabEntry, index: LabIndex) -> bool:
    """The heading names its lab by one word after a place ('Duitsland — gematik') and ``entry`` goes
    by another name: the chapter's first organisation is not its lab."""
    word = place_word(strip_numbering(heading), index.lex)
    if word is None:
        return False
    key = fold_keep(word)
    if initials_cover(word, entry.name.split()):
        return False  # 'Thailand: depa' over the Digital Economy Promotion Agency
    return key not in {fold_keep(entry.acronym or "")} | {fold_keep(w) for w in entry.name.split()} | entry.aliases


def _closes(lines: list[Line], body: list[int], labs: set[int], info: dict[int, _Heading], lab: int,
            other: int) -> bool:
    """``other`` (not a lab heading) closes the lab section opened at ``lab``.

    It must be at the same or a higher level, and no field labels may follow it before the next
    lab heading: a numbered list item or large screenshot text inside a lab, with the lab's
    'Governance:' still to come, does not end the lab.
    """
    if not _ends(info[lab], info[other]):
        return False
    if field_heading(lines[other].text):
        return False  # 'Gouvernance', 'Nos moyens' under 'L'Anses en bref': the lab's own facts go on
    if info[lab].depth is None:
        return True
    nxt = min((g for g in labs if g > other), default=len(lines))
    return not any(match_label(lines[i].text) for i in _between(body, other + 1, nxt))


def title_above(lines: list[Line], body: list[int], headings: list[int], lab: int) -> int:
    """For a document about one lab: its title when the lab's heading is only a subtitle right under it."""
    first = headings[0]
    if first == lab or any(first < i < lab and lines[i].role != "heading" for i in body):
        return lab
    if (lines[first].size or 0.0) < (lines[lab].size or 0.0):
        return lab
    return first


