"""Published-figure records: reading and checking the human-editable TOML files.

A record that cannot be read is not dropped and does not stop the others: it is kept
as a record with a ``problem``, which `ondermijning_indicators.reproduce` reports as
a row with status ``invalid`` and the reason (``strict=True`` raises instead).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._readers import UnreadableFileError, parse_toml, read_text
from .._registry import Application, get_metric
from .._resources import FIGURES, edition_dir, latest_edition_id
from .._selection import Selection
from ..errors import FigureRecordError, MetadataError, PhraseError, SelectionError
from ..schemas import SCHEMAS, time_column
from ._phrase import Quantity, parse_phrase

__all__ = ["FigureRecord", "Reading", "Selection", "load_records"]

_FILE_KEYS = {"edition", "report_section", "not_a_figure", "figure"}
_ID = re.compile(r"^[a-z0-9_.-]+$")
_KINDS = ("cell", "sum", "metric", "not_derivable")
_KEYS = {
    "id", "section", "quote", "phrase", "note", "known_discrepancy", "finding", "reading",
    "inputs", "where",
    *_KINDS,
}  # fmt: skip


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
    """One printed number of the report and how the library checks it.

    A record that could not be read has a ``problem`` (the reason, naming file and
    line) and no ``quantity`` or ``reading``.
    """

    id: str
    section: str
    quote: str
    phrase: str
    quantity: Quantity | None
    reading: Reading | None
    not_derivable: str | None
    alternatives: tuple[Reading, ...]
    note: str
    known_discrepancy: str | None
    source: str
    finding: str | None = None
    line: int | None = None
    edition: str | None = None
    problem: str | None = None

    @property
    def where(self) -> str:
        """The record named for messages: its id, file and line."""
        line = f", line {self.line}" if self.line else ""
        return f"record {self.id!r} ({self.source}{line})"

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables its readings read, each once."""
        readings = [r for r in (self.reading, *self.alternatives) if r is not None]
        return tuple(dict.fromkeys(s.table for r in readings for s in r.inputs.values()))


def _selection(text: object, *, record: str) -> Selection:
    try:
        sel = Selection.parse(str(text))
    except SelectionError as exc:
        raise FigureRecordError(f"record {record!r}: {exc}") from None
    if sel.categories:
        raise FigureRecordError(
            f"record {record!r}: {sel} asks for one value per {', '.join(sel.categories)} "
            "('*'); a record names one number: give the value"
        )
    return sel


def _declared_inputs(metric: str, where: object, *, record: str) -> dict[str, Selection]:
    """Return the metric's declared inputs, bound to the record's ``where`` (a year, categories)."""
    if not isinstance(where, dict) or not where:
        raise FigureRecordError(
            f"record {record!r}: where must name the period and categories of the figure, "
            'e.g. where = { jaar = 2022, duurklasse = "meer_dan_5_jaar" }'
        )
    several = sorted(k for k, v in where.items() if not isinstance(v, str | int) or v is True)
    if several:
        raise FigureRecordError(
            f"record {record!r}: where gives {', '.join(several)} more than one value, or not "
            "a value; a record names one number: give one value (a year, a code) per key"
        )
    try:
        declared = get_metric(metric).inputs
    except MetadataError as exc:
        raise FigureRecordError(f"record {record!r}: {exc}") from None
    if declared is None or declared.application is not Application.PER_PERIOD:
        how = "declares no table inputs" if declared is None else "is applied to whole series"
        raise FigureRecordError(
            f"record {record!r}: metric {metric!r} {how}; give its inputs explicitly "
            '(inputs = { arg = "table:column[...]" })'
        )
    used: set[str] = set()
    bound: dict[str, Selection] = {}
    for arg, sel in declared.arguments.items():
        if sel.table not in SCHEMAS:
            raise FigureRecordError(
                f"record {record!r}: metric {metric!r} reads {sel.table!r}, which is not a "
                'table of the library; give its inputs explicitly (inputs = { arg = "..." })'
            )
        time = time_column(sel.table)
        free = [*sel.categories]
        if time and not sel.filtered(time) and not sel.reduce:
            free.insert(0, time)
        missing = [k for k in free if k not in where]
        if missing:
            raise FigureRecordError(
                f"record {record!r}: the input {arg} of {metric!r} ({sel}) is per "
                f"{', '.join(missing)}: name it in where"
            )
        keys = {k: where[k] for k in free}
        used |= set(keys)
        bound[arg] = sel.bind(keys)  # the period is the one key added; it goes first
    unused = sorted(set(where) - used)
    if unused:
        raise FigureRecordError(
            f"record {record!r}: where names {', '.join(unused)}, which no input of "
            f"{metric!r} is per ({declared.describe()})"
        )
    return bound


