"""Labs as the eighteenth and nineteenth genre sets write them (invented names): a comparison's
columns headed by coined short forms ('ZWS', 'HarbLab'), a heading's name that the text under it
opens with again, a web page's sub-headings over key facts ('En pratique', 'Bestuur en
financiering'), and a letter about a unit of the organisation that writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import index_of, records_of
from layout_boxes import FlowBuilder

from extract.models import Line
from extract.pipeline import sections_of
from extract.read.reader import read_document
from extract.segment.lab_index import LabIndex
from extract.segment.spelling import abbreviates
from extract.segment.transposed import transposed_tables
from extract.settings import Settings


@pytest.mark.parametrize(("short", "name", "expected"), [
    ("ZWS", "Zeewaterstaat", True),
    ("HarbLab", "Harbour Laboratory of Port Elsa", True),
    ("QP Beacon", "Quayside Places Beacon", True),
    ("Total", "Tallinn Open Lab", False),  # a plain word abbreviates nothing
    ("XWS", "Zeewaterstaat", False),
])
def test_a_coined_short_form_abbreviates_its_name(short: str, name: str, expected: bool) -> None:
    assert abbreviates(short, name) is expected


def test_a_comparison_s_short_column_heads_name_the_labs_headed_before() -> None:
    prose = ["Zeewaterstaat", "Founded in 1810; it looks after the sea walls.",
             "Harbour Laboratory of Port Elsa", "A small lab for the quays."]
    rows = ["ZWS\tHarbLab", "Founded\t1810\t2019", "Staff\t± 900\tn/a", "Parent\tMinistry of Coasts\t—"]
    lines = [Line(page=1, text=t, bbox=(60.0, 20.0 * i, 500.0, 20.0 * i + 9),
                  role="heading" if i in (0, 2) else "table" if t in rows else "body")
             for i, t in enumerate(prose + rows)]
    body = list(range(len(lines)))
    [table] = transposed_tables(lines, body, LabIndex(lines, body, "en"),
                                [("Zeewaterstaat", "Zeewaterstaat"),
                                 ("Harbour Laboratory of Port Elsa (UK)", "Harbour Laboratory of Port Elsa (UK)")])
    assert [(c.title, c.short) for c in table.columns] == [("Zeewaterstaat", "ZWS"),
                                                            ("Harbour Laboratory of Port Elsa (UK)", "HarbLab")]


def test_a_heading_s_name_the_text_opens_with_again_is_said_once() -> None:
    flow = FlowBuilder()
    flow.paragraph(["Zorvak, the Social Benefits Institution of Narnia, dates from 1937 and is an",
                    "independent institution. Zorvak employs roughly 8,000 people."], heading="4. Zorvak")
    names = [e.name for e in index_of(flow, "en").entries]
    assert "Zorvak Zorvak" not in names
    assert "Zorvak" in names


@pytest.mark.parametrize(("lang", "facts_heading", "labels"), [
    ("fr", "En pratique", ["Adresse 12 quai des Phares, Port Elsa", "Rattachement Secrétariat général",
                           "Équipe une petite équipe"]),
    ("nl", "Bestuur en financiering", ["Opgericht 2001 (stichting)", "Toezicht raad van toezicht",
                                       "Financiering bijdrage van het ministerie"]),
])
def test_a_sub_heading_over_the_lab_s_key_facts_is_no_second_lab(lang: str, facts_heading: str,
                                                                  labels: list[str]) -> None:
    flow = FlowBuilder()
    flow.line("Quaylab", 16, bold=True)
    opening = {"fr": "Le Quaylab est le laboratoire d'innovation du port. Il travaille avec les équipes de terrain.",
               "nl": "Quaylab is de publieke ICT-organisatie voor de havens. Wij werken met de havenbedrijven."}[lang]
    flow.paragraph([opening])
    flow.line(facts_heading, 13, bold=True, space_before=8)
    for label in labels:
        flow.line(label)
    assert [r.name for r in records_of(flow)] == ["Quaylab"]


def _letter_sections(tmp_path: Path, text: str) -> list[str | None]:
    source = tmp_path / "letter.txt"
    source.write_text(text, encoding="utf-8")
    return [s.title for s in sections_of(read_document(source, Settings()))]


def test_a_letter_about_a_unit_of_its_sender_is_about_the_unit(tmp_path: Path) -> None:
    letter = """Harbour Commissioner's Office
