"""Rules written on held-out set 67 (salt works, swimming-pool operators, palace and garden
administrations, sheltered-employment companies) after its first look: a sentence that names what
the text has been describing ('Ze heet de ...'); a letter's writing unit named last on its letterhead
and again at its foot; company names printed with their legal form whose own site the text gives; a
news item about the one lab its first paragraph introduces with a site; a French name of coordinated
adjectives, wrapped after its head; a building project's cost is no budget; a source that points back
names none."""

from __future__ import annotations

from collections.abc import Callable

from text_records import text_records

from extract.models import LabRecord


def test_a_sentence_that_names_what_the_text_describes(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # '... een van de vreemdste openbare instellingen van het land. ... Ze heet de Koninklijke Schenking.'
    (record,) = fixture_records("genres-heldout67/nl-prose-plain-koninklijke-schenking.pdf")
    assert record.name == "Koninklijke Schenking"
    assert record.staff is not None and record.staff.count == 70
    text = ("The strangest public body in the land has no counter and hardly a website. It is called the Royal "
            "Landholding Trust. It employs about 70 people.\n")
    (record,) = text_records(text)
    assert record.name == "Royal Landholding Trust"


def test_the_unit_a_letterhead_names_last_and_its_foot_repeats(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Stadt Wien | Wiener Bäder' over a letter saying 'De Wiener Bäder zijn geen zelfstandig bedrijf maar
    # een dienst van de stad', signed and footed 'Stadt Wien – Wiener Bäder': the unit that writes.
    (record,) = fixture_records("genres-heldout67/nl-letter-wiener-baeder.pdf")
    assert record.name == "Wiener Bäder"
    assert record.staff is not None and record.staff.count == 850


def test_news_items_about_companies_named_with_their_legal_form_and_site(
        fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'Op bezoek in Heilbronn' over '... bezocht een groep van vijftien leden de Südwestdeutsche Salzwerke AG
    # in Heilbronn ... Meer op www.salzwerke.de', 'Zout als attractie: Wieliczka' over '... Het bedrijf dat
    # haar beheert, Kopalnia Soli „Wieliczka” S.A., is een naamloze vennootschap ... Website: www.kopalnia.pl'.
    records = {r.name: r for r in fixture_records("genres-heldout67/nl-newsletter-strooizout.pdf")}
    assert set(records) == {"Südwestdeutsche Salzwerke AG", "Kopalnia Soli „Wieliczka” S.A."}
    salzwerke, wieliczka = records["Südwestdeutsche Salzwerke AG"], records["Kopalnia Soli „Wieliczka” S.A."]
    assert (salzwerke.founded_year, salzwerke.staff and salzwerke.staff.count) == (1971, 1100)
    assert wieliczka.staff is not None and wieliczka.staff.count == 1200


def test_a_french_name_of_coordinated_adjectives_wrapped_after_its_head() -> None:
    from extract.segment.lab_names import find_lab_names

    found = [m.name for m in find_lab_names("Le Centre national sportif et culturel a été créé en 1998.", "fr")]
    assert found == ["Centre national sportif et culturel"]
    text = ("Le lendemain, cap sur le Kirchberg. Le Centre\nnational sportif et culturel a été créé comme "
            "établissement public\npar une loi de 1998. Quelque 190 salariés y travaillent.\n")
    (record,) = text_records(text)
    assert (record.name, record.founded_year) == ("Centre national sportif et culturel", 1998)


def test_a_building_projects_cost_is_no_budget(fixture_records: Callable[[str], list[LabRecord]]) -> None:
    # 'De renovatie kostte ruim 160 miljoen euro en werd betaald door het Rijk'; 'De gebouwen en tuinen zijn
    # eigendom van de Staat': the buildings', not the foundation's parent.
    (record,) = fixture_records("genres-heldout67/nl-web-page-paleis-het-loo.pdf")
    assert record.budget is None
    assert record.governance is None or record.governance.parent is None


def test_a_source_that_points_back_or_a_free_relative_names_none() -> None:
    text = ("OpenPeppol (www.peppol.org) is an association of public and private members.\n"
            "The General Assembly approves the membership fees, and the association lives from those fees.\n"
            "Its staff of twelve work in Brussels.\n")
    (record,) = text_records(text)
    assert record.funding_sources == []
