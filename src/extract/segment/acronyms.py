"""Acronyms a text defines for a name: 'Name (ACR)', 'ACR (Name)', 'ACR – Name', 'Name — ACR',
', que tout le monde appelle ACR', ', het ACR,', 'Name (Native name, ACR)', and an acronym said to
come from the name in another language. The letters are checked against the name (``lab_names``'
spelling helpers); where the text says so, a head-noun name before it is enough."""

from __future__ import annotations

import re
from functools import cache

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS, LOWERCASE
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.acronym_names import article_name, articles, name_end, starts_in_turn, with_native_name
from extract.segment.spelling import (
    ELIDED_ARTICLE,
    MIN_COMPOUND_NAME_CHARS,
    MIXED_CASE_ACRONYM,
    WORD,
    abbreviates,
    acronym_letters,
    content_words,
    function_words,
    initials_cover,
    is_acronym,
    spells_all,
    spells_one_compound,
    spells_with_compounds,
)


# 'Name (ACR)', 'Name, ACR for short', 'Name, or ACR,', 'Name, dit ACR', 'Name (hereafter ACR)'.
def _spelled_across(acronym: str, words: list[str]) -> bool:
    content = content_words(words)
    return (len(content) >= 2 and spells_all(acronym, content) and not fold_keep(content[0]).startswith(fold_keep(acronym))
            and fold_keep(content[-1])[:1] == fold_keep(acronym)[-1:])


def _initials_with_links(acronym: str, words: list[str]) -> bool:
    """'Rijksdienst voor Ondernemend Nederland (RVO)': the initials of every word, link words
    included, spell the acronym, the country the body serves perhaps left out."""
    from extract.normalize import country_code

    letters = acronym_letters(acronym)
    initials = "".join(fold_keep(w[0]).upper() for w in words if w[:1].isalpha())
    if not words[0][:1].isupper() or len(letters) < 3:
        return False
    return initials == letters or (len(words) >= 3 and initials[:-1] == letters and words[-1][:1].isupper()
                                   and country_code(words[-1], None) is not None)


@cache
def _defined() -> re.Pattern[str]:
    lex = lexicon(None)
    hereafter, either, known, short, naming = (
        alternation(lex.words("labs", key), folded=False, any_space=False) for key in
        ("acronym_hereafter", "acronym_or", "acronym_known_as", "acronym_for_short", "acronym_naming"))
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    return re.compile(
        # 'Name (ACR)', 'Name (DER/FJ)', 'Name (ACR; ACR2 in its own language)', "Name (ACR, 'the Authority')"
        rf"\((?:(?:{hereafter}|{either})\s+)?((?:[A-ZÀ-ÖØ-ÝĀ-žȘȚ]|[a-z](?=[A-Z]))[A-ZÀ-ÖØ-ÝĀ-žȘȚa-z0-9&\-]{{1,11}}(?:/[A-Z]{{1,6}})?(?:\s[A-Z]{{2,6}})?)(?:\)|;\s|,\s+['‘’\u0022\u201c](?i:the|het|de|la|le|l['’]))"
        # ', kortweg iBO', ', known as the DGA', ", l'IMI": a mixed-case acronym is checked letter by letter.
        rf"|,\s+(?:(?:{either}|{known})\s+(?:(?:the|het|de|le|la|les)\s+|[lL]['’])?|[lL]['’])((?=[a-z]*[A-Z])[A-Za-z][A-Za-z0-9&\-]{{1,11}})(?=[\s,.;])"
        rf"|,\s+([A-Z][A-Za-z0-9&\-]{{1,11}})\s+(?:{short})\b"
        # '(Laboratorium Innowacji Społecznych, LIS)': the name in its own language and its acronym, bracketed
        # or set off by dashes ('– Norsk utenrikspolitisk institutt, NUPI –')
        r"|(?<=[^\s(]),\s+([A-Z][A-Za-z0-9&\-]{1,11})(?:\)|\s+[–—](?=\s))"
        # ', which everybody calls RISA', ', known everywhere by its initials ADDA', ", que tout le monde
        # appelle simplement l'AOC", and the bare ', iGA,'.
        # An adverb in lower case may come between ('appelle simplement'), never the name itself.
        rf"|,\s+(?:[^,.;:()]{{0,40}}?\s)?(?:{naming})\s+(?:[{LOWERCASE}]+\s+)?"
        # 'shortens to Stats SA': a word before the capitals is read with them below (_SHORT_HEAD).
        rf"(?:(?:{articles})\s+|[lL]['’])?(?:[A-Z][a-z]+\s+(?=[A-Z]{{2,5}}(?![\w])))?"
        rf"((?=[a-z]*[A-Z])[A-Za-z][A-Za-z0-9&\-]{{1,11}})(?=[\s,.;)])"
        # ', het IPR, dat', and closing its sentence: "... de gestion de l'eau, la SPGE. C'est ..."
        rf"|,\s+(?:(?:{articles})\s+)?([A-Za-z][A-Za-z0-9&\-]{{1,11}})[,.](?=\s)"
        # "l'Intercommunale de Mutualisation en matière Informatique et Organisationnelle — iMio pour les intimes"
        r"|\s+[—–]\s+([A-Za-z][A-Za-z0-9&\-]{1,11})(?=[\s,.;)]|$)")


_SENTENCE_END = re.compile(rf"(?<=[{LOWERCASE}0-9)])[.!?]\s+(?=[{CAPITALS}])")
_COINED_START = re.compile(r"[a-z]{1,2}-?[A-Z]")
_SHORT_NAME = re.compile(r"[A-Z][a-z]+\s[A-Z]{2,4}")
_SHORT_HEAD = re.compile(r"(?<=\s)([A-Z][a-z]{2,})\s$")


# A legal form ends a name with its dots: 'Società Generale d'Informatica S.p.A.'.
_LEGAL_FORM = r"[A-Za-z](?:\.[A-Za-z]){1,3}\.?(?!\w)"


