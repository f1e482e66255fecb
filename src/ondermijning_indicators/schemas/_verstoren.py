"""Schemas of the tables of the *Verstoren* section: seizures, targets, drug seizures."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

_JAAR = {"ge": 1990, "le": 2100, "title": "Jaar", "description": "Calendar year."}


class Beslag(pa.DataFrameModel):
    """Criminal assets seized per year (beslag), in euro, in total and on digital assets."""

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    soort: Series[str] = pa.Field(
        isin=("totaal", "digitaal"),
        title="Soort",
        description="totaal (all seizures) or digitaal (seizures of digital, crypto assets).",
    )
    bedrag_eur: Series[float] = pa.Field(
        ge=0, title="Bedrag (EUR)", description="Amount seized, in euro, without the lag effect."
    )

    class Config:
        name = "beslag"
        strict = True
        coerce = True
        unique = ["jaar", "soort"]  # noqa: RUF012

    @pa.dataframe_check(error="digital seizures cannot exceed the total of the same year")
    @classmethod
    def digital_within_total(cls, df: pd.DataFrame) -> pd.Series:
        wide = df.pivot(index="jaar", columns="soort", values="bedrag_eur")
        if not {"totaal", "digitaal"} <= set(wide.columns):
            return df["jaar"].notna()
        bad_years = wide.index[wide["digitaal"] > wide["totaal"]]
        return ~df["jaar"].isin(bad_years)


class BeslagDoelstellingen(pa.DataFrameModel):
    """Targets for the amount seized, per year and party, in euro."""

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    partij: Series[str] = pa.Field(
        isin=("totaal", "politie"),
        title="Partij",
        description=(
            "totaal (the overall seizure target of the year) or politie (the police "
            "trajectory of the Veiligheidsagenda)."
        ),
    )
    bedrag_eur: Series[float] = pa.Field(
        gt=0, title="Doelstelling (EUR)", description="Target amount, in euro."
    )

    class Config:
        name = "beslag_doelstellingen"
        strict = True
        coerce = True
        unique = ["jaar", "partij"]  # noqa: RUF012


class Drugsvangsten(pa.DataFrameModel):
    """Drugs intercepted per year, port and drug, in kilos."""

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    haven: Series[str] = pa.Field(
        isin=("rotterdam", "vlissingen", "noordzeekanaalgebied"),
        title="Haven",
        description="Port: rotterdam, vlissingen or noordzeekanaalgebied (NZKG).",
    )
    drug: Series[str] = pa.Field(
        isin=["cocaine"], title="Drug", description="The drug intercepted (cocaine)."
    )
    kg: Series[float] = pa.Field(ge=0, title="Kilo", description="Kilos intercepted.")

    class Config:
        name = "drugsvangsten"
        strict = True
        coerce = True
        unique = ["jaar", "haven", "drug"]  # noqa: RUF012
