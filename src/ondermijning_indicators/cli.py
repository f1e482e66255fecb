"""Command-line interface: ``ondermijning-indicators`` (or ``python -m ondermijning_indicators``).

The CLI only calls the library and formats what it returns; it adds no logic. Every
command runs inside one error handler (`_exit_codes`) that turns the library's errors
into one message on stderr and the exit code of `EXIT_CODES`.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import gc
import io
import json
import math
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import pandas as pd
import typer

from . import __version__
from ._audit import audit as _audit
from ._editions import list_editions, list_samples, load_edition
from ._editions import load_tables as _load_tables
from ._editions import reproduce as _reproduce
from ._folders import write_tables
from ._notation import format_number
from ._readers import UnreadableFileError
from ._registry import list_metrics
from ._results import NOT_COMPUTED, write_results
from ._results import compute as compute_results
from ._units import EENHEID, Unit
from ._validation import validate_tables
from ._writers import neutralise_text, staged, to_csv
from .errors import IndicatorError, OutputExistsError
from .published import Status, load_records, summarize

if TYPE_CHECKING:
    from .records import Engine as EngineName

# --- exit codes: one table, one handler --------------------------------------------------------


class ExitCode(enum.IntEnum):
    """The exit codes of every command; `EXIT_CODES` says what each means."""

    OK = 0
    PROBLEMS = 1
    INPUT = 2
    PARTIAL = 3
    OUTPUT = 4


EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "done, nothing wrong ('audit' ends with 0 when it has findings: they are its "
    "result)",
    ExitCode.PROBLEMS: "done, and the check found a problem in what it checked: a discrepancy "
    "nobody has explained ('reproduce'), a discrepancy or a decision error in a draft ('check')",
    ExitCode.INPUT: "the input cannot be read or used: a table or catalogue that "
    "cannot be read or breaks a rule ('validate' lists every problem), an unknown edition, a "
    "wrong option or argument",
    ExitCode.PARTIAL: "done in part: a figure record, or a file of them, cannot be read or is "
    "invalid ('reproduce' "
    "checks the others), or a value could not be computed ('compute' writes the rest)",
    ExitCode.OUTPUT: "the output cannot be written: it exists (without --force), its place is "
    "wrong (a folder, the folder of the input, no file name), or the system refuses it (no "
    "permission, disk full)",
}
"""What each exit code means, the same for every command."""


class _InputError(Exception):
    """The CLI refuses its input (a combination of options): exit code 2."""


class _OutputError(Exception):
    """The output cannot be written (raised by `_writing`): exit code 4."""


_HANDLED: tuple[tuple[type[BaseException], ExitCode], ...] = (
    (_OutputError, ExitCode.OUTPUT),
    (OutputExistsError, ExitCode.OUTPUT),
    (_InputError, ExitCode.INPUT),
    (IndicatorError, ExitCode.INPUT),
    (OSError, ExitCode.INPUT),  # reading; an error while writing is _OutputError
)
"""Exception classes to exit codes, first match wins: the one mapping of every command."""


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, IndicatorError):
        return f"cannot read {exc.filename or 'the input'}: {exc.strerror or exc}"
    return str(exc)


@contextlib.contextmanager
def _exit_codes() -> Iterator[None]:
    """Turn an expected error into its message on stderr and its exit code; no traceback."""
    try:
        yield
    except tuple(cls for cls, _ in _HANDLED) as exc:
        code = next(code for cls, code in _HANDLED if isinstance(exc, cls))
        sys.stderr.write(_message(exc).rstrip() + "\n")
        raise typer.Exit(code=int(code)) from None


@contextlib.contextmanager
def _writing(target: Path) -> Iterator[None]:
    """Mark the writing of ``target``: whatever goes wrong here is an output error (4)."""
    try:
        yield
    except IndicatorError as exc:  # the library refuses the target: exists, a folder, ...
        raise _OutputError(str(exc)) from exc
    except OSError as exc:  # the system refuses it: permission, disk full, name too long
        raise _OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _epilog(*codes: ExitCode) -> str:
    """Return the rows of `EXIT_CODES` a command ends with, as an epilog kept as written."""
    shown = codes or tuple(ExitCode)
    rows = [textwrap.wrap(EXIT_CODES[c], 72) for c in shown]
    lines = ["\b", "Exit codes:"]
    for code, wrapped in zip(shown, rows, strict=True):
        lines += [f"  {int(code)}  {wrapped[0]}", *(f"     {ln}" for ln in wrapped[1:])]
    return "\n".join(lines)


app = typer.Typer(
    name="ondermijning-indicators",
    help=(
        "Indicators of the Dutch progress report on organised, undermining crime "
        "(Voortgangsrapportage georganiseerde, ondermijnende criminaliteit).\n\n"
        "Start with 'reproduce': it recomputes every published figure of the latest bundled "
        "edition from its tables and says whether the printed number holds. 'audit' lists "
        "the report's misprints and inconsistencies. Both take --edition, or --data FOLDER "
        "with your own tables for the next edition ('editions' lists the bundled ones)."
    ),
    epilog=_epilog(),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _command(
    *codes: ExitCode,
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Register a command that runs inside `_exit_codes`, its help ending with its codes."""

    def register(func: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(func)
        def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            with _exit_codes():
                return func(*args, **kwargs)

        app.command(epilog=_epilog(ExitCode.OK, *codes))(run)
        return run

    return register


# --- options -----------------------------------------------------------------------------------


class Format(enum.StrEnum):
    """How a command renders its result."""

    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class Notation(enum.StrEnum):
    """How numbers are written in the CSV and Excel files of a folder."""

    auto = "auto"
    machine = "machine"
    nl = "nl"


class Engine(enum.StrEnum):
    """Where records are counted (`ondermijning_indicators.records.ENGINES`)."""

    polars = "polars"
    duckdb = "duckdb"
    pandas = "pandas"


class TablesAs(enum.StrEnum):
    """The file type of the tables `aggregate` writes."""

    csv = "csv"
    parquet = "parquet"


class RecordKind(enum.StrEnum):
    """Which records a file holds."""

    auto = "auto"
    verdicts = "verdicts"
    seizures = "seizures"


class SyntheticKind(enum.StrEnum):
    """Which records `generate` writes."""

    verdicts = "verdicts"
    seizures = "seizures"


EDITION_HELP = "A bundled edition (see 'editions'); default the latest."
DATA_HELP = (
    "A folder of your own tables (laid out as an edition, or one file per table; "
    "see 'validate'). Default: the bundled edition's."
)

FormatOption = Annotated[
    Format,
    typer.Option(
        "--format", "-f", help="table (for reading), csv, json or markdown (for other programs)."
    ),
]
EditionOption = Annotated[
    str | None, typer.Option("--edition", metavar="EDITION", help=EDITION_HELP)
]
DataOption = Annotated[Path | None, typer.Option("--data", metavar="FOLDER", help=DATA_HELP)]


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


def _tables(data: Path | None, edition: str | None) -> Any:
    if data is not None and edition is not None:
        raise _InputError("give --data or --edition, not both")
    return _load_tables(data) if data is not None else load_edition(edition).tables()


# --- rendering ---------------------------------------------------------------------------------


def _markdown(df: pd.DataFrame) -> str:
    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def _emit(df: pd.DataFrame, fmt: Format) -> None:
    """Write ``df`` in a machine format: the library's values, unformatted."""
    if fmt is Format.csv:
        buffer = io.StringIO()
        to_csv(neutralise_text(df), buffer)  # text a spreadsheet would run is quoted
        sys.stdout.write(buffer.getvalue())
    elif fmt is Format.json:
        records = json.loads(df.to_json(orient="records", force_ascii=False))
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_markdown(df) + "\n")


