"""Audit of the report's internal consistency.

`audit` runs every check the library knows over the validated tables and the
published-figure records, and returns one row per check with its outcome:

``misprint``
    a printed cell or label corrected in the sample data (the printed form is kept
    in the table's provenance, ``catalogue.toml``);
``total``
    a printed total against the sum of its parts, for every table that declares
    ``total_of`` in its provenance;
``agreement``
    a figure that two tables both print, for every table that declares
    ``agrees_with`` (e.g. the grand totals of two financial tables);
``figure``
    a printed figure that does not match the data or another printed figure: the
    records with status ``discrepancy`` (explained ones included);
``inconsistency``
    statements of the report that contradict each other although each may be
    right on its own reading: the records that carry a ``finding``.

A check passes (``ok``) or is a ``finding``; every finding states the cells, what
they are, what they would be if they agreed, and the difference.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .data import _catalogue, load_samples, sample_metadata
from .published import load_records, reproduce
from .published._records import FigureRecord

__all__ = ["audit"]

AUDIT_COLUMNS = ["id", "kind", "status", "where", "printed", "expected", "difference", "finding"]


def _misprints() -> list[dict[str, Any]]:
    rows = []
    for name in sorted(_catalogue()["tables"]):
        for i, corr in enumerate(sample_metadata(name).corrections, start=1):
            rows.append(
                {
                    "id": f"misprint.{name}.{i}",
                    "kind": "misprint",
                    "status": "finding",
                    "where": f"{name}: {corr.cell}",
                    "printed": corr.printed,
                    "expected": corr.corrected,
                    "difference": "",
                    "finding": corr.reason,
                }
            )
    return rows


def _fmt(value: float) -> str:
    if math.isnan(value):
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


def _totals(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    rows = []
    for name in sorted(_catalogue()["tables"]):
        spec = _catalogue()["tables"][name].get("total_of")
        if not spec or name not in tables or spec["table"] not in tables:
            continue
        by = list(spec["by"])
        column = spec["column"]
        printed = tables[name].groupby(by)[column].sum()
        parts = tables[spec["table"]].groupby(by)[spec.get("parts_column", column)].sum()
        # Every printed total is checked; parts without a printed total (a theme the
        # table prints no total for) are not a finding.
        joined = printed.rename("printed").to_frame().join(parts.rename("parts"), how="left")
        for key, row in joined.iterrows():
            key_t = key if isinstance(key, tuple) else (key,)
            where = ", ".join(f"{k}={v}" for k, v in zip(by, key_t, strict=True))
            diff = float(row["printed"]) - float(row["parts"])
            ok = not math.isnan(diff) and abs(diff) < 1e-9
            rows.append(
                {
                    "id": f"total.{name}.{'.'.join(str(k) for k in key_t)}",
                    "kind": "total",
                    "status": "ok" if ok else "finding",
                    "where": f"{name} [{where}] against the sum of {spec['table']}",
                    "printed": _fmt(float(row["printed"])),
                    "expected": _fmt(float(row["parts"])),
                    "difference": "" if ok else _fmt(diff),
                    "finding": ""
                    if ok
                    else (
                        f"The printed total of {name} for {where} is "
                        f"{_fmt(float(row['printed']))}; its parts in {spec['table']} add up "
                        f"to {_fmt(float(row['parts']))}."
                    ),
                }
            )
    return rows


def _agreements(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Figures that two tables both print, compared cell by cell (``agrees_with``)."""
    rows = []
    for name in sorted(_catalogue()["tables"]):
        spec = _catalogue()["tables"][name].get("agrees_with")
        if not spec or name not in tables or spec["table"] not in tables:
            continue
        by, column, other = list(spec["by"]), spec["column"], spec["table"]
        mine = tables[name].groupby(by)[column].sum().rename("printed")
        theirs = tables[other].groupby(by)[column].sum().rename("other")
        for key, row in mine.to_frame().join(theirs, how="outer").iterrows():
            key_t = key if isinstance(key, tuple) else (key,)
            where = ", ".join(f"{k}={v}" for k, v in zip(by, key_t, strict=True))
            a, b = float(row["printed"]), float(row["other"])
            ok = not (math.isnan(a) or math.isnan(b)) and abs(a - b) < 1e-9
            rows.append(
                {
                    "id": f"agreement.{name}.{'.'.join(str(k) for k in key_t)}",
                    "kind": "agreement",
                    "status": "ok" if ok else "finding",
                    "where": f"{name} [{where}] against {other}",
                    "printed": _fmt(a),
                    "expected": _fmt(b),
                    "difference": "" if ok else _fmt(a - b),
                    "finding": ""
                    if ok
                    else (
                        f"{name} prints {_fmt(a)} for {where}; {other} prints {_fmt(b)} for the "
                        f"same figure, a difference of {_fmt(a - b)}. Each adds up to its own "
                        "rows, so the report does not say which is right."
                    ),
                }
            )
    return rows


def _figures(result: pd.DataFrame, records: list[FigureRecord]) -> list[dict[str, Any]]:
    by_id = {r.id: r for r in records}
    rows = []
    for rec in result.to_dict("records"):
        record = by_id[rec["id"]]
        if record.finding:
            rows.append(
                {
                    "id": f"inconsistency.{rec['id']}",
                    "kind": "inconsistency",
                    "status": "finding",
                    "where": f"{rec['section']}: {rec['phrase']!r}",
                    "printed": rec["phrase"],
                    # the data's value where the record itself does not reproduce
                    "expected": _fmt(float(rec["computed_value"]))
                    if rec["status"] == "discrepancy"
                    else "",
                    "difference": "",
                    "finding": f"{record.finding} {rec['note']}".strip(),
                }
            )
        elif rec["status"] == "discrepancy":
            printed, computed = float(rec["printed_value"]), float(rec["computed_value"])
            rows.append(
                {
                    "id": f"figure.{rec['id']}",
                    "kind": "figure",
                    "status": "finding",
                    "where": f"{rec['section']}: {rec['phrase']!r} ({rec['how']})",
                    "printed": rec["phrase"],
                    "expected": _fmt(computed),
                    "difference": _fmt(printed - computed),
                    "finding": str(rec["note"]),
                }
            )
    return rows


def audit(
    tables: Mapping[str, pd.DataFrame] | None = None,
    records: list[FigureRecord] | None = None,
) -> pd.DataFrame:
    """Check the report against itself; one row per check, findings first.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables; default the bundled samples.
    records : list of FigureRecord, optional
        Published-figure records; default the 2023 edition.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``kind`` (misprint, total, agreement, figure, inconsistency), ``status``
        (finding or ok), ``where``, ``printed``, ``expected``, ``difference`` and
        ``finding`` (the explanation, with the numbers).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.audit()
    >>> result.query("status == 'finding'")["kind"].value_counts().sort_index().to_dict()
    {...'misprint': 2...}
    >>> bool((result.query("kind == 'total'")["status"] == "ok").all())
    True
    """
    tables = load_samples() if tables is None else tables
    recs = load_records() if records is None else records
    result = reproduce(tables, recs)
    rows = _misprints() + _totals(tables) + _agreements(tables) + _figures(result, recs)
    frame = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    order = frame["status"].map({"finding": 0, "ok": 1})
    return (
        frame.assign(_o=order)
        .sort_values(["_o", "kind", "id"])
        .drop(columns="_o")
        .reset_index(drop=True)
    )
