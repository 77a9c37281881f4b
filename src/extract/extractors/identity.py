"""Identity: name, acronym, country, website and founding year of the lab a section is about."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from urllib.parse import urlsplit

from extract.extractors.context import SectionContext
from extract.extractors.founded import founded_year_candidates
from extract.models import Candidate, CandidateValue, Provenance, Section
from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import match_label
from extract.segment.lab_names import whole_name
from extract.segment.titles import (
    _DEFINED_ACRONYM,
    _WORDS,
    MAX_DEFINED_NAME_WORDS,
    MAX_WORDS_BEFORE_DEFINED_NAME,
    TitleParts,
    dash_parts,
    is_acronym,
    parse_title,
)

NAME = "identity"
VERSION = "68"



class IdentityExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        out: list[Candidate] = []
        title = parse_title(section.title or "", ctx.lex, document=section.kind == "document") if section.title else None
        if title is not None and title.acronym is None and section.title:
            title = _with_defined_short_name(title, section.title, ctx)
        kind_named = _named_under_kind(ctx, title)
        out += self._name(section, ctx, title, kind_named)
        out += self._acronym(ctx, title, kind_named)
        websites = self._website(section, ctx)
        out += self._country(section, ctx, title, _own_site_country(ctx, websites))
        out += websites
        out += self._country_from_tld(ctx, websites)
        out += founded_year_candidates(ctx, NAME, VERSION)
        return out

    # ------------------------------------------------------------------ title helpers

    def _title_candidate(self, field: str, value: CandidateValue, section: Section, ctx: SectionContext, prior: float) -> Candidate:
        from extract.assemble.record import confidence

        heading = next((line for line in section.lines if line.role == "heading"), None)
        page = heading.page if heading else (ctx.lines[0].page if ctx.lines else None)
        # A name from a document's title or from the lab it names most is weaker than a heading's.
        conf = round(confidence(prior, ocr=heading.conf if heading else None) * section.assignment, 3)
        return Candidate(field=field, value=value, provenance=Provenance(
            page=page, bbox=heading.bbox if heading else None, text=section.title or "",
            method=f"rule:{NAME}.title.v{VERSION}", confidence=conf))

    def _name(self, section: Section, ctx: SectionContext, title: TitleParts | None,
              kind_named: tuple[str, str, int] | None) -> list[Candidate]:
        out = []
        if (label := ctx.label_value("name")) is not None:
            value, start, end = label
            # 'STOWA' over 'Voluit: Stichting Toegepast Onderzoek Waterbeheer': the legal form it spells stays.
            heading_acronym = title and (title.acronym or (title.name if title.name and is_acronym(title.name) else None))
            block = ctx.block("name")
            # '1.1 Naam van de instantie (Nederlands / Frans)': the question asks for the name twice.
            paired = block is not None and "/" in ctx.text[block.start:block.value_start]
            first = _first_language(value, paired=paired)
            answered = first.split(";", 1)[0].strip()
            if answered != first and answered[:1].isupper():
                first = answered  # 'Veteraneninstituut (Vi); statutair: Stichting Het Veteraneninstituut': the answer, then a note
            if (bracketed := _NAME_THEN_NOTE.match(first)) is not None:
                first = bracketed.group(1)  # 'Beschaffungsamt des BMI (BeschA), Bonn – sinds 2020 ook ...': the name and its acronym
            first = _without_address(first)
            parts = parse_title(first, ctx.lex, known_acronym=heading_acronym or None)
            name = _statutory_form(ctx, first, parts.name)
            lead = dash_parts(first)[0].strip()
            if title and title.name and name and fold_keep(lead) == fold_keep(title.name) != fold_keep(name):
                name = lead  # 'Nom: Credendo – Export Credit Agency (...)' under 'Credendo en bref': what it is after the dash
            out.append(ctx.candidate("name", name, start, end, family=NAME, version=VERSION, prior="label"))
        if kind_named is not None:
            # 'Le réseau des œuvres universitaires' over 'Tête de réseau: Centre national des œuvres
            # universitaires et scolaires (Cnous)': a title in lower case says what kind; the text names it.
            name, _, start = kind_named
            out.append(ctx.candidate("name", name, start, start + len(name), family=NAME, version=VERSION,
                                     prior=KIND_TITLE_NAME_PRIOR))
        if title and title.name and not _URLISH.search(title.name):
            body = "\n".join(line.text for line in ctx.lines if line.role != "heading")
            name = _without_sentence_article(_with_article(_short_name(title.name, body), body, ctx), ctx)
            name = _without_article_the_text_lowers(name, body, ctx)
            out.append(self._title_candidate("name", _with_legal_form(_spelled_out_name(name, ctx), body), section, ctx, 0.9))
        return out

    def _acronym(self, ctx: SectionContext, title: TitleParts | None,
                 kind_named: tuple[str, str, int] | None) -> list[Candidate]:
        if (label := ctx.label_value("acronym")) is not None:
            value, start, end = label
            first = value.split()[0] if value.split() else ""
            bracket = re.search(r"\(\s*([A-Z][\w&.-]{1,11})\s*\)", value)
            if bracket is not None and is_acronym(bracket.group(1)) and len(value[:bracket.start()].split()) >= 2:
                # 'Short name: ICT Authority (ICTA)': a short name of words, then its acronym.
                return [ctx.candidate("acronym", bracket.group(1), start, end, family=NAME, version=VERSION,
                                      prior="label")]
            if (two := _TWO_PART_ACRONYM.match(value)) is not None:
                # 'SCK CEN (vroeger geschreven als SCK•CEN)': a two-word acronym
                return [ctx.candidate("acronym", two.group(0), start, end, family=NAME, version=VERSION, prior="label")]
            # Under an acronym label a mixed-case one is as good: 'FBoS', 'eGovJa' (two capitals at least),
            # or 'Fongit' spelled by the name ('Fondation genevoise pour l'innovation technologique').
            if is_acronym(first) or (_MIXED_LABEL_ACRONYM.fullmatch(first) and (
                    sum(c.isupper() for c in first) >= 2 or _spells_name(first, ctx, title)
                    or _short_name_answer(value, ctx))):
                return [ctx.candidate("acronym", first, start, end, family=NAME, version=VERSION, prior="label")]
            # 'Nom d'usage et sigle : Conservatoire du littoral (CELRL)': the short name, then the acronym.
            if bracket is not None and is_acronym(bracket.group(1)):
                return [ctx.candidate("acronym", bracket.group(1), start, end, family=NAME, version=VERSION,
                                      prior="label")]
        if (label := ctx.label_value("name")) is not None:
            value, start, end = label
            if (spelled := _spelled_gloss(value)) is not None:
                return [ctx.candidate("acronym", spelled[0], start, end, family=NAME, version=VERSION, prior="label")]
            if acronym := parse_title(value, ctx.lex).acronym:
                return [ctx.candidate("acronym", acronym, start, end, family=NAME, version=VERSION, prior="label")]
            if (asked := _asked_short_form(ctx, value)) is not None:
                # 'Naam van de organisatie (en afkorting)' / 'Veteraneninstituut (Vi)': the question asks
                # for the short form, so its bracket is one, however short.
                return [ctx.candidate("acronym", asked, start, end, family=NAME, version=VERSION, prior="label")]
            short = (title.name if is_acronym(title.name) else _after_article(title.name, ctx)) \
                if title and not title.acronym and title.name else None
            if short and fold_keep(short) not in fold_keep(value):
                # 'KEINO – Finland' over 'Full name: Competence Centre for ...': the title is its
                # acronym; 'Le GEVES' over 'Nom : Groupe d'étude ...' too, without its article.
                return [self._title_candidate("acronym", short, ctx.section, ctx, 0.9)]
        if title and title.acronym:
            return [self._title_candidate("acronym", title.acronym, ctx.section, ctx, 0.95)]
        if kind_named is not None:
            name, acronym, start = kind_named
            return [ctx.candidate("acronym", acronym, start, start + len(name), family=NAME, version=VERSION,
                                  prior=KIND_TITLE_NAME_PRIOR)]
        if title and title.name and (bare := _after_article(title.name, ctx)) and _spelled_out_name(title.name, ctx) != title.name:
            return [self._title_candidate("acronym", bare, ctx.section, ctx, 0.9)]  # 'La CENAL', "L'ONERA"
        if title and title.name and len(title.name.split()) == 1 and (full := _spelled_out_name(title.name, ctx)) != title.name \
                and _named_by_head(title.name, ctx) is None:
            first_word = not is_acronym(title.name) and fold_keep(full).startswith(f"{fold_keep(title.name)} ")
            if not _translates(title.name, full) and not first_word:  # ('Unie' of Unie van Waterschappen: no short form)
                return [self._title_candidate("acronym", title.name, ctx.section, ctx, 0.9)]  # 'SVB' over its full name
            # 'Läkemedelsverket' over 'The Swedish Medical Products Agency (Läkemedelsverket, MPA)': the
            # name in another language, no short form; the bracket may give the acronym.
            given = re.search(rf"\(\s*{re.escape(title.name)}\s*,\s*([A-Z][A-Za-z&-]{{1,11}})\s*\)", ctx.text)
            if given is not None and is_acronym(given.group(1)):
                return [ctx.candidate("acronym", given.group(1), given.start(1), given.end(1), family=NAME,
                                      version=VERSION, prior="anchored")]
            return []
        return self._defined_acronym(ctx, title.name if title else None) \
            or _letterhead_acronym(ctx.section, ctx, title.name if title else None)

    def _defined_acronym(self, ctx: SectionContext, name: str | None) -> list[Candidate]:
        """'Het Interministerieel Directoraat voor Publieke Transformatie (DITP) ...' early in the role text."""
        block = ctx.block("role")
        start, end = (block.value_start, block.end) if block else (0, min(len(ctx.text), 600))
        name_words = {w.casefold() for w in _WORDS.findall(name or "")}
        # The first three real sentences (headings and short lines such as 'FACT SHEET 2024' skipped).
        sentences = [(s, e) for s, e in ctx.sentences(start, end) if len(_WORDS.findall(ctx.text[s:e])) >= 5]
        found: list[tuple[str, int, int]] = []
        for s, e in sentences[:3]:
            for m in _DEFINED_ACRONYM.finditer(ctx.text, s, e):
                acronym = m.group(1)
                if acronym.casefold() in name_words and acronym != name:
                    continue  # part of the lab's own name ('NMBS Innovation Lab'), not its acronym
                before = _WORDS.findall(ctx.text[ctx.label_free_start(s):m.start()])
                # The defined name opens its sentence ('Het X Y Z (XYZ) verenigt ...'): an acronym
                # given further on names something the lab works with ('... met de Vlaamse Overheid (VO)').
                determiners = ctx.lex.folded("words", "determiners")
                starts = [k for k in range(min(MAX_WORDS_BEFORE_DEFINED_NAME, len(before) - 1) + 1)
                          if before[k][:1].isupper() and fold_keep(before[k]) not in determiners]
                covering = [k for k in starts
                            if len(before) - k <= MAX_DEFINED_NAME_WORDS and _initials_cover(acronym, before[k:])]
                if covering and parent_before(ctx, s, m.start()):
                    continue  # 'The Center is part of the Centers for Medicare & Medicaid Services (CMS)': its parent's
                if covering:
                    found.append((acronym, m.start(1), m.end(1)))
        # The acronym of the section's own name first: 'Het Centre for Data Ethics and Innovation (CDEI)
        # ... kreeg de naam Responsible Technology Adoption Unit (RTA)' under a title naming the latter.
        own = [f for f in found if name and _initials_cover(f[0], _WORDS.findall(name))]
        given = re.search(rf"{re.escape(name)}\s*\(([{CAPITALS}][\w&.-]{{1,11}})\)", ctx.text) if name and not own else None
        if given is not None and name and (_initials_cover(given.group(1), _WORDS.findall(name))
                                           or _compound_spells(given.group(1), name)):
            own = [(given.group(1), given.start(1), given.end(1))]  # '... kreeg de naam X Y Unit (XYU)'
        return [ctx.candidate("acronym", acronym, start, end, family=NAME, version=VERSION, prior="anchored", ner=("ORG",))
                for acronym, start, end in (own or found)[:1]]

    def _country(self, section: Section, ctx: SectionContext, title: TitleParts | None,
                 site_country: str | None = None) -> list[Candidate]:
        from extract.extractors.country_mentions import (
            KIND_WEIGHTS,
            SEAT_WEIGHT,
            address_country,
            country_score,
            language_use,
            letterhead_country,
        )
        from extract.normalize import country_code, find_countries

        out = []
        if (label := ctx.label_value("country")) is not None:
            value, start, end = label
            if code := _address_country(value, ctx.lang) or country_code(value, ctx.lang):
                out.append(ctx.candidate("country", code, start, end, family=NAME, version=VERSION, prior="label"))
        if title and title.country:
            out.append(self._title_candidate("country", title.country, section, ctx, 0.95))
        elif section.title:
            # 'Office franco-allemand pour la Jeunesse': a pair of countries joined by a hyphen is binational.
            # Nor 'Institut de formation judiciaire (en néerlandais : Instituut voor ...)': a language.
            mentions = [m for m in find_countries(section.title, ctx.lang) if not _hyphen_paired(section.title, m.start, m.end)
                        and not (m.kind == "adjective" and language_use(fold_keep(section.title), m.start, m.end, ctx.lex))]
            if mentions:
                # 'Radio-Télévision belge de la Communauté française': two countries, the first qualifies
                # the lab, the later one a noun after it; one country said twice is the last mention's.
                chosen = mentions[0] if len({m.code for m in mentions}) > 1 else mentions[-1]
                out.append(self._title_candidate("country", chosen.code, section, ctx, 0.85))
        found = country_score(ctx)
        sender = letterhead_country(section, ctx, VERSION) if section.letterhead and not out else []
        if sender and (found is None or (found.code != sender[0].value and found.score < SEAT_WEIGHT)):
            # A letter about its sender: the letterhead's address is its seat, the text's places its
            # addressee's and partners' ('1000 Brussels' under a Dublin letterhead), unless it says
            # where it is based.
            return sender
        if found is not None and site_country not in (None, found.code) and found.score <= KIND_WEIGHTS["name"]:
            # 'die in de Verenigde Staten had gezien hoe zulke centra werkten' beside www.antigifcentrum.be:
            # one passing mention weighs less than the country of the lab's own site.
            found = None
        if found is not None:
            out.append(ctx.candidate("country", found.code, found.start, found.end, family=NAME, version=VERSION,
                                     prior=0.45 + 0.3 * found.share, ner=("GPE",)))
        elif not out:
            out += address_country(ctx, VERSION)
        return out

    def _website(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        from extract.normalize import find_urls, normalize_url

        if (label := ctx.label_value("website")) is not None:
            value, start, end = label
            if ctx.lex.regex("budget", "unknown").match(fold_keep(value)):
                return []  # 'Website: not available' says there is none to report
            if ctx.lex.regex("websites", "none_of_its_own").search(fold_keep(value)):
                return []  # 'www.stad.gent/nl/mobiliteit-openbare-werken (geen eigen website)': the city's page
            urls = find_urls(value)
            url = urls[0][0] if urls else normalize_url(value.split()[0])
            if urls and len(value[:urls[0][1]].split()) >= WORDS_BEFORE_SITE:
                url = ""  # 'Website visits: 1.4 billion page views on bom.gov.au': a figure about the site, read below
            if url:
                return [ctx.candidate("website", url, start, end, family=NAME, version=VERSION, prior="label")]
        from extract.segment.platforms import platform_host

        # Social media, DOIs, shorteners and publishers: a link there is never the lab's own site.
        found = [(url, s, e) for url, s, e in find_urls(ctx.text) if not platform_host(urlsplit(url).hostname or "")]
        if found:
            from extract.segment.spelling import domain_matches

            # The address whose domain spells the lab's name is its own; otherwise the first one.
            named = [f for f in found if any(domain_matches(n, urlsplit(f[0]).hostname or "") for n in ctx.subject_names)]
            url, s, e = (named or found)[0]
            url = _printed_with_www(url, found, section)
            prior = "anchored" if named else "mention"
            return [ctx.candidate("website", _own_site(url, ctx), s, e, family=NAME, version=VERSION, prior=prior)]
        footer = [(url, line) for line in section.urls for url, _, _ in find_urls(line.text)[:1]]
        if footer:
            from extract.assemble.record import confidence

            # A page footer lists the URLs of every lab on the page: take the one that names this lab.
            words = {w for n in ctx.subject_names for w in re.findall(r"\w{4,}", fold_keep(n))}
            url, line = max(footer, key=lambda item: sum(w in fold_keep(item[0]) for w in words))
            if len({u for u, _ in footer}) > 1 and not any(w in fold_keep(url) for w in words):
                return []  # several labs' addresses and none names this lab: none is its own
            # The printed page's own address stands for its site ('der.sn/la-der-fj/presentation'),
            # unless its one path segment is the lab's name ('marsdd.com/solutions-lab').
            parts = urlsplit(url)
            # So is a portal's page down to the segment that spells the lab's name
            # ('gov.uk/government/organisations/hm-prison-and-probation-service/about').
            segments = [p for p in parts.path.split("/") if p]
            names = {w for n in ctx.subject_names for w in re.findall(r"\w+", fold_keep(n))}
            named_at = [j for j, segment in enumerate(segments)
                        if set(re.findall(r"[a-z0-9]+", fold_keep(segment))) <= names
                        and (len(segments) == 1 or len(re.findall(r"[a-z0-9]+", segment)) >= 2)]
            site = url
            if parts.netloc:
                kept = segments[:named_at[-1] + 1] if named_at else []
                site = f"{parts.scheme}://{parts.netloc}" + "".join(f"/{segment}" for segment in kept)
            return [Candidate(field="website", value=site, provenance=Provenance(
                page=line.page, bbox=line.bbox, text=line.text, method=f"rule:{NAME}.footer.v{VERSION}",
                confidence=confidence("fallback", ocr=line.conf)))]
        return _letterhead_site(section, ctx)

    def _country_from_tld(self, ctx: SectionContext, websites: list[Candidate]) -> list[Candidate]:
        from extract.normalize import country_from_url

        for cand in websites:
            if isinstance(cand.value, str) and (code := country_from_url(cand.value)):
                prov = cand.provenance
                from extract.assemble.record import confidence

                return [Candidate(field="country", value=code, provenance=prov.model_copy(update={
                    "method": f"rule:{NAME}.tld.v{VERSION}", "confidence": confidence("fallback")}))]
        return []


def _own_site_country(ctx: SectionContext, websites: list[Candidate]) -> str | None:
    """The country of the lab's own site: one whose domain spells a name the section calls it by."""
    from extract.normalize import country_from_url
    from extract.segment.spelling import domain_matches

    for cand in websites:
        if not isinstance(cand.value, str):
            continue
        host = urlsplit(cand.value).hostname or ""
        if host and any(domain_matches(name, host) for name in ctx.subject_names):
            return country_from_url(cand.value)
    return None


