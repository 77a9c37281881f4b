"""Lab titles: name, acronym and country from a heading ('Centre for X (CO-PI) in Denemarken').

Shared by segmentation (which headings name a lab) and the identity extractor (the record's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.normalize.rule_data import alternation
from extract.normalize.text import TRAILING_BRACKETS
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import Lexicon, fold_keep, lexicon, phrase_regex
from extract.segment.acronyms import TWO_NAMES_TWO_ACRONYMS, initials_are
from extract.segment.name_affixes import article_before_name, strip_legal_prefix, without_about, without_summary
from extract.segment.spelling import (
    abbreviates,
    acronym_letters,
    content_words,
    function_words,
    initials_cover,
    spells_mixed_acronym,
    spells_with_compounds,
)
from extract.segment.styled_names import styled_name

YEAR = re.compile(r"(?<![\d.,\-–/])(1[89]\d\d|20\d\d)(?![\d\-–/])")

# Capitals with accents count ('LKÖ'); '×' sits among them and does not.
_ACRONYM = re.compile(r"^(?=(?:[^A-ZÀ-ÖØ-ÝĀ-žȘȚ]*[A-ZÀ-ÖØ-ÝĀ-žȘȚ]){2})[A-ZÀ-ÖØ-ÝĀ-žȘȚ0-9][A-ZÀ-ÖØ-ÝĀ-žȘȚa-z0-9&.\-]{0,11}(?:/[A-Z]{1,6})?[A-ZÀ-ÖØ-ÝĀ-žȘȚ0-9]$")
_PARENS = re.compile(r"\s*\(([^()]{1,20})\)")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+|\s*:\s+")
_APPOSITIVE = re.compile(rf"^([^,]+?),\s+(?=(?:[{LOWERCASE}]|[LlDd]['’]))")
_WORDS = re.compile(r"[\w'’-]+")
_DEFINED_ACRONYM = re.compile(r"\(([A-ZÀ-ÖØ-ÝĀ-žȘȚ][A-ZÀ-ÖØ-ÝĀ-žȘȚ0-9&\-]{1,11}(?:/[A-Z]{1,6})?)\)")
MAX_NAME_WORDS_BEFORE_DASH = 4
MAX_KICKER_WORDS = 3
MAX_WORDS_BEFORE_DEFINED_NAME = 2
MAX_DEFINED_NAME_WORDS = 10


@dataclass(frozen=True)
class TitleParts:
    name: str | None
    acronym: str | None
    country: str | None
    """ISO code from a trailing 'in <Country>'."""


# 'eWBS', 'AdN', 'COI': letters of a name, capitals but for a lower-case prefix or linking letter.
_ACRONYM_LIKE = re.compile(r"^[a-z]?[A-Z][A-Za-z]{0,2}[A-Z][A-Z0-9]{0,6}$|^[A-Z]{2,8}$")


def is_acronym(token: str) -> bool:
    """All-caps token of 2-13 characters, digits and '-' allowed ('RIC', 'CO-PI', 'AMA')."""
    return bool(_ACRONYM.match(token)) and token.upper() == token


_RENAMED = re.compile(r"\s+(?:→|⟶|->|=>|⇒)\s+")


@cache
def _renaming(lex: Lexicon) -> re.Pattern[str]:
    """'From X to Y', 'De X au Y', "D'X à la Y", 'Van X naar Y' (title.renamed_from, renamed_to)."""
    before, after = (alternation(lex.words("title", key), folded=False, any_space=True) for key in ("renamed_from", "renamed_to"))
    return re.compile(rf"^(?i:{before})\s*(?P<old>[{CAPITALS}].*?)\s+(?i:{after})\s*(?P<new>[{CAPITALS}].*)$")


@cache
def _chained(lex: Lexicon) -> re.Pattern[str]:
    """'BAI to An Coimisiún' after 'From BCI to': a name renamed again (title.renamed_to)."""
    after = alternation(lex.words("title", "renamed_to"), folded=False, any_space=True)
    return re.compile(rf"^(?P<old>\S+)\s+(?i:{after})\s*(?P<new>[{CAPITALS}].*)$")


@cache
def _former(lex: Lexicon) -> re.Pattern[str]:
    """'France Titres (ex-ANTS)', 'Justid (voorheen JustID)': a former name in brackets (title.former_markers)."""
    markers = alternation(lex.words("title", "former_markers"), folded=False, any_space=True)
    return re.compile(rf"\s*\((?i:{markers})\s*(?P<old>[^()]{{2,60}})\)\s*$")


_DOTTED_FORM_END = re.compile(r"(?:^|\s)[A-Z]\.(?:[A-Za-z]\.){1,3}$")


def _with_dotted_form(printed: str, stripped: str) -> str:
    """``stripped`` with the full stop a legal form in letters and dots ends on ('Stadion Amsterdam N.V.')."""
    if _DOTTED_FORM_END.search(printed.rstrip(" :;,")) and not stripped.endswith("."):
        return stripped + "."
    return stripped


def renaming(title: str, lex: Lexicon) -> tuple[str, str] | None:
    """(new name, former name) of a heading that tells a renaming, after a dateline ('Paris — De
    France Stratégie au Haut-commissariat à la Stratégie et au Plan', 'Lyon — X (ex-Y)'), else None.
    The new name has two capitalised words at least: 'From Policy to Practice' renames nothing."""
    text = re.sub(r"\s+", " ", title).strip(" .:")
    for candidate in (*_DASH_SPLIT.split(text, maxsplit=1)[1:], text):
        found = _renaming(lex).match(candidate)
        if found is not None:
            new, old = found.group("new").strip(), found.group("old").strip()
        elif (former := _former(lex).search(candidate)) is not None:
            new, old = candidate[:former.start()].strip(), former.group("old").strip(" -")
        else:
            continue
        if found is not None and (chain := _chained(lex).match(new)) is not None and is_acronym(chain.group("old")):
            new, old = chain.group("new"), chain.group("old")  # 'From BCI to BAI to An Coimisiún': the last two
        if sum(w[:1].isupper() for w in new.split()) >= 2 or (is_acronym(new) and new != old):
            return new, old
    return None


_POSSESSOR = re.compile(r"^(?:The\s+)?([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})['’]s\s+(?=[A-Z0-9])")


MAX_FUZZY_PLACE_WORDS = 2


@lru_cache(maxsize=8)
def _leading_article(lex: Lexicon) -> re.Pattern[str]:
    """An article opening a place's name ('de Verenigde Staten'); built once per language, as titles
    are parsed several times a section."""
    return re.compile(rf"^(?i:{alternation(lex.words('words', 'articles'), folded=False, any_space=False)})\s+")


def _place_after_preposition(words: str, lex: Lexicon) -> str | None:
    """The country of the place after a title's 'in' ('in Denemarken', 'in de Verenigde Staten'): a
    place written as one, or a short one OCR may have damaged; not a name that runs on ('Milieu- en
    Natuurraad van Vlaanderen', whose 'en' is French for 'in')."""
    from extract.normalize import country_code
    from extract.normalize.countries import place_code

    bare = _leading_article(lex).sub("", words)
    if (code := place_code(bare) or place_code(words)) is not None:
        return code
    return country_code(words, lex.lang) if len(bare.split()) <= MAX_FUZZY_PLACE_WORDS else None


# 'Commission fédérale de l'électricité (ElCom)': a short name coined in camel case, its letters
# perhaps from the name in another language, is the lab's acronym all the same.
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]{0,6}")


def _initials_in_order(letters: str, name: str) -> bool:
    """Are ``letters`` the initials of the name's first word and of later capitalised words, in order
    ("AE" in "Archives générales ... de l'État")?"""
    initials = [fold_keep(w)[:1] for w in re.sub(r"\b[lLdD]['’]", "", name).split() if w[:1].isupper()]
    wanted = list(fold_keep(letters))
    if not initials or not wanted or initials[0] != wanted[0]:
        return False
    rest = iter(initials[1:])
    return all(any(c == w for c in rest) for w in wanted[1:])


def parse_title(title: str, lex: Lexicon, *, document: bool = False, known_acronym: str | None = None) -> TitleParts:
    """Name, acronym and country from a heading ('Centre for X (CO-PI) in Denemarken'); ``known_acronym``:
    the lab's acronym given elsewhere (its heading), when the title gives none."""
    from extract.normalize import country_code
    from extract.normalize.countries import place_name_code

    text = _with_dotted_form(title, re.sub(r"\s+", " ", title).strip(" .:-–"))
    text = re.sub(r"(?<=\s)[.,;:·'`](?=\w)", "", text)  # OCR specks before a word: 'Experimentacao .Administrativa'
    # 'Centre fédéral d'expertise ... (Federaal Kenniscentrum voor de': a gloss cut at the line's end.
    text = re.sub(r"\s*\([^()]*$", "", text) or text
    # 'Koninklijke Munt van België / Monnaie royale de Belgique (KMB – MRB)': the first name and its acronym.
    if (two := TWO_NAMES_TWO_ACRONYMS.fullmatch(text)) is not None:
        text = f"{two.group(1)} ({two.group(3)})"
    # 'Old Centre → New Unit', 'De X au Y', 'Y (ex-X)': a renamed lab goes by its new name.
    text = _RENAMED.split(text)[-1].strip()
    text = without_about(text, lex) or text  # 'About Smart Dublin', 'Over het Rijks ICT Gilde'
    # "The SEC's FinHub", "Australia's ASCA": whose it is (an acronym, or a country before an
    # acronym), then its name; "Scotland's Futures Forum" is the name itself.
    owner = _POSSESSOR.match(text)
    if owner is not None and (is_acronym(owner.group(1)) or (
            place_name_code(owner.group(1)) is not None and is_acronym(text[owner.end():].strip()))):
        text = text[owner.end():]
    # 'A joint municipal authority: HSL', 'Une agence d'État : l'ANFR': what the chapter calls it, then its name.
    described = re.match(rf"(?i:{alternation(lex.words('words', 'indefinite_articles'), folded=False)})\s+[^:]{{3,60}}?\s*:\s+(\S.*)$",
                         text)
    after_kind = re.sub(r"^[lL]['’]", "", described.group(1)).strip() if described is not None else ""
    if after_kind[:1].isupper():
        text = after_kind
    text = without_summary(text, lex) or text  # 'BMA in het kort', "L'Agence en bref"
    if (renamed := renaming(text, lex)) is not None:
        text = renamed[0]

    if document:
        text = _strip_report_words(text, lex)
    acronym = None
    halves = _DASH_SPLIT.split(text, maxsplit=1)
    if len(halves) == 2 and _ACRONYM_LIKE.match(halves[0].strip()) and initials_cover(halves[0].strip(), halves[1].split()):
        acronym, text = halves[0].strip(), halves[1]  # 'eWBS — e-Wallonie-Bruxelles Simplification'
    country = None
    preps = "|".join(re.escape(p) for p in lex.words("title", "location_prepositions"))
    match = re.search(rf"\s+(?:{preps})\s+([^()]+?)\s*$", text, flags=re.IGNORECASE)
    if match and (code := _place_after_preposition(match.group(1), lex)):
        country, text = code, text[: match.start()].strip()
    # 'Kolba Lab, Arménie : l'innovation citoyenne': the name and its country, then a subtitle.
    match = re.match(r"^([^,:]+?),\s*([^,:]+?)\s*:\s+\S", text)
    if country is None and match and len(match.group(2).split()) <= 3 and (code := country_code(match.group(2), lex.lang)):
        country, text = code, match.group(1).strip()
    # A heading whose country went to the next line: 'Centre for X (CO-PI) in'.
    text = re.sub(rf"\s+(?:{preps})$", "", text, flags=re.IGNORECASE)
    # 'Offentliga Innovationsrummet (OIR), Sweden', 'BruLab · Belgique'
    # Not 'Colombie — iNNpulsa Colombia': a name holding a country's name is no country.
    match = re.search(r"\s*[,·|–—]\s*([^,()·|]+?)\s*$", text)
    if country is None and match and len(match.group(1).split()) <= 3 and heading_place_code(match.group(1)) is not None \
            and (code := country_code(match.group(1), lex.lang)):
        country, text = code, text[: match.start()].strip()
    # 'Name (ACR) France': the dash before the country was lost (OCR often drops a lone '–').
    match = re.search(r"\)\s+([^()]+?)\s*$", text)
    if country is None and match and (code := country_code(match.group(1), lex.lang)):
        country, text = code, text[: match.start() + 1].strip()
    for paren in _PARENS.finditer(text):
        inner = paren.group(1).strip()
        dotted = re.fullmatch(r"(?:[A-Za-z]{1,3}\.){1,3}[A-Za-z]{1,4}\.?", inner) is not None  # 'i.AI'
        # Not the name's own letters: "Archives ... de l'État (AE)" is an acronym, not the Emirates.
        iso = re.fullmatch(r"[A-Z]{2}", inner) is not None and country_code(inner) is not None \
            and not _initials_in_order(inner, text[: paren.start()])
        before = text[: paren.start()].split()
        if inner.casefold() in lex.folded("title", "file_formats") and not (
                initials_cover(inner, before) or spells_with_compounds(inner, before)):
            continue  # 'Download Annual Report 2023/24 (PDF)': a link's file; 'Publieke Proeftuin (PPT)' spells it
        # 'Directoraat-generaal Penitentiaire Inrichtingen (DG EPI)': two groups of capitals, the name's first first.
        two_part = re.fullmatch(r"[A-Z]{2,4} [A-Z]{2,6}", inner) is not None and bool(before) \
            and fold_keep(inner[:1]) == fold_keep(before[0][:1])
        if country is None and iso:
            country = country_code(inner)  # 'NIA (KR)' in a table comparing countries' agencies
        elif acronym is None and (is_acronym(inner) or two_part or _short_form(inner, text[: paren.start()])
                                or spells_mixed_acronym(inner, text[: paren.start()]) or _CAMEL_CASE.fullmatch(inner)
                                or (dotted and any(c.isupper() for c in inner))
                                or _coined_short_form(inner, text[: paren.start()])):
            acronym = inner
        elif country is None and (code := country_code(inner, lex.lang)):
            country = code
        else:
            continue
        text = (text[: paren.start()] + text[paren.end():]).strip()
        break
    # 'NYC Service Design Studio (NYC Opportunity)': what is left in brackets at the end says where
    # the lab sits or what it is, not its name.
    text = TRAILING_BRACKETS.sub("", text)
    parts = _DASH_SPLIT.split(text, maxsplit=1)
    # 'Mali : l'AGETIC, ...', 'Tunisie : le CNI': the name may keep the sentence's article.
    after_place = re.sub(rf"^(?:{article_before_name(lex)})(?=[{CAPITALS}])", "", parts[1]) if len(parts) == 2 else ""
    # A name after the place starts with a capital, or is coined with a lower-case prefix ('iNNpulsa').
    named_after = after_place[:1].isupper() or re.match(r"[a-z]{1,2}[A-Z]", after_place) is not None \
        or _coined_lower(after_place, lex)
    # "L'Italie : le Garante": the place may keep its article too.
    place = heading_place_code(re.sub(rf"^(?i:{article_before_name(lex)})(?=[{CAPITALS}])", "", parts[0].strip())) \
        if len(parts) == 2 and named_after else None
    if place is not None:
        # '3.1 Gdynia: Laboratorium ...', 'Denemarken – MindLab': the place the case is in, then its name.
        text, country = after_place, country or place
        appositive = _APPOSITIVE.match(text)
        # 'Mali : l'AGETIC, établissement public ...', and the name a heading's acronym stands for:
        # 'Panamá : Autoridad Nacional para la Innovación Gubernamental (AIG), une autorité ...'.
        if appositive and 0 < len(appositive.group(1).split()) <= MAX_DEFINED_NAME_WORDS:
            text = appositive.group(1)
    elif len(parts) == 2:
        head, tail = parts
        if acronym is not None and _pair_spelled(acronym, head, tail):
            pass  # 'Institut des Vétérans – Institut national des invalides de guerre (IV-INIG)': both names
        elif _is_kicker(head, tail, lex):
            text = tail  # 'Case study: Policy Lab', 'Fiche : Labo citoyen', 'Lab portrait: Accelerate Estonia'
        elif _described_by_kind(head.strip(), tail.strip(), lex):
            # "L'État — la SGAD", 'Une région — Agencia Digital de Andalucía': a level or a kind, then the lab
            text = re.sub(rf"^(?:{article_before_name(lex)})", "", tail.strip())
        elif acronym is None and (named := _apposed_name(head.strip(), tail.strip(), lex)):
            acronym, text = head.strip(), named  # 'THL – the Finnish Institute for Health and Welfare'
        elif acronym is None and (_short_form_of(head.strip(), tail.strip(), lex)
                                  or (is_acronym(head.strip()) and _word_starts_spell(head.strip(), tail))):
            # 'iLab — Northern Ireland Public Sector Innovation Lab', 'Digdir — Digitaliseringsdirektoratet':
            # the short name used everywhere, then the full name it stands for.
            acronym, text = head.strip(), tail
        # 'LabX - Experimentatie laboratorium voor ...': a short name, then a description.
        # 'LIOF — Limburg': a short name, then the region it serves.
        elif 0 < len(head.split()) <= MAX_NAME_WORDS_BEFORE_DASH and (
                len(tail.split()) >= 2 or tail.strip()[:1].isupper()):
            text = head
    elif acronym is None and (styled := styled_name(text, lex)) is not None:
        acronym = styled  # 'SLO, nationaal expertisecentrum leerplanontwikkeling' is the whole name
    else:
        appositive = _APPOSITIVE.match(text)
        # 'La Base, le lab de l'État en Nouvelle-Aquitaine', 'Le Labo, pionnier champardennais': a
        # short name, then what it is in lower case; not a name that goes on after a comma with a
        # link word ("Institut wallon de l'évaluation, de la prospective et de la statistique").
        link = re.match(r"[\w'’]+", text[appositive.end():]) if appositive else None
        # Nor one whose acronym spells the words after the comma too: 'Conseil économique, social et
        # environnemental (CESE)'.
        if (appositive and 0 < len(appositive.group(1).split()) <= MAX_NAME_WORDS_BEFORE_DASH
                and not (link and fold_keep(link.group()) in lex.folded("labs", "name_links"))
                and not (acronym and initials_are(acronym, content_words(text.replace(",", " ").split())))):
            text = appositive.group(1)
    text = strip_legal_prefix(_with_dotted_form(text, text.strip(" .,:;-–\"'“”")), lex, acronym or known_acronym)
    # 'The Behavioural Insights Team' is the Behavioural Insights Team; 'The GovLab' keeps its article.
    if re.match(r"^The\s+\S+\s+\S+", text):
        text = text[4:].lstrip()
    # 'Le Bercy Lab', "L'Agence de l'innovation de défense": the article is the sentence's, but it is
    # part of a name without a lab's head noun ('La Fabrique numérique', 'La 27e Région').
    article = re.match(rf"^(?:Le|La|Les|Het|De)\s+(?=[{CAPITALS}])|^L['’](?=[{CAPITALS}])", text)
    heads = lex.folded("labs", "heads") | lex.folded("labs", "compound_ends")
    rest = text[article.end():] if article else ""
    # 'La Délégation générale ... (DER/FJ)': an acronym that does not spell the article says the
    # name starts after it.
    unspelled = acronym is not None and acronym[:1].upper() != text[:1].upper() and is_acronym(acronym)
    if article and fold_keep(rest) not in heads and (unspelled or any(
            fold_keep(w) in heads or any(fold_keep(w).endswith(e) for e in lex.folded("labs", "compound_ends"))
            for w in re.findall(r"[\w-]+", text[article.end():]))):
        text = text[article.end():]
    return TitleParts(name=text or None, acronym=acronym, country=country)


MAX_COINED_CHARS = 8


def _coined_short_form(inner: str, name: str) -> bool:
    """'Istituto nazionale di statistica (Istat)': one word made of the starts of the name's words in
    turn, none of them whole."""
    return (inner[:1].isupper() and inner.isalpha() and len(inner) <= MAX_COINED_CHARS
            and fold_keep(inner) not in fold_keep(name).split() and abbreviates(inner, name, said=True))


def _pair_spelled(acronym: str, head: str, tail: str) -> bool:
    """Does an acronym of two joined by a hyphen ('IV-INIG') spell the name before the dash by its
    first part and open the name after it by its second?"""
    first, hyphen, second = acronym.partition("-")
    if not hyphen or not (is_acronym(first) and is_acronym(second)):
        return False
    letters = acronym_letters(second)
    opening = "".join(w[0] for w in content_words(tail.split()))[:len(letters)]
    return initials_are(first, head.split()) and fold_keep(opening).upper() == letters


def _short_form(inner: str, name: str) -> bool:
    """'(AMS Institute)' after 'Amsterdam Institute for Advanced Metropolitan Solutions': an
    acronym with one of the name's words, the short form the document then uses."""
    words = inner.split()
    if len(words) != 2 or not is_acronym(words[0]) or fold_keep(words[1]) not in fold_keep(name).split():
        return False
    # The letters stand for the name's other words (the one kept in full is not abbreviated).
    rest = [w for w in name.split() if fold_keep(w) != fold_keep(words[1])]
    return any(initials_cover(words[0], rest[skip:]) for skip in (0, 1))  # 0, or after a legal form


def is_report_title(title: str, lex: Lexicon) -> bool:
    """'Jaarverslag 2021', 'Annual report 2022': a title that names the document, not what it is about."""
    return not _strip_report_words(title, lex, keep_empty=True)


# A report's year may be a span: 'Annual Report 2024–25', 'Jaarverslag 2023-2024'.
_YEAR_SPAN = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d\s*[-–/]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d)")


