"""Speed and memory of record-level aggregation against hand-written baselines.

For each size (default 1e6 and 1e7 generated verdict records) and each input kind
(a pandas frame, a Polars frame, a Parquet file) this script times the library's
``aggregate_verdicts`` beside hand-written code computing the same three tables on the
same data in the same run (idiomatic, one query per table, and one pass: a single
group-by over every key), checks that every contender's counts equal the library's,
and reports ratios: library time over the fastest baseline for that input (and over
the fastest one-pass baseline), validation cost over aggregation, and, for the
Parquet file, peak memory (resident set size of a fresh process) over the streaming
engines'. Times are the best of ``--repeat`` runs.

    python benchmarks/records.py                 # 1e6 and 1e7, results on stdout
    python benchmarks/records.py --out docs/benchmark-results.md

Needs the ``records`` extra (Polars, DuckDB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import polars as pl

SQL = {
    "uitspraken": "select jaar, uitkomst, count(*) as aantal from {src} group by all",
    "vrijheidsstraffen": """
        select jaar, case when duur_maanden < 12 then 'minder_dan_1_jaar'
                          when duur_maanden < 24 then '1_tot_2_jaar'
                          when duur_maanden <= 60 then '2_tot_5_jaar'
                          else 'meer_dan_5_jaar' end as duurklasse, count(*) as aantal
        from {src} where vrijheidsstraf and uitkomst = 'schuldig' group by all""",
    "kenmerken": """
        select jaar, sum(taakstraf::int) as met_taakstraf,
               sum((delictgroep = 'drugs_productie_en_handel')::int) as drugs,
               sum((duur_maanden between 120 and 240)::int) as duur_10_tot_20_jaar,
               sum((duur_maanden = 360)::int) as duur_30_jaar
        from {src} where vrijheidsstraf and uitkomst = 'schuldig' group by all""",
}


def pandas_groupby(r: pd.DataFrame) -> list[Any]:
    """Idiomatic pandas: three group-bys."""
    u = r.groupby(["jaar", "uitkomst"], observed=True).size()
    s = r[r["vrijheidsstraf"] & (r["uitkomst"] == "schuldig")]
    d = s["duur_maanden"]
    klasse = pd.cut(d, [0, 12, 24, 60.000001, np.inf], right=False)
    v = s.groupby([s["jaar"], klasse], observed=True).size()
    k = (
        pd.DataFrame(
            {
                "jaar": s["jaar"],
                "met_taakstraf": s["taakstraf"],
                "drugs": s["delictgroep"] == "drugs_productie_en_handel",
                "duur_10_tot_20_jaar": d.between(120, 240),
                "duur_30_jaar": d == 360,
            }
        )
        .groupby("jaar")
        .sum()
    )
    return [u, v, k]


def duckdb_sql(src: str, **frames: Any) -> list[Any]:
    """DuckDB SQL: three queries over a pandas frame or a Parquet file."""
    import duckdb

    con = duckdb.connect()
    for name, frame in frames.items():
        con.register(name, frame)
    return [con.sql(q.format(src=src)).df() for q in SQL.values()]


def polars_queries(lf: pl.LazyFrame) -> list[pl.LazyFrame]:
    """Idiomatic Polars: three lazy queries."""
    import polars as pl

    d = pl.col("duur_maanden")
    u = lf.group_by("jaar", "uitkomst").agg(aantal=pl.len())
    s = lf.filter(pl.col("vrijheidsstraf") & (pl.col("uitkomst") == "schuldig"))
    klasse = (
        pl.when(d < 12).then(pl.lit("minder_dan_1_jaar"))
        .when(d < 24).then(pl.lit("1_tot_2_jaar"))
        .when(d <= 60).then(pl.lit("2_tot_5_jaar"))
        .otherwise(pl.lit("meer_dan_5_jaar"))
    )  # fmt: skip
    v = s.group_by("jaar", klasse.alias("duurklasse")).agg(aantal=pl.len())
    k = s.group_by("jaar").agg(
        met_taakstraf=pl.col("taakstraf").sum(),
        drugs=(pl.col("delictgroep") == "drugs_productie_en_handel").sum(),
        duur_10_tot_20_jaar=d.is_between(120, 240).sum(),
        duur_30_jaar=(d == 360).sum(),
    )
    return [u, v, k]


# The strongest hand-written code: one pass over the records, one group-by over every key
# the three tables need, counting rows: year, outcome, the two features that are flags
# (community service, drug trade) and a duration code (-1 no custodial sentence, 0-3 the
# duration classes, 4 and 5 the durations the text counts, inside class 3). The tables
# are read off that cube of a few hundred rows.
ONE_PASS_SQL = """
    select jaar, uitkomst, taakstraf,
           delictgroep = 'drugs_productie_en_handel' as drugs,
           case when not (vrijheidsstraf and uitkomst = 'schuldig') then -1
                when duur_maanden < 12 then 0
                when duur_maanden < 24 then 1
                when duur_maanden <= 60 then 2
                when duur_maanden between 120 and 240 then 4
                when duur_maanden = 360 then 5
                else 3 end::tinyint as code,
           count(*) as aantal
    from {src} group by all"""
CLASSES = ["minder_dan_1_jaar", "1_tot_2_jaar", "2_tot_5_jaar", "meer_dan_5_jaar"]


def tables_from_cube(cube: pd.DataFrame) -> list[Any]:
    """The three tables off the one-pass cube (pandas, a few hundred rows)."""
    u = cube.groupby(["jaar", "uitkomst"], observed=True)["aantal"].sum()
    s = cube[cube["code"] >= 0]
    n = s["aantal"]
    klasse = s["code"].clip(upper=3).map(dict(enumerate(CLASSES))).rename("duurklasse")
    k = pd.DataFrame(
        {
            "jaar": s["jaar"],
            "met_taakstraf": n.where(s["taakstraf"], 0),
            "drugs": n.where(s["drugs"], 0),
            "duur_10_tot_20_jaar": n.where(s["code"] == 4, 0),
            "duur_30_jaar": n.where(s["code"] == 5, 0),
        }
    )
    return [u, n.groupby([s["jaar"], klasse]).sum(), k.groupby("jaar").sum()]


def duckdb_one_pass(src: str, **frames: Any) -> list[Any]:
    """DuckDB SQL, one pass: one query, one GROUP BY over every key."""
    import duckdb

    con = duckdb.connect()
    for name, frame in frames.items():
        con.register(name, frame)
    return tables_from_cube(con.sql(ONE_PASS_SQL.format(src=src)).df())


def polars_one_pass(
    lf: pl.LazyFrame, engine: Literal["auto", "streaming"] = "auto"
) -> list[pl.DataFrame]:
    """Polars, one pass: one lazy group-by over every key, the tables off its result."""
    import polars as pl

    d = pl.col("duur_maanden")
    custodial = pl.col("vrijheidsstraf") & (pl.col("uitkomst") == "schuldig")
    code = (
        pl.when(~custodial).then(-1)
        .when(d < 12).then(0)
        .when(d < 24).then(1)
        .when(d <= 60).then(2)
        .when(d.is_between(120, 240)).then(4)
        .when(d == 360).then(5)
        .otherwise(3)
    )  # fmt: skip
    drugs = pl.col("delictgroep") == "drugs_productie_en_handel"
    cube = (
        lf.group_by(
            "jaar", "uitkomst", "taakstraf", drugs.alias("drugs"), code.cast(pl.Int8).alias("code")
        )
        .agg(aantal=pl.len())
        .collect(engine=engine)
    )
    n, c = pl.col("aantal"), pl.col("code")
    s = cube.filter(c >= 0)
    klasse = c.clip(upper_bound=3).replace_strict(dict(enumerate(CLASSES)), return_dtype=pl.String)
    return [
        cube.group_by("jaar", "uitkomst").agg(n.sum()),
        s.group_by("jaar", klasse.alias("duurklasse")).agg(n.sum()),
        s.group_by("jaar").agg(
            met_taakstraf=n.filter("taakstraf").sum(),
            drugs=n.filter("drugs").sum(),
            duur_10_tot_20_jaar=n.filter(c == 4).sum(),
            duur_30_jaar=n.filter(c == 5).sum(),
        ),
    ]


def counts(result: Any) -> list[list[Any]]:
    """The non-zero counts of the three tables, sorted: [table, jaar, category, count].

    Any contender's result: the library's dict of tables, or a baseline's list of
    (uitspraken, vrijheidsstraffen, kenmerken) as pandas, Polars or DuckDB results,
    Series or frames, the features wide.
    """
    if isinstance(result, dict):
        tables = [result[n] for n in ("uitspraken", "vrijheidsstraffen")]
        tables.append(result["vrijheidsstraffen_kenmerken"])
    else:
        tables = list(result)
    out = []
    for name, t in zip(("uitspraken", "vrijheidsstraffen", "kenmerken"), tables, strict=True):
        if hasattr(t, "collect"):
            t = t.collect()
        if hasattr(t, "to_pandas"):
            t = t.to_pandas()
        t = t.rename("aantal").reset_index() if isinstance(t, pd.Series) else t
        t = t.reset_index() if any(t.index.names) else t  # jaar as the index
        if name == "kenmerken" and "aantal" not in t:
            t = t.rename(columns={"drugs": "drugs_productie_en_handel"}).melt(
                id_vars="jaar", var_name="kenmerk", value_name="aantal"
            )
        category = next(c for c in t.columns if c not in ("jaar", "aantal"))
        labels = t[category]
        if isinstance(labels.dtype, pd.CategoricalDtype) and isinstance(
            labels.cat.categories, pd.IntervalIndex
        ):  # pd.cut's intervals, in the order of the classes
            labels = labels.cat.codes.map(dict(enumerate(CLASSES)))
        out += [
            [name, int(j), str(c), int(n)]
            for j, c, n in zip(t["jaar"], labels, t["aantal"], strict=True)
            if n
        ]
    return sorted(out)


def best(name: str, fn: Callable[[], Any], repeat: int, expected: list[list[Any]]) -> float:
    """Best wall time of ``repeat`` runs, in seconds; the result must count ``expected``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    if counts(result) != expected:
        raise AssertionError(f"{name}: the tables differ from the library's")
    return min(times)