def _reading(raw: Mapping[str, Any], *, record: str, label: str) -> Reading:
    if not isinstance(raw.get("label", ""), str):
        raise FigureRecordError(f"record {record!r}: a reading's label must be text")
    present = [k for k in ("cell", "sum", "metric") if k in raw]
    if len(present) != 1:
        raise FigureRecordError(
            f"record {record!r}: give exactly one of cell, sum or metric"
            + (f" (got {', '.join(present)})" if present else "")
        )
    kind = present[0]
    compare = raw.get("compare", True)
    if not isinstance(compare, bool):
        raise FigureRecordError(
            f"record {record!r}: compare must be true or false, got {compare!r}"
        )
    if not isinstance(raw[kind], str):
        raise FigureRecordError(
            f"record {record!r}: {kind} must be text, got {raw[kind]!r}"
            + (" (a metric's id)" if kind == "metric" else ' (e.g. "uitspraken:aantal[jaar=2022]")')
        )
    if kind == "metric":
        inputs = raw.get("inputs")
        if "where" in raw and inputs is not None:
            raise FigureRecordError(
                f"record {record!r}: give inputs or where, not both (where binds the "
                "metric's declared inputs)"
            )
        if "where" in raw:
            bound = _declared_inputs(str(raw["metric"]), raw["where"], record=record)
            return Reading(kind, label, str(raw["metric"]), bound, compare=compare)
        if not isinstance(inputs, dict) or not inputs:
            raise FigureRecordError(
                f"record {record!r}: metric {raw['metric']!r} needs where = {{ jaar = ... }} "
                '(its declared inputs) or inputs = { arg = "table:column[...]", ... }'
            )
        return Reading(
            kind,
            label,
            str(raw["metric"]),
            {str(k): _selection(v, record=record) for k, v in inputs.items()},
            compare=compare,
        )
    for key in ("inputs", "where"):
        if key in raw:
            raise FigureRecordError(f"record {record!r}: {key} is only for a metric")
    return Reading(
        kind, label, None, {"value": _selection(raw[kind], record=record)}, compare=compare
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
    for key in ("note", "known_discrepancy", "finding"):
        if key in raw and not isinstance(raw[key], str):
            raise FigureRecordError(f"{source}: record {rid!r}: {key} must be text")
    if "not_derivable" in raw and (
        not isinstance(raw["not_derivable"], str) or not raw["not_derivable"].strip()
    ):
        raise FigureRecordError(
            f"{source}: record {rid!r}: not_derivable must say, in text, why no table gives "
            "the figure"
        )
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
    alternatives = raw.get("reading", [])
    if not isinstance(alternatives, list) or not all(isinstance(a, dict) for a in alternatives):
        raise FigureRecordError(f"{source}: record {rid!r}: reading must be [[figure.reading]]")
    return FigureRecord(
        id=rid,
        section=raw["section"],
        quote=raw["quote"],
        phrase=raw["phrase"],
        quantity=quantity,
        reading=reading,
        not_derivable=raw.get("not_derivable"),
        alternatives=tuple(
            _reading(alt, record=rid, label=str(alt.get("label", f"reading {i + 1}")))
            for i, alt in enumerate(alternatives)
        ),
        note=str(raw.get("note", "")),
        known_discrepancy=raw.get("known_discrepancy"),
        source=source,
        finding=raw.get("finding"),
    )


def _invalid(rid: str, source: str, line: int | None, problem: str) -> FigureRecord:
    return FigureRecord(
        id=rid,
        section="",
        quote="",
        phrase="",
        quantity=None,
        reading=None,
        not_derivable=None,
        alternatives=(),
        note="",
        known_discrepancy=None,
        source=source,
        line=line,
        problem=problem,
    )


def _figure_lines(text: str) -> list[int]:
    """Line numbers of the ``[[figure]]`` headers, in order."""
    lines, line, done = [], 1, 0
    for m in re.finditer(r"(?m)^[ \t]*\[\[[ \t]*figure[ \t]*\]\]", text):
        line += text.count("\n", done, m.start())  # counted once, from the last header
        lines.append(line)
        done = m.start()
    return lines


def _read_file(source: str, text: str, *, edition: str | None) -> list[FigureRecord]:
    """All records of one file; what cannot be read becomes an invalid record."""
    stem = Path(source).stem
    try:
        doc = parse_toml(text)
    except UnreadableFileError as exc:
        return [_invalid(stem, source, None, f"{source}: {exc}")]
    unknown = set(doc) - _FILE_KEYS
    if unknown:
        problem = (
            f"{source}: unknown top-level keys {sorted(unknown)}; allowed: {sorted(_FILE_KEYS)}"
        )
        return [_invalid(stem, source, None, problem)]
    said = doc.get("edition")
    if said is not None and not isinstance(said, str):
        return [_invalid(stem, source, None, f"{source}: edition must be text, got {said!r}")]
    mismatch = (
        f"{source}: the file says edition {said!r} but belongs to edition {edition!r}"
        if edition is not None and said is not None and said != edition
        else None
    )
    figures = doc.get("figure", [])
    if not isinstance(figures, list) or not all(isinstance(f, dict) for f in figures):
        return [_invalid(stem, source, None, f"{source}: figure must be [[figure]] tables")]
    lines = _figure_lines(text)
    out = []
    for i, raw in enumerate(figures):
        # a line only where every [[figure]] header was found (not inline tables)
        line = lines[i] if len(lines) == len(figures) else None
        rid = str(raw.get("id")) if isinstance(raw.get("id"), str) else f"{stem}.figure_{i + 1}"
        if mismatch:
            out.append(_invalid(rid, source, line, mismatch))
            continue
        try:
            rec = _record(raw, source=source)
        except FigureRecordError as exc:
            message = str(exc)
            if not message.startswith(source):
                message = f"{source}: {message}"
            where = f" (line {line})" if line else ""
            out.append(_invalid(rid, source, line, f"{message}{where}"))
            continue
        out.append(replace(rec, line=line, edition=said or edition))
    return out


def _edition_files(edition: str) -> list[Path]:
    root = edition_dir(edition) / FIGURES
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.suffix == ".toml" and p.is_file())


