"""Governance: the block's text, the named bodies (with member counts) and the parent organisation."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from extract.extractors.body_cues import runs_the_lab
from extract.extractors.body_sizes import member_count, sized
from extract.extractors.context import SectionContext
from extract.extractors.label_blocks import Block
from extract.extractors.parents import answers_no, parent_candidates
from extract.extractors.phrases import Token, tokens
from extract.models import BodyMention, Candidate, Section
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep
from extract.segment.name_affixes import AFTER_ELISION
from extract.segment.spelling import is_acronym

NAME = "governance"
VERSION = "49"

MAX_MODIFIERS = 3
# Body nouns that also end Dutch compounds ('Innovatieboard', 'adviesraad', 'stuurcomité').
COMPOUND_HEADS = ("raad", "board", "comite", "comité", "stuurgroep", "commissie")
_QUOTES = "“”\"«»„‘’'"


@lru_cache(maxsize=8)
def _body_regex(lex: Lexicon) -> re.Pattern[str]:
    nouns = sorted({fold_keep(n) for n in (*lex.words("governance", "body_nouns"), *lex.words("governance", "bare_body_nouns"))},
                   key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    heads = "|".join(re.escape(fold_keep(h)) for h in COMPOUND_HEADS)
    # After an elided article too: "siègent à l'assemblée générale".
    return re.compile(rf"(?:(?<![\w'’])|{AFTER_ELISION})(?:{body}|[a-z]{{3,}}(?:{heads}))(?![\w])")


APPOINTER_CHARS = 40
"""How far before a body's name its appointing phrase may start ('2 appointed by the European Parliament, ')."""
CLASSIFIED_CHARS = 60
"""How far before a body noun the copula and article that classify something may start."""


@lru_cache(maxsize=8)
def _funder(lex: Lexicon) -> re.Pattern[str]:
    """A funding phrase right before a body's name ('funded through the', 'financé par le'), or a
    grant's ('a management grant from the')."""
    articles = alternation(lex.words("words", "articles"))
    grants = alternation((*lex.words("funding", "grant_nouns"), *lex.words("funding", "contribution_nouns")))
    given = rf"(?:{grants})\s+(?:{alternation(lex.words('funding', 'source_prepositions'))})"
    return re.compile(rf"(?:{lex.regex('funding', 'after').pattern}|{given})\s*(?:(?:{articles})\s+)?$")


def _size_answer(ctx: SectionContext, answer: Block) -> int | None:
    """The count a form's answer opens with when its question asks for a number of members ('Number
    of members of that body' / '3 commissioners, one of whom ...'), else None."""
    from extract.normalize import find_numbers

    question = fold_keep(ctx.text[answer.start:answer.value_start])
    if ctx.lex.regex("governance", "member_nouns").search(question) is None:
        return None
    value = ctx.text[answer.value_start:answer.end]
    numbers = find_numbers(value, ctx.lang)
    if not numbers or value[:numbers[0].start].strip() or numbers[0].value != int(numbers[0].value):
        return None
    return int(numbers[0].value)


def _labelled_body(ctx: SectionContext, answer: Block) -> Candidate | None:
    """'Board  12 members, appointed by the NSMC; ...', 'Raad van bestuur: 9 leden': a label that is
    a body's name, over a count of its members, names the body; the rest says where they come from."""
    from extract.normalize import find_numbers

    label = re.sub(r"\s+", " ", ctx.text[answer.start:answer.value_start]).strip(" :\t")
    if fold_keep(label) not in ctx.lex.folded("governance", "body_nouns"):
        return None
    value = ctx.text[answer.value_start:answer.end]
    numbers = find_numbers(value, ctx.lang)
    if not numbers or value[:numbers[0].start].strip() or numbers[0].value != int(numbers[0].value):
        return None
    noun = re.match(r"\s*([\w-]+)", value[numbers[0].end:])
    if noun is None or fold_keep(noun.group(1)) not in ctx.lex.folded("governance", "member_nouns"):
        return None
    body = BodyMention(name=label[:1].upper() + label[1:], members=int(numbers[0].value), exact=True)
    return ctx.candidate("governance.bodies", body, answer.start, answer.end, family=NAME, version=VERSION, prior="label")


