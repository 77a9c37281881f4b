"""How many members a governance body has, as its text says: '(bestaat uit 11 leden)', 'a board of
nine directors', 'composé de sept membres', a list after 'bestaat uit ...:', 'seven-member board'; and
when it does not say ('one representative of each Member State')."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extract.extractors.context import SectionContext
from extract.normalize.qualifiers import qualifier_of
from extract.normalize.rule_data import alternation
from extract.rules.lexicon import Lexicon, fold_keep

MEMBER_WINDOW = 12
"""Tokens after a body's name within which its member count is read."""


EACH_CHARS = 16
"""How far before a count 'each of the' may stand ('by each of the 27 Member States')."""


def member_count(ctx: SectionContext, start: int, end: int, next_start: int) -> int | None:
    """Member count said of the body at ``start:end``: '(bestaat uit 11 leden)', 'composé de sept
    membres', 'bestaat uit ...: A, B en C' (counted), or 'Veertien entiteiten ... vormen samen de X'."""
    from extract.normalize import find_numbers

    lex = ctx.lex
    s0, e0 = ctx.sentence_span(start)
    hi = min(e0, next_start) if next_start > end else e0
    if (listed := _listed_members(ctx, end, hi, e0)) is not None:
        return listed
    member_nouns = lex.regex("governance", "member_nouns")
    numbers = find_numbers(ctx.text[end:hi], ctx.lang)
    for index, n in enumerate(numbers):
        a, b = end + n.start, end + n.end
        if ctx.token_distance(end, a) > MEMBER_WINDOW:
            break
        if _per_member(lex).match(ctx.folded, b):
            return None  # 'one representative of each Member State and two ...': its size depends on who is a member
        follow = member_nouns.search(ctx.folded, b, min(hi + 20, b + 40))
        if follow and index + 1 < len(numbers) and end + numbers[index + 1].start < follow.start():
            follow = None  # 'telde ultimo 2016 zeven leden': the count is the number next to the noun
        if follow and index > 0 and _range_joiner(lex).fullmatch(ctx.folded, end + numbers[index - 1].end, a):
            return None  # 'ses cinq à sept membres', 'five to seven members': no exact count
        if follow and qualifier_of(ctx.text, a, b, ctx.lang) in {"up_to", "above", "below"}:
            return None  # 'no more than 11 members', 'au plus sept membres': a bound, not the count
        if follow and follow.group() in lex.folded("governance", "member_modifiers") \
                and re.match(r"\s+[a-z]", ctx.folded[follow.end():follow.end() + 3]) \
                and not set(ctx.folded[max(0, a - EACH_CHARS):a].split()) & lex.folded("money", "each_before"):
            # 'answerable to its six member governments': the governments are counted (not 'one national
            # member seconded by each of the 27 Member States', a member each).
            continue
        if follow and ctx.token_distance(b, follow.start()) <= 1 and n.value == int(n.value) \
                and not re.search(r"[.;:!?]\s", ctx.text[b:follow.start()]):  # not 'in May 1967. Representatives ...'
            return int(n.value)  # '11 leden', 'sept membres', '9 vaste leden'
        if _of_count(lex).fullmatch(ctx.folded, end, a) and _counts_people(ctx, n, a, b, hi):
            return int(n.value)  # 'een stuurgroep van vijf schepenen', 'a board of nine directors'

    composed = lex.regex("governance", "composed_of").search(ctx.folded, end, hi)
    if composed and (colon := ctx.text.find(":", composed.end(), e0)) >= 0:
        count = _count_items(ctx.text[colon + 1:e0], lex)
        if count >= 2:
            return count
    form = lex.regex("governance", "form_verbs")
    verb = None
    for m in form.finditer(ctx.folded, s0, start):
        verb = m
    if verb is not None and ctx.token_distance(verb.end(), start) <= 4:
        subject = ctx.text[s0:verb.start()]
        numbers = find_numbers(subject, ctx.lang)
        if numbers and numbers[0].value == int(numbers[0].value):
            return int(numbers[0].value)
        previous = ctx.previous_sentence(s0)
        if fold_keep(subject).strip() in lex.folded("governance", "pronouns") and previous:
            p0 = ctx.label_free_start(previous[0])
            numbers = find_numbers(ctx.text[p0:s0], ctx.lang)
            if numbers and ctx.token_distance(p0, p0 + numbers[0].start) <= 1:
                return int(numbers[0].value)
    return None


COMPOSED_AFTER_WORDS = 2
"""Words between a body's name and the verb that lists its members ('The Board of Directors is made up of')."""


