"""French names that go on in lower case, founded subjects in apposition, hosts and funders that a
paragraph names without being about them (written from the fifth genre set's travel notes, with
invented names)."""

from __future__ import annotations

import pytest
from layout_boxes import FlowBuilder

from extract.segment.acronyms import defined_acronyms
from extract.segment.lab_index import LabIndex
from extract.segment.lab_names import find_lab_names


def _defined(text: str) -> list[tuple[str, str]]:
    """(name, acronym) of each acronym ``text`` defines."""
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("À Ternville, l'Agence nationale de promotion des services numériques et de la donnée publique, "
     "que tout le monde appelle l'ANPSDP, occupe un immeuble.",
     "Agence nationale de promotion des services numériques et de la donnée publique"),
    ("Le Centre régional des systèmes d'information de l'État pilote le réseau.",
     "Centre régional des systèmes d'information de l'État"),
    ("La dernière étape m'a surpris. L'Agence Kestrie Digital, créée fin 2021, dépend du ministère.",
     "Agence Kestrie Digital"),
])
def test_a_french_name_strings_lower_case_complements_after_its_head(text: str, name: str) -> None:
    assert [m.name for m in find_lab_names(text, "fr")] == [name]


@pytest.mark.parametrize(("text", "lang"), [
    ("☰ L'Agence Services Actualités", "fr"),  # a menu: page titles and kinds, no name
    ("L'agence emploie près de deux cents agents.", "fr"),  # no capital, no name
    ("The Agence nationale team met us.", "en"),  # an English text strings no French complements
])
def test_no_chained_name_in_menus_lower_case_or_other_languages(text: str, lang: str) -> None:
    assert [m.name for m in find_lab_names(text, lang) if m.name.startswith("Agence")] == []


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # Eleven words, the acronym in a naming clause after an elided article.
    ("L'Agence nationale de promotion des services numériques et de la donnée publique, l'ANPSDP, est",
     "Agence nationale de promotion des services numériques et de la donnée publique", "ANPSDP"),
    ("À Ternville, l'Agence nationale des services de l'information et de la communication, que tout le "
     "monde appelle l'ANSIC, occupe", "Agence nationale des services de l'information et de la communication", "ANSIC"),
])
def test_a_long_french_name_is_defined_by_the_acronym_in_apposition(text: str, name: str, acronym: str) -> None:
    assert _defined(text) == [(name, acronym)]


def _travel_notes() -> FlowBuilder:
    flow = FlowBuilder()
    flow.line("Carnet de route — deux semaines entre Ternville et Portbrume", 14, bold=True)
    flow.paragraph(["J'étais parti avec une question simple : comment des États aux moyens modestes organisent-ils",
                    "la numérisation de leur administration ? Je suis revenu avec deux réponses."])
    flow.paragraph(["À Ternville, l'Agence nationale des services de l'information et de la communication,",
                    "que tout le monde appelle l'ANSIC, occupe un immeuble moderne. Créée par décret en 2002,",
                    "elle emploie près de deux cents agents. On trouve ses publications sur ansic.kt.",
                    "Ce modèle, où l'agence vit de redevances, lui donne une autonomie que ses homologues",
                    "envient. Il a aussi ses limites : les projets d'administration électronique proprement",
                    "dits relèvent d'autres services, et la coordination reste difficile."])
    flow.paragraph(["La dernière étape, à Portbrume, m'a le plus surpris. L'Agence Kestrie Digital, créée fin",
                    "2021 sous la forme d'une société d'État, dépend directement du ministère de l'Économie",
                    "numérique. Elle emploie une cinquantaine de personnes."])
    return flow


def test_travel_notes_about_labs_in_lower_case_french_give_a_section_each() -> None:
    from flows import section_titles

    assert section_titles(_travel_notes()) == [
        "Agence nationale des services de l'information et de la communication (ANSIC)", "Agence Kestrie Digital"]


