"""The catalogue: completeness of metadata, exports and doctests."""

from __future__ import annotations

import ast
import doctest
import importlib.util
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import _registry, errors, metrics
from ondermijning_indicators._registry import (
    _CATALOGUE,
    REPORT,
    Application,
    MetricMeta,
    Source,
    Theme,
    Unit,
    current_metric,
    iter_metrics,
    naming,
    register,
)
from ondermijning_indicators.metrics._inputs import (
    align,
    frame_values,
    to_float_array,
    year_labels,
)

ALL_IDS = sorted(meta.id for meta in iter_metrics())

_GOOD: dict[str, Any] = {
    "label_nl": "Testmaat",
    "label_en": "Test metric",
    "definition_nl": "Een maat om te testen.",
    "definition_en": "A metric for testing.",
    "formula": "a / b",
    "unit": Unit.SHARE,
    "theme": Theme.BESTRAFFEN,
    "source": Source("Bestraffen", "Tabel"),
    "inputs": {"a": "uitspraken:aantal"},
}


def test_every_registered_metric_is_exported_and_every_export_registered() -> None:
    functions = [n for n in metrics.__all__ if inspect.isfunction(getattr(metrics, n))]
    assert sorted(functions) == ALL_IDS


@pytest.mark.parametrize("metric_id", ALL_IDS)
def test_metric_has_complete_metadata_and_a_doctest(metric_id: str) -> None:
    meta = oi.get_metric(metric_id)
    assert getattr(metrics, metric_id) is meta.func
    for field in ("label_nl", "label_en", "definition_nl", "definition_en", "formula"):
        assert getattr(meta, field).strip(), field
    assert meta.label_nl != meta.label_en
    doc = inspect.getdoc(meta.func) or ""
    for section in ("Parameters", "Returns", "Notes", "References", "Examples"):
        assert f"\n{section}\n" in doc, f"{metric_id} lacks a {section} section"
    examples = doctest.DocTestParser().get_examples(doc)
    assert examples, f"{metric_id} has no doctest"


@pytest.mark.parametrize("metric_id", ALL_IDS)
def test_metric_arguments_after_the_data_are_keyword_only(metric_id: str) -> None:
    params = inspect.signature(oi.get_metric(metric_id).func).parameters.values()
    for p in params:
        if p.default is not inspect.Parameter.empty:
            assert p.kind is inspect.Parameter.KEYWORD_ONLY, p.name


def test_list_metrics_has_one_row_per_metric_with_both_languages() -> None:
    cat = oi.list_metrics()
    assert isinstance(cat, pd.DataFrame)
    assert list(cat.index) == ALL_IDS
    assert {"label_nl", "label_en", "definition_nl", "definition_en", "unit", "theme"} <= set(
        cat.columns
    )
    assert cat.loc["aandeel_vrijheidsstraffen", "theme"] == "Bestraffen"
    assert cat.loc["aandeel_vrijheidsstraffen", "unit"] == "share (0-1)"


def test_register_returns_a_wrapper_that_runs_the_function_under_its_id() -> None:
    seen: list[str] = []

    def _tmp_metric(a: float, *, b: float = 1.0) -> float:
        """Doc."""
        seen.append(current_metric("outside"))
        if a < 0:
            raise ValueError(current_metric("outside"))
        return a * b

    try:
        wrapped = register(**_GOOD)(_tmp_metric)
        assert wrapped is not _tmp_metric
        assert wrapped.__wrapped__ is _tmp_metric  # type: ignore[attr-defined]
        for attribute in ("__name__", "__qualname__", "__module__", "__annotations__"):
            assert getattr(wrapped, attribute) == getattr(_tmp_metric, attribute), attribute
        assert inspect.signature(wrapped) == inspect.signature(_tmp_metric)
        assert oi.get_metric("_tmp_metric").func is wrapped
        assert wrapped(2.0, b=3.0) == 6.0
        assert seen == ["_tmp_metric"]
        with pytest.raises(ValueError, match=r"^_tmp_metric$"):
            wrapped(-1.0)
        assert current_metric("outside") == "outside"  # reset, after an error too
        assert _tmp_metric(1.0) == 1.0  # the function itself, unwrapped: no id
        assert seen[-1] == "outside"
    finally:
        _CATALOGUE.pop("_tmp_metric", None)


