"""Candidates -> one validated LabRecord per section: choose, merge, confidence, provenance.

Confidence (``confidence()``), the number a reviewer sorts by, is built from evidence only:

    confidence = clamp(prior[kind] x ocr x proximity x agreement, 0.01, 0.99)

    prior      how the rule found the value:
                 label     0.95  printed after the field's own label ('Budget: ...') or in a
                                 table cell under the field's header
                 anchored  0.85  a pattern tied to a keyword in the same sentence
                                 ('jaarlijks budget van X', 'opgericht in X', '12 medewerkers')
                 block     0.75  a weaker pattern inside the field's label block
                 mention   0.50  an unanchored mention anywhere in the section
                 fallback  0.35  a guess of last resort (country from the website's ccTLD,
                                 the page-footer URL)
    ocr        mean OCR word confidence of the lines the value was read from (text layer: 1.0)
    proximity  1 / (1 + 0.06 x words between the value and its anchor or label)
    agreement  1.15 when a spaCy entity of the expected kind (MONEY, CARDINAL, ORG, GPE, DATE;
               EntityRuler patterns or a trained model) overlaps the value, else 1.0; it never
               lifts a value found another way above the label prior (a label is the surest
               evidence a document gives)

Per field the candidate with the highest confidence wins (ties: the first in reading order),
and the other candidates then move its confidence (``settle()``):

    agreement  x 1.1 when another candidate read from elsewhere in the text has the same value
    conflict   x (1 - 0.5 x c) where c is the confidence of the best candidate with another value

so '4 medewerkers' stated twice is surer than once, and a table cell that contradicts the prose
is flagged low for review. A table row merged with prose gets the same conflict rule per field.
List fields (governance bodies, funding sources) keep every candidate, deduplicated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import ValidationError
from rapidfuzz import fuzz

from extract.assemble.fields import LIST_PATHS
from extract.errors import RecordInvalidError
from extract.models import (
    BodyMention,
    Budget,
    Candidate,
    CandidateValue,
    Governance,
    GovernanceBody,
    LabRecord,
    Provenance,
    Staff,
)
from extract.normalize.currencies import national_currency
from extract.normalize.text import clean_text, clean_value
from extract.rules.vocab import fold

_V = TypeVar("_V")

PRIORS: dict[str, float] = {"label": 0.95, "anchored": 0.85, "block": 0.75, "mention": 0.5, "fallback": 0.35}
DISTANCE_PENALTY = 0.06
NER_BOOST = 1.15

SCALAR_FIELDS = ("name", "acronym", "country", "website", "founded_year", "role", "budget", "staff",
                 "governance.text", "governance.parent")
LIST_FIELDS = LIST_PATHS  # governance.bodies, funding_sources (from the contract)
MIN_LIST_CONFIDENCE = 0.3
BODY_DUPLICATE_SCORE = 85.0


def confidence(prior: str | float, *, ocr: float | None = 1.0, distance: int = 0, ner_agrees: bool = False) -> float:
    """The documented confidence formula (see the module docstring)."""
    base = PRIORS[prior] if isinstance(prior, str) else float(prior)
    value = base * (1.0 if ocr is None else max(0.0, min(1.0, ocr)))
    value *= 1.0 / (1.0 + DISTANCE_PENALTY * max(0, distance))
    if ner_agrees:
        ceiling = value if prior == "label" else max(value, PRIORS["label"] - 0.01)
        value = min(value * NER_BOOST, ceiling)
    return round(max(0.01, min(0.99, value)), 3)


AGREEMENT_BOOST = 1.1
CONFLICT_WEIGHT = 0.5


def _best(candidates: list[Candidate]) -> Candidate:
    # max() keeps the first of equal scores, i.e. the first in reading order.
    return max(candidates, key=lambda c: c.provenance.confidence)


# A count of people beats a close FTE figure: '8 (6.2 FTE)', 'trois agents, soit 1,5 ETP' (the
# contract's staff count is a headcount where the text gives one).
HEADCOUNT_OVER_FTE = 0.75


def _best_staff(candidates: list[Candidate]) -> Candidate:
    best = _best(candidates)
    if not isinstance(best.value, Staff) or best.value.unit != "fte":
        return best
    heads = [c for c in candidates if isinstance(c.value, Staff) and c.value.unit == "headcount"
             and c.provenance.confidence >= HEADCOUNT_OVER_FTE * best.provenance.confidence]
    return _best(heads) if heads else best


def _headcount_over_fte(mine: Staff, mine_conf: float, theirs: Staff, theirs_conf: float) -> bool:
    """Does ``mine``, a headcount, stand against ``theirs``, an FTE figure, with confidence enough?"""
    return mine.unit == "headcount" and theirs.unit == "fte" and mine_conf >= HEADCOUNT_OVER_FTE * theirs_conf


def _same(a: CandidateValue, b: CandidateValue) -> bool:
    """Two readings of one value: budgets by amount and currency, staff by count, text folded."""
    if isinstance(a, Budget) and isinstance(b, Budget):
        return a.amount == b.amount and a.currency == b.currency
    if isinstance(a, Staff) and isinstance(b, Staff):
        return a.count == b.count
    if isinstance(a, str) and isinstance(b, str):
        return fold(a) == fold(b)
    return bool(a == b)


def settle(best: Candidate, others: list[Candidate]) -> Provenance:
    """The winner's provenance with its confidence moved by agreeing and conflicting candidates."""
    conf = best.provenance.confidence
    agree = [c for c in others if c is not best and _same(c.value, best.value) and c.provenance.bbox != best.provenance.bbox]
    conflict = [c.provenance.confidence for c in others if not _same(c.value, best.value)]
    if agree:
        conf *= AGREEMENT_BOOST
    if conflict:
        conf *= 1.0 - CONFLICT_WEIGHT * max(conflict)
    return best.provenance.model_copy(update={"confidence": round(max(0.01, min(0.99, conf)), 3)})


