"""Synthetic records that aggregate back exactly to given tables, at any size."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidInputError
from ._definitions import (
    ARRONDISSEMENTEN,
    CLASS_BOUNDS_MONTHS,
    DELICTGROEPEN,
    DUURKLASSEN,
    KENMERK_BOUNDS_MONTHS,
    KENMERKEN,
    SOORTEN_BESLAG,
    UITKOMSTEN,
)

TAAKSTRAF_ZONDER_VRIJHEIDSSTRAF = 0.3
"""Share of guilty verdicts without a custodial sentence that get a taakstraf (synthetic)."""


def _counts(
    table: pd.DataFrame | None, jaar: int, column: str, order: tuple[str, ...]
) -> pd.Series:
    if table is None or table.empty:
        return pd.Series(0, index=list(order), dtype="int64")
    rows = table[table["jaar"] == jaar].set_index(column)["aantal"]
    unknown = sorted(set(rows.index) - set(order))
    if unknown:
        raise InvalidInputError(f"generate_verdicts: unknown {column} {unknown} in {jaar}")
    return rows.reindex(list(order), fill_value=0).astype("int64")


def _durations(classes: pd.Series, feats: pd.Series, rng: np.random.Generator) -> np.ndarray:
    """Whole months within each class; the text's features inside "> 5 jaar"."""
    blocks = []
    for klasse, (low, high, closed) in CLASS_BOUNDS_MONTHS.items():
        size = int(classes[klasse])
        if klasse != DUURKLASSEN[-1]:
            top = int(high) + (1 if closed else 0)
            blocks.append(rng.integers(max(int(low), 1), top, size))
            continue
        for name, (f_low, f_high) in KENMERK_BOUNDS_MONTHS.items():
            count = int(feats[name])
            blocks.append(rng.integers(int(f_low), int(f_high) + 1, count))
            size -= count
        # The rest of "> 5 jaar": above five years, below ten.
        ten_years = int(KENMERK_BOUNDS_MONTHS["duur_10_tot_20_jaar"][0])
        blocks.append(rng.integers(int(low) + 1, ten_years, size))
    return np.concatenate(blocks).astype("float64")


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
        Every count is multiplied by ``scale``: the samples give 7,057 records, so
        ``scale=1417`` gives ten million.
    seed : int, default=0
        Seed of everything random: durations within each class, which custodial
        sentences carry a feature, the offence groups and districts the tables do not
        fix, and the row order.

    Returns
    -------
    pandas.DataFrame
        One row per suspect and verdict, with the columns of `VERDICT_COLUMNS` (text as
        categoricals); `aggregate_verdicts` of it gives the tables back, times
        ``scale``. Synthetic: no real person or case.

    Raises
    ------
    InvalidInputError
        If ``scale`` is not a whole number of at least 1, or the tables contradict
        each other (more custodial sentences than guilty verdicts, more sentences with
        a feature than sentences).

    Examples
    --------
    >>> from ondermijning_indicators.records import generate_verdicts
    >>> records = generate_verdicts(seed=1)
    >>> len(records), int(records["vrijheidsstraf"].sum())
    (7057, 4728)
    """
    from .._editions import load_samples

    if isinstance(scale, bool) or not isinstance(scale, (int, np.integer)) or scale < 1:
        raise InvalidInputError(
            f"generate_verdicts: scale must be a whole number >= 1, got {scale!r}"
        )
    t = load_samples() if tables is None else tables
    rng = np.random.default_rng(seed)
    columns: dict[str, list[np.ndarray]] = {
        name: [] for name in ("jaar", "uitkomst", "vrij", "taak", "duur", "delict")
    }
    for jaar in sorted(int(j) for j in t["uitspraken"]["jaar"].unique()):
        outcomes = _counts(t["uitspraken"], jaar, "uitkomst", UITKOMSTEN) * scale
        classes = _counts(t["vrijheidsstraffen"], jaar, "duurklasse", DUURKLASSEN) * scale
        feats = _counts(t.get("vrijheidsstraffen_kenmerken"), jaar, "kenmerk", KENMERKEN) * scale
        custodial = int(classes.sum())
        extra = int(sum(feats[k] for k in KENMERK_BOUNDS_MONTHS))
        problems = []
        if custodial > outcomes["schuldig"]:
            problems.append(
                f"{custodial} custodial sentences but {outcomes['schuldig']} guilty verdicts"
            )
        for k in ("met_taakstraf", "drugs_productie_en_handel"):
            if feats[k] > custodial:
                problems.append(f"{feats[k]} sentences {k} but {custodial} custodial sentences")
        if extra > classes[DUURKLASSEN[-1]]:
            problems.append(
                f"{extra} sentences of 10-20 or 30 years but {classes[DUURKLASSEN[-1]]} of > 5 jaar"
            )
        if problems:
            raise InvalidInputError(f"generate_verdicts: in {jaar}, " + "; ".join(problems))
        n = int(outcomes.sum())
        others = n - custodial
        # Custodial sentences first, then the other guilty verdicts, then the rest.
        uitkomst = np.repeat(np.arange(len(UITKOMSTEN), dtype="int8"), outcomes.to_numpy())
        drugs = rng.permutation(custodial) < int(feats["drugs_productie_en_handel"])
        delict = rng.integers(1, len(DELICTGROEPEN), n, dtype="int8")
        delict[:custodial][drugs] = 0
        delict[custodial:] = rng.integers(0, len(DELICTGROEPEN), others, dtype="int8")
        taak = np.concatenate([
            rng.permutation(custodial) < int(feats["met_taakstraf"]),
            rng.random(int(outcomes["schuldig"]) - custodial) < TAAKSTRAF_ZONDER_VRIJHEIDSSTRAF,
            np.zeros(n - int(outcomes["schuldig"]), dtype=bool),
        ])  # fmt: skip
        columns["jaar"].append(np.full(n, jaar, dtype="int64"))
        columns["uitkomst"].append(uitkomst)
        columns["vrij"].append(np.arange(n) < custodial)
        columns["taak"].append(taak)
        columns["duur"].append(
            np.concatenate([_durations(classes, feats, rng), np.full(others, np.nan)])
        )
        columns["delict"].append(delict)
    joined = {name: np.concatenate(parts) for name, parts in columns.items()}
    order = rng.permutation(len(joined["jaar"]))
    arrondissement = rng.integers(0, len(ARRONDISSEMENTEN), len(order), dtype="int8")
    return pd.DataFrame(
        {
            "jaar": joined["jaar"][order],
            "uitkomst": pd.Categorical.from_codes(joined["uitkomst"][order], pd.Index(UITKOMSTEN)),
            "vrijheidsstraf": joined["vrij"][order],
            "taakstraf": joined["taak"][order],
            "duur_maanden": joined["duur"][order],
            "delictgroep": pd.Categorical.from_codes(
                joined["delict"][order], pd.Index(DELICTGROEPEN)
            ),
            "arrondissement": pd.Categorical.from_codes(arrondissement, pd.Index(ARRONDISSEMENTEN)),
        }
    )


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
        Seed of the random split of each amount into objects and of the row order.

    Returns
    -------
    pandas.DataFrame
        One row per seized object (``jaar``, ``soort``, ``waarde_eur`` in whole euro);
        synthetic.

    Examples
    --------
    >>> from ondermijning_indicators.records import generate_seizures
    >>> objects = generate_seizures(seed=1)
    >>> len(objects), int(objects["waarde_eur"].sum())
    (491, 246000000)
    """
    from .._editions import load_sample

    table = load_sample("beslag") if beslag is None else beslag
    if isinstance(objecten_per_miljoen, bool) or objecten_per_miljoen < 1:
        raise InvalidInputError("generate_seizures: objecten_per_miljoen must be at least 1")
    rng = np.random.default_rng(seed)
    parts = []
    for jaar in sorted(int(j) for j in table["jaar"].unique()):
        amounts = table[table["jaar"] == jaar].set_index("soort")["bedrag_eur"]
        digitaal = round(float(amounts.get("digitaal", 0.0)))
        overig = round(float(amounts.get("totaal", digitaal))) - digitaal
        if overig < 0:
            raise InvalidInputError(
                f"generate_seizures: in {jaar} the digital seizures ({digitaal}) exceed "
                f"the total ({digitaal + overig})"
            )
        for soort, amount in (("digitaal", digitaal), ("overig", overig)):
            if amount <= 0:
                continue
            n = int(max(1, min(amount, amount * objecten_per_miljoen // 1_000_000)))
            # n - 1 distinct cut points in 1 .. amount-1 split the amount into n parts.
            cuts = np.sort(rng.choice(amount - 1, size=n - 1, replace=False) + 1)
            values = np.diff(np.concatenate([[0], cuts, [amount]])).astype("float64")
            parts.append(pd.DataFrame({"jaar": jaar, "soort": soort, "waarde_eur": values}))
    objects = pd.concat(parts, ignore_index=True)
    objects["soort"] = pd.Categorical(objects["soort"], categories=SOORTEN_BESLAG)
    return objects.iloc[rng.permutation(len(objects))].reset_index(drop=True)
