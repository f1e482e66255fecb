r"""Reading a draft from a file (plain text, Markdown, Word, PDF) and writing comments back.

Every reader gives a `Draft` whose text is what a reader of the file sees, line by line:

- plain text and Markdown as they are (line ends made ``"\n"``);
- a Word document (.docx) one line per body paragraph, and one line per table row with
  its cells joined by a space (the line of numbers a PDF of the table gives); the span
  of every paragraph, table cells' included, is kept in ``Draft.paragraphs``, so that
  `write_docx_comments` can put a comment on the exact characters of a number;
- a PDF its text layer as extracted, page after page, with the offset at which each
  page begins and the spans of its running headers, footers and page numbers.

Each reader is bounded by `LIMITS` (the size of the file and, for a Word document, its
unpacked size and compression ratio). A file that cannot be read (missing, another
format under the name, damaged, encrypted, a scan without text) is refused with a
`UnreadableFileError` that names the file and says in words what is wrong.
"""

from __future__ import annotations

import bisect
import copy
import io
import math
import numbers
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._notation import format_number
from .._readers import LIMITS, UnreadableFileError, read_text
from .._units import Unit
from .._writers import check_target, staged
from ..errors import InvalidInputError
from ._draft import CheckStatus, Draft, DraftKind

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.run import Run

__all__ = ["read_docx", "read_draft", "read_pdf", "write_docx_comments"]

_TEXT_SUFFIXES = (".txt", ".text")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_KINDS = ".txt or .text (plain text), .md or .markdown (Markdown), .docx (Word) and .pdf"

CLEAN_STATUSES = frozenset(
    {
        CheckStatus.EXACT,
        CheckStatus.WITHIN_ROUNDING,
        CheckStatus.CONSISTENT,
        CheckStatus.TRANSCRIBED,
        CheckStatus.NOT_A_FIGURE,
    }
)
"""The statuses that need no comment in the draft; every other status gets one."""


# --------------------------------------------------------------------------- any file


