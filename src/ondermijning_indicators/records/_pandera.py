"""The record schemas as pandera schemas, for pipelines that validate with pandera."""

from __future__ import annotations

from typing import Any

import narwhals as nw
import pandas as pd
import pandera.pandas as pa

from ._definitions import (
    SEIZURE_COLUMNS,
    SEIZURE_RULES,
    VERDICT_COLUMNS,
    VERDICT_RULES,
    RecordColumn,
    RecordRule,
)

_DTYPES = {"integer": "int64", "number": "float64", "boolean": "bool", "text": None}


def _check(rule: RecordRule) -> pa.Check:
    def keeps(frame: pd.DataFrame) -> pd.Series:
        broken = nw.from_native(frame, eager_only=True).select(x=rule.failing())["x"]
        kept: pd.Series = ~broken.to_native()
        return kept.set_axis(frame.index)

    return pa.Check(keeps, name=rule.name, error=rule.description)


def _schema(
    name: str, columns: tuple[RecordColumn, ...], rules: tuple[RecordRule, ...]
) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            c.name: pa.Column(
                _DTYPES[c.kind],
                nullable=c.nullable,
                coerce=c.kind in ("integer", "number", "boolean"),
                description=c.description,
            )
            for c in columns
        },
        checks=[_check(r) for r in rules if not r.about_emptiness],
        name=name,
        strict=False,
    )


def verdict_schema() -> Any:
    """Return the verdict record schema as a pandera schema for pandas dataframes.

    The same columns and rules as `validate_verdicts` (which also runs on Polars,
    DuckDB, Dask and Spark, and is faster); for pipelines that validate with pandera.

    Returns
    -------
    pandera.pandas.DataFrameSchema

    Examples
    --------
    >>> from ondermijning_indicators.records import generate_verdicts, verdict_schema
    >>> records = generate_verdicts(seed=2)
    >>> len(verdict_schema().validate(records))
    7057
    """
    return _schema("verdict records", VERDICT_COLUMNS, VERDICT_RULES)


def seizure_schema() -> Any:
    """Return the seizure record schema as a pandera schema for pandas dataframes.

    Returns
    -------
    pandera.pandas.DataFrameSchema

    Examples
    --------
    >>> import pandas as pd
    >>> from ondermijning_indicators.records import seizure_schema
    >>> objects = pd.DataFrame({"jaar": [2022], "soort": ["overig"], "waarde_eur": [-1.0]})
    >>> try:
    ...     seizure_schema().validate(objects, lazy=True)
    ... except Exception as error:
    ...     print(sorted(set(error.failure_cases["check"])))
    ['waarde_eur is a finite amount of at least 0 euro']
    """
    return _schema("seizure records", SEIZURE_COLUMNS, SEIZURE_RULES)
