"""Founding year: a year tied to a founding verb or noun in the same clause and close to it.

nl 'opgericht (in)', 'in 1996 opgericht', 'sinds de oprichting eind 2019'; en 'founded/set up in',
'since its founding in'; fr 'fondé en', 'depuis sa création en' (words in rules/*.yml). A year
in an unrelated clause is not the lab's founding: the year must sit at most a few words from the
trigger, not behind an agent ('in 2016 door X gelanceerd') nor in a relative clause about
another organisation ('..., which was founded in 2010'). 'X bestaat sinds 2012' and 'X <verb>
sinds 2020' (X the lab) are the fallback.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from extract.extractors.context import SectionContext
from extract.models import Candidate
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.segment.acronyms import organisation_nouns
from extract.segment.name_affixes import article_before_name
from extract.segment.spelling import is_acronym
from extract.segment.titles import YEAR

_WORDS = re.compile(r"[\w'’-]+")
# A founding can be old ('Kartverket werd in 1773 opgericht', 'dates back to 1628'); elsewhere a
# number before 1800 is rarely a year, so only a founding word or label reads one.
# Not a range's second year ('2010-2011') nor a figure's digits; a date's year is one ('per 1-1-2009').
FOUNDING_YEAR = re.compile(r"(?:(?<![\d.,\-–/])|(?<=\b\d[-./]\d[-./])|(?<=\b\d[-./]\d\d[-./])|(?<=\b\d\d[-./]\d[-./])"
                           r"|(?<=\b\d\d[-./]\d\d[-./]))(1[5-9]\d\d|20\d\d)(?![\d\-–/])")
# A capitalised name right before the verb, as its subject: 'Smart Docklands, opened in 2018',
# 'the Dublinked portal was launched'. Only with a comma or a passive auxiliary between them: in
# 'Nesta launched the lab in 2014' the name is the agent and the year can be the lab's.
@cache
def _named_subject() -> re.Pattern[str]:
    lex = lexicon(None)
    links = alternation(lex.words("founded", "subject_links"), folded=False, any_space=False)
    auxiliaries = alternation(lex.words("founded", "passive_auxiliaries"), folded=False, any_space=False)
    return re.compile(rf"((?:[{CAPITALS}][\w'’&-]*)(?:\s+(?:[{CAPITALS}][\w'’&-]*|{links}))*)"
                      rf"\s*(?:,\s*|\s+(?:{auxiliaries})\s+)$")


@cache
def _bare_named_object() -> re.Pattern[str]:
    """A capitalised name right before the founding verb on its line, no comma or auxiliary between them."""
    links = alternation(lexicon(None).words("founded", "subject_links"), folded=False, any_space=False)
    return re.compile(rf"((?:[{CAPITALS}][\w'’&-]*)(?:[ \t]+(?:[{CAPITALS}][\w'’&-]*|{links}))*)[ \t]+$")


def _participle_of_name(ctx: SectionContext, s0: int, verb_start: int) -> bool:
    """'lui-même héritier du Haut Comité institué en 1966': a founding verb right after a name that
    completes a preposition, then a date, in a clause with no auxiliary of its own (not Dutch 'Novum
    is in 2016 binnen de SVB begonnen', nor 'a group of Fellows founded 18F'), and the name no place
    ('in The Hague dates from 1973')."""
    from extract.normalize.countries import city_country, place_name_code

    bare = _bare_named_object().search(ctx.text, s0, verb_start)
    if bare is None or not _is_name(bare.group(1)) or _is_own_name(bare.group(1), ctx) \
            or not _after_preposition().search(ctx.text, max(s0, bare.start() - 20), bare.start()):
        return False
    if place_name_code(bare.group(1)) or city_country(bare.group(1)):
        return False
    clause = re.split(r"[;,:]", ctx.folded[s0:bare.start()])[-1]
    if ctx.lex.regex("founded", "passive_auxiliaries").search(clause):
        return False
    return _dated_verb(ctx.lex).match(ctx.folded, verb_start) is not None


@cache
def _dated_verb(lex: Lexicon) -> re.Pattern[str]:
    """A verb, then a date: 'institué en 1966', 'set up on 1 April' (governance.time_prepositions)."""
    times = alternation(lex.words("governance", "time_prepositions"))
    return re.compile(rf"[\w'’-]+\s+(?:(?:{times})\s+)?(?:\d+\b|(?:{times})\b)")


FOUNDED_AFTER_MAX = 4
SUBJECT_LEAD_WORDS = 3
"""Words of a sentence up to its subject: 'The francophone CREDAF'."""
OBJECT_ASIDE_WORDS = 4
FOUNDED_BEFORE_MAX = 3
NAMED_SUBJECT_WORDS = 2
"""Words the lab's kind and article may add between a year and the verb, besides its name ('1979 the
foundation Swedfund was set up')."""
# 'since 2010' opening a fragment of a fact line or a line of its own.
_FACT_SEPARATORS = frozenset("·|•—–\n(,;")
_PROGRESSIVE = re.compile(r"\b(?:has|have)\s+been\s+\w+ing\s+$")


def _date_before(folded: str, start: int, year: int) -> str | None:
    """The day and month (or month) written right before the year at ``year``, or None."""
    found = _date_at_end().search(folded, max(start, year - 30), year)
    return found.group(0).strip() if found else None


@cache
def _date_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{_day_month().pattern})$")


