"""Chapters a comparison titles by a place ('2. Norway: a register town', 'Gdynia'): the lab such a
chapter is about is the one its first sentence opens with ('Brønnøysundregistrene has run ...'),
the name it says the lab goes by, or the first lab its opening scene names with its acronym; and
the chapter's title is that lab's name with the place. Heading patterns in ``lab_headings``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from extract.layout.headings import strip_numbering
from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep
from extract.rules.vocab import fold
from extract.segment.announced import between
from extract.segment.lab_headings import ECHO_WORDS, LIST_ITEM, NAME_RUN, is_page_title
from extract.segment.lab_index import LabEntry, LabIndex
from extract.segment.lab_names import whole_name
from extract.segment.parts import all_labels
from extract.segment.spelling import function_words, initials_cover, is_acronym
from extract.segment.subject_names import written_in_lower_case


def _place_of(title: str, lex: Lexicon) -> tuple[str, str] | None:
    """The place a heading is, alone or before a colon or a dash, and its country ('Norway: a
    register town', 'The United Kingdom — from filing cabinet to gatekeeper', 'Gdynia')."""
    from extract.normalize.countries import city_country, place_name_code

    head = re.split(r"\s*[:–—]\s+|\s+-\s+", strip_numbering(title).strip(), maxsplit=1)[0]
    articles = lex.folded("words", "articles") | lex.folded("words", "determiners")
    words = head.split()
    while len(words) > 1 and fold_keep(words[0]) in articles | lex.folded("governance", "place_prepositions"):
        words = words[1:]  # 'The United Kingdom', 'En Belgique'
    place = " ".join(words)
    country = (place_name_code(place) or city_country(place)) if place else None
    if country is None and (pair := re.fullmatch(rf"(.+?)\s+(?:{alternation(lex.words('words', 'and_words'))})\s+(.+)", place,
                                                  re.IGNORECASE)):
        # 'Antwerpen en Brugge: sinds 2022 één haven': two places of one country.
        countries = {place_name_code(p) or city_country(p) for p in pair.groups()}
        country = countries.pop() if len(countries) == 1 else None
    return (place, country) if country else None


def place_chapter_title(title: str, entry: LabEntry, lex: Lexicon) -> str:
    """The title of a place chapter about ``entry``: its name, then the place where it says the
    country ('Brønnøysundregistrene, Norway'); the heading itself when it already names the lab."""
    from extract.segment.titles import parse_title

    place = _place_of(title, lex)
    if place is None or any(whole_name(name).search(title) for name in (entry.name, entry.acronym) if name):
        return strip_numbering(title)
    with_place = f"{entry.title}, {place[0]}"
    if set(fold_keep(place[0]).split()) & lex.folded("words", "and_words") \
            or re.search(rf"(?<![\w&-]){re.escape(place[0])}(?![\w&-])", entry.name):
        return entry.title  # 'Antwerpen en Brugge': a title says one place; 'Birmingham Assay Office' says its own
    return with_place if parse_title(with_place, lex).country == place[1] else entry.title


def place_chapter_lab(title: str, following: Sequence[str], index: LabIndex, document: str = "") -> LabEntry | None:
    """'2. Norway: a register town' over 'Brønnøysundregistrene has run Norway's central registers
    ...': a chapter a comparison titles by a place (a country or a city) is about the lab its first
    sentence opens with, named before or not. Not one that opens with a list, nor a name that is not
    the sentence's subject ('In Oslo, the ministry asked X ...'), nor a weak one of the index.

    A capitalised name the index does not have opens it too ('Companies House is the oldest of
    the three'), when the ``document`` uses it again or it ends in a word for an organisation
    ('The Accounting and Corporate Regulatory Authority came into being'); an acronym of the index
    it spells out becomes its acronym."""
    if not following or LIST_ITEM.match(following[0]) or _place_of(title, index.lex) is None:
        return None
    # 'Joke schrijft: Wie in Engeland ...': the contributor's byline opens nothing.
    following = [_byline(index.lex).sub("", following[0], count=1), *following[1:]]
    chapter, following = following, following[:2]
    lead = " ".join(" ".join(following[:2]).split()[:ECHO_WORDS])
    openers = index.lex.folded("words", "articles") | index.lex.folded("words", "determiners")
    best: tuple[int, LabEntry] | None = None
    for entry in index.entries:
        if not (entry.strong or entry.defined):
            continue  # 'The State Agency for Public Service [and Social Innovations ...]': a name cut short
        for name in (entry.name, entry.acronym):
            found = whole_name(name).search(lead) if name else None
            if found is None:
                continue
            before = fold_keep(lead[:found.start()]).replace("’", "'").split()
            if all(w in openers or _possessive_place(w) for w in before) and (best is None or found.start() < best[0]):
                best = (found.start(), entry)
    if best is not None:
        return best[1]
    return (_opening_name(lead, index, openers, document) or _goes_by(" ".join(following[:3]), index, document)
            or _defined_in_first_sentence(title, " ".join(following[:2]), index)
            or owned_kind(title, " ".join(chapter), index) or _named_by_place(title, " ".join(chapter), index))


def _named_by_place(title: str, chapter: str, index: LabIndex) -> LabEntry | None:
    """'Birmingham: het anker' over '... Het Birmingham Assay Office werd in 1773 opgericht': the one
    lab the chapter's opening lines name with the heading's place in its name."""
    place = _place_of(title, index.lex)
    if place is None:
        return None
    found = [e for e in index.entries if (e.strong or e.defined or e.domain) and whole_name(place[0]).search(e.name)
             and whole_name(e.name).search(chapter)]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=8)
