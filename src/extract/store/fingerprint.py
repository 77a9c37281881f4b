"""A hash of the code and data a pipeline stage runs on, for cache keys that go stale by themselves.

``code_fingerprint(("extract.layout.build", "extract.segment.sections"), ...)`` follows every ``extract.*``
import of those modules (including imports inside functions) through the source, and hashes the
source of each module reached, the named data files and the versions of the named packages.
Editing any of them gives a new fingerprint, so a cached result of the stage is never reused
with other code; editing a module the stage does not reach (an extractor) leaves it as it was.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import re
from functools import lru_cache
from pathlib import Path

PACKAGE = "extract"


@lru_cache(maxsize=1)
def _package_root() -> Path:
    # Cached: resolving it per module looked up made a third of a warm reprocess's key computing.
    return Path(__file__).resolve().parents[1]  # src/extract: module names and data files are relative to it


def _source_path(module: str) -> Path | None:
    """The source file of ``extract.x.y`` found on disk (nothing is imported), or None."""
    root = _package_root()
    relative = Path(*module.split(".")[1:])
    for candidate in (root / relative.with_suffix(".py"), root / relative / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+([^\n]+))",
                     re.MULTILINE)
_COMMENT = re.compile(r"#[^\n]*")
_LONG_STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'')
"""Docstrings: their examples ('from extract import extract_file') are not imports."""


def _imports(module: str, source: str, is_package: bool) -> set[str]:
    """The ``extract.*`` modules that ``module`` imports anywhere in its source (functions included).

    Read from the import statements' lines rather than a parsed tree: parsing every module a stage
    reaches cost each process about a third of a second. ``tests/store/test_fingerprint.py`` checks
    that this finds what the parsed tree holds, for every module of the package.
    """
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for match in _IMPORT.finditer(_LONG_STRING.sub("", source)):
        origin, names, plain = match.groups()
        if plain is not None:
            found.update(name.split(" as ")[0].strip() for name in _COMMENT.sub("", plain).split(","))
            continue
        if origin.startswith("."):
            level = len(origin) - len(origin.lstrip("."))
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - level + 1])
            target = f"{base}.{origin.lstrip('.')}" if origin.lstrip(".") else base
        else:
            target = origin
        found.add(target)
        # 'from extract.normalize import language' may name a submodule
        listed = _COMMENT.sub("", names).strip().strip("()").replace("\\\n", " ")
        found.update(f"{target}.{name.split(' as ')[0].strip()}" for name in listed.split(",") if name.strip())
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


def imports_by_syntax_tree(module: str, tree: ast.AST, is_package: bool) -> set[str]:
    """What ``_imports`` finds, from the parsed tree (the reference its test compares against)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


def reached_modules(roots: tuple[str, ...]) -> dict[str, Path]:
    """Every ``extract.*`` module reachable by imports from ``roots``, with its source file."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in seen or module == PACKAGE:
            continue
        path = _source_path(module)
        if path is None:
            continue  # a name imported from a module, not a module itself
        seen[module] = path
        todo.extend(_imports(module, path.read_text(encoding="utf-8"), path.name == "__init__.py") - seen.keys())
    return seen


@lru_cache(maxsize=8)
def code_fingerprint(roots: tuple[str, ...], data_files: tuple[str, ...] = (),
                     distributions: tuple[str, ...] = ()) -> str:
    """Hex digest over the source reached from ``roots``, packaged ``data_files`` and package versions."""
    digest = hashlib.sha256()
    for module, path in sorted(reached_modules(roots).items()):
        digest.update(module.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in data_files:
        digest.update(name.encode() + b"\0" + (_package_root() / name).read_bytes() + b"\0")
    for dist in distributions:
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{dist}={version}\0".encode())
    return digest.hexdigest()


# ".tsv": the packaged tables (rules/cities.tsv, rules/currency_names.tsv) are rule data as much as the
# word lists; without it an edited table left every output "unchanged".
RULE_DATA_SUFFIXES = (".yml", ".yaml", ".jsonl", ".json", ".toml", ".txt", ".tsv")


def _rules_dir() -> Path:
    return _package_root() / "rules"


def rules_fingerprint(user_rules: str | None = None) -> str:
    """Hex digest of every rule data file (``rules/*.yml``, ``rules/patterns/*.jsonl``, ...), and of
    the user rules folder's files when there is one (``settings.rules_dir``).

    Part of what makes an output current: an edited rule file must reprocess the files it may change,
    as a new extractor VERSION does. Not cached: a long-lived process must see an edit.
    """
    root = _rules_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in RULE_DATA_SUFFIXES):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    if user_rules:  # only then: outputs made without a rules folder stay current
        from extract.rules.loader import user_rules_digest

        digest.update(b"user rules\0" + user_rules_digest(user_rules).encode())
    return digest.hexdigest()[:16]
