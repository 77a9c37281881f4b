"""Tesseract in-process (read/tesseract_lib.py): the same word table as the command, page after page;
the command when the library cannot be used; the page time limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reader_docs import LINES, page_image

from extract.errors import FileTimeoutError
from extract.read import tesseract_lib, tools

LANGS = "nld+eng+fra"


@pytest.fixture(autouse=True)
def fresh_library(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(tesseract_lib.LIBRARY_ENV, raising=False)
    tesseract_lib.reset()
    yield
    tesseract_lib.reset()


def _engine() -> tesseract_lib.Engine:
    with tesseract_lib.borrowed(LANGS, tools.tesseract_version()) as made:
        if made is None:
            pytest.skip("libtesseract is not installed (or is another version than the tesseract command)")
        return made


def _command(gray: np.ndarray, tmp_path: Path, psm: int) -> dict[str, list[object]]:
    return tools.tesseract_data(tools.write_pgm(gray, tmp_path / f"cmd-{psm}.pgm"), languages=LANGS, psm=psm)


def _pages() -> list[np.ndarray]:
    upright = page_image(dpi=200)
    other = page_image(LINES[::-1], dpi=200, size_pt=10, repeat=2).rotate(1.5, resample=Image.BILINEAR, fillcolor=255)
    turned = page_image(dpi=200, repeat=2).rotate(90, expand=True, fillcolor=255)
    return [np.asarray(img.convert("L")) for img in (upright, other, turned)]


def test_library_gives_the_commands_word_table_page_after_page(tmp_path: Path) -> None:
    engine = _engine()
    pages = _pages()
    expected = [(_command(gray, tmp_path, psm), gray, psm) for gray, psm in zip(pages, (3, 3, 1))]
    # One engine reads them all, twice, in two orders: nothing it learnt from a page changes the next.
    for want, gray, psm in expected + expected[::-1]:
        got = tools.tesseract_data(gray, languages=LANGS, psm=psm)
        assert got == want
    words = [str(w).strip() for w in expected[0][0]["text"] if str(w).strip()]
    assert len(words) > 50 and "ministries" in words
    with tesseract_lib.borrowed(LANGS, tools.tesseract_version()) as again:
        assert again is engine  # one engine per process and languages, initialised once
        with tesseract_lib.borrowed(LANGS, tools.tesseract_version()) as other:
            assert other is not None and other is not engine  # another thread reading meanwhile gets its own


def test_without_the_library_the_command_reads_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gray = _pages()[0]
    monkeypatch.setenv(tesseract_lib.LIBRARY_ENV, str(tmp_path / "missing" / "libtesseract.so.5"))
    tesseract_lib.reset()
    with tesseract_lib.borrowed(LANGS, tools.tesseract_version()) as none:
        assert none is None
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    data = tools.tesseract_data(gray, languages=LANGS, psm=3, scratch=scratch)
    assert (scratch / "page.pgm").is_file()  # written for the command
    assert data == _command(gray, tmp_path, 3)
    with pytest.raises(ValueError, match="scratch"):
        tools.tesseract_data(gray, languages=LANGS, psm=3)


def test_library_of_another_version_is_not_used() -> None:
    _engine()
    tesseract_lib.reset()
    with tesseract_lib.borrowed(LANGS, "4.1.1") as none:
        assert none is None


def test_page_past_its_time_limit_fails_as_with_the_command() -> None:
    _engine()
    with pytest.raises(FileTimeoutError, match="page_timeout_s") as caught:
        tools.tesseract_data(_pages()[0], languages=LANGS, psm=3, timeout=0.001, page=4)
    assert caught.value.page == 4
    # The engine is fine afterwards.
    assert tools.tesseract_data(_pages()[0], languages=LANGS, psm=3)["text"]


def test_a_helper_workers_preload_leaves_an_engine_for_its_first_page(tmp_path: Path) -> None:
    """Issue 17, item 7: the helper of a lone scan loads the models while it waits for its first page
    (about 0.27 s off that page's path); the page borrows that engine and reads as the command does."""
    from extract.batch.worker_process import _preload_ocr
    from extract.settings import Settings

    _engine()  # skips without the library
    tesseract_lib.reset()
    _preload_ocr(Settings(languages=LANGS.split("+")))
    preloaded = tesseract_lib._free.get(LANGS)
    assert preloaded and len(preloaded) == 1
    gray = _pages()[0]
    assert tools.tesseract_data(gray, languages=LANGS, psm=3) == _command(gray, tmp_path, 3)
    assert tesseract_lib._free[LANGS] == preloaded  # the same engine, put back: no second one was made
