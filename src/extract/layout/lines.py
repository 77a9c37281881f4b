"""Words -> rows -> draft lines, and the glyph size of a line (shared by the layout passes).

A ``Draft`` is the mutable working form of a line while layout decides its column and role;
``layout.build_lines`` turns drafts into frozen ``models.Line`` objects at the end.
"""

from __future__ import annotations

import logging
import pickle
import statistics
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from extract.models import BBox, Line, LineRole, Page, Table, TextMethod, Word

log = logging.getLogger(__name__)

# Share of a word's height that must overlap a row's band for the word to join the row.
_ROW_OVERLAP = 0.5

# Letter classes for estimating the font size (em) of OCR words from their box height:
# a word with capitals/ascenders and no descenders is about 0.72 em tall, and so on.
_ASCENDERS = set("bdfhklt0123456789ßĳ")
_DESCENDERS = set("gjpqyç,;")
_EM_SHARE = {(True, False): 0.72, (True, True): 0.94, (False, True): 0.74, (False, False): 0.52}


def word_height(word: Word) -> float:
    return max(0.0, word.bbox[3] - word.bbox[1])


def word_em(word: Word, *, letter_shapes: bool) -> float:
    """The font size a word's box suggests: its text-layer size, else its height scaled by letter shapes."""
    if word.size:
        return float(word.size)
    height = word_height(word)
    if not letter_shapes:
        return height
    text = word.text
    # An accent lifts a small letter to an ascender's height ('numérique') and a capital above it ('Éditorial').
    accented = [c for c in text if _accent_above(c)]
    tall = any(c.isupper() or c in _ASCENDERS or c.isdigit() for c in text) or bool(accented)
    deep = any(c in _DESCENDERS for c in text)
    share = _EM_SHARE[(tall, deep)] + (_ACCENTED_CAPITAL if any(c.isupper() for c in accented) else 0.0)
    return height / share


_ACCENTED_CAPITAL = 0.16
"""How much taller than a capital an accented capital is, in em ('É' against 'E')."""


@cache
def _accent_above(char: str) -> bool:
    """A letter with a mark above it ('é', 'Ô', 'ï'), not only below ('ç')."""
    marks = unicodedata.normalize("NFD", char)[1:]
    return any(unicodedata.combining(m) == 230 for m in marks)  # canonical class 230: above


SENTENCE_ENDS = frozenset(".!?:;\"”»)")
"""Marks a line ends on when it ends a sentence (or a label: 'Budget:')."""


def wraps_line_above(above: Draft | Line, line: Draft | Line) -> bool:
    """``line`` goes on with the body line just above it: same page and column, a line's spacing apart,
    and that line does not end a sentence ('... is at' / 'fega.gob.es.'). On an OCR'd page such a line
    may still look large (its size is read from its words' boxes, which a speck or an accent enlarges):
    it is neither a heading nor a title."""
    if above.role != "body" or above.page != line.page or above.column != line.column:
        return False
    height = max(above.bbox[3] - above.bbox[1], 1.0)
    return line.bbox[1] - above.bbox[3] < 0.75 * height and above.text.rstrip()[-1:] not in SENTENCE_ENDS