_TRAILING_SHORT_NAME = re.compile(r"\(\s*([A-Za-z][\w&.-]{1,13})\s*\)\s*$")


def _with_defined_short_name(title: TitleParts, heading: str, ctx: SectionContext) -> TitleParts:
    """'Institut national de l'environnement industriel et des risques (Ineris)': a short name in
    the heading's brackets that no spelling rule reads as an acronym, but the text defines as this
    name ('L'Institut national ..., l'Ineris, a été créé')."""
    from extract.segment.official_names import official_name_of
    from extract.segment.spelled_names import defined_name

    short = _TRAILING_SHORT_NAME.search(heading)
    if short is None or title.name is None or _names_country(short.group(1)):
        return title  # 'Fabrique des Mobilités (FR)': the country
    defined = defined_name(short.group(1), ctx.text) or official_name_of(short.group(1), ctx.text, ctx.lex)
    if defined is None or fold_keep(defined) != fold_keep(re.sub(r"^[lL]['’]", "", title.name)):
        return title
    return replace(title, acronym=short.group(1))


def _compound_spells(acronym: str, name: str) -> bool:
    """'Gegevensbeschermingsautoriteit (GBA)': one compound word whose parts give the acronym's
    letters, in order, the first its own."""
    letters = fold_keep(acronym)
    word = fold_keep(name)
    if len(name.split()) != 1 or not is_acronym(acronym) or len(letters) < 2 or word[:1] != letters[:1]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in letters[1:])


