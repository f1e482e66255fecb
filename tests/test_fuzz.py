"""Fuzzing the loaders: random and damaged files, and cells against an exact parser.

Two properties, each over many generated inputs (the Hypothesis profile bounds the
count; CI runs the ``ci`` profile):

- whatever bytes a table file holds, or a record file, or a phrase, reading it either
  succeeds or ends in the library's own error, never another exception;
- a number cell, generated from a grammar of near-valid notations, reads to exactly
  the value an independent parser (written here, on `decimal.Decimal`, without the
  library's regular expressions) gives, or is refused where that parser refuses it.
"""

from __future__ import annotations

import csv
import io
import string
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators.published import load_records, parse_phrase, reproduce_records

SAMPLES = oi.load_samples()
EXACT = 2**53
FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _good_bytes(suffix: str, tmp_path: Path) -> bytes:
    path = tmp_path / f"good{suffix}"
    table = SAMPLES["uitspraken"]
    if suffix == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            table.to_excel(writer, sheet_name="uitspraken", index=False)
    elif suffix == ".parquet":
        table.to_parquet(path)
    else:
        table.to_csv(path, index=False)
    return path.read_bytes()


def _load(folder: Path) -> dict[str, pd.DataFrame] | None:
    """Load a folder; None when the library refused it with its own error."""
    try:
        return oi.load_tables(folder)
    except errors.DataValidationError:
        return None


# --- any bytes: read, or refused in words -------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".csv", ".xlsx", ".parquet"]))
@example(data=b"", suffix=".xlsx")
@example(data=b"PK\x03\x04", suffix=".xlsx")
@example(data=b"PAR1", suffix=".parquet")
@example(data=b"\xff\xfe", suffix=".csv")
def test_random_bytes_are_read_or_refused_in_words(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("random")
    (folder / f"uitspraken{suffix}").write_bytes(data)
    _load(folder)


@FUZZ
@given(
    suffix=st.sampled_from([".csv", ".xlsx", ".parquet"]),
    damage=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=8
    ),
    cut=st.one_of(st.none(), st.floats(0, 1)),
)
def test_damaged_table_files_are_read_or_refused_in_words(
    tmp_path_factory: pytest.TempPathFactory,
    suffix: str,
    damage: list[tuple[float, int]],
    cut: float | None,
) -> None:
    folder = tmp_path_factory.mktemp("damaged")
    data = bytearray(_good_bytes(suffix, folder))
    for where, xor in damage:
        data[int(where * len(data))] ^= xor
    if cut is not None:
        data = data[: int(cut * len(data))]
    (folder / "good.csv").unlink(missing_ok=True)
    (folder / f"good{suffix}").unlink(missing_ok=True)
    (folder / f"uitspraken{suffix}").write_bytes(bytes(data))
    tables = _load(folder)
    if tables is not None and suffix != ".csv":
        # A binary format either reads the table it holds or is refused; a flipped byte
        # in a CSV file can change a number into another valid one, and that is data.
        assert set(tables) == {"uitspraken"}


@FUZZ
@given(text=st.text(max_size=400))
@example(text="[[figure]]\nid = 'x'\n" + "a = " + "[" * 200 + "]" * 200)
def test_any_record_file_gives_records_and_a_reproduce_table(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("records") / "draft.toml"
    path.write_text(text, encoding="utf-8")
    records = load_records([path])
    result = reproduce_records(records, SAMPLES)
    assert len(result) == len(records)


@given(text=st.text(max_size=60))
@example(text="bijna 1.238,5 miljoen euro")
def test_any_phrase_is_parsed_or_refused_in_words(text: str) -> None:
    try:
        quantity = parse_phrase(text)
    except errors.PhraseError:
        return
    assert quantity.value == quantity.value  # a number, not NaN


# --- cells against an independent exact parser ---------------------------------------------------

Kind = Literal["int", "float"]
Notation = Literal["machine", "nl"]


def _all_digits(text: str) -> bool:
    return text != "" and all(ch in string.digits for ch in text)


def _dutch_integer_part(text: str) -> str | None:
    """The digits of a Dutch integer part: plain digits, or groups of three after a dot."""
    if "." not in text:
        return text if _all_digits(text) else None
    first, *rest = text.split(".")
    if not (1 <= len(first) <= 3 and _all_digits(first)):
        return None
    if not all(len(group) == 3 and _all_digits(group) for group in rest):
        return None
    return first + "".join(rest)


def reference(cell: str, notation: Notation, kind: Kind) -> int | float | None:
    """Read one cell by the rules of the documentation; None where it is no number."""
    text = cell.strip()
    sign = ""
    if text[:1] in {"+", "-"}:
        sign, text = text[:1], text[1:]
    if notation == "nl":
        whole, _, decimals = text.partition(",")
        digits = _dutch_integer_part(whole)
        if digits is None or ("," in text and (kind == "int" or not _all_digits(decimals))):
            return None
        machine = digits + (f".{decimals}" if decimals else "")
    else:
        machine = text
        mantissa, _, exponent = text.lower().partition("e")
        if kind == "int" and not _all_digits(text):
            return None
        if "e" in text.lower():
            exponent = exponent.lstrip("+-") if exponent[:1] in {"+", "-"} else exponent
            if not _all_digits(exponent):
                return None
        whole, dot, fraction = mantissa.partition(".")
        if not (
            (_all_digits(whole) and (fraction == "" or _all_digits(fraction)))
            or (whole == "" and dot and _all_digits(fraction))
        ):
            return None
        # "4.157" is four thousand in Dutch notation and four in machine notation
        thousands = len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0"
        if kind == "float" and not exponent and thousands:
            return None
    if kind == "int":
        value = int(sign + machine)
        return value if abs(value) <= EXACT else None
    try:
        number = float(Decimal(sign + machine))
    except InvalidOperation:  # pragma: no cover - the checks above leave only numbers
        return None
    return number if abs(number) != float("inf") else None


_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=4)
_NOISE = st.sampled_from(["", " ", "\u00a0", "x", "١", "１", "e", ",", ".", "'", "-", "--", "_"])


