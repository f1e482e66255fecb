"""A folder of the analyst's own tables: formats, notations, and every malformed input."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli, errors

SAMPLES = oi.load_samples()


def _problems(folder: Path, **kwargs: object) -> str:
    with pytest.raises(errors.DataValidationError, match=r"^\d+ problems? in the tables") as info:
        oi.load_tables(folder, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# --- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "notation"),
    [("csv", "machine"), ("csv", "nl"), ("xlsx", "machine"), ("parquet", "machine")],
)
def test_every_sample_table_survives_a_round_trip(tmp_path: Path, fmt: str, notation: str) -> None:
    oi.write_tables(SAMPLES, tmp_path, format=fmt, notation=notation)  # type: ignore[arg-type]
    loaded = oi.load_tables(tmp_path)
    assert set(loaded) == set(SAMPLES)
    for name, df in SAMPLES.items():
        pd.testing.assert_frame_equal(loaded[name], df, check_dtype=True, obj=name)


def test_dutch_csv_looks_like_what_a_dutch_spreadsheet_saves(tmp_path: Path) -> None:
    oi.write_tables({"uitspraken": SAMPLES["uitspraken"]}, tmp_path, notation="nl")
    lines = (tmp_path / "uitspraken.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "jaar;uitkomst;aantal"
    assert "2022;schuldig;1.238" in lines


def test_a_new_year_is_just_more_rows(tmp_path: Path) -> None:
    extra = pd.DataFrame(
        {"jaar": [2023] * 3, "uitkomst": ["schuldig", "vrijspraak", "overig"],
         "aantal": [1300, 190, 90]}
    )  # fmt: skip
    tables = {"uitspraken": pd.concat([SAMPLES["uitspraken"], extra], ignore_index=True)}
    oi.write_tables(tables, tmp_path, notation="nl")
    loaded = oi.load_tables(tmp_path)["uitspraken"]
    assert sorted(loaded["jaar"].unique()) == [2018, 2019, 2020, 2021, 2022, 2023]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(values=st.lists(st.integers(0, 10**9), min_size=3, max_size=3))
def test_any_count_written_the_dutch_way_reads_back(tmp_path: Path, values: list[int]) -> None:
    table = pd.DataFrame(
        {"jaar": [2030] * 3, "uitkomst": ["schuldig", "vrijspraak", "overig"], "aantal": values}
    )
    folder = tmp_path / f"v{'_'.join(map(str, values))}"
    oi.write_tables({"uitspraken": table}, folder, notation="nl")
    assert oi.load_tables(folder)["uitspraken"]["aantal"].tolist() == values


# --- malformed input, one class at a time --------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


GOOD_NL = "jaar;uitkomst;aantal\n2022;schuldig;1.238\n2022;vrijspraak;201\n2022;overig;104\n"
GOOD_MACHINE = "jaar,uitkomst,aantal\n2022,schuldig,1238\n2022,vrijspraak,201\n2022,overig,104\n"

MALFORMED = [
    (
        "thousands dot read as a decimal point (machine CSV)",
        {"uitspraken.csv": GOOD_MACHINE.replace("1238", "1.238")},
        r"uitspraken \(uitspraken.csv, machine notation\), line 2, column aantal: is not a whole "
        r"number in machine notation: '1.238' looks like Dutch notation with a thousands dot "
        r"\(meaning 1238\)",
    ),
    (
        "a dot that is not a thousands separator (Dutch CSV)",
        {"uitspraken.csv": GOOD_NL.replace("201", "20.1")},
        r"line 3, column aantal: is not Dutch notation: '20.1' has a dot that does not separate "
        r"thousands",
    ),
    (
        "a decimal comma in a count (Dutch CSV)",
        {"uitspraken.csv": GOOD_NL.replace("104", "10,4")},
        r"line 4, column aantal: is not a whole number: '10,4' has a decimal comma",
    ),
    (
        "text in a number column",
        {"uitspraken.csv": GOOD_NL.replace("104", "onbekend")},
        r"line 4, column aantal: is not a whole number in Dutch notation \('onbekend'\)",
    ),
    (
        "an unknown table",
        {"uitspraken.csv": GOOD_NL, "vonnissen.csv": GOOD_NL},
        r"unknown table 'vonnissen': name the file or sheet after one of",
    ),
    (
        "an unknown column",
        {"uitspraken.csv": "jaar;uitkomst;aantal;bron\n2022;schuldig;1.238;x\n"},
        r"header, column bron: unknown column 'bron'",
    ),
    (
        "a missing column",
        {"uitspraken.csv": "jaar;uitkomst\n2022;schuldig\n"},
        r"required column 'aantal' is missing",
    ),
    (
        "a duplicated key",
        {"uitspraken.csv": GOOD_NL + "2022;schuldig;5\n"},
        r"lines 2, 5, column jaar, uitkomst: more than one row for jaar=2022, uitkomst=schuldig",
    ),
    (
        "a missing required table (the parts of a printed total)",
        {"uitspraken_totaal.csv": "jaar;aantal\n2022;1.543\n"},
        r"required table 'uitspraken' is missing \(its printed totals are in uitspraken_totaal\)",
    ),
    (
        "a file that is not a table",
        {"uitspraken.csv": GOOD_NL, "notities.docx": "x"},
        r"notities.docx is not a table file; use .csv, .xlsx or .parquet",
    ),
]


@pytest.mark.parametrize(("case", "files", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_input_is_reported_in_words(
    tmp_path: Path, case: str, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        _write(tmp_path, name, text)
    assert re.search(message, _problems(tmp_path)), case


def test_the_same_table_in_two_files_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "uitspraken.csv", GOOD_NL)
    SAMPLES["uitspraken"].to_parquet(tmp_path / "uitspraken.parquet", index=False)
    message = _problems(tmp_path)
    assert re.search(r"table 'uitspraken' is given twice: in uitspraken.csv, Dutch notation and "
                     r"in uitspraken.parquet", message)  # fmt: skip


def test_a_missing_table_the_caller_requires_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "uitspraken.csv", GOOD_NL)
    message = _problems(tmp_path, required=["vrijheidsstraffen"])
    assert "required table 'vrijheidsstraffen' is missing (asked for)" in message


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    _write(tmp_path, "uitspraken.csv", GOOD_NL.replace("201", "20.1"))
    _write(tmp_path, "vonnissen.csv", GOOD_NL)
    _write(tmp_path, "kerncijfers.csv", "id;thema\nx;Bestraffen\n")
    message = _problems(tmp_path)
    assert "20.1" in message
    assert "vonnissen" in message
    assert "kerncijfers" in message


def test_excel_sheets_are_tables_and_text_numbers_are_refused(tmp_path: Path) -> None:
    table = SAMPLES["uitspraken"].astype({"aantal": object})
    table.loc[0, "aantal"] = "1.173"  # typed as text in a number column
    with pd.ExcelWriter(tmp_path / "werkmap.xlsx", engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name="uitspraken", index=False)
    message = _problems(tmp_path)
    assert "uitspraken (werkmap.xlsx, sheet uitspraken), row 2, column aantal" in message
    assert "thousands dot (meaning 1173)" in message
    assert int(oi.load_tables(tmp_path, notation="nl")["uitspraken"]["aantal"].iloc[0]) == 1173


def test_a_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(errors.InvalidInputError, match="does not exist"):
        oi.load_tables(tmp_path / "nergens")


# --- writing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path, fmt: str) -> None:
    hostile = pd.DataFrame(
        {"naam": ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "gewoon"]}
    )
    oi.write_tables({"hostile": hostile}, tmp_path, format=fmt)  # type: ignore[arg-type]
    if fmt == "csv":
        back = pd.read_csv(tmp_path / "hostile.csv", dtype=str)["naam"].tolist()
    else:
        back = pd.read_excel(tmp_path / "hostile.xlsx", dtype=str)["naam"].tolist()
    assert back[:4] == ['\'=HYPERLINK("http://x")', "'+1+1", "'-2+3", "'@SUM(A1)"]
    assert back[4] == "gewoon"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    unwritable = pd.DataFrame({"a": [object()]})  # parquet cannot store a Python object
    with pytest.raises(
        errors.InvalidInputError,
        match=r"the table 'kapot' cannot be written as parquet: .*; nothing was written",
    ):
        oi.write_tables(
            {"uitspraken": SAMPLES["uitspraken"], "kapot": unwritable}, tmp_path, format="parquet"
        )
    assert list(tmp_path.iterdir()) == []


# --- the CLI -----------------------------------------------------------------------------------


def test_cli_validate_reports_ok_and_problems(tmp_path: Path) -> None:
    oi.write_tables(SAMPLES, tmp_path / "goed", notation="nl")
    ok = CliRunner().invoke(cli.app, ["validate", "--data", str(tmp_path / "goed")])
    assert ok.exit_code == 0, ok.output
    assert "OK: 17 tables" in ok.output
    _write(tmp_path / "fout", "uitspraken.csv", GOOD_NL.replace("201", "20.1"))
    bad = CliRunner().invoke(cli.app, ["validate", "--data", str(tmp_path / "fout")])
    assert bad.exit_code == 2
    assert "20.1" in bad.output
