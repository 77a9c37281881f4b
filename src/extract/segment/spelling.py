"""Whether a short form spells a name: an acronym's shape ('DER/FJ', 'BC BIG', mixed case 'AgID'),
its letters as the initials of a name's content words ('PEReN', 'NeGD'), as letters inside
compound words ('PBL' of 'Planbureau voor de Leefomgeving'), and a website's domain as the name
('publicpolicylab.org'). Pure functions of the strings, plus the function words of the rule files."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import fold_keep, lexicon

WORD = re.compile(r"[\w'’-]+")
# Capitals with accents count ('NTÍ', 'LKÖ', 'SÚRAO'); '×' and '÷' sit among them and do not.
_CAPS = "A-ZÀ-ÖØ-ÝĀ-žȘȚ"
_ACRONYM_TEXT = re.compile(rf"^(?=(?:[^{_CAPS}]*[{_CAPS}]){{2}})[{_CAPS}][{_CAPS}a-z0-9&\-]{{0,10}}(?:/[A-Z]{{1,6}})?[{_CAPS}0-9]$")
_TWO_PART_ACRONYM = re.compile(r"^[A-Z]{2,6} [A-Z]{2,6}$")


def is_acronym(token: str) -> bool:
    """An acronym in capitals: 'GovLab' is not one, 'DER/FJ', 'R&D' and 'BC BIG' are."""
    if _TWO_PART_ACRONYM.match(token):  # 'BC BIG': a region's letters, then the body's
        token = token.replace(" ", "")
    return bool(_ACRONYM_TEXT.match(token)) and token.upper() == token


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def is_plural_acronym(token: str) -> bool:
    """'ESAs', 'NGOs': an acronym in the plural names several bodies, not one."""
    return _PLURAL_ACRONYM.fullmatch(token) is not None


ELIDED_ARTICLE = re.compile(rf"^[lLdD]['’](?=[{CAPITALS}])")
# An acronym in mixed case ('Pii', 'AgID', 'eWBS'), accepted only where it is defined and every
# one of its letters is an initial of the name before it, in order.
MIXED_CASE_ACRONYM = re.compile(r"^(?=[^A-Z]*[A-Z])[A-Za-z][A-Za-z0-9]{2,7}$")


def spells_mixed_acronym(acronym: str, name: str) -> bool:
    """'Pii' after 'Pražský inovační institut': a mixed-case acronym whose every letter, in order,
    is the initial of one of the name's content words, or goes on with its next letters ('Sogei'
    after 'Rome: Società Generale d'Informatica': the name may come after a place)."""
    if is_acronym(acronym) or MIXED_CASE_ACRONYM.match(acronym) is None:
        return False
    content = content_words(WORD.findall(name))
    return any(spells_all(acronym, content[start:]) for start in range(len(content) - 1))


def unaccented(text: str) -> str:
    """``text`` without its accents, its case kept: 'NTÍ' -> 'NTI' (an acronym's letters are compared
    with folded words)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def acronym_letters(acronym: str) -> str:
    """'iGA' -> 'IGA', 'IT.NRW' -> 'ITNRW'."""
    return "".join(c.upper() for c in unaccented(acronym) if c.isalpha())


_LIGATURE_LETTERS = str.maketrans({"œ": "o", "Œ": "O", "æ": "a", "Æ": "A"})


def spells_all(acronym: str, words: list[str]) -> bool:
    """Do ``words`` (two at least) spell all of ``acronym``, each its initial or its first letters?"""
    # A ligature gives its first letter: 'œuvres' spells the o of Cnous.
    words = [w.translate(_LIGATURE_LETTERS) for w in words]
    # Each part of a hyphenated word gives its initial: 'National e-Governance Division' spells NeGD.
    parts = [part for w in words for part in re.split(r"[-‐]|(?<=[a-z])(?=[A-Z])|(?<=^[A-Z])(?=[A-Z][a-z])", w)
             if part[:1].isalpha()]  # 'eGovernment' gives e and G
    letters = [c for c in unaccented(acronym) if c.isalpha()]
    return len(words) >= 2 and bool(letters) and _spelled_by(letters, 0, parts, 0)


def _spelled_by(letters: list[str], at: int, parts: list[str], word: int) -> bool:
    """Do the parts from ``word`` on spell ``letters[at:]``, each part its initial and, for a
    lower-case letter after it, its next letters ('PEReN': Pôle, Expertise, Régulation, Numérique)?"""
    if at == len(letters):
        return True
    if word == len(parts):
        return False
    if fold_keep(parts[word][0]).upper() != fold_keep(letters[at]).upper():
        # The 'e' of 'eGovernment' may give no letter: 'Information & eGovernment Authority' is iGA.
        return len(parts[word]) == 1 and _spelled_by(letters, at, parts, word + 1)
    part, used = fold_keep(parts[word]), 1
    while True:
        if _spelled_by(letters, at + used, parts, word + 1):
            return True
        nxt = at + used
        if nxt < len(letters) and letters[nxt].islower() and used < len(part) and part[used] == letters[nxt]:
            used += 1
            continue
        return False


def spells_with_compounds(acronym: str, words: list[str]) -> bool:
    """Does every content word give its initial, in order, and a compound word perhaps one more
    letter from inside it, spelling all of ``acronym``? 'Planbureau voor de Leefomgeving' spells
    PBL (Plan-bureau). A link word gives a lower-case letter or none: 'Rijksdienst voor
    Identiteitsgegevens' spells RvIG (Identiteits-gegevens)."""
    letters = [c for c in unaccented(acronym) if c.isalpha()]
    items = [(fold_keep(re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE)).upper(), w.lower() in function_words())
             for w in words]
    items = [(text, link) for text, link in items if text]
    return sum(not link for _, link in items) >= 2 and _compounds_spell(letters, 0, items, 0)


