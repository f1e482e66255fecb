"""Each fact of the library is stated in one place and read from there.

Where a fact could be restated by accident (a second writer, a check without its
words, a key typed twice), a test here looks for the restatement.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ondermijning_indicators as oi
from ondermijning_indicators.schemas import SCHEMAS

PACKAGE = Path(oi.__file__).parent


def test_files_are_moved_into_place_by_one_writer() -> None:
    # every file the library writes is staged and moved with os.replace by
    # _writers.staged: a second writer would be a second set of rules for --force,
    # staging and interruption
    places = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"replace", "rename"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "os"
            ):
                places.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert places
    assert all(p.startswith("_writers.py") for p in places), places


def test_every_check_of_every_schema_states_its_rule_in_words() -> None:
    # the words are the check's own (error=...): a failure reports them and the data
    # dictionary prints them, so no second translation of pandera's names is needed
    missing = []
    for name, schema in SCHEMAS.items():
        checks = [(f"{name}.{col}", c) for col, spec in schema.columns.items() for c in spec.checks]
        checks += [(name, c) for c in schema.checks]
        missing += [f"{where}: {c.name}" for where, c in checks if not c.error]
    assert missing == []


def test_a_tables_key_is_stated_by_its_schema_and_not_by_a_catalogue() -> None:
    # the key is the schema's uniqueness; a catalogue cannot state another one
    import pytest

    from ondermijning_indicators._editions import CATALOGUE_FORMAT, Catalogue
    from ondermijning_indicators.errors import CatalogueError

    assert "key" not in CATALOGUE_FORMAT["[tables.NAME]"]
    text = '[tables.uitspraken]\ntitle_nl = "Uitspraken"\nkey = ["jaar"]\n'
    with pytest.raises(CatalogueError, match=r"unknown keys \['key'\]"):
        Catalogue.parse(text, source="catalogue.toml")
    assert oi.sample_metadata("uitspraken").key == ("jaar", "uitkomst")
    assert oi.sample_metadata("uitspraken_totaal").key == ("jaar",)  # a unique column


def test_every_unit_of_the_library_is_one_of_its_units() -> None:
    # metrics, phrases, tables and the eenheid column of kerncijfers name their unit
    # from one vocabulary
    from ondermijning_indicators._units import EENHEID, Unit
    from ondermijning_indicators.published import parse_phrase
    from ondermijning_indicators.published._phrase import _UNITS
    from ondermijning_indicators.schemas import AMOUNT_UNITS, table_unit

    assert all(isinstance(oi.get_metric(i).unit, Unit) for i in oi.list_metrics().index)
    assert all(isinstance(unit, Unit) for unit, _ in _UNITS.values())
    assert all(isinstance(parse_phrase(p).unit, Unit) for p in ["81%", "1.238", "behaald"])
    assert all(isinstance(u, Unit) for u in EENHEID.values())
    assert set(
        SCHEMAS["kerncijfers"].columns["eenheid"].checks[0].statistics["allowed_values"]
    ) == set(EENHEID)
    assert all(u is None or isinstance(u, Unit) for u in AMOUNT_UNITS.values())
    assert all(table_unit(t) is None or isinstance(table_unit(t), Unit) for t in SCHEMAS)


def test_a_catalogue_does_not_restate_a_tables_unit() -> None:
    import pytest

    from ondermijning_indicators._editions import Catalogue
    from ondermijning_indicators.errors import CatalogueError

    text = '[tables.uitspraken]\ntitle_nl = "Uitspraken"\nunit = "count of suspects"\n'
    with pytest.raises(CatalogueError, match=r"schema states it \(count, in the column aantal\)"):
        Catalogue.parse(text, source="catalogue.toml")
    assert oi.sample_metadata("uitspraken").unit == "count"
