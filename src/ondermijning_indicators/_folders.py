"""Tables from files: CSV (machine or Dutch notation), Excel, Parquet.

An analyst's folder holds the same tables as an edition's ``tables/`` folder, one
file per table (``uitspraken.csv``, ``vrijheidsstraffen.parquet``) or an Excel
workbook with one sheet per table; more years are more rows. :func:`read_tables`
reads every file, converts Dutch spreadsheet notation strictly (never guessing),
validates every table against its schema and the tables against each other, and
reports every problem of every file at once. :func:`write_tables` writes tables the
same ways, atomically. `ondermijning_indicators.load_tables` reads a whole folder:
these tables, and the catalogue and figure records beside them.

Dutch notation: ``;`` between fields, a dot between thousands in groups of three and
a comma before decimals ("1.238" is 1238, "12,5" is 12.5). With ``notation="auto"``
a CSV file whose header is separated by ``;`` is read as Dutch, else as machine
notation (``,`` between fields, a dot before decimals, no thousands separator).
Excel cells that hold numbers are numbers; a number typed as text in a number column
is an error unless ``notation="nl"`` says the text is Dutch.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._notation import (
    DECIMAL_COMMA,
    DOT_NOT_THOUSANDS,
    DUTCH_INT,
    DUTCH_NUMBER,
    DUTCH_WITH_THOUSANDS,
    dutch_to_machine,
    foreign_digits,
    format_number,
)
from ._readers import NO_VALUE, UnreadableFileError, read_csv, read_parquet, read_xlsx
from ._validation import (
    FAILURE_COLUMNS,
    TableSource,
    failure_message,
    failure_row,
    numeric_columns,
    validate_all,
)
from ._writers import neutralise_text, staged, to_csv, unneutralise
from .errors import DataValidationError, InvalidInputError
from .schemas import SCHEMAS, TOTALS

__all__ = ["Notation", "read_tables", "write_tables"]

Notation = Literal["auto", "machine", "nl"]
TABLE_SUFFIXES = frozenset({".csv", ".xlsx", ".parquet"})
"""The file types a table may be in."""
_IGNORED = {".md", ".txt", ".json", ".toml"}


def _dutch_message(value: str, kind: str) -> str:
    if foreign_digits(value):
        return f"has digits other than 0-9 ({value!r}); type the number with the digits 0-9"
    if kind == "int" and DECIMAL_COMMA.match(value):
        return f"is not a whole number: {value!r} has a decimal comma, and a count has no decimals"
    if value.strip() in {"-", "–"}:
        return f"is a dash ({value!r}), not a number; write 0 if it means zero"
    if re.fullmatch(r"[+-]?\d{1,3}( \d{3})+(,\d+)?", value):
        return f"has spaces between the digits ({value!r}); write it without spaces"
    if DOT_NOT_THOUSANDS.match(value):
        return (
            f"is not Dutch notation: {value!r} has a dot that does not separate thousands in "
            "groups of three; in Dutch notation write decimals with a comma"
        )
    return f"is not a {'whole ' if kind == 'int' else ''}number in Dutch notation ({value!r})"


def _from_dutch(
    df: pd.DataFrame, name: str, source: TableSource, *, text_only: bool = False
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Convert the number columns of a Dutch-notation table to machine notation, strictly.

    With ``text_only`` (an Excel sheet) only text cells are read as Dutch: a cell
    that holds a number is a number, whatever the notation.
    """
    out = df.copy()
    failures: list[dict[str, Any]] = []
    for col, kind in numeric_columns(SCHEMAS[name]).items():
        if col not in out.columns:
            continue
        if text_only:
            is_text = out[col].map(lambda v: isinstance(v, str))
            if not is_text.any():
                continue
            part, problems = _from_dutch(out.loc[is_text, [col]], name, source)
            out[col] = out[col].astype(object)
            out.loc[is_text, col] = part[col]
            failures += problems
            continue
        text = out[col].astype("string").str.strip()
        pattern = DUTCH_INT if kind == "int" else DUTCH_NUMBER
        empty = text.isna() | (text == "")
        ok = empty | text.str.match(pattern.pattern, flags=pattern.flags).fillna(False)
        ok = ok.astype(bool)
        for idx in out.index[~ok.to_numpy()]:
            value = str(text[idx])
            failure = failure_row(
                f"{name} ({source.label})",
                f"{source.row_word} {int(idx) + source.first_row}",
                col,
                value,
                "number",
                _dutch_message(value, kind),
            )
            failures.append({**failure, "_cell": (name, col, idx)})
        converted = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        # Converted to numbers here, exactly (a count as an integer), so that the machine
        # parser does not read them a second time. A cell reported here is emptied, so the
        # later checks do not report it again.
        make = int if kind == "int" else float
        out[col] = pd.Series(
            [make(v) if keep else np.nan
             for v, keep in zip(converted, (ok & ~empty).to_numpy(), strict=True)],
            index=out.index,
            dtype=object,
        )  # fmt: skip
    return out, failures


