"""The mutation-testing script: its rewriting of @register and its reading of the docs.

`scripts/mutation.py` is run by hand (``make mutation``, about an hour), so the parts
that decide what is mutated and what counts as explained are tested here, quickly.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts/mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_script", module)
    spec.loader.exec_module(module)
    return module


mu = _script()

SOURCE = '''\
from ._registry import register


@register(
    "a",
    unit="share",
)
def a(x: float) -> float:
    """Doc."""
    return x


def helper() -> int:
    return 1


@register("b")
def b(y: float) -> float:
    return a(y) * 2
'''


def test_register_decorators_become_assignments_after_the_body() -> None:
    new, names = mu.undecorate_source(SOURCE)
    assert names == ["a", "b"]
    assert "@register" not in new
    assert 'return x\n\na = register(\n    "a",\n    unit="share",\n)(a)\n' in new
    assert new.rstrip().endswith('b = register("b")(b)')
    registered: list[str] = []

    def register(name: str, **_: object) -> object:
        def keep(f: object) -> object:
            registered.append(name)
            return f

        return keep

    namespace: dict[str, object] = {"register": register}
    exec(compile(new.replace("from ._registry import register\n", ""), "<new>", "exec"), namespace)
    assert registered == ["a", "b"]  # the same order as the decorators
    assert namespace["b"](2.0) == 4.0  # type: ignore[operator]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("@other\n@register('a')\ndef a():\n    pass\n", "more decorators than @register"),
        ("@register('a')  # note\ndef a():\n    pass\n", "something between @register and def"),
    ],
)
def test_a_layout_the_rewriting_does_not_understand_is_refused(source: str, problem: str) -> None:
    with pytest.raises(SystemExit, match=problem):
        mu.undecorate_source(source)


def test_a_survivor_is_explained_by_its_module_function_and_change(tmp_path: Path) -> None:
    doc = tmp_path / "mutation.md"
    doc.write_text(
        "# x\n\n### metrics/_groei.py\n\n```text\n_fill: 0 -> 1\n    Because.\n    Twice.\n"
        "traject: M -> None\n```\n\n_fill: 1 -> 2\n    outside a block: not an entry\n",
        encoding="utf-8",
    )
    assert mu.read_explained(doc) == {
        ("metrics/_groei.py", "_fill", "0 -> 1"): "Because. Twice.",
        ("metrics/_groei.py", "traject", "M -> None"): "",
    }


def test_the_names_and_changes_of_mutants_read_as_the_docs_write_them() -> None:
    assert mu.function_of("ondermijning_indicators.metrics._inputs.x_align__mutmut_7") == "align"
    assert mu.function_of("m.xǁSemanticsǁinterval__mutmut_60") == "Semantics.interval"
    diff = "--- a\n+++ b\n@@ -1 +1 @@\n-    if n >= 20 and x:\n+    if n >= 20 or x:\n"
    assert mu.change_of(diff) == "and -> or"


def test_every_survivor_in_the_docs_is_explained() -> None:
    explained = mu.read_explained(ROOT / "docs/mutation.md")
    assert explained, "docs/mutation.md lists no survivors"
    assert {key for key, why in explained.items() if not why} == set()
    modules = {module for module, _, _ in explained}
    assert modules <= {
        f"{d.split('/')[-1]}/{p.name}" for d in mu.MUTATED_DIRS for p in (ROOT / d).glob("*.py")
    }