def _byline(lex: Lexicon) -> re.Pattern[str]:
    """'Joke schrijft:', 'Marie-Claire and Tom write:': names, a verb of ``labs.byline_verbs``, a colon."""
    verbs = alternation(lex.words("labs", "byline_verbs"), folded=False, longest_first=True)
    joiners = alternation(lex.words("words", "and_words"), folded=False)
    name = rf"[{CAPITALS}][\w'’-]*"
    return re.compile(rf"^{name}(?:\s+(?:{joiners}|{name})){{0,3}}\s+(?:{verbs})\s*:\s*")


def owned_kind(title: str, chapter: str, index: LabIndex) -> LabEntry | None:
    """'Tokyo: NHK's research laboratories' over '... NHK Science & Technology Research Laboratories
    – STRL to the engineers ...': a place, an owner and a lab's kind in lower case; the chapter's
    opening lines name one lab of that kind, which goes by its name with the owner's before it."""
    from extract.segment.titles import place_led_name

    if _place_of(title, index.lex) is None:
        return None
    owned = re.fullmatch(rf"(?:The\s+)?([{CAPITALS}][\w&.-]*)['’]s\s+([{LOWERCASE}][\w\s-]*)", place_led_name(strip_numbering(title), index.lex))
    if owned is None:
        return None
    owner, kind = owned.group(1), fold_keep(owned.group(2).split()[-1])
    found = [e for e in index.entries if (e.strong or e.defined) and fold_keep(e.name.split()[-1]) == kind
             and whole_name(e.name).search(chapter)]
    if len(found) != 1:
        return None
    entry = found[0]
    if not entry.name.startswith(owner) and whole_name(f"{owner} {entry.name}").search(chapter):
        acronym = entry.acronym
        index.rename(entry, f"{owner} {entry.name}")
        entry.acronym = acronym  # 'STRL' is the unit's, without its owner's letters
    return entry


