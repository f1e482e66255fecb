"""Layer 2: a table of edge cases for every metric."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators._registry import Unit, iter_metrics

SHARE_METRICS = sorted(
    meta.id
    for meta in iter_metrics()
    if meta.unit is Unit.SHARE and meta.func.__module__.endswith("._bestraffen")
)
"""Shares of counts (the court metrics); shares of amounts are tested with their section."""


def _share(metric_id: str) -> Callable[..., Any]:
    return getattr(m, metric_id)  # type: ignore[no-any-return]


def _years(*values: float, years: tuple[int, ...] = (2021, 2022)) -> pd.Series:
    return pd.Series(values, index=pd.Index(years, name="jaar"))


@pytest.mark.parametrize("metric_id", SHARE_METRICS)
class TestShareEdgeCases:
    def test_zero_denominator_raises_naming_metric_argument_and_year(self, metric_id: str) -> None:
        with pytest.raises(errors.ZeroDenominatorError, match=r"is 0 for jaar 2021") as info:
            _share(metric_id)(_years(0, 5), _years(0, 10))
        msg = str(info.value)
        assert msg.startswith(f"{metric_id}:")
        assert "jaar 2021" in msg
        assert "zero_division" in msg
        assert "jaar 2022" not in msg

    def test_zero_denominator_is_also_a_builtin_zero_division_error(self, metric_id: str) -> None:
        with pytest.raises(ZeroDivisionError, match=rf"^{metric_id}: `\w+` is 0"):
            _share(metric_id)(0, 0)

    def test_zero_division_nan_gives_nan_with_a_warning(self, metric_id: str) -> None:
        with pytest.warns(errors.UndefinedMetricWarning, match=f"{metric_id}.*jaar 2021"):
            result = _share(metric_id)(_years(0, 5), _years(0, 10), zero_division=np.nan)
        assert math.isnan(result[2021])
        assert result[2022] == 0.5

    def test_zero_division_rejects_unknown_words(self, metric_id: str) -> None:
        with pytest.raises(errors.InvalidInputError, match="zero_division"):
            _share(metric_id)(1, 2, zero_division="warn")

    def test_negative_count_raises_with_value_and_year(self, metric_id: str) -> None:
        with pytest.raises(errors.NegativeCountError, match=r"is negative for jaar 2021 \(-3\)"):
            _share(metric_id)(_years(-3, 5), _years(10, 10))

    def test_part_larger_than_whole_raises(self, metric_id: str) -> None:
        with pytest.raises(errors.PartExceedsWholeError, match=r"\(jaar 2022: 12 > 10\)"):
            _share(metric_id)(_years(5, 12), _years(10, 10))

    def test_thousands_dot_read_as_decimal_is_caught(self, metric_id: str) -> None:
        with pytest.raises(errors.InvalidInputError, match=r"thousands dot.*1238"):
            _share(metric_id)(999, 1.238)

    def test_years_missing_from_one_input_raise(self, metric_id: str) -> None:
        part = _years(1, 2, years=(2021, 2022))
        whole = _years(5, 5, years=(2022, 2023))
        with pytest.raises(errors.MisalignedYearsError, match=r"cover different years") as info:
            _share(metric_id)(part, whole)
        msg = str(info.value)
        assert "2021" in msg
        assert "2023" in msg

    def test_years_in_another_order_are_aligned_by_label(self, metric_id: str) -> None:
        part = _years(1, 4, years=(2021, 2022))
        whole = _years(8, 2, years=(2022, 2021))
        result = _share(metric_id)(part, whole)
        assert result.to_dict() == {2021: 0.5, 2022: 0.5}

    def test_duplicate_years_raise(self, metric_id: str) -> None:
        with pytest.raises(errors.InvalidInputError, match="more than one value"):
            _share(metric_id)(_years(1, 1, years=(2022, 2022)), _years(2, 2, years=(2022, 2022)))

    def test_nan_propagates_as_missing(self, metric_id: str) -> None:
        result = _share(metric_id)(_years(np.nan, 1), _years(4, 4))
        assert math.isnan(result[2021])
        assert result[2022] == 0.25

    def test_empty_arrays_give_an_empty_array(self, metric_id: str) -> None:
        result = _share(metric_id)(np.array([]), np.array([]))
        assert isinstance(result, np.ndarray)
        assert result.shape == (0,)

    @pytest.mark.parametrize("bad", ["12", True, None, np.inf, np.array(["a", "b"])], ids=repr)
    def test_non_numbers_are_rejected(self, metric_id: str, bad: Any) -> None:
        with pytest.raises(errors.InvalidInputError, match=rf"^{metric_id}: `\w+` (must|is inf)"):
            _share(metric_id)(bad, 10)

    def test_series_and_arrays_cannot_be_mixed(self, metric_id: str) -> None:
        with pytest.raises(errors.InvalidInputError, match="no years to align"):
            _share(metric_id)(_years(1, 2), np.array([4, 4]))

    def test_shapes_that_do_not_broadcast_raise(self, metric_id: str) -> None:
        with pytest.raises(errors.InvalidInputError, match="shapes"):
            _share(metric_id)(np.array([1, 2, 3]), np.array([4, 4]))

    def test_scalar_input_gives_a_python_float(self, metric_id: str) -> None:
        result = _share(metric_id)(np.int64(3), np.int64(4))
        assert type(result) is float
        assert result == 0.75

    def test_series_keeps_index_and_gets_the_metric_name(self, metric_id: str) -> None:
        result = _share(metric_id)(_years(1, 2), 4)
        assert result.index.equals(pd.Index([2021, 2022], name="jaar"))
        assert result.name == metric_id

    def test_part_equal_to_whole_is_one(self, metric_id: str) -> None:
        assert _share(metric_id)(7, 7) == 1.0


class TestChangeEdgeCases:
    def test_relative_change_from_zero_raises(self) -> None:
        with pytest.raises(errors.ZeroDenominatorError, match=r"relatieve_verandering.*`vorig`"):
            m.relatieve_verandering(_years(0, 5), _years(3, 6))

    def test_relative_change_from_zero_can_be_nan(self) -> None:
        with pytest.warns(errors.UndefinedMetricWarning):
            result = m.relatieve_verandering(0, 3, zero_division=np.nan)
        assert math.isnan(result)

    def test_relative_change_rejects_negative_values(self) -> None:
        with pytest.raises(errors.NegativeCountError, match="`huidig`"):
            m.relatieve_verandering(3, -1)

    def test_relative_change_to_zero_is_minus_one(self) -> None:
        assert m.relatieve_verandering(5, 0) == -1.0

    def test_change_allows_negative_values(self) -> None:
        assert m.verandering(-2.5, 1.0) == 3.5

    def test_change_of_misaligned_series_raises(self) -> None:
        with pytest.raises(
            errors.MisalignedYearsError, match=r"jaar 2022 in `vorig` but not in `huidig`"
        ):
            m.verandering(_years(1, 2), _years(1, 2, years=(2020, 2021)))

    def test_change_rejects_infinity(self) -> None:
        with pytest.raises(errors.InvalidInputError, match="infinite"):
            m.verandering(np.inf, 1)


# --- edges that only a value can show ---------------------------------------------------------


def test_totaal_over_periode_of_a_frame_stops_at_tot_en_met_and_names_its_result() -> None:
    frame = pd.DataFrame(
        {"2023": [1.0, 10.0], "2024": [2.0, 20.0], "2025": [4.0, 40.0]}, index=["a", "b"]
    )
    out = m.totaal_over_periode(frame, tot_en_met=2024)
    pd.testing.assert_series_equal(
        out, pd.Series([3.0, 30.0], index=["a", "b"], name="totaal_over_periode")
    )


def test_totaal_over_periode_of_an_array_sums_its_last_axis() -> None:
    out = m.totaal_over_periode(np.arange(8.0).reshape(2, 2, 2))
    np.testing.assert_array_equal(out, [[1.0, 5.0], [9.0, 13.0]])


def test_totaal_over_periode_of_a_frame_without_year_columns_is_zero_per_row() -> None:
    """No years in the period: each row totals 0, as an empty sum does, not garbage."""
    out = m.totaal_over_periode(pd.DataFrame(index=pd.Index(["a", "b", "c"])))
    pd.testing.assert_series_equal(
        out, pd.Series([0.0, 0.0, 0.0], index=["a", "b", "c"], name="totaal_over_periode")
    )


def test_aangevuld_traject_ends_at_the_last_year_with_a_value_and_keeps_the_names() -> None:
    out = m.aangevuld_traject(
        pd.Series([1.0, 2.0, np.nan], index=pd.Index([2023, 2024, 2025], name="jaar"))
    )
    pd.testing.assert_series_equal(
        out, pd.Series([1.0, 2.0], index=pd.Index([2023, 2024], name="jaar"))
    )


@pytest.mark.parametrize(
    ("pad", "middle"), [("lineair", [2.0, 20.0]), ("geometrisch", [3**0.5, 300**0.5])]
)
def test_aangevuld_traject_fills_each_row_between_its_own_values_only(
    pad: str, middle: list[float]
) -> None:
    frame = pd.DataFrame(
        {2020: [1.0, np.nan], 2021: [np.nan, 10.0], 2022: [3.0, np.nan], 2023: [np.nan, 30.0]},
        index=["a", "b"],
    )
    frame.columns.name = "jaar"
    out = m.aangevuld_traject(frame, pad=pad)  # type: ignore[call-overload]
    expected = pd.DataFrame(
        {
            2020: [1.0, np.nan],
            2021: [middle[0], 10.0],
            2022: [3.0, middle[1]],
            2023: [np.nan, 30.0],
        },
        index=["a", "b"],
    )
    expected.columns = pd.Index(expected.columns, name="jaar")
    pd.testing.assert_frame_equal(out, expected)


def test_a_geometric_path_beside_a_supplied_zero_is_computed_quietly() -> None:
    out = m.aangevuld_traject(
        pd.Series({2019: 0.0, 2020: 0.0, 2021: 1.0, 2023: 4.0}), pad="geometrisch"
    )
    assert out.tolist() == [0.0, 0.0, 1.0, 2.0, 4.0]


def test_the_smallest_valid_arguments_are_accepted() -> None:
    assert m.na_ijl_projectie(100.0, 1, horizon=1) == pytest.approx(130.0)
    assert m.traject(2025, begin_jaar=2023, begin=22, eind_jaar=2027, eind=0) == 11.0


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ([1, 2], [2, 4], np.array([0.5, 0.5])),  # lists are arrays, never one number
        ((1, 2), (2, 4), np.array([0.5, 0.5])),
        (np.array(5.0), np.array(10.0), 0.5),  # a 0-d array is one number
        (np.float32(5), 10, 0.5),
    ],
)
def test_the_kind_of_the_result_follows_the_kind_of_the_inputs(
    part: object, whole: object, expected: object
) -> None:
    out = m.aandeel_schuldig(part, whole)  # type: ignore[type-var]
    assert type(out) is type(expected)
    np.testing.assert_array_equal(out, expected)
