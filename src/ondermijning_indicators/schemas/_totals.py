"""Printed totals against their parts, and figures two tables both print: stated once.

A report prints totals beside their parts (the 'Totaal' row of the verdicts table,
the 'totaal' lines of the financial tables) and sometimes the same figure in two
tables. These are rules of the tables' structure, not of one edition, so they are
stated here once and read by everything that checks them: the audit reports every
total that does not add up, with the difference; ``validate_tables(..., strict=True)``
refuses one. Plain validation loads a misprinted total, so that it can be audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["AGREEMENTS", "TOTALS", "Agreement", "TotalRule"]

_COMPARED = ["printed", "expected", "difference", "ok"]


@dataclass(frozen=True)
class TotalRule:
    """A table of printed totals (or published wholes) and the table of its parts.

    Attributes
    ----------
    totals, parts : str
        The table that prints the totals, and the table whose rows they add up.
    column : str
        The amount column, the same in both tables.
    by : tuple of str
        The columns a total is per (e.g. ``("jaar",)``, ``("thema", "periode")``).
    relation : {"equals", "at_least"}
        ``equals``: the total is the sum of its parts (a printed 'Totaal' row).
        ``at_least``: the whole includes parts the table does not list (a national
        total beside some ports), so it is at least their sum.
    """

    totals: str
    parts: str
    column: str
    by: tuple[str, ...]
    relation: Literal["equals", "at_least"] = "equals"

    def compare(self, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        """One row per printed total: the total, the sum of its parts, and whether they agree.

        Columns: the ``by`` columns, ``printed``, ``expected`` (the sum of the parts; NaN
        where no part has that key), ``difference`` (printed minus expected) and ``ok``.
        Both tables must be in ``tables``.

        Examples
        --------
        >>> import ondermijning_indicators as oi
        >>> from ondermijning_indicators.schemas import TOTALS
        >>> rule = next(r for r in TOTALS if r.totals == "uitspraken_totaal")
        >>> rule.compare(oi.load_samples()).set_index("jaar").loc[2022, ["printed", "ok"]]
        printed    1543.0
        ok           True
        Name: 2022, dtype: object
        """
        printed = _summed(tables[self.totals], self.by, self.column).rename("printed")
        parts = _summed(tables[self.parts], self.by, self.column).rename("expected")
        frame = printed.to_frame().join(parts, how="left")
        frame["difference"] = frame["printed"] - frame["expected"]
        if self.relation == "equals":
            ok = np.isclose(frame["printed"], frame["expected"], rtol=0.0, atol=1e-9)
        else:
            ok = frame["difference"] >= -1e-9
        frame["ok"] = pd.Series(ok, index=frame.index) & frame["expected"].notna()
        return frame.reset_index()[[*self.by, *_COMPARED]]


@dataclass(frozen=True)
class Agreement:
    """A figure that two tables both print (e.g. the grand total of two financial tables)."""

    table: str
    other: str
    column: str
    by: tuple[str, ...]

    def compare(self, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        """One row per key of either table: both values, their difference, and ``ok``."""
        mine = _summed(tables[self.table], self.by, self.column).rename("printed")
        theirs = _summed(tables[self.other], self.by, self.column).rename("expected")
        frame = mine.to_frame().join(theirs, how="outer")
        frame["difference"] = frame["printed"] - frame["expected"]
        frame["ok"] = np.isclose(frame["printed"], frame["expected"], rtol=0.0, atol=1e-9)
        return frame.reset_index()[[*self.by, *_COMPARED]]


def _summed(df: pd.DataFrame, by: tuple[str, ...], column: str) -> pd.Series:
    return df.groupby(list(by), sort=True)[column].sum().astype("float64")


TOTALS: tuple[TotalRule, ...] = (
    TotalRule("uitspraken_totaal", "uitspraken", "aantal", ("jaar",)),
    TotalRule(
        "financieel_besteding_thema_totaal",
        "financieel_besteding_thema",
        "bedrag_k_eur",
        ("thema", "periode"),
    ),
    TotalRule(
        "financieel_besteding_thema_eindtotaal",
        "financieel_besteding_thema",
        "bedrag_k_eur",
        ("periode",),
    ),
    TotalRule("financieel_herkomst_totaal", "financieel_herkomst", "bedrag_k_eur", ("periode",)),
    TotalRule(
        "financieel_besteding_herkomst_totaal",
        "financieel_besteding_herkomst",
        "bedrag_k_eur",
        ("periode",),
    ),
    TotalRule("drugsvangsten_nationaal", "drugsvangsten", "kg", ("jaar", "drug"), "at_least"),
)
"""Every table of printed totals (or published wholes), with the table of its parts."""

AGREEMENTS: tuple[Agreement, ...] = (
    Agreement(
        "financieel_besteding_herkomst_totaal",
        "financieel_besteding_thema_eindtotaal",
        "bedrag_k_eur",
        ("periode",),
    ),
)
"""Figures two tables both print: the grand totals of the planned spending, per theme
and per origin, are the same money."""
