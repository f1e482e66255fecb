"""The record schemas: columns, value domains and the rules a record must keep.

One definition serves every backend: each rule is a narwhals expression that is
true for a valid row, so the same rule validates pandas, Polars, PyArrow, DuckDB,
Dask and Spark data, and builds the pandera schema (`verdict_schema`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import narwhals as nw

from ..schemas import DUURKLASSEN, KENMERKEN, UITKOMSTEN

__all__ = [
    "ARRONDISSEMENTEN",
    "CLASS_BOUNDS_MONTHS",
    "COUNTING_RULES",
    "DELICTGROEPEN",
    "DRUGS_PRODUCTIE_EN_HANDEL",
    "DUURKLASSEN",
    "KENMERKEN",
    "KENMERK_BOUNDS_MONTHS",
    "MAX_DUUR_MAANDEN",
    "SEIZURE_COLUMNS",
    "SEIZURE_RULES",
    "SOORTEN_BESLAG",
    "UITKOMSTEN",
    "VERDICT_COLUMNS",
    "VERDICT_RULES",
    "RecordColumn",
    "RecordRule",
]

DELICTGROEPEN = (
    "drugs_productie_en_handel",
    "drugs_overig",
    "witwassen",
    "wapens",
    "geweld",
    "vermogen",
    "overig",
)
"""Offence groups of a verdict record; the first is the report's "productie en handel in drugs"."""

DRUGS_PRODUCTIE_EN_HANDEL = DELICTGROEPEN[0]

ARRONDISSEMENTEN = (
    "Amsterdam",
    "Den Haag",
    "Gelderland",
    "Limburg",
    "Midden-Nederland",
    "Noord-Holland",
    "Noord-Nederland",
    "Oost-Brabant",
    "Overijssel",
    "Rotterdam",
    "Zeeland-West-Brabant",
)
"""The eleven court districts (arrondissementen) of the Netherlands since 2013."""

SOORTEN_BESLAG = ("digitaal", "overig")
"""Kinds of seized object: digital assets (crypto and the like) and everything else."""

MAX_DUUR_MAANDEN = 360.0
"""The longest determinate custodial sentence, 30 years (article 10 Wetboek van Strafrecht)."""

CLASS_BOUNDS_MONTHS: dict[str, tuple[float, float, bool]] = {
    "minder_dan_1_jaar": (0.0, 12.0, False),
    "1_tot_2_jaar": (12.0, 24.0, False),
    "2_tot_5_jaar": (24.0, 60.0, True),
    "meer_dan_5_jaar": (60.0, math.inf, True),
}
"""Duration class -> (lower bound, upper bound, upper bound included), in months.

Every lower bound is included: exactly 12 months is ``1_tot_2_jaar``, exactly 24
is ``2_tot_5_jaar``; exactly 60 (five years) is still ``2_tot_5_jaar``, because
"> 5 jaar" means more than five years. A life sentence (``inf``) is ``meer_dan_5_jaar``.
"""

KENMERK_BOUNDS_MONTHS: dict[str, tuple[float, float]] = {
    "duur_10_tot_20_jaar": (120.0, 240.0),
    "duur_30_jaar": (360.0, 360.0),
}
"""Durations the text counts ("een straf van 10 tot 20 jaar", "van 30 jaar"), in months,
both bounds included; both lie within ``meer_dan_5_jaar``."""

RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "verdicts": ("uitspraken", "vrijheidsstraffen", "vrijheidsstraffen_kenmerken"),
    "seizures": ("beslag",),
}
"""The report's tables each kind of record is counted into (aggregate_verdicts,
aggregate_seizures); a metric whose declared inputs read one of them can be computed
from records."""

COUNTING_RULES: dict[str, tuple[str, ...]] = {
    "verdicts": (
        "Guilty is uitkomst = schuldig; every verdict counts once in uitspraken, by its "
        "outcome (schuldig, vrijspraak, or overig for every other outcome).",
        "A custodial sentence is a guilty verdict with vrijheidsstraf; combined with a "
        "taakstraf it counts once in vrijheidsstraffen and also as met_taakstraf. A "
        "taakstraf without a custodial sentence counts in neither.",
        "A custodial sentence falls in the duration class whose bounds hold its "
        "duur_maanden (CLASS_BOUNDS_MONTHS: exactly 12 months is 1-2 jaar, exactly 60 is "
        "still 2-5 jaar); the text's 10-20 and 30 years are counted by "
        "KENMERK_BOUNDS_MONTHS.",
        "A custodial sentence without a duration is an error, never a class.",
        "drugs_productie_en_handel counts custodial sentences whose delictgroep is "
        "drugs_productie_en_handel.",
    ),
    "seizures": (
        "beslag holds, per year, the sum of waarde_eur over all seized objects (totaal) and "
        "over the digital ones (digitaal).",
    ),
}
"""The counting rules in words: how records become the report's tables."""