@cache
def _day_month() -> re.Pattern[str]:
    """A day's number, its ordinal suffix (founded.ordinal_suffixes) and a month: '1 januari', '1er janvier';
    or a month alone: 'sinds februari 2015' (matched in the folded text)."""
    from extract.normalize.dates import month_names

    suffixes = alternation(lexicon(None).words("founded", "ordinal_suffixes"), folded=False, any_space=False,
                           longest_first=True)
    return re.compile(rf"\s+(?:\d{{1,2}}(?:{suffixes})?\s+[^\W\d]{{3,10}}|(?:{month_names()})\.?)\s+")


AGAIN_PREFIX_CHARS = 6


@lru_cache(maxsize=8)
def _refounded(lex: Lexicon) -> re.Pattern[str]:
    """'re-established', 'ré-ouvert': a prefix of doing again right before a founding verb (folded text)."""
    return re.compile(rf"(?<![\w-])(?:{alternation(lex.words('founded', 'again_prefixes'))})$")


def founded_year_candidates(ctx: SectionContext, family: str, version: str) -> list[Candidate]:
    """Founding years: the founded label, a founding verb/noun next to a year, else 'since <year>'."""
    out = []
    if (label := ctx.label_value("founded")) is not None:
        value, start, _end = label
        if ctx.lex.regex("budget", "unknown").match(fold_keep(value)):
            return []  # 'A4 Jaar van oprichting: n.b. – ...': the form says the year is not known
        m = FOUNDING_YEAR.search(value)
        before = fold_keep(value[:m.start()]) if m else ""
        if m and ctx.lex.regex("founded", "name_words").search(before) and not ctx.lex.regex("founded", "verbs").search(before):
            m = None  # 'Sinds: naam sinds 2014' dates the name, not the lab ('Lancé sous ce nom en 2016' does)
        if m:
            s = start + m.start()
            out.append(ctx.candidate("founded_year", int(m.group(1)), s, s + 4, family=family, version=version,
                                     prior="label", ner=("DATE",)))
    years = list(FOUNDING_YEAR.finditer(ctx.text))
    agents = ctx.lex.regex("words", "agent_markers")
    found: list[tuple[re.Match[str], int, bool]] = []
    for kind in ("verbs", "nouns", "activity_verbs"):
        if kind == "activity_verbs" and (out or found):
            break  # starting work dates a lab only when nothing says when it was founded
        verb = kind != "nouns"
        for trigger in ctx.lex.regex("founded", kind).finditer(ctx.folded):
            if _refounded(ctx.lex).search(ctx.folded, max(0, trigger.start() - AGAIN_PREFIX_CHARS), trigger.start()):
                continue  # 'dissolved in 1945 and re-established in Bonn in 1950': founded before that
            s0, e0 = ctx.sentence_span(trigger.start())
            if verb and (_other_subject(ctx, s0, trigger.start()) or _lab_creates_another(ctx, s0, trigger.start(), trigger.end())):
                continue
            for y in years:
                if not (s0 <= y.start() < e0):
                    continue
                if y.start() >= trigger.end():
                    distance = ctx.token_distance(trigger.end(), y.start())
                    # 'set up ... in April 2013', 'créée par un décret du 3 mars 2016': the date is one word.
                    if (date := _date_before(ctx.folded, trigger.end(), y.start())) is not None:
                        distance -= len(date.split())
                    limit = FOUNDED_AFTER_MAX
                    if agents.search(ctx.folded, trigger.end(), y.start()):
                        limit += 3  # 'founded by the Ministry of Finance in 2010'
                    if _law_year(ctx, trigger.end(), y):
                        limit += LAW_NAME_WORDS  # 'established under section 28 of the X Act, No. 28 of 2013'
                    if verb and _lab_as_object(ctx, trigger.end()):
                        limit += OBJECT_ASIDE_WORDS  # 'set up the Commission on a non-statutory basis in 1997'
                    if verb and _closing_date(ctx, trigger.end(), y):
                        limit += CLOSING_DATE_WORDS  # 'créées à Bruxelles pendant la période autrichienne, en 1773'
                    if distance > limit:
                        continue
                elif verb and y.end() <= trigger.start():
                    distance = ctx.token_distance(y.end(), trigger.start())
                    # 'in 1996 opgericht' yes; 'in 2016 door X werd gelanceerd' is someone else's act.
                    agent = agents.search(ctx.folded, y.end(), trigger.start()) is not None
                    passive = agent and _lab_in_passive(ctx, s0, y.start())
                    # 'werd in 2016 door de stad Ulm geopend': the agent's words stand between them.
                    # 'Le 14 juillet 1971, l'Assemblée adoptait la Loi ...; la même loi créait l'Office': a
                    # date opening the sentence dates the founding its verb tells of the lab.
                    # 'Le 18 décembre 2015, ..., un groupement baptisé Luxembourg for Tourism (LFT) a été
                    # constitué': the lab named between the opening date and the verb, as its subject.
                    framing = _opening_date(ctx, s0, y) and (_lab_as_object(ctx, trigger.end())
                                                             or _lab_named_between(ctx, y.end(), trigger.start()))
                    # 'in January 1979 the foundation Swedfund was set up': the lab named as the verb's subject
                    # stands between them; its name is no distance.
                    subject = _subject_name_words(ctx, y.end(), trigger.start()) if not agent else 0
                    distance -= subject + _place_words(ctx, y.end(), trigger.start())
                    if not framing and (distance > FOUNDED_BEFORE_MAX + (AGENT_WORDS if passive else 0)
                                        + (NAMED_SUBJECT_WORDS if subject else 0) or (agent and not passive)):
                        continue
                else:
                    continue
                found.append((y, distance, ctx.told_of_lab(s0, trigger.start())))
    # 'het nieuwe Konsumentverket ging op 1 juli 1976 van start' beside 'Het ambt van Konsumentombudsman
    # werd in 1970 ingesteld': a founding told of the lab by name is surer than one told of no one named.
    any_named = any(named for _, _, named in found)
    for y, distance, named in found:
        distance += UNNAMED_WORDS if any_named and not named else 0
        out.append(ctx.candidate("founded_year", int(y.group(1)), y.start(), y.end(), family=family,
                                 version=version, prior="anchored", distance=distance, ner=("DATE",)))
    if not out:
        out += _timeline(ctx, family, version)
    if not out:
        out += _since(ctx, family, version)
    return _under_first_name(ctx, _after_merger(ctx, out))