def read_draft(path: str | os.PathLike[str]) -> Draft:
    r"""Read a draft from a file, by its suffix: text, Markdown, Word (.docx) or PDF.

    Parameters
    ----------
    path : str or path-like
        The file. ``.txt``/``.text`` is read as plain UTF-8 text, ``.md``/``.markdown``
        as Markdown (its text as it is), ``.docx`` by `read_docx`, ``.pdf`` by
        `read_pdf`. Line ends are made ``"\n"`` and a byte-order mark is dropped.

    Returns
    -------
    Draft
        The draft, named by the file's name.

    Raises
    ------
    UnreadableFileError
        If the file is missing, too large, not what its suffix says, or has a suffix
        none of the readers reads; the message names the file and says why.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from ondermijning_indicators.drafts._files import read_draft
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "concept.md"
    ...     _ = path.write_text("# Straffen\r\nIn 2022 waren het 1.238.\r\n", encoding="utf-8")
    ...     draft = read_draft(path)
    >>> draft.kind, draft.name, draft.line(draft.text.index("1.238"))
    (<DraftKind.MARKDOWN: 'markdown'>, 'concept.md', 2)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix in _TEXT_SUFFIXES or suffix in _MARKDOWN_SUFFIXES:
        kind = DraftKind.TEXT if suffix in _TEXT_SUFFIXES else DraftKind.MARKDOWN
        return Draft(_read_plain(path), name=path.name, kind=kind)
    hint = "; save a Word document as .docx" if suffix in {".doc", ".rtf", ".odt"} else ""
    raise UnreadableFileError(
        f"{path} is not a kind of draft that can be read (its suffix is "
        f"{suffix or 'missing'}); a draft is read from {_KINDS}{hint}"
    )


def _check_file(path: Path) -> int:
    """Refuse a missing file, a folder, or a file above ``LIMITS.file_bytes``."""
    try:
        if path.is_dir():
            raise UnreadableFileError(f"{path} is a folder, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(f"{path} does not exist") from None
    except OSError as exc:
        raise UnreadableFileError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if size > LIMITS.file_bytes:
        raise UnreadableFileError(
            f"{path} is {size:,} bytes, more than the {LIMITS.file_bytes:,} a draft may have"
        )
    return size


def _read_plain(path: Path) -> str:
    _check_file(path)
    try:
        text = read_text(path, replace(LIMITS, toml_bytes=LIMITS.file_bytes))
    except UnreadableFileError as exc:
        raise UnreadableFileError(f"{path} {exc}") from None
    if "\x00" in text:
        raise UnreadableFileError(
            f"{path} holds NUL bytes: it is not a text file (a Word or PDF file saved under "
            "the name of a text file?)"
        )
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- Word

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}r"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
"""Elements that wrap blocks, rows or cells without being one (content controls)."""
_HIDDEN = frozenset({f"{_W}del", f"{_W}moveFrom"})
"""Wrappers of runs that Word does not show as text (deleted, moved away)."""
_RUN_TEXT = frozenset(
    {f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"}
)
"""The children of a run that python-docx turns into text (`Run.text`)."""


def _children(element: BaseOxmlElement, tags: Iterable[str]) -> Iterator[BaseOxmlElement]:
    """Yield the children of ``element`` with one of ``tags``, looking inside wrappers."""
    wanted = frozenset(tags)
    for child in element:
        if child.tag in wanted:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, wanted)


def _cell_paragraphs(tc: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """Yield the paragraphs of a table cell, those of tables nested in it included."""
    for block in _children(tc, (_P, _TBL)):
        if block.tag == _P:
            yield block
        else:
            for tr in _children(block, (_TR,)):
                for cell in _children(tr, (_TC,)):
                    yield from _cell_paragraphs(cell)


def _docx_lines(document: DocxDocument) -> Iterator[list[BaseOxmlElement]]:
    """Yield the paragraphs of each line of a draft: a body paragraph, or a table row.

    Each cell is taken once, however many grid columns it spans (python-docx's
    ``row.cells`` repeats a merged cell).
    """
    for block in _children(document.element.body, (_P, _TBL)):
        if block.tag == _P:
            yield [block]
        else:
            yield from _table_lines(block)


def _table_lines(tbl: BaseOxmlElement) -> Iterator[list[BaseOxmlElement]]:
    for tr in _children(tbl, (_TR,)):
        yield [p for tc in _children(tr, (_TC,)) for p in _cell_paragraphs(tc)]


def _docx_paragraphs(document: DocxDocument) -> Iterator[BaseOxmlElement]:
    """Yield every paragraph of the body in document order, table cells' included.

    This is the order of ``Draft.paragraphs`` of the draft `read_docx` gives.
    """
    for line in _docx_lines(document):
        yield from line


def _runs(p: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Return the runs whose text a paragraph shows, in order.

    Runs directly in the paragraph and those in a hyperlink, a tracked insertion, a
    field or a content control; not a deleted run, nor one of a text box (which has a
    paragraph of its own).
    """
    runs = []
    for r in p.iter(_R):
        parent = r.getparent()
        while parent is not None and parent is not p:
            if parent.tag == _P or parent.tag == _R or parent.tag in _HIDDEN:
                break
            parent = parent.getparent()
        else:
            runs.append(r)
    return runs


def _piece(child: BaseOxmlElement) -> str:
    """Return the text of one child of a run, as python-docx gives it ("" for others)."""
    return str(child) if child.tag in _RUN_TEXT else ""


def _run_text(r: BaseOxmlElement) -> str:
    return "".join(_piece(child) for child in r)


def _paragraph_text(p: BaseOxmlElement) -> str:
    """Return the text of a paragraph on one line: a line break in it is a space."""
    text = "".join(_run_text(r) for r in _runs(p))
    return text.replace("\r", " ").replace("\n", " ")


def _docx_text(document: DocxDocument) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Return the text of a document and the span of each of its paragraphs in it."""
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraphs in _docx_lines(document):
        line = ""
        for p in paragraphs:
            text = _paragraph_text(p)
            if text and line:
                line += " "
            spans.append((offset + len(line), offset + len(line) + len(text)))
            line += text
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), tuple(spans)


def _check_zip(path: Path) -> None:
    """Refuse a file that is not a zip archive or that unpacks beyond the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for info in archive.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 2**20 and ratio > LIMITS.compression_ratio:
                    raise UnreadableFileError(
                        f"{path} has a part ({info.filename}) that expands {ratio:,.0f} times "
                        "when unpacked: a damaged or hostile Word document"
                    )
            if total > LIMITS.workbook_bytes:
                raise UnreadableFileError(
                    f"{path} unpacks to {total:,} bytes, more than the "
                    f"{LIMITS.workbook_bytes:,} a Word document may have"
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, NotImplementedError) as exc:
        raise UnreadableFileError(
            f"{path} is not a Word document (.docx) that can be read ({exc}); is it "
            "complete, and saved as .docx rather than .doc, .rtf or text?"
        ) from None


