"""Generate the reference pages of the site from the library itself.

Run by mkdocs-gen-files at build time: the metric catalogue from the registry (with
each metric's declared table inputs), the data dictionary from the pandera schemas,
the edition's catalogue and the catalogue format, the published figures from
``reproduce()``, the audit from ``audit()``, the charts from
``ondermijning_indicators.plots``. Nothing here states a fact of its own.
"""

from __future__ import annotations

import inspect
import io
import itertools
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path

import mkdocs_gen_files
import pandas as pd

import ondermijning_indicators as oi
from ondermijning_indicators import plots
from ondermijning_indicators._editions import CATALOGUE_FORMAT, key_columns
from ondermijning_indicators._registry import Theme, iter_metrics
from ondermijning_indicators._results import result_schema
from ondermijning_indicators.published import load_records, summarize
from ondermijning_indicators.schemas import AGREEMENTS, CROSS_TABLE_CHECKS, SCHEMAS, TOTALS

ROOT = Path(__file__).resolve().parents[1]
THEME_ORDER = [
    Theme.VOORKOMEN,
    Theme.VERSTOREN,
    Theme.BESTRAFFEN,
    Theme.BESCHERMEN,
    Theme.FINANCIEEL_OVERZICHT,
    Theme.ALGEMEEN,
]


def cell(value: object) -> str:
    """Text safe for one cell of a Markdown table."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text.replace("|", "\\|").replace("\n", " ").strip()


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """Render a Markdown table."""
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def anchor(record_id: str) -> str:
    """Return the HTML id of a record on the published-figures page."""
    return "r-" + re.sub(r"[^a-z0-9_-]", "-", record_id.lower())


def record_link(record_id: str) -> str:
    """Return a Markdown link to a record on the published-figures page."""
    return f"[`{record_id}`](published.md#{anchor(record_id)})"


EDITION = oi.load_edition()
RESULT = oi.reproduce()
RECORDS = load_records()
AUDIT = oi.audit()


# --- metrics -----------------------------------------------------------------------------------


def metric_examples(func: object) -> str:
    """Return the Examples section of a metric's docstring."""
    doc = inspect.getdoc(func) or ""
    _, _, examples = doc.partition("\nExamples\n--------\n")
    return examples.strip()


def metric_inputs(func: object) -> str:
    """Describe the arguments of a metric: data first, then keyword-only."""
    params = inspect.signature(func).parameters.values()  # type: ignore[arg-type]
    data = [f"`{p.name}`" for p in params if p.kind is not p.KEYWORD_ONLY]
    keywords = [f"`{p.name}`" for p in params if p.kind is p.KEYWORD_ONLY]
    text = ", ".join(data)
    return text + (f"; keyword-only: {', '.join(keywords)}" if keywords else "")


