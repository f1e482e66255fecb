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
    page = _parse(site / "metrics" / "index.html")
    assert set(oi.list_metrics().index) <= page.ids


def test_the_record_definitions_are_beside_the_metrics(site: Path) -> None:
    from ondermijning_indicators import records

    html = (site / "metrics" / "index.html").read_text(encoding="utf-8")
    assert {"record-definitions", "verdict-records", "seizure-records"} <= _parse(
        site / "metrics" / "index.html"
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
    page = _parse(site / "data" / "index.html")
    assert set(oi.list_samples().index) <= page.ids


def test_every_record_is_on_the_published_figures_page(site: Path) -> None:
    page = _parse(site / "published" / "index.html")
    anchors = {"r-" + re.sub(r"[^a-z0-9_-]", "-", r.id.lower()) for r in load_records()}
    assert anchors <= page.ids


def test_every_audit_finding_is_on_the_audit_page(site: Path) -> None:
    text = (site / "audit" / "index.html").read_text(encoding="utf-8")
    for finding in oi.audit().query("status == 'finding'")["id"]:
        assert finding in text


def test_every_public_metric_has_an_api_entry(site: Path) -> None:
    page = _parse(site / "api" / "metrics" / "index.html")
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

    text = (site / "boundaries" / "index.html").read_text(encoding="utf-8")
    for field in dataclasses.fields(LIMITS):
        value = getattr(LIMITS, field.name)
        shown = f"{value // 2**20} MiB" if field.name.endswith("bytes") else f"{value:,}"
        assert f"<code>{field.name}</code></td>\n<td>{shown}</td>" in text, field.name
