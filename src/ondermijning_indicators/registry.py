"""The metric catalogue: a typed metadata model and the decorator that fills it.

Every indicator of the report is a function in `ondermijning_indicators.metrics`
registered with `register`. The metadata given there is the single source the
CLI lists, the docs render and the published-figure records refer to.

The catalogue is filled once, when the metrics are imported, and only read
afterwards. Registration checks the metadata: an empty label, a missing unit or a
second metric under the same id fails at import, not as a blank documentation page.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import Any, TypeVar

import pandas as pd

from .errors import DuplicateMetricError, MetadataError

__all__ = [
    "MetricMeta",
    "Source",
    "Theme",
    "Unit",
    "get_metric",
    "iter_metrics",
    "list_metrics",
    "register",
]

F = TypeVar("F", bound=Callable[..., Any])


class Theme(enum.StrEnum):
    """The themes of the report, plus ``ALGEMEEN`` for metrics used across them."""

    VOORKOMEN = "Voorkomen"
    VERSTOREN = "Verstoren"
    BESTRAFFEN = "Bestraffen"
    BESCHERMEN = "Beschermen"
    FINANCIEEL_OVERZICHT = "Financieel overzicht"
    ALGEMEEN = "Algemeen"


class Unit(enum.StrEnum):
    """Units of metric results, each stating its scale."""

    SHARE = "share (0-1)"
    COUNT = "count"
    EUR = "EUR"
    EUR_THOUSAND = "EUR thousand"
    FTE = "FTE"
    KG = "kg"
    RELATIVE_CHANGE = "relative change (0.1 = +10%)"
    ATTAINMENT = "attainment (1.0 = target met)"
    FACTOR = "factor (2.0 = doubled)"
    RATE = "annual rate (0.1 = +10% a year)"
    EUR_PER_KG = "EUR per kg"
    SAME_AS_INPUT = "unit of the inputs"


@dataclass(frozen=True, slots=True)
class Source:
    """Where in the report a metric's inputs are printed.

    Parameters
    ----------
    section : str
        Section path in the report, outermost first, joined by `` > ``.
    table : str
        Caption of the table (or the sentence) that holds the inputs.
    """

    section: str
    table: str

    def __str__(self) -> str:
        return f"{self.section} — {self.table}"


@dataclass(frozen=True, slots=True)
class MetricMeta:
    """Metadata of one registered metric.

    Every text field must be non-empty; ``caveats`` may be an empty tuple, but
    must be given, so that "no caveats" is a statement and not an omission.
    """

    id: str
    label_nl: str
    label_en: str
    definition_nl: str
    definition_en: str
    formula: str
    unit: Unit
    theme: Theme
    source: Source
    caveats: tuple[str, ...]
    precision: int
    func: Callable[..., Any]

    def __post_init__(self) -> None:
        problems: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in {"unit", "theme"}:
                expected = Unit if f.name == "unit" else Theme
                if not isinstance(value, expected):
                    problems.append(f"{f.name} must be a {expected.__name__}, got {value!r}")
            elif f.name == "source":
                if not isinstance(value, Source) or not value.section or not value.table:
                    problems.append("source must be a Source with a section and a table")
            elif f.name == "caveats":
                if not isinstance(value, tuple) or not all(
                    isinstance(c, str) and c.strip() for c in value
                ):
                    problems.append("caveats must be a tuple of non-empty strings")
            elif f.name == "precision":
                if not isinstance(value, int) or value < 0:
                    problems.append(f"precision must be a non-negative int, got {value!r}")
            elif f.name == "func":
                if not callable(value):
                    problems.append("func must be callable")
            elif not isinstance(value, str) or not value.strip():
                problems.append(f"{f.name} is empty")
        if problems:
            raise MetadataError(
                f"metric {self.id!r} has incomplete metadata: " + "; ".join(problems)
            )


_CATALOGUE: dict[str, MetricMeta] = {}


def register(
    *,
    label_nl: str,
    label_en: str,
    definition_nl: str,
    definition_en: str,
    formula: str,
    unit: Unit,
    theme: Theme,
    source: Source,
    caveats: tuple[str, ...] = (),
    precision: int = 3,
) -> Callable[[F], F]:
    """Register a metric function with its metadata; return the function unchanged.

    The metric's id is the function's name, so the name a user imports and the id
    a record or the catalogue shows are the same.

    Raises
    ------
    MetadataError
        If a field is empty or of the wrong type, or the function has no docstring.
    DuplicateMetricError
        If a metric with the same id is already registered.

    Examples
    --------
    Metrics register themselves where they are defined; an incomplete record
    fails at once:

    >>> from ondermijning_indicators.registry import Source, Theme, Unit, register
    >>> @register(
    ...     label_nl="Aandeel",
    ...     label_en="",
    ...     definition_nl="Deel van het geheel.",
    ...     definition_en="Part of the whole.",
    ...     formula="a / b",
    ...     unit=Unit.SHARE,
    ...     theme=Theme.BESTRAFFEN,
    ...     source=Source("Bestraffen", "Tabel"),
    ... )
    ... def aandeel(a: float, b: float) -> float:
    ...     "Share of a in b."
    ...     return a / b
    Traceback (most recent call last):
    ...
    ondermijning_indicators.errors.MetadataError: metric 'aandeel' has incomplete metadata:
    label_en is empty
    """

    def decorator(func: F) -> F:
        metric_id = func.__name__
        if metric_id in _CATALOGUE:
            raise DuplicateMetricError(
                f"metric {metric_id!r} is registered twice "
                f"(in {_CATALOGUE[metric_id].func.__module__} and {func.__module__}); "
                "metric ids must be unique"
            )
        if not (func.__doc__ or "").strip():
            raise MetadataError(f"metric {metric_id!r} has no docstring")
        _CATALOGUE[metric_id] = MetricMeta(
            id=metric_id,
            label_nl=label_nl,
            label_en=label_en,
            definition_nl=definition_nl,
            definition_en=definition_en,
            formula=formula,
            unit=unit,
            theme=theme,
            source=source,
            caveats=caveats,
            precision=precision,
            func=func,
        )
        return func

    return decorator


def get_metric(metric_id: str) -> MetricMeta:
    """Return the metadata of the metric registered as ``metric_id``.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> oi.get_metric("aandeel_vrijheidsstraffen").unit
    <Unit.SHARE: 'share (0-1)'>
    """
    _load_catalogue()
    try:
        return _CATALOGUE[metric_id]
    except KeyError:
        known = ", ".join(sorted(_CATALOGUE))
        raise MetadataError(f"no metric {metric_id!r}; known metrics: {known}") from None


def iter_metrics() -> Iterator[MetricMeta]:
    """Iterate over the metadata of every registered metric, sorted by id.

    Examples
    --------
    >>> from ondermijning_indicators.registry import Unit, iter_metrics
    >>> [m.id for m in iter_metrics() if m.unit is Unit.RELATIVE_CHANGE]
    ['relatieve_verandering']
    """
    _load_catalogue()
    for key in sorted(_CATALOGUE):
        yield _CATALOGUE[key]


def list_metrics() -> pd.DataFrame:
    """Return the catalogue of metrics as a DataFrame, one row per metric.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> cat = oi.list_metrics()
    >>> cat.loc["aandeel_vrijheidsstraffen", "label_en"]
    'Share of guilty verdicts with a custodial sentence'
    >>> sorted(cat.columns)[:3]
    ['caveats', 'definition_en', 'definition_nl']
    """
    rows = [
        {
            "id": m.id,
            "label_nl": m.label_nl,
            "label_en": m.label_en,
            "theme": str(m.theme),
            "unit": str(m.unit),
            "formula": m.formula,
            "precision": m.precision,
            "source": str(m.source),
            "definition_nl": m.definition_nl,
            "definition_en": m.definition_en,
            "caveats": "; ".join(m.caveats),
        }
        for m in iter_metrics()
    ]
    return pd.DataFrame(rows).set_index("id")


def _load_catalogue() -> None:
    # The metrics register themselves when their module is imported.
    from . import metrics  # noqa: F401