def _names_country(text: str) -> bool:
    """'(FR)', '(Suisse)': a country, not a short name that holds a place ('Loto-Québec')."""
    from extract.normalize import country_code
    from extract.normalize.countries import place_code

    return place_code(text) is not None or (len(text) <= 3 and country_code(text) is not None)


def _short_name_answer(value: str, ctx: SectionContext) -> bool:
    """'Name in common use' / 'Ofwat': the whole answer one capitalised word, not a word saying
    there is none ('None', 'N/A', 'Unknown')."""
    # A remark in brackets after it says when or why: 'Unia (depuis février 2016)'.
    answer = re.sub(r"\s*\([^()]*\)\s*$", "", value.strip().rstrip("."))
    lex = ctx.lex
    none = lex.folded("words", "answers_no") | lex.folded("words", "not_applicable") | lex.folded("budget", "unknown")
    return len(answer.split()) == 1 and answer[:1].isupper() and fold_keep(answer) not in none


def _spells_name(short: str, ctx: SectionContext, title: TitleParts | None) -> bool:
    """Does the lab's name (its name label, else its title) spell ``short``, word by word?"""
    from extract.segment.spelling import WORD, content_words, spells_all

    label = ctx.label_value("name")
    name = label[0] if label is not None else (title.name if title is not None else None)
    if not name:
        return False
    words = content_words(WORD.findall(name))
    return len(words) >= 2 and spells_all(short, words) and not fold_keep(words[0]).startswith(fold_keep(short))


