r"""Reading a draft from a file (plain text, Markdown, Word, PDF) and writing comments back.

Every reader gives a `Draft` whose text is what a reader of the file sees, line by line:

- plain text and Markdown as they are (line ends made ``"\n"``);
- a Word document (.docx) one line per paragraph, and one line per table row with its
  cells joined by a space (the line of numbers a PDF of the table gives): the body (its
  text boxes included), then the footnotes and endnotes, then the headers and footers;
  the span of every paragraph is kept in ``Draft.paragraphs``, so that
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
import itertools
import math
import numbers
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._notation import format_number
from .._readers import LIMITS, UnreadableFileError, ZipKind, check_archive, read_text
from .._units import Unit
from .._writers import check_target, staged
from ..errors import InvalidInputError
from ._draft import CheckStatus, Draft, DraftKind

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.opc.part import Part
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
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
"""The copy of a shape (a text box) that Word shows only when it cannot show the other."""
_P, _TBL, _TR, _TC, _R = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}r"
_TXBX = f"{_W}txbxContent"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
"""Elements that wrap blocks, rows or cells without being one (content controls)."""
_HIDDEN = frozenset({f"{_W}del", f"{_W}moveFrom", _FALLBACK})
"""Wrappers of runs that Word does not show as text (deleted, moved away, a fallback)."""
_RUN_TEXT = frozenset(
    {f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"}
)
"""The children of a run that python-docx turns into text (`Run.text`)."""
_NOTE_REFERENCE = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
"""The reference to a note in the body: Word shows the note's mark there."""
_NOTE_MARK = {f"{_W}footnoteRef": "footnote", f"{_W}endnoteRef": "endnote"}
"""The place in a note where Word shows its mark."""
_NOTES = {
    "footnote": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
        "voetnoot",
        "decimal",
    ),
    "endnote": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
        "eindnoot",
        "lowerRoman",
    ),
}
"""Each kind of note: the relationship of its part, its Dutch name, its default numbering."""
_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
_HEADERS = ((f"{_W}headerReference", "de koptekst"), (f"{_W}footerReference", "de voettekst"))
_PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})
"""Fields whose result is a page number or a count of pages: page furniture."""
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

