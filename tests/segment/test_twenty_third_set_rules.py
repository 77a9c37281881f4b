"""Lab names as the twenty-third and twenty-fourth genre sets write them (invented names): a name a
line break cut before its head, and a name whose complement its web address spells."""

from __future__ import annotations

import pytest

from extract.pipeline import process_text


def test_a_name_the_line_break_cut_before_its_head_keeps_its_first_words() -> None:
    """'... et la Grey' / 'Team Océan, ...': the second line alone reads 'Team Océan'."""
    text = ("Trois équipes\n\nNous en avons retenu deux pour cette étude comparative : le Quaylab Marine de Brest "
            "et la Grey\nTeam Océan, deux structures très différentes par leur taille et leur histoire.\n\n"
            "La Grey Team Océan a été créée en 2019 par la marine. Elle réunit des auteurs et des scénaristes.\n\n"
            "Le Quaylab Marine a été créé en 2016. Il compte douze personnes.\n")
    records = process_text(text).records
    assert {(r.name, r.founded_year) for r in records} == {("Quaylab Marine", 2016), ("Grey Team Océan", 2019)}


def test_a_name_whose_complement_the_web_address_spells_is_kept_whole() -> None:
    """coastalcareinnovation.example.org spells 'Coastal Care Innovation', the complement of the
    centre's head: the centre's whole name is the lab's."""
    text = ("When people ask me why a port needs an innovation centre, I answer with two visits.\n\n"
            "The Harbourside Medicine Center for Coastal Care Innovation was set up in 2014, and its staff are "
            "quick to say so. It has a team of twelve.\n\n"
            "The Center describes its work at coastalcareinnovation.example.org.\n")
    (record,) = process_text(text).records
    assert record.name == "Harbourside Medicine Center for Coastal Care Innovation"
    assert record.website == "https://coastalcareinnovation.example.org"


def test_place_chapters_of_a_newsletter_are_the_labs_their_first_sentences_define() -> None:
    """'Singapore: the group that started a festival' and 'India: an innovation hub with its own
    company number' name no lab; their first sentences define one with its acronym, further down
    than the chapter's first line. The masthead over its issue line ('SupTech Exchange Bulletin' /
    '... · Issue 31, February 2026') is the publication, not a lab; and a title the text writes
    over a line break is still the name (not its first word, 'FinTech')."""
    from pathlib import Path

    from extract.pipeline import process_file
    from extract.settings import Settings

    path = Path(__file__).parents[1] / "fixtures" / "genres-heldout23" / "en-newsletter-central-bank-innovation.pdf"
    records = process_file(path, Settings()).records
    assert [(r.name, r.acronym, r.country) for r in records] == [
        ("FinTech and Innovation Group", "FTIG", "SG"),
        ("Reserve Bank Innovation Hub", "RBIH", "IN"),
        ("Laboratório de Inovações Financeiras e Tecnológicas", "LIFT", "BR")]


def test_a_short_line_over_an_issue_line_is_a_masthead() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.subject_names import masthead_over_issue

    lex = lexicon("en")
    assert masthead_over_issue("Quayside Exchange Bulletin", "News for supervisors · Issue 31, May 2026", lex) \
        == "Quayside Exchange Bulletin"
    assert masthead_over_issue("Quayside Exchange Bulletin", "News for supervisors, May 2026", lex) is None
    assert masthead_over_issue("The lab was set up in 2019 and moved twice.", "Issue 31", lex) is None


@pytest.mark.parametrize(("text", "name"), [
    # The next line opens a sentence: the name ended with its line.
    ("part of the Cabinet Office\nThe Quayside Fraud Authority was set up in 2022", "Cabinet Office"),
    ("reports to the Air Force Research Laboratory\nMost of our budget consists of grants", "Air Force Research Laboratory"),
    # A short line (a box's value) over a line that goes on in lower case.
    ("Tutelle Quayside Seine Métropole\nMontant total 12 M€", "Quayside Seine Métropole"),
    # A name wrapped in a narrow column goes on in name words.
    ("Tutelle Autonomous\nProvince of Quaytown", "Autonomous Province of Quaytown"),
    ("part of the Secretary of State for Harbour\nModernisation, which", "Secretary of State for Harbour Modernisation"),
])
def test_an_organisation_name_ends_where_its_line_does_when_the_next_line_is_not_its(text: str, name: str) -> None:
    from extract.extractors.phrases import org_phrase
    from extract.rules.lexicon import lexicon

    start = text.index(name.split()[0])
    span = org_phrase(text, start, lexicon("en"))
    assert span is not None
    assert " ".join(text[span[0]:span[1]].split()) == name


@pytest.mark.parametrize(("lang", "written", "parent"), [
    ("en", "Quaytown Metropolitan Government (QMG) in July", "Quaytown Metropolitan Government"),
    ("fr", "Autorité de la concurrence quayside (ACQ) en avril", "Autorité de la concurrence quayside"),
    ("en", "Harbour Board in March", "Harbour Board"),
])
def test_a_parent_is_its_name_without_a_month_or_its_acronym(lang: str, written: str, parent: str) -> None:
    """'set up by the CMA in April 2021': the month says when; '(TMG)' glosses the name."""
    from extract.extractors.parents import trim_parent
    from extract.rules.lexicon import lexicon

    assert trim_parent(written, lexicon(lang)) == parent


