"""Court indicators of the report's *Bestraffen* section.

All inputs come from two tables of "Ontwikkelingen opsporing en vervolging":
the verdicts in undermining cases by outcome (sample ``uitspraken``) and the
custodial sentences by duration class (sample ``vrijheidsstraffen``), plus the
2022 figures that only the text gives (sample ``vrijheidsstraffen_kenmerken``).
"""

from __future__ import annotations

from .._registry import Source, Theme, Unit, register
from ._inputs import M, ZeroDivision
from ._shares import share_of_counts

_SECTION = "Bestraffen > Ontwikkelingen opsporing en vervolging"
_VERDICTS = Source(_SECTION, "Aantal uitspraken rechter in ondermijningszaken")
_SENTENCES = Source(_SECTION, "Aantal veroordelingen tot een vrijheidsstraf in ondermijningszaken")
_CUSTODIAL_TOTAL_CAVEAT = (
    "The report prints no total of custodial sentences per year; the total is the sum "
    "of the four duration classes."
)
_ALL_CUSTODIAL = "vrijheidsstraffen:aantal"
_ALL_VERDICTS = "uitspraken:aantal"


@register(
    label_nl="Aandeel vrijheidsstraffen",
    label_en="Share of guilty verdicts with a custodial sentence",
    definition_nl=(
        "Het aantal verdachten dat tot een vrijheidsstraf werd veroordeeld, als deel van "
        "het aantal verdachten dat schuldig werd bevonden in ondermijningszaken."
    ),
    definition_en=(
        "Suspects sentenced to a custodial sentence, as a share of the suspects found "
        "guilty in undermining cases."
    ),
    formula=r"\frac{\text{vrijheidsstraffen}}{\text{schuldig}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=_SENTENCES.quoting(
        "legde de rechter in 999 gevallen, ofwel in 81% een vrijheidsstraf op"
    ),
    caveats=(_CUSTODIAL_TOTAL_CAVEAT,),
    inputs={
        "vrijheidsstraffen": _ALL_CUSTODIAL,
        "schuldig": "uitspraken:aantal[uitkomst=schuldig]",
    },
)
def aandeel_vrijheidsstraffen(
    vrijheidsstraffen: M,
    schuldig: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of guilty verdicts that received a custodial sentence.

    Parameters
    ----------
    vrijheidsstraffen : float, array or Series
        Number of suspects sentenced to a custodial sentence (all duration classes).
    schuldig : float, array or Series
        Number of suspects found guilty; Series must cover the same years.
    zero_division : "raise" or float, default="raise"
        What to return where ``schuldig`` is 0: raise
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
        On a negative count, more custodial sentences than guilty verdicts, no
        guilty verdicts, or Series that cover different years.

    Notes
    -----
    Undefined when nobody was found guilty. Missing values (NaN) give NaN.

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_vrijheidsstraffen
    >>> aandeel_vrijheidsstraffen(999, 1238)
    0.8069...
    >>> import pandas as pd
    >>> jaar = pd.Index([2021, 2022], name="jaar")
    >>> aandeel_vrijheidsstraffen(
    ...     pd.Series([906, 999], index=jaar), pd.Series([1113, 1238], index=jaar)
    ... ).round(3)
    jaar
    2021    0.814
    2022    0.807
    Name: aandeel_vrijheidsstraffen, dtype: float64
    """
    return share_of_counts(
        "vrijheidsstraffen",
        vrijheidsstraffen,
        "schuldig",
        schuldig,
        zero_division=zero_division,
    )


@register(
    label_nl="Aandeel duurklasse",
    label_en="Share of a duration class in custodial sentences",
    definition_nl=(
        "Het aantal vrijheidsstraffen in één duurklasse (< 1 jaar, 1-2 jaar, 2-5 jaar, "
        "> 5 jaar) als deel van alle opgelegde vrijheidsstraffen van dat jaar."
    ),
    definition_en=(
        "Custodial sentences in one duration class (< 1 year, 1-2 years, 2-5 years, "
        "> 5 years) as a share of all custodial sentences of that year."
    ),
    formula=r"\frac{\text{in\_klasse}}{\text{vrijheidsstraffen}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=_SENTENCES,
    caveats=(
        _CUSTODIAL_TOTAL_CAVEAT,
        "The report does not say in which class a sentence of exactly 1, 2 or 5 years falls.",
    ),
    inputs={
        "in_klasse": "vrijheidsstraffen:aantal[duurklasse=*]",
        "vrijheidsstraffen": _ALL_CUSTODIAL,
    },
)
def aandeel_duurklasse(
    in_klasse: M,
    vrijheidsstraffen: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of one duration class in all custodial sentences.

    Parameters
    ----------
    in_klasse : float, array or Series
        Number of custodial sentences in the duration class. A 2-D array with one
        column per class gives the share of every class at once, with the whole as
        a column (``totals[:, None]``).
    vrijheidsstraffen : float, array or Series
        Number of custodial sentences of all classes together.
    zero_division : "raise" or float, default="raise"
        What to return where ``vrijheidsstraffen`` is 0 (see
        `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1]; the shares of the four classes of a year sum to 1.

    Notes
    -----
    Undefined when no custodial sentence was imposed.

    Examples
    --------
    The 2022 classes < 1, 1-2, 2-5 and > 5 years against the 999 sentences:

    >>> import numpy as np
    >>> from ondermijning_indicators.metrics import aandeel_duurklasse
    >>> aandeel_duurklasse(np.array([364, 170, 288, 177]), 999).round(3)
    array([0.364, 0.17 , 0.288, 0.177])
    """
    return share_of_counts(
        "in_klasse",
        in_klasse,
        "vrijheidsstraffen",
        vrijheidsstraffen,
        zero_division=zero_division,
    )


@register(
    label_nl="Aandeel vrijheidsstraffen langer dan 5 jaar",
    label_en="Share of custodial sentences over five years",
    definition_nl=(
        "Het aantal vrijheidsstraffen van meer dan 5 jaar als deel van alle opgelegde "
        "vrijheidsstraffen van dat jaar."
    ),
    definition_en=(
        "Custodial sentences of more than five years as a share of all custodial "
        "sentences of that year."
    ),
    formula=r"\frac{\text{meer\_dan\_5\_jaar}}{\text{vrijheidsstraffen}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=_SENTENCES.quoting(
        "Toen ging het bij ruim 10% van het aantal opgelegde vrijheidsstraffen om een duur van "
        "meer dan 5 jaar; in 2022 ging het om bijna 18%"
    ),
    caveats=(_CUSTODIAL_TOTAL_CAVEAT,),
    inputs={
        "meer_dan_5_jaar": "vrijheidsstraffen:aantal[duurklasse=meer_dan_5_jaar]",
        "vrijheidsstraffen": _ALL_CUSTODIAL,
    },
)
def aandeel_meer_dan_5_jaar(
    meer_dan_5_jaar: M,
    vrijheidsstraffen: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of custodial sentences longer than five years.

    Parameters
    ----------
    meer_dan_5_jaar : float, array or Series
        Number of custodial sentences in the class "> 5 jaar".
    vrijheidsstraffen : float, array or Series
        Number of custodial sentences of all classes together.
    zero_division : "raise" or float, default="raise"
        What to return where ``vrijheidsstraffen`` is 0 (see
        `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1].

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_meer_dan_5_jaar
    >>> aandeel_meer_dan_5_jaar(95, 906)  # 2021: "ruim 10%"
    0.1048...
    >>> aandeel_meer_dan_5_jaar(177, 999)  # 2022: "bijna 18%"
    0.1771...
    """
    return share_of_counts(
        "meer_dan_5_jaar",
        meer_dan_5_jaar,
        "vrijheidsstraffen",
        vrijheidsstraffen,
        zero_division=zero_division,
    )


@register(
    label_nl="Aandeel schuldig bevonden",
    label_en="Conviction rate",
    definition_nl=(
        "Het aantal verdachten dat schuldig werd bevonden als deel van alle uitspraken "
        "van de rechter in ondermijningszaken (schuldig, vrijspraak en overig)."
    ),
    definition_en=(
        "Suspects found guilty as a share of all court verdicts in undermining cases "
        "(guilty, acquitted and other outcomes)."
    ),
    formula=r"\frac{\text{schuldig}}{\text{uitspraken}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=_VERDICTS.quoting(
        "In 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis uit, waarbij 1.238 "
        "verdachten schuldig werden bevonden"
    ),
    caveats=(
        "The denominator includes 'overig' (other outcomes, e.g. a case declared "
        "inadmissible); a rate over guilty plus acquitted only would be higher.",
    ),
    inputs={"schuldig": "uitspraken:aantal[uitkomst=schuldig]", "uitspraken": _ALL_VERDICTS},
)
def aandeel_schuldig(
    schuldig: M,
    uitspraken: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Conviction rate: share of verdicts in which the suspect was found guilty.

    Parameters
    ----------
    schuldig : float, array or Series
        Number of suspects found guilty.
    uitspraken : float, array or Series
        Number of verdicts of every outcome (the table's "Totaal").
    zero_division : "raise" or float, default="raise"
        What to return where ``uitspraken`` is 0 (see `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1].

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_schuldig
    >>> aandeel_schuldig(1238, 1543)
    0.8023...
    """
    return share_of_counts(
        "schuldig",
        schuldig,
        "uitspraken",
        uitspraken,
        zero_division=zero_division,
    )


@register(
    label_nl="Aandeel vrijspraken",
    label_en="Acquittal rate",
    definition_nl=(
        "Het aantal verdachten dat werd vrijgesproken als deel van alle uitspraken van "
        "de rechter in ondermijningszaken."
    ),
    definition_en=("Suspects acquitted as a share of all court verdicts in undermining cases."),
    formula=r"\frac{\text{vrijspraak}}{\text{uitspraken}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=_VERDICTS.quoting("201 verdachten werden vrijgesproken"),
    caveats=("The denominator includes 'overig' (other outcomes).",),
    inputs={"vrijspraak": "uitspraken:aantal[uitkomst=vrijspraak]", "uitspraken": _ALL_VERDICTS},
)
def aandeel_vrijspraak(
    vrijspraak: M,
    uitspraken: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Acquittal rate: share of verdicts in which the suspect was acquitted.

    Parameters
    ----------
    vrijspraak : float, array or Series
        Number of suspects acquitted.
    uitspraken : float, array or Series
        Number of verdicts of every outcome.
    zero_division : "raise" or float, default="raise"
        What to return where ``uitspraken`` is 0 (see `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1].

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_vrijspraak
    >>> aandeel_vrijspraak(201, 1543)
    0.1302...
    """
    return share_of_counts(
        "vrijspraak",
        vrijspraak,
        "uitspraken",
        uitspraken,
        zero_division=zero_division,
    )


@register(
    label_nl="Aandeel vrijheidsstraffen met taakstraf",
    label_en="Share of custodial sentences combined with community service",
    definition_nl=(
        "Het aantal vrijheidsstraffen dat samen met een taakstraf werd opgelegd, als "
        "deel van alle opgelegde vrijheidsstraffen."
    ),
    definition_en=(
        "Custodial sentences imposed together with a community service order, as a "
        "share of all custodial sentences."
    ),
    formula=r"\frac{\text{met\_taakstraf}}{\text{vrijheidsstraffen}}",
    unit=Unit.SHARE,
    theme=Theme.BESTRAFFEN,
    source=Source(
        _SECTION,
        "Aantal veroordelingen tot een vrijheidsstraf (tekst)",
        quote="In 161 zaken was dat in combinatie met een taakstraf.",
    ),
    caveats=(_CUSTODIAL_TOTAL_CAVEAT,),
    inputs={
        "met_taakstraf": "vrijheidsstraffen_kenmerken:aantal[kenmerk=met_taakstraf]",
        "vrijheidsstraffen": _ALL_CUSTODIAL,
    },
)
def aandeel_met_taakstraf(
    met_taakstraf: M,
    vrijheidsstraffen: M | float,
    *,
    zero_division: ZeroDivision = "raise",
) -> M:
    r"""Share of custodial sentences combined with a taakstraf (community service).

    Parameters
    ----------
    met_taakstraf : float, array or Series
        Number of custodial sentences imposed together with a taakstraf.
    vrijheidsstraffen : float, array or Series
        Number of custodial sentences.
    zero_division : "raise" or float, default="raise"
        What to return where ``vrijheidsstraffen`` is 0 (see
        `aandeel_vrijheidsstraffen`).

    Returns
    -------
    float, ndarray or Series
        A share in [0, 1].

    Examples
    --------
    >>> from ondermijning_indicators.metrics import aandeel_met_taakstraf
    >>> aandeel_met_taakstraf(161, 999)
    0.1611...
    """
    return share_of_counts(
        "met_taakstraf",
        met_taakstraf,
        "vrijheidsstraffen",
        vrijheidsstraffen,
        zero_division=zero_division,
    )
