"""The parent organisation of a lab: a 'Parent body:' label, a relation ('part of', 'valt onder',
'rattaché à', with an adverb or a date inside), who set it up (weaker), and a definition that makes
it a part of an organisation ('het innovatielab van het ministerie ...'). Words in
``governance.parent_*``, ``creator_triggers``, ``definition_of`` of ``rules/{nl,en,fr}.yml``."""

from __future__ import annotations

import re
from functools import lru_cache

from extract.extractors.context import SectionContext
from extract.extractors.phrases import org_phrase, portfolio_word
from extract.extractors.portfolio_names import mask_portfolio_commas
from extract.models import Candidate
from extract.normalize.countries import city_country, place_code, place_name_code
from extract.normalize.rule_data import alternation
from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon, phrase_regex
from extract.rules.loader import language_rules
from extract.rules.places import is_country_name
from extract.segment.spelling import is_acronym

NAME = "governance"
VERSION = "49"  # the governance extractor's: parents are one of its fields
IN_BLOCK_PARENT = 0.9
CREATOR_PARENT = 0.6
MAX_DEFINITION_MODIFIERS = 3



def parent_candidates(ctx: SectionContext) -> list[Candidate]:
    lex = ctx.lex
    blockers = lex.folded("governance", "parent_blockers")
    titles = lex.folded("labs", "person_titles")
    joint = lex.folded("governance", "joint_adverbs")
    french = _french_triggers()
    lead_phrases = _lead_phrases(lex)
    indefinite = lex.folded("governance", "kind_articles")
    heads = lex.folded("governance", "org_heads")
    partitives = lex.folded("governance", "partitive_subjects")
    plurals = lex.folded("governance", "plural_auxiliaries")
    own = {fold_keep(n) for n in ctx.subject_names if n}
    stops = [b.start for b in ctx.blocks]
    # 'Ministry of Information, Communications and the Digital Economy': a name ending in a list of
    # portfolios is read whole (its commas masked; the name is taken from the text as printed).
    portfolios = _portfolio_names(ctx.text, lex)
    out = []
    label = ctx.block("parent")
    if label is not None and answers_no(ctx.text[label.value_start:label.end], lex):
        # 'Valt de samenwerking onder een moederorganisatie? Nee. Het UDC is ...', 'Supervising
        # ministry: n/a – Ofqual is accountable to Parliament rather than to ministers.'
        return []  # nor does the rest of the text: 'Ministère de tutelle : s.o.' over '... fait partie de LOJIQ'
    if label is not None:
        start = label.value_start
        # 'Parent: Statutory board under the Ministry of Trade and Industry': what it is, then whose.
        inner = _trigger_in(ctx, lex, start, label.end)
        if inner is not None:
            lead = lead_phrases.match(ctx.folded, inner)
            start = lead.end() if lead else inner
        span = org_phrase(portfolios, start, lex, allow_lowercase=True,
                          stops=[*stops, label.end, *ctx.row_starts])
        answer = re.sub(r"\([^()]*\)", " ", ctx.folded[start:label.end])  # not '(werkt nauw samen met BBC R&D)'
        if span is not None and set(answer.replace(",", " ").split()) & joint:
            span = None  # 'Tutelle : ministère de X et ministère de Y, conjointement': no one parent
        if span is not None:
            name = strip_gloss(re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip())
            # 'Rode Kruis-Vlaanderen, the Flemish community branch of the Belgian Red Cross': what it is.
            name = _without_apposition(name, lex)
            if (whose := _without_own_kind(name, lex)) != name:
                span, name = (span[1] - len(whose), span[1]), whose  # 'direction ... du ministère de X': X's ministry
            name, span = _with_policy_domain(ctx, name, span)
            out.append(ctx.candidate("governance.parent", name, span[0], span[1], family=NAME,
                                     version=VERSION, prior="label", ner=("ORG",)))
    told: list[_Told] = []
    triggers = [(m, False) for m in lex.relation_matcher("governance", "parent_triggers").finditer(ctx.folded)]
    triggers += [(m, True) for m in lex.relation_matcher("governance", "creator_triggers").finditer(ctx.folded)]
    for m, creator in triggers:
        if ctx.text[m.start()].isupper() and _opens_name_after(lex).search(ctx.text, max(0, m.start() - 20), m.start()):
            # 'le Service du Sang de la Croix-Rouge': capitalised after an article, the words open a
            # name ('the central IGEES Unit of the Department' ends one, and tells whose it is).
            continue
        before = ctx.folded[max(0, m.start() - 20):m.start()].split()
        if before and before[-1] in blockers:
            continue  # 'als onderdeel van het programma' is a frame, not a parent
        if before and (before[-1] in titles or " ".join(before[-2:]) in titles):
            continue  # 'our Accountable Officer answers to the Scottish Parliament': a person's superior
        if before and (before[-1] in partitives or " ".join(before[-2:]) in partitives):
            continue  # 'dont certains relèvent du CEA': told of some of the labs it leads, not of the lab
        if _relative_of_other(ctx, m.start()):
            continue  # 'we also ran the General Register Office, which is now part of HM Passport Office'
        if before and before[-1] in plurals and not _first_person_clause(ctx, m.start()):
            continue  # 'the censuses in Scotland are run by National Records of Scotland': another subject's
        if before and re.search(r"['’]s$", before[-1]):
            continue  # "the Pentagon's branch of the US Digital Service": another's part, told from its side
        lowercase = ctx.lang == "fr" or bool(french.fullmatch(ctx.folded, m.start(), m.end()))
        lead = lead_phrases.match(ctx.folded, m.end())
        at = lead.end() if lead else m.end()
        domain_first = _policy_domain_first(lex).match(ctx.text, at)
        if domain_first is not None and (owner := org_phrase(portfolios, domain_first.end(), lex, stops=stops)):
            # 'valt onder het beleidsdomein Economie, Wetenschap en Innovatie van de Vlaamse overheid'
            span = (domain_first.start("word"), owner[1])
            told.append(_told(ctx, m, creator, re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]), span))
            continue
        span = org_phrase(portfolios, at, lex, allow_lowercase=lowercase, stops=stops)
        if span is None:
            continue
        span = _with_dashed_name(ctx, span, stops)
        if set(ctx.folded[m.end():span[0]].split()) & indefinite:
            continue  # 'een directie binnen een FOD': a kind of organisation, not the one it sits in
        if set(ctx.folded[m.end():span[0]].split()) & joint:
            continue  # 'placée sous la double tutelle du ministère de X et du ministère de Y': no one parent
        name = trim_parent(re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip(), lex)
        name = _without_next_subject(ctx, name, span[1])
        second = _second_organisation(lex).search(name)
        if second is not None and _portfolio_tail(name, second, lex):
            second = None  # 'Commissioner for Culture and the Media': one office's two portfolios
        if second is None and creator:
            # 'créée en 1938 par la Caisse nationale ... (Suva) et la Conférence ...': after its bracket.
            bracket = _BRACKET_AFTER.match(ctx.text, span[1])
            second = _second_organisation(lex).match(ctx.text, bracket.end() if bracket else span[1])
        if second is not None:
            if creator or (before and before[-1] in joint):
                continue  # founded by a city and a university together, 'jointly sponsored by': neither is the parent
            name = name[:second.start()]  # 'part of the Ministry and the Agency': the first
        if fold_keep(name) in own or len(name) < 3 or _is_law(name, lex) or _joint(name, lex) or _own_head(name, own):
            continue
        if _ends_on_own_name(name, own):
            continue  # "il appartient au Groupement ... du Téléphérique du Salève": the lab's operator in full, itself
        if _to_legislature(ctx.folded[m.start():m.end()], name, lex) or (creator and _is_legislature(name, lex)):
            continue  # 'We are accountable to Parliament through ...', 'established by Congress in 1923': no parent
        if _names_a_law(ctx.text, span[1], lex):
            continue  # 'under the REMIT wholesale energy market regulation': a law's short name
        if _until_year(lex).match(ctx.folded, span[1]):
            continue  # 'part of the Vattenfall group until 2021': a parent it had, not has
        if place_code(name) is not None and (creator or not set(fold_keep(name).split()) & heads):
            continue  # 'sits in Frankfurt am Main', 'housed in Paris': where it is, not whose ('Vlaamse overheid' is whose)
        if _demonym_only(lex).fullmatch(name):
            continue  # 'owned by the Swedish state': an adjective left of a lower-case owner
        told.append(_told(ctx, m, creator, *_with_policy_domain(ctx, name, span)))
    # 'In Nederland is defensieonderzoek ondergebracht bij TNO' beside 'Het FOI ... valt onder het
    # ministerie van Defensie': a relation told of the lab beats one told of something else.
    any_named = any(named for *_, named in told)
    out += [ctx.candidate("governance.parent", name, span[0], span[1], family=NAME, version=VERSION, prior=prior,
                          distance=distance + (UNNAMED_WORDS if any_named and not named else 0), ner=("ORG",))
            for name, span, prior, distance, named in told]
    found = _named_in_full(_spelled_out(ctx, out + _defined_parents(ctx, own, stops) + _fragment_parents(ctx, own, stops), own))
    # 'legt verantwoording af aan de Raad van Toezicht': the lab's own board, not what it sits in.
    return [c for c in found if not isinstance(c.value, str) or not _own_organ(lex).fullmatch(fold_keep(c.value))]


