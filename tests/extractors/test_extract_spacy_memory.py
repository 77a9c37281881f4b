"""spaCy runs inside a memory zone: a worker that reads the whole archive must not keep every word
it ever saw in its vocabulary."""

from __future__ import annotations

from extract.nlp import document_memory_zone, find_entities, get_pipeline


def _texts(n: int) -> list[str]:
    # Fresh tokens in every text, as the next report of an archive brings.
    return [f"Het Lab{i} in Gent{i} heeft een budget van {i}00.000 euro en werkt samen met Nesta{i} en Belgié"
            for i in range(n)]


def test_the_vocabulary_does_not_grow_with_the_texts_seen() -> None:
    nlp = get_pipeline("nl", None)
    find_entities(_texts(1)[0], "nl")  # anything built on first use is built now
    before = len(nlp.vocab.strings)
    for text in _texts(300):
        find_entities(text, "nl")
    assert len(nlp.vocab.strings) == before


def test_entities_are_the_same_as_outside_a_memory_zone() -> None:
    nlp = get_pipeline("en", None)
    text = "Nesta is an innovation foundation in London, United Kingdom, working with the Design Council."
    outside = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert outside, "the patterns should find something here for this test to mean anything"
    assert find_entities(text, "en") == outside


def test_a_document_zone_keeps_its_words_until_the_document_ends() -> None:
    nlp = get_pipeline("nl", None)
    find_entities("Het lab", "nl")
    before = len(nlp.vocab.strings)
    texts = [text.replace("Lab", "Atelier") for text in _texts(50)]
    with document_memory_zone():
        found = [find_entities(text, "nl") for text in texts]
        assert len(nlp.vocab.strings) > before  # made once for the whole document
    assert len(nlp.vocab.strings) == before
    assert found == [find_entities(text, "nl") for text in texts]


def test_extracting_a_report_leaves_the_vocabulary_as_it_was() -> None:
    from extract.extractors import extract_records
    from extract.pipeline import sections_of
    from extract.read.reader import document_from_text
    from extract.settings import Settings

    def report(start: int) -> str:
        return "\n".join(f"{i}. Innovatielab Noord{i}\nRol: het lab{i} ontwikkelt diensten voor Gent{i}.\n"
                         f"Middelen: een budget van {i}00.000 euro en {i} medewerkers." for i in range(start, start + 30))

    extract_records(sections_of(document_from_text(report(1))), Settings())  # pipelines built
    sizes = {lang: len(get_pipeline(lang, None).vocab.strings) for lang in ("nl", "en", "fr")}
    records = extract_records(sections_of(document_from_text(report(500))), Settings())  # words not seen before
    assert records
    assert {lang: len(get_pipeline(lang, None).vocab.strings) for lang in ("nl", "en", "fr")} == sizes