def test_a_lab_s_host_named_more_often_does_not_name_the_page() -> None:
    from flows import section_titles

    flow = FlowBuilder()
    flow.line("Qui sommes-nous ?", 14, bold=True)
    flow.paragraph(["L'Incubateur des communes construit, avec les collectivités, des services numériques",
                    "simples. Lancé en 2020, il fait partie de l'Agence nationale de la cohésion des",
                    "communes (ANCC). Nous sommes une trentaine."])
    flow.paragraph(["Notre budget 2023 : 3,2 M€, financés par l'ANCC et les collectivités partenaires."])
    flow.line("incubateur.ancc.kt · Incubateur des communes — ANCC, 20 avenue du Port, Ternville")
    assert section_titles(flow) == ["Incubateur des communes"]


def test_a_board_founded_in_apposition_is_no_lab() -> None:
    from flows import section_titles

    flow = FlowBuilder()
    flow.line("Annual Report 2023", 16, bold=True)
    flow.paragraph(["The Kestrel Information Technology Development Agency (KITDA) was created by the KITDA",
                    "Act of 2007. It employs 1,087 people."])
    flow.paragraph(["Its Governing Board, inaugurated under the KITDA Act, has nine members: a chairman and",
                    "eight representatives of the ministries."])
    assert section_titles(flow) == ["Kestrel Information Technology Development Agency (KITDA)"]


@pytest.mark.parametrize(("text", "name", "acronym"), [
    # A mixed-case acronym taking three letters of a word, German links giving none.
    ("Le Zentrum für Digitale Versorgung der Länder, ou ZenDiV, a été créé le 2 mai 2022.",
     "Zentrum für Digitale Versorgung der Länder", "ZenDiV"),
    # A clause that says what the name is called, the letters from inside its words.
    ("Le premier de ces acteurs est le Rechenzentrum Nordwest, que tout le monde appelle RZNord. Il",
     "Rechenzentrum Nordwest", "RZNord"),
])
def test_acronyms_a_clause_gives_to_names_in_another_language(text: str, name: str, acronym: str) -> None:
    assert _defined(text) == [(name, acronym)]


@pytest.mark.parametrize("text", [
    "Nous avons visité Ternville, que tout le monde appelle TV.",  # one word, no name
    "Organised by the Kestrel Network, Kestrel Heights, KG 7 Ave, Kestrel, Ruritania",  # an address
])
def test_no_acronym_from_a_place_or_an_address(text: str) -> None:
    assert defined_acronyms(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # The name, a dash, its coined acronym.
    ("Créée en 2012, l'Intercommunale de Services en matière Numérique et Organisationnelle — iSno pour les intimes —",
     [("Intercommunale de Services en matière Numérique et Organisationnelle", "iSno")]),
    # An acronym in apposition after an article; its letters are the name's first words, then its place.
    ("Daar bezocht ik het Institut plánování a rozvoje hlavního města Kestrie, het IPR, dat sinds 2013",
     [("Institut plánování a rozvoje hlavního města Kestrie", "IPR")]),
    # The printed name before a bracket holding the name in its own language and the acronym.
    ("The Institute for Budget Forecasts (Inštitút budúcich financií, IBF) came into being in 2004",
     [("Institute for Budget Forecasts", "IBF"), ("Inštitút budúcich financií", "IBF")]),
    # A name twice: the definition is the nearer one, not both run together.
    ("Over het Rijks Data Gilde Het Rijks Data Gilde (RDG) is", [("Rijks Data Gilde", "RDG")]),
])
def test_acronyms_after_a_dash_an_article_or_a_name_in_its_own_language(text: str, expected: list[tuple[str, str]]) -> None:
    assert _defined(text) == expected


@pytest.mark.parametrize("text", [
    "Qui sommes-nous ? — iSno",  # a page title and its site: no name before the dash
    "Rapport annuel 2023 — DINUM",  # a title and its publisher
])
def test_no_acronym_for_a_page_title_and_its_site(text: str) -> None:
    assert defined_acronyms(text) == []


def test_a_coined_name_spelling_the_page_s_site_names_the_page() -> None:
    from flows import section_titles

    flow = FlowBuilder()
    flow.line("iSno Nos solutions Accompagnement Actualités Qui sommes-nous ? Emploi", 11, bold=True)
    flow.line("Qui sommes-nous ?", 14, bold=True)
    flow.paragraph(["Créée en 2012, notre intercommunale développe des logiciels libres pour les pouvoirs locaux.",
                    "Comme toute intercommunale, iSno appartient à ses membres."])
    flow.line("iSno en chiffres", 12, bold=True)
    flow.paragraph(["Équipe 118 collaboratrices et collaborateurs"])
    flow.footer_url("https://www.isno.kt/qui-sommes-nous")
    assert section_titles(flow) == ["iSno"]


