"""The input and output boundary, attacked: every hostile input is made here, in the test.

One section per class of failure found when the library was attacked from outside:
silent wrong numbers, unbounded work, files that are not what their name says, tables
that vanish, wrong places and words, one bad year stopping everything, overwriting,
litter and torn pairs, formula injection. Each test states the outcome it pins:
either the input reads correctly, or it is refused with the library's own error that
names the file, the place and the value.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import _readers, cli, errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators._writers import neutralise, staged, unneutralise
from ondermijning_indicators.published import load_records, reproduce_records
from ondermijning_indicators.records import (
    generate_seizures,
    generate_verdicts,
    verify_records,
    write_records,
)

SAMPLES = oi.load_samples()
runner = CliRunner()
EXACT = 2**53


def _problems(folder: Path, **kwargs: object) -> str:
    with pytest.raises(errors.DataValidationError, match=r"problems? in the tables") as info:
        oi.load_tables(folder, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "tabellen"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return folder


def _workbook(path: Path, table: pd.DataFrame, sheet: str) -> Path:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=sheet, index=False)
    return path


def _rewrite_part(path: Path, part: str, change: object) -> None:
    """Rewrite one part of a workbook (an XML file in its zip) with ``change(bytes)``."""
    source = zipfile.ZipFile(path)
    members = {info.filename: (info, source.read(info.filename)) for info in source.infolist()}
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, (info, data) in members.items():
            target.writestr(info, change(data) if name == part else data)  # type: ignore[operator]


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli.app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


UITSPRAKEN = "jaar,uitkomst,aantal\n2022,schuldig,1238\n2022,vrijspraak,201\n2022,overig,104\n"


# --- silent wrong numbers ------------------------------------------------------------------------


def test_a_thousands_dot_in_a_column_of_decimals_is_ambiguous_and_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"drugsvangsten.csv": "jaar,haven,drug,kg\n2022,x,y,4.157\n"})
    message = _problems(folder)
    assert (
        "drugsvangsten (drugsvangsten.csv, machine notation), line 2, column kg: is ambiguous: "
        "'4.157' is 4.157 in machine notation but 4157 with a Dutch thousands dot"
    ) in message
    assert message.count("line 2, column kg") == 1  # one problem, said once


@pytest.mark.parametrize(("text", "value"), [("4.1570", 4.157), ("4.15", 4.15), ("4157", 4157.0)])
def test_a_decimal_that_cannot_be_a_thousands_dot_reads(
    tmp_path: Path, text: str, value: float
) -> None:
    folder = _folder(tmp_path, {"drugsvangsten.csv": f"jaar,haven,drug,kg\n2022,x,y,{text}\n"})
    assert oi.load_tables(folder)["drugsvangsten"]["kg"].tolist() == [value]


def test_a_text_cell_with_a_thousands_dot_in_a_workbook_is_refused_unless_dutch(
    tmp_path: Path,
) -> None:
    table = SAMPLES["drugsvangsten"].astype({"kg": object})
    table.loc[0, "kg"] = "4.157"
    _workbook(tmp_path / "werkmap.xlsx", table, "drugsvangsten")
    assert re.search(
        r"drugsvangsten \(werkmap.xlsx, sheet drugsvangsten\), row 2, column kg: is text "
        r"\('4.157'\) in a number column: with a Dutch thousands dot \(meaning 4157\)",
        _problems(tmp_path),
    )
    assert oi.load_tables(tmp_path, notation="nl")["drugsvangsten"]["kg"].iloc[0] == 4157.0


@pytest.mark.parametrize(
    ("cell", "outcome"),
    [
        (str(EXACT), EXACT),
        (str(EXACT - 1), EXACT - 1),
        (str(EXACT + 1), None),
        (str(2**63 + 5), None),
        ("9.007.199.254.740.993", None),  # the same in Dutch notation
    ],
)
def test_counts_are_read_exactly_up_to_2_to_the_53(
    tmp_path: Path, cell: str, outcome: int | None
) -> None:
    notation: Literal["nl", "machine"] = "nl" if "." in cell else "machine"
    sep = ";" if notation == "nl" else ","
    text = UITSPRAKEN.replace(",", sep).replace("1238", cell)
    folder = _folder(tmp_path, {"uitspraken.csv": text})
    if outcome is None:
        assert f"is too large to count exactly: above 2^53 = {EXACT}" in _problems(
            folder, notation=notation
        )
    else:
        counted = oi.load_tables(folder, notation=notation)["uitspraken"]["aantal"]
        assert int(counted.iloc[0]) == outcome  # not rounded through a float on the way


def test_a_count_beyond_2_to_the_53_in_a_parquet_file_is_refused(tmp_path: Path) -> None:
    table = SAMPLES["uitspraken"].copy()
    table.loc[0, "aantal"] = EXACT + 1
    table.to_parquet(tmp_path / "uitspraken.parquet")
    assert re.search(r"row 1, column aantal: is too large to count exactly", _problems(tmp_path))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (EXACT + 1, r"`schuldig` holds 9,007,199,254,740,993, beyond 2\^53"),
        (np.int64(EXACT + 3), r"`schuldig` holds 9,007,199,254,740,995, beyond 2\^53"),
        (10**30, r"`schuldig` holds 1,000,000,000,000,000,000,000,000,000,000, beyond 2\^53"),
        (np.array([EXACT + 2], dtype=np.uint64), r"holds 9,007,199,254,740,994, beyond"),
        (pd.Series([5, EXACT + 1], index=pd.Index([2021, 2022], name="jaar")),
         r"holds 9,007,199,254,740,993 for jaar 2022, beyond 2\^53"),
        (2.0**60,
         r"`schuldig` is a count beyond 2\^53 = 9,007,199,254,740,992 \(1152921504606846976\);"),
        (pd.Series([5.0, 2.0**60], index=pd.Index([2021, 2022], name="jaar")),
         r"beyond 2\^53 = 9,007,199,254,740,992 for jaar 2022 \(1152921504606846976\); float64"),
    ],
)  # fmt: skip
def test_a_count_beyond_2_to_the_53_is_refused_by_the_metrics(value: object, message: str) -> None:
    whole = value * 2  # type: ignore[operator]
    with pytest.raises(errors.InvalidInputError, match=message):
        m.aandeel_schuldig(value, whole)  # type: ignore[type-var]


def test_the_part_larger_than_its_whole_is_still_found_at_2_to_the_53() -> None:
    assert m.aandeel_schuldig(EXACT, EXACT) == 1.0
    with pytest.raises(errors.PartExceedsWholeError, match=r"9007199254740992 > 9007199254740991"):
        m.aandeel_schuldig(EXACT, EXACT - 1)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["1.238", "2"], r"got list of text \(values such as \['1.238', '2'\]\)"),
        ([True, False], r"got booleans \(True/False\)"),
        ([1, "2"], r"got list of text"),
        (np.array([1 + 2j, 3]), r"got complex numbers"),
        (np.array(["2021-01-01"], dtype="datetime64[D]"), r"got ndarray of datetime64\[D\]"),
        (np.array([b"1", b"2"]), r"got ndarray of text"),
        ([[1, 2], [3]], r"got lists of unequal length"),
        (pd.Series([1 + 1j, 2], index=["2022", "2023"]), r"got values of type complex128|complex"),
    ],
)
def test_totaal_over_periode_refuses_what_is_not_a_number(value: object, message: str) -> None:
    with pytest.raises(errors.InvalidInputError, match=rf"totaal_over_periode: .*{message}"):
        m.totaal_over_periode(value)  # type: ignore[call-overload]


JAAR = pd.Index([2021, 2022], name="jaar")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (pd.Series([True, False], index=JAAR), r"got booleans \(True/False\)"),
        (np.array([True, False]), r"got booleans \(True/False\)"),
        (pd.Series([3 + 1j, 4], index=JAAR), r"got complex numbers"),
        (3 + 1j, r"got complex numbers"),
        (pd.Series(pd.period_range("2021", periods=2, freq="Y"), index=JAAR), r"period\[Y"),
        (pd.Series(pd.to_datetime(["2021-01-01", "2022-01-01"]), index=JAAR), r"datetime64"),
        (pd.Series(["1", "2"], index=JAAR), r"got Series of text"),
        (pd.Series(pd.Categorical([1, 2]), index=JAAR), r"category"),
        (pd.Timedelta(days=1), r"Timedelta"),
    ],
)
def test_the_metrics_refuse_values_that_are_not_real_numbers(value: object, message: str) -> None:
    with pytest.raises(errors.InvalidInputError, match=rf"verandering: `vorig` must .*{message}"):
        m.verandering(value, value)  # type: ignore[type-var]


@pytest.mark.parametrize(
    "value",
    [
        pd.Series([1, 2], index=JAAR, dtype=object),  # numbers held as Python objects
        pd.Series([1, pd.NA], index=JAAR, dtype="Int64"),
        np.array([1, 2], dtype=np.float16),
        pd.Series(pd.arrays.SparseArray([1.0, 2.0]), index=JAAR),
    ],
)
def test_the_metrics_take_numbers_of_any_numeric_type(value: object) -> None:
    out = m.verandering(value, value)  # type: ignore[type-var]
    assert np.nan_to_num(np.asarray(out, dtype=float)).tolist() == [0.0, 0.0]


def test_a_decimal_scalar_gives_a_float_like_any_number() -> None:
    from decimal import Decimal

    out: object = m.verandering(Decimal(10), Decimal(15))  # type: ignore[type-var]
    assert type(out) is float
    assert out == 5.0


# --- files that are not what their name says -----------------------------------------------------


def _good_workbook(path: Path) -> Path:
    return _workbook(path, SAMPLES["uitspraken"], "uitspraken")


def _sheet_part(data: bytes, prolog: bytes, cell: bytes) -> bytes:
    body = data.split(b"?>", 1)[-1]
    return prolog + body.replace(b"<v>2018</v>", b"<v>" + cell + b"</v>", 1)


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def _zero_byte(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    data = _good_workbook(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _csv_named_xlsx(path: Path) -> None:
    path.write_text(UITSPRAKEN, encoding="utf-8")


def _damaged(path: Path) -> None:
    _good_workbook(path)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    data[start : start + 20] = bytes(b ^ 0xFF for b in data[start : start + 20])
    path.write_bytes(bytes(data))


def _entity_bomb(path: Path) -> None:
    _good_workbook(path)
    _rewrite_part(path, "xl/worksheets/sheet1.xml", lambda d: _sheet_part(d, BOMB, b"&c;"))


def _external_entity(path: Path) -> None:
    _good_workbook(path)
    _rewrite_part(path, "xl/worksheets/sheet1.xml", lambda d: _sheet_part(d, EXTERNAL, b"&e;"))


def _zip_bomb(path: Path) -> None:
    _good_workbook(path)
    padding = b" " * (8 * 2**20)  # 8 MiB of blanks compresses about 950 times
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b"<sheetData>", padding + b"<sheetData>", 1),
    )


HOSTILE_WORKBOOKS = {
    "zero bytes": (_zero_byte, r"is not an Excel workbook \(.xlsx\) that can be read"),
    "cut short": (_truncated, r"is not an Excel workbook \(.xlsx\) that can be read"),
    "a CSV file named .xlsx": (_csv_named_xlsx, r"is not an Excel workbook .* saved as .xlsx"),
    "damaged compressed data": (_damaged, r"is a damaged Excel workbook \(.*decompress"),
    "an XML entity bomb": (_entity_bomb, r"declares XML entities or a document type \(DTD\)"),
    "an external entity": (_external_entity, r"declares XML entities or a document type"),
    "a zip bomb": (_zip_bomb, r"has a part \(xl/worksheets/sheet1.xml\) that expands [\d,]+ times"),
}  # fmt: skip


@pytest.mark.parametrize("case", HOSTILE_WORKBOOKS)
def test_a_workbook_that_cannot_be_read_is_one_problem_in_words(tmp_path: Path, case: str) -> None:
    make, message = HOSTILE_WORKBOOKS[case]
    folder = tmp_path / "tabellen"
    folder.mkdir()
    make(folder / "uitspraken.xlsx")
    problems = _problems(folder)
    assert re.search(rf"- uitspraken.xlsx: uitspraken.xlsx {message}", problems), problems
    code, output = _cli("validate", "--data", str(folder))
    assert code == 2
    assert re.search(message, output.replace("\n", " "))


def test_parquet_with_bytes_that_are_not_utf8_is_refused(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "jaar": [2022],
            "uitkomst": pa.array([b"schuld\xffig"], pa.binary()),
            "aantal": [1],
        }
    )
    pq.write_table(table, tmp_path / "uitspraken.parquet")
    assert "has a column 'uitkomst' of bytes that are not UTF-8 text" in _problems(tmp_path)


@pytest.mark.parametrize("cut", [20, 400])
def test_a_parquet_file_cut_short_is_refused(tmp_path: Path, cut: int) -> None:
    SAMPLES["uitspraken"].to_parquet(tmp_path / "uitspraken.parquet")
    data = (tmp_path / "uitspraken.parquet").read_bytes()
    (tmp_path / "uitspraken.parquet").write_bytes(data[: len(data) - cut])
    assert "uitspraken.parquet is not a Parquet file that can be read" in _problems(tmp_path)


def test_a_parquet_file_named_csv_is_refused_with_a_hint(tmp_path: Path) -> None:
    SAMPLES["uitspraken"].to_parquet(tmp_path / "uitspraken.csv")
    assert re.search(r"uitspraken.csv is not UTF-8 text .*save it as UTF-8", _problems(tmp_path))


def test_a_latin1_csv_is_refused_with_the_hint_to_save_as_utf8(tmp_path: Path) -> None:
    text = UITSPRAKEN.replace("overig", "overig (café)")
    _folder(tmp_path, {"uitspraken.csv": text.encode("latin-1")})
    assert (
        "uitspraken.csv is not UTF-8 text (byte 0xe9 on line 4); save it as UTF-8 (in Excel: "
        "'CSV UTF-8')"
    ) in _problems(tmp_path / "tabellen")


# --- unbounded work from small input -------------------------------------------------------------


def _uitspraken_workbook() -> tuple[Any, Any]:
    """A workbook whose one sheet, 'uitspraken', holds the bundled uitspraken table."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "uitspraken"
    for row in [list(SAMPLES["uitspraken"].columns), *SAMPLES["uitspraken"].to_numpy().tolist()]:
        sheet.append(row)
    return workbook, sheet


