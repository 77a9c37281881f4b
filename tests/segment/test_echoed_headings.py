"""A heading whose name the chapter's first words take up opens that lab's section, head noun or
not ('2. Kestrel Works, the elder' over 'Kestrel Works opened its doors in 2004'); a topic heading
over a list, a plain word and a letterhead do not."""

from __future__ import annotations

from flows import section_titles
from layout_boxes import FlowBuilder

from extract.layout.build import build_lines
from extract.segment.lab_index import LabIndex
from extract.segment.sections import split_sections


def test_named_chapters_whose_names_have_no_head_noun() -> None:
    flow = FlowBuilder()
    flow.line("Sharing digital tools between small towns", 18, bold=True)
    flow.paragraph(heading="1. Why towns pool their tools", lines=[
        "Small towns cannot buy case management or e-signature tools alone; they pool them in joint",
        "bodies. We compare two of them, in the north and on the coast."])
    flow.paragraph(heading="2. Kestrel Works, the elder", lines=[
        "Kestrel Works opened its doors in 2004 at the initiative of the province. Its team counts",
        "31 people and its budget was EUR 4.2 million in 2023."])
    flow.paragraph(heading="3. Tern Data, the coast's tool", lines=[
        "The joint body Tern Data was set up in 2011 by nine coastal towns. Some twelve staff run",
        "its shared data platform for about EUR 1.1 million a year."])
    flow.paragraph(heading="4. Methods", lines=[
        "Methods differ: one charges its members, the other lives on grants from the province."])
    assert section_titles(flow) == ["Kestrel Works", "Tern Data"]


def test_a_topic_heading_over_a_list_names_no_lab() -> None:
    flow = FlowBuilder()
    flow.line("About the Harbourline Agency", 18, bold=True)
    flow.paragraph(heading="Who we are", lines=[
        "The Harbourline Agency was created in 2015 and employs 80 people. Its budget is",
        "EUR 9 million a year, paid by the regional government."])
    flow.paragraph(heading="Digital Harbour in numbers", lines=[
        "• Digital Harbour programme outlay: EUR 40 million for 2021-2025",
        "• Online services: more than 200"])
    assert "Digital Harbour" not in section_titles(flow)


def _index(text: str, lang: str = "en") -> LabIndex:
    flow = FlowBuilder()
    for line in text.splitlines():
        flow.line(line)
    doc = flow.build()
    lines = build_lines(doc)
    return LabIndex(lines, list(range(len(lines))), lang)


def test_a_name_whose_apposition_says_what_kind_of_organisation_it_is() -> None:
    index = _index("Finland: Kestrava at eleven\n"
                   "Kestrava, the Government Data Centre, went live in March 2014. Kestrava invoices\n"
                   "its customers for everything it does. More: kestrava.fi")
    entry = index.lookup("Kestrava")
    assert entry is not None and entry.strong
    assert index.lookup("Government Data Centre") in (None, entry)


def test_a_person_or_a_list_is_no_apposition() -> None:
    index = _index("Maria Lindqvist, the team lead, presented the results. We met Hexalab, the Pixel Lab,\n"
                   "the Data Unit and others.")
    assert index.lookup("Maria Lindqvist") is None
    hexalab, pixel = index.lookup("Hexalab"), index.lookup("Pixel Lab")
    assert pixel is not None and hexalab is not pixel


def test_acronyms_a_clause_gives() -> None:
    from extract.segment.acronyms import defined_acronyms

    found = defined_acronyms("The Kestrel Information Society Authority, which everybody calls KISA, came into being")
    assert [(n, a) for n, a, _ in found] == [("Kestrel Information Society Authority", "KISA")]
    found = defined_acronyms("The Tern Digital Authority, known everywhere by its initials TDA, was created in 2018")
    assert [(n, a) for n, a, _ in found] == [("Tern Digital Authority", "TDA")]
    found = defined_acronyms("le Consorci Digital Obert de Marina, que tout le monde appelle simplement l'CDOM. Ce")
    assert [a for _, a, _ in found] == ["CDOM"]
    assert defined_acronyms("We went to Paris, France, then to Oslo, Norway, by train.") == []


def test_an_organisation_founded_in_the_active_voice() -> None:
    index = _index("Two towns, two tools. Kestrel Bretagne voit le jour en 1999, à l'initiative de la Région,\n"
                   "pour mutualiser un réseau. Le ministère a créé le fonds en 2004.", lang="fr")
    entry = index.lookup("Kestrel Bretagne")
    assert entry is not None and entry.strong
    index = _index("De Kestrel Data Stichting is in 2016 door de Tern Metropolitan Government opgericht.", lang="nl")
    assert index.lookup("Tern Metropolitan Government") is None or not index.lookup("Tern Metropolitan Government").as_subject


