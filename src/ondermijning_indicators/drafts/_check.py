"""Check a draft: every number found, tied to the data it should come from, recomputed.

Each figure is linked, in this order, to

1. a figure record of the previous edition, as a template (`._templates`): the draft's
   sentence most like the record's quote, its years shifted, the record's derivation
   evaluated on the tables;
2. a metric of the registry that the sentence names (its Dutch label, or for a claim
   about a target the metric of attainment), for the year the sentence names;
3. a table cell of the year the sentence names, whose table or indicator the sentence
   names and whose value the phrase states.

Every link is evaluated as a record is by `ondermijning_indicators.reproduce`, so a
figure gets the same status as the record it comes from. A figure nothing links is
``not_checked`` with the reason; a claim whose conclusion the data reverse is a
``decision_error``.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._editions import Tables, key_columns, load_edition, reproduce
from .._notation import format_number
from .._readers import UnreadableFileError
from .._registry import Application, Unit, iter_metrics
from .._resources import bundled_edition_ids, latest_edition_id
from .._selection import Selection
from ..errors import InvalidInputError
from ..published import FigureRecord, Reading, Semantics, compare, load_records
from ..published._records import _declared_inputs
from ..schemas import SCHEMAS, time_column
from ._draft import CHECK_COLUMNS, CheckStatus, Draft
from ._extract import Claim, Kind, Span, find_numbers
from ._templates import NAMED_YEAR, bounds, link_records, shift_record

__all__ = ["check"]

_NAME_CUTOFF = 85.0
_FACTOR_UNITS = {Unit.FACTOR}
_RATIO_UNITS = {Unit.SHARE, Unit.ATTAINMENT, Unit.RELATIVE_CHANGE, Unit.RATE}


def _as_draft(draft: Draft | str | os.PathLike[str]) -> Draft:
    if isinstance(draft, Draft):
        return draft
    from ._files import read_draft

    path = Path(draft)
    if not path.exists():
        raise InvalidInputError(
            f"check: no file {str(draft)!r}; give the path of a draft (.txt, .md, .docx or "
            ".pdf), or Draft.from_text(text) for a text in memory"
        )
    try:
        doc = read_draft(path)
    except UnreadableFileError as exc:
        raise InvalidInputError(f"check: {exc}") from None
    if not doc.text.strip():
        raise InvalidInputError(
            f"check: {path}: the draft has no text, so there is nothing to check"
        )
    return doc


@dataclass(frozen=True)
class _Previous:
    """The previous edition as templates: its records, what it lists as not a figure, its text."""

    records: list[FigureRecord]
    not_a_figure: list[tuple[re.Pattern[str], str]]
    text: str | None = None


def _previous(previous: object) -> _Previous:
    """Return the previous edition's records, not-a-figure patterns and text (if it has one)."""
    if previous is None:
        return _Previous([], [])
    if isinstance(previous, str) and previous == "latest":
        previous = latest_edition_id()
    if isinstance(previous, Sequence) and not isinstance(previous, str):
        return _Previous([r for r in previous if isinstance(r, FigureRecord)], [])
    if isinstance(previous, str) and previous in bundled_edition_ids():
        root = load_edition(previous).root
        records = load_records(edition=previous)
    else:
        path = Path(str(previous))
        if not path.is_dir():
            raise InvalidInputError(
                f"check: previous={previous!r} is neither a bundled edition "
                f"({', '.join(bundled_edition_ids())}) nor a folder of an edition"
            )
        root = path
        files = sorted((path / "figures").glob("*.toml"))
        records = load_records(files) if files else []
    text = _report_text(root)
    return _Previous(records, _as_printed(_not_a_figure_patterns(root), text), text)


def _as_printed(
    patterns: list[tuple[re.Pattern[str] | str, str]], text: str | None
) -> list[tuple[re.Pattern[str], str]]:
    r"""Return the previous edition's not-a-figure entries as the texts they matched there.

    A pattern was written for last year's text ("straf van \\d+ jaar" for its duration
    classes); in a draft it would hide any such phrase, a real figure too. What it matched
    in last year's text is what is not a figure now; without that text (an installed
    package has none), only the entries that are texts hold.
    """
    by_reason: dict[str, set[str]] = {}
    for pattern, reason in patterns:
        if isinstance(pattern, str):
            printed = {pattern}
        else:
            printed = {m.group() for m in pattern.finditer(text or "") if m.group()}
        by_reason.setdefault(reason, set()).update(printed)
    return [  # one pattern per reason, the longest text first, each standing on its own
        (
            re.compile(
                r"(?<![\w.,])(?:"
                + "|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True))
                + r")(?![\w]|[.,]\d)"
            ),
            reason,
        )
        for reason, texts in by_reason.items()
        if texts
    ]