def test_a_stray_cell_far_away_is_reported_by_its_address_not_read(tmp_path: Path) -> None:
    workbook, sheet = _uitspraken_workbook()
    sheet["XFD1048576"] = "x"  # the last cell of a sheet: the used range would be 17 G cells
    workbook.save(tmp_path / "werkmap.xlsx")
    assert (tmp_path / "werkmap.xlsx").stat().st_size < 10_000
    assert (
        "werkmap.xlsx sheet uitspraken: cell XFD1048576 holds 'x', beyond the 1,000,000 rows and "
        "200 columns a table may have; a stray cell far from the table?"
    ) in _problems(tmp_path)


def test_a_declared_dimension_is_not_trusted(tmp_path: Path) -> None:
    path = _good_workbook(tmp_path / "werkmap.xlsx")
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', d),
    )
    pd.testing.assert_frame_equal(oi.load_tables(tmp_path)["uitspraken"], SAMPLES["uitspraken"])


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (_readers.Limits(rows=10), r"cell A12 holds .* beyond the 10 rows and 200 columns"),
        (_readers.Limits(columns=2), r"cell C1 holds 'aantal', beyond the 1,000,000 rows and 2"),
        (_readers.Limits(workbook_cells=20), r"holds more than the 20 cells with data a workbook"),
        (_readers.Limits(workbook_bytes=1000), r"unpacks to [\d,]+ bytes, more than the 1,000 a"),
        (_readers.Limits(file_bytes=100), r"is [\d,]+ bytes, more than the 100 a table file may"),
    ],
)  # fmt: skip
def test_every_limit_of_a_workbook_is_enforced_with_its_number(
    tmp_path: Path, limits: _readers.Limits, message: str
) -> None:
    path = _good_workbook(tmp_path / "werkmap.xlsx")
    with pytest.raises(_readers.UnreadableFileError, match=message):
        _readers.read_xlsx(path, limits)


