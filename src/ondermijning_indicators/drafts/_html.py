"""The result of a check as one HTML page: the draft's text with every number marked.

`render_html` writes a single self-contained file (its style and script inline, no
font, image or other file loaded, a Content-Security-Policy that forbids every network
load) that opens from disk without a connection. At the top a summary counts the
numbers per status, the worst first, beside a legend of the colours; below it the
draft's full text, each number of the check marked in the colour of its status, its
computation shown on hover and, on a click or Enter, in a details panel; under the text
a table of every row, the flagged ones first. Only the numbers that need attention are
tab stops; buttons in the summary (and the keys n and p) go from one to the next, and a
row of the table, clicked, shows its number in the text.

Everything taken from the draft or the check is escaped: a draft holding
``<script>`` shows it as text.
"""

from __future__ import annotations

import bisect
import html
import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pandas as pd

from .._notation import format_number
from ..errors import InvalidInputError
from ._draft import CHECK_COLUMNS, CheckStatus, Draft, DraftKind

__all__ = ["STATUS_COLOURS", "render_html"]

STATUS_COLOURS: Mapping[CheckStatus, str] = MappingProxyType(
    {
        CheckStatus.DECISION_ERROR: "#EE6677",
        CheckStatus.DISCREPANCY: "#EE8866",
        CheckStatus.INVALID: "#AAAA00",
        CheckStatus.NOT_CHECKED: "#FFAABB",
        CheckStatus.NOT_DERIVABLE: "#EEDD88",
        CheckStatus.CONSISTENT: "#99DDFF",
        CheckStatus.WITHIN_ROUNDING: "#BBCC33",
        CheckStatus.EXACT: "#44BB99",
        CheckStatus.TRANSCRIBED: "#77AADD",
        CheckStatus.NOT_A_FIGURE: "#DDDDDD",
    }
)
"""The background colour of each status in the HTML page, as ``#RRGGBB``.

Paul Tol's "light" scheme and the red of his "bright" scheme: colours told apart under
the common kinds of colour blindness, each with a contrast of at least 6.8:1 to the
black text on it. The flagged statuses are also underlined, so that the colour is never
the only sign.

>>> from ondermijning_indicators.drafts import CheckStatus
>>> from ondermijning_indicators.drafts._html import STATUS_COLOURS
>>> STATUS_COLOURS[CheckStatus.DECISION_ERROR], len(set(STATUS_COLOURS.values()))
('#EE6677', 10)
"""

_LABELS: Mapping[CheckStatus, str] = MappingProxyType(
    {
        CheckStatus.DECISION_ERROR: "Conclusie klopt niet",
        CheckStatus.DISCREPANCY: "Wijkt af van de gegevens",
        CheckStatus.INVALID: "Niet te berekenen",
        CheckStatus.NOT_CHECKED: "Niet gecontroleerd",
        CheckStatus.NOT_DERIVABLE: "Niet af te leiden uit een tabel",
        CheckStatus.CONSISTENT: "Klopt, met de kwalificatie",
        CheckStatus.WITHIN_ROUNDING: "Klopt, binnen de afronding",
        CheckStatus.EXACT: "Klopt precies",
        CheckStatus.TRANSCRIBED: "Overgenomen uit een bron",
        CheckStatus.NOT_A_FIGURE: "Geen cijfer",
    }
)
"""The status as the page names it (Dutch, as the report)."""

_KINDS: Mapping[DraftKind, str] = MappingProxyType(
    {
        DraftKind.TEXT: "platte tekst",
        DraftKind.MARKDOWN: "Markdown",
        DraftKind.DOCX: "Word-document",
        DraftKind.PDF: "PDF",
    }
)
"""The kind of file as the page names it."""