def _dedupe_bodies(candidates: list[Candidate]) -> tuple[list[GovernanceBody], Provenance | None]:
    """Merge mentions of one body (OCR and spelling variants); keep the first well-formed name."""
    merged: list[tuple[BodyMention, str]] = []  # (the body so far, its folded name)
    for cand in candidates:
        value = cand.value
        if not isinstance(value, BodyMention):
            continue
        key = fold(value.name).replace(" ", "")
        for i, (body, body_key) in enumerate(merged):
            if fuzz.ratio(key, body_key) >= BODY_DUPLICATE_SCORE:
                if value.exact and not body.exact:
                    body, body_key = body.model_copy(update={"name": value.name, "exact": True}), key
                if body.members is None and value.members is not None:
                    body = body.model_copy(update={"members": value.members})
                merged[i] = (body, body_key)
                break
        else:
            merged.append((value, key))
    bodies = [GovernanceBody(name=b.name, members=b.members) for b, _ in merged]
    return bodies, _list_provenance(candidates)


def _dedupe_strings(candidates: list[Candidate]) -> tuple[list[str], Provenance | None]:
    values: list[str] = []
    for cand in candidates:
        if isinstance(cand.value, str) and not any(fuzz.ratio(fold(cand.value), fold(v)) >= 90 for v in values):
            values.append(cand.value)
    # Two rules that cut one source at different places ('Scottish' at a line's end, "Scottish
    # Government's digital budget" read on): the shorter is a truncation of the longer.
    folded = [fold(v) for v in values]
    values = [v for v, f in zip(values, folded)
              if not any(other != f and other.startswith(f + " ") for other in folded)]
    return values, _list_provenance(candidates)


def _list_provenance(candidates: list[Candidate]) -> Provenance | None:
    """The first item's provenance, with the weakest item's confidence (the list is as sure as its worst item)."""
    if not candidates:
        return None
    first = candidates[0].provenance
    return first.model_copy(update={"confidence": min(c.provenance.confidence for c in candidates)})


