"""Every message of the metrics and of the figure records, word for word.

A message is the library's answer to an analyst: it names the metric, the argument,
the value and the year, and says what to do. Each error path of the metrics is
triggered here and its whole message compared, so that a changed or lost word is a
failing test (the mutation run counts on it). When a message is improved on purpose,
its expected text here changes with it, in the same commit.
"""

from __future__ import annotations

import inspect
import math
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators._registry import iter_metrics
from ondermijning_indicators._units import Unit
from ondermijning_indicators.metrics._inputs import align
from ondermijning_indicators.published import Semantics, load_records, reproduce_records

SAMPLES = oi.load_samples()


def S(*values: float, years: tuple[int, ...] | None = None) -> pd.Series:
    """A Series of values indexed by jaar (2021, 2022, ... unless given)."""
    years = years or tuple(range(2021, 2021 + len(values)))
    return pd.Series([float(v) for v in values], index=pd.Index(years, name="jaar"))


mm: Any = m  # the metrics, untyped: these calls pass what the types forbid on purpose

METRIC_ERRORS = [
    pytest.param(
        lambda: mm.aandeel_schuldig(S(1, 2), np.array([3, 4])),
        errors.InvalidInputError,
        "aandeel_schuldig: cannot combine pandas Series ('schuldig') with arrays ('uitspraken'): an array has no years to align on; pass all as Series indexed by jaar, or all as arrays",
        id="mixed_series_and_array",
    ),
    pytest.param(
        lambda: mm.verandering(
            pd.Series([1.0, 2.0, 3.0], index=pd.Index([2021, 2021, 2022], name="jaar")), 1.0
        ),
        errors.InvalidInputError,
        "verandering: `vorig` has more than one value for jaar 2021; give one value per year",
        id="duplicate_years",
    ),
    pytest.param(
        lambda: mm.verandering(S(1, 2, years=(2021, 2022)), S(1, 2, years=(2022, 2023))),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2021 in `vorig` but not in `huidig`; jaar 2023 in `huidig` but not in `vorig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_both_ways",
    ),
    pytest.param(
        lambda: mm.verandering(S(1, 2, 3, years=(2021, 2022, 2023)), S(1, 2, years=(2022, 2023))),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2021 in `vorig` but not in `huidig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_missing_only",
    ),
    pytest.param(
        lambda: mm.verandering(S(1, 2, years=(2022, 2023)), S(1, 2, 3, years=(2021, 2022, 2023))),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2021 in `huidig` but not in `vorig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_extra_only",
    ),
    pytest.param(
        lambda: mm.verandering(
            pd.Series([1.0, 2.0], index=[2021, 2022]), S(1, 2, years=(2022, 2023))
        ),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2021 in `vorig` but not in `huidig`; jaar 2023 in `huidig` but not in `vorig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_unnamed_first",
    ),
    pytest.param(
        lambda: mm.verandering(pd.Series([1.0], index=[2021]), pd.Series([1.0], index=[2022])),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: index 2021 in `vorig` but not in `huidig`; index 2022 in `huidig` but not in `vorig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_unnamed_both",
    ),
    pytest.param(
        lambda: mm.verandering(S(*range(10), years=tuple(range(2000, 2010))), S(1, years=(2000,))),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2001, 2002, 2003, 2004, 2005, 2006 and 3 more in `vorig` but not in `huidig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_many_years",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([1.0, 2.0]), np.array([[1.0, 2.0]])),
        errors.InvalidInputError,
        "verandering: the arguments have different numbers of dimensions (`vorig` (2,), `huidig` (1, 2)); give arrays of the same shape, or a whole with a length-1 axis (e.g. totals[:, None]) to divide each row by its own total",
        id="different_dimensions",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0])),
        errors.InvalidInputError,
        "verandering: the arguments have shapes that do not fit together: `vorig` (2,), `huidig` (3,)",
        id="shapes_do_not_fit",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([1.0, np.inf]), 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` is infinite for position 1",
        id="infinite_in_array",
    ),
    pytest.param(
        lambda: mm.verandering(S(1, np.inf), S(1, 2)),
        errors.InvalidInputError,
        "verandering: `vorig` is infinite for jaar 2022",
        id="infinite_in_series",
    ),
    pytest.param(
        lambda: mm.verandering(np.inf, 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` is infinite",
        id="infinite_scalar",
    ),
    pytest.param(
        lambda: mm.verandering("12", 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must be a number, array or Series, got '12'",
        id="not_a_number_text",
    ),
    pytest.param(
        lambda: mm.verandering(None, 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must be a number, array or Series, got None",
        id="not_a_number_none",
    ),
    pytest.param(
        lambda: mm.verandering(True, 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must be a number, array or Series, got True",
        id="not_a_number_bool",
    ),
    pytest.param(
        lambda: mm.verandering(np.array(["a", "b"]), 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got ndarray of text (values such as ['a', 'b']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="text_array",
    ),
    pytest.param(
        lambda: mm.verandering(S(1, 2).astype(object).where(np.array([False, True]), "x"), S(1, 2)),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got Series of mixed values (values such as ['x', 2.0]); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="text_series",
    ),
    pytest.param(
        lambda: mm.verandering(
            pd.Series([True, False], index=pd.Index([2021, 2022], name="jaar")), S(1, 2)
        ),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got booleans (True/False) (values such as [True, False]); pass counts or amounts",
        id="bool_series",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([1 + 1j]), 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got complex numbers (values such as [(1+1j)]); pass real counts or amounts",
        id="complex_array",
    ),
    pytest.param(
        lambda: mm.verandering(np.array(["2021-01-01"], dtype="datetime64[D]"), 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got ndarray of datetime64[D] (values such as [datetime.date(2021, 1, 1)]); pass counts or amounts",
        id="date_array",
    ),
    pytest.param(
        lambda: mm.verandering([[1, 2], [3]], 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got lists of unequal length (values such as [[1, 2], [3]]); give an array of one shape",
        id="ragged_list",
    ),
    pytest.param(
        lambda: mm.verandering(
            pd.Series([2**53 + 1, 2**53 + 3], index=pd.Index([2021, 2022], name="jaar")), S(1, 2)
        ),
        errors.InvalidInputError,
        "verandering: `vorig` holds 9,007,199,254,740,993, 9,007,199,254,740,995 for jaar 2021, 2022, beyond 2^53 = 9,007,199,254,740,992, the largest whole number a float64 holds exactly; a count this large would be rounded",
        id="beyond_2_53_series",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([1, 2**53 + 1]), 1),
        errors.InvalidInputError,
        "verandering: `vorig` holds 9,007,199,254,740,993, beyond 2^53 = 9,007,199,254,740,992, the largest whole number a float64 holds exactly; a count this large would be rounded",
        id="beyond_2_53_array",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(-3, 10),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative (-3); counts and amounts cannot be below zero",
        id="negative_scalar",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(np.array([1.0, -3.0]), np.array([5.0, 5.0])),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for position 1 (-3); counts and amounts cannot be below zero",
        id="negative_array",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(np.array([[1.0, -3.0]]), np.array([[5.0, 5.0]])),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for position (0, 1) (-3); counts and amounts cannot be below zero",
        id="negative_2d_array",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            S(*[-1] * 8, years=tuple(range(2010, 2018))),
            S(*[5] * 8, years=tuple(range(2010, 2018))),
        ),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for jaar 2010 (-1), jaar 2011 (-1), jaar 2012 (-1), jaar 2013 (-1), jaar 2014 (-1), jaar 2015 (-1) and 2 more; counts and amounts cannot be below zero",
        id="negative_many_years",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            pd.Series(
                [-1.0, 1.0],
                index=pd.MultiIndex.from_tuples(
                    [(2021, "a"), (2021, "b")], names=["jaar", "haven"]
                ),
            ),
            pd.Series(
                [5.0, 5.0],
                index=pd.MultiIndex.from_tuples(
                    [(2021, "a"), (2021, "b")], names=["jaar", "haven"]
                ),
            ),
        ),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for jaar 2021, haven a (-1); counts and amounts cannot be below zero",
        id="negative_multiindex",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            pd.Series([-1.0], index=pd.MultiIndex.from_tuples([(2021, "a")])),
            pd.Series([5.0], index=pd.MultiIndex.from_tuples([(2021, "a")])),
        ),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for level 0 2021, level 1 a (-1); counts and amounts cannot be below zero",
        id="negative_multiindex_unnamed",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(S(1.238, 2), S(1500, 5)),
        errors.InvalidInputError,
        'aandeel_schuldig: `schuldig` is not a whole number for jaar 2021 (1.238); a count has no decimals: if the source is Dutch notation, a thousands dot may have been read as a decimal point ("1.238" meaning 1238)',
        id="fraction_thousands_dot",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1.5, 10),
        errors.InvalidInputError,
        'aandeel_schuldig: `schuldig` is not a whole number (1.5); a count has no decimals: if the source is Dutch notation, a thousands dot may have been read as a decimal point ("1.5" meaning 1500)',
        id="fraction_not_thousands",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(10, 1.543),
        errors.InvalidInputError,
        'aandeel_schuldig: `uitspraken` is not a whole number (1.543); a count has no decimals: if the source is Dutch notation, a thousands dot may have been read as a decimal point ("1.543" meaning 1543)',
        id="fraction_scalar_thousands",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(2.0**60, 2.0**61),
        errors.InvalidInputError,
        "aandeel_schuldig: `schuldig` is a count beyond 2^53 = 9,007,199,254,740,992 (1152921504606846976); float64 cannot hold such a count exactly",
        id="count_beyond_2_53_float",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(S(5, 12, 20), S(10, 10, 10)),
        errors.PartExceedsWholeError,
        "aandeel_schuldig: `schuldig` is larger than `uitspraken` (jaar 2022: 12 > 10; jaar 2023: 20 > 10); a part cannot exceed its whole: check that `schuldig` and `uitspraken` are from the same year and table",
        id="part_exceeds_whole_series",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(12, 10),
        errors.PartExceedsWholeError,
        "aandeel_schuldig: `schuldig` is larger than `uitspraken` (12 > 10); a part cannot exceed its whole: check that `schuldig` and `uitspraken` are from the same year and table",
        id="part_exceeds_whole_scalar",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            S(*[9] * 8, years=tuple(range(2010, 2018))), S(*[5] * 8, years=tuple(range(2010, 2018)))
        ),
        errors.PartExceedsWholeError,
        "aandeel_schuldig: `schuldig` is larger than `uitspraken` (jaar 2010: 9 > 5; jaar 2011: 9 > 5; jaar 2012: 9 > 5; jaar 2013: 9 > 5; jaar 2014: 9 > 5; jaar 2015: 9 > 5; and 2 more); a part cannot exceed its whole: check that `schuldig` and `uitspraken` are from the same year and table",
        id="part_exceeds_whole_many",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(S(0, 5), S(0, 10)),
        errors.ZeroDenominatorError,
        "aandeel_schuldig: `uitspraken` is 0 for jaar 2021: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="zero_denominator_series",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(0, 0),
        errors.ZeroDenominatorError,
        "aandeel_schuldig: `uitspraken` is 0: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="zero_denominator_scalar",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(np.array([0, 1]), np.array([0, 2])),
        errors.ZeroDenominatorError,
        "aandeel_schuldig: `uitspraken` is 0 for position 0: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="zero_denominator_array",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1, 2, zero_division="warn"),
        errors.InvalidInputError,
        "aandeel_schuldig: zero_division must be 'raise' or a number such as numpy.nan, got 'warn'",
        id="zero_division_text",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1, 2, zero_division=True),
        errors.InvalidInputError,
        "aandeel_schuldig: zero_division must be 'raise' or a number such as numpy.nan, got True",
        id="zero_division_bool",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1, 2, zero_division=None),
        errors.InvalidInputError,
        "aandeel_schuldig: zero_division must be 'raise' or a number such as numpy.nan, got None",
        id="zero_division_none",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, 2.0], index=["2023", "structureel"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has the index label 'structureel', which is not a year; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="year_label_not_a_year",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, 2.0, 3.0], index=["2023", "2023", "2024"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has more than one value for the year 2023; give one value per year",
        id="year_label_twice",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0] * 8, index=list("abcdefgh"))),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has the index labels 'a', 'b', 'c', 'd', 'e', 'f' and 2 more, which are not years; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="year_labels_many_bad",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(
            pd.Series([1.0, 2.0], index=["2023", "2024"]), van=2024, tot_en_met=2023
        ),
        errors.InvalidInputError,
        "totaal_over_periode: the period starts after it ends (van=2024, tot_en_met=2023)",
        id="totaal_van_after_tot",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, 2.0], index=["2023", "2025"])),
        errors.MisalignedYearsError,
        "totaal_over_periode: the period 2023-2025 lacks the year 2024 in `bedragen`; a total without it would be too low: supply it (0 for a '-') or choose a period that the amounts cover",
        id="totaal_missing_year",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, 2.0], index=["2023", "2024"]), van="2023"),
        errors.InvalidInputError,
        "totaal_over_periode: `van` must be a year (int), got '2023'",
        id="totaal_van_not_int",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(
            pd.Series([1.0, 2.0], index=["2023", "2024"]), tot_en_met=2024.0
        ),
        errors.InvalidInputError,
        "totaal_over_periode: `tot_en_met` must be a year (int), got 2024.0",
        id="totaal_tot_not_int",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, 2.0], index=["2023", "2024"]), van=2020),
        errors.MisalignedYearsError,
        "totaal_over_periode: the period 2020-2024 lacks the years 2020, 2021, 2022 in `bedragen`; a total without them would be too low: supply them (0 for a '-') or choose a period that the amounts cover",
        id="totaal_van_outside",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(np.array([1.0, 2.0]), van=2023),
        errors.InvalidInputError,
        "totaal_over_periode: `van` and `tot_en_met` select years by label, and an array or a number has none; pass a Series indexed by year, or select the years yourself",
        id="totaal_array_with_van",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode("12"),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` must be a number, array, Series or DataFrame, got '12'",
        id="totaal_text",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(np.array([1.0, np.inf])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` holds an infinite amount",
        id="totaal_infinite",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.DataFrame({"2023": [1.0], "2024": ["x"]})),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` must hold numbers, got Series of text (values such as ['x']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="totaal_frame_text_column",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.DataFrame({"2023": [1.0], "structureel": [2.0]})),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has the column 'structureel', which is not a year; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="totaal_frame_bad_column",
    ),
    pytest.param(
        lambda: mm.fte_groei(22, 130, begin_jaar=2023.5, eind_jaar=2027),
        errors.InvalidInputError,
        "fte_groei: `begin_jaar` must be a whole year, got 2023.5",
        id="fte_groei_fractional_year",
    ),
    pytest.param(
        lambda: mm.fte_groei(22, 130, begin_jaar=2023, eind_jaar=True),
        errors.InvalidInputError,
        "fte_groei: `eind_jaar` must be a whole year, got True",
        id="fte_groei_bool_year",
    ),
    pytest.param(
        lambda: mm.fte_groei(22, 130, begin_jaar=2023, eind_jaar=2023),
        errors.InvalidInputError,
        "fte_groei: eind_jaar (2023) must be later than begin_jaar (2023)",
        id="fte_groei_same_year",
    ),
    pytest.param(
        lambda: mm.fte_groei(0, 130, begin_jaar=2023, eind_jaar=2027),
        errors.ZeroDenominatorError,
        "fte_groei: `begin` is 0: a growth factor needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="fte_groei_zero_begin",
    ),
    pytest.param(
        lambda: mm.jaarlijkse_groei(22, 130, jaren=0),
        errors.InvalidInputError,
        "jaarlijkse_groei: jaren must be a positive number of years, got 0",
        id="jaarlijkse_groei_zero_years",
    ),
    pytest.param(
        lambda: mm.jaarlijkse_groei(22, 130, jaren=True),
        errors.InvalidInputError,
        "jaarlijkse_groei: jaren must be a positive number of years, got True",
        id="jaarlijkse_groei_bool_years",
    ),
    pytest.param(
        lambda: mm.jaarlijkse_groei(22, 130, jaren=float("nan")),
        errors.InvalidInputError,
        "jaarlijkse_groei: jaren must be a positive number of years, got nan",
        id="jaarlijkse_groei_nan_years",
    ),
    pytest.param(
        lambda: mm.jaarlijkse_groei(0, 130, jaren=4),
        errors.ZeroDenominatorError,
        "jaarlijkse_groei: `begin` is 0: a growth rate needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="jaarlijkse_groei_zero_begin",
    ),
    pytest.param(
        lambda: mm.groeifactor(0, 130),
        errors.ZeroDenominatorError,
        "groeifactor: `begin` is 0: a growth factor needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="groeifactor_zero_begin",
    ),
    pytest.param(
        lambda: mm.traject(
            2025, begin_jaar=2023, begin=22, eind_jaar=2027, eind=130, pad="kwadratisch"
        ),
        errors.InvalidInputError,
        "traject: pad must be 'lineair' or 'geometrisch', got 'kwadratisch'",
        id="traject_bad_pad",
    ),
    pytest.param(
        lambda: mm.traject(2025, begin_jaar=2023, begin=-1, eind_jaar=2027, eind=130),
        errors.InvalidInputError,
        "traject: begin and eind must be finite and >= 0, got -1, 130",
        id="traject_negative",
    ),
    pytest.param(
        lambda: mm.traject(2025, begin_jaar=2023, begin=22, eind_jaar=2027, eind=float("inf")),
        errors.InvalidInputError,
        "traject: begin and eind must be finite and >= 0, got 22, inf",
        id="traject_infinite",
    ),
    pytest.param(
        lambda: mm.traject(
            2025, begin_jaar=2023, begin=0, eind_jaar=2027, eind=130, pad="geometrisch"
        ),
        errors.InvalidInputError,
        "traject: a geometric path needs begin > 0, got 0",
        id="traject_geometric_zero",
    ),
    pytest.param(
        lambda: mm.traject(
            np.arange(2015, 2035), begin_jaar=2023, begin=22, eind_jaar=2027, eind=130
        ),
        errors.InvalidInputError,
        "traject: jaar 2015, 2016, 2017, 2018, 2019, 2020 and 9 more lie outside the trajectory 2023-2027; the report gives no values beyond its end points",
        id="traject_outside",
    ),
    pytest.param(
        lambda: mm.traject(2025, begin_jaar=2027, begin=22, eind_jaar=2023, eind=130),
        errors.InvalidInputError,
        "traject: eind_jaar (2023) must be later than begin_jaar (2027)",
        id="traject_years_reversed",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series({2023: 1.0, 2025: 3.0}), pad="kwadratisch"),
        errors.InvalidInputError,
        "aangevuld_traject: pad must be 'lineair' or 'geometrisch', got 'kwadratisch'",
        id="aangevuld_bad_pad",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject([1.0, 2.0]),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` must be a Series indexed by year or a DataFrame with one column per year, got list",
        id="aangevuld_wrong_type",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series({2023: 1.0, 2025: np.inf})),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` holds an infinite value",
        id="aangevuld_infinite",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series({2023: 0.0, 2025: 3.0}), pad="geometrisch"),
        errors.InvalidInputError,
        "aangevuld_traject: a geometric path needs positive values on both sides of a gap; the year 2024 lies between values that are not; use pad='lineair'",
        id="aangevuld_geometric_not_positive",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.DataFrame({"2023": [1.0], "x": [2.0]})),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` has the column 'x', which is not a year; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="aangevuld_not_year",
    ),
    pytest.param(
        lambda: mm.na_ijl_projectie(100.0, 5, totale_groei=-0.1),
        errors.InvalidInputError,
        "na_ijl_projectie: totale_groei must be >= 0, got -0.1",
        id="na_ijl_negative_growth",
    ),
    pytest.param(
        lambda: mm.na_ijl_projectie(100.0, 5, horizon=0),
        errors.InvalidInputError,
        "na_ijl_projectie: horizon must be > 0 years, got 0",
        id="na_ijl_zero_horizon",
    ),
    pytest.param(
        lambda: mm.na_ijl_projectie(100.0, 5, pad="kwadratisch"),
        errors.InvalidInputError,
        "na_ijl_projectie: pad must be 'geometrisch' or 'lineair', got 'kwadratisch'",
        id="na_ijl_bad_pad",
    ),
    pytest.param(
        lambda: mm.na_ijl_projectie(100.0, -1),
        errors.NegativeCountError,
        "na_ijl_projectie: `jaren_na` is negative (-1); counts and amounts cannot be below zero",
        id="na_ijl_negative_years",
    ),
    pytest.param(
        lambda: mm.relatieve_verandering(0, 5),
        errors.ZeroDenominatorError,
        "relatieve_verandering: `vorig` is 0: a relative change needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="relatieve_verandering_zero",
    ),
    pytest.param(
        lambda: mm.verhouding_incidenteel_structureel(5, 0),
        errors.ZeroDenominatorError,
        "verhouding_incidenteel_structureel: `structureel` is 0: a ratio needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="verhouding_zero",
    ),
    pytest.param(
        lambda: mm.beslag_realisatie(5, 0),
        errors.ZeroDenominatorError,
        "beslag_realisatie: `doelstelling` is 0: an attainment needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="beslag_realisatie_zero",
    ),
    pytest.param(
        lambda: mm.waarde_per_kilo(5, 0),
        errors.ZeroDenominatorError,
        "waarde_per_kilo: `kg` is 0: a value per kilo needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="waarde_per_kilo_zero",
    ),
    pytest.param(
        lambda: mm.aandeel_besteding(0, 0),
        errors.ZeroDenominatorError,
        "aandeel_besteding: `totaal` is 0: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="aandeel_besteding_zero",
    ),
    pytest.param(
        lambda: mm.aandeel_drugsvangst(0, 0),
        errors.ZeroDenominatorError,
        "aandeel_drugsvangst: `kg_totaal` is 0: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="aandeel_drugsvangst_zero",
    ),
    pytest.param(
        lambda: mm.aandeel_structureel_van_piek(0, 0),
        errors.ZeroDenominatorError,
        "aandeel_structureel_van_piek: `piek` is 0: a share needs a non-zero denominator; pass zero_division=numpy.nan to get NaN (with an UndefinedMetricWarning) instead",
        id="aandeel_structureel_zero",
    ),
    pytest.param(
        lambda: mm.beslag_tekort(-5, 10),
        errors.NegativeCountError,
        "beslag_tekort: `beslag` is negative (-5); counts and amounts cannot be below zero",
        id="beslag_tekort_negative",
    ),
    pytest.param(
        lambda: mm.zonder_uitschieter(5, 10),
        errors.PartExceedsWholeError,
        "zonder_uitschieter: `uitschieter` is larger than `waarde` (10 > 5); a part cannot exceed its whole: check that `uitschieter` and `waarde` are from the same year and table",
        id="zonder_uitschieter_larger",
    ),
    pytest.param(
        lambda: mm.bedrag_in_euro("1.238"),
        errors.InvalidInputError,
        "bedrag_in_euro: `bedrag_k_eur` must be a number, array or Series, got '1.238'",
        id="bedrag_in_euro_text",
    ),
    pytest.param(
        lambda: mm.aandeel_drugsvangst(10.5, 3.25),
        errors.PartExceedsWholeError,
        "aandeel_drugsvangst: `kg_haven` is larger than `kg_totaal` (10.5 > 3.25); a part cannot exceed its whole: check that `kg_haven` and `kg_totaal` are from the same year and table",
        id="aandeel_drugsvangst_part_larger",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            pd.Series([-1.0, 2.0], index=[2021, 2022]), pd.Series([5.0, 5.0], index=[2021, 2022])
        ),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for index 2021 (-1); counts and amounts cannot be below zero",
        id="negative_unnamed_index",
    ),
    pytest.param(
        lambda: mm.verandering(S(*range(8), years=tuple(range(2000, 2008))), S(1, years=(2000,))),
        errors.MisalignedYearsError,
        "verandering: the inputs cover different years: jaar 2001, 2002, 2003, 2004, 2005, 2006 and 1 more in `vorig` but not in `huidig`. Select the common years first (e.g. a.loc[b.index]) or supply the missing ones",
        id="misaligned_seven_years",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            S(*[-1] * 7, years=tuple(range(2010, 2017))),
            S(*[5] * 7, years=tuple(range(2010, 2017))),
        ),
        errors.NegativeCountError,
        "aandeel_schuldig: `schuldig` is negative for jaar 2010 (-1), jaar 2011 (-1), jaar 2012 (-1), jaar 2013 (-1), jaar 2014 (-1), jaar 2015 (-1) and 1 more; counts and amounts cannot be below zero",
        id="negative_seven_years",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(
            S(*[9] * 7, years=tuple(range(2010, 2017))), S(*[5] * 7, years=tuple(range(2010, 2017)))
        ),
        errors.PartExceedsWholeError,
        "aandeel_schuldig: `schuldig` is larger than `uitspraken` (jaar 2010: 9 > 5; jaar 2011: 9 > 5; jaar 2012: 9 > 5; jaar 2013: 9 > 5; jaar 2014: 9 > 5; jaar 2015: 9 > 5; and 1 more); a part cannot exceed its whole: check that `schuldig` and `uitspraken` are from the same year and table",
        id="part_exceeds_seven_years",
    ),
    pytest.param(
        lambda: mm.verandering(
            pd.Series(list("abcde"), index=pd.Index(range(2021, 2026), name="jaar")),
            S(1, 2, 3, 4, 5),
        ),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got Series of text (values such as ['a', 'b', 'c']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="text_series_many_values",
    ),
    pytest.param(
        lambda: mm.verandering(np.array([["a", "b"], ["c", "d"]]), 1.0),
        errors.InvalidInputError,
        "verandering: `vorig` must hold numbers, got ndarray of text (values such as ['a', 'b', 'c']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="text_2d_array_many_values",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1.2345, 10),
        errors.InvalidInputError,
        "aandeel_schuldig: `schuldig` is not a whole number (1.2345); a count has no decimals",
        id="fraction_not_a_thousands_dot",
    ),
    pytest.param(
        lambda: mm.aandeel_schuldig(1.0000005, 10),
        errors.InvalidInputError,
        "aandeel_schuldig: `schuldig` is not a whole number (1.0000005); a count has no decimals",
        id="fraction_barely_not_thousands",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series(["a", "b"], index=[2023, 2024])),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` must hold numbers, got Series of text (values such as ['a', 'b']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="aangevuld_text_values",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0], index=["２０２３"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has the index label '２０２３', which is not a year; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="year_label_full_width",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(
            pd.Series([1.0, 2.0, 3.0, 4.0], index=["2023", "2023", "2024", "2024"])
        ),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` has more than one value for the years 2023, 2024; give one value per year",
        id="year_labels_two_twice",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(
            pd.DataFrame({"2023": [1.0], "2024": [2.0]}), van=2024, tot_en_met=2023
        ),
        errors.InvalidInputError,
        "totaal_over_periode: the period starts after it ends (van=2024, tot_en_met=2023)",
        id="totaal_frame_van_after_tot",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.DataFrame({"2023": [1.0], "2024": [np.inf]})),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` holds an infinite amount",
        id="totaal_frame_infinite",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.DataFrame({"2023": [1.0], "2025": [2.0]})),
        errors.MisalignedYearsError,
        "totaal_over_periode: the period 2023-2025 lacks the year 2024 in `bedragen`; a total without it would be too low: supply it (0 for a '-') or choose a period that the amounts cover",
        id="totaal_frame_missing_year",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series(["1", "2"], index=["2023", "2024"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` must hold numbers, got Series of text (values such as ['1', '2']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="totaal_series_text",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(pd.Series([1.0, np.inf], index=["2023", "2024"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` holds an infinite amount",
        id="totaal_series_infinite",
    ),
    pytest.param(
        lambda: mm.totaal_over_periode(np.array(["1", "2"])),
        errors.InvalidInputError,
        "totaal_over_periode: `bedragen` must hold numbers, got ndarray of text (values such as ['1', '2']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="totaal_array_text",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series([1.0, 2.0], index=["2023", "x"])),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` has the index label 'x', which is not a year; select the years first (e.g. drop 'structureel' and 'incidenteel')",
        id="aangevuld_series_label",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.DataFrame({"2023": ["a"], "2024": [1.0]})),
        errors.InvalidInputError,
        "aangevuld_traject: `waarden` must hold numbers, got Series of text (values such as ['a']); convert text to numbers first (ondermijning_indicators.validate_tables does so strictly)",
        id="aangevuld_frame_text",
    ),
    pytest.param(
        lambda: mm.aangevuld_traject(pd.Series({2023: 4.0, 2025: 0.0}), pad="geometrisch"),
        errors.InvalidInputError,
        "aangevuld_traject: a geometric path needs positive values on both sides of a gap; the year 2024 lies between values that are not; use pad='lineair'",
        id="aangevuld_geometric_zero_after",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), METRIC_ERRORS)
def test_every_error_of_the_metrics_says_exactly_this(
    call: Callable[[], Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)) as caught:
        call()
    assert type(caught.value) is error
    assert str(caught.value) == message


ZERO_DIVISION_WARNINGS = [
    pytest.param(
        lambda: m.aandeel_schuldig(S(0, 5), S(0, 10), zero_division=np.nan),
        "aandeel_schuldig: `uitspraken` is 0 for jaar 2021; the result there is set to nan "
        "as zero_division=nan asks",
        [np.nan, 0.5],
        id="share",
    ),
    pytest.param(
        lambda: m.relatieve_verandering(S(0, 5), S(3, 10), zero_division=0.0),
        "relatieve_verandering: `vorig` is 0 for jaar 2021; the result there is set to 0.0 "
        "as zero_division=0.0 asks",
        [0.0, 1.0],
        id="zero_division=0.0 gives 0.0, not NaN",
    ),
    pytest.param(
        lambda: m.groeifactor(np.array([0.0, 2.0]), np.array([1.0, 4.0]), zero_division=-1.0),
        "groeifactor: `begin` is 0 for position 0; the result there is set to -1.0 as "
        "zero_division=-1.0 asks",
        [-1.0, 2.0],
        id="array",
    ),
]


@pytest.mark.parametrize(("call", "message", "expected"), ZERO_DIVISION_WARNINGS)
def test_a_zero_denominator_warns_at_the_callers_line_with_the_value_asked_for(
    call: Callable[[], Any], message: str, expected: list[float]
) -> None:
    with pytest.warns(errors.UndefinedMetricWarning) as caught:
        result = call()
    assert [str(w.message) for w in caught] == [message]
    package = Path(m.__file__).resolve().parent.parent
    assert not Path(caught[0].filename).resolve().is_relative_to(package)  # the caller's line
    np.testing.assert_array_equal(np.asarray(result, dtype=float), expected)


# Valid values for each metric's keyword-only arguments without a default.
_REQUIRED: dict[str, dict[str, Any]] = {
    "fte_groei": {"begin_jaar": 2023, "eind_jaar": 2027},
    "jaarlijkse_groei": {"jaren": 4},
    "traject": {"begin_jaar": 2023, "begin": 22.0, "eind_jaar": 2027, "eind": 130.0},
}


def _positional(meta: Any) -> list[str]:
    params = inspect.signature(meta.func).parameters.values()
    return [p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]


NAMED = [
    pytest.param(meta.id, name, id=f"{meta.id}-{name}")
    for meta in iter_metrics()
    for name in _positional(meta)
    if meta.id not in {"aangevuld_traject", "totaal_over_periode"}  # one table argument
]


@pytest.mark.parametrize(("metric", "argument"), NAMED)
def test_every_metric_names_itself_and_the_argument_the_caller_gave(
    metric: str, argument: str
) -> None:
    meta = next(meta for meta in iter_metrics() if meta.id == metric)
    args: dict[str, object] = dict.fromkeys(
        _positional(meta), 2025.0 if metric == "traject" else 10.0
    )
    args[argument] = "twaalf"
    with pytest.raises(errors.InvalidInputError, match="must be a number") as caught:
        meta.func(**args, **_REQUIRED.get(metric, {}))
    assert str(caught.value) == (
        f"{metric}: `{argument}` must be a number, array or Series, got 'twaalf'"
    )


NEGATIVE = [
    pytest.param(meta.id, name, id=f"{meta.id}-{name}")
    for meta in iter_metrics()
    for name in _positional(meta)
    # changes and conversions take any sign; a path takes years
    if meta.id
    not in {
        "aangevuld_traject",
        "bedrag_in_euro",
        "relatieve_verandering",
        "totaal_over_periode",
        "traject",
        "verandering",
    }
]


@pytest.mark.parametrize(("metric", "argument"), NEGATIVE)
def test_a_negative_count_or_amount_is_refused_by_name(metric: str, argument: str) -> None:
    meta = next(meta for meta in iter_metrics() if meta.id == metric)
    args = dict.fromkeys(_positional(meta), 10.0)
    args[argument] = -4.0
    with pytest.raises(errors.NegativeCountError, match="is negative") as caught:
        meta.func(**args, **_REQUIRED.get(metric, {}))
    assert str(caught.value) == (
        f"{metric}: `{argument}` is negative (-4); counts and amounts cannot be below zero"
    )


# --- figure records: every problem and every verdict, word for word ----------------------------

# (status, explained, computed value or None, how, note) per row of the reproduce table
RECORD_FILES = [
    pytest.param(
        "[[figure]\n",
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: not valid TOML: Expected ']]' at the end of an array declaration (at line 1, column 9)",
            )
        ],
        id="not_toml",
    ),
    pytest.param(
        'titel = "x"\n[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: unknown top-level keys ['titel']; allowed: ['edition', 'figure', 'not_a_figure', 'report_section'].",
            )
        ],
        id="unknown_top_key",
    ),
    pytest.param(
        'edition = 2023\n[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\n',
        [("invalid", False, None, "not read", "draft.toml: edition must be text, got 2023.")],
        id="edition_not_text",
    ),
    pytest.param(
        "figure = 5\n",
        [("invalid", False, None, "not read", "draft.toml: figure must be [[figure]] tables.")],
        id="figure_not_tables",
    ),
    pytest.param(
        'figure = ["a"]\n',
        [("invalid", False, None, "not read", "draft.toml: figure must be [[figure]] tables.")],
        id="figure_list_of_text",
    ),
    pytest.param(
        '[[figure]]\nsection = "s"\nquote = "81%"\nphrase = "81%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: a record needs an id of lower-case letters, digits, '.', '_' or '-', got None (line 1)",
            )
        ],
        id="no_id",
    ),
    pytest.param(
        '[[figure]]\nid = "T X"\nsection = "s"\nquote = "81%"\nphrase = "81%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: a record needs an id of lower-case letters, digits, '.', '_' or '-', got 'T X' (line 1)",
            )
        ],
        id="bad_id",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\nopmerking = "y"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x' has unknown keys ['opmerking']; allowed: ['cell', 'finding', 'id', 'inputs', 'known_discrepancy', 'metric', 'not_derivable', 'note', 'phrase', 'quote', 'reading', 'section', 'sum', 'where'] (line 1)",
            )
        ],
        id="unknown_key",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = " "\nquote = "81%"\nphrase = "81%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x' needs a non-empty 'section' (line 1)",
            )
        ],
        id="empty_section",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\nnote = 5\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': note must be text (line 1)",
            )
        ],
        id="note_not_text",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\nfinding = ["a"]\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': finding must be text (line 1)",
            )
        ],
        id="finding_not_text",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "in 80% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': the phrase '81%' does not occur in its quote 'in 80% van de zaken' (line 1)",
            )
        ],
        id="phrase_not_in_quote",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81.5% van de zaken"\nphrase = "81.5%"\nnot_derivable = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': cannot read the number '81.5' in phrase '81.5%'; in Dutch notation a dot separates thousands in groups of three and the comma is the decimal mark: did you mean '81,5'? (line 1)",
            )
        ],
        id="phrase_unreadable",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\nsum = "uitspraken:aantal[jaar=2022]"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x' needs exactly one of cell, sum, metric, not_derivable (got sum, not_derivable) (line 1)",
            )
        ],
        id="two_kinds",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnote = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x' needs exactly one of cell, sum, metric, not_derivable (line 1)",
            )
        ],
        id="no_kind",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nreading = 5\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': reading must be [[figure.reading]] (line 1)",
            )
        ],
        id="reading_not_list",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n[[figure.reading]]\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nsum = "uitspraken:aantal[jaar=2022]"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': give exactly one of cell, sum or metric (got cell, sum) (line 1)",
            )
        ],
        id="reading_two_kinds",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n[[figure.reading]]\nlabel = "x"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': give exactly one of cell, sum or metric (line 1)",
            )
        ],
        id="reading_no_kind",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\ninputs = { schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': give inputs or where, not both (where binds the metric's declared inputs) (line 1)",
            )
        ],
        id="metric_inputs_and_where",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': metric 'aandeel_schuldig' needs where = { jaar = ... } (its declared inputs) or inputs = { arg = \"table:column[...]\", ... } (line 1)",
            )
        ],
        id="metric_without_inputs",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\ninputs = {}\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': metric 'aandeel_schuldig' needs where = { jaar = ... } (its declared inputs) or inputs = { arg = \"table:column[...]\", ... } (line 1)",
            )
        ],
        id="metric_inputs_empty",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': where is only for a metric (line 1)",
            )
        ],
        id="where_for_a_cell",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nsum = "uitspraken:aantal[jaar=2022]"\ninputs = { a = "uitspraken:aantal" }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': inputs is only for a metric (line 1)",
            )
        ],
        id="inputs_for_a_sum",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\nwhere = {}\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': where must name the period and categories of the figure, e.g. where = { jaar = 2022, duurklasse = \"meer_dan_5_jaar\" } (line 1)",
            )
        ],
        id="where_empty",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\nwhere = { jaar = [2021, 2022] }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': where gives jaar more than one value, or not a value; a record names one number: give one value (a year, a code) per key (line 1)",
            )
        ],
        id="where_list",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\nwhere = { jaar = true }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': where gives jaar more than one value, or not a value; a record names one number: give one value (a year, a code) per key (line 1)",
            )
        ],
        id="where_bool",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_onbekend"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': no metric 'aandeel_onbekend'; known metrics: aandeel_besteding, aandeel_drugsvangst, aandeel_duurklasse, aandeel_meer_dan_5_jaar, aandeel_met_taakstraf, aandeel_schuldig, aandeel_structureel_van_piek, aandeel_vrijheidsstraffen, aandeel_vrijspraak, aangevuld_traject, bedrag_in_euro, beslag_realisatie, beslag_tekort, fte_groei, groeifactor, jaarlijkse_groei, na_ijl_projectie, relatieve_verandering, totaal_over_periode, traject, verandering, verhouding_incidenteel_structureel, waarde_per_kilo, zonder_uitschieter (line 1)",
            )
        ],
        id="where_unknown_metric",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "verandering"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': metric 'verandering' is applied to whole series; give its inputs explicitly (inputs = { arg = \"table:column[...]\" }) (line 1)",
            )
        ],
        id="where_series_metric",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "traject"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': metric 'traject' declares no table inputs; give its inputs explicitly (inputs = { arg = \"table:column[...]\" }) (line 1)",
            )
        ],
        id="where_no_inputs_metric",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_duurklasse"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': the input in_klasse of 'aandeel_duurklasse' (vrijheidsstraffen:aantal[duurklasse=*]) is per duurklasse: name it in where (line 1)",
            )
        ],
        id="where_missing_category",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_duurklasse"\nwhere = { duurklasse = "tot_1_jaar" }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': the input in_klasse of 'aandeel_duurklasse' (vrijheidsstraffen:aantal[duurklasse=*]) is per jaar: name it in where (line 1)",
            )
        ],
        id="where_missing_year",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\nwhere = { jaar = 2022, haven = "x" }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': where names haven, which no input of 'aandeel_schuldig' is per (per period: schuldig = uitspraken:aantal[uitkomst=schuldig]; uitspraken = uitspraken:aantal) (line 1)",
            )
        ],
        id="where_unused_key",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': cannot read the selection 'uitspraken'; write table:column[key=value,...], e.g. uitspraken:aantal[jaar=2022,uitkomst=schuldig], or max(table:column[...]) to reduce over the periods (line 1)",
            )
        ],
        id="selection_unreadable",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nsum = "uitspraken:aantal[uitkomst=*]"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': uitspraken:aantal[uitkomst=*] asks for one value per uitkomst ('*'); a record names one number: give the value (line 1)",
            )
        ],
        id="selection_star",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\ninputs = { schuldig = "x", uitspraken = "uitspraken:aantal[jaar=2022]" }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': cannot read the selection 'x'; write table:column[key=value,...], e.g. uitspraken:aantal[jaar=2022,uitkomst=schuldig], or max(table:column[...]) to reduce over the periods (line 1)",
            )
        ],
        id="inputs_selection_unreadable",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "vonnissen:aantal[jaar=2022]"\n',
        [
            (
                "invalid",
                False,
                None,
                "cell vonnissen:aantal[jaar=2022]",
                "Record 't.x' (draft.toml, line 1): no table 'vonnissen'; tables: beslag, beslag_doelstellingen, drugsvangsten, financieel_besteding_herkomst, financieel_besteding_herkomst_totaal, financieel_besteding_thema, financieel_besteding_thema_eindtotaal, financieel_besteding_thema_totaal, financieel_herkomst, financieel_herkomst_totaal, financieel_preventie_jeugdcriminaliteit, kerncijfers, preventie_met_gezag_gemeenten, uitspraken, uitspraken_totaal, vrijheidsstraffen, vrijheidsstraffen_kenmerken.",
            )
        ],
        id="unknown_table",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:bedrag[jaar=2022]"\n',
        [
            (
                "invalid",
                False,
                None,
                "cell uitspraken:bedrag[jaar=2022]",
                "Record 't.x' (draft.toml, line 1): table 'uitspraken' has no column 'bedrag'; columns: jaar, uitkomst, aantal.",
            )
        ],
        id="unknown_column",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=1999,uitkomst=schuldig]"\n',
        [
            (
                "invalid",
                False,
                None,
                "cell uitspraken:aantal[jaar=1999,uitkomst=schuldig]",
                "Record 't.x' (draft.toml, line 1): uitspraken:aantal[jaar=1999,uitkomst=schuldig] matches no row.",
            )
        ],
        id="no_row",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022]"\n',
        [
            (
                "invalid",
                False,
                None,
                "cell uitspraken:aantal[jaar=2022]",
                "Record 't.x' (draft.toml, line 1): cell uitspraken:aantal[jaar=2022] matches 3 rows; a cell must match exactly one (use sum = ... to add rows up)",
            )
        ],
        id="cell_many_rows",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\ncell = "max(uitspraken:aantal[uitkomst=schuldig])"\n',
        [
            (
                "invalid",
                False,
                None,
                "cell max(uitspraken:aantal[uitkomst=schuldig])",
                "Record 't.x' (draft.toml, line 1): a cell is one cell; max(...) is for a sum or the inputs of a metric.",
            )
        ],
        id="cell_reduce",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nsum = "uitspraken:aantal[jaar=2022,haven=x]"\n',
        [
            (
                "invalid",
                False,
                None,
                "sum uitspraken:aantal[jaar=2022,haven=x]",
                "Record 't.x' (draft.toml, line 1): uitspraken:aantal[jaar=2022,haven=x]: table 'uitspraken' has no column 'haven'; its columns are jaar, uitkomst, aantal.",
            )
        ],
        id="selection_bad_key",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\ninputs = { a = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }\n',
        [
            (
                "invalid",
                False,
                None,
                "aandeel_schuldig(a=uitspraken:aantal[jaar=2022,uitkomst=schuldig])",
                "Record 't.x' (draft.toml, line 1): metric 'aandeel_schuldig' takes schuldig, uitspraken; the record gives a.",
            )
        ],
        id="metric_wrong_args",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 22 van de zaken"\nphrase = "22"\nmetric = "fte_groei"\ninputs = { begin = "kerncijfers:waarde[indicator=acm_fte_extra,jaar=2023]", eind = "kerncijfers:waarde[indicator=acm_fte_extra,jaar=2023]" }\n',
        [
            (
                "invalid",
                False,
                None,
                "fte_groei(begin=kerncijfers:waarde[indicator=acm_fte_extra,jaar=2023], eind=kerncijfers:waarde[indicator=acm_fte_extra,jaar=2023])",
                "Record 't.x' (draft.toml, line 1): metric 'fte_groei' needs the keyword arguments begin_jaar, eind_jaar, which a record cannot give; check the figure with a sum, or with a metric that takes only table cells.",
            )
        ],
        id="metric_keyword_args",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "verandering"\ninputs = { vorig = "uitspraken:aantal[jaar=2021,uitkomst=schuldig]", huidig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }\n',
        [
            (
                "invalid",
                False,
                None,
                "verandering(vorig=uitspraken:aantal[jaar=2021,uitkomst=schuldig], huidig=uitspraken:aantal[jaar=2022,uitkomst=schuldig])",
                "Record 't.x' (draft.toml, line 1): metric 'verandering' gives unit of the inputs, but the phrase '81%' is a percentage; a percentage compares with a share, an attainment, a change or a rate, an amount with an amount.",
            )
        ],
        id="metric_unit_percent",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81 van de zaken"\nphrase = "81"\nmetric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "aandeel_schuldig(schuldig=uitspraken:aantal[jaar=2022,uitkomst=schuldig], uitspraken=uitspraken:aantal[jaar=2022])",
                "Record 't.x' (draft.toml, line 1): metric 'aandeel_schuldig' gives share (0-1), but the phrase '81' is an amount (number); a percentage compares with a share, an attainment, a change or a rate, an amount with an amount.",
            )
        ],
        id="metric_unit_amount",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_schuldig"\ninputs = { schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]", uitspraken = "uitspraken:aantal[jaar=2022,uitkomst=overig]" }\n',
        [
            (
                "discrepancy",
                False,
                None,
                "aandeel_schuldig(schuldig=uitspraken:aantal[jaar=2022,uitkomst=schuldig], uitspraken=uitspraken:aantal[jaar=2022,uitkomst=overig])",
                "Cannot compute: aandeel_schuldig: `schuldig` is larger than `uitspraken` (1238 > 104); a part cannot exceed its whole: check that `schuldig` and `uitspraken` are from the same year and table.",
            )
        ],
        id="metric_cannot_compute",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 22 van de zaken"\nphrase = "22"\nmetric = "fte_groei"\nwhere = { jaar = 2022 }\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': metric 'fte_groei' is applied to whole series; give its inputs explicitly (inputs = { arg = \"table:column[...]\" }) (line 1)",
            )
        ],
        id="metric_not_one_number",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nsum = "max(vrijheidsstraffen:aantal[duurklasse=*])"\n',
        [
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.x': max(vrijheidsstraffen:aantal[duurklasse=*]) asks for one value per duurklasse ('*'); a record names one number: give the value (line 1)",
            )
        ],
        id="reduce_per_category",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.238 van de zaken"\nphrase = "1.238"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n',
        [
            (
                "transcribed",
                True,
                1238.0,
                "cell uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                "The printed number, as transcribed.",
            )
        ],
        id="cell_transcribed",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.239 van de zaken"\nphrase = "1.239"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n',
        [
            (
                "discrepancy",
                False,
                1238.0,
                "cell uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                "The cell holds 1.238 but the phrase '1.239' says 1.239: the transcription and the record disagree.",
            )
        ],
        id="cell_disagrees",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 246 miljoen euro van de zaken"\nphrase = "246 miljoen euro"\ncell = "beslag:bedrag_eur[jaar=2022,soort=totaal]"\n',
        [
            (
                "discrepancy",
                False,
                246000000.0,
                "cell beslag:bedrag_eur[jaar=2022,soort=totaal]",
                "The cell holds 246.000.000 with kwalificatie ruim, but the phrase '246 miljoen euro' is a plain number: the transcription lost or changed the bound.",
            )
        ],
        id="cell_lost_bound",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.543 van de zaken"\nphrase = "1.543"\nsum = "uitspraken:aantal[jaar=2022]"\n',
        [
            (
                "exact",
                True,
                1543.0,
                "sum uitspraken:aantal[jaar=2022]",
                "Equal to the printed value.",
            )
        ],
        id="sum_within",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.238 van de zaken"\nphrase = "1.238"\nsum = "max(uitspraken:aantal[uitkomst=schuldig])"\n',
        [
            (
                "discrepancy",
                False,
                1257.0,
                "sum max(uitspraken:aantal[uitkomst=schuldig])",
                "1.257 is not in [1.237,5; 1.238,5), which '1.238' claims.",
            )
        ],
        id="sum_max",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.238 van de zaken"\nphrase = "1.238"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nnote = "zie tabel"\n[[figure.reading]]\nlabel = "met vrijspraken"\nsum = "uitspraken:aantal[jaar=2022]"\n[[figure.reading]]\nsum = "uitspraken:aantal[jaar=2021]"\ncompare = false\n[[figure.reading]]\nlabel = "aandeel"\nmetric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\ncompare = false\n',
        [
            (
                "transcribed",
                True,
                1238.0,
                "cell uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                "The printed number, as transcribed. Zie tabel. Reading 'met vrijspraken': 1.543, discrepancy (1.543 is not in [1.237,5; 1.238,5), which '1.238' claims). Reading 'reading 2': 1.353 (for information). Reading 'aandeel': 0,802333 (for information).",
            )
        ],
        id="with_note_and_alternative",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.239 van de zaken"\nphrase = "1.239"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nknown_discrepancy = "het rapport telt anders"\n',
        [
            (
                "discrepancy",
                True,
                1238.0,
                "cell uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                "The cell holds 1.238 but the phrase '1.239' says 1.239: the transcription and the record disagree. Known discrepancy of the report: het rapport telt anders.",
            )
        ],
        id="known_discrepancy_holds",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 1.238 van de zaken"\nphrase = "1.238"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nknown_discrepancy = "het rapport telt anders"\n',
        [
            (
                "transcribed",
                False,
                1238.0,
                "cell uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                "The printed number, as transcribed. Marked as a known discrepancy, but it reproduces now: remove known_discrepancy from the record.",
            )
        ],
        id="known_discrepancy_reproduces",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "geen tabel geeft dit"\n',
        [("not_derivable", True, None, "not derivable", "Geen tabel geeft dit.")],
        id="not_derivable",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 91% van de zaken"\nphrase = "91%"\nmetric = "beslag_realisatie"\nwhere = { jaar = 2022 }\n',
        [
            (
                "within_rounding",
                True,
                0.9057437407952872,
                "beslag_realisatie(beslag=beslag:bedrag_eur[jaar=2022,soort=totaal], doelstelling=beslag_doelstellingen:bedrag_eur[jaar=2022,partij=totaal])",
                "0,905744 rounds to the printed '91%'. Input beslag (ruim) is printed as a bound or an approximation; the metric is computed from the printed number.",
            )
        ],
        id="bound_metric_input",
    ),
    pytest.param(
        '[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\n[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "y"\n',
        [
            ("not_derivable", True, None, "not derivable", "X."),
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record id 't.x' is used twice (also in draft.toml, line 1) (line 7)",
            ),
        ],
        id="duplicate_id",
    ),
    pytest.param(
        '# opmerking\n\n[[figure]]\nid = "t.x"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\n[[figure]]\nid = "t.y"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nnot_derivable = "x"\nnote = 5\n',
        [
            ("not_derivable", True, None, "not derivable", "X."),
            (
                "invalid",
                False,
                None,
                "not read",
                "draft.toml: record 't.y': note must be text (line 9)",
            ),
        ],
        id="line_after_comments",
    ),
]