@lru_cache(maxsize=8)
def _members_from(lex: Lexicon) -> re.Pattern[str]:
    """'one representative of each Member State and a representative of the', 'vertegenwoordigers
    van de': a delegate noun, then the link to what sends it (folded text)."""
    nouns = lex.words("governance", "delegate_nouns")
    links = alternation(lex.words("labs", "name_links"))
    return re.compile(rf"\b(?:{alternation(nouns)})\s+(?:{links})\s+{_article(lex)}$")


@lru_cache(maxsize=8)
def _article(lex: Lexicon) -> str:
    """An article, or an elided 'l'' / 'd'', that may stand between a phrase and the name after it (folded text)."""
    return rf"(?:(?:{alternation(lex.words('words', 'articles'))})\s+|[ld]['’])?"


@lru_cache(maxsize=8)
def _membership(lex: Lexicon) -> re.Pattern[str]:
    """'a full member of the', 'membre de plein droit du' before a name (folded text)."""
    return re.compile(rf"\b(?:{alternation(lex.words('governance', 'membership_phrases'))})\s+{_article(lex)}")


def _belongs_to(ctx: SectionContext, name: str, member_of: list[int]) -> bool:
    """Does the text say the lab is a member of the body ``name`` (or of one whose name opens with it:
    'the Joint Committee' after 'a full member of the Joint Committee on Terminology')? ``member_of``:
    where the text's membership phrases end."""
    folded = fold_keep(name)
    return any(ctx.folded.startswith(folded, at) and not re.match(r"\w", ctx.folded[at + len(folded):at + len(folded) + 1])
               for at in member_of)


@lru_cache(maxsize=8)
def _predecessor(lex: Lexicon) -> re.Pattern[str]:
    """'successor to the', 'héritier du', 'opvolger van de' right before a name (labs.replaced; folded text)."""
    return re.compile(rf"\b(?:{lex.regex('labs', 'replaced').pattern})\s+{_article(lex)}$")


LEGAL_FORM_CHARS = 20
FOUNDED_AS_CHARS = 100
PARTNER_CHARS = 120


@lru_cache(maxsize=8)
def _partners(lex: Lexicon) -> re.Pattern[str]:
    """A partnership phrase in the clause before a name (governance.partner_phrases; folded text)."""
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'partner_phrases'))})\s[^.;:!?]*$")


@lru_cache(maxsize=8)
def _founded_as(lex: Lexicon) -> re.Pattern[str]:
    """A founding verb, then 'as the' right before a name (founded.verbs, labs.founded_as; folded text)."""
    articles = alternation(lex.words("words", "articles"))
    founded_as = alternation(lex.words("labs", "founded_as"))
    return re.compile(rf"(?:{lex.regex('founded', 'verbs').pattern})[^.;:()]{{0,60}}?\s(?:{founded_as})\s+(?:(?:{articles})\s+)?$")


@lru_cache(maxsize=8)
def _appointing(lex: Lexicon) -> re.Pattern[str]:
    """'9 members (2 appointed by the European Parliament, 5 by the Council)', '12 membres élus par
    le': members or a count, then who appoints them; the body named next appoints, it is none of
    the lab's ('the director is appointed by the board' names the lab's board; folded text)."""
    phrases = lex.words("governance", "appointed_by")
    agents = alternation(sorted({p.split()[-1] for p in phrases}))
    members = alternation(lex.words("governance", "member_nouns"))
    return re.compile(rf"(?:(?:\d+|{members})\s+(?:{alternation(phrases)})|\d+\s+(?:{agents}))\s+{_article(lex)}$")


@lru_cache(maxsize=8)
def _canonical_nouns(lex: Lexicon) -> frozenset[str]:
    return frozenset(n.casefold() for n in lex.words("governance", "body_nouns"))


class GovernanceExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        out: list[Candidate] = []
        block = ctx.block("governance")
        if block is not None and (text := _clean_text(ctx.text[block.value_start:block.end])):
            out.append(ctx.candidate("governance.text", text, block.value_start, block.end, family=NAME,
                                     version=VERSION, prior="label", evidence=(block.start, block.end)))
        # The first governance answer that names a body gives them: a form's '1.7 Type of
        # organisation' names none, its '4.2 Name and number of members' does. When no answer names
        # one, the rest of the text is not read (it gave bodies the form does not: 'Stuurgroep' of
        # 'stuurgroep Data & Innovatie'). 'Board: n/a – X is a one-council authority': an answer that
        # says there is none names bodies only as unlabelled text would.
        answers = [b for b in ctx.blocks if b.field == "governance"]
        asks_body = ctx.lex.folded("governance", "body_question_nouns")
        taken = False
        for k, answer in enumerate(answers):
            if taken:
                # 'A2.2 Toezichthoudend orgaan (naam, aantal leden)' after the governing body's answer:
                # a question for another body is read too.
                if set(re.findall(r"\w+", ctx.folded[answer.start:answer.value_start])) & asks_body:
                    out += self._bodies(ctx, answer.value_start, answer.end, gated=True)
                continue
            declined = answers_no(ctx.text[answer.value_start:answer.end], ctx.lex)
            if (labelled := _labelled_body(ctx, answer)) is not None:
                out.append(labelled)  # 'Board  12 members, appointed by the NSMC; the chair of the ... Board have sat on it'
                taken = True
                continue
            bodies = self._bodies(ctx, answer.value_start, answer.end, gated=declined)
            if len(bodies) == 1 and k + 1 < len(answers) and (size := _size_answer(ctx, answers[k + 1])) is not None:
                # 'A8 Name of the decision-making body: the Commission' / 'A9 Number of members of that
                # body: 3 commissioners': the next answer counts the body the last one named.
                body = bodies[0].value
                if isinstance(body, BodyMention) and body.members is None:
                    bodies = [bodies[0].model_copy(update={"value": body.model_copy(update={"members": size})})]
            out += bodies
            taken = bool(bodies)
        if not answers:
            out += self._bodies(ctx, 0, len(ctx.text), gated=True)
        parents = parent_candidates(ctx)
        return [c for c in out if not _names_parent(c, parents)] + parents

    # ------------------------------------------------------------------ bodies

    def _bodies(self, ctx: SectionContext, lo: int, hi: int, *, gated: bool) -> list[Candidate]:
        lex = ctx.lex
        mentions = []
        bare = lex.folded("governance", "bare_body_nouns")
        for m in _body_regex(lex).finditer(ctx.folded, lo, hi):
            if m.group(0) in lex.words("governance", "not_bodies"):
                continue
            before = ctx.folded[max(0, m.start() - LEGAL_FORM_CHARS):m.start()].split()
            if before and before[-1] in lex.folded("governance", "legal_form_adjectives"):
                continue  # 'een zelfstandig bestuursorgaan': the lab's legal form, not one of its bodies
            if _asks(ctx, m.start()):
                continue  # 'Governing board (name, number of members, appointed by)': a form's question
            found = _body_name(ctx, m.start(), m.end())
            if found is not None and m.group(0) in bare and found.start < m.start() and found.name[:1].isupper():
                continue  # 'Imperial College', 'European Police College': an institution, not a body
            if found is not None and (glossed := _GLOSSED.search(ctx.text, max(0, found.start - 40), found.start)):
                # 'Innovationsausschuss (comité de l'innovation)': the bracket glosses the body's own name.
                found = found._replace(name=glossed.group(1), start=glossed.start(1), exact=False, clearly_named=True)
            if found is not None and not found.name[:1].isupper() \
                    and _classified(lex).search(ctx.folded, max(0, found.start - CLASSIFIED_CHARS), found.start):
                continue  # 'The Royal Mint Advisory Committee is an independent committee': what the first is
            if found is not None:
                mentions.append(found)
        counts = [member_count(ctx, m.start, m.end, mentions[k + 1].start if k + 1 < len(mentions) else hi)
                  for k, m in enumerate(mentions)]
        referred = _referred(ctx, mentions)
        cued: set[int] = set()
        for k, earlier in referred.items():
            if counts[earlier] is None:
                counts[earlier] = counts[k]  # 'Een Gebruikersraad … in 2023 had die raad elf leden'
            if runs_the_lab(ctx, mentions[k].start, mentions[k].end, -1):
                cued.add(earlier)  # '... aan de raad van toezicht. De raad houdt toezicht op het beleid'
        out = []
        own = {fold_keep(n) for n in ctx.subject_names if n}
        addressee = lex.regex("letters", "addressee_labels")
        member_of = [m.end() for m in _membership(lex).finditer(ctx.folded)]  # once, not per body
        last_end = -1  # where the last body taken ends: 'a general assembly and a board of directors'
        for k, (name, start, end, exact, clearly_named) in enumerate(mentions):
            members = counts[k]
            if k in referred or fold_keep(name) in own or _inside_own_name(ctx, start, end) or _own_words(name, own):
                continue  # 'the Western Development Commission' is the lab, not one of its bodies
            if _funder(lex).search(ctx.folded, max(0, start - APPOINTER_CHARS), start):
                continue  # 'funded through the Scottish Funding Council': who pays, not a body of the lab
            if _appointing(lex).search(ctx.folded, max(0, start - APPOINTER_CHARS), start):
                continue  # '9 members (5 appointed by the Council, 2 by the Commission)': who appoints them
            if _members_from(lex).search(ctx.folded, max(0, start - APPOINTER_CHARS), start):
                continue  # 'a representative of the European Commission': where a member comes from
            if _belongs_to(ctx, name, member_of):
                continue  # 'a full member of the Interinstitutional Committee': what the lab belongs to, wherever named
            if _predecessor(lex).search(ctx.folded, max(0, start - APPOINTER_CHARS), start):
                continue  # 'lui-même héritier du Haut Comité institué en 1966': what the lab succeeded
            if _partners(lex).search(ctx.folded, max(0, start - PARTNER_CHARS), start):
                continue  # 'Closer cooperation with the Volksbund ... and the American Battle Monuments Commission'
            if _founded_as(lex).search(ctx.folded, max(0, start - FOUNDED_AS_CHARS), start):
                continue  # 'established by Royal Charter in 1917 as the Imperial War Graves Commission': its first name
            line_start = ctx.text.rfind("\n", 0, start) + 1
            if _former_names(lex).match(ctx.folded, line_start):
                continue  # 'Vroegere namen  Muntcommissie (1831–1848)': what the lab was called, not its organ
            # A label opens its line with a capital: not 'aan de organisatie. De raad van toezicht, ...'.
            if addressee.match(ctx.folded, line_start) and ctx.text[line_start:line_start + 1].isupper() \
                    and (ctx.folded[line_start:start].strip() or addressee.match(fold_keep(name))):
                continue  # 'Destinataire : Commission de la santé ... du Grand Conseil': the letter's reader
            owner = re.match(r"(.+?)['’]s\s", name)
            if owner is not None and not any(fold_keep(owner.group(1)) in n for n in own):
                continue  # "GovTech's board oversees the agency as a whole": another organisation's board
            if owner is not None and _is_complement_named(name[owner.end():]):
                name = name[owner.end():]  # "the Commission's Board of Commissioners": the lab's own, by its name
            name = _without_label(name, lex)
            name, size = sized(name, lex)
            members = members if members is not None else size
            if gated and not (clearly_named or members is not None or k in cued or runs_the_lab(ctx, start, end, last_end)):
                continue  # outside a governance block only clearly named, counted or governing bodies count
            last_end = end
            value = BodyMention(name=name, members=members, exact=exact)
            out.append(ctx.candidate("governance.bodies", value, start, end, family=NAME, version=VERSION,
                                     prior="mention" if gated else "block", ner=("ORG",)))
        return out