# Each Parquet contender runs in a fresh process so that its peak memory is its own.
PARQUET_JOBS = {
    "pandas read_parquet + groupby": (
        "import pandas as pd; from records import pandas_groupby",
        "pandas_groupby(pd.read_parquet(PATH))",
    ),
    "Polars scan_parquet, streaming": (
        "import polars as pl; from records import polars_queries",
        "pl.collect_all(polars_queries(pl.scan_parquet(PATH)), engine='streaming')",
    ),
    "DuckDB SQL over Parquet": (
        "from records import duckdb_sql",
        "duckdb_sql(f\"read_parquet('{PATH}')\")",
    ),
    "Polars scan_parquet, one pass, streaming": (
        "import polars as pl; from records import polars_one_pass",
        "polars_one_pass(pl.scan_parquet(PATH), engine='streaming')",
    ),
    "DuckDB SQL over Parquet, one pass": (
        "from records import duckdb_one_pass",
        "duckdb_one_pass(f\"read_parquet('{PATH}')\")",
    ),
    "library, Polars engine": (
        "import polars; from ondermijning_indicators.records import aggregate_verdicts",
        "aggregate_verdicts(PATH, engine='polars')",
    ),
    "library, DuckDB engine": (
        "import duckdb; from ondermijning_indicators.records import aggregate_verdicts",
        "aggregate_verdicts(PATH, engine='duckdb')",
    ),
}
BASELINES = {
    "pandas read_parquet + groupby",
    "Polars scan_parquet, streaming",
    "DuckDB SQL over Parquet",
    "Polars scan_parquet, one pass, streaming",
    "DuckDB SQL over Parquet, one pass",
}
STREAMING = ("Polars scan_parquet, streaming", "DuckDB SQL over Parquet")