def test_a_metric_called_inside_another_names_itself_and_gives_the_name_back() -> None:
    def _outer_metric(a: float) -> float:
        """Doc."""
        inner = metrics.verandering(a, 2 * a)
        assert current_metric() == "_outer_metric"
        return inner

    try:
        wrapped = register(**_GOOD)(_outer_metric)
        assert wrapped(1.0) == 1.0
        with pytest.raises(errors.InvalidInputError, match=r"^verandering: `vorig`"):
            wrapped(True)
    finally:
        _CATALOGUE.pop("_outer_metric", None)


def test_duplicate_id_fails_with_both_modules_named() -> None:
    def aandeel_vrijheidsstraffen(a: float) -> float:
        """Doc."""
        return a

    with pytest.raises(errors.DuplicateMetricError, match="registered twice"):
        register(**_GOOD)(aandeel_vrijheidsstraffen)
    assert oi.get_metric("aandeel_vrijheidsstraffen").func is metrics.aandeel_vrijheidsstraffen


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("label_en", "  ", "label_en is empty"),
        ("definition_nl", "", "definition_nl is empty"),
        ("unit", "share", "unit must be a Unit"),
        ("theme", "Bestraffen", "theme must be a Theme"),
        ("source", Source("", "x"), "source must be a Source"),
        ("caveats", ("",), "caveats must be a tuple"),
        ("precision", -1, "precision must be a non-negative int"),
    ],
)
def test_incomplete_metadata_fails_with_a_clear_message(
    field: str, value: Any, expected: str
) -> None:
    def _bad_metric(a: float) -> float:
        """Doc."""
        return a

    with pytest.raises(errors.MetadataError, match=expected):
        register(**{**_GOOD, field: value})(_bad_metric)
    assert "_bad_metric" not in _CATALOGUE


def test_a_metric_without_docstring_is_refused() -> None:
    def _undocumented(a: float) -> float:
        return a

    with pytest.raises(errors.MetadataError, match="no docstring"):
        register(**_GOOD)(_undocumented)


def test_a_docstring_with_its_own_references_is_refused() -> None:
    def _cited(a: float) -> float:
        """Doc.

        References
        ----------
        Somewhere.
        """
        return a

    with pytest.raises(errors.MetadataError, match="has a References section; register"):
        register(**_GOOD)(_cited)
    assert "_cited" not in _CATALOGUE


def test_unknown_metric_lists_the_known_ones() -> None:
    with pytest.raises(errors.MetadataError, match="aandeel_vrijheidsstraffen"):
        oi.get_metric("aandeel_onbekend")


def test_metric_meta_is_validated_directly_too() -> None:
    with pytest.raises(errors.MetadataError, match="label_nl is empty"):
        MetricMeta(
            id="x",
            label_nl="",
            label_en="x",
            definition_nl="x",
            definition_en="x",
            formula="x",
            unit=Unit.COUNT,
            theme=Theme.ALGEMEEN,
            source=Source("a", "b"),
            caveats=(),
            precision=0,
            func=len,
        )


# --- the declared table inputs -------------------------------------------------------------------


@pytest.mark.parametrize("metric_id", ALL_IDS)
def test_every_metric_declares_its_table_inputs_or_why_it_has_none(metric_id: str) -> None:
    from ondermijning_indicators.schemas import SCHEMAS, time_column

    meta = oi.get_metric(metric_id)
    if meta.inputs is None:
        assert meta.not_from_tables
        assert len(meta.not_from_tables) > 20
        return
    for sel in meta.inputs.selections:
        assert sel.table in SCHEMAS, sel
        columns = set(SCHEMAS[sel.table].columns)
        assert sel.column in columns, sel
        assert {k for k, _ in sel.filters} <= columns, sel
        time = time_column(sel.table)
        assert time is not None, sel
        bound = dict(sel.filters).get(time, ())
        assert not any(v.isdigit() for v in bound), f"{sel}: a declaration names no year"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"inputs": None}, "give exactly one of inputs"),
        ({"not_from_tables": "a reason"}, "give exactly one of inputs"),
        ({"inputs": {"b": "uitspraken:aantal"}}, r"inputs give \['b'\], but its data arguments"),
        ({"inputs": {"a": "uitspraken aantal"}}, "cannot read the selection"),
        ({"inputs": ["uitspraken:aantal"]}, "per-period inputs are a mapping"),
        (
            {"inputs": {"a": "uitspraken:aantal"}, "application": Application.SPAN},
            "span inputs are a list",
        ),
        ({"fixed": {"b": 1.0}}, r"fixed names \['b'\]"),
    ],
)
def test_a_wrong_input_declaration_fails_at_registration(
    change: dict[str, Any], expected: str
) -> None:
    def _declared(a: float) -> float:
        """Doc."""
        return a

    with pytest.raises(errors.MetadataError, match=expected):
        register(**{**_GOOD, **change})(_declared)
    assert "_declared" not in _CATALOGUE