# 'NID – Namur Intelligente et Durable': the acronym first, its name after a dash (or '=').
@cache
def _dash_defined() -> re.Pattern[str]:
    # Longest first: 'des' is a word of the name, not 'de' and the rest of a word.
    links = alternation(sorted(function_words(), key=lambda w: (-len(w), w)), folded=False, any_space=False)
    # 'Acas – the Advisory, Conciliation and Arbitration Service': an article may open the name, a
    # comma may part its words, and French writes them in lower case; ``_dash_named_words`` then
    # says how far the name runs.
    leads = alternation(lexicon(None).words("words", "articles"), folded=False, any_space=False)
    # ... or 'INCD = Israel National Cyber Directorate', and a letterhead's 'COVRA N.V. · Centrale Organisatie ...'.
    return re.compile(rf"(?<![\w-])([A-Z][A-Za-z0-9&]{{1,11}})(?:\s+{_LEGAL_FORM})?\s+[–—=·]\s+"
                      rf"(?:(?i:{leads})\s+|[lL]['’](?=[{CAPITALS}]))?"
                      rf"([{CAPITALS}][\w'’-]*(?:,?\s+(?:{_LEGAL_FORM}|[{CAPITALS}][\w'’-]*|{links}|[ld]['’]\w+|[{LOWERCASE}][\w'’-]*)){{1,13}})")


def _dash_named_words(acronym: str, span: str) -> list[str] | None:
    """The words of ``span`` after 'ACR –' that spell ``acronym``.

    By the initials of its capitalised words (or letter by letter for a mixed-case acronym,
    'Sogei – Società Generale d'Informatica'): the longest run whose last word gives the last
    letter, else the longest that spells it ('Acas – the Advisory, Conciliation and Arbitration
    Service' stops before the next line's 'Web'). Else, for one in capitals, by the starts of its
    words, French writing them in lower case: the shortest run that ends on the last letter
    ('RENATER – Réseau national de télécommunications pour la technologie, l'enseignement et la
    recherche')."""
    words = span.split()
    last = acronym_letters(acronym)[-1:]
    runs = [words[:size] for size in range(len(words), 1, -1)
            if words[size - 1].rstrip(",").lower() not in function_words()]
    # A run read by its capitals ends on one: not on the lower-case words after the name.
    spelled = [run for run in runs if _bare(run[-1])[:1].isupper() and _initials_spell(acronym, run)]
    ending = [run for run in spelled if _initial(run[-1]) == last or (len(run) > 2 and _is_legal_form(run[-1]))]
    if ending or spelled:
        return (ending or spelled)[0]
    if not is_acronym(acronym):
        return None
    starts = [run for run in reversed(runs)
              if _initial(run[-1]) == last and abbreviates(acronym, " ".join(w.rstrip(",") for w in run))]
    return starts[0] if starts else None


def _is_legal_form(word: str) -> bool:
    """'NV', 'S.p.A.': a legal form closing a name, which gives no letter."""
    return word.lower() in _legal_forms() or re.fullmatch(_LEGAL_FORM, word) is not None


def _bare(word: str) -> str:
    """'d'Informatica' -> 'Informatica': without its elided article or preposition."""
    return re.sub(r"^[ldLD]['’]", "", word)


def _initial(word: str) -> str:
    """'d'Informatica' -> 'I', 'recherche' -> 'R'."""
    return _bare(word)[:1].upper()


def _initials_spell(acronym: str, words: list[str]) -> bool:
    """Do ``words`` spell ``acronym`` by their capitals' initials (letter by letter for a mixed-case one)?"""
    plain = [w.rstrip(",") for w in words]
    if is_acronym(acronym):
        # A legal form gives no letters: 'BIO – Belgische Investeringsmaatschappij voor Ontwikkelingslanden NV'.
        named = plain[:-1] if len(plain) > 2 and _is_legal_form(plain[-1]) else plain
        return initials_cover(acronym, named)
    return MIXED_CASE_ACRONYM.match(acronym) is not None and spells_all(acronym, content_words(plain))


# 'ARIA S.p.A. (Azienda Regionale per l'Innovazione e gli Acquisti)': the acronym, perhaps its legal
# form, then the name it stands for in brackets.
_SPELLED_AFTER = re.compile(r"(?<![\w.-])([A-Z][A-Za-z0-9&-]{1,11})(?:\s+[A-Za-z.]{2,8})?\s*\(\s*"
                            rf"([{CAPITALS}][\w'’-]*(?:\s+[\w'’&-]+){{1,11}})\s*\)")


@cache
def _glossed() -> re.Pattern[str]:
    """An article, a capitalised name of up to six words, then '(ACR, pour Name in full)' (``labs.acronym_gloss``)."""
    lex = lexicon(None)
    gloss = alternation(lex.words("labs", "acronym_gloss"), folded=False, longest_first=True)
    sentence_articles = alternation([w.capitalize() for w in lex.words("words", "articles")] + list(lex.words("words", "articles")),
                                    folded=False, any_space=False)
    return re.compile(rf"(?:\b(?:{sentence_articles})\s+|\b[Ll]['’])([{CAPITALS}][\w'’-]*(?:\s+[\w'’-]+){{0,5}}?)"
                      rf"\s+\(([A-Z][A-Za-z]{{1,11}}),\s+(?:{gloss})\s+([{CAPITALS}][^()]{{2,80}})\)")


