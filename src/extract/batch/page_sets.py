"""``--join-pages``: page images of one report, named ``<stem>-p<N>.<ext>`` or ``p<N>.<ext>``, as one input.

Scanners and phones save a report one page per file: ``report-p1.png``, ``report-p2.png`` (also
``report_p2``, ``report-page2``, ``report p02``), or ``p1.jpg``, ``p2.jpg`` in a folder of their
own. With ``--join-pages`` the images of one folder sharing a stem become one document, its pages
in the order of their numbers (p2 before p10), its output named after the stem (``report.json``;
``<folder>.json`` for bare ``p<N>`` files, ``pages.json`` at the top of the input folder). A stem
with one page, or with a page number given twice, is left as separate files.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import PurePosixPath

from extract.batch.inputs import InputItem

PAGE_IMAGE = re.compile(r"^(?P<stem>.*?)[-_ .]?(?:p|page|pagina)[-_ ]?(?P<number>\d{1,4})\.(?:png|jpe?g|tiff?)$",
                        re.IGNORECASE)


def join_page_images(items: list[InputItem]) -> list[InputItem]:
    """``items`` with the page images of each report replaced by one input (in the place of its first page)."""
    # Grouped by the folder the images are in, too: files given to ingest from two folders may
    # share a name path ('a/p1.png' and 'b/p1.png' are both 'p1.png' outside the input folder).
    groups: dict[tuple[str, PurePosixPath, str], list[tuple[int, InputItem]]] = defaultdict(list)
    for item in items:
        match = PAGE_IMAGE.match(item.name_path.name)
        if match and not item.skip_kind:
            stem = match.group("stem").rstrip("-_ .") or item.name_path.parent.name or item.folder_name or "pages"
            groups[(os.path.dirname(os.path.abspath(item.path)), item.name_path.parent, stem)].append((int(match.group("number")), item))
    joined: dict[int, InputItem] = {}
    members: set[int] = set()
    for (_, folder, stem), pages in groups.items():
        numbers = [number for number, _ in pages]
        if len(pages) < 2 or len(set(numbers)) != len(numbers):
            continue
        pages.sort(key=lambda page: page[0])
        first = pages[0][1]
        shown = PurePosixPath(first.display).parent / stem
        joined[id(first)] = replace(
            first, display=f"{shown} ({', '.join(item.name_path.name for _, item in pages)})",
            name_path=folder / stem, pages=tuple(item.path for _, item in pages))
        members.update(id(item) for _, item in pages)
    return [joined.get(id(item), item) for item in items if id(item) not in members or id(item) in joined]
