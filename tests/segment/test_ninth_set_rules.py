"""Rules written from the failures of the ninth genre set (tests/fixtures/genres-heldout9), with
invented names: acronyms in another language than their names, a lab's own pages as headings."""

from __future__ import annotations

import pytest

from extract.segment.acronyms import defined_acronyms


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # The acronym comes from the name in another language: the head noun tells where the name starts.
    ("En Belgique, le Bureau de la donnée partagée (SDO) a été lancé en 2019.", "Bureau de la donnée partagée", "SDO"),
    ("Het Agentschap voor Gegevensdeling (DSA) begon in 2020.", "Agentschap voor Gegevensdeling", "DSA"),
    # A mixed-case acronym taking two letters from one word.
    ("Le Pôle d'analyse de la régulation fiscale (PAReF) a été institué en 2020.",
     "Pôle d'analyse de la régulation fiscale", "PAReF"),
    # Opening a clause after a comma, with an elided article.
    ("Bras armé de l'État, l'Office de la Transition Verte (OTV) a été créé en 2021.",
     "Office de la Transition Verte", "OTV"),
    # Portuguese, Italian and Spanish links give no letter.
    ("Le Núcleo Técnico da Sociedade de Dados (NTSD) a été institué", "Núcleo Técnico da Sociedade de Dados", "NTSD"),
    # The acronym first, its name in apposition.
    ("La deuxième est la SPT, les Serviços Partilhados do Turismo, à Faro.", "Serviços Partilhados do Turismo", "SPT"),
])
def test_a_bracketed_acronym_after_a_headed_name_defines_it(text: str, name: str, acronym: str) -> None:
    assert [(n, a) for n, a, _ in defined_acronyms(text)] == [(name, acronym)]


@pytest.mark.parametrize("text", [
    "l'Agence du numérique (Paris) est ouverte",  # a place in brackets, one capital
    "the Digital Service (Den) is",
    "il fait partie de l'Office de la Transition Verte (OTV).",  # a host named in passing
    "l'Office de la Transition Verte (OTV).",  # a line that starts there: what came before is unknown
    "We met the Kenya Bureau (ZZ) team",  # no article before the head, letters do not fit
    "In the UK, Scotland and Wales agree.",  # an apposition that does not spell the acronym
])
def test_no_definition_without_a_head_noun_opening_the_name(text: str) -> None:
    assert defined_acronyms(text) == []


def test_a_letterhead_the_letter_defines_is_its_sender_and_our_budget_is_its_budget() -> None:
    from layout_boxes import FlowBuilder

    from extract.layout.build import build_lines
    from extract.segment.sections import split_sections

    flow = FlowBuilder()
    flow.line("Regards de prospective Kestrie", 16, bold=True)
    flow.line("Gouvernement de Kestrie · 12, rue du Port, Ternville")
    flow.line("Ternville, le 3 mars 2024 · N/Réf. : 2024-PSK-0312")
    flow.line("Madame la Directrice,")
    flow.paragraph(["Regards de prospective Kestrie est le centre de prospective du gouvernement. Notre",
                    "organisation est née en 2009 et compte une trentaine de personnes."])
    flow.paragraph(["Notre budget de fonctionnement avoisine 2,5 millions de dollars par année. Nos collègues du",
                    "Centre de recherches sur les ports (CRP) pourraient se joindre à l'atelier."])
    flow.line("Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération distinguée.")
    doc = flow.build()
    sections = split_sections(doc, build_lines(doc))
    owner = next(s for s in sections if any("2,5 millions" in line.text for line in s.lines))
    assert owner.title == "Regards de prospective Kestrie"
    assert [s.title for s in sections] == ["Regards de prospective Kestrie"]


def test_platforms_are_no_labs_and_their_pages_no_sites() -> None:
    from extract.segment.platforms import platform_host, platform_name

    assert platform_name("LinkedIn") and platform_name("YouTube") and platform_name("Mastodon")
    assert not platform_name("X") and not platform_name("Digital Cities Network")
    assert platform_host("www.linkedin.com") and platform_host("nl.linkedin.com") and platform_host("doi.org")
    assert not platform_host("linkedin-lab.gov.uk") and not platform_host("example.org")


def test_a_word_spelling_the_site_opening_sentences_twice_is_a_name() -> None:
    from layout_boxes import FlowBuilder

    from extract.layout.build import build_lines
    from extract.segment.lab_index import LabIndex

    flow = FlowBuilder()
    for line in ["Kestrio in Ternstad is de oudste van de twee. Het bedrijf werd in 1981 opgericht.",
                 "Kestrio beheert de systemen van de gemeenten. Meer informatie op kestrio.example."]:
        flow.line(line)
    doc = flow.build()
    lines = build_lines(doc)
    index = LabIndex(lines, list(range(len(lines))), "nl")
    entry = index.lookup("Kestrio")
    assert entry is not None and entry.domain


