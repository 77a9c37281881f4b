"""One lab under several names, and names that are no lab: once ``LabIndex`` has read the body, a
longer name that holds another lab's full name is that lab (unless it names a body of it: 'Directorate
of X'), a bare head noun ('The Authority') is the one lab whose name it ends, a strong name the text
keeps writing with the same word after it goes by both words, a short name goes by the full name
the text gives before it ('X – en abrégé Y (ACR)'), and a publication's masthead or a letter's field
label leaves the index."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from extract.models import Line
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.acronym_names import full_name_shortened
from extract.segment.acronyms import initials_are, organisation_nouns
from extract.segment.lab_names import whole_name
from extract.segment.spelling import (
    ELIDED_ARTICLE,
    MIXED_CASE_ACRONYM,
    address_spelling,
    domain_label,
    function_words,
    is_acronym,
)
from extract.segment.styled_names import styled_names
from extract.segment.subject_names import MASTHEAD_LINES, masthead_name, masthead_over_issue

if TYPE_CHECKING:
    from extract.segment.lab_index import LabEntry, LabIndex

_TAIL = re.compile(rf" ([{CAPITALS}][{LOWERCASE}][\w'’-]*)(?![\w'’-])")
MIN_TAIL_USES = 2


MAX_ALIAS_WORDS = 5


def merge_bracket_aliases(index: LabIndex, text: str) -> None:
    """'Center for Medicare and Medicaid Innovation (CMS Innovation Center)': a name, then in brackets
    a shorter name with the same head noun, is one lab under two names (an acronym in brackets is
    read elsewhere); so is any lab named inside that short name ('the Innovation Center')."""
    for entry in list(index.entries):
        words = entry.name.split()
        if len(words) < 2 or entry not in index.entries:
            continue
        heads = {fold_keep(words[0]), fold_keep(words[-1])} & index.lex.folded("labs", "heads")
        if f"{entry.name} (" not in text and f"{entry.name}(" not in text:
            continue  # no bracket after the name: skip the regex over the whole body
        for m in re.finditer(rf"{re.escape(entry.name)}\s*\(([^()]{{3,60}})\)", text):
            alias = m.group(1).strip()
            alias_words = alias.split()
            own = index.lookup(alias) if len(alias_words) == 1 and not is_acronym(alias) else None
            # Not the end of a longer name: 'the Swedish Environmental Protection Agency (Naturvårdsverket)'
            # glosses the Swedish agency, not the Irish 'Environmental Protection Agency'.
            longer = re.search(rf"[{CAPITALS}][\w'’-]*\s+$", text[max(0, m.start() - 40):m.start()])
            if longer is not None and fold_keep(longer.group(0).strip()) not in function_words():
                own = None
            if own is not None and own is not entry and own.strong:
                # 'The Norwegian Correctional Service (Kriminalomsorgen)': the English name, then the
                # body's own one-word name the text uses too; the lab goes by its own name.
                index.absorb(own, entry)
                # A chapter headed by the English name is the native one's when the text uses that
                # on its own too ('Naturstyrelsen takes care of ...'), not only in the bracket.
                alone = len(re.findall(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text))
                own.native = alone > len(re.findall(rf"\(\s*{re.escape(alias)}\s*\)", text))
                break
            if not (2 <= len(alias_words) <= MAX_ALIAS_WORDS and heads & {fold_keep(w) for w in alias_words}
                    and all(w[:1].isupper() or fold_keep(w) in function_words() for w in alias_words)):
                continue
            index.add_alias(entry, alias)
            key = f" {index_key_of(alias)} "
            for other in [o for o in index.entries if o is not entry and f" {index_key_of(o.name)} " in key]:
                index.absorb(entry, other)


OTHER_LANGUAGE_CHARS = 160
"""How far after a lab's definition its name in another language may be given."""
OTHER_NAME_CHARS = 120
"""How long that name and its acronym may run."""


