"""Record-level court data: one row per suspect and verdict, and its aggregation.

The report's court tables are counts of records. This module makes the counting
rules explicit and applies them to record-level data in the caller's dataframe
library (pandas, Polars eager or lazy, PyArrow, DuckDB, Dask: anything narwhals
supports), returning the library's own kind.

Definitions (the report leaves them implicit; these are the library's):

- **guilty** is ``uitkomst == "schuldig"``; ``vrijspraak`` is an acquittal, every
  other outcome is ``overig``;
- a **custodial sentence** is a guilty verdict with ``vrijheidsstraf`` true and a
  duration ``duur_maanden``; one combined with a taakstraf (``taakstraf`` true) is
  still one custodial sentence, and is also counted as ``met_taakstraf``;
- **duration classes**, in months: ``minder_dan_1_jaar`` is [0, 12),
  ``1_tot_2_jaar`` [12, 24), ``2_tot_5_jaar`` [24, 60] (exactly five years is not
  "> 5 jaar"), ``meer_dan_5_jaar`` above 60; ``duur_10_tot_20_jaar`` is [120, 240]
  and ``duur_30_jaar`` exactly 360;
- a **missing duration** on a custodial sentence is an error, never a class;
- a **seizure** record is one seized object (``jaar``, ``soort``: ``digitaal`` for
  crypto and other digital assets, else ``overig``; ``waarde_eur`` at registration,
  without the lag effect); ``beslag`` totals all objects of a year and, separately,
  the digital ones. A missing or negative value is an error.
"""

from __future__ import annotations

from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from .errors import InvalidInputError
from .schemas import DUURKLASSEN, UITKOMSTEN

__all__ = [
    "CLASS_BOUNDS_MONTHS",
    "aggregate_seizures",
    "aggregate_verdicts",
    "generate_seizures",
    "generate_verdicts",
]

CLASS_BOUNDS_MONTHS: dict[str, tuple[float, float, bool]] = {
    "minder_dan_1_jaar": (0.0, 12.0, False),
    "1_tot_2_jaar": (12.0, 24.0, False),
    "2_tot_5_jaar": (24.0, 60.0, True),
    "meer_dan_5_jaar": (60.0, float("inf"), False),
}
"""Duration class -> (lower bound, upper bound, upper bound included), in months."""

RECORD_COLUMNS = (
    "jaar", "uitkomst", "vrijheidsstraf", "taakstraf", "duur_maanden", "delictgroep",
)  # fmt: skip


def _duurklasse(duur: Any) -> Any:
    expr = nw.lit(None, dtype=nw.String())
    for klasse, (low, high, closed) in reversed(CLASS_BOUNDS_MONTHS.items()):
        upper = duur <= high if closed else duur < high
        expr = nw.when((duur >= low) & upper).then(nw.lit(klasse)).otherwise(expr)
    return expr


