"""Field extraction: one extractor per field family, then assembly into one record per section.

    Section -> SectionContext (text with offsets, language, label blocks, spaCy doc)
            -> each extractor's Candidates (value, provenance, confidence)
            -> assemble_record (choose, dedupe, validate) -> LabRecord
    table rows are folded into the prose record of the same lab (assemble.merge_table_rows).
"""

from __future__ import annotations

import logging
import re

from extract.extractors.base import Extractor
from extract.extractors.context import SectionContext
from extract.extractors.document_parents import with_document_parents
from extract.extractors.document_sites import document_urls, with_document_sites, without_others_sites
from extract.extractors.funding import FundingExtractor
from extract.extractors.governance import GovernanceExtractor
from extract.extractors.identity import IdentityExtractor
from extract.extractors.money import MoneyExtractor
from extract.extractors.role import RoleExtractor
from extract.extractors.staff import StaffExtractor
from extract.extractors.statements import StatementExtractor
from extract.models import Candidate, EntityStore, LabRecord, Line, Provenance, Section
from extract.rules.lexicon import fold_keep, lexicon
from extract.rules.vocab import fold, match_label
from extract.segment.index_merges import glossing_row, other_language_acronym
from extract.segment.spelled_names import bracketed_native_name
from extract.segment.titles import parse_title
from extract.settings import Settings

log = logging.getLogger(__name__)

EXTRACTORS: tuple[Extractor, ...] = (
    IdentityExtractor(), MoneyExtractor(), StatementExtractor(), StaffExtractor(), GovernanceExtractor(),
    FundingExtractor(), RoleExtractor(),
)
EXTRACTOR_VERSIONS: dict[str, str] = {e.name: e.version for e in EXTRACTORS}


def warm_up(settings: Settings) -> None:
    """Build the rule tables once in this (worker) process.

    The spaCy pipelines are built on first use instead (``extract.nlp.get_pipeline``, cached):
    a reprocess whose entities all come from the cache never imports spaCy, which is most of a
    worker's start-up.
    """
    from extract.nlp import SUPPORTED
    from extract.normalize import find_countries, find_money
    from extract.rules.loader import use_rules_dir

    use_rules_dir(settings.rules_dir)  # before any table is built: a later change would drop them all

    for lang in SUPPORTED:
        lexicon(lang)
        # The normalisers build their tables (babel names, currencies) on first use.
        find_money("1,5 miljoen euro", lang)
        find_countries("Nederland", lang)


def extract_records(sections: list[Section], settings: Settings, *,
                    entity_store: EntityStore | None = None) -> list[LabRecord]:
    """One validated record per section about a lab; table rows merged with prose about the same lab.

    ``entity_store`` remembers spaCy's entities per section text (see ``extract.nlp.find_entities``).
    """
    from extract.assemble.record import assemble_record, merge_same_names
    from extract.assemble.table_rows import merge_table_rows
    from extract.nlp import document_memory_zone
    from extract.segment.platforms import platform_name

    with document_memory_zone():  # spaCy's vocabulary keeps this document's words until its end
        records = []
        for section in sections:
            if section.kind == "table_row" and section.table_fields:
                section = table_row_as_lines(section)
            ctx = SectionContext(section, settings, entity_store=entity_store)
            ctx.subject_names = _subject_names(section, ctx)
            candidates = []
            for extractor in EXTRACTORS:
                candidates += extractor.extract(section, ctx)
            candidates = _without_declined(candidates, ctx)
            info = {"kind": section.kind, "title": section.title, "pages": section.pages, "language": ctx.lang}
            record = assemble_record(candidates, info)
            if record.name is None and _filled(record) < MIN_FIELDS_WITHOUT_NAME:
                log.debug("section %r gave no lab name and little else; skipped", section.title)
                continue
            if section.kind == "heading" and _filled(record) == 0 and not ctx.blocks:
                log.debug("section %r is a heading with nothing of a lab under it; skipped", section.title)
                # 'Side by side' over a table whose columns are the labs, 'Tableau comparatif' over a note,
                # 'Praktisch' over a trip's programme; a labelled answer ('Resources: unknown') is a lab's.
                continue
            if record.name is not None and platform_name(record.name):
                log.debug("section %r is named after a platform, not a lab; skipped", section.title)
                continue  # 'LinkedIn: Digital Cities Network · Mastodon' in a newsletter's footer
            if (_report_heading(record, ctx) and record.website is None and record.budget is None
                    and record.staff is None):
                log.debug("section %r is part of the report, not a lab; skipped", section.title)
                continue
            records.append(record)
    from extract.assemble.record import confidence

    records = _shared_country(merge_table_rows(merge_same_names(records)))
    records = with_document_parents(records, sections)
    # An address naming the lab, printed away from its section (a footnote, a closing slide).
    records = without_others_sites(records)
    return with_document_sites(records, document_urls(sections), confidence=confidence("mention"),
                               tld_confidence=confidence("fallback"),
                               method=f"rule:identity.v{EXTRACTOR_VERSIONS['identity']}:document")