def _clean(cand: Candidate) -> Candidate:
    """The candidate without control characters in its value or source text (a NUL from a text
    layer once made the XLSX export fail)."""
    value, text = clean_value(cand.value), clean_text(cand.provenance.text)
    if value == cand.value and text == cand.provenance.text:
        return cand
    return cand.model_copy(update={"value": value, "provenance": cand.provenance.model_copy(update={"text": text})})


def _national_currency(budget: CandidateValue, country: CandidateValue) -> CandidateValue:
    """The budget with its currency as the lab's country spends it: 'kronen', 'francs' or '$'
    name several currencies, and the record's country (known only now) says which."""
    if not isinstance(budget, Budget) or not isinstance(country, str) or not budget.raw:
        return budget
    code = national_currency(budget.raw, country)
    return budget.model_copy(update={"currency": code}) if code and code != budget.currency else budget


def _of(values: dict[str, CandidateValue], field: str, kind: type[_V]) -> _V | None:
    """The chosen value of ``field``, which its extractors give as a ``kind``."""
    value = values.get(field)
    if value is None or isinstance(value, kind):
        return value
    raise RecordInvalidError(f"the {field} candidate is a {type(value).__name__}, not a {kind.__name__}; "
                             "this is a bug in an extractor, please report it with the input file")


def assemble_record(candidates: Iterable[Candidate], section_info: dict[str, Any] | None = None) -> LabRecord:
    """Choose among the candidates of one section and build the validated record."""
    by_field: dict[str, list[Candidate]] = {}
    for cand in map(_clean, candidates):
        if cand.value is None or cand.value == "":
            continue
        by_field.setdefault(cand.field, []).append(cand)

    values: dict[str, CandidateValue] = {}
    provenance: dict[str, Provenance] = {}
    for field in SCALAR_FIELDS:
        if field in by_field:
            best = _best_staff(by_field[field]) if field == "staff" else _best(by_field[field])
            values[field] = best.value
            provenance[field] = settle(best, by_field[field])
    values["budget"] = _national_currency(values.get("budget"), values.get("country"))
    bodies, body_prov = _dedupe_bodies([c for c in by_field.get("governance.bodies", [])
                                        if c.provenance.confidence >= MIN_LIST_CONFIDENCE])
    funding, funding_prov = _dedupe_strings([c for c in by_field.get("funding_sources", [])
                                             if c.provenance.confidence >= MIN_LIST_CONFIDENCE])
    if body_prov:
        provenance["governance.bodies"] = body_prov
    if funding_prov:
        provenance["funding_sources"] = funding_prov

    governance = None
    if bodies or values.get("governance.text") or values.get("governance.parent"):
        governance = Governance(text=_of(values, "governance.text", str),
                                parent=_of(values, "governance.parent", str), bodies=bodies)
    try:
        return LabRecord(
            name=_of(values, "name", str), acronym=_of(values, "acronym", str), country=_of(values, "country", str),
            website=_of(values, "website", str), founded_year=_of(values, "founded_year", int),
            role=_of(values, "role", str), budget=_of(values, "budget", Budget), staff=_of(values, "staff", Staff),
            governance=governance, funding_sources=funding, provenance=provenance, section=dict(section_info or {}),
        )
    except ValidationError as exc:
        raise RecordInvalidError(
            f"the extracted record for section {section_info!r} breaks the output contract: {exc}; "
            "this is a bug in an extractor, please report it with the input file"
        ) from exc


# --------------------------------------------------------------------------- merging table rows with prose

_MERGE_SCALARS = ("name", "acronym", "country", "website", "founded_year", "role", "budget", "staff")


def _conf(record: LabRecord, key: str) -> float:
    prov = record.provenance.get(key)
    return prov.confidence if prov else 0.0


