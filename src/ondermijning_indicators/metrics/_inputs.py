"""Argument handling shared by all metrics: alignment on years and checks.

Metrics accept scalars, numpy arrays and pandas Series. `align` turns the
arguments into float arrays of one shape and remembers how to give the result
back in the caller's kind; the ``check_*`` helpers raise the package's errors
with the metric, the argument, the offending values and where they occur.

No metric passes its id to these helpers: a registered metric is running under it
(`ondermijning_indicators._registry.current_metric`), and the helpers read it there.
A helper called outside a metric names itself.
"""

from __future__ import annotations

import numbers
import re
import sys
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._registry import current_metric, naming
from ..errors import (
    InvalidInputError,
    MisalignedYearsError,
    NegativeCountError,
    PartExceedsWholeError,
    UndefinedMetricWarning,
    ZeroDenominatorError,
)

FloatArray: TypeAlias = npt.NDArray[np.float64]
ArrayLike: TypeAlias = "float | int | np.number[Any] | npt.NDArray[Any] | pd.Series[Any]"
"""What a metric accepts: a number, a numpy array, or a Series indexed by year."""
MetricValue: TypeAlias = "float | npt.NDArray[np.float64] | pd.Series[float]"
"""What a metric returns: a float for scalars, else an array or Series like its input."""
ZeroDivision: TypeAlias = "Literal['raise'] | float"
M = TypeVar("M", float, "npt.NDArray[Any]", "pd.Series[Any]")
"""The kind of a metric's first argument, which is the kind of its result: a float for
numbers, an array for arrays, a Series (indexed by year) for Series."""

_MAX_SHOWN = 6


@dataclass(frozen=True)
class Aligned:
    """Arguments of one metric call as float arrays of one shape."""

    metric: str
    values: Mapping[str, FloatArray]
    kind: Literal["scalar", "array", "series"]
    index: pd.Index | None

    def where(self, mask: npt.NDArray[np.bool_]) -> list[str]:
        """Describe the positions where ``mask`` holds ("jaar 2021", "position 3")."""
        positions = np.argwhere(mask)
        out: list[str] = []
        for pos in positions:
            if self.index is not None:  # a Series' years (the index is None otherwise)
                label = self.index[int(pos[0])]
                if isinstance(self.index, pd.MultiIndex):
                    names = [n or f"level {i}" for i, n in enumerate(self.index.names)]
                    out.append(", ".join(f"{n} {v}" for n, v in zip(names, label, strict=True)))
                else:
                    out.append(f"{self.index.name or 'index'} {label}")
            elif self.kind == "array":
                out.append(
                    f"position {tuple(int(p) for p in pos) if len(pos) > 1 else int(pos[0])}"
                )
            else:
                out.append("")
        return out

    def wrap(self, result: FloatArray) -> MetricValue:
        """Return ``result`` in the kind of the inputs: float, ndarray or Series."""
        if self.kind == "scalar":
            return float(result.item())  # the one value of a 0-d array
        if self.kind == "series":
            return pd.Series(result, index=self.index, name=self.metric, dtype="float64")
        return result


def _describe(value: Any) -> str:
    return type(value).__name__


_EXACT_INTEGER = 2**53
"""Above this a whole number has no exact float64; a count beyond it is refused."""
_NUMBER_KINDS = {"integer", "floating", "mixed-integer-float", "decimal", "empty"}
"""What `pandas.api.types.infer_dtype` calls an object array that holds only numbers."""


def _refuse(
    metric: str,
    name: str,
    value: Any,
    what: str,
    hint: str = (
        "convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)"
    ),
) -> InvalidInputError:
    return InvalidInputError(
        f"{metric}: `{name}` must hold numbers, got {what} (values such as "
        f"{_sample(value)!r}); {hint}"
    )