def write_metrics() -> None:
    """Write the metric catalogue, arranged by the report's themes."""
    out = io.StringIO()
    out.write("# Metrics\n\n")
    out.write(
        "Every indicator of the library, arranged by the report's themes. Each entry is "
        "generated from the metric's registered metadata and its docstring: labels and "
        "definitions in Dutch and English, the formula, the unit with its scale, the inputs, "
        "where in the report the inputs are printed, caveats, a worked example on the "
        "report's own numbers, and the published figures computed with it.\n\n"
    )
    metas = list(iter_metrics())
    for theme in THEME_ORDER:
        group = [m for m in metas if m.theme is theme]
        if not group:
            continue
        out.write(f"## {theme}\n\n")
        for meta in group:
            out.write(f"### `{meta.id}` {{#{meta.id}}}\n\n")
            out.write(f"**{meta.label_nl}** · *{meta.label_en}*\n\n")
            out.write(
                table(
                    ["", ""],
                    [
                        ["Definitie (nl)", meta.definition_nl],
                        ["Definition (en)", meta.definition_en],
                        ["Unit", meta.unit],
                        ["Arguments", metric_inputs(meta.func)],
                        [
                            "From the tables",
                            f"`{meta.inputs.describe()}`"
                            if meta.inputs
                            else f"not computed from tables: {meta.not_from_tables}",
                        ],
                        ["Source in the report", meta.source],
                        ["Display precision", f"{meta.precision} decimals"],
                        [
                            "API",
                            f"[`ondermijning_indicators.metrics.{meta.id}`]"
                            f"(api/metrics.md#ondermijning_indicators.metrics.{meta.id})",
                        ],
                    ],
                )
            )
            out.write(f"\n$$\n{meta.formula}\n$$\n\n")
            if meta.id in RECORD_METRICS:
                out.write(
                    f"From record-level data: its inputs are counted by the "
                    f"[{RECORD_METRICS[meta.id]} definitions](#{RECORD_METRICS[meta.id]}).\n\n"
                )
            if meta.caveats:
                out.write('!!! warning "Caveats"\n')
                for caveat in meta.caveats:
                    out.write(f"    - {caveat}\n")
                out.write("\n")
            out.write(
                "**Worked example**\n\n```python\n" + metric_examples(meta.func) + "\n```\n\n"
            )
            direct = {
                r.id for r in RECORDS if r.reading is not None and r.reading.metric == meta.id
            }
            used = RESULT[RESULT["id"].isin(direct)]
            if len(used):
                out.write("**Published figures computed with it**\n\n")
                out.write(
                    table(
                        ["record", "printed", "computed", "status"],
                        [
                            [
                                record_link(r["id"]),
                                r["phrase"],
                                f"{r['computed_value']:.4g}",
                                r["status"],
                            ]
                            for r in used.to_dict("records")
                        ],
                    )
                )
                out.write("\n")
            else:
                out.write(
                    f"No published figure of the {EDITION.id} edition is computed with it.\n\n"
                )
            readings = [r.id for r in RECORDS if any(a.metric == meta.id for a in r.alternatives)]
            if readings:
                out.write(
                    "Used in other readings of: "
                    + ", ".join(record_link(i) for i in readings)
                    + ".\n\n"
                )
    out.write(record_definitions())
    with mkdocs_gen_files.open("metrics.md", "w") as f:
        f.write(out.getvalue())


def _record_metrics() -> dict[str, str]:
    """Metric id -> the record definitions that count the tables its declared inputs read."""
    from ondermijning_indicators.records import RECORD_TABLES

    found = {}
    for meta in iter_metrics():
        tables = set(meta.inputs.tables) if meta.inputs else set()
        for kind, produced in RECORD_TABLES.items():
            if tables & set(produced):
                found[meta.id] = f"{kind[:-1]}-records"  # verdicts -> verdict-records
                break
    return found


def record_definitions() -> str:
    """Write the record schemas and counting rules of `ondermijning_indicators.records`."""
    from ondermijning_indicators import records as rec

    out = io.StringIO()
    out.write("## Record-level definitions {#record-definitions}\n\n")
    out.write(
        "The court and seizure tables are counts and sums of records: one row per suspect "
        "and verdict, one row per seized object. The report does not say how it counts; "
        "these are the library's definitions, applied by "
        "[`records.aggregate_verdicts`](api/records.md#ondermijning_indicators.records."
        "aggregate_verdicts) and `aggregate_seizures` on pandas, Polars, PyArrow, DuckDB, "
        "Dask and Spark data alike, and checked by `validate_verdicts` and "
        "`validate_seizures`.\n\n"
    )
    for anchor_id, title, columns, rules in (
        ("verdict-records", "Verdict records", rec.VERDICT_COLUMNS, rec.VERDICT_RULES),
        ("seizure-records", "Seizure records", rec.SEIZURE_COLUMNS, rec.SEIZURE_RULES),
    ):
        out.write(f"### {title} {{#{anchor_id}}}\n\n")
        out.write(
            table(
                ["column", "holds", "may be empty", "meaning", "values"],
                [
                    [
                        f"`{c.name}`",
                        c.kind,
                        "yes" if c.nullable else "no",
                        c.description,
                        ", ".join(f"`{v}`" for v in c.allowed) if c.allowed else "",
                    ]
                    for c in columns
                ],
            )
        )
        out.write("\n**Rules** (every broken rule is reported at once, with its rows):\n\n")
        out.write(
            table(
                ["rule", "columns", "a valid record keeps"],
                [[f"`{r.name}`", ", ".join(r.columns), r.description] for r in rules],
            )
        )
        out.write("\n")
        if anchor_id == "verdict-records":
            out.write("**Counting rules**\n\n")
            out.write("".join(f"- {r}\n" for r in rec.COUNTING_RULES["verdicts"]) + "\n")
            out.write(
                table(
                    ["duration class", "from (months, included)", "to (months)"],
                    [
                        [
                            f"`{k}`",
                            f"{lo:g}" if lo else "above 0",
                            f"{hi:g}, {'included' if closed else 'excluded'}"
                            if hi != float("inf")
                            else "no limit (life sentence included)",
                        ]
                        for k, (lo, hi, closed) in rec.CLASS_BOUNDS_MONTHS.items()
                    ],
                )
            )
            out.write("\n")
            out.write(
                table(
                    ["feature of the text", "months, both bounds included"],
                    [
                        [f"`{k}`", f"{lo:g} to {hi:g}"]
                        for k, (lo, hi) in rec.KENMERK_BOUNDS_MONTHS.items()
                    ],
                )
            )
            out.write("\n")
        else:
            out.write(f"**Summing rule**: {rec.COUNTING_RULES['seizures'][0]}\n\n")
    out.write(
        "Speed and memory of the aggregation, measured against hand-written pandas, "
        "Polars and DuckDB code: [Performance](performance.md).\n\n"
    )
    return out.getvalue()