def _under_first_name(ctx: SectionContext, found: list[Candidate]) -> list[Candidate]:
    """'La CNCDH est née d'un arrêté du 17 mars 1947 ... sous le nom de « Commission consultative ... »',
    then 'Le décret du 30 janvier 1984 l'a instituée comme ...': a founding told with the name the lab
    then had is its start; later foundings gave it a new name or status."""
    names = ctx.lex.regex("founded", "name_words")
    first = [c.value for c in found if isinstance(c.value, int) and c.provenance.text
             and names.search(fold_keep(c.provenance.text)) and not _opens_on_other_name(ctx, c.provenance.text)]
    if not first or len(found) < 2:
        return found
    start = min(first)
    return [c for c in found if not isinstance(c.value, int) or c.value <= start]


def _after_merger(ctx: SectionContext, found: list[Candidate]) -> list[Candidate]:
    """'De stichting ontstond op 23 juni 2006 door een fusie van ... Het Centrum ... was in 1989
    opgericht': a founding told with a merger is the lab's start; the older years are its
    predecessors'."""
    mergers = ctx.lex.regex("founded", "merger_words")
    merged = [c.value for c in found if isinstance(c.value, int) and c.provenance.text
              and mergers.search(fold_keep(c.provenance.text)) and not _opens_on_other_name(ctx, c.provenance.text)]
    if not merged:
        return found
    start = min(merged)
    return [c for c in found if not isinstance(c.value, int) or c.value >= start]