def run_parquet_job(
    name: str, job: tuple[str, str], path: Path, expected: list[list[Any]]
) -> tuple[float, float]:
    """Run one contender in a fresh process: (seconds, peak resident memory in MiB).

    The time excludes the imports; the memory includes them (each contender imports
    only what it uses: the baselines module imports its engines inside functions).
    The process then prints the counts of its tables, which must be ``expected``.
    """
    imports, work = job
    script = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        f"PATH = {str(path)!r}\n"
        f"{imports}\n"
        "start = time.perf_counter()\n"
        f"result = {work}\n"
        "elapsed = time.perf_counter() - start\n"
        # VmHWM is this process's own peak (ru_maxrss would carry the parent's over exec).
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(elapsed, int(hwm.split()[1]) / 1024)\n"
        "import json; from records import counts\n"
        "print(json.dumps(counts(result)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    if json.loads(out[1]) != expected:
        raise AssertionError(f"{name}: the tables differ from the library's")
    seconds, mib = out[0].split()
    return float(seconds), float(mib)


def machine() -> str:
    """One line describing the machine and the software."""
    import duckdb
    import polars as pl

    import ondermijning_indicators

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB; Python {platform.python_version()}, "
        f"pandas {pd.__version__}, Polars {pl.__version__}, DuckDB {duckdb.__version__}, "
        f"ondermijning-indicators {ondermijning_indicators.__version__}"
    )