def test_the_limits_of_csv_and_parquet_tables(tmp_path: Path) -> None:
    (tmp_path / "uitspraken.csv").write_text(UITSPRAKEN, encoding="utf-8")
    with pytest.raises(_readers.UnreadableFileError, match=r"has more than the 2 rows a table"):
        _readers.read_csv(tmp_path / "uitspraken.csv", "machine", _readers.Limits(rows=2))
    with pytest.raises(_readers.UnreadableFileError, match=r"has 3 columns, more than the 2"):
        _readers.read_csv(tmp_path / "uitspraken.csv", "machine", _readers.Limits(columns=2))
    SAMPLES["uitspraken"].to_parquet(tmp_path / "uitspraken.parquet")
    with pytest.raises(_readers.UnreadableFileError, match=r"has 15 rows, more than the 10"):
        _readers.read_parquet(tmp_path / "uitspraken.parquet", _readers.Limits(rows=10))


# --- TOML: catalogues and figure records ---------------------------------------------------------


RECORD = """[[figure]]
id = "x"
section = "s"
quote = "81% kreeg"
phrase = "81%"
{body}
"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("cell = " + "[" * 5000 + "]" * 5000, r"nests arrays or tables more than 32 levels deep"),
        ("note = " + "{a=" * 3000 + "1" + "}" * 3000, r"nests arrays or tables more than 32"),
        ("# " + "x" * (5 * 2**20), r"is [\d,]+ bytes, more than the 4,194,304 a TOML file"),
        ('metric = "aandeel_schuldig"\nwhere = { jaar = 2022 }\ncompare = "no"',
         r"unknown keys \['compare'\]"),
        ('cell = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n[[figure.reading]]\n'
         'sum = "uitspraken:aantal[jaar=2022]"\ncompare = 1',
         r"compare must be true or false, got 1"),
        ("cell = 5", r'cell must be text, got 5 \(e.g. "+uitspraken:aantal\[jaar=2022\]"+\)'),
        ('metric = ["a"]\nwhere = { jaar = 2022 }',
         r"metric must be text, got \['a'\] \(a metric's id\)"),
        ('cell = "drugsvangsten:kg[haven=*,drug=*,jaar=2022]"',
         r"asks for one value per haven, drug \('\*'\); a record names one number"),
        ('metric = "aandeel_schuldig"\nwhere = { jaar = [2021, 2022], uitkomst = true }',
         r"where gives jaar, uitkomst more than one value, or not a value"),
        ('metric = "aandeel_duurklasse"\nwhere = { uitkomst = "x" }',
         r"the input in_klasse of 'aandeel_duurklasse' \(vrijheidsstraffen:aantal\[duurklasse="
         r"\*\]\) is per jaar, duurklasse: name it in where"),
        ('metric = "aandeel_schuldig"\nwhere = { jaar = 2022, foo = 1, bar = 2 }',
         r"where names bar, foo, which no input of 'aandeel_schuldig' is per \(per period: "),
        ('not_derivable = " "', r"not_derivable must say, in text, why no table gives the figure"),
        ('cell = "uitspraken:aantal[jaar=2022]"\nknown_discrepancy = 1',
         r"record 'x': known_discrepancy must be text"),
        ('cell = "uitspraken:aantal[jaar=2022]"\n[[figure.reading]]\nlabel = 5\n'
         'sum = "uitspraken:aantal[jaar=2022]"', r"a reading's label must be text"),
        ('sum = "kerncijfers:indicator[indicator=uithalers_vervolgd]"',
         r"reads the column 'indicator' of 'kerncijfers', which holds text, not numbers"),
        ('metric = "aandeel_vrijheidsstraffen"\ninputs = { vrijheidsstraffen = '
         '"vrijheidsstraffen:aantal[jaar=2022,duurklasse=tot_1_jaar]" }',
         r"takes schuldig, vrijheidsstraffen; the record gives vrijheidsstraffen"),
        ('metric = "aandeel_schuldig"\ninputs = { schuldig = "uitspraken:aantal[jaar=2022]", '
         'uitspraken = "uitspraken:aantal[jaar=2022]", extra = "uitspraken:aantal[jaar=2022]" }',
         r"takes schuldig, uitspraken; the record gives extra, schuldig, uitspraken\."),
        ('metric = "aandeel_schuldig"\ninputs = { schuldig = "uitspraken:onbekend[jaar=2022]", '
         'uitspraken = "uitspraken:aantal[jaar=2022]" }',
         r"Record 'x' \(.*draft.toml, line 1\): table 'uitspraken' has no column 'onbekend'; "
         r"columns: jaar, uitkomst, aantal\."),
    ],
)  # fmt: skip
def test_a_hostile_record_file_is_an_invalid_record_not_a_traceback(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(RECORD.format(body=body), encoding="utf-8")
    result = reproduce_records(load_records([path]), SAMPLES)
    assert result["status"].tolist() == ["invalid"]
    assert re.search(message, result["note"].iloc[0]), result["note"].iloc[0]
    code, output = _cli("reproduce", "--figures", str(path), "-f", "csv")
    assert code == 3
    assert re.search(message, output.replace("\n", " "))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes("note = 'café'".encode("latin-1")),
         r"is not UTF-8 text \(byte 0xe9 at offset 11\); save it as UTF-8"),
        (lambda p: p.mkdir(), r"cannot be read: Is a directory"),
    ],
)  # fmt: skip
def test_a_record_file_that_cannot_be_read_is_one_invalid_record(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "draft.toml"
    make(path)  # type: ignore[operator]
    (record,) = load_records([path])
    assert record.problem is not None
    assert re.search(message, record.problem)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[tables.uitspraken]\ncorrections = 5", r"corrections must be a list"),
        ("[tables.uitspraken]\ncaveats = " + "[" * 100 + "]" * 100,
         r"nests arrays or tables more than 32"),
        ("[edition]\nid = 5", r"\[edition\] id must be non-empty text"),
        ("[tables.vonnissen]", r"unknown table 'vonnissen'"),
    ],
)  # fmt: skip
def test_a_hostile_catalogue_is_a_catalogue_error(tmp_path: Path, text: str, message: str) -> None:
    oi.write_tables({"uitspraken": SAMPLES["uitspraken"]}, tmp_path / "tables")
    (tmp_path / "catalogue.toml").write_text(text, encoding="utf-8")
    with pytest.raises(errors.CatalogueError, match=message):
        oi.load_edition(tmp_path)
    code, output = _cli("audit", "--data", str(tmp_path))
    assert code == 2
    assert re.search(message, output.replace("\n", " "))


# --- tables that vanish --------------------------------------------------------------------------


def _directory(path: Path) -> None:
    path.mkdir()


def _dangling(path: Path) -> None:
    path.symlink_to(path.with_name("elders.csv"))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_directory, r"uitspraken.csv is a folder, not a table file"),
        (_dangling, r"uitspraken.csv is a link to .*elders.csv, which does not exist"),
        (_fifo, r"uitspraken.csv is not a regular file \(a pipe, socket or device\)"),
    ],
)
def test_something_named_like_a_table_that_is_not_a_file_is_reported(
    tmp_path: Path, make: object, message: str
) -> None:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    make(folder / "uitspraken.csv")  # type: ignore[operator]
    assert re.search(message, _problems(folder))
    code, output = _cli("validate", "--data", str(folder))
    assert code == 2
    assert "OK" not in output


def test_an_empty_folder_is_not_ok(tmp_path: Path) -> None:
    assert re.search(r"holds no table file \(.csv, .xlsx or .parquet", _problems(tmp_path))
    code, output = _cli("validate", "--data", str(tmp_path))
    assert code == 2
    assert "OK" not in output


# --- places and words ----------------------------------------------------------------------------


def test_line_numbers_count_blank_lines_and_multi_line_cells(tmp_path: Path) -> None:
    header = "indicator,jaar,categorie,thema,waarde,kwalificatie,eenheid,omschrijving\n"
    text = (
        header
        + "\n"  # line 2: blank
        + 'a,2022,,Bestraffen,1,,aantal,"twee\nregels"\n'  # lines 3-4: one row
        + "\r\n"  # line 5: blank
        + "b,2022,,Bestraffen,abc,,aantal,z\n"  # line 6
    )
    folder = _folder(tmp_path, {"kerncijfers.csv": text})
    message = _problems(folder)
    assert "(kerncijfers.csv, machine notation), line 6, column waarde: is not a number" in message


def test_a_ragged_row_names_its_line(tmp_path: Path) -> None:
    text = "jaar,uitkomst,aantal\n2022,schuldig,1\n2022,vrijspraak\n2022,overig,3,4\n"
    message = _problems(_folder(tmp_path, {"uitspraken.csv": text}))
    assert "line 3: has 2 fields where the header has 3" in message
    assert "line 4: has 4 fields where the header has 3" in message


@pytest.mark.parametrize("digits", ["１２３", "٣", "१२"])
def test_digits_other_than_0_to_9_are_named_not_called_empty(tmp_path: Path, digits: str) -> None:
    folder = _folder(tmp_path, {"uitspraken.csv": UITSPRAKEN.replace("201", digits)})
    message = _problems(folder)
    assert f"line 3, column aantal: has digits other than 0-9 ('{digits}')" in message
    assert "empty" not in message


def test_a_formula_without_a_stored_value_says_so(tmp_path: Path) -> None:
    workbook, sheet = _uitspraken_workbook()
    sheet["C2"] = "=1+1"  # openpyxl stores no cached value, as a script-made workbook
    workbook.save(tmp_path / "werkmap.xlsx")
    assert (
        "row 2, column aantal: is a formula whose value the file does not store; open the "
        "workbook in a spreadsheet program and save it"
    ) in _problems(tmp_path)


# --- compute keeps going -------------------------------------------------------------------------


def test_compute_on_a_folder_validate_accepts_skips_what_has_no_rows(tmp_path: Path) -> None:
    kern = SAMPLES["kerncijfers"]
    oi.write_tables({"kerncijfers": kern[kern["indicator"] == "uithalers_vervolgd"]}, tmp_path)
    assert _cli("validate", "--data", str(tmp_path))[0] == 0
    code, output = _cli(
        "compute", "--data", str(tmp_path), "--out", str(tmp_path / "uit" / "i.csv")
    )
    assert code == 0, output
    assert "skipped groeifactor: the tables give no period it applies to" in output
    assert "Error" not in output


def test_compute_writes_the_rest_and_exits_3_when_a_year_cannot_be_computed(
    tmp_path: Path,
) -> None:
    tables = {k: v.copy() for k, v in SAMPLES.items() if k in {"uitspraken", "vrijheidsstraffen"}}
    u = tables["uitspraken"]
    u.loc[(u["jaar"] == 2020) & (u["uitkomst"] == "schuldig"), "aantal"] = 0
    v = tables["vrijheidsstraffen"]
    v.loc[v["jaar"] == 2020, "aantal"] = 0
    oi.write_tables(tables, tmp_path / "tabellen")
    out = tmp_path / "uit" / "i.csv"
    code, output = _cli("compute", "--data", str(tmp_path / "tabellen"), "--out", str(out))
    assert code == 3
    assert re.search(r"aandeel_vrijheidsstraffen.*`schuldig` is 0 for jaar 2020", output)
    values = pd.read_csv(out)
    years = values.query("metric == 'aandeel_vrijheidsstraffen'")["year"].tolist()
    assert sorted(years) == [2018, 2019, 2021, 2022]


# --- records files: killed writes, cut-short files, engines' errors ------------------------------


def test_a_records_file_cut_short_is_refused_by_aggregate(tmp_path: Path) -> None:
    good = tmp_path / "uitspraken.parquet"
    write_records(generate_verdicts(seed=1), good)
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])
    code, output = _cli("aggregate", str(good), "--out", str(tmp_path / "t"))
    assert code == 2
    assert "uitspraken.parquet is not a complete Parquet file" in output
    assert not (tmp_path / "t").exists()
    csv = tmp_path / "uitspraken.csv"
    write_records(generate_verdicts(seed=1), csv)
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    code, output = _cli("aggregate", str(csv), "--out", str(tmp_path / "t"), "--kind", "verdicts")
    assert code == 2
    assert "uitspraken.csv does not match its checksum file uitspraken.csv.sha256" in output
    assert not (tmp_path / "t").exists()


def test_a_parquet_records_file_with_rows_removed_is_refused(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = write_records(generate_seizures(seed=2), tmp_path / "beslag.parquet")
    table = pq.read_table(path)
    pq.write_table(table.slice(0, table.num_rows - 1), path)  # keeps the metadata: one row less
    with pytest.raises(errors.InvalidInputError, match=r"was written with [\d,]+; it was changed"):
        verify_records(path)


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from ondermijning_indicators._writers import staged
with staged(Path(sys.argv[1]), ["uitspraken.parquet"], overwrite=True, what="t") as folder:
    (folder / "uitspraken.parquet").write_bytes(b"half a file")
    print("staged", flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_the_old_file_and_its_litter_is_cleared(tmp_path: Path) -> None:
    good = write_records(generate_verdicts(seed=1), tmp_path / "uitspraken.parquet")
    before = good.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    with proc.stdout:
        assert proc.stdout.readline().strip() == "staged"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert good.read_bytes() == before  # the good file is still there, whole
    litter = list(tmp_path.glob(".writing-*"))
    assert len(litter) == 1
    verify_records(good)
    write_records(generate_verdicts(seed=2), tmp_path / "ander.parquet")
    assert list(tmp_path.glob(".writing-*")) == []  # the next write clears what the killed left


def test_a_failed_write_removes_its_staging_folder(tmp_path: Path) -> None:
    with (  # noqa: PT012 - the failure is inside the write
        pytest.raises(RuntimeError, match="disk full"),
        staged(tmp_path, ["a.csv"], overwrite=False, what="t") as folder,
    ):
        (folder / "a.csv").write_text("x", encoding="utf-8")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ("late_bad_cell", r"cannot read the records .*could not parse `twaalf` .*'duur_maanden'"),
        ("ragged", r"cannot read the records .*more fields than defined"),
        ("latin1_header", r"uitspraken.csv is not UTF-8 text; save it as UTF-8"),
        ("corrupt_parquet", r"uitspraken.parquet is not a complete Parquet file"),
    ],
)
def test_aggregate_refuses_an_unreadable_records_file_in_one_message(
    tmp_path: Path, records: str, message: str
) -> None:
    frame = generate_verdicts(seed=3)
    path = tmp_path / "uitspraken.csv"
    if records == "late_bad_cell":
        frame = frame.astype({"duur_maanden": object})
        frame.loc[frame.index[500], "duur_maanden"] = "twaalf"
        frame.to_csv(path, index=False)
    elif records == "ragged":
        frame.to_csv(path, index=False)
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[300] += ",extra"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif records == "latin1_header":
        frame.rename(columns={"delictgroep": "delictgroep_é"}).to_csv(
            path, index=False, encoding="latin-1"
        )
    else:
        path = tmp_path / "uitspraken.parquet"
        frame.to_parquet(path)
        data = path.read_bytes()
        path.write_bytes(data[:-30])
    code, output = _cli("aggregate", str(path), "--out", str(tmp_path / "t"))
    assert code == 2, output
    assert len(output.strip().splitlines()) <= 3, output
    assert re.search(message, output.replace("\n", " "), re.IGNORECASE), output


# --- overwriting ---------------------------------------------------------------------------------


def test_aggregate_does_not_replace_existing_tables_without_force(tmp_path: Path) -> None:
    records = write_records(generate_verdicts(seed=1), tmp_path / "uitspraken.parquet")
    out = tmp_path / "tabellen"
    oi.write_tables({"uitspraken": SAMPLES["uitspraken"]}, out)
    before = (out / "uitspraken.csv").read_bytes()
    code, output = _cli("aggregate", str(records), "--out", str(out))
    assert code == 4
    assert re.search(r"uitspraken.csv exists already; pass overwrite=True \(--force\)", output)
    assert (out / "uitspraken.csv").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["uitspraken.csv"]
    code, output = _cli("aggregate", str(records), "--out", str(out), "--force")
    assert code == 0, output
    assert (out / "vrijheidsstraffen.csv").is_file()


@pytest.mark.parametrize("command", ["generate", "compute"])
def test_generate_and_compute_do_not_replace_a_file_without_force(
    tmp_path: Path, command: str
) -> None:
    target = tmp_path / ("r.parquet" if command == "generate" else "i.csv")
    target.write_text("van iemand anders", encoding="utf-8")
    args = [command, str(target)] if command == "generate" else [command, "--out", str(target)]
    code, output = _cli(*args)
    assert code == 4
    assert "exists already; pass overwrite=True (--force)" in output
    assert target.read_text(encoding="utf-8") == "van iemand anders"
    code, output = _cli(*args, "--force")
    assert code == 0, output
    assert target.read_bytes() != b"van iemand anders"


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (lambda p: p, r"is a folder; give the name of a file in it"),
        (lambda p: p / "bestaand.txt" / "i.csv", r"bestaand.txt is a file, so .* cannot be"),
        (lambda p: p / "datapackage.json", r"datapackage.json"),
    ],
)
def test_compute_out_that_cannot_be_a_results_file_is_refused(
    tmp_path: Path, where: object, message: str
) -> None:
    (tmp_path / "bestaand.txt").write_text("blijft", encoding="utf-8")
    target = where(tmp_path)  # type: ignore[operator]
    code, output = _cli("compute", "--out", str(target))
    assert code == 4
    assert re.search(message, output.replace("\n", " ")), output
    assert (tmp_path / "bestaand.txt").read_text(encoding="utf-8") == "blijft"
    assert not (tmp_path / "datapackage.json").exists()


# --- torn pairs: a data file and its description -------------------------------------------------


def test_data_newer_than_its_datapackage_is_detected_by_the_hash(tmp_path: Path) -> None:
    import frictionless

    result = oi.compute()
    oi.write_results(result, tmp_path / "i.csv")
    # A write killed between the two moves pairs new data with the old description:
    changed = oi.ComputeResult(values=result.values.iloc[:-1], skipped=result.skipped)
    with staged(tmp_path, ["i.csv"], overwrite=True, what="t") as folder:
        oi.write_results(changed, folder / "i.csv")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert ["hash-count"] in report.flatten(["type"])


# --- formula injection ---------------------------------------------------------------------------


HOSTILE_TEXT = [
    "=1+1",
    "+31",
    "-5 graden",
    "@SUM(A1)",
    "\t=1",
    'totaal\r=HYPERLINK("http://x")',
    "regel\n-2+3",
    "a\r\n@b",
    "'=al gequote",
    "''=twee keer",
    "'s-Hertogenbosch",
    "gewoon",
    "\n=1",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_neutralise_quotes_every_line_that_starts_like_a_formula_and_round_trips(text: str) -> None:
    quoted = neutralise(text)
    for line in re.split(r"\r\n|\r|\n", quoted):
        assert line[:1] not in {"=", "+", "-", "@", "\t"}
    assert unneutralise(quoted) == text


@pytest.mark.parametrize(
    ("fmt", "notation"), [("csv", "machine"), ("csv", "nl"), ("xlsx", "machine")]
)
def test_hostile_text_is_quoted_in_the_files_and_reads_back_exactly(
    tmp_path: Path, fmt: str, notation: str
) -> None:
    kern = SAMPLES["kerncijfers"].head(len(HOSTILE_TEXT)).copy()
    kern["omschrijving"] = HOSTILE_TEXT[: len(kern)]
    kern.loc[kern.index[0], "waarde"] = -5.0  # a negative number stays a number
    oi.write_tables({"kerncijfers": kern}, tmp_path, format=fmt, notation=notation)  # type: ignore[arg-type]
    if fmt == "csv":
        raw = (tmp_path / "kerncijfers.csv").read_bytes()
        assert b'"totaal\r\'=HYPERLINK(""http://x"")"' in raw  # quoted: one cell, and inert
        assert b"\n=" not in raw
        assert b"\r=" not in raw
        assert re.search(rb"[,;]-5(\.0)?[,;]", raw)  # a number, even negative, is not quoted
    back = oi.load_tables(tmp_path)["kerncijfers"]
    # exactly, a workbook too: openpyxl writes through lxml (which python-docx brings),
    # which keeps a bare carriage return as a character reference
    assert back["omschrijving"].tolist() == kern["omschrijving"].tolist()
    assert back["waarde"].iloc[0] == -5.0


def test_reproduce_and_audit_csv_output_is_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(
        RECORD.format(body='cell = "=1+1"').replace('section = "s"', 'section = "=HYPERLINK(0)"'),
        encoding="utf-8",
    )
    code, output = _cli("reproduce", "--figures", str(path), "-f", "csv")
    frame = pd.read_csv(io.StringIO(output), dtype=str)
    assert frame["section"].tolist() == ["'=HYPERLINK(0)"] or frame["section"].isna().all()
    assert not any(str(v).startswith(("=", "+", "@")) for v in frame.to_numpy().ravel())
    code, output = _cli("audit", "-f", "csv", "--all")
    assert code == 0
    for cell in pd.read_csv(io.StringIO(output), dtype=str).to_numpy().ravel():
        assert not str(cell).startswith(("=", "+", "@")), cell


# --- the command line: never a traceback ---------------------------------------------------------


def test_every_command_given_a_hostile_folder_answers_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    _entity_bomb(folder / "uitspraken.xlsx")
    for args in (
        ["validate", "--data", str(folder)],
        ["compute", "--data", str(folder), "--out", str(tmp_path / "o" / "i.csv")],
        ["audit", "--data", str(folder)],
        ["reproduce", "--data", str(folder)],
    ):
        code, output = _cli(*args)
        assert code == 2, (args, output)
        assert "declares XML entities" in output.replace("\n", " "), (args, output)


def test_python_integers_held_as_objects_are_exact_up_to_2_to_the_53() -> None:
    at_limit = np.array([EXACT], dtype=object)
    np.testing.assert_array_equal(m.aandeel_schuldig(at_limit, at_limit), [1.0])
    with pytest.raises(errors.InvalidInputError, match=r"holds 1,000,000,000,000,000,000,000,"):
        m.aandeel_schuldig(
            np.array([5, 10**30], dtype=object), np.array([10, 10**30], dtype=object)
        )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (np.array([2**63 + 5], dtype=np.uint64), r"holds 9,223,372,036,854,775,813, beyond 2\^53"),
        (np.array([[5, EXACT + 1], [1, 2]]), r"holds 9,007,199,254,740,993, beyond 2\^53"),
        (np.array([[5, -EXACT - 1], [1, 2]]), r"holds -9,007,199,254,740,993, beyond 2\^53"),
        (np.array([EXACT + 1, 3, EXACT + 3]),
         r"holds 9,007,199,254,740,993, 9,007,199,254,740,995, beyond 2\^53"),
        (pd.Series([EXACT + 1, 3], index=[2021, 2022]),
         r"holds 9,007,199,254,740,993 for index 2021, beyond 2\^53"),
        (pd.Series([5, None, EXACT + 1], dtype="Int64",
                   index=pd.Index([2020, 2021, 2022], name="jaar")),
         r"holds 9,007,199,254,740,993 for jaar 2022, beyond 2\^53"),
    ],
)  # fmt: skip
def test_whole_numbers_of_every_integer_type_and_shape_are_checked_against_2_to_the_53(
    value: object, message: str
) -> None:
    with pytest.raises(errors.InvalidInputError, match=message):
        m.verandering(value, value)  # type: ignore[type-var]


def test_exactly_2_to_the_53_is_still_exact_for_every_sign_and_integer_type() -> None:
    at_limit = np.array([EXACT], dtype=np.uint64)
    np.testing.assert_array_equal(m.aandeel_schuldig(at_limit, at_limit), [1.0])
    np.testing.assert_array_equal(m.verandering(np.array([-EXACT]), np.array([0])), [float(EXACT)])


def test_numbers_held_as_objects_may_have_gaps_but_not_text() -> None:
    gaps = m.aandeel_schuldig(
        np.array([1, None, 3], dtype=object), np.array([2, 4, 6], dtype=object)
    )
    np.testing.assert_array_equal(gaps, [0.5, np.nan, 0.5])
    with pytest.raises(errors.InvalidInputError, match="got ndarray of text "):
        m.aandeel_schuldig(np.array(["a", "b"], dtype=object), np.array([2, 4]))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (np.array([b"a"], dtype=object),
         "aandeel_schuldig: `schuldig` must hold numbers, got ndarray of text (values such as "
         "[b'a']); convert text to numbers first (ondermijning_indicators.validate_tables does "
         "so strictly)"),
        (np.array([1, pd.NA], dtype=object),  # numbers by type, but not one a float can hold
         "aandeel_schuldig: `schuldig` must hold numbers, got ndarray (values such as [1, <NA>]); "
         "convert text to numbers first (ondermijning_indicators.validate_tables does so "
         "strictly)"),
    ],
)  # fmt: skip
def test_objects_that_are_not_all_numbers_are_refused_in_full(value: object, message: str) -> None:
    with pytest.raises(errors.InvalidInputError, match="must hold numbers") as caught:
        m.aandeel_schuldig(value, value)  # type: ignore[type-var]
    assert str(caught.value) == message


def test_a_nullable_integer_series_reads_its_gaps_as_missing() -> None:
    years = pd.Index([2020, 2021, 2022], name="jaar")
    gaps = pd.Series([1, None, 3], dtype="Int64", index=years)
    out = m.aandeel_schuldig(gaps, gaps * 2)
    pd.testing.assert_series_equal(
        out, pd.Series([0.5, np.nan, 0.5], index=years, name="aandeel_schuldig")
    )


def _workbook_with_cell(tmp_path: Path, raw: str) -> Path:
    """A folder whose uitspraken table is a workbook, cell C2's stored <v> set to ``raw``."""
    workbook, _ = _uitspraken_workbook()
    plain = tmp_path / "plain.xlsx"
    workbook.save(plain)
    folder = tmp_path / "tabellen"
    folder.mkdir()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(folder / "uitspraken.xlsx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'(<c r="C2"[^>]*>)<v>[^<]*</v>',
                    lambda match: match.group(1) + b"<v>" + raw.encode() + b"</v>",
                    data,
                    count=1,
                )
            dst.writestr(item, data)
    return folder


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("9.007199254740993E15", "row 2, column aantal: is too large to count exactly"),
        ("１１７３", "row 2, column aantal: is text ('１１７３') in a number column"),
        ("1_173", "row 2, column aantal: is text ('1_173') in a number column"),
        ("NaN", "row 2, column aantal: is text ('NaN') in a number column"),
        ("0x10", "row 2, column aantal: is text ('0x10') in a number column"),
    ],
)
def test_a_workbook_number_is_read_as_strictly_as_a_csv_cell(
    tmp_path: Path, raw: str, message: str
) -> None:
    """openpyxl reads a stored number with int()/float(): "１１７３" and "1_173" become 1173,
    "9.007199254740993E15" becomes 2^53, and "NaN" stops the whole file."""
    assert message in _problems(_workbook_with_cell(tmp_path, raw))


