"""Organisations a text presents rather than names in passing: the subject of a founding ('X was
set up in 2018', 'L'Agence ... (AGETIC) a été créée'), a name the text defines ('X est l'organisme
public qui ...'), a case it ranks ('De derde organisatie is de X'). They join the ``LabIndex`` as
strong entries, with their mentions; patterns in ``subject_names``; appositions in ``appositive_names``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, phrase_regex
from extract.segment.lab_names import NameMention, whole_name
from extract.segment.spelling import domain_matches, function_words, initials_cover, is_acronym
from extract.segment.subject_names import (
    DISTINCTIVE,
    MASTHEAD_LINES,
    MIN_COINED_USES,
    defined_french_subject,
    defined_subject,
    founded_acronym_subject,
    founded_french_subject,
    founded_subject,
    french_name,
    head_part,
    longest_first,
    presented_name,
    ranked_subject,
    subject_name,
    subject_words,
    titled_with_article,
    written_in_lower_case,
)

if TYPE_CHECKING:
    from extract.segment.lab_index import LabEntry, LabIndex

FOUNDING_CLAUSE_CHARS = 80
MIN_BODY_NOUN_NAME_WORDS = 4
NEARBY_CHARS = 300


def add_founded_subjects(index: LabIndex, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
    """'Jakarta Smart City werd in december 2014 opgericht', 'The Harbour Office was set up in 2019':
    a name that is the subject of a founding verb is an organisation, head noun or not."""
    known = {fold_keep(e.name) for e in index.entries}
    article_words = index.lex.folded("words", "articles")
    starts, texts, at = [], [], 0
    for k, i in enumerate(body):
        # A heading ends where its line does: '2. Luxinnovation' over 'Luxinnovation a été fondée'
        # is not one name twice; nor is a title line the paragraph under it opens with ('Harbour Lab'
        # over 'Harbour Lab was set up ...', 'Kiesbureau' over 'Het Kiesbureau werd ...'; a
        # plain-text heading has no role).
        text = lines[i].text
        repeated = k + 1 < len(body) and bool(text.strip()) and _opens_with(lines[body[k + 1]].text, text.strip(), article_words)
        if (lines[i].role == "heading" or repeated) and text.rstrip()[-1:] not in ".!?:":
            text += "."
        starts.append(at)
        texts.append(text)
        at += len(text) + 1
    joined = " ".join(texts)
    folded = fold_keep(joined)
    # 'X werd opgericht', and 'X is sinds de oprichting in 2005 uitgegroeid tot ...'.
    verbs = phrase_regex(index.lex.words("founded", "verbs") + index.lex.words("founded", "nouns"))
    # ... and a sentence's opening adverb: 'Today Kansallisarkisto is a government agency'.
    determiners = (index.lex.folded("words", "determiners") | index.lex.folded("labs", "determiners")
                   | index.lex.folded("words", "time_adverbs"))
    # 'De eerste is a2i in Dhaka', 'The second case is Harbour Office': presented as a case.
    verbs_presenting = alternation(index.lex.words("labs", "presenting_verbs"), any_space=False)
    articles = alternation(index.lex.words("words", "articles"), any_space=False)
    elided = alternation(index.lex.words("words", "elided_articles"), any_space=False)
    # 'The second case is X', 'Le premier de ces acteurs est l'X': up to three words between.
    presented = re.compile(index.lex.regex("labs", "ordinals").pattern + rf"(?:\s+\w+){{0,3}}\s+(?:{verbs_presenting})\s+"
                           rf"(?:(?:{articles})\s+|{elided})?")
    subjects = [(m, True) for m in founded_subject().finditer(joined)]
    # Where both read the same clause, the name its acronym delimits is the longer, whole one.
    longer = list(founded_acronym_subject().finditer(joined))
    ends = {m.end() for m in longer}
    subjects = [(m, p) for m, p in subjects if m.end() not in ends] + [(m, True) for m in longer]
    # ... and a French name in full is the longer one ('La Cinémathèque royale de Belgique, que ...,
    # a été fondée', not 'Belgique').
    french = list(founded_french_subject().finditer(joined))
    subjects = [(s, p) for s, p in subjects if not any(m.start(1) <= s.start(1) and s.end(1) <= m.end(1) for m in french)]
    french = [m for m in french if not any(s.start(1) < m.end(1) and m.start(1) < s.end(1) for s, _ in subjects)]
    subjects += [(m, True) for m in french]
    subjects.sort(key=lambda pair: pair[0].start())
    subjects += [(n, False) for p in presented.finditer(folded) if (n := presented_name().match(joined, p.end()))]
    # 'De Algemene Rekenkamer is de oudste van de drie': ranked among the cases, as a case.
    # (a name read twice is found in the index the second time). Not a lab the index has under a
    # shorter name or its acronym: 'De Deense Energistyrelsen ... is het oudste', 'Het Serviço ... (Serpro) is'.
    subjects += [(ranked, False) for ranked in (*ranked_subject(french=True).finditer(joined),
                                                 *ranked_subject().finditer(joined))
                 if not (ranked.group("acr") and index.lookup(ranked.group("acr")))
                 and not any(ranked.group(1).endswith(f" {e.name}") for e in index.entries)]
    subjects += [(n, False) for n in _referents(index, joined, folded, verbs)]
    subjects.sort(key=lambda pair: pair[0].start())
    strong = [e for e in index.entries if e.strong and (e.domain or e.mentions >= 2)]
    not_heads = index.lex.folded("labs", "not_heads")
    places_before = index.lex.folded("title", "location_prepositions")
    bodies = {w for w in index.lex.folded("governance", "body_nouns") if " " not in w}
    agent = re.compile(rf"\b(?:{alternation(index.lex.words('words', 'agent_markers'))})\s+(?:\w+\s+)?$")
    # An indefinite article after the verb opens its object: the subject founded something else.
    object_after = re.compile(rf"\s+(?:{alternation(index.lex.words('words', 'indefinite_articles'))})\s")
    # 'the year in which the College of Justice was founded': a founding that dates something else.
    relative = re.compile(rf"\b(?:{alternation(index.lex.words('words', 'pure_relatives'))})\s+"
                          rf"(?:(?:{alternation(index.lex.words('words', 'articles'))})\s+)?$")
    for m, passive in subjects:
        verb = verbs.search(folded, m.end(), min(len(folded), m.end() + FOUNDING_CLAUSE_CHARS)) if passive else m
        if verb is None or (passive and re.search(r"[.;:!?]", joined[m.end():verb.start()])):
            continue
        if passive and relative.search(folded, max(0, m.start(1) - RELATIVE_CHARS), m.start(1)):
            continue
        around = joined[max(0, m.start() - NEARBY_CHARS):m.end() + NEARBY_CHARS]
        words = subject_words(m.group(1), determiners)
        name = " ".join(words)
        if any(fold_keep(name).startswith(f"{phrase} ") for phrase in index.lex.folded("labs", "replaced")):
            continue  # 'Héritier du Garde-Meuble de la Couronne créé par Colbert en 1663, le Mobilier national ...'

        nearby = [e for e in strong if whole_name(e.name).search(around) and e.name not in m.group(1)]
        if m in french:  # a name in full, head and complements: another name only within its sentence
            nearby = [e for e in nearby if whole_name(e.name).search(_sentence_at(joined, m.start()))]
        elif len(words) >= 2:
            # 'Meer op enova.no. De Deutsche Energie-Agentur, kortweg dena, is in 2000 opgericht': a lab of
            # the sentences before is another lab; its other name comes with it or after it.
            opening = _sentence_start(joined, m.start())
            nearby = [e for e in nearby if whole_name(e.name).search(joined, opening, m.end() + NEARBY_CHARS)]
        if nearby and len(words) == 1 and not DISTINCTIVE.search(name) and _plain_name(name, joined, index.lex) and not any(
                whole_name(e.name).search(_sentence_at(joined, m.start())) for e in nearby):
            nearby = []  # 'Infrabel, de Belgische tegenhanger, ontstond ...' after a paragraph on ProRail
        aside = [e for e in nearby if whole_name(e.name).search(joined, m.end(1), m.end())]
        if len(aside) == 1 and len(nearby) == 1 and len(words) >= 2 and index.lookup(name) is None:
            # 'La Cinémathèque royale de Belgique, que le public connaît sous le nom de Cinematek, a été
            # fondée': the name its apposition gives (and its site, cinematek.be) is the other name.
            other = aside[0]
            if is_acronym(other.name) and not other.acronym:
                other.acronym = other.name  # 'The Geological Survey of Denmark and Greenland (GEUS) was formed'
            other.name = name
            index.add_alias(other, name)
            _founded_entry(index, other, body, texts)
            continue
        if nearby:
            # 'The Abu Dhabi Digital Authority, known by its initials ADDA, was created': ADDA (named by
            # adda.gov.ae) spelled out. Else 'Het Vlaams Datanutsbedrijf werd opgericht ... Athumi is
            # ...': a known lab's other name.
            spelled = [e for e in nearby if is_acronym(e.name) and not e.acronym and initials_cover(e.name, words)]
            if len(spelled) == 1 and index.lookup(name) is None:
                known_acronym = spelled[0]
                known_acronym.acronym, known_acronym.name = known_acronym.name, name
                index.add_alias(known_acronym, name)
                _founded_entry(index, known_acronym, body, texts)
            continue
        if len(words) >= 2 and fold_keep(words[0]) in places_before:
            continue  # 'In Hoogstraten werd de eerste vrouwenafdeling geopend': where, not who
        if passive and m.groupdict().get("active") is not None and (
                (words and fold_keep(words[0]) in not_heads) or agent.search(folded[max(0, m.start() - 20):m.start(1)])
                or object_after.match(folded, verb.end())):
            # 'The Ministry created the lab', 'door de Seoul Metropolitan Government opgericht', 'Since 2015
            # the US Department of Defense has created a series of small units': who founded it
            continue
        # One plain word is a name when it has the letters of one ('18F'), its own site
        # ('Luxinnovation a été fondée en 1984' and luxinnovation.lu), or an article the text
        # capitalises inside a sentence ('de begroting van Het Waterschapshuis'): then the
        # article is part of the name.
        titled = titled_with_article(joined, name, index.lex) if len(words) == 1 else None
        distinctive = len(words) == 1 and (DISTINCTIVE.search(name) is not None or titled is not None or any(
            d.removeprefix("www.").split(".")[0] == fold_keep(name) for d in domains) or _plain_name(name, joined, index.lex))
        name = titled or name
        if not passive and not distinctive and len(words) < 2:
            continue
        # ('the Mortlake Crematorium Board, a joint board set up by Act ...' says it is a body of its own).
        if words and fold_keep(words[-1]) in bodies and len(words) < MIN_BODY_NOUN_NAME_WORDS \
                and not (passive and m.groupdict().get("apposed")):
            # 'Its Governing Board, inaugurated under the Act,': a lab's body, not a lab; a longer
            # name is an organisation's ('The Irish Human Rights and Equality Commission was established').
            continue
        acronym = m.groupdict().get("acr") if passive else None
        if (entry := index.lookup(name) or (index.lookup(acronym) if acronym else None)) is not None:
            if passive and not entry.as_subject and not entry.as_host:
                _founded_entry(index, entry, body, texts)  # its founding presents it
            if passive and name.endswith(f" {entry.name}") and not index.lookup(words[0]):
                entry.name = name  # 'De Deutsche Energie-Agentur ... is opgericht': the name in full
                index.add_alias(entry, name)
            continue
        if (not (len(words) >= 2 or distinctive) or fold_keep(name) in known or index.speakers & {name}):
            continue  # a name the index has, or another name of one it has ('AMS Institute')
        line = body[bisect_right(starts, m.start(1)) - 1]
        entry = subject_entry(index, name, line, body, texts, domains, acronym=acronym)
        if passive:
            _founded_entry(index, entry, body, texts)
        known.add(fold_keep(name))
    for referent in _pronoun_referents(index, joined, folded, verbs):
        if not referent.as_subject and not referent.as_host:
            _founded_entry(index, referent, body, texts)  # '... It was set up in 2001': its founding presents it
    _founded_known_names(index, joined, folded, verbs, body, texts)
    _defined_subjects(index, lines, joined, folded, starts, body, texts, domains, known)
    _called_subjects(index, joined, starts, body, texts, domains, known)


MAX_LOWER_CASE_NAME_WORDS = 6
RELATIVE_CHARS = 20
"""How far before a founded subject a relative word ('in which the') is looked for."""


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("! ", 0, at), text.rfind("? ", 0, at)) + 1


def _sentence_at(text: str, at: int) -> str:
    start = _sentence_start(text, at)
    stops = [k for k in (text.find(". ", at), text.find("! ", at), text.find("? ", at)) if k >= 0]
    return text[start:min(stops) if stops else len(text)]


@lru_cache(maxsize=32)
def _plain_name(word: str, joined: str, lex: Lexicon) -> bool:
    """'Infrabel, de Belgische tegenhanger, ontstond op 1 januari 2005': one plain word the text keeps
    using as a name (twice at least, never in lower case) and that names no place and no kind of
    organisation ('the Bureau was set up in 1931' speaks of a bureau named before). Cached: a founded
    subject asks it twice (beside another lab, then as a one-word name), each time reading the text."""
    from extract.nlp import stop_words
    from extract.normalize import country_code
    from extract.normalize.countries import city_country

    kinds = (lex.folded("labs", "heads") | lex.folded("labs", "definition_nouns") | lex.folded("labs", "not_heads")
             | lex.folded("governance", "org_heads") | stop_words(lex.lang))
    articles = alternation((*lex.words("words", "articles"), *lex.words("words", "elided_articles")),
                           folded=False, any_space=False)
    said = [joined[max(0, m.start() - 12):m.start()] for m in whole_name(word).finditer(joined)]
    # Used inside a sentence ('geen onderdeel van Infrabel'), never after an article ('the Division').
    return (fold_keep(word) not in kinds and len(said) >= MIN_COINED_USES
            and any(re.search(rf"[{LOWERCASE},]\s+$", before) for before in said)
            and not any(re.search(rf"(?i:\b(?:{articles}))\s*$", before) for before in said)
            and not written_in_lower_case(word, joined)
            and country_code(word, None) is None and city_country(word) is None)


def _opens_with(line: str, title: str, articles: frozenset[str]) -> bool:
    """Does ``line`` open with ``title``, after the article a sentence puts before a name?"""
    words = line.split(maxsplit=1)
    return line.startswith(title) or (len(words) == 2 and fold_keep(words[0]) in articles
                                       and words[1].startswith(title))


def _founded_known_names(index: LabIndex, joined: str, folded: str, verbs: re.Pattern[str],
                         body: Sequence[int], texts: list[str]) -> None:
    """"L'Incubateur du patrimoine a été lancé en avril 2018": a name the index has, with the words
    in lower case a French name keeps, as the subject of a founding in the passive."""
    auxiliaries = alternation(index.lex.words("founded", "subject_auxiliaries"), folded=False)
    links = function_words()
    for entry in list(index.entries):
        words = entry.name.split()
        # Only what the capitalised-name patterns cannot read: a capital, then a word in lower case.
        if (entry.as_subject or entry.as_host or not 2 <= len(words) <= MAX_LOWER_CASE_NAME_WORDS
                or not words[0][:1].isupper() or re.search(r"[.,;:!?()]", entry.name)
                or not any(w[:1].islower() and fold_keep(w) not in links for w in words[1:])):
            continue
        # "La Direction des achats de l'État (DAE) a été créée": its acronym may come between.
        for m in re.finditer(rf"{whole_name(entry.name).pattern}(?:\s+\([^()]{{1,15}}\))?\s+(?:{auxiliaries})\b", joined):
            verb = verbs.search(folded, m.end(), min(len(folded), m.end() + FOUNDING_CLAUSE_CHARS))
            if verb is not None and not re.search(r"[.;:!?]", joined[m.end():verb.start()]):
                _founded_entry(index, entry, body, texts)
                break


def _founded_entry(index: LabIndex, entry: LabEntry, body: Sequence[int], texts: list[str]) -> None:
    """A lab the index has, presented by its founding. 'The Innovation Team of the Government
    Office was set up in 2018 ... our Innovation Team': the name's lab part alone, where it is not
    another name's start, is this lab too."""
    if not entry.as_subject and not entry.in_heading:
        entry.in_heading += 1  # its founding presents it, as a heading would ('le Citilab a ouvert ses portes')
    entry.as_subject += 1
    entry.strong = True
    short = head_part(entry.name, index.lex)
    if short is None:
        return
    if (other := index.lookup(short)) is not None:
        if other is not entry and not other.as_host:
            index.adopt(entry, short, acronym=False)  # 'our Design Team' is the Design Team of the Ministry
        return
    links = longest_first(index.lex.words("labs", "name_links"))
    pattern = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?!\s+(?:{links})\s)")
    for k, i in enumerate(body):
        for found in pattern.finditer(texts[k]):
            entry.mentions += 1
            mention = NameMention(found.start(), found.end(), short, None, head="", strong=True)
            index.mentions_by_line.setdefault(i, []).append((mention, entry))
    index.add_alias(entry, short)