@pytest.mark.parametrize(("text", "rows"), RECORD_FILES)
def test_every_record_problem_and_verdict_says_exactly_this(
    tmp_path: Path, text: str, rows: list[tuple[str, bool, float | None, str, str]]
) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(text, encoding="utf-8")
    result = reproduce_records(load_records([path]), SAMPLES)
    got = [
        (
            r["status"],
            bool(r["explained"]),
            None if math.isnan(r["computed_value"]) else r["computed_value"],
            r["how"],
            str(r["note"]).replace(f"{tmp_path}/", ""),
        )
        for r in result.to_dict("records")
    ]
    assert got == rows


# --- figure records as read: every field ------------------------------------------------------

CONCEPT = 'edition = "2024"\n# een opmerking\n\n[[figure]]\nid = "t.a"\nsection = "Bestraffen"\nquote = "in 81% van de zaken"\nphrase = "81%"\nmetric = "aandeel_duurklasse"\nwhere = { jaar = 2022, duurklasse = "meer_dan_5_jaar" }\nnote = "n"\nfinding = "f"\n[[figure.reading]]\nsum = "uitspraken:aantal[jaar=2022]"\ncompare = false\n[[figure.reading]]\nlabel = "aandeel schuldig"\nmetric = "aandeel_schuldig"\ninputs = { schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]", uitspraken = "uitspraken:aantal[jaar=2022]" }\n\n[[figure]]\nid = "t.b"\nsection = "Verstoren"\nquote = "ruim 246 miljoen"\nphrase = "ruim 246 miljoen"\nnot_derivable = "geen tabel"\nknown_discrepancy = "k"\n'
KAPOT = '[[figure]]\nid = "t.c"\nsection = "Bestraffen"\nquote = "81%"\nphrase = "81%"\ncell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n\n[[figure]]\nid = 5\nsection = "Bestraffen"\n\n[[figure]]\nid = "t.d"\nsection = "Bestraffen"\nquote = "82%"\nphrase = "82%"\nsum = "uitspraken:aantal[jaar=2022]"\nbad = 1\n'
RECORDS_AS_READ = [
    {
        "id": "t.a",
        "section": "Bestraffen",
        "phrase": "81%",
        "value": 0.81,
        "reading": {
            "kind": "metric",
            "label": "",
            "metric": "aandeel_duurklasse",
            "inputs": {
                "in_klasse": "vrijheidsstraffen:aantal[jaar=2022,duurklasse=meer_dan_5_jaar]",
                "vrijheidsstraffen": "vrijheidsstraffen:aantal[jaar=2022]",
            },
            "compare": True,
        },
        "alternatives": [
            {
                "kind": "sum",
                "label": "reading 1",
                "metric": None,
                "inputs": {"value": "uitspraken:aantal[jaar=2022]"},
                "compare": False,
            },
            {
                "kind": "metric",
                "label": "aandeel schuldig",
                "metric": "aandeel_schuldig",
                "inputs": {
                    "schuldig": "uitspraken:aantal[jaar=2022,uitkomst=schuldig]",
                    "uitspraken": "uitspraken:aantal[jaar=2022]",
                },
                "compare": True,
            },
        ],
        "not_derivable": None,
        "note": "n",
        "known_discrepancy": None,
        "finding": "f",
        "line": 4,
        "edition": "2024",
        "source": "concept.toml",
        "problem": None,
    },
    {
        "id": "t.b",
        "section": "Verstoren",
        "phrase": "ruim 246 miljoen",
        "value": 246000000.0,
        "reading": None,
        "alternatives": [],
        "not_derivable": "geen tabel",
        "note": "",
        "known_discrepancy": "k",
        "finding": None,
        "line": 21,
        "edition": "2024",
        "source": "concept.toml",
        "problem": None,
    },
    {
        "id": "t.c",
        "section": "Bestraffen",
        "phrase": "81%",
        "value": 0.81,
        "reading": {
            "kind": "cell",
            "label": "",
            "metric": None,
            "inputs": {"value": "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"},
            "compare": True,
        },
        "alternatives": [],
        "not_derivable": None,
        "note": "",
        "known_discrepancy": None,
        "finding": None,
        "line": 1,
        "edition": None,
        "source": "kapot.toml",
        "problem": None,
    },
    {
        "id": "kapot.figure_2",
        "section": "",
        "phrase": "",
        "value": None,
        "reading": None,
        "alternatives": [],
        "not_derivable": None,
        "note": "",
        "known_discrepancy": None,
        "finding": None,
        "line": 8,
        "edition": None,
        "source": "kapot.toml",
        "problem": "kapot.toml: a record needs an id of lower-case letters, digits, '.', '_' or '-', got 5 (line 8)",
    },
    {
        "id": "t.d",
        "section": "",
        "phrase": "",
        "value": None,
        "reading": None,
        "alternatives": [],
        "not_derivable": None,
        "note": "",
        "known_discrepancy": None,
        "finding": None,
        "line": 12,
        "edition": None,
        "source": "kapot.toml",
        "problem": "kapot.toml: record 't.d' has unknown keys ['bad']; allowed: ['cell', 'finding', 'id', 'inputs', 'known_discrepancy', 'metric', 'not_derivable', 'note', 'phrase', 'quote', 'reading', 'section', 'sum', 'where'] (line 12)",
    },
    {
        "id": "map",
        "section": "",
        "phrase": "",
        "value": None,
        "reading": None,
        "alternatives": [],
        "not_derivable": None,
        "note": "",
        "known_discrepancy": None,
        "finding": None,
        "line": None,
        "edition": None,
        "source": "map.toml",
        "problem": "map.toml: cannot be read: Is a directory",
    },
]