@lru_cache(maxsize=8)
def _former_names(lex: Lexicon) -> re.Pattern[str]:
    """A line opening on a label of former names ('Vroegere namen', 'Former names')."""
    return re.compile(rf"\s*(?:{alternation(lex.folded('governance', 'former_name_labels'))})(?!\w)")


@lru_cache(maxsize=8)
def _classified(lex: Lexicon) -> re.Pattern[str]:
    """'... is an independent committee', '... est un comité consultatif': a copula and an indefinite
    article just before a body noun say what something is, not which body the lab has."""
    copulas = alternation(lex.folded("governance", "copulas"))
    articles = alternation(lex.folded("governance", "kind_articles"))
    return re.compile(rf"\b(?:{copulas})\s+(?:{articles})\s+(?:[\w-]+\s+){{0,2}}$")


# A line that ends in the things it asks for, in brackets: '(name, number of members, appointed by)'.
_PROMPTS = re.compile(rf"\((?:[{LOWERCASE}][{LOWERCASE}'’/ -]*,\s*)+[{LOWERCASE}][{LOWERCASE}'’/ -]*\)\s*$")


def _asks(ctx: SectionContext, at: int) -> bool:
    """Does the noun at ``at`` stand in a form's question, a line ending in the prompts it asks for?"""
    line_end = ctx.text.find("\n", at)
    line = ctx.text[ctx.text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else len(ctx.text)]
    return _PROMPTS.search(line) is not None