def _printed_with_www(url: str, found: list[tuple[str, int, int]], section: Section) -> str:
    """'cookies on csn.se' in a banner, 'www.csn.se/mina-sidor' on a button or the page's address:
    the site as the page prints it in full."""
    from extract.normalize import find_urls

    host = urlsplit(url).hostname or ""
    if host.startswith("www."):
        return url
    # The masthead ('Bureau of Meteorology · 700 Collins Street · www.bom.gov.au') and the footnotes too.
    printed = [u for u, _, _ in found] + [u for line in (*section.urls, *section.lines, *section.footnotes)
                                          for u, _, _ in find_urls(line.text)]
    if urlsplit(url).path in ("", "/"):
        # The letterhead's too: 'www.omropfryslan.nl' over a letter that writes 'omropfryslan.nl' (not
        # 'www.gironde.fr' over 'gironde.fr/labom21': the host's site, the lab's page on it).
        printed += [u for line in section.letterhead for u, _, _ in find_urls(line.text)]
    if any((urlsplit(u).hostname or "") == f"www.{host}" for u in printed):
        return url.replace(f"//{host}", f"//www.{host}", 1)
    return url


WORDS_BEFORE_SITE = 3
"""Words before the address in a website answer that make it a sentence about the site, not the address."""

_NAME_THEN_NOTE = re.compile(r"([^()]{3,}?\(\s*[A-Z][\w&.-]{1,11}\s*\)),\s+\S.*\s[–—-]\s")
"""A name answer with its bracketed acronym, a place after a comma, then a note after a dash."""