def _open_docx(path: Path) -> DocxDocument:
    """Open a Word document within the bounds, or refuse it in words."""
    _check_file(path)
    _check_zip(path)
    import docx

    try:
        return docx.Document(str(path))
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # python-docx's and lxml's errors for a damaged package
        message = str(exc).replace(str(path), path.name)
        raise UnreadableFileError(
            f"{path} is not a Word document (.docx) that can be read "
            f"({type(exc).__name__}: {message}); open and save it again in Word"
        ) from None


def read_docx(path: Path) -> Draft:
    """Read a Word document (.docx): a line per paragraph, a line per table row.

    The text of each body paragraph (its runs joined, as Word shows it: a tracked
    insertion included, a deletion not, a line break as a space) is one line; each
    table row is one line, the text of its cells joined by a single space, as a PDF
    gives a table. Headers, footers, footnotes and text boxes are not read.

    Parameters
    ----------
    path : Path
        The document.

    Returns
    -------
    Draft
        With ``kind`` DOCX and ``paragraphs`` the span of every paragraph in the text:
        body paragraphs and the paragraphs of table cells, in document order (an empty
        paragraph or cell has an empty span).

    Raises
    ------
    UnreadableFileError
        If the file is missing, too large, or not a Word document that can be read.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import docx
    >>> from ondermijning_indicators.drafts._files import read_docx
    >>> document = docx.Document()
    >>> document.add_paragraph("In 2022 waren het ").add_run("1.238").bold = True
    >>> document.add_table(rows=1, cols=2).rows[0].cells[1].text = "81%"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     document.save(Path(folder) / "concept.docx")
    ...     draft = read_docx(Path(folder) / "concept.docx")
    >>> draft.text.splitlines()
    ['In 2022 waren het 1.238', '81%']
    >>> [draft.text[start:end] for start, end in draft.paragraphs]
    ['In 2022 waren het 1.238', '', '81%']
    """
    document = _open_docx(path)
    text, spans = _docx_text(document)
    return Draft(text, name=path.name, kind=DraftKind.DOCX, paragraphs=spans)


# --------------------------------------------------------------------------- PDF

_PAGE_NUMBER = re.compile(r"[-–—]?\s*\d{1,4}\s*[-–—]?")
"""A line that is only a page number ("12", "- 12 -")."""
_EDGE = 2
"""How many lines at the top and at the bottom of a page a running header or footer is in."""


def read_pdf(path: Path) -> Draft:
    r"""Read a PDF's text layer, page after page, and mark its running headers and footers.

    The text of each page is pypdf's extraction (``page.extract_text()``); pages are
    joined by ``"\n"``. Nothing is removed: a row of a check gives the line of the
    text as extracted. A line is page furniture (its span in ``Draft.furniture``) when,
    with its digits read as ``#``, it stands among the first or last two lines of at
    least three pages and of at least half the pages (a running header or footer:
    "Voortgangsrapportage ondermijning 2023", "Pagina 3 van 40"), or when it is the
    first or last line of a page and only a number (a page number).

    Parameters
    ----------
    path : Path
        The PDF.

    Returns
    -------
    Draft
        With ``kind`` PDF, ``page_starts`` the offset at which each page's text begins,
        and ``furniture`` the spans of the headers, footers and page numbers.

    Raises
    ------
    UnreadableFileError
        If the file is missing, too large, not a PDF, damaged, encrypted with a
        password, or has no text layer (a scan: it needs text recognition, OCR, first).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from fpdf import FPDF
    >>> from ondermijning_indicators.drafts._files import read_pdf
    >>> pdf = FPDF()
    >>> pdf.set_font("Helvetica")
    >>> pdf.set_auto_page_break(False)
    >>> for number in (1, 2):
    ...     pdf.add_page()
    ...     _ = pdf.cell(text=f"In 202{number} waren het {1237 + number}.")
    ...     pdf.set_y(-20)
    ...     _ = pdf.cell(text=str(number))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pdf.output(str(Path(folder) / "concept.pdf"))
    ...     draft = read_pdf(Path(folder) / "concept.pdf")
    >>> draft.text.splitlines()
    ['In 2021 waren het 1238.', '1', 'In 2022 waren het 1239.', '2']
    >>> draft.page(draft.text.index("1239")), [draft.text[a:b] for a, b in draft.furniture]
    (2, ['1', '2'])
    """
    _check_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError(f"{path} is not a PDF (it does not begin with %PDF-)")
    pages = _pdf_pages(path, data)
    if not any(page.strip() for page in pages):
        raise UnreadableFileError(
            f"{path} has no text layer: its pages are images (a scan?); it needs text "
            "recognition (OCR) first, or export the draft as PDF from the program it was "
            "written in"
        )
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    text = "\n".join(pages)
    return Draft(
        text,
        name=path.name,
        kind=DraftKind.PDF,
        page_starts=tuple(starts),
        furniture=_furniture(pages, starts),
    )