def _beyond_exact(raw: Any) -> npt.NDArray[np.bool_] | None:
    """Where a whole-number input lies beyond 2^53; None for an input of floats."""
    dtype = raw.dtype
    if pd.api.types.is_object_dtype(dtype):
        big = np.frompyfunc(
            lambda x: isinstance(x, numbers.Integral) and abs(int(x)) > _EXACT_INTEGER, 1, 1
        )
        return np.asarray(big(np.asarray(raw, dtype=object)), dtype=bool)
    if not pd.api.types.is_integer_dtype(dtype):
        return None
    unsigned = pd.api.types.is_unsigned_integer_dtype(dtype)
    flat = raw.reshape(-1) if isinstance(raw, np.ndarray) else raw
    ints = np.asarray(
        pd.array(flat).to_numpy(dtype="uint64" if unsigned else "int64", na_value=0)
    ).reshape(np.shape(raw))
    if unsigned:
        return np.asarray(ints > _EXACT_INTEGER)
    return np.asarray((ints > _EXACT_INTEGER) | (ints < -_EXACT_INTEGER))


def to_float_array(name: str, value: Any) -> FloatArray:
    """Return the numbers of one argument as floats, refusing what is not a number.

    Text, booleans, dates, periods, categories and complex numbers are refused, never
    converted ("1.238" is not a number here, nor is True one); so is a whole number
    beyond 2^53, which float64 cannot hold exactly (a count that large would be
    rounded, and a part could pass as smaller than its whole).
    """
    metric = current_metric("to_float_array")
    raw: Any
    if isinstance(value, np.ma.MaskedArray):
        # a masked value is missing (NaN), never the number hidden under the mask
        value = np.array(value.tolist(), dtype=object)
    if isinstance(value, pd.Series):
        raw = value.array
    else:
        try:
            raw = np.asarray(value)
        except ValueError:
            raise _refuse(
                metric, name, value, "lists of unequal length", "give an array of one shape"
            ) from None
    dtype = raw.dtype
    if pd.api.types.is_bool_dtype(dtype):
        raise _refuse(metric, name, value, "booleans (True/False)", "pass counts or amounts")
    if pd.api.types.is_complex_dtype(dtype):
        raise _refuse(metric, name, value, "complex numbers", "pass real counts or amounts")
    if pd.api.types.is_object_dtype(dtype):
        kind = pd.api.types.infer_dtype(np.asarray(raw, dtype=object), skipna=True)
        if kind not in _NUMBER_KINDS:
            what = "text" if kind in {"string", "bytes"} else f"{kind} values"
            raise _refuse(metric, name, value, f"{_describe(value)} of {what}")
    elif pd.api.types.is_string_dtype(dtype) or getattr(dtype, "kind", "") in {"U", "S"}:
        raise _refuse(metric, name, value, f"{_describe(value)} of text")
    elif not pd.api.types.is_numeric_dtype(dtype):
        raise _refuse(
            metric, name, value, f"{_describe(value)} of {dtype}", "pass counts or amounts"
        )
    big = _beyond_exact(raw)
    if big is not None and big.any():
        shown = np.asarray(raw, dtype=object).reshape(-1)[big.reshape(-1)][:_MAX_SHOWN]
        labels = (
            f" for {value.index.name or 'index'} {join_labels(value.index[big])}"
            if isinstance(value, pd.Series)
            else ""
        )
        raise InvalidInputError(
            f"{metric}: `{name}` holds {', '.join(f'{int(v):,}' for v in shown)}{labels}, "
            f"beyond 2^53 = {_EXACT_INTEGER:,}, the largest whole number a float64 holds "
            "exactly; a count this large would be rounded"
        )
    try:
        if isinstance(value, pd.Series):
            return np.asarray(value.to_numpy(dtype="float64", na_value=np.nan), dtype="float64")
        return np.asarray(raw, dtype="float64")
    except (TypeError, ValueError, OverflowError):
        raise _refuse(metric, name, value, _describe(value)) from None


def _sample(value: Any) -> Any:
    if isinstance(value, pd.Series):
        return value.head(3).tolist()
    if isinstance(value, np.ndarray):
        return value.reshape(-1)[:3].tolist()
    return value


def _is_scalar(value: Any) -> bool:
    """Return whether ``value`` is one number (of any numeric type, or a 0-d array)."""
    if isinstance(value, bool | np.bool_ | pd.Series | str | bytes | list | tuple):
        return False
    return isinstance(value, numbers.Number) or bool(
        isinstance(value, np.ndarray | np.generic) and value.ndim == 0
    )


