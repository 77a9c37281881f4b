"""extract: reports about public-sector innovation labs -> validated JSON records.

The Python API (see the README's "Python API")::

    import extract

    output = extract.extract_file("raw/report.pdf")          # an OutputFile
    for result in extract.extract_files(["a.pdf", "b.pdf"]):  # FileResult per file
        print(result.path, result.ok)

``import extract`` stays cheap: the names below are loaded on first use (``__getattr__``), and
the pipeline (spaCy, pdfplumber, OCR) only when a file is processed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from extract.api import FileResult, extract_file, extract_files
    from extract.models import LabRecord, OutputFile
    from extract.settings import Settings, load_settings

_LAZY = {
    "extract_file": "extract.api",
    "extract_files": "extract.api",
    "FileResult": "extract.api",
    "OutputFile": "extract.models",
    "LabRecord": "extract.models",
    "Settings": "extract.settings",
    "load_settings": "extract.settings",
}

__all__ = ["FileResult", "LabRecord", "OutputFile", "Settings", "__version__", "extract_file", "extract_files",
           "load_settings"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