_TIMELINE_ENTRY = re.compile(r"^[ \t•·*-]*((?:19|20)\d\d)\s*[–—:-]\s+(\S.*)$", re.MULTILINE)


def _timeline(ctx: SectionContext, family: str, version: str) -> list[Candidate]:
    """'Our journey • 2004 – Cyberport opens its doors', 'Notre histoire • 2018 — lancement officiel':
    the first entry of a timeline whose event is a founding (a founding verb or noun), naming the lab
    or no one else."""
    verbs, nouns = ctx.lex.regex("founded", "verbs"), ctx.lex.regex("founded", "nouns")
    for entry in _TIMELINE_ENTRY.finditer(ctx.text):
        event = ctx.folded[entry.start(2):entry.end(2)]
        if not (verbs.search(event) or nouns.search(event)):
            continue
        if _other_subject(ctx, entry.start(2), entry.end(2)) and not ctx.refers_to_lab(entry.group(2)):
            continue
        return [ctx.candidate("founded_year", int(entry.group(1)), entry.start(1), entry.end(1), family=family,
                              version=version, prior="anchored", ner=("DATE",))]
    return []


@cache
def _passive_before_year(lex: Lexicon) -> re.Pattern[str]:
    """'<subject> werd in ' before a year: the subject, then a passive auxiliary and a preposition."""
    auxiliaries = alternation(lex.words("founded", "passive_auxiliaries"), folded=False)
    return re.compile(rf"^(.*?)\s(?:{auxiliaries})\s+(?:\w+\s+)?$")


def _lab_in_passive(ctx: SectionContext, sentence_start: int, year_start: int) -> bool:
    """'Het Kestrelhuis werd in 2016 door de stad Ulm geopend': the lab is the passive's subject,
    so the agent's act is the lab's founding."""
    found = _passive_before_year(ctx.lex).search(ctx.folded[sentence_start:year_start])
    return found is not None and ctx.refers_to_lab(ctx.text[sentence_start:sentence_start + len(found.group(1))])


AGENT_WORDS = 4
"""The agent of a passive ('door de stad Ulm') between its year and its verb."""
LAW_NAME_WORDS = 14
"""A founding law's name and number run between its verb and its year."""


OPENING_DATE_CHARS = 25


def _opening_date(ctx: SectionContext, s0: int, year: re.Match[str]) -> bool:
    """Does the sentence open on a date that ends with ``year`` and a comma ('Le 14 juillet 1971,', 'In 1971,')?"""
    lead = ctx.text[s0:year.start()]
    return len(lead.strip()) < OPENING_DATE_CHARS and ctx.text[year.end():year.end() + 1] == ","


def _place_words(ctx: SectionContext, start: int, end: int) -> int:
    """The words of a place complement between a year and its verb ('werd in 1948 in Frankfurt am Main
    opgericht'): a place preposition and a place's name, its short links included."""
    found = _place_complement(ctx.lex).search(ctx.text, start, end)
    return len(found.group(0).split()) if found is not None else 0


@cache
def _place_complement(lex: Lexicon) -> re.Pattern[str]:
    """'in Frankfurt am Main', 'à Bruxelles' closing the text before a verb."""
    prepositions = alternation(lex.words("governance", "place_prepositions"), folded=False, any_space=False)
    return re.compile(rf"(?<!\w)(?:{prepositions})\s+[{CAPITALS}][\w'’-]*(?:\s+(?:[{LOWERCASE}]{{2,3}}\s+)?[{CAPITALS}][\w'’-]*)*\s*$")


def _lab_named_between(ctx: SectionContext, start: int, end: int) -> bool:
    """Is the lab named (by a name of two words or more, or its acronym) between ``start`` and ``end``?"""
    between = ctx.text[start:end]
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", between)
               for name in ctx.subject_names if name and (len(name.split()) >= 2 or is_acronym(name)))


UNNAMED_WORDS = 3
"""A founding in a sentence that does not name the lab counts as if its year stood this many words further off."""


