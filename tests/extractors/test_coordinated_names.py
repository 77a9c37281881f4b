"""Names with a coordination inside, as the held-out sets' gold writes them: a body whose name joins
two capitalised words ('Audit and Risk Committee') or two French modifiers, a funder whose last word
is coordinated with the one before, and a grant named with its giver; and two ways a board is read: its
count before a verb, and a capitalised 'Board' that governs."""

from __future__ import annotations

from collections.abc import Callable

from extract.models import LabRecord


def _bodies(record: LabRecord) -> list[tuple[str, int | None]]:
    assert record.governance is not None
    return [(b.name, b.members) for b in record.governance.bodies]


def test_and_between_capitalised_words_joins_a_body_s_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("The Kestrel Lab has 40 staff. The Audit and Risk Committee has three members. The "
                         "Finance and Audit Committee has four members.\n", "Kestrel Lab", lang="en")
    assert _bodies(record) == [("Audit and Risk Committee", 3), ("Finance and Audit Committee", 4)]


def test_french_modifiers_joined_by_et_stay_in_a_body_s_name(extract_one: Callable[..., LabRecord]) -> None:
    record = extract_one("Le Kestrel Lab a 40 agents. Son conseil scientifique et technique compte douze membres. "
                         "Le comité de gouvernance et d'éthique compte trois membres.\n", "Kestrel Lab", lang="fr")
    assert _bodies(record) == [("conseil scientifique et technique", 12), ("comité de gouvernance et d'éthique", 3)]


def test_a_word_coordinated_at_a_phrase_s_end_stays_in_it(extract_one: Callable[..., LabRecord]) -> None:
    # 'les partenaires techniques et financiers,': 'financiers' qualifies the partners, it opens no clause.
    record = extract_one("Le Kestrel Institut a 40 agents. Il est financé par les partenaires techniques et "
                         "financiers, qui suivent ses enquêtes.\n", "Kestrel Institut", lang="fr")
    assert record.funding_sources == ["partenaires techniques et financiers"]


def test_a_grant_is_named_with_its_giver(extract_one: Callable[..., LabRecord]) -> None:
    # 'couvert par une subvention de l'État': the gold of most sets keeps 'subvention de l'État', while
    # 'une contribution du ministère de X' still names the ministry.
    record = extract_one("Le Kestrel Institut a 40 agents. Son budget est couvert par une subvention de l'État.\n",
                         "Kestrel Institut", lang="fr")
    assert record.funding_sources == ["subvention de l'État"]


def test_a_board_counted_before_its_verb_and_a_board_that_governs(extract_one: Callable[..., LabRecord]) -> None:
    # 'Its board of seven is appointed by the city': the count ends at the verb. 'A Board governs the
    # authority': one capitalised body noun, the subject of a verb of governing, is the lab's body.
    record = extract_one("The Kestrel Agency is a state agency. Its board of seven is appointed by the city.\n",
                         "Kestrel Agency", lang="en")
    assert _bodies(record) == [("Board", 7)]
    record = extract_one("The Kestrel Agency is a state agency. A Board governs the authority, and a Scientific "
                         "Committee advises it.\n", "Kestrel Agency", lang="en")
    assert _bodies(record) == [("Board", None), ("Scientific Committee", None)]
