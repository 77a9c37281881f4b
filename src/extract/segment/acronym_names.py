"""Where a name an acronym stands for starts and ends, beyond its letters: the starts of its words
('Norad'), a known-as clause after an article ('het Totalförsvarets forskningsinstitut, kortweg
FOI'), a native name glossed in English before it, a legal form's last dot ('Lux-Development S.A.'),
the full name a text gives before shortening it ('X – en abrégé Y (ACR)'). The readers of
``acronyms.defined_acronyms`` and of the index's merges."""

from __future__ import annotations

import re
from functools import cache

from extract.normalize.rule_data import alternation
from extract.rules.letter_classes import CAPITALS
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.spelling import WORD, abbreviates, content_words, function_words, initials_cover

MIN_STARTS_ACRONYM_CHARS = 4
"""A bracketed word spelled by word starts is four letters at least: '(Bonn)' after a two-word name is a place."""


def starts_in_turn(acronym: str, words: list[str]) -> bool:
    """Do the starts of three content words at least spell ``acronym``, a word of one capital, in
    turn, the first word giving its first letter, a word perhaps giving none ('Norad': Nor-wegian
    Agency Development)? Acronyms of more capitals are read by their capitals."""
    content = content_words(words)
    # Not the acronym itself opening a run of words: 'Justid › Organisatie ... (Justid)'.
    return (len(acronym) >= MIN_STARTS_ACRONYM_CHARS and sum(c.isupper() for c in acronym) == 1 and len(content) >= 3
            and not fold_keep(content[0]).startswith(fold_keep(acronym))
            and abbreviates(acronym, " ".join(content), said=True))


def article_name(text: str, floor: int, end: int, max_words: int) -> tuple[str, int] | None:
    """'het Totalförsvarets forskningsinstitut, kortweg FOI': the name a known-as clause gives an
    acronym whose letters come from inside its words. The words after the last article before
    ``end``, the first capitalised, the last no link word, none an article. (name, offset) or None."""
    words = list(WORD.finditer(text, floor, end))[-max_words - 1:]
    marks = [k for k, w in enumerate(words) if w.group().lower() in articles()]
    if not marks or marks[-1] == len(words) - 1:
        return None
    run = words[marks[-1] + 1:]
    if (len(run) < 2 or not run[0].group()[:1].isupper() or run[-1].group().lower() in function_words()
            or re.search(r"[,.;:()]", text[run[0].start():run[-1].end()])):
        return None
    return text[run[0].start():run[-1].end()], run[0].start()


def with_native_name(text: str, name: str, acronym: str, begin: int) -> list[tuple[str, str, int]]:
    """'Styrelsen för internationellt utvecklingssamarbete – the Swedish International Development
    Cooperation Agency (Sida) – is ...': a name that opens its sentence, glossed in apposition by the
    name the acronym spells, is the body's own name; it comes first (the gloss stays an alias)."""
    halves = re.split(r"\s+[–—]\s+", name, maxsplit=1)
    if len(halves) == 2 and all(len(h.split()) >= 2 for h in halves) and halves[1][:1].isupper() \
            and initials_cover(acronym, content_words(halves[0].split())) \
            and not initials_cover(acronym, content_words(halves[1].split())):
        # 'Accident Investigation Board Norway – Statens havarikommisjon for transport (AIBN)': the
        # English name the acronym spells, then the body's own name, the bracket after it.
        return [(halves[1], acronym, begin + name.index(halves[1], len(halves[0]))), (halves[0], acronym, begin)]
    said = _said_in_english().search(text, max(0, begin - MAX_NATIVE_NAME_CHARS), begin)
    if said is not None and said.end() == begin and len(said.group(1).split()) >= 2:
        # 'het Patent- og Varemærkestyrelsen, in het Engels Danish Patent and Trademark Office (DKPTO)'
        return [(said.group(1), acronym, said.start(1)), (name, acronym, begin)]
    gloss = _gloss_lead().search(text, max(0, begin - MAX_NATIVE_NAME_CHARS), begin)
    if gloss is None or gloss.end() != begin:
        return [(name, acronym, begin)]
    native = gloss.group(1).strip()
    words = native.split()
    # Not a phrase of the text's own: 'Our main partner – the ...', "Sweden's agency – the ...".
    if (len(words) < 2 or words[-1].lower() in function_words() or words[0].lower() in determiners()
            or any(re.search(r"['’]s$", w) for w in words)):
        return [(name, acronym, begin)]
    # The apposition closes after the acronym: '... Agency (Sida) – is the government agency'.
    if not re.match(rf"[^()]{{0,{MAX_NATIVE_NAME_CHARS}}}\({re.escape(acronym)}\)\s*[–—]\s", text[begin:]):
        return [(name, acronym, begin)]
    return [(native, acronym, gloss.start(1)), (name, acronym, begin)]


