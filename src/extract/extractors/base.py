"""The extractor protocol: one extractor per field family, named and versioned."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from extract.extractors.context import SectionContext
    from extract.models import Candidate, Section


class Extractor(Protocol):
    name: str
    version: str
    """Bumped whenever a rule change can change the output (recorded in every output file)."""

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]: ...
