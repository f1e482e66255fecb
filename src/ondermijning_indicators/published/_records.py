"""Published-figure records: reading and checking the human-editable TOML files."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import FigureRecordError, PhraseError
from ._phrase import Quantity, parse_phrase

__all__ = ["FigureRecord", "Reading", "Selection", "load_records"]

_SELECTION = re.compile(
    r"^\s*(?P<table>[a-z0-9_]+)\s*:\s*(?P<column>[a-z0-9_]+)\s*(?:\[(?P<filters>[^\]]*)\])?\s*$"
)
_FILE_KEYS = {"edition", "report_section", "not_a_figure", "figure"}
_ID = re.compile(r"^[a-z0-9_.-]+$")
_KINDS = ("cell", "sum", "metric", "not_derivable")
_KEYS = {
    "id", "section", "quote", "phrase", "note", "known_discrepancy", "finding", "reading",
    "inputs",
    *_KINDS,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Selection:
    """Cells of a table: ``table:column[key=value,...]`` (a sum over matching rows)."""

    table: str
    column: str
    filters: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, text: str, *, record: str) -> Selection:
        """Parse ``"uitspraken:aantal[jaar=2022,uitkomst=schuldig]"``."""
        m = _SELECTION.match(text)
        if not m:
            raise FigureRecordError(
                f"record {record!r}: cannot read the selection {text!r}; write "
                "table:column[key=value,key=value], e.g. uitspraken:aantal[jaar=2022]"
            )
        filters: list[tuple[str, str]] = []
        for part in filter(None, (p.strip() for p in (m["filters"] or "").split(","))):
            key, sep, value = part.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise FigureRecordError(
                    f"record {record!r}: filter {part!r} in {text!r} must be key=value"
                )
            filters.append((key.strip(), value.strip()))
        return cls(m["table"], m["column"], tuple(filters))

    def __str__(self) -> str:
        inner = ",".join(f"{k}={v}" for k, v in self.filters)
        return f"{self.table}:{self.column}" + (f"[{inner}]" if inner else "")


@dataclass(frozen=True, slots=True)
class Reading:
    """A way of computing a figure: a metric on selections, a sum, or a single cell."""

    kind: str  # "cell", "sum" or "metric"
    label: str
    metric: str | None
    inputs: Mapping[str, Selection]
    compare: bool = True


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One printed number of the report and how the library checks it."""

    id: str
    section: str
    quote: str
    phrase: str
    quantity: Quantity
    reading: Reading | None
    not_derivable: str | None
    alternatives: tuple[Reading, ...]
    note: str
    known_discrepancy: str | None
    source: str
    finding: str | None = None
    line: int | None = None

    @property
    def where(self) -> str:
        """The record named for messages: its id, file and line."""
        line = f", line {self.line}" if self.line else ""
        return f"record {self.id!r} ({self.source}{line})"


def _reading(raw: Mapping[str, Any], *, record: str, label: str) -> Reading:
    present = [k for k in ("cell", "sum", "metric") if k in raw]
    if len(present) != 1:
        raise FigureRecordError(
            f"record {record!r}: give exactly one of cell, sum or metric"
            + (f" (got {', '.join(present)})" if present else "")
        )
    kind = present[0]
    if kind == "metric":
        inputs = raw.get("inputs")
        if not isinstance(inputs, dict) or not inputs:
            raise FigureRecordError(
                f"record {record!r}: metric {raw['metric']!r} needs inputs = {{ arg = "
                '"table:column[...]", ... }'
            )
        return Reading(
            kind,
            label,
            str(raw["metric"]),
            {str(k): Selection.parse(str(v), record=record) for k, v in inputs.items()},
            compare=bool(raw.get("compare", True)),
        )
    if "inputs" in raw:
        raise FigureRecordError(f"record {record!r}: inputs are only for a metric")
    return Reading(
        kind,
        label,
        None,
        {"value": Selection.parse(str(raw[kind]), record=record)},
        compare=bool(raw.get("compare", True)),
    )