@lru_cache(maxsize=8)
def _own_organ(lex: Lexicon) -> re.Pattern[str]:
    """A governing body's kind as a name ('Raad van Toezicht', 'Board of Trustees', 'Conseil de
    surveillance'): a multi-word body noun, or a body noun with its complement."""
    nouns = lex.words("governance", "body_nouns")
    several = alternation([n for n in nouns if " " in n])
    single = alternation([n for n in nouns if " " not in n])
    links = alternation(lex.words("labs", "name_links"))
    complements = alternation(lex.words("governance", "body_complements"))
    articles = alternation([*lex.words("words", "articles"), *lex.words("words", "elided_articles")])
    return re.compile(rf"(?:(?:{articles})\s*)?(?:{several}|(?:{single})\s+(?:{links})\s+(?:{complements}))")


RELATIVE_GAP_WORDS = 3
RELATIVE_NOUN_WORDS = 6
"""How far back before the comma the noun a relative clause describes is looked for."""


def _relative_of_other(ctx: SectionContext, at: int) -> bool:
    """A relative clause set off by a comma right before ``at`` ('..., which is now part of') whose
    noun is not the lab: the relation is that noun's."""
    lex = ctx.lex
    s0, _ = ctx.sentence_span(at)
    set_off, bare, said_to_be = _relative_patterns(lex)
    found = set_off.search(ctx.folded[s0:at]) or bare.search(ctx.text[s0:at])
    if found is None:
        return False
    noun = re.split(r"[,;:]", ctx.text[s0:s0 + found.start()])[-1]
    words = noun.split()
    ending = " ".join(fold_keep(TRAILING_BRACKETS.sub("", noun)).split())
    if any(n and ending.endswith(fold_keep(n)) for n in ctx.subject_names):
        return False  # 'le Département de la Police et des Contrôles (DPC), qui fait partie du ...': the lab
    pronouns = lex.folded("governance", "subject_pronouns") | lex.folded("words", "first_person_subjects")
    if said_to_be.match(fold_keep(noun)):
        # "It's the office of the digital minister, which sits inside the Executive Yuan", "C'est une
        # autorité ... qui relève du ministère", 'Nous sommes l'un des établissements ... qui relèvent de':
        # the lab is said to be the noun.
        return False
    # The noun phrase before the relative, from its article or capital: 'the General Register Office'. Not a
    # pronoun: 'It ran the General Register Office, which ...' describes the office.
    determiners = lex.folded("words", "determiners")
    # Where a noun phrase may start: an article, or a name's first capital ('Office' alone is inside one).
    starts = [k for k in range(max(0, len(words) - RELATIVE_NOUN_WORDS), len(words))
              if fold_keep(words[k]) not in pronouns and (fold_keep(words[k]) in determiners or (
                  words[k][:1].isupper() and (k == 0 or not words[k - 1][:1].isupper())))]
    return bool(words) and not any(ctx.refers_to_lab(" ".join(words[k:])) for k in starts)


