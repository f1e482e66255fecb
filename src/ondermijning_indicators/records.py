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
- a **missing duration** on a custodial sentence is an error, never a class.
"""

from __future__ import annotations

from typing import Any

import narwhals as nw
import numpy as np
import pandas as pd

from .errors import InvalidInputError
from .schemas import DUURKLASSEN, UITKOMSTEN

__all__ = ["CLASS_BOUNDS_MONTHS", "aggregate_verdicts", "generate_verdicts"]

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
