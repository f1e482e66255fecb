"""Schemas of the court tables of the *Bestraffen* section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

UITKOMSTEN = ("schuldig", "vrijspraak", "overig")
DUURKLASSEN = ("minder_dan_1_jaar", "1_tot_2_jaar", "2_tot_5_jaar", "meer_dan_5_jaar")
KENMERKEN = ("met_taakstraf", "drugs_productie_en_handel", "duur_10_tot_20_jaar", "duur_30_jaar")

_JAAR = {
    "ge": 1990,
    "le": 2100,
    "title": "Jaar",
    "description": "Calendar year of the verdicts (jaar van de uitspraak).",
}


def _complete(df: pd.DataFrame, column: str, categories: tuple[str, ...]) -> pd.Series:
    """Per row: True where the row's year has every category exactly once."""
    per_year = df.groupby("jaar")[column].agg(lambda s: set(s) == set(categories) and s.is_unique)
    return df["jaar"].map(per_year).astype(bool)


class Uitspraken(pa.DataFrameModel):
    """Court verdicts in undermining cases per year and outcome (uitspraken).

    One row per year and outcome; every year has all three outcomes. The printed
    total is not a category here: it is the separate table ``uitspraken_totaal``.
    """

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    uitkomst: Series[str] = pa.Field(
        isin=UITKOMSTEN,
        title="Uitkomst",
        description=(
            "Outcome of the verdict: schuldig (found guilty), vrijspraak (acquitted) or "
            "overig (other, e.g. case dismissed)."
        ),
    )
    aantal: Series[int] = pa.Field(
        ge=0, title="Aantal", description="Number of suspects with this outcome (count)."
    )

    class Config:
        name = "uitspraken"
        strict = True
        coerce = True
        unique: ClassVar[list[str]] = ["jaar", "uitkomst"]

    @pa.dataframe_check(
        error="every year must have each outcome (schuldig, vrijspraak, overig) exactly once"
    )
    @classmethod
    def every_outcome_each_year(cls, df: pd.DataFrame) -> pd.Series:
        return _complete(df, "uitkomst", UITKOMSTEN)


class UitsprakenTotaal(pa.DataFrameModel):
    """The printed total of the verdicts table, per year, kept as a check on its parts."""

    jaar: Series[int] = pa.Field(unique=True, **_JAAR)  # type: ignore[arg-type]
    aantal: Series[int] = pa.Field(
        ge=0,
        title="Aantal (totaal, gedrukt)",
        description="The printed 'Totaal' of verdicts of that year (count of suspects).",
    )

    class Config:
        name = "uitspraken_totaal"
        strict = True
        coerce = True


class Vrijheidsstraffen(pa.DataFrameModel):
    """Custodial sentences in undermining cases per year and duration class.

    One row per year and class; every year has all four classes.
    """

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    duurklasse: Series[str] = pa.Field(
        isin=DUURKLASSEN,
        title="Duurklasse",
        description=(
            "Duration class of the custodial sentence: minder_dan_1_jaar (< 1 jaar), "
            "1_tot_2_jaar (1-2 jaar), 2_tot_5_jaar (2-5 jaar), meer_dan_5_jaar (> 5 jaar)."
        ),
    )
    aantal: Series[int] = pa.Field(
        ge=0, title="Aantal", description="Number of suspects with a sentence in this class."
    )

    class Config:
        name = "vrijheidsstraffen"
        strict = True
        coerce = True
        unique: ClassVar[list[str]] = ["jaar", "duurklasse"]

    @pa.dataframe_check(error="every year must have each of the four duration classes exactly once")
    @classmethod
    def every_class_each_year(cls, df: pd.DataFrame) -> pd.Series:
        return _complete(df, "duurklasse", DUURKLASSEN)


