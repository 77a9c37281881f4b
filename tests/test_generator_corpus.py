"""The development corpus (tests/generator/corpus.py): documents, scans, text and gold files."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from extract.models import OutputFile
from tests.generator import corpus, scan

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SPECS = corpus.load_specs()
SCAN_ITEMS = [(spec, item) for spec in SPECS for item in spec.get("scans", [])]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _gold(stem: str) -> dict:
    return json.loads((CORPUS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def _ids(pairs: list) -> list[str]:
    return [item["file"] for _, item in pairs]


def test_corpus_has_six_documents_in_three_languages() -> None:
    assert len(SPECS) >= 6
    assert {spec["language"] for spec in SPECS} == {"nl", "en", "fr"}
    kinds = {item["kind"] for _, item in SCAN_ITEMS}
    assert kinds == {"pdf", "tiff", "photo"}


@pytest.mark.parametrize("spec", SPECS, ids=[s["stem"] for s in SPECS])
def test_document_files_exist(spec: dict) -> None:
    stem = spec["stem"]
    for path in (CORPUS / f"{stem}.pdf", CORPUS / "gold" / f"{stem}.json", CORPUS / "text" / f"{stem}.txt"):
        assert path.is_file(), f"missing {path}: run python tests/generator/corpus.py"
    for item in spec.get("scans", []):
        assert (CORPUS / item["file"]).is_file()
        assert (CORPUS / "gold" / f"{Path(item['file']).stem}.json").is_file()


@pytest.mark.parametrize("spec", SPECS, ids=[s["stem"] for s in SPECS])
def test_text_pdf_contains_its_labels(spec: dict) -> None:
    text = _squash(" ".join(_pdf_text(CORPUS / f"{spec['stem']}.pdf")))
    for label in spec["labels"]:
        assert label in text, f"{spec['stem']}: label {label!r} not in the text layer"


@pytest.mark.parametrize("spec", SPECS, ids=[s["stem"] for s in SPECS])
def test_text_file_has_every_page_of_the_pdf(spec: dict) -> None:
    stem = spec["stem"]
    text = (CORPUS / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    pages = _pdf_text(CORPUS / f"{stem}.pdf")
    assert text.count("\f") == len(pages) - 1
    # Same words as the text layer, in reading order (columns and sidebars one after the other).
    assert sorted(_squash(text).split()) == sorted(_squash(" ".join(pages)).split())


@pytest.mark.parametrize("spec,item", SCAN_ITEMS, ids=_ids(SCAN_ITEMS))
def test_scans_have_no_text_layer(spec: dict, item: dict) -> None:
    path = CORPUS / item["file"]
    source_pages = _gold(spec["stem"])["source"]["pages"]
    if item["kind"] == "pdf":
        with pdfplumber.open(str(path)) as pdf:
            assert len(pdf.pages) == source_pages
            for page in pdf.pages:
                assert not page.chars, f"{path.name} page {page.page_number} has a text layer"
                assert len(page.images) == 1
                image = page.images[0]
                dpi = image["srcsize"][0] / (float(page.width) / 72.0)
                assert abs(dpi - item["dpi"]) < 2
    elif item["kind"] == "tiff":
        with Image.open(path) as im:
            assert im.n_frames == source_pages
            assert round(im.info["dpi"][0]) == item.get("tiff_dpi", item["dpi"])
    else:
        with Image.open(path) as im:
            assert im.format == "JPEG" and im.mode == "RGB"


def test_rotated_scan_has_a_landscape_page() -> None:
    with pdfplumber.open(str(CORPUS / "fr-rapport-rotated.pdf")) as pdf:
        sizes = [(float(p.width), float(p.height)) for p in pdf.pages]
    assert sizes[1][0] > sizes[1][1]  # turned 90 degrees
    assert all(w < h for i, (w, h) in enumerate(sizes) if i != 1)


@pytest.mark.slow
def test_rotated_scan_third_page_is_upside_down(tmp_path: Path) -> None:
    page = scan.render_pdf_pages(CORPUS / "fr-rapport-rotated.pdf", 150)[2]
    png = tmp_path / "p3.png"
    page.save(png, dpi=(150, 150))
    osd = subprocess.run(["tesseract", str(png), "-", "--psm", "0"], capture_output=True, text=True, timeout=120)
    assert re.search(r"Rotate:\s*180", osd.stdout), osd.stdout + osd.stderr


@pytest.mark.parametrize("path", sorted(CORPUS.glob("gold/*.json")), ids=lambda p: p.stem)
def test_gold_validates_against_the_contract(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    output = OutputFile.model_validate(data)
    assert output.schema_version == "1"
    assert output.records
    assert (ROOT / output.source.path).is_file()
    for record in output.records:
        assert record.name
        if record.website:
            assert record.website.startswith("https://") and not record.website.endswith("/")
            host = record.website.split("/")[2]
            assert host == host.lower()
        if record.budget and record.budget.currency == "EUR":
            assert record.budget.amount_eur == record.budget.amount


@pytest.mark.parametrize("spec,item", SCAN_ITEMS, ids=_ids(SCAN_ITEMS))
def test_scan_gold_repeats_the_document_gold(spec: dict, item: dict) -> None:
    source = _gold(spec["stem"])["records"]
    records = _gold(Path(item["file"]).stem)["records"]
    if item["kind"] == "photo":
        assert records == [r for r in source if r["name"] in item["records"]]
    else:
        assert records == source


def test_photo_gold_has_only_the_records_on_its_page() -> None:
    (spec, item), = [(s, i) for s, i in SCAN_ITEMS if i["kind"] == "photo"]
    pages = _pdf_text(CORPUS / f"{spec['stem']}.pdf")
    page = _squash(pages[item["page"] - 1])
    for record in _gold(Path(item["file"]).stem)["records"]:
        assert record["name"] in page
    others = [r for r in _gold(spec["stem"])["records"] if r["name"] not in item["records"]]
    assert others and all(r["name"] not in page for r in others)


def test_summary_table_is_ruled_with_one_lab_per_row() -> None:
    with pdfplumber.open(str(CORPUS / "nl-tabel.pdf")) as pdf:
        tables = pdf.pages[0].extract_tables()
    assert len(tables) == 1
    header, *rows = tables[0]
    assert [h.replace("\n", " ") for h in header][:3] == ["Naam", "Land", "Opgericht"]
    gold = _gold("nl-tabel")["records"]
    assert len(rows) == len(gold)
    for row, record in zip(rows, gold):
        assert _squash(row[0]).startswith(record["name"])


def test_two_column_pages_and_a_section_across_the_page_break() -> None:
    with pdfplumber.open(str(CORPUS / "en-two-column.pdf")) as pdf:
        page = pdf.pages[1]
        mid = float(page.width) / 2
        words = page.extract_words()
        left = [w for w in words if w["x1"] < mid]
        right = [w for w in words if w["x0"] > mid]
        assert len(left) > 100 and len(right) > 100
        first = _squash(pdf.pages[0].extract_text())
        second = _squash(pdf.pages[1].extract_text())
    # The second lab starts on page 1 and its funding line is on page 2.
    assert "Scottish Service Design Studio" in first
    assert "Scottish Government core grant" in second and "Scottish Government core grant" not in first
    # The footnote is printed at the bottom of the page that carries its marker.
    assert "FTE: full-time equivalent" in first


def test_newsletter_breaks_words_at_line_ends() -> None:
    text = (CORPUS / "text" / "nl-nieuwsbrief.txt").read_text(encoding="utf-8")
    broken = re.findall(r"[a-zé]-\n[a-z]", text)
    assert len(broken) >= 5
    assert "\u00ad" not in text  # soft hyphens that did not break leave no trace


def test_regeneration_is_deterministic_for_text(tmp_path: Path) -> None:
    corpus.build_all(tmp_path, scans=False)
    out = tmp_path / corpus.CORPUS_REL
    for spec in SPECS:
        stem = spec["stem"]
        assert _pdf_text(out / f"{stem}.pdf") == _pdf_text(CORPUS / f"{stem}.pdf")
        for sub, ext in (("text", "txt"), ("gold", "json")):
            new = (out / sub / f"{stem}.{ext}").read_text(encoding="utf-8")
            assert new == (CORPUS / sub / f"{stem}.{ext}").read_text(encoding="utf-8"), f"{sub}/{stem}.{ext} is stale"


def _frames(path: Path) -> list[np.ndarray]:
    if path.suffix == ".pdf":
        return [np.asarray(im.convert("L"), dtype=np.int16) for im in scan.render_pdf_pages(path, 50)]
    frames = []
    with Image.open(path) as im:
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            frames.append(np.asarray(im.convert("L"), dtype=np.int16))
    return frames


@pytest.mark.slow
def test_regeneration_is_deterministic_for_scans(tmp_path: Path) -> None:
    # One document per scan kind (pdf, photo, tiff) keeps this short; they share one code path.
    wanted = {"fr-rapport", "single-lab-factsheet"}
    for spec in SPECS:
        if spec["stem"] in wanted:
            corpus.build_document(tmp_path, spec)
    out = tmp_path / corpus.CORPUS_REL
    for spec, item in SCAN_ITEMS:
        if spec["stem"] not in wanted:
            continue
        new, old = _frames(out / item["file"]), _frames(CORPUS / item["file"])
        assert len(new) == len(old)
        for a, b in zip(new, old):
            assert a.shape == b.shape and np.abs(a - b).mean() < 1.0, item["file"]
