"""Validation of record-level data against the record schemas, on any backend."""

from __future__ import annotations

from typing import Any

import narwhals as nw
import pandas as pd

from ..errors import DataValidationError
from ._definitions import (
    SEIZURE_COLUMNS,
    SEIZURE_RULES,
    VERDICT_COLUMNS,
    VERDICT_RULES,
    RecordColumn,
    RecordRule,
)
from ._engine import Engine, Opened, collect, open_records

EXAMPLES = 3
"""How many failing rows a message quotes per rule."""


def _kind_ok(column: RecordColumn, dtype: Any) -> bool:
    if column.kind == "integer":
        return bool(dtype.is_integer())
    if column.kind == "number":
        return bool(dtype.is_numeric())
    if column.kind == "boolean":
        return bool(dtype == nw.Boolean)
    return bool(dtype in (nw.String, nw.Categorical, nw.Enum))


_KIND_WORDS = {
    "integer": "whole numbers",
    "number": "numbers",
    "boolean": "true/false values",
    "text": "text",
}


def _structure(table: str, columns: tuple[RecordColumn, ...], schema: Any) -> list[dict[str, Any]]:
    failures = []
    for column in columns:
        if column.name not in schema:
            failures.append(
                {
                    "rule": "kolom_aanwezig",
                    "column": column.name,
                    "failing_rows": None,
                    "examples": "",
                    "message": f"{table}: required column '{column.name}' is missing "
                    f"({column.description})",
                }
            )
        elif not _kind_ok(column, schema[column.name]):
            failures.append(
                {
                    "rule": "kolom_soort",
                    "column": column.name,
                    "failing_rows": None,
                    "examples": "",
                    "message": f"{table}: column '{column.name}' holds {schema[column.name]}, "
                    f"but should hold {_KIND_WORDS[column.kind]}",
                }
            )
    return failures


def _examples(opened: Opened, rule: RecordRule) -> str:
    shown = list(dict.fromkeys(["jaar", *rule.columns]))
    rows = collect(opened.lazy.filter(rule.failing()).select(shown).head(EXAMPLES))
    return "; ".join(
        ", ".join(f"{c}={_show(v)}" for c, v in row.items()) for row in rows.to_dict("records")
    )


