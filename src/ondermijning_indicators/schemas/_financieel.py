"""Schemas of the tables of the *Financieel overzicht*.

The section prints three tables, all in 1.000 euro:

1. the planned spending per theme and task (opgave), 2022-2027 and structural
   (``financieel_besteding_thema``; the printed totals per theme in ``..._totaal``,
   the grand total in ``..._eindtotaal``);
2. the origin of the money per budget decision (herkomst), incidental and per year
   2018-2027 and structural (``financieel_herkomst``, totals in ``..._totaal``);
3. the planned spending per budget decision, 2022-2027 and structural
   (``financieel_besteding_herkomst``, totals in ``..._totaal``);

and a footnote that splits the structural prevention money into two parts
(``financieel_preventie_jeugdcriminaliteit``, in euro).

A cell printed as "-" is stored as 0 with ``gedrukt_als = "streepje"``; a cell
printed empty is not stored (no row): an absent value is not a zero. Themes, tasks,
budget decisions and lines are stored as codes; the printed labels are in the
sample catalogue (``printed_labels``).

The checks across tables are the rules that hold by construction: a line's
structural amount is the same in the origin table and in the planned spending (a
kasschuif moves cash between years, not the structural level); the footnote's
prevention amount is the structural amount of the task Preventie. A printed total
against the sum of its rows, and the grand totals of two tables against each other,
are checked by the audit (`ondermijning_indicators.schemas.TOTALS`): a report whose
own total is misprinted can then still be loaded, and the audit says by how much.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._build import column, frame_check, schema

FINANCIEEL_THEMAS = ("voorkomen", "verstoren", "bestraffen", "beschermen", "ondermijningsbeleid")
"""Codes of the themes of the spending table, in printed order."""
GEDRUKT_ALS = ("getal", "streepje")
"""How a stored amount was printed: as a number, or as "-" (stored as 0)."""

_CODE = r"^[a-z0-9_]+$"
_JAAR_OF_STRUCTUREEL = r"^((19|20)[0-9]{2}|structureel)$"
_JAAR_INCIDENTEEL_OF_STRUCTUREEL = r"^((19|20)[0-9]{2}|incidenteel|structureel)$"
_BEDRAG_K_EUR: dict[str, Any] = {
    "ge": 0,
    "title": "Bedrag (1.000 euro)",
    "description": (
        "Amount in thousands of euro, as printed ('45.449' is 45449, i.e. 45.449 million "
        "euro); excluding the granted wage and price adjustments (loon- en prijsbijstellingen)."
    ),
}
_GEDRUKT_ALS: dict[str, Any] = {
    "isin": GEDRUKT_ALS,
    "title": "Gedrukt als",
    "description": (
        "getal (printed as a number) or streepje (printed as '-', stored as 0). An empty "
        "printed cell has no row at all: an absent value is not a zero."
    ),
}


def _dash_is_zero(df: pd.DataFrame) -> pd.Series:
    return (df["gedrukt_als"] != "streepje") | (df["bedrag_k_eur"] == 0)


def _equal_where_both(df: pd.DataFrame, left: str, right: str) -> pd.Series:
    """Per row: the two columns agree, or one of them is absent (nothing to compare)."""
    return df[left].isna() | df[right].isna() | (df[left] == df[right])


def _one_group(df: pd.DataFrame, column: str, group: str) -> pd.Series:
    """Per row: True where the row's ``column`` value has one ``group`` in the whole table."""
    groups = df.groupby(column)[group].nunique()
    return df[column].map(groups).eq(1)


@frame_check(error="a cell printed as '-' (gedrukt_als=streepje) must hold 0")
def dash_is_zero(df: pd.DataFrame) -> pd.Series:
    return _dash_is_zero(df)


@frame_check(error="every omschrijving belongs to one herkomst")
def line_in_one_origin(df: pd.DataFrame) -> pd.Series:
    return _one_group(df, "omschrijving", "herkomst")


_HERKOMST_REGELS = {
    "herkomst": column(
        str,
        str_matches=_CODE,
        title="Herkomst",
        description=(
            "The budget decision the money comes from, as a code (regeerakkoord_2017, "
            "voorjaarsnota_2020, ...); printed labels in the catalogue."
        ),
    ),
    "omschrijving": column(
        str,
        str_matches=_CODE,
        title="Omschrijving",
        description=(
            "The line within the decision, as a code shared by financieel_herkomst and "
            "financieel_besteding_herkomst (the two tables label some lines differently)."
        ),
    ),
}
"""Columns of the rows per budget decision (herkomst) and line (omschrijving)."""

