"""Parents named by an acronym another part of the document spells out. A slide's 'Valt onder: MTI'
or a table's 'Tutelle: BMG' names the parent by letters the text defines elsewhere ('the Ministry of
Trade and Industry (MTI)' on another slide); a section sees only its own text, so the full name is
looked up here, over the whole document.
"""

from __future__ import annotations

from extract.models import LabRecord, Section
from extract.rules.lexicon import fold_keep
from extract.segment.spelling import is_acronym


def document_text(sections: list[Section]) -> str:
    """Every line of the document's sections and footnotes, one per line."""
    return "\n".join(line.text for section in sections for line in [*section.lines, *section.footnotes])


def with_document_parents(records: list[LabRecord], sections: list[Section]) -> list[LabRecord]:
    """The records, an acronym parent replaced by the full name the document's text defines for it,
    unless that name is one of the document's labs. The text is read only when a parent is an acronym."""
    if not any(r.governance and r.governance.parent and is_acronym(r.governance.parent) for r in records):
        return records
    from extract.segment.acronyms import defined_names

    full = defined_names(document_text(sections))
    labs = {fold_keep(n) for r in records for n in (r.name, r.acronym) if n}
    out = []
    for record in records:
        parent = record.governance.parent if record.governance else None
        name = full.get(parent) if parent else None
        if record.governance is None or name is None or fold_keep(name) in labs:
            out.append(record)
            continue
        governance = record.governance.model_copy(update={"parent": name})
        out.append(record.model_copy(update={"governance": governance}))
    return out
