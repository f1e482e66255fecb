"""Validation of tables where they enter the library: strict numbers, schemas, cross-checks.

Every table, bundled or an analyst's own, is validated against its pandera schema
when it is loaded, and the tables are checked against each other; all problems are
collected and raised at once as one `DataValidationError`, in words (file, row,
column, value, the rule). Numbers given as text are parsed strictly in machine
notation, never guessed. Loading bundled editions and folders is
`ondermijning_indicators._editions`; reading files is `ondermijning_indicators._folders`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pandera.pandas as pa

from ._notation import (
    AMBIGUOUS_DOT,
    DECIMAL_COMMA,
    DUTCH_WITH_THOUSANDS,
    EXACT_INTEGER,
    MACHINE_FLOAT,
    MACHINE_INT,
    dutch_to_machine,
    foreign_digits,
)
from ._selection import Selection, evaluate, mask_of
from .errors import DataValidationError
from .schemas import CROSS_TABLE_CHECKS, SCHEMAS, TOTALS, parts_column, time_column

__all__ = ["TableSource", "select", "selected_rows", "validate_tables"]

FAILURE_COLUMNS = ["table", "row", "column", "value", "rule", "message"]


# --------------------------------------------------------------------------- validation


def numeric_columns(model: pa.DataFrameSchema) -> dict[str, str]:
    out = {}
    for col, spec in model.columns.items():
        dtype = str(spec.dtype)
        if dtype.startswith("int"):
            out[col] = "int"
        elif dtype.startswith("float"):
            out[col] = "float"
    return out


def _explain_number(value: str, kind: str) -> str:
    what = "a whole number" if kind == "int" else "a number"
    if foreign_digits(value):
        return f"has digits other than 0-9 ({value!r}); type the number with the digits 0-9"
    if value in {"True", "False"}:
        return "is True/False, not a number"
    if DUTCH_WITH_THOUSANDS.match(value):
        machine = dutch_to_machine(value)
        return (
            f"is not {what} in machine notation: {value!r} looks like Dutch notation with a "
            f"thousands dot (meaning {machine}); write {machine} without separators"
        )
    if DECIMAL_COMMA.match(value) and kind == "int":
        return f"is not a whole number: {value!r} has a decimal comma, and a count has no decimals"
    if DECIMAL_COMMA.match(value):
        return (
            f"is not {what} in machine notation: {value!r} has a decimal comma; "
            f"write {value.replace(',', '.')}"
        )
    whole = kind == "int" and MACHINE_FLOAT.match(value) and math.isfinite(float(value))
    if whole and float(value) == round(float(value)):
        return (
            f"is not a whole number as written ({value!r}): a count is written without "
            f"decimals; write {round(float(value))}"
        )
    if whole and abs(float(value) - round(float(value))) < 1e-6:
        return (
            f"is not a whole number ({value!r}): it looks like a computed value with rounding "
            f"noise; round it to {round(float(value))} in the spreadsheet"
        )
    if kind == "int" and MACHINE_FLOAT.match(value):
        return f"is not a whole number ({value!r}); a count cannot have decimals"
    return f"is not {what} ({value!r})"


_NOT_NUMBERS: tuple[tuple[Any, str], ...] = (
    (pd.api.types.is_bool_dtype, "True/False"),
    (pd.api.types.is_complex_dtype, "a complex number"),
    (pd.api.types.is_datetime64_any_dtype, "a date"),
    (pd.api.types.is_timedelta64_dtype, "a duration"),
    (lambda d: isinstance(d, pd.PeriodDtype), "a period"),
    (lambda d: isinstance(d, pd.IntervalDtype), "an interval"),
)
"""Column types that are not numbers however they convert (a Period becomes its year)."""


def _as_text(value: Any) -> str:
    """Return a cell as the text a strict parser reads (Python numbers exactly, empty "")."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return str(value).strip()