_SHORT_FORM_BRACKET = re.compile(rf"^[^()]{{3,}}?\s*\(\s*([{CAPITALS}][\w&.-]{{1,7}})\s*\)")


def _asked_short_form(ctx: SectionContext, value: str) -> str | None:
    """The bracketed short form after a name answer whose question asks for an acronym too."""
    block = ctx.block("name")
    bracket = _SHORT_FORM_BRACKET.match(value)
    if block is None or bracket is None:
        return None
    question = ctx.text[block.start:block.value_start]
    asks = any((found := match_label(f"{word}: x")) is not None and found.field == "acronym"
               for word in re.findall(r"[\w'’-]+", question))
    return bracket.group(1) if asks else None


KIND_TITLE_NAME_PRIOR = 0.95
KIND_TITLE_TEXT_CHARS = 600
MIN_SHARED_WORD = 4


def _named_under_kind(ctx: SectionContext, title: TitleParts | None) -> tuple[str, str, int] | None:
    """The name and acronym the section's first lines define, when its title is a kind written in
    lower case ('réseau des œuvres universitaires') sharing a word with that name."""
    from extract.segment.acronyms import defined_acronyms

    if title is None or not title.name or title.acronym:
        return None
    lead = re.sub(r"^[lL]['’]", "", title.name).split()
    if lead and fold_keep(lead[0]) in ctx.lex.folded("words", "articles"):
        lead = lead[1:]  # 'Le réseau des œuvres universitaires'
    if not lead or not re.fullmatch(rf"[{LOWERCASE}œæ'’-]+", lead[0]):
        return None  # not a coined name ('eOperations Suisse SA') nor an address ('visit.brussels')
    words = {fold_keep(w) for w in _WORDS.findall(title.name) if len(w) >= MIN_SHARED_WORD}
    for name, acronym, start in defined_acronyms(ctx.text[:KIND_TITLE_TEXT_CHARS]):
        if words & {fold_keep(w) for w in _WORDS.findall(name)} and name[:1].isupper():
            return name, acronym, start
    return None


def _hyphen_paired(text: str, start: int, end: int) -> bool:
    """Is the place at ``start``..``end`` one half of a hyphenated pair ('franco-allemand', 'US-UK')?"""
    return bool(re.search(r"\w-$", text[max(0, start - 2):start]) or re.match(r"-\w", text[end:end + 2]))


def _address_country(value: str, lang: str) -> str | None:
    """'Adresse du siège: 80, rue Lecourbe, 75015 Paris', 'Head office: 102 Petty France, London SW1H 9AJ':
    an address ends on its city or country; a street may be named after a country."""
    from extract.normalize import find_countries
    from extract.normalize.countries import address_countries

    found = address_countries(value) or (find_countries(value, lang) if _STREET_FIRST.match(value) else [])
    return found[-1].code if found else None


# A street number opening an address ('102 Petty France, London SW1H 9AJ'), for cities the postal
# patterns of ``address_countries`` do not read; not 'Bruxelles + 5 sites', a seat among several.
_STREET_FIRST = re.compile(r"\s*\d{1,4}[a-z]?,?\s+[A-Za-zÀ-ÿ]")


def _letterhead_acronym(section: Section, ctx: SectionContext, name: str | None) -> list[Candidate]:
    """'N/Réf. : DGLFLF/MSC/2006-0412' under 'Délégation générale à la langue française et aux langues
    de France': a word in capitals of a letter's letterhead that the sender's name spells, its
    capitalised words or, as French and Dutch write it, its lower-case ones."""
    from extract.assemble.record import confidence
    from extract.segment.acronyms import initials_are
    from extract.segment.spelled_names import lower_case_spelled

    if not name:
        return []
    for line in section.letterhead:
        for token in re.findall(rf"(?<![\w-])[A-Z]{{{MIN_LETTERHEAD_ACRONYM},}}(?![\w-])", line.text):
            if initials_are(token, name.split()) or lower_case_spelled(token, name) == name:
                return [Candidate(field="acronym", value=token, provenance=Provenance(
                    page=line.page, bbox=line.bbox, text=line.text, method=f"rule:{NAME}.letterhead.v{VERSION}",
                    confidence=confidence("anchored", ocr=line.conf)))]
    return []


MIN_LETTERHEAD_ACRONYM = 4


