"""One grammar for cells of a table, used wherever the library names table data.

A *selection* names cells of one table and how they add up::

    table:column[key=value,key=a|b,key=*]        the cells, summed per period
    max(table:column[key=value,...])             reduced over the periods (max, min or sum)

``key=value`` keeps the rows whose ``key`` is ``value``; ``key=a|b`` keeps either; ``key=*``
gives one result per value of ``key`` (a category). The table's period column (``jaar`` for
most tables, ``periode`` for the financial ones) is free unless a filter binds it: a free
period gives one result per period. Wrapping the selection in ``max(...)``, ``min(...)`` or
``sum(...)`` first sums the cells of each period, then reduces over the periods.

The same grammar is used by

- a metric's declared inputs (``@register(inputs=...)``): periods free, categories ``*``;
- a published-figure record: every key bound, one number (``jaar=2022``);
- the scope of a caveat or correction in a catalogue (``where = { jaar = 2022 }``);
- the ``inputs`` column of `ondermijning_indicators.compute`, which names the cells each
  value was computed from, bound, so that a record can be written from it.

Values are compared as text, so ``jaar=2022`` matches the integer year 2022.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .errors import SelectionError

__all__ = [
    "EACH",
    "REDUCERS",
    "Selection",
    "TableIndex",
    "evaluate",
    "indexed",
    "mask_of",
    "rows_of",
]

EACH = "*"
"""The filter value that asks for one result per value of its column."""
REDUCERS = ("sum", "max", "min")
"""How a selection wrapped as ``reducer(...)`` combines its periods."""

_NAME = r"[a-z0-9_]+"
_SELECTION = re.compile(
    rf"^\s*(?:(?P<reduce>{'|'.join(REDUCERS)})\s*\(\s*)?"
    rf"(?P<table>{_NAME})\s*:\s*(?P<column>{_NAME})\s*"
    r"(?:\[(?P<filters>[^\]]*)\])?\s*"
    r"(?P<close>\))?\s*$"
)
_EXAMPLE = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"


@dataclass(frozen=True, slots=True)
class Selection:
    """Cells of one table: ``table:column[key=value,...]``, optionally reduced over periods.

    Attributes
    ----------
    table, column : str
        The table and the column whose cells are selected.
    filters : tuple of (str, tuple of str)
        For each filtered column, the values kept; ``("*",)`` asks for one result per value.
    reduce : {"sum", "max", "min"} or None
        Reduce over the periods after summing each period's cells; None keeps the periods.

    Examples
    --------
    >>> from ondermijning_indicators.published import Selection
    >>> s = Selection.parse("vrijheidsstraffen:aantal[duurklasse=*]")
    >>> s.categories
    ('duurklasse',)
    >>> str(s.bind({"jaar": 2022, "duurklasse": "meer_dan_5_jaar"}))
    'vrijheidsstraffen:aantal[jaar=2022,duurklasse=meer_dan_5_jaar]'
    >>> str(Selection.parse("max( financieel_besteding_thema:bedrag_k_eur[thema=*] )"))
    'max(financieel_besteding_thema:bedrag_k_eur[thema=*])'
    """

    table: str
    column: str
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reduce: str | None = None

    @classmethod
    def parse(cls, text: str) -> Selection:
        """Read a selection written in the grammar of the module docstring.

        Raises
        ------
        SelectionError
            If the text does not follow the grammar; the message shows the form.
        """
        if not isinstance(text, str):
            raise SelectionError(f"a selection must be text, got {text!r}; e.g. {_EXAMPLE}")
        m = _SELECTION.match(text)
        if not m or bool(m["reduce"]) != bool(m["close"]):
            raise SelectionError(
                f"cannot read the selection {text!r}; write table:column[key=value,...], "
                f"e.g. {_EXAMPLE}, or max(table:column[...]) to reduce over the periods"
            )
        filters: list[tuple[str, tuple[str, ...]]] = []
        for part in filter(None, (p.strip() for p in (m["filters"] or "").split(","))):
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            values = tuple(v.strip() for v in value.split("|"))
            if not sep or not re.fullmatch(_NAME, key) or not all(values):
                raise SelectionError(
                    f"filter {part!r} in the selection {text!r} must be key=value, key=a|b or key=*"
                )
            if EACH in values and len(values) > 1:
                raise SelectionError(f"filter {part!r} in {text!r}: '*' stands alone")
            if key in dict(filters):
                raise SelectionError(f"the selection {text!r} filters {key!r} twice")
            filters.append((key, values))
        return cls(m["table"], m["column"], tuple(filters), m["reduce"])

    def __str__(self) -> str:
        inner = ",".join(f"{k}={'|'.join(v)}" for k, v in self.filters)
        text = f"{self.table}:{self.column}" + (f"[{inner}]" if inner else "")
        return f"{self.reduce}({text})" if self.reduce else text

    @property
    def categories(self) -> tuple[str, ...]:
        """The columns filtered with ``*``: one result per value of each."""
        return tuple(k for k, v in self.filters if v == (EACH,))

    def filtered(self, key: str) -> bool:
        """Whether the selection filters ``key`` (by value, or per category)."""
        return any(k == key for k, _ in self.filters)

    def bind(self, values: Mapping[str, object], *, first: str | None = None) -> Selection:
        """Return the selection with ``*`` filters (and unfiltered keys) set to ``values``.

        A key of ``values`` that the selection filters by value is left as it is; a key
        it does not filter is added (``first`` names a key to put in front, the period).
        Values are written as text; a list or tuple becomes ``a|b``.
        """
        out: list[tuple[str, tuple[str, ...]]] = []
        for key, allowed in self.filters:
            if allowed == (EACH,) and key in values:
                out.append((key, _as_values(values[key])))
            else:
                out.append((key, allowed))
        present = {k for k, _ in out}
        added = [(k, _as_values(v)) for k, v in values.items() if k not in present]
        added.sort(key=lambda kv: kv[0] != first)
        return Selection(self.table, self.column, tuple(added + out), self.reduce)


def _as_values(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(str(v) for v in value)
    return (str(value),)


class TableIndex:
    """The answers to selections on one table, computed once per key column and value.

    A key column is factorised once (its distinct values and, per row, which one it
    holds); a filter is then answered on the distinct values and spread to the rows,
    which gives the same mask as `matches` on the whole column. Masks and selected rows
    are kept for the next selection that asks for them. An index holds for the frame
    as it was when it was built: it lives only inside `indexed`.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._factors: dict[str, tuple[npt.NDArray[np.intp], npt.NDArray[Any]]] = {}
        self._masks: dict[tuple[str, tuple[str, ...]], npt.NDArray[np.bool_]] = {}
        self.memo: dict[object, Any] = {}
        """Results derived from the frame (selected rows), kept by their callers' keys."""

    def matches(self, key: str, values: tuple[str, ...]) -> npt.NDArray[np.bool_]:
        """Return `matches` of the column ``key`` and ``values``, from the index."""
        mask = self._masks.get((key, values))
        if mask is None:
            factor = self._factors.get(key)
            if factor is None:
                column = self.frame[key]
                codes, uniques = pd.factorize(column, use_na_sentinel=False)
                labels = _labels(pd.Series(uniques, dtype=column.dtype))
                factor = self._factors[key] = (codes, labels)
            codes, labels = factor
            mask = self._masks[(key, values)] = _hits(labels, values)[codes]
        return mask

    def array(self, column: str) -> npt.NDArray[Any]:
        """Return the column as a numpy array, converted once."""
        values = self.memo.get(("array", column))
        if values is None:
            values = self.memo[("array", column)] = self.frame[column].to_numpy()
        return values

    def empty(self, key: str) -> npt.NDArray[np.bool_]:
        """Return where the column ``key`` is missing or "" (see `rows_of`), once."""
        mask = self._masks.get((key, ()))
        if mask is None:
            mask = self._masks[(key, ())] = _empty(self.frame[key])
        return mask