def _one_fuller(index: LabIndex, name: str) -> LabEntry | None:
    """The one defined lab whose name ends with ``name`` (two words at least, its article left out)."""
    from extract.segment.index_merges import index_key_of

    key = index_key_of(name)
    if len(key.split()) < 2:
        return None
    found = [e for e in index.entries if e.defined and index_key_of(e.name).endswith(f" {key}")]
    return found[0] if len(found) == 1 else None


def subject_entry(index: LabIndex, name: str, line: int, body: Sequence[int], texts: list[str], domains: set[str],
                   acronym: str | None = None) -> LabEntry:
    """An organisation the text presents (founded, ranked among the cases, defined), with its mentions.
    'The Market Authority' the index knows as the defined 'Covent Garden Market Authority' is that one."""
    fuller = _one_fuller(index, name) if acronym is None and index.lookup(name) is None else None
    entry = fuller or index.entry_for(name, acronym, line)
    entry.strong = True
    entry.domain = any(domain_matches(name, d) for d in domains)
    entry.in_heading += 1  # its founding or its place among the cases presents it, as a heading would
    names = [name] + ([acronym] if acronym else [])
    for k, i in enumerate(body):
        for said in names:
            for found in whole_name(said).finditer(texts[k]):
                entry.mentions += 1
                mention = NameMention(found.start(), found.end(), said, None, head="", strong=True)
                index.mentions_by_line.setdefault(i, []).append((mention, entry))
    return entry

