"""Pages wait for the document passes packed (``PackedLayout``); packing must change nothing."""

from __future__ import annotations

import pytest
from layout_boxes import seed_document

from extract.layout.build import build_lines, lay_out_page, lines_of
from extract.layout.lines import PackedLayout


@pytest.mark.parametrize("ocr", [False, True])
def test_a_packed_page_unpacks_to_the_same_drafts_and_tables(ocr: bool) -> None:
    document, _ = seed_document(ocr=ocr)
    packed_bytes = drafts = 0
    for page in document.pages:
        layout = lay_out_page(page)
        packed = PackedLayout.of(layout)
        assert packed.number == page.number
        assert packed.unpack() == layout
        packed_bytes += len(packed.blob)
        drafts += len(layout.drafts)
    # Field values only, compressed: ~80 bytes a line here, where a live draft takes ~600.
    assert packed_bytes < 120 * drafts


@pytest.mark.parametrize("ocr", [False, True])
def test_lines_from_packed_pages_equal_lines_from_the_whole_document(ocr: bool) -> None:
    document, _ = seed_document(ocr=ocr)
    packed = [PackedLayout.of(lay_out_page(page)) for page in document.pages]
    assert lines_of([p.unpack() for p in packed]) == build_lines(document)


def test_the_document_passes_let_the_pages_drafts_go() -> None:
    document, _ = seed_document()
    layouts = [lay_out_page(page) for page in document.pages]
    assert any(layout.drafts for layout in layouts)
    lines = lines_of(layouts)
    assert lines and all(layout.drafts == [] for layout in layouts)