_INDEXES: ContextVar[dict[int, TableIndex] | None] = ContextVar("indexes", default=None)


@contextlib.contextmanager
def indexed(frames: Iterable[pd.DataFrame]) -> Iterator[None]:
    """Answer the selections made inside the block on ``frames`` from a `TableIndex` each.

    For a run of many selections on the same tables (the records of an edition): each
    key column is compared with a value once instead of once per selection. The frames
    must not change inside the block.
    """
    token = _INDEXES.set({id(frame): TableIndex(frame) for frame in frames})
    try:
        yield
    finally:
        _INDEXES.reset(token)


def index_of(frame: pd.DataFrame) -> TableIndex | None:
    """Return the index of ``frame`` inside `indexed`, or None."""
    indexes = _INDEXES.get()
    index = indexes.get(id(frame)) if indexes else None
    return index if index is not None and index.frame is frame else None


def rows_of(selection: Selection, frame: pd.DataFrame, *, whole: str | None = None) -> pd.Series:
    """Return a boolean mask of the rows the selection's value filters keep.

    ``*`` filters keep every row. A filter on a column the frame lacks raises. ``whole``
    names a column of parts (see `ondermijning_indicators.schemas.parts_column`): when the
    selection does not name it, only the rows where it is empty (the whole) are kept.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"jaar": [2021, 2022], "aantal": [3, 4]})
    >>> rows_of(Selection.parse("t:aantal[jaar=2022]"), df).tolist()
    [False, True]
    """
    return pd.Series(mask_of(selection, frame, whole=whole), index=frame.index)


