"""Normalisers: numbers, money, currencies, countries, URLs and language, in nl/en/fr.

Pure functions on text; none of them raise on odd input (they return None or []).
Every mention carries ``start``/``end`` offsets into the text it was found in and the
``raw`` text between them, so callers can map a value back to its words and boxes.

- Numbers follow the text's locale when ``lang`` is given ('1,200' is 1.2 in Dutch), else
  their shape; money overrides that for exactly three digits after one mark ('EUR 1.200'
  is 1200 in any language) because amounts have at most two decimals.
- Word lists live in ``rules/scale_words.yml``, ``rules/currencies.yml`` and
  ``rules/countries.yml``, and in the ``money`` (periods, qualifiers, ranges) and ``language``
  (stop words) groups of ``rules/{nl,en,fr}.yml``; scale words, markers, adjectives and the
  words around amounts of all three languages are used for every text (reports quote each
  other), number words only in ``lang``.
- ``find_money`` never returns a year; ``find_numbers`` does (callers decide).
"""

from __future__ import annotations

from .countries import CountryMention, country_code, country_from_url, find_countries
from .currencies import currency_code, currency_unit
from .language import detect_language
from .money import MoneyMention, find_money
from .numbers import NumberMention, find_numbers, parse_number
from .urls import find_urls, normalize_url

__all__ = [
    "CountryMention",
    "MoneyMention",
    "NumberMention",
    "country_code",
    "country_from_url",
    "currency_code",
    "currency_unit",
    "detect_language",
    "find_countries",
    "find_money",
    "find_numbers",
    "find_urls",
    "normalize_url",
    "parse_number",
]