# 'la SPMS, les Serviços Partilhados do Ministério da Saúde, à Lisbonne': the acronym, then the name
# it stands for in apposition, up to the next comma or stop.
@cache
def _name_apposed() -> re.Pattern[str]:
    # 'SSR, voluit het Studiecentrum Rechtspleging,': words saying the name is written in full may come first.
    in_full = alternation(lexicon(None).words("labs", "acronym_in_full"), folded=False, any_space=True)
    return re.compile(r"(?<![\w.-])([A-Z][A-Za-z0-9&-]{1,11}),\s+"
                      rf"(?P<full>(?:{in_full})\s+)?(?:(?:the|les?|la|de|het|des)\s+|[lL]['’])?"
                      # A legal form in letters and dots ends it whole: 'Azienda Napoletana Mobilità S.p.A.'.
                      rf"(?P<name>[{CAPITALS}][\w'’-]*(?:\s+(?:(?:[A-Za-z]{{1,3}}\.){{2,4}}|[\w'’&-]+)){{1,11}}?)(?=\s*[,.;:()])")


TWO_NAMES_TWO_ACRONYMS = re.compile(
    rf"([{CAPITALS}][^/()\n]{{3,80}}?)\s+/\s+([{CAPITALS}][^/()\n]{{3,80}}?)\s*\(\s*([A-Z]{{2,8}})\s*[–/-]\s*([A-Z]{{2,8}})\s*\)")
"""'Koninklijke Munt van België / Monnaie royale de Belgique (KMB – MRB)': two names, their acronyms in order."""