def test_an_acronym_named_by_its_site_is_spelled_out_where_it_is_founded() -> None:
    index = _index("Abu was my first stop. The Kestrel Digital Authority, known everywhere by its\n"
                   "initials KDA, was created in 2018 by a law of the emirate. KDA answers to the council\n"
                   "and employs about 700 people. Its website is kda.gov.ae.")
    entry = index.lookup("KDA")
    assert entry is not None and entry.name == "Kestrel Digital Authority" and entry.acronym == "KDA"


def test_a_law_number_inside_a_paragraph_is_no_masthead() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.subject_names import masthead_name

    lex = lexicon("en")
    assert masthead_name("LABNOTES — Issue 31", lex) == "LABNOTES"
    assert masthead_name("In Dubai the picture is crowded. The authority came into being when Law No. 9 of 2021", lex) is None


def test_an_acronym_before_the_name_it_stands_for() -> None:
    from extract.segment.acronyms import defined_acronyms

    found = defined_acronyms("We met the PDU (Public Digital Unit) and the GDS (see below).")
    assert [(n, a) for n, a, _ in found] == [("Public Digital Unit", "PDU")]
    assert defined_acronyms("the UK (United Kingdom) and France") == []


def test_an_acronym_named_by_its_site_takes_the_name_a_later_line_spells_out() -> None:
    index = _index("Notre dernière visite fut pour le Consorci Digital Obert de Marina, que tout le\n"
                   "monde appelle simplement l'DOM. Ce consortium a été constitué en 2001. Le DOM emploie\n"
                   "un peu plus de 200 personnes. Tout est sur dom.cat et le DOM publie ses comptes.", lang="fr")
    entry = index.lookup("DOM")
    assert entry is not None and entry.name == "Digital Obert de Marina" and entry.acronym == "DOM"


def test_a_lab_the_index_knows_is_presented_by_its_founding() -> None:
    index = _index("La première étape nous a menés à Cornellà. C'est là que le Kestralab a ouvert ses portes\n"
                   "en novembre 2007. Le Kestralab compte vingt salariés. Voir kestralab.eu.", lang="fr")
    entry = index.lookup("Kestralab")
    assert entry is not None and entry.in_heading >= 1 and entry.as_subject >= 1


def test_a_letter_names_its_sender_by_an_acronym_its_letterhead_spells_out() -> None:
    from extract.segment.spelling import spelled_out_in

    text = "Direction générale du numérique et des services d'innovation · Avenue de la Gare 1 · 1020 Renens"
    assert spelled_out_in("DGNSI", text) == "Direction générale du numérique et des services d'innovation"
    index = _index("CANTON DE MARINA · Département des finances\n" + text + "\n"
                   "Monsieur le Député,\n"
                   "1. Mission. La DGNSI a succédé en 2019 à l'ancienne direction.\n"
                   "2. Effectifs. La DGNSI compte 563 collaborateurs. GC Notify et GC Forms sont ailleurs.", lang="fr")
    entry = index.lookup("DGNSI")
    assert entry is not None and entry.name.startswith("Direction générale du numérique") and entry.strong
    assert index.lookup("GC") is None


def test_headings_naming_a_lab_by_a_coined_or_plain_word_its_chapter_opens_with() -> None:
    flow = FlowBuilder()
    flow.line("Labnotes — June 2024", 18, bold=True)
    flow.paragraph(heading="This issue: three labs from the south", lines=[
        "Dear reader, in April nine of us travelled south to meet three public labs. Here are their portraits."])
    flow.paragraph(heading="Kestria: kEST builds a network", lines=[
        "The Public Innovation Laboratory of Kestria, known as kEST to everybody, started in 2021 inside",
        "the mayor's office. The lab counts fourteen people."])
    flow.paragraph(heading="Fortaleza: Ternis makes it simple", lines=[
        "The Ternis (Laboratory of Data of the State of Tern) was set up at the end of 2019 under the",
        "governor's office. Some forty people work at Ternis."])
    titles = section_titles(flow)
    assert "kEST" in titles and any(t and t.startswith("Ternis") for t in titles)


def test_a_paragraph_opening_on_the_agency_goes_on_with_the_lab_before() -> None:
    flow = FlowBuilder()
    flow.line("Three digital agencies", 18, bold=True)
    flow.paragraph(["Kigali first. The Kestrel Information Authority (KIA) was set up in 2017 and employs about 150",
                    "people. Its budget was RWF 31.4 billion."])
    flow.paragraph(["Accra next. Ghana's National Tern Technology Agency (NTTA) was established in 2008 and has",
                    "a board of nine."])
    flow.paragraph(["The agency is bigger than KIA but thinner on the ground: a little under 300 staff. Its",
                    "approved budget for 2024 was GH₵ 185 million."])
    doc = flow.build()
    sections = split_sections(doc, build_lines(doc))
    owner = next(s for s in sections if any("GH₵ 185" in line.text for line in s.lines))
    assert owner.title is not None and owner.title.startswith("National Tern Technology Agency")

