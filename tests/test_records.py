"""Record-level court data: definitions, generation and aggregation on every backend."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ondermijning_indicators as oi
import ondermijning_indicators.records
from ondermijning_indicators import errors
from ondermijning_indicators.records import aggregate_verdicts, generate_verdicts

SAMPLES = oi.load_samples()


def _records(**rows: list[object]) -> pd.DataFrame:
    n = len(next(iter(rows.values())))
    base: dict[str, list[object]] = {
        "jaar": [2022] * n,
        "uitkomst": ["schuldig"] * n,
        "vrijheidsstraf": [True] * n,
        "taakstraf": [False] * n,
        "duur_maanden": [6.0] * n,
        "delictgroep": ["overig"] * n,
    }
    base.update(rows)
    return pd.DataFrame(base)


def _as_pandas(table: object) -> pd.DataFrame:
    if isinstance(table, pl.LazyFrame):
        table = table.collect()
    if isinstance(table, pl.DataFrame):
        return table.to_pandas()
    if isinstance(table, pa.Table):
        converted: pd.DataFrame = table.to_pandas()
        return converted
    assert isinstance(table, pd.DataFrame)
    return table


@pytest.mark.parametrize(
    "backend",
    [
        lambda df: df,
        pl.from_pandas,
        lambda df: pl.from_pandas(df).lazy(),
        lambda df: pa.Table.from_pandas(df, preserve_index=False),
    ],
    ids=["pandas", "polars", "polars-lazy", "pyarrow"],
)
def test_generated_records_aggregate_back_to_the_report_tables_on_every_backend(
    backend: object,
) -> None:
    records = generate_verdicts(seed=3)
    tables = aggregate_verdicts(backend(records))  # type: ignore[operator]
    for name in ("uitspraken", "vrijheidsstraffen"):
        pd.testing.assert_frame_equal(
            _as_pandas(tables[name]), SAMPLES[name], check_dtype=False, obj=name
        )
    kenmerken = _as_pandas(tables["vrijheidsstraffen_kenmerken"]).query("jaar == 2022")
    expected = SAMPLES["vrijheidsstraffen_kenmerken"].set_index("kenmerk")["aantal"]
    assert kenmerken.set_index("kenmerk")["aantal"].sort_index().to_dict() == (
        expected.sort_index().to_dict()
    )


def test_the_result_has_the_callers_kind() -> None:
    records = generate_verdicts(seed=0)
    assert isinstance(aggregate_verdicts(records)["uitspraken"], pd.DataFrame)
    assert isinstance(aggregate_verdicts(pl.from_pandas(records))["uitspraken"], pl.DataFrame)
    lazy = aggregate_verdicts(pl.from_pandas(records).lazy())["uitspraken"]
    assert isinstance(lazy, pl.LazyFrame)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), scale=st.integers(1, 3))
def test_any_seed_and_scale_aggregate_back_exactly(seed: int, scale: int) -> None:
    tables = aggregate_verdicts(generate_verdicts(scale=scale, seed=seed))
    expected = SAMPLES["vrijheidsstraffen"].assign(aantal=lambda d: d["aantal"] * scale)
    pd.testing.assert_frame_equal(tables["vrijheidsstraffen"], expected)


def test_aggregated_tables_validate_and_compute() -> None:
    tables = aggregate_verdicts(generate_verdicts(seed=5))
    validated = oi.validate_tables(
        {k: v for k, v in tables.items() if k != "vrijheidsstraffen_kenmerken"}
    )
    values = oi.compute(validated).values
    row = values.query("metric == 'aandeel_vrijheidsstraffen' and jaar == 2022")
    assert float(row["waarde"].iloc[0]) == pytest.approx(999 / 1238)


@pytest.mark.parametrize(
    ("months", "klasse"),
    [(0.5, "minder_dan_1_jaar"), (11.99, "minder_dan_1_jaar"), (12.0, "1_tot_2_jaar"),
     (23.9, "1_tot_2_jaar"), (24.0, "2_tot_5_jaar"), (60.0, "2_tot_5_jaar"),
     (60.5, "meer_dan_5_jaar"), (360.0, "meer_dan_5_jaar")],
)  # fmt: skip
def test_duration_class_boundaries(months: float, klasse: str) -> None:
    table = aggregate_verdicts(_records(duur_maanden=[months]))["vrijheidsstraffen"]
    assert table.set_index("duurklasse")["aantal"].to_dict() == {klasse: 1}


def test_a_custodial_sentence_with_a_taakstraf_counts_once_and_as_combined() -> None:
    tables = aggregate_verdicts(_records(taakstraf=[True, False]))
    assert int(tables["vrijheidsstraffen"]["aantal"].sum()) == 2
    kenmerken = tables["vrijheidsstraffen_kenmerken"].set_index("kenmerk")["aantal"]
    assert kenmerken["met_taakstraf"] == 1


def test_ten_to_twenty_and_thirty_years_are_counted_as_the_text_counts_them() -> None:
    tables = aggregate_verdicts(_records(duur_maanden=[119.0, 120.0, 240.0, 241.0, 360.0]))
    kenmerken = tables["vrijheidsstraffen_kenmerken"].set_index("kenmerk")["aantal"]
    assert (kenmerken["duur_10_tot_20_jaar"], kenmerken["duur_30_jaar"]) == (2, 1)


def test_a_missing_duration_is_an_error_not_a_class() -> None:
    with pytest.raises(errors.InvalidInputError, match="1 custodial sentence"):
        aggregate_verdicts(_records(duur_maanden=[np.nan]))


def test_a_custodial_sentence_without_a_guilty_verdict_is_an_error() -> None:
    with pytest.raises(errors.InvalidInputError, match="not guilty"):
        aggregate_verdicts(_records(uitkomst=["vrijspraak"]))


def test_missing_columns_are_named() -> None:
    with pytest.raises(errors.InvalidInputError, match="delictgroep"):
        aggregate_verdicts(_records(jaar=[2022]).drop(columns="delictgroep"))


def test_scale_must_be_a_positive_whole_number() -> None:
    with pytest.raises(errors.InvalidInputError, match="scale"):
        generate_verdicts(scale=0)


def test_importing_the_package_and_reproducing_loads_no_dataframe_engine() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ondermijning_indicators as oi; oi.reproduce(); "
        "print(sorted(m for m in ('polars', 'duckdb', 'dask', 'narwhals') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "backend",
    [lambda df: df, pl.from_pandas, lambda df: pl.from_pandas(df).lazy()],
    ids=["pandas", "polars", "polars-lazy"],
)
def test_seized_objects_add_up_to_the_beslag_table_on_every_backend(backend: object) -> None:
    table = oi.records.aggregate_seizures(backend(oi.records.generate_seizures(seed=2)))  # type: ignore[operator]
    pd.testing.assert_frame_equal(_as_pandas(table), SAMPLES["beslag"], check_dtype=False)


@settings(max_examples=10, deadline=None)
@given(
    total=st.integers(2_000_000, 10**9),
    share=st.floats(0, 1),
    seed=st.integers(0, 1000),
)
def test_any_amounts_split_into_objects_add_up_exactly(total: int, share: float, seed: int) -> None:
    digital = int(total * share)
    beslag = pd.DataFrame(
        {"jaar": [2030, 2030], "soort": ["totaal", "digitaal"], "bedrag_eur": [total, digital]}
    )
    table = oi.records.aggregate_seizures(oi.records.generate_seizures(beslag, seed=seed))
    wanted = beslag if digital > 0 else beslag.assign(bedrag_eur=[total, 0])
    assert table["bedrag_eur"].tolist() == [float(v) for v in wanted["bedrag_eur"]]


def test_a_seized_object_without_a_value_is_an_error() -> None:
    objects = pd.DataFrame({"jaar": [2022, 2022], "soort": ["overig", "digitaal"],
                            "waarde_eur": [100.0, np.nan]})  # fmt: skip
    with pytest.raises(errors.InvalidInputError, match="missing or negative"):
        oi.records.aggregate_seizures(objects)
