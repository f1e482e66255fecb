"""The layering rule of the package: a module imports only from the layers below it.

The rule is written in the README (Design notes: layers); this test reads every
module's imports and holds the code to it, so that, for instance, the metrics never
reach for a table, a file or the published figures.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ondermijning_indicators as oi

PACKAGE = Path(oi.__file__).parent

LAYERS: list[set[str]] = [
    {"errors"},
    {"_units", "_notation", "_resources", "_readers", "_writers", "_selection"},
    {"_registry"},
    {"metrics"},
    {"schemas"},
    {"_validation"},
    {"published"},
    {"_folders"},
    {"_editions"},
    {"_results", "_audit", "records", "drafts"},
    {"__init__"},
    {"plots"},
    {"cli"},
    {"__main__"},
]
"""Lowest first: the errors, the foundations, the metric catalogue, the metrics, the table schemas,
validation, the published figures, folders of tables, editions, what is computed from
an edition, the public API, the charts (which use the public API), the command line."""

ALLOWED_UPWARD = {("_registry", "metrics")}
"""The catalogue of metrics imports the metrics, inside a function, to fill itself."""


def _layer(unit: str) -> int:
    (index,) = (i for i, layer in enumerate(LAYERS) if unit in layer)
    return index


def _imports(path: Path, unit: str) -> set[str]:
    """Return the package's units a module imports (relative imports)."""
    inside = path.parent != PACKAGE  # a module of a subpackage: level 2 is the package
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        top_level = node.level == (2 if inside else 1)
        if not top_level:
            continue  # within the subpackage itself
        if node.module:
            found.add(node.module.split(".")[0])
        else:
            found.update(alias.name.split(".")[0] for alias in node.names)
    names_of_package = {a for a in found if a not in {layer for s in LAYERS for layer in s}}
    found -= names_of_package
    if names_of_package:
        found.add("__init__")  # `from . import get_metric`: the package's public API
    return found - {unit}


def _units() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        unit = rel.parts[0].removesuffix(".py")
        out[str(rel)] = path
        assert any(unit in layer for layer in LAYERS), f"{rel} is in no layer"
    return out


def test_every_module_imports_only_from_the_layers_below_it() -> None:
    broken = []
    for rel, path in _units().items():
        unit = Path(rel).parts[0].removesuffix(".py")
        for imported in _imports(path, unit):
            if _layer(imported) >= _layer(unit) and (unit, imported) not in ALLOWED_UPWARD:
                broken.append(f"{rel} imports {imported}")
    assert broken == []


def test_the_metrics_use_nothing_but_the_foundations_and_the_catalogue() -> None:
    below = LAYERS[0] | LAYERS[1] | LAYERS[2]
    for path in sorted((PACKAGE / "metrics").glob("*.py")):
        assert _imports(path, "metrics") <= below, path.name


def test_the_rule_finds_an_import_from_above(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from .. import _editions\nfrom .._registry import register\n")
    assert _imports(module, "metrics") == {"_editions", "_registry"}
    assert _layer("_editions") > _layer("metrics")