def _names_parent(body: Candidate, parents: list[Candidate]) -> bool:
    """'la correspondance de la Commission' in a text on 'le service de traduction de la Commission
    européenne': a body named only with words of the lab's parent, its first word first, is the parent."""
    if not isinstance(body.value, BodyMention) or body.value.members is not None:
        return False
    words = fold_keep(body.value.name).split()
    return bool(words) and any(isinstance(p.value, str) and set(words) <= set(fold_keep(p.value).split())
                               and fold_keep(p.value).startswith(words[0]) for p in parents)


def _own_words(name: str, own: set[str]) -> bool:
    """'Consumer Council', 'Northern Ireland Consumer Council' in a text on the General Consumer
    Council for Northern Ireland: a body named only with words of the lab's name is the lab, by a
    short or a former name; so is one whose name ends with the lab's whole name."""
    words = fold_keep(name).split()
    # 'Awards US-UK Fulbright Commission': a table's cells run together before the lab's whole name.
    return len(words) >= 2 and any(set(words) <= set(o.split()) or (len(o.split()) >= 2 and f" {' '.join(words)}".endswith(f" {o}"))
                                   for o in own)


def _is_complement_named(name: str) -> bool:
    """'Board of Commissioners': a body named by its noun and complement, capitalised."""
    return len(name.split()) >= 3 and name[:1].isupper()


def _inside_own_name(ctx: SectionContext, start: int, end: int) -> bool:
    """'The Irish Human Rights and Equality Commission was established': the body noun's words are
    a stretch of the lab's own name as printed there."""
    for name in ctx.subject_names:
        if name and len(name) > end - start:
            lo = max(0, start - len(name))
            printed = r"\s+".join(map(re.escape, name.split()))  # the name may wrap
            for m in re.finditer(printed, ctx.text[lo:end + len(name)]):
                if lo + m.start() <= start and end <= lo + m.end():
                    return True
    return False


DEFINITE_REFERENCE_CHARS = 200
"""How far back 'the board' may point to the body named before it ('die raad' points any distance)."""


def _referred(ctx: SectionContext, mentions: list[_BodyName]) -> dict[int, int]:
    """'die raad', 'this board', 'ce conseil': a body the text named just before, by its noun
    alone (index of the mention -> index of the body it refers to)."""
    demonstratives = ctx.lex.folded("labs", "demonstratives")
    definite = ctx.lex.folded("words", "articles") - ctx.lex.folded("words", "indefinite_articles")
    own = {fold_keep(n) for n in ctx.subject_names if n}
    out: dict[int, int] = {}
    for k, mention in enumerate(mentions):
        before = re.findall(r"[\w'’]+", ctx.text[max(0, mention.start - 12):mention.start])
        if not before or " " in mention.name.strip():
            continue
        pointing = fold_keep(before[-1]) in demonstratives
        if not (pointing or fold_keep(before[-1]) in definite):
            continue
        noun = fold_keep(mention.name)
        names_it = [_names_noun(fold_keep(other.name), noun) for other in mentions[:k]]
        # 'de raad van toezicht. De raad houdt toezicht ...': the article points back a sentence or two;
        # to the one body of that noun the text named in full, any distance ('The Board of Trustees
        # ... was established ...' and paragraphs later 'The Board comprises a Chairman and eleven ...').
        # Opening with the noun ('Board of Trustees'), not ending with it: 'the Planning & Development
        # Board' is another organisation; nor the lab itself ('Internationale Douaneraad').
        full = [j for j in range(k) if fold_keep(mentions[j].name).startswith(f"{noun} ")
                and fold_keep(mentions[j].name) not in own]
        only = full[-1] if full and len({fold_keep(mentions[j].name) for j in full}) == 1 else None
        for j in range(k - 1, -1, -1):
            near = pointing or mention.start - mentions[j].end <= DEFINITE_REFERENCE_CHARS or j == only
            if near and names_it[j]:
                out[k] = j
                break
    return out


def _names_noun(named: str, noun: str) -> bool:
    """Is a body named ``named`` one the noun alone may stand for ('Gebruikersraad', 'raad van toezicht' for 'raad')?"""
    return named.endswith(noun) or named.startswith(f"{noun} ")