def _letterhead_site(section: Section, ctx: SectionContext) -> list[Candidate]:
    """The sender's own address in a letter about the sender ('www.t-hub.co' over a letter from T-Hub),
    when its domain spells the lab's name: a letterhead also prints a ministry's portal."""
    from extract.assemble.record import confidence
    from extract.normalize import find_urls
    from extract.segment.acronyms import initials_are
    from extract.segment.platforms import platform_host
    from extract.segment.spelling import MIXED_CASE_ACRONYM, domain_label, domain_matches, is_acronym

    for line in section.letterhead:
        for url, _, _ in find_urls(line.text):
            host = urlsplit(url).hostname or ""
            # A short acronym names the sender's site here ('www.cso.ie' under 'Central Statistics Office').
            # So does a coined one: 'www.ros.gov.uk' under Registers of Scotland (RoS).
            if not platform_host(host) and any(domain_matches(n, host) or ((is_acronym(n) or MIXED_CASE_ACRONYM.fullmatch(n))
                                                                            and domain_label(host) == n.lower())
                                                                       # 'www.saas.gov.uk' over Student Awards Agency Scotland
                                                                       or initials_are(domain_label(host).upper(), n.split())
                                               for n in ctx.subject_names):
                return [Candidate(field="website", value=_own_site(url, ctx), provenance=Provenance(
                    page=line.page, bbox=line.bbox, text=line.text, method=f"rule:{NAME}.letterhead.v{VERSION}",
                    confidence=confidence("anchored", ocr=line.conf)))]
    # 'Musées royaux des Beaux-Arts de Belgique' heading a letterhead whose one address is
    # www.fine-arts-museum.be: the sender named first, its one site (less sure: no spelling says so);
    # or named second, under its ministry ('Ministère de la Culture' / 'Délégation générale à ...').
    sites = [(url, line) for line in section.letterhead for url, _, _ in find_urls(line.text)
             if not platform_host(urlsplit(url).hostname or "")]
    # ... its acronym after it too: 'Service suisse d'enquête de sécurité SESE' over www.sust.admin.ch.
    heads = {fold_keep(n) for n in ctx.subject_names if n}
    heads |= {f"{a} {b}" for a in heads for b in heads if a != b}
    if len(sites) == 1 and any(" ".join(fold_keep(line.text).split()) in heads for line in section.letterhead[:2]):
        url, line = sites[0]
        return [Candidate(field="website", value=_own_site(url, ctx), provenance=Provenance(
            page=line.page, bbox=line.bbox, text=line.text, method=f"rule:{NAME}.letterhead.v{VERSION}",
            confidence=confidence("mention", ocr=line.conf)))]
    return []




# 'SCK CEN' under an acronym label: two capitalised words of letters, the second closing the answer or
# followed by a bracket.
_TWO_PART_ACRONYM = re.compile(r"[A-Z]{2,6} [A-Z]{2,6}(?=\s*(?:\(|$))")
# 'Studiecentrum voor Kernenergie / Centre d'Étude de l'énergie Nucléaire': a name in two languages.
_OTHER_LANGUAGE = re.compile(rf"\s+/\s+(?=[{CAPITALS}][\w'’-]*(?:\s+\S+)+$)")


def _first_language(value: str, *, paired: bool = False) -> str:
    """A name answer given in two languages, one after a slash, is the first one (of one word too
    when the question is ``paired``: 'Naam (Nederlands / Frans)'); so is one glossed after a dash
    and an article ('Arkivverket – the National Archival Services of Norway')."""
    parts = _OTHER_LANGUAGE.split(value, maxsplit=1)
    if len(parts) == 2 and (len(parts[0].split()) >= 2 or paired):
        return parts[0]
    if (spelled := _spelled_gloss(value)) is not None:
        return spelled[1]  # 'Acas – the Advisory, Conciliation and Arbitration Service': the name it spells
    glossed = _dash_gloss().split(value, maxsplit=1)
    return glossed[0] if len(glossed) == 2 and glossed[0][:1].isupper() else value


def _spelled_gloss(value: str) -> tuple[str, str] | None:
    """'Acas – the Advisory, Conciliation and Arbitration Service': (acronym, name) when a one-word
    answer is glossed after a dash by the name its letters spell, not by a translation."""
    from extract.segment.acronyms import defined_acronyms

    glossed = _dash_gloss().split(value, maxsplit=1)
    if len(glossed) != 2 or len(glossed[0].split()) != 1:
        return None
    short = glossed[0].strip()
    return next(((short, name) for name, acronym, _ in defined_acronyms(value) if acronym == short), None)


@cache
def _dash_gloss() -> re.Pattern[str]:
    articles = alternation(lexicon(None).words("words", "articles"), folded=False, any_space=False)
    # '... munizioni commerciali – “the Banco” to the trade': a quoted nickname glosses it too.
    return re.compile(rf"\s+[–—]\s+[“\"‘«]?\s*(?:(?i:{articles})\s+|[lL]['’])(?=[{CAPITALS}])")


MAX_ADDRESS_WORDS = 4


def _without_address(name: str) -> str:
    """'The Birmingham Gun Barrel Proof House, Banbury Street': a name answer without the address
    after its comma (a street word of any language, ``labs.address_words``, or a house number)."""
    head, comma, tail = name.rpartition(",")
    words = [fold_keep(w) for w in tail.split()]
    if not comma or not head.strip() or not 1 <= len(words) <= MAX_ADDRESS_WORDS:
        return name
    streets = tuple(_address_words())
    if any(w.isdigit() for w in words) or any(w.endswith(streets) for w in words):
        return head.strip()
    return name


@cache
def _address_words() -> frozenset[str]:
    return frozenset(lexicon(None).folded("labs", "address_words"))