def merge_records(prose: LabRecord, row: LabRecord) -> LabRecord:
    """One lab described twice: per field the more confident value wins, the other fills gaps."""
    data = prose.model_dump(exclude={"provenance", "section", "governance", "funding_sources"})
    provenance = dict(prose.provenance)
    for field in _MERGE_SCALARS:
        mine, theirs = getattr(prose, field), getattr(row, field)
        if field == "name" and mine is not None and theirs in (prose.acronym, row.acronym):
            continue  # 'NIA' heading a comparison table's column is the prose's National ... Agency
        if field == "name" and isinstance(mine, str) and isinstance(theirs, str) and _shorter_form(theirs, mine):
            continue  # 'Infoway' over the column of Canada Health Infoway; 'Upphandlings-myndigheten' cut in its cell
        # '386,6 mln €' in a table cell is the text's '386,568 miljoen euro' rounded: the text's stays.
        rounded = isinstance(mine, Budget) and isinstance(theirs, Budget) and _rounded_from(theirs, mine)
        # 'employs some 3,100 people' in the text, 'Staff (FTE) 2,934' in a comparison: the headcount
        # stays, as ``_best_staff`` keeps it among one section's candidates.
        headcount_kept = isinstance(mine, Staff) and isinstance(theirs, Staff) and _headcount_over_fte(
            mine, _conf(prose, field), theirs, _conf(row, field))
        headcount_taken = isinstance(mine, Staff) and isinstance(theirs, Staff) and _headcount_over_fte(
            theirs, _conf(row, field), mine, _conf(prose, field))
        if theirs is not None and not rounded and not headcount_kept \
                and (mine is None or headcount_taken or _conf(row, field) > _conf(prose, field)):
            data[field] = theirs.model_dump() if hasattr(theirs, "model_dump") else theirs
            if field in row.provenance:
                provenance[field] = row.provenance[field]
        if mine is not None and theirs is not None and field in provenance:
            loser = min(_conf(prose, field), _conf(row, field))
            factor = AGREEMENT_BOOST if rounded or _same(mine, theirs) else 1.0 - CONFLICT_WEIGHT * loser
            conf = round(max(0.01, min(0.99, provenance[field].confidence * factor)), 3)
            provenance[field] = provenance[field].model_copy(update={"confidence": conf})
    _fill_period(data, prose.budget, row.budget)
    gov_p, gov_r = prose.governance or Governance(), row.governance or Governance()
    governance = Governance(text=gov_p.text or gov_r.text, parent=gov_p.parent or gov_r.parent,
                            bodies=list(gov_p.bodies or gov_r.bodies))
    for key, own in (("governance.text", gov_p.text), ("governance.parent", gov_p.parent),
                     ("governance.bodies", gov_p.bodies)):
        if not own and key in row.provenance:
            provenance[key] = row.provenance[key]
    funding = list(prose.funding_sources) or list(row.funding_sources)
    if not prose.funding_sources and "funding_sources" in row.provenance:
        provenance["funding_sources"] = row.provenance["funding_sources"]
    section = dict(prose.section)
    section["merged"] = [*section.get("merged", []), dict(row.section)]
    has_gov = governance.text or governance.parent or governance.bodies
    return LabRecord(**data, governance=governance if has_gov else None, funding_sources=funding,
                     provenance=provenance, section=section)


def _fill_period(data: dict[str, Any], *budgets: Budget | None) -> None:
    """'Budget (SEK m/year): ≈ 520' in a table and 'SEK 520 million a year' in the text: the same
    amount, so the period one of them says is the other's too."""
    kept = data.get("budget")
    if not kept or kept.get("period") is not None:
        return
    for other in budgets:
        if other is not None and other.period is not None and other.currency == kept.get("currency") \
                and other.amount == kept.get("amount"):
            kept["period"] = other.period
            return


ROUNDING_SHARE = 0.001
"""How far apart two amounts may be for the one with fewer digits to be the other rounded."""


def _rounded_from(short: Budget, full: Budget) -> bool:
    """Is ``short`` the amount ``full`` gives, written with fewer digits ('386,6 mln' of '386,568 miljoen')?"""
    if short.currency != full.currency or not short.amount or not full.amount or short.amount == full.amount:
        return False
    digits = [len(re.findall(r"\d", b.raw or "")) for b in (short, full)]
    return digits[0] < digits[1] and abs(short.amount - full.amount) <= ROUNDING_SHARE * full.amount


