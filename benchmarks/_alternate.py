"""What the command-line benchmarks share: the installed command, and timing two commands
alternately in fresh processes, so that both meet the same state of the machine."""

from __future__ import annotations

import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path


def installed_cli() -> str | None:
    """Return the ``ondermijning-indicators`` beside this Python (or on the PATH), if any."""
    here = Path(sys.executable).parent
    return shutil.which("ondermijning-indicators", path=str(here)) or shutil.which(
        "ondermijning-indicators"
    )


def alternate(
    baseline: list[str], measured: list[str], runs: int, time: Callable[[list[str]], float]
) -> tuple[float, float]:
    """Run both once to warm the caches, then ``runs`` times each, alternately.

    Returns the median wall time of the baseline and of the measured command.
    """
    for command in (baseline, measured):
        time(command)
    first, second = [], []
    for _ in range(runs):
        first.append(time(baseline))
        second.append(time(measured))
    return statistics.median(first), statistics.median(second)
