"""Role: the text of the role/mission block, de-hyphenated and on single spaces."""

from __future__ import annotations

import re
from functools import cache

from extract.extractors.context import SectionContext
from extract.models import Candidate, Section
from extract.normalize.rule_data import alternation
from extract.rules.lexicon import lexicon

NAME = "role"
VERSION = "3"



@cache
def _keep_hyphen_before() -> re.Pattern[str]:
    """A line-end hyphen before 'en'/'and'/'et'/'of' is a suspended compound ('kennis- en ervaringsdeling')."""
    return re.compile(rf"(?:{alternation(lexicon(None).words('words', 'compound_joiners'), folded=False)})\b")


def join_lines(text: str) -> str:
    """Lines of a block as one paragraph: hyphens at line ends joined, whitespace single."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = ""
    for line in lines:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower() \
                and not _keep_hyphen_before().match(line):
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return re.sub(r"\s+", " ", out).strip()


class RoleExtractor:
    name = NAME
    version = VERSION

    def extract(self, section: Section, ctx: SectionContext) -> list[Candidate]:
        block = ctx.block("role")
        if block is None:
            return []
        text = join_lines(ctx.text[block.value_start:block.end])
        if not text:
            return []
        return [ctx.candidate("role", text, block.value_start, block.end, family=NAME, version=VERSION,
                              prior="label", evidence=(block.start, block.end))]
