"""The previous edition's figure records as templates for a draft's figures.

A record holds the sentence its number was printed in (its quote), the phrase, and how
the number is derived. For each record the draft's sentence most like the quote is
found: the quote itself (the same text), else the same sentence with other numbers (its
*shape*, every number written ``#``), else the most similar sentence (rapidfuzz). The
number at the record's place in that sentence is the draft's figure; the years it names
against the quote's give the shift, and the record's derivation is evaluated with its
periods moved on by that shift.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .._selection import Selection
from ..published import FigureRecord, Reading
from ..schemas import SCHEMAS, time_column
from ._draft import Draft
from ._extract import NUMBER_WORD, Kind, Span

__all__ = ["Link", "link_records", "shift_record"]

_NUMBER = re.compile(
    rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?|{NUMBER_WORD.pattern}", re.IGNORECASE
)
_QUALIFIER = (
    r"(?<![\w])(?:ruim\s+meer\s+dan|meer\s+dan|minder\s+dan|ten\s+minste|minimaal|maximaal"
    r"|hooguit|ruimschoots|ongeveer|circa|rond|bijna|ruim)(?![\w])"
)
_TOKEN = re.compile(rf"(?P<q>{_QUALIFIER})|(?P<n>{_NUMBER.pattern})", re.IGNORECASE)
"""The shape of a sentence hides its numbers and its qualifiers: a draft may change both."""
"""A number as the shape of a sentence hides it: Dutch notation ("2026.13" is a year and a
footnote mark, two numbers), or a number word."""
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)")
_FUZZY_CUTOFF = 85.0


@dataclass(frozen=True, slots=True)
class Link:
    """A record tied to a span of the draft, and how."""

    record: FigureRecord
    span: int  # index into the spans
    shift: int
    how: str  # "quote", "shape" or "similar (<score>)"


_BREAK = re.compile(r"(?<=[a-zà-ÿ])-\s+(?=[a-zà-ÿ])|\s+")
"""A word broken at a line's end ("ondermijnings-\\nzaken"), or a run of whitespace."""


class _Text:
    """A text with its broken words joined and runs of whitespace made one space.

    Words are joined the same way in the quotes (`_normal`), so "publiek- en privaat"
    reads alike on both sides; ``origin`` leads back to the original.
    """

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        origin: list[int] = []
        pos = 0
        for m in _BREAK.finditer(text):
            parts.append(text[pos : m.start()])
            origin.extend(range(pos, m.start()))
            if not m.group().startswith("-"):
                parts.append(" ")
                origin.append(m.start())
            pos = m.end()
        parts.append(text[pos:])
        origin.extend(range(pos, len(text)))
        self.text = "".join(parts)
        self.origin = origin

    def original(self, i: int) -> int:
        return self.origin[min(i, len(self.origin) - 1)] if self.origin else 0


class _Shape:
    """A text with every number written ``#`` and every qualifier ``~``, and the way back."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        origin: list[int] = []
        self.numbers: list[tuple[int, int]] = []  # span in `text` of the i-th '#'
        self.hashes: list[int] = []  # offset in the shape of the i-th '#'
        pos = 0
        for m in _TOKEN.finditer(text):
            parts.append(text[pos : m.start()])
            origin.extend(range(pos, m.start()))
            if m.lastgroup == "n":
                self.hashes.append(len(origin))
                self.numbers.append((m.start(), m.end()))
            parts.append("#" if m.lastgroup == "n" else "~")
            origin.append(m.start())
            pos = m.end()
        parts.append(text[pos:])
        origin.extend(range(pos, len(text)))
        self.text = "".join(parts)
        self.origin = origin


def _normal(text: str) -> str:
    """Return the text as `_Text` reads it: broken words joined, whitespace one space."""
    return _BREAK.sub(lambda m: "" if m.group().startswith("-") else " ", text.strip())


def _phrase_offset(quote: str, phrase: str, occurrence: int) -> int | None:
    """Offset in ``quote`` of the ``occurrence``-th time ``phrase`` stands there as a whole."""
    found = [m.start() for m in _standing(phrase).finditer(quote)]
    if not found:
        return None
    return found[min(occurrence, len(found) - 1)]


@functools.lru_cache(maxsize=1024)
def _standing(phrase: str) -> re.Pattern[str]:
    """Return the pattern of the phrase standing as a whole (not inside a longer number)."""
    return re.compile(rf"(?<![\w.,]){re.escape(phrase)}(?![\w]|[.,]\d)")


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def _shift_of(quote: str, found: str) -> int | None:
    """Return the shift of the years ``found`` names against ``quote``'s; None if none."""
    return _shift_of_years(_years(quote), _years(found))


def _shift_selection(sel: Selection, shift: int) -> Selection:
    if not shift or sel.table not in SCHEMAS:
        return sel
    time = time_column(sel.table)
    filters = tuple(
        (key, tuple(str(int(v) + shift) if v.isdigit() and key == time else v for v in values))
        for key, values in sel.filters
    )
    return replace(sel, filters=filters)