@lru_cache(maxsize=8)
def _function_words(lex: Lexicon) -> frozenset[str]:
    """Words that cannot be part of a body's name: the rules' function words and spaCy's stop words."""
    from extract.nlp import stop_words

    words = {fold_keep(w) for w in stop_words("nl") | stop_words("en") | stop_words("fr")}
    for key in ("determiners", "connectors", "clause_verbs", "relatives", "conjunctions", "agent_markers",
                "negations"):
        words |= lex.folded("words", key)
    return frozenset(words)


def _clean_text(text: str) -> str | None:
    from extract.extractors.role import join_lines

    cleaned = join_lines(text)
    return cleaned or None


_GLOSSED = re.compile(rf"(?<![\w-])([{CAPITALS}][\w-]{{3,}})\s*\(\s*$")


class _BodyName(NamedTuple):
    name: str
    start: int
    end: int
    exact: bool
    """Spelled as in the vocabulary."""
    clearly_named: bool
    """Quoted, or a capitalised name of two words or more before any French modifier."""


def _body_name(ctx: SectionContext, start: int, end: int) -> _BodyName | None:
    """The body named by the body noun at ``start:end``."""
    lex = ctx.lex
    text = ctx.text
    function_words = _function_words(lex)
    noun = text[start:end]
    if text[max(0, start - 1):start] == "-" and text[max(0, start - 2):start - 1].isalpha():
        return None  # 'a one-council authority', 'board-level': a word of a compound, no body
    block = ctx.block_at(start)
    lo = block.value_start if block is not None and block.value_start <= start else ctx.sentence_span(start)[0]
    s0 = max(lo, ctx.sentence_span(start)[0])
    preceding = [fold_keep(w) for w in re.findall(r"[\w'’]+", text[s0:start])][-3:]
    if any(w in lex.folded("words", "negations") or w.startswith(("pas d'", "pas d’")) for w in preceding):
        return None  # 'no board of its own', 'geen eigen bestuursorgaan', "pas d'organe propre"
    exact = noun.casefold() in _canonical_nouns(lex) or any(
        noun.casefold().endswith(h) for h in COMPOUND_HEADS if not h.endswith("comite"))
    # A quoted name: een “Board of Trustees”.
    open_q = _quote_before(text, start)
    if open_q >= 0:
        close = _quote_after(text, end)
        if close >= 0:
            inner = text[open_q + 1:close].strip()
            if 0 < len(inner.split()) <= 6:
                return _BodyName(re.sub(r"\s+", " ", inner), open_q + 1, close, exact, True)
    before = tokens(text, max(lo, start - 120), start)
    modifiers: list[Token] = []
    line_end = text.find("\n", start)
    in_table_row = "\t" in text[start:line_end if line_end >= 0 else len(text)]
    capitalised_run = bool(before) and before[-1].is_word and before[-1].is_capitalised \
        and fold_keep(before[-1].text) not in function_words
    and_words = lex.folded("words", "and_words")
    for k in range(len(before) - 1, -1, -1):
        tok = before[k]
        # 'Audit and Risk Committee': 'and' between two capitalised words joins them into the name.
        joins = (capitalised_run and modifiers and fold_keep(tok.text) in and_words and k > 0
                 and before[k - 1].is_word and before[k - 1].is_capitalised)
        if not joins and (not tok.is_word or fold_keep(tok.text) in function_words
                          or any(c.isdigit() for c in tok.text)):  # 'A2.1 Governing board': a numbering
            break
        if capitalised_run and not tok.is_capitalised and not joins:
            break  # '3 externe Innovation Board leden' -> 'Innovation Board'
        if len(modifiers) >= MAX_MODIFIERS or "\n\n" in text[tok.end:start]:
            break
        if "\n" in text[tok.end:start] and in_table_row:
            break  # 'Totale lasten  € 21,6 miljoen' over 'Raad van toezicht  6 leden': a table row of its own
        modifiers.insert(0, tok)
    while modifiers and noun[:1].isupper() and not modifiers[0].is_capitalised \
            and ("-" in modifiers[0].text or ctx.lang == "en"):
        # 'a multi-person Commission', 'a smaller Management Board': what kind of body, not its name.
        # English capitalises every word of a name but its links; Dutch and French may name a body
        # with a lower-case adjective ('statutaire Raad van Advies', '24 mai Assemblée générale').
        modifiers.pop(0)
    name_start = modifiers[0].start if modifiers else start
    name_end = end
    complement = _complement(ctx, end)
    if complement == "complement":
        name_end = _complement_end(ctx, end)  # 'Raad van Bestuur', 'Board of Trustees'
        complement = _complement(ctx, name_end)
    if complement == "other":
        return None  # 'de Sociaal-Economische Raad van Vlaanderen', '... van het Havenbedrijf': another organisation's
    if complement == "own" and noun[:1].isupper():
        name_end = _complement_end(ctx, name_end)  # not 'het bestuur van CO-PI', a common noun
    # Whether the name alone says it is a body ('Board of Trustees'; not 'Conseil fédéral', the
    # government's): decided before French modifiers lengthen it.
    plain = re.sub(r"\s+", " ", text[name_start:name_end]).strip()
    clearly_named = plain[:1].isupper() and " " in plain
    if ctx.lang == "fr":
        name_end = _french_modifiers_end(ctx, name_end)
    # 'la Commission fédérale du Parc national': a body with a name of its own (a modifier before or after its
    # noun) keeps the lab's name after it; 'the Board of the Data Archive Service' is the Board.
    named_itself = name_start < start or name_end > end
    if named_itself and noun[:1].isupper() and _complement(ctx, name_end) == "own name" \
            and (nxt := _following(ctx, name_end)):
        name_end = _own_name_end(ctx, nxt.start) or name_end
    after = tokens(text, name_end, min(len(text), name_end + 40))
    if after and after[0].text == "(" and len(after) >= 2 and after[1].text.isupper() and len(after[1].text) >= 2:
        return None  # a body with its own acronym is an organisation in its own right
    name = re.sub(r"\s+", " ", text[name_start:name_end]).strip()
    if name_start == start and name_end == end:
        name = name[:1].upper() + name[1:]  # 'heeft een bestuur' -> 'Bestuur'
    return _BodyName(name, name_start, name_end, exact, clearly_named)


