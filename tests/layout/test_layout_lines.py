"""Words -> lines: grouping by vertical overlap, order by x, confidence, size, image text, columns."""

from __future__ import annotations

from layout_boxes import PageBuilder, document, word_boxes

from extract.layout.build import build_lines
from extract.models import Word

PROSE = (
    "Public innovation teams test new services with the people who use them and report what they learn "
    "to the ministries that fund them so that good ideas spread across the administration quickly"
).split()


def _column_text(n_lines: int, offset: int = 0, width: int = 44) -> list[str]:
    """Prose wrapped to ``width`` characters (220 pt at 10 pt), starting ``offset`` words in."""
    words = (PROSE * 20)[offset:]
    out, current = [], ""
    for word in words:
        if len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
            if len(out) == n_lines:
                break
        else:
            current = f"{current} {word}".strip()
    return out


def test_jittered_ocr_words_form_one_line_in_x_order_with_mean_confidence():
    words = word_boxes("Het team telt vier medewerkers", 72, 100, 11, ocr=True, conf=0.8)
    # OCR boxes jitter up and down by a point or two, and arrive in any order.
    jittered = [
        Word(text=w.text, bbox=(w.bbox[0], w.bbox[1] + d, w.bbox[2], w.bbox[3] + d), conf=c)
        for w, d, c in zip(words, [0, 1.5, -1.2, 0.8, -0.5], [0.9, 0.7, 0.8, 0.6, 1.0])
    ]
    page = PageBuilder(ocr=True)
    page.words = list(reversed(jittered))
    page.line("Tweede regel van de tekst", 72, 118, 11)
    lines = build_lines(document([page.build()]))
    assert [line.text for line in lines] == ["Het team telt vier medewerkers", "Tweede regel van de tekst"]
    assert abs(lines[0].conf - 0.8) < 1e-6
    assert lines[0].size and 9 < lines[0].size < 13  # font size estimated from glyph heights


def test_text_layer_line_keeps_font_size_and_no_confidence():
    page = PageBuilder()
    page.line("Budget annuel : 2,5 M€", 72, 100, 10)
    (line,) = build_lines(document([page.build()]))
    assert line.conf is None and line.size == 10
    assert line.bbox[0] == 72 and line.bbox[1] == 100


def test_words_inside_a_figure_become_image_text():
    page = PageBuilder()
    page.lines(["Website: www.example.org", "", "Welcome to our lab", "Read more", "", "Role: the lab tests ideas."],
               72, 100)
    page.figures.append((60, 120, 500, 150))
    lines = build_lines(document([page.build()]))
    roles = {line.text: line.role for line in lines}
    assert roles["Welcome to our lab"] == "image_text" and roles["Read more"] == "image_text"
    assert roles["Role: the lab tests ideas."] == "body"


def test_two_columns_are_read_column_by_column_with_a_full_width_title_in_place():
    page = PageBuilder()
    page.line("Innovation labs across Europe compared", 72, 80, 16, bold=True)
    left, right = _column_text(30), _column_text(30, offset=3)
    page.lines(left, 72, 120, 10, leading=1.3)
    page.lines(right, 320, 124, 10, leading=1.3)  # baselines offset from the left column
    page.line("A title across both columns of the page", 150, 540, 14, bold=True)
    page.lines(_column_text(8, offset=5), 72, 570, 10)
    page.lines(_column_text(8, offset=9), 320, 570, 10)
    lines = [line for line in build_lines(document([page.build()])) if line.page == 1]
    texts = [line.text for line in lines]
    assert texts[0] == "Innovation labs across Europe compared"
    title = texts.index("A title across both columns of the page")
    assert [line.column for line in lines[1:title]] == [1] * 30 + [2] * 30
    assert texts[1:title] == left + right
    assert [line.column for line in lines[title + 1 :]] == [1] * 8 + [2] * 8
    assert lines[title].column == 0


def test_a_single_column_page_with_short_lines_is_not_split_into_columns():
    page = PageBuilder()
    rows = ["Website: www.example.org", "Founded: 2016", "Staff: 12 people", "Budget: EUR 1.2m per year"] * 10
    page.lines(rows, 72, 100, 10)
    lines = build_lines(document([page.build()]))
    assert [line.text for line in lines] == rows
    assert {line.column for line in lines} == {0}


def test_a_rule_read_as_a_bar_does_not_make_its_ocr_line_large():
    # Tesseract reads a table's vertical rule as '|', as tall as the table row: '| Nederland'.
    page = PageBuilder(ocr=True)
    page.line("Land Nederland", 72, 100, 11)
    bar = Word(text="|", bbox=(60.0, 80.0, 62.0, 140.0), conf=0.4)
    page.words = [bar, *page.words[1:]]
    page.line("Tweede regel van de tekst", 72, 150, 11)
    lines = build_lines(document([page.build()]))
    assert lines[0].text.startswith("|") and lines[0].size and lines[0].size < 13