def _parse_numbers(
    df: pd.DataFrame, model: pa.DataFrameSchema, table: str, row_label: Any
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Strictly parse the number columns; report every cell that is not a number.

    Text is read in machine notation, exactly: a whole number is parsed as an integer
    (never through a float), and one beyond `EXACT_INTEGER` is refused, as is a
    "4.157" in a column of decimals (four thousand in Dutch notation, four in machine
    notation). Columns of dates, periods, booleans or complex numbers are refused.
    """
    out = df.copy()
    failures: list[dict[str, Any]] = []

    def refuse(idx: Any, col: str, value: Any, message: str) -> None:
        failure = failure_row(table, row_label(idx), col, value, "number", message)
        failures.append({**failure, "_index": idx})

    for col, kind in numeric_columns(model).items():
        if col not in out.columns:
            continue
        series = out[col]
        wrong = next((what for test, what in _NOT_NUMBERS if test(series.dtype)), None)
        if wrong is not None:
            for idx in out.index[series.notna().to_numpy()]:
                refuse(idx, col, str(series[idx]), f"is {wrong}, not a number")
            out[col] = np.nan
            continue
        if pd.api.types.is_numeric_dtype(series.dtype):
            values = series.astype("float64")
            if kind == "int" and pd.api.types.is_float_dtype(series.dtype):
                # A fractional count would be truncated by the int coercion: refuse it.
                fractional = values.notna() & (values != values.round())
                for idx in out.index[fractional.to_numpy()]:
                    value = repr(float(values[idx]))
                    refuse(idx, col, value, _explain_number(value, kind))
            if pd.api.types.is_integer_dtype(series.dtype):  # compared as integers, exactly
                counts = series.astype(object).where(series.notna(), 0)
                too_big = (counts > EXACT_INTEGER) | (counts < -EXACT_INTEGER)
                too_big = too_big.astype(bool)
            else:
                too_big = values.abs() > (EXACT_INTEGER if kind == "int" else np.finfo("f8").max)
            for idx in out.index[too_big.to_numpy()]:
                refuse(idx, col, _as_text(series[idx]), _too_large(kind, series[idx]))
            out[col] = series.where(~too_big)
            continue
        # Python numbers (a spreadsheet's number cells, Dutch text already converted) are
        # numbers; only text is parsed, and only text can be ambiguous.
        number = series.map(
            lambda v: (
                isinstance(v, int | float | np.integer | np.floating)
                and not isinstance(v, bool | np.bool_)
                and not (isinstance(v, float | np.floating) and math.isnan(v))
            )
        ).astype(bool)
        text = pd.Series([_as_text(v) for v in series], index=out.index, dtype=object)
        if kind == "int":  # an integer-valued float (12.0) is the whole number it holds
            whole = number & series.map(
                lambda v: isinstance(v, float | np.floating) and float(v).is_integer()
            ).astype(bool)
            # ... but from 2^53 on a float cell may be a neighbour rounded to it
            # ("9.007199254740993E15" is stored as 2^53): not a count held exactly
            inexact = whole & series.map(_float_beyond_exact).astype(bool)
            for idx in out.index[inexact.to_numpy()]:
                refuse(idx, col, repr(float(series[idx])), _too_large(kind, series[idx]))
            whole &= ~inexact
            text = pd.Series(
                [str(int(v)) if w else t for v, w, t in zip(series, whole, text, strict=True)],
                index=out.index,
                dtype=object,
            )
            text = text.where(~inexact, "")  # refused above; read as empty, not twice
        empty = text == ""
        pattern = MACHINE_INT if kind == "int" else MACHINE_FLOAT
        ok = (empty | text.map(lambda t, p=pattern: p.match(t) is not None)).astype(bool)
        # In a column of whole numbers "4.157" is no number at all (refused below).
        ambiguous = ~empty & ~number & ok & (kind != "int")
        ambiguous &= text.map(lambda t: AMBIGUOUS_DOT.match(t) is not None)
        ambiguous = ambiguous.astype(bool)
        if kind != "int":
            for idx in out.index[ambiguous.to_numpy()]:
                value = text[idx]
                refuse(
                    idx, col, value,
                    f"is ambiguous: {value!r} is {value} in machine notation but "
                    f"{dutch_to_machine(value)} with a Dutch thousands dot; write "
                    f"{dutch_to_machine(value)} without separators, or {value}0 for the "
                    "decimal number",
                )  # fmt: skip
            ok &= ~ambiguous
        for idx in out.index[(~ok & ~ambiguous).to_numpy()]:
            refuse(idx, col, text[idx], _explain_number(text[idx], kind))
        valid = ok & ~empty
        if kind == "int":
            exact = text[valid].map(int)
            big = exact.map(lambda n: abs(n) > EXACT_INTEGER).astype(bool)
            for idx in exact.index[big.to_numpy()]:
                refuse(idx, col, text[idx], _too_large(kind, text[idx]))
            ints = pd.array([pd.NA] * len(out), dtype="Int64")
            keep = exact[~big]
            positions = out.index.get_indexer(keep.index)
            ints[positions] = keep.to_numpy(dtype="int64")
            out[col] = pd.Series(ints, index=out.index)
        else:
            # Python's float() rounds correctly; pandas' fast parser can be one unit off
            # in the last place ("30e-30" gave 2.9999999999999997e-29).
            numbers = pd.Series(
                [float(t) if keep else np.nan for t, keep in zip(text, valid, strict=True)],
                index=out.index,
                dtype="float64",
            )
            infinite = np.isinf(numbers.to_numpy())
            for idx in out.index[infinite]:
                refuse(idx, col, text[idx], _too_large(kind, text[idx]))
            out[col] = numbers.where(~infinite)
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].astype(object).where(out[col].astype("string").str.strip() != "")
    return out, failures


def _float_beyond_exact(value: object) -> bool:
    """Whether a float cell is at or beyond 2^53, where it may be a neighbour rounded."""
    return isinstance(value, float | np.floating) and abs(float(value)) >= EXACT_INTEGER


def _too_large(kind: str, value: object = None) -> str:
    try:
        infinite = math.isinf(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        infinite = False
    if kind == "int" and infinite:
        return "is infinite, not a count"
    if kind == "int":
        return (
            f"is too large to count exactly: above 2^53 = {EXACT_INTEGER} a whole number "
            "cannot be held exactly in the floating point the indicators are computed in"
        )
    return "is too large (infinite) to be an amount"


def failure_row(
    table: str, row: str, column: str, value: Any, rule: str, message: str
) -> dict[str, Any]:
    return {
        "table": table,
        "row": row,
        "column": column,
        "value": value,
        "rule": rule,
        "message": message,
    }


_BUILT_IN_WORDS = {
    "not_nullable": "is empty; every cell of this column needs a value",
    "field_uniqueness": "occurs more than once; each value may occur only once",
}
"""pandera's own checks in words; every check of a schema states its words as its
``error`` (`ondermijning_indicators.schemas`), and a failure carries them."""


def _translate(
    err: pa.errors.SchemaErrors,
    df: pd.DataFrame,
    model: pa.DataFrameSchema,
    table: str,
    row_label: Any,
    already: set[tuple[str, Any]],
) -> list[dict[str, Any]]:
    fc = err.failure_cases
    schema = model
    key = list(schema.unique or [])
    out: list[dict[str, Any]] = []
    row_checks: dict[str, list[Any]] = {}
    duplicates: dict[str, list[Any]] = {}
    for rec in fc.to_dict("records"):
        check, column, value, idx = (
            str(rec["check"]),
            str(rec["column"]),
            rec["failure_case"],
            rec["index"],
        )
        has_index = idx is not None and not (isinstance(idx, float) and np.isnan(idx))
        if isinstance(value, str) and re.match(r"^\w+Error\(", value):
            continue  # a check that could not run because of a failure reported already
        if has_index and (column, idx) in already:
            continue  # the cell is reported already as not a number
        if check.startswith(("coerce_dtype", "dtype(")) and pd.isna(value):
            continue  # an empty cell: reported as empty (not_nullable)
        if check == "column_in_schema":
            allowed = ", ".join(schema.columns)
            out.append(
                failure_row(
                    table,
                    "header",
                    value,
                    value,
                    "unknown column",
                    f"unknown column {value!r}; the columns of {table} are: {allowed}",
                )
            )
            continue
        if check == "column_in_dataframe":
            out.append(
                failure_row(
                    table,
                    "header",
                    str(value),
                    None,
                    "missing column",
                    f"required column {value!r} is missing",
                )
            )
            continue
        if check == "multiple_fields_uniqueness":
            where = ", ".join(f"{k}={_fmt(df.loc[idx, k])}" for k in key if k in df.columns)
            duplicates.setdefault(where, [])
            if idx not in duplicates[where]:
                duplicates[where].append(idx)
            continue
        if rec["schema_context"] == "DataFrameSchema" and has_index:
            row_checks.setdefault(check, [])
            if idx not in row_checks[check]:
                row_checks[check].append(idx)  # a row-wise check reports every cell; once
            continue
        if check.startswith(("coerce_dtype", "dtype(")):
            out.append(
                failure_row(
                    table,
                    row_label(idx) if has_index else "",
                    column,
                    value,
                    "type",
                    f"has the wrong type ({check}); expected {check}",
                )
            )
            continue
        message = _BUILT_IN_WORDS.get(check, check)
        out.append(
            failure_row(table, row_label(idx) if has_index else "", column, value, check, message)
        )
    for where, indices in duplicates.items():
        out.append(
            failure_row(
                table,
                _rows(indices, row_label),
                ", ".join(key),
                where,
                "one row per key",
                f"more than one row for {where}; each ({', '.join(key)}) may occur only once",
            )
        )
    for check, indices in row_checks.items():
        rows = [_rows(indices, row_label)]
        years = sorted({_fmt(df.loc[i, "jaar"]) for i in indices if "jaar" in df.columns})
        where = f" (jaar {', '.join(years)})" if years else ""
        out.append(failure_row(table, ", ".join(rows), "", None, "across columns", check + where))
    if not out and not already and len(fc):
        out.append(failure_row(table, "", "", None, "schema", str(err)))
    return out


def _rows(indices: list[Any], row_label: Any) -> str:
    labels = [row_label(i) for i in sorted(indices)]
    if len(labels) > 1 and all(r.startswith("line ") for r in labels):
        return "lines " + ", ".join(r.removeprefix("line ") for r in labels)
    return ", ".join(labels)


@dataclass(frozen=True)
class TableSource:
    """Where a table came from, for messages: a label and how its rows are numbered.

    Attributes
    ----------
    label : str
        The file (and sheet), e.g. ``"tabellen.xlsx, sheet uitspraken"``.
    row_word : str, default="line"
        "line" for text files, "row" for spreadsheets.
    first_row : int, default=2
        The number of the first data row (the header is row 1).
    """

    label: str
    row_word: str = "line"
    first_row: int = 2

    def __str__(self) -> str:
        return self.label


def _validate_one(
    name: str,
    df: pd.DataFrame,
    source: TableSource | str | None,
    reported: set[tuple[str, Any]] | None = None,
) -> tuple[pd.DataFrame | None, list[dict[str, Any]]]:
    model = SCHEMAS[name]
    where = TableSource(source) if isinstance(source, str) else source

    def row_label(idx: Any) -> str:
        if where is not None and isinstance(idx, int | np.integer):
            return f"{where.row_word} {int(idx) + where.first_row}"
        return f"row {idx}"

    parsed, failures = _parse_numbers(df, model, name, row_label)
    already = {(f["column"], f["_index"]) for f in failures} | (reported or set())
    try:
        validated = model.validate(parsed, lazy=True)
    except pa.errors.SchemaErrors as err:
        failures += _translate(err, parsed, model, name, row_label, already)
        return None, failures
    if failures:
        return None, failures
    if validated.empty:  # a header alone: every check across tables would blame the others
        return None, [
            failure_row(name, "", "", None, "no rows",
                        "has a header but no rows; give its rows, or leave the table out")
        ]  # fmt: skip
    return validated, []


def validate_tables(
    tables: Mapping[str, pd.DataFrame],
    *,
    sources: Mapping[str, str | TableSource] | None = None,
    strict: bool = False,
) -> dict[str, pd.DataFrame]:
    """Validate tables against their schemas and against each other.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        Tables by name (the names of `ondermijning_indicators.schemas.SCHEMAS`).
        Columns may hold text, as read from a CSV file: numbers are parsed strictly
        (machine notation), never guessed.
    sources : mapping of str to str or TableSource, optional
        Where each table came from (a file path, or a `TableSource` with the sheet
        and row numbering), used in the messages; rows are then reported as lines
        of the file or rows of the sheet.
    strict : bool, default=False
        Also refuse a printed total that does not equal the sum of its parts (the
        rules of `ondermijning_indicators.schemas.TOTALS`). By default such a total
        is loaded, so that `audit` can report it with the
        difference: a report's own misprint is a finding, not unreadable data.

    Returns
    -------
    dict of str to DataFrame
        The validated, typed tables.

    Raises
    ------
    DataValidationError
        With every failure of every table, listed in one message; the failures
        are also in its ``failures`` attribute as a DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> import ondermijning_indicators as oi
    >>> bad = pd.DataFrame({"jaar": [2022], "aantal": ["1.543"]})
    >>> oi.validate_tables({"uitspraken_totaal": bad})
    Traceback (most recent call last):
    ...
    ondermijning_indicators.errors.DataValidationError: 1 problem in the tables:
      - uitspraken_totaal, row 0, column aantal: is not a whole number in machine notation:
      '1.543' looks like Dutch notation with a thousands dot (meaning 1543); write 1543
      without separators
    """
    return validate_all(tables, sources=sources, reported={}, strict=strict)


def validate_all(
    tables: Mapping[str, pd.DataFrame],
    *,
    sources: Mapping[str, str | TableSource] | None,
    reported: Mapping[str, set[tuple[str, Any]]],
    strict: bool = False,
) -> dict[str, pd.DataFrame]:
    """Validate tables; ``reported`` holds cells (column, row) already reported by the caller."""
    sources = dict(sources or {})
    failures: list[dict[str, Any]] = []
    validated: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        if name not in SCHEMAS:
            failures.append(
                failure_row(
                    name,
                    "",
                    "",
                    None,
                    "unknown table",
                    f"unknown table {name!r}; known tables: {', '.join(sorted(SCHEMAS))}",
                )
            )
            continue
        result, problems = _validate_one(name, df, sources.get(name), reported.get(name))
        failures += problems
        if result is not None:
            validated[name] = result
    if not failures:
        failures += _cross_table_failures(validated)
    if not failures and strict:
        failures += _total_failures(validated)
    if failures:
        frame = pd.DataFrame(failures, columns=FAILURE_COLUMNS)
        raise DataValidationError(
            failure_message(frame, sources), table=", ".join(tables), failures=frame
        )
    return validated


def _cross_table_failures(validated: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Run every check across tables whose tables are present; describe each failure."""
    failures: list[dict[str, Any]] = []
    for check in CROSS_TABLE_CHECKS:
        if not any(name in validated for name in check.tables):
            continue
        frame = check.frame(validated)
        try:
            check.schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as err:
            cases = err.failure_cases[["check", "index"]].drop_duplicates()
            for rule, idx in cases.itertuples(index=False):
                row = frame.loc[idx]
                values = ", ".join(
                    f"{k}={_fmt(v)}" for k, v in row.items() if k != check.key and pd.notna(v)
                )
                where = f"{check.key} {_fmt(row[check.key])}"
                failures.append(
                    failure_row(check.name, where, "", values, "across tables", str(rule))
                )
    return failures


def _total_failures(validated: Mapping[str, pd.DataFrame]) -> list[dict[str, Any]]:
    """Return the printed totals that do not add up, as failures (strict validation only)."""
    failures: list[dict[str, Any]] = []
    for rule in TOTALS:
        if rule.totals not in validated or rule.parts not in validated:
            continue
        compared = rule.compare(validated)
        for rec in compared[~compared["ok"]].to_dict("records"):
            where = ", ".join(f"{k}={_fmt(rec[k])}" for k in rule.by)
            claim = "equal" if rule.relation == "equals" else "be at least"
            if pd.isna(rec["expected"]):
                words = f"the printed total {_fmt(rec['printed'])} has no part in {rule.parts}"
            else:
                words = (
                    f"the printed total {_fmt(rec['printed'])} must {claim} the sum of "
                    f"{rule.parts} ({_fmt(rec['expected'])}), a difference of "
                    f"{_fmt(rec['difference'])}"
                )
            failures.append(
                failure_row(
                    rule.totals,
                    where,
                    rule.column,
                    _fmt(rec["printed"]),
                    "total",
                    f"{words}; without strict validation it is loaded and the audit reports it",
                )
            )
    return failures


def _fmt(v: Any) -> str:
    if isinstance(v, float | np.floating) and float(v).is_integer():
        return str(int(v))
    return str(v)


_SELF_EXPLAINED = {
    "number",
    "unknown column",
    "missing column",
    "one row per key",
    "unknown table",
    "total",
}


def failure_message(frame: pd.DataFrame, sources: Mapping[str, str | TableSource]) -> str:
    n = len(frame)
    lines = [f"{n} problem{'s' if n != 1 else ''} in the tables:"]
    for rec in frame.to_dict("records"):
        where = [
            str(rec["table"]) + (f" ({sources[rec['table']]})" if rec["table"] in sources else "")
        ]
        if rec["row"]:
            where.append(str(rec["row"]))
        if rec["column"]:
            where.append(f"column {rec['column']}")
        msg = str(rec["message"])
        if rec["rule"] in {"across columns", "across tables"} and pd.notna(rec["value"]):
            msg = f"{msg} ({rec['value']})"
        elif rec["rule"] not in _SELF_EXPLAINED and pd.notna(rec["value"]):
            value = rec["value"]
            msg = f"{_fmt(value) if isinstance(value, float) else repr(value)} {msg}"
        lines.append(f"  - {', '.join(where)}: {msg}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- selections


def selected_rows(selection: Selection, frame: pd.DataFrame) -> pd.Series:
    """Return the mask of the rows of a validated table that ``selection`` reads.

    The table's column of parts is honoured: a selection that does not name it reads the
    whole (see `ondermijning_indicators.schemas.parts_column`).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators._validation import selected_rows
    >>> from ondermijning_indicators.published import Selection
    >>> kern = oi.load_sample("kerncijfers")
    >>> ages = Selection.parse(
    ...     "kerncijfers:waarde[indicator=voorkomen_preventie_met_gezag_leeftijd]"
    ... )
    >>> int(selected_rows(ages, kern).sum())  # the whole: no row; min and max are its parts
    0
    >>> parts = Selection.parse(
    ...     "kerncijfers:waarde[indicator=voorkomen_preventie_met_gezag_leeftijd,categorie=min|max]"
    ... )
    >>> kern.loc[selected_rows(parts, kern), "waarde"].tolist()
    [8.0, 27.0]
    """
    return pd.Series(selected_mask(selection, frame), index=frame.index)


def selected_mask(selection: Selection, frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Return `selected_rows` as a numpy array (answered from an index inside `indexed`)."""
    whole = parts_column(selection.table) if selection.table in SCHEMAS else None
    return mask_of(selection, frame, whole=whole)


def select(selection: Selection, frame: pd.DataFrame) -> Any:
    """Sum the cells ``selection`` names in a validated table, per period and category.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators._validation import select
    >>> from ondermijning_indicators.published import Selection
    >>> sel = Selection.parse("kerncijfers:waarde[indicator=acm_fte_extra]")
    >>> select(sel, oi.load_sample("kerncijfers")).to_dict()
    {2023: 22.0, 2027: 130.0}
    """
    known = selection.table in SCHEMAS
    return evaluate(
        selection,
        frame,
        time=time_column(selection.table) if known else None,
        whole=parts_column(selection.table) if known else None,
    )
