"""Editions of the report as data: tables, catalogue, figure records and text together.

The report appears every year. Everything that belongs to one edition lives in one
folder, and the next edition is a new folder, not new code::

    catalogue.toml   the edition, and per table: provenance, corrections, caveats
    tables/          one file per table (CSV in machine or Dutch notation, xlsx, Parquet)
    figures/*.toml   the published-figure records, one per printed number
    report.txt       the text (optional; the bundled one is not installed)
    notes.md         reading notes (optional)

The bundled editions live in ``data/editions/<id>/`` (`list_editions`,
`load_edition`); `load_sample`, `reproduce` and `audit` default to the latest.
A folder of your own has the same form (`load_tables`, `load_edition` with its
path); it may hold its tables directly instead of in ``tables/`` and may leave out
the catalogue and the records. Without a catalogue its rows carry no caveats: a
caveat of a bundled edition never reaches another edition's data.

A caveat or correction is scoped: to an edition (it is in that edition's
catalogue), a table, and, with ``where = { column = value, ... }``, the rows it is
about. `Catalogue.caveats_for` gives the caveats about the cells a value was
computed from, and nothing else.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._folders import TABLE_SUFFIXES, Notation, read_tables
from ._readers import UnreadableFileError, parse_toml, read_text
from ._resources import CATALOGUE, FIGURES, TABLES, bundled_edition_ids, edition_dir
from ._resources import latest_edition_id as _latest
from ._selection import Selection, index_of, matches
from ._validation import selected_mask
from .errors import CatalogueError, InvalidInputError, UnknownEditionError, UnknownSampleError
from .published import FigureRecord, Semantics, load_records, reproduce_records
from .schemas import SCHEMAS, amount_column, table_unit

__all__ = [
    "CATALOGUE_FORMAT",
    "Catalogue",
    "Caveat",
    "Correction",
    "Edition",
    "TableMeta",
    "Tables",
    "default_records",
    "key_columns",
    "latest_edition",
    "list_editions",
    "list_samples",
    "load_edition",
    "load_sample",
    "load_samples",
    "load_tables",
    "reproduce",
    "sample_metadata",
]

Where = tuple[tuple[str, tuple[str, ...]], ...]
"""Rows of a table: for each column, the values meant (empty: every row)."""


def _describe_where(where: Where) -> str:
    return ", ".join(f"{k}={'|'.join(v)}" for k, v in where)


@dataclass(frozen=True)
class Caveat:
    """A caveat about a table of an edition: its words, and the rows it is about.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> caveat = oi.sample_metadata("beslag").caveats[1]
    >>> caveat.where
    (('jaar', ('2022',)),)
    """

    text: str
    where: Where = ()
    text_nl: str = ""
    """The caveat in Dutch, where the catalogue gives it (charts in Dutch show it)."""


@dataclass(frozen=True)
class Correction:
    """A printed misprint corrected in a table of an edition; the printed form is kept."""

    cell: str
    printed: str
    corrected: str
    reason: str
    where: Where = ()


@dataclass(frozen=True)
class TableMeta:
    """Provenance of one table of an edition (its entry in ``catalogue.toml``)."""

    name: str
    title_nl: str = ""
    title_en: str = ""
    description: str = ""
    section: str = ""
    table: str = ""
    producer: str = ""
    corrections: tuple[Correction, ...] = ()
    printed_labels: Mapping[str, str] = field(default_factory=dict)
    caveats: tuple[Caveat, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        """The columns that name a row (from the table's schema)."""
        return key_columns(self.name)

    @property
    def unit(self) -> str:
        """The unit of the table's amounts (from its schema, `schemas.table_unit`)."""
        unit = table_unit(self.name)
        return str(unit) if unit is not None else "per row, in the column eenheid"


def key_columns(table: str) -> tuple[str, ...]:
    """Return the key of a table: the columns its schema requires to be unique together."""
    schema = SCHEMAS[table]
    if schema.unique:
        return tuple(schema.unique)
    return tuple(c for c, spec in schema.columns.items() if spec.unique)


CATALOGUE_FORMAT: Mapping[str, Mapping[str, str]] = {
    "[edition]": {
        "id": "The edition's id, its year (\"2024\"); default: the folder's name.",
        "title": "The report's title.",
        "publisher": "Who published it.",
        "published": 'When ("2024-06").',
        "text": "The file in the folder that holds the report's text (optional).",
        "notes": "The file in the folder that holds reading notes (optional).",
    },
    "[tables.NAME]": {
        "title_nl": "The table's title in Dutch.",
        "title_en": "The table's title in English.",
        "description": "What the table holds, in words.",
        "section": "Where in the report it is printed (section path).",
        "table": "The caption of the table, or the sentence, it comes from.",
        "producer": "Who produced the figures.",
        "printed_labels": "The label as printed, per code used in the table.",
        "corrections": "Misprints corrected in the table: [[tables.NAME.corrections]].",
        "caveats": (
            "Caveats: a text about the whole table, or { text, text_nl, where } about the "
            "rows where selects."
        ),
    },
    "[[tables.NAME.corrections]]": {
        "cell": "The cell that was corrected, in words.",
        "where": "The rows it is in: { column = value, ... } (optional).",
        "printed": "What the report prints there.",
        "corrected": "What the table holds instead.",
        "reason": "Why the printed form must be a misprint.",
    },
    "caveats = [{ ... }]": {
        "text": "The caveat, in English.",
        "text_nl": "The caveat in Dutch (optional; charts in Dutch show it).",
        "where": (
            "The rows it is about: { column = value } or { column = [value, ...] }; the "
            "caveat reaches a value only when that value reads some of these rows."
        ),
    },
}
"""Every key of a catalogue file, by section, with its meaning: the format users write
their own catalogue in. The reader accepts these keys and no others."""

_EDITION_KEYS = set(CATALOGUE_FORMAT["[edition]"])
_TABLE_TEXT = ("title_nl", "title_en", "description", "section", "table", "producer")
_TABLE_KEYS = set(CATALOGUE_FORMAT["[tables.NAME]"])
_CORRECTION_KEYS = set(CATALOGUE_FORMAT["[[tables.NAME.corrections]]"])
_CAVEAT_KEYS = set(CATALOGUE_FORMAT["caveats = [{ ... }]"])


@dataclass(frozen=True)
class Catalogue:
    """An edition's catalogue: the edition, and the provenance of each of its tables.

    Attributes
    ----------
    edition : mapping of str to str
        The ``[edition]`` section: ``id``, ``title``, ``publisher``, ``published``,
        ``text`` and ``notes`` (file names in the edition's folder); empty for a
        folder without a catalogue.
    tables : mapping of str to TableMeta
        The tables it describes.
    source : str
        The file it was read from, for messages ("" for none).
    """

    edition: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, TableMeta] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def parse(cls, text: str, *, source: str) -> Catalogue:
        """Read a catalogue from TOML text; every problem names the file and the key.

        Raises
        ------
        CatalogueError
            For invalid TOML, an unknown key or table, a ``where`` on a column the
            table does not have, or a value of the wrong kind.
        """
        try:
            doc = parse_toml(text)
        except UnreadableFileError as exc:
            raise CatalogueError(f"{source}: {exc}") from None
        unknown = set(doc) - {"edition", "tables"}
        if unknown:
            raise CatalogueError(
                f"{source}: unknown top-level keys {sorted(unknown)}; a catalogue has "
                "[edition] and [tables.NAME]"
            )
        edition = doc.get("edition", {})
        if not isinstance(edition, dict) or set(edition) - _EDITION_KEYS:
            raise CatalogueError(
                f"{source}: [edition] may hold {', '.join(sorted(_EDITION_KEYS))}; "
                f"got {sorted(edition) if isinstance(edition, dict) else edition!r}"
            )
        for key, value in edition.items():
            if not isinstance(value, str) or not value.strip():
                raise CatalogueError(f"{source}: [edition] {key} must be non-empty text")
        raw_tables = doc.get("tables", {})
        if not isinstance(raw_tables, dict):
            raise CatalogueError(f"{source}: tables must be [tables.NAME] sections")
        tables = {name: _table_meta(name, raw, source=source) for name, raw in raw_tables.items()}
        return cls(edition=dict(edition), tables=tables, source=source)

    def caveats_for(
        self, selections: Iterable[Selection], tables: Mapping[str, pd.DataFrame]
    ) -> list[str]:
        """Return the caveats about the rows ``selections`` read, as ``"table: text"``, once each.

        A caveat without ``where`` is about the whole table; one with ``where`` reaches a
        value only when the value reads some of the rows ``where`` describes, in the
        tables given.

        Examples
        --------
        >>> import ondermijning_indicators as oi
        >>> from ondermijning_indicators.published import Selection
        >>> tables = oi.load_samples()
        >>> cells = Selection.parse("beslag:bedrag_eur[jaar=2022,soort=totaal]")
        >>> [c[:41] for c in tables.catalogue.caveats_for([cells], tables)]
        ['beslag: Amounts are as the OM registered ', 'beslag: 2022 was registered on a narrower']
        >>> earlier = Selection.parse("beslag:bedrag_eur[jaar=2021,soort=totaal]")
        >>> len(tables.catalogue.caveats_for([earlier], tables))  # not about 2021
        1
        """
        out: dict[str, None] = {}
        for sel in selections:
            meta = self.tables.get(sel.table)
            frame = tables.get(sel.table)
            if meta is None or frame is None:
                continue
            read: npt.NDArray[np.bool_] | None = None
            for caveat in meta.caveats:
                if caveat.where:
                    if read is None:
                        read = selected_mask(sel, frame)
                    if not (read & _rows_where(caveat.where, frame)).any():
                        continue
                out[f"{sel.table}: {caveat.text}"] = None
        return list(out)


