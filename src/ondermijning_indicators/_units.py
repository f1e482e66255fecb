"""The units of the library: one vocabulary for metrics, phrases, tables and catalogues.

A metric's result, a printed phrase, a table's amounts (its catalogue's ``unit``) and a
row of ``kerncijfers`` (column ``eenheid``) each name their unit from `Unit`; the
Dutch words of the ``eenheid`` column and of printed phrases map onto it here, so that
a percentage in a phrase, a share computed by a metric and ``aandeel`` in a table are
one unit, not three spellings of it. Nothing here imports the rest of the library.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["EENHEID", "Unit"]


class Unit(enum.StrEnum):
    """A unit, each stating its scale (a share is 0-1, not a percentage)."""

    SHARE = "share (0-1)"
    COUNT = "count"
    EUR = "EUR"
    EUR_THOUSAND = "EUR thousand"
    FTE = "FTE"
    KG = "kg"
    YEAR = "year"
    NUMBER = "number"
    """A printed number without a unit word ("1.238", "twaalf")."""
    RELATIVE_CHANGE = "relative change (0.1 = +10%)"
    ATTAINMENT = "attainment (1.0 = target met)"
    FACTOR = "factor (2.0 = doubled)"
    RATE = "annual rate (0.1 = +10% a year)"
    EUR_PER_KG = "EUR per kg"
    SAME_AS_INPUT = "unit of the inputs"


EENHEID: Mapping[str, Unit] = MappingProxyType(
    {
        "aantal": Unit.COUNT,
        "euro": Unit.EUR,
        "kg": Unit.KG,
        "fte": Unit.FTE,
        "jaar": Unit.YEAR,
        "aandeel": Unit.SHARE,
    }
)
"""The Dutch words of a table's ``eenheid`` column, and the unit each one is."""

TABLE_UNITS: tuple[Unit, ...] = (
    Unit.COUNT,
    Unit.EUR,
    Unit.EUR_THOUSAND,
    Unit.FTE,
    Unit.KG,
    Unit.YEAR,
    Unit.SHARE,
)
"""The units a table's amounts can be in (its catalogue's ``unit``)."""