MAX_NATIVE_NAME_CHARS = 100
"""A glossed native name before its English gloss: 'Styrelsen för internationellt utvecklingssamarbete' is 50."""


@cache
def _gloss_lead() -> re.Pattern[str]:
    """A capitalised name opening its sentence or line, then a dash or comma and an article before
    the gloss: 'Styrelsen för internationellt utvecklingssamarbete – the '."""
    articles = alternation(lexicon(None).words("words", "articles"), folded=False, any_space=False)
    return re.compile(rf"(?:^|(?<=\n)|(?<=[.!?]\s))([{CAPITALS}][\w'’-]*(?:[ \t]+[\w'’-]+){{1,7}})\s+[–—]\s+"
                      rf"(?:(?:{articles})\s+|[lL]['’])$")


MAX_SHORTENED_NAME_CHARS = 160
"""A full name and the words that shorten it, before the short name: 'Les Archives générales du ... – en abrégé les '."""


def full_name_shortened(text: str, name: str, acronym: str) -> str | None:
    """The full name ``text`` gives before shortening it to ``name (acronym)``, if it does."""
    for m in re.finditer(rf"{re.escape(name)}\s*\({re.escape(acronym)}\)", text):
        short = _shortened_lead().search(text, max(0, m.start() - MAX_SHORTENED_NAME_CHARS), m.start())
        if short is not None and len(short.group(1).split()) > len(name.split()) \
                and short.group(1).split()[-1].lower() not in function_words():
            return short.group(1)
    return None


@cache
def _shortened_lead() -> re.Pattern[str]:
    """A sentence that opens with an article and a capitalised name, then a dash or comma and words
    saying a shorter name follows ('– en abrégé les ', ', in short the '; ``labs.acronym_for_short``)."""
    lex = lexicon(None)
    articles = alternation(lex.words("words", "articles"), folded=False, any_space=False)
    short = alternation(lex.words("labs", "acronym_for_short"), folded=False, any_space=True)
    return re.compile(rf"(?:^|(?<=[.!?:]\s))(?i:{articles})\s+([{CAPITALS}][^.;:()–—\n]{{3,140}}?)\s+[–—,]\s+"
                      rf"(?i:{short})\s+(?:(?i:{articles})\s+|[lL]['’])?$")


@cache
def _said_in_english() -> re.Pattern[str]:
    """A capitalised name (its link words in lower case), a comma, then words saying the next name is
    its translation ('in het Engels', 'in English', 'en anglais'; ``labs.acronym_other_language``)."""
    other = alternation(lexicon(None).words("labs", "acronym_other_language"), folded=False, any_space=True)
    links = alternation(sorted(function_words()), folded=False, any_space=False)
    return re.compile(rf"(?<![\w'’-])([{CAPITALS}][\w'’-]*(?:\s+(?:[{CAPITALS}][\w'’-]*|(?:{links})(?=\s)))*),\s+"
                      rf"(?i:{other})\s+$")


_DOTTED_FORM_END = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+$")


def name_end(text: str, end: int) -> int:
    """Where a name ending at ``end`` ends with its legal form's last dot: 'Lux-Development S.A.'."""
    return end + 1 if text[end:end + 1] == "." and _DOTTED_FORM_END.search(text, 0, end) else end


@cache
def determiners() -> frozenset[str]:
    """Every language's words that open a noun phrase ('the', 'our', 'notre', 'onze')."""
    return frozenset(w.lower() for w in lexicon(None).words("labs", "determiners"))


@cache
def articles() -> frozenset[str]:
    """Every language's articles ('the', 'het', 'la')."""
    return frozenset(w.lower() for w in lexicon(None).words("words", "articles"))
