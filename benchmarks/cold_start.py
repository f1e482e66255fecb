"""Cold start of ``ondermijning-indicators reproduce`` against the bare imports it needs.

Runs, alternately and in fresh processes, the baseline ``python -c "import pandas,
pandera.pandas"`` and the command ``ondermijning-indicators reproduce`` (its output
to /dev/null), ``--runs`` times each, and reports the median wall time of each and
their ratio. The ratio is the claim: ``reproduce`` may take at most 1.3 times the
bare import (``--limit``); the script exits 1 above it.

    python benchmarks/cold_start.py            # 7 runs each
    python benchmarks/cold_start.py --runs 15 --limit 1.3
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _alternate import alternate, installed_cli


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_ENV)
    return time.perf_counter() - start


_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}


def main() -> int:
    """Time both, alternately; print the medians and the ratio; 1 above the limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--limit", type=float, default=1.3)
    args = parser.parse_args()
    cli = installed_cli()
    if cli is None:
        print("ondermijning-indicators is not installed beside this Python", file=sys.stderr)
        return 2
    baseline_cmd = [sys.executable, "-c", "import pandas, pandera.pandas"]
    base, repro = alternate(baseline_cmd, [cli, "reproduce"], args.runs, _time)
    ratio = repro / base
    print(f"import pandas, pandera.pandas   median {base:.3f} s of {args.runs} runs")
    print(f"ondermijning-indicators reproduce  median {repro:.3f} s of {args.runs} runs")
    print(f"ratio {ratio:.2f} (limit {args.limit})")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
