"""Inputs that once gave a number, or a verdict, where they should give an error."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators.published import Status, compare, parse_phrase

JAAR = pd.Index([2022], name="jaar")


def test_a_2d_part_against_a_1d_whole_is_refused_not_broadcast_along_columns() -> None:
    wide = np.array([[431, 207], [307, 154]])
    with pytest.raises(errors.InvalidInputError, match="different numbers of dimensions"):
        m.aandeel_duurklasse(wide, wide.sum(axis=1))
    shares = m.aandeel_duurklasse(wide, wide.sum(axis=1)[:, None])
    np.testing.assert_allclose(shares.sum(axis=1), [1.0, 1.0])


@pytest.mark.parametrize(
    "bad",
    [pd.Series([True], index=JAAR), pd.Series([" 999 "], index=JAAR), ["999"], np.array([True])],
    ids=["bool Series", "text Series", "list of text", "bool array"],
)
def test_booleans_and_text_inside_series_and_lists_are_refused(bad: object) -> None:
    whole = pd.Series([1238], index=JAAR) if isinstance(bad, pd.Series) else [1238]
    with pytest.raises(errors.InvalidInputError, match="must hold numbers"):
        m.aandeel_vrijheidsstraffen(bad, whole)  # type: ignore[type-var]


def test_an_infinite_result_is_a_discrepancy_not_exact() -> None:
    assert compare(parse_phrase("1.238"), math.inf).status is Status.DISCREPANCY


def test_behaald_alone_means_the_target_was_reached() -> None:
    assert compare(parse_phrase("behaald"), 0.6).status is Status.DISCREPANCY
    assert compare(parse_phrase("behaald"), 1.0).status is Status.CONSISTENT


def test_excel_number_cells_are_numbers_even_in_dutch_notation(tmp_path: Path) -> None:
    table = oi.load_sample("drugsvangsten").astype({"kg": object})
    table.loc[0, "kg"] = 46.789  # a number cell: 46.789 kilo
    table.loc[1, "kg"] = "4.157"  # a Dutch text cell: 4157 kilo
    table.to_excel(tmp_path / "drugsvangsten.xlsx", index=False, sheet_name="drugsvangsten")
    loaded = oi.load_tables(tmp_path, notation="nl")["drugsvangsten"]["kg"].tolist()
    assert loaded[:2] == [46.789, 4157.0]


@pytest.mark.parametrize(
    ("values", "message"),
    [([True, False], "is True/False, not a number"), (["1e400", "5"], "too large"),
     ([np.inf, 5.0], "too large")],
)  # fmt: skip
def test_booleans_and_infinities_in_number_columns_are_refused(
    values: list[object], message: str
) -> None:
    table = pd.DataFrame({"jaar": [2022, 2022], "soort": ["totaal", "digitaal"],
                          "bedrag_eur": values})  # fmt: skip
    with pytest.raises(errors.DataValidationError, match=message):
        oi.validate_tables({"beslag": table})


def test_a_count_too_large_to_store_is_refused() -> None:
    table = oi.load_sample("uitspraken").astype(str)
    table.loc[0, "aantal"] = "99999999999999999999"
    with pytest.raises(errors.DataValidationError, match="too large"):
        oi.validate_tables({"uitspraken": table})


def test_growth_metrics_take_the_zero_division_they_advise() -> None:
    with pytest.raises(errors.ZeroDenominatorError, match="zero_division"):
        m.jaarlijkse_groei(0, 5, jaren=2)
    with pytest.warns(errors.UndefinedMetricWarning):
        assert math.isnan(m.jaarlijkse_groei(0, 5, jaren=2, zero_division=np.nan))
    with pytest.warns(errors.UndefinedMetricWarning):
        groei = m.fte_groei(0, 5, begin_jaar=2023, eind_jaar=2027, zero_division=np.nan)
    assert math.isnan(groei.factor)


@pytest.mark.parametrize("year", [2023.7, "2023", True])
def test_years_must_be_whole_years(year: object) -> None:
    with pytest.raises(errors.InvalidInputError, match="whole year"):
        m.fte_groei(22, 130, begin_jaar=year, eind_jaar=2027)  # type: ignore[arg-type]


def test_a_bool_is_not_a_number_of_years() -> None:
    with pytest.raises(errors.InvalidInputError, match="jaren"):
        m.jaarlijkse_groei(22, 130, jaren=True)


def test_each_problem_of_a_dutch_file_is_reported_once_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "uitspraken.csv").write_text(
        "jaar;uitkomst;aantal\n2022;schuldig;1 238\n2022;vrijspraak;-\n2022;overig;\n",
        encoding="utf-8",
    )
    with pytest.raises(errors.DataValidationError) as info:
        oi.load_tables(tmp_path)
    message = str(info.value)
    assert message.startswith("3 problems")
    assert "has spaces between the digits ('1 238'); write it without spaces" in message
    assert "is a dash ('-'), not a number; write 0 if it means zero" in message
    assert "uitspraken (uitspraken.csv, Dutch notation), line 4, column aantal: is empty" in message


def test_rounding_noise_in_a_count_gets_its_own_advice() -> None:
    table = oi.load_sample("uitspraken").astype({"aantal": float})
    table.loc[0, "aantal"] = 1238.0000001
    with pytest.raises(errors.DataValidationError, match="rounding noise; round it to 1238"):
        oi.validate_tables({"uitspraken": table})
