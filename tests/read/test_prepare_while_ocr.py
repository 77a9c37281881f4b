"""What extraction needs after a scan's last page (rule tables, spaCy, the pipelines of the scan's
language) is built while Tesseract reads its pages (``pipeline.extraction_steps``, ``read.waits``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reader_docs import page_image, pdf_bytes_of_image

from extract.models import Page, Word
from extract.pipeline import PageSink, extraction_steps, read_sections
from extract.settings import Settings

DUTCH = [
    "Het programma werd opgericht in 2015 en heeft een jaarlijks budget van de overheid.",
    "De medewerkers ontwikkelen prototypes samen met burgers en ambtenaren in het lab.",
]


def _record_pipelines(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    import extract.nlp

    calls: list[tuple[Any, ...]] = []
    real = extract.nlp.get_pipeline

    def recorded(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(extract.nlp, "get_pipeline", recorded)
    return calls


def test_the_pipelines_wait_for_a_page_and_are_those_of_its_language(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _record_pipelines(monkeypatch)
    sink = PageSink(lay_out=False, digest=False)
    steps = extraction_steps(Settings(), sink)
    pipelines = steps[-1]
    assert pipelines() is False and calls == []  # no page read yet
    words = [Word(text=w, bbox=(0.0, 0.0, 1.0, 1.0)) for line in DUTCH for w in line.split()]
    sink(Page(number=1, width=595.0, height=842.0, method="ocr", reason="ocr: no text layer", words=words))
    assert pipelines() is True
    assert calls == [("nl",), ("nl", None)]  # as segmentation and the extractors ask for them


def test_a_scan_builds_them_during_its_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.extractors

    calls = _record_pipelines(monkeypatch)
    warmed: list[Settings] = []
    monkeypatch.setattr(extract.extractors, "warm_up", warmed.append)
    path = tmp_path / "scan.pdf"
    img = page_image(DUTCH, dpi=200)
    path.write_bytes(pdf_bytes_of_image(img, 200))
    settings = Settings(dpi=200)
    done: list[tuple[Any, ...]] = []

    import extract.read.tools as tools

    real = tools.while_waiting

    def waiting(wait: Any) -> Any:
        result = real(wait)
        done.append((len(warmed), len(calls)))
        return result

    monkeypatch.setattr(tools, "while_waiting", waiting)
    document, _sections = read_sections(path, settings, prepare=True)
    assert document.pages[0].method == "ocr"
    # The rule tables while the page was OCR'd; no pipeline: no page had been read before, so no language.
    assert done == [(1, 0)]
    read_sections(path, settings)  # not asked to prepare: nothing is built ahead
    assert len(warmed) == 1
