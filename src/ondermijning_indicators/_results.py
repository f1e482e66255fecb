"""Every indicator for every period the tables support, as one tidy, described table.

:func:`compute` applies each registered metric to the tables through the inputs the
metric declares at its registration (`ondermijning_indicators._registry.Inputs`);
there is no wiring per metric here, so a new metric is computed as soon as it is
registered, and a new year is new rows. A metric whose tables are absent, or that no
table feeds, is listed as skipped with the reason; so is a period one of its tables
lacks, and a value that is undefined (a zero denominator).

The result has one row per metric, period and category, in explicit columns
(`result_schema`, a pandera schema from which the column list, the written
``datapackage.json`` and the documentation are generated). A year a trajectory fills
in between supplied values is marked ``filled_in``; a supplied value is never
replaced. Each row names the cells it was computed from (``inputs``, in the
selection grammar of the published-figure records) and carries the metric's caveats
and the catalogue's caveats about exactly those cells.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ._editions import Catalogue, Tables, load_edition
from ._registry import Application, MetricMeta, iter_metrics
from ._selection import Selection
from ._validation import select, selected_rows
from ._writers import check_target, neutralise_text, sha256, staged, to_csv
from .errors import IndicatorError, InvalidInputError, UndefinedMetricWarning
from .schemas import time_column

__all__ = ["ComputeResult", "compute", "result_schema", "write_results"]

SKIPPED_COLUMNS = ["metric", "kind", "reason"]
SKIP_KINDS = {
    "not_from_tables": "the metric is not computed from tables (a conversion, an aid)",
    "missing_table": "a table it reads is not among the tables given",
    "missing_period": "a period one of its tables lacks",
    "no_period": "the tables give no period it applies to",
    "undefined": "a value that is undefined for the data (a zero denominator)",
    "error": "a value the data do not allow to compute (the reason says why)",
}
"""Why a metric, or one of its values, is listed as skipped. ``undefined`` and ``error``
are values the data should have given: the command line's exit status says so."""
NOT_COMPUTED = frozenset({"undefined", "error"})


@dataclass(frozen=True)
class _Skip:
    kind: str
    reason: str


@dataclass(frozen=True)
class ComputeResult:
    """The indicators computed from a set of tables, and what could not be computed."""

    values: pd.DataFrame
    skipped: pd.DataFrame
    read_from: tuple[Path, ...] = ()
    """The folders the tables were read from (a user's folder, and its tables/): a result
    is not written into them, where it would be read as a table of the folder next time."""


def category_columns() -> tuple[str, ...]:
    """Return the category columns of the result: every ``key=*`` of every declared input."""
    found = {
        key
        for meta in iter_metrics()
        if meta.inputs is not None
        for sel in meta.inputs.selections
        for key in sel.categories
    }
    return tuple(sorted(found))


def _text(title: str, description: str, *, nullable: bool = False) -> pa.Column:
    return pa.Column(str, nullable=nullable, title=title, description=description)


