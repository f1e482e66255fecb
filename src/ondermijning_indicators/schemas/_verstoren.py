"""Schemas of the tables of the *Verstoren* section: seizures, targets, drug seizures."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._build import column, frame_check, schema

_JAAR: dict[str, Any] = {"ge": 1990, "le": 2100, "title": "Jaar", "description": "Calendar year."}


@frame_check(error="digital seizures cannot exceed the total of the same year")
def digital_within_total(df: pd.DataFrame) -> pd.Series:
    wide = df.pivot(index="jaar", columns="soort", values="bedrag_eur")
    if not {"totaal", "digitaal"} <= set(wide.columns):
        return df["jaar"].notna()
    bad_years = wide.index[wide["digitaal"] > wide["totaal"]]
    return ~df["jaar"].isin(bad_years)


Beslag = schema(
    "beslag",
    {
        "jaar": column(int, **_JAAR),
        "soort": column(
            str,
            isin=("totaal", "digitaal"),
            title="Soort",
            description="totaal (all seizures) or digitaal (seizures of digital, crypto assets).",
        ),
        "bedrag_eur": column(
            float,
            ge=0,
            title="Bedrag (EUR)",
            description="Amount seized, in euro, without the lag effect.",
        ),
    },
    checks=[digital_within_total],
    unique=["jaar", "soort"],
    description=(
        "Criminal assets seized per year (beslag), in euro, in total and on digital assets."
    ),
)

BeslagDoelstellingen = schema(
    "beslag_doelstellingen",
    {
        "jaar": column(int, **_JAAR),
        "partij": column(
            str,
            isin=("totaal", "politie"),
            title="Partij",
            description=(
                "totaal (the overall seizure target of the year) or politie (the police "
                "trajectory of the Veiligheidsagenda)."
            ),
        ),
        "bedrag_eur": column(
            float, gt=0, title="Doelstelling (EUR)", description="Target amount, in euro."
        ),
    },
    unique=["jaar", "partij"],
    description="Targets for the amount seized, per year and party, in euro.",
)

Drugsvangsten = schema(
    "drugsvangsten",
    {
        "jaar": column(int, **_JAAR),
        "haven": column(
            str,
            isin=("rotterdam", "vlissingen", "noordzeekanaalgebied"),
            title="Haven",
            description="Port: rotterdam, vlissingen or noordzeekanaalgebied (NZKG).",
        ),
        "drug": column(
            str, isin=["cocaine"], title="Drug", description="The drug intercepted (cocaine)."
        ),
        "kg": column(float, ge=0, title="Kilo", description="Kilos intercepted."),
    },
    unique=["jaar", "haven", "drug"],
    description="Drugs intercepted per year, port and drug, in kilos.",
)