def _defined_in_first_sentence(title: str, opening: str, index: LabIndex) -> LabEntry | None:
    """'3. Le Luxembourg : cadastre et topographie réunis' over 'Au Grand-Duché, une seule
    administration réunit le cadastre et la cartographie : l'Administration du cadastre et de la
    topographie (ACT), qui ...': the one name the first sentence of a place chapter spells out with
    its acronym, subject or not, when the heading describes rather than names ('Hong Kong — Digital
    Policy Office (DPO)' over 'Set up ... by merging the Office of ... (OGCIO)' is the DPO's)."""
    from extract.segment.titles import place_led_name

    if not place_led_name(strip_numbering(title), index.lex)[:1].islower():
        return None
    first = re.split(rf"(?<=[.!?])\s+(?=[{CAPITALS}])", opening, maxsplit=1)[0]
    found = [e for e in index.entries if (e.strong or e.defined) and (acronym := e.acronym or (
        e.name if is_acronym(e.name) else None)) and re.search(rf"\w\s*\(\s*{re.escape(acronym)}\s*\)", first)]
    return found[0] if len(found) == 1 else None


GOES_BY_CHARS = 80
"""How far a naming phrase may run before its name ('goes by the title of the work programme it was given: X')."""


def _goes_by(text: str, index: LabIndex, document: str) -> LabEntry | None:
    """'The German unit has no acronym and goes by the title of the work programme it was given:
    Wirksam Regieren': a chapter that opens by describing its lab says the name it goes by."""
    found = index.lex.regex("labs", "goes_by").search(fold_keep(text))
    if found is None:
        return None
    window = text[found.end():found.end() + GOES_BY_CHARS]
    colon = window.find(":")
    at = found.end() + (colon + 1 if colon >= 0 else 0)
    rest = text[at:].lstrip(" '‘’\"“”«")
    article = re.match(r"(?:\w+\s+)", rest)
    if article and fold_keep(article.group(0).strip()) in index.lex.folded("words", "articles"):
        rest = rest[article.end():]  # 'known as the Nudge Unit'
    run = NAME_RUN.match(rest)
    words = run.group(0).rstrip(".,;:").split() if run else []
    while words and words[-1].islower():
        words = words[:-1]
    name = " ".join(words)
    if not words or (len(words) < 2 and not _repeated_name(name, document)) or is_page_title(name, index.lex):
        return None
    return index.lookup(name) or index.entry_for(name, None, -1)


def _repeated_name(word: str, document: str) -> bool:
    """'Deedhall' named again inside a sentence, never written in lower case: a name, not the
    capitalised first word of a sentence ('Fees are ...')."""
    if written_in_lower_case(word, document):
        return False
    inside = [m for m in whole_name(word).finditer(document)
              if document[:m.start()].rstrip() and document[:m.start()].rstrip()[-1] not in ".!?:"]
    return len(whole_name(word).findall(document)) >= 2 and bool(inside)


def place_chapter_named(title: str, following: Sequence[str], index: LabIndex) -> LabEntry | None:
    """A place chapter already known to be a lab's (set like its siblings) that opens with a scene
    ('À Montréal, la stratégie ... a conduit à la création du Bureau X (BX)'): the first lab its
    first lines name with its acronym."""
    if not following or _place_of(title, index.lex) is None:
        return None
    text = " ".join(following)
    best: tuple[int, LabEntry] | None = None
    for entry in index.entries:
        if not entry.acronym or entry.acronym == entry.name or fold_keep(entry.name.split()[0]) in function_words():
            continue  # not 'En 2021, l'Office ... (ONS)': a name that opens on a sentence's first words
        found = re.search(rf"{re.escape(entry.name.split()[0])}.{{0,120}}?\(\s*{re.escape(entry.acronym)}\s*\)", text)
        if found is not None and (best is None or found.start() < best[0]):
            best = (found.start(), entry)
    return best[1] if best is not None else None


def _possessive_place(word: str) -> bool:
    """"peru's" in "Peru's Government and Digital Transformation Laboratory": the country the name follows."""
    from extract.normalize.countries import place_name_code

    return word.endswith("'s") and place_name_code(word[:-2]) is not None


