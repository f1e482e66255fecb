"""Checking a draft: every number of a text found, linked to its data, recomputed and marked.

`ondermijning_indicators.check` reads a draft (plain text, Markdown, a Word ``.docx`` or
a text PDF, `read_draft`), finds every number-bearing span in it (`find_numbers`: digits
in Dutch notation, number words, percentages, amounts with their scale and unit, ranges,
fractions, multiples, percentage changes and realisations, with their qualifiers; and
what holds digits but is no figure, with the reason), links each figure to the data it
should come from (a figure record of the previous edition as a template, a metric of
the registry, a table cell), recomputes it and gives it a `CheckStatus`. The result is
shown back in the draft: `render_html` writes one self-contained page with every number
marked, `write_docx_comments` a Word document with a comment on every number that needs
a look.
"""

from ._check import check
from ._draft import CHECK_COLUMNS, CheckStatus, Draft, DraftKind
from ._extract import Claim, Kind, Span, find_numbers
from ._files import read_docx, read_draft, read_pdf, write_docx_comments
from ._html import STATUS_COLOURS, render_html

__all__ = [
    "CHECK_COLUMNS",
    "STATUS_COLOURS",
    "CheckStatus",
    "Claim",
    "Draft",
    "DraftKind",
    "Kind",
    "Span",
    "check",
    "find_numbers",
    "read_docx",
    "read_draft",
    "read_pdf",
    "render_html",
    "write_docx_comments",
]