Kind = Literal["integer", "number", "boolean", "text"]


@dataclass(frozen=True)
class RecordColumn:
    """One column of a record schema.

    Attributes
    ----------
    name : str
        Column name.
    kind : {"integer", "number", "boolean", "text"}
        What the column holds; text may be stored as strings or categoricals.
    nullable : bool
        Whether an empty value is allowed.
    description : str
        What the column means, in words.
    allowed : tuple of str, optional
        The values a text column may take.
    """

    name: str
    kind: Kind
    nullable: bool
    description: str
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RecordRule:
    """One rule a valid record keeps.

    Attributes
    ----------
    name : str
        Identifier of the rule.
    columns : tuple of str
        The columns it reads.
    description : str
        The rule in words, as a failure message shows it.
    valid : callable
        Returns a narwhals expression that is true for a row that keeps the rule
        (an empty value counts as kept; emptiness has rules of its own).
    """

    name: str
    columns: tuple[str, ...]
    description: str
    valid: Callable[[], Any]

    count: Callable[[], Any] | None = None
    """Optional cheaper expression for the number of rows that break the rule."""
    about_emptiness: bool = False
    """The rule is about empty values (so empty values are not exempt from it)."""

    def failing(self, with_nulls: frozenset[str] | None = None) -> Any:
        """Narwhals expression: true for a row that breaks the rule.

        A row with an empty value in a column the rule reads (other than the
        duration, which may be empty) keeps the rule: emptiness has rules of its own,
        and each problem is reported once, the same way on every backend.
        ``with_nulls``, when known, names the columns that hold empty values at all;
        the others need no guard.
        """
        broken = (~self.valid()).fill_null(value=False)
        if self.about_emptiness:
            return broken
        for column in self.columns:
            if column not in _MAY_BE_EMPTY and (with_nulls is None or column in with_nulls):
                broken = broken & ~nw.col(column).is_null()
        return broken

    def failing_count(self, with_nulls: frozenset[str] | None = None) -> Any:
        """Narwhals aggregation: the number of rows that break the rule."""
        if self.count is not None:
            return self.count().cast(nw.Int64())
        return self.failing(with_nulls).cast(nw.Int64()).sum()


VERDICT_COLUMNS = (
    RecordColumn("jaar", "integer", False, "Year of the verdict (uitspraak) in first instance."),
    RecordColumn(
        "uitkomst",
        "text",
        False,
        "Outcome: schuldig (guilty, with or without a sentence), vrijspraak (acquittal) or "
        "overig (every other outcome: dismissal, discharge from prosecution, joinder).",
        UITKOMSTEN,
    ),
    RecordColumn(
        "vrijheidsstraf",
        "boolean",
        False,
        "The verdict imposes a custodial sentence (vrijheidsstraf).",
    ),
    RecordColumn(
        "taakstraf",
        "boolean",
        False,
        "The verdict imposes a community service order (taakstraf), alone or with a "
        "custodial sentence.",
    ),
    RecordColumn(
        "duur_maanden",
        "number",
        True,
        "Length of the custodial sentence imposed, in months (days / 30.4375); empty "
        "without a custodial sentence; infinite for a life sentence (levenslang).",
    ),
    RecordColumn(
        "delictgroep",
        "text",
        False,
        "Offence group of the most serious offence; drugs_productie_en_handel is the "
        "report's 'productie en handel in drugs'.",
        DELICTGROEPEN,
    ),
    RecordColumn("arrondissement", "text", False, "Court district.", ARRONDISSEMENTEN),
)
"""Columns of a verdict record: one row per suspect and verdict."""

SEIZURE_COLUMNS = (
    RecordColumn("jaar", "integer", False, "Year the object was seized (beslag gelegd)."),
    RecordColumn(
        "soort",
        "text",
        False,
        "digitaal for crypto currency and other digital assets, else overig.",
        SOORTEN_BESLAG,
    ),
    RecordColumn(
        "waarde_eur",
        "number",
        False,
        "Value in euro at registration of the seizure (before the lag effect).",
    ),
)
"""Columns of a seizure record: one row per seized object."""