# A site ('www.x.org', 'x.org/about', 'europa.eu'); not "LAB.Rio", nor a name that is an address ('Techleap.nl').
_URLISH = re.compile(r"^(?i:https?://|www\.)|\.[a-z]{2,3}/|^[a-z][\w.-]*\.[a-z]{2,3}$")
_BRAND = re.compile(r"^(?=\w*[a-z])(?=\w*[A-Z]\w*[A-Z0-9]|\w*\d)\w{3,}$")
MIN_SHORT_NAME_USES = 2


_MIXED_LABEL_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9&.-]{1,11}")


def _with_article(name: str, text: str, ctx: SectionContext) -> str:
    """'The Southern Initiative (TSI)': an article its acronym spells is part of the name."""
    from extract.segment.acronyms import initials_are

    articles = "|".join(re.escape(a.capitalize()) for a in ctx.lex.words("words", "articles") if a.isalpha())
    found = re.search(rf"(?<![\w])({articles})\s+{re.escape(name)}\s*\(\s*([A-Za-z]{{2,8}})\s*\)", text)
    if found is not None and initials_are(found.group(2), [found.group(1), *name.split()]) \
            and not initials_are(found.group(2), name.split()):
        return f"{found.group(1)} {name}"
    # 'not to The Data Lab', 'ITIDA (Egypt) and The Innovation Hub': a capital article inside a
    # sentence is the name's, when the text never writes the article in lower case before it.
    inside = re.search(rf"(?<=[{LOWERCASE},)] )({articles})\s+{re.escape(name)}(?![\w-])", text)
    lower = re.search(rf"(?<![\w])(?:{articles.lower()})\s+{re.escape(name)}(?![\w-])", text)
    if inside is not None and lower is None and name[:1].isupper():
        return f"{inside.group(1)} {name}"
    # 'Het Utrechts Archief' at www.hetutrechtsarchief.nl: an article its own site spells is the name's.
    opening = re.match(rf"({articles})\s+{re.escape(name)}(?![\w-])", text.lstrip()) or re.search(
        rf"(?<![\w])({articles})\s+{re.escape(name)}(?![\w-])", text)
    if opening is not None and lower is None and name[:1].isupper():
        from extract.normalize import find_urls
        from extract.segment.spelling import domain_label

        spelled = re.sub(r"[^a-z0-9]", "", fold_keep(f"{opening.group(1)} {name}"))
        lines = (*ctx.section.urls, *ctx.section.footnotes, *ctx.section.lines)
        if any(domain_label(urlsplit(url).hostname or "") == spelled for line in lines for url, _, _ in find_urls(line.text)):
            return f"{opening.group(1)} {name}"
    return name


def _with_legal_form(name: str, body: str) -> str:
    """'Helen' where the text says 'The company behind it is Helen Ltd', 'Agencia EFE, S.A.': a
    company goes by its name with the legal form the text prints after it (capitals, or letters and
    dots: 'AB', 'S.p.A.'; not the word 'ab')."""
    from extract.segment.index_merges import legal_forms

    if is_acronym(name) or not name[:1].isupper():
        return name  # 'BRGM SA' is one of the BRGM's subsidiaries
    found = re.search(rf"(?<![\w-]){re.escape(name)},?\s+({legal_forms()})(?![\w-])", body)
    if found is None or not (found.group(1)[:1].isupper() or "." in found.group(1)):
        return name
    return re.sub(r"\s+", " ", found.group())


def _spelled_out_name(name: str, ctx: SectionContext) -> str:
    """'RINIS' over 'Het Routeringsinstituut voor (Inter)Nationale Informatiestromen (RINIS) ...': a
    lab titled by an acronym its text spells out goes by the full name (its acronym stays its acronym)."""
    from extract.segment.document_title import site_starting_with
    from extract.segment.spelled_names import defined_name, full_name, glossed_name

    # 'SVB: van AOW tot kinderbijslag' over 'De Sociale Verzekeringsbank begon in 1901': no brackets needed.
    if is_acronym(name):
        return full_name(name, ctx.text) or name
    if (bare := _after_article(name, ctx)) is not None:
        return full_name(bare, ctx.text) or name  # 'La CENAL', as French writes an acronym
    elided = _ELIDED_NAME.fullmatch(name)
    if elided is not None and elided.group(1)[:1].isupper() and (
            full := defined_name(elided.group(1), ctx.text) or full_name(elided.group(1), ctx.text)):
        return full  # "L'Anses" over "L'Agence nationale de sécurité sanitaire ... (Anses)"
    if len(name.split()) == 1:  # 'Findata' over 'The Finnish ... Permit Authority, known as Findata'
        return (defined_name(name, ctx.text) or glossed_name(name, ctx.text) or _named_by_head(name, ctx)
                or site_starting_with(ctx.text, name) or _lower_case_spelling(name, ctx) or name)
    return name


MAX_SHORT_FORM_CHARS = 6
"""A one-capital short form spelled by a name's words: 'Énap', 'Anses'."""


def _lower_case_spelling(name: str, ctx: SectionContext) -> str | None:
    """'Énap' over "L'École nationale d'administration pénitentiaire forme ...": a short word of one
    capital whose letters the initials of a name in French or Dutch lower case spell in full."""
    from extract.segment.spelled_names import lower_case_spelled

    if not (3 <= len(name) <= MAX_SHORT_FORM_CHARS and name[:1].isupper() and name[1:].islower()):
        return None
    return lower_case_spelled(name, ctx.text)


def _translates(word: str, full: str) -> bool:
    """Is the one-word title the lab's name in another language rather than its short form? A short
    form starts as its name does ('Serpro', 'Justid'); 'Riksrevisionen' for the Swedish National
    Audit Office does not."""
    from extract.segment.spelling import content_words

    words = content_words(_WORDS.findall(full))
    return not is_acronym(word) and bool(words) and fold_keep(word[:1]) != fold_keep(words[0][:1])


