"""Headings that name a lab, and the one lab a single-lab document is about.

- ``heading_lab`` (with ``is_page_title``, ``looks_like_name``): a heading (section title, slide
  title) that names a lab rather than a part of the report ('About us', 'Conclusions') or its
  publisher;
- ``salient_lab``: the one lab a single-lab document (fact sheet, web page, letter, annual
  report, interview) is about, named from its mentions rather than the page title.

Chapters titled by a place ('2. Norway: a register town') are read in ``place_chapters``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.layout.headings import strip_numbering
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.rules.vocab import fold, match_label
from extract.segment.acronyms import organisation_nouns
from extract.segment.lab_index import LabEntry, LabIndex
from extract.segment.lab_names import find_lab_names, whole_name
from extract.segment.name_affixes import article_before_name, without_about, without_summary
from extract.segment.platforms import URL, platform_host
from extract.segment.spelling import ELIDED_ARTICLE, domain_matches, function_words, is_acronym
from extract.segment.subject_names import legal_suffix, written_in_lower_case


@cache
def _said_to_be() -> re.Pattern[str]:
    """A heading that says what its name is: 'X, le lab de ...', 'X — the innovation team of ...'."""
    lex = lexicon(None)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return re.compile(rf"^[^,—–]+?(?:,\s+|\s+[—–-]\s+)(?:(?:{articles})\s+|{elided})?(?:\w+\s+)??([\w-]+)", re.IGNORECASE)


_TRAILING_YEAR = re.compile(r"\s*[(\[]?(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?[)\]]?$")


def is_page_title(text: str, lex: Lexicon) -> bool:
    folded = fold_keep(strip_numbering(text)).strip(" :.!?")
    # 'Facts and figures (2021)', 'Key figures 2024/25': the year a page's figures are for.
    folded = _TRAILING_YEAR.sub("", folded) or folded
    titles = lex.folded("labs", "page_titles")
    if folded in titles or folded in lex.folded("title", "non_lab_headings"):
        return True
    # 'RE: RECORD OF THE COMMITTEE'S VISIT', 'Objet : ...': a letter's field line, not a lab's heading.
    field = re.match(r"([^:]{1,20}?)\s*(?::|$)", folded)
    if field and field.group(1) in lex.folded("letters", "subject_labels") | lex.folded("letters", "header_labels"):
        return True
    # 'About the Lab', 'Over het team', 'À propos du labo': a page title over a head noun alone
    # names a page of the site, not the lab ('About Policy Lab' names it).
    words = folded.replace("’", "'").replace("'", "' ").split()
    generic = lex.folded("words", "determiners") | lex.folded("labs", "page_title_fillers")
    heads = lex.folded("labs", "heads")
    for cut in range(1, min(3, len(words) - 1) + 1):
        if " ".join(words[:cut]) in titles:
            rest = [w for w in words[cut:] if w not in generic]
            return not rest or (len(rest) == 1 and rest[0] in heads)  # 'Over de organisatie', 'About the Lab'
    return False


def looks_like_name(text: str, lex: Lexicon) -> bool:
    """A heading written like a proper name: every word but the connectors capitalised ('GovTech
    Polska', 'Lab van Troje', 'Staatslabor'), not a sentence or a question ('Key messages', 'Tot slot')."""
    from extract.segment.titles import parse_title

    title = strip_numbering(text).strip()
    if not title or title.endswith("?") or is_page_title(title, lex):
        return False
    name = parse_title(title, lex).name or ""
    if re.search(r"(?<![\w-])(?:19|20)\d\d(?![\w-])", name):
        return False  # 'Enquête 2021', 'Agenda 2030': an issue's chapter, not a lab
    words = [w for w in re.findall(r"[\w'’&-]+", name) if not w.isdigit()]
    connectors = lex.folded("labs", "connectors") | lex.folded("words", "connectors")
    content = [w for w in words if fold_keep(w) not in connectors]
    return 0 < len(content) <= 8 and all(w[:1].isupper() or any(c.isupper() for c in w[1:]) for w in content)


# 'Portrait 3: ', 'Case 2 – ': a numbered item of a series before the name the heading gives.
SERIES_LABEL = re.compile(rf"^[{CAPITALS}][\w'’-]+\s+\d{{1,2}}\s*[:–—]\s+(?=\S)")


def heading_lab(text: str, index: LabIndex, following: Sequence[str] = ()) -> LabEntry | None:
    """The lab a heading names: the heading is (mostly) a lab's name, with its acronym, country or a
    short description after a dash ('2.1 Public Policy Lab (PPL), USA', 'MindLab – Denmark')."""
    from extract.segment.titles import parse_title, renaming

    title = SERIES_LABEL.sub("", strip_numbering(text).strip())
    if not title or is_page_title(title, index.lex) or len(title.split()) > 14 or "?" in title:
        return None  # a question set as a heading is an interviewer's, not a lab's
    if signature_line(title, index.lex) or byline(title, index.lex):
        return None  # 'Deputy Administrator, Centers for Medicare & Medicaid Services': the signer's employer
    title = without_about(title, index.lex) or title
    parts = parse_title(title, index.lex)
    name = parts.name or ""
    mentions = find_lab_names(title, index.lang)
    for mention in mentions:
        # The name must be most of the heading: 'How the Policy Lab works' is a chapter, not the lab,
        # nor is an interviewer's 'PSDQ: Denmark's MindLab, the lab you were modelled on, closed ...'.
        # Where it sits may follow it: 'Le pôle Fintech-Innovation de l'ACPR'.
        base = name if fold_keep(mention.name) in fold_keep(name) else title
        host = host_after(index.lex).search(base)
        if host is not None and is_acronym(host.group(1)) and host.start() > 0:
            base = base[:host.start()]
        if len(mention.name.split()) >= 0.6 * len(base.split()) or fold_keep(mention.name) == fold_keep(name):
            entry = index.lookup(mention.name)
            if entry is not None:
                return entry
    entry = index.lookup(name) if name else None
    if entry is None and name and without_summary(title, index.lex) is not None \
            and (article := re.match(rf"(?i:{article_before_name(index.lex)})(?=[{CAPITALS}])", name)):
        entry = index.lookup(name[article.end():])  # 'Het Europees Octrooibureau in een notendop': the lab summed up
    if entry is None and (elided := ELIDED_ARTICLE.match(name)) is not None and is_acronym(name[elided.end():]):
        entry = index.lookup(name[elided.end():])  # "1. L'ONERA, une reconstruction": the article is the sentence's
    if entry is not None:
        return entry
    if name and without_summary(title, index.lex) is not None and _names_a_body(name, index.lex):
        # 'US-UK Fulbright Commission – at a glance': a chapter summing up a body named as one, its
        # head noun one a lab's name rarely has ('Commission', 'Institute') or not; not 'The Centre
        # at a glance', a head noun taking up the lab the text names. A one-word name
        # its site gives ('Fulbright' of fulbright.org.uk) was this body's short name.
        short = next((e for e in index.entries if e.domain and len(e.name.split()) == 1
                      and whole_name(e.name).search(name)), None)
        if short is not None:  # the index has no entry of that name (looked up above)
            index.rename(short, name)
            return short
        return index.entry_for(name, parts.acronym, -1)
    if (renamed := renaming(title, index.lex)) is not None:
        # 'De France Stratégie au Haut-commissariat ...', 'France Titres (ex-ANTS)': the lab under its new name.
        new, old = renamed
        entry = index.lookup(old)
        if entry is None:
            return index.entry_for(new, None, -1)
        index.rename(entry, new)
        return entry
    if parts.acronym and name and len(name.split()) <= 8:
        return index.entry_for(name, parts.acronym, -1)  # 'La 27e Région (27R)': a defined acronym names it
    said = _said_to_be().match(title)
    words_after = re.findall(r"[\w-]+", title[said.start(1):])[:2] if said else []
    if name and any(fold_keep(w) in index.lex.folded("labs", "strong_heads") for w in words_after):
        return index.entry_for(name, None, -1)  # 'La Base, le lab de l'État', '110 bis — le lab d'innovation de ...'
    if name and _company_name(name):
        return index.entry_for(name, parts.acronym, -1)  # 'Innsbrucker Nordkettenbahnen Betriebs GmbH', a slide's title
    # 'GovTech Polska' over 'www.govtech.gov.pl': the lab's own address follows its name.
    if name and len(name.split()) <= 6:
        for line in following:
            for m in URL.finditer(line):
                if "." in m.group(0) and not platform_host(m.group(1)) and domain_matches(name, m.group(1)):
                    return index.entry_for(name, None, -1)
    return None


MAX_COMPANY_NAME_WORDS = 8


def _company_name(name: str) -> bool:
    """Is ``name`` a company's name: capitalised words (and the links between them) ending on a
    legal form ('Bayerische Zugspitzbahn Bergbahn AG', 'Bristol Waste Company Limited')?"""
    name = name.rstrip(".")
    suffix = legal_suffix().search(fold_keep(name))
    if suffix is None:
        return False
    words = name[:suffix.start()].split()
    return 1 <= len(words) < MAX_COMPANY_NAME_WORDS and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or fold_keep(w) in function_words() for w in words)


