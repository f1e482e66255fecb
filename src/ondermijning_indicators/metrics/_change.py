"""Change between two years: absolute and relative."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from .._registry import Application, Source, Theme, Unit, register
from ._inputs import M, ZeroDivision, align, check_non_negative, divide

_SERIES = (
    "uitspraken:aantal[uitkomst=*]",
    "vrijheidsstraffen:aantal",
    "beslag:bedrag_eur[soort=*]",
    "drugsvangsten:kg[haven=*,drug=*]",
)
"""The series whose change from year to year compute reports."""

_SOURCE = Source(
    "Bestraffen > Ontwikkelingen opsporing en vervolging",
    'Comparisons between years in the text (e.g. "fors hoger dan in 2021")',
)


@register(
    label_nl="Verandering",
    label_en="Change",
    definition_nl="Het verschil tussen de waarde in het latere en in het eerdere jaar.",
    definition_en="The value in the later year minus the value in the earlier year.",
    formula=r"\text{huidig} - \text{vorig}",
    unit=Unit.SAME_AS_INPUT,
    theme=Theme.ALGEMEEN,
    source=_SOURCE.quoting("Dat aandeel ligt fors hoger dan in 2021."),
    caveats=(
        "The change of a share is in shares (0.07 is 7 percentage points), not a relative change.",
    ),
    inputs=_SERIES,
    application=Application.CONSECUTIVE,
)
def verandering(vorig: M, huidig: M | float) -> M:
    r"""Absolute change from an earlier value to a later one.

    Parameters
    ----------
    vorig : float, array or Series
        Value in the earlier year (or edition).
    huidig : float, array or Series
        Value in the later year; Series must be aligned with ``vorig`` (same index,
        e.g. the same duration classes).

    Returns
    -------
    float, ndarray or Series
        ``huidig - vorig`` in the unit of the inputs; negative for a decrease.

    Notes
    -----
    Defined for any finite inputs.

    Examples
    --------
    Custodial sentences over five years, 2021 to 2022, count and share:

    >>> from ondermijning_indicators.metrics import verandering
    >>> verandering(95, 177)
    82.0
    >>> round(verandering(95 / 906, 177 / 999), 4)  # in shares: 7.2 percentage points
    0.0723
    """
    aligned = align(vorig=vorig, huidig=huidig)
    return cast(M, aligned.wrap(aligned.values["huidig"] - aligned.values["vorig"]))


@register(
    label_nl="Relatieve verandering",
    label_en="Relative change",
    definition_nl=("De verandering tussen twee jaren als deel van de waarde in het eerdere jaar."),
    definition_en="The change between two years as a share of the earlier year's value.",
    formula=r"\frac{\text{huidig} - \text{vorig}}{\text{vorig}}",
    unit=Unit.RELATIVE_CHANGE,
    theme=Theme.ALGEMEEN,
    source=_SOURCE.quoting(
        "In totaal werden 177 verdachten veroordeeld tot een gevangenisstraf van meer dan 5 jaar. "
        "Dat aandeel ligt fors hoger dan in 2021."
    ),
    caveats=(
        "Undefined when the earlier value is 0; only for non-negative quantities "
        "(counts, amounts, shares).",
    ),
    inputs=_SERIES,
    application=Application.CONSECUTIVE,
)
def relatieve_verandering(
    vorig: M,
    huidig: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Relative change from an earlier value to a later one.

    Parameters
    ----------
    vorig : float, array or Series
        Non-negative value in the earlier year.
    huidig : float, array or Series
        Non-negative value in the later year, aligned with ``vorig``.
    zero_division : "raise" or float, default="raise"
        What to return where ``vorig`` is 0 (see
        `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        ``(huidig - vorig) / vorig``: 0.1 is an increase of 10%, -0.5 a halving;
        at least -1.

    Notes
    -----
    Relative changes compose: ``(1 + r(a, b)) * (1 + r(b, c)) == 1 + r(a, c)``.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import relatieve_verandering
    >>> relatieve_verandering(95, 177)  # sentences over five years, 2021 to 2022
    0.8631...
    """
    aligned = align(vorig=vorig, huidig=huidig)
    for name in ("vorig", "huidig"):
        check_non_negative(aligned, name)
    with_diff = replace(
        aligned,
        values={**aligned.values, "verschil": aligned.values["huidig"] - aligned.values["vorig"]},
    )
    ratio = divide(
        with_diff, "verschil", "vorig", zero_division=zero_division, what="a relative change"
    )
    return cast(M, aligned.wrap(ratio))
