"""The command-line interface, as a user runs it: commands, options, exit codes."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import typing
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner, Result

import ondermijning_indicators as oi
from ondermijning_indicators import cli
from ondermijning_indicators.cli import ExitCode
from ondermijning_indicators.published import load_records

from .conftest import ROOT

runner = CliRunner()
COMMANDS = [c.callback.__name__ for c in cli.app.registered_commands if c.callback]


def _run(*args: str) -> Result:
    result = runner.invoke(cli.app, list(args), env={"COLUMNS": "100"})
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _one_line_error(result: Result) -> str:
    """The message of a refused run: one line on stderr, nothing on stdout."""
    assert result.stdout == "", result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


DRAFT = (
    '[[figure]]\nid = "a"\nsection = "x"\nquote = "81%"\nphrase = "81%"\n'
    'metric = "aandeel_vrijheidsstraffen"\nwhere = {{ jaar = {year} }}\n\n'
    '[[figure]]\nid = "b"\nsection = "x"\nquote = "{count}"\nphrase = "{count}"\n'
    'sum = "vrijheidsstraffen:aantal[jaar=2022]"\n'
)


def _draft(tmp_path: Path, *, year: int = 2022, count: int = 999) -> Path:
    path = tmp_path / "concept.toml"
    path.write_text(DRAFT.format(year=year, count=count), encoding="utf-8")
    return path


# --- reproduce, listings, help ------------------------------------------------------------------


def test_reproduce_prints_the_table_and_succeeds() -> None:
    result = _run("reproduce")
    assert result.exit_code == 0, result.output
    assert "bestraffen.vrijheidsstraffen.aandeel_2022" in result.output
    assert "within_rounding" in result.output
    assert f"Summary: records: {len(load_records())}" in result.output


def test_reproduce_as_csv_has_one_row_per_record_with_machine_values() -> None:
    result = _run("reproduce", "--format", "csv")
    assert result.exit_code == 0
    df = pd.read_csv(io.StringIO(result.output))
    assert len(df) == len(load_records())
    assert list(df.columns[:7]) == [
        "id", "section", "phrase", "printed_value", "computed_value", "unit", "status",
    ]  # fmt: skip
    row = df.set_index("id").loc["bestraffen.uitspraken.schuldig_2022_tekst"]
    assert row["computed_value"] == 1238  # a number, not the Dutch '1.238'


def test_reproduce_as_json_and_markdown_keep_machine_values() -> None:
    records = json.loads(_run("reproduce", "-f", "json").output)
    assert {r["phrase"] for r in records} >= {"81%", "bijna 18%", "ruim 10%", "1.238"}
    by_id = {r["id"]: r for r in records}
    assert by_id["bestraffen.uitspraken.schuldig_2022_tekst"]["computed_value"] == 1238
    as_md = _run("reproduce", "-f", "markdown").output.splitlines()
    assert as_md[0].startswith("| id | section | phrase |")
    assert len(as_md) == len(load_records()) + 2
    (line,) = [ln for ln in as_md if ln.startswith("| bestraffen.uitspraken.schuldig_2022_tekst |")]
    assert "| 1238.0 |" in line


def test_only_problems_shows_the_explained_discrepancies_and_succeeds() -> None:
    result = _run("reproduce", "--only-problems")
    assert result.exit_code == 0
    assert "gemeenten_volgen_2023" in result.output  # the report's own discrepancy
    assert "aandeel_2022" not in result.output


def test_an_unexplained_discrepancy_makes_the_exit_code_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> pd.DataFrame:
        out = oi.reproduce()
        out["status"] = out["status"].where(out.index != 0, "discrepancy")
        out["explained"] = out.index != 0
        return out

    monkeypatch.setattr(cli, "_reproduce", broken)
    result = _run("reproduce", "--only-problems")
    assert result.exit_code == ExitCode.PROBLEMS
    assert "discrepancy" in result.output


def test_metrics_samples_and_editions_are_listed() -> None:
    assert "aandeel_vrijheidsstraffen" in _run("metrics", "-f", "csv").output
    assert "vrijheidsstraffen_kenmerken" in _run("samples", "-f", "csv").output
    assert "uitspraken" in _run("samples").output
    listing = pd.read_csv(io.StringIO(_run("editions", "-f", "csv").output), dtype=str)
    assert listing["id"].tolist() == oi.list_editions().index.tolist()
    assert listing.loc[0, "records"] == "349"


def test_help_and_version() -> None:
    result = _run("--help")
    assert result.exit_code == 0
    assert "reproduce" in result.output
    assert "Recompute every published figure" in result.output
    assert _run("--version").output.startswith("ondermijning-indicators ")


# Typer's own labels of Python types: list[Path], <str>, <int>, <Path> ...
PYTHON_TYPE = re.compile(r"<(?:list\[|str>|int>|float>|bool>|Path>|NoneType)|\blist\[")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_choices_and_names_not_python_types(command: str) -> None:
    text = _run(command, "--help").output
    assert not PYTHON_TYPE.search(text), text
    assert "Exit codes:" in text


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    [
        ("validate", "--notation", "<auto|machine|nl>"),
        ("aggregate", "--engine", "<polars|duckdb|pandas>"),
        ("aggregate", "--tables-as", "<csv|parquet>"),
        ("reproduce", "--format", "<table|csv|json|markdown>"),
        ("audit", "--format", "<table|csv|json|markdown>"),
        ("generate", "--kind", "<verdicts|seizures>"),
    ],
)
def test_choices_are_listed_in_the_help(command: str, option: str, choices: str) -> None:
    assert re.search(rf"{option} {re.escape(choices)}", _run(command, "--help").output)


def test_the_choices_are_those_the_library_accepts() -> None:
    from ondermijning_indicators import records

    assert [e.value for e in cli.Engine] == list(records.ENGINES)
    notation = typing.get_type_hints(oi.load_tables)["notation"]
    assert [n.value for n in cli.Notation] == list(typing.get_args(notation))


def test_the_folder_of_the_user_is_data_folder_in_every_command() -> None:
    for command in ("reproduce", "audit", "compute", "validate"):
        text = _run(command, "--help").output
        assert "--data FOLDER" in text, command
        assert "Arguments:" not in text, command
    assert "[required]" in _run("validate", "--help").output.split("--data FOLDER")[1][:200]


def test_format_means_the_rendering_only() -> None:
    for command in ("reproduce", "audit", "metrics", "samples", "editions"):
        assert "--format <table|csv|json|markdown>" in _run(command, "--help").output
    assert "--format" not in _run("aggregate", "--help").output


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ondermijning_indicators", "reproduce", "-f", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == len(load_records())


# --- exit codes: one table -----------------------------------------------------------------------


def test_the_exit_code_table_is_one_and_documented() -> None:
    assert [int(c) for c in cli.EXIT_CODES] == [0, 1, 2, 3, 4] == [int(c) for c in ExitCode]
    app_help = " ".join(_run("--help").output.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, meaning in cli.EXIT_CODES.items():
        assert f"{int(code)} {meaning}" in app_help, meaning
        assert f"| {int(code)} | {meaning} |" in readme, meaning


def test_every_command_runs_inside_the_one_error_handler() -> None:
    callbacks = [c.callback for c in cli.app.registered_commands]
    assert len(callbacks) == len(COMMANDS) > 0
    for callback in callbacks:
        assert callback is not None
        assert callback.__code__.co_qualname == "_command.<locals>.register.<locals>.run"
        assert callable(getattr(callback, "__wrapped__", None)), callback.__name__


# 0: done, nothing wrong ------------------------------------------------------------------------


def test_exit_0_when_every_figure_holds_and_with_audit_findings() -> None:
    assert _run("reproduce", "-f", "csv").exit_code == ExitCode.OK
    audit = _run("audit")
    assert audit.exit_code == ExitCode.OK
    assert "Findings" in audit.output


# 1: the check found a problem -------------------------------------------------------------------


def test_exit_1_when_a_draft_has_an_unexplained_discrepancy(tmp_path: Path) -> None:
    result = _run("reproduce", "--figures", str(_draft(tmp_path, count=998)), "-f", "csv")
    assert result.exit_code == ExitCode.PROBLEMS
    rows = pd.read_csv(io.StringIO(result.stdout)).set_index("id")
    assert rows["status"].to_dict() == {"a": "within_rounding", "b": "discrepancy"}


# 2: the input cannot be read or used ------------------------------------------------------------


def _broken_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tabellen"
    folder.mkdir()
    (folder / "uitspraken.csv").write_text(
        "jaar,uitkomst,aantal\n2022,schuldig,1.238\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize("command", ["reproduce", "audit", "compute", "validate"])
def test_exit_2_for_a_data_folder_that_does_not_exist(command: str, tmp_path: Path) -> None:
    extra = ["--out", str(tmp_path / "i.csv")] if command == "compute" else []
    result = _run(command, "--data", "/no/such/folder", *extra)
    assert result.exit_code == ExitCode.INPUT
    assert "/no/such/folder" in _one_line_error(result)


@pytest.mark.parametrize("command", ["reproduce", "audit", "compute", "validate"])
def test_exit_2_for_tables_that_break_their_schema(command: str, tmp_path: Path) -> None:
    extra = ["--out", str(tmp_path / "uit" / "i.csv")] if command == "compute" else []
    result = _run(command, "--data", str(_broken_folder(tmp_path)), *extra)
    assert result.exit_code == ExitCode.INPUT
    assert "1.238" in result.stderr
    assert "OK" not in result.stdout
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize("command", ["reproduce", "audit", "compute", "samples"])
def test_exit_2_for_an_unknown_edition(command: str, tmp_path: Path) -> None:
    extra = ["--out", str(tmp_path / "i.csv")] if command == "compute" else []
    result = _run(command, "--edition", "1999", *extra)
    assert result.exit_code == ExitCode.INPUT
    assert "no edition '1999'" in _one_line_error(result)


@pytest.mark.parametrize("command", COMMANDS)
def test_exit_2_for_an_unknown_option(command: str) -> None:
    result = _run(command, "--no-such-option")
    assert result.exit_code == ExitCode.INPUT
    assert "No such option" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["reproduce", "--format", "xml"],
        ["validate", "--data", "x", "--notation", "dutch"],
        ["aggregate", "r.parquet", "--out", "t", "--engine", "spark"],
        ["aggregate", "r.parquet", "--out", "t", "--tables-as", "xlsx"],
        ["aggregate", "r.parquet", "--out", "t", "--format", "csv"],  # the old name is gone
        ["validate"],  # --data is required
        ["audit", "--data", "x", "--edition", "2023"],  # one source of tables
    ],
)
def test_exit_2_for_a_wrong_option(args: list[str]) -> None:
    assert _run(*args).exit_code == ExitCode.INPUT


def test_exit_2_for_a_records_file_that_does_not_exist(tmp_path: Path) -> None:
    result = _run("aggregate", "/no/such/path.csv", "--out", str(tmp_path / "t"))
    assert result.exit_code == ExitCode.INPUT
    assert "/no/such/path.csv" in _one_line_error(result)


# 3: done in part --------------------------------------------------------------------------------


def test_exit_3_when_a_record_is_invalid_and_the_others_are_checked(tmp_path: Path) -> None:
    result = _run("reproduce", "--figures", str(_draft(tmp_path, year=1999)), "-f", "csv")
    assert result.exit_code == ExitCode.PARTIAL
    rows = pd.read_csv(io.StringIO(result.stdout)).set_index("id")
    assert rows["status"].to_dict() == {"a": "invalid", "b": "exact"}
    assert "matches no row" in str(rows.loc["a", "note"])


def test_exit_3_when_a_value_cannot_be_computed_and_the_rest_is_written(tmp_path: Path) -> None:
    samples = oi.load_samples()
    uitspraken = samples["uitspraken"].copy()
    uitspraken.loc[
        (uitspraken["jaar"] == 2020) & (uitspraken["uitkomst"] == "schuldig"), "aantal"
    ] = 0
    custodial = samples["vrijheidsstraffen"].copy()
    custodial.loc[custodial["jaar"] == 2020, "aantal"] = 0
    oi.write_tables({"uitspraken": uitspraken, "vrijheidsstraffen": custodial}, tmp_path / "t")
    out = tmp_path / "uit" / "i.csv"
    result = _run("compute", "--data", str(tmp_path / "t"), "--out", str(out))
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "skipped aandeel_vrijheidsstraffen" in result.stdout
    assert out.is_file()


def test_exit_3_when_a_draft_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "kapot.toml"
    path.write_text("[[figure]\n", encoding="utf-8")
    result = _run("reproduce", "--figures", str(path), "--figures", str(_draft(tmp_path)))
    assert result.exit_code == ExitCode.PARTIAL
    assert "kapot.toml" in result.stdout
    assert "records: 3," in " ".join(result.stdout.split())  # the draft's two are checked
    assert "invalid: 1," in " ".join(result.stdout.split())


# 4: the output cannot be written ----------------------------------------------------------------


def _existing(tmp_path: Path, command: str) -> list[str]:
    if command == "compute":
        (tmp_path / "i.csv").write_text("van iemand anders", encoding="utf-8")
        return ["compute", "--out", str(tmp_path / "i.csv")]
    if command == "generate":
        (tmp_path / "r.parquet").write_text("van iemand anders", encoding="utf-8")
        return ["generate", str(tmp_path / "r.parquet")]
    records = tmp_path / "beslag.csv"
    assert _run("generate", str(records), "--kind", "seizures").exit_code == 0
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "beslag.csv").write_text("van iemand anders", encoding="utf-8")
    return ["aggregate", str(records), "--out", str(tmp_path / "t")]


@pytest.mark.parametrize("command", ["compute", "generate", "aggregate"])
def test_exit_4_when_the_output_exists_without_force(command: str, tmp_path: Path) -> None:
    args = _existing(tmp_path, command)
    result = _run(*args)
    assert result.exit_code == ExitCode.OUTPUT
    assert "exists already; pass overwrite=True (--force)" in _one_line_error(result)
    assert _run(*args, "--force").exit_code == ExitCode.OK


def test_exit_4_when_the_system_refuses_the_output(tmp_path: Path) -> None:
    too_long = tmp_path / ("x" * 300 + ".csv")  # longer than any file system's name
    for args in (["compute", "--out", str(too_long)], ["generate", str(too_long)]):
        result = _run(*args)
        assert result.exit_code == ExitCode.OUTPUT, args
        assert _one_line_error(result).startswith(f"cannot write {too_long}"), args


@pytest.mark.parametrize(
    "args",
    [
        ["compute", "--out", "{tmp}"],  # a folder
        ["compute", "--out", "{tmp}/.csv"],  # no name
        ["compute", "--out", "{tmp}/i.txt"],  # no type it writes
        ["generate", "{tmp}/r.txt"],
    ],
)
def test_exit_4_when_the_place_of_the_output_is_wrong(args: list[str], tmp_path: Path) -> None:
    result = _run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.exit_code == ExitCode.OUTPUT
    _one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_aggregate_writes_the_file_type_it_is_asked(tmp_path: Path) -> None:
    records = tmp_path / "beslag.csv"
    assert _run("generate", str(records), "--kind", "seizures").exit_code == 0
    result = _run("aggregate", str(records), "--out", str(tmp_path / "t"), "--tables-as", "parquet")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["beslag.parquet"]


def test_the_command_line_keeps_the_collector_off_what_the_imports_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a full collection over the objects of pandas, pandera and the library costs a
    # third of a reproduce run (benchmarks/cold_start.py); main freezes them first
    import gc

    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(cli, "app", lambda: calls.append("app"))
    cli.main()
    assert calls == ["freeze", "app"]
