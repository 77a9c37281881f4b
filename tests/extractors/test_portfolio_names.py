"""Funding sources as the newer sets write them (invented labs): a funder whose name ends in a list of
portfolios is one source, not one per portfolio; a lab that receives funding from, or lives on, a source."""

from __future__ import annotations

import pytest

from extract.pipeline import process_text


@pytest.mark.parametrize(("text", "sources"), [
    ("Harbourlab\n\nThe lab was set up in 2018. It is funded by the Department of Jobs, Skills, Industry and "
     "Regions.\n\nWeb harbourlab.example\n",
     ["Department of Jobs, Skills, Industry and Regions"]),
    ("Kadelab\n\nHet lab werd in 2018 opgericht en wordt betaald uit een subsidie van het ministerie van "
     "Onderwijs, Cultuur en Wetenschap.\n\nWeb kadelab.example\n",
     # The grant is named with its giver, as the gold of most sets writes it ('subvention de l'État').
     ["subsidie van het ministerie van Onderwijs, Cultuur en Wetenschap"]),
    ("Quailab\n\nLe laboratoire a été créé en 2018. Il est financé par le ministère de l'Économie, de "
     "l'Innovation et de l'Énergie (MEQI).\n\nWeb quailab.example\n",
     ["ministère de l'Économie, de l'Innovation et de l'Énergie (MEQI)"]),
    # After a verb of getting money, the list ends the source ('ontvangt een subsidie van'), not at its
    # first comma nor in the next sentence; a ministry named by its acronym lists its portfolios too.
    ("Kadelab\n\nHet lab werd in 2018 opgericht. Het ontvangt een subsidie van het ministerie van Onderwijs, "
     "Cultuur en Wetenschap. Daarnaast voert het opdrachten uit.\n\nWeb kadelab.example\n",
     ["ministerie van Onderwijs, Cultuur en Wetenschap"]),  # after 'ontvangt', the giver (as set 44's gold)
    ("Quailab\n\nLe laboratoire a été créé en 2018. Il reçoit un financement du SPF Affaires étrangères, "
     "Commerce extérieur et Coopération au développement.\n\nWeb quailab.example\n",
     ["SPF Affaires étrangères, Commerce extérieur et Coopération au développement"]),
    # ... and what the verb goes on to name after the list is a source of its own.
    ("Harbourlab\n\nThe lab was set up in 2018. It is funded by the Department of Jobs, Skills, Industry and "
     "Regions and by licence fees.\n\nWeb harbourlab.example\n",
     ["Department of Jobs, Skills, Industry and Regions", "licence fees"]),
    # Funders listed one after another are still separate sources.
    ("Harbourlab\n\nThe lab was set up in 2018. It is funded by Nesterra, Sitrava and the Bloomfield Fund.\n\n"
     "Web harbourlab.example\n",
     ["Nesterra", "Sitrava", "Bloomfield Fund"]),
])
def test_a_funder_named_with_its_portfolios_is_one_source(text: str, sources: list[str]) -> None:
    (record,) = process_text(text).records
    assert record.funding_sources == sources


@pytest.mark.parametrize(("text", "sources"), [
    ("Quaylab\n\nThe Quay Health Institute (QHI) was established in 2016. Alongside its core grant, we receive "
     "funding from the Quaytown Health Directorate for national programmes.\n\nWeb quaylab.example\n",
     ["Quaytown Health Directorate"]),
    ("Quaylab\n\nL'association OpenQuay (OQ) a été créée en 2015. L'association vit principalement des "
     "cotisations de ses adhérents.\n\nWeb quaylab.example\n", ["cotisations de ses adhérents"]),
])
def test_a_lab_that_receives_or_lives_on_money_names_its_source(text: str, sources: list[str]) -> None:
    (record,) = process_text(text).records
    assert record.funding_sources == sources
