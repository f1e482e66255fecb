"""Seizures, drugs and growth: known answers, edge cases and properties."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m

PROPERTY_TESTED = [
    "aandeel_drugsvangst",
    "aangevuld_traject",
    "beslag_realisatie",
    "beslag_tekort",
    "fte_groei",
    "groeifactor",
    "jaarlijkse_groei",
    "na_ijl_projectie",
    "traject",
    "waarde_per_kilo",
    "zonder_uitschieter",
]

amounts = st.floats(min_value=0, max_value=1e12, allow_nan=False)
positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False)
scale = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)


def _cell(table: str, column: str, **where: object) -> float:
    df = oi.load_sample(table)
    for key, value in where.items():
        df = df[df[key] == value]
    assert len(df) == 1
    return float(df[column].iloc[0])


# --- layer 1: the report's numbers ------------------------------------------------------------


def test_seizure_attainment_2022_from_the_samples() -> None:
    beslag = _cell("beslag", "bedrag_eur", jaar=2022, soort="totaal")
    doel = _cell("beslag_doelstellingen", "bedrag_eur", jaar=2022, partij="totaal")
    assert m.beslag_realisatie(beslag, doel) == pytest.approx(0.905744, abs=1e-6)
    assert m.beslag_tekort(beslag, doel) == pytest.approx(25.6e6)


def test_the_narrower_basis_is_a_caveat_of_the_2022_cells_not_of_the_metric() -> None:
    for metric_id in ("beslag_realisatie", "beslag_tekort", "na_ijl_projectie"):
        assert not any("2022" in c for c in oi.get_metric(metric_id).caveats), metric_id
    (narrower,) = [c for c in oi.sample_metadata("beslag").caveats if "narrower basis" in c.text]
    assert narrower.where == (("jaar", ("2022",)),)


def test_police_trajectory_passes_through_the_printed_end_points() -> None:
    doel = oi.load_sample("beslag_doelstellingen").query("partij == 'politie'")
    years = doel["jaar"].to_numpy()
    result = m.traject(years, begin_jaar=2023, begin=190e6, eind_jaar=2026, eind=220e6)
    np.testing.assert_allclose(result, doel["bedrag_eur"].to_numpy())
    assert m.traject(2024, begin_jaar=2023, begin=190e6, eind_jaar=2026, eind=220e6) == 200e6


def test_the_police_trajectory_is_filled_in_between_the_printed_targets() -> None:
    targets = oi.load_sample("beslag_doelstellingen").query("partij == 'politie'")
    supplied = targets.set_index("jaar")["bedrag_eur"]
    path = m.aangevuld_traject(supplied)
    assert path.to_dict() == {2023: 190e6, 2024: 200e6, 2025: 210e6, 2026: 220e6}
    assert path.loc[[2023, 2026]].tolist() == supplied.tolist()  # as given


def test_a_supplied_value_is_kept_where_a_straight_line_would_differ() -> None:
    # The police targets of every year 2019-2026: no year may be redrawn on a line.
    supplied = pd.Series({2019: 140e6, 2020: 160e6, 2021: 170e6, 2022: 180e6, 2023: 190e6,
                          2024: 197e6, 2025: 212e6, 2026: 220e6})  # fmt: skip
    assert m.aangevuld_traject(supplied).equals(supplied.astype("float64"))
    line_2023 = m.traject(2023, begin_jaar=2019, begin=140e6, eind_jaar=2026, eind=220e6)
    assert round(line_2023 / 1e6, 2) == 185.71  # what a line over the end points gives


def test_acm_capacity_growth_2023_to_2027() -> None:
    groei = m.fte_groei(22, 130, begin_jaar=2023, eind_jaar=2027)
    assert groei.absoluut == 108.0
    assert groei.factor == pytest.approx(130 / 22)
    assert groei.jaarlijks == pytest.approx(0.55912, abs=1e-5)
    assert 22 * (1 + groei.jaarlijks) ** 4 == pytest.approx(130)


def test_lag_effect_defaults_are_the_report_figures() -> None:
    assert m.na_ijl_projectie(100.0, 10) == pytest.approx(130.0)
    assert m.na_ijl_projectie(100.0, 25) == pytest.approx(130.0)  # no growth after ~10 years
    assert m.na_ijl_projectie(100.0, 0) == 100.0


def test_drug_seizures_2022_per_port() -> None:
    kg = oi.load_sample("drugsvangsten").set_index("haven")["kg"]
    shares = m.aandeel_drugsvangst(kg, kg.sum())
    assert shares["rotterdam"] == pytest.approx(46789 / 52468)
    assert shares.sum() == pytest.approx(1.0)
    per_kilo = m.waarde_per_kilo(3.5e9, kg[["rotterdam", "vlissingen"]].sum())
    assert per_kilo == pytest.approx(68_700, abs=1)


# --- layer 2: edge cases ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: m.beslag_realisatie(1.0, 0.0), errors.ZeroDenominatorError, "doelstelling"),
        (lambda: m.beslag_realisatie(-1.0, 5.0), errors.NegativeCountError, "beslag"),
        (lambda: m.beslag_tekort(1.0, -5.0), errors.NegativeCountError, "doelstelling"),
        (lambda: m.waarde_per_kilo(1.0, 0), errors.ZeroDenominatorError, "kg"),
        (lambda: m.aandeel_drugsvangst(6.0, 5.0), errors.PartExceedsWholeError, "kg_haven"),
        (lambda: m.groeifactor(0, 5), errors.ZeroDenominatorError, "begin"),
        (lambda: m.jaarlijkse_groei(0, 5, jaren=4), errors.ZeroDenominatorError, "begin"),
        (lambda: m.jaarlijkse_groei(1, 5, jaren=0), errors.InvalidInputError, "jaren"),
        (
            lambda: m.fte_groei(22, 130, begin_jaar=2027, eind_jaar=2023),
            errors.InvalidInputError,
            "later",
        ),
        (
            lambda: m.traject(2030, begin_jaar=2023, begin=1, eind_jaar=2026, eind=2),
            errors.InvalidInputError,
            "jaar 2030 lies outside",
        ),
        (
            lambda: m.traject(
                2024, begin_jaar=2023, begin=0, eind_jaar=2026, eind=2, pad="geometrisch"
            ),
            errors.InvalidInputError,
            "begin > 0",
        ),
        (
            lambda: m.traject(
                2024,
                begin_jaar=2023,
                begin=1,
                eind_jaar=2026,
                eind=2,
                pad="s",  # type: ignore[arg-type]
            ),
            errors.InvalidInputError,
            "pad",
        ),
        (lambda: m.na_ijl_projectie(1.0, -1), errors.NegativeCountError, "jaren_na"),
        (lambda: m.na_ijl_projectie(1.0, 1, totale_groei=-0.1), errors.InvalidInputError, "groei"),
        (lambda: m.na_ijl_projectie(1.0, 1, horizon=0), errors.InvalidInputError, "horizon"),
        (lambda: m.zonder_uitschieter(10.0, 25.0), errors.PartExceedsWholeError, "uitschieter"),
        (
            lambda: m.aangevuld_traject(pd.Series({"2023": 1.0, "structureel": 2.0})),
            errors.InvalidInputError,
            "'structureel', which is not a year",
        ),
        (
            lambda: m.aangevuld_traject(pd.Series([1.0, 2.0], index=[2023, 2023])),
            errors.InvalidInputError,
            "more than one value for the year 2023",
        ),
        (
            lambda: m.aangevuld_traject(pd.Series({2023: 1.0, 2026: np.inf})),
            errors.InvalidInputError,
            "infinite",
        ),
        (
            lambda: m.aangevuld_traject(pd.Series({2023: 0.0, 2026: 2.0}), pad="geometrisch"),
            errors.InvalidInputError,
            "the year 2024 lies between values that are not",
        ),
        (
            lambda: m.aangevuld_traject(pd.Series({2023: "1", 2026: "2"})),
            errors.InvalidInputError,
            "must hold numbers",
        ),
        (
            lambda: m.aangevuld_traject([1.0, 2.0]),  # type: ignore[call-overload]
            errors.InvalidInputError,
            "must be a Series indexed by year or a DataFrame",
        ),
        (
            lambda: m.aangevuld_traject(pd.Series({2023: 1.0}), pad="s"),  # type: ignore[call-overload]
            errors.InvalidInputError,
            "pad must be",
        ),
    ],
)
def test_invalid_input_is_refused(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_zero_target_can_give_nan_with_a_warning() -> None:
    with pytest.warns(errors.UndefinedMetricWarning):
        assert math.isnan(m.beslag_realisatie(1.0, 0.0, zero_division=np.nan))


def test_misaligned_years_are_refused() -> None:
    a = pd.Series([1.0, 2.0], index=pd.Index([2021, 2022], name="jaar"))
    b = pd.Series([1.0, 2.0], index=pd.Index([2022, 2023], name="jaar"))
    with pytest.raises(
        errors.MisalignedYearsError, match=r"jaar 2021 in `\w+` but not in `\w+`; jaar 2023"
    ):
        m.beslag_realisatie(a, b)


@pytest.mark.parametrize(
    ("supplied", "expected"),
    [
        ({}, {}),  # nothing supplied: nothing to fill
        ({2024: 5.0}, {2024: 5.0}),  # one year: itself
        ({2023: 1.0, 2024: np.nan, 2026: 4.0}, {2023: 1.0, 2024: 2.0, 2025: 3.0, 2026: 4.0}),
        ({2021: np.nan, 2023: 2.0, 2025: 2.0, 2027: np.nan}, {2023: 2.0, 2024: 2.0, 2025: 2.0}),
        ({"2023": 10.0, "2025": 0.0}, {2023: 10.0, 2024: 5.0, 2025: 0.0}),  # year text; a fall
        ({2025: 3.0, 2023: 1.0}, {2023: 1.0, 2024: 2.0, 2025: 3.0}),  # any order
    ],
)
def test_filling_in_edge_cases(supplied: dict[Any, float], expected: dict[int, float]) -> None:
    out = m.aangevuld_traject(pd.Series(supplied, dtype="float64"))
    assert out.to_dict() == expected


def test_a_frame_fills_each_row_within_its_own_years() -> None:
    frame = pd.DataFrame(
        {2023: [190.0, 1.0], 2024: [np.nan, np.nan], 2025: [np.nan, 3.0], 2026: [220.0, np.nan]},
        index=pd.Index(["politie", "fiod"], name="partij"),
    )
    before = frame.copy()
    out = m.aangevuld_traject(frame)
    assert out.index.tolist() == ["politie", "fiod"]
    assert [int(c) for c in out.columns] == [2023, 2024, 2025, 2026]
    politie, fiod = out.to_numpy()
    assert politie.tolist() == [190.0, 200.0, 210.0, 220.0]
    assert fiod[:3].tolist() == [1.0, 2.0, 3.0]
    assert np.isnan(fiod[3])  # nothing is extrapolated
    pd.testing.assert_frame_equal(frame, before)  # the input is unchanged


def test_amount_shares_accept_fractional_kilos() -> None:
    assert m.aandeel_drugsvangst(0.5, 2.0) == 0.25


# --- layer 3: properties ----------------------------------------------------------------------


@given(beslag=amounts, doel=positive, k=scale)
def test_attainment_is_unchanged_when_target_and_seizures_scale_together(
    beslag: float, doel: float, k: float
) -> None:
    assert m.beslag_realisatie(beslag * k, doel * k) == pytest.approx(
        m.beslag_realisatie(beslag, doel), rel=1e-9
    )


@given(beslag=amounts, doel=amounts)
def test_shortfall_is_zero_exactly_when_the_target_is_met(beslag: float, doel: float) -> None:
    gap = m.beslag_tekort(beslag, doel)
    assert (gap > 0) == (beslag < doel)
    assert gap == doel - beslag


@given(
    beslag=amounts,
    t=st.floats(0, 30),
    g1=st.floats(0, 2),
    g2=st.floats(0, 2),
    pad=st.sampled_from(["geometrisch", "lineair"]),
)
def test_projection_is_monotone_in_the_growth_assumption(
    beslag: float, t: float, g1: float, g2: float, pad: Literal["geometrisch", "lineair"]
) -> None:
    low, high = sorted((g1, g2))
    assert m.na_ijl_projectie(beslag, t, totale_groei=low, pad=pad) <= m.na_ijl_projectie(
        beslag,
        t,
        totale_groei=high,
        pad=pad,
    ) * (1 + 1e-12)


@given(beslag=amounts, t1=st.floats(0, 30), t2=st.floats(0, 30))
def test_projection_never_shrinks_with_time(beslag: float, t1: float, t2: float) -> None:
    early, late = sorted((t1, t2))
    assert m.na_ijl_projectie(beslag, early) <= m.na_ijl_projectie(beslag, late) * (1 + 1e-12)


moderate = st.floats(min_value=1.0, max_value=1e6, allow_nan=False)


@given(a=moderate, b=moderate, c=moderate, n1=st.integers(1, 10), n2=st.integers(1, 10))
def test_growth_over_two_periods_composes_to_the_whole(
    a: float, b: float, c: float, n1: int, n2: int
) -> None:
    assert m.groeifactor(a, b) * m.groeifactor(b, c) == pytest.approx(m.groeifactor(a, c), rel=1e-9)
    r1 = m.jaarlijkse_groei(a, b, jaren=n1)
    r2 = m.jaarlijkse_groei(b, c, jaren=n2)
    whole = m.jaarlijkse_groei(a, c, jaren=n1 + n2)
    assert (1 + r1) ** n1 * (1 + r2) ** n2 == pytest.approx((1 + whole) ** (n1 + n2), rel=1e-7)


@given(begin=positive, eind=positive, n=st.integers(1, 10))
def test_fte_growth_agrees_with_its_parts(begin: float, eind: float, n: int) -> None:
    groei = m.fte_groei(begin, eind, begin_jaar=2023, eind_jaar=2023 + n)
    assert groei.absoluut == m.verandering(begin, eind)
    assert groei.factor == m.groeifactor(begin, eind)
    assert groei.jaarlijks == pytest.approx(m.jaarlijkse_groei(begin, eind, jaren=n))


@given(
    begin=positive,
    eind=positive,
    span=st.integers(1, 10),
    pad=st.sampled_from(["lineair", "geometrisch"]),
    data=st.data(),
)
def test_trajectory_hits_its_end_points_and_stays_between_them(
    begin: float, eind: float, span: int, pad: str, data: st.DataObject
) -> None:
    kw = {"begin_jaar": 2023, "begin": begin, "eind_jaar": 2023 + span, "eind": eind, "pad": pad}
    assert m.traject(2023, **kw) == pytest.approx(begin)  # type: ignore[arg-type]
    assert m.traject(2023 + span, **kw) == pytest.approx(eind)  # type: ignore[arg-type]
    years = np.arange(2023, 2024 + span)
    path = m.traject(years, **kw)  # type: ignore[arg-type]
    assert np.all(path >= min(begin, eind) * (1 - 1e-9))
    assert np.all(path <= max(begin, eind) * (1 + 1e-9))
    steps = np.diff(path)
    assert np.all(steps >= -1e-9 * max(begin, eind)) or np.all(steps <= 1e-9 * max(begin, eind))


@given(waarde=amounts, kg=positive, k=scale)
def test_value_per_kilo_scales_with_the_value(waarde: float, kg: float, k: float) -> None:
    assert m.waarde_per_kilo(waarde * k, kg) == pytest.approx(
        m.waarde_per_kilo(waarde, kg) * k, rel=1e-9, abs=1e-9
    )


@given(parts=st.lists(st.floats(0, 1e6), min_size=1, max_size=6))
def test_port_shares_sum_to_one(parts: list[float]) -> None:
    kg = np.array(parts)
    if kg.sum() == 0:
        return
    shares = m.aandeel_drugsvangst(kg, kg.sum())
    assert np.all((shares >= 0) & (shares <= 1))
    assert shares.sum() == pytest.approx(1.0)


@given(waarde=amounts, frac=st.floats(0, 1))
def test_without_the_case_is_between_zero_and_the_total(waarde: float, frac: float) -> None:
    rest = m.zonder_uitschieter(waarde, waarde * frac)
    assert 0 <= rest <= waarde


@given(
    values=st.lists(st.tuples(amounts, positive), min_size=1, max_size=8),
)
def test_scalar_array_and_series_agree_and_inputs_are_unchanged(
    values: list[tuple[float, float]],
) -> None:
    index = pd.Index(range(2000, 2000 + len(values)), name="jaar")
    a = pd.Series([v for v, _ in values], index=index)
    b = pd.Series([w for _, w in values], index=index)
    before = (a.copy(), b.copy())
    cases: list[tuple[Callable[..., Any], pd.Series, pd.Series]] = [
        (m.beslag_realisatie, a, b),
        (m.beslag_tekort, a, b),
        (m.waarde_per_kilo, a, b),
        (m.groeifactor, b, a),  # a positive start value
    ]
    for metric, x_in, y_in in cases:
        series = metric(x_in, y_in)
        array = metric(x_in.to_numpy(), y_in.to_numpy())
        scalars = [metric(float(x), float(y)) for x, y in zip(x_in, y_in, strict=True)]
        np.testing.assert_allclose(series.to_numpy(), array)
        np.testing.assert_allclose(array, scalars)
    pd.testing.assert_series_equal(a, before[0])
    pd.testing.assert_series_equal(b, before[1])


def test_lag_effect_defaults_are_the_transcribed_kerncijfers() -> None:
    import inspect

    kern = oi.load_sample("kerncijfers").set_index("indicator")["waarde"]
    defaults = inspect.signature(m.na_ijl_projectie).parameters
    assert defaults["totale_groei"].default == kern["verstoren_na_ijleffect_groei"]
    assert defaults["horizon"].default == kern["verstoren_na_ijleffect_duur"]


@given(
    values=st.dictionaries(
        st.integers(1990, 2060),
        st.floats(min_value=1e-3, max_value=1e12, allow_nan=False),
        min_size=1,
        max_size=12,
    ),
    pad=st.sampled_from(["lineair", "geometrisch"]),
)
def test_filling_in_keeps_every_supplied_value_and_stays_between_neighbours(
    values: dict[int, float], pad: Literal["lineair", "geometrisch"]
) -> None:
    supplied = pd.Series(values, dtype="float64")
    before = supplied.copy()
    out = m.aangevuld_traject(supplied, pad=pad)
    pd.testing.assert_series_equal(supplied, before)  # the input is unchanged
    assert list(out.index) == list(range(min(values), max(values) + 1))
    for year, value in values.items():
        assert out[year] == value  # exactly, not approximately: a supplied value wins
    years = sorted(values)
    for a, b in itertools.pairwise(years):
        between = out.loc[a:b]
        low, high = min(values[a], values[b]), max(values[a], values[b])
        assert (between >= low * (1 - 1e-9)).all()
        assert (between <= high * (1 + 1e-9)).all()
        assert between.is_monotonic_increasing or between.is_monotonic_decreasing
    if len(values) == 2 and pad == "lineair":
        (a, b) = years
        line = m.traject(np.arange(a, b + 1), begin_jaar=a, begin=values[a], eind_jaar=b,
                         eind=values[b]) if b > a else np.array([values[a]])  # fmt: skip
        np.testing.assert_allclose(out.to_numpy(), line, rtol=1e-12)
