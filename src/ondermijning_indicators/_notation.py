"""How numbers are written: machine notation and Dutch notation, defined once.

Machine notation: no thousands separator, a dot before decimals (``1238``,
``12.5``). Dutch notation: a dot between thousands in groups of three and a comma
before decimals (``1.238``, ``12,5``, ``1.234,5``). Used by the phrase parser, the
validation of tables and the reading of Dutch spreadsheet files.
"""

from __future__ import annotations

import enum
import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal


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


Notation = Literal["nl", "machine"]
"""How a number is written for a reader: Dutch (``1.238``, ``12,5``) or machine (``1238``)."""


def format_number(
    value: float,
    *,
    notation: Notation = "nl",
    decimals: int | Literal["exact"] | None = None,
    significant: int = 6,
) -> str:
    """Write a number for a reader: the one formatter of the library's text and output.

    Parameters
    ----------
    value : float
        The number. NaN (a missing value) is written as an empty string, infinity as
        ``inf`` (an open end of an interval).
    notation : {"nl", "machine"}, default="nl"
        Dutch (a dot between thousands, a decimal comma: ``1.234,5``) or machine
        notation (``1234.5``).
    decimals : int, "exact" or None, default=None
        Decimals to write; ``"exact"`` the fewest that give the stored number back
        (for data written to a file); None: ``significant`` digits, but never fewer
        than the whole part has, and no trailing zeros.
    significant : int, default=6
        Significant digits when ``decimals`` is None.

    Examples
    --------
    >>> from ondermijning_indicators._notation import format_number
    >>> format_number(1238.0), format_number(0.8069467), format_number(2.015e8)
    ('1.238', '0,806947', '201.500.000')
    >>> format_number(1234.5, notation="machine"), format_number(12.4999999)
    ('1234.5', '12,5')
    >>> format_number(0.1 + 0.2, decimals="exact"), format_number(-3.25, decimals=1)
    ('0,30000000000000004', '-3,3')
    >>> format_number(2.5, decimals=0), format_number(1.5e300)[:9]  # as a reader rounds
    ('3', '1.500.000')
    """
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if (
        decimals is not None
        and decimals != "exact"
        and (not isinstance(decimals, int) or decimals < 0)
    ):
        raise ValueError(f"decimals must be a whole number >= 0 or 'exact', got {decimals!r}")
    if significant < 1:
        raise ValueError(f"significant must be at least 1, got {significant!r}")
    # the shortest digits that give the float back: what a reader of the data sees (no
    # binary noise), rounded as a reader rounds, a half away from zero
    number = Decimal(repr(float(value)))
    if decimals == "exact":
        decimals = max(0, -int(number.normalize().as_tuple().exponent))
    elif decimals is None:
        whole_digits = number.adjusted() + 1 if value else 1
        decimals = max(0, significant - whole_digits)
        decimals = max(0, -int(_rounded(number, decimals).normalize().as_tuple().exponent))
    number = _rounded(number, decimals)
    text = f"{number:,.{decimals}f}"
    if text.startswith("-") and not number:
        text = text[1:]
    if notation == "machine":
        return text.replace(",", "")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _rounded(number: Decimal, decimals: int) -> Decimal:
    """Round to ``decimals`` decimals, a half away from zero, with every digit kept."""
    with localcontext() as context:
        context.prec = max(28, number.adjusted() + decimals + 3)
        return number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
