"""Social media, DOIs, shorteners and publishers: their pages are never a lab's own site, and their
names ('LinkedIn: Digital Cities Network') no lab's (rules ``websites.not_lab_hosts``)."""

from __future__ import annotations

import re
from functools import cache

from extract.rules.lexicon import lexicon

URL = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?", re.IGNORECASE)


def platform_host(host: str) -> bool:
    """Social media, DOIs, shorteners and publishers (rules websites.not_lab_hosts): a page there is
    never a lab's own site, and the platform's name ('LinkedIn: Digital Cities Network') no lab."""
    host = host.lower().removeprefix("www.")
    return any(host == h or host.endswith("." + h) for h in _platform_hosts())


def platform_name(name: str) -> bool:
    """'LinkedIn', 'Mastodon', 'YouTube': the name of a platform of ``platform_host``."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    return len(key) >= MIN_PLATFORM_NAME and any(h.split(".")[0] == key for h in _platform_hosts())


MIN_PLATFORM_NAME = 4
"""'X' and 't.co' are letters, not names."""


@cache
def _platform_hosts() -> frozenset[str]:
    return lexicon(None).folded("websites", "not_lab_hosts")