def defined_acronyms(text: str) -> list[tuple[str, str, int]]:
    """'Full Capitalised Name (FCN)', 'FCN – Full Capitalised Name', 'FCN (Full Capitalised Name)':
    (name, acronym, offset of the name) where the initials spell it."""
    from extract.normalize import country_code

    out = []
    # 'Koninklijke Munt van België / Monnaie royale de Belgique (KMB – MRB)': two names, two acronyms
    # in one bracket, in the same order. The bracket is then read no further.
    for match in (TWO_NAMES_TWO_ACRONYMS.finditer(text) if " / " in text else ()):
        for name_group, acronym_group in ((1, 3), (2, 4)):
            words, acronym = match.group(name_group).split(), match.group(acronym_group)
            while len(words) > 2 and words[0][:1] != acronym[:1]:
                words = words[1:]  # 'Naam Koninklijke Munt ...' on a key-facts row: the label is no part
            if initials_cover(acronym, content_words(words)):
                out.append((" ".join(words), acronym, match.start(name_group) + match.group(name_group).find(words[0])))
        text = text[:match.start(3) - 1] + " " * (match.end() - match.start(3) + 1) + text[match.end():]
    for match in _SPELLED_AFTER.finditer(text):
        acronym, words = match.group(1), match.group(2).split()
        while words and words[-1].lower() in function_words():
            words.pop()
        if (is_acronym(acronym) and len(words) >= 2 and initials_cover(acronym, content_words(words))
                and country_code(" ".join(words), None) is None):  # 'UK (United Kingdom)' is a place
            out.append((" ".join(words), acronym, match.start(2)))
    for match in _name_apposed().finditer(text):
        acronym, words = match.group(1), match.group("name").split()
        spelled = (is_acronym(acronym) and len(words) >= 2 and spells_all(acronym, content_words(words))
                   and len(content_words(words)) == len(acronym_letters(acronym)))
        # Said in full, the name need not spell it: 'SSR, voluit het Studiecentrum Rechtspleging' (a
        # 'Stichting' left out); capitalised words all the same.
        said = match.group("full") is not None and is_acronym(acronym) and len(words) >= 2 \
            and all(w[:1].isupper() or w.lower() in function_words() for w in words)
        if spelled or said or _defined_by_apposition(text, match, acronym, words):
            out.append((" ".join(words), acronym, match.start("name")))
    for match in _glossed().finditer(text):
        # 'Le Service sismologique suisse (SED, pour Schweizerischer Erdbebendienst)': the acronym spells
        # the name after the gloss word; the name before the bracket is the one the text goes by.
        if is_acronym(match.group(2)) and spells_with_compounds(match.group(2), match.group(3).split()):
            out.append((match.group(1), match.group(2), match.start(1)))
    for match in _dash_defined().finditer(text):
        if (words := _dash_named_words(match.group(1), match.group(2))) is not None:
            out.append((" ".join(words).rstrip(","), match.group(1), match.start(2)))
    for match in _defined().finditer(text):
        acronym = next(group for group in match.groups() if group)
        if match.group(1) is not None and (paired := _paired_acronym(text, match.start(), acronym)) is not None:
            out.append(paired)
            continue
        if match.group(5) is not None and (word := _SHORT_HEAD.search(text, 0, match.start(5))) and is_acronym(acronym):
            acronym = f"{word.group(1)} {acronym}"  # ', which everyone shortens to Stats SA'
        mixed = not is_acronym(acronym) and MIXED_CASE_ACRONYM.match(acronym) is not None
        # ', which everyone shortens to Stats SA': a short name a naming clause gives, checked by its initial.
        short = match.group(5) is not None and _SHORT_NAME.fullmatch(acronym) is not None
        # ', known as Findata': a short name a naming clause gives, made of the name's word starts.
        # Not a head noun alone: ", l'Office est présent" calls the lab by its kind.
        coined = (acronym[:1].isupper() and sum(c.isupper() for c in acronym) == 1
                  and (match.group(2) is not None or match.group(5) is not None)
                  and acronym.lower() not in organisation_nouns())
        if not (is_acronym(acronym) or mixed or short or coined):
            continue
        opening = _set_off_from(text, match) if match.group(4) else -1
        if match.group(4) and (opening < 0 or ")" in text[opening:match.start()]):
            continue  # ', LIS)' closes a bracket that holds the name
        floor = opening + 1 if match.group(4) else max(0, match.start() - 120)
        # '... de santé (ANSM) et l'Agence fédérale ... (AFMPS)': a bracket closed before the name
        # ends another name ('(Inter)Nationale', closed inside a word, does not).
        closed = [m.end() for m in re.finditer(r"\)[\s,;]", text[floor:match.start()])]
        floor += closed[-1] if closed else 0
        if match.group(2) is not None:
            # ", l'OIB est ..." after 'créé en 1993. À la différence de ...': an apposed acronym's name
            # is in its own sentence.
            ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, match.start())]
            floor = ends[-1] if ends else floor
        # 'Staten og Kommunernes Indkøbsservice A/S (SKI)': a legal form before the bracket spells nothing.
        legal = _legal_tail().search(text, floor, match.start()) if match.group(1) is not None else None
        before = list(WORD.finditer(text, floor, legal.start() if legal else match.start()))
        if match.group(1) is not None and before and is_acronym(acronym) and spells_one_compound(acronym, before[-1].group()) \
                and re.fullmatch(r"\s*", text[before[-1].end():match.start()]):
            # 'Diskrimineringsombudsmannen (DO)', 'Rijkswaterstaat (RWS)': one compound word, a letter a part.
            out.append((before[-1].group(), acronym, before[-1].start()))
            continue
        for k in range(len(before) - 1, max(-1, len(before) - 1 - MAX_ACRONYM_NAME_WORDS), -1):
            if before[k].group() == acronym:
                break  # 'Duitsland: de BImA\nDe Bundesanstalt für Immobilienaufgaben (BImA)': no name holds its acronym
            words = [w.group() for w in before[k:]]
            # Only for the apposition: a bracketed acronym after "l'Agence …" keeps its old reading.
            # A sentence's "L'Agenzia …" names the Agenzia: its article is no part of the name.
            appositive = match.group(2) or match.group(5) or match.group(6) or match.group(7)
            elided = ELIDED_ARTICLE.match(words[0]) if appositive or words[0][:1] in "LD" else None
            if elided is None and words[0][:1] == "l" and k > 0 and before[k - 1].group().lower() not in _prepositions() \
                    and _named_not_hosting(text[max(0, before[k].start() - 40):before[k].start()]):
                # "Elle est devenue l'École nationale supérieure des officiers de sapeurs-pompiers (ENSOSP)":
                # after a verb the article opens the name's phrase, as at a sentence's start.
                elided = ELIDED_ARTICLE.match(words[0])
            if (elided is None and match.group(1) is not None and acronym[:1] not in "Ll"
                    and re.search(r"[,.;:!?]\s*$", text[max(0, before[k].start() - 3):before[k].start()])):
                # "Fondé en 1913, l'Institut royal météorologique de Belgique (IRM)": the article opens the
                # clause whose subject the name is (not 'fait partie de l'Office ... (OTV)': a host).
                elided = re.match(rf"l['’](?=[{CAPITALS}])", words[0])
            if elided is None and words[0][:1] in "dl" and (cut := ELIDED_ARTICLE.match(words[0])) is not None \
                    and initials_are(acronym, content_words([words[0][cut.end():], *words[1:]])) \
                    and (words[0][:1] == "d" or _named_not_hosting(text[max(0, before[k].start() - 40):before[k].start()])):
                # "complet d'Infrastructures technologiques Québec (ITQ)", "naissance de l'Administration
                # fédérale des contributions (AFC)": every initial, in order.
                elided = cut
            if elided is not None:
                words[0] = words[0][elided.end():]  # "l'Institut Municipal d'Informàtica …, l'IMI"
            if not (words[0][:1].isupper() or _COINED_START.match(words[0])):
                continue  # a name opens on a capital, or a coined 'e-Government', 'eGov'
            if coined and len(words) >= 3 and abbreviates(acronym, " ".join(words), said=True):
                begin = before[k].start() + (elided.end() if elided is not None else 0)
                out.append((text[begin:name_end(text, before[-1].end())], acronym, begin))
                break
            if (coined and match.group(5) is not None and len(words) >= 2 and all(w[:1].isupper() for w in words)
                    and (k == 0 or not before[k - 1].group()[:1].isupper())):
                # 'le Statistisches Bundesamt, que tout le monde appelle Destatis': a naming clause gives
                # the whole capitalised name before it a short name, spelled from it or not.
                begin = before[k].start() + (elided.end() if elided is not None else 0)
                out.append((text[begin:before[-1].end()], acronym, begin))
                break
            # French names keep their adjectives in lower case: 'Centre québécois d'excellence numérique (CQEN)'.
            # A naming clause says whose acronym it is: its capitals may come from link words too
            # ('la Commission wallonne pour l'Énergie, que tout le monde appelle la CWaPE').
            called = match.group(5) is not None and mixed and _capitals_are_initials(acronym, words)
            # 'Norwegian Agency for Development Cooperation (Norad)', 'Swedish International Development
            # Cooperation Agency (Sida)': a bracketed word of one capital made of the starts of the name's
            # words in turn, a word perhaps giving none.
            # So is one set off by dashes: 'The Norwegian Investment Fund for Developing Countries – Norfund – is'.
            set_off = match.group(1) is not None or (match.group(7) is not None and bool(re.match(r"\s*[–—]\s", text[match.end():])))
            called = called or (mixed and set_off and starts_in_turn(acronym, words))
            if mixed and not (spells_all(acronym, content_words(words)) or initials_are(acronym, words) or called
                              or ((match.group(1) is not None or match.group(4) is not None)
                                  and spells_with_compounds(acronym, words))):
                continue  # 'Pražský inovační institut (Pii)', not 'Digital Service (Den)'
            # A mixed-case acronym spelled out checks out letter by letter ('ZenDiS': Zentrum für Digitale Souveränität).
            spelled = mixed and sum(c.isupper() for c in acronym) >= 2  # not 'Kigali' spelling itself
            # One capital: every word gives letters in turn, the first not all of them ('Financiadora de
            # Estudos e Projetos (Finep)').
            spelled = spelled or (mixed and match.group(1) is not None and _spelled_across(acronym, words))
            # A bracketed acronym may take letters from inside a compound ('Planbureau voor de Leefomgeving (PBL)').
            # So may one after the name in its own language: '(Statistiska centralbyrån, SCB)'.
            compounds = (match.group(1) is not None or match.group(4) is not None) and spells_with_compounds(acronym, words)
            # "La Société wallonne de financement complémentaire des infrastructures, la SOFICO,": set off
            # after its name, an acronym of four letters or more made of the starts of its words.
            coined_caps = bool(appositive) and is_acronym(acronym) and len(acronym) >= MIN_COINED_CAPS \
                and abbreviates(acronym, " ".join(words))
            # 'Bäder- und Kurverwaltung Baden-Württemberg (BKV)': the letters spell the name before its place.
            placed = match.group(1) is not None and is_acronym(acronym) and _spells_before_place(acronym, words) \
                and not re.search(r"[·|•]", text[before[k].start():match.start()])  # not across a separator
            if len(words) >= 2 and (spelled or compounds or called or coined_caps or placed or initials_cover(acronym, words)
                                    or initials_cover(acronym, content_words(words)) or _leading_initials(acronym, words)
                                    or (match.group(1) is not None and _initials_with_links(acronym, words))):
                begin = before[k].start() + (elided.end() if elided is not None else 0)
                if not initials_are(acronym, content_words(words)) and (
                        longer := _initials_further_back(before, k, acronym)) is not None:
                    begin = longer  # 'Education Endowment Foundation (EEF)', not 'Endowment' giving two Es
                printed = None
                if match.group(4):
                    # 'Institute for Financial Policy (Inštitút finančnej politiky, IFP)'; 'Statistics Norway
                    # (Statistisk sentralbyrå, SSB)': the name the text uses.
                    printed = _covered_name_before(text, opening, acronym) or (
                        _name_before(text, opening, acronym) if compounds and not initials_cover(acronym, words) else None)
                own = (text[begin:legal.end() if legal else name_end(text, before[-1].end())], acronym, begin)
                # Set off by dashes, the body's own name comes first, as in an apposition ('The Norwegian
                # Institute of International Affairs – Norsk utenrikspolitisk institutt, NUPI –').
                dashed = not match.group(0).endswith(")")
                out += [n for n in ((own, printed) if dashed else (printed, own)) if n is not None]
                break
        else:
            if match.group(5) is not None and (named := _named_before(text, floor, match.start(), acronym)) is not None:
                out.append((named[0], acronym, named[1]))  # ', que tout le monde appelle ITZBund': it says so
                continue
            if match.group(2) is not None and is_acronym(acronym) and (named := article_name(text, floor, match.start(), MAX_HEADED_NAME_WORDS)):
                out.append((named[0], acronym, named[1]))  # 'het Totalförsvarets forskningsinstitut, kortweg FOI'
                continue
            # Two capitals at least: '(Paris)' after 'l'Agence du numérique' is a place, not its acronym.
            if match.group(1) is not None and sum(c.isupper() for c in acronym) >= 2:
                named = _headed_name_before(text, floor, match.start()) or _determined_name_before(text, floor, match.start())
                if named is None and mixed:
                    # 'la Commission fédérale de l'électricité (ElCom)': a coined acronym's letters come
                    # from another language; any organisation noun heads the name it stands for.
                    named = _headed_name_before(text, floor, match.start(), heads=organisation_nouns())
                if named is not None:
                    out.append((named[0], acronym, named[1]))
            elif match.group(4) is not None and sum(c.isupper() for c in acronym) >= 2:
                named = _determined_name_before(text, max(0, opening - 120), opening)
                if named is not None:  # '(Digi- ja väestötietovirasto, DVV)': the name is the one before the bracket
                    out.append((named[0], acronym, named[1]))
    out += named_before_naming(text, {acronym for _, acronym, _ in out})
    out = [found for name, acronym, begin in out for found in with_native_name(text, name, acronym, begin)]
    defined = {acronym for _, acronym, _ in out}
    for match in _foreign_acronym().finditer(text):
        if match.group(1) in defined or not (is_acronym(match.group(1)) or MIXED_CASE_ACRONYM.match(match.group(1))):
            continue
        floor = max(0, match.start() - 150)
        # The text says the letters come from elsewhere: any organisation noun heads the name
        # ('The Organisation for Joint Armament Cooperation (OCCAR, from the French ...)').
        named = (_headed_name_before(text, floor, match.start(), said=True)
                 or _headed_name_before(text, floor, match.start(), said=True, heads=organisation_nouns()))
        if named is not None:
            out.append((named[0], match.group(1), named[1]))
    return out


