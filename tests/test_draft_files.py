"""Reading a draft from Word, PDF, text and Markdown files, and commenting a Word draft."""

from __future__ import annotations

import copy
import math
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
import pandas as pd
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

from ondermijning_indicators._readers import Limits, UnreadableFileError
from ondermijning_indicators.drafts import CHECK_COLUMNS, Draft, DraftKind, _files
from ondermijning_indicators.drafts._files import (
    read_docx,
    read_draft,
    read_pdf,
    write_docx_comments,
)
from ondermijning_indicators.errors import InvalidInputError, OutputExistsError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

DOCX_LINES = [
    "Straffen voor ondermijning",
    "In 2022 waren het 1.238 vrijheidsstraffen, 81% van de schuldigverklaringen.",
    "Het totaal was 1.238 zaken in 2021.",
    "Een stijging van 12,5% ten opzichte van 2021.",
    "2020 2021 2022",
    "1.100 1.200 1.238",
    "totaal 3.538",
    "Slot: 3 van de 4 doelen gehaald.",
]


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Straffen voor ondermijning", level=1)
    first = document.add_paragraph("In 2022 waren het ")
    first.add_run("1.238 vrijheidsstraffen, ")
    first.add_run("81% van de schuldigverklaringen.")
    split = document.add_paragraph("Het totaal was ")
    split.add_run("1.2").bold = True  # one number in two runs, formatted differently
    split.add_run("38")
    split.add_run(" zaken in 2021.")
    inside = document.add_paragraph("Een stijging ")
    inside.add_run("van 12,5% ten").bold = True  # a number inside a bold run
    inside.add_run(" opzichte van 2021.")
    table = document.add_table(rows=3, cols=3)
    cells = [["2020", "2021", "2022"], ["1.100", "1.200", "1.238"], ["totaal", "", "3.538"]]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    document.add_paragraph("Slot: 3 van de 4 doelen gehaald.")
    document.save(str(path))
    return path


def paragraph_texts(document: DocxDocument) -> list[str]:
    """Every paragraph's text by python-docx itself, body and table cells in order."""
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            assert isinstance(block, Table)
            texts.extend(p.text for row in block.rows for c in row.cells for p in c.paragraphs)
    return texts


# --------------------------------------------------------------------------- Word


def test_docx_text_is_a_line_per_paragraph_and_per_table_row(tmp_path: Path) -> None:
    draft = read_docx(make_docx(tmp_path / "concept.docx"))
    assert draft.text.split("\n") == DOCX_LINES
    assert (draft.name, draft.kind, draft.page_starts, draft.furniture) == (
        "concept.docx",
        DraftKind.DOCX,
        (),
        (),
    )


def test_docx_paragraph_spans_hold_each_paragraph_in_document_order(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "concept.docx")
    draft = read_docx(path)
    expected = paragraph_texts(docx.Document(str(path)))
    assert [draft.text[a:b] for a, b in draft.paragraphs] == expected
    assert "" in expected  # the empty cell has an empty span, and shadows no other
    starts = [a for a, _ in draft.paragraphs]
    assert starts == sorted(starts)
    cell = draft.text.index("1.238", draft.text.index("1.200"))
    assert draft.paragraph(cell) == expected.index("1.238")
    assert draft.paragraph(draft.text.index("81%")) == 1
    assert draft.paragraph(draft.text.index("3.538")) == expected.index("3.538")
    assert draft.paragraph(draft.text.index("\n")) is None
    assert draft.line(draft.text.index("12,5%")) == 4


def test_docx_merged_cell_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Totaal 2022"
    table.cell(0, 2).text = "1.238"
    document.save(str(tmp_path / "m.docx"))
    draft = read_docx(tmp_path / "m.docx")
    assert draft.text == "Totaal 2022 1.238"
    assert [draft.text[a:b] for a, b in draft.paragraphs] == ["Totaal 2022", "1.238"]