def _shared_country(records: list[LabRecord]) -> list[LabRecord]:
    """A lab whose section names no country is in the country all the document's other labs are in
    (a French ministry's review of its own labs rarely says 'France' in each section). Weak
    evidence: the fallback prior, and only when the others agree."""
    from extract.assemble.record import confidence

    countries = {r.country for r in records if r.country}
    if len(countries) != 1 or len(records) < 2:
        return records
    country = countries.pop()
    known = [r for r in records if r.country]
    evidence = Provenance(text=f"{len(known)} other labs of the document are in {country}",
                          method=f"rule:identity.v{EXTRACTOR_VERSIONS['identity']}:document",
                          confidence=confidence("fallback"))
    return [r if r.country else r.model_copy(update={"country": country,
                                                     "provenance": {**r.provenance, "country": evidence}})
            for r in records]


# A form's answer that there is none silences the field's other readings in the section.
_DECLINABLE = {"staff": "staff", "budget": "budget", "founded": "founded_year", "website": "website"}


def _without_declined(candidates: list[Candidate], ctx: SectionContext) -> list[Candidate]:
    """'Staff (head count, latest year)' / 'n/a' on a form: the lab gives no staff figure, so '15
    staff' said of its first year in another answer is none either."""
    lex = ctx.lex
    none = lex.folded("words", "answers_no") | lex.folded("words", "not_applicable") | {"—", "-", "–"}
    declined = set()
    for block_field, field in _DECLINABLE.items():
        block = ctx.block(block_field)
        if block is None:
            continue
        # Its first line: a page's running header may follow a short answer at a page's foot.
        answer = ctx.text[block.value_start:block.end].strip().split("\n")[0].strip()
        # The whole answer: not 'no yearly figure; RON 12 million for 2022-2025', nor 'geen; de salarissen
        # lopen via ...' (no budget of its own, money elsewhere).
        if fold_keep(answer).strip(" .") in none:
            declined.add(field)
    return [c for c in candidates if c.field not in declined] if declined else candidates


MIN_FIELDS_WITHOUT_NAME = 3


def _filled(record: LabRecord) -> int:
    fields = ("acronym", "website", "founded_year", "budget", "staff", "governance", "role")
    return sum(getattr(record, f) is not None for f in fields) + bool(record.funding_sources)


def _report_heading(record: LabRecord, ctx: SectionContext) -> bool:
    """'Inleiding', 'Method', 'Conclusions': a chapter of the report rather than a lab."""
    name = re.sub(r"^[\d.\s]+", "", record.name or "").strip(" :.")
    return fold(name) in {fold(w) for key in ("non_lab_headings", "report_chapters") for w in ctx.lex.words("title", key)}