def _strip_report_words(text: str, lex: Lexicon, *, keep_empty: bool = False) -> str:
    """'Jaarverslag 2023 – GovLab' -> 'GovLab' (a single-lab report's title names the lab)."""
    folded = fold_keep(text)
    # 'Jaarverslag 2019 – in het kort': a summary's words say the kind too.
    pattern = phrase_regex([*lex.words("title", "report_words"), *lex.words("title", "summary_suffixes")])
    keep = list(text)
    links = lex.folded("labs", "name_links")
    heads = lex.folded("labs", "heads")
    for m in pattern.finditer(folded):
        before, after = text[:m.start()].split()[-1:], text[m.end():].split()[:1]
        if (before and after and after[0][:1].isupper() and (before[0][:1].isupper() or fold_keep(before[0]) in links)
                and text[m.start():m.start() + 1].isupper()):
            continue  # 'Centre for Survey Results', 'Harbour Survey Agency': a word inside a name
        if before and before[0][:1].isupper() and text[m.start():m.start() + 1].isupper() \
                and m.group() in heads:
            continue  # 'British Antarctic Survey': a body's head noun ending its name
        keep[m.start():m.end()] = " " * (m.end() - m.start())
    for m in (*YEAR.finditer(text), *_YEAR_SPAN.finditer(text)):
        keep[m.start():m.end()] = " " * (m.end() - m.start())
    cleaned = re.sub(r"\s+", " ", "".join(keep)).strip(" -–—:|,")
    cleaned = re.sub(rf"^(?:{alternation(lex.words('title', 'leading_prepositions'), folded=False, any_space=False)})\s+",
                     "", cleaned, flags=re.I)
    return cleaned if keep_empty else cleaned or text


