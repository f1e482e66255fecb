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

import numpy as np
import numpy.typing as npt

from .._selection import Selection
from ..published import FigureRecord, Reading
from ..schemas import SCHEMAS, time_column
from ._draft import Draft
from ._extract import NUMBER_WORD, Kind, Span

__all__ = ["NAMED_YEAR", "Link", "bounds", "link_records", "shift_record"]

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


_WHITESPACE = np.array(
    [9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, *range(8192, 8203), 8232, 8233,
     8239, 8287, 12288],
    dtype=np.uint32,
)  # fmt: skip
"""The characters ``\\s`` matches: a run of them reads as one space."""
_HYPHEN_BREAK = re.compile(r"(?<=[a-zà-ÿ])-\s+(?=[a-zà-ÿ])")


def _codes(text: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()


def _decode(codes: npt.NDArray[np.uint32]) -> str:
    return codes.astype(np.uint32).tobytes().decode("utf-32-le")


class _Text:
    """A text with its broken words joined and runs of whitespace made one space.

    Words are joined the same way in the quotes (`_normal`), so "publiek- en privaat"
    reads alike on both sides; ``origin`` leads back to the original.
    """

    def __init__(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> None:
        codes = _codes(text)
        for a, b in skip:  # page furniture (a running header) read as a space
            codes[a:b] = 32
        space = np.isin(codes, _WHITESPACE) | (codes == 124)  # a Markdown table's "|" too
        keep = ~space
        keep[1:] |= space[1:] & ~space[:-1]  # the first character of a run of spaces
        if len(keep):
            keep[0] |= bool(space[0])
        for m in _HYPHEN_BREAK.finditer(text):
            keep[m.start() : m.end()] = False
        self.text = _decode(np.where(space, 32, codes)[keep])
        self.origin = np.flatnonzero(keep)

    def original(self, i: int) -> int:
        if not len(self.origin):
            return 0
        return int(self.origin[min(i, len(self.origin) - 1)])


class _Shape:
    """A text with every number written ``#`` and every qualifier ``~``, and the way back."""

    def __init__(self, text: str) -> None:
        if len(text) < 4000:  # a quote: plain Python is quicker than arrays
            self._small(text)
            return
        codes = _codes(text)
        keep = np.ones(len(codes), dtype=bool)
        self.numbers: list[tuple[int, int]] = []  # span in `text` of the i-th '#'
        starts: list[int] = []
        ends: list[int] = []
        for m in _TOKEN.finditer(text):
            codes[m.start()] = 35 if m.lastgroup == "n" else 126  # '#' or '~'
            keep[m.start() + 1 : m.end()] = False
            if m.lastgroup == "n":
                self.numbers.append((m.start(), m.end()))
            starts.append(m.start())
            ends.append(m.end())
        place = np.cumsum(keep) - 1  # the offset in the shape of each kept character
        self.text = _decode(codes[keep])
        self.origin = np.flatnonzero(keep)
        self.hashes = [int(place[a]) for a, _ in self.numbers]  # offset of the i-th '#'
        self.ends = {int(place[a]): b for a, b in zip(starts, ends, strict=True)}
        """Of a '#' or '~': where what it stands for ends."""

    def _small(self, text: str) -> None:
        parts: list[str] = []
        origin: list[int] = []
        self.numbers = []
        self.hashes = []
        self.ends = {}
        pos = 0
        for m in _TOKEN.finditer(text):
            parts.append(text[pos : m.start()])
            origin.extend(range(pos, m.start()))
            if m.lastgroup == "n":
                self.hashes.append(len(origin))
                self.numbers.append((m.start(), m.end()))
            self.ends[len(origin)] = m.end()
            parts.append("#" if m.lastgroup == "n" else "~")
            origin.append(m.start())
            pos = m.end()
        parts.append(text[pos:])
        origin.extend(range(pos, len(text)))
        self.text = "".join(parts)
        self.origin = np.array(origin, dtype=np.intp)


@functools.lru_cache(maxsize=4096)
def _quote_shape(quote: str) -> _Shape:
    """Return the shape of a quote, made once: records share their sentences."""
    return _Shape(quote)


def _normal(text: str) -> str:
    """Return the text as `_Text` reads it: broken words joined, whitespace one space."""
    return _BREAK.sub(lambda m: "" if m.group().startswith("-") else " ", text.strip())


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _phrase_offset(quote: str, phrase: str, occurrence: int) -> int | None:
    r"""Offset in ``quote`` of the ``occurrence``-th time ``phrase`` stands there as a whole.

    As a whole: not inside a longer number or word (the pattern
    ``(?<![\w.,])phrase(?![\w]|[.,]\d)``, without compiling one per phrase).
    """
    found = []
    at = quote.find(phrase)
    while at >= 0:
        before = quote[at - 1] if at else ""
        rest = quote[at + len(phrase) : at + len(phrase) + 2]
        inside = bool(before) and (_word_char(before) or before in ".,")
        inside |= bool(rest) and _word_char(rest[0])
        inside |= len(rest) == 2 and rest[0] in ".," and rest[1].isdigit()
        if not inside:
            found.append(at)
        at = quote.find(phrase, at + 1)
    if not found:
        return None
    return found[min(occurrence, len(found) - 1)]


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


@functools.lru_cache(maxsize=8)
def _boundaries(text: str) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Return where every sentence boundary of ``text`` starts and ends (found once)."""
    found = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text)]
    starts = np.array([a for a, _ in found], dtype=np.intp)
    return starts, np.array([b for _, b in found], dtype=np.intp)


def bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return where the sentence holding ``text[start:end]`` begins and ends.

    At most 600 characters either side: a sentence without boundaries stops there.
    """
    starts, ends = _boundaries(text)
    lo = max(0, start - 600)
    i = int(np.searchsorted(ends, start, side="right")) - 1
    head = int(ends[i]) if i >= 0 and starts[i] >= lo else lo
    j = int(np.searchsorted(starts, end, side="left"))
    limit = min(len(text), end + 600)
    tail = int(starts[j]) + 1 if j < len(starts) and ends[j] <= limit else limit
    return max(head, lo), tail


_WORDS = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS_REPEATED = 8
"""A quote of at least this many words is looked for a second time by its shape."""
_MIN_WORDS_SIMILAR = 6
"""A quote of fewer words is never matched by similarity: a short line is like many others."""
_MIN_WORDS_ANYWHERE = 4
"""A quote of fewer words (a table's row, a heading) matches only a line of its own, or
the place right after the previous record of its file."""
_NEARBY = 1500
"""How far after the previous record's sentence a short quote may stand."""
NAMED_YEAR = re.compile(r"(?<![\w/.,])(?<![A-Za-z]-)(?:19|20)\d\d(?![\w/]|[.,]\d|-[A-Za-z])")
"""A year as a sentence names it, not one inside a web address or a name."""
_MAX_SHIFT = 5
_TOKENS = re.compile(r"[#~]|[^\W\d_]+|[^\s\w]")


@functools.lru_cache(maxsize=8)
def _year_index(text: str) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Return where each year of ``text`` stands and which year it is (found once)."""
    found = [(m.start(), int(m.group())) for m in NAMED_YEAR.finditer(text)]
    return (
        np.array([a for a, _ in found], dtype=np.intp),
        np.array([y for _, y in found], dtype=np.intp),
    )


def _nearest_year(text: str, pos: int) -> int | None:
    """Return the year nearest ``pos`` in its sentence, else in the sentence before it."""
    places, years = _year_index(text)
    head, tail = bounds(text, pos, pos + 1)
    spans = [(head, tail)]
    if head > 0:
        spans.append((bounds(text, max(0, head - 2), max(0, head - 1))[0], head))
    for lo, hi in spans:
        a, b = np.searchsorted(places, [lo, hi])
        if b > a:
            nearest = a + int(np.argmin(np.abs(places[a:b] - pos)))
            return int(years[nearest])
    return None


def _year_shift(was: int | None, now: int | None) -> int | None:
    """Return the shift between two years; None when one is missing or they are far apart."""
    if was is None or now is None or abs(now - was) > _MAX_SHIFT:
        return None
    return now - was


def _whole_line(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` stands alone on its line (a heading, a table's row)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip(" \t|") and not text[end:line_end].strip(" \t|")


def _align(quote: str, window: str, target: int) -> int | None:
    """Return the offset in ``window`` of the token that stands where ``quote[target]`` does.

    The two shapes are aligned word by word (difflib); a token inside a stretch that
    differs in length (words added or left out around it) has no counterpart: None.
    """
    import difflib

    mine = [(m.start(), m.end(), m.group().lower()) for m in _TOKENS.finditer(quote)]
    theirs = [(m.start(), m.group().lower()) for m in _TOKENS.finditer(window)]
    at = next((i for i, (a, b, _) in enumerate(mine) if target < b), None)
    if at is None:
        return None
    matcher = difflib.SequenceMatcher(
        None, [t for _, _, t in mine], [t for _, t in theirs], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= at < i2:
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                return theirs[j1 + at - i1][0]
            return None
    return None


def _span_at(spans: Sequence[Span], starts: Sequence[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return i
    return None


@dataclass
class _Found:
    """Where a record's quote was found in the draft."""

    at: int  # in the flat text
    where: int | None  # the phrase's place in the original text
    how: str


class _Linker:
    """Finds the records' sentences in a draft and the numbers at their places."""

    def __init__(self, draft: Draft, spans: Sequence[Span], previous_text: str | None) -> None:
        self.draft = draft
        self.spans = spans
        self.starts = [s.start for s in spans]
        self.flat = _Text(draft.text, skip=draft.furniture)
        self.shape = _Shape(self.flat.text)
        self.previous_text = previous_text
        self.before = _Text(previous_text) if previous_text else None
        self.figures = {i for i, s in enumerate(spans) if s.kind is not Kind.NOT_A_FIGURE}
        self.taken: set[int] = set()

    def alone(self, flat_at: int, length: int) -> bool:
        """Tell whether a match of the flat text stands on a line of its own in the draft."""
        start = self.flat.original(flat_at)
        end = self.flat.original(flat_at + length - 1) + 1
        return _whole_line(self.draft.text, start, end)

    def exact(self, quote: str, offset: int, after: int, short: bool, near: bool) -> _Found | None:
        at = self.flat.text.find(quote, after)
        while at >= 0:
            if not short or self.alone(at, len(quote)) or (near and at - after <= _NEARBY):
                return _Found(at, self.flat.original(at + offset), "quote")
            at = self.flat.text.find(quote, at + 1)
        return None

    def shaped(self, quote: str, offset: int, after: int, short: bool, near: bool) -> _Found | None:
        qshape = _quote_shape(quote)
        sat = self.shape.text.find(qshape.text, bisect.bisect_left(self.shape.origin, after))
        while sat >= 0:
            flat_at = self.shape.origin[sat]
            ok = not short or (near and flat_at - after <= _NEARBY)
            if not ok:
                last = sat + len(qshape.text) - 1
                end = self.shape.ends.get(last, self.shape.origin[last] + 1)
                ok = self.alone(flat_at, end - flat_at)
            if ok:
                first = bisect.bisect_left(self.shape.hashes, sat)
                where = _anchor(qshape, offset, self.shape, first, flat_at, self.flat)
                return _Found(flat_at, where, "shape")
            sat = self.shape.text.find(qshape.text, sat + 1)
        return None

    def similar(self, quote: str, offset: int, near: int) -> _Found | None:
        qshape = _quote_shape(quote)
        near_shape = bisect.bisect_left(self.shape.origin, near)
        sat, score = _similar(self.shape.text, qshape.text, near_shape)
        if sat < 0:
            return None
        # the alignment may start after a first word that was edited: look a little before
        where = self.flat.original(self.shape.origin[sat])
        head = bisect.bisect_left(self.flat.origin, bounds(self.draft.text, where, where + 1)[0])
        lo = max(0, sat - 80, bisect.bisect_left(self.shape.origin, head))
        window = self.shape.text[lo : sat + len(qshape.text) + 40]
        target = _shape_offset(qshape, offset)
        if qshape.text.startswith("~", target) and "#" in qshape.text[target:]:
            # "ruim 10%" written "11%": the number is the place, not the qualifier
            target = qshape.text.index("#", target)
        got = _align(qshape.text, window, target)
        if got is None:
            return _Found(self.shape.origin[sat], None, "similarity")
        return _Found(
            self.shape.origin[sat],
            self.flat.original(self.shape.origin[lo + got]),
            f"similarity {score:.0f}%",
        )

    def span(self, where: int | None) -> int | None:
        """Return the figure at ``where`` that no record has taken yet."""
        if where is None:
            return None
        i = _span_at(self.spans, self.starts, where)
        if i is None or i not in self.figures or i in self.taken:
            return None
        return i


def _shape_offset(qshape: _Shape, offset: int) -> int:
    """Return the offset in a quote's shape of the quote's character at ``offset``."""
    return bisect.bisect_left(qshape.origin, offset)


def link_records(
    draft: Draft,
    spans: Sequence[Span],
    records: Sequence[FigureRecord],
    *,
    previous_text: str | None = None,
) -> list[Link]:
    """Tie each record (that can be read) to the span of the draft it is the template of.

    A record whose sentence is not in the draft, or whose number is not in the sentence,
    is left out; a span is taken by one record at most. The shift of a link is the year
    nearest the number in the draft against the year nearest it in the previous edition's
    text (``previous_text``; without it, in the record's quote); a figure whose sentences
    name no year takes the shift most links show.

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
    linker = _Linker(draft, spans, previous_text)
    flat, before = linker.flat, linker.before
    links: list[tuple[FigureRecord, int, int | None, str]] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    last: dict[str, tuple[str, _Found]] = {}
    """Per file: the last quote and where it was found."""
    last_before: dict[str, int] = {}
    placed: list[tuple[FigureRecord, str, int, int | None]] = []

    plain = draft.without_furniture()  # a running header's year is no year of a sentence

    def shift_of(quote: str, offset: int, before_at: int | None, where: int) -> int | None:
        now = _nearest_year(plain, where)
        if before is not None and previous_text is not None and before_at is not None:
            return _year_shift(
                _nearest_year(previous_text, before.original(before_at + offset)), now
            )
        years = [(abs(m.start() - offset), int(m.group())) for m in NAMED_YEAR.finditer(quote)]
        return _year_shift(min(years)[1] if years else None, now)

    def link(
        rec: FigureRecord, found: _Found, quote: str, offset: int, before_at: int | None
    ) -> None:
        i = linker.span(found.where)
        if i is None or found.where is None:
            return
        linker.taken.add(i)
        links.append((rec, i, shift_of(quote, offset, before_at, found.where), found.how))

    for rec in records:
        if rec.problem is not None or not rec.quote:
            continue
        quote = _normal(rec.quote)
        key = (rec.source, quote, rec.phrase)
        occurrence = seen[key]
        seen[key] += 1
        offset = _phrase_offset(quote, rec.phrase, occurrence)
        if offset is None:
            continue
        before_at = None
        if before is not None:
            before_at = before.text.find(quote, last_before.get(rec.source, 0))
            before_at = before.text.find(quote) if before_at < 0 else before_at
            before_at = None if before_at < 0 else before_at
            if before_at is not None:
                last_before[rec.source] = before_at
        placed.append((rec, quote, offset, before_at))
        words = len(_WORDS.findall(quote))
        short = words < _MIN_WORDS_ANYWHERE
        previous = last.get(rec.source)
        found: _Found | None
        if previous is not None and previous[0] == quote:
            # the next number of the same sentence: where that sentence was found
            at = previous[1].at
            if previous[1].how == "quote":
                found = _Found(at, flat.original(at + offset), "quote")
            elif previous[1].how == "shape":
                found = linker.shaped(quote, offset, at, short=False, near=True)
            else:
                found = linker.similar(quote, offset, at)
        else:
            after = previous[1].at + 1 if previous else 0
            near = previous is not None
            found = linker.exact(quote, offset, after, short, near)
            found = found or (linker.exact(quote, offset, 0, short, False) if after else None)
            found = found or linker.shaped(quote, offset, after, short, near)
            found = found or (linker.shaped(quote, offset, 0, short, False) if after else None)
            if found is None and words >= _MIN_WORDS_SIMILAR:
                found = linker.similar(quote, offset, after)
        if found is None:
            continue
        last[rec.source] = (quote, found)
        link(rec, found, quote, offset, before_at)
    # a sentence printed twice (a summary and the body): each copy is checked
    for rec, quote, offset, before_at in placed:
        at = flat.text.find(quote)
        while at >= 0:
            again = _Found(at, flat.original(at + offset), "quote")
            if len(_WORDS.findall(quote)) >= _MIN_WORDS_ANYWHERE or linker.alone(at, len(quote)):
                link(rec, again, quote, offset, before_at)
            at = flat.text.find(quote, at + 1)
        if len(_WORDS.findall(quote)) < _MIN_WORDS_REPEATED:
            continue  # a short line of a table: its shape is that of other lines
        qshape = _quote_shape(quote)
        sat = linker.shape.text.find(qshape.text)
        while sat >= 0:
            first = bisect.bisect_left(linker.shape.hashes, sat)
            flat_at = linker.shape.origin[sat]
            where = _anchor(qshape, offset, linker.shape, first, flat_at, flat)
            link(rec, _Found(int(flat_at), where, "shape"), quote, offset, before_at)
            sat = linker.shape.text.find(qshape.text, sat + 1)
    # a figure whose sentences name no year takes the shift most links show
    common = Counter(s for _, _, s, _ in links if s is not None).most_common(1)
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
