"""Growth between two years, and trajectories between a start and an end value."""

from __future__ import annotations

from typing import Any, Generic, Literal, NamedTuple, cast, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._registry import Application, Source, Theme, Unit, current_metric, register
from ..errors import InvalidInputError
from ._inputs import (
    FloatArray,
    M,
    ZeroDivision,
    align,
    check_non_negative,
    divide,
    frame_values,
    join_labels,
    year_labels,
)

_ACM = Source(
    "Bestraffen > Strafrechtelijke aanpak > Aanpak Criminele Machtsstructuren",
    "oplopend van 22 fte in 2023 tot structureel 130 fte in 2027 (tekst)",
)
_ACM_SERIES = ("kerncijfers:waarde[indicator=acm_fte_extra]",)
"""The capacity series whose growth compute reports: first to last year given."""
_VEILIGHEIDSAGENDA = Source(
    "Verstoren > Aanpak criminele geldstromen en verdienmodellen",
    "Beslaglegging crimineel vermogen: de stijgende lijn in de Veiligheidsagenda (tekst)",
    quote=(
        "Voor de politie is in de Veiligheidsagenda een stijgende lijn overeengekomen van 190 "
        "miljoen euro aan beslag in 2023 naar 220 miljoen euro in 2026."
    ),
)


def _check_years(begin_jaar: object, eind_jaar: object) -> None:
    metric = current_metric()
    for name, year in (("begin_jaar", begin_jaar), ("eind_jaar", eind_jaar)):
        if isinstance(year, bool) or not isinstance(year, int | np.integer):
            raise InvalidInputError(f"{metric}: `{name}` must be a whole year, got {year!r}")
    if int(eind_jaar) <= int(begin_jaar):  # type: ignore[call-overload]
        raise InvalidInputError(
            f"{metric}: eind_jaar ({eind_jaar}) must be later than begin_jaar ({begin_jaar})"
        )


@register(
    label_nl="Groeifactor",
    label_en="Growth factor",
    definition_nl="De eindwaarde als veelvoud van de beginwaarde.",
    definition_en="The end value as a multiple of the start value.",
    formula=r"\frac{\text{eind}}{\text{begin}}",
    unit=Unit.FACTOR,
    theme=Theme.ALGEMEEN,
    source=_ACM,
    caveats=("Undefined for a start value of 0.",),
    inputs=_ACM_SERIES,
    application=Application.SPAN,
)
def groeifactor(begin: M, eind: M | float, *, zero_division: ZeroDivision = "raise") -> M:
    r"""Growth factor from a start value to an end value.

    Parameters
    ----------
    begin : float, array or Series
        Start value, non-negative (e.g. fte in the first year).
    eind : float, array or Series
        End value, non-negative.
    zero_division : "raise" or float, default="raise"
        What to return where ``begin`` is 0.

    Returns
    -------
    float, ndarray or Series
        ``eind / begin``: 2.0 is a doubling. Growth factors compose by multiplication.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import groeifactor
    >>> groeifactor(22, 130)
    5.909...
    """
    aligned = align(begin=begin, eind=eind)
    for name in ("begin", "eind"):
        check_non_negative(aligned, name)
    ratio = divide(aligned, "eind", "begin", zero_division=zero_division, what="a growth factor")
    return cast(M, aligned.wrap(ratio))


