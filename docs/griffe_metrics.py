"""Show each metric's docstring as `register` writes it (a Griffe extension for the API pages).

mkdocstrings reads docstrings from the source (Griffe's static analysis). A metric's formula
(the first paragraph of its Notes) and its References section are not in the source: they are
written into the docstring from the metric's registered metadata when the metric is imported
(``ondermijning_indicators._registry.register``). This extension gives each registered metric
the docstring it has at run time, the one ``help()`` shows; every other object is read from
the source as before. (mkdocstrings' ``force_inspection`` would do so for the whole package,
and only from the first page that loads it.)
"""

from __future__ import annotations

import inspect
from typing import Any

import griffe


class MetricDocstrings(griffe.Extension):
    """Replace the source docstring of every registered metric with its run-time one."""

    def __init__(self) -> None:
        from ondermijning_indicators._registry import iter_metrics

        self.docs = {
            f"{meta.func.__module__}.{meta.id}": inspect.getdoc(meta.func) or ""
            for meta in iter_metrics()
        }

    def on_function_instance(self, *, func: griffe.Function, **kwargs: Any) -> None:
        """Give a metric (not its overloads, which have no docstring) its run-time docstring."""
        if func.path not in self.docs or func.docstring is None:
            return
        written = func.docstring
        func.docstring = griffe.Docstring(
            self.docs[func.path],
            lineno=written.lineno,
            endlineno=written.endlineno,
            parent=func,
            parser=written.parser,
            parser_options=written.parser_options,
        )