_MAY_BE_EMPTY = frozenset({"duur_maanden"})


def _is_guilty() -> Any:
    return nw.col("uitkomst") == "schuldig"


def _duration() -> Any:
    return nw.col("duur_maanden")


def has_duration() -> Any:
    """Narwhals expression: the record has a duration (neither null nor NaN)."""
    # NaN (pandas' empty float) and null are both "no duration".
    return ~(_duration().is_null() | _duration().is_nan()).fill_null(value=True)


def _domain(column: RecordColumn) -> RecordRule:
    assert column.allowed is not None
    return RecordRule(
        f"{column.name}_bekend",
        (column.name,),
        f"{column.name} is one of {', '.join(column.allowed)}",
        lambda: nw.col(column.name).is_in(list(column.allowed or ())),
    )


def _not_empty(column: RecordColumn) -> RecordRule:
    def valid() -> Any:
        expr = nw.col(column.name).is_null()
        if column.kind == "number":
            expr = expr | nw.col(column.name).is_nan().fill_null(value=True)
        return ~expr

    # Outside numbers (where NaN is empty too), nulls are counted by the engine's
    # null count, which columnar engines keep as metadata.
    count = None if column.kind == "number" else (lambda: nw.col(column.name).null_count())
    return RecordRule(
        f"{column.name}_ingevuld",
        (column.name,),
        f"{column.name} is not empty",
        valid,
        count,
        about_emptiness=True,
    )


def _year_rule() -> RecordRule:
    return RecordRule(
        "jaar_plausibel",
        ("jaar",),
        "jaar is a year between 1900 and 2100",
        lambda: (nw.col("jaar") >= 1900) & (nw.col("jaar") <= 2100),
    )


def _rules(columns: tuple[RecordColumn, ...], *extra: RecordRule) -> tuple[RecordRule, ...]:
    empty = [_not_empty(c) for c in columns if not c.nullable]
    domains = [_domain(c) for c in columns if c.allowed is not None]
    return (*empty, _year_rule(), *domains, *extra)


VERDICT_RULES = _rules(
    VERDICT_COLUMNS,
    RecordRule(
        "duur_in_bereik",
        ("duur_maanden",),
        f"duur_maanden is above 0 and at most {MAX_DUUR_MAANDEN:g} (30 years), or infinite "
        "for a life sentence",
        lambda: (
            ((_duration() > 0) & (_duration() <= MAX_DUUR_MAANDEN))
            | (_duration() == math.inf)
            | ~has_duration()
        ),
    ),
    RecordRule(
        "vrijheidsstraf_alleen_bij_schuldig",
        ("uitkomst", "vrijheidsstraf"),
        "a custodial sentence (vrijheidsstraf) is imposed only with a guilty verdict",
        lambda: ~nw.col("vrijheidsstraf") | _is_guilty(),
    ),
    RecordRule(
        "taakstraf_alleen_bij_schuldig",
        ("uitkomst", "taakstraf"),
        "a taakstraf is imposed only with a guilty verdict",
        lambda: ~nw.col("taakstraf") | _is_guilty(),
    ),
    RecordRule(
        "vrijheidsstraf_heeft_duur",
        ("vrijheidsstraf", "duur_maanden"),
        "a custodial sentence has a duration (duur_maanden); a missing duration is not a class",
        lambda: ~nw.col("vrijheidsstraf") | has_duration(),
    ),
    RecordRule(
        "duur_alleen_bij_vrijheidsstraf",
        ("vrijheidsstraf", "duur_maanden"),
        "a duration is given only with a custodial sentence",
        lambda: nw.col("vrijheidsstraf") | ~has_duration(),
    ),
)
"""Rules of a verdict record, each a narwhals expression true for a valid row."""

SEIZURE_RULES = _rules(
    SEIZURE_COLUMNS,
    RecordRule(
        "waarde_niet_negatief",
        ("waarde_eur",),
        "waarde_eur is a finite amount of at least 0 euro",
        lambda: (
            ((nw.col("waarde_eur") >= 0) & nw.col("waarde_eur").is_finite())
            | nw.col("waarde_eur").is_nan()
        ),
    ),
)
"""Rules of a seizure record, each a narwhals expression true for a valid row."""