def only_report_words(title: str, lex: Lexicon) -> bool:
    """'Activiteitenverslag 2024', 'Annual Report 2023–24': a report's kind and year, no name."""
    return not _strip_report_words(title, lex, keep_empty=True)


def _short_form_of(short: str, full: str, lex: Lexicon) -> bool:
    """Is ``short`` (one word) a short form of ``full``, a longer proper name (every content word
    capitalised, the letters of ``short`` in order in it, the first one opening one of its words)?"""
    content = _content_words(full, lex)
    if (len(short.split()) != 1 or not content or not all(w[:1].isupper() for w in content)
            or len(fold_keep(full).replace(" ", "")) < 2 * len(short) or len(content) > MAX_FULL_NAME_WORDS):
        return False
    letters, target = fold_keep(short), fold_keep(full).replace(" ", "")
    if not letters.isalpha() or not any(fold_keep(w)[:1] == letters[:1] for w in content):
        return False
    at = 0
    for char in letters:
        at = target.find(char, at) + 1
        if at == 0:
            return False
    return True


MAX_FULL_NAME_WORDS = 8
SKIPPABLE_WORD_CHARS = 3
MAX_LETTERS_PER_WORD = 2
"""'UT' of 'utdanningen' in NOKUT; not 'COM' of 'Commission' in COMCO (an acronym from another language)."""