_FIELDS: tuple[tuple[str, str], ...] = (
    ("phrase", "Zinsdeel"),
    ("status", "Uitkomst"),
    ("page", "Pagina"),
    ("line", "Regel"),
    ("value", "Gedrukt"),
    ("computed", "Berekend"),
    ("unit", "Eenheid"),
    ("kind", "Soort"),
    ("linked_to", "Gekoppeld aan"),
    ("note", "Toelichting"),
)
"""The fields of a row in the details panel and the table, with their Dutch headings."""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 1.5rem 4rem; font: 16px/1.5 system-ui, -apple-system,
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; }
#summary, main > h2, .draft-text { max-width: 47rem; }
.table-wrap { overflow-x: auto; }
h1 { font-size: 1.5rem; margin: 1.2rem 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: .85em; }
.meta { margin: 0 0 .6rem; color: #333; }
.legend { border-collapse: collapse; margin: .6rem 0; }
.legend td, .legend th { padding: .15rem .6rem .15rem 0; text-align: left; }
.legend td.count { text-align: right; font-variant-numeric: tabular-nums; }
.legend tr.zero { color: #595959; }
.swatch { display: inline-block; width: 2.2em; height: 1.1em; vertical-align: -.15em;
  border: 1px solid #555; border-radius: 2px; }
.draft-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace,
  "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9rem; line-height: 1.7;
  border: 1px solid #bbb; border-radius: 4px; padding: .8rem 1rem; background: #fff; }
mark { color: #000; padding: 0 .1em; border-radius: 2px; cursor: pointer; }
mark:focus-visible, tr[data-row]:focus-visible { outline: 3px solid #000; outline-offset: 1px; }
mark[data-selected] { outline: 2px solid #000; outline-offset: 1px; }
mark[data-flash] { outline: 3px solid #000; outline-offset: 2px; }
@media (prefers-reduced-motion: no-preference) {
  mark[data-flash] { animation: flash 1.6s ease-out; }
}
@keyframes flash { 0%, 35% { box-shadow: 0 0 0 .45em #FFD400; }
  100% { box-shadow: 0 0 0 0 rgba(255, 212, 0, 0); } }
.flagged-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem;
  margin: .6rem 0; }
.flagged-nav button { font: inherit; font-size: .9rem; color: #111; background: #f2f2f2;
  border: 1px solid #555; border-radius: 4px; padding: .25rem .7rem; cursor: pointer; }
.flagged-nav button:hover { background: #e0e0e0; }
.flagged-nav button:focus-visible { outline: 3px solid #000; outline-offset: 1px; }
#flagged-position { min-width: 5.5em; text-align: center; font-variant-numeric: tabular-nums; }
kbd { font: .8em ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  border: 1px solid #767676; border-radius: 3px; padding: 0 .3em; }
.page-break { display: block; border-top: 1px dashed #767676; margin: .4rem 0;
  font: .75rem system-ui, sans-serif; color: #595959; text-align: right; }
.page-break::before { content: "pagina " attr(data-page); }
table.rows { border-collapse: collapse; width: 100%; font-size: .85rem; }
table.rows td { overflow-wrap: anywhere; }
table.rows td a { white-space: nowrap; }
table.rows td[data-field="note"] { min-width: 14rem; }
table.rows td[data-field="phrase"], table.rows td[data-field="status"] { min-width: 7rem; }
table.rows th, table.rows td { border-bottom: 1px solid #ccc; padding: .25rem .4rem;
  text-align: left; vertical-align: top; }
table.rows td.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
table.rows tbody tr { cursor: pointer; }
table.rows tbody tr:hover { background: #f2f2f2; }
#tip { position: absolute; z-index: 10; max-width: 26rem; background: #1f1f1f; color: #fff;
  padding: .4rem .6rem; border-radius: 4px; font-size: .85rem; line-height: 1.4;
  white-space: pre-line; pointer-events: none; box-shadow: 0 2px 6px rgba(0, 0, 0, .3); }
#details { position: fixed; z-index: 20; top: 1rem; right: 1rem;
  width: min(24rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); overflow: auto;
  background: #fff; border: 2px solid #111; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, .25); padding: 0 1rem 1rem; }
#details .band { height: .6rem; margin: 0 -1rem .6rem; }
#details h2 { margin: .2rem 2rem .6rem 0; font-size: 1.05rem; }
#details dl { margin: 0; display: grid; grid-template-columns: max-content 1fr;
  gap: .25rem .8rem; }
#details dt { font-weight: 600; }
#details dd { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
#details-close { position: absolute; top: .9rem; right: .6rem; font-size: 1.2rem;
  line-height: 1; background: #fff; border: 1px solid #555; border-radius: 4px;
  padding: .1rem .45rem; cursor: pointer; }
[hidden] { display: none !important; }
@media print { #details, #tip, .flagged-nav { display: none !important; } }
"""

_SCRIPT = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var panel = document.getElementById("details");
  var position = document.getElementById("flagged-position");
  // the marks that need attention, in the order of the text: the tab stops
  var flagged = Array.prototype.slice.call(
    document.querySelectorAll('#draft-text mark[tabindex="0"]'));
  // where the reader is among them: k at the k-th (from 0), k + .5 between two
  var current = -0.5;
  var selected = null, flashing = null, flashTimer = 0;
  function field(i, name) {
    var row = document.getElementById("r-" + i);
    var cell = row ? row.querySelector('[data-field="' + name + '"]') : null;
    return cell ? cell.textContent.trim() : "";
  }
  function markOf(node) {
    return node && node.closest ? node.closest("mark[data-row]") : null;
  }
  function rowOf(node) {
    return node && node.closest ? node.closest("tr[data-row]") : null;
  }
  function typing(node) {
    return Boolean(node && node.closest && node.closest(
      'input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
  }
  function showTip(mark) {
    var i = mark.getAttribute("data-row");
    var lines = [field(i, "status")];
    var value = field(i, "value"), computed = field(i, "computed"), note = field(i, "note");
    if (value) { lines.push("gedrukt: " + value); }
    if (computed) { lines.push("berekend: " + computed); }
    if (note) { lines.push(note); }
    tip.textContent = lines.join("\\n");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(4, Math.min(box.left, width - tip.offsetWidth - 4));
    tip.style.left = (window.scrollX + left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }
  function hideTip() { tip.hidden = true; }
  function dutch(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, "."); }
  function place(mark) {
    var k = flagged.indexOf(mark);
    if (k < 0) {
      k = -0.5;
      flagged.forEach(function (other, j) {
        if (mark.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_PRECEDING) {
          k = j + 0.5;
        }
      });
    }
    current = k;
    if (position) {
      position.textContent = (k % 1 === 0 ? dutch(k + 1) : "\\u2013") + " van " +
        dutch(flagged.length);
    }
  }
  function open(i) {
    var row = document.getElementById("r-" + i);
    if (!row) { return; }
    panel.querySelectorAll("dd[data-field]").forEach(function (dd) {
      dd.textContent = field(i, dd.getAttribute("data-field")) || "\\u2014";
    });
    var status = row.getAttribute("data-status");
    panel.setAttribute("data-status", status);
    panel.setAttribute("data-row", i);
    panel.querySelector(".band").className = "band st-" + status;
    panel.hidden = false;
    if (selected) { selected.removeAttribute("data-selected"); }
    selected = document.getElementById("m-" + i);
    if (selected) { selected.setAttribute("data-selected", ""); place(selected); }
  }
  function close() {
    panel.hidden = true;
    if (selected) { selected.removeAttribute("data-selected"); selected = null; }
  }
  function flash(mark) {
    if (flashing) { flashing.removeAttribute("data-flash"); }
    window.clearTimeout(flashTimer);
    void mark.offsetWidth;  // start the animation again on the same mark
    mark.setAttribute("data-flash", "");
    flashing = mark;
    flashTimer = window.setTimeout(function () {
      mark.removeAttribute("data-flash");
      flashing = null;
    }, 1600);
  }
  function reveal(mark) {
    mark.scrollIntoView({block: "center", inline: "nearest"});
    mark.focus({preventScroll: true});
    flash(mark);
  }
  function openRow(row, event) {
    var i = row.getAttribute("data-row");
    open(i);
    var mark = document.getElementById("m-" + i);
    if (mark) {
      if (event.target.closest && event.target.closest("a")) { event.preventDefault(); }
      reveal(mark);
    }
  }
  function go(step) {
    if (!flagged.length) { return; }
    var k = step > 0 ? Math.floor(current) + 1 : Math.ceil(current) - 1;
    var mark = flagged[((k % flagged.length) + flagged.length) % flagged.length];
    open(mark.getAttribute("data-row"));
    reveal(mark);
  }
  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark) { showTip(mark); }
  });
  document.addEventListener("mouseout", function (event) {
    var mark = markOf(event.target);
    if (mark && !mark.contains(event.relatedTarget)) { hideTip(); }
  });
  document.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) { showTip(mark); }
  });
  document.addEventListener("focusout", function (event) {
    if (markOf(event.target)) { hideTip(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("#details")) { return; }
    var mark = markOf(event.target), row = rowOf(event.target);
    if (mark) { open(mark.getAttribute("data-row")); } else if (row) { openRow(row, event); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideTip(); close(); return; }
    if ((event.key === "n" || event.key === "p") && !event.ctrlKey && !event.metaKey &&
        !event.altKey && !event.isComposing && !typing(event.target)) {
      event.preventDefault();
      go(event.key === "n" ? 1 : -1);
      return;
    }
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var mark = markOf(event.target), row = rowOf(event.target);
    if (mark) {
      event.preventDefault();
      open(mark.getAttribute("data-row"));
    } else if (row) {
      event.preventDefault();
      openRow(row, event);
    }
  });
  document.getElementById("details-close").addEventListener("click", close);
  var next = document.getElementById("flagged-next");
  var previous = document.getElementById("flagged-previous");
  if (next) { next.addEventListener("click", function () { go(1); }); }
  if (previous) { previous.addEventListener("click", function () { go(-1); }); }
})();
"""


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of the check, its fields written for the reader."""

    position: int
    status: CheckStatus
    start: int | None
    end: int | None
    shown: Mapping[str, str]


def render_html(draft: Draft, result: pd.DataFrame, *, title: str | None = None) -> str:
    """Write the check of a draft as one self-contained HTML page.

    The page shows a summary (the number of rows per status, the worst first, with a
    legend of the colours), the draft's full text with every row's span
    ``[start, end)`` marked in the colour of its status (`STATUS_COLOURS`), and a
    table of every row, the flagged ones first. A mark is
    ``<mark class="st-<status>" data-status="<status>" data-row="<i>" tabindex="0">``,
    ``i`` the row's position in ``result``; hovering it shows its computation, a click
    or Enter opens a panel with all its fields, numbers in Dutch notation. A row whose
    span overlaps the span of a worse row (or of an equally bad one earlier in the
    text), or lies outside the text, is not marked but listed in the table all the
    same, with the reason.

    Only the marks of a flagged status (`CheckStatus.flagged`) are tab stops
    (``tabindex="0"``); the others have ``tabindex="-1"`` (still opened by a click).
    The summary has buttons "vorige" and "volgende te bekijken getal" (and the keys
    n and p, outside a form field) that go through the flagged marks in the order of
    the text, scrolling each into view and opening its panel, and says which one is
    shown ("2 van 7"). A click on (or Enter in) a row of the table scrolls its mark
    into the middle of the window, focuses it, briefly highlights it and opens its panel.

    The page loads nothing: its style and script are inline and a
    Content-Security-Policy forbids every other load. All text of the draft and the
    check is escaped.

    Parameters
    ----------
    draft : Draft
        The draft that was checked.
    result : pandas.DataFrame
        The check of it, with the columns `CHECK_COLUMNS`.
    title : str, optional
        The page's title; by default "Controle van" and the draft's name.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    InvalidInputError
        If ``result`` lacks a column of `CHECK_COLUMNS` or a row has an unknown status.

    Examples
    --------
    >>> import pandas as pd
    >>> from ondermijning_indicators.drafts import CHECK_COLUMNS, Draft
    >>> from ondermijning_indicators.drafts._html import render_html
    >>> draft = Draft.from_text("In 81% van de zaken <b>legde</b> de rechter een straf op.")
    >>> start = draft.text.index("81%")
    >>> row = dict(phrase="81%", page=None, line=1, value=0.81, unit="share (0-1)",
    ...            status="discrepancy", computed=0.7516, linked_to="metric:aandeel",
    ...            note="berekend 75,2%", kind="percentage", start=start, end=start + 3)
    >>> page = render_html(draft, pd.DataFrame([row], columns=CHECK_COLUMNS))
    >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;legde&lt;/b&gt;" in page
    (True, True)
    >>> '<mark class="st-discrepancy" data-status="discrepancy" data-row="0" tabindex="0"' in page
    True
    >>> '<span id="flagged-position" role="status">&#8211; van 1</span>' in page
    True
    >>> "0,81 (81%)" in page and "0,7516 (75,16%)" in page
    True
    """
    missing = [c for c in CHECK_COLUMNS if c not in result.columns]
    if missing:
        raise InvalidInputError(
            f"render_html: the result lacks the column(s) {', '.join(missing)}; a check "
            f"has the columns {', '.join(CHECK_COLUMNS)}"
        )
    rows = [
        _row(i, record) for i, record in enumerate(result.loc[:, CHECK_COLUMNS].to_dict("records"))
    ]
    marked, skipped = _marked(rows, len(draft.text))
    to_see = sum(1 for _, _, row in marked if row.status.flagged)
    page_title = title if title is not None else f"Controle van {draft.name}"
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_esc(page_title)}</title>\n",
        f"<style>{_STYLE}{_status_style()}</style>\n</head>\n<body>\n",
        _summary(draft, rows, page_title, len(skipped), to_see),
        '<main>\n<h2 id="tekst">Tekst</h2>\n',
        _text(draft, marked),
        '\n<h2 id="getallen">Alle getallen</h2>\n',
        _table(draft, rows, skipped),
        "</main>\n",
        '<div id="tip" role="tooltip" hidden></div>\n',
        _panel(),
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _float(value: Any) -> float | None:
    if _missing(value) or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _offset(value: Any) -> int | None:
    number = _float(value)
    if number is None or not math.isfinite(number) or not number.is_integer():
        return None
    return int(number)


def _words(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _whole(value: Any) -> str:
    number = _float(value)
    if number is None:
        return _words(value)
    return format_number(number, decimals=0) if number.is_integer() else format_number(number)


def _amount(value: Any, unit: str) -> str:
    number = _float(value)
    if number is None:
        return _words(value)
    text = format_number(number)
    if unit.startswith("share") and math.isfinite(number):
        text += f" ({format_number(number * 100)}%)"
    return text


def _row(position: int, record: Mapping[Any, Any]) -> _Row:
    try:
        status = CheckStatus(str(record["status"]))
    except ValueError:
        known = ", ".join(s.value for s in CheckStatus)
        raise InvalidInputError(
            f"render_html: row {position} has the status {record['status']!r}; a status is "
            f"one of {known}"
        ) from None
    unit = _words(record["unit"])
    shown = {
        "phrase": _words(record["phrase"]),
        "status": f"{_LABELS[status]} ({status.value})",
        "page": _whole(record["page"]),
        "line": _whole(record["line"]),
        "value": _amount(record["value"], unit),
        "computed": _amount(record["computed"], unit),
        "unit": unit,
        "kind": _words(record["kind"]),
        "linked_to": _words(record["linked_to"]),
        "note": _words(record["note"]),
    }
    return _Row(position, status, _offset(record["start"]), _offset(record["end"]), shown)


def _marked(rows: list[_Row], length: int) -> tuple[list[tuple[int, int, _Row]], dict[int, str]]:
    """Choose the rows to mark: disjoint spans, the worst first; say why each other is not."""
    starts: list[int] = []
    chosen: list[tuple[int, int, _Row]] = []  # (start, end, row), in the order of the starts
    skipped: dict[int, str] = {}
    for row in sorted(rows, key=lambda r: (r.status.rank, r.start or 0, r.position)):
        start, end = row.start, row.end
        if start is None or end is None or not 0 <= start < end <= length:
            skipped[row.position] = "niet gemarkeerd: de plaats ligt niet in de tekst"
            continue
        at = bisect.bisect_right(starts, start)
        clash = [
            other
            for other_start, other_end, other in chosen[max(at - 1, 0) : at + 1]
            if other_start < end and start < other_end
        ]
        if clash:
            skipped[row.position] = (
                f"niet gemarkeerd: overlapt nr. {clash[0].position + 1} "
                f"({clash[0].shown['phrase']})"
            )
            continue
        starts.insert(at, start)
        chosen.insert(at, (start, end, row))
    return chosen, skipped


def _status_style() -> str:
    rules = [f".st-{s.value} {{ background-color: {c}; }}" for s, c in STATUS_COLOURS.items()]
    rules += [
        f"mark.st-{s.value} {{ border-bottom: 2px solid #000; }}" for s in CheckStatus if s.flagged
    ]
    rules.append(
        f"mark.st-{CheckStatus.DECISION_ERROR.value} {{ border-bottom: 4px double #000; }}"
    )
    return "\n" + "\n".join(rules) + "\n"


def _summary(draft: Draft, rows: list[_Row], title: str, unmarked: int, to_see: int) -> str:
    counts = Counter(row.status for row in rows)
    flagged = sum(n for status, n in counts.items() if status.flagged)
    where = _KINDS.get(draft.kind, str(draft.kind))
    if draft.page_starts:
        pages = len(draft.page_starts)
        where += f", {format_number(pages, decimals=0)} " + ("pagina" if pages == 1 else "pagina's")
    legend = []
    for status in CheckStatus:
        n = counts.get(status, 0)
        zero = "" if n else ' class="zero"'
        legend.append(
            f'<tr data-status="{status.value}"{zero}>'
            f'<td><span class="swatch st-{status.value}" data-status="{status.value}"></span></td>'
            f"<td>{_esc(_LABELS[status])}</td><td><code>{status.value}</code></td>"
            f'<td class="count">{format_number(n, decimals=0)}</td></tr>'
        )
    lines = [
        '<header id="summary">',
        f"<h1>{_esc(title)}</h1>",
        f'<p class="meta">Concept: <code>{_esc(draft.name)}</code> ({_esc(where)})</p>',
        f"<p>{format_number(len(rows), decimals=0)} "
        + ("getal" if len(rows) == 1 else "getallen")
        + f" gevonden; {format_number(flagged, decimals=0)} daarvan "
        + ("vraagt" if flagged == 1 else "vragen")
        + " aandacht.</p>",
        "<p>Elk getal in de tekst is gekleurd naar de uitkomst van de controle, volgens de "
        "legenda hieronder (de ernstigste uitkomst bovenaan). De eerste vier kleuren "
        "(rood, oranje, olijf en roze, in de tekst ook onderstreept) vragen aandacht: het "
        "getal of de conclusie klopt niet met de gegevens, of het kon niet worden "
        "nagerekend. De andere kleuren vragen geen actie. Wijs een getal aan om de "
        "berekening te zien; klik erop of druk op Enter voor alle gegevens. Een klik op "
        "een rij van de tabel onder de tekst toont het getal in de tekst.</p>",
    ]
    if to_see:
        lines += [
            "<p>Met Tab gaat u langs de getallen die aandacht vragen; de knoppen hieronder, "
            "of de toetsen <kbd>n</kbd> (volgende) en <kbd>p</kbd> (vorige), gaan van het "
            "ene naar het andere, in de volgorde van de tekst.</p>",
            '<nav class="flagged-nav" aria-label="Getallen die aandacht vragen">'
            '<button type="button" id="flagged-previous" aria-keyshortcuts="p">'
            "&#8592; vorige te bekijken getal</button>"
            f'<span id="flagged-position" role="status">&#8211; van '
            f"{format_number(to_see, decimals=0)}</span>"
            '<button type="button" id="flagged-next" aria-keyshortcuts="n">'
            "volgende te bekijken getal &#8594;</button></nav>",
        ]
    if unmarked:
        lines.append(
            f"<p>{format_number(unmarked, decimals=0)} "
            + ("getal kon" if unmarked == 1 else "getallen konden")
            + " niet in de tekst worden gemarkeerd (de plaats overlapt een ander getal of "
            "ligt buiten de tekst); de tabel onder de tekst noemt "
            + ("het" if unmarked == 1 else "ze")
            + " wel.</p>"
        )
    lines += [
        '<table class="legend" id="legend"><thead><tr><th>Kleur</th><th>Uitkomst</th>'
        "<th>Status</th><th>Aantal</th></tr></thead><tbody>",
        *legend,
        "</tbody></table>",
        "</header>\n",
    ]
    return "\n".join(lines)


def _text(draft: Draft, marked: list[tuple[int, int, _Row]]) -> str:
    text = draft.text
    length = len(text)
    breaks = sorted((min(max(p, 0), length), page) for page, p in enumerate(draft.page_starts, 1))
    offsets = [p for p, _ in breaks]
    out = ['<div id="draft-text" class="draft-text">']

    def segment(lo: int, hi: int, *, inner: bool) -> None:
        # outer segments hold the page breaks at both ends, inner ones (a mark) at neither
        first = bisect.bisect_right(offsets, lo) if inner else bisect.bisect_left(offsets, lo)
        last = bisect.bisect_left(offsets, hi) if inner else bisect.bisect_right(offsets, hi)
        at = lo
        for p, page in breaks[first:last]:
            out.append(_esc(text[at:p]))
            out.append(
                f'<span class="page-break" role="separator" aria-label="pagina {page}" '
                f'data-page="{page}"></span>'
            )
            at = p
        out.append(_esc(text[at:hi]))

    at = 0
    for start, end, row in marked:
        segment(at, start, inner=False)
        stop = "0" if row.status.flagged else "-1"  # a tab stop only where to look
        out.append(
            f'<mark class="st-{row.status.value}" data-status="{row.status.value}" '
            f'data-row="{row.position}" tabindex="{stop}" id="m-{row.position}" '
            f'title="{_esc(_tooltip(row))}">'
        )
        segment(start, end, inner=True)
        out.append("</mark>")
        at = end
    segment(at, length, inner=False)
    out.append("</div>")
    return "".join(out)


def _tooltip(row: _Row) -> str:
    lines = [row.shown["status"]]
    if row.shown["value"]:
        lines.append(f"gedrukt: {row.shown['value']}")
    if row.shown["computed"]:
        lines.append(f"berekend: {row.shown['computed']}")
    if row.shown["note"]:
        lines.append(row.shown["note"])
    return "\n".join(lines)


def _table(draft: Draft, rows: list[_Row], skipped: Mapping[int, str]) -> str:
    if not rows:
        return '<p id="all-rows">De controle vond geen getallen in de tekst.</p>\n'
    length = len(draft.text) + 1

    def order(row: _Row) -> tuple[int, int, int, int]:
        start = row.start if row.start is not None else length
        return (
            0 if row.status.flagged else 1,
            row.status.rank if row.status.flagged else 0,
            start,
            row.position,
        )

    numeric = {"page", "line", "value", "computed"}
    head = "".join(f"<th>{heading}</th>" for _, heading in _FIELDS)
    lines = [
        '<div class="table-wrap"><table class="rows" id="all-rows">',
        f"<thead><tr><th>Nr.</th>{head}<th>In de tekst</th></tr></thead>",
        "<tbody>",
    ]
    for row in sorted(rows, key=order):
        cells = []
        for name, _ in _FIELDS:
            css = ' class="num"' if name in numeric else ""
            value = _esc(row.shown[name])
            if name == "status":
                value = f'<span class="swatch st-{row.status.value}"></span> {value}'
            cells.append(f'<td data-field="{name}"{css}>{value}</td>')
        if row.position in skipped:
            where = _esc(skipped[row.position])
        else:
            where = f'<a href="#m-{row.position}">naar de tekst</a>'
        lines.append(
            f'<tr id="r-{row.position}" data-row="{row.position}" '
            f'data-status="{row.status.value}" tabindex="0">'
            f'<td class="num">{row.position + 1}</td>{"".join(cells)}<td>{where}</td></tr>'
        )
    lines += ["</tbody>", "</table></div>\n"]
    return "\n".join(lines)


def _panel() -> str:
    fields = "".join(
        f'<dt>{heading}</dt><dd data-field="{name}"></dd>' for name, heading in _FIELDS
    )
    return (
        '<aside id="details" hidden aria-live="polite" aria-labelledby="details-title">'
        '<div class="band"></div>'
        '<h2 id="details-title">Berekening van dit getal</h2>'
        '<button id="details-close" type="button" aria-label="Sluiten">&#215;</button>'
        f"<dl>{fields}</dl></aside>\n"
    )