def _pdf_pages(path: Path, data: bytes) -> list[str]:
    """Return the extracted text of each page, or refuse the file in words."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFileError(
                f"{path} is encrypted with a password; save a copy without a password"
            )
        if not reader.pages:
            raise UnreadableFileError(f"{path} has no pages")
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text())
            size += len(pages[-1])
            if size > LIMITS.file_bytes:
                raise UnreadableFileError(
                    f"{path} holds more than the {LIMITS.file_bytes:,} characters of text a "
                    "draft may have"
                )
    except (UnreadableFileError, MemoryError):
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise UnreadableFileError(
            f"{path} is encrypted in a way that cannot be read ({exc}); save a copy "
            "without a password"
        ) from None
    except Exception as exc:  # pypdf's errors and what its parser meets in a damaged file
        raise UnreadableFileError(
            f"{path} is a damaged PDF ({type(exc).__name__}: {exc}); export it again"
        ) from None
    return pages


def _page_lines(page: str, start: int) -> list[tuple[str, int, int]]:
    """Return the non-blank lines of a page: (text stripped, start, end) in the text."""
    lines = []
    offset = start
    for line in page.split("\n"):
        stripped = line.strip()
        if stripped:
            left = offset + len(line) - len(line.lstrip())
            lines.append((stripped, left, left + len(stripped)))
        offset += len(line) + 1
    return lines


def _furniture(pages: list[str], starts: list[int]) -> tuple[tuple[int, int], ...]:
    """Return the spans of running headers, footers and page numbers (see `read_pdf`)."""
    edges: list[list[tuple[str, int, int]]] = []
    ends: list[list[tuple[str, int, int]]] = []
    for page, start in zip(pages, starts, strict=True):
        lines = _page_lines(page, start)
        edges.append(lines[:_EDGE] + lines[max(_EDGE, len(lines) - _EDGE) :])
        ends.append(lines[:1] + lines[-1:])
    counts = Counter(shape for edge in edges for shape in {_shape(t) for t, _, _ in edge})
    needed = max(3, math.ceil(len(pages) / 2))
    spans = {(a, b) for edge in edges for t, a, b in edge if counts[_shape(t)] >= needed}
    spans |= {(a, b) for end in ends for t, a, b in end if _PAGE_NUMBER.fullmatch(t)}
    return tuple(sorted(spans))


def _shape(line: str) -> str:
    """Return a line with its digits as ``#``, its spaces single: what repeats on pages."""
    return " ".join(re.sub(r"\d", "#", line).split())


# --------------------------------------------------------------------------- comments


