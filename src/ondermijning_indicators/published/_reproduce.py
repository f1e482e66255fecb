"""Recompute every published figure and say whether the printed value holds.

`reproduce_records` is the engine: records and tables in, one row per record out.
`ondermijning_indicators.reproduce` calls it with an edition's tables, records and
catalogue as defaults. A record that cannot be read or evaluated is a row with
status ``invalid`` and the reason; the other records are evaluated as usual.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._notation import format_number
from .._registry import Unit, get_metric
from .._selection import Selection, index_of, indexed
from .._validation import select, selected_mask
from ..errors import FigureRecordError, IndicatorError, MetadataError, SelectionError
from ._phrase import Quantity, format_dutch
from ._records import FigureRecord, Reading
from ._semantics import Comparison, Semantics, Status, compare, compare_bounds

__all__ = ["RESULT_COLUMNS", "reproduce_records", "summarize"]

RESULT_COLUMNS = [
    "id",
    "section",
    "phrase",
    "printed_value",
    "computed_value",
    "unit",
    "status",
    "explained",
    "how",
    "note",
]

CaveatsFor = Callable[[Sequence[Selection]], list[str]]
"""Given the cells a record reads, the caveats of the catalogue that are about them."""

_QUALIFIER_COLUMN = "kwalificatie"
_RATIOS = {Unit.SHARE, Unit.ATTAINMENT, Unit.RELATIVE_CHANGE, Unit.RATE}
"""Units a printed percentage can state: 93% of a target is an attainment of 0.93."""


@dataclass(frozen=True)
class _Cells:
    """The cells a selection matched.

    The values of the selected column and, if the table has one, the ``kwalificatie``
    of the same rows.
    """

    values: npt.NDArray[Any]
    qualifiers: npt.NDArray[Any] | None

    def __len__(self) -> int:
        return len(self.values)


def _cells(sel: Selection, tables: Mapping[str, pd.DataFrame], record: str) -> _Cells:
    if sel.table not in tables:
        raise FigureRecordError(
            f"{record}: no table {sel.table!r}; tables: {', '.join(sorted(tables))}"
        )
    df = tables[sel.table]
    if sel.column not in df.columns:
        raise FigureRecordError(
            f"{record}: table {sel.table!r} has no column {sel.column!r}; "
            f"columns: {', '.join(map(str, df.columns))}"
        )
    index = index_of(df)
    if not (index and index.memo.get(("numbers", sel.column))):
        column = df[sel.column]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            raise FigureRecordError(
                f"{record}: {sel} reads the column {sel.column!r} of {sel.table!r}, which "
                f"holds {'true/false values' if pd.api.types.is_bool_dtype(column) else 'text'}"
                ", not numbers; name a column of counts or amounts"
            )
        if index:
            index.memo[("numbers", sel.column)] = True  # checked once per column
    try:
        where = np.flatnonzero(selected_mask(sel, df))
    except SelectionError as exc:
        raise FigureRecordError(f"{record}: {exc}") from None
    if not len(where):
        raise FigureRecordError(f"{record}: {sel} matches no row")

    def array(name: str) -> npt.NDArray[Any]:
        return index.array(name) if index else df[name].to_numpy()

    qualifiers = array(_QUALIFIER_COLUMN)[where] if _QUALIFIER_COLUMN in df.columns else None
    return _Cells(array(sel.column)[where], qualifiers)


def _value(sel: Selection, tables: Mapping[str, pd.DataFrame], record: str) -> float:
    """Return the number a selection names: its cells summed, or reduced over the periods."""
    return _number(sel, tables, _cells(sel, tables, record), record)


def _number(sel: Selection, tables: Mapping[str, pd.DataFrame], rows: _Cells, record: str) -> float:
    """Return the number of the rows a selection matched (see `_value`)."""
    if sel.reduce is None:
        return float(np.nansum(rows.values))  # a missing cell adds nothing, as in pandas
    value = select(sel, tables[sel.table])
    if isinstance(value, pd.Series):
        raise FigureRecordError(
            f"{record}: {sel} gives one value per {', '.join(map(str, value.index.names))}; "
            "a record names one number: give each of them a value"
        )
    return float(value)


def _last_digit(value: float) -> int:
    """Return the exponent of the last non-zero digit of a stored number (1200 gives 2)."""
    return int(Decimal(repr(float(value))).normalize().as_tuple().exponent)


def _bound(rows: _Cells, unit: Unit) -> Quantity | None:
    """Return the cell as the interval it stands for, when it is stored with a qualifier."""
    if rows.qualifiers is None or len(rows) != 1:
        return None
    qualifier = rows.qualifiers[0]
    if not isinstance(qualifier, str) or not qualifier:
        return None
    from .._notation import Qualifier

    value = float(rows.values[0])
    exponent = _last_digit(value)
    decimals = max(0, -exponent)
    text = f"{qualifier} {format_dutch(value, decimals)}"
    # printed with `decimals` decimals, as parse_phrase would read `text`; a qualified
    # number's interval depends on its significance only (Semantics.interval)
    step = 10.0**-decimals
    return Quantity(text, value, step, Qualifier(qualifier), unit, 10.0**exponent)


def _bounded_inputs(reading: Reading, tables: Mapping[str, pd.DataFrame], record: str) -> str:
    """Return a note naming the inputs of a metric that are stored as bounds."""
    named = []
    for arg, sel in reading.inputs.items():
        qualifiers = _cells(sel, tables, record).qualifiers
        qualified = [q for q in (() if qualifiers is None else qualifiers) if isinstance(q, str)]
        if any(qualified):
            named.append(f"{arg} ({', '.join(q for q in qualified if q)})")
    if not named:
        return ""
    return (
        f"Input {', '.join(named)} is printed as a bound or an approximation; the metric "
        "is computed from the printed number."
    )


def _metric_value(
    reading: Reading, tables: Mapping[str, pd.DataFrame], record: FigureRecord
) -> float:
    assert reading.metric is not None
    try:
        meta = get_metric(reading.metric)
    except MetadataError as exc:
        raise FigureRecordError(f"{record.where}: {exc}") from None
    params = inspect.signature(meta.func).parameters
    required = {
        n
        for n, p in params.items()
        if p.default is inspect.Parameter.empty and p.kind is not inspect.Parameter.KEYWORD_ONLY
    }
    keywords = sorted(
        n
        for n, p in params.items()
        if p.default is inspect.Parameter.empty and p.kind is inspect.Parameter.KEYWORD_ONLY
    )
    if keywords:
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} needs the keyword arguments "
            f"{', '.join(keywords)}, which a record cannot give; check the figure with a sum, "
            "or with a metric that takes only table cells"
        )
    given = set(reading.inputs)
    if not required <= given or not given <= set(params):
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} takes {', '.join(sorted(required))}; "
            f"the record gives {', '.join(sorted(given))}"
        )
    unit = record.quantity.unit if record.quantity else None
    if reading.compare and (meta.unit in _RATIOS) != (unit in _RATIOS):
        what = "a percentage" if unit is Unit.SHARE else f"an amount ({unit})"
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} gives {meta.unit}, but the phrase "
            f"{record.phrase!r} is {what}; a percentage compares with a share, an "
            "attainment, a change or a rate, an amount with an amount"
        )
    args = {name: _value(sel, tables, record.where) for name, sel in reading.inputs.items()}
    result = meta.func(**args)
    if not isinstance(result, int | float):
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} gives {type(result).__name__}, not one number; "
            "a record compares one number with its phrase"
        )
    return float(result)


def _how(reading: Reading) -> str:
    if reading.kind == "metric":
        inner = ", ".join(f"{k}={v}" for k, v in reading.inputs.items())
        return f"{reading.metric}({inner})"
    return f"{reading.kind} {reading.inputs['value']}"


def _check(
    record: FigureRecord,
    reading: Reading,
    tables: Mapping[str, pd.DataFrame],
    semantics: Semantics,
) -> tuple[float, Comparison, str]:
    """Evaluate one reading: its value, the comparison with the phrase, and a note."""
    q = record.quantity
    assert q is not None
    if reading.kind == "metric":
        try:
            value = _metric_value(reading, tables, record)
        except IndicatorError as exc:
            if isinstance(exc, FigureRecordError):
                raise
            return math.nan, Comparison(Status.DISCREPANCY, f"cannot compute: {exc}"), ""
        note = _bounded_inputs(reading, tables, record.where)
        return value, compare(q, value, semantics), note
    sel = reading.inputs["value"]
    rows = _cells(sel, tables, record.where)
    if reading.kind == "cell" and sel.reduce:
        raise FigureRecordError(
            f"{record.where}: a cell is one cell; {sel.reduce}(...) is for a sum or the inputs "
            "of a metric"
        )
    if reading.kind == "cell" and len(rows) != 1:
        raise FigureRecordError(
            f"{record.where}: cell {sel} matches {len(rows)} rows; a cell must match "
            "exactly one (use sum = ... to add rows up)"
        )
    value = _number(sel, tables, rows, record.where)
    # one cell stored as a bound is that bound, reduced over its one period or not
    bound = _bound(rows, q.unit)
    if reading.kind == "cell":
        stored = str(bound.qualifier) if bound else None
        printed = str(q.qualifier) if q.qualifier else None
        same_value = math.isclose(value, q.value, rel_tol=1e-12, abs_tol=1e-12)
        if same_value and stored == printed:
            return value, Comparison(Status.TRANSCRIBED, "the printed number, as transcribed"), ""
        if same_value and rows.qualifiers is None:
            # the table holds exact numbers and has no room for a qualifier: the
            # phrase's qualifier is a claim about the exact number, checked as a sum's
            return value, compare(q, value, semantics), ""
        if same_value:
            return (
                value,
                Comparison(
                    Status.DISCREPANCY,
                    f"the cell holds {format_number(value)} with kwalificatie "
                    f"{stored or '(none)'}, but the phrase {record.phrase!r} is "
                    f"{printed or 'a plain number'}: the transcription lost or changed the bound",
                ),
                "",
            )
        return (
            value,
            Comparison(
                Status.DISCREPANCY,
                f"the cell holds {format_number(value, decimals='exact')} but the phrase "
                f"{record.phrase!r} says {format_number(q.value, decimals='exact')}: "
                "the transcription and the record disagree",
            ),
            "",
        )
    if bound is not None:
        return value, compare_bounds(q, bound, semantics), ""
    return value, compare(q, value, semantics), ""


def _sentence(text: str) -> str:
    """Make a note a sentence: a capital (unless it starts with a path) and a full stop."""
    text = text.strip()
    if not text:
        return text
    if text.split()[0].isalpha():  # a word, not a path or a number
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def _row(
    rec: FigureRecord, status: Status, value: float, how: str, notes: list[str]
) -> dict[str, object]:
    return {
        "id": rec.id,
        "section": rec.section,
        "phrase": rec.phrase,
        "printed_value": rec.quantity.value if rec.quantity else math.nan,
        "computed_value": value,
        "unit": str(rec.quantity.unit) if rec.quantity else "",
        "status": str(status),
        "explained": status is not Status.INVALID,
        "how": how,
        "note": " ".join(_sentence(n) for n in notes if n),
    }


def _evaluate(
    rec: FigureRecord,
    tables: Mapping[str, pd.DataFrame],
    sem: Semantics,
    caveats_for: CaveatsFor | None,
) -> dict[str, object]:
    notes = [rec.note]  # empty notes are left out when the notes are joined
    if rec.reading is None:
        value, cmp = math.nan, Comparison(Status.NOT_DERIVABLE, rec.not_derivable or "")
        how = "not derivable"
    else:
        value, cmp, extra = _check(rec, rec.reading, tables, sem)
        how = _how(rec.reading)
        notes.append(extra)
    for alt in rec.alternatives:
        if not alt.compare:
            info = (
                _metric_value(alt, tables, rec)
                if alt.kind == "metric"
                else _value(alt.inputs["value"], tables, rec.where)
            )
            notes.append(f"Reading '{alt.label}': {format_number(info)} (for information).")
            continue
        alt_value, alt_cmp, _ = _check(rec, alt, tables, sem)
        notes.append(
            f"Reading '{alt.label}': {format_number(alt_value)}, {alt_cmp.status} ({alt_cmp.note})."
        )
    if caveats_for is not None:
        readings = [r for r in (rec.reading, *rec.alternatives) if r is not None]
        cells = [sel for r in readings for sel in r.inputs.values()]
        notes += [f"Caveat ({table}): {text}" for table, text in _split(caveats_for(cells))]
    row = _row(rec, cmp.status, value, how, [cmp.note, *notes])
    explained = cmp.status is not Status.DISCREPANCY
    if rec.known_discrepancy:
        if cmp.status is Status.DISCREPANCY:
            explained = True
            notes.append(f"Known discrepancy of the report: {rec.known_discrepancy}")
        else:
            explained = False
            notes.append(
                "marked as a known discrepancy, but it reproduces now: remove "
                "known_discrepancy from the record."
            )
        row["note"] = " ".join(_sentence(n) for n in [cmp.note, *notes] if n)
    row["explained"] = explained
    return row


def _split(caveats: list[str]) -> list[tuple[str, str]]:
    """Caveats come as "table: text"; keep the table for the note's label."""
    out = []
    for caveat in caveats:
        table, _, text = caveat.partition(": ")
        out.append((table, text))
    return out


