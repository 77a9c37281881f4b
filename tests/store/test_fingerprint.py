"""The code fingerprint reads imports from the source's lines (it must find what the parsed tree holds); the
rules fingerprint covers every rule data file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import extract
from extract.store import fingerprint


def test_imports_read_from_lines_are_those_of_the_syntax_tree_for_every_module() -> None:
    root = Path(extract.__file__).parent
    differ = {}
    for path in sorted(root.rglob("*.py")):
        is_package = path.name == "__init__.py"
        parts = path.relative_to(root.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if is_package else parts)
        source = path.read_text(encoding="utf-8")
        by_lines = fingerprint._imports(module, source, is_package)
        by_tree = fingerprint.imports_by_syntax_tree(module, ast.parse(source), is_package)
        if by_lines != by_tree:
            differ[module] = (sorted(by_lines - by_tree), sorted(by_tree - by_lines))
    assert not differ


def test_lines_that_only_look_like_imports_are_read_as_the_tree_reads_them() -> None:
    source = ('from extract.a import (b,  # why\n    c as d)\nimport extract.e as f, os\n'
              'def g():\n    from . import h\n    from .i import j\n')
    module = "extract.pkg.mod"
    assert fingerprint._imports(module, source, False) == fingerprint.imports_by_syntax_tree(
        module, ast.parse(source), False)


def test_editing_a_rule_table_changes_the_rules_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .tsv table of the rules folder (cities, currency names) is rule data: editing one makes every
    output stale, as editing a word list does (issue 13)."""
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(Path(extract.__file__).parent / "rules", rules)
    monkeypatch.setattr(fingerprint, "_rules_dir", lambda: rules)
    before = fingerprint.rules_fingerprint()
    assert fingerprint.rules_fingerprint() == before
    table = rules / "cities.tsv"
    table.write_text(table.read_text(encoding="utf-8") + "testville\tNL\n", encoding="utf-8")
    assert fingerprint.rules_fingerprint() != before
