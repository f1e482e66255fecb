"""From records to the report's tables: one pass over the records, on any backend.

The records are counted once, grouped by year, outcome, the two sanctions, the
drug-trade flag and a duration code: a small table (a few hundred rows, whatever the
number of records) from which every report table and every counting rule is read.
"""

from __future__ import annotations

import math
from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from ..errors import DataValidationError
from ._definitions import (
    CLASS_BOUNDS_MONTHS,
    DRUGS_PRODUCTIE_EN_HANDEL,
    DUURKLASSEN,
    KENMERK_BOUNDS_MONTHS,
    KENMERKEN,
    MAX_DUUR_MAANDEN,
    SEIZURE_COLUMNS,
    SEIZURE_RULES,
    SOORTEN_BESLAG,
    UITKOMSTEN,
    VERDICT_COLUMNS,
    VERDICT_RULES,
    has_duration,
)
from ._engine import Engine, Opened, collect, open_records, to_callers_kind
from ._validate import check_records

VERDICT_COLUMNS_COUNTED = tuple(c for c in VERDICT_COLUMNS if c.name != "arrondissement")
"""The columns the counting reads (the district is in the schema, not in the tables)."""


_NO_DURATION, _OUT_OF_RANGE, _LIFE = -1, -2, 99


def _duration_code() -> Any:
    """Duration class as a code: 0-3 the classes, 10+ the features within "> 5 jaar"."""
    d = nw.col("duur_maanden")
    chain = nw.when(~has_duration()).then(nw.lit(_NO_DURATION))
    chain = chain.when((d <= 0) | ((d > MAX_DUUR_MAANDEN) & (d != math.inf))).then(
        nw.lit(_OUT_OF_RANGE)
    )
    for code, (_, high, closed) in enumerate(list(CLASS_BOUNDS_MONTHS.values())[:-1]):
        chain = chain.when(d <= high if closed else d < high).then(nw.lit(code))
    chain = chain.when(d == math.inf).then(nw.lit(_LIFE))
    for code, (low, high) in enumerate(KENMERK_BOUNDS_MONTHS.values(), start=10):
        chain = chain.when((d >= low) & (d <= high)).then(nw.lit(code))
    return chain.otherwise(nw.lit(len(CLASS_BOUNDS_MONTHS) - 1))


def _cube(lazy: Any) -> pd.DataFrame:
    keyed = lazy.select(
        "jaar",
        "uitkomst",
        "vrijheidsstraf",
        "taakstraf",
        drugs=nw.col("delictgroep") == DRUGS_PRODUCTIE_EN_HANDEL,
        code=_duration_code(),
    )
    cube = collect(
        keyed.group_by("jaar", "uitkomst", "vrijheidsstraf", "taakstraf", "drugs", "code").agg(
            n=nw.len()
        )
    )
    return cube.astype({"uitkomst": "object"})


def _counts_anything_wrongly(cube: pd.DataFrame) -> bool:
    guilty = cube["uitkomst"] == "schuldig"
    vrij = cube["vrijheidsstraf"].eq(True)
    taak = cube["taakstraf"].eq(True)
    code = cube["code"]
    return bool(
        (
            cube[["jaar", "uitkomst", "vrijheidsstraf", "taakstraf", "drugs", "code"]]
            .isna()
            .any(axis=1)
            | ~cube["uitkomst"].isin(UITKOMSTEN)
            | (code == _OUT_OF_RANGE)
            | ((vrij | taak) & ~guilty)
            | (vrij & (code == _NO_DURATION))
            | (~vrij & (code != _NO_DURATION))
        ).any()
    )


