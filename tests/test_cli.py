"""The command-line interface, as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli
from ondermijning_indicators.published import load_records

runner = CliRunner()


def test_reproduce_prints_the_table_and_succeeds() -> None:
    result = runner.invoke(cli.app, ["reproduce"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "bestraffen.vrijheidsstraffen.aandeel_2022" in result.output
    assert "within_rounding" in result.output
    assert f"Summary: records: {len(load_records())}" in result.output


def test_reproduce_as_csv_has_one_row_per_record() -> None:
    result = runner.invoke(cli.app, ["reproduce", "--format", "csv"])
    assert result.exit_code == 0
    df = pd.read_csv(io.StringIO(result.output))
    assert len(df) == len(load_records())
    assert list(df.columns[:6]) == [
        "id", "section", "phrase", "printed_value", "computed_value", "status",
    ]  # fmt: skip


def test_reproduce_as_json_and_markdown() -> None:
    as_json = runner.invoke(cli.app, ["reproduce", "-f", "json"])
    records = json.loads(as_json.output)
    assert {r["phrase"] for r in records} >= {"81%", "bijna 18%", "ruim 10%", "1.238"}
    as_md = runner.invoke(cli.app, ["reproduce", "-f", "markdown"])
    assert as_md.output.splitlines()[0].startswith("| id | section | phrase |")
    assert len(as_md.output.splitlines()) == len(load_records()) + 2


def test_only_problems_shows_the_explained_discrepancies_and_succeeds() -> None:
    result = runner.invoke(cli.app, ["reproduce", "--only-problems"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "gemeenten_volgen_2023" in result.output  # the report's own discrepancy
    assert "aandeel_2022" not in result.output


def test_an_unexplained_discrepancy_makes_the_exit_status_non_zero(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> pd.DataFrame:
        out = oi.reproduce()
        out["status"] = out["status"].where(out.index != 0, "discrepancy")
        out["explained"] = out.index != 0
        return out

    monkeypatch.setattr(cli, "_reproduce", broken)
    result = runner.invoke(cli.app, ["reproduce", "--only-problems"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "discrepancy" in result.output


def test_metrics_and_samples_are_listed() -> None:
    metrics = runner.invoke(cli.app, ["metrics", "-f", "csv"])
    assert "aandeel_vrijheidsstraffen" in metrics.output
    samples = runner.invoke(cli.app, ["samples", "-f", "csv"])
    assert "vrijheidsstraffen_kenmerken" in samples.output
    table = runner.invoke(cli.app, ["samples"], env={"COLUMNS": "200"})
    assert "uitspraken" in table.output


def test_help_and_version() -> None:
    result = runner.invoke(cli.app, ["--help"])
    assert result.exit_code == 0
    assert "reproduce" in result.output
    assert "Recompute every published figure" in result.output
    version = runner.invoke(cli.app, ["--version"])
    assert version.output.startswith("ondermijning-indicators ")


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ondermijning_indicators", "reproduce", "-f", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == len(load_records())


@pytest.mark.parametrize("command", ["audit", "compute", "validate", "aggregate", "generate"])
def test_a_path_that_does_not_exist_is_one_line_not_a_traceback(command: str) -> None:
    extra = ["--out", "/tmp/nergens-uit"] if command == "aggregate" else []
    result = runner.invoke(cli.app, [command, "/no/such/path.csv", *extra])
    assert result.exit_code in {1, 2}
    assert "Traceback" not in result.output
    assert "/no/such/path.csv" in result.output
    assert len(result.output.strip().splitlines()) <= 2


def test_the_editions_are_listed() -> None:
    result = runner.invoke(cli.app, ["editions", "-f", "csv"])
    assert result.exit_code == 0
    listing = pd.read_csv(io.StringIO(result.output), dtype=str)
    assert listing["id"].tolist() == oi.list_editions().index.tolist()
    assert listing.loc[0, "records"] == "349"


def test_an_invalid_record_gives_exit_status_3_and_the_others_are_checked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "concept.toml"
    path.write_text(
        '[[figure]]\nid = "a"\nsection = "x"\nquote = "81%"\nphrase = "81%"\n'
        'metric = "aandeel_vrijheidsstraffen"\nwhere = { jaar = 1999 }\n\n'
        '[[figure]]\nid = "b"\nsection = "x"\nquote = "999"\nphrase = "999"\n'
        'sum = "vrijheidsstraffen:aantal[jaar=2022]"\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli.app, ["reproduce", "--figures", str(path), "-f", "csv"])
    assert result.exit_code == 3
    rows = pd.read_csv(io.StringIO(result.stdout)).set_index("id")
    assert rows["status"].to_dict() == {"a": "invalid", "b": "exact"}
    assert "matches no row" in str(rows.loc["a", "note"])
