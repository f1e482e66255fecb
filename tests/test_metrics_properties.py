"""Layer 3: hypothesis properties of every metric."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators._registry import Unit, iter_metrics

SHARE_METRICS = sorted(
    meta.id
    for meta in iter_metrics()
    if meta.unit is Unit.SHARE and meta.func.__module__.endswith("._bestraffen")
)
"""Shares of counts (the court metrics); shares of amounts are tested with their section."""
CHANGE_METRICS = ["verandering", "relatieve_verandering"]
PROPERTY_TESTED = SHARE_METRICS + CHANGE_METRICS
"""Metrics whose properties this module tests. Every test module that tests the
properties of metrics declares such a list; the completeness test below gathers them."""

counts = st.integers(min_value=0, max_value=10**7)


@st.composite
def part_and_whole(draw: st.DrawFn) -> tuple[int, int]:
    whole = draw(st.integers(min_value=1, max_value=10**7))
    return draw(st.integers(min_value=0, max_value=whole)), whole


@st.composite
def year_series_pair(draw: st.DrawFn) -> tuple[pd.Series, pd.Series]:
    years = draw(st.lists(st.integers(1990, 2100), min_size=1, max_size=12, unique=True))
    pairs = draw(st.lists(part_and_whole(), min_size=len(years), max_size=len(years)))
    index = pd.Index(years, name="jaar")
    return (
        pd.Series([p for p, _ in pairs], index=index),
        pd.Series([w for _, w in pairs], index=index),
    )


def _f(metric_id: str) -> Callable[..., Any]:
    return getattr(m, metric_id)  # type: ignore[no-any-return]


def test_every_metric_has_property_tests() -> None:
    tested: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        module = importlib.import_module(f"{__package__}.{path.stem}")
        tested |= set(getattr(module, "PROPERTY_TESTED", []))
    missing = {meta.id for meta in iter_metrics()} - tested
    assert not missing, f"metrics without property tests: {sorted(missing)}"


@pytest.mark.parametrize("metric_id", SHARE_METRICS)
class TestShareProperties:
    @given(pw=part_and_whole())
    def test_share_is_in_zero_one(self, metric_id: str, pw: tuple[int, int]) -> None:
        assert 0.0 <= _f(metric_id)(*pw) <= 1.0

    @given(pw=part_and_whole(), extra=counts)
    def test_share_grows_with_the_part(
        self, metric_id: str, pw: tuple[int, int], extra: int
    ) -> None:
        part, whole = pw
        bigger = min(part + extra, whole)
        assert _f(metric_id)(bigger, whole) >= _f(metric_id)(part, whole)

    @given(pw=part_and_whole(), extra=st.integers(min_value=0, max_value=10**6))
    def test_share_shrinks_as_the_whole_grows(
        self, metric_id: str, pw: tuple[int, int], extra: int
    ) -> None:
        part, whole = pw
        assert _f(metric_id)(part, whole + extra) <= _f(metric_id)(part, whole)

    @given(pw=part_and_whole(), k=st.integers(min_value=1, max_value=1000))
    def test_scaling_part_and_whole_together_changes_nothing(
        self, metric_id: str, pw: tuple[int, int], k: int
    ) -> None:
        part, whole = pw
        assert _f(metric_id)(part * k, whole * k) == pytest.approx(
            _f(metric_id)(part, whole), rel=1e-12
        )

    @given(pair=year_series_pair())
    def test_scalar_array_and_series_agree(
        self, metric_id: str, pair: tuple[pd.Series, pd.Series]
    ) -> None:
        part, whole = pair
        series = _f(metric_id)(part, whole)
        array = _f(metric_id)(part.to_numpy(), whole.to_numpy())
        scalars = [_f(metric_id)(int(p), int(w)) for p, w in zip(part, whole, strict=True)]
        np.testing.assert_array_equal(series.to_numpy(), array)
        np.testing.assert_array_equal(array, np.array(scalars))
        assert series.index.equals(part.index)

    @given(pair=year_series_pair(), data=st.data())
    def test_order_of_years_does_not_matter(
        self, metric_id: str, pair: tuple[pd.Series, pd.Series], data: st.DataObject
    ) -> None:
        part, whole = pair
        order = data.draw(st.permutations(list(whole.index)))
        shuffled = _f(metric_id)(part, whole.loc[order])
        pd.testing.assert_series_equal(
            shuffled.sort_index(), _f(metric_id)(part, whole).sort_index()
        )

    @given(pair=year_series_pair())
    def test_inputs_are_not_changed(
        self, metric_id: str, pair: tuple[pd.Series, pd.Series]
    ) -> None:
        part, whole = pair
        before = (part.copy(), whole.copy())
        arr_part, arr_whole = part.to_numpy().copy(), whole.to_numpy().copy()
        _f(metric_id)(part, whole)
        _f(metric_id)(arr_part, arr_whole)
        pd.testing.assert_series_equal(part, before[0])
        pd.testing.assert_series_equal(whole, before[1])
        np.testing.assert_array_equal(arr_part, before[0].to_numpy())
        np.testing.assert_array_equal(arr_whole, before[1].to_numpy())

    @given(pw=part_and_whole(), excess=st.integers(min_value=1, max_value=10**6))
    def test_a_part_above_its_whole_always_raises(
        self, metric_id: str, pw: tuple[int, int], excess: int
    ) -> None:
        _, whole = pw
        with pytest.raises(errors.PartExceedsWholeError, match=rf"^{metric_id}: .* is larger than"):
            _f(metric_id)(whole + excess, whole)

    @given(pw=part_and_whole(), minus=st.integers(min_value=1, max_value=10**6))
    def test_a_negative_count_always_raises(
        self, metric_id: str, pw: tuple[int, int], minus: int
    ) -> None:
        _, whole = pw
        with pytest.raises(errors.NegativeCountError, match=rf"^{metric_id}: .* is negative \(-"):
            _f(metric_id)(-minus, whole)

    @given(
        parts=hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(0, 1e6)),
    )
    def test_fractional_counts_always_raise(self, metric_id: str, parts: np.ndarray) -> None:
        assume(bool((parts != np.round(parts)).any()))
        with pytest.raises(errors.InvalidInputError, match="whole number"):
            _f(metric_id)(parts, np.full(parts.shape, 2e6))


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)
positive = st.floats(min_value=1.0, max_value=1e6, allow_nan=False)


@given(a=finite, b=finite, c=finite)
def test_changes_compose_over_years(a: float, b: float, c: float) -> None:
    assert m.verandering(a, b) + m.verandering(b, c) == pytest.approx(m.verandering(a, c), abs=1e-6)


@given(a=finite, b=finite)
def test_change_reverses_sign_when_years_swap(a: float, b: float) -> None:
    assert m.verandering(a, b) == -m.verandering(b, a)


@given(a=positive, b=positive, c=positive)
def test_relative_changes_compose_multiplicatively(a: float, b: float, c: float) -> None:
    composed = (1 + m.relatieve_verandering(a, b)) * (1 + m.relatieve_verandering(b, c))
    assert composed == pytest.approx(1 + m.relatieve_verandering(a, c), rel=1e-7)


@given(a=positive, b=st.floats(min_value=0, max_value=1e9), k=positive)
def test_relative_change_is_scale_invariant(a: float, b: float, k: float) -> None:
    assert m.relatieve_verandering(a * k, b * k) == pytest.approx(
        m.relatieve_verandering(a, b), rel=1e-9, abs=1e-12
    )


@given(a=positive, b=st.floats(min_value=0, max_value=1e9))
def test_relative_change_is_at_least_minus_one(a: float, b: float) -> None:
    assert m.relatieve_verandering(a, b) >= -1.0


@given(pair=year_series_pair())
def test_change_agrees_across_scalar_array_and_series(pair: tuple[pd.Series, pd.Series]) -> None:
    a, b = pair
    for metric in (m.verandering, m.relatieve_verandering):
        assume(bool((a > 0).all()))
        series = metric(a, b)
        array = metric(a.to_numpy(), b.to_numpy())
        scalars = [metric(float(x), float(y)) for x, y in zip(a, b, strict=True)]
        np.testing.assert_allclose(series.to_numpy(), array)
        np.testing.assert_allclose(array, scalars)