@lru_cache(maxsize=8)
def _relative_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A relative clause ending the text before a relation: set off by a comma (folded text), or, for a
    pronoun that is only a relative, right after a noun in lower case ('a non-ministerial department
    which reports directly to Parliament'; printed text); and a clause saying the lab is that noun
    ("It's the ...", "C'est une ...", 'Nous sommes ...'; folded text)."""
    gap = rf"\s+(?:[\w'’-]+\s+){{0,{RELATIVE_GAP_WORDS}}}$"
    set_off = re.compile(rf",\s*(?:{alternation(lex.words('words', 'relatives'))}){gap}")
    bare = re.compile(rf"(?<=[a-z])\s+(?:{alternation(lex.words('words', 'pure_relatives'), folded=False)}){gap}")
    copulas = alternation(lex.words("governance", "copulas"))
    pronouns = alternation((*lex.words("governance", "subject_pronouns"), *lex.words("words", "first_person_subjects")))
    first_person = alternation(lex.words("words", "first_person_subjects"))
    said_to_be = re.compile(rf"\s*(?:(?:{pronouns})(?:['’]s|\s+(?:{copulas}))|c['’](?:{copulas})|(?:{first_person})\s+\w+)\s")
    return set_off, bare, said_to_be


def _first_person_clause(ctx: SectionContext, at: int) -> bool:
    """Does the sentence before ``at`` speak as 'we' ('Wij worden gefinancierd door ...')?"""
    s0, _ = ctx.sentence_span(at)
    clause = re.split(r"[;:]", ctx.folded[s0:at])[-1]  # 'We conduct the census; the censuses in Scotland are run by'
    return bool(set(re.findall(r"\w+", clause)) & ctx.lex.folded("words", "first_person_subjects"))


_Told = tuple[str, tuple[int, int], float | str, int, bool]
"""A parent told by a trigger: name, span, prior, distance from the trigger, told of the lab by name."""


def _told(ctx: SectionContext, trigger: re.Match[str], creator: bool, name: str, span: tuple[int, int]) -> _Told:
    field = ctx.field_at(trigger.start())
    # Under the governance or role label beats unlabelled text (a screenshot caption, say);
    # who created the lab is its parent only when nothing says more.
    prior = (CREATOR_PARENT if creator else IN_BLOCK_PARENT if field in ("governance", "role")
             else "anchored" if field is None else "block")
    return (name, span, prior, ctx.token_distance(trigger.end(), span[0]),
            ctx.told_of_lab(ctx.sentence_span(trigger.start())[0], trigger.start()))


def _domain_name(ands: str) -> str:
    """A policy domain's name: capitalised words, listed with commas and 'en' ('Economie, Wetenschap en Innovatie');
    over a line break only to a word that ends the sentence ('Openbare' / 'Werken.', not 'Omgeving' / 'Vorm intern')."""
    return (rf"[{CAPITALS}][\w-]*(?:(?:\s*,\s*|\s+(?:{ands})\s+|[ \t]+|\s*\n(?=[{CAPITALS}][\w-]*(?:[.,;)]|$)))"
            rf"[{CAPITALS}][\w-]*)*")


@lru_cache(maxsize=8)
def _policy_domain_after(lex: Lexicon) -> re.Pattern[str]:
    """', beleidsdomein Omgeving', ' in het beleidsdomein Omgeving', ', binnen het beleidsdomein ...'
    right after a parent's name (``governance.policy_domains``)."""
    domains = alternation(lex.words("governance", "policy_domains"), folded=False)
    ands = alternation(lex.words("words", "and_words"), folded=False)
    return re.compile(rf"\s*,?\s*(?:[{LOWERCASE}]{{2,6}}\s+){{0,2}}?(?P<word>(?i:{domains}))\s+"
                      rf"(?P<name>{_domain_name(ands)})")


@lru_cache(maxsize=8)
def _policy_domain_first(lex: Lexicon) -> re.Pattern[str]:
    """'het beleidsdomein Economie, Wetenschap en Innovatie van de ': a policy domain, then whose."""
    domains = alternation(lex.words("governance", "policy_domains"), folded=False)
    ands = alternation(lex.words("words", "and_words"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False)
    connectors = alternation(lex.words("words", "connectors"), folded=False)
    return re.compile(rf"\s*(?:(?i:{articles})\s+)?(?P<word>(?i:{domains}))\s+{_domain_name(ands)}"
                      rf"\s+(?i:{connectors})\s+(?:(?i:{articles})\s+)?")


def _with_policy_domain(ctx: SectionContext, name: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """'Vlaamse overheid' followed by ', beleidsdomein Omgeving': the parent is that part of it
    ('Vlaamse overheid, beleidsdomein Omgeving'), when the name is the text's up to there."""
    if re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip() != name:
        return name, span
    domain = _policy_domain_after(ctx.lex).match(ctx.text, span[1])
    if domain is None:
        return name, span
    part = re.sub(r"\s+", " ", domain.group("name"))
    return f"{name}, {domain.group('word').lower()} {part}", (span[0], domain.end())


def _to_legislature(trigger: str, name: str, lex: Lexicon) -> bool:
    """Does an accountability trigger ('accountable to', 'rend compte au') point at a legislature?"""
    accountable = any(trigger.startswith(t) or t.startswith(trigger) for t in lex.folded("governance", "accountability_triggers"))
    return accountable and _is_legislature(name, lex)


def _is_legislature(name: str, lex: Lexicon) -> bool:
    """Does ``name`` name a legislature ('Congress', 'the Scottish Parliament')?"""
    folded = f" {fold_keep(name)} "
    return any(f" {word} " in folded for word in lex.folded("governance", "legislatures"))


UNNAMED_WORDS = 3
"""A relation in a sentence not told of the lab counts as if its parent stood this many words further off."""


MAX_KIND_WORDS = 4
"""Words of what the lab is before the relation in a parent label's answer ('Statutory board under')."""
MAX_SUBJECT_WORDS = 3
"""Words of the subject before the copula of an answer written as a sentence ('The Agency is ...')."""


def _trigger_in(ctx: SectionContext, lex: Lexicon, start: int, end: int) -> int | None:
    """Where a parent trigger inside a label's answer ends ('Statutory board under the ...'), when
    the answer opens with a few words of what the lab is; None otherwise."""
    lead = ctx.text[start:end].split()[:2]
    if len(lead) < 2 or not lead[0][:1].isalpha():
        return None
    found = next(lex.relation_matcher("governance", "parent_triggers").finditer(ctx.folded[start:end]), None)
    if found is None:
        return None
    before = ctx.folded[start:start + found.start()].split()
    # 'The Agency is a state authority under the Ministry of Finance': the answer as a sentence,
    # its subject, a copula, then what the lab is.
    copula = next((n for n, w in enumerate(before[:MAX_SUBJECT_WORDS + 1]) if w in lex.folded("governance", "copulas")), None)
    if copula is not None and len(before) - copula - 1 <= MAX_KIND_WORDS:
        return start + found.end()
    if 2 <= len(before) <= MAX_SUBJECT_WORDS and before[0] in lex.folded("words", "articles"):
        return start + found.end()  # 'The Agency acts under the authority of ...': its subject and a verb
    if not lead[1].islower() or len(before) > MAX_KIND_WORDS:
        return None  # 'Ministry of ...', 'Statutory board under ...' (a second word in lower case)
    return start + found.end()


def answers_no(value: str, lex: Lexicon) -> bool:
    """Does a label's answer open by saying there is none ('Nee.', 'No –', 'Aucune')?"""
    answer = fold_keep(value).strip()
    if _CODED_NONE.match(value.strip()):
        return True  # a questionnaire's codes, in capitals: 'NA – le Conservatoire est ...', 'ND'
    return any(re.match(rf"{re.escape(no)}(?:$|[\s.,;:!–—-])", answer) for no in lex.folded("words", "answers_no"))


# Capitals only: Dutch 'Na de fusie ...' opens an answer too.
_CODED_NONE = re.compile(r"N\.?[AD]\.?(?![\w/])")


def _joint(name: str, lex: Lexicon) -> bool:
    """'ministères chargés de la recherche et de l'agriculture': supervisors in the plural share the
    lab; none of them is its parent (governance.joint_heads)."""
    words = fold_keep(name).split()
    return bool(words) and words[0] in lex.folded("governance", "joint_heads")


def _portfolio_names(text: str, lex: Lexicon) -> str:
    """``text`` with the commas of portfolio lists masked ('Ministry of Information, Communications and
    the Digital Economy'), not those of a list of acronyms ('van SVB, UWV en DUO': three bodies)."""
    masked = mask_portfolio_commas(text, lex, _MASK)
    if masked is text:
        return text  # no portfolio list: most sections
    # Only the characters before each mask are read for an acronym (not the whole section per mask).
    return re.sub(_MASK, lambda m: "," if _ACRONYM_BEFORE.search(masked, max(0, m.start() - ACRONYM_CHARS), m.start())
                  else " ", masked)


_MASK = "\u2063"
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{2,}[A-Za-z]*$")
ACRONYM_CHARS = 24
"""How far back from a portfolio comma an acronym is looked for ('DUO', 'ITZBund')."""


def _named_in_full(candidates: list[Candidate]) -> list[Candidate]:
    """'a programme office within the Ministry of Finance ... It remains a unit of the Ministry': a
    parent named by its head noun alone points back to the one named in full."""
    names = {c.value for c in candidates if isinstance(c.value, str)}
    out = []
    for c in candidates:
        fuller = {n for n in names if n.startswith(f"{c.value} ")} if isinstance(c.value, str) and " " not in c.value else set()
        out.append(c.model_copy(update={"value": fuller.pop()}) if len(fuller) == 1 else c)
    return out


def _spelled_out(ctx: SectionContext, candidates: list[Candidate], own: set[str]) -> list[Candidate]:
    """A parent named by an acronym the text defines goes by its full name ('BMG' after
    'Bundesministerium für Gesundheit (BMG)'); the lab's own acronym is no parent."""
    from extract.segment.acronyms import defined_names
    from extract.segment.spelled_names import spelled_name

    if not any(isinstance(c.value, str) and is_acronym(c.value) for c in candidates):
        return candidates
    full = defined_names(ctx.text)
    # 'part of the ICO' in a text that names the Information Commissioner's Office.
    acronyms = {c.value for c in candidates if isinstance(c.value, str) and is_acronym(c.value) and c.value not in full}
    full.update({acronym: name for acronym in acronyms if (name := spelled_name(acronym, ctx.text)) is not None})
    spelled = [c.model_copy(update={"value": full[c.value]}) if isinstance(c.value, str) and c.value in full else c
               for c in candidates]
    return [c for c in spelled if not (isinstance(c.value, str) and any(
        fold_keep(c.value).startswith(name) for name in own if len(name) > 3))]


def _defined_parents(ctx: SectionContext, own: set[str], stops: list[int]) -> list[Candidate]:
    """'X is the innovation unit of the Department ...', 'Y, het innovatielab van het ministerie
    ...', 'Z est l'organisme public de la Région ...': a lab defined as a part of an organisation.
    Weaker than a relation verb ('part of', 'valt onder'): the noun phrase may define another
    organisation the section mentions."""
    lex = ctx.lex
    out = []
    for m in _defined_as(lex).finditer(ctx.folded):
        if any(c.isupper() for c in ctx.text[m.start():m.end()]):
            continue  # ', De Vereniging van ...': a list of names, not 'X, het innovatielab van ...'
        if not _defines_own_lab(ctx, m.start()):
            continue  # 'Lab 110 bis, het innovatielab van ...': another lab the section gives as an example
        for link in _definition_of(lex.lang).finditer(ctx.folded, m.end(), min(len(ctx.folded), m.end() + 60)):
            between = re.sub(r"\([^()]*\)", " ", ctx.text[m.end():link.start()]).split()
            if (len(between) > MAX_DEFINITION_MODIFIERS or any(w[:1].isupper() or not w[:1].isalpha() for w in between)
                    or any(fold_keep(w) in lex.folded("governance", "org_heads") for w in between)):
                break  # 'een stichting met een Raad van Toezicht', 'onder het ministerie van': the link belongs to another noun
            span = org_phrase(ctx.text, link.end(), lex, allow_lowercase=ctx.lang == "fr", stops=stops)
            if span is None:
                continue
            if set(ctx.folded[link.end():span[0]].split()) & lex.folded("governance", "kind_articles"):
                break  # 'een directie binnen een FOD': a kind of organisation
            name = trim_parent(re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip(), lex)
            if _names_no_parent(name, own, lex) or (" " not in name and place_name_code(name) is not None):
                break  # 'drinkwaterbedrijf van Vlaanderen': a place, not whose it is
            if re.match(r"\s+\d", ctx.text[span[1]:]):
                break  # 'a statutory public corporation under Part 3 of the Energy Act': a law's part
            if _more_organisations(lex).match(ctx.text, span[1]):
                break  # 'een samenwerkingsverband van het Departement X, de VDAB en het Departement Y': its members
            out.append(ctx.candidate("governance.parent", name, span[0], span[1], family=NAME, version=VERSION,
                                     prior=CREATOR_PARENT, distance=ctx.token_distance(m.start(), span[0]),
                                     ner=("ORG",)))
            break
    return out


MAX_FRAGMENT_WORDS = 12
"""A slide's bullet or a fact line, not a sentence: 'Aujourd'hui une direction générale de la Commission européenne'."""


def _fragment_parents(ctx: SectionContext, own: set[str], stops: list[int]) -> list[Candidate]:
    """'• Aujourd'hui une direction générale de la Commission européenne', 'Direction générale de la
    Commission européenne' on a lab's slide: a line that only says what the lab is, a part of an
    organisation, with no subject of its own. Not a heading, nor a line that names the lab (its
    own name may be 'Agence exécutive du Conseil ...')."""
    lex = ctx.lex
    out = []
    for m in _fragment(lex).finditer(ctx.folded):
        if not ctx.text[m.start("noun")].islower():
            continue  # 'Department of the Premier', 'The Office of Technology Assessment': a name, not what the lab is
        before, lead = ctx.text[:m.start()].rstrip(), ctx.text[m.start():m.start("noun")].strip()
        if not (m.group("label") or not before or before[-1] in ".!?:;•·▪‣" or (lead and lead[0] in "•·▪‣–-")):
            continue  # '... niet bij het' / 'agentschap maar bij het Israel ...': a sentence the line break cut
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        line = ctx.lines[ctx.line_indexes(m.end() - 1, m.end())[0]]
        if line.role == "heading" or len(line.text.split()) > MAX_FRAGMENT_WORDS:
            continue
        if any(fold_keep(name) in fold_keep(line.text) for name in ctx.subject_names if name):
            continue
        link = _definition_of(lex.lang).match(ctx.folded, m.end())
        if link is None:
            continue
        span = org_phrase(ctx.text, link.end(), lex, allow_lowercase=ctx.lang == "fr", stops=[*stops, line_end])
        if span is None:
            continue
        name = trim_parent(re.sub(r"\s+", " ", ctx.text[span[0]:span[1]]).strip(), lex)
        if _names_no_parent(name, own, lex) or not name[:1].isupper() or place_name_code(name) is not None:
            continue
        out.append(ctx.candidate("governance.parent", name, span[0], span[1], family=NAME, version=VERSION,
                                 prior=CREATOR_PARENT, ner=("ORG",)))
    return out


def _ends_on_own_name(name: str, own: set[str]) -> bool:
    """Does ``name`` end on the lab's own name of two words or more, after a link word ('... du
    Téléphérique du Salève')? A body named after the lab is the lab in full, not its parent."""
    folded = fold_keep(name)
    return any(len(n.split()) >= 2 and folded.endswith(" " + n) for n in own)


def _own_head(name: str, own: set[str]) -> bool:
    """'lancé par l'Office' in the Office de la protection du consommateur's text: the lab's own
    head noun alone names the lab itself; an acronym only when it is the lab's whole acronym."""
    def bare(text: str) -> str:
        return re.sub(r"^[ld]['’]", "", text)

    word = bare(fold_keep(name))
    if name.isupper():
        # 'part of NHK' for 'NHK Science & Technology Research Laboratories': an owner's acronym
        # opening the lab's name is the owner's; only the lab's whole acronym is the lab.
        return word in own
    return " " not in word and any(word in (bare(o.split()[0]), o.split()[-1]) for o in own)


def _names_no_parent(name: str, own: set[str], lex: Lexicon) -> bool:
    """The lab itself, a scrap, a country, a city or a law: no organisation the lab is part of."""
    return (fold_keep(name) in own or len(name) < 3 or is_country_name(name) or city_country(name) is not None
            or _is_law(name, lex))


@lru_cache(maxsize=8)
def _fragment(lex: Lexicon) -> re.Pattern[str]:
    """A line opening (a bullet, a key-facts label, an adverb, an article perhaps) on a lab's kind and up to two words
    qualifying it, before the link to what it is part of (folded text)."""
    own = language_rules(lex.lang).words
    adverbs = alternation(own.get("governance", {}).get("relation_adverbs", ()), folded=True)
    articles = alternation(own.get("words", {}).get("articles", ()), folded=True)
    elided = alternation(own.get("words", {}).get("elided_articles", ()), folded=True)
    nouns = alternation(lex.words("labs", "strong_heads") + lex.words("labs", "definition_nouns")
                        + lex.words("governance", "service_nouns"), folded=True)
    labels = alternation(own.get("governance", {}).get("kind_labels", ()), folded=True)
    return re.compile(rf"^[ \t•·▪‣–-]*(?P<label>(?:{labels})\s*:?\s+)?(?:(?:{adverbs})\s+)?"
                      rf"(?P<article>(?:{articles})\s+|{elided})?(?P<noun>{nouns})"
                      rf"(?:\s+[\w-]+){{0,2}}?\s+(?={alternation(own.get('governance', {}).get('definition_of', ()), folded=True)})",
                      re.MULTILINE)


# A place after the name ('..., à Toulon', ', in Helsinki'), a possessive end ("AGESIC's"), a
# clause going on about it ('... et travaille en mode projet'): not part of the parent's name.
@lru_cache(maxsize=8)
def _trailing_place(lex: Lexicon) -> re.Pattern[str]:
    prepositions = alternation(lex.words("governance", "place_prepositions"), folded=False, any_space=False)
    return re.compile(rf",\s+(?:{prepositions})\s+[{CAPITALS}][\w'’-]*(?:[\s-][{CAPITALS}][\w'’-]*)*$")


@lru_cache(maxsize=8)
def _aside(lex: Lexicon) -> re.Pattern[str]:
    """', d'abord comme ...', ', initially as ...': an aside after the parent's name."""
    return re.compile(rf",\s+(?i:{alternation(lex.words('governance', 'relation_adverbs'), folded=False)})\b")


@lru_cache(maxsize=8)
def _place_after(lex: Lexicon) -> re.Pattern[str]:
    prepositions = alternation(lex.words("governance", "place_prepositions"), folded=False, any_space=False)
    return re.compile(rf"\s+(?:{prepositions})\s+([{CAPITALS}][\w'’-]*(?:[\s-][{CAPITALS}][\w'’-]*)?)$")


def without_place_after(name: str, lex: Lexicon) -> str:
    """'Department of the Prime Minister and Cabinet in Wellington', 'Department for the Economy in
    Belfast': an organisation's name without where it sits."""
    place = _place_after(lex).search(name)
    return name[:place.start()] if place is not None and place_code(place.group(1)) else name


_ACRONYM = re.compile(rf"[{CAPITALS}0-9][{CAPITALS}0-9&.-]{{1,9}}")


def strip_gloss(name: str) -> str:
    """'(Northern Ireland Civil Service)', '(Staatskanselarij van Letland)', '(DSIT)': a gloss, the
    unit inside it or the acronym, said of the parent, not part of its name ('Department for
    Science, Innovation and Technology'). The expansion of a name that is itself an acronym stays
    ('BEP (Bureau Économique ...)')."""
    gloss = TRAILING_BRACKETS.search(name)
    if gloss is None or _ACRONYM.fullmatch(name[:gloss.start()].strip()):
        return name
    return name[:gloss.start()].rstrip()


def _is_law(name: str, lex: Lexicon) -> bool:
    """'Australian Bureau of Statistics Act', 'loi du 24 juillet 2019': a law, opening or closing the
    name; 'Good Friday Agreement', a text of another kind, closing it."""
    words = fold_keep(name).split()
    laws = lex.folded("governance", "law_words")
    # 'created under the Belfast/Good Friday Agreement': a treaty or an agreement names no parent either.
    return bool(words) and (words[0] in laws or words[-1] in laws | lex.folded("labs", "document_nouns"))


def _names_a_law(text: str, end: int, lex: Lexicon) -> bool:
    """Do up to four lower-case words after a name, none a link word, end on a law word ('REMIT
    wholesale energy market regulation'): the name is what the law is called ('Department of
    Energy under the act' names the department)."""
    found = _law_after(lex).match(text, end, end + LAW_AFTER_CHARS)
    links = lex.folded("labs", "function_words") | lex.folded("words", "articles")
    return found is not None and not any(w in links for w in found.group(1).split())


LAW_AFTER_CHARS = 80


@lru_cache(maxsize=8)
def _law_after(lex: Lexicon) -> re.Pattern[str]:
    """Up to four lower-case words (captured), then a law word (printed text)."""
    laws = alternation(lex.words("governance", "law_words"), folded=False, any_space=False)
    # 'Housing (Northern Ireland) Order 1981': the place a law applies to may stand in brackets.
    return re.compile(rf"((?:[ \t]+[{LOWERCASE}][\w-]*){{0,4}}?)(?:[ \t]*\([^()]{{1,40}}\))?[ \t]+(?i:{laws})(?![\w-])")


@lru_cache(maxsize=8)
def _opens_name_after(lex: Lexicon) -> re.Pattern[str]:
    """A lower-case word, an article ('Le', 'the') or an elided one right before a capitalised trigger."""
    articles = alternation(lex.words("words", "articles"), folded=False)
    return re.compile(rf"(?<![\w'’])(?:[{LOWERCASE}]+\s+|(?i:{articles})\s+|[lLdD]['’])$")


def _without_next_subject(ctx: SectionContext, name: str, end: int) -> str:
    """"Relevant du ministère chargé de l'environnement, l'établissement public est administré ...": a
    participle's complement ends at the comma; the words after it are the sentence's subject, its
    verb right after them."""
    subject_after, copula = _next_subject(ctx.lex)
    subject = subject_after.search(name)
    if subject is None or not copula.match(ctx.folded, end):
        return name
    return name[:subject.start()]


@lru_cache(maxsize=8)
def _next_subject(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A comma, an article and lower-case words ending a name; a copula (folded) right after it."""
    articles = alternation(lex.words("words", "articles"), folded=False)
    return (re.compile(rf",\s+(?:(?i:{articles})\s+|[lL]['’])[{LOWERCASE}][\w\s'’-]*$"),
            re.compile(rf"\s+(?:{alternation(lex.folded('governance', 'copulas'))})(?!\w)"))


def _without_apposition(name: str, lex: Lexicon) -> str:
    """'X, the Flemish community branch of ...', "X, l'agence ...": the name before an apposition
    that a comma and an article open."""
    apposition = _apposition(lex).search(name)
    return name[:apposition.start()] if apposition is not None else name


@lru_cache(maxsize=8)
def _apposition(lex: Lexicon) -> re.Pattern[str]:
    articles = alternation(lex.words("words", "articles"), folded=False)
    return re.compile(rf",\s+(?:(?i:{articles})\s+|[lL]['’])(?=[{CAPITALS}])")


def trim_parent(name: str, lex: Lexicon) -> str:
    """The parent organisation's name without what the sentence goes on to say about it."""
    aside = _aside(lex).search(name)
    if aside is not None:
        name = name[:aside.start()]  # "bureau du PNUD en Arménie, d'abord comme incubateur ...": what it was first
    name = _trailing_place(lex).sub("", name)
    name = without_place_after(name, lex)
    name = strip_gloss(name)
    when = _month_after().search(fold_keep(name))
    if when is not None:
        name = name[:when.start()]  # 'the CMA in April 2021': when it was done, not where
    since = _since(lex).search(name)
    if since is not None and len(name[:since.start()].split()) >= 2:
        name = name[:since.start()]  # 'ministère de la Culture depuis la création de celui-ci': since when
    nationality = _nationality(lex).match(name)
    if nationality is not None:
        name = name[nationality.end():]  # 'Danish Ministry of ...', 'Australische Department of ...'

    verbs = lex.regex("governance", "parent_clause_verbs")
    # 'ministère chargé du budget et des comptes publics et a son siège à ...': the first 'and' a
    # verb follows ends the name, not the first 'and'.
    for clause in re.finditer(rf"\s+(?:{alternation(lex.words('words', 'and_words'), folded=False)})\s+", name):
        if verbs.match(fold_keep(name), clause.end()):
            name = name[:clause.start()]
            break
    articles = alternation(lex.words("words", "articles"), folded=False)
    name = re.sub(rf",\s+(?:{articles})$", "", name, flags=re.I)
    # 'Présidence de la République, l'ADSC': an apposition after a comma and an article (not the
    # next item of the name: 'Département fédéral de l'économie, de la formation et de la recherche').
    name = _without_apposition(name, lex)
    # '... du Conseil des ministres pour prendre la suite du Team ...': what it was done for.
    purpose = re.search(rf"\s(?i:{alternation(lex.words('governance', 'purpose_openers'), folded=False)})\s+"
                        rf"(?!(?i:{articles})\b)[{LOWERCASE}]{{3,}}\b", name)
    if purpose is not None and len(name[:purpose.start()].split()) >= 2:
        name = name[:purpose.start()]
    # 'Tokyo Metropolitan Government (TMG)': the parent goes by its name; its acronym is a gloss.
    name = re.sub(rf"\s*\([{CAPITALS}][\w&.\-]{{1,11}}\)$", "", name.strip(" ,;"))
    # 'de stichting NWO-Instituten': its legal form in lower case is what it is, not its name.
    if (legal := _legal_form(lex)) is not None:
        name = legal.sub("", name.strip(" ,;"))
    return re.sub(r"['’]s$", "", name.strip(" ,;"))


def _without_own_kind(name: str, lex: Lexicon) -> str:
    """'direction d'administration centrale du ministère de l'Économie et des Finances' under a parent
    label: what the lab is, in lower case, then whose it is; the parent is the last host noun
    (``labs.not_heads``) after a link word with a capitalised name right after it."""
    first = fold_keep(name.split()[0]) if name.split() else ""
    if not name[:1].islower() or first not in lex.folded("labs", "definition_nouns") | lex.folded("labs", "strong_heads"):
        return name
    found = list(_named_host(lex).finditer(name))
    if not found:
        return name
    last = found[-1]
    return name[last.start("host") if last.group("host") is not None else last.start("capital"):]


@lru_cache(maxsize=8)
def _named_host(lex: Lexicon) -> re.Pattern[str]:
    """A link word, then a host noun ('ministère', 'Department') with a capitalised name within two
    words after it, or written with its own capital ('office du Département fédéral des finances')."""
    hosts = alternation(lex.words("labs", "not_heads"), folded=False)
    capitalised = alternation([w[:1].upper() + w[1:] for w in lex.words("labs", "not_heads")], folded=False)
    links = alternation(lex.words("labs", "connectors"), folded=False)
    return re.compile(rf"(?<=\s)(?:{links})\s+(?:[ld]['’])?(?P<host>(?i:{hosts})\s+(?:\S+\s+){{0,2}}?(?:[ld]['’])?[{CAPITALS}])"
                      rf"|(?<=\s)(?:{links})\s+(?:[ld]['’])?(?P<capital>(?:{capitalised})(?![\w'’-]))")


@lru_cache(maxsize=8)
def _legal_form(lex: Lexicon) -> re.Pattern[str] | None:
    """A lower-case legal form before a capitalised name ('stichting NWO-Instituten'); None when the language has none."""
    forms = lex.words("title", "legal_prefixes")
    return re.compile(rf"^(?:{alternation(forms, folded=False)})\s+(?=[{CAPITALS}])") if forms else None


@lru_cache(maxsize=8)
def _until_year(lex: Lexicon) -> re.Pattern[str]:
    """' until 2021', ' group until 2021', ' tot juli 2021' right after a parent's name (governance.until_words,
    folded text)."""
    return re.compile(rf"(?:\s+[^\W\d]+){{0,2}}[\s,]+(?:{alternation(lex.words('governance', 'until_words'))})\s+"
                      rf"(?:[^\W\d]+\s+){{0,2}}(?:19|20)\d\d\b")


@lru_cache(maxsize=8)
def _since(lex: Lexicon) -> re.Pattern[str]:
    """' depuis la création', ' since its founding': a time complement after the name (``governance.since_words``)."""
    return re.compile(rf"\s(?i:{alternation(lex.words('governance', 'since_words'), folded=False)})\s+(?=[{LOWERCASE}\d])")


@lru_cache(maxsize=1)
def _month_after() -> re.Pattern[str]:
    """' in April', ' en avril', ' in januari': a month after the name (in the folded text)."""
    from extract.normalize.dates import month_names

    prepositions = alternation(lexicon(None).words("governance", "month_prepositions"), folded=False, any_space=False)
    return re.compile(rf"\s(?:{prepositions})\s+(?:{month_names()})\b")


@lru_cache(maxsize=8)
def _nationality(lex: Lexicon) -> re.Pattern[str]:
    """A nationality adjective before a ministry or department and its complement: the text's
    description, not part of the name. Agencies keep it ('Swedish Agency for ...' is a name), and
    so does a name without a complement ('Scottish Government')."""
    endings = alternation(lex.words("governance", "demonym_endings"), folded=False)
    heads = alternation(lex.words("governance", "demonym_heads"), folded=False)
    connectors = alternation(lex.words("words", "connectors"), folded=False)
    # 'Deense Klima-, Energi- og Forsyningsministeriet': a ministry named in its own language, its
    # head noun the end of the last word.
    return re.compile(rf"[{CAPITALS}][{LOWERCASE}]+(?:{endings})\s+(?=(?i:{heads})\s+(?:{connectors})\s"
                      rf"|[{CAPITALS}][^\n.;:()]{{0,60}}?[{LOWERCASE}](?i:{heads})(?:t|et|en)?$)")


@lru_cache(maxsize=8)
def _demonym_only(lex: Lexicon) -> re.Pattern[str]:
    """A nationality adjective alone ('Swedish', 'Deense'): no organisation's name."""
    endings = alternation(lex.words("governance", "demonym_endings"), folded=False)
    return re.compile(rf"[{CAPITALS}][{LOWERCASE}]+(?:{endings})")


def _portfolio_tail(name: str, second: re.Match[str], lex: Lexicon) -> bool:
    """Is what follows 'and the' one capitalised word that names no kind of organisation, after a
    name whose words hold a portfolio preposition ('for', 'of')?"""
    tail = name[second.end() - 1:].split()
    return len(tail) == 1 and portfolio_word(tail[0], name[:second.start()].split()[1:], lex)


_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


@lru_cache(maxsize=8)
def _second_organisation(lex: Lexicon) -> re.Pattern[str]:
    """' and the University of Bologna', ' et le Centre ...': a second organisation after the first."""
    joins = alternation(lex.words("words", "and_words"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False)
    return re.compile(rf"\s+(?:{joins})\s+(?:{articles})\s+[{CAPITALS}]")


def _with_dashed_name(ctx: SectionContext, span: tuple[int, int], stops: list[int]) -> tuple[int, int]:
    """'IJAB – Fachstelle für Internationale Jugendarbeit der Bundesrepublik Deutschland': an
    acronym, a dash and the name it stands for are one parent."""
    dash = _DASH_AFTER.match(ctx.text, span[1])
    if dash is None or not is_acronym(ctx.text[span[0]:span[1]]):
        return span
    named = org_phrase(ctx.text, dash.end(), ctx.lex, stops=stops)
    return (span[0], named[1]) if named is not None else span


_DASH_AFTER = re.compile(rf"\s+[–—]\s+(?=[{CAPITALS}])")


@lru_cache(maxsize=8)
def _more_organisations(lex: Lexicon) -> re.Pattern[str]:
    """', de VDAB en het Departement ...': a list of further organisations after the first, up to its 'and'."""
    joins = alternation(lex.words("words", "and_words"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False)
    return re.compile(rf",\s+(?:(?:{articles})\s+)?[{CAPITALS}][^.;:()]{{0,80}}?\s(?:{joins})\s+(?:(?:{articles})\s+)?[{CAPITALS}]")


def _defines_own_lab(ctx: SectionContext, at: int) -> bool:
    """The sentence's subject before a definition is the section's lab: one of its names, a
    pronoun or a short noun phrase ('It', 'Het lab', 'Ce laboratoire')."""
    start, _ = ctx.sentence_span(at)
    subject = ctx.text[start:at].strip(" ,")
    folded = fold_keep(subject)
    if any(re.search(rf"(?<![\w-]){re.escape(fold_keep(name))}(?![\w-])", folded) for name in ctx.subject_names if name):
        return True  # 'MARIN' is not in 'Wageningen Marine Research'
    words = subject.split()
    if words and fold_keep(words[-1]) in ctx.lex.folded("words", "first_person_subjects"):
        return True  # 'Since 1 April 2008 we have been the executive office of ...': the lab speaks
    openers = (ctx.lex.folded("governance", "subject_pronouns") | ctx.lex.folded("words", "articles")
               | ctx.lex.folded("words", "determiners"))
    return (0 < len(words) <= MAX_SUBJECT_WORDS and fold_keep(words[0]) in openers
            and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]))


@lru_cache(maxsize=8)
def _defined_as(lex: Lexicon) -> re.Pattern[str]:
    """A copula or a comma, an article, a few modifiers and a noun a lab is defined by ('is the
    innovation unit', ', het innovatielab', "est l'organisme public"), compounds of the nouns included
    ('een baten-lastenagentschap van het ministerie')."""
    own = language_rules(lex.lang).words
    copulas = alternation(own.get("governance", {}).get("copulas", ()), folded=True)
    articles = alternation(own.get("words", {}).get("articles", ()), folded=True)
    elided = alternation(own.get("words", {}).get("elided_articles", ()), folded=True)
    nouns = alternation(lex.words("labs", "strong_heads") + lex.words("labs", "definition_nouns")
                        + lex.words("governance", "service_nouns"), folded=True)
    compound = alternation(lex.words("labs", "compound_ends"), folded=True)
    return re.compile(rf"(?:,|(?<![\w'’])(?:{copulas}))\s+(?:(?:{articles})\s+|{elided})(?:[\w-]+\s+){{0,3}}?"
                      rf"(?:[\w-]*(?:{nouns})|\w+(?:{compound}))(?![\w])")


@lru_cache(maxsize=8)
def _definition_of(lang: str) -> re.Pattern[str]:
    """The section language's own links only: French 'de' is a Dutch article."""
    links = language_rules(lang).words.get("governance", {}).get("definition_of", ())
    return re.compile(rf"(?<![\w'’])(?:{alternation(links, folded=True)})(?:(?<=['’])|\s+)")


@lru_cache(maxsize=8)
def _lead_phrases(lex: Lexicon) -> re.Pattern[str]:
    """'the authority of', 'la double tutelle des', 'het nieuwe': what stands between a relation and
    the parent's name."""
    return re.compile(rf"\s*(?:{phrase_regex(lex.words('governance', 'parent_lead_phrases')).pattern})\s*")


@lru_cache(maxsize=1)
def _french_triggers() -> re.Pattern[str]:
    return phrase_regex(language_rules("fr").words.get("governance", {}).get("parent_triggers", ()))
