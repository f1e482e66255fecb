"""The documentation site: its examples run, and it documents everything the library has."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import ondermijning_indicators as oi
from ondermijning_indicators.published import load_records

from .conftest import ROOT

DOCS = ROOT / "docs"
CLI = Path(sys.executable).with_name("ondermijning-indicators")


def _shell_lines(page: Path) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    lines = [ln.split("#")[0].strip() for block in blocks for ln in block.splitlines()]
    return [ln for ln in lines if ln]


def _shell_commands(page: Path) -> list[str]:
    return [ln for ln in _shell_lines(page) if ln.startswith("ondermijning-indicators ")]


# Install commands are not run inside the test suite (they would replace the environment
# it runs in); CI runs them: .ci/run calls make, and scripts/check-wheel.sh installs the
# built wheel into a fresh environment.
INSTALL_COMMANDS = {"make reproduce", 'pip install ".[plots]"'}


def test_every_shell_line_of_getting_started_is_run_here_or_by_ci() -> None:
    lines = _shell_lines(DOCS / "getting-started.md")
    others = {ln for ln in lines if not ln.startswith("ondermijning-indicators ")}
    assert others == INSTALL_COMMANDS
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nreproduce:" in makefile
    assert "plots = [" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _shell_commands(DOCS / "getting-started.md"))
def test_every_command_of_getting_started_runs(command: str, tmp_path: Path) -> None:
    # Run where the page's relative paths resolve, in a copy, so outputs stay out of the
    # checkout.
    shutil.copytree(DOCS / "examples", tmp_path / "docs" / "examples")
    shutil.copytree(ROOT / "data" / "editions", tmp_path / "data" / "editions")
    args = shlex.split(command)[1:]
    proc = subprocess.run(
        [str(CLI), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"COLUMNS": "120"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key == "id" and value:
                self.ids.add(value)
            if key in {"href", "src"} and value and tag in {"a", "img"}:
                self.hrefs.append(value)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def _parse(path: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_metric_has_its_entry_on_the_metrics_page(site: Path) -> None:
    page = _parse(site / "metrics.html")
    assert set(oi.list_metrics().index) <= page.ids


def test_the_record_definitions_are_beside_the_metrics(site: Path) -> None:
    from ondermijning_indicators import records

    html = (site / "metrics.html").read_text(encoding="utf-8")
    assert {"record-definitions", "verdict-records", "seizure-records"} <= _parse(
        site / "metrics.html"
    ).ids
    for column in (*records.VERDICT_COLUMNS, *records.SEIZURE_COLUMNS):
        assert f"<code>{column.name}</code>" in html, column.name
    for rule in (*records.VERDICT_RULES, *records.SEIZURE_RULES):
        assert f"<code>{rule.name}</code>" in html, rule.name
    for klasse in records.CLASS_BOUNDS_MONTHS:
        assert f"<code>{klasse}</code>" in html, klasse
    # every court metric links to the verdict definitions
    court = oi.list_metrics().query("theme == 'Bestraffen'").index
    assert html.count('href="#verdict-records"') >= len(court)


def test_every_table_has_its_entry_in_the_data_dictionary(site: Path) -> None:
    page = _parse(site / "data.html")
    assert set(oi.list_samples().index) <= page.ids


def test_every_record_is_on_the_published_figures_page(site: Path) -> None:
    page = _parse(site / "published.html")
    anchors = {"r-" + re.sub(r"[^a-z0-9_-]", "-", r.id.lower()) for r in load_records()}
    assert anchors <= page.ids


def test_every_audit_finding_is_on_the_audit_page(site: Path) -> None:
    text = (site / "audit.html").read_text(encoding="utf-8")
    for finding in oi.audit().query("status == 'finding'")["id"]:
        assert finding in text


def test_every_public_metric_has_an_api_entry(site: Path) -> None:
    page = _parse(site / "api" / "metrics.html")
    for metric_id in oi.list_metrics().index:
        assert f"ondermijning_indicators.metrics.{metric_id}" in page.ids


def test_no_internal_link_is_broken(site: Path) -> None:
    # 404.html is served at any address, so its links are relative to the site root.
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    ids = {page: _parse(page).ids for page in pages}
    broken = []
    for page in pages:
        for href in _parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids.get(target, _parse(target).ids)
            ):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:20]


def test_the_charts_are_on_the_site(site: Path) -> None:
    charts = sorted((site / "charts").glob("*.png"))
    assert len(charts) == 5
    assert all(p.stat().st_size > 5_000 for p in charts)


def test_every_limit_is_stated_with_its_value(site: Path) -> None:
    import dataclasses

    from ondermijning_indicators._readers import LIMITS

    text = (site / "boundaries.html").read_text(encoding="utf-8")
    for field in dataclasses.fields(LIMITS):
        value = getattr(LIMITS, field.name)
        shown = f"{value // 2**20} MiB" if field.name.endswith("bytes") else f"{value:,}"
        assert f"<code>{field.name}</code></td>\n<td>{shown}</td>" in text, field.name


# --------------------------------------------------------------------------- offline, formulas

# What the site would load from another host: a src, href (but of <a>), srcset, data or
# poster attribute, a CSS url() or @import, a URL string in a script. A link (<a href>) is no
# load: a reader follows it by choice, so it may point anywhere (the report's source, the
# theme's home page). search/search_index.js is data, the pages' own words: its URLs are text.
_LOAD_ATTRIBUTES = {"src", "href", "srcset", "data", "poster", "action", "formaction"}
_EXTERNAL = re.compile(r"^\s*(?:https?:)?//", flags=re.I)
_CSS_LOAD = re.compile(
    r"""(?:url\(\s*|@import\s+(?:url\(\s*)?)['"]?((?:https?:)?//[^'")\s;]*)""", flags=re.I
)
_JS_URL = re.compile(r"""["'`](https?://[^"'`\s]*)""", flags=re.I)
THEME_LOADERS = {
    "http://www.w3.org/": "XML namespace names: identifiers, never fetched",
    "https://unpkg.com/mermaid@": "Mermaid, loaded only for a page with a Mermaid diagram",
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver",
    "https://api.github.com/": "repository facts, only with a repo_url",
    "https://${": "GitLab repository facts, only with a repo_url",
}
"""URLs in the theme's bundle that the site never loads, each with the reason."""


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self._inline: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inline = tag if tag in {"script", "style"} else None
        for key, value in attrs:
            if not value or (tag == "a" and key == "href"):
                continue
            if key == "style":
                self.loads += _CSS_LOAD.findall(value)
            elif key in _LOAD_ATTRIBUTES:
                urls = [u.split()[0] for u in value.split(",") if u.strip()]
                self.loads += [f"<{tag} {key}={u}>" for u in urls if _EXTERNAL.match(u)]

    def handle_endtag(self, tag: str) -> None:
        self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline == "style":
            self.loads += _CSS_LOAD.findall(data)
        elif self._inline == "script":
            self.loads += [
                u for u in _JS_URL.findall(data) if not u.startswith(tuple(THEME_LOADERS))
            ]


def _external_loads(site: Path) -> list[str]:
    """Every reference of a built HTML, CSS or JS file to a resource on another host."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix not in {".html", ".css", ".js"} or rel == "search/search_index.js":
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            parser = _Loads()
            parser.feed(text)
            urls = parser.loads
        elif path.suffix == ".css":
            urls = _CSS_LOAD.findall(text)
        else:
            urls = [u for u in _JS_URL.findall(text) if not u.startswith(tuple(THEME_LOADERS))]
        found += [f"{rel}: {url}" for url in urls]
    return found


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_loads_nothing_from_another_host(site: Path) -> None:
    assert _external_loads(site) == []
    # The theme's loaders left in its bundle stay unused: no diagram, no repository facts.
    assert not any('class="mermaid"' in p.read_text(encoding="utf-8") for p in _pages(site))
    assert not re.search(r"^repo_url:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_the_check_for_external_loads_finds_them(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '<script src="https://cdn.example.org/x.js"></script><a href="https://example.org">ok</a>'
        '<link rel="stylesheet" href="//fonts.example.org/css"><img srcset="a.png 1x, '
        'https://img.example.org/b.png 2x"><p style="background: url(https://e.org/i.png)">',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text('@import "https://e.org/a.css";', encoding="utf-8")
    (tmp_path / "app.js").write_text('load("https://e.org/b.js")', encoding="utf-8")
    found = _external_loads(tmp_path)
    assert len(found) == 6, found
    assert not any("https://example.org" in f for f in found)


def test_search_and_links_work_from_disk(site: Path) -> None:
    """Opened as files (file://): the index is a script, the worker a shim, links are files."""
    index = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = {")
    shim = site / "javascripts" / "iframe-worker-shim.js"
    assert "IFrameWorker" in shim.read_text(encoding="utf-8")
    for page in _pages(site):
        if page.name == "404.html":  # served at any address: its paths start at the root
            continue
        scripts = re.findall(r'<script src="([^"]+)"', page.read_text(encoding="utf-8"))
        assert (page.parent / scripts[0]).resolve() == shim.resolve(), page  # before the theme
        for href in _parse(page).hrefs:
            parts = urlsplit(href)
            if not parts.scheme and parts.path:
                assert not parts.path.endswith("/"), f"{page.relative_to(site)} -> {href}"


_FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', flags=re.S)
_LATEX = re.compile(r"\\[(\[]|\\(?:frac|text|cdot|min|sum)\b|\$\$")


def test_every_formula_is_mathml(site: Path) -> None:
    formulas = 0
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        for tag, body in _FORMULA.findall(text):
            display = "block" if tag == "div" else "inline"
            assert body.startswith(
                f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="{display}">'
            ), body
            assert body.endswith("</math>"), body
            assert "\\" not in body, body
            formulas += 1
        prose = re.sub(r"<(pre|code)\b.*?</\1>", "", text, flags=re.S)
        assert not _LATEX.search(prose), page.relative_to(site)
        assert "mathjax" not in text.lower(), page.relative_to(site)
    metrics_page = (site / "metrics.html").read_text(encoding="utf-8")
    assert metrics_page.count(
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">'
    ) == len(oi.list_metrics())
    assert formulas >= len(oi.list_metrics())


# --------------------------------------------------------------------------- published figures


class _RecordTables(HTMLParser):
    """The tables of the published-figures page: header cells and the rows of each record."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[list[str]] = []
        self.records: dict[str, list[list[dict[str, str]]]] = {}
        self._record: str | None = None
        self._cell: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.headers.append([])
        elif tag == "tbody" and attr.get("class") == "record":
            self._record = attr["id"]
            self.records[self._record] = []
        elif tag == "tr" and self._record:
            self.records[self._record].append([])
        elif tag in {"td", "th"}:
            self._cell = {"tag": tag, "text": "", "code": "", **attr}
            if tag == "th":
                self.headers[-1].append("")
            elif self._record:
                self.records[self._record][-1].append(self._cell)
        elif tag == "code" and self._cell is not None:
            self._cell["code"] += "\0"  # marks the start of a code span

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._record = None
        elif tag in {"td", "th"}:
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is None:
            return
        self._cell["text"] += data
        if self._cell["tag"] == "th":
            self.headers[-1][-1] += data
        if self._cell["code"].endswith("\0"):
            self._cell["code"] = self._cell["code"][:-1] + data


def test_published_tables_have_four_columns_and_a_record_in_three_lines(site: Path) -> None:
    parser = _RecordTables()
    parser.feed((site / "published.html").read_text(encoding="utf-8"))
    record_tables = [h for h in parser.headers if h != ["", "records"]]  # the summary
    assert len(record_tables) >= 5
    columns = ["printed", "printed value", "computed", "status"]
    assert all(header == columns for header in record_tables)  # no id, how or note column
    records = [r.id for r in load_records()]
    assert len(parser.records) == len(records)
    result = oi.reproduce().set_index("id")
    for record_id in records:
        rows = parser.records["r-" + re.sub(r"[^a-z0-9_-]", "-", record_id.lower())]
        assert [len(row) for row in rows] == [1, 4, 1], record_id
        (id_cell,), values, (note_cell,) = rows
        # the id: whole, alone on its line, across the table
        assert id_cell["class"] == "record-id"
        assert id_cell["colspan"] == "4"
        assert id_cell["code"] == id_cell["text"] == record_id
        assert [v["text"] for v in values][::3] == [
            result.loc[record_id, "phrase"],
            result.loc[record_id, "status"],
        ]
        # the note and how it was computed: under the values, across the table
        assert note_cell["class"] == "record-note"
        assert note_cell["colspan"] == "4"
        assert note_cell["text"].startswith(str(result.loc[record_id, "note"]))
        assert note_cell["code"] == result.loc[record_id, "how"]


def test_a_record_id_never_breaks(site: Path) -> None:
    html = (site / "published.html").read_text(encoding="utf-8")
    assert 'href="stylesheets/tables.css"' in html
    css = (site / "stylesheets" / "tables.css").read_text(encoding="utf-8")
    rule = re.search(r"tbody\.record td\.record-id code\s*\{([^}]*)\}", css)
    assert rule is not None
    declarations = {
        d.split(":")[0].strip(): d.split(":")[1].strip() for d in rule[1].split(";") if ":" in d
    }
    assert declarations["white-space"] == "nowrap"
    assert declarations["word-break"] == "keep-all"
    assert declarations["overflow-wrap"] == "normal"
