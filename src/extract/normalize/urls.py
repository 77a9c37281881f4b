"""Web addresses: find them in (OCR'd) text, repair the damage, and write them one way.

Output form: 'https://' + lower-case host (with 'www.' when the text has it) + path (case
kept), no fragment, no trailing slash. Outlook safelinks give their target address.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

log = logging.getLogger(__name__)

_GENERIC_TLDS = (
    "com org net eu int gov edu io info biz mil museum coop name pro aero app dev ai co "
    "tech online site digital agency design lab studio global world europa brussels vlaanderen gent "
    "amsterdam paris london berlin wien swiss scot wales cymru "
    # Regional and city domains European public bodies use.
    "bzh alsace corsica eus cat gal bayern hamburg koeln cologne nrw saarland ruhr tirol "
    "madrid barcelona stockholm helsinki oslo quebec"
).split()
_REPLACEMENT = "\ufffd"
MIN_TLD_CHARS, MAX_TLD_CHARS = 2, 18
# 'www.report.pdf' is a file's name set like an address, not one; RFC 2606's reserved names
# ('www.town.example') are placeholders, never a body's site.
_NOT_SITE_TLDS = frozenset("pdf doc docx xls xlsx ppt pptx odt ods jpg jpeg png gif tif tiff txt csv zip htm html xml "
                             "example test invalid localhost".split())


@lru_cache(maxsize=1)
def known_tlds() -> frozenset[str]:
    """Top-level domains that make a bare 'name.tld' an address: country codes plus common ones."""
    import pycountry

    codes = {c.alpha_2.lower() for c in pycountry.countries}
    codes.update({"uk", "eu"})
    return frozenset(codes | set(_GENERIC_TLDS))


# Scheme as OCR leaves it: 'http//', 'https;//', 'hltps://', 'htps:/'.
_SCHEME = re.compile(r"^(?:h?[tl1]{1,2}p?s?\s*[:;.,]?\s*/\s*/?|https?[:;.,]\s*)\s*", re.IGNORECASE)
# 'www.' as OCR leaves it: 'wwwi.', 'www,', 'vww.', 'wvw.', 'ww.', 'www .'
_WWW = re.compile(r"^(?:w{2,4}[il1]?|vww|wvw|wwv)\s*[.,]\s*", re.IGNORECASE)
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,24})(?::\d{1,5})?$")
_TRAILING = "/.,;:!?)]}>'\"»“”‘’…"
_TYPOGRAPHY = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_LEADING = "([{<'\"«“”‘’ \t\r\n"


# Host labels OCR commonly damages ('q' for 'g', '0' for 'o') in the public-sector second-level
# domains reports cite most ('modernisation.qouv.fr', 'g0v.uk').
_LABEL_REPAIRS = {"qouv": "gouv", "g0uv": "gouv", "qov": "gov", "g0v": "gov", "qv": "gv"}


def _fold_accents(text: str) -> str:
    """'vlaanderén' -> 'vlaanderen': printed addresses are ASCII; accents there are OCR noise."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _repair_host(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3:  # only a second-level label before a country code: 'x.qouv.fr'
        labels[-2] = _LABEL_REPAIRS.get(labels[-2], labels[-2])
    return ".".join(labels)


def _clean_tail(url: str) -> str:
    # Loop: a path can end in '.)/' and each strip can expose another ending.
    previous = None
    while previous != url:
        previous = url
        url = url.rstrip(_TRAILING)
        if url.endswith("(") or url.endswith("["):
            url = url[:-1]
    return url


def _safelink_target(host: str, query: str) -> str | None:
    if not host.endswith("safelinks.protection.outlook.com"):
        return None
    values = parse_qs(query).get("url")
    return values[0] if values else None


def normalize_url(text: str) -> str | None:
    """The address in ``text`` written in the standard form, or None when it is not one.

    Never raises; ``normalize_url(normalize_url(x)) == normalize_url(x)``.
    """
    try:
        return _normalize(text, depth=0)
    except Exception:  # a normaliser never takes the pipeline down
        log.debug("normalize_url failed on %r", text, exc_info=True)
        return None


