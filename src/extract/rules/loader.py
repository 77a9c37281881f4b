"""The one loader of rule files: packaged ``rules/*.yml``, extended by a user rules folder.

    use_rules_dir(folder)       the user rules folder of this process (``settings.rules_dir``; None: none)
    language_rules(lang)        ``<lang>.yml``, checked against ``schema.LANGUAGE_GROUPS``, regexes compiled
    rule_data(name)             ``labels``, ``scale_words``, ``countries``, ``currencies``: checked by their model
    check_rules(folder)         load and check everything a run would use, before it starts
    user_rules_digest(folder)   hash of the folder's rule files (cache keys, skip-unchanged)

A user rules folder (``--rules DIR``, like invoice2data's ``--template-folder``) holds files of
the same names and schema as the packaged ones. Its lists extend the packaged lists (words are
added, none removed); its mappings add entries and override those of the same key. Any other
``*.yml`` file there is an error: a misnamed file would otherwise be ignored in silence.

Every file is checked when it is loaded: a key not declared in ``schema`` raises
``RuleFileError`` naming the file, the key and the declared keys.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from extract.digests import files_digest
from extract.errors import ConfigError
from extract.rules.schema import DATA_FILES, LANGUAGE_GROUPS, LANGUAGES, MAPPING, REGEXES, RULE_FILES, Shape

DERIVED_PACKAGES = ("extract.rules", "extract.normalize", "extract.layout", "extract.segment", "extract.extractors")
"""Packages whose functions cache tables built from rules: cleared when the rules folder changes."""

_active: tuple[Path, str] | None = None
"""The user rules folder of this process and the digest of its files when it was taken up."""


class RuleFileError(ConfigError):
    """A rule file that does not follow its schema (or a rules folder that cannot be used)."""

    kind = "rules"


@dataclass(frozen=True)
class LanguageRules:
    """One language file, checked: each key by its shape."""

    lang: str
    words: dict[str, dict[str, tuple[str, ...]]]
    patterns: dict[str, dict[str, tuple[re.Pattern[str], ...]]]
    mappings: dict[str, dict[str, dict[str, str]]]


# --------------------------------------------------------------------------- which folder


def use_rules_dir(folder: str | Path | None) -> None:
    """Make ``folder`` the user rules of this process (called before each file). Another folder, or
    an edit of its files since, drops every table built from the rules before (the caches of the
    rule-reading packages): a notebook that edits its rules between two ``extract_file`` calls
    gets the new ones, and a process never mixes two folders' rules."""
    global _active
    new = (Path(folder).absolute(), user_rules_digest(folder)) if folder else None
    if new == _active:
        return
    _active = new
    for name, module in list(sys.modules.items()):
        if name.startswith(DERIVED_PACKAGES) or name == "extract.nlp":
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def check_rules(folder: str | Path | None) -> None:
    """Load every rule file as a run with ``folder`` would; RuleFileError for the first problem."""
    active = (_user_dir(Path(folder).absolute()), user_rules_digest(folder)) if folder else None
    for lang in LANGUAGES:
        _language_rules(lang, active)
    for name in DATA_FILES:
        _rule_data(name, active)


def user_rules_digest(folder: str | Path | None) -> str:
    """Hash of the rule files in a user rules folder ('' for none): part of what makes outputs current."""
    if not folder:
        return ""
    root = Path(folder)
    return files_digest(root, sorted(root.glob("*.y*ml")) if root.is_dir() else ())


def _user_dir(root: Path) -> Path:
    if not root.is_dir():
        raise RuleFileError(f"the rules folder {root} does not exist or is not a folder (--rules, rules_dir, "
                            "EXTRACT_RULES)")
    known = {f"{name}.yml" for name in RULE_FILES}
    for path in sorted(root.glob("*.y*ml")):
        if path.name not in known:
            raise RuleFileError(f"{path.name} is not a rule file; a rules folder holds files named as the packaged "
                                f"ones: {', '.join(sorted(known))}", path=str(path))
    return root


# --------------------------------------------------------------------------- reading


def language_rules(lang: str) -> LanguageRules:
    """The rules of ``lang`` (packaged, then the user folder's), checked."""
    return _language_rules(lang, _active)


def rule_data(name: str) -> Any:
    """``<name>.yml`` (packaged, then the user folder's) as parsed YAML, after its schema check."""
    return _rule_data(name, _active)


_STRINGS_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(text: str, where: str, *, strings: bool) -> Any:
    try:
        # BaseLoader keeps every word of a language file a string (YAML 1.1 reads "on", "no" as booleans).
        # libyaml's loaders read the same data ten times faster: every process reads the rules at start.
        data = yaml.load(text, Loader=_STRINGS_LOADER if strings else _SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"not valid YAML: {exc}", path=where) from exc
    return data if data is not None else {}