_FRENCH_ADJECTIVE = re.compile(r"(?:ique|iques|iel|ielle|al|ale|if|ive|aire|eur|rice|é|ée)$")
MAX_FRENCH_MODIFIERS = 3


def _french_modifiers_end(ctx: SectionContext, end: int) -> int:
    """French names a body after its noun: 'Conseil stratégique', 'comité interministériel du
    numérique', 'conseil de gérance' (not 'conseil de six membres', nor 'de la Ville')."""
    from extract.normalize.number_words import word_numbers

    members = ctx.lex.folded("governance", "member_nouns")
    after = tokens(ctx.text, end, min(len(ctx.text), end + 80))
    k, added = 0, 0
    while k < len(after) and added < MAX_FRENCH_MODIFIERS:
        tok = after[k]
        word = fold_keep(tok.text)
        if (tok.is_word and not tok.is_capitalised and tok.text.isalpha() and _FRENCH_ADJECTIVE.search(word)
                and word not in _function_words(ctx.lex) and not word_numbers(tok.text, "fr")):
            end, k, added = tok.end, k + 1, added + 1
            continue
        if word in ("de", "du", "des", "d'", "d’") and k + 1 < len(after):
            noun = after[k + 1]
            folded = fold_keep(noun.text)
            if (noun.is_word and not noun.is_capitalised and noun.text.isalpha() and folded not in members
                    and folded not in _function_words(ctx.lex) and not word_numbers(noun.text, "fr")):
                end, k, added = noun.end, k + 2, added + 1
                continue
        if tok.text == "," and added:
            # 'conseil économique, social et culturel': a list of adjectives closed by 'et'.
            closed = _adjective_list_end(ctx, after, k)
            if closed is not None:
                end = closed
            break
        if word == "et" and k + 1 < len(after):
            # 'conseil scientifique et technique', "comité de gouvernance et d'éthique": a second modifier.
            rest = _french_modifiers_end(ctx, tok.end)
            if rest > tok.end and not ctx.text[tok.end:rest].strip()[:1].isupper():
                end = rest
        break
    return end


def _adjective_list_end(ctx: SectionContext, after: list[Token], comma: int) -> int | None:
    """Where ', social et culturel' ends, from its first comma: adjectives between commas, the last
    after 'et'; None when the words after the comma are no such list."""
    k = comma
    while k + 1 < len(after) and after[k].text == ",":
        if not _lower_adjective(ctx, after[k + 1]):
            return None
        k += 2
    if k + 1 < len(after) and fold_keep(after[k].text) == "et" and _lower_adjective(ctx, after[k + 1]):
        return after[k + 1].end
    return None


