"""Reading table files exactly and within bounds: CSV, Excel workbooks, Parquet.

Each reader gives the cells as they are in the file (text stays text, a number cell
a number), indexed by the physical line (CSV) or row (Excel) they stand on, so that
every message can point at the place a user sees in an editor or a spreadsheet.
Nothing here parses numbers: `ondermijning_indicators._validation` does, strictly.

Every reader is bounded: `LIMITS` caps the size of a file, the rows and columns of a
table and, for a workbook, its uncompressed size, its cells and the compression
ratio of each part (a "zip bomb" part expands a thousand times). The used range of a
sheet is taken from the cells that hold data, never from the dimension the file
declares, and a cell that holds data far outside the table is reported by its
address. A file that cannot be read (damaged, truncated, another format under a
table's name, an XML entity bomb) is a `UnreadableFileError`, never a traceback.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import pandas as pd
import tomli  # tomllib, compiled: the records of an edition read three times faster

__all__ = [
    "LIMITS",
    "WORKBOOK",
    "Limits",
    "RawTable",
    "UnreadableFileError",
    "ZipKind",
    "check_archive",
    "parse_toml",
    "read_csv",
    "read_parquet",
    "read_text",
    "read_xlsx",
]


@dataclass(frozen=True)
class Limits:
    """The bounds within which a table file is read; above them it is refused.

    The report's tables are aggregates of at most a few thousand rows; the bounds leave
    room for far larger ones and keep a hostile or broken file from exhausting memory.
    Record-level data (one row per verdict) is not read here but by
    `ondermijning_indicators.records`, which streams it.
    """

    file_bytes: int = 100 * 2**20
    """The size of one table file: 100 MiB."""
    rows: int = 1_000_000
    """The rows of one table (a sheet, a CSV file, a Parquet file)."""
    columns: int = 200
    """The columns of one table."""
    workbook_bytes: int = 200 * 2**20
    """The size of a workbook once unpacked: 200 MiB."""
    workbook_cells: int = 2_000_000
    """The cells holding data in one workbook, over all its sheets."""
    compression_ratio: int = 100
    """How many times one part of a workbook over 1 MiB may expand when unpacked.

    Sheets saved by spreadsheet programs compress 5 to 30 times; deflate cannot go
    beyond about 1 030 times, which a part of blanks or repeated entities reaches."""
    toml_bytes: int = 4 * 2**20
    """The size of one TOML file (a catalogue, a file of figure records): 4 MiB."""
    toml_depth: int = 32
    """How deeply arrays and tables may nest in a TOML file."""


LIMITS = Limits()
"""The bounds every reader applies (listed on the "Input, output and limits" page)."""


class UnreadableFileError(Exception):  # internal: callers turn it into a reported failure
    """A file that cannot be read at all: the message says why, in words."""


@dataclass
class RawTable:
    """The cells of one table as the file holds them.

    ``frame`` is indexed by the physical line (CSV) or row (sheet) of each row;
    ``problems`` lists cells the reader could not take, as (line, column, value,
    message), for the caller to report with the rest.
    """

    name: str
    frame: pd.DataFrame
    label: str
    row_word: str
    problems: list[tuple[int | None, str, Any, str]] = field(default_factory=list)
    notation: str = "machine"
    """How the file writes numbers as text: "machine" or "nl" (a CSV's, as sniffed)."""


def _size(path: Path, limits: Limits) -> int:
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise UnreadableFileError(
            f"is {size:,} bytes, more than the {limits.file_bytes:,} a table file may have; "
            "record-level data goes in Parquet or CSV for `aggregate`"
        )
    return size


def _frame(header: list[str], rows: list[list[Any]], index: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame.index = pd.Index(index, dtype="int64")
    return frame


def _header_problems(header: list[str]) -> list[str]:
    """Return what is wrong with a header: a blank name, a name given twice."""
    problems = []
    blank = [i + 1 for i, name in enumerate(header) if not str(name).strip()]
    if blank:
        problems.append(f"the header has an empty column name (column {blank[0]})")
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(f"the column {name!r} is in the header twice")
        seen.add(name)
    return problems


# --------------------------------------------------------------------------- TOML


def read_text(path: Path, limits: Limits = LIMITS) -> str:
    """Return a small text file (a catalogue, a record file) as text, within ``toml_bytes``."""
    try:
        size = path.stat().st_size
        if size > limits.toml_bytes:
            raise UnreadableFileError(
                f"is {size:,} bytes, more than the {limits.toml_bytes:,} a TOML file may have"
            )
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start}); "
            "save it as UTF-8"
        ) from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot be read: {exc.strerror or exc}") from None