_PERIODE = column(
    str,
    str_matches=_JAAR_OF_STRUCTUREEL,
    title="Periode",
    description="A year ('2022') or 'structureel'.",
)
_PERIODE_UNIEK = column(
    str,
    unique=True,
    str_matches=_JAAR_OF_STRUCTUREEL,
    title="Periode",
    description="A year ('2022') or 'structureel'.",
)


@frame_check(error="every opgave belongs to one thema")
def task_in_one_theme(df: pd.DataFrame) -> pd.Series:
    return _one_group(df, "opgave", "thema")


@frame_check(error="every opgave must have every periode of the table")
def every_period_each_task(df: pd.DataFrame) -> pd.Series:
    periods = df["periode"].nunique()
    return df["opgave"].map(df.groupby("opgave")["periode"].nunique()).eq(periods)


FinancieelBestedingThema = schema(
    "financieel_besteding_thema",
    {
        "thema": column(
            str,
            isin=FINANCIEEL_THEMAS,
            title="Thema",
            description=(
                "Theme: voorkomen, verstoren (van netwerken en verdienmodellen), bestraffen, "
                "beschermen or ondermijningsbeleid (policy, monitoring, knowledge)."
            ),
        ),
        "opgave": column(
            str,
            str_matches=_CODE,
            title="Opgave",
            description="Task within the theme, as a code; printed labels in the catalogue.",
        ),
        "periode": column(
            str,
            str_matches=_JAAR_OF_STRUCTUREEL,
            title="Periode",
            description="A year ('2022') or 'structureel' (the recurring yearly amount).",
        ),
        "bedrag_k_eur": column(int, **_BEDRAG_K_EUR),
        "gedrukt_als": column(str, **_GEDRUKT_ALS),
    },
    checks=[task_in_one_theme, every_period_each_task, dash_is_zero],
    unique=["opgave", "periode"],
    time="periode",
    description=(
        "Planned spending of the undermining money per theme and task (opgave), in 1.000 "
        "euro. One row per task and period (the years 2022-2027 and 'structureel', the "
        "recurring amount from then on). The printed totals per theme and the grand total "
        "are the separate tables financieel_besteding_thema_totaal and "
        "financieel_besteding_thema_eindtotaal."
    ),
)

FinancieelBestedingThemaTotaal = schema(
    "financieel_besteding_thema_totaal",
    {
        "thema": column(
            str,
            isin=FINANCIEEL_THEMAS,
            title="Thema",
            description="The theme whose block the printed 'totaal' closes.",
        ),
        "periode": _PERIODE,
        "bedrag_k_eur": column(int, **_BEDRAG_K_EUR),
    },
    unique=["thema", "periode"],
    time="periode",
    description=(
        "The printed 'totaal' of each theme of the spending table, kept as a check. A theme "
        "whose block has one line only (ondermijningsbeleid) has no printed total of its "
        "own; the grand total is financieel_besteding_thema_eindtotaal."
    ),
)

FinancieelBestedingThemaEindtotaal = schema(
    "financieel_besteding_thema_eindtotaal",
    {"periode": _PERIODE_UNIEK, "bedrag_k_eur": column(int, **_BEDRAG_K_EUR)},
    time="periode",
    description=(
        "The printed grand total (last 'totaal' line) of the spending table, kept as a check."
    ),
)

FinancieelHerkomst = schema(
    "financieel_herkomst",
    {
        **_HERKOMST_REGELS,
        "periode": column(
            str,
            str_matches=_JAAR_INCIDENTEEL_OF_STRUCTUREEL,
            title="Periode",
            description="'incidenteel' (one-off, not spread over years), a year, or 'structureel'.",
        ),
        "bedrag_k_eur": column(int, **_BEDRAG_K_EUR),
        "gedrukt_als": column(str, **_GEDRUKT_ALS),
    },
    checks=[line_in_one_origin, dash_is_zero],
    unique=["omschrijving", "periode"],
    time="periode",
    description=(
        "Origin of the undermining money per budget decision (herkomst), in 1.000 euro. One "
        "row per line (omschrijving) and period: 'incidenteel' (a one-off amount, not spread "
        "over years), a year 2018-2027, or 'structureel'. The one line printed with an "
        "incidental amount only (Regeerakkoord 2017, Incidentele bijdrage Ondermijning) has "
        "no rows for the years: those cells are printed empty."
    ),
)