MIN_COMPOUND_NAME_CHARS = 12


def spells_one_compound(acronym: str, word: str) -> bool:
    """'Diskrimineringsombudsmannen (DO)', 'Rijkswaterstaat (RWS)', 'Strålsäkerhetsmyndigheten (SSM)':
    one long capitalised compound whose parts, three letters at least each, give the acronym's
    letters in order, the first its initial. Not a place: 'Amsterdam (AMS)' is too short a word."""
    letters = [c.upper() for c in unaccented(acronym) if c.isalpha()]
    folded = fold_keep(word).upper()
    if len(folded) < MIN_COMPOUND_NAME_CHARS or not word[:1].isupper() or not 2 <= len(letters) <= 4 \
            or folded[0] != letters[0]:
        return False
    at = 0
    for letter in letters[1:]:
        at = folded.find(letter, at + _FIRST_PART)
        if at < 0 or len(folded) - at < _FIRST_PART:
            return False
    return True


# A compound's later part starts after a first part of three letters at least ('Plan-bureau').
_FIRST_PART = 3


def _compounds_spell(letters: list[str], at: int, items: list[tuple[str, bool]], word: int) -> bool:
    if word == len(items):
        return at == len(letters)
    text, link = items[word]
    if link:  # a link word's initial only for a lower-case letter ('v' of 'voor')
        taken = at < len(letters) and letters[at].islower() and text[0] == letters[at].upper()
        return (taken and _compounds_spell(letters, at + 1, items, word + 1)) or _compounds_spell(letters, at, items, word + 1)
    if at == len(letters) or text[0] != letters[at].upper():
        return False
    if _compounds_spell(letters, at + 1, items, word + 1):
        return True
    # One inner letter a word: 'Management' gives M, not M, A and M.
    return at + 1 < len(letters) and any(text[pos] == letters[at + 1].upper() and _compounds_spell(letters, at + 2, items, word + 1)
                                         for pos in range(_FIRST_PART, len(text)))


