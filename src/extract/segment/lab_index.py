"""The lab-like names of one document and how each is used, before reading their facts.

Section-first segmentation needs label lines ('Website:') under headings. This module gives
``segment`` the evidence that holds in any genre:

- ``LabIndex``: every lab-like name of the document (``lab_names``) with its acronym and how
  it is used: in a heading, as the subject of a paragraph, in a website's domain, how often.

Names of one lab merge, and names of no lab go, in ``index_merges``. Headings and one-lab
documents are read in ``lab_headings``, prose in ``paragraphs``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from extract.models import Line
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon
from extract.segment.acronyms import defined_acronyms, named_before_naming
from extract.segment.appositive_names import add_appositive_names, add_names_under, joined_lines
from extract.segment.company_names import add_company_names
from extract.segment.index_acronyms import (
    BARE_ACRONYM,
    add_domain_names,
    add_domain_shaped_names,
    add_letterhead_names,
    add_line_spelled_names,
    add_linked_domain_names,
    add_spelled_out_names,
    add_undefined_acronyms,
)
from extract.segment.index_merges import (
    drop_field_labels,
    drop_mastheads,
    merge_bare_heads,
    merge_bracket_aliases,
    merge_contained,
    merge_glossing_rows,
    merge_other_language,
    merge_renamed,
    merge_spelled_acronyms,
    take_full_names,
    take_legal_names,
    take_names_before_place,
    take_repeated_tails,
    take_site_names,
    take_styled_names,
    take_trade_names,
)
from extract.segment.lab_names import NameMention, find_lab_names, whole_name
from extract.segment.official_names import add_official_names
from extract.segment.platforms import URL, platform_host
from extract.segment.presented import add_founded_subjects
from extract.segment.spelling import (
    WORD,
    address_spelling,
    domain_label,
    domain_matches,
    domain_spellings,
    function_words,
    initials_cover,
    is_acronym,
    is_plural_acronym,
)
from extract.segment.subject_names import legal_suffix
from extract.segment.wrapped_names import started_on_previous_line

NEXT_LINE_CHARS = 40
"""How much of the next line a name cut by a line break is read with."""
_MIXED_ACRONYM = re.compile(r"(?<![\w-])(?=\w*[a-z])[A-Z]\w{0,8}[A-Z]\w{0,8}(?![\w-])")  # 'ZenDiS', 'ITZBund'
@cache
def _naming_clause() -> re.Pattern[str]:
    """', que tout le monde appelle Destatis': a clause naming the name the line before ends (labs.acronym_naming)."""
    return re.compile(rf",\s+[^,.;:()]{{0,40}}?\b(?:{alternation(lexicon(None).words('labs', 'acronym_naming'), folded=False)})\s")


_SET_OFF = re.compile(r"\s[–—]\s+[A-Z][A-Za-z0-9&-]{1,11}\s*[–—]\s")  # '... Developing Countries – Norfund – is'
_SPEAKER = re.compile(rf"^\s*([{CAPITALS}][\w.]{{0,15}}):\s")
MIN_GENERIC_NAME_USES = 2
"""A kind of lab ('Policy Lab') used this often as a name is one."""
_SENTENCE_STOPS = frozenset(".!?:•\"“")
_CUT_APPOSITION = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,9},\s+\S+(?:\s+\S+){0,4}$")  # 'ASTRON, het Nederlands'
_OPENS_A_NAME = re.compile(rf"\s+[{CAPITALS}][{LOWERCASE}]")  # 'NPL Management Limited': the acronym starts another name


SENDER_LINES = 2
"""A letterhead's first lines, where the sender's name is printed."""


_SENDER_PARTS = re.compile(r"\s+[|–—·]\s+")
"""Between the names of a letterhead's line ('Stadt Wien | Wiener Bäder'): the unit that writes comes last."""


