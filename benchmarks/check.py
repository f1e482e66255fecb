"""Checking the whole 2023 report, cold from the shell, against ``reproduce``.

Runs, alternately and in fresh processes, ``ondermijning-indicators reproduce`` (the
baseline: the same edition's 349 records evaluated) and ``ondermijning-indicators check
REPORT`` on the report's whole text (every number found, linked to the previous
edition's records, recomputed), both with their output to /dev/null, ``--runs`` times
each, and reports the median wall time of each and their ratio. The claim: checking
takes at most 1.5 times reproducing (``--limit``); the script exits 1 above it.

    python benchmarks/check.py             # 7 runs each
    python benchmarks/check.py --runs 15 --limit 1.5
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from _alternate import alternate, installed_cli

REPORT = Path(__file__).resolve().parents[1] / "data" / "editions" / "2023" / "report.txt"
_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_ENV, check=False
    )
    elapsed = time.perf_counter() - start
    # check ends with 1: the report has a (known) discrepancy; anything on stderr (a
    # traceback also ends with 1) or another code is a failure, not a time
    if done.returncode not in (0, 1) or done.stderr:
        raise SystemExit(
            f"{' '.join(command)} failed (exit code {done.returncode}):\n"
            + done.stderr.decode(errors="replace")[-2000:]
        )
    return elapsed


def main() -> int:
    """Time both, alternately; print the medians and the ratio; 1 above the limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args()
    cli = installed_cli()
    if cli is None:
        print("ondermijning-indicators is not installed beside this Python", file=sys.stderr)
        return 2
    base, checked = alternate([cli, "reproduce"], [cli, "check", str(REPORT)], args.runs, _time)
    ratio = checked / base
    print(f"ondermijning-indicators reproduce       median {base:.3f} s of {args.runs} runs")
    print(f"ondermijning-indicators check REPORT    median {checked:.3f} s of {args.runs} runs")
    print(f"ratio {ratio:.2f} (limit {args.limit})")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
