"""Bodies outside a governance block, said to run or advise the lab as reports write it (invented
labs): 'bestaat uit een algemeen bestuur en een dagelijks bestuur', 's'appuie sur un conseil
scientifique', 'is advised by an Advisory Panel'."""

from __future__ import annotations

import pytest

from extract.pipeline import process_text


@pytest.mark.parametrize(("text", "bodies"), [
    ("Havenlab\n\nHet Havenlab (HVL) is een dienst van de haven en werd in 2015 opgericht. Het bestuur bestaat uit "
     "een algemeen bestuur en een dagelijks bestuur. Er werken veertig mensen.\n\nWeb havenlab.example\n",
     {"algemeen bestuur", "dagelijks bestuur"}),
    ("Laboratoire portuaire\n\nLe Laboratoire portuaire (LPO) est un service du port, créé en 2015. Il s'appuie sur un "
     "conseil scientifique pour ses programmes. Il emploie quarante personnes.\n\nWeb lpo.example\n",
     {"conseil scientifique"}),
])
def test_a_body_the_text_says_runs_or_advises_the_lab(text: str, bodies: set[str]) -> None:
    (record,) = process_text(text).records
    assert record.governance is not None
    assert {b.name.casefold() for b in record.governance.bodies} == bodies
