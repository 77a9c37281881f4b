"""A series of chapters each titled by a place and a name ('Namur : l'Agence des quais', 'Lausanne :
Kestrel Santé') holds one whose place the gazetteer does not know ('Saint-Héron : Heron Santé
publique'): set the same, it is a lab's chapter too, titled by its name (invented names)."""

from __future__ import annotations

from index_helpers import records_of
from layout_boxes import FlowBuilder


def test_a_place_the_gazetteer_does_not_know_in_a_series_of_place_chapters() -> None:
    flow = FlowBuilder()
    flow.line("Prévenir", 18, bold=True)
    flow.paragraph(heading="Édito", lines=["Chers collègues, voici qui nous recevra lors du voyage d'étude de mai."])
    flow.paragraph(heading="Saint-Héron : Heron Santé publique", lines=[
        "L'Agence nationale des quais sains, plus connue sous le nom de Heron Santé publique, a été créée",
        "le 1er mai 2016. Elle compte environ 650 agents. Site : www.heronsante.example"])
    flow.paragraph(heading="Namur : l'Agence des quais (ADQ)", lines=[
        "En Wallonie, l'Agence des quais (ADQ) est opérationnelle depuis le 1er janvier 2016. Elle est",
        "financée par une dotation de la Région. Plus d'informations sur www.adq.example."])
    flow.paragraph(heading="Lausanne : Kestrel Santé", lines=[
        "Depuis le 1er janvier 2019, le Centre Kestrel de santé au travail, Kestrel Santé, réunit trois",
        "instituts. Il compte quelque 850 collaborateurs. Site www.kestrelsante.example"])
    records = {record.name: record for record in records_of(flow)}
    assert "Heron Santé publique" in records
    assert records["Heron Santé publique"].staff is not None and records["Heron Santé publique"].staff.count == 650
    assert not any(name and name.startswith("Saint-Héron") for name in records)
