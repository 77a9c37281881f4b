"""Regenerate ``src/extract/rules/currency_names.tsv``: every currency in legal use (CLDR, through
``babel``) as written in reports: its ISO code and its Dutch, English and French names, singular
and plural ('Malagasy ariary', 'ariarys malgaches', 'Haïtiaanse gourde'), plus the bare unit word
where it names one currency only and is not also a common word ('ariary', 'gourdes', 'naira').

The curated ``currencies.yml`` decides first; this table only adds what it lacks.

    python scripts/build_currency_names.py
"""

from __future__ import annotations

from pathlib import Path

from babel.core import Locale, UnknownLocaleError, get_global
from babel.numbers import get_currency_name

from extract.rules.vocab import fold_keep_length

OUT = Path(__file__).resolve().parents[1] / "src" / "extract" / "rules" / "currency_names.tsv"
LANGUAGES = ("nl", "en", "fr")
# Codes that are also words printed in capitals next to numbers ('TOP 10', 'SOS 112').
NOT_CODES = {"TOP", "CUP", "BOB", "MOP", "SOS", "ALL", "CAR", "PAB"}
# Unit words that are common words too ('real', 'colon', 'sums', French 'sols', Dutch 'som' and 'kip'),
# or another currency's too ('guilders' of the Netherlands before the euro, 'gold').
NOT_UNITS = {"real", "reais", "reals", "som", "soms", "kip", "kips", "dram", "sum", "sums", "mark", "marks", "lev",
             "leva", "rand", "won", "pound", "pounds", "lek", "kina", "tala", "vatu", "leu", "lei", "rial", "gold",
             "colon", "colons", "guilder", "guilders", "sols", "soles"}


# Local signs that are also words or abbreviations ('Le 4 mars', 'FC', 'SR', 'kr.' of another kingdom).
NOT_SIGNS = {"Le", "Ar", "CF", "FC", "SR", "LS", "kr.", "Rf", "Cg.", "MK", "VT"}


def _local_signs(active: list[str]) -> dict[str, str]:
    """Signs a currency's own countries print in nl/en/fr ('DA' in Algeria, 'Afl.' in Aruba, 'FBu',
    'P' in Botswana), with a letter, naming one currency only."""
    found: dict[str, set[str]] = {}
    for territory, rows in get_global("territory_currencies").items():
        for code, _start, end, tender in rows:
            if end is not None or not tender or code not in active:
                continue
            for lang in LANGUAGES:
                try:
                    locale = Locale.parse(f"{lang}_{territory}")
                except (UnknownLocaleError, ValueError):
                    continue
                sign = locale.currency_symbols.get(code)
                if sign and sign != code and any(c.isalpha() for c in sign):
                    found.setdefault(sign, set()).add(code)
    return {sign: codes.pop() for sign, codes in found.items() if len(codes) == 1 and sign not in NOT_SIGNS}


def _units(name: str, lang: str) -> list[str]:
    """The unit word of a currency's name: English and Dutch write it last ('Kenyan shilling'),
    French first ('shilling kényan')."""
    words = name.split()
    return [words[0] if lang == "fr" else words[-1]] if words else []


def main() -> None:
    active = sorted({code for rows in get_global("territory_currencies").values()
                     for code, _start, end, tender in rows if end is None and tender})
    names: dict[str, set[str]] = {}
    units: dict[str, set[str]] = {}
    for code in active:
        for lang in LANGUAGES:
            for count in (1, 2):
                name = fold_keep_length(get_currency_name(code, count, lang)).lower()
                if name == code.lower():
                    continue  # no name in this language
                names.setdefault(name, set()).add(code)
                for unit in _units(name, lang):
                    units.setdefault(unit, set()).add(code)
    rows = [f"code\t{code}\t{code}" for code in active if code not in NOT_CODES]
    signs = _local_signs(active)
    rows += [f"code\t{sign}\t{code}" for sign, code in sorted(signs.items()) if len(sign) >= 2]
    # One letter ('P' in Botswana, 'R' in South Africa) is read only in a statement's unit ("P '000").
    rows += [f"letter\t{sign}\t{code}" for sign, code in sorted(signs.items()) if len(sign) == 1]
    rows += [f"word\t{name}\t{codes.pop()}" for name, codes in sorted(names.items()) if len(codes) == 1]
    rows += [f"word\t{unit}\t{codes.pop()}" for unit, codes in sorted(units.items())
             if len(codes) == 1 and unit not in NOT_UNITS and unit not in names and len(unit) >= 4]
    header = "# kind\tcurrency as written (words folded: lower case, no accents)\tISO 4217 (CLDR via babel; regenerate with scripts/build_currency_names.py)"
    OUT.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
