"""pandera schemas of every table the library reads.

Each bundled or user-supplied table is checked against its
`pandera.pandas.DataFrameSchema` where it enters the library; the checks
across tables (custodial sentences against guilty verdicts) run on one row per
year built by `cross_table_frame`. Printed totals against their parts are stated
once in `TOTALS` and `AGREEMENTS`: the audit reports a total that does not add up,
and only a strict validation refuses it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .._units import EENHEID, Unit
from ._bestraffen import (
    DUURKLASSEN,
    KENMERKEN,
    UITKOMSTEN,
    BestraffenPerJaar,
    Kerncijfers,
    Uitspraken,
    UitsprakenTotaal,
    Vrijheidsstraffen,
    VrijheidsstraffenKenmerken,
    cross_table_frame,
)
from ._financieel import (
    FINANCIEEL_THEMAS,
    GEDRUKT_ALS,
    FinancieelBestedingHerkomst,
    FinancieelBestedingHerkomstTotaal,
    FinancieelBestedingThema,
    FinancieelBestedingThemaEindtotaal,
    FinancieelBestedingThemaTotaal,
    FinancieelHerkomst,
    FinancieelHerkomstTotaal,
    FinancieelPreventieJeugdcriminaliteit,
    FinancieelStructureel,
    FinancieelVoetnoot,
    footnote_frame,
    structural_frame,
)
from ._totals import AGREEMENTS, TOTALS, Agreement, TotalRule
from ._verstoren import Beslag, BeslagDoelstellingen, Drugsvangsten, DrugsvangstenNationaal
from ._voorkomen import PreventieMetGezagGemeenten

__all__ = [
    "AGREEMENTS",
    "AMOUNT_UNITS",
    "CROSS_TABLE_CHECKS",
    "DUURKLASSEN",
    "EENHEID",
    "FINANCIEEL_THEMAS",
    "GEDRUKT_ALS",
    "KENMERKEN",
    "SCHEMAS",
    "TOTALS",
    "UITKOMSTEN",
    "Agreement",
    "Beslag",
    "BeslagDoelstellingen",
    "BestraffenPerJaar",
    "CrossTableCheck",
    "Drugsvangsten",
    "DrugsvangstenNationaal",
    "FinancieelBestedingHerkomst",
    "FinancieelBestedingHerkomstTotaal",
    "FinancieelBestedingThema",
    "FinancieelBestedingThemaEindtotaal",
    "FinancieelBestedingThemaTotaal",
    "FinancieelHerkomst",
    "FinancieelHerkomstTotaal",
    "FinancieelPreventieJeugdcriminaliteit",
    "FinancieelStructureel",
    "FinancieelVoetnoot",
    "Kerncijfers",
    "PreventieMetGezagGemeenten",
    "TotalRule",
    "Uitspraken",
    "UitsprakenTotaal",
    "Vrijheidsstraffen",
    "VrijheidsstraffenKenmerken",
    "amount_column",
    "cross_table_frame",
    "footnote_frame",
    "parts_column",
    "structural_frame",
    "table_unit",
    "time_column",
]

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "beslag": Beslag,
    "beslag_doelstellingen": BeslagDoelstellingen,
    "drugsvangsten": Drugsvangsten,
    "drugsvangsten_nationaal": DrugsvangstenNationaal,
    "preventie_met_gezag_gemeenten": PreventieMetGezagGemeenten,
    "financieel_besteding_herkomst": FinancieelBestedingHerkomst,
    "financieel_besteding_herkomst_totaal": FinancieelBestedingHerkomstTotaal,
    "financieel_besteding_thema": FinancieelBestedingThema,
    "financieel_besteding_thema_eindtotaal": FinancieelBestedingThemaEindtotaal,
    "financieel_besteding_thema_totaal": FinancieelBestedingThemaTotaal,
    "financieel_herkomst": FinancieelHerkomst,
    "financieel_herkomst_totaal": FinancieelHerkomstTotaal,
    "financieel_preventie_jeugdcriminaliteit": FinancieelPreventieJeugdcriminaliteit,
    "kerncijfers": Kerncijfers,
    "uitspraken": Uitspraken,
    "uitspraken_totaal": UitsprakenTotaal,
    "vrijheidsstraffen": Vrijheidsstraffen,
    "vrijheidsstraffen_kenmerken": VrijheidsstraffenKenmerken,
}
"""The schema of every table, by table name (the CSV file's stem)."""


def time_column(table: str) -> str | None:
    """Return the period column of ``table`` (``jaar``, ``periode``, ``startjaar``).

    Examples
    --------
    >>> from ondermijning_indicators.schemas import time_column
    >>> time_column("uitspraken"), time_column("financieel_herkomst")
    ('jaar', 'periode')
    """
    metadata = SCHEMAS[table].metadata or {}
    time = metadata.get("time")
    return str(time) if time else None


def parts_column(table: str) -> str | None:
    """Return the column of ``table`` whose empty value is the whole (``categorie``), if any.

    Examples
    --------
    >>> from ondermijning_indicators.schemas import parts_column
    >>> parts_column("kerncijfers"), parts_column("uitspraken")
    ('categorie', None)
    """
    metadata = SCHEMAS[table].metadata or {}
    whole = metadata.get("whole")
    return str(whole) if whole else None


AMOUNT_UNITS: Mapping[str, Unit | None] = {
    "aantal": Unit.COUNT,
    "bedrag_eur": Unit.EUR,
    "bedrag_k_eur": Unit.EUR_THOUSAND,
    "kg": Unit.KG,
    "waarde": None,
}
"""The amount column of every table and its unit, by the column's name: a table's unit
is stated here once (None: per row, in the column ``eenheid``, words of `EENHEID`)."""


def amount_column(table: str) -> str:
    """Return the column of ``table`` that holds its counts or amounts.

    Examples
    --------
    >>> from ondermijning_indicators.schemas import amount_column
    >>> amount_column("uitspraken"), amount_column("financieel_herkomst")
    ('aantal', 'bedrag_k_eur')
    """
    (column,) = (str(c) for c in SCHEMAS[table].columns if c in AMOUNT_UNITS)
    return column


def table_unit(table: str) -> Unit | None:
    """Return the unit of the amounts of ``table``; None when each row names its own.

    Examples
    --------
    >>> from ondermijning_indicators.schemas import table_unit
    >>> str(table_unit("financieel_herkomst")), table_unit("kerncijfers")
    ('EUR thousand', None)
    """
    return AMOUNT_UNITS[amount_column(table)]


@dataclass(frozen=True)
class CrossTableCheck:
    """Rules that span tables: a frame built from them, and the schema it must meet.

    Attributes
    ----------
    name : str
        Name used in messages (e.g. "bestraffen (across tables)").
    tables : tuple of str
        The tables it reads; it runs when at least one of them is present.
    frame : callable
        Builds one row per ``key`` from the validated tables.
    schema : pandera DataFrameSchema
        The rules every row must meet.
    key : str
        The column that names a row in messages (e.g. ``"jaar"``).
    """

    name: str
    tables: tuple[str, ...]
    frame: Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]
    schema: pa.DataFrameSchema
    key: str


CROSS_TABLE_CHECKS: list[CrossTableCheck] = [
    CrossTableCheck(
        name="bestraffen (across tables)",
        tables=(
            "uitspraken",
            "uitspraken_totaal",
            "vrijheidsstraffen",
            "vrijheidsstraffen_kenmerken",
        ),
        frame=cross_table_frame,
        schema=BestraffenPerJaar,
        key="jaar",
    ),
    CrossTableCheck(
        name="financieel structural (across tables)",
        tables=("financieel_herkomst", "financieel_besteding_herkomst"),
        frame=structural_frame,
        schema=FinancieelStructureel,
        key="omschrijving",
    ),
    CrossTableCheck(
        name="financieel footnote (across tables)",
        tables=("financieel_preventie_jeugdcriminaliteit", "financieel_besteding_thema"),
        frame=footnote_frame,
        schema=FinancieelVoetnoot,
        key="onderdeel",
    ),
]
"""Every check across tables, run by `ondermijning_indicators.validate_tables`."""