# --- data dictionary ---------------------------------------------------------------------------


def check_text(check: object) -> str:
    """Return a pandera check's rule in words: the sentence the schema gives it."""
    return str(getattr(check, "error", None) or getattr(check, "name", check))


def _scope(where: object) -> str:
    pairs = [f"{k}={'|'.join(v)}" for k, v in where]  # type: ignore[attr-defined]
    return f" *(about {', '.join(pairs)})*" if pairs else ""


def write_editions(out: io.StringIO) -> None:
    """Return the layout of an edition and the format of its catalogue, for users' own folders."""
    from ondermijning_indicators import _editions as editions

    doc = inspect.getdoc(editions) or ""
    out.write("## Editions and catalogues {#editions}\n\n")
    out.write(doc.split("\n\n", 1)[1] + "\n\n")
    out.write(
        table(
            ["edition", "published", "tables", "records"],
            [
                [i, r["published"], r["tables"], r["records"]]
                for i, r in oi.list_editions().iterrows()
            ],
        )
        + "\n"
    )
    out.write(
        "### The catalogue format {#catalogue-format}\n\n"
        "A `catalogue.toml` has an `[edition]` section and a `[tables.NAME]` section per "
        "table (NAME is one of the tables below). Every key is optional in a folder of your "
        "own; no other key is accepted, and a wrong one is reported with the file and the "
        "key. The bundled edition's catalogue is `data/editions/2023/catalogue.toml`.\n\n"
    )
    for section, keys in CATALOGUE_FORMAT.items():
        out.write(f"`{section}`\n\n")
        out.write(table(["key", "meaning"], [[f"`{k}`", v] for k, v in keys.items()]) + "\n")
    out.write(
        "```toml\n"
        "[edition]\n"
        'id = "2024"\n'
        'title = "Voortgangsrapportage georganiseerde, ondermijnende criminaliteit"\n\n'
        "[tables.beslag]\n"
        'producer = "Openbaar Ministerie"\n'
        "caveats = [\n"
        '    "Amounts exclude the lag effect.",\n'
        '    { where = { jaar = 2024 }, text = "2024 is provisional." },\n'
        "]\n"
        "```\n\n"
        "The example folder `docs/examples/volgende-editie/` of the repository has a "
        "catalogue, tables and figure records of this form ([Getting started]"
        "(getting-started.md#the-next-edition)).\n\n"
    )


def write_results_schema(out: io.StringIO) -> None:
    """Return the columns of compute's output, from its pandera schema."""
    schema = result_schema()
    out.write("## Computed indicators {#indicatoren}\n\n")
    out.write(
        f"{schema.description} `oi.compute(tables).values` and the file that "
        "`ondermijning-indicators compute` writes have these columns; the "
        "`datapackage.json` written beside it describes them the same way (generated from "
        "the same schema).\n\n"
    )
    out.write(
        table(
            ["column", "type", "may be empty", "meaning"],
            [
                [f"`{name}`", col.dtype, "yes" if col.nullable else "no", col.description]
                for name, col in schema.columns.items()
            ],
        )
        + "\n"
    )