@register(
    label_nl="Jaarlijkse groei",
    label_en="Compound annual growth rate",
    definition_nl=(
        "De gelijkblijvende jaarlijkse groei die in het gegeven aantal jaren van de "
        "beginwaarde tot de eindwaarde leidt."
    ),
    definition_en=(
        "The constant yearly growth rate that leads from the start value to the end value "
        "in the given number of years."
    ),
    formula=r"\left(\frac{\text{eind}}{\text{begin}}\right)^{1/\text{jaren}} - 1",
    unit=Unit.RATE,
    theme=Theme.ALGEMEEN,
    source=_ACM,
    caveats=(
        "A compound rate describes the average path; the report does not say how the "
        "growth is spread over the years.",
    ),
    inputs=_ACM_SERIES,
    application=Application.SPAN,
)
def jaarlijkse_groei(
    begin: M, eind: M | float, *, jaren: float, zero_division: ZeroDivision = "raise"
) -> M:
    r"""Compound annual growth rate from ``begin`` to ``eind`` over ``jaren`` years.

    Parameters
    ----------
    begin : float, array or Series
        Start value, strictly positive.
    eind : float, array or Series
        End value, non-negative.
    jaren : float
        Number of years between the two values, strictly positive (2023 to 2027 is 4).
    zero_division : "raise" or float, default="raise"
        What to return where ``begin`` is 0.

    Returns
    -------
    float, ndarray or Series
        The rate ``r`` with ``begin * (1 + r) ** jaren == eind``; 0.1 is +10% a year.

    Notes
    -----
    Rates over consecutive periods compose: growing at ``r1`` for ``n1`` years and
    ``r2`` for ``n2`` years equals the rate over ``n1 + n2`` years.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import jaarlijkse_groei
    >>> jaarlijkse_groei(22, 130, jaren=2027 - 2023)
    0.559...
    """
    metric = current_metric()
    if (
        isinstance(jaren, bool)
        or not isinstance(jaren, int | float)
        or not np.isfinite(jaren)
        or jaren <= 0
    ):
        raise InvalidInputError(
            f"{metric}: jaren must be a positive number of years, got {jaren!r}"
        )
    aligned = align(begin=begin, eind=eind)
    for name in ("begin", "eind"):
        check_non_negative(aligned, name)
    factor = divide(aligned, "eind", "begin", zero_division=zero_division, what="a growth rate")
    return cast(M, aligned.wrap(factor ** (1.0 / jaren) - 1.0))


class FteGroei(NamedTuple, Generic[M]):
    """Growth of a capacity between two years: absolute, factor and annual rate."""

    absoluut: M
    factor: M
    jaarlijks: M


@register(
    label_nl="Groei capaciteit (fte)",
    label_en="Capacity growth (FTE)",
    definition_nl=(
        "De groei van een capaciteit in fte tussen twee jaren: absoluut, als factor en als "
        "gelijkblijvende jaarlijkse groei."
    ),
    definition_en=(
        "The growth of a capacity in FTE between two years: absolute, as a factor, and as a "
        "compound annual rate."
    ),
    formula=(
        r"(\text{eind} - \text{begin},\ \text{eind}/\text{begin},\ "
        r"(\text{eind}/\text{begin})^{1/(\text{eind\_jaar} - \text{begin\_jaar})} - 1)"
    ),
    unit=Unit.FTE,
    theme=Theme.BESTRAFFEN,
    source=_ACM.quoting(
        "Vanaf 2023 worden extra mensen beschikbaar gesteld, oplopend van 22 fte in 2023 tot "
        "structureel 130 fte in 2027."
    ),
    caveats=(
        "An end value printed as structural ('structureel') is the level from that year on, "
        "not a one-off of that year.",
    ),
    inputs=_ACM_SERIES,
    application=Application.SPAN,
)
def fte_groei(
    begin: M,
    eind: M | float,
    *,
    begin_jaar: int,
    eind_jaar: int,
    zero_division: ZeroDivision = "raise",
) -> FteGroei[M]:
    r"""Growth of a capacity in fte: absolute, as a factor, and as an annual rate.

    Parameters
    ----------
    begin : float, array or Series
        Capacity (fte) in ``begin_jaar``, strictly positive.
    eind : float, array or Series
        Capacity (fte) in ``eind_jaar``, non-negative.
    begin_jaar, eind_jaar : int
        The two years; ``eind_jaar`` must be later.
    zero_division : "raise" or float, default="raise"
        What the factor and the rate are where ``begin`` is 0.

    Returns
    -------
    FteGroei
        Named tuple ``(absoluut, factor, jaarlijks)``, each of the kind of ``begin``:
        fte added, the growth factor, and the compound annual growth rate.

    Notes
    -----
    See `verandering`, `groeifactor` and `jaarlijkse_groei`, which this combines.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import fte_groei
    >>> groei = fte_groei(22, 130, begin_jaar=2023, eind_jaar=2027)
    >>> groei.absoluut, round(groei.factor, 2), round(groei.jaarlijks, 3)
    (108.0, 5.91, 0.559)
    """
    _check_years(begin_jaar, eind_jaar)
    aligned = align(begin=begin, eind=eind)
    for name in ("begin", "eind"):
        check_non_negative(aligned, name)
    factor = divide(aligned, "eind", "begin", zero_division=zero_division, what="a growth factor")
    jaren = eind_jaar - begin_jaar
    return FteGroei(
        absoluut=cast(M, aligned.wrap(aligned.values["eind"] - aligned.values["begin"])),
        factor=cast(M, aligned.wrap(factor)),
        jaarlijks=cast(M, aligned.wrap(factor ** (1.0 / jaren) - 1.0)),
    )


