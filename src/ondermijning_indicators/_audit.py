"""Audit of an edition's internal consistency: any edition, any folder.

`audit` runs every check that the given tables support, and none that they do not,
and returns one row per check with its outcome:

``misprint``
    a printed cell or label corrected in the tables, as the edition's catalogue
    records it (the printed form is kept there); only for tables present;
``total``
    a printed total against the sum of its parts (the rules of
    `ondermijning_indicators.schemas.TOTALS`), where both tables are present; a
    national total must be at least the sum of the parts it lists;
``agreement``
    a figure that two tables both print (`ondermijning_indicators.schemas.AGREEMENTS`),
    e.g. the grand totals of two financial tables;
``figure``
    a printed figure that does not match the data: the records with status
    ``discrepancy`` (explained ones included), for records whose tables are present;
``inconsistency``
    statements of the report that contradict each other although each may be
    right on its own reading: the records that carry a ``finding``;
``record``
    a figure record that cannot be read or evaluated (status ``invalid`` in
    `ondermijning_indicators.reproduce`).

A check passes (``ok``) or is a ``finding``; every finding states the cells, what
they are, what they would be if they agreed, and the difference. Nothing here names
an edition or a year: misprints come from the catalogue, totals from the schemas,
inconsistencies from the records.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from ._editions import Tables, default_records, load_edition
from ._notation import Notation, format_number
from .published import FigureRecord, Selection, Status, reproduce_records
from .schemas import AGREEMENTS, SCHEMAS, TOTALS, table_unit

__all__ = ["AUDIT_COLUMNS", "audit"]

AUDIT_COLUMNS = [
    "id",
    "kind",
    "status",
    "where",
    "printed",
    "expected",
    "difference",
    "unit",
    "finding",
]


def _misprints(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    if not isinstance(tables, Tables):
        return []
    rows = []
    for name, meta in sorted(tables.catalogue.tables.items()):
        if name not in tables:
            continue
        for i, corr in enumerate(meta.corrections, start=1):
            rows.append(
                {
                    "id": f"misprint.{name}.{i}",
                    "kind": "misprint",
                    "status": "finding",
                    "where": f"{name}: {corr.cell}",
                    "printed": corr.printed,
                    "expected": corr.corrected,
                    "difference": "",
                    "unit": "",
                    "finding": corr.reason,
                }
            )
    return rows


Formatter = Callable[[float], str]
"""Writes a number of the audit: `format_number` in the notation asked for."""


def _unit(table: str) -> str:
    """Return the unit of a table's amounts, in words (from its schema)."""
    unit = table_unit(table)
    return str(unit) if unit is not None else ""


def _key(by: Sequence[str], rec: Mapping[Any, Any]) -> tuple[str, str]:
    # a key (a year, a period) is a name, not an amount: no thousands dot
    values = [format_number(v, notation="machine") if isinstance(v, float) else str(v)
              for v in (rec[k] for k in by)]  # fmt: skip
    where = ", ".join(f"{k}={v}" for k, v in zip(by, values, strict=True))
    return where, ".".join(values)


def _totals(tables: Mapping[str, pd.DataFrame], _fmt: Formatter) -> list[dict[str, Any]]:
    rows = []
    for rule in TOTALS:
        if rule.totals not in tables or rule.parts not in tables:
            continue
        for rec in rule.compare(tables).to_dict("records"):
            where, key = _key(rule.by, rec)
            printed, parts = float(rec["printed"]), float(rec["expected"])
            if rule.relation == "equals":
                words = (
                    f"The printed total of {rule.totals} for {where} is {_fmt(printed)}; its "
                    f"parts in {rule.parts} add up to {_fmt(parts)}."
                    if not math.isnan(parts)
                    else f"The printed total of {rule.totals} for {where} is {_fmt(printed)}, "
                    f"but {rule.parts} has no part for it."
                )
            else:
                words = (
                    f"The total of {rule.totals} for {where} is {_fmt(printed)}, less than "
                    f"the {_fmt(parts)} that its parts in {rule.parts} add up to: a whole "
                    "cannot be smaller than some of its parts."
                    if not math.isnan(parts)
                    else f"{rule.parts} has no part for {where}."
                )
            rows.append(
                {
                    "id": f"total.{rule.totals}.{key}",
                    "kind": "total",
                    "status": "ok" if rec["ok"] else "finding",
                    "where": f"{rule.totals} [{where}] against the sum of {rule.parts}",
                    "printed": _fmt(printed),
                    "expected": _fmt(parts),
                    "difference": "" if rec["ok"] else _fmt(float(rec["difference"])),
                    "unit": _unit(rule.totals),
                    "finding": "" if rec["ok"] else words,
                }
            )
    return rows