def write_docx_comments(
    source: Path,
    draft: Draft,
    rows: pd.DataFrame,
    out: Path,
    *,
    author: str = "ondermijning-indicators",
    overwrite: bool = False,
) -> int:
    """Write a copy of a Word draft with a comment on every number that needs attention.

    Every row whose status is not clean (exact, within rounding, consistent with its
    qualifier, transcribed, not a figure) gets a Word comment anchored on exactly the
    characters ``draft.text[start:end]``: a run holding more than the number is split
    at its edges, each part keeping the run's formatting. The comment says the status
    in words, the value the data give, what the number is linked to and the note.
    The text of the document is otherwise unchanged.

    Parameters
    ----------
    source : Path
        The Word document the draft was read from (by `read_docx`).
    draft : Draft
        The draft read from ``source``; its text must be the document's text.
    rows : pandas.DataFrame
        The rows of a check (columns as ``CHECK_COLUMNS``; ``status``, ``start`` and
        ``end`` are needed, ``computed``, ``unit``, ``linked_to`` and ``note`` used when
        present).
    out : Path
        The document to write, atomically (written beside it, then moved into place).
    author : str, default="ondermijning-indicators"
        The author of the comments; their initials are taken from it.
    overwrite : bool, default=False
        Whether an existing ``out`` may be replaced.

    Returns
    -------
    int
        The number of comments written.

    Raises
    ------
    UnreadableFileError
        If ``source`` cannot be read as a Word document.
    InvalidInputError
        If ``draft`` is not the text of ``source``, a row lacks a column or a span, or a
        span lies outside the text or outside every paragraph.
    OutputExistsError
        If ``out`` exists and ``overwrite`` is False.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import docx, pandas as pd
    >>> from ondermijning_indicators.drafts._files import read_docx, write_docx_comments
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     source, out = Path(folder) / "concept.docx", Path(folder) / "opmerkingen.docx"
    ...     document = docx.Document()
    ...     _ = document.add_paragraph("In 2022 waren het 1.238 straffen, 81% van alle.")
    ...     document.save(str(source))
    ...     draft = read_docx(source)
    ...     rows = pd.DataFrame(
    ...         {"phrase": ["1.238", "81%"], "status": ["discrepancy", "exact"],
    ...          "computed": [1240.0, 0.81], "unit": ["count", "share (0-1)"],
    ...          "linked_to": ["record:straffen", "record:aandeel"], "note": ["", ""],
    ...          "start": [18, 33], "end": [23, 36]})
    ...     written = write_docx_comments(source, draft, rows, out)
    ...     comments = list(docx.Document(str(out)).comments)
    >>> written, [c.text for c in comments]
    (1, ['discrepancy: de data geven 1.240 (record straffen)'])
    """
    source, out = Path(source), Path(out)
    missing = [c for c in ("status", "start", "end") if c not in rows.columns]
    if missing:
        raise InvalidInputError(
            f"the rows to comment on lack the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}; give the rows of a check"
        )
    check_target(out, what="the commented draft")
    document = _open_docx(source)
    text, spans = _docx_text(document)
    if text != draft.text or spans != draft.paragraphs:
        raise InvalidInputError(
            f"the draft {draft.name} is not the text of {source}: read the draft from that "
            "document (read_docx) and check it again"
        )
    paragraphs = list(_docx_paragraphs(document))
    initials = "".join(part[0] for part in re.split(r"[\s_-]+", author) if part).upper()
    written = 0
    for number, row in enumerate(rows.to_dict("records"), 1):
        if str(row["status"]) in CLEAN_STATUSES:
            continue
        start, end = _span(row, number, len(draft.text))
        first, last = _anchor(document, draft, paragraphs, (start, end), number)
        document.add_comment([first, last], text=_comment(row), author=author, initials=initials)
        written += 1
    with staged(out.parent, [out.name], overwrite=overwrite, what="the commented draft") as to:
        document.save(str(to / out.name))
    return written


def _span(row: Mapping[Any, Any], number: int, length: int) -> tuple[int, int]:
    """Return the span ``[start, end)`` of a row, as whole offsets within the text."""
    bounds = []
    for column in ("start", "end"):
        value = row[column]
        try:
            whole = float(value).is_integer()
        except (TypeError, ValueError):
            whole = False
        if not whole:
            raise InvalidInputError(
                f"row {number} ({row.get('phrase', '')!r}) has no span: {column} is {value!r}"
            )
        bounds.append(int(value))
    start, end = bounds
    if not 0 <= start < end <= length:
        raise InvalidInputError(
            f"row {number} ({row.get('phrase', '')!r}) has the span [{start}, {end}), which is "
            f"not within the draft's {length:,} characters"
        )
    return start, end