def _shorter_form(short: str, full: str) -> bool:
    """Is ``short`` the same name as ``full`` cut to fit a table's cell: its words among the full name's,
    or its letters the same once hyphens and spaces go?"""
    words = fold(short).split()
    letters = re.sub(r"\W", "", fold(short))
    if letters == re.sub(r"\W", "", fold(full)):
        return True
    if re.search(r"[·|]|['’]s\b", full):
        return False  # "South Australia's Office for ...", 'X · <the name in Arabic>': the cell's is the cleaner name
    missing = set(fold(full).split()) - set(words)
    return set(words) < set(fold(full).split()) and any(len(w) > 3 for w in missing)  # not 'The ihub' over 'ihub'


# 'Q1', 'Q2–Q3', 'A4': a questionnaire's code a letter answers under, no lab's name.
_QUESTION_CODE = re.compile(r"(?:Q|[A-Z])?\d{1,2}(?:\s*[–-]\s*(?:Q|[A-Z])?\d{1,2})?")


def merge_same_names(records: list[LabRecord]) -> list[LabRecord]:
    """Two prose sections that name the same lab (a slide and the next one, 'CIHBw: wat valt op',
    under the same full name) are one lab described twice: one record, the first one's section.
    A section named by a question's code ('Q1. Mission and organization. The Office of ... (OCTO)')
    goes to the record with its acronym."""
    records = _fold_question_codes(records)
    kept: list[LabRecord] = []
    by_name: dict[str, int] = {}
    for record in records:
        key = " ".join(fold(record.name).split()) if record.name and record.section.get("kind") != "table_row" else None
        if key is not None and key in by_name:
            kept[by_name[key]] = merge_records(kept[by_name[key]], record)
            continue
        if key is not None:
            by_name[key] = len(kept)
        kept.append(record)
    return _fold_short_forms(kept)


def _fold_short_forms(records: list[LabRecord]) -> list[LabRecord]:
    """'Over de Onderzoeksraad' beside the 'Onderzoeksraad voor Veiligheid', 'An Coimisiún' beside
    'Coimisiún na Meán': a prose record named by one word (after an article) that opens exactly one
    other prose record's name is that lab by its short name, when the rest of the longer name names
    no unit of its own ('voor Veiligheid', not 'AI Lab')."""
    from extract.rules.lexicon import lexicon

    heads = lexicon(None).folded("labs", "heads")
    articles = lexicon(None).folded("words", "articles")
    out: list[LabRecord | None] = list(records)  # by position: two records may be equal field for field
    words = {i: r.name.split() for i, r in enumerate(records) if r.name and r.section.get("kind") != "table_row"}
    # 'An Coimisiún' beside 'Coimisiún na Meán': the article is the short name's, not the lab's.
    words = {i: name[1:] if len(name) == 2 and fold(name[0]) in articles else name for i, name in words.items()}
    for i, name in words.items():
        if len(name) != 1 or len(name[0]) < MIN_SHORT_NAME or not name[0][:1].isupper():
            continue
        longer = [j for j, other in words.items() if len(other) > 1 and other[0] == name[0]
                  and not set(fold(" ".join(other[1:])).split()) & heads]
        if len(longer) == 1 and (into := out[longer[0]]) is not None and (short := out[i]) is not None:
            out[longer[0]] = merge_records(into, short.model_copy(update={"name": None}))
            out[i] = None
    return [r for r in out if r is not None]


MIN_SHORT_NAME = 5


def _fold_question_codes(records: list[LabRecord]) -> list[LabRecord]:
    coded = [r for r in records if r.name and r.acronym and _QUESTION_CODE.fullmatch(r.name.strip())]
    coded_ids = {id(r) for r in coded}  # by identity: two records may be equal field for field
    out = [r for r in records if id(r) not in coded_ids]
    for record in coded:
        owner = next((i for i, r in enumerate(out) if r.acronym == record.acronym), None)
        if owner is None:
            out.append(record)
        else:
            out[owner] = merge_records(out[owner], record)
    return out
