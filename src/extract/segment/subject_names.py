"""Patterns for the names a text presents as organisations: founded subjects ('X was set up in
2018', 'L'Agence ... (AGETIC) a été créée'), defined subjects ('X est l'organisme ...'), names
presented as cases, coined one-word names, mastheads. Used by ``lab_index``; words from the rule
files (``labs.name_links``, ``founded.subject_auxiliaries``, ``labs.issue_words``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon

# One word that is a name by its letters: '18F', 'eWBS', 'GovLab', 'MindLab'.
DISTINCTIVE = re.compile(r"\d|@|^[a-z]+[A-Z]|^[A-Z][A-Z]|\w[A-Z]")

# A name's word: capitalised ('LAB.Rio' with its dot), or 'a2i'.
_NAME_WORD = rf"(?:[{CAPITALS}][\w'’&-]*(?:\.[{CAPITALS}]\w*)?|[a-z]+\d\w*)"
# What may stand between a founded subject and its verb: its acronym ('(AGESIC)') or an apposition
# ('LAB.Rio, the participation lab of the City Hall, was created').
_BETWEEN_SUBJECT_AND_VERB = rf"(?:\s+\((?P<acr>[{CAPITALS}][\w.&-]{{1,12}})\)|,\s+[^,.;:!?()]{{3,90}},)?"
_ELIDED_NAME_WORD = rf"[ld]['’][{CAPITALS}][\w'’&/-]*"  # "de l'Information"
_SLASHED_NAME_WORD = rf"[{CAPITALS}][\w&-]*/[\w&-]+"  # 'Télécommunications/TIC'


def longest_first(words: Iterable[str]) -> str:
    """``words`` as printed, escaped, longest first, as one alternation."""
    return alternation(words, folded=False, any_space=False, longest_first=True)


def name_pattern(links: Iterable[str], *, joined_heads: str = "") -> str:
    """A name: capitalised words (or 'a2i') and the links inside names ('of', 'van', 'du', with an
    article after them: 'Innovation Team of the Government Office'), longest link first ('del'
    before 'de': a name goes on after 'del'). With ``joined_heads``, an 'and' joins the words before
    an organisation's head noun too ('Irish Human Rights and Equality Commission')."""
    body = longest_first([*links, "&"])  # 'Sund & Bælt'
    articles = longest_first(lexicon(None).words("words", "articles"))
    joined = ""
    if joined_heads:
        ands = longest_first(lexicon(None).words("words", "and_words"))
        joined = rf"|(?:{ands})(?=\s+(?:{_NAME_WORD}\s+){{0,3}}(?i:{joined_heads})(?!\w))"
    # A legal form in capitals and dots ends it whole: 'Stadion Amsterdam N.V.', 'Palexpo S.A.'.
    return (rf"({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?:{body})(?:\s+(?:{articles}))?{joined})){{0,5}}(?<=\w)"
            rf"(?:\s+[A-Z]\.(?:[A-Za-z]\.){{1,3}})?)")


@cache
def subject_name() -> str:
    """A subject's name (labs.name_links and labs.foreign_name_links); 'and' only before the
    organisation noun that ends it ('The Equality and Human Rights Commission was set up', not
    'Denmark and Sweden were')."""
    from extract.segment.acronyms import organisation_nouns

    lex = lexicon(None)
    return name_pattern((*lex.words("labs", "name_links"), *lex.words("labs", "foreign_name_links")),
                        joined_heads=alternation(sorted(organisation_nouns()), folded=False))


@cache
def acronym_subject() -> str:
    """A longer name, 'and' included, when its acronym marks where it ends: "Uruguay's Agency for
    Electronic Government and Information and Knowledge Society (AGESIC) was created"."""
    lex = lexicon(None)
    links = longest_first((*lex.words("labs", "name_links"), *lex.words("words", "and_words"),
                                        *lex.words("words", "articles"), "&"))
    return (rf"({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_ELIDED_NAME_WORD}|{_SLASHED_NAME_WORD}|{links})){{1,12}}?)"
            rf"\s+\((?P<acr>[{CAPITALS}][\w.&-]{{1,12}})\)")