def aggregate_verdicts(records: Any) -> dict[str, Any]:
    """Count verdict records into the report's court tables.

    Parameters
    ----------
    records : dataframe
        One row per suspect and verdict, with the columns ``jaar`` (int),
        ``uitkomst`` (schuldig, vrijspraak, overig), ``vrijheidsstraf`` and
        ``taakstraf`` (bool), ``duur_maanden`` (float, empty without a custodial
        sentence) and ``delictgroep`` (text, e.g. ``drugs``); in any library narwhals
        supports.

    Returns
    -------
    dict of str to dataframe
        ``uitspraken``, ``vrijheidsstraffen`` and ``vrijheidsstraffen_kenmerken`` (every
        year, zero where no sentence has the feature), in the caller's library, ready
        for `compute` (pandas: after `validate_tables`).

    Raises
    ------
    InvalidInputError
        If a custodial sentence has no duration, or a non-guilty verdict has one.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.records import aggregate_verdicts, generate_verdicts
    >>> tables = aggregate_verdicts(generate_verdicts(seed=1))
    >>> tables["uitspraken"].equals(oi.load_sample("uitspraken"))
    True
    """
    frame = nw.from_native(records)
    missing = [c for c in RECORD_COLUMNS if c not in frame.columns]
    if missing:
        raise InvalidInputError(
            f"aggregate_verdicts: the records lack the column(s) {', '.join(missing)}"
        )
    lazy = frame.lazy()
    custodial = nw.col("vrijheidsstraf") & (nw.col("uitkomst") == "schuldig")
    problems = (
        lazy.select(
            zonder_duur=(custodial & nw.col("duur_maanden").is_null()).sum(),
            straf_zonder_schuld=(
                nw.col("vrijheidsstraf") & (nw.col("uitkomst") != "schuldig")
            ).sum(),
        )
        .collect()
        .to_pandas()
        .iloc[0]
    )
    if int(problems["zonder_duur"]) or int(problems["straf_zonder_schuld"]):
        raise InvalidInputError(
            f"aggregate_verdicts: {int(problems['zonder_duur'])} custodial sentence(s) without "
            f"a duration (duur_maanden) and {int(problems['straf_zonder_schuld'])} custodial "
            "sentence(s) on a verdict that is not guilty; a missing duration is not a class"
        )
    uitspraken = lazy.group_by("jaar", "uitkomst").agg(aantal=nw.len())
    straffen = lazy.filter(custodial).with_columns(duurklasse=_duurklasse(nw.col("duur_maanden")))
    vrijheidsstraffen = straffen.group_by("jaar", "duurklasse").agg(aantal=nw.len())
    duur = nw.col("duur_maanden")
    kenmerken = (
        straffen.with_columns(
            met_taakstraf=nw.col("taakstraf").cast(nw.Int64()),
            drugs_productie_en_handel=(nw.col("delictgroep") == "drugs").cast(nw.Int64()),
            duur_10_tot_20_jaar=((duur >= 120) & (duur <= 240)).cast(nw.Int64()),
            duur_30_jaar=(duur == 360).cast(nw.Int64()),
        )
        .group_by("jaar")
        .agg(
            nw.col("met_taakstraf").sum(),
            nw.col("drugs_productie_en_handel").sum(),
            nw.col("duur_10_tot_20_jaar").sum(),
            nw.col("duur_30_jaar").sum(),
        )
        .unpivot(index="jaar", variable_name="kenmerk", value_name="aantal")
        .select("jaar", "kenmerk", nw.col("aantal").cast(nw.Int64()))
    )
    out = {
        "uitspraken": _ordered(uitspraken, "uitkomst", UITKOMSTEN),
        "vrijheidsstraffen": _ordered(vrijheidsstraffen, "duurklasse", DUURKLASSEN),
        "vrijheidsstraffen_kenmerken": kenmerken.sort("jaar", "kenmerk"),
    }
    if isinstance(frame, nw.LazyFrame):
        return {k: v.to_native() for k, v in out.items()}
    result = {k: v.collect(backend=frame.implementation).to_native() for k, v in out.items()}
    return {
        k: v.reset_index(drop=True) if isinstance(v, pd.DataFrame) else v for k, v in result.items()
    }


def _ordered(lf: Any, column: str, order: tuple[str, ...]) -> Any:
    rank = nw.col(column).replace_strict(
        list(order), list(range(len(order))), return_dtype=nw.Int64()
    )
    return (
        lf.with_columns(_rank=rank)
        .sort("jaar", "_rank")
        .drop("_rank")
        .select("jaar", column, nw.col("aantal").cast(nw.Int64()))
    )