def _names_a_body(name: str, lex: Lexicon) -> bool:
    """Is ``name`` written as a name ending on an organisation noun, with a word of its own besides
    ('US-UK Fulbright Commission', not 'The Centre')?"""
    nouns = organisation_nouns()
    return looks_like_name(name, lex) and fold_keep(name.split()[-1]) in nouns \
        and any(fold_keep(w) not in nouns and fold_keep(w) not in function_words() for w in name.split())


@cache
def host_after(lex: Lexicon) -> re.Pattern[str]:
    """" de l'ACPR", ' of the Central Bank': the organisation a heading's lab sits in, after its name."""
    links = alternation(lex.words("labs", "name_links"), folded=False, any_space=False)
    return re.compile(rf"\s+(?:{links})\s+(?:{article_before_name(lex)})?([{CAPITALS}][\w.&'’-]*(?:\s+[{CAPITALS}][\w.&'’-]*)*)$")


_BEFORE_COMMA = re.compile(r"^([^,]{2,40}),\s+\S")


def byline(title: str, lex: Lexicon) -> bool:
    """'Claire Vandenbroucke-Mbaye, Laboratoire d'histoire des techniques artistiques, Université libre
    de Bruxelles': a name, then the author's department and university, comma after comma; the
    paper's author, not a lab it describes."""
    parts = [p.strip() for p in title.split(",")]
    if len(parts) < 3:
        return False
    first = parts[0].split()
    kinds = lex.folded("labs", "heads") | lex.folded("labs", "not_heads") | lex.folded("labs", "definition_nouns")
    return (2 <= len(first) <= 4 and all(w[:1].isupper() for w in first) and not any(fold_keep(w) in kinds for w in first)
            and any(fold_keep(w) in lexicon(None).folded("labs", "academic_nouns") for p in parts[1:] for w in p.split()))


