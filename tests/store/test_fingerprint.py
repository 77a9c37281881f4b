"""The code fingerprint reads imports from the source's lines; it must find what the parsed tree holds."""

from __future__ import annotations

import ast
from pathlib import Path

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
