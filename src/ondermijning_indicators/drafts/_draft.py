"""A draft as the checker reads it: its text, where its pages begin, where its paragraphs lie.

Every reader (plain text, Markdown, Word, PDF) gives a `Draft`; everything after the
reader works on ``Draft.text`` and reports places as offsets into it, which the draft
turns into a 1-based line and, where the draft has pages, a page.
"""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field

__all__ = ["CHECK_COLUMNS", "CheckStatus", "Draft", "DraftKind"]

CHECK_COLUMNS = [
    "phrase",
    "page",
    "line",
    "value",
    "unit",
    "status",
    "computed",
    "linked_to",
    "note",
    "kind",
    "start",
    "end",
]
"""The columns of a check: the phrase as printed, its page (None without pages) and
1-based line in the extracted text, the value parsed from it (in ``unit``; a percentage
as a share), the status (`CheckStatus`), the value computed from the data, what it was
linked to (``record:<id>``, ``metric:<id>(...)`` or ``cell:<table>:<column>[...]``), a
note saying why, the kind of phrase, and its span ``[start, end)`` in ``Draft.text``."""


class DraftKind(enum.StrEnum):
    """The kind of file a draft was read from."""

    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"
    PDF = "pdf"


class CheckStatus(enum.StrEnum):
    """What `ondermijning_indicators.check` concluded about one number of a draft.

    The members are in order of severity, the worst first; a result is sorted so.
    """

    DECISION_ERROR = "decision_error"
    """The data reverse the claim's conclusion: a target called met that was missed, a
    rise that is a fall, "verdubbeld" that is +40%."""
    DISCREPANCY = "discrepancy"
    """The data do not give the printed number (outside its rounding or qualifier)."""
    INVALID = "invalid"
    """The figure was linked, but its derivation cannot be evaluated (the reason says why)."""
    NOT_CHECKED = "not_checked"
    """A figure that nothing links to data; the reason says what was tried."""
    NOT_DERIVABLE = "not_derivable"
    """Linked to a record that says no published table gives it."""
    CONSISTENT = "consistent_with_qualifier"
    WITHIN_ROUNDING = "within_rounding"
    EXACT = "exact"
    TRANSCRIBED = "transcribed"
    NOT_A_FIGURE = "not_a_figure"
    """A number that states no quantity: a date, a footnote mark, a law or section
    number, a page number, a web address, a year; the reason says which."""

    @property
    def rank(self) -> int:
        """Position in the order of severity, 0 the worst."""
        return list(CheckStatus).index(self)

    @property
    def flagged(self) -> bool:
        """Whether the number needs the writer's attention."""
        return self in _FLAGGED


_FLAGGED = frozenset(
    {
        CheckStatus.DECISION_ERROR,
        CheckStatus.DISCREPANCY,
        CheckStatus.INVALID,
        CheckStatus.NOT_CHECKED,
    }
)


@dataclass(frozen=True, slots=True)
class Draft:
    r"""The text of a draft and where its pages and paragraphs begin.

    Parameters
    ----------
    text : str
        The text as extracted, lines separated by ``"\n"``. Rows of a check point into
        it by offset and by 1-based line.
    name : str
        The file it was read from, or ``"<text>"``.
    kind : DraftKind
        The kind of file.
    page_starts : tuple of int
        The offset in ``text`` at which each page begins (a PDF); empty when the draft
        has no pages.
    paragraphs : tuple of (int, int)
        The span ``(start, end)`` of each paragraph of a Word document in ``text``, in
        document order (a table's cell paragraphs where the table stands, row by row);
        empty otherwise.
    furniture : tuple of (int, int)
        Spans of ``text`` that are page furniture, not figures: a PDF's running headers
        and footers and page numbers, a Word document's page-number fields.

    Examples
    --------
    >>> from ondermijning_indicators.drafts import Draft
    >>> d = Draft.from_text("Eerste regel.\nIn 2022 waren het er 81.")
    >>> d.line(d.text.index("81")), d.page(0)
    (2, None)
    """

    text: str
    name: str = "<text>"
    kind: DraftKind = DraftKind.TEXT
    page_starts: tuple[int, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()
    furniture: tuple[tuple[int, int], ...] = ()
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = (0, *(m.end() for m in re.finditer("\n", self.text)))
        object.__setattr__(self, "_line_starts", starts)

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Draft:
        """Make a draft of plain text held in memory; Windows and old Mac line ends read as one."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return cls(text=text, name=name, kind=DraftKind.TEXT)

    def without_furniture(self) -> str:
        r"""Return the text with its page furniture made spaces (offsets stay as they are).

        Examples
        --------
        >>> from ondermijning_indicators.drafts import Draft
        >>> Draft(text="kop 2023\\nIn 2022 ...", furniture=((0, 8),)).without_furniture()
        '        \\nIn 2022 ...'
        """
        if not self.furniture:
            return self.text
        chars = list(self.text)
        for a, b in self.furniture:
            chars[a:b] = " " * (b - a)
        return "".join(chars)

    def line(self, offset: int) -> int:
        """Return the 1-based line of the character at ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def page(self, offset: int) -> int | None:
        """Return the 1-based page of the character at ``offset``; None without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def paragraph(self, offset: int) -> int | None:
        """Return the index of the Word paragraph holding ``offset``; None outside any."""
        starts = [p[0] for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i][1]:
            return i
        return None
