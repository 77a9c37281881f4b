"""The spaCy pipeline: a blank language plus an EntityRuler whose patterns are data files.

``patterns/*.jsonl`` hold EntityRuler patterns, one JSON object a line (``label``, ``pattern``,
optional ``id``, optional ``lang`` list restricting the pattern to some languages):
``money.jsonl`` (MONEY, CARDINAL, DATE), ``orgs.jsonl`` (ORG by head nouns such as Ministerie,
Ministry, Ministère, Agentschap, Agency, Board, Comité) and ``places.jsonl`` (GPE, generated
from babel's territory names by ``build_place_patterns()``). With ``model`` naming an installed
trained pipeline, that pipeline is used and the ruler runs before its ``ner``.
Building a pipeline costs about two seconds, so it is cached per process (see ``warm_up``).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

from extract.errors import ConfigError

log = logging.getLogger(__name__)

SUPPORTED = ("nl", "en", "fr")
PATTERN_FILES = ("money.jsonl", "orgs.jsonl", "places.jsonl")


def load_patterns(lang: str) -> list[dict[str, Any]]:
    """EntityRuler patterns for ``lang`` from the packaged ``patterns/*.jsonl``."""
    patterns: list[dict[str, Any]] = []
    folder = resources.files("extract").joinpath("patterns")
    for name in PATTERN_FILES:
        for number, raw in enumerate(folder.joinpath(name).read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"patterns/{name} line {number} is not valid JSON ({exc}); fix or remove it") from exc
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
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    else:
        nlp = spacy.blank(lang if lang in SUPPORTED else "xx")
        where = {}
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}, **where)
    ruler.add_patterns(load_patterns(lang))
    log.debug("spaCy pipeline for %s ready: %s", lang, nlp.pipe_names)
    return nlp


def build_place_patterns(langs: tuple[str, ...] = SUPPORTED) -> list[dict[str, Any]]:
    """GPE patterns from babel's country names in ``langs`` (regenerates ``patterns/places.jsonl``)."""
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