def _listed_members(ctx: SectionContext, end: int, hi: int, e0: int) -> int | None:
    """'Our Board consists of a Chair, a Vice-Chair and nine other members, drawn from ...', 'bestaande
    uit een voorzitter, een secretaris en een penningmeester': one person per item an article
    (governance.one_person_openers) or a capital opens, the count of a counted item. None unless two
    items at least are read."""
    from extract.normalize import find_numbers

    composed = ctx.lex.regex("governance", "composed_of").search(ctx.folded, end, e0)
    if composed is None or ctx.token_distance(end, composed.start()) > COMPOSED_AFTER_WORDS:
        return None
    if find_numbers(ctx.text[end:composed.start()], ctx.lang):
        return None  # 'An advisory committee of seven, with ...': the count is given
    stop = min([e0, *(i for c in (":", ";", " — ", " – ") if (i := ctx.text.find(c, composed.end(), e0)) >= 0)])
    if stop < e0 and _counted_members(ctx, stop, e0):
        return None  # '... and AI Vlaanderen: zes leden', 'has four members — an independent chair, ...'
    stop = min(stop, hi)  # 'appointed by the Governor in Council': the next body ends the list
    if _each(ctx.lex).search(ctx.folded, composed.end(), stop):
        return None  # 'one representative of each Member State and two ...': its size depends on who is a member
    openers = ctx.lex.folded("governance", "one_person_openers")
    total = items = 0
    first = 0  # 'twee leden, een voorzitter en een plaatsvervangend voorzitter': the count, then who they are
    verbs = ctx.lex.folded("words", "clause_verbs")
    for item in _list_items(ctx, re.sub(r"\([^()]*\)", " ", ctx.text[composed.end():stop]), openers):
        words = item.split()
        if any(fold_keep(w) in verbs for w in words[1:]):
            # 'a Board with a non-executive chair, and its head office is now in Filton': a new clause.
            if items >= 2:
                break
            return None
        numbers = find_numbers(item, ctx.lang)
        # A count opens the item ('nine other members'); 'een', 'one', 'un' are one person's article.
        if numbers and numbers[0].start == 0 and (words[0][:1].isdigit() or fold_keep(words[0]) not in openers):
            if numbers[0].value != int(numbers[0].value) or not 1 <= numbers[0].value <= MAX_LISTED_COUNT:
                return None
            total += int(numbers[0].value)
            first = first or (int(numbers[0].value) if items == 0 else 0)
        elif len(words) >= 2 and _opens_one(words, openers):
            total += 1
        elif words[0][:1].isupper():
            total += 1  # 'Chairperson, President and eight directors'
        elif items >= 2:
            break  # 'drawn from a wide range of backgrounds': the list has ended
        else:
            return None
        items += 1
    if first and total == 2 * first:
        return first  # the persons after the count are the count's members, named
    return total if items >= 2 else None


MAX_LISTED_COUNT = 200


def _counted_members(ctx: SectionContext, start: int, end: int) -> bool:
    """Does a count of members stand after the list ('...: zes leden')?"""
    from extract.normalize import find_numbers

    nouns = ctx.lex.regex("governance", "member_nouns")
    return any(nouns.match(ctx.folded, start + n.end + 1) for n in find_numbers(ctx.text[start:end], ctx.lang))


def _opens_one(words: list[str], openers: frozenset[str]) -> bool:
    """'a Chair', 'the Minister's Deputy Minister', "l'administrateur": an article before a noun
    in the singular (a plural 'the directors' counts no one in particular)."""
    first = fold_keep(words[0])
    elided = re.match(r"([ld]['’])(\w+)", first)
    if elided is not None:
        return elided.group(1).replace("’", "'") in openers
    if first not in openers:
        return False
    noun = re.sub(r"['’]s$", "", fold_keep(words[1]))
    return not (noun.endswith("s") and not noun.endswith(("ss", "is")))


def _list_items(ctx: SectionContext, text: str, openers: frozenset[str]) -> list[str]:
    """The items of a list, split at commas and at a conjunction before an article (``openers``) or a count."""
    from extract.normalize import find_numbers

    items: list[str] = []
    for part in text.split(","):
        rest = part
        for found in _conjunction(ctx.lex).finditer(fold_keep(part)):
            following = part[found.end():]
            first = fold_keep(following.split()[0]) if following.split() else ""
            numbers = find_numbers(following[:30], ctx.lang)
            if first in openers or (numbers and numbers[0].start == 0):
                items.append(part[len(part) - len(rest):found.start()].strip())
                rest = following
        items.append(rest.strip())
    return [item for item in items if item]


@lru_cache(maxsize=8)
def _each(lex: Lexicon) -> re.Pattern[str]:
    """'each', 'per', 'chaque' (governance.per_member_words) as a word, in folded text."""
    return re.compile(rf"(?<!\w)(?:{alternation(lex.words('governance', 'per_member_words'))})(?!\w)")