def _depth(value: object) -> int:
    """How deeply lists and tables nest in a parsed TOML value (a scalar is 0)."""
    depth, level = 0, [value]
    while level:
        depth += 1
        level = [
            item
            for v in level
            for item in (v.values() if isinstance(v, dict) else v if isinstance(v, list) else ())
        ]
    return depth - 1


def parse_toml(text: str, limits: Limits = LIMITS) -> dict[str, Any]:
    """Parse TOML text within the bounds of ``limits``; a problem is `UnreadableFileError`.

    Deep nesting (``a = [[[[...]]]]``) exhausts the parser's recursion long before any
    size limit; it is caught and refused, as is nesting deeper than ``toml_depth``.
    """
    if len(text) > limits.toml_bytes:
        raise UnreadableFileError(
            f"is {len(text):,} characters, more than the {limits.toml_bytes:,} a TOML file may have"
        )
    try:
        doc = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise UnreadableFileError(f"not valid TOML: {exc}") from None
    except RecursionError:
        doc = None
    if doc is None or _depth(doc) > limits.toml_depth:
        raise UnreadableFileError(
            f"nests arrays or tables more than {limits.toml_depth} levels deep"
        )
    return doc


# --------------------------------------------------------------------------- CSV


def sniff(text: str) -> str:
    """Return "nl" when the first non-blank line is separated by ``;`` (and has no ``,``)."""
    for line in text.splitlines():
        if line.strip():
            return "nl" if ";" in line and "," not in line else "machine"
    return "machine"


def read_csv(path: Path, notation: str, limits: Limits = LIMITS) -> RawTable:
    """Read a CSV table: every field as text, rows indexed by their first physical line.

    Blank lines are skipped (and counted); a quoted field may span lines; a row with
    more or fewer fields than the header is a problem naming its line.
    """
    _size(path, limits)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFileError(
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}); save it as "
            "UTF-8 (in Excel: 'CSV UTF-8'), the encoding every table file is read in"
        ) from None
    if "\x00" in text:
        raise UnreadableFileError(
            "holds NUL bytes: it is not a text file (a workbook saved as .csv?)"
        )
    style = sniff(text) if notation == "auto" else notation
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if style == "nl" else ",")
    records: list[list[str]] = []
    lines: list[int] = []
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if not any(field.strip() for field in record):
                continue  # a blank line
            records.append(record)
            lines.append(start)
            if len(records) > limits.rows + 1:
                raise UnreadableFileError(
                    f"has more than the {limits.rows:,} rows a table may have"
                )
    except csv.Error as exc:
        raise UnreadableFileError(f"is not valid CSV after line {end}: {exc}") from None
    label = f"{path.name}, {'Dutch' if style == 'nl' else 'machine'} notation"
    if not records:
        return RawTable(path.stem, pd.DataFrame(), label, "line", notation=style)
    header, *rows = records
    header = [name.strip() for name in header]
    if len(header) > limits.columns:
        raise UnreadableFileError(
            f"has {len(header)} columns, more than the {limits.columns} allowed"
        )
    problems: list[tuple[int | None, str, Any, str]] = [
        (lines[0], "", None, p) for p in _header_problems(header)
    ]
    kept: list[list[str]] = []
    index: list[int] = []
    for line, row in zip(lines[1:], rows, strict=True):
        if len(row) != len(header):
            problems.append(
                (line, "", None, f"has {len(row)} fields where the header has {len(header)}")
            )
            continue
        kept.append(row)
        index.append(line)
    return RawTable(path.stem, _frame(header, kept, index), label, "line", problems, style)


# --------------------------------------------------------------------------- Excel


class _NoValue:
    """A formula cell whose result the file does not store."""

    def __repr__(self) -> str:
        return "a formula without a stored value"