def generate_verdicts(
    tables: dict[str, pd.DataFrame] | None = None, *, scale: int = 1, seed: int = 0
) -> pd.DataFrame:
    """Generate verdict records that aggregate back to the given tables exactly.

    Parameters
    ----------
    tables : dict of str to DataFrame, optional
        ``uitspraken`` and ``vrijheidsstraffen`` (and optionally
        ``vrijheidsstraffen_kenmerken``); default the bundled samples.
    scale : int, default=1
        Every count is multiplied by ``scale`` (``scale=1000`` gives about 7.5
        million records from the samples).
    seed : int, default=0
        Seed of the random durations within each class and of the row order.

    Returns
    -------
    pandas.DataFrame
        One row per suspect and verdict; `aggregate_verdicts` of it gives the tables
        back (times ``scale``). Synthetic: no real person or case.

    Examples
    --------
    >>> from ondermijning_indicators.records import generate_verdicts
    >>> records = generate_verdicts(seed=1)
    >>> len(records), int(records["vrijheidsstraf"].sum())
    (7057, 4728)
    """
    from .data import load_samples

    if scale < 1 or isinstance(scale, bool):
        raise InvalidInputError(
            f"generate_verdicts: scale must be a whole number >= 1, got {scale!r}"
        )
    t = load_samples() if tables is None else tables
    rng = np.random.default_rng(seed)
    u = t["uitspraken"].sort_values(["jaar", "uitkomst"])
    v = t["vrijheidsstraffen"]
    k = t.get("vrijheidsstraffen_kenmerken", pd.DataFrame(columns=["jaar", "kenmerk", "aantal"]))
    parts = []
    for jaar in sorted(u["jaar"].unique().tolist()):
        group = u[u["jaar"] == jaar]
        counts = dict(zip(group["uitkomst"], group["aantal"] * scale, strict=True))
        n = sum(counts.values())
        uitkomst = np.repeat(list(counts), list(counts.values()))
        classes = (
            v[v["jaar"] == jaar].set_index("duurklasse")["aantal"].reindex(DUURKLASSEN).fillna(0)
        )
        n_custodial = int(classes.sum()) * scale
        duur = np.full(n, np.nan)
        vrij = np.zeros(n, dtype=bool)
        guilty = np.flatnonzero(uitkomst == "schuldig")[:n_custodial]
        vrij[guilty] = True
        feats = k[k["jaar"] == jaar].set_index("kenmerk")["aantal"] * scale
        durations = []
        for klasse, count in classes.items():
            low, high, _ = CLASS_BOUNDS_MONTHS[str(klasse)]
            size = int(count) * scale
            if klasse == "meer_dan_5_jaar":
                n30 = int(feats.get("duur_30_jaar", 0))
                n1020 = int(feats.get("duur_10_tot_20_jaar", 0))
                rest = size - n30 - n1020
                block = np.concatenate([
                    np.full(n30, 360.0),
                    rng.integers(120, 241, n1020).astype(float),
                    rng.integers(61, 120, max(rest, 0)).astype(float),
                ])  # fmt: skip
            else:
                top = high if klasse != "2_tot_5_jaar" else high + 1
                block = rng.integers(int(low), int(top), size).astype(float)
            durations.append(block)
        duur[guilty] = np.concatenate(durations) if durations else []
        taak = np.zeros(n, dtype=bool)
        taak[guilty[: int(feats.get("met_taakstraf", 0))]] = True
        delict = np.full(n, "overig", dtype=object)
        drugs = rng.permutation(guilty)[: int(feats.get("drugs_productie_en_handel", 0))]
        delict[drugs] = "drugs"
        parts.append(
            pd.DataFrame(
                {
                    "jaar": int(jaar),
                    "uitkomst": uitkomst,
                    "vrijheidsstraf": vrij,
                    "taakstraf": taak,
                    "duur_maanden": duur,
                    "delictgroep": delict,
                }
            )
        )
    records = pd.concat(parts, ignore_index=True)
    return records.iloc[rng.permutation(len(records))].reset_index(drop=True)