@functools.cache
def result_schema() -> pa.DataFrameSchema:
    """Return the schema of `compute`'s ``values``: its columns, their types and meaning.

    The category columns are those the metrics' declared inputs give one value per
    (``key=*``): a column named after the table column, empty where a metric has no
    such category.

    Examples
    --------
    >>> from ondermijning_indicators import result_schema
    >>> list(result_schema().columns)[:6]
    ['metric', 'label_nl', 'label_en', 'period', 'year', 'series']
    """
    categories = {
        name: _text(
            name,
            f"Category: the value is for {name} = this code (a column of the table the "
            "metric reads); empty where the metric is not per this category.",
            nullable=True,
        )
        for name in category_columns()
    }
    columns: dict[str, pa.Column] = {
        "metric": _text("Metric", "Id of the registered metric."),
        "label_nl": _text("Label (nl)", "Dutch label of the metric."),
        "label_en": _text("Label (en)", "English label of the metric."),
        "period": _text(
            "Period",
            "The period the value is for: a year ('2022'), a span of years ('2023-2027'), "
            "or a period word of the table ('structureel'); bound periods of different "
            "inputs are joined by '/'.",
        ),
        "year": pa.Column(
            "Int64",
            nullable=True,
            title="Year",
            description="The period as an integer, where the period is one year.",
        ),
        "series": _text(
            "Series",
            "For a metric applied to series (a change from year to year, a growth over a "
            "span, a trajectory): the declared selection the value is of; empty otherwise.",
            nullable=True,
        ),
        **categories,
        "component": _text(
            "Component",
            "For a metric that gives several numbers at once (fte_groei: absoluut, factor, "
            "jaarlijks): which one; empty otherwise.",
            nullable=True,
        ),
        "value": pa.Column(float, title="Value", description="The value, in the metric's unit."),
        "unit": _text("Unit", "Unit of the value, with its scale."),
        "filled_in": pa.Column(
            bool,
            title="Filled in",
            description=(
                "True for a year a trajectory fills in between supplied values; False for a "
                "value computed from (or equal to) supplied values."
            ),
        ),
        "inputs": _text(
            "Inputs",
            "The cells the value was computed from, per argument, in the selection grammar "
            "of the published-figure records (table:column[key=value,...]).",
        ),
        "caveats": _text(
            "Caveats",
            "The metric's caveats, and the catalogue's caveats about exactly the cells it "
            "read, separated by ' | '.",
        ),
    }
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        name="indicatoren",
        description=(
            "Every indicator for every period and category the tables support, one row "
            "each, computed by ondermijning_indicators.compute."
        ),
    )


# --------------------------------------------------------------------------- evaluation


@dataclass
class _Row:
    period: str
    categories: dict[str, Any]
    value: float
    selections: list[tuple[str, Selection]]
    series: str | None = None
    component: str | None = None
    filled_in: bool = False


def _time(sel: Selection) -> str | None:
    return time_column(sel.table)


def _as_frame(values: Any, sel: Selection, name: str) -> pd.DataFrame:
    """Return a selection's values as a frame: key columns, and the value in column ``name``."""
    if not isinstance(values, pd.Series):
        return pd.DataFrame({name: [values]})
    return values.rename(name).reset_index()


def _is_year(value: Any) -> bool:
    return isinstance(value, int | np.integer) or (
        isinstance(value, str) and len(value) == 4 and value.isascii() and value.isdigit()
    )


def _period_text(value: Any) -> str:
    return str(int(value)) if isinstance(value, int | np.integer | float) else str(value)


def _call(meta: MetricMeta, *args: Any, **kwargs: Any) -> tuple[Any, list[_Skip]]:
    """Call a metric; where it supports it, a zero denominator gives NaN and a reason."""
    params = inspect.signature(meta.func).parameters
    if "zero_division" in params:
        kwargs.setdefault("zero_division", np.nan)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UndefinedMetricWarning)
        result = meta.func(*args, **kwargs)
    reasons = [
        _Skip("undefined", str(w.message))
        for w in caught
        if issubclass(w.category, UndefinedMetricWarning)
    ]
    return result, reasons


