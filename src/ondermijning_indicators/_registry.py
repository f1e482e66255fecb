"""The metric catalogue: a typed metadata model and the decorator that fills it.

Every indicator of the report is a function in `ondermijning_indicators.metrics`
registered with `register`. The metadata given there is the single source the
CLI lists, the docs render and the published-figure records refer to, and that
includes the metric's table inputs (`Inputs`): which cells of which tables feed
which argument, in the selection grammar of the published-figure records
(``table:column[key=value,key=*]``). `ondermijning_indicators.compute` applies
every metric to the tables through that declaration alone, a record may name a
metric and the year it is about instead of its inputs, and the documentation
lists the declaration; a new metric is one function and its registration.

The catalogue is filled once, when the metrics are imported, and only read
afterwards. Registration checks the metadata: an empty label, a missing unit or a
second metric under the same id fails at import, not as a blank documentation page.

Each fact is stated once. The id is the function's name: `register` returns a thin
wrapper that makes the id `current_metric` for the duration of a call, so the helpers
name the metric in their messages without the metric body spelling it. The formula and
the source are the metadata's: `register` writes them into the docstring (the Notes'
first paragraph and the References section), so that ``help()``, the doctests and the
API reference show them, and the source files do not repeat them.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, TypeVar, cast

import pandas as pd

from ._selection import Selection
from ._units import Unit
from .errors import DuplicateMetricError, MetadataError, SelectionError

__all__ = [
    "REPORT",
    "Application",
    "Inputs",
    "MetricMeta",
    "Source",
    "Theme",
    "Unit",
    "current_metric",
    "get_metric",
    "iter_metrics",
    "list_metrics",
    "naming",
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


@dataclass(frozen=True, slots=True)
class Source:
    """Where in the report a metric's inputs are printed.

    Parameters
    ----------
    section : str
        Section path in the report, outermost first, joined by `` > ``.
    table : str
        Caption of the table (or the sentence) that holds the inputs.
    quote : str, optional
        The report's own words that give the metric's figures (verbatim, but for the
        line breaks of the report's text; ``[...]`` marks a cut). The References
        section of the metric's docstring quotes them; see `Source.quoting`.
    """

    section: str
    table: str
    quote: str = ""

    def __str__(self) -> str:
        return f"{self.section} — {self.table}"

    def quoting(self, words: str) -> Source:
        """Return this source with the report's own words for one metric.

        Examples
        --------
        >>> from ondermijning_indicators import Source
        >>> Source("Bestraffen", "Tabel").quoting("in 81% een vrijheidsstraf").quote
        'in 81% een vrijheidsstraf'
        """
        return replace(self, quote=words)


REPORT = "Voortgangsrapportage georganiseerde, ondermijnende criminaliteit (June 2023)"
"""The report every `Source` is in, as the References of the metrics cite it."""

_METRIC: ContextVar[str] = ContextVar("ondermijning_indicators.metric")
"""The id of the registered metric being called (set by `register`'s wrapper)."""


def current_metric(default: str = "metric") -> str:
    """Return the id of the registered metric being called, else ``default``.

    The metrics and their helpers name the metric in their messages with it, and a
    Series result is named after it; a helper passes its own name as ``default``, so
    that called outside a metric it names itself.

    Examples
    --------
    >>> from ondermijning_indicators._registry import current_metric, naming
    >>> current_metric("align")
    'align'
    >>> with naming("aandeel_schuldig"):
    ...     current_metric("align")
    'aandeel_schuldig'
    """
    return _METRIC.get(default)


@contextmanager
def naming(metric_id: str) -> Iterator[None]:
    """Make ``metric_id`` the `current_metric` inside the ``with`` block.

    A registered metric does this itself; this is for calling a helper of the metrics
    on its own, e.g. in a test, under a name of one's choice.
    """
    token = _METRIC.set(metric_id)
    try:
        yield
    finally:
        _METRIC.reset(token)


class Application(enum.StrEnum):
    """How `ondermijning_indicators.compute` applies a metric to its declared inputs.

    ``per_period``
        Each data argument is a selection; the metric is called on one value per period
        (and per category, for ``key=*``) of every argument at once. Periods that one
        argument lacks are reported, not computed.
    ``consecutive``
        The metric takes ``(previous, current)``; each declared series gives every pair
        of consecutive years.
    ``span``
        The metric takes ``(begin, end)``: the first and the last period of each declared
        series. Keyword arguments named ``begin_jaar``/``eind_jaar`` get the two years,
        ``jaren`` the years between them.
    ``series``
        The metric takes the whole series of each declared selection over its years, as
        a DataFrame with one row per category and one column per year (missing cells
        empty), and returns one value per row or a frame of the same form.
    """

    PER_PERIOD = "per_period"
    CONSECUTIVE = "consecutive"
    SPAN = "span"
    SERIES = "series"


@dataclass(frozen=True)
class Inputs:
    """A metric's table inputs, declared once at its registration.

    Attributes
    ----------
    application : Application
        How compute applies the metric (see `Application`).
    arguments : mapping of str to Selection
        For ``per_period``: each data argument and the cells that feed it.
    series : tuple of Selection
        For the other applications: the series the metric is applied to.
    fixed : mapping of str to float
        Arguments compute passes as they are (e.g. ``jaren_na=10`` for a projection
        fully grown).
    """

    application: Application
    arguments: Mapping[str, Selection] = field(default_factory=dict)
    series: tuple[Selection, ...] = ()
    fixed: Mapping[str, float] = field(default_factory=dict)

    @property
    def selections(self) -> tuple[Selection, ...]:
        """Every declared selection, arguments first."""
        return (*self.arguments.values(), *self.series)

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables the metric reads, in the order declared, each once."""
        return tuple(dict.fromkeys(s.table for s in self.selections))

    def describe(self) -> str:
        """Return the declaration in words, e.g. for the documentation.

        Examples
        --------
        >>> import ondermijning_indicators as oi
        >>> print(oi.get_metric("aandeel_meer_dan_5_jaar").inputs.describe())
        per period: meer_dan_5_jaar = vrijheidsstraffen:aantal[duurklasse=meer_dan_5_jaar];
        vrijheidsstraffen = vrijheidsstraffen:aantal
        """
        if self.application is Application.PER_PERIOD:
            parts = [f"{k} = {v}" for k, v in self.arguments.items()]
        else:
            parts = [str(s) for s in self.series]
        parts += [f"{k} = {v:g}" for k, v in self.fixed.items()]
        return f"{self.application.value.replace('_', ' ')}: " + "; ".join(parts)


def _inputs(
    metric_id: str,
    func: Callable[..., Any],
    inputs: Mapping[str, str] | Sequence[str] | None,
    application: Application,
    fixed: Mapping[str, float] | None,
    not_from_tables: str | None,
) -> Inputs | None:
    """Check and build a metric's input declaration; None for a metric not from tables."""
    if (inputs is None) == (not_from_tables is None):
        raise MetadataError(
            f"metric {metric_id!r}: give exactly one of inputs (the table cells it is "
            "computed from) and not_from_tables (why no table feeds it)"
        )
    if inputs is None:
        if not str(not_from_tables).strip():
            raise MetadataError(f"metric {metric_id!r}: not_from_tables is empty")
        return None
    fixed = dict(fixed or {})
    params = inspect.signature(func).parameters
    unknown = set(fixed) - set(params)
    if unknown:
        raise MetadataError(
            f"metric {metric_id!r}: fixed names {sorted(unknown)}, which are not arguments"
        )
    try:
        if application is Application.PER_PERIOD:
            if not isinstance(inputs, Mapping) or not inputs:
                raise MetadataError(
                    f"metric {metric_id!r}: per-period inputs are a mapping of argument to "
                    'selection, e.g. {"schuldig": "uitspraken:aantal[uitkomst=schuldig]"}'
                )
            arguments = {str(k): Selection.parse(v) for k, v in inputs.items()}
            data = [
                n
                for n, p in params.items()
                if p.kind is not inspect.Parameter.KEYWORD_ONLY and n not in fixed
            ]
            if sorted(arguments) != sorted(data):
                raise MetadataError(
                    f"metric {metric_id!r}: inputs give {sorted(arguments)}, but its data "
                    f"arguments are {sorted(data)}"
                )
            return Inputs(application, arguments=MappingProxyType(arguments), fixed=fixed)
        if isinstance(inputs, Mapping | str) or not inputs:
            raise MetadataError(
                f"metric {metric_id!r}: {application.value} inputs are a list of selections"
            )
        series = tuple(Selection.parse(t) for t in inputs)
    except SelectionError as exc:
        raise MetadataError(f"metric {metric_id!r}: {exc}") from None
    return Inputs(application, series=series, fixed=fixed)


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
    inputs: Inputs | None = None
    """The table inputs; None for a metric that no table feeds (see ``not_from_tables``)."""
    not_from_tables: str | None = None
    """Why no table feeds the metric, for a metric without inputs."""

    def __post_init__(self) -> None:
        problems: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in {"unit", "theme"}:
                expected = Unit if f.name == "unit" else Theme
                if not isinstance(value, expected):
                    problems.append(f"{f.name} must be a {expected.__name__}, got {value!r}")
            elif f.name == "source":
                if (
                    not isinstance(value, Source)
                    or not value.section
                    or not value.table
                    or not isinstance(value.quote, str)
                ):
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
            elif f.name in {"inputs", "not_from_tables"}:
                continue
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
    inputs: Mapping[str, str] | Sequence[str] | None = None,
    application: Application = Application.PER_PERIOD,
    fixed: Mapping[str, float] | None = None,
    not_from_tables: str | None = None,
) -> Callable[[F], F]:
    """Register a metric function with its metadata; return the metric to export.

    The metric's id is the function's name, so the name a user imports and the id
    a record or the catalogue shows are the same. What ``register`` returns is a thin
    wrapper of the function (`functools.wraps`: the same name, signature and module)
    that makes the id the `current_metric` while it runs, for the messages of the
    helpers, and whose docstring is the function's with the formula and the source
    written in from the metadata: the formula as the first paragraph of the Notes, the
    source (and its quote) as the References section, both before the Examples. The
    function's own docstring states neither and has no References section.

    ``inputs`` declares the table cells the metric is computed from, in the selection
    grammar of the published-figure records: for ``application=per_period`` a mapping
    of each data argument to a selection (``"uitspraken:aantal[uitkomst=schuldig]"``,
    with ``key=*`` for one result per category), for the other applications a list of
    series. A metric that no table feeds gives ``not_from_tables`` (why) instead.
    Caveats are the metric's own, true of every value it gives; a caveat about one
    edition's data belongs in that edition's catalogue, scoped to its cells.

    Raises
    ------
    MetadataError
        If a field is empty or of the wrong type, the function has no docstring or one
        with a References section, or the inputs do not match its arguments.
    DuplicateMetricError
        If a metric with the same id is already registered.

    Examples
    --------
    Metrics register themselves where they are defined; an incomplete record
    fails at once:

    >>> from ondermijning_indicators._registry import Source, Theme, Unit, register
    >>> @register(
    ...     label_nl="Aandeel",
    ...     label_en="",
    ...     definition_nl="Deel van het geheel.",
    ...     definition_en="Part of the whole.",
    ...     formula="a / b",
    ...     unit=Unit.SHARE,
    ...     theme=Theme.BESTRAFFEN,
    ...     source=Source("Bestraffen", "Tabel"),
    ...     not_from_tables="an example",
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
        if "References" in _sections(inspect.cleandoc(func.__doc__ or ""))[1]:
            raise MetadataError(
                f"metric {metric_id!r}: its docstring has a References section; register "
                "writes it from source= (the report's words go in Source.quote)"
            )
        declared = _inputs(metric_id, func, inputs, application, fixed, not_from_tables)

        @functools.wraps(func)
        def metric(*args: Any, **kwargs: Any) -> Any:
            token = _METRIC.set(metric_id)
            try:
                return func(*args, **kwargs)
            finally:
                _METRIC.reset(token)

        meta = MetricMeta(
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
            func=metric,
            inputs=declared,
            not_from_tables=not_from_tables,
        )
        metric.__doc__ = _document(func.__doc__ or "", formula, source)
        _CATALOGUE[metric_id] = meta
        return cast(F, metric)

    return decorator


_HEADER = re.compile(r"^(?P<title>[A-Z][A-Za-z ]*)\n(?P<rule>-+)$", flags=re.MULTILINE)
_ORDER = (
    "Parameters",
    "Attributes",
    "Returns",
    "Yields",
    "Receives",
    "Other Parameters",
    "Raises",
    "Warns",
    "Warnings",
    "See Also",
    "Notes",
    "References",
    "Examples",
)
"""The numpydoc sections in their order."""


def _sections(doc: str) -> tuple[str, dict[str, str]]:
    """Split a cleaned numpydoc docstring into its text before the sections and the sections."""
    heads = [m for m in _HEADER.finditer(doc) if len(m["rule"]) == len(m["title"])]
    ends = [m.start() for m in heads[1:]] + [len(doc)]
    bodies = {
        m["title"]: doc[m.end() : end].strip("\n") for m, end in zip(heads, ends, strict=False)
    }
    return doc[: heads[0].start() if heads else len(doc)].rstrip(), bodies


def _document(doc: str, formula: str, source: Source) -> str:
    """Return a metric's docstring with its formula and source written in.

    The formula opens the Notes (the function's own notes follow it), the source is the
    References section; both go before the sections numpydoc puts after them (Examples).
    """
    intro, bodies = _sections(inspect.cleandoc(doc))
    notes = f"\\({formula}\\)"
    if bodies.get("Notes"):
        notes += "\n\n" + bodies["Notes"]
    cited = f"{REPORT},\n{source}" + (f':\n"{source.quote}"' if source.quote else ".")
    written = {**bodies, "Notes": notes, "References": cited}
    rank = {title: i for i, title in enumerate(_ORDER)}
    titles = sorted(written, key=lambda t: rank.get(t, rank["Notes"] - 1))
    parts = [intro] + [f"{t}\n{'-' * len(t)}\n{written[t]}" for t in titles]
    return "\n\n".join(parts) + "\n"


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
    >>> from ondermijning_indicators._registry import Unit, iter_metrics
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
            "inputs": m.inputs.describe() if m.inputs else f"not from tables: {m.not_from_tables}",
            "caveats": "; ".join(m.caveats),
        }
        for m in iter_metrics()
    ]
    return pd.DataFrame(rows).set_index("id")


def _load_catalogue() -> None:
    # The metrics register themselves when their module is imported.
    from . import metrics  # noqa: F401
