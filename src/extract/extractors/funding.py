"""Funding sources: who or what pays for the lab, as printed ('12 overheidsdepartementen',
'belastinggeld', 'Recovery and Resilience Plans')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.extractors.context import SectionContext
from extract.extractors.phrases import tokens
from extract.models import Candidate, Section
from extract.rules.lexicon import fold_keep

NAME = "funding"
VERSION = "6"

MAX_PHRASE_TOKENS = 12
_STOP_PUNCT = set(",.;:()[]!?")
_BULLET_SPLIT = re.compile(r"\s*(?:;|\n\s*[•\-–*]\s*)\s*")


class FundingExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        out = self._label(ctx)
        out += self._after_trigger(ctx)
        out += self._after_amount(ctx)
        out += self._subject_funds_lab(ctx)
        return out

    def _label(self, ctx: SectionContext) -> list[Candidate]:
        block = ctx.block("funding")
        if block is None:
            return []
        out = []
        value = ctx.text[block.value_start:block.end]
        offset = block.value_start
        unknown = ctx.lex.regex("budget", "unknown")
        triggers = ctx.lex.regex("funding", "after")
        if triggers.search(fold_keep(value)):
            return []  # 'Financement : financé par la Région' is read by the trigger rule
        from extract.normalize import find_money

        if find_money(value, ctx.lang) and ctx.lex.regex("funding", "after_amount").search(fold_keep(value)):
            return []  # 'Funding: ~€700k per year from the ministry' is read after the amount
        conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        # 'X and the national budget': two sources (not 'Recovery and Resilience Plans').
        value = re.sub(rf"\s(?:{conj})\s+(?:(?:{determiners})\s+|(?=l['’]\w))", "; ", value, flags=re.IGNORECASE)
        for part in (p for chunk in _BULLET_SPLIT.split(value) for p in _split_commas(chunk)):
            part = _first_item_lines(part)
            part = _SHARE.sub("", part)  # 'Métropole de Lyon (90 %)': the share is not the source
            # OCR specks after the item ('FEDER) ©') are not part of it.
            item = re.sub(r"(?:\s+[^\w\s()’'\-]{1,2})+$", "", re.sub(r"\s+", " ", part)).strip(" .,")
            # 'the regional budget' -> 'regional budget', "l'État" -> 'État'
            item = re.sub(rf"^(?:(?:{determiners})\s+(?=\w)|l['’](?=\w))", "", item, flags=re.IGNORECASE)
            if unknown.match(fold_keep(item)):
                continue  # 'Financement : non communiqué'
            if item and len(item.split()) <= 15:
                start = ctx.text.find(part.strip()[:20], offset) if part.strip() else offset
                start = start if start >= 0 else block.value_start
                out.append(ctx.candidate("funding_sources", item, start, start + len(part.strip()), family=NAME,
                                         version=VERSION, prior="label"))
        return out

    def _after_trigger(self, ctx: SectionContext) -> list[Candidate]:
        out = []
        weak = ctx.lex.regex("funding", "weak_after")
        money = ctx.lex.regex("funding", "money_words")
        for m in ctx.lex.regex("funding", "after").finditer(ctx.folded):
            span = _noun_phrase(ctx, m.end())
            if span is None:
                continue
            start, end = span
            text = re.sub(r"\s+", " ", ctx.text[start:end])
            if ctx.refers_to_lab(text) or _BUDGET_PHRASE.match(fold_keep(text)):
                continue  # 'runs on an annual budget of EUR 2m' says how much, not who pays
            if _item_splitter_for(ctx).search(ctx.text, start, end):
                # 'gefinancierd door de Stad X en de Vlaamse overheid': two funders, each its own item.
                out += self._split_phrase(ctx, start, end, m.end())
                continue
            if ctx.text[end:end + 2].strip().startswith(":"):
                # 'Funding comes from two sources: the Province of X, ..., and the Y Fund': the items.
                out += self._enumeration(ctx, end + ctx.text[end:].index(":") + 1)
                continue
            if weak.fullmatch(ctx.folded, m.start(), m.end()):
                # 'komt van' / 'comes from' is about money only near a money word ('het budget komt
                # van X', 'draait op belastinggeld'), not in 'de naam komt van ...'.
                s0, _ = ctx.sentence_span(m.start())
                money_word = money.search(ctx.folded, s0, m.start()) or any(
                    fold_keep(w) in fold_keep(text) for w in ctx.lex.words("funding", "money_words"))
                if not money_word:
                    continue
            out.append(ctx.candidate("funding_sources", text, start, end, family=NAME, version=VERSION,
                                     prior="anchored", distance=ctx.token_distance(m.end(), start), ner=("ORG",)))
        return out

    def _after_amount(self, ctx: SectionContext) -> list[Candidate]:
        """'Annual budget ~US$1.4M, from government contracts and philanthropic grants', 'an annual
        budget of around €1.5 million, most of it from EU structural funds and the rest from the
        Ministry of X': where the lab's money comes from, said right after how much it is."""
        from extract.normalize import find_money

        sources = ctx.lex.regex("funding", "after_amount")
        anchors = ctx.lex.regex("budget", "anchors")
        out = []
        for m in find_money(ctx.text, ctx.lang):
            s0, e0 = ctx.sentence_span(m.start)
            block = ctx.block_at(m.start)
            if not (anchors.search(ctx.folded, s0, e0) or (block is not None and block.field in ("budget", "resources"))):
                continue  # an amount that is not the lab's budget says nothing of its funders
            found = sources.search(ctx.folded, m.end, min(e0, m.end + AMOUNT_TO_SOURCE_CHARS))
            if found is None or _CLAUSE_BREAK.search(ctx.text, m.end, found.start()):
                continue
            end = e0
            stop = _SOURCE_END.search(ctx.text, found.end(), e0)
            if stop is not None:
                end = stop.start()
            # Brackets qualify a source ('la Wallonie (environ deux tiers)'): blanked, offsets kept.
            text = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), ctx.text[found.end():end])
            text = _REST_FROM.sub(lambda r: ";" + " " * (len(r.group(0)) - 1), text)
            if re.match(r"\s*(?:\d|[$€£¥~≈])", text):
                continue  # 'from 2016 to 2020', 'from €2m to €3m': dates and amounts, not sources
            out += self._items(ctx, text, found.end(), m.end)
        return out

    def _items(self, ctx: SectionContext, text: str, offset: int, anchor: int) -> list[Candidate]:
        """'government contracts and philanthropic grants' -> two items; names keep their inner 'and'
        ('Ministry of the Economy and Innovation')."""
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        joiners = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in ctx.lex.words("funding", "item_joiners"))
        again = "|".join(re.escape(w) for w in ctx.lex.words("funding", "after_amount") if " " not in w)
        # Split at ';', ',' and at 'and' (+ 'from') not followed by a capitalised word: 'Ministry of the
        # Economy and Innovation' stays one name, 'a state grant and project funding' is two.
        pieces = re.split(rf"[;,]|\s(?i:{joiners})\s+(?:(?i:{again})\s+)?(?![A-ZÀ-Ý])(?!(?i:{determiners})\s+[A-ZÀ-Ý])"
                          rf"|\s(?i:{joiners})\s+(?:(?i:{again})\s+)?(?=(?i:{determiners})\s)", text)
        out, at = [], 0
        for piece in pieces:
            at = text.find(piece, at)
            item = re.sub(rf"^\s*(?:(?:{determiners})\s+)?", "", piece, flags=re.IGNORECASE)
            item = re.sub(r"\s+", " ", item).strip(" .;:")
            if not item or len(item.split()) > MAX_ITEM_WORDS or not item[:1].isalpha() or _MONEY_SIGN.search(item):
                continue
            start = offset + at + piece.find(item.split()[0])
            out.append(ctx.candidate("funding_sources", item, start, start + len(item), family=NAME, version=VERSION,
                                     prior="anchored", distance=ctx.token_distance(anchor, start), ner=("ORG",)))
            at += len(piece)
        return out

    def _enumeration(self, ctx: SectionContext, start: int, end: int | None = None) -> list[Candidate]:
        """Items of a list of funders from ``start`` to ``end`` (default: the sentence's end)."""
        from extract.extractors.phrases import org_phrase

        e0 = end if end is not None else ctx.sentence_span(start)[1]
        conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
        out = []
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        # Items split at commas and at 'and the' / 'en de' / 'et la' (not inside 'Affairs and Communications').
        splitter = _item_splitter(conj, determiners)
        segments, at = [], start
        for sep in splitter.finditer(ctx.text, start, e0):
            segments.append((at, sep.start()))
            at = sep.end()
        segments.append((at, e0))
        for seg_start, seg_end in segments:
            chunk = _Chunk(ctx.text[seg_start:seg_end], seg_start)
            head = re.match(rf"\s*(?:(?:{conj})\s+)?", chunk.text, flags=re.IGNORECASE)
            span = org_phrase(ctx.text, chunk.start + (head.end() if head else 0), ctx.lex,
                              end=chunk.start + len(chunk.text))
            if span is None:
                continue
            text = re.sub(r"\s+", " ", ctx.text[span[0]:span[1]])
            out.append(ctx.candidate("funding_sources", text, span[0], span[1], family=NAME, version=VERSION,
                                     prior="block", ner=("ORG",)))
        return out

    def _split_phrase(self, ctx: SectionContext, start: int, end: int, anchor: int) -> list[Candidate]:
        """The parts of one noun phrase joined by 'en de' / 'and the' / "et l'", determiners dropped."""
        determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
        lead = re.compile(rf"\s*(?:(?:{determiners})\s+)?", re.IGNORECASE)
        out, at = [], start
        bounds = [(sep.start(), sep.end()) for sep in _item_splitter_for(ctx).finditer(ctx.text, start, end)]
        for seg_start, seg_end in [(at, bounds[0][0])] + [(b[1], (bounds[i + 1][0] if i + 1 < len(bounds) else end))
                                                          for i, b in enumerate(bounds)]:
            head = lead.match(ctx.text, seg_start, seg_end)
            item_start = head.end() if head else seg_start
            text = re.sub(r"\s+", " ", ctx.text[item_start:seg_end]).strip(" ,;.")
            if not text or len(text.split()) > MAX_ITEM_WORDS:
                continue
            out.append(ctx.candidate("funding_sources", text, item_start, item_start + len(text), family=NAME,
                                     version=VERSION, prior="anchored", distance=ctx.token_distance(anchor, item_start),
                                     ner=("ORG",)))
        return out

    def _subject_funds_lab(self, ctx: SectionContext) -> list[Candidate]:
        """'Veertien entiteiten uit ... financieren Sandbox Vlaanderen': the subject pays for the lab."""
        out = []
        for m in ctx.lex.regex("funding", "verbs_before").finditer(ctx.folded):
            s0, e0 = ctx.sentence_span(m.start())
            obj = ctx.text[m.end():e0]
            if not ctx.refers_to_lab(obj):
                continue
            s0 = ctx.label_free_start(s0)
            subject = ctx.text[s0:m.start()].strip()
            words = subject.split()
            if not words or len(words) > 20 or fold_keep(words[0]) in ctx.lex.folded("governance", "pronouns"):
                continue
            start = s0 + ctx.text[s0:m.start()].find(words[0])
            out.append(ctx.candidate("funding_sources", re.sub(r"\s+", " ", subject), start, m.start(),
                                     family=NAME, version=VERSION, prior="anchored", ner=("ORG",)))
        return out


MAX_ITEM_WORDS = 8
AMOUNT_TO_SOURCE_CHARS = 60
_MONEY_SIGN = re.compile(r"[$€£¥]|\d")
# Between the amount and 'from ...' no new clause may start ('€2m; the city, from 2024, ...').
_CLAUSE_BREAK = re.compile(r"[;:.!?](?:\s|$)")
# The sources end at the sentence's next clause: a bracket, a semicolon, a full stop.
_SOURCE_END = re.compile(r"[;.](?:\s|$)|\s[—–]\s")
_REST_FROM = re.compile(r"\s(?:and|en|et)\s+(?:the\s+rest|the\s+remainder|de\s+rest|le\s+reste)\s+"
                        r"(?:from|comes\s+from|van|uit|de|vient\s+de)\s+", re.IGNORECASE)


def _item_splitter(conj: str, determiners: str) -> re.Pattern[str]:
    # Items split at commas and at 'and the' / 'en de' / "et l'" (not inside 'Affairs and Communications').
    return re.compile(rf"[,;]|\s(?:{conj})\s+(?=(?:{determiners})\s|[ld]['’]\w)", re.IGNORECASE)


def _item_splitter_for(ctx: SectionContext) -> re.Pattern[str]:
    conj = "|".join(re.escape(c) for c in ctx.lex.words("words", "conjunctions"))
    determiners = "|".join(re.escape(d) for d in ctx.lex.words("words", "determiners"))
    return _item_splitter(conj, determiners)


@dataclass(frozen=True)
class _Chunk:
    text: str
    start: int


_SHARE = re.compile(r"\s*\(\s*(?:ca\.\s*|c\.\s*|±\s*)?\d+(?:[.,]\d+)?\s*%\s*\)")
MAX_COMMA_ITEM_WORDS = 6


_BUDGET_PHRASE = re.compile(
    r"(?:an?|the|een|het|de|un|une|le|la|son|sa|its|zijn|haar)?\s*"
    r"(?:annual|yearly|jaarlijks\w*|annuel\w*|total|totaal|global\w*)?\s*(?:budget|begroting|enveloppe)\b"
)


def _split_commas(chunk: str) -> list[str]:
    """'Métropole de Lyon (90 %), Banque des Territoires (10 %)': short capitalised names between
    commas (outside brackets) are separate sources; anything else stays one item."""
    parts, depth, current = [], 0, ""
    for char in chunk:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    parts = [p.strip() for p in parts]
    if len(parts) > 1 and all(p[:1].isupper() and len(p.split()) <= MAX_COMMA_ITEM_WORDS for p in parts):
        return parts
    return [chunk]


def _first_item_lines(part: str) -> str:
    """A label's list item runs over a line break ('Business\nFinland project grants') but not
    into the paragraph after it ('deelnemende gemeenten\nVoor 2025 wil ...')."""
    part = re.split(r"(?<=[a-z\)])\.\s+(?=[A-Z])", part.strip(), maxsplit=1)[0]
    kept: list[str] = []
    for line in part.splitlines():
        if kept and len(" ".join(kept + [line]).split()) > MAX_ITEM_WORDS:
            break
        kept.append(line)
    return "\n".join(kept)


def _noun_phrase(ctx: SectionContext, start: int) -> tuple[int, int] | None:
    """The noun phrase after a trigger: up to punctuation, a relative pronoun, or a conjunction
    that opens a new clause ('draait op belastinggeld en wordt bestuurd door ...')."""
    lex = ctx.lex
    determiners = lex.folded("words", "determiners")
    conjunctions = lex.folded("words", "conjunctions")
    verbs = lex.folded("words", "clause_verbs")
    relatives = lex.folded("words", "relatives")
    toks = tokens(ctx.text, start, min(len(ctx.text), start + 300))
    i = 0
    while i < len(toks) and fold_keep(toks[i].text) in determiners and not toks[i].text[:1].isupper():
        i += 1  # 'gefinancierd door de Vlaamse overheid' -> 'Vlaamse overheid'
    if i >= len(toks) or not toks[i].is_word:
        return None
    first = i
    last = None
    j = i
    while j < len(toks) and j - first < MAX_PHRASE_TOKENS:
        tok = toks[j]
        folded = fold_keep(tok.text)
        if tok.text in _STOP_PUNCT or (not tok.is_word and tok.text not in "&-'’"):
            break
        if j > first and (folded in relatives or folded in verbs):
            break
        if folded in conjunctions and j + 1 < len(toks):
            nxt = toks[j + 1]
            nxt_folded = fold_keep(nxt.text)
            if not (nxt.is_capitalised or nxt.text[:1].isdigit() or nxt_folded in determiners) or nxt_folded in verbs:
                break
        last = j
        j += 1
    if last is None:
        return None
    while last > first and fold_keep(toks[last].text) in conjunctions | determiners:
        last -= 1
    return toks[first].start, toks[last].end