FinancieelHerkomstTotaal = schema(
    "financieel_herkomst_totaal",
    {
        "periode": column(
            str,
            unique=True,
            str_matches=_JAAR_INCIDENTEEL_OF_STRUCTUREEL,
            title="Periode",
            description="'incidenteel', a year, or 'structureel'.",
        ),
        "bedrag_k_eur": column(int, **_BEDRAG_K_EUR),
    },
    time="periode",
    description="The printed 'totaal' line of the origin table, kept as a check on its rows.",
)


@frame_check(error="every omschrijving must have every periode of the table")
def every_period_each_line(df: pd.DataFrame) -> pd.Series:
    periods = df["periode"].nunique()
    per_line = df.groupby("omschrijving")["periode"].nunique()
    return df["omschrijving"].map(per_line).eq(periods)


FinancieelBestedingHerkomst = schema(
    "financieel_besteding_herkomst",
    {
        **_HERKOMST_REGELS,
        "periode": _PERIODE,
        "bedrag_k_eur": column(int, **_BEDRAG_K_EUR),
        "gedrukt_als": column(str, **_GEDRUKT_ALS),
    },
    checks=[every_period_each_line, line_in_one_origin, dash_is_zero],
    unique=["omschrijving", "periode"],
    time="periode",
    description=(
        "Planned spending per budget decision (herkomst) and line, in 1.000 euro: the money "
        "of financieel_herkomst planned in time, one row per line and period (2022-2027, "
        "'structureel'). Incidental money appears here spread over the years."
    ),
)

FinancieelBestedingHerkomstTotaal = schema(
    "financieel_besteding_herkomst_totaal",
    {"periode": _PERIODE_UNIEK, "bedrag_k_eur": column(int, **_BEDRAG_K_EUR)},
    time="periode",
    description="The printed 'totaal' line of the planned spending per origin, kept as a check.",
)

FinancieelPreventieJeugdcriminaliteit = schema(
    "financieel_preventie_jeugdcriminaliteit",
    {
        "onderdeel": column(
            str,
            unique=True,
            str_matches=_CODE,
            title="Onderdeel",
            description=(
                "Part of the money: preventie (the task Preventie of the spending table, "
                "'preventie ondermijning') or brede_criminaliteitspreventie."
            ),
        ),
        "periode": column(
            str,
            str_matches=_JAAR_OF_STRUCTUREEL,
            title="Periode",
            description="'structureel' (a yearly amount from 2025 on), or a year.",
        ),
        "bedrag_eur": column(
            int,
            ge=0,
            title="Bedrag (euro)",
            description="Amount in euro ('82 miljoen euro' is 82000000).",
        ),
    },
    time="periode",
    description=(
        "The footnote to Preventie: the structural money for preventing youth crime, by "
        "part. 'Voor de brede preventieaanpak van jeugdcriminaliteit is oplopend vanaf 2025 "
        "structureel 143 miljoen euro per jaar beschikbaar. Dit bestaat uit 82 miljoen euro "
        "voor preventie ondermijning (...) en 61 miljoen euro voor de brede "
        "criminaliteitspreventie'. The parts are stored; 143 is their sum. A part whose code "
        "is an opgave of financieel_besteding_thema is that task's money."
    ),
)


# --------------------------------------------------------------------------- across tables


@frame_check(
    error=(
        "a line's structural amount must be the same in financieel_herkomst and "
        "financieel_besteding_herkomst (planning moves cash between years, not the "
        "structural level)"
    )
)
def same_structural_level(df: pd.DataFrame) -> pd.Series:
    return _equal_where_both(df, "structureel_herkomst", "structureel_besteding")


@frame_check(
    error=(
        "a line (omschrijving) must have the same herkomst in financieel_herkomst and "
        "financieel_besteding_herkomst"
    )
)
def same_origin(df: pd.DataFrame) -> pd.Series:
    return _equal_where_both(df, "herkomst_herkomst", "herkomst_besteding")


