"""Where each figure record of the 2023 edition stands in the report's text.

A test oracle, independent of the checker's linking: a record's quote is found in the
text (runs of whitespace read as one space), after the place of the previous record of
the same file, and its phrase is the n-th time the phrase stands in the quote, for the
n-th record of the file with that quote and phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ondermijning_indicators.published import FigureRecord, load_records

from .conftest import REPORT


@dataclass(frozen=True)
class Placed:
    """A record and the offset in the report's text of its phrase's first character."""

    record: FigureRecord
    offset: int


@cache
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


def _flat(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            origin.append(m.start())
        else:
            out.append(m.group())
            origin.extend(range(m.start(), m.end()))
    return "".join(out), origin


@cache
def placed_records() -> tuple[Placed, ...]:
    text = report_text()
    flat, origin = _flat(text)
    seen: Counter[tuple[str, str, str]] = Counter()
    cursor: dict[str, int] = {}
    out = []
    for rec in load_records():
        quote = " ".join(rec.quote.split())
        n = seen[(rec.source, quote, rec.phrase)]
        seen[(rec.source, quote, rec.phrase)] += 1
        at = flat.find(quote, cursor.get(rec.source, 0))
        if at < 0:
            at = flat.find(quote)
        assert at >= 0, rec.id
        cursor[rec.source] = at
        starts = [
            m.start()
            for m in re.finditer(rf"(?<![\w.,]){re.escape(rec.phrase)}(?![\w]|[.,]\d)", quote)
        ]
        assert starts, rec.id
        out.append(Placed(rec, origin[at + starts[min(n, len(starts) - 1)]]))
    return tuple(out)
