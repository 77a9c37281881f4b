"""pdfplumber's page objects, with characters converted on a short path.

pdfplumber turns every pdfminer object into a dict through one generic routine that filters and
recursively resolves each attribute. For characters, the bulk of a text page, that routine was
half of pdfplumber's time per page here (``benchmarks/README.md``). ``lean_objects`` builds the
same dicts (same keys, same values, same order of objects) straight from the attributes a
character has, and leaves every other object, and any character of an unexpected shape, to
pdfplumber's own ``process_object``. ``tests/read/test_pdf_objects.py`` checks the result
equals pdfplumber's on the fixtures and the broken-PDF corpus.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.utils.pdfinternals import resolve_and_decode

_CHAR_KEYS = frozenset({"_text", "matrix", "fontname", "ncs", "graphicstate", "adv", "upright", "x0", "y0", "x1",
                        "y1", "width", "height", "bbox", "size", "mcid", "tag"})
"""Attributes of a pdfminer ``LTChar`` (with pdfplumber's ``mcid`` and ``tag``) the short path knows."""
_PLAIN = (float, int, str, type(None))  # bool is an int


def lean_objects(page: Any) -> dict[str, list[dict[str, Any]]]:
    """What ``page.parse_objects()`` returns, built faster; install with ``use_lean_objects``."""
    objects: dict[str, list[dict[str, Any]]] = {}
    convert = _CharConverter(page)
    with_containers = page.pdf.laparams is not None

    def add(obj: dict[str, Any]) -> None:
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, LTContainer):
                if with_containers:
                    add(page.process_object(item))
                walk(item._objs)
            elif type(item) is LTChar:
                char = convert(item)
                add(page.process_object(item) if char is None else char)
            else:
                add(page.process_object(item))

    walk(page.layout._objs)
    return objects


def use_lean_objects(page: Any) -> None:
    """Make ``page.chars``, ``extract_words``, ``find_tables`` ... read the leanly parsed objects."""
    if not hasattr(page, "_objects"):
        page._objects = lean_objects(page)


class _CharConverter:
    """One page's ``LTChar`` -> pdfplumber char dict, as ``Page.process_object`` makes it."""

    def __init__(self, page: Any) -> None:
        self.page_number = page.page_number
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.initial_doctop = page.initial_doctop
        self.unicode_norm = page.pdf.unicode_norm
        self.colour_spaces: dict[int, tuple[Any, Any]] = {}
        """id(colour space) -> (the object, its decoded name): a page has a handful, its chars share them."""

    def __call__(self, obj: LTChar) -> dict[str, Any] | None:
        d = obj.__dict__
        if d.keys() != _CHAR_KEYS:
            return None
        matrix, fontname, mcid, tag = d["matrix"], d["fontname"], d["mcid"], d["tag"]
        if not (isinstance(fontname, str) and isinstance(mcid, _PLAIN) and isinstance(tag, _PLAIN)
                and type(matrix) is tuple and all(type(v) is float or type(v) is int for v in matrix)):
            return None  # bytes font names, PDF references...: pdfplumber's own path resolves them
        text = d["_text"]
        if self.unicode_norm is not None:
            text = unicodedata.normalize(self.unicode_norm, text)
        gs = d["graphicstate"]
        x0, y0, x1, y1 = d["x0"], d["y0"], d["x1"], d["y1"]
        top = (self.height - y1) + self.mb_top
        if self.mb_x0 != 0:
            x0, x1 = x0 + self.mb_x0, x1 + self.mb_x0
        return {
            "matrix": matrix, "fontname": fontname, "adv": d["adv"], "upright": d["upright"],
            "x0": x0, "y0": y0, "x1": x1, "y1": y1, "width": d["width"], "height": d["height"],
            "size": d["size"], "mcid": mcid, "tag": tag, "object_type": "char", "page_number": self.page_number,
            "ncs": self._colour_space(d["ncs"]), "text": text,
            "stroking_color": gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,),
            "non_stroking_color": gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,),
            "top": top, "bottom": (self.height - y0) + self.mb_top, "doctop": self.initial_doctop + top,
        }

    def _colour_space(self, space: Any) -> Any:
        known = self.colour_spaces.get(id(space))
        if known is None or known[0] is not space:
            known = (space, resolve_and_decode(space.name))
            self.colour_spaces[id(space)] = known
        return known[1]
