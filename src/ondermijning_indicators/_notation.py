"""How numbers are written: machine notation and Dutch notation, defined once.

Machine notation: no thousands separator, a dot before decimals (``1238``,
``12.5``). Dutch notation: a dot between thousands in groups of three and a comma
before decimals (``1.238``, ``12,5``, ``1.234,5``). Used by the phrase parser, the
validation of tables and the reading of Dutch spreadsheet files.
"""

from __future__ import annotations

import enum
import re


class Qualifier(enum.StrEnum):
    """Words in front of a printed number that change what it claims.

    See `ondermijning_indicators.published._semantics` for what each one
    means numerically.
    """

    BIJNA = "bijna"
    RUIM = "ruim"
    CIRCA = "circa"
    MEER_DAN = "meer dan"
    MINDER_DAN = "minder dan"
    TEN_MINSTE = "ten minste"
    HOOGUIT = "hooguit"
    RUIMSCHOOTS = "ruimschoots"


QUALIFIERS = tuple(q.value for q in Qualifier)
"""The qualifiers as the tables store them (column ``kwalificatie``): normalised words
("ongeveer" is stored as circa, "maximaal" as hooguit)."""

# Digits are 0-9 only (re.ASCII): "١٢٣" or "１２３" is not a number of either notation.
MACHINE_INT = re.compile(r"^[+-]?\d+$", re.ASCII)
MACHINE_FLOAT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
DUTCH_INT = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)$", re.ASCII)
DUTCH_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$", re.ASCII)
DUTCH_WITH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$", re.ASCII)
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$", re.ASCII)
DOT_NOT_THOUSANDS = re.compile(r"^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$", re.ASCII)
"""A dot that cannot be a Dutch thousands separator ("1.5", "20.1", "1.23456")."""
AMBIGUOUS_DOT = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$", re.ASCII)
"""A number that reads two ways: "4.157" is 4.157 in machine notation and 4157 in Dutch."""
EXACT_INTEGER = 2**53
"""The largest whole number a 64-bit float holds exactly, with every one below it; counts
above it are refused, so that no sum or comparison of counts is rounded."""


def foreign_digits(text: str) -> bool:
    """Return whether ``text`` has digits other than 0-9 (Arabic-Indic, full-width, ...)."""
    return any(ch.isdigit() and not ch.isascii() for ch in text)


def dutch_to_machine(text: str) -> str:
    """Rewrite a number matched by `DUTCH_NUMBER` in machine notation ("1.234,5" -> "1234.5")."""
    return text.replace(".", "").replace(",", ".")