def bench(n_target: int, repeat: int, workdir: Path) -> list[str]:
    """Measure one size; return Markdown lines."""
    import polars as pl

    from ondermijning_indicators.records import aggregate_verdicts, generate_verdicts

    scale = max(1, round(n_target / 7057))
    start = time.perf_counter()
    records = generate_verdicts(scale=scale, seed=0)
    generated = time.perf_counter() - start
    n = len(records)
    path = workdir / f"uitspraken-{n}.parquet"
    records.to_parquet(path)
    frame = pl.from_pandas(records)
    lines = [
        f"### {n:,} records".replace(",", " "),
        "",
        f"Generated in {generated:.2f} s; Parquet file {path.stat().st_size / 2**20:.0f} MiB.",
        "",
        "| input | contender | time (s) | ratio to fastest baseline |",
        "|---|---|---:|---:|",
    ]
    verdicts: list[str] = []

    def kind(label: str, baselines: dict[str, float], library: dict[str, float]) -> None:
        fastest = min(baselines.values())
        for name, seconds in [*baselines.items(), *library.items()]:
            lines.append(f"| {label} | {name} | {seconds:.3f} | {seconds / fastest:.2f} |")
        ours = min(library.values())
        ratio = ours / fastest
        met = "met" if ratio <= 1.2 else f"NOT met (by {ratio / 1.2:.2f}x)"
        one_pass = min(s for name, s in baselines.items() if "one pass" in name)
        verdicts.append(
            f"{label}: library / fastest baseline = {ratio:.2f} (target 1.2: {met}); "
            f"library / fastest one-pass baseline = {ours / one_pass:.2f}"
        )

    # Every contender's tables are checked against the library's (its non-zero counts).
    expected = counts(aggregate_verdicts(records))

    def timed(contenders: dict[str, Callable[[], Any]]) -> dict[str, float]:
        return {name: best(name, fn, repeat, expected) for name, fn in contenders.items()}

    pd_library = timed(
        {
            "library": lambda: aggregate_verdicts(records),
            "library, validate=True": lambda: aggregate_verdicts(records, validate=True),
        }
    )
    kind(
        "pandas frame",
        timed(
            {
                "pandas groupby": lambda: pandas_groupby(records),
                "DuckDB SQL over the frame": lambda: duckdb_sql("r", r=records),
                "DuckDB SQL over the frame, one pass": lambda: duckdb_one_pass("r", r=records),
                "Polars lazy over pl.from_pandas, one pass": lambda: polars_one_pass(
                    pl.from_pandas(records).lazy()
                ),
            }
        ),
        pd_library,
    )
    agg, agg_validated = pd_library.values()
    pl_library = timed(
        {
            "library": lambda: aggregate_verdicts(frame),
            "library, validate=True": lambda: aggregate_verdicts(frame, validate=True),
        }
    )
    kind(
        "Polars frame",
        timed(
            {
                "Polars lazy": lambda: pl.collect_all(polars_queries(frame.lazy())),
                "Polars lazy, one pass": lambda: polars_one_pass(frame.lazy()),
            }
        ),
        pl_library,
    )
    pl_agg, pl_validated = pl_library.values()
    parquet = {
        name: run_parquet_job(name, job, path, expected) for name, job in PARQUET_JOBS.items()
    }
    kind(
        "Parquet file",
        {k: v[0] for k, v in parquet.items() if k in BASELINES},
        {k: v[0] for k, v in parquet.items() if k not in BASELINES},
    )
    for label, plain, validated in (
        ("pandas frame", agg, agg_validated),
        ("Polars frame", pl_agg, pl_validated),
    ):
        cost = (validated - plain) / plain
        met = "met" if cost <= 0.5 else f"NOT met (by {cost / 0.5:.2f}x)"
        verdicts.append(
            f"{label}: validation costs {cost:.2f} of the aggregation (target 0.5: {met})"
        )
    lines += [
        "",
        "Peak memory, Parquet input (resident set size of a fresh process, imports included):",
        "",
        "| contender | peak memory (MiB) |",
        "|---|---:|",
        *(f"| {name} | {mib:.0f} |" for name, (_, mib) in parquet.items()),
    ]
    streaming = max(parquet[name][1] for name in STREAMING)
    lowest = min(parquet[name][1] for name in STREAMING)
    library = min(mib for name, (_, mib) in parquet.items() if name not in BASELINES)
    ratio = library / streaming
    met = "met" if ratio <= 1.3 else f"NOT met (by {ratio / 1.3:.2f}x)"
    verdicts.append(
        f"Parquet file: library peak memory / streaming engines' = {ratio:.2f} "
        f"(target 1.3: {met}; {library / lowest:.2f} of the lower of the two; pandas needs "
        f"{parquet['pandas read_parquet + groupby'][1] / library:.1f}x the library's)"
    )
    lines += ["", "Targets:", "", *(f"- {v}" for v in verdicts), ""]
    return lines


def main() -> None:
    """Run the benchmark and print (or write) the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1e6, 1e7])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = [
        "## Results",
        "",
        f"Run on {dt.date.today().isoformat()}: {machine()}.",
        "",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            lines += bench(int(size), args.repeat, Path(tmp))
    text = "\n".join(lines)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