NO_VALUE = _NoValue()


@dataclass(frozen=True)
class ZipKind:
    """What a zip-based file is, in the words of a refusal."""

    noun: str  # "workbook"
    name: str  # "an Excel workbook (.xlsx)"
    instead: str  # "saved as .xlsx rather than .xls or .csv"


WORKBOOK = ZipKind(
    "workbook", "an Excel workbook (.xlsx)", "saved as .xlsx rather than .xls or .csv"
)


def check_archive(path: Path, limits: Limits = LIMITS, kind: ZipKind = WORKBOOK) -> None:
    """Refuse a zip-based file (a workbook, a Word document) that expands beyond the limits.

    Or that is no zip archive at all; the message says which, to follow the file's name.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 2**20 and ratio > limits.compression_ratio:
                    raise UnreadableFileError(
                        f"has a part ({info.filename}) that expands {ratio:,.0f} times when "
                        f"unpacked: a damaged or hostile {kind.noun}"
                    )
            if total > limits.workbook_bytes:
                raise UnreadableFileError(
                    f"unpacks to {total:,} bytes, more than the {limits.workbook_bytes:,} a "
                    f"{kind.noun} may have"
                )
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        NotImplementedError,  # a zip feature or version the zip module does not read
    ) as exc:
        raise UnreadableFileError(
            f"is not {kind.name} that can be read ({exc}); is it complete, and {kind.instead}?"
        ) from None


_XML_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z", re.ASCII)
"""A number as the spreadsheet formats write it in a cell's <v> (ASCII digits only)."""


def _cells(sheet: Any, limits: Limits, budget: list[int]) -> Iterator[tuple[int, int, Any]]:
    """Stream (row, column, value) of the cells of a sheet that hold data."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            raw = element.findtext(VALUE_TAG)
            if element.get("t", "n") == "n" and raw is not None and not _XML_NUMBER.match(raw):
                # openpyxl would read "１１７３" or "1_173" with int() and fail on "NaN":
                # hand the text on as text, to be refused (or read) as a CSV cell is
                element.set("t", "str")
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = NO_VALUE
            return cell

    parent = sheet.parent
    with sheet._get_source() as source:
        parser = _Parser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=parent.epoch,
            date_formats=parent._date_formats,
            timedelta_formats=parent._timedelta_formats,
        )
        for _, row in parser.parse():
            for cell in row:
                value = cell["value"]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                budget[0] -= 1
                if budget[0] < 0:
                    raise UnreadableFileError(
                        f"holds more than the {limits.workbook_cells:,} cells with data a "
                        "workbook may have"
                    )
                yield int(cell["row"]), int(cell["column"]), value


def _address(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


def _sheet_table(sheet: Any, limits: Limits, budget: list[int]) -> RawTable | None:
    """Return the table of one sheet (its first row with data is the header), or None."""
    rows: dict[int, dict[int, Any]] = {}
    for row, column, value in _cells(sheet, limits, budget):
        if row > limits.rows + 1 or column > limits.columns:
            raise UnreadableFileError(
                f"sheet {sheet.title}: cell {_address(row, column)} holds {value!r}, beyond the "
                f"{limits.rows:,} rows and {limits.columns} columns a table may have; a stray "
                "cell far from the table? delete it and save again"
            )
        rows.setdefault(row, {})[column] = value
    if not rows:
        return None
    first = min(rows)
    header_cells = rows.pop(first)
    columns = sorted(header_cells)
    header = [str(header_cells[c]).strip() for c in columns]
    problems: list[tuple[int | None, str, Any, str]] = [
        (first, "", None, p) for p in _header_problems(header)
    ]
    gaps = [c for c in range(columns[0], columns[-1] + 1) if c not in header_cells]
    if gaps:
        problems.append(
            (
                first,
                "",
                None,
                f"the header has an empty cell at {_address(first, gaps[0])}",
            )
        )
    data: list[list[Any]] = []
    index: list[int] = []
    for row in sorted(rows):
        cells = rows[row]
        outside = sorted(c for c in cells if c not in header_cells)
        if outside:
            c = outside[0]
            problems.append(
                (row, "", cells[c],
                 f"cell {_address(row, c)} holds a value in a column without a header (the "
                 f"table's header is {_address(first, columns[0])}:{_address(first, columns[-1])})")
            )  # fmt: skip
        data.append([cells.get(c) for c in columns])
        index.append(row)
    return RawTable(
        str(sheet.title), _frame(header, data, index), str(sheet.title), "row", problems
    )


def read_xlsx(path: Path, limits: Limits = LIMITS) -> list[RawTable]:
    """Read every sheet of a workbook that holds data; numbers stay numbers, text text.

    A formula cell whose value the file does not store holds `NO_VALUE`.
    """
    _size(path, limits)
    check_archive(path, limits)
    import openpyxl

    budget = [limits.workbook_cells]
    try:
        with path.open("rb") as handle:  # closed also when openpyxl fails half-way
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            try:
                tables = [
                    t for ws in workbook.worksheets if (t := _sheet_table(ws, limits, budget))
                ]
            finally:
                workbook.close()
    except (UnreadableFileError, MemoryError):
        raise
    except (zipfile.BadZipFile, KeyError, zlib.error, ParseError, EOFError, OSError) as exc:
        raise UnreadableFileError(
            f"is a damaged Excel workbook ({type(exc).__name__}: {exc}); open and save it "
            "again in a spreadsheet program"
        ) from None
    except Exception as exc:  # defusedxml's refusals and openpyxl's own errors
        causes = list(_chain(exc))
        if any(type(c).__module__.startswith("defusedxml") for c in causes):
            raise UnreadableFileError(
                "declares XML entities or a document type (DTD), which a workbook saved by a "
                "spreadsheet program never does and which are refused (they can expand to "
                "gigabytes or read other files); open and save it again in a spreadsheet program"
            ) from None
        # Whatever else the parser meets in a damaged file (a zip feature it does not
        # know, a missing part, text where a number belongs) means the same to a user.
        raise UnreadableFileError(
            f"is a damaged Excel workbook ({type(causes[-1]).__name__}: {causes[-1]}); "
            "open and save it again in a spreadsheet program"
        ) from None
    return tables


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """Yield the exception and those it was raised from or during, outermost first."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


