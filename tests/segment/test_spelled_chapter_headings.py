"""A paper's chapter headed by an organisation's full name whose text then only uses its acronym
('1. La Direction générale des Phares' over 'La DGPh est née en 2008 ...'): the part is titled by
the heading's name with the acronym (invented names)."""

from __future__ import annotations

from index_helpers import index_of
from layout_boxes import FlowBuilder

from extract.segment.lab_index import LabEntry
from extract.segment.prose_parts import _spelled_heading


def _index():  # type: ignore[no-untyped-def]
    flow = FlowBuilder()
    flow.paragraph(["La DGPh est née en avril 2008 de la fusion de deux directions."])
    return index_of(flow, "fr")


def test_a_chapter_heading_spells_the_acronym_its_text_uses() -> None:
    assert _spelled_heading("La Direction générale des Phares", LabEntry(name="DGPh"), _index()) \
        == "Direction générale des Phares (DGPh)"


def test_no_title_from_a_heading_that_does_not_spell_it() -> None:
    index = _index()
    assert _spelled_heading("La Direction des Balises", LabEntry(name="DGPh"), index) is None
    assert _spelled_heading("La Direction générale des Phares", LabEntry(name="Phares"), index) is None
    assert _spelled_heading("La Direction générale des Phares", LabEntry(name="DGPh", acronym="DGPh"), index) is None