_ELIDED_NAME = re.compile(r"[lL]['’](\S+)")
"""A name after an elided article, as one word: "L'OCVV", "L'Anses"."""


def _after_article(name: str, ctx: SectionContext) -> str | None:
    """'CENAL' of 'La CENAL', 'OCVV' of "L'OCVV": an acronym after an article, or None."""
    elided = _ELIDED_NAME.fullmatch(name)
    if elided is not None:
        return elided.group(1) if is_acronym(elided.group(1)) else None
    article, _, rest = name.partition(" ")
    return rest if rest and is_acronym(rest) and fold_keep(article) in ctx.lex.folded("words", "articles") else None


def _named_by_head(name: str, ctx: SectionContext) -> str | None:
    """"L'Agence" (of "L'Agence en bref") over a text naming one 'Agence Parisienne du Climat': a
    title that is a head noun alone is the one lab its text names with that head."""
    head = fold_keep(re.sub(r"^[lL]['’]", "", name))
    if head not in ctx.lex.folded("labs", "heads"):
        return None
    from extract.segment.spelled_names import name_with_head

    return name_with_head(head, ctx.text, ctx.lang)


def parent_before(ctx: SectionContext, start: int, end: int) -> bool:
    """Whether a parent relation ('part of', 'valt onder', 'rattaché à') stands between ``start`` and ``end``."""
    return ctx.lex.regex("governance", "parent_triggers").search(ctx.folded, start, end) is not None


def _without_sentence_article(name: str, ctx: SectionContext) -> str:
    """'Le ministère de la Cybersécurité', 'Le pôle Innovation de la DITP': before a word in lower
    case the article is the sentence's (a name capitalises its first word). The title keeps it: a
    lower-case heading is read as a lab's only with its article. The articles, capitalised as a
    sentence opens, are rule data (``words.sentence_articles``)."""
    articles = "|".join(re.escape(a.capitalize()) for a in ctx.lex.words("words", "sentence_articles"))
    found = re.match(rf"(?:{articles})\s+(?=[{LOWERCASE}]\w+\s+\S)", name) if articles else None
    return name[found.end():] if found else name


def _without_article_the_text_lowers(name: str, text: str, ctx: SectionContext) -> str:
    """'La Commission des jeux de hasard' (a heading) when the text goes on 'En Belgique, la Commission
    des jeux de hasard ...': the article is the sentence's, not the name's. 'De Watergroep' keeps
    its own: the text writes 'De' inside sentences too, or never writes the name inside one."""
    article, _, rest = name.partition(" ")
    articles = ctx.lex.folded("words", "articles")
    if not (article[:1].isupper() and rest[:1].isupper() and fold_keep(article) in articles):
        return name
    inside = re.findall(rf"(?<=[\w,;)] )({re.escape(article)}|{re.escape(article.lower())})\s+{re.escape(rest)}(?![\w-])", text)
    return rest if inside and all(a.islower() for a in inside) else name


def _short_name(name: str, text: str) -> str:
    """'LabX Experimentatie laboratorium voor Openbaar Bestuur' (a dash lost to OCR) -> 'LabX' when
    the text calls the lab by that distinctive first word (mixed case or digits) and never by the
    whole title."""
    words = name.split()
    # The whole title in the text, perhaps over a line break ('FinTech and Innovation' / 'Group (FTIG)').
    if len(words) < 4 or not _BRAND.match(words[0]) or " ".join(words) in " ".join(text.split()):
        return name
    uses = len(whole_name(words[0]).findall(text))
    return words[0] if uses >= MIN_SHORT_NAME_USES else name


def _initials_cover(acronym: str, words: list[str]) -> bool:
    """Do the capitalised words before '(ABC)' spell the acronym's letters (any order)?"""
    initials = []
    for word in words:
        for part in re.split(r"[-‐]", word):
            if part[:1].isupper():
                initials.append(part[0])
    letters = [c for c in acronym if c.isalpha()]
    if not letters or not initials or letters[0] not in initials:
        return False
    pool = list(initials)
    hits = 0
    for c in letters:
        if c in pool:
            pool.remove(c)
            hits += 1
    return hits / len(letters) >= 0.75


def _own_site(url: str, ctx: SectionContext) -> str:
    """A page of the lab's own site ('labx.gov.pt/about-us/?lang=en', 'smartdublin.ie/challenges')
    stands for the site: when the host is the lab's own name, the site is the host; a host that is
    a region's or a parent's ('vlaanderen.be/proeftuin-vlaanderen', 'marsdd.com/solutions-lab')
    keeps the path."""
    from extract.segment.spelling import domain_label, host_spells

    parts = urlsplit(url)
    host = domain_label(parts.hostname or "")

    if parts.netloc and any(re.sub(r"[^a-z0-9]", "", fold_keep(n)) in (host, f"the{host}")
                            or host_spells(n, parts.hostname or "") for n in ctx.subject_names):
        return f"{parts.scheme}://{parts.netloc}"
    return url


def _statutory_form(ctx: SectionContext, value: str, name: str | None) -> str | None:
    """'A1.1 Statutaire naam' over 'Stichting Sanquin Bloedvoorziening': a name asked for as the official
    one keeps the legal form the register prints before it (``labs.official_name`` in the label)."""
    block = ctx.block("name")
    if not name or block is None or not ctx.lex.regex("labs", "official_name").search(ctx.folded, block.start,
                                                                                     block.value_start):
        return name
    printed = " ".join(value.split())
    lead = printed[:len(printed) - len(name)].strip() if printed.endswith(name) else ""
    return printed if fold_keep(lead) in ctx.lex.folded("title", "legal_prefixes") else name
