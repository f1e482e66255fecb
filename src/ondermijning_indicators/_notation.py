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

MACHINE_INT = re.compile(r"^[+-]?\d+$")
MACHINE_FLOAT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
DUTCH_INT = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)$")
DUTCH_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
DUTCH_WITH_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
DOT_NOT_THOUSANDS = re.compile(r"^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$")
"""A dot that cannot be a Dutch thousands separator ("1.5", "20.1", "1.23456")."""


def dutch_to_machine(text: str) -> str:
    """Rewrite a number matched by `DUTCH_NUMBER` in machine notation ("1.234,5" -> "1234.5")."""
    return text.replace(".", "").replace(",", ".")
