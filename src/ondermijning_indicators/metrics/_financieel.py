"""Indicators of the report's *Financieel overzicht*: the undermining money.

The section prints three tables in 1.000 euro (samples ``financieel_besteding_thema``,
``financieel_herkomst`` and ``financieel_besteding_herkomst``): the planned spending
per theme and task, the origin of the money per budget decision, and the planned
spending per budget decision. The metrics here work on such amounts, whatever their
scale, unless their name says otherwise (`bedrag_in_euro`). Growth between
years is `verandering` and
`relatieve_verandering`; a kasschuif (cash
shifted between years) is the ``verandering`` from the money's origin to its
planned spending.
"""

from __future__ import annotations

from typing import Any, cast, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._registry import Application, Source, Theme, Unit, current_metric, register
from ..errors import InvalidInputError, MisalignedYearsError
from ._inputs import (
    FloatArray,
    M,
    ZeroDivision,
    align,
    check_non_negative,
    divide,
    frame_values,
    join_labels,
    to_float_array,
    year_labels,
)
from ._shares import share_of_counts

_SECTION = "Financieel overzicht"
_BY_THEME = Source(
    f"{_SECTION} > Overzicht van geplande besteding per opgave",
    "Overzicht van de herkomst en besteding ondermijningsgelden (in 1.000 euro)",
)
_BY_ORIGIN = Source(
    f"{_SECTION} > Overzicht van de herkomst van de middelen ondermijning",
    "Middelen Ondermijning: Incidenteel, 2018-2027, structureel (in 1.000 euro)",
)
_SPENDING = "financieel_besteding_thema:bedrag_k_eur"


@register(
    label_nl="Aandeel in de besteding",
    label_en="Share of the planned spending",
    definition_nl=(
        "Het bedrag van een thema, opgave of herkomst als deel van het totaal van "
        "dezelfde periode (een jaar, of structureel)."
    ),
    definition_en=(
        "The amount of a theme, task or budget decision as a share of the total of the "
        "same period (a year, or the structural level)."
    ),
    formula=r"\frac{\text{bedrag}}{\text{totaal}}",
    unit=Unit.SHARE,
    theme=Theme.FINANCIEEL_OVERZICHT,
    source=_BY_THEME,
    caveats=(
        "Take the total from the same table as the part: two tables of the same money may "
        "print grand totals that differ (the audit compares them).",
    ),
    inputs={"bedrag": f"{_SPENDING}[thema=*]", "totaal": _SPENDING},
)
def aandeel_besteding(
    bedrag: M,
    totaal: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of a theme, task or budget decision in the total of the same period.

    Parameters
    ----------
    bedrag : float, array or Series
        Amount of the theme, task or budget decision (any scale, e.g. 1.000 euro),
        non-negative; need not be a whole number.
    totaal : float, array or Series
        Total of the same period and table, in the same scale; Series must cover
        the same periods (index labels) as ``bedrag``.
    zero_division : "raise" or float, default="raise"
        What to return where ``totaal`` is 0: raise
        `ZeroDenominatorError`, or this value
        (e.g. ``numpy.nan``) with an
        `UndefinedMetricWarning`.

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1], not a percentage; a float for scalar input, otherwise
        the kind of the input, with its index.

    Raises
    ------
    NegativeCountError, PartExceedsWholeError, ZeroDenominatorError, MisalignedYearsError
        On a negative amount, a part above its total, a zero total, or Series that
        cover different periods.

    Notes
    -----
    Undefined when the total is 0. Missing values (NaN) give NaN.

    Examples
    --------
    Bestraffen (265.476) in the structural total (694.000):

    >>> from ondermijning_indicators.metrics import aandeel_besteding
    >>> aandeel_besteding(265_476, 694_000)
    0.3825...
    >>> import pandas as pd
    >>> periode = pd.Index(["2022", "structureel"], name="periode")
    >>> aandeel_besteding(
    ...     pd.Series([170_366, 265_476], index=periode),
    ...     pd.Series([549_195, 694_000], index=periode),
    ... ).round(3)
    periode
    2022           0.310
    structureel    0.383
    Name: aandeel_besteding, dtype: float64
    """
    return share_of_counts(
        "bedrag",
        bedrag,
        "totaal",
        totaal,
        zero_division=zero_division,
        counts=False,
    )


@register(
    label_nl="Structureel niveau als deel van de piek",
    label_en="Structural level as a share of the peak",
    definition_nl=(
        "Het structurele bedrag van een thema, opgave of herkomst als deel van het "
        "hoogste bedrag dat het in de getoonde jaren (of structureel) bereikt."
    ),
    definition_en=(
        "The structural (recurring) amount of a theme, task or budget decision as a "
        "share of the highest amount it reaches in the years shown (or structurally)."
    ),
    formula=r"\frac{\text{structureel}}{\text{piek}}",
    unit=Unit.SHARE,
    theme=Theme.FINANCIEEL_OVERZICHT,
    source=_BY_THEME,
    caveats=(
        "The peak is the highest of the amounts shown, the structural amount included; "
        "1 means the money stays at its peak, lower values that it is partly temporary.",
        "A peak inside the table's years only: money of years before its first year is not shown.",
    ),
    inputs={
        "structureel": f"{_SPENDING}[thema=*,periode=structureel]",
        "piek": f"max({_SPENDING}[thema=*])",
    },
)
def aandeel_structureel_van_piek(
    structureel: M,
    piek: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Structural amount as a share of the peak amount of the same line.

    Parameters
    ----------
    structureel : float, array or Series
        The structural (recurring) amount of a line, non-negative.
    piek : float, array or Series
        The highest amount of the same line over the years shown, the structural
        amount included (so at least ``structureel``); e.g. ``wide.max(axis=1)`` of
        a table with one column per period.
    zero_division : "raise" or float, default="raise"
        What to return where ``piek`` is 0 (a line that is "-" throughout).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1]: 1 where the line stays at its peak, 0 where it ends.

    Raises
    ------
    PartExceedsWholeError
        Where ``structureel`` is above ``piek``: the peak was not taken over the
        structural amount too.

    Notes
    -----
    The peak is \(\max(\text{jaren}, \text{structureel})\), the structural amount
    included; undefined where the peak is 0.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_structureel_van_piek
    >>> aandeel_structureel_van_piek(22_160, 87_197)  # Ondermijningsbeleid
    0.2541...

    For every task at once, from the table with one column per period:

    >>> import ondermijning_indicators as oi
    >>> df = oi.load_sample("financieel_besteding_thema")
    >>> wide = df.pivot(index="opgave", columns="periode", values="bedrag_k_eur")
    >>> share = aandeel_structureel_van_piek(wide["structureel"], wide.max(axis=1))
    >>> share.loc[["preventie", "nationale_samenwerking", "bewaken_en_beveiligen"]].round(3)
    opgave
    preventie                 0.877
    nationale_samenwerking    0.677
    bewaken_en_beveiligen     1.000
    Name: aandeel_structureel_van_piek, dtype: float64
    """
    return share_of_counts(
        "structureel",
        structureel,
        "piek",
        piek,
        zero_division=zero_division,
        counts=False,
    )


