"""A parent named by an acronym that another part of the document spells out (invented names)."""

from __future__ import annotations

from extract.pipeline import process_text

SLIDES = (
    "Kadelab\n\nOpgericht 2019\n\nValt onder MKS\n\nWeb kadelab.example\n"
    "\f"
    "Dokdata\n\nOpgericht 2021\n\n"
    "Dokdata werkt voor het Ministerie van Kustzaken en Scheepvaart (MKS) en de havens.\n\n"
    "Web dokdata.example\n"
)


def _parent(text: str) -> str | None:
    lab = next(r for r in process_text(text).records if r.name == "Kadelab")
    return lab.governance.parent if lab.governance else None


def test_an_acronym_parent_goes_by_the_name_another_slide_defines() -> None:
    """'Valt onder MKS' on the lab's slide; 'Ministerie van Kustzaken en Scheepvaart (MKS)' on the
    next lab's slide, which the first lab's section does not hold."""
    assert _parent(SLIDES) == "Ministerie van Kustzaken en Scheepvaart"


def test_an_acronym_parent_the_document_does_not_spell_out_stays_as_written() -> None:
    assert _parent(SLIDES.replace("het Ministerie van Kustzaken en Scheepvaart (MKS)", "de havens")) == "MKS"