def load_records(
    paths: Sequence[str | Path] | None = None,
    *,
    edition: str | None = None,
    strict: bool = False,
) -> list[FigureRecord]:
    """Read published-figure records from TOML files.

    Parameters
    ----------
    paths : sequence of path, optional
        Record files. Default: the figure records of the bundled ``edition``.
    edition : str, optional
        The edition the records belong to; a file whose ``edition`` key says another
        is refused. Default: the latest bundled edition when ``paths`` is None.
    strict : bool, default=False
        Raise on the first record that cannot be read, instead of keeping it as an
        invalid record (``problem`` set), which `reproduce` reports as a row.

    Raises
    ------
    FigureRecordError
        With ``strict=True``: on malformed TOML, an unreadable phrase, a missing or
        doubled field, or two records with the same id; the message names the file,
        the record and its line.

    Examples
    --------
    >>> from ondermijning_indicators.published import load_records
    >>> records = load_records()
    >>> rec = next(r for r in records if r.phrase == "81%")
    >>> rec.reading.metric, rec.edition
    ('aandeel_vrijheidsstraffen', '2023')
    """
    if paths is None:
        edition = edition or latest_edition_id()
        files = _edition_files(edition)
        sources = [(f"{edition}/{FIGURES}/{p.name}", p) for p in files]
    else:
        sources = [(str(p), Path(p)) for p in paths]
    records: list[FigureRecord] = []
    seen: dict[str, str] = {}
    for source, path in sources:
        try:
            text = read_text(path)
        except UnreadableFileError as exc:
            records.append(_invalid(path.stem, source, None, f"{source}: {exc}"))
            continue
        for rec in _read_file(source, text, edition=edition):
            if rec.problem is None and rec.id in seen:
                line = f" (line {rec.line})" if rec.line else ""
                rec = replace(
                    rec,
                    problem=(
                        f"{source}: record id {rec.id!r} is used twice (also in "
                        f"{seen[rec.id]}){line}"
                    ),
                    quantity=None,
                    reading=None,
                )
            elif rec.problem is None:
                seen[rec.id] = f"{source}, line {rec.line}" if rec.line else source
            records.append(rec)
    if strict:
        bad = next((r for r in records if r.problem), None)
        if bad is not None:
            raise FigureRecordError(bad.problem)
    return records
