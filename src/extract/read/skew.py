"""Measurements on a grey page image before OCR: its skew, whether its lines run sideways or upside
down, and the turns that undo them."""

from __future__ import annotations

import cv2
import numpy as np

UPSIDE_DOWN_RATIO = 1.5
"""``upside_down_ratio`` above which a page gets orientation detection (upright pages measure 0.1-0.7)."""
MAX_SKEW = 5.0
SKEW_SAMPLE = 60_000
"""Ink pixels used to measure skew: plenty for 0.05 degree steps, and fast."""


def rotate_quarter(gray: np.ndarray, clockwise: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(gray, codes[clockwise]) if clockwise in codes else gray


def estimate_skew(gray: np.ndarray, dpi: float) -> float:
    """Skew of the text lines in degrees (positive: lines fall to the right), within ±MAX_SKEW."""
    return measure_skew(gray, dpi)[0]


def measure_skew(gray: np.ndarray, dpi: float) -> tuple[float, bool]:
    """(skew in degrees, whether the text lines run up or down the image rather than across).

    Projection-profile search on ink pixel coordinates of a ~100 DPI copy: the angle whose row
    histogram is sharpest is the one where the text lines run straight. Columns are searched too,
    so a page turned a quarter (its lines run up or down) is deskewed before Tesseract turns it.
    """
    small = downscale(gray, min(1.0, 100.0 / dpi))
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    ys, xs = np.nonzero(ink)
    if len(ys) < 500 or len(ys) > 0.5 * ink.size:
        return 0.0, False  # blank, or no paper to speak of
    if len(ys) > SKEW_SAMPLE:
        pick = np.random.default_rng(0).choice(len(ys), SKEW_SAMPLE, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys_f, xs_f = ys.astype(np.float64), xs.astype(np.float64)
    row_angle, row_score = _sharpest(xs_f, ys_f, float(max(small.shape)))
    col_angle, col_score = _sharpest(ys_f, xs_f, float(max(small.shape)))
    # A vertical line leaning right as it goes down is a counter-clockwise skew: the sign flips.
    sideways = col_score > row_score
    best = -col_angle if sideways else row_angle
    return float(np.clip(best, -MAX_SKEW, MAX_SKEW)), sideways


def upside_down_ratio(gray: np.ndarray, dpi: float) -> float:
    """Ink below the x-height band of each text line over ink above it (~0.1-0.7 upright, ~4 upside down).

    Latin text has more ascenders (capitals, b d f h k l t, digits) than descenders (g j p q y):
    a page whose lines carry more ink under their core than over it is probably upside down.
    Costs milliseconds, where an OSD pass costs ~10% of the page's OCR.
    """
    small = downscale(gray, min(1.0, 150.0 / dpi))
    ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    profile = ink.sum(axis=1).astype(np.float64)
    if not profile.any():
        return 0.0
    on = profile > max(2.0, 0.05 * float(np.percentile(profile[profile > 0], 90)))
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
    above = below = 0.0
    for start, stop in zip(edges[::2], edges[1::2]):
        if not 4 <= stop - start <= 80:  # not a text line at ~150 DPI (speck, rule, picture)
            continue
        band = profile[start:stop]
        core = np.flatnonzero(band >= 0.5 * band.max())
        above += float(band[: core[0]].sum())
        below += float(band[core[-1] + 1:].sum())
    return below / above if above > 0 else (UPSIDE_DOWN_RATIO * 2 if below > 0 else 0.0)


def _sharpest(along: np.ndarray, across: np.ndarray, offset: float) -> tuple[float, float]:
    """(angle, sharpness) of the shear of ``across`` against ``along`` that stacks the ink in fewest bins."""

    def sharpness(angle: float) -> float:
        t = np.tan(np.radians(angle))
        bins = np.round(across - along * t + offset * abs(t)).astype(np.int64)
        hist = np.bincount(bins)
        return float(np.dot(hist, hist))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    scores = [sharpness(a) for a in coarse]
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    fine_scores = [sharpness(a) for a in fine]
    i = int(np.argmax(fine_scores))
    return float(fine[i]), fine_scores[i]


def rotate_small(gray: np.ndarray, skew: float) -> np.ndarray:
    """Undo a skew of ``skew`` degrees, keeping the page size, with the paper's own grey as fill."""
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), skew, 1.0)
    paper = int(np.percentile(gray[:: 8, :: 8], 90))
    return cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=paper)


def downscale(gray: np.ndarray, factor: float) -> np.ndarray:
    if factor >= 1.0:
        return gray
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