def _per_period(meta: MetricMeta, tables: Mapping[str, pd.DataFrame]) -> Iterator[_Row | _Skip]:
    assert meta.inputs is not None
    arguments = meta.inputs.arguments
    frames: dict[str, pd.DataFrame] = {}
    times: set[str] = set()
    bound: list[str] = []
    for arg, sel in arguments.items():
        time = _time(sel)
        values = select(sel, tables[sel.table])
        frames[arg] = _as_frame(values, sel, arg)
        if time and time in frames[arg].columns:
            times.add(time)
        elif time and sel.filtered(time):
            bound += [v for k, vs in sel.filters if k == time for v in vs]
    if len(times) > 1:
        raise InvalidInputError(
            f"{meta.id}: its inputs have different period columns ({', '.join(sorted(times))})"
        )
    time = next(iter(times), None)
    joined: pd.DataFrame | None = None
    for frame in frames.values():
        if joined is None:
            joined = frame
            continue
        on = [c for c in frame.columns if c in joined.columns and c not in arguments]
        joined = joined.merge(frame, on=on, how="inner") if on else joined.merge(frame, how="cross")
    assert joined is not None
    if time is not None:
        every = set().union(*(set(f[time]) for f in frames.values() if time in f.columns))
        missing = sorted(every - set(joined[time]), key=str)
        if missing:
            yield _Skip(
                "missing_period",
                f"{time} {', '.join(_period_text(m) for m in missing)} not computed: not "
                "every table it needs has the year",
            )
    if joined.empty:
        return
    keys = [c for c in joined.columns if c not in arguments]
    index = _index(joined[keys])
    args = {arg: pd.Series(joined[arg].to_numpy(dtype="float64"), index=index) for arg in arguments}
    result, reasons = _call(meta, **args, **meta.inputs.fixed)
    yield from reasons
    values = np.asarray(result, dtype="float64").reshape(-1)
    period_default = "/".join(dict.fromkeys(bound))
    records = cast(list[dict[str, Any]], joined[keys].to_dict("records"))
    for rec, value in zip(records, values, strict=True):
        if np.isnan(value):
            continue
        period = _period_text(rec[time]) if time else period_default
        cats = {k: v for k, v in rec.items() if k != time}
        sels = [
            (arg, sel.bind({k: v for k, v in rec.items() if k in _free(sel)}, first=_time(sel)))
            for arg, sel in arguments.items()
        ]
        yield _Row(period, cats, float(value), sels)


def _index(keys: pd.DataFrame) -> pd.Index:
    """Return the rows' keys as an index whose labels name them (``jaar 2022`` in messages)."""
    if keys.shape[1] == 0:
        return pd.RangeIndex(len(keys))
    if keys.shape[1] == 1:
        single: pd.Index = pd.Index(keys.iloc[:, 0], name=str(keys.columns[0]))
        return single
    return pd.MultiIndex.from_frame(keys)


def _free(sel: Selection) -> set[str]:
    """Return the keys a selection leaves free: its categories, and its period unless bound."""
    time = _time(sel)
    free = set(sel.categories)
    if time and not sel.filtered(time) and not sel.reduce:
        free.add(time)
    return free


def _year_series(sel: Selection, tables: Mapping[str, pd.DataFrame]) -> pd.Series:
    """Return a declared series, indexed by (year, categories...), years only, as integers."""
    time = _time(sel)
    if not np.asarray(selected_rows(sel, tables[sel.table])).any():
        return pd.Series(dtype="float64")  # the table holds no row of this series
    values = select(sel, tables[sel.table])
    if not isinstance(values, pd.Series) or time is None or time not in values.index.names:
        raise InvalidInputError(f"{sel}: a series needs a free period column")
    frame = values.rename("value").reset_index()
    frame = frame[frame[time].map(_is_year)]
    frame[time] = frame[time].astype(int)
    return frame.set_index([time, *sel.categories])["value"].astype("float64").sort_index()


def _declared_series(
    meta: MetricMeta, tables: Mapping[str, pd.DataFrame]
) -> Iterator[tuple[Selection, str, pd.Series]]:
    """Each declared series whose table is present and has years: (selection, period, values)."""
    assert meta.inputs is not None
    for sel in meta.inputs.series:
        if sel.table not in tables:
            continue
        time = _time(sel)
        assert time is not None
        values = _year_series(sel, tables)
        if not values.empty:
            yield sel, time, values