@dataclass(frozen=True)
class _Screen:
    """Where the table rendering goes: its width, and whether it may use colour."""

    width: int
    color: bool

    @classmethod
    def detect(cls) -> _Screen:
        """Detect a terminal (its width, colour) or a pipe (no colour; $COLUMNS or 100, >= 80)."""
        if sys.stdout.isatty():
            color = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
            return cls(max(40, shutil.get_terminal_size().columns), color)
        columns = os.environ.get("COLUMNS", "")
        return cls(max(80, int(columns)) if columns.isdecimal() else 100, False)

    def style(self, text: str, **style: Any) -> str:
        return typer.style(text, **style) if self.color and style else text


_STATUS_STYLE: dict[str, dict[str, Any]] = {
    "exact": {"fg": "green"},
    "within_rounding": {"fg": "green"},
    "consistent_with_qualifier": {"fg": "green"},
    "transcribed": {"fg": "cyan"},
    "not_derivable": {"fg": "yellow"},
    "discrepancy": {"fg": "red", "bold": True},
    "invalid": {"fg": "magenta", "bold": True},
}
_NOTE_INDENT = "    "


@dataclass(frozen=True)
class _Row:
    """One line of a block: its key (never broken), its cells, and notes below it."""

    key: str
    cells: tuple[str, ...]
    notes: tuple[str, ...] = ()
    style: dict[str, Any] | None = None  # of the last cell