def write_data() -> None:
    """Write the data dictionary from the schemas, the catalogue and its format."""
    out = io.StringIO()
    out.write("# Data dictionary\n\n")
    out.write(
        "Every table the library reads and validates, generated from its pandera schema and, "
        f"for the tables of the {EDITION.id} edition, its provenance record "
        f"(`data/editions/{EDITION.id}/catalogue.toml`). Tables are tidy and long, in "
        "machine notation; amounts are in the unit the column name states. Load one with "
        "`oi.load_sample(name)`; the layout of an edition and the catalogue format are "
        "[below](#editions).\n\n"
    )
    listing = oi.list_samples()
    out.write(
        table(
            ["table", "title", f"rows ({EDITION.id})"],
            [
                [
                    f"[`{n}`](#{n})",
                    listing.loc[n, "title_nl"] if n in listing.index else SCHEMAS[n].description,
                    len(oi.load_sample(n)) if n in listing.index else "",
                ]
                for n in sorted(SCHEMAS)
            ],
        )
    )
    out.write("\n")
    totals = {rule.totals: rule for rule in TOTALS}
    agreements = {rule.table: rule for rule in AGREEMENTS}
    for name in sorted(SCHEMAS):
        schema = SCHEMAS[name]
        bundled = name in listing.index
        if bundled:
            meta = oi.sample_metadata(name)
            out.write(f"## `{name}` {{#{name}}}\n\n**{meta.title_nl}** · *{meta.title_en}*\n\n")
            out.write(f"{meta.description}\n\n")
            rows = [
                ["Section of the report", meta.section],
                ["Table or sentence", meta.table],
                ["Producer", meta.producer],
                ["Unit", meta.unit],
            ]
        else:
            out.write(f"## `{name}` {{#{name}}}\n\n{schema.description}\n\n")
            rows = [["In the bundled edition", f"no: the {EDITION.id} report prints none"]]
        rows.append(["Key (one row per)", ", ".join(f"`{k}`" for k in key_columns(name))])
        rows.append(["Period column", f"`{schema.metadata['time']}`"])
        if name in totals:
            rule = totals[name]
            relation = "equal to" if rule.relation == "equals" else "at least"
            rows.append(
                [
                    "Printed totals of",
                    f"[`{rule.parts}`](#{rule.parts}), per {', '.join(rule.by)}: {relation} "
                    "the sum (checked by the audit)",
                ]
            )
        if name in agreements:
            other = agreements[name].other
            rows.append(["Compared with", f"[`{other}`](#{other})"])
        out.write(table(["", ""], rows) + "\n")
        out.write("**Columns**\n\n")
        out.write(
            table(
                ["column", "type", "title", "description", "constraints"],
                [
                    [
                        f"`{col}`",
                        spec.dtype,
                        spec.title or "",
                        spec.description or "",
                        "; ".join(check_text(c) for c in spec.checks)
                        + ("; may be empty" if spec.nullable else "")
                        + ("; the column may be left out" if not spec.required else ""),
                    ]
                    for col, spec in schema.columns.items()
                ],
            )
        )
        rules = [getattr(c, "error", None) or getattr(c, "name", "") for c in schema.checks]
        cross = [
            getattr(c, "error", None) or getattr(c, "name", "")
            for check in CROSS_TABLE_CHECKS
            if name in check.tables
            for c in check.schema.checks
        ]
        if rules or cross:
            out.write("\n**Rules across rows and tables**\n\n")
            for rule_text in rules + cross:
                out.write(f"- {rule_text}\n")
        if not bundled:
            out.write("\n")
            continue
        if meta.corrections:
            out.write("\n**Corrections of printed misprints**\n\n")
            out.write(
                table(
                    ["cell", "printed", "corrected", "why"],
                    [[c.cell, c.printed, c.corrected, c.reason] for c in meta.corrections],
                )
            )
        if meta.caveats:
            out.write('\n!!! warning "Caveats"\n')
            for caveat in meta.caveats:
                out.write(f"    - {caveat.text}{_scope(caveat.where)}\n")
        head = oi.load_sample(name).head(8)
        out.write(f"\n**First rows** ({len(oi.load_sample(name))} in all)\n\n")
        out.write(table([f"`{c}`" for c in head.columns], head.itertuples(index=False)))
        out.write("\n")
    write_results_schema(out)
    write_editions(out)
    with mkdocs_gen_files.open("data.md", "w") as f:
        f.write(out.getvalue())


