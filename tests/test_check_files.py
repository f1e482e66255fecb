"""A draft as Word document and as PDF gives the rows its plain text gives; the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import matplotlib
import pandas as pd
import pytest
from fpdf import FPDF
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators.cli import app
from ondermijning_indicators.drafts import CHECK_COLUMNS, Draft, read_draft

from .report_positions import report_text

COMPARED = ["phrase", "line", "value", "unit", "status", "computed", "linked_to", "note", "kind"]


def _section(start: str, end: str) -> str:
    """Lines of the report from the heading ``start`` up to the heading ``end``."""
    lines = report_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == start)
    last = next(i for i, line in enumerate(lines) if i > first and line.strip() == end)
    return "\n".join(line.rstrip() for line in lines[first:last])


@pytest.fixture(scope="module")
def section() -> str:
    """The report's Bestraffen section: 66 figures, tables as lines of numbers, footnotes."""
    return _section("Bestraffen", "Beschermen")


def _docx(text: str, path: Path) -> Path:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _pdf(text: str, path: Path) -> Path:
    pdf = FPDF(format="A4")
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=8)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    for line in text.splitlines():
        pdf.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def _compared(result: pd.DataFrame) -> pd.DataFrame:
    return result.sort_values(["line", "start"])[COMPARED].reset_index(drop=True)


def test_a_word_draft_gives_the_rows_of_its_text(section: str, tmp_path: Path) -> None:
    plain = oi.check(Draft.from_text(section), previous="2023")
    draft = read_draft(_docx(section, tmp_path / "draft.docx"))
    assert draft.text == section
    result = oi.check(draft, previous="2023")
    pd.testing.assert_frame_equal(_compared(result), _compared(plain))
    assert (plain["linked_to"].str.startswith("record:")).sum() >= 60


def test_a_pdf_draft_gives_the_rows_of_its_text_with_pages(section: str, tmp_path: Path) -> None:
    section = "\n".join(line for line in section.splitlines() if line.strip())  # as a PDF has it
    plain = oi.check(Draft.from_text(section), previous="2023")
    draft = read_draft(_pdf(section, tmp_path / "draft.pdf"))
    assert [line.rstrip() for line in draft.text.splitlines()] == section.splitlines()
    result = oi.check(draft, previous="2023")
    pd.testing.assert_frame_equal(_compared(result), _compared(plain))
    pages = result["page"].dropna()
    assert len(draft.page_starts) > 1
    assert pages.min() == 1
    assert pages.max() == len(draft.page_starts)


def test_the_word_draft_comes_back_with_a_comment_on_every_number_to_look_at(
    tmp_path: Path,
) -> None:
    text = (
        "In 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis uit.\n"
        "Het aandeel vrijheidsstraffen binnen het totaal aantal schuldigverklaringen was 87%.\n"
        "Het beslag was in 2022 hoger dan de doelstelling."
    )
    source = _docx(text, tmp_path / "draft.docx")
    out = tmp_path / "checked.docx"
    result = CliRunner().invoke(app, ["check", str(source), "--format", "docx", "--out", str(out)])
    assert result.exit_code == 1, result.output  # a discrepancy and a decision error
    assert "2 comments" in result.output
    comments = list(docx.Document(str(out)).comments)
    texts = sorted(c.text for c in comments)
    assert len(texts) == 2
    assert texts[0].startswith("decision_error") or "decision" in texts[0] + texts[1]
    assert [p.text for p in docx.Document(str(out)).paragraphs] == text.splitlines()


def test_the_cli_writes_each_format_with_the_documented_columns(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "## 2.1 Bestraffen\n\nIn 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis "
        "uit.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    as_json = runner.invoke(app, ["check", str(draft), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.output)
    assert [list(r) for r in rows] == [CHECK_COLUMNS] * len(rows)
    assert {r["phrase"]: r["status"] for r in rows} == {
        "1.543": "exact",
        "2022": "not_a_figure",
        "## 2.1": "not_a_figure",
    }
    as_csv = runner.invoke(app, ["check", str(draft), "--format", "csv"])
    assert as_csv.output.splitlines()[0] == ",".join(CHECK_COLUMNS)
    html = tmp_path / "draft.html"
    written = runner.invoke(app, ["check", str(draft), "--format", "html", "--out", str(html)])
    assert written.exit_code == 0, written.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = runner.invoke(app, ["check", str(draft), "--format", "html", "--out", str(html)])
    assert again.exit_code == 4, "an existing output is not replaced without --force"
    table = runner.invoke(app, ["check", str(draft)])
    assert "3 numbers" in table.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["check", "missing.txt"], 2, "missing.txt"),
        (["check", "{draft}", "--previous", "1999"], 2, "neither a bundled edition"),
        (["check", "{draft}", "--format", "docx"], 2, "--format docx needs a .docx draft"),
    ],
)
def test_the_cli_refuses_what_it_cannot_use_with_exit_code_2(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("In 2022 waren het er 1.543.\n", encoding="utf-8")
    argv = [a.replace("{draft}", str(draft)) for a in args]
    result = CliRunner().invoke(app, argv, env={**os.environ, "COLUMNS": "100"})
    assert result.exit_code == code, result.output
    assert message in result.output


def test_the_docs_page_names_every_status_and_shows_both_screenshots() -> None:
    from ondermijning_indicators.drafts import CheckStatus

    root = Path(__file__).resolve().parents[1] / "docs"
    page = (root / "check-a-draft.md").read_text(encoding="utf-8")
    assert page.startswith("# Check a draft")
    for status in CheckStatus:
        assert f"`{status}`" in page, status
    for image in ("images/check-html.png", "images/check-docx.png"):
        assert f"]({image})" in page
        assert (root / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
