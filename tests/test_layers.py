"""The package layout is the architecture: a stage imports earlier stages and the kernel, never a later
stage; batch imports no review code and storage no extraction code (issue 13). Checked on the source,
through every ``extract.*`` import (including those inside functions), without importing anything."""

from __future__ import annotations

import pkgutil
from importlib import import_module

import pytest

from extract.store.fingerprint import reached_modules

LATER = ("extractors", "assemble", "batch", "review", "pipeline")
FORBIDDEN: dict[str, set[str]] = {
    "rules": {"read", "layout", "segment", "normalize", "nlp", "store", *LATER},
    "normalize": {"read", "layout", "segment", "nlp", "store", *LATER},
    "read": {"layout", "segment", "nlp", *LATER},
    "layout": {"read", "segment", "nlp", "store", *LATER},
    "segment": {"read", *LATER},
    "assemble": {"read", "layout", "segment", "nlp", "extractors", "store", "batch", "review", "pipeline"},
    "store": {"layout", "segment", "nlp", *LATER},
    "batch": {"review"},
}


def _modules(package: str) -> tuple[str, ...]:
    found = import_module(f"extract.{package}")
    return tuple(f"extract.{package}.{info.name}" for info in pkgutil.iter_modules(found.__path__))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_no_later_stage(package: str) -> None:
    reached = {name.split(".")[1] for name in reached_modules(_modules(package))}
    assert not reached & FORBIDDEN[package], f"extract.{package} reaches {sorted(reached & FORBIDDEN[package])}"
