"""The terminal rendering of the CLI: readable at 80 and 100 columns, and when piped.

What "readable" means here, precisely:

- no line is longer than the width: $COLUMNS when set, else 100 when piped, never below 80;
- every record id appears whole on some line, never cut (a long id gets a line of its own);
- no line holds a lone word of a wrapped note: a line of one word is a record id on its own
  line, the cells under such an id, or the last word of a note that did not fit on the line
  above it (greedy wrapping at word boundaries never leaves more);
- every number the CLI formats is in Dutch notation (``1.238``, ``0,806947``, ``201.500.000``;
  never ``1238``, ``0.806947`` or ``2.015e+08``), checked cell by cell in the computed column
  against the library's value;
- piped output has no colour codes, and it ends with the summary line.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli
from ondermijning_indicators.cli import _UNIT_WORDS

runner = CliRunner()
WIDTHS = {"80": 80, "100": 100, None: 100, "60": 80}  # $COLUMNS -> width when piped
ANSI = re.compile(r"\x1b\[[0-9;]*m")
DUTCH = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$")
NOTE = re.compile(r"^    \S")
AGREEMENT = "agreement.financieel_besteding_herkomst_totaal.2022"


def _render(args: Sequence[str], columns: str | None) -> list[str]:
    result = runner.invoke(cli.app, list(args), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert not ANSI.search(result.stdout), "colour codes in piped output"
    return result.stdout.splitlines()


def _too_long(lines: Sequence[str], width: int) -> list[str]:
    return [ln for ln in lines if len(ln) > width]


def _missing_ids(lines: Sequence[str], ids: set[str]) -> set[str]:
    words = {w for ln in lines for w in ln.split()}
    return ids - words


def _lone_words(lines: Sequence[str], ids: set[str], width: int) -> list[str]:
    bad = []
    for i, line in enumerate(lines):
        words = line.split()
        if len(words) != 1:
            continue
        above = lines[i - 1] if i else ""
        if words[0] in ids or above.strip() in ids:
            continue  # an id on its own line, or the cells under it
        if NOTE.match(line) and NOTE.match(above) and len(above) + 1 + len(words[0]) > width:
            continue  # the note's last word, which did not fit on the line above
        bad.append(line)
    return bad


def _cells_of(lines: Sequence[str], key: str) -> tuple[list[str], str]:
    """The words of the cells of ``key``'s row, and the header line of its block."""
    for i, line in enumerate(lines):
        if line == key:
            row, at = lines[i + 1], i
        elif line.startswith(key + " "):
            row, at = line[len(key) :], i
        else:
            continue
        header = next(ln for ln in reversed(lines[:at]) if ln.startswith("id "))
        return row.split(), header
    raise AssertionError(f"{key} not found")


@pytest.fixture(scope="module")
def reproduced() -> pd.DataFrame:
    return oi.reproduce()


@pytest.fixture(scope="module")
def audited() -> pd.DataFrame:
    return oi.audit(notation="nl")  # as the terminal shows it


# --- reproduce -----------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", list(WIDTHS))
def test_reproduce_fits_the_width_with_every_id_whole(
    columns: str | None, reproduced: pd.DataFrame
) -> None:
    width = WIDTHS[columns]
    lines = _render(["reproduce"], columns)
    ids = set(reproduced["id"])
    assert _too_long(lines, width) == []
    assert _missing_ids(lines, ids) == set()
    assert _lone_words(lines, ids, width) == []
    (start,) = [i for i, ln in enumerate(lines) if ln.startswith("Summary: records: ")]
    summary = " ".join(" ".join(lines[start:]).split())
    exact = int((reproduced["status"] == "exact").sum())
    assert summary.startswith(f"Summary: records: {len(reproduced)}, exact: {exact},")
    assert "invalid: 0, unexplained: 0" in summary


def _computed_cells(lines: Sequence[str], ids: set[str]) -> dict[str, str]:
    """Read the computed column: the cell that ends where the header's 'computed' ends."""
    cells: dict[str, str] = {}
    key_width = edge = 0
    for i, line in enumerate(lines):
        if re.match(r"^id +printed +computed +status$", line):
            key_width, edge = line.index("printed") - 2, line.index("computed") + len("computed")
            continue
        key = line[:key_width].strip()
        if key in ids:
            row = line
        elif line.strip() in ids and i + 1 < len(lines):
            key, row = line.strip(), lines[i + 1]
        else:
            continue
        shown = re.search(r"\S+%?(?: (?:euro|kg|fte|jaar))?$", row[:edge])
        cells[key] = shown.group(0) if shown and row[edge - 1 : edge] != " " else ""
    return cells


