"""pandera schemas of every table the library reads.

Each bundled or user-supplied table is checked against its
:class:`pandera.pandas.DataFrameModel` where it enters the library; the checks
across tables (a printed total against its parts, custodial sentences against
guilty verdicts) run on one row per year built by :func:`cross_table_frame`.
"""

from __future__ import annotations

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

__all__ = [
    "DUURKLASSEN",
    "KENMERKEN",
    "SCHEMAS",
    "UITKOMSTEN",
    "BestraffenPerJaar",
    "Kerncijfers",
    "Uitspraken",
    "UitsprakenTotaal",
    "Vrijheidsstraffen",
    "VrijheidsstraffenKenmerken",
    "cross_table_frame",
]

SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "kerncijfers": Kerncijfers,
    "uitspraken": Uitspraken,
    "uitspraken_totaal": UitsprakenTotaal,
    "vrijheidsstraffen": Vrijheidsstraffen,
    "vrijheidsstraffen_kenmerken": VrijheidsstraffenKenmerken,
}
"""The schema of every table, by table name (the CSV file's stem)."""
