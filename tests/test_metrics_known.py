"""Layer 1: the report's own numbers, computed from the bundled tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import metrics as m
from ondermijning_indicators.published import Status, compare, parse_phrase


def _by_year(table: str, column: str | None = None, value: str | None = None) -> pd.Series:
    df = oi.load_sample(table)
    if column is not None:
        df = df[df[column] == value]
    return df.groupby("jaar")["aantal"].sum()


@pytest.fixture(scope="module")
def schuldig() -> pd.Series:
    return _by_year("uitspraken", "uitkomst", "schuldig")


@pytest.fixture(scope="module")
def vrijheidsstraffen() -> pd.Series:
    return _by_year("vrijheidsstraffen")


def test_aandeel_vrijheidsstraffen_2022_is_the_printed_81_percent() -> None:
    value = m.aandeel_vrijheidsstraffen(999, 1238)
    assert value == pytest.approx(0.806946688, abs=1e-9)
    assert compare(parse_phrase("81%"), value).status is Status.WITHIN_ROUNDING


def test_aandeel_vrijheidsstraffen_on_the_sample_series(
    vrijheidsstraffen: pd.Series, schuldig: pd.Series
) -> None:
    result = m.aandeel_vrijheidsstraffen(vrijheidsstraffen, schuldig)
    assert isinstance(result, pd.Series)
    assert list(result.index) == [2018, 2019, 2020, 2021, 2022]
    # 2018: 988 of 1.173 guilty; 2022: 999 of 1.238.
    assert result[2018] == pytest.approx(988 / 1173, abs=1e-12)
    assert result[2022] == pytest.approx(0.8069, abs=5e-5)


def test_share_over_five_years_matches_ruim_10_and_bijna_18(vrijheidsstraffen: pd.Series) -> None:
    over5 = _by_year("vrijheidsstraffen", "duurklasse", "meer_dan_5_jaar")
    share = m.aandeel_meer_dan_5_jaar(over5, vrijheidsstraffen)
    assert isinstance(share, pd.Series)
    assert share[2021] == pytest.approx(0.10486, abs=5e-5)
    assert share[2022] == pytest.approx(0.17718, abs=5e-5)
    assert compare(parse_phrase("ruim 10%"), share[2021]).status is Status.CONSISTENT
    assert compare(parse_phrase("bijna 18%"), share[2022]).status is Status.CONSISTENT


def test_duration_shares_2022_sum_to_one_and_match_the_table() -> None:
    shares = m.aandeel_duurklasse(np.array([364, 170, 288, 177]), 999)
    assert isinstance(shares, np.ndarray)
    np.testing.assert_allclose(shares, [0.36436, 0.17017, 0.28829, 0.17718], atol=5e-6)
    assert shares.sum() == pytest.approx(1.0, abs=1e-12)


def test_conviction_and_acquittal_rates_2022() -> None:
    assert m.aandeel_schuldig(1238, 1543) == pytest.approx(0.80233, abs=5e-6)
    assert m.aandeel_vrijspraak(201, 1543) == pytest.approx(0.13027, abs=5e-6)


def test_taakstraf_share_2022() -> None:
    assert m.aandeel_met_taakstraf(161, 999) == pytest.approx(0.16116, abs=5e-6)


def test_change_2021_to_2022_of_sentences_over_five_years() -> None:
    assert m.verandering(95, 177) == 82.0
    assert m.relatieve_verandering(95, 177) == pytest.approx(0.86316, abs=5e-6)
    share_change = m.verandering(95 / 906, 177 / 999)
    assert share_change == pytest.approx(0.07232, abs=5e-6)  # 7.2 percentage points


def test_guilty_verdicts_fell_by_a_fifth_from_2019_to_2020(schuldig: pd.Series) -> None:
    # 1.257 to 963: the pandemic year of the courts.
    assert m.relatieve_verandering(schuldig[2019], schuldig[2020]) == pytest.approx(
        -0.23389, abs=5e-6
    )
