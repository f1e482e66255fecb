"""Schemas of the tables of the *Voorkomen* section."""

from __future__ import annotations

import pandas as pd

from ._build import column, frame_check, schema


@frame_check(error="a named municipality counts once (aantal 1)")
def named_count_once(df: pd.DataFrame) -> pd.Series:
    return (df["gemeente"] == "niet genoemd") | (df["aantal"] == 1)


@frame_check(error="a municipality can start only once")
def one_start_per_municipality(df: pd.DataFrame) -> pd.Series:
    named = df["gemeente"] != "niet genoemd"
    return ~(named & df["gemeente"].duplicated(keep=False))


PreventieMetGezagGemeenten = schema(
    "preventie_met_gezag_gemeenten",
    {
        "startjaar": column(
            int, ge=1990, le=2100, title="Startjaar", description="Year the municipality starts."
        ),
        "gemeente": column(
            str,
            str_length={"min_value": 1},
            title="Gemeente",
            description="Name of the municipality, or 'niet genoemd' for those not named.",
        ),
        "aantal": column(
            int,
            ge=1,
            title="Aantal",
            description="1 for a named municipality; the number of municipalities not named.",
        ),
    },
    checks=[named_count_once, one_start_per_municipality],
    unique=["startjaar", "gemeente"],
    time="startjaar",
    description=(
        "Municipalities in Preventie met gezag by starting year, one row each. "
        "Municipalities the text does not name are one row 'niet genoemd' holding their number."
    ),
)
