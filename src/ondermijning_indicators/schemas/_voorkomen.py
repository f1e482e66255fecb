"""Schemas of the tables of the *Voorkomen* section."""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class PreventieMetGezagGemeenten(pa.DataFrameModel):
    """Municipalities in Preventie met gezag by starting year, one row each.

    Municipalities the text does not name are one row ``niet genoemd`` holding
    their number.
    """

    startjaar: Series[int] = pa.Field(
        ge=2020, le=2100, title="Startjaar", description="Year the municipality starts."
    )
    gemeente: Series[str] = pa.Field(
        str_length={"min_value": 1},
        title="Gemeente",
        description="Name of the municipality, or 'niet genoemd' for those not named.",
    )
    aantal: Series[int] = pa.Field(
        ge=1,
        title="Aantal",
        description="1 for a named municipality; the number of municipalities not named.",
    )

    class Config:
        name = "preventie_met_gezag_gemeenten"
        strict = True
        coerce = True
        unique: ClassVar[list[str]] = ["startjaar", "gemeente"]

    @pa.dataframe_check(error="a named municipality counts once (aantal 1)")
    @classmethod
    def named_count_once(cls, df: pd.DataFrame) -> pd.Series:
        return (df["gemeente"] == "niet genoemd") | (df["aantal"] == 1)

    @pa.dataframe_check(error="a municipality can start only once")
    @classmethod
    def one_start_per_municipality(cls, df: pd.DataFrame) -> pd.Series:
        named = df["gemeente"] != "niet genoemd"
        return ~(named & df["gemeente"].duplicated(keep=False))
