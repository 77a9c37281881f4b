"""The Python API (``extract.extract_file``, ``extract.extract_files``): cheap to import, corrections
applied by default, a bad file a typed result that never stops the iteration."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import extract
from extract.errors import FileTimeoutError, NotADocumentError
from extract.settings import Limits, Settings

CORRECTION = """\
source: raw/nido-benchmark.pdf
records:
  rijks innovatie community:
    name: Rijks Innovatie Community
    fields:
      budget.amount:
        value: 350000
        status: corrected
        by: tester
        at: '2026-12-01T10:00:00Z'
        machine_value: 340000
"""


def test_import_extract_loads_no_pipeline() -> None:
    code = ("import sys, extract; extract.extract_file; extract.extract_files; extract.FileResult; "
            "heavy = [m for m in ('spacy', 'pdfplumber', 'cv2', 'pypdfium2', 'lingua') if m in sys.modules]; "
            "print(heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        extract.no_such_thing  # noqa: B018


@pytest.fixture
def folder(tmp_path: Path, raw_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "raw").mkdir()
    shutil.copy(raw_dir / "nido-benchmark.pdf", tmp_path / "raw" / "nido-benchmark.pdf")
    (tmp_path / "corrections").mkdir()
    (tmp_path / "corrections" / "nido-benchmark.yml").write_text(CORRECTION, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _ric(output: extract.OutputFile) -> extract.LabRecord:
    return next(r for r in output.records if r.name == "Rijks Innovatie Community")


def test_extract_file_applies_stored_corrections_by_default(folder: Path) -> None:
    corrected = extract.extract_file("raw/nido-benchmark.pdf")
    assert corrected.source.path == "raw/nido-benchmark.pdf"
    record = _ric(corrected)
    assert record.budget is not None and record.budget.amount == 350000
    assert record.corrections["budget.amount"].machine_value == 340000
    machine = _ric(extract.extract_file("raw/nido-benchmark.pdf", corrections=False))
    assert machine.budget is not None and machine.budget.amount == 340000 and not machine.corrections
    assert len(corrected.records) == 9


def test_extract_file_raises_typed_errors(folder: Path) -> None:
    with pytest.raises(NotADocumentError, match="does not exist"):
        extract.extract_file("raw/missing.pdf")
    with zipfile.ZipFile(folder / "raw" / "report.docx", "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(NotADocumentError, match="export it as PDF"):
        extract.extract_file(folder / "raw" / "report.docx")


def test_extract_files_yields_every_file_in_order_with_typed_errors(folder: Path) -> None:
    (folder / "raw" / "notes.bin").write_bytes(b"PK\x03\x04 not really a document")
    paths = ["raw/notes.bin", "raw/nido-benchmark.pdf", "raw/gone.pdf"]
    results = list(extract.extract_files(paths, workers=1))
    assert [str(r.path) for r in results] == paths
    bad, good, gone = results
    assert isinstance(bad.error, NotADocumentError) and bad.output is None and not bad.ok
    assert good.ok and good.output is not None and _ric(good.output).budget.amount == 350000  # type: ignore[union-attr]
    assert isinstance(gone.error, NotADocumentError) and "does not exist" in str(gone.error)


def test_extract_files_past_its_deadline_is_a_timeout_result(folder: Path) -> None:
    settings = Settings(workers=1, limits=Limits(file_timeout_s=0.05))
    [result] = extract.extract_files(["raw/nido-benchmark.pdf"], settings=settings)
    assert isinstance(result.error, FileTimeoutError) and result.error.kind == "timeout"


def test_page_images_of_one_report_are_one_document(tmp_path: Path, raw_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    monkeypatch.chdir(tmp_path)
    document = pypdfium2.PdfDocument(str(raw_dir / "nido-benchmark.pdf"))
    for number, page in ((1, 1), (2, 2)):  # the pages of RIC and LabX
        document[page].render(scale=150 / 72).to_pil().convert("L").save(tmp_path / f"nido-p{number}.png",
                                                                          dpi=(150, 150))
    document.close()
    output = extract.extract_file(["nido-p1.png", "nido-p2.png"], corrections=False, cache_dir="cache")
    assert output.source.path == "nido" and output.source.pages == 2
    assert [page.number for page in output.pages] == [1, 2]
    assert "Rijks Innovatie Community" in [r.name for r in output.records]
    [result, missing] = extract.extract_files([["nido-p1.png", "nido-p2.png"], ["nido-p1.png", "nido-p9.png"]],
                                              workers=1, corrections=False, cache_dir="cache")
    assert result.ok and result.output is not None and result.output.records == output.records
    assert isinstance(missing.error, NotADocumentError) and missing.path == Path("nido-p9.png")


def test_extract_files_at_a_scripts_top_level_says_to_use_the_main_guard(folder: Path) -> None:
    """The walkthrough's first script called extract_files at its top level: each spawned worker
    imports the script and calls it again, so every worker dies while starting. The error now says
    what to change instead of 'check the installation'."""
    (folder / "loop.py").write_text(
        "import extract\n"
        "for result in extract.extract_files(['raw/nido-benchmark.pdf'], workers=1):\n"
        "    print(result.ok)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "loop.py"], cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("extract.errors.InternalError:") and 'if __name__ == "__main__":' in last, last
    assert "loop.py" in last


def test_corrections_are_found_under_the_name_batch_and_ingest_give_the_output(folder: Path) -> None:
    """`extract correct 2026/labs ...` files a report of raw/2026/ under 2026/labs (its output's name):
    extract_file applies them by default, as it does for a report at the top of raw/."""
    from extract.api import _default_name

    (folder / "raw" / "2026").mkdir()
    shutil.copy(folder / "raw" / "nido-benchmark.pdf", folder / "raw" / "2026" / "labs.pdf")
    (folder / "corrections" / "2026").mkdir()
    (folder / "corrections" / "2026" / "labs.yml").write_text(CORRECTION, encoding="utf-8")
    record = _ric(extract.extract_file("raw/2026/labs.pdf"))
    assert record.budget is not None and record.budget.amount == 350000
    assert _default_name(Path("raw/nido-benchmark.pdf")) == "nido-benchmark"
    assert _default_name(folder / "elsewhere" / "x.pdf") == "x"
    # A name the output folder gave already (x.pdf beside an x.tiff: x.pdf.json) is the one used.
    (folder / "output").mkdir()
    (folder / "output" / ".names").write_text('{"names": {"nido-benchmark.pdf": "nido-benchmark.pdf.json"}}',
                                               encoding="utf-8")
    assert _default_name(Path("raw/nido-benchmark.pdf")) == "nido-benchmark.pdf"
