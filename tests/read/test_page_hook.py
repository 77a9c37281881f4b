"""``read_document(on_page=...)``: each final page goes to the hook once, as soon as it is known, and
the Document keeps what the hook returns (the pipeline lays pages out there and drops their words)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_docs import LINES, make_mixed_pdf, make_text_pdf

from extract.models import Page
from extract.read.reader import read_document
from extract.read.text_chunks import SHARED_CHUNK
from extract.settings import Settings


class DictStore:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}

    def get(self, key: str) -> Page | None:
        return self.pages.get(key)

    def put(self, key: str, page: Page) -> None:
        self.pages[key] = page


def _slim(seen: list[Page]):
    def on_page(page: Page) -> Page:
        seen.append(page)
        return page.model_copy(update={"words": []})

    return on_page


def test_pages_reach_the_hook_while_later_chunks_are_still_unread(tmp_path: Path, settings: Settings) -> None:
    count = 2 * SHARED_CHUNK + 3
    path = make_text_pdf(tmp_path / "long.pdf", [[f"Page {n}: {line}" for line in LINES] for n in range(count)])
    produced: list[object] = []

    def page_map(fn, items):  # a worker's page_map: a generator, results in order as they are done
        for item in items:
            produced.append(item)
            yield fn(item)

    seen: list[Page] = []
    chunks_read_when_seen: list[int] = []

    def on_page(page: Page) -> Page:
        chunks_read_when_seen.append(len(produced))
        return _slim(seen)(page)

    document = read_document(path, settings, page_map=page_map, on_page=on_page)
    assert [page.number for page in seen] == list(range(1, count + 1))
    assert all(page.words for page in seen)  # the hook sees every word
    assert chunks_read_when_seen[0] == 1  # page 1 was handed over before the second chunk was read
    assert [page.number for page in document.pages] == list(range(1, count + 1))
    assert not any(page.words for page in document.pages)  # the Document holds the hook's pages
    whole = read_document(path, settings)
    assert [page.model_copy(update={"words": []}) for page in whole.pages] == document.pages
    assert seen == whole.pages


@pytest.mark.slow
def test_text_and_ocr_pages_reach_the_hook_once_cold_and_warm(tmp_path: Path) -> None:
    path = make_mixed_pdf(tmp_path / "mixed.pdf")
    settings, store = Settings(dpi=150), DictStore()

    for _run in ("cold", "warm"):
        seen: list[Page] = []
        document = read_document(path, settings, cache=store, on_page=_slim(seen))
        # The scanned page's text-layer decision ('ocr: ...') waits for its OCR; only the final page is handed over.
        assert [(page.number, page.method) for page in seen] == [(1, "text"), (2, "ocr")]
        assert all(page.words for page in seen)
        assert [page.words for page in document.pages] == [[], []]
    # The cache stores whole pages, whatever the hook keeps.
    assert all(page.words for page in store.pages.values() if not page.reason.startswith("ocr:"))
