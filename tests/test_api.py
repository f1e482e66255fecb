"""The public surface: exported, documented, with doctests."""

from __future__ import annotations

import doctest
import inspect
from types import ModuleType

import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import errors, metrics, plots, published, records, schemas

# The public surface: the package and its public subpackages; every other module is
# private (its name starts with "_") and reached through these.
MODULES: list[ModuleType] = [oi, metrics, published, schemas, plots, records, errors]


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


def test_every_module_outside_the_public_packages_is_private() -> None:
    # The public surface is the package and its public subpackages; an implementation
    # module beside them (as ``audit`` once was, shadowed by the function) is private.
    import pkgutil

    public = {"cli", "metrics", "schemas", "published", "records", "errors", "plots", "drafts"}
    names = {m.name for m in pkgutil.iter_modules(oi.__path__)}
    assert names - public, "the package has private modules"
    assert {n for n in names - public if not n.startswith("_")} == set()
    for package in (metrics, schemas, published, records):
        inner = {m.name for m in pkgutil.iter_modules(package.__path__)}
        assert {n for n in inner if not n.startswith("_")} == set(), package.__name__
