"""A newsletter's chapter titled by a place or a scene ('Quayport: the coast as a data stream') whose
first sentence opens with a name that a description between commas calls an organisation is about
that organisation (invented names)."""

from __future__ import annotations

from index_helpers import records_of
from layout_boxes import FlowBuilder


def test_a_chapter_is_about_the_organisation_its_first_sentence_describes() -> None:
    flow = FlowBuilder()
    flow.line("Coastal Data Digest", 18, bold=True)
    flow.paragraph(["News from the agencies that watch our coasts, issue 12."])
    flow.line("Lisbon: eyes on every ship", 13, bold=True, space_before=8)
    flow.paragraph(["The Kestrel Sea Data Lab (KSDL), based in Lisbon, was set up in 2015 by the port authority "
                    "and publishes vessel data for researchers."])
    flow.line("KSDL in brief", 11, bold=True, space_before=4)
    flow.line("Created 2015")
    flow.line("Web ksdl.example")
    flow.line("Staff not published in this issue")
    flow.line("Quayport: the coast as a data stream", 13, bold=True, space_before=8)
    flow.paragraph(["Kestrelverket, the Kestrel Coastal Administration, dates from 1974 and has its head office in "
                    "Quayport. It runs the country's vessel traffic services and the pilotage service. Its work is "
                    "paid for from the state budget. More at kestrelverket.example."])
    flow.line("Diary", 13, bold=True, space_before=8)
    flow.line("14 May Members' webinar: vessel data quality")
    flow.line("21 Sept Study visit Quayport")
    names = [r.name for r in records_of(flow)]
    assert "Kestrelverket" in names and "Quayport" not in names


OPENING = ("Kestrelverket, the Kestrel Coastal Administration, dates from 1974 and has its head office in Quayport.",
           "Met Kestrel, the island's national weather service, was set up in 1936.")


def _index(texts: list[str]):  # type: ignore[no-untyped-def]
    from index_helpers import index_of

    flow = FlowBuilder()
    flow.paragraph(texts)
    return index_of(flow, "en")


def test_a_name_a_description_between_commas_calls_an_organisation() -> None:
    from extract.segment.place_chapters import described_opening

    for text, name in zip(OPENING, ("Kestrelverket", "Met Kestrel"), strict=True):
        entry = described_opening([text], _index([text]))
        assert entry is not None and entry.name == name


def test_no_organisation_where_the_description_names_none() -> None:
    from extract.segment.place_chapters import described_opening

    for text in ("Kestrelverket, which dates from 1974, runs the vessel traffic services.",
                 "In Quayport, the coastal administration runs the vessel traffic services.",
                 "- Kestrelverket, the Kestrel Coastal Administration, runs the pilots."):
        assert described_opening([text], _index([text])) is None



def test_a_newsletter_s_furniture_is_a_page_title() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.lab_headings import is_page_title

    for title, lang in (("Diary", "en"), ("Calendrier", "fr"), ("In dit nummer", "nl"), ("Colofon", "nl")):
        assert is_page_title(title, lexicon(lang))


def test_a_site_s_who_we_are_page_is_a_page_title() -> None:
    from extract.rules.lexicon import lexicon
    from extract.segment.lab_headings import is_page_title

    for title, lang in (("Wie zijn we", "nl"), ("Who are we?", "en"), ("Onze organisatie", "nl")):
        assert is_page_title(title, lexicon(lang)), title
