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

Definitions (the report leaves them implicit; these are the library's):

- **guilty** is ``uitkomst == "schuldig"``; ``vrijspraak`` is an acquittal, every
  other outcome is ``overig``;
- a **custodial sentence** is a guilty verdict with ``vrijheidsstraf`` true and a
  duration ``duur_maanden``; one combined with a taakstraf (``taakstraf`` true) is
  counted once, as a custodial sentence, and also as ``met_taakstraf``;
- **duration classes**, in months: ``minder_dan_1_jaar`` is (0, 12),
  ``1_tot_2_jaar`` [12, 24), ``2_tot_5_jaar`` [24, 60] (exactly five years is not
  "> 5 jaar"), ``meer_dan_5_jaar`` above 60, a life sentence included;
  ``duur_10_tot_20_jaar`` is [120, 240] and ``duur_30_jaar`` exactly 360;
- a **missing duration** on a custodial sentence is an error, never a class;
- a **seizure** record is one seized object; ``beslag`` totals all objects of a
  year and, separately, the digital ones.
"""

from __future__ import annotations

from ._aggregate import KENMERKEN, aggregate_seizures, aggregate_verdicts
from ._definitions import (
    ARRONDISSEMENTEN,
    CLASS_BOUNDS_MONTHS,
    DELICTGROEPEN,
    KENMERK_BOUNDS_MONTHS,
    MAX_DUUR_MAANDEN,
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
from ._generate import generate_seizures, generate_verdicts
from ._pandera import seizure_schema, verdict_schema
from ._validate import validate_seizures, validate_verdicts

__all__ = [
    "ARRONDISSEMENTEN",
    "CLASS_BOUNDS_MONTHS",
    "DELICTGROEPEN",
    "ENGINES",
    "KENMERKEN",
    "KENMERK_BOUNDS_MONTHS",
    "MAX_DUUR_MAANDEN",
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
    "seizure_schema",
    "validate_seizures",
    "validate_verdicts",
    "verdict_schema",
]
