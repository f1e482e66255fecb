"""Command-line interface: ``ondermijning-indicators`` (or ``python -m ondermijning_indicators``).

The CLI only calls the library and formats what it returns; it adds no logic.
"""

from __future__ import annotations

import enum
import io
import json
import math
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from ._audit import audit as _audit
from ._editions import Tables, list_editions, list_samples, load_edition, load_tables
from ._editions import reproduce as _reproduce
from ._folders import write_tables
from ._registry import list_metrics
from ._results import NOT_COMPUTED, write_results
from ._results import compute as compute_results
from ._validation import validate_tables
from ._writers import neutralise_text, to_csv
from .errors import (
    CatalogueError,
    DataValidationError,
    FigureRecordError,
    InvalidInputError,
    OutputExistsError,
    UnknownSampleError,
)
from .published import Status, load_records, summarize

_INPUT_ERRORS = (
    CatalogueError,
    DataValidationError,
    FigureRecordError,
    InvalidInputError,
    OutputExistsError,
    UnknownSampleError,
)
"""Errors that mean the user's input cannot be read: one message, no traceback."""

app = typer.Typer(
    name="ondermijning-indicators",
    help=(
        "Indicators of the Dutch progress report on organised, undermining crime "
        "(Voortgangsrapportage georganiseerde, ondermijnende criminaliteit).\n\n"
        "Start with 'reproduce': it recomputes every published figure of the latest bundled "
        "edition from its tables and says whether the printed number holds. 'audit' lists "
        "the report's misprints and inconsistencies. Both take --edition, and a folder of "
        "your own tables for the next edition ('editions' lists the bundled ones)."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class Format(enum.StrEnum):
    """Output formats."""

    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


_STATUS_STYLE = {
    "exact": "green",
    "within_rounding": "green",
    "consistent_with_qualifier": "green",
    "transcribed": "cyan",
    "not_derivable": "yellow",
    "discrepancy": "bold red",
    "invalid": "bold magenta",
}

EDITION_HELP = "A bundled edition (see 'editions'); default the latest."


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ondermijning-indicators {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Show the help of the command-line interface."""


def _fmt_number(value: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return ""
    if float(value).is_integer() and abs(value) >= 1:
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.4g}".replace(".", ",")


def _markdown(df: pd.DataFrame) -> str:
    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def _emit(df: pd.DataFrame, fmt: Format) -> None:
    if fmt is Format.csv:
        buffer = io.StringIO()
        to_csv(neutralise_text(df), buffer)  # text a spreadsheet would run is quoted
        sys.stdout.write(buffer.getvalue())
    elif fmt is Format.json:
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_markdown(df) + "\n")


@app.command()
def reproduce(
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table (for reading), csv, json or markdown (for other programs).",
        ),
    ] = Format.table,
    only_problems: Annotated[
        bool,
        typer.Option(
            "--only-problems", help="Show only discrepancies, invalid and unexplained records."
        ),
    ] = False,
    figures: Annotated[
        list[Path] | None,
        typer.Option(
            "--figures",
            help="A TOML file of published-figure records (e.g. of your draft); repeatable. "
            "Default: the records that come with the tables (the edition's, or the folder's "
            "figures/).",
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="A folder of your own tables (see 'validate'). Default: the edition's.",
        ),
    ] = None,
    edition: Annotated[str | None, typer.Option("--edition", help=EDITION_HELP)] = None,
) -> None:
    """Recompute every published figure of the report and compare it with the print.

    Each printed number is one row: the phrase as printed, the value read from it,
    the value computed from the edition's tables, and a status: exact,
    within_rounding, consistent_with_qualifier (bijna, ruim, circa, meer dan ...),
    transcribed (the number is itself table data), not_derivable (no published
    table gives it), discrepancy, or invalid (the record cannot be read or
    evaluated; the others are still checked).

    With --figures and --data it checks the records of your own draft against your
    own tables, with the same rounding and qualifier rules.

    Exit status 0 when every figure is reproduced or explained, 1 when a
    discrepancy is unexplained, 2 when the tables cannot be read, 3 when a record
    is invalid.
    """
    try:
        tables = load_tables(data) if data is not None else load_edition(edition).tables()
        records = load_records(list(figures)) if figures else None
        if records is None and isinstance(tables, Tables) and tables.edition is not None:
            records = tables.edition.records()
            if not records:
                typer.echo(
                    f"{data} has no figure records (figures/*.toml); give them with --figures",
                    err=True,
                )
                raise typer.Exit(code=2)
        result = _reproduce(tables, records)
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    summary = summarize(result)
    shown = result
    if only_problems:
        shown = result[result["status"].isin(["discrepancy", "invalid"]) | ~result["explained"]]
    if fmt is Format.table:
        console = Console()
        table = Table(title="Published figures of the report, recomputed", expand=True)
        table.add_column("figure (and note)", overflow="fold", ratio=1)
        table.add_column("printed", no_wrap=True)
        table.add_column("computed", justify="right", no_wrap=True)
        table.add_column("status", no_wrap=True)
        for rec in shown.to_dict("records"):
            status = str(rec["status"])
            style = "bold red" if not rec["explained"] else _STATUS_STYLE.get(status, "")
            figure = escape(str(rec["id"]))
            if status not in {"exact", "transcribed"} or not rec["explained"]:
                figure += f"\n[dim]{escape(str(rec['note']))}[/dim]"
            table.add_row(
                figure,
                escape(str(rec["phrase"])),
                _fmt_number(float(rec["computed_value"])),
                f"[{style}]{status}[/]" if style else status,
            )
        if len(shown):
            console.print(table)
        else:
            console.print("No discrepancies: every figure is reproduced or explained.")
        parts = [f"{k}: {int(v)}" for k, v in summary.items()]
        console.print("Summary: " + ", ".join(parts))
        console.print("Notes of every record: --format csv, json or markdown.", style="dim")
    else:
        _emit(shown, fmt)
    if int(summary[str(Status.INVALID)]):
        raise typer.Exit(code=3)
    raise typer.Exit(code=0 if int(summary["unexplained"]) == 0 else 1)


@app.command()
def audit(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A folder of tables (laid out as an edition, or one file per table); "
            "default: the bundled edition."
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table (for reading), csv, json or markdown."),
    ] = Format.table,
    all_checks: Annotated[
        bool, typer.Option("--all", help="Also list the checks that pass, not only findings.")
    ] = False,
    edition: Annotated[str | None, typer.Option("--edition", help=EDITION_HELP)] = None,
) -> None:
    """Check an edition (or a folder of tables) against itself: misprints, totals, figures.

    Every printed total against its parts, every figure that two tables or a table
    and the text both give, and the catalogue's corrections of misprints: each
    finding says which cells, what they are, what they would be if they agreed, and
    the difference. Only the checks the data supports are run. Findings are the
    expected output (a report has them), so the exit status is 0; 2 when the tables
    cannot be read.
    """
    try:
        tables = load_tables(path) if path is not None else load_edition(edition).tables()
        result = _audit(tables)
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    shown = result if all_checks else result[result["status"] == "finding"]
    if fmt is not Format.table:
        _emit(shown, fmt)
        return
    console = Console()
    title = f"Audit of {path}" if path is not None else "Audit of the report"
    table = Table(title=title, expand=True)
    table.add_column("finding", overflow="fold", ratio=1)
    table.add_column("printed", no_wrap=True)
    table.add_column("expected", no_wrap=True)
    for rec in shown.to_dict("records"):
        style = "yellow" if rec["status"] == "finding" else "green"
        table.add_row(
            f"[bold]{escape(str(rec['id']))}[/bold] ({rec['kind']}, [{style}]{rec['status']}[/])\n"
            f"{escape(str(rec['where']))}\n[dim]{escape(str(rec['finding']))}[/dim]",
            escape(str(rec["printed"])),
            escape(str(rec["expected"])),
        )
    console.print(table)
    counts = result.groupby(["status"]).size().to_dict()
    console.print(
        f"{counts.get('finding', 0)} findings; {counts.get('ok', 0)} checks passed "
        "(--all lists them)."
    )


@app.command()
def compute(
    path: Annotated[
        Path | None,
        typer.Argument(help="A folder of your own tables; default: the bundled edition's."),
    ] = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Output file: .csv, .parquet, .json or .xlsx (datapackage.json beside)."
        ),
    ] = Path("indicatoren.csv"),
    edition: Annotated[str | None, typer.Option("--edition", help=EDITION_HELP)] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Compute every indicator for every year the tables support, into one tidy file.

    One row per metric, period and category, with labels, unit, the cells each value
    was computed from, whether it was filled in between supplied values, and the
    caveats about those cells; metrics the tables cannot feed are listed as skipped
    with the reason (also in datapackage.json). Files are written atomically: on an
    error nothing is left, and an existing file is replaced only with --force.

    Exit status 0 when every value the tables support is computed, 1 when the tables
    cannot be read or the output cannot be written, 3 when a value could not be
    computed (a zero denominator in one year, say): the rest is written, and the
    skipped lines say which and why.
    """
    if path is not None and path.is_dir() and out.resolve().parent == path.resolve():
        typer.echo(
            f"cannot write {out} into {path}, the folder of tables it is computed from: "
            "it would be read as a table of that folder next time; give --out elsewhere",
            err=True,
        )
        raise typer.Exit(code=1)
    try:
        tables = load_tables(path) if path is not None else load_edition(edition).tables()
        result = compute_results(tables)
        written = write_results(result, out, overwrite=force)
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except OSError as exc:
        typer.echo(f"cannot write {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    metrics = result.values["metric"].nunique()
    typer.echo(
        f"{len(result.values)} values of {metrics} metric{'s' if metrics != 1 else ''} written "
        f"to {', '.join(str(p) for p in written)}"
    )
    for rec in result.skipped.to_dict("records"):
        typer.echo(f"skipped {rec['metric']}: {rec['reason']}")
    if result.skipped["kind"].isin(NOT_COMPUTED).any():
        raise typer.Exit(code=3)


@app.command()
def validate(
    path: Annotated[
        Path, typer.Argument(help="A folder of table files (CSV, Excel, Parquet), or one file.")
    ],
    notation: Annotated[
        str,
        typer.Option(help="auto (Dutch when a CSV header is separated by ';'), machine or nl."),
    ] = "auto",
    require: Annotated[
        list[str] | None, typer.Option(help="A table that must be present (repeatable).")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also refuse a printed total that does not add up (by default it is loaded, "
            "and 'audit' reports it).",
        ),
    ] = False,
) -> None:
    """Check a folder of your own tables against the library's schemas.

    Every problem in every file is listed at once (file, sheet, row, column, value,
    the rule it breaks); exit status 0 when all tables are valid, 1 otherwise. A
    printed total that does not equal its parts is loaded (the audit reports it),
    unless --strict.
    """
    if notation not in ("auto", "machine", "nl"):
        raise typer.BadParameter("must be auto, machine or nl", param_hint="--notation")
    try:
        tables = load_tables(
            path,
            notation=notation,  # type: ignore[arg-type]
            required=require or (),
            strict=strict,
        )
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    rows = sum(len(df) for df in tables.values())
    years = sorted({int(y) for df in tables.values() if "jaar" in df for y in df["jaar"]})
    span = f", jaar {years[0]}-{years[-1]}" if years else ""
    typer.echo(f"OK: {len(tables)} tables, {rows} rows{span}: {', '.join(sorted(tables))}")


def _listing(df: pd.DataFrame, fmt: Format, *, title: str, columns: tuple[str, ...]) -> None:
    """Print a catalogue: a few columns as a terminal table, or all in a machine format."""
    if fmt is not Format.table:
        _emit(df, fmt)
        return
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for rec in df.to_dict("records"):
        table.add_row(*(escape(str(rec[c])) for c in columns))
    Console().print(table)


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


@app.command()
def metrics(fmt: FormatOption = Format.table) -> None:
    """List every registered metric with its labels, unit, theme and source."""
    _listing(
        list_metrics().reset_index(),
        fmt,
        title="Metrics",
        columns=("id", "label_nl", "label_en", "unit", "theme"),
    )


@app.command()
def samples(
    fmt: FormatOption = Format.table,
    edition: Annotated[str | None, typer.Option("--edition", help=EDITION_HELP)] = None,
) -> None:
    """List the tables of a bundled edition with their provenance."""
    try:
        listing = list_samples(edition=edition)
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    _listing(
        listing.reset_index(),
        fmt,
        title="Sample tables",
        columns=("name", "title_nl", "section", "corrections"),
    )


@app.command()
def editions(fmt: FormatOption = Format.table) -> None:
    """List the bundled editions of the report."""
    _listing(
        list_editions().reset_index(),
        fmt,
        title="Editions",
        columns=("id", "title", "published", "tables", "records"),
    )


class RecordKind(enum.StrEnum):
    """Which records a file holds."""

    auto = "auto"
    verdicts = "verdicts"
    seizures = "seizures"


@app.command()
def aggregate(
    records: Annotated[
        Path,
        typer.Argument(help="A Parquet or CSV file of records: one row per verdict or seizure."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the report's tables into.")],
    kind: Annotated[
        RecordKind, typer.Option(help="verdicts or seizures; default: told by the columns.")
    ] = RecordKind.auto,
    engine: Annotated[
        str | None, typer.Option(help="polars, duckdb or pandas; default the fastest installed.")
    ] = None,
    validate: Annotated[
        bool, typer.Option(help="Check every rule of the record schema first.")
    ] = True,
    table_format: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
    force: Annotated[
        bool, typer.Option("--force", help="Replace tables that exist in the folder.")
    ] = False,
) -> None:
    """Count records into the report's tables, ready for `compute`.

    Verdict records give uitspraken, vrijheidsstraffen and vrijheidsstraffen_kenmerken;
    seizure records give beslag. The file is read in streaming mode (it may be larger
    than memory); every broken rule of the record schema is listed at once (exit 1).
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from . import records as rec

    if table_format not in ("csv", "parquet"):
        raise typer.BadParameter("must be csv or parquet", param_hint="--format")
    if engine is not None and engine not in rec.ENGINES:
        raise typer.BadParameter(f"must be one of {', '.join(rec.ENGINES)}", param_hint="--engine")
    try:
        rec.verify_records(records, what="aggregate")  # a file cut short: refused first
        chosen = kind if kind is not RecordKind.auto else RecordKind(rec.record_kind(records))
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    try:
        with progress:
            progress.add_task(f"Counting {chosen.value} in {records.name}", total=None)
            if chosen is RecordKind.verdicts:
                tables = rec.aggregate_verdicts(records, validate=validate, engine=engine)
            else:
                tables = {
                    "beslag": rec.aggregate_seizures(records, validate=validate, engine=engine)
                }
            validated = validate_tables(tables)
            written = write_tables(
                validated,
                out,
                format=table_format,  # type: ignore[arg-type]
                overwrite=force,
            )
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except OSError as exc:
        typer.echo(f"cannot write the tables into {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    for path in written:
        name = path.stem
        typer.echo(f"{path}: {len(validated[name])} rows")


@app.command()
def generate(
    out: Annotated[Path, typer.Argument(help="Parquet or CSV file to write the records into.")],
    kind: Annotated[RecordKind, typer.Option(help="verdicts or seizures.")] = RecordKind.verdicts,
    scale: Annotated[
        int, typer.Option(help="Multiply every count (verdicts; 1417 gives ten million).")
    ] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the random choices.")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace OUT if it exists.")] = False,
) -> None:
    """Write synthetic records that count back exactly to the bundled tables.

    For demos and tests without confidential data: no real person or case. The file is
    written whole (a Parquet file with its row count, a CSV file with a checksum file
    beside it), so that `aggregate` refuses one that was cut short.
    """
    from . import records as rec

    if out.suffix.lower() not in (".parquet", ".csv"):
        raise typer.BadParameter("must end in .parquet or .csv", param_hint="OUT")
    try:
        if kind is RecordKind.seizures:
            frame = rec.generate_seizures(seed=seed)
        else:
            frame = rec.generate_verdicts(scale=scale, seed=seed)
    except InvalidInputError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    try:
        rec.write_records(frame, out, overwrite=force)
    except _INPUT_ERRORS as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except OSError as exc:
        typer.echo(f"cannot write {out}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from None
    what = "seizure" if kind is RecordKind.seizures else "verdict"
    typer.echo(f"{out}: {len(frame)} synthetic {what} records")


def main() -> None:
    """Run the command-line interface."""
    app()