def test_docx_line_break_in_a_paragraph_keeps_it_one_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1.238 straffen\nin 2022")  # python-docx writes a <w:br/>
    document.add_paragraph("Slot.")
    document.save(str(tmp_path / "br.docx"))
    draft = read_docx(tmp_path / "br.docx")
    assert draft.text.split("\n") == ["1.238 straffen in 2022", "Slot."]


# ------------------------------------------- Word: notes, text boxes, headers, footers

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
BOX_TEXT = (
    "Van de 1.238 strafzaken legde de rechter in 999 gevallen, ofwel in 91% een vrijheidsstraf op."
)
FOOTNOTE = "Waarbij 1.238 verdachten schuldig werden bevonden en 210 werden vrijgesproken."
ENDNOTE = "Bron: CBS, 44 zaken."


def box_run(text: str) -> str:
    """A run holding a text box as Word writes it: a shape, and a VML copy as fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline><wp:extent cx="2879725" cy="1080135"/><wp:docPr id="9" name="kader"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>"
        f"{content}</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def notes_xml(kind: str, notes: dict[int, str]) -> bytes:
    """A footnotes or endnotes part: Word's two separators, then the notes."""
    separators = "".join(
        f'<w:{kind} w:type="{t}" w:id="{k}"><w:p><w:r><w:{t}/></w:r></w:p></w:{kind}>'
        for k, t in enumerate(("separator", "continuationSeparator"), -1)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {NS}>'
        + separators
        + "".join(f'<w:{kind} w:id="{k}">{body}</w:{kind}>' for k, body in notes.items())
        + f"</w:{kind}s>"
    ).encode()


def add_notes(document: DocxDocument, kind: str, notes: dict[int, str]) -> None:
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    content_type = getattr(CONTENT_TYPE, f"WML_{kind.upper()}S")
    reltype = getattr(RELATIONSHIP_TYPE, f"{kind.upper()}S")
    part = Part(
        PackURI(f"/word/{kind}s.xml"), content_type, notes_xml(kind, notes), document.part.package
    )
    document.part.relate_to(part, reltype)


def add_reference(paragraph: Paragraph, kind: str, number: int) -> None:
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:{kind}Reference {NS} w:id="{number}"/>'))


def make_docx_with_notes(path: Path) -> Path:
    """A draft with a footnote, an endnote, a text box, a header and a page number."""
    document = docx.Document()
    first = document.add_paragraph("In 2022 sprak de rechter in 1.543 zaken een vonnis uit.")
    add_reference(first, "footnote", 1)
    boxed = document.add_paragraph("Gewone tekst met 5 zaken.")
    boxed._p.append(parse_xml(box_run(BOX_TEXT)))
    last = document.add_paragraph("Slot met een eindnoot.")
    add_reference(last, "endnote", 1)
    # the footnote shows its own mark (w:footnoteRef); the endnote has none
    add_notes(
        document,
        "footnote",
        {1: f'<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {FOOTNOTE}'
         "</w:t></w:r></w:p>"},
    )  # fmt: skip
    add_notes(document, "endnote", {1: f"<w:p><w:r><w:t>{ENDNOTE}</w:t></w:r></w:p>"})
    section = document.sections[0]
    section.header.paragraphs[0].text = "Rapportage 2023: 37 gemeenten"
    footer = section.footer.paragraphs[0]
    footer.text = "Pagina "
    footer._p.append(
        parse_xml(f'<w:fldSimple {NS} w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>')
    )
    # a second section that refers to the first one's header again: read once
    document.add_section()
    reference = document.sections[0]._sectPr.find(f"{W}headerReference")
    document.sections[1]._sectPr.insert(0, copy.deepcopy(reference))
    document.save(str(path))
    return path


NOTES_LINES = [
    "In 2022 sprak de rechter in 1.543 zaken een vonnis uit.¹",
    "Gewone tekst met 5 zaken.",
    BOX_TEXT,  # the text box, once (not its fallback copy), after its paragraph
    "Slot met een eindnoot.i",  # an endnote is numbered i, ii, ... as in Word
    "",  # the empty paragraph that ends the first section
    f"¹ {FOOTNOTE}",
    f"i {ENDNOTE}",  # the endnote shows no mark of its own: it is put before it
    "Rapportage 2023: 37 gemeenten",
    "Pagina 3",
]


