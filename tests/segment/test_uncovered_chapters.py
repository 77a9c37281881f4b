"""Chapters whose heading does not name their lab ('Prague: an institute living on European money')
still give it a section when the chapter opens by presenting it; an introduction, a conclusion or a
title page that names organisations does not."""

from __future__ import annotations

from flows import section_titles
from layout_boxes import FlowBuilder

from extract.segment.acronyms import defined_acronyms
from extract.segment.spelling import spells_mixed_acronym


def test_a_chapter_presenting_its_lab_under_a_heading_that_does_not_name_it() -> None:
    flow = FlowBuilder()
    flow.line("Across the border", 18, bold=True)
    flow.paragraph(["This issue visits two organisations we met on the study trip in March, hosted by the",
                    "Regional Digital Office (RDO), which organised the programme."])
    flow.paragraph(heading="Vilnius: an institute that lives on European money", lines=[
        "The Northern Public Innovation Institute (NPII) was founded in 2020 by the city",
        "government to carry out the capital's innovation agenda. It employs some forty people.",
        "In 2023 its costs were EUR 3.8 million, mostly paid from European funds."])
    flow.paragraph(heading="Service Design Lab", lines=[
        "The Service Design Lab (SDL) is the state's design team and reports to the",
        "ministry of digital affairs. It has existed since 2008 and employs 30 people."])
    flow.paragraph(heading="Harbour Policy Studio", lines=[
        "The Harbour Policy Studio opened in 2016 inside the port authority. Its team of",
        "eight runs experiments with citizens and publishes its methods."])
    flow.paragraph(heading="What we take home", lines=[
        "Both the NPII and the SDL show that a small team with a clear mandate goes far;",
        "the Regional Digital Office (RDO) will discuss this at its next meeting."])
    titles = section_titles(flow)
    assert titles == ["Northern Public Innovation Institute (NPII), Vilnius", "Service Design Lab (SDL)", "Harbour Policy Studio"]


def test_mixed_case_acronyms_are_read_where_every_letter_is_an_initial() -> None:
    assert spells_mixed_acronym("Pii", "Pražský inovační institut")
    assert not spells_mixed_acronym("Den", "Digital Service")
    assert not spells_mixed_acronym("COI", "Centralny Ośrodek Informatyki")  # capitals: an ordinary acronym
    (found,) = defined_acronyms("Het Pražský inovační institut (Pii) werd in 2020 opgericht.")
    assert found[:2] == ("Pražský inovační institut", "Pii")
    assert defined_acronyms("The Digital Service (Den) in Copenhagen") == []


def test_an_acronym_given_in_apposition_after_its_name() -> None:
    found = defined_acronyms("Le lendemain, à l'Institut Municipal d'Informàtica de Barcelone, l'IMI. Cet organisme")
    assert [(name, acronym) for name, acronym, _ in found] == [("Institut Municipal d'Informàtica de Barcelone", "IMI")]
    found = defined_acronyms("Het Centrum voor Digitale Dienstverlening, kortweg CDD, werkt voor gemeenten.")
    assert [(name, acronym) for name, acronym, _ in found] == [("Centrum voor Digitale Dienstverlening", "CDD")]
    assert defined_acronyms("Wij werken met Logius, ICTU en de gemeenten.") == []