@pytest.mark.parametrize(("acronym", "domain", "own"), [
    ("IPR", "iprkestrie.kt", True),  # the acronym, then its place
    ("IPR", "www.ipr.kt", True),
    ("IT", "itkestrie.kt", False),  # two letters start too many words
    (None, "ipr.kt", False),
])
def test_a_site_named_by_the_acronym_and_its_place(acronym: str | None, domain: str, own: bool) -> None:
    from extract.segment.lab_index import _acronym_site

    assert _acronym_site(acronym, domain) is own


def _index_of(paragraph: list[str], lang: str) -> LabIndex:
    """The LabIndex of one paragraph laid out as lines."""
    from extract.layout.build import build_lines

    flow = FlowBuilder()
    flow.paragraph(paragraph)
    lines = build_lines(flow.build())
    return LabIndex(lines, list(range(len(lines))), lang)


def test_an_undefined_acronym_goes_to_the_name_it_spells_exactly() -> None:
    index = _index_of(["Government designated the KDIA as the market surveillance authority.",
                       "The Kestrel Digital Innovation Hub, our consortium, admitted a new cohort.",
                       "The Kestrel Digital Innovation Authority was set up in 2018 and certified 19 systems."], "en")
    assert {e.name: e.acronym for e in index.entries} == {
        "Kestrel Digital Innovation Hub": None, "Kestrel Digital Innovation Authority": "KDIA"}


@pytest.mark.parametrize(("title", "renamed"), [
    ("Ternville — De Kestrel Prospective au Haut-commissariat à la Prospective et au Plan",
     ("Haut-commissariat à la Prospective et au Plan", "Kestrel Prospective")),
    ("Portbrume — Kestrel Titres (ex-AKTS)", ("Kestrel Titres", "AKTS")),
    ("Van Kestrelcampus naar GovTech Kestrel", ("GovTech Kestrel", "Kestrelcampus")),
    ("From Policy to Practice", None),  # one capitalised word renames nothing
    ("De l'idée au projet", None),
])
def test_a_heading_that_tells_a_renaming_names_the_lab_by_its_new_name(title: str, renamed: tuple[str, str] | None) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title, renaming

    assert renaming(title, lexicon("fr")) == renamed
    if renamed is not None:
        assert parse_title(title, lexicon("fr")).name == renamed[0]


def test_newsletter_datelines_over_renamed_labs_give_a_section_each() -> None:
    from flows import section_titles

    flow = FlowBuilder()
    flow.line("La lettre du réseau · n° 41", 16, bold=True)
    flow.paragraph(["Ce numéro présente deux organismes membres qui ont changé de nom récemment."])
    flow.paragraph(["Créé en 2013 sous le nom de Kestrel Prospective, l'organisme compte quelque 150 agents",
                    "et dispose d'environ 25 M€ par an."], heading="Ternville — De Kestrel Prospective au Haut-commissariat à la Prospective")
    flow.paragraph(["Établissement public créé en 2007 sous le nom d'Agence kestrelloise des titres, il a adopté",
                    "sa nouvelle dénomination en 2024. Son effectif est d'environ 180 agents. Le site reste akts.kt."],
                   heading="Portbrume — Kestrel Titres (ex-AKTS)")
    assert section_titles(flow) == ["Ternville — De Kestrel Prospective au Haut-commissariat à la Prospective",
                                    "Portbrume — Kestrel Titres (ex-AKTS)"]


