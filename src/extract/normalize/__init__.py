"""Normalisers: numbers, money, currencies, countries, URLs and language, in nl/en/fr.

Pure functions on text; none of them raise on odd input (they return None or []).
"""

from __future__ import annotations

from .countries import CountryMention, country_code, country_from_url, find_countries
from .language import detect_language
from .money import MoneyMention, currency_code, currency_unit, find_money
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
