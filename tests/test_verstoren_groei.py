"""Seizures, drugs and growth: known answers, edge cases and properties."""

from __future__ import annotations

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


def test_seizure_metrics_carry_the_narrower_basis_caveat() -> None:
    for metric_id in ("beslag_realisatie", "beslag_tekort"):
        assert any("narrower basis" in c for c in oi.get_metric(metric_id).caveats)
    assert any("narrower basis" in c for c in oi.sample_metadata("beslag").caveats)


def test_police_trajectory_passes_through_the_printed_end_points() -> None:
    doel = oi.load_sample("beslag_doelstellingen").query("partij == 'politie'")
    years = doel["jaar"].to_numpy()
    result = m.traject(years, begin_jaar=2023, begin=190e6, eind_jaar=2026, eind=220e6)
    np.testing.assert_allclose(result, doel["bedrag_eur"].to_numpy())
    assert m.traject(2024, begin_jaar=2023, begin=190e6, eind_jaar=2026, eind=220e6) == 200e6


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
    with pytest.raises(errors.MisalignedYearsError):
        m.beslag_realisatie(a, b)


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

    kern = oi.load_sample("kerncijfers").set_index("id")["waarde"]
    defaults = inspect.signature(m.na_ijl_projectie).parameters
    assert defaults["totale_groei"].default == kern["verstoren_na_ijleffect_groei"]
    assert defaults["horizon"].default == kern["verstoren_na_ijleffect_duur"]
