"""One frozen settings object for a run.

Defaults live here; ``[tool.extract]`` in a ``pyproject.toml`` (or an ``extract.toml``)
in the working directory overrides them, and command-line flags override both.
``result_hash()`` covers only what changes results, so it keys caches and run manifests.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from extract.errors import ConfigError


class Limits(BaseModel):
    """Resource limits per input file; over a limit the file fails with kind ``too_large`` or ``timeout``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    max_file_bytes: int = 500 * 1024 * 1024
    max_pages: int = 2000
    max_page_side_pt: float = 14400.0
    """PDF's own maximum page side (200 inches)."""
    max_image_pixels: int = 200_000_000
    """Pixels of one source image or rendered page (Pillow's bomb check uses the same number)."""
    max_render_side_px: int = 8000
    """Longest side of a page image given to OCR (a render, or a large scan shrunk to it). At 12,000 px a
    poster page took a worker past 2 GiB (1.6 GB resident); at 8,000 about 0.8 GB."""
    file_timeout_s: float = 900.0
    page_timeout_s: float = 120.0
    worker_memory_mb: int = 1536
    """Address-space cap of each worker process (RLIMIT_AS); a decompression bomb hits this, not the machine.
    Workers peak at about 900 MB of address space on a 300 DPI scan with Tesseract's engine in them
    (760 MB reading through the command: 2026-12-03, `raw/nido-benchmark-scan.pdf`); under 2 GiB."""
    max_stream_mb: int = 256
    """What one PDF stream may inflate to while its text layer is read; a page past it is skipped."""
    max_page_chars: int = 200_000
    """Characters one PDF page's text operators may draw, counted in its content streams before the
    page is parsed (``read.text_size``; a two-byte font's count twice); a page past it is skipped.
    Parsing takes about 2 KB of worker memory per character: 200,000 is about 400 MB over the
    worker's 650 MB, under worker_memory_mb, and some 20 times a dense A4 page in small print (the
    fixtures' fullest page draws 4,111)."""


BLANK_PAGE_MAX_INK = 0.0001
RULES_ENV = "EXTRACT_RULES"
"""Environment variable naming a user rules folder (``rules_dir``)."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    languages: tuple[str, ...] = ("nld", "eng", "fra")
    """Tesseract language packs for OCR."""
    dpi: int = 300
    """Rendering resolution for OCR of PDF pages."""
    min_words_text_layer: int = 8
    """A page with fewer real words in its text layer goes to OCR."""
    max_garbage_ratio: float = 0.3
    """A text layer with more unreadable glyphs than this share goes to OCR."""
    deskew: bool = True
    orient: bool = True
    """Detect page orientation with Tesseract OSD and turn the page upright."""
    decode_stored_scans: bool = True
    """OCR a scanned PDF page from its stored image instead of a render when that is the same picture
    (``extract.read.scan_image``): about 0.15 s a page less at 300 DPI, and the blank-page check reads the
    decoded image instead of a second render. The render resamples the image by a fraction of a pixel, so
    a few words read differently; on 128 labelled 300 DPI scans (274 pages) field F1 was 0.5031 decoded
    against 0.5038 rendered (20 documents up, 21 down): neither reads better. False renders every page as
    before this became the default (and keeps OCR cache entries made then)."""
    force_ocr: bool = False
    """OCR every page of a PDF, even where its text layer looks good (``--force-ocr``; as OCRmyPDF's
    ``--force-ocr``): for text layers that read well but are wrong (a bad OCR left by a scanner)."""
    blank_page_max_ink: float = BLANK_PAGE_MAX_INK
    """A page needing OCR whose image at about 72 DPI (a render, or the decoded scan image reduced) has no
    more ink than this share of its pixels (0.01%: on A4 about 50 pixels, a page number's worth) is kept
    without words and not OCR'd; -1 OCRs every page."""
    spacy_model: str | None = None
    """Name of an installed trained spaCy pipeline; None uses a blank pipeline plus patterns."""
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1)
    cache_dir: str | None = None
    """Page/OCR cache folder; None keeps it inside the output folder (``<out>/.cache``), so a run
    writes nothing outside its output folder."""
    rules_dir: str | None = None
    """A user rules folder whose ``*.yml`` extend the packaged ``rules/*.yml`` (``--rules``, or the
    ``EXTRACT_RULES`` environment variable); kept absolute, as workers may run elsewhere. Its content,
    not its path, is part of what makes an output current (``extract.rules.loader.user_rules_digest``)."""
    limits: Limits = Field(default_factory=Limits)

    @field_validator("rules_dir")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        return str(Path(value).absolute()) if value else None

    def ocr_key(self) -> dict[str, Any]:
        """Settings that change OCR output (part of the OCR cache key)."""
        key: dict[str, Any] = {"languages": list(self.languages), "dpi": self.dpi, "deskew": self.deskew,
                               "orient": self.orient}
        if self.decode_stored_scans:  # absent when off: the OCR cache entries of renders made before stay valid
            key["decode_stored_scans"] = True
        if self.blank_page_max_ink != BLANK_PAGE_MAX_INK:  # likewise: pages found blank are cached as such
            key["blank_page_max_ink"] = self.blank_page_max_ink
        return key

    def text_key(self) -> dict[str, Any]:
        """Settings that change which pages are OCR'd (part of the page-text cache key)."""
        key: dict[str, Any] = {"min_words_text_layer": self.min_words_text_layer,
                               "max_garbage_ratio": self.max_garbage_ratio}
        if self.force_ocr:  # only when set, so that existing cache entries and output run blocks stay valid
            key["force_ocr"] = True
        return key

    def result_hash(self) -> str:
        """Hash of every setting that can change a record (not workers, cache location or limits)."""
        payload = {**self.ocr_key(), **self.text_key(), "spacy_model": self.spacy_model}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def load_settings(config_dir: Path | None = None, **overrides: Any) -> Settings:
    """Settings from ``[tool.extract]`` of pyproject.toml or extract.toml, then ``overrides`` (None values ignored)."""
    base: dict[str, Any] = {}
    folder = config_dir or Path.cwd()
    for name, table in (("extract.toml", None), ("pyproject.toml", ("tool", "extract"))):
        path = folder / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings from {path}: {exc}") from exc
        for key in table or ():
            data = data.get(key, {})
        base.update(data)
        break
    if os.environ.get(RULES_ENV):  # the environment over the settings file, flags over both
        base["rules_dir"] = os.environ[RULES_ENV]
    base.update({k: v for k, v in overrides.items() if v is not None})
    if "languages" in base and isinstance(base["languages"], str):
        base["languages"] = tuple(base["languages"].replace(",", "+").split("+"))
    try:
        return Settings(**base)
    except Exception as exc:  # pydantic.ValidationError, TypeError for unknown keys
        raise ConfigError(f"invalid settings: {exc}") from exc