def _report_text(root: Path) -> str | None:
    """Return the edition's text (``report.txt``), where its folder holds it."""
    from .._readers import read_text

    path = root / "report.txt"
    try:
        return read_text(path) if path.is_file() else None
    except (UnreadableFileError, OSError):
        return None


def _not_a_figure_patterns(root: Path) -> list[tuple[re.Pattern[str] | str, str]]:
    """Return the edition's not-a-figure entries: a text as it is, a pattern compiled."""
    from .._readers import parse_toml, read_text

    out: list[tuple[re.Pattern[str] | str, str]] = []
    for path in sorted((root / "figures").glob("*.toml")):
        try:
            doc = parse_toml(read_text(path))
        except Exception:
            continue
        for entry in doc.get("not_a_figure", []):
            if not isinstance(entry, dict) or not isinstance(entry.get("reason"), str):
                continue
            if isinstance(entry.get("text"), str):
                out.append((entry["text"], entry["reason"]))
            elif isinstance(entry.get("pattern"), str):
                try:
                    out.append((re.compile(entry["pattern"]), entry["reason"]))
                except re.error:
                    continue
    return out


_SINCE = re.compile(
    r"(?:(?<![\w])(?:dan|als)|ten\s+opzichte\s+van|t\.o\.v\.|vergeleken\s+met|in\s+vergelijking\s+met"
    r"|sinds|vanaf|tegenover)\s+(?:in\s+|het\s+jaar\s+|eind\s+|begin\s+)?$",
    re.IGNORECASE,
)
"""What stands before a year a change is measured from: "hoger dan in 2021", "sinds 2020"."""
_FROM = re.compile(r"(?<![\w])van\s+$", re.IGNORECASE)
_UNTIL = re.compile(r"\s+(?:tot(?:\s+en\s+met)?|t/m|naar)\s+(?:19|20)\d\d", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:(]\s|\s(?:tegen|terwijl|maar|en|dan|waarvan|waarbij)\s", re.I)
"""Where a clause of a sentence ends: a comma, "tegen", "en" ..."""


def _comparative(text: str, at: int) -> bool:
    """Tell whether the year at ``at`` is one something is compared with ("dan in 2021")."""
    if _SINCE.search(text, max(0, at - 30), at):
        return True
    # "van 2020 tot 2022": the first year of a span of years
    return bool(_FROM.search(text, max(0, at - 8), at) and _UNTIL.match(text, at + 4))


def _sentence(text: str, span: Span) -> str:
    """Return the span's sentence and the one before it (where "Dat" finds its subject)."""
    head, tail = bounds(text, span.start, span.end)
    if head > 0:
        head, _ = bounds(text, max(0, head - 2), max(0, head - 1))
    return " ".join(text[head:tail].split())


def _clause(text: str, head: int, tail: int, span: Span) -> tuple[int, int]:
    """Return the clause of the sentence ``[head, tail)`` that holds the span."""
    lo = head
    for m in _CLAUSE.finditer(text, head, span.start):
        lo = m.end()
    stop = _CLAUSE.search(text, span.end, tail)
    return lo, stop.start() if stop else tail


def _year_places(text: str, span: Span) -> list[tuple[int, int, bool]]:
    """Return the years near a span as (place, year, compared with), the likeliest first.

    The span's clause first, then the rest of its sentence, then the sentence before it
    (a heading above, or "Toen ..."); within each, the nearest first.
    """
    head, tail = bounds(text, span.start, span.end)
    lo, hi = _clause(text, head, tail, span)
    places = [(lo, hi), (head, tail)]
    if head > 0:
        places.append((bounds(text, max(0, head - 2), max(0, head - 1))[0], head))
    out: list[tuple[int, int, bool]] = []
    seen: set[int] = set()
    for a, b in places:
        found = [m for m in NAMED_YEAR.finditer(text, a, b) if m.start() not in seen]
        found.sort(key=lambda m: min(abs(m.start() - span.start), abs(m.start() - span.end)))
        for m in found:
            seen.add(m.start())
            out.append((m.start(), int(m.group()), _comparative(text, m.start())))
        if out and (a, b) != (lo, hi):
            break  # the sentence named years: the sentence before is not needed
    return out


def _years(text: str, span: Span) -> list[int]:
    """Return the years a figure is of, the likeliest first (not those it is compared with)."""
    places = _year_places(text, span)
    own = [year for _, year, compared in places if not compared]
    return list(dict.fromkeys(own or [year for _, year, _ in places]))


def _since(text: str, span: Span) -> int | None:
    """Return the year a change is measured from, when the sentence says so."""
    places = _year_places(text, span)
    after = [(at, year) for at, year, compared in places if compared and at > span.end]
    if after:
        return min(after)[1]  # "14% hoger dan in 2021": the first one after the figure
    before = [year for _, year, compared in places if compared]
    return before[0] if before else None


def _row(span: Span, draft: Draft) -> dict[str, Any]:
    return {
        "phrase": span.phrase,
        "page": draft.page(span.start),
        "line": draft.line(span.start),
        "value": span.value,
        "unit": str(span.unit) if span.unit else "",
        "status": "",
        "computed": math.nan,
        "linked_to": "",
        "note": "",
        "kind": str(span.kind),
        "start": span.start,
        "end": span.end,
    }


def _core_phrase(span: Span) -> str | None:
    q = span.quantity
    if q is None or span.kind in (Kind.RANGE, Kind.FRACTION, Kind.MULTIPLE):
        return None
    return q.phrase


def _as_record(span: Span, rec: FigureRecord, *, same: bool) -> FigureRecord:
    """Return the record with the draft's phrase; a known discrepancy only for the same one."""
    q = span.quantity
    assert q is not None
    if same:
        return replace(rec, phrase=q.phrase, quantity=q, finding=None)

    # Another number than the record's: one the draft states, so a cell that holds an
    # exact number is compared as a sum is ("bijna 47.000" for 46.789); a cell that holds
    # a bound as printed ("meer dan 200") stays a transcription: another bound disagrees.
    exact = rec.quantity is not None and rec.quantity.qualifier is None

    def stated(reading: Reading | None) -> Reading | None:
        if reading and reading.kind == "cell" and exact:
            return replace(reading, kind="sum")
        return reading

    return replace(
        rec,
        phrase=q.phrase,
        quantity=q,
        reading=stated(rec.reading),
        alternatives=tuple(a for a in (stated(r) for r in rec.alternatives) if a),
        known_discrepancy=None,
        finding=None,
    )


_UNIT_WORDS = re.compile(r"\s*([^\W\d_]+)")


def _other_unit_word(text: str, span: Span, record_phrase: str) -> str | None:
    """Return the word after a unit-less phrase where its record had a unit word, if another.

    "3,5 miljard dollar" for last year's "3,5 miljard euro": the unit is not one the
    phrase grammar knows, so the phrase ends before it; the word says what it is.
    """
    if span.quantity is None or span.quantity.unit is not Unit.NUMBER:
        return None
    theirs = record_phrase.split()[-1].lower()
    if theirs.isdigit() or parse_phrase_unit(theirs) is None:
        return None
    word = _UNIT_WORDS.match(text, span.end)
    if word is None or word.group(1).lower() == theirs:
        return None
    return repr(word.group(1))


def parse_phrase_unit(word: str) -> str | None:
    """Return the unit a word names in a phrase ("euro", "kilo", "fte"); None for another."""
    from ..published._phrase import _UNITS

    return str(_UNITS[word][0]) if word in _UNITS else None


def _synthetic(span: Span, rid: str, reading: Reading, quote: str) -> FigureRecord:
    q = span.quantity
    assert q is not None
    return FigureRecord(
        id=rid,
        section="",
        quote=quote,
        phrase=q.phrase,
        quantity=q,
        reading=reading,
        not_derivable=None,
        alternatives=(),
        note="",
        known_discrepancy=None,
        source="draft",
    )


def _metric_candidates(span: Span, sentence: str, years: list[int]) -> list[FigureRecord]:
    """Build records from the metrics the sentence names, for each year it names."""
    from rapidfuzz import fuzz  # imported by a check only, not with the package

    q = span.quantity
    if q is None or not years or span.kind in (Kind.CHANGE, Kind.MULTIPLE):
        return []  # a change is not a level: `_change_candidates`, `_points`
    out = []
    low = sentence.lower()
    for meta in iter_metrics():
        mid = meta.id
        declared = meta.inputs
        if declared is None or declared.application is not Application.PER_PERIOD:
            continue
        if any(sel.categories for sel in declared.arguments.values()):
            continue
        ratio = meta.unit in _RATIO_UNITS
        if span.kind is Kind.REALISATION:
            if meta.unit is not Unit.ATTAINMENT:
                continue
            tables = {sel.table.split("_")[0] for sel in declared.arguments.values()}
            if not any(t in low for t in tables):
                continue
        elif (
            ratio != (q.unit is Unit.SHARE)
            or meta.unit is Unit.ATTAINMENT
            or fuzz.partial_ratio(meta.label_nl.lower(), low) < _NAME_CUTOFF
        ):
            continue
        for year in years:
            try:
                bound = _declared_inputs(mid, {"jaar": year}, record=mid)
            except Exception:
                continue
            reading = Reading("metric", "", mid, bound)
            out.append(_synthetic(span, f"metric:{mid}[jaar={year}]", reading, sentence))
    return out


_CELL_UNITS = {
    Unit.NUMBER: ("aantal", "waarde"),
    Unit.EUR: ("bedrag_eur",),
    Unit.KG: ("kg",),
    Unit.FTE: ("waarde",),
    Unit.YEAR: ("waarde",),
}


def _cell_candidates(
    span: Span, sentence: str, years: list[int], tables: Mapping[str, pd.DataFrame], sem: Semantics
) -> list[FigureRecord]:
    """Find the cells of a year the sentence names, in a table it names, holding the value."""
    from rapidfuzz import fuzz  # imported by a check only, not with the package

    q = span.quantity
    if (
        q is None
        or not years
        or q.unit not in _CELL_UNITS
        or (span.kind is not Kind.NUMBER and span.kind is not Kind.AMOUNT)
    ):
        return []
    low = sentence.lower()
    catalogue = tables.catalogue if isinstance(tables, Tables) else None
    out = []
    for name, frame in tables.items():
        if name not in SCHEMAS:
            continue
        time = time_column(name)
        if time is None or time not in frame.columns:
            continue
        columns = [c for c in _CELL_UNITS[q.unit] if c in frame.columns]
        if not columns:
            continue
        title = ""
        if catalogue is not None and name in catalogue.tables:
            title = catalogue.tables[name].title_nl
        labels = frame["omschrijving"].astype(str) if "omschrijving" in frame.columns else None
        table_named = (
            bool(title) and fuzz.partial_ratio(title.lower(), low) >= _NAME_CUTOFF
        ) or bool(re.search(rf"(?<![\w]){re.escape(name.split('_')[0])}", low))
        periods = frame[time].astype(str)
        keys = [k for k in key_columns(name) if k in frame.columns]
        low_q, high_q, lc, hc = sem.interval(q)
        tol = 1e-9 * max(1.0, abs(q.value))
        for column in columns:
            values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
            inside = (values > low_q - tol if lc else values > low_q + tol) & (
                values < high_q + tol if hc else values < high_q - tol
            )
            inside &= periods.isin([str(y) for y in years]).to_numpy()
            for r in np.flatnonzero(inside):
                categories = [
                    str(frame[k].iloc[r]).replace("_", " ")
                    for k in keys
                    if k != time and isinstance(frame[k].iloc[r], str)
                ]
                named = (
                    table_named
                    or (
                        labels is not None
                        and fuzz.token_set_ratio(labels.iloc[r].lower(), low) >= _NAME_CUTOFF - 15
                    )
                    or (bool(categories) and all(c.lower() in low for c in categories))
                )
                if not named:
                    continue
                where = ",".join(
                    f"{k}={frame[k].iloc[r]}" for k in keys if not pd.isna(frame[k].iloc[r])
                )
                sel = Selection.parse(f"{name}:{column}[{where}]")
                reading = Reading("sum", "", None, {"value": sel})
                out.append(_synthetic(span, f"cell:{sel}", reading, sentence))
    return out


_AMOUNT_COLUMNS = ("aantal", "bedrag_eur", "kg", "bedrag_k_eur", "waarde")
_WHOLE = {"soort": "totaal", "partij": "totaal", "uitkomst": None}


def _change_candidates(
    span: Span,
    sentence: str,
    years: list[int],
    since: int | None,
    tables: Mapping[str, pd.DataFrame],
) -> list[FigureRecord]:
    """Build, for a change or a multiple, the table the sentence names from year to year.

    The earlier year is the one the sentence measures from ("ten opzichte van 2020",
    "sinds 2020"), else the year before the later one; the later year is the year the
    sentence names nearest the claim; the amount is the table's total for the year (its
    ``totaal`` row where it has one, else the sum of its rows).
    """
    from rapidfuzz import fuzz  # imported by a check only, not with the package

    if span.kind not in (Kind.CHANGE, Kind.MULTIPLE) or span.quantity is None or not years:
        return []
    if span.unit is Unit.SHARE:
        return []  # a change in percentage points: `_points`
    earlier = since if since is not None else None
    later = next((y for y in years if y != earlier), None)
    if later is None:
        return []
    if earlier is None:
        earlier = later - 1
    low = sentence.lower()
    catalogue = tables.catalogue if isinstance(tables, Tables) else None
    metric = "relatieve_verandering" if span.kind is Kind.CHANGE else "groeifactor"
    args = ("vorig", "huidig") if span.kind is Kind.CHANGE else ("begin", "eind")
    out = []
    for name, frame in tables.items():
        if name not in SCHEMAS or time_column(name) != "jaar":
            continue
        title = catalogue.tables[name].title_nl if catalogue and name in catalogue.tables else ""
        named = re.search(rf"(?<![\w]){re.escape(name.split('_')[0])}", low) or (
            title and fuzz.partial_ratio(title.lower(), low) >= _NAME_CUTOFF
        )
        category = _named_category(frame, low)
        column = next((c for c in _AMOUNT_COLUMNS if c in frame.columns), None)
        if not (named or category) or column is None or "_" in name:
            continue
        whole = "".join(f",{k}=totaal" for k in ("soort", "partij") if k in frame.columns)
        if category:  # "het aantal schuldig bevonden verdachten": that category's rows
            whole = f",{category[0]}={category[1]}"
        inputs = {
            args[0]: Selection.parse(f"{name}:{column}[jaar={earlier}{whole}]"),
            args[1]: Selection.parse(f"{name}:{column}[jaar={later}{whole}]"),
        }
        reading = Reading("metric", "", metric, inputs)
        out.append(
            _synthetic(span, f"metric:{metric}({name} {earlier}-{later})", reading, sentence)
        )
    return out


def _points(
    span: Span, sentence: str, years: list[int], since: int | None
) -> tuple[FigureRecord, FigureRecord] | None:
    """For a change in percentage points: the share the sentence names, in both years.

    The difference of the two is what the phrase states ("daalde met 0,7 procentpunt").
    """
    if span.kind is not Kind.CHANGE or span.unit is not Unit.SHARE or not years:
        return None
    later = next((y for y in years if y != since), None)
    if later is None:
        return None
    earlier = since if since is not None else later - 1
    found = _metric_candidates(replace(span, kind=Kind.PERCENTAGE), sentence, [later, earlier])
    by_year = {rec.id.rsplit("=", 1)[-1].rstrip("]"): rec for rec in found}
    if str(later) not in by_year or str(earlier) not in by_year:
        return None
    first = by_year[str(later)].id.split("[")[0]
    second = by_year[str(earlier)].id.split("[")[0]
    if first != second:
        return None
    return by_year[str(later)], by_year[str(earlier)]


def _named_category(frame: pd.DataFrame, sentence: str) -> tuple[str, str] | None:
    """Return the one category of a table the sentence names as a word ("schuldig"), if one."""
    found = []
    for column in frame.columns:
        if column in ("jaar", "kwalificatie", "eenheid", "omschrijving", "gedrukt_als"):
            continue
        if not pd.api.types.is_object_dtype(frame[column]) and not pd.api.types.is_string_dtype(
            frame[column]
        ):
            continue
        for value in frame[column].dropna().unique():
            words = str(value).replace("_", " ").lower()
            if words != "totaal" and re.search(rf"(?<![\w]){re.escape(words)}(?![\w])", sentence):
                found.append((str(column), str(value)))
    return found[0] if len(found) == 1 else None


def _decision(span: Span, computed: float) -> str | None:
    """Return why the data reverse the claim's conclusion; None if they do not."""
    if not math.isfinite(computed) or span.claim is None:
        return None
    if span.claim is Claim.UP and computed < 0:
        return "the data show a fall, not a rise"
    if span.claim is Claim.DOWN and computed > 0:
        return "the data show a rise, not a fall"
    if span.claim is Claim.MET and computed < 1:
        return "the target was missed, not met"
    if span.claim is Claim.MISSED and computed >= 1:
        return "the target was met, not missed"
    if span.claim is Claim.MULTIPLE and span.value >= 2 and computed < 1.5:
        return (
            f"the data show a factor of {format_number(computed, decimals=2)}, not a multiple "
            f"of {format_number(span.value)}"
        )
    return None


def _points_row(
    row: dict[str, Any], span: Span, difference: float, linked_to: str, sem: Semantics
) -> None:
    """Fill in the row of a change in percentage points from the difference of the shares."""
    q = span.quantity
    assert q is not None
    why = _decision(span, difference)
    if not math.isfinite(difference):
        status, note = str(CheckStatus.INVALID), "a share of one of the years cannot be computed"
    elif why:
        status, note = str(CheckStatus.DECISION_ERROR), f"{why}."
    else:
        cmp = compare(q, abs(difference), sem)
        status, note = str(cmp.status), cmp.note
    row.update(status=status, computed=difference, linked_to=f"metric:{linked_to}", note=note)


def check(
    draft: Draft | str | os.PathLike[str],
    tables: Mapping[str, pd.DataFrame] | None = None,
    *,
    previous: str | os.PathLike[str] | Sequence[FigureRecord] | None = "latest",
    semantics: Semantics | None = None,
) -> pd.DataFrame:
    """Find every number of a draft, link it to its data, recompute it and mark it.

    Parameters
    ----------
    draft : Draft or path
        A draft (`Draft.from_text` for text in memory), or the path of a ``.txt``,
        ``.md``, ``.docx`` or (text) ``.pdf`` file.
    tables : mapping of str to DataFrame, optional
        The validated tables the draft's numbers should come from; default the latest
        bundled edition's.
    previous : str, path, sequence of FigureRecord or None, default "latest"
        The edition whose figure records serve as templates: a bundled edition's id,
        ``"latest"`` (the latest bundled edition), the folder of an edition, or the
        records themselves; None links through the registry and the tables only.
    semantics : Semantics, optional
        Numeric reading of the qualifiers (bijna, ruim, circa, ...).

    Returns
    -------
    pandas.DataFrame
        One row per number-bearing span, columns `CHECK_COLUMNS`, sorted by severity
        (``decision_error`` first) and then by place in the text.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> from ondermijning_indicators.drafts import Draft
    >>> draft = Draft.from_text(
    ...     "In 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis uit. Het "
    ...     "aandeel vrijheidsstraffen binnen het totaal aantal schuldigverklaringen was 87%."
    ... )
    >>> out = oi.check(draft)
    >>> out[["phrase", "status"]].to_numpy().tolist()
    [['87%', 'discrepancy'], ['1.543', 'exact'], ['2022', 'not_a_figure']]
    >>> out.loc[0, "linked_to"]
    'metric:aandeel_vrijheidsstraffen[jaar=2022]'
    >>> round(float(out.loc[0, "computed"]), 3)
    0.807
    """
    doc = _as_draft(draft)
    if tables is None:
        tables = load_edition().tables()
    sem = semantics or Semantics()
    prev = _previous(previous)
    spans = find_numbers(doc, not_a_figure=prev.not_a_figure)
    rows = [_row(s, doc) for s in spans]
    links = link_records(doc, spans, prev.records, previous_text=prev.text) if prev.records else []
    to_evaluate: list[tuple[int, FigureRecord, str]] = []
    linked: set[int] = set()
    for link in links:
        span = spans[link.span]
        core = _core_phrase(span)
        if core is None or link.record.quantity is None:
            continue
        printed = link.record.quantity
        same = (  # the number the record printed, as it printed it (its unit may be spelt out)
            link.shift == 0
            and span.quantity is not None
            and span.quantity.qualifier == printed.qualifier
            and math.isclose(span.quantity.value, printed.value, rel_tol=1e-12, abs_tol=1e-12)
            and span.quantity.step == printed.step
        )
        was, now = link.record.quantity.unit, span.quantity.unit if span.quantity else None
        other = _other_unit_word(doc.text, span, link.record.phrase)
        if other or (now is not None and Unit.NUMBER not in (was, now) and was is not now):
            rows[link.span].update(
                status=str(CheckStatus.DISCREPANCY),
                linked_to=f"record:{link.record.id}",
                note=(
                    f"the phrase is in {other or now}, the figure of the previous edition "
                    f"it stands for ({link.record.phrase!r}) in {was}: another quantity, or "
                    "a unit written wrongly"
                ),
            )
            linked.add(link.span)
            continue
        rec = _as_record(span, shift_record(link.record, link.shift), same=same)
        how = [] if link.how == "quote" else [f"sentence found by {link.how}"]
        if link.shift:
            how.append(f"years shifted by {link.shift:+d}")
        linked_to = f"record:{link.record.id}" + (f" ({', '.join(how)})" if how else "")
        to_evaluate.append((link.span, rec, linked_to))
        linked.add(link.span)
    plain = doc.without_furniture()  # a running header's year is no year of a sentence
    unlinked_reason: dict[int, str] = {}
    pairs: list[tuple[int, FigureRecord, FigureRecord, str]] = []
    for i, span in enumerate(spans):
        if i in linked:
            continue
        row = rows[i]
        if span.kind is Kind.NOT_A_FIGURE:
            row["status"], row["note"] = str(CheckStatus.NOT_A_FIGURE), span.reason
            continue
        if span.problem:
            row["status"], row["note"] = str(CheckStatus.INVALID), span.problem
            continue
        sentence = _sentence(doc.text, span)
        years = _years(plain, span)
        since = _since(plain, span)
        pair = _points(span, sentence, years, since)
        if pair is not None:
            later, earlier = pair
            name = later.id.split("[")[0]
            span_of = f"{earlier.id.rsplit('=', 1)[-1][:-1]}-{later.id.rsplit('=', 1)[-1][:-1]}"
            pairs.append((i, later, earlier, f"{name} {span_of} (difference in points)"))
            continue
        candidates = _change_candidates(span, sentence, years, since, tables)
        if not candidates:
            candidates = _metric_candidates(span, sentence, years)
        if not candidates and span.quantity is not None and _core_phrase(span) is not None:
            candidates = _cell_candidates(span, sentence, years, tables, sem)
        if candidates:
            to_evaluate.append((i, candidates[0], candidates[0].id))
            if len(candidates) > 1:
                unlinked_reason[i] = f"{len(candidates)} candidates; the first is taken"
            continue
        row["status"] = str(CheckStatus.NOT_CHECKED)
        row["note"] = (
            "no record of the previous edition has this sentence, and no metric or table "
            "cell "
            + (f"of {', '.join(map(str, years))} " if years else "(the sentence names no year) ")
            + "that the sentence names gives it"
        )
    if to_evaluate or pairs:
        records = [rec for _, rec, _ in to_evaluate]
        records += [rec for _, later, earlier, _ in pairs for rec in (later, earlier)]
        result = reproduce(tables, records=records, semantics=sem)
        values = result["computed_value"].to_numpy(dtype=float)
        for k, (i, _later, _earlier, linked_to) in enumerate(pairs):
            at = len(to_evaluate) + 2 * k
            difference = float(values[at] - values[at + 1])
            _points_row(rows[i], spans[i], difference, linked_to, sem)
        for (i, _rec, linked_to), (_, res) in zip(
            to_evaluate, result.iloc[: len(to_evaluate)].iterrows(), strict=True
        ):
            row = rows[i]
            status = str(res["status"])
            note = str(res["note"])
            computed = float(res["computed_value"])
            span = spans[i]
            why = _decision(span, computed)
            if (
                not why
                and span.claim is Claim.DOWN
                and span.quantity is not None
                and math.isfinite(computed)
            ):
                # "daalde met 34%": the printed 34% is the size of a fall of -0.34
                cmp = compare(span.quantity, -computed, sem)
                status, note = str(cmp.status), cmp.note
            if why and status != str(CheckStatus.NOT_DERIVABLE):
                status, note = str(CheckStatus.DECISION_ERROR), f"{why}. {note}"
            if i in unlinked_reason:
                note = f"{note} ({unlinked_reason[i]})"
            row.update(status=status, computed=computed, linked_to=linked_to, note=note.strip())
    rank = {str(s): s.rank for s in CheckStatus}
    rows.sort(key=lambda row: (rank[row["status"]], row["start"]))
    out = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    out["page"] = out["page"].astype("Int64")
    return out