def _subject_name_words(ctx: SectionContext, start: int, end: int) -> int:
    """The words of the lab's longest name (or acronym) written between ``start`` and ``end`` in one
    clause, 0 if none."""
    own = {fold_keep(n) for n in ctx.subject_names if n}
    # 'werd ... de Oorlogsgravenstichting (OGS) opgericht': the lab's own acronym in brackets is its name's.
    gap = re.sub(r"\s*\(([^()]{1,12})\)", lambda b: " " * len(b.group(0)) if b.group(1).strip() in own else b.group(0),
                 ctx.folded[start:end])
    if re.search(r"[,;:()]", gap):
        return 0  # 'annoncé à l'automne 2019 la création d'un service ..., mis en place': another clause's year
    found = [len(n.split()) for n in ctx.subject_names
             if n and len(n) >= 3 and re.search(rf"(?<![\w-]){re.escape(fold_keep(n))}(?![\w-])", gap)]
    return max(found, default=0)


def _lab_creates_another(ctx: SectionContext, s0: int, verb_start: int, verb_end: int) -> bool:
    """'En 1977, elle crée d'ailleurs une petite filiale ...', 'it set up a subsidiary': the lab,
    the verb's subject (a pronoun or its name right before the verb, no auxiliary), founds something
    new (an indefinite article opens the object, an adverb perhaps before it) that is not the lab."""
    before = _WORDS.findall(ctx.folded[max(s0, verb_start - 40):verb_start])
    subjects = ctx.lex.folded("governance", "subject_pronouns") | ctx.lex.folded("words", "first_person_subjects")
    own = {fold_keep(name.split()[-1]) for name in ctx.subject_names if name}
    if not before or (before[-1] not in subjects and before[-1] not in own):
        return False
    # As printed, not folded: 'à Berne' opens no object ('à' folds to the English article 'a').
    after = [w.lower() for w in _WORDS.findall(ctx.text[verb_end:verb_end + 40])[:2]]
    indefinite = {w.lower() for w in ctx.lex.words("words", "indefinite_articles")}
    opens_new = bool(after) and (after[0] in indefinite or (len(after) > 1 and after[1] in indefinite))
    return opens_new and not _lab_as_object(ctx, verb_end)


CLOSING_DATE_WORDS = 5
"""Words of place and circumstance a founding verb may have before the date that closes its clause."""


def _closing_date(ctx: SectionContext, verb_end: int, year: re.Match[str]) -> bool:
    """'ont été créées à Bruxelles pendant la période autrichienne, en 1773.': the year, after a comma
    and a time preposition, closes the founding's clause, with no other year or clause between."""
    between = ctx.text[verb_end:year.start()]
    if FOUNDING_YEAR.search(between) or re.search(r"[;:()]", between):
        return False
    return _closing_preposition(ctx.lex).search(between) is not None \
        and re.match(r"\s*[.;]|\s*$", ctx.text[year.end():year.end() + 2]) is not None


@lru_cache(maxsize=8)
def _closing_preposition(lex: Lexicon) -> re.Pattern[str]:
    """', en ' or ', on 3 March ' ending the text before a year (``governance.time_prepositions``)."""
    prepositions = alternation(lex.words("governance", "time_prepositions"), folded=False, any_space=False)
    return re.compile(rf",\s+(?i:{prepositions})\s+(?:\d{{1,2}}\s+\w+\s+)?$")


def _lab_as_object(ctx: SectionContext, verb_end: int) -> bool:
    """'set up the Commission ...', 'launched Zeta Lab ...': the verb's object is the lab itself (its
    name, its name's first or last word, a lab word), so what follows is said of its founding."""
    following = ctx.text[verb_end:verb_end + 80]
    if not following[:1].isspace() or not following.strip()[:1].isalnum():
        return False  # 'depuis leur création, les laboratoires ...': no object follows
    if ctx.refers_to_lab(following):
        return True
    words = [fold_keep(w) for w in _WORDS.findall(following)[:3]]
    determiners = ctx.lex.folded("words", "determiners")
    while words and words[0] in determiners:
        words = words[1:]
    heads = {fold_keep(name.split()[-1]) for name in ctx.subject_names if len(name.split()) > 1}
    return bool(words) and words[0] in heads


def _law_year(ctx: SectionContext, verb_end: int, year: re.Match[str]) -> bool:
    """Is ``year`` the year of the law a founding verb names ('established under the Statistics Act
    of 2009', 'créée par le décret n° 2009-834 du 7 juillet 2009'): a word for a law before it, no
    other year between?"""
    between = ctx.folded[verb_end:year.start()]
    return ctx.lex.regex("governance", "law_words").search(between) is not None and YEAR.search(between) is None


EXISTENCE_COMPLEMENT_WORDS = 4
"""Words between an existence verb and its 'since': 'has existed as a separate office since'."""


