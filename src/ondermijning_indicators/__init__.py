"""Indicators of the Dutch progress report on organised, undermining crime.

``ondermijning-indicators`` turns the *Voortgangsrapportage georganiseerde,
ondermijnende criminaliteit* into code: every indicator a typed, pure,
documented function (`ondermijning_indicators.metrics`), every table
validated data (`load_sample`), every published figure reproduced and
checked (`reproduce`), every edition data (`list_editions`, `load_edition`): the
June 2023 edition is bundled, and the next is a folder of the same form.

Examples
--------
>>> import ondermijning_indicators as oi
>>> oi.metrics.aandeel_vrijheidsstraffen(999, 1238)
0.8069...
"""

from typing import TYPE_CHECKING, Any

from . import errors, metrics, schemas
from ._audit import audit
from ._editions import (
    Catalogue,
    Caveat,
    Correction,
    Edition,
    TableMeta,
    Tables,
    latest_edition,
    list_editions,
    list_samples,
    load_edition,
    load_sample,
    load_samples,
    load_tables,
    reproduce,
    sample_metadata,
)
from ._folders import write_tables
from ._registry import Application, MetricMeta, Source, Theme, Unit, get_metric, list_metrics
from ._results import ComputeResult, compute, result_schema, write_results
from ._validation import TableSource, validate_tables
from .published import parse_phrase

__version__ = "0.1.0"

__all__ = [
    "Application",
    "Catalogue",
    "Caveat",
    "ComputeResult",
    "Correction",
    "Edition",
    "MetricMeta",
    "Source",
    "TableMeta",
    "TableSource",
    "Tables",
    "Theme",
    "Unit",
    "__version__",
    "audit",
    "check",
    "compute",
    "drafts",
    "errors",
    "get_metric",
    "latest_edition",
    "list_editions",
    "list_metrics",
    "list_samples",
    "load_edition",
    "load_sample",
    "load_samples",
    "load_tables",
    "metrics",
    "parse_phrase",
    "reproduce",
    "result_schema",
    "sample_metadata",
    "schemas",
    "validate_tables",
    "write_results",
    "write_tables",
]


def __getattr__(name: str) -> Any:
    """Import the draft checker when it is first asked for: `reproduce` does not need it.

    ``oi.check`` and ``oi.drafts`` load `ondermijning_indicators.drafts` (its patterns
    take 30 ms to compile) on first use.
    """
    if name in ("check", "drafts"):
        import importlib

        drafts = importlib.import_module(f"{__name__}.drafts")
        return drafts if name == "drafts" else drafts.check
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    from . import drafts as drafts
    from .drafts import check as check