def _subject_names(section: Section, ctx: SectionContext) -> list[str]:
    """Names the lab goes by in its own text (title name and acronym), to recognise 'X financieren <lab>'."""
    names: list[str] = []
    if section.title:
        parts = parse_title(section.title, ctx.lex, document=section.kind == "document")
        names += [n for n in (parts.name, parts.acronym) if n]
        if parts.name and (native := bracketed_native_name(parts.name, ctx.text)) is not None:
            names.append(native)
        if parts.acronym and (other := other_language_acronym(parts.acronym, ctx.text)) is not None:
            names.append(other)  # 'IFSN ... En allemand : ... (ENSI)', whose site is ensi.ch
        # 'Engels  European Patent Office (EPO)' among its key facts: www.epo.org is the EOB's.
        names += [acronym for line in section.lines for _, acronym in glossing_row(line.text)]
        names += _short_company_names(parts.name, ctx) if parts.name else []
        names += _named_by_trade_name(parts.name, ctx) if parts.name else []
    block = ctx.block("name")
    answer = ctx.block_text(block).splitlines() if block is not None else []
    if answer:  # (a 'Name:' left blank names nothing)
        names.append(answer[0])
    return names


def _short_company_names(name: str, ctx: SectionContext) -> list[str]:
    """'Swedfund International AB' is 'Swedfund International' and 'Swedfund' in its own text: the
    name without its legal form, and its first word when a word stands between them."""
    words = name.split()
    forms = ctx.lex.folded("labs", "legal_suffixes")
    if len(words) < 2 or fold_keep(words[-1]).replace(".", "") not in forms:
        return []
    shorter = [" ".join(words[:-1])]
    if len(words) >= 3 and words[0][:1].isupper() and len(words[0]) >= MIN_SHORT_COMPANY_CHARS:
        shorter.append(words[0])
    return shorter


def _named_by_trade_name(name: str, ctx: SectionContext) -> list[str]:
    """'Fáilte Ireland is the operating name of the National Tourism Development Authority, which was
    established in 2003': the body whose trade name the lab's name is, is the lab (labs.trade_name_phrases)."""
    from extract.extractors.phrases import org_phrase

    for found in re.finditer(re.escape(fold_keep(name)), ctx.folded):
        phrase = ctx.lex.regex("labs", "trade_name_phrases").search(ctx.folded, found.end(), found.end() + TRADE_NAME_CHARS)
        span = org_phrase(ctx.text, phrase.end(), ctx.lex) if phrase is not None else None
        if span is not None:
            return [re.sub(r"\s+", " ", ctx.text[span[0]:span[1]])]
    return []


TRADE_NAME_CHARS = 30
"""From the lab's name to 'operating name of': 'Fáilte Ireland is the operating name of'."""
MIN_SHORT_COMPANY_CHARS = 4
"""A company's first word is its short name when it is this long at least ('Swedfund', not 'The')."""


def table_row_as_lines(section: Section) -> Section:
    """A table row as 'Header: value' lines, so the label rules read it like a fact sheet.

    A header not in ``rules/labels.yml`` is tried word by word ('Jaarlijks budget (EUR)' -> budget);
    the first column names the lab when no header says 'name'.
    """
    lines: list[Line] = []
    first = section.lines[0] if section.lines else None
    page = first.page if first else 1
    bbox = first.bbox if first else (0.0, 0.0, 0.0, 0.0)
    conf = first.conf if first else None
    title = section.title
    for index, (header, value) in enumerate(section.table_fields.items()):
        value = re.sub(r"\s+", " ", value).strip()
        if not value:
            continue
        label = _header_label(header)
        if label is None and index == 0 and not title:
            title = value
            continue
        # What the header says beyond its label stays with the value: 'Budget (per jaar)'.
        rest = re.sub(r"[()\[\]]", " ", header.replace(label, "", 1) if label else "").strip(" :-–")
        text = f"{label or header}: {value}" + (f" ({rest})" if rest else "")
        lines.append(Line(page=page, text=text, bbox=bbox, role="table", conf=conf))
    return section.model_copy(update={"lines": lines, "title": title})


def _header_label(header: str) -> str | None:
    header = re.sub(r"\s+", " ", header).strip(" :")
    if match_label(f"{header}: x"):
        return header
    words = re.findall(r"[\w'’-]+", header)
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            candidate = " ".join(words[i:i + size])
            if match_label(f"{candidate}: x"):
                return candidate
    return None