Quay House, Port Elsa
Date 9 February 2026
Dear Professor Vane,
Your case study on the HCO's Harbour Sandbox
Thank you for your letter. I am glad to set out the main facts about our Sandbox below.
The Harbour Sandbox is a free service run by the Harbour Commissioner's Office for firms that test
new services on the quays. It opened in 2019. The Sandbox is part of the HCO and is not a separate
organisation. It is paid for from the HCO's general budget, which the HCO raises from port fees.
The HCO publishes an exit report for each project, and the HCO's board reviews them every year.
Yours sincerely,
Rebecca Thorn
Group Manager, Harbour Sandbox
Harbour Commissioner's Office
"""
    assert _letter_sections(tmp_path, letter) == ["Harbour Sandbox"]


def test_a_letterhead_naming_a_host_then_its_unit_writes_for_the_unit(tmp_path: Path) -> None:
    letter = """Autoriteit Havengegevens
Directie Coördinatie Kades
Postbus 100 · 2500 AA Den Haag
Datum 17 februari 2026
Onderwerp Uw vragen over het kadetoezicht
Geachte heer Hofman,
In uw brief stelt u vragen over de rol van de Autoriteit Havengegevens (AH) bij het kadetoezicht.
Sinds 2023 is de AH de coördinerend toezichthouder op kades. Die taak is belegd bij de Directie
Coördinatie Kades (DCK), een directie binnen de AH. De DCK heeft geen eigen bestuur.
Het kadetoezicht wordt betaald uit de rijksbegroting. Het budget is 3,6 miljoen euro per jaar.
De AH publiceert elk jaar een rapport, en de AH werkt samen met andere toezichthouders.
Hoogachtend,
J. Verbrugge
Directie Coördinatie Kades
"""
    assert _letter_sections(tmp_path, letter) == ["Directie Coördinatie Kades (DCK)"]



def test_chapters_titled_by_a_place_and_a_name_are_the_labs_chapters() -> None:
    """'Finlande : le Comité pour l'avenir' and two more chapters set that way in a two-column
    newsletter whose chapters open with who created the lab, not with its name."""
    from extract.pipeline import process_file

    path = Path(__file__).parents[1] / "fixtures" / "genres-heldout19" / "fr-newsletter-prospective-publique.pdf"
    names = [r.name for r in process_file(path, Settings()).records]
    assert names == ["Comité pour l'avenir", "Commissaire aux générations futures", "Scotland's Futures Forum"]


def test_table_cells_are_names_of_their_own_and_a_hyphen_carries_a_name_on() -> None:
    from extract.segment.lab_names import find_lab_names

    assert [m.name for m in find_lab_names("Quay BdN\tPôle ACPN\tDivision AMN", "fr", generic=True)][-1] != \
        "Pôle ACPN\tDivision AMN"
    assert [m.name for m in find_lab_names("a installé en 2016 un pôle Quai-Innovation. Il sert", "fr",
                                           generic=True)] == ["pôle Quai-Innovation"]


def test_a_heading_names_its_lab_then_where_it_sits() -> None:
    from extract.segment.lab_headings import heading_lab

    flow = FlowBuilder()
    flow.paragraph(["L'Autorité de contrôle des quais (ACQ) a installé en 2016 un pôle Quai-Innovation. Le pôle",
                    "Quai-Innovation sert de porte d'entrée aux porteurs de projets."])
    index = index_of(flow, "fr")
    found = heading_lab("2. Le pôle Quai-Innovation de l'ACQ", index)
    assert found is not None and found.name == "pôle Quai-Innovation"


def test_an_office_named_across_a_line_break_by_a_clause_that_gives_its_acronym() -> None:
    flow = FlowBuilder()
    flow.paragraph(["En Narnie, c'est le Parlement lui-même qui s'est doté d'un outil. L'Office parlementaire",
                    "d'évaluation des choix technologiques, portuaires et maritimes, que tout le monde appelle l'OPECPM, a",
                    "été créé par une loi du 8 juillet 1983. Il réunit dix-huit députés et dix-huit sénateurs."])
    entries = {e.name: e.acronym for e in index_of(flow, "fr").entries}
    assert entries.get("Office parlementaire d'évaluation des choix technologiques, portuaires et maritimes") == "OPECPM"


def test_a_weak_name_on_a_page_of_the_lab_s_own_site_is_no_second_lab() -> None:
    flow = FlowBuilder()
    flow.line("Who we are", 16, bold=True)
    flow.paragraph(["The Harbour Digital Service (HDS) is the national delivery body for the harbour strategy.",
                    "We began life in 2012 as the Harbour ICT Company. HDS is a not-for-profit company."])
    flow.paragraph(["Our work is funded by the harbours and by the Quay Office. Harbours pay for the services",
                    "they use, and the Quay Office funds some national programmes that we deliver."])
    flow.paragraph(["The Quay Office's digital directorate is one of our main national partners."])
    flow.footer_url("https://hds.harbour.uk/about-us/who-we-are")
    assert [r.name for r in records_of(flow)] == ["Harbour Digital Service"]


def test_a_letter_s_subject_naming_its_unit_by_acronym_over_the_host_letterhead(tmp_path: Path) -> None:
    letter = """CONSEJO GENERAL DE LOS MUELLES
