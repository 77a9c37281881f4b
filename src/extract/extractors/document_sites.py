"""Websites given away from a lab's own text: a footnote 'Websites: adip.cdmx.gob.mx;
labhackercd.leg.br', a closing slide, a reference list. A lab with no website of its own section
takes the one address of the document whose host spells its name or acronym, when that address
names no other lab of the document; and a lab's website that spells another lab's name, not its
own, is that other lab's.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from extract.models import LabRecord, Provenance, Section
from extract.rules.lexicon import fold_keep, lexicon
from extract.segment.spelling import domain_matches


def document_urls(sections: list[Section]) -> list[tuple[str, int, str]]:
    """Every address printed in the sections' lines, footnotes and page footers: (url, page, line text)."""
    from extract.normalize import find_urls

    seen: set[str] = set()
    found = []
    for section in sections:
        for line in [*section.lines, *section.footnotes, *section.urls]:
            for url, _, _ in find_urls(line.text):
                host = _host(url)
                if host and host not in seen:
                    seen.add(host)
                    found.append((url, line.page, line.text))
    return found


def with_document_sites(records: list[LabRecord], urls: list[tuple[str, int, str]], *,
                        method: str, confidence: float, tld_confidence: float) -> list[LabRecord]:
    """The records, those without a website given the document's address that names them alone
    (and, without a country, the country its domain stands for)."""
    from extract.normalize import country_from_url

    not_lab = lexicon(None).folded("websites", "not_lab_hosts")
    usable = [(url, page, text) for url, page, text in urls
              if not any(_host(url) == h or _host(url).endswith("." + h) for h in not_lab)]
    owners = {url: [r for r in records if _names(r, url)] for url, _, _ in usable}
    out = []
    for record in records:
        mine = [(url, page, text) for url, page, text in usable if owners[url] == [record]]
        if record.website is not None or len(mine) != 1:
            out.append(record)
            continue
        url, page, text = mine[0]
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        evidence = Provenance(page=page, text=text, method=method, confidence=confidence)
        update: dict[str, object] = {"website": site}
        provenance = {**record.provenance, "website": evidence}
        if record.country is None and (code := country_from_url(site)) is not None:
            # 'www.wsw.nl' at the foot of the page: its domain says the country, weakly (as a section's own site does).
            update["country"] = code
            provenance["country"] = evidence.model_copy(update={"confidence": min(confidence, tld_confidence)})
        out.append(record.model_copy(update={**update, "provenance": provenance}))
    return out


def without_others_sites(records: list[LabRecord]) -> list[LabRecord]:
    """'The Swedish Riksarkivet, for its part, ... Its website is kansallisarkisto.fi.': an address
    whose host spells another lab of the document, and not this lab, is no website of this lab."""
    out = []
    for record in records:
        site = record.website
        # A comparison's column ('swisstopo' over the Office fédéral de topographie's row) is no
        # other lab to give the site to: it may be this one under its short name.
        if site is not None and not _names(record, site) and any(
                other is not record and other.section.get("kind") != "table_row" and _spelled_whole(other, site)
                for other in records):
            provenance = {k: v for k, v in record.provenance.items() if k != "website"}
            record = record.model_copy(update={"website": None, "provenance": provenance})
        out.append(record)
    return out


def _spelled_whole(record: LabRecord, url: str) -> bool:
    """Is the address's first label the lab's whole name or acronym ('kansallisarkisto.fi'), not
    just a word of it ('library.wales' is no more the National Library of Scotland's than Wales's)?"""
    label = _label(url)
    return len(label) >= 3 and label in {_letters(fold_keep(record.name or "")), _letters(fold_keep(record.acronym or ""))}


def _names(record: LabRecord, url: str) -> bool:
    """Does the address's host spell the lab's name or acronym ('sndi.ci' for SNDI)?"""
    if record.name and domain_matches(record.name, _host(url)):
        return True
    label = _label(url)
    return len(label) >= 3 and label == _letters((record.acronym or "").lower())


def _label(url: str) -> str:
    """The letters and digits of the address's first label ('sndi' of www.sndi.ci)."""
    return _letters(_host(url).split(".")[0])


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")