def _defined_subjects(index: LabIndex, lines: Sequence[Line], joined: str, folded: str, starts: list[int],
                      body: Sequence[int], texts: list[str], domains: set[str], known: set[str]) -> None:
    """'Innoviris est l'organisme public qui finance ...', 'Oost NL is de ontwikkelingsmaatschappij
    van ...': a name the text defines as an organisation is one, head noun or not. A single plain
    word must be a name the text keeps using, never in lower case, and no place."""
    from extract.normalize import country_code
    from extract.normalize.countries import city_country

    nouns = index.lex.folded("labs", "definition_nouns") | index.lex.folded("labs", "heads")
    # ... and a sentence's opening adverb: 'Today Kansallisarkisto is a government agency'.
    determiners = (index.lex.folded("words", "determiners") | index.lex.folded("labs", "determiners")
                   | index.lex.folded("words", "time_adverbs"))
    pronouns = index.lex.folded("governance", "subject_pronouns")
    places_before = index.lex.folded("governance", "place_prepositions")
    kinds = nouns | index.lex.folded("labs", "not_heads") | index.lex.folded("governance", "org_heads")
    plain_names: dict[str, bool] = {}  # a plain word -> used as a name (twice, never in lower case, no place)
    found = list(defined_subject().finditer(joined))
    if index.lang == "fr":
        found += defined_french_subject().finditer(joined)
    for m in found:
        words = subject_words(m.group(1), determiners)
        name = " ".join(words)
        if not name or fold_keep(name) in known or index.speakers & {name}:
            continue
        after = re.findall(r"[\w'’-]+", folded[m.end():m.end() + 80])[:5]
        if not any(w in nouns or w.split("'")[-1].split("’")[-1] in nouns for w in after) \
                and _predicate_head(folded, m.end(), index.lex) not in nouns:
            continue
        if len(words) == 1 and fold_keep(name) in pronouns:
            continue  # 'It is a statutory body ...': the lab named before, not one called 'It'
        if len(words) >= 2 and fold_keep(words[0]) in places_before and (
                country_code(" ".join(words[1:]), None) is not None or city_country(" ".join(words[1:])) is not None):
            continue  # 'In Nederland is de Autoriteit Persoonsgegevens onze tegenhanger': where, not who
        if len(words) == 1 and fold_keep(name) in kinds and not any(
                fold_keep(name) in alias.split() for e in index.entries for alias in e.aliases):
            # 'The Administration is an agency under ...': the lab named before by its kind, in a
            # name the index does not have ('the Bureau' is the Bureau of Meteorology's, which it has).
            continue
        if len(words) == 1 and not DISTINCTIVE.search(name):
            if name not in plain_names:  # each word judged once: a long report says 'It is a ...' often
                plain_names[name] = not (
                    len(whole_name(name).findall(joined)) < MIN_COINED_USES
                    or written_in_lower_case(name, joined)
                    or country_code(name, None) is not None or city_country(name) is not None)
            if not plain_names[name]:
                continue
        line = body[bisect_right(starts, m.start(1)) - 1]
        subject_entry(index, name, line, body, texts, domains)
        known.add(fold_keep(name))
    # The first lines of the document, letterhead included (a letter's body starts below it).
    top = [line.text for line in lines if line.role in ("heading", "body")][:MASTHEAD_LINES]
    for name, at in _letterhead_subjects(index, joined, top):
        if fold_keep(name) not in known:
            subject_entry(index, name, body[bisect_right(starts, at) - 1], body, texts, domains)
            known.add(fold_keep(name))


