"""pandera schemas of every table the library reads.

Each bundled or user-supplied table is checked against its
:class:`pandera.pandas.DataFrameModel` where it enters the library; the checks
across tables (a printed total against its parts, custodial sentences against
guilty verdicts) run on one row per year built by :func:`cross_table_frame`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

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
from ._verstoren import Beslag, BeslagDoelstellingen, Drugsvangsten

__all__ = [
    "CROSS_TABLE_CHECKS",
    "DUURKLASSEN",
    "KENMERKEN",
    "SCHEMAS",
    "UITKOMSTEN",
    "Beslag",
    "BeslagDoelstellingen",
    "BestraffenPerJaar",
    "CrossTableCheck",
    "Drugsvangsten",
    "Kerncijfers",
    "Uitspraken",
    "UitsprakenTotaal",
    "Vrijheidsstraffen",
    "VrijheidsstraffenKenmerken",
    "cross_table_frame",
]

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "beslag": Beslag,
    "beslag_doelstellingen": BeslagDoelstellingen,
    "drugsvangsten": Drugsvangsten,
    "kerncijfers": Kerncijfers,
    "uitspraken": Uitspraken,
    "uitspraken_totaal": UitsprakenTotaal,
    "vrijheidsstraffen": Vrijheidsstraffen,
    "vrijheidsstraffen_kenmerken": VrijheidsstraffenKenmerken,
}
"""The schema of every table, by table name (the CSV file's stem)."""


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
    model : pandera DataFrameModel
        The rules every row must meet.
    key : str
        The column that names a row in messages (e.g. ``"jaar"``).
    """

    name: str
    tables: tuple[str, ...]
    frame: Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]
    model: type[pa.DataFrameModel]
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
        model=BestraffenPerJaar,
        key="jaar",
    ),
]
"""Every check across tables, run by :func:`ondermijning_indicators.validate_tables`."""
