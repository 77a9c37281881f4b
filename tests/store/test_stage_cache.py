"""A reprocess starts where something changed: sections, spaCy entities and records come from the
cache when the same input went through the same code, and never when that code or its rules changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import extract.extractors
import extract.layout.build
import extract.nlp
from extract.models import Page
from extract.pipeline import (
    EXTRACTION_STAGE,
    SECTION_STAGE,
    process_file,
    read_sections,
    records_key,
    sections_key,
    sections_of,
)
from extract.read.reader import read_document
from extract.settings import Settings
from extract.store.cache import PageCache
from extract.store.fingerprint import code_fingerprint, reached_modules

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "corpus" / "en-profile-cards.pdf"


def _run(path: Path, cache: PageCache) -> dict:
    output = process_file(path, Settings(), cache=cache)
    return output.model_dump(mode="json")


def test_second_run_skips_layout_and_spacy_with_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PageCache(tmp_path / "cache")
    first = _run(SAMPLE, cache)
    assert first["records"], "the sample must give records for this test to mean anything"
    assert list((tmp_path / "cache" / "sections").rglob("*.json"))
    assert list((tmp_path / "cache" / "entities").rglob("*.json"))

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("recomputed although cached")

    monkeypatch.setattr(extract.layout.build, "lay_out_page", fail)
    monkeypatch.setattr(extract.layout.build, "lines_of", fail)
    monkeypatch.setattr(extract.nlp, "get_pipeline", fail)
    assert _run(SAMPLE, cache) == first


def test_a_reprocess_with_nothing_changed_upstream_does_not_run_the_extractors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PageCache(tmp_path / "cache")
    first = _run(SAMPLE, cache)
    assert first["records"] and list((tmp_path / "cache" / "records").rglob("*.json"))

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("extracted again although nothing changed")

    monkeypatch.setattr(extract.extractors, "extract_records", fail)
    assert _run(SAMPLE, cache) == first
    # no cache: the extractors run (and here, fail)
    with pytest.raises(AssertionError, match="extracted again"):
        process_file(SAMPLE, Settings())


def test_the_records_key_follows_sections_rules_and_model(tmp_path: Path) -> None:
    _, sections = read_sections(SAMPLE, Settings())
    key = records_key(sections, Settings())
    assert records_key(sections, Settings()) == key
    assert records_key(sections[1:], Settings()) != key
    edited = sections[0].model_copy(update={"title": (sections[0].title or "") + " (edited)"})
    assert records_key([edited, *sections[1:]], Settings()) != key
    assert records_key(sections, Settings(spacy_model="xx_invented_model")) != key
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "nl.yml").write_text("labs:\n  heads: [bureau]\n", encoding="utf-8")
    with_folder = records_key(sections, Settings(rules_dir=str(folder)))
    assert with_folder != key
    (folder / "nl.yml").write_text("labs:\n  heads: [bureau, dienst]\n", encoding="utf-8")
    assert records_key(sections, Settings(rules_dir=str(folder))) != with_folder


def test_extraction_stage_fingerprint_covers_extractors_normalisers_and_assembly() -> None:
    reached = reached_modules(EXTRACTION_STAGE)
    for module in ("extract.extractors.money", "extract.extractors.funding", "extract.normalize.money",
                   "extract.assemble.record", "extract.nlp", "extract.segment.platforms", "extract.models"):
        assert module in reached


def test_corrupt_sections_entities_and_records_are_recomputed(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "cache")
    first = _run(SAMPLE, cache)
    damaged = {path.parts[-3] for path in (tmp_path / "cache").glob("*/*/*.json")
               if path.parts[-3] in ("sections", "entities", "records")}
    assert damaged == {"sections", "entities", "records"}
    for path in (tmp_path / "cache").glob("*/*/*.json"):
        if path.parts[-3] in damaged:
            path.write_text('{"not": "what was stored"')
    assert _run(SAMPLE, cache) == first
    # the damaged entries were replaced by good ones
    cache.hits = cache.misses = 0
    assert _run(SAMPLE, cache) == first
    assert cache.misses == 0


def test_pages_are_laid_out_as_they_are_read_and_equal_a_whole_document_layout() -> None:
    document, sections = read_sections(SAMPLE, Settings())
    assert sections and not any(page.words for page in document.pages)
    assert sections == sections_of(read_document(SAMPLE, Settings()))


def test_cached_sections_are_not_used_when_the_pages_read_differ(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PageCache(tmp_path / "cache")
    _, first = read_sections(SAMPLE, Settings(), cache=cache)
    # Another reading of the same file (a new pdfplumber, an OCR page that timed out last time):
    # here, one word changed in a cached page.
    changed = 0
    for entry in (tmp_path / "cache").glob("??/*.json"):
        page = Page.model_validate_json(entry.read_bytes())
        if page.number == 1 and page.words:
            words = [page.words[0]._replace(text="Qwertyuiop"), *page.words[1:]]
            entry.write_text(page.model_copy(update={"words": words}).model_dump_json())
            changed += 1
    assert changed == 1
    laid_out: list[int] = []
    real = extract.layout.build.lay_out_page

    def counting(page: Page):
        laid_out.append(page.number)
        return real(page)

    monkeypatch.setattr(extract.layout.build, "lay_out_page", counting)
    _, second = read_sections(SAMPLE, Settings(), cache=cache)
    assert laid_out and second != first
    laid_out.clear()
    _, third = read_sections(SAMPLE, Settings(), cache=cache)  # the new sections were stored
    assert not laid_out and third == second


def test_sections_key_follows_the_pages(tmp_path: Path) -> None:
    document = read_document(SAMPLE, Settings())
    key = sections_key(document)
    assert sections_key(read_document(SAMPLE, Settings())) == key
    page = document.pages[0]
    moved = page.model_copy(update={"words": [w._replace(text=w.text + "x") for w in page.words[:1]] + page.words[1:]})
    changed = document.model_copy(update={"pages": [moved, *document.pages[1:]]})
    assert sections_key(changed) != key


def test_section_stage_fingerprint_covers_layout_and_segmentation_code_only() -> None:
    reached = reached_modules(SECTION_STAGE)
    for module in ("extract.layout.build", "extract.layout.headings", "extract.segment.sections", "extract.layout.tables",
                   "extract.rules.vocab", "extract.models", "extract.normalize.language"):
        assert module in reached
    # an extractor change must not throw away the layout work
    assert not [m for m in reached if m.startswith(("extract.extractors", "extract.assemble"))]


def test_fingerprint_changes_with_rules_and_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fingerprint hashes files as they are on disk: a copied package with one edited file differs."""
    import extract.store.fingerprint as fingerprint

    package = tmp_path / "extract"
    shutil.copytree(Path(fingerprint.__file__).parents[1], package,
                    ignore=shutil.ignore_patterns("__pycache__", "review"))
    copy_file = package / "store" / "fingerprint.py"
    monkeypatch.setattr(fingerprint, "__file__", str(copy_file))
    monkeypatch.setattr(fingerprint, "_package_root", lambda: package)
    code_fingerprint.cache_clear()
    before = code_fingerprint(SECTION_STAGE)
    code_fingerprint.cache_clear()
    assert code_fingerprint(SECTION_STAGE) == before
    (package / "layout" / "headings.py").write_text((package / "layout" / "headings.py").read_text() + "\n# edited\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(SECTION_STAGE) != before
    (package / "extractors" / "money.py").write_text("# an extractor edit\n")
    code_fingerprint.cache_clear()
    edited = code_fingerprint(SECTION_STAGE)
    (package / "extractors" / "money.py").write_text("# another extractor edit\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(SECTION_STAGE) == edited
    code_fingerprint.cache_clear()
    with_labels = code_fingerprint(SECTION_STAGE, ("rules/labels.yml",))
    (package / "rules" / "labels.yml").write_text((package / "rules" / "labels.yml").read_text() + "\n# edited\n")
    code_fingerprint.cache_clear()
    assert code_fingerprint(SECTION_STAGE, ("rules/labels.yml",)) != with_labels
    code_fingerprint.cache_clear()


def test_a_file_is_hashed_once_though_the_sections_key_needs_it_before_reading(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.read.reader
    import extract.read.sniff

    calls: list[Path] = []
    real = extract.read.sniff.file_sha256

    def counting(path: Path) -> str:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(extract.read.sniff, "file_sha256", counting)
    monkeypatch.setattr(extract.read.reader, "file_sha256", counting)
    cache = PageCache(tmp_path / "cache")
    for _run_number in range(2):  # cold, then warm (sections from the cache)
        calls.clear()
        _run(SAMPLE, cache)
        assert len(calls) == 1


def test_sections_keep_layouts_lines_and_validate_lines_read_back(tmp_path: Path) -> None:
    document = read_document(SAMPLE, Settings())
    lines = extract.layout.build.build_lines(document)
    sections = sections_of(document)
    assert sections and all(type(line) is type(lines[0]) for s in sections for line in s.lines)
    # Layout's own lines are kept, not copied (a long report held them twice); read back from the
    # cache's JSON they are validated into Lines again, equal to what was stored.
    from extract.models import Section, StoredSections

    section = Section(kind="document", title=None, lines=lines[:3])
    assert all(kept is made for kept, made in zip(section.lines, lines[:3]))
    stored = StoredSections(pages_digest="x", sections=sections)
    assert StoredSections.model_validate_json(stored.model_dump_json()) == stored
    with pytest.raises(ValueError):
        Section.model_validate({"kind": "document", "title": None, "lines": [[1, "a", [0, 0, 1, 1], "nope"]]})


def test_the_entities_key_names_the_model() -> None:
    blank = extract.nlp.entities_key("Zeta Lab in Utrecht", "nl", None)
    assert extract.nlp.entities_key("Zeta Lab in Utrecht", "nl", "xx_invented_model") != blank
    assert extract.nlp.entities_key("Zeta Lab in Utrecht", "nl", None) == blank