@lru_cache(maxsize=8)
def _conjunction(lex: Lexicon) -> re.Pattern[str]:
    """'and', 'en', 'et' between spaces, in folded text."""
    return re.compile(rf"\s(?:{alternation(lex.words('words', 'conjunctions'))})\s+")


@lru_cache(maxsize=8)
def _per_member(lex: Lexicon) -> re.Pattern[str]:
    """' representative of each', ' vertegenwoordiger per', ' membre de chaque' after a number (folded text)."""
    stems = alternation(sorted({w.rstrip("s") for w in lex.words("governance", "member_nouns")}))
    links = alternation(lex.words("labs", "name_links"))
    each = alternation(lex.words("governance", "per_member_words"))
    return re.compile(rf"\s+(?:{stems})\w{{0,2}}\s+(?:(?:{links})\s+)?(?:{each})\s")


def sized(name: str, lex: Lexicon) -> tuple[str, int | None]:
    """'seven-member board' -> ('board', 7), 'vijfkoppig bestuur' -> ('bestuur', 5): the count joined
    to the body's noun (``governance.size_suffixes``) is its member count, not part of its name."""
    from extract.normalize import find_numbers

    sized = _size_prefix(lex)
    if sized is None:
        return name, None
    found = sized.match(name)
    numbers = find_numbers(found.group(1), lex.lang) if found else []
    if found is None or len(numbers) != 1 or numbers[0].value != int(numbers[0].value):
        return name, None
    return found.group(2), int(numbers[0].value)


@lru_cache(maxsize=8)
def _size_prefix(lex: Lexicon) -> re.Pattern[str] | None:
    """A count joined to a noun ('seven-member '), then the rest of the name; None without size suffixes."""
    suffixes = lex.words("governance", "size_suffixes")
    if not suffixes:
        return None
    return re.compile(rf"(?i)(\w+?)(?:{alternation(suffixes, folded=False, any_space=False)})\s+(\S.*)$")


@lru_cache(maxsize=8)
def _of_count(lex: Lexicon) -> re.Pattern[str]:
    """The body's name, then 'van'/'of'/'de'/'with' and a count: 'stuurgroep van vijf schepenen' (folded text)."""
    return re.compile(rf"\s*(?:{alternation(lex.words('governance', 'member_count_links'), any_space=False)})\s+")


def _counts_people(ctx: SectionContext, number: Any, start: int, end: int, hi: int) -> bool:
    """A whole number followed by a noun that is not money, time or a unit ('vijf schepenen',
    not 'van 2 miljoen euro' or 'of 2019')."""
    from extract.normalize import find_money

    if number.value != int(number.value) or number.scale != 1.0 or not 2 <= number.value <= 200:
        return False
    money = find_money(ctx.text[start:hi], ctx.lang)
    if money and money[0].start == 0:
        return False  # 'een raad van 2 miljoen euro' is an amount, not members
    verb = re.match(r"\s+([^\W\d_]+)", ctx.text[end:hi])
    if verb is not None and fold_keep(verb.group(1)) in ctx.lex.folded("words", "clause_verbs"):
        return True  # 'Its board of seven is appointed by the city': the count ends the phrase
    following = re.match(r"\s+([^\W\d_]{3,})", ctx.text[end:hi])
    if not following:
        # 'a board of 7.', 'Steering committee of 8 (the Head of ...)': the count ends the phrase.
        return bool(re.match(r"\s*(?:[.,;:()\u2014\u2013]|$)", ctx.text[end:hi + 1]))
    word = fold_keep(following.group(1))
    return word not in _not_people(ctx.lex)


@lru_cache(maxsize=8)
def _not_people(lex: Lexicon) -> frozenset[str]:
    """Money, time and units after a count ('2 miljoen', '5 jaar', 'trois ans'): governance.not_member_nouns, folded."""
    return lex.folded("governance", "not_member_nouns")


def _count_items(text: str, lex: Lexicon) -> int:
    """'A, B, C en D.' -> 4 (the last conjunction splits the final item)."""
    text = re.sub(r"\n\s*[•\-–=*>]\s+", ";", text.strip()).replace("\n", " ").rstrip(".;")
    parts = [p.strip() for p in re.split(r"[,;•]+", text) if p.strip()]
    if not parts:
        return 0
    conj = "|".join(re.escape(c) for c in lex.words("words", "conjunctions"))
    last = re.split(rf"\s+(?:{conj})\s+", parts[-1])
    if len(last) >= 2:
        parts = parts[:-1] + [last[0], " ".join(last[1:])]
    return len(parts)


@lru_cache(maxsize=8)
def _range_joiner(lex: Lexicon) -> re.Pattern[str]:
    """What joins a range's two numbers: 'à', 'to', 'tot', a dash."""
    return re.compile(rf"\s*(?:[-–—]|\s(?:{alternation(lex.words('money', 'year_range_joiners'))})\s)\s*")