def test_docx_reads_notes_text_boxes_headers_and_footers(tmp_path: Path) -> None:
    path = make_docx_with_notes(tmp_path / "noten.docx")
    draft = read_docx(path)
    assert draft.text.split("\n") == NOTES_LINES
    # every line is a paragraph's span, but for the endnote's mark put before it
    spans = [draft.text[a:b] for a, b in draft.paragraphs]
    assert spans == [*NOTES_LINES[:6], ENDNOTE, *NOTES_LINES[7:]]
    page = draft.text.rindex("3")
    assert draft.furniture == ((page, page + 1),)  # the result of the PAGE field


def test_docx_number_in_a_footnote_and_a_text_box_gets_a_row(tmp_path: Path) -> None:
    import ondermijning_indicators as oi

    path = make_docx_with_notes(tmp_path / "noten.docx")
    rows = oi.check(path, previous=None)
    draft = read_docx(path)
    lines = draft.text.split("\n")
    found = {
        (str(phrase), lines[int(line) - 1]): str(status)
        for phrase, line, status in rows[["phrase", "line", "status"]].itertuples(index=False)
    }
    assert ("210", f"¹ {FOOTNOTE}") in found
    assert ("91%", BOX_TEXT) in found
    assert ("37", "Rapportage 2023: 37 gemeenten") in found
    assert ("44", f"i {ENDNOTE}") in found
    assert {s for (_, line), s in found.items() if line == "Pagina 3"} == {"not_a_figure"}
    assert not [p for p, _ in found if p in {"1", "¹"}]  # a note's mark is not a number


def test_write_docx_comments_outside_the_body(tmp_path: Path) -> None:
    source = make_docx_with_notes(tmp_path / "noten.docx")
    draft = read_docx(source)
    rows = check_rows(
        draft,
        [
            ("210", 0, "discrepancy", 211.0, "count", "record:vrijspraken", ""),
            ("91%", 0, "discrepancy", 0.9, "share (0-1)", "", ""),
            ("37", 0, "not_checked", math.nan, "count", "", ""),
            ("44", 0, "not_checked", math.nan, "count", "", ""),
        ],
    )
    out = tmp_path / "opmerkingen.docx"
    assert write_docx_comments(source, draft, rows, out) == 4
    written = docx.Document(str(out))
    comments = list(written.comments)
    assert [c.text for c in comments] == [
        'in voetnoot 1, bij "210": discrepancy: de data geven 211 (record vrijspraken)',
        "discrepancy: de data geven 90%",
        'in de koptekst, bij "37": not checked',
        'in eindnoot i, bij "44": not checked',
    ]
    ranges = comment_ranges(written)
    assert ranges[comments[1].comment_id] == "91%"  # in the text box, on the number
    assert ranges[comments[2].comment_id] == written.paragraphs[0].runs[0].text
    # a note's comment is on the run of its reference mark in the body
    for comment, kind in ((comments[0], "footnote"), (comments[3], "endnote")):
        start = written.element.body.find(f".//{W}commentRangeStart[@{W}id='{comment.comment_id}']")
        run = start.getnext()
        assert run.find(f"{W}{kind}Reference") is not None
    assert (read_docx(out).text, read_docx(out).paragraphs) == (draft.text, draft.paragraphs)
    with pytest.raises(InvalidInputError, match="is not the text of"):
        write_docx_comments(
            source, read_docx(make_docx(tmp_path / "ander.docx")), rows, tmp_path / "x.docx"
        )


def test_docx_with_damaged_footnotes_is_refused(tmp_path: Path) -> None:
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_paragraph("In 2022 waren het 1.238.")
    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        b"<w:footnotes",
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(tmp_path / "kapot.docx"))
    message = refusal(tmp_path / "kapot.docx")
    assert "/word/footnotes.xml is damaged XML" in message
    assert message.startswith(str(tmp_path / "kapot.docx"))