# --------------------------------------------------------------------------- Parquet


def read_parquet(path: Path, limits: Limits = LIMITS) -> RawTable:
    """Read a Parquet table; rows indexed from 1, as a reader of the file would count them."""
    _size(path, limits)
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        if parquet.metadata.num_rows > limits.rows:
            raise UnreadableFileError(
                f"has {parquet.metadata.num_rows:,} rows, more than the {limits.rows:,} a "
                "table may have"
            )
        if parquet.metadata.num_columns > limits.columns:
            raise UnreadableFileError(
                f"has more than the {limits.columns} columns a table may have"
            )
        table = parquet.read()
        table.validate(full=True)  # e.g. text that is not UTF-8, which reading lets through
        for i, column in enumerate(table.schema):
            if pa.types.is_binary(column.type) or pa.types.is_large_binary(column.type):
                try:
                    table = table.set_column(i, column.name, table.column(i).cast(pa.string()))
                except pa.ArrowInvalid:
                    raise UnreadableFileError(
                        f"has a column {column.name!r} of bytes that are not UTF-8 text; "
                        "write its text as UTF-8 strings"
                    ) from None
        frame = table.to_pandas()
    except UnreadableFileError:
        raise
    except UnicodeDecodeError:
        raise UnreadableFileError(
            "holds text that is not UTF-8; write its text columns as UTF-8 strings"
        ) from None
    except (pa.ArrowException, OSError, ValueError, KeyError, TypeError) as exc:
        # KeyError, TypeError: damaged pandas metadata in the file (its "pandas" key)
        raise UnreadableFileError(
            f"is not a Parquet file that can be read ({type(exc).__name__}: {exc}); is it "
            "complete, and is its text UTF-8?"
        ) from None
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    header = [str(c) for c in frame.columns]
    problems: list[tuple[int | None, str, Any, str]] = [
        (None, "", None, p) for p in _header_problems(header)
    ]
    return RawTable(path.stem, frame, path.name, "row", problems)