def _word_starts_spell(acronym: str, full: str) -> bool:
    """'NOKUT – Nasjonalt organ for kvalitet i utdanningen': the acronym's letters are the starts of
    the name's words in order, one or two letters from each word of four letters or more (short link
    words may give none), whatever their case."""
    letters = fold_keep(acronym)
    words = [fold_keep(w) for w in re.findall(r"[\w'’]+", TRAILING_BRACKETS.sub("", full))]
    if not letters.isalpha() or len(words) < 2 or len(words) > MAX_FULL_NAME_WORDS:
        return False

    def spell(at: int, k: int) -> bool:
        if k == len(words):
            return at == len(letters)
        word = words[k]
        if len(word) <= SKIPPABLE_WORD_CHARS and spell(at, k + 1):
            return True
        taken = 0
        while at + taken < len(letters) and taken < min(len(word), MAX_LETTERS_PER_WORD) and word[taken] == letters[at + taken]:
            taken += 1
            if spell(at + taken, k + 1):
                return True
        return False

    return spell(0, 0)


def _content_words(name: str, lex: Lexicon) -> list[str]:
    """The words of a name without its connectors ('of', 'de la', 'voor')."""
    connectors = lex.folded("labs", "connectors") | lex.folded("words", "connectors")
    return [w for w in re.findall(r"[\w'’&-]+", name) if fold_keep(w) not in connectors]