def _opening_name(lead: str, index: LabIndex, openers: frozenset[str], document: str) -> LabEntry | None:
    """The capitalised name a place chapter's first sentence opens with, as a new entry: two words
    or more, or one the ``document`` repeats as a name (``_repeated_name``)."""
    from extract.normalize.countries import city_country, country_code, place_name_code

    words = lead.split()
    while words and fold_keep(words[0]) in openers:
        words = words[1:]
    run = NAME_RUN.match(" ".join(words))
    name_words = run.group(0).rstrip(".,;:").split() if run else []
    while name_words and name_words[-1].islower():
        name_words = name_words[:-1]
    name = " ".join(name_words)
    if not name_words or (len(name_words) < 2 and not _repeated_name(name, document)):
        return None
    if re.match(rf"{re.escape(name)}\s*:", " ".join(words)) or fold(name) in all_labels():
        return None  # 'Indicateur: iNNpulsa Colombia', 'Opgericht   24 juni 1814': a key-facts label, not a name
    dash = re.match(rf"{re.escape(name)}(?:\s+[–—]|,)\s+", " ".join(words))
    if dash is not None and (other := _named_at(" ".join(words)[dash.end():], index)) is not None:
        return other  # 'The Radiation ... Authority – Säteilyturvakeskus, generally known as STUK –', 'The Swedish
        # Accident Investigation Authority, Statens haverikommission (SHK), was': its other name
    # 'Norwegian' (not 'Paris&Co', nor 'Havenbedrijf Rotterdam', a name with its city)
    people = len(name_words) == 1 and name.isalpha() and country_code(name) is not None
    if re.search(r"['’]s$", name_words[0]) or people or place_name_code(name) or city_country(name) \
            or is_page_title(name, index.lex):
        return None  # 'Peru's ...', 'Norwegian', 'Oslo': a place or its people
    kinds = index.lex.folded("labs", "heads") | index.lex.folded("labs", "not_heads")
    if fold_keep(name_words[-1]) not in kinds and len(whole_name(name).findall(document)) < 2:
        return None
    spelled = [e for e in index.entries if e.name == e.acronym or (e.acronym is None and e.name.isupper())]
    acronym = next((e.name for e in spelled if initials_cover(e.name, name_words)), None)
    return index.entry_for(name, acronym, -1)


def _named_at(text: str, index: LabIndex) -> LabEntry | None:
    """The lab of the index whose name (or acronym) ``text`` opens with."""
    for entry in index.entries:
        if (entry.strong or entry.defined) and any(
                name and re.match(rf"{re.escape(name)}(?!\w)", text) for name in (entry.name, entry.acronym)):
            return entry
    return None


PRESENTING_WORDS = 8
"""A lab named within a chapter's first words, there for the first time, is what the chapter presents."""


def presented_under(lines: list[Line], body: list[int], heading: int, stop: int, index: LabIndex) -> LabEntry | None:
    """The lab a chapter opens by presenting: named for the first time in the first words of its
    first paragraph, with its acronym defined ('The Northern Public Innovation Institute (NPII) was
    founded in 2020 ...'); a description opening a slide ('Incubateur de startups d'État créé en
    2017') under a heading that names its lab is not a name."""
    following = between(body, heading + 1, stop)
    if not following or lines[following[0]].role == "heading":
        return None
    opening = " ".join(lines[i].text for i in following[:2])
    lead = " ".join(opening.split()[:PRESENTING_WORDS])
    for entry in index.entries:
        if (entry.first in following[:2] and entry.defined
                and any(whole_name(name).search(lead) for name in (entry.name, entry.acronym) if name)):
            return entry
    return None


MAX_SHORT_NAME_WORDS = 2


def completed_under(title: str, lines: list[Line], body: list[int], heading: int, stop: int,
                    index: LabIndex) -> LabEntry | None:
    """'2. La Vanoise, le premier parc' over 'Le Parc national de la Vanoise a été créé ...': a
    heading that calls its lab by the last (or first) words of its name, the chapter's first lines
    naming it in full. The one lab so named."""
    from extract.segment.titles import parse_title

    short = parse_title(title, index.lex).name
    articles = index.lex.folded("words", "articles")
    if short and len(short.split()) > 1 and fold_keep(short.split()[0]) in articles:
        short = short.split(maxsplit=1)[1]  # 'Les Cévennes': the Parc national des Cévennes
    if not short or len(short.split()) > MAX_SHORT_NAME_WORDS or index.lookup(short) is not None:
        return None
    key = fold_keep(short)
    opening = " ".join(lines[i].text for i in between(body, heading + 1, stop)[:2])
    found = [entry for entry in index.entries
             if len(entry.name.split()) > len(short.split())
             and (fold_keep(entry.name).endswith(f" {key}") or fold_keep(entry.name).startswith(f"{key} "))
             and whole_name(entry.name).search(opening)]
    return found[0] if len(found) == 1 else None