Centro de Documentación Portuaria (CENDOP)
Donostia-San Sebastián · España
Saint-Sébastien, le 3 mars 2026
Objet : votre demande d'informations sur l'organisation du CENDOP
Madame la Conseillère,
Le Centro de Documentación Portuaria (CENDOP) est l'organe technique du Consejo General de los Muelles (CGM)
chargé de la documentation portuaire. Il a été créé en 1997. Le centre dépend directement du CGM, dont il
exécute les orientations. Son fonctionnement est assuré par le budget du Consejo General de los Muelles.
Le CGM publie ses orientations chaque année ; le CGM siège à Madrid.
Je vous prie d'agréer, Madame la Conseillère, l'expression de ma haute considération.
Iñaki Etxeberria
Centro de Documentación Portuaria
"""
    assert _letter_sections(tmp_path, letter) == ["Centro de Documentación Portuaria (CENDOP)"]


def test_place_chapters_about_a_name_with_its_city_and_about_two_places() -> None:
    flow = FlowBuilder()
    flow.line("Havenbrief", 16, bold=True)
    flow.paragraph(["Beste lezer, in deze brief zetten we twee havenbeheerders naast elkaar."])
    flow.paragraph(["Het Kadebedrijf Rotterdam werd in 2004 verzelfstandigd: de dienst werd een naamloze",
                    "vennootschap, Kadebedrijf Rotterdam N.V., met een raad van commissarissen. Het telt 1.200 medewerkers."],
                   heading="Rotterdam: een naamloze vennootschap met twee aandeelhouders")
    flow.paragraph(["Port of Kade-Sluis ontstond in 2022 uit de fusie van de havenbedrijven van Antwerpen en",
                    "Zeebrugge, en wordt bestuurd door een raad van bestuur."],
                   heading="Antwerpen en Brugge: sinds 2022 één haven")
    # The company's name as the text prints it with its legal form (set 64's rule, as set 20's gold writes
    # 'Havenbedrijf Rotterdam N.V.').
    assert [r.name for r in records_of(flow)] == ["Kadebedrijf Rotterdam N.V.", "Port of Kade-Sluis"]


@pytest.mark.parametrize("path", ["genres-heldout18/fr-web-page-lab-110bis.pdf", "genres-heldout18/nl-web-page-kennisnet.pdf",
                                  "genres-heldout19/fr-web-page-bnf-datalab.pdf"])
def test_a_printed_web_page_s_key_facts_heading_is_no_second_record(path: str) -> None:
    # Real pages of the eighteenth and nineteenth sets: 'En pratique' and 'Bestuur en financiering' over
    # the key facts each gave a second record (the synthetic case above was already right before the rule).
    from extract.pipeline import process_file

    records = process_file(Path(__file__).parents[1] / "fixtures" / path, Settings()).records
    assert len(records) == 1
