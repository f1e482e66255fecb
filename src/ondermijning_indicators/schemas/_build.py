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


def _listed(values: Any) -> str:
    return ", ".join(str(v) for v in values)


_RULES: dict[str, Callable[[Any], str]] = {
    "gt": lambda v: f"must be more than {v}",
    "ge": lambda v: f"must be at least {v}",
    "lt": lambda v: f"must be less than {v}",
    "le": lambda v: f"must be at most {v}",
    "isin": lambda v: f"must be one of {_listed(v)}",
    "str_matches": lambda v: f"must have the form {v}",
    "str_length": lambda v: (
        "must not be empty"
        if v == {"min_value": 1}
        else f"must be {v.get('min_value', 0)} to {v.get('max_value', 'any number of')} "
        "characters long"
    ),
}
"""Each column check's rule in words: stated here once, as its pandera ``error``, so that
a failure names it (``failure_cases``) and the data dictionary prints it (``check.error``)."""


def column(
    dtype: Any,
    *,
    nullable: bool = False,
    unique: bool = False,
    required: bool = True,
    title: str | None = None,
    description: str | None = None,
    **checks: Any,
) -> pa.Column:
    """Build a column with checks given as keywords (``ge=0``, ``isin=(...)``, ...)."""
    unknown = set(checks) - set(_CHECKS)
    if unknown:
        raise TypeError(f"unknown column check(s): {', '.join(sorted(unknown))}")
    built = [
        make(**checks[key], error=_RULES[key](checks[key]))
        if isinstance(checks[key], Mapping)
        else make(checks[key], error=_RULES[key](checks[key]))
        for key, make in _CHECKS.items()
        if key in checks
    ]
    return pa.Column(
        dtype,
        checks=built,
        nullable=nullable,
        unique=unique,
        required=required,
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
    time: str | None = None,
    whole: str | None = None,
) -> pa.DataFrameSchema:
    """Build a strict table schema.

    ``time`` names the table's period column (``jaar``, ``periode``, ...): selections
    of the table give one value per period unless they bind it. ``whole`` names a
    column of parts (``categorie``): a row with it empty is the whole, a row with a
    value one of its parts, and a selection that does not name the column reads the
    whole only, so that a part is never added to its whole. Both are kept in the
    schema's ``metadata``.
    """
    for role, column_name in (("period", time), ("parts", whole)):
        if column_name is not None and column_name not in columns:
            raise TypeError(f"schema {name!r}: the {role} column {column_name!r} is not a column")
    return pa.DataFrameSchema(
        dict(columns),
        checks=checks or [],
        unique=unique,
        coerce=coerce,
        strict=True,
        name=name,
        description=description,
        metadata={"time": time, "whole": whole} if time else None,
    )


CODE = r"^[a-z0-9_]+$"
"""The form of a category code: lower case, digits and underscores."""


def open_category(
    *, title: str, description: str, reserved: Mapping[str, str] | None = None
) -> pa.Column:
    """Build a column of a category the world adds to (ports, drugs, parties): any code.

    ``reserved`` maps a word that may not be used as a value to the sentence saying
    where that figure belongs instead (e.g. a national total that is not a port).
    """
    checks = [pa.Check.str_matches(CODE, error="must be a code: lower case, digits, _")]
    for word, why in (reserved or {}).items():
        checks.append(pa.Check.notin([word], error=why))
    return pa.Column(str, checks=checks, title=title, description=description)