@pytest.mark.parametrize("columns", ["80", "100"])
def test_reproduce_writes_every_computed_number_in_dutch_notation(
    columns: str, reproduced: pd.DataFrame
) -> None:
    lines = _render(["reproduce"], columns)
    cells = _computed_cells(lines, set(reproduced["id"]))
    assert set(cells) == set(reproduced["id"])
    for rec in reproduced.to_dict("records"):
        cell, value = cells[rec["id"]], float(rec["computed_value"])
        if math.isnan(value):
            assert cell == "", rec["id"]
            continue
        number, _, word = cell.partition(" ")
        share = number.endswith("%")  # a share is shown as a percentage
        number = number.removesuffix("%")
        assert DUTCH.match(number), (rec["id"], cell)
        expected_word = "" if share else _UNIT_WORDS.get(rec["unit"], "")
        assert word == expected_word, (rec["id"], cell, rec["unit"])
        assert share == (rec["unit"] == "share (0-1)"), (rec["id"], cell)
        shown = float(number.replace(".", "").replace(",", ".")) / (100 if share else 1)
        assert shown == pytest.approx(value, rel=1e-3), (rec["id"], cell, value)
        if abs(value) >= 1000:
            assert "." in number, (rec["id"], cell)  # 1.238, never 1238
    assert cells["bestraffen.uitspraken.schuldig_2022_tekst"] == "1.238"
    assert cells["bestraffen.vrijheidsstraffen.aandeel_2022"] == "80,6947%"
    assert cells["bestraffen.acm.fte_2027"] == "130 fte"
    assert not any(re.search(r"\d[eE][+-]?\d", ln) for ln in lines if not NOTE.match(ln))


def test_reproduce_shows_the_notes_that_explain_a_status_wrapped_under_the_id(
    reproduced: pd.DataFrame,
) -> None:
    lines = _render(["reproduce"], "80")
    text = " ".join(" ".join(lines).split())
    for rec in reproduced.to_dict("records"):
        if rec["status"] not in {"exact", "transcribed"}:
            assert " ".join(str(rec["note"]).split()) in text, rec["id"]
    assert lines[-1] == "The notes of every record: --format csv, json or markdown."


def test_reproduce_only_problems_and_nothing_to_show() -> None:
    lines = _render(["reproduce", "--only-problems"], "80")
    assert any("gemeenten_volgen_2023" in ln for ln in lines)
    assert _too_long(lines, 80) == []


# --- audit ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", list(WIDTHS))
@pytest.mark.parametrize("every", [False, True])
def test_audit_fits_the_width_with_every_id_whole(
    columns: str | None, every: bool, audited: pd.DataFrame
) -> None:
    width = WIDTHS[columns]
    lines = _render(["audit", *(["--all"] if every else [])], columns)
    shown = audited if every else audited[audited["status"] == "finding"]
    ids = set(shown["id"])
    assert _too_long(lines, width) == []
    assert _missing_ids(lines, ids) == set()
    assert _lone_words(lines, ids, width) == []
    findings, passed = (audited["status"] == "finding").sum(), (audited["status"] == "ok").sum()
    assert lines[-1].startswith(f"Summary: {findings} findings; {passed} checks passed")
    text = " ".join(" ".join(lines).split())
    for finding in shown["finding"]:
        assert " ".join(str(finding).split()) in text


@pytest.mark.parametrize("columns", ["80", "100"])
def test_audit_amounts_are_dutch_with_their_unit(columns: str, audited: pd.DataFrame) -> None:
    lines = _render(["audit"], columns)
    cells, header = _cells_of(lines, AGREEMENT)
    unit = str(audited.set_index("id").loc[AGREEMENT, "unit"])
    assert unit.strip()
    assert cells == ["549.209", "549.195", "14", *unit.split()]
    assert header.split() == ["id", "printed", "expected", "difference", "unit"]


# --- listings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "100", None])
@pytest.mark.parametrize(
    ("command", "keys"),
    [
        ("metrics", lambda: set(oi.list_metrics().index)),
        ("samples", lambda: set(oi.list_samples().index)),
        ("editions", lambda: set(oi.list_editions().index)),
    ],
)
def test_listings_fit_the_width_with_every_key_whole(
    command: str, keys: object, columns: str | None
) -> None:
    width = WIDTHS[columns]
    lines = _render([command], columns)
    ids = keys()  # type: ignore[operator]
    assert _too_long(lines, width) == []
    assert _missing_ids(lines, ids) == set()
    assert _lone_words(lines, ids, width) == []


def test_the_editions_listing_writes_its_counts_in_dutch_notation() -> None:
    lines = _render(["editions"], "80")
    (row,) = [ln for ln in lines if ln.startswith("2023 ")]
    assert row.split() == ["2023", "2023-06", "17", "349"]


# --- a terminal ----------------------------------------------------------------------------------


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_colour_and_its_own_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.setenv("COLUMNS", "72")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli._Screen.detect() == cli._Screen(72, True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._Screen.detect() == cli._Screen(72, False)


@pytest.mark.parametrize("width", [80, 100])
def test_colour_does_not_change_the_layout(width: int, reproduced: pd.DataFrame) -> None:
    summary = oi.published.summarize(reproduced)
    plain = cli._reproduce_text(reproduced, summary, "x", cli._Screen(width, False))
    coloured = cli._reproduce_text(reproduced, summary, "x", cli._Screen(width, True))
    assert any(ANSI.search(ln) for ln in coloured)
    assert [ANSI.sub("", ln) for ln in coloured] == plain


@pytest.mark.parametrize("columns", ["80", "100"])
def test_no_line_ends_in_spaces(columns: str, tmp_path: Path) -> None:
    from ondermijning_indicators._resources import edition_dir

    lines = [*_render(["reproduce"], columns), *_render(["audit", "--all"], columns)]
    # a record that cannot be read: a row with no printed or expected cells
    shutil.copytree(edition_dir("2023"), tmp_path / "ed")
    (tmp_path / "ed" / "figures" / "beschermen.toml").write_text('x = "\n', encoding="utf-8")
    lines += _render(["audit", "--data", str(tmp_path / "ed")], columns)
    assert any(ln.startswith("record.beschermen") for ln in lines)
    assert [ln for ln in lines if ln != ln.rstrip()] == []