def union_bbox(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(slots=True)
class Draft:
    """A line under construction: what layout needs of its words, and what layout decided about it.

    A draft keeps a summary of its words, not the words (a long report's pages are laid out as
    they are read, and their words released): text, box, bold share, OCR confidences, font sizes,
    and the first word and the heights of the first two (footnote markers).
    """

    page: int
    text: str
    bbox: BBox
    role: LineRole = "body"
    column: int = 0
    em: float = 0.0
    """Estimated font size in points (text-layer size, or from OCR glyph heights)."""
    word_count: int = 0
    first_word: str = ""
    first_height: float = 0.0
    second_height: float = 0.0
    """Box heights of the first two words (0 when there is no second)."""
    letters: int = 0
    bold_letters: int = 0
    conf_sum: float = 0.0
    conf_count: int = 0
    sizes: tuple[tuple[float, int], ...] = ()
    """Text-layer font sizes of the words and how many words have each, smallest first."""
    extra_boxes: tuple[BBox, ...] = ()
    """Boxes of the lines merged into this one (a wrapped heading)."""

    @classmethod
    def of_words(cls, page: int, words: list[Word], role: LineRole = "body", em: float = 0.0) -> Draft:
        confs = [w.conf for w in words if w.conf is not None]
        counts: dict[float, int] = {}
        for w in words:
            if w.size:
                counts[w.size] = counts.get(w.size, 0) + 1
        return cls(
            page=page,
            text=" ".join(w.text for w in words),
            bbox=union_bbox([w.bbox for w in words]),
            role=role,
            em=em,
            word_count=len(words),
            first_word=words[0].text if words else "",
            first_height=word_height(words[0]) if words else 0.0,
            second_height=word_height(words[1]) if len(words) > 1 else 0.0,
            letters=sum(len(w.text) for w in words),
            bold_letters=sum(len(w.text) for w in words if w.bold),
            conf_sum=sum(confs),
            conf_count=len(confs),
            sizes=_shared(tuple(sorted(counts.items()))),
        )

    def absorb(self, other: Draft, text: str) -> None:
        """Take ``other`` (the next line of a wrapped heading) into this draft, whose text becomes ``text``."""
        self.extra_boxes += (other.bbox,)
        self.bbox = union_bbox([self.bbox, other.bbox])
        self.text = text
        if self.word_count == 1:
            self.second_height = other.first_height
        self.word_count += other.word_count
        self.letters += other.letters
        self.bold_letters += other.bold_letters
        self.conf_sum += other.conf_sum
        self.conf_count += other.conf_count
        merged = dict(self.sizes)
        for size, count in other.sizes:
            merged[size] = merged.get(size, 0) + count
        self.sizes = tuple(sorted(merged.items()))

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def bold(self) -> bool:
        """Most of the line's letters are bold (text layer only)."""
        return self.bold_letters / (self.letters or 1) > 0.6

    @property
    def mean_conf(self) -> float | None:
        """Mean OCR confidence of the words (None for a text layer)."""
        return self.conf_sum / self.conf_count if self.conf_count else None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Field values only (no field names): a packed page then costs little more than its text.
        return (_restored_draft, tuple(getattr(self, name) for name in Draft.__slots__))

    def to_line(self) -> Line:
        size = median_of_counts(self.sizes) if self.sizes else (round(self.em, 2) if self.em else None)
        mean = self.mean_conf
        return Line(
            page=self.page,
            text=self.text,
            bbox=tuple(round(v, 2) for v in self.bbox),  # type: ignore[arg-type]
            role=self.role,
            conf=round(mean, 4) if mean is not None else None,
            size=size,
            column=self.column,
        )


@dataclass(slots=True)
class PageLayout:
    """One page after its own layout passes: what the document-level passes need, without its words."""

    number: int
    width: float
    height: float
    method: TextMethod
    drafts: list[Draft]
    """Draft lines in reading order."""
    tables: list[Table]
    """Ruled tables from the reader, else tables rebuilt from the word boxes (segmentation reads them)."""


@dataclass(frozen=True, slots=True)
class PackedLayout:
    """A laid-out page waiting for the document passes, pickled and compressed.

    A long report's pages wait for the last one to be read; live, their drafts took ~35 KB a page
    of Python heap (tracemalloc: 17 MB more for 500 pages than for 50, on top of the parser's
    working memory); packed, about 80 bytes a line.
    """

    number: int
    blob: bytes

    @classmethod
    def of(cls, layout: PageLayout) -> PackedLayout:
        return cls(layout.number, zlib.compress(pickle.dumps(layout, protocol=pickle.HIGHEST_PROTOCOL), 1))

    def unpack(self) -> PageLayout:
        layout = pickle.loads(zlib.decompress(self.blob))
        assert isinstance(layout, PageLayout)
        return layout


def _restored_draft(*values: Any) -> Draft:
    draft = Draft(*values)
    draft.sizes = _shared(draft.sizes)
    return draft


_SIZE_TUPLES: dict[tuple[tuple[float, int], ...], tuple[tuple[float, int], ...]] = {}


def _shared(sizes: tuple[tuple[float, int], ...]) -> tuple[tuple[float, int], ...]:
    """One object per distinct size list: a report uses a few fonts, and a long one has 20,000 lines."""
    if len(_SIZE_TUPLES) > 4096:
        _SIZE_TUPLES.clear()
    return _SIZE_TUPLES.setdefault(sizes, sizes)


def median_of_counts(counts: tuple[tuple[float, int], ...]) -> float:
    """``statistics.median`` of the values ``counts`` lists (value, times), sorted by value."""
    total = sum(n for _, n in counts)
    lower, upper = (total - 1) // 2, total // 2  # the middle position(s), 0-based
    low = high = None
    seen = 0
    for value, n in counts:
        if low is None and seen + n > lower:
            low = value
        if seen + n > upper:
            high = value
            break
        seen += n
    assert low is not None and high is not None
    return low if lower == upper else (low + high) / 2


_ROWS_CACHE: dict[tuple[int, ...], tuple[list[Word], list[list[Word]]]] = {}


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Words that share a text line (by vertical overlap), each row sorted left to right.

    A word joins the row whose mean band overlaps it most (at least half the smaller height);
    using the mean band, not the union, keeps rows of two columns with offset baselines apart.
    Several layout passes group the same words: the last results are kept (keyed by the words).
    """
    key = tuple(id(w) for w in words)
    cached = _ROWS_CACHE.get(key)
    if cached is not None:
        return [list(row) for row in cached[1]]
    rows = _group_rows(words)
    if len(_ROWS_CACHE) >= 32:
        _ROWS_CACHE.clear()
    _ROWS_CACHE[key] = (list(words), rows)  # holding the words keeps their ids valid
    return [list(row) for row in rows]


def clear_row_cache() -> None:
    """Forget the kept row groupings (they hold words of the page laid out last)."""
    _ROWS_CACHE.clear()


def _group_rows(words: list[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    sums: list[list[float]] = []
    for word in sorted(words, key=lambda w: (w.bbox[1] + w.bbox[3], w.bbox[0])):
        _, top, _, bottom = word.bbox
        height = bottom - top
        best, best_overlap = -1, 0.0
        for i in range(max(0, len(rows) - 12), len(rows)):
            band_top, band_bottom = tops[i], bottoms[i]
            overlap = (bottom if bottom < band_bottom else band_bottom) - (top if top > band_top else band_top)
            if overlap <= 0:
                continue
            smaller = min(height, band_bottom - band_top)
            ratio = overlap / smaller if smaller > 1e-6 else 0.0
            if ratio >= _ROW_OVERLAP and ratio > best_overlap:
                best, best_overlap = i, ratio
        if best < 0:
            rows.append([word])
            tops.append(top)
            bottoms.append(bottom)
            sums.append([top, bottom])
        else:
            rows[best].append(word)
            sums[best][0] += top
            sums[best][1] += bottom
            count = len(rows[best])
            tops[best], bottoms[best] = sums[best][0] / count, sums[best][1] / count
    for row in rows:
        row.sort(key=lambda w: w.bbox[0])
    rows.sort(key=lambda r: (min(w.bbox[1] for w in r), r[0].bbox[0]))
    return rows


def split_at_gaps(row: list[Word], min_gap: float) -> list[list[Word]]:
    """Split a left-to-right row where the space between two words is at least ``min_gap``."""
    parts: list[list[Word]] = [[row[0]]] if row else []
    for prev, word in zip(row, row[1:]):
        if word.bbox[0] - prev.bbox[2] >= min_gap:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def median_word_height(words: list[Word]) -> float:
    heights = [word_height(w) for w in words if word_height(w) > 0]
    return statistics.median(heights) if heights else 10.0


def in_box(word: Word, box: BBox, margin: float = 2.0) -> bool:
    """The word's centre lies inside ``box`` (grown by ``margin``)."""
    cx = (word.bbox[0] + word.bbox[2]) / 2
    cy = (word.bbox[1] + word.bbox[3]) / 2
    return box[0] - margin <= cx <= box[2] + margin and box[1] - margin <= cy <= box[3] + margin


def screenshot_boxes(page: Page) -> list[BBox]:
    """Page figures that can hold screenshot text: not the page-sized image of a scanned page itself."""
    area = max(page.width * page.height, 1.0)
    return [f for f in page.figures if (f[2] - f[0]) * (f[3] - f[1]) < 0.6 * area]


def uses_letter_shapes(page: Page) -> bool:
    """OCR boxes hug the glyphs, so their height depends on the letters; text-layer boxes do not."""
    return page.method == "ocr"