def align(metric: str | None = None, /, **arguments: Any) -> Aligned:
    """Bring the arguments of the metric being called to float arrays of one shape.

    Series must cover the same years (index labels) in any order; the result
    follows the order of the first Series. Series and numpy arrays cannot be
    mixed, since an array has no years to align on. Scalars broadcast.

    The messages and the name of a Series result are the `current_metric`'s; outside
    a metric, ``metric`` names the caller (as `naming` does), else "align".

    Raises
    ------
    InvalidInputError
        For text, booleans, mixed Series and arrays, duplicate years or shapes
        that do not broadcast.
    MisalignedYearsError
        If two Series do not cover the same years.
    """
    if metric is not None:
        with naming(metric):
            return align(**arguments)
    metric = current_metric("align")
    series = {k: v for k, v in arguments.items() if isinstance(v, pd.Series)}
    arrays = {
        k: v for k, v in arguments.items() if not isinstance(v, pd.Series) and not _is_scalar(v)
    }
    for name, value in arguments.items():
        if isinstance(value, bool | np.bool_ | str | bytes) or value is None:
            raise InvalidInputError(
                f"{metric}: `{name}` must be a number, array or Series, got {value!r}"
            )
        if isinstance(value, pd.DataFrame):
            # its columns would be paired with another argument's by position, not name
            raise InvalidInputError(
                f"{metric}: `{name}` is a DataFrame (columns {join_labels(value.columns)}); "
                "pass one column at a time, as a Series indexed by year"
            )
    index: pd.Index | None = None
    if series:
        if arrays:
            raise InvalidInputError(
                f"{metric}: cannot combine pandas Series ({', '.join(map(repr, series))}) "
                f"with arrays ({', '.join(map(repr, arrays))}): an array has no years "
                "to align on; pass all as Series indexed by jaar, or all as arrays"
            )
        first_name, first = next(iter(series.items()))
        index = first.index
        for name, s in series.items():
            if s.index.has_duplicates:
                dup = s.index[s.index.duplicated()].unique().tolist()
                raise InvalidInputError(
                    f"{metric}: `{name}` has more than one value for "
                    f"{s.index.name or 'index'} {', '.join(map(str, dup[:_MAX_SHOWN]))}; "
                    "give one value per year"
                )
        for name, s in series.items():
            if name == first_name:
                continue
            missing = index.difference(s.index)
            extra = s.index.difference(index)
            if len(missing) or len(extra):
                label = index.name or s.index.name or "index"
                parts = []
                if len(missing):
                    parts.append(
                        f"{label} {join_labels(missing)} in `{first_name}` but not in `{name}`"
                    )
                if len(extra):
                    parts.append(
                        f"{label} {join_labels(extra)} in `{name}` but not in `{first_name}`"
                    )
                raise MisalignedYearsError(
                    f"{metric}: the inputs cover different years: {'; '.join(parts)}. "
                    "Select the common years first (e.g. a.loc[b.index]) or supply the "
                    "missing ones"
                )
        converted = {
            k: (
                to_float_array(k, v.reindex(index))
                if isinstance(v, pd.Series)
                else to_float_array(k, v)
            )
            for k, v in arguments.items()
        }
        kind: Literal["scalar", "array", "series"] = "series"
    else:
        converted = {k: to_float_array(k, v) for k, v in arguments.items()}
        kind = "array" if arrays else "scalar"
    dims = {k: v.ndim for k, v in converted.items() if v.ndim > 0}
    if len(set(dims.values())) > 1:
        shapes = ", ".join(f"`{k}` {converted[k].shape}" for k in dims)
        raise InvalidInputError(
            f"{metric}: the arguments have different numbers of dimensions ({shapes}); "
            "give arrays of the same shape, or a whole with a length-1 axis "
            "(e.g. totals[:, None]) to divide each row by its own total"
        )
    try:
        broadcast = np.broadcast_arrays(*converted.values())
    except ValueError:
        shapes = ", ".join(f"`{k}` {v.shape}" for k, v in converted.items())
        raise InvalidInputError(
            f"{metric}: the arguments have shapes that do not fit together: {shapes}"
        ) from None
    values = {k: np.array(b, dtype="float64") for k, b in zip(converted, broadcast, strict=True)}
    for name, arr in values.items():
        bad = np.isinf(arr)
        if bad.any():
            raise InvalidInputError(
                f"{metric}: `{name}` is infinite{_at(Aligned(metric, values, kind, index), bad)}"
            )
    return Aligned(metric=metric, values=values, kind=kind, index=index)