def _plain(record: Any) -> dict[str, Any]:
    def reading(r: Any) -> dict[str, Any] | None:
        if r is None:
            return None
        inputs = {k: str(v) for k, v in r.inputs.items()}
        return {
            "kind": r.kind,
            "label": r.label,
            "metric": r.metric,
            "inputs": inputs,
            "compare": r.compare,
        }

    return {
        "id": record.id, "section": record.section, "phrase": record.phrase,
        "value": record.quantity.value if record.quantity else None,
        "reading": reading(record.reading),
        "alternatives": [reading(a) for a in record.alternatives],
        "not_derivable": record.not_derivable, "note": record.note,
        "known_discrepancy": record.known_discrepancy, "finding": record.finding,
        "line": record.line, "edition": record.edition, "source": record.source,
        "problem": record.problem,
    }  # fmt: skip


def test_an_editions_records_are_its_toml_files_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ondermijning_indicators.published import _records

    figures = tmp_path / "2099" / "figures"
    figures.mkdir(parents=True)
    (figures / "concept.toml").write_text(CONCEPT, encoding="utf-8")
    (figures / "LEESMIJ.md").write_text("[[figure]]\nid = 'niet'\n", encoding="utf-8")
    (figures / "map.toml").mkdir()  # a folder named like a record file
    monkeypatch.setattr(_records, "edition_dir", lambda edition: tmp_path / edition)
    records = load_records(edition="2099")
    assert {r.source for r in records} == {"2099/figures/concept.toml"}
    assert [r.id for r in records] == [r.id for r in load_records([figures / "concept.toml"])]
    assert load_records(edition="2100") == []  # an edition without figures