def _agreements(tables: Mapping[str, pd.DataFrame], _fmt: Formatter) -> list[dict[str, Any]]:
    """Figures that two tables both print, compared cell by cell."""
    rows = []
    for rule in AGREEMENTS:
        if rule.table not in tables or rule.other not in tables:
            continue
        for rec in rule.compare(tables).to_dict("records"):
            where, key = _key(rule.by, rec)
            a, b = float(rec["printed"]), float(rec["expected"])
            ok = bool(rec["ok"])
            rows.append(
                {
                    "id": f"agreement.{rule.table}.{key}",
                    "kind": "agreement",
                    "status": "ok" if ok else "finding",
                    "where": f"{rule.table} [{where}] against {rule.other}",
                    "printed": _fmt(a),
                    "expected": _fmt(b),
                    "difference": "" if ok else _fmt(a - b),
                    "unit": _unit(rule.table),
                    "finding": ""
                    if ok
                    else (
                        f"{rule.table} prints {_fmt(a)} for {where}; {rule.other} prints "
                        f"{_fmt(b)} for the same figure, a difference of {_fmt(a - b)}. Each "
                        "adds up to its own rows, so the report does not say which is right."
                    ),
                }
            )
    return rows


def _figures(
    result: pd.DataFrame, records: Sequence[FigureRecord], _fmt: Formatter
) -> list[dict[str, Any]]:
    by_id = {r.id: r for r in records}
    rows = []
    for rec in result.to_dict("records"):
        record = by_id[rec["id"]]
        if rec["status"] == str(Status.INVALID):
            rows.append(
                {
                    "id": f"record.{rec['id']}",
                    "kind": "record",
                    "status": "finding",
                    "where": f"{record.source}" + (f", line {record.line}" if record.line else ""),
                    "printed": rec["phrase"],
                    "expected": "",
                    "difference": "",
                    "unit": "",
                    "finding": f"The record cannot be checked: {rec['note']}",
                }
            )
        elif record.finding:
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
                    "unit": str(record.quantity.unit) if record.quantity else "",
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
                    "unit": str(record.quantity.unit) if record.quantity else "",
                    "finding": str(rec["note"]),
                }
            )
    return rows


def audit(
    tables: Mapping[str, pd.DataFrame] | None = None,
    records: Sequence[FigureRecord] | None = None,
    *,
    edition: str | None = None,
    notation: Notation = "machine",
) -> pd.DataFrame:
    """Check an edition (or a folder of tables) against itself; one row per check.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables; default the tables of ``edition``. Tables from `load_tables`
        or `load_samples` bring their catalogue (misprints) and records.
    records : sequence of FigureRecord, optional
        Published-figure records; default those that came with ``tables`` (a plain
        mapping brings none). A record whose tables are known but absent is not checked;
        one that cannot be read, or names a table the library does not know, is a finding.
    edition : str, optional
        A bundled edition; default the latest.
    notation : {"machine", "nl"}, default="machine"
        How the amounts of ``printed`` (of a total or an agreement), ``expected``,
        ``difference`` and the numbers of ``finding`` are written: machine notation
        (``1543``, for a program) or Dutch (``1.543``, for a reader).

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``kind`` (misprint, total, agreement, figure, inconsistency,
        record), ``status`` (finding or ok), ``where``, ``printed``, ``expected``,
        ``difference`` (text, in ``notation``), ``unit`` (of those numbers; empty
        for a misprint, whose cells are quoted as printed) and ``finding`` (the
        explanation, with the numbers); findings first.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.audit()
    >>> result.query("status == 'finding'")["kind"].value_counts().sort_index().to_dict()
    {...'misprint': 2...}
    >>> bool((result.query("kind == 'total'")["status"] == "ok").all())
    True
    """
    if tables is None:
        tables = load_edition(edition).tables()
    recs = list(records) if records is not None else (default_records(tables) or [])
    applicable = [
        r for r in recs if r.problem is not None or set(r.tables) & set(SCHEMAS) <= set(tables)
    ]
    catalogue = tables.catalogue if isinstance(tables, Tables) else None

    def caveats_for(cells: Sequence[Selection]) -> list[str]:
        return catalogue.caveats_for(cells, tables) if catalogue else []

    result = reproduce_records(applicable, tables, caveats_for=caveats_for)

    def fmt(value: float) -> str:
        return format_number(value, notation=notation)  # "" for a missing value

    rows = [
        *_misprints(tables),
        *_totals(tables, fmt),
        *_agreements(tables, fmt),
        *_figures(result, applicable, fmt),
    ]
    frame = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    order = frame["status"].map({"finding": 0, "ok": 1})
    return (
        frame.assign(_o=order)
        .sort_values(["_o", "kind", "id"])
        .drop(columns="_o")
        .reset_index(drop=True)
    )
