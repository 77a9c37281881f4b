"""Which country a lab is in when its text names several: a seat phrase says where it is ('based in
Brussels'), a language is no country ('disponible en néerlandais'), and a letter about its sender is
in its letterhead's country, not its addressee's (invented names)."""

from __future__ import annotations

from collections.abc import Callable

from extract.extractors import extract_records
from extract.models import LabRecord, Line
from extract.settings import Settings


def test_a_seat_phrase_outweighs_the_addressee_s_country(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "Kestrel Exchange is a non-profit international association based in Brussels. It was set up in 2012.\n"
        "Who is our contact in Ireland? For Ireland this is the national procurement office; questions about\n"
        "Irish requirements are best addressed to them.", "Kestrel Exchange", lang="en")
    assert record.country == "BE"


def test_a_language_is_no_country(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one(
        "L'Agence fédérale des quais (AFQ) a son siège à Bruxelles. Elle compte 120 agents.\n"
        "Ce rapport est également disponible en néerlandais et en allemand.", "Agence fédérale des quais", lang="fr")
    assert record.country == "BE"


def test_a_letter_about_its_sender_is_in_its_letterhead_s_country(make_section: Callable[..., object]) -> None:
    section = make_section(
        "Ms Anna Kestrel, Working Group on Housing Data\nRue de la Loi 16\n1000 Brussels\n"
        "Dear Ms Kestrel,\nThe Heron Housing Agency was established in 2012 and employs 140 people. We would be\n"
        "glad to present our work to your group in Brussels in the autumn.", "The Heron Housing Agency", lang="en")
    letterhead = [Line(page=1, text="The Heron Housing Agency · 53 Mount Street, Dublin 2, Ireland · heronhousing.ie",
                       bbox=(72.0, 40.0, 500.0, 52.0), role="header")]
    section = section.model_copy(update={"letterhead": letterhead})  # type: ignore[attr-defined]
    (record,) = extract_records([section], Settings())  # type: ignore[list-item]
    assert record.country == "IE"