Marks = Mapping[tuple[str, str], str]
"""The mark Word shows for each note, by (kind, ``w:id``): ``("footnote", "2") -> "¹"``."""


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a Word draft: its paragraphs and where a comment on it goes.

    ``place`` is "" for a line of the body (a text box's included), where a comment is
    anchored on the characters themselves; else it says where the line stands ("voetnoot
    1", "de koptekst"), and a comment goes on the run of ``reference`` (the body's
    reference to the note) or on the body's first run.
    """

    paragraphs: list[BaseOxmlElement]
    place: str = ""
    reference: BaseOxmlElement | None = None
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class _Reading:
    """What `read_docx` reads of a document: the draft's text and the lines it came from."""

    text: str
    spans: tuple[tuple[int, int], ...]
    furniture: tuple[tuple[int, int], ...]
    paragraphs: list[BaseOxmlElement]
    """The paragraph of each span of ``spans``, in the same order."""
    lines: list[_Line]
    """The line of each paragraph."""
    marks: Marks


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


def _hidden(element: BaseOxmlElement, stop: BaseOxmlElement) -> bool:
    """Whether an element below ``stop`` lies in a deletion or a fallback copy."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def _text_boxes(p: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """Yield the text boxes anchored in a paragraph, once each (not a fallback copy).

    A text box inside another is not yielded: it is read with the paragraph of the
    other that anchors it.
    """
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p:
            if parent.tag in _HIDDEN or parent.tag == _TXBX:
                break
            parent = parent.getparent()
        else:
            yield box


def _story_lines(
    story: BaseOxmlElement, place: str = "", reference: BaseOxmlElement | None = None
) -> Iterator[_Line]:
    """Yield the lines of a body, note, header, footer or text box: a paragraph, a table row.

    Each cell is taken once, however many grid columns it spans (python-docx's
    ``row.cells`` repeats a merged cell). The paragraphs of a text box follow the line
    whose paragraph anchors it, a line each.
    """
    for block in _children(story, (_P, _TBL)):
        if block.tag == _P:
            rows = [[block]]
        else:
            rows = [
                [p for tc in _children(tr, (_TC,)) for p in _cell_paragraphs(tc)]
                for tr in _children(block, (_TR,))
            ]
        for paragraphs in rows:
            yield _Line(paragraphs, place, reference)
            for p in paragraphs:
                for box in _text_boxes(p):
                    yield from _story_lines(box, place, reference)


def _runs(p: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Return the runs whose text a paragraph shows, in order.

    Runs directly in the paragraph and those in a hyperlink, a tracked insertion, a
    field or a content control; not a deleted run, nor one of a fallback copy, nor one
    of a text box (which has a paragraph of its own).
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


def _piece(child: BaseOxmlElement, marks: Marks) -> str:
    """Return the text of one child of a run as Word shows it ("" for others).

    Text, tabs and breaks as python-docx gives them; a note's reference (in the body)
    and its mark (in the note) as the note's mark.
    """
    tag = child.tag
    if tag in _RUN_TEXT:
        return str(child)
    if tag in _NOTE_REFERENCE:
        return marks.get((_NOTE_REFERENCE[tag], child.get(f"{_W}id", "")), "")
    if tag in _NOTE_MARK:
        kind = _NOTE_MARK[tag]
        note = next(child.iterancestors(f"{_W}{kind}"), None)
        return "" if note is None else marks.get((kind, note.get(f"{_W}id", "")), "")
    return ""


def _run_text(r: BaseOxmlElement, marks: Marks) -> str:
    return "".join(_piece(child, marks) for child in r)


def _paragraph_text(p: BaseOxmlElement, marks: Marks) -> str:
    """Return the text of a paragraph on one line: a line break in it is a space."""
    text = "".join(_run_text(r, marks) for r in _runs(p))
    return text.replace("\r", " ").replace("\n", " ")


def _page_numbers(p: BaseOxmlElement, marks: Marks) -> Iterator[tuple[int, int]]:
    """Yield the spans in a paragraph's text of the results of page-number fields."""
    offset = 0
    fields: list[list[Any]] = []  # open complex fields: [instruction, in its result]
    for r in _runs(p):
        simple = next((f for f in r.iterancestors(f"{_W}fldSimple")), None)
        in_simple = simple is not None and _is_page_field(simple.get(f"{_W}instr", ""))
        for child in r:
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    fields.append(["", False])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif child.tag == f"{_W}instrText" and fields and not fields[-1][1]:
                fields[-1][0] += child.text or ""
            size = len(_piece(child, marks))
            if size and (in_simple or any(done and _is_page_field(i) for i, done in fields)):
                yield offset, offset + size
            offset += size


def _is_page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _PAGE_FIELDS


def _related(document: DocxDocument, reltype: str) -> Part | None:
    """Return the part the main document relates to by ``reltype``; None without one."""
    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            part: Part = rel.target_part
            return part
    return None


def _element(part: Part) -> BaseOxmlElement:
    """Return the root element of an XML part, parsing it when python-docx has not."""
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    if isinstance(part, XmlPart):
        element: BaseOxmlElement = part.element
        return element
    try:
        return parse_xml(part.blob)
    except SyntaxError as exc:  # lxml's XMLSyntaxError
        raise UnreadableFileError(f"its part {part.partname} is damaged XML ({exc})") from None


def _mark(number: int, numbering: str) -> str:
    """Return the ``number``-th note mark as Word numbers it ("1", "iv", "b", "†")."""
    if numbering in {"lowerRoman", "upperRoman"} and number > 0:
        roman = ""
        for value, letters in (
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ):  # fmt: skip
            count, number = divmod(number, value)
            roman += letters * count
        return roman.upper() if numbering == "upperRoman" else roman
    if numbering in {"lowerLetter", "upperLetter"} and number > 0:
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters.upper() if numbering == "upperLetter" else letters
    if numbering == "chicago" and number > 0:
        return "*†‡§"[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)


def _numbering(document: DocxDocument, kind: str) -> tuple[str, int]:
    """Return how the notes of a kind are numbered: the format and the first number.

    The document's settings, overridden by those of its last section.
    """
    numbering, first = _NOTES[kind][2], 1
    settings = _related(document, _SETTINGS)
    sources = [None if settings is None else _element(settings)]
    sources.append(document.element.body.find(f"{_W}sectPr"))
    for source in sources:
        properties = None if source is None else source.find(f"{_W}{kind}Pr")
        if properties is None:
            continue
        style = properties.find(f"{_W}numFmt")
        if style is not None and style.get(f"{_W}val"):
            numbering = str(style.get(f"{_W}val"))
        start = properties.find(f"{_W}numStart")
        if start is not None and str(start.get(f"{_W}val", "")).isdecimal():
            first = int(str(start.get(f"{_W}val")))
    return numbering, first


def _references(
    document: DocxDocument,
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], BaseOxmlElement]]:
    """Return the mark Word shows for each note, and its reference in the body.

    Notes are numbered in the order of their references; a reference with a mark of its
    own (``w:customMarkFollows``, the mark its run's text) takes no number.
    """
    body = document.element.body
    numbering = {kind: _numbering(document, kind) for kind in _NOTES}
    counts = dict.fromkeys(_NOTES, 0)
    marks: dict[tuple[str, str], str] = {}
    references: dict[tuple[str, str], BaseOxmlElement] = {}
    for reference in body.iter(*_NOTE_REFERENCE):
        kind = _NOTE_REFERENCE[reference.tag]
        key = (kind, str(reference.get(f"{_W}id", "")))
        if key in references or _hidden(reference, body):
            continue
        references[key] = reference
        if reference.get(f"{_W}customMarkFollows") not in {"1", "true", "on"}:
            style, first = numbering[kind]
            marks[key] = _mark(first + counts[kind], style)
            counts[kind] += 1
    return marks, references