def _unquote(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Undo the quote the writers put before text a spreadsheet would run as a formula."""
    numeric = numeric_columns(SCHEMAS[name])
    out = frame.copy()
    for col in out.columns:
        if col in numeric:
            continue
        out[col] = out[col].map(unneutralise)
    return out


def _sheet_cells(
    frame: pd.DataFrame, name: str, source: TableSource, notation: Notation
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Return the cells of a sheet for one strict parser, and what cannot be a number.

    A number cell is a number whatever the notation. A text cell in a number column is
    read as Dutch notation only with ``notation="nl"``; otherwise it is refused: "4.157"
    typed as text is four thousand or four, and the sheet does not say which.
    """
    numeric = numeric_columns(SCHEMAS[name])
    failures: list[dict[str, Any]] = []
    out = frame.copy()
    if notation == "nl":  # text cells are Dutch notation; number cells stay numbers
        out, failures = _from_dutch(out, name, source, text_only=True)
    for col in out.columns:
        kind = numeric.get(col)

        def cell(value: Any, idx: Any, col: str = str(col), kind: str | None = kind) -> Any:
            def refuse(message: str) -> None:
                failure = failure_row(
                    f"{name} ({source.label})", f"{source.row_word} {idx}", col, value,
                    "number" if kind else "text", message,
                )  # fmt: skip
                failures.append({**failure, "_cell": (name, col, idx)})

            if value is None or (isinstance(value, float) and math.isnan(value)):
                return None
            if value is NO_VALUE:
                refuse(
                    "is a formula whose value the file does not store; open the workbook in "
                    "a spreadsheet program and save it, or type the value"
                )
                return None
            if isinstance(value, datetime.datetime | datetime.date | datetime.time):
                refuse(f"is a date or time ({value}), not {'a number' if kind else 'text'}")
                return None
            if kind is None:
                return value
            if isinstance(value, bool):
                refuse("is TRUE/FALSE, not a number")
                return None
            if isinstance(value, int | float):
                return value  # a number cell is a number, whatever the notation
            if notation == "nl":
                return value
            text = str(value).strip()
            reading = (
                f": with a Dutch thousands dot (meaning {dutch_to_machine(text)}) it is not "
                f"what it is in machine notation ({text})"
                if DUTCH_WITH_THOUSANDS.match(text)
                else ""
            )
            refuse(
                f"is text ({value!r}) in a number column{reading}; type it as a number, or "
                "read the workbook with notation 'nl' if its text is Dutch notation"
            )
            return None

        out[col] = pd.Series(
            [cell(v, i) for i, v in zip(out.index, out[col], strict=True)],
            index=out.index,
            dtype=object,
        )
    return out, failures


def _read(
    path: Path, notation: Notation
) -> tuple[list[tuple[str, pd.DataFrame, TableSource]], list[dict[str, Any]]]:
    """Read one file into (table name, raw frame, source) items; report what cannot be read."""
    items: list[tuple[str, pd.DataFrame, TableSource]] = []
    failures: list[dict[str, Any]] = []
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            raws = [read_csv(path, notation)]
        elif suffix == ".xlsx":
            raws = read_xlsx(path)
            if len(raws) == 1 and raws[0].name not in SCHEMAS and path.stem in SCHEMAS:
                raws[0].name = path.stem
        else:
            raws = [read_parquet(path)]
    except UnreadableFileError as exc:
        failures.append(failure_row(path.name, "", "", None, "unreadable", f"{path.name} {exc}"))
        return items, failures
    except OSError as exc:
        failures.append(
            failure_row(path.name, "", "", None, "unreadable", f"cannot read {path.name}: {exc}")
        )
        return items, failures
    for raw in raws:
        label = raw.label if suffix != ".xlsx" else f"{path.name}, sheet {raw.label}"
        source = TableSource(label, raw.row_word, 0)
        for line, column, value, message in raw.problems:
            row = f"{raw.row_word} {line}" if line is not None else ""
            failures.append(
                failure_row(f"{raw.name} ({label})", row, column, value, "file", message)
            )
        frame = raw.frame
        names = [str(c).strip() for c in frame.columns]
        if len(set(names)) != len(names) or not all(names):
            continue  # a header with a blank or doubled name: reported above, not validated
        if raw.name in SCHEMAS and len(frame.columns):
            frame = _unquote(frame, raw.name)
            if suffix == ".xlsx":
                frame, problems = _sheet_cells(frame, raw.name, source, notation)
                failures += problems
            elif suffix == ".csv" and raw.notation == "nl":
                frame, problems = _from_dutch(frame, raw.name, source)
                failures += problems
        items.append((raw.name, frame, source))
    return items, failures


def _table_file(entry: Path) -> str | None:
    """Why an entry named like a table is not a file that can be read; None if it is one."""
    if entry.is_symlink() and not entry.exists():
        return f"{entry.name} is a link to {os.readlink(entry)}, which does not exist"
    mode = entry.stat().st_mode
    if stat.S_ISDIR(mode):
        return f"{entry.name} is a folder, not a table file"
    if not stat.S_ISREG(mode):
        return f"{entry.name} is not a regular file (a pipe, socket or device), so it is not read"
    return None


def read_tables(
    path: str | os.PathLike[str],
    *,
    notation: Notation = "auto",
    required: Iterable[str] = (),
    strict: bool = False,
) -> dict[str, pd.DataFrame]:
    """Read and validate the table files of a folder (CSV, Excel or Parquet).

    Parameters
    ----------
    path : path
        A folder with one file per table (``<table>.csv``, ``<table>.xlsx``,
        ``<table>.parquet``) and/or Excel workbooks with one sheet per table; or a
        single such file. Files ending in .md, .txt, .json or .toml are ignored.
    notation : {"auto", "machine", "nl"}, default="auto"
        How numbers are written: see the module docstring.
    required : iterable of str, default=()
        Tables that must be present. A table of printed totals always requires the
        table it totals.
    strict : bool, default=False
        Also refuse a printed total that does not add up (see
        `ondermijning_indicators.validate_tables`).

    Returns
    -------
    dict of str to DataFrame
        The validated, typed tables by name.

    Raises
    ------
    DataValidationError
        With every problem of every file at once: file, sheet, row, column, value and
        the rule in words. Nothing is coerced silently.

    Examples
    --------
    A Dutch spreadsheet's CSV: ``;`` between fields, a dot between thousands, a decimal
    comma.

    >>> import pathlib, tempfile
    >>> from ondermijning_indicators._folders import read_tables
    >>> file = pathlib.Path(tempfile.mkdtemp(), "drugsvangsten.csv")
    >>> rows = ["jaar;haven;drug;kg", "2022;rotterdam;cocaine;46.789",
    ...         "2022;vlissingen;cocaine;4.157,5"]
    >>> _ = file.write_text(chr(10).join(rows), encoding="utf-8")
    >>> read_tables(file)["drugsvangsten"]["kg"].tolist()
    [46789.0, 4157.5]
    """
    root = Path(path)
    if not root.exists() and not root.is_symlink():
        raise InvalidInputError(f"load_tables: {root} does not exist")
    entries = [root] if not root.is_dir() else sorted(root.iterdir())
    failures: list[dict[str, Any]] = []
    raw: dict[str, pd.DataFrame] = {}
    sources: dict[str, TableSource] = {}
    reported: dict[str, set[tuple[str, Any]]] = {}
    present: set[str] = set()
    for file in entries:
        suffix = file.suffix.lower()
        if file.name.startswith(".") or suffix in _IGNORED:
            continue
        if suffix not in TABLE_SUFFIXES:
            if file.is_dir() and file is not root:
                continue  # a folder of its own (figures/, notes): not a table
            failures.append(
                failure_row(file.name, "", "", None, "unknown file type",
                         f"{file.name} is not a table file; use .csv, .xlsx or .parquet")
            )  # fmt: skip
            continue
        present.add(file.stem)  # a table file, read or not: not a missing table
        why = _table_file(file)
        if why is not None:
            failures.append(failure_row(file.name, "", "", None, "not a file", why))
            continue
        items, problems = _read(file, notation)
        failures += problems
        for problem in problems:
            if "_cell" in problem:
                table, col, idx = problem["_cell"]
                reported.setdefault(table, set()).add((col, idx))
        for name, frame, source in items:
            if name not in SCHEMAS:
                failures.append(
                    failure_row(f"{name} ({source.label})", "", "", None, "unknown table",
                             f"unknown table {name!r}: name the file or sheet after one of "
                             f"{', '.join(sorted(SCHEMAS))}")
                )  # fmt: skip
            elif name in raw:
                failures.append(
                    failure_row(f"{name} ({source.label})", "", "", None, "duplicate table",
                             f"table {name!r} is given twice: in {sources[name].label} and "
                             f"in {source.label}")
                )  # fmt: skip
            else:
                raw[name], sources[name] = frame, source
    if not raw and not failures:
        failures.append(
            failure_row(root.name, "", "", None, "no tables",
                     f"{root} holds no table file (.csv, .xlsx or .parquet named after a table)")
        )  # fmt: skip
    needed = dict.fromkeys(required, "asked for")
    for rule in TOTALS:
        if rule.totals in raw and rule.relation == "equals":
            needed.setdefault(rule.parts, f"its printed totals are in {rule.totals}")
    for name, why in sorted(needed.items()):
        if name not in raw and name not in present:  # an unreadable file is reported as such
            failures.append(failure_row(name, "", "", None, "missing table",
                                     f"required table {name!r} is missing ({why})"))  # fmt: skip
    try:
        validated = validate_all(raw, sources=sources, reported=reported, strict=strict)
    except DataValidationError as exc:
        if not failures:
            raise
        failures += exc.failures.to_dict("records")  # type: ignore[attr-defined]
        validated = {}
    if failures:
        frame = pd.DataFrame(failures, columns=FAILURE_COLUMNS)
        raise DataValidationError(
            failure_message(frame, sources), table=", ".join(raw), failures=frame
        )
    return {name: df.reset_index(drop=True) for name, df in validated.items()}


def _dutch_text(df: pd.DataFrame, name: str) -> pd.DataFrame:
    out = df.copy()
    for col, kind in numeric_columns(SCHEMAS[name]).items():
        if col not in out.columns:
            continue

        is_year = col.endswith("jaar")

        def fmt(value: Any, kind: str = kind, is_year: bool = is_year) -> str:
            if pd.isna(value):
                return ""
            if kind == "int":
                text = format_number(float(value), decimals=0)
                return text.replace(".", "") if is_year else text  # years: no thousands dot
            return format_number(float(value), decimals="exact")

        out[col] = out[col].map(fmt)
    return out


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    path: str | os.PathLike[str],
    *,
    format: Literal["csv", "xlsx", "parquet"] = "csv",
    notation: Literal["machine", "nl"] = "machine",
    overwrite: bool = False,
) -> list[Path]:
    """Write tables to a folder: staged, each file moved into place whole.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        Tables by name.
    path : path
        The folder to write into (created if missing); one file per table, named
        after it (``uitspraken.csv``, ``uitspraken.xlsx``, ``uitspraken.parquet``).
    format : {"csv", "xlsx", "parquet"}, default="csv"
    notation : {"machine", "nl"}, default="machine"
        For CSV: machine notation, or Dutch spreadsheet notation (``;``, thousands
        dot, decimal comma). Text cells that a spreadsheet would run as a formula
        (starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break) get a leading
        quote in CSV and Excel output, which `ondermijning_indicators.load_tables`
        removes again; numbers are never quoted.
    overwrite : bool, default=False
        Replace files that exist already; without it, an existing file is an error
        and nothing is written.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    OutputExistsError
        If a file exists already and ``overwrite`` is False.

    Examples
    --------
    >>> import tempfile
    >>> import ondermijning_indicators as oi
    >>> folder = tempfile.mkdtemp()
    >>> [p.name for p in oi.write_tables({"uitspraken": oi.load_sample("uitspraken")}, folder,
    ...                                  notation="nl")]
    ['uitspraken.csv']
    >>> oi.load_tables(folder)["uitspraken"].equals(oi.load_sample("uitspraken"))
    True
    """
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise InvalidInputError(f"write_tables: {target} is a file; give a folder")
    names = [f"{name}.{format}" for name in tables]
    with staged(target, names, overwrite=overwrite, what="write_tables") as staging:
        for name, df in tables.items():
            file = staging / f"{name}.{format}"
            numbers = numeric_columns(SCHEMAS[name]) if name in SCHEMAS else {}
            try:
                if format == "xlsx":
                    # One workbook per table: a sheet name holds at most 31 characters.
                    neutralise_text(df, numbers=numbers).to_excel(
                        file, sheet_name=name[:31], index=False
                    )
                elif format == "parquet":
                    df.to_parquet(file, index=False)
                elif notation == "nl" and name in SCHEMAS:
                    to_csv(neutralise_text(_dutch_text(df, name), numbers=numbers), file, sep=";")
                else:
                    to_csv(neutralise_text(df, numbers=numbers), file)
            except (ValueError, TypeError) as exc:  # a cell the format cannot hold
                raise InvalidInputError(
                    f"write_tables: the table {name!r} cannot be written as {format}: {exc}; "
                    "nothing was written"
                ) from None
    return [target / n for n in names]