@cache
def _naming_after() -> re.Pattern[str]:
    naming = alternation(lexicon(None).words("labs", "acronym_naming"), folded=False, any_space=False)
    return re.compile(rf"(?<![\w-])([A-ZÀ-ÖØ-ÝĀ-žȘȚ][A-ZÀ-ÖØ-ÝĀ-žȘȚa-z0-9&\-]{{1,11}}),\s+(?:[{LOWERCASE}'’]+\s+){{0,3}}(?:{naming})(?![\w])")


NAMED_BEFORE_CHARS = 150


def named_before_naming(text: str, defined: set[str], start: int = 0) -> list[tuple[str, str, int]]:
    """'... sits a body most people know: Transport Infrastructure Ireland. TII, as it calls itself,
    is ...': an acronym a naming clause follows stands for the capitalised name just before it
    whose initials are exactly its letters (acronyms from ``start`` on; the name may come before)."""
    out: list[tuple[str, str, int]] = []
    if _naming_after().search(text, start) is None:
        return out  # most lines: no naming clause from ``start`` on (a match there is one in the whole text)
    for match in _naming_after().finditer(text):
        acronym = match.group(1)
        if acronym in defined or not is_acronym(acronym) or match.start() < start:
            continue
        before = list(WORD.finditer(text, max(0, match.start() - NAMED_BEFORE_CHARS), match.start()))
        if not before or not re.fullmatch(r"[.:;,]?\s*", text[before[-1].end():match.start()]):
            continue
        for k in range(len(before) - 2, max(-1, len(before) - 1 - MAX_ACRONYM_NAME_WORDS), -1):
            words = [w.group() for w in before[k:]]
            if words[0][:1].isupper() and initials_are(acronym, content_words(words)):
                out.append((" ".join(text[before[k].start():before[-1].end()].split()), acronym, before[k].start()))
                break
    return out


