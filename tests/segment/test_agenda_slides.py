"""A deck's agenda slide ('Today', 'Agenda', 'Vandaag', "Aujourd'hui") names no lab, even when its
small print gives an amount of the presenter's own."""

from __future__ import annotations

import pytest
from flows import section_titles
from layout_boxes import FlowBuilder


@pytest.mark.parametrize("agenda", ["Today", "Agenda", "Outline"])
def test_an_agenda_slide_is_no_lab(agenda: str) -> None:
    flow = FlowBuilder()
    flow.line("Who runs the city's data? Two offices, two models", 18, bold=True)
    flow.paragraph(heading=agenda, lines=[
        "• Kestrel City · Tern region", "• What a city data office costs",
        "Background: our 2024 mapping was funded with €95,000 from the Forum's own budget."])
    flow.paragraph(heading="Kestrel City – Kestrel Data Office (KDO)", lines=[
        "• Created by mayoral order in 2013; about 20 staff", "• Budget about USD 4 million a year"])
    flow.paragraph(heading="Tern region – Tern Region Infoshare (TRI)", lines=[
        "• Launched in 2010 by four cities; a team of 5", "• EUR 600,000 a year, shared by the cities"])
    titles = section_titles(flow)
    assert agenda not in titles
    assert "Kestrel City – Kestrel Data Office (KDO)" in titles