def _apposed_name(short: str, full: str, lex: Lexicon) -> str | None:
    """'THL – the Finnish Institute for Health and Welfare': an acronym, then with an article the
    name of an organisation (a kind of organisation among its capitalised words) it stands for,
    whatever language its letters come from. That name, or None."""
    found = re.match(rf"(?:{article_before_name(lex)})(?=[{CAPITALS}])", full)
    if not is_acronym(short) or found is None:
        return None
    name = full[found.end():]
    content = _content_words(name, lex)
    kinds = lex.folded("labs", "heads") | lex.folded("labs", "definition_nouns")
    if (2 <= len(content) <= MAX_FULL_NAME_WORDS and all(w[:1].isupper() for w in content)
            and any(fold_keep(w) in kinds for w in content)):
        return name
    return None


def _coined_lower(text: str, lex: Lexicon) -> bool:
    """'Duitsland — gematik': one lower-case word after a place, no word of the language's headings."""
    word = text.strip()
    headings = lex.folded("title", "non_lab_headings") | lex.folded("title", "report_chapters")
    return re.fullmatch(rf"[{LOWERCASE}][\w-]{{3,}}", word) is not None and fold_keep(word) not in headings \
        and fold_keep(word) not in function_words()


def place_word(title: str, lex: Lexicon) -> str | None:
    """'Duitsland — gematik', 'Thailand: depa': the one word naming the lab after a place, or None."""
    parts = dash_parts(title)
    if len(parts) != 2 or len(parts[1].split()) != 1 or not place_led(title, lex):
        return None
    return parts[1].strip()