def _called_subjects(index: LabIndex, joined: str, starts: list[int], body: Sequence[int], texts: list[str],
                     domains: set[str], known: set[str]) -> None:
    """'... een van de vreemdste openbare instellingen van het land. Ze heet de Koninklijke Schenking.':
    a sentence that only names what the text has been describing gives it its name (two words at
    least, or one that is plainly a name; no place)."""
    from extract.normalize import country_code
    from extract.normalize.countries import city_country

    determiners = index.lex.folded("words", "determiners") | index.lex.folded("labs", "determiners")
    for m in _called(index.lex).finditer(joined):
        words = subject_words(m.group(1), determiners)
        name = " ".join(words)
        if not name or fold_keep(name) in known or index.lookup(name) is not None:
            continue
        if not (len(words) >= 2 or DISTINCTIVE.search(name)) or country_code(name, None) is not None \
                or city_country(name) is not None:
            continue
        line = body[bisect_right(starts, m.start(1)) - 1]
        subject_entry(index, name, line, body, texts, domains)
        known.add(fold_keep(name))


@lru_cache(maxsize=4)
def _called(lex: Lexicon) -> re.Pattern[str]:
    """A sentence opening on an 'is called' phrase (``labs.is_called``) and ending on the name it gives."""
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    called = alternation(lex.words("labs", "is_called"), folded=False)
    return re.compile(rf"(?:^|(?<=[.!?:]\s))(?i:{called})\s+(?:(?:{articles})\s+|{elided})?"
                      + subject_name() + r"(?=\s*[.!?;]|\s*$)")