class VrijheidsstraffenKenmerken(pa.DataFrameModel):
    """Counts of custodial sentences that only the text gives, per year and feature."""

    jaar: Series[int] = pa.Field(**_JAAR)  # type: ignore[arg-type]
    kenmerk: Series[str] = pa.Field(
        isin=KENMERKEN,
        title="Kenmerk",
        description=(
            "met_taakstraf (combined with a community service order), "
            "drugs_productie_en_handel (for the production of and trade in drugs), "
            "duur_10_tot_20_jaar (10 to 20 years), duur_30_jaar (30 years)."
        ),
    )
    aantal: Series[int] = pa.Field(ge=0, title="Aantal", description="Number of suspects (count).")

    class Config:
        name = "vrijheidsstraffen_kenmerken"
        strict = True
        coerce = True
        unique: ClassVar[list[str]] = ["jaar", "kenmerk"]


class Kerncijfers(pa.DataFrameModel):
    """Single figures that stand alone in the report's text, one row each."""

    id: Series[str] = pa.Field(
        unique=True,
        str_matches=r"^[a-z0-9_]+$",
        title="Id",
        description="Stable identifier (lower case, digits, underscores).",
    )
    thema: Series[str] = pa.Field(
        isin=(
            "Inleiding",
            "Voorkomen",
            "Verstoren",
            "Bestraffen",
            "Beschermen",
            "Financieel overzicht",
        ),
        title="Thema",
        description="Part of the report the figure is printed in (a theme, or the Inleiding).",
    )
    jaar: Series[int] = pa.Field(
        ge=1990,
        le=2100,
        title="Jaar",
        description=(
            "Year the figure refers to; for a standing fact stated in the present tense, "
            "the year of its reference period in the text, else 2023 (the report's year)."
        ),
    )
    waarde: Series[float] = pa.Field(
        title="Waarde", description="The number as printed, in the unit of 'eenheid'."
    )
    eenheid: Series[str] = pa.Field(
        isin=("aantal", "euro", "kg", "fte", "jaar", "aandeel"),
        title="Eenheid",
        description=(
            "Unit of 'waarde': aantal (count), euro, kg, fte, jaar (years) or aandeel "
            "(a share 0-1; a printed 30% is 0.3)."
        ),
    )
    omschrijving: Series[str] = pa.Field(
        str_length={"min_value": 1}, title="Omschrijving", description="What the figure counts."
    )

    class Config:
        name = "kerncijfers"
        strict = True
        coerce = True