@register(
    label_nl="Traject",
    label_en="Trajectory",
    definition_nl=(
        "De waarde in een jaar op een traject tussen een beginwaarde en een eindwaarde, "
        "lineair (gelijke stappen) of geometrisch (gelijke groeivoet)."
    ),
    definition_en=(
        "The value in a year on a trajectory between a start and an end value, linear "
        "(equal steps) or geometric (equal growth rate)."
    ),
    formula=(
        r"\text{begin} + (\text{eind} - \text{begin}) \frac{j - j_0}{j_1 - j_0} "
        r"\text{ (lineair) or } \text{begin} \left(\frac{\text{eind}}{\text{begin}}"
        r"\right)^{(j - j_0)/(j_1 - j_0)} \text{ (geometrisch)}"
    ),
    unit=Unit.SAME_AS_INPUT,
    theme=Theme.ALGEMEEN,
    source=_VEILIGHEIDSAGENDA,
    caveats=(
        "Only the end points are given; the path between them is the caller's assumption, "
        "linear by default.",
    ),
    not_from_tables=(
        "a path between two end points that the caller chooses; from the tables, the years "
        "between supplied values are filled in by aangevuld_traject"
    ),
)
def traject(
    jaar: M,
    *,
    begin_jaar: int,
    begin: float,
    eind_jaar: int,
    eind: float,
    pad: Literal["lineair", "geometrisch"] = "lineair",
) -> M:
    r"""Value in ``jaar`` on a trajectory from ``begin`` (in ``begin_jaar``) to ``eind``.

    Parameters
    ----------
    jaar : int, array or Series
        The year or years, each within ``[begin_jaar, eind_jaar]`` (no extrapolation).
    begin_jaar, eind_jaar : int
        First and last year of the trajectory.
    begin, eind : float
        Values in those years (non-negative; ``begin`` positive for a geometric path).
    pad : {"lineair", "geometrisch"}, default="lineair"
        Equal steps every year, or an equal growth rate every year.

    Returns
    -------
    float, ndarray or Series
        The value in each year, in the unit of ``begin`` and ``eind``.

    Notes
    -----
    \(j\) is ``jaar``, \(j_0\) ``begin_jaar`` and \(j_1\) ``eind_jaar``. Both paths pass
    through the printed end points.

    Examples
    --------
    The police seizure target in 2024 and 2025, and the ACM capacity in 2025:

    >>> import numpy as np
    >>> from ondermijning_indicators.metrics import traject
    >>> traject(np.array([2024, 2025]), begin_jaar=2023, begin=190e6, eind_jaar=2026, eind=220e6)
    array([2.0e+08, 2.1e+08])
    >>> traject(2025, begin_jaar=2023, begin=22, eind_jaar=2027, eind=130)
    76.0
    >>> round(traject(2025, begin_jaar=2023, begin=22, eind_jaar=2027, eind=130,
    ...               pad="geometrisch"), 1)
    53.5
    """
    metric = current_metric()
    _check_years(begin_jaar, eind_jaar)
    if pad not in ("lineair", "geometrisch"):
        raise InvalidInputError(f"{metric}: pad must be 'lineair' or 'geometrisch', got {pad!r}")
    if not (np.isfinite(begin) and np.isfinite(eind)) or begin < 0 or eind < 0:
        raise InvalidInputError(
            f"{metric}: begin and eind must be finite and >= 0, got {begin!r}, {eind!r}"
        )
    if pad == "geometrisch" and begin <= 0:
        raise InvalidInputError(f"{metric}: a geometric path needs begin > 0, got {begin!r}")
    aligned = align(jaar=jaar)
    years = aligned.values["jaar"]
    outside = (years < begin_jaar) | (years > eind_jaar)
    if outside.any():
        late = years[outside]
        verb = "lies" if len(late) == 1 else "lie"
        raise InvalidInputError(
            f"{metric}: jaar {join_labels([int(y) for y in late])} {verb} outside the trajectory "
            f"{begin_jaar}-{eind_jaar}; the report gives no values beyond its end points"
        )
    t = (years - begin_jaar) / (eind_jaar - begin_jaar)
    values = begin * (1.0 - t) + eind * t if pad == "lineair" else begin * (eind / begin) ** t
    return cast(M, aligned.wrap(np.asarray(values, dtype="float64")))