def _table(
    frame: pd.DataFrame, column: str, order: tuple[str, ...], years: list[int]
) -> pd.DataFrame:
    """Count by year and category: every year, every category (zero where none)."""
    sums = frame.groupby(["jaar", column], observed=True)["n"].sum()
    full = pd.MultiIndex.from_product([years, list(order)], names=["jaar", column])
    counts = sums.reindex(full, fill_value=0).reset_index()
    return pd.DataFrame(
        {
            "jaar": counts["jaar"].astype("int64"),
            column: counts[column].astype("str"),
            "aantal": counts["n"].astype("int64"),
        }
    )


def verdict_tables(cube: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Read the report's court tables off the grouped counts of valid verdict records.

    Every table has every year of the records and every category of its own, with a
    zero where no record has it, as the table schemas require.
    """
    years = sorted(int(j) for j in cube["jaar"].unique())
    uitspraken = _table(cube, "uitkomst", UITKOMSTEN, years)
    custodial = cube[cube["vrijheidsstraf"].eq(True) & (cube["uitkomst"] == "schuldig")]
    klasse = custodial["code"].map(dict(enumerate(DUURKLASSEN))).fillna(DUURKLASSEN[-1])
    vrijheidsstraffen = _table(
        custodial.assign(duurklasse=klasse), "duurklasse", DUURKLASSEN, years
    )
    n = custodial["n"]
    features = pd.DataFrame(
        {
            "jaar": custodial["jaar"],
            "met_taakstraf": n.where(custodial["taakstraf"].eq(True), 0),
            "drugs_productie_en_handel": n.where(custodial["drugs"].eq(True), 0),
            **{
                name: n.where(custodial["code"] == code, 0)
                for code, name in enumerate(KENMERK_BOUNDS_MONTHS, start=10)
            },
        }
    )
    long = features.melt(id_vars="jaar", var_name="kenmerk", value_name="n")
    kenmerken = _table(long, "kenmerk", KENMERKEN, years)
    return {
        "uitspraken": uitspraken,
        "vrijheidsstraffen": vrijheidsstraffen,
        "vrijheidsstraffen_kenmerken": kenmerken,
    }


def _require_valid(opened: Opened, table: str, columns: Any, rules: Any) -> None:
    check_records(opened, table, columns, rules)
    raise DataValidationError(  # pragma: no cover - the rules cover every case above
        f"{table}: the records cannot be counted", table=table, failures=pd.DataFrame()
    )


def aggregate_verdicts(
    records: Any, *, validate: bool = False, engine: Engine | None = None
) -> dict[str, Any]:
    """Count verdict records into the report's court tables.

    Parameters
    ----------
    records : dataframe or path
        One row per suspect and verdict (see `VERDICT_COLUMNS` and the record
        definitions), as a pandas, Polars (eager or lazy), PyArrow, DuckDB, Dask or
        Spark dataframe, or the path of a Parquet or CSV file.
    validate : bool, default=False
        Check every rule of the record schema first (`validate_verdicts`), including
        the columns the tables do not read. Without it, the rules the counting needs
        are still enforced: a record that cannot be counted is never counted.
    engine : {"polars", "duckdb", "pandas"}, optional
        Engine for an in-memory pandas or PyArrow table, or a file; default the
        fastest installed (Polars, then DuckDB, then pandas). Other inputs are
        counted by their own library.

    Returns
    -------
    dict of str to dataframe
        ``uitspraken``, ``vrijheidsstraffen`` and ``vrijheidsstraffen_kenmerken``, each
        with every year of the records and every category (zero where none), in the
        caller's library (lazy for a lazy input; pandas for a file), with the columns
        and order of the bundled tables, ready for `validate_tables` and `compute`.

    Raises
    ------
    DataValidationError
        If a record breaks a rule of the schema (every broken rule listed at once).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.records import aggregate_verdicts, generate_verdicts
    >>> tables = aggregate_verdicts(generate_verdicts(seed=1))
    >>> tables["uitspraken"].equals(oi.load_sample("uitspraken"))
    True
    >>> tables["vrijheidsstraffen"].query("jaar == 2022")["aantal"].tolist()
    [364, 170, 288, 177]
    """
    needed = [c.name for c in VERDICT_COLUMNS if validate or c.name != "arrondissement"]
    opened = open_records(records, engine=engine, what="aggregate_verdicts", columns=needed)
    columns = VERDICT_COLUMNS if validate else VERDICT_COLUMNS_COUNTED
    check_records(opened, "verdict records", columns, VERDICT_RULES if validate else ())
    cube = _cube(opened.lazy)
    if _counts_anything_wrongly(cube):
        rules = tuple(r for r in VERDICT_RULES if "arrondissement" not in r.columns)
        _require_valid(opened, "verdict records", columns, rules)
    return {name: to_callers_kind(t, opened) for name, t in verdict_tables(cube).items()}


def aggregate_seizures(
    records: Any, *, validate: bool = False, engine: Engine | None = None
) -> Any:
    """Sum seizure records into the report's ``beslag`` table.

    Parameters
    ----------
    records : dataframe or path
        One row per seized object (see `SEIZURE_COLUMNS`), in any library narwhals
        supports, or the path of a Parquet or CSV file.
    validate : bool, default=False
        Check every rule of the record schema first (`validate_seizures`); the rules
        the sum needs (a known kind, a finite value of at least zero) always hold.
    engine : {"polars", "duckdb", "pandas"}, optional
        Engine for an in-memory pandas or PyArrow table, or a file.

    Returns
    -------
    dataframe
        ``jaar``, ``soort`` (``totaal``, then ``digitaal``), ``bedrag_eur``, in the
        caller's library.

    Raises
    ------
    DataValidationError
        If a record breaks a rule of the schema.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.records import aggregate_seizures, generate_seizures
    >>> printed = oi.load_sample("beslag")  # with the printed qualifier ("ruim 246 miljoen")
    >>> aggregate_seizures(generate_seizures(seed=1)).equals(printed.drop(columns="kwalificatie"))
    True
    """
    opened = open_records(records, engine=engine, what="aggregate_seizures")
    rules = SEIZURE_RULES if validate else ()
    check_records(opened, "seizure records", SEIZURE_COLUMNS, rules)
    sums = collect(
        opened.lazy.with_columns(
            bedrag_eur=nw.col("waarde_eur").cast(nw.Float64()),
            leeg=nw.col("waarde_eur").is_null().cast(nw.Int64()),
        )
        .group_by("jaar", "soort")
        .agg(
            nw.col("bedrag_eur").sum(),
            laagste=nw.col("bedrag_eur").min(),
            leeg=nw.col("leeg").sum(),
        )
    ).astype({"soort": "object"})
    if bool(
        (
            sums[["jaar", "soort"]].isna().any(axis=1)
            | ~sums["soort"].isin(SOORTEN_BESLAG)
            | (sums["leeg"] > 0)
            | (sums["laagste"] < 0)
            | ~np.isfinite(sums["bedrag_eur"].astype("float64"))
        ).any()
    ):
        _require_valid(opened, "seizure records", SEIZURE_COLUMNS, SEIZURE_RULES)
    totaal = sums.groupby("jaar")["bedrag_eur"].sum()
    digitaal = (
        sums[sums["soort"] == "digitaal"].groupby("jaar")["bedrag_eur"].sum().reindex(totaal.index)
    )
    wide = pd.DataFrame({"totaal": totaal, "digitaal": digitaal.fillna(0.0)})
    long = wide.reset_index().melt(id_vars="jaar", var_name="soort", value_name="bedrag_eur")
    long["_rank"] = long["soort"].map({"totaal": 0, "digitaal": 1})
    long = long.sort_values(["jaar", "_rank"], ignore_index=True)
    table = pd.DataFrame(
        {
            "jaar": long["jaar"].astype("int64"),
            "soort": long["soort"].astype("str"),
            "bedrag_eur": long["bedrag_eur"].astype("float64"),
        }
    )
    return to_callers_kind(table, opened)