def _record(raw: Mapping[str, Any], *, source: str) -> FigureRecord:
    """Build one record; a problem names the file (and, via the caller, the line)."""
    rid = raw.get("id")
    if not isinstance(rid, str) or not _ID.match(rid):
        raise FigureRecordError(
            f"{source}: a record needs an id of lower-case letters, digits, '.', '_' or '-', "
            f"got {rid!r}"
        )
    unknown = set(raw) - _KEYS
    if unknown:
        raise FigureRecordError(
            f"{source}: record {rid!r} has unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}"
        )
    for key in ("section", "quote", "phrase"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise FigureRecordError(f"{source}: record {rid!r} needs a non-empty {key!r}")
    if raw["phrase"] not in raw["quote"]:
        raise FigureRecordError(
            f"{source}: record {rid!r}: the phrase {raw['phrase']!r} does not occur in its "
            f"quote {raw['quote']!r}"
        )
    try:
        quantity = parse_phrase(raw["phrase"])
    except PhraseError as exc:
        raise FigureRecordError(f"{source}: record {rid!r}: {exc}") from exc
    kinds = [k for k in _KINDS if k in raw]
    if len(kinds) != 1:
        raise FigureRecordError(
            f"{source}: record {rid!r} needs exactly one of {', '.join(_KINDS)}"
            + (f" (got {', '.join(kinds)})" if kinds else "")
        )
    reading = None if kinds[0] == "not_derivable" else _reading(raw, record=rid, label="")
    alternatives = tuple(
        _reading(alt, record=rid, label=str(alt.get("label", f"reading {i + 1}")))
        for i, alt in enumerate(raw.get("reading", []))
    )
    return FigureRecord(
        id=rid,
        section=raw["section"],
        quote=raw["quote"],
        phrase=raw["phrase"],
        quantity=quantity,
        reading=reading,
        not_derivable=raw.get("not_derivable"),
        alternatives=alternatives,
        note=str(raw.get("note", "")),
        known_discrepancy=raw.get("known_discrepancy"),
        source=source,
        finding=raw.get("finding"),
    )


def _bundled_files() -> list[tuple[str, str]]:
    root = resources.files("ondermijning_indicators") / "_data" / "published"
    return sorted(
        (f"published/{p.name}", p.read_text(encoding="utf-8"))
        for p in root.iterdir()
        if p.name.endswith(".toml")
    )


def load_records(paths: list[Path] | None = None) -> list[FigureRecord]:
    """Read published-figure records from TOML files (default: the 2023 edition).

    Raises
    ------
    FigureRecordError
        On malformed TOML, an unreadable phrase, a missing or doubled field, or
        two records with the same id; the message names the file and the record.

    Examples
    --------
    >>> from ondermijning_indicators.published import load_records
    >>> records = load_records()
    >>> next(r for r in records if r.phrase == "81%").reading.metric
    'aandeel_vrijheidsstraffen'
    """
    files = (
        _bundled_files()
        if paths is None
        else [(str(p), Path(p).read_text(encoding="utf-8")) for p in paths]
    )
    records: list[FigureRecord] = []
    seen: dict[str, str] = {}
    for source, text in files:
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise FigureRecordError(f"{source}: not valid TOML: {exc}") from exc
        unknown = set(doc) - _FILE_KEYS
        if unknown:
            raise FigureRecordError(
                f"{source}: unknown top-level keys {sorted(unknown)}; allowed: {sorted(_FILE_KEYS)}"
            )
        lines = {
            m.group(1): text.count("\n", 0, m.start()) + 1
            for m in re.finditer(r'(?m)^id\s*=\s*"([^"]+)"', text)
        }
        for raw in doc.get("figure", []):
            line = lines.get(str(raw.get("id")))
            try:
                rec = _record(raw, source=source)
            except FigureRecordError as exc:
                where = f" (line {line})" if line else ""
                raise FigureRecordError(f"{exc}{where}") from None
            rec = dataclasses.replace(rec, line=line)
            if rec.id in seen:
                raise FigureRecordError(
                    f"{source}: record id {rec.id!r} is used twice (also in {seen[rec.id]})"
                )
            seen[rec.id] = source
            records.append(rec)
    return records