@overload
def aangevuld_traject(
    waarden: pd.Series[Any], *, pad: Literal["lineair", "geometrisch"] = ...
) -> pd.Series[float]: ...
@overload
def aangevuld_traject(
    waarden: pd.DataFrame, *, pad: Literal["lineair", "geometrisch"] = ...
) -> pd.DataFrame: ...


@register(
    label_nl="Aangevuld traject",
    label_en="Trajectory through the supplied values",
    definition_nl=(
        "De waarde in ieder jaar van het eerste tot het laatste opgegeven jaar: een "
        "opgegeven jaar houdt zijn waarde; een jaar ertussen ligt op de lijn tussen de "
        "dichtstbijzijnde opgegeven jaren ervoor en erna."
    ),
    definition_en=(
        "The value in every year from the first to the last year supplied: a supplied year "
        "keeps its value; a year between lies on the path between the nearest supplied "
        "years before and after it."
    ),
    formula=(
        r"w_j \text{ if supplied, else } w_a + (w_b - w_a) \frac{j - a}{b - a} "
        r"\text{ (lineair) or } w_a \left(\frac{w_b}{w_a}\right)^{(j - a)/(b - a)} "
        r"\text{ (geometrisch)}"
    ),
    unit=Unit.SAME_AS_INPUT,
    theme=Theme.ALGEMEEN,
    source=_VEILIGHEIDSAGENDA,
    caveats=(
        "A supplied value is never replaced; the filled-in years are the caller's "
        "assumption about the path (linear by default), and compute marks them "
        "(column filled_in).",
    ),
    inputs=(
        "beslag_doelstellingen:bedrag_eur[partij=*]",
        "kerncijfers:waarde[indicator=acm_fte_extra]",
    ),
    application=Application.SERIES,
)
def aangevuld_traject(
    waarden: pd.Series[Any] | pd.DataFrame, *, pad: Literal["lineair", "geometrisch"] = "lineair"
) -> pd.Series[float] | pd.DataFrame:
    r"""Fill in the years between supplied values; a supplied value is kept as given.

    Parameters
    ----------
    waarden : Series or DataFrame
        A Series indexed by year (integers or year text), or a DataFrame with one column
        per year and one row per series. A missing value (NaN, or a year absent from
        the index) is a year that was not supplied.
    pad : {"lineair", "geometrisch"}, default="lineair"
        The path between two supplied years: equal steps, or an equal growth rate
        (which needs positive values on both sides of a gap).

    Returns
    -------
    Series or DataFrame
        The same kind, indexed (or with columns) by every year from the first to the last
        year supplied, as integers. Supplied years hold their value unchanged; years
        between hold the path. A row of a DataFrame is empty (NaN) outside its own first
        and last supplied year: nothing is extrapolated.

    Raises
    ------
    InvalidInputError
        For a label that is not a year, a year given twice, text, an infinite value, or a
        geometric path through a value that is not positive.

    Notes
    -----
    \(j\) is a year between the supplied years \(a < j < b\), whose values are \(w_a\)
    and \(w_b\). Supplied years are returned as given, so the result restricted to them
    equals the input: a filled-in value never replaces a supplied one. With only the two
    end points supplied this is `traject` for every year between them.

    Examples
    --------
    The police trajectory, with the printed end points; and with a target supplied for
    2024 too, which is kept:

    >>> import pandas as pd
    >>> from ondermijning_indicators.metrics import aangevuld_traject
    >>> aangevuld_traject(pd.Series({2023: 190e6, 2026: 220e6})) / 1e6
    2023    190.0
    2024    200.0
    2025    210.0
    2026    220.0
    dtype: float64
    >>> aangevuld_traject(pd.Series({2023: 190e6, 2024: 197e6, 2026: 220e6})).tolist()
    [190000000.0, 197000000.0, 208500000.0, 220000000.0]
    """
    metric = current_metric()
    if pad not in ("lineair", "geometrisch"):
        raise InvalidInputError(f"{metric}: pad must be 'lineair' or 'geometrisch', got {pad!r}")
    if isinstance(waarden, pd.Series):
        years = year_labels("waarden", waarden.index, what="index label")
        values = frame_values("waarden", waarden)[None, :]
    elif isinstance(waarden, pd.DataFrame):
        years = year_labels("waarden", waarden.columns, what="column")
        values = frame_values("waarden", waarden)
    else:
        raise InvalidInputError(
            f"{metric}: `waarden` must be a Series indexed by year or a DataFrame with one "
            f"column per year, got {type(waarden).__name__}"
        )
    if np.isinf(values).any():
        raise InvalidInputError(f"{metric}: `waarden` holds an infinite value")
    with_value = years[(~np.isnan(values)).any(axis=0)]
    first = int(with_value.min()) if len(with_value) else 0
    span = np.arange(first, int(with_value.max()) + 1 if len(with_value) else 0, dtype=np.int64)
    grid = np.full((values.shape[0], len(span)), np.nan)
    inside = (years >= first) & (years < first + len(span))
    grid[:, years[inside] - first] = values[:, inside]
    filled = _fill(metric, grid, span, pad)
    if isinstance(waarden, pd.Series):
        return pd.Series(filled[0], index=pd.Index(span, name=waarden.index.name))
    columns = pd.Index(span, name=waarden.columns.name)
    return pd.DataFrame(filled, index=waarden.index, columns=columns)