@pytest.mark.parametrize(
    ("number", "numbering", "mark"),
    [
        (4, "decimal", "4"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (28, "lowerLetter", "bb"),
        (6, "chicago", "††"),
        (3, "ordinal", "3"),  # a format not known: a number
    ],
)
def test_note_marks_as_word_numbers_them(number: int, numbering: str, mark: str) -> None:
    assert _files._mark(number, numbering) == mark


# --------------------------------------------------------------------------- PDF

HEADER = "Voortgangsrapportage ondermijning"
PDF_PAGES = [
    [
        "In 2022 waren het 1.238 vrijheidsstraffen, 81% van de",
        "schuldigverklaringen.",  # a sentence broken over two lines
        "42",  # a lone number that is not at a page's edge: a figure, not furniture
    ],
    ["Tabel 2", "2020 2021 2022", "1.100 1.200 1.238"],
    ["Het aantal steeg met 12,5%."],
    ["Slot: 3 van de 4 doelen gehaald."],
]


def make_pdf(path: Path, pages: list[list[str]] = PDF_PAGES) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_xy(10, 10)
        pdf.cell(0, 8, HEADER)
        for k, line in enumerate(lines):
            pdf.set_xy(10, 30 + 8 * k)
            pdf.cell(0, 8, line)
        pdf.set_xy(10, 280)
        pdf.cell(0, 8, str(number), align="C")
    pdf.output(str(path))
    return path


def test_pdf_text_pages_and_furniture(tmp_path: Path) -> None:
    draft = read_pdf(make_pdf(tmp_path / "concept.pdf"))
    expected = [line for n, page in enumerate(PDF_PAGES, 1) for line in [HEADER, *page, str(n)]]
    assert draft.text.split("\n") == expected  # nothing removed: lines as extracted
    assert (draft.name, draft.kind, draft.paragraphs) == ("concept.pdf", DraftKind.PDF, ())
    headers = [m.start() for m in re.finditer(HEADER, draft.text)]
    assert list(draft.page_starts) == headers == [draft.text.index(HEADER, h) for h in headers]
    assert draft.page(draft.text.index("1.238")) == 1
    assert draft.page(draft.text.index("1.238", draft.text.index("1.200"))) == 2
    assert draft.page(draft.text.index("12,5%")) == 3
    assert draft.line(draft.text.index("schuldigverklaringen")) == 3
    # the furniture is the headers and the page numbers, and nothing else
    offsets = [0, *(m.end() for m in re.finditer("\n", draft.text))]
    lines = list(zip(offsets, expected, strict=True))
    furniture = {
        (a, a + len(text)) for a, text in lines if text == HEADER or text in {"1", "2", "3", "4"}
    }
    assert set(draft.furniture) == furniture
    assert len(draft.furniture) == 8
    assert list(draft.furniture) == sorted(draft.furniture)


def test_pdf_header_with_a_varying_number_is_furniture(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    body = ["{}", "Er waren {} zaken.", "Daarvan {} in Rotterdam.", "{}"]
    words = ["Inleiding", "Vervolg", "Analyse", "Conclusie"]
    for number in range(1, 5):
        pdf.add_page()
        pdf.set_xy(10, 10)
        pdf.cell(0, 8, f"{number}e kwartaal")
        for k, line in enumerate(body):
            pdf.set_xy(10, 30 + 8 * k)
            pdf.cell(0, 8, line.format(words[number - 1] if k in {0, 3} else 1000 + number))
        pdf.set_xy(10, 280)
        pdf.cell(0, 8, f"Pagina {number} van 4")
    pdf.output(str(tmp_path / "p.pdf"))
    draft = read_pdf(tmp_path / "p.pdf")
    marked = [draft.text[a:b] for a, b in draft.furniture]
    # "#e kwartaal" and "Pagina # van #" repeat at the edges of every page; "Er waren #
    # zaken." repeats too, but not among a page's first or last two lines
    assert marked == [x for n in range(1, 5) for x in (f"{n}e kwartaal", f"Pagina {n} van 4")]


def test_pdf_repeated_line_on_too_few_pages_is_not_furniture(tmp_path: Path) -> None:
    draft = read_pdf(make_pdf(tmp_path / "kort.pdf", PDF_PAGES[:2]))
    assert [draft.text[a:b] for a, b in draft.furniture] == ["1", "2"]  # page numbers only


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica")
    pdf.add_page()
    pdf.cell(text="In 2022 waren het 1.238.")
    pdf.set_encryption(owner_password="eigenaar")
    pdf.output(str(tmp_path / "beveiligd.pdf"))
    assert read_pdf(tmp_path / "beveiligd.pdf").text == "In 2022 waren het 1.238."


# --------------------------------------------------------------------------- text


def test_read_draft_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "concept.txt").write_bytes(b"\xef\xbb\xbfEerste regel.\r\nIn 2022: 1.238.\r\n")
    (tmp_path / "concept.MD").write_text("# Kop\n\n*81%* van de zaken\n", encoding="utf-8")
    text = read_draft(tmp_path / "concept.txt")
    assert (text.text, text.kind, text.name) == (
        "Eerste regel.\nIn 2022: 1.238.\n",
        DraftKind.TEXT,
        "concept.txt",
    )
    markdown = read_draft(str(tmp_path / "concept.MD"))
    assert (markdown.text, markdown.kind) == ("# Kop\n\n*81%* van de zaken\n", DraftKind.MARKDOWN)
    assert read_draft(make_docx(tmp_path / "c.docx")).kind is DraftKind.DOCX
    assert read_draft(make_pdf(tmp_path / "c.pdf")).kind is DraftKind.PDF


# --------------------------------------------------------------------------- refusals


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableFileError, match=re.escape(str(path))) as info:
        read_draft(path)  # every refusal names the file
    message = str(info.value)
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("name", ["weg.docx", "weg.pdf", "weg.txt", "weg.md"])
def test_refuses_a_missing_file(tmp_path: Path, name: str) -> None:
    assert refusal(tmp_path / name) == f"{tmp_path / name} does not exist"