@register(
    label_nl="Verhouding incidentele en structurele middelen",
    label_en="Incidental money relative to structural money",
    definition_nl=(
        "Het incidentele (eenmalige) bedrag gedeeld door het structurele bedrag per "
        "jaar: het aantal jaren structurele middelen dat de incidentele middelen waard zijn."
    ),
    definition_en=(
        "The incidental (one-off) amount divided by the structural amount per year: "
        "how many years of structural money the one-off money is worth."
    ),
    formula=r"\frac{\text{incidenteel}}{\text{structureel}}",
    unit=Unit.FACTOR,
    theme=Theme.FINANCIEEL_OVERZICHT,
    source=_BY_ORIGIN.quoting("verdeeld in incidentele en structurele middelen"),
    caveats=(
        "Incidental money is printed as one amount, without the years it is spent in; "
        "the ratio compares a stock with a yearly flow.",
    ),
    inputs={
        "incidenteel": "financieel_herkomst:bedrag_k_eur[periode=incidenteel]",
        "structureel": "financieel_herkomst:bedrag_k_eur[periode=structureel]",
    },
)
def verhouding_incidenteel_structureel(
    incidenteel: M,
    structureel: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Incidental money as a multiple of the structural money per year.

    Parameters
    ----------
    incidenteel : float, array or Series
        The incidental (one-off) amount, non-negative.
    structureel : float, array or Series
        The structural amount per year, in the same scale, non-negative.
    zero_division : "raise" or float, default="raise"
        What to return where ``structureel`` is 0 (a decision with incidental money
        only).

    Returns
    -------
    float, ndarray or Series
        A non-negative factor: 0.5 means the one-off money equals half a year of the
        structural money; unbounded above.

    Notes
    -----
    Undefined where the structural amount is 0.

    Examples
    --------
    The totals of the origin table, 615.000 incidenteel and 694.000 structureel (in
    1.000 euro):

    >>> from ondermijning_indicators.metrics import verhouding_incidenteel_structureel
    >>> verhouding_incidenteel_structureel(615_000, 694_000)
    0.8861...
    """
    aligned = align(incidenteel=incidenteel, structureel=structureel)
    for name in ("incidenteel", "structureel"):
        check_non_negative(aligned, name)
    ratio = divide(
        aligned, "incidenteel", "structureel", zero_division=zero_division, what="a ratio"
    )
    return cast(M, aligned.wrap(ratio))


@overload
def totaal_over_periode(
    bedragen: pd.DataFrame, *, van: int | None = ..., tot_en_met: int | None = ...
) -> pd.Series[float]: ...
@overload
def totaal_over_periode(
    bedragen: pd.Series[Any] | float, *, van: int | None = ..., tot_en_met: int | None = ...
) -> float: ...
@overload
def totaal_over_periode(
    bedragen: npt.NDArray[Any], *, van: int | None = ..., tot_en_met: int | None = ...
) -> float | FloatArray: ...


@register(
    label_nl="Totaal over een periode",
    label_en="Total over a period",
    definition_nl=(
        "De som van de jaarbedragen over een aaneengesloten reeks jaren, begin- en "
        "eindjaar inbegrepen."
    ),
    definition_en="The sum of the yearly amounts over consecutive years, both ends included.",
    formula=r"\sum_{\text{jaar}=\text{van}}^{\text{tot\_en\_met}} \text{bedrag}_\text{jaar}",
    unit=Unit.SAME_AS_INPUT,
    theme=Theme.FINANCIEEL_OVERZICHT,
    source=Source(
        f"{_SECTION} > Overzicht van de geplande besteding, naar herkomst van de middelen",
        "Middelen Ondermijning: 2022-2027, structureel (in 1.000 euro)",
    ),
    caveats=("Only years add up: a structural or incidental amount is not a year and is refused.",),
    inputs=(f"{_SPENDING}[thema=*]",),
    application=Application.SERIES,
)
def totaal_over_periode(
    bedragen: pd.DataFrame | pd.Series[Any] | npt.NDArray[Any] | float,
    *,
    van: int | None = None,
    tot_en_met: int | None = None,
) -> float | FloatArray | pd.Series[float]:
    r"""Total of yearly amounts over consecutive years, both ends included.

    Parameters
    ----------
    bedragen : Series, DataFrame, array or float
        Yearly amounts (any sign, any scale). A Series is indexed by year (integers,
        or year text such as ``"2023"`` as in the ``periode`` column); a DataFrame has
        one column per year and one row per line (as printed) and gives one total per
        row. An array has the years along its last axis; a float is one year.
    van : int, optional
        First year of the period (default: the first year given). Series and
        DataFrames only: an array has no years to select by.
    tot_en_met : int, optional
        Last year of the period, included (default: the last year given).

    Returns
    -------
    float, ndarray or Series
        The total, in the unit of the inputs: a float for a Series, a 1-D array or
        a float; a Series (index of the rows) for a DataFrame; an array of row
        totals for a 2-D array. A missing amount (NaN) gives NaN.

    Raises
    ------
    InvalidInputError
        For a label that is not a year (``"structureel"``), a year given twice,
        ``van`` after ``tot_en_met``, or ``van``/``tot_en_met`` with an array.
    MisalignedYearsError
        If a year of the period is missing: the total would silently be too low.

    Notes
    -----
    Totals over adjoining periods add up to the total over their union. An empty array
    totals 0.

    Examples
    --------
    The coalitieakkoord money over 2023-2027 is the same before the kasschuif (origin
    table) and after it (planned spending):

    >>> import pandas as pd
    >>> from ondermijning_indicators.metrics import totaal_over_periode
    >>> jaren = ["2023", "2024", "2025", "2026", "2027"]
    >>> herkomst = pd.Series([40_000, 80_000, 100_000, 100_000, 100_000], index=jaren)
    >>> besteding = pd.Series([30_000, 82_500, 106_000, 101_500, 100_000], index=jaren)
    >>> totaal_over_periode(herkomst), totaal_over_periode(besteding)
    (420000.0, 420000.0)
    >>> totaal_over_periode(besteding, van=2023, tot_en_met=2024)
    112500.0
    """
    metric = current_metric()
    if isinstance(bedragen, pd.DataFrame):
        years = year_labels("bedragen", bedragen.columns, what="column")
        keep = _period(metric, years, van, tot_en_met)
        values = _amounts(metric, frame_values("bedragen", bedragen)[:, keep])
        return pd.Series(values.sum(axis=-1), index=bedragen.index, name=metric, dtype="float64")
    if isinstance(bedragen, pd.Series):
        years = year_labels("bedragen", bedragen.index, what="index label")
        keep = _period(metric, years, van, tot_en_met)
        values = _amounts(metric, frame_values("bedragen", bedragen)[keep])
        return float(values.sum())
    if van is not None or tot_en_met is not None:
        raise InvalidInputError(
            f"{metric}: `van` and `tot_en_met` select years by label, and an array or a "
            "number has none; pass a Series indexed by year, or select the years yourself"
        )
    if isinstance(bedragen, bool | np.bool_ | str | bytes) or bedragen is None:
        raise InvalidInputError(
            f"{metric}: `bedragen` must be a number, array, Series or DataFrame, got {bedragen!r}"
        )
    values = _amounts(metric, to_float_array("bedragen", bedragen))
    if values.ndim <= 1:
        return float(values.sum())
    return np.asarray(values.sum(axis=-1), dtype="float64")


def _amounts(metric: str, values: FloatArray) -> FloatArray:
    if np.isinf(values).any():
        raise InvalidInputError(f"{metric}: `bedragen` holds an infinite amount")
    return values


def _period(
    metric: str, years: npt.NDArray[np.int64], van: int | None, tot_en_met: int | None
) -> npt.NDArray[np.bool_]:
    """Select the years of [van, tot_en_met]; every year of that period must be given."""
    for name, value in (("van", van), ("tot_en_met", tot_en_met)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | np.integer)
        ):
            raise InvalidInputError(f"{metric}: `{name}` must be a year (int), got {value!r}")
    if len(years) == 0:
        if van is None and tot_en_met is None:
            return np.zeros(0, dtype=bool)
        raise MisalignedYearsError(
            f"{metric}: `bedragen` has no years, so it has none of the period "
            f"van={van}, tot_en_met={tot_en_met}"
        )
    first = int(years.min()) if van is None else int(van)
    last = int(years.max()) if tot_en_met is None else int(tot_en_met)
    if first > last:
        raise InvalidInputError(
            f"{metric}: the period starts after it ends (van={first}, tot_en_met={last})"
        )
    missing = sorted(set(range(int(first), int(last) + 1)) - set(years.tolist()))
    if missing:
        years_word, it = ("year", "it") if len(missing) == 1 else ("years", "them")
        raise MisalignedYearsError(
            f"{metric}: the period {first}-{last} lacks the {years_word} {join_labels(missing)} "
            f"in `bedragen`; a total without {it} would be too low: supply {it} (0 for a "
            "'-') or choose a period that the amounts cover"
        )
    return (years >= first) & (years <= last)


@register(
    label_nl="Bedrag in euro",
    label_en="Amount in euro",
    definition_nl=(
        "Een bedrag uit een tabel 'in 1.000 euro', omgerekend naar euro, om het te "
        "vergelijken met een bedrag in de tekst ('40 miljoen euro')."
    ),
    definition_en=(
        "An amount from a table 'in 1.000 euro', converted to euro, to compare it with "
        "an amount in the text ('40 miljoen euro')."
    ),
    formula=r"1000 \times \text{bedrag\_k\_eur}",
    unit=Unit.EUR,
    theme=Theme.FINANCIEEL_OVERZICHT,
    source=Source(
        f"{_SECTION} > Overzicht van geplande besteding per opgave",
        "the tables' unit 'in 1.000 euro' against the text's 'miljoen euro'",
        quote=(
            "De beschikbaar gestelde middelen uit het Coalitieakkoord 2021, 40 miljoen euro "
            "in 2023 oplopend tot 100 miljoen euro structureel vanaf 2025"
        ),
    ),
    caveats=("A conversion of scale only; the amount keeps its precision in 1.000 euro.",),
    not_from_tables="a unit conversion, not an indicator: apply it to any amount in 1.000 euro",
)
def bedrag_in_euro(bedrag_k_eur: M) -> M:
    r"""Convert an amount in thousands of euro to euro.

    Parameters
    ----------
    bedrag_k_eur : float, array or Series
        Amount in 1.000 euro, as the financial tables print it (any sign).

    Returns
    -------
    float, ndarray or Series
        The amount in euro, of the kind of the input.

    Notes
    -----
    Exact for whole thousands: the text's "40 miljoen euro" is the table's 40.000 (in
    1.000 euro).

    Examples
    --------
    >>> from ondermijning_indicators.metrics import bedrag_in_euro
    >>> bedrag_in_euro(40_000)
    40000000.0
    """
    aligned = align(bedrag_k_eur=bedrag_k_eur)
    return cast(M, aligned.wrap(aligned.values["bedrag_k_eur"] * 1000.0))
