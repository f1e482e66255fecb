"""Record-level data: definitions, validation, generation and aggregation on every backend."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators.records import (
    CLASS_BOUNDS_MONTHS,
    KENMERK_BOUNDS_MONTHS,
    KENMERKEN,
    UITKOMSTEN,
    VERDICT_RULES,
    aggregate_seizures,
    aggregate_verdicts,
    generate_seizures,
    generate_verdicts,
    validate_seizures,
    validate_verdicts,
)

SAMPLES = oi.load_samples()
TABLES = ("uitspraken", "vrijheidsstraffen", "vrijheidsstraffen_kenmerken")


def _records(**rows: list[Any]) -> pd.DataFrame:
    n = len(next(iter(rows.values())))
    base: dict[str, list[Any]] = {
        "jaar": [2022] * n,
        "uitkomst": ["schuldig"] * n,
        "vrijheidsstraf": [True] * n,
        "taakstraf": [False] * n,
        "duur_maanden": [6.0] * n,
        "delictgroep": ["overig"] * n,
        "arrondissement": ["Rotterdam"] * n,
    }
    base.update(rows)
    return pd.DataFrame(base)


def as_pandas(table: Any) -> pd.DataFrame:
    """Any backend's result as a pandas DataFrame with the bundled tables' dtypes."""
    if isinstance(table, pl.LazyFrame):
        table = table.collect()
    if isinstance(table, pl.DataFrame | pa.Table):
        table = table.to_pandas()
    elif hasattr(table, "df") and not isinstance(table, pd.DataFrame):  # DuckDB relation
        table = table.df()
    elif hasattr(table, "compute"):  # Dask
        table = table.compute()
    elif hasattr(table, "toArrow"):  # Spark (its toPandas predates pandas 3)
        table = table.toArrow().to_pandas()
    assert isinstance(table, pd.DataFrame), type(table)
    frame = table.reset_index(drop=True)
    text = {"uitkomst", "duurklasse", "kenmerk", "soort"}
    return frame.astype({c: "str" for c in frame.columns if c in text})


def _duckdb(df: pd.DataFrame) -> Any:
    import duckdb

    return duckdb.connect().from_arrow(pa.Table.from_pandas(df, preserve_index=False))


def _dask(df: pd.DataFrame) -> Any:
    import dask.dataframe as dd

    return dd.from_pandas(df, npartitions=7)  # type: ignore[no-untyped-call]


BACKENDS: dict[str, Callable[[pd.DataFrame], Any]] = {
    "pandas": lambda df: df,
    "polars": lambda df: pl.from_pandas(df),
    "polars-lazy": lambda df: pl.from_pandas(df).lazy(),
    "pyarrow": lambda df: pa.Table.from_pandas(df, preserve_index=False),
    "duckdb": _duckdb,
    "dask": _dask,
}


def _aggregated(records: pd.DataFrame, backend: str, **kwargs: Any) -> dict[str, pd.DataFrame]:
    tables = aggregate_verdicts(BACKENDS[backend](records), **kwargs)
    return {name: as_pandas(table) for name, table in tables.items()}


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_generated_records_count_back_to_the_report_tables_on_every_backend(backend: str) -> None:
    tables = _aggregated(generate_verdicts(seed=3), backend)
    for name in ("uitspraken", "vrijheidsstraffen"):
        pd.testing.assert_frame_equal(tables[name], SAMPLES[name], obj=name)
    kenmerken = tables["vrijheidsstraffen_kenmerken"].query("jaar == 2022").reset_index(drop=True)
    pd.testing.assert_frame_equal(kenmerken, SAMPLES["vrijheidsstraffen_kenmerken"])


@pytest.mark.parametrize("engine", ["polars", "duckdb", "pandas"])
@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_a_file_of_records_is_counted_by_each_engine(
    engine: str, suffix: str, tmp_path: Path
) -> None:
    records = generate_verdicts(seed=4)
    path = tmp_path / f"uitspraken{suffix}"
    if suffix == ".parquet":
        records.to_parquet(path)
    else:
        records.to_csv(path, index=False)
    tables = aggregate_verdicts(path, engine=engine, validate=True)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(tables["vrijheidsstraffen"], SAMPLES["vrijheidsstraffen"])


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_no_records_give_empty_tables(backend: str) -> None:
    tables = _aggregated(generate_verdicts(seed=1).iloc[:0], backend, validate=True)
    assert all(len(t) == 0 for t in tables.values())
    assert list(tables["uitspraken"].columns) == ["jaar", "uitkomst", "aantal"]


def test_the_result_has_the_callers_kind() -> None:
    records = generate_verdicts(seed=0)
    kinds = {
        "pandas": pd.DataFrame,
        "polars": pl.DataFrame,
        "polars-lazy": pl.LazyFrame,
        "pyarrow": pa.Table,
    }
    for backend, kind in kinds.items():
        result = aggregate_verdicts(BACKENDS[backend](records))["uitspraken"]
        assert isinstance(result, kind), backend
    import dask.dataframe as dd
    import duckdb

    assert isinstance(aggregate_verdicts(_duckdb(records))["uitspraken"], duckdb.DuckDBPyRelation)
    assert isinstance(aggregate_verdicts(_dask(records))["uitspraken"], dd.DataFrame)


@st.composite
def court_tables(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    """Consistent court tables for one to three years, as an analyst might have them."""
    years = draw(st.lists(st.integers(2000, 2040), min_size=1, max_size=3, unique=True))
    u, v, k = [], [], []
    for jaar in years:
        outcomes = draw(st.lists(st.integers(0, 60), min_size=3, max_size=3))
        classes = draw(st.lists(st.integers(0, 20), min_size=4, max_size=4))
        outcomes[0] += sum(classes)  # every custodial sentence is a guilty verdict
        outcomes[1] += int(sum(outcomes) == 0)  # a year without records has no rows
        custodial = sum(classes)
        taak = draw(st.integers(0, custodial))
        drugs = draw(st.integers(0, custodial))
        ten = draw(st.integers(0, classes[3]))
        thirty = draw(st.integers(0, classes[3] - ten))
        u += [(jaar, o, n) for o, n in zip(UITKOMSTEN, outcomes, strict=True)]
        v += [(jaar, c, n) for c, n in zip(CLASS_BOUNDS_MONTHS, classes, strict=True)]
        k += [(jaar, f, n) for f, n in zip(KENMERKEN, (taak, drugs, ten, thirty), strict=True)]
    return {
        "uitspraken": pd.DataFrame(u, columns=["jaar", "uitkomst", "aantal"]),
        "vrijheidsstraffen": pd.DataFrame(v, columns=["jaar", "duurklasse", "aantal"]),
        "vrijheidsstraffen_kenmerken": pd.DataFrame(k, columns=["jaar", "kenmerk", "aantal"]),
    }


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"jaar": "int64", "aantal": "int64", frame.columns[1]: "str"})
    return frame.sort_values(list(frame.columns[:2]), ignore_index=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=court_tables(), seed=st.integers(0, 2**32 - 1))
def test_any_consistent_tables_round_trip_identically_on_every_backend(
    tables: dict[str, pd.DataFrame], seed: int
) -> None:
    records = generate_verdicts(tables, seed=seed)
    reference = _aggregated(records, "pandas", engine="pandas")
    for name in TABLES:  # zeros included: every year has every category
        pd.testing.assert_frame_equal(_sorted(reference[name]), _sorted(tables[name]), obj=name)
    oi.validate_tables({k: reference[k] for k in ("uitspraken", "vrijheidsstraffen")})
    for backend in BACKENDS:
        result = _aggregated(records, backend)
        for name in TABLES:
            pd.testing.assert_frame_equal(result[name], reference[name], obj=f"{backend} {name}")


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), scale=st.integers(1, 3))
def test_any_seed_and_scale_aggregate_back_exactly(seed: int, scale: int) -> None:
    tables = aggregate_verdicts(generate_verdicts(scale=scale, seed=seed))
    expected = SAMPLES["vrijheidsstraffen"].assign(aantal=lambda d: d["aantal"] * scale)
    pd.testing.assert_frame_equal(tables["vrijheidsstraffen"], expected)


def test_generated_records_keep_every_rule_of_the_schema() -> None:
    records = generate_verdicts(seed=8, scale=2)
    assert validate_verdicts(records) is records
    objects = generate_seizures(seed=8)
    assert validate_seizures(objects) is objects


def test_aggregated_tables_validate_and_compute() -> None:
    tables = aggregate_verdicts(generate_verdicts(seed=5))
    validated = oi.validate_tables(
        {k: v for k, v in tables.items() if k != "vrijheidsstraffen_kenmerken"}
    )
    values = oi.compute(validated).values
    row = values.query("metric == 'aandeel_vrijheidsstraffen' and year == 2022")
    assert float(row["value"].iloc[0]) == pytest.approx(999 / 1238)


@pytest.mark.parametrize(
    ("months", "klasse"),
    [(0.5, "minder_dan_1_jaar"), (11.99, "minder_dan_1_jaar"), (12.0, "1_tot_2_jaar"),
     (23.9, "1_tot_2_jaar"), (24.0, "2_tot_5_jaar"), (60.0, "2_tot_5_jaar"),
     (60.01, "meer_dan_5_jaar"), (360.0, "meer_dan_5_jaar"), (math.inf, "meer_dan_5_jaar")],
)  # fmt: skip
@pytest.mark.parametrize("engine", ["polars", "duckdb", "pandas"])
def test_duration_class_boundaries(months: float, klasse: str, engine: str) -> None:
    records = _records(duur_maanden=[months])
    table = aggregate_verdicts(records, engine=engine)["vrijheidsstraffen"]  # type: ignore[arg-type]
    expected = {k: int(k == klasse) for k in CLASS_BOUNDS_MONTHS}
    assert table.set_index("duurklasse")["aantal"].to_dict() == expected


def test_a_custodial_sentence_with_a_taakstraf_counts_once_and_as_combined() -> None:
    records = _records(taakstraf=[True, False])
    alone = _records(vrijheidsstraf=[False], taakstraf=[True], duur_maanden=[np.nan])
    tables = aggregate_verdicts(pd.concat([records, alone], ignore_index=True))
    assert int(tables["vrijheidsstraffen"]["aantal"].sum()) == 2
    kenmerken = tables["vrijheidsstraffen_kenmerken"].set_index("kenmerk")["aantal"]
    assert kenmerken["met_taakstraf"] == 1  # the taakstraf without a custodial sentence is not


def test_ten_to_twenty_and_thirty_years_are_counted_as_the_text_counts_them() -> None:
    records = _records(duur_maanden=[119.0, 120.0, 240.0, 241.0, 359.0, 360.0, math.inf])
    kenmerken = aggregate_verdicts(records)["vrijheidsstraffen_kenmerken"].set_index("kenmerk")
    assert kenmerken["aantal"].to_dict() == {
        "met_taakstraf": 0,
        "drugs_productie_en_handel": 0,
        "duur_10_tot_20_jaar": 2,
        "duur_30_jaar": 1,
    }


def test_drug_trade_is_counted_only_for_custodial_sentences() -> None:
    records = _records(delictgroep=["drugs_productie_en_handel", "drugs_overig"])
    extra = _records(
        vrijheidsstraf=[False], duur_maanden=[np.nan], delictgroep=["drugs_productie_en_handel"]
    )
    records = pd.concat([records, extra], ignore_index=True)
    kenmerken = aggregate_verdicts(records)["vrijheidsstraffen_kenmerken"].set_index("kenmerk")
    assert kenmerken.loc["drugs_productie_en_handel", "aantal"] == 1


# One row per rule: a record that breaks it (and only it), and the rule's name.
BROKEN = [
    ({"jaar": [None]}, "jaar_ingevuld"),
    ({"uitkomst": [None]}, "uitkomst_ingevuld"),
    ({"vrijheidsstraf": [None]}, "vrijheidsstraf_ingevuld"),
    ({"taakstraf": [None]}, "taakstraf_ingevuld"),
    ({"delictgroep": [None]}, "delictgroep_ingevuld"),
    ({"arrondissement": [None]}, "arrondissement_ingevuld"),
    ({"jaar": [22]}, "jaar_plausibel"),
    (
        {"uitkomst": ["veroordeeld"], "vrijheidsstraf": [False], "duur_maanden": [np.nan]},
        "uitkomst_bekend",
    ),
    ({"delictgroep": ["drugs"]}, "delictgroep_bekend"),
    ({"arrondissement": ["Utrecht"]}, "arrondissement_bekend"),
    ({"duur_maanden": [0.0]}, "duur_in_bereik"),
    ({"duur_maanden": [-3.0]}, "duur_in_bereik"),
    ({"duur_maanden": [361.0]}, "duur_in_bereik"),
    ({"uitkomst": ["vrijspraak"]}, "vrijheidsstraf_alleen_bij_schuldig"),
    (
        {
            "uitkomst": ["overig"],
            "vrijheidsstraf": [False],
            "taakstraf": [True],
            "duur_maanden": [np.nan],
        },
        "taakstraf_alleen_bij_schuldig",
    ),
    ({"duur_maanden": [np.nan]}, "vrijheidsstraf_heeft_duur"),
    ({"vrijheidsstraf": [False]}, "duur_alleen_bij_vrijheidsstraf"),
]


def test_the_duration_features_are_features_of_the_table() -> None:
    assert set(KENMERK_BOUNDS_MONTHS) <= set(KENMERKEN)


def test_every_rule_has_a_broken_example() -> None:
    assert {rule for _, rule in BROKEN} == {r.name for r in VERDICT_RULES}


@pytest.mark.parametrize(
    ("change", "rule"), BROKEN, ids=[f"{r}-{i}" for i, (_, r) in enumerate(BROKEN)]
)
@pytest.mark.parametrize("engine", ["polars", "duckdb", "pandas"])
def test_each_broken_rule_is_reported_with_its_row_on_each_engine(
    change: dict[str, list[Any]], rule: str, engine: str
) -> None:
    good = _records(jaar=[2021, 2021])
    bad = _records(**change)
    # Nullable dtypes, so that an empty year or flag stays a whole number or a flag.
    records = pd.concat([good, bad], ignore_index=True).astype(
        {"jaar": "Int64", "vrijheidsstraf": "boolean", "taakstraf": "boolean"}
    )
    with pytest.raises(errors.DataValidationError, match=r"1 row\(s\) break the rule: ") as caught:
        validate_verdicts(records, engine=engine)  # type: ignore[arg-type]
    failures = caught.value.failures
    assert isinstance(failures, pd.DataFrame)
    assert failures["rule"].tolist() == [rule]
    assert failures["failing_rows"].tolist() == [1]
    assert "1 row(s) break the rule" in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    records = _records(
        jaar=[2022, 2022, 1800],
        uitkomst=["schuldig", "vrijspraak", "schuldig"],
        duur_maanden=[np.nan, 6.0, 6.0],
        arrondissement=["Rotterdam", "Rotterdam", "Utrecht"],
    )
    with pytest.raises(errors.DataValidationError, match=r"^4 problem\(s\) in the") as caught:
        validate_verdicts(records)
    failures = caught.value.failures
    assert isinstance(failures, pd.DataFrame)
    assert set(failures["rule"]) == {
        "jaar_plausibel",
        "arrondissement_bekend",
        "vrijheidsstraf_alleen_bij_schuldig",
        "vrijheidsstraf_heeft_duur",
    }
    assert "jaar=1800" in str(caught.value)


def test_missing_and_mistyped_columns_are_named() -> None:
    records = _records(jaar=["2022"]).drop(columns="delictgroep")
    with pytest.raises(errors.DataValidationError, match=r"'delictgroep' is missing") as caught:
        aggregate_verdicts(records)
    message = str(caught.value)
    assert "required column 'delictgroep' is missing" in message
    assert "column 'jaar' holds String, but should hold whole numbers" in message


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_records_that_cannot_be_counted_are_refused_without_validate(backend: str) -> None:
    records = _records(duur_maanden=[np.nan, 6.0])
    with pytest.raises(errors.DataValidationError, match=r"a missing duration is not a class"):
        aggregate_verdicts(BACKENDS[backend](records))


def test_the_district_is_checked_only_when_asked() -> None:
    records = _records(arrondissement=["Utrecht"])
    assert int(aggregate_verdicts(records)["uitspraken"]["aantal"].sum()) == 1
    with pytest.raises(errors.DataValidationError, match="arrondissement"):
        aggregate_verdicts(records, validate=True)


def test_scale_must_be_a_positive_whole_number() -> None:
    for scale in (0, 1.5, True):
        with pytest.raises(errors.InvalidInputError, match="scale"):
            generate_verdicts(scale=scale)  # type: ignore[arg-type]


def test_contradictory_tables_are_refused_by_the_generator() -> None:
    tables = dict(SAMPLES)
    tables["vrijheidsstraffen_kenmerken"] = SAMPLES["vrijheidsstraffen_kenmerken"].assign(
        aantal=[161, 5000, 43, 11]
    )
    with pytest.raises(errors.InvalidInputError, match="in 2022, 5000 sentences"):
        generate_verdicts(tables)


def test_an_unknown_engine_or_input_is_named() -> None:
    records = _records(jaar=[2022])
    with pytest.raises(errors.InvalidInputError, match="unknown engine 'spark'"):
        aggregate_verdicts(records, engine="spark")  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidInputError, match="got list"):
        aggregate_verdicts([1, 2, 3])
    with pytest.raises(errors.InvalidInputError, match=r"not a \.parquet or \.csv"):
        aggregate_verdicts(Path(__file__))


IMPORTS = """
import sys, traceback, warnings
warnings.simplefilter("ignore")
first = {}
class Watch:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in ENGINES and top not in first:
            first[top] = [f.filename for f in traceback.extract_stack()]
        return None
