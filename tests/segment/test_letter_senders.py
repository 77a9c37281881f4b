"""A letter in the first person that names no lab-like body: its sender, named in the letterhead,
describes itself; not when the letter speaks of another body (invented names)."""

from __future__ import annotations

from pathlib import Path

from extract.pipeline import sections_of
from extract.read.reader import read_document
from extract.rules.lexicon import lexicon
from extract.segment.letters import letterhead_sender
from extract.settings import Settings


def _titles(tmp_path: Path, text: str) -> list[str | None]:
    source = tmp_path / "letter.txt"
    source.write_text(text, encoding="utf-8")
    return [s.title for s in sections_of(read_document(source, Settings()))]


SELF_DESCRIBED = """Dijkgraafschap van Kestrelwaard
Waterpoort 4 · 1234 AB Kestrelwaard · www.kestrelwaard.nl
Aan Vereniging Natte Voeten
Datum 3 maart 2026
Onderwerp Uw vragen over het werk van Kestrelwaard
Geachte heer Visser,
Dank voor uw brief over de organisatie van Kestrelwaard. Hieronder vindt u een korte schets.
Kestrelwaard zorgt voor droge voeten en schoon water in de polders rond de stad. Wij gaan terug
op 1402. Het algemeen bestuur telt 25 leden. Onze inkomsten bestaan vrijwel geheel uit de heffingen
die inwoners en bedrijven in ons gebied betalen.
Voor landelijke cijfers verwijs ik u naar het Peilcentrum Nederland en voor onderzoek naar
de Stichting Polderkennis, dat de waterschappen samen financieren.
Met vriendelijke groet,
J. de Boer
secretaris
"""


def test_a_letter_in_the_first_person_is_about_its_sender(tmp_path: Path) -> None:
    assert _titles(tmp_path, SELF_DESCRIBED) == ["Dijkgraafschap van Kestrelwaard"]


def test_no_sender_when_the_letter_speaks_of_another_body() -> None:
    lex = lexicon("en")
    letterhead = ["Department for Harbours and Quays", "Quay House · Port Elsa"]
    body = ["Request for a case study on Quay Digital", "We are glad that Quay Digital takes part.",
            "Quay Digital was set up in 2019. Our board oversees Quay Digital."]
    assert letterhead_sender(letterhead, body, [], body[0], lex) is None
    assert letterhead_sender(letterhead, body, [], "Thank you", lex) == "Department for Harbours and Quays"


def test_no_sender_when_the_subject_line_names_another_body() -> None:
    lex = lexicon("nl")
    body = ["Met deze brief informeren wij u over onze deelname."]
    assert letterhead_sender(["Gemeente Kestrelstad"], body, ["Betreft deelname aan de Quay Campus"], None, lex) is None
    assert letterhead_sender(["Gemeente Kestrelstad"], body, ["Betreft deelname van Kestrelstad"], None, lex) == "Gemeente Kestrelstad"
    assert letterhead_sender(["Gemeente Kestrelstad"], ["Met deze brief informeren wij u."], [], None, lex) is None  # no 'ons'


WRAPPED_SUBJECT = """Agence de la Kestrelle
Établissement public de l'État
www.agence-kestrelle.example
Association des amis du moulin
Kestrelville, le 24 février 2026
Objet : votre projet de restauration du seuil de l'ancien moulin de la Basse-Rive et
votre demande de présentation de l'agence
Réf. : DAT/2026-0147
Monsieur le Président,
Vous souhaitez présenter notre établissement à votre assemblée générale. L'agence de la Kestrelle
est l'une des six agences de bassin. Elle emploie environ 200 collaborateurs. Nos ressources sont
les redevances payées par les usagers de l'eau.
Je vous prie d'agréer, Monsieur le Président, l'expression de mes salutations distinguées.
Claire Martin
"""


def test_a_subject_line_the_page_wrapped_names_the_sender_on_its_second_line(tmp_path: Path) -> None:
    assert _titles(tmp_path, WRAPPED_SUBJECT) == ["Agence de la Kestrelle"]