def test_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "map.docx").mkdir()
    assert refusal(tmp_path / "map.docx").endswith("is a folder, not a file")


def test_refuses_text_under_a_word_name(tmp_path: Path) -> None:
    path = tmp_path / "nep.docx"
    path.write_text("In 2022 waren het 1.238.", encoding="utf-8")
    assert "is not a Word document (.docx) that can be read" in refusal(path)


def test_refuses_a_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data.csv", "jaar,aantal\n2022,1238\n")
    message = refusal(path)
    assert "is not a Word document (.docx) that can be read" in message
    assert "open and save it again in Word" in message


def test_refuses_text_under_a_pdf_name(tmp_path: Path) -> None:
    path = tmp_path / "nep.pdf"
    path.write_text("In 2022 waren het 1.238.", encoding="utf-8")
    assert refusal(path) == f"{path} is not a PDF (it does not begin with %PDF-)"


def test_refuses_a_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "half.pdf"
    path.write_bytes(make_pdf(tmp_path / "heel.pdf").read_bytes()[:400])
    assert "is a damaged PDF" in refusal(path)


def test_refuses_a_pdf_with_a_password(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica")
    pdf.add_page()
    pdf.cell(text="In 2022 waren het 1.238.")
    pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    pdf.output(str(tmp_path / "geheim.pdf"))
    assert refusal(tmp_path / "geheim.pdf").endswith(
        "is encrypted with a password; save a copy without a password"
    )


def test_refuses_a_scanned_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 60, style="F")  # a page of pixels, no text
    pdf.output(str(tmp_path / "scan.pdf"))
    message = refusal(tmp_path / "scan.pdf")
    assert "has no text layer" in message
    assert "text recognition (OCR)" in message


@pytest.mark.parametrize(
    ("name", "hint"), [("concept.doc", "save a Word document as .docx"), ("concept.csv", "")]
)
def test_refuses_another_suffix(tmp_path: Path, name: str, hint: str) -> None:
    (tmp_path / name).write_text("1.238", encoding="utf-8")
    message = refusal(tmp_path / name)
    assert "is not a kind of draft that can be read" in message
    assert ".txt or .text (plain text), .md or .markdown (Markdown), .docx" in message
    assert hint in message