FinancieelStructureel = schema(
    "financieel structural (across tables)",
    {
        "omschrijving": column(str),
        "herkomst_herkomst": column(str, nullable=True),
        "herkomst_besteding": column(str, nullable=True),
        "structureel_herkomst": column(float, nullable=True),
        "structureel_besteding": column(float, nullable=True),
    },
    checks=[same_structural_level, same_origin],
    coerce=False,
    description=(
        "A line's structural amount in the origin table and in the planned spending. Built "
        "by structural_frame, one row per line (omschrijving)."
    ),
)


@frame_check(
    error=(
        "a part of the footnote (financieel_preventie_jeugdcriminaliteit) that is an "
        "opgave of financieel_besteding_thema must equal 1000 x its amount in 1.000 "
        "euro of the same periode"
    )
)
def footnote_equals_table(df: pd.DataFrame) -> pd.Series:
    return _equal_where_both(df, "voetnoot_eur", "tabel_eur")


FinancieelVoetnoot = schema(
    "financieel footnote (across tables)",
    {
        "onderdeel": column(str),
        "periode": column(str),
        "voetnoot_eur": column(float, nullable=True),
        "tabel_eur": column(float, nullable=True),
    },
    checks=[footnote_equals_table],
    coerce=False,
    description=(
        "A footnote part against the task of the spending table with the same code. Built "
        "by footnote_frame, one row per part of the footnote."
    ),
)


def structural_frame(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per line (omschrijving): its herkomst and structural amount in both tables.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.schemas._financieel import structural_frame
    >>> frame = structural_frame(oi.load_samples()).set_index("omschrijving")
    >>> frame.loc["botoc", ["structureel_herkomst", "structureel_besteding"]].tolist()
    [150000.0, 150000.0]
    """

    def side(name: str) -> tuple[pd.Series, pd.Series]:
        df = tables.get(name)
        if df is None:
            return pd.Series(dtype="object"), pd.Series(dtype="float64")
        origin = df.groupby("omschrijving")["herkomst"].first()
        structural = df[df["periode"] == "structureel"].set_index("omschrijving")["bedrag_k_eur"]
        return origin, structural.astype("float64")

    origin_h, structural_h = side("financieel_herkomst")
    origin_b, structural_b = side("financieel_besteding_herkomst")
    lines = sorted(set(origin_h.index) | set(origin_b.index))
    frame = pd.DataFrame(
        {
            "omschrijving": lines,
            "herkomst_herkomst": origin_h.reindex(lines).to_numpy(dtype=object),
            "herkomst_besteding": origin_b.reindex(lines).to_numpy(dtype=object),
            "structureel_herkomst": structural_h.reindex(lines).to_numpy(dtype="float64"),
            "structureel_besteding": structural_b.reindex(lines).to_numpy(dtype="float64"),
        }
    )
    return frame.astype({"omschrijving": str, "herkomst_herkomst": str, "herkomst_besteding": str})


def footnote_frame(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per part of the footnote: its amount and the spending table's, both in euro.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.schemas._financieel import footnote_frame
    >>> frame = footnote_frame(oi.load_samples()).set_index("onderdeel")
    >>> frame.loc["preventie", ["voetnoot_eur", "tabel_eur"]].tolist()
    [82000000.0, 82000000.0]
    """
    columns = ["onderdeel", "periode", "voetnoot_eur", "tabel_eur"]
    types = {
        "onderdeel": "str",
        "periode": "str",
        "voetnoot_eur": "float64",
        "tabel_eur": "float64",
    }
    notes = tables.get("financieel_preventie_jeugdcriminaliteit")
    if notes is None:
        return pd.DataFrame({c: [] for c in columns}).astype(types)
    spending = tables.get("financieel_besteding_thema")
    if spending is None:
        table_eur = pd.Series(np.nan, index=notes.index)
    else:
        amounts = spending.set_index(["opgave", "periode"])["bedrag_k_eur"].astype("float64")
        keys = pd.MultiIndex.from_frame(notes[["onderdeel", "periode"]])
        table_eur = pd.Series(amounts.reindex(keys).to_numpy() * 1000, index=notes.index)
    return pd.DataFrame(
        {
            "onderdeel": notes["onderdeel"],
            "periode": notes["periode"],
            "voetnoot_eur": notes["bedrag_eur"],
            "tabel_eur": table_eur,
        }
    )[columns].astype(types)
