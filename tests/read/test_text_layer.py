"""Text-layer words, tables, figures, and the one predicate that sends a page to OCR."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reader_docs import A4, LINES, make_text_pdf, page_image

from extract.errors import TooLargeError
from extract.models import Word
from extract.read.reader import read_document
from extract.read.text_layer import is_garbage, needs_ocr
from extract.settings import Settings


def _words(*texts: str) -> list[Word]:
    return [Word(text=t, bbox=(0, 0, 1, 1)) for t in texts]


def test_words_have_point_boxes_where_they_were_drawn(text_pdf: Path, settings: Settings) -> None:
    doc = read_document(text_pdf, settings)
    assert doc.source.pages == 2 and doc.source.media_type == "application/pdf"
    page = doc.pages[0]
    assert page.method == "text" and page.reason.startswith("text layer: ")
    assert (page.width, page.height) == pytest.approx(A4, abs=0.1)
    first = page.words[0]
    assert first.text == LINES[0].split()[0]
    x0, top, _, bottom = first.bbox
    # drawString puts the baseline at 100 pt from the top; an 11 pt glyph box sits just above it.
    assert x0 == pytest.approx(72, abs=0.5)
    assert 100 - 11 <= top < 100 <= bottom <= 100 + 4
    assert first.size == pytest.approx(11, abs=0.1) and first.conf is None and not first.bold
    third_line = [w for w in page.words if w.bbox[1] > 100 + 2 * 16 - 12 and w.bbox[3] < 100 + 2 * 16 + 4]
    assert " ".join(w.text for w in third_line) == LINES[2]
    assert doc.pages[1].words[0].text == LINES[-1].split()[0]


def test_bold_font_is_flagged(tmp_path: Path, settings: Settings) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 700, "Heading")
    c.setFont("Helvetica", 11)
    c.drawString(72, 680, " ".join(LINES))
    c.save()
    words = read_document(path, settings).pages[0].words
    assert words[0].text == "Heading" and words[0].bold and words[0].size == pytest.approx(14, abs=0.1)
    assert not words[1].bold


@pytest.mark.parametrize("text", ["(cid:12)", "ab\ufffd", "\ue001\ue002", "\x07x", "•", "----"])
def test_garbage_words(text: str) -> None:
    assert is_garbage(text)


@pytest.mark.parametrize("text", ["Budget", "1.200", "€750.000", "l'équipe", "2015)", "Ä"])
def test_real_words(text: str) -> None:
    assert not is_garbage(text)


def test_needs_ocr_reasons(settings: Settings) -> None:
    assert needs_ocr([], 1, settings) == (True, "ocr: no text layer")
    assert needs_ocr(_words("Title", "page"), 1, settings) == (True, "ocr: only 2 words in text layer")
    garbage = _words(*(["(cid:3)"] * 7 + ["word"] * 13))
    decision = needs_ocr(garbage, 1, settings)
    assert decision == (True, "ocr: 35% garbage glyphs")
    assert needs_ocr(_words(*LINES[0].split()), 1, settings) == (False, f"text layer: {len(LINES[0].split())} words")
    stamp = _words(*LINES[0].split())
    assert needs_ocr(stamp, 1, settings, scan_cover=1.0) == (True, f"ocr: scanned page with only {len(stamp)} words "
                                                                   "in text layer")
    many = _words(*(" ".join(LINES).split()))
    assert needs_ocr(many, 1, settings, scan_cover=1.0)[0] is False  # an OCR'd PDF's own text layer


def test_ruled_table_and_image_figure(tmp_path: Path, settings: Settings) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    picture = tmp_path / "shot.png"
    Image.new("RGB", (300, 150), (120, 160, 200)).save(picture)
    path = tmp_path / "table.pdf"
    data = [["Lab", "Country", "Budget"], ["Alpha Lab", "NL", "EUR 1.2m"], ["Beta Unit", "FR", "EUR 3m"]]
    table = Table(data, colWidths=[150, 100, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black)]))
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([table, Spacer(1, 30), RLImage(str(picture), width=200, height=100),
               Spacer(1, 20), Table([[" ".join(LINES)]])])
    page = read_document(path, settings).pages[0]
    assert len(page.tables) == 1
    cells = {(c.row, c.col): c.text for c in page.tables[0].cells}
    assert cells[(0, 0)] == "Lab" and cells[(1, 2)] == "EUR 1.2m" and cells[(2, 1)] == "FR"
    assert page.tables[0].method == "ruled" and page.tables[0].page == 1
    assert len(page.figures) == 1
    x0, top, x1, bottom = page.figures[0]
    assert x1 - x0 == pytest.approx(200, abs=1) and bottom - top == pytest.approx(100, abs=1)
    assert top > page.tables[0].bbox[3]


def _set_media_box(path: Path, out: Path, index: int, box: list[float]) -> Path:
    with pikepdf.open(path) as pdf:
        pdf.pages[index].MediaBox = pikepdf.Array(box)
        pdf.save(out)
    return out


def test_zero_size_page_is_skipped_with_a_warning(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    path = _set_media_box(text_pdf, tmp_path / "zero.pdf", 1, [0, 0, 0, 0])
    doc = read_document(path, settings)
    assert [p.number for p in doc.pages] == [1]
    assert any("zero size" in w for w in doc.warnings)


def test_huge_page_is_skipped_and_all_huge_is_too_large(text_pdf: Path, tmp_path: Path, settings: Settings) -> None:
    path = _set_media_box(text_pdf, tmp_path / "huge.pdf", 0, [0, 0, 595, 2_000_000])
    doc = read_document(path, settings)
    assert [p.number for p in doc.pages] == [2]
    assert any("max_page_side_pt" in w for w in doc.warnings)
    one = make_text_pdf(tmp_path / "one.pdf", [LINES])
    with pytest.raises(TooLargeError):
        read_document(_set_media_box(one, tmp_path / "one_huge.pdf", 0, [0, 0, 595, 2_000_000]), settings)


def test_page_limit(text_pdf: Path) -> None:
    from extract.settings import Limits

    with pytest.raises(TooLargeError) as info:
        read_document(text_pdf, Settings(limits=Limits(max_pages=1)))
    assert "max_pages" in str(info.value)


@pytest.mark.slow
def test_garbage_and_empty_pages_go_to_ocr(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(LINES):
        c.drawString(72, 700 - 16 * i, line)
    c.showPage()
    c.setFont("DejaVu", 11)  # private-use code points: a text layer without a usable Unicode mapping
    for i in range(10):
        c.drawString(72, 700 - 16 * i, " ".join("\ue000\ue001\ue002" for _ in range(8)))
    c.showPage()
    c.showPage()  # blank page
    scan = tmp_path / "scan.png"
    page_image(LINES[3:], dpi=150, repeat=1).save(scan)
    c.drawImage(str(scan), 0, 0, width=A4[0], height=A4[1])  # a scanned page with a filing stamp on top
    c.setFont("Helvetica", 9)
    c.drawString(300, 820, "Received on 12 March 2024 by the registry office as file 117 for the archive copy")
    c.showPage()
    c.save()
    settings = Settings(dpi=150)
    doc = read_document(path, settings)
    methods = [(p.method, p.reason) for p in doc.pages]
    assert methods[0] == ("text", f"text layer: {sum(len(s.split()) for s in LINES)} words")
    assert methods[1][0] == "ocr" and "garbage glyphs" in methods[1][1]
    assert methods[2] == ("ocr", "ocr: no text layer; blank page (ink 0.000%), not OCR'd")  # issue 15, item 1
    assert doc.pages[2].words == [] and doc.pages[2].ocr is None
    assert methods[3] == ("ocr", "ocr: scanned page with only 16 words in text layer")
    assert "prototypes" in {w.text for w in doc.pages[3].words}


@pytest.mark.slow
def test_page_turned_with_rotate_goes_to_ocr_and_comes_out_upright(text_pdf: Path, tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    with pikepdf.open(text_pdf) as pdf:
        pdf.pages[0].Rotate = 90  # displayed sideways: its text runs down the page
        pdf.save(path)
    doc = read_document(path, Settings(dpi=150))
    first, second = doc.pages
    assert first.method == "ocr" and first.reason == "ocr: 100% of the text runs sideways"
    assert first.ocr is not None and first.ocr.rotation == 270 and first.height > first.width
    assert " ".join(w.text for w in first.words[:4]) == " ".join(LINES[0].split()[:4])
    assert second.method == "text"


def test_long_pdf_text_layers_are_shared_in_chunks_and_equal_a_serial_read(tmp_path: Path, settings: Settings) -> None:
    from extract.read.text_chunks import SHARED_CHUNK, TextChunkFailure, TextChunkJob, read_text_chunk

    pages = 2 * SHARED_CHUNK + 3
    path = make_text_pdf(tmp_path / "long.pdf", [[f"Page {n}: {line}" for line in LINES] for n in range(pages)])
    jobs: list[TextChunkJob] = []

    def page_map(fn, items):  # what a worker pool does, in this process
        items = list(items)
        assert fn is read_text_chunk
        jobs.extend(items)
        return [fn(item) for item in items]

    shared = read_document(path, settings, page_map=page_map)
    assert [len(job.numbers) for job in jobs] == [SHARED_CHUNK, SHARED_CHUNK, 3]
    assert shared.pages == read_document(path, settings).pages
    assert shared.pages[-1].words[0].text == "Page" and shared.pages[-1].words[1].text == f"{pages - 1}:"
    # A chunk pdfplumber cannot parse comes back as a failure for the owner to repair, not as a crash.
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot a pdf at all")
    assert isinstance(read_text_chunk(TextChunkJob(path=str(broken), numbers=(1,), settings=settings)),
                      TextChunkFailure)
