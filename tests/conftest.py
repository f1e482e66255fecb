"""Shared test set-up: hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=150, deadline=None, print_blob=True)
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# A long local run of the fuzz tests: pytest tests/test_fuzz.py --hypothesis-profile=fuzz
settings.register_profile("fuzz", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]
EDITION = ROOT / "data" / "editions" / "2023"
REPORT = EDITION / "report.txt"


@pytest.fixture(scope="session")
def report_text() -> str:
    """The report's text, whitespace normalised to single spaces."""
    return " ".join(REPORT.read_text(encoding="utf-8").split())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/snapshots/ from the library's output instead of comparing",
    )