def _consecutive(meta: MetricMeta, tables: Mapping[str, pd.DataFrame]) -> Iterator[_Row | _Skip]:
    for sel, time, current in _declared_series(meta, tables):
        previous = current.rename("vorig").reset_index()
        previous[time] = previous[time] + 1
        pairs = (
            current.rename("huidig")
            .reset_index()
            .merge(previous, on=[time, *sel.categories], how="inner")
        )
        if pairs.empty:
            continue
        keys = [time, *sel.categories]
        index = _index(pairs[keys])
        result, reasons = _call(
            meta,
            pd.Series(pairs["vorig"].to_numpy(), index=index),
            pd.Series(pairs["huidig"].to_numpy(), index=index),
        )
        yield from reasons
        for rec, value in zip(
            pairs[keys].to_dict("records"), np.asarray(result).reshape(-1), strict=True
        ):
            if np.isnan(value):
                continue
            cats = {k: rec[k] for k in sel.categories}
            year = int(rec[time])
            yield _Row(
                str(year),
                cats,
                float(value),
                [
                    ("vorig", sel.bind({time: year - 1, **cats}, first=time)),
                    ("huidig", sel.bind({time: year, **cats}, first=time)),
                ],
                series=str(sel),
            )


def _groups(
    series: pd.Series, categories: Sequence[str]
) -> Iterator[tuple[dict[str, Any], pd.Series]]:
    """Return the series per category (one group when it has none), indexed by year."""
    if not categories:
        yield (
            {},
            series.droplevel(list(range(1, series.index.nlevels)))
            if series.index.nlevels > 1
            else series,
        )
        return
    for key, group in series.groupby(level=list(categories), sort=True):
        key_t = key if isinstance(key, tuple) else (key,)
        yield dict(zip(categories, key_t, strict=True)), group.droplevel(list(categories))


def _span(meta: MetricMeta, tables: Mapping[str, pd.DataFrame]) -> Iterator[_Row | _Skip]:
    params = inspect.signature(meta.func).parameters
    for sel, time, series in _declared_series(meta, tables):
        for cats, group in _groups(series, sel.categories):
            if len(group) < 2:
                continue
            first, last = int(group.index.min()), int(group.index.max())
            kwargs: dict[str, Any] = {}
            if "begin_jaar" in params:
                kwargs.update(begin_jaar=first, eind_jaar=last)
            if "jaren" in params:
                kwargs["jaren"] = last - first
            result, reasons = _call(meta, float(group[first]), float(group[last]), **kwargs)
            yield from reasons
            parts = result._asdict() if hasattr(result, "_asdict") else {None: result}
            sels = [
                ("begin", sel.bind({time: first, **cats}, first=time)),
                ("eind", sel.bind({time: last, **cats}, first=time)),
            ]
            for component, value in parts.items():
                if np.isnan(float(value)):
                    continue
                yield _Row(
                    f"{first}-{last}", cats, float(value), sels, series=str(sel),
                    component=component,
                )  # fmt: skip


def _series(meta: MetricMeta, tables: Mapping[str, pd.DataFrame]) -> Iterator[_Row | _Skip]:
    assert meta.inputs is not None
    for sel, time, series in _declared_series(meta, tables):
        cats = list(sel.categories)
        if cats:
            wide = series.unstack(time)
        else:
            wide = series.to_frame().T
            wide.index = pd.RangeIndex(1)
        wide = wide.reindex(columns=sorted(wide.columns))
        result, reasons = _call(meta, wide, **meta.inputs.fixed)
        yield from reasons
        rows = (
            cast(list[dict[str, Any]], wide.index.to_frame(index=False).to_dict("records"))
            if cats
            else [{}]
        )
        if isinstance(result, pd.DataFrame):
            yield from _filled_rows(sel, time, wide, result, rows)
            continue
        values = np.asarray(result, dtype="float64").reshape(-1)
        for (i, cat), value in zip(enumerate(rows), values, strict=True):
            given = wide.iloc[i].dropna()
            if np.isnan(value) or given.empty:
                continue
            first, last = int(given.index.min()), int(given.index.max())
            years = [int(y) for y in given.index]
            yield _Row(
                f"{first}-{last}", cat, float(value),
                [("waarden", sel.bind({time: years, **cat}, first=time))], series=str(sel),
            )  # fmt: skip