def spelled_out_in(acronym: str, text: str) -> str | None:
    """The name in ``text`` whose content words' initials are exactly ``acronym``'s letters: 'DGNSI'
    in a letterhead's 'Direction générale du numérique et des systèmes d'information · Avenue ...'
    (the pieces between separators are tried one by one)."""
    letters = acronym_letters(acronym)
    # Pieces between commas first; then whole, a name may hold one ("Institut wallon de l'évaluation, de la prospective ...").
    pieces = [*re.split(r"\s[·|•–—]\s|[,;()]", text), *re.split(r"\s[·|•–—]\s|[;()]", text)]
    for piece in pieces:
        found = list(WORD.finditer(piece))
        words = [m.group() for m in found]
        for start, word in enumerate(words):
            elided = ELIDED_ARTICLE.match(word)
            core = word[elided.end():] if elided else word  # "l'Organisation mondiale ..." inside a sentence
            if not core[:1].isupper() or word.lower() in function_words():
                continue
            for end in range(len(words), start + 1, -1):
                run = words[start:end]
                if run[-1].lower() in function_words() or any(w[:1] in "LD" and ELIDED_ARTICLE.match(w) for w in run[1:]):
                    continue  # "... maladie-invalidité L'Institut": a capital article opens another name
                if (end < len(words) and words[end][:1].isupper() and words[end].lower() not in function_words()
                        and not piece[found[end - 1].end():found[end].start()].strip()):
                    continue  # 'European Union' opens 'European Union Agency for Cybersecurity': not its name
                content = content_words(run)
                # 'évaluation' gives E; a short word in capitals all its letters ('NHS Blood and Transplant').
                initials = fold_keep("".join(w if w.isupper() and 2 <= len(w) <= 3 else w[0] for w in content)).upper()
                if len(content) >= 2 and initials == letters:
                    begin = found[start].start()
                    if elided := ELIDED_ARTICLE.match(word):
                        begin += elided.end()  # "L'Institut wallon ...": the Institut
                    return " ".join(piece[begin:found[end - 1].end()].split())
    return None


@cache
def function_words() -> frozenset[str]:
    """Words that give an acronym no letter and never end a name defined by it ('of', 'van', 'de'): rule words."""
    return frozenset(lexicon(None).words("labs", "function_words"))


def content_words(words: list[str]) -> list[str]:
    """The words that give an acronym its letters, capitalised: 'd'excellence' -> 'Excellence'."""
    # A one-letter word in lower case gives no letter either: the 'a' of 'plánování a rozvoje'.
    content = [re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE) for w in words
               if w.lower() not in function_words() and not (len(w) == 1 and w.islower())]
    return [w[:1].upper() + w[1:] for w in content if w]


def initials_cover(acronym: str, words: list[str]) -> bool:
    """Do the capitalised words spell the acronym's letters (in order, most of them)?"""
    # A word in capitals gives all its letters: 'US Digital Service' spells USDS; each part of a
    # hyphenated word gives its initial: 'e-Wallonie-Bruxelles' spells eWB.
    initials = [c.upper() for word in map(unaccented, words) for part in re.split(r"[-‐]", word)
                if part[:1].isupper() or (part[:1].isalpha() and "-" in word)
                for c in (part if part.isupper() and len(part) <= 3 else part[0])]
    letters = [c.upper() for c in unaccented(acronym) if c.isalpha()]
    if not letters or not initials or letters[0] != initials[0] or len(initials) > len(letters) + 1:
        return False
    hits, pos = 0, 0
    for c in letters:
        found = next((i for i in range(pos, len(initials)) if initials[i] == c), None)
        if found is not None:
            hits, pos = hits + 1, found + 1
    return hits / len(letters) >= 0.75


MAX_ABBREVIATION_CHARS = 12


def abbreviates(short: str, name: str, *, said: bool = False) -> bool:
    """Is ``short`` a coined short form of ``name``, made of the starts of its words in order ('FabMob'
    of Fabrique des Mobilités, 'CP Catapult' of Connected Places Catapult, 'BSSN' of Badan Siber dan
    Sandi Negara), or of letters of a one-word compound in order ('RWS' of Rijkswaterstaat)? Only a
    form with a capital past its first letter is coined: 'Total' or 'Notes' abbreviate nothing;
    unless the text ``said`` so ('..., known as Findata': Finnish ... Data)."""
    if not (2 <= len(short) <= MAX_ABBREVIATION_CHARS) or not (said or any(c.isupper() for c in short[1:])):
        return False
    letters = re.sub(r"[^\w]", "", fold_keep(short))
    words = re.sub(r"[^\w\s]", " ", fold_keep(name)).split()
    if not letters or not words or len("".join(words)) <= len(letters) or letters[0] != words[0][0]:
        return False
    if len(words) == 1:
        return re.fullmatch(".*?".join(map(re.escape, letters)) + ".*", words[0]) is not None

    @cache
    def starts(at: int, word: int) -> bool:
        """Can ``letters[at:]`` be spelled by the starts of ``words[word:]`` (a word may give none)?"""
        if at == len(letters):
            return True
        if word == len(words):
            return False
        taken = 0
        while taken < len(words[word]) and at + taken < len(letters) and words[word][taken] == letters[at + taken]:
            taken += 1
            if starts(at + taken, word + 1):
                return True
        return starts(at, word + 1)

    return starts(0, 0)