def _since(ctx: SectionContext, family: str, version: str) -> list[Candidate]:
    """'De werkplaats bestaat sinds 2012', 'X ondersteunt sinds 2020 ...': the lab has existed since."""
    out = []
    existence = ctx.lex.regex("founded", "existence_verbs")
    for m in ctx.lex.regex("founded", "since").finditer(ctx.folded):
        date = _day_month().match(ctx.folded, m.end())  # 'bestaat sinds 1 januari 2016'
        at = date.end() if date else m.end() + 1
        year = YEAR.match(ctx.text, at) if ctx.text[at - 1:at].isspace() else None
        if year is None:
            continue
        s0, _ = ctx.sentence_span(m.start())
        if _relation_after(ctx, year.end()):
            continue  # 'Sinds 2022 valt de dienst onder het Socialdepartementet': since when it sits there
        s0 = ctx.label_free_start(s0)
        verb = None
        for v in existence.finditer(ctx.folded, s0, m.start()):
            verb = v
        after = existence.match(ctx.folded, year.end() + 1) if ctx.text[year.end():year.end() + 1].isspace() else None
        if verb is not None and ctx.token_distance(verb.end(), m.start()) <= 1:
            prior = "anchored"
        elif (verb is not None and ctx.token_distance(verb.end(), m.start()) <= EXISTENCE_COMPLEMENT_WORDS
              and not re.search(r"[,;:()]", ctx.text[verb.end():m.start()]) and ctx.refers_to_lab(ctx.text[s0:verb.start()])):
            prior = "anchored"  # 'The Central Statistics Office (CSO) has existed as a separate office since June 1949'
        elif after is not None and ctx.token_distance(s0, m.start()) == 0:
            prior = "anchored"  # 'Sinds 1 januari 2013 functioneert SSC-ICT als ...': the sentence opens on it
        elif _PROGRESSIVE.search(ctx.folded, max(s0, m.start() - 40), m.start()):
            prior = "anchored"  # 'Accelerate Estonia has been experimenting since 2018'

        elif ctx.text[max(0, m.start() - 3):m.start()].rstrip(" \t")[-1:] in _FACT_SEPARATORS:
            prior = "mention"  # 'Boston, United States · since 2010 · boston.gov': a fact line
        elif ctx.refers_to_lab(ctx.text[s0:m.start()]) and ctx.token_distance(s0, m.start()) <= 6:
            prior = "mention"
        else:
            continue
        if prior != "anchored" and date is not None and not date.group(0).strip()[:1].isdigit():
            continue  # '(DSIT), since February 2023': a month-dated 'since' is the lab's only beside its verb
        out.append(ctx.candidate("founded_year", int(year.group(1)), year.start(), year.end(), family=family,
                                 version=version, prior=prior, ner=("DATE",)))
        break
    return out


def _opens_on_other_name(ctx: SectionContext, sentence: str) -> bool:
    """'HAROPA PORT est né le 1er juin 2021 de la fusion ...': the sentence is about another body (its
    subject a name, not the lab's; 'De stichting ontstond ...' is the lab's)."""
    words = _WORDS.findall(sentence)
    determiners = ctx.lex.folded("words", "determiners")
    while words and fold_keep(words[0]) in determiners:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and not ctx.refers_to_lab(" ".join(words[:6]))


RELATION_CHARS = 40
"""How far after a 'since' year the rest of a parent relation may run ('valt de dienst onder')."""


def _relation_after(ctx: SectionContext, at: int) -> bool:
    """Does a parent relation follow the year at ``at`` ('since 2019 reports to', 'sinds 2022 valt de
    dienst onder': a Dutch verb before its subject, its particle after it)?"""
    first = re.match(r"\s+([\w'’]+)", ctx.folded[at:at + RELATION_CHARS])
    if first is None:
        return False
    rest = ctx.folded[at + first.end():at + first.end() + RELATION_CHARS]
    return any(tail is None or tail.search(rest) for tail in _relation_tails(ctx.lex).get(first.group(1), ()))


@cache
def _relation_tails(lex: Lexicon) -> dict[str, tuple[re.Pattern[str] | None, ...]]:
    """Parent relations by their first word: the rest of each phrase as a pattern (None: one word)."""
    tails: dict[str, list[re.Pattern[str] | None]] = {}
    for phrase in lex.words("governance", "parent_triggers"):
        words = fold_keep(phrase).split()
        if words:
            rest = re.compile(rf"(?<!\w){re.escape(' '.join(words[1:]))}(?!\w)") if len(words) > 1 else None
            tails.setdefault(words[0], []).append(rest)
    return {first: tuple(rests) for first, rests in tails.items()}


