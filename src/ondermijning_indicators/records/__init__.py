"""Record-level data: one row per verdict or seized object, and its aggregation.

The report's court and seizure tables are counts and sums of records. This
subpackage makes the counting rules explicit (`VERDICT_COLUMNS`, `VERDICT_RULES`,
`CLASS_BOUNDS_MONTHS`; the definitions page of the documentation states them in
words), validates records against them, counts records into the exact tables that
`compute` uses, and generates synthetic records that count back to given tables.

Records may be a pandas, Polars (eager or lazy), PyArrow, DuckDB, Dask or Spark
dataframe, or a Parquet or CSV file; results come back in the caller's library.
Importing this subpackage loads narwhals only; Polars, DuckDB, Dask and Spark load
when records of theirs arrive (install them with the extras ``polars``, ``duckdb``,
``dask``).

The report leaves its counting rules implicit; the library's are `COUNTING_RULES`
(in words), `CLASS_BOUNDS_MONTHS` and `KENMERK_BOUNDS_MONTHS` (the duration bounds), and
`VERDICT_RULES` / `SEIZURE_RULES` (what a valid record keeps). The documentation's
Metrics page shows them beside the metrics that use them.
"""

from __future__ import annotations

from ._aggregate import aggregate_seizures, aggregate_verdicts
from ._definitions import (
    ARRONDISSEMENTEN,
    CLASS_BOUNDS_MONTHS,
    COUNTING_RULES,
    DELICTGROEPEN,
    KENMERK_BOUNDS_MONTHS,
    KENMERKEN,
    MAX_DUUR_MAANDEN,
    RECORD_TABLES,
    SEIZURE_COLUMNS,
    SEIZURE_RULES,
    SOORTEN_BESLAG,
    UITKOMSTEN,
    VERDICT_COLUMNS,
    VERDICT_RULES,
    RecordColumn,
    RecordRule,
)
from ._engine import ENGINES, Engine
from ._files import record_kind, verify_records, write_records
from ._generate import generate_seizures, generate_verdicts
from ._pandera import seizure_schema, verdict_schema
from ._validate import validate_seizures, validate_verdicts

__all__ = [
    "ARRONDISSEMENTEN",
    "CLASS_BOUNDS_MONTHS",
    "COUNTING_RULES",
    "DELICTGROEPEN",
    "ENGINES",
    "KENMERKEN",
    "KENMERK_BOUNDS_MONTHS",
    "MAX_DUUR_MAANDEN",
    "RECORD_TABLES",
    "SEIZURE_COLUMNS",
    "SEIZURE_RULES",
    "SOORTEN_BESLAG",
    "UITKOMSTEN",
    "VERDICT_COLUMNS",
    "VERDICT_RULES",
    "Engine",
    "RecordColumn",
    "RecordRule",
    "aggregate_seizures",
    "aggregate_verdicts",
    "generate_seizures",
    "generate_verdicts",
    "record_kind",
    "seizure_schema",
    "validate_seizures",
    "validate_verdicts",
    "verdict_schema",
    "verify_records",
    "write_records",
]