def _lower_adjective(ctx: SectionContext, tok: Token) -> bool:
    word = fold_keep(tok.text)
    # In a list, '-el' is an adjective too ('culturel', 'professionnel').
    return (tok.is_word and not tok.is_capitalised and tok.text.isalpha()
            and (_FRENCH_ADJECTIVE.search(word) is not None or word.endswith("el"))
            and word not in _function_words(ctx.lex))


def _following(ctx: SectionContext, end: int) -> Any:
    """The word after 'van'/'of'/'de' (and an article) following ``end``, or None."""
    lex = ctx.lex
    after = tokens(ctx.text, end, min(len(ctx.text), end + 80))
    if len(after) < 2 or not (after[0].is_word or after[0].is_elision) or \
            fold_keep(after[0].text) not in lex.folded("words", "connectors"):
        return None
    nxt = after[1]
    if fold_keep(nxt.text) in lex.folded("words", "determiners") and len(after) >= 3:
        nxt = after[2]
    return nxt


def _complement(ctx: SectionContext, end: int) -> str | None:
    """'complement' for 'van Bestuur', 'other' for 'van Vlaanderen' (not the lab itself), 'own' for
    "de l'IFSN" (the lab's acronym), else None."""
    nxt = _following(ctx, end)
    if nxt is None or not nxt.is_word:
        return None
    if fold_keep(nxt.text) in ctx.lex.folded("governance", "body_complements"):
        link = tokens(ctx.text, end, nxt.start)[0]
        if fold_keep(link.text) not in ctx.lex.folded("words", "and_words"):
            return "complement"  # not 'Bestuur en toezicht', a heading's two topics
    if nxt.is_capitalised:
        own = {fold_keep(w) for n in ctx.subject_names for w in n.split()}
        if fold_keep(nxt.text) not in own:
            return "other"
        if nxt.text in ctx.subject_names and is_acronym(nxt.text):
            return "own"  # 'le Conseil de l'IFSN': the body goes by the lab's acronym
        if _own_name_end(ctx, nxt.start) is not None:
            return "own name"  # 'la Commission fédérale du Parc national' in the Parc national suisse's text
    return None


MIN_OWN_NAME_WORDS = 2


def _own_name_end(ctx: SectionContext, at: int) -> int | None:
    """Where the lab's name, or its first words (two at least), printed from ``at`` ends."""
    for name in ctx.subject_names:
        words = name.split()
        for count in range(len(words), MIN_OWN_NAME_WORDS - 1, -1):
            said = re.compile(r"\s+".join(re.escape(w) for w in words[:count]) + r"(?![\w-])")
            if (found := said.match(ctx.text, at)) is not None:
                return found.end()
    return None


def _complement_end(ctx: SectionContext, end: int) -> int:
    nxt = _following(ctx, end)
    return nxt.end if nxt is not None else end


def _quote_before(text: str, start: int) -> int:
    """Offset of an opening quote at most 40 characters before ``start`` (not an apostrophe in a word)."""
    for i in range(start - 1, max(-1, start - 41), -1):
        if text[i] in _QUOTES and (i == 0 or not text[i - 1].isalnum()):
            return i
        if text[i] in ".;:()":
            break
    return -1


def _quote_after(text: str, end: int) -> int:
    for i in range(end, min(len(text), end + 40)):
        if text[i] in _QUOTES and (i + 1 >= len(text) or not text[i + 1].isalnum()):
            return i
        if text[i] in ".;:()":
            break
    return -1


def _without_label(name: str, lex: Lexicon) -> str:
    """'Toezicht raad van toezicht', 'Gouvernance Comité de pilotage' (key-facts lines): the field's
    label is not part of the body's name ('Board of Directors', 'Management Board' keep theirs)."""
    from extract.rules.vocab import match_label

    first, _, rest = name.partition(" ")
    if len(rest.split()) >= 2 and _body_regex(lex).match(fold_keep(rest)) is not None \
            and (found := match_label(f"{first}: x")) is not None and found.field == "governance":
        return rest[:1].upper() + rest[1:] if first[:1].isupper() and rest[:1].islower() else rest
    return name