def signature_line(title: str, lex: Lexicon) -> bool:
    """A person's title, a comma, then a name: a signature line."""
    found = _BEFORE_COMMA.match(title)
    if found is None:
        return False
    titles = lex.folded("labs", "person_titles")
    words = fold_keep(found.group(1)).split()
    return any(" ".join(words[k:j]) in titles for k in range(len(words)) for j in range(k + 1, len(words) + 1))


ECHO_WORDS = 12
FIRST_SENTENCE_WORDS = 30
"""A chapter presents what it names within its first words: 'Le syndicat mixte Gironde Numérique a été constitué'."""
# A list item's bullet or number: a chapter that opens with a list presents no one (here and in place_chapters).
LIST_ITEM = re.compile(r"^\s*(?:[•▪◦‣∙·*–-]|\d{1,2}[.)])\s")
# A capitalised run that may be a name, its short lower-case links included ('Lab van Troje').
NAME_RUN = re.compile(rf"(?<![\w'’-])(?:[{CAPITALS}]|[a-z]{{1,4}}[A-Z])[\w'’&.-]*"  # 'Valtori', 'iBO', 'coLAB-i'
                       rf"(?:\s+(?:[{CAPITALS}][\w'’&.-]*|[{LOWERCASE}]{{1,4}}(?=\s+[{CAPITALS}])))*")