def _rows_where(where: Where, frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Return the mask of the rows of ``frame`` that a ``where`` of a catalogue describes."""
    mask = np.ones(len(frame), dtype=bool)
    index = index_of(frame)
    for key, values in where:
        if key not in frame.columns:
            return np.zeros(len(frame), dtype=bool)
        mask &= index.matches(key, values) if index else matches(frame[key], values)
    return mask


def _text(value: object, *, where: str) -> str:
    if not isinstance(value, str):
        raise CatalogueError(f"{where} must be text, got {value!r}")
    return value


def _where(raw: object, table: str, *, where: str) -> Where:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not raw:
        raise CatalogueError(f"{where}: where must be a table of column = value(s)")
    columns = set(SCHEMAS[table].columns)
    out = []
    for key, value in raw.items():
        if key not in columns:
            raise CatalogueError(
                f"{where}: where names the column {key!r}, which {table} does not have; "
                f"its columns are {', '.join(sorted(columns))}"
            )
        values = value if isinstance(value, list) else [value]
        if not values or not all(
            isinstance(v, str | int) and not isinstance(v, bool) for v in values
        ):
            raise CatalogueError(
                f"{where}: where {key} must be a value (text or a whole number) or a list of "
                f"them, got {value!r}"
            )
        out.append((str(key), tuple(str(v) for v in values)))
    return tuple(out)


def _table_meta(name: str, raw: object, *, source: str) -> TableMeta:
    where = f"{source}: [tables.{name}]"
    if name not in SCHEMAS:
        raise CatalogueError(
            f"{where}: unknown table {name!r}; the tables are {', '.join(sorted(SCHEMAS))}"
        )
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where} must be a table")
    if "unit" in raw:
        raise CatalogueError(
            f"{where}: a catalogue does not give a table's unit: the table's schema states it "
            f"({TableMeta(name).unit}, in the column {amount_column(name)}); remove unit"
        )
    unknown = set(raw) - _TABLE_KEYS
    if unknown:
        raise CatalogueError(
            f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_TABLE_KEYS)}"
        )
    texts = {k: _text(raw[k], where=f"{where} {k}") for k in _TABLE_TEXT if k in raw}
    corrections = []
    raw_corrections = raw.get("corrections", [])
    if not isinstance(raw_corrections, list):
        raise CatalogueError(
            f"{where}: corrections must be a list of [[tables.{name}.corrections]]"
        )
    for i, corr in enumerate(raw_corrections, start=1):
        at = f"{where} correction {i}"
        if not isinstance(corr, dict) or set(corr) - _CORRECTION_KEYS:
            raise CatalogueError(f"{at}: a correction has {', '.join(sorted(_CORRECTION_KEYS))}")
        missing = {"cell", "printed", "corrected", "reason"} - set(corr)
        if missing:
            raise CatalogueError(f"{at}: missing {', '.join(sorted(missing))}")
        corrections.append(
            Correction(
                **{k: _text(corr[k], where=f"{at} {k}") for k in corr if k != "where"},
                where=_where(corr.get("where"), name, where=at),
            )
        )
    caveats = []
    raw_caveats = raw.get("caveats", [])
    if not isinstance(raw_caveats, list):
        raise CatalogueError(f"{where}: caveats must be a list")
    for i, cav in enumerate(raw_caveats, start=1):
        at = f"{where} caveat {i}"
        if isinstance(cav, str):
            caveats.append(Caveat(cav))
        elif isinstance(cav, dict) and set(cav) <= _CAVEAT_KEYS and "text" in cav:
            scope = _where(cav.get("where"), name, where=at)
            dutch = _text(cav.get("text_nl", ""), where=at)
            caveats.append(Caveat(_text(cav["text"], where=at), scope, dutch))
        else:
            raise CatalogueError(
                f"{at}: a caveat is text, or {{ text = ..., text_nl = ..., "
                "where = { column = value } }"
            )
    labels = raw.get("printed_labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise CatalogueError(f"{where}: printed_labels must map codes to text")
    return TableMeta(
        name=name,
        corrections=tuple(corrections),
        printed_labels=dict(labels),
        caveats=tuple(caveats),
        **texts,
    )


@dataclass(frozen=True)
class Edition:
    """One edition of the report, bundled or a folder of your own.

    Attributes
    ----------
    id : str
        The edition's id (its year: "2023"); for a folder without a catalogue, its name.
    title, publisher, published : str
        From the catalogue's ``[edition]`` section ("" where not given).
    root : Path
        The edition's folder.
    catalogue : Catalogue
        Provenance, corrections and caveats of its tables.
    bundled : bool
        Whether it ships with the package.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> edition = oi.load_edition("2023")
    >>> edition.id, edition.published, len(edition.records())
    ('2023', '2023-06', 349)
    """

    id: str
    title: str
    publisher: str
    published: str
    root: Path
    catalogue: Catalogue
    bundled: bool

    @property
    def tables_dir(self) -> Path:
        """Where the table files are: ``tables/``, or the folder itself.

        Raises
        ------
        InvalidInputError
            If the folder holds table files beside a ``tables/`` folder: one of the two
            would be left out.
        """
        sub = self.root / TABLES
        if not sub.is_dir():
            return self.root
        stray = sorted(p.name for p in self.root.iterdir() if p.suffix.lower() in TABLE_SUFFIXES)
        if stray:
            raise InvalidInputError(
                f"{self.root} holds table files ({', '.join(stray)}) beside its tables/ "
                "folder; keep every table in tables/"
            )
        return sub

    def tables(
        self,
        *,
        notation: Notation = "auto",
        required: Iterable[str] = (),
        strict: bool = False,
    ) -> Tables:
        """Load and validate the edition's tables (see `load_tables` for the parameters)."""
        if self.bundled and notation == "auto" and not tuple(required) and not strict:
            frames = _bundled_tables(self.id)
            return Tables({n: df.copy() for n, df in frames.items()}, edition=self)
        frames = read_tables(self.tables_dir, notation=notation, required=required, strict=strict)
        return Tables(frames, edition=self)

    def records(self, *, strict: bool = False) -> list[FigureRecord]:
        """Return the edition's published-figure records (``figures/*.toml``); [] if it has none."""
        if self.bundled:
            return load_records(edition=self.id, strict=strict)
        folder = self.root / FIGURES
        if not folder.is_dir():
            return []
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
        # Without an [edition] id in a catalogue, a record file's own edition key stands.
        named = self.id if "id" in self.catalogue.edition else None
        return load_records(paths, edition=named, strict=strict)

    def _file(self, key: str) -> Path | None:
        name = self.catalogue.edition.get(key)
        path = self.root / name if name else None
        return path if path is not None and path.is_file() else None

    def _read(self, key: str) -> str | None:
        path = self._file(key)
        if path is None:
            return None
        try:
            return path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogueError(
                f"{path}: the edition's {key} is not UTF-8 text (offset {exc.start}); "
                "save it as UTF-8"
            ) from None
        except OSError as exc:
            raise CatalogueError(f"{path}: cannot read the edition's {key}: {exc}") from None

    def text(self) -> str | None:
        """Return the report's text, or None where the edition has none (or it is not installed)."""
        return self._read("text")

    def notes(self) -> str | None:
        """Return the reading notes on the edition, or None."""
        return self._read("notes")


class Tables(dict[str, pd.DataFrame]):
    """Validated tables by name, with the edition (catalogue and records) they came with.

    A plain ``dict``, so it works wherever a mapping of tables does; ``edition`` is
    the edition or folder it was loaded from, or None (then `catalogue` is empty and
    no caveat attaches to its rows).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> tables = oi.load_samples()
    >>> tables.edition.id, "uitspraken" in tables
    ('2023', True)
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame] | Iterable[tuple[str, pd.DataFrame]] = (),
        *,
        edition: Edition | None = None,
    ) -> None:
        super().__init__(tables)
        self.edition = edition

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue of the edition the tables came with (empty if none)."""
        return self.edition.catalogue if self.edition else Catalogue()

    def records(self) -> list[FigureRecord] | None:
        """Return the figure records of the edition the tables came with; None for no edition."""
        return self.edition.records() if self.edition else None

    def copy(self) -> Tables:
        """Return a copy of the mapping (the same frames), keeping the edition."""
        return Tables(self, edition=self.edition)


def _read_catalogue(root: Path) -> Catalogue:
    path = root / CATALOGUE
    if not path.is_file():
        return Catalogue()
    try:
        text = read_text(path)
    except UnreadableFileError as exc:
        raise CatalogueError(f"{path}: {exc}") from None
    return Catalogue.parse(text, source=str(path))


@functools.cache
def _bundled_edition(edition_id: str) -> Edition:
    root = edition_dir(edition_id)
    edition = _edition_in(root, bundled=True)
    if edition.id != edition_id:
        raise CatalogueError(f"{root / CATALOGUE}: [edition] id must be {edition_id!r}")
    return edition


def _edition_in(root: Path, *, bundled: bool) -> Edition:
    """Return the edition a folder holds, described by its catalogue (if it has one)."""
    catalogue = _read_catalogue(root)
    info = catalogue.edition
    return Edition(
        id=info.get("id", root.resolve().name),
        title=info.get("title", ""),
        publisher=info.get("publisher", ""),
        published=info.get("published", ""),
        root=root,
        catalogue=catalogue,
        bundled=bundled,
    )


VALIDATED = "validated.sha256"
"""The file of a bundled edition that lists the SHA-256 of each table file the test
suite validated (``sha256sum`` format). A bundled table whose content has that hash is
read without validating it again; any other content is validated on every read."""


def validated_hashes(edition_root: Path) -> dict[str, str]:
    """Return the hashes of ``VALIDATED`` by file name; {} if the edition has none."""
    try:
        lines = (edition_root / VALIDATED).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    pairs = (line.split(maxsplit=1) for line in lines if line.strip())
    return {name.strip().lstrip("*"): digest for digest, name in pairs}


def trusted_tables(edition_root: Path) -> dict[str, pd.DataFrame] | None:
    """Read a bundled edition's tables fast when each file is one the test suite validated.

    Every CSV file of ``tables/`` must be listed in ``VALIDATED`` with its exact
    SHA-256, and every listed file must exist; then each is read with its schema's
    column types, giving the same frames as validating it (a test compares them).
    Otherwise None: the caller validates.
    """
    expected = validated_hashes(edition_root)
    folder = edition_root / TABLES
    files = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    if not expected or {p.name for p in files} != set(expected):
        return None
    frames: dict[str, pd.DataFrame] = {}
    for path in files:
        content = path.read_bytes()
        if path.suffix != ".csv" or hashlib.sha256(content).hexdigest() != expected[path.name]:
            return None
        schema = SCHEMAS[path.stem]
        types = {c: "str" if "str" in str(col.dtype) else str(col.dtype)
                 for c, col in schema.columns.items()}  # fmt: skip
        frames[path.stem] = pd.read_csv(io.BytesIO(content), dtype=types, keep_default_na=False,
                                        na_values={c: [""] for c in types})  # fmt: skip
    return frames


@functools.cache
def _bundled_tables(edition_id: str) -> dict[str, pd.DataFrame]:
    edition = _bundled_edition(edition_id)
    trusted = trusted_tables(edition.root)
    if trusted is not None:
        return trusted
    return read_tables(edition.tables_dir, notation="machine")


def latest_edition() -> str:
    """Return the id of the newest bundled edition: what every default reads.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> oi.latest_edition()
    '2023'
    """
    return _latest()


def load_edition(edition: str | os.PathLike[str] | None = None) -> Edition:
    """Return an edition: a bundled one by id, or a folder of your own by path.

    Parameters
    ----------
    edition : str or path, optional
        The id of a bundled edition (``"2023"``), or the path of a folder laid out as
        an edition (or a plain folder of tables). Default: the latest bundled edition.

    Raises
    ------
    UnknownEditionError
        If it is neither a bundled edition nor a folder.
    CatalogueError
        If the folder's ``catalogue.toml`` is malformed.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> oi.load_edition().id == oi.latest_edition()
    True
    >>> oi.load_edition("1999")
    Traceback (most recent call last):
    ...
    ondermijning_indicators.errors.UnknownEditionError: no edition '1999': the bundled
    editions are 2023, and no folder has that path
    """
    if edition is None:
        return _bundled_edition(_latest())
    if isinstance(edition, str) and edition in bundled_edition_ids():
        return _bundled_edition(edition)
    root = Path(edition)
    if not root.is_dir():
        raise UnknownEditionError(
            f"no edition {str(edition)!r}: the bundled editions are "
            f"{', '.join(bundled_edition_ids())}, and no folder has that path"
        )
    return _edition_in(root, bundled=False)


def list_editions() -> pd.DataFrame:
    """List the bundled editions, oldest first, one row each.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> row = oi.list_editions().loc["2023"]
    >>> row["published"], int(row["tables"]), int(row["records"])
    ('2023-06', 17, 349)
    """
    rows = []
    for edition_id in bundled_edition_ids():
        ed = _bundled_edition(edition_id)
        rows.append(
            {
                "id": ed.id,
                "title": ed.title,
                "publisher": ed.publisher,
                "published": ed.published,
                "tables": len(ed.catalogue.tables),
                "records": len(ed.records()),
            }
        )
    return pd.DataFrame(rows).set_index("id")


def load_tables(
    path: str | os.PathLike[str],
    *,
    notation: Notation = "auto",
    required: Iterable[str] = (),
    strict: bool = False,
) -> Tables:
    """Load and validate a folder of tables, with its catalogue and figure records.

    Parameters
    ----------
    path : path
        A folder laid out as an edition (``catalogue.toml``, ``tables/``, ``figures/``)
        or simply holding one file per table (``<table>.csv``, ``.xlsx``, ``.parquet``)
        and/or Excel workbooks with one sheet per table; or a single such file.
    notation : {"auto", "machine", "nl"}, default="auto"
        How numbers are written in CSV and Excel text cells: ``"machine"``
        (``1173.5``), ``"nl"`` (``1.173,5``) or ``"auto"`` (Dutch when a CSV header
        is separated by ``;``).
    required : iterable of str, default=()
        Tables that must be present. A table of printed totals always requires the
        table it totals.
    strict : bool, default=False
        Also refuse a printed total that does not add up. By default it is loaded and
        `audit` reports it with the difference.

    Returns
    -------
    Tables
        The validated, typed tables by name, with the folder's edition: its catalogue
        (caveats and corrections, if it has a ``catalogue.toml``) and its records.

    Raises
    ------
    DataValidationError
        With every problem of every file at once: file, sheet, row, column, value and
        the rule in words. Nothing is coerced silently.
    CatalogueError
        If the folder's ``catalogue.toml`` is malformed.

    Examples
    --------
    >>> import tempfile
    >>> import ondermijning_indicators as oi
    >>> folder = tempfile.mkdtemp()
    >>> samples = oi.load_samples()
    >>> court = {name: samples[name] for name in ("uitspraken", "uitspraken_totaal")}
    >>> _ = oi.write_tables(court, folder, notation="nl")  # as a Dutch spreadsheet saves it
    >>> tables = oi.load_tables(folder)
    >>> int(tables["uitspraken_totaal"].query("jaar == 2022")["aantal"].iloc[0])
    1543
    >>> tables.catalogue.tables  # no catalogue.toml: no caveats of any edition
    {}
    """
    root = Path(path)
    if root.is_dir():
        edition = load_edition(root)
        return edition.tables(notation=notation, required=required, strict=strict)
    return Tables(read_tables(root, notation=notation, required=required, strict=strict))


def sample_metadata(name: str, *, edition: str | None = None) -> TableMeta:
    """Return the provenance record of the table ``name`` of a bundled edition.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> meta = oi.sample_metadata("uitspraken")
    >>> meta.corrections[0].printed, meta.corrections[0].corrected
    ('2018', '2019')
    """
    catalogue = load_edition(edition).catalogue
    if name not in catalogue.tables:
        raise UnknownSampleError(
            f"no sample table {name!r}; the bundled tables are: "
            f"{', '.join(sorted(catalogue.tables))}"
        )
    return catalogue.tables[name]


def list_samples(*, edition: str | None = None) -> pd.DataFrame:
    """List the tables of a bundled edition with their provenance, one row per table.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> "uitspraken" in oi.list_samples().index
    True
    """
    rows = []
    for name, meta in sorted(load_edition(edition).catalogue.tables.items()):
        rows.append(
            {
                "name": name,
                "title_nl": meta.title_nl,
                "title_en": meta.title_en,
                "section": meta.section,
                "table": meta.table,
                "producer": meta.producer,
                "unit": meta.unit,
                "key": ", ".join(meta.key),
                "columns": ", ".join(SCHEMAS[name].columns),
                "corrections": len(meta.corrections),
                "caveats": "; ".join(
                    c.text + (f" ({_describe_where(c.where)})" if c.where else "")
                    for c in meta.caveats
                ),
            }
        )
    return pd.DataFrame(rows).set_index("name")


def load_samples(*, edition: str | None = None) -> Tables:
    """Load and validate every table of a bundled edition (default: the latest).

    Each DataFrame is a fresh copy: changing it does not change what the next
    call returns.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> tables = oi.load_samples()
    >>> {"uitspraken", "vrijheidsstraffen", "kerncijfers"} <= set(tables)
    True
    >>> int(tables["vrijheidsstraffen"].query("jaar == 2022")["aantal"].sum())
    999
    """
    return load_edition(edition).tables()


def load_sample(name: str, *, edition: str | None = None) -> pd.DataFrame:
    """Load one table of a bundled edition, validated against its schema.

    Parameters
    ----------
    name : str
        Table name, as listed by `list_samples` (e.g. ``"uitspraken"``).
    edition : str, optional
        The bundled edition; default the latest.

    Returns
    -------
    pandas.DataFrame
        Tidy, long-format table with typed columns (see the schemas).

    Raises
    ------
    UnknownSampleError
        If the edition has no table of that name.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> df = oi.load_sample("uitspraken")
    >>> df.query("jaar == 2022").set_index("uitkomst")["aantal"].to_dict()
    {'schuldig': 1238, 'vrijspraak': 201, 'overig': 104}
    """
    ed = load_edition(edition)
    frames = _bundled_tables(ed.id) if ed.bundled else ed.tables()
    if name not in frames:
        raise UnknownSampleError(
            f"no sample table {name!r}; the tables of edition {ed.id} are: "
            f"{', '.join(sorted(frames))}"
        )
    return frames[name].copy()


def _caveats_of(tables: Mapping[str, pd.DataFrame]) -> Catalogue:
    return tables.catalogue if isinstance(tables, Tables) else Catalogue()


def default_records(tables: Mapping[str, pd.DataFrame]) -> list[FigureRecord] | None:
    """Return the records that came with ``tables`` (their edition's), or None if none did.

    Tables from a bundled edition or from a folder bring their edition's records (a
    folder without ``figures/`` brings none: an empty list); a plain mapping, or the
    tables of a single file, has no edition and no records.
    """
    if isinstance(tables, Tables) and tables.edition is not None:
        return tables.edition.records()
    return None


def reproduce(
    tables: Mapping[str, pd.DataFrame] | None = None,
    records: Sequence[FigureRecord] | None = None,
    *,
    edition: str | None = None,
    semantics: Semantics | None = None,
) -> pd.DataFrame:
    """Recompute every published figure and compare it with the printed phrase.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables by name; default the tables of ``edition``. Tables from
        `load_tables` or `load_samples` bring their catalogue, whose caveats about the
        cells a record reads are added to its note.
    records : sequence of FigureRecord, optional
        Default: the records that came with ``tables`` (their edition's, or the
        folder's ``figures/``). A plain mapping brings none: pass them.
    edition : str, optional
        A bundled edition; default the latest.
    semantics : Semantics, optional
        Numeric reading of the qualifiers (bijna, ruim, circa, ...).

    Returns
    -------
    pandas.DataFrame
        One row per record: ``id``, ``section``, ``phrase``, ``printed_value``,
        ``computed_value``, ``unit`` (of both values: the `Unit` the phrase names, a
        percentage as a share), ``status`` (exact, within_rounding,
        consistent_with_qualifier, transcribed, discrepancy, not_derivable, invalid),
        ``explained`` (False for a discrepancy nobody has explained, a known
        discrepancy that no longer occurs, or an invalid record), ``how`` and ``note``.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.reproduce().set_index("id")
    >>> result.loc["bestraffen.vrijheidsstraffen.aandeel_2022", ["phrase", "status"]].tolist()
    ['81%', 'within_rounding']
    >>> bool(result["explained"].all())
    True
    """
    if tables is None:
        tables = load_edition(edition).tables()
    recs = list(records) if records is not None else default_records(tables)
    if recs is None:
        raise InvalidInputError(
            "reproduce: these tables carry no figure records (a plain mapping, or a single "
            "file); pass records=, e.g. oi.load_edition().records() for the report's own, or "
            "load a folder with figures/*.toml"
        )
    if records is not None and not recs:
        raise InvalidInputError(
            "reproduce: no figure records were given (an empty file of records?), so there "
            "is nothing to check"
        )
    if records is None and not recs:
        where = tables.edition.root if isinstance(tables, Tables) and tables.edition else None
        raise InvalidInputError(
            f"reproduce: {where} has no figure records (figures/*.toml); pass records= "
            "(--figures on the command line), e.g. the records of a draft"
        )
    catalogue = _caveats_of(tables)

    def caveats_for(cells: Sequence[Selection]) -> list[str]:
        return catalogue.caveats_for(cells, tables)

    return reproduce_records(recs, tables, caveats_for=caveats_for, semantics=semantics)