def test_the_catalogue_lists_each_metrics_inputs() -> None:
    cat = oi.list_metrics()
    assert cat.loc["aandeel_duurklasse", "inputs"] == (
        "per period: in_klasse = vrijheidsstraffen:aantal[duurklasse=*]; "
        "vrijheidsstraffen = vrijheidsstraffen:aantal"
    )
    assert str(cat.loc["traject", "inputs"]).startswith("not from tables: ")


# --- each fact stated once: the id, the formula and the source ----------------------------------

ROOT = Path(__file__).resolve().parents[1]
METRIC_FILES = sorted(
    p
    for p in (ROOT / "src/ondermijning_indicators/metrics").glob("*.py")
    if p.name != "__init__.py"
)
_KEYWORDS = {"jaren": 4, "begin_jaar": 2023, "eind_jaar": 2027, "begin": 22.0, "eind": 130.0}
"""Values for the keyword-only arguments that some metrics require."""


def _call(func: Callable[..., Any], value: Any) -> Any:
    """Call a metric with ``value`` for every data argument; its outcome or its error."""
    params = inspect.signature(func).parameters.values()
    args = [value for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    kwargs = {
        p.name: _KEYWORDS[p.name]
        for p in params
        if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    }
    try:
        return func(*args, **kwargs)
    except errors.IndicatorError as exc:
        return type(exc), str(exc)


def _text() -> pd.Series:
    return pd.Series(["1.238"], index=pd.Index([2021], name="jaar"))


def _string_constants(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal of a module except its docstrings, with its line."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def _docstrings(path: Path) -> dict[str, str]:
    """The docstrings of a source file as written: the module's and every def's and class's."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes: list[Any] = [tree]
    nodes += [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    found = {getattr(n, "name", path.name): ast.get_docstring(n, clean=False) for n in nodes}
    return {name: doc for name, doc in found.items() if doc}


def test_no_metric_module_spells_a_metric_id_in_its_code() -> None:
    spelled = []
    for path in METRIC_FILES:
        for line, text in _string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            for metric_id in ALL_IDS:
                if text == metric_id or text.startswith(f"{metric_id}:"):
                    spelled.append(f"{path.name}:{line}: {text!r}")
    assert spelled == []


@pytest.mark.parametrize("metric_id", ALL_IDS)
def test_an_error_raised_in_a_helper_names_the_metric_called(metric_id: str) -> None:
    outcome = _call(oi.get_metric(metric_id).func, _text())
    assert outcome[0] is errors.InvalidInputError
    assert re.match(rf"{metric_id}: `\w+` must hold numbers, got Series of text", outcome[1])
    assert current_metric("outside") == "outside"


def test_a_helper_called_outside_a_metric_names_itself_or_the_name_given() -> None:
    with pytest.raises(errors.InvalidInputError, match=r"^align: `a` must be a number"):
        align(a=True)
    with pytest.raises(errors.InvalidInputError, match=r"^to_float_array: `a` must hold numbers"):
        to_float_array("a", _text())
    with pytest.raises(errors.InvalidInputError, match=r"^to_float_array: `a` must hold numbers"):
        frame_values("a", _text())
    with pytest.raises(errors.InvalidInputError, match=r"^year_labels: `a` has the column 'x'"):
        year_labels("a", pd.Index(["x"]), what="column")
    with naming("mijn_maat"), pytest.raises(errors.InvalidInputError, match=r"^mijn_maat: `a`"):
        align(a=_text())
    with pytest.raises(errors.InvalidInputError, match=r"^m: `a` must hold numbers"):
        align("m", a=_text())
    aligned = align("m", a=pd.Series([1.0], index=[2021]))
    result = aligned.wrap(aligned.values["a"])
    assert isinstance(result, pd.Series)
    assert result.name == "m"
    assert current_metric("outside") == "outside"


@pytest.mark.parametrize("metric_id", ALL_IDS)
def test_the_docstring_shows_the_registered_formula_and_source(metric_id: str) -> None:
    meta = oi.get_metric(metric_id)
    doc = meta.func.__doc__ or ""
    assert meta.formula in doc
    assert meta.source.table in doc
    assert f"{REPORT},\n{meta.source.section} — {meta.source.table}" in doc
    if meta.source.quote:
        assert f'"{meta.source.quote}"' in doc
    notes = doc.index("\nNotes\n-----\n")
    references = doc.index("\nReferences\n----------\n")
    assert notes < references < doc.index("\nExamples\n--------\n")
    assert doc[notes:].split("\n")[3] == rf"\({meta.formula}\)"
    assert inspect.getdoc(meta.func) == doc.strip()  # help() shows it as it is


def test_no_docstring_in_the_metric_modules_repeats_a_formula_source_or_quote() -> None:
    repeated = []
    for path in METRIC_FILES:
        for name, doc in _docstrings(path).items():
            for meta in iter_metrics():
                facts = {
                    "formula": meta.formula,
                    "source title": meta.source.table,
                    "quote": meta.source.quote,
                }
                repeated += [
                    f"{path.name}: {name} repeats the {what} of {meta.id}"
                    for what, fact in facts.items()
                    if fact and fact in doc
                ]
    assert repeated == []


def test_every_quote_of_a_source_is_the_reports_own_words(report_text: str) -> None:
    text = "".join(report_text.split())  # the report's lines break words ("vrijheids straffen")
    quoted = [meta for meta in iter_metrics() if meta.source.quote]
    assert len(quoted) > len(ALL_IDS) // 2
    for meta in quoted:
        for part in meta.source.quote.split("[...]"):
            assert "".join(part.split()) in text, meta.id


def _mutation_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_mutation_script", ROOT / "scripts/mutation.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "path",
    [p for p in METRIC_FILES if "@register(" in p.read_text(encoding="utf-8")],
    ids=lambda p: p.name,
)
def test_the_mutation_runs_rewriting_of_register_behaves_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``@register(...) def f`` as ``def f`` + ``f = register(...)(f)`` (scripts/mutation.py)."""
    new, names = _mutation_script().undecorate_source(path.read_text(encoding="utf-8"))
    assert names
    assert "@register" not in new
    monkeypatch.setattr(_registry, "_CATALOGUE", {})  # register them again, apart
    module = ModuleType(f"ondermijning_indicators.metrics.{path.stem}_rewritten")
    module.__package__ = "ondermijning_indicators.metrics"
    exec(compile(new, str(path), "exec"), module.__dict__)
    for name in names:
        original, rewritten = getattr(metrics, name), module.__dict__[name]
        assert _registry._CATALOGUE[name].func is rewritten
        assert rewritten.__name__ == name
        assert rewritten.__doc__ == original.__doc__
        assert inspect.signature(rewritten) == inspect.signature(original)
        for value in (_text(), 2.0, pd.Series([3.0, 4.0], index=pd.Index([2021, 2022]))):
            # the whole outcome as printed: values, kind, index, the Series' name, or the error
            assert repr(_call(rewritten, value)) == repr(_call(original, value)), name


def test_the_api_reference_reads_each_metrics_docstring_as_register_wrote_it() -> None:
    """docs/griffe_metrics.py: Griffe (mkdocstrings) reads the source, but not for a metric."""
    griffe = pytest.importorskip("griffe")
    extensions = griffe.load_extensions(str(ROOT / "docs/griffe_metrics.py"))
    package = griffe.load(
        "ondermijning_indicators", search_paths=[ROOT / "src"], extensions=extensions
    )
    for meta in iter_metrics():
        documented = package[f"metrics.{meta.id}"]
        assert documented.docstring.value == inspect.getdoc(meta.func), meta.id
    assert package["metrics._inputs.align"].docstring.value == inspect.getdoc(align)
