"""Take the documentation's screenshots of a check: its HTML page and its Word comments.

Checks the worked example ``docs/examples/draft.txt`` against the bundled data. By
default renders the HTML page of the check and writes ``docs/images/check-html.png``:
the page at 1200 x 900 pixels with the details panel of the first flagged figure of the
text open. Needs Chromium (``chromium`` on the PATH or ``/usr/bin/chromium``), driven by
Playwright; the page is opened from disk and loads nothing else:

    .venv/bin/python scripts/screenshots.py

With ``--word`` it writes ``docs/images/check-docx.png`` instead: the example as a Word
document (one paragraph a line), with the comments ``check --format docx`` writes,
exported by LibreOffice to PDF with the comments in the margin and the top of the first
page cut out, about 1200 pixels wide. Needs LibreOffice's ``soffice`` with its Writer UI
files and Poppler's ``pdftoppm`` (Debian: ``libreoffice-writer-nogui``,
``libreoffice-uiconfig-writer``, ``poppler-utils``); LibreOffice must know the PDF
option ``ExportNotesInMargin`` (Debian 12's 7.4 does not; bookworm-backports' 25.2
does). LibreOffice runs with a throwaway profile:

    .venv/bin/python scripts/screenshots.py --word
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ondermijning_indicators._writers import staged
from ondermijning_indicators.drafts import CheckStatus

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "docs" / "examples" / "draft.txt"
TARGET = ROOT / "docs" / "images" / "check-html.png"
WORD_TARGET = ROOT / "docs" / "images" / "check-docx.png"
WORD_PACKAGES = "libreoffice-writer-nogui libreoffice-uiconfig-writer poppler-utils"
"""The Debian packages ``word_screenshot`` needs."""
AUTHOR = "ondermijning-indicators"
"""The author of the comments, as ``check --format docx`` writes them."""
PDF_OPTIONS = {
    "ExportNotesInMargin": {"type": "boolean", "value": "true"},
    "ExportNotes": {"type": "boolean", "value": "false"},  # no PDF note icons over the text
}
"""LibreOffice's PDF export: the comments drawn in the right margin, not as PDF notes."""
COMMENT_WIDTH = 2.5
"""The width of LibreOffice's comment margin (its factor, 1 to 8; 3 by default): at 3
the comments of a Letter page run off its right edge."""
_PROFILE = f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Notes"><prop oor:name="DisplayWidthFactor"
 oor:op="fuse"><value>{COMMENT_WIDTH}</value></prop></item>
</oor:items>
"""
"""The settings of the throwaway LibreOffice profile."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
FLAGGED = ", ".join(f'mark[data-status="{s.value}"]' for s in CheckStatus if s.flagged)
"""The marks of the flagged figures; the first in the text is opened."""
_INTO_VIEW = """mark => {
  const box = mark.getBoundingClientRect();
  if (box.bottom > window.innerHeight - 160) { mark.scrollIntoView({block: "center"}); }
}"""
"""Scroll a mark into view unless it is seen with the summary, on the first screen."""


def chromium() -> str:
    """Return the Chromium executable; exit with a message when there is none."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found is None:
        raise SystemExit("no Chromium: install it (apt-get install chromium) or put it on the PATH")
    return found


def screenshot(page: str, target: Path, *, width: int = 1200, height: int = 900) -> str:
    """Write a screenshot of the HTML ``page`` to ``target``, the first flagged figure open.

    Returns the text of the figure whose details panel is open ("" when no figure is
    flagged: then the page is shown as it opens). ``target`` is replaced whole.
    """
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "check.html"
        source.write_text(page, encoding="utf-8")
        with (
            sync_playwright() as p,
            staged(target.parent, [target.name], overwrite=True, what="screenshot") as stage,
        ):
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                tab = browser.new_page(viewport={"width": width, "height": height})
                tab.set_default_timeout(10_000)
                tab.goto(source.as_uri())
                opened = ""
                first = tab.locator(FLAGGED).first
                if first.count():
                    first.evaluate(_INTO_VIEW)
                    first.click()
                    tab.locator("#details").wait_for(state="visible")
                    tab.mouse.move(0, 0)  # the panel without the tooltip over the text
                    opened = first.inner_text()
                tab.screenshot(path=str(stage / target.name))
            finally:
                browser.close()
    return opened


def tool(name: str) -> str:
    """Return the executable ``name``; exit naming the Debian packages when it is missing."""
    found = shutil.which(name)
    if found is None:
        raise SystemExit(
            f"no {name}: install LibreOffice and Poppler "
            f"(apt-get install --no-install-recommends {WORD_PACKAGES})"
        )
    return found


def _run(command: list[str]) -> str:
    """Run ``command`` and return its output; exit with its messages when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode:
        raise SystemExit(
            f"{Path(command[0]).name} failed ({done.returncode}): "
            f"{(done.stderr or done.stdout).strip()}"
        )
    return done.stdout