def join_labels(labels: Any) -> str:
    """Join labels for a message: the first six, and how many more."""
    items = [str(x) for x in list(labels)[:_MAX_SHOWN]]
    more = len(labels) - len(items)
    return ", ".join(items) + (f" and {more} more" if more > 0 else "")


def _at(aligned: Aligned, mask: npt.NDArray[np.bool_], arr: FloatArray | None = None) -> str:
    where = aligned.where(mask)
    if not where or where == [""]:
        return f" ({_fmt(arr[mask][0])})" if arr is not None else ""
    shown = []
    vals = arr[mask] if arr is not None else [None] * len(where)
    for w, v in list(zip(where, vals, strict=True))[:_MAX_SHOWN]:
        shown.append(f"{w} ({_fmt(v)})" if v is not None else w)
    more = len(where) - len(shown)
    return " for " + ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def check_non_negative(aligned: Aligned, name: str) -> None:
    """Raise `NegativeCountError` where argument ``name`` is below zero."""
    arr = aligned.values[name]
    bad = arr < 0
    if bad.any():
        raise NegativeCountError(
            f"{aligned.metric}: `{name}` is negative{_at(aligned, bad, arr)}; "
            "counts and amounts cannot be below zero"
        )


def check_whole_number(aligned: Aligned, name: str) -> None:
    """Raise `InvalidInputError` where a count is not a whole number.

    A fractional count is almost always a Dutch thousands dot read as a decimal
    point ("1.238" read as 1.238 instead of 1238), so the message says so.
    """
    arr = aligned.values[name]
    huge = np.abs(arr) > _EXACT_INTEGER
    if huge.any():
        raise InvalidInputError(
            f"{aligned.metric}: `{name}` is a count beyond 2^53 = {_EXACT_INTEGER:,}"
            f"{_at(aligned, huge, arr)}; float64 cannot hold such a count exactly"
        )
    bad = ~np.isnan(arr) & (arr != np.round(arr))  # NaN compares unequal, quietly
    if bad.any():
        example = float(arr[bad][0])
        hint = (
            ": if the source is Dutch notation, a thousands dot may have been read as a "
            f'decimal point ("{_fmt(example)}" meaning {round(example * 1000)})'
            if round(example, 3) == example  # at most three decimals
            else ""
        )
        raise InvalidInputError(
            f"{aligned.metric}: `{name}` is not a whole number{_at(aligned, bad, arr)}; a "
            f"count has no decimals{hint}"
        )


