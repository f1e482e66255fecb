"""The library's whole verdict on the 2023 edition, compared line by line.

`reproduce` (every printed figure: status, value, how, note) and `compute` (every
indicator the tables support) are written as CSV and compared with the files in
``tests/snapshots/``. Any change of a verdict, a value or a word shows as a diff of
the lines that changed. When a change is meant (a new record, a better note), run
``pytest tests/test_snapshots.py --update-snapshots`` and review the diff of the
snapshot files in the same commit: that review is the point of these tests.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pandas as pd
import pytest

import ondermijning_indicators as oi

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _matches_snapshot(request: pytest.FixtureRequest, name: str, frame: pd.DataFrame) -> None:
    text = frame.to_csv(index=False, lineterminator="\n")
    path = SNAPSHOTS / f"{name}.csv"
    if request.config.getoption("--update-snapshots"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), text.splitlines(), "snapshot", "now", n=0, lineterm=""
        )
        shown = "\n".join(list(diff)[:40])
        pytest.fail(f"{path.name} differs (--update-snapshots if meant):\n{shown}")


def test_every_verdict_on_the_2023_edition(request: pytest.FixtureRequest) -> None:
    _matches_snapshot(request, "reproduce-2023", oi.reproduce(edition="2023"))


def test_every_indicator_of_the_2023_edition(request: pytest.FixtureRequest) -> None:
    result = oi.compute(edition="2023")
    _matches_snapshot(request, "compute-2023", result.values)
    _matches_snapshot(request, "compute-2023-skipped", result.skipped)