def _show(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "(empty)"
    return repr(value.item() if hasattr(value, "item") else value)


def _int(value: Any) -> int:
    """Read a count from an engine; an empty input may give null or NaN for zero."""
    return int(value) if pd.notna(value) else 0


def _counts(
    opened: Opened, columns: tuple[RecordColumn, ...], rules: tuple[RecordRule, ...]
) -> pd.Series:
    """Count the rows breaking each rule, in two cheap passes when none does.

    First the empty values per column (columnar engines keep these as metadata),
    then one pass over one expression, true where a row breaks any rule; only if some
    row does are the rules counted one by one.
    """
    lazy = opened.lazy
    nulls = collect(lazy.select(**{c.name: nw.col(c.name).null_count() for c in columns})).iloc[0]
    with_nulls = frozenset(c.name for c in columns if _int(nulls[c.name]))
    row_rules = [r for r in rules if r.count is None]
    if row_rules:
        broken = nw.any_horizontal(*(r.failing(with_nulls) for r in row_rules), ignore_nulls=True)
        anything = _int(collect(lazy.select(n=broken.cast(nw.Int64()).sum()))["n"].iloc[0])
    else:
        anything = 0
    if not anything:
        # A rule with a count of its own counts the empty values of its one column.
        return pd.Series(
            {r.name: _int(nulls[r.columns[0]]) if r.count is not None else 0 for r in rules}
        )
    counts: pd.Series = collect(
        lazy.select(**{r.name: r.failing_count(with_nulls) for r in rules})
    ).iloc[0]
    return counts


def check_records(
    opened: Opened,
    table: str,
    columns: tuple[RecordColumn, ...],
    rules: tuple[RecordRule, ...],
) -> None:
    """Check opened records; raise one `DataValidationError` listing every failure."""
    schema = opened.lazy.collect_schema()
    failures = _structure(table, columns, schema)
    if not failures and rules:
        counts = _counts(opened, columns, rules)
        for rule in rules:
            n = _int(counts[rule.name])
            if n:
                examples = _examples(opened, rule)
                failures.append(
                    {
                        "rule": rule.name,
                        "column": ", ".join(rule.columns),
                        "failing_rows": n,
                        "examples": examples,
                        "message": f"{table}: {n} row(s) break the rule: {rule.description} "
                        f"(e.g. {examples})",
                    }
                )
    if failures:
        frame = pd.DataFrame(failures).assign(table=table)
        message = (
            f"{len(failures)} problem(s) in the {table}:\n"
            + "\n".join(f"  - {m}" for m in frame["message"])
            + "\nCorrect or remove these rows (or columns) in the records, then run again; "
            "`failures` lists them as a table."
        )
        raise DataValidationError(message, table=table, failures=frame)


def validate_verdicts(records: Any, *, engine: Engine | None = None) -> Any:
    """Check verdict records against the record schema; return them unchanged.

    Parameters
    ----------
    records : dataframe or path
        One row per suspect and verdict (see `VERDICT_COLUMNS`), in any library
        narwhals supports, or the path of a Parquet or CSV file.
    engine : {"polars", "duckdb", "pandas"}, optional
        Engine for an in-memory pandas or PyArrow table or a file; default the
        fastest installed.

    Returns
    -------
    dataframe or path
        ``records`` itself, when every rule holds.

    Raises
    ------
    DataValidationError
        Listing every broken rule at once, with the number of rows that break it and
        a few of them (year and values); ``failures`` holds the same as a table.

    Examples
    --------
    >>> import pandas as pd
    >>> from ondermijning_indicators.records import validate_verdicts
    >>> records = pd.DataFrame({
    ...     "jaar": [2022, 2022], "uitkomst": ["schuldig", "vrijspraak"],
    ...     "vrijheidsstraf": [True, True], "taakstraf": [False, False],
    ...     "duur_maanden": [float("nan"), 6.0], "delictgroep": ["wapens", "wapens"],
    ...     "arrondissement": ["Rotterdam", "Rotterdam"]})
    >>> try:
    ...     validate_verdicts(records, engine="pandas")
    ... except ValueError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    2 problem(s) in the verdict records:
      - verdict records: 1 row(s) break the rule: a custodial sentence (vrijheidsstraf)
        is imposed only with a guilty verdict (e.g. jaar=2022, uitkomst='vrijspraak',
        vrijheidsstraf=True)
      - verdict records: 1 row(s) break the rule: a custodial sentence has a duration
        (duur_maanden); a missing duration is not a class (e.g. jaar=2022,
        vrijheidsstraf=True, duur_maanden=(empty))
    Correct or remove these rows (or columns) in the records, then run again; `failures`
    lists them as a table.
    """
    opened = open_records(records, engine=engine, what="validate_verdicts")
    check_records(opened, "verdict records", VERDICT_COLUMNS, VERDICT_RULES)
    return records


def validate_seizures(records: Any, *, engine: Engine | None = None) -> Any:
    """Check seizure records against the record schema; return them unchanged.

    Parameters
    ----------
    records : dataframe or path
        One row per seized object (see `SEIZURE_COLUMNS`), in any library narwhals
        supports, or the path of a Parquet or CSV file.
    engine : {"polars", "duckdb", "pandas"}, optional
        Engine for an in-memory pandas or PyArrow table or a file.

    Returns
    -------
    dataframe or path
        ``records`` itself, when every rule holds.

    Raises
    ------
    DataValidationError
        Listing every broken rule at once.

    Examples
    --------
    >>> import pandas as pd
    >>> from ondermijning_indicators.records import validate_seizures
    >>> objects = pd.DataFrame({"jaar": [2022], "soort": ["crypto"], "waarde_eur": [-5.0]})
    >>> try:
    ...     validate_seizures(objects, engine="pandas")
    ... except ValueError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    2 problem(s) in the seizure records:
      - seizure records: 1 row(s) break the rule: soort is one of digitaal, overig
        (e.g. jaar=2022, soort='crypto')
      - seizure records: 1 row(s) break the rule: waarde_eur is a finite amount of at
        least 0 euro (e.g. jaar=2022, waarde_eur=-5.0)
    Correct or remove these rows (or columns) in the records, then run again; `failures`
    lists them as a table.
    """
    opened = open_records(records, engine=engine, what="validate_seizures")
    check_records(opened, "seizure records", SEIZURE_COLUMNS, SEIZURE_RULES)
    return records