@cache
def presented_name() -> re.Pattern[str]:
    """A name after the ordinal that presents it (labs.name_links)."""
    return re.compile(name_pattern(lexicon(None).words("labs", "name_links")))


@cache
def legal_suffix() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(lexicon(None).words('labs', 'legal_suffixes'))})$")


# A capitalised name (or 'a2i') at a sentence's start or after an article, then the auxiliary of a
# passive: the founding verb must follow within the clause.
@cache
def founded_subject() -> re.Pattern[str]:
    """'X was set up', and in the active voice 'X voit le jour', 'X came into existence', 'X a ouvert
    ses portes', or in apposition 'X, set up in 2019,' (the match then ends before the verb: group
    ``active`` is set)."""
    lex = lexicon(None)
    auxiliaries = alternation(lex.words("founded", "subject_auxiliaries"), folded=False)
    active = alternation(lex.words("founded", "active_auxiliaries"), folded=False)
    verbs = alternation(lex.words("founded", "verbs"), folded=False, longest_first=True)
    indefinite = alternation(lex.words("words", "indefinite_articles"), folded=False)
    return re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=[“«])|(?<=\b[Dd]e\s)|(?<=\b[Hh]et\s)|(?<=\b[Tt]he\s)|(?<=\b[Ll][ae]\s)|(?<=\bL['’]))"
        + subject_name() + _BETWEEN_SUBJECT_AND_VERB
        # ... or its founding in apposition: "L'Agence X, créée fin 2021 sous la forme ...", 'the
        # Mortlake Crematorium Board, a joint board set up by Act of Parliament'.
        + rf"(?:\s+(?:{auxiliaries})\b|(?P<active>(?=\s+(?:(?:{active})\s+)?(?:{verbs})(?!\w)|,\s+(?:{verbs})(?!\w)"
        + rf"|(?P<apposed>,\s+(?:{indefinite})\s+(?:[{LOWERCASE}-]+\s+){{1,3}}(?:{verbs})(?!\w)))))")


@cache
def ranked_subject(*, french: bool = False) -> re.Pattern[str]:
    """'Companies House is the oldest of the three', 'De Algemene Rekenkamer is de oudste van de
    drie', with ``french`` 'La Cour des comptes française est la plus ancienne des deux': a name a
    comparison ranks among its cases (``labs.among_cases``). The match ends before the verb."""
    lex = lexicon(None)
    copulas = alternation(lex.words("governance", "copulas"), folded=False)
    articles = longest_first(lex.words("words", "articles"))
    among = alternation(lex.words("labs", "among_cases"), folded=False)
    lead = r"(?:^|(?<=[.!?]\s)|(?<=\b[Dd]e\s)|(?<=\b[Hh]et\s)|(?<=\b[Tt]he\s)|(?<=\b[Ll][ae]\s)|(?<=\bL['’]))"
    return re.compile(lead + (french_name() if french else subject_name()) + _BETWEEN_SUBJECT_AND_VERB
                      + rf"(?=\s+(?:{copulas})\s+(?:(?:{articles})\s+|[Ll]['’])(?:\w+\s+)?[\w-]+\s+(?:{among})\b)")


@cache
def french_name() -> str:
    """A French name in full, as a group: a capitalised head and the lower-case adjectives and
    complements it goes on with (``labs.adjective_endings``, ``labs.complement_links`` of fr.yml),
    at least one of them: 'Cinémathèque royale de Belgique', 'Cour des comptes'."""
    from extract.rules.loader import language_rules
    from extract.segment.lab_names import adjective_pattern

    own = language_rules("fr").words.get("labs", {})
    link = alternation(own.get("complement_links", []), folded=False, any_space=True)
    adjective = rf"\s+{adjective_pattern(own)}"
    complement = rf"\s+(?:{link})\s*(?:[{LOWERCASE}][\w-]{{2,}}|[{CAPITALS}][\w-]+)(?![\w'’])(?:{adjective})?"
    return (rf"([{CAPITALS}][{LOWERCASE}]+(?:(?:{adjective}){{1,2}}(?:{complement}){{0,6}}|(?:{complement}){{1,6}}(?:{adjective})?))")


@cache
def founded_french_subject() -> re.Pattern[str]:
    """'La Cinémathèque française a été fondée', 'Les Musées royaux des Beaux-Arts de Belgique ont été
    fondés', 'La Cinémathèque royale de Belgique, que le public
    connaît sous le nom de Cinematek, a été fondée': after the sentence's article, a French name in
    full (``french_name``), then a passive's auxiliary. ``founded_subject`` reads capitalised words
    only, so it stops at such a name's head."""
    auxiliaries = alternation(lexicon(None).words("founded", "subject_auxiliaries"), folded=False)
    return re.compile(r"(?:^|(?<=[.!?]\s))(?:L[ae]s?\s+|L['’])" + french_name()
                      + _BETWEEN_SUBJECT_AND_VERB + rf"\s+(?:{auxiliaries})\b")


@cache
def founded_acronym_subject() -> re.Pattern[str]:
    auxiliaries = alternation(lexicon(None).words("founded", "subject_auxiliaries"), folded=False)
    return re.compile(r"(?:^|(?<=[.!?]\s)|(?<=['’]s\s)|(?<=\b[Tt]he\s)|(?<=\b[Dd]e\s)|(?<=\b[Hh]et\s)|(?<=\b[Ll][ae]\s)|(?<=\bL['’]))"
                      + acronym_subject() + rf"\s+(?:{auxiliaries})\b")


# A capitalised name at a sentence's start defined by what follows: 'X est l'organisme ...', 'X is
# de ontwikkelingsmaatschappij ...', 'X is an independent agency ...'.
@cache
def defined_subject() -> re.Pattern[str]:
    lex = lexicon(None)
    verbs = alternation(lex.words("labs", "presenting_verbs"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return re.compile(
        r"(?:^|(?<=[.!?:]\s))"  # 'X reports: Stadtreinigung Hamburg is the city's ... company'
        + subject_name() + rf"\s+(?:{verbs})\s+(?=(?:{articles})\s|{elided})")


@cache
def defined_french_subject() -> re.Pattern[str]:
    """'Le Défenseur des droits est une autorité constitutionnelle indépendante': after the
    sentence's article, a French name in full (``french_name``) that the sentence defines."""
    lex = lexicon(None)
    verbs = alternation(lex.words("labs", "presenting_verbs"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return re.compile(r"(?:^|(?<=[.!?]\s))(?:L[ae]\s+|L['’])" + french_name()
                      + rf"\s+(?:{verbs})\s+(?=(?:{articles})\s|{elided})")


MIN_COINED_USES = 2


def written_in_lower_case(word: str, text: str) -> bool:
    """Does ``text`` write ``word`` in lower case somewhere (an address such as 'valtori.fi' aside)?
    A word that it does is a plain word, not a name."""
    return re.search(rf"(?<![\w@./-]){re.escape(word.lower())}(?![\w-])(?!\.\w)", text) is not None
MASTHEAD_LINES = 3


def titled_with_article(text: str, word: str, lex: Lexicon) -> str | None:
    """'Het Waterschapshuis' when the text writes 'van Het Waterschapshuis' mid-sentence, and never
    'van het Waterschapshuis': 'Over het KNMI ... Het KNMI werd' is a heading run into a sentence."""
    articles = alternation([a.capitalize() for a in lex.words("words", "articles")], folded=False, any_space=False)
    found = re.search(rf"(?<=[{LOWERCASE},] )((?:{articles})\s+){re.escape(word)}(?![\w-])", text)
    if found is None or re.search(rf"(?<![\w-]){re.escape(found.group(1).strip().lower())}\s+{re.escape(word)}(?![\w-])", text):
        return None
    return f"{found.group(1).strip()} {word}"


def masthead_name(text: str, lex: Lexicon) -> str | None:
    """'LABNOTES' of 'LABNOTES — Issue 31': a publication's name before its issue number."""
    found = _masthead(lex).match(text)
    if found is None:
        return None
    words = found.group(1).split()
    texts = lex.folded("governance", "law_words") | lex.folded("labs", "document_nouns")
    if len(words) > MAX_MASTHEAD_NAME_WORDS or (words and fold_keep(words[-1]) in texts):
        return None  # "L'Autorité ... a été créée par la loi n° 2006-686": a law's number, no issue's
    return found.group(1)


MAX_MASTHEAD_NAME_WORDS = 10


@cache
def _masthead(lex: Lexicon) -> re.Pattern[str]:
    issue = alternation(lex.words("labs", "issue_words"), folded=False)
    # A publication's name is short and no sentence: 'merged by Law No. 9 of 2021' is not a masthead.
    return re.compile(rf"^\W*((?:(?![.!?]\s).){{1,100}}?)\s*[—–:|·,-]?\s*(?i:{issue})\s*\d+\b")


MAX_MASTHEAD_WORDS = 6


def masthead_over_issue(text: str, next_text: str, lex: Lexicon) -> str | None:
    """'SupTech Exchange Bulletin' over 'News for supervisors ... · Issue 31, February 2026': a short
    line whose next line gives the issue number is the publication's name."""
    name = text.strip()
    if not name or len(name.split()) > MAX_MASTHEAD_WORDS or name[-1:] in ".:;,":
        return None
    return name if _issue_number(lex).search(next_text) else None


@cache
def _issue_number(lex: Lexicon) -> re.Pattern[str]:
    """'Issue 31', 'nummer 12', 'no 4' anywhere in a line."""
    issue = alternation(lex.words("labs", "issue_words"), folded=False)
    return re.compile(rf"(?<![\w])(?i:{issue})\s*\d+\b")


def over_issue(lines: Sequence[Line], body: Sequence[int], i: int, lex: Lexicon) -> bool:
    """Line ``i`` is the publication's name at the top of the document, over its issue line."""
    at = list(body).index(i) if i in body else -1
    return 0 <= at < MASTHEAD_LINES and at + 1 < len(body) and \
        masthead_over_issue(lines[i].text, lines[body[at + 1]].text, lex) is not None


def head_part(name: str, lex: Lexicon) -> str | None:
    """'Innovation Team' of 'Innovation Team of the Government Office': the words before the first
    link, when they end with a lab's head noun and are more than that noun."""
    words = name.split()
    links = lex.folded("labs", "name_links")
    for n, word in enumerate(words):
        if fold_keep(word) in links:
            head = words[:n]
            if len(head) >= 2 and fold_keep(head[-1]) in lex.folded("labs", "strong_heads"):
                return " ".join(head)
            return None
    return None


def coined_words(lines: Sequence[Line], body: Sequence[int], labels: set[str]) -> set[str]:
    """'Athumi' over athumi.eu: a single capitalised word spelling a domain is a coined name when the
    text uses it at least twice, never in lower case, and it names no country. Opening sentences
    counts ('Insiel in Triëst is de oudste … Insiel beheert …'): a word that spells the site's
    address and is never written in lower case is no common word."""
    from extract.normalize import country_code

    text = "\n".join(lines[i].text for i in body)
    out = set()
    for label in labels:
        if not label.isalpha():
            continue
        # Mid-sentence, or as a numbered title ('1 · Logius', '3. Dimpact'): never a sentence's first word.
        uses = re.findall(rf"(?:(?<=[{LOWERCASE},;.!?] )|(?m:^)(?:\d{{1,2}}\s*[·.)–-]\s*)?)({label.capitalize()})\b", text)
        if (len(uses) >= MIN_COINED_USES and not re.search(rf"(?<![.@/])\b{label}\b(?!\.\w)", text)
                and country_code(label.capitalize(), None) is None):
            out.add(label.capitalize())
    return out


def subject_words(name: str, determiners: frozenset[str]) -> list[str]:
    """The words of a sentence's subject that are its name: without the sentence's determiners, a
    possessive before it ("Uruguay's Agency for ...": whose it is) or an elided article ("L'ANS a
    été créée", "L'Agence des ...")."""
    words = name.split()
    while words and fold_keep(words[0]) in determiners:
        words = words[1:]
    if len(words) >= 3 and re.search(r"['’]s$", words[0]):
        words = words[1:]
    if words and (article := re.match(rf"[LlDd]['’](?=[{CAPITALS}0-9&-]{{2,}}$)" if len(words) == 1
                                      else rf"[Ll]['’](?=[{CAPITALS}])", words[0])):
        words[0] = words[0][article.end():]
    return words