def _other_subject(ctx: SectionContext, s0: int, verb_start: int) -> bool:
    """'... a call that the ministry launched in 2018': the verb has its own subject in a relative
    clause, so the year is not the lab's ('the lab, which was founded in 2010' still counts)."""
    named = _named_subject().search(ctx.text, s0, verb_start)
    if (named and named.start() > s0 and _is_name(named.group(1)) and not _is_own_name(named.group(1), ctx)
            and not _after_preposition().search(ctx.text, max(s0, named.start() - 20), named.start())):
        return True  # not at the sentence start: 'Our first Smart District, Smart Docklands, opened ...'
    if _participle_of_name(ctx, s0, verb_start):
        return True  # "héritier du Haut Comité institué en 1966": the participle tells the named body's start
    if (opening := _opening_name().fullmatch(ctx.text, s0, verb_start)) is not None \
            and fold_keep(opening.group(1).split()[0]) in organisation_nouns() and not _is_own_name(opening.group(1), ctx):
        return True  # "L'Office franco-québécois pour la jeunesse, créé en 1968 sur le modèle de l'OFAJ": another office
    apposed = _apposed_description().search(ctx.text, s0, verb_start)
    if apposed is not None and apposed.start() > s0 and not _is_own_name(apposed.group(1), ctx) \
            and not _auxiliary().search(apposed.group(2)):  # not 'Cinematek, a été fondée': the verb's own
        return True  # 'la plupart citent Unia, le centre interfédéral créé en 1993': the other body's founding
    if _body_of_lab(ctx, s0, verb_start):
        return True  # 'The Board of Trustees of the Royal Botanic Gardens, Kew was established ... 1983'
    subject = re.split(r"[,;:]", fold_keep(ctx.text[s0:verb_start]).strip(), maxsplit=1)[0].split()
    if len(subject) == 2 and subject[0] in ctx.lex.folded("words", "indefinite_articles") \
            and subject[1] in ctx.lex.folded("governance", "body_nouns"):
        # 'A Board, constituted under the Housing Order 1981, sets ...': a body's founding ('The Board
        # was set up in 1959' may be the lab's own, a board by name).
        return True
    lead = _WORDS.findall(ctx.text[s0:verb_start])
    clause = re.split(r"[;,:]", ctx.text[s0:verb_start])[-1]
    if ctx.lex.regex("founded", "name_words").search(fold_keep(clause)) and len(_WORDS.findall(clause)) <= SUBJECT_LEAD_WORDS:
        return True  # 'de huidige naam dateert van 1940': when the name came, not the lab
    if (0 < len(lead) <= SUBJECT_LEAD_WORDS and is_acronym(lead[-1]) and len(lead[-1]) >= 3
            and ctx.text[s0:verb_start].rstrip().endswith(lead[-1]) and not _is_own_name(lead[-1], ctx)):
        # 'The francophone CREDAF dates from 1982': another body's acronym opens the sentence as the
        # verb's subject (not '..., créé en 1987' after a bracket, nor 'binnen de SVB begonnen').
        return True
    words = [fold_keep(w) for w in lead][-5:]
    if words and words[-1] in ctx.lex.folded("words", "reflexives") and len(words) > 1:
        own = {fold_keep(n.split()[-1]) for n in ctx.subject_names if n.split()}
        return words[-2] not in own  # 'the former Central Statistics Office, itself founded in 1967'
    relatives = ctx.lex.folded("words", "relatives")
    determiners = ctx.lex.folded("words", "determiners")
    for i, word in enumerate(words):
        if word in relatives and i > 0:
            if any(w in determiners for w in words[i + 1:]):
                return True
            # 'works with X, which was founded in 2010' is X's founding; 'The lab, which ...' the lab's.
            antecedent = words[i - 1]
            own = {fold_keep(n.split()[-1]) for n in ctx.subject_names if n.split()}
            if antecedent in ctx.lex.folded("labs", "definition_nouns") and _beside_own_name(ctx, s0, verb_start):
                return False  # 'Historic Royal Palaces, an independent charity which began life in 1989'
            return antecedent not in ctx.lex.folded("funding", "lab_words") | own
    return False