def echoed_name(title: str, following: Sequence[str], index: LabIndex) -> LabEntry | str | None:
    """'2. Mégalis Bretagne, l'aîné' over 'Mégalis Bretagne voit le jour en 1999', 'Finland: Valtori
    at eleven' over 'Valtori, the Government ICT Centre, went live ...': a name in a heading that
    the chapter's first words take up again is what the chapter presents, head noun or not: a lab
    the index has, else the name as the heading prints it. Places, the report's own chapter words
    and plain words ('Methods' over 'Methods differ ...': used in lower case too, no site of their
    own) are not names."""
    from extract.normalize.countries import city_country, place_name_code

    if not following or LIST_ITEM.match(following[0]):
        return None  # a chapter that opens with a list presents no one: '• Digital India programme outlay ...'
    first = fold_keep(title.split()[0]) if title.split() else ""
    if first in index.lex.folded("words", "first_person_possessives"):
        return None  # 'Our Board' over 'Our Board consists of ...': the report's own body, no other lab
    lead = " ".join(" ".join(following[:2]).split()[:ECHO_WORDS])
    kinds = index.lex.folded("labs", "heads") | index.lex.folded("labs", "not_heads") | index.lex.folded("labs", "definition_nouns")
    for entry in sorted(index.entries, key=lambda e: -len(e.name)):
        said = [name for name in (entry.name, entry.acronym) if name]
        if any(whole_name(name).search(title) for name in said) and any(whole_name(name).search(lead) for name in said):
            return entry
    text = " ".join(following)
    determiners = index.lex.folded("words", "determiners") | index.lex.folded("words", "articles")
    # A French name in full may come after a fronted apposition: 'Héritier du Garde-Meuble de la
    # Couronne créé par Colbert en 1663, le Mobilier national conserve ...'.
    numbered = strip_numbering(title).strip() != title.strip()
    first_sentence = re.split(rf"(?<=[.!?])\s+(?=[{CAPITALS}])", " ".join(" ".join(following[:3]).split()), maxsplit=1)[0]
    if (spelled := _echoed_title_name(title, lead, index)) is not None or (numbered and (
            spelled := _echoed_title_name(title, " ".join(first_sentence.split()[:FIRST_SENTENCE_WORDS]), index,
                                          cased=True)) is not None):
        return spelled
    for run in NAME_RUN.finditer(title):
        words = run.group(0).rstrip(".").split()
        while words and fold_keep(words[0]) in determiners:
            words = words[1:]
        while words and words[-1].islower():
            words = words[:-1]
        name = " ".join(words)
        if not name or place_name_code(name) is not None or city_country(name) is not None:
            continue
        if is_page_title(name, index.lex) or fold_keep(name) in index.lex.folded("labs", "not_heads"):
            continue
        if fold_keep(words[-1]).endswith(tuple(index.lex.folded("labs", "address_words"))):
            continue  # 'Mill Street gates' over '... at the bottom of Mill Street': a street, not a lab
        if len(words) == 1 and not (_used_as_a_name(name, text) or _opens_as_subject(name, lead, text, index)):
            continue
        echo = whole_name(name).search(lead)
        if echo and fold_keep(" ".join(lead[echo.end():].split()[:1])).strip(".,;:") not in kinds:
            return name  # not 'Digital India programme ...': a name that qualifies another noun is not its subject
        if len(words) >= 2 and (_subject_later(name, text, kinds) or _head_taken_up(name, text, index.lex)
                                or (numbered and _word_opens_chapter(words, lead, text, index))):
            return name
    return None


def _word_opens_chapter(words: list[str], lead: str, text: str, index: LabIndex) -> bool:
    """'2. Staatliches Hofbräuhaus in München' over 'The Hofbräuhaus was founded in 1589', '3.
    Bayerische Staatsbrauerei Weihenstephan' over 'Weihenstephan claims to be ...': the chapter's
    first sentence opens (after a definite article at most) on a word of the heading's name that
    is a name's word (capitalised, never written in lower case, no place, no legal form, no kind of
    organisation), and goes on with a verb's lower-case word, not another noun's."""
    from extract.normalize.countries import place_code

    kinds = index.lex.folded("labs", "heads") | index.lex.folded("labs", "not_heads") \
        | index.lex.folded("labs", "definition_nouns") | index.lex.folded("labs", "legal_suffixes")
    articles = set(index.lex.folded("words", "articles")) - set(index.lex.folded("words", "indefinite_articles"))
    opening = lead.split()[:3]
    if opening and fold_keep(opening[0]) in articles:
        opening = opening[1:]
    if len(opening) < 2 or not opening[1][:1].islower():
        return False
    word = opening[0].strip(",")
    return (word in words and len(word) >= MIN_OPENING_WORD_CHARS and word[:1].isupper() and not word.isupper()
            and fold_keep(word) not in kinds and place_code(word) is None and not written_in_lower_case(word, text))


