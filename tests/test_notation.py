"""Numbers are written by one formatter, and each output in one notation."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators._notation import DUTCH_NUMBER, dutch_to_machine, format_number
from ondermijning_indicators.published import format_dutch

PACKAGE = Path(oi.__file__).parent
NUMBER = re.compile(r"\d(?:[\d.,]*\d)?(?:[eE][+-]\d+)?")


def _machine_numbers(text: str) -> list[str]:
    """Return the numbers of a text not in Dutch notation: 0.81, 2.015e+08 (not 40.000)."""
    return [
        n
        for n in NUMBER.findall(text)
        if ("." in n and not DUTCH_NUMBER.match(n)) or "e" in n.lower()
    ]


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_an_exact_number_in_dutch_reads_back_as_the_same_number(value: float) -> None:
    text = format_number(value, decimals="exact")
    assert DUTCH_NUMBER.match(text), text
    assert float(dutch_to_machine(text)) == value


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_dutch_and_machine_notation_say_the_same_number(value: float) -> None:
    dutch, machine = format_number(value), format_number(value, notation="machine")
    assert dutch_to_machine(dutch) == machine
    assert math.isclose(float(machine), value, rel_tol=1e-5, abs_tol=1e-9)


@pytest.mark.parametrize(
    ("value", "kwargs", "text"),
    [
        (1238.0, {}, "1.238"),
        (2.015e8, {}, "201.500.000"),
        (0.8069466, {}, "0,806947"),
        (-0.0000001, {"decimals": 2}, "0,00"),
        (1e-7, {"decimals": "exact"}, "0,0000001"),
        (1200.0, {"decimals": "exact"}, "1.200"),
        (float("nan"), {}, ""),
        (float("inf"), {}, "inf"),
        (1234.5, {"notation": "machine"}, "1234.5"),
        (2.5, {"decimals": 0}, "3"),  # a half away from zero, as a reader rounds
        (-2.5, {"decimals": 0}, "-3"),
        (0.125, {"decimals": 2}, "0,13"),
        (1234.5, {"decimals": 0}, "1.235"),
        (1.5e300, {}, "15" + "0" * 299),  # the digits of the data, not of the binary
    ],
)
def test_format_number_writes(value: float, kwargs: dict[str, object], text: str) -> None:
    shown = format_number(value, **kwargs)  # type: ignore[arg-type]
    assert (shown.replace(".", "") if value > 1e100 else shown) == text


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"decimals": -1}, "decimals must be a whole number >= 0 or 'exact', got -1"),
        ({"decimals": 2.5}, "decimals must be a whole number >= 0 or 'exact', got 2.5"),
        ({"significant": 0}, "significant must be at least 1, got 0"),
    ],
)
def test_format_number_refuses_what_it_cannot_mean(kwargs: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match="must") as caught:
        format_number(1.0, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == words


def test_format_dutch_is_the_one_formatter() -> None:
    for value, decimals in [(1238, 0), (3.5, 1), (-1234567.891, 2)]:
        assert format_dutch(value, decimals) == format_number(value, decimals=decimals)


def test_dutch_notation_is_written_in_one_place() -> None:
    # swapping both separators is how Dutch notation is written: only in format_number
    places = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (  # text.replace(",", ...).replace(".", ","): both separators swapped
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "replace"
                and [a.value for a in node.args if isinstance(a, ast.Constant)] == [".", ","]
                and isinstance(node.func.value, ast.Call)
                and isinstance(node.func.value.func, ast.Attribute)
                and node.func.value.func.attr == "replace"
            ):
                places.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert places
    assert all(p.startswith("_notation.py") for p in places), places


def test_every_note_of_the_edition_writes_its_numbers_in_dutch() -> None:
    notes = oi.reproduce()["note"]
    machine = {n: _machine_numbers(n) for n in notes if _machine_numbers(n)}
    assert machine == {}
    assert _machine_numbers("0.81 and 2.015e+08, not 40.000 or 0,81") == ["0.81", "2.015e+08"]
