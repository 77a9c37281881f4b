"""The lab-like names of one document and how each is used, before reading their facts.

Section-first segmentation needs label lines ('Website:') under headings. This module gives
``segment`` the evidence that holds in any genre:

- ``LabIndex``: every lab-like name of the document (``lab_names``) with its acronym and how
  it is used: in a heading, as the subject of a paragraph, in a website's domain, how often.

Headings and one-lab documents are read in ``lab_headings``, prose in ``paragraphs``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.lexicon import Lexicon, fold_keep, lexicon, phrase_regex
from extract.segment.lab_names import (
    NameMention,
    defined_acronyms,
    domain_matches,
    find_lab_names,
    initials_cover,
    is_acronym,
)

_BARE_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{0,4}[A-Z][A-Z0-9]{0,4}(?![\w-])")  # two letters at least: not 'D08'
URL = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?", re.IGNORECASE)
SOCIAL = re.compile(r"(twitter|x|linkedin|facebook|youtube|instagram|medium|github|flickr|vimeo|doi|bit)\.", re.I)
_SPEAKER = re.compile(r"^\s*([A-ZÀ-Ý][\w.]{0,15}):\s")
# Letters no plain word has: a digit, an '@', a capital inside ('18F', 'Lab@OPM', 'eWBS', 'USDS').
DISTINCTIVE = re.compile(r"\d|@|^[a-z]+[A-Z]|^[A-Z][A-Z]|\w[A-Z]")
MIN_GENERIC_NAME_USES = 2
_SENTENCE_STOPS = frozenset(".!?:•\"“")

FOUNDING_CLAUSE_CHARS = 80
NEARBY_CHARS = 300
# A name's word: capitalised ('LAB.Rio' with its dot), or 'a2i'.
_NAME_WORD = r"(?:[A-ZÀ-Ý][\w'’&-]*(?:\.[A-ZÀ-Ý]\w*)?|[a-z]+\d\w*)"
# What may stand between a founded subject and its verb: its acronym ('(AGESIC)') or an apposition
# ('LAB.Rio, the participation lab of the City Hall, was created').
_BETWEEN_SUBJECT_AND_VERB = r"(?:\s+\((?P<acr>[A-ZÀ-Ý][\w.&-]{1,12})\)|,\s+[^,.;:!?()]{3,90},)?"
_ELIDED_NAME_WORD = r"[ld]['’][A-ZÀ-Ý][\w'’&/-]*"  # "de l'Information"
_SLASHED_NAME_WORD = r"[A-ZÀ-Ý][\w&-]*/[\w&-]+"  # 'Télécommunications/TIC'


def _alternation_longest_first(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(dict.fromkeys(words), key=len, reverse=True)) or r"(?!x)x"


def _name_pattern(links: Iterable[str]) -> str:
    """A name: capitalised words (or 'a2i') and the links inside names ('of', 'van', 'du', with an
    article after them: 'Innovation Team of the Government Office'), longest link first ('del'
    before 'de': a name goes on after 'del')."""
    body = _alternation_longest_first(links)
    articles = _alternation_longest_first(lexicon(None).words("words", "articles"))
    return rf"({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?:{body})(?:\s+(?:{articles}))?)){{0,5}}(?<=\w))"


@cache
def _subject_name() -> str:
    """A subject's name (labs.name_links and labs.foreign_name_links)."""
    lex = lexicon(None)
    return _name_pattern((*lex.words("labs", "name_links"), *lex.words("labs", "foreign_name_links")))


@cache
def _acronym_subject() -> str:
    """A longer name, 'and' included, when its acronym marks where it ends: "Uruguay's Agency for
    Electronic Government and Information and Knowledge Society (AGESIC) was created"."""
    lex = lexicon(None)
    links = _alternation_longest_first((*lex.words("labs", "name_links"), *lex.words("words", "and_words"),
                                        *lex.words("words", "articles"), "&"))
    return (rf"({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_ELIDED_NAME_WORD}|{_SLASHED_NAME_WORD}|{links})){{1,12}}?)"
            r"\s+\((?P<acr>[A-ZÀ-Ý][\w.&-]{1,12})\)")