MIN_OPENING_WORD_CHARS = 5


def _subject_later(name: str, text: str, kinds: frozenset[str]) -> bool:
    """'Madrid Digital' over a chapter that first spells out a long name ('… — known simply as
    Madrid Digital — is a much larger body') and then opens a sentence on it ('Madrid Digital
    employs roughly 750 people'): named twice, once as a sentence's subject, not as another noun's
    qualifier."""
    uses = list(whole_name(name).finditer(text))
    if len(uses) < MIN_LATER_USES:
        return False
    for use in uses:
        opens = use.start() == 0 or re.search(r"[.!?]\s+$", text[max(0, use.start() - 3):use.start()]) is not None
        following = fold_keep(" ".join(text[use.end():].split()[:1])).strip(".,;:")
        if opens and following and following not in kinds and following.isalpha():
            return True
    return False


MIN_LATER_USES = 2


def _head_taken_up(name: str, text: str, lex: Lexicon) -> bool:
    """'4. The Welsh Language Commissioner: standards with sanctions' over '... passed to a new Welsh
    Language Commissioner (...). The Commissioner is independent of ministers': the chapter names it
    in full once, then opens a sentence on its head noun after a definite article."""
    head = name.split()[-1]
    if not head[:1].isupper() or len(head) < 4 or whole_name(name).search(text) is None:
        return False
    articles = alternation(sorted(set(lex.words("words", "articles")) - set(lex.words("words", "indefinite_articles"))))
    return re.search(rf"(?:^|[.!?]\s+)(?i:{articles})\s+{re.escape(head)}\s+(?=[a-z])", text) is not None


def _echoed_title_name(title: str, lead: str, index: LabIndex, *, cased: bool = False) -> str | None:
    """"2. L'Académie du numérique de l'EFPC" over "..., l'Académie du numérique a accueilli ...": the
    longest start of the heading's name (two words or more, its lower-case words included, as French
    names write them) that the chapter's first words repeat."""
    from extract.segment.titles import parse_title

    name = re.sub(r"^[LlDd]['’]", "", parse_title(strip_numbering(title), index.lex).name or "")

    words = name.split()
    links = index.lex.folded("labs", "connectors") | index.lex.folded("words", "connectors")
    for size in range(len(words), 1, -1):
        start = " ".join(words[:size])
        if fold_keep(words[size - 1]) in links or not words[0][:1].isupper():
            continue
        # ``cased`` (read on in the first sentence): its first word after an article capitalised where
        # the heading's is, not 'la direction générale des Impôts' for '1. La Direction générale des
        # Finances publiques'.
        found = re.search(rf"(?<![\w-]){re.escape(start)}(?![\w-])", lead, re.IGNORECASE)
        if found and (not cased or _first_word_case(found.group(), index.lex) or not _first_word_case(start, index.lex)) and sum(
                w[:1].isupper() for w in words[:size]) < size:  # all-capitalised names are the runs' job
            return start
    return None


def _first_word_case(text: str, lex: Lexicon) -> bool:
    """Is the first word of ``text`` after an article capitalised?"""
    words = text.split()
    articles = lex.folded("words", "articles")
    while len(words) > 1 and fold_keep(words[0]) in articles:
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def name_runs(text: str) -> list[str]:
    """The capitalised runs of a heading that may be names ('GovTech Campus Deutschland', 'iBO')."""
    return [m.group(0).rstrip(".") for m in NAME_RUN.finditer(text)]


def _opens_as_subject(word: str, lead: str, text: str, index: LabIndex) -> bool:
    """'Fortaleza: Íris maakt het eenvoudig' over 'Het Íris (Laboratório de Inovação ...) werd ...': a
    plain word the chapter opens with, spelled out or set off in brackets or commas right after it,
    and never written in lower case, is the name the heading gives."""
    articles = alternation(index.lex.words("words", "articles"), folded=False, any_space=False)
    if written_in_lower_case(word, text):
        return False
    return re.match(rf"(?i:(?:{articles})\s+)?{re.escape(word)}\s*[(,]", lead) is not None


