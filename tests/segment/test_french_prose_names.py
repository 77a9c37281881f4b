"""French prose names its bodies with a capitalised head and lower-case words after it ('La
Cinémathèque régionale a été fondée', 'La Commission hydrologique du Tarn a été créée'): each is a
lab of its own, whatever else the paragraph or its apposition calls it; a place chapter whose
heading describes ('3. Le Luxembourg : cadastre et topographie réunis') is about the body its first
sentence spells out with an acronym. Invented names; real places."""

from __future__ import annotations

from pathlib import Path

from flows import section_titles, text_titles
from layout_boxes import FlowBuilder

from extract.pipeline import sections_of
from extract.read.reader import read_document
from extract.settings import Settings

ESSAY = """J'ai passé l'hiver entre Paris et Namur, grâce à une bourse de 1 800 € d'une association d'amis.

À Paris, tout commence avec un collectionneur. La Cinémathèque régionale a été fondée en 1931 par
trois amateurs, à une époque où les copies partaient à la casse. Elle est une association régie
par la loi de 1901. Son programme est sur cinema-regional.example.

À Namur, l'histoire est plus fragile. La Filmothèque royale de Wallonie, que le public connaît sous
le nom de Filmotek, a été fondée en 1948 par deux critiques. Elle vit d'une subvention de la Région
et emploie 20 personnes. Ses séances sont annoncées sur filmotek.example.

Les deux maisons doivent tout à des passionnés privés et presque tout à l'argent public.
"""


def test_each_french_name_in_full_opens_its_own_section(tmp_path: Path) -> None:
    titles = text_titles(tmp_path, ESSAY)
    assert titles == ["Cinémathèque régionale", "Filmothèque royale de Wallonie"]


def test_a_place_chapter_that_describes_is_about_the_body_its_first_sentence_defines() -> None:
    flow = FlowBuilder()
    flow.line("Cartographier un pays : trois administrations comparées", 18, bold=True)
    flow.paragraph(heading="1. Introduction", lines=[
        "Nous comparons trois administrations qui tiennent les cartes de leur pays."])
    flow.paragraph(heading="2. La Suisse : un office au sein de la Défense", lines=[
        "L'Office fédéral des levés (OFL) a été créé en 1838. Il dépend du département de la défense."])
    flow.paragraph(heading="3. La Belgique : un organisme d'intérêt public", lines=[
        "L'Institut des levés de Belgique (ILB) a été créé en 1976. Il relève du ministre de la Défense."])
    flow.paragraph(heading="4. Le Luxembourg : cadastre et topographie réunis", lines=[
        "Au Grand-Duché, une seule administration réunit le cadastre et la cartographie :",
        "l'Administration des levés et du cadastre (ALC), qui dépend du ministère des Finances.",
        "Elle emploie environ 180 agents. Son site alc.public.lu publie aussi les données de l'ALC."])
    flow.paragraph(heading="5. Conclusion", lines=["Les trois modèles se valent."])
    titles = section_titles(flow)
    # The chapter is the ALC's (spelled out later, by the record's identity), not 'Le Luxembourg'.
    assert titles[2] in ("ALC, Luxembourg", "Administration des levés et du cadastre, Luxembourg",
                         "Administration des levés et du cadastre (ALC), Luxembourg"), titles


def test_an_initial_that_starts_a_line_is_no_lettered_heading(tmp_path: Path) -> None:
    # '... au Centre spatial John' / 'H. Chapman, à Longueuil, ...' goes on with its sentence; the
    # budget after it stays in the agency's paragraph.
    source = tmp_path / "essai.txt"
    source.write_text(
        "Deux institutions se partagent cette vue.\n\n"
        "La première regarde d'en haut. L'Agence orbitale nordique a été fondée le 1er mars 1989. Elle a\n"
        "son siège au Centre spatial John\n"
        "H. Chapman, à Longueuil, et relève du ministre de l'Industrie. Son budget atteignait 615 millions\n"
        "de dollars en 2023. On trouve ses programmes sur orbitale.example.\n", encoding="utf-8")
    sections = sections_of(read_document(source, Settings()))
    assert [s.title for s in sections] == ["Agence orbitale nordique"]
    assert "615 millions" in sections[0].text
