"""Open some pages of a PDF without walking every page before them.

pdfplumber's ``open(pages=[...])`` parses the page tree from the first page to the last for each
opening, so reading a long PDF in chunks (each worker opens it for its 12 pages) cost the square of
its length: a 2,000-page file of blank pages took minutes before a word was read. Here the tree is
descended by its ``/Count`` entries to each wanted page, the way a viewer does.

The result must be the pages pdfminer's own walk gives. When the tree is irregular (a ``/Count``
that disagrees with the pages found, a page listed twice, kids that are not references) the plain
walk is used instead, stopped after the last wanted page.
"""

from __future__ import annotations

import itertools
from typing import Any

INHERITABLE = ("Resources", "MediaBox", "CropBox", "Rotate")


class _Irregular(Exception):
    """The tree is not what the shortcut assumes: use pdfminer's walk."""


def select_pages(pdf: Any, numbers: list[int], total: int | None) -> None:
    """Set ``pdf.pages`` (a pdfplumber PDF) to the 1-based pages ``numbers``; ``total`` is the page
    count of a full walk (None: unknown, walk)."""
    from pdfplumber.page import Page

    wanted = sorted(set(numbers))
    found: list[tuple[int, Any]] | None = None
    if total is not None and wanted:
        try:
            found = _descend(pdf.doc, wanted, total)
        except _Irregular:
            found = None
        except Exception:  # a damaged tree: the walk below raises what pdfplumber would
            found = None
    if found is None:
        found = _walk(pdf.doc, wanted)
    pages = []
    doctop = 0.0
    for number, page_obj in found:
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        pages.append(page)
        doctop += page.height
    pdf._pages = pages


def _walk(doc: Any, wanted: list[int]) -> list[tuple[int, Any]]:
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.utils.exceptions import PdfminerException

    keep = set(wanted)
    last = wanted[-1] if wanted else 0
    found = []
    try:
        for number, page in enumerate(PDFPage.create_pages(doc), start=1):
            if number in keep:
                found.append((number, page))
            if number >= last:
                break
    except Exception as exc:
        raise PdfminerException(exc) from exc
    return found


def _props(obj: Any, parent: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    from pdfminer.pdftypes import PDFObjRef, dict_value

    if not isinstance(obj, PDFObjRef):
        raise _Irregular("a kid that is not a reference")
    props = dict(dict_value(obj))
    for key, value in parent.items():
        if key in INHERITABLE and key not in props:
            props[key] = value
    return obj.objid, props


def _kind(props: dict[str, Any]) -> str:
    from pdfminer.pdfpage import LITERAL_PAGE, LITERAL_PAGES

    kind = props.get("Type", props.get("type"))
    if kind is LITERAL_PAGES and "Kids" in props:
        return "pages"
    if kind is LITERAL_PAGE:
        return "page"
    raise _Irregular("a node that is neither /Pages nor /Page")


def _count(props: dict[str, Any]) -> int:
    from pdfminer.pdftypes import resolve1

    count = resolve1(props.get("Count"))
    if not isinstance(count, int) or count < 0:
        raise _Irregular("no usable /Count")
    return count


def _kids(props: dict[str, Any]) -> list[Any]:
    from pdfminer.pdftypes import PDFObjRef, list_value

    kids = list(list_value(props["Kids"]))
    ids = [k.objid for k in kids if isinstance(k, PDFObjRef)]
    if len(ids) != len(kids) or len(set(ids)) != len(ids):
        raise _Irregular("kids listed twice or not by reference")
    return kids


def _descend(doc: Any, wanted: list[int], total: int) -> list[tuple[int, Any]]:
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFObjRef

    catalog = doc.catalog
    root_ref = catalog.get("Pages")
    if not isinstance(root_ref, PDFObjRef):
        raise _Irregular("no /Pages reference")
    root_id, root = _props(root_ref, catalog)
    if _kind(root) != "pages" or _count(root) != total:
        raise _Irregular("the root's /Count is not the number of pages")
    labels = _labels(doc, wanted[-1])
    kids: dict[int, list[Any]] = {}  # each node's kids, checked once for this opening
    found = []
    for number in wanted:
        objid, props = _find(root_id, root, number - 1, kids)
        found.append((number, PDFPage(doc, objid, props, labels[number - 1])))
    return found


def _find(node_id: int, node: dict[str, Any], index: int, known: dict[int, list[Any]]) -> tuple[int, dict[str, Any]]:
    """(object id, inherited properties) of the ``index``-th page under ``node``."""
    seen = {node_id}
    while True:
        if node_id not in known:
            known[node_id] = _kids(node)
        kids = known[node_id]
        if len(kids) == _count(node):  # every kid holds one page: go straight to it
            if index >= len(kids):
                raise _Irregular("index past the kids")
            kid_id, kid = _props(kids[index], node)
            index = 0
        else:
            for ref in kids:
                kid_id, kid = _props(ref, node)
                size = 1 if _kind(kid) == "page" else _count(kid)
                if index < size:
                    break
                index -= size
            else:
                raise _Irregular("the kids hold fewer pages than /Count")
        if kid_id in seen:
            raise _Irregular("a cycle in the page tree")
        seen.add(kid_id)
        if _kind(kid) == "page":
            if index != 0:
                raise _Irregular("/Count counts a page twice")
            return kid_id, kid
        node_id, node = kid_id, kid


def _labels(doc: Any, last: int) -> list[str | None]:
    from pdfminer.pdfdocument import PDFNoPageLabels

    try:
        return list(itertools.islice(doc.get_page_labels(), last))
    except PDFNoPageLabels:
        return [None] * last
    except Exception:
        raise _Irregular("unreadable page labels") from None