def check_part_le_whole(aligned: Aligned, part: str, whole: str) -> None:
    """Raise `PartExceedsWholeError` where ``part`` is larger than ``whole``."""
    p, w = aligned.values[part], aligned.values[whole]
    bad = p > w
    if bad.any():
        where = aligned.where(bad)
        shown = [
            f"{(loc + ': ') if loc else ''}{_fmt(pv)} > {_fmt(wv)}"
            for loc, pv, wv in zip(where, p[bad], w[bad], strict=True)
        ]
        more = len(shown) - _MAX_SHOWN
        listed = "; ".join(shown[:_MAX_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        raise PartExceedsWholeError(
            f"{aligned.metric}: `{part}` is larger than `{whole}` ({listed}); "
            f"a part cannot exceed its whole: check that `{part}` and `{whole}` are "
            "from the same year and table"
        )


def validate_zero_division(metric: str, zero_division: Any) -> None:
    """Check the ``zero_division`` keyword: ``"raise"`` or a float such as ``nan``."""
    if isinstance(zero_division, str):
        if zero_division != "raise":
            raise InvalidInputError(
                f"{metric}: zero_division must be 'raise' or a number such as numpy.nan, "
                f"got {zero_division!r}"
            )
    elif isinstance(zero_division, bool) or not isinstance(zero_division, numbers.Real):
        raise InvalidInputError(
            f"{metric}: zero_division must be 'raise' or a number such as numpy.nan, "
            f"got {zero_division!r}"
        )


_PACKAGE = str(Path(__file__).resolve().parents[1])


def _outside_the_package() -> int:
    """Return the ``stacklevel`` that points a warning of our caller at the user's line.

    Metrics call each other's helpers at different depths (a share goes through
    `share_of_counts`), so a fixed level would point some warnings into the package.
    """
    level, frame = 2, sys._getframe(2)  # 1: the caller of this function
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        level, frame = level + 1, frame.f_back
    return level


def divide(
    aligned: Aligned,
    numerator: str,
    denominator: str,
    *,
    zero_division: ZeroDivision,
    what: str = "a share",
) -> FloatArray:
    """Divide two aligned arguments, deciding explicitly about zero denominators.

    NaN in either argument (a missing value) gives NaN in the result.
    """
    validate_zero_division(aligned.metric, zero_division)
    num, den = aligned.values[numerator], aligned.values[denominator]
    zero = den == 0
    if zero.any():
        if zero_division == "raise":
            raise ZeroDenominatorError(
                f"{aligned.metric}: `{denominator}` is 0{_at(aligned, zero)}: "
                f"{what} needs a non-zero denominator; pass zero_division=numpy.nan "
                "to get NaN (with an UndefinedMetricWarning) instead"
            )
        fill = float(zero_division)
        warnings.warn(
            f"{aligned.metric}: `{denominator}` is 0{_at(aligned, zero)}; the result "
            f"there is set to {fill} as zero_division={fill} asks",
            UndefinedMetricWarning,
            stacklevel=_outside_the_package(),
        )
    # divide by 1 where the denominator is 0 (no warning), then put the value asked for
    out: FloatArray = np.array(num / np.where(zero, 1.0, den))  # float64, as both are
    if zero.any():
        out[zero] = float(zero_division)
    return out


def frame_values(name: str, data: pd.DataFrame | pd.Series[Any]) -> FloatArray:
    """Return the numbers of a Series or DataFrame argument as floats (NaN for missing).

    Each column is checked as `align` checks an argument: text, booleans, dates and
    whole numbers beyond 2^53 are refused, never converted.
    """
    if isinstance(data, pd.Series):
        return to_float_array(name, data)
    columns = [to_float_array(name, data.iloc[:, i]) for i in range(data.shape[1])]
    if not columns:
        return np.empty((len(data), 0), dtype="float64")
    return np.column_stack(columns)


def year_labels(name: str, labels: pd.Index, *, what: str) -> npt.NDArray[np.int64]:
    """Read index or column labels as years; refuse any label that is not one, or a repeat."""
    metric = current_metric("year_labels")
    text = pd.Index(labels).astype(str).str.strip()
    ok = text.str.fullmatch(r"\d{4}", flags=re.ASCII)
    if not ok.all():
        bad = list(dict.fromkeys(repr(str(x)) for x in text[~ok]))
        which = (
            f"the {what} {bad[0]}, which is not a year"
            if len(bad) == 1
            else f"the {what}s {join_labels(bad)}, which are not years"
        )
        raise InvalidInputError(
            f"{metric}: `{name}` has {which}; select the years first (e.g. drop "
            "'structureel' and 'incidenteel')"
        )
    years: npt.NDArray[np.int64] = text.astype(np.int64).to_numpy()
    if len(set(years.tolist())) != len(years):
        dup = sorted({int(y) for y in years if (years == y).sum() > 1})
        raise InvalidInputError(
            f"{metric}: `{name}` has more than one value for the year"
            f"{'s' if len(dup) > 1 else ''} {join_labels(dup)}; give one value per year"
        )
    return years