def _note_lines(
    document: DocxDocument,
    marks: Marks,
    references: Mapping[tuple[str, str], BaseOxmlElement],
) -> Iterator[_Line]:
    """Yield the lines of the footnotes, then of the endnotes, in the order of reference.

    A note whose text holds no mark of its own gets its mark before its first line.
    """
    for kind, (reltype, name, _) in _NOTES.items():
        part = _related(document, reltype)
        if part is None:
            continue
        notes = {
            str(note.get(f"{_W}id", "")): note
            for note in _element(part).iterchildren(f"{_W}{kind}")
            if note.get(f"{_W}type", "normal") == "normal"
        }
        for (of, number), reference in references.items():
            if of != kind or number not in notes:
                continue
            mark = marks.get((kind, number), "")
            shown = mark or _run_text(reference.getparent(), marks).strip()
            label = f"{name} {shown.translate(_PLAIN)}".strip()
            lines = list(_story_lines(notes[number], label, reference))
            own = any(not _hidden(m, notes[number]) for m in notes[number].iter(f"{_W}{kind}Ref"))
            if lines and mark and not own:
                lines[0] = replace(lines[0], prefix=f"{mark} ")
            yield from lines


def _header_lines(document: DocxDocument) -> Iterator[_Line]:
    """Yield the lines of the headers, then the footers, of each section; each part once."""
    seen: set[str] = set()
    for section in document.element.xpath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr"):
        for tag, place in _HEADERS:
            for reference in section.iterchildren(tag):
                part = document.part.related_parts.get(str(reference.get(_R_ID, "")))
                if part is None or str(part.partname) in seen:
                    continue
                seen.add(str(part.partname))
                yield from _story_lines(_element(part), place)


