"""Schemas of the tables of the *Verstoren* section: seizures, targets, drug seizures.

Seizure types, parties, ports and drugs are open categories: a new edition may name
one the 2023 report did not, and it is accepted as long as it is a code. A national
total that a producer publishes (all Dutch ports together) is not a port: it has a
table of its own, ``drugsvangsten_nationaal``, so that it is never summed into the
ports.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._notation import QUALIFIERS
from ._build import column, frame_check, open_category, schema

_JAAR: dict[str, Any] = {"ge": 1990, "le": 2100, "title": "Jaar", "description": "Calendar year."}

KWALIFICATIE = column(
    str,
    nullable=True,
    isin=QUALIFIERS,
    title="Kwalificatie",
    description=(
        "The word the number is printed with, when it is a bound or an approximation: "
        + ", ".join(QUALIFIERS)
        + " ('ruim 246 miljoen' is 246000000 with kwalificatie ruim). Empty for a number "
        "printed as it is. Checks of a printed phrase against the cell honour it."
    ),
    required=False,
)
"""The optional qualifier column of the tables whose numbers the text prints as bounds."""

_NATIONAL = (
    "is a national total, not a port: put the figures of all ports together in the table "
    "drugsvangsten_nationaal"
)
"""The sentence after the value ('totaal' is a national total, ...)."""


@frame_check(error="a seizure type (soort) cannot exceed the total (soort totaal) of the year")
def part_within_total(df: pd.DataFrame) -> pd.Series:
    totals = df[df["soort"] == "totaal"].set_index("jaar")["bedrag_eur"]
    total_of_year = df["jaar"].map(totals)
    return (df["soort"] == "totaal") | total_of_year.isna() | (df["bedrag_eur"] <= total_of_year)


Beslag = schema(
    "beslag",
    {
        "jaar": column(int, **_JAAR),
        "soort": open_category(
            title="Soort",
            description=(
                "totaal (all seizures of the year), or a kind of asset seized that is part "
                "of it, as a code: digitaal (digital, crypto assets), or one a new edition "
                "names."
            ),
        ),
        "bedrag_eur": column(
            float,
            ge=0,
            title="Bedrag (EUR)",
            description="Amount seized, in euro, without the lag effect.",
        ),
        "kwalificatie": KWALIFICATIE,
    },
    checks=[part_within_total],
    unique=["jaar", "soort"],
    time="jaar",
    description=(
        "Criminal assets seized per year (beslag), in euro: the total, and kinds of assets "
        "that are part of it (digitaal)."
    ),
)

BeslagDoelstellingen = schema(
    "beslag_doelstellingen",
    {
        "jaar": column(int, **_JAAR),
        "partij": open_category(
            title="Partij",
            description=(
                "totaal (the overall seizure target of the year, all parties together), or "
                "the party whose own target it is, as a code: politie (the police "
                "trajectory of the Veiligheidsagenda), or one a new edition names."
            ),
        ),
        "bedrag_eur": column(
            float, gt=0, title="Doelstelling (EUR)", description="Target amount, in euro."
        ),
        "kwalificatie": KWALIFICATIE,
    },
    unique=["jaar", "partij"],
    time="jaar",
    description=(
        "Targets for the amount seized, per year and party, in euro, as supplied: a year "
        "without a row has no target (a trajectory between targets is computed, not stored)."
    ),
)

Drugsvangsten = schema(
    "drugsvangsten",
    {
        "jaar": column(int, **_JAAR),
        "haven": open_category(
            title="Haven",
            description=(
                "Port, as a code: rotterdam, vlissingen, noordzeekanaalgebied (NZKG), or one "
                "a new edition names."
            ),
            reserved=dict.fromkeys(("totaal", "nederland"), _NATIONAL),
        ),
        "drug": open_category(
            title="Drug",
            description="The drug intercepted, as a code: cocaine, or one a new edition names.",
        ),
        "kg": column(float, ge=0, title="Kilo", description="Kilos intercepted."),
        "kwalificatie": KWALIFICATIE,
    },
    unique=["jaar", "haven", "drug"],
    time="jaar",
    description="Drugs intercepted per year, port and drug, in kilos.",
)

DrugsvangstenNationaal = schema(
    "drugsvangsten_nationaal",
    {
        "jaar": column(int, **_JAAR),
        "drug": open_category(title="Drug", description="The drug intercepted, as a code."),
        "kg": column(
            float,
            ge=0,
            title="Kilo (nationaal)",
            description=(
                "Kilos intercepted in the whole country (all ports, as the producer, e.g. "
                "the Douane, publishes it): at least the sum of the ports in drugsvangsten."
            ),
        ),
        "kwalificatie": KWALIFICATIE,
    },
    unique=["jaar", "drug"],
    time="jaar",
    description=(
        "The national total of drug seizures per year and drug, as published; kept apart "
        "from the ports so that it is never added to them. The audit checks that it is at "
        "least the sum of the ports of the same year and drug."
    ),
)
