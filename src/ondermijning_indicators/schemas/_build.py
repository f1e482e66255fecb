"""Compact construction of pandera object schemas.

The table schemas are `pandera.pandas.DataFrameSchema` objects rather than
`DataFrameModel` classes: pandera turns a model into a schema by classifying its
annotations against every dataframe library it supports, which imports Dask (and
PySpark) when they are installed, on the first validation of each thread. The object
API does not, so validating the report's tables loads no engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa

_CHECKS: dict[str, Callable[..., pa.Check]] = {
    "gt": pa.Check.greater_than,
    "ge": pa.Check.greater_than_or_equal_to,
    "lt": pa.Check.less_than,
    "le": pa.Check.less_than_or_equal_to,
    "isin": pa.Check.isin,
    "str_matches": pa.Check.str_matches,
    "str_length": pa.Check.str_length,
}
"""Column checks by keyword, in the order pandera's ``Field`` builds them."""


def column(
    dtype: Any,
    *,
    nullable: bool = False,
    unique: bool = False,
    title: str | None = None,
    description: str | None = None,
    **checks: Any,
) -> pa.Column:
    """Build a column with checks given as keywords (``ge=0``, ``isin=(...)``, ...)."""
    unknown = set(checks) - set(_CHECKS)
    if unknown:
        raise TypeError(f"unknown column check(s): {', '.join(sorted(unknown))}")
    built = [
        make(**checks[key]) if isinstance(checks[key], Mapping) else make(checks[key])
        for key, make in _CHECKS.items()
        if key in checks
    ]
    return pa.Column(
        dtype,
        checks=built,
        nullable=nullable,
        unique=unique,
        title=title,
        description=description,
    )


def frame_check(
    error: str,
) -> Callable[[Callable[[pd.DataFrame], pd.Series]], pa.Check]:
    """Turn a function of the whole table into a row-wise check named after it."""

    def wrap(func: Callable[[pd.DataFrame], pd.Series]) -> pa.Check:
        return pa.Check(func, name=func.__name__, error=error)

    return wrap


def schema(
    name: str,
    columns: Mapping[str, pa.Column],
    *,
    checks: list[pa.Check] | None = None,
    unique: list[str] | None = None,
    coerce: bool = True,
    description: str | None = None,
) -> pa.DataFrameSchema:
    """Build a strict table schema."""
    return pa.DataFrameSchema(
        dict(columns),
        checks=checks or [],
        unique=unique,
        coerce=coerce,
        strict=True,
        name=name,
        description=description,
    )