ENGINES = ("polars", "duckdb", "dask", "pyspark", "narwhals")
sys.meta_path.insert(0, Watch())
def loaded():
    return sorted(m for m in ENGINES if m in sys.modules)
import ondermijning_indicators as oi
print(loaded())
oi.reproduce()
print(loaded())
import ondermijning_indicators.records
print(loaded())
# Which loaded engines came in through pandera's own imports, not the library's?
print(sorted(m for m in loaded() if any("/pandera/" in f for f in first[m])))
"""


def test_importing_the_package_and_reproducing_loads_no_dataframe_engine() -> None:
    out = subprocess.run(
        [sys.executable, "-c", IMPORTS], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    by_pandera = set(eval(out[3]))
    # pandera imports PySpark at its own import when PySpark is installed; the library
    # loads no engine until records arrive (its table schemas use pandera's object API,
    # which, unlike DataFrameModel, does not import Dask).
    assert by_pandera <= {"pyspark"}
    assert set(eval(out[0])) - by_pandera == set()
    assert set(eval(out[1])) - by_pandera == set()
    assert set(eval(out[2])) - by_pandera == {"narwhals"}


@pytest.mark.parametrize("backend", ["pandas", "polars", "polars-lazy", "duckdb", "dask"])
def test_seized_objects_add_up_to_the_beslag_table_on_every_backend(backend: str) -> None:
    table = aggregate_seizures(BACKENDS[backend](generate_seizures(seed=2)))
    # Record-level sums are exact; the printed qualifier ("ruim") is not a record's.
    pd.testing.assert_frame_equal(as_pandas(table), SAMPLES["beslag"].drop(columns="kwalificatie"))


@settings(max_examples=15, deadline=None)
@given(
    total=st.integers(2_000_000, 10**10),
    share=st.floats(0, 1),
    seed=st.integers(0, 1000),
)
def test_any_amounts_split_into_objects_add_up_exactly(total: int, share: float, seed: int) -> None:
    digital = int(total * share)
    beslag = pd.DataFrame(
        {"jaar": [2030, 2030], "soort": ["totaal", "digitaal"], "bedrag_eur": [total, digital]}
    )
    objects = generate_seizures(beslag, seed=seed)
    table = aggregate_seizures(objects)
    assert table["bedrag_eur"].tolist() == [float(total), float(digital)]
    pl_table = aggregate_seizures(pl.from_pandas(objects))
    assert pl_table["bedrag_eur"].to_list() == [float(total), float(digital)]


@pytest.mark.parametrize(
    ("value", "soort", "rule"),
    [(np.nan, "overig", "waarde_eur_ingevuld"), (-1.0, "overig", "waarde_niet_negatief"),
     (math.inf, "overig", "waarde_niet_negatief"), (5.0, "crypto", "soort_bekend")],
)  # fmt: skip
def test_a_seized_object_that_cannot_be_summed_is_refused(
    value: float, soort: str, rule: str
) -> None:
    objects = pd.DataFrame(
        {"jaar": [2022, 2022], "soort": ["overig", soort], "waarde_eur": [100.0, value]}
    )
    with pytest.raises(errors.DataValidationError, match=r"1 row\(s\) break the rule: ") as caught:
        aggregate_seizures(objects)
    failures = caught.value.failures
    assert isinstance(failures, pd.DataFrame)
    assert failures["rule"].tolist() == [rule]


# Beyond one machine: a local distributed Dask cluster, and Spark where installed.


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as connected:  # type: ignore[no-untyped-call]
        yield connected


# dask's Parquet reader calls a pandas method pandas 3.1 deprecates; not ours to mend.
@pytest.mark.filterwarnings(
    r"ignore:(?s).*The inplace keyword in DataFrame:pandas.errors.Pandas4Warning"
)
def test_a_dask_cluster_counts_many_partitions_as_pandas_does(client: Any, tmp_path: Path) -> None:
    import dask.dataframe as dd

    records = generate_verdicts(scale=20, seed=11)
    path = tmp_path / "uitspraken"
    # Sixteen Parquet files, read by the workers: no partition is ever in this process.
    dd.from_pandas(records, npartitions=16).to_parquet(path)  # type: ignore[no-untyped-call]
    frame = dd.read_parquet(path)
    assert frame.npartitions >= 16
    assert len(client.scheduler_info()["workers"]) == 2
    validate_verdicts(frame)
    expected = aggregate_verdicts(records, engine="pandas")
    result = aggregate_verdicts(frame)
    for name, table in result.items():
        pd.testing.assert_frame_equal(as_pandas(table), expected[name], obj=name)


def test_a_dask_cluster_sums_seizures_as_pandas_does(client: Any) -> None:
    import dask.dataframe as dd

    objects = generate_seizures(objecten_per_miljoen=50, seed=3)
    result = aggregate_seizures(dd.from_pandas(objects, npartitions=8))  # type: ignore[no-untyped-call]
    pd.testing.assert_frame_equal(as_pandas(result), aggregate_seizures(objects, engine="pandas"))


@pytest.mark.skipif(find_spec("pyspark") is None, reason="PySpark is not installed")
def test_spark_counts_as_pandas_does() -> None:  # pragma: no cover - where PySpark is installed
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("ondermijning").getOrCreate()
    records = generate_verdicts(seed=12)
    frame = spark.createDataFrame(
        records.astype(dict.fromkeys(records.select_dtypes("category"), "str"))
    )
    expected = aggregate_verdicts(records, engine="pandas")
    for name, table in aggregate_verdicts(frame, validate=True).items():
        pd.testing.assert_frame_equal(as_pandas(table), expected[name], obj=name)


# The command line: records file in, the report's tables out, ready for compute.


def test_the_cli_generates_aggregates_and_computes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ondermijning_indicators import cli

    runner = CliRunner()
    records = tmp_path / "uitspraken.parquet"
    made = runner.invoke(cli.app, ["generate", str(records), "--scale", "2", "--seed", "4"])
    assert made.exit_code == 0, made.output
    assert "14.114 synthetic verdict records" in made.output
    out = tmp_path / "tabellen"
    counted = runner.invoke(cli.app, ["aggregate", str(records), "--out", str(out)])
    assert counted.exit_code == 0, counted.output
    assert "vrijheidsstraffen.csv: 20 rows" in counted.output
    tables = oi.load_tables(out)
    expected = SAMPLES["uitspraken"].assign(aantal=lambda d: d["aantal"] * 2)
    pd.testing.assert_frame_equal(tables["uitspraken"], expected)
    seizures = tmp_path / "beslag.csv"
    assert runner.invoke(cli.app, ["generate", str(seizures), "--kind", "seizures"]).exit_code == 0
    summed = runner.invoke(cli.app, ["aggregate", str(seizures), "--out", str(out)])
    assert summed.exit_code == 0, summed.output
    computed = runner.invoke(
        cli.app, ["compute", "--data", str(out), "--out", str(tmp_path / "i.csv")]
    )
    assert computed.exit_code == 0, computed.output
    values = pd.read_csv(tmp_path / "i.csv")
    share = values.query("metric == 'aandeel_vrijheidsstraffen' and year == 2022")["value"]
    assert float(share.iloc[0]) == pytest.approx(999 / 1238)


def test_the_cli_lists_every_broken_rule_and_exits_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ondermijning_indicators import cli

    path = tmp_path / "uitspraken.csv"
    _records(uitkomst=["schuldig", "vrijspraak"], duur_maanden=[np.nan, 6.0]).to_csv(
        path, index=False
    )
    result = CliRunner().invoke(cli.app, ["aggregate", str(path), "--out", str(tmp_path / "t")])
    assert result.exit_code == 2
    assert "2 problem(s) in the verdict records" in result.output
    assert not (tmp_path / "t").exists()


@pytest.mark.parametrize(
    ("change", "rule"), BROKEN, ids=[f"{r}-{i}" for i, (_, r) in enumerate(BROKEN)]
)
def test_the_pandera_schema_breaks_on_the_same_rows(
    change: dict[str, list[Any]], rule: str
) -> None:
    import pandera.errors

    from ondermijning_indicators.records import verdict_schema

    schema = verdict_schema()
    good = _records(jaar=[2021, 2021])
    assert len(schema.validate(good)) == 2
    records = pd.concat([good, _records(**change)], ignore_index=True).astype(
        {"jaar": "Int64", "vrijheidsstraf": "boolean", "taakstraf": "boolean"}
    )
    with pytest.raises(pandera.errors.SchemaErrors, match=r"(?s)error") as caught:
        schema.validate(records, lazy=True)
    checks = set(caught.value.failure_cases["check"].astype(str))
    if rule.endswith("_ingevuld"):  # pandera's own emptiness check (and failed coercion)
        assert "not_nullable" in checks, checks
    else:
        assert checks == {{r.name: r.description for r in VERDICT_RULES}[rule]}