def _sender_sites(lines: Sequence[Line], letterhead: Sequence[int]) -> set[str]:
    """A letter's sender's own site ('www.t-hub.co' under 'T-HUB FOUNDATION'): a letterhead address
    whose domain opens the sender's name on its first line. A province's or a ministry's portal
    ('gelderland.nl' under 'Provincie Gelderland') names no lab the letter is about."""
    if not letterhead:
        return set()
    sender = address_spelling(lines[letterhead[0]].text)
    return {d for d in _sites(lines, letterhead) if len(domain_label(d)) >= 3 and sender.startswith(domain_label(d))}


def _sites(lines: Sequence[Line], indices: Iterable[int]) -> set[str]:
    """The addresses printed on those lines (lower case), without social media and publishers."""
    return {m.group(1).lower() for i in indices for m in URL.finditer(lines[i].text)
            if "." in m.group(0) and not platform_host(m.group(1))}


def _subsites(lines: Sequence[Line], indices: Iterable[int], body: Sequence[int]) -> dict[str, list[str]]:
    """Hosts whose printed page is a body's the text names by its acronym, with the words of those
    paths: 'fao.org/eufmd' is the EuFMD's site, not the FAO's. A file on a site
    ('.../corporate-plan.pdf') is no body's page. The body's acronyms are gathered only when some
    address has a path."""
    paths: list[tuple[str, list[str]]] = []
    for i in indices:
        for m in URL.finditer(lines[i].text):
            path = m.group(0)[m.end(1) - m.start(0):]
            tokens = re.findall(r"[a-z0-9]+", fold_keep(path))
            if tokens and not _DOCUMENT_FILE.search(path):
                paths.append((m.group(1).lower(), tokens))
    if not paths:
        return {}
    # The acronyms the text writes ('EuFMD', 'WBVR'), folded: what a site's path may call a body.
    acronyms = {fold_keep(w) for i in body for w in WORD.findall(lines[i].text)
                if len(w) >= 3 and sum(c.isupper() for c in w) >= 2}
    found: dict[str, list[str]] = {}
    for host, tokens in paths:
        if any(t in acronyms for t in tokens):
            found.setdefault(host, []).extend(tokens)
    return found


_DOCUMENT_FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|zip)\b", re.IGNORECASE)


def _path_names_entry(tokens: list[str], entry: LabEntry) -> bool:
    """Does a page's path name this body by its acronym?"""
    return entry.acronym is not None and fold_keep(entry.acronym) in tokens


def _acronym_site(acronym: str | None, domain: str) -> bool:
    """'ipr.cz', and 'iprpraha.cz' (the acronym, then its place): the site of the organisation the acronym names."""
    if not acronym:
        return False
    label = domain.removeprefix("www.").split(".")[0]
    return label == acronym.lower() or (len(acronym) >= 3 and label.startswith(acronym.lower()))


def _name_goes_on(extension: str, rest: str) -> bool:
    """Do the next line's first words carry on a name ('Digital' before ', which'): capitalised, no
    link or stop word among them, and the sentence going on after them in lower case or a comma."""
    words = [w for w in extension.split() if w != "&"]
    return (0 < len(words) <= MAX_CARRIED_WORDS and all(w[:1].isupper() and fold_keep(w) not in function_words() for w in words)
            and re.match(rf"\s*(?:[,;)]|\([A-Z]|[{LOWERCASE}])", rest) is not None)  # not a label's colon: 'Opgericht: 1983'


MAX_CARRIED_WORDS = 3


