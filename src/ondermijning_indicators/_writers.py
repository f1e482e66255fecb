"""Writing files: staged, published whole, never over existing output unasked, safe to open.

Every file the library writes goes through here:

- it is written in a staging folder beside its target (``.writing-<pid>-<token>``) and
  moved into place with one `os.replace`, so a reader sees the old file or the new
  one, never half of one; a staging folder left by a killed process (its process no
  longer runs) is removed by the next write in that folder;
- an existing file is replaced only when the caller says so (``overwrite=True``,
  ``--force`` on the command line);
- text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a line break) gets a leading ``'`` (`neutralise`), and CSV rows end
  in CRLF, so that a cell holding a line break is always quoted and stays one cell;
  the library's readers remove that quote again, so a round trip is exact.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import InvalidInputError, OutputExistsError

__all__ = [
    "check_target",
    "neutralise",
    "neutralise_text",
    "sha256",
    "staged",
    "to_csv",
    "unneutralise",
]

_STAGING = ".writing-"
_FORMULA_AT = re.compile(r"^(?='*[=+\-@\t\r\n])|(?<=[\r\n])(?='*[=+\-@\t])")
"""Where a quote goes: before a cell, or a line in it, that starts like a formula.

Leading quotes count too (``'=x`` becomes ``''=x``), so that `unneutralise`, which
takes one quote off, gives back exactly the text that was written."""
_QUOTE_AT = re.compile(r"^'(?='*[=+\-@\t\r\n])|(?<=[\r\n])'(?='*[=+\-@\t])")


def neutralise(value: Any) -> Any:
    r"""Put a quote before text a spreadsheet would run as a formula; leave the rest.

    A cell is quoted where it starts like a formula, and so is every line inside it
    that does (a spreadsheet that splits a cell at a line break would run that line).

    Examples
    --------
    >>> from ondermijning_indicators._writers import neutralise, unneutralise
    >>> neutralise("=1+1"), neutralise("-5 graden"), neutralise("'s-Hertogenbosch"), neutralise(-5)
    ("'=1+1", "'-5 graden", "'s-Hertogenbosch", -5)
    >>> neutralise("totaal\r=HYPERLINK(0)")
    "totaal\r'=HYPERLINK(0)"
    >>> all(unneutralise(neutralise(t)) == t for t in ["'=x", "a\n\n-1", "\r\n@", "x"])
    True
    """
    if isinstance(value, str):
        return _FORMULA_AT.sub("'", value)
    return value


def unneutralise(value: Any) -> Any:
    """Take off the quote `neutralise` put on; text without one is left as it is."""
    if isinstance(value, str) and "'" in value:
        return _QUOTE_AT.sub("", value)
    return value


def neutralise_text(frame: pd.DataFrame, *, numbers: Iterable[str] = ()) -> pd.DataFrame:
    """Neutralise every text cell of ``frame`` outside the columns ``numbers``.

    A number written as text ("-5" in Dutch notation) is a number, not a formula: the
    columns that hold numbers keep their cells as they are, so they read back.
    """
    skip = set(numbers)
    out = frame.copy()
    for column in out.columns:
        if column not in skip and not pd.api.types.is_numeric_dtype(out[column].dtype):
            out[column] = out[column].map(neutralise)
    return out


def to_csv(frame: pd.DataFrame, target: Any, *, sep: str = ",") -> None:
    """Write CSV with CRLF row ends: a cell with a line break (even a lone CR) is quoted."""
    frame.to_csv(target, sep=sep, index=False, lineterminator="\r\n")


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks (any size)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_target(path: Path, *, what: str) -> None:
    """Refuse a target that is a folder, or whose folder is a file."""
    if path.is_dir():
        raise InvalidInputError(
            f"{what}: {path} is a folder; give the name of a file in it, e.g. {path / 'uit.csv'}"
        )
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise InvalidInputError(f"{what}: {parent} is a file, so {path} cannot be written")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user: alive
        return True
    return True


def clear_stale(folder: Path) -> None:
    """Remove staging folders in ``folder`` whose writing process no longer runs."""
    if not folder.is_dir():
        return
    for entry in folder.glob(f"{_STAGING}*"):
        pid = entry.name[len(_STAGING) :].split("-", 1)[0]
        if entry.is_dir() and pid.isascii() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


@contextlib.contextmanager
def staged(folder: Path, names: Iterable[str], *, overwrite: bool, what: str) -> Iterator[Path]:
    """Stage files for ``folder``; on success move each into place, else leave nothing.

    Yields the staging folder; every file the caller writes there whose name is in
    ``names`` is moved into ``folder`` in the order given (data before its
    description). An existing target is refused unless ``overwrite``.

    Raises
    ------
    OutputExistsError
        If a target exists and ``overwrite`` is False.
    """
    names = list(names)
    existing = [n for n in names if (folder / n).exists() or (folder / n).is_symlink()]
    if existing and not overwrite:
        raise OutputExistsError(
            f"{what}: {', '.join(str(folder / n) for n in existing)} exist"
            f"{'s' if len(existing) == 1 else ''} already; pass overwrite=True (--force) to "
            "replace, or write elsewhere"
        )
    for name in existing:
        if (folder / name).is_dir():
            raise InvalidInputError(f"{what}: {folder / name} is a folder, not a file")
    folder.mkdir(parents=True, exist_ok=True)
    clear_stale(folder)
    staging = folder / f"{_STAGING}{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        yield staging
        for name in names:
            if (staging / name).exists():
                os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