def _packaged(name: str) -> tuple[str, str]:
    resource = resources.files("extract").joinpath(f"rules/{name}.yml")
    return resource.read_text(encoding="utf-8"), f"extract/rules/{name}.yml"


def _user_file(active: tuple[Path, str] | None, name: str) -> tuple[str, str] | None:
    if active is None:
        return None
    path = _user_dir(active[0]) / f"{name}.yml"
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read: {exc}", path=str(path)) from exc


@cache  # keyed by the folder's digest too: an edited file is read again
def _language_rules(lang: str, active: tuple[Path, str] | None) -> LanguageRules:
    sources = [_packaged(lang), _user_file(active, lang)]
    merged: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source is None:
            continue
        text, where = source
        for group, key, value in _checked_language_file(_read(text, where, strings=True), where):
            bucket = merged.setdefault(group, {})
            if LANGUAGE_GROUPS[group][key] is MAPPING:
                bucket[key] = {**bucket.get(key, {}), **value}
            else:
                bucket[key] = [*bucket.get(key, []), *(v for v in value if v not in bucket.get(key, []))]
    rules = LanguageRules(lang, {}, {}, {})
    for group, entries in merged.items():
        for key, value in entries.items():
            shape = LANGUAGE_GROUPS[group][key]
            if shape is MAPPING:
                rules.mappings.setdefault(group, {})[key] = value
            elif shape is REGEXES:
                rules.patterns.setdefault(group, {})[key] = tuple(re.compile(p) for p in value)
            else:
                rules.words.setdefault(group, {})[key] = tuple(value)
    return rules


def _checked_language_file(data: Any, where: str) -> list[tuple[str, str, Any]]:
    """(group, key, value) of a language file, every one declared in ``LANGUAGE_GROUPS`` and of its shape."""
    if not isinstance(data, Mapping):
        raise RuleFileError("a language file is a mapping of groups (title:, budget:, ...)", path=where)
    found = []
    for group, entries in data.items():
        if group not in LANGUAGE_GROUPS:
            raise RuleFileError(_unknown(f"group {group!r}", "the groups are", LANGUAGE_GROUPS), path=where)
        if entries in ("", None):
            continue
        if not isinstance(entries, Mapping):
            raise RuleFileError(f"{group}: must be a mapping of keys ({', '.join(LANGUAGE_GROUPS[group])})", path=where)
        for key, value in entries.items():
            shape = LANGUAGE_GROUPS[group].get(key)
            if shape is None:
                raise RuleFileError(_unknown(f"key {group}.{key}", f"the keys of {group!r} are",
                                             LANGUAGE_GROUPS[group]), path=where)
            found.append((group, key, _shaped(value, shape, f"{group}.{key}", where)))
    return found


def _unknown(what: str, these: str, declared: Mapping[str, Any]) -> str:
    return (f"{what} is not declared; {these}: {', '.join(declared)} (a misspelt key is never read; a new one "
            "is declared in extract/rules/schema.py)")


def _shaped(value: Any, shape: Shape, key: str, where: str) -> Any:
    if value in ("", None):  # 'key:' with nothing after it
        return {} if shape is MAPPING else []
    if shape is MAPPING:
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise RuleFileError(f"{key} must be {shape.value}", path=where)
        return dict(value)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{key} must be {shape.value} ([a, b, ...])", path=where)
    if shape is REGEXES:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise RuleFileError(f"{key}: {pattern!r} is not a regular expression ({exc})", path=where) from exc
    return list(value)


@cache
def _rule_data(name: str, active: tuple[Path, str] | None) -> Any:
    model = DATA_FILES[name]
    text, where = _packaged(name)
    data = _checked(model, _read(text, where, strings=False), where)
    user = _user_file(active, name)
    if user is not None:
        extra = _checked(model, _read(user[0], user[1], strings=False), user[1])
        data = _merged(data, extra)
    return data


def _checked(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(_explain(model, exc), path=where) from exc
    return data


def _explain(model: type[BaseModel], exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"] if part != "[key]")
    if error["type"] == "extra_forbidden":
        return _unknown(f"key {location}", "the keys are", model.model_fields)
    message = str(error["msg"]).removeprefix("Value error, ")
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{location or 'the file'}: {message}{more}"


def _merged(base: Any, extra: Any) -> Any:
    """A user file over a packaged one: lists extended, mappings merged (the user's entry wins)."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merged(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *(v for v in extra if v not in base)]
    return extra
