"""The HTML page of a check: every number marked once, the text kept, everything escaped.

The unit tests read the page with the standard library's HTML parser; one test opens
it in Chromium (the system's, through Playwright) and checks what a reader sees: the
colours, the tooltip, the details panel, and that nothing is loaded from the network.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest
from playwright.sync_api import expect, sync_playwright

from ondermijning_indicators.drafts import CHECK_COLUMNS, CheckStatus, Draft
from ondermijning_indicators.drafts._html import STATUS_COLOURS, render_html
from ondermijning_indicators.errors import InvalidInputError

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Bestraffen\n"
    "In 2023 sprak de rechter in 1.600 ondermijningszaken een vonnis uit, waarbij\n"
    "1.290 verdachten schuldig werden bevonden en 205 werden vrijgesproken.\n"
    "In 81% van de zaken legde de rechter een vrijheidsstraf op; bijna 28% kreeg\n"
    "hooguit een jaar. Het aantal zware straffen is verdubbeld: 190 verdachten kregen\n"
    "meer dan 5 jaar. Het OM noemt 1.672 onderzoeken <zie tabel 3> & de bijlage.\n"
)

# phrase, status, value, computed, unit, note: one row of every status, in text order
ROWS: list[tuple[str, CheckStatus, float, float, str, str]] = [
    ("2023", CheckStatus.NOT_A_FIGURE, math.nan, math.nan, "", "een jaartal"),
    ("1.600", CheckStatus.DISCREPANCY, 1600.0, 1543.0, "number", "de tabel geeft 1.543"),
    ("1.290", CheckStatus.WITHIN_ROUNDING, 1290.0, 1290.4, "number", "binnen de afronding"),
    ("205", CheckStatus.EXACT, 205.0, 205.0, "number", "uitspraken, vrijspraak"),
    ("81%", CheckStatus.INVALID, 0.81, math.nan, "share (0-1)", "de noemer is nul"),
    ("bijna 28%", CheckStatus.CONSISTENT, 0.28, 0.2795, "share (0-1)", "bijna: iets minder"),
    ("verdubbeld", CheckStatus.DECISION_ERROR, 2.0, 1.0734, "factor", "177 naar 190 is +7%"),
    ("190", CheckStatus.NOT_DERIVABLE, 190.0, math.nan, "number", "geen tabel geeft dit"),
    ("meer dan 5 jaar", CheckStatus.NOT_CHECKED, 5.0, math.nan, "jaar", "niets gekoppeld"),
    ("1.672", CheckStatus.TRANSCRIBED, 1672.0, 1672.0, "number", "uit het jaarbericht"),
]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find(self, tag: str, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str, **attrs: str) -> Node:
        (node,) = self.find(tag, **attrs)
        return node


class _Tree(HTMLParser):
    """A tree of the page, and every end tag that closed something else than was open."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if self.stack[-1].tag == tag:
            self.stack.pop()
        else:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    """Parse the page; fail unless every element is closed where it was opened."""
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert [n.tag for n in tree.stack] == ["#document"], "elements left open"
    return tree.root


def rows_of(
    draft: Draft, rows: list[tuple[str, CheckStatus, float, float, str, str]]
) -> pd.DataFrame:
    records = []
    for phrase, status, value, computed, unit, note in rows:
        start = draft.text.index(phrase)
        records.append(
            {
                "phrase": phrase,
                "page": draft.page(start),
                "line": draft.line(start),
                "value": value,
                "unit": unit,
                "status": status.value,
                "computed": computed,
                "linked_to": f"metric:voorbeeld({phrase})",
                "note": note,
                "kind": "count",
                "start": start,
                "end": start + len(phrase),
            }
        )
    return pd.DataFrame(records, columns=CHECK_COLUMNS)


