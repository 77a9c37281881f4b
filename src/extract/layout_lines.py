"""Words -> rows -> draft lines, and the glyph size of a line (shared by the layout passes).

A ``Draft`` is the mutable working form of a line while layout decides its column and role;
``layout.build_lines`` turns drafts into frozen ``models.Line`` objects at the end.
"""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass, field

from extract.models import BBox, Line, LineRole, Page, Word

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
    tall = any(c.isupper() or c in _ASCENDERS or c.isdigit() for c in text)
    deep = any(c in _DESCENDERS for c in text)
    return height / _EM_SHARE[(tall, deep)]


def union_bbox(boxes: list[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(slots=True)
class Draft:
    """A line under construction: its words (left to right) and what layout decided about it."""

    page: int
    words: list[Word]
    role: LineRole = "body"
    column: int = 0
    em: float = 0.0
    """Estimated font size in points (text-layer size, or from OCR glyph heights)."""
    extra_boxes: list[BBox] = field(default_factory=list)
    text_override: str | None = None
    _box: tuple[tuple[int, int], BBox] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self.text_override is not None:
            return self.text_override
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        # Recomputed from the words each time: passes change words (merged headings) in place.
        key = (len(self.words), len(self.extra_boxes))
        if self._box is None or self._box[0] != key:
            self._box = (key, union_bbox([w.bbox for w in self.words] + self.extra_boxes))
        return self._box[1]

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
        total = sum(len(w.text) for w in self.words) or 1
        return sum(len(w.text) for w in self.words if w.bold) / total > 0.6

    def to_line(self) -> Line:
        confs = [w.conf for w in self.words if w.conf is not None]
        sizes = [w.size for w in self.words if w.size]
        size = statistics.median(sizes) if sizes else (round(self.em, 2) if self.em else None)
        return Line(
            page=self.page,
            text=self.text,
            bbox=tuple(round(v, 2) for v in self.bbox),  # type: ignore[arg-type]
            role=self.role,
            conf=round(sum(confs) / len(confs), 4) if confs else None,
            size=size,
            column=self.column,
        )


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