def mask_of(
    selection: Selection, frame: pd.DataFrame, *, whole: str | None = None
) -> npt.NDArray[np.bool_]:
    """Return `rows_of` as a numpy array (from the frame's index inside `indexed`)."""
    index = index_of(frame)
    mask = np.ones(len(frame), dtype=bool)
    for key, allowed in selection.filters:
        if key not in frame.columns:
            raise SelectionError(
                f"{selection}: table {selection.table!r} has no column {key!r}; "
                f"its columns are {', '.join(map(str, frame.columns))}"
            )
        if allowed != (EACH,):
            mask &= index.matches(key, allowed) if index else matches(frame[key], allowed)
    if whole is not None and whole in frame.columns and not selection.filtered(whole):
        mask &= index.empty(whole) if index else _empty(frame[whole])
    return mask


def _empty(column: pd.Series) -> npt.NDArray[np.bool_]:
    """Return where a column of parts is empty (missing or ""): the row of the whole."""
    return (column.isna() | (column.astype(str) == "")).to_numpy()


def matches(column: pd.Series, values: tuple[str, ...]) -> npt.NDArray[np.bool_]:
    """Return where ``column`` holds one of ``values`` (given as text: "2022" matches 2022)."""
    return _hits(_labels(column), values)


def _labels(column: pd.Series) -> npt.NDArray[Any]:
    """Return what a value is compared with: the integers of an integer column, else text."""
    if pd.api.types.is_integer_dtype(column.dtype):
        return column.to_numpy()
    return column.astype(str).to_numpy()


def _hits(labels: npt.NDArray[Any], values: tuple[str, ...]) -> npt.NDArray[np.bool_]:
    if labels.dtype.kind in "iu":
        digits = [v.lstrip("+-") for v in values]
        wanted = [
            int(v) for v, d in zip(values, digits, strict=True) if d.isascii() and d.isdigit()
        ]
        return np.isin(labels, wanted)
    return np.isin(labels, values)


def evaluate(
    selection: Selection, frame: pd.DataFrame, *, time: str | None, whole: str | None = None
) -> Any:
    """Sum the selected cells per period (column ``time``) and per category.

    Parameters
    ----------
    selection : Selection
        What to select from ``frame``.
    frame : DataFrame
        The table ``selection.table``.
    time : str or None
        The table's period column. It groups the result unless a filter binds it or the
        selection reduces over the periods.
    whole : str or None
        The table's column of parts, if it has one (see `rows_of`).

    Returns
    -------
    Series or number
        A Series indexed by the period (if free) and the categories, in that order; the
        sum itself when nothing groups it (every key bound, or reduced without
        categories).

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> s = Selection.parse("vrijheidsstraffen:aantal[duurklasse=meer_dan_5_jaar]")
    >>> int(evaluate(s, oi.load_sample("vrijheidsstraffen"), time="jaar").loc[2022])
    177
    """
    if selection.column not in frame.columns:
        raise SelectionError(
            f"{selection}: table {selection.table!r} has no column {selection.column!r}; "
            f"its columns are {', '.join(map(str, frame.columns))}"
        )
    rows = frame.loc[rows_of(selection, frame, whole=whole)]
    free_time = time is not None and not selection.filtered(time) and time in frame.columns
    keys = ([time] if free_time else []) + list(selection.categories)
    values = rows[selection.column]
    if not keys:
        return values.sum()
    summed = values.groupby([rows[k] for k in keys], sort=True).sum()
    if selection.reduce is None or not free_time:
        return summed
    rest = list(selection.categories)
    if not rest:
        return getattr(summed, selection.reduce)()
    return getattr(summed.groupby(level=rest, sort=True), selection.reduce)()


def parse_all(texts: Iterable[str]) -> list[Selection]:
    """Parse several selections; used where a declaration lists them."""
    return [Selection.parse(t) for t in texts]