def dash_parts(title: str) -> list[str]:
    """A heading split at its first dash or colon: 'France : la douane' -> ['France', 'la douane']."""
    return _DASH_SPLIT.split(re.sub(r"\s+", " ", title).strip(), maxsplit=1)


def place_led(title: str, lex: Lexicon) -> bool:
    """'Duitsland — gematik', 'Australië — Australian Digital Health Agency': a place, a dash, then a
    name (not 'Praag: een instituut dat ...')."""
    return place_shaped(title, lex) and heading_place_code(dash_parts(title)[0]) is not None


def place_shaped(title: str, lex: Lexicon) -> bool:
    """'Saint-Maurice : Santé publique France': set as a place-led heading is (capitalised words, a
    dash or colon, then a name), its place one the gazetteer may not know."""
    parts = dash_parts(title)
    if len(parts) != 2:
        return False
    words = parts[0].split()
    if not 0 < len(words) <= MAX_PLACE_WORDS or not all(w[:1].isupper() or _PLACE_PARTICLE.match(w) for w in words):
        return False
    tail = place_led_name(title, lex)
    return tail[:1].isupper() or re.match(r"[a-z]{1,2}[A-Z]", tail) is not None or _coined_lower(tail, lex)


def place_led_name(title: str, lex: Lexicon) -> str:
    """The name after a place-led heading's place and dash: 'Écosse : Scotland's Futures Forum' ->
    "Scotland's Futures Forum", 'Finlande : le Comité pour l'avenir' -> "Comité pour l'avenir"."""
    tail = dash_parts(title)[-1].strip()
    return re.sub(rf"^(?:{article_before_name(lex)})(?=[{CAPITALS}])", "", tail)