@st.composite
def cells(draw: st.DrawFn, notation: Notation) -> str:
    """A cell that is a number, or nearly one, in either notation."""
    groups = draw(st.lists(_DIGITS, min_size=1, max_size=5))
    separator = draw(st.sampled_from([".", "", " ", ","] if notation == "nl" else ["", ".", ","]))
    text = separator.join(groups)
    if draw(st.booleans()):
        text += draw(st.sampled_from([",", "."])) + draw(_DIGITS)
    if notation == "machine" and draw(st.integers(0, 4)) == 0:
        text += draw(st.sampled_from(["e", "E"])) + draw(st.sampled_from(["", "+", "-"]))
        text += draw(st.text(alphabet="0123456789", min_size=1, max_size=3))
    text = draw(st.sampled_from(["", "", "-", "+"])) + text
    if draw(st.integers(0, 5)) == 0:
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(_NOISE) + text[position:]
    if draw(st.integers(0, 3)) == 0:
        text = " " + text + " "
    return text


def _write_csv(path: Path, header: list[str], rows: list[list[str]], sep: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _check(
    folder: Path, table: str, column: str, cell: str, notation: Notation, kind: Kind
) -> None:
    expected = reference(cell, notation, kind)
    if expected is None or expected < 0:  # no number, or a negative amount: refused there
        with pytest.raises(errors.DataValidationError, match=rf"line 2, column {column}: "):
            oi.load_tables(folder, notation=notation)
        return
    got = oi.load_tables(folder, notation=notation)[table][column].iloc[0]
    assert got == expected, (cell, got, expected)
    if kind == "int":
        assert int(got) == expected  # exactly: not rounded through a float


@FUZZ
@given(data=st.data(), notation=st.sampled_from(["machine", "nl"]))
@example(data=None, notation="machine")
def test_a_count_cell_reads_exactly_as_the_independent_parser_says(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject | None, notation: Notation
) -> None:
    cell = data.draw(cells(notation)) if data is not None else str(EXACT + 1)
    assume(cell.strip() != "")
    folder = tmp_path_factory.mktemp("count")
    sep = ";" if notation == "nl" else ","
    rows = [["2022", "schuldig", cell], ["2022", "vrijspraak", "201"], ["2022", "overig", "104"]]
    _write_csv(folder / "uitspraken.csv", ["jaar", "uitkomst", "aantal"], rows, sep)
    _check(folder, "uitspraken", "aantal", cell, notation, "int")


@FUZZ
@given(data=st.data(), notation=st.sampled_from(["machine", "nl"]))
@example(data=None, notation="machine")
def test_an_amount_cell_reads_exactly_as_the_independent_parser_says(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject | None, notation: Notation
) -> None:
    cell = data.draw(cells(notation)) if data is not None else "4.157"
    assume(cell.strip() != "")
    folder = tmp_path_factory.mktemp("amount")
    sep = ";" if notation == "nl" else ","
    _write_csv(
        folder / "drugsvangsten.csv",
        ["jaar", "haven", "drug", "kg"],
        [["2022", "rotterdam", "cocaine", cell]],
        sep,
    )
    _check(folder, "drugsvangsten", "kg", cell, notation, "float")


@pytest.mark.parametrize(
    ("cell", "notation", "kind", "value"),
    [
        ("1.238", "nl", "int", 1238),
        ("1.238", "machine", "int", None),
        ("4.157", "machine", "float", None),
        ("4.1570", "machine", "float", 4.157),
        ("0.157", "machine", "float", 0.157),
        ("1.234,5", "nl", "float", 1234.5),
        ("12.34", "nl", "float", None),
        ("-7", "machine", "int", -7),
        (".5", "machine", "float", 0.5),
        ("1e400", "machine", "float", None),
        (str(EXACT), "machine", "int", EXACT),
        (str(EXACT + 1), "machine", "int", None),
        ("١٢٣", "nl", "int", None),
    ],
)
def test_the_independent_parser_itself(
    cell: str, notation: Notation, kind: Kind, value: float | None
) -> None:
    assert reference(cell, notation, kind) == value
