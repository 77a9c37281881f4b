"""The letter classes the rules' regular expressions share, written once so a letter is added in one place.

Each constant is the inside of a character class, to be used in an f-string as ``[{CAPITALS}]`` or
combined with more characters as ``[{CAPITALS}0-9&-]``. They are ranges of code points, not Unicode
categories, and the patterns depend on exactly what the ranges admit, odd members included. (The
acronym patterns, as in ``segment.spelling``, use another class of capitals, ``A-ZÀ-ÖØ-ÝĀ-žȘȚ``,
which leaves '×' out.)
"""

from __future__ import annotations

CAPITALS = "A-ZÀ-ÝĀ-žȘȚ"
"""A capital, where a rule asks for one to start a name, a word or a sentence: ASCII capitals; the
Latin-1 capitals À-Ý (a range that holds the multiplication sign '×' and leaves out the capital
thorn 'Þ'); all of Latin Extended-A, Ā-ž ('Č', 'Ł', 'Ő', 'Ş'), whose capitals and small letters
alternate ('Ā', 'ā', 'Ă', 'ă', ...), so the class also admits those small letters ('č', 'ł', 'ő',
'ş'): a side effect of writing the block as one range, kept because the rules were tuned with it;
and the Romanian 'Ș' and 'Ț' with a comma below, which sit outside that block, in Latin Extended-B."""

LOWERCASE = "a-zà-ÿ"
"""A small letter of ASCII or Latin-1, à-ÿ (which holds the division sign '÷' and leaves out 'ß').
Narrower than ``CAPITALS``: no small letter of Latin Extended-A ('ł', 'ş', 'ő') is in it."""