def heading_place_code(text: str) -> str | None:
    """The country of a heading's leading place: a country ('Denemarken') or a city ('Gdynia')."""
    from extract.normalize.countries import place_code

    words = text.split()
    if len(words) > 1 and fold_keep(words[0]) in lexicon(None).folded("governance", "place_prepositions"):
        words = words[1:]  # 'En France : du laboratoire du Louvre au C2RMF'
        text = " ".join(words)
    if not 0 < len(words) <= MAX_PLACE_WORDS or not all(w[:1].isupper() or _PLACE_PARTICLE.match(w) for w in words):
        return None  # 'Case study:', 'Lab portrait:' are kickers of another kind
    if len(words) == 1 and is_acronym(text):
        from extract.normalize import country_code

        return country_code(text, None)  # 'UK — GDS'; not 'KSL' (a city's airport code in the gazetteer)
    return place_code(text)


MAX_PLACE_WORDS = 3
_PLACE_PARTICLE = re.compile(rf"(?:d['’][{CAPITALS}]|de$|du$|des$|van$|of$)")  # "Côte d'Ivoire", 'Isle of Man'


def _is_kicker(head: str, tail: str, lex: Lexicon) -> bool:
    """A newsletter's or report's kicker before the name: 'Case study:', 'Lab portrait:', 'In de kijker:'.

    A prefix word ends it; or it is a short common-noun phrase (a word in lower case) before a
    capitalised name.
    """
    words = head.split()
    prefixes = lex.folded("title", "prefix_words")
    if fold_keep(head.strip()) in prefixes:
        return True
    # 'Lab portrait:' ends on a prefix word; 'Policy Lab —' ends on a lab's head noun: a name.
    last = fold_keep(words[-1]) if words else ""
    if len(words) <= MAX_KICKER_WORDS and last in prefixes and last not in lex.folded("labs", "heads"):
        return True
    return (len(words) <= MAX_KICKER_WORDS and any(w[:1].islower() for w in words[1:])
            and tail[:1].isupper() and len(tail.split()) <= MAX_NAME_WORDS_BEFORE_DASH + 2)


def _described_by_kind(head: str, tail: str, lex: Lexicon) -> bool:
    """'L'État — la SGAD': an article and one word, then a name (an acronym or capitalised words)."""
    article = rf"(?i:{article_before_name(lex)}|{alternation(lex.words('words', 'determiners'), folded=False, any_space=False)}\s+)"
    kind = re.fullmatch(rf"{article}([\w'’-]+)", head)
    if kind is None or fold_keep(kind.group(1)) in lex.folded("labs", "heads"):
        return False  # 'The Lab — Public Policy Innovation' is the lab's name, then what it does
    name = re.sub(rf"^{article}", "", tail)
    words = [w for w in name.split() if fold_keep(w) not in function_words()]
    return is_acronym(name) or (len(words) >= 2 and all(w[:1].isupper() for w in words))


def kicker_of(title: str, lex: Lexicon) -> str | None:
    """The kicker opening a heading ('Lab portrait: X' -> 'lab portrait'), folded, or None."""
    parts = dash_parts(title)
    if len(parts) == 2 and _is_kicker(parts[0], parts[1], lex):
        return fold_keep(parts[0].strip())
    return None