def _beside_own_name(ctx: SectionContext, s0: int, verb_start: int) -> bool:
    """Does the clause before the verb set a description beside the lab's own name: its name (and a
    bracket), a comma, an indefinite article, and no other comma up to the verb?"""
    lead = ctx.text[s0:verb_start]
    articles = ctx.lex.folded("words", "indefinite_articles")
    for name in ctx.subject_names:
        at = lead.rfind(name) if name else -1
        if at < 0:
            continue
        rest = re.sub(r"^\s*\([^()]*\)", "", lead[at + len(name):])
        described = re.match(r"\s*,\s+([\w'’]+)\s", rest)
        if described is not None and fold_keep(described.group(1)) in articles and rest.count(",") == 1:
            return True
    return False


@cache
def _opening_name() -> re.Pattern[str]:
    """A sentence that opens on an organisation's name (after an article) and a comma, the founding verb next."""
    return re.compile(rf"\s*(?:(?i:{article_before_name(lexicon(None))}))?([{CAPITALS}][^,;:()]{{3,80}}?)\s*,\s*")


BODY_SUBJECT_WORDS = 3
"""How far into a subject the noun of a lab's body may open it ('The Board of Trustees of ...')."""


def _body_of_lab(ctx: SectionContext, s0: int, verb_start: int) -> bool:
    """The verb's subject is a body of the lab, named before the lab ('The Board of Trustees of the
    Royal Botanic Gardens, Kew was established ...'): its founding, not the lab's."""
    subject = fold_keep(ctx.text[s0:verb_start])
    owns = [at for n in ctx.subject_names if n and (at := subject.find(fold_keep(n))) >= 0]
    if not owns:
        return False
    # The body is the lab's by a link word: 'of the', 'van de', 'du' right before the lab's name.
    articles = ctx.lex.folded("words", "articles")
    links = ctx.lex.folded("words", "connectors") - articles
    lead = re.findall(r"[\w'’]+", subject[:min(owns)])
    if lead and lead[-1] in articles:
        lead = lead[:-1]
    if not lead or lead[-1] not in links:
        return False
    nouns = ctx.lex.folded("governance", "body_nouns")
    for k, word in enumerate(re.finditer(r"[\w'’]+", subject)):
        if k >= BODY_SUBJECT_WORDS or word.start() >= min(owns):
            return False
        if word.group() in nouns:
            return True
    return False


APPOSED_DESCRIPTION_WORDS = 4
"""Words of a description set after a name before the participle that closes it ('Unia, le centre interfédéral créé')."""


@cache
def _apposed_description() -> re.Pattern[str]:
    """'Unia, le centre interfédéral ' before 'créé en 1993': a name, a comma, an article and a
    description's few words running up to the verb (no comma between)."""
    lex = lexicon(None)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    return re.compile(rf"([{CAPITALS}][\w'’&-]*(?:\s+[{CAPITALS}][\w'’&-]*)*),\s+((?i:{articles})\s+"
                      rf"(?:[\w'’-]+\s+){{1,{APPOSED_DESCRIPTION_WORDS}}})$")


@cache
def _auxiliary() -> re.Pattern[str]:
    lex = lexicon(None)
    auxiliaries = alternation(lex.words("founded", "passive_auxiliaries"), folded=False, any_space=True)
    return re.compile(rf"(?i:(?<!\w)(?:{auxiliaries})(?!\w))")


# 'lab of the Office of Personnel Management, opened 2012', "de l'État, créé en 2019": a name
# after a preposition completes the lab's description; it is not the verb's subject.
@cache
def _after_preposition() -> re.Pattern[str]:
    lex = lexicon(None)
    prepositions = alternation(lex.words("founded", "name_prepositions"), folded=False, any_space=False)
    articles = alternation((*lex.words("words", "articles"), *lex.words("words", "elided_articles")), folded=False,
                           any_space=False)
    return re.compile(rf"\b(?:{prepositions})\s*(?:(?:{articles})\s*)?$", re.IGNORECASE)


def _is_name(words: str) -> bool:
    """'Smart Docklands', 'TRAKK', 'DigiD': a name, not a pronoun opening a clause ('It was set up')."""
    parts = words.split()
    return len([p for p in parts if p[:1].isupper()]) >= 2 or any(c.isupper() or c.isdigit() for c in words[1:])


def _is_own_name(name: str, ctx: SectionContext) -> bool:
    """Is ``name`` the lab's (its name, its acronym, or a word of its name)?"""
    folded = fold_keep(name)
    own = {fold_keep(n) for n in ctx.subject_names}
    return any(folded == n or folded in n or n in folded for n in own if n)