def test_a_metric_declaring_a_table_the_library_lacks_is_refused_in_a_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every registered metric reads the library's tables; a metric added later might not."""
    import dataclasses as dc

    from ondermijning_indicators._registry import get_metric
    from ondermijning_indicators._selection import Selection
    from ondermijning_indicators.published import _records

    share = get_metric("aandeel_schuldig")
    assert share.inputs is not None
    elsewhere = dc.replace(share.inputs, arguments={"schuldig": Selection.parse("elders:aantal")})
    monkeypatch.setattr(_records, "get_metric", lambda _: dc.replace(share, inputs=elsewhere))
    path = tmp_path / "draft.toml"
    path.write_text(
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'metric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\n',
        encoding="utf-8",
    )
    (record,) = load_records([path])
    assert record.problem == (
        f"{path}: record 't.x': metric 'aandeel_schuldig' reads 'elders', which is not a table "
        'of the library; give its inputs explicitly (inputs = { arg = "..." }) (line 1)'
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[figure]\n", "not valid TOML"),
        ('titel = "x"\n', "unknown top-level keys ['titel']; allowed: ['edition', 'figure', "),
        ("edition = 2023\n", "edition must be text, got 2023"),
        ("figure = 5\n", "figure must be [[figure]] tables"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_invalid_record_named_after_it(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "hoofdstuk-3.toml"
    path.write_text(text, encoding="utf-8")
    (record,) = load_records([path])
    assert (record.id, record.source, record.line) == ("hoofdstuk-3", str(path), None)
    assert record.problem is not None
    assert record.problem.startswith(f"{path}: ")
    assert problem in record.problem


def test_a_file_without_figures_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "leeg.toml"
    path.write_text('# nog niets\nedition = "2023"\n', encoding="utf-8")
    assert load_records([path]) == []


_FIGURE = 'id = "{id}", section = "s", quote = "81%", phrase = "81%", not_derivable = "x"'


def test_figures_as_inline_tables_are_read_without_lines(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text(
        "figure = [\n  { " + _FIGURE.format(id="a") + " },\n  { " + _FIGURE.format(id="b")
        + " },\n]\n",
        encoding="utf-8",
    )  # fmt: skip
    records = load_records([path])
    assert [(r.id, r.line, r.problem) for r in records] == [("a", None, None), ("b", None, None)]


def test_a_header_inside_a_text_gives_no_lines_rather_than_wrong_ones(tmp_path: Path) -> None:
    body = '[[figure]]\n{}\nnote = """\n[[figure]]\n"""\n\n[[figure]]\n{}\n'.format(
        _FIGURE.format(id="a").replace(", ", "\n"), _FIGURE.format(id="b").replace(", ", "\n")
    )
    path = tmp_path / "tekst.toml"
    path.write_text(body, encoding="utf-8")
    records = load_records([path])
    assert [(r.id, r.line, r.note) for r in records] == [
        ("a", None, "[[figure]]\n"),
        ("b", None, ""),
    ]


def test_an_unreadable_file_does_not_stop_the_files_after_it(tmp_path: Path) -> None:
    (tmp_path / "map.toml").mkdir()
    (tmp_path / "concept.toml").write_text(CONCEPT, encoding="utf-8")
    records = load_records([tmp_path / "map.toml", tmp_path / "concept.toml"])
    assert records[0].problem is not None
    assert [r.id for r in records[1:]] == [r.id for r in load_records([tmp_path / "concept.toml"])]


def test_an_id_used_twice_names_both_places_with_lines_where_known(tmp_path: Path) -> None:
    inline = tmp_path / "inline.toml"
    inline.write_text("figure = [{ " + _FIGURE.format(id="a") + " }]\n", encoding="utf-8")
    headed = tmp_path / "headed.toml"
    headed.write_text("[[figure]]\n" + _FIGURE.format(id="a").replace(", ", "\n") + "\n")
    first, second = load_records([inline, headed])
    assert first.problem is None
    assert second.problem == f"{headed}: record id 'a' is used twice (also in {inline}) (line 1)"
    assert (second.quantity, second.reading) == (None, None)
    first, second = load_records([headed, inline])
    assert second.problem == f"{inline}: record id 'a' is used twice (also in {headed}, line 1)"
    with pytest.raises(errors.FigureRecordError, match="used twice"):
        load_records([headed, inline], strict=True)


def test_strict_reading_of_good_records_gives_them_all(tmp_path: Path) -> None:
    headed = tmp_path / "headed.toml"
    headed.write_text("[[figure]]\n" + _FIGURE.format(id="a").replace(", ", "\n") + "\n")
    assert [r.id for r in load_records([headed], strict=True)] == ["a"]


def test_a_not_derivable_record_whose_other_reading_fails_is_invalid(tmp_path: Path) -> None:
    row = _one(
        tmp_path,
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'not_derivable = "geen tabel"\n[[figure.reading]]\nlabel = "poging"\n'
        'sum = "uitspraken:onbekend[jaar=2022]"\n',
    )
    assert (row["status"], row["how"]) == ("invalid", "not derivable")
    assert "table 'uitspraken' has no column 'onbekend'" in row["note"]


def test_a_bound_cell_reads_as_the_quantity_its_text_would_give() -> None:
    """The step, unit and significance of a cell stored with a qualifier, as if printed."""
    from ondermijning_indicators.published._reproduce import _bound, _Cells

    for value, text, step, significance in [
        (12.5, "ruim 12,5", 0.1, 0.1),
        (1200.0, "ruim 1.200", 1.0, 100.0),
        (0.25, "ruim 0,25", 0.01, 0.01),
        (1234567.5, "ruim 1.234.567,5", 0.1, 0.1),  # every digit, not six significant
    ]:
        rows = _Cells(np.array([value]), np.array(["ruim"], dtype=object))
        q = _bound(rows, Unit.FTE)
        assert q is not None
        assert (q.phrase, q.value, q.step, q.unit, q.significance) == (
            text,
            value,
            step,
            Unit.FTE,
            significance,
        ), q


def test_a_record_of_another_edition_is_invalid_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "oud.toml"
    path.write_text(
        'edition = "2022"\n\n[[figure]]\n' + _FIGURE.format(id="a").replace(", ", "\n") + "\n",
        encoding="utf-8",
    )
    (record,) = load_records([path], edition="2023")
    assert (record.id, record.line) == ("a", 3)
    assert record.problem == (f"{path}: the file says edition '2022' but belongs to edition '2023'")


def test_a_problem_of_an_inline_record_has_no_line(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('figure = [{ id = "a", section = "s", quote = "81%" }]\n', encoding="utf-8")
    (record,) = load_records([path])
    assert record.problem == f"{path}: record 'a' needs a non-empty 'phrase'"


def test_a_record_used_twice_keeps_no_reading(tmp_path: Path) -> None:
    body = (
        '[[figure]]\nid = "a"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'cell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n'
    )
    (tmp_path / "een.toml").write_text(body, encoding="utf-8")
    (tmp_path / "twee.toml").write_text(body, encoding="utf-8")
    first, second = load_records([tmp_path / "een.toml", tmp_path / "twee.toml"])
    assert first.reading is not None
    assert (second.quantity, second.reading) == (None, None)


def test_an_information_reading_that_fails_names_its_record(tmp_path: Path) -> None:
    row = _one(
        tmp_path,
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'metric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\n[[figure.reading]]\n'
        'label = "info"\ncompare = false\nsum = "uitspraken:onbekend[jaar=2022]"\n',
    )
    assert row["status"] == "invalid"
    assert "Record 't.x' (" in row["note"], row
    assert "has no column 'onbekend'" in row["note"], row


def test_no_records_give_an_empty_table_with_every_column() -> None:
    from ondermijning_indicators.published._reproduce import RESULT_COLUMNS

    out = reproduce_records([], SAMPLES)
    assert out.empty
    assert list(out.columns) == list(RESULT_COLUMNS)


def test_every_field_of_a_record_is_read_as_written(tmp_path: Path) -> None:
    (tmp_path / "concept.toml").write_text(CONCEPT, encoding="utf-8")
    (tmp_path / "kapot.toml").write_text(KAPOT, encoding="utf-8")
    (tmp_path / "map.toml").mkdir()
    paths = [tmp_path / name for name in ("concept.toml", "kapot.toml", "map.toml")]
    got = [
        {
            k: v.replace(f"{tmp_path}/", "") if isinstance(v, str) else v
            for k, v in _plain(r).items()
        }
        for r in load_records(paths)
    ]
    assert got == RECORDS_AS_READ
    # the quotes as written; a record that could not be read has none (not None)
    quotes = [r.quote for r in load_records(paths)]
    assert quotes == ["in 81% van de zaken", "ruim 246 miljoen", "81%", "", "", ""]


# --- reproduce: semantics, bounds with decimals, caveats -------------------------------------


def _one(tmp_path: Path, body: str, **kwargs: Any) -> dict[str, Any]:
    path = tmp_path / "draft.toml"
    path.write_text(body, encoding="utf-8")
    tables = kwargs.pop("tables", SAMPLES)
    result = reproduce_records(load_records([path]), tables, **kwargs)
    return {str(k): v for k, v in result.iloc[0].items()}


_NEAR = '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "bijna {p}"\nphrase = "bijna {p}"\n{body}\n'


@pytest.mark.parametrize(
    ("body", "near", "about"),
    [
        ('sum = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"', "1.240", "1.300"),  # 1238
        ('metric = "aandeel_schuldig"\nwhere = { jaar = 2022 }', "81%", "84%"),  # 80.2%
    ],
)
def test_the_semantics_given_are_the_semantics_used(
    tmp_path: Path, body: str, near: str, about: str
) -> None:
    text = _NEAR.format(p=near, body=body)
    assert _one(tmp_path, text)["status"] == "consistent_with_qualifier"
    narrow = _one(tmp_path, text, semantics=Semantics(near_share=0.001))
    assert narrow["status"] == "discrepancy"
    text = _NEAR.format(p=about, body=body).replace("bijna", "circa")
    assert _one(tmp_path, text)["status"] == "consistent_with_qualifier"
    narrow = _one(tmp_path, text, semantics=Semantics(circa_share=0.01))
    assert narrow["status"] == "discrepancy"


def test_an_alternative_reading_uses_the_semantics_given(tmp_path: Path) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "circa 1.300"\nphrase = "circa 1.300"\n'
        'sum = "uitspraken:aantal[jaar=2022]"\n[[figure.reading]]\nlabel = "schuldig"\n'
        'sum = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n'
    )
    assert "Reading 'schuldig': 1.238, consistent_with_qualifier" in _one(tmp_path, text)["note"]
    narrow = _one(tmp_path, text, semantics=Semantics(circa_share=0.01))
    assert "Reading 'schuldig': 1.238, discrepancy" in narrow["note"]


def test_a_bound_cell_with_decimals_is_read_with_its_own_step(tmp_path: Path) -> None:
    kern = SAMPLES["kerncijfers"].copy()
    row = kern.index[0]
    kern.loc[row, "waarde"] = 12.5
    kern.loc[row, "kwalificatie"] = "ruim"
    tables = {**SAMPLES, "kerncijfers": kern}
    indicator, jaar = kern.loc[row, "indicator"], kern.loc[row, "jaar"]
    body = f'sum = "kerncijfers:waarde[indicator={indicator},jaar={jaar}]"'
    text = '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{p}"\nphrase = "{p}"\n' + body
    within = _one(tmp_path, text.format(p="ruim 12,5"), tables=tables)
    assert within["status"] == "consistent_with_qualifier"
    assert within["note"] == (
        "The data hold 'ruim 12,5', (12,5; 12,6], which lies within (12,5; 12,6], which "
        "'ruim 12,5' claims."
    )
    apart = _one(tmp_path, text.format(p="bijna 12,5"), tables=tables)
    assert apart["note"] == (
        "The data hold 'ruim 12,5', (12,5; 12,6], which has no value in [12,4; 12,5), which "
        "'bijna 12,5' claims."
    )
    whole = kern.copy()
    whole.loc[row, "waarde"] = 1200.0
    wide = _one(tmp_path, text.format(p="ruim 1.200"), tables={**SAMPLES, "kerncijfers": whole})
    assert wide["note"] == (
        "The data hold 'ruim 1.200', (1.200; 1.300], which lies within (1.200; 1.300], which "
        "'ruim 1.200' claims."
    )


def test_inputs_printed_as_bounds_are_named_with_each_qualifier(tmp_path: Path) -> None:
    """Every bound among a metric's inputs is named, with the qualifier of each row read;
    an empty qualifier is no bound."""
    kern = SAMPLES["kerncijfers"].copy()
    kern["kwalificatie"] = kern["kwalificatie"].astype(object)
    kern.loc[kern["indicator"] == "acm_fte_extra", "kwalificatie"] = ["circa", "ruim"]
    kern.loc[kern["indicator"] == "fit_teams", "kwalificatie"] = ""
    tables = {**SAMPLES, "kerncijfers": kern}
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{p}"\nphrase = "{p}"\n'
        'metric = "verandering"\ninputs = {{ vorig = "{vorig}", huidig = "{huidig}" }}\n'
    )
    both = _one(
        tmp_path,
        text.format(
            p="1.672",
            vorig="kerncijfers:waarde[indicator=fit_politiemensen_per_team]",
            huidig="sum(kerncijfers:waarde[indicator=acm_fte_extra])",
        ),
        tables=tables,
    )
    assert both["note"].endswith(
        "Input vorig (circa), huidig (circa, ruim) is printed as a bound or an approximation; "
        "the metric is computed from the printed number."
    ), both["note"]
    empty = _one(
        tmp_path,
        text.format(
            p="1.668",
            vorig="kerncijfers:waarde[indicator=fit_teams]",
            huidig="kerncijfers:waarde[indicator=csv_onderzoeken]",
        ),
        tables=tables,
    )
    assert empty["status"] == "exact"
    assert empty["note"] == "Equal to the printed value."  # no "printed as a bound"


def test_a_reduced_selection_with_categories_is_one_value_per_category() -> None:
    """Loading refuses '*' in a record; the evaluation refuses it as well, by itself."""
    from ondermijning_indicators._selection import Selection
    from ondermijning_indicators.published._reproduce import _value

    sel = Selection.parse("max(drugsvangsten:kg[haven=*,drug=*])")
    with pytest.raises(errors.FigureRecordError, match="gives one value per") as info:
        _value(sel, SAMPLES, "record 'x'")
    assert str(info.value) == (
        "record 'x': max(drugsvangsten:kg[haven=*,drug=*]) gives one value per haven, drug; "
        "a record names one number: give each of them a value"
    )
    with pytest.raises(errors.FigureRecordError, match="has no column") as info:
        _value(Selection.parse("uitspraken:onbekend[jaar=2022]"), SAMPLES, "record 'x'")
    assert str(info.value).startswith("record 'x': table 'uitspraken' has no column 'onbekend'")


@pytest.mark.parametrize(
    ("values", "holds"),
    [([True, False], "true/false values"), (["1.238", "2"], "text")],
)
def test_a_record_on_a_column_that_is_not_numbers_names_what_it_holds(
    tmp_path: Path, values: list[object], holds: str
) -> None:
    tables = {**SAMPLES, "eigen": pd.DataFrame({"jaar": [2021, 2022], "waarde": values})}
    row = _one(
        tmp_path,
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "2"\nphrase = "2"\n'
        'sum = "eigen:waarde[jaar=2022]"\n',
        tables=tables,
    )
    assert row["status"] == "invalid"
    assert row["note"].endswith(
        f": eigen:waarde[jaar=2022] reads the column 'waarde' of 'eigen', which holds {holds}, "
        "not numbers; name a column of counts or amounts."
    ), row["note"]


def test_a_bound_cell_is_compared_with_the_semantics_given(tmp_path: Path) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{p}"\nphrase = "{p}"\n'
        'sum = "beslag:bedrag_eur[jaar=2022,soort=totaal]"\n'
    )
    body = text.format(p="bijna 250 miljoen euro")  # the cell: ruim 246 miljoen
    assert _one(tmp_path, body)["status"] == "consistent_with_qualifier"
    narrow = _one(tmp_path, body, semantics=Semantics(near_share=0.001))
    assert (narrow["status"], narrow["note"]) == (
        "discrepancy",
        "The data hold 'ruim 246.000.000', (246.000.000; 246.246.000], which has no value in "
        "[249.750.000; 250.000.000), which 'bijna 250 miljoen euro' claims.",
    )


def test_a_bound_cell_reduced_over_its_one_period_is_still_the_bound(tmp_path: Path) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{p}"\nphrase = "{p}"\n'
        'sum = "max(beslag:bedrag_eur[jaar=2022,soort=totaal])"\n'
    )
    row = _one(tmp_path, text.format(p="ruim 246 miljoen euro"))
    assert (row["status"], row["computed_value"]) == ("consistent_with_qualifier", 246e6)


@pytest.mark.parametrize(
    ("stored", "phrase", "status"),
    [
        (1238.000001, "1.238", "discrepancy"),  # 1e-9 apart: not the printed number
        (1238 + 1e-10, "1.238", "transcribed"),  # 1e-13 apart: binary noise
        (1e-13, "0", "transcribed"),  # noise around zero is zero
    ],
)
def test_a_transcribed_cell_is_the_printed_number_up_to_binary_noise(
    tmp_path: Path, stored: float, phrase: str, status: str
) -> None:
    u = SAMPLES["uitspraken"].copy()
    u["aantal"] = u["aantal"].astype("float64")
    u.loc[(u["jaar"] == 2022) & (u["uitkomst"] == "schuldig"), "aantal"] = stored
    text = (
        f'[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{phrase}"\nphrase = "{phrase}"\n'
        'cell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n'
    )
    row = _one(tmp_path, text, tables={**SAMPLES, "uitspraken": u})
    assert row["status"] == status
    if status == "discrepancy":  # both numbers in full, not both as "1238"
        assert row["note"].startswith(
            "The cell holds 1.238,000001 but the phrase '1.238' says 1.238:"
        )


def test_a_cell_without_the_printed_qualifier_says_it_has_none(tmp_path: Path) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "ruim 13,9 miljoen euro"\n'
        'phrase = "ruim 13,9 miljoen euro"\ncell = "beslag:bedrag_eur[jaar=2022,soort=digitaal]"\n'
    )
    row = _one(tmp_path, text)
    assert (row["status"], row["note"]) == (
        "discrepancy",
        "The cell holds 13.900.000 with kwalificatie (none), but the phrase 'ruim 13,9 miljoen "
        "euro' is ruim: the transcription lost or changed the bound.",
    )