class BestraffenPerJaar(pa.DataFrameModel):
    """Checks across the court tables, on one row per year.

    Built by `ondermijning_indicators.schemas.cross_table_frame`; a year that
    one table has and another lacks shows as an empty cell and fails here. A rule
    runs only when the tables it compares were both given, so one table can be
    validated on its own.
    """

    jaar: Series[int] = pa.Field(unique=True)
    uitspraken_som: Series[float] = pa.Field(nullable=True)
    uitspraken_totaal: Series[float] = pa.Field(nullable=True)
    schuldig: Series[float] = pa.Field(nullable=True)
    vrijheidsstraffen: Series[float] = pa.Field(nullable=True)
    meer_dan_5_jaar: Series[float] = pa.Field(nullable=True)
    met_taakstraf: Series[float] = pa.Field(nullable=True)
    drugs_productie_en_handel: Series[float] = pa.Field(nullable=True)
    duur_10_tot_20_jaar: Series[float] = pa.Field(nullable=True)
    duur_30_jaar: Series[float] = pa.Field(nullable=True)
    met_uitspraken: Series[bool] = pa.Field(description="The uitspraken table was given.")
    met_vrijheidsstraffen: Series[bool] = pa.Field(
        description="The vrijheidsstraffen table was given."
    )

    class Config:
        name = "bestraffen (across tables)"
        strict = True

    @pa.dataframe_check(
        error=(
            "the printed total of verdicts (uitspraken_totaal) must equal schuldig + "
            "vrijspraak + overig (uitspraken) of the same year; a printed total needs "
            "its parts"
        )
    )
    @classmethod
    def total_equals_parts(cls, df: pd.DataFrame) -> pd.Series:
        no_printed_total = df["uitspraken_totaal"].isna()  # nothing to check against
        return no_printed_total | (df["uitspraken_som"] == df["uitspraken_totaal"])

    @pa.dataframe_check(
        error=(
            "custodial sentences (vrijheidsstraffen, all classes) cannot exceed the "
            "guilty verdicts (uitspraken, schuldig) of the same year, and both tables "
            "must have the year"
        )
    )
    @classmethod
    def custodial_within_guilty(cls, df: pd.DataFrame) -> pd.Series:
        not_both = ~(df["met_uitspraken"] & df["met_vrijheidsstraffen"])
        return (
            not_both | df["vrijheidsstraffen"].isna() | (df["vrijheidsstraffen"] <= df["schuldig"])
        )

    @pa.dataframe_check(
        error=(
            "a feature count of custodial sentences (vrijheidsstraffen_kenmerken) cannot "
            "exceed the custodial sentences of the year, which must be in vrijheidsstraffen"
        )
    )
    @classmethod
    def features_within_custodial(cls, df: pd.DataFrame) -> pd.Series:
        features = df[["met_taakstraf", "drugs_productie_en_handel"]]
        has_features = features.notna().any(axis=1) | df[
            ["duur_10_tot_20_jaar", "duur_30_jaar"]
        ].notna().any(axis=1)
        within = features.le(df["vrijheidsstraffen"], axis=0) | features.isna()
        return (
            ~df["met_vrijheidsstraffen"]
            | ~has_features
            | (df["vrijheidsstraffen"].notna() & within.all(axis=1))
        )

    @pa.dataframe_check(
        error=(
            "sentences of 10 to 20 years plus those of 30 years (vrijheidsstraffen_kenmerken) "
            "cannot exceed the class > 5 jaar (vrijheidsstraffen) of the same year"
        )
    )
    @classmethod
    def long_sentences_within_class(cls, df: pd.DataFrame) -> pd.Series:
        long = df[["duur_10_tot_20_jaar", "duur_30_jaar"]].sum(axis=1, min_count=1)
        return ~df["met_vrijheidsstraffen"] | long.isna() | (long <= df["meer_dan_5_jaar"])


def cross_table_frame(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per year with the quantities that the court tables must agree on.

    ``tables`` holds validated court tables by name; absent tables give empty
    columns. Years are the union over the tables.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> frame = oi.schemas.cross_table_frame(oi.load_samples())
    >>> frame.set_index("jaar").loc[2022, ["uitspraken_som", "schuldig", "vrijheidsstraffen"]]
    uitspraken_som       1543.0
    schuldig             1238.0
    vrijheidsstraffen     999.0
    Name: 2022, dtype: float64
    """

    def per_year(name: str, column: str | None = None, value: str | None = None) -> pd.Series:
        df = tables.get(name)
        if df is None:
            return pd.Series(dtype="float64")
        if column is not None:
            df = df[df[column] == value]
        return df.groupby("jaar")["aantal"].sum().astype("float64")

    columns = {
        "uitspraken_som": per_year("uitspraken"),
        "uitspraken_totaal": per_year("uitspraken_totaal"),
        "schuldig": per_year("uitspraken", "uitkomst", "schuldig"),
        "vrijheidsstraffen": per_year("vrijheidsstraffen"),
        "meer_dan_5_jaar": per_year("vrijheidsstraffen", "duurklasse", "meer_dan_5_jaar"),
        **{k: per_year("vrijheidsstraffen_kenmerken", "kenmerk", k) for k in KENMERKEN},
    }
    years = sorted(set().union(*(s.index for s in columns.values())))
    frame = pd.DataFrame({k: s.reindex(years) for k, s in columns.items()}, index=years)
    frame.index.name = "jaar"
    frame["met_uitspraken"] = "uitspraken" in tables  # a check needs both of its tables
    frame["met_vrijheidsstraffen"] = "vrijheidsstraffen" in tables
    return frame.reset_index().astype({"jaar": "int64"})