@pytest.mark.parametrize(("lang", "heading", "name"), [
    ("nl", "KMA in het kort", "KMA"),
    ("en", "Quayside Lab at a glance", "Quayside Lab"),
    ("fr", "Le Quaylab en bref", "Quaylab"),
    ("nl", "In het kort", "In het kort"),  # nothing before the words: the heading as it is
])
def test_a_heading_that_sums_up_a_lab_names_it(lang: str, heading: str, name: str) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title(heading, lexicon(lang)).name == name


def test_a_heading_that_is_a_head_noun_alone_is_the_lab_its_text_names_with_it() -> None:
    """"L'Agence en bref" on a printed page whose text names one 'Agence Parisienne du Climat (APC)'."""
    from pathlib import Path

    from extract.pipeline import process_file
    from extract.settings import Settings

    path = Path(__file__).parents[1] / "fixtures" / "genres-heldout25" / "fr-web-page-agence-parisienne-climat.pdf"
    (record,) = process_file(path, Settings()).records
    assert record.name == "Agence Parisienne du Climat"
    assert record.acronym != "L'Agence"


def test_a_printed_page_titled_by_a_page_of_its_site_is_about_the_site_s_organisation() -> None:
    """'Over de organisatie' is the page's title, under the browser's 'Organisatie | Huis voor
    Klokkenluiders': the name no head noun marks is the site's."""
    from pathlib import Path

    from extract.pipeline import process_file
    from extract.settings import Settings

    path = Path(__file__).parents[1] / "fixtures" / "genres-heldout26" / "nl-web-page-huis-voor-klokkenluiders.pdf"
    (record,) = process_file(path, Settings()).records
    assert record.name == "Huis voor Klokkenluiders"


@pytest.mark.parametrize(("lang", "heading", "page_title"), [
    ("nl", "Over de organisatie", True),
    ("en", "About the organisation", True),
    ("nl", "Over Kadelab", False),
])
def test_about_the_organisation_is_a_page_of_a_site(lang: str, heading: str, page_title: bool) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.lab_headings import is_page_title

    assert is_page_title(heading, lexicon(lang)) is page_title


def test_a_founding_told_of_it_presents_the_sentence_before_s_subject() -> None:
    """'The Harbour Payments Agency is the oldest of the three. It was set up in October 2001 ...':
    a weak name (its head alone, no acronym, named once) is a lab when the next sentence founds it."""
    text = ("Farmers rarely think of the organisation that pays them as a data business, but that is what a paying "
            "agency has become. Three agencies I visited show how differently this job can be organised.\n\n"
            "The Harbour Payments Agency is the oldest of the three in its present form. It was set up in October "
            "2001 as an executive agency of the department, and it is still one.\n\n"
            "Quaytown took a different road. The Agenzia per i Pagamenti Portuali, APP, was created by a decree in "
            "1999 to replace the old intervention agency. Its site, app-portuali.example, lists its circulars.\n")
    records = process_text(text).records
    assert ("Harbour Payments Agency", 2001) in {(r.name, r.founded_year) for r in records}


@pytest.mark.parametrize(("text", "bodies"), [
    ("Quay Catapult\n\nThe Quay Catapult (QC) was set up in 2015. The Catapult has its own board of directors. "
     "Its website is qc.example.\n", ["board of directors"]),
    ("Quaylab\n\nQuaylab (QL) werd in 2015 opgericht. Quaylab heeft een eigen raad van bestuur. Web quaylab.example\n",
     ["raad van bestuur"]),
    ("Observatoire Quay\n\nL'Observatoire Quay (OQ) a été créé en 2001. Il est doté d'un conseil d'orientation.\n",
     ["conseil d'orientation"]),
    ("Quay Institute\n\nThe Quay Institute (QI) was set up in 1947. It is governed by a general assembly and a board "
     "of directors drawn from the federations.\n", ["general assembly", "board of directors"]),
])
def test_a_lab_s_own_body_and_the_body_joined_to_it(text: str, bodies: list[str]) -> None:
    """Bodies in lower case outside a governance block: one the lab 'has its own' of, and a second one
    joined by 'and a' to a body the text says governs it."""
    (record,) = process_text(text).records
    assert record.governance is not None
    assert [b.name.lower() for b in record.governance.bodies] == bodies


def test_a_plain_text_title_the_paragraph_under_it_opens_with_is_named_once() -> None:
    """'Harbour Lab' over 'Harbour Lab was set up in 2018 ...' in a .txt file (no heading role): one
    name, not 'Harbour Lab Harbour Lab'."""
    text = "Harbour Lab\n\nHarbour Lab was set up in 2018. It is part of the Department of Jobs.\n\nWeb harbourlab.example\n"
    (record,) = process_text(text).records
    assert record.name == "Harbour Lab"