def _number(value: Any) -> str:
    """Write a number in Dutch notation, by the library's one formatter; "" for NaN."""
    number = float(value)
    return "" if math.isnan(number) else format_number(number, notation="nl")


_UNIT_WORDS = {str(unit): word for word, unit in EENHEID.items() if unit is not Unit.COUNT}
"""The Dutch word after an amount in the terminal, as the eenheid column writes it."""


def _amount(value: Any, unit: str) -> str:
    """Write an amount with its unit: a share as a percentage, else the Dutch unit word."""
    number = float(value)
    if math.isnan(number):
        return ""
    if unit == Unit.SHARE:
        return f"{format_number(number * 100)}%"
    word = _UNIT_WORDS.get(unit)
    return f"{format_number(number)} {word}" if word else format_number(number)


def _block(
    screen: _Screen,
    title: str | None,
    columns: Sequence[tuple[str, bool]],
    rows: Sequence[_Row],
) -> list[str]:
    """Lay rows out in columns: ``key  cell  cell ...``, notes wrapped and indented below.

    ``columns`` are (title, right-aligned) pairs. Cells are never cut: the key column
    takes what is left of the width, and a key longer than that gets its own line, its
    cells on the next. Notes are wrapped at word boundaries, indented.
    """
    lines = [] if title is None else ["", screen.style(title, bold=True)]
    if not rows:
        return lines
    widths = [
        max(len(name), *(len(r.cells[i]) for r in rows)) for i, (name, _) in enumerate(columns)
    ]
    values = sum(widths) + 2 * (len(widths) - 1)
    key_width = max(2, min(max(len(r.key) for r in rows), screen.width - 2 - values))

    def cells(texts: Sequence[str], style: dict[str, Any] | None = None) -> str:
        out = [
            t.rjust(w) if right else t.ljust(w)
            for t, w, (_, right) in zip(texts, widths, columns, strict=True)
        ]
        if style and texts[-1]:
            out[-1] = screen.style(texts[-1], **style)
        return "  ".join(out).rstrip()

    header = "id".ljust(key_width) + "  " + cells([name for name, _ in columns])
    lines.append(screen.style(header, dim=True))
    for row in rows:
        if len(row.key) > key_width:
            lines += [row.key, (" " * (key_width + 2) + cells(row.cells, row.style)).rstrip()]
        else:
            lines.append((row.key.ljust(key_width) + "  " + cells(row.cells, row.style)).rstrip())
        for note in row.notes:
            wrapped = textwrap.wrap(
                " ".join(note.split()),
                width=screen.width,
                initial_indent=_NOTE_INDENT,
                subsequent_indent=_NOTE_INDENT,
                break_on_hyphens=False,
            )
            lines += [screen.style(ln, dim=True) for ln in wrapped]
    return lines