def test_a_lab_s_own_annual_report_is_one_record_whatever_projects_it_names() -> None:
    from flows import section_titles

    flow = FlowBuilder()
    flow.line("Kestrel Backbone Limited — Annual Report", 16, bold=True)
    flow.line("and Financial Statements for the year", 16, bold=True)
    flow.line("ended 31 December 2024", 16, bold=True)
    flow.paragraph(["2024 was the year in which the second phase of the National ICT Backbone (NIB II) moved",
                    "into service. The NIB II now reaches 26 states."])
    flow.paragraph(["Kestrel Backbone (KB) was incorporated in 2006 and employs 612 people. The Kestrel",
                    "Information Technology Development Agency (KITDA) sets the standards we follow; the KITDA",
                    "also audits our data centres. Kestrel Backbone sells its services to ministries."])
    flow.paragraph(["The Kestrel Information Technology Development Agency (KITDA) publishes the standards; the",
                    "KITDA Act of 2007 gives it its powers."])
    flow.footer_url("www.kestrelbackbone.kt")
    titles = section_titles(flow)
    assert len(titles) == 1 and "Kestrel Backbone" in (titles[0] or "")


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Derrière ces guichets se trouve l'Agence de développement des services publics, la KSDA selon son sigle "
     "anglais, personne morale", "Agence de développement des services publics", "KSDA"),
    ("le décor change. L'Agence pour l'innovation et le développement numérique, que ses agents appellent KIDA "
     "d'après son nom anglais, a été créée", "Agence pour l'innovation et le développement numérique", "KIDA"),
])
def test_an_acronym_said_to_come_from_another_language_defines_the_name_before_it(text: str, name: str,
                                                                                 acronym: str) -> None:
    assert _defined(text) == [(name, acronym)]


def test_a_host_before_an_acronym_from_another_language_is_not_defined_by_it() -> None:
    text = "il fait partie de l'Agence de développement des services publics, la KSDA selon son sigle anglais, qui"
    assert defined_acronyms(text) == []


def test_a_bracketed_acronym_after_of_spells_the_name_every_initial_in_order() -> None:
    text = "Le présent rapport couvre le premier exercice complet d'Infrastructures numériques Kestrie (INK). Il"
    assert _defined(text) == [("Infrastructures numériques Kestrie", "INK")]


@pytest.mark.parametrize(("title", "name"), [
    ("Lisbonne : Autoridad Nacional para la Innovación Digital (ANID), une autorité rattachée à la Présidence",
     "Autoridad Nacional para la Innovación Digital"),
    ("Mali : l'AGKT, établissement public", "AGKT"),
])
def test_a_dateline_heading_s_name_ends_before_what_it_is_in_lower_case(title: str, name: str) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title(title, lexicon("fr")).name == name


def test_a_lab_s_host_cut_by_a_line_break_is_its_host() -> None:
    index = _index_of(["L'Ecokest est le laboratoire d'innovation du ministère. Mis en place en 2016, il est une",
                       "sous-direction du Commissariat général au développement",
                       "kestrellien (CGDK), direction transversale du ministère. L'Ecokest compte 24 agents."], "fr")
    host = next(e for e in index.entries if e.acronym == "CGDK")
    assert host.as_host


def test_a_gloss_cut_at_the_answer_s_line_end_is_no_part_of_the_name() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    parts = parse_title("Centre fédéral d'expertise des eaux (Federaal Kenniscentrum voor de", lexicon("fr"))
    assert parts.name == "Centre fédéral d'expertise des eaux"


def test_a_bracket_closed_before_a_name_ends_the_name_before_it() -> None:
    from extract.segment.acronyms import defined_names

    text = ("Nous comparons l'Agence nationale des eaux et des rivières (ANER) et l'Agence fédérale des eaux "
            "et des ports (AFEP) à partir des textes.")
    assert not any(name.startswith("ANER") for name in defined_names(text).values())


@pytest.mark.parametrize(("title", "lang", "name"), [
    ("A joint municipal authority: KRT", "en", "KRT"),
    ("Une agence d'État : l'AKQ", "fr", "AKQ"),
    ("Een kenniscentrum: Kestrelwater", "nl", "Kestrelwater"),
])
def test_a_heading_that_says_what_kind_of_body_before_its_name(title: str, lang: str, name: str) -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title(title, lexicon(lang)).name == name


def test_a_heading_whose_part_after_the_colon_is_no_name_keeps_its_words() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.titles import parse_title

    assert parse_title("A place for data: overview", lexicon("en")).name == "A place for data: overview"
