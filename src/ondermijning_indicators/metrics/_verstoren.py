"""Indicators of the report's *Verstoren* section: seizures against target, drugs."""

from __future__ import annotations

from typing import Literal, cast

import numpy as np

from .._registry import Source, Theme, Unit, current_metric, register
from ..errors import InvalidInputError
from ._inputs import M, ZeroDivision, align, check_non_negative, check_part_le_whole, divide
from ._shares import share_of_counts

_BESLAG = Source(
    "Verstoren > Aanpak criminele geldstromen en verdienmodellen",
    "Beslaglegging crimineel vermogen (tekst)",
)
_NO_LAG = (
    "Amounts as registered leave out the lag effect (na-ijleffect): the amount seized in a "
    "year keeps growing for years afterwards, so a recent year looks low."
)
_TARGET = {
    "beslag": "beslag:bedrag_eur[soort=totaal]",
    "doelstelling": "beslag_doelstellingen:bedrag_eur[partij=totaal]",
}
"""All seizures of a year against the overall target of that year (all parties)."""
_DRUGS = Source("Verstoren > Aanpak logistieke knooppunten", "Drugsvangsten zeehavens 2022 (tekst)")


@register(
    label_nl="Realisatie beslagdoelstelling",
    label_en="Seizure target attainment",
    definition_nl="Het in beslag genomen bedrag als deel van de doelstelling van dat jaar.",
    definition_en="The amount seized as a share of the year's target.",
    formula=r"\frac{\text{beslag}}{\text{doelstelling}}",
    unit=Unit.ATTAINMENT,
    theme=Theme.VERSTOREN,
    source=_BESLAG.quoting(
        "In 2022 is er ruim 246 miljoen euro aan beslag gelegd. [...] lager dan de doelstelling "
        "voor 2022 van 271,6 miljoen euro."
    ),
    caveats=(
        "The overall target (partij totaal) is that of all parties together; a party's own "
        "target (such as the police trajectory) is not compared with all seizures.",
        _NO_LAG,
    ),
    inputs=_TARGET,
)
def beslag_realisatie(
    beslag: M,
    doelstelling: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Attainment of the seizure target: amount seized over the target.

    Parameters
    ----------
    beslag : float, array or Series
        Amount seized (EUR), non-negative.
    doelstelling : float, array or Series
        Target amount (EUR) of the same year, in the same unit.
    zero_division : "raise" or float, default="raise"
        What to return where the target is 0 (see
        `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        1.0 means the target is met exactly; below 1 a shortfall, above 1 exceeded.
        Not bounded by 1. Scaling both arguments together changes nothing.

    Notes
    -----
    The 2022 amount was registered on a narrower basis than the target assumed; the
    report says the two cannot be compared.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import beslag_realisatie
    >>> beslag_realisatie(246e6, 271.6e6)
    0.9057...
    """
    aligned = align(beslag=beslag, doelstelling=doelstelling)
    for name in ("beslag", "doelstelling"):
        check_non_negative(aligned, name)
    ratio = divide(
        aligned, "beslag", "doelstelling", zero_division=zero_division, what="an attainment"
    )
    return cast(M, aligned.wrap(ratio))


@register(
    label_nl="Tekort op beslagdoelstelling",
    label_en="Seizure target shortfall",
    definition_nl=(
        "Het bedrag dat aan de doelstelling ontbreekt (negatief als de doelstelling is "
        "overschreden)."
    ),
    definition_en="The amount by which seizures fall short of the target (negative if exceeded).",
    formula=r"\text{doelstelling} - \text{beslag}",
    unit=Unit.EUR,
    theme=Theme.VERSTOREN,
    source=_BESLAG,
    caveats=(_NO_LAG,),
    inputs=_TARGET,
)
def beslag_tekort(beslag: M, doelstelling: M | float) -> M:
    r"""Shortfall of the amount seized against the target, in the unit of the inputs.

    Parameters
    ----------
    beslag : float, array or Series
        Amount seized (EUR), non-negative.
    doelstelling : float, array or Series
        Target amount (EUR), non-negative.

    Returns
    -------
    float, ndarray or Series
        ``doelstelling - beslag``: positive for a shortfall, negative when the target
        is exceeded.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import beslag_tekort
    >>> round(beslag_tekort(246e6, 271.6e6))
    25600000
    """
    aligned = align(beslag=beslag, doelstelling=doelstelling)
    for name in ("beslag", "doelstelling"):
        check_non_negative(aligned, name)
    return cast(M, aligned.wrap(aligned.values["doelstelling"] - aligned.values["beslag"]))


@register(
    label_nl="Beslag met na-ijleffect",
    label_en="Seizures projected with the lag effect",
    definition_nl=(
        "Het geregistreerde beslag van een jaar, opgehoogd met het na-ijleffect: het afgepakte "
        "vermogen groeit tot ongeveer 10 jaar later nog met circa 30%."
    ),
    definition_en=(
        "A year's registered seizures grown by the lag effect: the amount keeps growing by "
        "about 30% in total over about ten years."
    ),
    formula=(
        r"\text{beslag} \cdot (1 + g)^{\min(t, H)/H} \text{ (geometrisch) or } "
        r"\text{beslag} \cdot (1 + g \min(t, H)/H) \text{ (lineair)}"
    ),
    unit=Unit.EUR,
    theme=Theme.VERSTOREN,
    source=_BESLAG.quoting(
        "De ervaring leert dat het jaarlijks afgepakte vermogen tot ongeveer 10 jaar later nog 30%"
        " blijft groeien."
    ),
    caveats=(
        "The report gives only the end point (about 30% after up to about 10 years); the "
        "path between is an assumption of the caller (pad), geometric by default.",
        "Computed from the tables, it is the amount fully grown (jaren_na = 10).",
    ),
    inputs={"beslag": "beslag:bedrag_eur[soort=totaal]"},
    fixed={"jaren_na": 10.0},
)
def na_ijl_projectie(
    beslag: M,
    jaren_na: M | float,
    *,
    totale_groei: float = 0.30,
    horizon: float = 10.0,
    pad: Literal["geometrisch", "lineair"] = "geometrisch",
) -> M:
    r"""Project a year's registered seizures forward with the lag effect (na-ijleffect).

    Parameters
    ----------
    beslag : float, array or Series
        Amount registered as seized in the year itself (EUR).
    jaren_na : float, array or Series
        Years after the year of seizure; 0 gives ``beslag`` itself. Beyond ``horizon``
        the amount grows no further.
    totale_groei : float, default=0.30
        Total growth reached at the horizon (the report: "nog 30% blijft groeien").
    horizon : float, default=10.0
        Years until the growth stops (the report: "tot ongeveer 10 jaar later").
    pad : {"geometrisch", "lineair"}, default="geometrisch"
        The growth path between 0 and ``horizon``, which the report does not give:
        the same growth rate every year, or the same amount every year.

    Returns
    -------
    float, ndarray or Series
        The projected amount (EUR); increasing in ``jaren_na`` up to the horizon and
        in ``totale_groei``.

    Notes
    -----
    \(t\) is ``jaren_na``, \(g\) ``totale_groei`` and \(H\) ``horizon``. Both paths end
    at \(1.3 \times\) the registered amount with the defaults.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import na_ijl_projectie
    >>> round(na_ijl_projectie(246e6, 10))  # the 2022 amount, fully grown
    319800000
    >>> round(na_ijl_projectie(246e6, 5) / 1e6, 1), round(
    ...     na_ijl_projectie(246e6, 5, pad="lineair") / 1e6, 1
    ... )
    (280.5, 282.9)
    """
    metric = current_metric()
    if not np.isfinite(totale_groei) or totale_groei < 0:
        raise InvalidInputError(f"{metric}: totale_groei must be >= 0, got {totale_groei!r}")
    if not np.isfinite(horizon) or horizon <= 0:
        raise InvalidInputError(f"{metric}: horizon must be > 0 years, got {horizon!r}")
    if pad not in ("geometrisch", "lineair"):
        raise InvalidInputError(f"{metric}: pad must be 'geometrisch' or 'lineair', got {pad!r}")
    aligned = align(beslag=beslag, jaren_na=jaren_na)
    for name in ("beslag", "jaren_na"):
        check_non_negative(aligned, name)
    fraction = np.minimum(aligned.values["jaren_na"], horizon) / horizon
    if pad == "geometrisch":
        factor = (1.0 + totale_groei) ** fraction
    else:
        factor = 1.0 + totale_groei * fraction
    return cast(M, aligned.wrap(aligned.values["beslag"] * factor))


@register(
    label_nl="Waarde per kilo",
    label_en="Value per kilo",
    definition_nl="Een (straat)waarde in euro gedeeld door het aantal kilo waarop zij slaat.",
    definition_en="A (street) value in euro divided by the kilos it refers to.",
    formula=r"\frac{\text{waarde}}{\text{kg}}",
    unit=Unit.EUR_PER_KG,
    theme=Theme.VERSTOREN,
    source=_DRUGS.quoting(
        "De totale straatwaarde van de inbeslaggenomen cocaïne is 3,5 miljard euro."
    ),
    caveats=(
        "The value and the kilos must cover the same seizures; computed from the tables, "
        "the kilos are those of every port in drugsvangsten.",
    ),
    inputs={
        "waarde": "kerncijfers:waarde[indicator=verstoren_straatwaarde_cocaine]",
        "kg": "drugsvangsten:kg[drug=cocaine]",
    },
)
def waarde_per_kilo(
    waarde: M,
    kg: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Value per kilo: a value in euro over the kilos it refers to.

    Parameters
    ----------
    waarde : float, array or Series
        Value in euro, non-negative (e.g. a street value).
    kg : float, array or Series
        Kilos the value refers to, non-negative.
    zero_division : "raise" or float, default="raise"
        What to return where ``kg`` is 0.

    Returns
    -------
    float, ndarray or Series
        EUR per kg.

    Examples
    --------
    The two readings of the street value (Rotterdam and Vlissingen; all three ports):

    >>> from ondermijning_indicators.metrics import waarde_per_kilo
    >>> round(waarde_per_kilo(3.5e9, 46789 + 4157))
    68700
    >>> round(waarde_per_kilo(3.5e9, 46789 + 4157 + 1522))
    66707
    """
    aligned = align(waarde=waarde, kg=kg)
    for name in ("waarde", "kg"):
        check_non_negative(aligned, name)
    ratio = divide(aligned, "waarde", "kg", zero_division=zero_division, what="a value per kilo")
    return cast(M, aligned.wrap(ratio))


@register(
    label_nl="Aandeel in de drugsvangst",
    label_en="Share of the drug seizures",
    definition_nl="De kilo's onderschept in één haven als deel van de kilo's van alle havens.",
    definition_en="Kilos intercepted at one port as a share of those of all ports.",
    formula=r"\frac{\text{kg\_haven}}{\text{kg\_totaal}}",
    unit=Unit.SHARE,
    theme=Theme.VERSTOREN,
    source=_DRUGS,
    caveats=(
        "The whole is the ports in the table, per drug; the national total that a producer "
        "publishes (drugsvangsten_nationaal) includes ports the table does not list.",
    ),
    inputs={
        "kg_haven": "drugsvangsten:kg[haven=*,drug=*]",
        "kg_totaal": "drugsvangsten:kg[drug=*]",
    },
)
def aandeel_drugsvangst(
    kg_haven: M,
    kg_totaal: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of one port in the kilos intercepted.

    Parameters
    ----------
    kg_haven : float, array or Series
        Kilos intercepted at the port.
    kg_totaal : float, array or Series
        Kilos intercepted at all ports together.
    zero_division : "raise" or float, default="raise"
        What to return where ``kg_totaal`` is 0.

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1].

    Notes
    -----
    Kilos need not be whole numbers.

    Examples
    --------
    >>> import numpy as np
    >>> from ondermijning_indicators.metrics import aandeel_drugsvangst
    >>> kg = np.array([46789, 4157, 1522])  # Rotterdam, Vlissingen, NZKG
    >>> aandeel_drugsvangst(kg, kg.sum()).round(3)
    array([0.892, 0.079, 0.029])
    """
    return share_of_counts(
        "kg_haven",
        kg_haven,
        "kg_totaal",
        kg_totaal,
        zero_division=zero_division,
        counts=False,
    )


@register(
    label_nl="Zonder uitschieter",
    label_en="Without an exceptional case",
    definition_nl=(
        "Een jaartotaal zonder één uitzonderlijke zaak, om jaren te kunnen vergelijken."
    ),
    definition_en="A year's total without one exceptional case, to compare years fairly.",
    formula=r"\text{waarde} - \text{uitschieter}",
    unit=Unit.SAME_AS_INPUT,
    theme=Theme.VERSTOREN,
    source=Source(
        "Verstoren > Aanpak criminele geldstromen en verdienmodellen",
        "Beslaglegging digitaal crimineel vermogen (tekst)",
        quote="2021 werd gekenmerkt door een grote vangst in één zaak van circa 25 miljoen euro.",
    ),
    caveats=(
        "Only meaningful when the exceptional case is known to be part of the total it is "
        "taken from.",
    ),
    not_from_tables=(
        "no table gives a year's total together with the exceptional case it holds (the "
        "report prints the case, not the totals it compares)"
    ),
)
def zonder_uitschieter(waarde: M, uitschieter: M | float) -> M:
    r"""Subtract one exceptional case from the total it is part of.

    Parameters
    ----------
    waarde : float, array or Series
        The total of the year, non-negative.
    uitschieter : float, array or Series
        The exceptional case included in it (at most ``waarde``).

    Returns
    -------
    float, ndarray or Series
        ``waarde - uitschieter``, in the unit of the inputs; combine with
        `verandering` to compare years without the case.

    Examples
    --------
    The 2022 digital seizures (13,9 miljoen) are below 2021's, but above 2021 without its
    case of 25 miljoen whenever 2021 was less than 38,9 miljoen:

    >>> from ondermijning_indicators.metrics import verandering, zonder_uitschieter
    >>> round(verandering(zonder_uitschieter(35e6, 25e6), 13.9e6) / 1e6, 1)
    3.9
    """
    aligned = align(waarde=waarde, uitschieter=uitschieter)
    for name in ("waarde", "uitschieter"):
        check_non_negative(aligned, name)
    check_part_le_whole(aligned, "uitschieter", "waarde")
    return cast(M, aligned.wrap(aligned.values["waarde"] - aligned.values["uitschieter"]))