def merge_other_language(index: LabIndex, text: str) -> None:
    """"L'Inspection fédérale de la sécurité nucléaire (IFSN) est ... En allemand : Eidgenössisches
    Nuklearsicherheitsinspektorat (ENSI).": the acronym given after 'in German' is the same lab's, in
    the language its site may use (ensi.ch); its entry becomes the lab's."""
    for owner in [e for e in index.entries if e.acronym]:
        token = other_language_acronym(owner.acronym or "", text)
        gloss = index.lookup(token) if token else None
        if gloss is not None and gloss is not owner and gloss.name == token and owner in index.entries:
            index.absorb(owner, gloss)
            index.add_alias(owner, gloss.name)


GLOSS_LOOKBACK_LINES = 8
"""How far above a glossing row ('Engels  European Patent Office (EPO)') the lab it glosses is named."""


def merge_glossing_rows(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'Engels  European Patent Office (EPO)' in the key facts under 'Het Europees Octrooibureau in een
    notendop'; 'Opgericht in 1994 als Bureau voor harmonisatie binnen de interne markt (BHIM)' under
    the EUIPO's: a row giving the name in another language, or the name it was founded under, of the
    lab named just above is that lab, not another."""
    for k, i in enumerate(body):
        for name, acronym in glossing_row(lines[i].text):
            gloss = index.lookup(acronym)
            if gloss is None or gloss not in index.entries:
                continue
            owner = _named_above(index, lines, body[max(0, k - GLOSS_LOOKBACK_LINES):k], gloss)
            if owner is not None:
                index.absorb(owner, gloss)
                index.add_alias(owner, name)


def glossing_row(text: str) -> list[tuple[str, str]]:
    """(name, acronym) a row opening with a language ('Engels  European Patent Office (EPO)') or a
    founding under a name ('Opgericht in 1994 als Bureau ... (BHIM)') gives; none for other rows."""
    from extract.segment.acronyms import defined_acronyms

    lead = _glossing_opening().match(text)
    if lead is None:
        return []
    return [(name, acronym) for name, acronym, at in defined_acronyms(text) if at <= lead.end() + ELIDED_ARTICLE_CHARS]


ELIDED_ARTICLE_CHARS = 3
"""An article ('the', "l'") between a row's opening and the name it gives."""


@cache
def _glossing_opening() -> re.Pattern[str]:
    from extract.normalize.rule_data import alternation

    lex = lexicon(None)
    other = _other_language_words()
    verbs = alternation(lex.words("founded", "verbs"), folded=False, any_space=True)
    founded_as = alternation(lex.words("labs", "founded_as"), folded=False, any_space=True)
    return re.compile(rf"^\W*(?i:(?:{other})\s*:?\s+|(?:{verbs})\b[^.;:()]{{0,30}}?\s(?:{founded_as})\s+)")


def _named_above(index: LabIndex, lines: Sequence[Line], above: Sequence[int], gloss: LabEntry) -> LabEntry | None:
    """The lab the nearest of the lines ``above`` names (by name or acronym), other than ``gloss``."""
    for i in reversed(above):
        named = [e for e in index.entries if e is not gloss and (e.strong or e.defined) and any(
            n and whole_name(n).search(lines[i].text) for n in (e.name, e.acronym))]
        if len(named) == 1:
            return named[0]
        if named:
            return None
    return None


def other_language_acronym(acronym: str, text: str) -> str | None:
    """The acronym 'In German: ... (ENSI)' gives just after ``acronym``'s definition ('(IFSN)')."""
    if not acronym:
        return None
    other = _other_language()
    at = text.find(f"({acronym})")
    while at >= 0:
        found = other.search(text, at, at + OTHER_LANGUAGE_CHARS + OTHER_NAME_CHARS)
        if found is not None and found.start() - at <= OTHER_LANGUAGE_CHARS and found.group(1) != acronym:
            return found.group(1)
        at = text.find(f"({acronym})", at + 1)
    return None


@cache
def _other_language_words() -> str:
    """'in German', 'en allemand', 'Engels' (``labs.acronym_other_language``), as a regex alternation."""
    from extract.normalize.rule_data import alternation

    return alternation(lexicon(None).words("labs", "acronym_other_language"), folded=False, any_space=True)


@cache
def _other_language() -> re.Pattern[str]:
    other = _other_language_words()
    return re.compile(rf"(?i:\b(?:{other}))\s*[:,]\s*[^()\n.;]{{3,80}}?\(\s*([{CAPITALS}][\w&-]{{1,11}})\s*\)")


def index_key_of(name: str) -> str:
    from extract.segment.lab_index import index_key  # here: lab_index imports this module

    return index_key(name)


def merge_contained(index: LabIndex, sites: Iterable[str] = ()) -> None:
    """'Programmamanager Lab van Troje', 'the NSW Behavioural Insights Unit': a longer name that
    ends with (or holds) another lab's full name is that lab; the longer one is its name when it is
    the one of the document's ``sites`` that spells ('Edinburgh Assay Office', edinburghassayoffice.co.uk)."""
    labels = {domain_label(site) for site in sites}
    keys = {id(e): index_key_of(e.name) for e in index.entries}

    def target_of(entry: LabEntry) -> LabEntry | None:
        key = f" {keys[id(entry)]} "
        # A generic name ('the Digital Office') only as the start of the full one.
        inner = [o for o in index.entries if o is not entry and len(keys[id(o)].split()) >= 2
                 and f" {keys[id(o)]} " in key and (not o.generic or key.startswith(f" {keys[id(o)]} "))]
        return max(inner, key=lambda o: len(keys[id(o)])) if inner else None

    shared = _shared_kinds(index, {id(e): t for e in index.entries if (t := target_of(e)) is not None})
    for entry in list(index.entries):
        target = target_of(entry)
        if target is None or id(entry) in shared:
            continue
        if entry.acronym and target.acronym and entry.acronym != target.acronym:
            continue  # 'Advanced Research Projects Agency for Health (ARPA-H)' beside DARPA's: another agency
        if _body_of(index, keys[id(entry)], keys[id(target)]):
            continue
        # 'Digital Office for Scottish Local Government' over 'the Digital Office': the short form runs on
        # into the full name, which is the one to keep.
        runs_on = keys[id(entry)].startswith(keys[id(target)]) and (
            (entry.acronym and not target.acronym) or entry.as_subject
            or (not target.acronym and _complement(index, entry.name[len(target.name):])))
        spells = _spelled_site(entry.name, labels) and not _spelled_site(target.name, labels)
        if runs_on or spells or (entry.defined and not target.defined and not target.acronym) \
                or _complement_of(index, keys[id(entry)], keys[id(target)]):
            # The name its acronym defines runs on: '... and Knowledge Society (AGESIC)'; or it is
            # the defined whole a line break cut: 'Ghana Statistical Service (GSS)' over 'Ghana' / 'Statistical Service Act'.
            target.name = entry.name
        index.absorb(target, entry)


def _spelled_site(name: str, labels: set[str]) -> bool:
    """Is ``name``, word for word, one of the domain ``labels`` ('edinburghassayoffice')?"""
    return address_spelling(name) in labels


def _shared_kinds(index: LabIndex, targets: dict[int, LabEntry]) -> set[int]:
    """'Birmingham Assay Office' and 'Sheffield Assay Office' both holding 'Assay Office', 'Law Society
    of Ireland' and 'Law Society of Northern Ireland' both holding 'Law Society': a short form two
    longer names complete, each with a different place, is the kind they share, not one of them.
    The ids of such longer names, by the short form each holds (``targets``)."""
    from extract.normalize.countries import place_code
    from extract.normalize.rule_data import alternation

    links = alternation(index.lex.words("labs", "name_links"), folded=False)

    def place_before(entry: LabEntry) -> str | None:
        """'Birmingham' of 'Birmingham Assay Office', 'Northern Ireland' of 'Law Society of Northern Ireland'."""
        target = targets.get(id(entry))
        if target is None:
            return None
        place = entry.name.removesuffix(f" {target.name}")
        if place == entry.name and (after := re.fullmatch(rf"{re.escape(target.name)}\s+(?:{links})\s+(.+)", entry.name)):
            place = after.group(1)
        return place if place != entry.name and place_code(place) is not None else None

    by_kind: dict[int, set[str]] = {}
    for entry in index.entries:
        if (place := place_before(entry)) is not None:
            by_kind.setdefault(id(targets[id(entry)]), set()).add(place)
    return {id(e) for e in index.entries if place_before(e) is not None and len(by_kind[id(targets[id(e)])]) >= 2}


MAX_QUALIFIER_WORDS = 2
"""Words between the link and a lab's name that still qualify it ('of Norwegian Correctional Service')."""


def _body_of(index: LabIndex, key: str, inner: str) -> bool:
    """'Directorate of Norwegian Correctional Service', 'University College of ... Correctional
    Service' holding 'Correctional Service': an organisation noun, a link word, then a whole name
    with its own head noun is a body of that lab (its directorate, its college), not the lab."""
    before = f" {key} ".split(f" {inner} ", 1)[0].split()
    nouns = organisation_nouns()
    if not before or inner.split()[-1] not in nouns:
        return False
    links = index.lex.folded("labs", "connectors") - index.lex.folded("words", "and_words")
    at = max((j for j, w in enumerate(before) if w in links), default=None)
    return at is not None and len(before) - at - 1 <= MAX_QUALIFIER_WORDS and any(w in nouns for w in before[:at])


def _complement_of(index: LabIndex, key: str, inner: str) -> bool:
    """'Penn Medicine Center for Health Care Innovation' holding 'Health Care Innovation' (a name its
    web address spells): the inner name is the complement of the longer one's head, after a link
    word, so the longer one is the name."""
    before = f" {key} ".split(f" {inner} ", 1)[0].split()
    links = index.lex.folded("labs", "connectors") - index.lex.folded("words", "and_words")
    return len(before) >= 2 and before[-1] in links and before[-2] in index.lex.folded("labs", "heads")


def _complement(index: LabIndex, rest: str) -> bool:
    """' for Scottish Local Government', ' and Delivery': what a name's short form leaves out opens with
    a connector or 'and' (not a word the line went on with: 'Lab van Troje Kenmerk')."""
    words = rest.split()
    links = index.lex.folded("labs", "connectors") | index.lex.folded("words", "and_words")
    if len(words) < 2 or fold_keep(words[0]) not in links:
        return False
    # ... and goes on in name words: 'Office of Digital Government van de de(elstaat)' is a sentence.
    return words[-1][:1].isupper() and all(w[:1].isupper() or fold_keep(w) in links for w in words)


def merge_bare_heads(index: LabIndex) -> None:
    """'the Konza Technopolis Development Authority (KoTDA) ... The Authority confirmed': one
    capitalised word that ends exactly one other lab's name is that lab, called by its kind; so is
    one inside it, after its first word ('Innovation Fund Denmark ... The Fund is governed by'); and one
    that opens a name its link word goes on ('College voor de Rechten van de Mens ... Het College'),
    or, after an elided article, its lower-case words ("L'École nationale de la magistrature ...
    L'École est un établissement public")."""
    for entry in list(index.entries):
        if len(entry.name.split()) != 1 or entry.acronym or entry.generic or entry.name.isupper():
            continue
        # "L'École" after 'L'École nationale de la magistrature (ENM)': the elided article is no part of the word.
        bare = ELIDED_ARTICLE.sub("", entry.name)
        word = bare.casefold()
        # Inside the name, a plain word only: a coined one ('BizLab' in 'BizLab Academy') is a name of its own.
        inside = bare[1:].islower()
        owners = [o for o in index.entries if o is not entry and len(o.name.split()) >= 2
                  and (o.name.split()[-1].casefold() == word
                       or (inside and word in (w.casefold() for w in o.name.split()[1:]))
                       or (o.name.split()[0].casefold() == word and (_place(" ".join(o.name.split()[1:]))
                                                                     or _linked(o.name.split()[1], index)
                                                                     or (bare != entry.name and o.name.split()[1].islower()))))]
        if len(owners) == 1:
            index.absorb(owners[0], entry)  # ... and 'de Wirtschaftsagentur' is the Wirtschaftsagentur Wien


def _linked(word: str, index: LabIndex) -> bool:
    """'voor' of 'College voor de Rechten van de Mens': the head opens the name, its complement follows
    (then 'het College' is that lab, as 'the Authority' ends another's name)."""
    return fold_keep(word) in index.lex.folded("labs", "name_links")


def _place(text: str) -> bool:
    """A city or a country after a name: 'Wien', 'Berlin', 'Danmark'."""
    from extract.normalize.countries import place_code

    return len(text.split()) <= 2 and place_code(text) is not None


def take_repeated_tails(index: LabIndex, text: str) -> None:
    """'Medialab Prado' three times, 'Medialab' never alone: a strong name the ``text`` (the
    body's lines) writes with the same capitalised word after it, two times in three or more,
    goes by both words."""
    # Nor a law or a treaty named after it: 'Scottish Public Services Ombudsman Act 2002'.
    stops = function_words() | index.lex.folded("labs", "heads") | index.lex.folded("labs", "not_heads") | index.text_kinds
    for entry in list(index.entries):
        if not entry.strong or entry.acronym == entry.name:
            continue
        uses = list(whole_name(entry.name).finditer(text))
        tails = Counter(m.group(1) for use in uses if (m := _TAIL.match(text, use.end())))
        if not tails:
            continue
        word, count = tails.most_common(1)[0]
        if count >= MIN_TAIL_USES and count * 3 >= len(uses) * 2 and fold_keep(word) not in stops \
                and index.lookup(f"{entry.name} {word}") in (None, entry):
            index.rename(entry, f"{entry.name} {word}")


_STYLED_BEFORE = re.compile(rf"(?<![\w'’-])((?:[{CAPITALS}][\w'’-]*\s+){{1,4}}[{CAPITALS}][\w'’-]*),\s+$")


def take_names_before_place(index: LabIndex, text: str) -> None:
    """'Royal Botanic Gardens, Kew' on the cover, in the running title and in the text, 'Kew' in
    between: a one-word name the ``text`` (the body's lines) writes at least twice after the same
    capitalised name and a comma is that name's last part; the lab goes by the whole style."""
    for entry in list(index.entries):
        if " " in entry.name or entry.acronym or not entry.strong or is_acronym(entry.name):
            continue
        styles = Counter(before.group(1) for use in whole_name(entry.name).finditer(text)
                         if (before := _STYLED_BEFORE.search(text, max(0, use.start() - 80), use.start())))
        if not styles:
            continue
        style, count = styles.most_common(1)[0]
        full = f"{' '.join(style.split())}, {entry.name}"
        if count >= MIN_TAIL_USES and fold_keep(style.split()[0]) not in function_words() \
                and index.lookup(full) in (None, entry):
            index.rename(entry, full)


def drop_mastheads(index: LabIndex, lines: Sequence[Line], body: Sequence[int]) -> None:
    """'LABNOTES — Issue 31', 'Digitaal Bestuur · nummer 12': the name of the publication the
    reader holds, not a lab it describes; at the top, at the end, or in a running header or footer."""
    running = [i for i, line in enumerate(lines) if line.role in ("header", "footer")]
    for i in dict.fromkeys([*body[:MASTHEAD_LINES], *body[-MASTHEAD_LINES:], *running]):
        found = masthead_name(lines[i].text, index.lex)
        entry = index.lookup(found) if found else None
        if entry is not None:
            index.drop(entry)
    # The name over an issue line ('SupTech Exchange Bulletin' / '... Issue 31'), and the
    # shorter names it starts with (the publisher's site spelling 'SupTech Exchange').
    for at, i in enumerate(body[:MASTHEAD_LINES]):
        nxt = lines[body[at + 1]].text if at + 1 < len(body) else ""
        if (found := masthead_over_issue(lines[i].text, nxt, index.lex)) is None:
            continue
        key = fold_keep(found)
        for entry in [e for e in index.entries if key == fold_keep(e.name) or key.startswith(fold_keep(e.name) + " ")]:
            index.drop(entry)


def drop_field_labels(index: LabIndex) -> None:
    """'RE: RECORD OF THE COMMITTEE'S VISIT', 'Betreft:', 'Objet :': a letter's field label is no
    lab's name."""
    labels = index.lex.folded("letters", "subject_labels") | index.lex.folded("letters", "header_labels")
    for entry in [e for e in index.entries if fold_keep(e.name) in labels and not e.acronym]:
        index.drop(entry)


def merge_renamed(index: LabIndex, folded: str) -> None:
    """'Thirty years later, in 1997, the Center became the Inter-American Center of Tax
    Administrations': a name after a renaming phrase (``labs.renamed_as``) is the current name of a
    lab the text (``folded``: the body's lines, folded) named before, by a name that shares its head
    noun and most of its words. The lab keeps its acronym and goes by the new name."""
    phrases = [m.end() for m in index.lex.regex("labs", "renamed_as").finditer(folded)]
    if not phrases:
        return
    heads = index.lex.folded("labs", "heads") | index.lex.folded("labs", "definition_nouns")
    small = function_words()
    articles = "|".join(re.escape(a) for a in sorted(index.lex.folded("words", "articles"), key=len, reverse=True))
    words_of = {id(e): {fold_keep(w) for w in e.name.split()} - small for e in index.entries}
    for entry in list(index.entries):
        words = words_of[id(entry)]
        if len(words) < 2 or entry not in index.entries:
            continue
        named = re.compile(rf"\s*(?:(?:{articles})\s+|[ld]['’])?{re.escape(fold_keep(entry.name))}(?![\w-])")
        at = next((p for p in phrases if named.match(folded, p)), None)
        if at is None:
            continue
        # The cheap test first: a shared head noun and most words; then whether the text names it before.
        # Or the old name is the new one less a word or two, whatever its head ('École nationale
        # supérieure des sapeurs-pompiers' became '... des officiers de sapeurs-pompiers').
        # Or the new name keeps the old one's acronym: 'The agency that kept the old initials, now
        # called IDA Ireland' after 'the Industrial Development Authority (IDA)'.
        earlier = [o for o in index.entries if o is not entry
                   and (((own := words_of[id(o)]) & words & heads and len(own & words) * 2 > max(len(own), len(words)))
                        or (len(own) >= 3 and own < words and len(words - own) <= 2)
                        or (is_acronym(entry.name.split()[0]) and initials_are(entry.name.split()[0], o.name.split())))
                   and _written_before(folded, o, at)]
        if len(earlier) == 1:
            entry.defined = entry.defined or earlier[0].defined
            index.absorb(entry, earlier[0])


MAX_TRADE_NAME_WORDS = 4
# The trading name closing the text before its phrase: up to four capitalised words, perhaps its
# name in a second language after a '·', then a comma or a dash.
_TRADE_NAME_BEFORE = re.compile(rf"((?:[{CAPITALS}][\w'’&-]*\s+){{0,{MAX_TRADE_NAME_WORDS - 1}}}[{CAPITALS}][\w'’&-]*)"
                                r"(?:\s*·[^·,–—]{1,60}?)?\s*[,–—]\s+$")
TRADE_NAME_CHARS = 160
"""How far before its phrase a trading name is looked for."""


def take_trade_names(index: LabIndex, text: str, folded: str) -> None:
    """'Sport Wales · Chwaraeon Cymru – the trading name of the Sports Council for Wales': a body goes
    by its trading name (``labs.trade_name_phrases``), the name it signs with; its legal name stays
    an alias. ``folded``: ``text`` folded (same offsets)."""
    articles = index.lex.folded("words", "articles")
    for phrase in index.lex.regex("labs", "trade_name_phrases").finditer(folded):
        lead = text[max(0, phrase.start() - TRADE_NAME_CHARS):phrase.start()]
        words = lead.split()
        if words and fold_keep(words[-1]) in articles:
            lead = lead[:lead.rstrip().rfind(words[-1])]  # 'the trading name of'
        named = _TRADE_NAME_BEFORE.search(lead)
        following = folded[phrase.end():].lstrip()
        first = following.split(None, 1)
        if first and first[0] in articles and len(first) == 2:
            following = first[1]  # 'of the Sports Council for Wales'
        legal = [e for e in index.entries
                 if re.match(rf"{re.escape(fold_keep(e.name))}(?![\w-])", following)]
        if named is None or not legal:
            continue
        entry = max(legal, key=lambda e: len(e.name))
        if fold_keep(named.group(1)) != fold_keep(entry.name):
            index.rename(entry, named.group(1))  # the legal name stays its alias


def _written_before(folded: str, entry: LabEntry, at: int) -> bool:
    """Does the folded text name ``entry``, by its name or its acronym, before ``at``?"""
    return any(re.search(rf"(?<![\w-]){re.escape(fold_keep(n))}(?![\w-])", folded[:at])
               for n in (entry.name, entry.acronym) if n)


def take_styled_names(index: LabIndex, text: str) -> None:
    """'SLO, nationaal expertisecentrum leerplanontwikkeling', 'KB, nationale bibliotheek': a body
    styled as its acronym and a description goes by that whole style (``styled_names``)."""
    for acronym, name in styled_names(text, index.lex).items():
        entry = index.lookup(acronym)
        if entry is not None and (entry.acronym == acronym or entry.name == acronym):
            index.rename(entry, name)
            entry.acronym = acronym


MAX_LEGAL_NAME_EXTRA_WORDS = 1
"""Capitalised words between a short name and its legal form: 'Swedfund International AB' has one;
'Cyberport Management Company Limited' is the company that runs Cyberport."""


def take_full_names(index: LabIndex, text: str) -> None:
    """"Les Archives générales du Royaume et Archives de l'État dans les Provinces – en abrégé les
    Archives de l'État (AE) –": the acronym is the short name's; the lab goes by the full name the
    ``text`` (the body's lines) gives before shortening it."""
    for entry in [e for e in index.entries if e.acronym]:
        full = full_name_shortened(text, entry.name, entry.acronym or "")
        if full is not None:
            acronym = entry.acronym
            index.rename(entry, full)
            entry.acronym = acronym  # the short name's, which the text gives as the lab's


MAX_SITE_NAME_WORDS = 9
"""Words of a full name a lab's one-word short form opens ('Banc d'Épreuves des armes à feu de Liège')."""
MIN_SITE_LABEL_CHARS = 6
"""A shorter label ('slo', 'ipr') spells too many names by chance."""


def take_site_names(index: LabIndex, text: str, sites: Iterable[str]) -> None:
    """'Le Banc est un établissement public' beside '... du Banc d'Épreuves des armes à feu de Liège.'
    and www.bancdepreuves.be: a lab the ``text`` calls by one word goes by the longer name, opening
    with that word and ending a clause, that spells its site's whole label (which opens with the word);
    the word stays an alias."""
    labels = {label for label in map(domain_label, sites) if len(label) >= MIN_SITE_LABEL_CHARS}
    links = function_words() | index.lex.folded("words", "articles")
    for entry in list(index.entries):
        if not labels or " " in entry.name or entry.acronym or is_acronym(entry.name):
            continue
        word = address_spelling(entry.name)
        for found in re.finditer(rf"(?<![\w-]){re.escape(entry.name)}((?:\s*[’']|\s+)[^.;:,·|()\n]*?)\s*(?=$|[.;:,·|()\n])",
                                 text, re.MULTILINE):
            words = (entry.name + found.group(1)).split()
            while words and fold_keep(words[-1]) in links:
                words = words[:-1]
            spelled = address_spelling(" ".join(words))
            if len(words) <= MAX_SITE_NAME_WORDS and any(label != word and label.startswith(word) and label in spelled for label in labels):
                index.rename(entry, " ".join(words))
                break



def take_legal_names(index: LabIndex, text: str, *, alone: bool = False) -> None:
    """'Swedfund ... Today it operates as Swedfund International AB', 'Sund & Bælt Holding A/S': a body
    the text calls by a shorter name goes by the fuller company name it prints with its legal form (``labs.legal_suffixes``); the
    short name stays an alias. With ``alone``, the name and its legal form alone too ('Bristol Waste
    Company Limited' in the footer of the letter it sends); otherwise that is the same name, which the
    record takes at the end (``extractors.identity``)."""
    forms = _legal_forms(index.lex.words("labs", "legal_suffixes"))
    for entry in list(index.entries):
        if entry.acronym or not entry.name[:1].isupper() or is_acronym(entry.name):
            continue  # 'BRGM SA' is one of the BRGM's subsidiaries
        found = re.search(rf"(?<![\w-]){re.escape(entry.name)}((?:\s+[A-Z][\w-]+){{{0 if alone else 1},{MAX_LEGAL_NAME_EXTRA_WORDS}}}"
                          rf",?\s+(?:{forms}))(?![\w-])", text)
        extra = {fold_keep(w) for w in found.group(1).split()[:-1]} if found is not None else set()
        if extra & set(fold_keep(entry.name).split()):
            continue  # 'Koelnmesse' (a heading) / 'Koelnmesse GmbH was founded ...': the name said again
        # The form in capitals ('AB', not a word 'ab'), or in letters and dots ('e.V.').
        if found is not None and (found.group(1).split()[-1][:1].isupper() or "." in found.group(1).split()[-1]):
            index.rename(entry, re.sub(r"\s+", " ", found.group()))


@cache
def legal_forms() -> str:
    """Every language's legal forms (``labs.legal_suffixes``), as ``_legal_forms`` writes them."""
    return _legal_forms(lexicon(None).words("labs", "legal_suffixes"))


def _legal_forms(words: Sequence[str]) -> str:
    """The legal forms as printed, in any case, with or without their dots ('NV', 'N.V.')."""
    forms = []
    for word in sorted(words, key=len, reverse=True):
        forms.append(f"(?i:{re.escape(word)})")
        if word.isalpha() and len(word) > 1:
            forms.append("(?i:" + r"\.".join(word) + r"\.)")
    return "|".join(forms)


def merge_spelled_acronyms(index: LabIndex) -> None:
    """'De RvA is een stichting' beside 'De Raad voor Accreditatie is in 1995 ontstaan': an acronym the
    text never defines, in mixed case or capitals, whose letters are the initials of every word of a
    name the text uses (its lower-case letters those of the link words) is that name's acronym."""
    for short in list(index.entries):
        letters = short.name
        if short.acronym or " " in letters or not MIXED_CASE_ACRONYM.match(letters) or short not in index.entries:
            continue
        spelled = [e for e in index.entries if e is not short and e.acronym in (None, letters)
                   and len(words := e.name.split()) == len(letters)
                   and "".join(w[0] for w in words) == letters]
        if len(spelled) == 1:
            full = spelled[0]
            full.acronym = letters
            full.defined = True
            index.absorb(full, short)