MAX_PREDICATE_WORDS = 8


def _predicate_head(folded: str, start: int, lex: Lexicon) -> str:
    """The last word of the noun phrase after a presenting verb, before its first complement or
    clause: 'is the city's waste and street-cleaning company.' -> 'company' (folded)."""
    phrase = re.match(r"[^,.;:()?!]*", folded[start:start + 120])
    words = re.findall(r"[\w'’-]+", phrase.group() if phrase else "")[:MAX_PREDICATE_WORDS + 1]
    stops = (function_words() | lex.folded("labs", "name_links") | lex.folded("governance", "place_prepositions")
             | lex.folded("words", "relatives")) - lex.folded("words", "articles") - lex.folded("words", "and_words")
    head = ""
    for word in words[:MAX_PREDICATE_WORDS]:
        if word in stops:
            break
        head = word
    return head


LETTERHEAD_NAME_WORDS = 8


def _letterhead_subjects(index: LabIndex, joined: str, top: list[str]) -> list[tuple[str, int]]:
    """'Horizons de politiques Canada' atop a letter whose text says 'Horizons de politiques Canada
    est le centre d'excellence en prospective du gouvernement': a first line the text defines as an
    organisation is its name, lower-case words and all (French and Dutch names keep them). (name,
    offset of the definition)."""
    from extract.normalize.countries import place_name_code

    lex = index.lex
    verbs = alternation(lex.words("labs", "presenting_verbs"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    nouns = lex.folded("labs", "definition_nouns") | lex.folded("labs", "heads")
    found = []
    for line in top:
        name = line.strip(" .,;:")
        words = name.split()
        if not (2 <= len(words) <= LETTERHEAD_NAME_WORDS and name[:1].isupper()) or re.search(r"[\d@/·|]", name):
            continue
        if place_name_code(name) is not None:
            continue
        defined = re.compile(rf"(?:^|(?<=[.!?]\s)){re.escape(name)}\s+(?:{verbs})\s+(?:(?:{articles})\s|{elided})")
        for m in defined.finditer(joined):
            after = re.findall(r"[\w'’-]+", fold_keep(joined[m.end():m.end() + 60]))[:3]
            if any(w in nouns or w.split("'")[-1] in nouns for w in after):
                found.append((name, m.start()))
                break
    return found


_CAPITALISED_RUN = re.compile(rf"(?<![\w-])[{CAPITALS}][\w'’&.-]*(?:\s+[{CAPITALS}][\w'’&.-]*)*")


@cache
def _demonstrative_subject(lex: Lexicon) -> re.Pattern[str]:
    """'Deze eenheid werd', 'This unit was', 'Cette agence a été' at a sentence's start (folded text)."""
    nouns = alternation((*lex.words("labs", "strong_heads"), *lex.words("labs", "definition_nouns")))
    return re.compile(
        rf"(?:^|(?<=[.!?]\s))(?:{alternation(lex.words('labs', 'demonstratives'))})\s+(?:[\w-]+\s+)?(?:{nouns})\s+"
        rf"(?:{alternation(lex.words('founded', 'subject_auxiliaries'))})\b")


def _referents(index: LabIndex, joined: str, folded: str, verbs: re.Pattern[str]) -> list[re.Match[str]]:
    """'Heel anders is Digital Victoria, in Melbourne. Deze eenheid werd in 2020 opgericht': a
    founding told of 'this unit' is the founding of the organisation the sentence before names
    last (places and the sentence's first word aside)."""
    from extract.normalize.countries import city_country, place_name_code

    found = []
    for d in _demonstrative_subject(index.lex).finditer(folded):
        start = _founded_after(joined, folded, verbs, d)
        if start is None:
            continue
        names = [m for m in _CAPITALISED_RUN.finditer(joined, start, d.start())
                 if not (m.start() == start and " " not in m.group(0))
                 and place_name_code(m.group(0)) is None and city_country(m.group(0).strip(" .")) is None]
        if names:
            last = names[-1]
            name = last.group(0).rstrip(" .")
            referent = re.compile(rf"({re.escape(name)})").match(joined, last.start())
            if referent is not None:
                found.append(referent)
    # 'sur l'avis du Conseil d'héraldique et de vexillologie. Ce Conseil a été créé ... en 1985': a
    # host noun after the demonstrative ('Ce Conseil', 'This Council') is the name of that kind the
    # sentence before gives, opening or ending on it, French complements and all.
    for d in _demonstrative_host(index.lex).finditer(folded):
        start = _founded_after(joined, folded, verbs, d)
        if start is None:
            continue
        noun = d.group(1)
        named = [m for m in (*re.finditer(french_name(), joined[:d.start()]), *_CAPITALISED_RUN.finditer(joined, 0, d.start()))
                 if m.start() >= start and len(m.group(0).split()) >= 2
                 and noun in (fold_keep(m.group(0).split()[0]), fold_keep(m.group(0).rstrip(" .").split()[-1]))]
        if named:
            last = max(named, key=lambda m: (m.start(), len(m.group(0))))
            name = last.group(0).rstrip(" .")
            if (joined_on := _joined_complements(index.lex).match(joined, last.start() + len(name))) is not None:
                name += joined_on.group(0)
            referent = re.compile(rf"({re.escape(name)})").match(joined, last.start())
            if referent is not None:
                found.append(referent)
    return found


@cache
def _joined_complements(lex: Lexicon) -> re.Pattern[str]:
    """' et de vexillologie' after "Conseil d'héraldique": complements an 'and' word joins to a name
    (``words.and_words``, ``labs.complement_links``); matches the empty string when there are none."""
    ands = alternation(lex.words("words", "and_words"), folded=False)
    links = alternation(lex.words("labs", "complement_links"), folded=False, longest_first=True)
    return re.compile(rf"(?:\s+(?:{ands})\s+(?:{links})\s*[A-Za-zÀ-ÿ][\w'’-]+)*")


@cache
def _demonstrative_host(lex: Lexicon) -> re.Pattern[str]:
    """'Ce conseil a été', 'This council was' at a sentence's start (folded text): the noun of a host
    (``labs.not_heads``) after a demonstrative, as group 1."""
    return re.compile(
        rf"(?:^|(?<=[.!?]\s))(?:{alternation(lex.words('labs', 'demonstratives'))})\s+({alternation(lex.words('labs', 'not_heads'))})\s+"
        rf"(?:{alternation(lex.words('founded', 'subject_auxiliaries'))})\b")


def _founded_after(joined: str, folded: str, verbs: re.Pattern[str], subject: re.Match[str]) -> int | None:
    """Where the sentence before ``subject`` starts, when a founding verb follows ``subject`` in its
    clause ('This unit was set up ...', 'It was set up ...'); None when none does."""
    verb = verbs.search(folded, subject.end(), min(len(folded), subject.end() + FOUNDING_CLAUSE_CHARS))
    if verb is None or re.search(r"[.;:!?]", joined[subject.end():verb.start()]):
        return None
    before = max(joined.rfind(". ", 0, subject.start() - 2), joined.rfind("? ", 0, subject.start() - 2),
                 joined.rfind("! ", 0, subject.start() - 2))
    return before + 2 if before >= 0 else 0


@cache
def _pronoun_subject(lex: Lexicon) -> re.Pattern[str]:
    """'It was', 'Het werd', 'Il a été' opening a sentence (folded text)."""
    pronouns = alternation(lex.words("governance", "subject_pronouns"))
    return re.compile(rf"(?<=[.!?]\s)(?:{pronouns})\s+(?:{alternation(lex.words('founded', 'subject_auxiliaries'))})\b")


def _pronoun_referents(index: LabIndex, joined: str, folded: str, verbs: re.Pattern[str]) -> list[LabEntry]:
    """'The Rural Payments Agency is the oldest of the three. It was set up in October 2001 ...': a
    founding told of 'it' is the founding of the sentence before's subject, when that subject is a
    name the index holds."""
    articles = index.lex.folded("words", "articles")
    found = []
    for p in _pronoun_subject(index.lex).finditer(folded):
        start = _founded_after(joined, folded, verbs, p)
        if start is None:
            continue
        run = _CAPITALISED_RUN.match(joined, start)
        if run is None:
            continue
        words = run.group(0).rstrip(" .").split()
        while words and fold_keep(words[0]) in articles:
            words = words[1:]
        entry = index.lookup(" ".join(words)) if len(words) >= 2 else None
        if entry is not None:
            found.append(entry)
    return found
