"""Indicator functions of the report: pure, vectorised, registered.

Every function takes counts or amounts as scalars, numpy arrays or pandas Series
indexed by year (``jaar``) and returns a float, an array or a Series of the same
kind. None of them reads files, keeps state or changes its arguments. Their
metadata (labels, definitions, formula, unit, source, caveats) is in the
catalogue: :func:`ondermijning_indicators.list_metrics`.
"""

from ._bestraffen import (
    aandeel_duurklasse,
    aandeel_meer_dan_5_jaar,
    aandeel_met_taakstraf,
    aandeel_schuldig,
    aandeel_vrijheidsstraffen,
    aandeel_vrijspraak,
)
from ._change import relatieve_verandering, verandering

__all__ = [
    "aandeel_duurklasse",
    "aandeel_meer_dan_5_jaar",
    "aandeel_met_taakstraf",
    "aandeel_schuldig",
    "aandeel_vrijheidsstraffen",
    "aandeel_vrijspraak",
    "relatieve_verandering",
    "verandering",
]