def test_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Één zaak".encode("latin-1"))
    assert "is not UTF-8 text" in refusal(tmp_path / "latin.txt")


def test_refuses_a_file_above_the_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "LIMITS", Limits(file_bytes=100))
    path = tmp_path / "groot.txt"
    path.write_text("1.238 " * 50, encoding="utf-8")
    assert refusal(path) == f"{path} is 300 bytes, more than the 100 a draft may have"
    assert "more than the 100 a draft may have" in refusal(make_docx(tmp_path / "g.docx"))


# --------------------------------------------------------------------------- comments


def check_rows(draft: Draft, specs: list[tuple[str, int, str, Any, str, str, str]]) -> pd.DataFrame:
    """Rows of a check by hand: (phrase, occurrence, status, computed, unit, link, note)."""
    records = []
    for phrase, occurrence, status, computed, unit, linked, note in specs:
        start = -1
        for _ in range(occurrence + 1):
            start = draft.text.index(phrase, start + 1)
        end = start + len(phrase)
        records.append(
            {
                "phrase": phrase,
                "page": draft.page(start),
                "line": draft.line(start),
                "value": math.nan,
                "unit": unit,
                "status": status,
                "computed": computed,
                "linked_to": linked,
                "note": note,
                "kind": "count",
                "start": start,
                "end": end,
            }
        )
    return pd.DataFrame(records, columns=CHECK_COLUMNS)


def comment_ranges(document: DocxDocument) -> dict[int, str]:
    """The text each comment's range covers: the runs between its start and its end."""
    open_ranges: dict[int, list[str]] = {}
    done: dict[int, str] = {}
    for element in document.element.body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ranges[int(element.get(f"{W}id"))] = []
        elif element.tag == f"{W}commentRangeEnd":
            key = int(element.get(f"{W}id"))
            done[key] = "".join(open_ranges.pop(key))
        elif element.tag == f"{W}t":
            for parts in open_ranges.values():
                parts.append(element.text or "")
    assert not open_ranges
    return done


def all_paragraph_texts(document: DocxDocument) -> list[str]:
    return paragraph_texts(document)


def test_write_docx_comments_anchors_each_flagged_number(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "concept.docx")
    draft = read_docx(source)
    rows = check_rows(
        draft,
        [
            ("1.238", 1, "discrepancy", 1240.0, "count", "record:bestraffen.totaal", "ruim"),
            ("81%", 0, "exact", 0.81, "share (0-1)", "record:bestraffen.aandeel", ""),
            ("12,5%", 0, "not_checked", math.nan, "share (0-1)", "", "geen record"),
        ],
    )
    out = tmp_path / "uit" / "opmerkingen.docx"
    assert write_docx_comments(source, draft, rows, out) == 2
    written = docx.Document(str(out))
    comments = list(written.comments)
    assert len(comments) == 2
    assert [c.text for c in comments] == [
        "discrepancy: de data geven 1.240 (record bestraffen.totaal) — ruim",
        "not checked — geen record",
    ]
    assert {c.author for c in comments} == {"ondermijning-indicators"}
    assert {c.initials for c in comments} == {"OI"}
    ranges = comment_ranges(written)
    assert [ranges[c.comment_id] for c in comments] == ["1.238", "12,5%"]
    # the text is unchanged, paragraph by paragraph and as a draft
    assert all_paragraph_texts(written) == all_paragraph_texts(docx.Document(str(source)))
    assert (read_docx(out).text, read_docx(out).paragraphs) == (draft.text, draft.paragraphs)
    # the number split over a bold and a plain run keeps both; the bold run split twice
    # keeps its bold in all three parts
    body = [p for p in written.paragraphs if p.text]
    assert [(r.text, r.bold) for r in body[2].runs if r.text] == [
        ("Het totaal was ", None),
        ("1.2", True),
        ("38", None),
        (" zaken in 2021.", None),
    ]
    assert [(r.text, r.bold) for r in body[3].runs if r.text] == [
        ("Een stijging ", None),
        ("van ", True),
        ("12,5%", True),
        (" ten", True),
        (" opzichte van 2021.", None),
    ]
    assert not list(out.parent.glob(".writing-*"))


