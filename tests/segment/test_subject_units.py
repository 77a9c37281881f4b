"""A letter answering questions about a unit its subject line names in lower case ('Objet : Demande
d'informations sur le service des données portuaires') is about that unit, not about its signer,
whose name is set large over his title (invented names)."""

from __future__ import annotations

from index_helpers import records_of
from layout_boxes import FlowBuilder


def test_a_letter_is_about_the_unit_its_subject_line_names() -> None:
    flow = FlowBuilder()
    flow.line("Autorité des quais", 16, bold=True)
    flow.line("Services d'instruction – Rapporteur général")
    flow.line("11, rue du Port · 75001 Paris · www.autoritedesquais.example")
    flow.line("Paris, le 4 février 2026")
    flow.line("Madame Anne Heron")
    flow.line("Comité consultatif des usagers du port")
    flow.line("Objet : Demande d'informations sur le service des données portuaires", space_before=6)
    flow.line("Madame la Secrétaire,", space_before=6)
    flow.paragraph(["Par courrier du 19 janvier, vous avez souhaité connaître l'organisation dont l'Autorité s'est",
                    "dotée. L'Autorité a annoncé en 2019 la création d'un service des données portuaires, mis en",
                    "place à compter de janvier 2020. Lors de son lancement, le service a été doté de quatre postes.",
                    "Ses moyens relèvent du budget de l'Autorité, inscrit en loi de finances.",
                    "Je vous prie d'agréer, Madame la Secrétaire, l'expression de ma considération distinguée."])
    flow.line("Jan Kestrel-Oyono", 13, bold=True, space_before=10)
    flow.line("Rapporteur général adjoint")
    names = [record.name for record in records_of(flow)]
    assert names == ["Service des données portuaires"]