def _filled_rows(
    sel: Selection,
    time: str,
    wide: pd.DataFrame,
    result: pd.DataFrame,
    rows: list[dict[str, Any]],
) -> Iterator[_Row]:
    """Rows of a metric that fills in years: supplied years kept, filled ones marked."""
    given = wide.reindex(index=result.index, columns=result.columns)
    supplied = given.notna().to_numpy()
    years = np.asarray(result.columns, dtype=np.int64)
    positions = np.where(supplied, np.arange(len(years)), -1)
    before = np.maximum.accumulate(positions, axis=1)
    after_pos = np.where(supplied, np.arange(len(years)), len(years))
    after = np.minimum.accumulate(after_pos[:, ::-1], axis=1)[:, ::-1]
    values = result.to_numpy(dtype="float64")
    for i, cat in enumerate(rows):
        for j, year in enumerate(years):
            value = values[i, j]
            if np.isnan(value):
                continue
            if supplied[i, j]:
                read: int | list[int] = int(year)
            else:
                read = [int(years[before[i, j]]), int(years[after[i, j]])]
            yield _Row(
                str(int(year)), cat, float(value),
                [("waarden", sel.bind({time: read, **cat}, first=time))],
                series=str(sel), filled_in=not supplied[i, j],
            )  # fmt: skip


_APPLY: dict[
    Application,
    Callable[[MetricMeta, Mapping[str, pd.DataFrame]], Iterator[_Row | _Skip]],
] = {
    Application.PER_PERIOD: _per_period,
    Application.CONSECUTIVE: _consecutive,
    Application.SPAN: _span,
    Application.SERIES: _series,
}


def _caveats(
    meta: MetricMeta, row: _Row, catalogue: Catalogue, tables: Mapping[str, pd.DataFrame]
) -> str:
    cells = [sel for _, sel in row.selections]
    notes = list(meta.caveats)
    notes += catalogue.caveats_for(cells, tables)
    notes += _bounds(cells, tables)
    return " | ".join(dict.fromkeys(notes))