# --- published figures and audit ---------------------------------------------------------------


RECORD_COLUMNS = ("printed", "printed value", "computed", "status")
"""The columns of a published-figures table; the id and the note of a record span them."""


def records_table(result: pd.DataFrame, ids: Iterable[str]) -> str:
    """Return an HTML table of published-figure records, three lines each.

    A record is a ``<tbody class="record">``: its id whole on the first line (a code span
    that never wraps, see ``docs/stylesheets/tables.css``), the printed and computed values
    and the status on the second, and on the third the note and how the value was computed,
    across the whole width. Markdown tables put the id and the note in columns of their own,
    which a page of seven columns squeezed to a few words a line.
    """
    span = len(RECORD_COLUMNS)
    lines = ["<table>", "<thead><tr>"]
    lines += [f"<th>{escape(c)}</th>" for c in RECORD_COLUMNS]
    lines += ["</tr></thead>"]
    for i in ids:
        row = result.loc[i]
        computed = row["computed_value"]
        values = [
            row["phrase"],
            f"{row['printed_value']:.6g}",
            "" if pd.isna(computed) else f"{computed:.6g}",
            row["status"],
        ]
        lines += [
            f'<tbody class="record" id="{anchor(i)}">',
            f'<tr><td colspan="{span}" class="record-id"><code>{escape(i)}</code></td></tr>',
            "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in values) + "</tr>",
            f'<tr><td colspan="{span}" class="record-note">{escape(str(row["note"]))}<br>'
            f"how: <code>{escape(str(row['how']))}</code></td></tr>",
            "</tbody>",
        ]
    lines.append("</table>")
    return "\n".join(lines) + "\n"


def write_published() -> None:
    """Write every published-figure record with its reproduction status."""
    out = io.StringIO()
    out.write("# Published figures\n\n")
    out.write(
        "Every number the report prints, recomputed from the bundled tables by "
        "`oi.reproduce()` when this site was built. The statuses and the reading of rounding "
        "and qualifiers are explained in [Definitions of reproduction](reproduction.md). "
        "Each record takes three lines: its id; the number as printed, the value it is read "
        "as, the value computed and the status; then a note on the reading and how the value "
        "was computed.\n\n"
    )
    summary = summarize(RESULT)
    out.write(table(["", "records"], [[k, int(v)] for k, v in summary.items()]) + "\n")
    by_file: dict[str, list[str]] = {}
    for rec in RECORDS:
        by_file.setdefault(Path(rec.source).stem, []).append(rec.id)
    result = RESULT.set_index("id")
    for stem, ids in by_file.items():
        section = ids and result.loc[ids[0], "section"].split(" > ")[0]
        out.write(f"## {section}\n\n")
        out.write(records_table(result, ids))
        out.write(f"\n*Records file: `data/editions/{EDITION.id}/figures/{stem}.toml`.*\n\n")
    with mkdocs_gen_files.open("published.md", "w") as f:
        f.write(out.getvalue())


def write_audit() -> None:
    """Write the audit: counts, findings, and the checks that pass."""
    out = io.StringIO()
    out.write("# Audit of the report\n\n")
    out.write(
        "Generated by `oi.audit()` (or `ondermijning-indicators audit`) when this site was "
        "built: every printed total against its parts, figures that two tables print, figures "
        "that do not match, and statements that contradict each other. Each finding is pinned "
        "by a test, so no later change can hide it.\n\n"
    )
    counts = AUDIT.groupby(["kind", "status"]).size().reset_index(name="checks")
    out.write(table(["kind", "status", "checks"], counts.itertuples(index=False)) + "\n")
    out.write("## Findings\n\n")
    for rec in AUDIT[AUDIT["status"] == "finding"].to_dict("records"):
        out.write(f"### `{rec['id']}`\n\n*{rec['kind']}* · {rec['where']}\n\n")
        rows = [["printed", rec["printed"]]]
        if rec["expected"]:
            rows.append(["expected if it agreed", rec["expected"]])
        if rec["difference"]:
            rows.append(["difference", rec["difference"]])
        out.write(table(["", ""], rows) + f"\n{rec['finding']}\n\n")
        record_id = rec["id"].split(".", 1)[1]
        if record_id in set(RESULT["id"]):
            out.write(f"Record: {record_link(record_id)}\n\n")
    out.write("## Checks that pass\n\n")
    ok = AUDIT[AUDIT["status"] == "ok"]
    out.write(
        table(
            ["check", "where", "value"],
            [[f"`{r['id']}`", r["where"], r["printed"]] for r in ok.to_dict("records")],
        )
    )
    with mkdocs_gen_files.open("audit.md", "w") as f:
        f.write(out.getvalue())


