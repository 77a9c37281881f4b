"""A warm page cache means no text extraction and no OCR at all; a change of OCR settings re-runs OCR."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_docs import LINES, make_mixed_pdf, page_image

from extract.models import Page
from extract.read import tools
from extract.read.reader import page_cache_key, read_document
from extract.settings import Settings


class DictStore:
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.gets = 0

    def get(self, key: str) -> Page | None:
        self.gets += 1
        return self.pages.get(key)

    def put(self, key: str, page: Page) -> None:
        self.pages[key] = page


@pytest.fixture
def ocr_calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    real = tools.tesseract_data

    def counting(image_path: Path, **kwargs: object) -> dict:
        calls.append(image_path)
        return real(image_path, **kwargs)

    monkeypatch.setattr(tools, "tesseract_data", counting)
    return calls


def test_cache_key_is_canonical_and_covers_its_inputs() -> None:
    key = page_cache_key("ab" * 32, 1, "ocr", {"dpi": 300, "languages": ["nld"]}, "5.3.0")
    assert len(key) == 64 and int(key, 16) >= 0
    assert key == page_cache_key("ab" * 32, 1, "ocr", {"languages": ["nld"], "dpi": 300}, "5.3.0")
    others = {page_cache_key("ab" * 32, 2, "ocr", {"dpi": 300, "languages": ["nld"]}, "5.3.0"),
              page_cache_key("ab" * 32, 1, "text", {"dpi": 300, "languages": ["nld"]}, "5.3.0"),
              page_cache_key("ab" * 32, 1, "ocr", {"dpi": 200, "languages": ["nld"]}, "5.3.0"),
              page_cache_key("ab" * 32, 1, "ocr", {"dpi": 300, "languages": ["nld"]}, "5.4.0"),
              page_cache_key("cd" * 32, 1, "ocr", {"dpi": 300, "languages": ["nld"]}, "5.3.0")}
    assert key not in others and len(others) == 5


@pytest.mark.slow
def test_mixed_pdf_round_trip_through_the_cache(tmp_path: Path, ocr_calls: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_mixed_pdf(tmp_path / "mixed.pdf")
    settings = Settings(dpi=150)
    store = DictStore()

    cold = read_document(path, settings, cache=store)
    assert [p.method for p in cold.pages] == ["text", "ocr"]
    assert cold.pages[1].figures == []  # the page-sized scan image is the page, not a figure on it
    assert len(ocr_calls) == 1 and len(store.pages) == 3  # two text-layer decisions, one OCR page

    import pdfplumber

    def no_text_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber opened on a warm cache")

    monkeypatch.setattr(pdfplumber, "open", no_text_extraction)
    warm = read_document(path, settings, cache=store)
    assert warm == cold and len(ocr_calls) == 1

    # Another DPI changes OCR output: the scanned page is OCR'd again, the text layer is still cached.
    redo = read_document(path, Settings(dpi=100), cache=store)
    assert len(ocr_calls) == 2 and redo.pages[0] == cold.pages[0]


@pytest.mark.slow
def test_image_file_round_trip_through_the_cache(tmp_path: Path, ocr_calls: list[Path]) -> None:
    path = tmp_path / "page.png"
    page_image(LINES[:3], dpi=150, repeat=1).save(path, dpi=(150, 150))
    store = DictStore()
    settings = Settings(dpi=150)
    cold = read_document(path, settings, cache=store)
    assert len(ocr_calls) == 1
    warm = read_document(path, settings, cache=store)
    assert warm == cold and len(ocr_calls) == 1
    assert "2015" in {w.text for w in warm.pages[0].words}


def test_text_pdf_warm_read_skips_extraction(text_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DictStore()
    settings = Settings()
    cold = read_document(text_pdf, settings, cache=store)
    import pdfplumber

    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("opened")))
    assert read_document(text_pdf, settings, cache=store) == cold
    # A different OCR predicate setting is a different text-layer decision: not served from the cache.
    monkeypatch.undo()
    other = read_document(text_pdf, Settings(min_words_text_layer=3), cache=store)
    assert len(store.pages) == 4 and other.pages[0].words == cold.pages[0].words


def test_a_warm_read_in_a_fresh_process_imports_neither_pdfplumber_nor_numpy(tmp_path: Path) -> None:
    """Issue 17, item 7: a forced warm reprocess reads every page from the cache in the batch's own
    process; importing pdfplumber (for its version, a part of the page keys) and numpy cost it
    0.2-0.25 s of a 1-2 s run. The keys stay those of ``pdfplumber.__version__``."""
    import importlib.metadata
    import subprocess
    import sys

    import pdfplumber

    from extract.read.page_keys import pdfplumber_version
    from extract.store.cache import PageCache

    assert pdfplumber_version() == importlib.metadata.version("pdfplumber") == pdfplumber.__version__
    path = make_mixed_pdf(tmp_path / "mixed.pdf")
    cold = read_document(path, Settings(dpi=150), cache=PageCache(tmp_path / "cache"))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from extract.read.reader import read_document\n"
        "from extract.settings import Settings\n"
        "from extract.store.cache import PageCache\n"
        f"doc = read_document(Path({str(path)!r}), Settings(dpi=150), cache=PageCache(Path({str(tmp_path / 'cache')!r})))\n"
        "print(doc.model_dump_json())\n"
        "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'numpy', 'cv2') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    document, imported = done.stdout.strip().splitlines()
    assert document == cold.model_dump_json()
    assert imported == "[]"