def _anchor(
    document: DocxDocument,
    draft: Draft,
    paragraphs: list[BaseOxmlElement],
    span: tuple[int, int],
    number: int,
) -> tuple[Run, Run]:
    """Split runs at the edges of ``span``; return the first and last run within it."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    start, end = span
    spans = draft.paragraphs
    lo = bisect.bisect_right([b for _, b in spans], start)
    hi = bisect.bisect_left([a for a, _ in spans], end)
    touched = [k for k in range(lo, hi) if spans[k][0] < spans[k][1]]
    if not touched:
        raise InvalidInputError(
            f"row {number} ({draft.text[start:end]!r}) lies outside every paragraph of {draft.name}"
        )
    i, j = touched[0], touched[-1]
    # the end first: splitting there leaves the run that begins at the start in place
    last = _split_before(paragraphs[j], min(end, spans[j][1]) - spans[j][0])
    first = _split_after(paragraphs[i], max(start, spans[i][0]) - spans[i][0])
    return (
        Run(first, Paragraph(paragraphs[i], document)),
        Run(last, Paragraph(paragraphs[j], document)),
    )


def _located(p: BaseOxmlElement) -> Iterator[tuple[BaseOxmlElement, int, int]]:
    """Yield each run of a paragraph that has text, with its span in the paragraph."""
    offset = 0
    for r in _runs(p):
        size = len(_run_text(r))
        if size:
            yield r, offset, offset + size
            offset += size


def _split_before(p: BaseOxmlElement, end: int) -> BaseOxmlElement:
    """Make a run end at ``end`` of the paragraph's text; return that run."""
    for r, a, b in _located(p):
        if a < end <= b:
            return r if end == b else _split(r, end - a)
    raise AssertionError("an offset within a paragraph lies in one of its runs")


def _split_after(p: BaseOxmlElement, start: int) -> BaseOxmlElement:
    """Make a run begin at ``start`` of the paragraph's text; return that run."""
    for r, a, b in _located(p):
        if a <= start < b:
            if start > a:
                _split(r, start - a)
            return r
    raise AssertionError("an offset within a paragraph lies in one of its runs")


def _split(r: BaseOxmlElement, k: int) -> BaseOxmlElement:
    """Move the first ``k`` characters of run ``r`` into a new run before it; return that.

    The new run has a copy of the run's attributes and formatting (``w:rPr``); a text
    element holding the cut is split in two.
    """
    left: BaseOxmlElement = r.makeelement(r.tag, dict(r.attrib))
    properties = r.find(f"{_W}rPr")
    if properties is not None:
        left.append(copy.deepcopy(properties))
    seen = 0
    for child in list(r):
        if seen >= k:
            break
        if child is properties:
            continue
        size = len(_piece(child))
        if seen + size <= k:
            left.append(child)  # moves it
        else:  # a w:t holding the cut
            cut = k - seen
            head = copy.deepcopy(child)
            head.text, child.text = child.text[:cut], child.text[cut:]
            for part in (head, child):
                part.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            left.append(head)
        seen += size
    r.addprevious(left)
    return left


_PERCENT_UNITS = {Unit.SHARE, Unit.RELATIVE_CHANGE, Unit.RATE}


def _comment(row: Mapping[Any, Any]) -> str:
    """Return the comment on one row: status, value of the data, link, note."""
    text = str(row["status"]).replace("_", " ")
    computed = _value(row.get("computed"), str(row.get("unit") or ""))
    if computed:
        text += f": de data geven {computed}"
    linked = _words(row.get("linked_to"))
    if linked:
        text += f" ({linked.replace(':', ' ', 1)})"
    note = _words(row.get("note"))
    if note:
        text += f" — {note}"
    return text


def _words(value: Any) -> str:
    """Return a cell as text; a missing value as ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _value(value: Any, unit: str) -> str:
    """Return the computed value in Dutch notation, a share as a percentage."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return _words(value)  # text (an interval, a value already written) as it is
    number = float(value)
    if math.isnan(number):
        return ""
    if unit in _PERCENT_UNITS:
        return f"{format_number(number * 100)}%"
    return format_number(number)
