"""What a printed qualifier claims, at its very edges.

The module docstring of `ondermijning_indicators.published._semantics` states, per
qualifier, the interval a printed figure stands for and whether each end belongs to
it. These tests pin every interval by its numbers and its open or closed ends, and
check `compare` and `compare_bounds` exactly at the ends, just inside and just
outside, where a wrong ``<`` or ``<=`` would change a verdict on the report.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from ondermijning_indicators.published import (
    Semantics,
    Status,
    compare,
    compare_bounds,
    parse_phrase,
)

# phrase -> (low, high, low end included, high end included)
INTERVALS = {
    "81%": (0.805, 0.815, True, False),
    "700": (699.5, 700.5, True, False),
    "bijna 18%": (0.17, 0.18, True, False),
    "bijna 0": (-1.0, 0.0, True, False),
    "bijna 3,5 miljard": (3.4e9, 3.5e9, True, False),
    "ruim 700": (700.0, 770.0, False, True),
    "ruim 246 miljoen euro": (246e6, 247e6, False, True),
    "circa 35%": (0.3325, 0.3675, True, True),
    "circa 1.238": (1176.1, 1299.9, True, True),
    "zo'n 40": (35.0, 45.0, True, True),
    "meer dan 250": (250.0, math.inf, False, False),
    "minder dan 5": (-math.inf, 5.0, False, False),
    "ten minste 10": (10.0, math.inf, True, False),
    "hooguit 10": (-math.inf, 10.0, False, True),
    "ruimschoots 100%": (1.1, math.inf, True, False),
}


@pytest.mark.parametrize("phrase", INTERVALS)
def test_each_qualifier_claims_its_interval(phrase: str) -> None:
    low, high, low_closed, high_closed = Semantics().interval(parse_phrase(phrase))
    expected = INTERVALS[phrase]
    assert (low, high) == pytest.approx(expected[:2], rel=1e-12)
    assert (low_closed, high_closed) == expected[2:]


def test_the_widths_are_parameters() -> None:
    wide = Semantics(near_share=0.5, circa_share=0.25, comfortably_factor=2.0)
    assert wide.interval(parse_phrase("bijna 18%"))[:2] == pytest.approx((0.17, 0.18))  # step
    assert wide.interval(parse_phrase("ruim 700"))[:2] == pytest.approx((700.0, 800.0))
    assert wide.interval(parse_phrase("circa 1.238"))[:2] == pytest.approx((928.5, 1547.5))
    assert wide.interval(parse_phrase("ruimschoots 100%"))[0] == pytest.approx(2.0)
    narrow = Semantics(near_share=0.01)
    assert narrow.interval(parse_phrase("ruim 700"))[:2] == pytest.approx((700.0, 707.0))


def _edges() -> list[Any]:
    cases = []
    for phrase, (low, high, low_closed, high_closed) in INTERVALS.items():
        for value, inside in ((low, low_closed), (high, high_closed)):
            if math.isfinite(value):
                cases.append(pytest.param(phrase, value, inside, id=f"{phrase} at {value:g}"))
    return cases


@pytest.mark.parametrize(("phrase", "value", "inside"), _edges())
def test_a_value_exactly_at_an_end_counts_as_the_end_says(
    phrase: str, value: float, inside: bool
) -> None:
    q = parse_phrase(phrase)
    status = compare(q, value).status
    if inside:
        assert status in {Status.WITHIN_ROUNDING, Status.CONSISTENT, Status.EXACT}
    else:
        assert status is Status.DISCREPANCY


@pytest.mark.parametrize("phrase", [p for p in INTERVALS if "ruimschoots" not in p])
def test_just_inside_holds_and_just_outside_does_not(phrase: str) -> None:
    q = parse_phrase(phrase)
    low, high, _, _ = Semantics().interval(q)
    scale = max(1.0, abs(q.value))
    for end, inward in ((low, 1.0), (high, -1.0)):
        if not math.isfinite(end):
            continue
        just_in = end + inward * 1e-6 * scale
        just_out = end - inward * 1e-6 * scale
        assert compare(q, just_in).status is not Status.DISCREPANCY, (phrase, just_in)
        assert compare(q, just_out).status is Status.DISCREPANCY, (phrase, just_out)


def test_binary_noise_at_an_edge_is_absorbed_but_no_more() -> None:
    q = parse_phrase("81%")
    assert compare(q, 0.805 * (1 - 1e-12)).status is Status.WITHIN_ROUNDING
    assert compare(q, 0.805 * (1 - 1e-6)).status is Status.DISCREPANCY
    assert compare(q, 0.815 * (1 - 1e-12)).status is Status.DISCREPANCY  # open end


def test_exact_means_equal_to_the_printed_value_up_to_binary_noise() -> None:
    assert compare(parse_phrase("81%"), 0.81).status is Status.EXACT
    assert compare(parse_phrase("81%"), 0.81 * (1 + 1e-10)).status is Status.EXACT
    assert compare(parse_phrase("81%"), 0.81 * (1 + 1e-7)).status is Status.WITHIN_ROUNDING
    assert compare(parse_phrase("1.238"), 1238.0000001).status is Status.EXACT
    assert compare(parse_phrase("1.238"), 1238.001).status is Status.WITHIN_ROUNDING
    # a qualified figure is never "exact": bijna 18% claims less than 18%
    assert compare(parse_phrase("circa 35%"), 0.35).status is Status.CONSISTENT


@pytest.mark.parametrize(
    ("phrase", "value", "status", "note"),
    [
        ("81%", 999 / 1238, Status.WITHIN_ROUNDING, "0,806947 rounds to the printed '81%'"),
        ("81%", 0.81, Status.EXACT, "equal to the printed value"),
        ("81%", 0.8, Status.DISCREPANCY, "0,8 is not in [0,805; 0,815), which '81%' claims"),
        ("bijna 18%", 0.175, Status.CONSISTENT,
         "0,175 is in [0,17; 0,18), which 'bijna 18%' claims"),
        ("ruim 700", 700.0, Status.DISCREPANCY,
         "700 is not in (700; 770], which 'ruim 700' claims"),
        ("meer dan 250", 251.0, Status.CONSISTENT,
         "251 is in (250; inf), which 'meer dan 250' claims"),
        ("81%", math.nan, Status.DISCREPANCY, "the computed value is missing (NaN)"),
        ("81%", math.inf, Status.DISCREPANCY, "the computed value is inf (not finite)"),
        ("81%", -math.inf, Status.DISCREPANCY, "the computed value is -inf (not finite)"),
    ],
)  # fmt: skip
def test_the_note_says_why(phrase: str, value: float, status: Status, note: str) -> None:
    result = compare(parse_phrase(phrase), value)
    assert result.status is status
    assert result.note == note


BOUNDS = [
    # phrase, the cell as stored with its qualifier, status, note
    ("ruim 246 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which lies within "
     "(246.000.000; 247.000.000], which 'ruim 246 miljoen euro' claims"),
    ("bijna 246 miljoen euro", "ruim 246 miljoen euro", Status.DISCREPANCY,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which has no value in "
     "[245.000.000; 246.000.000), which 'bijna 246 miljoen euro' claims"),
    ("meer dan 246 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which lies within "
     "(246.000.000; inf), which 'meer dan 246 miljoen euro' claims"),
    ("ten minste 246 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which lies within "
     "[246.000.000; inf), which 'ten minste 246 miljoen euro' claims"),
    ("hooguit 246 miljoen euro", "ruim 246 miljoen euro", Status.DISCREPANCY,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which has no value in "
     "(-inf; 246.000.000], which 'hooguit 246 miljoen euro' claims"),
    ("hooguit 247 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which lies within "
     "(-inf; 247.000.000], which 'hooguit 247 miljoen euro' claims"),
    ("minder dan 247 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold only 'ruim 246 miljoen euro', (246.000.000; 247.000.000]; it overlaps "
     "(-inf; 247.000.000), which 'minder dan 247 miljoen euro' claims, "
     "so the data cannot settle it"),
    ("meer dan 247 miljoen euro", "ruim 246 miljoen euro", Status.DISCREPANCY,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which has no value in "
     "(247.000.000; inf), which 'meer dan 247 miljoen euro' claims"),
    ("ten minste 247 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold only 'ruim 246 miljoen euro', (246.000.000; 247.000.000]; it overlaps "
     "[247.000.000; inf), which 'ten minste 247 miljoen euro' claims, "
     "so the data cannot settle it"),
    ("circa 250 miljoen euro", "ruim 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'ruim 246 miljoen euro', (246.000.000; 247.000.000], which lies within "
     "[237.500.000; 262.500.000], which 'circa 250 miljoen euro' claims"),
    ("bijna 247 miljoen euro", "bijna 246 miljoen euro", Status.DISCREPANCY,
     "the data hold 'bijna 246 miljoen euro', [245.000.000; 246.000.000), which has no value in "
     "[246.000.000; 247.000.000), which 'bijna 247 miljoen euro' claims"),
    ("ten minste 246 miljoen euro", "bijna 246 miljoen euro", Status.DISCREPANCY,
     "the data hold 'bijna 246 miljoen euro', [245.000.000; 246.000.000), which has no value in "
     "[246.000.000; inf), which 'ten minste 246 miljoen euro' claims"),
    ("bijna 246 miljoen euro", "bijna 246 miljoen euro", Status.CONSISTENT,
     "the data hold 'bijna 246 miljoen euro', [245.000.000; 246.000.000), which lies within "
     "[245.000.000; 246.000.000), which 'bijna 246 miljoen euro' claims"),
    ("ruim 245 miljoen euro", "bijna 246 miljoen euro", Status.CONSISTENT,
     "the data hold only 'bijna 246 miljoen euro', [245.000.000; 246.000.000); it overlaps "
     "(245.000.000; 246.000.000], which 'ruim 245 miljoen euro' claims, "
     "so the data cannot settle it"),
]  # fmt: skip


@pytest.mark.parametrize(("phrase", "cell", "status", "note"), BOUNDS)
def test_a_phrase_against_a_cell_that_is_itself_a_bound(
    phrase: str, cell: str, status: Status, note: str
) -> None:
    result = compare_bounds(parse_phrase(phrase), parse_phrase(cell))
    assert (result.status, result.note) == (status, note)


# --- binary noise between the two intervals of compare_bounds ---------------------------------
#
# Two ends that differ by no more than 1e-9 of the largest of 1 and the two values are the
# same end (arithmetic noise); a larger difference is a real gap. Each case below sits on one
# side of that tolerance, with values chosen so that a tolerance computed from anything
# else (a division, one value only, no floor of 1) gives the other verdict.


def _q(phrase: str, value: float, significance: float | None = None) -> Any:
    q = parse_phrase(phrase)
    return dataclasses.replace(
        q, phrase=f"{phrase}@{value:g}", value=value,
        significance=q.significance if significance is None else significance,
    )  # fmt: skip


def _verdict(q: Any, data: Any) -> str:
    note = compare_bounds(q, data).note
    return "within" if "lies within" in note else "apart" if "no value in" in note else "overlap"


NOISE = [
    # q "meer dan X" (X, inf) against data "ten minste X + d" [X + d, inf): within only
    # if X + d is more than the tolerance above X.
    ("meer dan 1", 1e6, "ten minste 1", 1e6 + 1e-4, "overlap"),  # d = 1e-4 < tol 1e-3
    ("meer dan 1", 1e6, "ten minste 1", 1e6 + 1e-2, "within"),  # d > tol
    ("meer dan 1", 1e-3, "ten minste 1", 1e-3 + 1e-10, "overlap"),  # tol floors at 1e-9
    ("meer dan 1", 1e-3, "ten minste 1", 1e-3 + 1.5e-9, "within"),  # 1.5e-9 > 1e-9
    # exactly the tolerance apart is the same end: 0 and 1e-9, tolerance 1e-9 * 1
    ("meer dan 1", 0.0, "ten minste 1", 1e-9, "overlap"),
    ("meer dan 1", 1e-9, "hooguit 1", 0.0, "apart"),
    # the tolerance comes from the larger value, whichever side holds it: data "circa 0"
    # of significance 2X is [-X, X]; q's "meer dan X + d" touches it within tolerance
    ("meer dan 1", 1e6 + 1e-4, "circa 1", 0.0, "apart"),
    ("meer dan 1", 1e6 - 1e-4, "circa 1", 0.0, "apart"),
]


@pytest.mark.parametrize(("phrase", "value", "cell", "cell_value", "verdict"), NOISE)
def test_ends_within_the_tolerance_are_one_end(
    phrase: str, value: float, cell: str, cell_value: float, verdict: str
) -> None:
    significance = 2e6 if cell.startswith("circa") else None
    data = _q(cell, cell_value, significance)
    assert _verdict(_q(phrase, value), data) == verdict


def test_the_tolerance_follows_the_larger_value_on_either_side() -> None:
    wide = _q("circa 1", 0.0, 2e6)  # [-1e6, 1e6]
    # the printed value is the large one: 1e6 + 1e-4 is within its tolerance of 1e6
    assert _verdict(_q("meer dan 1", 1e6 + 1e-4), wide) == "apart"
    # the data's value is the large one: q "circa 0" [-1e6, 1e6] against "ten minste
    # 1e6 + d": the two closed ends are one end, so the intervals touch
    assert _verdict(wide, _q("ten minste 1", 1e6 + 1e-4)) == "overlap"
    # beyond the tolerance they overlap nowhere and touch nowhere: a real gap
    assert _verdict(wide, _q("meer dan 1", 1e6 + 1e-2)) == "apart"
    assert _verdict(_q("ten minste 1", 1e6 - 1e-2), wide) == "overlap"


@pytest.mark.parametrize(
    ("printed", "computed", "status"),
    [
        (0.0, 1e-10, Status.EXACT),  # below 1 the tolerance is 1e-9, not 1e-9 of the value
        (0.0, 1e-9, Status.EXACT),  # exactly the tolerance away is still equal
        (0.0, 1.5e-9, Status.WITHIN_ROUNDING),  # beyond it: a number that rounds to 0
        (1e6, 1e6 + 1e-4, Status.EXACT),  # above 1: 1e-9 of the value (1e-3 here)
        (1e6, 1e6 + 1e-2, Status.WITHIN_ROUNDING),
    ],
)
def test_exact_allows_binary_noise_and_no_more(
    printed: float, computed: float, status: Status
) -> None:
    q = _q("1", printed)
    assert compare(q, computed).status is status


@pytest.mark.parametrize(
    ("phrase", "computed", "status"),
    [
        # an open end excludes its tolerance band as well: "meer dan 0" needs more than 1e-9
        ("meer dan 1", 1e-9, Status.DISCREPANCY),
        ("meer dan 1", 1.5e-9, Status.CONSISTENT),
        ("minder dan 1", -1e-9, Status.DISCREPANCY),
        # a closed end includes it, but not one bit more
        ("ten minste 1", -1e-9, Status.DISCREPANCY),
        ("ten minste 1", -0.5e-9, Status.CONSISTENT),
        ("hooguit 1", 1e-9, Status.DISCREPANCY),
        ("hooguit 1", 0.5e-9, Status.CONSISTENT),
    ],
)
def test_an_end_at_zero_with_exactly_the_tolerance(
    phrase: str, computed: float, status: Status
) -> None:
    """At X = 0 the tolerance is exactly 1e-9, so each comparison sits on its boundary."""
    assert compare(_q(phrase, 0.0), computed).status is status