def write_notes() -> None:
    """Copy the reading notes on the report into the site."""
    text = EDITION.notes() or f"# Reading notes\n\nThe {EDITION.id} edition has none.\n"
    with mkdocs_gen_files.open("notes.md", "w") as f:
        f.write(text)


# --- charts ------------------------------------------------------------------------------------

CHARTS = [
    ("uitspraken_per_uitkomst", "Verdicts by outcome", plots.uitspraken_per_uitkomst),
    (
        "vrijheidsstraffen_per_duur",
        "Custodial sentences by duration",
        plots.vrijheidsstraffen_per_duur,
    ),
    ("beslag_tegen_doelstelling", "Seizures against target", plots.beslag_tegen_doelstelling),
    (
        "fte_groei_traject",
        "Capacity growth of the Aanpak Criminele Machtsstructuren",
        plots.fte_groei_traject,
    ),
    ("besteding_per_thema", "Budget by theme", plots.besteding_per_thema),
]


def write_charts() -> None:
    """Draw every chart of the plots module and write the charts page."""
    out = io.StringIO()
    out.write("# Charts\n\n")
    out.write(
        "Drawn from the bundled tables by the functions of `ondermijning_indicators.plots` "
        '(install the extra: `pip install "ondermijning-indicators[plots]"`), which draw the '
        'same charts for your own tables. Labels are Dutch by default; pass `taal="en"` for '
        "English.\n\n"
    )
    for name, title, func in CHARTS:
        fig = func()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
        with mkdocs_gen_files.open(f"charts/{name}.png", "wb") as f:
            f.write(buffer.getvalue())
        out.write(f"## {title}\n\n![{title}](charts/{name}.png)\n\n")
        out.write(
            f"```python\nfrom ondermijning_indicators import plots\n\nfig = plots.{name}()\n"
            f'fig.savefig("{name}.png")\n```\n\n'
        )
        out.write(f"API: [`plots.{name}`](api/plots.md#ondermijning_indicators.plots.{name})\n\n")
    with mkdocs_gen_files.open("charts.md", "w") as f:
        f.write(out.getvalue())


def limits_rows() -> list[tuple[str, str, str]]:
    """Each bound of `LIMITS`: its name, its value and what it bounds (its docstring)."""
    import ast
    import dataclasses

    from ondermijning_indicators._readers import LIMITS, Limits

    docs: dict[str, str] = {}
    body = ast.parse(inspect.getsource(Limits)).body[0].body  # type: ignore[attr-defined]
    for node, after in itertools.pairwise(body):
        if isinstance(node, ast.AnnAssign) and isinstance(after, ast.Expr):
            docs[node.target.id] = " ".join(str(after.value.value).split())  # type: ignore[attr-defined]
    rows = []
    for f in dataclasses.fields(Limits):
        value = getattr(LIMITS, f.name)
        shown = f"{value // 2**20} MiB" if f.name.endswith("bytes") else f"{value:,}"
        rows.append((f"`{f.name}`", shown, docs[f.name]))
    return rows


def write_boundaries() -> None:
    """Write the page on what the library reads, refuses and writes, and its exit codes."""
    from ondermijning_indicators.cli import EXIT_CODES

    text = (ROOT / "docs" / "boundaries.md.in").read_text(encoding="utf-8")
    text = text.replace("{{ limits }}", table(["limit", "value", "what it bounds"], limits_rows()))
    text = text.replace(
        "{{ exit_codes }}",
        table(["code", "meaning"], [(str(int(c)), m) for c, m in EXIT_CODES.items()]),
    )
    with mkdocs_gen_files.open("boundaries.md", "w") as f:
        f.write(text)


RECORD_METRICS = _record_metrics()
write_boundaries()
write_metrics()
write_data()
write_published()
write_audit()
write_notes()
write_charts()