def _normalize(text: str, depth: int) -> str | None:
    if not isinstance(text, str) or depth > 3:
        return None
    # Typographic hyphens and invisible characters come from PDF text layers, not from addresses.
    url = text.translate(_TYPOGRAPHY).strip().lstrip(_LEADING)
    url = _SCHEME.sub("", url, count=1)
    url = re.sub(r"\s+", "", _fold_accents(url))  # after folding: compatibility forms can decompose into spaces
    if not url or _REPLACEMENT in url:
        return None
    url = url.split("#", 1)[0]
    url = _clean_tail(url)
    www = _WWW.match(url)
    has_www = False
    if www:
        has_www = True
        url = url[www.end() :]
    # Host ends at the first '/', '?' (or '\\' from bad OCR).
    match = re.match(r"^([^/?\\]+)(.*)$", url)
    if not match:
        return None
    host, rest = _repair_host(match.group(1).lower().rstrip(".")), match.group(2)
    if "@" in host or not _HOST.match(host):
        return None
    if host.startswith("www.") and not has_www:
        has_www, host = True, host[4:]
    if host.startswith("www.") or not _HOST.match(host):
        return None
    tld = _HOST.match(host).group(1)  # type: ignore[union-attr]
    # 'www.germany.travel': after 'www.' any top-level domain of letters is one (the table knows the common ones).
    if tld not in known_tlds() and not (has_www and tld.isalpha() and MIN_TLD_CHARS <= len(tld) <= MAX_TLD_CHARS
                                        and tld not in _NOT_SITE_TLDS):
        return None
    path, _, query = rest.partition("?")
    target = _safelink_target(host, query)
    if target:
        return _normalize(unquote(target) if "%" in target else target, depth + 1)
    path = path.replace("\\", "/")
    path = re.sub(r"/{2,}", "/", path)
    rest = path + (f"?{query}" if query else "")
    rest = _clean_tail(rest)
    if rest and not rest.startswith(("/", "?")):
        rest = "/" + rest
    full = "https://" + ("www." if has_www else "") + host + rest
    return _clean_tail(full) if rest else full


# A candidate: a scheme or a 'www' (both possibly damaged), or a bare host with a known TLD;
# then anything up to whitespace. Spaces are allowed only right around www's dot.
_CANDIDATE = re.compile(
    r"(?<![\w@.\-/])"
    r"(?:(?:h?[tl1]{1,2}ps?\s?[:;]\s?/\s?/?)|(?:h?[tl1]{1,2}ps?//))"
    r"[^\s<>\"'«»“”]+"
    r"|(?<![\w@.\-/])(?:w{2,4}[il1]?|vww|wvw|wwv)\s?[.,]\s?[a-z0-9][^\s<>\"'«»“”]*"
    r"|(?<![\w@.\-/])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![\w@-])(?:[/?][^\s<>\"'«»“”]*)?",
    re.IGNORECASE,
)


_CONTINUATION = re.compile(r"[ \t]*\r?\n[ \t]*([a-z0-9][\w\-./%?=&~+]*(?:[/\-.][\w\-./%?=&~+]*)+)(?=\s|$)")


_HAS_PREFIX = re.compile(r"(?i)h?[tl1]{1,2}ps?\s?[:;]?\s?/|(?:w{2,4}[il1]?|vww|wvw|wwv)\s?[.,]")


def find_urls(text: str) -> list[tuple[str, int, int]]:
    """Addresses in ``text``: (normalised url, start, end), in order; nothing that is not one."""
    if not isinstance(text, str) or not text:
        return []
    found: list[tuple[str, int, int]] = []
    for match in _CANDIDATE.finditer(text):
        raw = match.group(0)
        start = match.start()
        if raw.startswith(("(", "[")):
            continue
        end = start + len(raw.rstrip(_TRAILING.replace("/", "")))
        if raw.endswith(("/", "-")) and "/" in raw.split("//", 1)[-1]:
            # A long address broken over two lines at '/' or '-' ('…/en-route-vers-\nmieux/…').
            more = _CONTINUATION.match(text, match.end())
            if more:
                raw += more.group(1)
                end = more.start(1) + len(more.group(1).rstrip(_TRAILING.replace("/", "")))
        url = normalize_url(raw)
        if url is None:
            continue
        # Bare hosts ('bv.', 'e.g.', 'Nesta.Het') must look like a name, not a sentence break.
        if not _HAS_PREFIX.match(raw):
            host = urlsplit(url).hostname or ""
            if any(c.isupper() for c in raw.split("/")[0][1:]) or host.count(".") < 1:
                continue
        found.append((url, start, end))
    return found