MIN_CHAPTER_USES = 2
"""How often a chapter must use a lab after defining it for the lab to be what the chapter is about."""


def defined_and_used(title: str, lines: list[Line], body: list[int], heading: int, stop: int,
                     index: LabIndex) -> LabEntry | None:
    """'Sweden: one ombudsman instead of four' over a history that ends '... replaced by one agency,
    the Equality Ombudsman – Diskrimineringsombudsmannen (DO)', then 'DO is a government agency ...
    DO publishes ...': the one lab a place chapter defines and then keeps using, however late its
    first sentence naming it comes."""
    if _place_of(title, index.lex) is None:
        return None
    following = between(body, heading + 1, stop)
    found = []
    for entry in index.entries:
        if not (entry.defined and entry.strong and not entry.as_host and entry.first in following):
            continue
        later = " ".join(lines[i].text for i in following if i > entry.first)
        uses = sum(len(whole_name(name).findall(later)) for name in {entry.name, entry.acronym} if name)
        if uses >= MIN_CHAPTER_USES:
            found.append(entry)
    return found[0] if len(found) == 1 else None


EARLY_WORDS = 40
"""How far into a place chapter a lab defined with its acronym is what the chapter presents."""


def defined_early(title: str, following: Sequence[str], index: LabIndex) -> LabEntry | None:
    """'Singapore: the group that started a festival' over 'In August 2015 the Monetary Authority of
    Singapore created a FinTech and Innovation Group (FTIG) ...': a chapter a place titles, whose
    first sentences define a lab with its acronym, is about that lab (the first one defined)."""
    from extract.segment.acronyms import defined_acronyms

    if _place_of(title, index.lex) is None:
        return None
    lead = " ".join(" ".join(following).split()[:EARLY_WORDS])
    for _, acronym, _ in sorted(defined_acronyms(lead), key=lambda found: found[2]):
        entry = index.lookup(acronym)
        if entry is not None and entry.defined and entry.strong and not entry.as_host:
            return entry
    return None


APPOSITIVE_CHARS = 80
"""How long a description between commas after a name may run ('Kystverket, the Norwegian Coastal
Administration, dates from 1974')."""


def described_opening(following: Sequence[str], index: LabIndex) -> LabEntry | None:
    """'Kystverket, the Norwegian Coastal Administration, dates from 1974 ...' under 'Ålesund: the
    coast as a data stream': a chapter whose first sentence opens with a name that a description
    between commas calls an organisation ('service', 'administration', 'agence') is about it,
    whatever its heading says (a place, a person, a scene)."""
    if not following or LIST_ITEM.match(following[0]):
        return None
    lead = " ".join(" ".join(following[:3]).split())
    openers = index.lex.folded("words", "articles") | index.lex.folded("words", "determiners")
    words = lead.split()
    while words and fold_keep(words[0]) in openers:
        words = words[1:]
    text = " ".join(words)
    run = NAME_RUN.match(text)
    name = run.group(0).rstrip(".,;:") if run else ""
    appositive = re.match(rf"{re.escape(name)}\s*,\s*([^,.;:()]{{3,{APPOSITIVE_CHARS}}}?)\s*,\s+\w", text) if name else None
    if appositive is None or is_page_title(name, index.lex):
        return None
    kinds = index.lex.folded("labs", "heads") | index.lex.folded("labs", "not_heads")
    if not any(fold_keep(w) in kinds for w in re.findall(r"[\w’'-]+", appositive.group(1))):
        return None
    return index.lookup(name) or index.entry_for(name, None, -1)
