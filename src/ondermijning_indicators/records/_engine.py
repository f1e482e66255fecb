"""Where record-level work runs: the caller's dataframe in, a lazy query, results back.

Records arrive as a dataframe of any library narwhals supports, or as the path of a
Parquet or CSV file. Lazy inputs (Polars LazyFrame, DuckDB relation, Dask and Spark
dataframes, files) are queried where they are. An in-memory pandas or PyArrow table
is handed to a faster engine when one is installed (Polars, else DuckDB: zero-copy
over Arrow memory), since narwhals on pandas runs pandas' own, slower group-by.
The aggregates are small; they are collected as pandas and returned in the caller's
kind.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Literal

import narwhals as nw
import pandas as pd

from ..errors import IndicatorError, InvalidInputError
from ._files import verify_records

Engine = Literal["polars", "duckdb", "pandas"]
ENGINES: tuple[Engine, ...] = ("polars", "duckdb", "pandas")


@dataclass(frozen=True)
class Opened:
    """Records opened for a query."""

    lazy: Any
    """A narwhals LazyFrame over the records."""
    native: Any
    """What the caller gave (a dataframe or a path)."""
    implementation: nw.Implementation | None
    """The caller's dataframe library (None for a path: results are pandas)."""
    eager: bool
    """Whether the caller's dataframe was in memory (results eager too)."""


def installed(engine: str) -> bool:
    """Whether a dataframe engine can be imported (without importing it)."""
    return find_spec(engine) is not None


def choose_engine(engine: Engine | None, *, what: str) -> Engine:
    """Choose the engine: the one asked for, else Polars, DuckDB or pandas as installed."""
    if engine is not None:
        if engine not in ENGINES:
            raise InvalidInputError(
                f"{what}: unknown engine {engine!r}; choose one of {', '.join(ENGINES)}"
            )
        if not installed(engine):
            raise InvalidInputError(
                f"{what}: engine {engine!r} is not installed; "
                f"pip install 'ondermijning-indicators[{engine}]'"
            )
        return engine
    return next(e for e in ENGINES if e == "pandas" or installed(e))


@contextmanager
def _quiet_about_dask() -> Iterator[None]:
    """Silence narwhals' notice that Dask support moves to a package not yet published.

    Nothing a caller can act on; every other warning passes.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*narwhals-dask", category=FutureWarning)
        yield


def _from_native(native: Any) -> Any:
    with _quiet_about_dask():
        return nw.from_native(native)


def open_records(
    records: Any, *, engine: Engine | None, what: str, columns: Sequence[str] = ()
) -> Opened:
    """Open records of any supported kind as a narwhals LazyFrame.

    ``columns``, when given, are the only ones an in-memory table hands to another
    engine (the others are not copied); missing ones are left for the schema check.
    """
    if isinstance(records, (str, os.PathLike)):
        return _open_path(Path(records), engine=engine, what=what)
    try:
        frame = _from_native(records)
    except TypeError as exc:
        raise InvalidInputError(
            f"{what}: expected a dataframe (pandas, Polars, PyArrow, DuckDB, Dask, Spark) or "
            f"the path of a .parquet or .csv file, got {type(records).__name__}"
        ) from exc
    if isinstance(frame, nw.LazyFrame):
        return Opened(frame, records, frame.implementation, eager=False)
    if not isinstance(frame, nw.DataFrame):  # a Series
        raise InvalidInputError(f"{what}: expected a dataframe, got a series")
    chosen = choose_engine(engine, what=what)
    implementation: Any = frame.implementation
    if implementation is nw.Implementation.POLARS or chosen == "pandas":
        lazy = frame.lazy()
    else:
        if columns and set(columns) <= set(frame.columns):
            frame = frame.select(list(columns))
        with _quiet_about_dask():
            lazy = frame.lazy(backend=chosen)
    return Opened(lazy, records, frame.implementation, eager=True)


def _open_path(path: Path, *, engine: Engine | None, what: str) -> Opened:
    if not path.is_file():
        raise InvalidInputError(f"{what}: no file {path}")
    chosen = choose_engine(engine, what=what)
    suffix = path.suffix.lower()
    if suffix not in {".parquet", ".csv"}:
        raise InvalidInputError(f"{what}: {path.name} is not a .parquet or .csv file")
    verify_records(path, what=what)
    if chosen == "duckdb":
        import duckdb

        con = duckdb.connect()
        reader = "read_parquet" if suffix == ".parquet" else "read_csv"
        try:
            relation = con.sql(f"select * from {reader}(?)", params=[str(path)])
        except duckdb.Error as exc:
            raise InvalidInputError(
                f"{what}: duckdb cannot read {path.name}: {str(exc).splitlines()[0]}"
            ) from None
        return Opened(_from_native(relation), path, None, eager=False)
    scan = nw.scan_parquet if suffix == ".parquet" else nw.scan_csv
    return Opened(scan(str(path), backend=chosen), path, None, eager=False)


def collect(lazy: Any) -> pd.DataFrame:
    """Run a query whose result is small and return it as a pandas DataFrame.

    Raises
    ------
    InvalidInputError
        If the engine cannot read the records (a cell that does not fit its column, a
        ragged row, text that is not UTF-8, a damaged file): its words, in one line.
    """
    try:
        return _collect(lazy)
    except IndicatorError:
        raise
    except Exception as exc:  # the engines' own errors, at the boundary of the library
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise InvalidInputError(
            f"the {lazy.implementation} engine cannot read the records ({type(exc).__name__}: "
            f"{first[:300]}); check that every cell fits its column, every row has every "
            "field, and the file is complete UTF-8"
        ) from None


def _collect(lazy: Any) -> pd.DataFrame:
    if lazy.implementation is nw.Implementation.POLARS:
        # The streaming engine reads a file in batches: memory stays flat.
        out = lazy.collect(backend="pandas", engine="streaming")
    elif lazy.implementation.is_spark_like():
        # Through Arrow: PySpark's own conversion to pandas predates pandas 3.
        table = lazy.collect(backend="pyarrow").to_native()
        converted: pd.DataFrame = table.to_pandas()
        return converted
    else:
        out = lazy.collect(backend="pandas")
    native: pd.DataFrame = out.to_native()
    return native


def to_callers_kind(table: pd.DataFrame, opened: Opened) -> Any:
    """Return a small pandas result in the library (and laziness) the caller used."""
    impl: Any = opened.implementation
    if impl is None or impl is nw.Implementation.PANDAS:
        return table
    frame = nw.from_native(table, eager_only=True)
    if opened.eager:
        return nw.from_arrow(frame.to_arrow(), backend=impl).to_native()
    if impl in {nw.Implementation.PYSPARK, nw.Implementation.PYSPARK_CONNECT}:
        session = opened.native.sparkSession
        return frame.lazy(backend=impl, session=session).to_native()
    if impl is nw.Implementation.DUCKDB:
        import duckdb

        return duckdb.from_arrow(frame.to_arrow())
    with _quiet_about_dask():
        return frame.lazy(backend=impl).to_native()