def row(phrase: str, status: CheckStatus, start: Any, end: Any, **more: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict.fromkeys(CHECK_COLUMNS)
    base.update(phrase=phrase, status=status.value, start=start, end=end, line=1)
    base.update(value=math.nan, computed=math.nan, unit="number")
    base.update(more)
    return base


def test_every_span_is_marked_once_and_the_text_is_kept() -> None:
    draft = Draft.from_text(TEXT, name="concept-bestraffen.txt")
    result = rows_of(draft, ROWS)
    tree = parse(render_html(draft, result))
    marks = tree.find("mark")
    assert sorted(int(str(m.attrs["data-row"])) for m in marks) == list(range(len(ROWS)))
    records = result.to_dict("records")
    for mark in marks:
        record = records[int(str(mark.attrs["data-row"]))]
        status, start, end = str(record["status"]), int(record["start"]), int(record["end"])
        assert mark.attrs["class"] == f"st-{status}"
        assert mark.attrs["data-status"] == status
        # only a number that needs attention is a tab stop
        assert mark.attrs["tabindex"] == ("0" if CheckStatus(status).flagged else "-1")
        assert mark.text() == draft.text[start:end]
        assert str(record["note"]) in str(mark.attrs["title"])
    assert tree.one("div", id="draft-text").text() == draft.text


def test_the_mark_is_written_as_documented() -> None:
    draft = Draft.from_text(TEXT)
    page = render_html(draft, rows_of(draft, ROWS))
    for i, (_, status, *_) in enumerate(ROWS):
        stop = "0" if status.flagged else "-1"
        opening = (
            f'<mark class="st-{status}" data-status="{status}" data-row="{i}" tabindex="{stop}"'
        )
        assert page.count(opening) == 1


def test_page_breaks_are_marked_and_the_text_kept() -> None:
    # a page starting before the first mark, at the start of a mark and inside one
    starts = (0, TEXT.index("1.290"), TEXT.index("dubbeld"), TEXT.index("1.672") + 2)
    draft = Draft(text=TEXT, name="concept.pdf", page_starts=starts)
    tree = parse(render_html(draft, rows_of(draft, ROWS)))
    text = tree.one("div", id="draft-text")
    breaks = text.find("span", **{"class": "page-break"})
    assert [b.attrs["data-page"] for b in breaks] == ["1", "2", "3", "4"]
    assert text.text() == TEXT
    assert len(text.find("mark")) == len(ROWS)
    # the page that starts where a mark starts is marked before it, not inside it
    assert tree.one("mark", data_row="2").find("span") == []


def test_nothing_of_the_draft_or_the_check_is_markup() -> None:
    text = "<script>alert(1)</script> 81% van de zaken\n<img src=x onerror=alert(2)>"
    draft = Draft.from_text(text, name='<b onclick="alert(3)">concept</b>.txt')
    start = text.index("81%")
    evil = "<script>alert(4)</script>\"'><img src=x onerror=alert(5)>"
    result = pd.DataFrame(
        [
            row("81%", CheckStatus.DISCREPANCY, start, start + 3, note=evil, linked_to=evil),
            row(evil, CheckStatus.NOT_CHECKED, 0, 8, kind=evil, unit=evil),
        ],
        columns=CHECK_COLUMNS,
    )
    page = render_html(draft, result, title="</title><script>alert(6)</script>")
    tree = parse(page)
    scripts = tree.find("script")
    assert len(scripts) == 1
    assert "alert" not in scripts[0].text()
    assert page.count("<script") == 1
    assert tree.find("img") == []
    assert tree.find("b") == []
    assert all(not key.startswith("on") for n in tree.iter() for key in n.attrs)
    assert tree.one("div", id="draft-text").text() == text
    assert tree.one("title").text() == "</title><script>alert(6)</script>"
    assert evil in tree.one("tr", data_row="0").one("td", data_field="note").text()


def test_the_summary_counts_each_status_the_worst_first() -> None:
    draft = Draft.from_text(TEXT, name="concept-bestraffen.txt")
    chosen = [ROWS[1], ROWS[4], ROWS[6], ROWS[7], ROWS[2], ROWS[3], ROWS[9]]
    extra = [("1.672", CheckStatus.DISCREPANCY, 1.0, 2.0, "number", "")]
    result = rows_of(draft, chosen)
    result = pd.concat([result, rows_of(draft, extra)], ignore_index=True)
    tree = parse(render_html(draft, result))
    summary = tree.one("header", id="summary")
    assert "concept-bestraffen.txt" in summary.text()
    legend = summary.one("table", id="legend").find("tr")[1:]
    assert [r.attrs["data-status"] for r in legend] == [s.value for s in CheckStatus]
    counts = {r.attrs["data-status"]: int(r.one("td", **{"class": "count"}).text()) for r in legend}
    expected = result["status"].value_counts().to_dict()
    assert counts == {s.value: expected.get(s.value, 0) for s in CheckStatus}
    flagged = sum(1 for s in result["status"] if CheckStatus(s).flagged)
    assert f"{len(result)} getallen gevonden; {flagged} daarvan vragen aandacht" in summary.text()
    # the way through the flagged marks: 4, the extra 1.672 over the transcribed one
    nav = summary.one("nav", **{"class": "flagged-nav"})
    assert [b.text() for b in nav.find("button")] == [
        "\u2190 vorige te bekijken getal",
        "volgende te bekijken getal \u2192",
    ]
    assert nav.one("span", id="flagged-position").text() == "\u2013 van 4"
    # the swatch of each status has the class that colours its marks
    for r in legend:
        assert r.one("span").attrs["class"] == f"swatch st-{r.attrs['data-status']}"


def test_the_table_lists_every_row_the_flagged_first() -> None:
    draft = Draft.from_text(TEXT)
    result = rows_of(draft, ROWS)
    table = parse(render_html(draft, result)).one("table", id="all-rows")
    body = table.find("tr")[1:]
    statuses = [CheckStatus(str(r.attrs["data-status"])) for r in body]
    assert sorted(int(str(r.attrs["data-row"])) for r in body) == list(range(len(ROWS)))
    flags = [s.flagged for s in statuses]
    assert flags == sorted(flags, reverse=True)
    assert statuses[0] is CheckStatus.DECISION_ERROR


def test_numbers_are_shown_in_dutch_notation() -> None:
    draft = Draft.from_text(TEXT)
    table = parse(render_html(draft, rows_of(draft, ROWS))).one("table", id="all-rows")

    def cell(i: int, name: str) -> str:
        return table.one("tr", data_row=str(i)).one("td", data_field=name).text()

    assert (cell(1, "value"), cell(1, "computed")) == ("1.600", "1.543")
    assert (cell(2, "computed"), cell(4, "value"), cell(4, "computed")) == (
        "1.290,4",
        "0,81 (81%)",
        "",
    )
    assert (cell(5, "computed"), cell(6, "computed")) == ("0,2795 (27,95%)", "1,0734")
    assert (cell(0, "value"), cell(0, "page"), cell(0, "line")) == ("", "", "2")


def test_overlapping_and_misplaced_rows_are_listed_but_not_marked() -> None:
    text = "Het waren er 1.238 van de 1.543 zaken."
    draft = Draft.from_text(text)
    a, b = text.index("1.238"), text.index("1.543")
    result = pd.DataFrame(
        [
            row("er 1.238 van de", CheckStatus.EXACT, a - 3, a + 12),  # holds 1 and 2
            row("1.238", CheckStatus.DISCREPANCY, a, a + 5),
            row("38 van de 1.5", CheckStatus.NOT_CHECKED, a + 3, b + 3),  # overlaps 1 and 3
            row("1.543", CheckStatus.WITHIN_ROUNDING, b, b + 5),
            row("zonder plaats", CheckStatus.INVALID, math.nan, math.nan),
            row("voorbij het eind", CheckStatus.INVALID, len(text) - 1, len(text) + 4),
            row("leeg", CheckStatus.INVALID, 4, 4),
            row("1.238", CheckStatus.DECISION_ERROR, a, a + 5),  # the same span, worse
        ],
        columns=CHECK_COLUMNS,
    )
    tree = parse(render_html(draft, result))
    marks = {int(str(m.attrs["data-row"])): m.text() for m in tree.find("mark")}
    assert marks == {7: "1.238", 3: "1.543"}
    assert tree.one("div", id="draft-text").text() == text
    table = tree.one("table", id="all-rows")
    assert len(table.find("tr")) == 1 + len(result)
    for i in (0, 1, 2, 4, 5, 6):
        assert "niet gemarkeerd" in table.one("tr", data_row=str(i)).text()
    assert "overlapt nr. 8" in table.one("tr", data_row="1").text()
    assert "6 getallen konden niet in de tekst worden gemarkeerd" in tree.text()


def test_the_page_loads_nothing() -> None:
    draft = Draft.from_text(TEXT)
    page = render_html(draft, rows_of(draft, ROWS))
    tree = parse(page)
    (csp,) = [
        m for m in tree.find("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    policy = str(csp.attrs["content"])
    for directive in ("default-src 'none'", "style-src 'unsafe-inline'", "img-src data:"):
        assert directive in policy
    assert tree.one("html").attrs["lang"] == "nl"
    assert not any("src" in n.attrs or n.tag == "link" for n in tree.iter())
    assert not re.search(r"https?:|url\(|@import|@font-face", page)


def test_an_empty_check_and_a_wrong_frame() -> None:
    draft = Draft.from_text("Geen getallen hier.")
    tree = parse(render_html(draft, pd.DataFrame(columns=CHECK_COLUMNS), title="Leeg"))
    assert tree.one("title").text() == "Leeg"
    assert tree.find("mark") == []
    assert "0 getallen gevonden" in tree.text()
    assert tree.find("nav") == []  # nothing to go through
    with pytest.raises(InvalidInputError, match="lacks the column"):
        render_html(draft, pd.DataFrame(columns=CHECK_COLUMNS[:-1]))
    bad = pd.DataFrame([row("x", CheckStatus.EXACT, 0, 1)], columns=CHECK_COLUMNS)
    bad["status"] = "fout"
    with pytest.raises(InvalidInputError, match="row 0 has the status 'fout'"):
        render_html(draft, bad)


def _rgb(colour: str) -> tuple[int, int, int]:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return r, g, b


def _luminance(colour: str) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_each_status_has_its_own_colour_readable_under_black_text() -> None:
    assert list(STATUS_COLOURS) == list(CheckStatus)
    assert len(set(STATUS_COLOURS.values())) == len(CheckStatus)
    for colour in STATUS_COLOURS.values():
        assert re.fullmatch(r"#[0-9A-F]{6}", colour)
        assert (_luminance(colour) + 0.05) / 0.05 >= 4.5  # WCAG AA for normal text


CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("REQUIRE_CHROMIUM"),
    reason="no Chromium executable (neither `chromium` on PATH nor /usr/bin/chromium); "
    "install it with: apt-get install --no-install-recommends chromium",
)


@needs_chromium
def test_the_page_in_a_browser(tmp_path: Path) -> None:
    draft = Draft(text=TEXT, name="concept.pdf", page_starts=(0, TEXT.index("In 81%")))
    result = rows_of(draft, ROWS)
    target = tmp_path / "controle.html"
    target.write_text(render_html(draft, result), encoding="utf-8")
    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(5000)
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(target.as_uri())

            shown = set()
            for status in CheckStatus:
                mark = page.eval_on_selector(
                    f'mark[data-status="{status}"]', "e => getComputedStyle(e).backgroundColor"
                )
                swatch = page.eval_on_selector(
                    f'#legend tr[data-status="{status}"] .swatch',
                    "e => getComputedStyle(e).backgroundColor",
                )
                assert mark == swatch == "rgb({}, {}, {})".format(*_rgb(STATUS_COLOURS[status]))
                shown.add(mark)
            assert len(shown) == len(CheckStatus)

            details = page.locator("#details")
            expect(details).to_be_hidden()
            page.click(f'mark[data-status="{CheckStatus.DECISION_ERROR}"]')
            expect(details).to_be_visible()
            expect(details.locator('dd[data-field="note"]')).to_have_text("177 naar 190 is +7%")
            expect(details.locator('dd[data-field="computed"]')).to_have_text("1,0734")
            expect(details.locator('dd[data-field="status"]')).to_contain_text("decision_error")

            tip = page.locator("#tip")
            page.hover(f'mark[data-status="{CheckStatus.DISCREPANCY}"]')
            expect(tip).to_be_visible()
            expect(tip).to_contain_text("berekend: 1.543")
            page.mouse.move(5, 5)
            expect(tip).to_be_hidden()

            page.focus(f'mark[data-status="{CheckStatus.CONSISTENT}"]')
            page.keyboard.press("Enter")
            expect(details.locator('dd[data-field="value"]')).to_have_text("0,28 (28%)")
            page.keyboard.press("Escape")
            expect(details).to_be_hidden()

            page.click(f'mark[data-status="{CheckStatus.DECISION_ERROR}"]')
            shot = tmp_path / "controle.png"
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert shot.stat().st_size > 1000
    assert requests
    assert all(url.startswith("file://") for url in requests), requests
    assert problems == []


def _screenshots_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts/screenshots.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


@needs_chromium
def test_the_screenshot_script_opens_the_first_flagged_figure(tmp_path: Path) -> None:
    draft = Draft.from_text(TEXT)
    result = rows_of(draft, ROWS)
    target = tmp_path / "images" / "check-html.png"
    opened = _screenshots_script().screenshot(render_html(draft, result), target)
    assert opened == "1.600"  # the first flagged figure in the text
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1200, 900)


FILLER = "Een regel zonder getallen, die de tekst lang maakt.\n" * 30
LONG_TEXT = "".join(line + "\n" + FILLER for line in TEXT.splitlines())

_IN_VIEW = """e => {
  const box = e.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}"""
_CENTRE = "e => { const b = e.getBoundingClientRect(); return (b.top + b.bottom) / 2; }"


@needs_chromium
def test_the_page_leads_through_the_flagged_numbers(tmp_path: Path) -> None:
    draft = Draft.from_text(LONG_TEXT, name="concept.txt")
    result = rows_of(draft, ROWS)
    flagged = [str(i) for i, (_, status, *_) in enumerate(ROWS) if status.flagged]
    assert flagged == ["1", "4", "6", "8"]  # in the order of the text
    target = tmp_path / "controle.html"
    target.write_text(render_html(draft, result), encoding="utf-8")
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(5000)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(target.as_uri())
            height = page.evaluate("window.innerHeight")
            assert page.evaluate("document.documentElement.scrollHeight") > 5 * height

            def focused() -> str:
                return str(
                    page.evaluate(
                        "(() => { const e = document.activeElement;"
                        " return e.tagName + ':' + (e.id || e.getAttribute('data-row') || ''); })()"
                    )
                )

            def shown(row: str) -> None:
                mark = page.locator(f"#m-{row}")
                assert focused() == f"MARK:m-{row}"
                assert mark.evaluate(_IN_VIEW), f"mark {row} is not in view"
                expect(details).to_be_visible()
                expect(details).to_have_attribute("data-row", row)
                expect(mark).to_have_attribute("data-selected", "")

            details = page.locator("#details")
            position = page.locator("#flagged-position")
            expect(position).to_have_text("\u2013 van 4")

            # the tab order: the two buttons, then only the flagged marks, then the table
            stops = []
            page.locator("body").focus()
            for _ in range(12):
                page.keyboard.press("Tab")
                stop = focused()
                if stop.startswith("TR:"):
                    break
                stops.append(stop)
            assert stops == [
                "BUTTON:flagged-previous",
                "BUTTON:flagged-next",
                *(f"MARK:m-{i}" for i in flagged),
            ]
            assert (
                page.eval_on_selector_all(
                    "mark", "ms => ms.filter(m => m.tabIndex >= 0).map(m => m.dataset.row)"
                )
                == flagged
            )
            page.keyboard.press("Escape")
            page.evaluate("window.scrollTo(0, 0)")

            # the buttons and the keys n and p go through them in the order of the text
            page.click("#flagged-next")
            shown("1")
            expect(position).to_have_text("1 van 4")
            expect(details.locator('dd[data-field="note"]')).to_have_text("de tabel geeft 1.543")
            for k, row in enumerate(flagged[1:], 2):
                page.keyboard.press("n")
                shown(row)
                expect(position).to_have_text(f"{k} van 4")
            page.keyboard.press("n")  # past the last: the first again
            shown("1")
            expect(position).to_have_text("1 van 4")
            page.keyboard.press("p")  # before the first: the last
            shown("8")
            expect(position).to_have_text("4 van 4")
            page.click("#flagged-previous")
            shown("6")
            expect(position).to_have_text("3 van 4")
            expect(details.locator('dd[data-field="note"]')).to_have_text("177 naar 190 is +7%")
            page.keyboard.press("p")
            shown("4")
            expect(position).to_have_text("2 van 4")

            # n and p typed in a form field are text, not a move
            page.evaluate(
                "document.getElementById('summary').appendChild(document.createElement('input'))"
            )
            page.locator("#summary input").fill("")
            page.locator("#summary input").press("n")
            page.locator("#summary input").press("p")
            expect(page.locator("#summary input")).to_have_value("np")
            expect(position).to_have_text("2 van 4")

            # a row of the table, clicked, shows its mark in the middle of the window
            table_row = page.locator("#r-2")  # 1.290, not flagged, between the first two
            table_row.scroll_into_view_if_needed()
            mark = page.locator("#m-2")
            assert not mark.evaluate(_IN_VIEW)
            table_row.locator('td[data-field="note"]').click()
            shown("2")
            assert abs(mark.evaluate(_CENTRE) - height / 2) < 60
            expect(mark).to_have_attribute("data-flash", "")
            expect(details.locator('dd[data-field="computed"]')).to_have_text("1.290,4")
            expect(position).to_have_text("\u2013 van 4")  # not one of them; n goes on
            page.keyboard.press("n")
            shown("4")
            expect(position).to_have_text("2 van 4")
            expect(page.locator("#m-2")).not_to_have_attribute("data-flash", "")

            # so does Enter in a row, and its link to the text
            page.locator("#r-9").focus()
            assert not page.locator("#m-9").evaluate(_IN_VIEW)
            page.keyboard.press("Enter")
            shown("9")
            page.locator("#r-0 a").scroll_into_view_if_needed()
            page.locator("#r-0 a").click()
            shown("0")
            assert abs(page.locator("#m-0").evaluate(_CENTRE) - height / 2) < 60
        finally:
            browser.close()
    assert problems == []
