"""Recompute every published figure and say whether the printed value holds."""

from __future__ import annotations

import inspect
import math
from collections.abc import Mapping

import pandas as pd

from ..errors import FigureRecordError, IndicatorError, MetadataError
from ..registry import Unit, get_metric
from ._records import FigureRecord, Reading, Selection, load_records
from ._semantics import Comparison, Semantics, Status, compare

__all__ = ["reproduce", "summarize"]

RESULT_COLUMNS = [
    "id",
    "section",
    "phrase",
    "printed_value",
    "computed_value",
    "status",
    "explained",
    "how",
    "note",
]


def _select(sel: Selection, tables: Mapping[str, pd.DataFrame], record: str) -> pd.Series:
    if sel.table not in tables:
        raise FigureRecordError(
            f"{record}: no table {sel.table!r}; tables: {', '.join(sorted(tables))}"
        )
    df = tables[sel.table]
    for name in [sel.column, *(k for k, _ in sel.filters)]:
        if name not in df.columns:
            raise FigureRecordError(
                f"{record}: table {sel.table!r} has no column {name!r}; "
                f"columns: {', '.join(df.columns)}"
            )
    mask = pd.Series(True, index=df.index)
    for key, value in sel.filters:
        mask &= df[key].astype(str).isin(value.split("|"))  # "a|b": either value
    values = df.loc[mask, sel.column]
    if values.empty:
        raise FigureRecordError(f"{record}: {sel} matches no row")
    return values


def _evaluate(reading: Reading, tables: Mapping[str, pd.DataFrame], record: FigureRecord) -> float:
    if reading.kind == "cell":
        values = _select(reading.inputs["value"], tables, record.where)
        if len(values) != 1:
            raise FigureRecordError(
                f"{record.where}: cell {reading.inputs['value']} matches {len(values)} "
                "rows; a cell must match exactly one (use sum = ... to add rows up)"
            )
        return float(values.iloc[0])
    if reading.kind == "sum":
        return float(_select(reading.inputs["value"], tables, record.where).sum())
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
    given = set(reading.inputs)
    if not required <= given or not given <= set(params):
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} takes {', '.join(sorted(required))}; "
            f"the record gives {', '.join(sorted(given))}"
        )
    if reading.compare and (meta.unit is Unit.SHARE) != (record.quantity.unit == "share"):
        raise FigureRecordError(
            f"{record.where}: metric {meta.id!r} gives a {meta.unit}, but the phrase "
            f"{record.phrase!r} is a {record.quantity.unit}"
        )
    args = {
        name: float(_select(sel, tables, record.where).sum())
        for name, sel in reading.inputs.items()
    }
    return float(meta.func(**args))


def _table_caveats(record: FigureRecord) -> list[str]:
    """Caveats of the bundled tables a record reads (e.g. the 2022 seizure basis)."""
    from ..data import sample_metadata
    from ..errors import UnknownSampleError

    readings = [r for r in (record.reading, *record.alternatives) if r is not None]
    tables = sorted({sel.table for r in readings for sel in r.inputs.values()})
    out = []
    for table in tables:
        try:
            caveats = sample_metadata(table).caveats
        except UnknownSampleError:
            continue
        out += [f"Caveat ({table}): {c}" for c in caveats]
    return out


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
) -> tuple[float, Comparison]:
    try:
        value = _evaluate(reading, tables, record)
    except FigureRecordError:
        raise
    except IndicatorError as exc:
        return math.nan, Comparison(Status.DISCREPANCY, f"cannot compute: {exc}")
    if reading.kind == "cell":
        q = record.quantity
        if math.isclose(value, q.value, rel_tol=1e-12, abs_tol=1e-12):
            return value, Comparison(Status.TRANSCRIBED, "the printed number, as transcribed")
        return value, Comparison(
            Status.DISCREPANCY,
            f"the cell holds {value:g} but the phrase {record.phrase!r} says {q.value:g}: "
            "the transcription and the record disagree",
        )
    return value, compare(record.quantity, value, semantics)


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ")")) else text + "."


def reproduce(
    tables: Mapping[str, pd.DataFrame] | None = None,
    records: list[FigureRecord] | None = None,
    *,
    semantics: Semantics | None = None,
) -> pd.DataFrame:
    """Recompute every published figure and compare it with the printed phrase.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables by name; default the bundled samples.
    records : list of FigureRecord, optional
        Default: the records of the 2023 edition bundled with the package.
    semantics : Semantics, optional
        Numeric reading of the qualifiers (bijna, ruim, circa, ...).

    Returns
    -------
    pandas.DataFrame
        One row per record: ``id``, ``section``, ``phrase``, ``printed_value``,
        ``computed_value``, ``status`` (exact, within_rounding,
        consistent_with_qualifier, transcribed, discrepancy, not_derivable),
        ``explained`` (False only for a discrepancy nobody has explained, or for a
        known discrepancy that no longer occurs), ``how`` and ``note``.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.reproduce().set_index("id")
    >>> result.loc["bestraffen.vrijheidsstraffen.aandeel_2022", ["phrase", "status"]].tolist()
    ['81%', 'within_rounding']
    >>> bool(result["explained"].all())
    True
    """
    if tables is None:
        from ..data import load_samples

        tables = load_samples()
    sem = semantics or Semantics()
    recs = load_records() if records is None else records
    rows = []
    for rec in recs:
        notes = [rec.note] if rec.note else []
        if rec.reading is None:
            value, cmp = math.nan, Comparison(Status.NOT_DERIVABLE, rec.not_derivable or "")
            how = "not derivable"
        else:
            value, cmp = _check(rec, rec.reading, tables, sem)
            how = _how(rec.reading)
        for alt in rec.alternatives:
            if not alt.compare:
                info = _evaluate(alt, tables, rec)
                notes.append(f"Reading '{alt.label}': {info:,.6g} (for information).")
                continue
            alt_value, alt_cmp = _check(rec, alt, tables, sem)
            notes.append(
                f"Reading '{alt.label}': {alt_value:.4g}, {alt_cmp.status} ({alt_cmp.note})."
            )
        notes += _table_caveats(rec)
        explained = cmp.status is not Status.DISCREPANCY
        if rec.known_discrepancy:
            if cmp.status is Status.DISCREPANCY:
                explained = True
                notes.append(f"Known discrepancy of the report: {rec.known_discrepancy}")
            else:
                explained = False
                notes.append(
                    "Marked as a known discrepancy, but it reproduces now: remove "
                    "known_discrepancy from the record."
                )
        rows.append(
            {
                "id": rec.id,
                "section": rec.section,
                "phrase": rec.phrase,
                "printed_value": rec.quantity.value,
                "computed_value": value,
                "status": str(cmp.status),
                "explained": explained,
                "how": how,
                "note": " ".join(_sentence(n) for n in [cmp.note, *notes] if n),
            }
        )
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
