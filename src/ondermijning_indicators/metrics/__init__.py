"""Indicator functions of the report: pure, vectorised, registered.

Every function takes counts or amounts as scalars, numpy arrays or pandas Series
indexed by year (``jaar``) and returns a float, an array or a Series of the same
kind. None of them reads files, keeps state or changes its arguments. Their
metadata (labels, definitions, formula, unit, source, caveats) is in the
catalogue: `ondermijning_indicators.list_metrics`.
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
from ._financieel import (
    aandeel_besteding,
    aandeel_structureel_van_piek,
    bedrag_in_euro,
    totaal_over_periode,
    verhouding_incidenteel_structureel,
)
from ._groei import (
    FteGroei,
    aangevuld_traject,
    fte_groei,
    groeifactor,
    jaarlijkse_groei,
    traject,
)
from ._verstoren import (
    aandeel_drugsvangst,
    beslag_realisatie,
    beslag_tekort,
    na_ijl_projectie,
    waarde_per_kilo,
    zonder_uitschieter,
)

__all__ = [
    "FteGroei",
    "aandeel_besteding",
    "aandeel_drugsvangst",
    "aandeel_duurklasse",
    "aandeel_meer_dan_5_jaar",
    "aandeel_met_taakstraf",
    "aandeel_schuldig",
    "aandeel_structureel_van_piek",
    "aandeel_vrijheidsstraffen",
    "aandeel_vrijspraak",
    "aangevuld_traject",
    "bedrag_in_euro",
    "beslag_realisatie",
    "beslag_tekort",
    "fte_groei",
    "groeifactor",
    "jaarlijkse_groei",
    "na_ijl_projectie",
    "relatieve_verandering",
    "totaal_over_periode",
    "traject",
    "verandering",
    "verhouding_incidenteel_structureel",
    "waarde_per_kilo",
    "zonder_uitschieter",
]