def _spells_before_place(acronym: str, words: list[str]) -> bool:
    """Do the words before a closing place (one word or two: 'Niedersachsen', 'Baden-Württemberg')
    spell ``acronym``, letters from inside compounds included?"""
    from extract.normalize.countries import place_code

    for cut in (1, 2):
        if len(words) > cut and place_code(" ".join(words[-cut:])) is not None:
            rest = words[:-cut]
            if len(rest) == 1:
                return spells_one_compound(acronym, rest[0])
            return spells_with_compounds(acronym, rest) or initials_cover(acronym, content_words(rest))
    return False


MIN_COINED_CAPS = 4
"""Letters an acronym in capitals needs to be read as made of its name's word starts ('SOFICO')."""
PAIRED_LEAD_CHARS = 400
"""How far before a paired acronym's bracket its two names may begin."""
MAX_SHORT_NAME_WORDS = 6


def _paired_acronym(text: str, start: int, acronym: str) -> tuple[str, str, int] | None:
    """"L'Institut des Vétérans – Institut national des invalides de guerre, anciens combattants et
    victimes de guerre (IV-INIG)": an acronym of two, joined by a hyphen, for a short name and the
    formal one set off by a dash, each spelling its part. (both names, the acronym, offset) or None."""
    first, hyphen, second = acronym.partition("-")
    if not hyphen or not (is_acronym(first) and is_acronym(second)):
        return None
    base = max(0, start - PAIRED_LEAD_CHARS)
    lead = text[base:start].rstrip()
    formal = [found for found in defined_acronyms(f"{lead} ({second})") if found[1] == second]
    if not formal:
        return None
    name, _, at = formal[-1]
    dash = re.search(r"\s[–—]\s+$", lead[:at])
    if dash is None:
        return None
    words = list(WORD.finditer(lead, 0, dash.start()))
    for k in range(1, min(MAX_SHORT_NAME_WORDS, len(words)) + 1):
        begin = words[-k].start() + ((cut.end()) if (cut := ELIDED_ARTICLE.match(words[-k].group())) else 0)
        short = lead[begin:dash.start()]
        if short[:1].isupper() and initials_are(first, short.split()):
            return f"{short} – {name}", acronym, base + begin
    return None


def _set_off_from(text: str, match: re.Match[str]) -> int:
    """Where the bracket or the dash opens that a name's ', ACR)' or ', ACR –' closes (-1: none)."""
    floor = max(0, match.start() - 120)
    if match.group(0).endswith(")"):
        return text.rfind("(", floor, match.start())
    dash = max(text.rfind(" – ", floor, match.start()), text.rfind(" — ", floor, match.start()))
    return dash + 1 if dash >= 0 else -1


def _named_not_hosting(lead: str) -> bool:
    """'naissance de l'Administration fédérale des contributions (AFC)': a name after words that do
    not make it the host of the lab spoken of ('il fait partie de l'Office ... (OTV)'), nor open the
    text (what came before is unknown)."""
    return bool(lead.strip()) and _hosting_lead().search(fold_keep(lead)) is None


@cache
def _hosting_lead() -> re.Pattern[str]:
    return re.compile(rf"(?:{lexicon(None).regex('governance', 'parent_triggers').pattern})\s*$")


def _initials_further_back(before: list[re.Match[str]], k: int, acronym: str) -> int | None:
    """The offset of a longer name, one or two words further back, whose capitalised words' initials
    are exactly the acronym's letters."""
    for j in range(k - 1, max(-1, k - 3), -1):
        words = [w.group() for w in before[j:]]
        if words[0][:1].isupper() and initials_are(acronym, content_words(words)):
            return before[j].start()
    return None


def _capitals_are_initials(acronym: str, words: list[str]) -> bool:
    """Are the acronym's capitals the initials of every word, link words included ('CWaPE': Commission
    wallonne pour l'Énergie)?"""
    initials = "".join(fold_keep(re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE))[:1].upper() for w in words)
    return len(words) >= 3 and initials == "".join(c for c in acronym if c.isupper())


def defined_names(text: str) -> dict[str, str]:
    """Acronym -> the full name ``text`` defines for it ('Bundesministerium für Gesundheit (BMG)'),
    spaces collapsed; the first definition wins."""
    names: dict[str, str] = {}
    for name, acronym, _ in defined_acronyms(text):
        names.setdefault(acronym, re.sub(r"\s+", " ", name))
    return names


@cache
def _foreign_acronym() -> re.Pattern[str]:
    """", la PSDA selon son sigle anglais", ", que ses agents appellent IDDA d'après son nom anglais":
    an acronym in apposition, brackets or a naming clause, then words saying its letters come from another
    language (labs.acronym_other_language)."""
    lex = lexicon(None)
    naming, other = (alternation(lex.words("labs", key), folded=False, any_space=True)
                     for key in ("acronym_naming", "acronym_other_language"))
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    # The acronym after a comma, or after a dash: 'Inter-American Center of Tax Administrators – CIAT,
    # after its Spanish name'.
    # Or in brackets: 'The Organisation for Joint Armament Cooperation (OCCAR, from the French ...)'.
    return re.compile(rf"(?:,\s+|\s[—–]\s+|\s\()(?:[^,.;:()]{{0,40}}?\s(?:{naming})\s+)?(?:(?:{articles})\s+|[lL]['’])?"
                      rf"([A-Z][A-Za-z0-9&\-]{{1,11}}),?\s+[^,.;:()]{{0,30}}?\b(?i:{other})\b")


