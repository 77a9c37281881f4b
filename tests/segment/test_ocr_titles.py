"""The document title of an OCR'd page, where a line's size is read from its words' boxes (issue 14:
on 128 scans of held-out documents, a third of the titles were a wrapped word, a signature or a rule)."""

from __future__ import annotations

from extract.layout.lines import word_em
from extract.models import Line, Word
from extract.segment.document_title import title_line

CONF = 0.93


def _paragraph(top: float, texts: list[str], *, size: float = 11.0, conf: float | None = CONF) -> list[Line]:
    return [Line(page=1, text=text, bbox=(62.0, top + 14 * n, 532.0 if n < len(texts) - 1 else 230.0, top + 14 * n + 10),
                 conf=conf, size=size) for n, text in enumerate(texts)]


BODY = ["Spain's agency has a similar coordinating role without paying most of the money itself:",
        "the payments are made by the paying agencies of the regions. Its staff spoke of their work",
        "as that of a standards office. Its documentation, which is unusually complete, is at"]


def test_a_wrapped_last_word_whose_box_looks_large_is_no_title() -> None:
    lines = _paragraph(100, BODY) + [Line(page=1, text="fega.gob.es.", bbox=(62.0, 142.0, 123.0, 155.0),
                                          conf=CONF, size=13.5)]
    assert title_line(lines, list(range(len(lines)))) is None
    # The same sizes from a text layer are the fonts' own: there the larger line is the title.
    exact = [line._replace(conf=None) for line in lines]
    assert title_line(exact, list(range(len(exact)))) == 3


def test_an_ocr_title_of_two_words_or_one_much_larger_word_is_found() -> None:
    title = Line(page=1, text="Annual report", bbox=(62.0, 60.0, 300.0, 80.0), conf=CONF, size=19.0)
    lines = [title, *_paragraph(100, BODY)]
    assert title_line(lines, list(range(len(lines)))) == 0
    masthead = Line(page=1, text="Groundwork", bbox=(62.0, 60.0, 300.0, 80.0), conf=CONF, size=19.0)
    lines = [masthead, *_paragraph(100, BODY)]
    assert title_line(lines, list(range(len(lines)))) == 0
    # One word a third larger than the text: a speck or an accent, as likely as a heading.
    heading = Line(page=1, text="Vervolg", bbox=(62.0, 60.0, 120.0, 75.0), conf=CONF, size=14.5)
    lines = [heading, *_paragraph(100, BODY)]
    assert title_line(lines, list(range(len(lines)))) is None


def test_an_accent_lifts_a_small_letter_to_an_ascenders_height() -> None:
    # At 11 pt, "numéro" and "buildin" stand about as tall (0.72 em): both read as 11 pt.
    accented = word_em(Word("numéro", (0, 0, 50, 0.72 * 11), conf=0.9), letter_shapes=True)
    assert round(accented, 1) == round(word_em(Word("buildin", (0, 0, 50, 0.72 * 11), conf=0.9),
                                               letter_shapes=True), 1) == 11.0
    capital = word_em(Word("Éditorial", (0, 0, 50, (0.72 + 0.16) * 11), conf=0.9), letter_shapes=True)
    assert round(capital, 1) == 11.0


def test_a_signature_under_an_ocr_text_is_no_title() -> None:
    # A scanned hand's ink enlarges the signature's box: it is still not the report's title.
    body = _paragraph(100, BODY * 4)
    signature = Line(page=1, text="Wouter Dieleman-Achterberg", bbox=(62.0, 300.0, 260.0, 318.0), conf=CONF, size=16.4)
    lines = body + [signature]
    assert title_line(lines, list(range(len(lines)))) is None