def test_a_workbook_number_written_plainly_still_reads(tmp_path: Path) -> None:
    tables = oi.load_tables(_workbook_with_cell(tmp_path, "1173"))
    assert 1173 in tables["uitspraken"]["aantal"].tolist()


def test_a_dataframe_is_refused_rather_than_paired_by_column_position() -> None:
    with pytest.raises(errors.InvalidInputError, match="is a DataFrame") as caught:
        m.aandeel_schuldig(
            pd.DataFrame({"x": [1], "y": [3]}),  # type: ignore[type-var]
            pd.DataFrame({"y": [2], "x": [4]}),
        )
    assert str(caught.value) == (
        "aandeel_schuldig: `schuldig` is a DataFrame (columns x, y); pass one column at a "
        "time, as a Series indexed by year"
    )


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (np.ma.array([1, 2], mask=[False, True]), [0.5, np.nan]),
        (np.ma.array([1, 99], mask=[False, True]), [0.5, np.nan]),  # not 99 > 4 under the mask
        (np.ma.array([1.5, 2], mask=[True, False]), [np.nan, 0.5]),
    ],
)
def test_a_masked_value_is_missing_not_the_number_under_the_mask(
    part: np.ma.MaskedArray[Any, Any], expected: list[float]
) -> None:
    np.testing.assert_array_equal(m.aandeel_schuldig(part, np.ma.array([2, 4])), expected)