def _docx_reading(document: DocxDocument, path: Path) -> _Reading:
    """Read a document's text as `read_docx` gives it, with the lines it came from."""
    try:
        marks, references = _references(document)
        superscript = {key: mark.translate(_SUPERSCRIPT) for key, mark in marks.items()}
        lines = [
            *_story_lines(document.element.body),
            *_note_lines(document, superscript, references),
            *_header_lines(document),
        ]
    except UnreadableFileError as exc:
        raise UnreadableFileError(
            f"{path} is not a Word document that can be read: {exc}"
        ) from None
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    furniture: list[tuple[int, int]] = []
    paragraphs: list[BaseOxmlElement] = []
    owners: list[_Line] = []
    offset = 0
    for line in lines:
        text = line.prefix
        for p in line.paragraphs:
            piece = _paragraph_text(p, superscript)
            if piece and len(text) > len(line.prefix):
                text += " "
            start = offset + len(text)
            spans.append((start, start + len(piece)))
            furniture.extend((start + a, start + b) for a, b in _page_numbers(p, superscript))
            paragraphs.append(p)
            owners.append(line)
            text += piece
        texts.append(text)
        offset += len(text) + 1
    return _Reading(
        "\n".join(texts), tuple(spans), _merged(furniture), paragraphs, owners, superscript
    )


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Return spans with those that touch joined into one."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return tuple(merged)


_DOCX = ZipKind(
    "Word document", "a Word document (.docx)", "saved as .docx rather than .doc, .rtf or text"
)