def _bounds(cells: Sequence[Selection], tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Return a note per table whose cells read are printed as a bound or approximation."""
    notes = []
    for sel in cells:
        frame = tables.get(sel.table)
        if frame is None or "kwalificatie" not in frame.columns:
            continue
        words = frame.loc[selected_rows(sel, frame), "kwalificatie"].dropna().astype(str)
        words = [w for w in dict.fromkeys(words) if w]
        if words:
            notes.append(
                f"{sel.table}: a cell read is printed as a bound or approximation "
                f"({', '.join(words)}); the value is computed from the printed number"
            )
    return notes


def compute(
    tables: Mapping[str, pd.DataFrame] | None = None, *, edition: str | None = None
) -> ComputeResult:
    """Compute every registered metric for every period (and category) the tables support.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables (from `ondermijning_indicators.load_tables`); default the
        tables of ``edition``. Tables loaded with a catalogue bring its caveats; a plain
        mapping brings none.
    edition : str, optional
        A bundled edition; default the latest.

    Returns
    -------
    ComputeResult
        ``values``: one row per metric, period and category, with the columns of
        `result_schema` (validated against it); ``skipped``: one row per metric not
        computed, and per period or value a metric could not be computed for, with the
        reason (``metric``, ``reason``).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.compute()
    >>> v = result.values.set_index(["metric", "period"])
    >>> round(float(v.loc[("aandeel_vrijheidsstraffen", "2022"), "value"]), 4)
    0.8069
    >>> trajectory = result.values.query("metric == 'aangevuld_traject' and partij == 'politie'")
    >>> trajectory[["year", "value", "filled_in"]].to_numpy().tolist()
    [[2023, 190000000.0, False], [2024, 200000000.0, True], [2025, 210000000.0, True],
     [2026, 220000000.0, False]]
    >>> sorted(set(result.skipped["metric"]) - set(result.values["metric"]))
    ['bedrag_in_euro', 'traject', 'zonder_uitschieter']
    """
    if tables is None:
        tables = load_edition(edition).tables()
    catalogue = tables.catalogue if isinstance(tables, Tables) else Catalogue()
    categories = category_columns()
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    for meta in iter_metrics():
        if meta.inputs is None:
            skipped.append(
                {"metric": meta.id, "reason": f"not from tables: {meta.not_from_tables}"}
            )
            continue
        needed = meta.inputs.tables
        present = [t for t in needed if t in tables]
        if meta.inputs.application is Application.PER_PERIOD:
            missing = [t for t in needed if t not in tables]
        else:  # a metric of series runs on the series whose table is present
            missing = [] if present else list(needed)
        if missing:
            skipped.append(
                {"metric": meta.id, "reason": f"needs the table(s) {', '.join(missing)}"}
            )
            continue
        produced: list[_Row] = []
        reasons: list[_Skip] = []
        try:
            for item in _APPLY[meta.inputs.application](meta, tables):
                if isinstance(item, _Skip):
                    reasons.append(item)
                else:
                    produced.append(item)
        except IndicatorError as exc:
            reasons.append(_Skip("error", f"cannot be computed: {exc}"))
        except (ArithmeticError, ValueError, TypeError, KeyError, IndexError) as exc:
            # The data reached a case the metric's own checks do not name: one metric
            # is skipped with the reason, and every other is still computed.
            reasons.append(_Skip("error", f"cannot be computed ({type(exc).__name__}: {exc})"))
        if not produced and not reasons:
            reasons.append(_Skip("no_period", "the tables give no period it applies to"))
        skipped += [{"metric": meta.id, "kind": r.kind, "reason": r.reason} for r in reasons]
        if not produced:
            continue
        for row in produced:
            rows.append(
                {
                    "metric": meta.id,
                    "label_nl": meta.label_nl,
                    "label_en": meta.label_en,
                    "period": row.period,
                    "year": int(row.period) if _is_year(row.period) else None,
                    "series": row.series,
                    **dict.fromkeys(categories),
                    **{k: str(v) for k, v in row.categories.items()},
                    "component": row.component,
                    "value": row.value,
                    "unit": str(meta.unit),
                    "filled_in": row.filled_in,
                    "inputs": "; ".join(f"{arg}={sel}" for arg, sel in row.selections),
                    "caveats": _caveats(meta, row, catalogue, tables),
                }
            )
    schema = result_schema()
    if rows:
        values = pd.DataFrame(rows, columns=list(schema.columns)).astype({"year": "Int64"})
        for column in ("series", "component", *categories):
            values[column] = values[column].astype(object).where(values[column].notna(), None)
    else:  # nothing the tables support: the columns, typed, and no row
        values = pd.DataFrame(
            {name: pd.Series(dtype=column.dtype.type) for name, column in schema.columns.items()}
        )
    values = schema.validate(values)
    origin = tables.edition if isinstance(tables, Tables) else None
    read_from = (
        (origin.root.resolve(), origin.tables_dir.resolve())
        if origin is not None and not origin.bundled
        else ()
    )
    return ComputeResult(
        values=values,
        skipped=pd.DataFrame(skipped, columns=SKIPPED_COLUMNS),
        read_from=read_from,
    )


# --------------------------------------------------------------------------- writing

_FRICTIONLESS_TYPES = {"Int64": "integer", "float64": "number", "bool": "boolean"}


def datapackage_fields() -> list[dict[str, str]]:
    """Return the fields of the written result, for ``datapackage.json``, from `result_schema`."""
    fields = []
    for name, column in result_schema().columns.items():
        fields.append(
            {
                "name": name,
                "type": _FRICTIONLESS_TYPES.get(str(column.dtype), "string"),
                "title": column.title or name,
                "description": column.description or "",
            }
        )
    return fields


def write_results(
    result: ComputeResult, path: str | os.PathLike[str], *, overwrite: bool = False
) -> list[Path]:
    """Write computed indicators, with ``datapackage.json`` beside them.

    The format follows the file's suffix: ``.csv``, ``.parquet``, ``.json`` or
    ``.xlsx``. The ``datapackage.json`` (a frictionless data package) describes every
    column, from `result_schema`, lists the skipped metrics, and holds the data file's
    size and SHA-256, so that a reader can tell a data file from another run (or one
    cut short) from the one it describes. Both are staged and moved into place, the
    data first; text cells a spreadsheet would run as a formula are neutralised in CSV
    and Excel output. On any error no file is left behind.

    Raises
    ------
    OutputExistsError
        If the data file or ``datapackage.json`` exists and ``overwrite`` is False.
    InvalidInputError
        For another suffix, a folder given as the file, the name ``datapackage.json``,
        or the folder the tables were read from.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import ondermijning_indicators as oi
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "indicatoren.csv"
    >>> [p.name for p in oi.write_results(oi.compute(), out)]
    ['indicatoren.csv', 'datapackage.json']
    """
    target = Path(path)
    suffix = target.suffix.lower()
    check_target(target, what="write_results")
    if target.name == _PACKAGE:
        raise InvalidInputError(
            f"write_results: {_PACKAGE} is the description written beside the data; give the "
            "data file another name, e.g. indicatoren.csv"
        )
    if suffix not in {".csv", ".parquet", ".json", ".xlsx"}:
        named = target.name.lower() in {".csv", ".parquet", ".json", ".xlsx"}
        raise InvalidInputError(
            f"write_results: cannot write {target.name}; "
            + (
                f"give the file a name before its suffix, e.g. indicatoren{target.name}"
                if named
                else "use .csv, .parquet, .json or .xlsx"
            )
        )
    if target.parent.resolve() in result.read_from:
        raise InvalidInputError(
            f"write_results: cannot write {target} into {target.parent}, the folder of tables "
            "it is computed from: it would be read as a table of that folder next time; "
            "write it elsewhere"
        )
    _refuse_another_package(target)
    names = [target.name, _PACKAGE]
    with staged(target.parent, names, overwrite=overwrite, what="write_results") as staging:
        data = staging / target.name
        values = result.values
        if suffix == ".csv":
            to_csv(neutralise_text(values, numbers=["year", "value"]), data)
        elif suffix == ".xlsx":
            with pd.ExcelWriter(data, engine="openpyxl") as writer:
                neutralise_text(values, numbers=["year", "value"]).to_excel(
                    writer, sheet_name="indicatoren", index=False
                )
                neutralise_text(result.skipped).to_excel(
                    writer, sheet_name="overgeslagen", index=False
                )
        elif suffix == ".parquet":
            values.to_parquet(data, index=False)
        else:
            data.write_text(values.to_json(orient="records", force_ascii=False, indent=1), "utf-8")
        resource: dict[str, Any] = {
            "name": "indicatoren",
            "path": target.name,
            "format": suffix.lstrip("."),
            "description": result_schema().description,
            "bytes": data.stat().st_size,
            "hash": f"sha256:{sha256(data)}",
            "schema": {"fields": datapackage_fields()},
        }
        if suffix == ".csv":
            resource["mediatype"] = "text/csv"
            resource["encoding"] = "utf-8"
        package = {
            "name": "ondermijning-indicatoren",
            "title": (
                "Indicators of the Voortgangsrapportage georganiseerde, ondermijnende criminaliteit"
            ),
            "resources": [resource],
            "skipped": result.skipped.to_dict("records"),
        }
        (staging / _PACKAGE).write_text(
            json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return [target.parent / n for n in names]


_PACKAGE = "datapackage.json"


def _refuse_another_package(target: Path) -> None:
    """Refuse to replace a ``datapackage.json`` that describes another data file.

    One folder holds one result and its description; ``--force`` replaces that result,
    never the description of another one (which would lose its size and checksum).
    """
    package = target.parent / _PACKAGE
    if not package.is_file():
        return
    try:
        described = [
            str(r.get("path"))
            for r in json.loads(package.read_text(encoding="utf-8")).get("resources", [])
        ]
    except (OSError, ValueError, AttributeError):
        return  # not ours to read: replaced only with overwrite, as any file
    others = [p for p in described if p != target.name and (target.parent / p).exists()]
    if others:
        raise InvalidInputError(
            f"write_results: {package} describes {', '.join(others)}, another result in "
            f"this folder; write {target.name} to a folder of its own (one result and its "
            f"{_PACKAGE} per folder)"
        )