def _used_as_a_name(word: str, text: str) -> bool:
    """One word is a name when it has a name's letters ('18F', 'eWBS'), or the text never writes it
    in lower case and names its site ('valtori.fi')."""
    from extract.segment.subject_names import DISTINCTIVE

    if DISTINCTIVE.search(word):
        return True
    if written_in_lower_case(word, text):
        return False
    return any(fold_keep(m.group(1)).split(".")[0] == fold_keep(word) for m in URL.finditer(text))


# --------------------------------------------------------------------------- single-lab documents


TITLED_LEAD = 1.25


MASTHEAD_BODY_LINES = 3


def masthead_lab(index: LabIndex, body: Sequence[int]) -> LabEntry | None:
    """The lab named in the first lines under a report's title, when it is the most named lab."""
    top = set(body[:MASTHEAD_BODY_LINES])
    ranked = sorted((e for e in index.entries if e.strong or e.domain), key=lambda e: -e.score)
    return ranked[0] if ranked and ranked[0].first in top else None


def salient_lab(index: LabIndex) -> LabEntry | None:
    """The lab a document is about when it is about one: named clearly more often (or more
    prominently) than any other lab-like name."""
    ranked = sorted((e for e in index.entries if e.strong or e.domain or e.in_heading), key=lambda e: -e.score)
    if not ranked:
        return None
    # A printed web page is about the site whose address it prints: that breaks a tie with its host.
    own = [e for e in ranked if e.domain and any(domain_matches(e.name, d) for d in index.own_sites)]
    ranked.sort(key=lambda e: (-e.score, e not in own))
    best = ranked[0]
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    # 'Your case study on the ICO's Regulatory Sandbox' ... 'The Sandbox is part of the ICO': a unit the
    # subject line or a heading names, inside the organisation named most (the sender), is the lab.
    if len(ranked) > 1 and best.as_host and not ranked[1].as_host and ranked[1].in_heading and not best.in_heading \
            and runner >= 3.0 and ranked[1].strong and (len(ranked) < 3 or runner >= 1.8 * ranked[2].score):
        return ranked[1]
    if best.score >= 3.0 and best.score >= 1.8 * runner:
        return best
    if own == [best] and best.score >= 3.0 and best.score >= runner and not best.as_host:
        return best
    # Named in the document's title or a heading, unlike the runner-up, and still named more often:
    # 'Staatssecretaris lanceert Digicampus' over a release that also names its host often.
    if best.in_heading and len(ranked) > 1 and not ranked[1].in_heading and best.score >= TITLED_LEAD * runner:
        return best
    # 'Wie meer wil weten, vindt veel op www.astron.nl': the only lab whose site the text gives, named
    # most, is what the text is about; the others are named in passing.
    if best.domain and len(ranked) > 1 and not any(e.domain for e in ranked[1:]) and best.score >= 3.0 \
            and best.score >= TITLED_LEAD * runner and not best.as_host:
        return best
    # 'Novum, het innovatielab van de SVB': the runner-up is where the lab sits, not a rival.
    if len(ranked) > 1 and best.score >= runner and ranked[1].as_host and not best.as_host and best.score >= 3.0:
        return best
    # '... il fait partie de l'Agence X (AX)', then 'financé par l'AX': the host named more often, close behind.
    if len(ranked) > 1 and best.as_host and not ranked[1].as_host and runner >= 3.0 and ranked[1].strong \
            and (len(ranked) < 3 or runner >= 1.8 * ranked[2].score):
        return ranked[1]
    return None


def field_heading(text: str) -> bool:
    """Is a heading one field's label alone ('Gouvernance', 'Budget', 'Our people', 'Nos moyens')?"""
    title = strip_numbering(text).strip(" :")
    words = title.split()
    if words and fold_keep(words[0]) in lexicon(None).folded("words", "first_person_possessives"):
        title = " ".join(words[1:])
    found = match_label(f"{title}: x") if title else None
    return found is not None and fold(found.label) == fold(title)