def index_key(name: str) -> str:
    """A name as the index files it: 'The Innovation Unit Limited' is 'innovation unit'."""
    key = re.sub(r"[^\w]+", " ", fold_keep(name)).strip()
    key = re.sub(r"^the\s+(?=\S+\s)", "", key)
    return legal_suffix().sub("", key)


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
    native: bool = False
    """Goes by its own one-word name, an English one glossing it ('The Danish Nature Agency (Naturstyrelsen)')."""
    head_alias: str | None = None
    """Its capitalised head word, which the text uses alone after an article ('the Court')."""

    @property
    def score(self) -> float:
        return (self.mentions + 2.0 * self.in_heading + 1.5 * self.as_subject + (2.0 if self.domain else 0.0)
                + (1.0 if self.acronym else 0.0) + (1.0 if self.strong else 0.0))

    def names_site(self, domain: str) -> bool:
        """Is ``domain`` this lab's own address ('publicpolicylab.org', 'ipr.cz' for the IPR)?"""
        return domain_matches(self.name, domain) or _acronym_site(self.acronym, domain)

    @property
    def title(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym not in self.name else self.name


_ELIDED_CHARS = 2
"""An elided article's letters ("l'") before a name at a line's start."""


class LabIndex:
    """The lab-like names of one document and how each is used."""

    def __init__(self, lines: Sequence[Line], body: Sequence[int], lang: str | None, *,
                 in_first_person: bool = False, letterhead: Sequence[int] = ()) -> None:
        self.lex: Lexicon = lexicon(lang)
        self.lang = self.lex.lang
        self._lines = lines
        self.entries: list[LabEntry] = []
        self._by_alias: dict[str, LabEntry] = {}
        self.mentions_by_line: dict[int, list[tuple[NameMention, LabEntry]]] = {}
        self.in_first_person = in_first_person
        """A letter or an e-mail: 'notre budget' is the sender's."""
        self.text_kinds = self.lex.folded("labs", "document_nouns") | self.lex.folded("governance", "law_words") \
            | self.lex.folded("labs", "area_tails")
        # A printed web page's own address (its footer) names the site it is about.
        self.own_sites = _sites(lines, [i for i, line in enumerate(lines) if line.role == "url_footer"])
        # Sites are often given only in a footnote or a slide's small print ('• innovationquarter.nl').
        notes = [i for i, line in enumerate(lines) if line.role == "footnote"]
        domains = _sites(lines, [*body, *notes]) | self.own_sites | _sender_sites(lines, letterhead)
        subsites = _subsites(lines, [*body, *notes], body)
        kinds: dict[str, list[tuple[int, NameMention]]] = {}
        tags: dict[str, int] = {}
        for i in body:
            if tag := _SPEAKER.match(lines[i].text):
                tags[tag.group(1)] = tags.get(tag.group(1), 0) + 1
        self.speakers = {tag for tag, n in tags.items() if n >= 2}
        """'PSDQ:', 'Q:', 'Interviewer:' opening several lines: who speaks, not a lab."""
        # 'part of the', 'valt onder de', and a lab's kind with its owner after it ('het lab van de',
        # 'the innovation unit of the'): the name after them is the organisation a lab sits in.
        owned_by = (rf"\b(?:{alternation(self.lex.words('labs', 'strong_heads'))})\s+"
                    rf"(?:{alternation(self.lex.words('labs', 'name_links'))})"
                    rf"(?:\s+(?:{alternation(self.lex.words('words', 'articles'))}))?")
        self.hosts = re.compile(
            rf"(?:{self.lex.regex('governance', 'parent_triggers').pattern}|{owned_by})"
            # 'Part of the worldwide Fulbright Program': a lower-case adjective may follow the article.
            rf"(?:\s+(?:{alternation(self.lex.words('words', 'articles'))})(?:\s+[{LOWERCASE}-]{{4,}})?|\s+[ld]['’])?\s*$")
        """Text before a name that makes it the organisation a lab sits in."""
        verbs_presenting = alternation(self.lex.words("labs", "presenting_verbs"), any_space=False)
        any_article = alternation((*self.lex.words("words", "articles"), *self.lex.words("words", "elided_articles")),
                                  any_space=False)
        introduced = re.compile(self.lex.regex("labs", "ordinals").pattern
                                + rf"\s+\w+(?:\s+\w+){{0,2}}\s+(?:{verbs_presenting})\s+(?:{any_article})?\s*$")
        before_line = previous = ""
        after_heading = False
        # A heading's name does not run on into the paragraph under it ('... IT Center for Science' / 'CSC is').
        following = {i: lines[j].text for i, j in zip(body, body[1:])
                     if lines[i].role != "heading" or lines[j].role == "heading"}
        not_heads = self.lex.folded("labs", "not_heads")
        links = self.lex.folded("labs", "name_links")
        # 'Department of Government Services (DGS)' over two lines: a host; 'Institut ... (IPR)' may be a lab.
        org_hosts = self.lex.folded("governance", "org_heads") - self.lex.folded("labs", "heads")
        for i in body:
            text = lines[i].text
            for name, acronym, at in defined_acronyms(text):
                if self.names_a_text(name):
                    continue  # 'Service Level Agreement (SLA)', 'Police Reform Act (PRA)': a text, not a body
                lead = fold_keep(f"{before_line} {text[:at]}"[-40:]).split()[-2:]
                if len(lead) == 2 and lead[0] in not_heads and lead[1] in links:
                    continue  # 'het ministerie van Onderwijs, Cultuur en Wetenschap (OCW)': a ministry, not a lab
                entry = self.entry_for(name, acronym, i)
                entry.defined = True
                entry.as_host += self._hosted(before_line, text, at)
            # A name the line break cut: 'de Directie-generaal Digitale' / 'Transformatie (DG DT) van ...'.
            # Or an apposition the break cut: "l'Institut Municipal d'Informàtica de Barcelone," / "l'IMI.".
            # Or an apposition the break cut after its acronym: 'ASTRON, het Nederlands' / 'Instituut voor ...'.
            if before_line and ("(" in text[:80] or before_line.rstrip().endswith(",") or BARE_ACRONYM.search(text)
                                or _MIXED_ACRONYM.search(text[:80]) or _CUT_APPOSITION.search(before_line)
                                or _SET_OFF.search(text[:80])
                                # Not across a heading: 'Saint-Héron : Heron Santé publique' / '..., plus connue sous le nom de'.
                                or (not after_heading and _naming_clause().search(text[:80]))):
                # The words after the acronym may run on ('... appellent IDDA d'après son nom' / 'anglais, ...').
                joined_lines = f"{before_line} {text} {following.get(i, '')[:NEXT_LINE_CHARS]}"
                for name, acronym, at in defined_acronyms(joined_lines):
                    lead = fold_keep(joined_lines[max(0, at - 20):at]).split()[-2:]
                    if any(w in not_heads for w in lead) or fold_keep(name.split()[0]) in org_hosts \
                            or self.names_a_text(name):
                        continue  # 'ministerie van' / 'Economische Zaken (EZK)': a ministry, not a lab
                    known = self.lookup(acronym)
                    # A name the line opens (after its elided article: "l'Institut ... (IEFH)") is read
                    # here too, the line before telling what kind of clause it stands in.
                    if at <= len(before_line) + 1 + _ELIDED_CHARS and (known is None or known.name == acronym):
                        entry = self.entry_for(name, acronym, i)
                        entry.defined = True
                        entry.as_host += self._hosted(previous, joined_lines, at)
            if before_line and not after_heading:
                # 'a body most people know: Transport' / 'Infrastructure Ireland.' / 'TII, as it calls itself, is':
                # the name may open two lines up.
                lead_lines = f"{previous} {before_line} "
                for name, acronym, _ in named_before_naming(lead_lines + text, set(), len(lead_lines)):
                    if self.lookup(acronym) is None:
                        self.entry_for(name, acronym, i).defined = True
            previous, before_line = before_line, text
            after_heading = lines[i].role == "heading"
            for mention in started_on_previous_line(self._line_mentions(text, following.get(i, "")), text,
                                                    previous, self.lang):
                if mention.generic:
                    if mention.start > 0 and text[:mention.start].rstrip()[-1:] not in _SENTENCE_STOPS:
                        kinds.setdefault(index_key(mention.name), []).append((i, mention))
                    continue
                entry = self.entry_for(mention.name, mention.acronym, i)
                entry.mentions += 1
                entry.strong = entry.strong or mention.strong
                entry.as_host += self._hosted(previous, text, mention.start)
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
        # A host whose page is another body's names that body, not the host's owner; a page named
        # after the host itself ('zaragoza.es/.../zaragoza-activa') is still the host's.
        hosts = domains - {host for host, tokens in subsites.items() if domain_label(host) not in tokens}
        add_domain_names(self, lines, body, hosts)
        add_company_names(self, lines, body, hosts)
        add_domain_shaped_names(self, lines, body, domains)
        add_linked_domain_names(self, lines, body, hosts)
        for entry in self.entries:
            entry.domain = entry.domain or any(entry.names_site(d) for d in hosts) or any(
                entry.names_site(d) and _path_names_entry(tokens, entry) for d, tokens in subsites.items())
        add_founded_subjects(self, lines, body, domains)
        add_appositive_names(self, lines, body)
        add_names_under(self, lines, body)
        body_text = " ".join(lines[i].text for i in body)
        body_folded = fold_keep(body_text)  # folded once for the two readers that search it folded
        merge_bracket_aliases(self, body_text)
        merge_other_language(self, body_text)
        merge_glossing_rows(self, lines, body)
        merge_renamed(self, body_folded)
        take_trade_names(self, body_text, body_folded)
        take_full_names(self, body_text)
        take_site_names(self, body_text, domains)
        merge_contained(self, domains)
        merge_bare_heads(self)
        take_repeated_tails(self, body_text)
        take_names_before_place(self, body_text)
        add_undefined_acronyms(self, lines, body)
        add_letterhead_names(self, lines, letterhead)
        add_spelled_out_names(self, body_text)
        add_line_spelled_names(self, lines, body)
        add_official_names(self, body_text, body_folded)
        take_styled_names(self, body_text)
        take_legal_names(self, body_text)
        merge_spelled_acronyms(self)
        for entry in [e for e in self.entries if is_plural_acronym(e.name)]:
            self.drop(entry)  # 'the ESAs', 'NGOs': several bodies under one acronym, no one lab
        # Acronyms used on their own count as mentions of their lab.
        acronyms = {e.acronym: e for e in self.entries if e.acronym}
        if acronyms:
            pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
            previous = ""
            for i in body:
                for m in pattern.finditer(lines[i].text):
                    acronyms[m.group(1)].mentions += 1
                    # 'The Sandbox is part of the ICO': the acronym names where a lab sits, as the name would;
                    # 'run by NPL Management Limited' names another organisation, which the acronym opens.
                    if not _OPENS_A_NAME.match(lines[i].text, m.end()):
                        acronyms[m.group(1)].as_host += self._hosted(previous, lines[i].text, m.start())
                previous = lines[i].text
        heads = self.lex.folded("labs", "heads")
        letterhead_sites = _sites(lines, letterhead)
        for entry in self.entries:
            if entry.acronym and not entry.domain and self._heads_letter(entry, letterhead) \
                    and any(_acronym_site(entry.acronym, d) for d in letterhead_sites):
                entry.domain = True  # 'NORTHERN LIGHTHOUSE BOARD' over 'www.nlb.org.uk': the sender's own site
            # A defined acronym makes a name a lab's when the name has a lab's head noun, its own
            # site, or the text keeps using it; a programme or a law defined once in passing is not.
            if entry.defined and not entry.strong:
                entry.strong = (entry.domain or entry.mentions >= 2
                                or any(fold_keep(w) in heads for w in entry.name.split())
                                or self._heads_letter(entry, letterhead))
        if not any(entry.strong for entry in self.entries) and self._add_sender(lines, body, letterhead):
            # Its footer prints the company's name with its form ('Bristol Waste Company Limited · registered ...').
            take_legal_names(self, "\n".join(line.text for line in lines if line.role == "footer"), alone=True)
        drop_mastheads(self, lines, body)
        drop_field_labels(self)

    def _add_sender(self, lines: Sequence[Line], body: Sequence[int], letterhead: Sequence[int]) -> bool:
        """'Bristol Waste Company' over www.bristolwastecompany.co.uk, writing 'Bristol Waste Company
        was set up in 2015 ...' in a letter that names no lab: the sender describes itself, whatever
        its head noun ('company' is a host's word elsewhere). Its name is the letterhead's first
        line, spelled exactly by the letterhead's site, or the unit that line names last ('Stadt Wien |
        Wiener Bäder'), printed again at the letter's foot; and the body writes it again, saying what
        it is ('De Wiener Bäder zijn geen zelfstandig bedrijf ...')."""
        if not letterhead:
            return False
        first = re.sub(r"\s*\([^)]*\)\s*$", "", lines[letterhead[0]].text).strip(" ·,")
        units = _SENDER_PARTS.split(first)
        candidates = [first] + ([units[-1].strip()] if len(units) > 1 else [])
        foot = [fold_keep(line.text) for line in lines[body[-1] + 1:]] if body else []
        _, starts, text = joined_lines(lines, body)
        joined = fold_keep(text)
        sites = _sender_sites(lines, letterhead)
        verbs = alternation(self.lex.folded("founded", "subject_auxiliaries") | self.lex.folded("labs", "presenting_verbs"),
                            longest_first=True)
        for name in candidates:
            if len(name.split()) < 2:
                continue
            folded = fold_keep(name)
            spelled = any(address_spelling(name) in domain_spellings(d) for d in sites)
            if not (spelled or (name is not first and any(folded in line for line in foot))):
                continue
            said = [m.start() for m in whole_name(folded).finditer(joined)]
            # The body says what it is or was ('Bristol Waste Company was set up in 2015'), not only
            # what it did ("l'Autorité de la concurrence s'est dotée d'un service ...", the letter's lab).
            if not re.search(rf"{whole_name(folded).pattern}\s+(?:{verbs})(?![\w-])", joined):
                continue
            entry = self.entry_for(name, None, body[bisect_right(starts, said[0]) - 1])
            entry.strong = entry.domain = True
            entry.mentions += len(said)
            return True
        return False

    def _line_mentions(self, text: str, next_line: str) -> list[NameMention]:
        """The names on a line; a last one the line break cut after a link word ('the Australian
        Bureau of' / 'Statistics Act 1975') is read on with the next line's first words."""
        mentions = find_lab_names(text, self.lang, generic=True)
        if not next_line:
            return mentions
        if not mentions:
            return self._head_ending_line(text, next_line)
        last, after = mentions[-1], text[mentions[-1].end:].strip()
        if after and fold_keep(after) not in function_words() and after != "&":
            # ('Nederlands Bureau voor Toerisme &' / 'Congressen (NBTC)' goes on)
            return mentions + self._head_ending_line(text, next_line)
        longer = self._read_on(text, next_line, last.start)
        # Cut after a link word, at a word the name a heading gave goes on with ('... Social en
        # Gobierno' / 'Digital in 2015' after the heading's '... en Gobierno Digital'), or before
        # capitalised words that end the name mid-sentence ('la Secretaría de Gobierno' / 'Digital, which').
        if longer is not None and (after or index_key(longer.name) in self._by_alias
                                   or _name_goes_on(longer.name[len(last.name):], f"{text} {next_line}"[longer.end:])):
            mentions[-1] = replace(longer, end=len(text.rstrip()))  # its offsets stay on this line
        return mentions

    def _head_ending_line(self, text: str, next_line: str) -> list[NameMention]:
        """'... cap sur le Kirchberg. Le Centre' / 'national sportif et culturel, que ...': a line
        ending on a capitalised head noun whose name the next line goes on with, read as one (its
        offsets stay on this line)."""
        words = text.rstrip().split()
        if not words or not words[-1][:1].isupper() or fold_keep(words[-1]) not in self.lex.folded("labs", "heads") \
                or not next_line[:1].islower():
            return []
        line = text.rstrip()
        wrapped = self._read_on(line, next_line, len(line) - len(words[-1]))
        return [replace(wrapped, end=len(line))] if wrapped is not None else []

    def _read_on(self, text: str, next_line: str, start: int) -> NameMention | None:
        """The name from ``start`` of ``text`` read on into the next line's first words, when it goes
        past the line's end (its end then counts in the joined text)."""
        joined = find_lab_names(f"{text} {next_line[:NEXT_LINE_CHARS]}", self.lang, generic=True)
        return next((m for m in joined if m.start == start and m.end > len(text)), None)

    def _heads_letter(self, entry: LabEntry, letterhead: Sequence[int]) -> bool:
        """'INSTITUT DES VÉTÉRANS – INSTITUT NATIONAL DES INVALIDES DE GUERRE, ...' over a letter
        that defines that name: the sender, whatever its head noun."""
        return len(entry.name.split()) >= 2 and any(
            fold_keep(entry.name) in fold_keep(self._lines[i].text) for i in letterhead[:SENDER_LINES])

    def names_a_text(self, name: str) -> bool:
        """'Police Reform Act', 'Service Level Agreement', 'Algemene verordening gegevensbescherming':
        a law or an agreement, named by its last word, or by a lower-case kind of text its adjective
        opens with (Dutch and French name a text before its subject)."""
        words = name.split()
        if len(words) >= 2 and fold_keep(words[0]) in self._own_text_kinds and words[1][:1].islower() \
                and fold_keep(words[1]) not in self.lex.folded("labs", "connectors"):
            return True  # 'Wet beëdigde tolken en vertalers (Wbtv)', 'Loi relative à ...': the law's word first
        return fold_keep(words[-1]) in self.text_kinds or any(
            word[:1].islower() and fold_keep(word) in self._own_text_kinds for word in words[1:3])

    @cached_property
    def _own_text_kinds(self) -> frozenset[str]:
        """The text's own language's kinds of text only: French 'régulation' is no English regulation."""
        from extract.normalize.rule_data import own_words

        return frozenset(fold_keep(w) for key, group in (("document_nouns", "labs"), ("law_words", "governance"))
                         for w in own_words(self.lang, group, key))

    def drop(self, entry: LabEntry) -> None:
        """``entry`` names no lab (a masthead, a field label): it leaves the index with its names and mentions."""
        self.entries.remove(entry)
        for alias in entry.aliases:
            self._by_alias.pop(alias, None)
        for mentions in self.mentions_by_line.values():
            mentions[:] = [(m, e) for m, e in mentions if e is not entry]

    def _hosted(self, previous: str, text: str, at: int) -> bool:
        """Is the name at ``at`` in ``text`` the organisation a lab sits in ('part of the X')? The line
        break may fall in between: 'il fait partie de' / "l'Agence nationale ..."."""
        lead = f"{previous} {text[:at]}" if at < 30 else text[:at]
        return bool(self.hosts.search(fold_keep(lead[-40:])))

    def on_own_site(self, entry: LabEntry) -> bool:
        """Is the document a page of ``entry``'s own site (its address, printed in the footer, names it)?"""
        return any(entry.names_site(d) for d in self.own_sites)

    def by_alias(self, key: str) -> LabEntry | None:
        """The lab filed under ``key`` (a folded name or a lower-case acronym), if any."""
        return self._by_alias.get(key)

    def take_acronym(self, owner: LabEntry, token: str, known: LabEntry | None) -> None:
        """``token`` is ``owner``'s acronym; ``known``, the entry the acronym had on its own, is owner."""
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

    def entry_for(self, name: str, acronym: str | None, line: int) -> LabEntry:
        # 'Stats SA' files as 'stats' too (a legal suffix goes): the short name finds its lab either way.
        keys = list(dict.fromkeys([index_key(name)] + ([acronym.lower(), index_key(acronym)] if acronym else [])))
        entry = next((self._by_alias[k] for k in keys if k in self._by_alias), None)
        if entry is None:
            entry = LabEntry(name=name, acronym=acronym, first=line)
            self.entries.append(entry)
        if acronym and not entry.acronym:
            entry.acronym = acronym
            if entry.name == acronym and index_key(name) != acronym.lower():
                entry.name = name  # 'AOC' named by aoc.cat, then spelled out: 'Consorci ... de Catalunya, ... l'AOC'
        if entry.name.isupper() and not name.isupper() and index_key(name) == index_key(entry.name):
            entry.name = name  # 'SMART DUBLIN' in a site's menu is 'Smart Dublin' in its text
        for k in keys:
            self._by_alias.setdefault(k, entry)
            entry.aliases.add(k)
        return entry

    def absorb(self, entry: LabEntry, other: LabEntry) -> None:
        """``other`` is ``entry`` under another name: its uses, names and mentions become entry's."""
        entry.mentions += other.mentions
        entry.in_heading += other.in_heading
        entry.strong = entry.strong or other.strong
        entry.domain = entry.domain or other.domain
        entry.acronym = entry.acronym or other.acronym
        entry.first = min(entry.first, other.first)  # a heading's longer name may come before the text's
        entry.head_alias = entry.head_alias or other.head_alias
        for alias in other.aliases:
            self._by_alias[alias] = entry
            entry.aliases.add(alias)
        for found in self.mentions_by_line.values():
            found[:] = [(m, entry if e is other else e) for m, e in found]
        self.entries.remove(other)

    def rename(self, entry: LabEntry, name: str) -> None:
        """``entry`` goes by ``name`` now ('France Titres (ex-ANTS)'); its former name stays an alias.
        A former acronym is no acronym of the new name."""
        if entry.acronym and not initials_cover(entry.acronym, name.split()):
            entry.acronym = None
        entry.name = name
        self.add_alias(entry, name)

    def add_alias(self, entry: LabEntry, name: str) -> None:
        """``name`` is another name of ``entry``, unless it already names another lab."""
        entry.aliases.add(index_key(name))
        self._by_alias.setdefault(index_key(name), entry)

    def adopt(self, entry: LabEntry, name: str, *, acronym: bool) -> None:
        """``name`` is another name of ``entry`` (a key-facts block's 'Short name: BRZ' under it);
        an entry the index had for that name becomes part of it."""
        other = self.lookup(name)
        if other is not None and other is not entry:
            self.absorb(entry, other)
        if acronym and not entry.acronym and is_acronym(name):
            entry.acronym = name
        key = name.lower() if acronym else index_key(name)
        self._by_alias.setdefault(key, entry)
        entry.aliases.add(key)

    def prominent(self, indices: Iterable[int]) -> None:
        """Lines that say what the document is about (a letter's subject line) count as headings."""
        for i in indices:
            named = {id(entry): entry for _, entry in self.mentions_by_line.get(i, [])}
            # Names found by their site ('Digicampus' over digicampus.nl) are not among the line's mentions.
            folded = fold_keep(self._lines[i].text)
            named.update({id(e): e for e in self.entries if e.domain and re.search(rf"\b{re.escape(fold_keep(e.name))}\b", folded)})
            # "Objet : ... l'organisation du CENDOJ": a lab the line names by its acronym.
            named.update({id(e): e for e in self.entries
                          if e.acronym and re.search(rf"(?<![\w-]){re.escape(e.acronym)}(?![\w-])", self._lines[i].text)})
            for entry in named.values():
                entry.in_heading += 1

    def lookup(self, text: str) -> LabEntry | None:
        """The lab whose name (or acronym) ``text`` is."""
        key = index_key(text)
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
