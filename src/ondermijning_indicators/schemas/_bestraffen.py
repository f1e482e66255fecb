"""Schemas of the court tables of the *Bestraffen* section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .._notation import QUALIFIERS
from .._units import EENHEID
from ._build import CODE, column, frame_check, open_category, schema

UITKOMSTEN = ("schuldig", "vrijspraak", "overig")
DUURKLASSEN = ("minder_dan_1_jaar", "1_tot_2_jaar", "2_tot_5_jaar", "meer_dan_5_jaar")
KENMERKEN = ("met_taakstraf", "drugs_productie_en_handel", "duur_10_tot_20_jaar", "duur_30_jaar")
"""The features the checks across the court tables know; the column is open to others."""

_JAAR: dict[str, Any] = {
    "ge": 1990,
    "le": 2100,
    "title": "Jaar",
    "description": "Calendar year of the verdicts (jaar van de uitspraak).",
}


def _complete(df: pd.DataFrame, column: str, categories: tuple[str, ...]) -> pd.Series:
    """Per row: True where the row's year has every category exactly once."""
    per_year = df.groupby("jaar")[column].agg(lambda s: set(s) == set(categories) and s.is_unique)
    return df["jaar"].map(per_year).astype(bool)


@frame_check(error="every year must have each outcome (schuldig, vrijspraak, overig) exactly once")
def every_outcome_each_year(df: pd.DataFrame) -> pd.Series:
    return _complete(df, "uitkomst", UITKOMSTEN)


Uitspraken = schema(
    "uitspraken",
    {
        "jaar": column(int, **_JAAR),
        "uitkomst": column(
            str,
            isin=UITKOMSTEN,
            title="Uitkomst",
            description=(
                "Outcome of the verdict: schuldig (found guilty), vrijspraak (acquitted) or "
                "overig (other, e.g. case dismissed)."
            ),
        ),
        "aantal": column(
            int, ge=0, title="Aantal", description="Number of suspects with this outcome (count)."
        ),
    },
    checks=[every_outcome_each_year],
    unique=["jaar", "uitkomst"],
    time="jaar",
    description=(
        "Court verdicts in undermining cases per year and outcome (uitspraken). One row per "
        "year and outcome; every year has all three outcomes. The printed total is not a "
        "category here: it is the separate table uitspraken_totaal."
    ),
)

UitsprakenTotaal = schema(
    "uitspraken_totaal",
    {
        "jaar": column(int, unique=True, **_JAAR),
        "aantal": column(
            int,
            ge=0,
            title="Aantal (totaal, gedrukt)",
            description="The printed 'Totaal' of verdicts of that year (count of suspects).",
        ),
    },
    time="jaar",
    description=(
        "The printed total of the verdicts table, per year, kept as a check on its parts: "
        "the audit compares it with their sum, and reports a total that does not add up."
    ),
)


@frame_check(error="every year must have each of the four duration classes exactly once")
def every_class_each_year(df: pd.DataFrame) -> pd.Series:
    return _complete(df, "duurklasse", DUURKLASSEN)


Vrijheidsstraffen = schema(
    "vrijheidsstraffen",
    {
        "jaar": column(int, **_JAAR),
        "duurklasse": column(
            str,
            isin=DUURKLASSEN,
            title="Duurklasse",
            description=(
                "Duration class of the custodial sentence: minder_dan_1_jaar (< 1 jaar), "
                "1_tot_2_jaar (1-2 jaar), 2_tot_5_jaar (2-5 jaar), meer_dan_5_jaar (> 5 jaar)."
            ),
        ),
        "aantal": column(
            int,
            ge=0,
            title="Aantal",
            description="Number of suspects with a sentence in this class.",
        ),
    },
    checks=[every_class_each_year],
    unique=["jaar", "duurklasse"],
    time="jaar",
    description=(
        "Custodial sentences in undermining cases per year and duration class. One row per "
        "year and class; every year has all four classes."
    ),
)

VrijheidsstraffenKenmerken = schema(
    "vrijheidsstraffen_kenmerken",
    {
        "jaar": column(int, **_JAAR),
        "kenmerk": open_category(
            title="Kenmerk",
            description=(
                "A feature of the sentences that the text counts, as a code: met_taakstraf "
                "(combined with a community service order), drugs_productie_en_handel (for "
                "the production of and trade in drugs), duur_10_tot_20_jaar (10 to 20 "
                "years), duur_30_jaar (30 years), or one a new edition names."
            ),
        ),
        "aantal": column(int, ge=0, title="Aantal", description="Number of suspects (count)."),
    },
    unique=["jaar", "kenmerk"],
    time="jaar",
    description="Counts of custodial sentences that only the text gives, per year and feature.",
)