def test_force_replaces_a_result_but_never_another_results_description(tmp_path: Path) -> None:
    first = tmp_path / "r.parquet"
    code, output = _cli("compute", "--out", str(first))
    assert code == 0, output
    package = (tmp_path / "datapackage.json").read_text(encoding="utf-8")
    code, output = _cli("compute", "--out", str(tmp_path / "r.xlsx"), "--force")
    assert code == 4
    assert "describes r.parquet, another result in this folder" in output.replace("\n", " ")
    assert (tmp_path / "datapackage.json").read_text(encoding="utf-8") == package
    assert not (tmp_path / "r.xlsx").exists()
    code, output = _cli("compute", "--out", str(first), "--force")  # the same result: fine
    assert code == 0, output


def test_compute_does_not_write_into_the_folder_it_reads(tmp_path: Path) -> None:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    (folder / "uitspraken.csv").write_text(
        SAMPLES["uitspraken"].to_csv(index=False), encoding="utf-8"
    )
    code, output = _cli("compute", "--data", str(folder), "--out", str(folder / "extra.csv"))
    assert code == 4
    assert "the folder of tables it is computed from" in output.replace("\n", " ")
    assert sorted(p.name for p in folder.iterdir()) == ["uitspraken.csv"]
    # the library refuses it (the CLI only reports it), also into an edition's tables/
    edition = tmp_path / "editie"
    (edition / "tables").mkdir(parents=True)
    shutil.copy(folder / "uitspraken.csv", edition / "tables")
    for where in (folder, edition, edition / "tables"):
        source = edition if where != folder else folder
        result = oi.compute(oi.load_tables(source))
        with pytest.raises(errors.InvalidInputError, match="the folder of tables it is computed"):
            oi.write_results(result, where / "extra.csv")
    written = oi.write_results(oi.compute(oi.load_tables(folder)), tmp_path / "uit" / "x.csv")
    assert [p.name for p in written] == ["x.csv", "datapackage.json"]


def test_an_output_that_is_only_a_suffix_is_asked_for_a_name(tmp_path: Path) -> None:
    code, output = _cli("compute", "--out", str(tmp_path / ".csv"))
    assert code == 4
    assert "give the file a name before its suffix, e.g. indicatoren.csv" in output
