"""What a printed figure claims, and whether a computed value bears it out.

A printed number stands for an interval, not a point. With ``X`` the printed
value and ``s`` the unit of its last printed digit (its *step*: 0.01 for "81%",
1 for "1.238", 1e8 for "3,5 miljard"), and ``d`` the unit of its last non-zero
digit (its *significance*: 100 for "700", equal to ``s`` for "246" or "3,5"), the
library reads:

| printed | claim about the true value `v` | example |
|---|---|---|
| `X` | `X - s/2 <= v < X + s/2` (its rounding) | "81%": [80.5%, 81.5%) |
| bijna `X` | `X - w <= v < X`, with `w = min(d, 0.1 X)` | "bijna 18%": [17%, 18%) |
| ruim `X` | `X < v <= X + w` | "ruim 700": (700, 770] |
| circa (ongeveer, rond, zo'n) `X` | `abs(v - X) <= max(d/2, 0.05 X)` | "circa 35%": 33.25-36.75% |
| meer dan `X` | `v > X` | "meer dan 250" |
| minder dan `X` | `v < X` | |
| ten minste, minimaal, minstens `X` | `v >= X` | |
| hooguit, maximaal `X` | `v <= X` | |
| ruimschoots `X` | `v >= 1.1 X` | "ruimschoots behaald" |

"bijna" is almost, "ruim" just over, "circa"/"ongeveer"/"rond"/"zo'n" about,
"ruimschoots" comfortably; "ruimschoots behaald" reads as an attainment (value
over target) of at least 110%.

The widths (10%, 5%, 1.1) are parameters of `Semantics`; the defaults are
the library's reading of ordinary Dutch usage, not a rule of the report.

A comparison ends in one `Status`: ``exact`` (equal to the printed value),
``within_rounding`` (inside the printed rounding), ``consistent`` (the qualifier's
claim holds), or ``discrepancy`` (with the interval that would have been needed).

A table cell may itself be a bound: "ruim 246 miljoen" is stored as 246000000 with
``kwalificatie = "ruim"``, and stands for the same interval as the phrase. A phrase is
checked against such a cell by `compare_bounds`: ``consistent`` when every value the
cell allows is one the phrase allows (so "ruim 246 miljoen" against that cell holds)
or when the two overlap (the data cannot say more; the note says so), ``discrepancy``
when they have no value in common.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from .._notation import format_number
from ._phrase import Qualifier, Quantity

__all__ = ["Comparison", "Semantics", "Status", "compare", "compare_bounds"]

_REL_EPS = 1e-9


class Status(enum.StrEnum):
    """Outcome of checking one published figure."""

    EXACT = "exact"
    WITHIN_ROUNDING = "within_rounding"
    CONSISTENT = "consistent_with_qualifier"
    TRANSCRIBED = "transcribed"
    DISCREPANCY = "discrepancy"
    NOT_DERIVABLE = "not_derivable"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Semantics:
    """Numeric reading of the qualifiers; see the module docstring for the table.

    Parameters
    ----------
    near_share : float, default=0.10
        "bijna" and "ruim" allow at most this share of ``X`` (and at most one step)
        between the true value and ``X``.
    circa_share : float, default=0.05
        "circa" and its synonyms allow this share of ``X`` (at least half a step)
        either side.
    comfortably_factor : float, default=1.10
        "ruimschoots X" requires at least ``X`` times this factor.
    """

    near_share: float = 0.10
    circa_share: float = 0.05
    comfortably_factor: float = 1.10

    def interval(self, q: Quantity) -> tuple[float, float, bool, bool]:
        """Return ``(low, high, low_closed, high_closed)`` that ``q`` claims."""
        x, s, sig = q.value, q.step, q.significance
        near = min(sig, self.near_share * abs(x)) if x else sig
        match q.qualifier:
            case None:
                return x - s / 2, x + s / 2, True, False
            case Qualifier.BIJNA:
                return x - near, x, True, False
            case Qualifier.RUIM:
                return x, x + near, False, True
            case Qualifier.CIRCA:
                half = max(sig / 2, self.circa_share * abs(x))
                return x - half, x + half, True, True
            case Qualifier.MEER_DAN:
                return x, math.inf, False, False
            case Qualifier.MINDER_DAN:
                return -math.inf, x, False, False
            case Qualifier.TEN_MINSTE:
                return x, math.inf, True, False
            case Qualifier.HOOGUIT:
                return -math.inf, x, False, True
            case Qualifier.RUIMSCHOOTS:
                return x * self.comfortably_factor, math.inf, True, False
        raise AssertionError(f"unhandled qualifier {q.qualifier!r}")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Comparison:
    """Result of `compare`: a status and a sentence saying why."""

    status: Status
    note: str


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _REL_EPS * max(1.0, abs(a), abs(b))


def _describe(low: float, high: float, lc: bool, hc: bool) -> str:
    left = "[" if lc else "("
    right = "]" if hc else ")"
    return f"{left}{format_number(low)}; {format_number(high)}{right}"


def compare(q: Quantity, computed: float, semantics: Semantics | None = None) -> Comparison:
    """Check a computed value against a printed quantity.

    Examples
    --------
    >>> from ondermijning_indicators.published import compare, parse_phrase
    >>> compare(parse_phrase("81%"), 999 / 1238).status
    <Status.WITHIN_ROUNDING: 'within_rounding'>
    >>> compare(parse_phrase("bijna 18%"), 177 / 999).status
    <Status.CONSISTENT: 'consistent_with_qualifier'>
    >>> compare(parse_phrase("bijna 18%"), 0.181).note
    "0,181 is not in [0,17; 0,18), which 'bijna 18%' claims"
    """
    sem = semantics or Semantics()
    if math.isnan(computed):
        return Comparison(Status.DISCREPANCY, "the computed value is missing (NaN)")
    if math.isinf(computed):
        return Comparison(Status.DISCREPANCY, f"the computed value is {computed} (not finite)")
    low, high, lc, hc = sem.interval(q)
    # Absorb binary noise at the edges: 0.805 may be computed as 0.80499999...
    tol = _REL_EPS * max(1.0, abs(q.value))
    inside = (computed > low - tol if lc else computed > low + tol) and (
        computed < high + tol if hc else computed < high - tol
    )
    if q.qualifier is None and _close(computed, q.value):
        return Comparison(Status.EXACT, "equal to the printed value")
    shown = format_number(computed)
    if inside:
        if q.qualifier is None:
            return Comparison(
                Status.WITHIN_ROUNDING,
                f"{shown} rounds to the printed {q.phrase!r}",
            )
        return Comparison(
            Status.CONSISTENT,
            f"{shown} is in {_describe(low, high, lc, hc)}, which {q.phrase!r} claims",
        )
    return Comparison(
        Status.DISCREPANCY,
        f"{shown} is not in {_describe(low, high, lc, hc)}, which {q.phrase!r} claims",
    )


def compare_bounds(q: Quantity, data: Quantity, semantics: Semantics | None = None) -> Comparison:
    """Check a printed quantity against data that is itself a bound or an approximation.

    ``data`` is the cell (or the sum of cells) as stored, with its qualifier: the
    interval it stands for is read with the same semantics as a phrase.

    Examples
    --------
    >>> from ondermijning_indicators.published import compare_bounds, parse_phrase
    >>> cell = parse_phrase("ruim 246 miljoen euro")  # beslag 2022, kwalificatie ruim
    >>> compare_bounds(parse_phrase("ruim 246 miljoen euro"), cell).status
    <Status.CONSISTENT: 'consistent_with_qualifier'>
    >>> compare_bounds(parse_phrase("bijna 246 miljoen euro"), cell).status
    <Status.DISCREPANCY: 'discrepancy'>
    """
    sem = semantics or Semantics()
    low, high, lc, hc = sem.interval(q)
    dlow, dhigh, dlc, dhc = sem.interval(data)
    tol = _REL_EPS * max(1.0, abs(q.value), abs(data.value))
    claimed = _describe(low, high, lc, hc)
    held = _describe(dlow, dhigh, dlc, dhc)

    def below(a: float, b: float) -> bool:
        return a < b - tol

    def same(a: float, b: float) -> bool:
        return a == b or abs(a - b) <= tol

    within = (below(low, dlow) or (same(dlow, low) and (lc or not dlc))) and (
        below(dhigh, high) or (same(dhigh, high) and (hc or not dhc))
    )
    if within:
        return Comparison(
            Status.CONSISTENT,
            f"the data hold {data.phrase!r}, {held}, which lies within {claimed}, "
            f"which {q.phrase!r} claims",
        )
    apart = (
        below(dhigh, low)
        or (same(dhigh, low) and not (dhc and lc))
        or below(high, dlow)
        or (same(high, dlow) and not (hc and dlc))
    )
    if apart:
        return Comparison(
            Status.DISCREPANCY,
            f"the data hold {data.phrase!r}, {held}, which has no value in {claimed}, "
            f"which {q.phrase!r} claims",
        )
    return Comparison(
        Status.CONSISTENT,
        f"the data hold only {data.phrase!r}, {held}; it overlaps {claimed}, which "
        f"{q.phrase!r} claims, so the data cannot settle it",
    )
