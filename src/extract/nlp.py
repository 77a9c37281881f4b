"""The spaCy pipeline: a blank language plus an EntityRuler whose patterns are data files.

``rules/patterns/*.jsonl`` hold EntityRuler patterns, one JSON object a line (``label``, ``pattern``,
optional ``id``, optional ``lang`` list restricting the pattern to some languages):
``money.jsonl`` (MONEY, CARDINAL, DATE), ``orgs.jsonl`` (ORG by head nouns such as Ministerie,
Ministry, Ministère, Agentschap, Agency, Board, Comité) and ``places.jsonl`` (GPE, generated
from babel's territory names by ``build_place_patterns()``). With ``model`` naming an installed
trained pipeline, that pipeline is used and the ruler runs before its ``ner``.
Building a pipeline costs about a second (most of it importing spaCy), so it is built on first
use and cached per process; ``find_entities`` remembers the entities of a text in the page cache.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from extract.errors import ConfigError
from extract.models import Entity, EntityStore
from extract.rules.schema import LANGUAGES

log = logging.getLogger(__name__)

SUPPORTED = LANGUAGES
PATTERN_FILES = ("money.jsonl", "orgs.jsonl", "places.jsonl")


def load_patterns(lang: str) -> list[dict[str, Any]]:
    """EntityRuler patterns for ``lang`` from the packaged ``rules/patterns/*.jsonl``."""
    patterns: list[dict[str, Any]] = []
    folder = resources.files("extract").joinpath("rules/patterns")
    for name in PATTERN_FILES:
        for number, raw in enumerate(folder.joinpath(name).read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"rules/patterns/{name} line {number} is not valid JSON ({exc}); fix or remove it") from exc
            langs = item.pop("lang", None)
            if langs and lang not in langs:
                continue
            patterns.append(item)
    return patterns


@lru_cache(maxsize=8)
def get_pipeline(lang: str, model: str | None = None) -> Any:
    """A cached spaCy ``Language`` for ``lang`` ('nl', 'en', 'fr'); ``model`` names a trained pipeline."""
    import spacy

    if model:
        installed = sorted(spacy.util.get_installed_models())
        if model not in installed and not spacy.util.is_package(model):
            raise ConfigError(
                f"spaCy model {model!r} is not installed (installed: {', '.join(installed) or 'none'}); "
                f"install it (python -m spacy download {model}) or leave spacy_model unset for the blank pipeline"
            )
        nlp = spacy.load(model)
        where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    elif lang == "fr":
        nlp = _light_french()
        where = {}
    elif lang in _LIGHT_CLASSES:
        nlp = _light(lang)
        where = {}
    else:
        nlp = spacy.blank("xx")
        where = {}
    ruler: Any = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}, **where)
    ruler.add_patterns(load_patterns(lang))
    log.debug("spaCy pipeline for %s ready: %s", lang, nlp.pipe_names)
    return nlp


def find_entities(text: str, lang: str, model: str | None = None, *, store: EntityStore | None = None) -> list[Entity]:
    """The entities of ``text`` as (start_char, end_char, label), from ``store`` when this text went
    through the same pipeline (code, patterns, spaCy and model versions) before."""
    if store is None or (model and model_version(model) is None):
        # (a model loaded from a folder may be retrained in place: its entities are never reused)
        return _run_pipeline(text, lang, model)
    key = entities_key(text, lang, model)
    cached = store.get_entities(key)
    if cached is not None:
        return cached
    found = _run_pipeline(text, lang, model)
    store.put_entities(key, found)
    return found


_ZONES: ContextVar[tuple[contextlib.ExitStack, set[int]] | None] = ContextVar("extract_spacy_zones", default=None)


@contextlib.contextmanager
def document_memory_zone() -> Iterator[None]:
    """spaCy memory zones that span one document: what its sections add to a pipeline's vocabulary
    is kept while the document is read (its words are made once, not once a section) and then let go.

    Without a zone the vocabulary keeps every new token's string and lexeme for good: one process
    grew 38 MB over 1,500 sections of fresh text, and a batch worker lives for the whole archive.
    """
    with contextlib.ExitStack() as stack:
        token = _ZONES.set((stack, set()))
        try:
            yield
        finally:
            _ZONES.reset(token)


def _run_pipeline(text: str, lang: str, model: str | None) -> list[Entity]:
    nlp = get_pipeline(lang, model)
    zones = _ZONES.get()
    if zones is None:
        with nlp.memory_zone():
            return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    stack, entered = zones
    if id(nlp) not in entered:
        stack.enter_context(nlp.memory_zone())
        entered.add(id(nlp))
    return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]  # plain tuples leave the zone


def entities_key(text: str, lang: str, model: str | None) -> str:
    import hashlib

    from extract.store.fingerprint import code_fingerprint

    pipeline = code_fingerprint(("extract.nlp",), tuple(f"rules/patterns/{name}" for name in PATTERN_FILES), ("spacy",))
    version = model_version(model) if model else "blank"
    digest = hashlib.sha256(f"{pipeline}\0{lang}\0{model}\0{version}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return "entities-" + digest.hexdigest()


@lru_cache(maxsize=4)
def model_version(model: str) -> str | None:
    """The installed version of a packaged model; None for a model loaded from a folder."""
    import importlib.metadata

    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang``, read without importing ``spacy.lang.<lang>``.

    Importing ``spacy.lang.fr`` builds its tokenizer exceptions: 4.2 s per process, more than
    everything else a worker starts with. The stop-word module is a plain set literal.
    """
    import importlib.util

    found = importlib.util.find_spec("spacy")  # its location only: importing spaCy costs about a second
    if found is None or not found.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(found.submodule_search_locations))) / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_extract_stop_words_{lang}", path)
    if spec is None or spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(getattr(module, "STOP_WORDS", ()))


_LIGHT_CLASSES = {"nl": "Dutch", "en": "English"}


def _light(lang: str) -> Any:
    """Dutch or English with the language's punctuation, number words and stop words, but
    spaCy's base tokenizer exceptions instead of the language's own.

    The exceptions are thousands of abbreviations and contractions ('m.b.t.', "don't"); loading
    them costs 0.7 s for Dutch and 0.2 s for English in every worker, and the patterns match
    none of them (they list 'mln', and 'mln.' now splits into 'mln' '.').
    """
    import importlib

    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
    from spacy.language import BaseDefaults, Language

    full = getattr(importlib.import_module(f"spacy.lang.{lang}"), _LIGHT_CLASSES[lang]).Defaults

    class LightDefaults(BaseDefaults):
        tokenizer_exceptions = BASE_EXCEPTIONS
        prefixes = full.prefixes
        infixes = full.infixes
        suffixes = full.suffixes
        lex_attr_getters = full.lex_attr_getters
        stop_words = full.stop_words

    class Light(Language):
        Defaults = LightDefaults

    Light.lang = lang
    return Light()


def _light_french() -> Any:
    """French without ``spacy.lang.fr`` (whose import costs 4.2 s, see ``stop_words``).

    The base tokenizer plus French elision ("d'euros" -> "d'" "euros", as spaCy's French
    does) and French stop words. Only the exceptions for hyphenated place names and fixed
    phrases ('Saint-Étienne', 'vis-à-vis') are lost; the extractors read neither.
    """
    from spacy.lang.char_classes import ALPHA
    from spacy.lang.punctuation import TOKENIZER_INFIXES
    from spacy.language import BaseDefaults, Language

    class LightFrenchDefaults(BaseDefaults):
        # spaCy reads a language's defaults from class attributes
        infixes = [*TOKENIZER_INFIXES, rf"(?<=[{ALPHA}][\'’])(?=[{ALPHA}])"]  # noqa: RUF012
        stop_words = set(stop_words("fr"))  # noqa: RUF012

    class LightFrench(Language):
        lang = "fr"
        Defaults = LightFrenchDefaults

    return LightFrench()


def build_place_patterns(langs: tuple[str, ...] = SUPPORTED) -> list[dict[str, Any]]:
    """GPE patterns from babel's country names in ``langs`` (regenerates ``rules/patterns/places.jsonl``)."""
    import pycountry
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries}
    seen: set[tuple[str, str]] = set()
    patterns = []
    for lang in langs:
        for code, name in sorted(Locale(lang).territories.items()):
            if code in codes and (code, name.lower()) not in seen:
                seen.add((code, name.lower()))
                patterns.append({"label": "GPE", "pattern": name, "id": code})
    return patterns
