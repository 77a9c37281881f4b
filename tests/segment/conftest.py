"""The segmentation tests build their pages with the layout tests' helpers (``tests/layout/layout_boxes.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

LAYOUT_TESTS = str(Path(__file__).resolve().parents[1] / "layout")
if LAYOUT_TESTS not in sys.path:
    sys.path.insert(0, LAYOUT_TESTS)