def _covered_name_before(text: str, opening: int, acronym: str) -> tuple[str, str, int] | None:
    """The name printed just before a bracket that holds the name in its own language and the
    acronym, when its initials spell the acronym too: (name, acronym, offset) or None."""
    before = list(WORD.finditer(text, max(0, opening - 120), opening))
    for k in range(len(before) - 2, max(-1, len(before) - 1 - MAX_ACRONYM_NAME_WORDS), -1):
        words = [w.group() for w in before[k:]]
        if words[0][:1].isupper() and initials_cover(acronym, content_words(words)) and initials_are(acronym, content_words(words)):
            return text[before[k].start():before[-1].end()], acronym, before[k].start()
    return None


def _defined_by_apposition(text: str, match: re.Match[str], acronym: str, words: list[str]) -> bool:
    """'ASTRON, het Nederlands Instituut voor Radioastronomie.', 'CERN, the European Organization for
    Nuclear Research,': an acronym of three letters at least, then after an article a capitalised
    name with a lab's head or definition noun that closes the clause, is that name's, its letters
    from another name or not."""
    if not (is_acronym(acronym) and len(acronym) >= 3) or len(content_words(words)) < 2:
        return False
    if not re.sub(r"[\s,]", "", text[match.end(1):match.start("name")]):
        return False  # no article: 'NWO, Rijkswaterstaat en ...' is a list
    if not all(w[:1].isupper() or w.lower() in function_words() for w in words) or words[-1].lower() in function_words():
        return False
    nouns = _head_nouns() | _definition_nouns()
    return any(w.lower() in nouns for w in words) and text[match.end("name"):match.end("name") + 2].strip()[:1] in {".", ",", ";", ""}


def _name_before(text: str, opening: int, acronym: str) -> tuple[str, str, int] | None:
    """The capitalised name printed just before a bracket that gives the name in its own language
    and the acronym ('Statistics Sweden (Statistiska centralbyrån, SCB)'): (name, acronym, offset)."""
    before = list(WORD.finditer(text, max(0, opening - 120), opening))
    if not before or text[before[-1].end():opening].strip():
        return None
    k = len(before)
    while k > 0 and (before[k - 1].group()[:1].isupper() or before[k - 1].group().lower() in function_words()) \
            and not text[before[k - 1].end():before[k].start() if k < len(before) else opening].strip(" "):
        k -= 1
    words = [w.group() for w in before[k:]]
    while words and (words[0].lower() in function_words() or words[0].lower() in articles()):
        words, k = words[1:], k + 1
    half = len(words) // 2
    if half and words[:half] == words[half:]:
        words, k = words[half:], k + half  # 'Statistics Sweden' heading over 'Statistics Sweden (...': one name
    if len(content_words(words)) < 2 or words[-1].lower() in function_words():
        return None
    return text[before[k].start():before[-1].end()], acronym, before[k].start()


def _leading_initials(acronym: str, words: list[str]) -> bool:
    """Do the first content words spell the acronym, the name going on in lower case to its place
    ('Institut plánování a rozvoje hlavního města Prahy': IPR)? Three letters at least."""
    letters, content = acronym_letters(acronym), content_words(words)
    if len(letters) < 3 or len(content) <= len(letters) or "".join(w[0] for w in content[:len(letters)]).upper() != letters:
        return False
    rest = words[[i for i, w in enumerate(words) if content_words([w])][len(letters) - 1] + 1:]
    return all(w[:1].islower() for w in rest[:-1])


def initials_are(acronym: str, words: list[str]) -> bool:
    """Are the initials of the capitalised words exactly the acronym's letters ('Intercommunale de
    Mutualisation en matière Informatique et Organisationnelle': iMio)?"""
    initials = [fold_keep(w[0]) for w in (re.sub(r"^[dl]['’]", "", w, flags=re.IGNORECASE) for w in words)
                if w[:1].isupper()]  # 'Österreichisches Institut für Bautechnik': OIB
    return len(initials) >= 2 and "".join(initials).upper() == acronym_letters(acronym)


def _named_before(text: str, floor: int, end: int, acronym: str) -> tuple[str, int] | None:
    """"l'Informationstechnikzentrum Bund, que tout le monde appelle ITZBund": a clause that says
    what a name is called defines it even where the letters come from inside its words. The name is
    the run of capitalised words (and the function words between them) just before ``end``, after
    an article; its initial is the acronym's. (name, offset) or None."""
    words = list(WORD.finditer(text, floor, end))[-MAX_ACRONYM_NAME_WORDS:]
    begin = None
    for k in range(len(words) - 1, -1, -1):
        if k + 1 < len(words) and re.search(r"\s[–—]\s", text[words[k].end():words[k + 1].start()]):
            break  # 'The Radiation ... Authority – Säteilyturvakeskus, generally known as STUK': a dash sets it off
        elided = ELIDED_ARTICLE.match(words[k].group())
        token = words[k].group()[elided.end():] if elided is not None else words[k].group()
        if token[:1].isupper():
            begin = words[k].start() + (elided.end() if elided is not None else 0)
            if elided is not None:
                break
        elif token.lower() in articles():
            # 'Raad voor het Onderzoek van de Zee': an article after a link word is inside the name.
            link = words[k - 1].group().lower() if k else ""
            if begin is None or link in articles() or link not in function_words():
                break
        elif token.lower() not in function_words():
            break
    if begin is None or text[begin:begin + 1].upper() != acronym[:1].upper():
        return None
    name = text[begin:end].strip(" ,")
    if len(name.split()) < 2 and len(name) < MIN_COMPOUND_NAME_CHARS:
        return None  # one word only when a compound ('Säteilyturvakeskus, generally known as STUK')
    return name, begin