def address_spelling(name: str) -> str:
    """A name's letters as a domain label writes them, everything but letters and digits left out:
    "Banc d'Épreuves" -> 'bancdepreuves' (compared with ``domain_label``)."""
    return re.sub(r"[\W_]", "", fold_keep(name))


def domain_label(domain: str) -> str:
    """A domain's first label as a name is compared with it: 'www.T-Hub.co' -> 'thub'."""
    return domain.lower().removeprefix("www.").split(".")[0].replace("-", "")


MIN_PLACE_TLD_CHARS = 4


def domain_spellings(domain: str) -> set[str]:
    """The spellings of a name a domain gives: its first label, and with a city's or a region's own
    top-level domain after it ('grossmarkt.wien' spells Großmarkt Wien, 'planetarium.berlin' the
    Planetarium Berlin)."""
    from extract.normalize.countries import place_code

    label = domain_label(domain)
    host = domain.lower().removeprefix("www.").split("/")[0].split(".")
    tld = host[-1] if len(host) == 2 else ""
    if len(tld) >= MIN_PLACE_TLD_CHARS and place_code(tld.capitalize()) is not None:
        return {label, label + tld}
    return {label}


# How an address writes the letters it cannot hold: 'naturskaderaadet.dk' for Naturskaderådet.
_TRANSLITERATION = str.maketrans({"å": "aa", "æ": "ae", "ø": "oe", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def transliterated(name: str) -> str:
    """``name`` with the letters an address spells out in two ('Naturskaderådet' -> 'Naturskaderaadet')."""
    return name.lower().translate(_TRANSLITERATION)


def domain_matches(name: str, domain: str) -> bool:
    """'publicpolicylab.org' names Public Policy Lab; 'bit.ly' does not name the BIT;
    'naturskaderaadet.dk' names Naturskaderådet."""
    label = domain_label(domain)
    if len(label) < 4:
        # 'slo.nl' names SLO: a three-letter label only as the lab's whole acronym.
        return len(label) == 3 and name.isupper() and fold_keep(name) == label
    spelled = transliterated(name)
    for whole in sorted(domain_spellings(domain) - {label}):
        if address_spelling(spelled) == whole:
            return True  # 'Großmarkt Wien' over grossmarkt.wien
    if spelled != name.lower() and _matches(spelled, label, domain):
        return True
    return _matches(name, label, domain)


def _matches(name: str, label: str, domain: str) -> bool:
    words = [fold_keep(w) for w in WORD.findall(name)]
    joined = "".join(words).replace("-", "").replace("'", "")
    if label == joined or (len(label) >= 6 and (label in joined or joined in label)):
        return True
    significant = [w for w in words if len(w) >= 4]
    if len(significant) >= 2 and sum(w in label for w in significant) >= 2:
        return True
    return host_spells(name, domain)


def host_spells(name: str, domain: str) -> bool:
    """The domain's first label is the name itself, its parts in order with one left out at most:
    'aucklandco-lab.nz' spells Auckland Co(-Design) Lab; 'vlaanderen.be' is only part of Proeftuin
    Vlaanderen (a region's site, not the lab's)."""
    label = domain_label(domain)
    words = [fold_keep(w) for w in WORD.findall(name)]
    parts = [p for w in words for p in w.replace("'", "-").split("-") if p]
    if label == "".join(parts):
        return True
    used = _parts_spelling(label, tuple(parts))
    return used is not None and used >= 3 and used >= 0.6 * len(parts)


def _parts_spelling(label: str, parts: tuple[str, ...]) -> int | None:
    """How many of ``parts`` (in order, the first one always) spell ``label`` exactly, or None."""
    @cache
    def spell(i: int, j: int) -> int | None:
        if i == len(label):
            return 0
        best = None
        for k in range(j, len(parts)):
            if k > j and j == 0:
                break  # the first part opens the label
            if label.startswith(parts[k], i):
                rest = spell(i + len(parts[k]), k + 1)
                if rest is not None and (best is None or rest + 1 > best):
                    best = rest + 1
        return best

    return spell(0, 0) if parts else None