def reproduce_records(
    records: Sequence[FigureRecord],
    tables: Mapping[str, pd.DataFrame],
    *,
    caveats_for: CaveatsFor | None = None,
    semantics: Semantics | None = None,
) -> pd.DataFrame:
    """Recompute each record's figure from ``tables`` and compare it with its phrase.

    Parameters
    ----------
    records : sequence of FigureRecord
        The records, e.g. from `load_records`.
    tables : mapping of str to DataFrame
        Validated tables by name.
    caveats_for : callable, optional
        Given the cells a record reads, the catalogue's caveats about them
        ("table: text"); each is added to the record's note. None adds none.
    semantics : Semantics, optional
        Numeric reading of the qualifiers.

    Returns
    -------
    pandas.DataFrame
        One row per record, columns as `ondermijning_indicators.reproduce`. A record
        that cannot be read or evaluated has status ``invalid`` with the reason in
        ``note``; the others are evaluated as usual.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.published import load_records, reproduce_records
    >>> out = reproduce_records(load_records(), oi.load_samples())
    >>> out.set_index("id").loc["bestraffen.vrijheidsstraffen.aandeel_2022", "status"]
    'within_rounding'
    """
    sem = semantics or Semantics()
    rows = []
    with indexed(tables.values()):  # the records select from the same tables many times
        for rec in records:
            if rec.problem is not None:
                rows.append(_row(rec, Status.INVALID, math.nan, "not read", [rec.problem]))
                continue
            try:
                rows.append(_evaluate(rec, tables, sem, caveats_for))
            except (FigureRecordError, SelectionError) as exc:
                how = _how(rec.reading) if rec.reading else "not derivable"
                rows.append(_row(rec, Status.INVALID, math.nan, how, [str(exc)]))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def summarize(result: pd.DataFrame) -> pd.Series:
    """Count the records of a `reproduce` result by status.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> summary = oi.published.summarize(oi.reproduce())
    >>> int(summary["records"]) == int(summary[[str(s) for s in oi.published.Status]].sum())
    True
    """
    counts = result["status"].value_counts()
    out = {"records": len(result)}
    for status in Status:
        out[str(status)] = int(counts.get(str(status), 0))
    out["unexplained"] = int((~result["explained"]).sum())
    return pd.Series(out, name="count")
