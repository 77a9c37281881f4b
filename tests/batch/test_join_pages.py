"""--join-pages: page images of one report (report-p1.png, report-p2.png / p1.jpg, p2.jpg) as one
document, pages in number order, cached per image, stale when a page changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pypdfium2
import pytest

from extract.batch.page_sets import join_page_images
from extract.batch.run import InputItem


def _item(rel: str) -> InputItem:
    return InputItem(Path("raw") / rel, rel, PurePosixPath(rel))


def test_grouping() -> None:
    names = ["a.pdf", "report-p10.png", "report-p2.png", "report_p1.png", "scans/p1.jpg", "scans/p2.jpg",
             "lonely-p1.png", "dup-p1.png", "dup-p1.jpg", "notes-page 3.tif"]
    joined = join_page_images([_item(n) for n in names])
    by_name = {item.name_path.as_posix(): item for item in joined}
    assert sorted(by_name) == ["a.pdf", "dup-p1.jpg", "dup-p1.png", "lonely-p1.png", "notes-page 3.tif", "report",
                               "scans/scans"]
    assert [p.name for p in by_name["report"].pages] == ["report_p1.png", "report-p2.png", "report-p10.png"]
    assert by_name["report"].display == "report (report_p1.png, report-p2.png, report-p10.png)"
    assert [p.as_posix() for p in by_name["scans/scans"].pages] == ["raw/scans/p1.jpg", "raw/scans/p2.jpg"]
    assert not by_name["a.pdf"].pages and not by_name["lonely-p1.png"].pages


def test_grouping_of_files_named_to_ingest(tmp_path: Path) -> None:
    """Bare p<N> images named to ingest from outside the input folder take their folder's name, and
    two folders' p1/p2 are two reports, not one with page numbers given twice."""
    from extract.batch.inputs import inputs_from_files

    for folder in ("ric", "nesta"):
        (tmp_path / folder).mkdir()
        for page in ("p1.png", "p2.png"):
            (tmp_path / folder / page).write_bytes(b"")
    files = [tmp_path / folder / page for folder in ("ric", "nesta") for page in ("p2.png", "p1.png")]
    joined = join_page_images(inputs_from_files(files, roots=[tmp_path / "raw"]))
    assert [(item.name_path.as_posix(), [p.parent.name + "/" + p.name for p in item.pages]) for item in joined] == [
        ("ric", ["ric/p1.png", "ric/p2.png"]), ("nesta", ["nesta/p1.png", "nesta/p2.png"])]
    # Under the input folder they are named as the batch names them.
    inside = join_page_images(inputs_from_files(files[:2], roots=[tmp_path]))
    assert [item.name_path.as_posix() for item in inside] == ["ric/ric"]


def _render(pdf: Path, page: int, target: Path) -> None:
    document = pypdfium2.PdfDocument(str(pdf))
    document[page].render(scale=150 / 72).to_pil().convert("L").save(target, dpi=(150, 150))
    document.close()


def _batch(cwd: Path, *flags: str) -> dict[str, dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--workers", "2", "--quiet",
                           "--report", "report.json", *flags], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    files = json.loads((cwd / "report.json").read_text(encoding="utf-8"))["files"]
    return {str(f["path"]): f for f in files}


@pytest.fixture
def scans(tmp_path: Path, raw_dir: Path) -> Path:
    (tmp_path / "raw").mkdir()
    for number, page in ((1, 1), (2, 2)):  # the pages of RIC and LabX
        _render(raw_dir / "nido-benchmark.pdf", page, tmp_path / "raw" / f"nido-p{number}.png")
    return tmp_path


def test_joined_pages_are_one_document(scans: Path, raw_dir: Path) -> None:
    report = _batch(scans, "--join-pages")
    assert list(report) == ["nido (nido-p1.png, nido-p2.png)"]
    output = json.loads((scans / "output" / "nido.json").read_text(encoding="utf-8"))
    assert output["source"]["path"] == "raw/nido" and output["source"]["pages"] == 2
    assert [p["number"] for p in output["pages"]] == [1, 2] and {p["method"] for p in output["pages"]} == {"ocr"}
    names = [r["name"] for r in output["records"]]
    assert "Rijks Innovatie Community" in names and any(name.startswith("LabX") for name in names), names
    ric = next(r for r in output["records"] if r["name"] == "Rijks Innovatie Community")
    assert ric["provenance"]["budget"]["page"] == 1

    assert _batch(scans, "--join-pages")["nido (nido-p1.png, nido-p2.png)"]["message"] == "unchanged"
    # A page changed: the document is stale. Its other page comes from the cache (the same entry
    # as for the image alone), so its words are exactly those of the first run.
    first_page = output["pages"][0]
    _render(raw_dir / "nido-benchmark.pdf", 3, scans / "raw" / "nido-p2.png")
    again = _batch(scans, "--join-pages")["nido (nido-p1.png, nido-p2.png)"]
    assert again["message"] != "unchanged"
    changed = json.loads((scans / "output" / "nido.json").read_text(encoding="utf-8"))
    assert changed["pages"][0] == first_page and changed["source"]["sha256"] != output["source"]["sha256"]

    alone = _batch(scans)  # without the flag: each image is its own document
    assert sorted(alone) == ["nido-p1.png", "nido-p2.png"]