@cache
def _presented_name() -> re.Pattern[str]:
    """A name after the ordinal that presents it (labs.name_links)."""
    return re.compile(_name_pattern(lexicon(None).words("labs", "name_links")))


@cache
def _legal_suffix() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(lexicon(None).words('labs', 'legal_suffixes'))})$")


# A capitalised name (or 'a2i') at a sentence's start or after an article, then the auxiliary of a
# passive: the founding verb must follow within the clause.
@cache
def _founded_subject() -> re.Pattern[str]:
    auxiliaries = alternation(lexicon(None).words("founded", "subject_auxiliaries"), folded=False)
    return re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=\b[Dd]e\s)|(?<=\b[Hh]et\s)|(?<=\b[Tt]he\s)|(?<=\b[Ll][ae]\s)|(?<=\bL['’]))"
        + _subject_name() + _BETWEEN_SUBJECT_AND_VERB + rf"\s+(?:{auxiliaries})\b")


@cache
def _founded_acronym_subject() -> re.Pattern[str]:
    auxiliaries = alternation(lexicon(None).words("founded", "subject_auxiliaries"), folded=False)
    return re.compile(r"(?:^|(?<=[.!?]\s)|(?<=['’]s\s)|(?<=\b[Tt]he\s)|(?<=\b[Dd]e\s)|(?<=\b[Hh]et\s)|(?<=\b[Ll][ae]\s)|(?<=\bL['’]))"
                      + _acronym_subject() + rf"\s+(?:{auxiliaries})\b")


# A capitalised name at a sentence's start defined by what follows: 'X est l'organisme ...', 'X is
# de ontwikkelingsmaatschappij ...', 'X is an independent agency ...'.
@cache
def _defined_subject() -> re.Pattern[str]:
    lex = lexicon(None)
    verbs = alternation(lex.words("labs", "presenting_verbs"), folded=False)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    elided = alternation(lex.words("words", "elided_articles"), folded=False, any_space=False)
    return re.compile(
        r"(?:^|(?<=[.!?]\s))"
        + _subject_name() + rf"\s+(?:{verbs})\s+(?=(?:{articles})\s|{elided})")




MIN_COINED_USES = 2
MASTHEAD_LINES = 3


def _titled_with_article(text: str, word: str, lex: Lexicon) -> str | None:
    """'Het Waterschapshuis' when the text writes 'van Het Waterschapshuis' mid-sentence."""
    articles = alternation([a.capitalize() for a in lex.words("words", "articles")], folded=False, any_space=False)
    found = re.search(rf"(?<=[a-zà-ÿ,] )((?:{articles})\s+){re.escape(word)}(?![\w-])", text)
    return f"{found.group(1).strip()} {word}" if found else None


def masthead_name(text: str, lex: Lexicon) -> str | None:
    """'LABNOTES' of 'LABNOTES — Issue 31': a publication's name before its issue number."""
    found = _masthead(lex).match(text)
    return found.group(1) if found else None


@cache
def _masthead(lex: Lexicon) -> re.Pattern[str]:
    issue = alternation(lex.words("labs", "issue_words"), folded=False)
    return re.compile(rf"^\W*(.+?)\s*[—–:|·,-]?\s*(?i:{issue})\s*\d+\b")


def _head_part(name: str, lex: Lexicon) -> str | None:
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


def _coined_words(lines: Sequence[Line], body: Sequence[int], labels: set[str]) -> set[str]:
    """'Athumi' over athumi.eu: a single capitalised word spelling a domain is a coined name when the
    text uses it mid-sentence at least twice, never in lower case, and it names no country."""
    from extract.normalize import country_code

    text = "\n".join(lines[i].text for i in body)
    out = set()
    for label in labels:
        if not label.isalpha():
            continue
        # Mid-sentence, or as a numbered title ('1 · Logius', '3. Dimpact'): never a sentence's first word.
        uses = re.findall(rf"(?:(?<=[a-zà-ÿ,;] )|(?m:^)\d{{1,2}}\s*[·.)–-]\s*)({label.capitalize()})\b", text)
        if (len(uses) >= MIN_COINED_USES and not re.search(rf"(?<![.@/])\b{label}\b(?!\.\w)", text)
                and country_code(label.capitalize(), None) is None):
            out.add(label.capitalize())
    return out


def _key(name: str) -> str:
    """A name as the index files it: 'The Innovation Unit Limited' is 'innovation unit'."""
    key = re.sub(r"[^\w]+", " ", fold_keep(name)).strip()
    key = re.sub(r"^the\s+(?=\S+\s)", "", key)
    return _legal_suffix().sub("", key)


@dataclass
class LabEntry:
    name: str
    acronym: str | None = None
    mentions: int = 0
    in_heading: int = 0
    as_subject: int = 0
    strong: bool = False
    domain: bool = False
    first: int = 10**9
    """Index of the first line that names it."""
    generic: bool = False
    """Named by a kind of lab ('Policy Lab'): a longer name holding it is another lab."""
    as_host: int = 0
    """Mentions right after 'part of', 'hosted by', 'under': the organisation a lab sits in."""
    aliases: set[str] = field(default_factory=set)
    defined: bool = False
    """Named with an acronym definition ('Small Business Innovation Research (SBIR)')."""

    @property
    def score(self) -> float:
        return (self.mentions + 2.0 * self.in_heading + 1.5 * self.as_subject + (2.0 if self.domain else 0.0)
                + (1.0 if self.acronym else 0.0) + (1.0 if self.strong else 0.0))

    @property
    def title(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym not in self.name else self.name


class LabIndex:
    """The lab-like names of one document and how each is used."""

    def __init__(self, lines: Sequence[Line], body: Sequence[int], lang: str | None) -> None:
        self.lex: Lexicon = lexicon(lang)
        self.lang = self.lex.lang
        self._lines = lines
        self.entries: list[LabEntry] = []
        self._by_alias: dict[str, LabEntry] = {}
        self.mentions_by_line: dict[int, list[tuple[NameMention, LabEntry]]] = {}
        # A printed web page's own address (its footer) names the site it is about.
        own_pages = [i for i, line in enumerate(lines) if line.role == "url_footer"]
        self.own_sites = {m.group(1).lower() for i in own_pages for m in URL.finditer(lines[i].text)
                          if "." in m.group(0) and not SOCIAL.match(m.group(1))}
        # Sites are often given only in a footnote or a slide's small print ('• innovationquarter.nl').
        notes = [i for i, line in enumerate(lines) if line.role == "footnote"]
        domains = {m.group(1).lower() for i in [*body, *notes] for m in URL.finditer(lines[i].text)
                   if "." in m.group(0) and not SOCIAL.match(m.group(1))} | self.own_sites
        kinds: dict[str, list[tuple[int, NameMention]]] = {}
        tags: dict[str, int] = {}
        for i in body:
            if tag := _SPEAKER.match(lines[i].text):
                tags[tag.group(1)] = tags.get(tag.group(1), 0) + 1
        self.speakers = {tag for tag, n in tags.items() if n >= 2}
        """'PSDQ:', 'Q:', 'Interviewer:' opening several lines: who speaks, not a lab."""
        hosts = re.compile(self.lex.regex("governance", "parent_triggers").pattern + r"(?:\s+the)?\s*$")
        verbs_presenting = alternation(self.lex.words("labs", "presenting_verbs"), any_space=False)
        any_article = alternation((*self.lex.words("words", "articles"), *self.lex.words("words", "elided_articles")),
                                  any_space=False)
        introduced = re.compile(self.lex.regex("labs", "ordinals").pattern
                                + rf"\s+\w+(?:\s+\w+)?\s+(?:{verbs_presenting})\s+(?:{any_article})?\s*$")
        before_line = ""
        not_heads = self.lex.folded("labs", "not_heads")
        for i in body:
            text = lines[i].text
            for name, acronym, _ in defined_acronyms(text):
                entry = self.entry_for(name, acronym, i)
                entry.defined = True
            # A name the line break cut: 'de Directie-generaal Digitale' / 'Transformatie (DG DT) van ...'.
            if before_line and "(" in text[:80]:
                joined_lines = f"{before_line} {text}"
                for name, acronym, at in defined_acronyms(joined_lines):
                    lead = fold_keep(joined_lines[max(0, at - 20):at]).split()[-2:]
                    if any(w in not_heads for w in [*lead, fold_keep(name.split()[0])]):
                        continue  # 'ministerie van' / 'Economische Zaken (EZK)': a ministry, not a lab
                    if at <= len(before_line) and self.lookup(acronym) is None:
                        entry = self.entry_for(name, acronym, i)
                        entry.defined = True
            before_line = text
            for mention in find_lab_names(text, self.lang, generic=True):
                if mention.generic:
                    if mention.start > 0 and text[:mention.start].rstrip()[-1:] not in _SENTENCE_STOPS:
                        kinds.setdefault(_key(mention.name), []).append((i, mention))
                    continue
                entry = self.entry_for(mention.name, mention.acronym, i)
                entry.mentions += 1
                entry.strong = entry.strong or mention.strong
                entry.as_host += bool(hosts.search(fold_keep(text[max(0, mention.start - 30):mention.start])))
                if introduced.search(fold_keep(text[max(0, mention.start - 50):mention.start])):
                    entry.strong = True  # "De derde organisatie is de X": presented as a case, as by a heading
                    entry.in_heading += 1
                self.mentions_by_line.setdefault(i, []).append((mention, entry))
        # 'Policy Lab was set up ... what Policy Lab does': a kind of lab the text keeps using as a name.
        for uses in kinds.values():
            if len(uses) >= MIN_GENERIC_NAME_USES:
                for i, mention in uses:
                    entry = self.entry_for(mention.name, mention.acronym, i)
                    entry.generic = entry.generic or entry.mentions == 0
                    entry.mentions += 1
                    entry.strong = entry.strong or mention.strong
                    self.mentions_by_line.setdefault(i, []).append((mention, entry))
        self._names_from_domains(lines, body, domains)
        for entry in self.entries:
            entry.domain = entry.domain or any(domain_matches(entry.name, d) or (entry.acronym and d.split(".")[0] == entry.acronym.lower())
                               for d in domains)
        self._founded_subjects(lines, body, domains)
        self._merge_contained()
        self._undefined_acronyms(lines, body)
        # Acronyms used on their own count as mentions of their lab.
        acronyms = {e.acronym: e for e in self.entries if e.acronym}
        if acronyms:
            pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
            for i in body:
                for m in pattern.finditer(lines[i].text):
                    acronyms[m.group(1)].mentions += 1
        heads = self.lex.folded("labs", "heads")
        for entry in self.entries:
            # A defined acronym makes a name a lab's when the name has a lab's head noun, its own
            # site, or the text keeps using it; a programme or a law defined once in passing is not.
            if entry.defined and not entry.strong:
                entry.strong = (entry.domain or entry.mentions >= 2
                                or any(fold_keep(w) in heads for w in entry.name.split()))
        self._drop_mastheads(lines, body)

    def _drop_mastheads(self, lines: Sequence[Line], body: Sequence[int]) -> None:
        """'LABNOTES — Issue 31', 'Digitaal Bestuur · nummer 12': the name of the publication the
        reader holds, not a lab it describes."""
        for i in body[:MASTHEAD_LINES]:
            found = masthead_name(lines[i].text, self.lex)
            entry = self.lookup(found) if found else None
            if entry is not None:
                self.entries.remove(entry)
                for alias in entry.aliases:
                    self._by_alias.pop(alias, None)
                for mentions in self.mentions_by_line.values():
                    mentions[:] = [(m, e) for m, e in mentions if e is not entry]

    def _names_from_domains(self, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
        """'18F' over 18f.gsa.gov, 'Staatslabor' over staatslabor.ch: a capitalised name the text uses
        whose letters are a domain's first label names an organisation with its own site."""
        labels = {d.removeprefix("www.").split(".")[0] for d in domains}
        labels = {label for label in labels if len(label) >= 3}
        if not labels:
            return
        hosts = self.lex.folded("labs", "not_heads")
        coined = _coined_words(lines, body, labels)
        for i in body:
            for m in re.finditer(r"(?<![\w-])[A-Z0-9][\w-]*(?:\s+[A-Z][\w-]*){0,3}", lines[i].text):
                if re.match(r"\.[a-z]{2,}", lines[i].text[m.end():m.end() + 4], re.IGNORECASE):
                    continue  # 'HealthCare.gov', 'GOV.UK': the address itself, not a name the text uses
                words = m.group(0).split()
                for k in range(len(words), 0, -1):
                    candidate = " ".join(words[:k])
                    # A plain word ('Canada', 'Digital') is a place or a topic, not a name.
                    distinctive = (k > 1 or any(c.isdigit() for c in candidate) or any(c.isupper() for c in candidate[1:])
                                   or candidate in coined)
                    if fold_keep(words[k - 1]) in hosts:
                        continue  # 'Dublin City' over dublincity.ie: a council's site, not a lab's
                    if distinctive and re.sub(r"[^a-z0-9]", "", fold_keep(candidate)) in labels:
                        entry = self.entry_for(candidate, None, i)
                        entry.strong = entry.domain = True
                        entry.mentions += 1
                        break

    def _founded_subjects(self, lines: Sequence[Line], body: Sequence[int], domains: set[str]) -> None:
        """'Jakarta Smart City werd in december 2014 opgericht', 'The Harbour Office was set up in 2019':
        a name that is the subject of a founding verb is an organisation, head noun or not."""
        known = {fold_keep(e.name) for e in self.entries}
        starts, texts, at = [], [], 0
        for i in body:
            # A heading ends where its line does: '2. Luxinnovation' over 'Luxinnovation a été fondée'
            # is not one name twice.
            text = lines[i].text
            if lines[i].role == "heading" and text.rstrip()[-1:] not in ".!?:":
                text += "."
            starts.append(at)
            texts.append(text)
            at += len(text) + 1
        joined = " ".join(texts)
        folded = fold_keep(joined)
        # 'X werd opgericht', and 'X is sinds de oprichting in 2005 uitgegroeid tot ...'.
        verbs = phrase_regex(self.lex.words("founded", "verbs") + self.lex.words("founded", "nouns"))
        determiners = self.lex.folded("words", "determiners") | self.lex.folded("labs", "determiners")
        # 'De eerste is a2i in Dhaka', 'The second case is Harbour Office': presented as a case.
        verbs_presenting = alternation(self.lex.words("labs", "presenting_verbs"), any_space=False)
        articles = alternation(self.lex.words("words", "articles"), any_space=False)
        elided = alternation(self.lex.words("words", "elided_articles"), any_space=False)
        presented = re.compile(self.lex.regex("labs", "ordinals").pattern + rf"(?:\s+\w+){{0,2}}\s+(?:{verbs_presenting})\s+"
                               rf"(?:(?:{articles})\s+|{elided})?")
        subjects = [(m, True) for m in _founded_subject().finditer(joined)]
        # Where both read the same clause, the name its acronym delimits is the longer, whole one.
        longer = list(_founded_acronym_subject().finditer(joined))
        ends = {m.end() for m in longer}
        subjects = [(m, p) for m, p in subjects if m.end() not in ends] + [(m, True) for m in longer]
        subjects.sort(key=lambda pair: pair[0].start())
        subjects += [(n, False) for p in presented.finditer(folded) if (n := _presented_name().match(joined, p.end()))]
        strong = [e for e in self.entries if e.strong and (e.domain or e.mentions >= 2)]
        for m, passive in subjects:
            verb = verbs.search(folded, m.end(), min(len(folded), m.end() + FOUNDING_CLAUSE_CHARS)) if passive else m
            if verb is None or (passive and re.search(r"[.;:!?]", joined[m.end():verb.start()])):
                continue
            around = joined[max(0, m.start() - NEARBY_CHARS):m.end() + NEARBY_CHARS]
            if any(re.search(rf"(?<![\w-]){re.escape(e.name)}(?![\w-])", around) and e.name not in m.group(1)
                   for e in strong):
                continue  # 'Het Vlaams Datanutsbedrijf werd opgericht ... Athumi is ...': a known lab's other name
            words = m.group(1).split()
            while words and fold_keep(words[0]) in determiners:
                words = words[1:]
            if len(words) >= 3 and re.search(r"['’]s$", words[0]):
                words = words[1:]  # "Uruguay's Agency for ...": whose it is, not its name
            if words and (article := re.match(r"[LlDd]['’](?=[A-ZÀ-Ý0-9&-]{2,}$)" if len(words) == 1
                                              else r"[Ll]['’](?=[A-ZÀ-Ý])", words[0])):
                words[0] = words[0][article.end():]  # "L'ANS a été créée": the sentence's article
            name = " ".join(words)
            # One plain word is a name when it has the letters of one ('18F'), its own site
            # ('Luxinnovation a été fondée en 1984' and luxinnovation.lu), or an article the text
            # capitalises inside a sentence ('de begroting van Het Waterschapshuis'): then the
            # article is part of the name.
            titled = _titled_with_article(joined, name, self.lex) if len(words) == 1 else None
            distinctive = len(words) == 1 and (DISTINCTIVE.search(name) is not None or titled is not None or any(
                d.removeprefix("www.").split(".")[0] == fold_keep(name) for d in domains))
            name = titled or name
            if not passive and not distinctive and len(words) < 2:
                continue
            acronym = m.groupdict().get("acr") if passive else None
            if (entry := self.lookup(name) or (self.lookup(acronym) if acronym else None)) is not None:
                if passive and not entry.as_subject and not entry.as_host:
                    self._founded_entry(entry, body, texts)  # its founding presents it
                continue
            if (not (len(words) >= 2 or distinctive) or fold_keep(name) in known or self.speakers & {name}):
                continue  # a name the index has, or another name of one it has ('AMS Institute')
            line = body[bisect_right(starts, m.start(1)) - 1]
            entry = self._subject_entry(name, line, body, texts, domains, acronym=acronym)
            if passive:
                self._founded_entry(entry, body, texts)
            known.add(fold_keep(name))
        self._defined_subjects(joined, folded, starts, body, texts, domains, known)

    def _founded_entry(self, entry: LabEntry, body: Sequence[int], texts: list[str]) -> None:
        """A lab the index has, presented by its founding. 'The Innovation Team of the Government
        Office was set up in 2018 ... our Innovation Team': the name's lab part alone, where it is not
        another name's start, is this lab too."""
        entry.as_subject += 1
        entry.strong = True
        short = _head_part(entry.name, self.lex)
        if short is None:
            return
        if (other := self.lookup(short)) is not None:
            if other is not entry and not other.as_host:
                self.adopt(entry, short, acronym=False)  # 'our Design Team' is the Design Team of the Ministry
            return
        links = _alternation_longest_first(self.lex.words("labs", "name_links"))
        pattern = re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?!\s+(?:{links})\s)")
        for k, i in enumerate(body):
            for found in pattern.finditer(texts[k]):
                entry.mentions += 1
                mention = NameMention(found.start(), found.end(), short, None, head="", strong=True)
                self.mentions_by_line.setdefault(i, []).append((mention, entry))
        entry.aliases.add(_key(short))
        self._by_alias.setdefault(_key(short), entry)

    def _subject_entry(self, name: str, line: int, body: Sequence[int], texts: list[str], domains: set[str],
                       acronym: str | None = None) -> LabEntry:
        """An organisation the text presents (founded, ranked among the cases, defined), with its mentions."""
        entry = self.entry_for(name, acronym, line)
        entry.strong = True
        entry.domain = any(domain_matches(name, d) for d in domains)
        entry.in_heading += 1  # its founding or its place among the cases presents it, as a heading would
        names = [name] + ([acronym] if acronym else [])
        for k, i in enumerate(body):
            for said in names:
                for found in re.finditer(rf"(?<![\w-]){re.escape(said)}(?![\w-])", texts[k]):
                    entry.mentions += 1
                    mention = NameMention(found.start(), found.end(), said, None, head="", strong=True)
                    self.mentions_by_line.setdefault(i, []).append((mention, entry))
        return entry

    def _defined_subjects(self, joined: str, folded: str, starts: list[int], body: Sequence[int], texts: list[str],
                          domains: set[str], known: set[str]) -> None:
        """'Innoviris est l'organisme public qui finance ...', 'Oost NL is de ontwikkelingsmaatschappij
        van ...': a name the text defines as an organisation is one, head noun or not. A single plain
        word must be a name the text keeps using, never in lower case, and no place."""
        from extract.normalize import country_code
        from extract.normalize.countries import city_country

        nouns = self.lex.folded("labs", "definition_nouns") | self.lex.folded("labs", "heads")
        determiners = self.lex.folded("words", "determiners") | self.lex.folded("labs", "determiners")
        plain_names: dict[str, bool] = {}  # a plain word -> used as a name (twice, never in lower case, no place)
        for m in _defined_subject().finditer(joined):
            words = m.group(1).split()
            while words and fold_keep(words[0]) in determiners:
                words = words[1:]
            if len(words) >= 3 and re.search(r"['’]s$", words[0]):
                words = words[1:]  # "Uruguay's Agency for ...": whose it is, not its name
            if words and (article := re.match(r"[LlDd]['’](?=[A-ZÀ-Ý0-9&-]{2,}$)" if len(words) == 1
                                              else r"[Ll]['’](?=[A-ZÀ-Ý])", words[0])):
                words[0] = words[0][article.end():]  # "L'ANS a été créée": the sentence's article
            name = " ".join(words)
            if not name or fold_keep(name) in known or self.speakers & {name}:
                continue
            after = re.findall(r"[\w'’-]+", folded[m.end():m.end() + 80])[:5]
            if not any(w in nouns or w.split("'")[-1].split("’")[-1] in nouns for w in after):
                continue
            if len(words) == 1 and not DISTINCTIVE.search(name):
                if name not in plain_names:  # each word judged once: a long report says 'It is a ...' often
                    plain_names[name] = not (
                        len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", joined)) < MIN_COINED_USES
                        or re.search(rf"(?<![\w@./-]){re.escape(name.lower())}(?![\w-])(?!\.\w)", joined)
                        or country_code(name, None) is not None or city_country(name) is not None)
                if not plain_names[name]:
                    continue
            line = body[bisect_right(starts, m.start(1)) - 1]
            self._subject_entry(name, line, body, texts, domains)
            known.add(fold_keep(name))

    def _undefined_acronyms(self, lines: Sequence[Line], body: Sequence[int]) -> None:
        """'GDS' after 'the Government Digital Service', never defined as '(GDS)': an acronym the
        text uses whose letters are the initials of exactly one lab's name is that lab's."""
        bare = [e for e in self.entries if not e.acronym and len(e.name.split()) >= 2]
        if not bare:
            return
        seen: set[str] = set()
        for i in body:
            for m in _BARE_ACRONYM.finditer(lines[i].text):
                token = m.group(0)
                known = self._by_alias.get(token.lower())
                if token in seen or (known is not None and known.name != token):
                    continue
                seen.add(token)
                owners = [e for e in bare if initials_cover(token, e.name.split())
                          and len(token) >= sum(1 for w in e.name.split() if w[:1].isupper()) - 1]
                if len(owners) != 1:
                    continue
                owner = owners[0]
                owner.acronym = token
                owner.aliases.add(token.lower())
                if known is not None:  # 'USDS' named by usds.gov: the same lab as its full name
                    owner.mentions += known.mentions
                    owner.strong = owner.strong or known.strong
                    owner.domain = owner.domain or known.domain
                    self.entries.remove(known)
                    for found in self.mentions_by_line.values():
                        found[:] = [(mn, owner if e is known else e) for mn, e in found]
                self._by_alias[token.lower()] = owner

    def _merge_contained(self) -> None:
        """'Programmamanager Lab van Troje', 'the NSW Behavioural Insights Unit': a longer name that
        ends with (or holds) another lab's full name is that lab."""
        keys = {id(e): _key(e.name) for e in self.entries}
        for entry in list(self.entries):
            key = f" {keys[id(entry)]} "
            inner = [o for o in self.entries if o is not entry and len(keys[id(o)].split()) >= 2
                     and not o.generic and f" {keys[id(o)]} " in key]
            if not inner:
                continue
            target = max(inner, key=lambda o: len(keys[id(o)]))
            if ((entry.acronym and not target.acronym) or entry.as_subject) and keys[id(entry)].startswith(keys[id(target)]):
                target.name = entry.name  # the name its acronym defines runs on: '... and Knowledge Society (AGESIC)'
            target.mentions += entry.mentions
            target.in_heading += entry.in_heading
            target.strong = target.strong or entry.strong
            target.acronym = target.acronym or entry.acronym
            for alias in entry.aliases:
                self._by_alias[alias] = target
                target.aliases.add(alias)
            for found in self.mentions_by_line.values():
                found[:] = [(m, target if e is entry else e) for m, e in found]
            self.entries.remove(entry)

    def entry_for(self, name: str, acronym: str | None, line: int) -> LabEntry:
        keys = [_key(name)] + ([acronym.lower()] if acronym else [])
        entry = next((self._by_alias[k] for k in keys if k in self._by_alias), None)
        if entry is None:
            entry = LabEntry(name=name, acronym=acronym, first=line)
            self.entries.append(entry)
        if acronym and not entry.acronym:
            entry.acronym = acronym
        if entry.name.isupper() and not name.isupper() and _key(name) == _key(entry.name):
            entry.name = name  # 'SMART DUBLIN' in a site's menu is 'Smart Dublin' in its text
        for k in keys:
            self._by_alias.setdefault(k, entry)
            entry.aliases.add(k)
        return entry

    def adopt(self, entry: LabEntry, name: str, *, acronym: bool) -> None:
        """``name`` is another name of ``entry`` (a key-facts block's 'Short name: BRZ' under it);
        an entry the index had for that name becomes part of it."""
        other = self.lookup(name)
        if other is not None and other is not entry:
            entry.mentions += other.mentions
            entry.in_heading += other.in_heading
            entry.domain = entry.domain or other.domain
            entry.acronym = entry.acronym or other.acronym
            for alias in other.aliases:
                self._by_alias[alias] = entry
                entry.aliases.add(alias)
            for found in self.mentions_by_line.values():
                found[:] = [(m, entry if e is other else e) for m, e in found]
            self.entries.remove(other)
        if acronym and not entry.acronym and is_acronym(name):
            entry.acronym = name
        key = name.lower() if acronym else _key(name)
        self._by_alias.setdefault(key, entry)
        entry.aliases.add(key)

    def prominent(self, indices: Iterable[int]) -> None:
        """Lines that say what the document is about (a letter's subject line) count as headings."""
        for i in indices:
            named = {id(entry): entry for _, entry in self.mentions_by_line.get(i, [])}
            # Names found by their site ('Digicampus' over digicampus.nl) are not among the line's mentions.
            folded = fold_keep(self._lines[i].text)
            named.update({id(e): e for e in self.entries if e.domain and re.search(rf"\b{re.escape(fold_keep(e.name))}\b", folded)})
            for entry in named.values():
                entry.in_heading += 1

    def lookup(self, text: str) -> LabEntry | None:
        """The lab whose name (or acronym) ``text`` is."""
        key = _key(text)
        if key in self._by_alias:
            return self._by_alias[key]
        return self._by_alias.get(text.strip().lower()) if is_acronym(text.strip()) else None

    def in_text(self, text: str) -> list[LabEntry]:
        found = []
        for mention in find_lab_names(text, self.lang):
            entry = self.lookup(mention.name)
            if entry is not None and entry not in found:
                found.append(entry)
        return found