def test_write_docx_comments_in_a_table_cell_and_a_whole_run(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "concept.docx")
    draft = read_docx(source)
    rows = check_rows(
        draft,
        [
            ("1.238", 2, "invalid", math.nan, "count", "metric:som(tabel)", "geen jaar"),
            ("Straffen voor ondermijning", 0, "decision_error", "1.100", "", "", ""),
            ("3.538", 0, "not_derivable", 3538, "count", "record:totaal", ""),
        ],
    )
    out = tmp_path / "opmerkingen.docx"
    assert write_docx_comments(source, draft, rows, out, author="Lezer Een") == 3
    written = docx.Document(str(out))
    comments = list(written.comments)
    ranges = comment_ranges(written)
    assert [ranges[c.comment_id] for c in comments] == [
        "1.238",
        "Straffen voor ondermijning",
        "3.538",
    ]
    assert [c.text for c in comments] == [
        "invalid (metric som(tabel)) — geen jaar",
        "decision error: de data geven 1.100",
        "not derivable: de data geven 3.538 (record totaal)",
    ]
    assert {(c.author, c.initials) for c in comments} == {("Lezer Een", "LE")}
    assert (read_docx(out).text, read_docx(out).paragraphs) == (draft.text, draft.paragraphs)


def test_write_docx_comments_refuses_another_draft_and_existing_output(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "concept.docx")
    draft = read_docx(source)
    rows = check_rows(draft, [("81%", 0, "discrepancy", 0.8, "share (0-1)", "", "")])
    with pytest.raises(InvalidInputError, match="is not the text of"):
        write_docx_comments(source, Draft.from_text("81%"), rows, tmp_path / "a.docx")
    out = tmp_path / "b.docx"
    assert write_docx_comments(source, draft, rows, out) == 1
    with pytest.raises(OutputExistsError, match="exists already"):
        write_docx_comments(source, draft, rows, out)
    assert write_docx_comments(source, draft, rows, out, overwrite=True) == 1
    assert [c.text for c in docx.Document(str(out)).comments] == ["discrepancy: de data geven 80%"]
    with pytest.raises(InvalidInputError, match="lack the column"):
        write_docx_comments(source, draft, rows.drop(columns="start"), tmp_path / "c.docx")
    outside = rows.assign(start=len(draft.text), end=len(draft.text) + 3)
    with pytest.raises(InvalidInputError, match="not within the draft"):
        write_docx_comments(source, draft, outside, tmp_path / "d.docx")
    gap = draft.text.index("\n")  # the line end between two paragraphs
    between = rows.assign(start=gap, end=gap + 1)
    with pytest.raises(InvalidInputError, match="outside every paragraph"):
        write_docx_comments(source, draft, between, tmp_path / "e.docx")
    assert not (tmp_path / "c.docx").exists()


@given(
    pieces=st.lists(
        st.tuples(st.text("ab1.,% ", min_size=1, max_size=6), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    data=st.data(),
)
def test_any_span_of_any_runs_is_anchored_exactly(
    pieces: list[tuple[str, bool]], data: st.DataObject
) -> None:
    text = "".join(piece for piece, _ in pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "in.docx", Path(folder) / "uit.docx"
        document = docx.Document()
        paragraph = document.add_paragraph()
        for piece, bold in pieces:
            paragraph.add_run(piece).bold = bold
        document.save(str(source))
        draft = read_docx(source)
        rows = check_rows(draft, [(text[start:end], 0, "discrepancy", 1.0, "", "", "")])
        rows["start"], rows["end"] = start, end
        assert write_docx_comments(source, draft, rows, out) == 1
        written = docx.Document(str(out))
    (comment,) = written.comments
    assert comment_ranges(written) == {comment.comment_id: text[start:end]}
    assert written.paragraphs[0].text == text
    # every character keeps its bold
    expected = [bold for piece, bold in pieces for _ in piece]
    assert [r.bold for r in written.paragraphs[0].runs for _ in r.text] == expected


CHANGE = 'w:author="Redacteur" w:date="2024-03-01T10:00:00Z"'


def make_docx_with_insertions(path: Path) -> Path:
    """A paragraph whose numbers end in, begin in and lie inside tracked insertions."""
    document = docx.Document()
    paragraph = document.add_paragraph("In 2022 waren het 1.2")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {NS} w:id="7" {CHANGE}><w:r><w:t xml:space="preserve">38 straffen, 8'
            "</w:t></w:r></w:ins>"
        )
    )
    paragraph.add_run("1% van de zaken en ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {NS} w:id="8" {CHANGE}><w:r><w:t xml:space="preserve">ook </w:t></w:r>'
            '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12 boetes</w:t></w:r></w:ins>'
        )
    )
    paragraph.add_run(".")
    document.add_paragraph("Slot.")
    document.save(str(path))
    return path