def _headed_name_before(text: str, floor: int, end: int, *, said: bool = False,
                        heads: frozenset[str] | None = None) -> tuple[str, int] | None:
    """'le Centre de compétences en science des données (DSCC)': a bracketed acronym whose letters
    come from the name in another language is still defined by the name just before it, when that
    name opens on a lab's head noun ('Centre', 'Office', 'Agentschap') after an article or at the
    start of its clause. With ``said`` (the text says the acronym is the name's in another
    language) an elided article after a verb does too ("se trouve l'Agence ..."), not after a
    preposition. (name, offset) or None."""
    clause = max(text.rfind(c, floor, end) for c in ",;:.()")
    words = list(WORD.finditer(text, max(floor, clause + 1), end))[-MAX_HEADED_NAME_WORDS:]
    heads = heads or _head_nouns()
    for k, word in enumerate(words):
        elided = ELIDED_ARTICLE.match(word.group())
        first = word.group()[elided.end():] if elided is not None else word.group()
        if not first[:1].isupper() or first.lower() not in heads or len(words) - k < 2:
            continue
        # After an article or opening a clause (", l'Agence … (ADN) a été instituée"); not 'Kenya
        # Centre (KC)', read by its initials if at all, nor "fait partie de l'Agence … (ANCT)".
        after_verb = said and elided is not None and words[k - 1].group().lower() not in function_words() | _prepositions()
        if k > 0 and not after_verb and (elided is not None or words[k - 1].group().lower() not in articles()):
            continue
        if k == 0 and elided is not None and word.group()[0].islower() and clause < floor:
            continue  # "l'Agence …" opening a line: what came before it on the line above is unknown
        if words[-1].group().lower() in function_words():
            return None
        begin = word.start() + (elided.end() if elided is not None else 0)
        return text[begin:words[-1].end()], begin
    return _article_name_before(words, heads) if said else None


def _article_name_before(words: list[re.Match[str]], heads: frozenset[str]) -> tuple[str, int] | None:
    """'the Inter-American Center of Tax Administrators – CIAT, after its Spanish name': an English
    name puts its head noun after its adjectives. After an article, capitalised words and the link
    words between them, one of them a head noun."""
    small = function_words()
    for k in range(len(words) - 1):
        # After an article, or opening the line (its article on the line before).
        after_article = k > 0 and words[k - 1].group().lower() in articles()
        if not (after_article or words[k].start() == 0) or not words[k].group()[:1].isupper():
            continue
        names = [w.group() for w in words[k:]]
        if (names[-1][:1].isupper() and all(n[:1].isupper() or n.lower() in small for n in names)
                and any(n.lower() in heads for n in names)):
            return " ".join(names), words[k].start()
    return None


_POSSESSIVE = re.compile(rf"^[{CAPITALS}][\w-]*['’]s$")


def _determined_name_before(text: str, floor: int, end: int) -> tuple[str, int] | None:
    """"Estonia's Centre of Registers and Information Systems (RIK)", "Finland's Digital and
    Population Data Services Agency (Digi- ja väestötietovirasto, DVV)": a bracketed acronym whose
    letters come from another language is defined by the capitalised name just before it when that
    name follows a place's possessive and holds a lab's head noun, wherever the head sits. After a
    mere article ('the Kenya Bureau (ZZ)') the letters must fit. (name, offset) or None."""
    clause = max(text.rfind(c, floor, end) for c in ",;:.()")
    words = list(WORD.finditer(text, max(floor, clause + 1), end))[-MAX_ACRONYM_NAME_WORDS - 1:]
    for k in range(len(words) - 2, 0, -1):
        determiner = words[k - 1].group()
        if not _POSSESSIVE.match(determiner):
            if words[k].group()[:1].isupper() or words[k].group().lower() in function_words():
                continue  # the name goes on to the left
            return None
        run = [w.group() for w in words[k:]]
        if (run[0][:1].isupper() and run[-1][:1].isupper() and len(content_words(run)) >= 2
                and all(w[:1].isupper() or w.lower() in function_words() for w in run)
                and any(w.lower() in _head_nouns() for w in run)):
            return text[words[k].start():words[-1].end()], words[k].start()
        return None
    return None


MAX_ACRONYM_NAME_WORDS = 12
"""Words of a name an acronym defines: 'Agence nationale de promotion des technologies de
l'information et de la communication' (ANPTIC) is eleven."""
MAX_HEADED_NAME_WORDS = 9
"""A name defined by its head noun is short: 'Pôle d'expertise de la régulation numérique' is six words."""


@cache
def _prepositions() -> frozenset[str]:
    """'de', 'à', 'van', 'of': a name after one is what something else is part of or comes from."""
    lex = lexicon(None)
    return frozenset(w.lower() for key in ("name_links", "connectors") for w in lex.words("labs", key))


@cache
def _legal_forms() -> frozenset[str]:
    """Every language's legal forms that end a company's name ('NV', 'GmbH', 'Ltd')."""
    return frozenset(w.lower() for w in lexicon(None).words("labs", "legal_suffixes"))


@cache
def _legal_tail() -> re.Pattern[str]:
    """A legal form ending the text right before an acronym's bracket ('... Indkøbsservice A/S ')."""
    forms = alternation(lexicon(None).words("labs", "legal_suffixes"), folded=False)
    return re.compile(rf"(?<=\w)\s+(?i:{forms})(?=\s*\(?$)")


@cache
def _definition_nouns() -> frozenset[str]:
    """Every language's nouns a text defines an organisation by ('Instituut', 'Organization'), single words."""
    return frozenset(w.lower() for w in lexicon(None).words("labs", "definition_nouns") if " " not in w)


@cache
def organisation_nouns() -> frozenset[str]:
    """A lab's head nouns, the nouns a text defines an organisation by, and the organisations that
    host labs ('Commission', 'Conseil', 'Autorité'), single words of every language."""
    lex = lexicon(None)
    return _head_nouns() | _definition_nouns() | frozenset(w.lower() for w in lex.words("labs", "not_heads") if " " not in w)


@cache
def _head_nouns() -> frozenset[str]:
    """Every language's head nouns of a lab's name, single words: a name keeps its language's head
    whatever the report's language."""
    return frozenset(w.lower() for w in lexicon(None).words("labs", "heads") if " " not in w)
