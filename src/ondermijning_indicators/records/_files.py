"""Files of records: written whole, with what a reader needs to tell one cut short.

A records file may be large and slow to write, so a write can be interrupted. The
library writes one through a staging folder (`ondermijning_indicators._writers`), so
a killed write leaves the previous file in place, and records in it what the whole
file is: a Parquet file its row count in its metadata, a CSV file a checksum file
beside it (``uitspraken.csv.sha256``, the format of ``sha256sum``). `verify_records`
checks them before any record is counted: a file that does not match is refused, not
counted short. A file written elsewhere, without them, is read as it is.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .._writers import check_target, sha256, staged, to_csv
from ..errors import InvalidInputError

__all__ = ["ROWS_KEY", "record_kind", "verify_records", "write_records"]

ROWS_KEY = b"ondermijning_indicators.rows"
"""The Parquet metadata key under which a records file says how many rows it has."""
_CHECKSUM = ".sha256"


def write_records(frame: pd.DataFrame, path: Path, *, overwrite: bool = False) -> Path:
    """Write records to a ``.parquet`` or ``.csv`` file, whole, with its row count or checksum.

    Raises
    ------
    OutputExistsError
        If the file exists and ``overwrite`` is False.
    InvalidInputError
        For another suffix, or a target that is a folder.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from ondermijning_indicators.records import generate_seizures, verify_records
    >>> from ondermijning_indicators.records import write_records
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "beslag.parquet"
    >>> _ = write_records(generate_seizures(seed=1), path)
    >>> verify_records(path)  # the whole file: no error
    """
    suffix = path.suffix.lower()
    if suffix not in {".parquet", ".csv"}:
        raise InvalidInputError(f"write_records: {path.name} must end in .parquet or .csv")
    check_target(path, what="write_records")
    if not path.parent.is_dir():
        raise InvalidInputError(
            f"write_records: cannot write {path}: the folder {path.parent} does not exist; "
            "make it first"
        )
    names = [path.name] if suffix == ".parquet" else [path.name, path.name + _CHECKSUM]
    with staged(path.parent, names, overwrite=overwrite, what="write_records") as staging:
        data = staging / path.name
        if suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            metadata = {**(table.schema.metadata or {}), ROWS_KEY: str(len(frame)).encode()}
            pq.write_table(table.replace_schema_metadata(metadata), data)
        else:
            to_csv(frame, data)
            (staging / names[1]).write_text(f"{sha256(data)}  {path.name}\n", encoding="utf-8")
    return path


def verify_records(path: Path, *, what: str = "verify_records") -> None:
    """Refuse a records file that is not the whole file that was written.

    Raises
    ------
    InvalidInputError
        If a Parquet file cannot be opened (its footer is missing when a write was cut
        short) or has another row count than its metadata says, or a CSV file does not
        match the checksum file beside it.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from ondermijning_indicators.records import generate_seizures, write_records
    >>> path = write_records(generate_seizures(seed=1), pathlib.Path(tempfile.mkdtemp(), "b.csv"))
    >>> _ = path.write_bytes(path.read_bytes()[:-40])  # a write cut short
    >>> verify_records(path)
    Traceback (most recent call last):
    ...
    ondermijning_indicators.errors.InvalidInputError: verify_records: b.csv does not match its
    checksum file b.csv.sha256: ...
    """
    if path.suffix.lower() == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            metadata = pq.ParquetFile(path).metadata
        except (pa.ArrowException, OSError) as exc:
            raise InvalidInputError(
                f"{what}: {path.name} is not a complete Parquet file ({exc}); was its writing "
                "interrupted? write it again"
            ) from None
        said = (metadata.metadata or {}).get(ROWS_KEY)
        if said is not None and int(said) != metadata.num_rows:
            raise InvalidInputError(
                f"{what}: {path.name} has {metadata.num_rows:,} rows but was written with "
                f"{int(said):,}; it was changed or cut short: write it again"
            )
        return
    checksum = path.with_name(path.name + _CHECKSUM)
    if checksum.is_file():
        expected = (
            checksum.read_text(encoding="utf-8").split()[0] if checksum.stat().st_size else ""
        )
        if sha256(path) != expected:
            raise InvalidInputError(
                f"{what}: {path.name} does not match its checksum file {checksum.name}: it was "
                "changed or cut short after it was written; write it again (or remove the "
                "checksum file if you changed it on purpose)"
            )


def record_kind(path: Path) -> str:
    """Return "verdicts" or "seizures": what the records of a file are, by their columns.

    Raises
    ------
    InvalidInputError
        If the file cannot be read, or has neither ``uitkomst`` nor ``waarde_eur``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from ondermijning_indicators.records import generate_seizures, record_kind, write_records
    >>> path = write_records(generate_seizures(seed=1), pathlib.Path(tempfile.mkdtemp(), "b.csv"))
    >>> record_kind(path)
    'seizures'
    """
    if not path.is_file():
        raise InvalidInputError(f"no file {path}")
    verify_records(path, what="record_kind")
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            columns = set(pq.read_schema(path).names)
        else:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                columns = {c.strip() for c in next(csv.reader(handle), [])}
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{path.name} is not UTF-8 text; save it as UTF-8 (in Excel: 'CSV UTF-8')"
        ) from None
    except Exception as exc:  # pyarrow's and the csv module's errors: an unreadable file
        raise InvalidInputError(f"cannot read the columns of {path.name}: {exc}") from None
    if "uitkomst" in columns:
        return "verdicts"
    if "waarde_eur" in columns:
        return "seizures"
    raise InvalidInputError(
        f"{path.name} has neither 'uitkomst' (verdicts) nor 'waarde_eur' (seizures); name the "
        "kind of its records (--kind)"
    )