Kerncijfers = schema(
    "kerncijfers",
    {
        "indicator": column(
            str,
            str_matches=CODE,
            title="Indicator",
            description=(
                "What the figure counts, as a stable code without a year: the same "
                "indicator in several years (or editions) is one series."
            ),
        ),
        "jaar": column(
            int,
            ge=1990,
            le=2100,
            title="Jaar",
            description=(
                "Year the figure refers to; for a standing fact stated in the present tense, "
                "the year of its reference period in the text, else the report's year."
            ),
        ),
        "categorie": column(
            str,
            nullable=True,
            required=False,
            str_matches=CODE,
            title="Categorie",
            description=(
                "A part of the indicator, as a code (e.g. min and max of an age range, or "
                "the police's part of a capacity); empty for the indicator as a whole. A "
                "part is never added to its whole: a selection that names no categorie "
                "reads the whole."
            ),
        ),
        "thema": column(
            str,
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
        ),
        "waarde": column(
            float, title="Waarde", description="The number as printed, in the unit of 'eenheid'."
        ),
        "kwalificatie": column(
            str,
            nullable=True,
            required=False,
            isin=QUALIFIERS,
            title="Kwalificatie",
            description=(
                "The word the number is printed with when it is a bound or an approximation ("
                + ", ".join(QUALIFIERS)
                + "; 'meer dan 250' is 250 with kwalificatie 'meer dan'); empty for a number "
                "printed as it is. Checks of a printed phrase against the cell honour it."
            ),
        ),
        "eenheid": column(
            str,
            isin=tuple(EENHEID),
            title="Eenheid",
            description=(
                "Unit of 'waarde': aantal (count), euro, kg, fte, jaar (years) or aandeel "
                "(a share 0-1; a printed 30% is 0.3)."
            ),
        ),
        "omschrijving": column(
            str,
            str_length={"min_value": 1},
            title="Omschrijving",
            description="What the figure counts.",
        ),
    },
    unique=["indicator", "jaar", "categorie"],
    time="jaar",
    whole="categorie",
    description=(
        "Single figures that the text gives one by one, as a long table: one row per "
        "indicator, year and (optional) category, so that an indicator given in several "
        "years is one series."
    ),
)


@frame_check(
    error=(
        "custodial sentences (vrijheidsstraffen, all classes) cannot exceed the "
        "guilty verdicts (uitspraken, schuldig) of the same year, and both tables "
        "must have the year"
    )
)
def custodial_within_guilty(df: pd.DataFrame) -> pd.Series:
    not_both = ~(df["met_uitspraken"] & df["met_vrijheidsstraffen"])
    return not_both | df["vrijheidsstraffen"].isna() | (df["vrijheidsstraffen"] <= df["schuldig"])


@frame_check(
    error=(
        "a feature count of custodial sentences (vrijheidsstraffen_kenmerken) cannot "
        "exceed the custodial sentences of the year, which must be in vrijheidsstraffen"
    )
)
def features_within_custodial(df: pd.DataFrame) -> pd.Series:
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


@frame_check(
    error=(
        "sentences of 10 to 20 years plus those of 30 years (vrijheidsstraffen_kenmerken) "
        "cannot exceed the class > 5 jaar (vrijheidsstraffen) of the same year"
    )
)
def long_sentences_within_class(df: pd.DataFrame) -> pd.Series:
    long = df[["duur_10_tot_20_jaar", "duur_30_jaar"]].sum(axis=1, min_count=1)
    return ~df["met_vrijheidsstraffen"] | long.isna() | (long <= df["meer_dan_5_jaar"])


BestraffenPerJaar = schema(
    "bestraffen (across tables)",
    {
        "jaar": column(int, unique=True),
        **{
            name: column(float, nullable=True)
            for name in (
                "schuldig",
                "vrijheidsstraffen",
                "meer_dan_5_jaar",
                "met_taakstraf",
                "drugs_productie_en_handel",
                "duur_10_tot_20_jaar",
                "duur_30_jaar",
            )
        },
        "met_uitspraken": column(bool, description="The uitspraken table was given."),
        "met_vrijheidsstraffen": column(bool, description="The vrijheidsstraffen table was given."),
    },
    checks=[
        custodial_within_guilty,
        features_within_custodial,
        long_sentences_within_class,
    ],
    coerce=False,
    description=(
        "Checks across the court tables, on one row per year. Built by cross_table_frame; "
        "a year that one table has and another lacks shows as an empty cell and fails here. "
        "A rule runs only when the tables it compares were both given, so one table can be "
        "validated on its own."
    ),
)


def cross_table_frame(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per year with the quantities that the court tables must agree on.

    ``tables`` holds validated court tables by name; absent tables give empty
    columns. Years are the union over the tables.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> frame = oi.schemas.cross_table_frame(oi.load_samples())
    >>> frame.set_index("jaar").loc[2022, ["schuldig", "vrijheidsstraffen"]]
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