def _check_zip(path: Path) -> None:
    """Refuse a file that is not a zip archive or that unpacks beyond the limits."""
    try:
        check_archive(path, LIMITS, _DOCX)
    except UnreadableFileError as exc:
        raise UnreadableFileError(f"{path} {exc}") from None


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
    """Read a Word document (.docx): every text a reader sees, a line per paragraph or table row.

    The text is read in this order:

    1. the body: each paragraph (its runs joined, as Word shows it: a tracked insertion
       included, a deletion not, a line break as a space) is one line; each table row
       is one line, the text of its cells joined by a single space, as a PDF gives a
       table. The paragraphs of a text box (a shape or drawing holding text) are read
       where the text box stands: a line each, right after the line of the paragraph
       that anchors it (its fallback copy for older programs is not read again);
    2. the footnotes, then the endnotes, in the order of their references: each note's
       lines begin with its mark as Word shows it, and the body shows the mark where
       the note is referred to. The mark of a numbered note is written in superscript
       digits ("uit.¹" in the body, "¹ Waarbij 210 ..." in the note), as Word prints
       it, so that it is neither read as a number nor joined to a number before it
       ("1.238¹" stays 1.238); the separators and notes no reference points to, which
       Word does not show, are not read;
    3. the headers, then the footers, of each section, each part once (a section that
       repeats the previous one's header adds nothing). The result of a page-number
       field (PAGE, NUMPAGES, SECTIONPAGES) is page furniture (``Draft.furniture``).

    Parameters
    ----------
    path : Path
        The document.

    Returns
    -------
    Draft
        With ``kind`` DOCX and ``paragraphs`` the span of every paragraph in the text, in
        the order above (an empty paragraph or cell has an empty span; a note's mark put
        before its first line is in no paragraph).

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
    >>> document.sections[0].footer.paragraphs[0].text = "Bijlage bij 3 brieven"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     document.save(Path(folder) / "concept.docx")
    ...     draft = read_docx(Path(folder) / "concept.docx")
    >>> draft.text.splitlines()
    ['In 2022 waren het 1.238', '81%', 'Bijlage bij 3 brieven']
    >>> [draft.text[start:end] for start, end in draft.paragraphs]
    ['In 2022 waren het 1.238', '', '81%', 'Bijlage bij 3 brieven']
    """
    document = _open_docx(path)
    reading = _docx_reading(document, path)
    return Draft(
        reading.text,
        name=path.name,
        kind=DraftKind.DOCX,
        paragraphs=reading.spans,
        furniture=reading.furniture,
    )


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

    The comment's marks stand outside tracked changes: when a number begins or ends in
    a tracked insertion (or a move), the insertion is split there into two of the same
    author and date, and the start of the comment's range is put before the part
    holding the number, its end and the comment's reference after it. Rejecting the
    change then removes the number's text, not the comment's anchor.

    A comment can stand only in the body (a text box's included). A number in a footnote
    or an endnote gets its comment on the note's reference mark in the body; one in a
    header or a footer on the first run of the body; the comment then begins by saying
    where the number stands and which it is ('in voetnoot 1, bij "210": ...', 'in de
    koptekst, bij "12": ...').

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
    reading = _docx_reading(document, source)
    if reading.text != draft.text or reading.spans != draft.paragraphs:
        raise InvalidInputError(
            f"the draft {draft.name} is not the text of {source}: read the draft from that "
            "document (read_docx) and check it again"
        )
    initials = "".join(part[0] for part in re.split(r"[\s_-]+", author) if part).upper()
    fresh = _fresh_ids(document)
    written = 0
    for number, row in enumerate(rows.to_dict("records"), 1):
        if str(row["status"]) in CLEAN_STATUSES:
            continue
        start, end = _span(row, number, len(draft.text))
        touched = _touched(draft, (start, end), number)
        line = reading.lines[touched[0]]
        comment = _comment(row)
        if line.place:
            first = last = _elsewhere(document, line)
            comment = f'in {line.place}, bij "{draft.text[start:end]}": {comment}'
        else:
            first, last = _anchor(document, reading, touched, (start, end))
        document.add_comment([first, last], text=comment, author=author, initials=initials)
        _out_of_changes(first.element, last.element, fresh)
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


def _touched(draft: Draft, span: tuple[int, int], number: int) -> list[int]:
    """Return the indices of the paragraphs with text that a span overlaps."""
    start, end = span
    spans = draft.paragraphs
    lo = bisect.bisect_right([b for _, b in spans], start)
    hi = bisect.bisect_left([a for a, _ in spans], end)
    touched = [k for k in range(lo, hi) if spans[k][0] < spans[k][1]]
    if not touched:
        raise InvalidInputError(
            f"row {number} ({draft.text[start:end]!r}) lies outside every paragraph of {draft.name}"
        )
    return touched


def _anchor(
    document: DocxDocument,
    reading: _Reading,
    touched: list[int],
    span: tuple[int, int],
) -> tuple[Run, Run]:
    """Split runs at the edges of ``span``; return the first and last run within it."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    start, end = span
    spans, marks = reading.spans, reading.marks
    i, j = touched[0], touched[-1]
    p_i, p_j = reading.paragraphs[i], reading.paragraphs[j]
    # the end first: splitting there leaves the run that begins at the start in place
    last = _split_before(p_j, min(end, spans[j][1]) - spans[j][0], marks)
    first = _split_after(p_i, max(start, spans[i][0]) - spans[i][0], marks)
    return Run(first, Paragraph(p_i, document)), Run(last, Paragraph(p_j, document))


_TRACKED = frozenset({f"{_W}ins", f"{_W}del", f"{_W}moveTo", f"{_W}moveFrom"})
"""The tracked changes of runs: rejecting (or accepting) one removes what it holds."""


def _fresh_ids(document: DocxDocument) -> Iterator[int]:
    """Yield ``w:id`` values no element of the document's body has yet."""
    used = [0]
    for element in document.element.body.iter():
        value = element.get(f"{_W}id") if isinstance(element.tag, str) else None
        if value is not None and value.isdecimal():
            used.append(int(value))
    return itertools.count(max(used) + 1)


def _out_of_changes(first: BaseOxmlElement, last: BaseOxmlElement, fresh: Iterator[int]) -> None:
    """Move a comment's range marks and reference run out of the tracked changes they are in.

    python-docx puts ``w:commentRangeStart`` right before the ``first`` run and
    ``w:commentRangeEnd`` and the run of the ``w:commentReference`` right after the
    ``last``. When those stand in a tracked change (a ``w:ins``, a ``w:moveTo``), that
    change is split at them, each level of changes down to them, into two of the same
    kind, author and date (a fresh ``w:id`` for the new one); the marks then stand
    between the two parts, outside every change, and still enclose the same text.
    """
    start = first.getprevious()
    if start is not None and start.tag == f"{_W}commentRangeStart":
        piece, parent = start, start.getparent()
        while parent is not None and parent.tag in _TRACKED:
            if piece.getprevious() is not None:  # keep what precedes in the change
                rest = _split_change(parent, piece, fresh)
                parent.addnext(rest)
                piece, parent = rest, rest.getparent()
            else:
                piece, parent = parent, parent.getparent()
        if piece is not start:
            piece.addprevious(start)
    end = last.getnext()
    reference = None if end is None else end.getnext()
    if end is not None and reference is not None and end.tag == f"{_W}commentRangeEnd":
        piece, parent = reference, reference.getparent()
        while parent is not None and parent.tag in _TRACKED:
            after = piece.getnext()
            if after is not None:  # keep what follows in a change of its own
                parent.addnext(_split_change(parent, after, fresh))
            piece, parent = parent, parent.getparent()
        if piece is not reference:
            piece.addnext(reference)
            piece.addnext(end)


def _split_change(
    change: BaseOxmlElement, child: BaseOxmlElement, fresh: Iterator[int]
) -> BaseOxmlElement:
    """Move ``child`` and what follows it in ``change`` into a copy of it; return the copy."""
    copied: BaseOxmlElement = change.makeelement(change.tag, dict(change.attrib))
    copied.set(f"{_W}id", str(next(fresh)))
    moving = [child]
    while moving[-1].getnext() is not None:
        moving.append(moving[-1].getnext())
    for element in moving:
        copied.append(element)  # moves it
    return copied


def _elsewhere(document: DocxDocument, line: _Line) -> Run:
    """Return the body's run a comment on a line outside the body goes on.

    The run of the note's reference mark for a note; else the first run of the body's
    first paragraph (an empty run made there when it has none).
    """
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    reference = line.reference
    if reference is not None:
        run = reference.getparent()
        paragraph = next(run.iterancestors(_P), None)
        if run.tag == _R and paragraph is not None:
            return Run(run, Paragraph(paragraph, document))
    p = next(document.element.body.iter(_P), None)
    if p is None:
        return document.add_paragraph().add_run()
    runs = _runs(p)
    if not runs:
        return Paragraph(p, document).add_run()
    return Run(runs[0], Paragraph(p, document))


def _located(p: BaseOxmlElement, marks: Marks) -> Iterator[tuple[BaseOxmlElement, int, int]]:
    """Yield each run of a paragraph that has text, with its span in the paragraph."""
    offset = 0
    for r in _runs(p):
        size = len(_run_text(r, marks))
        if size:
            yield r, offset, offset + size
            offset += size


def _split_before(p: BaseOxmlElement, end: int, marks: Marks) -> BaseOxmlElement:
    """Make a run end at ``end`` of the paragraph's text; return that run."""
    for r, a, b in _located(p, marks):
        if a < end <= b:
            return r if end == b else _split(r, end - a, marks)
    raise AssertionError("an offset within a paragraph lies in one of its runs")


def _split_after(p: BaseOxmlElement, start: int, marks: Marks) -> BaseOxmlElement:
    """Make a run begin at ``start`` of the paragraph's text; return that run."""
    for r, a, b in _located(p, marks):
        if a <= start < b:
            if start > a:
                _split(r, start - a, marks)
            return r
    raise AssertionError("an offset within a paragraph lies in one of its runs")


def _split(r: BaseOxmlElement, k: int, marks: Marks) -> BaseOxmlElement:
    """Move the first ``k`` characters of run ``r`` into a new run before it; return that.

    The new run has a copy of the run's attributes and formatting (``w:rPr``); a text
    element holding the cut is split in two (a note's mark of two digits is not: it
    stays whole in the new run).
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
        size = len(_piece(child, marks))
        if seen + size <= k or child.tag != f"{_W}t":
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
