"""Rules written on held-out set 46 (nuclear and radiation safety, equality and human-rights bodies,
data protection): one compound word spelling an acronym ('Diskrimineringsombudsmannen (DO)'); a
known-as clause after a dash; a name joined by 'and' before its head noun as a founded subject; a
law named by a lower-case kind of text ('Algemene verordening gegevensbescherming') is no lab; an
acronym given 'in German' is the same lab's; a place chapter about the lab it defines late; and
facts: a financial year's two years are one year, a bound or a range is no member count, a form's
'n/a' silences the field, accountability to a legislature is no parent, the first founding under an
earlier name, a two-column page whose right column ends early."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord
from extract.segment.acronyms import defined_acronyms


def _defined(text: str) -> list[tuple[str, str]]:
    return [(name, acronym) for name, acronym, _ in defined_acronyms(text)]


def test_one_compound_word_and_a_known_as_clause_after_a_dash_define_acronyms() -> None:
    assert _defined("one agency, the Equality Ombudsman – Diskrimineringsombudsmannen (DO) – in Stockholm.") == [
        ("Diskrimineringsombudsmannen", "DO")]
    assert _defined("Rijkswaterstaat (RWS) beheert de dijken.") == [("Rijkswaterstaat", "RWS")]
    assert _defined("The Radiation and Nuclear Safety Authority – Säteilyturvakeskus, generally known as STUK – "
                    "was founded in 1958") == [("Säteilyturvakeskus", "STUK")]
    # After a comma the elided article opens the name's phrase.
    assert _defined("un autre organisme, plus petit et plus discret, l'Institut pour l'égalité des femmes et des "
                    "hommes (IEFH), qui a fêté ses vingt ans") == [
        ("Institut pour l'égalité des femmes et des hommes", "IEFH")]
    # A short word is no compound: a place with letters in brackets.
    assert _defined("the office in Stockholm (ST) said") == []


def test_an_acronym_given_in_another_language_is_the_same_labs() -> None:
    from extract.segment.index_merges import other_language_acronym

    text = ("L'Inspection fédérale de la sécurité nucléaire (IFSN) est l'autorité de surveillance de la "
            "Confédération. En allemand : Eidgenössisches Nuklearsicherheitsinspektorat (ENSI).")
    assert other_language_acronym("IFSN", text) == "ENSI"
    assert other_language_acronym("IFSN", "L'IFSN (IFSN) surveille. Le PSI (PSI) est un institut.") is None


def test_letters_named_in_full_and_a_law_is_no_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'The Irish Human Rights and Equality Commission was established': 'and' joins the name before
    # its head noun; the body noun inside the lab's own name is no body of it.
    (ihrec,) = fixture_records("genres-heldout46/en-letter-ihrec.pdf")
    assert ihrec.name == "Irish Human Rights and Equality Commission"
    assert ihrec.website == "https://www.ihrec.ie"
    assert ihrec.governance is None or all("Equality Commission" not in b.name for b in ihrec.governance.bodies)
    # 'de Algemene verordening gegevensbescherming (AVG)' is the law the sender applies, not a lab;
    # 'uit de begroting van het ministerie van Justitie en Veiligheid en bedraagt ...' ends at the verb.
    (ap,) = fixture_records("genres-heldout46/nl-letter-autoriteit-persoonsgegevens.pdf")
    assert (ap.name, ap.acronym) == ("Autoriteit Persoonsgegevens", "AP")
    assert ap.budget is not None and ap.budget.amount == 18_500_000
    assert ap.funding_sources == ["begroting van het ministerie van Justitie en Veiligheid"]


def test_a_newsletters_place_chapters_name_the_labs_they_define(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    records = {r.acronym: r for r in fixture_records("genres-heldout46/en-newsletter-equality-bodies.pdf")}
    assert set(records) == {"EHRC", "DO"}
    assert records["DO"].name == "Diskrimineringsombudsmannen"
    assert records["DO"].website == "https://www.do.se"
    # '£17.1 million for 2016-17': a financial year, not a total over two years.
    ehrc = records["EHRC"]
    assert ehrc.budget is not None and (ehrc.budget.amount, ehrc.budget.period) == (17_100_000, "year")
    assert ehrc.governance is not None and "Board of Commissioners" in [b.name for b in ehrc.governance.bodies]


def test_a_paper_names_each_nordic_authority_once(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    names = sorted((r.name, r.acronym) for r in fixture_records("genres-heldout46/en-paper-nordic-radiation-regulators.pdf"))
    assert names == [("Strålsäkerhetsmyndigheten", "SSM"), ("Säteilyturvakeskus", "STUK")]


def test_a_forms_answers_run_to_the_next_question_and_n_a_means_none(
        fixture_records: Callable[[str], list[LabRecord]]
) -> None:
    (edps,) = fixture_records("genres-heldout46/en-form-edps.pdf")
    assert edps.founded_year == 2004  # 'set up and started work in' / 'January 2004'
    assert edps.staff is None  # 'Staff (head count, latest year)' / 'n/a', not '15 staff' of 2004
    assert edps.funding_sources == ["EU general budget"]  # the coded part title 'A3. Activity' ends the answer
    # 'A2. Governance and resources' is a part's title, not a governance answer 'and resources'.
    assert edps.governance is None or edps.governance.text != "and resources"


def test_bounds_ranges_and_legislatures(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'no more than 11 members': a bound; 'accountable to Parliament': no parent.
    (onr,) = fixture_records("genres-heldout46/en-web-page-onr.pdf")
    assert onr.governance is not None and onr.governance.parent is None
    assert [(b.name, b.members) for b in onr.governance.bodies] == [("Board", None)]
    # 'ses cinq à sept membres': a range; the council named by the lab's acronym; the site in German.
    (ifsn,) = fixture_records("genres-heldout46/fr-web-page-ifsn.pdf")
    assert ifsn.website == "https://www.ensi.ch"
    assert ifsn.governance is not None and [(b.name, b.members) for b in ifsn.governance.bodies] == [
        ("Conseil de l'IFSN", None)]


def test_foundings_told_of_the_lab(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # Born in 1947 under another name, re-instituted in 1984: the first founding.
    (cncdh,) = fixture_records("genres-heldout46/fr-annual-report-cncdh.pdf")
    assert cncdh.founded_year == 1947
    assert cncdh.governance is not None and cncdh.governance.parent == "Premier ministre"
    # "L'Institut a été créé ... 2002", not 'Unia, le centre interfédéral créé en 1993'.
    (iefh,) = fixture_records("genres-heldout46/fr-prose-plain-iefh.pdf")
    assert (iefh.name, iefh.acronym, iefh.founded_year) == (
        "Institut pour l'égalité des femmes et des hommes", "IEFH", 2002)
    assert iefh.governance is not None and [b.name for b in iefh.governance.bodies] == ["Conseil d'administration"]
    # A two-column page whose right column ends early: the left column's founding is read.
    (college,) = fixture_records("genres-heldout46/nl-annual-report-college-rechten-mens.pdf")
    assert (college.name, college.founded_year) == ("College voor de Rechten van de Mens", 2012)
