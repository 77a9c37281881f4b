"""Fixtures for the reader tests; documents are generated at test time (see reader_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_docs import LINES, make_text_pdf

from extract.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def text_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_text_pdf(tmp_path_factory.mktemp("pdf") / "text.pdf", [LINES, LINES[::-1]])