@pytest.mark.parametrize(
    ("note", "sentence"),
    [
        ("zie tabel 3", "Zie tabel 3."),
        ("  zie\ttabel 3  ", "Zie\ttabel 3."),  # any white space ends the first word
        ("zie\ntabel 3", "Zie\ntabel 3."),
        ("/data/x.toml: kapot", "/data/x.toml: kapot."),  # a path keeps its case
        ("2022 was smaller", "2022 was smaller."),
        ("klopt dit?", "Klopt dit?"),
        ("let op!", "Let op!"),
        ("zie (bijlage)", "Zie (bijlage)"),
        ("al een zin.", "Al een zin."),
        ("", ""),
    ],
)
def test_a_note_becomes_a_sentence(note: str, sentence: str) -> None:
    from ondermijning_indicators.published._reproduce import _sentence

    assert _sentence(note) == sentence


def test_a_metric_that_gives_more_than_one_number_is_an_invalid_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No registered metric does, given cells; a metric added later might."""
    import dataclasses as dc

    from ondermijning_indicators._registry import get_metric
    from ondermijning_indicators.published import _reproduce

    share = get_metric("aandeel_schuldig")

    def both(schuldig: float, uitspraken: float) -> list[float]:
        return [schuldig, uitspraken]

    monkeypatch.setattr(_reproduce, "get_metric", lambda _: dc.replace(share, func=both))
    row = _one(
        tmp_path,
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'metric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\n',
    )
    assert row["status"] == "invalid"
    assert row["note"].endswith(
        "metric 'aandeel_schuldig' gives list, not one number; a record compares one number "
        "with its phrase."
    ), row["note"]


def test_a_cell_half_a_unit_off_is_not_the_printed_number(tmp_path: Path) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{p}"\nphrase = "{p}"\n'
        'cell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n'
    )
    assert _one(tmp_path, text.format(p="1.238"))["status"] == "transcribed"
    off = _one(tmp_path, text.format(p="1.238,5"))
    assert (off["status"], off["note"]) == (
        "discrepancy",
        "The cell holds 1.238 but the phrase '1.238,5' says 1.238,5: the transcription and the "
        "record disagree.",
    )
    many = _one(tmp_path, text.format(p="1.237,0001"))  # every printed digit is quoted
    assert many["note"].startswith("The cell holds 1.238 but the phrase '1.237,0001' says "
                                   "1.237,0001:"), many["note"]  # fmt: skip
    assert (off["unit"], many["unit"]) == ("number", "number")


def test_a_caveat_is_labelled_with_its_table_even_when_its_text_has_a_colon(
    tmp_path: Path,
) -> None:
    text = (
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "1.238"\nphrase = "1.238"\n'
        'cell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\nnote = "zie: tabel"\n'
    )
    row = _one(
        tmp_path,
        text,
        caveats_for=lambda cells: [f"{cells[0].table}: geteld per: zaak", "beslag: x"],
    )
    assert row["note"] == (
        "The printed number, as transcribed. zie: tabel. Caveat (uitspraken): geteld per: "
        "zaak. Caveat (beslag): x."
    )


def test_a_record_without_a_phrase_value_has_no_printed_value(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text("[[figure]\n", encoding="utf-8")
    row = reproduce_records(load_records([path]), SAMPLES).iloc[0]
    assert math.isnan(row["printed_value"])
    assert math.isnan(row["computed_value"])


@pytest.mark.parametrize("call", [p.values[0] for p in ZERO_DIVISION_WARNINGS])
def test_the_warning_level_is_the_first_frame_outside_the_package(
    monkeypatch: pytest.MonkeyPatch, call: Callable[[], Any]
) -> None:
    """The level is computed here from the stack itself, whatever frames wrap the call."""
    package = str(Path(m.__file__).resolve().parent.parent)
    levels: list[tuple[int, int]] = []

    def spy(message: object, category: object = None, stacklevel: int = 1) -> None:
        files = [frame.filename for frame in inspect.stack()[1:]]  # [0]: the warning's caller
        outside = next(i for i, f in enumerate(files) if not f.startswith(package))
        levels.append((stacklevel, outside + 1))

    monkeypatch.setattr(warnings, "warn", spy)
    call()
    assert levels
    assert all(given == expected for given, expected in levels), levels


@pytest.mark.parametrize(
    ("n", "tail"),
    [
        (6, "position 4: 2 > 1; position 5: 2 > 1); a part cannot exceed its whole"),
        (7, "position 5: 2 > 1; and 1 more); a part cannot exceed its whole"),
    ],
)
def test_a_part_larger_than_its_whole_lists_six_places_and_counts_the_rest(
    n: int, tail: str
) -> None:
    with pytest.raises(errors.PartExceedsWholeError, match="is larger than") as caught:
        m.aandeel_schuldig(np.full(n, 2.0), np.full(n, 1.0))
    assert tail in str(caught.value)
    assert "and 0 more" not in str(caught.value)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (1.238, ' ("1.238" meaning 1238)'),
        (2.5, ' ("2.5" meaning 2500)'),
        (1.2345, ""),  # four decimals cannot be a thousands dot
        (0.125, ' ("0.125" meaning 125)'),
        (0.0005, ""),
    ],
)
def test_the_thousands_dot_hint_only_for_at_most_three_decimals(value: float, hint: str) -> None:
    with pytest.raises(errors.InvalidInputError, match="not a whole number") as caught:
        m.aandeel_schuldig(value, 10.0)
    message = str(caught.value)
    assert message.endswith(hint if hint else "; a count has no decimals"), message


def _years(*values: float, index: list[int] | None = None, name: str | None = "jaar") -> Any:
    return pd.Series(values, index=pd.Index(index or [2021, 2022][: len(values)], name=name))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: align("m", a=_years(1.0, 2.0), b=_years(1.0, 2.0), c=np.ones(2), d=np.ones(2)),
         "m: cannot combine pandas Series ('a', 'b') with arrays ('c', 'd'): an array has no "
         "years to align on; pass all as Series indexed by jaar, or all as arrays"),
        (lambda: align("m", a=_years(1.0, 2.0, 3.0, 4.0, index=[2021, 2021, 2022, 2022],
                                     name=None), b=_years(1.0, 2.0)),
         "m: `a` has more than one value for index 2021, 2022; give one value per year"),
        (lambda: m.aandeel_schuldig(_years(1.0, 2.0), 1 + 2j),
         "aandeel_schuldig: `uitspraken` must hold numbers, got complex numbers (values such "
         "as (1+2j)); pass real counts or amounts"),
    ],
)  # fmt: skip
def test_align_names_every_argument_it_cannot_use(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(errors.InvalidInputError, match=r"^\w+: ") as caught:
        call()
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("phrase", "status", "note"),
    [
        ("1.173", "transcribed", "The printed number, as transcribed."),
        ("ruim 1.173", "discrepancy", "1.173 is not in (1.173; 1.174], which 'ruim 1.173' claims."),
        ("bijna 1.173", "discrepancy", "1.173 is not in [1.172; 1.173), which 'bijna 1.173' claims."),
        ("circa 1.173", "consistent_with_qualifier",
         "1.173 is in [1.114,35; 1.231,65], which 'circa 1.173' claims."),
    ],
)  # fmt: skip
def test_a_cell_of_an_exact_table_is_checked_against_the_printed_qualifier(
    tmp_path: Path, phrase: str, status: str, note: str
) -> None:
    """uitspraken has no kwalificatie column: its 1173 is exact, so "ruim 1.173" is not
    a transcription of it but a claim about it, checked as the same `sum` would be."""
    text = (
        f'[[figure]]\nid = "t.x"\nsection = "s"\nquote = "{phrase}"\nphrase = "{phrase}"\n'
        'cell = "uitspraken:aantal[jaar=2018,uitkomst=schuldig]"\n'
    )
    row = _one(tmp_path, text)
    assert (row["status"], row["note"]) == (status, note)
    as_sum = _one(tmp_path, text.replace("cell = ", "sum = "))
    assert as_sum["status"] == ("exact" if status == "transcribed" else status)


def test_the_unit_of_a_row_is_its_phrases_and_empty_without_one(tmp_path: Path) -> None:
    unreadable = _one(tmp_path, "[[figure]\n")  # no phrase was read: no unit
    assert (unreadable["status"], unreadable["unit"]) == ("invalid", "")
    share = _one(
        tmp_path,
        '[[figure]]\nid = "t.x"\nsection = "s"\nquote = "81%"\nphrase = "81%"\n'
        'metric = "aandeel_vrijheidsstraffen"\nwhere = { jaar = 2022 }\n',
    )
    assert share["unit"] == "share (0-1)"
