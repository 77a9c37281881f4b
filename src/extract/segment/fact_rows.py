"""A key-facts box on a scanned slide or page that OCR reads as plain lines: 'Sinds stichting sinds
1991', 'Toezicht raad van toezicht', 'Geld instellingssubsidie van VWS', 'Web lareb.nl'. The gap
between the label column and the values is gone, so no table is found; a run of short lines of
which several open with a field label is such a box, and its labels get back their colon."""

from __future__ import annotations

from extract.models import Line
from extract.segment.forms import opens_with_label, with_separator

MIN_LABELLED_ROWS = 3
MAX_ROW_WORDS = 14
"""A box's row is short; a paragraph's wrapped lines run longer."""
MIN_LABELLED_SHARE = 0.4


def scanned_fact_rows(lines: list[Line]) -> list[Line]:
    """The lines with each scanned fact box's labels separated from their values ('Web: lareb.nl')."""
    out = list(lines)
    i = 0
    while i < len(out):
        if not _row(out[i]):
            i += 1
            continue
        j = i + 1
        while j < len(out) and _row(out[j]) and out[j].page == out[i].page:
            j += 1
        # A box's label is capitalised and its row no sentence's end: 'financements politiques, elle
        # relève ...' is a paragraph's wrapped line that happens to open with a label word.
        labelled = [k for k in range(i, j) if out[k].text[:1].isupper() and not out[k].text.rstrip().endswith(".")
                    and opens_with_label(out[k].text)]
        if len(labelled) >= MIN_LABELLED_ROWS and len(labelled) >= MIN_LABELLED_SHARE * (j - i):
            for k in labelled:
                out[k] = out[k]._replace(text=with_separator(out[k].text))
        i = j
    return out


def _row(line: Line) -> bool:
    """An OCR'd body line short enough to be a box's row."""
    return line.conf is not None and line.role == "body" and len(line.text.split()) <= MAX_ROW_WORDS