def _bounds(png: Path) -> tuple[tuple[int, int, int, int], tuple[int, int]]:
    """Return the box (left, top, right, bottom) of what is not white in ``png``; its size."""
    from PIL import Image, ImageOps

    with Image.open(png) as image:
        box = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v > 8 else 0).getbbox()
        if box is None:
            raise SystemExit(f"{png.name}: the page is blank")
        return box, image.size


def word_screenshot(target: Path, *, width: int = 1200, pad: int = 18) -> int:
    """Write a picture of the worked example's Word comments in the margin to ``target``.

    The example becomes a Word document, one paragraph a line (as ``python-docx``
    writes it); it is checked against the bundled data and copied with a comment on
    every number that needs attention (as ``check DRAFT --format docx`` does).
    LibreOffice exports the copy to PDF with the comments in the right margin, and
    ``pdftoppm`` renders the part of the first page that holds text or comments, plus
    ``pad`` points around it, ``width`` pixels wide. Returns the number of comments;
    ``target`` is replaced whole.
    """
    import docx

    import ondermijning_indicators as oi
    from ondermijning_indicators.drafts._files import read_draft, write_docx_comments

    soffice, pdftoppm = tool("soffice"), tool("pdftoppm")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source, commented = folder / "draft.docx", folder / "draft-checked.docx"
        document = docx.Document()
        for line in DRAFT.read_text(encoding="utf-8").split("\n"):
            document.add_paragraph(line)
        document.save(str(source))
        draft = read_draft(source)
        comments = write_docx_comments(source, draft, oi.check(draft), commented, author=AUTHOR)

        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        pdf_filter = "pdf:writer_pdf_Export:" + json.dumps(PDF_OPTIONS, separators=(",", ":"))
        _run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                pdf_filter,
                "--outdir",
                str(folder),
                str(commented),
            ]
        )
        pdf = commented.with_suffix(".pdf")
        if not pdf.exists():
            raise SystemExit(
                f"soffice wrote no PDF; the comments in the margin need the Writer UI files "
                f"(apt-get install --no-install-recommends {WORD_PACKAGES})"
            )

        pdftotext = tool("pdftotext")
        if AUTHOR not in _run([pdftotext, "-f", "1", "-l", "1", str(pdf), "-"]):
            raise SystemExit(
                "no comments in the margin of the PDF: this LibreOffice does not know the PDF "
                "option ExportNotesInMargin (Debian 12's 7.4 does not; bookworm-backports' "
                "25.2 does)"
            )
        # at 72 dpi a pixel is a point: find the text and the comments
        _run([pdftoppm, "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(pdf),
              str(folder / "points")])  # fmt: skip
        (left, top, right, bottom), (page_width, page_height) = _bounds(folder / "points.png")
        left, top = max(left - pad, 0), max(top - pad, 0)
        right, bottom = min(right + pad, page_width), min(bottom + pad, page_height)
        dpi = width * 72 / (right - left)
        box = [round(v * dpi / 72) for v in (left, top, right - left, bottom - top)]
        with staged(target.parent, [target.name], overwrite=True, what="screenshot") as stage:
            _run([
                pdftoppm, "-png", "-r", f"{dpi:.3f}", "-f", "1", "-l", "1", "-singlefile",
                "-x", str(box[0]), "-y", str(box[1]), "-W", str(box[2]), "-H", str(box[3]),
                str(pdf), str(stage / target.stem),
            ])  # fmt: skip
    return comments


def main(argv: list[str] | None = None) -> int:
    """Check the worked example and write its screenshot (``--word``: of its comments)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--word",
        action="store_true",
        help=f"write {WORD_TARGET.relative_to(ROOT)}: the Word comments, through LibreOffice",
    )
    args = parser.parse_args(argv)
    if args.word:
        comments = word_screenshot(WORD_TARGET)
        print(f"{WORD_TARGET.relative_to(ROOT)}: {comments} comments in the margin")
        return 0

    import ondermijning_indicators as oi
    from ondermijning_indicators.drafts import read_draft
    from ondermijning_indicators.drafts._html import render_html

    draft = read_draft(DRAFT)
    result = oi.check(draft)
    opened = screenshot(render_html(draft, result), TARGET)
    where = f"details of {opened!r} open" if opened else "no flagged figure"
    print(f"{TARGET.relative_to(ROOT)}: {len(result)} numbers checked, {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
