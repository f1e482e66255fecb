"""The catalogue: completeness of metadata, exports and doctests."""

from __future__ import annotations

import doctest
import inspect
from typing import Any

import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators import errors, metrics
from ondermijning_indicators._registry import (
    _CATALOGUE,
    Application,
    MetricMeta,
    Source,
    Theme,
    Unit,
    iter_metrics,
    register,
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


def test_register_returns_the_function_unchanged() -> None:
    def _tmp_metric(a: float) -> float:
        """Doc."""
        return a

    try:
        assert register(**_GOOD)(_tmp_metric) is _tmp_metric
        assert oi.get_metric("_tmp_metric").func is _tmp_metric
    finally:
        _CATALOGUE.pop("_tmp_metric", None)


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
