"""A section in the making, shared by the ways segmentation finds them (``sections``,
``heading_parts``, ``document_title``), and how sure each way is of its lab."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.models import Line
from extract.rules.vocab import fold, load_labels


@dataclass
class Part:
    """A section in the making: where it starts in the line list (for ordering) and its lines."""

    order: float
    kind: str
    title: str | None
    lines: list[Line]
    start: int = 0
    stop: int = 0
    table_fields: dict[str, str] = field(default_factory=dict)
    assignment: float = 1.0


# How sure each way of giving text to a lab is (Section.assignment).
PARAGRAPH_ASSIGNMENT = 0.8
"""Paragraphs given to the lab they open with or name most."""
SALIENT_ASSIGNMENT = 0.85
"""A whole document given to the lab it names most."""
TITLE_ASSIGNMENT = 0.7
"""A whole document named after its title: no lab name was found in it."""


def all_labels() -> set[str]:
    return {fold(label) for by_lang in load_labels().values() for labels in by_lang.values() for label in labels}