def aggregate_seizures(records: Any) -> Any:
    """Sum seizure records into the report's ``beslag`` table.

    Parameters
    ----------
    records : dataframe
        One row per seized object: ``jaar`` (int), ``soort`` (``digitaal`` or
        ``overig``) and ``waarde_eur`` (float); in any library narwhals supports.

    Returns
    -------
    dataframe
        ``jaar``, ``soort`` (``totaal`` and ``digitaal``), ``bedrag_eur``, in the
        caller's library.

    Raises
    ------
    InvalidInputError
        If a value is missing or negative.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.records import aggregate_seizures, generate_seizures
    >>> aggregate_seizures(generate_seizures(seed=1)).equals(oi.load_sample("beslag"))
    True
    """
    frame = nw.from_native(records)
    missing = [c for c in ("jaar", "soort", "waarde_eur") if c not in frame.columns]
    if missing:
        raise InvalidInputError(
            f"aggregate_seizures: the records lack the column(s) {', '.join(missing)}"
        )
    lazy = frame.lazy()
    bad = (
        lazy.select((nw.col("waarde_eur").is_null() | (nw.col("waarde_eur") < 0)).sum().alias("n"))
        .collect()
        .to_pandas()
        .iloc[0, 0]
    )
    if int(bad):
        raise InvalidInputError(
            f"aggregate_seizures: {int(bad)} seized object(s) with a missing or negative "
            "waarde_eur; every object needs its value in euro"
        )
    wide = (
        lazy.with_columns(
            digitaal=nw.when(nw.col("soort") == "digitaal")
            .then(nw.col("waarde_eur"))
            .otherwise(nw.lit(0.0))
            .cast(nw.Float64()),
            totaal=nw.col("waarde_eur").cast(nw.Float64()),
        )
        .group_by("jaar")
        .agg(nw.col("totaal").sum(), nw.col("digitaal").sum())
    )
    long = (
        wide.unpivot(index="jaar", variable_name="soort", value_name="bedrag_eur")
        .with_columns(
            _rank=nw.col("soort").replace_strict(
                ["totaal", "digitaal"], [0, 1], return_dtype=nw.Int64()
            )
        )
        .sort("jaar", "_rank")
        .drop("_rank")
        .select("jaar", "soort", "bedrag_eur")
    )
    if isinstance(frame, nw.LazyFrame):
        return long.to_native()
    result = long.collect(backend=frame.implementation).to_native()
    return result.reset_index(drop=True) if isinstance(result, pd.DataFrame) else result


def generate_seizures(
    beslag: pd.DataFrame | None = None, *, objecten_per_miljoen: int = 2, seed: int = 0
) -> pd.DataFrame:
    """Generate seized objects whose values add up exactly to a ``beslag`` table.

    Parameters
    ----------
    beslag : DataFrame, optional
        ``jaar``, ``soort`` (``totaal``, ``digitaal``), ``bedrag_eur`` in whole euro;
        default the bundled sample.
    objecten_per_miljoen : int, default=2
        Objects generated per million euro (at least one per kind and year).
    seed : int, default=0
        Seed of the random split of each amount into objects.

    Returns
    -------
    pandas.DataFrame
        One row per seized object (``jaar``, ``soort``, ``waarde_eur``); synthetic.

    Examples
    --------
    >>> from ondermijning_indicators.records import generate_seizures
    >>> objects = generate_seizures(seed=1)
    >>> len(objects), int(objects["waarde_eur"].sum())
    (491, 246000000)
    """
    from .data import load_sample

    table = load_sample("beslag") if beslag is None else beslag
    if objecten_per_miljoen < 1:
        raise InvalidInputError("generate_seizures: objecten_per_miljoen must be at least 1")
    rng = np.random.default_rng(seed)
    parts = []
    for jaar in sorted(table["jaar"].unique().tolist()):
        amounts = table[table["jaar"] == jaar].set_index("soort")["bedrag_eur"]
        digitaal = round(float(amounts.get("digitaal", 0.0)))
        overig = round(float(amounts.get("totaal", digitaal))) - digitaal
        for soort, amount in (("digitaal", digitaal), ("overig", overig)):
            if amount <= 0:
                continue
            n = max(1, amount * objecten_per_miljoen // 1_000_000)
            cuts = np.sort(rng.choice(np.arange(1, amount), size=n - 1, replace=False))
            values = np.diff(np.concatenate([[0], cuts, [amount]])).astype(float)
            parts.append(pd.DataFrame({"jaar": int(jaar), "soort": soort, "waarde_eur": values}))
    objects = pd.concat(parts, ignore_index=True)
    return objects.iloc[rng.permutation(len(objects))].reset_index(drop=True)
