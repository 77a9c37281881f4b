"""Extraction never crashes on odd text: garbage, other scripts, broken labels, empty sections."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.extractors import extract_records
from extract.settings import Settings

WORDS = ["Budget:", "Rol:", "Governance:", "Website:", "Staff:", "opgericht", "in", "2019", "raad", "Board", "van",
         "€", "1,5", "miljoen", "funded", "by", "Ministry", "of", "(", ")", "“", "”", "bestaat", "uit", "11", "leden",
         ",", "en", "and", "sinds", "wwwi.lab.be", "—", "\n", "Financement :", "financé par", "l'", "geen", "part of",
         "valt onder", "عربى", "中文", "ß", "12 VTE", "(ABC)", "Raad van", "composé de", "sept", "membres"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), max_size=80), noise=st.text(max_size=60),
       title=st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["X (Y) in België", "(AB)", "in UK", "—"])),
       lang=st.sampled_from([None, "nl", "en", "fr", "de"]))
def test_no_crash_on_odd_text(make_section, words, noise, title, lang):
    text = " ".join(words) + " " + noise
    records = extract_records([make_section(text if text.strip() else "x", title, lang=lang)], Settings())
    for record in records:
        for prov in record.provenance.values():
            assert 0.0 < prov.confidence < 1.0


def test_empty_and_table_only_sections(make_section):
    assert extract_records([], Settings()) == []
    empty_row = make_section("", None, kind="table_row", table_fields={"": ""}, lang="en")
    assert extract_records([empty_row], Settings()) == []


def test_a_name_left_blank_names_nothing_and_stops_nothing() -> None:
    # A form's 'Name:' with no answer (a scanned slide read as a form gave one): the file's other facts
    # are still read, where an IndexError lost the whole file.
    from extract.pipeline import process_text

    [record] = process_text("Kestrel Lab\nName:  \nFounded: 2019\nBudget: EUR 1 million a year\n").records
    assert record.name == "Kestrel Lab" and record.founded_year == 2019
