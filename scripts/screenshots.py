"""Take the documentation's screenshot of the HTML page of a check.

Checks the worked example ``docs/examples/draft.txt`` against the bundled data,
renders the HTML page of the check and writes ``docs/images/check-html.png``: the page
at 1200 x 900 pixels with the details panel of the first flagged figure of the text
open. Needs Chromium (``chromium`` on the PATH or ``/usr/bin/chromium``), driven by
Playwright; the page is opened from disk and loads nothing else:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from ondermijning_indicators._writers import staged
from ondermijning_indicators.drafts import CheckStatus

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "docs" / "examples" / "draft.txt"
TARGET = ROOT / "docs" / "images" / "check-html.png"
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


def main() -> int:
    """Check the worked example and write its screenshot."""
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
