"""The parser of Dutch quantity phrases and the rounding and qualifier semantics."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ondermijning_indicators._units import Unit
from ondermijning_indicators.errors import PhraseError
from ondermijning_indicators.published import (
    Qualifier,
    Semantics,
    Status,
    compare,
    compare_bounds,
    format_dutch,
    parse_phrase,
)


@pytest.mark.parametrize(
    ("phrase", "value", "step", "qualifier", "unit"),
    [
        ("81%", 0.81, 0.01, None, Unit.SHARE),
        ("bijna 18%", 0.18, 0.01, Qualifier.BIJNA, Unit.SHARE),
        ("Bijna 29%", 0.29, 0.01, Qualifier.BIJNA, Unit.SHARE),
        ("ruim 10%", 0.10, 0.01, Qualifier.RUIM, Unit.SHARE),
        ("circa 35%", 0.35, 0.01, Qualifier.CIRCA, Unit.SHARE),
        ("ongeveer 35 procent", 0.35, 0.01, Qualifier.CIRCA, Unit.SHARE),
        ("1.238", 1238.0, 1.0, None, Unit.NUMBER),
        ("1.234.567", 1234567.0, 1.0, None, Unit.NUMBER),
        ("3327 kilo", 3327.0, 1.0, None, Unit.KG),
        ("3,5", 3.5, 0.1, None, Unit.NUMBER),
        ("3,5 miljard", 3.5e9, 1e8, None, Unit.NUMBER),
        ("12,5 miljoen euro", 12.5e6, 1e5, None, Unit.EUR),
        ("€ 246 miljoen", 246e6, 1e6, None, Unit.EUR),
        ("271,6 mln", 271.6e6, 1e5, None, Unit.NUMBER),
        ("meer dan 250", 250.0, 1.0, Qualifier.MEER_DAN, Unit.NUMBER),
        ("ruim meer dan 250", 250.0, 1.0, Qualifier.MEER_DAN, Unit.NUMBER),
        ("minder dan 5", 5.0, 1.0, Qualifier.MINDER_DAN, Unit.NUMBER),
        ("ten minste 3 fte", 3.0, 1.0, Qualifier.TEN_MINSTE, Unit.FTE),
        ("maximaal 2 jaar", 2.0, 1.0, Qualifier.HOOGUIT, Unit.YEAR),
        ("22 fte", 22.0, 1.0, None, Unit.FTE),
        ("twee jaar", 2.0, 1.0, None, Unit.YEAR),
        ("Vier", 4.0, 1.0, None, Unit.NUMBER),
        ("twaalf", 12.0, 1.0, None, Unit.NUMBER),
        ("ongeveer twintig", 20.0, 10.0, Qualifier.CIRCA, Unit.NUMBER),
        ("bijna duizend", 1000.0, 1000.0, Qualifier.BIJNA, Unit.NUMBER),
        ("3 duizend", 3000.0, 1000.0, None, Unit.NUMBER),
        ("1.234,5", 1234.5, 0.1, None, Unit.NUMBER),
        ("ruimschoots behaald", 1.0, 1.0, Qualifier.RUIMSCHOOTS, Unit.ATTAINMENT),
        ("  bijna\n18%  ", 0.18, 0.01, Qualifier.BIJNA, Unit.SHARE),
    ],
)
def test_phrases_of_the_report_are_read(
    phrase: str, value: float, step: float, qualifier: Qualifier | None, unit: Unit
) -> None:
    q = parse_phrase(phrase)
    assert q.value == pytest.approx(value, rel=1e-12)
    assert q.step == pytest.approx(step, rel=1e-12)
    assert q.qualifier == qualifier
    assert q.unit == unit
    assert q.phrase == phrase


@pytest.mark.parametrize(
    ("phrase", "significance"),
    [("700", 100.0), ("250", 10.0), ("246", 1.0), ("1.000", 1000.0), ("3,50", 0.01),
     ("10%", 0.1), ("0", 1.0), ("twintig", 10.0), ("12,5 miljoen", 1e5)],
)  # fmt: skip
def test_significance_is_the_last_non_zero_digit(phrase: str, significance: float) -> None:
    assert parse_phrase(phrase).significance == pytest.approx(significance)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("1.5", "did you mean '1,5'"),
        ("1.23", "did you mean '1,23'"),
        ("1,238,000", "English notation"),
        ("", "non-empty"),
        ("bijna", "no number"),
        ("veel", "cannot read the number 'veel'"),
        ("250 uithalers", "cannot read 'uithalers'"),
        ("12 miljoen kilo euro", "cannot read 'kilo euro'"),
        ("€ 12 kilo", "both '€' and the unit"),
    ],
)
def test_unreadable_phrases_raise_with_a_hint(phrase: str, message: str) -> None:
    with pytest.raises(PhraseError, match=message):
        parse_phrase(phrase)


@given(n=st.integers(min_value=-(10**15), max_value=10**15))
def test_formatting_an_integer_the_dutch_way_and_parsing_gives_it_back(n: int) -> None:
    q = parse_phrase(format_dutch(n))
    assert q.value == n
    assert q.step == 1.0


@given(
    x=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=4),
)
def test_formatting_a_decimal_the_dutch_way_and_parsing_gives_it_back(
    x: float, decimals: int
) -> None:
    text = format_dutch(x, decimals)
    q = parse_phrase(text)
    # within half a step of the number itself (a half is rounded away from zero)
    assert q.value == pytest.approx(x, abs=10.0**-decimals / 2 + 1e-9 * max(1.0, abs(x)))
    assert q.step == pytest.approx(10.0**-decimals)
    assert "." not in text.split(",")[-1] or decimals == 0


@given(
    n=st.integers(min_value=0, max_value=10**6),
    qualifier=st.sampled_from(["bijna", "ruim", "circa", "ongeveer", "meer dan", "minder dan"]),
    unit=st.sampled_from(["", "%", " procent", " euro", " kilo", " fte", " jaar"]),
)
def test_any_qualifier_number_and_unit_combine(n: int, qualifier: str, unit: str) -> None:
    q = parse_phrase(f"{qualifier} {format_dutch(n)}{unit}")
    scale = 0.01 if unit.strip() in {"%", "procent"} else 1.0
    assert q.value == pytest.approx(n * scale)
    assert q.qualifier is not None


def test_format_dutch_rejects_non_finite_numbers() -> None:
    with pytest.raises(ValueError, match="cannot format"):
        format_dutch(math.nan)


# --- semantics ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "computed", "status"),
    [
        ("81%", 999 / 1238, Status.WITHIN_ROUNDING),
        ("81%", 0.81, Status.EXACT),
        ("81%", 0.805, Status.WITHIN_ROUNDING),  # lower edge included
        ("81%", 0.815, Status.DISCREPANCY),  # upper edge excluded
        ("81%", 0.8049, Status.DISCREPANCY),
        ("1.238", 1238, Status.EXACT),
        ("1.238", 1237, Status.DISCREPANCY),
        ("3,5 miljard", 3.46e9, Status.WITHIN_ROUNDING),
        ("3,5 miljard", 3.44e9, Status.DISCREPANCY),
        ("bijna 18%", 177 / 999, Status.CONSISTENT),
        ("bijna 18%", 0.18, Status.DISCREPANCY),  # reached is not "bijna"
        ("bijna 18%", 0.181, Status.DISCREPANCY),
        ("bijna 18%", 0.169, Status.DISCREPANCY),
        ("ruim 10%", 95 / 906, Status.CONSISTENT),
        ("ruim 10%", 0.10, Status.DISCREPANCY),
        ("ruim 10%", 0.099, Status.DISCREPANCY),
        ("ruim 10%", 0.115, Status.DISCREPANCY),
        ("circa 35%", 0.364, Status.CONSISTENT),
        ("circa 35%", 0.336, Status.CONSISTENT),
        ("circa 35%", 0.37, Status.DISCREPANCY),
        ("meer dan 250", 251, Status.CONSISTENT),
        ("meer dan 250", 250, Status.DISCREPANCY),
        ("minder dan 5", 4, Status.CONSISTENT),
        ("ten minste 3", 3, Status.CONSISTENT),
        ("maximaal 2 jaar", 2.5, Status.DISCREPANCY),
        ("bijna duizend", 950, Status.CONSISTENT),
        ("bijna duizend", 850, Status.DISCREPANCY),
        ("ongeveer twintig", 18, Status.CONSISTENT),
        ("ruim 700", 750, Status.CONSISTENT),  # a round number: up to 770
        ("ruim 700", 780, Status.DISCREPANCY),
        ("bijna 47.000", 46789, Status.CONSISTENT),
        ("ruim 246 miljoen", 246.4e6, Status.CONSISTENT),
        ("ruim 246 miljoen", 247.5e6, Status.DISCREPANCY),
        ("circa 40", 44, Status.CONSISTENT),
        ("ruimschoots behaald", 1.25, Status.CONSISTENT),
        ("ruimschoots behaald", 1.02, Status.DISCREPANCY),
        ("81%", math.nan, Status.DISCREPANCY),
    ],
)
def test_comparison_table(phrase: str, computed: float, status: Status) -> None:
    assert compare(parse_phrase(phrase), computed).status is status


def test_a_discrepancy_states_the_interval_the_phrase_claims() -> None:
    note = compare(parse_phrase("circa 35%"), 0.288).note
    assert note == "0,288 is not in [0,3325; 0,3675], which 'circa 35%' claims"


def test_semantics_are_parameters() -> None:
    strict = Semantics(circa_share=0.0)
    assert compare(parse_phrase("circa 35%"), 0.364, strict).status is Status.DISCREPANCY
    assert compare(parse_phrase("circa 35%"), 0.354, strict).status is Status.CONSISTENT


@given(
    printed=st.integers(min_value=1, max_value=99),
    offset=st.floats(min_value=-0.5, max_value=0.4999),
)
def test_every_value_that_rounds_to_the_printed_percentage_is_within_rounding(
    printed: int, offset: float
) -> None:
    computed = (printed + offset) / 100
    status = compare(parse_phrase(f"{printed}%"), computed).status
    assert status in {Status.WITHIN_ROUNDING, Status.EXACT}


@given(printed=st.integers(min_value=1, max_value=10**6), x=st.floats(0, 2e6))
def test_bijna_and_ruim_never_both_hold(printed: int, x: float) -> None:
    bijna = compare(parse_phrase(f"bijna {format_dutch(printed)}"), x).status
    ruim = compare(parse_phrase(f"ruim {format_dutch(printed)}"), x).status
    assert not (bijna is Status.CONSISTENT and ruim is Status.CONSISTENT)


@given(printed=st.integers(min_value=1, max_value=10**6), x=st.floats(0, 2e6))
def test_meer_dan_and_minder_dan_partition_the_line(printed: int, x: float) -> None:
    meer = compare(parse_phrase(f"meer dan {printed}"), x).status is Status.CONSISTENT
    minder = compare(parse_phrase(f"minder dan {printed}"), x).status is Status.CONSISTENT
    assert meer == (x > printed)
    assert minder == (x < printed)


# --- a phrase against a cell that is itself a bound ---------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "cell", "status", "words"),
    [
        ("ruim 246 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT, "lies within"),
        ("ten minste 246 miljoen", "ruim 246 miljoen", Status.CONSISTENT, "lies within"),
        ("meer dan 200 miljoen", "ruim 246 miljoen", Status.CONSISTENT, "lies within"),
        ("246,5 miljoen", "ruim 246 miljoen", Status.CONSISTENT, "cannot settle it"),
        ("circa 250 miljoen", "ruim 246 miljoen", Status.CONSISTENT, "lies within"),
        ("247 miljoen", "ruim 246 miljoen", Status.CONSISTENT, "cannot settle it"),
        ("bijna 246 miljoen", "ruim 246 miljoen", Status.DISCREPANCY, "has no value in"),
        ("hooguit 246 miljoen", "ruim 246 miljoen", Status.DISCREPANCY, "has no value in"),
        ("300 miljoen", "ruim 246 miljoen", Status.DISCREPANCY, "has no value in"),
        ("meer dan 250", "meer dan 250", Status.CONSISTENT, "lies within"),
        ("minder dan 250", "meer dan 250", Status.DISCREPANCY, "has no value in"),
        ("ruim 40", "bijna 40", Status.DISCREPANCY, "has no value in"),
    ],
)
def test_a_phrase_against_a_bound_cell(phrase: str, cell: str, status: Status, words: str) -> None:
    result = compare_bounds(parse_phrase(phrase), parse_phrase(cell))
    assert result.status is status
    assert words in result.note


_BOUNDED = st.sampled_from(["", "bijna ", "ruim ", "circa ", "meer dan ", "minder dan ",
                            "ten minste ", "hooguit "])  # fmt: skip


@given(
    q_word=_BOUNDED,
    d_word=_BOUNDED,
    q_value=st.integers(1, 400),
    d_value=st.integers(1, 400),
    t=st.floats(0.001, 0.999),
)
def test_a_bound_cell_is_consistent_only_if_the_phrase_allows_some_of_its_values(
    q_word: str, d_word: str, q_value: int, d_value: int, t: float
) -> None:
    q, d = parse_phrase(f"{q_word}{q_value}"), parse_phrase(f"{d_word}{d_value}")
    sem = Semantics()
    low, high, lc, hc = sem.interval(q)
    dlow, dhigh, _, _ = sem.interval(d)
    result = compare_bounds(q, d)

    def claims(x: float) -> bool:
        return (x > low or (lc and x == low)) and (x < high or (hc and x == high))

    # a value strictly inside the cell's interval (finite ends stand in for infinite ones)
    a = dlow if math.isfinite(dlow) else min(dhigh, low if math.isfinite(low) else 0) - 1000
    b = dhigh if math.isfinite(dhigh) else max(dlow, high if math.isfinite(high) else 0) + 1000
    x = a + t * (b - a)
    if result.status is Status.DISCREPANCY:
        assert not claims(x)  # no value of the cell is one the phrase allows
    elif "lies within" in result.note:
        assert claims(x)  # every value of the cell is one the phrase allows
    assert compare_bounds(q, q).status is Status.CONSISTENT


@pytest.mark.parametrize(
    ("word", "value", "step"),
    [
        ("tien", 10.0, 1.0),  # below twenty a word is exact, round or not
        ("twaalf", 12.0, 1.0),
        ("twintig", 20.0, 10.0),  # a round word from twenty on is printed to its lead digit
        ("honderd", 100.0, 100.0),
        ("duizend", 1000.0, 1000.0),
    ],
)
def test_a_number_word_is_exact_below_twenty_and_rounded_from_twenty(
    word: str, value: float, step: float
) -> None:
    q = parse_phrase(word)
    assert (q.value, q.step) == (value, step)


def test_a_number_that_cannot_be_read_without_a_hint_ends_at_the_phrase() -> None:
    with pytest.raises(PhraseError, match="cannot read") as caught:
        parse_phrase("12a procent")
    assert str(caught.value) == "cannot read the number '12a' in phrase '12a procent'"


@pytest.mark.parametrize(
    ("phrase", "value", "step", "unit", "significance"),
    [
        ("€5 miljoen", 5e6, 1e6, "EUR", 1e6),  # the euro sign glued to the number
        ("€ 5 miljoen euro", 5e6, 1e6, "EUR", 1e6),  # the sign and the word agree
        ("behaald", 1.0, 1.0, Unit.ATTAINMENT, 1.0),
        ("circa behaald", 1.0, 1.0, Unit.ATTAINMENT, 1.0),
    ],
)
def test_euro_signs_and_achieved_targets_read_to_these_fields(
    phrase: str, value: float, step: float, unit: Unit, significance: float
) -> None:
    q = parse_phrase(phrase)
    assert (q.value, q.step, q.unit, q.significance) == (value, step, unit, significance)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("€ 5 kilo", "phrase '€ 5 kilo' has both '€' and the unit 'kilo'"),
        ("5 appels",
         "cannot read 'appels' in phrase '5 appels': after the number a phrase may have a "
         "magnitude (duizend, miljoen, miljard) and one unit (%, euro, fte, jaar, jaren, kg, "
         "kilo, procent, procentpunt, procentpunten, ton); leave other words out of the phrase"),
        ("1,238,000",
         "cannot read the number '1,238,000' in phrase '1,238,000'; this looks like English "
         "notation: write 1.238 for 1238 and 3,5 for 3.5"),
    ],
)  # fmt: skip
def test_what_a_phrase_cannot_hold_is_said_in_full(phrase: str, message: str) -> None:
    with pytest.raises(PhraseError, match="phrase") as caught:
        parse_phrase(phrase)
    assert str(caught.value) == message


def test_format_dutch_never_prints_a_negative_zero_and_refuses_negative_decimals() -> None:
    assert format_dutch(-0.0001, 2) == "0,00"
    assert format_dutch(-0.4) == "0"
    assert format_dutch(-1) == "-1"
    with pytest.raises(ValueError, match="decimals") as caught:
        format_dutch(1, -1)
    assert str(caught.value) == "decimals must be a whole number >= 0 or 'exact', got -1"


@pytest.mark.parametrize(
    ("phrase", "significance"),
    [
        ("700", 100.0), ("-700", 100.0), ("1.200", 100.0), ("1.238", 1.0), ("0", 1.0),
        ("3,50", 0.01),  # with decimals: the last printed decimal, zero or not
        ("twintig", 10.0), ("twaalf", 1.0), ("duizend", 1000.0),
        ("ruim 246 miljoen euro", 1e6), ("bijna 3,5 miljard", 1e8),
    ],
)  # fmt: skip
def test_the_significance_is_the_unit_of_the_last_non_zero_digit(
    phrase: str, significance: float
) -> None:
    assert parse_phrase(phrase).significance == significance


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("één", 1), ("Een", 1), ("twaalf", 12), ("negentien", 19), ("twintig", 20),
        ("eenentwintig", 21), ("vijfentwintig", 25), ("drieëntwintig", 23),
        ("negenennegentig", 99), ("honderd", 100), ("honderdvijftig", 150),
        ("tweehonderd", 200), ("tweehonderdvijftig", 250), ("negenhonderdnegenennegentig", 999),
        ("duizend", 1000), ("duizendvijf", 1005), ("Drieduizend", 3000),
        ("tweeduizendvijfhonderd", 2500), ("vijfentwintigduizend", 25000),
        ("honderdduizend", 100000),
    ],
)  # fmt: skip
def test_number_words_compound_as_dutch_writes_them(word: str, value: int) -> None:
    from ondermijning_indicators.published._phrase import number_word_value

    assert number_word_value(word) == value


@pytest.mark.parametrize(
    "word",
    ["tafel", "", "en", "entwintig", "twintigvijf", "honderdhonderd", "tienhonderd",
     "tweehonderdhonderd", "duizendduizend", "vijfentachtigentwintig", "nul", "eentwintig"],
)  # fmt: skip
def test_what_is_no_number_word_is_none(word: str) -> None:
    from ondermijning_indicators.published._phrase import number_word_value

    assert number_word_value(word) is None


def test_a_compound_number_word_is_a_phrase_with_its_step() -> None:
    q = parse_phrase("ongeveer vijfentwintig")
    assert (q.value, q.step, str(q.qualifier)) == (25.0, 1.0, "circa")
    assert parse_phrase("tweehonderd").step == 100