def test_an_ocr_forgiven_country_keeps_its_first_letter() -> None:
    from extract.normalize import find_countries

    assert find_countries("de fusie van Informatica Trentina en Trentino Network", "nl") == []
    assert [m.code for m in find_countries("samenwerking met Denernarken", "nl")] == ["DK"]


@pytest.mark.parametrize(("title", "name", "acronym", "country"), [
    ("Old Data Centre → Kestrel Adoption Unit (KAU)", "Kestrel Adoption Unit", "KAU", None),  # renamed
    ("Ternlab, Arménie : l'innovation citoyenne", "Ternlab", None, "AM"),  # name, country, subtitle
])
def test_titles_of_renamed_labs_and_of_labs_with_a_subtitle(title: str, name: str, acronym: str | None,
                                                             country: str | None) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    parts = parse_title(title, lexicon("fr"))
    assert (parts.name, parts.acronym, parts.country) == (name, acronym, country)


def test_a_numbered_part_title_over_its_first_question_is_no_question() -> None:
    from extract.segment.forms import answer_to, form_questions

    texts = ["1. Organisatie", "1.1 Naam", "Kestrel Kenniscentrum", "1.2 Website", "https://kestrel.example",
             "2. Middelen", "2.1 Aantal medewerkers", "11 onderzoekers", "2.2 Jaarbudget (EUR)", "1,05 miljoen euro"]
    questions = form_questions(texts)
    assert 0 not in questions and answer_to(texts, questions, "name") == "Kestrel Kenniscentrum"


def test_a_heading_the_chapter_opens_a_sentence_on_later_names_its_lab() -> None:
    from flows import section_titles
    from layout_boxes import FlowBuilder

    flow = FlowBuilder()
    flow.line("Study visit bulletin — Issue 4", 18, bold=True)
    flow.paragraph(heading="Kestrel Digital", lines=[
        "Across town, the Agencia para la Administración Digital de Kestrel — known simply as Kestrel",
        "Digital — is a much larger body. It was set up in 2018.",
        "Kestrel Digital employs roughly 750 people and manages a budget of €300 million a year."])
    assert "Kestrel Digital" in section_titles(flow)


@pytest.mark.parametrize(("acronym", "name", "spelled"), [
    ("PAReF", "Pôle d'analyse de la régulation fiscale", True),  # 'Re' from one word
    ("AgTD", "Agenzia per la Transizione Digitale", True),
    ("NeKD", "National e-Kestrel Division", True),
    ("iKA", "Information & eKestrel Authority", True),  # the 'e' of 'eKestrel' gives no letter
    ("Den", "Digital Service", False),
])
def test_a_mixed_case_acronym_may_take_two_letters_from_one_word(acronym: str, name: str, spelled: bool) -> None:
    from extract.segment.spelling import spells_mixed_acronym

    assert spells_mixed_acronym(acronym, name) is spelled


def test_a_sentence_s_elided_article_is_no_part_of_a_defined_name() -> None:
    text = "L'Agenzia per la Transizione Digitale (AgTD) coordina i progetti."
    assert [(n, a) for n, a, _ in defined_acronyms(text)] == [("Agenzia per la Transizione Digitale", "AgTD")]


def test_a_letter_s_sender_is_in_the_country_of_its_letterhead() -> None:
    from extract.pipeline import process_text

    text = ("Kestrel Agency · Royal Government of Kestria\n"
            "Post Box 482, Thimphu 11001, Bhutan\n"
            "Our ref.: KA/2024/117 · 18 November 2024\n"
            "Dear Ms Raghunathan,\n"
            "The Kestrel Agency was established in 2022 as part of the civil service reform. We currently "
            "have about 230 staff.\n"
            "Yours sincerely,\nKarma Wangchuk\n")
    (record,) = process_text(text).records
    assert (record.name, record.country) == ("Kestrel Agency", "BT")


def test_a_letter_about_a_lab_is_not_named_after_the_lab_s_host() -> None:
    from extract.pipeline import process_text

    text = ("Kestrel Verzekeringsbank · Ternlab\n"
            "Postbus 18, 1180 BB Amstelveen · www.kvb.example\n"
            "Datum 9 september 2024 · Ons kenmerk TL/2024/0917\n"
            "Geachte mevrouw Koster,\n"
            "In uw brief vraagt u of Ternlab, het innovatielab van de KVB, wil meedoen aan uw pilot.\n"
            "Wie wij zijn\n"
            "Ternlab is in 2016 binnen de KVB begonnen als een klein team. Het lab valt onder de KVB.\n"
            "Ons vaste team bestaat uit twaalf mensen. De KVB draagt de kosten.\n"
            "Met vriendelijke groet,\nM. van der Wal\n")
    names = [r.name for r in process_text(text).records]
    assert names == ["Ternlab"]


def test_a_coined_name_hyphened_to_its_kind_is_a_lab_name() -> None:
    from extract.segment.lab_names import find_lab_names

    names = [m.name for m in find_lab_names("Het eKestrel-platform is veel jonger dan het onderwijs-platform.", "nl")]
    assert names == ["eKestrel-platform"]