def test_write_docx_comments_keeps_its_anchors_out_of_tracked_insertions(
    tmp_path: Path,
) -> None:
    source = make_docx_with_insertions(tmp_path / "wijzigingen.docx")
    draft = read_docx(source)
    line = "In 2022 waren het 1.238 straffen, 81% van de zaken en ook 12 boetes."
    assert draft.text.split("\n")[0] == line
    numbers = ["1.238", "81%", "12"]  # ends in, begins in, lies inside an insertion
    rows = check_rows(draft, [(n, 0, "discrepancy", 1.0, "count", "", "") for n in numbers])
    out = tmp_path / "opmerkingen.docx"
    assert write_docx_comments(source, draft, rows, out) == 3
    written = docx.Document(str(out))
    comments = list(written.comments)
    ranges = comment_ranges(written)
    assert [ranges[c.comment_id] for c in comments] == numbers
    body = written.element.body
    for comment in comments:
        found = f"[@{W}id='{comment.comment_id}']"
        marks = [
            body.find(f".//{W}commentRangeStart{found}"),
            body.find(f".//{W}commentRangeEnd{found}"),
            body.find(f".//{W}commentReference{found}").getparent(),  # the reference run
        ]
        for mark in marks:
            assert mark.tag != f"{W}ins"
            assert not [a for a in mark.iterancestors() if a.tag == f"{W}ins"]
    # the insertions were split, not dropped: each part keeps its author and date and
    # has an id of its own; the text is unchanged
    insertions = list(body.iter(f"{W}ins"))
    assert len(insertions) > 2
    assert {(i.get(f"{W}author"), i.get(f"{W}date")) for i in insertions} == {
        ("Redacteur", "2024-03-01T10:00:00Z")
    }
    assert len({i.get(f"{W}id") for i in insertions}) == len(insertions)
    assert [ins.getparent().tag for ins in insertions] == [f"{W}p"] * len(insertions)
    assert "".join(t.text for i in insertions for t in i.iter(f"{W}t")) == (
        "38 straffen, 8ook 12 boetes"
    )
    assert (read_docx(out).text, read_docx(out).paragraphs) == (draft.text, draft.paragraphs)
    (twelve,) = [r for i in insertions for r in i.iter(f"{W}r") if r.findtext(f"{W}t") == "12"]
    assert twelve.find(f"{W}rPr/{W}b") is not None  # the split run keeps its bold

    # rejecting the changes removes the insertions and leaves every comment anchored
    for insertion in list(body.iter(f"{W}ins")):
        insertion.getparent().remove(insertion)
    rejected = tmp_path / "afgewezen.docx"
    written.save(str(rejected))
    reopened = docx.Document(str(rejected))
    assert reopened.paragraphs[0].text == "In 2022 waren het 1.21% van de zaken en ."
    assert [c.text for c in reopened.comments] == [c.text for c in comments]
    assert set(comment_ranges(reopened)) == {c.comment_id for c in comments}
    references = reopened.element.body.iter(f"{W}commentReference")
    assert sorted(int(r.get(f"{W}id")) for r in references) == [c.comment_id for c in comments]
