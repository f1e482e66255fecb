"""The public surface: exported, documented, with doctests."""

from __future__ import annotations

import doctest
import importlib
import inspect
from types import ModuleType

import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import (
    data,
    folders,
    metrics,
    plots,
    published,
    records,
    registry,
    results,
    schemas,
)

# ``oi.audit`` is the function; the module of the same name is reached by its path.
audit_module = importlib.import_module("ondermijning_indicators.audit")
MODULES: list[ModuleType] = [
    oi, metrics, published, data, registry, schemas, audit_module, plots, folders, results,
    records,
]  # fmt: skip


def _public_functions() -> list[tuple[str, object]]:
    seen: dict[int, tuple[str, object]] = {}
    for module in MODULES:
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                seen.setdefault(id(obj), (f"{module.__name__}.{name}", obj))
    return sorted(seen.values(), key=lambda item: item[0])


def test_every_module_exports_each_name_once() -> None:
    # The order of __all__ is ruff's (RUF022): constants, classes, then functions.
    for module in MODULES:
        assert len(set(module.__all__)) == len(module.__all__), module.__name__
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)


@pytest.mark.parametrize(
    ("name", "func"), _public_functions(), ids=[name for name, _ in _public_functions()]
)
def test_every_public_function_has_a_docstring_with_a_doctest(name: str, func: object) -> None:
    doc = inspect.getdoc(func) or ""
    assert doc.strip(), f"{name} has no docstring"
    assert doctest.DocTestParser().get_examples(doc), f"{name} has no doctest example"


def test_the_version_is_defined_once() -> None:
    from importlib.metadata import version

    assert oi.__version__ == version("ondermijning-indicators")