def _shift_reading(reading: Reading, shift: int) -> Reading:
    inputs = {k: _shift_selection(v, shift) for k, v in reading.inputs.items()}
    return replace(reading, inputs=inputs)


def shift_record(record: FigureRecord, shift: int) -> FigureRecord:
    """Return the record with the periods of its derivation moved on by ``shift`` years.

    Examples
    --------
    >>> from ondermijning_indicators.published import load_records
    >>> from ondermijning_indicators.drafts._templates import shift_record
    >>> rec = next(r for r in load_records() if r.phrase == "81%")
    >>> str(shift_record(rec, 1).reading.inputs["vrijheidsstraffen"])
    'vrijheidsstraffen:aantal[jaar=2023]'
    """
    if not shift:
        return record
    return replace(
        record,
        reading=_shift_reading(record.reading, shift) if record.reading else None,
        alternatives=tuple(_shift_reading(r, shift) for r in record.alternatives),
    )


_BOUNDARY = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n|(?<=\n)[^\n]{1,50}\n(?=[ \t]*[A-Z])")
"""The end of a sentence: a full stop (or ! ? ;) before a space, a blank line, or a short
line before a capitalised one (a heading: it ends where the text under it begins)."""


def bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return where the sentence holding ``text[start:end]`` begins and ends."""
    lo = max(0, start - 600)
    head = 0
    for m in _BOUNDARY.finditer(text, lo, start):
        head = m.end()
    head = max(head, lo)
    stop = _BOUNDARY.search(text, end, end + 600)
    return head, (stop.start() + 1 if stop else min(len(text), end + 600))


_WORDS = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS_REPEATED = 8
"""A quote of at least this many words is looked for a second time by its shape."""


def _sentence_years(text: str, start: int, end: int) -> list[int]:
    """Return the years of the sentence holding ``text[start:end]``, in the order they stand."""
    head, tail = bounds(text, start, end)
    return [int(m.group()) for m in _YEAR.finditer(text, head, tail)]


def _shift_of_years(was: list[int], now: list[int]) -> int | None:
    """Return the most common difference of the years, in the order they stand; None if none."""
    deltas = Counter(y - x for x, y in zip(was, now, strict=False))
    return deltas.most_common(1)[0][0] if deltas else None


def _span_at(spans: Sequence[Span], starts: Sequence[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return i
    return None


def link_records(
    draft: Draft,
    spans: Sequence[Span],
    records: Sequence[FigureRecord],
    *,
    previous_text: str | None = None,
) -> list[Link]:
    """Tie each record (that can be read) to the span of the draft it is the template of.

    A record whose sentence is not in the draft, or whose number is not in the sentence,
    is left out; a span is taken by one record at most. With ``previous_text`` (the
    previous edition's text), a quote that names no year takes the shift of its
    sentence: the years the draft's sentence names against those of the sentence it was
    printed in.

    Examples
    --------
    >>> from ondermijning_indicators.drafts import Draft, find_numbers
    >>> from ondermijning_indicators.published import load_records
    >>> from ondermijning_indicators.drafts._templates import link_records
    >>> draft = Draft.from_text(
    ...     "In 2023 legde de rechter in 1.040 gevallen, ofwel in 84% een vrijheidsstraf op."
    ... )
    >>> spans = find_numbers(draft)
    >>> links = link_records(draft, spans, load_records())
    >>> [(spans[k.span].phrase, k.record.phrase, k.how) for k in links]
    [('1.040', '999', 'shape'), ('84%', '81%', 'shape')]
    """
    flat = _Text(draft.text)
    shape = _Shape(flat.text)
    starts = [s.start for s in spans]
    figures = {i for i, s in enumerate(spans) if s.kind is not Kind.NOT_A_FIGURE}
    taken: set[int] = set()
    links: list[tuple[FigureRecord, int, int | None, str]] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    previous: dict[str, tuple[str, int, int, str]] = {}
    """Per file: the last quote, where it was found in the flat text and in the shape, how."""
    pending_shift: list[int] = []
    before = _Text(previous_text) if previous_text else None
    placed: list[tuple[FigureRecord, str, int]] = []  # record, quote, offset of its phrase

    def context_shift(quote: str, flat_at: int, cursor: int) -> int | None:
        """Return the shift of the years of the sentence around a quote that names none."""
        if before is None or previous_text is None:
            return None
        at = before.text.find(quote, cursor) if cursor >= 0 else -1
        if at < 0:
            at = before.text.find(quote)
        if at < 0:
            return None
        was = _sentence_years(
            previous_text, before.original(at), before.original(at + len(quote) - 1)
        )
        end = flat.original(flat_at + len(quote) - 1)
        now = _sentence_years(draft.text, flat.original(flat_at), end)
        return _shift_of_years(was, now)

    def link(rec: FigureRecord, where: int | None, shift: int | None, how: str) -> None:
        if where is None:
            return
        i = _span_at(spans, starts, where)
        if i is None or i not in figures or i in taken:
            return
        taken.add(i)
        links.append((rec, i, shift, how))
        if shift is not None:
            pending_shift.append(shift)

    prev_cursor: dict[str, int] = {}
    for rec in records:
        if rec.problem is not None or not rec.quote:
            continue
        quote = _normal(rec.quote)
        occurrence = seen[(rec.source, quote, rec.phrase)]
        seen[(rec.source, quote, rec.phrase)] += 1
        offset = _phrase_offset(quote, rec.phrase, occurrence)
        if offset is None:
            continue
        placed.append((rec, quote, offset))
        where = None
        how = "quote"
        # a sentence that names no year: the years around it, else the most common shift
        shift: int | None = 0 if _years(quote) else None
        last = previous.get(rec.source)
        again = last is not None and last[0] == quote  # the next number of the same sentence
        at = -1
        if again and last is not None and last[3] == "quote":
            at = last[1]
        elif not again:
            at = flat.text.find(quote, last[1] + 1 if last else 0)
            if at < 0:
                at = flat.text.find(quote)
        flat_at = at
        if at >= 0:
            where = flat.original(at + offset)
            previous[rec.source] = (quote, at, bisect.bisect_left(shape.origin, at), "quote")
        else:
            qshape = _Shape(quote)
            how = "shape"
            if again and last is not None and last[2] >= 0:
                sat, how = last[2], last[3]
            else:
                sat = shape.text.find(qshape.text, last[2] + 1 if last else 0)
                if sat < 0:
                    sat = shape.text.find(qshape.text)
                if sat < 0:
                    sat, score = _similar(shape.text, qshape.text, last[2] if last else 0)
                    how = f"similarity {score:.0f}%"
            first = bisect.bisect_left(shape.hashes, sat) if sat >= 0 else len(shape.numbers)
            if sat >= 0:
                flat_at = shape.origin[sat]
                where = _anchor(qshape, offset, shape, first, flat_at, flat)
                shift = _shift_of(quote, flat.text[flat_at : flat_at + len(quote) + 20])
                previous[rec.source] = (quote, flat_at, sat, how)
        if shift is None and flat_at >= 0:
            shift = context_shift(quote, flat_at, prev_cursor.get(rec.source, 0))
        if before is not None and flat_at >= 0:
            found = before.text.find(quote, prev_cursor.get(rec.source, 0))
            prev_cursor[rec.source] = found if found >= 0 else prev_cursor.get(rec.source, 0)
        link(rec, where, shift, how)
    # a sentence printed twice (a summary and the body): each copy is checked
    for rec, quote, offset in placed:
        at = flat.text.find(quote)
        while at >= 0:
            where = flat.original(at + offset)
            shift = 0 if _years(quote) else context_shift(quote, at, 0)
            link(rec, where, shift, "quote")
            at = flat.text.find(quote, at + 1)
        if len(_WORDS.findall(quote)) < _MIN_WORDS_REPEATED:
            continue  # a short line of a table: its shape is that of other lines
        qshape = _Shape(quote)
        sat = shape.text.find(qshape.text)
        while sat >= 0:
            first = bisect.bisect_left(shape.hashes, sat)
            flat_at = shape.origin[sat]
            where = _anchor(qshape, offset, shape, first, flat_at, flat)
            shift = _shift_of(quote, flat.text[flat_at : flat_at + len(quote) + 20])
            if shift is None:
                shift = context_shift(quote, flat_at, 0)
            link(rec, where, shift, "shape")
            sat = shape.text.find(qshape.text, sat + 1)
    # a sentence without years takes the shift most of the draft's sentences show
    common = Counter(pending_shift).most_common(1)
    default = common[0][0] if common else 0
    return [Link(rec, i, default if s is None else s, how) for rec, i, s, how in links]


def _anchor(
    qshape: _Shape, offset: int, shape: _Shape, first: int, begin: int, flat: _Text
) -> int | None:
    """Return the place in the draft of the quote's character at ``offset``.

    The number that holds it, or the first number after it (a phrase that begins with a
    word, "bijna 18%"); a phrase with no number after it ("ruimschoots behaald") keeps
    its distance from the number before it, or from the sentence's start.
    """
    before = None
    for k, (a, b) in enumerate(qshape.numbers):
        if a <= offset < b or a > offset:
            if first + k >= len(shape.numbers):
                return None
            return flat.original(shape.numbers[first + k][0])
        before = (k, b)
    if before is None:
        return flat.original(begin + offset)
    k, end = before
    if first + k >= len(shape.numbers):
        return None
    return flat.original(shape.numbers[first + k][1] + (offset - end))


def _similar(text: str, quote: str, near: int) -> tuple[int, float]:
    """Return where the passage most like ``quote`` begins, and its score; first near ``near``."""
    from rapidfuzz import fuzz  # imported when a sentence was edited: not for reproduce

    for lo, hi in ((max(0, near - 500), near + 8000), (0, len(text))):
        found = fuzz.partial_ratio_alignment(quote, text[lo:hi], score_cutoff=_FUZZY_CUTOFF)
        if found is not None:
            return lo + found.dest_start, float(found.score)
    return -1, 0.0
