"""Founding years as the twenty-fifth and twenty-sixth genre sets write them (invented labs): a body
'ingesteld' (set up by law), a service that 'began in' a year under another name, an organisation
that 'a commencé ses activités'; starting work is weaker than being founded."""

from __future__ import annotations

import pytest

from extract.pipeline import process_text


@pytest.mark.parametrize(("text", "year"), [
    ("Kiesbureau\n\nHet Kiesbureau werd in 1917 ingesteld en is het landelijke adviesorgaan.\n\n"
     "Web kiesbureau.example\n", 1917),
    ("Quayside Research Service\n\nThe Quayside Research Service (QRS) works for members. It began in 1914 as "
     "the Legislative Reference Office and took its present name in 1970.\n\nWeb qrs.example\n", 1914),
    ("Carto Éire\n\nLe nouvel organisme, Carto Éire, a commencé ses activités en 2023. Il relève du ministère "
     "du Logement.\n\nWeb carto.example\n", 2023),
    # Created by a decree, then at work the next January: the creation dates it.
    ("Institut quayside\n\nL'Institut quayside (IQS) est un organisme public. Il a été créé par le décret du "
     "4 décembre 2003 et a commencé ses activités le 1er janvier 2004.\n\nWeb iqs.example\n", 2003),
])
def test_a_founding_written_with_these_words_dates_the_lab(text: str, year: int) -> None:
    (record,) = process_text(text).records
    assert record.founded_year == year