def _fill(metric: str, grid: FloatArray, years: npt.NDArray[np.int64], pad: str) -> FloatArray:
    """Fill the gaps of each row between its supplied cells; keep the supplied cells."""
    if grid.size == 0:
        return grid.copy()
    columns = np.arange(grid.shape[1])
    supplied = ~np.isnan(grid)
    before = np.maximum.accumulate(np.where(supplied, columns, -1), axis=1)
    after = np.minimum.accumulate(np.where(supplied, columns, grid.shape[1])[:, ::-1], axis=1)[
        :, ::-1
    ]
    between = (before >= 0) & (after < grid.shape[1]) & ~supplied
    a = np.clip(before, 0, grid.shape[1] - 1)
    b = np.clip(after, 0, grid.shape[1] - 1)
    low = np.take_along_axis(grid, a, axis=1)
    high = np.take_along_axis(grid, b, axis=1)
    width = (years[b] - years[a]).astype("float64")
    t = np.divide(years[None, :] - years[a], width, out=np.zeros_like(width), where=width > 0)
    if pad == "geometrisch":
        bad = between & ~((low > 0) & (high > 0))
        if bad.any():
            raise InvalidInputError(
                f"{metric}: a geometric path needs positive values on both sides of a gap; "
                f"the year {int(years[np.argwhere(bad)[0][1]])} lies between values that "
                "are not; use pad='lineair'"
            )
        with np.errstate(divide="ignore", invalid="ignore"):
            path = low * (high / low) ** t
    else:
        path = low + (high - low) * t
    return np.where(supplied, grid, np.where(between, path, np.nan))