def _write(lines: Sequence[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")


def _grouped(
    frame: pd.DataFrame, key: Callable[[dict[str, Any]], str]
) -> dict[str, list[dict[str, Any]]]:
    """Return the rows of ``frame`` by ``key``, the groups in the order they first appear."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in frame.to_dict("records"):
        groups.setdefault(key(rec), []).append(rec)  # type: ignore[arg-type]
    return groups


# --- commands ----------------------------------------------------------------------------------


@_command(ExitCode.PROBLEMS, ExitCode.INPUT, ExitCode.PARTIAL)
def reproduce(
    fmt: FormatOption = Format.table,
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
            metavar="FILE",
            help="A TOML file of published-figure records (e.g. of your draft); repeatable. "
            "Default: the records that come with the tables (the edition's, or the folder's "
            "figures/).",
        ),
    ] = None,
    data: DataOption = None,
    edition: EditionOption = None,
) -> None:
    """Recompute every published figure of the report and compare it with the print.

    Each printed number is one row: the phrase as printed, the value computed from
    the edition's tables, and a status: exact, within_rounding,
    consistent_with_qualifier (bijna, ruim, circa, meer dan ...), transcribed (the
    number is itself table data), not_derivable (no published table gives it),
    discrepancy, or invalid (the record cannot be read or evaluated; the others are
    still checked).

    With --figures and --data it checks the records of your own draft against your
    own tables, with the same rounding and qualifier rules.
    """
    tables = _tables(data, edition)
    result = _reproduce(tables, load_records(list(figures)) if figures else None)
    summary = summarize(result)
    shown = result
    if only_problems:
        shown = result[result["status"].isin(["discrepancy", "invalid"]) | ~result["explained"]]
    if fmt is Format.table:
        _write(_reproduce_text(shown, summary, _source(data, tables), _Screen.detect()))
    else:
        _emit(shown, fmt)
    if int(summary[str(Status.INVALID)]):
        raise typer.Exit(code=ExitCode.PARTIAL)
    if int(summary["unexplained"]):
        raise typer.Exit(code=ExitCode.PROBLEMS)


def _source(data: Path | None, tables: object) -> str:
    if data is not None:
        return str(data)
    edition = getattr(tables, "edition", None)
    return f"the report, edition {edition.id}" if edition is not None else "the report"


def _reproduce_text(
    shown: pd.DataFrame, summary: pd.Series, source: str, screen: _Screen
) -> list[str]:
    """Lay out a `reproduce` result: a block per part of the report, a line per figure."""
    lines = [screen.style(f"Published figures of {source}, recomputed", bold=True)]
    columns = (("printed", False), ("computed", True), ("status", False))
    hidden = False
    for name, group in _grouped(shown, lambda rec: str(rec["section"]).split(" > ")[0]).items():
        rows = []
        for rec in group:
            status = str(rec["status"])
            noted = status not in {"exact", "transcribed"} or not rec["explained"]
            hidden |= not noted and bool(str(rec["note"]).strip())
            style = _STATUS_STYLE.get(status, {})
            rows.append(
                _Row(
                    key=str(rec["id"]),
                    cells=(str(rec["phrase"]), _amount(rec["computed_value"], rec["unit"]), status),
                    notes=(str(rec["note"]),) if noted else (),
                    style=style if rec["explained"] else _STATUS_STYLE["discrepancy"],
                )
            )
        figures = "figure" if len(rows) == 1 else "figures"
        title = f"{name or 'No section'} ({_number(len(rows))} {figures})"
        lines += _block(screen, title, columns, rows)
    if shown.empty:
        lines.append("No discrepancies: every figure is reproduced or explained.")
    parts = ", ".join(f"{k}: {_number(int(v))}" for k, v in summary.items())
    lines += ["", *textwrap.wrap(f"Summary: {parts}", screen.width, subsequent_indent="  ")]
    if hidden:
        lines.append(
            screen.style("The notes of every record: --format csv, json or markdown.", dim=True)
        )
    return lines


@_command(ExitCode.INPUT)
def audit(
    fmt: FormatOption = Format.table,
    all_checks: Annotated[
        bool, typer.Option("--all", help="Also list the checks that pass, not only findings.")
    ] = False,
    data: DataOption = None,
    edition: EditionOption = None,
) -> None:
    """Check an edition (or a folder of tables) against itself: misprints, totals, figures.

    Every printed total against its parts, every figure that two tables or a table
    and the text both give, and the catalogue's corrections of misprints: each
    finding says which cells, what they are, what they would be if they agreed, and
    the difference. Only the checks the data supports are run. Findings are the
    expected output (a report has them): the exit code is 0 with findings.
    """
    tables = _tables(data, edition)
    result = _audit(tables, notation="nl" if fmt is Format.table else "machine")
    shown = result if all_checks else result[result["status"] == "finding"]
    if fmt is not Format.table:
        _emit(shown, fmt)
        return
    _write(_audit_text(result, shown, _source(data, tables), _Screen.detect()))


def _audit_text(
    result: pd.DataFrame, shown: pd.DataFrame, source: str, screen: _Screen
) -> list[str]:
    """Lay out an audit: a block per kind of check, findings first, amounts with units.

    The amounts are the library's text (Dutch notation); the unit is shown when the
    audit gives one (a ``unit`` column).
    """
    lines = [screen.style(f"Audit of {source}", bold=True)]
    amounts = ["printed", "expected", "difference"]
    with_unit = "unit" in shown.columns
    columns = [(name, name != "printed") for name in amounts]
    if with_unit:
        columns.append(("unit", False))
    heading = {"finding": "Findings", "ok": "Checks passed"}
    for name, group in _grouped(shown, lambda rec: f"{rec['status']}: {rec['kind']}").items():
        rows = []
        for rec in group:
            cells = [str(rec[c]) for c in amounts]  # text for a reader, written by the library
            if with_unit:
                cells.append("" if pd.isna(rec["unit"]) else str(rec["unit"]))
            notes = [f"where: {rec['where']}", str(rec["finding"])] if rec["finding"] else []
            rows.append(_Row(key=str(rec["id"]), cells=tuple(cells), notes=tuple(notes)))
        status, kind = name.split(": ", 1)
        lines += _block(
            screen, f"{heading.get(status, status)}: {kind} ({_number(len(rows))})", columns, rows
        )
    counts = result["status"].value_counts()
    found, passed = int(counts.get("finding", 0)), int(counts.get("ok", 0))
    lines += [
        "",
        f"Summary: {_number(found)} finding{'s' if found != 1 else ''}; "
        f"{_number(passed)} check{'s' if passed != 1 else ''} passed"
        + ("" if shown is result or passed == 0 else " (--all lists them)")
        + ".",
    ]
    return lines


@_command(ExitCode.INPUT, ExitCode.PARTIAL, ExitCode.OUTPUT)
def compute(
    data: DataOption = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="FILE",
            help="Output file: .csv, .parquet, .json or .xlsx (datapackage.json beside).",
        ),
    ] = Path("indicatoren.csv"),
    edition: EditionOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Compute every indicator for every year the tables support, into one tidy file.

    One row per metric, period and category, with labels, unit, the cells each value
    was computed from, whether it was filled in between supplied values, and the
    caveats about those cells; metrics the tables cannot feed are listed as skipped
    with the reason (also in datapackage.json). Files are written atomically: on an
    error nothing is left, and an existing file is replaced only with --force. A value
    that cannot be computed (a zero denominator in one year, say) is skipped with the
    reason, and the rest is written.
    """
    tables = _tables(data, edition)
    result = compute_results(tables)
    with _writing(out):
        written = write_results(result, out, overwrite=force)
    metrics = result.values["metric"].nunique()
    typer.echo(
        f"{_number(len(result.values))} values of {_number(metrics)} "
        f"metric{'s' if metrics != 1 else ''} written to {', '.join(str(p) for p in written)}"
    )
    for rec in result.skipped.to_dict("records"):
        typer.echo(f"skipped {rec['metric']}: {rec['reason']}")
    if result.skipped["kind"].isin(NOT_COMPUTED).any():
        raise typer.Exit(code=ExitCode.PARTIAL)


@_command(ExitCode.INPUT)
def validate(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            metavar="FOLDER",
            help="A folder of table files (CSV, Excel, Parquet), or one file.",
        ),
    ],
    notation: Annotated[
        Notation,
        typer.Option(help="auto (Dutch when a CSV header is separated by ';'), machine or nl."),
    ] = Notation.auto,
    require: Annotated[
        list[str] | None,
        typer.Option(metavar="TABLE", help="A table that must be present (repeatable)."),
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
    the rule it breaks), with exit code 2; or it says OK with the tables and years it
    found. A printed total that does not equal its parts is loaded (the audit
    reports it), unless --strict.
    """
    tables = _load_tables(data, notation=notation.value, required=require or (), strict=strict)
    rows = sum(len(df) for df in tables.values())
    years = sorted({int(y) for df in tables.values() if "jaar" in df for y in df["jaar"]})
    span = f", jaar {years[0]}-{years[-1]}" if years else ""
    typer.echo(
        f"OK: {_number(len(tables))} tables, {_number(rows)} rows{span}: "
        f"{', '.join(sorted(tables))}"
    )


def _listing(
    df: pd.DataFrame,
    fmt: Format,
    *,
    title: str,
    key: str,
    columns: Sequence[str],
    notes: Sequence[tuple[str, ...]] = (),
    group: str | None = None,
) -> None:
    """Print a catalogue: a line per entry, its texts below; or all in a machine format.

    Each of ``notes`` is a line (wrapped) of the texts of its columns, joined by " / ".
    """
    if fmt is not Format.table:
        _emit(df, fmt)
        return
    screen = _Screen.detect()
    lines = [screen.style(title, bold=True)]
    layout = [(c, pd.api.types.is_numeric_dtype(df[c])) for c in columns]
    for name, part in _grouped(df, lambda rec: str(rec[group]) if group else "").items():
        rows = [
            _Row(
                key=str(rec[key]),
                cells=tuple(_number(rec[c]) if right else str(rec[c]) for c, right in layout),
                notes=tuple(
                    text
                    for note in notes
                    if (text := " / ".join(str(rec[c]) for c in note if str(rec[c]).strip()))
                ),
            )
            for rec in part
        ]
        heading = f"{name} ({_number(len(rows))})" if group else None
        lines += _block(screen, heading, layout, rows)
    _write(lines)


@_command()
def metrics(fmt: FormatOption = Format.table) -> None:
    """List every registered metric with its labels, unit, theme and source."""
    _listing(
        list_metrics().reset_index(),
        fmt,
        title="Registered metrics, by theme",
        key="id",
        columns=("unit",),
        notes=(("label_nl", "label_en"),),
        group="theme",
    )


@_command(ExitCode.INPUT)
def samples(fmt: FormatOption = Format.table, edition: EditionOption = None) -> None:
    """List the tables of a bundled edition with their provenance."""
    _listing(
        list_samples(edition=edition).reset_index(),
        fmt,
        title="Tables of the bundled edition",
        key="name",
        columns=("corrections",),
        notes=(("title_nl",), ("section",)),
    )


@_command()
def editions(fmt: FormatOption = Format.table) -> None:
    """List the bundled editions of the report."""
    _listing(
        list_editions().reset_index(),
        fmt,
        title="Bundled editions of the report",
        key="id",
        columns=("published", "tables", "records"),
        notes=(("title",),),
    )


@_command(ExitCode.INPUT, ExitCode.OUTPUT)
def aggregate(
    records: Annotated[
        Path,
        typer.Argument(
            metavar="RECORDS",
            help="A Parquet or CSV file of records: one row per verdict or seizure.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="FOLDER", help="Folder to write the report's tables into."),
    ],
    kind: Annotated[
        RecordKind, typer.Option(help="verdicts or seizures; default: told by the columns.")
    ] = RecordKind.auto,
    engine: Annotated[
        Engine | None,
        typer.Option(help="Where the records are counted; default the fastest installed."),
    ] = None,
    validate: Annotated[
        bool, typer.Option(help="Check every rule of the record schema first.")
    ] = True,
    tables_as: Annotated[
        TablesAs, typer.Option("--tables-as", help="The file type of the tables written.")
    ] = TablesAs.csv,
    force: Annotated[
        bool, typer.Option("--force", help="Replace tables that exist in the folder.")
    ] = False,
) -> None:
    """Count records into the report's tables, ready for `compute`.

    Verdict records give uitspraken, vrijheidsstraffen and vrijheidsstraffen_kenmerken;
    seizure records give beslag. The file is read in streaming mode (it may be larger
    than memory); every broken rule of the record schema is listed at once.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from . import records as rec

    rec.verify_records(records, what="aggregate")  # a file cut short: refused first
    chosen = kind if kind is not RecordKind.auto else RecordKind(rec.record_kind(records))
    chosen_engine: EngineName | None = None
    if engine is not None:
        chosen_engine = engine.value
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        progress.add_task(f"Counting {chosen.value} in {records.name}", total=None)
        if chosen is RecordKind.verdicts:
            tables = rec.aggregate_verdicts(records, validate=validate, engine=chosen_engine)
        else:
            tables = {
                "beslag": rec.aggregate_seizures(records, validate=validate, engine=chosen_engine)
            }
        validated = validate_tables(tables)
        with _writing(out):
            written = write_tables(validated, out, format=tables_as.value, overwrite=force)
    for path in written:
        typer.echo(f"{path}: {_number(len(validated[path.stem]))} rows")


@_command(ExitCode.INPUT, ExitCode.OUTPUT)
def generate(
    out: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="Parquet or CSV file to write the records into."),
    ],
    kind: Annotated[SyntheticKind, typer.Option(help="verdicts or seizures.")] = (
        SyntheticKind.verdicts
    ),
    scale: Annotated[
        int,
        typer.Option(metavar="N", help="Multiply every count (verdicts; 1417 gives ten million)."),
    ] = 1,
    seed: Annotated[int, typer.Option(metavar="N", help="Seed of the random choices.")] = 0,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write synthetic records that count back exactly to the bundled tables.

    For demos and tests without confidential data: no real person or case. The file is
    written whole (a Parquet file with its row count, a CSV file with a checksum file
    beside it), so that `aggregate` refuses one that was cut short.
    """
    from . import records as rec

    if out.suffix.lower() not in (".parquet", ".csv"):
        raise _OutputError(f"cannot write {out}: the name must end in .parquet or .csv")
    if kind is SyntheticKind.seizures:
        frame = rec.generate_seizures(seed=seed)
    else:
        frame = rec.generate_verdicts(scale=scale, seed=seed)
    with _writing(out):
        rec.write_records(frame, out, overwrite=force)
    what = "seizure" if kind is SyntheticKind.seizures else "verdict"
    typer.echo(f"{out}: {_number(len(frame))} synthetic {what} records")


class CheckFormat(enum.StrEnum):
    """How `check` renders its result."""

    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"
    docx = "docx"


def _check_text(result: pd.DataFrame, name: str, screen: _Screen) -> list[str]:
    """Render a check for the terminal: the counts, then every row that needs a look."""
    counts = result["status"].value_counts()
    lines = [f"{name}: {_number(len(result))} numbers"]
    lines += [f"  {status:<27} {_number(int(counts[status]))}" for status in counts.index]
    flagged = result[
        result["status"].isin(["decision_error", "discrepancy", "invalid", "not_checked"])
    ]
    if len(flagged):
        lines.append("")
    row: dict[Any, Any]
    for row in flagged.to_dict("records"):
        page = f"page {row['page']}, " if not pd.isna(row["page"]) else ""
        head = f"{page}line {row['line']}: {row['phrase']!r} {row['status']}"
        if not pd.isna(row["computed"]):
            head += f" (computed {_number(row['computed'])})"
        lines.append(head)
        detail = " ".join(str(row[k]) for k in ("linked_to", "note") if str(row[k]))
        lines += textwrap.wrap(
            detail, width=screen.width, initial_indent="    ", subsequent_indent="    "
        )
    return lines


@_command(ExitCode.PROBLEMS, ExitCode.INPUT, ExitCode.OUTPUT)
def check(
    draft: Annotated[
        Path,
        typer.Argument(metavar="DRAFT", help="The draft: a .txt, .md, .docx or (text) .pdf file."),
    ],
    data: DataOption = None,
    previous: Annotated[
        str,
        typer.Option(
            "--previous",
            metavar="EDITION",
            help="The edition whose figure records are the templates (a bundled edition or "
            "the folder of one); 'latest' (the default) for the latest bundled edition, "
            "'none' for none.",
        ),
    ] = "latest",
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (for reading), csv, json or markdown (one row per number), html (the "
            "draft with every number marked) or docx (a .docx draft with a Word comment on "
            "every number that needs a look; needs --out).",
        ),
    ] = CheckFormat.table,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="FILE", help="Write to FILE instead of the terminal."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Check every number of a draft against the data, and mark each in the draft.

    Every number-bearing span is a row: the phrase as printed, its page and line, the
    value, what it is linked to (a record of the previous edition, a metric, a table
    cell), the value computed from the tables, and a status: decision_error (the data
    reverse the claim), discrepancy, invalid, not_checked (nothing links it),
    not_derivable, consistent_with_qualifier, within_rounding, exact, transcribed, or
    not_a_figure (a date, a year, a footnote mark, ...; the note says which). Ends with
    1 when a number is a discrepancy or a decision error.
    """
    from .drafts import check as check_draft
    from .drafts._files import read_draft, write_docx_comments
    from .drafts._html import render_html

    if out is not None and draft.exists() and out.resolve() == draft.resolve():
        raise _OutputError(
            f"cannot write {out}: it is the draft itself; give another file for --out"
        )
    tables = _tables(data, None)
    try:
        doc = read_draft(draft)
    except UnreadableFileError as exc:
        raise _InputError(str(exc)) from None
    if not doc.text.strip():
        raise _InputError(f"{draft}: the draft has no text, so there is nothing to check")
    if fmt is CheckFormat.docx and (doc.kind != "docx" or out is None):
        raise _InputError("--format docx needs a .docx draft and --out FILE (a .docx file)")
    result = check_draft(doc, tables, previous=None if previous == "none" else previous)
    if out is not None and out.exists() and not force:
        raise _OutputError(f"cannot write {out}: it exists (use --force to replace it)")
    if fmt is CheckFormat.docx:
        assert out is not None
        with _writing(out):
            n = write_docx_comments(draft, doc, result, out, overwrite=force)
        typer.echo(f"{out}: {_number(n)} comments")
    else:
        if fmt is CheckFormat.table:
            text = "\n".join(_check_text(result, draft.name, _Screen.detect())) + "\n"
        elif fmt is CheckFormat.html:
            text = render_html(doc, result)
        else:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                _emit(result, Format(fmt.value))
            text = buffer.getvalue()
        if out is None:
            sys.stdout.write(text)
        else:
            with _writing(out), staged(out.parent, [out.name], overwrite=True, what="check") as tmp:
                (tmp / out.name).write_text(text, encoding="utf-8")
    flagged = result["status"].isin(["decision_error", "discrepancy"]).any()
    if flagged:
        raise typer.Exit(code=ExitCode.PROBLEMS)


def main() -> None:
    """Run the command-line interface."""
    # What importing pandas, pandera and the library made lives as long as the process:
    # the garbage collector need not walk it again (a full collection over it costs
    # about 50 ms, a third of a `reproduce` run; benchmarks/cold_start.py).
    gc.freeze()
    app()
